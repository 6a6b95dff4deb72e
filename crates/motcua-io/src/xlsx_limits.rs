//! Decompression limits of an `.xlsx` workbook, checked before the parser sees it: a
//! workbook is a zip archive, and a few megabytes can inflate to gigabytes (one huge
//! string, a hundred million shared strings, a `uniqueCount` that asks for terabytes).
//! Every part (the reader loads the workbook, styles, shared strings and a sheet) is
//! inflated once as a stream, in constant memory, and measured:
//!
//! - the parts' total size ([`Limits::max_xlsx_bytes`], `--max-xlsx-size`),
//! - the inflation ratio of each part larger than 1 MiB ([`Limits::max_xlsx_ratio`],
//!   `--max-xlsx-ratio`),
//! - the number of shared strings, counted and as the file announces it
//!   ([`Limits::max_shared_strings`], `--max-shared-strings`),
//! - the longest text between two tags, which bounds one cell
//!   ([`Limits::max_record_bytes`], `--max-record-size`).

use std::io::{Read, Seek, SeekFrom};

use crate::error::ReadError;
use crate::input::InputError;
use crate::limits::{Limit, Limits};

/// Parts smaller than this are not held to the ratio limit (styles and small sheets
/// compress well and are harmless).
const RATIO_FLOOR: u64 = 1 << 20;

/// Checks the workbook in `input` against `limits`; `input` is back at its start after.
pub(crate) fn check<RS: Read + Seek>(input: &mut RS, limits: &Limits) -> Result<(), InputError> {
    let mut zip = zip::ZipArchive::new(&mut *input).map_err(|e| {
        InputError::File(format!(
            "the workbook cannot be opened, it may be damaged: {e}"
        ))
    })?;
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        let mut part = zip.by_index(i).map_err(|e| {
            InputError::File(format!(
                "the workbook cannot be opened, it may be damaged: {e}"
            ))
        })?;
        let name = part
            .name()
            .map(std::borrow::Cow::into_owned)
            .unwrap_or_default();
        let shared = name.eq_ignore_ascii_case("xl/sharedStrings.xml");
        let compressed = part.compressed_size().max(1);
        let mut scan = Scan::new(shared);
        let mut buf = vec![0u8; 64 << 10];
        loop {
            let n = part.read(&mut buf).map_err(|e| {
                InputError::File(format!(
                    "the workbook part {name} cannot be read, it may be damaged: {e}"
                ))
            })?;
            if n == 0 {
                break;
            }
            total += n as u64;
            let over = |limit, max: u64| {
                Err(InputError::Read(ReadError::WorkbookLimit {
                    limit,
                    max,
                    part: name.clone(),
                }))
            };
            if total > limits.max_xlsx_bytes {
                return over(Limit::XlsxBytes, limits.max_xlsx_bytes);
            }
            scan.feed(&buf[..n]);
            if scan.bytes > RATIO_FLOOR
                && scan.bytes / compressed > u64::from(limits.max_xlsx_ratio)
            {
                return over(Limit::XlsxRatio, u64::from(limits.max_xlsx_ratio));
            }
            if scan.longest_text > limits.max_record_bytes as u64 {
                return over(Limit::RecordBytes, limits.max_record_bytes as u64);
            }
            let announced = scan.announced.unwrap_or(0);
            if scan.strings.max(announced) > limits.max_shared_strings as u64 {
                return over(Limit::SharedStrings, limits.max_shared_strings as u64);
            }
        }
    }
    drop(zip);
    input.seek(SeekFrom::Start(0)).map_err(ReadError::Stream)?;
    Ok(())
}

/// What one pass over a part's XML measures, in constant memory.
struct Scan {
    shared: bool,
    bytes: u64,
    /// Bytes since the last `<` or `>`.
    run: u64,
    longest_text: u64,
    /// `<si>` / `<si ` elements seen (shared strings).
    strings: u64,
    /// `uniqueCount` / `count` of `<sst …>`, once read.
    announced: Option<u64>,
    /// The head of the part, until `<sst …>` is read.
    head: Vec<u8>,
    /// The last bytes of the previous buffer, so that a tag cut between two reads counts.
    tail: Vec<u8>,
}

impl Scan {
    fn new(shared: bool) -> Self {
        Self {
            shared,
            bytes: 0,
            run: 0,
            longest_text: 0,
            strings: 0,
            announced: None,
            head: Vec::new(),
            tail: Vec::new(),
        }
    }

    fn feed(&mut self, data: &[u8]) {
        self.bytes += data.len() as u64;
        let mut last = 0;
        for at in memchr::memchr2_iter(b'<', b'>', data) {
            self.run += (at - last) as u64;
            self.longest_text = self.longest_text.max(self.run);
            self.run = 0;
            last = at + 1;
        }
        self.run += (data.len() - last) as u64;
        self.longest_text = self.longest_text.max(self.run);
        if !self.shared {
            return;
        }
        let mut joined = std::mem::take(&mut self.tail);
        joined.extend_from_slice(data);
        let carried = joined.len() - data.len();
        // an element starting in the carried bytes was counted with the previous buffer
        self.strings += memchr::memmem::find_iter(&joined, b"<si")
            .filter(|&i| i + 3 > carried)
            .filter(|&i| {
                matches!(joined.get(i + 3), Some(b'>' | b' ' | b'/')) || i + 3 == joined.len()
            })
            .count() as u64;
        if self.announced.is_none() && self.head.len() < 64 << 10 {
            self.head
                .extend_from_slice(&data[..data.len().min((64 << 10) - self.head.len())]);
            self.announced = announced_count(&self.head);
        }
        let keep = joined.len().min(3);
        self.tail = joined[joined.len() - keep..].to_vec();
    }
}

/// The larger of `uniqueCount` and `count` of the `<sst …>` start tag, once it is whole.
fn announced_count(head: &[u8]) -> Option<u64> {
    let start = memchr::memmem::find(head, b"<sst")?;
    let end = start + memchr::memchr(b'>', &head[start..])?;
    let tag = std::str::from_utf8(&head[start..end]).ok()?;
    let value = |attr: &str| -> u64 {
        tag.split_whitespace()
            .filter_map(|kv| kv.strip_prefix(attr))
            .filter_map(|v| v.strip_prefix('='))
            .map(|v| v.trim_matches(|c| c == '"' || c == '\''))
            .find_map(|v| v.parse::<u64>().ok().or(Some(u64::MAX)))
            .unwrap_or(0)
    };
    Some(value("uniqueCount").max(value("count")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shared_strings_are_counted_across_buffer_edges() {
        let xml =
            b"<sst count=\"3\" uniqueCount=\"3\"><si><t>a</t></si><si><t>bb</t></si><si/></sst>";
        let longest = xml
            .split(|&b| b == b'<' || b == b'>')
            .map(<[u8]>::len)
            .max()
            .unwrap() as u64;
        for cut in 1..xml.len() {
            let mut s = Scan::new(true);
            s.feed(&xml[..cut]);
            s.feed(&xml[cut..]);
            assert_eq!(s.strings, 3, "cut at {cut}");
            assert_eq!(s.announced, Some(3), "cut at {cut}");
            assert_eq!(s.longest_text, longest, "cut at {cut}");
        }
    }

    #[test]
    fn an_unreadable_count_is_taken_as_huge() {
        assert_eq!(
            announced_count(b"<sst uniqueCount=\"99999999999999999999999\">"),
            Some(u64::MAX)
        );
        assert_eq!(announced_count(b"<sst xmlns=\"x\">"), Some(0));
        assert_eq!(announced_count(b"<sst count=\"5\""), None);
    }
}

//! Source profiles in the readers (contract section 14): resolving `NAME|FILE.toml|auto`,
//! detecting the profile of a source, sniffing a CSV's separator and header row, decoding
//! legacy encodings, and the near misses that a message or `motcua inspect` suggests.

use std::io::Read;
use std::sync::Arc;

use motcua_core::profile::{Encoding, MappedHeader, Profile, ProfileError};
use motcua_core::record::{Column, HeaderError};

use crate::error::ReadError;

/// The profile a `--profile` (or `profile=`) value names: `auto`, a built-in name
/// (`contract`, `dvcqg`, `opencps`, `rest-camel`, `sqlserver`) or a TOML file.
pub fn resolve_profile(spec: &str) -> Result<Profile, ProfileError> {
    let spec = spec.trim();
    if spec.is_empty() || spec == "auto" {
        return Ok(Profile::auto());
    }
    if Profile::builtin_toml(spec).is_some() {
        return Profile::builtin(spec);
    }
    let path = std::path::Path::new(spec);
    let looks_like_file = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("toml"))
        || spec.contains('/')
        || spec.contains('\\');
    if !looks_like_file {
        return Err(ProfileError::Unknown(spec.to_owned()));
    }
    let text = std::fs::read_to_string(path).map_err(|e| ProfileError::Unreadable {
        path: spec.to_owned(),
        message: e.to_string(),
    })?;
    Profile::from_toml(&text, spec)
}

/// The profile of `ReadOptions::profile` (`None` = `auto`).
pub(crate) fn chosen(p: Option<&Arc<Profile>>) -> Arc<Profile> {
    p.cloned().unwrap_or_else(|| Arc::new(Profile::auto()))
}

/// Fields that only the portal's sync record has (never a column of sections 1, 11, 13).
const SYNC_ONLY: [&str; 6] = [
    "TaiLieuNop",
    "DanhSachHoSoBoSung",
    "MaDoiTuong",
    "DanhSachLePhi",
    "DanhSachTepDinhKemKhac",
    "DanhSachGiayToKetQua",
];

/// What a source shows to [`detect`]: its column names (or the keys of its first records),
/// whether some value is a `NULL` token, whether the records sit under `data`.
#[derive(Debug, Clone, Copy, Default)]
pub struct Signature<'a> {
    /// Column names or record keys.
    pub names: &'a [&'a str],
    /// Some value of the first records is `NULL` (any case).
    pub has_null_tokens: bool,
    /// The JSON records sit under a `data` key.
    pub under_data: bool,
}

/// Contract 14's `auto`: the built-in profile a source's signature points to, in the
/// contract's order, taken only if every required column resolves through it; else
/// `contract`. Returns the profile and why it was picked.
#[must_use]
pub fn detect(sig: &Signature<'_>) -> (Profile, &'static str) {
    let has = |n: &str| sig.names.contains(&n);
    let resolves = |p: &Profile| p.map_header(sig.names.iter().copied()).is_ok();
    let pick = |name: &str| Profile::builtin(name).unwrap_or_else(|_| Profile::contract());
    if has("HinhThuc") && !has("KenhThucHien") {
        let p = pick("opencps");
        if resolves(&p) {
            return (p, "HinhThuc without KenhThucHien");
        }
    }
    let camel_only = Column::required().all(|c| !has(c.name()) && has(&camel(c.name())));
    if camel_only || sig.under_data {
        let p = pick("rest-camel");
        if resolves(&p) || (sig.under_data && sig.names.is_empty()) {
            return (
                p,
                if camel_only {
                    "camelCase column names"
                } else {
                    "records under `data`"
                },
            );
        }
    }
    let sql = pick("sqlserver");
    let db_names = Column::required().any(|c| {
        !has(c.name())
            && sql
                .columns
                .get(&c)
                .is_some_and(|a| a.iter().any(|n| has(n)))
    });
    if (db_names || sig.has_null_tokens) && resolves(&sql) {
        return (
            sql,
            if db_names {
                "database column names"
            } else {
                "NULL tokens"
            },
        );
    }
    let contract = Profile::contract();
    if resolves(&contract) && SYNC_ONLY.iter().any(|n| has(n)) {
        return (pick("dvcqg"), "fields of the portal's sync record");
    }
    (contract, "the contract's column names")
}

/// `MaHoSo` → `maHoSo`.
fn camel(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut chars = name.chars();
    if let Some(f) = chars.next() {
        out.extend(f.to_lowercase());
    }
    out.extend(chars);
    out
}

/// A source column that looks like a missing contract column.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct NearMiss {
    /// The contract column.
    pub column: &'static str,
    /// The source column.
    pub found: String,
    /// How they differ: `case`, `accents` or `alias`.
    pub how: &'static str,
    /// A built-in profile that maps it, if one does.
    pub profile: Option<&'static str>,
}

/// Letters without accents, lower case (`Đơn vị` → `don vi`).
fn fold(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    s.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'đ' { 'd' } else { c })
        .collect()
}

/// The near misses of a header for the contract columns that `profile` does not resolve:
/// a source name that differs by case or accents, or an alias a built-in profile knows.
#[must_use]
pub fn near_misses(profile: &Profile, names: &[&str]) -> Vec<NearMiss> {
    let resolved = |c: Column| profile.names_of(c).any(|n| names.contains(&n));
    let mut out = Vec::new();
    let folded: Vec<String> = names.iter().map(|n| fold(n)).collect();
    for c in Column::ALL.into_iter().filter(|c| !resolved(*c)) {
        let column_folded = fold(c.name());
        for (&n, n_folded) in names.iter().zip(&folded) {
            let alias = Profile::builtins()
                .find(|(_, p)| {
                    p.columns.get(&c).is_some_and(|a| a.iter().any(|x| x == n))
                        || p.derived.get(&c).is_some_and(|d| d.from == n)
                })
                .map(|(b, _)| b);
            let how = if let Some(b) = alias {
                Some(("alias", Some(b)))
            } else if n.eq_ignore_ascii_case(c.name()) {
                Some(("case", None))
            } else if *n_folded == column_folded {
                Some(("accents", None))
            } else {
                None
            };
            if let Some((how, p)) = how {
                out.push(NearMiss {
                    column: c.name(),
                    found: n.to_owned(),
                    how,
                    profile: p,
                });
                break;
            }
        }
    }
    out
}

/// The hint a header error gives: the near misses, with the profile that maps them.
#[must_use]
pub fn hint(profile: &Profile, names: &[&str]) -> Option<String> {
    if let [one] = names {
        if one.contains(';') || one.contains('\t') {
            let sep = if one.contains(';') { ";" } else { "\\t" };
            return Some(format!(
                "the header is one column holding '{sep}': the file is '{sep}'-separated (use --profile auto, or a profile with separator = \"{sep}\")"
            ));
        }
    }
    let misses = near_misses(profile, names);
    let first = misses
        .iter()
        .find(|m| Column::from_name(m.column).is_some_and(Column::is_required))?;
    Some(match first.profile {
        Some(p) => format!("`{}` found: did you mean `--profile {p}`?", first.found),
        None => format!(
            "`{}` found for {}: names differ by {} (a profile with case_insensitive = true, or [columns] {} = \"{}\")",
            first.found, first.column, first.how, first.column, first.found
        ),
    })
}

/// Maps a header row (`names`) through `profile`; with `auto`, the profile is first
/// detected from the names (and from `has_null_tokens`, asked only then). Returns the
/// mapping and, when detected, why that profile; a header that does not map says what is
/// missing, with the near miss a built-in profile would map. Every reader finds its header
/// with this one rule (CSV, workbooks, Arrow and Parquet).
pub fn map_names(
    profile: &Profile,
    names: &[&str],
    has_null_tokens: impl FnOnce() -> bool,
) -> Result<(MappedHeader, Option<&'static str>), ReadError> {
    let (p, why) = if profile.auto {
        let (p, why) = detect(&Signature {
            names,
            has_null_tokens: has_null_tokens(),
            under_data: false,
        });
        (p, Some(why))
    } else {
        (profile.clone(), None)
    };
    p.map_header(names.iter().copied())
        .map(|m| (m, why))
        .map_err(|e| match hint(&p, names) {
            Some(hint) => ReadError::HeaderHint { error: e, hint },
            None => e.into(),
        })
}

/// A CSV source's layout: separator, header row and its mapping.
#[derive(Debug, Clone)]
pub struct CsvLayout {
    /// The separator byte.
    pub separator: u8,
    /// The physical line of the header (1-based).
    pub header_line: u64,
    /// Bytes before the first data record (title rows and the header).
    pub header_end: usize,
    /// Physical lines before the first data record.
    pub lines_before_data: u64,
    /// The header mapped through the profile.
    pub mapped: MappedHeader,
    /// How the profile was chosen, when detected.
    pub detected: Option<&'static str>,
}

/// Sniffs the separator and header row of a CSV whose first bytes are `head` (without a
/// BOM), and maps the header through `profile` (detected when `auto`).
pub fn sniff_csv(head: &[u8], profile: &Profile, eof: bool) -> Result<CsvLayout, ReadError> {
    let records = record_spans(head, eof);
    if records.is_empty() {
        return Err(HeaderError::Empty.into());
    }
    let seps: Vec<u8> = match profile.separator.byte() {
        Some(b) if !profile.auto => vec![b],
        _ => vec![b',', b';', b'\t'],
    };
    let rows: Vec<usize> = match profile.header_row {
        Some(r) if !profile.auto => vec![r as usize - 1],
        _ => (0..records.len().min(30)).collect(),
    };
    let mut first_err: Option<ReadError> = None;
    for &r in &rows {
        let Some(&(start, end, line)) = records.get(r) else {
            continue;
        };
        for &sep in &seps {
            let names = split(&head[start..end], sep)?;
            if names.len() < 2 && seps.len() > 1 {
                continue;
            }
            let refs: Vec<&str> = names.iter().map(String::as_str).collect();
            let nulls = || {
                records.iter().skip(r + 1).take(1000).any(|&(s, e, _)| {
                    split(&head[s..e], sep)
                        .is_ok_and(|v| v.iter().any(|f| f.trim().eq_ignore_ascii_case("NULL")))
                })
            };
            match map_names(profile, &refs, nulls) {
                Ok((mapped, detected)) => {
                    let lines_before_data = crate::lines::line_ends(&head[..end]);
                    return Ok(CsvLayout {
                        separator: sep,
                        header_line: line,
                        header_end: end,
                        lines_before_data: lines_before_data.max(1),
                        mapped,
                        detected,
                    });
                }
                Err(e) => {
                    if first_err.is_none() && (sep == seps[0] || names.len() > 1) {
                        first_err = Some(e);
                    }
                }
            }
        }
    }
    if first_err.is_none() {
        // every candidate row was a single column under every separator: read row 1 as is
        let (s, e, _) = records[rows[0].min(records.len() - 1)];
        let names = split(&head[s..e], seps[0])?;
        let refs: Vec<&str> = names.iter().map(String::as_str).collect();
        let base = if profile.auto {
            Profile::contract()
        } else {
            profile.clone()
        };
        if let Err(err) = base.map_header(refs.iter().copied()) {
            first_err = Some(match hint(&base, &refs) {
                Some(hint) => ReadError::HeaderHint { error: err, hint },
                None => err.into(),
            });
        }
    }
    Err(first_err.unwrap_or_else(|| HeaderError::Empty.into()))
}

/// Start, end (after the newline) and physical line of the first records of `data`.
fn record_spans(data: &[u8], eof: bool) -> Vec<(usize, usize, u64)> {
    // records and lines as `crate::lines` counts them: `\n`, `\r\n` or a lone `\r`
    let mut out = Vec::new();
    let mut start = 0;
    let mut line = 1u64;
    while start < data.len() {
        let Some(len) = crate::lines::first_record_end(&data[start..], eof) else {
            break;
        };
        let end = start + len;
        let rec = &data[start..end];
        if !rec.iter().all(u8::is_ascii_whitespace) {
            out.push((start, end, line));
        }
        line += crate::lines::line_ends(rec);
        start = end;
        if out.len() >= 1100 {
            return out;
        }
    }
    if eof && start < data.len() && !data[start..].iter().all(u8::is_ascii_whitespace) {
        out.push((start, data.len(), line));
    }
    out
}

/// The fields of one record.
fn split(rec: &[u8], sep: u8) -> Result<Vec<String>, ReadError> {
    let to_text = |(i, f): (usize, &[u8])| {
        std::str::from_utf8(f)
            .map(str::to_owned)
            .map_err(|_| ReadError::NotUtf8 {
                line: 1,
                column: format!("#{}", i + 1),
            })
    };
    // a record without quotes or inner line ends (nearly every header): its fields are what
    // lies between the separators, as the csv crate would read them, without building a
    // reader
    let body = rec
        .strip_suffix(b"\r\n")
        .or_else(|| rec.strip_suffix(b"\n"))
        .or_else(|| rec.strip_suffix(b"\r"))
        .unwrap_or(rec);
    if !body.iter().any(|b| matches!(b, b'"' | b'\r' | b'\n')) {
        if body.is_empty() {
            return Ok(Vec::new());
        }
        return body.split(|&b| b == sep).enumerate().map(to_text).collect();
    }
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(sep)
        .from_reader(rec);
    let mut r = csv::ByteRecord::new();
    if !rdr.read_byte_record(&mut r).unwrap_or(false) {
        return Ok(Vec::new());
    }
    r.iter().enumerate().map(to_text).collect()
}

/// `input` decoded to UTF-8 from the profile's encoding; a UTF-16 byte-order mark is
/// recognised whatever the profile says.
pub fn decoded<'r, R: Read + Send + 'r>(
    mut input: R,
    encoding: Encoding,
) -> Result<Box<dyn Read + Send + 'r>, ReadError> {
    let mut head = [0u8; 2];
    let mut n = 0;
    while n < 2 {
        match input.read(&mut head[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(ReadError::Stream(e)),
        }
    }
    let prefix = std::io::Cursor::new(head[..n].to_vec());
    let enc = match (&head[..n], encoding) {
        ([0xFF, 0xFE], _) => Some(encoding_rs::UTF_16LE),
        ([0xFE, 0xFF], _) => Some(encoding_rs::UTF_16BE),
        (_, Encoding::Utf16) => Some(encoding_rs::UTF_16LE),
        (_, Encoding::Windows1258) => Some(encoding_rs::WINDOWS_1258),
        _ => None,
    };
    let chained = prefix.chain(input);
    Ok(match enc {
        None => Box::new(chained),
        Some(e) => Box::new(DecodeReader {
            input: chained,
            decoder: e.new_decoder(),
            inbuf: vec![0; 1 << 16],
            out: Vec::new(),
            pos: 0,
            eof: false,
        }),
    })
}

/// A reader that decodes another to UTF-8 (Vietnamese tone marks of windows-1258 come out
/// combining; the readers compose them by NFC).
struct DecodeReader<R> {
    input: R,
    decoder: encoding_rs::Decoder,
    inbuf: Vec<u8>,
    out: Vec<u8>,
    pos: usize,
    eof: bool,
}

impl<R: Read> Read for DecodeReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        while self.pos >= self.out.len() {
            if self.eof {
                return Ok(0);
            }
            let n = self.input.read(&mut self.inbuf)?;
            let last = n == 0;
            self.eof = last;
            self.out.clear();
            self.pos = 0;
            let max = self.decoder.max_utf8_buffer_length(n).unwrap_or(n * 3 + 16);
            self.out.resize(max, 0);
            let (_, _, written, _) =
                self.decoder
                    .decode_to_utf8(&self.inbuf[..n], &mut self.out, last);
            self.out.truncate(written);
        }
        let k = buf.len().min(self.out.len() - self.pos);
        buf[..k].copy_from_slice(&self.out[self.pos..self.pos + k]);
        self.pos += k;
        Ok(k)
    }
}

#[cfg(test)]
mod tests {
    use super::split;

    /// The csv crate's reading of the first record, the reference for `split`'s fast path.
    fn by_csv(rec: &[u8], sep: u8) -> Vec<String> {
        let mut rdr = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(sep)
            .from_reader(rec);
        let mut r = csv::StringRecord::new();
        if !rdr.read_record(&mut r).unwrap() {
            return Vec::new();
        }
        r.iter().map(str::to_owned).collect()
    }

    #[test]
    fn split_reads_a_record_as_the_csv_crate_does() {
        let cases: [&[u8]; 16] = [
            b"",
            b"\n",
            b"\r\n",
            b"\r",
            b"MaHoSo,DonViXuLy\n",
            b"MaHoSo;DonViXuLy\r\n",
            b"a,b\r",
            b"a,\"b\nc\"\n",
            b"MaHoSo",
            b"MaHoSo,DonViXuLy,,",
            b",",
            b"a;b;c",
            b"a\tb",
            b"\"Ma,HoSo\",b",
            b"a,b\r\n",
            "Đơn vị,Mã".as_bytes(),
        ];
        for rec in cases {
            for sep in [b',', b';', b'\t'] {
                assert_eq!(split(rec, sep).unwrap(), by_csv(rec, sep), "{rec:?} {sep}");
            }
        }
    }
}

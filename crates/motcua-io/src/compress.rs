//! Compressed input: gzip (`.gz`) and Zstandard (`.zst`) files read as a stream, with
//! pure-Rust decoders (no C code, so the WebAssembly build can have them too).
//!
//! A file is decompressed when its name ends in `.gz`/`.gzip` or `.zst`/`.zstd`, or when its
//! first bytes are a gzip or Zstandard header; the format of what is inside comes from the
//! name without that ending (`x.csv.gz` is CSV, `x.json.zst` JSON), CSV when it says nothing.
//! Every gzip member and every Zstandard frame is read, as `zcat` and `zstdcat` do.
//!
//! ```
//! use std::io::{Read, Write};
//! use motcua_io::compress::{Compression, decoder};
//! let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
//! gz.write_all(b"MaHoSo,DonViXuLy\n").unwrap();
//! let bytes = gz.finish().unwrap();
//! assert_eq!(Compression::sniff(&bytes), Some(Compression::Gzip));
//! let mut text = String::new();
//! decoder(Compression::Gzip, &bytes[..]).read_to_string(&mut text).unwrap();
//! assert_eq!(text, "MaHoSo,DonViXuLy\n");
//! ```

use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use ruzstd::decoding::FrameDecoder;
use ruzstd::decoding::errors::{FrameDecoderError, ReadFrameHeaderError};

/// A compression of the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Compression {
    /// gzip (RFC 1952).
    Gzip,
    /// Zstandard (RFC 8878).
    Zstd,
}

impl Compression {
    /// The compression a file name's last extension names.
    #[must_use]
    pub fn from_path(path: &Path) -> Option<Self> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "gz" | "gzip" => Some(Self::Gzip),
            "zst" | "zstd" => Some(Self::Zstd),
            _ => None,
        }
    }

    /// The compression the first bytes of an input show (its magic number).
    #[must_use]
    pub fn sniff(head: &[u8]) -> Option<Self> {
        if head.starts_with(&[0x1f, 0x8b]) {
            Some(Self::Gzip)
        } else if head.starts_with(&[0x28, 0xb5, 0x2f, 0xfd]) {
            Some(Self::Zstd)
        } else {
            None
        }
    }

    /// The name used in messages.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Gzip => "gzip",
            Self::Zstd => "zstd",
        }
    }
}

/// The path without its compression extension (`x.csv.gz` → `x.csv`), which tells the
/// format of what is inside; the path itself when it has none.
#[must_use]
pub fn inner_path(path: &Path) -> PathBuf {
    if Compression::from_path(path).is_some() {
        path.with_extension("")
    } else {
        path.to_owned()
    }
}

/// A reader of the decompressed bytes.
pub fn decoder<'a, R: Read + Send + 'a>(c: Compression, input: R) -> Box<dyn Read + Send + 'a> {
    match c {
        Compression::Gzip => Box::new(flate2::read::MultiGzDecoder::new(BufReader::with_capacity(
            1 << 16,
            input,
        ))),
        Compression::Zstd => Box::new(Zstd {
            source: BufReader::with_capacity(1 << 16, input),
            frame: FrameDecoder::new(),
            in_frame: false,
        }),
    }
}

/// Opens `input` as it is, or decompressed when its first bytes are a gzip or Zstandard
/// header. Returns what was found.
pub fn sniffed<'a, R: Read + Send + 'a>(
    input: R,
) -> io::Result<(Option<Compression>, Box<dyn Read + Send + 'a>)> {
    let mut input = BufReader::with_capacity(1 << 16, input);
    let found = Compression::sniff(input.fill_buf()?);
    Ok(match found {
        Some(c) => (found, decoder(c, input)),
        None => (None, Box::new(input)),
    })
}

/// Every Zstandard frame of a stream, one after the other (skippable frames skipped).
struct Zstd<R: BufRead> {
    source: R,
    frame: FrameDecoder,
    in_frame: bool,
}

fn zstd_error(e: impl std::fmt::Display) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidData,
        format!("the zstd stream is damaged: {e}"),
    )
}

impl<R: BufRead> Read for Zstd<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if buf.is_empty() {
            return Ok(0);
        }
        loop {
            if !self.in_frame {
                if self.source.fill_buf()?.is_empty() {
                    return Ok(0);
                }
                match self.frame.reset(&mut self.source) {
                    Ok(()) => self.in_frame = true,
                    Err(FrameDecoderError::ReadFrameHeaderError(
                        ReadFrameHeaderError::SkipFrame { length, .. },
                    )) => {
                        io::copy(
                            &mut (&mut self.source).take(u64::from(length)),
                            &mut io::sink(),
                        )?;
                        continue;
                    }
                    Err(e) => return Err(zstd_error(e)),
                }
            }
            while self.frame.can_collect() < buf.len() && !self.frame.is_finished() {
                let want = buf.len() - self.frame.can_collect();
                self.frame
                    .decode_blocks(
                        &mut self.source,
                        ruzstd::decoding::BlockDecodingStrategy::UptoBytes(want),
                    )
                    .map_err(zstd_error)?;
            }
            let n = self.frame.read(buf)?;
            if n > 0 {
                return Ok(n);
            }
            if self.frame.is_finished() {
                self.in_frame = false;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    fn gzip(data: &[u8]) -> Vec<u8> {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(data).unwrap();
        gz.finish().unwrap()
    }

    fn zstd(data: &[u8]) -> Vec<u8> {
        ruzstd::encoding::compress_to_vec(data, ruzstd::encoding::CompressionLevel::Fastest)
    }

    fn all(c: Compression, bytes: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        decoder(c, bytes).read_to_end(&mut out).unwrap();
        out
    }

    #[test]
    fn members_and_frames_follow_one_another() {
        let a: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();
        let b = b"second part\n".to_vec();
        let whole = [a.clone(), b.clone()].concat();
        let gz = [gzip(&a), gzip(&b)].concat();
        assert_eq!(all(Compression::Gzip, &gz), whole);
        let zs = [zstd(&a), zstd(&b)].concat();
        assert_eq!(Compression::sniff(&zs), Some(Compression::Zstd));
        assert_eq!(all(Compression::Zstd, &zs), whole);
        // A skippable frame between the two is passed over.
        let skip = [
            &0x184D_2A50u32.to_le_bytes()[..],
            &3u32.to_le_bytes(),
            b"xyz",
        ]
        .concat();
        let zs = [zstd(&a), skip, zstd(&b)].concat();
        assert_eq!(all(Compression::Zstd, &zs), whole);
    }

    #[test]
    fn names_and_magic() {
        assert_eq!(
            Compression::from_path(Path::new("q3.CSV.GZ")),
            Some(Compression::Gzip)
        );
        assert_eq!(
            inner_path(Path::new("a/q3.json.zst")),
            Path::new("a/q3.json")
        );
        assert_eq!(inner_path(Path::new("q3.csv")), Path::new("q3.csv"));
        assert_eq!(Compression::sniff(b"MaHoSo,"), None);
        let (c, mut r) = sniffed(&b"plain"[..]).unwrap();
        let mut s = String::new();
        r.read_to_string(&mut s).unwrap();
        assert_eq!((c, s.as_str()), (None, "plain"));
        let (c, _) = sniffed(&gzip(b"x")[..]).unwrap();
        assert_eq!(c, Some(Compression::Gzip));
    }

    #[test]
    fn damaged_input_is_an_error() {
        let mut zs = zstd(&vec![7u8; 100_000]);
        let n = zs.len();
        zs.truncate(n / 2);
        let mut out = Vec::new();
        let err = decoder(Compression::Zstd, &zs[..]).read_to_end(&mut out);
        assert!(err.is_err());
        let mut gz = gzip(&vec![7u8; 100_000]);
        gz.truncate(gz.len() / 2);
        assert!(
            decoder(Compression::Gzip, &gz[..])
                .read_to_end(&mut out)
                .is_err()
        );
    }
}

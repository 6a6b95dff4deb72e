//! The byte format of a partial (version 1): magic, little-endian version, CBOR body.

use super::{Partial, PartialError};

/// The first eight bytes of every partial.
pub const MAGIC: &[u8; 8] = b"MOTCUAPA";

/// The format version this build reads and writes.
pub const FORMAT_VERSION: u16 = 1;

const HEAD: usize = MAGIC.len() + 2;

impl Partial {
    /// The partial as bytes: [`MAGIC`], [`FORMAT_VERSION`] (little-endian `u16`), then the
    /// partial in CBOR.
    #[must_use]
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(1024);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        ciborium::into_writer(self, &mut out).expect("writing to memory cannot fail");
        out
    }

    /// Reads the bytes of [`Partial::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, PartialError> {
        let magic_len = bytes.len().min(MAGIC.len());
        if bytes[..magic_len] != MAGIC[..magic_len] {
            return Err(PartialError::BadMagic);
        }
        if bytes.len() < HEAD {
            return Err(PartialError::Truncated { len: bytes.len() });
        }
        let found = u16::from_le_bytes([bytes[8], bytes[9]]);
        if found != FORMAT_VERSION {
            return Err(PartialError::UnsupportedVersion {
                found,
                supported: FORMAT_VERSION,
            });
        }
        let mut body = &bytes[HEAD..];
        let partial: Self = ciborium::from_reader(&mut body).map_err(|e| match e {
            ciborium::de::Error::Io(_) => PartialError::Truncated { len: bytes.len() },
            other => PartialError::Corrupt(other.to_string()),
        })?;
        if !body.is_empty() {
            return Err(PartialError::Corrupt(format!(
                "{} bytes after the end of the partial",
                body.len()
            )));
        }
        Ok(partial)
    }
}

//! Size limits of the readers, so that a hostile or broken file (a field that never ends,
//! `/dev/zero`, a header of a million columns) fails fast with a clear error under a
//! bounded memory instead of exhausting it. Each limit has a documented default and a
//! command-line option that raises it.
//!
//! ```
//! use motcua_io::limits::Limits;
//!
//! let l = Limits::default();
//! assert_eq!(l.max_record_bytes, 16 << 20);
//! assert_eq!(l.max_header_fields, 10_000);
//! ```

/// The readers' size limits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Limits {
    /// Largest record (one row, all its fields and quoted line ends), in bytes; also bounds
    /// every field. Default 16 MiB (real rows are a few hundred bytes). `--max-record-size`.
    pub max_record_bytes: usize,
    /// Most columns in the header. Default 10 000. `--max-header-fields`.
    pub max_header_fields: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_record_bytes: 16 << 20,
            max_header_fields: 10_000,
        }
    }
}

impl Limits {
    /// These limits with a larger record size (never below 1 KiB).
    #[must_use]
    pub fn with_record_bytes(mut self, bytes: usize) -> Self {
        self.max_record_bytes = bytes.max(1024);
        self
    }

    /// These limits with another header width.
    #[must_use]
    pub fn with_header_fields(mut self, fields: usize) -> Self {
        self.max_header_fields = fields.max(1);
        self
    }
}

/// Which limit was hit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Limit {
    /// [`Limits::max_record_bytes`].
    RecordBytes,
    /// [`Limits::max_header_fields`].
    HeaderFields,
}

impl Limit {
    /// The command-line option that raises the limit.
    #[must_use]
    pub fn option(self) -> &'static str {
        match self {
            Self::RecordBytes => "--max-record-size",
            Self::HeaderFields => "--max-header-fields",
        }
    }

    /// What the limit bounds, in words.
    #[must_use]
    pub fn what(self) -> &'static str {
        match self {
            Self::RecordBytes => "kích thước một bản ghi (record size, bytes)",
            Self::HeaderFields => "số cột của dòng tiêu đề (header columns)",
        }
    }
}

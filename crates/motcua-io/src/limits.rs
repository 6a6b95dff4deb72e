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
//! assert_eq!(l.max_xlsx_bytes, 1 << 30);
//! assert_eq!(l.max_shared_strings, 10_000_000);
//! assert_eq!(l.max_xlsx_ratio, 200);
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
    /// Largest inflated size of all the parts of an `.xlsx` workbook, in bytes. Default 1 GiB (a million dossiers take about 200 MiB).
    /// `--max-xlsx-size`.
    pub max_xlsx_bytes: u64,
    /// Most shared strings of an `.xlsx` workbook, counted or announced. Default
    /// 10 000 000. `--max-shared-strings`.
    pub max_shared_strings: usize,
    /// Largest inflation ratio of one workbook part over 1 MiB. Default 200 (sheets of
    /// dossiers inflate 5–30 times). `--max-xlsx-ratio`.
    pub max_xlsx_ratio: u32,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_record_bytes: 16 << 20,
            max_header_fields: 10_000,
            max_xlsx_bytes: 1 << 30,
            max_shared_strings: 10_000_000,
            max_xlsx_ratio: 200,
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

    /// These limits with another inflated workbook size (never below 1 MiB).
    #[must_use]
    pub fn with_xlsx_bytes(mut self, bytes: u64) -> Self {
        self.max_xlsx_bytes = bytes.max(1 << 20);
        self
    }

    /// These limits with another number of shared strings.
    #[must_use]
    pub fn with_shared_strings(mut self, n: usize) -> Self {
        self.max_shared_strings = n.max(1);
        self
    }

    /// These limits with another inflation ratio (never below 10).
    #[must_use]
    pub fn with_xlsx_ratio(mut self, ratio: u32) -> Self {
        self.max_xlsx_ratio = ratio.max(10);
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
    /// [`Limits::max_xlsx_bytes`].
    XlsxBytes,
    /// [`Limits::max_shared_strings`].
    SharedStrings,
    /// [`Limits::max_xlsx_ratio`].
    XlsxRatio,
}

impl Limit {
    /// The command-line option that raises the limit.
    #[must_use]
    pub fn option(self) -> &'static str {
        match self {
            Self::RecordBytes => "--max-record-size",
            Self::HeaderFields => "--max-header-fields",
            Self::XlsxBytes => "--max-xlsx-size",
            Self::SharedStrings => "--max-shared-strings",
            Self::XlsxRatio => "--max-xlsx-ratio",
        }
    }

    /// What the limit bounds, in words.
    #[must_use]
    pub fn what(self) -> &'static str {
        match self {
            Self::RecordBytes => "kích thước một bản ghi (record size, bytes)",
            Self::HeaderFields => "số cột của dòng tiêu đề (header columns)",
            Self::XlsxBytes => "dung lượng giải nén của bảng tính (workbook inflated size, bytes)",
            Self::SharedStrings => "số chuỗi dùng chung của bảng tính (shared strings)",
            Self::XlsxRatio => "tỉ lệ giải nén của một phần bảng tính (inflation ratio)",
        }
    }
}

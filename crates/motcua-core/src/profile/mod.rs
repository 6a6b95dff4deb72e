//! Source profiles (contract section 14): how a real export maps onto the dossier table
//! before any row is checked.
//!
//! A [`Profile`] names, for each contract column, the source columns that stand for it
//! (aliases, optionally matched without regard to case), the values that stand for the
//! contract's codes (status names, `Toàn trình`…), the tokens that mean "empty" (`NULL`),
//! defaults for absent fields, a column derived from another field (the channel of an
//! `OpenCPS` record from `HinhThuc`), the unit of the time limit, extra timestamp forms, and
//! how the file is laid out (separator, encoding, header row, JSON record path).
//!
//! Profiles are TOML files with `extends`; the built-ins ship in the repository's
//! `profiles/` directory.
//!
//! ```
//! use motcua_core::profile::Profile;
//! use motcua_core::record::Column;
//!
//! let p = Profile::builtin("rest-camel").unwrap();
//! let map = p.map_header(["maHoSo", "donViXuLy", "kenhThucHien", "ngayTiepNhan",
//!                         "ngayHenTra", "trangThaiHoSo"]).unwrap();
//! assert_eq!(map.source_of(Column::MaHoSo), Some(0));
//! let row = ["H1", "STP", "2", "2024-04-02 08:15:00", "2024-04-05", "4"];
//! let mut vals = map.values();
//! map.apply(|i| row.get(i).copied().unwrap_or(""), &mut vals);
//! assert_eq!(vals.get(Column::DonViXuLy), "STP");
//! ```

mod forms;
mod map;
mod parse;

use std::collections::BTreeMap;
use std::fmt;

use crate::record::Column;

pub use forms::TimestampForm;
pub use map::{MappedHeader, MappedValues, derive, hours_to_days, map_value};

/// The built-in profiles: name, TOML text.
const BUILTINS: [(&str, &str); 5] = [
    (
        "contract",
        include_str!("../../../../profiles/contract.toml"),
    ),
    ("dvcqg", include_str!("../../../../profiles/dvcqg.toml")),
    ("opencps", include_str!("../../../../profiles/opencps.toml")),
    (
        "rest-camel",
        include_str!("../../../../profiles/rest-camel.toml"),
    ),
    (
        "sqlserver",
        include_str!("../../../../profiles/sqlserver.toml"),
    ),
];

/// The separator of a CSV source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Separator {
    /// `,` (contract section 1).
    Comma,
    /// `;` (Excel under Vietnamese regional settings).
    Semicolon,
    /// A tab (Excel's "Unicode text").
    Tab,
    /// Sniffed from the first lines.
    Auto,
}

impl Separator {
    /// The byte, unless sniffed.
    #[must_use]
    pub const fn byte(self) -> Option<u8> {
        match self {
            Self::Comma => Some(b','),
            Self::Semicolon => Some(b';'),
            Self::Tab => Some(b'\t'),
            Self::Auto => None,
        }
    }

    /// The separator of a byte, if it is one of the three.
    #[must_use]
    pub const fn from_byte(b: u8) -> Option<Self> {
        match b {
            b',' => Some(Self::Comma),
            b';' => Some(Self::Semicolon),
            b'\t' => Some(Self::Tab),
            _ => None,
        }
    }
}

impl fmt::Display for Separator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Comma => ",",
            Self::Semicolon => ";",
            Self::Tab => "\\t",
            Self::Auto => "auto",
        })
    }
}

/// The text encoding of a source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Encoding {
    /// UTF-8 (a leading BOM is allowed).
    Utf8,
    /// The Vietnamese Windows code page (Excel's "CSV" on Vietnamese Windows).
    Windows1258,
    /// UTF-16 (little-endian unless a BOM says otherwise), Excel's "Unicode text".
    Utf16,
}

impl Encoding {
    /// The name in a profile file.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Utf8 => "utf-8",
            Self::Windows1258 => "windows-1258",
            Self::Utf16 => "utf-16",
        }
    }
}

/// The unit of `ThoiHanGiaiQuyet` in the source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum TimeLimitUnit {
    /// Working days (contract section 1).
    Days,
    /// Working hours; a limit becomes the whole working days it covers, rounded up.
    Hours {
        /// Working hours in a day (default 8).
        per_day: u32,
    },
}

/// A contract column derived from another source field (the channel of an `OpenCPS` record
/// from `HinhThuc`), used when the source has no column for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Derived {
    /// The source field the value comes from.
    pub from: String,
    /// Source value (trimmed, compared case-insensitively) → contract value.
    pub map: BTreeMap<String, String>,
    /// The contract value for any other source value, including an empty one.
    pub otherwise: Option<String>,
}

/// A source profile (contract section 14).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Profile {
    /// Its name: a built-in's, a file's `name`, else the file's path.
    pub name: String,
    /// The separator of CSV sources.
    pub separator: Separator,
    /// The text encoding.
    pub encoding: Encoding,
    /// The 1-based row holding the header; `None` = the first row that names the required
    /// columns (title rows above it are skipped).
    pub header_row: Option<u32>,
    /// Values that mean "empty", matched after trimming, case-insensitively.
    pub null_tokens: Vec<String>,
    /// The unit of `ThoiHanGiaiQuyet`.
    pub time_limit_unit: TimeLimitUnit,
    /// JSON: the key of the object holding the records (`data`, `items`…); `None` = the
    /// records are the top-level array or lines.
    pub record_path: Option<String>,
    /// Whether source column names are matched without regard to case.
    pub case_insensitive: bool,
    /// Contract column → source names standing for it, in order of preference. The
    /// contract's own name always stands for its column.
    pub columns: BTreeMap<Column, Vec<String>>,
    /// Contract column → source value (lower case) → contract value.
    pub values: BTreeMap<Column, BTreeMap<String, String>>,
    /// Contract column → value used when the field is absent or empty.
    pub defaults: BTreeMap<Column, String>,
    /// Contract columns derived from another field when the source has none.
    pub derived: BTreeMap<Column, Derived>,
    /// Timestamp forms read besides the contract's.
    pub timestamp_forms: Vec<TimestampForm>,
    /// `auto`: the reader picks a built-in profile from the data (contract 14) and ignores
    /// the other fields.
    pub auto: bool,
}

/// A profile that cannot be found or read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ProfileError {
    /// No built-in profile of that name.
    #[error(
        "unknown profile '{0}' (built-in: contract, dvcqg, opencps, rest-camel, sqlserver, auto; or a .toml file)"
    )]
    Unknown(String),
    /// The TOML is invalid or a key has a bad value.
    #[error("profile {name}: {message}")]
    Invalid {
        /// The profile's name or path.
        name: String,
        /// What is wrong.
        message: String,
    },
    /// A profile file that cannot be read.
    #[error("cannot read profile file {path}: {message}")]
    Unreadable {
        /// The file.
        path: String,
        /// The cause.
        message: String,
    },
    /// `extends` goes round in a circle.
    #[error("profile {0}: `extends` goes round in a circle")]
    Cycle(String),
}

impl ProfileError {
    /// A short, stable name of the error's kind.
    #[must_use]
    pub const fn kind(&self) -> &'static str {
        match self {
            Self::Unknown(_) => "unknown",
            Self::Invalid { .. } => "invalid",
            Self::Unreadable { .. } => "unreadable",
            Self::Cycle(_) => "cycle",
        }
    }
}

impl Default for Profile {
    fn default() -> Self {
        Self::contract()
    }
}

impl Profile {
    /// The contract itself (sections 1–2): no mapping.
    #[must_use]
    pub fn contract() -> Self {
        Self {
            name: "contract".into(),
            separator: Separator::Comma,
            encoding: Encoding::Utf8,
            header_row: None,
            null_tokens: Vec::new(),
            time_limit_unit: TimeLimitUnit::Days,
            record_path: None,
            case_insensitive: false,
            columns: BTreeMap::new(),
            values: BTreeMap::new(),
            defaults: BTreeMap::new(),
            derived: BTreeMap::new(),
            timestamp_forms: Vec::new(),
            auto: false,
        }
    }

    /// `auto`: detect the profile from the header (or the first JSON records).
    #[must_use]
    pub fn auto() -> Self {
        Self {
            name: "auto".into(),
            auto: true,
            separator: Separator::Auto,
            header_row: None,
            ..Self::contract()
        }
    }

    /// The names of the built-in profiles.
    #[must_use]
    pub fn builtin_names() -> [&'static str; 5] {
        BUILTINS.map(|(n, _)| n)
    }

    /// The TOML text of a built-in profile.
    #[must_use]
    pub fn builtin_toml(name: &str) -> Option<&'static str> {
        BUILTINS.iter().find(|(n, _)| *n == name).map(|(_, t)| *t)
    }

    /// A built-in profile by name. Each built-in is parsed once (detecting a source's
    /// profile tries several, on every candidate header row).
    pub fn builtin(name: &str) -> Result<Self, ProfileError> {
        let text = Self::builtin_toml(name).ok_or_else(|| ProfileError::Unknown(name.into()))?;
        match Self::builtins().find(|(n, _)| *n == name) {
            Some((_, p)) => Ok(p.clone()),
            // a built-in that does not parse: its error, as a file's would be
            None => parse::from_toml(text, name, &mut Vec::new()),
        }
    }

    /// The built-in profiles, by name, parsed once per process and borrowed (what looks
    /// through all of them, like the near-miss hints, clones none).
    pub fn builtins() -> impl Iterator<Item = (&'static str, &'static Profile)> {
        static PARSED: std::sync::OnceLock<Vec<(&'static str, Profile)>> =
            std::sync::OnceLock::new();
        PARSED
            .get_or_init(|| {
                BUILTINS
                    .iter()
                    .filter_map(|(n, t)| Some((*n, parse::from_toml(t, n, &mut Vec::new()).ok()?)))
                    .collect()
            })
            .iter()
            .map(|(n, p)| (*n, p))
    }

    /// A profile from TOML text; `fallback_name` names it when the text sets no `name`
    /// (a file's path). `extends` names a built-in profile.
    pub fn from_toml(text: &str, fallback_name: &str) -> Result<Self, ProfileError> {
        parse::from_toml(text, fallback_name, &mut Vec::new())
    }

    /// Whether rows need no value mapping at all: the readers then take fields as they
    /// are, at no cost over the contract.
    #[must_use]
    pub fn maps_no_value(&self) -> bool {
        self.null_tokens.is_empty()
            && self.time_limit_unit == TimeLimitUnit::Days
            && self.values.is_empty()
            && self.defaults.is_empty()
            && self.derived.is_empty()
            && self.timestamp_forms.is_empty()
    }

    /// The source names that stand for column `c`: its aliases, then its contract name.
    pub fn names_of(&self, c: Column) -> impl Iterator<Item = &str> {
        self.columns
            .get(&c)
            .into_iter()
            .flatten()
            .map(String::as_str)
            .chain(std::iter::once(c.name()))
    }

    /// Maps a header row onto the contract (see [`MappedHeader`]).
    pub fn map_header<'a>(
        &self,
        names: impl IntoIterator<Item = &'a str>,
    ) -> Result<MappedHeader, crate::record::HeaderError> {
        MappedHeader::new(self, names)
    }

    /// Whether `value` is one of the null tokens.
    #[must_use]
    pub fn is_null(&self, value: &str) -> bool {
        let v = value.trim();
        !v.is_empty() && self.null_tokens.iter().any(|t| t.eq_ignore_ascii_case(v))
    }
}

/// `s` in Unicode NFC; borrowed when it already is (always for ASCII).
#[must_use]
pub fn nfc(s: &str) -> std::borrow::Cow<'_, str> {
    use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};
    if s.is_ascii() || is_nfc_quick(s.chars()) == IsNormalized::Yes {
        std::borrow::Cow::Borrowed(s)
    } else {
        std::borrow::Cow::Owned(s.nfc().collect())
    }
}

//! The columns of the dossier table and the header check (contract sections 1, 11, 13).

use std::fmt;

macro_rules! columns {
    ($($(#[$doc:meta])* $name:ident $(= $req:ident)?),* $(,)?) => {
        /// The columns of the dossier table, in the contract's order (section 1, then the
        /// optional columns of later sections).
        ///
        /// This list is the one definition of the table: [`Column::ALL`], [`Column::COUNT`],
        /// the names and the required set all derive from it.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Column {
            $($(#[$doc])* $name,)*
        }

        impl Column {
            /// Every column, in the contract's order.
            pub const ALL: [Self; [$(stringify!($name)),*].len()] = [$(Self::$name),*];

            /// How many columns the table has.
            pub const COUNT: usize = Self::ALL.len();

            /// The column's name in the file.
            #[must_use]
            pub const fn name(self) -> &'static str {
                match self {
                    $(Self::$name => stringify!($name),)*
                }
            }

            /// Whether every file must have this column.
            #[must_use]
            pub const fn is_required(self) -> bool {
                match self {
                    $(Self::$name => columns!(@req $($req)?),)*
                }
            }
        }
    };
    (@req required) => { true };
    (@req) => { false };
}

columns! {
    /// Dossier code (required).
    MaHoSo = required,
    /// Procedure code.
    MaTTHC,
    /// Agency code (required).
    DonViXuLy = required,
    /// Channel (required).
    KenhThucHien = required,
    /// Online-service level.
    MucDo,
    /// Receipt time (required).
    NgayTiepNhan = required,
    /// Due date.
    NgayHenTra,
    /// Statutory limit in working days.
    ThoiHanGiaiQuyet,
    /// When processing finished.
    NgayKetThucXuLy,
    /// When the result was returned.
    NgayTra,
    /// Status (required).
    TrangThaiHoSo = required,
    /// Supplement requests.
    SoLanBoSung,
    /// Satisfaction rating.
    DanhGia,
    /// Receiving official.
    CanBoTiepNhan,
    /// Agencies contacted.
    SoCoQuanLienHe,
    /// Verified complaint.
    PhanAnh,
    /// Field (lĩnh vực) of the procedure (contract section 11); else the catalog's.
    MaLinhVuc,
    /// When the deciding agency received a boundary-free dossier (Decree 309/2026).
    NgayTiepNhanCoQuanGiaiQuyet,
}

impl Column {
    /// The column with this exact (case-sensitive) name.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.name() == name)
    }

    /// The required columns, in the contract's order.
    pub fn required() -> impl Iterator<Item = Self> {
        Self::ALL.into_iter().filter(|c| c.is_required())
    }
}

impl fmt::Display for Column {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A header that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum HeaderError {
    /// Required columns are absent; all of them are named.
    #[error("missing required column(s): {} (names are case-sensitive; the header has: {})",
            .missing.join(", "), .found.join(", "))]
    MissingColumns {
        /// The absent required columns, in contract order.
        missing: Vec<&'static str>,
        /// The names the header has.
        found: Vec<String>,
    },
    /// A contract column appears twice.
    #[error("column {0} appears more than once in the header; keep one")]
    DuplicateColumn(&'static str),
    /// The input has no header row at all.
    #[error(
        "the input is empty: expected a header row naming the columns (MaHoSo, DonViXuLy, KenhThucHien, NgayTiepNhan, TrangThaiHoSo, …)"
    )]
    Empty,
}

/// Where each contract column stands in a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    index: [Option<usize>; Column::COUNT],
    width: usize,
}

impl Header {
    /// Checks a header row: a leading BOM is ignored, unknown names are ignored, every
    /// missing required column is reported at once.
    pub fn new<'a>(names: impl IntoIterator<Item = &'a str>) -> Result<Self, HeaderError> {
        let mut index = [None; Column::COUNT];
        let mut found = Vec::new();
        for (i, raw) in names.into_iter().enumerate() {
            let name = if i == 0 {
                raw.trim_start_matches('\u{feff}')
            } else {
                raw
            };
            found.push(name.to_owned());
            if let Some(c) = Column::from_name(name) {
                if index[c as usize].is_some() {
                    return Err(HeaderError::DuplicateColumn(c.name()));
                }
                index[c as usize] = Some(i);
            }
        }
        if found.is_empty() || found.iter().all(String::is_empty) {
            return Err(HeaderError::Empty);
        }
        let missing: Vec<_> = Column::required()
            .filter(|c| index[*c as usize].is_none())
            .map(Column::name)
            .collect();
        if !missing.is_empty() {
            return Err(HeaderError::MissingColumns { missing, found });
        }
        Ok(Self {
            index,
            width: found.len(),
        })
    }

    /// The position of a column, if the file has it.
    #[must_use]
    pub fn index(&self, c: Column) -> Option<usize> {
        self.index[c as usize]
    }

    /// Number of columns in the header.
    #[must_use]
    pub fn width(&self) -> usize {
        self.width
    }
}

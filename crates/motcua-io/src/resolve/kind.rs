//! The kinds of error of every surface, in one table: the name a JavaScript `Error` carries
//! and the Python exception class (with its parent) are derived from it, so that the
//! bindings cannot drift apart.

/// What kind of failure an error is, on every surface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// An argument or option of the wrong type or value.
    Argument,
    /// A period that cannot be read or built.
    Period,
    /// A work calendar that cannot be used.
    Calendar,
    /// A rulebook that is unknown or invalid.
    Rulebook,
    /// A units file that cannot be read.
    Units,
    /// A procedure catalog that cannot be read.
    Catalog,
    /// A ratings file that cannot be read.
    Ratings,
    /// The header of the dossier table is unusable.
    Header,
    /// A bad row, in strict mode.
    Row,
    /// Text that is not UTF-8.
    Encoding,
    /// The input could not be read at all.
    Read,
    /// A workbook that cannot be read or written.
    Xlsx,
    /// Portal JSON that cannot be read.
    Json,
    /// A file that does not exist.
    NotFound,
    /// A file that cannot be read or written for another reason.
    Io,
    /// An unknown sample profile.
    Sample,
    /// A source profile that is unknown or invalid (contract section 14).
    Profile,
    /// An input past a size limit (a record, a header).
    Limit,
}

/// One line of the table: a kind and its names in each binding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KindNames {
    /// The kind.
    pub kind: ErrorKind,
    /// Its name in messages and in JavaScript (`Error.name`).
    pub js: &'static str,
    /// The Python exception class.
    pub python: &'static str,
    /// The class it derives from: another class of the table, or a Python built-in
    /// (`ValueError`, `FileNotFoundError`, `OSError`).
    pub python_parent: &'static str,
}

const fn row(
    kind: ErrorKind,
    js: &'static str,
    python: &'static str,
    python_parent: &'static str,
) -> KindNames {
    KindNames {
        kind,
        js,
        python,
        python_parent,
    }
}

/// The base class of every Python exception of the package that is not an `OSError`.
pub const PYTHON_BASE: &str = "MotcuaError";

/// Every kind, with its JavaScript name and Python class. Python classes named twice are
/// one class (the parent of the first line wins); parents come before their children.
pub const ALL: &[KindNames] = &[
    row(
        ErrorKind::Argument,
        "ArgumentError",
        "ArgumentError",
        "MotcuaError",
    ),
    row(
        ErrorKind::Period,
        "PeriodError",
        "PeriodError",
        "MotcuaError",
    ),
    row(
        ErrorKind::Calendar,
        "CalendarError",
        "CalendarError",
        "MotcuaError",
    ),
    row(
        ErrorKind::Rulebook,
        "RulebookError",
        "RulebookError",
        "MotcuaError",
    ),
    row(ErrorKind::Read, "ReadError", "InputError", "MotcuaError"),
    row(ErrorKind::Units, "UnitsError", "UnitsError", "InputError"),
    row(
        ErrorKind::Catalog,
        "CatalogError",
        "CatalogError",
        "InputError",
    ),
    row(
        ErrorKind::Ratings,
        "RatingsError",
        "RatingsError",
        "InputError",
    ),
    row(
        ErrorKind::Header,
        "HeaderError",
        "HeaderError",
        "InputError",
    ),
    row(ErrorKind::Row, "RowError", "BadRowError", "InputError"),
    row(
        ErrorKind::Encoding,
        "EncodingError",
        "EncodingError",
        "InputError",
    ),
    row(ErrorKind::Xlsx, "XlsxError", "XlsxError", "InputError"),
    row(ErrorKind::Json, "JsonError", "JsonError", "InputError"),
    row(
        ErrorKind::NotFound,
        "NotFoundError",
        "FileNotFoundError",
        "FileNotFoundError",
    ),
    row(ErrorKind::Io, "IoError", "OSError", "OSError"),
    row(
        ErrorKind::Sample,
        "SampleError",
        "SampleError",
        "MotcuaError",
    ),
    row(
        ErrorKind::Profile,
        "ProfileError",
        "ProfileError",
        "MotcuaError",
    ),
    row(ErrorKind::Limit, "LimitError", "LimitError", "InputError"),
];

impl ErrorKind {
    /// The kind's line of [`ALL`].
    #[must_use]
    pub fn names(self) -> &'static KindNames {
        ALL.iter().find(|k| k.kind == self).unwrap_or(&ALL[0])
    }

    /// The name of a thrown JavaScript `Error`.
    #[must_use]
    pub fn js_name(self) -> &'static str {
        self.names().js
    }

    /// The Python exception class.
    #[must_use]
    pub fn python_class(self) -> &'static str {
        self.names().python
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_one_line_and_parents_come_first() {
        let mut seen: Vec<&str> = vec![PYTHON_BASE, "FileNotFoundError", "OSError"];
        for (i, k) in ALL.iter().enumerate() {
            assert_eq!(k.kind.names(), k, "one line per kind");
            assert!(
                ALL[..i].iter().all(|o| o.js != k.js),
                "{} named twice",
                k.js
            );
            assert!(
                seen.contains(&k.python_parent),
                "{}: parent {} comes first",
                k.python,
                k.python_parent
            );
            seen.push(k.python);
        }
    }
}

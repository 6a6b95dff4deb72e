//! From what a user gives to resolved values, with one set of rules and one set of messages
//! for the command line, Python and WebAssembly: the period ([`period`]), the rulebook, the
//! calendar, the units file, the catalog, the ratings file and the language; then the one
//! pass that counts, grades and lists ([`run`]).
//!
//! A value that may be a built-in name, a file or text ([`Given`]) is read by one rule: a
//! built-in name first; then text — TOML when it holds a line break or `=` (rulebooks,
//! calendars), CSV when it holds a line break (units, catalogs, ratings); otherwise a path.
//! Where there is no file system ([`Files::None`], the browser), a path is an error that
//! says to pass the file's text or bytes.
//!
//! ```
//! use motcua_io::resolve::{Files, Given, calendar, rulebook};
//! let book = rulebook(&Given::Text("circular-01-2018"), Files::Read).unwrap();
//! assert_eq!(book.id, "circular-01-2018");
//! let cal = calendar(Some(&Given::Text("extends = \"vn\"\nname = \"mine\"")), Files::None).unwrap();
//! assert_eq!(cal.name(), "mine");
//! let e = calendar(Some(&Given::Text("my.toml")), Files::None).unwrap_err();
//! assert!(e.to_string().contains("text or bytes"), "{e}");
//! ```

mod error;
pub mod kind;
mod period;
mod run;
mod warning;

use std::path::Path;

use motcua_core::calendar::Calendar;
use motcua_core::catalog::Catalog;
use motcua_core::format::Lang;
use motcua_core::grading::{Rulebook, Units, builtin_names};

pub use error::ResolveError;
pub use kind::ErrorKind;
pub use period::{PeriodSpec, calendar_year, period};
pub use run::{
    Input, ListSpec, Options, Outcome, Request, comparison, dims, list, read_dataset, run, step,
    with_ratings_summary,
};
pub use warning::{ReceivedRange, Warning, WarningKind};

use crate::ratings::Ratings;

pub use crate::limits::Limits;

/// The rulebook graded by when none is named.
pub const DEFAULT_RULEBOOK: &str = "circular-01-2018";

/// A value given by a user that may be a built-in name, a file or text.
#[derive(Debug, Clone, Copy)]
pub enum Given<'a> {
    /// Text: a built-in name, TOML or CSV text, or a path (see the module's rule).
    Text(&'a str),
    /// A path, given as one (`os.PathLike`, a command-line file option).
    Path(&'a Path),
    /// The content of a file.
    Bytes(&'a [u8]),
}

/// Whether paths can be read where the resolution runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Files {
    /// Paths are files to read (the command line, Python).
    Read,
    /// No file system (the browser): a path is an error.
    None,
}

/// What a text value is, by the module's rule.
enum Guess<'a> {
    Content(&'a str),
    Path(&'a Path),
}

fn guess<'a>(given: &Given<'a>, is_content: fn(&str) -> bool) -> Result<Guess<'a>, ResolveError> {
    match *given {
        Given::Text(t) if is_content(t) => Ok(Guess::Content(t)),
        Given::Text(t) => Ok(Guess::Path(Path::new(t.trim()))),
        Given::Path(p) => Ok(Guess::Path(p)),
        Given::Bytes(b) => {
            std::str::from_utf8(b)
                .map(Guess::Content)
                .map_err(|e| ResolveError::NotUtf8 {
                    at: e.valid_up_to(),
                })
        }
    }
}

fn is_toml(t: &str) -> bool {
    t.contains(['\n', '='])
}

fn is_csv(t: &str) -> bool {
    t.contains('\n')
}

fn readable<'a>(
    what: &'static str,
    path: &'a Path,
    files: Files,
) -> Result<&'a Path, ResolveError> {
    match files {
        Files::Read => Ok(path),
        Files::None => Err(ResolveError::NoFiles {
            what,
            path: path.display().to_string(),
        }),
    }
}

fn read_text(what: &'static str, path: &Path) -> Result<String, ResolveError> {
    std::fs::read_to_string(path).map_err(|source| ResolveError::Io {
        what,
        path: path.to_owned(),
        error: source,
    })
}

/// A rulebook: a built-in name, a rulebook file (its `extends` may name a built-in rulebook
/// or a file beside it) or TOML text (whose `extends` names a built-in rulebook).
pub fn rulebook(given: &Given<'_>, files: Files) -> Result<Rulebook, ResolveError> {
    if let Given::Text(t) = given {
        if let Some(b) = Rulebook::builtin(t.trim()) {
            return Ok(b);
        }
    }
    match guess(given, is_toml)? {
        Guess::Content(t) => Ok(Rulebook::from_toml(t)?),
        Guess::Path(p) => {
            let looks_like_file = p
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("toml"))
                || matches!(given, Given::Path(_))
                || (files == Files::Read && p.exists());
            if !looks_like_file {
                return Err(ResolveError::UnknownRulebook {
                    name: p.display().to_string(),
                    known: builtin_names().join(", "),
                });
            }
            let p = readable("rulebook", p, files)?;
            crate::rulebook::read_rulebook_file(p).map_err(|e| match e {
                crate::rulebook::RulebookFileError::Io { path, source } => ResolveError::Io {
                    what: "rulebook",
                    path,
                    error: source,
                },
                crate::rulebook::RulebookFileError::Rulebook(r) => r.into(),
            })
        }
    }
}

/// The rulebook named, or the default one.
pub fn rulebook_or_default(
    given: Option<&Given<'_>>,
    files: Files,
) -> Result<Rulebook, ResolveError> {
    rulebook(given.unwrap_or(&Given::Text(DEFAULT_RULEBOOK)), files)
}

/// A work calendar: none (the built-in Vietnamese calendar), a built-in name (`vn`,
/// `blank`), a calendar file or TOML text (contract section 4).
pub fn calendar(given: Option<&Given<'_>>, files: Files) -> Result<Calendar, ResolveError> {
    let Some(given) = given else {
        return Ok(Calendar::vn());
    };
    if let Given::Text(t) = given {
        if let Some(c) = Calendar::builtin(t.trim()) {
            return Ok(c);
        }
    }
    match guess(given, is_toml)? {
        Guess::Content(t) => {
            Calendar::from_toml(t).map_err(|error| ResolveError::Calendar { file: None, error })
        }
        Guess::Path(p) => {
            let text = read_text("calendar", readable("calendar", p, files)?)?;
            Calendar::from_toml(&text).map_err(|error| ResolveError::Calendar {
                file: Some(p.display().to_string()),
                error,
            })
        }
    }
}

/// A units file (contract section 9): none (every agency takes the contract's defaults), a
/// path, or the file's CSV text or bytes.
pub fn units(given: Option<&Given<'_>>, files: Files) -> Result<Units, ResolveError> {
    let Some(given) = given else {
        return Ok(Units::new());
    };
    match guess(given, is_csv)? {
        Guess::Content(t) => Ok(crate::units::read_units(t.as_bytes())?),
        Guess::Path(p) => Ok(crate::units::read_units_file(readable(
            "units file",
            p,
            files,
        )?)?),
    }
}

/// A procedure catalog (contract section 13): a path, or its CSV text or bytes.
pub fn catalog(given: &Given<'_>, files: Files) -> Result<Catalog, ResolveError> {
    match guess(given, is_csv)? {
        Guess::Content(t) => Ok(crate::catalog::read_catalog(t.as_bytes())?),
        Guess::Path(p) => Ok(crate::catalog::read_catalog_file(readable(
            "catalog", p, files,
        )?)?),
    }
}

/// A ratings file (contract section 17): a path, or its CSV text or bytes; `strict` stops
/// at its first bad slip.
pub fn ratings(given: &Given<'_>, strict: bool, files: Files) -> Result<Ratings, ResolveError> {
    match guess(given, is_csv)? {
        Guess::Content(t) => Ok(crate::ratings::read_ratings(t.as_bytes(), strict)?),
        Guess::Path(p) => Ok(crate::ratings::read_ratings_file(
            readable("ratings file", p, files)?,
            strict,
        )?),
    }
}

/// A source profile (contract section 14): none or `auto` (detected from the header), a
/// built-in name (`contract`, `dvcqg`, `opencps`, `rest-camel`, `sqlserver`), a profile
/// file or TOML text.
pub fn profile(
    given: Option<&Given<'_>>,
    files: Files,
) -> Result<motcua_core::profile::Profile, ResolveError> {
    use motcua_core::profile::Profile;
    let Some(given) = given else {
        return Ok(Profile::auto());
    };
    if let Given::Text(t) = given {
        let t = t.trim();
        if t.is_empty() || t == "auto" {
            return Ok(Profile::auto());
        }
        if Profile::builtin_toml(t).is_some() {
            return Ok(Profile::builtin(t)?);
        }
    }
    match guess(given, is_toml)? {
        Guess::Content(t) => Ok(Profile::from_toml(t, "custom")?),
        Guess::Path(p) => {
            let looks_like_file = p
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("toml"))
                || matches!(given, Given::Path(_))
                || (files == Files::Read && p.exists());
            if !looks_like_file {
                return Err(
                    motcua_core::profile::ProfileError::Unknown(p.display().to_string()).into(),
                );
            }
            let text = read_text("profile", readable("profile", p, files)?)?;
            let name = p
                .file_stem()
                .map_or_else(|| "custom".into(), |s| s.to_string_lossy());
            Ok(Profile::from_toml(&text, &name)?)
        }
    }
}

/// Whether an input names a database (a PostgreSQL URI) instead of a file.
#[must_use]
pub fn is_database_uri(input: &str) -> bool {
    let i = input.trim_start();
    i.starts_with("postgresql://") || i.starts_with("postgres://")
}

/// A language: `vi` (the default) or `en`.
pub fn lang(code: Option<&str>) -> Result<Lang, ResolveError> {
    code.map_or(Ok(Lang::Vi), |c| {
        c.parse()
            .map_err(|e: motcua_core::format::LangError| ResolveError::Argument(e.to_string()))
    })
}

#[cfg(test)]
mod tests;

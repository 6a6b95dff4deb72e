//! The contract's invariants, checked on any input: what the fuzz targets (`fuzz/`) assert
//! on every generated input, and what `tests/fuzz_corpus.rs` replays on the checked-in
//! corpus and past crashes. A check returns the first broken invariant; a panic inside
//! motcua is one too (the caller decides whether to contain it).

use motcua_core::calendar::Calendar;
use motcua_core::dossier::{Dataset, InputSummary};
use motcua_core::format::Lang;
use motcua_core::grading::{Rulebook, Units};
use motcua_core::period::Period;
use motcua_core::timestamp::Timestamp;
use motcua_io::dossiers::ReadOptions;
use motcua_io::input::{InputFormat, InputOptions, read_bytes};

/// A broken invariant.
pub type Checked = Result<(), String>;

/// The fuzz targets, by name (the folders of `fuzz/corpus`).
pub const TARGETS: [&str; 14] = [
    "csv_lenient",
    "csv_strict",
    "portal_json",
    "xlsx",
    "arrow_ipc",
    "parquet",
    "profile_toml",
    "catalog_csv",
    "calendar_toml",
    "rulebook_toml",
    "units_csv",
    "periods",
    "timestamps",
    "end_to_end",
];

/// Runs the check of `target` on `data`.
///
/// # Panics
/// On an unknown target name.
pub fn check(target: &str, data: &[u8]) -> Checked {
    match target {
        "csv_lenient" => table(InputFormat::Csv, data, false).map(|_| ()),
        "csv_strict" => table(InputFormat::Csv, data, true).map(|_| ()),
        "portal_json" => table(InputFormat::Json, data, false).map(|_| ()),
        "xlsx" => table(InputFormat::Xlsx, data, false).map(|_| ()),
        "arrow_ipc" => table(InputFormat::Arrow, data, false).map(|_| ()),
        "parquet" => table(InputFormat::Parquet, data, false).map(|_| ()),
        "profile_toml" => profile(data),
        "catalog_csv" => catalog(data),
        "calendar_toml" => calendar(data),
        "rulebook_toml" => rulebook(data),
        "units_csv" => {
            let _ = motcua_io::units::read_units(data);
            Ok(())
        }
        "periods" => periods(data),
        "timestamps" => timestamps(data),
        "end_to_end" => end_to_end(data),
        other => panic!("no fuzz target {other}"),
    }
}

/// Physical lines of a text file: 1 + its line ends (`\n`, `\r\n`, lone `\r`).
#[must_use]
pub fn lines(data: &[u8]) -> u64 {
    let mut n = 1;
    let mut i = 0;
    while i < data.len() {
        match data[i] {
            b'\n' => n += 1,
            b'\r' if data.get(i + 1) != Some(&b'\n') => n += 1,
            _ => {}
        }
        i += 1;
    }
    n
}

/// Checks `rows = used + rejected + not_received`, one error per rejected row, each error inside
/// the file (after the header line of a text file).
pub fn summary(s: &InputSummary, format: InputFormat, data: &[u8]) -> Checked {
    if s.rows != s.used + s.rejected + s.not_received {
        return Err(format!("rows != used + rejected + not_received: {s:?}"));
    }
    if s.errors.len() as u64 != s.rejected {
        return Err(format!(
            "{} errors for {} rejected rows",
            s.errors.len(),
            s.rejected
        ));
    }
    if format == InputFormat::Csv {
        let last = lines(data);
        for e in &s.errors {
            if e.line < 2 || e.line > last {
                return Err(format!(
                    "error on line {} of a file of {last} lines",
                    e.line
                ));
            }
        }
    }
    Ok(())
}

/// The built-in calendar, built once (it computes the lunar holidays of every year).
fn vn() -> &'static Calendar {
    static VN: std::sync::OnceLock<Calendar> = std::sync::OnceLock::new();
    VN.get_or_init(Calendar::vn)
}

/// For a fuzz target whose reader contains its dependency's panics (Arrow, Parquet, old
/// `.xls`): panics are not reported by the hook (libFuzzer's aborts at once, before
/// motcua can contain them). A panic that escapes motcua still reaches libFuzzer's
/// `catch_unwind` and is a crash.
pub fn let_motcua_contain_panics() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| std::panic::set_hook(Box::new(|_| {})));
}

/// Reads a table in `format`; the dataset when it is accepted.
fn table(format: InputFormat, data: &[u8], strict: bool) -> Result<Option<Dataset>, String> {
    table_with(format, data, strict, &ReadOptions::default())
}

/// [`table`] with the profile and catalog of `base`.
fn table_with(
    format: InputFormat,
    data: &[u8],
    strict: bool,
    base: &ReadOptions,
) -> Result<Option<Dataset>, String> {
    let cal = vn();
    for threads in [1, 2] {
        let opts = InputOptions {
            read: ReadOptions {
                strict,
                threads,
                block_size: 1024,
                ..base.clone()
            },
            ..InputOptions::default()
        };
        let mut dossiers = Vec::new();
        let read = if format == InputFormat::Csv {
            motcua_io::dossiers::read_dossiers(data, cal, &opts.read, &|_| {}, |d| {
                dossiers.push(*d);
            })
            .map_err(motcua_io::input::InputError::from)
        } else {
            read_bytes(format, data, cal, &opts, |d| dossiers.push(*d))
        };
        match read {
            Ok(ing) => {
                summary(&ing.input, format, data)?;
                if threads == 2 {
                    return Ok(Some(ing.into_dataset(dossiers)));
                }
            }
            Err(e) => {
                if let (InputFormat::Csv, Some(line)) = (format, e.row_error().map(|r| r.line)) {
                    if line < 2 || line > lines(data) {
                        return Err(format!("strict error on line {line}: {e}"));
                    }
                }
                if e.to_string().is_empty() {
                    return Err("an error without a message".into());
                }
                return Ok(None);
            }
        }
    }
    Ok(None)
}

/// The count identity on a report's total and every agency.
fn identity(ds: &Dataset, period: Period) -> Checked {
    let r = motcua_io::report::build(ds, period);
    let json: serde_json::Value =
        serde_json::from_str(&motcua_io::report::to_json(&r)).map_err(|e| e.to_string())?;
    crate::check_identity(&json)?;
    if json["agencies"].as_array().map(Vec::len) != Some(r.agencies.len()) {
        return Err("agencies lost in JSON".into());
    }
    Ok(())
}

fn end_to_end(data: &[u8]) -> Checked {
    let Some(ds) = table(InputFormat::Csv, data, false)? else {
        return Ok(());
    };
    for period in ["2021-Q3", "2021", "2021-08"] {
        let period: Period = period.parse().map_err(|e| format!("{e}"))?;
        identity(&ds, period)?;
        let r = motcua_io::report::build(&ds, period);
        let _ = motcua_core::format::report_text(&r, Lang::Vi);
        let _ = motcua_core::format::report_text(&r, Lang::En);
        let _ = motcua_io::report::to_csv(&r);
        for book in ["circular-01-2018", "decision-766-2022"] {
            let book = Rulebook::builtin(book).ok_or("no built-in rulebook")?;
            let s = motcua_core::grading::score_dataset(&ds, &Units::new(), &book, period);
            let _ = motcua_core::grading::score_text(&s, Lang::Vi);
            let _ = motcua_io::writer::score_csv(&s);
            let _ = serde_json::to_string(&s).map_err(|e| e.to_string())?;
        }
    }
    Ok(())
}

fn calendar(data: &[u8]) -> Checked {
    let Ok(text) = std::str::from_utf8(data) else {
        return Ok(());
    };
    let Ok(cal) = Calendar::from_toml(text) else {
        return Ok(());
    };
    let d = chrono::NaiveDate::from_ymd_opt(2021, 7, 1).ok_or("date")?;
    for n in [0, 1, 30, 400] {
        if let Some(due) = cal.checked_add_working_days(d, n) {
            if due < d {
                return Err(format!("{n} working days after {d} is {due}"));
            }
        }
    }
    let _ = cal.year(2021);
    Ok(())
}

/// The CSV a profile or catalog is tried on when the input gives none: the SQL Server
/// export fixture (database names, `NULL`s).
const PROFILE_TABLE: &[u8] = include_bytes!("../fixtures/profiles/sqlserver.csv");

/// A side file's bytes, then (after the first NUL byte, when there is one) the CSV it is
/// applied to; [`PROFILE_TABLE`] without a NUL byte.
fn side_file_and_table(data: &[u8]) -> (&[u8], &[u8]) {
    match data.iter().position(|&b| b == 0) {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (data, PROFILE_TABLE),
    }
}

/// A profile's TOML text, then (after a NUL byte, when there is one) the CSV to read with
/// it: every profile that parses keeps the invariants of the CSV reader.
fn profile(data: &[u8]) -> Checked {
    let (text, table) = side_file_and_table(data);
    let Ok(text) = std::str::from_utf8(text) else {
        return Ok(());
    };
    let Ok(profile) = motcua_core::profile::Profile::from_toml(text, "fuzz.toml") else {
        return Ok(());
    };
    let base = ReadOptions {
        profile: Some(std::sync::Arc::new(profile)),
        ..ReadOptions::default()
    };
    table_with(InputFormat::Csv, table, false, &base).map(|_| ())
}

/// A procedure catalog (contract 13), then (after a NUL byte) a CSV that it fills: the
/// catalog never breaks the reader's invariants.
fn catalog(data: &[u8]) -> Checked {
    let (text, table) = side_file_and_table(data);
    let Ok(catalog) = motcua_io::catalog::read_catalog(text) else {
        return Ok(());
    };
    let base = ReadOptions {
        catalog: Some(std::sync::Arc::new(catalog)),
        ..ReadOptions::default()
    };
    table_with(InputFormat::Csv, table, false, &base).map(|_| ())
}

#[allow(clippy::unnecessary_wraps)] // every target of the table has one signature
fn rulebook(data: &[u8]) -> Checked {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = Rulebook::from_toml(text);
    }
    Ok(())
}

fn periods(data: &[u8]) -> Checked {
    let Ok(text) = std::str::from_utf8(data) else {
        return Ok(());
    };
    if let Ok(p) = text.parse::<Period>() {
        if p.from() > p.to() {
            return Err(format!(
                "{text:?} reads as a period that ends before it starts"
            ));
        }
        let _ = p.previous();
        let _ = p.days();
    }
    Ok(())
}

#[allow(clippy::unnecessary_wraps)] // every target of the table has one signature
fn timestamps(data: &[u8]) -> Checked {
    let Ok(text) = std::str::from_utf8(data) else {
        return Ok(());
    };
    if let Ok(t) = Timestamp::parse(text) {
        let _ = vn().checked_due_date(&t, 30);
    }
    let _ = motcua_core::record::parse_date(text);
    Ok(())
}

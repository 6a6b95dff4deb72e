//! Reading the dossier table from any supported format, chosen by the file's extension or
//! named: CSV ([`crate::dossiers`]), Excel `.xlsx` ([`crate::xlsx`]), the national
//! portal's JSON records, as an array or one per line ([`crate::portal`]), Arrow IPC files
//! and streams (`crate::arrow`, feature `arrow`) and Parquet (`crate::parquet`, feature
//! `parquet`). Files compressed with gzip or zstd (`.csv.gz`, `.json.zst`…) are read as a
//! stream (`crate::compress`, feature `compress`), told by their name or their first bytes.
//!
//! Every format goes through the same row check ([`motcua_core::record::parse_row`] and
//! [`motcua_core::record::Ingest`]), so the same rows give the same dossiers and the same
//! rejections; only the place an error names differs: a line (CSV), a sheet and row (Excel),
//! a record number (JSON) or a batch and row (Arrow, Parquet). [`RowError::line`] holds that
//! line, row, record number or row across all batches.
//!
//! ```
//! use motcua_core::calendar::Calendar;
//! use motcua_io::input::{InputFormat, InputOptions, read_bytes};
//! let json = br#"{"MaHoSo":"H1","DonViXuLy":"STP","KenhThucHien":2,"NgayTiepNhan":"20210701090000","ThoiHanGiaiQuyet":3,"TrangThaiHoSo":4}"#;
//! let mut n = 0;
//! let ing = read_bytes(InputFormat::Json, json, &Calendar::vn(), &InputOptions::default(), |_| n += 1).unwrap();
//! assert_eq!((n, ing.input.used), (1, 1));
//! ```

use std::fmt;
use std::io::Read;
use std::path::Path;
use std::str::FromStr;

use motcua_core::calendar::Calendar;
use motcua_core::dossier::Dossier;
use motcua_core::record::{FieldError, ParsedRow, RowError};

use crate::columnar;
use crate::dossiers::{Ingested, ReadOptions};
use crate::error::ReadError;

/// A format of the dossier table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum InputFormat {
    /// CSV (contract section 1).
    Csv,
    /// An Excel workbook (`.xlsx`, `.xlsm`, or an old Excel 97–2003 `.xls`).
    Xlsx,
    /// The portal's dossier records: a JSON array, or JSON Lines (told apart by the first
    /// character).
    Json,
    /// Arrow IPC, the file format (`.arrow`, `.feather`) or the stream format (`.arrows`),
    /// told apart by the first bytes.
    Arrow,
    /// Apache Parquet.
    Parquet,
}

impl InputFormat {
    /// The format a file name's extension implies: `.csv`/`.txt`, `.xlsx`/`.xlsm`/`.xls`,
    /// `.json`/`.jsonl`/`.ndjson`, `.arrow`/`.arrows`/`.ipc`/`.feather`, `.parquet`/`.pq`.
    #[must_use]
    pub fn from_path(path: &Path) -> Option<Self> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "csv" | "txt" | "tsv" => Some(Self::Csv),
            "xlsx" | "xlsm" | "xls" => Some(Self::Xlsx),
            "json" | "jsonl" | "ndjson" => Some(Self::Json),
            "arrow" | "arrows" | "ipc" | "feather" => Some(Self::Arrow),
            "parquet" | "pq" => Some(Self::Parquet),
            _ => None,
        }
    }

    /// The name used on the command line.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Csv => "csv",
            Self::Xlsx => "xlsx",
            Self::Json => "json",
            Self::Arrow => "arrow",
            Self::Parquet => "parquet",
        }
    }
}

impl FromStr for InputFormat {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "csv" => Ok(Self::Csv),
            "xlsx" | "excel" | "xlsm" | "xls" => Ok(Self::Xlsx),
            "json" | "jsonl" | "ndjson" | "portal" => Ok(Self::Json),
            "arrow" | "arrows" | "ipc" | "feather" => Ok(Self::Arrow),
            "parquet" | "pq" => Ok(Self::Parquet),
            _ => Err(format!(
                "unknown input format '{s}' (use csv, xlsx, json, arrow or parquet)"
            )),
        }
    }
}

/// How to read any format.
#[derive(Debug, Clone, Default)]
pub struct InputOptions {
    /// The format; `None` = from the file's extension (CSV when it says nothing).
    pub format: Option<InputFormat>,
    /// The sheet of a workbook; `None` = the first.
    pub sheet: Option<String>,
    /// Strictness, threads (CSV only) and block size (CSV only).
    pub read: ReadOptions,
}

/// Where in the input something is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// A CSV line (the header is line 1).
    Line(u64),
    /// A row of a worksheet, as Excel numbers it.
    Row {
        /// The sheet's name.
        sheet: String,
        /// The row number.
        row: u64,
    },
    /// A JSON record (the first is 1), and the line it starts on.
    Record {
        /// The record number.
        number: u64,
        /// The line of the file where it starts.
        line: u64,
    },
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Line(l) => write!(f, "line {l}"),
            Self::Row { sheet, row } => write!(f, "sheet '{sheet}', row {row}"),
            Self::Record { number, line } => write!(f, "record {number} (line {line})"),
        }
    }
}

/// Where a listed [`RowError`] is, in the words of its format: `line 5`, `sheet 'Hồ sơ',
/// row 5`, `record 5`; with its column.
#[must_use]
pub fn describe_row_error(e: &RowError, format: InputFormat, sheet: Option<&str>) -> String {
    let place = match format {
        InputFormat::Csv => format!("line {}", e.line),
        InputFormat::Xlsx => format!("sheet '{}', row {}", sheet.unwrap_or("?"), e.line),
        InputFormat::Json => format!("record {}", e.line),
        InputFormat::Arrow | InputFormat::Parquet => match (e.batch, e.batch_row) {
            (Some(b), Some(r)) => format!("batch {b}, row {r}"),
            _ => format!("row {}", e.line),
        },
    };
    match &e.column {
        Some(c) => format!(
            "{place}, {} {c}: {}",
            if format == InputFormat::Json {
                "field"
            } else {
                "column"
            },
            e.message
        ),
        None => format!("{place}: {}", e.message),
    }
}

/// Input that cannot be read, in any format.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum InputError {
    /// An error of the CSV reader, or of reading the stream.
    #[error(transparent)]
    Read(#[from] ReadError),
    /// A fault of the file as a whole: not a workbook, a password-protected workbook, a
    /// missing sheet, an empty input.
    #[error("{0}")]
    File(String),
    /// A fault at a place that stops the reading: a JSON file cut in the middle, invalid JSON,
    /// an unreadable worksheet.
    #[error("{place}: {message}")]
    At {
        /// Where.
        place: Place,
        /// What is wrong.
        message: String,
    },
    /// A bad row in strict mode.
    #[error("{} (strict mode stops at the first bad row)", row_message(.place, .error))]
    Row {
        /// Where.
        place: Place,
        /// The row's error.
        error: RowError,
    },
}

fn row_message(place: &Place, e: &RowError) -> String {
    let word = if matches!(place, Place::Record { .. }) {
        "field"
    } else {
        "column"
    };
    let file = e
        .file
        .as_deref()
        .map(|f| format!("{f}: "))
        .unwrap_or_default();
    match &e.column {
        Some(c) => format!("{file}{place}, {word} {c}: {}", e.message),
        None => format!("{file}{place}: {}", e.message),
    }
}

impl InputError {
    /// The row error of a strict-mode stop, whatever the format.
    #[must_use]
    pub fn row_error(&self) -> Option<&RowError> {
        match self {
            Self::Row { error, .. } | Self::Read(ReadError::Row(error)) => Some(error),
            _ => None,
        }
    }

    /// The row error of a strict-mode stop, to name its file.
    pub(crate) fn row_error_mut(&mut self) -> Option<&mut RowError> {
        match self {
            Self::Row { error, .. } | Self::Read(ReadError::Row(error)) => Some(error),
            _ => None,
        }
    }
}

/// Reads a table held in memory (the path the WebAssembly binding uses: no files, no
/// threads).
pub fn read_bytes(
    format: InputFormat,
    bytes: &[u8],
    calendar: &Calendar,
    opts: &InputOptions,
    visit: impl FnMut(&Dossier),
) -> Result<Ingested, InputError> {
    let read = ReadOptions {
        threads: 1,
        ..opts.read.clone()
    };
    #[cfg(feature = "compress")]
    if let Some(c) = crate::compress::Compression::sniff(bytes) {
        let mut plain = Vec::new();
        crate::compress::decoder(c, bytes)
            .read_to_end(&mut plain)
            .map_err(|e| compressed_error(c, &e))?;
        return read_bytes(format, &plain, calendar, opts, visit);
    }
    match format {
        InputFormat::Csv => Ok(crate::dossiers::read_dossiers(
            bytes,
            calendar,
            &read,
            &|_| {},
            visit,
        )?),
        InputFormat::Xlsx => crate::xlsx::read_dossiers(
            std::io::Cursor::new(bytes),
            opts.sheet.as_deref(),
            calendar,
            &read,
            visit,
        ),
        InputFormat::Json => crate::portal::read_dossiers(bytes, calendar, &read, &|_| {}, visit),
        InputFormat::Arrow => columnar::arrow_bytes(bytes, calendar, &read, visit),
        InputFormat::Parquet => columnar::parquet_bytes(bytes, calendar, &read, visit),
    }
}

#[cfg(feature = "compress")]
fn compressed_error(c: crate::compress::Compression, e: &std::io::Error) -> InputError {
    InputError::File(format!("cannot decompress the {} input: {e}", c.name()))
}

/// Reads a stream of a given format. A workbook needs random access, so it is read into
/// memory first (its compressed size); CSV and JSON stream. `progress` is told the bytes read.
pub fn read_stream<R: Read + Send>(
    format: InputFormat,
    input: R,
    calendar: &Calendar,
    opts: &InputOptions,
    progress: &(dyn Fn(u64) + Sync),
    visit: impl FnMut(&Dossier),
) -> Result<Ingested, InputError> {
    #[cfg(feature = "compress")]
    {
        // A gzip or zstd stream is told by its first bytes, and read decompressed.
        let counted = Counted {
            inner: input,
            read: 0,
            progress,
        };
        let (found, plain) = crate::compress::sniffed(counted).map_err(ReadError::Stream)?;
        if let Some(c) = found {
            return read_plain(format, plain, calendar, opts, &|_| {}, visit).map_err(
                |e| match e {
                    InputError::Read(ReadError::Stream(e)) => compressed_error(c, &e),
                    other => other,
                },
            );
        }
        read_plain(format, plain, calendar, opts, &|_| {}, visit)
    }
    #[cfg(not(feature = "compress"))]
    read_plain(format, input, calendar, opts, progress, visit)
}

fn read_plain<R: Read + Send>(
    format: InputFormat,
    mut input: R,
    calendar: &Calendar,
    opts: &InputOptions,
    progress: &(dyn Fn(u64) + Sync),
    visit: impl FnMut(&Dossier),
) -> Result<Ingested, InputError> {
    match format {
        InputFormat::Csv => Ok(crate::dossiers::read_dossiers(
            input, calendar, &opts.read, progress, visit,
        )?),
        InputFormat::Xlsx => {
            let mut bytes = Vec::new();
            input.read_to_end(&mut bytes).map_err(ReadError::Stream)?;
            progress(bytes.len() as u64);
            crate::xlsx::read_dossiers(
                std::io::Cursor::new(bytes),
                opts.sheet.as_deref(),
                calendar,
                &opts.read,
                visit,
            )
        }
        InputFormat::Json => {
            crate::portal::read_dossiers(input, calendar, &opts.read, progress, visit)
        }
        InputFormat::Arrow => columnar::arrow_stream(input, calendar, &opts.read, visit),
        InputFormat::Parquet => columnar::parquet_stream(input, calendar, &opts.read, visit),
    }
}

/// The format of a file: the one asked for, else its extension's (under a compression
/// extension: `x.csv.gz` is CSV), else CSV.
#[must_use]
pub fn format_of(path: &Path, opts: &InputOptions) -> InputFormat {
    opts.format
        .or_else(|| InputFormat::from_path(&inner_path(path)))
        .unwrap_or(InputFormat::Csv)
}

fn inner_path(path: &Path) -> std::borrow::Cow<'_, Path> {
    #[cfg(feature = "compress")]
    {
        std::borrow::Cow::Owned(crate::compress::inner_path(path))
    }
    #[cfg(not(feature = "compress"))]
    {
        std::borrow::Cow::Borrowed(path)
    }
}

/// The format the first bytes of a file show, for a file whose name says nothing.
fn sniff_format(head: &[u8]) -> Option<InputFormat> {
    if head.starts_with(b"PAR1") {
        Some(InputFormat::Parquet)
    } else if head.starts_with(b"ARROW1") || head.starts_with(&[0xff, 0xff, 0xff, 0xff]) {
        Some(InputFormat::Arrow)
    } else if head.starts_with(b"PK\x03\x04") || head.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        Some(InputFormat::Xlsx)
    } else {
        None
    }
}

/// Opens and reads a file (not for WebAssembly: use [`read_bytes`] there).
pub fn read_path(
    path: &Path,
    calendar: &Calendar,
    opts: &InputOptions,
    progress: &(dyn Fn(u64) + Sync),
    visit: impl FnMut(&Dossier),
) -> Result<Ingested, InputError> {
    let io_err = |source| ReadError::Io {
        path: path.to_owned(),
        source,
    };
    let mut file = std::fs::File::open(path).map_err(io_err)?;
    let mut head = [0u8; 8];
    let n = read_head(&mut file, &mut head).map_err(io_err)?;
    std::io::Seek::rewind(&mut file).map_err(io_err)?;
    #[cfg(feature = "compress")]
    if let Some(c) = crate::compress::Compression::sniff(&head[..n])
        .or_else(|| crate::compress::Compression::from_path(path))
    {
        // The format comes from the name without its compression extension.
        let format = format_of(path, opts);
        let counted = Counted {
            inner: file,
            read: 0,
            progress,
        };
        let plain = crate::compress::decoder(c, counted);
        return read_plain(format, plain, calendar, opts, &|_| {}, visit).map_err(|e| match e {
            InputError::Read(ReadError::Stream(e)) => compressed_error(c, &e),
            other => other,
        });
    }
    let format = opts
        .format
        .or_else(|| InputFormat::from_path(path))
        .or_else(|| sniff_format(&head[..n]))
        .unwrap_or(InputFormat::Csv);
    match format {
        InputFormat::Xlsx => {
            let reader = std::io::BufReader::with_capacity(1 << 16, file);
            crate::xlsx::read_dossiers(reader, opts.sheet.as_deref(), calendar, &opts.read, visit)
        }
        InputFormat::Arrow | InputFormat::Parquet => {
            let len = file.metadata().map_or(0, |m| m.len());
            let ing = columnar::file(format, file, calendar, &opts.read, visit)?;
            progress(len);
            Ok(ing)
        }
        _ => read_stream(format, file, calendar, opts, progress, visit),
    }
}

fn read_head(input: &mut impl Read, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match input.read(&mut buf[n..])? {
            0 => break,
            k => n += k,
        }
    }
    Ok(n)
}

/// A reader that tells `progress` how many (compressed) bytes it has read.
#[cfg(feature = "compress")]
struct Counted<'p, R> {
    inner: R,
    read: u64,
    progress: &'p (dyn Fn(u64) + Sync),
}

#[cfg(feature = "compress")]
impl<R: Read> Read for Counted<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read += n as u64;
        (self.progress)(self.read);
        Ok(n)
    }
}

/// A row with a fault found outside [`motcua_core::record::parse_row`] (a JSON value of the
/// wrong type, an Excel error cell): the row is bad, and its error is the fault in the
/// earliest column, as `parse_row` reports the first fault in the contract's column order.
pub(crate) fn prefer_earlier(parsed: ParsedRow<'_>, fault: Option<FieldError>) -> ParsedRow<'_> {
    let Some(f) = fault else { return parsed };
    match parsed {
        ParsedRow::Bad { code, error } if error.column.is_some_and(|c| Some(c) < f.column) => {
            ParsedRow::Bad { code, error }
        }
        ParsedRow::Received { code, .. } | ParsedRow::NotReceived { code } => ParsedRow::Bad {
            code: Some(code),
            error: f,
        },
        ParsedRow::Bad { code, .. } => ParsedRow::Bad { code, error: f },
    }
}

//! Reading the dossier table from an Excel workbook (`.xlsx`), with calamine.
//!
//! The first sheet is read, or the one named. Its header is found and mapped through the
//! source profile as a CSV header is (contract 14): the profile's `header_row`, else the
//! first of the first 30 non-empty rows that maps, so that an export with a title above its
//! table is read. Each later non-empty row is a dossier, numbered as Excel
//! numbers it (a [`RowError`]'s `line` is that row). Cells are streamed one at a time from
//! the sheet's XML; the reader holds one row (and the workbook's shared strings).
//!
//! Cells are turned into the text the CSV reader would see, then checked by
//! [`parse_row`](motcua_core::record::parse_row) like any other row: dates may be Excel dates (serial numbers, formatted as
//! dates or not) or text in any contract form; a number in a code column reads as a
//! whole number when it is one (`1.0` → `1`). An error cell (`#N/A`) in a contract column
//! rejects its row.

use std::fmt::Write as _;
use std::io::{Read, Seek, SeekFrom};

use calamine::{Cell, DataRef, Reader, Xlsx, XlsxError};
use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime};
use motcua_core::calendar::Calendar;
use motcua_core::dossier::Dossier;
use motcua_core::profile::{MappedHeader, Profile};
use motcua_core::record::{Column, ErrorKind, FieldError, HeaderError, RowContext, parse_row_with};

use crate::blocks::{Block, BlockBuilder, Merger};
use crate::dossiers::{Ingested, ReadOptions};
use crate::error::ReadError;
use crate::input::{InputError, Place, prefer_earlier};
use crate::portal::number_text;

const DATE_COLUMNS: [Column; 4] = [
    Column::NgayTiepNhan,
    Column::NgayHenTra,
    Column::NgayKetThucXuLy,
    Column::NgayTra,
];

/// Streams the dossiers of one sheet of a workbook to `visit`, in row order: an `.xlsx`
/// workbook's cells are streamed from its XML, an old Excel 97–2003 `.xls` workbook's sheet
/// is read whole. With `read.threads` other than 1, the rows are validated on a second
/// thread while this one reads the sheet.
pub fn read_dossiers<RS: Read + Seek>(
    mut input: RS,
    sheet: Option<&str>,
    calendar: &Calendar,
    read: &ReadOptions,
    visit: impl FnMut(&Dossier),
) -> Result<Ingested, InputError> {
    if check_magic(&mut input)? {
        return crate::xls::read_dossiers(input, sheet, calendar, read, visit);
    }
    crate::xlsx_limits::check(&mut input, &read.limits)?;
    let mut wb: Xlsx<RS> = Xlsx::new(input).map_err(|e| match e {
        XlsxError::Password => InputError::File("the workbook is password-protected: remove the password (File › Info › Protect Workbook) and save it again".into()),
        e => InputError::File(format!("the workbook cannot be opened, it may be damaged: {e}")),
    })?;
    let name = sheet_name(&wb.sheet_names(), sheet)?;
    let mut cells = wb
        .worksheet_cells_reader(&name)
        .map_err(|e| InputError::File(format!("sheet '{name}' cannot be read: {e}")))?;
    read_cells(
        &name,
        || cells.next_cell().map_err(|e| e.to_string()),
        calendar,
        read,
        visit,
    )
}

/// The sheet to read: the one named, else the first.
pub(crate) fn sheet_name(names: &[String], sheet: Option<&str>) -> Result<String, InputError> {
    match sheet {
        Some(s) if names.iter().any(|n| n == s) => Ok(s.to_owned()),
        Some(s) => Err(InputError::File(format!(
            "the workbook has no sheet '{s}'; its sheets are: {}",
            names.join(", ")
        ))),
        None => names
            .first()
            .cloned()
            .ok_or_else(|| InputError::File("the workbook has no sheet".into())),
    }
}

/// Reads the dossiers of sheet `name` from its cells, given in row order by `next_cell`
/// (which says why when the sheet cannot be read further).
pub(crate) fn read_cells<'a>(
    name: &str,
    mut next_cell: impl FnMut() -> Result<Option<Cell<DataRef<'a>>>, String>,
    calendar: &Calendar,
    read: &ReadOptions,
    mut visit: impl FnMut(&Dossier),
) -> Result<Ingested, InputError> {
    let name = name.to_owned();
    let place = |row: u32| Place::Row {
        sheet: name.clone(),
        row: u64::from(row) + 1,
    };
    let mut merger = Merger::new(read.ingest());
    let mut row = RowBuf::default();
    let profile = crate::profile::chosen(read.profile.as_ref());
    let mut scan = HeaderScan::new(&profile);
    let mut header: Option<(MappedHeader, Vec<Option<Column>>)> = None;
    let to_input = |e: ReadError| match e {
        ReadError::Row(mut error) => InputError::Row {
            place: place(error.line.saturating_sub(1) as u32),
            error: {
                error.sheet = Some(name.clone());
                error
            },
        },
        other => InputError::from(other),
    };
    let cx = read.row_context(calendar);
    let parallel = read.worker_count() > 1;
    let (batch_tx, batch_rx) = std::sync::mpsc::sync_channel::<Batch>(2);
    let (block_tx, block_rx) = std::sync::mpsc::sync_channel::<Block>(2);
    let mut batch = Batch::default();
    std::thread::scope(|scope| -> Result<(), InputError> {
        let mut worker_tx = None;
        if parallel {
            worker_tx = Some(batch_tx);
            let block_tx = block_tx.clone();
            scope.spawn(move || {
                for b in batch_rx {
                    if block_tx.send(b.validate(&cx)).is_err() {
                        return;
                    }
                }
            });
        }
        drop(block_tx);
        loop {
            let cell = next_cell().map_err(|e| InputError::At {
                place: place(row.index),
                message: format!("the sheet cannot be read: {e}"),
            })?;
            let next_row = cell.as_ref().map(|c| c.get_position().0);
            if next_row != Some(row.index) && row.used {
                match &header {
                    None => {
                        if let Some(mapped) = scan.try_row(&row, &place)? {
                            let h = mapped.header();
                            let cols = (0..h.width())
                                .map(|i| Column::ALL.into_iter().find(|c| h.index(*c) == Some(i)))
                                .collect();
                            header = Some((mapped, cols));
                        }
                    }
                    Some((h, _)) => {
                        batch.push(h, &mut row);
                        if batch.lines.len() >= BATCH_ROWS {
                            let full = std::mem::take(&mut batch);
                            match &worker_tx {
                                Some(tx) => {
                                    tx.send(full).map_err(|_| {
                                        InputError::File("the row checker stopped".into())
                                    })?;
                                    while let Ok(block) = block_rx.try_recv() {
                                        merger.merge(block, &mut visit).map_err(to_input)?;
                                    }
                                }
                                None => {
                                    merger
                                        .merge(full.validate(&cx), &mut visit)
                                        .map_err(to_input)?;
                                }
                            }
                        }
                    }
                }
                row.clear();
            }
            let Some(cell) = cell else { break };
            let (r, c) = cell.get_position();
            row.index = r;
            let column = match &header {
                Some((_, cols)) => match cols.get(c as usize) {
                    Some(col) => *col,
                    None => continue,
                },
                None => None,
            };
            row.set(c as usize, cell.get_value(), column);
        }
        if header.is_none() {
            return Err(scan.failure().unwrap_or_else(|| {
                InputError::File(format!("sheet '{name}' is empty: {}", HeaderError::Empty))
            }));
        }
        let last = std::mem::take(&mut batch);
        match worker_tx.take() {
            Some(tx) => {
                tx.send(last)
                    .map_err(|_| InputError::File("the row checker stopped".into()))?;
                drop(tx);
                for block in &block_rx {
                    merger.merge(block, &mut visit).map_err(to_input)?;
                }
            }
            None => {
                merger
                    .merge(last.validate(&cx), &mut visit)
                    .map_err(to_input)?;
            }
        }
        Ok(())
    })?;
    let mut ing = read.finished(merger.into_ingest());
    for e in &mut ing.input.errors {
        e.sheet = Some(name.clone());
    }
    ing.input.profile = header.map(|(m, _)| m.profile().name.clone());
    Ok(ing)
}

/// Rows of a sheet looked at for its header: the title rows above it are skipped.
const HEADER_ROWS: u32 = 30;

/// Finds a sheet's header as the CSV reader does ([`crate::profile::map_names`]): the
/// profile's `header_row` when it names one, else the first of the first non-empty rows
/// that maps (an export with a title above its header); when none maps, the first one's
/// error.
struct HeaderScan<'p> {
    profile: &'p Profile,
    tried: u32,
    first_err: Option<(Place, String)>,
}

impl<'p> HeaderScan<'p> {
    fn new(profile: &'p Profile) -> Self {
        Self {
            profile,
            tried: 0,
            first_err: None,
        }
    }

    /// The mapped header if `row` (a non-empty row) is the header.
    fn try_row(
        &mut self,
        row: &RowBuf,
        place: &impl Fn(u32) -> Place,
    ) -> Result<Option<MappedHeader>, InputError> {
        let fixed = self.profile.header_row.filter(|_| !self.profile.auto);
        if fixed.is_some_and(|r| row.index + 1 < r) {
            return Ok(None);
        }
        let names: Vec<&str> = row.texts.iter().map(|t| t.trim()).collect();
        match crate::profile::map_names(self.profile, &names, || {
            names.iter().any(|n| n.eq_ignore_ascii_case("NULL"))
        }) {
            Ok((mapped, _)) => Ok(Some(mapped)),
            Err(e) => {
                self.tried += 1;
                let first = self
                    .first_err
                    .get_or_insert_with(|| (place(row.index), e.to_string()));
                if fixed.is_some() || self.tried >= HEADER_ROWS {
                    let (place, message) = first.clone();
                    return Err(InputError::At { place, message });
                }
                Ok(None)
            }
        }
    }

    /// Why no row was the header, if a row was tried.
    fn failure(&mut self) -> Option<InputError> {
        self.first_err
            .take()
            .map(|(place, message)| InputError::At { place, message })
    }
}

/// Rows handed to the checker at a time.
const BATCH_ROWS: usize = 2048;

/// Rows of the sheet as the contract's texts, waiting to be validated: every cell's text
/// in one buffer, `ends` marking where each contract column of each row ends.
#[derive(Default)]
struct Batch {
    text: String,
    ends: Vec<u32>,
    lines: Vec<u64>,
    faults: Vec<Option<FieldError>>,
}

impl Batch {
    /// Takes the current row (and clears it), its values rewritten by the profile.
    fn push(&mut self, m: &MappedHeader, row: &mut RowBuf) {
        let h = m.header();
        if m.is_plain() {
            for c in Column::ALL {
                if let Some(t) = h.index(c).and_then(|i| row.texts.get(i)) {
                    self.text.push_str(t);
                }
                self.ends.push(self.text.len() as u32);
            }
        } else {
            let mut vals = m.values();
            m.apply(|i| row.texts.get(i).map_or("", String::as_str), &mut vals);
            for c in Column::ALL {
                self.text.push_str(vals.get(c));
                self.ends.push(self.text.len() as u32);
            }
        }
        self.lines.push(u64::from(row.index) + 1);
        self.faults.push(row.fault.take());
    }

    /// Validates the rows with [`parse_row`](motcua_core::record::parse_row), as the CSV reader does.
    fn validate(mut self, cx: &RowContext<'_>) -> Block {
        let mut b = BlockBuilder::default();
        let n = Column::ALL.len();
        for (r, (&line, fault)) in self.lines.iter().zip(self.faults.iter_mut()).enumerate() {
            let ends = &self.ends[r * n..(r + 1) * n];
            let start = if r == 0 {
                0
            } else {
                self.ends[r * n - 1] as usize
            };
            let text = &self.text;
            let field = |c: Column| {
                let i = c as usize;
                let from = if i == 0 { start } else { ends[i - 1] as usize };
                text.get(from..ends[i] as usize).unwrap_or("")
            };
            b.row(
                line,
                prefer_earlier(parse_row_with(field, cx), fault.take()),
            );
        }
        b.finish()
    }
}

/// Tells a password-protected workbook or an old `.xls` file from a damaged one: `true`
/// for an old `.xls` workbook (an OLE compound file that is not encrypted).
fn check_magic<RS: Read + Seek>(input: &mut RS) -> Result<bool, InputError> {
    let mut magic = [0u8; 8];
    let n = input
        .read(&mut magic)
        .map_err(crate::error::ReadError::Stream)?;
    input
        .seek(SeekFrom::Start(0))
        .map_err(crate::error::ReadError::Stream)?;
    if n == 0 {
        return Err(InputError::File("the workbook file is empty".into()));
    }
    if magic == [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] {
        if ole_is_encrypted(input)? {
            return Err(InputError::File("the workbook is password-protected: remove the password (File › Info › Protect Workbook) and save it again".into()));
        }
        return Ok(true);
    }
    if !magic.starts_with(b"PK") {
        return Err(InputError::File("not an Excel workbook (an .xlsx file is a zip archive, an .xls file an OLE compound file): the file is damaged or of another kind".into()));
    }
    Ok(false)
}

/// Whether an OLE compound file (`D0 CF 11 E0…`) is an encrypted workbook rather than an
/// old `.xls`: its directory names the `EncryptedPackage` stream (names are UTF-16LE).
/// The bytes are searched, not parsed, so that a damaged or crafted file cannot reach the
/// compound-file parser; at most 64 MiB are read.
fn ole_is_encrypted<R: Read + Seek>(input: &mut R) -> Result<bool, InputError> {
    const NAME: &str = "EncryptedPackage";
    let needle: Vec<u8> = NAME.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let mut probe = Vec::new();
    input
        .by_ref()
        .take(64 << 20)
        .read_to_end(&mut probe)
        .map_err(crate::error::ReadError::Stream)?;
    input
        .seek(SeekFrom::Start(0))
        .map_err(crate::error::ReadError::Stream)?;
    Ok(memchr::memmem::find(&probe, &needle).is_some())
}

/// The cells of the current row as text.
#[derive(Default)]
struct RowBuf {
    index: u32,
    texts: Vec<String>,
    used: bool,
    fault: Option<FieldError>,
    /// Whether the workbook counts dates from 1904, once a date cell tells.
    system_1904: Option<bool>,
}

impl RowBuf {
    fn clear(&mut self) {
        for t in &mut self.texts {
            t.clear();
        }
        self.used = false;
        self.fault = None;
    }

    fn set(&mut self, i: usize, v: &DataRef<'_>, column: Option<Column>) {
        if self.texts.len() <= i {
            self.texts.resize(i + 1, String::new());
        }
        let t = &mut self.texts[i];
        t.clear();
        let is_date = column.is_some_and(|c| DATE_COLUMNS.contains(&c));
        match v {
            DataRef::Empty => return,
            DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => t.push_str(s),
            DataRef::SharedString(s) => t.push_str(s),
            DataRef::Int(n) => {
                let _ = write!(t, "{n}");
            }
            DataRef::Float(f) if is_date && *f > 0.0 && *f < 1e7 => write_serial(t, *f, None),
            DataRef::Float(f) if f.fract() == 0.0 && *f >= 0.0 && *f < 4e9 => {
                push_padded(t, *f as u32, 1);
            }
            DataRef::Float(f) => t.push_str(&number_text(*f)),
            DataRef::DateTime(d) if is_date => {
                let v = d.as_f64();
                let system_1904 = *self
                    .system_1904
                    .get_or_insert_with(|| is_1904(v, d.as_datetime()));
                write_serial(t, v, system_1904.then(|| d.as_datetime()).flatten());
            }
            DataRef::DateTime(d) => t.push_str(&number_text(d.as_f64())),
            DataRef::Bool(b) if column == Some(Column::PhanAnh) => {
                t.push(if *b { '1' } else { '0' });
            }
            DataRef::Bool(b) => t.push_str(if *b { "TRUE" } else { "FALSE" }),
            DataRef::Error(e) => {
                if let (Some(c), None) = (column, &self.fault) {
                    self.fault = Some(FieldError::new(
                        c,
                        ErrorKind::Unparseable,
                        format!("the cell holds the error {e}"),
                    ));
                }
            }
        }
        self.used |= self.fault.is_some() || t.bytes().any(|b| !b.is_ascii_whitespace());
    }
}

/// An Excel serial date-time as `yyyy-MM-dd HH:mm:ss` text (`yyyy-MM-dd` for a whole day),
/// in the 1900 date system unless `exact` (calamine's reading, which knows the workbook's
/// date system) is given.
#[must_use]
pub fn serial_text(serial: f64, exact: Option<NaiveDateTime>) -> String {
    let mut s = String::with_capacity(19);
    write_serial(&mut s, serial, exact);
    s
}

/// Writes a serial date-time of the 1900 date system (`1904` days later in the 1904 system).
fn write_serial(out: &mut String, serial: f64, exact: Option<NaiveDateTime>) {
    let total = (serial * 86_400.0).round() as i64;
    // Excel's 1900 system counts a 29 February 1900 that never was
    let days = total.div_euclid(86_400) + i64::from(serial < 60.0);
    let secs = total.rem_euclid(86_400) as u32;
    let date = match exact {
        Some(dt) => Some((dt + Duration::milliseconds(500)).date()),
        None => i32::try_from(days + EXCEL_EPOCH_CE)
            .ok()
            .and_then(NaiveDate::from_num_days_from_ce_opt),
    };
    let Some(date) = date else {
        out.push_str(&number_text(serial));
        return;
    };
    push_padded(out, date.year().unsigned_abs(), 4);
    out.push('-');
    push_padded(out, date.month(), 2);
    out.push('-');
    push_padded(out, date.day(), 2);
    if serial.fract() != 0.0 {
        out.push(' ');
        push_padded(out, secs / 3600, 2);
        out.push(':');
        push_padded(out, secs / 60 % 60, 2);
        out.push(':');
        push_padded(out, secs % 60, 2);
    }
}

/// Days from 1 January of year 1 to 30 December 1899, Excel's day 0.
const EXCEL_EPOCH_CE: i64 = 693_594;

fn push_padded(out: &mut String, n: u32, width: usize) {
    let mut buf = [b'0'; 10];
    let mut i = buf.len();
    let mut n = n;
    while n > 0 || buf.len() - i < width {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
    }
    out.push_str(std::str::from_utf8(&buf[i..]).unwrap_or(""));
}

/// Whether calamine's reading of a date cell is four years after the 1900 system's.
fn is_1904(serial: f64, exact: Option<NaiveDateTime>) -> bool {
    let mut ours = String::new();
    write_serial(&mut ours, serial, None);
    exact.is_some_and(|dt| !ours.starts_with(&dt.date().to_string()))
}

/// Converts a date-time to an Excel serial number (1900 date system), for writers.
#[must_use]
pub fn to_serial(dt: NaiveDateTime) -> f64 {
    let base = NaiveDate::from_ymd_opt(1899, 12, 30)
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .unwrap_or_default();
    let ms = (dt - base).num_milliseconds() as f64;
    ms / 86_400_000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serials_read_as_the_contracts_text() {
        assert_eq!(serial_text(44378.375, None), "2021-07-01 09:00:00");
        assert_eq!(serial_text(44378.0, None), "2021-07-01");
        assert_eq!(serial_text(44_378.999_999_9, None), "2021-07-02 00:00:00");
        assert_eq!(serial_text(1.0, None), "1900-01-01");
        assert_eq!(serial_text(61.0, None), "1900-03-01");
        let dt = NaiveDate::from_ymd_opt(2021, 9, 29)
            .unwrap()
            .and_hms_opt(16, 59, 59)
            .unwrap();
        assert_eq!(serial_text(to_serial(dt), None), "2021-09-29 16:59:59");
        let in_1904 = dt - Duration::days(1462);
        assert!(is_1904(to_serial(in_1904), Some(dt)));
        assert!(!is_1904(to_serial(dt), Some(dt)));
    }
}

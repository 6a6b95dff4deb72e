//! Reading one row of the dossier table (contract sections 1, 2, 3 and 6): the columns,
//! the header check, the per-row validation, and [`Ingest`], which turns a stream of parsed
//! rows into dossiers while detecting duplicate codes and keeping the input summary.
//!
//! The readers of concrete formats (CSV, Excel, the portal's JSON) live in `motcua-io`; they
//! all call [`parse_row`] and [`Ingest::accept`] so that every format makes the same
//! row-level decisions.
//!
//! ```
//! use motcua_core::calendar::Calendar;
//! use motcua_core::record::{Column, Header, Ingest, parse_row};
//!
//! let header = Header::new(["MaHoSo", "DonViXuLy", "KenhThucHien", "NgayTiepNhan",
//!                           "ThoiHanGiaiQuyet", "TrangThaiHoSo"]).unwrap();
//! let row = ["H1", "STP", "2", "2021-07-01 09:00", "3", "4"];
//! let cal = Calendar::vn();
//! let parsed = parse_row(|c| header.index(c).map_or("", |i| row[i]), &cal);
//! let mut ingest = Ingest::new(false);
//! let dossier = ingest.accept(2, parsed).unwrap().unwrap();
//! assert_eq!(dossier.due.to_string(), "2021-07-06");
//! assert_eq!(ingest.input.used, 1);
//! ```

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::calendar::Calendar;
use crate::codes::{Channel, CodeError, OnlineLevel, Rating, Status, StatusGroup};
use crate::dossier::{AgencyId, Dossier, InputSummary, Interner, OfficialId};
use crate::timestamp::Timestamp;

/// The columns of the dossier table (contract section 1), in the contract's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Column {
    /// Dossier code (required).
    MaHoSo,
    /// Procedure code.
    MaTTHC,
    /// Agency code (required).
    DonViXuLy,
    /// Channel (required).
    KenhThucHien,
    /// Online-service level.
    MucDo,
    /// Receipt time (required).
    NgayTiepNhan,
    /// Due date.
    NgayHenTra,
    /// Statutory limit in working days.
    ThoiHanGiaiQuyet,
    /// When processing finished.
    NgayKetThucXuLy,
    /// When the result was returned.
    NgayTra,
    /// Status (required).
    TrangThaiHoSo,
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
}

impl Column {
    /// Every column, in the contract's order.
    pub const ALL: [Self; 16] = [
        Self::MaHoSo,
        Self::MaTTHC,
        Self::DonViXuLy,
        Self::KenhThucHien,
        Self::MucDo,
        Self::NgayTiepNhan,
        Self::NgayHenTra,
        Self::ThoiHanGiaiQuyet,
        Self::NgayKetThucXuLy,
        Self::NgayTra,
        Self::TrangThaiHoSo,
        Self::SoLanBoSung,
        Self::DanhGia,
        Self::CanBoTiepNhan,
        Self::SoCoQuanLienHe,
        Self::PhanAnh,
    ];

    /// The column's name in the file.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::MaHoSo => "MaHoSo",
            Self::MaTTHC => "MaTTHC",
            Self::DonViXuLy => "DonViXuLy",
            Self::KenhThucHien => "KenhThucHien",
            Self::MucDo => "MucDo",
            Self::NgayTiepNhan => "NgayTiepNhan",
            Self::NgayHenTra => "NgayHenTra",
            Self::ThoiHanGiaiQuyet => "ThoiHanGiaiQuyet",
            Self::NgayKetThucXuLy => "NgayKetThucXuLy",
            Self::NgayTra => "NgayTra",
            Self::TrangThaiHoSo => "TrangThaiHoSo",
            Self::SoLanBoSung => "SoLanBoSung",
            Self::DanhGia => "DanhGia",
            Self::CanBoTiepNhan => "CanBoTiepNhan",
            Self::SoCoQuanLienHe => "SoCoQuanLienHe",
            Self::PhanAnh => "PhanAnh",
        }
    }

    /// Whether every file must have this column.
    #[must_use]
    pub const fn is_required(self) -> bool {
        matches!(
            self,
            Self::MaHoSo
                | Self::DonViXuLy
                | Self::KenhThucHien
                | Self::NgayTiepNhan
                | Self::TrangThaiHoSo
        )
    }

    /// The column with this exact (case-sensitive) name.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.name() == name)
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
    index: [Option<usize>; 16],
    width: usize,
}

impl Header {
    /// Checks a header row: a leading BOM is ignored, unknown names are ignored, every
    /// missing required column is reported at once.
    pub fn new<'a>(names: impl IntoIterator<Item = &'a str>) -> Result<Self, HeaderError> {
        let mut index = [None; 16];
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
        let missing: Vec<_> = Column::ALL
            .into_iter()
            .filter(|c| c.is_required() && index[*c as usize].is_none())
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

/// A rejected row: where, which column, and what is wrong (contract section 6).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowError {
    /// Line (CSV; the header is line 1), row (Excel) or record number (JSON) where the
    /// record starts.
    pub line: u64,
    /// The column at fault; `None` for faults of the whole record (e.g. wrong field count).
    pub column: Option<String>,
    /// What is wrong, and what is expected.
    pub message: String,
}

impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.column {
            Some(c) => write!(f, "line {}, column {c}: {}", self.line, self.message),
            None => write!(f, "line {}: {}", self.line, self.message),
        }
    }
}

impl std::error::Error for RowError {}

/// What is wrong with one field of a row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// The column at fault; `None` for a fault of the whole record.
    pub column: Option<Column>,
    /// What is wrong.
    pub message: String,
}

impl FieldError {
    fn new(column: Column, message: impl Into<String>) -> Self {
        Self {
            column: Some(column),
            message: message.into(),
        }
    }

    /// A fault of the whole record (e.g. a CSV row with the wrong number of fields).
    pub fn record(message: impl Into<String>) -> Self {
        Self {
            column: None,
            message: message.into(),
        }
    }

    /// This error at `line`.
    #[must_use]
    pub fn at(self, line: u64) -> RowError {
        RowError {
            line,
            column: self.column.map(|c| c.name().to_owned()),
            message: self.message,
        }
    }
}

impl From<(Column, CodeError)> for FieldError {
    fn from((c, e): (Column, CodeError)) -> Self {
        Self::new(c, e.to_string())
    }
}

/// One row read, before duplicate detection and interning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParsedRow<'a> {
    /// A received dossier. Its `agency` and `official` ids are placeholders that
    /// [`Ingest::accept`] fills in from `agency` and `official`.
    Received {
        /// `MaHoSo`.
        code: &'a str,
        /// `DonViXuLy`.
        agency: &'a str,
        /// `CanBoTiepNhan`, if not empty.
        official: Option<&'a str>,
        /// The validated dossier.
        dossier: Dossier,
    },
    /// A valid row with status 1 or 3.
    NotReceived {
        /// `MaHoSo`.
        code: &'a str,
    },
    /// A row that breaks the contract.
    Bad {
        /// `MaHoSo`, if the row has one (for duplicate detection).
        code: Option<&'a str>,
        /// The first fault found, in the contract's column order.
        error: FieldError,
    },
}

/// `s` without surrounding white space; most fields have none, so look before trimming.
fn trimmed(s: &str) -> &str {
    match s.as_bytes() {
        [] => s,
        [first, .., last] | [first @ last]
            if !first.is_ascii_whitespace()
                && !last.is_ascii_whitespace()
                && first.is_ascii()
                && last.is_ascii() =>
        {
            s
        }
        _ => s.trim(),
    }
}

fn required<'a>(get: &impl Fn(Column) -> &'a str, c: Column) -> Result<&'a str, FieldError> {
    let v = trimmed(get(c));
    if v.is_empty() {
        Err(FieldError::new(
            c,
            format!("missing value: {c} is required"),
        ))
    } else {
        Ok(v)
    }
}

fn optional<'a>(get: &impl Fn(Column) -> &'a str, c: Column) -> Option<&'a str> {
    let v = trimmed(get(c));
    (!v.is_empty()).then_some(v)
}

fn timestamp(c: Column, v: &str) -> Result<Timestamp, FieldError> {
    Timestamp::parse(v).map_err(|e| FieldError::new(c, e.to_string()))
}

fn whole(c: Column, v: &str) -> Result<u32, FieldError> {
    v.parse::<u32>()
        .map_err(|_| FieldError::new(c, format!("'{v}' is not a whole number ≥ 0")))
}

/// Validates one row (contract sections 1–4 and 6) and resolves its due date.
///
/// `get` returns a column's raw text, or `""` when the file lacks the column.
pub fn parse_row<'a>(get: impl Fn(Column) -> &'a str, calendar: &Calendar) -> ParsedRow<'a> {
    let code = optional(&get, Column::MaHoSo);
    match parse_fields(&get, calendar) {
        Ok(row) => row,
        Err(error) => ParsedRow::Bad { code, error },
    }
}

fn parse_fields<'a>(
    get: &impl Fn(Column) -> &'a str,
    calendar: &Calendar,
) -> Result<ParsedRow<'a>, FieldError> {
    use Column as C;
    let code = required(get, C::MaHoSo)?;
    let agency = required(get, C::DonViXuLy)?;
    let channel =
        Channel::try_from(required(get, C::KenhThucHien)?).map_err(|e| (C::KenhThucHien, e))?;
    let level = optional(get, C::MucDo)
        .map(OnlineLevel::try_from)
        .transpose()
        .map_err(|e| (C::MucDo, e))?;
    let received = timestamp(C::NgayTiepNhan, required(get, C::NgayTiepNhan)?)?;
    let due_given = optional(get, C::NgayHenTra)
        .map(|v| timestamp(C::NgayHenTra, v))
        .transpose()?;
    let limit = optional(get, C::ThoiHanGiaiQuyet)
        .map(|v| whole(C::ThoiHanGiaiQuyet, v))
        .transpose()?;
    let finished = optional(get, C::NgayKetThucXuLy)
        .map(|v| timestamp(C::NgayKetThucXuLy, v))
        .transpose()?;
    let returned = optional(get, C::NgayTra)
        .map(|v| timestamp(C::NgayTra, v))
        .transpose()?;
    let status =
        Status::try_from(required(get, C::TrangThaiHoSo)?).map_err(|e| (C::TrangThaiHoSo, e))?;
    let supplements = optional(get, C::SoLanBoSung)
        .map(|v| whole(C::SoLanBoSung, v))
        .transpose()?;
    let rating = optional(get, C::DanhGia)
        .map(Rating::try_from)
        .transpose()
        .map_err(|e| (C::DanhGia, e))?;
    let official = optional(get, C::CanBoTiepNhan);
    let contacts = optional(get, C::SoCoQuanLienHe)
        .map(|v| whole(C::SoCoQuanLienHe, v))
        .transpose()?;
    let complaint = match optional(get, C::PhanAnh).map(|v| (v, v.as_bytes())) {
        None | Some((_, [b'0'])) => false,
        Some((_, [b'1'])) => true,
        Some((v, _)) => {
            return Err(FieldError::new(
                C::PhanAnh,
                format!("'{v}' is not a complaint flag (expected 1 yes, 0 or empty no)"),
            ));
        }
    };
    for (c, t) in [(C::NgayKetThucXuLy, finished), (C::NgayTra, returned)] {
        if let Some(t) = t {
            if t.date < received.date {
                return Err(FieldError::new(
                    c,
                    format!(
                        "closed on {} before it was received on {}",
                        t.date, received.date
                    ),
                ));
            }
        }
    }
    if status.group() == StatusGroup::NotReceived {
        return Ok(ParsedRow::NotReceived { code });
    }
    let due = match (due_given, limit) {
        (Some(d), _) => d.date,
        (None, Some(n)) => calendar.checked_due_date(&received, n).ok_or_else(|| {
            FieldError::new(
                C::ThoiHanGiaiQuyet,
                format!(
                    "{n} working days after {} is past the year 9999: check the time limit",
                    received.date
                ),
            )
        })?,
        (None, None) => {
            return Err(FieldError::new(
                C::NgayHenTra,
                "no deadline: neither NgayHenTra nor ThoiHanGiaiQuyet",
            ));
        }
    };
    let closed = if status.is_closed() {
        let c = finished.or(returned).ok_or_else(|| {
            FieldError::new(
                C::NgayKetThucXuLy,
                format!("status {status} closes the dossier but there is no closing time: give NgayKetThucXuLy or NgayTra"),
            )
        })?;
        Some(c.date)
    } else {
        None
    };
    let contacts = contacts.unwrap_or(match channel {
        Channel::InPerson => 1,
        Channel::Online | Channel::Postal => 0,
    });
    Ok(ParsedRow::Received {
        code,
        agency,
        official,
        dossier: Dossier {
            agency: AgencyId(0),
            official: None,
            received: received.date,
            due,
            closed,
            status,
            channel,
            level,
            rating,
            supplements: supplements.unwrap_or(0),
            contacts,
            complaint,
        },
    })
}

/// A 64-bit fingerprint of a dossier code, for duplicate detection in bounded memory.
///
/// Every 8 bytes of the code go through a full 64-bit mix, so two different codes share a
/// fingerprint with probability about 2⁻⁶⁴ per pair (about 3 in a million over a
/// 10-million-row file).
#[must_use]
pub fn fingerprint(code: &str) -> u64 {
    let bytes = code.as_bytes();
    let mut h =
        0x243f_6a88_85a3_08d3_u64 ^ (bytes.len() as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    for chunk in bytes.chunks(8) {
        let mut w = [0u8; 8];
        w[..chunk.len()].copy_from_slice(chunk);
        h = mix(h ^ u64::from_le_bytes(w));
    }
    mix(h)
}

/// The finaliser of `MurmurHash3` (`fmix64`): every input bit affects every output bit.
const fn mix(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// The dossier codes seen so far, as fingerprints in an open-addressing table (one cache
/// line touched per look-up, 8 bytes a code).
#[derive(Default, Clone)]
pub struct CodeSet {
    slots: Vec<u64>,
    len: usize,
}

impl fmt::Debug for CodeSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "CodeSet({} codes)", self.len)
    }
}

impl CodeSet {
    /// Makes room for `n` more codes, so that a large input does not rehash as it grows.
    pub fn reserve(&mut self, n: usize) {
        let want = ((self.len + n) * 10 / 7 + 1).next_power_of_two().max(1024);
        if want > self.slots.len() {
            self.rehash(want);
        }
    }

    fn rehash(&mut self, size: usize) {
        let old = std::mem::replace(&mut self.slots, vec![0; size]);
        self.len = 0;
        for fp in old.into_iter().filter(|&f| f != 0) {
            self.insert_unchecked(fp);
        }
    }

    fn insert_unchecked(&mut self, fp: u64) -> bool {
        let mask = self.slots.len() - 1;
        let mut i = (fp as usize) & mask;
        loop {
            match self.slots[i] {
                0 => {
                    self.slots[i] = fp;
                    self.len += 1;
                    return true;
                }
                f if f == fp => return false,
                _ => i = (i + 1) & mask,
            }
        }
    }

    /// Records a fingerprint; `false` when it was seen before.
    pub fn insert(&mut self, fp: u64) -> bool {
        // 0 marks an empty slot
        let fp = if fp == 0 { 1 } else { fp };
        if (self.len + 1) * 10 > self.slots.len() * 7 {
            self.rehash((self.slots.len() * 2).max(1024));
        }
        self.insert_unchecked(fp)
    }

    /// Number of codes seen.
    #[must_use]
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether no code was seen.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

/// Turns parsed rows, in input order, into dossiers: rejects repeated codes (the later row),
/// interns agencies and officials, and keeps the [`InputSummary`].
#[derive(Debug, Default)]
pub struct Ingest {
    strict: bool,
    seen: CodeSet,
    /// Agencies met so far.
    pub agencies: Interner,
    /// Officials met so far.
    pub officials: Interner,
    /// Rows read, used, rejected, not received, and the errors.
    pub input: InputSummary,
}

impl Ingest {
    /// A new ingest; in `strict` mode the first bad row is returned as an error.
    #[must_use]
    pub fn new(strict: bool) -> Self {
        Self {
            strict,
            ..Self::default()
        }
    }

    /// Makes room for about `rows` more distinct dossier codes.
    pub fn reserve(&mut self, rows: usize) {
        self.seen.reserve(rows);
    }

    /// Takes the row that starts at `line`. `Ok(Some(d))` for a received dossier, `Ok(None)`
    /// for a row that is not received or (lenient mode) rejected and listed.
    pub fn accept(&mut self, line: u64, row: ParsedRow<'_>) -> Result<Option<Dossier>, RowError> {
        let code = match &row {
            ParsedRow::Received { code, .. } | ParsedRow::NotReceived { code } => Some(*code),
            ParsedRow::Bad { code, .. } => *code,
        };
        self.accept_fingerprinted(line, code.map(|c| (c, fingerprint(c))), row)
    }

    /// As [`Ingest::accept`], with the code's fingerprint already computed (by a worker
    /// thread, say).
    pub fn accept_fingerprinted(
        &mut self,
        line: u64,
        code: Option<(&str, u64)>,
        row: ParsedRow<'_>,
    ) -> Result<Option<Dossier>, RowError> {
        if !self.begin_row(line, code)? {
            return Ok(None);
        }
        match row {
            ParsedRow::Received {
                agency,
                official,
                mut dossier,
                ..
            } => {
                dossier.agency = AgencyId(self.agencies.intern(agency));
                dossier.official = official.map(|o| OfficialId(self.officials.intern(o)));
                self.input.used += 1;
                Ok(Some(dossier))
            }
            ParsedRow::NotReceived { .. } => {
                self.input.not_received += 1;
                Ok(None)
            }
            ParsedRow::Bad { error, .. } => self.reject(error.at(line)),
        }
    }

    /// Starts a row: counts it and checks its code against the codes seen before.
    /// `Ok(false)` when the row was rejected as a duplicate (lenient mode); the caller
    /// must then drop it. Otherwise the caller records the row's fate with
    /// [`Ingest::used`], [`Ingest::not_received`] or [`Ingest::reject`].
    pub fn begin_row(&mut self, line: u64, code: Option<(&str, u64)>) -> Result<bool, RowError> {
        self.input.rows += 1;
        if let Some((c, fp)) = code {
            if !self.seen.insert(fp) {
                self.reject(
                    FieldError::new(Column::MaHoSo, format!("duplicate dossier code '{c}'"))
                        .at(line),
                )?;
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// Records a used row (after [`Ingest::begin_row`]).
    pub fn used(&mut self) {
        self.input.used += 1;
    }

    /// Records a valid row with status 1 or 3 (after [`Ingest::begin_row`]).
    pub fn not_received(&mut self) {
        self.input.not_received += 1;
    }

    /// Records a row rejected before it could be parsed (bad encoding, wrong field count).
    pub fn reject(&mut self, error: RowError) -> Result<Option<Dossier>, RowError> {
        if self.strict {
            return Err(error);
        }
        self.input.rejected += 1;
        self.input.errors.push(error);
        Ok(None)
    }

    /// Records a row that could not even be split into fields; it counts as read.
    pub fn reject_unparsed(&mut self, error: RowError) -> Result<(), RowError> {
        self.input.rows += 1;
        self.reject(error).map(|_| ())
    }
}

/// Parses a date the way [`parse_row`] does, for callers that need one (e.g. CLI options).
pub fn parse_date(text: &str) -> Result<NaiveDate, crate::timestamp::TimestampError> {
    Timestamp::parse(text).map(|t| t.date)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_set_grows_and_remembers() {
        let mut set = CodeSet::default();
        for i in 0..100_000u32 {
            assert!(set.insert(fingerprint(&format!("H53-{i:06}"))));
        }
        assert_eq!(set.len(), 100_000);
        for i in (0..100_000u32).step_by(7) {
            assert!(!set.insert(fingerprint(&format!("H53-{i:06}"))));
        }
        // 0 is the empty-slot marker: a zero fingerprint is still remembered
        assert!(set.insert(0));
        assert!(!set.insert(0));
        let mut reserved = CodeSet::default();
        reserved.reserve(10);
        assert!(reserved.is_empty());
    }

    #[test]
    fn fingerprints_differ_for_near_codes() {
        let a = fingerprint("000.00.09.H53-220121-0001");
        let b = fingerprint("000.00.09.H53-220121-0002");
        let c = fingerprint("000.00.09.H53-220121-00010");
        assert_ne!(a, b);
        assert_ne!(a, c);
        assert_eq!(a, fingerprint("000.00.09.H53-220121-0001"));
    }

    #[test]
    fn trimming_keeps_inner_text() {
        assert_eq!(trimmed(" a b "), "a b");
        assert_eq!(trimmed("ab"), "ab");
        assert_eq!(trimmed("x"), "x");
        assert_eq!(trimmed(""), "");
        assert_eq!(trimmed("\u{a0}x"), "x");
    }
}

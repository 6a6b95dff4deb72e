//! Validating one row (contract sections 1–4 and 6) and resolving its due date.

use super::{Column, ErrorKind, FieldError};
use crate::calendar::Calendar;
use crate::codes::{Channel, OnlineLevel, Rating, Status, StatusGroup};
use crate::dossier::{AgencyId, Dossier};
use crate::text::trim;
use crate::timestamp::Timestamp;

/// One row read, before duplicate detection and interning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParsedRow<'a> {
    /// A received dossier. Its `agency`, `official`, `procedure` and `field` ids are
    /// placeholders that [`super::Ingest::accept`] fills in from the texts.
    Received {
        /// `MaHoSo`.
        code: &'a str,
        /// `DonViXuLy`.
        agency: &'a str,
        /// `CanBoTiepNhan`, if not empty.
        official: Option<&'a str>,
        /// `MaTTHC`, if not empty.
        procedure: Option<&'a str>,
        /// `MaLinhVuc`, if not empty.
        field: Option<&'a str>,
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

fn required<'a>(get: &impl Fn(Column) -> &'a str, c: Column) -> Result<&'a str, FieldError> {
    let v = trim(get(c));
    if v.is_empty() {
        Err(FieldError::new(
            c,
            ErrorKind::Missing,
            format!("missing value: {c} is required"),
        ))
    } else {
        Ok(v)
    }
}

fn optional<'a>(get: &impl Fn(Column) -> &'a str, c: Column) -> Option<&'a str> {
    let v = trim(get(c));
    (!v.is_empty()).then_some(v)
}

fn timestamp(c: Column, v: &str) -> Result<Timestamp, FieldError> {
    Timestamp::parse(v).map_err(|e| FieldError::new(c, ErrorKind::Unparseable, e.to_string()))
}

fn whole(c: Column, v: &str) -> Result<u32, FieldError> {
    v.parse::<u32>().map_err(|_| {
        FieldError::new(
            c,
            ErrorKind::Unparseable,
            format!("'{v}' is not a whole number ≥ 0"),
        )
    })
}

/// What a row is checked against besides the contract: the work calendar and the options
/// that change where a deadline starts.
#[derive(Debug, Clone, Copy)]
pub struct RowContext<'c> {
    /// The work calendar for due dates.
    pub calendar: &'c Calendar,
    /// Decree 309/2026: the time limit of `ThoiHanGiaiQuyet` runs from
    /// `NgayTiepNhanCoQuanGiaiQuyet` (when the deciding agency received the dossier) when the
    /// row gives it. The receipt date `r` of the counts stays `NgayTiepNhan`.
    pub deadline_from_deciding_agency: bool,
    /// A convention of some one-stop systems (`closed_day_as_day_one`): a dossier received
    /// on a closed day has the first working day after it as day 1 of its time limit
    /// ([`Calendar::checked_due_date_closed_day_as_day_one`]).
    pub closed_day_as_day_one: bool,
}

impl<'c> RowContext<'c> {
    /// The contract's rules on `calendar`.
    #[must_use]
    pub const fn new(calendar: &'c Calendar) -> Self {
        Self {
            calendar,
            deadline_from_deciding_agency: false,
            closed_day_as_day_one: false,
        }
    }
}

/// Validates one row (contract sections 1–4 and 6) and resolves its due date.
///
/// `get` returns a column's raw text, or `""` when the file lacks the column.
pub fn parse_row<'a>(get: impl Fn(Column) -> &'a str, calendar: &Calendar) -> ParsedRow<'a> {
    parse_row_with(get, &RowContext::new(calendar))
}

/// As [`parse_row`], with the options of a [`RowContext`].
pub fn parse_row_with<'a>(get: impl Fn(Column) -> &'a str, cx: &RowContext<'_>) -> ParsedRow<'a> {
    let code = optional(&get, Column::MaHoSo);
    match parse_fields(&get, cx) {
        Ok(row) => row,
        Err(error) => ParsedRow::Bad { code, error },
    }
}

fn parse_fields<'a>(
    get: &impl Fn(Column) -> &'a str,
    cx: &RowContext<'_>,
) -> Result<ParsedRow<'a>, FieldError> {
    use Column as C;
    let calendar = cx.calendar;
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
                ErrorKind::UnknownCode,
                format!("'{v}' is not a complaint flag (expected 1 yes, 0 or empty no)"),
            ));
        }
    };
    for (c, t) in [(C::NgayKetThucXuLy, finished), (C::NgayTra, returned)] {
        if let Some(t) = t {
            if t.date < received.date {
                return Err(FieldError::new(
                    c,
                    ErrorKind::ClosedBeforeReceived,
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
    let start = if cx.deadline_from_deciding_agency {
        match optional(get, C::NgayTiepNhanCoQuanGiaiQuyet) {
            Some(v) => {
                let t = timestamp(C::NgayTiepNhanCoQuanGiaiQuyet, v)?;
                if t.date < received.date {
                    return Err(FieldError::new(
                        C::NgayTiepNhanCoQuanGiaiQuyet,
                        ErrorKind::ClosedBeforeReceived,
                        format!(
                            "the deciding agency received it on {} before it was received on {}",
                            t.date, received.date
                        ),
                    ));
                }
                t
            }
            None => received,
        }
    } else {
        received
    };
    let due = match (due_given, limit) {
        (Some(d), _) => d.date,
        (None, Some(n)) => if cx.closed_day_as_day_one {
            calendar.checked_due_date_closed_day_as_day_one(&start, n)
        } else {
            calendar.checked_due_date(&start, n)
        }
        .ok_or_else(|| {
            FieldError::new(
                C::ThoiHanGiaiQuyet,
                ErrorKind::Unparseable,
                format!(
                    "{n} working days after {} is past the year 9999: check the time limit",
                    start.date
                ),
            )
        })?,
        (None, None) => {
            return Err(FieldError::new(
                C::NgayHenTra,
                ErrorKind::NoDeadline,
                "no deadline: neither NgayHenTra nor ThoiHanGiaiQuyet",
            ));
        }
    };
    let closed = if status.is_closed() {
        let c = finished.or(returned).ok_or_else(|| {
            FieldError::new(
                C::NgayKetThucXuLy,
                ErrorKind::Missing,
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
        procedure: optional(get, C::MaTTHC),
        field: optional(get, C::MaLinhVuc),
        dossier: Dossier {
            agency: AgencyId(0),
            official: None,
            procedure: None,
            field: None,
            line: 0,
            received: received.date,
            received_time: received.time.map(seconds_of_day),
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

fn seconds_of_day(t: chrono::NaiveTime) -> u32 {
    use chrono::Timelike;
    t.num_seconds_from_midnight()
}

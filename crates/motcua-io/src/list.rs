//! Dossier lists (contract section 12): the dossiers behind one count of a report, with
//! how many working days each is late.
//!
//! The read keeps only the dossiers of the count ([`keep_filter`]), so memory grows with
//! the list, not with the input; the other filters (agency, procedure…) apply by name once
//! the read is done ([`build_list`]).
//!
//! ```
//! use std::sync::Arc;
//! use motcua_core::calendar::Calendar;
//! use motcua_core::grading::Units;
//! use motcua_io::dossiers::{ReadOptions, read_dossiers};
//! use motcua_io::list::{ListCount, ListFilters, ListRequest, build_list, keep_filter};
//!
//! let csv = "MaHoSo,DonViXuLy,KenhThucHien,NgayTiepNhan,NgayHenTra,TrangThaiHoSo\n\
//!            H2,STP,2,2021-09-01 09:15,2021-09-20,4\nH1,STP,1,2021-09-01,2021-09-30,4\n";
//! let cal = Arc::new(Calendar::vn());
//! let req = ListRequest { period: "2021-Q3".parse().unwrap(),
//!                         count: ListCount::Count("pending_overdue".into()),
//!                         filters: ListFilters::default(), conventions: Default::default() };
//! let opts = ReadOptions { keep: Some(keep_filter(&req, cal.clone())), ..ReadOptions::default() };
//! let ing = read_dossiers(csv.as_bytes(), &cal, &opts, &|_| {}, |_| {}).unwrap();
//! let list = build_list(&req, &ing, &Units::new(), &cal);
//! assert_eq!(list.dossiers.len(), 1);
//! assert_eq!(list.dossiers[0].code, "H2");
//! assert_eq!(list.dossiers[0].working_days_late, 8); // 21–24 and 27–30 September
//! ```

use std::sync::Arc;

use chrono::NaiveDate;
use motcua_core::breakdown::channel_name;
use motcua_core::calendar::Calendar;
use motcua_core::count::Counts;
use motcua_core::dossier::Dossier;
use motcua_core::format::{Lang, count_label, int};
use motcua_core::grading::Units;
use motcua_core::period::Period;
use serde::Serialize;

use crate::blocks::Ingested;
use crate::dossiers::Keep;

/// Which dossiers: those of a count of contract section 5, or `due_soon`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ListCount {
    /// A count of section 5 by name (`pending_overdue`, `resolved_late`…).
    Count(String),
    /// Pending at the end of the period with a due date within this many working days
    /// after it.
    DueSoon(u32),
}

impl ListCount {
    /// The count's name as the output names it.
    #[must_use]
    pub fn name(&self) -> &str {
        match self {
            Self::Count(n) => n,
            Self::DueSoon(_) => "due_soon",
        }
    }

    /// The count named `name` (`due_soon` with `within` working days), if there is one.
    #[must_use]
    pub fn parse(name: &str, within: u32) -> Option<Self> {
        match name {
            "due_soon" => Some(Self::DueSoon(within)),
            n if Counts::NAMES.contains(&n) => Some(Self::Count(n.to_owned())),
            _ => None,
        }
    }

    /// Every name `parse` takes.
    pub fn names() -> impl Iterator<Item = &'static str> {
        Counts::NAMES.iter().copied().chain(["due_soon"])
    }
}

/// Filters by name; `None` keeps all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListFilters {
    /// `DonViXuLy`.
    pub agency: Option<String>,
    /// `MaTTHC`.
    pub procedure: Option<String>,
    /// `CanBoTiepNhan`.
    pub official: Option<String>,
    /// The field (row or catalog).
    pub field: Option<String>,
    /// The agency's level (units file; `tinh` by default).
    pub level: Option<String>,
    /// `in_person`, `online` or `postal` (or the codes 1, 2, 3).
    pub channel: Option<String>,
}

/// A list to make.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListRequest {
    /// The period.
    pub period: Period,
    /// Which count.
    pub count: ListCount,
    /// Which groups.
    pub filters: ListFilters,
    /// The counting conventions of the report the list explains (all off = the contract).
    pub conventions: motcua_core::convention::Conventions,
}

/// Whether `d` is in the count `c` for `period`: exactly the report's rule, by counting it
/// alone.
#[must_use]
pub fn is_member(d: &Dossier, period: &Period, c: &ListCount, calendar: &Calendar) -> bool {
    is_member_with(
        d,
        period,
        c,
        calendar,
        &motcua_core::convention::Conventions::default(),
    )
}

/// [`is_member`] under counting conventions.
#[must_use]
pub fn is_member_with(
    d: &Dossier,
    period: &Period,
    c: &ListCount,
    calendar: &Calendar,
    conventions: &motcua_core::convention::Conventions,
) -> bool {
    let mut counts = Counts::default();
    counts.count_with(d, period, conventions);
    match c {
        ListCount::Count(name) => counts.get(name).unwrap_or(0) > 0,
        ListCount::DueSoon(n) => {
            let to = period.to();
            counts.pending > 0
                && d.due >= to
                && calendar
                    .checked_add_working_days(to, *n)
                    .is_some_and(|last| d.due <= last)
        }
    }
}

/// The read-time filter of a list: the dossiers of its count.
#[must_use]
pub fn keep_filter(req: &ListRequest, calendar: Arc<Calendar>) -> Keep {
    let (period, count, conv) = (req.period, req.count.clone(), req.conventions);
    Keep(Arc::new(move |d| {
        is_member_with(d, &period, &count, &calendar, &conv)
    }))
}

/// One dossier of a list (contract section 12).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ListedDossier {
    /// `MaHoSo`.
    pub code: String,
    /// Where its record starts (contract 6a).
    pub line: u64,
    /// `DonViXuLy`.
    pub agency: String,
    /// `MaTTHC`.
    pub procedure: Option<String>,
    /// `CanBoTiepNhan`.
    pub official: Option<String>,
    /// The channel's name.
    pub channel: &'static str,
    /// The status code.
    pub status: u8,
    /// The receipt as recorded: `yyyy-MM-ddTHH:mm:ss`, or `yyyy-MM-dd`.
    pub received: String,
    /// The due date.
    pub due: NaiveDate,
    /// The closing date as recorded, `null` while open.
    pub closed: Option<NaiveDate>,
    /// Working days after the due date (to the closing date for `resolved_late`, to the
    /// period's end for `pending_overdue`; 0 otherwise).
    pub working_days_late: i64,
}

/// A dossier list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DossierList {
    /// Contract version.
    pub contract: u32,
    /// The period.
    pub period: Period,
    /// The count listed.
    pub count: String,
    /// The dossiers, sorted by code.
    pub dossiers: Vec<ListedDossier>,
    /// What happened to the input rows while the list was read (not part of the list's
    /// JSON: the rejection summary and exit status of contract section 15 use it).
    #[serde(skip)]
    pub input: motcua_core::dossier::InputSummary,
}

/// Working days `w` with `d < w ≤ end` (0 when `end ≤ d`).
fn late_days(calendar: &Calendar, due: NaiveDate, end: NaiveDate) -> i64 {
    if end <= due {
        0
    } else {
        calendar.working_days_between(due, end)
    }
}

fn received_text(d: &Dossier) -> String {
    match d.received_time {
        Some(s) => format!(
            "{}T{:02}:{:02}:{:02}",
            d.received,
            s / 3600,
            s / 60 % 60,
            s % 60
        ),
        None => d.received.to_string(),
    }
}

fn channel_matches(filter: &str, name: &str, code: u8) -> bool {
    filter == name || filter == code.to_string()
}

/// The list from the dossiers a read kept with [`keep_filter`], filtered by name.
#[must_use]
pub fn build_list(
    req: &ListRequest,
    ing: &Ingested,
    units: &Units,
    calendar: &Calendar,
) -> DossierList {
    let f = &req.filters;
    let name = |i: &motcua_core::dossier::Interner, id: u32| i.name(id).to_owned();
    let mut dossiers: Vec<ListedDossier> = ing
        .kept
        .iter()
        .filter_map(|k| {
            let d = &k.dossier;
            let agency = name(&ing.agencies, d.agency.0);
            let procedure = d.procedure.map(|p| name(&ing.procedures, p.0));
            let official = d.official.map(|o| name(&ing.officials, o.0));
            let field = d.field.map(|x| name(&ing.fields, x.0));
            let level = crate::job::level_of(units, &agency);
            let keep = f.agency.as_ref().is_none_or(|a| *a == agency)
                && f.procedure
                    .as_ref()
                    .is_none_or(|p| Some(p) == procedure.as_ref())
                && f.official
                    .as_ref()
                    .is_none_or(|o| Some(o) == official.as_ref())
                && f.field.as_ref().is_none_or(|x| Some(x) == field.as_ref())
                && f.level.as_ref().is_none_or(|l| *l == level)
                && f.channel
                    .as_ref()
                    .is_none_or(|c| channel_matches(c, channel_name(d.channel), d.channel.code()));
            keep.then(|| {
                let working_days_late = match req.count.name() {
                    "resolved_late" => d.closed.map_or(0, |c| late_days(calendar, d.due, c)),
                    "pending_overdue" => late_days(calendar, d.due, req.period.to()),
                    _ => 0,
                };
                ListedDossier {
                    code: k.code.to_string(),
                    line: d.line,
                    agency,
                    procedure,
                    official,
                    channel: channel_name(d.channel),
                    status: d.status.code(),
                    received: received_text(d),
                    due: d.due,
                    closed: d.closed,
                    working_days_late,
                }
            })
        })
        .collect();
    dossiers.sort_by(|a, b| a.code.cmp(&b.code));
    DossierList {
        contract: motcua_core::CONTRACT_VERSION,
        period: req.period,
        count: req.count.name().to_owned(),
        dossiers,
        input: ing.input.clone(),
    }
}

pub use crate::writer::list::{to_csv, to_xlsx};

/// A dossier list (contract section 12) as HTML: code, agency, procedure, channel, status,
/// received, due, closed and working days late.
#[must_use]
pub fn to_html(l: &DossierList, lang: Lang) -> String {
    let (title, head) = match lang {
        Lang::Vi => (
            format!(
                "Danh sách hồ sơ — {} — {}",
                count_label(&l.count, lang),
                l.period.label_vi()
            ),
            [
                "Mã hồ sơ",
                "Đơn vị",
                "Thủ tục",
                "Kênh",
                "Trạng thái",
                "Tiếp nhận",
                "Hẹn trả",
                "Kết thúc",
                "Số ngày làm việc quá hạn",
            ],
        ),
        Lang::En => (
            format!(
                "Dossiers — {} — {}",
                count_label(&l.count, lang),
                l.period.label_en()
            ),
            [
                "Code",
                "Agency",
                "Procedure",
                "Channel",
                "Status",
                "Received",
                "Due",
                "Closed",
                "Working days late",
            ],
        ),
    };
    let head: Vec<String> = head.iter().map(|h| (*h).to_owned()).collect();
    let rows: Vec<Vec<String>> = l
        .dossiers
        .iter()
        .map(|d| {
            vec![
                d.code.clone(),
                d.agency.clone(),
                d.procedure.clone().unwrap_or_default(),
                d.channel.to_owned(),
                d.status.to_string(),
                d.received.clone(),
                d.due.format("%d/%m/%Y").to_string(),
                d.closed
                    .map(|c| c.format("%d/%m/%Y").to_string())
                    .unwrap_or_default(),
                int(u64::try_from(d.working_days_late).unwrap_or(0), lang),
            ]
        })
        .collect();
    motcua_core::format::html::table(&title, &head, &rows, false)
}

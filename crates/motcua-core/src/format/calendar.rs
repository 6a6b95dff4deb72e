//! The text of a calendar's year (`motcua calendar`).

use std::fmt::Write as _;

use super::Lang;
use crate::calendar::{CalendarYear, Schedule};

/// A validity bound as `dd/mm/yyyy`, or `open` for an open end.
fn bound(d: Option<chrono::NaiveDate>, open: &str) -> String {
    d.map_or_else(|| open.to_owned(), |d| d.format("%d/%m/%Y").to_string())
}

/// A calendar's year as a readable list (`motcua calendar`): Tết, the working days, the
/// schedule and its rules, the days off and the make-up working days.
#[must_use]
pub fn calendar_text(y: &CalendarYear, name: &str, lang: Lang) -> String {
    let vi = lang == Lang::Vi;
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{} {} — {}",
        if vi {
            "Lịch làm việc năm"
        } else {
            "Work calendar"
        },
        y.year,
        name
    );
    let _ = writeln!(
        s,
        "{}: {}",
        if vi {
            "Tết Nguyên đán"
        } else {
            "Lunar New Year"
        },
        y.lunar_new_year.format("%d/%m/%Y")
    );
    let _ = writeln!(
        s,
        "{}: {}",
        if vi {
            "Số ngày làm việc"
        } else {
            "Working days"
        },
        y.working_day_count
    );
    let schedule = match (y.schedule, vi) {
        (Schedule::Official, true) => format!(
            "lịch nghỉ chính thức ({})",
            y.notice.as_deref().unwrap_or("")
        ),
        (Schedule::Official, false) => {
            format!("official schedule ({})", y.notice.as_deref().unwrap_or(""))
        }
        (Schedule::Projected, true) => {
            "dự kiến theo quy định của Bộ luật Lao động; chưa có lịch nghỉ chính thức".to_owned()
        }
        (Schedule::Projected, false) => {
            "projected from the Labour Code; no official schedule known".to_owned()
        }
        (_, true) => "chỉ các ngày khai báo trong tệp lịch".to_owned(),
        (_, false) => "only the dates the calendar file declares".to_owned(),
    };
    let _ = writeln!(
        s,
        "{}: {schedule}",
        if vi { "Lịch nghỉ" } else { "Schedule" }
    );
    if !y.statutory_rules.is_empty() {
        let _ = writeln!(
            s,
            "{}:",
            if vi {
                "Quy định về ngày nghỉ lễ áp dụng"
            } else {
                "Statutory rules in force"
            }
        );
        for r in &y.statutory_rules {
            let _ = writeln!(
                s,
                "  {} ({} {} – {}; {} {})",
                r.title,
                if vi { "hiệu lực" } else { "valid" },
                bound(r.valid_from, "…"),
                bound(r.valid_to, if vi { "nay" } else { "now" }),
                if vi { "độ tin cậy" } else { "confidence" },
                r.confidence
            );
        }
    }
    let _ = writeln!(s, "\n{}:", if vi { "Ngày nghỉ" } else { "Days off" });
    for h in &y.holidays {
        let _ = writeln!(
            s,
            "  {}  {}  [{}]",
            h.date.format("%a %d/%m/%Y"),
            h.name,
            h.source
        );
    }
    let _ = writeln!(
        s,
        "\n{}:",
        if vi {
            "Ngày làm bù"
        } else {
            "Make-up working days"
        }
    );
    for d in &y.make_up_working_days {
        let _ = writeln!(s, "  {}", d.format("%a %d/%m/%Y"));
    }
    s
}

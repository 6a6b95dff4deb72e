//! The score report as a ranked text table (Vietnamese by default) and as CSV.

use std::fmt::Write as _;

use super::points::Points;
use super::report::{AgencyScore, ScoreReport};
use crate::format::Lang;

fn pad(s: &str, w: usize, right: bool) -> String {
    let fill = " ".repeat(w.saturating_sub(s.chars().count()));
    if right {
        format!("{fill}{s}")
    } else {
        format!("{s}{fill}")
    }
}

fn num(p: Option<Points>, decimals: u32, lang: Lang) -> String {
    let sep = if lang == Lang::Vi { ',' } else { '.' };
    p.map_or_else(|| "–".to_owned(), |p| p.fixed(decimals, sep))
}

/// Graded agencies by rank (then code), then those not graded.
fn ranked(r: &ScoreReport) -> Vec<&AgencyScore> {
    let mut v: Vec<&AgencyScore> = r.agencies.iter().collect();
    v.sort_by(|a, b| {
        (a.rank.is_none(), a.rank, &a.agency).cmp(&(b.rank.is_none(), b.rank, &b.agency))
    });
    v
}

/// The report as a ranked table with bands, officials and warnings.
#[must_use]
pub fn score_text(r: &ScoreReport, lang: Lang) -> String {
    let vi = lang == Lang::Vi;
    let b = &r.rulebook;
    let d = b.decimals;
    let mut out = String::new();
    let (title, period) = if vi {
        (
            "KẾT QUẢ CHẤM ĐIỂM ĐÁNH GIÁ VIỆC GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH",
            r.period.label_vi(),
        )
    } else {
        (
            "GRADING OF ADMINISTRATIVE PROCEDURE HANDLING",
            r.period.label_en(),
        )
    };
    let range = format!(
        "{} – {}",
        r.period.from().format("%d/%m/%Y"),
        r.period.to().format("%d/%m/%Y")
    );
    let _ = writeln!(out, "{title}");
    let _ = writeln!(out, "{period} ({range})");
    let status = match (b.status.name(), vi) {
        ("official", true) => "chính thức",
        ("inferred", true) => "suy luận",
        ("approximate", true) => "GẦN ĐÚNG, chỉ để tham khảo",
        ("approximate", false) => "APPROXIMATE, indicative only",
        (s, _) => s,
    };
    let max = b.max.to_string();
    let _ = if vi {
        writeln!(
            out,
            "Bộ tiêu chí: {} ({}, {status}); tối đa {max} điểm",
            b.name, b.id
        )
    } else {
        writeln!(
            out,
            "Rulebook: {} ({}, {status}); maximum {max} points",
            b.name_en, b.id
        )
    };
    let validity = &b.validity;
    let mark = if validity.check.refused() { " ⚠" } else { "" };
    let province = validity.validity.province.as_deref();
    let _ = if vi {
        writeln!(
            out,
            "Hiệu lực: {} ({}){}{mark}\n",
            validity.validity.range_text(true),
            validity.validity.status.name_vi(),
            province.map_or_else(String::new, |p| format!("; chỉ áp dụng cho tỉnh {p}"))
        )
    } else {
        writeln!(
            out,
            "Validity: {} ({}){}{mark}\n",
            validity.validity.range_text(false),
            validity.validity.status.name().replace('_', " "),
            province.map_or_else(String::new, |p| format!("; for the province of {p} only"))
        )
    };
    let ids: Vec<&str> = r
        .agencies
        .iter()
        .find(|a| a.graded)
        .map_or_else(Vec::new, |a| {
            a.indicators.iter().map(|i| i.id.as_str()).collect()
        });
    let scaled = r.agencies.iter().any(|a| a.scaled_total.is_some());
    // Totals over part of the indicators say the maximum that was measured: `40,02/56`.
    let partial = !scaled
        && r.agencies
            .iter()
            .any(|a| a.measured_max.is_some_and(|m| m < a.max));
    let tw = if partial { 14 } else { 8 };
    let [h_rank, h_code, h_name, h_total, h_band] = match (vi, scaled) {
        (true, false) => ["Hạng", "Đơn vị", "Tên đơn vị", "Tổng", "Xếp loại"],
        (true, true) => ["Hạng", "Đơn vị", "Tên đơn vị", "Quy đổi", "Xếp loại"],
        (false, false) => ["Rank", "Agency", "Name", "Total", "Band"],
        (false, true) => ["Rank", "Agency", "Name", "Scaled", "Band"],
    };
    let cw = r
        .agencies
        .iter()
        .map(|a| a.agency.chars().count())
        .chain([h_code.chars().count()])
        .max()
        .unwrap_or(6)
        + 2;
    let nw = r
        .agencies
        .iter()
        .filter_map(|a| a.name.as_ref())
        .map(|n| n.chars().count())
        .chain([h_name.chars().count()])
        .max()
        .unwrap_or(0)
        + 2;
    let iw = ids
        .iter()
        .map(|i| i.chars().count())
        .max()
        .unwrap_or(0)
        .max(d as usize + 3)
        + 1;
    let mut head = format!(
        "{}  {}{}",
        pad(h_rank, 4, true),
        pad(h_code, cw, false),
        pad(h_name, nw, false)
    );
    for id in &ids {
        head.push_str(&pad(id, iw, true));
    }
    let _ = write!(head, "{}  {h_band}", pad(h_total, tw, true));
    let _ = writeln!(out, "{head}");
    let _ = writeln!(out, "{}", "-".repeat(head.chars().count() + 10));
    for a in ranked(r) {
        let rank = a.rank.map_or_else(|| "–".to_owned(), |n| n.to_string());
        let mut line = format!(
            "{}  {}{}",
            pad(&rank, 4, true),
            pad(&a.agency, cw, false),
            pad(a.name.as_deref().unwrap_or(""), nw, false)
        );
        if a.graded {
            for i in &a.indicators {
                line.push_str(&pad(&num(i.points, d, lang), iw, true));
            }
            let band = if vi {
                a.band.as_deref()
            } else {
                a.band_en.as_deref()
            };
            let _ = write!(
                line,
                "{}  {}",
                pad(
                    &if partial {
                        format!(
                            "{}/{}",
                            num(a.basis(), d, lang),
                            a.measured_max.unwrap_or(a.max)
                        )
                    } else {
                        num(a.basis(), d, lang)
                    },
                    tw,
                    true
                ),
                band.unwrap_or("–")
            );
        } else if vi {
            line.push_str("không có hồ sơ giải quyết trong kỳ: không chấm điểm");
        } else {
            line.push_str("no dossier resolved in the period: not graded");
        }
        let _ = writeln!(out, "{}", line.trim_end());
    }
    if partial {
        let _ = if vi {
            writeln!(
                out,
                "\nTổng = điểm các chỉ số đo được / điểm tối đa của các chỉ số đo được (tối đa của bộ tiêu chí: {max}); chỉ số thiếu dữ liệu không tính là 0."
            )
        } else {
            writeln!(
                out,
                "\nTotal = points of the indicators measured / their maximum (the rulebook's maximum: {max}); indicators without data are not counted as 0."
            )
        };
    }
    if r.means == "slips" {
        let _ = if vi {
            writeln!(
                out,
                "\nCác chỉ số theo hồ sơ là điểm trung bình trên các phiếu đánh giá của kỳ."
            )
        } else {
            writeln!(
                out,
                "\nPer-dossier indicators are means over the period's rating slips."
            )
        };
    }
    if scaled {
        let _ = if vi {
            writeln!(
                out,
                "\nQuy đổi = tổng điểm đo được × {max} / điểm tối đa của các chỉ số đo được."
            )
        } else {
            writeln!(
                out,
                "\nScaled = measured points × {max} / maximum of the indicators measured."
            )
        };
    }
    if !r.officials.is_empty() {
        let [h_off, h_n, h_pts] = if vi {
            ["Cán bộ tiếp nhận", "Số hồ sơ", "Điểm"]
        } else {
            ["Official", "Dossiers", "Points"]
        };
        let ow = r
            .officials
            .iter()
            .map(|o| o.official.chars().count())
            .chain([h_off.chars().count()])
            .max()
            .unwrap_or(8)
            + 2;
        let _ = writeln!(out);
        let head = format!(
            "{}{}{}  {h_band}",
            pad(h_off, ow, false),
            pad(h_n, 10, true),
            pad(h_pts, 8, true)
        );
        let _ = writeln!(out, "{head}");
        let _ = writeln!(out, "{}", "-".repeat(head.chars().count() + 20));
        for o in &r.officials {
            let band = if vi {
                o.band.as_deref()
            } else {
                o.band_en.as_deref()
            };
            let n = crate::format::int(o.dossiers, lang);
            let line = format!(
                "{}{}{}  {}",
                pad(&o.official, ow, false),
                pad(&n, 10, true),
                pad(&num(o.total, d, lang), 8, true),
                band.unwrap_or("–")
            );
            let _ = writeln!(out, "{}", line.trim_end());
        }
    }
    if let Some(i) = r.input.as_ref().filter(|i| i.rejected > 0) {
        let n = crate::format::int(i.rejected, lang);
        let _ = if vi {
            writeln!(
                out,
                "\nDữ liệu: {n} dòng bị loại (motcua report liệt kê các dòng này)"
            )
        } else {
            writeln!(out, "\nInput: {n} rows rejected (motcua report lists them)")
        };
    }
    if let Some(m) = &r.successors {
        crate::format::successors_text(&mut out, m, lang);
    }
    if !r.warnings.is_empty() {
        let _ = writeln!(out, "\n{}", if vi { "Lưu ý:" } else { "Warnings:" });
        for w in &r.warnings {
            let _ = writeln!(out, "- {}", if vi { &w.message_vi } else { &w.message });
        }
    }
    out
}

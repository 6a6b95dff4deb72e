//! The press announcement of a period's figures, in Vietnamese (default) or English, written
//! the way service centers publish them ("Trong quý III năm 2021, Trung tâm … đã tiếp nhận
//! 12.656 hồ sơ …"), with the grading result when one is given.
//!
//! ```
//! use motcua_core::announcement::{AnnouncementOptions, announcement};
//! use motcua_core::count::{Counts, Tally};
//! use motcua_core::dossier::InputSummary;
//! use motcua_core::report::Report;
//! let mut t = Tally::default();
//! t.add("STP", &Counts { received: 12656, resolved: 12085, resolved_early: 12078,
//!                        resolved_on_time: 5, resolved_late: 2, ..Counts::default() });
//! let r = Report::new("2021-Q3".parse().unwrap(), InputSummary::default(), &t, None);
//! let text = announcement(&r, &AnnouncementOptions::default());
//! assert!(text.contains("Trong quý III năm 2021"));
//! assert!(text.contains("đã giải quyết 12.085 hồ sơ (chiếm 95,49 % trên tổng số hồ sơ tiếp nhận)"));
//! ```

use std::fmt::Write as _;

use serde::{Deserialize, Serialize};

use crate::format::{Lang, int, percent};
use crate::period::{Period, PeriodKind};
use crate::report::{Change, Report};

/// How many graded agencies fell in one band, and their lowest and highest totals (the
/// announcement gives the whole points that enclose them: totals from 15,5 to 16,9 are "từ 15 đến 17
/// điểm").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BandCount {
    /// The band's name, as the rulebook writes it ("Xuất sắc").
    pub band: String,
    /// Agencies in the band.
    pub count: usize,
    /// The lowest total in the band.
    pub min_total: f64,
    /// The highest total in the band.
    pub max_total: f64,
}

/// The grading result, as the announcement tells it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GradingSummary {
    /// What the grades follow ("Quyết định số 1216/QĐ-UBND …"), if it is to be named.
    pub basis: Option<String>,
    /// Agencies listed by the grading, graded or not.
    pub agencies: usize,
    /// The bands, best first; bands with no agency may be left out.
    pub bands: Vec<BandCount>,
}

impl GradingSummary {
    /// Builds the summary from each agency's `(total, band)`, `None` for an agency that was
    /// not graded; `order` lists the band names best first.
    #[must_use]
    pub fn from_totals<'a>(
        basis: Option<String>,
        order: &[&str],
        grades: impl IntoIterator<Item = Option<(f64, &'a str)>>,
    ) -> Self {
        let mut bands: Vec<BandCount> = Vec::new();
        let mut agencies = 0;
        for g in grades {
            agencies += 1;
            let Some((total, band)) = g else { continue };
            match bands.iter_mut().find(|b| b.band == band) {
                Some(b) => {
                    b.count += 1;
                    b.min_total = b.min_total.min(total);
                    b.max_total = b.max_total.max(total);
                }
                None => bands.push(BandCount {
                    band: band.to_owned(),
                    count: 1,
                    min_total: total,
                    max_total: total,
                }),
            }
        }
        bands.sort_by_key(|b| {
            order
                .iter()
                .position(|o| *o == b.band)
                .unwrap_or(usize::MAX)
        });
        Self {
            basis,
            agencies,
            bands,
        }
    }

    /// Agencies that got a band.
    #[must_use]
    pub fn graded(&self) -> usize {
        self.bands.iter().map(|b| b.count).sum()
    }
}

/// How to write the announcement.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct AnnouncementOptions {
    /// Language of the text.
    #[serde(skip)]
    pub lang: Lang,
    /// The center's name; default "Trung tâm Phục vụ hành chính công" (vi) or "the Public
    /// Administration Service Center" (en).
    pub center: Option<String>,
    /// The grading result, if the agencies were graded.
    pub grading: Option<GradingSummary>,
}

/// The announcement: a title line, then paragraphs separated by blank lines.
#[must_use]
pub fn announcement(r: &Report, opts: &AnnouncementOptions) -> String {
    let w = Words::of(opts.lang);
    let lang = opts.lang;
    let center = opts.center.clone().unwrap_or_else(|| w.center.to_owned());
    let period = match lang {
        Lang::Vi => r.period.label_vi(),
        Lang::En => r.period.label_en(),
    };
    let mut out = String::new();
    let title = if opts.grading.is_some() {
        w.title_graded
    } else {
        w.title
    };
    let _ = writeln!(out, "{}\n", capitalize(&fill(title, &[&center, &period])));
    out.push_str(&figures_paragraph(r, &w, &center, &period, lang));
    if let Some(g) = &opts.grading {
        let basis = g
            .basis
            .as_ref()
            .map(|b| fill(w.basis, &[b]))
            .unwrap_or_default();
        let _ = write!(out, "\n\n{}", fill(w.graded_intro, &[&basis, &period]));
    }
    let mut clauses = Vec::new();
    if let Some(rate) = r.total.rates.early_rate {
        let tpl = if opts.grading.is_some() {
            w.early
        } else {
            w.early_alone
        };
        clauses.push(fill(tpl, &[&pct(rate.numerator, rate.denominator, lang)]));
    }
    if let (Some(prev), Some(change)) = (&r.previous, &r.change) {
        let (now, before) = short_labels(&r.period, &prev.period, lang);
        if let Some(c) = change.get("received_online") {
            clauses.push(online_change(c, &before, &w, lang));
        }
        if let Some(c) = change.get("received") {
            clauses.push(received_change(c, &now, &before, &w, lang));
        }
    }
    let lead = opts.grading.as_ref().map(|g| grading_sentence(g, &w, lang));
    match (lead, clauses.is_empty()) {
        (Some(lead), true) => {
            let _ = write!(out, "\n\n{lead}.");
        }
        (Some(lead), false) => {
            let _ = write!(out, "\n\n{lead}, {}.", clauses.join("; "));
        }
        (None, false) => {
            let _ = write!(out, "\n\n{}.", capitalize(&clauses.join("; ")));
        }
        (None, true) => {}
    }
    out.push('\n');
    out
}

fn figures_paragraph(r: &Report, w: &Words, center: &str, period: &str, lang: Lang) -> String {
    let t = &r.total.counts;
    let rates = &r.total.rates;
    let mut s = fill(w.received, &[period, center, &int(t.received, lang)]);
    if let Some(rate) = rates.resolution_rate {
        s.push_str(&fill(
            w.resolved,
            &[
                &int(t.resolved, lang),
                &pct(rate.numerator, rate.denominator, lang),
            ],
        ));
    }
    if let Some(rate) = rates.on_time_rate {
        s.push_str(&fill(
            w.on_time,
            &[
                &int(rate.numerator, lang),
                &pct(rate.numerator, rate.denominator, lang),
            ],
        ));
    }
    if let Some(rate) = rates.online_rate {
        let share = pct(rate.numerator, rate.denominator, lang);
        if t.received_online == t.received_online_level34 {
            s.push_str(&fill(
                w.online34,
                &[
                    &int(t.received_online, lang),
                    &share,
                    &int(rate.denominator, lang),
                ],
            ));
        } else {
            let args = [
                &int(t.received_online, lang),
                &int(rate.numerator, lang),
                &share,
                &int(rate.denominator, lang),
            ];
            s.push_str(&fill(w.online_some34, &args.map(String::as_str)));
        }
    } else if t.received_online > 0 {
        s.push_str(&fill(w.online, &[&int(t.received_online, lang)]));
    }
    s.push('.');
    if let Some(rate) = rates.satisfaction_rate {
        s.push(' ');
        s.push_str(&fill(
            w.ratings,
            &[
                &int(rate.denominator, lang),
                &pct(rate.numerator, rate.denominator, lang),
            ],
        ));
    }
    s
}

fn grading_sentence(g: &GradingSummary, w: &Words, lang: Lang) -> String {
    let n = g.agencies.to_string();
    let mut parts: Vec<String> = g
        .bands
        .iter()
        .map(|b| {
            // whole points enclosing the totals, as the seed writes "từ 15 đến 17 điểm"
            let (lo, hi) = (b.min_total.floor() as u64, b.max_total.ceil() as u64);
            let band = w.band(&b.band);
            let count = format!("{}/{n}", b.count);
            if lo == hi {
                fill(w.band_one, &[&count, &int(lo, lang), &band])
            } else {
                fill(
                    w.band_range,
                    &[&count, &int(lo, lang), &int(hi, lang), &band],
                )
            }
        })
        .collect();
    let ungraded = g.agencies - g.graded();
    if ungraded > 0 {
        parts.push(fill(w.ungraded, &[&format!("{ungraded}/{n}")]));
    }
    fill(w.graded_lead, &[&parts.join(", ")])
}

fn online_change(c: &Change, before: &str, w: &Words, lang: Lang) -> String {
    let how = match c.relative {
        Some(rel) if c.absolute != 0 => {
            let p = crate::format::change_percent(rel, lang);
            let p = p.trim_start_matches(['+', '-']);
            if c.absolute > 0 {
                fill(w.up, &[p])
            } else {
                fill(w.down, &[p])
            }
        }
        _ => fill(w.from_count, &[&int(c.previous, lang)]),
    };
    let tpl = match c.absolute.signum() {
        1 => w.online_more,
        -1 => w.online_less,
        _ => w.online_same,
    };
    fill(tpl, &[before, &how])
}

fn received_change(c: &Change, now: &str, before: &str, w: &Words, lang: Lang) -> String {
    let (cur, prev, diff) = (
        int(c.current, lang),
        int(c.previous, lang),
        int(c.absolute.unsigned_abs(), lang),
    );
    let tpl = match c.absolute.signum() {
        1 => w.received_more,
        -1 => w.received_less,
        _ => w.received_same,
    };
    fill(tpl, &[now, &cur, &diff, before, &prev])
}

/// The two periods' names, without the year when both are in the same year.
fn short_labels(now: &Period, before: &Period, lang: Lang) -> (String, String) {
    let (a, b) = match lang {
        Lang::Vi => (now.label_vi(), before.label_vi()),
        Lang::En => (now.label_en(), before.label_en()),
    };
    let year = now.from().format("%Y").to_string();
    let suffix = match lang {
        Lang::Vi => format!(" năm {year}"),
        Lang::En => format!(" {year}"),
    };
    if now.kind() != PeriodKind::Year
        && now.kind() != PeriodKind::Range
        && a.ends_with(&suffix)
        && b.ends_with(&suffix)
    {
        (
            a[..a.len() - suffix.len()].to_owned(),
            b[..b.len() - suffix.len()].to_owned(),
        )
    } else {
        (a, b)
    }
}

fn pct(n: u64, d: u64, lang: Lang) -> String {
    percent(n, d, lang).unwrap_or_default()
}

/// Replaces `{0}`, `{1}`, … in `tpl`.
fn fill(tpl: &str, args: &[&str]) -> String {
    let mut s = tpl.to_owned();
    for (i, a) in args.iter().enumerate() {
        s = s.replace(&format!("{{{i}}}"), a);
    }
    s
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// The sentences of one language, with `{n}` holes.
struct Words {
    lang: Lang,
    center: &'static str,
    title: &'static str,
    title_graded: &'static str,
    received: &'static str,
    resolved: &'static str,
    on_time: &'static str,
    online34: &'static str,
    online_some34: &'static str,
    online: &'static str,
    ratings: &'static str,
    basis: &'static str,
    graded_intro: &'static str,
    graded_lead: &'static str,
    band_range: &'static str,
    band_one: &'static str,
    ungraded: &'static str,
    early: &'static str,
    early_alone: &'static str,
    up: &'static str,
    down: &'static str,
    from_count: &'static str,
    online_more: &'static str,
    online_less: &'static str,
    online_same: &'static str,
    received_more: &'static str,
    received_less: &'static str,
    received_same: &'static str,
}

impl Words {
    fn of(lang: Lang) -> Self {
        match lang {
            Lang::Vi => Self {
                lang,
                center: "Trung tâm Phục vụ hành chính công",
                title: "{0} công bố kết quả tiếp nhận, giải quyết thủ tục hành chính {1}",
                title_graded: "{0} công bố kết quả chấm điểm đánh giá việc tiếp nhận, trả kết quả giải quyết thủ tục hành chính thực hiện {1}",
                received: "Trong {0}, {1} (Trung tâm) đã tiếp nhận {2} hồ sơ thủ tục hành chính (TTHC)",
                resolved: ", trong đó đã giải quyết {0} hồ sơ (chiếm {1} trên tổng số hồ sơ tiếp nhận)",
                on_time: ", trả hồ sơ trước hạn và đúng hạn là {0} hồ sơ (chiếm {1})",
                online34: "; có {0} hồ sơ tiếp nhận qua hình thức trực tuyến (chiếm {1} trên tổng số {2} hồ sơ mức độ 3, mức độ 4 đã tiếp nhận)",
                online_some34: "; có {0} hồ sơ tiếp nhận qua hình thức trực tuyến, trong đó {1} hồ sơ mức độ 3, mức độ 4 (chiếm {2} trên tổng số {3} hồ sơ mức độ 3, mức độ 4 đã tiếp nhận)",
                online: "; có {0} hồ sơ tiếp nhận qua hình thức trực tuyến",
                ratings: "Có {0} ý kiến đánh giá của tổ chức, cá nhân đến giao dịch tại Trung tâm; kết quả có {1} ý kiến của tổ chức, cá nhân hài lòng với dịch vụ và thái độ phục vụ của nhân viên tại Trung tâm.",
                basis: " theo {0}",
                graded_intro: "Trên cơ sở kết quả chấm điểm của các Sở, ngành{0}, Trung tâm đã tổng hợp kết quả chấm điểm đánh giá đối với các cán bộ, công chức, viên chức, các cơ quan, đơn vị trong thực hiện tiếp nhận, trả kết quả giải quyết TTHC thực hiện tại Trung tâm {1}.",
                graded_lead: "Kết quả có {0}",
                band_range: "{0} đơn vị đạt từ {1} đến {2} điểm và được phân loại là {3}",
                band_one: "{0} đơn vị đạt {1} điểm và được phân loại là {2}",
                ungraded: "{0} đơn vị không có hồ sơ giải quyết trong kỳ để chấm điểm",
                early: "với tỷ lệ hồ sơ giải quyết trước hạn chiếm {0}",
                early_alone: "tỷ lệ hồ sơ giải quyết trước hạn chiếm {0}",
                up: "tăng {0}",
                down: "giảm {0}",
                from_count: "kỳ trước có {0} hồ sơ",
                online_more: "hồ sơ trực tuyến phát sinh nhiều hơn so với {0} ({1})",
                online_less: "hồ sơ trực tuyến phát sinh ít hơn so với {0} ({1})",
                online_same: "hồ sơ trực tuyến phát sinh bằng {0} ({1})",
                received_more: "tổng số hồ sơ tiếp nhận trong {0} ({1} hồ sơ) nhiều hơn {2} hồ sơ so với {3} ({4} hồ sơ)",
                received_less: "tổng số hồ sơ tiếp nhận trong {0} ({1} hồ sơ) ít hơn {2} hồ sơ so với {3} ({4} hồ sơ)",
                received_same: "tổng số hồ sơ tiếp nhận trong {0} ({1} hồ sơ) bằng {3} ({4} hồ sơ)",
            },
            Lang::En => Self {
                lang,
                center: "the Public Administration Service Center",
                title: "{0} announces the results of administrative procedures in {1}",
                title_graded: "{0} announces the grading of the receipt and return of administrative procedure dossiers in {1}",
                received: "In {0}, {1} (the Center) received {2} administrative procedure dossiers",
                resolved: ", of which {0} were resolved ({1} of the dossiers received)",
                on_time: "; {0} results were returned early or on time ({1})",
                online34: "; {0} dossiers were received online ({1} of the {2} dossiers of level-3 and level-4 procedures received)",
                online_some34: "; {0} dossiers were received online, {1} of them of level-3 and level-4 procedures ({2} of the {3} dossiers of level-3 and level-4 procedures received)",
                online: "; {0} dossiers were received online",
                ratings: "Organizations and individuals served at the Center gave {0} ratings; {1} of them were satisfied with the service and the staff's attitude.",
                basis: " under {0}",
                graded_intro: "Based on the scores of the departments and agencies{0}, the Center compiled the grades of the officials and agencies for the receipt and return of administrative procedure dossiers at the Center in {1}.",
                graded_lead: "As a result, {0}",
                band_range: "{0} agencies scored from {1} to {2} points and were graded {3}",
                band_one: "{0} agencies scored {1} points and were graded {2}",
                ungraded: "{0} agencies resolved no dossier in the period and were not graded",
                early: "with a share of dossiers resolved early of {0}",
                early_alone: "the share of dossiers resolved early was {0}",
                up: "up {0}",
                down: "down {0}",
                from_count: "from {0} dossiers",
                online_more: "online dossiers were more numerous than in {0} ({1})",
                online_less: "online dossiers were fewer than in {0} ({1})",
                online_same: "online dossiers were as many as in {0} ({1})",
                received_more: "the dossiers received in {0} ({1}) were {2} more than in {3} ({4})",
                received_less: "the dossiers received in {0} ({1}) were {2} fewer than in {3} ({4})",
                received_same: "the dossiers received in {0} ({1}) were as many as in {3} ({4})",
            },
        }
    }

    /// A band's name; in English with a gloss of the Vietnamese name.
    fn band(&self, name: &str) -> String {
        let gloss = match name {
            "Xuất sắc" => "excellent",
            "Tốt" => "good",
            "Khá" => "fair",
            "Trung bình" => "average",
            "Yếu" => "poor",
            _ => return name.to_owned(),
        };
        match self.lang {
            Lang::Vi => name.to_owned(),
            Lang::En => format!("{name} ({gloss})"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::count::{Counts, Tally};
    use crate::dossier::InputSummary;

    fn seed() -> Report {
        let q3 = Counts {
            received: 12656,
            received_online: 8694,
            received_in_person: 3962,
            resolved: 12085,
            resolved_early: 12078,
            resolved_on_time: 5,
            resolved_late: 2,
            received_level34: 11906,
            received_online_level34: 8694,
            ratings: 609,
            ratings_very_satisfied: 400,
            ratings_satisfied: 209,
            ..Counts::default()
        };
        let q2 = Counts {
            received: 22758,
            received_online: 7670,
            ..Counts::default()
        };
        let (mut a, mut b) = (Tally::default(), Tally::default());
        a.add("X", &q3);
        b.add("X", &q2);
        let p: Period = "2021-Q3".parse().unwrap();
        Report::new(
            p,
            InputSummary::default(),
            &a,
            Some((p.previous().unwrap(), &b)),
        )
    }

    #[test]
    fn the_seed_paragraph() {
        let g = GradingSummary::from_totals(
            None,
            &["Xuất sắc", "Tốt"],
            (0..17).map(|i| Some((15.2 + f64::from(i) / 10.0, "Xuất sắc"))),
        );
        let opts = AnnouncementOptions {
            grading: Some(g),
            ..AnnouncementOptions::default()
        };
        let text = announcement(&seed(), &opts);
        for needle in [
            "đã tiếp nhận 12.656 hồ sơ thủ tục hành chính (TTHC), trong đó đã giải quyết 12.085 hồ sơ (chiếm 95,49 % trên tổng số hồ sơ tiếp nhận), trả hồ sơ trước hạn và đúng hạn là 12.083 hồ sơ (chiếm 99,98 %); có 8.694 hồ sơ tiếp nhận qua hình thức trực tuyến (chiếm 73,02 % trên tổng số 11.906 hồ sơ mức độ 3, mức độ 4 đã tiếp nhận).",
            "Có 609 ý kiến đánh giá",
            "kết quả có 100 % ý kiến",
            "Kết quả có 17/17 đơn vị đạt từ 15 đến 17 điểm và được phân loại là Xuất sắc, với tỷ lệ hồ sơ giải quyết trước hạn chiếm 99,94 %",
            "hồ sơ trực tuyến phát sinh nhiều hơn so với quý II (tăng 13,35 %)",
            "tổng số hồ sơ tiếp nhận trong quý III (12.656 hồ sơ) ít hơn 10.102 hồ sơ so với quý II (22.758 hồ sơ).",
        ] {
            assert!(text.contains(needle), "{needle}\n---\n{text}");
        }
        let en = announcement(
            &seed(),
            &AnnouncementOptions {
                lang: Lang::En,
                ..AnnouncementOptions::default()
            },
        );
        assert!(
            en.contains("received 12,656 administrative procedure dossiers"),
            "{en}"
        );
        assert!(
            en.contains("online dossiers were more numerous than in Q2 (up 13.35%)"),
            "{en}"
        );
    }

    #[test]
    fn empty_periods_and_mixed_bands() {
        let r = Report::new(
            "2021-07".parse().unwrap(),
            InputSummary::default(),
            &Tally::default(),
            None,
        );
        let text = announcement(&r, &AnnouncementOptions::default());
        assert!(
            text.contains("đã tiếp nhận 0 hồ sơ thủ tục hành chính (TTHC)."),
            "{text}"
        );
        let g = GradingSummary::from_totals(
            None,
            &["Xuất sắc", "Tốt"],
            [Some((13.0, "Tốt")), Some((16.0, "Xuất sắc")), None],
        );
        let s = grading_sentence(&g, &Words::of(Lang::Vi), Lang::Vi);
        assert_eq!(
            s,
            "Kết quả có 1/3 đơn vị đạt 16 điểm và được phân loại là Xuất sắc, 1/3 đơn vị đạt 13 điểm và được phân loại là Tốt, 1/3 đơn vị không có hồ sơ giải quyết trong kỳ để chấm điểm"
        );
    }
}

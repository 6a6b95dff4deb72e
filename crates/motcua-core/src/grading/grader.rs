//! [`Grader`]: a mergeable accumulator that sees each dossier once and keeps integer sums of
//! per-dossier points per agency and per official, plus the online dossiers resolved late or
//! pending overdue (indicator 9). [`Grader::finish`] applies the per-agency rules and the bands.

use std::collections::BTreeSet;

use super::measure::{AgencyInputs, Kind, Measure, Scope, Value};
use super::order::count_cap;
use super::points::{Points, Ratio};
use super::report::{
    AgencyScore, IndicatorScore, OfficialScore, ScoreReport, UnitsCheck, Warning, WarningKind,
    group_scores, rank,
};
use super::rulebook::{BandOn, Rulebook};
use super::slips::{SlipMeans, slip_indicator};
use super::units::{UnitFacts, Units};
use crate::codes::{Channel, OnlineLevel, Rating, StatusGroup};
use crate::count::{Counts, Tally};
use crate::dossier::{Dossier, Interner};
use crate::period::Period;

/// Points of one per-dossier indicator by measure value, precomputed.
#[derive(Debug, Clone)]
struct Table {
    measure: Measure,
    /// Counts at or above `cap` score as `cap`.
    cap: u64,
    /// Thousandths of a point, by value index.
    points: Vec<u64>,
}

/// Per-agency counters kept after the per-dossier sums.
#[derive(Debug, Clone, Copy)]
enum Extra {
    /// Online dossiers resolved late in the period.
    OnlineLate,
    /// Online dossiers pending past their due date at the period's end.
    OnlineOverdue,
    /// Resolved in the period and late, complained about or rated dissatisfied.
    Unsatisfied,
    /// Received in the period, procedure at level 4.
    Level4,
    /// … and received online.
    Level4Online,
}

impl Extra {
    const COUNT: usize = 5;
}

/// Accumulates one period's grading facts; see the module documentation.
///
/// Agency and official ids must come from the same interners for every dossier added and for
/// every grader merged (as with one `Ingest`).
#[derive(Debug, Clone)]
pub struct Grader<'r> {
    book: &'r Rulebook,
    period: Period,
    tables: Vec<Table>,
    /// Per agency: resolved, one sum per table, online late, online overdue.
    pub(crate) agencies: Vec<u64>,
    /// Per official: resolved, one sum per table.
    pub(crate) officials: Vec<u64>,
    /// With `--means slips`: per-dossier indicators are means over the period's slips.
    slip_means: Option<SlipMeans>,
}

impl<'r> Grader<'r> {
    /// A grader for `period` under `book`.
    #[must_use]
    pub fn new(book: &'r Rulebook, period: Period) -> Self {
        let tables = book
            .indicators
            .iter()
            .filter(|i| i.scope() == Scope::Dossier)
            .map(|i| {
                let n = match i.measure.kind() {
                    Kind::Category(words) => words.len() as u64 - 1,
                    Kind::Count | Kind::Ratio => count_cap(&i.rule),
                };
                let points = (0..=n)
                    .map(|v| {
                        let val = i.measure.value_at(v);
                        let p =
                            i.rule
                                .apply(i.measure, i.max, book.decimals, book.rounding, &|_| {
                                    Some(val)
                                });
                        p.map_or(0, |(p, _)| p.milli())
                    })
                    .collect();
                Table {
                    measure: i.measure,
                    cap: n,
                    points,
                }
            })
            .collect();
        Self {
            book,
            period,
            tables,
            agencies: Vec::new(),
            officials: Vec::new(),
            slip_means: None,
        }
    }

    /// Per agency: resolved, one sum per table, then the [`Extra`] counters.
    /// Takes each per-dossier indicator numbered 1–9 as the mean over the period's slips
    /// that give it (`ChiSoN`), for agencies and officials, instead of the mean over
    /// resolved dossiers (contract section 17, `score --means slips`). An indicator no slip
    /// gives is not measured. Which agencies and officials are graded does not change.
    pub fn use_slip_means(&mut self, means: SlipMeans) {
        self.slip_means = Some(means);
    }

    pub(crate) fn agency_stride(&self) -> usize {
        self.tables.len() + 1 + Extra::COUNT
    }

    /// Adds one dossier.
    #[inline]
    pub fn add(&mut self, dossier: &Dossier) {
        let end = self.period.to();
        if dossier.received > end {
            return;
        }
        let group = dossier.group();
        let closed = match group {
            StatusGroup::Resolved | StatusGroup::ClosedWithoutResult => dossier.closed,
            _ => None,
        };
        let stride = self.agency_stride();
        let base = dossier.agency.0 as usize * stride;
        if self.agencies.len() < base + stride {
            self.agencies.resize(base + stride, 0);
        }
        let extra = base + self.tables.len() + 1;
        if dossier.received >= self.period.from() && dossier.level == Some(OnlineLevel::Full) {
            self.agencies[extra + Extra::Level4 as usize] += 1;
            if dossier.channel == Channel::Online {
                self.agencies[extra + Extra::Level4Online as usize] += 1;
            }
        }
        match closed {
            Some(date) if date <= end => {
                if date >= self.period.from() && group == StatusGroup::Resolved {
                    self.add_resolved(dossier, date, base);
                }
            }
            _ => {
                // Pending at the period's end.
                if dossier.due < end && dossier.channel == Channel::Online {
                    self.agencies[extra + Extra::OnlineOverdue as usize] += 1;
                }
            }
        }
    }

    fn add_resolved(&mut self, dossier: &Dossier, closed: chrono::NaiveDate, base: usize) {
        let width = self.tables.len() + 1;
        let timeliness = match closed.cmp(&dossier.due) {
            std::cmp::Ordering::Less => 0,
            std::cmp::Ordering::Equal => 1,
            std::cmp::Ordering::Greater => 2,
        };
        self.agencies[base] += 1;
        let extra = base + width;
        if timeliness == 2 && dossier.channel == Channel::Online {
            self.agencies[extra + Extra::OnlineLate as usize] += 1;
        }
        if timeliness == 2 || dossier.complaint || dossier.rating == Some(Rating::Dissatisfied) {
            self.agencies[extra + Extra::Unsatisfied as usize] += 1;
        }
        let official = dossier.official.map(|id| id.0 as usize * width);
        if let Some(at) = official {
            if self.officials.len() < at + width {
                self.officials.resize(at + width, 0);
            }
            self.officials[at] += 1;
        }
        for (j, table) in self.tables.iter().enumerate() {
            let index = table
                .measure
                .dossier_index(dossier, timeliness)
                .unwrap_or(0)
                .min(table.cap);
            let points = table.points[index as usize];
            self.agencies[base + 1 + j] += points;
            if let Some(at) = official {
                self.officials[at + 1 + j] += points;
            }
        }
    }

    /// Adds every dossier of a slice.
    pub fn add_all(&mut self, ds: &[Dossier]) {
        for d in ds {
            self.add(d);
        }
    }

    /// Adds another grader's sums (same rulebook, period and interners).
    pub fn merge(&mut self, other: Self) {
        for (mine, theirs) in [
            (&mut self.agencies, other.agencies),
            (&mut self.officials, other.officials),
        ] {
            if mine.len() < theirs.len() {
                mine.resize(theirs.len(), 0);
            }
            for (m, t) in mine.iter_mut().zip(theirs) {
                *m += t;
            }
        }
    }

    /// Moves every agency's sums onto its last successor (`--successors`, contract section
    /// 9a), summing merged agencies; `agencies` names the ids of the dossiers added, and the
    /// interner returned names the new ids (give it to [`Grader::finish`]). Sums are
    /// additive, so this equals grading every dossier under its successor.
    #[must_use]
    pub fn map_agencies(
        &mut self,
        agencies: &Interner,
        last: &std::collections::BTreeMap<String, String>,
    ) -> Interner {
        let stride = self.agency_stride();
        let mut names = Interner::new();
        let mut sums: Vec<u64> = Vec::new();
        for (i, code) in agencies.names().enumerate() {
            let to = names.intern(last.get(code).map_or(code, String::as_str)) as usize;
            if sums.len() < (to + 1) * stride {
                sums.resize((to + 1) * stride, 0);
            }
            if let Some(from) = self.agencies.get(i * stride..(i + 1) * stride) {
                for (m, t) in sums[to * stride..].iter_mut().zip(from) {
                    *m += t;
                }
            }
        }
        self.agencies = sums;
        names
    }

    /// The width of an official's sums: resolved, then one sum per table.
    pub(crate) fn official_stride(&self) -> usize {
        self.tables.len() + 1
    }

    fn agency_sums(&self, id: Option<u32>) -> Vec<u64> {
        let stride = self.agency_stride();
        id.map(|i| i as usize * stride)
            .and_then(|a| self.agencies.get(a..a + stride))
            .map_or_else(|| vec![0; stride], <[u64]>::to_vec)
    }

    /// Scores every agency and official. `agencies` and `officials` name the ids of the
    /// dossiers added; `tally` holds the period's counts (rates of the per-agency measures).
    #[must_use]
    pub fn finish(
        self,
        agencies: &Interner,
        officials: &Interner,
        units: &Units,
        tally: &Tally,
    ) -> ScoreReport {
        let book = self.book;
        let codes: BTreeSet<&str> = agencies
            .names()
            .chain(tally.agencies.keys().map(String::as_str))
            .collect();
        let mut check = UnitsCheck {
            unknown: units
                .iter()
                .map(|u| u.code.clone())
                .filter(|c| !codes.contains(c.as_str()))
                .collect(),
            missing: Vec::new(),
        };
        let empty = Counts::default();
        let mut not_measured: BTreeSet<String> = BTreeSet::new();
        let mut scores = Vec::new();
        for code in &codes {
            let sums = self.agency_sums(agencies.get(code));
            let default = UnitFacts::new(*code);
            let facts = units.get(code).unwrap_or_else(|| {
                check.missing.push((*code).to_owned());
                &default
            });
            let counts = tally.agencies.get(*code).unwrap_or(&empty);
            let x = |e: Extra| sums[self.tables.len() + 1 + e as usize];
            let inputs = AgencyInputs {
                facts,
                counts,
                online_late: x(Extra::OnlineLate),
                online_overdue: x(Extra::OnlineOverdue),
                unsatisfied: x(Extra::Unsatisfied),
                level4: x(Extra::Level4),
                level4_online: x(Extra::Level4Online),
            };
            let mut s = AgencyScore::new(code, facts.name.clone(), book, sums[0]);
            if sums[0] > 0 {
                s.indicators = self.score_indicators(code, &sums, &inputs);
                for i in s.indicators.iter().filter(|i| !i.measured) {
                    not_measured.insert(i.id.clone());
                }
                s.finish(book);
            }
            scores.push(s);
        }
        rank(&mut scores);
        let officials = self.score_officials(officials);
        let mut warnings = Vec::new();
        if book.is_approximate() {
            warnings.push(Warning::new(
                WarningKind::Approximate,
                book,
                &self.period,
                None,
                &[],
            ));
        }
        if !book.legal_basis.text_available {
            warnings.push(Warning::new(
                WarningKind::TextNotAvailable,
                book,
                &self.period,
                None,
                &[],
            ));
        }
        let validity = book.check_validity(&self.period);
        if validity.warning.is_some() {
            let kind = if validity.within {
                WarningKind::Superseded
            } else {
                WarningKind::OutsideLegalDates
            };
            warnings.push(Warning::new(kind, book, &self.period, None, &[]));
        }
        if !not_measured.is_empty() {
            let ids: Vec<String> = not_measured.into_iter().collect();
            warnings.push(Warning::new(
                WarningKind::NotMeasured,
                book,
                &self.period,
                None,
                &ids,
            ));
        }
        if !check.unknown.is_empty() {
            warnings.push(Warning::new(
                WarningKind::UnknownUnits,
                book,
                &self.period,
                None,
                &check.unknown,
            ));
        }
        if !check.missing.is_empty() {
            warnings.push(Warning::new(
                WarningKind::MissingUnits,
                book,
                &self.period,
                None,
                &check.missing,
            ));
        }
        let mut report = ScoreReport::new(book, self.period, scores, officials, warnings, check);
        if self.slip_means.is_some() {
            report.means = "slips";
        }
        report
    }

    fn score_indicators(
        &self,
        code: &str,
        sums: &[u64],
        inputs: &AgencyInputs<'_>,
    ) -> Vec<IndicatorScore> {
        let book = self.book;
        let n = sums[0];
        let mut j = 0;
        book.indicators
            .iter()
            .map(|ind| {
                let mut out = IndicatorScore::new(ind, book);
                if ind.scope() == Scope::Dossier {
                    let sum = Points::from_milli(sums[1 + j]);
                    j += 1;
                    if let Some((means, k)) = self.slip_means.as_ref().zip(slip_indicator(&ind.id))
                    {
                        let (total, slips) = means.agency(code, k);
                        slip_mean(&mut out, book, k, total, slips);
                        return out;
                    }
                    let p = Points::mean(sum, n, book.decimals, book.rounding);
                    out.value = Some(Value::Number(Ratio {
                        num: sum.milli(),
                        den: n * Points::SCALE,
                    }));
                    out.dossiers = Some(n);
                    out.rule = format!(
                        "mean over {n} resolved dossiers: {sum}/{n} → {}",
                        p.fixed(book.decimals, '.')
                    );
                    out.set_points(Some(p));
                    return out;
                }
                let level = inputs.facts.level.code();
                if ind.not_applicable_at.iter().any(|l| l == level) {
                    out.value = ind.measure.agency_value(inputs);
                    out.rule = format!("not applicable at level {level} → full points {}", ind.max);
                    out.set_points(Some(ind.max));
                    return out;
                }
                let available = std::iter::once(ind.measure)
                    .chain(ind.rule.measures())
                    .all(Measure::is_available);
                out.value = ind.measure.agency_value(inputs);
                let scored = if available {
                    ind.rule
                        .apply(ind.measure, ind.max, book.decimals, book.rounding, &|m| {
                            m.agency_value(inputs)
                        })
                } else {
                    None
                };
                if let Some((p, why)) = scored {
                    out.rule = why;
                    out.set_points(Some(p));
                } else {
                    out.rule = if available {
                        format!("{} has no value for this agency: not measured", ind.measure)
                    } else {
                        format!("the inputs do not carry {}: not measured", ind.measure)
                    };
                    out.set_points(None);
                }
                out
            })
            .collect()
    }

    fn score_officials(&self, officials: &Interner) -> Vec<OfficialScore> {
        let book = self.book;
        let Some(rules) = &book.officials else {
            return Vec::new();
        };
        let k = self.tables.len();
        let cols: Vec<(usize, &str)> = book
            .indicators
            .iter()
            .filter(|i| i.scope() == Scope::Dossier)
            .enumerate()
            .filter(|(_, i)| rules.indicators.contains(&i.id))
            .map(|(j, i)| (j, i.id.as_str()))
            .collect();
        let mut out: Vec<OfficialScore> = officials
            .names()
            .enumerate()
            .map(|(id, code)| {
                let o = id * (k + 1);
                let sums = self
                    .officials
                    .get(o..o + k + 1)
                    .map_or_else(|| vec![0; k + 1], <[u64]>::to_vec);
                let n = sums[0];
                let total = (n > 0).then(|| {
                    cols.iter()
                        .map(|(j, id)| {
                            let slip = self.slip_means.as_ref().zip(slip_indicator(id));
                            let (sum, count) = slip.map_or((sums[1 + j], n), |(means, num)| {
                                let (points, slips) = means.official(code, num);
                                (points * Points::SCALE, slips)
                            });
                            Points::mean(
                                Points::from_milli(sum),
                                count,
                                book.decimals,
                                book.rounding,
                            )
                        })
                        .sum::<Points>()
                });
                let band = total.and_then(|t| rules.bands.iter().find(|b| b.contains(t)));
                OfficialScore {
                    official: code.to_owned(),
                    dossiers: n,
                    total,
                    max: rules.max,
                    band: band.map(|b| b.name_vi.clone()),
                    band_en: band.map(|b| b.name_en.clone()),
                }
            })
            .collect();
        out.sort_by(|a, b| a.official.cmp(&b.official));
        out
    }
}

/// Scores a per-dossier indicator as the rounded mean of `total` points over `slips`.
fn slip_mean(out: &mut IndicatorScore, book: &Rulebook, k: usize, total: u64, slips: u64) {
    if slips == 0 {
        out.rule = format!("no slip of the period gives ChiSo{k}: not measured");
        out.set_points(None);
        return;
    }
    let p = Points::mean(Points::whole(total), slips, book.decimals, book.rounding);
    out.value = Ratio::new(total, slips).map(Value::Number);
    out.slips = Some(slips);
    out.rule = format!(
        "mean over {slips} rating slips (ChiSo{k}): {total}/{slips} → {}",
        p.fixed(book.decimals, '.')
    );
    out.set_points(Some(p));
}

impl AgencyScore {
    /// Totals, measured maximum, the band basis and the band, from the indicators.
    fn finish(&mut self, book: &Rulebook) {
        let total: Points = self.indicators.iter().filter_map(|i| i.points).sum();
        let measured: Points = self
            .indicators
            .iter()
            .filter(|i| i.measured)
            .map(|i| i.max)
            .sum();
        self.total = Some(total);
        self.measured_max = Some(measured);
        let basis = match book.band_on {
            BandOn::Total => total,
            BandOn::Scaled => {
                let s = total.rescale(book.max, measured, book.decimals, book.rounding);
                self.scaled_total = Some(s);
                s
            }
        };
        if let Some(b) = book.band(basis) {
            self.band = Some(b.name_vi.clone());
            self.band_en = Some(b.name_en.clone());
        }
        self.groups = group_scores(book, &self.indicators);
    }
}

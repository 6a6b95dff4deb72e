//! The counting job behind `report`, `score` and `list` on every surface: which periods to
//! count (the period, the one it is compared with, the steps of a series) and by which keys,
//! in one pass over the dossiers.
//!
//! ```
//! use motcua_core::breakdown::Dim;
//! use motcua_core::calendar::Calendar;
//! use motcua_core::period::Step;
//! use motcua_io::dossiers::{ReadOptions, read_dossiers};
//! use motcua_io::job::{CountPlan, Counting};
//!
//! let csv = "MaHoSo,MaTTHC,DonViXuLy,KenhThucHien,NgayTiepNhan,NgayHenTra,NgayKetThucXuLy,TrangThaiHoSo\n\
//!            H1,1.1,STP,2,2021-07-01,2021-07-05,2021-07-02,10\n\
//!            H2,,STP,1,2021-08-03,2021-08-05,,4\n";
//! let plan = CountPlan { by: vec![Dim::Procedure], every: Some(Step::Month),
//!                        ..CountPlan::new("2021-Q3".parse().unwrap()) };
//! let mut counting = Counting::new(&plan);
//! let ing = read_dossiers(csv.as_bytes(), &Calendar::vn(), &ReadOptions::default(), &|_| {},
//!                         |d| counting.count(d)).unwrap();
//! let report = counting.finish(&ing, &|_| "tinh".to_owned()).into_report(ing.input);
//! let b = report.breakdown.unwrap();
//! assert_eq!(b.rows.len(), 2); // 1.1 and null
//! assert_eq!(report.series.unwrap().len(), 3); // July, August, September
//! ```

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use motcua_core::breakdown::{Dim, GroupTally, Grouped, Names};
use motcua_core::convention::Conventions;
use motcua_core::count::{Counter, Tally};
use motcua_core::dossier::{Dossier, InputSummary};
use motcua_core::period::{Period, Step};
use motcua_core::report::{Compare, Report, SeriesStep, agency_lines};
use motcua_core::successors::{Mapping, remap_tally};

use crate::blocks::Ingested;

/// What to count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountPlan {
    /// The period reported.
    pub period: Period,
    /// What `previous` holds; `None` for no comparison.
    pub compare: Option<Compare>,
    /// The keys of the breakdown; empty for none.
    pub by: Vec<Dim>,
    /// The step of the series, if any.
    pub every: Option<Step>,
    /// Each agency mapped to its last successor (`--successors`, contract section 9a):
    /// applied to every period counted before the report is built. `None` = no mapping.
    pub successors: Option<Arc<BTreeMap<String, String>>>,
    /// The counting conventions applied instead of the contract's rules (all off = the
    /// contract); the report names them.
    pub conventions: Conventions,
}

impl CountPlan {
    /// The period alone, compared with the period before (the default of `report`).
    #[must_use]
    pub fn new(period: Period) -> Self {
        Self {
            period,
            compare: Some(Compare::Previous),
            by: Vec::new(),
            every: None,
            successors: None,
            conventions: Conventions::default(),
        }
    }

    /// The period compared with, if any.
    #[must_use]
    pub fn compared(&self) -> Option<Period> {
        self.compare.and_then(|c| c.period_for(&self.period))
    }

    /// The steps of the series (none without `every`).
    #[must_use]
    pub fn steps(&self) -> Vec<Period> {
        self.every.map(|s| self.period.steps(s)).unwrap_or_default()
    }
}

/// Counts dossiers for a [`CountPlan`], in one pass.
#[derive(Debug, Clone)]
pub struct Counting {
    plan: CountPlan,
    previous: Option<Period>,
    steps: Vec<Period>,
    counter: Counter,
    grouped: Option<Grouped>,
}

impl Counting {
    /// A counter for the plan.
    #[must_use]
    pub fn new(plan: &CountPlan) -> Self {
        let previous = plan.compared();
        let steps = plan.steps();
        let periods: Vec<Period> = std::iter::once(plan.period)
            .chain(previous)
            .chain(steps.iter().copied())
            .collect();
        let grouped = (!plan.by.is_empty()).then(|| {
            let periods: Vec<Period> = std::iter::once(plan.period)
                .chain(steps.iter().copied())
                .collect();
            Grouped::new(&plan.by, &periods).with_conventions(plan.conventions)
        });
        Self {
            plan: plan.clone(),
            previous,
            steps,
            counter: Counter::new(&periods).with_conventions(plan.conventions),
            grouped,
        }
    }

    /// Counts one dossier.
    #[inline]
    pub fn count(&mut self, d: &Dossier) {
        self.counter.count(d);
        if let Some(g) = &mut self.grouped {
            g.count(d);
        }
    }

    /// The counts by name; `level_of` gives an agency's level (`tinh` when unknown).
    #[must_use]
    pub fn finish(mut self, ing: &Ingested, level_of: &dyn Fn(&str) -> String) -> Counted {
        if !ing.agencies.is_empty() {
            self.counter.touch(ing.agencies.len() as u32 - 1);
        }
        let mut tallies = self
            .counter
            .into_tallies(|i| ing.agencies.name(i).to_owned())
            .into_iter();
        let period = tallies.next().unwrap_or_default();
        let previous = self
            .previous
            .map(|p| (p, tallies.next().unwrap_or_default()));
        let steps: Vec<(Period, Tally)> = self
            .steps
            .iter()
            .map(|p| (*p, tallies.next().unwrap_or_default()))
            .collect();
        let successors = self.plan.successors.clone();
        let level_after = |code: &str| match successors.as_deref().and_then(|m| m.get(code)) {
            Some(to) => level_of(to),
            None => level_of(code),
        };
        let groups = self.grouped.map(|g| {
            let names = Names {
                agencies: &ing.agencies,
                officials: &ing.officials,
                procedures: &ing.procedures,
                fields: &ing.fields,
                level_of: &level_after,
            };
            g.into_tallies(&names)
        });
        Counted {
            plan: self.plan,
            period,
            previous,
            steps,
            groups,
            mapped: None,
        }
    }
}

/// The counts of a plan by name: mergeable, and what reports and grades are built from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Counted {
    /// The plan counted.
    pub plan: CountPlan,
    /// Per agency, the period.
    pub period: Tally,
    /// Per agency, the period compared with.
    pub previous: Option<(Period, Tally)>,
    /// Per agency, each step of the series.
    pub steps: Vec<(Period, Tally)>,
    /// Per group of `by`: the period, then each step.
    pub groups: Option<Vec<GroupTally>>,
    /// The successor mappings that moved counts, once [`Counted::apply_successors`] ran.
    pub mapped: Option<Vec<Mapping>>,
}

impl Counted {
    /// The report (contract sections 7 and 11).
    #[must_use]
    pub fn into_report(mut self, input: InputSummary) -> Report {
        self.apply_successors();
        let applied = self.mapped.take();
        let mut r = Report::new(
            self.plan.period,
            input,
            &self.period,
            self.previous.as_ref().map(|(p, t)| (*p, t)),
        );
        let by = self.plan.by.clone();
        let mut groups = self.groups.map(Vec::into_iter);
        r.breakdown = groups
            .as_mut()
            .and_then(Iterator::next)
            .map(|g| g.into_breakdown(by.clone()));
        if self.plan.every.is_some() {
            r.series = Some(
                self.steps
                    .iter()
                    .map(|(p, t)| SeriesStep {
                        period: *p,
                        total: t.total().into(),
                        agencies: agency_lines(t),
                        breakdown: groups
                            .as_mut()
                            .and_then(Iterator::next)
                            .map(|g| g.into_breakdown(by.clone())),
                    })
                    .collect(),
            );
        }
        let conventions = self.plan.conventions.applied();
        if !conventions.is_empty() {
            r.conventions = Some(conventions.into_iter().map(str::to_owned).collect());
        }
        if let Some(applied) = applied {
            if let (Some(prev), Some((_, t))) = (r.previous.as_mut(), self.previous.as_ref()) {
                prev.agencies = Some(agency_lines(t));
            }
            r.successors = Some(applied);
        }
        r
    }

    /// Maps every agency to its last successor in the period, `previous`, each step and the
    /// breakdown's agency key (contract section 9a); the mappings that moved counts, or `None`
    /// without `--successors`. Counts are additive, so mapping the counts by name equals
    /// mapping every row before counting. Applied once: a second call changes nothing.
    pub fn apply_successors(&mut self) -> Option<&[Mapping]> {
        let Some(map) = self.plan.successors.clone() else {
            return self.mapped.as_deref();
        };
        let mut applied = BTreeSet::new();
        let mut remap = |t: &mut motcua_core::count::Tally| {
            let (mapped, moved) = remap_tally(t, &map);
            *t = mapped;
            applied.extend(moved);
        };
        remap(&mut self.period);
        if let Some((_, t)) = &mut self.previous {
            remap(t);
        }
        for (_, t) in &mut self.steps {
            remap(t);
        }
        if let (Some(at), Some(groups)) = (
            self.plan.by.iter().position(|d| *d == Dim::Agency),
            self.groups.as_mut(),
        ) {
            for g in groups.iter_mut() {
                *g = g.map_keys(at, |a| map.get(a).cloned().unwrap_or_else(|| a.to_owned()));
            }
        }
        // Applied once: a second call finds nothing left to map.
        self.plan.successors = None;
        self.mapped = Some(applied.into_iter().collect());
        self.mapped.as_deref()
    }
}

/// An agency's level for `--by level` (contract section 11): its `Cap` in the units file,
/// `tinh` by default.
#[must_use]
pub fn level_of(units: &motcua_core::grading::Units, code: &str) -> String {
    units
        .get(code)
        .map_or("tinh", |f| f.level.code())
        .to_owned()
}

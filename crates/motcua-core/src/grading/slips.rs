//! Rating slips (contract section 17): ratings given on slips, rating devices or online,
//! one per row of a ratings file, and what they change.
//!
//! With a ratings file, the `ratings…` counts of a period are those of the slips dated in
//! it ([`replace_rating_counts`], called once after counting), and `score --means slips`
//! takes each per-dossier indicator's mean over the period's slips that give it
//! ([`SlipMeans`]), the way one-stop systems compute it.
//!
//! ```
//! use motcua_core::count::{Counts, Tally};
//! use motcua_core::grading::{Slip, replace_rating_counts};
//! use motcua_core::codes::Rating;
//! let q3 = "2021-Q3".parse().unwrap();
//! let mut tally = Tally::default();
//! tally.add("STP", &Counts { resolved: 5, ratings: 4, ratings_satisfied: 4, ..Counts::default() });
//! let mut s = Slip::new("P1", "STP", "2021-08-02".parse().unwrap());
//! s.rating = Some(Rating::VerySatisfied);
//! let late = Slip::new("P2", "STP", "2021-10-01".parse().unwrap()); // after the period
//! replace_rating_counts(&mut tally, &[s, late], &q3);
//! let c = tally.agencies["STP"];
//! assert_eq!((c.ratings, c.ratings_very_satisfied, c.ratings_satisfied), (1, 1, 0));
//! assert_eq!(c.resolved, 5, "other counts are kept");
//! ```

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::codes::Rating;
use crate::count::{Counts, Tally};
use crate::period::Period;

/// The indicators a slip may give (`ChiSo1` … `ChiSo9`).
pub const SLIP_INDICATORS: usize = 9;

/// One rating slip.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Slip {
    /// `MaPhieu`: the rating's id.
    pub code: String,
    /// `DonViXuLy`: the agency rated.
    pub agency: String,
    /// `CanBoTiepNhan`: the official rated.
    pub official: Option<String>,
    /// `MaHoSo`: the dossier it is about.
    pub dossier: Option<String>,
    /// `NgayDanhGia`: the date it was given (UTC+7).
    pub date: NaiveDate,
    /// `MucDoHaiLong`.
    pub rating: Option<Rating>,
    /// `ChiSo1` … `ChiSo9`: points given (0, 1 or 2), by indicator number − 1.
    pub indicators: [Option<u8>; SLIP_INDICATORS],
}

impl Slip {
    /// A slip with no rating and no indicator points.
    #[must_use]
    pub fn new(code: impl Into<String>, agency: impl Into<String>, date: NaiveDate) -> Self {
        Self {
            code: code.into(),
            agency: agency.into(),
            official: None,
            dossier: None,
            date,
            rating: None,
            indicators: [None; SLIP_INDICATORS],
        }
    }

    fn in_period(&self, p: &Period) -> bool {
        p.from() <= self.date && self.date <= p.to()
    }
}

/// The rating counts of the slips dated in `period`, per agency.
#[must_use]
pub fn slip_counts(slips: &[Slip], period: &Period) -> BTreeMap<String, Counts> {
    let mut out: BTreeMap<String, Counts> = BTreeMap::new();
    for s in slips.iter().filter(|s| s.in_period(period)) {
        let c = out.entry(s.agency.clone()).or_default();
        if let Some(r) = s.rating {
            c.ratings += 1;
            match r {
                Rating::VerySatisfied => c.ratings_very_satisfied += 1,
                Rating::Satisfied => c.ratings_satisfied += 1,
                Rating::Dissatisfied => c.ratings_dissatisfied += 1,
            }
        }
    }
    out
}

/// Replaces the `ratings…` counts of every agency of `tally` by those of the slips dated in
/// `period` (zero for an agency without slips); an agency rated on slips but without
/// dossiers is added with its rating counts only. Every other count is kept.
pub fn replace_rating_counts(tally: &mut Tally, slips: &[Slip], period: &Period) {
    let counts = slip_counts(slips, period);
    for c in tally.agencies.values_mut() {
        c.ratings = 0;
        c.ratings_very_satisfied = 0;
        c.ratings_satisfied = 0;
        c.ratings_dissatisfied = 0;
    }
    for (agency, c) in &counts {
        tally.add(agency, c);
    }
}

/// Sums of the indicator points slips give, per agency and per official, for one period.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SlipMeans {
    agencies: BTreeMap<String, [(u64, u64); SLIP_INDICATORS]>,
    officials: BTreeMap<String, [(u64, u64); SLIP_INDICATORS]>,
}

impl SlipMeans {
    /// The sums of the slips dated in `period`.
    #[must_use]
    pub fn new(slips: &[Slip], period: &Period) -> Self {
        let mut out = Self::default();
        for s in slips.iter().filter(|s| s.in_period(period)) {
            let add = |m: &mut BTreeMap<String, [(u64, u64); SLIP_INDICATORS]>, k: &str| {
                let e = m.entry(k.to_owned()).or_insert([(0, 0); SLIP_INDICATORS]);
                for (slot, v) in e.iter_mut().zip(s.indicators) {
                    if let Some(v) = v {
                        slot.0 += u64::from(v);
                        slot.1 += 1;
                    }
                }
            };
            add(&mut out.agencies, &s.agency);
            if let Some(o) = &s.official {
                add(&mut out.officials, o);
            }
        }
        out
    }

    /// `(sum of points, slips giving it)` of indicator `n` (1–9) for an agency.
    #[must_use]
    pub fn agency(&self, code: &str, n: usize) -> (u64, u64) {
        Self::get(&self.agencies, code, n)
    }

    /// `(sum of points, slips giving it)` of indicator `n` (1–9) for an official.
    #[must_use]
    pub fn official(&self, code: &str, n: usize) -> (u64, u64) {
        Self::get(&self.officials, code, n)
    }

    fn get(m: &BTreeMap<String, [(u64, u64); SLIP_INDICATORS]>, k: &str, n: usize) -> (u64, u64) {
        n.checked_sub(1)
            .and_then(|i| m.get(k).and_then(|a| a.get(i)))
            .copied()
            .unwrap_or((0, 0))
    }
}

/// The slip indicator number (1–9) an indicator id names (`"1"` … `"9"`).
#[must_use]
pub fn slip_indicator(id: &str) -> Option<usize> {
    id.parse::<usize>()
        .ok()
        .filter(|n| (1..=SLIP_INDICATORS).contains(n))
}

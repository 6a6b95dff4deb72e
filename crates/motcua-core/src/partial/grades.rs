//! The grading sums of a part, keyed by agency and official codes so that parts read with
//! different interners merge.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{Partial, PartialError};
use crate::dossier::Interner;
use crate::grading::{Grader, Rulebook, ScoreReport, Units};

/// Integer sums of a [`Grader`] by code: per agency its resolved dossiers, one sum of
/// thousandths of a point per per-dossier indicator, then the per-agency counters; per
/// official its resolved dossiers and one sum per indicator.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GradeSums {
    /// Sums of every agency with a used row.
    pub agencies: BTreeMap<String, Vec<u64>>,
    /// Sums of every official met in a used row.
    pub officials: BTreeMap<String, Vec<u64>>,
}

fn add_into(map: &mut BTreeMap<String, Vec<u64>>, code: &str, sums: &[u64]) {
    let e = map.entry(code.to_owned()).or_default();
    if e.len() < sums.len() {
        e.resize(sums.len(), 0);
    }
    for (a, b) in e.iter_mut().zip(sums) {
        *a += b;
    }
}

impl GradeSums {
    /// The sums of a grader whose dossiers' ids index `agencies` and `officials`.
    #[must_use]
    pub fn from_grader(grader: &Grader<'_>, agencies: &Interner, officials: &Interner) -> Self {
        let mut out = Self::default();
        for (sums, names, stride, into) in [
            (
                &grader.agencies,
                agencies,
                grader.agency_stride(),
                &mut out.agencies,
            ),
            (
                &grader.officials,
                officials,
                grader.official_stride(),
                &mut out.officials,
            ),
        ] {
            for (i, code) in names.names().enumerate() {
                let at = i * stride;
                let row = sums
                    .get(at..at + stride)
                    .map_or_else(|| vec![0; stride], <[u64]>::to_vec);
                add_into(into, code, &row);
            }
        }
        out
    }

    /// Adds another part's sums.
    pub fn merge(&mut self, other: &Self) {
        for (code, s) in &other.agencies {
            add_into(&mut self.agencies, code, s);
        }
        for (code, s) in &other.officials {
            add_into(&mut self.officials, code, s);
        }
    }
}

impl Partial {
    /// The grades of the merged input (contract section 10), as `motcua score` gives them:
    /// `book` and `units` must be those the partials were built with (their digests are in
    /// the header).
    pub fn grades(&self, book: &Rulebook, units: &Units) -> Result<ScoreReport, PartialError> {
        let Some(sums) = &self.grades else {
            return Err(PartialError::Grades(
                "the partial aggregates were built without a rulebook: give the rulebook when making them".to_owned(),
            ));
        };
        let want = (
            self.header.rulebook.as_deref(),
            self.header.units.as_deref(),
        );
        let given = (Some(rulebook_digest(book)), units_digest(units));
        if want.0 != given.0.as_deref() || want.1 != given.1.as_deref() {
            return Err(PartialError::Grades(format!(
                "the partial aggregates were built with rulebook {} and units {}, not rulebook {} and units {}",
                want.0.unwrap_or("none"),
                want.1.unwrap_or("none"),
                given.0.as_deref().unwrap_or("none"),
                given.1.as_deref().unwrap_or("none"),
            )));
        }
        let mut grader = Grader::new(book, self.header.period);
        let mut agencies = Interner::new();
        let mut officials = Interner::new();
        let strides = (grader.agency_stride(), grader.official_stride());
        let mut flat = (Vec::new(), Vec::new());
        for (map, names, stride, into) in [
            (&sums.agencies, &mut agencies, strides.0, &mut flat.0),
            (&sums.officials, &mut officials, strides.1, &mut flat.1),
        ] {
            for (code, s) in map {
                if s.len() != stride {
                    return Err(PartialError::Grades(format!(
                        "the grading sums of '{code}' have {} values, rulebook {} needs {stride}",
                        s.len(),
                        book.id
                    )));
                }
                names.intern(code);
                into.extend_from_slice(s);
            }
        }
        (grader.agencies, grader.officials) = flat;
        let mut tally = std::borrow::Cow::Borrowed(&self.period);
        let mut mapped = None;
        if let Some(last) = &self.header.successors {
            agencies = grader.map_agencies(&agencies, last);
            let (t, moved) = crate::successors::remap_tally(&self.period, last);
            tally = std::borrow::Cow::Owned(t);
            mapped = Some(moved);
        }
        let mut report = grader.finish(&agencies, &officials, units, &tally);
        report.successors = mapped;
        report.input = Some(self.input.clone());
        Ok(report)
    }
}

/// The digest of a rulebook in a partial's header: its id and a digest of its content.
#[must_use]
pub fn rulebook_digest(book: &Rulebook) -> String {
    format!("{}:{}", book.id, super::text_digest(&format!("{book:?}")))
}

/// The digest of a units file in a partial's header: `None` without facts.
#[must_use]
pub fn units_digest(units: &Units) -> Option<String> {
    (!units.is_empty()).then(|| super::text_digest(&units.to_csv()))
}

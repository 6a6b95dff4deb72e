//! Agencies across reorganisations (contract section 9a): each agency mapped to its *last*
//! successor (`DonViKeThua`, followed along chains), and counts remapped so that periods
//! before and after a merger compare like for like.
//!
//! ```
//! use motcua_core::count::{Counts, Tally};
//! use motcua_core::successors::{remap_tally, resolve};
//!
//! // 2025: the planning department (SKHĐT) merged into finance (STC); STC kept its code.
//! let chain = [("SKHĐT", "STC")];
//! let last = resolve(chain.iter().map(|&(a, b)| (a, b))).unwrap();
//! let mut tally = Tally::default();
//! let mut one = Counts::default();
//! one.received = 3;
//! tally.add("SKHĐT", &one);
//! one.received = 5;
//! tally.add("STC", &one);
//! let (merged, applied) = remap_tally(&tally, &last);
//! assert_eq!(merged.agencies["STC"].received, 8);
//! assert!(!merged.agencies.contains_key("SKHĐT"));
//! assert_eq!(applied[0].from, "SKHĐT");
//! assert_eq!(applied[0].to, "STC");
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::count::Tally;

/// Why successors cannot be resolved.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SuccessorError {
    /// Following `DonViKeThua` comes back to an agency already on the way.
    #[error(
        "the successors (DonViKeThua) form a cycle: {} — an agency cannot succeed itself; fix one of these rows",
        .cycle.join(" → ")
    )]
    Cycle {
        /// The agencies of the cycle, in order, the first repeated at the end.
        cycle: Vec<String>,
    },
    /// An agency is given two different successors.
    #[error("agency '{code}' has two successors, '{first}' and '{second}': keep one")]
    Conflict {
        /// The agency.
        code: String,
        /// The first successor given.
        first: String,
        /// The other one.
        second: String,
    },
}

/// One mapping applied: the counts of `from` were added to `to`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Mapping {
    /// The predecessor's code.
    pub from: String,
    /// Its last successor's code.
    pub to: String,
}

/// Each agency that has a successor, mapped to its last successor (chains followed).
///
/// `pairs` are (agency, successor); an agency given twice with the same successor is fine.
pub fn resolve<'a>(
    pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> Result<BTreeMap<String, String>, SuccessorError> {
    let mut next: BTreeMap<&str, &str> = BTreeMap::new();
    for (a, b) in pairs {
        if let Some(&first) = next.get(a) {
            if first != b {
                return Err(SuccessorError::Conflict {
                    code: a.to_owned(),
                    first: first.to_owned(),
                    second: b.to_owned(),
                });
            }
        }
        next.insert(a, b);
    }
    let mut last = BTreeMap::new();
    for &start in next.keys() {
        let mut path = vec![start];
        let mut cur = start;
        while let Some(&n) = next.get(cur) {
            if let Some(i) = path.iter().position(|&p| p == n) {
                let mut cycle: Vec<String> = path[i..].iter().map(|&s| s.to_owned()).collect();
                cycle.push(n.to_owned());
                return Err(SuccessorError::Cycle { cycle });
            }
            path.push(n);
            cur = n;
        }
        last.insert(start.to_owned(), cur.to_owned());
    }
    Ok(last)
}

/// The tally with every agency's counts added to its last successor's (counts are additive),
/// and the mappings that moved counts, sorted.
#[must_use]
pub fn remap_tally(tally: &Tally, last: &BTreeMap<String, String>) -> (Tally, Vec<Mapping>) {
    let mut out = Tally::default();
    let mut applied = Vec::new();
    for (code, counts) in &tally.agencies {
        match last.get(code) {
            Some(to) => {
                out.add(to, counts);
                applied.push(Mapping {
                    from: code.clone(),
                    to: to.clone(),
                });
            }
            None => out.add(code, counts),
        }
    }
    applied.sort();
    (out, applied)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::count::Counts;

    #[test]
    fn chains_end_at_the_last_successor() {
        let last = resolve([("A", "B"), ("B", "C"), ("D", "C"), ("A", "B")]).unwrap();
        assert_eq!(last["A"], "C");
        assert_eq!(last["B"], "C");
        assert_eq!(last["D"], "C");
        assert!(!last.contains_key("C"));
    }

    #[test]
    fn cycles_and_conflicts_are_named() {
        let e = resolve([("A", "B"), ("B", "C"), ("C", "A")]).unwrap_err();
        assert_eq!(
            e,
            SuccessorError::Cycle {
                cycle: vec!["A".into(), "B".into(), "C".into(), "A".into()]
            }
        );
        assert!(e.to_string().contains("A → B → C → A"));
        let e = resolve([("A", "B"), ("A", "C")]).unwrap_err();
        assert!(matches!(e, SuccessorError::Conflict { .. }), "{e}");
    }

    #[test]
    fn merged_counts_are_summed() {
        // Two departments merged into a third: 4 + 6 received, 3 + 5 resolved on time.
        let mut t = Tally::default();
        let mut c = Counts::default();
        for (code, received, on_time) in [("SNN", 4, 3), ("STNMT", 6, 5), ("STP", 2, 2)] {
            c.received = received;
            c.resolved_on_time = on_time;
            t.add(code, &c);
        }
        let last = resolve([("SNN", "SNNMT"), ("STNMT", "SNNMT")]).unwrap();
        let (m, applied) = remap_tally(&t, &last);
        assert_eq!(m.agencies.len(), 2);
        assert_eq!(m.agencies["SNNMT"].received, 10);
        assert_eq!(m.agencies["SNNMT"].resolved_on_time, 8);
        assert_eq!(m.agencies["STP"].received, 2);
        assert_eq!(m.total().received, 12);
        let pairs: Vec<_> = applied
            .iter()
            .map(|a| (a.from.as_str(), a.to.as_str()))
            .collect();
        assert_eq!(pairs, [("SNN", "SNNMT"), ("STNMT", "SNNMT")]);
    }
}

//! Which steps of a thresholds rule can never apply (thresholds out of order), and how far a
//! per-dossier count rule looks.

use super::measure::{Kind, Measure};
use super::points::Ratio;
use super::rule::{Cmp, Operand, Rule, Step};

/// The set of values a step allows for one measure.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Allowed {
    /// Numbers in an interval: (bound, inclusive); `hi` `None` = unbounded.
    Range {
        lo: (Ratio, bool),
        hi: Option<(Ratio, bool)>,
    },
    /// Category words.
    Words(Vec<&'static str>),
}

impl Allowed {
    fn is_empty(&self) -> bool {
        match self {
            Self::Range { lo, hi: Some(hi) } => lo.0 > hi.0 || (lo.0 == hi.0 && !(lo.1 && hi.1)),
            Self::Range { .. } => false,
            Self::Words(w) => w.is_empty(),
        }
    }

    fn is_subset_of(&self, o: &Self) -> bool {
        match (self, o) {
            (Self::Range { lo: a_lo, hi: a_hi }, Self::Range { lo: b_lo, hi: b_hi }) => {
                let lo_ok = b_lo.0 < a_lo.0 || (b_lo.0 == a_lo.0 && (b_lo.1 || !a_lo.1));
                let hi_ok = match (a_hi, b_hi) {
                    (_, None) => true,
                    (None, Some(_)) => false,
                    (Some(a), Some(b)) => a.0 < b.0 || (a.0 == b.0 && (b.1 || !a.1)),
                };
                lo_ok && hi_ok
            }
            (Self::Words(a), Self::Words(b)) => a.iter().all(|w| b.contains(w)),
            _ => false,
        }
    }
}

/// What a step allows, measure by measure; `None` when it has a `!=` on a number (which the
/// analysis does not model).
fn allowed(step: &Step) -> Option<Vec<(Measure, Allowed)>> {
    let mut out: Vec<(Measure, Allowed)> = Vec::new();
    for c in &step.when {
        let idx = out
            .iter()
            .position(|(m, _)| *m == c.measure)
            .unwrap_or_else(|| {
                let all = match c.measure.kind() {
                    Kind::Category(w) => Allowed::Words(w.to_vec()),
                    _ => Allowed::Range {
                        lo: (Ratio::int(0), true),
                        hi: None,
                    },
                };
                out.push((c.measure, all));
                out.len() - 1
            });
        match (&mut out[idx].1, c.operand) {
            (Allowed::Words(ws), Operand::Word(w)) => {
                ws.retain(|x| (*x == w) == (c.cmp == Cmp::Eq));
            }
            (Allowed::Range { lo, hi }, Operand::Number(v)) => {
                let raise = |lo: &mut (Ratio, bool), b: (Ratio, bool)| {
                    if b.0 > lo.0 || (b.0 == lo.0 && !b.1) {
                        *lo = b;
                    }
                };
                let lower = |hi: &mut Option<(Ratio, bool)>, b: (Ratio, bool)| match hi {
                    Some(h) if h.0 < b.0 || (h.0 == b.0 && !h.1) => {}
                    _ => *hi = Some(b),
                };
                match c.cmp {
                    Cmp::Ge => raise(lo, (v, true)),
                    Cmp::Gt => raise(lo, (v, false)),
                    Cmp::Le => lower(hi, (v, true)),
                    Cmp::Lt => lower(hi, (v, false)),
                    Cmp::Eq => {
                        raise(lo, (v, true));
                        lower(hi, (v, true));
                    }
                    Cmp::Ne => return None,
                }
            }
            _ => return None,
        }
    }
    Some(out)
}

/// Finds a step that can never apply: `Err((step, None))` when its own conditions
/// contradict each other, `Err((step, Some(earlier)))` when an earlier step already takes
/// every case it covers (thresholds out of order). Steps are numbered from 1.
pub(crate) fn check_order(steps: &[Step]) -> Result<(), (usize, Option<usize>)> {
    let sets: Vec<_> = steps.iter().map(allowed).collect();
    for (j, sj) in sets.iter().enumerate() {
        let Some(sj) = sj else { continue };
        if sj.iter().any(|(_, a)| a.is_empty()) {
            return Err((j + 1, None));
        }
        for (i, si) in sets[..j].iter().enumerate() {
            let Some(si) = si else { continue };
            let covered = si
                .iter()
                .all(|(m, ai)| sj.iter().any(|(mj, aj)| mj == m && aj.is_subset_of(ai)));
            if covered {
                return Err((j + 1, Some(i + 1)));
            }
        }
    }
    Ok(())
}

/// The largest whole number a per-dossier count rule distinguishes, plus one: every count
/// at or above it scores the same.
pub(crate) fn count_cap(rule: &Rule) -> u64 {
    let consts: Vec<Ratio> = match rule {
        Rule::Thresholds { steps, .. } => steps
            .iter()
            .flat_map(|s| &s.when)
            .filter_map(|c| match c.operand {
                Operand::Number(r) => Some(r),
                Operand::Word(_) => None,
            })
            .collect(),
        Rule::Lookup { table, .. } => table
            .iter()
            .filter_map(|(k, _)| match k {
                Operand::Number(r) => Some(*r),
                Operand::Word(_) => None,
            })
            .collect(),
        Rule::Proportional { .. } => Vec::new(),
    };
    consts
        .iter()
        .map(|r| r.num / r.den)
        .max()
        .map_or(1, |m| m + 1)
}

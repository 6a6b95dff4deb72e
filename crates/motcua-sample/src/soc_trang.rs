//! Profile `soc-trang-2021`: dossiers of Q1 (a few carried over), Q2 and Q3 2021 whose
//! counts reproduce the Sóc Trăng Center's published figures exactly.
//!
//! Every figure is fixed by construction: the totals are split over agencies by exact
//! apportioning, each dossier's outcome is decided first, and its dates are then drawn
//! (with retries) until they agree with the outcome under the given calendar.

use super::Timestamps;
use super::catalog::{AGENCIES, Catalog, SPECS, Spec};
use super::days::{Day, Days};
use super::place::{Builder, Outcome};
use super::plan::{Emitter, Plan};
use super::record::SampleRecord;
use super::rng::{Rng, apportion};
use motcua_core::calendar::Calendar;

const SEED: u64 = 0x5EED_2021_0930;

// Agencies, in the order of AGENCIES:
//   SCT SKHDT SNNPTNT BHXH SGDDT SYT STP SXD SGTVT STNMT SLDTBXH SVHTTDL SNV STC SKHCN STTTT BQLKCN
/// Q3 receipts resolved exactly on their due date (5 in all).
const Q3_ON_TIME: [u32; 17] = [1, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0];
/// Q3 receipts resolved after their due date (2 in all).
const Q3_LATE: [u32; 17] = [0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0];
/// Q3 receipts pending and overdue on 30 September (15 in all).
const Q3_OVERDUE: [u32; 17] = [0, 0, 1, 0, 0, 0, 2, 3, 3, 4, 2, 0, 0, 0, 0, 0, 0];
/// Q2 receipts still pending (overdue) on 30 September (22 in all).
const Q2_STILL_OPEN: [u32; 17] = [0, 0, 3, 0, 0, 0, 2, 5, 4, 6, 2, 0, 0, 0, 0, 0, 0];
/// March receipts still pending on 30 September.
const Q1_STILL_OPEN: [u32; 17] = [0, 0, 1, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0];

/// Dossiers placed first, on in-person and postal receipts: count, outcome, receipt window.
type Special = (u32, Outcome, (Day, Day));
/// Then the others in order: count, outcome, receipt window (`None`: a month of the quarter).
type Rest = (u32, Outcome, Option<(Day, Day)>);

/// How receipts spread over a quarter.
struct Quarter {
    months: [(Day, Day); 3],
    /// Weights of the three months, by channel.
    month_weights: fn(u8) -> [u32; 3],
    /// No in-person receipt before this date.
    in_person_from: Option<Day>,
}

/// Generates the profile into `sink`, in order of receipt.
pub(crate) fn generate(
    calendar: &Calendar,
    timestamps: Timestamps,
    sink: &mut dyn FnMut(&SampleRecord),
) {
    let days = Days::new(calendar);
    let cat = Catalog::new();
    let mut b = Builder {
        cal: calendar,
        days: &days,
        rng: Rng::new(SEED),
        plans: Vec::with_capacity(36_500),
        ext: days.ymd(2021, 10, 8),
    };
    b.q1();
    b.q2();
    b.q3();
    let mut plans = b.plans;
    plans.sort_by_key(|p| (p.recv, p.recv_secs, p.agency));
    let mut em = Emitter::new(&cat, &days, timestamps);
    for p in &plans {
        sink(em.emit(p));
    }
}

fn weights(f: impl Fn(usize, &Spec) -> f64) -> Vec<f64> {
    SPECS.iter().enumerate().map(|(i, s)| f(i, s)).collect()
}

fn as_f64(v: &[u32]) -> Vec<f64> {
    v.iter().map(|&x| f64::from(x)).collect()
}

impl Builder<'_> {
    fn d(&self, m: u32, d: u32) -> Day {
        self.days.ymd(2021, m, d)
    }

    /// The three months of a quarter starting in month `m0`.
    fn months(&self, m0: u32) -> [(Day, Day); 3] {
        let end = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
        std::array::from_fn(|i| {
            let m = m0 + i as u32;
            (self.d(m, 1), self.d(m, end[m as usize]))
        })
    }

    fn q1(&mut self) {
        let q2w = weights(|_, s| f64::from(s.q2));
        let resolved = apportion(320, &q2w);
        let withdrawn = apportion(3, &q2w);
        let win = (self.d(3, 15), self.d(3, 31));
        for a in 0..AGENCIES.len() {
            for k in 0..resolved[a] + withdrawn[a] {
                let ch = [1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 3][self.rng.below(12) as usize];
                let l34 = ch == 2 || self.rng.per_mille(800);
                let out = if k < resolved[a] {
                    Outcome::Early(self.d(4, 1), self.d(6, 30))
                } else {
                    Outcome::Withdrawn(self.d(4, 1), self.d(5, 31))
                };
                self.place(a, ch, l34, win, out);
            }
            for _ in 0..Q1_STILL_OPEN[a] {
                let (win, out) = (
                    (self.d(3, 1), self.d(3, 19)),
                    Outcome::Overdue(self.d(9, 30)),
                );
                self.place(a, 1, true, win, out);
            }
        }
    }

    fn q2(&mut self) {
        let q2w = weights(|_, s| f64::from(s.q2));
        let online = apportion(7670, &weights(|_, s| f64::from(s.q2) * s.online));
        let non_online: Vec<u32> = SPECS.iter().zip(&online).map(|(s, o)| s.q2 - o).collect();
        let below34 = apportion(3400, &weights(|a, s| f64::from(non_online[a]) * s.not_l34));
        let in_person = apportion(12_600, &as_f64(&non_online));
        let carried = apportion(1380, &q2w);
        let carried_withdrawn = apportion(8, &q2w);
        let on_time = apportion(14, &as_f64(&non_online));
        let late = apportion(6, &as_f64(&non_online));
        let withdrawn = apportion(70, &q2w);
        let resolved: Vec<u32> = (0..17)
            .map(|a| {
                SPECS[a].q2 - carried[a] - carried_withdrawn[a] - Q2_STILL_OPEN[a] - withdrawn[a]
            })
            .collect();
        let ratings = apportion(1040, &as_f64(&resolved));
        let not_received = (
            apportion(95, &as_f64(&online)),
            apportion(40, &as_f64(&non_online)),
        );
        let months = self.months(4);
        let (apr1, jun30, sep30) = (self.d(4, 1), self.d(6, 30), self.d(9, 30));
        for a in 0..AGENCIES.len() {
            let entries = self.entries(online[a], non_online[a], in_person[a], below34[a]);
            let specials = [
                (
                    Q2_STILL_OPEN[a],
                    Outcome::Overdue(sep30),
                    (apr1, self.d(6, 15)),
                ),
                (late[a], Outcome::Late(jun30), (apr1, self.d(6, 15))),
                (on_time[a], Outcome::OnTime(jun30), (apr1, self.d(6, 20))),
            ];
            let rest = [
                (
                    carried[a],
                    Outcome::Early(self.d(7, 1), sep30),
                    Some((self.d(6, 10), jun30)),
                ),
                (
                    carried_withdrawn[a],
                    Outcome::Withdrawn(self.d(7, 1), self.d(8, 31)),
                    Some((self.d(6, 14), jun30)),
                ),
                (withdrawn[a], Outcome::Withdrawn(apr1, jun30), None),
                (u32::MAX, Outcome::Early(apr1, jun30), None),
            ];
            let first = self.plans.len();
            let quarter = Quarter {
                months,
                month_weights: |_| [36, 34, 30],
                in_person_from: None,
            };
            self.agency_quarter(a, &entries, &specials, &rest, &quarter);
            self.rate(first, ratings[a], |p| p.close.is_some_and(|c| c.0 <= jun30));
            for _ in 0..not_received.0[a] {
                let win = months[self.rng.below(3) as usize];
                self.place(a, 2, true, win, Outcome::NotReceived(1));
            }
            for _ in 0..not_received.1[a] {
                let win = months[self.rng.below(3) as usize];
                let l34 = self.rng.per_mille(700);
                self.place(a, 1, l34, win, Outcome::NotReceived(3));
            }
        }
    }

    fn q3(&mut self) {
        let q3w = weights(|_, s| f64::from(s.q3));
        let online = apportion(8694, &weights(|_, s| f64::from(s.q3) * s.online));
        let non_online: Vec<u32> = SPECS.iter().zip(&online).map(|(s, o)| s.q3 - o).collect();
        let below34 = apportion(
            12_656 - 11_906,
            &weights(|a, s| f64::from(non_online[a]) * s.not_l34),
        );
        let in_person = apportion(2300, &as_f64(&non_online));
        let resolved = apportion(12_085 - 1380, &q3w);
        let withdrawn = apportion(31, &q3w);
        let ratings = apportion(609, &as_f64(&resolved));
        let not_received = (apportion(64, &as_f64(&online)), apportion(27, &q3w));
        let months = self.months(7);
        let (jul1, sep1, sep30) = (self.d(7, 1), self.d(9, 1), self.d(9, 30));
        for a in 0..AGENCIES.len() {
            let pending = SPECS[a].q3 - resolved[a] - withdrawn[a];
            assert!(
                pending >= Q3_OVERDUE[a],
                "soc-trang-2021: too few pending dossiers"
            );
            let entries = self.entries(online[a], non_online[a], in_person[a], below34[a]);
            // Overdue, late and on-time dossiers are in person or postal; in person only
            // from September (no in-person receipt in July and August 2021).
            let specials = [
                (
                    Q3_OVERDUE[a],
                    Outcome::Overdue(sep30),
                    (jul1, self.d(9, 10)),
                ),
                (Q3_LATE[a], Outcome::Late(sep30), (jul1, self.d(9, 10))),
                (Q3_ON_TIME[a], Outcome::OnTime(sep30), (jul1, self.d(9, 15))),
            ];
            let rest = [
                (
                    pending - Q3_OVERDUE[a],
                    Outcome::Within(sep30),
                    Some((self.d(9, 16), sep30)),
                ),
                (withdrawn[a], Outcome::Withdrawn(jul1, sep30), None),
                (u32::MAX, Outcome::Early(jul1, sep30), None),
            ];
            let first = self.plans.len();
            let quarter = Quarter {
                months,
                month_weights: |ch| match ch {
                    1 => [0, 0, 100],
                    2 => [33, 27, 40],
                    _ => [40, 35, 25],
                },
                in_person_from: Some(sep1),
            };
            self.agency_quarter(a, &entries, &specials, &rest, &quarter);
            assert!(
                self.plans[first..]
                    .iter()
                    .all(|p| p.channel != 1 || p.recv >= sep1),
                "soc-trang-2021: an in-person receipt before September"
            );
            self.rate(first, ratings[a], |p| {
                matches!(p.status, 9 | 10) && p.close.is_some_and(|c| c.0 <= sep30)
            });
            for _ in 0..not_received.0[a] + not_received.1[a] {
                let win = months[self.rng.weighted(&[33, 27, 40])];
                let status = if self.rng.per_mille(700) { 1 } else { 3 };
                self.place(a, 2, true, win, Outcome::NotReceived(status));
            }
        }
    }

    /// `(channel, level 3/4)` of an agency's receipts in a quarter, shuffled.
    fn entries(
        &mut self,
        online: u32,
        non_online: u32,
        in_person: u32,
        below34: u32,
    ) -> Vec<(u8, bool)> {
        assert!(
            in_person <= non_online && below34 <= non_online,
            "soc-trang-2021: inconsistent split"
        );
        let mut rest: Vec<(u8, bool)> = (0..non_online)
            .map(|i| (if i < in_person { 1 } else { 3 }, true))
            .collect();
        self.rng.shuffle(&mut rest);
        for e in rest.iter_mut().take(below34 as usize) {
            e.1 = false;
        }
        let mut all: Vec<(u8, bool)> = (0..online).map(|_| (2, true)).collect();
        all.extend(rest);
        self.rng.shuffle(&mut all);
        all
    }

    /// Places an agency's receipts of a quarter: `specials` go to in-person and postal
    /// dossiers first, then `rest` in order.
    fn agency_quarter(
        &mut self,
        a: usize,
        entries: &[(u8, bool)],
        specials: &[Special],
        rest: &[Rest],
        q: &Quarter,
    ) {
        let mut special = specials
            .iter()
            .flat_map(|(n, o, w)| std::iter::repeat_n((*o, *w), *n as usize));
        let mut taken = vec![false; entries.len()];
        for (i, &(ch, l34)) in entries.iter().enumerate() {
            if ch == 2 {
                continue;
            }
            let Some((out, mut win)) = special.next() else {
                break;
            };
            if let Some(from) = q.in_person_from.filter(|_| ch == 1) {
                win.0 = win.0.max(from);
            }
            self.place(a, ch, l34, win, out);
            taken[i] = true;
        }
        assert!(
            special.next().is_none(),
            "soc-trang-2021: not enough in-person or postal dossiers"
        );
        let mut quota = rest.iter().map(|r| r.0).collect::<Vec<_>>();
        let mut k = 0;
        for (i, &(ch, l34)) in entries.iter().enumerate() {
            if taken[i] {
                continue;
            }
            while quota[k] == 0 {
                k += 1;
            }
            quota[k] -= 1;
            let (_, out, win) = rest[k];
            let win = win.unwrap_or_else(|| q.months[self.rng.weighted(&(q.month_weights)(ch))]);
            self.place(a, ch, l34, win, out);
        }
    }

    /// Rates `n` of the plans from `first` on that `eligible` accepts: in-person and postal
    /// ones first (the rating machine is at the desk), then online ones.
    fn rate(&mut self, first: usize, n: u32, eligible: impl Fn(&Plan) -> bool) {
        let mut left = n;
        for online in [false, true] {
            for i in first..self.plans.len() {
                if left == 0 {
                    return;
                }
                let p = self.plans[i];
                if (p.channel == 2) == online && eligible(&p) && p.rating == 0 {
                    self.plans[i].rating = if self.rng.per_mille(740) { 3 } else { 2 };
                    left -= 1;
                }
            }
        }
        assert_eq!(
            left, 0,
            "soc-trang-2021: not enough resolved dossiers to rate"
        );
    }
}

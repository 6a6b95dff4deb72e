//! Profile `random:ROWS[:SEED]`: realistic dossiers of 2021–2022 in any number, streamed
//! in constant memory, for benchmarks and load tests.

use super::Timestamps;
use super::catalog::{AGENCIES, Catalog, SPECS, pick_proc};
use super::days::{Day, Days};
use super::plan::{Emitter, Plan, finish, receipt_time};
use super::record::SampleRecord;
use super::rng::{Rng, apportion};
use motcua_core::calendar::Calendar;

/// Generates `rows` rows for `seed` into `sink`.
pub(crate) fn generate(
    rows: u64,
    seed: u64,
    calendar: &Calendar,
    timestamps: Timestamps,
    sink: &mut dyn FnMut(&SampleRecord),
) {
    let days = Days::new(calendar);
    let cat = Catalog::new();
    let mut em = Emitter::new(&cat, &days, timestamps);
    let mut g = Gen::new(&days, seed);
    for _ in 0..rows {
        let p = g.plan();
        sink(em.emit(&p));
    }
}

struct Gen<'a> {
    days: &'a Days,
    rng: Rng,
    /// Agency of each 1/1024 of the volume, skewed like the Center's.
    agency_of: [u8; 1024],
    /// Per mille filed online, by agency (about 60 % in all).
    online: [u32; 17],
    /// Per mille of non-online dossiers below level 3, by agency.
    below34: [u32; 17],
    start: Day,
    span: u32,
    /// The extraction date: nothing closes after it.
    ext: Day,
    /// No in-person receipt in July and August 2021 (COVID-19 distancing).
    closed: (Day, Day),
}

impl<'a> Gen<'a> {
    fn new(days: &'a Days, seed: u64) -> Self {
        let volumes: Vec<f64> = SPECS.iter().map(|s| f64::from(s.q2 + s.q3)).collect();
        let mut agency_of = [0u8; 1024];
        let mut i = 0;
        for (a, n) in apportion(1024, &volumes).into_iter().enumerate() {
            for _ in 0..n {
                agency_of[i] = a as u8;
                i += 1;
            }
        }
        let start = days.ymd(2021, 1, 1);
        Self {
            days,
            rng: Rng::new(seed ^ 0x5241_4E44_4F4D_0001),
            agency_of,
            online: std::array::from_fn(|a| ((SPECS[a].online * 830.0) as u32).min(950)),
            below34: std::array::from_fn(|a| (SPECS[a].not_l34 * 1000.0) as u32),
            start,
            span: u32::from(days.ymd(2022, 12, 31) - start) + 1,
            ext: days.ymd(2023, 1, 9),
            closed: (days.ymd(2021, 7, 1), days.ymd(2021, 8, 31)),
        }
    }

    /// A working day in `[lo, hi]`, nearer `lo` more often; `lo` when there is none.
    fn close_day(&mut self, lo: Day, hi: Day) -> Day {
        let n = self.days.working_in(lo, hi);
        if n == 0 {
            return lo;
        }
        let k = self.rng.below(n).min(self.rng.below(n));
        self.days.nth_working_from(lo, k)
    }

    fn plan(&mut self) -> Plan {
        let days = self.days;
        let rng = &mut self.rng;
        let agency = self.agency_of[rng.below(1024) as usize] as usize;
        let spec = &SPECS[agency];
        let draw = rng.below(1000);
        let online = self.online[agency];
        let mut ch = if draw < online {
            2
        } else if draw < online + (1000 - online) * 85 / 100 {
            1
        } else {
            3
        };
        let mut day = self.start;
        for _ in 0..8 {
            day = self.start + rng.below(self.span) as Day;
            let ok = days.is_working(day)
                || match ch {
                    2 => rng.per_mille(300),
                    1 => days.weekday(day) == 5 && rng.per_mille(60),
                    _ => false,
                };
            if ok {
                break;
            }
        }
        if ch == 1 && self.closed.0 <= day && day <= self.closed.1 {
            ch = 3;
        }
        let working = days.is_working(day);
        let secs = receipt_time(rng, ch, working);
        let l34 = ch == 2 || !rng.per_mille(self.below34[agency]);
        let proc_ = pick_proc(rng, l34);
        let due = days.due(day, secs, u32::from(spec.limits[proc_ as usize]));
        let mut p = Plan {
            agency: agency as u8,
            proc_,
            channel: ch,
            recv: day,
            recv_secs: secs,
            due,
            style: rng.bits(),
            ..Plan::default()
        };
        let first = if secs >= days.cutoff() { day + 1 } else { day };
        let v = rng.below(10_000);
        let close = if v < 200 {
            p.status = if ch == 2 && v < 140 { 1 } else { 3 };
            None
        } else if v < 290 {
            p.status = if v < 230 { 8 } else { 7 };
            Some(first + rng.below(12) as Day)
        } else {
            let recent = u32::from(due) + 5 > u32::from(self.ext);
            if (recent && rng.per_mille(450)) || (!recent && rng.below(10_000) < 40) {
                p.status = if recent {
                    [2, 4, 4, 4, 5, 6][rng.below(6) as usize]
                } else {
                    4 + rng.below(2) as u8
                };
                None
            } else {
                let w = rng.below(1000);
                let c = if w < 970 {
                    let hi = due.saturating_sub(1).min(self.ext);
                    if first <= hi {
                        self.close_day(first, hi)
                    } else {
                        due
                    }
                } else if w < 990 {
                    due
                } else {
                    days.add_working(due, 1 + self.rng.below(8))
                };
                p.status = if self.rng.per_mille(800) { 10 } else { 9 };
                Some(c)
            }
        };
        let rng = &mut self.rng;
        match close {
            Some(c) if c <= self.ext => {
                let t = rng.between(7 * 3600 + 1800, 17 * 3600);
                let t = if c == day { t.max(secs) } else { t };
                p.close = Some((c, t));
                if p.status == 10 {
                    p.ret_only = rng.per_mille(100);
                    let rd = days.add_working(c, rng.below(3));
                    p.ret = Some((
                        rd,
                        if rd == c {
                            t
                        } else {
                            rng.between(7 * 3600 + 1800, 17 * 3600)
                        },
                    ));
                }
                if matches!(p.status, 9 | 10) && rng.per_mille(50) {
                    p.rating = match rng.below(100) {
                        0..70 => 3,
                        70..98 => 2,
                        _ => 1,
                    };
                }
            }
            Some(_) => p.status = 4,
            None => {}
        }
        finish(rng, &mut p, spec);
        debug_assert!(agency < AGENCIES.len());
        p
    }
}

//! Drawing one dossier of the `soc-trang-2021` profile with a decided outcome: receipt,
//! procedure and dates are drawn again until they agree with the outcome under the calendar.

use super::catalog::{AGENCIES, SPECS, pick_proc};
use super::days::{Day, Days};
use super::plan::{Plan, finish, receipt_time};
use super::rng::Rng;
use motcua_core::calendar::Calendar;

/// What happens to a dossier; days bound the closing date.
#[derive(Debug, Clone, Copy)]
pub(super) enum Outcome {
    /// Resolved before its due date, closing in `[lo, hi]`.
    Early(Day, Day),
    /// Resolved on its due date, at the latest `hi`.
    OnTime(Day),
    /// Resolved after its due date, at the latest `hi`.
    Late(Day),
    /// Still open at `to` and not overdue then (it may close after `to`).
    Within(Day),
    /// Still open at the extraction, overdue at `to`.
    Overdue(Day),
    /// Withdrawn or stopped, closing in `[lo, hi]`.
    Withdrawn(Day, Day),
    /// Status 1 or 3.
    NotReceived(u8),
}

pub(super) struct Builder<'a> {
    pub cal: &'a Calendar,
    pub days: &'a Days,
    pub rng: Rng,
    pub plans: Vec<Plan>,
    /// The extraction date: nothing closes after it.
    pub ext: Day,
}

impl Builder<'_> {
    /// A receipt time on a date in `win` suited to the channel.
    pub(super) fn receipt(&mut self, ch: u8, win: (Day, Day)) -> (Day, u32) {
        for _ in 0..64 {
            let d = win.0 + self.rng.below(u32::from(win.1 - win.0) + 1) as Day;
            let working = self.days.is_working(d);
            let saturday = self.days.weekday(d) == 5;
            let ok = working
                || match ch {
                    2 => self.rng.per_mille(150),
                    1 => saturday && self.rng.per_mille(60),
                    _ => false,
                };
            if ok {
                return (d, receipt_time(&mut self.rng, ch, working));
            }
        }
        (win.0, 9 * 3600)
    }

    fn office_time(&mut self) -> u32 {
        self.rng.between(7 * 3600 + 1800, 17 * 3600)
    }

    /// Draws a dossier of agency `a` with outcome `out` and keeps it.
    pub(super) fn place(&mut self, a: usize, ch: u8, l34: bool, win: (Day, Day), out: Outcome) {
        let days = self.days;
        for _ in 0..500 {
            let proc_ = pick_proc(&mut self.rng, l34);
            let limit = u32::from(SPECS[a].limits[proc_ as usize]);
            let (r, secs) = self.receipt(ch, win);
            let due = days.index(self.cal.due_date(&days.timestamp(r, secs), limit));
            let mut p = Plan {
                agency: a as u8,
                proc_,
                channel: ch,
                recv: r,
                recv_secs: secs,
                due,
                style: self.rng.bits(),
                ..Plan::default()
            };
            let close = match out {
                Outcome::Early(lo, hi) => {
                    let first = if secs >= days.cutoff() { r + 1 } else { r };
                    let (lo, hi) = (lo.max(first), hi.min(due.saturating_sub(1)));
                    if lo > hi {
                        continue;
                    }
                    let count = days.working_in(lo, hi);
                    let k = self
                        .rng
                        .below(count.max(1))
                        .min(self.rng.below(count.max(1)));
                    Some(if count == 0 {
                        lo
                    } else {
                        days.nth_working_from(lo, k)
                    })
                }
                Outcome::OnTime(hi) if due <= hi => Some(due),
                Outcome::Late(hi) => {
                    let c = days.add_working(due, 1 + self.rng.below(3));
                    if c > hi {
                        continue;
                    }
                    Some(c)
                }
                Outcome::Within(to) if due >= to => {
                    p.status = [2, 4, 4, 4, 4, 4, 5, 5, 6, 0][self.rng.below(10) as usize];
                    (p.status == 0).then(|| {
                        days.nth_working_from(
                            to + 1,
                            self.rng.below(days.working_in(to + 1, self.ext)),
                        )
                    })
                }
                Outcome::Overdue(to) if due < to => {
                    p.status = if self.rng.per_mille(600) { 4 } else { 5 };
                    None
                }
                Outcome::Withdrawn(lo, hi) => {
                    let lo = lo.max(r);
                    let hi = hi.min(days.add_working(lo, 12));
                    if lo > hi {
                        continue;
                    }
                    p.status = if self.rng.per_mille(650) { 7 } else { 8 };
                    Some(lo + self.rng.below(u32::from(hi - lo) + 1) as Day)
                }
                Outcome::NotReceived(s) => {
                    p.status = s;
                    None
                }
                _ => continue,
            };
            if let Some(c) = close {
                if p.status == 0
                    || matches!(
                        out,
                        Outcome::Early(..) | Outcome::OnTime(_) | Outcome::Late(_)
                    )
                {
                    p.status = if self.rng.per_mille(820) { 10 } else { 9 };
                }
                let mut t = self.office_time();
                if c == r {
                    t = t.max(secs);
                }
                p.close = Some((c, t));
                if p.status == 10 {
                    p.ret_only = self.rng.per_mille(100);
                    let rd = days.add_working(c, self.rng.below(3));
                    let rt = if rd == c {
                        t.max(self.office_time())
                    } else {
                        self.office_time()
                    };
                    p.ret = Some((rd, rt));
                }
            }
            finish(&mut self.rng, &mut p, &SPECS[a]);
            self.plans.push(p);
            return;
        }
        panic!(
            "soc-trang-2021: cannot place a dossier of {} ({out:?})",
            AGENCIES[a].0
        );
    }
}

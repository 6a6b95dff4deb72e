//! Working-day arithmetic of the built-in Vietnamese calendar, per call (goal: ≤ 20 ns).
//!
//! Inputs are 4096 pseudo-random receipts of 2019–2030 (dates, times on either side of the
//! cutoff, some without a time) and limits of 0–60 working days, cycled through so that the
//! branch predictor and caches see realistic variety. Criterion reports the time of one call.

use std::hint::black_box;

use chrono::{Days, NaiveDate, NaiveTime};
use criterion::{Criterion, criterion_group, criterion_main};
use motcua_core::calendar::Calendar;
use motcua_core::timestamp::Timestamp;

const N: usize = 4096;

/// A small deterministic generator (64-bit LCG, high bits).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, bound: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % bound
    }
}

struct Inputs {
    received: Vec<Timestamp>,
    days: Vec<u32>,
    pairs: Vec<(NaiveDate, NaiveDate)>,
}

fn inputs() -> Inputs {
    let first = NaiveDate::from_ymd_opt(2019, 1, 1).unwrap();
    let mut rng = Lcg(2021);
    let date = |rng: &mut Lcg| first + Days::new(rng.next(12 * 365));
    let mut received = Vec::with_capacity(N);
    let mut days = Vec::with_capacity(N);
    let mut pairs = Vec::with_capacity(N);
    for _ in 0..N {
        let d = date(&mut rng);
        let minutes = rng.next(24 * 60) as u32;
        let time = NaiveTime::from_hms_opt(minutes / 60, minutes % 60, 0).unwrap();
        let time = (rng.next(4) != 0).then_some(time);
        received.push(Timestamp { date: d, time });
        days.push(rng.next(61) as u32);
        let a = date(&mut rng);
        let b = date(&mut rng);
        pairs.push((a, b));
    }
    Inputs {
        received,
        days,
        pairs,
    }
}

fn bench(crit: &mut Criterion) {
    let cal = Calendar::vn();
    let inp = inputs();
    let mut group = crit.benchmark_group("calendar");

    group.bench_function("due_date", |bencher| {
        let mut at = 0;
        bencher.iter(|| {
            at = (at + 1) % N;
            black_box(cal.due_date(black_box(&inp.received[at]), black_box(inp.days[at])))
        });
    });
    group.bench_function("working_days_between", |bencher| {
        let mut at = 0;
        bencher.iter(|| {
            at = (at + 1) % N;
            let (from, to) = inp.pairs[at];
            black_box(cal.working_days_between(black_box(from), black_box(to)))
        });
    });
    group.bench_function("add_working_days", |bencher| {
        let mut at = 0;
        bencher.iter(|| {
            at = (at + 1) % N;
            black_box(
                cal.add_working_days(black_box(inp.received[at].date), black_box(inp.days[at])),
            )
        });
    });
    group.bench_function("is_working_day", |bencher| {
        let mut at = 0;
        bencher.iter(|| {
            at = (at + 1) % N;
            black_box(cal.is_working_day(black_box(inp.received[at].date)))
        });
    });
    group.bench_function("due_date_walking_day_by_day", |bencher| {
        // The baseline the tables replace: a walk of `is_working_day` calls.
        let mut at = 0;
        bencher.iter(|| {
            at = (at + 1) % N;
            let receipt = &inp.received[at];
            let mut due = cal.effective_receipt_date(black_box(receipt));
            let mut left = inp.days[at];
            while left > 0 {
                due = due.succ_opt().unwrap();
                if cal.is_working_day(due) {
                    left -= 1;
                }
            }
            black_box(due)
        });
    });
    group.sample_size(20);
    group.bench_function("construct_vn", |bencher| {
        bencher.iter(|| black_box(Calendar::vn()));
    });
    group.bench_function("construct_blank", |bencher| {
        bencher.iter(|| black_box(Calendar::blank()));
    });
    group.bench_function("year_2024_json_view", |bencher| {
        bencher.iter(|| black_box(cal.year(2024)));
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

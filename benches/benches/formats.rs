//! Reading the dossier table from the portal's JSON Lines (goal: ≥ 100 MB/s) and from an
//! Excel workbook (goal: ≥ 200 000 rows/s), one core, from memory; CSV on one core for
//! comparison.

use std::hint::black_box;
use std::io::Cursor;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use motcua_core::calendar::Calendar;
use motcua_io::dossiers::{ReadOptions, read_dossiers};
use motcua_io::{portal, tables, xlsx};
use motcua_sample::{HEADER, Profile, generate};

fn rows(n: u64) -> Vec<Vec<String>> {
    let mut rows = Vec::with_capacity(n as usize);
    generate(
        &Profile::Random { rows: n, seed: 7 },
        &Calendar::vn(),
        |r| rows.push(r.fields().map(str::to_owned).collect()),
    );
    rows
}

/// CPU time of this thread, in seconds (Linux), so that a busy machine still gives a
/// fair figure; `None` elsewhere.
fn cpu_seconds() -> Option<f64> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = text.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}

/// Prints the best of three runs of `f` in CPU time, as `amount / s`.
fn cpu_rate(what: &str, amount: f64, unit: &str, mut f: impl FnMut()) {
    let mut best = f64::INFINITY;
    for _ in 0..3 {
        let Some(t0) = cpu_seconds() else { return };
        f();
        let Some(t1) = cpu_seconds() else { return };
        best = best.min(t1 - t0);
    }
    eprintln!(
        "{what}: {:.0} {unit}/s of CPU time (best of 3)",
        amount / best
    );
}

fn bench(c: &mut Criterion) {
    let cal = Calendar::vn();
    let rows = rows(200_000);
    let jsonl = tables::portal_jsonl(&HEADER, &rows);
    let mut csv = HEADER.join(",");
    csv.push('\n');
    for r in &rows {
        csv.push_str(&r.join(","));
        csv.push('\n');
    }
    let book = tables::to_xlsx("Hồ sơ", &HEADER, &rows).expect("the workbook is written");

    let mb = |n: usize| n as f64 / 1e6;
    cpu_rate("portal JSON Lines", mb(jsonl.len()), "MB", || {
        black_box(
            portal::read_dossiers(
                jsonl.as_bytes(),
                &cal,
                &ReadOptions::default(),
                &|_| {},
                |_| {},
            )
            .unwrap(),
        );
    });
    cpu_rate("CSV, one thread", mb(csv.len()), "MB", || {
        black_box(
            read_dossiers(
                csv.as_bytes(),
                &cal,
                &ReadOptions::default(),
                &|_| {},
                |_| {},
            )
            .unwrap(),
        );
    });
    cpu_rate("xlsx", rows.len() as f64, "rows", || {
        black_box(
            xlsx::read_dossiers(
                Cursor::new(&book[..]),
                None,
                &cal,
                &ReadOptions::parallel(),
                |_| {},
            )
            .unwrap(),
        );
    });

    let mut g = c.benchmark_group("read");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(jsonl.len() as u64));
    g.bench_function("portal_jsonl_bytes", |b| {
        b.iter(|| {
            let mut n = 0u64;
            let ing = portal::read_dossiers(
                black_box(jsonl.as_bytes()),
                &cal,
                &ReadOptions::default(),
                &|_| {},
                |_| {
                    n += 1;
                },
            )
            .unwrap();
            black_box((n, ing.input.rows))
        });
    });
    g.throughput(Throughput::Bytes(csv.len() as u64));
    g.bench_function("csv_one_thread_bytes", |b| {
        b.iter(|| {
            let mut n = 0u64;
            let ing = read_dossiers(
                black_box(csv.as_bytes()),
                &cal,
                &ReadOptions::default(),
                &|_| {},
                |_| n += 1,
            )
            .unwrap();
            black_box((n, ing.input.rows))
        });
    });
    g.throughput(Throughput::Elements(rows.len() as u64));
    g.bench_function("xlsx_rows", |b| {
        b.iter(|| {
            let mut n = 0u64;
            let ing = xlsx::read_dossiers(
                Cursor::new(black_box(&book[..])),
                None,
                &cal,
                &ReadOptions::parallel(),
                |_| {
                    n += 1;
                },
            )
            .unwrap();
            black_box((n, ing.input.rows))
        });
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

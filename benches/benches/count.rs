//! Classifying and counting dossiers already in memory (goal: ≥ 20 million dossiers/s on
//! one core), and reading CSV from memory.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use motcua_core::calendar::Calendar;
use motcua_core::count::Counter;
use motcua_core::period::Period;
use motcua_io::dossiers::{ReadOptions, read_dataset};
use motcua_sample::{HEADER, Profile, generate};

fn sample_csv(rows: u64) -> String {
    let mut buf = HEADER.join(",");
    buf.push('\n');
    generate(&Profile::Random { rows, seed: 7 }, &Calendar::vn(), |r| {
        r.write_csv_row(&mut buf);
    });
    buf
}

fn bench(c: &mut Criterion) {
    let cal = Calendar::vn();
    let csv = sample_csv(1_000_000);
    let ds = read_dataset(csv.as_bytes(), &cal, &ReadOptions::default()).expect("sample reads");
    let q3: Period = "2021-Q3".parse().unwrap();
    let periods = [q3, q3.previous().unwrap()];

    let mut g = c.benchmark_group("count");
    g.throughput(Throughput::Elements(ds.dossiers.len() as u64));
    g.bench_function("classify_and_count_one_period", |b| {
        b.iter(|| {
            let mut counter = Counter::new(&periods[..1]);
            counter.count_all(black_box(&ds.dossiers));
            black_box(counter)
        });
    });
    g.bench_function("classify_and_count_period_and_previous", |b| {
        b.iter(|| {
            let mut counter = Counter::new(&periods);
            counter.count_all(black_box(&ds.dossiers));
            black_box(counter)
        });
    });
    g.finish();

    let mut g = c.benchmark_group("read_csv");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(csv.len() as u64));
    for threads in [1, 2] {
        g.bench_function(format!("threads_{threads}"), |b| {
            let opts = ReadOptions {
                threads,
                ..ReadOptions::default()
            };
            b.iter(|| {
                let mut n = 0u64;
                motcua_io::dossiers::read_dossiers(csv.as_bytes(), &cal, &opts, &|_| {}, |_| {
                    n += 1;
                })
                .unwrap();
                black_box(n)
            });
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

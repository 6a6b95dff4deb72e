//! Benchmarks of motcua live in `benches/`; run them with `cargo bench -p motcua-benches`.

//! Fuzz target `parquet`: the contract's invariants hold on any input (see
//! `tests/src/fuzz_checks.rs`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    motcua_tests::fuzz_checks::let_motcua_contain_panics();
    if let Err(broken) = motcua_tests::fuzz_checks::check("parquet", data) {
        panic!("{broken}");
    }
});

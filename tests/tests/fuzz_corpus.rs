//! Replays the fuzz targets' checked-in corpora (`fuzz/corpus/<target>/`) and every past
//! crash (`fuzz/regressions/<target>/`) through the same invariant checks as the targets,
//! with plain `cargo test`: no panic, `rows = used + rejected + not_received`, the count
//! identity, every error's line inside the file.

use std::path::PathBuf;

use motcua_io::internal::contain;
use motcua_tests::fuzz_checks::{TARGETS, check};

fn fuzz_dir(kind: &str, target: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../fuzz")
        .join(kind)
        .join(target)
}

fn files(kind: &str, target: &str) -> Vec<PathBuf> {
    let Ok(dir) = std::fs::read_dir(fuzz_dir(kind, target)) else {
        return Vec::new();
    };
    let mut v: Vec<PathBuf> = dir.filter_map(|e| e.ok().map(|e| e.path())).collect();
    v.sort();
    v
}

fn replay(kind: &str) -> (usize, Vec<String>) {
    let mut n = 0;
    let mut broken = Vec::new();
    for target in TARGETS {
        for path in files(kind, target) {
            let data = std::fs::read(&path).unwrap();
            n += 1;
            match contain(|| check(target, &data)) {
                Ok(Ok(())) => {}
                Ok(Err(e)) => broken.push(format!("{}: {e}", path.display())),
                Err(e) => broken.push(format!("{}: panic: {e}", path.display())),
            }
        }
    }
    (n, broken)
}

#[test]
fn every_target_has_a_seed_corpus() {
    for target in TARGETS {
        assert!(
            files("corpus", target).iter().any(|p| p
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("seed-"))),
            "no seed for {target}"
        );
    }
}

#[test]
fn the_corpus_keeps_the_invariants() {
    let (n, broken) = replay("corpus");
    assert!(n >= TARGETS.len());
    assert!(broken.is_empty(), "{}", broken.join("\n"));
}

#[test]
fn past_crashes_stay_fixed() {
    let (n, broken) = replay("regressions");
    assert!(n >= 3);
    assert!(broken.is_empty(), "{}", broken.join("\n"));
}

#[test]
fn the_checks_catch_a_broken_invariant() {
    use motcua_core::dossier::InputSummary;
    use motcua_core::record::{ErrorKind, RowError};
    use motcua_io::input::InputFormat;
    use motcua_tests::fuzz_checks::{lines, summary};

    assert_eq!(lines(b"a\r\nb\rc\n"), 4);
    let file = b"MaHoSo\r\nH1\r\n";
    let mut s = InputSummary {
        rows: 1,
        rejected: 1,
        errors: vec![RowError::new(2, None, ErrorKind::Missing, "x")],
        ..InputSummary::default()
    };
    assert!(summary(&s, InputFormat::Csv, file).is_ok());
    s.errors[0].line = 4; // the file has 3 lines
    assert!(summary(&s, InputFormat::Csv, file).is_err());
    s.errors[0].line = 2;
    s.used = 1; // rows != used + rejected + not_received
    assert!(summary(&s, InputFormat::Csv, file).is_err());
}

/// The columnar seeds are real tables, not bytes the readers refuse at once: written by
/// pyarrow from `tests/fixtures/profiles/contract.csv`, each reads as that CSV's rows.
#[test]
fn the_columnar_seeds_read_as_the_csv_they_were_written_from() {
    use motcua_core::calendar::Calendar;
    use motcua_io::input::{InputFormat, InputOptions, read_bytes};

    let cal = Calendar::vn();
    let opts = InputOptions::default();
    let csv = std::fs::read(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures/profiles/contract.csv"),
    )
    .unwrap();
    let want = read_bytes(InputFormat::Csv, &csv, &cal, &opts, |_| {}).unwrap();
    assert!(want.input.used > 0);
    let mut seen = 0;
    for (target, format) in [
        ("arrow_ipc", InputFormat::Arrow),
        ("parquet", InputFormat::Parquet),
    ] {
        for path in files("corpus", target) {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if !name.starts_with("seed-contract") {
                continue;
            }
            let got = read_bytes(format, &std::fs::read(&path).unwrap(), &cal, &opts, |_| {})
                .unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(
                (got.input.rows, got.input.used, got.input.rejected),
                (want.input.rows, want.input.used, want.input.rejected),
                "{name}"
            );
            seen += 1;
        }
    }
    assert_eq!(seen, 6);
}

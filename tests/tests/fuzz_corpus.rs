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

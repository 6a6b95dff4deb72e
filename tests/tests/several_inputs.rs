//! Several `--input` files read as one input (monthly exports): the same report as the
//! rows in one file, a code repeated in a later file rejected there, each bad row naming
//! its file and its line in that file.

use std::path::{Path, PathBuf};

use motcua_io::tables;
use motcua_tests::{data, motcua, stderr};
use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_motcua-under-test");

/// The example's header and data lines.
fn example() -> (String, Vec<String>) {
    let text = std::fs::read_to_string(data("example.csv")).unwrap();
    let mut lines = text.lines().map(str::to_owned);
    let header = lines.next().unwrap();
    (header, lines.collect())
}

/// The example cut in two files: its first 8 data rows (E01–E08), and the other 8 (E09
/// onwards, with the second E01, the duplicate, on the 7th data row of the second file).
fn halves(dir: &Path) -> (PathBuf, PathBuf) {
    let (header, rows) = example();
    let write = |name: &str, rows: &[String]| {
        let p = dir.join(name);
        std::fs::write(&p, format!("{header}\n{}\n", rows.join("\n"))).unwrap();
        p
    };
    (write("07.csv", &rows[..8]), write("08.csv", &rows[8..]))
}

fn report(inputs: &[&Path], extra: &[&str]) -> std::process::Output {
    let cal = data("example.calendar.toml");
    let mut args = vec!["report"];
    for p in inputs {
        args.extend(["--input", p.to_str().unwrap()]);
    }
    args.extend([
        "--period",
        "2021-Q3",
        "--calendar",
        cal.to_str().unwrap(),
        "--format",
        "json",
    ]);
    args.extend_from_slice(extra);
    motcua(BIN, &args)
}

fn json(out: &std::process::Output) -> Value {
    assert!(out.status.success(), "{}", stderr(out));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn two_files_give_the_report_of_one() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = halves(dir.path());
    let one = json(&report(&[&data("example.csv")], &[]));
    let mut two = json(&report(&[&a, &b], &[]));
    // the contract's figures for the example (tests/data/example.2021-Q3.json)
    let expected: Value =
        serde_json::from_str(&std::fs::read_to_string(data("example.2021-Q3.json")).unwrap())
            .unwrap();
    for k in ["rows", "used", "rejected", "not_received"] {
        assert_eq!(two["input"][k], expected["input"][k], "{k}");
    }
    assert_eq!(two["total"], expected["total"]);
    // the bad rows are lines 14, 15 (the duplicate E01) and 16 of the one file: lines 6, 7
    // and 8 of the second
    let errors = two["input"]["errors"].as_array_mut().unwrap();
    let lines: Vec<u64> = errors.iter().map(|e| e["line"].as_u64().unwrap()).collect();
    assert_eq!(lines, [6, 7, 8]);
    assert!(errors[1]["message"].as_str().unwrap().contains("E01"));
    for e in errors.iter_mut() {
        assert_eq!(e["file"].as_str(), Some(b.to_str().unwrap()), "{e}");
        let o = e.as_object_mut().unwrap();
        o.remove("file");
        o["line"] = Value::from(o["line"].as_u64().unwrap() + 8);
    }
    assert_eq!(two, one);
}

#[test]
fn the_files_may_be_of_different_formats() {
    let dir = tempfile::tempdir().unwrap();
    let (a, _) = halves(dir.path());
    let (header, rows) = example();
    let header: Vec<&str> = header.split(',').collect();
    let cells: Vec<Vec<&str>> = rows[8..]
        .iter()
        .map(|l| l.split(',').map(|f| f.trim_matches('"')).collect())
        .collect();
    let xlsx = dir.path().join("08.xlsx");
    std::fs::write(&xlsx, tables::to_xlsx("Hồ sơ", &header, &cells).unwrap()).unwrap();
    let csv = json(&report(&[&data("example.csv")], &[]));
    let mixed = json(&report(&[&a, &xlsx], &[]));
    assert_eq!(mixed["total"], csv["total"]);
    assert_eq!(mixed["agencies"], csv["agencies"]);
    let e = &mixed["input"]["errors"][1];
    // a workbook numbers rows as Excel does: the header is row 1
    assert_eq!(
        (e["sheet"].as_str(), e["line"].as_u64()),
        (Some("Hồ sơ"), Some(7))
    );
    assert!(e["file"].as_str().unwrap().ends_with("08.xlsx"), "{e}");
}

#[test]
fn strict_mode_names_the_file_of_the_first_bad_row() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = halves(dir.path());
    let out = report(&[&a, &b], &["--strict"]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(
        err.contains(b.to_str().unwrap()) && err.contains("line 6"),
        "{err}"
    );
}

#[test]
fn standard_input_is_not_one_of_several() {
    let dir = tempfile::tempdir().unwrap();
    let (a, _) = halves(dir.path());
    let out = report(&[&a, Path::new("-")], &[]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("each must be a file"),
        "{}",
        stderr(&out)
    );
}

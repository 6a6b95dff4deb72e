//! `--deadline-from deciding-agency` (Decree 309/2026): the time limit runs from
//! `NgayTiepNhanCoQuanGiaiQuyet` when a row gives it; the receipt date of the counts stays
//! `NgayTiepNhan`. Expected counts worked out by hand on the built-in calendar (1–5 April
//! 2024 are working days, Monday to Friday).

use std::path::Path;
use std::sync::Arc;

use arrow_array::{ArrayRef, RecordBatch, StringArray};
use motcua_io::tables;
use motcua_tests::{motcua, stderr};
use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_motcua-under-test");

// D1: received Mon 04-01, by the deciding agency Wed 04-03, 2 working days, closed Thu 04-04:
//     from the receipt due Wed 04-03 (late); from the deciding agency due Fri 04-05 (early).
// D2: no deciding-agency date: received Mon 04-01, 2 days → due Wed 04-03, closed Wed 04-03
//     (on time) either way.
const CSV: &str = "MaHoSo,DonViXuLy,KenhThucHien,NgayTiepNhan,NgayTiepNhanCoQuanGiaiQuyet,ThoiHanGiaiQuyet,NgayKetThucXuLy,TrangThaiHoSo\n\
D1,STP,1,2024-04-01 09:00,2024-04-03 09:00,2,2024-04-04 16:00,10\n\
D2,STP,1,2024-04-01 09:00,,2,2024-04-03 16:00,10\n";

fn report(extra: &[&str]) -> Value {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("d.csv");
    std::fs::write(&path, CSV).unwrap();
    report_of(&path, extra)
}

fn report_of(path: &Path, extra: &[&str]) -> Value {
    let mut args = vec![
        "report",
        "--input",
        path.to_str().unwrap(),
        "--period",
        "2024-04",
        "--format",
        "json",
    ];
    args.extend_from_slice(extra);
    let out = motcua(BIN, &args);
    assert!(out.status.success(), "{}", stderr(&out));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn counts(v: &Value) -> (u64, u64, u64, u64) {
    let t = &v["total"];
    let n = |k: &str| t[k].as_u64().unwrap();
    (
        n("received"),
        n("resolved_early"),
        n("resolved_on_time"),
        n("resolved_late"),
    )
}

#[test]
fn by_default_the_limit_runs_from_the_receipt() {
    assert_eq!(counts(&report(&[])), (2, 0, 1, 1));
    assert_eq!(
        counts(&report(&["--deadline-from", "receipt"])),
        (2, 0, 1, 1)
    );
}

#[test]
fn from_the_deciding_agency_when_the_row_gives_it() {
    assert_eq!(
        counts(&report(&["--deadline-from", "deciding-agency"])),
        (2, 1, 1, 0)
    );
}

#[test]
fn an_unknown_start_is_a_usage_error() {
    let out = motcua(
        BIN,
        &[
            "report",
            "--input",
            "x.csv",
            "--period",
            "2024-04",
            "--deadline-from",
            "tomorrow",
        ],
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
}

/// The CSV's header and rows as cells ("" = empty).
fn cells() -> (Vec<&'static str>, Vec<Vec<&'static str>>) {
    let mut lines = CSV.lines();
    let header = lines.next().unwrap().split(',').collect();
    (header, lines.map(|l| l.split(',').collect()).collect())
}

/// The same two rows in every other input format: Excel, portal JSON lines, Arrow IPC and
/// Parquet.
fn write_every_format(dir: &Path) -> Vec<std::path::PathBuf> {
    let (header, rows) = cells();
    let xlsx = dir.join("d.xlsx");
    std::fs::write(&xlsx, tables::to_xlsx("Hồ sơ", &header, &rows).unwrap()).unwrap();
    let jsonl = dir.join("d.jsonl");
    std::fs::write(&jsonl, tables::portal_jsonl(&header, &rows)).unwrap();
    let cols = header.iter().enumerate().map(|(i, n)| {
        let v: Vec<Option<&str>> = rows
            .iter()
            .map(|r| Some(r[i]).filter(|s| !s.is_empty()))
            .collect();
        (
            (*n).to_owned(),
            Arc::new(StringArray::from(v)) as ArrayRef,
            true,
        )
    });
    let batch = RecordBatch::try_from_iter_with_nullable(cols).unwrap();
    let arrow = dir.join("d.arrow");
    let mut w = arrow_ipc::writer::FileWriter::try_new(
        std::fs::File::create(&arrow).unwrap(),
        &batch.schema(),
    )
    .unwrap();
    w.write(&batch).unwrap();
    w.finish().unwrap();
    let parquet = dir.join("d.parquet");
    let mut w = parquet::arrow::ArrowWriter::try_new(
        std::fs::File::create(&parquet).unwrap(),
        batch.schema(),
        None,
    )
    .unwrap();
    w.write(&batch).unwrap();
    w.close().unwrap();
    vec![xlsx, jsonl, arrow, parquet]
}

#[test]
fn every_reader_honours_the_start_of_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    for path in write_every_format(dir.path()) {
        let name = path.display().to_string();
        assert_eq!(counts(&report_of(&path, &[])), (2, 0, 1, 1), "{name}");
        assert_eq!(
            counts(&report_of(&path, &["--deadline-from", "deciding-agency"])),
            (2, 1, 1, 0),
            "{name}"
        );
    }
}

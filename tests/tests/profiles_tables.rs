//! Source profiles (contract 14) applied to workbooks and to Arrow/Parquet input, as to CSV:
//! a SQL Server export saved as Excel with a title above its header, the same table as
//! Parquet with real nulls, and a time limit in hours through a profile file.
//!
//! The dossiers are those of `fixtures/profiles/sqlserver.csv` (see `profiles.rs` for the
//! hand count: period 2024-04, 4 received, 2 online, 1 in person, 1 postal, 1 early, 1 on
//! time, 1 late, 1 pending overdue, 3 of level 3–4, 2 of them online).

use std::path::Path;
use std::sync::Arc;

use arrow_array::{ArrayRef, RecordBatch, StringArray};
use motcua_io::tables;
use motcua_tests::profiles::{counts, fixture};
use motcua_tests::stderr;
use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_motcua-under-test");

const BY_HAND: [u64; 10] = [4, 2, 1, 1, 1, 1, 1, 1, 3, 2];

/// The header and rows of a fixture CSV (no field of these holds a comma or a quote).
fn table(name: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let text = std::fs::read_to_string(fixture(name)).unwrap();
    let mut lines = text.lines();
    let split = |l: &str| l.split(',').map(str::to_owned).collect::<Vec<_>>();
    let header = split(lines.next().unwrap());
    (header, lines.map(split).collect())
}

fn report(input: &Path, extra: &[&str]) -> (Value, std::process::Output) {
    motcua_tests::profiles::report(BIN, input, extra)
}

/// A workbook as a one-stop system exports it: a title row, an empty row, then the table.
fn titled_workbook(path: &Path, header: &[String], rows: &[Vec<String>]) {
    let mut body: Vec<Vec<String>> = vec![Vec::new(), header.to_vec()];
    body.extend(rows.iter().cloned());
    let bytes = tables::to_xlsx(
        "Danh sách",
        &["DANH SÁCH HỒ SƠ TIẾP NHẬN QUÝ II/2024"],
        &body,
    )
    .unwrap();
    std::fs::write(path, bytes).unwrap();
}

#[test]
fn a_titled_sql_server_workbook_is_detected_and_counted() {
    let (header, rows) = table("sqlserver.csv");
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("hoso.xlsx");
    titled_workbook(&xlsx, &header, &rows);
    let (v, out) = report(&xlsx, &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(v["input"]["profile"], "sqlserver");
    assert_eq!(counts(&v), BY_HAND);
    assert_eq!(v["input"]["rows"], 5);
    assert_eq!(v["input"]["rejected"], 0);
    // the named profile reads it the same
    let (named, out) = report(&xlsx, &["--profile", "sqlserver"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(named["total"], v["total"]);
}

#[test]
fn a_bad_row_of_a_titled_workbook_keeps_its_excel_row_number() {
    let (header, mut rows) = table("sqlserver.csv");
    // H3 closed before it was received: rejected, at Excel row 6 (title, empty, header, H1, H2)
    rows[2][8] = "2024-03-01 09:00:00.000".into();
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("hoso.xlsx");
    titled_workbook(&xlsx, &header, &rows);
    let (v, out) = report(&xlsx, &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(v["input"]["rejected"], 1);
    assert_eq!(
        v["input"]["errors"][0]["line"], 6,
        "{}",
        v["input"]["errors"]
    );
    assert_eq!(v["total"]["received"], 3);
}

#[test]
fn a_workbook_whose_header_never_maps_names_the_first_row_and_the_near_miss() {
    let (mut header, rows) = table("sqlserver.csv");
    header[0] = "maHoSo".into();
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("bad.xlsx");
    let bytes = tables::to_xlsx(
        "Sheet1",
        &header.iter().map(String::as_str).collect::<Vec<_>>(),
        &rows,
    )
    .unwrap();
    std::fs::write(&xlsx, bytes).unwrap();
    let (_, out) = report(&xlsx, &["--profile", "sqlserver"]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(err.contains("row 1"), "{err}");
    assert!(err.contains("MaHoSo"), "{err}");
}

#[test]
fn an_hours_profile_file_applies_to_a_workbook() {
    // hand count in profiles.rs: 16 h → due 04-03, 20 h → due 04-04; K1, K2 on time, K3 late
    let (header, rows) = table("hours.csv");
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("hours.xlsx");
    let h: Vec<&str> = header.iter().map(String::as_str).collect();
    std::fs::write(&xlsx, tables::to_xlsx("HoSo", &h, &rows).unwrap()).unwrap();
    let toml = fixture("hours.toml");
    let (v, out) = report(&xlsx, &["--profile", toml.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(v["input"]["profile"], "hoso-hours");
    assert_eq!(v["total"]["resolved_early"], 0);
    assert_eq!(v["total"]["resolved_on_time"], 2);
    assert_eq!(v["total"]["resolved_late"], 1);
}

/// The fixture as one batch of string columns, `NULL` as a real null.
fn null_batch(name: &str) -> RecordBatch {
    let (header, rows) = table(name);
    let cols = header.iter().enumerate().map(|(i, n)| {
        let v: Vec<Option<&str>> = rows
            .iter()
            .map(|r| Some(r[i].as_str()).filter(|s| *s != "NULL"))
            .collect();
        (n.clone(), Arc::new(StringArray::from(v)) as ArrayRef, true)
    });
    RecordBatch::try_from_iter_with_nullable(cols).unwrap()
}

fn write_parquet(path: &Path, batch: &RecordBatch) {
    let f = std::fs::File::create(path).unwrap();
    let mut w = parquet::arrow::ArrowWriter::try_new(f, batch.schema(), None).unwrap();
    w.write(batch).unwrap();
    w.close().unwrap();
}

#[test]
fn database_column_names_in_parquet_are_mapped_by_the_detected_profile() {
    let dir = tempfile::tempdir().unwrap();
    let pq = dir.path().join("hoso.parquet");
    write_parquet(&pq, &null_batch("sqlserver.csv"));
    let (v, out) = report(&pq, &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(v["input"]["profile"], "sqlserver");
    assert_eq!(counts(&v), BY_HAND);
    assert_eq!(v["input"]["not_received"], 1);
}

#[test]
fn an_hours_profile_file_applies_to_parquet() {
    let dir = tempfile::tempdir().unwrap();
    let pq = dir.path().join("hours.parquet");
    write_parquet(&pq, &null_batch("hours.csv"));
    let toml = fixture("hours.toml");
    let (v, out) = report(&pq, &["--profile", toml.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(v["input"]["profile"], "hoso-hours");
    assert_eq!(v["total"]["resolved_on_time"], 2);
    assert_eq!(v["total"]["resolved_late"], 1);
    // read under the contract, the database names are a header error with the hint
    let (_, out) = report(&pq, &["--profile", "contract"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("sqlserver"), "{}", stderr(&out));
}

//! Arrow IPC, Parquet and compressed inputs give the CSV report of the same rows
//! (`motcua report --input x.parquet`), through the command as a user runs it.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use arrow_array::{ArrayRef, Decimal128Array, Int64Array, RecordBatch, StringArray};
use motcua_tests::{data, motcua, stderr};
use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_motcua-under-test");

/// The example's rows as string columns, cut into batches of `rows` rows.
fn example_batches(rows: usize) -> Vec<RecordBatch> {
    let mut r = csv::Reader::from_path(data("example.csv")).unwrap();
    let names: Vec<String> = r.headers().unwrap().iter().map(str::to_owned).collect();
    let records: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    records
        .chunks(rows)
        .map(|chunk| {
            let cols = names.iter().enumerate().map(|(i, n)| {
                let v: Vec<Option<&str>> = chunk
                    .iter()
                    .map(|rec| Some(&rec[i]).filter(|s| !s.is_empty()))
                    .collect();
                (n.clone(), Arc::new(StringArray::from(v)) as ArrayRef, true)
            });
            RecordBatch::try_from_iter_with_nullable(cols).unwrap()
        })
        .collect()
}

fn write_ipc_file(path: &Path, batches: &[RecordBatch]) {
    let f = std::fs::File::create(path).unwrap();
    let mut w = arrow_ipc::writer::FileWriter::try_new(f, &batches[0].schema()).unwrap();
    for b in batches {
        w.write(b).unwrap();
    }
    w.finish().unwrap();
}

fn write_ipc_stream(path: &Path, batches: &[RecordBatch]) {
    let f = std::fs::File::create(path).unwrap();
    let mut w = arrow_ipc::writer::StreamWriter::try_new(f, &batches[0].schema()).unwrap();
    for b in batches {
        w.write(b).unwrap();
    }
    w.finish().unwrap();
}

fn write_parquet(path: &Path, batches: &[RecordBatch]) {
    use parquet::basic::Compression;
    use parquet::file::properties::WriterProperties;
    let props = WriterProperties::builder()
        .set_compression(Compression::SNAPPY)
        .set_max_row_group_row_count(Some(4))
        .build();
    let f = std::fs::File::create(path).unwrap();
    let mut w = parquet::arrow::ArrowWriter::try_new(f, batches[0].schema(), Some(props)).unwrap();
    for b in batches {
        w.write(b).unwrap();
    }
    w.close().unwrap();
}

fn report(input: &Path) -> Value {
    let cal = data("example.calendar.toml");
    let out = motcua(
        BIN,
        &[
            "report",
            "--input",
            input.to_str().unwrap(),
            "--period",
            "2021-Q3",
            "--calendar",
            cal.to_str().unwrap(),
            "--format",
            "json",
        ],
    );
    assert!(
        out.status.success(),
        "{}: {}",
        input.display(),
        stderr(&out)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// A columnar report as the CSV one would be: a row's place is the row across batches
/// (CSV: the line, the header being line 1), and errors name their batch.
fn as_csv_places(mut v: Value) -> Value {
    if let Some(errors) = v["input"]["errors"].as_array_mut() {
        for e in errors {
            let o = e.as_object_mut().unwrap();
            assert!(o.remove("batch").is_some(), "{o:?}");
            assert!(o.remove("batch_row").is_some(), "{o:?}");
            let line = o["line"].as_u64().unwrap();
            o.insert("line".into(), (line + 1).into());
        }
    }
    v
}

fn without_paths(mut v: Value) -> Value {
    if let Some(o) = v["input"].as_object_mut() {
        o.remove("path");
        o.remove("file");
        o.remove("format");
    }
    v
}

fn tmp() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

/// Writes record batches to a file in one format.
type Writer = fn(&Path, &[RecordBatch]);

#[test]
fn arrow_and_parquet_reports_equal_the_csv_report() {
    let dir = tmp();
    let csv = without_paths(report(&data("example.csv")));
    assert!(
        !csv["input"]["errors"].as_array().unwrap().is_empty(),
        "the example has rejected rows, so that their places are compared too"
    );
    for rows in [3, 100] {
        let batches = example_batches(rows);
        let files: [(&str, Writer); 3] = [
            ("x.arrow", write_ipc_file),
            ("x.arrows", write_ipc_stream),
            ("x.parquet", write_parquet),
        ];
        for (name, write) in files {
            let path = dir.path().join(name);
            write(&path, &batches);
            let got = without_paths(as_csv_places(report(&path)));
            assert_eq!(got, csv, "{name}, batches of {rows}");
        }
    }
}

#[test]
fn error_places_name_the_batch() {
    let dir = tmp();
    // Arrow IPC keeps the batches as written (Parquet regroups its rows on reading).
    let path = dir.path().join("x.arrow");
    write_ipc_file(&path, &example_batches(5));
    let v = report(&path);
    let csv = report(&data("example.csv"));
    let first = &v["input"]["errors"][0];
    let line = csv["input"]["errors"][0]["line"].as_u64().unwrap();
    // CSV line L is data row L - 1; with batches of 5 that is batch (L - 2) / 5 + 1.
    assert_eq!(first["line"].as_u64().unwrap(), line - 1);
    assert_eq!(first["batch"].as_u64().unwrap(), (line - 2) / 5 + 1);
    assert_eq!(first["batch_row"].as_u64().unwrap(), (line - 2) % 5 + 1);
}

#[test]
fn typed_columns_read_as_their_text_and_other_types_are_refused() {
    let dir = tmp();
    let text = |v: &[&str]| Arc::new(StringArray::from(v.to_vec())) as ArrayRef;
    let base = || {
        vec![
            ("MaHoSo", text(&["H1", "H2"])),
            ("DonViXuLy", text(&["STP", "STP"])),
            (
                "KenhThucHien",
                Arc::new(Int64Array::from(vec![2, 1])) as ArrayRef,
            ),
            (
                "NgayTiepNhan",
                text(&["2021-07-01 09:00", "2021-07-02 09:00"]),
            ),
            (
                "TrangThaiHoSo",
                Arc::new(Int64Array::from(vec![4, 4])) as ArrayRef,
            ),
        ]
    };
    let mut ok = base();
    ok.push(("ThoiHanGiaiQuyet", Arc::new(Int64Array::from(vec![3, 3]))));
    let path = dir.path().join("ok.parquet");
    write_parquet(&path, &[RecordBatch::try_from_iter(ok).unwrap()]);
    let v = report(&path);
    assert_eq!(v["total"]["received"], 2, "{v}");
    assert_eq!(v["total"]["pending"], 2, "{v}");

    let mut bad = base();
    let dec = Decimal128Array::from(vec![300, 300])
        .with_precision_and_scale(5, 2)
        .unwrap();
    bad.push(("ThoiHanGiaiQuyet", Arc::new(dec)));
    let path = dir.path().join("bad.parquet");
    write_parquet(&path, &[RecordBatch::try_from_iter(bad).unwrap()]);
    let out = motcua(
        BIN,
        &[
            "report",
            "--input",
            path.to_str().unwrap(),
            "--period",
            "2021-Q3",
        ],
    );
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(
        err.contains("ThoiHanGiaiQuyet") && err.contains("Decimal128(5, 2)"),
        "{err}"
    );
}

fn compressed(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn compressed_csv_equals_plain() {
    let dir = tmp();
    let plain = std::fs::read(data("example.csv")).unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(&plain).unwrap();
    let gz = gz.finish().unwrap();
    let zst =
        ruzstd::encoding::compress_to_vec(&plain[..], ruzstd::encoding::CompressionLevel::Fastest);
    let expected = without_paths(report(&data("example.csv")));
    for path in [
        compressed(dir.path(), "x.csv.gz", &gz),
        compressed(dir.path(), "x.csv.zst", &zst),
        compressed(dir.path(), "x.csv", &gz), // told by its first bytes
    ] {
        assert_eq!(without_paths(report(&path)), expected, "{}", path.display());
    }
    let mut cut = gz.clone();
    cut.truncate(gz.len() / 2);
    let path = compressed(dir.path(), "cut.csv.gz", &cut);
    let out = motcua(
        BIN,
        &[
            "report",
            "--input",
            path.to_str().unwrap(),
            "--period",
            "2021-Q3",
        ],
    );
    assert!(!out.status.success());
    assert!(stderr(&out).contains("gzip"), "{}", stderr(&out));
}

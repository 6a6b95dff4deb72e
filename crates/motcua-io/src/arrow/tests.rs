//! Arrow rows decide as CSV rows do; places, types and errors.

use std::sync::Arc;

use arrow_array::{Date32Array, Int64Array, StringArray, TimestampSecondArray};
use arrow_schema::{Field, Schema};

use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, TimeUnit};
use chrono::NaiveDate;
use motcua_core::calendar::Calendar;
use motcua_core::dossier::Dataset;

use super::*;

fn read(
    schema: &Schema,
    batches: &[RecordBatch],
    strict: bool,
    threads: usize,
) -> Result<Dataset, ArrowReadError> {
    let opts = ReadOptions {
        strict,
        threads,
        ..ReadOptions::default()
    };
    let mut dossiers = Vec::new();
    let ing = read_batches(schema, batches, &Calendar::vn(), &opts, |d| {
        dossiers.push(*d);
    })?;
    Ok(ing.into_dataset(dossiers))
}

fn strings(cols: &[(&str, Vec<Option<&str>>)]) -> (Schema, RecordBatch) {
    let schema = Schema::new(
        cols.iter()
            .map(|(n, _)| Field::new(*n, DataType::Utf8, true))
            .collect::<Vec<_>>(),
    );
    let arrays: Vec<ArrayRef> = cols
        .iter()
        .map(|(_, v)| Arc::new(StringArray::from(v.clone())) as ArrayRef)
        .collect();
    let b = RecordBatch::try_new(Arc::new(schema.clone()), arrays).unwrap();
    (schema, b)
}

#[test]
fn string_rows_decide_like_csv() {
    let (schema, b) = strings(&[
        (
            "MaHoSo",
            vec![Some("H1"), Some("H2"), Some("H1"), Some("H4")],
        ),
        (
            "DonViXuLy",
            vec![Some("STP"), Some("STP"), Some("SYT"), None],
        ),
        (
            "KenhThucHien",
            vec![Some("2"), Some("1"), Some("1"), Some("1")],
        ),
        (
            "NgayTiepNhan",
            vec![
                Some("2021-07-01 09:00"),
                Some("2021-07-02"),
                Some("2021-07-02"),
                Some("2021-07-02"),
            ],
        ),
        (
            "ThoiHanGiaiQuyet",
            vec![Some("3"), Some("1"), Some("1"), Some("1")],
        ),
        (
            "TrangThaiHoSo",
            vec![Some("4"), Some("1"), Some("4"), Some("4")],
        ),
    ]);
    for threads in [1, 2] {
        let ds = read(&schema, std::slice::from_ref(&b), false, threads).unwrap();
        assert_eq!(ds.len(), 1);
        assert_eq!(ds.dossiers[0].due.to_string(), "2021-07-06");
        assert_eq!(
            (
                ds.input.rows,
                ds.input.used,
                ds.input.rejected,
                ds.input.not_received
            ),
            (4, 1, 2, 1)
        );
        assert_eq!(ds.input.errors[0].line, 3);
        assert_eq!(ds.input.errors[0].column.as_deref(), Some("MaHoSo"));
        assert_eq!(ds.input.errors[1].line, 4);
        assert_eq!(ds.input.errors[1].column.as_deref(), Some("DonViXuLy"));
    }
    let err = read(&schema, &[b], true, 1).unwrap_err();
    assert!(
        matches!(err, ArrowReadError::Row(ref e) if e.line == 3),
        "{err}"
    );
}

#[test]
fn typed_columns_become_contract_text() {
    let schema = Schema::new(vec![
        Field::new("MaHoSo", DataType::Utf8, false),
        Field::new("DonViXuLy", DataType::Utf8, false),
        Field::new("KenhThucHien", DataType::Int64, false),
        Field::new(
            "NgayTiepNhan",
            DataType::Timestamp(TimeUnit::Second, Some("+07:00".into())),
            false,
        ),
        Field::new("NgayHenTra", DataType::Date32, true),
        Field::new("TrangThaiHoSo", DataType::Int64, false),
    ]);
    // 2021-07-01 10:00 UTC = 17:00 in Vietnam, at the cutoff.
    let ts = 1_625_133_600;
    let d = NaiveDate::from_ymd_opt(2021, 7, 9).unwrap();
    let b = RecordBatch::try_new(
        Arc::new(schema.clone()),
        vec![
            Arc::new(StringArray::from(vec!["H1"])),
            Arc::new(StringArray::from(vec!["STP"])),
            Arc::new(Int64Array::from(vec![2])),
            Arc::new(TimestampSecondArray::from(vec![ts]).with_timezone("+07:00")),
            Arc::new(Date32Array::from(vec![d.to_epoch_days()])),
            Arc::new(Int64Array::from(vec![4])),
        ],
    )
    .unwrap();
    let ds = read(&schema, &[b], true, 1).unwrap();
    assert_eq!(ds.dossiers[0].received.to_string(), "2021-07-01");
    assert_eq!(ds.dossiers[0].due, d);
}

#[test]
fn missing_columns_are_named() {
    let (schema, b) = strings(&[("MaHoSo", vec![Some("H1")])]);
    let err = read(&schema, &[b], false, 1).unwrap_err();
    assert!(err.to_string().contains("DonViXuLy"), "{err}");
}

#[test]
fn places_name_the_batch_and_the_row_in_it() {
    let (schema, b) = strings(&[
        (
            "MaHoSo",
            vec![Some("H1"), Some("H2"), Some("H3"), Some("H1"), Some("H5")],
        ),
        ("DonViXuLy", vec![Some("STP"); 5]),
        (
            "KenhThucHien",
            vec![Some("1"), Some("1"), Some("9"), Some("1"), Some("1")],
        ),
        ("NgayTiepNhan", vec![Some("2021-07-01"); 5]),
        ("ThoiHanGiaiQuyet", vec![Some("1"); 5]),
        ("TrangThaiHoSo", vec![Some("4"); 5]),
    ]);
    // Batches of 2, 0, 3 rows: row 3 is batch 2's first, row 4 its second (the empty batch
    // does not count).
    let batches = [b.slice(0, 2), b.slice(2, 0), b.slice(2, 3)];
    for threads in [1, 2] {
        let ds = read(&schema, &batches, false, threads).unwrap();
        let places: Vec<_> = ds
            .input
            .errors
            .iter()
            .map(|e| (e.line, e.batch, e.batch_row, e.column.as_deref()))
            .collect();
        assert_eq!(
            places,
            [
                (3, Some(2), Some(1), Some("KenhThucHien")),
                (4, Some(2), Some(2), Some("MaHoSo"))
            ]
        );
        assert!(
            ds.input.errors[0]
                .to_string()
                .starts_with("batch 2, row 1, column KenhThucHien: ")
        );
    }
    let err = read(&schema, &batches, true, 1).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("batch 2, row 1, column KenhThucHien: "),
        "{err}"
    );
    assert_eq!((err.line(), err.column()), (Some(3), Some("KenhThucHien")));
}

#[test]
fn other_types_are_rejected_for_their_column() {
    use arrow_array::{BinaryArray, Decimal128Array, StringArray};
    let text = |v: &str| Arc::new(StringArray::from(vec![v])) as ArrayRef;
    let base = || {
        vec![
            ("MaHoSo", text("H1")),
            ("DonViXuLy", text("STP")),
            ("KenhThucHien", text("2")),
            ("NgayTiepNhan", text("2021-07-01")),
            ("TrangThaiHoSo", text("4")),
        ]
    };
    let decimal = Decimal128Array::from(vec![300])
        .with_precision_and_scale(5, 2)
        .unwrap();
    let cases: Vec<(ArrayRef, &str)> = vec![
        (Arc::new(decimal), "Decimal128(5, 2)"),
        (Arc::new(BinaryArray::from(vec![&b"3"[..]])), "Binary"),
    ];
    for (array, type_name) in cases {
        let mut cols = base();
        cols.push(("ThoiHanGiaiQuyet", array));
        let b = RecordBatch::try_from_iter(cols).unwrap();
        let err = read(&b.schema(), &[b], false, 1).unwrap_err();
        assert!(
            matches!(&err, ArrowReadError::Type { column, data_type }
                if column == "ThoiHanGiaiQuyet" && data_type == type_name),
            "{err}"
        );
        assert!(
            err.to_string()
                .contains("column ThoiHanGiaiQuyet has Arrow type"),
            "{err}"
        );
    }
    // A column outside the contract may have any type.
    let mut cols = base();
    cols.push(("ThoiHanGiaiQuyet", text("3")));
    cols.push(("GhiChu", Arc::new(BinaryArray::from(vec![&b"x"[..]]))));
    let b = RecordBatch::try_from_iter(cols).unwrap();
    assert_eq!(read(&b.schema(), &[b], true, 1).unwrap().len(), 1);
}

#[test]
fn naive_and_zoned_timestamps_are_vietnamese_wall_time() {
    use arrow_array::TimestampMillisecondArray;
    // 16:59:59.999 in Vietnam (naive), and the same instant as UTC (09:59:59.999Z): both
    // before the 17:00 cutoff; one millisecond later both are at the cutoff.
    let naive_before = 1_630_515_599_999; // 2021-09-01 16:59:59.999 read as a wall time
    let zoned_before = naive_before - 7 * 3_600_000;
    let text = |v: &str| Arc::new(StringArray::from(vec![v])) as ArrayRef;
    let due = |received: ArrayRef| {
        let b = RecordBatch::try_from_iter([
            ("MaHoSo", text("H1")),
            ("DonViXuLy", text("STP")),
            ("KenhThucHien", text("2")),
            ("NgayTiepNhan", received),
            ("ThoiHanGiaiQuyet", text("1")),
            ("TrangThaiHoSo", text("4")),
        ])
        .unwrap();
        read(&b.schema(), &[b], true, 1).unwrap().dossiers[0]
            .due
            .to_string()
    };
    let naive = |ms| Arc::new(TimestampMillisecondArray::from(vec![ms])) as ArrayRef;
    let zoned = |ms, tz: &str| {
        Arc::new(TimestampMillisecondArray::from(vec![ms]).with_timezone(tz)) as ArrayRef
    };
    // 2 and 3 September 2021 are holidays: due the 6th before the cutoff, the 7th after.
    assert_eq!(due(naive(naive_before)), "2021-09-06");
    assert_eq!(due(zoned(zoned_before, "UTC")), "2021-09-06");
    assert_eq!(due(zoned(zoned_before, "+07:00")), "2021-09-06");
    assert_eq!(due(naive(naive_before + 1)), "2021-09-07");
    assert_eq!(due(zoned(zoned_before + 1, "UTC")), "2021-09-07");
}

#[test]
fn an_ipc_footer_that_claims_more_than_the_file_is_refused_before_allocating() {
    // found by the arrow_ipc fuzz target: a 2 458-byte file whose footer gives a batch of
    // 4 GiB, which the reader would allocate before reading
    let bytes: &[u8] =
        include_bytes!("../../../../fuzz/regressions/arrow_ipc/footer-block-claims-4-gib.arrow");
    let err = read_ipc(bytes).unwrap_err();
    assert!(matches!(err, ArrowReadError::Format(_)), "{err:?}");
    assert!(
        err.to_string().contains("outside the file of 2458 bytes"),
        "{err}"
    );
}

/// Reads Arrow IPC bytes as a file on disk is read.
fn read_ipc(bytes: &[u8]) -> Result<crate::blocks::Ingested, ArrowReadError> {
    ipc::read_seekable(
        std::io::Cursor::new(bytes),
        &Calendar::vn(),
        &ReadOptions::default(),
        |_| {},
    )
}

/// An IPC stream of one batch, written by arrow's own writer.
fn ipc_stream() -> Vec<u8> {
    let (schema, batch) = strings(&[
        ("MaHoSo", vec![Some("H1")]),
        ("DonViXuLy", vec![Some("STP")]),
    ]);
    let mut out = Vec::new();
    let mut w = arrow_ipc::writer::StreamWriter::try_new(&mut out, &schema).unwrap();
    w.write(&batch).unwrap();
    w.finish().unwrap();
    drop(w);
    out
}

#[test]
fn an_ipc_stream_message_that_claims_more_than_the_file_is_refused_before_allocating() {
    let good = ipc_stream();
    // the stream as written reaches the reader (which then names the missing columns)
    let err = read_ipc(&good).unwrap_err();
    assert!(matches!(err, ArrowReadError::Header(_)), "{err:?}");
    // the first message's metadata length, after the continuation marker, made 1 GiB
    let mut bad = good.clone();
    assert_eq!(bad[..4], [0xff; 4]);
    bad[4..8].copy_from_slice(&(1i32 << 30).to_le_bytes());
    let err = read_ipc(&bad).unwrap_err();
    let len = bad.len();
    assert!(
        err.to_string().contains(&format!(
            "metadata of 1073741824 bytes at offset 8 lies outside the file of {len} bytes"
        )),
        "{err}"
    );
}

#[test]
fn an_ipc_file_gives_its_rows_from_the_batches_headers() {
    let (schema, a) = strings(&[("MaHoSo", vec![Some("H1"), Some("H2")])]);
    let (_, b) = strings(&[("MaHoSo", vec![Some("H3"), None, Some("H5")])]);
    let (_, empty) = strings(&[("MaHoSo", vec![])]);
    let mut out = Vec::new();
    let mut w = arrow_ipc::writer::FileWriter::try_new(&mut out, &schema).unwrap();
    for batch in [&a, &empty, &b] {
        w.write(batch).unwrap();
    }
    w.finish().unwrap();
    drop(w);
    let mut input = std::io::Cursor::new(&out[..]);
    assert_eq!(ipc::check_footer(&mut input).unwrap(), Some(5));
    assert_eq!(
        input.position(),
        0,
        "the reader starts from the file's first byte"
    );
    // a batch header that cannot be read leaves the count unknown, not wrong
    // (every message before the footer gets a length of 1 after its continuation marker)
    let n = out.len();
    let footer_len = i32::from_le_bytes(out[n - 10..n - 6].try_into().unwrap()) as usize;
    let mut bad = out.clone();
    let markers: Vec<usize> = (0..n - 10 - footer_len - 8)
        .filter(|&i| out[i..i + 4] == [0xff; 4])
        .collect();
    assert!(markers.len() >= 4, "the schema and three batches");
    for i in markers {
        bad[i + 4..i + 8].copy_from_slice(&1i32.to_le_bytes());
    }
    let mut input = std::io::Cursor::new(&bad[..]);
    assert_eq!(ipc::check_footer(&mut input).unwrap(), None);
}

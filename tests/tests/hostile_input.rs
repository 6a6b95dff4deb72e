//! Hostile and odd input: files crafted to crash a parser end in motcua's own errors, with
//! exit status 1, never a panic (status 101).

use std::io::Cursor;

use calamine::Reader as _;

use motcua_core::calendar::Calendar;
use motcua_io::dossiers::ReadOptions;
use motcua_io::input::{InputFormat, InputOptions, read_bytes};
use motcua_io::internal::contain;
use motcua_tests::{motcua, stderr};

const BIN: &str = env!("CARGO_BIN_EXE_motcua-under-test");

/// 514 bytes: a valid OLE compound-file header (version 3, 512-byte sectors) whose DIFAT
/// chain starts at sector 0, of which only 2 bytes follow the header.
fn crafted_ole() -> Vec<u8> {
    let mut b = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    b.resize(24, 0);
    b.extend([0x3E, 0, 3, 0, 0xFE, 0xFF, 9, 0, 6, 0]);
    b.resize(76, 0); // no FAT sector, directory and DIFAT chains start at sector 0
    b.resize(512, 0xFF); // the header's 109 DIFAT entries are free
    b.extend([0, 0]);
    assert_eq!(b.len(), 514);
    b
}

#[test]
fn the_crafted_ole_file_crashes_the_workbook_parser_itself() {
    // what made the reader panic: calamine's password check on this file
    let bytes = crafted_ole();
    let caught = contain(|| calamine::Xlsx::new(Cursor::new(bytes)).map(|_| ()).is_ok());
    assert!(caught.is_err(), "calamine no longer panics on the file");
}

#[test]
fn the_crafted_ole_file_is_an_error_of_the_reader() {
    let cal = Calendar::vn();
    let read = ReadOptions::default();
    let got = contain(|| {
        motcua_io::xlsx::read_dossiers(Cursor::new(crafted_ole()), None, &cal, &read, |_| {})
            .map(|_| ())
            .map_err(|e| e.to_string())
    })
    .expect("no panic");
    let e = got.expect_err("an old or damaged workbook is refused");
    assert!(e.contains(".xls"), "{e}");
}

#[test]
fn the_crafted_ole_file_exits_1_with_one_message() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("in.xlsx");
    std::fs::write(&path, crafted_ole()).unwrap();
    report_exits_1_with_one_message(&path);
}

/// Runs `motcua report` on `path`: exit status 1, no panic, one error message (returned).
fn report_exits_1_with_one_message(path: &std::path::Path) -> String {
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
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(err.matches("motcua: error").count(), 1, "{err}");
    err
}

#[test]
fn a_panic_becomes_the_internal_error() {
    let e = contain(|| -> u8 { panic!("index out of bounds") }).unwrap_err();
    let text = e.to_string();
    assert!(text.contains("index out of bounds"), "{text}");
    assert!(text.contains(motcua_io::internal::REPORT_URL), "{text}");
}

fn report(args: &[&str]) -> std::process::Output {
    let mut all = vec!["report", "--period", "2021-Q3"];
    all.extend_from_slice(args);
    motcua(BIN, &all)
}

const HEAD: &str =
    "MaHoSo,DonViXuLy,KenhThucHien,NgayTiepNhan,ThoiHanGiaiQuyet,TrangThaiHoSo,Note\n";

#[test]
fn an_endless_input_fails_fast_at_the_record_limit() {
    let started = std::time::Instant::now();
    let out = report(&["--input", "/dev/zero"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("--max-record-size"), "{err}");
    assert!(started.elapsed().as_secs() < 60);
}

#[test]
fn a_huge_quoted_field_hits_the_limit_and_the_option_raises_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.csv");
    let field = "x".repeat(3 << 20);
    std::fs::write(
        &path,
        format!("{HEAD}H1,STP,2,2021-08-02 09:00,3,4,\"{field}\"\n"),
    )
    .unwrap();
    let p = path.to_str().unwrap();
    let out = report(&["--input", p, "--max-record-size", "1048576"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("line 2") && err.contains("--max-record-size"),
        "{err}"
    );
    let out = report(&[
        "--input",
        p,
        "--max-record-size",
        "8388608",
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["input"]["used"], 1);
}

#[test]
fn a_header_wider_than_the_limit_is_an_error_naming_the_option() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("wide.csv");
    let extra: Vec<String> = (0..20_000).map(|i| format!("C{i}")).collect();
    std::fs::write(&path, format!("{},{}\n", HEAD.trim_end(), extra.join(","))).unwrap();
    let out = report(&["--input", path.to_str().unwrap()]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("--max-header-fields"), "{err}");
}

#[test]
fn every_error_is_printed_once() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.csv");
    std::fs::write(&empty, "").unwrap();
    for input in [dir.path().to_path_buf(), empty] {
        let out = report(&["--input", input.to_str().unwrap()]);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{err}");
        assert_eq!(err.lines().count(), 1, "{err}");
        let cause = err.rsplit(": ").next().unwrap().trim();
        assert_eq!(err.matches(cause).count(), 1, "{err}");
    }
}

/// Runs `script` in bash with `$BIN` and the example file as `$CSV`; its standard output.
fn shell(script: &str) -> String {
    let out = std::process::Command::new("bash")
        .arg("-c")
        .arg(script)
        .env("BIN", BIN)
        .env("CSV", motcua_tests::data("example.csv"))
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout).trim().to_owned()
}

#[test]
fn a_closed_standard_output_after_the_work_is_status_0() {
    let status = shell(
        "exec 3>&1; { \"$BIN\" report --input \"$CSV\" --period 2021-Q3 --format json; echo $? >&3; } | head -c 1 >/dev/null",
    );
    assert_eq!(status, "0");
}

#[test]
fn a_closed_standard_error_does_not_change_the_status() {
    // the reader of standard error is gone before the error is printed
    let piped = shell(
        "exec 3>&1; { sleep 0.2; \"$BIN\" report --input /nonexistent.csv --period 2021-Q3 2>&1 >/dev/null; echo $? >&3; } | true",
    );
    assert_eq!(piped, "1");
    let closed = shell("\"$BIN\" report --input /nonexistent.csv --period 2021-Q3 2>&-; echo $?");
    assert_eq!(closed, "1");
    let ok = shell("\"$BIN\" report --input \"$CSV\" --period 2021-Q3 >/dev/null 2>&-; echo $?");
    assert_eq!(ok, "0");
}

/// Files found by the fuzz targets `arrow_ipc` and `parquet` on which the Arrow decoder
/// panics: an Arrow IPC file whose buffer offset lies past its body, a Parquet file whose
/// embedded Arrow schema names an unknown type id.
fn columnar_crashes() -> [(std::path::PathBuf, InputFormat); 2] {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz/regressions");
    [
        (
            dir.join("arrow_ipc/buffer-offset-past-the-end-panics-in-arrow-buffer.arrow"),
            InputFormat::Arrow,
        ),
        (
            dir.join("parquet/unknown-arrow-type-in-schema-panics-in-arrow-ipc.parquet"),
            InputFormat::Parquet,
        ),
    ]
}

#[test]
fn a_columnar_file_that_panics_the_decoder_is_an_input_error() {
    let cal = Calendar::vn();
    for (path, format) in columnar_crashes() {
        let bytes = std::fs::read(&path).unwrap();
        let got = contain(|| {
            read_bytes(format, &bytes, &cal, &InputOptions::default(), |_| {})
                .map(|_| ())
                .map_err(|e| e.to_string())
        })
        .expect("the decoder's panic is contained by the reader");
        let e = got.expect_err("a damaged file is refused");
        assert!(e.contains("damaged"), "{e}");
    }
}

#[test]
fn a_columnar_file_that_panics_the_decoder_exits_1_with_one_message() {
    for (path, format) in columnar_crashes() {
        let err = report_exits_1_with_one_message(&path);
        let want = format!("the {} input is damaged", format.name());
        assert!(err.contains(&want), "{err}");
    }
}

//! Hostile and odd input: files crafted to crash a parser end in motcua's own errors, with
//! exit status 1, never a panic (status 101).

use std::io::Cursor;

use calamine::Reader as _;

use motcua_core::calendar::Calendar;
use motcua_io::dossiers::ReadOptions;
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
    let caught = contain(|| calamine::Xlsx::new(Cursor::new(bytes)).is_ok());
    assert!(caught.is_err(), "calamine no longer panics on the file");
}

#[test]
fn the_crafted_ole_file_is_an_error_of_the_reader() {
    let cal = Calendar::vn();
    let read = ReadOptions::default();
    let got = contain(|| {
        motcua_io::xlsx::read_dossiers(Cursor::new(crafted_ole()), None, &cal, &read, |_| {})
            .map(|_| ())
    })
    .expect("no panic");
    let e = got.expect_err("an old or damaged workbook is refused");
    assert!(e.to_string().contains(".xls"), "{e}");
}

#[test]
fn the_crafted_ole_file_exits_1_with_one_message() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("in.xlsx");
    std::fs::write(&path, crafted_ole()).unwrap();
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
}

#[test]
fn a_panic_becomes_the_internal_error() {
    let e = contain(|| -> u8 { panic!("index out of bounds") }).unwrap_err();
    let text = e.to_string();
    assert!(text.contains("index out of bounds"), "{text}");
    assert!(text.contains(motcua_io::internal::REPORT_URL), "{text}");
}

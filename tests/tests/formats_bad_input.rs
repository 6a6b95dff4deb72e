//! Bad Excel and JSON inputs: each a clear error with its place, nothing skipped silently.

use motcua_core::calendar::Calendar;
use motcua_io::input::{InputError, InputFormat, InputOptions, read_bytes};
use motcua_io::tables;
use motcua_tests::{data, motcua, stderr};

const BIN: &str = env!("CARGO_BIN_EXE_motcua-under-test");

const HEADER: [&str; 7] = [
    "MaHoSo",
    "DonViXuLy",
    "KenhThucHien",
    "NgayTiepNhan",
    "ThoiHanGiaiQuyet",
    "TrangThaiHoSo",
    "SoLanBoSung",
];

fn rows() -> Vec<Vec<&'static str>> {
    vec![
        vec!["A1", "STP", "2", "2021-07-01 09:00:00", "3", "4", ""],
        vec!["A2", "STP", "9", "2021-07-01 09:00:00", "3", "4", "1"],
        vec!["A3", "SYT", "1", "2021-07-02", "3", "10", ""],
        vec!["A4", "SYT", "1", "01/07/2021 10:00", "3", "1", ""],
    ]
}

fn read(
    format: InputFormat,
    bytes: &[u8],
    strict: bool,
    sheet: Option<&str>,
) -> Result<motcua_io::dossiers::Ingested, InputError> {
    let mut opts = InputOptions {
        sheet: sheet.map(str::to_owned),
        ..InputOptions::default()
    };
    opts.read.strict = strict;
    read_bytes(format, bytes, &Calendar::vn(), &opts, |_| {})
}

fn err(format: InputFormat, bytes: &[u8], strict: bool, sheet: Option<&str>) -> String {
    read(format, bytes, strict, sheet)
        .expect_err("the input is refused")
        .to_string()
}

#[test]
fn bad_workbooks() {
    let good = tables::to_xlsx("Hồ sơ", &HEADER, rows()).unwrap();
    let ing = read(InputFormat::Xlsx, &good, false, None).unwrap();
    // A3 is closed without a closing time: rejected at its row; A4 has status 1
    let listed: Vec<(u64, Option<&str>)> = ing
        .input
        .errors
        .iter()
        .map(|e| (e.line, e.column.as_deref()))
        .collect();
    assert_eq!(
        listed,
        [(3, Some("KenhThucHien")), (4, Some("NgayKetThucXuLy"))]
    );
    assert_eq!(
        (ing.input.rows, ing.input.used, ing.input.not_received),
        (4, 1, 1)
    );
    let e = err(InputFormat::Xlsx, &good, true, None);
    assert_eq!(
        e,
        "sheet 'Hồ sơ', row 3, column KenhThucHien: unknown channel '9' (strict mode stops at the first bad row)"
    );
    assert_eq!(
        err(InputFormat::Xlsx, &good, false, Some("Sheet2")),
        "the workbook has no sheet 'Sheet2'; its sheets are: Hồ sơ"
    );
    assert!(read(InputFormat::Xlsx, &good, false, Some("Hồ sơ")).is_ok());
    let mut cut = good.clone();
    cut.truncate(good.len() / 2);
    assert!(
        err(InputFormat::Xlsx, &cut, false, None)
            .contains("the workbook cannot be opened, it may be damaged")
    );
    // damage the compressed XML of the sheet (just after its name in its local header)
    let mut damaged = good.clone();
    let name = b"xl/worksheets/sheet1.xml";
    let at = damaged.windows(name.len()).position(|w| w == name).unwrap() + name.len() + 16;
    damaged[at..at + 32].fill(0x55);
    let e = err(InputFormat::Xlsx, &damaged, false, None);
    assert!(e.contains("damaged") || e.contains("cannot be read"), "{e}");
    assert!(
        err(InputFormat::Xlsx, b"MaHoSo,DonViXuLy\n", false, None)
            .contains("not an Excel workbook")
    );
    assert_eq!(
        err(InputFormat::Xlsx, b"", false, None),
        "the workbook file is empty"
    );
    let encrypted = std::fs::read(data("password.xlsx")).unwrap();
    assert!(
        err(InputFormat::Xlsx, &encrypted, false, None)
            .contains("the workbook is password-protected")
    );
    let headless = tables::to_xlsx("Data", &["MaHoSo", "Foo"], [["A1", "x"]]).unwrap();
    let e = err(InputFormat::Xlsx, &headless, false, None);
    assert!(
        e.starts_with("sheet 'Data', row 1: missing required column(s): DonViXuLy, KenhThucHien"),
        "{e}"
    );
    let empty = tables::to_xlsx::<[&str; 0], &str>("Trống", &[], []).unwrap();
    assert!(err(InputFormat::Xlsx, &empty, false, None).starts_with("sheet 'Trống' is empty"));
}

#[test]
fn bad_portal_json() {
    let jsonl = tables::portal_jsonl(&HEADER, rows());
    let ing = read(InputFormat::Json, jsonl.as_bytes(), false, None).unwrap();
    let listed: Vec<(u64, Option<&str>)> = ing
        .input
        .errors
        .iter()
        .map(|e| (e.line, e.column.as_deref()))
        .collect();
    assert_eq!(
        listed,
        [(2, Some("KenhThucHien")), (3, Some("NgayKetThucXuLy"))]
    );
    assert_eq!(
        err(InputFormat::Json, jsonl.as_bytes(), true, None),
        "record 2 (line 2), field KenhThucHien: unknown channel '9' (strict mode stops at the first bad row)"
    );
    // cut in the middle of record 3, of the array, or after a record
    let cut = &jsonl[..jsonl.match_indices('\n').nth(1).unwrap().0 + 20];
    assert_eq!(
        err(InputFormat::Json, cut.as_bytes(), false, None),
        "record 3 (line 3): the file ends in the middle of this record: is it cut?"
    );
    let array = tables::portal_array(&HEADER, rows());
    let e = err(
        InputFormat::Json,
        &array.as_bytes()[..array.len() / 2],
        false,
        None,
    );
    assert!(
        e.contains("the file ends in the middle of this record"),
        "{e}"
    );
    let e = err(
        InputFormat::Json,
        array.trim_end().trim_end_matches(']').as_bytes(),
        false,
        None,
    );
    assert_eq!(
        e,
        "record 5 (line 6): the file ends before the array is closed with ']': is it cut?"
    );
    let e = err(
        InputFormat::Json,
        b"[{\"MaHoSo\": \"A\"} {\"MaHoSo\": \"B\"}]",
        false,
        None,
    );
    assert_eq!(
        e,
        "record 2 (line 1): expected ',' or ']' after record 1, found '{'"
    );
    let e = err(
        InputFormat::Json,
        b"{\"MaHoSo\": \"A\"}\n{\"MaHoSo\": \"B\",,}\n",
        false,
        None,
    );
    assert!(
        e.starts_with("record 2 (line 2): invalid JSON at line 2, column 16"),
        "{e}"
    );
    assert!(err(InputFormat::Json, b"  \n", false, None).starts_with("the input is empty"));
    assert_eq!(
        err(InputFormat::Json, b"[] x", false, None),
        "record 1 (line 1): unexpected data after the end of the array"
    );
    assert_eq!(
        read(InputFormat::Json, b"[]", false, None)
            .unwrap()
            .input
            .rows,
        0
    );
}

#[test]
fn records_that_are_not_objects_and_fields_of_the_wrong_type_are_listed() {
    let ok = r#""DonViXuLy":"STP","KenhThucHien":"2","NgayTiepNhan":20210701090000,"ThoiHanGiaiQuyet":3,"TrangThaiHoSo":4"#;
    let text = [
        format!(r#"[{{"MaHoSo":"J1",{ok},"DanhSachHoSoBoSung":[{{}},{{}}],"TenTTHC":"x","DanhSachLePhi":[{{"Phi":1}}]}},"#),
        "5, \"text\", null, [1, 2],".to_owned(),
        format!(r#"{{"MaHoSo":"J2",{ok},"DanhGia":[3]}},"#),
        format!(r#"{{"MaHoSo":"J3",{},"PhanAnh":true,"KenhThucHien":true}},"#, ok.replace(r#""KenhThucHien":"2","#, "")),
        format!(r#"{{"MaHoSo":"J4",{ok},"DanhSachHoSoBoSung":2}},"#),
        format!(r#"{{"MaHoSo":"J5",{ok},"MucDo":2.5}},"#),
        format!(r#"{{"MaHoSo":"J6",{ok},"MucDo":3.0,"PhanAnh":false,"SoLanBoSung":1,"DanhSachHoSoBoSung":[]}},"#),
        format!(r#"{{"MaHoSo":{{"x":1}},{ok}}},"#),
        format!(r#"{{"MaHoSo":"J1",{ok}}},"#),
        format!(r#"{{"MaHoSo":"J7",{ok},"MaHoSo":"J8"}}]"#),
    ]
    .join("\n");
    let ing = read(InputFormat::Json, text.as_bytes(), false, None).unwrap();
    let listed: Vec<(u64, &str, &str)> = ing
        .input
        .errors
        .iter()
        .map(|e| {
            (
                e.line,
                e.column.as_deref().unwrap_or("-"),
                e.message.as_str(),
            )
        })
        .collect();
    assert_eq!(
        listed,
        [
            (
                2,
                "-",
                "the record is a number, not an object of dossier fields"
            ),
            (
                3,
                "-",
                "the record is a string, not an object of dossier fields"
            ),
            (
                4,
                "-",
                "the record is null, not an object of dossier fields"
            ),
            (
                5,
                "-",
                "the record is an array, not an object of dossier fields"
            ),
            (
                6,
                "DanhGia",
                "DanhGia must be a string or a number, not an array"
            ),
            (
                7,
                "KenhThucHien",
                "KenhThucHien must be a string or a number, not a boolean"
            ),
            (
                8,
                "SoLanBoSung",
                "DanhSachHoSoBoSung must be an array of supplement requests, not a number"
            ),
            (
                9,
                "MucDo",
                "unknown online-service level '2.5' (expected 1, 2, 3, 4, mot_phan or toan_trinh)"
            ),
            (
                11,
                "MaHoSo",
                "MaHoSo must be a string or a number, not an object"
            ),
            (12, "MaHoSo", "duplicate dossier code 'J1'"),
            (13, "-", "field MaHoSo appears more than once in the record"),
        ],
        "{:#?}",
        ing.input.errors
    );
    assert_eq!(
        (ing.input.rows, ing.input.used, ing.input.rejected),
        (13, 2, 11)
    );
}

#[test]
fn the_command_line_names_the_place() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("cut.json");
    std::fs::write(&p, &tables::portal_jsonl(&HEADER, rows())[..100]).unwrap();
    let out = motcua(
        BIN,
        &[
            "report",
            "--input",
            p.to_str().unwrap(),
            "--period",
            "2021-Q3",
        ],
    );
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("record 1 (line 1): the file ends in the middle of this record"),
        "{}",
        stderr(&out)
    );
    let x = dir.path().join("t.xlsx");
    std::fs::write(&x, tables::to_xlsx("Hồ sơ", &HEADER, rows()).unwrap()).unwrap();
    let out = motcua(
        BIN,
        &[
            "report",
            "--input",
            x.to_str().unwrap(),
            "--period",
            "2021-Q3",
            "--sheet",
            "Khác",
        ],
    );
    assert!(
        stderr(&out).contains("the workbook has no sheet 'Khác'; its sheets are: Hồ sơ"),
        "{}",
        stderr(&out)
    );
    // a JSON file named .txt, read as JSON from standard input
    let json = tables::portal_jsonl(&HEADER, rows());
    let mut child = std::process::Command::new(BIN)
        .args([
            "report",
            "--input",
            "-",
            "--input-format",
            "json",
            "--period",
            "2021-Q3",
            "--format",
            "json",
            "--strict",
        ])
        .stdin(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::io::Write::write_all(child.stdin.as_mut().unwrap(), json.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        stderr(&out).contains("record 2 (line 2), field KenhThucHien: unknown channel '9'"),
        "{}",
        stderr(&out)
    );
}

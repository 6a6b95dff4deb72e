//! `motcua report` and `motcua calendar` run as a process, on the contract's worked example
//! and on bad input.

use motcua_tests::{check_identity, data, json_contains, motcua, stderr, stdout};

const BIN: &str = env!("CARGO_BIN_EXE_motcua-under-test");

fn example_args<'a>(format: &'a str, csv: &'a str, cal: &'a str) -> Vec<&'a str> {
    vec![
        "report",
        "--input",
        csv,
        "--period",
        "2021-Q3",
        "--calendar",
        cal,
        "--format",
        format,
    ]
}

#[test]
fn example_report_matches_the_contract() {
    let csv = data("example.csv");
    let cal = data("example.calendar.toml");
    let out = motcua(
        BIN,
        &example_args("json", csv.to_str().unwrap(), cal.to_str().unwrap()),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let actual: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let expected: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(data("example.2021-Q3.json")).unwrap())
            .unwrap();
    json_contains(&actual, &expected, "").unwrap();
    check_identity(&actual).unwrap();
    // A quarter has a previous period: Q2 totals and the change are there.
    assert_eq!(actual["previous"]["period"]["from"], "2021-04-01");
    assert_eq!(actual["change"]["received"]["current"], 8);
}

#[test]
fn example_text_report_is_vietnamese() {
    let csv = data("example.csv");
    let cal = data("example.calendar.toml");
    let out = motcua(
        BIN,
        &example_args("text", csv.to_str().unwrap(), cal.to_str().unwrap()),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("quý III năm 2021"), "{text}");
    assert!(text.contains("Tỷ lệ giải quyết"), "{text}");
    assert!(text.contains("62,50 %"), "{text}");
    // Row errors speak the report's language: Vietnamese here, English with --lang en.
    assert!(
        text.contains("dòng 16, cột KenhThucHien: mã KenhThucHien không có trong danh mục"),
        "{text}"
    );
    let mut args = example_args("text", csv.to_str().unwrap(), cal.to_str().unwrap());
    args.extend(["--lang", "en"]);
    let out = motcua(BIN, &args);
    assert!(
        stdout(&out).contains("line 16, column KenhThucHien: unknown channel '5'"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn example_csv_report_has_a_row_per_agency_and_total() {
    let csv = data("example.csv");
    let cal = data("example.calendar.toml");
    let out = motcua(
        BIN,
        &example_args("csv", csv.to_str().unwrap(), cal.to_str().unwrap()),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 4, "{text}");
    assert!(lines[0].starts_with("agency,received,received_online"));
    assert!(lines[1].starts_with("STP,3,1,1,1,2,5,2,3,0,0,0,0,0,"));
    assert!(lines[3].starts_with("TOTAL,8,3,4,1,2,5,2,3,0,1,4,1,3,6,3,3,1,1,1,0.625,"));
}

#[test]
fn from_to_range_and_stdin() {
    let csv = std::fs::read(data("example.csv")).unwrap();
    let cal = data("example.calendar.toml");
    let mut child = std::process::Command::new(BIN)
        .args([
            "report",
            "--input",
            "-",
            "--from",
            "2021-07-01",
            "--to",
            "2021-09-30",
            "--calendar",
            cal.to_str().unwrap(),
            "--format",
            "json",
        ])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::io::Write::write_all(child.stdin.as_mut().unwrap(), &csv).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["total"]["received"], 8);
    // the range is exactly a quarter, so it is compared with Q2 as well
    assert_eq!(v["period"]["to"], "2021-09-30");
}

#[test]
fn strict_mode_stops_at_the_first_bad_row() {
    let csv = data("example.csv");
    let cal = data("example.calendar.toml");
    let mut args = example_args("json", csv.to_str().unwrap(), cal.to_str().unwrap());
    args.push("--strict");
    let out = motcua(BIN, &args);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(err.contains("line 14, column NgayHenTra"), "{err}");
    assert!(err.contains("no deadline"), "{err}");
}

fn write_temp(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> String {
    let p = dir.path().join(name);
    std::fs::write(&p, bytes).unwrap();
    p.to_str().unwrap().to_owned()
}

fn fails_with(args: &[&str], needles: &[&str]) {
    let out = motcua(BIN, args);
    assert!(!out.status.success(), "expected failure for {args:?}");
    let err = stderr(&out);
    for n in needles {
        assert!(err.contains(n), "stderr lacks {n:?}: {err}");
    }
}

#[test]
fn bad_input_gets_clear_errors() {
    let dir = tempfile::tempdir().unwrap();
    fails_with(
        &[
            "report",
            "--input",
            "/no/such/file.csv",
            "--period",
            "2021-Q3",
        ],
        &["cannot open input file /no/such/file.csv"],
    );
    let empty = write_temp(&dir, "empty.csv", b"");
    fails_with(
        &["report", "--input", &empty, "--period", "2021-Q3"],
        &["input is empty"],
    );
    let header = write_temp(&dir, "header.csv", b"MaHoSo,KenhThucHien,Foo\nA,1,x\n");
    fails_with(
        &["report", "--input", &header, "--period", "2021-Q3"],
        &["missing required column(s): DonViXuLy, NgayTiepNhan, TrangThaiHoSo"],
    );
    let latin1 = write_temp(
        &dir,
        "latin1.csv",
        b"MaHoSo,DonViXuLy,KenhThucHien,NgayTiepNhan,NgayHenTra,TrangThaiHoSo\nA,STP,1,2021-07-01,2021-07-05,4\nB,S\xd4,1,2021-07-01,2021-07-05,4\n",
    );
    fails_with(
        &["report", "--input", &latin1, "--period", "2021-Q3"],
        &["line 3 is not valid UTF-8", "DonViXuLy"],
    );
    let ok = data("example.csv");
    fails_with(
        &[
            "report",
            "--input",
            ok.to_str().unwrap(),
            "--period",
            "2021-Q5",
        ],
        &["2021-Q5"],
    );
    fails_with(
        &[
            "report",
            "--input",
            ok.to_str().unwrap(),
            "--period",
            "last quarter",
        ],
        &["cannot read period 'last quarter'", "2021-Q3"],
    );
    let cal = write_temp(&dir, "bad.toml", b"name = \"x\"\nholidays = [2021-13-01]\n");
    fails_with(
        &[
            "report",
            "--input",
            ok.to_str().unwrap(),
            "--period",
            "2021-Q3",
            "--calendar",
            &cal,
        ],
        &["line 2"],
    );
}

#[test]
fn every_bad_row_case_is_listed_with_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let csv = "MaHoSo,DonViXuLy,KenhThucHien,MucDo,NgayTiepNhan,NgayHenTra,ThoiHanGiaiQuyet,NgayKetThucXuLy,NgayTra,TrangThaiHoSo,SoLanBoSung,DanhGia,SoCoQuanLienHe,PhanAnh\n\
A1,STP,1,2,2021-07-01 09:00,2021-07-05,,2021-07-02,,10,0,3,,\n\
A2,STP,1,2,2021-07-32 09:00,2021-07-05,,,,4,,,,\n\
A3,STP,7,2,2021-07-01 09:00,2021-07-05,,,,4,,,,\n\
A4,STP,1,9,2021-07-01 09:00,2021-07-05,,,,4,,,,\n\
A5,STP,1,2,2021-07-01 09:00,,,,,4,,,,\n\
A6,STP,1,2,2021-07-01 09:00,2021-07-05,,,,9,,,,\n\
A7,STP,1,2,2021-07-05 09:00,2021-07-09,,2021-07-01,,10,,,,\n\
A1,STP,1,2,2021-07-01 09:00,2021-07-05,,,,4,,,,\n\
A8,STP,1,2,2021-07-01 09:00,2021-07-05,,,,12,,,,\n\
A9,STP,1,2,2021-07-01 09:00,2021-07-05,x,,,4,,,,\n\
A10,STP,1,2,2021-07-01 09:00,2021-07-05,,,,4,-1,,,\n\
A11,STP,1,2,2021-07-01 09:00,2021-07-05,,,,4,,5,,\n\
A12,STP,1,2,2021-07-01 09:00,2021-07-05,,,,4,,,2.5,\n\
A13,STP,1,2,2021-07-01 09:00,2021-07-05,,,,4,,,,yes\n\
,STP,1,2,2021-07-01 09:00,2021-07-05,,,,4,,,,\n\
A14,,1,2,2021-07-01 09:00,2021-07-05,,,,4,,,,\n\
A15,STP,1,2\n\
A16,STP,2,2,2021-07-01 09:00,,,,,1,,,,\n";
    let p = write_temp(&dir, "bad.csv", csv.as_bytes());
    let out = motcua(
        BIN,
        &[
            "report", "--input", &p, "--period", "2021-Q3", "--format", "json",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let errors: Vec<(u64, String)> = v["input"]["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["line"].as_u64().unwrap(),
                e["column"].as_str().unwrap_or("-").to_owned(),
            )
        })
        .collect();
    let expected: Vec<(u64, &str)> = vec![
        (3, "NgayTiepNhan"),
        (4, "KenhThucHien"),
        (5, "MucDo"),
        (6, "NgayHenTra"),
        (7, "NgayKetThucXuLy"),
        (8, "NgayKetThucXuLy"),
        (9, "MaHoSo"),
        (10, "TrangThaiHoSo"),
        (11, "ThoiHanGiaiQuyet"),
        (12, "SoLanBoSung"),
        (13, "DanhGia"),
        (14, "SoCoQuanLienHe"),
        (15, "PhanAnh"),
        (16, "MaHoSo"),
        (17, "DonViXuLy"),
        (18, "-"),
    ];
    let got: Vec<(u64, &str)> = errors.iter().map(|(l, c)| (*l, c.as_str())).collect();
    assert_eq!(got, expected);
    let input = &v["input"];
    assert_eq!(input["rows"], 18);
    assert_eq!(input["used"], 1);
    assert_eq!(input["rejected"], 16);
    assert_eq!(input["not_received"], 1);
    check_identity(&v).unwrap();
}

#[test]
fn quoted_fields_with_commas_and_newlines_keep_line_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let csv = "\u{feff}MaHoSo,DonViXuLy,KenhThucHien,NgayTiepNhan,NgayHenTra,TrangThaiHoSo,Note\n\
Q1,\"S,TP\",1,2021-07-01 09:00,2021-07-05,4,\"two\nlines\"\n\
Q2,STP,9,2021-07-01 09:00,2021-07-05,4,x\n";
    let p = write_temp(&dir, "quoted.csv", csv.as_bytes());
    let out = motcua(
        BIN,
        &[
            "report", "--input", &p, "--period", "2021-Q3", "--format", "json",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["agencies"][0]["agency"], "S,TP");
    assert_eq!(v["input"]["errors"][0]["line"], 4);
}

#[test]
fn calendar_json_for_2024() {
    let out = motcua(BIN, &["calendar", "--year", "2024", "--format", "json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["year"], 2024);
    assert_eq!(v["lunar_new_year"], "2024-02-10");
    assert!(
        v["holidays"]
            .as_array()
            .unwrap()
            .iter()
            .any(|h| h["date"] == "2024-02-08" && h["name"] == "Tết Nguyên đán")
    );
    assert_eq!(v["make_up_working_days"], serde_json::json!(["2024-05-04"]));
    // 366 days, 104 weekend days, 12 weekday closures, 1 make-up Saturday
    assert_eq!(v["working_day_count"], 366 - 104 - 12 + 1);
}

/// The records of a CSV text read with `sep`.
fn records(text: &str, sep: u8) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .delimiter(sep)
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

#[test]
fn csv_output_for_excel_has_semicolons_and_a_byte_order_mark() {
    let csv = data("example.csv");
    let cal = data("example.calendar.toml");
    let args = example_args("csv", csv.to_str().unwrap(), cal.to_str().unwrap());
    let plain = motcua(BIN, &args);
    assert!(plain.status.success(), "{}", stderr(&plain));
    let plain = stdout(&plain);
    assert!(plain.starts_with("agency,"), "{plain}");
    let mut excel_args = args.clone();
    excel_args.extend(["--csv-separator", ";", "--csv-bom"]);
    let excel = motcua(BIN, &excel_args);
    assert!(excel.status.success(), "{}", stderr(&excel));
    let excel = stdout(&excel);
    let body = excel
        .strip_prefix('\u{feff}')
        .expect("a UTF-8 byte order mark");
    assert!(body.starts_with("agency;"), "{body}");
    // the same fields and records, read with each one's separator
    assert_eq!(records(body, b';'), records(&plain, b','));
    let bad = motcua(BIN, &[&args[..], &["--csv-separator", "|"]].concat());
    assert_eq!(bad.status.code(), Some(2), "{}", stderr(&bad));
}

#[test]
fn a_period_with_no_dossier_is_warned_on_stderr_in_the_language_asked() {
    // The example's dossiers are received in 2021; a mistyped year gives a report of zeros,
    // still status 0, with one warning naming the dates the input covers.
    let csv = data("example.csv");
    let cal = data("example.calendar.toml");
    let (csv, cal) = (csv.to_str().unwrap(), cal.to_str().unwrap());
    for (lang, word, tail) in [
        (
            "vi",
            "motcua: cảnh báo: không có hồ sơ nào trong kỳ",
            "hồ sơ của dữ liệu đầu vào được tiếp nhận từ ngày",
        ),
        (
            "en",
            "motcua: warning: no dossier in the period",
            "the input's dossiers were received from",
        ),
    ] {
        for cmd in ["report", "score"] {
            let mut args = vec![
                cmd,
                "--input",
                csv,
                "--calendar",
                cal,
                "--period",
                "2012-Q3",
                "--lang",
                lang,
            ];
            if cmd == "score" {
                args.extend(["--rulebook", "circular-01-2018"]);
            }
            let out = motcua(BIN, &args);
            assert!(out.status.success(), "{cmd} {lang}: {}", stderr(&out));
            let err = stderr(&out);
            let lines: Vec<&str> = err.lines().filter(|l| l.contains(word)).collect();
            assert_eq!(
                lines.len(),
                1,
                "{cmd} {lang}: one warning line expected in {err}"
            );
            assert!(lines[0].contains(tail), "{cmd} {lang}: {}", lines[0]);
        }
    }
    // A period with dossiers: no such warning.
    let out = motcua(
        BIN,
        &[
            "report",
            "--input",
            csv,
            "--calendar",
            cal,
            "--period",
            "2021-Q3",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        !stderr(&out).contains("không có hồ sơ nào"),
        "{}",
        stderr(&out)
    );
}

//! Other inputs (Excel, the portal's JSON) and official outputs (Biểu II.06a, the
//! announcement): the sample read from every format gives the same report, the 06a workbook
//! reads back cell by cell, and the announcement carries the seed's figures.

use std::fmt::Write as _;
use std::io::Cursor;
use std::sync::OnceLock;

use calamine::{Data, DataType, Reader, Xlsx};
use motcua_core::calendar::Calendar;
use motcua_core::count::Counter;
use motcua_core::form06a::{Form06a, Form06aOptions};
use motcua_core::period::Period;
use motcua_core::report::Report;
use motcua_io::input::{InputFormat, InputOptions, read_bytes};
use motcua_io::tables;
use motcua_sample::{HEADER, Profile, SampleRecord, agencies, generate};
use motcua_tests::{check_identity, motcua, stderr, stdout};
use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_motcua-under-test");

struct Sample {
    csv: String,
    rows: Vec<Vec<String>>,
}

fn sample() -> &'static Sample {
    static S: OnceLock<Sample> = OnceLock::new();
    S.get_or_init(|| {
        let mut csv = String::new();
        SampleRecord::write_csv_header(&mut csv);
        let mut rows = Vec::new();
        generate(&Profile::SocTrang2021, &Calendar::vn(), |rec| {
            rec.write_csv_row(&mut csv);
            rows.push(rec.fields().map(str::to_owned).collect());
        });
        Sample { csv, rows }
    })
}

fn q3() -> Period {
    "2021-Q3".parse().unwrap()
}

/// The report of a table, read as the CLI reads it.
fn report_of(format: InputFormat, bytes: &[u8]) -> Report {
    let period = q3();
    let periods = [period, period.previous().unwrap()];
    let mut counter = Counter::new(&periods);
    let ing = read_bytes(
        format,
        bytes,
        &Calendar::vn(),
        &InputOptions::default(),
        |d| counter.count(d),
    )
    .unwrap();
    if !ing.agencies.is_empty() {
        counter.touch(ing.agencies.len() as u32 - 1);
    }
    let tallies = counter.into_tallies(|i| ing.agencies.name(i).to_owned());
    motcua_io::report::from_tallies(period, ing.input, &tallies)
}

/// The report as JSON, with a JSON input's record numbers turned into the CSV's lines.
fn as_csv_lines(mut r: Report, format: InputFormat) -> Value {
    // the source profile names the source (contract 14), which differs by format
    r.input.profile = None;
    if format == InputFormat::Json {
        for e in &mut r.input.errors {
            e.line += 1;
        }
    }
    serde_json::to_value(&r).unwrap()
}

#[test]
fn the_sample_gives_the_same_report_from_csv_xlsx_and_portal_json() {
    let s = sample();
    let csv = report_of(InputFormat::Csv, s.csv.as_bytes());
    assert_eq!(csv.total.counts.received, 12656);
    assert_eq!(csv.total.counts.resolved, 12085);
    assert_eq!(csv.agencies.len(), 17);
    let expected = as_csv_lines(csv, InputFormat::Csv);
    let xlsx = tables::to_xlsx("Hồ sơ", &HEADER, &s.rows).unwrap();
    let jsonl = tables::portal_jsonl(&HEADER, &s.rows);
    let array = tables::portal_array(&HEADER, &s.rows);
    for (name, format, bytes) in [
        ("xlsx", InputFormat::Xlsx, &xlsx[..]),
        ("jsonl", InputFormat::Json, jsonl.as_bytes()),
        ("array", InputFormat::Json, array.as_bytes()),
    ] {
        let got = as_csv_lines(report_of(format, bytes), format);
        assert!(got == expected, "{name} differs from CSV:\n{got:#}");
    }
}

#[test]
fn the_example_rejects_the_same_rows_in_every_format() {
    let text = std::fs::read_to_string(motcua_tests::data("example.csv")).unwrap();
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    // the example quotes some fields, and none holds a comma
    let rows: Vec<Vec<&str>> = lines
        .map(|l| l.split(',').map(|f| f.trim_matches('"')).collect())
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("example.xlsx");
    std::fs::write(&xlsx, tables::to_xlsx("Dữ liệu", &header, &rows).unwrap()).unwrap();
    let jsonl = dir.path().join("example.jsonl");
    std::fs::write(&jsonl, tables::portal_jsonl(&header, &rows)).unwrap();
    let cal = motcua_tests::data("example.calendar.toml");
    let run = |input: &std::path::Path| -> Value {
        let args = [
            "report",
            "--input",
            input.to_str().unwrap(),
            "--period",
            "2021-Q3",
            "--calendar",
            cal.to_str().unwrap(),
            "--format",
            "json",
        ];
        let out = motcua(BIN, &args);
        assert!(out.status.success(), "{}", stderr(&out));
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let mut csv = run(&motcua_tests::data("example.csv"));
    let mut from_xlsx = run(&xlsx);
    // the same rows as an Excel 97–2003 workbook (written by xlwt: time limits and
    // supplement counts as numbers, plain receipt times as date cells)
    let mut from_xls = run(&motcua_tests::data("example.xls"));
    let mut from_json = run(&jsonl);
    // the source profile names the source (contract 14): the portal's records are dvcqg's
    assert_eq!(from_json["input"]["profile"], "dvcqg");
    for r in [&mut csv, &mut from_xlsx, &mut from_xls, &mut from_json] {
        r["input"].as_object_mut().unwrap().remove("profile");
    }
    // contract 6a: a workbook's errors name their sheet, JSON's their record
    for r in [&mut from_xlsx, &mut from_xls] {
        for e in r["input"]["errors"].as_array_mut().unwrap() {
            assert_eq!(e["sheet"], "Dữ liệu", "{e}");
            e.as_object_mut().unwrap().remove("sheet");
        }
    }
    assert_eq!(from_xlsx, csv);
    assert_eq!(from_xls, csv);
    for e in from_json["input"]["errors"].as_array_mut().unwrap() {
        assert_eq!(e["record"], e["line"], "{e}");
        e.as_object_mut().unwrap().remove("record");
        e["line"] = Value::from(e["line"].as_u64().unwrap() + 1);
    }
    assert_eq!(from_json, csv);
    assert_eq!(csv["input"]["rejected"], 3);
    // the text report names rows the way each format numbers them
    let out = motcua(
        BIN,
        &[
            "report",
            "--input",
            xlsx.to_str().unwrap(),
            "--period",
            "2021-Q3",
            "--calendar",
            cal.to_str().unwrap(),
        ],
    );
    assert!(
        stdout(&out).contains(
            "trang 'Dữ liệu', dòng 16, cột KenhThucHien: mã KenhThucHien không có trong danh mục"
        ),
        "{}",
        stdout(&out)
    );
    let out = motcua(
        BIN,
        &[
            "report",
            "--input",
            jsonl.to_str().unwrap(),
            "--period",
            "2021-Q3",
            "--calendar",
            cal.to_str().unwrap(),
            "--lang",
            "en",
        ],
    );
    assert!(
        stdout(&out).contains("record 15, field KenhThucHien: unknown channel '5'"),
        "{}",
        stdout(&out)
    );
}

/// What the 06a table should hold for one agency or the total of the JSON report.
fn expected_cells(v: &Value, closed_as_on_time: bool) -> Vec<u64> {
    let n = |k: &str| v[k].as_u64().unwrap();
    let cwr = n("closed_without_result");
    let extra = u64::from(!closed_as_on_time) * cwr;
    let moved = cwr - extra;
    [
        n("received") + n("carried_over"),
        n("received_online"),
        n("received_in_person") + n("received_postal"),
        n("carried_over"),
        n("resolved") + moved,
        n("resolved_early"),
        n("resolved_on_time") + moved,
        n("resolved_late"),
        n("pending"),
        n("pending_within_due"),
        n("pending_overdue"),
    ]
    .into_iter()
    .chain((!closed_as_on_time).then_some(extra))
    .collect()
}

fn check_workbook(report: &Report, closed_as_on_time: bool) {
    let names = agencies()
        .iter()
        .map(|(c, vi, _)| ((*c).to_owned(), (*vi).to_owned()))
        .collect();
    let opts = Form06aOptions {
        closed_as_on_time,
        names,
        reporting_unit: "Trung tâm PVHCC tỉnh Sóc Trăng".into(),
        ..Form06aOptions::default()
    };
    let form = Form06a::build(report, &opts);
    assert!(form.is_consistent());
    let bytes = motcua_io::form06a::to_xlsx(&form).unwrap();
    let mut wb: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).unwrap();
    assert_eq!(wb.sheet_names(), ["Biểu II.06a"]);
    let sheet = wb.worksheet_range("Biểu II.06a").unwrap();
    let json = serde_json::to_value(report).unwrap();
    let at = |r: u32, c: u32| sheet.get_value((r, c)).cloned().unwrap_or(Data::Empty);
    let s = |r: u32, c: u32| at(r, c).to_string();
    let width: u32 = if closed_as_on_time { 13 } else { 14 };
    assert_eq!(s(0, 0), "Biểu số II.06a/VPCP/KSTT");
    assert_eq!(
        s(0, 3),
        "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH TẠI TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG"
    );
    assert_eq!(
        s(2, 3),
        "Kỳ báo cáo: Quý III năm 2021 (Từ ngày 01/07/2021 đến ngày 30/09/2021)"
    );
    assert_eq!(
        s(0, width - 3),
        "Đơn vị báo cáo: Trung tâm PVHCC tỉnh Sóc Trăng"
    );
    assert_eq!(
        s(1, width - 3),
        "Đơn vị nhận báo cáo: Văn phòng Ủy ban nhân dân tỉnh"
    );
    assert_eq!(s(3, width - 3), "Đơn vị tính: Số hồ sơ TTHC");
    for (c, h) in [
        (0, "STT"),
        (1, "Lĩnh vực / đơn vị"),
        (2, "Số hồ sơ nhận giải quyết"),
        (6, "Số lượng hồ sơ đã giải quyết"),
        (10, "Số lượng hồ sơ đang giải quyết"),
    ] {
        assert_eq!(s(5, c), h);
    }
    // The second header row: totals and "Trong đó" over columns 4–5; the third: the
    // channels under "Trong đó" (Circular 01/2020's layout as one-stop systems print it).
    let second = [
        (2, "Tổng số"),
        (3, "Trong đó"),
        (5, "Từ kỳ trước"),
        (6, "Tổng số"),
        (7, "Trước hạn"),
        (8, "Đúng hạn"),
        (9, "Quá hạn"),
        (10, "Tổng số"),
        (11, "Trong hạn"),
        (12, "Quá hạn"),
    ];
    for (c, h) in second {
        assert_eq!(s(6, c), h);
    }
    assert_eq!(s(7, 3), "Trực tuyến");
    assert_eq!(s(7, 4), "Trực tiếp, dịch vụ bưu chính");
    assert_eq!(
        s(5, 13),
        if closed_as_on_time {
            ""
        } else {
            "Rút, dừng xử lý (không có kết quả)"
        }
    );
    for c in 0..width {
        assert_eq!(s(8, c), format!("({})", c + 1));
    }
    let merged = wb.merge_cells_by_sheet_name("Biểu II.06a").unwrap();
    let spans: Vec<_> = merged.iter().map(|d| (d.start, d.end)).collect();
    for span in [
        ((5, 0), (7, 0)),
        ((5, 1), (7, 1)),
        ((5, 2), (5, 5)),
        ((6, 2), (7, 2)),
        ((6, 3), (6, 4)),
        ((6, 5), (7, 5)),
        ((5, 6), (5, 9)),
        ((5, 10), (5, 12)),
    ] {
        assert!(spans.contains(&span), "{span:?} is not merged: {spans:?}");
    }
    let agencies = json["agencies"].as_array().unwrap();
    let mut sum = vec![0u64; width as usize - 2];
    for (i, a) in agencies
        .iter()
        .chain(std::iter::once(&json["total"]))
        .enumerate()
    {
        let r = 9 + i as u32;
        let is_total = i == agencies.len();
        let code = a["agency"].as_str().unwrap_or("");
        let label = if is_total {
            "Tổng cộng".to_owned()
        } else {
            opts.names[code].clone()
        };
        assert_eq!(s(r, 1), label);
        assert_eq!(
            at(r, 0),
            if is_total {
                Data::Empty
            } else {
                Data::Float(i as f64 + 1.0)
            }
        );
        let got: Vec<u64> = (2..width)
            .map(|c| at(r, c).get_float().unwrap() as u64)
            .collect();
        assert_eq!(
            got,
            expected_cells(a, closed_as_on_time),
            "row {r} ({label})"
        );
        assert_eq!(
            got[0],
            got[1] + got[2] + got[3],
            "col 3 = 4 + 5 + 6, row {r}"
        );
        assert_eq!(
            got[4],
            got[5] + got[6] + got[7],
            "col 7 = 8 + 9 + 10, row {r}"
        );
        assert_eq!(got[8], got[9] + got[10], "col 11 = 12 + 13, row {r}");
        assert_eq!(
            got[0],
            got[4] + got[8] + got.get(11).copied().unwrap_or(0),
            "col 3 = 7 + 11 (+ 14), row {r}"
        );
        if is_total {
            assert_eq!(got, sum, "the total row is the sum of the agencies");
        } else {
            sum.iter_mut().zip(&got).for_each(|(s, g)| *s += g);
        }
    }
    assert_eq!(
        at(10 + agencies.len() as u32, 1),
        Data::Empty,
        "nothing after the total row"
    );
}

#[test]
fn the_06a_workbook_reads_back_cell_by_cell() {
    let report = report_of(InputFormat::Csv, sample().csv.as_bytes());
    assert!(
        report.total.counts.closed_without_result > 0,
        "the sample has withdrawn dossiers"
    );
    check_workbook(&report, false);
    check_workbook(&report, true);
}

fn units_csv() -> String {
    let mut s = String::from(
        "DonViXuLy,TenDonVi,Cap,CongKhai,TyLeGiaiQuyetTaiMotCua,TiepNhanDayDu,PhanAnhTiepNhan,PhanAnhDungHan,PhanAnhKeoDai,SoTTHC,SoTTHCMucDo34\n",
    );
    for u in motcua_sample::units::soc_trang_2021_units() {
        let (share, full) = (u.desk_share.as_f64(), u8::from(u.full_desk_receipt));
        let _ = writeln!(
            s,
            "{},\"{}\",{},{},{share},{full},{},{},{},{},{}",
            u.code,
            u.name.unwrap_or_default(),
            u.level.code(),
            u.publication,
            u.feedback_received,
            u.feedback_on_time,
            u.feedback_drawn_out,
            u.procedures,
            u.procedures_level34
        );
    }
    s
}

#[test]
fn the_announcement_tells_the_seeds_figures() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("sample.csv");
    std::fs::write(&input, &sample().csv).unwrap();
    let units = dir.path().join("units.csv");
    std::fs::write(&units, units_csv()).unwrap();
    let (input, units) = (input.to_str().unwrap(), units.to_str().unwrap());
    let base = [
        "report",
        "--input",
        input,
        "--period",
        "2021-Q3",
        "--format",
        "announcement",
        "--units",
        units,
        "--rulebook",
        "soc-trang-1216-2019",
    ];
    let out = motcua(BIN, &base);
    assert!(out.status.success(), "{}", stderr(&out));
    let vi = stdout(&out);
    for figure in [
        "12.656",
        "12.085",
        "95,49 %",
        "12.083",
        "99,98 %",
        "8.694",
        "73,02 %",
        "11.906",
        "609",
        "100 %",
        "17/17",
        "Xuất sắc",
        "22.758",
        "10.102",
        "13,35 %",
        "99,94 %",
        "quý III năm 2021",
    ] {
        assert!(vi.contains(figure), "{figure} is missing:\n{vi}");
    }
    insta::assert_snapshot!("announcement_vi", vi);
    let out = motcua(BIN, &[&base[..], &["--lang", "en"]].concat());
    assert!(out.status.success(), "{}", stderr(&out));
    insta::assert_snapshot!("announcement_en", stdout(&out));
    let plain = motcua(BIN, &base[..7]);
    assert!(plain.status.success(), "{}", stderr(&plain));
    assert!(!stdout(&plain).contains("17/17"));
    insta::assert_snapshot!("announcement_vi_without_grades", stdout(&plain));
}

#[test]
fn form06a_from_the_command_line_as_xlsx_and_csv() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("sample.jsonl");
    std::fs::write(&input, tables::portal_jsonl(&HEADER, &sample().rows)).unwrap();
    let (xlsx, csv) = (dir.path().join("06a.xlsx"), dir.path().join("06a.csv"));
    // Names come only from what the user gives: here the sample's own units file.
    let units = dir.path().join("units.csv");
    let profile: motcua_sample::Profile = "soc-trang-2021".parse().unwrap();
    std::fs::write(&units, motcua_sample::units_for(&profile).to_csv()).unwrap();
    for (out, extra) in [(&xlsx, None), (&csv, Some("--closed-as-on-time"))] {
        let mut args = vec![
            "report",
            "--input",
            input.to_str().unwrap(),
            "--period",
            "2021-Q3",
            "--format",
            "form06a",
            "--units",
            units.to_str().unwrap(),
            "--output",
            out.to_str().unwrap(),
        ];
        args.extend(extra);
        let o = motcua(BIN, &args);
        assert!(o.status.success(), "{}", stderr(&o));
    }
    let wb: Xlsx<_> = calamine::open_workbook(&xlsx).unwrap();
    assert_eq!(wb.sheet_names(), ["Biểu II.06a"]);
    let text = std::fs::read_to_string(&csv).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 1 + 17 + 1);
    assert!(
        lines[0]
            .starts_with("(1) STT,(2) Lĩnh vực / đơn vị,(3) Số hồ sơ nhận giải quyết - Tổng số,")
    );
    assert!(
        lines[1].starts_with("1,Sở Công Thương,")
            || lines[1].starts_with("1,Bảo hiểm xã hội tỉnh,"),
        "{}",
        lines[1]
    );
    assert!(lines[18].starts_with(",Tổng cộng,"));
    assert_eq!(lines[18].split(',').count(), 13);
    let json = motcua(
        BIN,
        &[
            "report",
            "--input",
            input.to_str().unwrap(),
            "--period",
            "2021-Q3",
            "--format",
            "json",
        ],
    );
    check_identity(&serde_json::from_slice(&json.stdout).unwrap()).unwrap();
    let bad = motcua(
        BIN,
        &[
            "report",
            "--input",
            input.to_str().unwrap(),
            "--period",
            "2021-Q3",
            "--format",
            "form06a",
            "--output",
            "x.pdf",
        ],
    );
    assert!(stderr(&bad).contains(".xlsx or .csv"), "{}", stderr(&bad));
}

/// Biểu II.06a for data whose codes happen to be the sample's (`STP`, `SYT`) but with no
/// names given shows the codes: the sample's names never fill a user's form.
#[test]
fn form06a_without_names_shows_the_codes_not_the_samples_names() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("d.csv");
    std::fs::write(
        &input,
        "MaHoSo,DonViXuLy,KenhThucHien,NgayTiepNhan,NgayHenTra,NgayKetThucXuLy,TrangThaiHoSo\n\
         A1,STP,2,2021-07-01,2021-07-05,2021-07-02,10\n\
         A2,SYT,1,2021-07-02,2021-07-06,,4\n",
    )
    .unwrap();
    let o = motcua(
        BIN,
        &[
            "report",
            "--input",
            input.to_str().unwrap(),
            "--period",
            "2021-Q3",
            "--format",
            "form06a",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[1].starts_with("1,STP,"), "{text}");
    assert!(lines[2].starts_with("2,SYT,"), "{text}");
    assert!(
        !text.contains("Sở Tư pháp") && !text.contains("Sở Y tế"),
        "{text}"
    );
}

//! Report forms by procedure (06b), by field (07a) and Biểu II.06a by field under each
//! level, through the `motcua` command. Expected cells are counted by hand from the rows
//! below (each column's meaning from the form's definition: 3 = received + carried over,
//! 4 online, 5 in person or postal, 7–10 resolved early / on time / late, 11–13 pending).

use motcua_tests::{motcua, stderr, stdout};

const BIN: &str = env!("CARGO_BIN_EXE_motcua-under-test");

const DOSSIERS: &str =
    "MaHoSo,MaTTHC,DonViXuLy,KenhThucHien,NgayTiepNhan,NgayHenTra,NgayKetThucXuLy,TrangThaiHoSo
A1,1.001,STP,2,2021-07-01,2021-07-05,2021-07-02,10
A2,1.001,STP,1,2021-07-02,2021-07-06,2021-07-06,10
A3,2.002,SYT,1,2021-07-05,2021-07-07,,4
A4,2.002,XA1,2,2021-07-06,2021-07-20,2021-07-22,10
A5,,STP,3,2021-07-07,2021-07-09,2021-07-08,10
";

const CATALOG: &str = "MaTTHC,TenTTHC,MaLinhVuc,TenLinhVuc,MucDo
1.001,Cấp phiếu lý lịch tư pháp,TP,Tư pháp,4
2.002,Cấp giấy phép hành nghề,YT,Y tế,3
";

const UNITS: &str = "DonViXuLy,TenDonVi,Cap
SYT,Sở Y tế,tinh
STP,Sở Tư pháp,tinh
XA1,UBND xã Một,xa
";

fn form(format: &str, extra: &[&str]) -> Vec<Vec<String>> {
    let dir = tempfile::tempdir().unwrap();
    let (d, c, u) = (
        dir.path().join("d.csv"),
        dir.path().join("c.csv"),
        dir.path().join("u.csv"),
    );
    std::fs::write(&d, DOSSIERS).unwrap();
    std::fs::write(&c, CATALOG).unwrap();
    std::fs::write(&u, UNITS).unwrap();
    let mut args = vec![
        "report",
        "--input",
        d.to_str().unwrap(),
        "--period",
        "2021-Q3",
        "--catalog",
        c.to_str().unwrap(),
        "--units",
        u.to_str().unwrap(),
        "--format",
        format,
    ];
    args.extend_from_slice(extra);
    let o = motcua(BIN, &args);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

fn cells(row: &[String]) -> Vec<u64> {
    row[2..].iter().map(|c| c.parse().unwrap()).collect()
}

#[test]
fn form_06b_has_a_row_per_procedure_with_the_catalogs_names() {
    let rows = form("form06b", &[]);
    assert_eq!(rows[0][1], "(2) Thủ tục hành chính");
    assert_eq!(rows[1][1], "Cấp phiếu lý lịch tư pháp");
    assert_eq!(rows[2][1], "Cấp giấy phép hành nghề");
    assert_eq!(rows[3][1], "(không rõ thủ tục)");
    // 1.001: A1 online early, A2 in person on its due day.
    assert_eq!(cells(&rows[1]), [2, 1, 1, 0, 2, 1, 1, 0, 0, 0, 0, 0]);
    // 2.002: A3 pending (overdue at 30/09), A4 online, late.
    assert_eq!(cells(&rows[2]), [2, 1, 1, 0, 1, 0, 0, 1, 1, 0, 1, 0]);
    // No procedure: A5 by post, early.
    assert_eq!(cells(&rows[3]), [1, 0, 1, 0, 1, 1, 0, 0, 0, 0, 0, 0]);
    assert_eq!(rows[4][1], "Tổng cộng");
    assert_eq!(cells(&rows[4]), [5, 2, 3, 0, 4, 2, 1, 1, 1, 0, 1, 0]);
}

#[test]
fn form_07a_has_a_row_per_field() {
    let rows = form("form07a", &[]);
    assert_eq!(rows[0][1], "(2) Lĩnh vực");
    let labels: Vec<&str> = rows[1..].iter().map(|r| r[1].as_str()).collect();
    assert_eq!(
        labels,
        ["Tư pháp", "Y tế", "(không rõ lĩnh vực)", "Tổng cộng"]
    );
    assert_eq!(cells(&rows[1])[0], 2);
    assert_eq!(cells(&rows[2])[0], 2);
}

#[test]
fn form_06a_by_field_under_each_level_has_the_levels_subtotals() {
    let rows = form("form06a", &["--form-rows", "fields-by-level"]);
    assert_eq!(rows[0][1], "(2) Lĩnh vực, công việc giải quyết theo cấp");
    let labels: Vec<&str> = rows[1..].iter().map(|r| r[1].as_str()).collect();
    assert_eq!(
        labels,
        [
            "I. Cấp tỉnh",
            "Tư pháp",
            "Y tế",
            "(không rõ lĩnh vực)",
            "II. Cấp xã",
            "Y tế",
            "Tổng cộng"
        ]
    );
    // The province: A1, A2, A3, A5; the commune: A4.
    assert_eq!(cells(&rows[1])[0], 4);
    assert_eq!(rows[1][0], "");
    assert_eq!(rows[2][0], "1");
    assert_eq!(cells(&rows[5])[0], 1);
    assert_eq!(cells(&rows[5])[7], 1, "A4 resolved late");
    assert_eq!(cells(&rows[7])[0], 5);
}

#[test]
fn form_06a_lists_agencies_in_the_units_files_order() {
    let rows = form("form06a", &[]);
    let labels: Vec<&str> = rows[1..].iter().map(|r| r[1].as_str()).collect();
    assert_eq!(
        labels,
        ["Sở Y tế", "Sở Tư pháp", "UBND xã Một", "Tổng cộng"]
    );
}

#[test]
fn the_workbook_has_the_three_header_rows_and_the_signature_block() {
    use calamine::{Reader, Xlsx};
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("d.csv");
    std::fs::write(&d, DOSSIERS).unwrap();
    let out = dir.path().join("f.xlsx");
    let o = motcua(
        BIN,
        &[
            "report",
            "--input",
            d.to_str().unwrap(),
            "--period",
            "2021-Q3",
            "--format",
            "form06a",
            "--place",
            "Sóc Trăng",
            "--signed-on",
            "2021-10-05",
            "--output",
            out.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let mut wb: Xlsx<_> = calamine::open_workbook(&out).unwrap();
    let range = wb.worksheet_range("Biểu II.06a").unwrap();
    let text: Vec<String> = range
        .rows()
        .flat_map(|r| r.iter().map(ToString::to_string))
        .collect();
    for needle in [
        "Trong đó",
        "Trực tuyến",
        "Sóc Trăng, ngày 05 tháng 10 năm 2021",
        "Người lập biểu",
        "Thủ trưởng đơn vị",
        "(13)",
    ] {
        assert!(text.iter().any(|t| t == needle), "{needle} missing");
    }
}

#[test]
fn a_form_by_field_without_fields_names_the_codes_or_the_unknown_row() {
    // Without a catalog no dossier has a field: one row "(không rõ lĩnh vực)".
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("d.csv");
    std::fs::write(&d, DOSSIERS).unwrap();
    let o = motcua(
        BIN,
        &[
            "report",
            "--input",
            d.to_str().unwrap(),
            "--period",
            "2021-Q3",
            "--format",
            "form07a",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(
        text.lines()
            .nth(1)
            .unwrap()
            .starts_with("1,(không rõ lĩnh vực),5,"),
        "{text}"
    );
}

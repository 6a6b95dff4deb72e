//! Units rows: defaults, every column, and bad values with their line and column.

use chrono::NaiveDate;

use super::*;

#[test]
fn units_rows_parse_with_defaults_and_errors_with_line_and_column() {
    let header = [
        "DonViXuLy",
        "TenDonVi",
        "Cap",
        "CongKhai",
        "TyLeGiaiQuyetTaiMotCua",
        "TiepNhanDayDu",
        "PhanAnhTiepNhan",
        "PhanAnhDungHan",
        "PhanAnhKeoDai",
        "SoTTHC",
        "SoTTHCMucDo34",
    ];
    let ok = Units::from_rows(
        header,
        [
            (
                2,
                vec![
                    "STP",
                    "Sở Tư pháp",
                    "huyện",
                    "1",
                    "25%",
                    "0",
                    "10",
                    "9",
                    "0",
                    "40",
                    "12",
                ],
            ),
            (3, vec!["SYT"]),
        ],
    )
    .unwrap();
    let stp = ok.get("STP").unwrap();
    assert_eq!(
        (
            stp.level,
            stp.publication,
            stp.desk_share,
            stp.full_desk_receipt
        ),
        (Level::Huyen, 1, Ratio::new(1, 4).unwrap(), false)
    );
    assert_eq!(ok.get("SYT").unwrap(), &UnitFacts::new("SYT"));
    let csv = ok.to_csv();
    let mut lines = csv.lines();
    let head: Vec<&str> = lines.next().unwrap().split(',').collect();
    let rows: Vec<(u64, Vec<&str>)> = lines
        .enumerate()
        .map(|(i, l)| (i as u64 + 2, l.split(',').collect()))
        .collect();
    assert_eq!(
        Units::from_rows(head, rows).unwrap(),
        ok,
        "to_csv reads back"
    );
    let bad = |col: usize, v: &str| {
        let mut row = vec!["STP", "", "", "", "", "", "5", "", "", "10", ""];
        row[col] = v;
        Units::from_rows(header, [(7, row)]).unwrap_err()
    };
    for (col, v, needle) in [
        (3, "3", "publication"),
        (3, "x", "whole number"),
        (4, "1.5", "above 1"),
        (4, "abc", "not a number"),
        (2, "tp", "not a level"),
        (5, "2", "flag"),
        (7, "6", "more than the 5 received"),
        (10, "11", "more than the 10"),
        (9, "-1", "whole number"),
    ] {
        let e = bad(col, v);
        assert_eq!((e.line(), e.column()), (Some(7), Some(header[col])), "{e}");
        assert!(
            e.to_string().contains(needle) && e.to_string().starts_with("line 7, column "),
            "{e}"
        );
    }
    let dup = Units::from_rows(["DonViXuLy"], [(2, vec!["A"]), (3, vec!["A"])]).unwrap_err();
    assert_eq!(
        dup.to_string(),
        "line 3, column DonViXuLy: agency 'A' already has a row on line 2"
    );
    assert!(matches!(
        Units::from_rows(["Ma", "Cap"], Vec::<(u64, Vec<&str>)>::new()),
        Err(UnitsError::MissingCode { .. })
    ));
    assert!(matches!(
        Units::from_rows(
            ["\u{feff}DonViXuLy", "Cap", "Cap"],
            Vec::<(u64, Vec<&str>)>::new()
        ),
        Err(UnitsError::DuplicateColumn("Cap"))
    ));
    assert!(
        Units::from_rows(["DonViXuLy"], [(2, vec![""])])
            .unwrap_err()
            .to_string()
            .contains("required")
    );
}

#[test]
fn levels_after_2025_dates_and_successors() {
    let header = ["DonViXuLy", "Cap", "HieuLucTu", "HieuLucDen", "DonViKeThua"];
    let ok = Units::from_rows(
        header,
        [
            (2, vec!["SKHĐT", "tinh", "2008-01-01", "2025-02-28", "STC"]),
            (3, vec!["UBND-H", "huyen", "", "30/06/2025", ""]),
            (4, vec!["BTP", "bộ", "", "", ""]),
            (5, vec!["PHUONG-1", "xa", "01/07/2025", "", ""]),
        ],
    )
    .unwrap();
    let k = ok.get("SKHĐT").unwrap();
    assert_eq!(k.valid_to, NaiveDate::from_ymd_opt(2025, 2, 28));
    assert_eq!(k.successor.as_deref(), Some("STC"));
    assert_eq!(ok.get("BTP").unwrap().level, Level::Bo);
    assert_eq!(
        ok.get("PHUONG-1").unwrap().valid_from,
        NaiveDate::from_ymd_opt(2025, 7, 1)
    );
    assert!(
        ok.to_csv()
            .contains("SKHĐT,,tinh,2,0,1,,0,0,0,0,2008-01-01,2025-02-28,STC")
    );
    // A district agency starting on 2025-07-01 or later is refused, with its line.
    let e = Units::from_rows(
        header,
        [(7, vec!["UBND-H2", "huyen", "2025-07-01", "", ""])],
    )
    .unwrap_err();
    assert_eq!((e.line(), e.column()), (Some(7), Some("HieuLucTu")));
    assert!(e.to_string().contains("2025-06-30"), "{e}");
    // The day before is history, accepted.
    assert!(Units::from_rows(header, [(2, vec!["H", "huyen", "2025-06-30", "", ""])]).is_ok());
    for (row, column) in [
        (vec!["A", "tinh", "2025-13-01", "", ""], "HieuLucTu"),
        (
            vec!["A", "tinh", "2025-07-02", "2025-07-01", ""],
            "HieuLucDen",
        ),
        (vec!["A", "tinh", "", "", "A"], "DonViKeThua"),
        (vec!["A", "quan", "", "", ""], "Cap"),
    ] {
        let e = Units::from_rows(header, [(9, row)]).unwrap_err();
        assert_eq!((e.line(), e.column()), (Some(9), Some(column)), "{e}");
    }
}

#[test]
fn undated_districts_warn_after_the_reorganisation_and_successors_resolve() {
    let header = ["DonViXuLy", "Cap", "HieuLucDen", "DonViKeThua"];
    let units = Units::from_rows(
        header,
        [
            (2, vec!["UBND-H", "huyen", "", ""]),
            (3, vec!["UBND-H2", "huyen", "2025-06-30", ""]),
            (4, vec!["SNN", "tinh", "2025-02-28", "SNNMT"]),
            (5, vec!["STNMT", "tinh", "2025-02-28", "SNNMT"]),
        ],
    )
    .unwrap();
    let d = |s: &str| s.parse::<NaiveDate>().unwrap();
    assert!(units.level_warnings(d("2025-06-30")).is_empty());
    let w = units.level_warnings(d("2025-09-30"));
    assert_eq!(w.len(), 1, "{w:?}");
    assert!(w[0].starts_with("units line 2: agency 'UBND-H'"), "{w:?}");
    let last = units.successors().unwrap();
    assert_eq!(last.len(), 2);
    assert_eq!(last["SNN"], "SNNMT");
    assert_eq!(last["STNMT"], "SNNMT");
}

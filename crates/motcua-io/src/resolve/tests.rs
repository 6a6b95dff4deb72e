use super::*;

#[test]
fn a_name_comes_first_then_text_then_a_path() {
    let b = rulebook(&Given::Text(" circular-01-2018 "), Files::None).unwrap();
    assert_eq!(b.id, "circular-01-2018");
    let text = "id = \"mine\"\nextends = \"circular-01-2018\"\n";
    assert_eq!(
        rulebook(&Given::Text(text), Files::None).unwrap().id,
        "mine"
    );
    assert_eq!(
        rulebook(&Given::Bytes(text.as_bytes()), Files::None)
            .unwrap()
            .id,
        "mine"
    );
    let e = rulebook(&Given::Text("nope"), Files::Read).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Rulebook);
    assert!(e.to_string().contains("circular-01-2018"), "{e}");
    let e = rulebook(&Given::Text("mine.toml"), Files::None).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Argument);
    let e = rulebook(&Given::Text("/no/such/book.toml"), Files::Read).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::NotFound, "{e}");
}

#[test]
fn calendars_by_name_text_and_file() {
    assert_eq!(calendar(None, Files::None).unwrap().name(), "vn");
    assert_eq!(
        calendar(Some(&Given::Text("blank")), Files::None)
            .unwrap()
            .name(),
        "blank"
    );
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("c.toml");
    std::fs::write(&p, "name = \"f\"\nextends = \"vn\"\n").unwrap();
    let s = p.to_str().unwrap();
    assert_eq!(
        calendar(Some(&Given::Text(s)), Files::Read).unwrap().name(),
        "f"
    );
    assert_eq!(
        calendar(Some(&Given::Path(&p)), Files::Read)
            .unwrap()
            .name(),
        "f"
    );
    let e = calendar(Some(&Given::Text("name = 3")), Files::None).unwrap_err();
    assert_eq!((e.kind(), e.line()), (ErrorKind::Calendar, Some(1)));
    let e = calendar(Some(&Given::Bytes(b"\xff\xfe")), Files::None).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Encoding);
}

#[test]
fn units_and_catalogs_as_csv_text() {
    let u = units(
        Some(&Given::Text("DonViXuLy,TenDonVi\nSTP,Sở Tư pháp\n")),
        Files::None,
    )
    .unwrap();
    assert_eq!(u.iter().count(), 1);
    let e = units(Some(&Given::Text("units.csv")), Files::None).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Argument);
    let e = catalog(&Given::Text("TenTTHC\nx\n"), Files::None).unwrap_err();
    assert_eq!((e.kind(), e.line()), (ErrorKind::Catalog, Some(1)));
}

#[test]
fn periods_in_every_form_and_the_year_guard() {
    let spec = |p, f, t| PeriodSpec {
        period: p,
        from: f,
        to: t,
    };
    for (f, t) in [
        ("2021-07-01", "2021-09-30"),
        ("01/07/2021", "30/09/2021"),
        ("20210701000000", "20210930235959"),
        ("2021-07-01 08:00", "2021-09-30T17:00:00"),
    ] {
        let p = period(&spec(None, Some(f), Some(t))).unwrap();
        assert_eq!(p.to_string(), "2021-Q3", "{f} {t}");
    }
    for bad in [
        spec(None, None, None),
        spec(Some("2021-Q3"), Some("2021-07-01"), None),
        spec(None, Some("2021-07-01"), None),
        spec(None, Some("2021-09-30"), Some("2021-07-01")),
        spec(Some("2021-Q5"), None, None),
    ] {
        assert_eq!(
            period(&bad).unwrap_err().kind(),
            ErrorKind::Period,
            "{bad:?}"
        );
    }
    assert_eq!(calendar_year(2024).unwrap(), 2024);
    assert!(calendar_year(0).is_err() && calendar_year(10_000).is_err());
}

#[test]
fn one_pass_counts_and_grades_a_dataset_as_a_file() {
    let csv = "MaHoSo,MaTTHC,DonViXuLy,KenhThucHien,NgayTiepNhan,NgayHenTra,NgayKetThucXuLy,TrangThaiHoSo\n\
               H1,1.1,STP,2,2021-07-01,2021-07-05,2021-07-02,10\n\
               H2,,SYT,1,2021-08-03,2021-08-05,,4\n";
    let opts = Options {
        period: PeriodSpec {
            period: Some("2021-Q3"),
            ..PeriodSpec::default()
        },
        by: vec!["agency"],
        every: Some("month"),
        rulebook: Some(Given::Text(DEFAULT_RULEBOOK)),
        ..Options::default()
    };
    let req = Request::resolve(&opts, Files::None).unwrap();
    let a = run(&req, Input::Bytes(csv.as_bytes()), &|_| {}).unwrap();
    assert_eq!(a.report.total.counts.received, 2);
    assert_eq!(a.report.series.as_ref().map(Vec::len), Some(3));
    assert_eq!(a.report.breakdown.as_ref().map(|b| b.rows.len()), Some(2));
    assert_eq!(a.score.as_ref().map(|s| s.agencies.len()), Some(2));
    let mut ds = Vec::new();
    let ing = crate::dossiers::read_dossiers(
        csv.as_bytes(),
        &req.calendar,
        &crate::dossiers::ReadOptions::default(),
        &|_| {},
        |d| ds.push(*d),
    )
    .unwrap();
    let ds = ing.into_dataset(ds);
    let b = run(&req, Input::Dataset(&ds), &|_| {}).unwrap();
    assert_eq!(
        crate::report::to_json(&a.report),
        crate::report::to_json(&b.report)
    );
    let spec = ListSpec {
        count: "pending_overdue",
        ..ListSpec::default()
    };
    let l = list(&req, &spec, Input::Bytes(csv.as_bytes()), &|_| {}).unwrap();
    assert_eq!(l.dossiers.len(), 1);
    assert_eq!(l.dossiers[0].code, "H2");
    assert!(list(&req, &spec, Input::Dataset(&ds), &|_| {}).is_err());
    let bad = ListSpec {
        count: "nope",
        ..ListSpec::default()
    };
    assert_eq!(
        list(&req, &bad, Input::Bytes(csv.as_bytes()), &|_| {})
            .unwrap_err()
            .kind(),
        ErrorKind::Argument
    );
}

#[test]
fn a_period_with_no_dossier_is_a_warning_with_the_receipt_dates() {
    let csv = b"MaHoSo,DonViXuLy,KenhThucHien,NgayTiepNhan,ThoiHanGiaiQuyet,TrangThaiHoSo\n\
H1,STP,2,2021-07-05 09:00,3,4\nH2,STP,1,2021-09-14,3,4\n";
    let mut o = Options::default();
    o.period.period = Some("2012-Q3");
    let req = Request::resolve(&o, Files::None).unwrap();
    let out = run(&req, Input::Bytes(csv), &|_| {}).unwrap();
    assert_eq!(out.warnings.len(), 1);
    let w = &out.warnings[0];
    assert_eq!(w.kind, WarningKind::EmptyPeriod);
    assert!(w.message.contains("2012-Q3"), "{}", w.message);
    assert!(
        w.message.contains("2021-07-05 to 2021-09-14"),
        "{}",
        w.message
    );
    assert!(w.message_vi.contains("05/07/2021"), "{}", w.message_vi);
    o.period.period = Some("2021-Q3");
    let req = Request::resolve(&o, Files::None).unwrap();
    assert!(
        run(&req, Input::Bytes(csv), &|_| {})
            .unwrap()
            .warnings
            .is_empty()
    );
}

#[test]
fn several_files_read_as_one_dataset() {
    let dir = tempfile::tempdir().unwrap();
    let head = "MaHoSo,DonViXuLy,KenhThucHien,NgayTiepNhan,ThoiHanGiaiQuyet,TrangThaiHoSo\n";
    let a = dir.path().join("a.csv");
    let b = dir.path().join("b.csv");
    std::fs::write(&a, format!("{head}H1,STP,2,2021-07-01,3,4\n")).unwrap();
    std::fs::write(
        &b,
        format!("{head}H2,STP,2,2021-07-02,3,4\nH1,SYT,1,2021-07-03,3,4\n"),
    )
    .unwrap();
    let o = Options::default();
    let read = o.read_options(Files::Read).unwrap();
    let cal = Calendar::vn();
    let paths = [a, b.clone()];
    let ds = read_dataset(&read, &cal, Input::Paths(&paths), &|_| {}).unwrap();
    assert_eq!((ds.len(), ds.input.rows, ds.input.rejected), (2, 3, 1));
    let e = &ds.input.errors[0];
    assert_eq!((e.line, e.file.as_deref()), (3, b.to_str()));
}

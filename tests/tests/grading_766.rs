//! `decision-766-2026`, the national index as the portal computes it in 2026: every
//! indicator computable from the dossiers equals a computation written here (numerator,
//! denominator, points), on a small case worked by hand and on the built-in sample; facts
//! absent from the units file are not measured (null), never 0; no bands.

use motcua_core::calendar::Calendar;
use motcua_core::codes::{Channel, OnlineLevel, Rating, StatusGroup};
use motcua_core::dossier::Dataset;
use motcua_core::format::Lang;
use motcua_core::grading::{
    AgencyScore, Points, Ratio, Rulebook, Units, Value, WarningKind, score_dataset,
};
use motcua_core::period::Period;
use motcua_core::record::{Header, Ingest, parse_row};
use motcua_io::dossiers::{ReadOptions, read_dataset};
use motcua_io::units::read_units;
use motcua_sample::{HEADER, Profile, generate};

fn book() -> Rulebook {
    Rulebook::builtin("decision-766-2026").unwrap()
}

fn points(a: &AgencyScore, id: &str) -> Option<Points> {
    let i = a.indicators.iter().find(|i| i.id == id).unwrap();
    assert_eq!(i.points.is_some(), i.measured, "{id}");
    i.points
}

fn value(a: &AgencyScore, id: &str) -> Option<Value> {
    a.indicators.iter().find(|i| i.id == id).unwrap().value
}

fn ratio(n: u64, d: u64) -> Option<Value> {
    Ratio::new(n, d).map(Value::Number)
}

fn p(s: &str) -> Points {
    Points::parse(s).unwrap()
}

/// `max × num / den` rounded half up to hundredths, in integers.
fn hundredths(max: u64, num: u64, den: u64) -> Points {
    let h = (2 * max * 100 * num + den) / (2 * den);
    Points::from_milli(h * 10)
}

const CASE: &str = "\
MaHoSo,DonViXuLy,KenhThucHien,MucDo,NgayTiepNhan,NgayHenTra,NgayKetThucXuLy,TrangThaiHoSo,DanhGia,PhanAnh
H1,A,2,4,2026-01-05,2026-01-10,2026-01-08,10,3,
H2,A,1,4,2026-01-06,2026-01-12,2026-01-12,10,,
H3,A,2,4,2026-02-01,2026-02-05,2026-02-10,9,,
H4,A,2,3,2026-02-02,2026-02-20,2026-02-15,10,,1
H5,A,1,,2026-02-03,2026-02-25,2026-02-20,10,1,
H6,A,2,4,2026-03-01,2026-04-15,,4,,
H7,A,1,,2026-03-02,2026-03-10,,4,,
H8,A,1,,2025-12-20,2026-01-05,2026-01-04,10,,
H9,A,1,,2026-03-05,2026-03-20,2026-03-06,7,,
H10,A,2,4,2026-01-10,2026-01-20,2026-01-20,10,1,1
H11,B,1,,2026-01-05,2026-01-10,2026-01-09,10,,
";

const UNITS: &str = "\
DonViXuLy,Cap,PhanAnhTiepNhan,PhanAnhDungHan,TyLeDongBoHoSo,TyLeKetQuaDienTu
A,tinh,4,3,0.5,\"0,75\"
B,xa,,,,
";

#[test]
fn a_small_case_worked_by_hand() {
    let ds = read_dataset(CASE.as_bytes(), &Calendar::vn(), &ReadOptions::default()).unwrap();
    assert_eq!(ds.input.rejected, 0, "{:?}", ds.input.errors);
    let units = read_units(UNITS.as_bytes()).unwrap();
    let q1: Period = "2026-Q1".parse().unwrap();
    let r = score_dataset(&ds, &units, &book(), q1);
    assert!(
        r.rulebook.validity.check.within,
        "2026-Q1 is inside the validity"
    );
    assert!(
        r.warnings
            .iter()
            .any(|w| w.kind == WarningKind::Approximate)
    );
    let a = r.agency("A").unwrap();

    // TDGQ. Resolved in Q1: H1, H2, H3, H4, H5, H8, H10 = 7; early H1, H4, H5, H8 = 4; on
    // time H2, H10 = 2; late H3. Pending at 31/3: H6 (due 15/4, within due), H7 (overdue).
    // H9 was withdrawn: no timeliness, left out. (4 + 2 + 1) / (7 + 2) = 7/9.
    assert_eq!(value(a, "TDGQ"), ratio(7, 9));
    assert_eq!(points(a, "TDGQ"), Some(p("15.56"))); // 20 × 7/9 = 15,555…

    // MDHL.3. Not satisfied: H3 late, H4 complaint, H5 rated 1, H10 complaint and rated 1
    // (counted once) = 4 of 7: 3/7 = 0,4286 < 0,9 → 6 × (3/7) / 0,9 = 2,857…
    assert_eq!(value(a, "MDHL.3"), ratio(3, 7));
    assert_eq!(points(a, "MDHL.3"), Some(p("2.86")));

    // DVCTT. Level 4 received in Q1: H1, H2, H3, H6, H10 = 5; online H1, H3, H6, H10 = 4.
    assert_eq!(value(a, "DVCTT"), ratio(4, 5));
    assert_eq!(points(a, "DVCTT"), Some(p("9.6")));

    // Facts: CKMB.4 = 6 × 0,5; MDSH.1 = 6 × 0,75; MDHL.1 = 6 × 3/4.
    assert_eq!(points(a, "CKMB.4"), Some(p("3")));
    assert_eq!(points(a, "MDSH.1"), Some(p("4.5")));
    assert_eq!(points(a, "MDHL.1"), Some(p("4.5")));
    // Absent facts are not measured: null, not 0.
    for id in [
        "CKMB.1", "CKMB.2", "CKMB.3", "TTTT.1", "TTTT.2", "TTTT.3", "MDHL.2",
    ] {
        assert_eq!(points(a, id), None, "{id}");
    }
    for id in ["MDSH.2", "MDSH.3", "MDSH.4", "MDSH.5", "MDSH.6", "MDSH.7"] {
        assert_eq!(points(a, id), None, "{id}");
    }
    // 15,56 + 2,86 + 9,6 + 3 + 4,5 + 4,5 = 40,02 of a measured 20 + 6 + 12 + 6 + 6 + 6 = 56.
    assert_eq!(a.total, Some(p("40.02")));
    assert_eq!(a.measured_max, Some(Points::whole(56)));
    assert_eq!((a.band.as_deref(), a.rank), (None, Some(1)), "no bands");

    // B is a commune: CKMB.1–3 do not apply → full 6 + 4 + 2; its one dossier (H11) was
    // early → TDGQ 20, MDHL.3 6; no level-4 dossier → DVCTT not measured; no petition
    // figures → MDHL.1 not measured. 12 + 20 + 6 = 38 of 38.
    let b = r.agency("B").unwrap();
    assert_eq!(
        ["CKMB.1", "CKMB.2", "CKMB.3"].map(|i| points(b, i)),
        [Some(p("6")), Some(p("4")), Some(p("2"))]
    );
    assert_eq!(points(b, "CKMB.4"), None);
    assert_eq!(
        (points(b, "TDGQ"), points(b, "MDHL.3")),
        (Some(p("20")), Some(p("6")))
    );
    assert_eq!((points(b, "DVCTT"), points(b, "MDHL.1")), (None, None));
    assert_eq!(
        (b.total, b.measured_max),
        (Some(p("38")), Some(Points::whole(38)))
    );
    assert_eq!(b.rank, Some(2));

    // The announcement names the rule and gives the scores without a band.
    let ann = motcua_core::grading::announcement_summary(&r, &book(), Lang::Vi);
    assert_eq!(
        (ann.agencies, ann.bands.len(), ann.bands[0].count),
        (2, 1, 2)
    );
    assert_eq!(
        (ann.bands[0].min_total, ann.bands[0].max_total),
        (38.0, 40.02)
    );
    assert!(ann.bands[0].band.starts_with("chưa xếp loại"));
    assert!(ann.basis.unwrap().contains("decision-766-2026"));

    let json: serde_json::Value = serde_json::from_str(&motcua_io::writer::score_json(&r)).unwrap();
    assert_eq!(json["contract"], 2);
    let ind = |code: &str, id: &str| {
        json["agencies"]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["agency"] == code)
            .unwrap()["indicators"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["id"] == id)
            .unwrap()
            .clone()
    };
    assert!(
        ind("A", "MDSH.2")["points"].is_null(),
        "not measured is null"
    );
    assert_eq!(ind("A", "MDSH.2")["measured"], false);
    assert_eq!(ind("A", "DVCTT")["points"], 9.6);
    assert!(json["agencies"][0]["band"].is_null());
}

#[test]
fn group_maxima_total_100_and_the_2022_readings_are_superseded() {
    let b = book();
    let groups: Vec<(String, String)> = b
        .groups
        .iter()
        .map(|g| (g.id.clone(), g.max.to_string()))
        .collect();
    let expect = [
        ("CKMB", "18"),
        ("TDGQ", "20"),
        ("DVCTT", "12"),
        ("TTTT", "10"),
        ("MDHL", "18"),
        ("MDSH", "22"),
    ];
    assert_eq!(groups, expect.map(|(a, b)| (a.to_owned(), b.to_owned())));
    assert_eq!(b.max, Points::whole(100));
    assert!(b.bands.is_empty());
    let q: Period = "2026-Q1".parse().unwrap();
    for old in ["decision-766-2022", "decision-766-2022-six-groups"] {
        let r = score_dataset(
            &Dataset::default(),
            &Units::new(),
            &Rulebook::builtin(old).unwrap(),
            q,
        );
        assert!(
            r.warnings.iter().any(|w| w.kind == WarningKind::Superseded),
            "{old}"
        );
        assert!(r.validity_refused());
    }
}

/// The `soc-trang-2021` sample, read the way every reader reads rows.
fn sample() -> Dataset {
    let cal = Calendar::vn();
    let header = Header::new(HEADER).unwrap();
    let mut ingest = Ingest::new(true);
    let mut dossiers = Vec::new();
    let mut line = 1;
    generate(&Profile::SocTrang2021, &cal, |rec| {
        line += 1;
        let row = parse_row(|c| header.index(c).map_or("", |i| rec.field(i)), &cal);
        if let Some(d) = ingest.accept(line, row).unwrap() {
            dossiers.push(d);
        }
    });
    ingest.into_dataset(dossiers)
}

#[test]
fn the_sample_agrees_with_a_count_written_here() {
    let ds = sample();
    let units: Units = motcua_sample::units::soc_trang_2021_units()
        .into_iter()
        .collect();
    let q3: Period = "2021-Q3".parse().unwrap();
    let r = score_dataset(&ds, &units, &book(), q3);
    assert!(
        !r.rulebook.validity.check.within,
        "2021 is before the 2026 computation"
    );
    let (from, to) = (q3.from(), q3.to());
    let mut checked = 0;
    for a in &r.agencies {
        let id = ds.agencies.get(&a.agency).unwrap();
        let mine = ds.dossiers.iter().filter(|d| d.agency.0 == id);
        let (mut good, mut handled, mut resolved, mut unsatisfied, mut l4, mut l4_online) =
            (0, 0, 0, 0, 0, 0);
        for d in mine {
            let closed = match d.group() {
                StatusGroup::Resolved | StatusGroup::ClosedWithoutResult => d.closed,
                _ => None,
            };
            if d.received >= from && d.received <= to && d.level == Some(OnlineLevel::Full) {
                l4 += 1;
                l4_online += u64::from(d.channel == Channel::Online);
            }
            if d.received > to || closed.is_some_and(|c| c < from) {
                continue;
            }
            match closed {
                Some(c) if c <= to && d.group() == StatusGroup::Resolved => {
                    handled += 1;
                    resolved += 1;
                    good += u64::from(c <= d.due);
                    let bad = c > d.due || d.complaint || d.rating == Some(Rating::Dissatisfied);
                    unsatisfied += u64::from(bad);
                }
                Some(c) if c <= to => {} // withdrawn or stopped: no timeliness
                _ => {
                    handled += 1;
                    good += u64::from(d.due >= to);
                }
            }
        }
        assert_eq!(value(a, "TDGQ"), ratio(good, handled), "{}", a.agency);
        assert_eq!(
            points(a, "TDGQ"),
            Some(hundredths(20, good, handled)),
            "{}",
            a.agency
        );
        let sat = resolved - unsatisfied;
        assert_eq!(value(a, "MDHL.3"), ratio(sat, resolved), "{}", a.agency);
        // Full points at 90 %: 6 × min(sat / (0,9 × resolved), 1) = 6 × min(10·sat / 9·resolved, 1).
        let expect = if 10 * sat >= 9 * resolved {
            Points::whole(6)
        } else {
            hundredths(6, 10 * sat, 9 * resolved)
        };
        assert_eq!(points(a, "MDHL.3"), Some(expect), "{}", a.agency);
        if l4 > 0 {
            assert_eq!(value(a, "DVCTT"), ratio(l4_online, l4), "{}", a.agency);
            assert_eq!(
                points(a, "DVCTT"),
                Some(hundredths(12, l4_online, l4)),
                "{}",
                a.agency
            );
        } else {
            assert_eq!(points(a, "DVCTT"), None, "{}", a.agency);
        }
        checked += 1;
    }
    assert_eq!(checked, 17);
}

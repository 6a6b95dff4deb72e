use super::*;
use crate::count::Counts;
use crate::record::{ErrorKind, RowError};

fn q3() -> Period {
    "2021-Q3".parse().unwrap()
}

fn sample() -> Partial {
    let mut h = Header::new(q3());
    h.compare = Some(Compare::Previous);
    h.by = vec![Dim::Procedure];
    h.every = Some(Step::Month);
    let mut p = Partial::new(h);
    p.period.add(
        "STP",
        &Counts {
            received: 3,
            resolved: 2,
            resolved_early: 2,
            ..Counts::default()
        },
    );
    p.input.rows = 5;
    p.input.used = 3;
    p.input.rejected = 1;
    p.input.not_received = 1;
    p.input.errors.push(RowError::new(
        4,
        Some(crate::record::Column::MaHoSo),
        ErrorKind::Duplicate,
        "duplicate dossier code 'H1'",
    ));
    p
}

#[test]
fn empty_partial_has_the_header_periods() {
    let p = sample();
    assert_eq!(p.previous.as_ref().unwrap().0.to_string(), "2021-Q2");
    assert_eq!(p.steps.len(), 3);
    assert_eq!(p.groups.as_ref().unwrap().len(), 4);
    assert!(p.grades.is_none());
}

#[test]
fn bytes_round_trip_and_start_with_the_magic() {
    let p = sample();
    let b = p.to_bytes();
    assert_eq!(&b[..8], b"MOTCUAPA");
    assert_eq!(&b[8..10], &[1, 0]);
    assert_eq!(Partial::from_bytes(&b).unwrap(), p);
}

#[test]
fn bad_bytes_are_refused_by_kind() {
    let b = sample().to_bytes();
    assert_eq!(
        Partial::from_bytes(b"PK\x03\x04 not a partial").unwrap_err(),
        PartialError::BadMagic
    );
    assert_eq!(Partial::from_bytes(b"").unwrap_err().kind(), "truncated");
    assert_eq!(
        Partial::from_bytes(&b[..9]).unwrap_err().kind(),
        "truncated"
    );
    let mut v2 = b.clone();
    v2[8] = 2;
    assert_eq!(
        Partial::from_bytes(&v2).unwrap_err(),
        PartialError::UnsupportedVersion {
            found: 2,
            supported: 1
        }
    );
    let cut = Partial::from_bytes(&b[..b.len() - 7]).unwrap_err();
    assert_eq!(cut.kind(), "truncated", "{cut}");
    let mut extra = b.clone();
    extra.push(0);
    assert_eq!(Partial::from_bytes(&extra).unwrap_err().kind(), "corrupt");
    let mut garbage = b[..10].to_vec();
    garbage.extend_from_slice(&[0xff; 4]);
    assert!(Partial::from_bytes(&garbage).is_err());
}

#[test]
fn merge_adds_counts_and_summaries_in_any_order() {
    let a = sample();
    let mut b = Partial::new(a.header.clone());
    b.period.add(
        "SYT",
        &Counts {
            received: 1,
            ..Counts::default()
        },
    );
    b.input.rows = 2;
    b.input.used = 1;
    b.input.rejected = 1;
    b.input.errors.push(RowError::new(
        2,
        Some(crate::record::Column::NgayTiepNhan),
        ErrorKind::Unparseable,
        "bad date",
    ));
    let ab = Partial::merge([a.clone(), b.clone()]).unwrap();
    let ba = Partial::merge([b, a]).unwrap();
    assert_eq!(ab, ba);
    assert_eq!(ab.period.total().received, 4);
    assert_eq!(ab.period.agencies.len(), 2);
    assert_eq!((ab.input.rows, ab.input.rejected), (7, 2));
    assert_eq!(ab.input.errors[0].line, 2);
    assert_eq!(Partial::merge([]).unwrap_err(), PartialError::Empty);
}

#[test]
fn partials_with_other_options_refuse_to_merge() {
    let a = sample();
    let mut other = a.header.clone();
    other.period = "2021-Q4".parse().unwrap();
    let e = Partial::merge([a.clone(), Partial::new(other)]).unwrap_err();
    assert!(
        matches!(e, PartialError::Mismatch { what: "period", .. }),
        "{e}"
    );
    let mut cal = a.header.clone();
    cal.calendar = calendar_digest(&crate::calendar::Calendar::blank(), &q3());
    let e = Partial::merge([a.clone(), Partial::new(cal)]).unwrap_err();
    assert!(matches!(
        e,
        PartialError::Mismatch {
            what: "calendar",
            ..
        }
    ));
    let mut units = a.header.clone();
    units.units = Some(text_digest("DonViXuLy\nSTP\n"));
    assert_eq!(
        Partial::merge([a, Partial::new(units)]).unwrap_err().kind(),
        "mismatch"
    );
}

#[test]
fn calendar_digest_tells_calendars_apart_and_is_stable() {
    let vn = crate::calendar::Calendar::vn();
    assert_eq!(
        calendar_digest(&vn, &q3()),
        calendar_digest(&vn.clone(), &q3())
    );
    let cal = crate::calendar::Calendar::from_toml("extends = \"vn\"\nholidays = [2021-08-16]\n")
        .unwrap();
    assert_ne!(calendar_digest(&vn, &q3()), calendar_digest(&cal, &q3()));
}

#[test]
fn grades_need_the_rulebook_they_were_built_with() {
    let book = crate::grading::Rulebook::builtin("circular-01-2018").unwrap();
    let units = crate::grading::Units::new();
    let p = sample();
    assert_eq!(p.grades(&book, &units).unwrap_err().kind(), "grades");
    let mut h = p.header.clone();
    h.rulebook = Some(rulebook_digest(&book));
    let mut g = Partial::new(h);
    g.grades = Some(GradeSums::default());
    let other = crate::grading::Rulebook::builtin("decision-766-2022").unwrap();
    assert_eq!(g.grades(&other, &units).unwrap_err().kind(), "grades");
    let report = g.grades(&book, &units).unwrap();
    assert!(report.agencies.is_empty());
}

//! Report tests: ranks and ties, agencies without resolved dossiers, officials, the
//! contract's JSON, warnings, Decision 766, text and CSV, and a property test that every
//! score lies between 0 and the maximum (and that merged graders agree).

use proptest::prelude::*;

use super::tests::{Builder, D, EARLY, procedures};
use super::*;
use crate::codes::{Channel, OnlineLevel, Rating};

#[test]
fn ties_share_a_rank_and_agencies_without_resolved_dossiers_are_not_graded() {
    let mut b = Builder::default();
    b.add("C", None, D::at(0), 2)
        .add("A", None, EARLY, 3)
        .add("B", None, EARLY, 1)
        .add("E", None, D::at(1), 1);
    b.add(
        "Z",
        None,
        D {
            offset: None,
            ..EARLY
        },
        1,
    ); // only pending: nothing to grade
    let r = b.score(&Units::new(), "circular-01-2018");
    let ranks: Vec<_> = r
        .agencies
        .iter()
        .map(|a| (a.agency.as_str(), a.rank))
        .collect();
    assert_eq!(
        ranks,
        [
            ("A", Some(1)),
            ("B", Some(1)),
            ("C", Some(3)),
            ("E", Some(4)),
            ("Z", None)
        ]
    );
    let z = r.agency("Z").unwrap();
    assert!(!z.graded && z.total.is_none() && z.band.is_none() && z.indicators.is_empty());
    let json: serde_json::Value = serde_json::to_value(&r).unwrap();
    let zj = &json["agencies"][4];
    assert!(zj["total"].is_null() && zj["band"].is_null() && zj["rank"].is_null());
}

#[test]
fn officials_sum_their_rounded_means() {
    let mut b = Builder::default();
    let in_person = D {
        channel: Channel::InPerson,
        contacts: 1,
        supplements: 1,
        ..D::at(0)
    };
    // CB01: all early, online, no supplement: 2 × 5 = 10.
    b.add("A", Some("CB01"), EARLY, 3);
    // CB02: one on time, one late, in person, one supplement each:
    // 1: 0,5; 2: 0,5; 3: 1; 4: 1; 7: 0,5 → 3,5.
    b.add("A", Some("CB02"), in_person, 1).add(
        "A",
        Some("CB02"),
        D {
            offset: Some(1),
            ..in_person
        },
        1,
    );
    // CB03: late with two contacts → 0 + 0 + 1 + 0 + 0 = 1.
    b.add(
        "B",
        Some("CB03"),
        D {
            offset: Some(2),
            contacts: 2,
            supplements: 1,
            ..in_person
        },
        1,
    );
    // CB04: nothing resolved.
    b.add(
        "B",
        Some("CB04"),
        D {
            offset: None,
            ..EARLY
        },
        1,
    );
    let r = b.score(&Units::new(), "circular-01-2018");
    let o: Vec<_> = r
        .officials
        .iter()
        .map(|o| {
            (
                o.official.as_str(),
                o.dossiers,
                o.total.map(|t| t.to_string()),
                o.band.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        o,
        [
            (
                "CB01",
                3,
                Some("10".into()),
                Some("Hoàn thành 100% nhiệm vụ")
            ),
            (
                "CB02",
                2,
                Some("3.5".into()),
                Some("Hoàn thành từ 70% đến dưới 100% nhiệm vụ")
            ),
            (
                "CB03",
                1,
                Some("1".into()),
                Some("Hoàn thành dưới 70% nhiệm vụ")
            ),
            ("CB04", 0, None, None),
        ]
    );
}

#[test]
fn json_follows_contract_section_10() {
    let mut data = Builder::default();
    data.add("STP", Some("CB01"), EARLY, 2);
    let report = data.score(&Units::new(), "soc-trang-1216-2019");
    let j: serde_json::Value = serde_json::to_value(&report).unwrap();
    assert_eq!(j["rulebook"]["id"], "soc-trang-1216-2019");
    assert_eq!(j["rulebook"]["max"].to_string(), "18");
    assert_eq!(
        j["period"],
        serde_json::json!({"from": "2021-07-01", "to": "2021-09-30"})
    );
    let agency = &j["agencies"][0];
    assert_eq!(agency["agency"], "STP");
    assert_eq!(agency["rank"], 1);
    assert_eq!(agency["indicators"][0]["id"], "1");
    assert_eq!(agency["indicators"][0]["points"].to_string(), "2.0");
    assert_eq!(agency["indicators"][0]["max"].to_string(), "2");
    assert_eq!(agency["indicators"].as_array().unwrap().len(), 9);
    assert!(agency["total"].is_f64() && agency["band"].is_string());
    let official = &j["officials"][0];
    assert_eq!(
        (
            official["official"].as_str(),
            official["dossiers"].as_u64(),
            official["max"].to_string()
        ),
        (Some("CB01"), Some(2), "10".into())
    );
    assert_eq!(official["total"].to_string(), "10.0");
    assert_eq!(official["band"], "Hoàn thành 100% nhiệm vụ");
    assert_eq!(j["warnings"][0]["kind"], "text_not_available");
}

#[test]
fn warnings_for_dates_units_and_approximate_rulebooks() {
    let mut b = Builder::default();
    b.add("STP", None, EARLY, 1);
    let units: Units = [UnitFacts::new("XYZ")].into_iter().collect();
    let r = b.score(&units, "circular-01-2018");
    let kinds: Vec<_> = r.warnings.iter().map(|w| w.kind).collect();
    assert_eq!(
        kinds,
        [WarningKind::UnknownUnits, WarningKind::MissingUnits]
    );
    assert_eq!(
        (r.units.unknown.clone(), r.units.missing.clone()),
        (vec!["XYZ".to_owned()], vec!["STP".to_owned()])
    );
    let book = Rulebook::builtin("circular-01-2018").unwrap();
    let early = score_dataset(&b.ds, &Units::new(), &book, "2018-Q4".parse().unwrap());
    assert!(
        early
            .warnings
            .iter()
            .any(|w| w.kind == WarningKind::OutsideLegalDates && w.message.contains("2019-01-06"))
    );
    let r = b.score(&Units::new(), "decision-766-2022");
    assert!(r.rulebook.approximate);
    let kinds: Vec<_> = r.warnings.iter().map(|w| w.kind).collect();
    assert!(
        kinds.contains(&WarningKind::Approximate)
            && kinds.contains(&WarningKind::OutsideLegalDates)
    );
    assert!(kinds.contains(&WarningKind::NotMeasured));
    assert!(score_text(&r, crate::format::Lang::Vi).contains("GẦN ĐÚNG"));
}

#[test]
fn decision_766_reports_what_was_measured() {
    let mut b = Builder::default();
    b.add("A", None, EARLY, 3).add(
        "A",
        None,
        D {
            channel: Channel::InPerson,
            ..D::at(1)
        },
        1,
    );
    let units: Units = [procedures(10, 5)].into_iter().collect();
    let r = b.score(&units, "decision-766-2022");
    let a = r.agency("A").unwrap();
    // 1.1: 12 × 2/2; 1.2: no feedback → full 6; 2.1: 20 × 3/4 = 15; 4.1: 11 × 0.5 = 5.5;
    // 4.2: 11 × 3/4 = 8.25; 5.1: no rating → not measured; 3.1, 5.2: not in the inputs.
    assert_eq!(a.total.unwrap().to_string(), "46.75");
    assert_eq!(a.measured_max.unwrap().to_string(), "60");
    assert_eq!(a.scaled_total.unwrap().to_string(), "77.92");
    assert_eq!(a.band.as_deref(), Some("Khá"));
    assert!(a.indicators.iter().all(|i| i.approximate));
    let measured: Vec<_> = a
        .indicators
        .iter()
        .filter(|i| !i.measured)
        .map(|i| i.id.as_str())
        .collect();
    assert_eq!(measured, ["3.1", "5.1", "5.2"]);
    assert_eq!(
        a.groups
            .iter()
            .map(|g| g.max.to_string())
            .collect::<Vec<_>>(),
        ["18", "20", "22", "22", "18"]
    );
    let six = b.score(&units, "decision-766-2022-six-groups");
    let a6 = six.agency("A").unwrap();
    assert_eq!(
        a6.groups
            .iter()
            .map(|g| g.max.to_string())
            .collect::<Vec<_>>(),
        ["18", "20", "22", "12", "10", "18"]
    );
    assert_eq!(a6.measured_max.unwrap().to_string(), "50");
    assert!(r.officials.is_empty());
}

#[test]
fn text_and_csv_outputs() {
    let mut b = Builder::default();
    b.add("STP", Some("CB01"), EARLY, 2)
        .add("SYT", None, D::at(0), 1)
        .add(
            "SXD",
            None,
            D {
                offset: None,
                ..EARLY
            },
            1,
        );
    let r = b.score(&Units::new(), "soc-trang-1216-2019");
    let vi = score_text(&r, crate::format::Lang::Vi);
    assert!(
        vi.contains("Xếp loại")
            && vi.contains("không chấm điểm")
            && vi.contains("Hoàn thành 100% nhiệm vụ"),
        "{vi}"
    );
    let first = vi
        .lines()
        .find(|l| l.trim_start().starts_with("1 "))
        .unwrap();
    assert!(first.contains("STP"), "{vi}");
    let en = score_text(&r, crate::format::Lang::En);
    assert!(en.contains("Band") && en.contains("not graded"), "{en}");
}

fn arb_dossier() -> impl Strategy<Value = (u8, u8, D)> {
    (
        0u8..4,
        0u8..3,
        (
            prop::option::of(-5i64..5),
            0u32..4,
            0u32..4,
            any::<bool>(),
            1u8..=3,
            any::<bool>(),
        ),
        prop::option::of(0u8..3),
    )
        .prop_map(
            |(a, o, (offset, supplements, contacts, complaint, ch, l34), rating)| {
                let channel = Channel::try_from(ch.to_string().as_str()).unwrap();
                let level = Some(if l34 {
                    OnlineLevel::Full
                } else {
                    OnlineLevel::NotOnline
                });
                let rating =
                    rating.map(|r| Rating::try_from((r + 1).to_string().as_str()).unwrap());
                (
                    a,
                    o,
                    D {
                        offset,
                        supplements,
                        contacts,
                        complaint,
                        channel,
                        level,
                        rating,
                    },
                )
            },
        )
}

fn arb_unit(code: &'static str) -> impl Strategy<Value = UnitFacts> {
    (
        0u8..=2,
        0u64..=100,
        any::<bool>(),
        0u64..5,
        0u64..5,
        0u64..3,
        0u64..20,
        0u64..20,
    )
        .prop_map(
            move |(publication, desk, full, rec, on_time, drawn, procs, l34)| UnitFacts {
                publication,
                desk_share: Ratio::new(desk, 100).unwrap(),
                full_desk_receipt: full,
                feedback_received: rec + on_time + drawn,
                feedback_on_time: on_time,
                feedback_drawn_out: drawn,
                procedures: procs + l34,
                procedures_level34: l34,
                ..UnitFacts::new(code)
            },
        )
}

proptest! {
    #[test]
    fn every_score_lies_between_zero_and_the_maximum(
        ds in prop::collection::vec(arb_dossier(), 0..60),
        units in (arb_unit("A0"), arb_unit("A1")),
        split in 0usize..60,
    ) {
        let mut b = Builder::default();
        for (a, o, d) in &ds {
            b.add(&format!("A{a}"), Some(&format!("CB{o}")), *d, 1);
        }
        let units: Units = [units.0, units.1].into_iter().collect();
        for name in builtin_names() {
            let book = Rulebook::builtin(name).unwrap();
            let period = "2021-Q3".parse().unwrap();
            let r = score_dataset(&b.ds, &units, &book, period);
            for a in &r.agencies {
                if let Some(t) = a.total {
                    prop_assert!(t <= book.max && a.basis().unwrap() <= book.max);
                    prop_assert!(t <= a.measured_max.unwrap());
                    // A rulebook with bands bands every graded agency; one without, none.
                    prop_assert_eq!(a.band.is_some(), !book.bands.is_empty());
                }
                for i in &a.indicators {
                    prop_assert!(i.points.is_none_or(|p| p <= i.max));
                }
            }
            for o in &r.officials {
                prop_assert!(o.total.is_none_or(|t| t <= o.max));
                prop_assert_eq!(o.total.is_some(), o.band.is_some());
            }
            // Two graders over two halves, merged, give the same report.
            let tally = crate::count::count_dataset(&b.ds, &[period]).pop().unwrap();
            let cut = split.min(b.ds.dossiers.len());
            let (mut g1, mut g2) = (Grader::new(&book, period), Grader::new(&book, period));
            g1.add_all(&b.ds.dossiers[..cut]);
            g2.add_all(&b.ds.dossiers[cut..]);
            g2.merge(g1);
            let mut merged = g2.finish(&b.ds.agencies, &b.ds.officials, &units, &tally);
            merged.input = r.input.clone();
            prop_assert_eq!(merged, r);
        }
    }
}

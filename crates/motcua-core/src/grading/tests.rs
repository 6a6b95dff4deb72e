//! Scoring tests: every indicator at and just below each threshold, band boundaries and
//! exact rounding.

use super::*;
use crate::codes::{Channel, OnlineLevel, Rating, Status};
use crate::dossier::{AgencyId, Dataset, Dossier, OfficialId};
use chrono::{Days, NaiveDate};

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// A dossier received 1/7/2021, due 10/8/2021, closed `offset` days after the due date
/// (negative = early); `None` = still open.
#[derive(Debug, Clone, Copy)]
pub(super) struct D {
    pub offset: Option<i64>,
    pub supplements: u32,
    pub contacts: u32,
    pub complaint: bool,
    pub channel: Channel,
    pub level: Option<OnlineLevel>,
    pub rating: Option<Rating>,
}

pub(super) const EARLY: D = D {
    offset: Some(-1),
    supplements: 0,
    contacts: 0,
    complaint: false,
    channel: Channel::Online,
    level: Some(OnlineLevel::Full),
    rating: None,
};

impl D {
    pub const fn at(offset: i64) -> Self {
        Self {
            offset: Some(offset),
            ..EARLY
        }
    }
}

#[derive(Default)]
pub(super) struct Builder {
    pub ds: Dataset,
}

impl Builder {
    pub fn add(&mut self, agency: &str, official: Option<&str>, d: D, n: usize) -> &mut Self {
        let due = date("2021-08-10");
        for _ in 0..n {
            let closed = d.offset.map(|o| {
                if o < 0 {
                    due - Days::new(o.unsigned_abs())
                } else {
                    due + Days::new(o as u64)
                }
            });
            let dossier = Dossier {
                agency: AgencyId(self.ds.agencies.intern(agency)),
                official: official.map(|o| OfficialId(self.ds.officials.intern(o))),
                procedure: None,
                field: None,
                line: 0,
                received: date("2021-07-01"),
                received_time: None,
                due,
                closed,
                status: if closed.is_some() {
                    Status::Returned
                } else {
                    Status::Processing
                },
                channel: d.channel,
                level: d.level,
                rating: d.rating,
                supplements: d.supplements,
                contacts: d.contacts,
                complaint: d.complaint,
            };
            self.ds.dossiers.push(dossier);
        }
        self
    }

    pub fn score(&self, units: &Units, book: &str) -> ScoreReport {
        score_dataset(
            &self.ds,
            units,
            &Rulebook::builtin(book).unwrap(),
            "2021-Q3".parse().unwrap(),
        )
    }
}

pub(super) fn points(r: &ScoreReport, agency: &str, indicator: &str) -> Option<String> {
    let a = r.agency(agency).unwrap();
    a.indicators
        .iter()
        .find(|i| i.id == indicator)
        .unwrap()
        .points
        .map(|p| p.to_string())
}

fn one(d: D) -> ScoreReport {
    let mut b = Builder::default();
    b.add("A", Some("CB"), d, 1);
    b.score(&Units::new(), "circular-01-2018")
}

#[test]
fn per_dossier_indicators_score_each_dossier() {
    for (offset, want) in [(-3, "2"), (0, "1"), (2, "0")] {
        let r = one(D::at(offset));
        for ind in ["1", "2", "7"] {
            assert_eq!(
                points(&r, "A", ind).unwrap(),
                want,
                "indicator {ind}, offset {offset}"
            );
        }
    }
    for (n, want) in [(0, "2"), (1, "1"), (2, "0"), (7, "0")] {
        assert_eq!(
            points(
                &one(D {
                    supplements: n,
                    ..EARLY
                }),
                "A",
                "3"
            )
            .unwrap(),
            want,
            "supplements {n}"
        );
        assert_eq!(
            points(
                &one(D {
                    contacts: n,
                    ..EARLY
                }),
                "A",
                "4"
            )
            .unwrap(),
            want,
            "contacts {n}"
        );
    }
    let r = one(D {
        complaint: true,
        ..EARLY
    });
    assert_eq!(points(&r, "A", "7").unwrap(), "0");
    assert_eq!(points(&r, "A", "1").unwrap(), "2");
}

#[test]
fn means_are_rounded_half_away_from_zero_exactly() {
    let mut b = Builder::default();
    // 1 early + 3 on time: (2 + 1 + 1 + 1) / 4 = 1,25 → 1,3
    b.add("A", None, D::at(-1), 1).add("A", None, D::at(0), 3);
    // 3 early + 17 on time: 23 / 20 = 1,15 → 1,2 (1.15 in f64 is 1.149999…)
    b.add("B", None, D::at(-1), 3).add("B", None, D::at(0), 17);
    let r = b.score(&Units::new(), "circular-01-2018");
    assert_eq!(points(&r, "A", "1").unwrap(), "1.3");
    assert_eq!(points(&r, "B", "1").unwrap(), "1.2");
    let json: serde_json::Value = serde_json::to_value(&r).unwrap();
    assert_eq!(
        json["agencies"][0]["indicators"][0]["points"],
        serde_json::json!(1.3)
    );
    assert_eq!(
        json["agencies"][1]["indicators"][0]["value"],
        serde_json::json!(1.15)
    );
}

fn agency_points(facts: UnitFacts, ind: &str) -> String {
    let mut b = Builder::default();
    b.add(&facts.code.clone(), None, EARLY, 1);
    let units: Units = [facts].into_iter().collect();
    points(
        &b.score(&units, "circular-01-2018"),
        &units.iter().next().unwrap().code,
        ind,
    )
    .unwrap()
}

/// Agency "A" with these procedure counts and the other facts defaulted.
pub(super) fn procedures(procedures: u64, procedures_level34: u64) -> UnitFacts {
    UnitFacts {
        procedures,
        procedures_level34,
        ..UnitFacts::new("A")
    }
}

#[test]
fn indicator_5_at_each_threshold_and_just_below() {
    let share = |s: &str| Ratio::parse(s).unwrap();
    for (level, at, below) in [
        (Level::Tinh, "0.2", "0.19"),
        (Level::Huyen, "0.5", "0.49"),
        (Level::Xa, "1", "0.99"),
        // A ministry desk takes the province threshold (contract section 9a).
        (Level::Bo, "0.2", "0.19"),
    ] {
        assert_eq!(
            agency_points(
                UnitFacts {
                    level,
                    desk_share: share(at),
                    ..UnitFacts::new("A")
                },
                "5"
            ),
            "2",
            "{level:?} {at}"
        );
        assert_eq!(
            agency_points(
                UnitFacts {
                    level,
                    desk_share: share(below),
                    ..UnitFacts::new("A")
                },
                "5"
            ),
            "1",
            "{level:?} {below}"
        );
        let none = UnitFacts {
            level,
            desk_share: share(below),
            full_desk_receipt: false,
            ..UnitFacts::new("A")
        };
        assert_eq!(agency_points(none, "5"), "0");
    }
    assert_eq!(
        agency_points(
            UnitFacts {
                desk_share: Ratio::new(199_999, 1_000_000).unwrap(),
                ..UnitFacts::new("A")
            },
            "5"
        ),
        "1"
    );
}

#[test]
fn indicator_6_is_the_publication_code() {
    for p in 0..=2u8 {
        assert_eq!(
            agency_points(
                UnitFacts {
                    publication: p,
                    ..UnitFacts::new("A")
                },
                "6"
            ),
            p.to_string()
        );
    }
}

#[test]
fn indicator_8_at_100_and_90_percent_and_just_below() {
    let fb = |received, on_time, drawn_out| {
        agency_points(
            UnitFacts {
                feedback_received: received,
                feedback_on_time: on_time,
                feedback_drawn_out: drawn_out,
                ..UnitFacts::new("A")
            },
            "8",
        )
    };
    assert_eq!(fb(0, 0, 0), "2");
    assert_eq!(fb(10, 10, 0), "2");
    assert_eq!(fb(1000, 999, 0), "1");
    assert_eq!(fb(10, 9, 0), "1");
    assert_eq!(fb(1000, 899, 0), "0");
    assert_eq!(fb(10, 10, 1), "0");
    assert_eq!(fb(10, 9, 1), "0");
}

/// Indicator 9 for an agency with `online` of `total` level-4 dossiers online (all resolved
/// `offset` days from their due date) and `level34` of 100 procedures at level 3/4.
fn ind9(online: usize, total: usize, level34: u64, offset: i64) -> String {
    let mut b = Builder::default();
    b.add("A", None, D::at(offset), online);
    b.add(
        "A",
        None,
        D {
            channel: Channel::InPerson,
            ..D::at(offset)
        },
        total - online,
    );
    let units: Units = [procedures(100, level34)].into_iter().collect();
    points(&b.score(&units, "circular-01-2018"), "A", "9").unwrap()
}

#[test]
fn indicator_9_at_each_threshold_and_just_below() {
    assert_eq!(ind9(30, 100, 20, -1), "2");
    assert_eq!(
        ind9(30, 100, 19, -1),
        "1",
        "level 3/4 share just below 20 %"
    );
    assert_eq!(ind9(299, 1000, 20, -1), "1", "online just below 30 %");
    assert_eq!(ind9(15, 100, 1, -1), "1");
    assert_eq!(ind9(149, 1000, 50, -1), "0", "online just below 15 %");
    assert_eq!(ind9(50, 100, 0, -1), "0", "no procedure at level 3/4");
    assert_eq!(ind9(50, 100, 50, 0), "2", "on time is not late");
    assert_eq!(ind9(50, 100, 50, 1), "0", "an online dossier resolved late");
    // An online dossier pending past its due date at the period's end.
    let mut b = Builder::default();
    b.add("A", None, D::at(-1), 50).add(
        "A",
        None,
        D {
            offset: None,
            ..EARLY
        },
        1,
    );
    let units: Units = [procedures(100, 50)].into_iter().collect();
    assert_eq!(
        points(&b.score(&units, "circular-01-2018"), "A", "9").unwrap(),
        "0"
    );
}

#[test]
fn band_boundaries() {
    let c = Rulebook::builtin("circular-01-2018").unwrap();
    let band = |m: u64| c.band(Points::from_milli(m)).unwrap().name_vi.clone();
    for (at, below, name, lower) in [
        (15_000, 14_900, "Xuất sắc", "Tốt"),
        (12_000, 11_900, "Tốt", "Khá"),
        (9_000, 8_900, "Khá", "Trung bình"),
        (6_000, 5_900, "Trung bình", "Yếu"),
    ] {
        assert_eq!(band(at), name);
        assert_eq!(band(below), lower);
    }
    assert_eq!(band(0), "Yếu");
    assert_eq!(band(18_000), "Xuất sắc");
    let o = c.officials.as_ref().unwrap();
    let ob = |m: u64| {
        o.bands
            .iter()
            .find(|b| b.contains(Points::from_milli(m)))
            .unwrap()
            .name_vi
            .clone()
    };
    assert_eq!(o.max, Points::whole(10));
    assert_eq!(ob(5_000), "Hoàn thành 100% nhiệm vụ");
    assert_eq!(ob(4_900), "Hoàn thành từ 70% đến dưới 100% nhiệm vụ");
    assert_eq!(ob(3_500), "Hoàn thành từ 70% đến dưới 100% nhiệm vụ");
    assert_eq!(ob(3_400), "Hoàn thành dưới 70% nhiệm vụ");
    assert_eq!(ob(0), "Hoàn thành dưới 70% nhiệm vụ");
}

#[test]
fn totals_and_bands_end_to_end_at_15() {
    // Per dossier: on time (1 + 1 + 1), no supplement (2), one contact (1) = 6; per agency
    // with the defaults: 5 → 1, 6 → 2, 8 → 2, 9 → 0 (no level-3/4 procedure): 11, Khá.
    let mut b = Builder::default();
    b.add(
        "A",
        None,
        D {
            contacts: 1,
            ..D::at(0)
        },
        2,
    );
    let r = b.score(&Units::new(), "circular-01-2018");
    assert_eq!(r.agency("A").unwrap().total.unwrap().to_string(), "11");
    assert_eq!(r.agency("A").unwrap().band.as_deref(), Some("Khá"));
    let mut b = Builder::default();
    b.add("A", None, EARLY, 2); // 10 per dossier
    let units: Units = [UnitFacts {
        publication: 1,
        ..procedures(10, 0)
    }]
    .into_iter()
    .collect();
    let r = b.score(&units, "circular-01-2018");
    // 10 + 1 (ind 5) + 1 (ind 6) + 2 (ind 8) + 0 (ind 9) = 14
    assert_eq!(r.agency("A").unwrap().total.unwrap().to_string(), "14");
    assert_eq!(r.agency("A").unwrap().band.as_deref(), Some("Tốt"));
    let units: Units = [procedures(0, 0)].into_iter().collect();
    let r = b.score(&units, "circular-01-2018");
    assert_eq!(r.agency("A").unwrap().total.unwrap().to_string(), "15");
    assert_eq!(r.agency("A").unwrap().band.as_deref(), Some("Xuất sắc"));
}

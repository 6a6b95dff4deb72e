//! Property tests of counting: any split of a dataset, counted in parts and merged, equals
//! counting it whole; every count balances (`received + carried_over = resolved +
//! closed_without_result + pending`) whatever the dossiers and the period.

use chrono::{Days, NaiveDate};
use motcua_core::codes::{Channel, OnlineLevel, Rating, Status};
use motcua_core::count::{Counter, Tally};
use motcua_core::dossier::{AgencyId, Dossier, OfficialId};
use motcua_core::period::Period;
use proptest::prelude::*;

fn base() -> NaiveDate {
    NaiveDate::from_ymd_opt(2021, 1, 1).unwrap()
}

prop_compose! {
    fn dossier()(
        agency in 0u32..5,
        r in 0u64..500,
        due_after in 0u64..40,
        close_after in proptest::option::of(0u64..120),
        status in 2u8..=10,
        channel in 1u8..=3,
        level in proptest::option::of(2u8..=4),
        rating in proptest::option::of(1u8..=3),
    ) -> Dossier {
        let status = Status::try_from(if status == 3 { 4 } else { status }).unwrap();
        let received = base() + Days::new(r);
        let closed = if status.is_closed() { Some(received + Days::new(close_after.unwrap_or(0))) } else { None };
        Dossier {
            agency: AgencyId(agency),
            official: Some(OfficialId(agency)),
            procedure: None,
            field: None,
            line: 0,
            received,
            received_time: None,
            due: received + Days::new(due_after),
            closed,
            status,
            channel: Channel::try_from(channel.to_string().as_str()).unwrap(),
            level: level.map(|l| OnlineLevel::try_from(l.to_string().as_str()).unwrap()),
            rating: rating.map(|x| Rating::try_from(x.to_string().as_str()).unwrap()),
            supplements: 0,
            contacts: 0,
            complaint: false,
        }
    }
}

prop_compose! {
    fn period()(start in 0u64..450, len in 0u64..120) -> Period {
        let from = base() + Days::new(start);
        Period::range(from, from + Days::new(len)).unwrap()
    }
}

fn tally(ds: &[Dossier], p: Period) -> Tally {
    let mut c = Counter::new(&[p]);
    c.count_all(ds);
    c.into_tallies(|i| format!("A{i}")).remove(0)
}

proptest! {
    #[test]
    fn merging_any_split_equals_counting_whole(
        ds in proptest::collection::vec(dossier(), 0..300),
        cuts in proptest::collection::vec(0usize..300, 0..6),
        p in period(),
    ) {
        let whole = tally(&ds, p);
        let mut cuts: Vec<usize> = cuts.into_iter().map(|c| c.min(ds.len())).collect();
        cuts.push(0);
        cuts.push(ds.len());
        cuts.sort_unstable();
        let parts: Vec<Tally> = cuts.windows(2).map(|w| tally(&ds[w[0]..w[1]], p)).collect();
        // merge left to right, and right to left (order does not matter)
        let mut fwd = Tally::default();
        for t in &parts { fwd.merge(t); }
        let mut back = Tally::default();
        for t in parts.iter().rev() { back.merge(t); }
        // agencies with zero counts appear only where touched: compare non-zero content
        let strip = |t: &Tally| t.agencies.iter().filter(|(_, c)| c.values().iter().any(|v| *v > 0)).map(|(k, c)| (k.clone(), *c)).collect::<Vec<_>>();
        prop_assert_eq!(strip(&fwd), strip(&whole));
        prop_assert_eq!(strip(&back), strip(&whole));
        prop_assert_eq!(fwd.total(), whole.total());
    }

    #[test]
    fn every_count_balances(ds in proptest::collection::vec(dossier(), 0..200), p in period()) {
        let t = tally(&ds, p);
        for c in t.agencies.values() {
            prop_assert!(c.is_consistent(), "{c:?}");
        }
        prop_assert!(t.total().is_consistent());
    }
}

//! Tests of the sample generator through the crate's own parsing and counting.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

use super::*;
use motcua_core::count::{Counts, count_dataset};
use motcua_core::dossier::Dataset;
use motcua_core::period::Period;
use motcua_core::record::{Header, Ingest, parse_row};

fn digest(profile: &Profile) -> (u64, u64, usize) {
    let mut h = DefaultHasher::new();
    let (mut rows, mut bytes) = (0, 0);
    let mut line = String::new();
    generate(profile, &Calendar::vn(), |r| {
        line.clear();
        r.write_csv_row(&mut line);
        line.hash(&mut h);
        rows += 1;
        bytes += line.len();
    });
    (h.finish(), rows, bytes)
}

fn dataset(profile: &Profile) -> Dataset {
    let cal = Calendar::vn();
    let header = Header::new(HEADER).unwrap();
    let mut ingest = Ingest::new(true);
    let mut dossiers = Vec::new();
    let mut line = 1;
    generate(profile, &cal, |rec| {
        line += 1;
        let row = parse_row(|c| header.index(c).map_or("", |i| rec.field(i)), &cal);
        if let Some(d) = ingest
            .accept(line, row)
            .unwrap_or_else(|e| panic!("{e}: {rec:?}"))
        {
            dossiers.push(d);
        }
    });
    ingest.into_dataset(dossiers)
}

#[test]
fn profiles_parse_and_print() {
    assert_eq!(
        "soc-trang-2021".parse::<Profile>(),
        Ok(Profile::SocTrang2021)
    );
    assert_eq!(
        "random:1_000:9".parse::<Profile>(),
        Ok(Profile::Random {
            rows: 1000,
            seed: 9
        })
    );
    assert_eq!(
        "random:5".parse::<Profile>(),
        Ok(Profile::Random { rows: 5, seed: 1 })
    );
    let e = "soc-trang-2022".parse::<Profile>().unwrap_err().to_string();
    assert!(
        e.contains("soc-trang-2021") && e.contains("random:ROWS"),
        "{e}"
    );
    assert!("random:x".parse::<Profile>().is_err());
    assert_eq!(
        Profile::Random { rows: 3, seed: 4 }.to_string(),
        "random:3:4"
    );
    assert_eq!(agencies().len(), 17);
    assert_eq!(agencies()[0].0, "SCT");
}

#[test]
fn generation_is_deterministic() {
    let p = Profile::Random {
        rows: 5000,
        seed: 11,
    };
    assert_eq!(digest(&p), digest(&p));
    assert_ne!(
        digest(&p).0,
        digest(&Profile::Random {
            rows: 5000,
            seed: 12
        })
        .0
    );
    let s = digest(&Profile::SocTrang2021);
    assert_eq!(s, digest(&Profile::SocTrang2021));
    assert!(s.2 < 5_200_000, "soc-trang-2021 is {} bytes", s.2);
}

#[test]
fn soc_trang_2021_counts_reproduce_the_seed() {
    let ds = dataset(&Profile::SocTrang2021);
    assert_eq!(ds.input.rejected, 0);
    assert!(ds.input.not_received > 0);
    let q3: Period = "2021-Q3".parse().unwrap();
    let q2: Period = "2021-Q2".parse().unwrap();
    let tallies = count_dataset(&ds, &[q3, q2]);
    let t3: Counts = tallies[0].total();
    let t2: Counts = tallies[1].total();
    assert_eq!(
        (
            t3.received,
            t3.resolved,
            t3.resolved_early,
            t3.resolved_on_time,
            t3.resolved_late
        ),
        (12_656, 12_085, 12_078, 5, 2)
    );
    assert_eq!(
        (
            t3.received_online,
            t3.received_online_level34,
            t3.received_level34
        ),
        (8694, 8694, 11_906)
    );
    assert_eq!((t3.ratings, t3.ratings_dissatisfied), (609, 0));
    assert!(t3.ratings_satisfied > 0 && t3.ratings_very_satisfied > 0);
    assert!(t3.pending_overdue > 0 && t3.pending_within_due > 0 && t3.closed_without_result > 0);
    assert!(t3.is_consistent());
    assert_eq!(
        (t2.received, t2.received_online, t2.received_online_level34),
        (22_758, 7670, 7670)
    );
    assert_eq!(tallies[0].agencies.len(), 17);
    assert!(
        tallies[0]
            .agencies
            .values()
            .all(|c| c.received > 0 && c.resolved > 0)
    );
}

#[test]
fn random_rows_are_valid_and_realistic() {
    let ds = dataset(&Profile::Random {
        rows: 20_000,
        seed: 5,
    });
    assert_eq!(ds.input.rows, 20_000);
    assert_eq!(ds.input.rejected, 0);
    let nr = ds.input.not_received as f64 / 20_000.0;
    assert!((0.01..0.03).contains(&nr), "{nr}");
    let year: Period = "2021".parse().unwrap();
    let t = count_dataset(&ds, &[year])[0].total();
    let online = t.received_online as f64 / t.received as f64;
    assert!((0.5..0.7).contains(&online), "{online}");
    assert!(t.received_online == t.received_online_level34);
    let rated = t.ratings as f64 / t.resolved as f64;
    assert!((0.03..0.07).contains(&rated), "{rated}");
    assert!(t.resolved_late > 0 && t.resolved_on_time > 0 && t.closed_without_result > 0);
    assert_eq!(ds.agencies.len(), 17);
}

#[test]
fn portal_timestamps_write_the_same_rows() {
    use motcua_core::timestamp::Timestamp;
    let profile = Profile::Random {
        rows: 3000,
        seed: 8,
    };
    let cal = Calendar::vn();
    let mut mixed: Vec<Vec<String>> = Vec::new();
    generate(&profile, &cal, |r| {
        mixed.push(r.fields().map(str::to_owned).collect());
    });
    let mut row = 0;
    let mut forms = std::collections::HashSet::new();
    generate_with(&profile, &cal, Timestamps::Portal, |r| {
        let before = &mixed[row];
        row += 1;
        for (col, (name, portal)) in HEADER.iter().zip(r.fields()).enumerate() {
            let was = before[col].as_str();
            if !name.starts_with("Ngay") || was.is_empty() {
                assert_eq!(portal, was, "{name} of row {row}");
                continue;
            }
            forms.insert(was.len());
            assert!(
                portal.len() == 14 && portal.bytes().all(|b| b.is_ascii_digit()),
                "{name} of row {row}: {portal}"
            );
            let (new, old) = (
                Timestamp::parse(portal).unwrap(),
                Timestamp::parse(was).unwrap(),
            );
            assert_eq!(new.date, old.date, "{name} of row {row}");
            if old.time.is_some() {
                assert_eq!(new.time, old.time, "{name} of row {row}");
            }
        }
    });
    assert_eq!(row, mixed.len());
    // the mixed file has dates alone (10), the portal form (14) and forms with a time (19)
    assert_eq!(forms.len(), 3, "{forms:?}");
}

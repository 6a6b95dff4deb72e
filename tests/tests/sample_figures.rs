//! The `soc-trang-2021` sample, read through the crate's own parsing path and counted,
//! reproduces the Sóc Trăng Center's published Q3 2021 figures (and Q2's), and its CSV
//! reads back the same through the streaming CSV reader.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate, Weekday};
use motcua_core::calendar::Calendar;
use motcua_core::codes::{Channel, Status};
use motcua_core::count::{Counts, count_dataset};
use motcua_core::dossier::{Dataset, Dossier};
use motcua_core::period::Period;
use motcua_core::record::{Column, Header, Ingest, parse_row};
use motcua_core::report::Report;
use motcua_io::dossiers::{ReadOptions, read_dataset};
use motcua_sample::{HEADER, Profile, SampleRecord, agencies, generate};

/// The generated CSV text and the dataset read row by row from the split CSV lines.
struct Sample {
    csv: String,
    dataset: Dataset,
    /// Raw values seen per column, for checks of the written forms.
    raw: BTreeMap<&'static str, Vec<String>>,
}

fn sample() -> Sample {
    let cal = Calendar::vn();
    let header = Header::new(HEADER).expect("the sample's header is valid");
    let mut ingest = Ingest::new(false);
    let mut dossiers = Vec::new();
    let mut csv = String::new();
    SampleRecord::write_csv_header(&mut csv);
    let mut raw: BTreeMap<&'static str, Vec<String>> = BTreeMap::new();
    let mut line = 1u64;
    let mut text = String::new();
    generate(&Profile::SocTrang2021, &cal, |rec| {
        line += 1;
        text.clear();
        rec.write_csv_row(&mut text);
        csv.push_str(&text);
        assert!(
            !text.contains('"'),
            "generated rows never need quoting: {text}"
        );
        let fields: Vec<&str> = text.trim_end_matches('\n').split(',').collect();
        assert_eq!(fields.len(), 16, "{text}");
        for (i, f) in fields.iter().enumerate() {
            assert_eq!(*f, rec.field(i));
        }
        for c in [
            Column::MucDo,
            Column::NgayTiepNhan,
            Column::NgayHenTra,
            Column::SoLanBoSung,
            Column::PhanAnh,
        ] {
            raw.entry(c.name())
                .or_default()
                .push(fields[c as usize].to_owned());
        }
        let parsed = parse_row(|c| header.index(c).map_or("", |i| fields[i]), &cal);
        if let Some(d) = ingest
            .accept(line, parsed)
            .expect("lenient mode never fails")
        {
            dossiers.push(d);
        }
    });
    let dataset = ingest.into_dataset(dossiers);
    Sample { csv, dataset, raw }
}

fn period(s: &str) -> Period {
    s.parse().unwrap()
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn soc_trang_2021_reproduces_the_published_figures() {
    let s = sample();
    let ds = &s.dataset;
    assert_eq!(ds.input.rejected, 0, "{:?}", ds.input.errors.first());
    assert!(ds.input.not_received > 0);
    assert_eq!(ds.input.rows, ds.input.used + ds.input.not_received);

    let (q3, q2) = (period("2021-Q3"), period("2021-Q2"));
    let tallies = count_dataset(ds, &[q3, q2]);
    let report = Report::new(q3, ds.input.clone(), &tallies[0], Some((q2, &tallies[1])));
    let t: &Counts = &report.total.counts;
    assert_eq!(t.received, 12_656);
    assert_eq!(t.resolved, 12_085);
    assert_eq!(t.resolved_early, 12_078);
    assert_eq!(t.resolved_on_time, 5);
    assert_eq!(t.resolved_late, 2);
    assert_eq!(t.received_online, 8694);
    assert_eq!(t.received_online_level34, 8694);
    assert_eq!(t.received_level34, 11_906);
    assert_eq!(t.ratings, 609);
    assert_eq!(t.ratings_very_satisfied + t.ratings_satisfied, 609);
    assert!(t.ratings_very_satisfied > 0 && t.ratings_satisfied > 0);
    assert_eq!(
        t.received + t.carried_over,
        t.resolved + t.closed_without_result + t.pending
    );
    assert!(t.is_consistent());
    assert!(t.carried_over > 0 && t.closed_without_result > 0);
    assert!(t.pending_overdue > 0 && t.pending_within_due > 0);

    let rates = &report.total.rates;
    // Percentages in hundredths, rounded as the report prints them.
    let pct = |r: Option<motcua_core::report::Rate>| {
        let r = r.unwrap();
        (
            r.numerator,
            r.denominator,
            (r.value * 10_000.0).round() as i64,
        )
    };
    assert_eq!(pct(rates.resolution_rate), (12_085, 12_656, 9549));
    assert_eq!(pct(rates.on_time_rate), (12_083, 12_085, 9998));
    assert_eq!(pct(rates.early_rate), (12_078, 12_085, 9994));
    assert_eq!(pct(rates.online_rate), (8694, 11_906, 7302));
    assert_eq!(pct(rates.satisfaction_rate), (609, 609, 10_000));

    let prev = &report.previous.as_ref().unwrap().total.counts;
    assert_eq!(prev.received, 22_758);
    assert_eq!(prev.received_online, 7670);
    assert_eq!(prev.received_online_level34, 7670);
    assert_eq!(prev.received - t.received, 10_102);
    let change = &report.change.as_ref().unwrap()["received_online"];
    assert_eq!((change.relative.unwrap() * 10_000.0).round() as i64, 1335);

    assert_eq!(report.agencies.len(), 17);
    let codes: BTreeSet<&str> = agencies().iter().map(|a| a.0).collect();
    for a in &report.agencies {
        assert!(codes.contains(a.agency.as_str()), "{}", a.agency);
        assert!(
            a.figures.counts.received > 0 && a.figures.counts.resolved > 0,
            "{}",
            a.agency
        );
    }
}

#[test]
fn soc_trang_2021_looks_like_the_center_s_data() {
    let s = sample();
    let ds = &s.dataset;
    let in_q3 = |d: &Dossier| d.received >= date(2021, 7, 1) && d.received <= date(2021, 9, 30);
    // No in-person receipt in July and August 2021; some in September.
    let july_august =
        |d: &Dossier| d.received >= date(2021, 7, 1) && d.received <= date(2021, 8, 31);
    assert!(
        !ds.dossiers
            .iter()
            .any(|d| d.channel == Channel::InPerson && july_august(d))
    );
    assert!(
        ds.dossiers
            .iter()
            .any(|d| d.channel == Channel::Postal && july_august(d))
    );
    assert!(
        ds.dossiers
            .iter()
            .any(|d| d.channel == Channel::InPerson && in_q3(d))
    );
    // Every online dossier is of a level-3/4 procedure.
    assert!(
        ds.dossiers
            .iter()
            .filter(|d| d.channel == Channel::Online)
            .all(Dossier::is_level34)
    );
    // A realistic mix of statuses, supplements, complaints.
    let statuses: BTreeSet<u8> = ds.dossiers.iter().map(|d| d.status.code()).collect();
    assert_eq!(statuses, BTreeSet::from([2, 4, 5, 6, 7, 8, 9, 10]));
    let sup = |n: u32| ds.dossiers.iter().filter(|d| d.supplements == n).count();
    let many = ds.len() - sup(0) - sup(1);
    assert!(
        sup(0) > 5 * sup(1) && sup(1) > 3 * many && sup(2) > 0,
        "{} {} {many}",
        sup(0),
        sup(1)
    );
    let complaints = ds.dossiers.iter().filter(|d| d.complaint).count();
    assert!(complaints > 0 && complaints < 50, "{complaints}");
    assert!(ds.dossiers.iter().any(|d| d.contacts >= 2));
    assert!(ds.officials.len() >= 17 * 2);
    assert!(
        ds.dossiers
            .iter()
            .any(|d| d.status == Status::AwaitingSupplement)
    );

    // Written forms: levels as digits and words, both timestamp forms, receipts after
    // 17:00 and on Saturdays, both kinds of deadline.
    let levels: BTreeSet<&str> = s.raw["MucDo"].iter().map(String::as_str).collect();
    for l in ["", "1", "2", "3", "4", "mot_phan", "toan_trinh"] {
        assert!(levels.contains(l), "MucDo {l:?} never written");
    }
    let receipts = &s.raw["NgayTiepNhan"];
    assert!(
        receipts
            .iter()
            .any(|r| r.len() == 14 && r.bytes().all(|b| b.is_ascii_digit()))
    );
    assert!(
        receipts
            .iter()
            .any(|r| r.len() == 19 && r.as_bytes()[10] == b' ')
    );
    let times: Vec<_> = receipts
        .iter()
        .map(|r| motcua_core::timestamp::Timestamp::parse(r).unwrap())
        .collect();
    assert!(times.iter().any(|t| {
        t.time
            .is_some_and(|h| h >= chrono::NaiveTime::from_hms_opt(17, 0, 0).unwrap())
    }));
    assert!(times.iter().any(|t| t.date.weekday() == Weekday::Sat));
    assert!(s.raw["NgayHenTra"].iter().any(String::is_empty));
    assert!(s.raw["NgayHenTra"].iter().any(|v| !v.is_empty()));
    assert!(s.raw["PhanAnh"].iter().filter(|v| *v == "1").count() < 50);
    assert!(s.csv.len() < 5_300_000, "CSV is {} bytes", s.csv.len());
}

#[test]
fn agencies_grading_indicators_vary_and_stay_high() {
    let s = sample();
    let ds = &s.dataset;
    let q3 = period("2021-Q3");
    // Per-dossier indicators 3 (supplements) and 4 (agencies contacted) over the dossiers
    // resolved in Q3, per agency.
    let mut sums: BTreeMap<&str, (f64, f64, f64)> = BTreeMap::new();
    for d in &ds.dossiers {
        let resolved = matches!(d.status, Status::Processed | Status::Returned)
            && d.closed.is_some_and(|c| q3.contains(c));
        if !resolved {
            continue;
        }
        let e = sums.entry(ds.agency_code(d.agency)).or_default();
        e.0 += 1.0;
        e.1 += f64::from(2u32.saturating_sub(d.supplements));
        e.2 += f64::from(2u32.saturating_sub(d.contacts));
    }
    assert_eq!(sums.len(), 17);
    let means: Vec<(f64, f64)> = sums.values().map(|(n, i3, i4)| (i3 / n, i4 / n)).collect();
    for (code, (i3, i4)) in sums.keys().zip(&means) {
        assert!(
            (1.5..=2.0).contains(i3) && (1.5..=2.0).contains(i4),
            "{code}: {i3:.2} {i4:.2}"
        );
    }
    let spread = |f: fn(&(f64, f64)) -> f64| {
        let v: Vec<f64> = means.iter().map(f).collect();
        v.iter().copied().fold(f64::MIN, f64::max) - v.iter().copied().fold(f64::MAX, f64::min)
    };
    if std::env::var_os("SAMPLE_MEANS").is_some() {
        for (code, m) in sums.keys().zip(&means) {
            println!("{code} {:.0} {:.3} {:.3}", sums[code].0, m.0, m.1);
        }
    }
    assert!(spread(|m| m.0) > 0.2 && spread(|m| m.1) > 0.1);
}

#[test]
fn the_csv_reads_back_the_same_through_the_streaming_reader() {
    let s = sample();
    let cal = Calendar::vn();
    let read =
        read_dataset(s.csv.as_bytes(), &cal, &ReadOptions::default()).expect("the sample reads");
    assert_eq!(read.input.profile.as_deref(), Some("contract"));
    let mut input = read.input.clone();
    input.profile = None;
    assert_eq!(input, s.dataset.input);
    let periods = [period("2021-Q3"), period("2021-Q2")];
    assert_eq!(
        count_dataset(&read, &periods),
        count_dataset(&s.dataset, &periods)
    );
}

//! Grading across crates: the Sóc Trăng Q3/2021 sample scores 15–17 points, "Xuất sắc", at
//! every agency (as the Center reported), streaming and merging agree with grading in
//! memory, and the rulebook files users copy load and change results.

use motcua_core::calendar::Calendar;
use motcua_core::count::count_dataset;
use motcua_core::dossier::Dataset;
use motcua_core::format::Lang;
use motcua_core::grading::{
    Grader, Points, Rulebook, RulebookError, ScoreReport, Units, WarningKind, builtin_names,
    score_dataset, score_text,
};
use motcua_core::period::Period;
use motcua_core::record::{Header, Ingest, parse_row};
use motcua_sample::{HEADER, Profile, generate};

fn q3() -> Period {
    "2021-Q3".parse().unwrap()
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

fn sample_units() -> Units {
    motcua_sample::units::soc_trang_2021_units()
        .into_iter()
        .collect()
}

fn soc_trang() -> Rulebook {
    Rulebook::builtin("soc-trang-1216-2019").unwrap()
}

#[test]
fn every_sample_agency_scores_15_to_17_and_is_excellent() {
    let ds = sample();
    let r = score_dataset(&ds, &sample_units(), &soc_trang(), q3());
    let table = score_text(&r, Lang::Vi);
    assert_eq!(r.agencies.len(), 17, "{table}");
    for a in &r.agencies {
        let t = a
            .total
            .unwrap_or_else(|| panic!("{} not graded\n{table}", a.agency));
        assert!(
            Points::whole(15) <= t && t <= Points::whole(17),
            "{}: {t}\n{table}",
            a.agency
        );
        assert_eq!(a.band.as_deref(), Some("Xuất sắc"), "{table}");
        assert_eq!(a.indicators.len(), 9);
    }
    let mut totals: Vec<Points> = r.agencies.iter().filter_map(|a| a.total).collect();
    totals.sort_unstable();
    totals.dedup();
    assert!(
        totals.len() >= 8,
        "scores should differ between agencies: {totals:?}\n{table}"
    );
    assert!(r.agencies.iter().any(|a| a.rank == Some(1)));
    let kinds: Vec<WarningKind> = r.warnings.iter().map(|w| w.kind).collect();
    assert_eq!(
        kinds,
        [WarningKind::TextNotAvailable],
        "units match the dossiers' agencies: {table}"
    );
    assert!(!r.officials.is_empty());
    for o in &r.officials {
        assert!(
            o.dossiers > 0 && o.total.is_some() && o.band.is_some(),
            "{table}"
        );
        assert!(o.total.unwrap() <= Points::whole(10));
    }
}

#[test]
fn streaming_in_chunks_and_merging_equals_grading_in_memory() {
    let ds = sample();
    let units = sample_units();
    let book = soc_trang();
    let whole = score_dataset(&ds, &units, &book, q3());
    let tally = count_dataset(&ds, &[q3()]).pop().unwrap();
    let mut merged = Grader::new(&book, q3());
    for chunk in ds.dossiers.chunks(4096) {
        let mut g = Grader::new(&book, q3());
        for d in chunk {
            g.add(d);
        }
        merged.merge(g);
    }
    let mut streamed = merged.finish(&ds.agencies, &ds.officials, &units, &tally);
    assert!(
        streamed.input.is_none(),
        "a grader does not see the input rows"
    );
    streamed.input = whole.input.clone();
    assert!(
        streamed == whole,
        "chunked and merged grading differs from grading in memory"
    );
}

#[test]
fn the_sample_report_is_the_contract_json() {
    let r = score_dataset(&sample(), &sample_units(), &soc_trang(), q3());
    let j: serde_json::Value = serde_json::from_str(&motcua_io::writer::score_json(&r)).unwrap();
    assert_eq!(j["rulebook"]["id"], "soc-trang-1216-2019");
    assert_eq!(j["rulebook"]["max"], 18);
    assert_eq!(j["period"]["from"], "2021-07-01");
    assert_eq!(j["period"]["to"], "2021-09-30");
    let codes: Vec<&str> = j["agencies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["agency"].as_str().unwrap())
        .collect();
    let mut sorted = codes.clone();
    sorted.sort_unstable();
    assert_eq!(codes, sorted, "agencies sorted by code");
    for a in j["agencies"].as_array().unwrap() {
        assert!(a["total"].is_f64() && a["rank"].is_u64() && a["band"] == "Xuất sắc");
        for (k, i) in a["indicators"].as_array().unwrap().iter().enumerate() {
            assert_eq!(i["id"], (k + 1).to_string());
            assert_eq!(i["max"], 2);
            let p = i["points"].as_f64().unwrap();
            assert!(
                (0.0..=2.0).contains(&p) && (p * 10.0 - (p * 10.0).round()).abs() < 1e-9,
                "{p}: one decimal"
            );
        }
    }
    assert_eq!(j["officials"][0]["max"], 10);
}

#[test]
fn other_periods_and_rulebooks_say_so() {
    let ds = sample();
    let units = sample_units();
    // Q2 under the Circular: graded, within its dates, no approximate warning.
    let q2 = score_dataset(
        &ds,
        &units,
        &Rulebook::builtin("circular-01-2018").unwrap(),
        "2021-Q2".parse().unwrap(),
    );
    assert!(q2.warnings.is_empty(), "{:?}", q2.warnings);
    assert!(q2.agencies.iter().all(|a| a.graded));
    // Decision 766 did not exist in 2021 and is approximate: both are said.
    let d = score_dataset(
        &ds,
        &units,
        &Rulebook::builtin("decision-766-2022").unwrap(),
        q3(),
    );
    let kinds: Vec<WarningKind> = d.warnings.iter().map(|w| w.kind).collect();
    assert!(
        kinds.contains(&WarningKind::Approximate)
            && kinds.contains(&WarningKind::OutsideLegalDates),
        "{kinds:?}"
    );
    assert!(d.rulebook.approximate);
    for a in &d.agencies {
        assert_eq!(a.max, Points::whole(100));
        assert!(
            a.measured_max.unwrap() < a.max,
            "digitisation is not measured"
        );
        assert!(a.scaled_total.unwrap() <= Points::whole(100));
    }
    // A period with nothing resolved: every agency is listed, none graded.
    let later = score_dataset(&ds, &units, &soc_trang(), "2030-Q1".parse().unwrap());
    assert_eq!(later.agencies.len(), 17);
    assert!(
        later
            .agencies
            .iter()
            .all(|a| a.total.is_none() && a.rank.is_none() && a.band.is_none())
    );
}

fn builtin_file(name: &str) -> String {
    let path = format!(
        "{}/../crates/motcua-core/rulebooks/{name}.toml",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn the_shipped_rulebook_files_are_the_builtins() {
    for name in builtin_names() {
        let from_file = Rulebook::parse(&builtin_file(name), name, &|_| None).unwrap();
        assert_eq!(from_file, Rulebook::builtin(name).unwrap(), "{name}");
    }
}

#[test]
fn a_users_edited_copy_of_the_circular_changes_the_grades() {
    let ds = sample();
    let units = sample_units();
    let before: ScoreReport = score_dataset(&ds, &units, &soc_trang(), q3());
    // A stricter province: Xuất sắc from 17 points, and one supplement request costs both points.
    let text = builtin_file("circular-01-2018")
        .replace("id = \"circular-01-2018\"", "id = \"strict-province\"")
        .replace(
            "name_en = \"Excellent\"\nmin = 15",
            "name_en = \"Excellent\"\nmin = 17",
        )
        .replace("{ when = \"supplements <= 1\", points = 1 },\n", "");
    let strict = Rulebook::parse(&text, "strict-province.toml", &|_| None).unwrap();
    let after = score_dataset(&ds, &units, &strict, q3());
    assert_eq!(after.rulebook.id, "strict-province");
    for (b, a) in before.agencies.iter().zip(&after.agencies) {
        assert!(a.total <= b.total, "{}", a.agency);
        let ind3 = |r: &motcua_core::grading::AgencyScore| r.indicators[2].points.unwrap();
        assert!(ind3(a) <= ind3(b));
    }
    assert!(
        after
            .agencies
            .iter()
            .any(|a| a.band.as_deref() == Some("Tốt")),
        "{}",
        score_text(&after, Lang::Vi)
    );
    // A typo in the copy is reported with its line.
    let broken = text.replace("measure = \"publication\"", "measure = \"publicaton\"");
    let e = Rulebook::parse(&broken, "strict-province.toml", &|_| None).unwrap_err();
    let line = broken
        .lines()
        .position(|l| l.contains("publicaton"))
        .unwrap()
        + 1;
    assert!(
        matches!(&e, RulebookError::UnknownMeasure { .. }) && e.line() == Some(line),
        "{e}"
    );
    assert!(
        e.to_string()
            .starts_with(&format!("rulebook strict-province.toml, line {line}:")),
        "{e}"
    );
}

#[test]
fn units_from_text_rows_with_bad_values_name_line_and_column() {
    let text = "DonViXuLy,TenDonVi,CongKhai,TyLeGiaiQuyetTaiMotCua\nSTP,Sở Tư pháp,2,0.3\nSYT,Sở Y tế,two,0.1\n";
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let rows: Vec<(u64, Vec<&str>)> = lines
        .enumerate()
        .map(|(i, l)| (i as u64 + 2, l.split(',').collect()))
        .collect();
    let e = Units::from_rows(header, rows).unwrap_err();
    assert_eq!((e.line(), e.column()), (Some(3), Some("CongKhai")));
    assert_eq!(
        e.to_string(),
        "line 3, column CongKhai: 'two' is not a whole number ≥ 0"
    );
}

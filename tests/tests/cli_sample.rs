//! The built-in sample through the `motcua` command: generate, report and score
//! reproduce the Sóc Trăng Q3/2021 figures; rulebooks are listed and shown.

use motcua_tests::{check_identity, motcua, stderr, stdout};

const BIN: &str = env!("CARGO_BIN_EXE_motcua-under-test");

struct Sample {
    _dir: tempfile::TempDir,
    csv: String,
    units: String,
}

fn sample() -> Sample {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("sample.csv").to_str().unwrap().to_owned();
    let units = dir.path().join("units.csv").to_str().unwrap().to_owned();
    let out = motcua(
        BIN,
        &[
            "generate",
            "--profile",
            "soc-trang-2021",
            "--output",
            &csv,
            "--units-output",
            &units,
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    Sample {
        _dir: dir,
        csv,
        units,
    }
}

fn json(args: &[&str]) -> serde_json::Value {
    let out = motcua(BIN, args);
    assert!(out.status.success(), "{}", stderr(&out));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn report_reproduces_the_seed() {
    let s = sample();
    let r = json(&[
        "report", "--input", &s.csv, "--period", "2021-Q3", "--format", "json",
    ]);
    let t = &r["total"];
    for (k, v) in [
        ("received", 12656),
        ("resolved", 12085),
        ("resolved_early", 12078),
        ("resolved_on_time", 5),
        ("resolved_late", 2),
        ("received_online", 8694),
        ("received_online_level34", 8694),
        ("received_level34", 11906),
        ("ratings", 609),
        ("ratings_dissatisfied", 0),
    ] {
        assert_eq!(t[k], v, "{k}");
    }
    assert_eq!(r["agencies"].as_array().unwrap().len(), 17);
    assert_eq!(r["previous"]["total"]["received"], 22758);
    assert_eq!(r["previous"]["total"]["received_online"], 7670);
    assert_eq!(r["change"]["received"]["absolute"], -10102);
    assert_eq!(r["input"]["rejected"], 0);
    check_identity(&r).unwrap();

    let text = stdout(&motcua(
        BIN,
        &["report", "--input", &s.csv, "--period", "2021-Q3"],
    ));
    for needle in [
        "12.656", "12.085", "95,49 %", "12.078", "99,98 %", "8.694", "11.906", "73,02 %", "609",
        "100 %",
    ] {
        assert!(text.contains(needle), "{needle} missing from\n{text}");
    }
    // the previous quarter on its own
    let q2 = json(&[
        "report", "--input", &s.csv, "--period", "2021-Q2", "--format", "json",
    ]);
    assert_eq!(q2["total"]["received"], 22758);
    assert_eq!(q2["total"]["received_online"], 7670);
    check_identity(&q2).unwrap();
    // a month and a year balance too
    for p in ["2021-08", "2021"] {
        check_identity(&json(&[
            "report", "--input", &s.csv, "--period", p, "--format", "json",
        ]))
        .unwrap();
    }
    // no in-person receipt in July and August 2021
    let jul_aug = json(&[
        "report",
        "--input",
        &s.csv,
        "--from",
        "2021-07-01",
        "--to",
        "2021-08-31",
        "--format",
        "json",
    ]);
    assert_eq!(jul_aug["total"]["received_in_person"], 0);
}

#[test]
fn score_grades_every_agency_excellent() {
    let s = sample();
    let r = json(&[
        "score",
        "--input",
        &s.csv,
        "--units",
        &s.units,
        "--period",
        "2021-Q3",
        "--rulebook",
        "soc-trang-1216-2019",
        "--format",
        "json",
    ]);
    assert_eq!(r["rulebook"]["id"], "soc-trang-1216-2019");
    assert_eq!(r["rulebook"]["max"], 18);
    assert_eq!(r["period"]["from"], "2021-07-01");
    let agencies = r["agencies"].as_array().unwrap();
    assert_eq!(agencies.len(), 17);
    let codes: Vec<&str> = agencies
        .iter()
        .map(|a| a["agency"].as_str().unwrap())
        .collect();
    let mut sorted = codes.clone();
    sorted.sort_unstable();
    assert_eq!(codes, sorted, "agencies sorted by code");
    let mut totals = Vec::new();
    for a in agencies {
        let total = a["total"].as_f64().unwrap();
        assert!((15.0..=17.0).contains(&total), "{a}");
        assert_eq!(a["band"], "Xuất sắc");
        assert_eq!(a["indicators"].as_array().unwrap().len(), 9);
        totals.push(total);
    }
    // ranks: 1 is the highest total, ties share a rank
    for a in agencies {
        let t = a["total"].as_f64().unwrap();
        let higher = totals.iter().filter(|&&x| x > t).count() as u64;
        assert_eq!(a["rank"].as_u64().unwrap(), higher + 1, "{a}");
    }
    totals.sort_by(f64::total_cmp);
    totals.dedup();
    assert!(totals.len() > 1, "scores differ between agencies");
    let officials = r["officials"].as_array().unwrap();
    assert!(!officials.is_empty());
    for o in officials {
        assert_eq!(o["max"], 10);
        assert!(o["total"].as_f64().unwrap() <= 10.0);
    }

    let text = stdout(&motcua(
        BIN,
        &[
            "score",
            "--input",
            &s.csv,
            "--units",
            &s.units,
            "--period",
            "2021-Q3",
            "--rulebook",
            "soc-trang-1216-2019",
        ],
    ));
    assert!(
        text.contains("Xuất sắc") && text.contains("Sở Tài nguyên và Môi trường"),
        "{text}"
    );

    let announcement = stdout(&motcua(
        BIN,
        &[
            "report",
            "--input",
            &s.csv,
            "--period",
            "2021-Q3",
            "--format",
            "announcement",
            "--units",
            &s.units,
            "--rulebook",
            "soc-trang-1216-2019",
        ],
    ));
    for needle in [
        "12.656",
        "12.085",
        "95,49 %",
        "12.083",
        "99,98 %",
        "8.694",
        "73,02 %",
        "11.906",
        "609",
        "100 %",
        "17/17",
        "Xuất sắc",
        "quý III năm 2021",
        "10.102",
        "22.758",
    ] {
        assert!(
            announcement.contains(needle),
            "{needle} missing from\n{announcement}"
        );
    }
}

#[test]
fn rulebooks_are_listed_shown_and_unknown_names_explained() {
    let list = stdout(&motcua(BIN, &["rulebook", "list"]));
    for name in [
        "circular-01-2018",
        "soc-trang-1216-2019",
        "decision-766-2022",
    ] {
        assert!(list.contains(name), "{list}");
    }
    let show = motcua(BIN, &["rulebook", "show", "circular-01-2018"]);
    assert!(show.status.success());
    let toml_text = stdout(&show);
    assert!(
        toml_text.contains("id = \"circular-01-2018\""),
        "{toml_text}"
    );
    let s = sample();
    let out = motcua(
        BIN,
        &[
            "score",
            "--input",
            &s.csv,
            "--units",
            &s.units,
            "--period",
            "2021-Q3",
            "--rulebook",
            "no-such-book",
        ],
    );
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(
        err.contains("circular-01-2018") && err.contains("soc-trang-1216-2019"),
        "{err}"
    );
}

#[test]
fn score_csv_has_a_row_per_agency_and_official_with_the_json_totals() {
    let s = sample();
    let base = [
        "score",
        "--input",
        &s.csv,
        "--units",
        &s.units,
        "--period",
        "2021-Q3",
        "--rulebook",
        "soc-trang-1216-2019",
        "--format",
    ];
    let j = json(&[&base[..], &["json"]].concat());
    let out = motcua(BIN, &[&base[..], &["csv"]].concat());
    assert!(out.status.success(), "{}", stderr(&out));
    let csv = stdout(&out);
    // names may hold commas: read it as CSV
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    assert_eq!(
        &header[..11],
        [
            "kind",
            "code",
            "name",
            "rank",
            "dossiers",
            "total",
            "measured_max",
            "scaled_total",
            "max",
            "band",
            "band_en"
        ]
    );
    // one column per indicator of the rulebook (9 for Decision 1216/2019)
    let ids: Vec<String> = j["agencies"][0]["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| format!("indicator_{}", i["id"].as_str().unwrap()))
        .collect();
    assert_eq!(ids.len(), 9);
    assert_eq!(
        header[11..].to_vec(),
        ids.iter().map(String::as_str).collect::<Vec<_>>()
    );
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let rows: Vec<Vec<&str>> = records.iter().map(|r| r.iter().collect()).collect();
    let agencies = j["agencies"].as_array().unwrap();
    let officials = j["officials"].as_array().unwrap();
    assert_eq!(rows.len(), agencies.len() + officials.len());
    for (row, a) in rows.iter().zip(agencies) {
        assert_eq!(row.len(), header.len());
        assert_eq!((row[0], row[1]), ("agency", a["agency"].as_str().unwrap()));
        let total: f64 = row[5].parse().unwrap();
        assert!(
            (total - a["total"].as_f64().unwrap()).abs() < 1e-9,
            "{row:?} {a}"
        );
        assert_eq!(row[9], "Xuất sắc");
    }
    for (row, o) in rows[agencies.len()..].iter().zip(officials) {
        assert_eq!(
            (row[0], row[1]),
            ("official", o["official"].as_str().unwrap())
        );
    }
}

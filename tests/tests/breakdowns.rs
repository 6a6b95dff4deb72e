//! Breakdowns, series and dossier lists (contract sections 11 and 12) through the `motcua`
//! command, checked against the contract's own identities: breakdown rows add up to the
//! total, each step of a series equals a report of that step alone, and a list has as many
//! dossiers as its count.

use motcua_tests::{motcua, stderr, stdout};
use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_motcua-under-test");

fn sample(dir: &std::path::Path) -> String {
    let csv = dir.join("sample.csv");
    let out = motcua(
        BIN,
        &[
            "generate",
            "--profile",
            "soc-trang-2021",
            "--output",
            csv.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    csv.to_str().unwrap().to_owned()
}

fn json(args: &[&str]) -> Value {
    let out = motcua(BIN, args);
    assert!(out.status.success(), "{}", stderr(&out));
    serde_json::from_str(&stdout(&out)).unwrap()
}

const COUNTS: [&str; 19] = [
    "received",
    "received_online",
    "received_in_person",
    "received_postal",
    "carried_over",
    "resolved",
    "resolved_early",
    "resolved_on_time",
    "resolved_late",
    "closed_without_result",
    "pending",
    "pending_within_due",
    "pending_overdue",
    "received_level34",
    "received_online_level34",
    "ratings",
    "ratings_very_satisfied",
    "ratings_satisfied",
    "ratings_dissatisfied",
];

#[test]
fn breakdown_rows_add_up_to_the_total_for_every_key() {
    let dir = tempfile::tempdir().unwrap();
    let csv = sample(dir.path());
    for by in [
        "agency",
        "procedure",
        "field",
        "level",
        "official",
        "channel",
        "agency,channel",
    ] {
        let r = json(&[
            "report", "--input", &csv, "--period", "2021-Q3", "--by", by, "--format", "json",
        ]);
        assert_eq!(r["contract"], 2);
        let rows = r["breakdown"]["rows"].as_array().unwrap();
        assert!(!rows.is_empty(), "{by}");
        for c in COUNTS {
            let sum: u64 = rows.iter().map(|row| row[c].as_u64().unwrap()).sum();
            assert_eq!(sum, r["total"][c].as_u64().unwrap(), "--by {by}: {c}");
        }
        // sorted by code point, first key first, null last
        let first = by.split(',').next().unwrap();
        let keys: Vec<Option<&str>> = rows.iter().map(|row| row[first].as_str()).collect();
        let mut sorted = keys.clone();
        sorted.sort_by(|a, b| match (a, b) {
            (None, None) => std::cmp::Ordering::Equal,
            (None, _) => std::cmp::Ordering::Greater,
            (_, None) => std::cmp::Ordering::Less,
            (Some(x), Some(y)) => x.cmp(y),
        });
        assert_eq!(keys, sorted, "--by {by}");
    }
    // by agency, the rows are the agencies of the report
    let r = json(&[
        "report", "--input", &csv, "--period", "2021-Q3", "--by", "agency", "--format", "json",
    ]);
    let rows = r["breakdown"]["rows"].as_array().unwrap();
    assert_eq!(rows.len(), r["agencies"].as_array().unwrap().len());
    for (row, a) in rows.iter().zip(r["agencies"].as_array().unwrap()) {
        assert_eq!(row["agency"], a["agency"]);
        assert_eq!(row["pending_overdue"], a["pending_overdue"]);
    }
    // a bad key is a usage error
    let out = motcua(
        BIN,
        &[
            "report", "--input", &csv, "--period", "2021-Q3", "--by", "colour",
        ],
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
}

#[test]
fn each_step_of_a_series_equals_the_step_reported_alone() {
    let dir = tempfile::tempdir().unwrap();
    let csv = sample(dir.path());
    let r = json(&[
        "report", "--input", &csv, "--period", "2021-Q3", "--every", "month", "--by", "channel",
        "--format", "json",
    ]);
    let series = r["series"].as_array().unwrap();
    assert_eq!(series.len(), 3);
    for (step, month) in series.iter().zip(["2021-07", "2021-08", "2021-09"]) {
        let alone = json(&[
            "report", "--input", &csv, "--period", month, "--by", "channel", "--format", "json",
        ]);
        assert_eq!(step["period"], alone["period"]);
        assert_eq!(step["total"], alone["total"], "{month}");
        assert_eq!(step["agencies"], alone["agencies"], "{month}");
        assert_eq!(step["breakdown"], alone["breakdown"], "{month}");
    }
    // the top level stays the whole period's
    let whole = json(&[
        "report", "--input", &csv, "--period", "2021-Q3", "--format", "json",
    ]);
    assert_eq!(r["total"], whole["total"]);
    // --compare last-year puts Q3/2020 in previous
    let ly = json(&[
        "report",
        "--input",
        &csv,
        "--period",
        "2021-Q3",
        "--compare",
        "last-year",
        "--format",
        "json",
    ]);
    assert_eq!(ly["previous"]["period"]["from"], "2020-07-01");
    assert_eq!(ly["previous"]["period"]["to"], "2020-09-30");
}

#[test]
fn a_list_has_as_many_dossiers_as_its_count() {
    let dir = tempfile::tempdir().unwrap();
    let csv = sample(dir.path());
    let r = json(&[
        "report", "--input", &csv, "--period", "2021-Q3", "--format", "json",
    ]);
    for count in [
        "pending_overdue",
        "resolved_late",
        "received_online",
        "resolved_on_time",
        "carried_over",
    ] {
        let l = json(&[
            "list", "--input", &csv, "--period", "2021-Q3", "--count", count, "--format", "json",
        ]);
        assert_eq!(l["count"], count);
        let ds = l["dossiers"].as_array().unwrap();
        assert_eq!(
            ds.len() as u64,
            r["total"][count].as_u64().unwrap(),
            "{count}"
        );
        let codes: Vec<&str> = ds.iter().map(|d| d["code"].as_str().unwrap()).collect();
        let mut sorted = codes.clone();
        sorted.sort_unstable();
        assert_eq!(codes, sorted, "sorted by code");
        for d in ds {
            let late = d["working_days_late"].as_i64().unwrap();
            match count {
                "pending_overdue" | "resolved_late" => assert!(late > 0, "{d}"),
                _ => assert_eq!(late, 0, "{d}"),
            }
        }
    }
    // per agency, the list equals the agency's count
    for a in r["agencies"].as_array().unwrap() {
        let code = a["agency"].as_str().unwrap();
        let l = json(&[
            "list", "--input", &csv, "--period", "2021-Q3", "--count", "pending", "--agency", code,
            "--format", "json",
        ]);
        assert_eq!(
            l["dossiers"].as_array().unwrap().len() as u64,
            a["pending"].as_u64().unwrap(),
            "{code}"
        );
    }
    let out = motcua(
        BIN,
        &[
            "list", "--input", &csv, "--period", "2021-Q3", "--count", "nosuch",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn working_days_late_counts_working_days_after_the_due_date() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("d.csv");
    // Due Friday 2021-09-17; closed Wednesday 2021-09-22: working days 20, 21, 22 → 3.
    // Pending, due Monday 2021-09-27, period ends Thursday 2021-09-30: 28, 29, 30 → 3.
    std::fs::write(
        &csv,
        "MaHoSo,DonViXuLy,KenhThucHien,NgayTiepNhan,NgayHenTra,NgayKetThucXuLy,TrangThaiHoSo\n\
         A1,STP,1,2021-09-06 08:00,2021-09-17,2021-09-22,10\n\
         A2,STP,2,2021-09-06,2021-09-27,,4\n",
    )
    .unwrap();
    let p = csv.to_str().unwrap();
    let late = json(&[
        "list",
        "--input",
        p,
        "--period",
        "2021-09",
        "--count",
        "resolved_late",
        "--format",
        "json",
    ]);
    assert_eq!(late["dossiers"][0]["code"], "A1");
    assert_eq!(late["dossiers"][0]["working_days_late"], 3);
    assert_eq!(late["dossiers"][0]["received"], "2021-09-06T08:00:00");
    assert_eq!(late["dossiers"][0]["closed"], "2021-09-22");
    let over = json(&[
        "list",
        "--input",
        p,
        "--period",
        "2021-09",
        "--count",
        "pending_overdue",
        "--format",
        "json",
    ]);
    assert_eq!(over["dossiers"][0]["code"], "A2");
    assert_eq!(over["dossiers"][0]["working_days_late"], 3);
    assert_eq!(over["dossiers"][0]["received"], "2021-09-06");
    assert_eq!(over["dossiers"][0]["closed"], Value::Null);
    assert_eq!(over["dossiers"][0]["channel"], "online");
}

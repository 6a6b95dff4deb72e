//! Agencies across a merger (contract section 9a): with `--successors` every agency's counts
//! go to its last successor in the period and in `previous`, which then lists agencies too,
//! and the report names the mappings applied. The expected figures are counted by hand from
//! the four rows below.

use motcua_tests::{motcua, stderr, stdout};
use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_motcua-under-test");

// SKHĐT (planning) merged into STC (finance) on 2025-03-01 (Decree 45/2025 reorganisation,
// as the sample successors file infers); the 2025-Q2 rows still carry the old code.
const DOSSIERS: &str =
    "MaHoSo,DonViXuLy,KenhThucHien,NgayTiepNhan,NgayHenTra,NgayKetThucXuLy,TrangThaiHoSo
H1,SKHĐT,2,2025-04-02,2025-04-10,2025-04-05,10
H2,STC,1,2025-05-05,2025-05-12,2025-05-12,10
H3,SKHĐT,1,2025-06-02,2025-06-05,,4
H4,STC,2,2025-07-01,2025-07-08,2025-07-03,10
";

const UNITS: &str = "DonViXuLy,TenDonVi,Cap,HieuLucDen,DonViKeThua
SKHĐT,Sở Kế hoạch và Đầu tư,tinh,2025-02-28,STC
STC,Sở Tài chính,tinh,,
";

fn report(dir: &std::path::Path, extra: &[&str]) -> Value {
    let csv = dir.join("d.csv");
    let units = dir.join("u.csv");
    std::fs::write(&csv, DOSSIERS).unwrap();
    std::fs::write(&units, UNITS).unwrap();
    let mut args = vec![
        "report",
        "--input",
        csv.to_str().unwrap(),
        "--period",
        "2025-Q3",
        "--units",
        units.to_str().unwrap(),
        "--format",
        "json",
    ];
    args.extend_from_slice(extra);
    let out = motcua(BIN, &args);
    assert!(out.status.success(), "{}", stderr(&out));
    serde_json::from_str(&stdout(&out)).unwrap()
}

fn agency<'a>(list: &'a Value, code: &str) -> &'a Value {
    list.as_array()
        .unwrap()
        .iter()
        .find(|a| a["agency"] == code)
        .unwrap_or_else(|| panic!("no agency {code} in {list}"))
}

#[test]
fn a_merged_agency_counts_under_its_successor_in_both_periods() {
    let dir = tempfile::tempdir().unwrap();
    let r = report(dir.path(), &["--successors"]);
    // 2025-Q3: only STC is left.
    let agencies = r["agencies"].as_array().unwrap();
    assert_eq!(agencies.len(), 1, "{r}");
    let stc = agency(&r["agencies"], "STC");
    // H4 received and resolved early; H3 (SKHĐT, received in June, still open) carried over
    // and pending, overdue since its due date 2025-06-05.
    assert_eq!(stc["received"], 1);
    assert_eq!(stc["carried_over"], 1);
    assert_eq!(stc["resolved"], 1);
    assert_eq!(stc["resolved_early"], 1);
    assert_eq!(stc["pending"], 1);
    assert_eq!(stc["pending_overdue"], 1);
    // 2025-Q2 (previous): H1, H2, H3 all under STC; H1 early, H2 on its due day.
    let prev = agency(&r["previous"]["agencies"], "STC");
    assert_eq!(prev["received"], 3);
    assert_eq!(prev["resolved"], 2);
    assert_eq!(prev["resolved_early"], 1);
    assert_eq!(prev["resolved_on_time"], 1);
    assert_eq!(prev["pending"], 1);
    assert_eq!(r["previous"]["agencies"].as_array().unwrap().len(), 1);
    assert_eq!(r["previous"]["total"]["received"], 3);
    // The mapping applied is named.
    assert_eq!(
        r["successors"],
        serde_json::json!([{"from": "SKHĐT", "to": "STC"}])
    );
}

#[test]
fn without_the_option_agencies_stay_as_written() {
    let dir = tempfile::tempdir().unwrap();
    let r = report(dir.path(), &[]);
    let skhdt = agency(&r["agencies"], "SKHĐT");
    assert_eq!(skhdt["received"], 0);
    assert_eq!(skhdt["carried_over"], 1);
    assert_eq!(agency(&r["agencies"], "STC")["received"], 1);
    assert!(r.get("successors").is_none());
    assert!(r["previous"].get("agencies").is_none());
    // The totals do not depend on the mapping.
    let mapped = report(dir.path(), &["--successors"]);
    assert_eq!(r["total"], mapped["total"]);
    assert_eq!(r["previous"]["total"], mapped["previous"]["total"]);
}

#[test]
fn the_breakdown_by_agency_and_the_series_are_mapped_too() {
    let dir = tempfile::tempdir().unwrap();
    let r = report(
        dir.path(),
        &["--successors", "--by", "agency", "--every", "month"],
    );
    let rows = r["breakdown"]["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 1, "{r}");
    assert_eq!(rows[0]["agency"], "STC");
    assert_eq!(rows[0]["carried_over"], 1);
    for step in r["series"].as_array().unwrap() {
        let codes: Vec<&str> = step["agencies"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["agency"].as_str().unwrap())
            .collect();
        assert_eq!(codes, ["STC"], "{step}");
    }
}

#[test]
fn text_output_names_the_merger() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("d.csv");
    let units = dir.path().join("u.csv");
    std::fs::write(&csv, DOSSIERS).unwrap();
    std::fs::write(&units, UNITS).unwrap();
    let out = motcua(
        BIN,
        &[
            "report",
            "--input",
            csv.to_str().unwrap(),
            "--period",
            "2025-Q3",
            "--units",
            units.to_str().unwrap(),
            "--successors",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("SKHĐT → STC"), "{}", stdout(&out));
}

#[test]
fn an_undated_district_agency_after_2025_is_warned_about() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("d.csv");
    let units = dir.path().join("u.csv");
    std::fs::write(&csv, DOSSIERS).unwrap();
    std::fs::write(
        &units,
        "DonViXuLy,TenDonVi,Cap\nSTC,Sở Tài chính,tinh\nUBND-H1,UBND huyện Một,huyen\n",
    )
    .unwrap();
    let run = |period: &str| {
        motcua(
            BIN,
            &[
                "report",
                "--input",
                csv.to_str().unwrap(),
                "--period",
                period,
                "--units",
                units.to_str().unwrap(),
                "--lang",
                "en",
            ],
        )
    };
    let after = run("2025-Q3");
    assert!(after.status.success(), "{}", stderr(&after));
    let err = stderr(&after);
    assert!(
        err.contains("warning") && err.contains("UBND-H1") && err.contains("units line 3"),
        "{err}"
    );
    // A period that ends before the district level ended gets no warning.
    let before = run("2025-Q2");
    assert!(!stderr(&before).contains("UBND-H1"), "{}", stderr(&before));
}

#[test]
fn grades_are_given_to_the_successor_with_the_merged_agencys_dossiers() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("d.csv");
    let units = dir.path().join("u.csv");
    std::fs::write(&csv, DOSSIERS).unwrap();
    std::fs::write(&units, UNITS).unwrap();
    let score = |extra: &[&str]| -> Value {
        let mut args = vec![
            "score",
            "--input",
            csv.to_str().unwrap(),
            "--period",
            "2025-Q2",
            "--units",
            units.to_str().unwrap(),
            "--format",
            "json",
        ];
        args.extend_from_slice(extra);
        let out = motcua(BIN, &args);
        assert!(out.status.success(), "{}", stderr(&out));
        serde_json::from_str(&stdout(&out)).unwrap()
    };
    // 2025-Q2: H1 (SKHĐT) and H2 (STC) resolved, H3 (SKHĐT) pending.
    let plain = score(&[]);
    assert_eq!(agency(&plain["agencies"], "SKHĐT")["resolved"], 1);
    assert_eq!(agency(&plain["agencies"], "STC")["resolved"], 1);
    assert!(plain.get("successors").is_none());
    let mapped = score(&["--successors"]);
    let agencies = mapped["agencies"].as_array().unwrap();
    assert_eq!(agencies.len(), 1, "{mapped}");
    assert_eq!(agency(&mapped["agencies"], "STC")["resolved"], 2);
    assert_eq!(
        mapped["successors"],
        serde_json::json!([{"from": "SKHĐT", "to": "STC"}])
    );
}

//! The counting conventions of other systems (`--waiting-as-within-due`,
//! `--withdrawn-as-on-time`, `--online-without-postal`, `--closed-day-as-day-one`): each changes one rule of contract
//! section 5 and is named in the output. Expected counts are worked out by hand from the six
//! rows below, for 2021-Q3.

use motcua_tests::{motcua, stderr, stdout};
use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_motcua-under-test");

// W5, W6: waiting for supplements / fees, overdue at 30/09 by their due dates.
// S8: stopped on 08/07. R7: withdrawn on 10/07.
// P: a postal dossier of a level-3 procedure; O: an online level-4 one; both resolved early.
const DOSSIERS: &str =
    "MaHoSo,DonViXuLy,KenhThucHien,MucDo,NgayTiepNhan,NgayHenTra,NgayKetThucXuLy,TrangThaiHoSo
W5,STP,1,,2021-07-01,2021-07-05,,5
W6,STP,1,,2021-07-02,2021-07-06,,6
S8,STP,1,,2021-07-05,2021-07-09,2021-07-08,8
R7,STP,1,,2021-07-06,2021-07-20,2021-07-10,7
P,STP,3,3,2021-07-07,2021-07-12,2021-07-09,10
O,STP,2,4,2021-07-08,2021-07-13,2021-07-09,10
";

fn run(args: &[&str]) -> std::process::Output {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("d.csv");
    std::fs::write(&csv, DOSSIERS).unwrap();
    let (sub, rest) = args.split_first().unwrap();
    let mut v = vec![
        *sub,
        "--input",
        csv.to_str().unwrap(),
        "--period",
        "2021-Q3",
    ];
    v.extend_from_slice(rest);
    let out = motcua(BIN, &v);
    drop(dir);
    out
}

fn total(args: &[&str]) -> Value {
    let mut v = vec!["report", "--format", "json"];
    v.extend_from_slice(args);
    let out = run(&v);
    assert!(out.status.success(), "{}", stderr(&out));
    serde_json::from_str(&stdout(&out)).unwrap()
}

#[test]
fn the_contract_rules_by_default() {
    let r = total(&[]);
    let t = &r["total"];
    assert_eq!(t["received"], 6);
    assert_eq!(t["closed_without_result"], 2);
    assert_eq!(t["pending"], 2);
    assert_eq!(t["pending_overdue"], 2);
    assert_eq!(t["resolved"], 2);
    assert_eq!(t["received_level34"], 2);
    assert_eq!(t["rates"]["online_rate"]["denominator"], 2);
    assert!(r.get("conventions").is_none());
}

#[test]
fn waiting_and_stopped_dossiers_as_pending_within_due() {
    let r = total(&["--waiting-as-within-due"]);
    let t = &r["total"];
    // W5, W6 and S8 pending within due; R7 still closed without result.
    assert_eq!(t["pending"], 3);
    assert_eq!(t["pending_within_due"], 3);
    assert_eq!(t["pending_overdue"], 0);
    assert_eq!(t["closed_without_result"], 1);
    assert_eq!(
        r["conventions"],
        serde_json::json!(["waiting_as_within_due"])
    );
}

#[test]
fn withdrawn_as_resolved_on_time_and_stopped_as_pending() {
    let t = &total(&["--withdrawn-as-on-time"])["total"];
    // R7 resolved on time; S8 pending and overdue (due 09/07); W5, W6 as before.
    assert_eq!(t["resolved"], 3);
    assert_eq!(t["resolved_on_time"], 1);
    assert_eq!(t["resolved_early"], 2);
    assert_eq!(t["closed_without_result"], 0);
    assert_eq!(t["pending"], 3);
    assert_eq!(t["pending_overdue"], 3);
}

#[test]
fn the_online_share_without_postal_dossiers() {
    let t = &total(&["--online-without-postal"])["total"];
    assert_eq!(t["received_level34"], 1);
    assert_eq!(t["received_online_level34"], 1);
    assert_eq!(t["rates"]["online_rate"]["value"], 1.0);
}

#[test]
fn every_convention_keeps_the_identity() {
    for flag in [
        "--waiting-as-within-due",
        "--withdrawn-as-on-time",
        "--online-without-postal",
    ] {
        let t = &total(&[flag])["total"];
        let n = |k: &str| t[k].as_u64().unwrap();
        assert_eq!(
            n("received") + n("carried_over"),
            n("resolved") + n("closed_without_result") + n("pending"),
            "{flag}"
        );
    }
}

#[test]
fn text_names_the_convention_and_lists_follow_it() {
    let out = run(&["report", "--waiting-as-within-due"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("tính là đang giải quyết trong hạn"),
        "{}",
        stdout(&out)
    );
    let out = run(&[
        "list",
        "--count",
        "pending_within_due",
        "--waiting-as-within-due",
        "--format",
        "json",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let mut codes: Vec<&str> = v["dossiers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    codes.sort_unstable();
    assert_eq!(codes, ["S8", "W5", "W6"]);
}

#[test]
fn a_receipt_on_a_closed_day_counts_the_first_working_day_as_day_one() {
    // Received Saturday 3 July 2021 with 3 working days. The contract moves the receipt to
    // Monday 5 and counts Tuesday 6, Wednesday 7, Thursday 8: due 8 July. Under the
    // convention Monday 5 is day 1: due Wednesday 7. A1 closes on Thursday 8 (on time, or
    // late by the convention); A2, received on Monday 5 (a working day), keeps its due date
    // Thursday 8 and closes on it: on time either way; A3 is received Saturday with a limit
    // of 0 (due on Monday 5 both ways) and closes on it.
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("c.csv");
    std::fs::write(
        &csv,
        "MaHoSo,DonViXuLy,KenhThucHien,NgayTiepNhan,ThoiHanGiaiQuyet,NgayKetThucXuLy,TrangThaiHoSo
A1,STP,2,2021-07-03 09:00,3,2021-07-08 10:00,10
A2,STP,1,2021-07-05 09:00,3,2021-07-08 10:00,10
A3,STP,2,2021-07-03 09:00,0,2021-07-05 10:00,10
",
    )
    .unwrap();
    let report = |extra: &[&str]| -> Value {
        let mut v = vec![
            "report",
            "--input",
            csv.to_str().unwrap(),
            "--period",
            "2021-07",
            "--format",
            "json",
        ];
        v.extend_from_slice(extra);
        let out = motcua(BIN, &v);
        assert!(out.status.success(), "{}", stderr(&out));
        serde_json::from_str(&stdout(&out)).unwrap()
    };
    let plain = report(&[]);
    assert_eq!(
        (
            plain["total"]["resolved_on_time"].as_u64(),
            plain["total"]["resolved_late"].as_u64()
        ),
        (Some(3), Some(0))
    );
    let conv = report(&["--closed-day-as-day-one"]);
    assert_eq!(
        (
            conv["total"]["resolved_on_time"].as_u64(),
            conv["total"]["resolved_late"].as_u64()
        ),
        (Some(2), Some(1))
    );
    assert_eq!(
        conv["conventions"],
        serde_json::json!(["closed_day_as_day_one"])
    );
    // the list of late dossiers names A1, one working day late
    let out = motcua(
        BIN,
        &[
            "list",
            "--input",
            csv.to_str().unwrap(),
            "--period",
            "2021-07",
            "--count",
            "resolved_late",
            "--closed-day-as-day-one",
            "--format",
            "json",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let l: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let codes: Vec<&str> = l["dossiers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["A1"]);
    assert_eq!(l["dossiers"][0]["due"], "2021-07-07");
    assert_eq!(l["dossiers"][0]["working_days_late"], 1);
}

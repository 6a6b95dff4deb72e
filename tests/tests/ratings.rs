//! Rating slips (contract section 17): with `--ratings`, the satisfaction counts are those
//! of the slips dated in the period, bad slips are rejected with their line and kind, and
//! `score --means slips` takes each per-dossier indicator's mean over the slips that give
//! it. Every expectation is worked by hand in the comments.

use motcua_core::codes::Rating;
use motcua_core::count::{Counts, Tally};
use motcua_core::grading::{Slip, replace_rating_counts};
use motcua_core::period::Period;
use motcua_tests::{motcua, stderr};

const BIN: &str = env!("CARGO_BIN_EXE_motcua-under-test");

const DOSSIERS: &str = "\
MaHoSo,DonViXuLy,KenhThucHien,NgayTiepNhan,NgayHenTra,NgayKetThucXuLy,TrangThaiHoSo,DanhGia,CanBoTiepNhan
D1,A,1,2021-07-05,2021-07-10,2021-07-08,10,1,CB1
D2,A,1,2021-07-06,2021-07-12,2021-07-12,10,,CB1
D3,B,1,2021-07-05,2021-07-10,2021-07-15,10,,CB2
";

// P5 is dated after Q3; P6 has an unreadable date (line 7); the second P1 is a duplicate
// (line 8).
const SLIPS: &str = "\
MaPhieu,DonViXuLy,NgayDanhGia,CanBoTiepNhan,MaHoSo,MucDoHaiLong,ChiSo1,ChiSo2,ChiSo3,ChiSo4,ChiSo7
P1,A,2021-07-08,CB1,D1,3,2,2,2,2,2
P2,A,2021-07-09 10:30,CB1,D2,2,1,1,2,1,1
P3,A,2021-07-10,,,2,2,,,,
P4,B,2021-07-16,CB2,D3,1,0,0,1,1,0
P5,B,2021-10-02,,,3,2,2,2,2,2
P6,A,sáng nay,,,2,,,,,
P1,A,2021-07-11,,,2,,,,,
";

struct Files {
    _dir: tempfile::TempDir,
    dossiers: String,
    slips: String,
}

fn files() -> Files {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("dossiers.csv");
    let s = dir.path().join("ratings.csv");
    std::fs::write(&d, DOSSIERS).unwrap();
    std::fs::write(&s, SLIPS).unwrap();
    Files {
        dossiers: d.to_str().unwrap().to_owned(),
        slips: s.to_str().unwrap().to_owned(),
        _dir: dir,
    }
}

fn json(args: &[&str]) -> serde_json::Value {
    let out = motcua(BIN, args);
    assert!(out.status.success(), "{}", stderr(&out));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn agency<'a>(r: &'a serde_json::Value, code: &str) -> &'a serde_json::Value {
    r["agencies"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["agency"] == code)
        .unwrap()
}

#[test]
fn the_core_function_replaces_only_the_rating_counts() {
    let q3: Period = "2021-Q3".parse().unwrap();
    let mut t = Tally::default();
    let before = Counts {
        received: 9,
        resolved: 7,
        ratings: 5,
        ratings_very_satisfied: 1,
        ratings_satisfied: 3,
        ratings_dissatisfied: 1,
        ..Counts::default()
    };
    t.add("A", &before);
    t.add("C", &before);
    let slip = |code: &str, agency: &str, date: &str, r: Option<Rating>| {
        let mut s = Slip::new(code, agency, date.parse().unwrap());
        s.rating = r;
        s
    };
    let slips = [
        slip("1", "A", "2021-07-01", Some(Rating::Satisfied)),
        slip("2", "A", "2021-09-30", Some(Rating::Dissatisfied)),
        slip("3", "A", "2021-06-30", Some(Rating::Satisfied)), // before Q3
        slip("4", "A", "2021-08-01", None),                    // no MucDoHaiLong
        slip("5", "B", "2021-08-01", Some(Rating::VerySatisfied)), // no dossier
    ];
    replace_rating_counts(&mut t, &slips, &q3);
    let a = t.agencies["A"];
    assert_eq!(
        (
            a.ratings,
            a.ratings_very_satisfied,
            a.ratings_satisfied,
            a.ratings_dissatisfied
        ),
        (2, 0, 1, 1)
    );
    assert_eq!((a.received, a.resolved), (9, 7));
    let c = t.agencies["C"];
    assert_eq!(c.ratings, 0, "an agency without slips has no ratings");
    let b = t.agencies["B"];
    assert_eq!((b.ratings, b.ratings_very_satisfied, b.received), (1, 1, 0));
    assert_eq!(t.total().ratings, 3);
}

#[test]
fn report_counts_ratings_from_the_slips_and_lists_bad_slips() {
    let files = files();
    let plain = json(&[
        "report",
        "-i",
        &files.dossiers,
        "-p",
        "2021-Q3",
        "-f",
        "json",
    ]);
    // From the dossiers: only D1 has a DanhGia (1, dissatisfied).
    assert_eq!(plain["total"]["ratings"], 1);
    assert_eq!(plain["total"]["ratings_dissatisfied"], 1);
    let r = json(&[
        "report",
        "-i",
        &files.dossiers,
        "-p",
        "2021-Q3",
        "-f",
        "json",
        "--ratings",
        &files.slips,
    ]);
    // Q3 slips: A has P1 (3), P2 (2), P3 (2); B has P4 (1); P5 is in Q4.
    let a = agency(&r, "A");
    assert_eq!(
        [
            &a["ratings"],
            &a["ratings_very_satisfied"],
            &a["ratings_satisfied"],
            &a["ratings_dissatisfied"]
        ],
        [3, 1, 2, 0]
    );
    let b = agency(&r, "B");
    assert_eq!([&b["ratings"], &b["ratings_dissatisfied"]], [1, 1]);
    let total = &r["total"];
    assert_eq!(
        [
            &total["ratings"],
            &total["ratings_very_satisfied"],
            &total["ratings_satisfied"]
        ],
        [4, 1, 2]
    );
    // satisfaction_rate = (1 + 2) / 4
    assert_eq!(total["rates"]["satisfaction_rate"]["numerator"], 3);
    assert_eq!(total["rates"]["satisfaction_rate"]["denominator"], 4);
    assert_eq!(
        total["resolved"], 3,
        "the other counts still come from the dossiers"
    );
    // Q2 has no slip: no ratings, even though no dossier of Q2 had one either.
    assert_eq!(r["previous"]["total"]["ratings"], 0);
    let summary = &r["input"]["ratings"];
    assert_eq!(
        [&summary["rows"], &summary["used"], &summary["rejected"]],
        [7, 5, 2]
    );
    let errors: Vec<(u64, &str, &str)> = summary["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["line"].as_u64().unwrap(),
                e["column"].as_str().unwrap(),
                e["kind"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        errors,
        [
            (7, "NgayDanhGia", "unparseable"),
            (8, "MaPhieu", "duplicate")
        ]
    );
    let out = motcua(
        BIN,
        &[
            "report",
            "-i",
            &files.dossiers,
            "-p",
            "2021-Q3",
            "--ratings",
            &files.slips,
            "--strict",
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(1),
        "strict mode stops at the first bad slip"
    );
    assert!(
        stderr(&out).contains("line 7, column NgayDanhGia"),
        "{}",
        stderr(&out)
    );
}

fn points(a: &serde_json::Value, id: &str) -> serde_json::Value {
    a["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == id)
        .unwrap()["points"]
        .clone()
}

#[test]
fn score_means_over_slips_or_dossiers() {
    let files = files();
    let base = [
        "score",
        "-i",
        &files.dossiers,
        "-p",
        "2021-Q3",
        "-f",
        "json",
        "--ratings",
        &files.slips,
    ];
    let by_dossier = json(&base);
    assert_eq!(by_dossier["means"], "dossiers");
    // Over A's resolved dossiers: D1 early (2), D2 on time (1) → indicator 1 = 1,5.
    assert_eq!(points(agency(&by_dossier, "A"), "1"), 1.5);
    let mut args = base.to_vec();
    args.extend(["--means", "slips"]);
    let s = json(&args);
    assert_eq!(s["means"], "slips");
    let a = agency(&s, "A");
    // ChiSo1 over P1, P2, P3: (2 + 1 + 2) / 3 = 1,67 → 1,7; ChiSo2 (2 + 1) / 2 = 1,5;
    // ChiSo3 (2 + 2) / 2 = 2; ChiSo4 (2 + 1) / 2 = 1,5; ChiSo7 (2 + 1) / 2 = 1,5.
    for (id, p) in [("1", 1.7), ("2", 1.5), ("3", 2.0), ("4", 1.5), ("7", 1.5)] {
        assert_eq!(points(a, id), p, "indicator {id}");
    }
    let slips_of_1 = a["indicators"][0]["slips"].clone();
    assert_eq!(slips_of_1, 3);
    // Per agency with the contract's defaults: 5 → 1 (desk share 0, full receipt), 6 → 2,
    // 8 → 2 (no feedback), 9 → 0 (no procedures at level 3/4). 8,2 + 5 = 13,2.
    assert_eq!(a["total"], 13.2);
    assert_eq!(a["band"], "Tốt");
    // B: only P4 in Q3: 0, 0, 1, 1, 0 → 2, plus 5 → 7.
    let b = agency(&s, "B");
    assert_eq!(b["total"], 7.0);
    // Official CB1 over P1, P2: 1,5 + 1,5 + 2 + 1,5 + 1,5 = 8.
    let cb1 = s["officials"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["official"] == "CB1")
        .unwrap();
    assert_eq!(cb1["total"], 8.0);
    assert_eq!(s["input"]["ratings"]["used"], 5);
    let out = motcua(
        BIN,
        &[
            "score",
            "-i",
            &files.dossiers,
            "-p",
            "2021-Q3",
            "--means",
            "slips",
        ],
    );
    assert_eq!(out.status.code(), Some(2), "--means slips needs --ratings");
}

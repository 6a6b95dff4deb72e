//! Source profiles (contract 14) and exit status (contract 15): the same five dossiers
//! written as each real source writes them give the same report; counts below are by hand.
//!
//! The dossiers (period 2024-04): H1 online, level 4, due 04-05, finished 04-04 (early);
//! H2 in person, due 04-08, finished 04-08 (on time); H3 postal, level 3, due 04-03,
//! finished 04-10 (late); H4 online, level 4, received Mon 04-22 with 2 working days → due
//! Wed 04-24, still open at 04-30 (overdue); H5 refused at the desk (status 3).

use motcua_tests::profiles::{counts, fixture};
use motcua_tests::{motcua, stderr};
use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_motcua-under-test");

fn report(file: &str, extra: &[&str]) -> (Value, std::process::Output) {
    motcua_tests::profiles::report(BIN, &fixture(file), extra)
}

#[test]
fn every_source_gives_the_hand_counted_report() {
    let by_hand = vec![4, 2, 1, 1, 1, 1, 1, 1, 3, 2];
    for (file, profile) in [
        ("contract.csv", "contract"),
        ("semicolon.csv", "contract"),
        ("dvcqg.json", "dvcqg"),
        ("rest-camel.json", "rest-camel"),
        ("sqlserver.csv", "sqlserver"),
    ] {
        let (v, out) = report(file, &[]);
        assert!(out.status.success(), "{file}: {}", stderr(&out));
        assert_eq!(counts(&v), by_hand, "{file}");
        assert_eq!(v["input"]["profile"], profile, "{file}");
        assert_eq!(
            (
                v["input"]["rows"].as_u64(),
                v["input"]["used"].as_u64(),
                v["input"]["rejected"].as_u64(),
                v["input"]["not_received"].as_u64()
            ),
            (Some(5), Some(4), Some(0), Some(1)),
            "{file}"
        );
        let agencies: Vec<&str> = v["agencies"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["agency"].as_str().unwrap())
            .collect();
        assert_eq!(agencies, ["STP", "SYT"], "{file}");
        assert!(
            stderr(&out).contains(profile),
            "{file}: the profile is announced"
        );
    }
}

#[test]
fn a_named_profile_gives_the_same_report_as_auto() {
    let (auto, _) = report("sqlserver.csv", &[]);
    let (named, out) = report("sqlserver.csv", &["--profile", "sqlserver"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(auto["total"], named["total"]);
}

#[test]
fn opencps_takes_the_channel_from_hinhthuc_and_hides_no_rejection() {
    // O1 HinhThuc 0 → in person, early; O2 HinhThuc 1 → postal, finished 04-09 after 04-08
    // (late); O3 has no deadline at all → rejected.
    let (v, out) = report("opencps.json", &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(v["input"]["profile"], "opencps");
    assert_eq!(&counts(&v)[..7], [2, 0, 1, 1, 1, 0, 1]);
    assert_eq!(v["input"]["rejected"], 1);
    assert_eq!(v["input"]["errors"][0]["kind"], "no_deadline");
    assert!(stderr(&out).contains("no_deadline 1"));
}

#[test]
fn hours_become_whole_working_days() {
    // received Mon 2024-04-01: 16 h at 8 a day = 2 days → due Wed 04-03; 20 h → 3 days →
    // Thu 04-04. K1 done 04-03 (on time), K2 done 04-04 (on time), K3 16 h done 04-04 (late).
    let toml = fixture("hours.toml");
    let (v, out) = report("hours.csv", &["--profile", toml.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(v["input"]["profile"], "hoso-hours");
    assert_eq!(v["total"]["resolved_early"], 0);
    assert_eq!(v["total"]["resolved_on_time"], 2);
    assert_eq!(v["total"]["resolved_late"], 1);
}

#[test]
fn nfc_and_nfd_names_are_one_agency() {
    let (v, out) = report("nfc.csv", &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(v["agencies"].as_array().unwrap().len(), 1);
    assert_eq!(v["total"]["received"], 2);
}

#[test]
fn all_rejected_exits_3_with_one_summary_line() {
    let (v, out) = report("all-rejected.csv", &[]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert_eq!(v["input"]["rejected"], 3, "the report is still printed");
    let err = stderr(&out);
    let lines: Vec<&str> = err.lines().filter(|l| l.contains("unknown_code")).collect();
    assert_eq!(lines.len(), 1, "{err}");
    assert!(lines[0].contains("unknown_code 3"), "{err}");
}

#[test]
fn max_rejected_is_a_strict_bound() {
    // 2 of 10 rows are bad: 20 %
    let (_, out) = report("fifth-bad.csv", &["--max-rejected", "1"]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let (_, out) = report("fifth-bad.csv", &["--max-rejected", "20"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let (_, out) = report("fifth-bad.csv", &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn unknown_profile_is_an_error() {
    let (_, out) = report("contract.csv", &["--profile", "nosuch"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("nosuch"));
}

#[test]
fn camel_case_under_the_contract_suggests_rest_camel_once() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("camel.csv");
    std::fs::write(
        &p,
        "maHoSo,donViXuLy,kenhThucHien,ngayTiepNhan,ngayHenTra,trangThaiHoSo\nH1,STP,1,2024-04-02,2024-04-05,4\n",
    )
    .unwrap();
    let out = motcua(
        BIN,
        &[
            "report",
            "-i",
            p.to_str().unwrap(),
            "--period",
            "2024-04",
            "--profile",
            "contract",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("did you mean `--profile rest-camel`"), "{err}");
    assert_eq!(err.matches("missing required column").count(), 1, "{err}");
    // auto reads it through rest-camel
    let out = motcua(
        BIN,
        &[
            "report",
            "-i",
            p.to_str().unwrap(),
            "--period",
            "2024-04",
            "--format",
            "json",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["input"]["profile"], "rest-camel");
    assert_eq!(v["total"]["received"], 1);
}

#[test]
fn database_names_under_the_contract_suggest_sqlserver() {
    let p = fixture("sqlserver.csv");
    let out = motcua(
        BIN,
        &[
            "report",
            "-i",
            p.to_str().unwrap(),
            "--period",
            "2024-04",
            "--profile",
            "contract",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("`DonViId` found: did you mean `--profile sqlserver`?"),
        "{err}"
    );
}

#[test]
fn generate_takes_sample_and_the_older_profile_spelling() {
    let dir = tempfile::tempdir().unwrap();
    for flag in ["--sample", "--profile"] {
        let p = dir.path().join(format!("s{flag}.csv"));
        let out = motcua(
            BIN,
            &[
                "generate",
                flag,
                "soc-trang-2021",
                "--output",
                p.to_str().unwrap(),
            ],
        );
        assert!(out.status.success(), "{flag}: {}", stderr(&out));
        assert!(std::fs::metadata(&p).unwrap().len() > 0);
    }
}

#[test]
fn rejected_rows_with_only_unreceived_others_exit_3() {
    // contract 15: rows were rejected and none was used; a status-1 row is not used
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("none.csv");
    std::fs::write(
        &csv,
        "MaHoSo,DonViXuLy,KenhThucHien,NgayTiepNhan,NgayHenTra,TrangThaiHoSo\n\
         A,STP,5,2024-04-01,2024-04-02,4\n\
         B,STP,1,2024-04-01,,1\n",
    )
    .unwrap();
    let out = motcua(
        BIN,
        &[
            "report",
            "--input",
            csv.to_str().unwrap(),
            "--period",
            "2024-04",
            "--format",
            "json",
        ],
    );
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        (
            &v["input"]["used"],
            &v["input"]["rejected"],
            &v["input"]["not_received"]
        ),
        (&Value::from(0), &Value::from(1), &Value::from(1))
    );
}

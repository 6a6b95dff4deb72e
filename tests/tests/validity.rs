//! Rulebooks carry their legal validity: grading a period outside it warns on standard
//! error and in the JSON (`rulebook.validity`), `--strict-validity` makes it an error with
//! exit status 1, and every listing and output names the rulebook and its validity.

use motcua_tests::{motcua, stderr, stdout};

const BIN: &str = env!("CARGO_BIN_EXE_motcua-under-test");

// One dossier of 2026 and one of 2021, each resolved early.
const DOSSIERS: &str = "\
MaHoSo,DonViXuLy,KenhThucHien,NgayTiepNhan,NgayHenTra,NgayKetThucXuLy,TrangThaiHoSo
H1,STP,2,2026-01-05,2026-01-12,2026-01-08,10
H2,STP,2,2021-07-05,2021-07-12,2021-07-08,10
";

fn input() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("d.csv");
    std::fs::write(&p, DOSSIERS).unwrap();
    let s = p.to_str().unwrap().to_owned();
    (dir, s)
}

fn score(csv: &str, period: &str, book: &str, extra: &[&str]) -> std::process::Output {
    let mut args = vec!["score", "-i", csv, "-p", period, "-r", book, "-f", "json"];
    args.extend(extra);
    motcua(BIN, &args)
}

#[test]
fn circular_01_2018_after_mid_2025_warns_and_strict_refuses() {
    let (_d, csv) = input();
    let out = score(&csv, "2026-Q1", "circular-01-2018", &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("cảnh báo") && err.contains("30/06/2025"),
        "{err}"
    );
    let j: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(j["contract"], 2);
    let v = &j["rulebook"]["validity"];
    assert_eq!(v["valid_from"], "2019-01-06");
    assert_eq!(v["valid_to"], "2025-06-30");
    assert_eq!(v["status"], "ended");
    assert_eq!(v["within"], false);
    assert!(
        v["warning"]["message"]
            .as_str()
            .unwrap()
            .contains("2025-06-30")
    );
    assert!(v["note"].as_str().unwrap().contains("No successor"));
    assert!(
        j["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|w| w["kind"] == "outside_legal_dates")
    );
    // Still graded: usable with the warning.
    assert!(j["agencies"][0]["total"].is_number());

    let strict = score(&csv, "2026-Q1", "circular-01-2018", &["--strict-validity"]);
    assert_eq!(strict.status.code(), Some(1));
    assert!(stdout(&strict).is_empty());
    assert!(
        stderr(&strict).contains("--strict-validity"),
        "{}",
        stderr(&strict)
    );

    // A period inside: no warning, `within` true, strict passes.
    let ok = score(&csv, "2021-Q3", "circular-01-2018", &["--strict-validity"]);
    assert!(ok.status.success(), "{}", stderr(&ok));
    assert!(!stderr(&ok).contains("cảnh báo"));
    let j: serde_json::Value = serde_json::from_slice(&ok.stdout).unwrap();
    assert_eq!(j["rulebook"]["validity"]["within"], true);
    assert!(j["rulebook"]["validity"]["warning"].is_null());
    // A year that crosses the end (2025) is outside too.
    let y = score(&csv, "2025", "circular-01-2018", &["--strict-validity"]);
    assert_eq!(y.status.code(), Some(1));
}

#[test]
fn soc_trang_rulebook_ends_with_the_circular_and_names_its_province() {
    let (_d, csv) = input();
    let out = score(&csv, "2026-Q1", "soc-trang-1216-2019", &[]);
    assert!(out.status.success());
    let j: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let v = &j["rulebook"]["validity"];
    assert_eq!(
        (v["valid_to"].as_str(), v["province"].as_str()),
        (Some("2025-06-30"), Some("Sóc Trăng"))
    );
    assert_eq!(v["within"], false);
    let strict = score(
        &csv,
        "2026-Q1",
        "soc-trang-1216-2019",
        &["--strict-validity"],
    );
    assert_eq!(strict.status.code(), Some(1));
    let text = motcua(
        BIN,
        &[
            "score",
            "-i",
            &csv,
            "-p",
            "2021-Q3",
            "-r",
            "soc-trang-1216-2019",
        ],
    );
    let t = stdout(&text);
    assert!(t.contains("Hiệu lực: 26/04/2019 – 30/06/2025"), "{t}");
    assert!(t.contains("chỉ áp dụng cho tỉnh Sóc Trăng"), "{t}");
}

#[test]
fn superseded_rulebooks_warn_and_the_announcement_names_the_rule() {
    let (_d, csv) = input();
    let out = score(&csv, "2026-Q1", "decision-766-2022", &[]);
    assert!(out.status.success());
    assert!(
        stderr(&out).contains("decision-766-2026"),
        "{}",
        stderr(&out)
    );
    let j: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(j["rulebook"]["validity"]["status"], "superseded");
    assert_eq!(j["rulebook"]["validity"]["superseded"], true);
    let strict = score(&csv, "2026-Q1", "decision-766-2022", &["--strict-validity"]);
    assert_eq!(strict.status.code(), Some(1));

    let ann = [
        "report",
        "-i",
        &csv,
        "-p",
        "2026-Q1",
        "-f",
        "announcement",
        "--rulebook",
        "circular-01-2018",
    ];
    let out = motcua(BIN, &ann);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains("circular-01-2018") && text.contains("30/06/2025"),
        "{text}"
    );
    assert!(stderr(&out).contains("cảnh báo"));
    let mut strict = ann.to_vec();
    strict.push("--strict-validity");
    assert_eq!(motcua(BIN, &strict).status.code(), Some(1));
}

#[test]
fn rulebook_list_and_check_show_validity() {
    let out = motcua(BIN, &["rulebook", "list"]);
    let t = stdout(&out);
    assert!(
        t.contains("06/01/2019 – 30/06/2025 (đã hết hiệu lực)"),
        "{t}"
    );
    assert!(t.contains("decision-766-2026"), "{t}");
    assert!(t.contains("từ 01/01/2026 (gần đúng)"), "{t}");
    assert!(t.contains("(đã được thay thế)"), "{t}");
    let out = motcua(BIN, &["rulebook", "list", "--lang", "en"]);
    assert!(
        stdout(&out).contains("2019-01-06 – 2025-06-30 (ended)"),
        "{}",
        stdout(&out)
    );
    let out = motcua(BIN, &["rulebook", "check", "decision-766-2022"]);
    assert!(
        stdout(&out).contains("superseded by decision-766-2026"),
        "{}",
        stdout(&out)
    );
    let show = motcua(BIN, &["rulebook", "show", "circular-01-2018"]);
    assert!(stdout(&show).contains("valid_to = 2025-06-30"));
}

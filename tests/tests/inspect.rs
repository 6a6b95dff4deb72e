//! `motcua inspect` (contract section 14): the format, profile and column mapping of each
//! fixture of `fixtures/profiles`, its rejections by kind, and the near-miss hints. The
//! expected values are read off the fixtures themselves.

use std::path::PathBuf;

use motcua_tests::{motcua, stderr};
use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_motcua-under-test");

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/profiles")
        .join(name)
}

fn inspect(file: &str, extra: &[&str]) -> Value {
    let path = fixture(file);
    let mut args = vec!["inspect", path.to_str().unwrap(), "--format", "json"];
    args.extend_from_slice(extra);
    let out = motcua(BIN, &args);
    assert!(out.status.success(), "{}", stderr(&out));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn source_of(v: &Value, contract: &str) -> Option<String> {
    v["mapping"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["contract"] == contract)
        .map(|m| m["source"].as_str().unwrap().to_owned())
}

#[test]
fn the_database_export_is_detected_and_its_mapping_proposed() {
    let v = inspect("sqlserver.csv", &[]);
    assert_eq!(v["format"], "csv");
    assert_eq!(v["profile"], "sqlserver");
    assert_eq!(v["separator"], ",");
    assert_eq!(v["header_line"], 1);
    // the header of the fixture: DonViId and TrangThaiHoSoId stand for the contract's names
    assert_eq!(source_of(&v, "DonViXuLy").as_deref(), Some("DonViId"));
    assert_eq!(
        source_of(&v, "TrangThaiHoSo").as_deref(),
        Some("TrangThaiHoSoId")
    );
    assert_eq!(source_of(&v, "MaHoSo").as_deref(), Some("MaHoSo"));
    // the first row as mapped: NULL tokens are empty values, so they are not shown
    let first = &v["first_rows"][0];
    assert_eq!(first["MaHoSo"], "H1");
    assert_eq!(first["DonViXuLy"], "STP");
    assert!(first.get("NgayTra").is_none(), "{first}");
}

#[test]
fn camel_case_records_are_read_through_rest_camel_and_the_contract_profile_hints_at_it() {
    let v = inspect("rest-camel.json", &[]);
    assert_eq!(v["format"], "json");
    assert_eq!(v["profile"], "rest-camel");
    assert!(v["error"].is_null(), "{v}");
    assert_eq!(source_of(&v, "MaHoSo").as_deref(), Some("maHoSo"));
    // the fixture's records sit under `data`: read as the contract, the page is one record
    // and nothing is used, and the hints name the profile that reads it
    let v = inspect("rest-camel.json", &["--profile", "contract"]);
    assert_eq!(v["used"], 0, "{v}");
    assert_eq!(v["rejected"], v["rows"], "{v}");
    let hints = v["hints"].as_array().unwrap();
    assert!(
        hints
            .iter()
            .any(|h| h.as_str().unwrap().contains("under `data`")),
        "{hints:?}"
    );
    assert!(
        hints.iter().any(
            |h| h.as_str().unwrap().starts_with("`maHoSo` found for MaHoSo")
                && h.as_str().unwrap().contains("rest-camel")
        ),
        "{hints:?}"
    );
}

#[test]
fn rejections_are_grouped_by_kind_with_their_first_lines() {
    let path = fixture("all-rejected.csv");
    let text = std::fs::read_to_string(&path).unwrap();
    let data_rows = text
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .count() as u64;
    let v = inspect("all-rejected.csv", &[]);
    assert_eq!(v["rows"], data_rows);
    assert_eq!(v["used"], 0);
    let groups = v["rejections"].as_array().unwrap();
    let total: u64 = groups.iter().map(|g| g["count"].as_u64().unwrap()).sum();
    assert_eq!(total, v["rejected"].as_u64().unwrap());
    for g in groups {
        let lines = g["first_lines"].as_array().unwrap();
        assert!(!lines.is_empty() && lines.len() as u64 <= g["count"].as_u64().unwrap());
        assert!(
            lines.iter().all(|l| l.as_u64().unwrap() >= 2),
            "the header is line 1"
        );
    }
}

#[test]
fn text_is_vietnamese_by_default_and_english_on_request() {
    let path = fixture("semicolon.csv");
    let p = path.to_str().unwrap();
    let vi = motcua(BIN, &["inspect", p]);
    let vi = String::from_utf8(vi.stdout).unwrap();
    assert!(vi.contains("Dấu phân cách: ;"), "{vi}");
    assert!(vi.contains("Ánh xạ cột"), "{vi}");
    let en = motcua(BIN, &["inspect", p, "--lang", "en"]);
    let en = String::from_utf8(en.stdout).unwrap();
    assert!(en.contains("Separator: ;"), "{en}");
}

#[test]
fn an_unknown_profile_is_an_error() {
    let out = motcua(
        BIN,
        &[
            "inspect",
            fixture("contract.csv").to_str().unwrap(),
            "--profile",
            "nosuch",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("nosuch"), "{}", stderr(&out));
}

//! `motcua generate --rows N --timestamps portal`: the same rows as the default mixed
//! forms, every timestamp written as the portal's `yyyyMMddHHmmss`, and so the same report.
//! The rows are compared field by field, the timestamps read back with chrono here, and the
//! quarter's received and resolved counts per agency counted by hand from the file.

use std::collections::BTreeMap;

use chrono::{NaiveDate, NaiveDateTime};
use motcua_tests::{motcua, stderr};

const BIN: &str = env!("CARGO_BIN_EXE_motcua-under-test");
const TIMESTAMPS: [&str; 4] = ["NgayTiepNhan", "NgayHenTra", "NgayKetThucXuLy", "NgayTra"];

fn generate(dir: &std::path::Path, name: &str, extra: &[&str]) -> String {
    let path = dir.join(name).to_str().unwrap().to_owned();
    let mut args = vec![
        "generate", "--rows", "20000", "--seed", "4", "--output", &path,
    ];
    args.extend_from_slice(extra);
    let out = motcua(BIN, &args);
    assert!(out.status.success(), "{}", stderr(&out));
    path
}

fn rows(path: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut r = csv::Reader::from_path(path).unwrap();
    let header = r.headers().unwrap().iter().map(str::to_owned).collect();
    let rows = r
        .records()
        .map(|rec| rec.unwrap().iter().map(str::to_owned).collect())
        .collect();
    (header, rows)
}

/// A timestamp in one of the forms the generator writes, read independently of motcua.
fn read_ts(s: &str) -> (NaiveDate, Option<chrono::NaiveTime>) {
    for f in [
        "%Y%m%d%H%M%S",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M:%S",
        "%d/%m/%Y %H:%M:%S",
    ] {
        if let Ok(t) = NaiveDateTime::parse_from_str(s, f) {
            return (t.date(), Some(t.time()));
        }
    }
    for f in ["%Y-%m-%d", "%d/%m/%Y"] {
        if let Ok(d) = NaiveDate::parse_from_str(s, f) {
            return (d, None);
        }
    }
    panic!("not a timestamp: {s}")
}

fn report(path: &str) -> serde_json::Value {
    let out = motcua(
        BIN,
        &[
            "report", "--input", path, "--period", "2021-Q3", "--format", "json",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn portal_timestamps_give_the_same_rows_and_report() {
    let dir = tempfile::tempdir().unwrap();
    let mixed = generate(dir.path(), "mixed.csv", &[]);
    let portal = generate(dir.path(), "portal.csv", &["--timestamps", "portal"]);
    let (header, m) = rows(&mixed);
    let (header_p, p) = rows(&portal);
    assert_eq!(header, header_p);
    assert_eq!((m.len(), p.len()), (20_000, 20_000));
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let ts_cols: Vec<usize> = TIMESTAMPS.iter().map(|n| col(n)).collect();

    let mut other_forms = 0;
    for (i, (a, b)) in m.iter().zip(&p).enumerate() {
        for c in 0..header.len() {
            if !ts_cols.contains(&c) || a[c].is_empty() {
                assert_eq!(a[c], b[c], "row {} {}", i + 2, header[c]);
                continue;
            }
            assert!(
                b[c].len() == 14 && b[c].bytes().all(|x| x.is_ascii_digit()),
                "row {} {}: {}",
                i + 2,
                header[c],
                b[c]
            );
            other_forms += usize::from(a[c].len() != 14);
            let (da, ta) = read_ts(&a[c]);
            let (db, tb) = read_ts(&b[c]);
            assert_eq!(da, db, "row {} {}", i + 2, header[c]);
            if ta.is_some() {
                assert_eq!(ta, tb, "row {} {}", i + 2, header[c]);
            }
        }
    }
    // the default file does mix forms, so the comparison above compared something
    assert!(other_forms > 10_000, "{other_forms}");

    let (rm, rp) = (report(&mixed), report(&portal));
    assert_eq!(rm, rp);

    // received and resolved in 2021-Q3 per agency, counted by hand from the portal file
    let (q_from, q_to) = (
        NaiveDate::from_ymd_opt(2021, 7, 1).unwrap(),
        NaiveDate::from_ymd_opt(2021, 9, 30).unwrap(),
    );
    let in_q = |s: &str| {
        let d = NaiveDate::parse_from_str(&s[..8], "%Y%m%d").unwrap();
        (q_from..=q_to).contains(&d)
    };
    let mut by_hand: BTreeMap<String, (u64, u64)> = BTreeMap::new();
    for r in &p {
        let status: u8 = r[col("TrangThaiHoSo")].parse().unwrap();
        if matches!(status, 1 | 3) {
            continue;
        }
        let e = by_hand.entry(r[col("DonViXuLy")].clone()).or_default();
        e.0 += u64::from(in_q(&r[col("NgayTiepNhan")]));
        let closing = [&r[col("NgayKetThucXuLy")], &r[col("NgayTra")]]
            .into_iter()
            .find(|s| !s.is_empty());
        if matches!(status, 9 | 10) {
            e.1 += u64::from(in_q(closing.unwrap()));
        }
    }
    let agencies = rp["agencies"].as_array().unwrap();
    assert_eq!(agencies.len(), by_hand.len());
    for a in agencies {
        let code = a["agency"].as_str().unwrap();
        let (received, resolved) = by_hand[code];
        assert_eq!(a["received"], received, "{code}");
        assert_eq!(a["resolved"], resolved, "{code}");
    }
    assert!(rp["total"]["received"].as_u64().unwrap() > 1000);
    assert_eq!(rp["input"]["rejected"], 0);
}

#[test]
fn an_unknown_timestamp_form_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("x.csv");
    let o = motcua(
        BIN,
        &[
            "generate",
            "--rows",
            "10",
            "--timestamps",
            "iso",
            "--output",
            out.to_str().unwrap(),
        ],
    );
    assert!(!o.status.success());
    let e = stderr(&o);
    assert!(e.contains("mixed") && e.contains("portal"), "{e}");
    assert!(!out.exists());
}

//! `--deadline-from deciding-agency` (Decree 309/2026): the time limit runs from
//! `NgayTiepNhanCoQuanGiaiQuyet` when a row gives it; the receipt date of the counts stays
//! `NgayTiepNhan`. Expected counts worked out by hand on the built-in calendar (1–5 April
//! 2024 are working days, Monday to Friday).

use motcua_tests::{motcua, stderr};
use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_motcua-under-test");

// D1: received Mon 04-01, by the deciding agency Wed 04-03, 2 working days, closed Thu 04-04:
//     from the receipt due Wed 04-03 (late); from the deciding agency due Fri 04-05 (early).
// D2: no deciding-agency date: received Mon 04-01, 2 days → due Wed 04-03, closed Wed 04-03
//     (on time) either way.
const CSV: &str = "MaHoSo,DonViXuLy,KenhThucHien,NgayTiepNhan,NgayTiepNhanCoQuanGiaiQuyet,ThoiHanGiaiQuyet,NgayKetThucXuLy,TrangThaiHoSo\n\
D1,STP,1,2024-04-01 09:00,2024-04-03 09:00,2,2024-04-04 16:00,10\n\
D2,STP,1,2024-04-01 09:00,,2,2024-04-03 16:00,10\n";

fn report(extra: &[&str]) -> Value {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("d.csv");
    std::fs::write(&path, CSV).unwrap();
    let mut args = vec![
        "report",
        "--input",
        path.to_str().unwrap(),
        "--period",
        "2024-04",
        "--format",
        "json",
    ];
    args.extend_from_slice(extra);
    let out = motcua(BIN, &args);
    assert!(out.status.success(), "{}", stderr(&out));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn counts(v: &Value) -> (u64, u64, u64, u64) {
    let t = &v["total"];
    let n = |k: &str| t[k].as_u64().unwrap();
    (
        n("received"),
        n("resolved_early"),
        n("resolved_on_time"),
        n("resolved_late"),
    )
}

#[test]
fn by_default_the_limit_runs_from_the_receipt() {
    assert_eq!(counts(&report(&[])), (2, 0, 1, 1));
    assert_eq!(
        counts(&report(&["--deadline-from", "receipt"])),
        (2, 0, 1, 1)
    );
}

#[test]
fn from_the_deciding_agency_when_the_row_gives_it() {
    assert_eq!(
        counts(&report(&["--deadline-from", "deciding-agency"])),
        (2, 1, 1, 0)
    );
}

#[test]
fn an_unknown_start_is_a_usage_error() {
    let out = motcua(
        BIN,
        &[
            "report",
            "--input",
            "x.csv",
            "--period",
            "2024-04",
            "--deadline-from",
            "tomorrow",
        ],
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
}

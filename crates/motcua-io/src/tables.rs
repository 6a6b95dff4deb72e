//! Writing a dossier table (a header and rows of text, as in the CSV contract) in the other
//! input formats: an Excel workbook with typed cells, and the national portal's JSON records.
//! For exports, tests and benchmarks; the readers read back exactly what these write.
//!
//! ```
//! use motcua_io::tables::portal_record;
//! let header = ["MaHoSo", "KenhThucHien", "NgayTiepNhan", "SoLanBoSung", "TenTTHC"];
//! let json = portal_record(&header, &["H1", "2", "2021-07-01 09:05:00", "2", "Cấp phép"]);
//! assert_eq!(json, r#"{"MaHoSo":"H1","KenhThucHien":2,"NgayTiepNhan":"20210701090500","DanhSachHoSoBoSung":[{"LanBoSung":1},{"LanBoSung":2}],"TenTTHC":"Cấp phép"}"#);
//! ```

use std::fmt::Write as _;

use motcua_core::record::Column;
use motcua_core::timestamp::Timestamp;
use rust_xlsxwriter::{Format, Workbook, XlsxError};

const DATES: [&str; 4] = ["NgayTiepNhan", "NgayHenTra", "NgayKetThucXuLy", "NgayTra"];
const NUMBERS: [&str; 8] = [
    "KenhThucHien",
    "MucDo",
    "ThoiHanGiaiQuyet",
    "TrangThaiHoSo",
    "SoLanBoSung",
    "DanhGia",
    "SoCoQuanLienHe",
    "PhanAnh",
];

fn is_whole(v: &str) -> bool {
    !v.is_empty() && v.len() < 16 && v.bytes().all(|b| b.is_ascii_digit())
}

/// A table as an `.xlsx` workbook with one sheet: dates as Excel dates (formatted
/// `yyyy-mm-dd hh:mm:ss`), whole numbers in code and count columns as numbers, the rest as
/// text. A date that is not a contract timestamp stays text.
pub fn to_xlsx<R: AsRef<[S]>, S: AsRef<str>>(
    sheet: &str,
    header: &[&str],
    rows: impl IntoIterator<Item = R>,
) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name(sheet)?;
    let date = Format::new().set_num_format("yyyy-mm-dd hh:mm:ss");
    let kinds: Vec<u8> = header
        .iter()
        .map(|h| {
            if DATES.contains(h) {
                1
            } else if NUMBERS.contains(h) {
                2
            } else {
                0
            }
        })
        .collect();
    for (c, h) in header.iter().enumerate() {
        ws.write_string(0, c as u16, *h)?;
    }
    for (r, row) in rows.into_iter().enumerate() {
        let r = r as u32 + 1;
        for (c, v) in row.as_ref().iter().enumerate() {
            let (v, col) = (v.as_ref(), c as u16);
            if v.is_empty() {
                continue;
            }
            match kinds.get(c) {
                Some(1) => match Timestamp::parse(v) {
                    Ok(t) => {
                        let dt = t.date.and_time(t.time.unwrap_or_default());
                        ws.write_number_with_format(r, col, crate::xlsx::to_serial(dt), &date)?;
                    }
                    Err(_) => {
                        ws.write_string(r, col, v)?;
                    }
                },
                Some(2) if is_whole(v) => {
                    ws.write_number(r, col, v.parse::<f64>().unwrap_or_default())?;
                }
                _ => {
                    ws.write_string(r, col, v)?;
                }
            }
        }
    }
    wb.save_to_buffer()
}

/// One row as a portal record: contract columns under their names, dates as
/// `yyyyMMddHHmmss`, whole numbers in code and count columns as JSON numbers, empty values
/// left out, and `SoLanBoSung` as the array `DanhSachHoSoBoSung` of that many requests.
#[must_use]
pub fn portal_record<S: AsRef<str>>(header: &[&str], row: &[S]) -> String {
    let mut out = String::from("{");
    for (h, v) in header.iter().zip(row) {
        let v = v.as_ref();
        if v.is_empty() {
            continue;
        }
        if out.len() > 1 {
            out.push(',');
        }
        if *h == Column::SoLanBoSung.name() && is_whole(v) {
            out.push_str("\"DanhSachHoSoBoSung\":[");
            let n: u32 = v.parse().unwrap_or_default();
            for i in 1..=n {
                let _ = write!(out, "{}{{\"LanBoSung\":{i}}}", if i > 1 { "," } else { "" });
            }
            out.push(']');
            continue;
        }
        out.push_str(&serde_json::to_string(h).unwrap_or_default());
        out.push(':');
        if DATES.contains(h) {
            if let Ok(t) = Timestamp::parse(v) {
                let dt = t.date.and_time(t.time.unwrap_or_default());
                let _ = write!(out, "\"{}\"", dt.format("%Y%m%d%H%M%S"));
                continue;
            }
        }
        if NUMBERS.contains(h) && is_whole(v) {
            let digits = v.trim_start_matches('0');
            out.push_str(if digits.is_empty() { "0" } else { digits });
        } else {
            out.push_str(&serde_json::to_string(v).unwrap_or_default());
        }
    }
    out.push('}');
    out
}

/// Rows as JSON Lines of portal records.
#[must_use]
pub fn portal_jsonl<R: AsRef<[S]>, S: AsRef<str>>(
    header: &[&str],
    rows: impl IntoIterator<Item = R>,
) -> String {
    let mut out = String::new();
    for row in rows {
        out.push_str(&portal_record(header, row.as_ref()));
        out.push('\n');
    }
    out
}

/// Rows as a pretty-ish JSON array of portal records, one per line.
#[must_use]
pub fn portal_array<R: AsRef<[S]>, S: AsRef<str>>(
    header: &[&str],
    rows: impl IntoIterator<Item = R>,
) -> String {
    let mut out = String::from("[\n");
    for (i, row) in rows.into_iter().enumerate() {
        if i > 0 {
            out.push_str(",\n");
        }
        out.push_str("  ");
        out.push_str(&portal_record(header, row.as_ref()));
    }
    out.push_str("\n]\n");
    out
}

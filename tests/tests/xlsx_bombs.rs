//! Workbooks that inflate without bound (contract 15, issue of hostile input): a few
//! kilobytes that ask for terabytes of shared strings, one cell of 20 MiB, millions of
//! shared strings, a sheet larger than the size limit. Each is refused with exit status 1
//! and a message naming the limit's option, under a 2 GiB address-space cap, and the
//! option raises the limit.

use std::io::{Read, Write};

use motcua_io::tables;
use motcua_tests::stderr;
use zip::write::SimpleFileOptions;

const BIN: &str = env!("CARGO_BIN_EXE_motcua-under-test");

const HEADER: [&str; 6] = [
    "MaHoSo",
    "DonViXuLy",
    "KenhThucHien",
    "NgayTiepNhan",
    "ThoiHanGiaiQuyet",
    "TrangThaiHoSo",
];

/// What a part becomes: its new bytes, written from the old ones.
type Rewrite<'a> = &'a dyn Fn(&[u8], &mut dyn Write);

/// A genuine one-row workbook, with `replace` giving new contents for some of its parts.
fn workbook(replace: &[(&str, Rewrite<'_>)]) -> Vec<u8> {
    let rows = [["H1", "STP", "1", "2021-07-05 08:00:00", "3", "2"]];
    let good = tables::to_xlsx("Sheet1", &HEADER, rows).unwrap();
    let mut src = zip::ZipArchive::new(std::io::Cursor::new(good)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(true);
    let names: Vec<String> = src.file_names().map(|n| n.unwrap().into_owned()).collect();
    for name in names {
        if let Some((_, write)) = replace.iter().find(|(n, _)| *n == name) {
            let mut old = Vec::new();
            src.by_name(&name).unwrap().read_to_end(&mut old).unwrap();
            out.start_file(name.as_str(), opts).unwrap();
            write(&old, &mut out);
        } else {
            out.raw_copy_file(src.by_name(&name).unwrap()).unwrap();
        }
    }
    out.finish().unwrap().into_inner()
}

/// Runs `motcua report` on `bytes` saved as an .xlsx, under a 2 GiB address-space cap.
fn run(bytes: &[u8], extra: &str) -> std::process::Output {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bomb.xlsx");
    std::fs::write(&path, bytes).unwrap();
    let script = format!(
        "ulimit -v 2097152; exec '{BIN}' report --input '{}' --period 2021-Q3 --format json {extra}",
        path.display()
    );
    std::process::Command::new("sh")
        .args(["-c", &script])
        .output()
        .unwrap()
}

/// The genuine shared strings with `strings` more, announcing `announced` in all.
fn sst(old: &[u8], out: &mut dyn Write, announced: &str, strings: usize) {
    let old = std::str::from_utf8(old).unwrap();
    let body = &old[old.find("<si>").unwrap()..old.rfind("</sst>").unwrap()];
    write!(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"{announced}\" uniqueCount=\"{announced}\">{body}").unwrap();
    for i in 0..strings {
        write!(out, "<si><t>{i}</t></si>").unwrap();
    }
    out.write_all(b"</sst>").unwrap();
}

#[test]
fn a_genuine_workbook_is_read() {
    let out = run(&workbook(&[]), "");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["total"]["received"], 1, "{}", v["input"]);
}

#[test]
fn terabytes_of_announced_shared_strings_are_refused_before_any_allocation() {
    let xlsx = workbook(&[("xl/sharedStrings.xml", &|old, w| {
        sst(old, w, "100000000000", 0);
    })]);
    assert!(xlsx.len() < 20_000);
    let out = run(&xlsx, "");
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("--max-shared-strings"), "{err}");
    assert!(err.contains("xl/sharedStrings.xml"), "{err}");
}

#[test]
fn millions_of_shared_strings_hit_the_count_and_the_option_raises_it() {
    let n = 1_200_000;
    let bomb = move |old: &[u8], w: &mut dyn Write| sst(old, w, &(n + 9).to_string(), n);
    let xlsx = workbook(&[("xl/sharedStrings.xml", &bomb)]);
    let out = run(&xlsx, "--max-shared-strings 1000000");
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("--max-shared-strings"), "{err}");
    assert!(err.contains("1000000"), "{err}");
    let out = run(&xlsx, "--max-shared-strings 2000000");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

/// A sheet whose one extra cell holds `len` letters `a`.
fn huge_cell(len: usize) -> impl Fn(&[u8], &mut dyn Write) {
    move |_: &[u8], w: &mut dyn Write| {
        write!(w, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>").unwrap();
        w.write_all(b"<row r=\"1\">").unwrap();
        for (i, c) in ["A", "B", "C", "D", "E", "F"].iter().enumerate() {
            write!(w, "<c r=\"{c}1\" t=\"s\"><v>{i}</v></c>").unwrap();
        }
        w.write_all(b"</row><row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>")
            .unwrap();
        let chunk = vec![b'a'; 1 << 20];
        let mut left = len;
        while left > 0 {
            let n = left.min(chunk.len());
            w.write_all(&chunk[..n]).unwrap();
            left -= n;
        }
        w.write_all(b"</t></is></c></row></sheetData></worksheet>")
            .unwrap();
    }
}

#[test]
fn one_cell_of_20_mib_hits_the_ratio_then_the_cell_size() {
    let cell = huge_cell(20 << 20);
    let xlsx = workbook(&[("xl/worksheets/sheet1.xml", &cell)]);
    assert!(xlsx.len() < 1 << 20, "{} bytes", xlsx.len());
    let out = run(&xlsx, "");
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("--max-xlsx-ratio"), "{err}");
    let out = run(&xlsx, "--max-xlsx-ratio 100000");
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("--max-record-size"), "{err}");
}

#[test]
fn a_sheet_over_the_size_limit_names_the_option() {
    let cell = huge_cell(3 << 20);
    let xlsx = workbook(&[("xl/worksheets/sheet1.xml", &cell)]);
    let out = run(&xlsx, "--max-xlsx-size 2097152 --max-xlsx-ratio 100000");
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("--max-xlsx-size"), "{err}");
    // the limits are checked on what the part inflates to, not on what the zip declares
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(&xlsx)).unwrap();
    let mut sheet = Vec::new();
    z.by_name("xl/worksheets/sheet1.xml")
        .unwrap()
        .read_to_end(&mut sheet)
        .unwrap();
    assert!(sheet.len() > 3 << 20);
}

//! The streaming CSV reader gives the same dossiers, errors and line numbers whatever the
//! block size and the number of threads, including across quoted newlines.

use std::fmt::Write as _;

use motcua_core::calendar::Calendar;
use motcua_core::dossier::Dossier;
use motcua_io::dossiers::{ReadOptions, read_dossiers};
use proptest::prelude::*;

const HEADER: &str = "MaHoSo,DonViXuLy,KenhThucHien,NgayTiepNhan,ThoiHanGiaiQuyet,NgayKetThucXuLy,TrangThaiHoSo,Note\n";

prop_compose! {
    fn row()(
        code in 0u32..400,
        agency in prop::sample::select(vec!["STP", "SYT", "S,X", "Sở \"Y\""]),
        channel in prop::sample::select(vec!["1", "2", "3", "9"]),
        day in 1u32..28,
        limit in 0u32..20,
        status in 1u32..=10,
        closed in proptest::option::of(1u32..28),
        note in prop::sample::select(vec!["", "x", "a,b", "two\nlines", "q\"uote"]),
    ) -> String {
        let q = |s: &str| if s.contains([',', '"', '\n']) { format!("\"{}\"", s.replace('"', "\"\"")) } else { s.to_owned() };
        let closed = closed.map(|d| format!("2021-08-{d:02}")).unwrap_or_default();
        format!("H{code},{},{channel},2021-08-{day:02} 09:00,{limit},{closed},{status},{}\n", q(agency), q(note))
    }
}

fn read(csv: &str, block: usize, threads: usize) -> (Vec<(String, Dossier)>, String) {
    let cal = Calendar::vn();
    let mut seen = Vec::new();
    let opts = ReadOptions {
        strict: false,
        threads,
        block_size: block,
        ..ReadOptions::default()
    };
    let ing = read_dossiers(csv.as_bytes(), &cal, &opts, &|_| {}, |d| seen.push(*d)).unwrap();
    let named = seen
        .into_iter()
        .map(|d| (ing.agencies.name(d.agency.0).to_owned(), d))
        .collect();
    (named, format!("{:?}", ing.input))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn blocks_and_threads_do_not_change_the_result(rows in proptest::collection::vec(row(), 0..200)) {
        let csv = format!("{HEADER}{}", rows.concat());
        let whole = read(&csv, 1 << 20, 1);
        for (block, threads) in [(1024, 1), (1024, 2), (1500, 3), (4096, 2)] {
            let part = read(&csv, block, threads);
            prop_assert_eq!(&part.1, &whole.1);
            prop_assert_eq!(&part.0, &whole.0);
        }
    }
}

#[test]
fn line_numbers_count_quoted_newlines() {
    let mut csv = String::from(HEADER);
    for i in 0..2000 {
        let _ = writeln!(csv, "H{i},STP,1,2021-08-02 09:00,3,,4,\"a\nb\"");
    }
    csv.push_str("H9999,STP,7,2021-08-02 09:00,3,,4,\n");
    let (_, input) = read(&csv, 1024, 2);
    // 2000 rows of two lines each after the header: the bad row starts on line 4002
    assert!(input.contains("line: 4002"), "{input}");
}

/// One record of a generated file: its fields, and whether the reader must reject it.
#[derive(Debug, Clone)]
struct Shape {
    note: &'static str,
    bad: Option<&'static str>,
    blank_lines_before: usize,
}

prop_compose! {
    fn shape()(
        note in prop::sample::select(vec![
            "", "x", "\"a,b\"", "\"two\nlines\"", "\"two\r\nlines\"", "\"blank\n\nline\"",
            "\"blank\r\n\r\nline\"", "\"q\"\"uote\"", "\"\"", "\"cr\ronly\"",
        ]),
        bad in prop::sample::select(vec![None, None, None, Some("channel"), Some("fields")]),
        blank_lines_before in prop::sample::select(vec![0usize, 0, 0, 1, 2]),
    ) -> Shape {
        Shape { note, bad, blank_lines_before }
    }
}

/// The file of `shapes` with `eol` line ends, and the line where each record starts,
/// counted independently of the reader: 1 + every `\n`, `\r\n` or lone `\r` before it.
fn build(shapes: &[Shape], eol: &str, bom: bool, final_eol: bool) -> (String, Vec<u64>) {
    let mut text = String::from(if bom { "\u{feff}" } else { "" });
    text.push_str("MaHoSo,DonViXuLy,KenhThucHien,NgayTiepNhan,ThoiHanGiaiQuyet,TrangThaiHoSo,Note");
    let mut starts = Vec::new();
    for (i, s) in shapes.iter().enumerate() {
        text.push_str(eol);
        for _ in 0..s.blank_lines_before {
            text.push_str(eol);
        }
        let breaks =
            text.matches("\r\n").count() + text.matches('\n').count() + text.matches('\r').count()
                - 2 * text.matches("\r\n").count();
        starts.push(breaks as u64 + 1);
        let channel = if s.bad == Some("channel") { "9" } else { "2" };
        let extra = if s.bad == Some("fields") {
            ",extra"
        } else {
            ""
        };
        let _ = write!(
            text,
            "H{i},STP,{channel},2021-08-02 09:00,3,4,{}{extra}",
            s.note
        );
    }
    if final_eol {
        text.push_str(eol);
    }
    (text, starts)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]
    #[test]
    fn every_rejected_row_has_the_line_where_it_starts(
        shapes in proptest::collection::vec(shape(), 0..80),
        eol in prop::sample::select(vec!["\n", "\r\n", "\r"]),
        bom in any::<bool>(),
        final_eol in any::<bool>(),
    ) {
        let (csv, starts) = build(&shapes, eol, bom, final_eol);
        let want: Vec<u64> = shapes
            .iter()
            .zip(&starts)
            .filter(|(s, _)| s.bad.is_some())
            .map(|(_, l)| *l)
            .collect();
        let good = shapes.iter().filter(|s| s.bad.is_none()).count() as u64;
        for (block, threads) in [(1 << 20, 1), (1024, 1), (1024, 2), (1100, 3), (1 << 20, 2)] {
            let cal = Calendar::vn();
            let opts = ReadOptions { threads, block_size: block, ..ReadOptions::default() };
            let ing = read_dossiers(csv.as_bytes(), &cal, &opts, &|_| {}, |_| {}).unwrap();
            let got: Vec<u64> = ing.input.errors.iter().map(|e| e.line).collect();
            prop_assert_eq!(&got, &want, "block {} threads {}", block, threads);
            prop_assert_eq!(ing.input.rows, shapes.len() as u64);
            prop_assert_eq!(ing.input.used, good);
            prop_assert_eq!(ing.input.rows, ing.input.used + ing.input.rejected + ing.input.not_received);
        }
    }

    #[test]
    fn strict_mode_stops_at_the_line_of_the_first_bad_row(
        shapes in proptest::collection::vec(shape(), 1..60),
        eol in prop::sample::select(vec!["\n", "\r\n", "\r"]),
    ) {
        let (csv, starts) = build(&shapes, eol, false, true);
        let first_bad = shapes.iter().zip(&starts).find(|(s, _)| s.bad.is_some()).map(|(_, l)| *l);
        for (block, threads) in [(1 << 20, 1), (1024, 2)] {
            let cal = Calendar::vn();
            let opts = ReadOptions { strict: true, threads, block_size: block, ..ReadOptions::default() };
            let got = read_dossiers(csv.as_bytes(), &cal, &opts, &|_| {}, |_| {});
            match first_bad {
                None => prop_assert!(got.is_ok()),
                Some(line) => prop_assert_eq!(got.err().and_then(|e| e.line()), Some(line)),
            }
        }
    }
}

#[test]
fn a_file_with_cr_line_ends_is_read_as_records() {
    let csv = "MaHoSo,DonViXuLy,KenhThucHien,NgayTiepNhan,ThoiHanGiaiQuyet,TrangThaiHoSo\r\
               H1,STP,2,2021-08-02 09:00,3,4\rH2,STP,9,2021-08-02 09:00,3,4\r";
    let cal = Calendar::vn();
    let ing = read_dossiers(
        csv.as_bytes(),
        &cal,
        &ReadOptions::default(),
        &|_| {},
        |_| {},
    )
    .unwrap();
    assert_eq!(
        (ing.input.rows, ing.input.used, ing.input.rejected),
        (2, 1, 1)
    );
    assert_eq!(ing.input.errors[0].line, 3);
}

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
        size_hint: None,
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

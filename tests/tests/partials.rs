//! Property test of partial aggregates (contract section 16): the rows of a generated input
//! (with repeated codes and bad rows), split into parts by a hash of `MaHoSo` (the
//! partitioning the partials assume), counted into partials, written to bytes, read back and
//! merged in a random order, give the report and the grades of the whole input: the same
//! totals, agencies, breakdowns, series, grades and input summary, the rejected rows as a
//! multiset of (column, kind, message).

use std::sync::OnceLock;

use motcua_core::breakdown::Dim;
use motcua_core::calendar::Calendar;
use motcua_core::grading::{Grader, Rulebook, Units};
use motcua_core::partial::Partial;
use motcua_core::period::Step;
use motcua_core::record::{Column, fingerprint};
use motcua_io::input::{InputFormat, InputOptions, read_bytes};
use motcua_io::job::{Counting, level_of};
use motcua_io::partial::{PartialOptions, merge_bytes, merged_json, partial_from_bytes};
use motcua_sample::{self as sample, Profile, SampleRecord};
use proptest::prelude::*;
use serde_json::Value;

struct Data {
    header: String,
    /// `(MaHoSo, the record as CSV)`, in input order.
    rows: Vec<(String, String)>,
    units: Units,
}

/// 900 generated rows, plus rows repeating an earlier code (the later one is rejected) and
/// rows with a bad value.
fn data() -> &'static Data {
    static DATA: OnceLock<Data> = OnceLock::new();
    DATA.get_or_init(|| {
        let profile = Profile::Random {
            rows: 900,
            seed: 13,
        };
        let mut rows: Vec<(String, String)> = Vec::new();
        sample::generate(&profile, &Calendar::vn(), |r| {
            rows.push((r.get(Column::MaHoSo).to_owned(), r.to_csv_row()));
        });
        let mut out = Vec::with_capacity(rows.len() + 80);
        for (i, row) in rows.into_iter().enumerate() {
            out.push(row);
            if i % 23 == 22 {
                // an earlier code again, later in the input
                let (code, line) = out[i / 2].clone();
                out.push((code, line));
            }
            if i % 41 == 40 {
                let (code, line) = out.last().unwrap().clone();
                let fields: Vec<&str> = line.trim_end().split(',').collect();
                if fields.len() == 16 {
                    let mut f: [&str; 16] = fields.try_into().unwrap();
                    let bad = format!("{code}-X");
                    f[0] = &bad;
                    f[5] = "2021-13-45";
                    out.push((bad.clone(), SampleRecord::from_fields(f).to_csv_row()));
                }
            }
        }
        let mut header = String::new();
        SampleRecord::write_csv_header(&mut header);
        Data {
            header,
            rows: out,
            units: sample::units_for(&profile),
        }
    })
}

fn csv(rows: &[&(String, String)]) -> String {
    let d = data();
    let mut s = d.header.clone();
    for (_, line) in rows {
        s.push_str(line);
    }
    s
}

/// The report and grades of the whole input, counted as `motcua report` and `motcua score`
/// count them.
fn whole(opts: &PartialOptions, text: &str) -> Value {
    let mut counting = Counting::new(&opts.plan);
    let mut grader = opts
        .rulebook
        .as_ref()
        .map(|b| Grader::new(b, opts.plan.period));
    let input = InputOptions {
        format: Some(InputFormat::Csv),
        sheet: None,
        read: motcua_io::dossiers::ReadOptions::default(),
    };
    let ing = read_bytes(
        InputFormat::Csv,
        text.as_bytes(),
        &opts.calendar,
        &input,
        |d| {
            counting.count(d);
            if let Some(g) = &mut grader {
                g.add(d);
            }
        },
    )
    .unwrap();
    let counted = counting.finish(&ing, &|c| level_of(&opts.units, c));
    let grades = grader.map(|g| {
        let mut s = g.finish(&ing.agencies, &ing.officials, &opts.units, &counted.period);
        s.input = Some(ing.input.clone());
        serde_json::from_str::<Value>(&motcua_io::writer::score_json(&s)).unwrap()
    });
    // through text, as both sides are compared as printed
    let mut v: Value =
        serde_json::from_str(&motcua_io::report::to_json(&counted.into_report(ing.input))).unwrap();
    if let Some(g) = grades {
        v["grades"] = g;
    }
    v
}

/// Takes the rejected rows out of `input` (and of the grades' `input`) as a sorted list of
/// (column, kind, message): positions differ between a part and the whole.
fn split_errors(v: &mut Value) -> Vec<(Value, Value, Value)> {
    let mut out = Vec::new();
    let mut take = |input: &mut Value| {
        let errors = input["errors"].take();
        let mut these: Vec<(Value, Value, Value)> = errors
            .as_array()
            .unwrap()
            .iter()
            .map(|e| (e["column"].clone(), e["kind"].clone(), e["message"].clone()))
            .collect();
        these.sort_by_key(|t| format!("{t:?}"));
        out.extend(these);
    };
    take(&mut v["input"]);
    if let Some(g) = v.get_mut("grades") {
        take(&mut g["input"]);
    }
    out
}

/// The path and the two values where `a` and `b` first differ.
fn first_difference(left: &Value, right: &Value, path: &str) -> Option<String> {
    match (left, right) {
        (Value::Object(lo), Value::Object(ro)) => {
            let keys: std::collections::BTreeSet<&String> = lo.keys().chain(ro.keys()).collect();
            keys.into_iter().find_map(|k| match (lo.get(k), ro.get(k)) {
                (Some(lv), Some(rv)) => first_difference(lv, rv, &format!("{path}.{k}")),
                (lv, rv) => Some(format!("{path}.{k}: {lv:?} ≠ {rv:?}")),
            })
        }
        (Value::Array(la), Value::Array(ra)) if la.len() == ra.len() => la
            .iter()
            .zip(ra)
            .enumerate()
            .find_map(|(i, (lv, rv))| first_difference(lv, rv, &format!("{path}[{i}]"))),
        _ if left == right => None,
        _ => Some(format!("{path}: {left} ≠ {right}")),
    }
}

fn options(by: usize, every: usize, period: usize, book: usize) -> PartialOptions {
    let periods = ["2021-Q3", "2021", "2022-03", "2021-06-15..2021-11-20"];
    let mut opts = PartialOptions::new(periods[period].parse().unwrap());
    opts.plan.by = match by {
        0 => vec![],
        1 => vec![Dim::Procedure],
        2 => vec![Dim::Agency, Dim::Channel],
        3 => vec![Dim::Level],
        _ => vec![Dim::Official, Dim::Field],
    };
    opts.plan.every = [None, Some(Step::Month), Some(Step::Quarter)][every];
    opts.rulebook = [None, Some("circular-01-2018"), Some("soc-trang-1216-2019")][book]
        .map(|n| Rulebook::builtin(n).unwrap());
    if book > 0 || by == 3 {
        opts.units = data().units.clone();
    }
    opts
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn partials_of_any_split_merged_in_any_order_equal_the_whole(
        parts in 1usize..6,
        salt in any::<u64>(),
        order in any::<u64>(),
        by in 0usize..5,
        every in 0usize..3,
        period in 0usize..4,
        book in 0usize..3,
    ) {
        let d = data();
        let opts = options(by, every, period, book);
        let all: Vec<&(String, String)> = d.rows.iter().collect();
        let mut expected = whole(&opts, &csv(&all));
        // every row of one code in one part, rows in input order within a part
        let mut split: Vec<Vec<&(String, String)>> = vec![Vec::new(); parts];
        for row in &d.rows {
            split[(fingerprint(&row.0) ^ salt) as usize % parts].push(row);
        }
        let mut bytes: Vec<Vec<u8>> = split
            .iter()
            .map(|rows| {
                partial_from_bytes(InputFormat::Csv, csv(rows).as_bytes(), &opts)
                    .unwrap()
                    .to_bytes()
            })
            .collect();
        let mut keyed: Vec<(u64, Vec<u8>)> = bytes
            .drain(..)
            .enumerate()
            .map(|(i, b)| (fingerprint(&format!("{order}:{i}")), b))
            .collect();
        keyed.sort_by_key(|(k, _)| *k);
        bytes = keyed.into_iter().map(|(_, b)| b).collect();
        let merged = merge_bytes(&bytes).unwrap();
        let mut got: Value =
            serde_json::from_str(&merged_json(&merged, opts.rulebook.as_ref(), &opts.units).unwrap())
                .unwrap();
        prop_assert_eq!(split_errors(&mut got), split_errors(&mut expected));
        prop_assert_eq!(first_difference(&got, &expected, "$"), None);
        // and the bytes themselves read back to the same partial
        let again: Vec<Partial> = bytes.iter().map(|b| Partial::from_bytes(b).unwrap()).collect();
        prop_assert_eq!(Partial::merge(again).unwrap(), merged);
    }
}

#[test]
fn the_input_has_repeated_codes_and_bad_rows() {
    let d = data();
    let opts = options(0, 0, 0, 0);
    let all: Vec<&(String, String)> = d.rows.iter().collect();
    let v = whole(&opts, &csv(&all));
    let kinds: Vec<&str> = v["input"]["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert!(
        kinds.iter().filter(|k| **k == "duplicate").count() >= 30,
        "{kinds:?}"
    );
    assert!(kinds.contains(&"unparseable"), "{kinds:?}");
    assert!(v["total"]["received"].as_u64().unwrap() > 0);
}

#[test]
fn a_split_that_separates_a_code_counts_both_rows() {
    // documents the assumption: without partitioning by MaHoSo the repeat is not seen
    let d = data();
    let opts = options(0, 0, 0, 0);
    let head = &d.header;
    let row = &d.rows[0].1;
    let one = partial_from_bytes(
        InputFormat::Csv,
        format!("{head}{row}{row}").as_bytes(),
        &opts,
    )
    .unwrap();
    let a = partial_from_bytes(InputFormat::Csv, format!("{head}{row}").as_bytes(), &opts).unwrap();
    let two = Partial::merge([a.clone(), a]).unwrap();
    assert_eq!((one.input.rows, one.input.rejected), (2, 1));
    assert_eq!((two.input.rows, two.input.rejected), (2, 0));
}

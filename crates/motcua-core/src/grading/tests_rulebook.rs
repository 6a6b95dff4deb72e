//! Rulebook tests: the built-ins, each validation error with its line, `extends`, and a
//! user's edited copy of a built-in changing the result.

use super::tests::{Builder, D, EARLY, points};
use super::*;

const CIRCULAR: &str = include_str!("../../rulebooks/circular-01-2018.toml");

/// A minimal valid rulebook; `{IND}` and `{BANDS}` are replaced by the test.
const MINI: &str = r#"id = "mini"
name_vi = "Mini"
name_en = "Mini"
status = "inferred"
{TOP}
[[indicators]]
id = "1"
name_vi = "Một"
name_en = "One"
max = 2
measure = "timeliness"
rule = "lookup"
table = { early = 2, on_time = 1, late = 0 }
{IND}
{BANDS}
"#;

const BANDS: &str = r#"[[bands]]
name_vi = "Đạt"
name_en = "Pass"
min = 1

[[bands]]
name_vi = "Không đạt"
name_en = "Fail"
min = 0
"#;

fn mini(top: &str, ind: &str, bands: &str) -> Result<Rulebook, RulebookError> {
    Rulebook::from_toml(
        &MINI
            .replace("{TOP}", top)
            .replace("{IND}", ind)
            .replace("{BANDS}", bands),
    )
}

/// The line of `needle` in the mini rulebook built from these parts.
fn line_of(top: &str, ind: &str, bands: &str, needle: &str) -> usize {
    let text = MINI
        .replace("{TOP}", top)
        .replace("{IND}", ind)
        .replace("{BANDS}", bands);
    text.lines().position(|l| l.contains(needle)).unwrap() + 1
}

fn err(top: &str, ind: &str, bands: &str) -> RulebookError {
    mini(top, ind, bands).unwrap_err()
}

#[test]
fn builtins_load_and_match_the_contract() {
    assert_eq!(
        builtin_names(),
        [
            "circular-01-2018",
            "soc-trang-1216-2019",
            "decision-766-2026",
            "decision-766-2022",
            "decision-766-2022-six-groups"
        ]
    );
    let c = Rulebook::builtin("circular-01-2018").unwrap();
    assert_eq!(
        (c.status, c.decimals, c.rounding),
        (RulebookStatus::Official, 1, Rounding::HalfAwayFromZero)
    );
    assert_eq!(
        c.indicators
            .iter()
            .map(|i| i.id.as_str())
            .collect::<Vec<_>>(),
        ["1", "2", "3", "4", "5", "6", "7", "8", "9"]
    );
    assert!(c.indicators.iter().all(|i| i.max == Points::whole(2)));
    assert_eq!(
        c.legal_basis.in_force_from,
        Some("2019-01-06".parse().unwrap())
    );
    let names: Vec<_> = c
        .bands
        .iter()
        .map(|b| (b.name_vi.as_str(), b.min.to_string()))
        .collect();
    assert_eq!(
        names,
        [
            ("Yếu", "0".into()),
            ("Trung bình", "6".into()),
            ("Khá", "9".into()),
            ("Tốt", "12".into()),
            ("Xuất sắc", "15".into())
        ]
    );
    assert_eq!(
        c.officials.as_ref().unwrap().indicators,
        ["1", "2", "3", "4", "7"]
    );
    let st = Rulebook::builtin("soc-trang-1216-2019").unwrap();
    assert_eq!(
        (st.status, st.legal_basis.text_available),
        (RulebookStatus::Inferred, false)
    );
    assert_eq!(
        (&st.indicators, &st.bands, &st.officials),
        (&c.indicators, &c.bands, &c.officials)
    );
    assert!(st.notes.iter().any(|n| n.contains("not available")));
    let d = Rulebook::builtin("decision-766-2022").unwrap();
    assert_eq!(
        (d.max, d.status, d.band_on),
        (
            Points::whole(100),
            RulebookStatus::Approximate,
            BandOn::Scaled
        )
    );
    assert_eq!(
        d.groups
            .iter()
            .map(|g| g.max.to_string())
            .collect::<Vec<_>>(),
        ["18", "20", "22", "22", "18"]
    );
    let six = Rulebook::builtin("decision-766-2022-six-groups").unwrap();
    assert_eq!(
        six.groups
            .iter()
            .map(|g| g.max.to_string())
            .collect::<Vec<_>>(),
        ["18", "20", "22", "12", "10", "18"]
    );
    assert_eq!((six.max, six.is_approximate()), (Points::whole(100), true));
    assert!(Rulebook::builtin("nope").is_none());
}

#[test]
fn the_mini_rulebook_is_valid() {
    let b = mini("", "", BANDS).unwrap();
    assert_eq!((b.max, b.bands.len()), (Points::whole(2), 2));
}

#[test]
fn toml_syntax_and_unknown_keys_give_their_line() {
    let e = err("", "maximum = 3", BANDS);
    assert!(
        matches!(&e, RulebookError::Toml { line, message, .. } if *line == line_of("", "maximum = 3", BANDS, "maximum") && message.contains("unknown field `maximum`")),
        "{e}"
    );
    let e = err("x = = 1", "", BANDS);
    assert_eq!(e.line(), Some(5), "{e}");
}

#[test]
fn unknown_measure() {
    let ind = "[[indicators]]\nid = \"2\"\nname_vi = \"b\"\nname_en = \"b\"\nmax = 2\nmeasure = \"desk_shar\"\nrule = \"proportional\"";
    let e = err("", ind, BANDS);
    assert!(
        matches!(&e, RulebookError::UnknownMeasure { measure, .. } if measure == "desk_shar"),
        "{e}"
    );
    assert_eq!(e.line(), Some(line_of("", ind, BANDS, "desk_shar")));
    assert!(
        e.to_string().contains("desk_share"),
        "lists the known measures: {e}"
    );
}

#[test]
fn points_above_the_maximum() {
    let ind = "[[indicators]]\nid = \"2\"\nname_vi = \"b\"\nname_en = \"b\"\nmax = 2\nmeasure = \"supplements\"\nrule = \"thresholds\"\nsteps = [\n  { when = \"supplements <= 0\", points = 2 },\n  { when = \"supplements <= 1\", points = 3 },\n]";
    let e = err("", ind, BANDS);
    assert!(
        matches!(&e, RulebookError::PointsAboveMax { points, max, .. } if points == "3" && max == "2"),
        "{e}"
    );
    assert_eq!(e.line(), Some(line_of("", ind, BANDS, "points = 3")));
}

#[test]
fn thresholds_out_of_order() {
    let ind = "[[indicators]]\nid = \"2\"\nname_vi = \"b\"\nname_en = \"b\"\nmax = 2\nmeasure = \"online_rate\"\nrule = \"thresholds\"\nsteps = [\n  { when = \"online_rate >= 0.15\", points = 1 },\n  { when = \"online_rate >= 0.3\", points = 2 },\n]";
    let e = err("", ind, BANDS);
    assert!(
        matches!(
            &e,
            RulebookError::ThresholdsOutOfOrder {
                step: 2,
                earlier: Some(1),
                ..
            }
        ),
        "{e}"
    );
    assert_eq!(e.line(), Some(line_of("", ind, BANDS, ">= 0.3")));
    let contradiction = ind.replace(
        "online_rate >= 0.3",
        "online_rate >= 0.3 and online_rate < 0.2",
    );
    assert!(matches!(
        err("", &contradiction, BANDS),
        RulebookError::ThresholdsOutOfOrder {
            step: 2,
            earlier: None,
            ..
        }
    ));
}

#[test]
fn bands_that_overlap_or_leave_gaps() {
    let overlap = "[[bands]]\nname_vi = \"A\"\nname_en = \"A\"\nmin = 1\n\n[[bands]]\nname_vi = \"B\"\nname_en = \"B\"\nmin = 1\n\n[[bands]]\nname_vi = \"C\"\nname_en = \"C\"\nmin = 0\n";
    let e = err("", "", overlap);
    assert!(
        matches!(&e, RulebookError::BandsOverlap { scope: "agency", at, .. } if at == "1"),
        "{e}"
    );
    let explicit = "[[bands]]\nname_vi = \"A\"\nname_en = \"A\"\nmin = 1\n\n[[bands]]\nname_vi = \"C\"\nname_en = \"C\"\nmin = 0\nmax = 1.5\n";
    assert!(matches!(
        err("", "", explicit),
        RulebookError::BandsOverlap { .. }
    ));
    // "> 1" for the top band and "< 1" below it leave 1 in no band (the production bug
    // of "> 15" for Xuất sắc).
    let bug = "[[bands]]\nname_vi = \"A\"\nname_en = \"A\"\nmin = 1\nmin_inclusive = false\n\n[[bands]]\nname_vi = \"C\"\nname_en = \"C\"\nmin = 0\nmax = 1\n";
    let e = err("", "", bug);
    assert!(
        matches!(&e, RulebookError::BandsGap { gap, .. } if gap == "1"),
        "{e}"
    );
    assert_eq!(e.line(), Some(line_of("", "", bug, "name_vi = \"A\"") - 1));
    let bottom = "[[bands]]\nname_vi = \"A\"\nname_en = \"A\"\nmin = 0.5\n";
    assert!(
        matches!(err("", "", bottom), RulebookError::BandsGap { gap, .. } if gap.contains("from 0 to 0.5"))
    );
    let low_top =
        "[[bands]]\nname_vi = \"A\"\nname_en = \"A\"\nmin = 0\nmax = 1.5\nmax_inclusive = true\n";
    assert!(
        matches!(err("", "", low_top), RulebookError::BandsGap { gap, .. } if gap == "from 1.5 to 2")
    );
    // The exclusive lower bound alone is fine: 1 then belongs to the band below.
    assert!(mini("", "", &bug.replace("max = 1\n", "")).is_ok());
}

#[test]
fn other_errors_name_the_fault() {
    let e = err("max = 3", "", BANDS);
    assert!(
        matches!(&e, RulebookError::Invalid { line: 5, message, .. } if message.contains("add up to 2")),
        "{e}"
    );
    let e = err("extends = \"nope\"", "", BANDS);
    assert!(
        matches!(&e, RulebookError::UnknownBase { name, line: 5, .. } if name == "nope"),
        "{e}"
    );
    let e = mini("", "", BANDS.replace("name_en = \"Fail\"\n", "").as_str()).unwrap_err();
    assert!(
        matches!(&e, RulebookError::Missing { key: "name_en", .. }),
        "{e}"
    );
    let per_dossier = "[[indicators]]\nid = \"2\"\nname_vi = \"b\"\nname_en = \"b\"\nmax = 2\nmeasure = \"online_rate\"\nrule = \"thresholds\"\nsteps = [{ when = \"supplements <= 1\", points = 2 }]";
    assert!(matches!(
        err("", per_dossier, BANDS),
        RulebookError::BadRule { .. }
    ));
    let bad_when = per_dossier.replace("supplements <= 1", "online_rate about 1");
    assert!(
        err("", &bad_when, BANDS)
            .to_string()
            .contains("not a condition")
    );
    let lookup = "[[indicators]]\nid = \"2\"\nname_vi = \"b\"\nname_en = \"b\"\nmax = 2\nmeasure = \"conduct\"\nrule = \"lookup\"\ntable = { early = 2, on_time = 1, late = 0 }";
    assert!(
        err("", lookup, BANDS)
            .to_string()
            .contains("no points for 'complaint'")
    );
    let word = lookup.replace("late = 0", "late = 0, lately = 0");
    assert!(
        err("", &word, BANDS)
            .to_string()
            .contains("'lately' is not a value of conduct")
    );
    let officials = "[officials]\nindicators = [\"9\"]\nbands = []";
    assert!(
        err("", "", &format!("{BANDS}\n{officials}"))
            .to_string()
            .contains("unknown indicator '9'")
    );
    let status = MINI.replace("status = \"inferred\"", "status = \"sure\"");
    assert!(
        Rulebook::from_toml(
            &status
                .replace("{TOP}", "")
                .replace("{IND}", "")
                .replace("{BANDS}", BANDS)
        )
        .is_err()
    );
}

#[test]
fn extends_layers_and_cycles() {
    let child = "extends = \"circular-01-2018\"\nid = \"strict\"\nremove_indicators = [\"9\"]\nmax = 16\n\n[[indicators]]\nid = \"6\"\nname_vi = \"Công khai\"\nname_en = \"Publication\"\nmax = 2\nmeasure = \"publication\"\nrule = \"lookup\"\ntable = { \"2\" = 2 }\notherwise = 0\n";
    let b = Rulebook::from_toml(child).unwrap();
    assert_eq!(
        (
            b.id.as_str(),
            b.max,
            b.indicators.len(),
            b.extends.as_deref()
        ),
        ("strict", Points::whole(16), 8, Some("circular-01-2018"))
    );
    assert_eq!(b.status, RulebookStatus::Official, "inherited");
    let resolve = |name: &str| match name {
        "a.toml" => Some("extends = \"b.toml\"\nid = \"a\"".to_owned()),
        "b.toml" => Some("extends = \"a.toml\"\nid = \"b\"".to_owned()),
        _ => None,
    };
    let e = Rulebook::parse("extends = \"a.toml\"", "top.toml", &resolve).unwrap_err();
    assert!(
        matches!(&e, RulebookError::ExtendsCycle(chain) if chain == "top.toml → a.toml → b.toml → a.toml"),
        "{e}"
    );
    // An error inside a base names the base and its line.
    let base = |_: &str| Some("id = \"base\"\nbogus = 1\n".to_owned());
    let e = Rulebook::parse("extends = \"base.toml\"", "child.toml", &base).unwrap_err();
    assert!(
        matches!(&e, RulebookError::Toml { origin, line: 2, .. } if origin == "base.toml"),
        "{e}"
    );
}

#[test]
fn an_edited_copy_of_a_builtin_changes_the_result() {
    let mut b = Builder::default();
    b.add("A", None, EARLY, 2).add(
        "A",
        None,
        D {
            supplements: 1,
            ..EARLY
        },
        2,
    );
    let book = Rulebook::builtin("circular-01-2018").unwrap();
    let period = "2021-Q3".parse().unwrap();
    let before = score_dataset(&b.ds, &Units::new(), &book, period);
    // 2 + 2 + 1,5 + 2 + 2 = 9,5 per dossier; 1 + 2 + 2 + 0 per agency: 14,5.
    assert_eq!(
        before.agency("A").unwrap().total.unwrap().to_string(),
        "14.5"
    );
    assert_eq!(before.agency("A").unwrap().band.as_deref(), Some("Tốt"));
    // The user raises indicator 3's tolerance to one supplement and lowers Xuất sắc to 14,5.
    let edited = CIRCULAR
        .replace("id = \"circular-01-2018\"", "id = \"my-province\"")
        .replace("{ when = \"supplements <= 0\", points = 2 },\n    { when = \"supplements <= 1\", points = 1 },", "{ when = \"supplements <= 1\", points = 2 },")
        .replace("name_en = \"Excellent\"\nmin = 15", "name_en = \"Excellent\"\nmin = 14.5");
    let mine = Rulebook::from_toml(&edited).unwrap();
    assert_eq!(mine.id, "my-province");
    let after = score_dataset(&b.ds, &Units::new(), &mine, period);
    assert_eq!(points(&after, "A", "3").unwrap(), "2");
    assert_eq!(after.agency("A").unwrap().total.unwrap().to_string(), "15");
    assert_eq!(after.agency("A").unwrap().band.as_deref(), Some("Xuất sắc"));
    // Only the band edit: 14,5 is now Xuất sắc.
    let band_only = CIRCULAR.replace(
        "name_en = \"Excellent\"\nmin = 15",
        "name_en = \"Excellent\"\nmin = 14.5",
    );
    let r = score_dataset(
        &b.ds,
        &Units::new(),
        &Rulebook::from_toml(&band_only).unwrap(),
        period,
    );
    assert_eq!(r.agency("A").unwrap().band.as_deref(), Some("Xuất sắc"));
}

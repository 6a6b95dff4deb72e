//! Checks of one indicator and of a list of bands, with the line of each fault.

use std::ops::Range;

use toml::Spanned as Sp;

use super::error::RulebookError;
use super::load::Src;
use super::measure::{Kind, Measure, Scope};
use super::order::check_order;
use super::points::{Points, Ratio};
use super::raw::{RawBand, RawIndicator};
use super::rule::{Condition, IfAbsent, Rule, Step, operand};
use super::rulebook::{Band, Indicator, RulebookStatus};

/// Keys that belong to one kind of rule only.
const RULE_KEYS: [(&str, &str); 4] = [
    ("steps", "thresholds"),
    ("table", "lookup"),
    ("full_at", "proportional"),
    ("if_absent", "proportional"),
];

pub(crate) fn indicator(
    raw: &RawIndicator,
    span: &Range<usize>,
    src: &Src,
) -> Result<Indicator, RulebookError> {
    let id = raw
        .id
        .as_ref()
        .map_or_else(String::new, |i| i.get_ref().trim().to_owned());
    let what = format!("indicator {id}");
    let name_vi = raw
        .name_vi
        .clone()
        .ok_or_else(|| src.missing(span, &what, "name_vi"))?;
    let name_en = raw
        .name_en
        .clone()
        .ok_or_else(|| src.missing(span, &what, "name_en"))?;
    let max = src.points(
        raw.max
            .as_ref()
            .ok_or_else(|| src.missing(span, &what, "max"))?,
        "max",
    )?;
    let m = raw
        .measure
        .as_ref()
        .ok_or_else(|| src.missing(span, &what, "measure"))?;
    let measure = Measure::from_name(m.get_ref()).ok_or_else(|| RulebookError::UnknownMeasure {
        origin: src.origin.clone(),
        line: src.line(&m.span()),
        indicator: id.clone(),
        measure: m.get_ref().clone(),
        known: Measure::known_names(None),
    })?;
    let bad = |sp: &Range<usize>, message: String| RulebookError::BadRule {
        origin: src.origin.clone(),
        line: src.line(sp),
        indicator: id.clone(),
        message,
    };
    let above = |sp: &Range<usize>, p: Points| -> Result<Points, RulebookError> {
        if p > max {
            return Err(RulebookError::PointsAboveMax {
                origin: src.origin.clone(),
                line: src.line(sp),
                indicator: id.clone(),
                points: p.to_string(),
                max: max.to_string(),
            });
        }
        Ok(p)
    };
    let rule_sp = raw
        .rule
        .as_ref()
        .ok_or_else(|| src.missing(span, &what, "rule"))?;
    let kind = rule_sp.get_ref().trim();
    if !["thresholds", "lookup", "proportional"].contains(&kind) {
        return Err(bad(
            &rule_sp.span(),
            format!("unknown rule '{kind}' (expected thresholds, lookup or proportional)"),
        ));
    }
    let present = [
        raw.steps.is_some(),
        raw.table.is_some(),
        raw.full_at.is_some(),
        raw.if_absent.is_some(),
    ];
    for ((key, owner), given) in RULE_KEYS.iter().zip(present) {
        if given && *owner != kind {
            return Err(bad(
                span,
                format!("`{key}` belongs to {owner} rules, but the rule is '{kind}'"),
            ));
        }
    }
    let otherwise = raw
        .otherwise
        .as_ref()
        .map(|o| src.points(o, "otherwise").and_then(|p| above(&o.span(), p)))
        .transpose()?;
    let rule = match kind {
        "thresholds" => {
            let raw_steps = raw
                .steps
                .as_ref()
                .filter(|s| !s.is_empty())
                .ok_or_else(|| src.missing(span, &what, "steps"))?;
            let mut steps = Vec::new();
            for s in raw_steps {
                let w = &s.get_ref().when;
                let when = w
                    .get_ref()
                    .split(" and ")
                    .map(|c| Condition::parse(c).map_err(|e| bad(&w.span(), e)))
                    .collect::<Result<Vec<_>, _>>()?;
                for c in &when {
                    if measure.scope() == Scope::Dossier && c.measure != measure {
                        return Err(bad(
                            &w.span(),
                            format!(
                                "a per-dossier indicator can test only its own measure ({measure}), not {}",
                                c.measure
                            ),
                        ));
                    }
                    if measure.scope() == Scope::Agency && c.measure.scope() == Scope::Dossier {
                        return Err(bad(
                            &w.span(),
                            format!(
                                "{} is a per-dossier measure; a per-agency indicator tests per-agency measures ({})",
                                c.measure,
                                Measure::known_names(Some(Scope::Agency))
                            ),
                        ));
                    }
                }
                let p = &s.get_ref().points;
                let points = above(&p.span(), src.points(p, "points")?)?;
                steps.push(Step { when, points });
            }
            if let Err((step, earlier)) = check_order(&steps) {
                return Err(RulebookError::ThresholdsOutOfOrder {
                    origin: src.origin.clone(),
                    line: src.line(&raw_steps[step - 1].span()),
                    indicator: id.clone(),
                    step,
                    earlier,
                });
            }
            Rule::Thresholds {
                steps,
                otherwise: otherwise.unwrap_or(Points::ZERO),
            }
        }
        "lookup" => {
            let t = raw
                .table
                .as_ref()
                .ok_or_else(|| src.missing(span, &what, "table"))?;
            if measure.kind() == Kind::Ratio {
                return Err(bad(
                    &t.span(),
                    format!(
                        "{measure} is a share; a lookup needs words or whole numbers (use thresholds or proportional)"
                    ),
                ));
            }
            let mut table = Vec::new();
            for (k, v) in t.get_ref() {
                let key = operand(measure, k.trim())
                    .map_err(|e| bad(&t.span(), format!("table key {e}")))?;
                let pts = src.points(&Sp::new(t.span(), v.clone()), "table")?;
                table.push((key, above(&t.span(), pts)?));
            }
            match measure.kind() {
                Kind::Category(words) if otherwise.is_none() => {
                    if let Some(w) = words.iter().find(|w| !t.get_ref().contains_key(**w)) {
                        return Err(bad(
                            &t.span(),
                            format!(
                                "the lookup gives no points for '{w}'; add it or an `otherwise`"
                            ),
                        ));
                    }
                }
                Kind::Count if otherwise.is_none() => {
                    return Err(bad(
                        &t.span(),
                        format!(
                            "a lookup on {measure} needs `otherwise` for the counts it does not list"
                        ),
                    ));
                }
                _ => {}
            }
            Rule::Lookup { table, otherwise }
        }
        "proportional" => {
            if matches!(measure.kind(), Kind::Category(_)) || measure.scope() == Scope::Dossier {
                return Err(bad(
                    &m.span(),
                    format!(
                        "a proportional rule needs a per-agency number, and {measure} is not one"
                    ),
                ));
            }
            if otherwise.is_some() {
                return Err(bad(
                    span,
                    "`otherwise` belongs to thresholds and lookup rules".into(),
                ));
            }
            let full_at = raw
                .full_at
                .as_ref()
                .map(|f| src.ratio(f, "full_at"))
                .transpose()?
                .unwrap_or(Ratio::int(1));
            if full_at.num == 0 {
                return Err(bad(span, "`full_at` must be above 0".into()));
            }
            let if_absent = match raw.if_absent.as_ref() {
                None => IfAbsent::NotMeasured,
                Some(a) => match a.get_ref().trim() {
                    "not_measured" => IfAbsent::NotMeasured,
                    "full" => IfAbsent::Full,
                    "zero" => IfAbsent::Zero,
                    other => {
                        return Err(bad(
                            &a.span(),
                            format!(
                                "`if_absent` is '{other}': expected not_measured, full or zero"
                            ),
                        ));
                    }
                },
            };
            Rule::Proportional { full_at, if_absent }
        }
        _ => unreachable!("checked above"),
    };
    let status = raw
        .status
        .as_ref()
        .map(|s| {
            RulebookStatus::parse(s.get_ref().trim()).ok_or_else(|| {
                bad(
                    &s.span(),
                    format!(
                        "`status` is '{}': expected official, inferred or approximate",
                        s.get_ref()
                    ),
                )
            })
        })
        .transpose()?;
    let mut not_applicable_at = Vec::new();
    if let Some(levels) = &raw.not_applicable_at {
        let Kind::Category(known) = Measure::Level.kind() else {
            unreachable!("level is a category")
        };
        for l in levels.get_ref() {
            let l = l.trim();
            if !known.contains(&l) {
                return Err(bad(
                    &levels.span(),
                    format!(
                        "`not_applicable_at` names '{l}', which is not a level (expected one of: {})",
                        known.join(", ")
                    ),
                ));
            }
            not_applicable_at.push(l.to_owned());
        }
    }
    Ok(Indicator {
        id,
        name_vi,
        name_en,
        group: raw.group.as_ref().map(|g| g.get_ref().trim().to_owned()),
        max,
        measure,
        rule,
        status,
        note: raw.note.clone(),
        not_applicable_at,
    })
}

/// Checks a list of bands: every score from 0 to `max` falls in exactly one. Bands may be
/// given in any order; each extends up to the next one's lower bound unless it has a `max`.
/// Returns them from the lowest.
pub(crate) fn bands(
    list: &[Sp<RawBand>],
    src: &Src,
    scope: &'static str,
    max: Points,
) -> Result<Vec<Band>, RulebookError> {
    let what = format!("{scope} band");
    let mut out: Vec<(Band, Range<usize>, bool)> = Vec::new();
    for b in list {
        let r = b.get_ref();
        let name_vi = r
            .name_vi
            .clone()
            .ok_or_else(|| src.missing(&b.span(), &what, "name_vi"))?;
        let name_en = r
            .name_en
            .clone()
            .ok_or_else(|| src.missing(&b.span(), &what, "name_en"))?;
        let min = r
            .min
            .as_ref()
            .map(|m| src.points(m, "min"))
            .transpose()?
            .unwrap_or(Points::ZERO);
        let upper = r.max.as_ref().map(|m| src.points(m, "max")).transpose()?;
        let band = Band {
            name_vi,
            name_en,
            min,
            min_inclusive: r.min_inclusive.unwrap_or(true),
            max: upper,
            max_inclusive: r.max_inclusive.unwrap_or(false),
        };
        out.push((band, b.span(), upper.is_some()));
    }
    if out.is_empty() {
        return Err(src.invalid(&(0..0), format!("there are no {scope} bands")));
    }
    out.sort_by_key(|(b, _, _)| (b.min, !b.min_inclusive));
    for i in 0..out.len() {
        if !out[i].2 {
            out[i].0.max = out.get(i + 1).map(|(n, _, _)| n.min);
            out[i].0.max_inclusive = out.get(i + 1).is_some_and(|(n, _, _)| !n.min_inclusive);
        }
    }
    let fmt = |p: Points| p.to_string();
    let first = &out[0];
    if first.0.min > Points::ZERO || !first.0.min_inclusive {
        let gap = if first.0.min == Points::ZERO {
            "0".to_owned()
        } else {
            format!("from 0 to {} (excluded)", fmt(first.0.min))
        };
        return Err(RulebookError::BandsGap {
            origin: src.origin.clone(),
            line: src.line(&first.1),
            scope,
            gap,
        });
    }
    for w in out.windows(2) {
        let ((a, _, _), (b, sp, _)) = (&w[0], &w[1]);
        let hi = a.max.expect("only the top band is unbounded");
        let overlap = |at: String| RulebookError::BandsOverlap {
            origin: src.origin.clone(),
            line: src.line(sp),
            scope,
            first: a.name_vi.clone(),
            second: b.name_vi.clone(),
            at,
        };
        if a.min == b.min && a.min_inclusive == b.min_inclusive {
            return Err(overlap(fmt(b.min)));
        }
        if hi > b.min || (hi == b.min && a.max_inclusive && b.min_inclusive) {
            return Err(overlap(fmt(b.min)));
        }
        if hi < b.min || (!a.max_inclusive && !b.min_inclusive) {
            let gap = if hi == b.min {
                fmt(hi)
            } else {
                format!("from {} to {}", fmt(hi), fmt(b.min))
            };
            return Err(RulebookError::BandsGap {
                origin: src.origin.clone(),
                line: src.line(sp),
                scope,
                gap,
            });
        }
    }
    let (last, sp, _) = out.last().expect("not empty");
    if let Some(hi) = last.max {
        if hi < max || (hi == max && !last.max_inclusive) {
            return Err(RulebookError::BandsGap {
                origin: src.origin.clone(),
                line: src.line(sp),
                scope,
                gap: format!("from {} to {}", fmt(hi), fmt(max)),
            });
        }
    }
    if last.min > max {
        return Err(src.invalid(
            sp,
            format!(
                "{scope} band '{}' starts at {}, above the maximum of {}",
                last.name_vi,
                fmt(last.min),
                fmt(max)
            ),
        ));
    }
    Ok(out.into_iter().map(|(b, _, _)| b).collect())
}

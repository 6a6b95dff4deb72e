//! Reading a rulebook from TOML: the file's keys, `extends`, and the checks of the whole
//! book. Indicators and bands are checked in `validate`.
//!
//! A rulebook that `extends` another starts from it: its scalar keys (`id`, names, `status`,
//! `max`, `decimals`, `rounding`, `band_on`) and its tables `legal_basis`, `notes`, `groups`,
//! `bands` and `officials` replace the base's when given; `remove_indicators` drops
//! indicators of the base; an indicator with the id of one of the base replaces it, others
//! are appended.

use std::collections::HashSet;
use std::ops::Range;

use chrono::NaiveDate;
use toml::Spanned as Sp;
use toml::Value;

use super::error::RulebookError;
use super::points::{Points, Ratio, Rounding};
use super::raw::{RawBook, RawIndicator};
use super::rulebook::{
    BandOn, Group, LegalBasis, Officials, Rulebook, RulebookStatus, builtin_names, builtin_toml,
};
use super::validate::{bands as check_bands, indicator};
use super::validity::{LegalStatus, Validity};

/// One rulebook text: its name in errors and the text (for line numbers).
pub(crate) struct Src {
    pub origin: String,
    text: String,
}

impl Src {
    pub fn line(&self, span: &Range<usize>) -> usize {
        let end = span.start.min(self.text.len());
        self.text.as_bytes()[..end].split(|b| *b == b'\n').count()
    }

    pub fn invalid(&self, span: &Range<usize>, message: impl Into<String>) -> RulebookError {
        RulebookError::Invalid {
            origin: self.origin.clone(),
            line: self.line(span),
            message: message.into(),
        }
    }

    pub fn missing(
        &self,
        span: &Range<usize>,
        what: impl Into<String>,
        key: &'static str,
    ) -> RulebookError {
        RulebookError::Missing {
            origin: self.origin.clone(),
            line: self.line(span),
            what: what.into(),
            key,
        }
    }

    /// A non-negative number of points (integer, decimal or text such as "3,5").
    pub fn points(&self, v: &Sp<Value>, key: &str) -> Result<Points, RulebookError> {
        let text = number_text(v.get_ref());
        text.as_deref()
            .ok_or_else(|| "a number".to_owned())
            .and_then(Points::parse)
            .map_err(|m| {
                self.invalid(
                    &v.span(),
                    format!("`{key}` must be a number of points ≥ 0 with at most 3 decimals ({m})"),
                )
            })
    }

    /// A non-negative number, exactly.
    pub fn ratio(&self, v: &Sp<Value>, key: &str) -> Result<Ratio, RulebookError> {
        let text = number_text(v.get_ref());
        text.as_deref()
            .ok_or_else(|| "a number".to_owned())
            .and_then(Ratio::parse)
            .map_err(|m| self.invalid(&v.span(), format!("`{key}` must be a number ≥ 0 ({m})")))
    }

    pub(crate) fn date(
        &self,
        v: Option<&Sp<toml::value::Datetime>>,
        key: &str,
    ) -> Result<Option<NaiveDate>, RulebookError> {
        let Some(v) = v else { return Ok(None) };
        let d = v.get_ref();
        d.date
            .filter(|_| d.time.is_none())
            .and_then(|d| {
                NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))
            })
            .map(Some)
            .ok_or_else(|| {
                self.invalid(
                    &v.span(),
                    format!("`{key}` must be a date such as 2019-01-06"),
                )
            })
    }
}

/// The decimal text of a TOML number (an `f64` prints its shortest exact form).
fn number_text(v: &Value) -> Option<String> {
    match v {
        Value::Integer(i) => Some(i.to_string()),
        Value::Float(f) if f.is_finite() => Some(f.to_string()),
        Value::String(s) => Some(s.clone()),
        _ => None,
    }
}

fn parse(text: &str, label: &str) -> Result<RawBook, RulebookError> {
    toml::from_str(text).map_err(|e| {
        let at = e.span().map_or(0, |s| s.start).min(text.len());
        let before = &text[..at];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        RulebookError::Toml {
            origin: label.to_owned(),
            line,
            column,
            message: e.message().trim().to_owned(),
        }
    })
}

pub(crate) fn load(
    text: &str,
    label: &str,
    resolve: &dyn Fn(&str) -> Option<String>,
) -> Result<Rulebook, RulebookError> {
    let mut layers: Vec<(Src, RawBook)> = Vec::new();
    let mut chain = vec![label.to_owned()];
    let (mut text, mut label) = (text.to_owned(), label.to_owned());
    loop {
        let raw = parse(&text, &label)?;
        let src = Src {
            origin: label,
            text,
        };
        let Some(ext) = raw
            .extends
            .as_ref()
            .map(|e| (e.get_ref().trim().to_owned(), e.span()))
        else {
            layers.push((src, raw));
            break;
        };
        let (name, span) = ext;
        if chain.contains(&name) || chain.len() > 16 {
            chain.push(name);
            return Err(RulebookError::ExtendsCycle(chain.join(" → ")));
        }
        let next = builtin_toml(&name)
            .map(str::to_owned)
            .or_else(|| resolve(&name))
            .ok_or_else(|| RulebookError::UnknownBase {
                origin: src.origin.clone(),
                line: src.line(&span),
                name: name.clone(),
                known: builtin_names().join(", "),
            })?;
        layers.push((src, raw));
        chain.push(name.clone());
        (text, label) = (next, name);
    }
    layers.reverse();
    build(&layers)
}

/// The value of a key from the topmost layer that sets it.
fn top<'a, T: 'a>(
    layers: &'a [(Src, RawBook)],
    f: impl Fn(&'a RawBook) -> Option<&'a T>,
) -> Option<(&'a T, &'a Src)> {
    layers.iter().rev().find_map(|(s, r)| f(r).map(|v| (v, s)))
}

fn enum_key<T>(
    layers: &[(Src, RawBook)],
    f: impl Fn(&RawBook) -> Option<&Sp<String>>,
    key: &str,
    expected: &str,
    parse: impl Fn(&str) -> Option<T>,
) -> Result<Option<T>, RulebookError> {
    match top(layers, f) {
        None => Ok(None),
        Some((v, src)) => parse(v.get_ref().trim()).map(Some).ok_or_else(|| {
            src.invalid(
                &v.span(),
                format!("`{key}` is '{}': expected {expected}", v.get_ref()),
            )
        }),
    }
}

fn build(layers: &[(Src, RawBook)]) -> Result<Rulebook, RulebookError> {
    let (child_src, child) = layers.last().expect("at least one layer");
    let head = 0..0;
    let id = top(layers, |r| r.id.as_ref())
        .ok_or_else(|| child_src.missing(&head, "the rulebook", "id"))?;
    let name_vi = top(layers, |r| r.name_vi.as_ref())
        .ok_or_else(|| child_src.missing(&head, "the rulebook", "name_vi"))?;
    let name_en = top(layers, |r| r.name_en.as_ref())
        .ok_or_else(|| child_src.missing(&head, "the rulebook", "name_en"))?;
    let status = enum_key(
        layers,
        |r| r.status.as_ref(),
        "status",
        "official, inferred or approximate",
        RulebookStatus::parse,
    )?
    .ok_or_else(|| child_src.missing(&head, "the rulebook", "status"))?;
    let rounding = enum_key(
        layers,
        |r| r.rounding.as_ref(),
        "rounding",
        "half_away_from_zero or truncate",
        |s| match s {
            "half_away_from_zero" => Some(Rounding::HalfAwayFromZero),
            "truncate" => Some(Rounding::Truncate),
            _ => None,
        },
    )?
    .unwrap_or_default();
    let band_on = enum_key(
        layers,
        |r| r.band_on.as_ref(),
        "band_on",
        "total or scaled",
        |s| match s {
            "total" => Some(BandOn::Total),
            "scaled" => Some(BandOn::Scaled),
            _ => None,
        },
    )?
    .unwrap_or_default();
    let decimals = match top(layers, |r| r.decimals.as_ref()) {
        None => 1,
        Some((d, src)) => u32::try_from(*d.get_ref())
            .ok()
            .filter(|d| *d <= Points::MAX_DECIMALS)
            .ok_or_else(|| {
                src.invalid(
                    &d.span(),
                    format!("`decimals` is {}: expected 0, 1, 2 or 3", d.get_ref()),
                )
            })?,
    };
    let legal_basis = match top(layers, |r| r.legal_basis.as_ref()) {
        None => LegalBasis::default(),
        Some((l, src)) => {
            let r = l.get_ref();
            LegalBasis {
                document: r.document.clone(),
                title: r.title.clone(),
                articles: r.articles.clone(),
                issued: src.date(r.issued.as_ref(), "issued")?,
                in_force_from: src.date(r.in_force_from.as_ref(), "in_force_from")?,
                replaced_by: r.replaced_by.clone(),
                replaced_on: src.date(r.replaced_on.as_ref(), "replaced_on")?,
                text_available: r.text_available.unwrap_or(true),
                source: r.source.clone(),
            }
        }
    };
    let validity = match top(layers, |r| r.validity.as_ref()) {
        None => Validity {
            valid_from: legal_basis.in_force_from,
            valid_to: legal_basis.replaced_on.and_then(|d| d.pred_opt()),
            ..Validity::default()
        },
        Some((v, src)) => {
            let r = v.get_ref();
            let status = LegalStatus::parse(r.status.get_ref().trim()).ok_or_else(|| {
                src.invalid(
                    &r.status.span(),
                    format!(
                        "`validity.status` is '{}': expected in_force, ended, inferred, approximate or superseded",
                        r.status.get_ref()
                    ),
                )
            })?;
            let valid_from = src.date(r.valid_from.as_ref(), "valid_from")?;
            let valid_to = src.date(r.valid_to.as_ref(), "valid_to")?;
            if let (Some(a), Some(b)) = (valid_from, valid_to) {
                if b < a {
                    return Err(src.invalid(
                        &v.span(),
                        format!("`valid_to` ({b}) is before `valid_from` ({a})"),
                    ));
                }
            }
            if status == LegalStatus::Ended && valid_to.is_none() {
                return Err(src.invalid(
                    &r.status.span(),
                    "an ended rulebook needs `valid_to`, its last day",
                ));
            }
            Validity {
                valid_from,
                valid_to,
                status,
                basis: r.basis.clone(),
                note: r.note.clone(),
                note_vi: r.note_vi.clone(),
                province: r.province.clone(),
                superseded_by: r.superseded_by.clone(),
            }
        }
    };

    // Indicators: the base's, then each layer's removals, replacements and additions.
    let mut raw_inds: Vec<(&Sp<RawIndicator>, &Src)> = Vec::new();
    for (src, raw) in layers {
        for r in raw.remove_indicators.iter().flatten() {
            let pos = raw_inds.iter().position(|(i, _)| {
                i.get_ref()
                    .id
                    .as_ref()
                    .is_some_and(|x| x.get_ref() == r.get_ref())
            });
            let pos = pos.ok_or_else(|| {
                src.invalid(
                    &r.span(),
                    format!(
                        "`remove_indicators` names '{}', which the base rulebook does not have",
                        r.get_ref()
                    ),
                )
            })?;
            raw_inds.remove(pos);
        }
        let mut seen = HashSet::new();
        for ind in raw.indicators.iter().flatten() {
            let id = ind
                .get_ref()
                .id
                .as_ref()
                .ok_or_else(|| src.missing(&ind.span(), "an indicator", "id"))?;
            if !seen.insert(id.get_ref().clone()) {
                return Err(src.invalid(
                    &id.span(),
                    format!("indicator id '{}' is used twice", id.get_ref()),
                ));
            }
            match raw_inds.iter().position(|(i, _)| {
                i.get_ref()
                    .id
                    .as_ref()
                    .is_some_and(|x| x.get_ref() == id.get_ref())
            }) {
                Some(pos) => raw_inds[pos] = (ind, src),
                None => raw_inds.push((ind, src)),
            }
        }
    }
    if raw_inds.is_empty() {
        return Err(child_src.missing(&head, "the rulebook", "indicators"));
    }
    let indicators = raw_inds
        .iter()
        .map(|(ind, src)| indicator(ind.get_ref(), &ind.span(), src))
        .collect::<Result<Vec<_>, _>>()?;

    let groups = match top(layers, |r| r.groups.as_ref()) {
        None => Vec::new(),
        Some((gs, src)) => {
            let mut out: Vec<Group> = Vec::new();
            for g in gs {
                let r = g.get_ref();
                if out.iter().any(|o| o.id == r.id) {
                    return Err(
                        src.invalid(&g.span(), format!("group id '{}' is used twice", r.id))
                    );
                }
                let max = src.points(&r.max, "max")?;
                let sum: Points = indicators
                    .iter()
                    .filter(|i| i.group.as_deref() == Some(&r.id))
                    .map(|i| i.max)
                    .sum();
                if sum != max {
                    return Err(src.invalid(
                        &g.span(),
                        format!(
                            "group {}: its indicators' maxima add up to {sum}, not its max {max}",
                            r.id
                        ),
                    ));
                }
                out.push(Group {
                    id: r.id.clone(),
                    name_vi: r.name_vi.clone(),
                    name_en: r.name_en.clone(),
                    max,
                });
            }
            out
        }
    };
    for ((ind, src), i) in raw_inds.iter().zip(&indicators) {
        if let Some(g) = &i.group {
            if !groups.iter().any(|x| &x.id == g) {
                let sp = ind
                    .get_ref()
                    .group
                    .as_ref()
                    .map_or_else(|| ind.span(), Sp::span);
                return Err(src.invalid(&sp, format!("indicator {}: unknown group '{g}'", i.id)));
            }
        }
    }
    let max: Points = indicators.iter().map(|i| i.max).sum();
    if let Some((m, src)) = top(layers, |r| r.max.as_ref()) {
        let given = src.points(m, "max")?;
        if given != max {
            return Err(src.invalid(
                &m.span(),
                format!("`max` is {given} but the indicators' maxima add up to {max}"),
            ));
        }
    }
    // `bands = []` (or no `bands`) publishes scores without bands, as the 766 index does.
    let bands = match top(layers, |r| r.bands.as_ref()) {
        Some((list, bsrc)) if !list.is_empty() => check_bands(list, bsrc, "agency", max)?,
        _ => Vec::new(),
    };
    let officials = match top(layers, |r| r.officials.as_ref()) {
        None => None,
        Some((o, src)) => {
            let mut omax = Points::ZERO;
            for id in &o.get_ref().indicators {
                let ind = indicators
                    .iter()
                    .find(|i| &i.id == id.get_ref())
                    .ok_or_else(|| {
                        src.invalid(
                            &id.span(),
                            format!("officials: unknown indicator '{}'", id.get_ref()),
                        )
                    })?;
                if ind.scope() != super::measure::Scope::Dossier {
                    return Err(src.invalid(&id.span(), format!("officials: indicator {} is per agency; officials are graded on per-dossier indicators only", ind.id)));
                }
                omax += ind.max;
            }
            let bands = check_bands(&o.get_ref().bands, src, "official", omax)?;
            let indicators = o
                .get_ref()
                .indicators
                .iter()
                .map(|i| i.get_ref().clone())
                .collect();
            Some(Officials {
                indicators,
                bands,
                max: omax,
            })
        }
    };
    Ok(Rulebook {
        id: id.0.get_ref().trim().to_owned(),
        name_vi: name_vi.0.clone(),
        name_en: name_en.0.clone(),
        status,
        extends: child
            .extends
            .as_ref()
            .map(|e| e.get_ref().trim().to_owned()),
        max,
        decimals,
        rounding,
        band_on,
        legal_basis,
        validity,
        notes: top(layers, |r| r.notes.as_ref())
            .map(|(n, _)| n.clone())
            .unwrap_or_default(),
        groups,
        indicators,
        bands,
        officials,
    })
}

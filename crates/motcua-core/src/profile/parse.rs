//! Profile files (TOML) with `extends`.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::{
    Derived, Encoding, Profile, ProfileError, Separator, TimeLimitUnit, TimestampForm, nfc,
};
use crate::record::Column;

/// One name or a list of aliases.
#[derive(Deserialize)]
#[serde(untagged)]
enum Names {
    One(String),
    Many(Vec<String>),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDerived {
    from: String,
    #[serde(default)]
    map: BTreeMap<String, String>,
    otherwise: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    name: Option<String>,
    extends: Option<String>,
    separator: Option<String>,
    encoding: Option<String>,
    header_row: Option<u32>,
    null_tokens: Option<Vec<String>>,
    time_limit_unit: Option<String>,
    hours_per_day: Option<u32>,
    record_path: Option<String>,
    case_insensitive: Option<bool>,
    timestamp_forms: Option<Vec<String>>,
    #[serde(default)]
    columns: BTreeMap<String, Names>,
    #[serde(default)]
    values: BTreeMap<String, BTreeMap<String, String>>,
    #[serde(default)]
    defaults: BTreeMap<String, String>,
    #[serde(default)]
    derived: BTreeMap<String, RawDerived>,
}

pub(super) fn from_toml(
    text: &str,
    fallback: &str,
    chain: &mut Vec<String>,
) -> Result<Profile, ProfileError> {
    let invalid = |message: String| ProfileError::Invalid {
        name: fallback.to_owned(),
        message,
    };
    let raw: Raw = toml::from_str(text).map_err(|e| invalid(e.to_string().trim().to_owned()))?;
    let mut p = match raw.extends.as_deref() {
        None | Some("contract") if fallback == "contract" => Profile::contract(),
        None => Profile::contract(),
        Some(parent) => {
            if chain.iter().any(|c| c == parent) || parent == fallback {
                return Err(ProfileError::Cycle(fallback.to_owned()));
            }
            chain.push(fallback.to_owned());
            let text = Profile::builtin_toml(parent).ok_or_else(|| {
                invalid(format!(
                    "extends '{parent}', which is not a built-in profile"
                ))
            })?;
            from_toml(text, parent, chain)?
        }
    };
    p.name = raw.name.unwrap_or_else(|| fallback.to_owned());
    if let Some(s) = raw.separator {
        p.separator = match s.as_str() {
            "," => Separator::Comma,
            ";" => Separator::Semicolon,
            "\t" => Separator::Tab,
            "auto" => Separator::Auto,
            _ => {
                return Err(invalid(format!(
                    "separator '{s}' is not one of \",\", \";\", \"\\t\", \"auto\""
                )));
            }
        };
    }
    if let Some(e) = raw.encoding {
        p.encoding = match e.to_ascii_lowercase().as_str() {
            "utf-8" | "utf8" => Encoding::Utf8,
            "windows-1258" | "cp1258" => Encoding::Windows1258,
            "utf-16" | "utf-16le" | "utf16" => Encoding::Utf16,
            _ => {
                return Err(invalid(format!(
                    "encoding '{e}' is not one of utf-8, windows-1258, utf-16"
                )));
            }
        };
    }
    if let Some(h) = raw.header_row {
        if h == 0 {
            return Err(invalid("header_row is 1-based: 1 is the first row".into()));
        }
        p.header_row = Some(h);
    }
    if let Some(t) = raw.null_tokens {
        p.null_tokens = t.into_iter().map(|t| t.trim().to_owned()).collect();
    }
    let per_day = match (raw.hours_per_day, p.time_limit_unit) {
        (Some(0), _) => return Err(invalid("hours_per_day must be at least 1".into())),
        (Some(n), _) | (None, TimeLimitUnit::Hours { per_day: n }) => n,
        (None, TimeLimitUnit::Days) => 8,
    };
    match raw.time_limit_unit.as_deref() {
        Some("days") => p.time_limit_unit = TimeLimitUnit::Days,
        Some("hours") => p.time_limit_unit = TimeLimitUnit::Hours { per_day },
        None => {
            if let TimeLimitUnit::Hours { .. } = p.time_limit_unit {
                p.time_limit_unit = TimeLimitUnit::Hours { per_day };
            }
        }
        Some(u) => {
            return Err(invalid(format!(
                "time_limit_unit '{u}' is not \"days\" or \"hours\""
            )));
        }
    }
    if let Some(r) = raw.record_path {
        p.record_path = (!r.is_empty()).then_some(r);
    }
    if let Some(c) = raw.case_insensitive {
        p.case_insensitive = c;
    }
    if let Some(forms) = raw.timestamp_forms {
        p.timestamp_forms = forms
            .iter()
            .map(|f| {
                TimestampForm::from_name(f).ok_or_else(|| {
                    invalid(format!(
                        "timestamp form '{f}' is not one of {}",
                        TimestampForm::ALL.map(TimestampForm::name).join(", ")
                    ))
                })
            })
            .collect::<Result<_, _>>()?;
    }
    let column = |name: &str| {
        Column::from_name(name).ok_or_else(|| invalid(format!("'{name}' is not a contract column")))
    };
    for (k, v) in raw.columns {
        let names = match v {
            Names::One(s) => vec![s],
            Names::Many(v) => v,
        };
        p.columns.insert(column(&k)?, names);
    }
    for (k, map) in raw.values {
        let c = column(&k)?;
        let entry = p.values.entry(c).or_default();
        for (from, to) in map {
            entry.insert(key(&from), to);
        }
    }
    for (k, v) in raw.defaults {
        p.defaults.insert(column(&k)?, v);
    }
    for (k, d) in raw.derived {
        let map = d.map.into_iter().map(|(k, v)| (key(&k), v)).collect();
        p.derived.insert(
            column(&k)?,
            Derived {
                from: d.from,
                map,
                otherwise: d.otherwise,
            },
        );
    }
    Ok(p)
}

/// A value-map key as values are compared: trimmed, NFC, lower case.
pub(super) fn key(s: &str) -> String {
    nfc(s.trim()).to_lowercase()
}

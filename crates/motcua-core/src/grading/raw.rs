//! The keys of a rulebook file, as read, with their places in the text.

use serde::Deserialize;
use toml::Spanned as Sp;
use toml::Value;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawBook {
    pub id: Option<Sp<String>>,
    pub extends: Option<Sp<String>>,
    pub name_vi: Option<String>,
    pub name_en: Option<String>,
    pub status: Option<Sp<String>>,
    pub max: Option<Sp<Value>>,
    pub decimals: Option<Sp<i64>>,
    pub rounding: Option<Sp<String>>,
    pub band_on: Option<Sp<String>>,
    pub notes: Option<Vec<String>>,
    pub legal_basis: Option<Sp<RawLegal>>,
    pub validity: Option<Sp<RawValidity>>,
    pub groups: Option<Vec<Sp<RawGroup>>>,
    pub indicators: Option<Vec<Sp<RawIndicator>>>,
    pub remove_indicators: Option<Vec<Sp<String>>>,
    pub bands: Option<Vec<Sp<RawBand>>>,
    pub officials: Option<Sp<RawOfficials>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawLegal {
    pub document: String,
    pub title: Option<String>,
    pub articles: Option<String>,
    pub issued: Option<Sp<toml::value::Datetime>>,
    pub in_force_from: Option<Sp<toml::value::Datetime>>,
    pub replaced_by: Option<String>,
    pub replaced_on: Option<Sp<toml::value::Datetime>>,
    pub text_available: Option<bool>,
    pub source: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawValidity {
    pub valid_from: Option<Sp<toml::value::Datetime>>,
    pub valid_to: Option<Sp<toml::value::Datetime>>,
    pub status: Sp<String>,
    pub basis: Option<String>,
    pub note: Option<String>,
    pub note_vi: Option<String>,
    pub province: Option<String>,
    pub superseded_by: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawGroup {
    pub id: String,
    pub name_vi: String,
    pub name_en: String,
    pub max: Sp<Value>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawIndicator {
    pub id: Option<Sp<String>>,
    pub name_vi: Option<String>,
    pub name_en: Option<String>,
    pub group: Option<Sp<String>>,
    pub max: Option<Sp<Value>>,
    pub measure: Option<Sp<String>>,
    pub rule: Option<Sp<String>>,
    pub steps: Option<Vec<Sp<RawStep>>>,
    pub table: Option<Sp<toml::Table>>,
    pub otherwise: Option<Sp<Value>>,
    pub full_at: Option<Sp<Value>>,
    pub if_absent: Option<Sp<String>>,
    pub status: Option<Sp<String>>,
    pub note: Option<String>,
    pub not_applicable_at: Option<Sp<Vec<String>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawStep {
    pub when: Sp<String>,
    pub points: Sp<Value>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawBand {
    pub name_vi: Option<String>,
    pub name_en: Option<String>,
    pub min: Option<Sp<Value>>,
    pub min_inclusive: Option<bool>,
    pub max: Option<Sp<Value>>,
    pub max_inclusive: Option<bool>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawOfficials {
    pub indicators: Vec<Sp<String>>,
    pub bands: Vec<Sp<RawBand>>,
}

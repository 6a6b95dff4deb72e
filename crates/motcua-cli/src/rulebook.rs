//! `motcua rulebook`: list, show and check grading rulebooks.

use std::fmt::Write as _;
use std::path::PathBuf;

use anyhow::Result;
use clap::{Args, Subcommand};
use motcua_core::grading::{Kind, Measure, Rulebook, Scope, builtin_names};

use crate::common::{LangArg, write_output};
use crate::score::{builtin_text, load_rulebook};

/// Arguments of `motcua rulebook`.
#[derive(Args)]
pub struct RulebookArgs {
    /// What to do.
    #[command(subcommand)]
    pub command: RulebookCommand,
}

/// The `rulebook` subcommands.
#[derive(Subcommand)]
pub enum RulebookCommand {
    /// List the built-in rulebooks.
    List {
        /// Language of the names.
        #[arg(long, value_enum, default_value = "vi")]
        lang: LangArg,
    },
    /// Print a built-in rulebook's TOML; save it to a file to edit it.
    Show {
        /// A built-in rulebook name.
        name: String,
        /// Write to this file instead of standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Check a rulebook (a name or FILE.toml) and summarise it.
    Check {
        /// A built-in rulebook name or a rulebook file.
        rulebook: String,
    },
    /// List the measures indicators can be computed from.
    Measures,
}

/// Runs `motcua rulebook`.
pub fn run(a: &RulebookArgs) -> Result<()> {
    match &a.command {
        RulebookCommand::List { lang } => write_output(None, &list(matches!(lang, LangArg::Vi))),
        RulebookCommand::Show { name, output } => {
            write_output(output.as_ref(), builtin_text(name)?)
        }
        RulebookCommand::Check { rulebook } => {
            write_output(None, &summary(&load_rulebook(rulebook)?))
        }
        RulebookCommand::Measures => write_output(None, &measures()),
    }
}

fn list(vi: bool) -> String {
    let books: Vec<Rulebook> = builtin_names()
        .iter()
        .filter_map(|n| Rulebook::builtin(n))
        .collect();
    let w = books.iter().map(|b| b.id.len()).max().unwrap_or(0) + 2;
    let mut out = String::new();
    for b in &books {
        let name = if vi { &b.name_vi } else { &b.name_en };
        let v = &b.validity;
        let (status, range) = if vi {
            (v.status.name_vi().to_owned(), v.range_text(true))
        } else {
            (v.status.name().replace('_', " "), v.range_text(false))
        };
        let _ = writeln!(
            out,
            "{:w$}{:12}{:>4}  {name}",
            b.id,
            b.status.name(),
            b.max.to_string()
        );
        let province = v.province.as_deref().map_or_else(String::new, |p| {
            if vi {
                format!("; chỉ tỉnh {p}")
            } else {
                format!("; {p} only")
            }
        });
        let label = if vi { "hiệu lực" } else { "validity" };
        let _ = writeln!(out, "{:w$}{label}: {range} ({status}){province}", "");
    }
    out
}

fn summary(b: &Rulebook) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{} ({}): {}", b.id, b.status.name(), b.name_en);
    if let Some(e) = &b.extends {
        let _ = writeln!(out, "extends {e}");
    }
    let lb = &b.legal_basis;
    let _ = writeln!(
        out,
        "legal basis: {}{}{}",
        lb.document,
        lb.in_force_from
            .map_or_else(String::new, |d| format!(", in force from {d}")),
        lb.replaced_on
            .map_or_else(String::new, |d| format!(", replaced on {d}"))
    );
    let v = &b.validity;
    let _ = writeln!(
        out,
        "validity: {} ({}){}{}",
        v.range_text(false),
        v.status.name().replace('_', " "),
        v.province
            .as_deref()
            .map_or_else(String::new, |p| format!("; for the province of {p} only")),
        v.superseded_by
            .as_deref()
            .map_or_else(String::new, |p| format!("; superseded by {p}"))
    );
    if let Some(n) = &v.note {
        let _ = writeln!(out, "  {n}");
    }
    let _ = writeln!(
        out,
        "maximum {} points; means rounded to {} decimal(s), {}",
        b.max,
        b.decimals,
        b.rounding.name()
    );
    for i in &b.indicators {
        let scope = match i.scope() {
            Scope::Dossier => "per dossier",
            Scope::Agency => "per agency",
        };
        let _ = writeln!(
            out,
            "  {:>5}  max {:>3}  {:12} {:<26} {}  {}",
            i.id,
            i.max.to_string(),
            i.rule.kind_name(),
            i.measure.name(),
            scope,
            i.name_en
        );
    }
    let bands: Vec<String> = b
        .bands
        .iter()
        .rev()
        .map(|x| {
            format!(
                "{} {} {}",
                x.name_vi,
                if x.min_inclusive { "≥" } else { ">" },
                x.min
            )
        })
        .collect();
    let _ = writeln!(out, "agency bands: {}", bands.join("; "));
    if let Some(o) = &b.officials {
        let bands: Vec<String> = o
            .bands
            .iter()
            .rev()
            .map(|x| {
                format!(
                    "{} {} {}",
                    x.name_vi,
                    if x.min_inclusive { "≥" } else { ">" },
                    x.min
                )
            })
            .collect();
        let _ = writeln!(
            out,
            "officials (indicators {}, maximum {}): {}",
            o.indicators.join(", "),
            o.max,
            bands.join("; ")
        );
    }
    out
}

fn measures() -> String {
    let mut out = String::new();
    for m in Measure::ALL {
        let scope = match m.scope() {
            Scope::Dossier => "dossier",
            Scope::Agency => "agency",
        };
        let kind = match m.kind() {
            Kind::Category(words) => words.join("|"),
            Kind::Count => "count".to_owned(),
            Kind::Ratio => "share".to_owned(),
        };
        let _ = writeln!(
            out,
            "{:<28}{scope:<9}{kind:<30}{}",
            m.name(),
            m.description()
        );
    }
    out
}

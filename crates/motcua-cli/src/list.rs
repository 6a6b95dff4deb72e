//! `motcua list`: the dossiers behind one count of the report (contract section 12).

use std::path::PathBuf;
use std::sync::Arc;

use anyhow::{Result, bail};
use clap::{Args, ValueEnum};
use motcua_core::grading::Units;
use motcua_io::dossiers::ReadOptions;
use motcua_io::input::InputOptions;
use motcua_io::list::{ListCount, ListFilters, ListRequest, build_list, keep_filter};

use crate::common::{
    load_calendar, load_catalog, resolve_period, stream_input_with, write_bytes, write_output,
};

/// Output formats of `motcua list`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    /// One row per dossier.
    Csv,
    /// The contract's JSON.
    Json,
    /// A workbook with Vietnamese headings, to filter and print (needs --output).
    Xlsx,
}

fn parse_count(s: &str) -> Result<String, String> {
    if ListCount::parse(s, 0).is_some() {
        Ok(s.to_owned())
    } else {
        Err(format!(
            "not a count; use one of: {}",
            ListCount::names().collect::<Vec<_>>().join(", ")
        ))
    }
}

/// Arguments of `motcua list`.
#[derive(Args)]
pub struct ListArgs {
    /// The dossier table (as for `report`).
    #[arg(long, short)]
    pub input: PathBuf,
    /// A month, quarter, year or range.
    #[arg(long, short)]
    pub period: Option<String>,
    /// First day of the period (with --to).
    #[arg(long)]
    pub from: Option<String>,
    /// Last day of the period (with --from).
    #[arg(long)]
    pub to: Option<String>,
    /// The count whose dossiers to list: any count of the report (pending_overdue,
    /// resolved_late, received_online…) or due_soon.
    #[arg(long, value_parser = parse_count)]
    pub count: String,
    /// due_soon: due within this many working days after the period's end.
    #[arg(long, default_value_t = 2)]
    pub within: u32,
    /// Only this agency (DonViXuLy).
    #[arg(long)]
    pub agency: Option<String>,
    /// Only this procedure (MaTTHC).
    #[arg(long)]
    pub procedure: Option<String>,
    /// Only this official (CanBoTiepNhan).
    #[arg(long)]
    pub official: Option<String>,
    /// Only this field (MaLinhVuc, or the catalog's).
    #[arg(long)]
    pub field: Option<String>,
    /// Only agencies of this level (units file; tinh by default).
    #[arg(long)]
    pub level: Option<String>,
    /// Only this channel: in_person, online, postal (or 1, 2, 3).
    #[arg(long)]
    pub channel: Option<String>,
    /// A work calendar in TOML.
    #[arg(long)]
    pub calendar: Option<PathBuf>,
    /// The units file (levels).
    #[arg(long)]
    pub units: Option<PathBuf>,
    /// A procedure catalog (fields and levels).
    #[arg(long)]
    pub catalog: Option<PathBuf>,
    /// Stop at the first bad row.
    #[arg(long)]
    pub strict: bool,
    /// Size limits of the input.
    #[command(flatten)]
    pub limits: crate::limits::LimitArgs,
    /// The source profile and the share of rejected rows allowed.
    #[command(flatten)]
    pub source: crate::source::SourceArgs,
    /// Output format.
    #[arg(long, short, value_enum, default_value = "csv")]
    pub format: ListFormat,
    /// Write to this file instead of standard output.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    /// Counting conventions, as in `report`.
    #[command(flatten)]
    pub conventions: crate::common::ConventionArgs,
}

/// Runs `motcua list`.
pub fn run(a: &ListArgs) -> Result<()> {
    let period = resolve_period(a.period.as_deref(), a.from.as_deref(), a.to.as_deref())?;
    let calendar = Arc::new(load_calendar(a.calendar.as_deref())?);
    let units = match &a.units {
        Some(p) => motcua_io::units::read_units_file(p)?,
        None => Units::new(),
    };
    let Some(count) = ListCount::parse(&a.count, a.within) else {
        bail!("unknown count {}", a.count)
    };
    let req = ListRequest {
        period,
        count,
        filters: ListFilters {
            agency: a.agency.clone(),
            procedure: a.procedure.clone(),
            official: a.official.clone(),
            field: a.field.clone(),
            level: a.level.clone(),
            channel: a.channel.clone(),
        },
        conventions: a.conventions.conventions(),
    };
    let opts = InputOptions {
        read: ReadOptions {
            strict: a.strict,
            limits: a.limits.limits(),
            catalog: load_catalog(a.catalog.as_deref())?,
            keep: Some(keep_filter(&req, calendar.clone())),
            profile: Some(a.source.resolve()?),
            ..ReadOptions::parallel()
        },
        ..InputOptions::default()
    };
    let ing = stream_input_with(&a.input, &opts, &calendar, |_| {})?;
    a.source.after_read(&ing.input);
    let list = build_list(&req, &ing, &units, &calendar);
    match a.format {
        ListFormat::Json => write_output(a.output.as_ref(), &serde_json::to_string_pretty(&list)?),
        ListFormat::Csv => write_output(a.output.as_ref(), &motcua_io::list::to_csv(&list)),
        ListFormat::Xlsx => {
            let Some(out) = &a.output else {
                bail!("--format xlsx needs --output FILE.xlsx")
            };
            write_bytes(out, &motcua_io::list::to_xlsx(&list)?)
        }
    }
}

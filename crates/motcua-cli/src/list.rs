//! `motcua list`: the dossiers behind one count of the report (contract section 12).

use std::path::PathBuf;

use anyhow::{Result, bail};
use clap::{Args, ValueEnum};
use motcua_io::list::{ListCount, ListFilters};
use motcua_io::resolve::{Given, ListSpec, Options};

use crate::common::{SourceArgs, resolve, with_input, write_bytes, write_output};

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
    /// The input, period, calendar and reading options (as for `report`).
    #[command(flatten)]
    pub source: SourceArgs,
    /// The count whose dossiers to list: any count of the report (`pending_overdue`,
    /// `resolved_late`, `received_online`…) or `due_soon`.
    #[arg(long, value_parser = parse_count)]
    pub count: String,
    /// `due_soon`: due within this many working days after the period's end.
    #[arg(long, default_value_t = 2)]
    pub within: u32,
    /// Only this agency (`DonViXuLy`).
    #[arg(long)]
    pub agency: Option<String>,
    /// Only this procedure (`MaTTHC`).
    #[arg(long)]
    pub procedure: Option<String>,
    /// Only this official (`CanBoTiepNhan`).
    #[arg(long)]
    pub official: Option<String>,
    /// Only this field (`MaLinhVuc`, or the catalog's).
    #[arg(long)]
    pub field: Option<String>,
    /// Only agencies of this level (units file; tinh by default).
    #[arg(long)]
    pub level: Option<String>,
    /// Only this channel: `in_person`, online, postal (or 1, 2, 3).
    #[arg(long)]
    pub channel: Option<String>,
    /// The units file (levels).
    #[arg(long)]
    pub units: Option<PathBuf>,
    /// Output format.
    #[arg(long, short, value_enum, default_value = "csv")]
    pub format: ListFormat,
    /// Write to this file instead of standard output.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    /// The CSV dialect of CSV output.
    #[command(flatten)]
    pub csv: crate::common::CsvArgs,
    /// Counting conventions, as in `report`.
    #[command(flatten)]
    pub conventions: crate::common::ConventionArgs,
}

/// Runs `motcua list`.
pub fn run(a: &ListArgs) -> Result<()> {
    let o = Options {
        units: a.units.as_deref().map(Given::Path),
        compare: Some("none"),
        conventions: a.conventions.conventions().applied(),
        ..a.source.options()
    };
    let req = resolve(&o)?;
    let spec = ListSpec {
        count: &a.count,
        within: Some(a.within),
        filters: ListFilters {
            agency: a.agency.clone(),
            procedure: a.procedure.clone(),
            official: a.official.clone(),
            field: a.field.clone(),
            level: a.level.clone(),
            channel: a.channel.clone(),
        },
    };
    let list = with_input(&a.source, |input, progress| {
        motcua_io::resolve::list(&req, &spec, input, progress)
    })?;
    a.source.profile.after_read(&list.input);
    match a.format {
        ListFormat::Json => write_output(a.output.as_ref(), &serde_json::to_string_pretty(&list)?),
        ListFormat::Csv => write_output(
            a.output.as_ref(),
            &a.csv.apply(&motcua_io::list::to_csv(&list)),
        ),
        ListFormat::Xlsx => {
            let Some(out) = &a.output else {
                bail!("--format xlsx needs --output FILE.xlsx")
            };
            write_bytes(out, &motcua_io::list::to_xlsx(&list)?)
        }
    }
}

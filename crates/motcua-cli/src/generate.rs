//! `motcua generate`.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::PathBuf;

use anyhow::{Context, Result, bail};
use clap::Args;
use motcua_core::calendar::Calendar;
use motcua_sample::{HEADER, Profile, Timestamps, generate_with};

use crate::common::progress_bar;

/// Arguments of `motcua generate`.
#[derive(Args)]
pub struct GenerateArgs {
    /// A built-in sample: `soc-trang-2021` (reproduces the Sóc Trăng Q3/2021 report).
    /// `--profile` is an older name of this option.
    #[arg(long = "sample", alias = "profile")]
    pub profile: Option<String>,
    /// Instead of a sample: this many rows of realistic random data.
    #[arg(long, conflicts_with = "profile")]
    pub rows: Option<u64>,
    /// Seed of the random data.
    #[arg(long, default_value_t = 1, requires = "rows")]
    pub seed: u64,
    /// How timestamps are written: `mixed` (the contract's forms mixed as real exports
    /// mix them) or `portal` (every one as the portal's `yyyyMMddHHmmss`). The rows, and so
    /// the counts, are the same in either form.
    #[arg(long, default_value = "mixed", value_parser = parse_timestamps)]
    pub timestamps: Timestamps,
    /// Where to write the dossier table (CSV); `-` for standard output.
    #[arg(long, short)]
    pub output: PathBuf,
    /// Where to write the agencies' facts for grading (units CSV).
    #[arg(long)]
    pub units_output: Option<PathBuf>,
}

/// `--timestamps`, read by the sample's own names.
fn parse_timestamps(s: &str) -> Result<Timestamps, String> {
    s.parse()
        .map_err(|e: motcua_sample::TimestampsError| e.to_string())
}

/// Runs `motcua generate`.
pub fn run(a: &GenerateArgs) -> Result<()> {
    let profile = match (&a.profile, a.rows) {
        (Some(p), None) => p.parse::<Profile>()?,
        (None, Some(rows)) => Profile::Random { rows, seed: a.seed },
        _ => bail!("give --sample soc-trang-2021, or --rows N [--seed S]"),
    };
    let calendar = Calendar::vn();
    let out: Box<dyn Write> = if a.output.as_os_str() == "-" {
        Box::new(std::io::stdout().lock())
    } else {
        Box::new(
            File::create(&a.output)
                .with_context(|| format!("cannot create {}", a.output.display()))?,
        )
    };
    let mut out = BufWriter::with_capacity(1 << 20, out);
    let total = match profile {
        Profile::Random { rows, .. } => Some(rows),
        Profile::SocTrang2021 => None,
    };
    let pb = progress_bar(None, "generating");
    if let Some(t) = total {
        pb.set_length(t);
    }
    let mut buf = HEADER.join(",");
    buf.push('\n');
    let mut rows = 0u64;
    let mut err = None;
    generate_with(&profile, &calendar, a.timestamps, |rec| {
        if err.is_some() {
            return;
        }
        rec.write_csv_row(&mut buf);
        rows += 1;
        if buf.len() >= 1 << 20 {
            if let Err(e) = out.write_all(buf.as_bytes()) {
                err = Some(e);
            }
            buf.clear();
            pb.set_position(rows);
        }
    });
    if let Some(e) = err {
        return Err(e).context("cannot write the output");
    }
    out.write_all(buf.as_bytes())?;
    out.flush()?;
    pb.finish_and_clear();
    if let Some(u) = &a.units_output {
        std::fs::write(u, motcua_sample::units_for(&profile).to_csv())
            .with_context(|| format!("cannot write {}", u.display()))?;
    }
    Ok(())
}

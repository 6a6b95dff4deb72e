//! `motcua rulebook`: list, show and check grading rulebooks.

use std::path::PathBuf;

use anyhow::Result;
use clap::{Args, Subcommand};
use motcua_core::format::{measures_text, rulebook_list_text, rulebook_summary_text};

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
        RulebookCommand::List { lang } => write_output(None, &rulebook_list_text((*lang).into())),
        RulebookCommand::Show { name, output } => {
            write_output(output.as_ref(), builtin_text(name)?)
        }
        RulebookCommand::Check { rulebook } => {
            write_output(None, &rulebook_summary_text(&load_rulebook(rulebook)?))
        }
        RulebookCommand::Measures => write_output(None, &measures_text()),
    }
}

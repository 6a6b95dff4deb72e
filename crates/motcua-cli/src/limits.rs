//! The options that raise the readers' size limits ([`motcua_io::limits::Limits`]).

use clap::Args;
use motcua_io::limits::Limits;

/// `--max-record-size`, `--max-header-fields`.
#[derive(Args, Debug, Clone, Default)]
pub struct LimitArgs {
    /// Largest record (row) of a CSV input, in bytes [default: 16777216 = 16 MiB]
    #[arg(long, value_name = "BYTES")]
    pub max_record_size: Option<usize>,
    /// Most columns in the header of a CSV input [default: 10000]
    #[arg(long, value_name = "N")]
    pub max_header_fields: Option<usize>,
}

impl LimitArgs {
    /// The limits these options give.
    #[must_use]
    pub fn limits(&self) -> Limits {
        let mut l = Limits::default();
        if let Some(b) = self.max_record_size {
            l = l.with_record_bytes(b);
        }
        if let Some(n) = self.max_header_fields {
            l = l.with_header_fields(n);
        }
        l
    }
}

/// The input options of a command reading on every core, strict or not, under `limits`.
#[must_use]
pub fn input_options(strict: bool, limits: Limits) -> motcua_io::input::InputOptions {
    motcua_io::input::InputOptions {
        read: motcua_io::dossiers::ReadOptions {
            strict,
            limits,
            ..motcua_io::dossiers::ReadOptions::parallel()
        },
        ..motcua_io::input::InputOptions::default()
    }
}

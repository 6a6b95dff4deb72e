//! The options that raise the readers' size limits ([`motcua_io::limits::Limits`]).

use clap::Args;
use motcua_io::limits::Limits;

/// `--max-record-size`, `--max-header-fields` and the workbook decompression limits.
#[derive(Args, Debug, Clone, Default)]
pub struct LimitArgs {
    /// Largest record (row) of a CSV input, in bytes [default: 16777216 = 16 MiB]
    #[arg(long, value_name = "BYTES")]
    pub max_record_size: Option<usize>,
    /// Most columns in the header of a CSV input [default: 10000]
    #[arg(long, value_name = "N")]
    pub max_header_fields: Option<usize>,
    /// Largest inflated size of all the parts of an .xlsx input, in bytes
    /// [default: 1073741824 = 1 GiB]
    #[arg(long, value_name = "BYTES")]
    pub max_xlsx_size: Option<u64>,
    /// Most shared strings of an .xlsx input [default: 10000000]
    #[arg(long, value_name = "N")]
    pub max_shared_strings: Option<usize>,
    /// Largest inflation ratio of one part (over 1 MiB) of an .xlsx input [default: 200]
    #[arg(long, value_name = "RATIO")]
    pub max_xlsx_ratio: Option<u32>,
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
        if let Some(b) = self.max_xlsx_size {
            l = l.with_xlsx_bytes(b);
        }
        if let Some(n) = self.max_shared_strings {
            l = l.with_shared_strings(n);
        }
        if let Some(r) = self.max_xlsx_ratio {
            l = l.with_xlsx_ratio(r);
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

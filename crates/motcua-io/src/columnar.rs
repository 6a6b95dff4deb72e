//! The Arrow and Parquet readers as [`crate::input`] calls them, or a clear error when this
//! build leaves them out (features `arrow`, `parquet`).

use std::io::Read;

use motcua_core::calendar::Calendar;
use motcua_core::dossier::Dossier;

use crate::blocks::Ingested;
use crate::dossiers::ReadOptions;
use crate::input::{InputError, InputFormat};

/// Runs a columnar reader with its dependency's panics contained: a damaged file that makes
/// the Arrow or Parquet decoder panic (an unknown type id, a buffer offset past the end) is
/// an input error naming the format, never a panic through a surface.
#[cfg(any(feature = "arrow", feature = "parquet"))]
fn guarded<T>(
    format: InputFormat,
    read: impl FnOnce() -> Result<T, InputError>,
) -> Result<T, InputError> {
    crate::internal::contain(read).unwrap_or_else(|e| {
        Err(InputError::File(format!(
            "the {} input is damaged: its decoder failed ({})",
            format.name(),
            e.detail
        )))
    })
}

#[cfg(any(not(feature = "arrow"), not(feature = "parquet")))]
fn left_out(format: InputFormat) -> InputError {
    InputError::File(format!(
        "this build of motcua reads no {} input (built without the '{}' feature)",
        format.name(),
        format.name()
    ))
}

/// Arrow IPC (file or stream) held in memory.
pub(crate) fn arrow_bytes(
    bytes: &[u8],
    calendar: &Calendar,
    opts: &ReadOptions,
    visit: impl FnMut(&Dossier),
) -> Result<Ingested, InputError> {
    #[cfg(feature = "arrow")]
    {
        let input = std::io::Cursor::new(bytes);
        guarded(InputFormat::Arrow, || {
            Ok(crate::arrow::ipc::read_seekable(
                input, calendar, opts, visit,
            )?)
        })
    }
    #[cfg(not(feature = "arrow"))]
    {
        let _ = (bytes, calendar, opts, visit);
        Err(left_out(InputFormat::Arrow))
    }
}

/// Arrow IPC (file or stream) from a stream.
pub(crate) fn arrow_stream(
    input: impl Read,
    calendar: &Calendar,
    opts: &ReadOptions,
    visit: impl FnMut(&Dossier),
) -> Result<Ingested, InputError> {
    #[cfg(feature = "arrow")]
    {
        guarded(InputFormat::Arrow, || {
            Ok(crate::arrow::ipc::read_any(input, calendar, opts, visit)?)
        })
    }
    #[cfg(not(feature = "arrow"))]
    {
        let _ = (input, calendar, opts, visit);
        Err(left_out(InputFormat::Arrow))
    }
}

/// A Parquet file held in memory.
pub(crate) fn parquet_bytes(
    bytes: &[u8],
    calendar: &Calendar,
    opts: &ReadOptions,
    visit: impl FnMut(&Dossier),
) -> Result<Ingested, InputError> {
    #[cfg(feature = "parquet")]
    {
        guarded(InputFormat::Parquet, || {
            Ok(crate::parquet::read_bytes(bytes, calendar, opts, visit)?)
        })
    }
    #[cfg(not(feature = "parquet"))]
    {
        let _ = (bytes, calendar, opts, visit);
        Err(left_out(InputFormat::Parquet))
    }
}

/// A Parquet file from a stream (read into memory: its footer comes last).
pub(crate) fn parquet_stream(
    input: impl Read,
    calendar: &Calendar,
    opts: &ReadOptions,
    visit: impl FnMut(&Dossier),
) -> Result<Ingested, InputError> {
    #[cfg(feature = "parquet")]
    {
        guarded(InputFormat::Parquet, || {
            Ok(crate::parquet::read_stream(input, calendar, opts, visit)?)
        })
    }
    #[cfg(not(feature = "parquet"))]
    {
        let _ = (input, calendar, opts, visit);
        Err(left_out(InputFormat::Parquet))
    }
}

/// An Arrow IPC or Parquet file, with random access.
pub(crate) fn file(
    format: InputFormat,
    file: std::fs::File,
    calendar: &Calendar,
    opts: &ReadOptions,
    visit: impl FnMut(&Dossier),
) -> Result<Ingested, InputError> {
    match format {
        #[cfg(feature = "parquet")]
        InputFormat::Parquet => guarded(format, || {
            Ok(crate::parquet::read(file, calendar, opts, visit)?)
        }),
        #[cfg(feature = "arrow")]
        InputFormat::Arrow => guarded(format, || {
            Ok(crate::arrow::ipc::read_seekable(
                std::io::BufReader::with_capacity(1 << 16, file),
                calendar,
                opts,
                visit,
            )?)
        }),
        _ => parquet_or_arrow_stream(format, file, calendar, opts, visit),
    }
}

fn parquet_or_arrow_stream(
    format: InputFormat,
    input: std::fs::File,
    calendar: &Calendar,
    opts: &ReadOptions,
    visit: impl FnMut(&Dossier),
) -> Result<Ingested, InputError> {
    if format == InputFormat::Parquet {
        parquet_stream(input, calendar, opts, visit)
    } else {
        arrow_stream(input, calendar, opts, visit)
    }
}

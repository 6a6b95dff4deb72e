//! Old Excel 97–2003 workbooks (`.xls`, BIFF8 in an OLE compound file), with calamine.
//!
//! The sheet is read whole (an `.xls` file holds at most 65 536 rows), then its cells go
//! through the same row handling as an `.xlsx` sheet's ([`crate::xlsx`]): the first
//! non-empty row is the header, rows are numbered as Excel numbers them, dates may be
//! Excel dates or text. A damaged or crafted file that makes the parser fail, even by a
//! panic, is refused as a damaged workbook.

use std::io::{Read, Seek};

use calamine::{Cell, Data, DataRef, Reader, Xls};
use motcua_core::calendar::Calendar;
use motcua_core::dossier::Dossier;

use crate::dossiers::{Ingested, ReadOptions};
use crate::input::InputError;
use crate::internal::contain;

const DAMAGED: &str = "the old Excel 97–2003 (.xls) workbook cannot be read, it may be damaged: open it in Excel and save it as .xlsx";

/// Streams the dossiers of one sheet of an `.xls` workbook to `visit`, in row order.
pub(crate) fn read_dossiers<RS: Read + Seek>(
    input: RS,
    sheet: Option<&str>,
    calendar: &Calendar,
    read: &ReadOptions,
    visit: impl FnMut(&Dossier),
) -> Result<Ingested, InputError> {
    let opened = contain(|| {
        let mut wb = Xls::new(input).map_err(|e| format!("{DAMAGED} ({e})"))?;
        let names = wb.sheet_names();
        let name = crate::xlsx::sheet_name(&names, sheet).map_err(|e| e.to_string())?;
        let range = wb
            .worksheet_range(&name)
            .map_err(|e| format!("sheet '{name}' cannot be read: {e}"))?;
        Ok::<_, String>((name, range))
    });
    let (name, range) = match opened {
        Ok(Ok(v)) => v,
        Ok(Err(message)) => return Err(InputError::File(message)),
        Err(_) => return Err(InputError::File(DAMAGED.to_owned())),
    };
    let (top, left) = range.start().unwrap_or((0, 0));
    let mut cells = range
        .used_cells()
        .map(|(r, c, v)| Cell::new((top + r as u32, left + c as u32), as_ref(v)));
    crate::xlsx::read_cells(&name, || Ok(cells.next()), calendar, read, visit)
}

/// A cell's value as the streaming reader of `.xlsx` gives it.
fn as_ref(v: &Data) -> DataRef<'_> {
    match v {
        Data::Int(n) => DataRef::Int(*n),
        Data::Float(f) => DataRef::Float(*f),
        Data::String(s) => DataRef::SharedString(s),
        Data::Bool(b) => DataRef::Bool(*b),
        Data::DateTime(d) => DataRef::DateTime(*d),
        Data::DateTimeIso(s) => DataRef::DateTimeIso(s.clone()),
        Data::DurationIso(s) => DataRef::DurationIso(s.clone()),
        Data::Error(e) => DataRef::Error(e.clone()),
        Data::Empty => DataRef::Empty,
    }
}

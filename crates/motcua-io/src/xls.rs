//! Old Excel 97–2003 workbooks (`.xls`, BIFF8 in an OLE compound file), with calamine.
//!
//! The sheet is read whole (an `.xls` file holds at most 65 536 rows), then its cells go
//! through the same row handling as an `.xlsx` sheet's ([`crate::xlsx`]): the first
//! non-empty row is the header, rows are numbered as Excel numbers them, dates may be
//! Excel dates or text. A damaged or crafted file that makes the parser fail, even by a
//! panic, is refused as a damaged workbook.

use std::io::{Read, Seek, SeekFrom};

use calamine::{Cell, Data, DataRef, Reader, Xls};
use motcua_core::calendar::Calendar;
use motcua_core::dossier::Dossier;

use crate::dossiers::{Ingested, ReadOptions};
use crate::input::InputError;
use crate::internal::contain;

const DAMAGED: &str = "the old Excel 97–2003 (.xls) workbook cannot be read, it may be damaged: open it in Excel and save it as .xlsx";

/// Streams the dossiers of one sheet of an `.xls` workbook to `visit`, in row order.
pub(crate) fn read_dossiers<RS: Read + Seek>(
    mut input: RS,
    sheet: Option<&str>,
    calendar: &Calendar,
    read: &ReadOptions,
    visit: impl FnMut(&Dossier),
) -> Result<Ingested, InputError> {
    check_compound(&mut input)?;
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

/// Ids at and above this mark free, end-of-chain and allocation-table sectors.
const MARKERS: u32 = 0xFFFF_FFFA;

/// Checks an OLE compound file's allocation table before calamine reads it: its sectors lie
/// in the file and are listed once, and no chain of sectors loops (calamine follows a chain
/// to its end, so a loop grows its buffer without bound: a 4 kB file reached 2 GiB). What
/// the check cannot read (a short header, an odd sector size) is left to calamine to refuse.
/// Leaves `input` at its start.
fn check_compound<R: Read + Seek>(input: &mut R) -> Result<(), InputError> {
    let damaged = |why: &str| InputError::File(format!("{DAMAGED} ({why})"));
    let len = input
        .seek(SeekFrom::End(0))
        .map_err(crate::error::ReadError::Stream)?;
    let mut header = [0u8; 512];
    let whole = read_at(input, 0, len, &mut header)?;
    let shift = u16::from_le_bytes([header[30], header[31]]);
    if whole && (7..=16).contains(&shift) {
        let size = 1usize << shift;
        // the sectors after the header, which takes the first sector's place
        let sectors = (len / size as u64).saturating_sub(1);
        let mut fat_ids: Vec<u32> = (0..109).map(|i| u32_at(&header, 76 + 4 * i)).collect();
        let mut sector = vec![0u8; size];
        let mut next = u32_at(&header, 68);
        let mut steps = 0u64;
        while next < MARKERS {
            steps += 1;
            if steps > sectors || !read_at(input, sector_offset(next, size), len, &mut sector)? {
                return Err(damaged("its DIFAT chain loops or leaves the file"));
            }
            let n = size / 4;
            fat_ids.extend((0..n - 1).map(|i| u32_at(&sector, 4 * i)));
            next = u32_at(&sector, 4 * (n - 1));
        }
        fat_ids.retain(|&id| id < MARKERS);
        let mut listed = std::collections::HashSet::new();
        if fat_ids.len() as u64 > sectors || !fat_ids.iter().all(|id| listed.insert(*id)) {
            return Err(damaged(
                "its allocation table lists a sector twice or more sectors than the file has",
            ));
        }
        let mut fat = Vec::with_capacity(fat_ids.len() * size / 4);
        for id in fat_ids {
            if !read_at(input, sector_offset(id, size), len, &mut sector)? {
                return Err(damaged(
                    "a sector of its allocation table lies past its end",
                ));
            }
            fat.extend((0..size / 4).map(|i| u32_at(&sector, 4 * i)));
        }
        if has_loop(&fat) {
            return Err(damaged("a chain of its sectors loops"));
        }
    }
    input
        .seek(SeekFrom::Start(0))
        .map_err(crate::error::ReadError::Stream)?;
    Ok(())
}

fn u32_at(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]])
}

fn sector_offset(id: u32, size: usize) -> u64 {
    (u64::from(id) + 1) * size as u64
}

/// Fills `buf` from offset `at`; `false` when the file ends first.
fn read_at<R: Read + Seek>(
    input: &mut R,
    at: u64,
    len: u64,
    buf: &mut [u8],
) -> Result<bool, InputError> {
    if at.saturating_add(buf.len() as u64) > len {
        return Ok(false);
    }
    input
        .seek(SeekFrom::Start(at))
        .map_err(crate::error::ReadError::Stream)?;
    input
        .read_exact(buf)
        .map_err(crate::error::ReadError::Stream)?;
    Ok(true)
}

/// Whether following the allocation table from some sector comes back to a sector of the
/// same walk. Each sector is walked once: linear in the table's length.
fn has_loop(fat: &[u32]) -> bool {
    const WALKING: u8 = 1;
    const DONE: u8 = 2;
    let mut state = vec![0u8; fat.len()];
    let mut path = Vec::new();
    for start in 0..fat.len() {
        if state[start] != 0 {
            continue;
        }
        path.clear();
        let mut i = start;
        // a sector still being walked is on this walk's path: the chain came back to it
        let looped = loop {
            match state[i] {
                WALKING => break true,
                DONE => break false,
                _ => {}
            }
            state[i] = WALKING;
            path.push(i);
            let next = fat[i];
            if next >= MARKERS || next as usize >= fat.len() {
                break false;
            }
            i = next as usize;
        };
        if looped {
            return true;
        }
        for &p in &path {
            state[p] = DONE;
        }
    }
    false
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loops_in_an_allocation_table_are_found() {
        const END: u32 = 0xFFFF_FFFE;
        const FREE: u32 = 0xFFFF_FFFF;
        assert!(!has_loop(&[]));
        assert!(!has_loop(&[1, 2, END, FREE, 0]));
        // a chain that runs past the table ends there (calamine then refuses it)
        assert!(!has_loop(&[1, 7]));
        assert!(has_loop(&[0]));
        assert!(has_loop(&[1, 2, 0]));
        assert!(has_loop(&[END, 2, 3, 2]));
        // two chains that join are not a loop
        assert!(!has_loop(&[2, 2, 3, END]));
    }

    #[test]
    fn a_workbook_whose_allocation_table_is_crafted_is_refused_before_calamine() {
        // found by the xlsx fuzz target: 4 467 bytes that list their one allocation sector
        // twice, whose directory chain calamine then followed until 2 GiB
        let bytes: &[u8] =
            include_bytes!("../../../fuzz/regressions/xlsx/ole-sector-chain-loops-in-calamine.xls");
        let err = check_compound(&mut std::io::Cursor::new(bytes)).unwrap_err();
        assert!(err.to_string().starts_with(DAMAGED), "{err}");
        // a file whose sectors 1 and 2 point at each other
        let mut file = vec![0u8; 512 * 4];
        file[..8].copy_from_slice(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);
        file[30] = 9;
        file[68..72].copy_from_slice(&0xFFFF_FFFEu32.to_le_bytes());
        file[76..80].copy_from_slice(&0u32.to_le_bytes());
        for i in 1..109 {
            file[76 + 4 * i..80 + 4 * i].copy_from_slice(&0xFFFF_FFFFu32.to_le_bytes());
        }
        // sector 0 (at 512) is the allocation table
        for (i, v) in [0xFFFF_FFFDu32, 2, 1].into_iter().enumerate() {
            file[512 + 4 * i..516 + 4 * i].copy_from_slice(&v.to_le_bytes());
        }
        for i in 3..128 {
            file[512 + 4 * i..516 + 4 * i].copy_from_slice(&0xFFFF_FFFFu32.to_le_bytes());
        }
        let err = check_compound(&mut std::io::Cursor::new(&file)).unwrap_err();
        assert!(
            err.to_string().contains("a chain of its sectors loops"),
            "{err}"
        );
        // the same chain ended is let through
        file[512 + 8..512 + 12].copy_from_slice(&0xFFFF_FFFEu32.to_le_bytes());
        assert!(check_compound(&mut std::io::Cursor::new(&file)).is_ok());
    }

    #[test]
    fn a_real_workbook_passes_the_check() {
        let bytes: &[u8] = include_bytes!("../../../tests/data/example.xls");
        let mut input = std::io::Cursor::new(bytes);
        check_compound(&mut input).unwrap();
        assert_eq!(input.position(), 0);
    }
}

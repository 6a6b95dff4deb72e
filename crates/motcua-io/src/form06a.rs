//! Writing report form Biểu II.06a ([`motcua_core::form06a`]) as an Excel workbook in the
//! official layout, or as CSV with the same columns.
//!
//! The workbook has one sheet: the form's number and circular on the left, the title and
//! the period in the middle, the reporting and receiving units and the unit of count on the
//! right; then two header rows (the group headings merged over their columns, STT and
//! "Lĩnh vực / đơn vị" merged over both rows), the row of column numbers (1)…(13), a row
//! per agency and the total row. Counts are numbers, so the sheet can be summed.
//!
//! ```
//! use motcua_core::count::{Counts, Tally};
//! use motcua_core::dossier::InputSummary;
//! use motcua_core::form06a::{Form06a, Form06aOptions};
//! use motcua_core::report::Report;
//! let mut t = Tally::default();
//! t.add("STP", &Counts { received: 2, received_online: 2, pending: 2, pending_within_due: 2, ..Counts::default() });
//! let r = Report::new("2021-Q3".parse().unwrap(), InputSummary::default(), &t, None);
//! let form = Form06a::build(&r, &Form06aOptions::default());
//! let csv = motcua_io::form06a::to_csv(&form);
//! assert!(csv.lines().nth(1).unwrap().starts_with("1,STP,2,2,0,0,"));
//! let xlsx = motcua_io::form06a::to_xlsx(&form).unwrap();
//! assert!(xlsx.starts_with(b"PK"));
//! ```

use motcua_core::form06a::{FORM_NUMBER, Form06a, GROUPS, ISSUED_BY, TITLE, UNIT};
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};

use crate::report::csv_field;

/// Name of the sheet.
pub const SHEET: &str = "Biểu II.06a";
/// Row (0-based) of the first header row.
pub const HEADER_ROW: u32 = 5;
/// Row (0-based) of the column numbers (1)…(13).
pub const NUMBER_ROW: u32 = HEADER_ROW + 2;
/// Row (0-based) of the first agency.
pub const FIRST_DATA_ROW: u32 = NUMBER_ROW + 1;

/// The form as CSV: one header row (each heading with its group and number), a row per
/// agency, the total row.
#[must_use]
pub fn to_csv(form: &Form06a) -> String {
    let mut out = String::new();
    let mut line = |cells: &[String]| {
        let fields: Vec<String> = cells.iter().map(|c| csv_field(c)).collect();
        out.push_str(&fields.join(","));
        out.push('\n');
    };
    line(&form.flat_headings());
    for row in form.text_rows() {
        line(&row);
    }
    out
}

/// The form as an `.xlsx` workbook, in memory.
pub fn to_xlsx(form: &Form06a) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    write_sheet(ws, form)?;
    wb.save_to_buffer()
}

fn write_sheet(ws: &mut Worksheet, form: &Form06a) -> Result<(), XlsxError> {
    ws.set_name(SHEET)?;
    let width = form.width() as u16;
    let last = width - 1;
    let font = |f: Format| f.set_font_name("Times New Roman").set_font_size(12);
    let plain = font(Format::new());
    let bold = font(Format::new().set_bold());
    let title = font(
        Format::new()
            .set_bold()
            .set_align(FormatAlign::Center)
            .set_text_wrap(),
    );
    let center = font(Format::new().set_align(FormatAlign::Center).set_italic());
    let cell = |f: Format| {
        font(
            f.set_border(FormatBorder::Thin)
                .set_align(FormatAlign::VerticalCenter),
        )
    };
    let head = cell(
        Format::new()
            .set_bold()
            .set_align(FormatAlign::Center)
            .set_text_wrap(),
    );
    let number_head = cell(Format::new().set_italic().set_align(FormatAlign::Center));
    let text = cell(Format::new().set_text_wrap());
    let count = cell(Format::new().set_num_format("#,##0"));
    let total_text = cell(Format::new().set_bold());
    let total_count = cell(Format::new().set_bold().set_num_format("#,##0"));

    // Top: form number (left), title and period (middle), units (right).
    let mid = (3u16, last - 3);
    ws.merge_range(0, 0, 0, 2, FORM_NUMBER, &bold)?;
    ws.merge_range(
        1,
        0,
        2,
        2,
        ISSUED_BY,
        &font(Format::new().set_italic().set_text_wrap()),
    )?;
    ws.merge_range(0, mid.0, 1, mid.1, TITLE, &title)?;
    ws.merge_range(2, mid.0, 2, mid.1, &form.period_line, &center)?;
    ws.merge_range(
        0,
        last - 2,
        0,
        last,
        &format!("Đơn vị báo cáo: {}", form.reporting_unit),
        &plain,
    )?;
    ws.merge_range(
        1,
        last - 2,
        1,
        last,
        &format!("Đơn vị nhận báo cáo: {}", form.receiving_unit),
        &plain,
    )?;
    ws.merge_range(
        3,
        last - 2,
        3,
        last,
        UNIT,
        &font(Format::new().set_italic()),
    )?;
    ws.set_row_height(0, 32)?;
    ws.set_row_height(1, 32)?;

    // Two header rows and the row of column numbers.
    let headings = form.headings();
    let (h1, h2) = (HEADER_ROW, HEADER_ROW + 1);
    for (col, heading) in headings.iter().enumerate() {
        let col = col as u16;
        let n = u32::from(col) + 1;
        if GROUPS
            .iter()
            .any(|(_, a, b)| (*a..=*b).contains(&(n as usize)))
        {
            ws.write_with_format(h2, col, *heading, &head)?;
        } else {
            ws.merge_range(h1, col, h2, col, heading, &head)?;
        }
        ws.write_with_format(NUMBER_ROW, col, format!("({n})"), &number_head)?;
    }
    for (group, a, b) in GROUPS {
        ws.merge_range(h1, a as u16 - 1, h1, b as u16 - 1, group, &head)?;
    }
    ws.set_row_height(h1, 32)?;
    ws.set_row_height(h2, 48)?;

    // The table.
    for (r, row) in (FIRST_DATA_ROW..).zip(form.rows.iter().chain(std::iter::once(&form.total))) {
        let is_total = row.stt.is_none();
        let (tf, nf) = if is_total {
            (&total_text, &total_count)
        } else {
            (&text, &count)
        };
        match row.stt {
            Some(n) => ws.write_with_format(r, 0, n, nf)?,
            None => ws.write_with_format(r, 0, "", tf)?,
        };
        ws.write_with_format(r, 1, &row.label, tf)?;
        for (i, v) in row.cells[..usize::from(width) - 2].iter().enumerate() {
            ws.write_with_format(r, i as u16 + 2, *v as f64, nf)?;
        }
    }
    ws.set_column_width(0, 6)?;
    ws.set_column_width(1, 42)?;
    ws.set_column_range_width(2, last, 12)?;
    ws.set_landscape();
    ws.set_paper_size(9);
    ws.set_print_fit_to_pages(1, 0);
    ws.set_repeat_rows(HEADER_ROW, NUMBER_ROW)?;
    ws.set_freeze_panes(FIRST_DATA_ROW, 2)?;
    Ok(())
}

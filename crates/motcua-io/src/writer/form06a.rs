//! Writing report form Biểu II.06a ([`motcua_core::form06a`]) as an Excel workbook in the
//! official layout, or as CSV with the same columns.
//!
//! The workbook has one sheet: the form's number and circular on the left, the title and
//! the period in the middle, the reporting and receiving units and the unit of count on the
//! right; then three header rows (the group headings merged over their columns, "Trong đó"
//! over columns 4 and 5, STT and column 2 merged over all three), the row of column
//! numbers (1)…(13), a row per agency (or per group of the form's key, with the level's
//! subtotal rows in bold) and the total row; under the table the source of the layout and
//! the signature block ("…, ngày … tháng … năm …", "Người lập biểu", "Thủ trưởng đơn vị").
//! Counts are numbers, so the sheet can be summed. The forms by procedure (06b) and by field
//! (07a) are written the same way, with their own number, title and sheet name.
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

use motcua_core::form06a::{Form06a, GROUPS, OF_WHICH, UNIT};
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};

use crate::report::csv_field;

/// Name of the sheet of Biểu II.06a (the other forms name theirs in their layout).
pub const SHEET: &str = "Biểu II.06a";
/// Row (0-based) of the first header row.
pub const HEADER_ROW: u32 = 5;
/// Row (0-based) of the column numbers (1)…(13).
pub const NUMBER_ROW: u32 = HEADER_ROW + 3;
/// Row (0-based) of the first agency.
pub const FIRST_DATA_ROW: u32 = NUMBER_ROW + 1;

/// The form as CSV: one header row (each heading with its group and number), a row per
/// agency, the total row.
#[must_use]
pub fn to_csv(form: &Form06a) -> String {
    let mut out = String::new();
    let mut line = |cells: &[String]| {
        let fields: Vec<String> = cells.iter().map(|c| csv_field(c).into_owned()).collect();
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
    let layout = form.layout();
    ws.set_name(layout.sheet)?;
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
    ws.merge_range(0, 0, 0, 2, layout.number, &bold)?;
    ws.merge_range(
        1,
        0,
        2,
        2,
        layout.issued_by,
        &font(Format::new().set_italic().set_text_wrap()),
    )?;
    ws.merge_range(0, mid.0, 1, mid.1, layout.title, &title)?;
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

    // Three header rows and the row of column numbers.
    let headings = form.headings();
    let (h1, h2, h3) = (HEADER_ROW, HEADER_ROW + 1, HEADER_ROW + 2);
    let in_group = |n: usize| GROUPS.iter().any(|(_, a, b)| (*a..=*b).contains(&n));
    let (of_which, ow_from, ow_to) = OF_WHICH;
    for (col, heading) in headings.iter().enumerate() {
        let n = col + 1;
        let col = col as u16;
        if (ow_from..=ow_to).contains(&n) {
            ws.write_with_format(h3, col, *heading, &head)?;
        } else if in_group(n) {
            ws.merge_range(h2, col, h3, col, heading, &head)?;
        } else {
            ws.merge_range(h1, col, h3, col, heading, &head)?;
        }
        ws.write_with_format(NUMBER_ROW, col, format!("({n})"), &number_head)?;
    }
    ws.merge_range(
        h2,
        ow_from as u16 - 1,
        h2,
        ow_to as u16 - 1,
        of_which,
        &head,
    )?;
    for (group, a, b) in GROUPS {
        ws.merge_range(h1, a as u16 - 1, h1, b as u16 - 1, group, &head)?;
    }
    ws.set_row_height(h1, 32)?;
    ws.set_row_height(h2, 24)?;
    ws.set_row_height(h3, 48)?;

    // The table.
    let mut end = FIRST_DATA_ROW;
    for (r, row) in (FIRST_DATA_ROW..).zip(form.rows.iter().chain(std::iter::once(&form.total))) {
        end = r + 1;
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
    // Under the table: where the layout comes from, then the signature block.
    let note = font(Format::new().set_italic().set_font_size(10));
    ws.merge_range(
        end,
        0,
        end,
        last,
        &format!("Nguồn bố cục: {}", form.source),
        &note,
    )?;
    let sig = &form.signature;
    let right = (last.saturating_sub(4), last);
    let centered = |f: Format| f.set_align(FormatAlign::Center);
    ws.merge_range(
        end + 2,
        right.0,
        end + 2,
        right.1,
        &sig.place_date,
        &centered(font(Format::new().set_italic())),
    )?;
    ws.merge_range(
        end + 3,
        0,
        end + 3,
        2,
        &sig.preparer,
        &centered(bold.clone()),
    )?;
    ws.merge_range(
        end + 3,
        right.0,
        end + 3,
        right.1,
        &sig.head,
        &centered(bold.clone()),
    )?;
    let small = centered(font(Format::new().set_italic()));
    ws.merge_range(end + 4, 0, end + 4, 2, &sig.notes[0], &small)?;
    ws.merge_range(end + 4, right.0, end + 4, right.1, &sig.notes[1], &small)?;
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

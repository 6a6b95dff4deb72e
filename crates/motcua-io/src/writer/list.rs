//! A dossier list (contract section 12) as CSV (the JSON keys as headings) and as a
//! workbook with Vietnamese headings.

use motcua_core::format::csv_field;

use crate::list::{DossierList, ListedDossier};

/// The column headings of a list, Vietnamese first then English.
const HEADINGS: [(&str, &str); 11] = [
    ("Mã hồ sơ", "code"),
    ("Dòng", "line"),
    ("Đơn vị", "agency"),
    ("Thủ tục", "procedure"),
    ("Cán bộ tiếp nhận", "official"),
    ("Kênh", "channel"),
    ("Trạng thái", "status"),
    ("Ngày tiếp nhận", "received"),
    ("Hạn giải quyết", "due"),
    ("Ngày kết thúc", "closed"),
    ("Số ngày làm việc quá hạn", "working_days_late"),
];

fn cells(d: &ListedDossier) -> [String; 11] {
    [
        d.code.clone(),
        d.line.to_string(),
        d.agency.clone(),
        d.procedure.clone().unwrap_or_default(),
        d.official.clone().unwrap_or_default(),
        d.channel.to_owned(),
        d.status.to_string(),
        d.received.clone(),
        d.due.to_string(),
        d.closed.map(|c| c.to_string()).unwrap_or_default(),
        d.working_days_late.to_string(),
    ]
}

/// The list as CSV: a header of the JSON keys, one row per dossier.
#[must_use]
pub fn to_csv(list: &DossierList) -> String {
    let mut out = HEADINGS.iter().map(|h| h.1).collect::<Vec<_>>().join(",");
    out.push('\n');
    for d in &list.dossiers {
        let row: Vec<String> = cells(d).iter().map(|c| csv_field(c).into_owned()).collect();
        out.push_str(&row.join(","));
        out.push('\n');
    }
    out
}

/// The list as a workbook a director can filter and print: Vietnamese headings, a filter
/// on the heading row, frozen headings, landscape A4 fitted to the page width.
pub fn to_xlsx(list: &DossierList) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    use rust_xlsxwriter::{Format, Workbook};
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Danh sách hồ sơ")?;
    let bold = Format::new().set_bold().set_text_wrap();
    let title = format!(
        "Danh sách hồ sơ ({}) {} – {}",
        list.count,
        list.period.from().format("%d/%m/%Y"),
        list.period.to().format("%d/%m/%Y")
    );
    ws.write_string_with_format(0, 0, &title, &Format::new().set_bold())?;
    for (c, (vi, _)) in HEADINGS.iter().enumerate() {
        ws.write_string_with_format(1, c as u16, *vi, &bold)?;
    }
    for (r, d) in list.dossiers.iter().enumerate() {
        let row = r as u32 + 2;
        for (c, text) in cells(d).iter().enumerate() {
            match c {
                1 | 6 | 10 => ws.write_number(row, c as u16, text.parse::<f64>().unwrap_or(0.0))?,
                _ => ws.write_string(row, c as u16, text)?,
            };
        }
    }
    let last = list.dossiers.len() as u32 + 1;
    ws.autofilter(1, 0, last, (HEADINGS.len() - 1) as u16)?;
    ws.set_freeze_panes(2, 0)?;
    ws.set_landscape();
    ws.set_paper_size(9);
    ws.set_print_fit_to_pages(1, 0);
    ws.set_column_width(0, 28)?;
    ws.set_column_width(7, 20)?;
    wb.save_to_buffer()
}

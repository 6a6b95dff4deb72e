//! The layouts of the report forms, as data: which form, its number and title, what its
//! rows are, and where the layout comes from.
//!
//! Biểu II.06a is issued by Circular 01/2020/TT-VPCP. The tables by procedure ("06b") and
//! by field ("07a") are not in any official text found; their layout is the one the
//! one-stop systems print (the same thirteen columns keyed by another dimension), and
//! [`Layout::source`] says so in every output.

use serde::{Deserialize, Serialize};

use crate::breakdown::Dim;

/// A report form.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum FormKind {
    /// Biểu II.06a: by agency, or by field under each level.
    #[default]
    Form06a,
    /// The same columns by procedure (`MaTTHC`).
    Form06b,
    /// The same columns by field (lĩnh vực).
    Form07a,
}

/// What the rows of a form are.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum FormRows {
    /// One row per agency, in the units file's order (the default of 06a).
    #[default]
    Agencies,
    /// Under each level ("Cấp tỉnh", "Cấp xã"…) a row per field (06a's "Lĩnh vực, công
    /// việc giải quyết theo cấp"); needs `MaLinhVuc` or a procedure catalog.
    FieldsByLevel,
    /// One row per procedure (06b).
    Procedures,
    /// One row per field (07a).
    Fields,
}

impl FormRows {
    /// The breakdown keys the rows come from; none for agencies (the report's own lines).
    #[must_use]
    pub const fn dims(self) -> &'static [Dim] {
        match self {
            Self::Agencies => &[],
            Self::FieldsByLevel => &[Dim::Level, Dim::Field],
            Self::Procedures => &[Dim::Procedure],
            Self::Fields => &[Dim::Field],
        }
    }
}

/// The fixed texts of a form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Layout {
    /// The form's number, printed top left.
    pub number: &'static str,
    /// The line under the number: the text that issues the form, or where the layout is
    /// taken from.
    pub issued_by: &'static str,
    /// The title.
    pub title: &'static str,
    /// The heading of column 2 for each kind of row.
    pub row_heading: &'static str,
    /// The sheet's name in a workbook.
    pub sheet: &'static str,
    /// The rows the form has by default.
    pub rows: FormRows,
    /// Whether an official text issues the layout.
    pub official: bool,
    /// Where the layout comes from.
    pub source: &'static str,
}

/// Biểu II.06a (Circular 01/2020/TT-VPCP).
pub const FORM_06A: Layout = Layout {
    number: "Biểu số II.06a/VPCP/KSTT",
    issued_by: "Ban hành theo Thông tư số 01/2020/TT-VPCP ngày 21/10/2020",
    title: "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH TẠI TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG",
    row_heading: "Lĩnh vực / đơn vị",
    sheet: "Biểu II.06a",
    rows: FormRows::Agencies,
    official: true,
    source: "Thông tư 01/2020/TT-VPCP, Biểu số II.06a/VPCP/KSTT; bố cục in (ba dòng tiêu đề, \"Trong đó\" trên cột 4–5) theo mẫu in BaoCao06a của hệ thống một cửa HuanVu201/DichVuCong_KhoaLuan_PASETO",
};

/// The table by procedure ("06b").
pub const FORM_06B: Layout = Layout {
    number: "Mẫu 06b (theo thủ tục hành chính)",
    issued_by: "Bố cục theo báo cáo 06b của các hệ thống một cửa; không phải biểu của Thông tư",
    title: "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH THEO TỪNG THỦ TỤC",
    row_heading: "Thủ tục hành chính",
    sheet: "06b theo thủ tục",
    rows: FormRows::Procedures,
    official: false,
    source: "báo cáo tổng hợp 06b (BaoCaoSo06bHandler: các cột của 06a nhóm theo MaTTHC, tên theo danh mục thủ tục) của hệ thống một cửa HuanVu201/DichVuCong_KhoaLuan_PASETO; chưa tìm thấy văn bản chính thức",
};

/// The table by field ("07a").
pub const FORM_07A: Layout = Layout {
    number: "Mẫu 07a (theo lĩnh vực)",
    issued_by: "Bố cục theo báo cáo 07a của các hệ thống một cửa; không phải biểu của Thông tư",
    title: "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH THEO LĨNH VỰC",
    row_heading: "Lĩnh vực",
    sheet: "07a theo lĩnh vực",
    rows: FormRows::Fields,
    official: false,
    source: "báo cáo tổng hợp 07a (BaoCaoTongHop07a: các cột của 06a nhóm theo lĩnh vực) của hệ thống một cửa HuanVu201/DichVuCong_KhoaLuan_PASETO; chưa tìm thấy văn bản chính thức",
};

/// Column 2's heading of 06a when its rows are fields under each level.
pub const FIELDS_BY_LEVEL_HEADING: &str = "Lĩnh vực, công việc giải quyết theo cấp";

impl FormKind {
    /// The form's layout.
    #[must_use]
    pub const fn layout(self) -> &'static Layout {
        match self {
            Self::Form06a => &FORM_06A,
            Self::Form06b => &FORM_06B,
            Self::Form07a => &FORM_07A,
        }
    }
}

/// The signature block under the table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signature {
    /// "Sóc Trăng, ngày 05 tháng 10 năm 2021", or "…, ngày … tháng … năm …" to fill by hand.
    pub place_date: String,
    /// Left: "Người lập biểu".
    pub preparer: String,
    /// Right: "Thủ trưởng đơn vị".
    pub head: String,
    /// Under each title: "(Ký, ghi rõ họ tên)" and "(Ký tên, đóng dấu)".
    pub notes: [String; 2],
}

impl Signature {
    /// The block for a place and a date, each left to fill by hand when absent.
    #[must_use]
    pub fn new(place: Option<&str>, date: Option<chrono::NaiveDate>) -> Self {
        let place = place.unwrap_or("…");
        let place_date = match date {
            Some(d) => format!(
                "{place}, ngày {} tháng {} năm {}",
                d.format("%d"),
                d.format("%m"),
                d.format("%Y")
            ),
            None => format!("{place}, ngày … tháng … năm …"),
        };
        Self {
            place_date,
            preparer: "Người lập biểu".to_owned(),
            head: "Thủ trưởng đơn vị".to_owned(),
            notes: [
                "(Ký, ghi rõ họ tên)".to_owned(),
                "(Ký tên, đóng dấu)".to_owned(),
            ],
        }
    }
}

impl Default for Signature {
    fn default() -> Self {
        Self::new(None, None)
    }
}

//! The grading facts (units file) of the built-in `soc-trang-2021` sample.
//!
//! With the sample's dossiers, every agency scores between 15 and 17 points in Q3/2021
//! under `soc-trang-1216-2019`, all "Xuất sắc", as the Center reported ("17/17 đơn vị đạt
//! từ 15 đến 17 điểm"). The sample's per-dossier indicators (1, 2, 3, 4, 7) add up to 9,2–9,9
//! and its online dossiers are all on time (indicator 9 = 2), so each agency loses one or two
//! of the other per-agency points (indicators 5, 6, 8): totals differ, from about 15,5 to 16,9.

use motcua_core::grading::Ratio;
use motcua_core::grading::{Level, UnitFacts};

/// `(code, name, CongKhai, TyLeGiaiQuyetTaiMotCua in %, TiepNhanDayDu, PhanAnhTiepNhan,
/// PhanAnhDungHan, PhanAnhKeoDai, SoTTHC, SoTTHCMucDo34)`.
type Row = (
    &'static str,
    &'static str,
    u8,
    u64,
    bool,
    u64,
    u64,
    u64,
    u64,
    u64,
);

const ROWS: [Row; 17] = [
    // Loses a point on indicator 8 (19 of 20 petitions on time).
    ("SCT", "Sở Công Thương", 2, 25, true, 20, 19, 0, 120, 96),
    // Indicator 8: 11 of 12 on time.
    (
        "SKHDT",
        "Sở Kế hoạch và Đầu tư",
        2,
        30,
        true,
        12,
        11,
        0,
        110,
        92,
    ),
    // Indicator 8: 14 of 15 on time.
    (
        "SNNPTNT",
        "Sở Nông nghiệp và Phát triển nông thôn",
        2,
        22,
        true,
        15,
        14,
        0,
        130,
        70,
    ),
    // Indicator 5: 15 % approved at the desk (< 20 %), all received there.
    ("BHXH", "Bảo hiểm xã hội tỉnh", 2, 15, true, 4, 4, 0, 60, 48),
    // Indicator 5: 18 %.
    (
        "SGDDT",
        "Sở Giáo dục và Đào tạo",
        2,
        18,
        true,
        0,
        0,
        0,
        90,
        60,
    ),
    // Indicator 5: 15 %.
    ("SYT", "Sở Y tế", 2, 15, true, 2, 2, 0, 150, 90),
    // Indicators 5 (15 %) and 8 (28 of 30 on time).
    ("STP", "Sở Tư pháp", 2, 15, true, 30, 28, 0, 140, 110),
    // Indicator 6: procedures posted or electronic, not both.
    ("SXD", "Sở Xây dựng", 1, 25, true, 0, 0, 0, 60, 40),
    // Indicator 5: 15 %.
    (
        "SGTVT",
        "Sở Giao thông vận tải",
        2,
        15,
        true,
        3,
        3,
        0,
        100,
        85,
    ),
    // Indicator 8: 23 of 25 on time.
    (
        "STNMT",
        "Sở Tài nguyên và Môi trường",
        2,
        20,
        true,
        25,
        23,
        0,
        110,
        60,
    ),
    // Indicators 5 (10 %) and 8 (18 of 20 on time).
    (
        "SLDTBXH",
        "Sở Lao động - Thương binh và Xã hội",
        2,
        10,
        true,
        20,
        18,
        0,
        120,
        80,
    ),
    // Indicators 5 (12 %) and 8 (9 of 10 on time).
    (
        "SVHTTDL",
        "Sở Văn hóa, Thể thao và Du lịch",
        2,
        12,
        true,
        10,
        9,
        0,
        120,
        90,
    ),
    // Indicators 5 (10 %) and 6.
    ("SNV", "Sở Nội vụ", 1, 10, true, 0, 0, 0, 80, 50),
    // Indicators 5 (12 %) and 6.
    ("STC", "Sở Tài chính", 1, 12, true, 0, 0, 0, 40, 30),
    // Indicators 5 (5 %) and 6.
    (
        "SKHCN",
        "Sở Khoa học và Công nghệ",
        1,
        5,
        true,
        0,
        0,
        0,
        50,
        35,
    ),
    // Indicators 5 (10 %) and 8 (9 of 10 on time).
    (
        "STTTT",
        "Sở Thông tin và Truyền thông",
        2,
        10,
        true,
        10,
        9,
        0,
        45,
        40,
    ),
    // Indicator 5: 10 %.
    (
        "BQLKCN",
        "Ban Quản lý các khu công nghiệp",
        2,
        10,
        true,
        1,
        1,
        0,
        40,
        25,
    ),
];

/// The units facts of the 17 sample agencies (all provincial).
#[must_use]
pub fn soc_trang_2021_units() -> Vec<UnitFacts> {
    ROWS.iter()
        .map(
            |&(
                code,
                name,
                publication,
                desk,
                full,
                received,
                on_time,
                drawn_out,
                procedures,
                level34,
            )| UnitFacts {
                code: code.to_owned(),
                name: Some(name.to_owned()),
                level: Level::Tinh,
                publication,
                desk_share: Ratio {
                    num: desk,
                    den: 100,
                },
                full_desk_receipt: full,
                feedback_received: received,
                feedback_on_time: on_time,
                feedback_drawn_out: drawn_out,
                procedures,
                procedures_level34: level34,
                ..UnitFacts::new(code)
            },
        )
        .collect()
}

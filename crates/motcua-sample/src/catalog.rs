//! The seventeen agencies of the sample, their volumes and habits, and the procedures and
//! officials that rows name.

use super::rng::Rng;

/// Code, Vietnamese name and English name of each agency, in the sample's order.
pub(crate) static AGENCIES: [(&str, &str, &str); 17] = [
    ("SCT", "Sở Công Thương", "Department of Industry and Trade"),
    (
        "SKHDT",
        "Sở Kế hoạch và Đầu tư",
        "Department of Planning and Investment",
    ),
    (
        "SNNPTNT",
        "Sở Nông nghiệp và Phát triển nông thôn",
        "Department of Agriculture and Rural Development",
    ),
    (
        "BHXH",
        "Bảo hiểm xã hội tỉnh",
        "Provincial Social Insurance",
    ),
    (
        "SGDDT",
        "Sở Giáo dục và Đào tạo",
        "Department of Education and Training",
    ),
    ("SYT", "Sở Y tế", "Department of Health"),
    ("STP", "Sở Tư pháp", "Department of Justice"),
    ("SXD", "Sở Xây dựng", "Department of Construction"),
    ("SGTVT", "Sở Giao thông vận tải", "Department of Transport"),
    (
        "STNMT",
        "Sở Tài nguyên và Môi trường",
        "Department of Natural Resources and Environment",
    ),
    (
        "SLDTBXH",
        "Sở Lao động - Thương binh và Xã hội",
        "Department of Labour, Invalids and Social Affairs",
    ),
    (
        "SVHTTDL",
        "Sở Văn hóa, Thể thao và Du lịch",
        "Department of Culture, Sports and Tourism",
    ),
    ("SNV", "Sở Nội vụ", "Department of Home Affairs"),
    ("STC", "Sở Tài chính", "Department of Finance"),
    (
        "SKHCN",
        "Sở Khoa học và Công nghệ",
        "Department of Science and Technology",
    ),
    (
        "STTTT",
        "Sở Thông tin và Truyền thông",
        "Department of Information and Communications",
    ),
    (
        "BQLKCN",
        "Ban Quản lý các khu công nghiệp",
        "Industrial Zones Authority",
    ),
];

/// How an agency's dossiers look.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Spec {
    /// Dossiers received in Q2 2021 (soc-trang-2021).
    pub q2: u32,
    /// Dossiers received in Q3 2021 (soc-trang-2021).
    pub q3: u32,
    /// Relative propensity to file online (about the share online when online is common).
    pub online: f64,
    /// Share of its non-online dossiers whose procedure is below level 3.
    pub not_l34: f64,
    /// Per mille of dossiers asked once for a supplement.
    pub sup1: u32,
    /// Per mille of dossiers asked two or more times.
    pub sup2: u32,
    /// Per mille of in-person dossiers whose applicant had to contact two agencies.
    pub contact2: u32,
    /// Officials at its desk.
    pub officials: u8,
    /// Limits in working days of its six procedures, levels 4, 4, 3, 3, 2, 1.
    pub limits: [u8; 6],
}

const fn spec(
    q2: u32,
    q3: u32,
    online: f64,
    not_l34: f64,
    sup: (u32, u32, u32),
    officials: u8,
    limits: [u8; 6],
) -> Spec {
    Spec {
        q2,
        q3,
        online,
        not_l34,
        sup1: sup.0,
        sup2: sup.1,
        contact2: sup.2,
        officials,
        limits,
    }
}

/// The agencies' habits, in the order of [`AGENCIES`]. Q2 volumes add up to 22 758 and Q3
/// volumes to 12 656, the seed's figures.
pub(crate) static SPECS: [Spec; 17] = [
    spec(950, 620, 0.92, 0.15, (60, 10, 20), 3, [3, 5, 15, 7, 5, 15]),
    spec(
        2700,
        1650,
        0.95,
        0.10,
        (120, 20, 10),
        4,
        [3, 5, 15, 10, 3, 15],
    ),
    spec(
        700,
        420,
        0.88,
        0.20,
        (150, 30, 40),
        3,
        [5, 7, 20, 10, 5, 20],
    ),
    spec(
        2100,
        1250,
        0.90,
        0.10,
        (30, 5, 10),
        4,
        [3, 5, 10, 15, 5, 15],
    ),
    spec(650, 360, 0.85, 0.20, (90, 15, 20), 2, [5, 7, 15, 10, 5, 20]),
    spec(
        1500,
        820,
        0.80,
        0.20,
        (180, 40, 40),
        3,
        [5, 10, 20, 15, 5, 30],
    ),
    spec(
        2650,
        1500,
        0.72,
        0.15,
        (50, 5, 10),
        4,
        [3, 5, 10, 15, 3, 15],
    ),
    spec(
        900,
        480,
        0.55,
        0.25,
        (250, 60, 120),
        3,
        [7, 10, 20, 15, 5, 30],
    ),
    spec(
        6100,
        3100,
        0.55,
        0.25,
        (70, 10, 30),
        4,
        [3, 5, 10, 15, 5, 15],
    ),
    spec(
        1350,
        700,
        0.50,
        0.30,
        (280, 70, 150),
        4,
        [5, 10, 20, 30, 7, 30],
    ),
    spec(
        1800,
        950,
        0.65,
        0.20,
        (140, 25, 60),
        3,
        [5, 7, 15, 10, 5, 20],
    ),
    spec(
        380,
        220,
        0.75,
        0.20,
        (100, 20, 30),
        2,
        [5, 7, 15, 10, 5, 15],
    ),
    spec(
        300,
        170,
        0.70,
        0.20,
        (110, 20, 40),
        2,
        [5, 10, 15, 20, 5, 30],
    ),
    spec(260, 150, 0.80, 0.20, (80, 10, 20), 2, [3, 5, 10, 15, 5, 15]),
    spec(
        170,
        110,
        0.85,
        0.20,
        (130, 25, 30),
        2,
        [5, 7, 15, 10, 5, 20],
    ),
    spec(130, 90, 0.90, 0.15, (40, 5, 10), 2, [3, 5, 10, 7, 3, 15]),
    spec(
        118,
        66,
        0.88,
        0.15,
        (160, 30, 60),
        2,
        [5, 10, 15, 20, 5, 30],
    ),
];

/// The online-service level of procedure `j` (0..6) of every agency.
pub(crate) const PROC_LEVELS: [u8; 6] = [4, 4, 3, 3, 2, 1];

/// The texts rows name: procedure codes and officials, built once per generation.
#[derive(Debug, Clone)]
pub(crate) struct Catalog {
    /// `procedures[agency][j]`: a national procedure code such as `1.004227`.
    pub procedures: Vec<[String; 6]>,
    /// `officials[agency]`: codes such as `CB-SCT-01`.
    pub officials: Vec<Vec<String>>,
}

impl Catalog {
    pub(crate) fn new() -> Self {
        let procedures = (0..AGENCIES.len())
            .map(|a| {
                std::array::from_fn(|j| {
                    let n = 1000 + (a * 7919 + j * 1543 + 17) % 9000;
                    format!("{}.00{n:04}", 1 + (a + j) % 2)
                })
            })
            .collect();
        let officials = AGENCIES
            .iter()
            .zip(&SPECS)
            .map(|((code, ..), s)| {
                (1..=s.officials)
                    .map(|i| format!("CB-{code}-{i:02}"))
                    .collect()
            })
            .collect();
        Self {
            procedures,
            officials,
        }
    }
}

/// A procedure of agency `a` of the requested kind: level 3/4 (`l34`) or below.
#[inline]
pub(crate) fn pick_proc(rng: &mut Rng, l34: bool) -> u8 {
    if l34 {
        // Level 4 procedures are the most used online.
        [0, 0, 1, 2, 2, 3][rng.below(6) as usize]
    } else {
        4 + rng.below(2) as u8
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn volumes_match_the_seed_and_codes_are_unique() {
        assert_eq!(SPECS.iter().map(|s| s.q3).sum::<u32>(), 12_656);
        assert_eq!(SPECS.iter().map(|s| s.q2).sum::<u32>(), 22_758);
        let mut codes: Vec<_> = AGENCIES.iter().map(|a| a.0).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), 17);
        let cat = Catalog::new();
        let mut procs: Vec<_> = cat.procedures.iter().flatten().collect();
        procs.sort();
        procs.dedup();
        assert_eq!(procs.len(), 17 * 6);
        assert_eq!(cat.officials[0][0], "CB-SCT-01");
    }

    #[test]
    fn every_agency_has_short_and_long_limits_of_each_kind() {
        for s in &SPECS {
            let l34 = &s.limits[..4];
            assert!(l34.iter().any(|&n| n <= 7) && l34.iter().any(|&n| n >= 10));
            assert!(s.limits[4] <= 7 && s.limits[5] >= 15);
        }
    }
}

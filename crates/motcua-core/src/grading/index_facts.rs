//! Agency facts of the national service index (Decision 766/QĐ-TTg as the portal scores it
//! in 2026) that dossiers do not carry: optional columns of the units file.
//!
//! Every column is a share between 0 and 1 (`0,85`, `0.85` or `85%`) for the period graded.
//! An empty or absent value means *not measured*: the indicator reading it is reported as
//! `null` and leaves the measured maximum, never scored 0.
//!
//! | column | indicator (decision-766-2026) |
//! |---|---|
//! | `TyLeCongBoDungHan` | CKMB.1 procedures published on time |
//! | `TyLeCapNhatCSDLQG` | CKMB.2 updated and published on time in the national database |
//! | `TyLeCongKhaiDayDu` | CKMB.3 procedures published with every component |
//! | `TyLeDongBoHoSo` | CKMB.4 dossiers synchronised with the portal in real time |
//! | `TyLeThanhToanTrucTuyen` | TTTT.1 dossiers with fees whose fees were paid online |
//! | `TyLeTTHCThanhToanTrucTuyen` | TTTT.2 procedures with fees offering online payment |
//! | `TyLeGiaoDichThanhToanTrucTuyen` | TTTT.3 online payment transactions completed |
//! | `TyLeHaiLongPAKN` | MDHL.2 satisfaction with the handling of petitions |
//! | `TyLeKetQuaDienTu` | MDSH.1 results issued electronically |
//! | `TyLeSoHoaThanhPhan` | MDSH.2 dossier components digitised |
//! | `TyLeBanSaoDienTu` | MDSH.3 electronic certified copies |
//! | `TyLeTaiSuDungDuLieu` | MDSH.4 components replaced by reused data |
//! | `TyLeChiaSeSoHoa` | MDSH.5 digitised dossiers shared for reuse |
//! | `TyLeDungDuLieuDanCu` | MDSH.6 dossiers using population data |
//! | `TyLeTTHCKetNoiDanCu` | MDSH.7 procedures connected to population data |
//!
//! Petitions handled on time (MDHL.1) read the contract's `PhanAnhTiepNhan` and
//! `PhanAnhDungHan`; the indicator is measured only when `PhanAnhTiepNhan` has a value.
//!
//! ```
//! use motcua_core::grading::{IndexColumns, IndexFact};
//! let cols = IndexColumns::new(["DonViXuLy", "TyLeDongBoHoSo", "PhanAnhTiepNhan"]);
//! let f = cols.parse(2, &["STP", "0,9", ""]).unwrap();
//! assert_eq!(f.get(IndexFact::Synced).unwrap().to_string(), "0.9");
//! assert!(f.get(IndexFact::DigitisedComponents).is_none(), "absent: not measured");
//! assert!(!f.petitions_given);
//! ```

use serde::Serialize;

use super::error::UnitsError;
use super::points::Ratio;

macro_rules! facts {
    ($($v:ident = $col:literal, $desc:literal;)*) => {
        /// One agency fact of the national index (a share of the period).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum IndexFact {
            $(#[doc = $desc] $v,)*
        }

        impl IndexFact {
            /// Every fact, in column order.
            pub const ALL: &'static [Self] = &[$(Self::$v),*];

            /// How many facts there are.
            pub const COUNT: usize = [$(Self::$v),*].len();

            /// The units-file column.
            #[must_use]
            pub const fn column(self) -> &'static str {
                match self { $(Self::$v => $col,)* }
            }

            /// What it is, in English.
            #[must_use]
            pub const fn description(self) -> &'static str {
                match self { $(Self::$v => $desc,)* }
            }
        }
    };
}

facts! {
    PublishedOnTime = "TyLeCongBoDungHan", "Share of procedures published on time.";
    NationalDatabase = "TyLeCapNhatCSDLQG", "Share of procedures updated and published on time in the national database.";
    PublishedComplete = "TyLeCongKhaiDayDu", "Share of procedures published with every component.";
    Synced = "TyLeDongBoHoSo", "Share of dossiers synchronised with the national portal in real time.";
    PaidOnline = "TyLeThanhToanTrucTuyen", "Share of dossiers with fees whose fees were paid online.";
    ProceduresPaidOnline = "TyLeTTHCThanhToanTrucTuyen", "Share of procedures with fees that offer online payment.";
    PaymentTransactions = "TyLeGiaoDichThanhToanTrucTuyen", "Share of online payment transactions completed.";
    PetitionSatisfaction = "TyLeHaiLongPAKN", "Satisfaction with the handling of petitions.";
    ElectronicResults = "TyLeKetQuaDienTu", "Share of results issued electronically.";
    DigitisedComponents = "TyLeSoHoaThanhPhan", "Share of dossier components digitised.";
    CertifiedCopies = "TyLeBanSaoDienTu", "Share of electronic certified copies.";
    ReusedData = "TyLeTaiSuDungDuLieu", "Share of components replaced by reused data.";
    SharedForReuse = "TyLeChiaSeSoHoa", "Share of digitised dossiers shared for reuse.";
    PopulationData = "TyLeDungDuLieuDanCu", "Share of dossiers using population data.";
    PopulationProcedures = "TyLeTTHCKetNoiDanCu", "Share of procedures connected to population data.";
}

/// The national-index facts of one agency; `None` = not measured.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct IndexFacts {
    #[serde(skip)]
    values: [Option<Ratio>; IndexFact::COUNT],
    /// Whether `PhanAnhTiepNhan` had a value (petitions are then measured).
    pub petitions_given: bool,
}

impl IndexFacts {
    /// The value of a fact, if given.
    #[must_use]
    pub fn get(&self, f: IndexFact) -> Option<Ratio> {
        let i = IndexFact::ALL.iter().position(|x| *x == f)?;
        self.values[i]
    }

    /// Sets a fact.
    pub fn set(&mut self, f: IndexFact, v: Option<Ratio>) {
        let i = IndexFact::ALL
            .iter()
            .position(|x| *x == f)
            .expect("every fact is in ALL");
        self.values[i] = v;
    }

    /// The values as units-file fields, in [`IndexFact::ALL`] order (empty = not given).
    #[must_use]
    pub fn fields(&self) -> Vec<String> {
        IndexFact::ALL
            .iter()
            .map(|f| self.get(*f).map_or_else(String::new, |r| r.to_string()))
            .collect()
    }
}

/// Where the national-index columns stand in a units-file header.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IndexColumns {
    index: Vec<Option<usize>>,
    petitions: Option<usize>,
}

impl IndexColumns {
    /// Finds the columns in a header (absent ones are simply not measured).
    pub fn new<'a>(names: impl IntoIterator<Item = &'a str>) -> Self {
        let names: Vec<&str> = names
            .into_iter()
            .map(|n| n.trim_start_matches('\u{feff}'))
            .collect();
        let at = |c: &str| names.iter().position(|n| *n == c);
        Self {
            index: IndexFact::ALL.iter().map(|f| at(f.column())).collect(),
            petitions: at("PhanAnhTiepNhan"),
        }
    }

    /// Reads the facts of the row at `line`.
    pub fn parse(&self, line: u64, fields: &[&str]) -> Result<IndexFacts, UnitsError> {
        let mut out = IndexFacts::default();
        for (f, i) in IndexFact::ALL.iter().zip(&self.index) {
            let v = i.and_then(|i| fields.get(i)).map_or("", |v| v.trim());
            if v.is_empty() {
                continue;
            }
            let r = Ratio::parse(v).map_err(|m| UnitsError::Value {
                line,
                column: f.column(),
                message: m,
            })?;
            if r > Ratio::int(1) {
                return Err(UnitsError::Value {
                    line,
                    column: f.column(),
                    message: format!(
                        "'{v}' is above 1: give a share between 0 and 1 (or a percentage)"
                    ),
                });
            }
            out.set(*f, Some(r));
        }
        out.petitions_given = self
            .petitions
            .and_then(|i| fields.get(i))
            .is_some_and(|v| !v.trim().is_empty());
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_percentages_and_errors_with_line_and_column() {
        let cols = IndexColumns::new(["\u{feff}DonViXuLy", "TyLeKetQuaDienTu", "TyLeChiaSeSoHoa"]);
        let f = cols.parse(3, &["A", "85%", "0,5"]).unwrap();
        assert_eq!(f.get(IndexFact::ElectronicResults), Ratio::new(85, 100));
        assert_eq!(f.get(IndexFact::SharedForReuse), Ratio::new(1, 2));
        assert_eq!(f.fields()[8], "0.85");
        let e = cols.parse(4, &["A", "1.2", ""]).unwrap_err();
        assert_eq!((e.line(), e.column()), (Some(4), Some("TyLeKetQuaDienTu")));
        let e = cols.parse(5, &["A", "", "nhiều"]).unwrap_err();
        assert_eq!((e.line(), e.column()), (Some(5), Some("TyLeChiaSeSoHoa")));
    }
}

//! What an indicator is computed from: a per-dossier measure (each dossier resolved in the
//! period gets points, and the points are averaged) or a per-agency measure (from the units
//! file and the period's counts).

use std::fmt;

use serde::Serialize;

use super::index_facts::IndexFact;
use super::points::Ratio;
use super::units::UnitFacts;
use crate::count::Counts;
use crate::dossier::Dossier;

/// Whether a measure is taken on each dossier or once per agency.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// Each dossier resolved in the period; an agency's score is the rounded mean.
    Dossier,
    /// Once per agency and period.
    Agency,
}

/// The values a measure takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// One of a few words.
    Category(&'static [&'static str]),
    /// A whole number ≥ 0.
    Count,
    /// A share, usually between 0 and 1; absent when its denominator is 0.
    Ratio,
}

/// A measured value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Value {
    /// A number (counts are `n/1`).
    Number(Ratio),
    /// A category word.
    Category(&'static str),
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Number(r) => write!(f, "{r}"),
            Self::Category(c) => f.write_str(c),
        }
    }
}

impl Serialize for Value {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Number(r) if r.den == 1 => s.serialize_u64(r.num),
            Self::Number(r) => s.serialize_f64(r.as_f64()),
            Self::Category(c) => s.serialize_str(c),
        }
    }
}

const TIMELINESS: &[&str] = &["early", "on_time", "late"];
const CONDUCT: &[&str] = &["complaint", "early", "on_time", "late"];
const LEVELS: &[&str] = &["tinh", "huyen", "xa", "bo"];

macro_rules! measures {
    ($($v:ident = $name:literal, $scope:ident, $kind:expr, $avail:literal, $desc:literal;)*) => {
        /// A measure an indicator can be computed from; rulebook files name them in `snake_case`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Measure {
            $(#[doc = $desc] $v,)*
        }

        impl Measure {
            /// Every measure.
            pub const ALL: &'static [Self] = &[$(Self::$v),*];

            /// The name used in rulebook files.
            #[must_use]
            pub const fn name(self) -> &'static str {
                match self { $(Self::$v => $name,)* }
            }

            /// What it is, in English.
            #[must_use]
            pub const fn description(self) -> &'static str {
                match self { $(Self::$v => $desc,)* }
            }

            /// Per dossier or per agency.
            #[must_use]
            pub const fn scope(self) -> Scope {
                match self { $(Self::$v => Scope::$scope,)* }
            }

            /// The values it takes.
            #[must_use]
            pub const fn kind(self) -> Kind {
                match self { $(Self::$v => $kind,)* }
            }

            /// Whether contract v1 inputs (dossiers, units file) carry it; a measure they do
            /// not carry leaves its indicator "not measured".
            #[must_use]
            pub const fn is_available(self) -> bool {
                match self { $(Self::$v => $avail,)* }
            }
        }
    };
}

measures! {
    Timeliness = "timeliness", Dossier, Kind::Category(TIMELINESS), true,
        "Per dossier: `early`, `on_time` or `late` (closing date against the due date).";
    StepTimeliness = "step_timeliness", Dossier, Kind::Category(TIMELINESS), true,
        "Per dossier: time taken by each agency involved against its limit; contract v1 has no per-step times, so it equals `timeliness`.";
    Supplements = "supplements", Dossier, Kind::Count, true,
        "Per dossier: times the applicant was asked for supplements (`SoLanBoSung`).";
    Contacts = "contacts", Dossier, Kind::Count, true,
        "Per dossier: agencies the applicant had to contact (`SoCoQuanLienHe`).";
    Conduct = "conduct", Dossier, Kind::Category(CONDUCT), true,
        "Per dossier: `complaint` when `PhanAnh` = 1, else its timeliness.";
    Level = "level", Agency, Kind::Category(LEVELS), true,
        "Agency level (`Cap`): `tinh`, `huyen`, `xa`, `bo`.";
    DeskShare = "desk_share", Agency, Kind::Ratio, true,
        "Units file `TyLeGiaiQuyetTaiMotCua`: share of procedures received, appraised and approved at the desk.";
    FullDeskReceipt = "full_desk_receipt", Agency, Kind::Count, true,
        "Units file `TiepNhanDayDu`: 1 if all eligible procedures are received and returned at the desk, else 0.";
    Publication = "publication", Agency, Kind::Count, true,
        "Units file `CongKhai`: publication of procedures, 0, 1 or 2.";
    PublicationShare = "publication_share", Agency, Kind::Ratio, true,
        "Units file `CongKhai` / 2.";
    FeedbackReceived = "feedback_received", Agency, Kind::Count, true,
        "Units file `PhanAnhTiepNhan`: feedback and petitions received.";
    FeedbackOnTime = "feedback_on_time", Agency, Kind::Count, true,
        "Units file `PhanAnhDungHan`: feedback handled on time.";
    FeedbackDrawnOut = "feedback_drawn_out", Agency, Kind::Count, true,
        "Units file `PhanAnhKeoDai`: feedback drawn out.";
    FeedbackOnTimeRate = "feedback_on_time_rate", Agency, Kind::Ratio, true,
        "`PhanAnhDungHan` / `PhanAnhTiepNhan`; absent when none was received.";
    Procedures = "procedures", Agency, Kind::Count, true,
        "Units file `SoTTHC`: procedures eligible for online service.";
    ProceduresLevel34 = "procedures_level34", Agency, Kind::Count, true,
        "Units file `SoTTHCMucDo34`: procedures offered at level 3/4.";
    ProceduresLevel34Share = "procedures_level34_share", Agency, Kind::Ratio, true,
        "`SoTTHCMucDo34` / `SoTTHC`; absent when `SoTTHC` is 0.";
    OnlineRate = "online_rate", Agency, Kind::Ratio, true,
        "Online level-3/4 dossiers / level-3/4 dossiers received (the report's `online_rate`).";
    OnlineShare = "online_share", Agency, Kind::Ratio, true,
        "Online dossiers / dossiers received.";
    OnlineLateOrOverdue = "online_late_or_overdue", Agency, Kind::Count, true,
        "Online dossiers resolved late in the period plus those pending past their due date at its end.";
    ResolutionRate = "resolution_rate", Agency, Kind::Ratio, true,
        "Resolved / received.";
    OnTimeRate = "on_time_rate", Agency, Kind::Ratio, true,
        "(Early + on time) / resolved.";
    EarlyRate = "early_rate", Agency, Kind::Ratio, true,
        "Early / resolved.";
    SatisfactionRate = "satisfaction_rate", Agency, Kind::Ratio, true,
        "(Very satisfied + satisfied) / ratings.";
    DigitisedShare = "digitised_share", Agency, Kind::Ratio, false,
        "Dossiers and results digitised (not in contract v1 inputs).";
    OnlinePaymentShare = "online_payment_share", Agency, Kind::Ratio, false,
        "Fees paid online (not in contract v1 inputs).";
    FeedbackSatisfactionRate = "feedback_satisfaction_rate", Agency, Kind::Ratio, false,
        "Satisfaction with the handling of feedback (not in contract v1 inputs).";
    ProgressRate = "progress_rate", Agency, Kind::Ratio, true,
        "(Early + on time + pending within due) / (resolved + pending): the 766 index's on-time share, counting pending dossiers still within due as good; absent when both are 0.";
    ReceiptSatisfactionRate = "receipt_satisfaction_rate", Agency, Kind::Ratio, true,
        "(Resolved − resolved dossiers that were late, complained about (`PhanAnh`) or rated dissatisfied) / resolved.";
    FullOnlineRate = "full_online_rate", Agency, Kind::Ratio, true,
        "Level-4 (toàn trình) dossiers received online / level-4 dossiers received.";
    PetitionOnTimeRate = "petition_on_time_rate", Agency, Kind::Ratio, true,
        "`PhanAnhDungHan` / `PhanAnhTiepNhan`, 1 when none was received; absent (not measured) when `PhanAnhTiepNhan` is empty.";
    PublishedOnTimeShare = "published_on_time_share", Agency, Kind::Ratio, true,
        "Units file `TyLeCongBoDungHan`.";
    NationalDatabaseShare = "national_database_share", Agency, Kind::Ratio, true,
        "Units file `TyLeCapNhatCSDLQG`.";
    PublishedCompleteShare = "published_complete_share", Agency, Kind::Ratio, true,
        "Units file `TyLeCongKhaiDayDu`.";
    SyncedShare = "synced_share", Agency, Kind::Ratio, true,
        "Units file `TyLeDongBoHoSo`.";
    PaidOnlineShare = "paid_online_share", Agency, Kind::Ratio, true,
        "Units file `TyLeThanhToanTrucTuyen`.";
    ProceduresPaidOnlineShare = "procedures_paid_online_share", Agency, Kind::Ratio, true,
        "Units file `TyLeTTHCThanhToanTrucTuyen`.";
    PaymentTransactionsShare = "payment_transactions_share", Agency, Kind::Ratio, true,
        "Units file `TyLeGiaoDichThanhToanTrucTuyen`.";
    PetitionSatisfactionShare = "petition_satisfaction_share", Agency, Kind::Ratio, true,
        "Units file `TyLeHaiLongPAKN`.";
    ElectronicResultsShare = "electronic_results_share", Agency, Kind::Ratio, true,
        "Units file `TyLeKetQuaDienTu`.";
    DigitisedComponentsShare = "digitised_components_share", Agency, Kind::Ratio, true,
        "Units file `TyLeSoHoaThanhPhan`.";
    CertifiedCopiesShare = "certified_copies_share", Agency, Kind::Ratio, true,
        "Units file `TyLeBanSaoDienTu`.";
    ReusedDataShare = "reused_data_share", Agency, Kind::Ratio, true,
        "Units file `TyLeTaiSuDungDuLieu`.";
    SharedForReuseShare = "shared_for_reuse_share", Agency, Kind::Ratio, true,
        "Units file `TyLeChiaSeSoHoa`.";
    PopulationDataShare = "population_data_share", Agency, Kind::Ratio, true,
        "Units file `TyLeDungDuLieuDanCu`.";
    PopulationProceduresShare = "population_procedures_share", Agency, Kind::Ratio, true,
        "Units file `TyLeTTHCKetNoiDanCu`.";
}

impl Measure {
    /// The measure with this name.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|m| m.name() == name.trim())
    }

    /// Every name, comma-separated (for error messages).
    #[must_use]
    pub fn known_names(scope: Option<Scope>) -> String {
        Self::ALL
            .iter()
            .filter(|m| scope.is_none_or(|s| m.scope() == s))
            .map(|m| m.name())
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The value index of a per-dossier measure for `d` (category position, or the count);
    /// `None` for per-agency measures.
    #[inline]
    #[must_use]
    pub fn dossier_index(self, d: &Dossier, timeliness: usize) -> Option<u64> {
        match self {
            Self::Timeliness | Self::StepTimeliness => Some(timeliness as u64),
            Self::Conduct => Some(if d.complaint {
                0
            } else {
                timeliness as u64 + 1
            }),
            Self::Supplements => Some(u64::from(d.supplements)),
            Self::Contacts => Some(u64::from(d.contacts)),
            _ => None,
        }
    }

    /// The value of a per-dossier measure at index `i` (see [`Measure::dossier_index`]).
    #[must_use]
    pub fn value_at(self, i: u64) -> Value {
        match self.kind() {
            Kind::Category(words) => Value::Category(words[i as usize]),
            Kind::Count | Kind::Ratio => Value::Number(Ratio::int(i)),
        }
    }

    /// The value of a per-agency measure; `None` when it is absent (a zero denominator, or
    /// data the inputs do not carry).
    #[must_use]
    pub fn agency_value(self, inputs: &AgencyInputs<'_>) -> Option<Value> {
        let (u, c) = (inputs.facts, inputs.counts);
        let n = |v: u64| Some(Value::Number(Ratio::int(v)));
        let r = |num: u64, den: u64| Ratio::new(num, den).map(Value::Number);
        match self {
            Self::Level => Some(Value::Category(u.level.code())),
            Self::DeskShare => Some(Value::Number(u.desk_share)),
            Self::FullDeskReceipt => n(u64::from(u.full_desk_receipt)),
            Self::Publication => n(u64::from(u.publication)),
            Self::PublicationShare => r(u64::from(u.publication), 2),
            Self::FeedbackReceived => n(u.feedback_received),
            Self::FeedbackOnTime => n(u.feedback_on_time),
            Self::FeedbackDrawnOut => n(u.feedback_drawn_out),
            Self::FeedbackOnTimeRate => r(u.feedback_on_time, u.feedback_received),
            Self::Procedures => n(u.procedures),
            Self::ProceduresLevel34 => n(u.procedures_level34),
            Self::ProceduresLevel34Share => r(u.procedures_level34, u.procedures),
            Self::OnlineRate => r(c.received_online_level34, c.received_level34),
            Self::OnlineShare => r(c.received_online, c.received),
            Self::OnlineLateOrOverdue => n(inputs.online_late + inputs.online_overdue),
            Self::ResolutionRate => r(c.resolved, c.received),
            Self::OnTimeRate => r(c.resolved_early + c.resolved_on_time, c.resolved),
            Self::EarlyRate => r(c.resolved_early, c.resolved),
            Self::SatisfactionRate => r(c.ratings_very_satisfied + c.ratings_satisfied, c.ratings),
            Self::ProgressRate => r(
                c.resolved_early + c.resolved_on_time + c.pending_within_due,
                c.resolved + c.pending,
            ),
            Self::ReceiptSatisfactionRate => {
                r(c.resolved.saturating_sub(inputs.unsatisfied), c.resolved)
            }
            Self::FullOnlineRate => r(inputs.level4_online, inputs.level4),
            Self::PetitionOnTimeRate if u.index.petitions_given => {
                r(u.feedback_on_time, u.feedback_received).or(n(1))
            }
            _ => self
                .index_fact()
                .and_then(|f| u.index.get(f))
                .map(Value::Number),
        }
    }

    /// The units-file fact a national-index measure reads, if it is one.
    #[must_use]
    pub const fn index_fact(self) -> Option<IndexFact> {
        Some(match self {
            Self::PublishedOnTimeShare => IndexFact::PublishedOnTime,
            Self::NationalDatabaseShare => IndexFact::NationalDatabase,
            Self::PublishedCompleteShare => IndexFact::PublishedComplete,
            Self::SyncedShare => IndexFact::Synced,
            Self::PaidOnlineShare => IndexFact::PaidOnline,
            Self::ProceduresPaidOnlineShare => IndexFact::ProceduresPaidOnline,
            Self::PaymentTransactionsShare => IndexFact::PaymentTransactions,
            Self::PetitionSatisfactionShare => IndexFact::PetitionSatisfaction,
            Self::ElectronicResultsShare => IndexFact::ElectronicResults,
            Self::DigitisedComponentsShare => IndexFact::DigitisedComponents,
            Self::CertifiedCopiesShare => IndexFact::CertifiedCopies,
            Self::ReusedDataShare => IndexFact::ReusedData,
            Self::SharedForReuseShare => IndexFact::SharedForReuse,
            Self::PopulationDataShare => IndexFact::PopulationData,
            Self::PopulationProceduresShare => IndexFact::PopulationProcedures,
            _ => return None,
        })
    }
}

impl fmt::Display for Measure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Everything a per-agency measure is computed from.
#[derive(Debug, Clone, Copy)]
pub struct AgencyInputs<'a> {
    /// The agency's facts (from the units file, or the defaults).
    pub facts: &'a UnitFacts,
    /// The agency's counts for the period.
    pub counts: &'a Counts,
    /// Online dossiers resolved late in the period.
    pub online_late: u64,
    /// Online dossiers pending past their due date at the period's end.
    pub online_overdue: u64,
    /// Dossiers resolved in the period that were late, complained about or rated
    /// dissatisfied (each counted once).
    pub unsatisfied: u64,
    /// Dossiers received in the period whose procedure is at level 4 (toàn trình).
    pub level4: u64,
    /// … of which received online.
    pub level4_online: u64,
}

//! Dossiers as the counting code sees them, agencies and officials interned as small ids,
//! and [`Dataset`], a validated table of dossiers held in memory.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::codes::{Channel, OnlineLevel, Rating, Status, StatusGroup};
use crate::record::RowError;

/// Index of an agency (`DonViXuLy`) in an [`Interner`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct AgencyId(pub u32);

/// Index of an official (`CanBoTiepNhan`) in an [`Interner`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct OfficialId(pub u32);

/// Index of a procedure (`MaTTHC`) in an [`Interner`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ProcedureId(pub u32);

/// Index of a field (lĩnh vực, `MaLinhVuc` or the catalog's) in an [`Interner`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FieldId(pub u32);

/// A received dossier, validated, with its due date resolved against a work calendar.
///
/// Rows with status 1 or 3 are not received dossiers and never become a `Dossier`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dossier {
    /// Agency that resolves it.
    pub agency: AgencyId,
    /// Official who received it, if recorded.
    pub official: Option<OfficialId>,
    /// Its procedure (`MaTTHC`), if recorded.
    pub procedure: Option<ProcedureId>,
    /// Its field: the row's `MaLinhVuc`, else the procedure catalog's.
    pub field: Option<FieldId>,
    /// Where its record starts in the input (contract section 6a).
    pub line: u64,
    /// Receipt date `r`, as recorded (UTC+7).
    pub received: NaiveDate,
    /// Receipt time of day in seconds after midnight, when the record gave a time.
    pub received_time: Option<u32>,
    /// Due date `d`: `NgayHenTra`, or computed from `ThoiHanGiaiQuyet`.
    pub due: NaiveDate,
    /// Closing date `c` for statuses 7–10; `None` while open.
    pub closed: Option<NaiveDate>,
    /// Status at extraction time.
    pub status: Status,
    /// How it was submitted.
    pub channel: Channel,
    /// Online-service level of its procedure; `None` when not given.
    pub level: Option<OnlineLevel>,
    /// Satisfaction rating, if any.
    pub rating: Option<Rating>,
    /// Times the applicant was asked for supplements (`SoLanBoSung`).
    pub supplements: u32,
    /// Agencies the applicant had to contact (`SoCoQuanLienHe`, defaulted by channel).
    pub contacts: u32,
    /// A verified complaint about officials' conduct (`PhanAnh`).
    pub complaint: bool,
}

impl Dossier {
    /// The status group (never [`StatusGroup::NotReceived`] for a `Dossier`).
    #[must_use]
    pub fn group(&self) -> StatusGroup {
        self.status.group()
    }

    /// Whether its procedure is offered at level 3 or 4.
    #[must_use]
    pub fn is_level34(&self) -> bool {
        self.level.is_some_and(OnlineLevel::is_level34)
    }
}

/// Maps text codes to dense ids, in order of first appearance.
#[derive(Debug, Clone, Default)]
pub struct Interner {
    names: Vec<Box<str>>,
    index: HashMap<Box<str>, u32>,
}

impl Interner {
    /// An empty interner.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// The id of `name`, adding it if new. Names are compared after Unicode NFC
    /// normalisation: one agency written composed and decomposed is one agency.
    pub fn intern(&mut self, name: &str) -> u32 {
        let name = &*crate::profile::nfc(name);
        if let Some(&i) = self.index.get(name) {
            return i;
        }
        let i = u32::try_from(self.names.len()).expect("fewer than 2^32 distinct codes");
        self.names.push(name.into());
        self.index.insert(name.into(), i);
        i
    }

    /// The id of `name`, if known.
    #[must_use]
    pub fn get(&self, name: &str) -> Option<u32> {
        self.index.get(&*crate::profile::nfc(name)).copied()
    }

    /// The name of id `i`.
    #[must_use]
    pub fn name(&self, i: u32) -> &str {
        &self.names[i as usize]
    }

    /// All names, by id.
    pub fn names(&self) -> impl ExactSizeIterator<Item = &str> {
        self.names.iter().map(AsRef::as_ref)
    }

    /// Number of distinct names.
    #[must_use]
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// Whether no name was interned.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }
}

/// What happened to the input rows (contract sections 6 and 7):
/// `rows = used + rejected + not_received`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InputSummary {
    /// Data rows read (the header not included).
    pub rows: u64,
    /// Rows that became dossiers.
    pub used: u64,
    /// Rows rejected as bad; each is listed in `errors`.
    pub rejected: u64,
    /// Valid rows with status 1 or 3.
    pub not_received: u64,
    /// Used rows whose online-service level is known from neither the row nor the
    /// procedure catalog (they are outside `received_level34`, which explains an absent
    /// online rate).
    #[serde(default)]
    pub without_level: u64,
    /// The source profile the rows were read through (contract 14): a built-in's name, a
    /// profile file's `name`, else its path.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profile: Option<String>,
    /// One entry per rejected row, in input order.
    pub errors: Vec<RowError>,
}

impl InputSummary {
    /// Contract section 15, exit status 3: rows were rejected and none was used, or the
    /// rejected share is strictly greater than `max_rejected` percent.
    #[must_use]
    pub fn too_many_rejected(&self, max_rejected: Option<f64>) -> bool {
        if self.rows == 0 || self.rejected == 0 {
            return false;
        }
        // contract 15: rows were rejected and none was used (rows not received do not
        // count as used)
        if self.used == 0 {
            return true;
        }
        max_rejected.is_some_and(|m| self.rejected as f64 * 100.0 / self.rows as f64 > m)
    }

    /// Adds another part of the same input (read separately, e.g. by another thread).
    /// The errors end up sorted by line.
    pub fn merge(&mut self, other: Self) {
        self.append(other);
        self.errors.sort_by_key(|e| e.line);
    }

    /// Adds the summary of the next input read as part of this one (several files): the
    /// counts add up, the errors follow in input order (each names its file), the profile
    /// stays the first input's.
    pub fn append(&mut self, other: Self) {
        self.rows += other.rows;
        self.used += other.used;
        self.rejected += other.rejected;
        self.not_received += other.not_received;
        self.without_level += other.without_level;
        if self.profile.is_none() {
            self.profile = other.profile;
        }
        self.errors.extend(other.errors);
    }
}

/// A validated table of dossiers held in memory, with its agencies, officials and the
/// summary of the rows it was read from.
#[derive(Debug, Clone, Default)]
pub struct Dataset {
    /// Agency codes; `Dossier::agency` indexes this.
    pub agencies: Interner,
    /// Official codes; `Dossier::official` indexes this.
    pub officials: Interner,
    /// Procedure codes; `Dossier::procedure` indexes this.
    pub procedures: Interner,
    /// Field codes; `Dossier::field` indexes this.
    pub fields: Interner,
    /// The received dossiers, in input order.
    pub dossiers: Vec<Dossier>,
    /// Rows read, used, rejected, not received, with the errors.
    pub input: InputSummary,
}

impl Dataset {
    /// Number of dossiers.
    #[must_use]
    pub fn len(&self) -> usize {
        self.dossiers.len()
    }

    /// Whether there is no dossier.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.dossiers.is_empty()
    }

    /// The code of an agency id.
    #[must_use]
    pub fn agency_code(&self, id: AgencyId) -> &str {
        self.agencies.name(id.0)
    }

    /// The code of an official id.
    #[must_use]
    pub fn official_code(&self, id: OfficialId) -> &str {
        self.officials.name(id.0)
    }
}

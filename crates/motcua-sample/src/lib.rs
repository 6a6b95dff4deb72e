//! Synthetic dossier data in the contract's CSV columns: the `soc-trang-2021` profile,
//! whose counts reproduce the Sóc Trăng Public Administration Service Center's published
//! figures for Q3 2021 (and Q2 2021), and `random` data of any size for benchmarks.
//!
//! Generation is pure and deterministic: the same profile and calendar always give the
//! same rows. Rows stream into a callback as [`SampleRecord`]s (one record is reused), so
//! a `random` profile of any size runs in constant memory.
//!
//! The due dates that rows give as `ThoiHanGiaiQuyet` are computed by the calendar that
//! reads them, so read the rows with the calendar they were generated with
//! (`Calendar::vn()` for the figures below).
//!
//! ```
//! use motcua_core::calendar::Calendar;
//! use motcua_core::record::{Header, Ingest, parse_row};
//! use motcua_sample::{HEADER, Profile, generate};
//!
//! let cal = Calendar::vn();
//! let header = Header::new(HEADER).unwrap();
//! let mut ingest = Ingest::new(true);
//! let mut line = 1;
//! let mut dossiers = 0;
//! let profile: Profile = "random:1000:7".parse().unwrap();
//! generate(&profile, &cal, |rec| {
//!     line += 1;
//!     let row = parse_row(|c| header.index(c).map_or("", |i| rec.field(i)), &cal);
//!     dossiers += usize::from(ingest.accept(line, row).unwrap().is_some());
//! });
//! assert_eq!(ingest.input.rows, 1000);
//! assert_eq!(ingest.input.used as usize, dossiers);
//! ```
//!
//! ## `soc-trang-2021`
//!
//! About 36 000 rows (≈ 4,5 MB of CSV) of dossiers received from mid-March to September
//! 2021 at 17 agencies named after Sóc Trăng's departments ([`agencies`]). Counted with
//! `Calendar::vn()`, period `2021-Q3` gives: received 12 656 (online 8 694, all of level-3/4
//! procedures; level 3/4 in all 11 906), resolved 12 085 (early 12 078, on time 5, late 2),
//! 609 ratings, all "satisfied" or "very satisfied"; `2021-Q2` gives received 22 758,
//! online 7 670. Nothing is received in person in July and August 2021. Some dossiers are
//! carried over from Q2 (and a few from March), some are still open on 30 September (a
//! few overdue), some were withdrawn or stopped, and a few rows have status 1 or 3.

mod catalog;
mod days;
mod place;
mod plan;
mod random;
mod record;
mod rng;
mod soc_trang;
pub mod units;
mod units_data;

use std::fmt;
use std::str::FromStr;

pub use record::{HEADER, SampleRecord};

use motcua_core::calendar::Calendar;

/// What to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Profile {
    /// The Sóc Trăng Center's Q2 and Q3 2021 (`soc-trang-2021`).
    SocTrang2021,
    /// `rows` rows of realistic 2021–2022 data, the same for the same `seed`
    /// (`random:ROWS[:SEED]`, seed 1 by default).
    Random {
        /// Rows to generate (status 1 and 3 rows included).
        rows: u64,
        /// Seed of the pseudo-random generator.
        seed: u64,
    },
}

/// The known profile names, as [`Profile`] parses them.
pub const PROFILES: [&str; 2] = ["soc-trang-2021", "random:ROWS[:SEED]"];

/// A profile name that is not known.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown sample profile '{0}' (known profiles: soc-trang-2021, random:ROWS[:SEED], e.g. random:1000000:42)"
)]
pub struct ProfileError(pub String);

impl FromStr for Profile {
    type Err = ProfileError;

    fn from_str(s: &str) -> Result<Self, ProfileError> {
        let t = s.trim();
        if t.eq_ignore_ascii_case("soc-trang-2021") {
            return Ok(Self::SocTrang2021);
        }
        let err = || ProfileError(t.to_owned());
        let rest = t.strip_prefix("random:").ok_or_else(err)?;
        let (rows, seed) = match rest.split_once(':') {
            Some((r, s)) => (r, s.parse().map_err(|_| err())?),
            None => (rest, 1),
        };
        let rows = rows.replace('_', "").parse().map_err(|_| err())?;
        Ok(Self::Random { rows, seed })
    }
}

impl fmt::Display for Profile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::SocTrang2021 => f.write_str("soc-trang-2021"),
            Self::Random { rows, seed } => write!(f, "random:{rows}:{seed}"),
        }
    }
}

/// How the generated rows write their timestamps.
///
/// The choice changes only the text of `NgayTiepNhan`, `NgayHenTra`, `NgayKetThucXuLy` and
/// `NgayTra`: the same profile gives the same dossiers, and so the same counts, in either
/// form.
///
/// ```
/// use motcua_sample::Timestamps;
/// assert_eq!("portal".parse::<Timestamps>(), Ok(Timestamps::Portal));
/// assert_eq!(Timestamps::default(), Timestamps::Mixed);
/// assert!("iso".parse::<Timestamps>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Timestamps {
    /// The contract's several forms mixed as real exports mix them (`mixed`, the default):
    /// `yyyy-MM-dd HH:mm:ss`, `yyyyMMddHHmmss`, `yyyy-MM-ddTHH:mm:ss`, `dd/MM/yyyy HH:mm:ss`
    /// and dates alone for some due dates.
    #[default]
    Mixed,
    /// Every timestamp in the national portal's own form `yyyyMMddHHmmss` (`portal`); a due
    /// date is written at 17:00:00.
    Portal,
}

/// The names of [`Timestamps`], as it parses them.
pub const TIMESTAMP_FORMS: [&str; 2] = ["mixed", "portal"];

/// A timestamp form name that is not known.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown timestamp form '{0}' (known forms: mixed, portal)")]
pub struct TimestampsError(pub String);

impl FromStr for Timestamps {
    type Err = TimestampsError;

    fn from_str(s: &str) -> Result<Self, TimestampsError> {
        let t = s.trim();
        if t.eq_ignore_ascii_case("mixed") {
            Ok(Self::Mixed)
        } else if t.eq_ignore_ascii_case("portal") {
            Ok(Self::Portal)
        } else {
            Err(TimestampsError(t.to_owned()))
        }
    }
}

impl fmt::Display for Timestamps {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Mixed => "mixed",
            Self::Portal => "portal",
        })
    }
}

/// Generates `profile` into `sink`, one row at a time (the record is reused between
/// calls). Due dates and working days follow `calendar`; read the rows with the same one.
/// Timestamps are in the mixed forms ([`generate_with`] chooses).
pub fn generate(profile: &Profile, calendar: &Calendar, sink: impl FnMut(&SampleRecord)) {
    generate_with(profile, calendar, Timestamps::Mixed, sink);
}

/// As [`generate`], with the timestamps written in `timestamps`' form.
///
/// ```
/// use motcua_core::calendar::Calendar;
/// use motcua_sample::{Profile, Timestamps, generate_with};
///
/// let profile: Profile = "random:100:3".parse().unwrap();
/// generate_with(&profile, &Calendar::vn(), Timestamps::Portal, |rec| {
///     let received = rec.field(5); // NgayTiepNhan
///     assert!(received.len() == 14 && received.bytes().all(|b| b.is_ascii_digit()));
/// });
/// ```
pub fn generate_with(
    profile: &Profile,
    calendar: &Calendar,
    timestamps: Timestamps,
    mut sink: impl FnMut(&SampleRecord),
) {
    match *profile {
        Profile::SocTrang2021 => soc_trang::generate(calendar, timestamps, &mut sink),
        Profile::Random { rows, seed } => {
            random::generate(rows, seed, calendar, timestamps, &mut sink);
        }
    }
}

/// The 17 agencies of the sample: `(code, Vietnamese name, English name)`, as in
/// `DonViXuLy`. Six are named in the Sóc Trăng report; the others are typical provincial
/// departments.
#[must_use]
pub fn agencies() -> &'static [(&'static str, &'static str, &'static str)] {
    &catalog::AGENCIES
}

/// The agencies' grading facts (a units file, contract section 9) that go with `profile`:
/// for `soc-trang-2021` the facts that grade every agency Xuất sắc in Q3/2021, for random
/// data the defaults with the agencies' names.
#[must_use]
pub fn units_for(profile: &Profile) -> motcua_core::grading::Units {
    let facts = match profile {
        Profile::SocTrang2021 => units::soc_trang_2021_units(),
        Profile::Random { .. } => agencies()
            .iter()
            .map(|(code, name, _)| {
                let mut f = motcua_core::grading::UnitFacts::new(*code);
                f.name = Some((*name).to_owned());
                f
            })
            .collect(),
    };
    let mut u = motcua_core::grading::Units::new();
    for (i, f) in facts.into_iter().enumerate() {
        u.insert(i as u64 + 2, f)
            .expect("the sample's agencies are distinct");
    }
    u
}

#[cfg(test)]
mod tests;

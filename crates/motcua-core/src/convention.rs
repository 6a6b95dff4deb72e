//! The counting conventions of other systems, as explicit options. The contract's rules
//! (section 5) are the default; each convention changes one rule, and every output that
//! applies one names it ([`Conventions::applied`]).
//!
//! ```
//! use motcua_core::convention::Conventions;
//! let c: Conventions = "waiting-as-within-due,online-without-postal".parse().unwrap();
//! assert!(c.waiting_as_within_due && c.online_without_postal);
//! assert_eq!(c.applied(), ["waiting_as_within_due", "online_without_postal"]);
//! assert!(Conventions::default().applied().is_empty());
//! ```

use serde::{Deserialize, Serialize};

use crate::codes::Status;
use crate::format::Lang;

/// Which conventions apply; all off is the contract.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct Conventions {
    /// The one-stop systems' Biểu 06a: dossiers waiting for supplements or fees (statuses 5
    /// and 6) are pending *within due* whatever their due date, and stopped ones (8) are
    /// pending within due instead of closed.
    pub waiting_as_within_due: bool,
    /// Withdrawn dossiers (7) count as resolved on time when closed in the period; stopped
    /// ones (8) as pending (by their due date).
    pub withdrawn_as_on_time: bool,
    /// The national index's online share: postal dossiers are left out of its denominator
    /// (`received_level34` then counts no postal dossier).
    pub online_without_postal: bool,
    /// A dossier received on a closed day (a weekend or holiday) has the first working day
    /// after it as day 1 of its time limit, not the day after that (contract section 4):
    /// its due date is one working day earlier. It applies while the table is read.
    pub closed_day_as_day_one: bool,
}

/// A convention name that is not known.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown convention '{0}': use waiting-as-within-due, withdrawn-as-on-time, online-without-postal or closed-day-as-day-one"
)]
pub struct ConventionError(pub String);

impl std::str::FromStr for Conventions {
    type Err = ConventionError;
    fn from_str(s: &str) -> Result<Self, ConventionError> {
        let mut c = Self::default();
        for name in s.split(',').map(str::trim).filter(|n| !n.is_empty()) {
            match name.replace('_', "-").to_ascii_lowercase().as_str() {
                "waiting-as-within-due" => c.waiting_as_within_due = true,
                "withdrawn-as-on-time" => c.withdrawn_as_on_time = true,
                "online-without-postal" => c.online_without_postal = true,
                "closed-day-as-day-one" => c.closed_day_as_day_one = true,
                _ => return Err(ConventionError(name.to_owned())),
            }
        }
        Ok(c)
    }
}

/// What a dossier is under the conventions, for counting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Treat {
    /// As the contract says.
    AsIs,
    /// Open, and pending within due at any period end.
    OpenWithinDue,
    /// Open, by its due date.
    Open,
    /// Resolved on time at its closing date.
    ResolvedOnTime,
}

impl Conventions {
    /// Whether every rule is the contract's.
    #[must_use]
    pub fn is_contract(&self) -> bool {
        *self == Self::default()
    }

    /// The names of the conventions applied, in a fixed order (as JSON writes them).
    #[must_use]
    pub fn applied(&self) -> Vec<&'static str> {
        [
            (self.waiting_as_within_due, "waiting_as_within_due"),
            (self.withdrawn_as_on_time, "withdrawn_as_on_time"),
            (self.online_without_postal, "online_without_postal"),
            (self.closed_day_as_day_one, "closed_day_as_day_one"),
        ]
        .into_iter()
        .filter_map(|(on, n)| on.then_some(n))
        .collect()
    }

    /// A line naming a convention for the text outputs.
    #[must_use]
    pub fn describe(name: &str, lang: Lang) -> &'static str {
        match (name, lang) {
            ("waiting_as_within_due", Lang::Vi) => {
                "hồ sơ chờ bổ sung, chờ thực hiện nghĩa vụ tài chính (5, 6) và dừng xử lý (8) tính là đang giải quyết trong hạn"
            }
            ("waiting_as_within_due", Lang::En) => {
                "dossiers waiting for supplements or fees (5, 6) and stopped ones (8) counted as pending within due"
            }
            ("withdrawn_as_on_time", Lang::Vi) => {
                "hồ sơ rút (7) tính là giải quyết đúng hạn, hồ sơ dừng xử lý (8) tính là đang giải quyết"
            }
            ("withdrawn_as_on_time", Lang::En) => {
                "withdrawn dossiers (7) counted as resolved on time, stopped ones (8) as pending"
            }
            ("online_without_postal", Lang::Vi) => {
                "tỷ lệ trực tuyến không tính hồ sơ bưu chính ở mẫu số"
            }
            ("online_without_postal", Lang::En) => {
                "online share without postal dossiers in its denominator"
            }
            ("closed_day_as_day_one", Lang::Vi) => {
                "hồ sơ tiếp nhận vào ngày nghỉ: ngày làm việc đầu tiên sau đó là ngày thứ nhất của thời hạn"
            }
            ("closed_day_as_day_one", Lang::En) => {
                "dossiers received on a closed day: the first working day after it is day 1 of the time limit"
            }
            _ => "",
        }
    }

    /// How a dossier of `status` is counted.
    #[inline]
    pub(crate) fn treat(self, status: Status) -> Treat {
        match status {
            Status::AwaitingSupplement | Status::AwaitingPayment | Status::Stopped
                if self.waiting_as_within_due =>
            {
                Treat::OpenWithinDue
            }
            Status::Withdrawn if self.withdrawn_as_on_time => Treat::ResolvedOnTime,
            Status::Stopped if self.withdrawn_as_on_time => Treat::Open,
            _ => Treat::AsIs,
        }
    }
}

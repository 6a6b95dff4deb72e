//! Counting a period (contract section 5) as mergeable partial aggregates.
//!
//! [`Counts`] holds the nineteen counts of one agency or of the total; adding two `Counts` is
//! associative and commutative, so a dataset can be counted in chunks, on threads or on many
//! machines, and merged. [`Tally`] keys `Counts` by agency code, so that chunks read with
//! different interners still merge. [`Counter`] is the hot loop over in-memory dossiers.
//!
//! ```
//! use motcua_core::count::{Counts, Tally};
//! let mut a = Tally::default();
//! a.add("STP", &Counts { received: 2, ..Counts::default() });
//! let mut b = Tally::default();
//! b.add("STP", &Counts { received: 3, ..Counts::default() });
//! b.add("SYT", &Counts { received: 1, ..Counts::default() });
//! a.merge(&b);
//! assert_eq!(a.total().received, 6);
//! assert_eq!(a.agencies["STP"].received, 5);
//! ```

use std::collections::BTreeMap;
use std::ops::{Add, AddAssign};

use serde::{Deserialize, Serialize};

use crate::codes::{Channel, Rating, StatusGroup};
use crate::convention::{Conventions, Treat};
use crate::dossier::{Dataset, Dossier};
use crate::period::Period;

macro_rules! counts {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {
        /// The counts of contract section 5 for one agency, or for all.
        #[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub struct Counts {
            $($(#[$doc])* pub $name: u64,)*
        }

        impl Counts {
            /// The names of the counts, in the contract's order.
            pub const NAMES: &'static [&'static str] = &[$(stringify!($name)),*];

            /// The counts in the contract's order, as `NAMES` names them.
            #[must_use]
            pub fn values(&self) -> Vec<u64> {
                vec![$(self.$name),*]
            }

            /// The count with this name.
            #[must_use]
            pub fn get(&self, name: &str) -> Option<u64> {
                match name {
                    $(stringify!($name) => Some(self.$name),)*
                    _ => None,
                }
            }
        }

        impl AddAssign<&Counts> for Counts {
            fn add_assign(&mut self, o: &Counts) {
                $(self.$name += o.$name;)*
            }
        }
    };
}

counts! {
    /// `from ≤ r ≤ to`.
    received,
    /// Received online (`KenhThucHien` 2).
    received_online,
    /// Received in person (1).
    received_in_person,
    /// Received by post (3).
    received_postal,
    /// `r < from`, and open or `c ≥ from`.
    carried_over,
    /// Status 9/10 closed in the period.
    resolved,
    /// Resolved with `c < d`.
    resolved_early,
    /// Resolved with `c = d`.
    resolved_on_time,
    /// Resolved with `c > d`.
    resolved_late,
    /// Status 7/8 closed in the period.
    closed_without_result,
    /// `r ≤ to`, and open or `c > to`.
    pending,
    /// Pending with `d ≥ to`.
    pending_within_due,
    /// Pending with `d < to`.
    pending_overdue,
    /// Received, procedure at level 3/4.
    received_level34,
    /// Received online, procedure at level 3/4.
    received_online_level34,
    /// Resolved in the period with a rating.
    ratings,
    /// … rated 3.
    ratings_very_satisfied,
    /// … rated 2.
    ratings_satisfied,
    /// … rated 1.
    ratings_dissatisfied,
}

impl Add for Counts {
    type Output = Self;
    fn add(mut self, o: Self) -> Self {
        self += &o;
        self
    }
}

impl Counts {
    /// Counts one dossier into `self` for `period` (contract section 5).
    #[inline]
    pub fn count(&mut self, d: &Dossier, period: &Period) {
        self.count_with(d, period, &Conventions::default());
    }

    /// Counts one dossier under `conventions` (the contract's rules when all are off).
    #[inline]
    pub fn count_with(&mut self, d: &Dossier, period: &Period, conventions: &Conventions) {
        let (from, to) = (period.from(), period.to());
        let r = d.received;
        if r > to {
            return;
        }
        let treat = conventions.treat(d.status);
        let group = match treat {
            Treat::AsIs => d.group(),
            Treat::ResolvedOnTime => StatusGroup::Resolved,
            Treat::Open | Treat::OpenWithinDue => StatusGroup::Open,
        };
        let closed = match group {
            StatusGroup::Resolved | StatusGroup::ClosedWithoutResult => d.closed,
            _ => None,
        };
        if r >= from {
            self.received += 1;
            match d.channel {
                Channel::Online => self.received_online += 1,
                Channel::InPerson => self.received_in_person += 1,
                Channel::Postal => self.received_postal += 1,
            }
            if d.is_level34()
                && !(conventions.online_without_postal && d.channel == Channel::Postal)
            {
                self.received_level34 += 1;
                if d.channel == Channel::Online {
                    self.received_online_level34 += 1;
                }
            }
        } else if closed.is_none_or(|c| c >= from) {
            self.carried_over += 1;
        } else {
            return;
        }
        match closed {
            Some(c) if c <= to => {
                if group == StatusGroup::Resolved {
                    self.resolved += 1;
                    let due = if treat == Treat::ResolvedOnTime {
                        c
                    } else {
                        d.due
                    };
                    match c.cmp(&due) {
                        std::cmp::Ordering::Less => self.resolved_early += 1,
                        std::cmp::Ordering::Equal => self.resolved_on_time += 1,
                        std::cmp::Ordering::Greater => self.resolved_late += 1,
                    }
                    if let Some(rating) = d.rating {
                        self.ratings += 1;
                        match rating {
                            Rating::VerySatisfied => self.ratings_very_satisfied += 1,
                            Rating::Satisfied => self.ratings_satisfied += 1,
                            Rating::Dissatisfied => self.ratings_dissatisfied += 1,
                        }
                    }
                } else {
                    self.closed_without_result += 1;
                }
            }
            _ => {
                self.pending += 1;
                if treat == Treat::OpenWithinDue || d.due >= to {
                    self.pending_within_due += 1;
                } else {
                    self.pending_overdue += 1;
                }
            }
        }
    }

    /// Whether `received + carried_over = resolved + closed_without_result + pending`.
    #[must_use]
    pub fn balances(&self) -> bool {
        self.received + self.carried_over
            == self.resolved + self.closed_without_result + self.pending
    }

    /// Whether every sub-count adds up to its whole.
    #[must_use]
    pub fn is_consistent(&self) -> bool {
        self.balances()
            && self.received
                == self.received_online + self.received_in_person + self.received_postal
            && self.resolved == self.resolved_early + self.resolved_on_time + self.resolved_late
            && self.pending == self.pending_within_due + self.pending_overdue
            && self.ratings
                == self.ratings_very_satisfied + self.ratings_satisfied + self.ratings_dissatisfied
    }
}

/// Counts keyed by agency code: a partial aggregate that merges by name.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    /// Counts of each agency, sorted by code.
    pub agencies: BTreeMap<String, Counts>,
}

impl Tally {
    /// Adds `c` to agency `code`.
    pub fn add(&mut self, code: &str, c: &Counts) {
        match self.agencies.get_mut(code) {
            Some(e) => *e += c,
            None => {
                self.agencies.insert(code.to_owned(), *c);
            }
        }
    }

    /// Adds another partial aggregate.
    pub fn merge(&mut self, other: &Self) {
        for (code, c) in &other.agencies {
            self.add(code, c);
        }
    }

    /// The sum over all agencies.
    #[must_use]
    pub fn total(&self) -> Counts {
        self.agencies
            .values()
            .fold(Counts::default(), |a, b| a + *b)
    }
}

/// Counts dossiers into one period and, optionally, its previous period, per agency id.
#[derive(Debug, Clone)]
pub struct Counter {
    conventions: Conventions,
    periods: Vec<Period>,
    /// `counts[p][agency]`.
    counts: Vec<Vec<Counts>>,
}

impl Counter {
    /// A counter for these periods (usually the period and the one before).
    #[must_use]
    pub fn new(periods: &[Period]) -> Self {
        Self {
            conventions: Conventions::default(),
            periods: periods.to_vec(),
            counts: vec![Vec::new(); periods.len()],
        }
    }

    /// The same counter under `conventions`.
    #[must_use]
    pub fn with_conventions(mut self, conventions: Conventions) -> Self {
        self.conventions = conventions;
        self
    }

    /// Counts one dossier into every period; agencies are `Dossier::agency` ids.
    #[inline]
    pub fn count(&mut self, d: &Dossier) {
        let a = d.agency.0 as usize;
        for (p, counts) in self.periods.iter().zip(&mut self.counts) {
            if counts.len() <= a {
                counts.resize(a + 1, Counts::default());
            }
            counts[a].count_with(d, p, &self.conventions);
        }
    }

    /// Counts a slice of dossiers.
    pub fn count_all(&mut self, ds: &[Dossier]) {
        for d in ds {
            self.count(d);
        }
    }

    /// Makes sure agency id `a` appears even with zero counts (every agency with a used row
    /// is listed in the report).
    pub fn touch(&mut self, a: u32) {
        for counts in &mut self.counts {
            if counts.len() <= a as usize {
                counts.resize(a as usize + 1, Counts::default());
            }
        }
    }

    /// The counts by agency name, one [`Tally`] per period.
    #[must_use]
    pub fn into_tallies(self, agency_name: impl Fn(u32) -> String) -> Vec<Tally> {
        self.counts
            .into_iter()
            .map(|counts| {
                let mut t = Tally::default();
                for (i, c) in counts.iter().enumerate() {
                    t.add(&agency_name(i as u32), c);
                }
                t
            })
            .collect()
    }
}

/// Counts a whole dataset for `periods`; every agency of the dataset is listed.
#[must_use]
pub fn count_dataset(ds: &Dataset, periods: &[Period]) -> Vec<Tally> {
    let mut counter = Counter::new(periods);
    if !ds.agencies.is_empty() {
        counter.touch(ds.agencies.len() as u32 - 1);
    }
    counter.count_all(&ds.dossiers);
    counter.into_tallies(|i| ds.agencies.name(i).to_owned())
}

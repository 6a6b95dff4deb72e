//! Scoring rules: thresholds to points, a lookup table, or a proportional score; and the
//! conditions they test (`online_rate >= 0.3`, `level = tinh`).

use std::fmt;

use serde::Serialize;

use super::measure::{Kind, Measure, Value};
use super::points::{Points, Ratio, Rounding};

/// A comparison in a condition.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Cmp {
    /// `>=`
    Ge,
    /// `>`
    Gt,
    /// `<=`
    Le,
    /// `<`
    Lt,
    /// `=`
    Eq,
    /// `!=`
    Ne,
}

impl Cmp {
    const SPELLINGS: [(&'static str, Self); 10] = [
        (">=", Self::Ge),
        ("≥", Self::Ge),
        ("<=", Self::Le),
        ("≤", Self::Le),
        ("!=", Self::Ne),
        ("≠", Self::Ne),
        ("==", Self::Eq),
        (">", Self::Gt),
        ("<", Self::Lt),
        ("=", Self::Eq),
    ];

    const fn symbol(self) -> &'static str {
        match self {
            Self::Ge => ">=",
            Self::Gt => ">",
            Self::Le => "<=",
            Self::Lt => "<",
            Self::Eq => "=",
            Self::Ne => "!=",
        }
    }
}

/// The right-hand side of a condition, or a lookup key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Operand {
    /// A number.
    Number(Ratio),
    /// A category word.
    Word(&'static str),
}

impl fmt::Display for Operand {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Number(r) => write!(f, "{r}"),
            Self::Word(w) => f.write_str(w),
        }
    }
}

/// One test on a measure: `measure cmp operand`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Condition {
    /// What is tested.
    pub measure: Measure,
    /// How.
    pub cmp: Cmp,
    /// Against what.
    pub operand: Operand,
}

impl Condition {
    /// Reads `measure op value`; `op` is one of `>= > <= < = !=` (or `≥ ≤ ≠`).
    pub fn parse(text: &str) -> Result<Self, String> {
        let t = text.trim();
        let (at, sym, cmp) = Cmp::SPELLINGS
            .iter()
            .filter_map(|(s, c)| t.find(s).map(|i| (i, *s, *c)))
            .min_by_key(|(i, s, _)| (*i, std::cmp::Reverse(s.len())))
            .ok_or_else(|| format!("'{t}' is not a condition: write `measure >= value`, e.g. `online_rate >= 0.3` or `level = tinh`"))?;
        let (name, rhs) = (t[..at].trim(), t[at + sym.len()..].trim());
        let measure = Measure::from_name(name).ok_or_else(|| {
            format!(
                "unknown measure '{name}' (known measures: {})",
                Measure::known_names(None)
            )
        })?;
        let operand = operand(measure, rhs)?;
        if matches!(operand, Operand::Word(_)) && !matches!(cmp, Cmp::Eq | Cmp::Ne) {
            return Err(format!(
                "'{t}': {measure} takes words; compare it with = or !="
            ));
        }
        Ok(Self {
            measure,
            cmp,
            operand,
        })
    }

    /// Whether the condition holds for `v`; an absent value satisfies nothing.
    #[must_use]
    pub fn holds(&self, v: Option<Value>) -> bool {
        match (v, self.operand) {
            (Some(Value::Number(a)), Operand::Number(b)) => match self.cmp {
                Cmp::Ge => a >= b,
                Cmp::Gt => a > b,
                Cmp::Le => a <= b,
                Cmp::Lt => a < b,
                Cmp::Eq => a == b,
                Cmp::Ne => a != b,
            },
            (Some(Value::Category(a)), Operand::Word(b)) => (a == b) == (self.cmp == Cmp::Eq),
            _ => false,
        }
    }
}

/// Reads a lookup key or a condition's value for `measure`.
pub(crate) fn operand(measure: Measure, text: &str) -> Result<Operand, String> {
    match measure.kind() {
        Kind::Category(words) => words
            .iter()
            .find(|w| **w == text)
            .map(|w| Operand::Word(w))
            .ok_or_else(|| {
                format!(
                    "'{text}' is not a value of {measure} (expected one of: {})",
                    words.join(", ")
                )
            }),
        Kind::Count | Kind::Ratio => Ratio::parse(text).map(Operand::Number),
    }
}

impl fmt::Display for Condition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {} {}", self.measure, self.cmp.symbol(), self.operand)
    }
}

/// A step of a thresholds rule: all its conditions hold → its points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    /// Conditions, all of which must hold.
    pub when: Vec<Condition>,
    /// Points given.
    pub points: Points,
}

impl fmt::Display for Step {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, c) in self.when.iter().enumerate() {
            if i > 0 {
                f.write_str(" and ")?;
            }
            write!(f, "{c}")?;
        }
        Ok(())
    }
}

/// What a proportional rule gives when its value is absent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum IfAbsent {
    /// The indicator is not measured (its points leave the measured maximum).
    #[default]
    NotMeasured,
    /// Full points (e.g. no feedback received: none was late).
    Full,
    /// No points.
    Zero,
}

/// How an indicator turns its measure into points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rule {
    /// The first step whose conditions all hold gives its points; else `otherwise`.
    Thresholds {
        /// Steps, tried in order.
        steps: Vec<Step>,
        /// Points when no step applies.
        otherwise: Points,
    },
    /// Points by value (a category word or a whole number).
    Lookup {
        /// Value → points.
        table: Vec<(Operand, Points)>,
        /// Points for values not in the table.
        otherwise: Option<Points>,
    },
    /// `max × min(value / full_at, 1)`, rounded as the rulebook says.
    Proportional {
        /// The value that earns full points (1 for a share).
        full_at: Ratio,
        /// What an absent value gives.
        if_absent: IfAbsent,
    },
}

impl Rule {
    /// The rule's kind as rulebook files name it.
    #[must_use]
    pub const fn kind_name(&self) -> &'static str {
        match self {
            Self::Thresholds { .. } => "thresholds",
            Self::Lookup { .. } => "lookup",
            Self::Proportional { .. } => "proportional",
        }
    }

    /// Every measure the rule reads besides the indicator's own.
    pub fn measures(&self) -> impl Iterator<Item = Measure> + '_ {
        let steps: &[Step] = match self {
            Self::Thresholds { steps, .. } => steps,
            _ => &[],
        };
        steps.iter().flat_map(|s| s.when.iter().map(|c| c.measure))
    }

    /// Every number of points the rule can give (proportional: `None`).
    #[must_use]
    pub fn fixed_points(&self) -> Vec<Points> {
        match self {
            Self::Thresholds { steps, otherwise } => {
                steps.iter().map(|s| s.points).chain([*otherwise]).collect()
            }
            Self::Lookup { table, otherwise } => {
                table.iter().map(|(_, p)| *p).chain(*otherwise).collect()
            }
            Self::Proportional { .. } => Vec::new(),
        }
    }

    /// Scores a value. `value(m)` gives each measure's value (`None` = absent).
    /// Returns `None` when the indicator is not measured.
    pub fn apply(
        &self,
        primary: Measure,
        max: Points,
        decimals: u32,
        rounding: Rounding,
        value: &dyn Fn(Measure) -> Option<Value>,
    ) -> Option<(Points, String)> {
        match self {
            Self::Thresholds { steps, otherwise } => Some(
                steps
                    .iter()
                    .enumerate()
                    .find(|(_, s)| s.when.iter().all(|c| c.holds(value(c.measure))))
                    .map_or_else(
                        || (*otherwise, format!("otherwise → {otherwise}")),
                        |(i, s)| (s.points, format!("step {}: {s} → {}", i + 1, s.points)),
                    ),
            ),
            Self::Lookup { table, otherwise } => {
                let v = value(primary);
                let hit = table.iter().find(|(k, _)| match (k, v) {
                    (Operand::Number(a), Some(Value::Number(b))) => *a == b,
                    (Operand::Word(a), Some(Value::Category(b))) => *a == b,
                    _ => false,
                });
                match (hit, otherwise, v) {
                    (Some((k, p)), _, _) => Some((*p, format!("{primary} = {k} → {p}"))),
                    (None, Some(p), Some(_)) => Some((*p, format!("otherwise → {p}"))),
                    _ => None,
                }
            }
            Self::Proportional { full_at, if_absent } => match value(primary) {
                Some(Value::Number(v)) => {
                    let p = max.scaled(v.share_of(*full_at), decimals, rounding);
                    let of = if *full_at == Ratio::int(1) {
                        String::new()
                    } else {
                        format!(" / {full_at}")
                    };
                    Some((p, format!("{max} × {primary}{of} ({v}) → {p}")))
                }
                _ => match if_absent {
                    IfAbsent::NotMeasured => None,
                    IfAbsent::Full => Some((max, format!("{primary} absent → full points {max}"))),
                    IfAbsent::Zero => Some((Points::ZERO, format!("{primary} absent → 0"))),
                },
            },
        }
    }
}

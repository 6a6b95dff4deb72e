//! Exact numbers for grading: [`Points`] (fixed-point thousandths) and [`Ratio`]
//! (a non-negative fraction of integers), with rounding done in integer arithmetic.
//!
//! A mean of integer points is a rational number; Circular 01/2018 Art. 15(2) rounds it to one
//! decimal. Doing this in `f64` gets halves wrong (1,15 is not representable), so every
//! rounding here divides integers:
//!
//! ```
//! use motcua_core::grading::{Points, Rounding};
//! // (2 + 1 + 1 + 1) / 4 = 1,25 → 1,3; (23 × 1 + 0 + …) sums to 1,15 → 1,2
//! assert_eq!(Points::mean(Points::whole(5), 4, 1, Rounding::HalfAwayFromZero).to_string(), "1.3");
//! assert_eq!(Points::mean(Points::whole(23), 20, 1, Rounding::HalfAwayFromZero).to_string(), "1.2");
//! ```

use std::fmt;

use serde::{Serialize, Serializer};

pub use super::ratio::Ratio;

/// How a mean or a proportional score is rounded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Rounding {
    /// Halves go up (away from zero: every score is ≥ 0). The Circular's rule.
    #[default]
    HalfAwayFromZero,
    /// Digits beyond the last decimal are dropped.
    Truncate,
}

impl Rounding {
    /// The name used in rulebook files.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::HalfAwayFromZero => "half_away_from_zero",
            Self::Truncate => "truncate",
        }
    }
}

/// A score, exactly, in thousandths of a point. Never negative.
///
/// Serializes as a JSON number (`16.5`, `2.0`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Points(u64);

impl Points {
    /// Thousandths in a point.
    pub const SCALE: u64 = 1000;
    /// Most decimals a rulebook may round to.
    pub const MAX_DECIMALS: u32 = 3;
    /// No points.
    pub const ZERO: Self = Self(0);

    /// `n` whole points.
    #[must_use]
    pub const fn whole(n: u64) -> Self {
        Self(n * Self::SCALE)
    }

    /// From thousandths of a point.
    #[must_use]
    pub const fn from_milli(m: u64) -> Self {
        Self(m)
    }

    /// In thousandths of a point.
    #[must_use]
    pub const fn milli(self) -> u64 {
        self.0
    }

    /// The nearest `f64` (exact for every score with up to 3 decimals, as JSON prints it).
    #[must_use]
    pub fn as_f64(self) -> f64 {
        self.0 as f64 / Self::SCALE as f64
    }

    /// Whether the value has no decimals.
    #[must_use]
    pub const fn is_whole(self) -> bool {
        self.0 % Self::SCALE == 0
    }

    /// Reads a decimal such as `15`, `3.5` or `3,5` (at most 3 decimals, not negative).
    pub fn parse(text: &str) -> Result<Self, String> {
        let r = Ratio::parse(text)?;
        let milli = u128::from(r.num) * u128::from(Self::SCALE);
        if milli % u128::from(r.den) != 0 {
            return Err(format!(
                "'{text}' has more than {} decimals",
                Self::MAX_DECIMALS
            ));
        }
        u64::try_from(milli / u128::from(r.den))
            .map(Self)
            .map_err(|_| format!("'{text}' is too large"))
    }

    /// The mean `sum / n` rounded to `decimals` (0..=3); zero when `n` is 0.
    #[must_use]
    pub fn mean(sum: Self, n: u64, decimals: u32, rounding: Rounding) -> Self {
        if n == 0 {
            return Self::ZERO;
        }
        Self::of_fraction(u128::from(sum.0), u128::from(n), decimals, rounding)
    }

    /// `max × r`, rounded to `decimals`.
    #[must_use]
    pub fn scaled(self, r: Ratio, decimals: u32, rounding: Rounding) -> Self {
        Self::of_fraction(
            u128::from(self.0) * u128::from(r.num),
            u128::from(r.den),
            decimals,
            rounding,
        )
    }

    /// `(num / den)` thousandths, rounded to `decimals`.
    fn of_fraction(num: u128, den: u128, decimals: u32, rounding: Rounding) -> Self {
        let unit = 10u128.pow(Self::MAX_DECIMALS - decimals.min(Self::MAX_DECIMALS));
        let q = match rounding {
            Rounding::HalfAwayFromZero => (2 * num + den * unit) / (2 * den * unit),
            Rounding::Truncate => num / (den * unit),
        };
        Self(u64::try_from(q * unit).unwrap_or(u64::MAX))
    }

    /// This score as a fraction.
    #[must_use]
    pub const fn ratio(self) -> Ratio {
        Ratio {
            num: self.0,
            den: Self::SCALE,
        }
    }

    /// `self × numer / denom` rounded to `decimals` (e.g. a total scaled to the rulebook's
    /// maximum when some indicators were not measured).
    #[must_use]
    pub fn rescale(self, numer: Self, denom: Self, decimals: u32, rounding: Rounding) -> Self {
        if denom.0 == 0 {
            return Self::ZERO;
        }
        Self::of_fraction(
            u128::from(self.0) * u128::from(numer.0),
            u128::from(denom.0),
            decimals,
            rounding,
        )
    }

    /// The value with exactly `decimals` digits after the separator.
    #[must_use]
    pub fn fixed(self, decimals: u32, sep: char) -> String {
        let d = decimals.min(Self::MAX_DECIMALS);
        let unit = 10u64.pow(Self::MAX_DECIMALS - d);
        let v = self.0 / unit;
        if d == 0 {
            return v.to_string();
        }
        let p = 10u64.pow(d);
        format!("{}{sep}{:0w$}", v / p, v % p, w = d as usize)
    }
}

impl std::ops::Add for Points {
    type Output = Self;
    fn add(self, o: Self) -> Self {
        Self(self.0 + o.0)
    }
}

impl std::ops::AddAssign for Points {
    fn add_assign(&mut self, o: Self) {
        self.0 += o.0;
    }
}

impl std::iter::Sum for Points {
    fn sum<I: Iterator<Item = Self>>(it: I) -> Self {
        it.fold(Self::ZERO, |a, b| a + b)
    }
}

/// The shortest decimal: `16.5`, `2`, `3.25`.
impl fmt::Display for Points {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (w, mut frac) = (self.0 / Self::SCALE, self.0 % Self::SCALE);
        if frac == 0 {
            return write!(f, "{w}");
        }
        let mut digits = 3;
        while frac % 10 == 0 {
            frac /= 10;
            digits -= 1;
        }
        write!(f, "{w}.{frac:0digits$}")
    }
}

impl Serialize for Points {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_f64(self.as_f64())
    }
}

/// Serializes a maximum as an integer when it is whole (`18`), else as a decimal.
#[allow(clippy::trivially_copy_pass_by_ref)] // serde's serialize_with passes a reference
pub(crate) fn serialize_max<S: Serializer>(p: &Points, s: S) -> Result<S::Ok, S::Error> {
    if p.is_whole() {
        s.serialize_u64(p.0 / Points::SCALE)
    } else {
        s.serialize_f64(p.as_f64())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_and_print() {
        assert_eq!(Points::parse("3.5").unwrap(), Points::from_milli(3500));
        assert_eq!(Points::parse("3,5").unwrap().to_string(), "3.5");
        assert_eq!(Points::parse("15").unwrap().to_string(), "15");
        assert!(Points::parse("0.0005").is_err());
        assert!(Points::parse("-1").is_err());
        assert_eq!(Points::from_milli(16_500).fixed(1, ','), "16,5");
        assert_eq!(Points::whole(17).fixed(2, '.'), "17.00");
        assert_eq!(serde_json::to_string(&Points::whole(2)).unwrap(), "2.0");
        assert_eq!(
            serde_json::to_string(&Points::from_milli(16_500)).unwrap(),
            "16.5"
        );
        assert_eq!(Ratio::parse("20%").unwrap(), Ratio::parse("0.2").unwrap());
        assert_eq!(Ratio::parse("0,25").unwrap().to_string(), "0.25");
        assert_eq!(Ratio::new(1, 3).unwrap().to_string(), "1/3");
        assert_eq!(Ratio::new(12, 8).unwrap().to_string(), "1.5");
        for bad in ["", ".", "x", "1.2.3", "-0.2", "1e3"] {
            assert!(Ratio::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn means_round_half_away_from_zero_exactly() {
        let h = Rounding::HalfAwayFromZero;
        assert_eq!(
            Points::mean(Points::whole(5), 4, 1, h),
            Points::from_milli(1300)
        ); // 1.25
        assert_eq!(
            Points::mean(Points::whole(23), 20, 1, h),
            Points::from_milli(1200)
        ); // 1.15
        assert_eq!(
            Points::mean(Points::whole(29), 20, 1, h),
            Points::from_milli(1500)
        ); // 1.45
        assert_eq!(
            Points::mean(Points::whole(21), 20, 1, h),
            Points::from_milli(1100)
        ); // 1.05
        assert_eq!(
            Points::mean(Points::whole(2), 3, 1, h),
            Points::from_milli(700)
        ); // 0.666…
        assert_eq!(
            Points::mean(Points::whole(1), 3, 1, h),
            Points::from_milli(300)
        );
        assert_eq!(
            Points::mean(Points::whole(1), 3, 2, h),
            Points::from_milli(330)
        );
        assert_eq!(
            Points::mean(Points::whole(5), 4, 1, Rounding::Truncate),
            Points::from_milli(1200)
        );
        assert_eq!(Points::mean(Points::whole(5), 0, 1, h), Points::ZERO);
        assert_eq!(
            Points::whole(20)
                .scaled(Ratio::new(12_083, 12_085).unwrap(), 2, h)
                .to_string(),
            "20"
        );
        assert_eq!(
            Points::whole(6)
                .scaled(Ratio::new(1, 8).unwrap(), 2, h)
                .to_string(),
            "0.75"
        );
        assert_eq!(
            Points::whole(11)
                .scaled(Ratio::new(1, 3).unwrap(), 2, h)
                .to_string(),
            "3.67"
        );
    }
}

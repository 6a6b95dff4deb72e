//! [`Ratio`]: a non-negative fraction of integers, compared exactly.

use std::cmp::Ordering;
use std::fmt;

/// A non-negative fraction `num / den` (`den > 0`), compared exactly.
#[derive(Debug, Clone, Copy)]
pub struct Ratio {
    /// Numerator.
    pub num: u64,
    /// Denominator, never 0.
    pub den: u64,
}

impl Ratio {
    /// `num / den`, or `None` when `den` is 0.
    #[must_use]
    pub const fn new(num: u64, den: u64) -> Option<Self> {
        if den == 0 {
            None
        } else {
            Some(Self { num, den })
        }
    }

    /// A whole number.
    #[must_use]
    pub const fn int(n: u64) -> Self {
        Self { num: n, den: 1 }
    }

    /// Reads `0.2`, `0,2`, `20%`, `20 %`, `3` (not negative; up to 18 decimals).
    pub fn parse(text: &str) -> Result<Self, String> {
        let t = text.trim();
        let (body, percent) = match t.strip_suffix('%') {
            Some(b) => (b.trim_end(), true),
            None => (t, false),
        };
        let bad = || format!("'{t}' is not a number ≥ 0 (write e.g. 0.2, 0,2 or 20%)");
        let (int, frac) = match body.find(['.', ',']) {
            Some(i) => (&body[..i], &body[i + 1..]),
            None => (body, ""),
        };
        let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if (int.is_empty() && frac.is_empty()) || !digits(int) || !digits(frac) || frac.len() > 18 {
            return Err(bad());
        }
        let mut den = 10u64.pow(frac.len() as u32);
        let num: u64 = format!("{int}{frac}").parse().map_err(|_| bad())?;
        if percent {
            den = den.checked_mul(100).ok_or_else(bad)?;
        }
        Ok(Self { num, den })
    }

    /// The value as `f64` (for display only).
    #[must_use]
    pub fn as_f64(self) -> f64 {
        self.num as f64 / self.den as f64
    }

    /// `min(self / other, 1)`, for proportional scores; `other` must not be 0.
    #[must_use]
    pub fn share_of(self, other: Self) -> Self {
        if other.num == 0 || self >= other {
            return Self::int(1);
        }
        // (a/b) / (c/d) = ad / bc
        let n = u128::from(self.num) * u128::from(other.den);
        let d = u128::from(self.den) * u128::from(other.num);
        reduce(n, d)
    }
}

fn gcd(mut a: u128, mut b: u128) -> u128 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

fn reduce(n: u128, d: u128) -> Ratio {
    let g = gcd(n, d).max(1);
    let (mut n, mut d) = (n / g, d / g);
    while d > u128::from(u64::MAX) || n > u128::from(u64::MAX) {
        // Precision beyond 2^-64 does not change a score rounded to 3 decimals.
        n >>= 1;
        d = (d >> 1).max(1);
    }
    Ratio {
        num: n as u64,
        den: d as u64,
    }
}

impl PartialEq for Ratio {
    fn eq(&self, o: &Self) -> bool {
        self.cmp(o) == Ordering::Equal
    }
}

impl Eq for Ratio {}

impl PartialOrd for Ratio {
    fn partial_cmp(&self, o: &Self) -> Option<Ordering> {
        Some(self.cmp(o))
    }
}

impl Ord for Ratio {
    fn cmp(&self, o: &Self) -> Ordering {
        (u128::from(self.num) * u128::from(o.den)).cmp(&(u128::from(o.num) * u128::from(self.den)))
    }
}

/// The shortest exact decimal when there is one (`0.25`), else the fraction (`1/3`).
impl fmt::Display for Ratio {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let common = gcd(u128::from(self.num), u128::from(self.den)).max(1) as u64;
        let (num, den) = (self.num / common, self.den / common);
        // A fraction has a finite decimal form when its denominator has no factor but 2 and 5.
        let mut rest = den;
        let mut scale = 0u32;
        while rest % 2 == 0 || rest % 5 == 0 {
            rest /= if rest % 10 == 0 {
                10
            } else if rest % 2 == 0 {
                2
            } else {
                5
            };
            scale += 1;
        }
        if rest != 1 || scale > 18 {
            return write!(f, "{num}/{den}");
        }
        let pow = 10u128.pow(scale);
        let scaled = u128::from(num) * pow / u128::from(den);
        if scale == 0 {
            return write!(f, "{scaled}");
        }
        let digits = format!("{:0w$}", scaled % pow, w = scale as usize);
        write!(f, "{}.{}", scaled / pow, digits.trim_end_matches('0'))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratios_compare_exactly() {
        let r = |n, d| Ratio::new(n, d).unwrap();
        assert!(r(1, 5) >= Ratio::parse("0.2").unwrap());
        assert!(r(199_999, 1_000_000) < Ratio::parse("0.2").unwrap());
        assert_eq!(r(3, 2).share_of(r(1, 1)), Ratio::int(1));
        assert_eq!(r(1, 4).share_of(r(1, 2)), r(1, 2));
    }
}

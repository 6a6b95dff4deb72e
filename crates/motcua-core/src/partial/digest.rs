//! Digests of the options in a partial's header: equal options give equal digests in every
//! process and on every machine (no hash seeds, no addresses).

use chrono::{Datelike, NaiveDate};

use crate::calendar::Calendar;
use crate::period::Period;
use crate::record::fingerprint;

/// A digest of a text (a units file, a catalog, a rulebook): 16 hexadecimal digits.
#[must_use]
pub fn text_digest(text: &str) -> String {
    format!("{:016x}", fingerprint(text))
}

/// A digest of what a calendar says around a period: its name, receipt cutoff, and which
/// dates are working days from three years before the period's first year to two years
/// after its last (the due dates of any dossier the period counts fall there).
#[must_use]
pub fn calendar_digest(calendar: &Calendar, period: &Period) -> String {
    let first = NaiveDate::from_ymd_opt(period.from().year() - 3, 1, 1);
    let last = NaiveDate::from_ymd_opt(period.to().year() + 2, 12, 31);
    let mut bits = String::with_capacity(2200);
    if let (Some(first), Some(last)) = (first, last) {
        let mut byte = 0u8;
        for (i, d) in first.iter_days().take_while(|d| *d <= last).enumerate() {
            byte = (byte << 1) | u8::from(calendar.is_working_day(d));
            if i % 8 == 7 {
                bits.push(char::from(b'a' + (byte & 15)));
                bits.push(char::from(b'a' + (byte >> 4)));
                byte = 0;
            }
        }
        bits.push(char::from(b'a' + (byte & 15)));
    }
    let text = format!("{}|{}|{bits}", calendar.name(), calendar.receipt_cutoff());
    format!("{}:{}", calendar.name(), text_digest(&text))
}

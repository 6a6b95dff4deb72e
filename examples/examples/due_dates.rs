//! Due dates on the built-in Vietnamese work calendar: Tết, National Day and the weekend
//! move a deadline; a receipt after 17:00 counts from the next working day.
//!
//! ```sh
//! cargo run -p motcua-examples --example due_dates
//! ```

use motcua_core::calendar::Calendar;
use motcua_core::timestamp::Timestamp;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let cal = Calendar::vn();
    for (received, days) in [
        ("2021-09-01 09:00", 1),
        ("2021-09-01 17:30", 1),
        ("2024-02-07 10:00", 3),
        ("20230428150000", 5),
    ] {
        let t = Timestamp::parse(received)?;
        println!(
            "received {t}, {days} working day(s) → due {}",
            cal.due_date(&t, days)
        );
    }
    let year = cal.year(2024);
    println!(
        "2024: {} working days, Tết on {}",
        year.working_day_count, year.lunar_new_year
    );
    Ok(())
}

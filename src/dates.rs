//! How mianba writes an instant for people: the date and the time to the minute,
//! `2025-03-01 14:30`, in whichever time zone the caller shows (the app's, or the machine's).

use std::fmt::Display;

use chrono::{DateTime, TimeZone};

/// `unix` (seconds) in `tz` as `2025-03-01 14:30`; `None` when it is outside chrono's range
/// (each caller says what to show then).
pub fn minute<Tz: TimeZone>(unix: i64, tz: &Tz) -> Option<String>
where
    Tz::Offset: Display,
{
    DateTime::from_timestamp(unix, 0)
        .map(|t| t.with_timezone(tz).format("%Y-%m-%d %H:%M").to_string())
}

#[cfg(test)]
mod tests {
    use chrono::FixedOffset;

    use super::*;

    #[test]
    fn minutes_in_the_zone_asked_for() {
        let utc8 = FixedOffset::east_opt(8 * 3600).unwrap();
        assert_eq!(
            minute(1_700_000_000, &utc8).as_deref(),
            Some("2023-11-15 06:13")
        );
        assert_eq!(minute(i64::MAX, &utc8), None);
    }
}

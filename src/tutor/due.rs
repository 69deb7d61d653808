//! Due dates of assignment sets as Unix seconds. A set may write a date (`2025-07-01`, due at
//! the end of that day), a local date-time or one with an offset. Without an offset the time is
//! China Standard Time (UTC+8): sets are written for classes that meet in one place, and a
//! due date must mean the same instant on the tutor's and every candidate's machine.

use toml::value::{Datetime, Offset};

/// The offset assumed when a set's due date has none, in minutes east of UTC.
pub const DEFAULT_OFFSET_MINUTES: i64 = 8 * 60;

/// The instant a TOML date or date-time names (a bare date: its last second). `None` for a
/// bare time, which names no day, or a date that does not exist.
pub fn unix_of(dt: &Datetime) -> Option<i64> {
    let date = dt.date?;
    let (month, day) = (u32::from(date.month), u32::from(date.day));
    if !(1..=12).contains(&month) || day < 1 || day > days_in_month(i64::from(date.year), month) {
        return None;
    }
    let days = days_from_civil(i64::from(date.year), month, day);
    let seconds_of_day = match dt.time {
        Some(t) => {
            i64::from(t.hour) * 3600 + i64::from(t.minute) * 60 + i64::from(t.second.unwrap_or(0))
        }
        None => 24 * 3600 - 1,
    };
    let offset_minutes = match dt.offset {
        Some(Offset::Z) => 0,
        Some(Offset::Custom { minutes }) => i64::from(minutes),
        None => DEFAULT_OFFSET_MINUTES,
    };
    Some(days * 86_400 + seconds_of_day - offset_minutes * 60)
}

/// Parses `YYYY-MM-DD` or an RFC 3339 date-time as written on the command line.
pub fn parse(text: &str) -> Option<(Datetime, i64)> {
    let dt: Datetime = text.trim().parse().ok()?;
    let unix = unix_of(&dt)?;
    Some((dt, unix))
}

fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_times_and_offsets() {
        // 2024-03-01T00:00:00Z is 1709251200.
        assert_eq!(
            parse("2024-03-01T00:00:00Z").map(|p| p.1),
            Some(1_709_251_200)
        );
        assert_eq!(
            parse("2024-03-01T08:00:00+08:00").map(|p| p.1),
            Some(1_709_251_200)
        );
        // No offset: China Standard Time.
        assert_eq!(
            parse("2024-03-01T08:00:00").map(|p| p.1),
            Some(1_709_251_200)
        );
        // A bare date is due at its last second, in UTC+8.
        assert_eq!(
            parse("2024-02-29").map(|p| p.1),
            Some(1_709_251_200 - 8 * 3600 - 1)
        );
        assert_eq!(parse("2023-02-29"), None);
        assert_eq!(parse("12:00:00"), None);
        assert_eq!(parse("next friday"), None);
        assert_eq!(days_from_civil(1970, 1, 1), 0);
    }
}

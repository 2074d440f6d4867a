//! The current time, for the few checks that compare with "now" (`isIdentityCard` zh-CN
//! refuses birth dates after today; `isTaxID` reads two-digit years against the current
//! year when the caller gives none).
//!
//! Native targets read the system clock. `wasm32-unknown-unknown` has none (std's
//! `SystemTime::now` panics there), so its binding installs one with [`set_clock`] (the
//! host's `Date.now`) before any rule runs. Without a clock, [`now_millis`] is `None` and
//! a check that needs it fails closed.

use std::sync::OnceLock;

static CLOCK: OnceLock<fn() -> f64> = OnceLock::new();

/// Installs the clock: milliseconds since the Unix epoch (as JS `Date.now`). The first
/// call wins; later calls are ignored.
pub fn set_clock(now_millis: fn() -> f64) {
    let _ = CLOCK.set(now_millis);
}

/// Milliseconds since the Unix epoch: the installed clock, else the system clock on targets
/// that have one; `None` when there is none or it reads before the epoch.
pub fn now_millis() -> Option<f64> {
    if let Some(clock) = CLOCK.get() {
        let now = clock();
        return now.is_finite().then_some(now);
    }
    system_millis()
}

#[cfg(not(all(target_arch = "wasm32", target_os = "unknown")))]
fn system_millis() -> Option<f64> {
    let since = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).ok()?;
    Some(since.as_millis() as f64)
}

#[cfg(all(target_arch = "wasm32", target_os = "unknown"))]
fn system_millis() -> Option<f64> {
    None
}

/// Whether `year` is a leap year of the proleptic Gregorian calendar.
pub(crate) fn is_leap_year(year: i64) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// The days of `month` (1-12) in `year` (proleptic Gregorian); `None` for another month.
pub(crate) fn days_in_month(year: i64, month: i64) -> Option<i64> {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => Some(31),
        4 | 6 | 9 | 11 => Some(30),
        2 if is_leap_year(year) => Some(29),
        2 => Some(28),
        _ => None,
    }
}

/// The proleptic Gregorian date (year, month 1-12, day 1-31) of day `days` since
/// 1970-01-01 (Howard Hinnant's `civil_from_days`).
pub(crate) fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// The current UTC year; `None` without a clock.
pub(crate) fn year_utc() -> Option<i32> {
    let days = (now_millis()? / 86_400_000.0).floor();
    if !(-1e9..=1e9).contains(&days) {
        return None;
    }
    i32::try_from(civil_from_days(days as i64).0).ok()
}

/// Today's UTC date as `year * 10_000 + month * 100 + day` (comparable as a number);
/// `None` without a clock.
pub(crate) fn today_utc() -> Option<i64> {
    let days = (now_millis()? / 86_400_000.0).floor();
    if !(-1e9..=1e9).contains(&days) {
        return None;
    }
    let (y, m, d) = civil_from_days(days as i64);
    Some(y * 10_000 + i64::from(m) * 100 + i64::from(d))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
        assert_eq!(civil_from_days(20_794), (2026, 12, 7));
        assert_eq!(civil_from_days(-719_468), (0, 3, 1));
    }

    #[test]
    fn the_system_clock_reads_today() {
        let today = today_utc().unwrap_or(0);
        assert!(today > 20_260_000 && today < 22_000_000, "{today}");
    }

    #[test]
    fn month_lengths() {
        assert_eq!(
            [2000, 1900, 2024, 2023].map(|y| days_in_month(y, 2)),
            [Some(29), Some(28), Some(29), Some(28)]
        );
        assert_eq!((days_in_month(2023, 4), days_in_month(2023, 12)), (Some(30), Some(31)));
        assert_eq!((days_in_month(2023, 0), days_in_month(2023, 13)), (None, None));
    }

    #[test]
    fn the_year_is_todays() {
        let (today, year) = (today_utc().unwrap_or(0), year_utc().unwrap_or(0));
        assert_eq!(i64::from(year), today / 10_000);
    }
}

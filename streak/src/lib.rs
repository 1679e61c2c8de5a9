//! The streak policy, as a pure function of the days with qualifying activity and today (day numbers in
//! the learner's home zone: days since 1970-01-01). The server applies it to the days it recorded, which
//! is the truth; the app applies the same function to its own record when no server is there, and labels
//! the result as this device's, unverified. The README's API section states the same rules.
//!
//! - The streak is the number of active days in the current chain. A chain runs through consecutive days;
//!   today may still be empty without breaking it, so a chain ends today or yesterday.
//! - Every [`FREEZE_EVERY`] consecutive active days earn a freeze, at most [`MAX_FREEZES`] held. A missed day
//!   (an empty day before today) inside a chain spends a freeze automatically and the chain continues; the
//!   frozen day adds nothing to the count. With no freeze left, a missed day ends the chain.
//! - Consecutive active days for earning restart after any missed day, frozen or not.

pub const FREEZE_EVERY: u32 = 7;
pub const MAX_FREEZES: u32 = 2;

/// A day as a number: days since 1970-01-01.
pub type Day = i32;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Streak {
    pub current: u32,
    pub longest: u32,
    pub freezes: u32,
    /// Days a freeze was spent on, in the current chain.
    pub frozen_days: Vec<Day>,
}

/// `active` must be sorted ascending without repeats. Days after `today` (possible after a zone change
/// westwards) count as active days of the chain.
pub fn streak(active: &[Day], today: Day) -> Streak {
    let (Some(&first), Some(&newest)) = (active.first(), active.last()) else {
        return Streak::default();
    };
    let mut result = Streak::default();
    let mut run = 0; // consecutive active days, for earning freezes
    let mut next_active = active.iter().peekable();
    for day in first..=today.max(newest) {
        let is_active = next_active.next_if(|d| **d == day).is_some();
        if is_active {
            result.current += 1;
            run += 1;
            if run % FREEZE_EVERY == 0 && result.freezes < MAX_FREEZES {
                result.freezes += 1;
            }
        } else if day < today {
            run = 0;
            if result.current > 0 && result.freezes > 0 {
                result.freezes -= 1;
                result.frozen_days.push(day);
            } else {
                result.current = 0;
                result.frozen_days.clear();
            }
        }
        result.longest = result.longest.max(result.current);
    }
    result
}

/// A day as `YYYY-MM-DD` (proleptic Gregorian; years 0 to 9999).
pub fn day_text(day: Day) -> String {
    // Howard Hinnant's civil-from-days.
    let z = i64::from(day) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// The day a `YYYY-MM-DD` text names, if it is a real date.
pub fn parse_day(text: &str) -> Option<Day> {
    let mut parts = text.splitn(3, '-');
    let y: i64 = parts.next()?.parse().ok()?;
    let m: i64 = parts.next()?.parse().ok()?;
    let d: i64 = parts.next()?.parse().ok()?;
    if !(1..=12).contains(&m) || d < 1 {
        return None;
    }
    // Hinnant's days-from-civil.
    let y2 = if m <= 2 { y - 1 } else { y };
    let era = y2.div_euclid(400);
    let yoe = y2.rem_euclid(400);
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let day = Day::try_from(era * 146_097 + doe - 719_468).ok()?;
    (day_text(day) == format!("{y:04}-{m:02}-{d:02}")).then_some(day)
}

/// 0 for Sunday … 6 for Saturday (1970-01-01 was a Thursday).
pub fn weekday(day: Day) -> u32 {
    (day + 4).rem_euclid(7) as u32
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_chain_ends_today_or_yesterday() {
        let active = [0, 1, 2];
        assert_eq!(streak(&active, 2).current, 3);
        assert_eq!(streak(&active, 3).current, 3, "today not yet active");
        let broken = streak(&active, 4);
        assert_eq!((broken.current, broken.longest), (0, 3));
        assert_eq!(streak(&[], 0), Streak::default());
    }

    #[test]
    fn seven_days_earn_a_freeze_that_bridges_one_missed_day() {
        let mut active: Vec<Day> = (0..7).collect();
        let s = streak(&active, 6);
        assert_eq!((s.current, s.freezes), (7, 1));
        active.extend([8, 9]); // day 7 missed
        let s = streak(&active, 9);
        assert_eq!(
            (s.current, s.freezes, s.frozen_days.clone()),
            (9, 0, vec![7])
        );
        // A second miss with no freeze left ends the chain.
        let s = streak(&active, 11);
        assert_eq!((s.current, s.longest), (0, 9));
    }

    #[test]
    fn at_most_two_freezes_are_held() {
        let active: Vec<Day> = (0..28).collect();
        assert_eq!(streak(&active, 27).freezes, MAX_FREEZES);
        // Three missed days: two are frozen, the third ends the chain.
        let s = streak(&active, 31);
        assert_eq!((s.current, s.longest, s.freezes), (0, 28, 0));
        let s = streak(&active, 30);
        assert_eq!((s.current, s.freezes), (28, 0), "days 28 and 29 frozen");
    }

    #[test]
    fn earning_restarts_after_a_frozen_day() {
        // 7 active, 1 frozen, 6 active: the 6 do not complete a second week.
        let active: Vec<Day> = (0..7).chain(8..14).collect();
        let s = streak(&active, 13);
        assert_eq!((s.current, s.freezes), (13, 0));
    }

    #[test]
    fn future_days_from_a_zone_change_count() {
        assert_eq!(streak(&[0, 1, 2], 1).current, 3);
    }

    #[test]
    fn dates_read_and_write_as_iso_days() {
        assert_eq!(day_text(0), "1970-01-01");
        assert_eq!(parse_day("1970-01-01"), Some(0));
        assert_eq!(parse_day("2026-11-23"), Some(20_780));
        assert_eq!(day_text(20_780), "2026-11-23");
        assert_eq!(
            parse_day("2024-02-29").map(day_text).as_deref(),
            Some("2024-02-29")
        );
        assert_eq!(parse_day("2026-02-29"), None);
        assert_eq!(parse_day("2026-13-01"), None);
        assert_eq!(parse_day("today"), None);
        assert_eq!(weekday(20_780), 1, "2026-11-23 is a Monday");
    }

    proptest! {
        #[test]
        fn day_text_and_parse_day_are_inverse(day in -719_000..2_900_000i32) {
            prop_assert_eq!(parse_day(&day_text(day)), Some(day));
        }

        /// Without freezes the policy is "consecutive active days ending today or yesterday": checked
        /// against that direct count on histories with no run of 7 (so no freeze is ever earned).
        #[test]
        fn without_freezes_it_counts_the_last_unbroken_run(gaps in proptest::collection::vec((1..7i32, 1..4i32), 0..20), after in 0..3i32) {
            let mut active = Vec::new();
            let mut day = 0;
            for (run, gap) in gaps {
                active.extend(day..day + run);
                day += run + gap;
            }
            let today = active.last().copied().unwrap_or(0) + after;
            let expected = if active.last().is_some_and(|&last| today - last <= 1) {
                let mut n = 0;
                while n < active.len() && active[active.len() - 1 - n] == active[active.len() - 1] - n as i32 {
                    n += 1;
                }
                n as u32
            } else {
                0
            };
            let s = streak(&active, today);
            prop_assert_eq!(s.current, expected);
            prop_assert!(s.longest >= s.current);
            prop_assert!(s.freezes <= MAX_FREEZES);
        }
    }
}

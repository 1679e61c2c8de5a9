//! The streak policy, as a pure function of the days with qualifying activity and today's date (both in
//! the user's zone). The README's API section states the same rules.
//!
//! - The streak is the number of active days in the current chain. A chain runs through consecutive days;
//!   today may still be empty without breaking it, so a chain ends today or yesterday.
//! - Every [`FREEZE_EVERY`] consecutive active days earn a freeze, at most [`MAX_FREEZES`] held. A missed day
//!   (an empty day before today) inside a chain spends a freeze automatically and the chain continues; the
//!   frozen day adds nothing to the count. With no freeze left, a missed day ends the chain.
//! - Consecutive active days for earning restart after any missed day, frozen or not.

use chrono::NaiveDate;
use serde::Serialize;

pub const FREEZE_EVERY: u32 = 7;
pub const MAX_FREEZES: u32 = 2;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Streak {
    pub current: u32,
    pub longest: u32,
    pub freezes: u32,
    /// Days a freeze was spent on, in the current chain.
    pub frozen_days: Vec<NaiveDate>,
}

/// `active` must be sorted ascending without repeats. Days after `today` (possible after a zone change
/// westwards) count as active days of the chain.
pub fn streak(active: &[NaiveDate], today: NaiveDate) -> Streak {
    let Some(&first) = active.first() else {
        return Streak::default();
    };
    let last = today.max(*active.last().expect("non-empty"));
    let mut result = Streak::default();
    let mut run = 0; // consecutive active days, for earning freezes
    let mut next_active = active.iter().peekable();
    for day in first.iter_days().take_while(|day| *day <= last) {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn day(n: i64) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + chrono::TimeDelta::days(n)
    }

    fn days(list: &[i64]) -> Vec<NaiveDate> {
        list.iter().map(|&n| day(n)).collect()
    }

    #[test]
    fn a_chain_ends_today_or_yesterday() {
        let active = days(&[0, 1, 2]);
        assert_eq!(streak(&active, day(2)).current, 3);
        assert_eq!(streak(&active, day(3)).current, 3, "today not yet active");
        let broken = streak(&active, day(4));
        assert_eq!((broken.current, broken.longest), (0, 3));
        assert_eq!(streak(&[], day(0)), Streak::default());
    }

    #[test]
    fn seven_days_earn_a_freeze_that_bridges_one_missed_day() {
        let mut active: Vec<i64> = (0..7).collect();
        let s = streak(&days(&active), day(6));
        assert_eq!((s.current, s.freezes), (7, 1));
        active.extend([8, 9]); // day 7 missed
        let s = streak(&days(&active), day(9));
        assert_eq!(
            (s.current, s.freezes, s.frozen_days.clone()),
            (9, 0, days(&[7]))
        );
        // A second miss with no freeze left ends the chain.
        let s = streak(&days(&active), day(11));
        assert_eq!((s.current, s.longest), (0, 9));
    }

    #[test]
    fn at_most_two_freezes_are_held() {
        let active: Vec<i64> = (0..28).collect();
        let s = streak(&days(&active), day(27));
        assert_eq!(s.freezes, MAX_FREEZES);
        // Three missed days: two are frozen, the third ends the chain.
        let s = streak(&days(&active), day(31));
        assert_eq!((s.current, s.longest, s.freezes), (0, 28, 0));
        let s = streak(&days(&active), day(30));
        assert_eq!((s.current, s.freezes), (28, 0), "days 28 and 29 frozen");
    }

    #[test]
    fn earning_restarts_after_a_frozen_day() {
        // 7 active, 1 frozen, 6 active: the 6 do not complete a second week.
        let active: Vec<i64> = (0..7).chain(8..14).collect();
        let s = streak(&days(&active), day(13));
        assert_eq!((s.current, s.freezes), (13, 0));
    }

    #[test]
    fn future_days_from_a_zone_change_count() {
        let s = streak(&days(&[0, 1, 2]), day(1));
        assert_eq!(s.current, 3);
    }
}

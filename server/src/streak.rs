//! The streak policy (the `streak` crate, shared with the app's offline preview) on calendar dates.

use chrono::{NaiveDate, TimeDelta};
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Streak {
    pub current: u32,
    pub longest: u32,
    pub freezes: u32,
    /// Days a freeze was spent on, in the current chain.
    pub frozen_days: Vec<NaiveDate>,
    /// The day the streak was computed for (in the user's zone), and whether it is active already.
    pub today: NaiveDate,
    pub today_active: bool,
}

fn epoch() -> NaiveDate {
    NaiveDate::from_ymd_opt(1970, 1, 1).expect("a valid date")
}

fn day_number(date: NaiveDate) -> streak::Day {
    (date - epoch()).num_days() as streak::Day
}

/// `active` must be sorted ascending without repeats.
pub fn streak(active: &[NaiveDate], today: NaiveDate) -> Streak {
    let days: Vec<streak::Day> = active.iter().map(|&d| day_number(d)).collect();
    let s = streak::streak(&days, day_number(today));
    Streak {
        current: s.current,
        longest: s.longest,
        freezes: s.freezes,
        frozen_days: s
            .frozen_days
            .into_iter()
            .map(|d| epoch() + TimeDelta::days(d.into()))
            .collect(),
        today,
        today_active: active.contains(&today),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_map_to_the_shared_policy_and_back() {
        let day = |n: i64| NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + TimeDelta::days(n);
        let active: Vec<NaiveDate> = (0..7).chain(8..10).map(day).collect();
        let s = streak(&active, day(9));
        assert_eq!((s.current, s.freezes, s.frozen_days), (9, 0, vec![day(7)]));
        assert!(s.today_active);
        assert!(!streak(&active, day(10)).today_active);
        assert_eq!(day_number(epoch()), 0);
    }
}

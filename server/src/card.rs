//! The public streak card: an SVG drawn with plotters (the server has no wasm budget, so the design card's
//! chart library lives here): the current and longest streak, and 12 weeks of activity in the learner's
//! zone, Sunday first, the current week last.

use chrono::{Datelike, NaiveDate, TimeDelta};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::store::DayCount;
use crate::streak::Streak;

pub const WEEKS: i64 = 12;
const CELL: i32 = 14;
const GAP: i32 = 3;
const WIDTH: u32 = 360;
const HEIGHT: u32 = 170;

/// Fill for a day with `count` activities: none, 1, 2–3, 4–6, 7 or more (the dashboard's levels).
fn level(count: u32) -> RGBColor {
    match count {
        0 => RGBColor(0xeb, 0xed, 0xf0),
        1 => RGBColor(0xb7, 0xe4, 0xc7),
        2..=3 => RGBColor(0x74, 0xc6, 0x9d),
        4..=6 => RGBColor(0x2d, 0x9a, 0x6a),
        _ => RGBColor(0x1b, 0x5e, 0x40),
    }
}

pub fn svg(streak: &Streak, days: &[DayCount], today: NaiveDate) -> anyhow::Result<String> {
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (WIDTH, HEIGHT)).into_drawing_area();
        root.fill(&WHITE)?;
        let ink = RGBColor(0x1c, 0x1d, 0x21);
        let left = Pos::new(HPos::Left, VPos::Top);
        let text = |size: u32| ("sans-serif", size).into_font().color(&ink).pos(left);
        root.draw_text("AlgoVista streak", &text(14), (12, 10))?;
        let days_text = match streak.current {
            1 => "1 day".to_owned(),
            n => format!("{n} days"),
        };
        root.draw_text(&days_text, &text(26), (12, 34))?;
        root.draw_text(&format!("longest {}", streak.longest), &text(13), (12, 70))?;
        root.draw_text(
            &format!(
                "today {}",
                if streak.today_active {
                    "done"
                } else {
                    "not yet"
                }
            ),
            &text(13),
            (12, 90),
        )?;

        let count_on = |day: NaiveDate| days.iter().find(|d| d.day == day).map_or(0, |d| d.count);
        let this_week = today - TimeDelta::days(i64::from(today.weekday().num_days_from_sunday()));
        let first = this_week - TimeDelta::weeks(WEEKS - 1);
        let (x0, y0) = (140, 40);
        let mut day = first;
        while day <= today {
            let offset = (day - first).num_days();
            let (week, weekday) = ((offset / 7) as i32, (offset % 7) as i32);
            let (x, y) = (x0 + week * (CELL + GAP), y0 + weekday * (CELL + GAP));
            root.draw(&Rectangle::new(
                [(x, y), (x + CELL, y + CELL)],
                level(count_on(day)).filled(),
            ))?;
            day += TimeDelta::days(1);
        }
        root.draw_text(
            &format!("last {WEEKS} weeks, to {today}"),
            &("sans-serif", 11)
                .into_font()
                .color(&RGBColor(0x5d, 0x61, 0x70))
                .pos(left),
            (x0, y0 + 7 * (CELL + GAP) + 4),
        )?;
        root.present()?;
    }
    Ok(out)
}

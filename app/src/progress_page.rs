//! `/progress`: the dashboard. The streak (current, longest, freezes, frozen days, today), a 53-week
//! calendar of active days in the home time zone, a weekly chart, progress per category and per algorithm,
//! the places to resume, and the settings that belong to the account: the home time zone, linking another
//! device, and the server's address. From the server when there is one (its days are the truth); from this
//! device's own record otherwise, labelled as such.

use algorithms::catalogue::{self, Category};
use algorithms::plural;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use streak::Day;
use wasm_bindgen::JsCast;

use crate::router::Link;
use crate::tracker::outbox::Kind;
use crate::tracker::{self, Account, Sync, Tracker, api};

/// Weeks in the calendar, like a contribution calendar: a year and the current week.
const WEEKS: i32 = 53;
/// Weeks in the weekly activity chart.
const CHART_WEEKS: i32 = 12;

/// What the dashboard shows, from either source.
/// Where the dashboard's numbers come from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Source {
    Server,
    /// No server at this address.
    Device,
    /// A server, but out of reach now.
    Offline,
}

#[derive(Clone, Debug, PartialEq)]
struct Dashboard {
    source: Source,
    today: Day,
    streak: streak::Streak,
    /// Days with activity and their counts, ascending.
    days: Vec<(Day, u32)>,
    /// (algorithm id, runs finished, quiz answers, right answers)
    algorithms: Vec<(String, u32, u32, u32)>,
}

#[derive(Deserialize)]
struct ServerProgress {
    today: String,
    streak: ServerStreak,
    days: Vec<ServerDay>,
    algorithms: Vec<ServerAlgorithm>,
}

#[derive(Deserialize)]
struct ServerStreak {
    current: u32,
    longest: u32,
    freezes: u32,
    frozen_days: Vec<String>,
}

#[derive(Deserialize)]
struct ServerDay {
    day: String,
    count: u32,
}

#[derive(Deserialize)]
struct ServerAlgorithm {
    algorithm: String,
    runs_finished: u32,
    quizzes_answered: u32,
    #[serde(default)]
    quizzes_right: u32,
}

#[derive(Clone, Debug, Deserialize)]
struct Me {
    time_zone: String,
    zone_change_allowed_from: String,
}

#[derive(Clone, Debug, Deserialize)]
struct TimeZones {
    time_zones: Vec<String>,
}

#[derive(Clone, Debug, Deserialize)]
struct Card {
    url: Option<String>,
}

#[derive(Serialize)]
struct Redeem<'a> {
    code: &'a str,
}

#[derive(Clone, Debug, Deserialize)]
struct PairingCode {
    code: String,
    expires_at: String,
}

impl Dashboard {
    fn from_server(progress: ServerProgress) -> Option<Self> {
        let today = streak::parse_day(&progress.today)?;
        Some(Dashboard {
            source: Source::Server,
            today,
            streak: streak::Streak {
                current: progress.streak.current,
                longest: progress.streak.longest,
                freezes: progress.streak.freezes,
                frozen_days: progress
                    .streak
                    .frozen_days
                    .iter()
                    .filter_map(|d| streak::parse_day(d))
                    .collect(),
            },
            days: progress
                .days
                .iter()
                .filter_map(|d| Some((streak::parse_day(&d.day)?, d.count)))
                .collect(),
            algorithms: progress
                .algorithms
                .into_iter()
                .map(|a| {
                    (
                        a.algorithm,
                        a.runs_finished,
                        a.quizzes_answered,
                        a.quizzes_right,
                    )
                })
                .collect(),
        })
    }

    fn from_device(events: &[tracker::LocalEvent], today: Day, source: Source) -> Self {
        let mut days: Vec<(Day, u32)> = Vec::new();
        let mut sorted: Vec<Day> = events.iter().map(|e| e.day).collect();
        sorted.sort_unstable();
        for day in sorted {
            match days.last_mut() {
                Some((last, count)) if *last == day => *count += 1,
                _ => days.push((day, 1)),
            }
        }
        let mut algorithms: Vec<(String, u32, u32, u32)> = Vec::new();
        for event in events {
            let at = match algorithms.iter().position(|a| a.0 == event.algorithm) {
                Some(at) => at,
                None => {
                    algorithms.push((event.algorithm.clone(), 0, 0, 0));
                    algorithms.len() - 1
                }
            };
            match event.kind {
                Kind::RunFinished => algorithms[at].1 += 1,
                Kind::QuizAnswered => {
                    algorithms[at].2 += 1;
                    algorithms[at].3 += u32::from(event.correct == Some(true));
                }
            }
        }
        let active: Vec<Day> = days.iter().map(|d| d.0).collect();
        Dashboard {
            source,
            today,
            streak: streak::streak(&active, today),
            days,
            algorithms,
        }
    }

    fn count_on(&self, day: Day) -> u32 {
        self.days
            .binary_search_by_key(&day, |d| d.0)
            .map_or(0, |at| self.days[at].1)
    }
}

/// 0 for none, then 1, 2–3, 4–6, 7 or more.
fn level(count: u32) -> u32 {
    match count {
        0 => 0,
        1 => 1,
        2..=3 => 2,
        4..=6 => 3,
        _ => 4,
    }
}

/// An instant from the server (RFC 3339) as people write it, in this browser's language and time zone
/// ("7 Dec 2026, 14:05"); text that is not an instant is shown as it came.
fn human_instant(rfc3339: &str) -> String {
    let date = js_sys::Date::new(&rfc3339.into());
    if date.get_time().is_nan() {
        return rfc3339.to_owned();
    }
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"medium".into());
    let _ = js_sys::Reflect::set(&options, &"timeStyle".into(), &"short".into());
    date.to_locale_string("default", &options).into()
}

/// When the home zone may change next, in words: now, or from a day and time.
fn next_zone_change(allowed_from: &str) -> String {
    let at = js_sys::Date::new(&allowed_from.into()).get_time();
    if at <= js_sys::Date::now() {
        "you can change it now.".to_owned()
    } else {
        format!(
            "the next change is possible from {}.",
            human_instant(allowed_from)
        )
    }
}

#[derive(Clone, PartialEq)]
enum Loaded {
    Loading,
    Ready(Dashboard),
    Failed(String),
}

#[component]
pub fn ProgressPage() -> impl IntoView {
    let tracker = expect_context::<Tracker>();
    let loaded = RwSignal::new(Loaded::Loading);
    let me = RwSignal::new(None::<Me>);
    // Bumped by the settings when the account changed (linked, new zone).
    let revision = RwSignal::new(0u32);
    // Reload whenever the sync state settles (events delivered, the device linked, the server found or not).
    Effect::new(move |_| {
        revision.track();
        let from_device = |source| {
            Loaded::Ready(Dashboard::from_device(
                &tracker::local_activity(),
                tracker::local_day(),
                source,
            ))
        };
        match tracker.sync.get() {
            Sync::Checking | Sync::Pending(_) => {}
            Sync::LocalOnly => loaded.set(from_device(Source::Device)),
            Sync::Offline(_) => loaded.set(from_device(Source::Offline)),
            Sync::Synced | Sync::Failed { .. } | Sync::Unlinked(_) => match tracker::account() {
                Some(account) => crate::spawn_while(
                    move || !loaded.is_disposed(),
                    load_from_server(account, loaded, me),
                ),
                // A server, and nothing recorded on it yet.
                None => loaded.set(Loaded::Ready(Dashboard {
                    source: Source::Server,
                    ..Dashboard::from_device(&[], tracker::local_day(), Source::Server)
                })),
            },
        }
    });

    view! {
        <section class="progress-page" aria-labelledby="progress-title">
            <h1 id="progress-title">"Your progress"</h1>
            {move || match loaded.get() {
                Loaded::Loading => view! { <p role="status">"Loading your progress…"</p> }.into_any(),
                Loaded::Failed(reason) => view! {
                    <p class="error" role="alert" data-testid="progress-error">{reason}</p>
                }
                .into_any(),
                Loaded::Ready(dashboard) => view! { <DashboardView dashboard=dashboard /> }.into_any(),
            }}
            <Settings me=me revision=revision />
        </section>
    }
}

async fn load_from_server(account: Account, loaded: RwSignal<Loaded>, me: RwSignal<Option<Me>>) {
    let progress = api::call("GET", "/api/progress", Some(&account.token), None, false).await;
    match progress {
        Ok(reply) if reply.ok() => match reply.read().and_then(Dashboard::from_server) {
            Some(dashboard) => loaded.set(Loaded::Ready(dashboard)),
            None => loaded.set(Loaded::Failed(
                "The server's progress could not be read.".to_owned(),
            )),
        },
        Ok(reply) => loaded.set(Loaded::Failed(reply.message())),
        Err(error) => loaded.set(Loaded::Failed(format!(
            "The server could not be reached ({error})."
        ))),
    }
    if let Ok(reply) = api::call("GET", "/api/me", Some(&account.token), None, false).await
        && reply.ok()
    {
        me.set(reply.read());
    }
}

#[component]
fn DashboardView(dashboard: Dashboard) -> impl IntoView {
    let s = &dashboard.streak;
    let today_done = dashboard.count_on(dashboard.today) > 0;
    let source = match dashboard.source {
        Source::Server => "Kept by the server: its clock decides the days, in your home time zone.",
        Source::Device => "This device only, not verified: no server holds this progress.",
        Source::Offline => {
            "Offline: this device's own record, not verified. The server's copy shows when it is back."
        }
    };
    let frozen = (!s.frozen_days.is_empty()).then(|| {
        let list: Vec<String> = s.frozen_days.iter().map(|&d| streak::day_text(d)).collect();
        view! { <p data-testid="frozen-days">"Frozen days in this streak: " {list.join(", ")} "."</p> }
    });
    view! {
        <p class="source" data-testid="progress-source" data-verified=(dashboard.source == Source::Server).to_string()>{source}</p>
        <div class="streak-panel" data-testid="streak-panel">
            <div><span class="big" data-testid="current-streak">{s.current}</span> " current streak (days)"</div>
            <div><span class="big" data-testid="longest-streak">{s.longest}</span> " longest"</div>
            <div><span class="big" data-testid="freezes">{s.freezes}</span> " freezes held"</div>
            <div data-testid="today-status">{if today_done { "Today: done" } else { "Today: not yet" }}</div>
        </div>
        <p class="rules">
            "Finishing a run (playing or stepping it to its last step) or answering a quiz question makes a day \
             active. Every 7 active days in a row earn a freeze (2 at most), which covers one missed day."
        </p>
        {frozen}
        <h2>"The last year"</h2>
        <Calendar dashboard=dashboard.clone() />
        <h2>"Week by week"</h2>
        <WeeklyChart dashboard=dashboard.clone() />
        <h2>"By category and algorithm"</h2>
        <AlgorithmTable dashboard=dashboard />
        <Resume />
    }
}

/// 53 weeks × 7 days, Sunday first, today in the last column; frozen days outlined; each month named
/// over its first week and Monday, Wednesday and Friday beside their rows; a tap or click on a day says
/// its date and count (no hover needed); a text alternative beside it (a summary, and the active days as
/// a list).
#[component]
fn Calendar(dashboard: Dashboard) -> impl IntoView {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let today = dashboard.today;
    let first = today - streak::weekday(today) as Day - (WEEKS - 1) * 7;
    let cell = 11;
    let gap = 2;
    // Room for the weekdays' names on the left and the months' above.
    let (left, top) = (26, 14);
    let mut cells = String::new();
    for (weekday, name) in [(1, "Mon"), (3, "Wed"), (5, "Fri")] {
        cells.push_str(&format!(
            r#"<text class="calendar-label" x="0" y="{}">{name}</text>"#,
            top + weekday * (cell + gap) + 9
        ));
    }
    let is_first = |day: Day| streak::day_text(day).ends_with("-01");
    for week in 0..WEEKS {
        let sunday = first + week * 7;
        // The month whose 1st falls in this week; the first column names the month it is in, unless the
        // next month's name would stand on it (a 1st within three weeks).
        let opens = week == 0 && !(first..first + 21).any(is_first);
        let starts = (sunday..sunday + 7)
            .find(|&day| is_first(day) || opens)
            .map(streak::day_text);
        if let Some(month) = starts.and_then(|text| text[5..7].parse::<usize>().ok()) {
            cells.push_str(&format!(
                r#"<text class="calendar-label" x="{}" y="10">{}</text>"#,
                left + week * (cell + gap),
                MONTHS[month - 1]
            ));
        }
    }
    let mut active = 0;
    let mut most = (0, first);
    for day in first..=today {
        let offset = day - first;
        let (week, weekday) = (offset / 7, offset % 7);
        let count = dashboard.count_on(day);
        if count > 0 {
            active += 1;
        }
        if count > most.0 {
            most = (count, day);
        }
        let frozen = dashboard.streak.frozen_days.contains(&day);
        cells.push_str(&format!(
            r#"<rect x="{}" y="{}" width="{cell}" height="{cell}" rx="2" class="day level-{}{}" data-day="{}" data-count="{count}"><title>{}: {}</title></rect>"#,
            left + week * (cell + gap),
            top + weekday * (cell + gap),
            level(count),
            if frozen { " frozen" } else { "" },
            streak::day_text(day),
            streak::day_text(day),
            if frozen { "frozen".to_owned() } else { plural(count, "activity", "activities") },
        ));
    }
    let width = left + WEEKS * (cell + gap);
    let height = top + 7 * (cell + gap);
    let summary = if active == 0 {
        "No active day in the last year yet.".to_owned()
    } else {
        format!(
            "Active on {} of the last {} days; the most on {} ({}).",
            active,
            today - first + 1,
            streak::day_text(most.1),
            plural(most.0, "activity", "activities")
        )
    };
    let listed: Vec<(Day, u32)> = dashboard
        .days
        .iter()
        .copied()
        .filter(|d| d.0 >= first)
        .collect();
    // On a narrow screen the year scrolls sideways at a readable size, opened at today's end.
    let scroll = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        if let Some(scroll) = scroll.get() {
            scroll.set_scroll_left(scroll.scroll_width());
        }
    });
    // The day a tap or click lands on, said in words: a day's own title shows only on hover.
    let picked = RwSignal::new(String::new());
    let pick = move |event: leptos::ev::MouseEvent| {
        let day = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
            .and_then(|element| element.closest("rect[data-day]").ok().flatten());
        if let Some(day) = day {
            picked.set(day.text_content().unwrap_or_default());
        }
    };
    view! {
        <figure class="calendar">
            <div class="calendar-scroll" node_ref=scroll tabindex="0" role="group" aria-label="The last year, day by day">
                <svg data-testid="calendar" viewBox=format!("0 0 {width} {height}") width=width height=height
                    role="img" aria-labelledby="calendar-summary" inner_html=cells on:click=pick></svg>
            </div>
            <p class="calendar-day" role="status" data-testid="calendar-day">{move || picked.get()}</p>
            <figcaption id="calendar-summary" data-testid="calendar-summary">{summary}</figcaption>
            <ul class="calendar-key" aria-hidden="true">
                <li>"Less"</li>
                {(0..=4).map(|l| view! { <li><svg width="11" height="11"><rect width="11" height="11" rx="2" class=format!("day level-{l}") /></svg></li> }).collect_view()}
                <li>"More"</li>
                <li><svg width="11" height="11"><rect width="11" height="11" rx="2" class="day level-0 frozen" /></svg> " frozen"</li>
            </ul>
            <details>
                <summary>"Active days as a list"</summary>
                <ul data-testid="active-days">
                    {listed.into_iter().rev().map(|(day, count)| view! {
                        <li>{streak::day_text(day)} ": " {plural(count, "activity", "activities")}</li>
                    }).collect_view()}
                </ul>
            </details>
        </figure>
    }
}

/// Activities per week for the last [`CHART_WEEKS`] weeks, as bars with their numbers.
#[component]
fn WeeklyChart(dashboard: Dashboard) -> impl IntoView {
    let this_week = dashboard.today - streak::weekday(dashboard.today) as Day;
    let weeks: Vec<(Day, u32)> = (0..CHART_WEEKS)
        .rev()
        .map(|back| {
            let start = this_week - back * 7;
            (
                start,
                (start..start + 7).map(|d| dashboard.count_on(d)).sum(),
            )
        })
        .collect();
    let most = weeks.iter().map(|w| w.1).max().unwrap_or(0).max(1);
    view! {
        <ol class="weekly" data-testid="weekly">
            {weeks.into_iter().map(|(start, count)| {
                let height = format!("{:.0}%", 100.0 * f64::from(count) / f64::from(most));
                view! {
                    <li>
                        <span class="week-bar" style:height=height></span>
                        <span class="week-count">{count}</span>
                        <span class="week-start">{streak::day_text(start)[5..].to_owned()}</span>
                        <span class="visually-hidden">{format!(" activities in the week from {}", streak::day_text(start))}</span>
                    </li>
                }
            }).collect_view()}
        </ol>
    }
}

/// "4 (3 right, 75%)": answers with their accuracy, rounded to a whole percent.
fn answered(answers: u32, right: u32) -> String {
    if answers == 0 {
        return "0".to_owned();
    }
    let percent = (u64::from(right) * 200 + u64::from(answers)) / (u64::from(answers) * 2);
    format!("{answers} ({right} right, {percent}%)")
}

#[component]
fn AlgorithmTable(dashboard: Dashboard) -> impl IntoView {
    let category_rows = Category::listed()
        .map(|category| {
            let (runs, answers, right, tried) = dashboard
                .algorithms
                .iter()
                .filter(|a| catalogue::card(&a.0).is_some_and(|c| c.category == category))
                .fold((0, 0, 0, 0), |acc, a| {
                    (acc.0 + a.1, acc.1 + a.2, acc.2 + a.3, acc.3 + 1)
                });
            let of = catalogue::CARDS
                .iter()
                .filter(|c| c.category == category)
                .count();
            view! {
                <tr data-testid=format!("category-{}", category.name().to_ascii_lowercase())>
                    <th scope="row">{category.name()}</th>
                    <td>{format!("{tried} of {of}")}</td>
                    <td>{runs}</td>
                    <td>{answered(answers, right)}</td>
                </tr>
            }
        })
        .collect::<Vec<_>>();
    let mut algorithms = dashboard.algorithms.clone();
    algorithms.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let algorithm_rows = algorithms
        .into_iter()
        .filter_map(|(id, runs, answers, right)| {
            let card = catalogue::card(&id)?;
            Some(view! {
                <tr data-testid="algorithm-progress" data-id=card.id>
                    <th scope="row"><Link href=format!("/algorithms/{}", card.id)>{card.name}</Link></th>
                    <td>{card.category.name()}</td>
                    <td data-testid="runs">{runs}</td>
                    <td data-testid="answers">{answered(answers, right)}</td>
                </tr>
            })
        })
        .collect_view();
    view! {
        <table class="progress-table">
            <caption class="visually-hidden">"Progress per category"</caption>
            <thead><tr><th scope="col">"Category"</th><th scope="col">"Tried"</th><th scope="col">"Runs finished"</th><th scope="col">"Quiz answers (right)"</th></tr></thead>
            <tbody>{category_rows.into_iter().collect_view()}</tbody>
        </table>
        <table class="progress-table">
            <caption class="visually-hidden">"Progress per algorithm"</caption>
            <thead><tr><th scope="col">"Algorithm"</th><th scope="col">"Category"</th><th scope="col">"Runs finished"</th><th scope="col">"Quiz answers (right)"</th></tr></thead>
            <tbody>{algorithm_rows}</tbody>
        </table>
    }
}

/// The link's query that opens a saved run at `step`, in its kind's own form.
fn resume_query(input: &algorithms::Input, step: u64) -> String {
    fn query<K: crate::kind::Kind>(input: &algorithms::Input, step: u64) -> String {
        crate::url_state::query_view::<K>(&crate::url_state::ViewState {
            source: K::of(input),
            step,
            speed: crate::url_state::DEFAULT_SPEED,
        })
    }
    #[cfg(feature = "trees")]
    if input.script().is_some() {
        return query::<crate::tree_kind::Trees>(input, step);
    }
    query::<crate::kind::ListGraphGrid>(input, step)
}

/// The places to continue from: the account's sessions on the server (each opens at its step on any
/// device, verified there), then this device's own places that the server does not have.
#[component]
fn Resume() -> impl IntoView {
    let places = RwSignal::new(
        crate::sessions::recent()
            .into_iter()
            .map(|s| (s.algorithm, s.query, s.step, "this device"))
            .collect::<Vec<_>>(),
    );
    crate::spawn_while(move || !places.is_disposed(), async move {
        let Some(remote) = crate::sessions::on_server().await else {
            return;
        };
        places.update(|places| {
            places.retain(|(id, ..)| remote.iter().all(|s| &s.algorithm != id));
            let mut all: Vec<_> = remote
                .into_iter()
                .map(|s| {
                    let query = format!("{}&resume", resume_query(&s.input, s.step));
                    (s.algorithm, query, s.step, "saved on the server")
                })
                .collect();
            all.append(places);
            *places = all;
        });
    });
    move || {
        let list = places.get();
        {
            (!list.is_empty()).then(|| {
                view! {
                    <h2>"Continue where you left off"</h2>
                    <ul class="resume" data-testid="resume">
                        {list.into_iter().filter_map(|(id, query, step, place)| {
                            let card = catalogue::card(&id)?;
                            Some(view! {
                                <li><Link href=format!("/algorithms/{}?{query}", card.id)>
                                    {card.name} " · step " {step} " · " {place}
                                </Link></li>
                            })
                        }).collect_view()}
                    </ul>
                }
            })
        }
    }
}

/// The account's settings: home time zone (once per 7 days), linking devices, the server's address.
#[component]
fn Settings(me: RwSignal<Option<Me>>, revision: RwSignal<u32>) -> impl IntoView {
    let tracker = expect_context::<Tracker>();
    let zone_message = RwSignal::new(None::<String>);
    // The names the server accepts, for the zone field's list (empty until they arrive).
    let zones = RwSignal::new(Vec::<String>::new());
    crate::spawn_while(move || !zones.is_disposed(), async move {
        if let Ok(reply) = api::call("GET", "/api/time-zones", None, None, false).await
            && let Some(list) = reply.read::<TimeZones>()
        {
            zones.set(list.time_zones);
        }
    });
    let code = RwSignal::new(None::<PairingCode>);
    let link_message = RwSignal::new(None::<String>);
    let server_message = RwSignal::new(None::<String>);
    let delete_message = RwSignal::new(None::<String>);
    // The public streak card's address on the server, when it is on.
    let card = RwSignal::new(None::<String>);
    let card_message = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        revision.track();
        let Some(account) = tracker::account() else {
            return;
        };
        crate::spawn_while(move || !card.is_disposed(), async move {
            if let Ok(reply) =
                api::call("GET", "/api/me/card", Some(&account.token), None, false).await
                && let Some(state) = reply.read::<Card>()
            {
                card.set(state.url);
            }
        });
    });
    let switch_card = move |on: bool| {
        let Some(account) = tracker::account() else {
            card_message.set(Some(
                "Nothing is recorded on the server yet: finish a run first.".to_owned(),
            ));
            return;
        };
        crate::spawn_while(move || !card.is_disposed(), async move {
            let method = if on { "POST" } else { "DELETE" };
            match api::call(method, "/api/me/card", Some(&account.token), None, false).await {
                Ok(reply) if reply.ok() => {
                    card.set(reply.read::<Card>().and_then(|c| c.url));
                    card_message.set(None);
                }
                Ok(reply) => card_message.set(Some(reply.message())),
                Err(error) => card_message.set(Some(format!("Not changed: {error}"))),
            }
        });
    };
    let has_server = move || !matches!(tracker.sync.get(), Sync::LocalOnly | Sync::Checking);

    let change_zone = move |zone: String| {
        let Some(account) = tracker::account() else {
            return;
        };
        let known = zones
            .with_untracked(|names| names.is_empty() || names.iter().any(|n| n == zone.trim()));
        if !known {
            return zone_message.set(Some(format!(
                "\"{}\" is not a time zone name the server knows: choose one from the list (type a city, e.g. Tokyo).",
                zone.trim()
            )));
        }
        crate::spawn_while(move || !zone_message.is_disposed(), async move {
            let body = api::json(&api::TimeZone {
                time_zone: zone.trim(),
            });
            match api::call("PATCH", "/api/me", Some(&account.token), body, false).await {
                Ok(reply) if reply.ok() => {
                    me.set(reply.read());
                    zone_message.set(Some("Saved. Days now follow this time zone.".to_owned()));
                    revision.update(|r| *r += 1);
                }
                Ok(reply) => zone_message.set(Some(reply.message())),
                Err(error) => zone_message.set(Some(format!("Not saved: {error}"))),
            }
        });
    };
    let new_code = move |_| {
        crate::spawn_while(move || !link_message.is_disposed(), async move {
            let account = match tracker::account() {
                Some(account) => account,
                None => match tracker::new_account().await {
                    Ok(reply) if reply.ok() => match tracker::keep_account(&reply) {
                        Some(account) => account,
                        None => {
                            return link_message
                                .set(Some("The server's answer could not be read.".to_owned()));
                        }
                    },
                    Ok(reply) => return link_message.set(Some(reply.message())),
                    Err(error) => return link_message.set(Some(format!("No code: {error}"))),
                },
            };
            match api::call(
                "POST",
                "/api/pairing-codes",
                Some(&account.token),
                None,
                false,
            )
            .await
            {
                Ok(reply) if reply.ok() => code.set(reply.read()),
                Ok(reply) => link_message.set(Some(reply.message())),
                Err(error) => link_message.set(Some(format!("No code: {error}"))),
            }
        });
    };
    let redeem = move |typed: String| {
        crate::spawn_while(move || !link_message.is_disposed(), async move {
            let body = api::json(&Redeem { code: typed.trim() });
            match api::call("POST", "/api/pairing-codes/redeem", None, body, false).await {
                Ok(reply) if reply.ok() => {
                    if tracker::keep_account(&reply).is_none() {
                        return link_message
                            .set(Some("The server's answer could not be read.".to_owned()));
                    }
                    link_message.set(Some(
                        "Linked: this device now shares the other device's progress and sessions; \
                         its waiting events are sent there."
                            .to_owned(),
                    ));
                    tracker.flush();
                    revision.update(|r| *r += 1);
                }
                Ok(reply) => link_message.set(Some(reply.message())),
                Err(error) => link_message.set(Some(format!("Not linked: {error}"))),
            }
        });
    };
    // Everything the server holds of this learner, every linked device's key included; this browser's own
    // record stays (it is on this device only).
    let delete_all = move |_| {
        let Some(account) = tracker::account() else {
            return;
        };
        let sure = window()
            .confirm_with_message(
                "Delete your progress, sessions and linked devices from the server? This cannot be undone.",
            )
            .unwrap_or(false);
        if !sure {
            return;
        }
        crate::spawn_while(move || !delete_message.is_disposed(), async move {
            match api::call("DELETE", "/api/me", Some(&account.token), None, false).await {
                Ok(reply) if reply.ok() => {
                    tracker.start_again();
                    delete_message.set(Some(
                        "Deleted from the server. A new anonymous account starts with your next finished run."
                            .to_owned(),
                    ));
                    revision.update(|r| *r += 1);
                }
                Ok(reply) => delete_message.set(Some(reply.message())),
                Err(error) => delete_message.set(Some(format!("Not deleted: {error}"))),
            }
        });
    };
    let set_server = move |origin: String| match api::set_origin(&origin) {
        Ok(()) => {
            server_message.set(Some("Saved; connecting…".to_owned()));
            tracker.reconnect();
        }
        Err(message) => server_message.set(Some(message)),
    };

    let zone_input = NodeRef::<leptos::html::Input>::new();
    let code_input = NodeRef::<leptos::html::Input>::new();
    let server_input = NodeRef::<leptos::html::Input>::new();
    let value = |input: NodeRef<leptos::html::Input>| {
        input.get_untracked().map(|i| i.value()).unwrap_or_default()
    };

    view! {
        <h2>"Settings"</h2>
        <Show when=move || me.with(Option::is_some)>
            <form class="setting" on:submit=move |e| { e.prevent_default(); change_zone(value(zone_input)) }>
                <label>"Home time zone "
                    <input type="text" node_ref=zone_input data-testid="zone" list="time-zones" autocomplete="off"
                        spellcheck="false"
                        prop:value=move || me.with(|m| m.as_ref().map(|m| m.time_zone.clone()).unwrap_or_default()) />
                </label>
                <datalist id="time-zones" data-testid="time-zones">
                    {move || zones.get().into_iter().map(|name| view! { <option value=name></option> }).collect_view()}
                </datalist>
                <button type="submit">"Save"</button>
                <p class="hint">
                    "Your days are counted in this zone. It can change once every 7 days, so moving between \
                     zones cannot add days; "
                    {move || me.with(|m| m.as_ref().map(|m| next_zone_change(&m.zone_change_allowed_from)).unwrap_or_default())}
                </p>
                <p role="status">{move || zone_message.get()}</p>
            </form>
        </Show>
        <Show when=has_server>
            <div class="setting" id="link">
                <h3>"Link another device"</h3>
                <button data-testid="new-code" on:click=new_code>"Show a pairing code"</button>
                {move || code.get().map(|c| view! {
                    <p>"Enter " <strong class="code" data-testid="pairing-code">{c.code}</strong>
                       " on the other device, by " {human_instant(&c.expires_at)} "."</p>
                })}
                <form on:submit=move |e| { e.prevent_default(); redeem(value(code_input)) }>
                    <label>"Code from another device "
                        <input type="text" node_ref=code_input data-testid="redeem-code" autocomplete="off" />
                    </label>
                    <button type="submit" data-testid="redeem">"Link this device"</button>
                </form>
                <p role="status" data-testid="link-message">{move || link_message.get()}</p>
            </div>
            <div class="setting">
                <h3>"Public streak card"</h3>
                <p class="hint">
                    "An image of your streak for a README or a profile page, drawn by the server. Anyone with its \
                     address can see it; turning it off removes the address, and turning it on again makes a new one."
                </p>
                {move || match card.get() {
                    Some(url) => {
                        let address = format!("{}{url}", if api::origin().is_empty() {
                            window().location().origin().unwrap_or_default()
                        } else {
                            api::origin()
                        });
                        view! {
                            <p>"Address: " <code data-testid="card-url">{address.clone()}</code></p>
                            <img src=address alt="Your public streak card" data-testid="card-image" width="360" height="170" />
                            <button data-testid="card-off" on:click=move |_| switch_card(false)>"Turn the card off"</button>
                        }
                        .into_any()
                    }
                    None => view! {
                        <button data-testid="card-on" on:click=move |_| switch_card(true)>"Turn the card on"</button>
                    }
                    .into_any(),
                }}
                <p role="status">{move || card_message.get()}</p>
            </div>
            <div class="setting">
                <h3>"Your data"</h3>
                <button data-testid="delete-account" on:click=delete_all>"Delete everything from the server"</button>
                <p role="status" data-testid="delete-message">{move || delete_message.get()}</p>
            </div>
        </Show>
        <form class="setting" on:submit=move |e| { e.prevent_default(); set_server(value(server_input)) }>
            <label>"Server address "
                <input type="url" node_ref=server_input data-testid="server-origin" placeholder="this page's own"
                    prop:value=api::origin() />
            </label>
            <button type="submit">"Use this server"</button>
            <p class="hint">"Leave empty to use the server this page came from. Without a server, progress stays on this device."</p>
            <p role="status">{move || server_message.get()}</p>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_device_record_gives_days_streak_and_totals() {
        let event = |day, kind, algorithm: &str| tracker::LocalEvent {
            day,
            kind,
            algorithm: algorithm.to_owned(),
            correct: (kind == Kind::QuizAnswered).then_some(day == 11),
        };
        let events = [
            event(10, Kind::RunFinished, "bubble-sort"),
            event(11, Kind::RunFinished, "bubble-sort"),
            event(11, Kind::QuizAnswered, "binary-search"),
            event(12, Kind::RunFinished, "binary-search"),
        ];
        let dashboard = Dashboard::from_device(&events, 12, Source::Device);
        assert_eq!(dashboard.source, Source::Device);
        assert_eq!(dashboard.days, vec![(10, 1), (11, 2), (12, 1)]);
        assert_eq!(
            (
                dashboard.streak.current,
                dashboard.count_on(11),
                dashboard.count_on(9)
            ),
            (3, 2, 0)
        );
        assert_eq!(
            dashboard.algorithms,
            vec![
                ("bubble-sort".to_owned(), 2, 0, 0),
                ("binary-search".to_owned(), 1, 1, 1)
            ]
        );
    }

    #[test]
    fn answers_show_their_accuracy_rounded() {
        assert_eq!(answered(0, 0), "0");
        assert_eq!(answered(4, 3), "4 (3 right, 75%)");
        assert_eq!(answered(3, 2), "3 (2 right, 67%)");
        assert_eq!(answered(3, 1), "3 (1 right, 33%)");
        assert_eq!(answered(8, 1), "8 (1 right, 13%)");
        assert_eq!(answered(2, 0), "2 (0 right, 0%)");
    }

    #[test]
    fn levels_group_counts() {
        assert_eq!(
            [0, 1, 2, 3, 4, 6, 7, 50].map(level),
            [0, 1, 2, 2, 3, 3, 4, 4]
        );
    }
}

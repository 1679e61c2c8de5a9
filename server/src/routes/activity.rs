//! Activity events and the progress they add up to: streak, freezes, a year of daily counts, and
//! per-algorithm totals.

use axum::Json;
use axum::extract::{RawQuery, State};
use chrono::{DateTime, NaiveDate, TimeDelta, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use super::valid_id;
use crate::AppState;
use crate::anchor::{Clamp, effective_time};
use crate::auth::Authed;
use crate::error::{AppError, Body, JsonBody};
use crate::store::{AlgorithmProgress, DayCount, EventKind, EventRecord, Store, User};
use crate::streak::{Streak, streak};

pub const MAX_EVENTS_PER_BATCH: usize = 500;
/// Events per page of `GET /api/events`: the default and the most a client may ask for.
pub const EVENTS_PAGE: u32 = 500;
pub const EVENTS_PAGE_MAX: u32 = 1_000;
/// Days of history `GET /api/progress` returns, today included.
pub const HISTORY_DAYS: i64 = 365;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventBatch {
    events: Vec<EventIn>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventIn {
    /// Chosen by the client; the same id is counted once however often it is sent.
    id: String,
    kind: EventKind,
    algorithm: String,
    /// When the client says it happened; granted only with a valid anchor (see the README).
    #[serde(default)]
    at: Option<DateTime<Utc>>,
    #[serde(default)]
    anchor: Option<String>,
    /// Whether a `quiz_answered` answer was right; required for that kind, refused for others.
    #[serde(default)]
    correct: Option<bool>,
}

#[derive(Serialize)]
pub struct EventOut {
    id: String,
    status: &'static str,
    #[serde(serialize_with = "crate::time::millis")]
    at: DateTime<Utc>,
    day: NaiveDate,
    /// Why a claimed time was replaced by the receipt time, if it was.
    clamped: Option<Clamp>,
}

#[derive(Serialize)]
pub struct Recorded {
    results: Vec<EventOut>,
    streak: Streak,
}

pub(crate) fn zone(user: &User) -> Result<Tz, AppError> {
    user.time_zone
        .parse()
        .map_err(|_| AppError::Internal(anyhow::anyhow!("stored zone {} unknown", user.time_zone)))
}

impl JsonBody for EventBatch {
    const OBJECT_LISTS: &'static [&'static str] = &["events"];
}

pub async fn record<S: Store>(
    State(state): State<AppState<S>>,
    Authed(user): Authed,
    Body(batch): Body<EventBatch>,
) -> Result<Json<Recorded>, AppError> {
    if batch.events.is_empty() || batch.events.len() > MAX_EVENTS_PER_BATCH {
        return Err(AppError::Invalid(format!(
            "events: send 1 to {MAX_EVENTS_PER_BATCH} events, not {}",
            batch.events.len()
        )));
    }
    for (index, event) in batch.events.iter().enumerate() {
        if !valid_id(&event.id) {
            return Err(AppError::Invalid(format!(
                "events[{index}].id: use 1–64 letters, digits, '-' or '_'"
            )));
        }
        match (event.kind, event.correct) {
            (EventKind::QuizAnswered, None) => {
                return Err(AppError::Invalid(format!(
                    "events[{index}].correct: a quiz_answered event says whether the answer was right"
                )));
            }
            (EventKind::RunFinished, Some(_)) => {
                return Err(AppError::Invalid(format!(
                    "events[{index}].correct: only a quiz_answered event has one"
                )));
            }
            _ => {}
        }
        if algorithms::catalogue::find(&event.algorithm).is_none() {
            return Err(AppError::Invalid(format!(
                "events[{index}].algorithm: \"{}\" is not in the catalogue",
                event.algorithm.chars().take(64).collect::<String>()
            )));
        }
    }
    let tz = zone(&user)?;
    let received = state.clock.now();
    let mut clamps = Vec::with_capacity(batch.events.len());
    let records = batch
        .events
        .into_iter()
        .map(|event| {
            let (at, clamp) = effective_time(
                event.at,
                event.anchor.as_deref(),
                received,
                &user.id,
                &state.anchors,
            );
            clamps.push(clamp);
            EventRecord {
                event_id: event.id,
                kind: event.kind,
                algorithm: event.algorithm,
                at,
                day: at.with_timezone(&tz).date_naive(),
                received_at: received,
                correct: event.correct,
            }
        })
        .collect();
    let recorded = state.store.record_events(&user.id, records).await?;
    let results = recorded
        .into_iter()
        .zip(clamps)
        .map(|(recorded, clamp)| EventOut {
            id: recorded.record.event_id,
            status: if recorded.new {
                "recorded"
            } else {
                "duplicate"
            },
            at: recorded.record.at,
            day: recorded.record.day,
            clamped: if recorded.new { clamp } else { None },
        })
        .collect();
    let days = state.store.day_counts(&user.id).await?;
    Ok(Json(Recorded {
        results,
        streak: current_streak(&days, received.with_timezone(&tz).date_naive()),
    }))
}

pub(crate) fn current_streak(days: &[DayCount], today: NaiveDate) -> Streak {
    let active: Vec<NaiveDate> = days.iter().map(|d| d.day).collect();
    streak(&active, today)
}

#[derive(Serialize)]
pub struct Progress {
    time_zone: String,
    today: NaiveDate,
    streak: Streak,
    /// Days with activity from `history_from` to `today`, oldest first; other days had none.
    days: Vec<DayCount>,
    history_from: NaiveDate,
    algorithms: Vec<AlgorithmProgress>,
}

pub async fn progress<S: Store>(
    State(state): State<AppState<S>>,
    Authed(user): Authed,
) -> Result<Json<Progress>, AppError> {
    let tz = zone(&user)?;
    let today = state.clock.now().with_timezone(&tz).date_naive();
    let history_from = today - TimeDelta::days(HISTORY_DAYS - 1);
    let days = state.store.day_counts(&user.id).await?;
    let streak = current_streak(&days, today);
    let algorithms = state.store.algorithm_progress(&user.id).await?;
    Ok(Json(Progress {
        time_zone: user.time_zone,
        today,
        streak,
        days: days.into_iter().filter(|d| d.day >= history_from).collect(),
        history_from,
        algorithms,
    }))
}

/// One page of the user's event log, oldest first; `next` is the cursor of the following page, or null.
#[derive(Serialize)]
pub struct EventPage {
    events: Vec<EventExport>,
    next: Option<String>,
}

#[derive(Serialize)]
struct EventExport {
    id: String,
    kind: &'static str,
    algorithm: String,
    #[serde(serialize_with = "crate::time::millis")]
    at: DateTime<Utc>,
    day: NaiveDate,
    #[serde(serialize_with = "crate::time::millis")]
    received_at: DateTime<Utc>,
    #[serde(skip_serializing_if = "Option::is_none")]
    correct: Option<bool>,
}

/// A page cursor: the last event's time (microseconds since the epoch) and id, `<micros>~<id>`.
fn cursor(event: &EventRecord) -> String {
    format!("{}~{}", event.at.timestamp_micros(), event.event_id)
}

fn parse_cursor(text: &str) -> Option<(DateTime<Utc>, String)> {
    let (micros, id) = text.split_once('~')?;
    let at = DateTime::from_timestamp_micros(micros.parse().ok()?)?;
    valid_id(id).then(|| (at, id.to_owned()))
}

/// `GET /api/events?limit=&after=`: the user's own event log, page by page. Their data is theirs.
pub async fn export<S: Store>(
    State(state): State<AppState<S>>,
    Authed(user): Authed,
    RawQuery(query): RawQuery,
) -> Result<Json<EventPage>, AppError> {
    let (mut limit, mut after) = (EVENTS_PAGE, None);
    for pair in query
        .as_deref()
        .unwrap_or_default()
        .split('&')
        .filter(|p| !p.is_empty())
    {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        match key {
            "limit" => {
                limit = value
                    .parse()
                    .ok()
                    .filter(|n| (1..=EVENTS_PAGE_MAX).contains(n))
                    .ok_or_else(|| {
                        AppError::BadRequest(format!(
                            "limit: a whole number from 1 to {EVENTS_PAGE_MAX}, not \"{}\"",
                            value.chars().take(32).collect::<String>()
                        ))
                    })?;
            }
            "after" => {
                after = Some(parse_cursor(value).ok_or_else(|| {
                    AppError::BadRequest(
                        "after: the `next` cursor of the previous page, as it was given".to_owned(),
                    )
                })?);
            }
            _ => {
                return Err(AppError::BadRequest(format!(
                    "unknown query parameter \"{}\"; this takes `limit` and `after`",
                    key.chars().take(32).collect::<String>()
                )));
            }
        }
    }
    let events = state.store.events_page(&user.id, after, limit).await?;
    let next = (events.len() == limit as usize)
        .then(|| events.last().map(cursor))
        .flatten();
    Ok(Json(EventPage {
        events: events
            .into_iter()
            .map(|e| EventExport {
                id: e.event_id,
                kind: e.kind.as_str(),
                algorithm: e.algorithm,
                at: e.at,
                day: e.day,
                received_at: e.received_at,
                correct: e.correct,
            })
            .collect(),
        next,
    }))
}

//! Persistence. Handlers see only the [`Store`] trait; [`SqliteStore`] is the embedded default,
//! [`SupabaseStore`] the production one. Every
//! implementation passes the one conformance suite in `tests/store_conformance.rs`.
//!
//! Rules that must hold under concurrency live in the store, enforced by the database: an event id counts
//! once per user (a unique key), a session write lands only on the version it expects (a conditional
//! update), a pairing code is spent once (a conditional update), a time zone changes at most once per window.

mod sqlite;
mod supabase;

use std::future::Future;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

pub use sqlite::SqliteStore;
pub use supabase::SupabaseStore;

pub type Result<T> = anyhow::Result<T>;

/// The store did not answer (unreachable, or not within its time limit): the request gets 503, not 500.
#[derive(Debug)]
pub struct Unavailable(pub String);

impl std::fmt::Display for Unavailable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Unavailable {}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct StoreHealth {
    pub kind: &'static str,
    pub schema_version: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct User {
    pub id: String,
    pub time_zone: String,
    pub zone_changed_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    RunFinished,
    QuizAnswered,
}

impl EventKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::RunFinished => "run_finished",
            EventKind::QuizAnswered => "quiz_answered",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "run_finished" => Some(EventKind::RunFinished),
            "quiz_answered" => Some(EventKind::QuizAnswered),
            _ => None,
        }
    }
}

/// An activity event as recorded: `at` is the effective time the server granted, `day` the calendar day
/// in the user's zone at that time.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct EventRecord {
    pub event_id: String,
    pub kind: EventKind,
    pub algorithm: String,
    pub at: DateTime<Utc>,
    pub day: NaiveDate,
    pub received_at: DateTime<Utc>,
    /// For `quiz_answered`: whether the answer was right (absent for other kinds).
    #[serde(default)]
    pub correct: Option<bool>,
}

/// The outcome of recording one event: `new` is false for a duplicate id, and then the record is the one
/// stored first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recorded {
    pub record: EventRecord,
    pub new: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayCount {
    pub day: NaiveDate,
    pub count: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AlgorithmProgress {
    pub algorithm: String,
    pub runs_finished: u32,
    pub quizzes_answered: u32,
    /// Of `quizzes_answered`, the right answers.
    pub quizzes_right: u32,
    #[serde(serialize_with = "crate::time::millis")]
    pub last_at: DateTime<Utc>,
}

/// What a client writes to a session; the store adds the version and timestamps.
#[derive(Debug, Clone, PartialEq)]
pub struct SessionWrite {
    pub id: String,
    pub algorithm: String,
    pub algorithm_version: u32,
    pub input: serde_json::Value,
    pub step: u64,
    /// SHA-256 of the snapshot at `step`, computed by the server's replay.
    pub snapshot_hash: String,
    pub preferences: serde_json::Value,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Session {
    pub id: String,
    pub algorithm: String,
    pub algorithm_version: u32,
    pub input: serde_json::Value,
    pub step: u64,
    pub snapshot_hash: String,
    pub preferences: serde_json::Value,
    pub version: u64,
    #[serde(serialize_with = "crate::time::millis")]
    pub created_at: DateTime<Utc>,
    #[serde(serialize_with = "crate::time::millis")]
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum SessionPut {
    Stored(Session),
    /// The expected version was not the current one; here is the current copy.
    Conflict(Session),
    /// An update (expected version ≥ 1) of a session that does not exist.
    Missing,
    /// A new session, but the user already has [`MAX_SESSIONS_PER_USER`].
    Full,
}

/// Sessions one user may hold; the stores enforce it as they insert (SQLite in the statement, Supabase in
/// a trigger of `supabase/migrations/`, which must say the same number; the conformance suite checks both).
pub const MAX_SESSIONS_PER_USER: u32 = 100;

#[derive(Debug, Clone, Copy)]
pub struct NewPairingCode<'a> {
    pub code_hash: &'a str,
    pub user_id: &'a str,
    pub now: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    /// At most `limit` codes of this user may have been created after `since`.
    pub since: DateTime<Utc>,
    pub limit: u32,
}

/// What `delete_user` removed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Deleted {
    pub events: u64,
    pub sessions: u64,
    pub pairing_codes: u64,
    pub tokens: u64,
}

pub trait Store: Send + Sync + 'static {
    fn health(&self) -> impl Future<Output = Result<StoreHealth>> + Send;

    /// The key that signs time anchors: the stored one, or `candidate` stored now if there is none, so every
    /// server on one store signs alike and anchors survive restarts.
    fn anchor_key(&self, candidate: Vec<u8>) -> impl Future<Output = Result<Vec<u8>>> + Send;

    /// Creates a user with its first device token.
    fn create_user(&self, user: &User, token_hash: &str)
    -> impl Future<Output = Result<()>> + Send;

    fn add_token(
        &self,
        user_id: &str,
        token_hash: &str,
        now: DateTime<Utc>,
    ) -> impl Future<Output = Result<()>> + Send;

    fn user_by_token(&self, token_hash: &str) -> impl Future<Output = Result<Option<User>>> + Send;

    /// Sets the zone unless it was changed after `not_changed_since`. Returns whether it changed.
    fn change_time_zone(
        &self,
        user_id: &str,
        time_zone: &str,
        now: DateTime<Utc>,
        not_changed_since: DateTime<Utc>,
    ) -> impl Future<Output = Result<bool>> + Send;

    /// Creates a pairing code unless the user already has `limit` created after `since`; returns whether it
    /// did. The count and the insert are one atomic step, so concurrent requests cannot pass the limit.
    fn create_pairing_code(
        &self,
        code: NewPairingCode<'_>,
    ) -> impl Future<Output = Result<bool>> + Send;

    /// Sets (a new public id) or clears the user's streak card.
    fn set_card(
        &self,
        user_id: &str,
        card_id: Option<&str>,
    ) -> impl Future<Output = Result<()>> + Send;

    /// The user's card id, if their card is on.
    fn card_of(&self, user_id: &str) -> impl Future<Output = Result<Option<String>>> + Send;

    /// The user whose card has this id, if it is on.
    fn user_by_card(&self, card_id: &str) -> impl Future<Output = Result<Option<User>>> + Send;

    /// Removes the user and everything they have (events, sessions, pairing codes, tokens) at once.
    fn delete_user(&self, user_id: &str) -> impl Future<Output = Result<Deleted>> + Send;

    /// Spends an unexpired, unused code; returns its user, or `None` (unknown, expired or already used).
    fn redeem_pairing_code(
        &self,
        code_hash: &str,
        now: DateTime<Utc>,
    ) -> impl Future<Output = Result<Option<String>>> + Send;

    /// Records events, each at most once per (user, event id), in order.
    fn record_events(
        &self,
        user_id: &str,
        events: Vec<EventRecord>,
    ) -> impl Future<Output = Result<Vec<Recorded>>> + Send;

    /// The user's events in order of (`at`, event id), those after `after` (that pair), at most `limit`.
    fn events_page(
        &self,
        user_id: &str,
        after: Option<(DateTime<Utc>, String)>,
        limit: u32,
    ) -> impl Future<Output = Result<Vec<EventRecord>>> + Send;

    /// Qualifying events per day, oldest first.
    fn day_counts(&self, user_id: &str) -> impl Future<Output = Result<Vec<DayCount>>> + Send;

    fn algorithm_progress(
        &self,
        user_id: &str,
    ) -> impl Future<Output = Result<Vec<AlgorithmProgress>>> + Send;

    /// Creates (expected version 0) or updates (expected = current version) a session.
    fn put_session(
        &self,
        user_id: &str,
        write: SessionWrite,
        expected_version: u64,
        now: DateTime<Utc>,
    ) -> impl Future<Output = Result<SessionPut>> + Send;

    fn session(
        &self,
        user_id: &str,
        id: &str,
    ) -> impl Future<Output = Result<Option<Session>>> + Send;

    /// Removes a session; whether there was one.
    fn delete_session(&self, user_id: &str, id: &str) -> impl Future<Output = Result<bool>> + Send;

    /// The user's sessions, most recently updated first.
    fn sessions(&self, user_id: &str) -> impl Future<Output = Result<Vec<Session>>> + Send;
}

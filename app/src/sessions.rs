//! Local sessions: the place in each algorithm's latest run, kept in the browser's local storage so the
//! home page can offer "Continue where you left off" after a reload. The place is the visualizer's
//! address (input, step, speed): reopening it records the same timeline and seeks to the step.

use serde::{Deserialize, Serialize};

/// The version is in the key: data written by another version is never misread, only ignored.
const KEY: &str = "algovista.sessions.v1";
/// How many algorithms' places are kept.
const KEPT: usize = 12;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LocalSession {
    pub algorithm: String,
    /// The visualizer's query string, without `?`.
    pub query: String,
    pub step: u64,
    /// Milliseconds since the epoch, for ordering.
    pub updated: f64,
}

/// The kept sessions, most recent first. Unreadable data is set aside (see `storage`) and reads as none.
pub fn recent() -> Vec<LocalSession> {
    let mut sessions: Vec<LocalSession> =
        crate::storage::load(KEY, "the places to continue from").unwrap_or_default();
    sessions.retain(|s| algorithms::catalogue::card(&s.algorithm).is_some());
    sessions.sort_by(|a, b| b.updated.total_cmp(&a.updated));
    sessions
}

/// Records the place in `algorithm`'s run, replacing its previous one. Step 0 is not a place to return to.
pub fn remember(algorithm: &str, query: &str, step: u64) {
    if step == 0 {
        return;
    }
    let mut sessions = recent();
    sessions.retain(|s| s.algorithm != algorithm);
    sessions.insert(
        0,
        LocalSession {
            algorithm: algorithm.to_owned(),
            query: query.to_owned(),
            step,
            updated: js_sys::Date::now(),
        },
    );
    sessions.truncate(KEPT);
    // Storage may be full or disabled (private browsing); the page works the same without it.
    crate::storage::save(KEY, &sessions);
}

//! The outbox: activity events waiting for the server. Every event is stored before it is sent and leaves
//! only when the server has acknowledged it (recorded, or a duplicate of one it has), or refused it as
//! invalid (then it is set aside with the reason, reported once, and never retried). Pure logic, so the
//! rules are unit-tested without a browser.

use serde::{Deserialize, Serialize};

/// Events sent per request (the server takes up to 500).
pub const BATCH: usize = 100;
/// Events kept waiting at most; beyond this the oldest are set aside, with the reason, not dropped unseen.
pub const CAPACITY: usize = 5_000;
/// Retry delays double from this to [`MAX_DELAY_MS`].
pub const FIRST_DELAY_MS: f64 = 1_000.0;
pub const MAX_DELAY_MS: f64 = 60_000.0;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    RunFinished,
    QuizAnswered,
}

/// One event as the server's `POST /api/events` takes it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// Chosen here (random); the server counts an id once however often it arrives.
    pub id: String,
    pub kind: Kind,
    pub algorithm: String,
    /// The device's clock when it happened (RFC 3339); the server grants it only with a valid anchor.
    pub at: String,
    /// The newest time anchor the app held then.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub anchor: Option<String>,
    /// A quiz answer's outcome.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub correct: Option<bool>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SetAside {
    pub event: Event,
    pub reason: String,
    /// Whether the learner has been told.
    pub reported: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outbox {
    pub events: Vec<Event>,
    pub set_aside: Vec<SetAside>,
}

impl Outbox {
    pub fn push(&mut self, event: Event) {
        if self.events.iter().any(|e| e.id == event.id) {
            return;
        }
        self.events.push(event);
        while self.events.len() > CAPACITY {
            let oldest = self.events.remove(0);
            self.set_aside(
                oldest,
                "more than 5,000 events waited for the server".to_owned(),
            );
        }
    }

    /// The next request's events: up to `size`, oldest first.
    pub fn batch(&self, size: usize) -> Vec<Event> {
        self.events.iter().take(size).cloned().collect()
    }

    /// The server acknowledged these ids.
    pub fn delivered(&mut self, ids: &[String]) {
        self.events.retain(|e| !ids.contains(&e.id));
    }

    /// The server refused this event as invalid: it will not be sent again.
    pub fn refused(&mut self, id: &str, reason: String) {
        if let Some(at) = self.events.iter().position(|e| e.id == id) {
            let event = self.events.remove(at);
            self.set_aside(event, reason);
        }
    }

    fn set_aside(&mut self, event: Event, reason: String) {
        self.set_aside.push(SetAside {
            event,
            reason,
            reported: false,
        });
    }

    /// Reasons not yet reported, marking them reported.
    pub fn take_unreported(&mut self) -> Vec<String> {
        self.set_aside
            .iter_mut()
            .filter(|s| !s.reported)
            .map(|s| {
                s.reported = true;
                format!(
                    "{} of {}: {}",
                    kind_name(s.event.kind),
                    s.event.algorithm,
                    s.reason
                )
            })
            .collect()
    }
}

fn kind_name(kind: Kind) -> &'static str {
    match kind {
        Kind::RunFinished => "a finished run",
        Kind::QuizAnswered => "a quiz answer",
    }
}

/// The wait before retry number `attempt` (0 for the first): exponential, capped, with `jitter` in
/// [0, 1) spreading it over ±50 % so that many clients do not retry in step.
pub fn backoff_ms(attempt: u32, jitter: f64) -> f64 {
    let base = (FIRST_DELAY_MS * 2f64.powi(attempt.min(16) as i32)).min(MAX_DELAY_MS);
    base * (0.5 + jitter.clamp(0.0, 1.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(id: &str) -> Event {
        Event {
            id: id.to_owned(),
            kind: Kind::RunFinished,
            algorithm: "bubble-sort".to_owned(),
            at: "2026-11-23T10:00:00.000Z".to_owned(),
            anchor: None,
            correct: None,
        }
    }

    #[test]
    fn events_leave_only_when_acknowledged_or_refused() {
        let mut outbox = Outbox::default();
        for id in ["a", "b", "c"] {
            outbox.push(event(id));
        }
        outbox.push(event("a"));
        assert_eq!(outbox.events.len(), 3, "an id is queued once");
        assert_eq!(outbox.batch(2), vec![event("a"), event("b")]);
        outbox.delivered(&["a".to_owned()]);
        outbox.refused("b", "events[0].algorithm: not in the catalogue".to_owned());
        assert_eq!(outbox.events, vec![event("c")]);
        let reasons = outbox.take_unreported();
        assert_eq!(
            reasons,
            ["a finished run of bubble-sort: events[0].algorithm: not in the catalogue"]
        );
        assert!(outbox.take_unreported().is_empty(), "reported once");
        assert_eq!(outbox.set_aside.len(), 1, "kept, not dropped");
    }

    #[test]
    fn a_full_outbox_sets_the_oldest_aside() {
        let mut outbox = Outbox::default();
        for i in 0..=CAPACITY {
            outbox.push(event(&i.to_string()));
        }
        assert_eq!(outbox.events.len(), CAPACITY);
        assert_eq!(outbox.events[0].id, "1");
        assert_eq!(outbox.set_aside[0].event.id, "0");
    }

    #[test]
    fn backoff_doubles_to_a_cap_with_jitter() {
        assert_eq!(backoff_ms(0, 0.5), 1_000.0);
        assert_eq!(backoff_ms(3, 0.5), 8_000.0);
        assert_eq!(backoff_ms(30, 0.5), MAX_DELAY_MS);
        assert_eq!(backoff_ms(2, 0.0), 2_000.0);
        assert_eq!(backoff_ms(2, 0.999_999).round(), 6_000.0);
    }

    #[test]
    fn the_wire_form_is_what_the_server_takes() {
        let json = serde_json::to_value(event("x")).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"id": "x", "kind": "run_finished", "algorithm": "bubble-sort", "at": "2026-11-23T10:00:00.000Z"})
        );
    }
}

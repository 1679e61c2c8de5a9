//! One conformance suite for every `Store`: the embedded SQLite store always, and the Supabase store when
//! the test command provides a PostgREST endpoint. The rules that must hold under concurrency (an event id
//! counts once, a session write lands only on the version it expects, a pairing code is spent once and
//! no more are made than the limit) are
//! checked with many tasks racing on a multi-threaded runtime.

use std::process::Command;
use std::sync::Arc;

use chrono::{DateTime, NaiveDate, TimeDelta, Utc};
use serde_json::json;
use server::store::{
    Deleted, EventKind, EventRecord, MAX_SESSIONS_PER_USER, NewPairingCode, SessionPut,
    SessionWrite, Store, User,
};

fn at(text: &str) -> DateTime<Utc> {
    text.parse().unwrap()
}

fn user(id: &str) -> User {
    User {
        id: id.to_owned(),
        time_zone: "Europe/Berlin".to_owned(),
        zone_changed_at: None,
        created_at: at("2026-03-01T12:00:00Z"),
    }
}

fn event(id: &str, algorithm: &str, day: &str) -> EventRecord {
    let day: NaiveDate = day.parse().unwrap();
    let time = day.and_hms_opt(12, 0, 0).unwrap().and_utc();
    EventRecord {
        event_id: id.to_owned(),
        kind: EventKind::RunFinished,
        algorithm: algorithm.to_owned(),
        at: time,
        day,
        received_at: time,
        correct: None,
    }
}

fn answer(id: &str, algorithm: &str, day: &str, correct: bool) -> EventRecord {
    EventRecord {
        kind: EventKind::QuizAnswered,
        correct: Some(correct),
        ..event(id, algorithm, day)
    }
}

fn write(id: &str, step: u64) -> SessionWrite {
    SessionWrite {
        id: id.to_owned(),
        algorithm: "bubble-sort".to_owned(),
        algorithm_version: 1,
        input: json!({ "values": [3, 1, 2] }),
        step,
        snapshot_hash: format!("hash-{step}"),
        preferences: json!({ "speed": 1.5 }),
    }
}

pub async fn health_and_anchor_key<S: Store>(store: Arc<S>) {
    let health = store.health().await.unwrap();
    assert!(health.schema_version >= 1);
    let first = store.anchor_key(vec![1; 32]).await.unwrap();
    assert_eq!(first, vec![1; 32]);
    let second = store.anchor_key(vec![2; 32]).await.unwrap();
    assert_eq!(second, first, "the first key stays");
}

pub async fn users_tokens_and_zones<S: Store>(store: Arc<S>) {
    store.create_user(&user("u1"), "hash-a").await.unwrap();
    store
        .add_token("u1", "hash-b", at("2026-03-01T13:00:00Z"))
        .await
        .unwrap();
    for hash in ["hash-a", "hash-b"] {
        assert_eq!(store.user_by_token(hash).await.unwrap(), Some(user("u1")));
    }
    assert_eq!(store.user_by_token("hash-x").await.unwrap(), None);
    assert!(
        store.create_user(&user("u2"), "hash-a").await.is_err(),
        "a token hash belongs to one user"
    );
    assert_eq!(
        store.user_by_token("hash-a").await.unwrap().unwrap().id,
        "u1"
    );

    let week = TimeDelta::days(7);
    let now = at("2026-03-02T00:00:00Z");
    assert!(
        store
            .change_time_zone("u1", "Asia/Tokyo", now, now - week)
            .await
            .unwrap()
    );
    let later = now + TimeDelta::days(3);
    assert!(
        !store
            .change_time_zone("u1", "UTC", later, later - week)
            .await
            .unwrap()
    );
    let stored = store.user_by_token("hash-a").await.unwrap().unwrap();
    assert_eq!(stored.time_zone, "Asia/Tokyo");
    assert_eq!(stored.zone_changed_at, Some(now));
    let much_later = now + week;
    assert!(
        store
            .change_time_zone("u1", "UTC", much_later, much_later - week)
            .await
            .unwrap()
    );
}

pub async fn deleting_a_user_removes_everything_they_have<S: Store>(store: Arc<S>) {
    let now = at("2026-03-01T12:00:00Z");
    for id in ["u1", "u2"] {
        store
            .create_user(&user(id), &format!("token-{id}"))
            .await
            .unwrap();
        store
            .record_events(
                id,
                vec![
                    event("e1", "bubble-sort", "2026-03-01"),
                    event("e2", "binary-search", "2026-03-01"),
                ],
            )
            .await
            .unwrap();
        store
            .add_token(id, &format!("second-{id}"), now)
            .await
            .unwrap();
        store
            .create_pairing_code(NewPairingCode {
                code_hash: &format!("code-{id}"),
                user_id: id,
                now,
                expires_at: now + TimeDelta::minutes(10),
                since: now - TimeDelta::hours(1),
                limit: 5,
            })
            .await
            .unwrap();
        store.put_session(id, write("s1", 2), 0, now).await.unwrap();
    }
    let deleted = store.delete_user("u1").await.unwrap();
    assert_eq!(
        deleted,
        Deleted {
            events: 2,
            sessions: 1,
            pairing_codes: 1,
            tokens: 2
        }
    );
    assert!(store.user_by_token("token-u1").await.unwrap().is_none());
    assert!(store.user_by_token("second-u1").await.unwrap().is_none());
    assert!(store.day_counts("u1").await.unwrap().is_empty());
    assert!(store.sessions("u1").await.unwrap().is_empty());
    assert_eq!(
        store.redeem_pairing_code("code-u1", now).await.unwrap(),
        None
    );
    // Another user's rows are untouched.
    assert!(store.user_by_token("token-u2").await.unwrap().is_some());
    assert_eq!(store.day_counts("u2").await.unwrap().len(), 1);
    assert_eq!(store.sessions("u2").await.unwrap().len(), 1);
    assert_eq!(
        store.delete_user("u1").await.unwrap(),
        Deleted::default(),
        "a second delete finds nothing"
    );
}

pub async fn events_page_in_time_and_id_order<S: Store>(store: Arc<S>) {
    store.create_user(&user("u1"), "t1").await.unwrap();
    store.create_user(&user("u2"), "t2").await.unwrap();
    // Two events share a time: the id breaks the tie, so a cursor between them loses neither.
    let events = vec![
        event("c", "bubble-sort", "2026-03-02"),
        event("a", "bubble-sort", "2026-03-01"),
        event("b", "binary-search", "2026-03-02"),
        event("d", "merge-sort", "2026-03-03"),
    ];
    store.record_events("u1", events).await.unwrap();
    store
        .record_events("u2", vec![event("x", "bubble-sort", "2026-03-01")])
        .await
        .unwrap();
    let mut seen = Vec::new();
    let mut after = None;
    loop {
        let page = store.events_page("u1", after.clone(), 2).await.unwrap();
        seen.extend(page.iter().map(|e| e.event_id.clone()));
        match page.last() {
            Some(last) if page.len() == 2 => after = Some((last.at, last.event_id.clone())),
            _ => break,
        }
    }
    assert_eq!(
        seen,
        ["a", "b", "c", "d"],
        "every event once, in order; none of another user's"
    );
    let all = store.events_page("u1", None, 10).await.unwrap();
    assert_eq!(all[0].algorithm, "bubble-sort");
    assert_eq!(all[0].day, "2026-03-01".parse::<NaiveDate>().unwrap());
}

pub async fn sessions_are_capped_per_user<S: Store>(store: Arc<S>) {
    store.create_user(&user("u1"), "t1").await.unwrap();
    store.create_user(&user("u2"), "t2").await.unwrap();
    let now = at("2026-03-01T12:00:00Z");
    let limit = MAX_SESSIONS_PER_USER as usize;
    for i in 0..limit - 4 {
        let put = store
            .put_session("u1", write(&format!("s{i}"), 1), 0, now)
            .await
            .unwrap();
        assert!(matches!(put, SessionPut::Stored(_)), "{i}: {put:?}");
    }
    // Ten racing for the last four places: exactly four get one.
    let racers: Vec<_> = (0..10)
        .map(|i| {
            let store = store.clone();
            tokio::spawn(async move {
                store
                    .put_session("u1", write(&format!("r{i}"), 1), 0, now)
                    .await
                    .unwrap()
            })
        })
        .collect();
    let mut outcomes = (0, 0);
    for racer in racers {
        match racer.await.unwrap() {
            SessionPut::Stored(_) => outcomes.0 += 1,
            SessionPut::Full => outcomes.1 += 1,
            other => panic!("unexpected {other:?}"),
        }
    }
    assert_eq!(outcomes, (4, 6));
    assert_eq!(store.sessions("u1").await.unwrap().len(), limit);
    // At the limit: an existing session still updates, and a re-create of an existing id is a conflict.
    assert!(matches!(
        store
            .put_session("u1", write("s0", 2), 1, now)
            .await
            .unwrap(),
        SessionPut::Stored(_)
    ));
    assert!(matches!(
        store
            .put_session("u1", write("s1", 2), 0, now)
            .await
            .unwrap(),
        SessionPut::Conflict(_)
    ));
    // Another user is not affected; deleting one frees a place.
    assert!(matches!(
        store
            .put_session("u2", write("s0", 1), 0, now)
            .await
            .unwrap(),
        SessionPut::Stored(_)
    ));
    assert!(store.delete_session("u1", "s3").await.unwrap());
    assert!(
        !store.delete_session("u1", "s3").await.unwrap(),
        "already gone"
    );
    assert!(matches!(
        store
            .put_session("u1", write("new", 1), 0, now)
            .await
            .unwrap(),
        SessionPut::Stored(_)
    ));
}

/// Writes that race may share a commit (SQLite's group commit): one that fails must be undone alone.
pub async fn a_failing_write_leaves_the_others_of_its_commit<S: Store>(store: Arc<S>) {
    store.create_user(&user("taken"), "t0").await.unwrap();
    let racers: Vec<_> = (0..24)
        .map(|i| {
            let store = store.clone();
            tokio::spawn(async move {
                // Every third reuses a taken id (or a taken token) and must fail.
                let (id, token) = match i % 3 {
                    0 => ("taken".to_owned(), format!("fresh-{i}")),
                    1 => (format!("u{i}"), "t0".to_owned()),
                    _ => (format!("u{i}"), format!("token-{i}")),
                };
                (i, store.create_user(&user(&id), &token).await.is_ok())
            })
        })
        .collect();
    for racer in racers {
        let (i, created) = racer.await.unwrap();
        assert_eq!(created, i % 3 == 2, "racer {i}");
        if i % 3 == 1 {
            // Its user row was undone with its failed token: the id is free again.
            let again = store
                .create_user(&user(&format!("u{i}")), &format!("again-{i}"))
                .await;
            assert!(again.is_ok(), "racer {i}'s user row was left behind");
        }
    }
    for i in (2..24).step_by(3) {
        let found = store.user_by_token(&format!("token-{i}")).await.unwrap();
        assert_eq!(found.map(|u| u.id), Some(format!("u{i}")));
    }
    assert_eq!(
        store.user_by_token("t0").await.unwrap().unwrap().id,
        "taken"
    );
}

/// Only an event id the user already has is a duplicate; an event of a user that does not exist is an
/// error (a foreign key), not a silent duplicate, and nothing of its batch is stored.
pub async fn only_a_taken_id_is_a_duplicate<S: Store>(store: Arc<S>) {
    store.create_user(&user("u1"), "t1").await.unwrap();
    let first = store
        .record_events("u1", vec![event("e1", "bubble-sort", "2026-03-01")])
        .await
        .unwrap();
    assert!(first[0].new);
    let again = store
        .record_events(
            "u1",
            vec![
                event("e1", "merge-sort", "2026-03-02"),
                event("e2", "bubble-sort", "2026-03-02"),
            ],
        )
        .await
        .unwrap();
    assert_eq!((again[0].new, again[1].new), (false, true));
    assert_eq!(
        again[0].record.algorithm, "bubble-sort",
        "the stored copy is answered"
    );
    assert!(
        store
            .record_events("nobody", vec![event("e9", "bubble-sort", "2026-03-01")])
            .await
            .is_err()
    );
    assert!(
        store
            .events_page("nobody", None, 10)
            .await
            .unwrap()
            .is_empty()
    );
}

pub async fn streak_cards_are_found_by_their_id_while_on<S: Store>(store: Arc<S>) {
    store.create_user(&user("u1"), "t1").await.unwrap();
    store.create_user(&user("u2"), "t2").await.unwrap();
    assert_eq!(store.card_of("u1").await.unwrap(), None);
    store.set_card("u1", Some("card-a")).await.unwrap();
    assert_eq!(
        store.card_of("u1").await.unwrap().as_deref(),
        Some("card-a")
    );
    assert_eq!(
        store
            .user_by_card("card-a")
            .await
            .unwrap()
            .map(|u| u.id)
            .as_deref(),
        Some("u1")
    );
    assert_eq!(store.card_of("u2").await.unwrap(), None);
    store.set_card("u1", Some("card-b")).await.unwrap();
    assert!(
        store.user_by_card("card-a").await.unwrap().is_none(),
        "a new id replaces the old"
    );
    store.set_card("u1", None).await.unwrap();
    assert!(store.user_by_card("card-b").await.unwrap().is_none());
    assert_eq!(store.card_of("u1").await.unwrap(), None);
}

pub async fn pairing_codes_are_spent_once<S: Store>(store: Arc<S>) {
    store.create_user(&user("u1"), "t1").await.unwrap();
    let now = at("2026-03-01T12:00:00Z");
    let expires = now + TimeDelta::minutes(10);
    let code = |hash: &'static str, now| NewPairingCode {
        code_hash: hash,
        user_id: "u1",
        now,
        expires_at: now + TimeDelta::minutes(10),
        since: now - TimeDelta::hours(1),
        limit: 3,
    };
    assert!(
        store
            .create_pairing_code(code("code-1", now))
            .await
            .unwrap()
    );
    assert!(
        store
            .create_pairing_code(code("code-2", now))
            .await
            .unwrap()
    );
    // The limit holds under concurrent requests: of 6 racing for the last place, exactly one gets it.
    let racers: Vec<_> = ["r1", "r2", "r3", "r4", "r5", "r6"]
        .into_iter()
        .map(|hash| {
            let store = store.clone();
            tokio::spawn(async move { store.create_pairing_code(code(hash, now)).await.unwrap() })
        })
        .collect();
    let mut created = 0;
    for racer in racers {
        created += u32::from(racer.await.unwrap());
    }
    assert_eq!(
        created, 1,
        "one racer takes the third place, the others are refused"
    );
    // An hour later the window has moved on.
    let later = now + TimeDelta::minutes(61);
    assert!(
        store
            .create_pairing_code(code("code-4", later))
            .await
            .unwrap()
    );

    let racers: Vec<_> = (0..8)
        .map(|_| {
            let store = store.clone();
            tokio::spawn(async move { store.redeem_pairing_code("code-1", now).await.unwrap() })
        })
        .collect();
    let mut winners = 0;
    for racer in racers {
        if let Some(user_id) = racer.await.unwrap() {
            assert_eq!(user_id, "u1");
            winners += 1;
        }
    }
    assert_eq!(winners, 1, "a code is spent exactly once");
    assert_eq!(
        store.redeem_pairing_code("code-2", expires).await.unwrap(),
        None,
        "expired"
    );
    assert_eq!(
        store.redeem_pairing_code("code-9", now).await.unwrap(),
        None,
        "unknown"
    );
}

pub async fn events_count_once_per_id<S: Store>(store: Arc<S>) {
    store.create_user(&user("u1"), "t1").await.unwrap();
    store.create_user(&user("u2"), "t2").await.unwrap();
    let first = store
        .record_events(
            "u1",
            vec![
                event("a", "bubble-sort", "2026-03-01"),
                event("b", "heap-sort", "2026-03-01"),
            ],
        )
        .await
        .unwrap();
    assert!(first.iter().all(|r| r.new));

    // A retry on another day returns the original record.
    let retry = store
        .record_events("u1", vec![event("a", "bubble-sort", "2026-03-05")])
        .await
        .unwrap();
    assert!(!retry[0].new);
    assert_eq!(retry[0].record.day.to_string(), "2026-03-01");

    let racers: Vec<_> = (0..10)
        .map(|_| {
            let store = store.clone();
            tokio::spawn(async move {
                store
                    .record_events("u1", vec![event("raced", "bubble-sort", "2026-03-02")])
                    .await
                    .unwrap()
            })
        })
        .collect();
    let mut new = 0;
    for racer in racers {
        new += racer.await.unwrap().iter().filter(|r| r.new).count();
    }
    assert_eq!(new, 1, "concurrent duplicates count once");

    // Another user's event with the same id is a different event.
    let theirs = store
        .record_events("u2", vec![event("a", "bubble-sort", "2026-03-03")])
        .await
        .unwrap();
    assert!(theirs[0].new);

    let days = store.day_counts("u1").await.unwrap();
    let days: Vec<(String, u32)> = days.iter().map(|d| (d.day.to_string(), d.count)).collect();
    assert_eq!(
        days,
        [("2026-03-01".to_owned(), 2), ("2026-03-02".to_owned(), 1)]
    );
    let progress = store.algorithm_progress("u1").await.unwrap();
    let totals: Vec<(&str, u32)> = progress
        .iter()
        .map(|p| (p.algorithm.as_str(), p.runs_finished))
        .collect();
    assert_eq!(totals, [("bubble-sort", 2), ("heap-sort", 1)]);
    assert_eq!(progress[0].last_at, at("2026-03-02T12:00:00Z"));
    assert_eq!(store.day_counts("u2").await.unwrap().len(), 1);

    // Quiz answers keep whether they were right: the progress counts answers and right ones, and a
    // duplicate of a right answer sent as wrong changes neither.
    let answers = vec![
        answer("q1", "heap-sort", "2026-03-02", true),
        answer("q2", "heap-sort", "2026-03-02", false),
        answer("q3", "heap-sort", "2026-03-02", true),
        answer("q1", "heap-sort", "2026-03-02", false),
    ];
    let recorded = store.record_events("u1", answers).await.unwrap();
    assert_eq!(recorded.iter().filter(|r| r.new).count(), 3);
    assert_eq!(
        recorded[3].record.correct,
        Some(true),
        "the stored copy is answered"
    );
    let progress = store.algorithm_progress("u1").await.unwrap();
    let heap = progress
        .iter()
        .find(|p| p.algorithm == "heap-sort")
        .unwrap();
    assert_eq!(
        (
            heap.runs_finished,
            heap.quizzes_answered,
            heap.quizzes_right
        ),
        (1, 3, 2)
    );
    let bubble = progress
        .iter()
        .find(|p| p.algorithm == "bubble-sort")
        .unwrap();
    assert_eq!((bubble.quizzes_answered, bubble.quizzes_right), (0, 0));
    let exported = store.events_page("u1", None, 100).await.unwrap();
    let q2 = exported.iter().find(|e| e.event_id == "q2").unwrap();
    assert_eq!(
        (q2.kind, q2.correct),
        (EventKind::QuizAnswered, Some(false))
    );
    assert!(
        exported
            .iter()
            .filter(|e| e.kind == EventKind::RunFinished)
            .all(|e| e.correct.is_none())
    );
}

pub async fn sessions_write_only_on_the_expected_version<S: Store>(store: Arc<S>) {
    store.create_user(&user("u1"), "t1").await.unwrap();
    store.create_user(&user("u2"), "t2").await.unwrap();
    let t0 = at("2026-03-01T12:00:00Z");
    let SessionPut::Stored(created) = store
        .put_session("u1", write("s1", 1), 0, t0)
        .await
        .unwrap()
    else {
        panic!("created")
    };
    assert_eq!((created.version, created.step), (1, 1));
    assert_eq!(created.input, write("s1", 1).input, "JSON round-trips");
    assert_eq!(created.snapshot_hash, "hash-1");
    assert_eq!(created.preferences, json!({ "speed": 1.5 }));

    let t1 = t0 + TimeDelta::seconds(5);
    let SessionPut::Stored(updated) = store
        .put_session("u1", write("s1", 2), 1, t1)
        .await
        .unwrap()
    else {
        panic!("updated")
    };
    assert_eq!(
        (updated.version, updated.created_at, updated.updated_at),
        (2, t0, t1)
    );

    match store
        .put_session("u1", write("s1", 9), 1, t1)
        .await
        .unwrap()
    {
        SessionPut::Conflict(current) => assert_eq!((current.version, current.step), (2, 2)),
        other => panic!("stale write: {other:?}"),
    }
    assert!(matches!(
        store
            .put_session("u1", write("s1", 9), 0, t1)
            .await
            .unwrap(),
        SessionPut::Conflict(_)
    ));
    assert_eq!(
        store
            .put_session("u1", write("nope", 1), 3, t1)
            .await
            .unwrap(),
        SessionPut::Missing
    );

    let racers: Vec<_> = (0..8)
        .map(|n| {
            let store = store.clone();
            tokio::spawn(async move {
                store
                    .put_session("u1", write("s1", 10 + n), 2, t1)
                    .await
                    .unwrap()
            })
        })
        .collect();
    let mut stored = 0;
    for racer in racers {
        match racer.await.unwrap() {
            SessionPut::Stored(session) => {
                assert_eq!(session.version, 3);
                stored += 1;
            }
            SessionPut::Conflict(current) => assert_eq!(current.version, 3),
            other => panic!("unexpected {other:?}"),
        }
    }
    assert_eq!(stored, 1, "exactly one writer of version 2 wins");

    // Listing: most recent first; other users see nothing.
    let t2 = t1 + TimeDelta::seconds(5);
    store
        .put_session("u1", write("s2", 1), 0, t2)
        .await
        .unwrap();
    let ids: Vec<String> = store
        .sessions("u1")
        .await
        .unwrap()
        .into_iter()
        .map(|s| s.id)
        .collect();
    assert_eq!(ids, ["s2", "s1"]);
    assert_eq!(store.sessions("u2").await.unwrap(), []);
    assert_eq!(store.session("u2", "s1").await.unwrap(), None);
    assert!(matches!(
        store
            .put_session("u2", write("s1", 1), 3, t2)
            .await
            .unwrap(),
        SessionPut::Missing
    ));
    assert_eq!(store.session("u1", "s1").await.unwrap().unwrap().version, 3);
}

/// One test per check per store, each on a fresh store.
macro_rules! conformance {
    ($store:ident, $open:expr) => {
        mod $store {
            use super::*;
            conformance!(@check $open, health_and_anchor_key, users_tokens_and_zones,
                pairing_codes_are_spent_once, deleting_a_user_removes_everything_they_have,
                events_count_once_per_id, events_page_in_time_and_id_order,
                sessions_are_capped_per_user, a_failing_write_leaves_the_others_of_its_commit,
                only_a_taken_id_is_a_duplicate, streak_cards_are_found_by_their_id_while_on,
                sessions_write_only_on_the_expected_version);
        }
    };
    (@check $open:expr, $($check:ident),*) => {
        $(
            #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
            async fn $check() {
                let (store, _guard) = $open;
                super::$check(Arc::new(store)).await;
            }
        )*
    };
}

conformance!(sqlite, {
    let dir = tempfile::tempdir().unwrap();
    let store = server::SqliteStore::open(&dir.path().join("store.db")).unwrap();
    (store, dir)
});

/// The Supabase store through a real PostgREST-compatible server over a real PostgreSQL, both started by
/// `scripts/test.sh` (see `scripts/postgrest-env.sh`). The checks share one database, so they run one at a
/// time on emptied tables.
mod postgrest_env {
    use std::process::Command;
    use tokio::sync::{Mutex, MutexGuard};

    static DATABASE: Mutex<()> = Mutex::const_new(());

    fn var(name: &str) -> String {
        std::env::var(name).unwrap_or_else(|_| {
            panic!(
                "{name} is not set: the Supabase store tests need PostgreSQL and postrust; \
                 run `bash scripts/test.sh`, which starts both"
            )
        })
    }

    /// Runs SQL as the database owner and returns psql's unaligned output.
    pub fn psql(sql: &str) -> String {
        let output = Command::new("psql")
            .args([
                "-At",
                "-v",
                "ON_ERROR_STOP=1",
                &var("ALGOVISTA_TEST_DATABASE_URL"),
                "-c",
                sql,
            ])
            .output()
            .expect("psql runs");
        assert!(
            output.status.success(),
            "{sql}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).unwrap()
    }

    /// Empties the tables; the guard keeps other checks off the database until dropped.
    pub async fn empty_database() -> MutexGuard<'static, ()> {
        let guard = DATABASE.lock().await;
        psql(
            "truncate events, sessions, pairing_codes, tokens, users; delete from meta where key = 'anchor_key'",
        );
        guard
    }

    pub async fn store() -> (server::store::SupabaseStore, MutexGuard<'static, ()>) {
        let guard = empty_database().await;
        let store = server::store::SupabaseStore::new(
            &var("ALGOVISTA_TEST_POSTGREST_URL"),
            &var("ALGOVISTA_TEST_POSTGREST_KEY"),
        );
        (store, guard)
    }
}

conformance!(supabase, postgrest_env::store().await);

/// Row-level security, directly in PostgreSQL: the `authenticated` role with one user's claims sees and
/// changes only that user's rows.
#[tokio::test]
async fn rls_confines_an_authenticated_user_to_their_own_rows() {
    use postgrest_env::psql;
    let _guard = postgrest_env::empty_database().await;
    psql(
        "insert into users values ('u1', 'UTC', null, now()), ('u2', 'UTC', null, now());
         insert into sessions values ('u1', 's1', 'bubble-sort', 1, '{}', 0, 'h', '{}', 1, now(), now());
         insert into events values ('u1', 'e1', 'run_finished', 'bubble-sort', now(), current_date, now());
         insert into tokens values ('secret-hash', 'u1', now());",
    );
    // One transaction: become `authenticated` with the claims of `sub`, run `sql`, print its last line.
    let as_user = |sub: &str, sql: &str| {
        Command::new("psql")
            .args(["-At", "-1", "-v", "ON_ERROR_STOP=1"])
            .arg(std::env::var("ALGOVISTA_TEST_DATABASE_URL").unwrap())
            .args(["-c", "set local role authenticated", "-c"])
            .arg(format!(
                "select set_config('request.jwt.claims', '{{\"sub\": \"{sub}\"}}', true)"
            ))
            .args(["-c", sql])
            .output()
            .expect("psql runs")
    };
    let count = |sub: &str, sql: &str| {
        let output = as_user(sub, sql);
        assert!(
            output.status.success(),
            "{sql}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout)
            .unwrap()
            .lines()
            .last()
            .unwrap_or_default()
            .to_owned()
    };
    // The owner sees their rows: the policies allow, not merely deny.
    assert_eq!(count("u1", "select count(*) from sessions"), "1");
    assert_eq!(count("u1", "select count(*) from events"), "1");
    assert_eq!(count("u1", "select count(*) from day_counts"), "1");
    // Another user sees nothing…
    for table in [
        "sessions",
        "events",
        "users where id = 'u1'",
        "day_counts",
        "algorithm_progress",
    ] {
        assert_eq!(
            count("u2", &format!("select count(*) from {table}")),
            "0",
            "{table}"
        );
    }
    // …cannot change or write rows in another user's name, and cannot read tokens, codes or the anchor key.
    for sql in [
        "update sessions set step = 9 where id = 's1'",
        "insert into events values ('u1', 'forged', 'run_finished', 'bubble-sort', now(), current_date, now())",
        "insert into sessions values ('u1', 's2', 'bubble-sort', 1, '{}', 0, 'h', '{}', 1, now(), now())",
        "select count(*) from tokens",
        "select count(*) from pairing_codes",
        "select count(*) from meta",
    ] {
        let output = as_user("u2", sql);
        assert!(!output.status.success(), "refused: {sql}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.contains("row-level security") || stderr.contains("permission denied"),
            "{sql}: {stderr}"
        );
    }
    // …and the owner writes nothing either, not even in their own name: every write goes through the
    // server, which decides the day an event counts for and replays sessions.
    for sql in [
        "insert into events values ('u1', 'own', 'run_finished', 'bubble-sort', now(), current_date - 30, now())",
        "update events set day = current_date - 1 where event_id = 'e1'",
        "delete from events where event_id = 'e1'",
        "insert into sessions values ('u1', 's3', 'bubble-sort', 1, '{}', 0, 'h', '{}', 1, now(), now())",
        "update sessions set step = 5 where id = 's1'",
        "update users set time_zone = 'Asia/Tokyo' where id = 'u1'",
        "select record_events('u1', '[]'::jsonb)",
    ] {
        let output = as_user("u1", sql);
        assert!(!output.status.success(), "refused to the owner: {sql}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains("permission denied"), "{sql}: {stderr}");
    }
    assert_eq!(
        psql("select step from sessions where id = 's1'").trim(),
        "0"
    );
    assert_eq!(psql("select count(*) from events").trim(), "1");
}

/// A database that stops answering, or goes away: every PostgREST call is bounded by the store's timeout,
/// and the API answers 503 with its JSON error rather than hanging or saying 500. The fault is real: a
/// proxy in front of postrust that, when told, holds connections unanswered or closes them.
#[tokio::test]
async fn a_silent_or_absent_database_gives_503_not_a_hung_request() {
    use axum::body::Body;
    use axum::http::{Request, StatusCode};
    use http_body_util::BodyExt;
    use std::sync::Arc;
    use std::time::{Duration, Instant};
    use tokio::net::{TcpListener, TcpStream};
    use tokio::sync::watch;
    use tower::ServiceExt;

    #[derive(Clone, Copy, PartialEq, Debug)]
    enum Mode {
        Forward,
        Silent,
        Closed,
    }

    let _guard = postgrest_env::empty_database().await;
    let upstream = std::env::var("ALGOVISTA_TEST_POSTGREST_URL").unwrap();
    let upstream = upstream.trim_start_matches("http://").to_owned();
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let proxy = listener.local_addr().unwrap();
    let (mode, watch_mode) = watch::channel(Mode::Forward);
    tokio::spawn(async move {
        loop {
            let (mut client, _) = listener.accept().await.unwrap();
            let mut changes = watch_mode.clone();
            let upstream = upstream.clone();
            tokio::spawn(async move {
                let current = *changes.borrow_and_update();
                if current == Mode::Forward {
                    let mut server = TcpStream::connect(&upstream).await.unwrap();
                    tokio::select! {
                        _ = tokio::io::copy_bidirectional(&mut client, &mut server) => return,
                        _ = changes.changed() => {}
                    }
                }
                if *changes.borrow() == Mode::Silent {
                    std::future::pending::<()>().await;
                }
            });
        }
    });

    let timeout = Duration::from_millis(400);
    let store = server::store::SupabaseStore::new(
        &format!("http://{proxy}"),
        &std::env::var("ALGOVISTA_TEST_POSTGREST_KEY").unwrap(),
    )
    .with_timeout(timeout);
    let dist = tempfile::tempdir().unwrap();
    let state = server::AppState::new(store, Arc::new(server::SystemClock), dist.path().to_owned())
        .await
        .unwrap();
    let router = server::app(state);
    let call = |request: Request<Body>| {
        let router = router.clone();
        async move {
            let started = Instant::now();
            let response = router.oneshot(request).await.unwrap();
            let status = response.status();
            let body = response.into_body().collect().await.unwrap().to_bytes();
            let body: serde_json::Value = serde_json::from_slice(&body).unwrap();
            (status, body, started.elapsed())
        }
    };
    let (status, created, _) = call(
        Request::post("/api/users")
            .header("content-type", "application/json")
            .body(Body::from(r#"{"time_zone": "UTC"}"#))
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED);
    let token = created["token"].as_str().unwrap().to_owned();
    let progress = || {
        Request::get("/api/progress")
            .header("authorization", format!("Bearer {token}"))
            .body(Body::empty())
            .unwrap()
    };
    assert_eq!(call(progress()).await.0, StatusCode::OK);

    for fault in [Mode::Silent, Mode::Closed] {
        mode.send(fault).unwrap();
        let (status, body, took) = call(progress()).await;
        assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE, "{fault:?}: {body}");
        assert_eq!(body["code"], "unavailable", "{fault:?}");
        // Bounded by the store's timeout (a few calls at most), never hung.
        assert!(took < timeout * 4, "{fault:?}: answered after {took:?}");
    }
    mode.send(Mode::Forward).unwrap();
    assert_eq!(
        call(progress()).await.0,
        StatusCode::OK,
        "back once the database answers"
    );
}

//! The clock-skew suite: the server's clock decides which day an event belongs to. Clients whose clocks are
//! days ahead or behind, forged and stale anchors, replays, zone hopping, DST and the date line must neither
//! inflate a streak nor cost an honest user a day.

mod support;

use axum::http::{Method, StatusCode};
use chrono::TimeDelta;
use serde_json::json;
use support::{TestApp, at};

fn day_of(reply: &support::Reply) -> String {
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    reply.body["results"][0]["day"].as_str().unwrap().to_owned()
}

fn clamp_of(reply: &support::Reply) -> serde_json::Value {
    reply.body["results"][0]["clamped"].clone()
}

// ── Client clocks that are wrong ──────────────────────────────────────────────────────────────────────

#[tokio::test]
async fn a_client_clock_days_ahead_never_moves_an_event_forward() {
    let app = TestApp::new().await;
    let (_, token) = app.user("Europe/Berlin").await;
    let anchor = app.anchor(&token).await;
    let reply = app
        .event(&token, "e1", Some(("2026-03-04T12:00:00Z", &anchor)))
        .await;
    assert_eq!(day_of(&reply), "2026-03-01");
    assert_eq!(clamp_of(&reply), "after_receipt");
    assert_eq!(app.streak(&token).await["current"], 1);
}

#[tokio::test]
async fn a_client_clock_years_ahead_without_an_anchor_is_clamped() {
    let app = TestApp::new().await;
    let (_, token) = app.user("Europe/Berlin").await;
    let event = json!({ "id": "e1", "kind": "quiz_answered", "algorithm": "binary-search", "correct": true, "at": "2030-01-01T00:00:00Z" });
    let reply = app
        .post("/api/events", &token, json!({ "events": [event] }))
        .await;
    assert_eq!(day_of(&reply), "2026-03-01");
    assert_eq!(clamp_of(&reply), "no_anchor");
}

#[tokio::test]
async fn a_client_clock_days_behind_without_an_anchor_counts_today() {
    let app = TestApp::new().await;
    let (_, token) = app.user("Europe/Berlin").await;
    let event = json!({ "id": "e1", "kind": "run_finished", "algorithm": "bubble-sort", "at": "2026-02-26T12:00:00Z" });
    let reply = app
        .post("/api/events", &token, json!({ "events": [event] }))
        .await;
    assert_eq!(day_of(&reply), "2026-03-01");
    assert_eq!(clamp_of(&reply), "no_anchor");
}

#[tokio::test]
async fn a_fresh_anchor_does_not_let_a_slow_clock_claim_yesterday() {
    let app = TestApp::new().await;
    let (_, token) = app.user("Europe/Berlin").await;
    let anchor = app.anchor(&token).await;
    let reply = app
        .event(&token, "e1", Some(("2026-02-28T20:00:00Z", &anchor)))
        .await;
    assert_eq!(day_of(&reply), "2026-03-01");
    assert_eq!(clamp_of(&reply), "before_anchor");
}

#[tokio::test]
async fn a_claim_equal_to_the_receipt_needs_no_anchor() {
    let app = TestApp::new().await;
    let (_, token) = app.user("Europe/Berlin").await;
    let event = json!({ "id": "e1", "kind": "run_finished", "algorithm": "bubble-sort", "at": "2026-03-01T12:00:00Z" });
    let reply = app
        .post("/api/events", &token, json!({ "events": [event] }))
        .await;
    assert_eq!(clamp_of(&reply), json!(null));
}

// ── Honest offline use ────────────────────────────────────────────────────────────────────────────────

#[tokio::test]
async fn an_offline_evening_run_counts_on_its_own_day() {
    let app = TestApp::starting_at(at("2026-03-01T09:00:00Z")).await;
    let (_, token) = app.user("Europe/Berlin").await;
    let anchor = app.anchor(&token).await; // last contact: 10:00 Berlin
    app.set_time("2026-03-02T08:00:00Z"); // back online next morning
    let reply = app
        .event(&token, "evening", Some(("2026-03-01T19:00:00Z", &anchor)))
        .await;
    assert_eq!(day_of(&reply), "2026-03-01");
    assert_eq!(clamp_of(&reply), json!(null));
    assert_eq!(
        day_of(&app.event(&token, "morning", None).await),
        "2026-03-02"
    );
    assert_eq!(app.streak(&token).await["current"], 2);
}

#[tokio::test]
async fn two_offline_days_synced_on_the_third_all_count() {
    let app = TestApp::starting_at(at("2026-03-01T09:00:00Z")).await;
    let (_, token) = app.user("Europe/Berlin").await;
    let anchor = app.anchor(&token).await;
    app.set_time("2026-03-03T10:00:00Z");
    let events = json!({ "events": [
        { "id": "d1", "kind": "run_finished", "algorithm": "heap-sort", "at": "2026-03-01T18:00:00Z", "anchor": anchor },
        { "id": "d2", "kind": "run_finished", "algorithm": "heap-sort", "at": "2026-03-02T18:00:00Z", "anchor": anchor },
        { "id": "d3", "kind": "run_finished", "algorithm": "heap-sort" },
    ]});
    let reply = app.post("/api/events", &token, events).await;
    let days: Vec<&str> = reply.body["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["day"].as_str().unwrap())
        .collect();
    assert_eq!(days, ["2026-03-01", "2026-03-02", "2026-03-03"]);
    assert_eq!(reply.body["streak"]["current"], 3);
}

#[tokio::test]
async fn an_old_anchor_still_backs_a_recent_claim() {
    // Last contact 80 h ago; the run happened 10 h ago: both facts fit.
    let app = TestApp::starting_at(at("2026-03-01T08:00:00Z")).await;
    let (_, token) = app.user("UTC").await;
    let anchor = app.anchor(&token).await;
    app.advance(TimeDelta::hours(80));
    let reply = app
        .event(&token, "e1", Some(("2026-03-04T06:00:00Z", &anchor)))
        .await;
    assert_eq!(day_of(&reply), "2026-03-04");
    assert_eq!(clamp_of(&reply), json!(null));
}

#[tokio::test]
async fn claims_older_than_72_hours_are_clamped() {
    let app = TestApp::starting_at(at("2026-03-01T08:00:00Z")).await;
    let (_, token) = app.user("UTC").await;
    let anchor = app.anchor(&token).await;
    app.set_time("2026-03-04T20:00:00Z");
    let reply = app
        .event(&token, "e1", Some(("2026-03-01T19:00:00Z", &anchor)))
        .await;
    assert_eq!(day_of(&reply), "2026-03-04");
    assert_eq!(clamp_of(&reply), "older_than_limit");
}

// ── Forged, foreign and impossible anchors ────────────────────────────────────────────────────────────

#[tokio::test]
async fn a_forged_anchor_is_refused() {
    let app = TestApp::new().await;
    let (_, token) = app.user("UTC").await;
    let forged = format!(
        "{}.{}",
        at("2026-02-27T00:00:00Z").timestamp_millis(),
        "ab".repeat(32)
    );
    let reply = app
        .event(&token, "e1", Some(("2026-02-27T12:00:00Z", &forged)))
        .await;
    assert_eq!(day_of(&reply), "2026-03-01");
    assert_eq!(clamp_of(&reply), "invalid_anchor");
}

#[tokio::test]
async fn an_anchor_moved_back_in_time_is_refused() {
    let app = TestApp::new().await;
    let (_, token) = app.user("UTC").await;
    let anchor = app.anchor(&token).await;
    let (millis, signature) = anchor.split_once('.').unwrap();
    let moved = format!(
        "{}.{signature}",
        millis.parse::<i64>().unwrap() - 2 * 86_400_000
    );
    let reply = app
        .event(&token, "e1", Some(("2026-02-28T12:00:00Z", &moved)))
        .await;
    assert_eq!(clamp_of(&reply), "invalid_anchor");
    assert_eq!(app.streak(&token).await["current"], 1);
}

#[tokio::test]
async fn an_anchor_from_another_server_is_refused() {
    let other = TestApp::starting_at(at("2026-02-27T00:00:00Z")).await;
    let (_, other_token) = other.user("UTC").await;
    let foreign = other.anchor(&other_token).await;
    let app = TestApp::new().await;
    let (_, token) = app.user("UTC").await;
    let reply = app
        .event(&token, "e1", Some(("2026-02-28T12:00:00Z", &foreign)))
        .await;
    assert_eq!(clamp_of(&reply), "invalid_anchor");
}

#[tokio::test]
async fn another_users_anchor_backs_nothing() {
    let app = TestApp::new().await;
    let (_, alice) = app.user("UTC").await;
    let (_, bob) = app.user("UTC").await;
    let alices = app.anchor(&alice).await;
    app.set_time("2026-03-02T12:00:00Z");
    let reply = app
        .event(&bob, "e1", Some(("2026-03-01T13:00:00Z", &alices)))
        .await;
    assert_eq!(day_of(&reply), "2026-03-02");
    assert_eq!(clamp_of(&reply), "anchor_of_another_user");
    // The same anchor still backs its owner's claim.
    let reply = app
        .event(&alice, "e1", Some(("2026-03-01T13:00:00Z", &alices)))
        .await;
    assert_eq!(day_of(&reply), "2026-03-01");
}

#[tokio::test]
async fn an_anchor_posted_publicly_backs_only_its_owner() {
    let app = TestApp::new().await;
    let (_, owner) = app.user("UTC").await;
    let posted = app.anchor(&owner).await;
    app.set_time("2026-03-02T12:00:00Z");
    for n in 0..5 {
        let (_, stranger) = app.user("UTC").await;
        let reply = app
            .event(
                &stranger,
                &format!("s{n}"),
                Some(("2026-03-01T18:00:00Z", &posted)),
            )
            .await;
        assert_eq!(clamp_of(&reply), "anchor_of_another_user");
        assert_eq!(day_of(&reply), "2026-03-02", "the stranger's day is today");
    }
}

#[tokio::test]
async fn no_unauthenticated_response_carries_an_anchor_and_the_old_unbound_form_is_refused() {
    let app = TestApp::new().await;
    let (_, token) = app.user("UTC").await;
    let health = app.call(Method::GET, "/api/health", None, None).await;
    assert!(health.headers.get("x-time-anchor").is_none());
    // What /api/health used to hand out: the time signed with the server's key, naming no user.
    let millis = at("2026-03-01T12:00:00Z").timestamp_millis();
    let key = app.anchor_key().await;
    let unbound = format!("{millis}.{}", unbound_signature(&key, millis));
    app.set_time("2026-03-02T12:00:00Z");
    let reply = app
        .event(&token, "e1", Some(("2026-03-01T13:00:00Z", &unbound)))
        .await;
    assert_eq!(clamp_of(&reply), "unbound_anchor");
    assert_eq!(day_of(&reply), "2026-03-02");
}

/// The first anchor form's HMAC, computed here from its definition rather than by the server's code.
fn unbound_signature(key: &[u8], millis: i64) -> String {
    use hmac::{Hmac, Mac};
    let mut mac = Hmac::<sha2::Sha256>::new_from_slice(key).unwrap();
    mac.update(format!("algovista-anchor-v1:{millis}").as_bytes());
    mac.finalize()
        .into_bytes()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[tokio::test]
async fn an_anchor_from_the_future_is_refused_after_the_server_clock_steps_back() {
    let app = TestApp::starting_at(at("2026-03-01T12:00:00Z")).await;
    let (_, token) = app.user("UTC").await;
    let anchor = app.anchor(&token).await;
    app.set_time("2026-03-01T11:00:00Z"); // the server's clock was corrected backwards
    let reply = app
        .event(&token, "e1", Some(("2026-03-01T10:30:00Z", &anchor)))
        .await;
    assert_eq!(clamp_of(&reply), "anchor_from_the_future");
}

#[tokio::test]
async fn a_recent_anchor_cannot_backfill_days_before_it() {
    let app = TestApp::starting_at(at("2026-03-03T08:00:00Z")).await;
    let (_, token) = app.user("UTC").await;
    let anchor = app.anchor(&token).await;
    let events = json!({ "events": [
        { "id": "fake1", "kind": "run_finished", "algorithm": "bubble-sort", "at": "2026-03-01T12:00:00Z", "anchor": anchor },
        { "id": "fake2", "kind": "run_finished", "algorithm": "bubble-sort", "at": "2026-03-02T12:00:00Z", "anchor": anchor },
    ]});
    let reply = app.post("/api/events", &token, events).await;
    assert_eq!(reply.body["streak"]["current"], 1, "{}", reply.body);
    assert_eq!(reply.body["results"][1]["clamped"], "before_anchor");
}

// ── Replays and duplicates ────────────────────────────────────────────────────────────────────────────

#[tokio::test]
async fn a_replayed_event_counts_once_on_its_first_day() {
    let app = TestApp::new().await;
    let (_, token) = app.user("UTC").await;
    assert_eq!(
        app.event(&token, "e1", None).await.body["results"][0]["status"],
        "recorded"
    );
    app.advance(TimeDelta::days(1));
    let replay = app.event(&token, "e1", None).await;
    assert_eq!(replay.body["results"][0]["status"], "duplicate");
    assert_eq!(day_of(&replay), "2026-03-01", "the first recording stands");
    let progress = app.get("/api/progress", &token).await.body;
    assert_eq!(
        progress["days"],
        json!([{ "day": "2026-03-01", "count": 1 }])
    );
    assert_eq!(progress["streak"]["current"], 1);
}

#[tokio::test]
async fn concurrent_duplicates_count_once() {
    let app = TestApp::new().await;
    let (_, token) = app.user("UTC").await;
    let sends = (0..12).map(|_| app.event(&token, "same", None));
    let replies = futures::future::join_all(sends).await;
    let recorded = replies
        .iter()
        .filter(|r| r.body["results"][0]["status"] == "recorded")
        .count();
    assert_eq!(recorded, 1);
    assert_eq!(
        app.get("/api/progress", &token).await.body["days"][0]["count"],
        1
    );
}

#[tokio::test]
async fn a_duplicate_inside_one_batch_counts_once() {
    let app = TestApp::new().await;
    let (_, token) = app.user("UTC").await;
    let event = json!({ "id": "x", "kind": "run_finished", "algorithm": "bubble-sort" });
    let reply = app
        .post("/api/events", &token, json!({ "events": [event, event] }))
        .await;
    let statuses: Vec<&str> = reply.body["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["recorded", "duplicate"]);
}

// ── Zones, DST and the date line ──────────────────────────────────────────────────────────────────────

#[tokio::test]
async fn zone_hopping_is_limited_and_never_rewrites_past_days() {
    let app = TestApp::starting_at(at("2026-03-01T22:30:00Z")).await; // 23:30 in Berlin
    let (_, token) = app.user("Europe/Berlin").await;
    assert_eq!(
        day_of(&app.event(&token, "berlin", None).await),
        "2026-03-01"
    );
    // Hop to UTC+14, where it is already tomorrow: one hop is allowed…
    let hop = app
        .call(
            Method::PATCH,
            "/api/me",
            Some(&token),
            Some(json!({ "time_zone": "Pacific/Kiritimati" })),
        )
        .await;
    assert_eq!(hop.status, StatusCode::OK);
    assert_eq!(
        day_of(&app.event(&token, "kiritimati", None).await),
        "2026-03-02"
    );
    // …a second one within 7 days is not.
    let back = app
        .call(
            Method::PATCH,
            "/api/me",
            Some(&token),
            Some(json!({ "time_zone": "Pacific/Pago_Pago" })),
        )
        .await;
    assert_eq!(back.status, StatusCode::CONFLICT);
    let progress = app.get("/api/progress", &token).await.body;
    assert_eq!(
        progress["days"][0]["day"], "2026-03-01",
        "the Berlin day stays"
    );
    assert_eq!(progress["streak"]["current"], 2);
}

#[tokio::test]
async fn the_short_dst_day_is_one_day() {
    // Europe/Berlin springs forward on 2026-03-29 at 02:00 → 03:00 (a 23-hour day).
    let app = TestApp::starting_at(at("2026-03-28T23:30:00Z")).await; // 00:30 CET on the 29th
    let (_, token) = app.user("Europe/Berlin").await;
    assert_eq!(
        day_of(&app.event(&token, "early", None).await),
        "2026-03-29"
    );
    app.set_time("2026-03-29T21:30:00Z"); // 23:30 CEST, still the 29th
    assert_eq!(day_of(&app.event(&token, "late", None).await), "2026-03-29");
    app.set_time("2026-03-29T22:30:00Z"); // 00:30 on the 30th
    assert_eq!(day_of(&app.event(&token, "next", None).await), "2026-03-30");
    let progress = app.get("/api/progress", &token).await.body;
    assert_eq!(progress["streak"]["current"], 2);
    assert_eq!(progress["days"][0]["count"], 2);
}

#[tokio::test]
async fn the_long_dst_day_is_one_day() {
    // Europe/Berlin falls back on 2026-10-25 at 03:00 → 02:00 (a 25-hour day).
    let app = TestApp::starting_at(at("2026-10-24T22:10:00Z")).await; // 00:10 CEST on the 25th
    let (_, token) = app.user("Europe/Berlin").await;
    assert_eq!(
        day_of(&app.event(&token, "early", None).await),
        "2026-10-25"
    );
    app.set_time("2026-10-25T22:50:00Z"); // 23:50 CET, still the 25th
    assert_eq!(day_of(&app.event(&token, "late", None).await), "2026-10-25");
    app.set_time("2026-10-25T23:10:00Z"); // 00:10 on the 26th
    assert_eq!(day_of(&app.event(&token, "next", None).await), "2026-10-26");
    assert_eq!(app.streak(&token).await["current"], 2);
}

#[tokio::test]
async fn one_instant_is_a_different_day_on_each_side_of_the_date_line() {
    let app = TestApp::starting_at(at("2026-03-01T11:30:00Z")).await;
    let (_, auckland) = app.user("Pacific/Auckland").await; // UTC+13 in March
    let (_, pago_pago) = app.user("Pacific/Pago_Pago").await; // UTC−11
    assert_eq!(day_of(&app.event(&auckland, "e", None).await), "2026-03-02");
    assert_eq!(
        day_of(&app.event(&pago_pago, "e", None).await),
        "2026-03-01"
    );
    assert_eq!(
        app.get("/api/progress", &auckland).await.body["today"],
        "2026-03-02"
    );
    assert_eq!(
        app.get("/api/progress", &pago_pago).await.body["today"],
        "2026-03-01"
    );
}

#[tokio::test]
async fn a_streak_in_utc_plus_14_follows_local_midnight() {
    let app = TestApp::starting_at(at("2026-03-01T09:59:00Z")).await; // 23:59 on Mar 1 in Kiritimati
    let (_, token) = app.user("Pacific/Kiritimati").await;
    assert_eq!(day_of(&app.event(&token, "a", None).await), "2026-03-01");
    app.advance(TimeDelta::minutes(2)); // 00:01 on Mar 2
    assert_eq!(day_of(&app.event(&token, "b", None).await), "2026-03-02");
    assert_eq!(app.streak(&token).await["current"], 2);
}

// ── Honest users keep their days ──────────────────────────────────────────────────────────────────────

#[tokio::test]
async fn a_run_at_one_second_to_midnight_keeps_its_day() {
    let app = TestApp::starting_at(at("2026-06-10T21:59:59Z")).await; // 23:59:59 CEST
    let (_, token) = app.user("Europe/Berlin").await;
    assert_eq!(day_of(&app.event(&token, "a", None).await), "2026-06-10");
    app.advance(TimeDelta::seconds(2));
    assert_eq!(day_of(&app.event(&token, "b", None).await), "2026-06-11");
    assert_eq!(app.streak(&token).await["current"], 2);
}

#[tokio::test]
async fn today_without_activity_does_not_break_the_streak() {
    let app = TestApp::starting_at(at("2026-03-01T10:00:00Z")).await;
    let (_, token) = app.user("UTC").await;
    app.event(&token, "a", None).await;
    app.advance(TimeDelta::days(1));
    app.event(&token, "b", None).await;
    app.advance(TimeDelta::days(1)); // Mar 3, nothing yet
    assert_eq!(app.streak(&token).await["current"], 2);
    app.advance(TimeDelta::days(1)); // Mar 4: Mar 3 was missed, no freeze earned yet
    let streak = app.streak(&token).await;
    assert_eq!(
        (streak["current"].clone(), streak["longest"].clone()),
        (json!(0), json!(2))
    );
}

#[tokio::test]
async fn a_week_earns_a_freeze_that_covers_a_missed_day() {
    let app = TestApp::starting_at(at("2026-03-01T10:00:00Z")).await;
    let (_, token) = app.user("UTC").await;
    for day in 0..7 {
        app.event(&token, &format!("d{day}"), None).await;
        app.advance(TimeDelta::days(1));
    }
    assert_eq!(app.streak(&token).await["freezes"], 1);
    app.advance(TimeDelta::days(1)); // Mar 8 missed
    app.event(&token, "d9", None).await;
    let streak = app.streak(&token).await;
    assert_eq!(streak["current"], 8);
    assert_eq!(streak["freezes"], 0);
    assert_eq!(streak["frozen_days"], json!(["2026-03-08"]));
}

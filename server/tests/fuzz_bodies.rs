//! Property tests over every endpoint that takes a body: random JSON, random bytes, and valid bodies with
//! one field replaced by random JSON. The server must answer each with a JSON error or success, never a
//! 5xx or a panic.

mod support;

use axum::body::Body;
use axum::http::{Method, Request};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use serde_json::{Value, json};
use support::TestApp;

fn arb_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        ".{0,40}".prop_map(Value::from),
        prop_oneof![
            Just("bubble-sort"),
            Just("run_finished"),
            Just("Europe/Berlin"),
            Just("2026-03-01T12:00:00Z")
        ]
        .prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 24, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::from),
            prop::collection::btree_map("[a-z_]{1,12}", inner, 0..6)
                .prop_map(|map| Value::Object(map.into_iter().collect())),
        ]
    })
}

/// (method, path, a valid body) for every endpoint with a body.
fn endpoints() -> Vec<(Method, &'static str, Value)> {
    let entry = algorithms::catalogue::find("bubble-sort").unwrap();
    let input = algorithms::Input {
        values: vec![2, 1],
        ..Default::default()
    };
    vec![
        (
            Method::POST,
            "/api/users",
            json!({ "time_zone": "Europe/Berlin" }),
        ),
        (
            Method::PATCH,
            "/api/me",
            json!({ "time_zone": "Asia/Tokyo" }),
        ),
        (
            Method::POST,
            "/api/events",
            json!({ "events": [{ "id": "e1", "kind": "run_finished", "algorithm": "bubble-sort",
                                 "at": "2026-03-01T11:00:00Z", "anchor": "1.00" }] }),
        ),
        (
            Method::POST,
            "/api/pairing-codes/redeem",
            json!({ "code": "ABCDE-FGHJK" }),
        ),
        (
            Method::PUT,
            "/api/sessions/fuzz",
            json!({ "expected_version": 0, "algorithm": "bubble-sort", "algorithm_version": entry.version,
                    "input": input, "step": 0, "preferences": {} }),
        ),
    ]
}

fn check(
    runtime: &tokio::runtime::Runtime,
    app: &TestApp,
    token: &str,
    method: &Method,
    path: &str,
    body: Vec<u8>,
) -> Result<(), TestCaseError> {
    let request = Request::builder()
        .method(method.clone())
        .uri(path)
        .header("authorization", format!("Bearer {token}"))
        .header("content-type", "application/json")
        .body(Body::from(body))
        .unwrap();
    let (status, _, bytes) = runtime.block_on(app.raw(request));
    prop_assert!(!status.is_server_error(), "{method} {path}: {status}");
    let reply: Value = serde_json::from_slice(&bytes).map_err(|_| {
        TestCaseError::fail(format!(
            "{method} {path}: not JSON: {}",
            String::from_utf8_lossy(&bytes)
        ))
    })?;
    if status.is_client_error() {
        prop_assert!(
            reply["code"].is_string() && reply["message"].is_string(),
            "{reply}"
        );
    }
    Ok(())
}

#[test]
fn no_body_makes_the_server_fail() {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let app = runtime.block_on(TestApp::new());
    let (_, token) = runtime.block_on(app.user("UTC"));
    // A fresh runner per property: a runner counts its cases across runs.
    let runner = || {
        TestRunner::new(Config {
            cases: 200,
            failure_persistence: None,
            ..Config::default()
        })
    };
    for (method, path, valid) in endpoints() {
        // Any JSON at all.
        runner()
            .run(&arb_json(), |body| {
                check(
                    &runtime,
                    &app,
                    &token,
                    &method,
                    path,
                    body.to_string().into_bytes(),
                )
            })
            .unwrap();
        // Any bytes.
        runner()
            .run(&prop::collection::vec(any::<u8>(), 0..200), |bytes| {
                check(&runtime, &app, &token, &method, path, bytes)
            })
            .unwrap();
        // A valid body with one field (or one event's field) replaced.
        let keys: Vec<String> = valid.as_object().unwrap().keys().cloned().collect();
        runner()
            .run(&(prop::sample::select(keys), arb_json()), |(key, value)| {
                let mut body = valid.clone();
                body[&key] = value;
                check(
                    &runtime,
                    &app,
                    &token,
                    &method,
                    path,
                    body.to_string().into_bytes(),
                )
            })
            .unwrap();
    }
}

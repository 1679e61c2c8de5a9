//! The API under test: the real router over a real SQLite file in a temporary folder, a manual clock, and
//! requests through `tower::ServiceExt::oneshot` (no socket).
#![allow(dead_code)] // each test file uses part of this

use std::sync::Arc;

use axum::body::Body;
use axum::http::{HeaderMap, Method, Request, StatusCode};
use chrono::{DateTime, TimeDelta, Utc};
use http_body_util::BodyExt;
use serde_json::{Value, json};
use server::{AppState, ManualClock, SqliteStore};
use tower::ServiceExt;

pub struct TestApp {
    pub dir: tempfile::TempDir,
    pub clock: Arc<ManualClock>,
    pub router: axum::Router,
}

pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Value,
}

pub fn at(text: &str) -> DateTime<Utc> {
    text.parse().expect("an RFC 3339 time")
}

impl TestApp {
    pub async fn new() -> Self {
        Self::starting_at(at("2026-03-01T12:00:00Z")).await
    }

    pub async fn starting_at(now: DateTime<Utc>) -> Self {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("dist")).unwrap();
        std::fs::write(
            dir.path().join("dist/index.html"),
            "<!doctype html><title>AlgoVista</title>",
        )
        .unwrap();
        let clock = Arc::new(ManualClock::new(now));
        let store = SqliteStore::open(&dir.path().join("data/test.db")).unwrap();
        let state = AppState::new(store, clock.clone(), dir.path().join("dist"))
            .await
            .unwrap();
        TestApp {
            dir,
            clock,
            router: server::app(state),
        }
    }

    pub fn set_time(&self, time: &str) {
        self.clock.set(at(time));
    }

    pub fn advance(&self, by: TimeDelta) {
        self.clock.advance(by);
    }

    pub async fn raw(&self, request: Request<Body>) -> (StatusCode, HeaderMap, Vec<u8>) {
        let response = self.router.clone().oneshot(request).await.unwrap();
        let (parts, body) = response.into_parts();
        let bytes = body.collect().await.unwrap().to_bytes().to_vec();
        (parts.status, parts.headers, bytes)
    }

    pub async fn call(
        &self,
        method: Method,
        uri: &str,
        token: Option<&str>,
        body: Option<Value>,
    ) -> Reply {
        let mut request = Request::builder().method(method).uri(uri);
        if let Some(token) = token {
            request = request.header("authorization", format!("Bearer {token}"));
        }
        let request = match body {
            Some(body) => request
                .header("content-type", "application/json")
                .body(Body::from(body.to_string())),
            None => request.body(Body::empty()),
        }
        .unwrap();
        let (status, headers, bytes) = self.raw(request).await;
        let body = if bytes.is_empty() {
            Value::Null
        } else {
            serde_json::from_slice(&bytes)
                .unwrap_or_else(|_| panic!("{uri}: not JSON: {}", String::from_utf8_lossy(&bytes)))
        };
        Reply {
            status,
            headers,
            body,
        }
    }

    pub async fn get(&self, uri: &str, token: &str) -> Reply {
        self.call(Method::GET, uri, Some(token), None).await
    }

    pub async fn post(&self, uri: &str, token: &str, body: Value) -> Reply {
        self.call(Method::POST, uri, Some(token), Some(body)).await
    }

    /// A new user in `zone`; returns (user id, token).
    pub async fn user(&self, zone: &str) -> (String, String) {
        let reply = self
            .call(
                Method::POST,
                "/api/users",
                None,
                Some(json!({ "time_zone": zone })),
            )
            .await;
        assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.body);
        (
            reply.body["user_id"].as_str().unwrap().to_owned(),
            reply.body["token"].as_str().unwrap().to_owned(),
        )
    }

    /// A fresh anchor, as any response carries.
    /// The key the server signs anchors with, read from its database as another process would.
    pub async fn anchor_key(&self) -> Vec<u8> {
        use server::store::Store;
        let store = SqliteStore::open(&self.dir.path().join("data/test.db")).unwrap();
        store.anchor_key(vec![0; 32]).await.unwrap()
    }

    /// The anchor of an authenticated response to `token`'s user, as the app would keep it.
    pub async fn anchor(&self, token: &str) -> String {
        let reply = self.call(Method::GET, "/api/me", Some(token), None).await;
        reply.headers["x-time-anchor"].to_str().unwrap().to_owned()
    }

    /// Records one event now (or at a claimed time with an anchor); returns the reply.
    pub async fn event(&self, token: &str, id: &str, claim: Option<(&str, &str)>) -> Reply {
        let mut event = json!({ "id": id, "kind": "run_finished", "algorithm": "bubble-sort" });
        if let Some((at, anchor)) = claim {
            event["at"] = json!(at);
            event["anchor"] = json!(anchor);
        }
        self.post("/api/events", token, json!({ "events": [event] }))
            .await
    }

    pub async fn streak(&self, token: &str) -> Value {
        let reply = self.get("/api/progress", token).await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        reply.body["streak"].clone()
    }
}

//! The HTTP surface: health, the app, errors, identity, pairing, sessions and isolation between users.

mod support;

use algorithms::Machine;
use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use chrono::TimeDelta;
use serde_json::{Value, json};
use server::SqliteStore;
use support::{TestApp, at};

#[tokio::test]
async fn health_reports_version_and_migrated_store() {
    let app = TestApp::new().await;
    let reply = app.call(Method::GET, "/api/health", None, None).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.body["status"], "ok");
    assert_eq!(reply.body["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(reply.body["store"]["kind"], "sqlite");
    assert_eq!(reply.body["store"]["schema_version"], 6);
    assert!(app.dir.path().join("data/test.db").is_file());
}

#[tokio::test]
async fn every_response_carries_server_time_and_only_authenticated_ones_an_anchor() {
    let app = TestApp::new().await;
    let (user, token) = app.user("UTC").await;
    // (path, token sent, whether the request authenticates)
    for (uri, token, authenticated) in [
        ("/api/health", None, false),
        ("/api/no-such-thing", None, false),
        ("/api/progress", None, false),
        ("/api/progress", Some("not-a-token"), false),
        ("/", None, false),
        ("/api/health", Some(token.as_str()), false),
        ("/api/me", Some(token.as_str()), true),
        ("/api/progress", Some(token.as_str()), true),
    ] {
        let method = Method::GET;
        let mut request = Request::builder().method(method).uri(uri);
        if let Some(token) = token {
            request = request.header("authorization", format!("Bearer {token}"));
        }
        let (_, headers, _) = app.raw(request.body(Body::empty()).unwrap()).await;
        assert_eq!(
            headers["x-server-time"], "2026-03-01T12:00:00.000Z",
            "{uri}"
        );
        let Some(anchor) = headers.get("x-time-anchor") else {
            assert!(
                !authenticated,
                "{uri}: an authenticated response has an anchor"
            );
            continue;
        };
        assert!(
            authenticated,
            "{uri} {token:?}: no anchor without authentication"
        );
        let parts: Vec<&str> = anchor.to_str().unwrap().split('.').collect();
        assert_eq!(
            parts[0],
            at("2026-03-01T12:00:00Z").timestamp_millis().to_string()
        );
        assert_eq!(parts[1], user, "bound to the user it answered");
        assert_eq!(parts[2].len(), 64, "an HMAC-SHA256 in hex");
    }
}

#[tokio::test]
async fn unknown_api_paths_and_methods_are_json_errors_not_the_app() {
    let app = TestApp::new().await;
    let reply = app
        .call(Method::GET, "/api/no-such-thing", None, None)
        .await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
    assert_eq!(reply.body["code"], "not_found");
    let reply = app.call(Method::DELETE, "/api/health", None, None).await;
    assert_eq!(reply.status, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(reply.body["code"], "method_not_allowed");
}

#[tokio::test]
async fn serves_the_app_at_root_and_at_deep_links() {
    let app = TestApp::new().await;
    for path in ["/", "/algorithms/bubble-sort"] {
        let request = Request::get(path).body(Body::empty()).unwrap();
        let (status, _, body) = app.raw(request).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        assert!(
            String::from_utf8(body)
                .unwrap()
                .contains("<title>AlgoVista</title>")
        );
    }
}

#[tokio::test]
async fn sends_precompressed_files_and_caches_only_hashed_names_for_good() {
    let app = TestApp::new().await;
    let dist = app.dir.path().join("dist");
    let folder = dist.join("assets/page-plot-0123456789abcdef");
    std::fs::create_dir_all(&folder).unwrap();
    // Each copy says which it is, so the test sees which one was sent.
    for (name, body) in [
        ("page-plot.js", "plain"),
        ("page-plot.js.br", "brotli"),
        ("page-plot.js.gz", "gzip"),
    ] {
        std::fs::write(folder.join(name), body).unwrap();
    }
    std::fs::write(dist.join("index.html.br"), "index in brotli").unwrap();
    std::fs::write(dist.join("main-89abcdef01234567.css"), "css").unwrap();

    let get = |path: &str, accept: Option<&str>| {
        let mut request = Request::get(path);
        if let Some(accept) = accept {
            request = request.header("accept-encoding", accept);
        }
        app.raw(request.body(Body::empty()).unwrap())
    };
    let asset = "/assets/page-plot-0123456789abcdef/page-plot.js";
    for (accept, body, encoding) in [
        (Some("gzip, deflate, br"), "brotli", Some("br")),
        (Some("gzip"), "gzip", Some("gzip")),
        (None, "plain", None),
    ] {
        let (status, headers, bytes) = get(asset, accept).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(String::from_utf8(bytes).unwrap(), body, "{accept:?}");
        assert_eq!(
            headers.get("content-encoding").map(|v| v.to_str().unwrap()),
            encoding
        );
        assert_eq!(
            headers["cache-control"],
            "public, max-age=31536000, immutable"
        );
        assert!(
            headers["vary"]
                .to_str()
                .unwrap()
                .contains("accept-encoding")
        );
    }
    let (_, headers, _) = get("/main-89abcdef01234567.css", None).await;
    assert_eq!(
        headers["cache-control"],
        "public, max-age=31536000, immutable"
    );

    // The page itself, at its own path and at deep links, is revalidated on every load.
    for path in ["/", "/index.html", "/algorithms/bubble-sort"] {
        let (status, headers, bytes) = get(path, Some("br")).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        assert_eq!(
            String::from_utf8(bytes).unwrap(),
            "index in brotli",
            "{path}"
        );
        assert_eq!(headers["content-encoding"], "br");
        assert_eq!(headers["cache-control"], "no-cache", "{path}");
    }
    let (_, headers, _) = get("/favicon.svg-like-0123", None).await;
    assert_eq!(headers["cache-control"], "no-cache");
}

#[test]
fn reopening_keeps_the_schema_and_refuses_a_newer_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store.db");
    drop(SqliteStore::open(&path).unwrap());
    drop(SqliteStore::open(&path).expect("migrations are idempotent"));

    let connection = rusqlite::Connection::open(&path).unwrap();
    connection.pragma_update(None, "user_version", 99).unwrap();
    drop(connection);
    let error = SqliteStore::open(&path)
        .err()
        .expect("a newer schema is refused");
    assert!(
        format!("{error:#}").contains("newer than this server knows"),
        "{error:#}"
    );
}

#[tokio::test]
async fn bad_bodies_get_specific_json_errors() {
    let app = TestApp::new().await;
    let (_, token) = app.user("Europe/Berlin").await;
    let send = |body: &'static str, content_type: Option<&'static str>| {
        let mut request =
            Request::post("/api/events").header("authorization", format!("Bearer {token}"));
        if let Some(content_type) = content_type {
            request = request.header("content-type", content_type);
        }
        request.body(Body::from(body)).unwrap()
    };
    let json_of = |bytes: Vec<u8>| serde_json::from_slice::<Value>(&bytes).unwrap();

    let (status, _, body) = app
        .raw(send("{\"events\": [", Some("application/json")))
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(json_of(body)["code"], "bad_request");

    let (status, _, body) = app.raw(send("{\"events\": []}", None)).await;
    assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert_eq!(json_of(body)["code"], "unsupported_media_type");

    let (status, _, body) = app
        .raw(send(
            r#"{"events": [{"id": "e1", "kind": "run_finished", "algorithm": "bubble-sort", "colour": 1}]}"#,
            Some("application/json"),
        ))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let error = json_of(body);
    assert_eq!(error["code"], "invalid_body");
    assert!(
        error["message"].as_str().unwrap().contains("events[0]"),
        "{error}"
    );
    assert!(
        error["message"].as_str().unwrap().contains("colour"),
        "{error}"
    );

    let reply = app
        .post(
            "/api/events",
            &token,
            json!({ "events": [{ "id": "e1", "kind": "run_finished", "algorithm": 7 }] }),
        )
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        reply.body["message"]
            .as_str()
            .unwrap()
            .contains("events[0].algorithm"),
        "{}",
        reply.body
    );

    let reply = app
        .post(
            "/api/events",
            &token,
            json!({ "events": [{ "id": "e1", "kind": "run_finished", "algorithm": "nope" }] }),
        )
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        reply.body["message"]
            .as_str()
            .unwrap()
            .starts_with("events[0].algorithm")
    );

    let reply = app
        .post("/api/events", &token, json!({ "events": [{ "id": "has space", "kind": "run_finished", "algorithm": "bubble-sort" }] }))
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        reply.body["message"]
            .as_str()
            .unwrap()
            .starts_with("events[0].id")
    );

    // A quiz answer says whether it was right; a finished run does not.
    for (event, field) in [
        (
            json!({ "id": "q1", "kind": "quiz_answered", "algorithm": "bubble-sort" }),
            "events[1].correct: a quiz_answered event says",
        ),
        (
            json!({ "id": "q1", "kind": "run_finished", "algorithm": "bubble-sort", "correct": true }),
            "events[1].correct: only a quiz_answered",
        ),
        (
            json!({ "id": "q1", "kind": "quiz_answered", "algorithm": "bubble-sort", "correct": "yes" }),
            "Failed to deserialize",
        ),
    ] {
        let ok = json!({ "id": "q0", "kind": "quiz_answered", "algorithm": "bubble-sort", "correct": true });
        let reply = app
            .post("/api/events", &token, json!({ "events": [ok, event] }))
            .await;
        assert_eq!(
            reply.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}",
            reply.body
        );
        let message = reply.body["message"].as_str().unwrap();
        assert!(message.contains(field), "{message}");
    }
    let progress = app.get("/api/progress", &token).await;
    assert_eq!(
        progress.body["algorithms"],
        json!([]),
        "nothing of a refused batch is stored"
    );

    let reply = app
        .post("/api/events", &token, json!({ "events": [] }))
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);

    let huge = format!(
        r#"{{"events": [], "padding": "{}"}}"#,
        "x".repeat(server::BODY_LIMIT)
    );
    let request = Request::post("/api/events")
        .header("authorization", format!("Bearer {token}"))
        .header("content-type", "application/json")
        .body(Body::from(huge))
        .unwrap();
    let (status, _, body) = app.raw(request).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(json_of(body)["code"], "payload_too_large");
}

#[tokio::test]
async fn users_authenticate_with_bearer_tokens() {
    let app = TestApp::new().await;
    let reply = app
        .call(
            Method::POST,
            "/api/users",
            None,
            Some(json!({ "time_zone": "Mars/Olympus" })),
        )
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        reply.body["message"]
            .as_str()
            .unwrap()
            .starts_with("time_zone")
    );

    let (user_id, token) = app.user("America/New_York").await;
    assert_eq!(token.len(), 64, "256 random bits in hex");
    let me = app.get("/api/me", &token).await;
    assert_eq!(me.status, StatusCode::OK);
    assert_eq!(me.body["user_id"], user_id.as_str());
    assert_eq!(me.body["time_zone"], "America/New_York");

    for header in [
        None,
        Some("Bearer "),
        Some("Basic abc"),
        Some("Bearer wrong"),
    ] {
        let mut request = Request::get("/api/me");
        if let Some(header) = header {
            request = request.header("authorization", header);
        }
        let (status, _, body) = app.raw(request.body(Body::empty()).unwrap()).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{header:?}");
        assert_eq!(
            serde_json::from_slice::<Value>(&body).unwrap()["code"],
            "unauthorized"
        );
    }

    let stored: Vec<String> = rusqlite::Connection::open(app.dir.path().join("data/test.db"))
        .unwrap()
        .prepare("SELECT token_hash FROM tokens")
        .unwrap()
        .query_map([], |row| row.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(stored.len(), 1);
    assert_ne!(stored[0], token, "only the hash is stored");
}

#[tokio::test]
async fn the_zone_changes_at_most_once_per_seven_days() {
    let app = TestApp::new().await;
    let (_, token) = app.user("Europe/Berlin").await;
    let change = |zone: &'static str| {
        app.call(
            Method::PATCH,
            "/api/me",
            Some(&token),
            Some(json!({ "time_zone": zone })),
        )
    };
    let reply = change("Asia/Tokyo").await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert_eq!(reply.body["time_zone"], "Asia/Tokyo");
    app.advance(TimeDelta::days(6));
    let reply = change("Europe/Berlin").await;
    assert_eq!(reply.status, StatusCode::CONFLICT);
    assert_eq!(reply.body["code"], "zone_change_too_soon");
    assert_eq!(reply.body["current"]["time_zone"], "Asia/Tokyo");
    app.advance(TimeDelta::days(1));
    assert_eq!(change("Europe/Berlin").await.status, StatusCode::OK);
}

#[tokio::test]
async fn a_pairing_code_gives_a_second_device_the_same_user_once() {
    let app = TestApp::new().await;
    let (user_id, token) = app.user("Europe/Berlin").await;
    let reply = app
        .call(Method::POST, "/api/pairing-codes", Some(&token), None)
        .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.body);
    let code = reply.body["code"].as_str().unwrap().to_owned();
    assert_eq!(reply.body["expires_at"], "2026-03-01T12:10:00.000Z");

    // Typed by hand: lower case, without the dash.
    let typed = code.replace('-', "").to_lowercase();
    let redeem = |code: String| {
        app.call(
            Method::POST,
            "/api/pairing-codes/redeem",
            None,
            Some(json!({ "code": code })),
        )
    };
    let reply = redeem(typed.clone()).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.body);
    assert_eq!(reply.body["user_id"], user_id.as_str());
    let second_token = reply.body["token"].as_str().unwrap().to_owned();
    assert_ne!(second_token, token);
    assert_eq!(
        app.get("/api/me", &second_token).await.body["user_id"],
        user_id.as_str()
    );

    assert_eq!(
        redeem(typed).await.status,
        StatusCode::NOT_FOUND,
        "single use"
    );

    let reply = app
        .call(Method::POST, "/api/pairing-codes", Some(&token), None)
        .await;
    let late = reply.body["code"].as_str().unwrap().to_owned();
    app.advance(TimeDelta::minutes(11));
    assert_eq!(redeem(late).await.status, StatusCode::NOT_FOUND, "expired");

    assert_eq!(
        redeem("short".to_owned()).await.status,
        StatusCode::UNPROCESSABLE_ENTITY
    );

    // Rate limit: 5 per hour, counting the two above.
    for _ in 0..3 {
        let reply = app
            .call(Method::POST, "/api/pairing-codes", Some(&token), None)
            .await;
        assert_eq!(reply.status, StatusCode::CREATED);
    }
    let reply = app
        .call(Method::POST, "/api/pairing-codes", Some(&token), None)
        .await;
    assert_eq!(reply.status, StatusCode::TOO_MANY_REQUESTS);
    app.advance(TimeDelta::hours(1));
    let reply = app
        .call(Method::POST, "/api/pairing-codes", Some(&token), None)
        .await;
    assert_eq!(reply.status, StatusCode::CREATED);
}

/// A valid session body for bubble sort at `step`.
fn session_body(step: u64, expected_version: u64) -> Value {
    let entry = algorithms::catalogue::find("bubble-sort").unwrap();
    let input = algorithms::Input {
        values: vec![5, 1, 4, 2, 3],
        ..Default::default()
    };
    json!({
        "expected_version": expected_version,
        "algorithm": "bubble-sort",
        "algorithm_version": entry.version,
        "input": input,
        "step": step,
        "preferences": { "speed": 2.0 },
    })
}

/// SHA-256 of a snapshot's JSON with sorted keys and no spaces, written out here rather than through
/// the server's helper, so the test checks what the server stored against a definition.
fn hash_of(snapshot: &algorithms::Snapshot) -> String {
    use sha2::{Digest, Sha256};
    let canonical = serde_json::to_value(snapshot).unwrap().to_string();
    Sha256::digest(canonical.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[tokio::test]
async fn a_graph_session_keeps_its_graph_and_the_hash_of_its_step() {
    let app = TestApp::new().await;
    let (_, token) = app.user("Europe/Berlin").await;
    let entry = algorithms::catalogue::find("dijkstra").unwrap();
    let graph = json!({"nodes": ["A", "B", "C"], "edges": [["A", "B", 4], ["A", "C", 1], ["C", "B", 1]], "start": "A"});
    let body = |graph: Value| {
        json!({
            "expected_version": 0,
            "algorithm": "dijkstra",
            "algorithm_version": entry.version,
            "input": { "graph": graph },
            "step": 4,
            "preferences": { "speed": 2.0 },
        })
    };
    let created = app
        .call(
            Method::PUT,
            "/api/sessions/dijkstra",
            Some(&token),
            Some(body(graph.clone())),
        )
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
    let fetched = app.get("/api/sessions/dijkstra", &token).await;
    let input: algorithms::Input = serde_json::from_value(json!({ "graph": graph })).unwrap();
    let snapshots: Vec<_> = entry.start(input.clone()).unwrap().steps().collect();
    assert_eq!(fetched.body["snapshot_hash"], hash_of(&snapshots[4]));
    // Stored as read: the graph's JSON form, with the positions it was laid out at.
    assert_eq!(fetched.body["input"], serde_json::to_value(&input).unwrap());
    assert_eq!(
        fetched.body["input"]["graph"]["positions"]
            .as_array()
            .unwrap()
            .len(),
        3
    );

    // A graph the algorithm refuses (a negative weight for Dijkstra), or one naming an unknown node: 422,
    // with the reason.
    let refusals = [
        (
            json!({"nodes": ["A", "B"], "edges": [["A", "B", -1]], "start": "A"}),
            "weights of 0 or more",
        ),
        (
            json!({"nodes": ["A"], "edges": [["A", "Z", 1]], "start": "A"}),
            "\"Z\", which is not in nodes",
        ),
    ];
    for (graph, reason) in refusals {
        let refused = app
            .call(
                Method::PUT,
                "/api/sessions/dijkstra-2",
                Some(&token),
                Some(body(graph)),
            )
            .await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        let message = refused.body["message"].as_str().unwrap();
        assert!(message.contains(reason), "{message}");
    }
}

#[tokio::test]
async fn a_maze_session_keeps_its_grid_and_seed_and_the_hash_of_its_step() {
    let app = TestApp::new().await;
    let (_, token) = app.user("Europe/Berlin").await;
    let entry = algorithms::catalogue::find("maze-prim").unwrap();
    let body = |grid: Value, seed: u64| {
        json!({
            "expected_version": 0,
            "algorithm": "maze-prim",
            "algorithm_version": entry.version,
            "input": { "grid": grid, "seed": seed },
            "step": 7,
            "preferences": { "speed": 2.0 },
        })
    };
    let grid = json!([".......", ".S.....", ".......", ".....G.", "......."]);
    let created = app
        .call(
            Method::PUT,
            "/api/sessions/maze",
            Some(&token),
            Some(body(grid.clone(), 5)),
        )
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
    let fetched = app.get("/api/sessions/maze", &token).await;
    let input: algorithms::Input =
        serde_json::from_value(json!({ "grid": grid, "seed": 5 })).unwrap();
    let snapshots: Vec<_> = entry.start(input.clone()).unwrap().steps().collect();
    assert_eq!(fetched.body["snapshot_hash"], hash_of(&snapshots[7]));
    assert_eq!(fetched.body["input"], serde_json::to_value(&input).unwrap());
    // Another seed is another maze: its step 7 differs.
    let other: algorithms::Input =
        serde_json::from_value(json!({ "grid": grid, "seed": 6 })).unwrap();
    let other: Vec<_> = entry.start(other).unwrap().steps().collect();
    assert_ne!(hash_of(&other[7]), hash_of(&snapshots[7]));

    // A grid a maze cannot start from, or rows that are not a grid: 422, with the reason.
    let refusals = [
        (json!(["S.", ".G"]), "odd width and height"),
        (
            json!(["S..", ".x.", "..G"]),
            "line 2, column 2: \"x\" is not a cell",
        ),
    ];
    for (grid, reason) in refusals {
        let refused = app
            .call(
                Method::PUT,
                "/api/sessions/maze-2",
                Some(&token),
                Some(body(grid, 1)),
            )
            .await;
        assert_eq!(
            refused.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}",
            refused.body
        );
        let message = refused.body["message"].as_str().unwrap();
        assert!(message.contains(reason), "{message}");
    }
}

#[tokio::test]
async fn sessions_resume_at_the_exact_step_and_stale_writes_conflict() {
    let app = TestApp::new().await;
    let (_, token) = app.user("Europe/Berlin").await;
    let put = |body: Value| app.call(Method::PUT, "/api/sessions/run-1", Some(&token), Some(body));

    let created = put(session_body(3, 0)).await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
    assert_eq!(created.body["version"], 1);

    // The server replayed the run and stored the hash of the snapshot at step 3, its neighbours' differ.
    let fetched = app.get("/api/sessions/run-1", &token).await;
    let entry = algorithms::catalogue::find("bubble-sort").unwrap();
    let input = algorithms::Input {
        values: vec![5, 1, 4, 2, 3],
        ..Default::default()
    };
    let snapshots: Vec<_> = entry.start(input).unwrap().steps().collect();
    assert_eq!(fetched.body["snapshot_hash"], hash_of(&snapshots[3]));
    assert_ne!(hash_of(&snapshots[2]), hash_of(&snapshots[3]));
    assert_ne!(hash_of(&snapshots[4]), hash_of(&snapshots[3]));
    assert_eq!(fetched.body["step"], 3);
    assert!(fetched.body.get("state").is_none());

    // Device A moves to step 5 (version 2); device B, still on version 1, is told and given A's copy.
    assert_eq!(put(session_body(5, 1)).await.body["version"], 2);
    let stale = put(session_body(4, 1)).await;
    assert_eq!(stale.status, StatusCode::CONFLICT);
    assert_eq!(stale.body["code"], "version_conflict");
    assert_eq!(stale.body["current"]["version"], 2);
    assert_eq!(stale.body["current"]["step"], 5);
    assert_eq!(
        put(session_body(4, 0)).await.status,
        StatusCode::CONFLICT,
        "create over an existing one"
    );

    let missing = app
        .call(
            Method::PUT,
            "/api/sessions/run-2",
            Some(&token),
            Some(session_body(1, 4)),
        )
        .await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);

    // Most recent first.
    app.advance(TimeDelta::minutes(1));
    let second = app
        .call(
            Method::PUT,
            "/api/sessions/run-2",
            Some(&token),
            Some(session_body(1, 0)),
        )
        .await;
    assert_eq!(second.status, StatusCode::CREATED);
    let list = app.get("/api/sessions", &token).await;
    let ids: Vec<&str> = list.body["sessions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["run-2", "run-1"]);
    assert!(
        list.body["sessions"][0].get("state").is_none(),
        "listings leave the state out"
    );
}

#[tokio::test]
async fn session_bodies_are_checked_against_the_catalogue() {
    let app = TestApp::new().await;
    let (_, token) = app.user("Europe/Berlin").await;
    type Change = Box<dyn Fn(&mut Value)>;
    let cases: Vec<(Change, &str)> = vec![
        (Box::new(|b| b["algorithm"] = json!("nope")), "algorithm:"),
        (
            Box::new(|b| b["algorithm_version"] = json!(99)),
            "algorithm_version:",
        ),
        (
            Box::new(|b| b["step"] = json!(1000)),
            "step: the run of this input ends at step",
        ),
        (
            Box::new(|b| b["state_hash"] = json!("00")),
            "Failed to deserialize the JSON body into the target type: state_hash: unknown field",
        ),
        (
            Box::new(|b| b["input"] = json!({ "values": [1, 2000000000] })),
            "input:",
        ),
        (Box::new(|b| b["preferences"] = json!([1])), "preferences:"),
        (
            Box::new(|b| b["state"] = json!({ "a": "forged state" })),
            "Failed to deserialize the JSON body into the target type: state: unknown field",
        ),
        (
            Box::new(|b| b["input"] = json!({ "values": vec![1; 2001] })),
            "input: 2001 values is more than the 2000",
        ),
    ];
    for (change, expected) in cases {
        let mut body = session_body(3, 0);
        change(&mut body);
        let reply = app
            .call(Method::PUT, "/api/sessions/s", Some(&token), Some(body))
            .await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{expected}");
        assert!(
            reply.body["message"]
                .as_str()
                .unwrap()
                .starts_with(expected),
            "{expected}: {}",
            reply.body
        );
    }
    let reply = app
        .call(
            Method::PUT,
            "/api/sessions/bad%20id",
            Some(&token),
            Some(session_body(3, 0)),
        )
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn users_never_see_or_change_each_others_data() {
    let app = TestApp::new().await;
    let (_, alice) = app.user("Europe/Berlin").await;
    let (_, bob) = app.user("Europe/Berlin").await;
    let put = async |token: &str, expected: u64| {
        app.call(
            Method::PUT,
            "/api/sessions/shared-id",
            Some(token),
            Some(session_body(3, expected)),
        )
        .await
    };
    assert_eq!(put(&alice, 0).await.status, StatusCode::CREATED);
    assert_eq!(app.event(&alice, "a1", None).await.status, StatusCode::OK);

    // Bob sees nothing of Alice's.
    assert_eq!(
        app.get("/api/sessions/shared-id", &bob).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.get("/api/sessions", &bob).await.body["sessions"],
        json!([])
    );
    let progress = app.get("/api/progress", &bob).await.body;
    assert_eq!(progress["days"], json!([]));
    assert_eq!(progress["algorithms"], json!([]));
    // Updating "her" session id touches only his own namespace.
    assert_eq!(put(&bob, 1).await.status, StatusCode::NOT_FOUND);
    assert_eq!(put(&bob, 0).await.status, StatusCode::CREATED);
    // The same event id is his own event, not a duplicate of hers.
    let reply = app.event(&bob, "a1", None).await;
    assert_eq!(reply.body["results"][0]["status"], "recorded");

    let alices = app.get("/api/sessions/shared-id", &alice).await.body;
    assert_eq!(alices["version"], 1, "Alice's session is untouched");
    assert_eq!(
        app.get("/api/progress", &alice).await.body["days"][0]["count"],
        1
    );
}

/// The names the app offers for the home time zone are exactly those `PATCH /api/me` accepts.
#[tokio::test]
async fn time_zone_names_are_listed_and_each_is_accepted() {
    let app = TestApp::new().await;
    let reply = app.call(Method::GET, "/api/time-zones", None, None).await;
    assert_eq!(reply.status, StatusCode::OK);
    let names: Vec<&str> = reply.body["time_zones"]
        .as_array()
        .unwrap()
        .iter()
        .map(|name| name.as_str().unwrap())
        .collect();
    assert!(names.len() > 300, "{}", names.len());
    assert!(names.contains(&"Asia/Tokyo") && names.contains(&"UTC"));
    // Each listed name is one the zone change reads (its parser, not the list, decides).
    assert!(
        names
            .iter()
            .all(|name| name.parse::<chrono_tz::Tz>().is_ok())
    );
    let (_, token) = app.user("UTC").await;
    let zone = names.iter().find(|n| n.starts_with("Pacific/")).unwrap();
    let changed = app
        .call(
            Method::PATCH,
            "/api/me",
            Some(&token),
            Some(json!({ "time_zone": zone })),
        )
        .await;
    assert_eq!(changed.status, StatusCode::OK, "{}", changed.body);
    assert_eq!(changed.body["time_zone"], *zone);
}

/// The OpenAPI document lists exactly the routes the router answers, at the crate's version.
#[tokio::test]
async fn the_openapi_document_matches_the_routes() {
    let app = TestApp::new().await;
    let reply = app.call(Method::GET, "/api/openapi.json", None, None).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.body["openapi"], "3.1.0");
    assert_eq!(reply.body["info"]["version"], env!("CARGO_PKG_VERSION"));
    // The served document names the valid algorithms and zones, for clients and fuzzers.
    let schemas = &reply.body["components"]["schemas"];
    let ids: Vec<&str> = schemas["AlgorithmId"]["enum"]
        .as_array()
        .unwrap()
        .iter()
        .map(|id| id.as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), algorithms::catalogue::CATALOGUE.len());
    assert!(ids.contains(&"bubble-sort") && ids.contains(&"binary-search"));
    let zones = schemas["TimeZone"]["enum"].as_array().unwrap();
    assert!(zones.len() > 300, "{}", zones.len());
    assert!(zones.contains(&json!("Europe/Berlin")) && zones.contains(&json!("UTC")));
    let paths = reply.body["paths"].as_object().unwrap();
    let mut documented = 0;
    for (path, operations) in paths {
        for method in ["get", "post", "put", "patch", "delete"] {
            let uri = path
                .replace("{id}", "doc-check")
                .replace("{file}", "doc-check.svg");
            let routed = app
                .call(method.to_uppercase().parse().unwrap(), &uri, None, None)
                .await;
            let unknown = routed.body["message"].as_str().is_some_and(|m| {
                m == "No such API resource." || routed.body["code"] == "method_not_allowed"
            });
            assert_eq!(
                operations.get(method).is_some(),
                !unknown,
                "{method} {path}: documented and routed must agree"
            );
            documented += usize::from(!unknown);
        }
    }
    assert_eq!(documented, 20);
}

#[tokio::test]
async fn cors_allows_the_configured_app_origin_and_exposes_the_time_headers() {
    let dir = tempfile::tempdir().unwrap();
    let clock = std::sync::Arc::new(server::ManualClock::new(at("2026-03-01T12:00:00Z")));
    let store = SqliteStore::open(&dir.path().join("cors.db")).unwrap();
    let state = server::AppState::new(store, clock, dir.path().to_path_buf())
        .await
        .unwrap()
        .with_app_origin("https://app.example".parse().unwrap());
    let router = server::app(state);
    let preflight = Request::builder()
        .method(Method::OPTIONS)
        .uri("/api/events")
        .header("origin", "https://app.example")
        .header("access-control-request-method", "POST")
        .header(
            "access-control-request-headers",
            "authorization,content-type",
        )
        .body(Body::empty())
        .unwrap();
    let response = tower::ServiceExt::oneshot(router.clone(), preflight)
        .await
        .unwrap();
    let headers = response.headers();
    assert_eq!(
        headers["access-control-allow-origin"],
        "https://app.example"
    );
    assert!(
        headers["access-control-allow-headers"]
            .to_str()
            .unwrap()
            .contains("authorization")
    );
    let request = Request::get("/api/health")
        .header("origin", "https://app.example")
        .body(Body::empty())
        .unwrap();
    let response = tower::ServiceExt::oneshot(router.clone(), request)
        .await
        .unwrap();
    let exposed = response.headers()["access-control-expose-headers"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        exposed.contains("x-server-time") && exposed.contains("x-time-anchor"),
        "{exposed}"
    );
    let other = Request::get("/api/health")
        .header("origin", "https://evil.example")
        .body(Body::empty())
        .unwrap();
    let response = tower::ServiceExt::oneshot(router, other).await.unwrap();
    // Only the configured origin is ever named, so a browser on another origin is refused.
    assert_eq!(
        response.headers()["access-control-allow-origin"],
        "https://app.example"
    );
}

#[tokio::test]
async fn arrays_are_refused_where_objects_are_required() {
    let app = TestApp::new().await;
    let (_, token) = app.user("UTC").await;
    // serde would read each of these as the struct, field by field.
    for (method, uri, body, message) in [
        (
            Method::POST,
            "/api/users",
            json!(["UTC"]),
            "the body must be a JSON object",
        ),
        (
            Method::PATCH,
            "/api/me",
            json!(["Europe/Berlin"]),
            "the body must be a JSON object",
        ),
        (
            Method::POST,
            "/api/events",
            json!([[["x1", "run_finished", "bubble-sort"]]]),
            "the body must be a JSON object",
        ),
        (
            Method::POST,
            "/api/events",
            json!({ "events": [["x1", "run_finished", "bubble-sort"]] }),
            "events[0]: must be a JSON object",
        ),
        (
            Method::POST,
            "/api/pairing-codes/redeem",
            json!(["7K2QD-M9XAT"]),
            "the body must be a JSON object",
        ),
    ] {
        let reply = app.call(method, uri, Some(&token), Some(body)).await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{uri}");
        assert_eq!(reply.body["message"], message, "{uri}");
    }
    let mut session = session_body(0, 0);
    session["input"] = json!([[5, 1, 4, 2, 3]]);
    let reply = app
        .call(Method::PUT, "/api/sessions/s1", Some(&token), Some(session))
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(reply.body["message"], "input: must be a JSON object");
    // Nothing was recorded or created by the refused calls.
    assert_eq!(
        app.get("/api/progress", &token).await.body["days"],
        json!([])
    );
    assert_eq!(
        app.get("/api/sessions", &token).await.body["sessions"],
        json!([])
    );
}

#[tokio::test]
async fn every_api_answer_is_json_even_for_odd_paths() {
    let app = TestApp::new().await;
    let (_, token) = app.user("UTC").await;
    for (method, uri) in [
        (Method::GET, "/api"),
        (Method::GET, "/api/"),
        (Method::POST, "/api/"),
        (Method::GET, "/api/sessions/%FF"),
    ] {
        let request = Request::builder()
            .method(method.clone())
            .uri(uri)
            .header("authorization", format!("Bearer {token}"))
            .body(Body::empty())
            .unwrap();
        let (status, headers, bytes) = app.raw(request).await;
        assert!(status.is_client_error(), "{method} {uri}: {status}");
        assert_eq!(
            headers["content-type"], "application/json",
            "{method} {uri}"
        );
        let body: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        assert!(
            body["code"].is_string() && body["message"].is_string(),
            "{uri}: {body}"
        );
    }
}

#[tokio::test]
async fn the_bearer_scheme_name_is_case_insensitive() {
    let app = TestApp::new().await;
    let (user, token) = app.user("UTC").await;
    for scheme in ["Bearer", "bearer", "BEARER"] {
        let request = Request::get("/api/me")
            .header("authorization", format!("{scheme} {token}"))
            .body(Body::empty())
            .unwrap();
        let (status, _, bytes) = app.raw(request).await;
        assert_eq!(status, StatusCode::OK, "{scheme}");
        let body: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(body["user_id"], user.as_str());
    }
    let request = Request::get("/api/me")
        .header("authorization", format!("Basic {token}"))
        .body(Body::empty())
        .unwrap();
    assert_eq!(app.raw(request).await.0, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn the_session_list_holds_the_input_and_the_hash() {
    let app = TestApp::new().await;
    let (_, token) = app.user("UTC").await;
    let body = session_body(3, 0);
    let put = app
        .call(
            Method::PUT,
            "/api/sessions/s1",
            Some(&token),
            Some(body.clone()),
        )
        .await;
    assert_eq!(put.status, StatusCode::CREATED);
    let listed = &app.get("/api/sessions", &token).await.body["sessions"][0];
    assert_eq!(listed["input"], body["input"]);
    assert_eq!(listed["step"], 3);
    let stored = app.get("/api/sessions/s1", &token).await.body;
    assert_eq!(listed["snapshot_hash"], stored["snapshot_hash"]);
    assert_eq!(listed["snapshot_hash"].as_str().unwrap().len(), 64);
}

/// Every string in `value` that is an instant (a date, `T`, a time).
fn instants(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::String(text)
            if text.len() > 19
                && text.as_bytes()[10] == b'T'
                && text[..4].parse::<u16>().is_ok() =>
        {
            out.push(text.clone())
        }
        serde_json::Value::Array(items) => items.iter().for_each(|item| instants(item, out)),
        serde_json::Value::Object(fields) => fields.values().for_each(|item| instants(item, out)),
        _ => {}
    }
}

#[tokio::test]
async fn every_instant_is_written_with_milliseconds() {
    // A clock with nanoseconds, and one on a whole second: both must read `…ss.mmmZ`.
    for now in ["2026-03-01T12:00:00.123456789Z", "2026-03-01T12:00:00Z"] {
        let app = TestApp::starting_at(at(now)).await;
        let (_, token) = app.user("UTC").await;
        let mut seen = Vec::new();
        let replies = [
            app.get("/api/me", &token).await,
            app.post("/api/pairing-codes", &token, json!({})).await,
            app.post(
                "/api/events",
                &token,
                json!({ "events": [{ "id": "e1", "kind": "run_finished", "algorithm": "bubble-sort" }] }),
            )
            .await,
            app.get("/api/progress", &token).await,
            app.call(Method::PUT, "/api/sessions/s1", Some(&token), Some(session_body(1, 0)))
                .await,
            app.get("/api/sessions", &token).await,
            app.get("/api/sessions/s1", &token).await,
            // A stale write: the 409 carries the stored copy.
            app.call(Method::PUT, "/api/sessions/s1", Some(&token), Some(session_body(2, 0)))
                .await,
        ];
        for reply in &replies {
            assert!(reply.status.as_u16() < 500, "{}", reply.body);
            instants(&reply.body, &mut seen);
        }
        assert!(
            seen.len() >= 10,
            "{now}: the answers hold instants: {seen:?}"
        );
        let expected = format!(
            "{}Z",
            &at(now).to_rfc3339_opts(chrono::SecondsFormat::Millis, true)[..23]
        );
        for instant in &seen {
            assert_eq!(
                instant.len(),
                24,
                "{now}: {instant} has milliseconds, no more, no less"
            );
            assert!(
                instant.ends_with('Z') && instant.as_bytes()[19] == b'.',
                "{instant}"
            );
        }
        assert!(seen.contains(&expected), "{expected} in {seen:?}");
    }
}

#[tokio::test]
async fn deleting_me_removes_everything_and_every_device_and_says_what() {
    let app = TestApp::new().await;
    let (_, token) = app.user("UTC").await;
    let (_, other) = app.user("UTC").await;
    for id in ["e1", "e2", "e3"] {
        assert_eq!(app.event(&token, id, None).await.status, StatusCode::OK);
    }
    assert_eq!(app.event(&other, "e1", None).await.status, StatusCode::OK);
    let session = json!({
        "expected_version": 0, "algorithm": "bubble-sort", "algorithm_version": 1,
        "input": { "values": [3, 1, 2] }, "step": 2,
    });
    let put = app
        .call(Method::PUT, "/api/sessions/s1", Some(&token), Some(session))
        .await;
    assert_eq!(put.status, StatusCode::CREATED, "{}", put.body);
    let code = app
        .call(Method::POST, "/api/pairing-codes", Some(&token), None)
        .await;
    let redeemed = app
        .call(
            Method::POST,
            "/api/pairing-codes/redeem",
            None,
            Some(json!({ "code": code.body["code"] })),
        )
        .await;
    let second_device = redeemed.body["token"].as_str().unwrap().to_owned();

    let reply = app
        .call(Method::DELETE, "/api/me", Some(&second_device), None)
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert_eq!(
        reply.body,
        json!({ "deleted": { "events": 3, "sessions": 1, "pairing_codes": 1, "tokens": 2 } })
    );
    for gone in [&token, &second_device] {
        assert_eq!(
            app.get("/api/me", gone).await.status,
            StatusCode::UNAUTHORIZED
        );
    }
    // Another user's data is untouched.
    assert_eq!(app.streak(&other).await["current"], 1);
    assert_eq!(
        app.call(Method::DELETE, "/api/me", None, None).await.status,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn the_pairing_code_limit_holds_under_concurrent_requests() {
    let app = TestApp::new().await;
    let (_, token) = app.user("UTC").await;
    let racers: Vec<_> = (0..12)
        .map(|_| app.call(Method::POST, "/api/pairing-codes", Some(&token), None))
        .collect();
    let replies = futures::future::join_all(racers).await;
    let created = replies
        .iter()
        .filter(|r| r.status == StatusCode::CREATED)
        .count();
    let limited = replies
        .iter()
        .filter(|r| {
            r.status == StatusCode::TOO_MANY_REQUESTS && r.body["code"] == "too_many_requests"
        })
        .count();
    assert_eq!((created, limited), (5, 7));
}

#[tokio::test]
async fn the_event_log_is_exported_page_by_page() {
    let app = TestApp::new().await;
    let (_, token) = app.user("UTC").await;
    let (_, other) = app.user("UTC").await;
    for i in 0..5 {
        assert_eq!(
            app.event(&token, &format!("e{i}"), None).await.status,
            StatusCode::OK
        );
        app.advance(TimeDelta::minutes(1));
    }
    app.event(&other, "theirs", None).await;

    let mut ids = Vec::new();
    let mut uri = "/api/events?limit=2".to_owned();
    loop {
        let page = app.get(&uri, &token).await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
        for event in page.body["events"].as_array().unwrap() {
            ids.push(event["id"].as_str().unwrap().to_owned());
            assert_eq!(event["kind"], "run_finished");
            assert!(event["at"].as_str().unwrap().ends_with('Z'));
        }
        match page.body["next"].as_str() {
            Some(next) => uri = format!("/api/events?limit=2&after={next}"),
            None => break,
        }
    }
    assert_eq!(ids, ["e0", "e1", "e2", "e3", "e4"]);
    let all = app.get("/api/events", &token).await;
    assert_eq!(all.body["events"].as_array().unwrap().len(), 5);
    assert_eq!(all.body["next"], serde_json::Value::Null);

    for (query, expected) in [
        ("limit=0", "limit: a whole number from 1 to 1000"),
        ("limit=lots", "limit: a whole number from 1 to 1000"),
        ("after=yesterday", "after: the `next` cursor"),
        ("page=2", "unknown query parameter \"page\""),
    ] {
        let reply = app.get(&format!("/api/events?{query}"), &token).await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{query}");
        assert!(
            reply.body["message"]
                .as_str()
                .unwrap()
                .starts_with(expected),
            "{query}: {}",
            reply.body
        );
    }
    assert_eq!(
        app.call(Method::GET, "/api/events", None, None)
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn sessions_are_capped_per_user_and_can_be_deleted() {
    let app = TestApp::new().await;
    let (_, token) = app.user("UTC").await;
    let (app, token) = (&app, token.as_str());
    let put = |id: String| async move {
        let body = json!({
            "expected_version": 0, "algorithm": "bubble-sort", "algorithm_version": 1,
            "input": { "values": [2, 1] }, "step": 1,
        });
        let uri = format!("/api/sessions/{id}");
        app.call(Method::PUT, &uri, Some(token), Some(body)).await
    };
    for i in 0..server::store::MAX_SESSIONS_PER_USER {
        assert_eq!(put(format!("s{i}")).await.status, StatusCode::CREATED);
    }
    let full = put("one-more".to_owned()).await;
    assert_eq!(full.status, StatusCode::CONFLICT);
    assert_eq!(full.body["code"], "session_limit");
    assert!(
        full.body["message"]
            .as_str()
            .unwrap()
            .contains("At most 100 sessions")
    );

    let delete = |id: &'static str| async move {
        let uri = format!("/api/sessions/{id}");
        app.call(Method::DELETE, &uri, Some(token), None).await
    };
    let (status, _, body) = app
        .raw(
            axum::http::Request::delete("/api/sessions/s7")
                .header("authorization", format!("Bearer {token}"))
                .body(axum::body::Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!((status, body.len()), (StatusCode::NO_CONTENT, 0));
    assert_eq!(delete("s7").await.status, StatusCode::NOT_FOUND);
    assert_eq!(put("one-more".to_owned()).await.status, StatusCode::CREATED);
    assert_eq!(
        app.get("/api/sessions", token).await.body["sessions"]
            .as_array()
            .unwrap()
            .len(),
        100
    );
}

#[tokio::test]
async fn the_public_streak_card_is_opt_in_revocable_and_drawn_from_the_server_days() {
    let app = TestApp::new().await;
    let (_, token) = app.user("UTC").await;
    for (n, day) in [
        "2026-03-01T10:00:00Z",
        "2026-03-02T10:00:00Z",
        "2026-03-03T10:00:00Z",
    ]
    .iter()
    .enumerate()
    {
        app.set_time(day);
        assert_eq!(
            app.event(&token, &format!("e{n}"), None).await.status,
            StatusCode::OK
        );
    }
    assert_eq!(
        app.get("/api/me/card", &token).await.body,
        json!({ "card_id": null, "url": null })
    );

    let on = app
        .call(Method::POST, "/api/me/card", Some(&token), None)
        .await;
    assert_eq!(on.status, StatusCode::CREATED);
    let url = on.body["url"].as_str().unwrap().to_owned();
    let card_id = on.body["card_id"].as_str().unwrap().to_owned();
    assert_eq!(url, format!("/api/cards/{card_id}.svg"));
    assert_eq!(
        app.get("/api/me/card", &token).await.body["card_id"],
        card_id.as_str()
    );

    // Anyone with the address can read it: no token.
    let app = &app;
    let fetch = |url: String| async move {
        app.raw(
            axum::http::Request::get(url)
                .body(axum::body::Body::empty())
                .unwrap(),
        )
        .await
    };
    let (status, headers, body) = fetch(url.clone()).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers["content-type"], "image/svg+xml");
    assert_eq!(headers["cache-control"], "public, max-age=300");
    let svg = String::from_utf8(body).unwrap();
    assert!(svg.starts_with("<svg"), "{svg}");
    let texts: Vec<&str> = svg
        .split("<text")
        .skip(1)
        .filter_map(|t| {
            t.split_once('>')
                .and_then(|(_, rest)| rest.split_once("</text>"))
                .map(|(text, _)| text.trim())
        })
        .collect();
    assert!(texts.contains(&"3 days"), "{texts:?}");
    assert!(texts.contains(&"longest 3"), "{texts:?}");
    assert!(texts.contains(&"today done"), "{texts:?}");
    // 12 weeks of days up to today (a Tuesday: 11 full weeks and 3 days), plus the white background.
    assert_eq!(svg.matches("<rect").count(), 11 * 7 + 3 + 1);

    // Off: the address is gone. On again: a new address; the old one stays gone.
    let off = app
        .call(Method::DELETE, "/api/me/card", Some(&token), None)
        .await;
    assert_eq!(off.status, StatusCode::NO_CONTENT);
    let (status, _, body) = fetch(url.clone()).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(String::from_utf8(body).unwrap().contains("turned off"));
    let again = app
        .call(Method::POST, "/api/me/card", Some(&token), None)
        .await;
    let new_url = again.body["url"].as_str().unwrap().to_owned();
    assert_ne!(new_url, url);
    assert_eq!(fetch(url).await.0, StatusCode::NOT_FOUND);
    assert_eq!(fetch(new_url).await.0, StatusCode::OK);
    assert_eq!(
        fetch("/api/cards/not-a-card.svg".to_owned()).await.0,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn a_method_a_resource_does_not_answer_gets_405_with_allow() {
    let app = TestApp::new().await;
    for (method, uri, allowed) in [
        (Method::PATCH, "/api/health", vec!["GET", "HEAD"]),
        (Method::DELETE, "/api/users", vec!["POST"]),
        (
            Method::POST,
            "/api/sessions/s1",
            vec!["DELETE", "GET", "HEAD", "PUT"],
        ),
    ] {
        let (status, headers, body) = app
            .raw(
                axum::http::Request::builder()
                    .method(method.clone())
                    .uri(uri)
                    .body(axum::body::Body::empty())
                    .unwrap(),
            )
            .await;
        assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED, "{method} {uri}");
        let body: serde_json::Value = serde_json::from_slice(&body).unwrap();
        assert_eq!(body["code"], "method_not_allowed");
        let mut allow: Vec<String> = headers["allow"]
            .to_str()
            .unwrap()
            .split(',')
            .map(|m| m.trim().to_owned())
            .collect();
        allow.sort();
        assert_eq!(allow, allowed, "{method} {uri}");
    }
}

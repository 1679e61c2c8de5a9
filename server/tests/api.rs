//! The HTTP surface, exercised without a socket through `tower::ServiceExt::oneshot`.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use serde_json::Value;
use server::{AppState, SqliteStore};
use tower::ServiceExt;

struct Fixture {
    dir: tempfile::TempDir,
}

impl Fixture {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("dist")).unwrap();
        std::fs::write(
            dir.path().join("dist/index.html"),
            "<!doctype html><title>AlgoVista</title>",
        )
        .unwrap();
        Fixture { dir }
    }

    fn app(&self) -> axum::Router {
        let store = SqliteStore::open(&self.dir.path().join("data/test.db")).unwrap();
        server::app(AppState::new(store, self.dir.path().join("dist")))
    }

    async fn get(&self, uri: &str) -> (StatusCode, String) {
        let response = self
            .app()
            .oneshot(Request::get(uri).body(Body::empty()).unwrap())
            .await
            .unwrap();
        let status = response.status();
        let body = response.into_body().collect().await.unwrap().to_bytes();
        (status, String::from_utf8(body.to_vec()).unwrap())
    }
}

#[tokio::test]
async fn health_reports_version_and_migrated_store() {
    let fixture = Fixture::new();
    let (status, body) = fixture.get("/api/health").await;
    assert_eq!(status, StatusCode::OK);
    let health: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(health["status"], "ok");
    assert_eq!(health["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(health["store"]["kind"], "sqlite");
    assert_eq!(health["store"]["schema_version"], 1);
    assert!(
        fixture.dir.path().join("data/test.db").is_file(),
        "the store creates its file and folder"
    );
}

#[tokio::test]
async fn unknown_api_paths_are_json_404s_not_the_app() {
    let (status, body) = Fixture::new().get("/api/no-such-thing").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let error: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(error["code"], "not_found");
    assert!(error["message"].as_str().is_some_and(|m| !m.is_empty()));
}

#[tokio::test]
async fn serves_the_app_at_root_and_at_deep_links() {
    let fixture = Fixture::new();
    for path in ["/", "/algorithms/bubble-sort"] {
        let (status, body) = fixture.get(path).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        assert!(
            body.contains("<title>AlgoVista</title>"),
            "{path} serves index.html"
        );
    }
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

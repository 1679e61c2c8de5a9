//! Supabase keys travel differently: a new `sb_secret_…` key only as `apikey` (it is not a JWT), a legacy
//! `service_role` JWT as `apikey` and as the bearer. Checked against a local endpoint that records headers.

use std::sync::{Arc, Mutex};

use axum::Router;
use axum::http::HeaderMap;
use axum::routing::get;
use server::store::{Store, SupabaseStore};

/// Serves `GET /meta` like PostgREST would and returns the headers of the last request.
async fn recording_endpoint() -> (String, Arc<Mutex<HeaderMap>>) {
    let seen = Arc::new(Mutex::new(HeaderMap::new()));
    let record = seen.clone();
    let app = Router::new().route(
        "/meta",
        get(move |headers: HeaderMap| async move {
            *record.lock().unwrap() = headers;
            axum::Json(serde_json::json!([{ "value": "1" }]))
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (url, seen)
}

#[tokio::test]
async fn a_secret_key_goes_only_in_apikey() {
    let (url, seen) = recording_endpoint().await;
    let health = SupabaseStore::new(&url, "sb_secret_abc123")
        .health()
        .await
        .unwrap();
    assert_eq!((health.kind, health.schema_version), ("supabase", 1));
    let headers = seen.lock().unwrap().clone();
    assert_eq!(headers["apikey"], "sb_secret_abc123");
    assert!(headers.get("authorization").is_none());
}

#[tokio::test]
async fn a_legacy_service_role_jwt_is_also_the_bearer() {
    let (url, seen) = recording_endpoint().await;
    let jwt = "eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoic2VydmljZV9yb2xlIn0.c2lnbmF0dXJl";
    SupabaseStore::new(&url, jwt).health().await.unwrap();
    let headers = seen.lock().unwrap().clone();
    assert_eq!(headers["apikey"], jwt);
    assert_eq!(headers["authorization"], format!("Bearer {jwt}"));
}

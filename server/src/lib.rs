//! The AlgoVista server as a library: one [`app`] router shared by `main` and the tests.

pub mod anchor;
pub mod auth;
pub mod card;
pub mod clock;
mod error;
pub mod rate;
pub mod routes;
pub mod serve;
pub mod store;
pub mod streak;
pub mod time;

use std::path::PathBuf;
use std::sync::Arc;

use axum::extract::{DefaultBodyLimit, State};
use axum::http::StatusCode;
use axum::http::{HeaderName, HeaderValue, Method, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router, middleware};
use serde::Serialize;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::cors::CorsLayer;
use tower_http::services::{ServeDir, ServeFile};
use tower_http::timeout::{RequestBodyTimeoutLayer, TimeoutLayer};
use tower_http::trace::TraceLayer;

pub use anchor::Anchors;
pub use clock::{Clock, ManualClock, SystemClock};
pub use error::AppError;
pub use store::{SqliteStore, Store, StoreHealth};

/// The largest request body accepted; larger ones get 413.
pub const BODY_LIMIT: usize = 1 << 20;
/// The most request-line and header bytes a request may carry; more get 431 (with the JSON error body up
/// to [`serve::Limits::max_header_bytes`], where the HTTP library stops reading).
pub const HEADER_LIMIT: usize = 64 << 10;
pub const SERVER_TIME_HEADER: &str = "x-server-time";
pub const ANCHOR_HEADER: &str = "x-time-anchor";

pub struct AppState<S> {
    store: Arc<S>,
    clock: Arc<dyn Clock>,
    anchors: Anchors,
    dist: PathBuf,
    app_origin: Option<HeaderValue>,
    limits: serve::Limits,
}

impl<S> Clone for AppState<S> {
    fn clone(&self) -> Self {
        AppState {
            store: self.store.clone(),
            clock: self.clock.clone(),
            anchors: self.anchors.clone(),
            dist: self.dist.clone(),
            app_origin: self.app_origin.clone(),
            limits: self.limits,
        }
    }
}

impl<S: Store> AppState<S> {
    /// Loads (or creates, on first start) the anchor-signing key from the store.
    pub async fn new(store: S, clock: Arc<dyn Clock>, dist: PathBuf) -> anyhow::Result<Self> {
        let key = store
            .anchor_key(auth::random_bytes::<32>()?.to_vec())
            .await?;
        Ok(AppState {
            store: Arc::new(store),
            clock,
            anchors: Anchors::new(key),
            dist,
            app_origin: None,
            limits: serve::Limits::default(),
        })
    }

    /// Time and size bounds other than the defaults (tests use short ones).
    pub fn with_limits(mut self, limits: serve::Limits) -> Self {
        self.limits = limits;
        self
    }

    pub fn limits(&self) -> serve::Limits {
        self.limits
    }

    /// Allows the app on another origin (e.g. a static host) to call the API from the browser.
    pub fn with_app_origin(mut self, origin: HeaderValue) -> Self {
        self.app_origin = Some(origin);
        self
    }

    pub fn store(&self) -> &S {
        &self.store
    }
}

pub fn app<S: Store>(state: AppState<S>) -> Router {
    // Client-side routes are deep links into the app, so unknown paths outside /api get index.html. The
    // build writes a brotli and a gzip copy beside each file; these services send the one the client takes.
    let index = ServeFile::new(state.dist.join("index.html"))
        .precompressed_br()
        .precompressed_gzip();
    let files = ServeDir::new(&state.dist)
        .precompressed_br()
        .precompressed_gzip()
        .fallback(index);
    let files = Router::new()
        .fallback_service(files)
        .layer(middleware::from_fn(cache_headers));
    let api = Router::new()
        .route("/health", get(health::<S>))
        .route("/openapi.json", get(openapi))
        .route("/time-zones", get(time_zones))
        .route(
            "/users",
            post(routes::users::create::<S>).layer(
                tower_governor::GovernorLayer::new(rate::config()).error_handler(rate::refused),
            ),
        )
        .route(
            "/me",
            get(routes::users::me)
                .patch(routes::users::change_zone::<S>)
                .delete(routes::users::delete_me::<S>),
        )
        .route(
            "/pairing-codes",
            post(routes::users::new_pairing_code::<S>).layer(
                tower_governor::GovernorLayer::new(rate::config()).error_handler(rate::refused),
            ),
        )
        .route(
            "/pairing-codes/redeem",
            post(routes::users::redeem_pairing_code::<S>),
        )
        .route(
            "/events",
            post(routes::activity::record::<S>).get(routes::activity::export::<S>),
        )
        .route("/progress", get(routes::activity::progress::<S>))
        .route(
            "/me/card",
            get(routes::cards::show::<S>)
                .post(routes::cards::enable::<S>)
                .delete(routes::cards::disable::<S>),
        )
        .route("/cards/{file}", get(routes::cards::image::<S>))
        .route("/sessions", get(routes::sessions::list::<S>))
        .route(
            "/sessions/{id}",
            get(routes::sessions::get::<S>)
                .put(routes::sessions::put::<S>)
                .delete(routes::sessions::delete::<S>),
        )
        .fallback(unknown_api_path)
        .method_not_allowed_fallback(|| async { AppError::MethodNotAllowed })
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(RequestBodyTimeoutLayer::new(state.limits.body_read))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::SERVICE_UNAVAILABLE,
            state.limits.request,
        ))
        .layer(CatchPanicLayer::custom(|_| {
            AppError::Internal(anyhow::anyhow!("a request handler panicked")).into_response()
        }))
        .layer(middleware::map_response(json_errors));
    let mut router = Router::new()
        .nest("/api", api)
        // `/api` and `/api/` themselves answer like any unknown API path, never with the app's page.
        .route("/api", axum::routing::any(unknown_api_path))
        .route("/api/", axum::routing::any(unknown_api_path))
        .fallback_service(files)
        .layer(middleware::from_fn(limit_headers))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            add_time_headers::<S>,
        ));
    if let Some(origin) = state.app_origin.clone() {
        router = router.layer(
            CorsLayer::new()
                .allow_origin(origin)
                .allow_methods([
                    Method::GET,
                    Method::POST,
                    Method::PUT,
                    Method::PATCH,
                    Method::DELETE,
                ])
                .allow_headers([header::AUTHORIZATION, header::CONTENT_TYPE])
                .expose_headers([
                    HeaderName::from_static(SERVER_TIME_HEADER),
                    HeaderName::from_static(ANCHOR_HEADER),
                ]),
        );
    }
    router.layer(TraceLayer::new_for_http()).with_state(state)
}

async fn unknown_api_path() -> AppError {
    AppError::unknown_api_path()
}

/// Files whose name carries a hash of their content (the build's `/assets/<module>-<hash>/` folders and
/// Trunk's `main-<hash>.css`) never change, so clients keep them for a year; everything else, `index.html`
/// first, is revalidated on every load so a new build is seen at once.
async fn cache_headers(request: axum::extract::Request, next: middleware::Next) -> Response {
    let hashed = is_content_hashed(request.uri().path());
    let mut response = next.run(request).await;
    if response.status().is_success() || response.status() == axum::http::StatusCode::NOT_MODIFIED {
        let value = if hashed {
            "public, max-age=31536000, immutable"
        } else {
            "no-cache"
        };
        let headers = response.headers_mut();
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(value));
        headers
            .entry(header::VARY)
            .or_insert(HeaderValue::from_static("accept-encoding"));
    }
    response
}

/// `/assets/…`, or a file name with a 16-digit hexadecimal hash before its extension (`main-0123….css`).
fn is_content_hashed(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or_default();
    let stem = name.split('.').next().unwrap_or_default();
    let hash = stem.rsplit('-').next().unwrap_or_default();
    path.starts_with("/assets/")
        || (stem.contains('-') && hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// Requests whose line and headers exceed [`HEADER_LIMIT`] get 431 with the JSON error body.
async fn limit_headers(request: axum::extract::Request, next: middleware::Next) -> Response {
    let uri = request.uri().to_string().len();
    let headers: usize = request
        .headers()
        .iter()
        .map(|(name, value)| name.as_str().len() + value.len() + 4)
        .sum();
    if uri + headers > HEADER_LIMIT {
        return AppError::HeadersTooLarge(format!(
            "The request line and headers are {} bytes; the limit is {HEADER_LIMIT}.",
            uri + headers
        ))
        .into_response();
    }
    next.run(request).await
}

/// Every API answer is JSON: errors made by layers rather than handlers (a timeout's empty 503 or 408)
/// get the same `{code, message}` body as the rest.
async fn json_errors(response: Response) -> Response {
    let status = response.status();
    let json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|t| t.as_bytes().starts_with(b"application/json"));
    if !status.is_client_error() && !status.is_server_error() || json {
        return response;
    }
    match status {
        StatusCode::SERVICE_UNAVAILABLE => {
            AppError::Unavailable("The server could not answer in time; try again.".to_owned())
                .into_response()
        }
        StatusCode::REQUEST_TIMEOUT => AppError::BodyTimeout.into_response(),
        _ => AppError::Internal(anyhow::anyhow!("a layer answered {status} without a body"))
            .into_response(),
    }
}

/// Every response carries the server's time; an authenticated one also a fresh anchor of it, signed for
/// the user it answered (see `anchor`).
async fn add_time_headers<S: Store>(
    State(state): State<AppState<S>>,
    mut request: axum::extract::Request,
    next: middleware::Next,
) -> Response {
    let authenticated = auth::AuthenticatedAs::default();
    request.extensions_mut().insert(authenticated.clone());
    let mut response = next.run(request).await;
    let now = state.clock.now();
    let headers = response.headers_mut();
    if let Ok(value) = HeaderValue::from_str(&time::format(&now)) {
        headers.insert(SERVER_TIME_HEADER, value);
    }
    if let Some(user) = authenticated.0.get()
        && let Ok(value) = HeaderValue::from_str(&state.anchors.issue(user, now))
    {
        headers.insert(ANCHOR_HEADER, value);
    }
    response
}

/// The API's OpenAPI 3.1 document; `tests/api.rs` checks it against the routes.
pub const OPENAPI: &str = include_str!("../openapi.json");

/// The document as served: `openapi.json` with the lists only the running server knows filled in as
/// enums (its catalogue's algorithm ids, the time zone names it accepts), so a client or a fuzzer reads
/// from the document which values are valid.
static SERVED_OPENAPI: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    let mut document: serde_json::Value =
        serde_json::from_str(OPENAPI).expect("openapi.json is JSON");
    let schemas = &mut document["components"]["schemas"];
    schemas["AlgorithmId"]["enum"] = algorithms::catalogue::CATALOGUE
        .iter()
        .map(|entry| entry.id)
        .collect();
    schemas["TimeZone"]["enum"] = chrono_tz::TZ_VARIANTS
        .iter()
        .map(|zone| zone.name())
        .collect();
    document.to_string()
});

/// Every time zone name `PATCH /api/me` accepts, for the app's searchable list: the names change only
/// with the server's build, so a browser may keep them for a day.
async fn time_zones() -> Response {
    #[derive(Serialize)]
    struct TimeZones {
        time_zones: Vec<&'static str>,
    }
    let names = chrono_tz::TZ_VARIANTS
        .iter()
        .map(|zone| zone.name())
        .collect();
    (
        [(header::CACHE_CONTROL, "public, max-age=86400")],
        Json(TimeZones { time_zones: names }),
    )
        .into_response()
}

async fn openapi() -> Response {
    (
        [(header::CONTENT_TYPE, "application/json")],
        SERVED_OPENAPI.as_str(),
    )
        .into_response()
}

#[derive(Serialize)]
struct Health {
    status: &'static str,
    version: &'static str,
    store: StoreHealth,
}

async fn health<S: Store>(State(state): State<AppState<S>>) -> Result<Json<Health>, AppError> {
    Ok(Json(Health {
        status: "ok",
        version: env!("CARGO_PKG_VERSION"),
        store: state.store.health().await?,
    }))
}

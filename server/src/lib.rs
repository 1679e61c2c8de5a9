//! The AlgoVista server as a library: one [`app`] router shared by `main` and the tests.

mod error;
mod store;

use std::path::PathBuf;
use std::sync::Arc;

use axum::extract::State;
use axum::routing::get;
use axum::{Json, Router};
use serde::Serialize;
use tower_http::services::{ServeDir, ServeFile};
use tower_http::trace::TraceLayer;

pub use error::AppError;
pub use store::{SqliteStore, Store, StoreHealth};

#[derive(Clone)]
pub struct AppState {
    store: Arc<dyn Store>,
    dist: PathBuf,
}

impl AppState {
    pub fn new(store: impl Store + 'static, dist: PathBuf) -> Self {
        AppState {
            store: Arc::new(store),
            dist,
        }
    }
}

pub fn app(state: AppState) -> Router {
    // Client-side routes are deep links into the single page, so unknown paths outside /api get index.html.
    let spa = ServeDir::new(&state.dist).fallback(ServeFile::new(state.dist.join("index.html")));
    let api = Router::new()
        .route("/health", get(health))
        .fallback(|| async { AppError::NotFound });
    Router::new()
        .nest("/api", api)
        .fallback_service(spa)
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}

#[derive(Serialize)]
struct Health {
    status: &'static str,
    version: &'static str,
    store: StoreHealth,
}

async fn health(State(state): State<AppState>) -> Result<Json<Health>, AppError> {
    let store = state.store.clone();
    let store = tokio::task::spawn_blocking(move || store.health()).await??;
    Ok(Json(Health {
        status: "ok",
        version: env!("CARGO_PKG_VERSION"),
        store,
    }))
}

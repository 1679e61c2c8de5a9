//! `algovista-server`: argument parsing and wiring only; the work lives in the library.

use std::net::SocketAddr;
use std::path::PathBuf;

use anyhow::Context;
use clap::Parser;
use std::sync::Arc;

use axum::http::HeaderValue;
use server::store::{Store, SupabaseStore};
use server::{AppState, SqliteStore, SystemClock};

/// Serves the AlgoVista app and its JSON API.
#[derive(Parser, Debug)]
#[command(version, about)]
struct Args {
    /// Address to listen on.
    #[arg(long, env = "ALGOVISTA_ADDR", default_value = "127.0.0.1:8080")]
    addr: SocketAddr,
    /// Log lines as text or as JSON objects; verbosity follows RUST_LOG.
    #[arg(long, env = "ALGOVISTA_LOG_FORMAT", value_enum, default_value = "text")]
    log_format: LogFormat,
    /// Where data lives: the embedded SQLite file, or Supabase through its PostgREST endpoint.
    #[arg(long, env = "ALGOVISTA_STORE", value_enum, default_value = "sqlite")]
    store: StoreKind,
    /// SQLite database file of the embedded store; created, with its folder, if missing.
    #[arg(long, env = "ALGOVISTA_DB", default_value = "data/algovista.db")]
    db: PathBuf,
    /// Folder of the built app (Trunk's output) to serve at `/`.
    #[arg(long, env = "ALGOVISTA_DIST", default_value = "dist")]
    dist: PathBuf,
    /// Origin of the app when it is hosted elsewhere (e.g. https://algovista.example): allowed by CORS.
    #[arg(long, env = "ALGOVISTA_APP_ORIGIN")]
    app_origin: Option<HeaderValue>,
    /// The Supabase project URL (https://<project>.supabase.co); its REST endpoint is `<url>/rest/v1`.
    #[arg(long, env = "SUPABASE_URL", required_if_eq("store", "supabase"))]
    supabase_url: Option<String>,
    /// A secret key (`sb_secret_…`) or a legacy `service_role` JWT. Server-side only: never give it to the app.
    #[arg(
        long,
        env = "SUPABASE_SECRET_KEY",
        hide_env_values = true,
        required_if_eq("store", "supabase")
    )]
    supabase_secret_key: Option<String>,
    /// A PostgREST endpoint to use instead of `<SUPABASE_URL>/rest/v1` (a self-hosted or test server).
    #[arg(long, env = "ALGOVISTA_POSTGREST_URL")]
    postgrest_url: Option<String>,
}

#[derive(clap::ValueEnum, Clone, Copy, Debug)]
enum LogFormat {
    Text,
    /// One JSON object per line, for log collectors.
    Json,
}

#[derive(clap::ValueEnum, Clone, Copy, Debug)]
enum StoreKind {
    Sqlite,
    Supabase,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| "info,tower_http=warn".into());
    match args.log_format {
        LogFormat::Text => tracing_subscriber::fmt().with_env_filter(filter).init(),
        LogFormat::Json => tracing_subscriber::fmt()
            .json()
            .with_env_filter(filter)
            .init(),
    }

    if !args.dist.join("index.html").is_file() {
        tracing::warn!(dist = %args.dist.display(), "no index.html in the app folder: only the API is served");
    }
    match args.store {
        StoreKind::Sqlite => {
            let store = SqliteStore::open(&args.db)
                .with_context(|| format!("opening the store at {}", args.db.display()))?;
            serve(store, args).await
        }
        StoreKind::Supabase => {
            let rest_url = match (&args.postgrest_url, &args.supabase_url) {
                (Some(url), _) => url.clone(),
                (None, Some(url)) => format!("{}/rest/v1", url.trim_end_matches('/')),
                (None, None) => anyhow::bail!("--store supabase needs SUPABASE_URL"),
            };
            let key = args
                .supabase_secret_key
                .clone()
                .context("SUPABASE_SECRET_KEY is required")?;
            let store = SupabaseStore::new(&rest_url, &key);
            store
                .health()
                .await
                .with_context(|| format!("reaching Supabase at {rest_url}"))?;
            serve(store, args).await
        }
    }
}

async fn serve<S: Store>(store: S, args: Args) -> anyhow::Result<()> {
    let mut state = AppState::new(store, Arc::new(SystemClock), args.dist).await?;
    if let Some(origin) = args.app_origin {
        state = state.with_app_origin(origin);
    }
    let limits = state.limits();
    let app = server::app(state);

    let listener = tokio::net::TcpListener::bind(args.addr)
        .await
        .with_context(|| format!("binding {}", args.addr))?;
    tracing::info!(addr = %listener.local_addr()?, store = ?args.store, "listening");
    server::serve::serve(listener, app, limits, shutdown_signal()).await?;
    tracing::info!("stopped");
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        tokio::signal::ctrl_c()
            .await
            .expect("installing the Ctrl-C handler")
    };
    let terminate = async {
        tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
            .expect("installing the SIGTERM handler")
            .recv()
            .await;
    };
    tokio::select! {
        () = ctrl_c => {}
        () = terminate => {}
    }
}

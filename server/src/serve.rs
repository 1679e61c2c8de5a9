//! The connection loop: what `axum::serve` does, plus bounds on what a connection may hold. A client that
//! sends nothing, half a request line, or nothing more on a kept-alive connection is disconnected after
//! [`Limits::header_read`]; at most [`Limits::max_connections`] are open at once (beyond that new ones are
//! closed on arrival, so the process never runs out of file descriptors and keeps answering those it
//! holds); a request whose body stalls gets 408 and one that runs too long 503 (see `lib.rs`).

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::{ConnectInfo, Request};
use hyper::body::Incoming;
use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
use hyper_util::server::conn::auto::Builder;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tower::ServiceExt;

#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// Time to send a request's headers, counted from when the connection waits for them (so also the
    /// longest a kept-alive connection may sit idle).
    pub header_read: Duration,
    /// Time to send a request's body.
    pub body_read: Duration,
    /// Time for the server to answer a request once it has it.
    pub request: Duration,
    pub max_connections: usize,
    /// Largest request head hyper reads at all; above [`crate::HEADER_LIMIT`] and up to this, the API
    /// answers 431 with its JSON error body, above it hyper's bare 431.
    pub max_header_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            header_read: Duration::from_secs(10),
            body_read: Duration::from_secs(10),
            request: Duration::from_secs(30),
            max_connections: 8_192,
            max_header_bytes: 2 << 20,
        }
    }
}

/// Serves `app` on `listener` until `shutdown` completes, then lets open requests finish (for up to
/// [`Limits::request`]).
pub async fn serve(
    listener: TcpListener,
    app: Router,
    limits: Limits,
    shutdown: impl Future<Output = ()>,
) -> std::io::Result<()> {
    let mut builder = Builder::new(TokioExecutor::new());
    builder
        .http1()
        .timer(TokioTimer::new())
        .header_read_timeout(limits.header_read)
        .max_buf_size(limits.max_header_bytes);
    builder
        .http2()
        .timer(TokioTimer::new())
        .keep_alive_interval(limits.header_read)
        .keep_alive_timeout(limits.header_read);
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    let slots = Arc::new(Semaphore::new(limits.max_connections));
    tokio::pin!(shutdown);
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(error) => {
                    // Out of descriptors or a connection reset before accept: wait a moment, go on.
                    tracing::warn!(%error, "accept failed");
                    tokio::time::sleep(Duration::from_millis(20)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let Ok(slot) = slots.clone().try_acquire_owned() else {
            tracing::warn!(
                limit = limits.max_connections,
                "connection limit reached: closing a new connection"
            );
            drop(stream);
            continue;
        };
        let _ = stream.set_nodelay(true);
        let builder = builder.clone();
        // The peer's address, for per-address limits (`ConnectInfo`, as axum's own serve provides it).
        let service = app.clone().map_request(move |request: Request<Incoming>| {
            let mut request = request.map(Body::new);
            request.extensions_mut().insert(ConnectInfo(peer));
            request
        });
        let watcher = graceful.watcher();
        tokio::spawn(async move {
            // hyper-util reads the first bytes to tell HTTP/1 from HTTP/2 before HTTP/1's header timeout
            // applies, so a client that sends nothing at all is bounded here.
            let mut first = [0u8; 1];
            if let Ok(Ok(1..)) =
                tokio::time::timeout(limits.header_read, stream.peek(&mut first)).await
            {
                let connection = builder.serve_connection_with_upgrades(
                    TokioIo::new(stream),
                    TowerToHyperService::new(service),
                );
                let _ = watcher.watch(connection.into_owned()).await;
            }
            drop(slot);
        });
    }
    drop(listener);
    tokio::select! {
        () = graceful.shutdown() => {}
        () = tokio::time::sleep(limits.request) => tracing::warn!("requests still open at shutdown were cut"),
    }
    Ok(())
}

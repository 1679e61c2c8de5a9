//! Per-address rate limits (tower_governor) on what anyone may create without an account: users and
//! pairing codes. The address is the connection's peer (`ConnectInfo`, set by `serve`); requests without
//! one (in-process callers such as the API tests) share one bucket.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use axum::extract::ConnectInfo;
use axum::http::{HeaderValue, Request, header};
use axum::response::{IntoResponse, Response};
use governor::middleware::NoOpMiddleware;
use tower_governor::GovernorError;
use tower_governor::governor::{GovernorConfig, GovernorConfigBuilder};
use tower_governor::key_extractor::KeyExtractor;

use crate::AppError;

/// A burst of this many, then one more per [`REFILL`], per address.
pub const BURST: u32 = 30;
pub const REFILL: Duration = Duration::from_secs(2);

#[derive(Clone, Copy, Debug)]
pub struct ClientAddress;

impl KeyExtractor for ClientAddress {
    type Key = IpAddr;

    fn extract<T>(&self, request: &Request<T>) -> Result<IpAddr, GovernorError> {
        Ok(request
            .extensions()
            .get::<ConnectInfo<SocketAddr>>()
            .map_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED), |info| info.0.ip()))
    }
}

pub type Config = Arc<GovernorConfig<ClientAddress, NoOpMiddleware>>;

/// One limiter (its own buckets); each limited route gets its own.
pub fn config() -> Config {
    Arc::new(
        GovernorConfigBuilder::default()
            .key_extractor(ClientAddress)
            .period(REFILL)
            .burst_size(BURST)
            .finish()
            .expect("a positive period and burst"),
    )
}

/// The limiter's refusal as the API's JSON error, with `retry-after`.
pub fn refused(error: GovernorError) -> Response {
    match error {
        GovernorError::TooManyRequests { wait_time, .. } => {
            let mut response = AppError::TooManyRequests(format!(
                "Too many from this address; try again in {wait_time} s."
            ))
            .into_response();
            if let Ok(value) = HeaderValue::from_str(&wait_time.max(1).to_string()) {
                response.headers_mut().insert(header::RETRY_AFTER, value);
            }
            response
        }
        other => AppError::Internal(anyhow::anyhow!("rate limiter: {other}")).into_response(),
    }
}

//! Anonymous users, their home time zone, and pairing a second device.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use chrono::{DateTime, TimeDelta, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use crate::AppState;
use crate::auth::{self, Authed};
use crate::error::{AppError, Body, JsonBody};
use crate::store::{Deleted, NewPairingCode, Store, User};

/// The zone may change once per this window, so hopping zones cannot mint extra days.
pub const ZONE_CHANGE_WINDOW: TimeDelta = TimeDelta::days(7);
pub const PAIRING_CODE_LIFETIME: TimeDelta = TimeDelta::minutes(10);
/// Codes one user may request per hour.
pub const PAIRING_CODES_PER_HOUR: u32 = 5;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewUser {
    time_zone: String,
}

#[derive(Serialize)]
pub struct Credentials {
    user_id: String,
    /// Shown once: the server keeps only its hash.
    token: String,
}

#[derive(Serialize)]
pub struct Me {
    user_id: String,
    time_zone: String,
    #[serde(serialize_with = "crate::time::millis_or_null")]
    zone_changed_at: Option<DateTime<Utc>>,
    /// When the zone may next change.
    #[serde(serialize_with = "crate::time::millis")]
    zone_change_allowed_from: DateTime<Utc>,
    #[serde(serialize_with = "crate::time::millis")]
    created_at: DateTime<Utc>,
}

impl Me {
    fn of(user: User) -> Self {
        let allowed = user
            .zone_changed_at
            .map_or(user.created_at, |at| at + ZONE_CHANGE_WINDOW);
        Me {
            user_id: user.id,
            time_zone: user.time_zone,
            zone_changed_at: user.zone_changed_at,
            zone_change_allowed_from: allowed,
            created_at: user.created_at,
        }
    }
}

fn parse_zone(name: &str) -> Result<Tz, AppError> {
    name.parse::<Tz>().map_err(|_| {
        AppError::Invalid(format!(
            "time_zone: \"{name}\" is not an IANA time zone name (e.g. \"Europe/Berlin\")"
        ))
    })
}

impl JsonBody for NewUser {}
impl JsonBody for ZoneChange {}
impl JsonBody for Redeem {}

pub async fn create<S: Store>(
    State(state): State<AppState<S>>,
    Body(body): Body<NewUser>,
) -> Result<(StatusCode, Json<Credentials>), AppError> {
    let zone = parse_zone(&body.time_zone)?;
    let token = auth::new_token()?;
    let user = User {
        id: auth::new_user_id()?,
        time_zone: zone.name().to_owned(),
        zone_changed_at: None,
        created_at: state.clock.now(),
    };
    state
        .store
        .create_user(&user, &auth::sha256_hex(&token))
        .await?;
    Ok((
        StatusCode::CREATED,
        Json(Credentials {
            user_id: user.id,
            token,
        }),
    ))
}

pub async fn me(Authed(user): Authed) -> Json<Me> {
    Json(Me::of(user))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ZoneChange {
    time_zone: String,
}

pub async fn change_zone<S: Store>(
    State(state): State<AppState<S>>,
    Authed(user): Authed,
    Body(body): Body<ZoneChange>,
) -> Result<Json<Me>, AppError> {
    let zone = parse_zone(&body.time_zone)?;
    if zone.name() == user.time_zone {
        return Ok(Json(Me::of(user)));
    }
    let now = state.clock.now();
    let changed = state
        .store
        .change_time_zone(&user.id, zone.name(), now, now - ZONE_CHANGE_WINDOW)
        .await?;
    if !changed {
        let me = Me::of(user);
        return Err(AppError::Conflict {
            code: "zone_change_too_soon",
            message: format!(
                "The time zone can change once every 7 days; next from {}.",
                me.zone_change_allowed_from.to_rfc3339()
            ),
            current: serde_json::to_value(&me).ok(),
        });
    }
    Ok(Json(Me::of(User {
        time_zone: zone.name().to_owned(),
        zone_changed_at: Some(now),
        ..user
    })))
}

#[derive(Serialize)]
pub struct PairingCode {
    code: String,
    #[serde(serialize_with = "crate::time::millis")]
    expires_at: DateTime<Utc>,
}

pub async fn new_pairing_code<S: Store>(
    State(state): State<AppState<S>>,
    Authed(user): Authed,
) -> Result<(StatusCode, Json<PairingCode>), AppError> {
    let now = state.clock.now();
    let code = auth::new_pairing_code()?;
    let expires_at = now + PAIRING_CODE_LIFETIME;
    let code_hash = auth::sha256_hex(&auth::normalize_pairing_code(&code));
    let created = state
        .store
        .create_pairing_code(NewPairingCode {
            code_hash: &code_hash,
            user_id: &user.id,
            now,
            expires_at,
            since: now - TimeDelta::hours(1),
            limit: PAIRING_CODES_PER_HOUR,
        })
        .await?;
    if !created {
        return Err(AppError::TooManyRequests(format!(
            "At most {PAIRING_CODES_PER_HOUR} pairing codes per hour; try again later."
        )));
    }
    Ok((StatusCode::CREATED, Json(PairingCode { code, expires_at })))
}

#[derive(Serialize)]
pub struct Removed {
    deleted: Deleted,
}

/// Removes the user and all their data: events, sessions, pairing codes and every device's token.
pub async fn delete_me<S: Store>(
    State(state): State<AppState<S>>,
    Authed(user): Authed,
) -> Result<Json<Removed>, AppError> {
    let deleted = state.store.delete_user(&user.id).await?;
    tracing::info!(user = %user.id, ?deleted, "user deleted");
    Ok(Json(Removed { deleted }))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Redeem {
    code: String,
}

pub async fn redeem_pairing_code<S: Store>(
    State(state): State<AppState<S>>,
    Body(body): Body<Redeem>,
) -> Result<(StatusCode, Json<Credentials>), AppError> {
    let code = auth::normalize_pairing_code(&body.code);
    if code.len() != 10 {
        return Err(AppError::Invalid(
            "code: a pairing code has 10 letters and digits, like 7K2QD-M9XAT".to_owned(),
        ));
    }
    let now = state.clock.now();
    let user_id = state
        .store
        .redeem_pairing_code(&auth::sha256_hex(&code), now)
        .await?
        .ok_or_else(|| {
            AppError::NotFound(
                "The pairing code is unknown, expired or already used; ask for a new one."
                    .to_owned(),
            )
        })?;
    let token = auth::new_token()?;
    state
        .store
        .add_token(&user_id, &auth::sha256_hex(&token), now)
        .await?;
    Ok((StatusCode::CREATED, Json(Credentials { user_id, token })))
}

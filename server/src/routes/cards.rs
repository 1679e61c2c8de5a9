//! The public streak card: opt-in and revocable. `POST /api/me/card` turns it on with a new public id
//! (turning it off and on again gives another), `DELETE` turns it off, and `GET /api/cards/<id>.svg` is
//! the card, readable by anyone who has the address.

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::AppState;
use crate::auth::{self, Authed};
use crate::error::{ApiPath, AppError};
use crate::routes::activity::{current_streak, zone};
use crate::store::Store;

/// How long a shared cache may keep a card.
pub const CARD_MAX_AGE_SECONDS: u32 = 300;

#[derive(Serialize)]
pub struct Card {
    /// `null` while the card is off.
    card_id: Option<String>,
    /// The card's address on this server, or `null`.
    url: Option<String>,
}

impl Card {
    fn of(card_id: Option<String>) -> Self {
        let url = card_id.as_ref().map(|id| format!("/api/cards/{id}.svg"));
        Card { card_id, url }
    }
}

pub async fn show<S: Store>(
    State(state): State<AppState<S>>,
    Authed(user): Authed,
) -> Result<Json<Card>, AppError> {
    Ok(Json(Card::of(state.store.card_of(&user.id).await?)))
}

pub async fn enable<S: Store>(
    State(state): State<AppState<S>>,
    Authed(user): Authed,
) -> Result<(StatusCode, Json<Card>), AppError> {
    let id = auth::hex(&auth::random_bytes::<16>()?);
    state.store.set_card(&user.id, Some(&id)).await?;
    Ok((StatusCode::CREATED, Json(Card::of(Some(id)))))
}

pub async fn disable<S: Store>(
    State(state): State<AppState<S>>,
    Authed(user): Authed,
) -> Result<StatusCode, AppError> {
    state.store.set_card(&user.id, None).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// `GET /api/cards/<id>.svg`: the card, or 404 for an unknown or turned-off id.
pub async fn image<S: Store>(
    State(state): State<AppState<S>>,
    ApiPath(file): ApiPath<String>,
) -> Result<Response, AppError> {
    let unknown =
        || AppError::NotFound("No such card: it was never made, or it was turned off.".to_owned());
    let id = file.strip_suffix(".svg").ok_or_else(unknown)?;
    if id.len() != 32 || !id.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(unknown());
    }
    let user = state.store.user_by_card(id).await?.ok_or_else(unknown)?;
    let tz = zone(&user)?;
    let today = state.clock.now().with_timezone(&tz).date_naive();
    let days = state.store.day_counts(&user.id).await?;
    let streak = current_streak(&days, today);
    let svg = crate::card::svg(&streak, &days, today)?;
    let mut response = svg.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("image/svg+xml"),
    );
    if let Ok(value) = HeaderValue::from_str(&format!("public, max-age={CARD_MAX_AGE_SECONDS}")) {
        headers.insert(header::CACHE_CONTROL, value);
    }
    Ok(response)
}

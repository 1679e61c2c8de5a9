//! Device tokens and pairing codes: random secrets handed out once, stored only as SHA-256 hashes, and the
//! extractor that turns `Authorization: Bearer <token>` into the [`User`].

use std::sync::{Arc, OnceLock};

use axum::extract::FromRequestParts;
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;
use sha2::{Digest, Sha256};

use crate::AppState;
use crate::error::AppError;
use crate::store::{Store, User};

/// 32 random bytes (256 bits) as 64 hex digits.
pub fn new_token() -> anyhow::Result<String> {
    Ok(hex(&random_bytes::<32>()?))
}

/// 16 random bytes as 32 hex digits: user ids are not secrets, but must not collide.
pub fn new_user_id() -> anyhow::Result<String> {
    Ok(hex(&random_bytes::<16>()?))
}

/// Pairing codes are typed by hand: 10 characters of Crockford's base32 (no I, L, O or U), 50 bits,
/// shown as `XXXXX-XXXXX`.
pub fn new_pairing_code() -> anyhow::Result<String> {
    const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    let chars: String = random_bytes::<10>()?
        .iter()
        .map(|b| ALPHABET[usize::from(b & 31)] as char)
        .collect();
    Ok(format!("{}-{}", &chars[..5], &chars[5..]))
}

/// The form a typed pairing code is compared in: upper case without separators, with the look-alikes
/// Crockford's base32 allows read as the digits they resemble.
pub fn normalize_pairing_code(code: &str) -> String {
    code.chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| match c.to_ascii_uppercase() {
            'O' => '0',
            'I' | 'L' => '1',
            c => c,
        })
        .collect()
}

pub fn random_bytes<const N: usize>() -> anyhow::Result<[u8; N]> {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes).map_err(|error| anyhow::anyhow!("no randomness: {error}"))?;
    Ok(bytes)
}

pub fn sha256_hex(text: &str) -> String {
    hex(&Sha256::digest(text.as_bytes()))
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

pub fn decode_hex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
        .collect()
}

/// The user a request authenticates as.
pub struct Authed(pub User);

/// Set by [`Authed`] once a request has authenticated, so the response layer issues a time anchor to
/// that user, and none to a response nobody authenticated for.
#[derive(Clone, Default)]
pub struct AuthenticatedAs(pub Arc<OnceLock<String>>);

impl<S: Store> FromRequestParts<AppState<S>> for Authed {
    type Rejection = AppError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState<S>,
    ) -> Result<Self, Self::Rejection> {
        let header = parts
            .headers
            .get(AUTHORIZATION)
            .ok_or(AppError::Unauthorized(
                "Send `Authorization: Bearer <token>`.",
            ))?;
        let token = header
            .to_str()
            .ok()
            .and_then(|value| value.split_once(' '))
            // The scheme name is case-insensitive (RFC 9110 §11.1).
            .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
            .map(|(_, token)| token.trim())
            .filter(|token| !token.is_empty())
            .ok_or(AppError::Unauthorized(
                "The Authorization header must be `Bearer <token>`.",
            ))?;
        let user = state
            .store
            .user_by_token(&sha256_hex(token))
            .await?
            .ok_or(AppError::Unauthorized("The token is not known."))?;
        if let Some(slot) = parts.extensions.get::<AuthenticatedAs>() {
            let _ = slot.0.set(user.id.clone());
        }
        Ok(Authed(user))
    }
}

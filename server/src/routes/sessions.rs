//! Resumable sessions: where a learner is in a run — the algorithm at its catalogue version, the input, the
//! step and the view's preferences — so another device opens the exact step. The server replays the run to
//! that step itself and stores the hash of the snapshot it reached: a client compares it with its own to
//! know it shows the same step, and nothing a client sends can plant a state. Writes name the version
//! they expect; a stale one gets 409 with the current copy, so the client can keep both and nothing is lost.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};

use super::valid_id;
use crate::AppState;
use crate::auth::Authed;
use crate::error::{ApiPath, AppError, Body, JsonBody};
use crate::store::{MAX_SESSIONS_PER_USER, Session, SessionPut, SessionWrite, Store};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SessionIn {
    /// 0 to create; otherwise the version this write replaces.
    expected_version: u64,
    algorithm: String,
    algorithm_version: u32,
    input: serde_json::Value,
    step: u64,
    #[serde(default = "empty_object")]
    preferences: serde_json::Value,
}

fn empty_object() -> serde_json::Value {
    serde_json::json!({})
}

/// Checks the body against the catalogue — a known algorithm at its current version, an input it accepts
/// for stepping, preferences as an object — and returns the entry and the input to replay.
fn validate(
    id: &str,
    body: &SessionIn,
) -> Result<(&'static algorithms::catalogue::Entry, algorithms::Input), AppError> {
    if !valid_id(id) {
        return Err(AppError::Invalid(
            "id: use 1–64 letters, digits, '-' or '_'".to_owned(),
        ));
    }
    let entry = algorithms::catalogue::find(&body.algorithm).ok_or_else(|| {
        AppError::Invalid(format!(
            "algorithm: \"{}\" is not in the catalogue",
            body.algorithm.chars().take(64).collect::<String>()
        ))
    })?;
    if body.algorithm_version != entry.version {
        return Err(AppError::Invalid(format!(
            "algorithm_version: {} is at version {}, not {}",
            entry.id, entry.version, body.algorithm_version
        )));
    }
    if !body.input.is_object() {
        return Err(AppError::Invalid("input: must be a JSON object".to_owned()));
    }
    let input: algorithms::Input = serde_json::from_value(body.input.clone())
        .map_err(|error| AppError::Invalid(format!("input: {error}")))?;
    entry
        .validate(&input, algorithms::Mode::Step)
        .map_err(|error| AppError::Invalid(format!("input: {error}")))?;
    if !body.preferences.is_object() {
        return Err(AppError::Invalid(
            "preferences: must be a JSON object".to_owned(),
        ));
    }
    Ok((entry, input))
}

/// Replays `entry` on `input` to `step` without building snapshots, and hashes the snapshot there. The
/// input is within the entry's stepping limits, so the run is too (at most a few million steps).
pub fn replay(
    entry: &algorithms::catalogue::Entry,
    input: algorithms::Input,
    step: u64,
) -> Result<String, AppError> {
    let mut machine = entry
        .start(input)
        .map_err(|error| AppError::Invalid(format!("input: {error}")))?;
    while machine.step() < step {
        if !machine.advance() {
            return Err(AppError::Invalid(format!(
                "step: the run of this input ends at step {}, before {step}",
                machine.step()
            )));
        }
    }
    Ok(machine.snapshot().hash())
}

impl JsonBody for SessionIn {}

pub async fn put<S: Store>(
    State(state): State<AppState<S>>,
    Authed(user): Authed,
    ApiPath(id): ApiPath<String>,
    Body(body): Body<SessionIn>,
) -> Result<(StatusCode, Json<Session>), AppError> {
    let (entry, input) = validate(&id, &body)?;
    // Stored as read (`null` and absent fields alike), so every copy of a session spells its input one way.
    let stored_input = serde_json::to_value(&input).expect("an input is plain data");
    // Replaying can take milliseconds: off the async workers.
    let step = body.step;
    let snapshot_hash = tokio::task::spawn_blocking(move || replay(entry, input, step)).await??;
    let expected = body.expected_version;
    let write = SessionWrite {
        id,
        algorithm: body.algorithm,
        algorithm_version: body.algorithm_version,
        input: stored_input,
        step: body.step,
        snapshot_hash,
        preferences: body.preferences,
    };
    match state
        .store
        .put_session(&user.id, write, expected, state.clock.now())
        .await?
    {
        SessionPut::Stored(session) if expected == 0 => Ok((StatusCode::CREATED, Json(session))),
        SessionPut::Stored(session) => Ok((StatusCode::OK, Json(session))),
        SessionPut::Conflict(current) => Err(AppError::Conflict {
            code: "version_conflict",
            message: format!(
                "The session is at version {}, not {expected}; `current` is the stored copy.",
                current.version
            ),
            current: serde_json::to_value(&current).ok(),
        }),
        SessionPut::Missing => Err(AppError::NotFound(
            "No such session; create it with expected_version 0.".to_owned(),
        )),
        SessionPut::Full => Err(AppError::Conflict {
            code: "session_limit",
            message: format!(
                "At most {MAX_SESSIONS_PER_USER} sessions per user: update one of them, or delete one \
                 (DELETE /api/sessions/{{id}}) first."
            ),
            current: None,
        }),
    }
}

/// `DELETE /api/sessions/{id}`: 204, or 404 if there was none.
pub async fn delete<S: Store>(
    State(state): State<AppState<S>>,
    Authed(user): Authed,
    ApiPath(id): ApiPath<String>,
) -> Result<StatusCode, AppError> {
    if state.store.delete_session(&user.id, &id).await? {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(AppError::NotFound("No such session.".to_owned()))
    }
}

pub async fn get<S: Store>(
    State(state): State<AppState<S>>,
    Authed(user): Authed,
    ApiPath(id): ApiPath<String>,
) -> Result<Json<Session>, AppError> {
    state
        .store
        .session(&user.id, &id)
        .await?
        .map(Json)
        .ok_or_else(|| AppError::NotFound("No such session.".to_owned()))
}

#[derive(Serialize)]
pub struct SessionList {
    sessions: Vec<Session>,
}

pub async fn list<S: Store>(
    State(state): State<AppState<S>>,
    Authed(user): Authed,
) -> Result<Json<SessionList>, AppError> {
    let sessions = state.store.sessions(&user.id).await?;
    Ok(Json(SessionList { sessions }))
}

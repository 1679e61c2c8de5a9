//! The one error type of the API, and the JSON body extractor that reports bad bodies through it. Every
//! error leaves as JSON `{code, message}` (a conflict adds `current`); internal details are logged, never
//! sent.

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, FromRequestParts, Path, Request};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

#[derive(Debug)]
pub enum AppError {
    BadRequest(String),
    Unauthorized(&'static str),
    NotFound(String),
    /// 409 with a machine-readable code and, for stale writes, the current copy.
    Conflict {
        code: &'static str,
        message: String,
        current: Option<serde_json::Value>,
    },
    PayloadTooLarge(String),
    UnsupportedMediaType(String),
    /// 422: the body parsed but a field is wrong; the message names the field.
    Invalid(String),
    TooManyRequests(String),
    /// 405: the resource exists but does not answer this method.
    MethodNotAllowed,
    /// 408: the request's body did not arrive in time.
    BodyTimeout,
    /// 431: the request's headers are larger than the API takes.
    HeadersTooLarge(String),
    /// 503: the server could not answer in time.
    Unavailable(String),
    Internal(anyhow::Error),
}

impl AppError {
    pub fn unknown_api_path() -> Self {
        AppError::NotFound("No such API resource.".to_owned())
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let (status, code, message) = match self {
            AppError::BadRequest(message) => (StatusCode::BAD_REQUEST, "bad_request", message),
            AppError::Unauthorized(message) => {
                (StatusCode::UNAUTHORIZED, "unauthorized", message.to_owned())
            }
            AppError::NotFound(message) => (StatusCode::NOT_FOUND, "not_found", message),
            AppError::Conflict {
                code,
                message,
                current,
            } => {
                let body = json!({ "code": code, "message": message, "current": current });
                return (StatusCode::CONFLICT, Json(body)).into_response();
            }
            AppError::PayloadTooLarge(message) => {
                (StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large", message)
            }
            AppError::UnsupportedMediaType(message) => (
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "unsupported_media_type",
                message,
            ),
            AppError::Invalid(message) => {
                (StatusCode::UNPROCESSABLE_ENTITY, "invalid_body", message)
            }
            AppError::TooManyRequests(message) => {
                (StatusCode::TOO_MANY_REQUESTS, "too_many_requests", message)
            }
            AppError::MethodNotAllowed => (
                StatusCode::METHOD_NOT_ALLOWED,
                "method_not_allowed",
                "This API resource does not answer that method; `allow` lists the ones it does."
                    .to_owned(),
            ),
            AppError::BodyTimeout => (
                StatusCode::REQUEST_TIMEOUT,
                "request_timeout",
                "The request's body did not arrive in time.".to_owned(),
            ),
            AppError::HeadersTooLarge(message) => (
                StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE,
                "headers_too_large",
                message,
            ),
            AppError::Unavailable(message) => {
                (StatusCode::SERVICE_UNAVAILABLE, "unavailable", message)
            }
            AppError::Internal(error) => {
                tracing::error!(error = format!("{error:#}"), "internal error");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "internal",
                    "The server failed; it has been logged.".to_owned(),
                )
            }
        };
        (status, Json(json!({ "code": code, "message": message }))).into_response()
    }
}

impl From<anyhow::Error> for AppError {
    fn from(error: anyhow::Error) -> Self {
        match error.downcast_ref::<crate::store::Unavailable>() {
            Some(unavailable) => {
                tracing::warn!(error = %unavailable, "the store did not answer");
                AppError::Unavailable(
                    "The database did not answer; try again in a moment.".to_owned(),
                )
            }
            None => AppError::Internal(error),
        }
    }
}

impl From<tokio::task::JoinError> for AppError {
    fn from(error: tokio::task::JoinError) -> Self {
        AppError::Internal(error.into())
    }
}

impl From<JsonRejection> for AppError {
    fn from(rejection: JsonRejection) -> Self {
        let text = rejection.body_text();
        // A body cut off by the read timeout (tower-http's `RequestBodyTimeoutLayer`) is the client's
        // slowness, not a malformed body.
        let mut source = std::error::Error::source(&rejection);
        while let Some(error) = source {
            if error.is::<tower_http::timeout::TimeoutError>() {
                return AppError::BodyTimeout;
            }
            source = error.source();
        }
        match rejection {
            // serde's message names the field path (`events[0].at: ...`).
            JsonRejection::JsonDataError(_) => AppError::Invalid(text),
            JsonRejection::JsonSyntaxError(_) => AppError::BadRequest(text),
            JsonRejection::MissingJsonContentType(_) => AppError::UnsupportedMediaType(text),
            _ if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                AppError::PayloadTooLarge(format!(
                    "The body is larger than the limit of {} bytes.",
                    crate::BODY_LIMIT
                ))
            }
            _ => AppError::BadRequest(text),
        }
    }
}

/// A request body type. serde reads a struct from a JSON array as readily as from an object (fields taken
/// by position), which would let `["UTC"]` create a user; a body must be an object, and so must the items
/// of the lists it names here.
pub trait JsonBody: DeserializeOwned {
    /// Fields holding lists whose items are objects.
    const OBJECT_LISTS: &'static [&'static str] = &[];
}

fn objects_only(value: &Value, lists: &[&str]) -> Result<(), AppError> {
    let Some(fields) = value.as_object() else {
        return Err(AppError::Invalid(
            "the body must be a JSON object".to_owned(),
        ));
    };
    for list in lists {
        if let Some(Value::Array(items)) = fields.get(*list)
            && let Some(index) = items.iter().position(|item| !item.is_object())
        {
            return Err(AppError::Invalid(format!(
                "{list}[{index}]: must be a JSON object"
            )));
        }
    }
    Ok(())
}

/// `Json<T>` whose rejections are [`AppError`]s, so a bad body gets the same JSON error shape.
pub struct Body<T>(pub T);

impl<T: JsonBody, S: Send + Sync> FromRequest<S> for Body<T> {
    type Rejection = AppError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        // Read as a JSON value first (content type, size and syntax are checked there), check its shape,
        // then read the type from it, so serde's messages still name the field at fault.
        let Json(value) = Json::<Value>::from_request(request, state).await?;
        objects_only(&value, T::OBJECT_LISTS)?;
        let bytes = serde_json::to_vec(&value).expect("a parsed value serializes");
        let Json(body) = Json::<T>::from_bytes(&bytes)?;
        Ok(Body(body))
    }
}

/// `Path<T>` whose rejections (an undecodable segment such as `%FF`) are JSON errors too.
pub struct ApiPath<T>(pub T);

impl<T: DeserializeOwned + Send, S: Send + Sync> FromRequestParts<S> for ApiPath<T> {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        match Path::<T>::from_request_parts(parts, state).await {
            Ok(Path(value)) => Ok(ApiPath(value)),
            Err(rejection) => Err(AppError::BadRequest(rejection.body_text())),
        }
    }
}

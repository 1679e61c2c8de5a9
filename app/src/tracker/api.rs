//! The server's JSON API over `fetch`. The origin is the page's own unless the build set one
//! (`ALGOVISTA_API_ORIGIN`) or the learner chose one in the settings.

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen_futures::JsFuture;

use crate::storage;

const ORIGIN_KEY: &str = "algovista.api-origin.v1";

/// Where the API is: the learner's choice, else the build's, else this page's origin ("").
pub fn origin() -> String {
    storage::load::<String>(ORIGIN_KEY, "the server address")
        .or_else(|| option_env!("ALGOVISTA_API_ORIGIN").map(str::to_owned))
        .unwrap_or_default()
}

/// Sets the API origin (`""` for this page's own); refuses anything but an http(s) origin.
pub fn set_origin(origin: &str) -> Result<(), String> {
    let origin = origin.trim().trim_end_matches('/');
    if origin.is_empty() {
        storage::remove(ORIGIN_KEY);
        return Ok(());
    }
    let url = web_sys::Url::new(origin).map_err(|_| format!("\"{origin}\" is not an address"))?;
    if !matches!(url.protocol().as_str(), "http:" | "https:") || url.pathname() != "/" {
        return Err(format!(
            "\"{origin}\" is not an origin: use http(s)://host[:port] with no path"
        ));
    }
    storage::save(ORIGIN_KEY, &url.origin());
    Ok(())
}

pub struct Reply {
    pub status: u16,
    pub body: String,
    /// The time anchor of an authenticated answer.
    pub anchor: Option<String>,
    /// Whether the answer is JSON: the API speaking (a static host answers with its own HTML page).
    pub json: bool,
}

#[derive(serde::Deserialize)]
struct ApiError {
    message: String,
}

impl Reply {
    pub fn ok(&self) -> bool {
        (200..300).contains(&self.status)
    }

    /// The server's explanation of an error (`{"code", "message"}`), or the status.
    pub fn message(&self) -> String {
        serde_json::from_str::<ApiError>(&self.body)
            .map(|e| e.message)
            .unwrap_or_else(|_| format!("the server answered {}", self.status))
    }

    /// The body read as `T`.
    pub fn read<T: serde::de::DeserializeOwned>(&self) -> Option<T> {
        serde_json::from_str(&self.body).ok()
    }
}

/// A JSON body.
pub fn json<T: serde::Serialize>(value: &T) -> Option<String> {
    serde_json::to_string(value).ok()
}

#[derive(serde::Serialize)]
pub struct TimeZone<'a> {
    pub time_zone: &'a str,
}

// `fetch` in a few lines of JS rather than through web-sys's Request, Headers and Response bindings: the
// tracker is in every page module, where each kilobyte counts against the page's budget.
#[wasm_bindgen(inline_js = r#"
export async function api_fetch(method, url, token, body, keepalive) {
  const headers = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(url, { method, headers, body, keepalive });
  const type = response.headers.get('content-type') ?? '';
  return [response.status, await response.text(), response.headers.get('x-time-anchor'), type.startsWith('application/json')];
}
"#)]
extern "C" {
    fn api_fetch(
        method: &str,
        url: &str,
        token: Option<String>,
        body: Option<String>,
        keepalive: bool,
    ) -> js_sys::Promise;
}

/// A request on its way. Boxed, so each caller holds a pointer rather than its own copy of the request's
/// state machine.
pub type Pending = std::pin::Pin<Box<dyn std::future::Future<Output = Result<Reply, String>>>>;

/// One request. `Err` is a network failure (offline, refused, CORS): no answer at all. `keepalive` lets
/// the request outlive the page (saving on page hide).
pub fn call(
    method: &'static str,
    path: &str,
    token: Option<&str>,
    body: Option<String>,
    keepalive: bool,
) -> Pending {
    let promise = api_fetch(
        method,
        &format!("{}{path}", origin()),
        token.map(str::to_owned),
        body,
        keepalive,
    );
    Box::pin(async move {
        let answer = JsFuture::from(promise).await.map_err(|error| {
            error
                .dyn_ref::<js_sys::Error>()
                .and_then(|e| e.message().as_string())
                .unwrap_or_else(|| "the network failed".to_owned())
        })?;
        let answer = js_sys::Array::from(&answer);
        Ok(Reply {
            status: answer.get(0).as_f64().unwrap_or(0.0) as u16,
            body: answer.get(1).as_string().unwrap_or_default(),
            anchor: answer.get(2).as_string(),
            json: answer.get(3).is_truthy(),
        })
    })
}

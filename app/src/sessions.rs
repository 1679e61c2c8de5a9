//! Sessions: the place in each algorithm's latest run, kept on this device and, with an account, on the
//! server, so a reload or another device opens the exact step.
//!
//! On this device the place is the visualizer's address (input, step, speed) in local storage, offered on
//! the home page as "Continue where you left off". On the server a session is what determines the view
//! (algorithm, catalogue version, input with seed, step, speed); its id is the algorithm's, so each learner
//! has one place per algorithm. The server replays the run to the step and stores the hash of the snapshot
//! it reached: on resuming, the page hashes its own snapshot at that step and says so plainly if they
//! differ. A write names the version it replaces; when another device moved the session since, both
//! copies are shown and the learner chooses.

use algorithms::Input;
use algorithms::catalogue::Card;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::wasm_bindgen;

use crate::tracker::{self, api};

/// The version is in the key: data written by another version is never misread, only ignored.
const KEY: &str = "algovista.sessions.v1";
/// How many algorithms' places are kept.
const KEPT: usize = 12;
/// How long the view must be still before its place is sent to the server.
const SAVE_DELAY_MS: u64 = 1_000;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LocalSession {
    pub algorithm: String,
    /// The visualizer's query string, without `?`.
    pub query: String,
    pub step: u64,
    /// Milliseconds since the epoch, for ordering.
    pub updated: f64,
    /// The server's version of this session as this device last saw it (0: never saved there). Absent in
    /// records from before sessions were synced.
    #[serde(default)]
    pub version: u64,
}

/// The kept sessions of algorithms in the catalogue, most recent first (the order they are stored in:
/// each new place goes first). Unreadable data is set aside (see `storage`) and reads as none.
pub fn recent() -> Vec<LocalSession> {
    let mut sessions = kept();
    sessions.retain(|s| algorithms::catalogue::card(&s.algorithm).is_some());
    sessions
}

/// Every kept session as stored. A page module knows only the algorithms it draws, so what it writes back
/// keeps the places of every other algorithm untouched.
fn kept() -> Vec<LocalSession> {
    crate::storage::load(KEY, "the places to continue from").unwrap_or_default()
}

fn local(algorithm: &str) -> Option<LocalSession> {
    kept().into_iter().find(|s| s.algorithm == algorithm)
}

fn store(session: LocalSession) {
    let mut sessions = kept();
    sessions.retain(|s| s.algorithm != session.algorithm);
    sessions.insert(0, session);
    sessions.truncate(KEPT);
    // Storage may be full or disabled (private browsing); the page works the same without it.
    crate::storage::save(KEY, &sessions);
}

/// Records the place in `algorithm`'s run, replacing its previous one. Step 0 is not a place to return to.
pub fn remember(algorithm: &str, query: &str, step: u64) {
    if step == 0 {
        return;
    }
    let version = local(algorithm).map_or(0, |s| s.version);
    store(LocalSession {
        algorithm: algorithm.to_owned(),
        query: query.to_owned(),
        step,
        updated: js_sys::Date::now(),
        version,
    });
}

fn set_version(algorithm: &str, version: u64) {
    if let Some(mut session) = local(algorithm).filter(|s| s.version != version) {
        session.version = version;
        store(session);
    }
}

/// A session as the server keeps it.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct ServerSession {
    pub algorithm: String,
    pub algorithm_version: u32,
    pub input: Input,
    pub step: u64,
    pub snapshot_hash: String,
    pub version: u64,
    pub updated_at: String,
}

impl ServerSession {
    /// Milliseconds since the epoch.
    pub fn updated_ms(&self) -> f64 {
        js_sys::Date::parse(&self.updated_at)
    }
}

/// The view's preferences a session carries. The speed is in thousandths of a step per second: an
/// integer, so no float formatting code ships for it. Resuming keeps the device's own speed.
#[derive(Serialize)]
struct Preferences {
    speed_milli: u64,
}

#[derive(Serialize)]
struct SessionBody<'a> {
    expected_version: u64,
    algorithm: &'a str,
    algorithm_version: u32,
    input: &'a Input,
    step: u64,
    preferences: Preferences,
}

#[derive(Deserialize)]
struct Conflict {
    code: String,
    current: Option<ServerSession>,
}

#[derive(Deserialize)]
struct SessionList {
    sessions: Vec<ServerSession>,
}

/// The account's sessions on the server, most recent first; `None` without an account or an answer.
pub async fn on_server() -> Option<Vec<ServerSession>> {
    let account = tracker::account()?;
    let reply = api::call("GET", "/api/sessions", Some(&account.token), None, false)
        .await
        .ok()?;
    let mut list = reply.read::<SessionList>()?.sessions;
    list.retain(|s| algorithms::catalogue::card(&s.algorithm).is_some());
    list.sort_by(|a, b| b.updated_ms().total_cmp(&a.updated_ms()));
    Some(list)
}

/// The place the visualizer shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    pub input: Input,
    pub step: u64,
    pub speed: f64,
}

/// Two copies of one session: this device's place and the server's, moved by another device.
#[derive(Clone, Debug, PartialEq)]
pub struct Choice {
    pub this_step: u64,
    pub this_updated: f64,
    pub other: ServerSession,
}

/// What the page must say about the session.
#[derive(Clone, Debug, PartialEq)]
pub enum Status {
    None,
    /// The page's snapshot at the saved step hashes as the server's did.
    Verified(u64),
    /// It does not: the algorithm changed since the session was saved.
    Mismatch(u64),
    /// Boxed: a choice holds a whole input, which would make every status as large.
    Choose(Box<Choice>),
}

/// The visualizer's link to its session on the server.
#[derive(Clone, Copy)]
pub struct SessionSync {
    card: &'static Card,
    tracker: Option<tracker::Tracker>,
    pub status: RwSignal<Status>,
    /// A place to verify once the run at it is open: (input, step, the server's hash).
    pub verify: RwSignal<Option<(Input, u64, String)>>,
    /// The place last written to the server (or read from it), so a still view is not written twice.
    saved: StoredValue<Option<(Input, u64)>>,
    /// The server's version of the session as this page knows it (also kept in the local record, which
    /// may not exist yet when it is learnt).
    version: StoredValue<u64>,
    pending: StoredValue<Option<TimeoutHandle>>,
}

impl SessionSync {
    /// Reads the server's copy of this algorithm's session. `resume`: the learner asked for it (a link
    /// from the dashboard), so it opens at once; otherwise it is offered only when another device moved
    /// it since this device last saw it. `open` applies a place to the view.
    pub fn start(
        card: &'static Card,
        current: Place,
        resume: bool,
        open: impl Fn(Place) + Copy + 'static,
    ) -> Self {
        let here = local(card.id);
        let sync = SessionSync {
            card,
            tracker: use_context(),
            status: RwSignal::new(Status::None),
            verify: RwSignal::new(None),
            saved: StoredValue::new(None),
            version: StoredValue::new(here.as_ref().map_or(0, |s| s.version)),
            pending: StoredValue::new(None),
        };
        let Some(account) = tracker::account() else {
            return sync;
        };
        crate::spawn_while(move || sync.saved.try_get_value().is_some(), async move {
            // The list, not `/api/sessions/{id}`: a session not saved yet is no error.
            let Ok(reply) =
                api::call("GET", "/api/sessions", Some(&account.token), None, false).await
            else {
                return;
            };
            let Some(other) = reply
                .read::<SessionList>()
                .filter(|_| reply.ok())
                .and_then(|list| list.sessions.into_iter().find(|s| s.algorithm == card.id))
            else {
                return;
            };
            let same = other.input == current.input && other.step == current.step;
            let known = sync.version.get_value();
            if same || resume {
                sync.know(other.version);
                sync.saved
                    .set_value(Some((other.input.clone(), other.step)));
                if !same {
                    open(place_of(&other, current.speed));
                }
                sync.check(&other);
            } else if other.version > known {
                sync.status.set(Status::Choose(Box::new(Choice {
                    this_step: current.step,
                    this_updated: here.map_or(js_sys::Date::now(), |s| s.updated),
                    other,
                })));
            }
        });
        sync
    }

    fn know(self, version: u64) {
        self.version.try_set_value(version);
        set_version(self.card.id, version);
    }

    /// Asks the page to hash its snapshot at the session's step, or says the version differs.
    fn check(self, session: &ServerSession) {
        if session.algorithm_version != self.card.version {
            self.status.set(Status::Mismatch(session.step));
        } else {
            self.verify.set(Some((
                session.input.clone(),
                session.step,
                session.snapshot_hash.clone(),
            )));
        }
    }

    /// The page's own hash of its snapshot at the step to verify (see `snapshot_hash`).
    pub fn verified(self, step: u64, matches: bool) {
        self.verify.set(None);
        self.status.set(if matches {
            Status::Verified(step)
        } else {
            Status::Mismatch(step)
        });
    }

    /// The learner chose the other device's copy.
    pub fn take_other(self, choice: &Choice, speed: f64, open: impl Fn(Place)) {
        self.know(choice.other.version);
        self.saved
            .set_value(Some((choice.other.input.clone(), choice.other.step)));
        open(place_of(&choice.other, speed));
        self.check(&choice.other);
    }

    /// The learner chose this device's copy: it replaces the other one.
    pub fn keep_this(self, choice: &Choice, place: Place) {
        self.know(choice.other.version);
        self.status.set(Status::None);
        self.saved.set_value(None);
        self.save(place, false);
    }

    /// Saves the place once the view has been still for a moment; at once (with a request that outlives
    /// the page) when `now`.
    pub fn save_soon(self, place: Place, now: bool) {
        if let Some(handle) = self.pending.try_update_value(Option::take).flatten() {
            handle.clear();
        }
        if now {
            return self.save(place, true);
        }
        let handle = set_timeout_with_handle(
            move || self.save(place, false),
            std::time::Duration::from_millis(SAVE_DELAY_MS),
        );
        self.pending.set_value(handle.ok());
    }

    fn save(self, place: Place, keepalive: bool) {
        let Some(account) = tracker::account() else {
            return;
        };
        let unchanged = self.saved.try_with_value(|saved| {
            saved
                .as_ref()
                .is_some_and(|(input, step)| *input == place.input && *step == place.step)
        });
        // Unchanged, or waiting for the learner's choice between two copies: nothing to write.
        if unchanged != Some(false)
            || place.step == 0
            || self
                .status
                .with_untracked(|s| matches!(s, Status::Choose(_)))
        {
            return;
        }
        self.saved
            .set_value(Some((place.input.clone(), place.step)));
        let body = api::json(&SessionBody {
            expected_version: self.version.get_value(),
            algorithm: self.card.id,
            algorithm_version: self.card.version,
            input: &place.input,
            step: place.step,
            preferences: Preferences {
                speed_milli: (place.speed * 1000.0).round() as u64,
            },
        });
        let path = format!("/api/sessions/{}", self.card.id);
        let request = api::call("PUT", &path, Some(&account.token), body, keepalive);
        crate::spawn_while(move || self.saved.try_get_value().is_some(), async move {
            let Ok(reply) = request.await else {
                // Offline: the place is kept on this device; the next still moment tries again.
                self.saved.try_set_value(None);
                return;
            };
            if let Some(session) = reply.read::<ServerSession>().filter(|_| reply.ok()) {
                return self.know(session.version);
            }
            match (reply.status, reply.read::<Conflict>()) {
                // The session was deleted meanwhile: create it again.
                (404, _) => {
                    self.know(0);
                    self.saved.try_set_value(None);
                    self.save(place, false);
                }
                (
                    409,
                    Some(Conflict {
                        current: Some(other),
                        ..
                    }),
                ) => {
                    // Its own earlier write (sent as the page was hidden) is not another device's.
                    if other.input == place.input && other.step == place.step {
                        return self.know(other.version);
                    }
                    self.status.try_set(Status::Choose(Box::new(Choice {
                        this_step: place.step,
                        this_updated: js_sys::Date::now(),
                        other,
                    })));
                }
                // Refused (the session limit, an input the server does not take): said once.
                (409 | 422, conflict)
                    if conflict
                        .as_ref()
                        .is_none_or(|c| c.code != "version_conflict") =>
                {
                    if let Some(tracker) = self.tracker {
                        tracker.say(format!(
                            "Your place was not saved on the server: {}",
                            reply.message()
                        ));
                    }
                }
                // 401 is the tracker's to explain; other failures leave the place on this device.
                _ => {
                    self.saved.try_set_value(None);
                }
            }
        });
    }
}

/// The place a server session names, at this page's `speed`.
fn place_of(session: &ServerSession, speed: f64) -> Place {
    Place {
        input: session.input.clone(),
        step: session.step,
        speed,
    }
}

/// SHA-256 of the snapshot's canonical JSON (keys sorted at every level, no spaces: the definition of
/// `algorithms::Snapshot::hash`), with the browser's own digest: the page ships no hashing code.
#[wasm_bindgen(inline_js = r#"
function canonical(value) {
  if (Array.isArray(value)) return '[' + value.map(canonical).join(',') + ']';
  if (value !== null && typeof value === 'object') {
    return '{' + Object.keys(value).sort().map((k) => JSON.stringify(k) + ':' + canonical(value[k])).join(',') + '}';
  }
  return JSON.stringify(value);
}
export async function snapshot_hash(json) {
  if (!globalThis.crypto || !crypto.subtle) return null;
  const bytes = new TextEncoder().encode(canonical(JSON.parse(json)));
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}
"#)]
extern "C" {
    fn snapshot_hash(json: &str) -> js_sys::Promise;
}

/// The hash of a snapshot given as the engine's JSON; `None` where the browser has no digest (an
/// insecure origin).
pub async fn hash(json: &str) -> Option<String> {
    wasm_bindgen_futures::JsFuture::from(snapshot_hash(json))
        .await
        .ok()?
        .as_string()
}

/// "2 minutes ago", for the two copies of a session.
pub fn ago(then_ms: f64) -> String {
    let seconds = ((js_sys::Date::now() - then_ms) / 1000.0).max(0.0) as u64;
    let (n, unit) = match seconds {
        0..60 => return "just now".to_owned(),
        60..3_600 => (seconds / 60, "minute"),
        3_600..86_400 => (seconds / 3_600, "hour"),
        _ => (seconds / 86_400, "day"),
    };
    let units = format!("{unit}s");
    format!("{} ago", algorithms::plural(n, unit, &units))
}

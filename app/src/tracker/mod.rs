//! The tracker half of the app: activity events, the streak, and the link to the server.
//!
//! Every event is first written to this device (the outbox, and the local activity record); the server,
//! when there is one, is told in batches and is the truth about days and streaks (its clock decides; the
//! events carry the device's time and the newest time anchor). With no server the same streak rules
//! (`streak` crate) run over the local record, labelled as this device's, unverified. An anonymous
//! account is created with the first event, not on page load.

pub mod api;
pub mod outbox;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::storage;
use outbox::{Event, Kind, Outbox};

const ACCOUNT_KEY: &str = "algovista.account.v1";
const OUTBOX_KEY: &str = "algovista.outbox.v1";
const ANCHOR_KEY: &str = "algovista.anchor.v1";
const STREAK_KEY: &str = "algovista.streak.v1";
const ACTIVITY_KEY: &str = "algovista.activity.v1";
/// Local activity entries kept for the offline preview (the oldest go first).
const ACTIVITY_KEPT: usize = 20_000;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Account {
    pub user_id: String,
    pub token: String,
}

/// The streak as last known: from the server (verified) or from this device's record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KnownStreak {
    pub current: u32,
    pub longest: u32,
    pub freezes: u32,
    /// The day `today_done` refers to (`YYYY-MM-DD`).
    pub today: String,
    pub today_done: bool,
    pub verified: bool,
}

/// One qualifying activity as this device saw it: its day (in this device's zone) and what it was.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocalEvent {
    pub day: streak::Day,
    pub kind: Kind,
    pub algorithm: String,
    /// For a quiz answer: whether it was right (absent in records from before it was kept).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub correct: Option<bool>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Sync {
    /// Asking whether a server is there.
    Checking,
    /// No server configured or reachable at this address: everything is this device's.
    LocalOnly,
    Synced,
    /// Events waiting (being sent, or about to be).
    Pending(usize),
    /// The network failed; retrying with backoff.
    Offline(usize),
    /// The server answered with an error; retrying with backoff.
    Failed {
        pending: usize,
        reason: String,
    },
    /// The server does not know this device's key (401).
    Unlinked(usize),
}

#[derive(Clone, Copy)]
pub struct Tracker {
    pub sync: RwSignal<Sync>,
    pub streak: RwSignal<Option<KnownStreak>>,
    /// Things to say once (set-aside data, refused events).
    pub notices: RwSignal<Vec<String>>,
    /// Whether the API answers at this address (`None`: not known yet).
    server: RwSignal<Option<bool>>,
    busy: StoredValue<bool>,
    /// Asked to deliver while a delivery was running: run once more after it.
    again: StoredValue<bool>,
    attempt: StoredValue<u32>,
    retry: StoredValue<Option<TimeoutHandle>>,
}

pub fn account() -> Option<Account> {
    storage::load(ACCOUNT_KEY, "the account key")
}

pub fn set_account(account: Option<&Account>) {
    match account {
        Some(account) => storage::save(ACCOUNT_KEY, account),
        None => {
            storage::remove(ACCOUNT_KEY);
            true
        }
    };
}

/// The request that creates an anonymous account in this device's time zone.
pub fn new_account() -> api::Pending {
    let body = api::json(&api::TimeZone {
        time_zone: &device_zone(),
    });
    api::call("POST", "/api/users", None, body, false)
}

/// Keeps the account a new account's or a redeemed pairing code's answer holds; `None` if unreadable.
pub fn keep_account(reply: &api::Reply) -> Option<Account> {
    let account = reply.read::<Account>()?;
    set_account(Some(&account));
    Some(account)
}

fn load_outbox() -> Outbox {
    storage::load(OUTBOX_KEY, "events waiting to be sent").unwrap_or_default()
}

pub fn local_activity() -> Vec<LocalEvent> {
    storage::load(ACTIVITY_KEY, "this device's activity record").unwrap_or_default()
}

/// Today in this device's zone, as a day number.
pub fn local_day() -> streak::Day {
    let now = js_sys::Date::new_0();
    let local_ms = now.get_time() - now.get_timezone_offset() * 60_000.0;
    (local_ms / 86_400_000.0).floor() as streak::Day
}

/// This device's time zone (IANA name), for a new account's home zone.
pub fn device_zone() -> String {
    let options = js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &js_sys::Object::new())
        .resolved_options();
    js_sys::Reflect::get(&options, &"timeZone".into())
        .ok()
        .and_then(|zone| zone.as_string())
        .unwrap_or_else(|| "UTC".to_owned())
}

/// A random id for an event or a session (128 bits from the platform's generator).
pub fn new_id() -> String {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).expect("the platform's random generator");
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn jitter() -> f64 {
    let mut bytes = [0u8; 4];
    getrandom::fill(&mut bytes).map_or(0.5, |_| {
        f64::from(u32::from_le_bytes(bytes)) / f64::from(u32::MAX)
    })
}

/// The distinct days of `days`, ascending. Entries are appended as they happen, so their days are in
/// order unless the device's clock moved back: an insertion sort over the runs of equal days is linear
/// here, and ships less code than the standard sort (which each page module would link for this alone).
fn distinct_days(mut days: Vec<streak::Day>) -> Vec<streak::Day> {
    days.dedup();
    for i in 1..days.len() {
        let mut j = i;
        while j > 0 && days[j - 1] > days[j] {
            days.swap(j - 1, j);
            j -= 1;
        }
    }
    days.dedup();
    days
}

/// The streak this device's own record gives, unverified.
fn local_streak() -> KnownStreak {
    let days = distinct_days(local_activity().iter().map(|e| e.day).collect());
    let today = local_day();
    let s = streak::streak(&days, today);
    KnownStreak {
        current: s.current,
        longest: s.longest,
        freezes: s.freezes,
        today: streak::day_text(today),
        today_done: days.last() == Some(&today),
        verified: false,
    }
}

/// What `POST /api/events` and `GET /api/progress` both answer, as far as the header needs it.
#[derive(Deserialize)]
struct Answer {
    #[serde(default)]
    results: Vec<Delivered>,
    streak: StreakAnswer,
}

#[derive(Deserialize)]
struct Delivered {
    id: String,
}

#[derive(Deserialize)]
struct StreakAnswer {
    current: u32,
    longest: u32,
    freezes: u32,
    today: String,
    today_active: bool,
}

#[derive(Serialize)]
struct Batch<'a> {
    events: &'a [Event],
}

impl Tracker {
    /// Creates the tracker for this page, starts delivering what waits, and retries when the device comes
    /// back online or the page becomes visible again.
    pub fn provide() -> Self {
        let tracker = Tracker {
            sync: RwSignal::new(Sync::Checking),
            streak: RwSignal::new(storage::load(STREAK_KEY, "the last known streak")),
            notices: RwSignal::new(Vec::new()),
            server: RwSignal::new(None),
            busy: StoredValue::new(false),
            again: StoredValue::new(false),
            attempt: StoredValue::new(0),
            retry: StoredValue::new(None),
        };
        provide_context(tracker);
        storage::on_set_aside(Some(Box::new(move |message| tracker.say(message))));
        let online = window_event_listener(leptos::ev::online, move |_| tracker.flush());
        let visible = window_event_listener(leptos::ev::visibilitychange, move |_| {
            if document().visibility_state() == web_sys::VisibilityState::Visible {
                tracker.flush();
            }
        });
        on_cleanup(move || {
            storage::on_set_aside(None);
            online.remove();
            visible.remove();
            if let Some(handle) = tracker.retry.try_update_value(Option::take).flatten() {
                handle.clear();
            }
        });
        tracker.flush();
        tracker
    }

    /// Records a qualifying activity (`correct`: a quiz answer's outcome): on this device at once, then on
    /// the server.
    pub fn record(self, kind: Kind, algorithm: &str, correct: Option<bool>) {
        let anchor = storage::load::<String>(ANCHOR_KEY, "the time anchor");
        let mut outbox = load_outbox();
        outbox.push(Event {
            id: new_id(),
            kind,
            algorithm: algorithm.to_owned(),
            at: js_sys::Date::new_0().to_iso_string().into(),
            anchor,
            correct,
        });
        storage::save(OUTBOX_KEY, &outbox);
        let mut activity = local_activity();
        activity.push(LocalEvent {
            day: local_day(),
            kind,
            algorithm: algorithm.to_owned(),
            correct,
        });
        if activity.len() > ACTIVITY_KEPT {
            activity.drain(..activity.len() - ACTIVITY_KEPT);
        }
        storage::save(ACTIVITY_KEY, &activity);
        // A new event is worth a prompt try even while a retry is scheduled.
        self.attempt.set_value(0);
        self.flush();
    }

    /// Starts a new anonymous account on the next event (after "this device was unlinked").
    pub fn start_again(self) {
        set_account(None);
        storage::remove(STREAK_KEY);
        self.streak.set(None);
        self.flush();
    }

    /// Forgets what it knew of the server (after the address changed) and connects again.
    pub fn reconnect(self) {
        self.server.set(None);
        self.sync.set(Sync::Checking);
        self.attempt.set_value(0);
        self.flush();
    }

    /// Delivers waiting events; one delivery runs at a time.
    pub fn flush(self) {
        if self.busy.get_value() {
            self.again.set_value(true);
            return;
        }
        self.busy.set_value(true);
        if let Some(handle) = self.retry.try_update_value(Option::take).flatten() {
            handle.clear();
        }
        crate::spawn_while(move || self.busy.try_get_value().is_some(), async move {
            loop {
                self.again.set_value(false);
                self.deliver().await;
                if !self.again.get_value() {
                    break;
                }
            }
            self.busy.set_value(false);
        });
    }

    async fn deliver(self) {
        if self.server.get_untracked() != Some(true) {
            match api::call("GET", "/api/health", None, None, false).await {
                Ok(reply) if reply.ok() && reply.json => self.server.set(Some(true)),
                // A static host: no API at this address.
                Ok(_) => return self.show_local(),
                Err(_) => return self.offline(),
            }
        }
        let mut isolate = false;
        loop {
            let mut outbox = load_outbox();
            let unreported = outbox.take_unreported();
            if !unreported.is_empty() {
                storage::save(OUTBOX_KEY, &outbox);
                self.say(format!(
                    "The server refused, and this device set aside: {}.",
                    unreported.join("; ")
                ));
            }
            let pending = outbox.events.len();
            let account = account();
            let first = outbox
                .events
                .first()
                .map(|e| e.id.clone())
                .unwrap_or_default();
            let request = match (&account, pending) {
                // Nothing recorded anywhere yet: no account until the first event.
                (None, 0) => return self.sync.set(Sync::Synced),
                (None, _) => new_account(),
                (Some(account), 0) => {
                    if self.streak.with_untracked(|s| {
                        s.as_ref()
                            .is_some_and(|s| s.verified && s.today == streak::day_text(local_day()))
                    }) {
                        return self.sync.set(Sync::Synced);
                    }
                    api::call("GET", "/api/progress", Some(&account.token), None, false)
                }
                (Some(account), _) => {
                    self.sync.set(Sync::Pending(pending));
                    let batch = outbox.batch(if isolate { 1 } else { outbox::BATCH });
                    let body = api::json(&Batch { events: &batch });
                    api::call("POST", "/api/events", Some(&account.token), body, false)
                }
            };
            let reply = match request.await {
                Ok(reply) => reply,
                Err(_) => return self.offline(),
            };
            if let Some(anchor) = &reply.anchor {
                storage::save(ANCHOR_KEY, anchor);
            }
            match (reply.status, &account) {
                (401, Some(_)) => return self.sync.set(Sync::Unlinked(pending)),
                // One event of the batch is invalid: send them one at a time to find it.
                (422, Some(_)) if !isolate && pending > 1 => isolate = true,
                (422, Some(_)) => {
                    let mut outbox = load_outbox();
                    outbox.refused(&first, reply.message());
                    storage::save(OUTBOX_KEY, &outbox);
                }
                (_, None) if reply.ok() => match keep_account(&reply) {
                    Some(_) => {}
                    None => {
                        return self
                            .failed(pending, "the server's answer could not be read".to_owned());
                    }
                },
                (_, Some(_)) if reply.ok() => {
                    let Some(answer) = reply.read::<Answer>() else {
                        return self
                            .failed(pending, "the server's answer could not be read".to_owned());
                    };
                    // Read again: events recorded while the request was out must stay.
                    let mut outbox = load_outbox();
                    let ids: Vec<String> = answer.results.into_iter().map(|r| r.id).collect();
                    outbox.delivered(&ids);
                    storage::save(OUTBOX_KEY, &outbox);
                    self.attempt.set_value(0);
                    let s = answer.streak;
                    let known = KnownStreak {
                        current: s.current,
                        longest: s.longest,
                        freezes: s.freezes,
                        today: s.today,
                        today_done: s.today_active,
                        verified: true,
                    };
                    storage::save(STREAK_KEY, &known);
                    self.streak.set(Some(known));
                    if pending == 0 {
                        return self.sync.set(Sync::Synced);
                    }
                }
                _ => return self.failed(pending, reply.message()),
            }
        }
    }

    fn show_local(self) {
        self.sync.set(Sync::LocalOnly);
        self.streak.set(Some(local_streak()));
    }

    fn offline(self) {
        self.sync.set(Sync::Offline(load_outbox().events.len()));
        self.schedule_retry();
    }

    fn failed(self, pending: usize, reason: String) {
        self.sync.set(Sync::Failed { pending, reason });
        self.schedule_retry();
    }

    fn schedule_retry(self) {
        let attempt = self.attempt.get_value();
        self.attempt.set_value(attempt.saturating_add(1));
        let delay = outbox::backoff_ms(attempt, jitter());
        let handle = set_timeout_with_handle(
            move || self.flush(),
            std::time::Duration::from_millis(delay as u64),
        )
        .ok();
        self.retry.set_value(handle);
    }

    pub fn say(self, message: String) {
        self.notices.update(|list| list.push(message));
    }
}

/// The header's view of the tracker: the streak, today's status, freezes, and the sync state; it links to
/// the dashboard.
#[component]
pub fn TrackerBadge() -> impl IntoView {
    let tracker = expect_context::<Tracker>();
    let streak = move || {
        tracker.streak.with(|known| match known {
            Some(s) => {
                let today = if s.today_done && s.today == streak::day_text(local_day()) {
                    "today done"
                } else {
                    "today not yet"
                };
                let freezes = match s.freezes {
                    0 => String::new(),
                    n => format!(" · {}", algorithms::plural(n, "freeze", "freezes")),
                };
                format!("{}-day streak · {today}{freezes}", s.current)
            }
            None => "No streak yet".to_owned(),
        })
    };
    let sync = move || {
        tracker.sync.with(|sync| match sync {
            Sync::Checking => "Connecting…".to_owned(),
            Sync::LocalOnly => "This device only, not verified".to_owned(),
            Sync::Synced => "Synced".to_owned(),
            Sync::Pending(n) => format!("{n} pending"),
            Sync::Offline(n) => format!("Offline · {n} pending"),
            Sync::Failed { pending, reason } => format!("Error: {reason} · {pending} pending"),
            Sync::Unlinked(_) => "Unlinked".to_owned(),
        })
    };
    let state = move || {
        tracker.sync.with(|sync| match sync {
            Sync::Checking => "checking",
            Sync::LocalOnly => "local",
            Sync::Synced => "synced",
            Sync::Pending(_) => "pending",
            Sync::Offline(_) => "offline",
            Sync::Failed { .. } => "error",
            Sync::Unlinked(_) => "unlinked",
        })
    };
    view! {
        <crate::router::Link href="/progress".to_owned()>
            <span class="tracker" data-testid="tracker">
                <span data-testid="streak">{streak}</span>
                <span class="sync" data-testid="sync" data-state=state>{sync}</span>
            </span>
        </crate::router::Link>
    }
}

/// What the tracker must say, under the header: an unlinked device, data set aside, refused events. Both
/// stay in the document and show when they have something to say (a few KB less per page than views
/// created and dropped).
#[component]
pub fn TrackerNotices() -> impl IntoView {
    let tracker = expect_context::<Tracker>();
    view! {
        <div class="notice" role="alert" data-testid="unlinked"
            hidden=move || !matches!(tracker.sync.get(), Sync::Unlinked(_))>
            "This device was unlinked: the server no longer knows its key, so its progress cannot be \
             saved there. Nothing on this device was lost. "
            <button on:click=move |_| tracker.start_again()>"Start again"</button>
            " or " <a href="/progress#link">"link it with a code"</a> "."
        </div>
        <div class="notice" role="status" data-testid="notices"
            hidden=move || tracker.notices.with(Vec::is_empty)>
            {move || tracker.notices.get().join(" ")}
            " " <button on:click=move |_| tracker.notices.set(Vec::new())>"Dismiss"</button>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::distinct_days;

    #[test]
    fn distinct_days_sorts_and_deduplicates_a_record_whose_clock_moved_back() {
        assert_eq!(distinct_days(vec![]), Vec::<streak::Day>::new());
        assert_eq!(distinct_days(vec![5, 5, 6, 6, 6, 9]), vec![5, 6, 9]);
        assert_eq!(
            distinct_days(vec![5, 6, 3, 3, 6, 7, 1, 9, 9]),
            vec![1, 3, 5, 6, 7, 9]
        );
        // Against the standard sort on a scrambled record.
        let scrambled: Vec<streak::Day> = (0..400).map(|i| (i * 7919 % 113) - 50).collect();
        let mut expected = scrambled.clone();
        expected.sort_unstable();
        expected.dedup();
        assert_eq!(distinct_days(scrambled), expected);
    }
}

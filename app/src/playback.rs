//! Playback shared by every page that steps through runs: the state (step, playing, speed), the controls
//! toolbar, the keyboard shortcuts and their help dialog. Playing runs on animation frames and takes
//! several steps per frame past 60 steps/s; every move is a seek, so back and scrub cost what forward does.

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::router::{Location, navigate};
use crate::url_state::{self, MAX_SPEED, MIN_SPEED, ViewState};

#[derive(Clone, Copy)]
pub struct Playback {
    pub step: RwSignal<u64>,
    pub playing: RwSignal<bool>,
    /// Moves per second.
    pub speed: RwSignal<f64>,
    /// Steps per move, for Play and for one step forward or back: a long run (a 2,000-value insertion
    /// sort takes millions of steps) is watched to its end by moving 1,000 steps at a time.
    pub unit: RwSignal<u64>,
    /// How many times the run was followed to its last step by playing or stepping forward (a jump with
    /// End or the scrubber does not count): a finished run, for the tracker.
    pub finished: RwSignal<u32>,
    /// The frame clock: (time of the last frame, fraction of a step carried over).
    clock: StoredValue<(f64, f64)>,
    /// Asked before playing or stepping forward from one step to another: where to stop instead (the
    /// quiz stops before a step it asks about). A jump (End, the scrubber) is not asked.
    pub gate: StoredValue<Option<Gate>, LocalStorage>,
}

pub type Gate = std::rc::Rc<dyn Fn(u64, u64) -> u64>;

impl Playback {
    pub fn new(step: u64, speed: f64) -> Self {
        Playback {
            step: RwSignal::new(step),
            playing: RwSignal::new(false),
            speed: RwSignal::new(speed),
            unit: RwSignal::new(1),
            finished: RwSignal::new(0),
            clock: StoredValue::new((0.0, 0.0)),
            gate: StoredValue::new_local(None),
        }
    }

    pub fn go(self, to: u64, last_step: u64) {
        self.playing.set(false);
        self.step.set(to.min(last_step));
    }

    /// Where a forward move from `from` to `to` stops: `to`, unless the gate says otherwise.
    fn allowed(self, from: u64, to: u64) -> u64 {
        match self.gate.try_get_value().flatten() {
            Some(gate) if to > from => gate(from, to),
            _ => to,
        }
    }

    pub fn by(self, delta: i64, last_step: u64) {
        let here = self.step.get_untracked();
        let to = ((here as i64 + delta).max(0) as u64).min(last_step);
        self.go(self.allowed(here, to), last_step);
        if delta > 0 && here < last_step && self.step.get_untracked() == last_step {
            self.finished.update(|n| *n += 1);
        }
    }

    /// `moves` moves forward (back when negative) of [`Playback::unit`] steps each.
    pub fn moves(self, moves: i64, last_step: u64) {
        let unit = i64::try_from(self.unit.get_untracked()).unwrap_or(1);
        self.by(moves.saturating_mul(unit), last_step);
    }

    pub fn toggle(self, last_step: u64) {
        if self.playing.get_untracked() {
            self.playing.set(false);
            return;
        }
        if self.step.get_untracked() >= last_step {
            self.step.set(0);
        }
        self.clock.set_value((now_ms(), 0.0));
        self.playing.set(true);
        request_animation_frame(move || self.frame(last_step));
    }

    pub fn scale_speed(self, factor: f64) {
        self.speed
            .update(|s| *s = (*s * factor).clamp(MIN_SPEED, MAX_SPEED));
    }

    /// One animation frame: advance by speed × elapsed time.
    fn frame(self, last_step: u64) {
        if !self.playing.get_untracked() {
            return;
        }
        let now = now_ms();
        let (before, carried) = self.clock.get_value();
        let due = carried + (now - before).max(0.0) / 1000.0 * self.speed.get_untracked();
        let whole = due.floor();
        self.clock.set_value((now, due - whole));
        if whole >= 1.0 {
            let here = self.step.get_untracked();
            let steps = (whole as u64).saturating_mul(self.unit.get_untracked());
            let next = here.saturating_add(steps).min(last_step);
            let allowed = self.allowed(here, next);
            self.step.set(allowed);
            if allowed < next {
                return self.playing.set(false);
            }
        }
        if self.step.get_untracked() >= last_step {
            self.playing.set(false);
            self.finished.update(|n| *n += 1);
        } else {
            request_animation_frame(move || self.frame(last_step));
        }
    }
}

/// Records a finished run of each of `algorithms` whenever playback follows the run to its end.
pub fn record_finished_runs(playback: Playback, algorithms: Vec<&'static str>) {
    let Some(tracker) = use_context::<crate::tracker::Tracker>() else {
        return;
    };
    Effect::watch(
        move || playback.finished.get(),
        move |_, _, _| {
            for id in &algorithms {
                tracker.record(crate::tracker::outbox::Kind::RunFinished, id, None);
            }
        },
        false,
    );
}

/// Keeps the address bar in step with the view while paused (replacing the entry, so Back leaves the page
/// as expected; not while playing, which would rewrite it every frame). `url` turns the view's state into
/// the address, and may record it elsewhere too. The write waits until the view has been still for
/// [`ADDRESS_DELAY_MS`]: holding → would otherwise rewrite history and storage on every step.
pub fn follow_in_address<S: Clone + Send + Sync + 'static>(
    location: Location,
    playback: Playback,
    source: RwSignal<S>,
    url: impl Fn(&ViewState<S>) -> String + 'static,
) {
    let url = StoredValue::new_local(url);
    let pending = StoredValue::new(None::<TimeoutHandle>);
    Effect::new(move |_| {
        if playback.playing.get() {
            return;
        }
        let state = ViewState {
            source: source.get(),
            step: playback.step.get(),
            speed: playback.speed.get(),
        };
        if let Some(handle) = pending.try_update_value(Option::take).flatten() {
            handle.clear();
        }
        // The page may be gone by then (the learner followed a link): then there is nothing to write.
        let write = move || {
            if let Some(address) = url.try_with_value(|url| url(&state)) {
                navigate(location, &address, true);
            }
        };
        pending.set_value(
            set_timeout_with_handle(write, std::time::Duration::from_millis(ADDRESS_DELAY_MS)).ok(),
        );
    });
}

pub const ADDRESS_DELAY_MS: u64 = 150;

/// The page's monotonic clock, in milliseconds.
pub fn now_ms() -> f64 {
    window().performance().map_or(0.0, |p| p.now())
}

/// The speed slider is logarithmic: 0 → 0.25 steps/s, 100 → 64 steps/s.
fn speed_from_slider(position: f64) -> f64 {
    MIN_SPEED * (MAX_SPEED / MIN_SPEED).powf(position / 100.0)
}

fn slider_from_speed(speed: f64) -> f64 {
    100.0 * (speed / MIN_SPEED).ln() / (MAX_SPEED / MIN_SPEED).ln()
}

/// The sizes of a move a learner may choose, in steps.
const MOVE_UNITS: [u64; 6] = [1, 10, 100, 1_000, 10_000, 100_000];

/// "1 step", "1,000 steps": a move's size with its thousands grouped.
fn steps_text(steps: u64) -> String {
    let digits = steps.to_string();
    let mut grouped = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    format!(
        "{grouped} {}",
        algorithms::text::noun(steps, "step", "steps")
    )
}

const SHORTCUTS: [(&str, &str); 8] = [
    ("Space", "Play or pause"),
    (
        "← / →",
        "One move back / forward (a move is one step unless chosen larger)",
    ),
    ("Shift + ← / →", "Ten moves back / forward"),
    ("Home / End", "First / last step"),
    ("+ / −", "Faster / slower (×2)"),
    ("?", "Show or hide this help"),
    ("Esc", "Close this help"),
    ("Tab", "Move between controls"),
];

/// Page-wide shortcuts, except while typing in a field; removed with the component that installed them.
/// While the help is open only `?` and Esc do anything (they close it): the run stays where it is.
pub fn install_shortcuts(playback: Playback, last_step: u64, help_open: RwSignal<bool>) {
    let handle = window_event_listener(ev::keydown, move |event| {
        let target = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .map(|el| el.tag_name());
        let typing = matches!(target.as_deref(), Some("INPUT" | "TEXTAREA" | "SELECT"));
        if typing || event.ctrl_key() || event.meta_key() || event.alt_key() {
            return;
        }
        let key = event.key();
        if help_open.get_untracked() {
            if matches!(key.as_str(), "?" | "Escape") {
                help_open.set(false);
                event.prevent_default();
            }
            return;
        }
        let by = if event.shift_key() { 10 } else { 1 };
        match key.as_str() {
            // A focused button takes Space as its own click.
            " " if target.as_deref() != Some("BUTTON") => playback.toggle(last_step),
            "ArrowRight" => playback.moves(by, last_step),
            "ArrowLeft" => playback.moves(-by, last_step),
            "Home" => playback.go(0, last_step),
            "End" => playback.go(last_step, last_step),
            "+" | "=" => playback.scale_speed(2.0),
            "-" | "_" => playback.scale_speed(0.5),
            "?" => help_open.set(true),
            _ => return,
        }
        event.prevent_default();
    });
    on_cleanup(move || handle.remove());
}

/// The keyboard help, a modal `<dialog>` (`showModal()`): the page behind is inert, focus moves in and
/// Tab cycles inside it; closing it (Esc, `?`, Close, a click beside it) returns focus to what opened it.
#[component]
fn HelpDialog(help_open: RwSignal<bool>) -> impl IntoView {
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let opener = StoredValue::new_local(None::<web_sys::HtmlElement>);
    Effect::new(move |_| {
        let open = help_open.get();
        let Some(dialog) = dialog.get() else { return };
        if open && !dialog.open() {
            opener.set_value(
                document()
                    .active_element()
                    .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok()),
            );
            let _ = dialog.show_modal();
        } else if !open && dialog.open() {
            dialog.close();
        }
    });
    // Every way of closing ends here, the platform's own Esc included.
    let on_close = move |_| {
        help_open.set(false);
        let opener = opener
            .try_update_value(Option::take)
            .flatten()
            .filter(|el| el.is_connected() && el.tag_name() != "BODY")
            .or_else(|| {
                document()
                    .query_selector("[data-testid=help]")
                    .ok()
                    .flatten()
                    .and_then(|el| el.dyn_into().ok())
            });
        if let Some(opener) = opener {
            let _ = opener.focus();
        }
    };
    // The platform keeps focus out of the inert page but lets Tab leave for the browser's own UI;
    // here Tab wraps from the last control to the first and back.
    let on_keydown = move |event: web_sys::KeyboardEvent| {
        if event.key() != "Tab" {
            return;
        }
        let Some(dialog) = dialog.get_untracked() else {
            return;
        };
        let Ok(list) = dialog.query_selector_all("button, [href], input, select, textarea") else {
            return;
        };
        let focusable: Vec<web_sys::HtmlElement> = (0..list.length())
            .filter_map(|i| list.item(i)?.dyn_into().ok())
            .collect();
        let (Some(first), Some(last)) = (focusable.first(), focusable.last()) else {
            return;
        };
        let active = document().active_element();
        let at = |el: &web_sys::HtmlElement| active.as_ref().is_some_and(|a| a == el.as_ref());
        let wrap_to = if event.shift_key() {
            at(first).then_some(last)
        } else {
            at(last).then_some(first)
        };
        if let Some(to) = wrap_to {
            event.prevent_default();
            let _ = to.focus();
        }
    };
    // A click on the backdrop lands on the dialog itself; one on its content lands inside `.help-body`.
    let on_click = move |event: web_sys::MouseEvent| {
        let on_backdrop = event
            .target()
            .zip(dialog.get_untracked())
            .is_some_and(|(target, dialog)| dialog.is_same_node(target.dyn_ref()));
        if on_backdrop {
            help_open.set(false);
        }
    };
    view! {
        <dialog class="help" node_ref=dialog aria-labelledby="help-title" data-testid="help-overlay"
            on:close=on_close on:keydown=on_keydown on:click=on_click>
            <div class="help-body">
                <h2 id="help-title">"Keyboard shortcuts"</h2>
                <table>
                    <tbody>
                        {SHORTCUTS.map(|(keys, what)| view! {
                            <tr><th scope="row"><kbd>{keys}</kbd></th><td>{what}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
                <button data-testid="help-close" autofocus on:click=move |_| help_open.set(false)>"Close"</button>
            </div>
        </dialog>
    }
}

#[component]
pub fn Controls(playback: Playback, last_step: u64, help_open: RwSignal<bool>) -> impl IntoView {
    let Playback {
        step,
        playing,
        speed,
        unit,
        ..
    } = playback;
    // Larger moves are offered once a run is long enough for them to matter: each at most a tenth of it.
    let units: Vec<u64> = MOVE_UNITS
        .into_iter()
        .filter(|&u| u == 1 || u.saturating_mul(10) <= last_step)
        .collect();
    // The options as markup (numbers only): a view per option costs more code than their words.
    let unit_choice = (units.len() > 1).then(|| {
        let options: String = units
            .iter()
            .map(|u| format!(r#"<option value="{u}">{}</option>"#, steps_text(*u)))
            .collect();
        view! {
            <label class="unit">
                "Move by "
                <select data-testid="unit" inner_html=options prop:value=move || unit.get().to_string()
                    on:change=move |e| unit.set(event_target_value(&e).parse().unwrap_or(1))>
                </select>
            </label>
        }
    });
    let speed_text = move || {
        let per_second = speed.get() * unit.get() as f64;
        let text = url_state::format_speed(per_second);
        // A rate, not a count: only exactly one step per second is singular.
        let steps = if text == "1" { "step" } else { "steps" };
        format!("{text} {steps} per second")
    };
    view! {
        <div class="controls" role="toolbar" aria-label="Playback">
            <button data-testid="reset" aria-label="First step (Home)"
                on:click=move |_| playback.go(0, last_step)>"|◀"</button>
            <button data-testid="back" aria-label="Step back (←)"
                on:click=move |_| playback.moves(-1, last_step) disabled=move || step.get() == 0>"◀"</button>
            <button data-testid="play" class="primary" on:click=move |_| playback.toggle(last_step)
                aria-label=move || if playing.get() { "Pause (Space)" } else { "Play (Space)" }>
                {move || if playing.get() { "Pause" } else { "Play" }}
            </button>
            <button data-testid="step" aria-label="Step forward (→)"
                on:click=move |_| playback.moves(1, last_step)
                disabled=move || { step.get() >= last_step }>"▶"</button>
            <button data-testid="end" aria-label="Last step (End)"
                on:click=move |_| playback.go(last_step, last_step)>"▶|"</button>
            <label class="scrubber">
                <span class="visually-hidden">"Step"</span>
                <input type="range" data-testid="scrubber" min="0" max=last_step step="1"
                    aria-valuetext=move || format!("step {} of {last_step}", step.get())
                    prop:value=move || step.get().to_string()
                    on:input=move |e| playback.go(event_target_value(&e).parse().unwrap_or(0), last_step) />
            </label>
            <span class="step-count" data-testid="step-count">
                "Step " {move || step.get()} " / " {last_step}
            </span>
            <label class="speed">
                "Speed "
                <input type="range" data-testid="speed" min="0" max="100" step="any"
                    aria-valuetext=speed_text
                    prop:value=move || crate::decimal::fixed(slider_from_speed(speed.get()), 2)
                    on:input=move |e| speed.set(speed_from_slider(crate::decimal::parse(&event_target_value(&e)).unwrap_or(50.0))) />
                <output data-testid="speed-value">{move || format!("{}/s", url_state::format_speed(speed.get()))}</output>
            </label>
            {unit_choice}
            <button data-testid="help" aria-label="Keyboard shortcuts (?)"
                on:click=move |_| help_open.set(true)>"?"</button>
        </div>
        <HelpDialog help_open=help_open />
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_move_size_groups_its_thousands() {
        assert_eq!(steps_text(1), "1 step");
        assert_eq!(steps_text(100), "100 steps");
        assert_eq!(steps_text(1_000), "1,000 steps");
        assert_eq!(steps_text(100_000), "100,000 steps");
    }

    #[test]
    fn the_speed_slider_maps_both_ways_across_its_range() {
        assert!((speed_from_slider(0.0) - MIN_SPEED).abs() < 1e-9);
        assert!((speed_from_slider(100.0) - MAX_SPEED).abs() < 1e-9);
        assert!((slider_from_speed(speed_from_slider(37.0)) - 37.0).abs() < 1e-9);
    }
}

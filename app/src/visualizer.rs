//! One algorithm's run: bars, playback, keyboard shortcuts, narration, pseudocode, variables, counters.
//!
//! The run is recorded once into a [`Timeline`]; the state is the current step (plus whether it plays and
//! how fast). Every view derives from the snapshot at that step, and each bar reads its own value and mark
//! through a memo, so a step re-renders only the bars that changed. Going back or scrubbing is a timeline
//! seek, never a replay from step 0.

use algorithms::catalogue::{self, Entry};
use algorithms::{ArrayFrame, AuxArray, DynMachine, Frame, Input, Mark, Snapshot, Timeline, Value};
use leptos::ev;
use leptos::prelude::*;

use crate::router::{navigate, query_param, use_location};

use crate::input_editor::InputEditor;
use crate::url_state::{self, MAX_SPEED, MIN_SPEED, Source, ViewState};

/// Up to this many values, each bar shows its number.
const LABELLED_BARS: usize = 32;
/// Auxiliary arrays longer than this (counting sort's counts) show their first cells only.
const AUX_CELLS_SHOWN: usize = 120;

fn array(snapshot: &Snapshot) -> &ArrayFrame {
    match &snapshot.frame {
        Frame::Array(frame) => frame,
    }
}

/// Where playback is; shared with the page so the address bar can follow it.
#[derive(Clone, Copy)]
pub struct Playback {
    pub step: RwSignal<u64>,
    pub playing: RwSignal<bool>,
    /// Steps per second.
    pub speed: RwSignal<f64>,
}

impl Playback {
    pub fn new(step: u64, speed: f64) -> Self {
        Playback {
            step: RwSignal::new(step),
            playing: RwSignal::new(false),
            speed: RwSignal::new(speed),
        }
    }
}

/// `/algorithms/:id`: the editor, the visualizer, and the address bar kept in step with both.
#[component]
pub fn VisualizerPage(id: String) -> impl IntoView {
    let Some(entry) = catalogue::find(&id) else {
        return view! { <crate::NotFound /> }.into_any();
    };
    let location = use_location();
    let search = location.search.get_untracked();
    let (state, mut problems) = url_state::parse(entry, |key| query_param(&search, key));
    // A link whose input the algorithm refuses opens on the default input and says why.
    let source = match state
        .source
        .input(entry)
        .map(|input| entry.validate(&input, algorithms::Mode::Step))
    {
        Ok(Ok(())) => state.source,
        Ok(Err(error)) => {
            problems.push(format!("the input in the link was refused: {error}"));
            Source::default_for(entry)
        }
        Err((_, message)) => {
            problems.push(format!("the input in the link was refused: {message}"));
            Source::default_for(entry)
        }
    };
    let source = RwSignal::new(source);
    let playback = Playback::new(state.step, state.speed);

    // The address bar follows the view while paused (replacing, so Back leaves the page as expected).
    Effect::new(move |_| {
        if playback.playing.get() {
            return;
        }
        let state = ViewState {
            source: source.get(),
            step: playback.step.get(),
            speed: playback.speed.get(),
        };
        let url = format!("/algorithms/{}?{}", entry.id, url_state::query(&state));
        navigate(location, &url, true);
    });

    let on_apply = Callback::new(move |new: Source| {
        playback.playing.set(false);
        playback.step.set(0);
        source.set(new);
    });

    view! {
        <section class="visualizer-page" aria-labelledby="algorithm-name">
            <header class="algorithm-header">
                <h1 id="algorithm-name">{entry.name}</h1>
                <p class="algorithm-summary">{entry.category.name()} " · " {entry.summary}</p>
            </header>
            {(!problems.is_empty()).then(|| view! {
                <p class="notice" role="status" data-testid="link-problems">
                    "Parts of this link were ignored: " {problems.join("; ")} "."
                </p>
            })}
            <InputEditor entry=entry source=source.get_untracked() on_apply=on_apply />
            {move || {
                let input = source.get().input(entry).unwrap_or_default();
                view! { <Visualizer entry=entry input=input playback=playback /> }
            }}
        </section>
    }
    .into_any()
}

#[component]
pub fn Visualizer(
    entry: &'static Entry,
    input: Input,
    /// Shared playback state; a fresh one at step 0 when absent.
    #[prop(optional)]
    playback: Option<Playback>,
) -> impl IntoView {
    let recorded = entry
        .start(input.clone())
        .map_err(|e| e.to_string())
        .and_then(|run| Timeline::record(run).map_err(|e| e.to_string()));
    let playback = playback.unwrap_or_else(|| Playback::new(0, url_state::DEFAULT_SPEED));
    match recorded {
        Ok(timeline) => {
            view! { <Player entry=entry input=input timeline=timeline playback=playback /> }
                .into_any()
        }
        Err(message) => {
            view! { <p class="error" role="alert" data-testid="run-error">{message}</p> }.into_any()
        }
    }
}

/// The speed slider is logarithmic: 0 → 0.25 steps/s, 100 → 64 steps/s.
fn speed_from_slider(position: f64) -> f64 {
    MIN_SPEED * (MAX_SPEED / MIN_SPEED).powf(position / 100.0)
}

fn slider_from_speed(speed: f64) -> f64 {
    100.0 * (speed / MIN_SPEED).ln() / (MAX_SPEED / MIN_SPEED).ln()
}

fn now_ms() -> f64 {
    window().performance().map_or(0.0, |p| p.now())
}

/// One animation frame of playback: advance by speed × elapsed time, several steps per frame when fast.
fn play_frame(playback: Playback, last_step: u64, clock: StoredValue<(f64, f64)>) {
    if !playback.playing.get_untracked() {
        return;
    }
    let now = now_ms();
    let (before, carried) = clock.get_value();
    let due = carried + (now - before).max(0.0) / 1000.0 * playback.speed.get_untracked();
    let whole = due.floor();
    clock.set_value((now, due - whole));
    if whole >= 1.0 {
        let next = (playback.step.get_untracked() + whole as u64).min(last_step);
        playback.step.set(next);
    }
    if playback.step.get_untracked() >= last_step {
        playback.playing.set(false);
    } else {
        request_animation_frame(move || play_frame(playback, last_step, clock));
    }
}

const SHORTCUTS: [(&str, &str); 8] = [
    ("Space", "Play or pause"),
    ("← / →", "One step back / forward"),
    ("Shift + ← / →", "Ten steps back / forward"),
    ("Home / End", "First / last step"),
    ("+ / −", "Faster / slower (×2)"),
    ("?", "Show or hide this help"),
    ("Esc", "Close this help"),
    ("Tab", "Move between controls"),
];

#[component]
fn Player(
    entry: &'static Entry,
    input: Input,
    timeline: Timeline<Box<dyn DynMachine>>,
    playback: Playback,
) -> impl IntoView {
    let Playback {
        step,
        playing,
        speed,
    } = playback;
    let n = input.values.len();
    let last_step = timeline.last_step();
    if step.get_untracked() > last_step {
        step.set(last_step);
    }
    let timeline = StoredValue::new_local(timeline);
    let snapshot = Memo::new(move |_| timeline.with_value(|t| t.seek(step.get())));
    let at_end = Memo::new(move |_| step.get() >= last_step);
    let help_open = RwSignal::new(false);

    let go = move |to: u64| step.set(to.min(last_step));
    let by = move |delta: i64| {
        let here = step.get_untracked() as i64;
        go((here + delta).max(0) as u64);
    };
    let clock = StoredValue::new((0.0, 0.0));
    let toggle_play = move || {
        if playing.get_untracked() {
            playing.set(false);
        } else {
            if step.get_untracked() >= last_step {
                step.set(0);
            }
            clock.set_value((now_ms(), 0.0));
            playing.set(true);
            request_animation_frame(move || play_frame(playback, last_step, clock));
        }
    };
    let pause_then = move |action: &dyn Fn()| {
        playing.set(false);
        action();
    };
    let scale_speed =
        move |factor: f64| speed.update(|s| *s = (*s * factor).clamp(MIN_SPEED, MAX_SPEED));

    // Keyboard shortcuts, page-wide, except while typing in a field.
    let handle = window_event_listener(ev::keydown, move |event| {
        let typing = event
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
        if typing || event.ctrl_key() || event.meta_key() || event.alt_key() {
            return;
        }
        let ten = if event.shift_key() { 10 } else { 1 };
        let handled = match event.key().as_str() {
            " " if !matches!(
                event
                    .target()
                    .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
                    .map(|e| e.tag_name())
                    .as_deref(),
                Some("BUTTON")
            ) =>
            {
                toggle_play();
                true
            }
            "ArrowRight" => {
                pause_then(&|| by(ten));
                true
            }
            "ArrowLeft" => {
                pause_then(&|| by(-ten));
                true
            }
            "Home" => {
                pause_then(&|| go(0));
                true
            }
            "End" => {
                pause_then(&|| go(last_step));
                true
            }
            "+" | "=" => {
                scale_speed(2.0);
                true
            }
            "-" | "_" => {
                scale_speed(0.5);
                true
            }
            "?" => {
                help_open.update(|open| *open = !*open);
                true
            }
            "Escape" if help_open.get_untracked() => {
                help_open.set(false);
                true
            }
            _ => false,
        };
        if handled {
            event.prevent_default();
        }
    });
    on_cleanup(move || handle.remove());

    // Bar heights scale between the smallest and largest value of the input.
    let low = input.values.iter().copied().min().unwrap_or(0).min(0);
    let high = input.values.iter().copied().max().unwrap_or(0);
    let height = move |value: i64| {
        let span = (high - low).max(1) as f64;
        format!("{:.1}%", 4.0 + 96.0 * (value - low) as f64 / span)
    };
    let labelled = n <= LABELLED_BARS;
    // One signal per bar and property, set only when its value changes: a step notifies just the bars it
    // changed. (A memo per bar would re-run all n of them on every step.)
    let bar_state = move |s: &Snapshot| {
        let frame = array(s);
        let marks = frame.dense_marks();
        (0..n)
            .map(|i| {
                let outside = frame.active.is_some_and(|(from, to)| i < from || i >= to);
                (frame.values[i], marks[i], outside)
            })
            .collect::<Vec<_>>()
    };
    let cells: Vec<RwSignal<(i64, Option<Mark>, bool)>> = snapshot
        .with_untracked(bar_state)
        .into_iter()
        .map(RwSignal::new)
        .collect();
    let targets = cells.clone();
    Effect::new(move |_| {
        let next = snapshot.with(bar_state);
        for (cell, state) in targets.iter().zip(next) {
            if cell.get_untracked() != state {
                cell.set(state);
            }
        }
    });
    let bars = cells
        .into_iter()
        .map(|cell| {
            let value = move || cell.with(|c| c.0);
            view! {
                <div
                    class="bar"
                    class:outside=move || cell.with(|c| c.2)
                    data-testid="bar"
                    data-value=value
                    data-mark=move || cell.with(|c| c.1.map(|m| m.name()))
                    style:height=move || height(value())
                >
                    {labelled.then(|| view! { <span class="bar-label">{value}</span> })}
                </div>
            }
        })
        .collect_view();
    let pointers = move || {
        snapshot.with(|s| {
            array(s)
                .pointers
                .iter()
                .map(|p| {
                    let left = format!("{:.2}%", (p.index as f64 + 0.5) / n.max(1) as f64 * 100.0);
                    view! {
                        <span class="pointer" data-testid="pointer" data-name=p.name.clone() style:left=left>
                            "▲" <br /> {p.name.clone()}
                        </span>
                    }
                })
                .collect_view()
        })
    };
    let aux = move || snapshot.with(|s| array(s).aux.iter().map(aux_array).collect_view());

    let pseudocode = entry
        .pseudocode
        .iter()
        .enumerate()
        .map(|(line, text)| {
            let current = move || snapshot.with(|s| s.line == line);
            view! {
                <li class:current=current aria-current=move || current().then_some("step")>
                    <code>{*text}</code>
                </li>
            }
        })
        .collect_view();
    let variables = move || {
        snapshot.with(|s| {
            s.variables
                .iter()
                .map(|v| {
                    let value = match v.value {
                        Some(Value::Int(i)) => i.to_string(),
                        Some(Value::Bool(b)) => b.to_string(),
                        None => "—".to_owned(),
                    };
                    view! { <dt>{v.name.clone()}</dt> <dd data-testid=format!("var-{}", v.name)>{value}</dd> }
                })
                .collect_view()
        })
    };
    let counter = move |name: &'static str, read: fn(&Snapshot) -> u64| {
        view! {
            <dt>{name}</dt>
            <dd data-testid=name.to_lowercase()>{move || snapshot.with(read)}</dd>
        }
    };
    let complexity = entry.complexity;
    let yes_no = |v: Option<bool>| v.map_or("—", |b| if b { "yes" } else { "no" });

    view! {
        <section class="visualizer" aria-label=format!("{} run", entry.name)>
            <div class="stage">
                <div class="bars" data-testid="bars" role="img"
                    aria-label=format!("The array of {n} values as bars")>
                    {bars}
                </div>
                <div class="pointers" aria-hidden="true">{pointers}</div>
                <div class="aux-arrays">{aux}</div>
                <ul class="legend" aria-label="Colours">
                    {Mark::ALL.map(|m| view! {
                        <li><span class="swatch" data-mark=m.name()></span>{m.name()}</li>
                    }).collect_view()}
                </ul>
            </div>
            <div class="controls" role="toolbar" aria-label="Playback">
                <button data-testid="reset" aria-label="First step (Home)"
                    on:click=move |_| pause_then(&|| go(0))>"|◀"</button>
                <button data-testid="back" aria-label="Step back (←)"
                    on:click=move |_| pause_then(&|| by(-1)) disabled=move || step.get() == 0>"◀"</button>
                <button data-testid="play" class="primary" on:click=move |_| toggle_play()
                    aria-label=move || if playing.get() { "Pause (Space)" } else { "Play (Space)" }>
                    {move || if playing.get() { "Pause" } else { "Play" }}
                </button>
                <button data-testid="step" aria-label="Step forward (→)"
                    on:click=move |_| pause_then(&|| by(1)) disabled=move || at_end.get()>"▶"</button>
                <button data-testid="end" aria-label="Last step (End)"
                    on:click=move |_| pause_then(&|| go(last_step))>"▶|"</button>
                <label class="scrubber">
                    <span class="visually-hidden">"Step"</span>
                    <input type="range" data-testid="scrubber" min="0" max=last_step step="1"
                        prop:value=move || step.get().to_string()
                        on:input=move |e| {
                            playing.set(false);
                            go(event_target_value(&e).parse().unwrap_or(0));
                        } />
                </label>
                <span class="step-count" data-testid="step-count">
                    "Step " {move || step.get()} " / " {last_step}
                </span>
                <label class="speed">
                    "Speed "
                    <input type="range" data-testid="speed" min="0" max="100" step="any"
                        prop:value=move || slider_from_speed(speed.get()).to_string()
                        on:input=move |e| speed.set(speed_from_slider(event_target_value(&e).parse().unwrap_or(50.0))) />
                    <output data-testid="speed-value">{move || format!("{}/s", url_state::format_speed(speed.get()))}</output>
                </label>
                <button data-testid="help" aria-label="Keyboard shortcuts (?)"
                    on:click=move |_| help_open.set(true)>"?"</button>
            </div>
            <p class="narration" data-testid="narration" aria-live="polite">
                {move || snapshot.with(|s| s.narration.clone())}
            </p>
            <div class="panels">
                <ol class="pseudocode" data-testid="pseudocode" start="0" aria-label="Pseudocode">{pseudocode}</ol>
                <div class="side-panels">
                    <h3>"Variables"</h3>
                    <dl class="variables" data-testid="variables">{variables}</dl>
                    <h3>"Counters"</h3>
                    <dl class="counters" data-testid="counters">
                        {counter("Comparisons", |s| s.counters.comparisons)}
                        {counter("Swaps", |s| s.counters.swaps)}
                        {counter("Reads", |s| s.counters.reads)}
                        {counter("Writes", |s| s.counters.writes)}
                    </dl>
                    <h3>"Complexity"</h3>
                    <table class="complexity" data-testid="complexity">
                        <tbody>
                            <tr><th scope="row">"Best"</th><td>{complexity.best}</td></tr>
                            <tr><th scope="row">"Average"</th><td>{complexity.average}</td></tr>
                            <tr><th scope="row">"Worst"</th><td>{complexity.worst}</td></tr>
                            <tr><th scope="row">"Space"</th><td>{complexity.space}</td></tr>
                            <tr><th scope="row">"Stable"</th><td>{yes_no(entry.stable)}</td></tr>
                            <tr><th scope="row">"In place"</th><td>{yes_no(entry.in_place)}</td></tr>
                        </tbody>
                    </table>
                </div>
            </div>
            <Show when=move || help_open.get()>
                <div class="overlay" on:click=move |_| help_open.set(false)>
                    <div class="help" role="dialog" aria-modal="true" aria-labelledby="help-title"
                        data-testid="help-overlay" on:click=|e| e.stop_propagation()>
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
                </div>
            </Show>
        </section>
    }
}

fn aux_array(aux: &AuxArray) -> impl IntoView + use<> {
    let shown = aux.values.len().min(AUX_CELLS_SHOWN);
    let cells = (0..shown)
        .map(|i| {
            let mark = aux
                .marks
                .iter()
                .find(|(at, _)| *at == i)
                .map(|(_, m)| m.name());
            let text = aux.values[i].map_or(String::new(), |v| v.to_string());
            view! { <span class="cell" data-mark=mark>{text}</span> }
        })
        .collect_view();
    let more = (aux.values.len() > shown).then(|| format!("… {} more", aux.values.len() - shown));
    view! {
        <div class="aux" data-testid="aux">
            <span class="aux-name">{aux.name.clone()}</span>
            <div class="cells">{cells} {more}</div>
        </div>
    }
}

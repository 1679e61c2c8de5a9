//! One algorithm's run: the bars, the playback controls, the narration and the pseudocode.
//!
//! The run is recorded once into a [`Timeline`]; the only state is the current step. Every view is derived
//! from the snapshot at that step, and each bar reads its own value and mark, so a step re-renders only the
//! bars that changed.

use std::time::Duration;

use algorithms::catalogue::Entry;
use algorithms::{ArrayFrame, DynMachine, Frame, Input, Snapshot, Timeline};
use leptos::prelude::*;

const PLAY_INTERVAL: Duration = Duration::from_millis(400);

fn array(snapshot: &Snapshot) -> &ArrayFrame {
    match &snapshot.frame {
        Frame::Array(frame) => frame,
    }
}

#[component]
pub fn Visualizer(entry: &'static Entry, input: Input) -> impl IntoView {
    let recorded = entry
        .start(input.clone())
        .map_err(|e| e.to_string())
        .and_then(|run| Timeline::record(run).map_err(|e| e.to_string()));
    match recorded {
        Ok(timeline) => view! { <Player entry=entry input=input timeline=timeline /> }.into_any(),
        Err(message) => {
            view! { <p class="error" role="alert" data-testid="run-error">{message}</p> }.into_any()
        }
    }
}

#[component]
fn Player(
    entry: &'static Entry,
    input: Input,
    timeline: Timeline<Box<dyn DynMachine>>,
) -> impl IntoView {
    let n = input.values.len();
    let last_step = timeline.last_step();
    let timeline = StoredValue::new_local(timeline);
    let step = RwSignal::new(0u64);
    let snapshot = Memo::new(move |_| timeline.with_value(|t| t.seek(step.get())));
    let marks = Memo::new(move |_| snapshot.with(|s| array(s).dense_marks()));
    let finished = Memo::new(move |_| step.get() >= last_step);
    let playing = RwSignal::new(false);

    let forward = move || step.update(|s| *s = (*s + 1).min(last_step));
    let reset = move || {
        playing.set(false);
        step.set(0);
    };

    // Playback is a timer: the one piece of the outside world this component syncs with.
    let timer = StoredValue::new(None::<IntervalHandle>);
    Effect::new(move |_| {
        if let Some(handle) = timer.try_update_value(Option::take).flatten() {
            handle.clear();
        }
        if playing.get() {
            let handle = set_interval_with_handle(
                move || {
                    if finished.get_untracked() {
                        playing.set(false);
                    } else {
                        forward();
                    }
                },
                PLAY_INTERVAL,
            )
            .ok();
            timer.set_value(handle);
        }
    });

    // Bar heights scale between the smallest and largest value of the input.
    let low = input.values.iter().copied().min().unwrap_or(0);
    let high = input.values.iter().copied().max().unwrap_or(0);
    let height = move |value: i64| {
        let span = (high - low).max(1) as f64;
        format!("{:.1}%", 8.0 + 92.0 * (value - low) as f64 / span)
    };

    let bars = (0..n)
        .map(|i| {
            let value = Memo::new(move |_| snapshot.with(|s| array(s).values[i]));
            let mark = Memo::new(move |_| marks.with(|m| m[i]));
            view! {
                <div
                    class="bar"
                    data-testid="bar"
                    data-value=move || value.get()
                    data-mark=move || mark.get().map(|m| m.name())
                    style:height=move || height(value.get())
                >
                    <span class="bar-label">{move || value.get()}</span>
                </div>
            }
        })
        .collect_view();

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

    view! {
        <section class="visualizer" aria-label=entry.name>
            <h2>{entry.name}</h2>
            <div class="bars" data-testid="bars" role="img" aria-label="The array as bars">
                {bars}
            </div>
            <div class="controls" role="toolbar" aria-label="Playback">
                <button data-testid="step" on:click=move |_| forward() disabled=move || finished.get()>
                    "Step"
                </button>
                <button
                    data-testid="play"
                    on:click=move |_| playing.update(|p| *p = !*p)
                    disabled=move || finished.get()
                >
                    {move || if playing.get() { "Pause" } else { "Play" }}
                </button>
                <button data-testid="reset" on:click=move |_| reset()>"Reset"</button>
                <span class="step-count" data-testid="step-count">
                    "Step " {move || step.get()}
                </span>
            </div>
            <p class="narration" data-testid="narration" aria-live="polite">
                {move || snapshot.with(|s| s.narration.clone())}
            </p>
            <div class="panels">
                <ol class="pseudocode" data-testid="pseudocode" start="0">{pseudocode}</ol>
                <dl class="counters" data-testid="counters">
                    <dt>"Comparisons"</dt>
                    <dd data-testid="comparisons">{move || snapshot.with(|s| s.counters.comparisons)}</dd>
                    <dt>"Swaps"</dt>
                    <dd data-testid="swaps">{move || snapshot.with(|s| s.counters.swaps)}</dd>
                </dl>
            </div>
        </section>
    }
}

//! One algorithm's run: the bars, the playback controls, the narration and the pseudocode.

use std::time::Duration;

use algorithms::sorting::bubble::{self, BubbleSort};
use algorithms::{ArrayFrame, Frame, Machine, Snapshot};
use leptos::prelude::*;

const PLAY_INTERVAL: Duration = Duration::from_millis(400);

fn array(snapshot: &Snapshot) -> &ArrayFrame {
    match &snapshot.frame {
        Frame::Array(frame) => frame,
    }
}

#[component]
pub fn Visualizer(input: Vec<i64>) -> impl IntoView {
    let n = input.len();
    let input = StoredValue::new(input);
    let machine = RwSignal::new(BubbleSort::new(input.get_value()));
    let snapshot = Memo::new(move |_| machine.with(Machine::snapshot));
    let finished = Memo::new(move |_| snapshot.with(|s| s.finished));
    let playing = RwSignal::new(false);

    let step = move || {
        machine.update(|m| {
            m.advance();
        })
    };
    let reset = move || {
        playing.set(false);
        machine.set(BubbleSort::new(input.get_value()));
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
                        step();
                    }
                },
                PLAY_INTERVAL,
            )
            .ok();
            timer.set_value(handle);
        }
    });

    // Bar heights scale between the smallest and largest value of the input.
    let (low, high) = input.with_value(|v| {
        (
            v.iter().copied().min().unwrap_or(0),
            v.iter().copied().max().unwrap_or(0),
        )
    });
    let height = move |value: i64| {
        let span = (high - low).max(1) as f64;
        format!("{:.1}%", 8.0 + 92.0 * (value - low) as f64 / span)
    };

    let bars = (0..n)
        .map(|i| {
            let value = Memo::new(move |_| snapshot.with(|s| array(s).values[i]));
            let mark = Memo::new(move |_| snapshot.with(|s| array(s).mark_of(i)));
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

    let pseudocode = bubble::PSEUDOCODE
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
        <section class="visualizer" aria-label="Bubble sort">
            <h2>"Bubble sort"</h2>
            <div class="bars" data-testid="bars" role="img" aria-label="The array as bars">
                {bars}
            </div>
            <div class="controls" role="toolbar" aria-label="Playback">
                <button data-testid="step" on:click=move |_| step() disabled=move || finished.get()>
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
                    "Step " {move || snapshot.with(|s| s.step)}
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

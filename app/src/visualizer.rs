//! One algorithm's run: bars, playback, keyboard shortcuts, narration, pseudocode, variables, counters.
//!
//! The run is recorded once, as a timeline in its family's engine (`crate::engines`); the state is the
//! current step (plus whether it plays and how fast). Every view derives from the snapshot at that step, and each bar reads its own value and mark
//! through a memo, so a step re-renders only the bars that changed. Going back or scrubbing is a timeline
//! seek, never a replay from step 0.

use algorithms::catalogue::{self, Card};
use algorithms::{Input, Snapshot, Value};
use leptos::prelude::*;

use crate::router::{Link, query_param, use_location};

use crate::array_view::ArrayStage;
use crate::engines::{EngineRun, WithEngines};
use crate::export::{ExportBar, Imported};
use crate::input_editor::InputEditor;
use crate::playback::{
    Controls, Playback, follow_in_address, install_shortcuts, record_finished_runs,
};
use crate::url_state::{self, Source, ViewState};

/// `/algorithms/:id`: the editor, the visualizer, and the address bar kept in step with both.
#[component]
pub fn VisualizerPage(id: String) -> impl IntoView {
    let Some(entry) = catalogue::card(&id) else {
        return view! { <crate::NotFound /> }.into_any();
    };
    let location = use_location();
    let search = location.search.get_untracked();
    let (state, mut problems) = url_state::parse(entry, |key| query_param(&search, key));
    // A link whose input the algorithm refuses opens on the default input and says why.
    let source = match state.source.input(entry) {
        Ok(_) => state.source,
        Err((_, message)) => {
            problems.push(format!("the input in the link was refused: {message}"));
            Source::default_for(entry)
        }
    };
    let source = RwSignal::new(source);
    let playback = Playback::new(state.step, state.speed);

    follow_in_address(location, playback, source, move |state| {
        let query = url_state::query(state);
        crate::sessions::remember(entry.id, &query, state.step);
        format!("/algorithms/{}?{query}", entry.id)
    });

    // An imported trace of this algorithm replaces the run in place; another algorithm's opens its page.
    let on_import = Callback::new(move |(imported, input, step): Imported| {
        let state = ViewState {
            source: Source::of(&input),
            step,
            speed: playback.speed.get_untracked(),
        };
        if imported.id == entry.id {
            playback.playing.set(false);
            source.set(state.source);
            playback.step.set(step);
        } else {
            let url = format!("/algorithms/{}?{}", imported.id, url_state::query(&state));
            crate::router::navigate(location, &url, false);
        }
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
                {move || {
                    let state = ViewState { source: source.get(), step: 0, speed: url_state::DEFAULT_SPEED };
                    view! {
                        <Link href=format!("/race?a={}&{}", entry.id, url_state::query(&state))>
                            "Race it against another algorithm"
                        </Link>
                    }
                }}
            </header>
            <crate::LinkProblems problems=problems />
            <InputEditor entry=entry source=source.get_untracked() on_apply=on_apply />
            {move || {
                let input = source.get().input(entry).unwrap_or_default();
                view! { <Visualizer entry=entry input=input playback=playback on_import=on_import /> }
            }}
        </section>
    }
    .into_any()
}

#[component]
pub fn Visualizer(
    entry: &'static Card,
    input: Input,
    /// Shared playback state; a fresh one at step 0 when absent.
    #[prop(optional)]
    playback: Option<Playback>,
    /// What to do with an imported trace; without it the import control is not shown.
    #[prop(optional)]
    on_import: Option<Callback<Imported>>,
) -> impl IntoView {
    let playback = playback.unwrap_or_else(|| Playback::new(0, url_state::DEFAULT_SPEED));
    view! {
        <WithEngines families=vec![entry.family()]>
            {match EngineRun::open(entry, &input) {
                Ok(run) => view! {
                    <Player entry=entry input=input.clone() run=run playback=playback on_import=on_import />
                }
                .into_any(),
                Err(message) => {
                    view! { <p class="error" role="alert" data-testid="run-error">{message}</p> }.into_any()
                }
            }}
        </WithEngines>
    }
}

#[component]
fn Player(
    entry: &'static Card,
    input: Input,
    run: EngineRun,
    playback: Playback,
    on_import: Option<Callback<Imported>>,
) -> impl IntoView {
    let step = playback.step;
    let last_step = run.last_step();
    if step.get_untracked() > last_step {
        step.set(last_step);
    }
    let run = StoredValue::new(run);
    let snapshot = Memo::new(move |_| run.with_value(|r| r.seek(step.get())));
    let help_open = RwSignal::new(false);
    install_shortcuts(playback, last_step, help_open);
    record_finished_runs(playback, vec![entry.id]);

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
            <ArrayStage snapshot=snapshot values=input.values.clone() legend=true />
            <Controls playback=playback last_step=last_step help_open=help_open />
            <p class="narration" data-testid="narration" aria-live="polite">
                {move || snapshot.with(|s| s.narration.clone())}
            </p>
            <div class="panels">
                <ol class="pseudocode" data-testid="pseudocode" start="0" aria-label="Pseudocode">{pseudocode}</ol>
                <div class="side-panels">
                    <h2>"Variables"</h2>
                    <dl class="variables" data-testid="variables">{variables}</dl>
                    <h2>"Counters"</h2>
                    <dl class="counters" data-testid="counters">
                        {counter("Comparisons", |s| s.counters.comparisons)}
                        {counter("Swaps", |s| s.counters.swaps)}
                        {counter("Reads", |s| s.counters.reads)}
                        {counter("Writes", |s| s.counters.writes)}
                    </dl>
                    <h2>"Complexity"</h2>
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
            {match on_import {
                Some(on_import) => view! { <ExportBar entry=entry run=run input=input.clone() snapshot=snapshot on_import=on_import /> }.into_any(),
                None => view! { <ExportBar entry=entry run=run input=input.clone() snapshot=snapshot /> }.into_any(),
            }}
        </section>
    }
}

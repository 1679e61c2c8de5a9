//! One algorithm's run: bars, playback, keyboard shortcuts, narration, pseudocode, variables, counters.
//!
//! The run is recorded once, as a timeline in its family's engine (`crate::engines`); the state is the
//! current step (plus whether it plays and how fast). Every view derives from the snapshot at that step, and each bar reads its own value and mark
//! through a memo, so a step re-renders only the bars that changed. Going back or scrubbing is a timeline
//! seek, never a replay from step 0.

use algorithms::catalogue::Card;
use algorithms::{Input, Snapshot, Value};
use leptos::prelude::*;

use crate::router::{Link, query_param, use_location};

use crate::engines::{EngineRun, WithEngines};
use crate::export::Imported;
use crate::kind::Kind;
use crate::playback::{
    Controls, Playback, follow_in_address, install_shortcuts, record_finished_runs,
};
use crate::sessions::{self, Place, SessionSync, Status};
#[cfg(feature = "grids")]
use crate::url_state::Source;
use crate::url_state::{self, ViewState};

/// What the page says about its session on the server: resumed and verified, a step that no longer
/// matches, or two copies to choose from. The blocks stay in the document and show when they apply (less
/// code than views created and dropped).
#[component]
fn SessionNotice(
    sync: SessionSync,
    place: impl Fn() -> Option<Place> + Copy + Send + Sync + 'static,
    open: impl Fn(Place) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let status = sync.status;
    let shows = move |kind: u8| {
        move || {
            status.with(|s| match s {
                Status::None => 0,
                Status::Verified(_) => 1,
                Status::Mismatch(_) => 2,
                Status::Choose(_) => 3,
            }) != kind
        }
    };
    let step = move || {
        status.with(|s| match s {
            Status::Verified(step) | Status::Mismatch(step) => *step,
            _ => 0,
        })
    };
    let choice = move || {
        status.with(|s| match s {
            Status::Choose(choice) => Some((**choice).clone()),
            _ => None,
        })
    };
    let restart = move |_| {
        if let Some(place) = place() {
            open(Place { step: 0, ..place });
        }
        status.set(Status::None);
    };
    let keep_this = move |_| {
        if let (Some(choice), Some(place)) = (choice(), place()) {
            sync.keep_this(&choice, place);
        }
    };
    let take_other = move |_| {
        if let Some(choice) = choice() {
            let speed = place().map_or(url_state::DEFAULT_SPEED, |p| p.speed);
            sync.take_other(&choice, speed, open);
        }
    };
    view! {
        <p class="notice" role="status" data-testid="session-status" hidden=shows(1)>
            "Resumed at step " {step} ", the same step as saved."
        </p>
        <div class="notice" role="alert" data-testid="session-mismatch" hidden=shows(2)>
            "Step " {step} " is not what was saved there: the algorithm has changed since, so this view \
             differs from the saved one. "
            <button on:click=restart>"Restart from step 0"</button>
        </div>
        <div class="notice session-choice" role="alert" data-testid="session-choice" hidden=shows(3)>
            <p>"This run was moved on another device. Both places are kept until you choose:"</p>
            <button data-testid="keep-this" on:click=keep_this>
                {move || choice().map(|c| format!("This device: step {}, {}", c.this_step, sessions::ago(c.this_updated)))}
            </button>
            <button data-testid="take-other" on:click=take_other>
                {move || choice().map(|c| format!("Other device: step {}, {}", c.other.step, sessions::ago(c.other.updated_ms())))}
            </button>
        </div>
    }
}

/// What the quiz page puts beside a run (the plain visualizer links none of it).
pub type QuizSlot = fn(&'static Card, StoredValue<EngineRun>, Playback) -> AnyView;

/// The run's drawing at a step: its kind's [`Kind::stage`].
pub type StageFn = fn(&'static Card, Memo<Snapshot>, &Input, bool) -> AnyView;

/// The export and import bar under a run (the quiz page links none of it).
pub type ExportSlot = fn(
    &'static Card,
    StoredValue<EngineRun>,
    Input,
    Memo<Snapshot>,
    Option<Callback<Imported>>,
) -> AnyView;

/// `/algorithms/:id` (and `/algorithms/:id/quiz` with `quiz`) for an entry of the kind `K`: the editor,
/// the visualizer, and the address bar kept in step with both.
pub fn visualizer_page<K: Kind>(
    id: &str,
    quiz: Option<QuizSlot>,
    export: Option<ExportSlot>,
) -> AnyView {
    // Like a component, the page reads what it starts from once: only its own signals re-render it.
    untrack(|| kind_page::<K>(id, quiz, export))
}

fn kind_page<K: Kind>(id: &str, quiz: Option<QuizSlot>, export: Option<ExportSlot>) -> AnyView {
    let Some(entry) = K::card(id) else {
        return view! { <crate::NotFound /> }.into_any();
    };
    let location = use_location();
    let search = location.search.get_untracked();
    let (state, mut problems) = url_state::parse_view::<K>(entry, |key| query_param(&search, key));
    // A link whose input the algorithm refuses opens on the default input and says why.
    let source = match K::input(entry, &state.source) {
        Ok(_) => state.source,
        Err((_, message)) => {
            problems.push(format!("the input in the link was refused: {message}"));
            K::default_for(entry)
        }
    };
    let source = RwSignal::new(source);
    let playback = Playback::new(state.step, state.speed);

    let open = move |place: Place| {
        playback.playing.set(false);
        playback.speed.set(place.speed);
        playback.step.set(place.step);
        source.set(K::of(&place.input));
    };
    let place = move || {
        source
            .with_untracked(|s| K::input(entry, s))
            .ok()
            .map(|input| Place {
                input,
                step: playback.step.get_untracked(),
                speed: playback.speed.get_untracked(),
            })
    };
    let resume = query_param(&search, "resume").is_some();
    let sync = place().map(|current| SessionSync::start(entry, current, resume, open));
    provide_context(sync);
    let mode = if quiz.is_some() { "/quiz" } else { "" };
    follow_in_address(location, playback, source, move |state| {
        let query = url_state::query_view::<K>(state);
        crate::sessions::remember(entry.id, &query, state.step);
        if let (Some(sync), Some(place)) = (sync, place()) {
            sync.save_soon(place, false);
        }
        format!("/algorithms/{}{mode}?{query}", entry.id)
    });
    // A request that outlives the page carries the last place when the tab is closed or hidden.
    let hide = window_event_listener(leptos::ev::pagehide, move |_| {
        if let (Some(sync), Some(place)) = (sync, place()) {
            sync.save_soon(place, true);
        }
    });
    on_cleanup(move || hide.remove());

    // An imported trace of this algorithm replaces the run in place; another algorithm's opens its page.
    let on_import = Callback::new(move |(imported, input, step): Imported| {
        let state = ViewState {
            source: K::of(&input),
            step,
            speed: playback.speed.get_untracked(),
        };
        if imported.id == entry.id {
            playback.playing.set(false);
            source.set(state.source);
            playback.step.set(step);
        } else {
            let url = format!(
                "/algorithms/{}?{}",
                imported.id,
                url_state::query_view::<K>(&state)
            );
            crate::router::navigate(location, &url, false);
        }
    });
    let on_apply = Callback::new(move |new: K::Source| {
        playback.playing.set(false);
        playback.step.set(0);
        source.set(new);
    });

    view! {
        <section class="visualizer-page" aria-labelledby="algorithm-name">
            <header class="algorithm-header">
                <h1 id="algorithm-name">{entry.name}{quiz.map(|_| " quiz")}</h1>
                <p class="algorithm-summary">{entry.category.name()} " · " {entry.summary}</p>
                {move || {
                    let state = ViewState { source: source.get(), step: 0, speed: url_state::DEFAULT_SPEED };
                    let here = ViewState { step: playback.step.get(), speed: playback.speed.get(), ..state.clone() };
                    let (other, label) = match quiz {
                        Some(_) => ("", "Leave the quiz"),
                        None => ("/quiz", "Quiz yourself: predict each step"),
                    };
                    let quiz_link = K::has_quiz(entry).then(|| view! {
                        {K::RACES.then_some(" · ")}
                        <Link href=format!("/algorithms/{}{other}?{}", entry.id, url_state::query_view::<K>(&here))>
                            {label}
                        </Link>
                    });
                    let race_link = K::RACES.then(|| view! {
                        <Link href=format!("/race?a={}&{}", entry.id, url_state::query_view::<K>(&state))>
                            "Race it against another algorithm"
                        </Link>
                    });
                    view! { {race_link} {quiz_link} }
                }}
            </header>
            <crate::LinkProblems problems=problems />
            {sync.map(|sync| view! { <SessionNotice sync=sync place=place open=open /> })}
            {K::editor(entry, source.into(), on_apply)}
            {move || {
                let input = source.with(|source| K::input(entry, source)).unwrap_or_default();
                view! { <Visualizer entry=entry input=input stage=K::stage playback=playback on_import=on_import quiz=quiz export=export /> }
            }}
        </section>
    }
    .into_any()
}

#[component]
pub fn Visualizer(
    entry: &'static Card,
    input: Input,
    /// The drawing of the entry's kind.
    stage: StageFn,
    /// Shared playback state; a fresh one at step 0 when absent.
    #[prop(optional)]
    playback: Option<Playback>,
    /// What to do with an imported trace; without it the import control is not shown.
    #[prop(optional)]
    on_import: Option<Callback<Imported>>,
    #[prop(default = None)] quiz: Option<QuizSlot>,
    #[prop(default = None)] export: Option<ExportSlot>,
) -> impl IntoView {
    let playback = playback.unwrap_or_else(|| Playback::new(0, url_state::DEFAULT_SPEED));
    view! {
        <WithEngines families=vec![entry.family()]>
            {match EngineRun::open(entry, &input) {
                Ok(run) => view! {
                    <Player entry=entry input=input.clone() stage=stage run=run playback=playback on_import=on_import quiz=quiz export=export />
                }
                .into_any(),
                Err(message) => {
                    view! { <p class="error" role="alert" data-testid="run-error">{message}</p> }.into_any()
                }
            }}
        </WithEngines>
    }
}

/// Under a finished maze, links that search it: the maze's final cells become a grid search's input.
#[cfg(feature = "grids")]
fn solve_link(
    entry: &'static Card,
    input: &Input,
    snapshot: Memo<Snapshot>,
) -> Option<impl IntoView + use<>> {
    let grid = input
        .grid
        .clone()
        .filter(|_| entry.input.grid.is_some_and(|r| r.maze))?;
    Some(move || {
        snapshot.with(|s| {
            s.finished.then(|| {
                let maze = crate::grid_view::maze_grid(crate::grid_view::grid_cells(s), &grid);
                let links = [("grid-astar", "A*"), ("grid-bfs", "breadth-first search"), ("grid-bidirectional", "bidirectional BFS")]
                    .map(|(id, name)| {
                        let state = ViewState {
                            source: Source::GridText { text: maze.to_text(), seed: None },
                            step: 0,
                            speed: url_state::DEFAULT_SPEED,
                        };
                        view! { " " <Link href=format!("/algorithms/{id}?{}", url_state::query(&state))>{name}</Link> }
                    });
                view! { <p class="solve" data-testid="solve-maze">"Solve this maze with" {links}</p> }
            })
        })
    })
}

#[cfg(not(feature = "grids"))]
fn solve_link(_: &'static Card, _: &Input, _: Memo<Snapshot>) -> Option<()> {
    None
}

#[component]
fn Player(
    entry: &'static Card,
    input: Input,
    stage: StageFn,
    run: EngineRun,
    playback: Playback,
    on_import: Option<Callback<Imported>>,
    quiz: Option<QuizSlot>,
    export: Option<ExportSlot>,
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
    verify_sessions(run, &input);

    let pseudocode = run
        .with_value(|run| run.pseudocode(entry))
        .into_iter()
        .enumerate()
        .map(|(line, text)| {
            let current = move || snapshot.with(|s| s.line == line);
            view! {
                <li class:current=current aria-current=move || current().then_some("step")>
                    <code>{text}</code>
                </li>
            }
        })
        .collect_view();
    let variables = move || {
        snapshot.with(|s| {
            s.variables
                .iter()
                .map(|v| {
                    let value = v.value.as_ref().map_or("—".to_owned(), Value::to_string);
                    view! { <dt>{v.name.clone()}</dt> <dd data-testid=format!("var-{}", v.name)>{value}</dd> }
                })
                .collect_view()
        })
    };
    let counters = entry
        .counters
        .iter()
        .map(|&counter| {
            view! {
                <dt>{counter.label()}</dt>
                <dd data-testid=counter.id()>{move || snapshot.with(|s| counter.of(&s.counters))}</dd>
            }
        })
        .collect_view();
    // The quiz's questions name positions: the bars carry theirs.
    #[cfg(feature = "arrays")]
    if quiz.is_some() {
        provide_context(crate::array_view::ShowPositions);
    }
    let complexity = entry.complexity;
    let yes_no = |v: Option<bool>| v.map_or("—", |b| if b { "yes" } else { "no" });

    view! {
        <section class="visualizer" aria-label=format!("{} run", entry.name)>
            // On a wide screen the player is one column and the pseudocode and variables the other, so
            // the data and the highlighted line are seen together.
            <div class="player-column">
            {stage(entry, snapshot, &input, true)}
            // Play and the narration stay in view: on a screen too short for the stage and them, the dock
            // keeps to the bottom edge until the page scrolls to its place.
            <div class="player-dock" data-testid="player-dock">
                <Controls playback=playback last_step=last_step help_open=help_open />
                <p class="narration" data-testid="narration" aria-live="polite">
                    {move || snapshot.with(|s| s.narration.clone())}
                </p>
            </div>
            {quiz.map(|quiz| quiz(entry, run, playback))}
            {solve_link(entry, &input, snapshot)}
            </div>
            <div class="panels">
                <ol class="pseudocode" data-testid="pseudocode" start="0" aria-label="Pseudocode" tabindex="0">{pseudocode}</ol>
                <div class="side-panels">
                    <h2>"Variables"</h2>
                    <dl class="variables" data-testid="variables">{variables}</dl>
                    <h2>"Counters"</h2>
                    <dl class="counters" data-testid="counters">
                        {counters}
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
            {export.map(|export| export(entry, run, input.clone(), snapshot, on_import))}
        </section>
    }
}

/// Hashes this run's snapshot at the step a resumed session names, once that session's run is the one
/// open, and tells the session whether it matches the server's hash.
fn verify_sessions(run: StoredValue<EngineRun>, input: &Input) {
    let Some(Some(sync)) = use_context::<Option<SessionSync>>() else {
        return;
    };
    let input = input.clone();
    Effect::new(move |_| {
        let Some((expected_input, step, expected)) = sync.verify.get() else {
            return;
        };
        if expected_input != input {
            return;
        }
        let Some(json) = run.try_with_value(|run| run.seek_json(step)) else {
            return;
        };
        leptos::task::spawn_local(async move {
            match sessions::hash(&json).await {
                Some(hash) => sync.verified(step, hash == expected),
                // No digest here (an insecure origin): nothing is claimed either way.
                None => sync.verify.set(None),
            }
        });
    });
}

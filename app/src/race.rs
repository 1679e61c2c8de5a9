//! Race mode: two algorithms of the same input kind on one input, stepped by one clock. Each lane seeks
//! its own timeline to the shared step (a finished lane stays on its last step); the counters are compared
//! live, and a line at the end says who finished first and at what cost.
//!
//! `/race?a=bubble-sort&b=insertion-sort&values=5,1,4&step=0&speed=8`

use algorithms::catalogue::Card;
use algorithms::{Counter, Counters, Input, Snapshot};
use leptos::prelude::*;

use crate::engines::{self, EngineRun, WithEngines};
use crate::playback::{
    Controls, Playback, follow_in_address, install_shortcuts, record_finished_runs,
};
use crate::router::{query_param, use_location};
use crate::stage::{drawn_card, drawn_cards};
use crate::url_state::{self, Source};

const DEFAULT_A: &str = "bubble-sort";
const DEFAULT_B: &str = "insertion-sort";

fn find_or(id: Option<String>, default: &str) -> &'static Card {
    id.and_then(|id| drawn_card(&id))
        .or_else(|| drawn_card(default))
        .or_else(|| drawn_cards().next())
        .expect("a race page draws some algorithms")
}

/// The other algorithms a race against `entry` may pick: same input kind, never itself.
fn rivals(entry: &Card) -> impl Iterator<Item = &'static Card> + '_ {
    drawn_cards().filter(move |other| {
        other.input.kind == entry.input.kind
                && other.id != entry.id
                // A maze generator races only another: they take a size, the searches a grid to search.
                && other.input.grid.map(|r| r.maze) == entry.input.grid.map(|r| r.maze)
    })
}

/// What algorithm A may be: those drawn like `entry` (arrays, or graphs: each kind's races are in the page
/// module that draws it).
fn candidates(entry: &Card) -> impl Iterator<Item = &'static Card> + '_ {
    drawn_cards().filter(move |other| other.frame == entry.frame)
}

struct Lane {
    entry: &'static Card,
    run: EngineRun,
}

fn record(entry: &'static Card, input: &Input) -> Result<Lane, String> {
    let run = EngineRun::open(entry, input).map_err(|e| format!("{}: {e}", entry.name))?;
    Ok(Lane { entry, run })
}

/// Both lanes on `source`'s input, or why not; needs both families' engines loaded.
fn lanes(a: &'static Card, b: &'static Card, source: &Source, playback: Playback) -> AnyView {
    let input = source.input(a).map_err(|(_, message)| message);
    // The input suits A (`Source::input` checked); recording B first reports its refusal at once.
    let lanes = input.and_then(|input| {
        let lane_b = record(b, &input)?;
        Ok((record(a, &input)?, lane_b, input))
    });
    match lanes {
        Ok((lane_a, lane_b, input)) => {
            view! { <Race lane_a=lane_a lane_b=lane_b input=input playback=playback /> }.into_any()
        }
        Err(message) => {
            view! { <p class="error" role="alert" data-testid="run-error">{message}</p> }.into_any()
        }
    }
}

#[component]
pub fn RacePage() -> impl IntoView {
    let location = use_location();
    let search = location.search.get_untracked();
    let a = RwSignal::new(find_or(query_param(&search, "a"), DEFAULT_A));
    let b = RwSignal::new({
        let b = find_or(query_param(&search, "b"), DEFAULT_B);
        if b.input.kind == a.get_untracked().input.kind && b.id != a.get_untracked().id {
            b
        } else {
            rivals(a.get_untracked())
                .next()
                .expect("every input kind has two algorithms")
        }
    });
    let (state, problems) = url_state::parse(a.get_untracked(), |key| query_param(&search, key));
    let source = RwSignal::new(state.source);
    let playback = Playback::new(state.step, state.speed);

    follow_in_address(location, playback, source, move |state| {
        format!(
            "/race?a={}&b={}&{}",
            a.get().id,
            b.get().id,
            url_state::query(state)
        )
    });

    let restart = move || {
        playback.playing.set(false);
        playback.step.set(0);
    };
    let choose_a = move |id: String| {
        if let Some(entry) = drawn_card(&id) {
            if b.get_untracked().input.kind != entry.input.kind || b.get_untracked().id == entry.id
            {
                b.set(rivals(entry).next().expect("a rival exists"));
            }
            if entry.input.kind != a.get_untracked().input.kind {
                source.set(Source::default_for(entry));
            }
            a.set(entry);
            restart();
        }
    };
    let choose_b = move |id: String| {
        if let Some(entry) = drawn_card(&id) {
            b.set(entry);
            restart();
        }
    };
    let on_apply = Callback::new(move |new: Source| {
        restart();
        source.set(new);
    });

    let options_a = move || {
        candidates(a.get())
            .map(|e| view! { <option value=e.id selected=a.get().id == e.id>{e.name}</option> })
            .collect_view()
    };
    // The other kinds' races (a graph race and a grid race share a page module; arrays have their own).
    let other_kind = move || {
        let frame = a.get().frame;
        [
            (algorithms::FrameKind::Array, "/race?a=bubble-sort&b=insertion-sort", "Race sorts and searches"),
            (algorithms::FrameKind::Graph, "/race?a=bfs&b=dfs", "Race graph algorithms"),
            (algorithms::FrameKind::Grid, "/race?a=grid-dijkstra&b=grid-astar", "Race grid searches"),
        ]
        .into_iter()
        .filter(|(kind, ..)| *kind != frame)
        .map(|(_, href, label)| view! { <crate::router::Link href=href.to_owned()>{label}</crate::router::Link> " " })
        .collect_view()
    };
    let options_b = move || {
        rivals(a.get())
            .map(|e| view! { <option value=e.id selected=b.get().id == e.id>{e.name}</option> })
            .collect_view()
    };

    let race = move || {
        let (a, b, source) = (a.get(), b.get(), source.get());
        view! {
            <WithEngines families=engines::families_of([a, b])>{lanes(a, b, &source, playback)}</WithEngines>
        }
    };

    view! {
        <section class="race-page" aria-labelledby="race-title">
            <h1 id="race-title">"Race"</h1>
            <p class="algorithm-summary">"Two algorithms, one input, one clock."</p>
            <crate::LinkProblems problems=problems />
            <p class="race-kind">{other_kind}</p>
            <div class="race-pick">
                <label>"Algorithm A "
                    <select data-testid="race-a" on:change=move |e| choose_a(event_target_value(&e))>{options_a}</select>
                </label>
                <label>"Algorithm B "
                    <select data-testid="race-b" on:change=move |e| choose_b(event_target_value(&e))>{options_b}</select>
                </label>
            </div>
            {move || crate::input_editor::editor(a.get(), source.into(), on_apply)}
            {race}
        </section>
    }
}

/// How one lane ended: its steps and the work its card declares (comparisons plus writes for arrays,
/// edges examined plus relaxations or nodes visited for graphs).
struct Finish {
    name: &'static str,
    steps: u64,
    work: u64,
    work_name: String,
}

/// The line that ends a race. Steps are each algorithm's own granularity, so "first to finish" and "less
/// work" are reported separately when they disagree; each comparison names the one it is about first.
fn verdict(a: &Finish, b: &Finish) -> String {
    let steps = |x: &Finish, y: &Finish| format!("{} vs {} steps", x.steps, y.steps);
    let work = |x: &Finish, y: &Finish| {
        if x.work_name == y.work_name {
            format!("{} vs {} {}", x.work, y.work, x.work_name)
        } else {
            format!("{} {} vs {} {}", x.work, x.work_name, y.work, y.work_name)
        }
    };
    // The first of each pair is the lesser; `None` when equal.
    let order = |x: u64, y: u64| match x.cmp(&y) {
        std::cmp::Ordering::Less => Some((a, b)),
        std::cmp::Ordering::Greater => Some((b, a)),
        std::cmp::Ordering::Equal => None,
    };
    match (order(a.steps, b.steps), order(a.work, b.work)) {
        (Some((f, s)), Some((l, _))) if std::ptr::eq(f, l) => format!(
            "{} wins: finished first ({}) with less work ({}).",
            f.name,
            steps(f, s),
            work(f, s)
        ),
        (Some((f, s)), Some((l, m))) => format!(
            "{} finished first ({}), but {} did less work ({}).",
            f.name,
            steps(f, s),
            l.name,
            work(l, m)
        ),
        (Some((f, s)), None) => format!(
            "{} finished first ({}); the work was equal ({}).",
            f.name,
            steps(f, s),
            work(f, s)
        ),
        (None, Some((l, m))) => format!(
            "Both finished together ({}); {} did less work ({}).",
            algorithms::plural(l.steps, "step", "steps"),
            l.name,
            work(l, m)
        ),
        (None, None) if a.work_name == b.work_name => format!(
            "A tie: {} and {} {} each.",
            algorithms::plural(a.steps, "step", "steps"),
            a.work,
            a.work_name
        ),
        (None, None) => format!(
            "A tie: {} each; {}.",
            algorithms::plural(a.steps, "step", "steps"),
            work(a, b)
        ),
    }
}

#[component]
fn Race(lane_a: Lane, lane_b: Lane, input: Input, playback: Playback) -> impl IntoView {
    let (last_a, last_b) = (lane_a.run.last_step(), lane_b.run.last_step());
    let last_step = last_a.max(last_b);
    if playback.step.get_untracked() > last_step {
        playback.step.set(last_step);
    }
    let help_open = RwSignal::new(false);
    install_shortcuts(playback, last_step, help_open);
    record_finished_runs(playback, vec![lane_a.entry.id, lane_b.entry.id]);
    let (entry_a, entry_b) = (lane_a.entry, lane_b.entry);
    let final_a = lane_a.run.seek(last_a).counters;
    let final_b = lane_b.run.seek(last_b).counters;
    let snapshot_a = lane_snapshot(lane_a, playback.step);
    let snapshot_b = lane_snapshot(lane_b, playback.step);

    // The counters either algorithm declares; one that the other does not count shows a dash there.
    let row = move |counter: Counter| {
        let read = move |entry: &'static Card, snapshot: Memo<Snapshot>| {
            move || {
                entry
                    .counters
                    .contains(&counter)
                    .then(|| snapshot.with(|s| counter.of(&s.counters)))
            }
        };
        let (a, b) = (read(entry_a, snapshot_a), read(entry_b, snapshot_b));
        let fewer = |x: Option<u64>, y: Option<u64>| x.zip(y).is_some_and(|(x, y)| x < y);
        let show = |v: Option<u64>| v.map_or("—".to_owned(), |v| v.to_string());
        view! {
            <tr>
                <th scope="row">{counter.label()}</th>
                <td class:fewer=move || fewer(a(), b()) data-testid=format!("race-a-{}", counter.id())>{move || show(a())}</td>
                <td class:fewer=move || fewer(b(), a()) data-testid=format!("race-b-{}", counter.id())>{move || show(b())}</td>
            </tr>
        }
    };
    let rows = Counter::ALL
        .iter()
        .filter(|c| entry_a.counters.contains(c) || entry_b.counters.contains(c))
        .map(|&c| row(c))
        .collect_view();
    let steps_row = move || {
        let a = move || playback.step.get().min(last_a);
        let b = move || playback.step.get().min(last_b);
        view! {
            <tr>
                <th scope="row">"Steps"</th>
                <td data-testid="race-a-steps">{a}</td>
                <td data-testid="race-b-steps">{b}</td>
            </tr>
        }
    };
    // Steps are each algorithm's own granularity, so "first to finish" and "less work" (the counters the
    // cards declare as work: comparisons plus writes for arrays, edges examined plus relaxations or nodes
    // visited for graphs) are reported separately when they disagree.
    let finish = |entry: &'static Card, steps: u64, counters: &Counters| Finish {
        name: entry.name,
        steps,
        work: entry.work.iter().map(|w| w.of(counters)).sum(),
        work_name: entry
            .work
            .iter()
            .map(|w| w.label().to_ascii_lowercase())
            .collect::<Vec<_>>()
            .join(" + "),
    };
    let (finish_a, finish_b) = (
        finish(entry_a, last_a, &final_a),
        finish(entry_b, last_b, &final_b),
    );
    let winner = move || {
        (playback.step.get() >= last_step).then(|| {
            let line = verdict(&finish_a, &finish_b);
            view! { <p class="winner" role="status" data-testid="winner">{line}</p> }
        })
    };
    let lane = move |entry: &'static Card,
                     snapshot: Memo<Snapshot>,
                     last: u64,
                     id: &'static str| {
        view! {
            <div class="lane" data-testid=id>
                <h2>{entry.name}
                    <span class="finished" hidden=move || { playback.step.get() < last }>" ✓ done"</span>
                </h2>
                {crate::stage::stage(entry, snapshot, &input, false)}
                <p class="narration" aria-live="off">{move || snapshot.with(|s| s.narration.clone())}</p>
            </div>
        }
    };

    view! {
        <Controls playback=playback last_step=last_step help_open=help_open />
        <div class="lanes">
            {lane(entry_a, snapshot_a, last_a, "lane-a")}
            {lane(entry_b, snapshot_b, last_b, "lane-b")}
        </div>
        <table class="race-counters" data-testid="race-counters">
            <thead><tr><th scope="col"><span class="visually-hidden">"Measure"</span></th><th scope="col">{entry_a.name}</th><th scope="col">{entry_b.name}</th></tr></thead>
            <tbody>
                {steps_row()}
                {rows}
            </tbody>
        </table>
        {winner}
    }
}

/// A lane shows its own run at the shared step, or its last step once it has finished.
fn lane_snapshot(lane: Lane, step: RwSignal<u64>) -> Memo<Snapshot> {
    let last = lane.run.last_step();
    let run = StoredValue::new(lane.run);
    Memo::new(move |_| run.with_value(|r| r.seek(step.get().min(last))))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lane(name: &'static str, steps: u64, work: u64, work_name: &str) -> Finish {
        Finish {
            name,
            steps,
            work,
            work_name: work_name.to_owned(),
        }
    }

    #[test]
    fn the_verdict_puts_the_winners_number_first_in_each_comparison() {
        let work = "comparisons + writes";
        // B finishes first and does less work: B's numbers lead, whichever lane B is.
        assert_eq!(
            verdict(&lane("A", 162, 90, work), &lane("B", 110, 40, work)),
            "B wins: finished first (110 vs 162 steps) with less work (40 vs 90 comparisons + writes)."
        );
        // Each comparison is led by its own winner.
        assert_eq!(
            verdict(&lane("A", 162, 40, work), &lane("B", 110, 90, work)),
            "B finished first (110 vs 162 steps), but A did less work (40 vs 90 comparisons + writes)."
        );
        assert_eq!(
            verdict(&lane("A", 50, 7, work), &lane("B", 50, 3, work)),
            "Both finished together (50 steps); B did less work (3 vs 7 comparisons + writes)."
        );
        assert_eq!(
            verdict(&lane("A", 1, 5, work), &lane("B", 1, 5, work)),
            "A tie: 1 step and 5 comparisons + writes each."
        );
        // Different kinds of work are each named.
        assert_eq!(
            verdict(
                &lane("Dijkstra", 30, 12, "edges examined + relaxations"),
                &lane("Prim", 20, 9, "edges examined + pushes")
            ),
            "Prim wins: finished first (20 vs 30 steps) with less work (9 edges examined + pushes vs 12 edges examined + relaxations)."
        );
    }
}

//! One harness for every algorithm in the catalogue: results against reference implementations on many
//! random inputs, the resume property at random steps, the timeline, and edge cases. Seeded, so a failure
//! reproduces. Native only: the same traces are checked in WebAssembly by `cross_platform.rs`.
#![cfg(not(target_arch = "wasm32"))]

mod oracles;

use algorithms::catalogue::{CATALOGUE, Category, Entry, InputKind};
use algorithms::input::VALUE_LIMIT;
use algorithms::{
    Counter, Frame, Input, InputError, Key, Machine, Mode, Shown, Snapshot, Timeline, Value,
};
use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestCaseError, TestRng, TestRunner};
use std::cell::RefCell;
use std::collections::HashMap;

const CASES: u32 = 1000;

fn runner() -> TestRunner {
    let config = Config {
        cases: CASES,
        failure_persistence: None,
        ..Config::default()
    };
    TestRunner::new_with_rng(config, TestRng::deterministic_rng(RngAlgorithm::ChaCha))
}

fn values(entry: &Entry, max_len: usize) -> BoxedStrategy<Vec<i64>> {
    match entry.input.max_span {
        // Counting-based sorts: a narrow band somewhere in the allowed range.
        Some(_) => (-VALUE_LIMIT..=VALUE_LIMIT - 600)
            .prop_flat_map(move |base| prop::collection::vec(base..=base + 600, 0..=max_len))
            .boxed(),
        None => {
            let value = prop_oneof![4 => -20i64..=20, 3 => -VALUE_LIMIT..=VALUE_LIMIT, 1 => Just(VALUE_LIMIT), 1 => Just(-VALUE_LIMIT)];
            prop::collection::vec(value, 0..=max_len).boxed()
        }
    }
}

/// Random inputs of the entry's kind: up to `max_len` values, or a graph of up to `max_len / 2` nodes.
fn inputs(entry: &'static Entry, max_len: usize) -> BoxedStrategy<Input> {
    match entry.input.kind {
        InputKind::Graph => oracles::inputs(entry, max_len / 2),
        InputKind::Grid => oracles::grid::inputs(entry, max_len / 3),
        InputKind::Tree(_) => oracles::tree::inputs(entry, max_len),
        // A seed in every sort's input, so randomized quicksort runs with a different one each case (the
        // others ignore it).
        InputKind::Array => (values(entry, max_len), any::<u64>())
            .prop_map(|(values, seed)| Input {
                values,
                target: None,
                seed: Some(seed),
                ..Input::default()
            })
            .boxed(),
        kind => values(entry, max_len)
            .prop_flat_map(move |mut values| {
                if kind == InputKind::SortedArrayWithTarget {
                    values.sort_unstable();
                }
                let present = if values.is_empty() {
                    Just(0).boxed()
                } else {
                    prop::sample::select(values.clone()).boxed()
                };
                let target = prop_oneof![present, -25i64..=25];
                (Just(values), target)
            })
            .prop_map(|(values, target)| Input {
                values,
                target: Some(target),
                seed: Some(target.unsigned_abs()),
                ..Input::default()
            })
            .boxed(),
    }
}

fn array(snapshot: &Snapshot) -> &[i64] {
    match &snapshot.frame {
        Frame::Array(frame) => &frame.values,
        other => panic!("an array algorithm draws array frames, not {other:?}"),
    }
}

fn variable(snapshot: &Snapshot, name: &str) -> Option<Value> {
    snapshot
        .variables
        .iter()
        .find(|v| v.name == name)
        .and_then(|v| v.value.clone())
}

/// Checks a run against a reference implementation: its final snapshot, and for a tree every step.
fn check_result(entry: &Entry, input: &Input, snapshots: &[Snapshot]) -> Result<(), TestCaseError> {
    let last = snapshots.last().expect("a run has a first snapshot");
    prop_assert!(last.finished, "the last snapshot says finished");
    if let InputKind::Tree(_) = entry.input.kind {
        return oracles::tree::check(input.script().unwrap(), snapshots);
    }
    if entry.input.kind == InputKind::Graph {
        return oracles::check(entry, input.graph.as_ref().unwrap(), last);
    }
    if entry.input.kind == InputKind::Grid {
        return oracles::grid::check(entry, input.grid.as_ref().unwrap(), last);
    }
    match entry.category {
        Category::Sorting => {
            let mut expected = input.values.clone();
            expected.sort();
            prop_assert_eq!(array(last), &expected[..]);
        }
        Category::Searching => {
            let target = input.target.unwrap();
            prop_assert_eq!(
                array(last),
                &input.values[..],
                "a search does not change the values"
            );
            match variable(last, "result") {
                Some(Value::Int(-1)) => {
                    prop_assert!(!input.values.contains(&target), "{target} was there")
                }
                Some(Value::Int(index)) => {
                    prop_assert_eq!(input.values[index as usize], target);
                    if entry.id == "linear-search" {
                        prop_assert_eq!(
                            Some(index as usize),
                            input.values.iter().position(|v| *v == target)
                        );
                    }
                }
                other => prop_assert!(false, "no integer result variable: {other:?}"),
            }
        }
        other => prop_assert!(false, "no reference for {other:?}"),
    }
    Ok(())
}

fn each_entry(max_len: usize, check: impl Fn(&'static Entry, Input) -> Result<(), TestCaseError>) {
    for entry in CATALOGUE {
        runner()
            .run(&inputs(entry, max_len), |input| check(entry, input))
            .unwrap_or_else(|failure| panic!("{}: {failure}", entry.id));
    }
}

#[test]
fn every_algorithm_matches_its_reference() {
    // Every state each algorithm's frames show over all its cases, for the legend check below.
    let shown: RefCell<HashMap<&str, Vec<Shown>>> = RefCell::default();
    each_entry(40, |entry, input| {
        let snapshots: Vec<Snapshot> = entry.start(input.clone()).unwrap().steps().collect();
        let mut seen = shown.borrow_mut();
        let seen = seen.entry(entry.id).or_default();
        for state in snapshots.iter().flat_map(|s| s.frame.shown()) {
            prop_assert!(
                entry.legend.iter().any(|key| key.shown == state),
                "{} shows {state:?}, which its legend does not name",
                entry.id
            );
            if !seen.contains(&state) {
                seen.push(state);
            }
        }
        for (index, snapshot) in snapshots.iter().enumerate() {
            prop_assert_eq!(snapshot.step, index as u64);
            prop_assert!(
                snapshot.line < entry.pseudocode.len(),
                "line {} out of the pseudocode",
                snapshot.line
            );
            prop_assert!(!snapshot.narration.is_empty());
        }
        prop_assert!(
            snapshots.windows(2).all(|w| {
                Counter::ALL
                    .iter()
                    .all(|c| c.of(&w[0].counters) <= c.of(&w[1].counters))
            }),
            "counters never decrease"
        );
        let last = snapshots.last().unwrap().counters;
        for counter in Counter::ALL {
            prop_assert!(
                entry.counters.contains(&counter) || counter.of(&last) == 0,
                "{} counts {:?}, which its card does not declare",
                entry.id,
                counter
            );
        }
        prop_assert!(entry.work.iter().all(|c| entry.counters.contains(c)));
        prop_assert!(
            snapshots[..snapshots.len() - 1].iter().all(|s| !s.finished),
            "only the last is finished"
        );
        check_result(entry, &input, &snapshots)?;
        let counted = entry.count(input).unwrap();
        prop_assert_eq!(
            counted,
            snapshots.last().unwrap().counters,
            "count-only agrees with stepping"
        );
        Ok(())
    });
    let shown = shown.into_inner();
    for entry in CATALOGUE {
        let never: Vec<&Key> = entry
            .legend
            .iter()
            .filter(|key| !shown[entry.id].contains(&key.shown))
            .collect();
        assert!(
            never.is_empty(),
            "{}'s legend names states no run showed: {never:?}",
            entry.id
        );
        for (at, key) in entry.legend.iter().enumerate() {
            assert!(
                entry.legend[..at].iter().all(|k| k.shown != key.shown),
                "{} names {:?} twice",
                entry.id,
                key.shown
            );
        }
    }
}

#[test]
fn a_saved_run_resumes_with_exactly_the_remaining_steps() {
    each_entry(24, |entry, input| {
        let straight: Vec<Snapshot> = entry.start(input.clone()).unwrap().steps().collect();
        // Stop at a step chosen from the input itself, so it varies across cases.
        let stop = input
            .values
            .iter()
            .map(|v| v.unsigned_abs())
            .sum::<u64>()
            .wrapping_add(input.seed.unwrap_or(0) % 1000)
            .wrapping_add(input.script().map_or(0, |script| {
                script
                    .operations
                    .iter()
                    .map(|op| op.key().unwrap_or(1).unsigned_abs())
                    .sum()
            }))
            % straight.len() as u64;
        let mut run = entry.start(input).unwrap();
        while run.step() < stop {
            run.advance();
        }
        let saved = serde_json::to_string(&run.save()).unwrap();
        let restored = entry
            .restore(serde_json::from_str(&saved).unwrap())
            .unwrap();
        let resumed: Vec<Snapshot> = restored.steps().collect();
        prop_assert_eq!(&resumed[..], &straight[stop as usize..]);
        Ok(())
    });
}

#[test]
fn the_timeline_seeks_to_every_step() {
    for entry in CATALOGUE {
        let input = match entry.input.kind {
            InputKind::Grid => entry.generate_grid(&algorithms::GridGenerator {
                width: 15,
                height: 11,
                walls: 25,
                weights: true,
                seed: 11,
            }),
            InputKind::Tree(_) => {
                entry.generate_script(&algorithms::kinds::tree::ScriptGenerator {
                    keys: 30,
                    order: algorithms::kinds::tree::KeyOrder::Random,
                    mixed: true,
                    seed: 11,
                })
            }
            InputKind::Graph => entry.generate_graph(&algorithms::GraphGenerator {
                nodes: 30,
                density: 12,
                min_weight: -3,
                max_weight: 20,
                directed: false,
                acyclic: false,
                seed: 11,
            }),
            _ => entry.generate(&algorithms::Generator {
                preset: algorithms::Preset::Random,
                n: 60,
                min: -50,
                max: 50,
                seed: 11,
            }),
        };
        let input = input.unwrap();
        let straight: Vec<Snapshot> = entry.start(input.clone()).unwrap().steps().collect();
        let timeline = Timeline::record(entry.start(input).unwrap()).unwrap();
        assert_eq!(timeline.len(), straight.len() as u64, "{}", entry.id);
        for (step, expected) in straight.iter().enumerate() {
            assert_eq!(
                &timeline.seek(step as u64),
                expected,
                "{} step {step}",
                entry.id
            );
        }
    }
}

/// The timeline's memory goal, ≤ 64 bytes per step at n = 1000, for every sort (a search's few steps all
/// share the one keyframe that holds the input). Bytes are counted, not timed, so this is exact.
#[test]
fn timeline_memory_per_step_at_n_1000() {
    for entry in CATALOGUE.iter().filter(|e| e.category == Category::Sorting) {
        let input = entry.generate(&algorithms::Generator {
            preset: algorithms::Preset::Random,
            n: 1000,
            min: 1,
            max: 1000,
            seed: 1,
        });
        let timeline = Timeline::record(entry.start(input.unwrap()).unwrap()).unwrap();
        let per_step = timeline.memory_bytes() as f64 / timeline.len() as f64;
        assert!(
            per_step <= 64.0,
            "{}: {per_step:.1} bytes per step over {} steps",
            entry.id,
            timeline.len()
        );
    }
}

#[test]
fn edge_cases() {
    for entry in CATALOGUE.iter().filter(|e| e.input.kind.takes_values()) {
        let search = entry.input.kind != InputKind::Array;
        let target = search.then_some(5);
        let cases: Vec<Vec<i64>> = vec![
            vec![],
            vec![5],
            vec![5, 5, 5, 5],
            vec![-3, -1, -1, 0, 2],
            vec![-VALUE_LIMIT, VALUE_LIMIT],
        ];
        for values in cases {
            if entry.input.max_span.is_some_and(|max| {
                values
                    .iter()
                    .max()
                    .zip(values.iter().min())
                    .is_some_and(|(h, l)| h.abs_diff(*l) > max)
            }) {
                continue;
            }
            let mut values = values;
            if !search {
                values.reverse();
            }
            let input = Input {
                values,
                target,
                seed: None,
                ..Input::default()
            };
            let snapshots: Vec<Snapshot> = entry.start(input.clone()).unwrap().steps().collect();
            check_result(entry, &input, &snapshots)
                .unwrap_or_else(|e| panic!("{}: {input:?}: {e}", entry.id));
        }
    }
}

#[test]
fn limits_are_explicit_and_the_maximum_size_runs() {
    for entry in CATALOGUE.iter().filter(|e| e.input.kind.takes_values()) {
        let search = entry.input.kind != InputKind::Array;
        let at_max = |n: usize| Input {
            values: (0..n as i64)
                .map(|v| if search { v } else { (n as i64 - v) % 1000 })
                .collect(),
            target: search.then_some(n as i64 / 3),
            seed: None,
            ..Input::default()
        };
        let max = entry.input.max_step_n;
        let counters = entry
            .count(at_max(max))
            .unwrap_or_else(|e| panic!("{}: {e}", entry.id));
        assert!(
            counters.comparisons + counters.reads > 0,
            "{} did work at n = {max}",
            entry.id
        );
        let error = entry.start(at_max(max + 1)).err().unwrap();
        assert_eq!(
            error,
            InputError::TooMany {
                n: max + 1,
                max,
                mode: Mode::Step
            },
            "{}",
            entry.id
        );
        let error = entry
            .count(at_max(entry.input.max_count_n + 1))
            .err()
            .unwrap();
        assert!(
            matches!(
                error,
                InputError::TooMany {
                    mode: Mode::Count,
                    ..
                }
            ),
            "{}",
            entry.id
        );
    }
}

#[test]
fn searches_refuse_unsorted_values_and_a_missing_target() {
    for entry in CATALOGUE
        .iter()
        .filter(|e| e.input.kind == InputKind::SortedArrayWithTarget)
    {
        let unsorted = Input {
            values: vec![1, 4, 3],
            target: Some(3),
            seed: None,
            ..Input::default()
        };
        assert_eq!(
            entry.start(unsorted).err(),
            Some(InputError::NotSorted { position: 2 }),
            "{}",
            entry.id
        );
        let untargeted = Input {
            values: vec![1, 2],
            target: None,
            seed: None,
            ..Input::default()
        };
        assert_eq!(
            entry.start(untargeted).err(),
            Some(InputError::MissingTarget),
            "{}",
            entry.id
        );
    }
}

#[test]
fn sorts_refuse_a_target() {
    for entry in CATALOGUE
        .iter()
        .filter(|e| e.input.kind == InputKind::Array)
    {
        let targeted = Input {
            values: vec![3, 1, 2],
            target: Some(2),
            seed: None,
            ..Input::default()
        };
        assert_eq!(
            entry.validate(&targeted, algorithms::Mode::Count).err(),
            Some(InputError::UnexpectedTarget),
            "{}",
            entry.id
        );
        assert!(entry.start(targeted).is_err(), "{}", entry.id);
    }
}

#[test]
fn catalogue_ids_are_unique_and_entries_complete() {
    let mut ids: Vec<&str> = CATALOGUE.iter().map(|e| e.id).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), CATALOGUE.len());
    for entry in CATALOGUE {
        assert!(
            !entry.pseudocode.is_empty() && !entry.summary.is_empty() && entry.version >= 1,
            "{}",
            entry.id
        );
        assert!(algorithms::catalogue::find(entry.id).is_some());
    }
}

/// Each family ships as one engine; the one engine for a race across graph families runs exactly the
/// graph families' entries, each once; the families' lists together are the catalogue.
#[test]
fn families_partition_the_catalogue_and_the_graph_engine_holds_every_graph_family() {
    use algorithms::catalogue::{Family, graph_entries};
    let listed: Vec<&str> = Family::ALL
        .iter()
        .flat_map(|family| family.entries().iter().map(|entry| entry.id))
        .collect();
    let catalogue: Vec<&str> = CATALOGUE.iter().map(|entry| entry.id).collect();
    assert_eq!(listed, catalogue);
    for family in Family::ALL {
        assert!(
            family
                .entries()
                .iter()
                .all(|entry| entry.family() == family),
            "{}",
            family.id()
        );
        // One kind of frame per family: the engines report it and the loader picks pages by it.
        let first = family.entries()[0].frame;
        assert!(
            family.entries().iter().all(|entry| entry.frame == first),
            "{} draws more than one kind of frame",
            family.id()
        );
    }
    let graphs: Vec<&str> = graph_entries().iter().map(|entry| entry.id).collect();
    let expected: Vec<&str> = CATALOGUE
        .iter()
        .filter(|entry| entry.input.kind == InputKind::Graph)
        .map(|entry| entry.id)
        .collect();
    assert_eq!(graphs, expected);
    assert_eq!(
        Family::ALL
            .iter()
            .filter(|family| family.is_graph())
            .count(),
        4,
        "traversal, connectivity, paths, trees"
    );
}

/// What a step does, without the values: its line, marks and pointers. Two runs that do the same at every
/// step move the same positions the same way.
type Shape = (usize, Vec<(usize, algorithms::Mark)>, Vec<(String, usize)>);

fn shape(snapshot: &Snapshot) -> Shape {
    let Frame::Array(frame) = &snapshot.frame else {
        panic!("sorts draw arrays")
    };
    (
        snapshot.line,
        frame.marks.clone(),
        frame
            .pointers
            .iter()
            .map(|p| (p.name.clone(), p.index))
            .collect(),
    )
}

/// The `stable` claims of the comparison sorts, by a twin run: the input again with each value tagged by its
/// original position (value × 64 + position, so equal values become distinct and ordered as they came). A
/// stable sort treats equal values as if so ordered, so the twin takes exactly the same steps; then the
/// twin's result shows the permutation both applied, and equal values must keep their original order in
/// it. An unstable sort that swaps an equal pair takes a different step in the twin, and fails here. The
/// sorts that place values by their digits or range (counting, radix, bucket) take other steps for other
/// values, so the twin says nothing about them; they are not covered by this check.
#[test]
fn stable_comparison_sorts_keep_equal_values_in_order() {
    let by_value = ["counting-sort", "radix-sort", "bucket-sort"];
    let stable: Vec<&Entry> = CATALOGUE
        .iter()
        .copied()
        .filter(|e| e.stable == Some(true) && !by_value.contains(&e.id))
        .collect();
    assert_eq!(
        stable.len(),
        6,
        "{:?}",
        stable.iter().map(|e| e.id).collect::<Vec<_>>()
    );
    for entry in stable {
        // Few distinct values, so most have equals.
        let strategy = prop::collection::vec(-4i64..=4, 0..=40);
        runner()
            .run(&strategy, |values| {
                let tagged: Vec<i64> = values
                    .iter()
                    .enumerate()
                    .map(|(i, v)| v * 64 + i as i64)
                    .collect();
                let start = |values: Vec<i64>| {
                    entry
                        .start(Input {
                            values,
                            target: None,
                            seed: Some(1),
                            ..Input::default()
                        })
                        .unwrap()
                        .steps()
                        .collect::<Vec<Snapshot>>()
                };
                let (plain, twin) = (start(values.clone()), start(tagged));
                prop_assert_eq!(plain.len(), twin.len(), "the twin takes as many steps");
                for (a, b) in plain.iter().zip(&twin) {
                    prop_assert_eq!(shape(a), shape(b), "step {} differs in the twin", a.step);
                }
                let result = array(twin.last().unwrap());
                for pair in result.windows(2) {
                    let (a, b) = (pair[0].div_euclid(64), pair[1].div_euclid(64));
                    prop_assert!(
                        a < b || (a == b && pair[0].rem_euclid(64) < pair[1].rem_euclid(64)),
                        "equal values out of their original order: {result:?}"
                    );
                }
                Ok(())
            })
            .unwrap_or_else(|failure| panic!("{}: {failure}", entry.id));
    }
}

fn graph(directed: bool, n: usize, edges: &[(usize, usize, i64)], start: Option<usize>) -> Input {
    Input {
        graph: Some(algorithms::Graph {
            directed,
            labels: (0..n).map(algorithms::graph::default_label).collect(),
            positions: algorithms::graph::circle_layout(n),
            edges: edges
                .iter()
                .map(|&(from, to, weight)| algorithms::graph::Edge { from, to, weight })
                .collect(),
            start,
            // A goal for the algorithms that need one (A*): the last node.
            goal: n.checked_sub(1),
        }),
        ..Input::default()
    }
}

#[test]
fn graph_edge_cases() {
    for entry in CATALOGUE
        .iter()
        .filter(|e| e.input.kind == InputKind::Graph)
    {
        let rules = entry.input.graph.unwrap();
        let directed = rules.directed.unwrap_or(false);
        let start = Some(0);
        let cases = [
            graph(directed, 1, &[], start),
            graph(directed, 1, &[(0, 0, 3)], start),
            graph(directed, 3, &[(0, 1, 0), (0, 1, 0)], start),
            graph(directed, 4, &[(2, 3, 5)], start),
            graph(
                directed,
                5,
                &[(0, 1, 1), (1, 2, 1), (2, 3, 1), (3, 4, 1)],
                Some(4),
            ),
        ];
        for input in cases {
            let snapshots: Vec<Snapshot> = entry.start(input.clone()).unwrap().steps().collect();
            check_result(entry, &input, &snapshots)
                .unwrap_or_else(|e| panic!("{}: {input:?}: {e}", entry.id));
        }
        if !rules.needs_start {
            let empty = graph(directed, 0, &[], None);
            let last = entry.start(empty.clone()).unwrap().steps().last().unwrap();
            assert!(last.finished, "{}", entry.id);
        }
    }
}

#[test]
fn graph_limits_and_rules_are_explicit() {
    for entry in CATALOGUE
        .iter()
        .filter(|e| e.input.kind == InputKind::Graph)
    {
        let rules = entry.input.graph.unwrap();
        let directed = rules.directed.unwrap_or(true);
        let error =
            |input: Input, mode: Mode| entry.validate(&input, mode).unwrap_err().to_string();
        // A path through the most nodes steps; one more node is refused for stepping, not for counting.
        let path = |n: usize| {
            let edges: Vec<(usize, usize, i64)> = (1..n).map(|i| (i - 1, i, 1)).collect();
            graph(directed, n, &edges, Some(0))
        };
        let max = entry.input.max_step_n;
        let counters = entry.count(path(max)).unwrap();
        assert!(
            entry.counters.iter().any(|c| c.of(&counters) > 0),
            "{} did work at {max} nodes",
            entry.id
        );
        assert_eq!(
            error(path(max + 1), Mode::Step),
            format!(
                "{} nodes is more than the {max} this algorithm can step through",
                max + 1
            ),
            "{}",
            entry.id
        );
        entry.validate(&path(max + 1), Mode::Count).unwrap();
        assert!(error(path(entry.input.max_count_n + 1), Mode::Count).contains("can count"));
        let many: Vec<(usize, usize, i64)> = (0..=rules.max_step_edges)
            .map(|i| (i % 10, (i + 1) % 10, 1))
            .collect();
        assert_eq!(
            error(graph(directed, 10, &many, Some(0)), Mode::Step),
            format!(
                "{} edges is more than the {} this algorithm can step through",
                rules.max_step_edges + 1,
                rules.max_step_edges
            )
        );
        match rules.directed {
            Some(true) => assert!(
                error(graph(false, 2, &[], Some(0)), Mode::Step).contains("needs a directed graph")
            ),
            Some(false) => assert!(
                error(graph(true, 2, &[], Some(0)), Mode::Step)
                    .contains("needs an undirected graph")
            ),
            None => {}
        }
        let negative = graph(directed, 2, &[(0, 1, -4)], Some(0));
        match rules.negative_weights {
            true => entry.validate(&negative, Mode::Step).unwrap(),
            false => assert_eq!(
                error(negative, Mode::Step),
                "edge 1 (A → B) weighs -4: this algorithm needs weights of 0 or more"
            ),
        }
        if rules.needs_start {
            assert!(
                error(graph(directed, 2, &[], None), Mode::Step).contains("choose a start node")
            );
        }
        assert_eq!(
            error(
                Input {
                    values: vec![1, 2],
                    ..Input::default()
                },
                Mode::Step
            ),
            "this algorithm takes a graph"
        );
        assert_eq!(
            error(graph(directed, 2, &[(0, 5, 1)], Some(0)), Mode::Step),
            "the graph names a node it does not have"
        );
    }
    // And the array algorithms refuse graphs.
    let sort = algorithms::catalogue::find("bubble-sort").unwrap();
    assert_eq!(
        sort.validate(&graph(false, 2, &[], None), Mode::Step)
            .unwrap_err()
            .to_string(),
        "this algorithm takes a list of values, not a graph"
    );
}

#[test]
fn every_graph_algorithm_has_example_graphs_it_takes() {
    for entry in CATALOGUE
        .iter()
        .filter(|e| e.input.kind == InputKind::Graph)
    {
        let presets: Vec<&str> = entry.graph_presets().map(|p| p.id).collect();
        assert!(!presets.is_empty(), "{} has no example graph", entry.id);
        for preset in entry.graph_presets() {
            let input = Input {
                graph: Some(preset.graph()),
                ..Input::default()
            };
            let snapshots: Vec<Snapshot> = entry.start(input.clone()).unwrap().steps().collect();
            check_result(entry, &input, &snapshots)
                .unwrap_or_else(|e| panic!("{} on {}: {e}", entry.id, preset.id));
        }
        let negative = presets.contains(&"negative");
        assert_eq!(
            negative,
            entry.input.graph.unwrap().negative_weights
                && entry.input.graph.unwrap().directed != Some(false),
            "{}",
            entry.id
        );
    }
}

/// The graph a newcomer first sees has something to find: cycles (so strongly connected components of
/// more than one node) for every directed algorithm but the topological sorts, which see a graph without
/// cycles, where an order exists. Checked with petgraph, not the algorithms themselves.
#[test]
fn the_first_graph_shows_what_each_algorithm_is_about() {
    use algorithms::GraphGenerator;
    for entry in CATALOGUE
        .iter()
        .filter(|e| e.input.kind == InputKind::Graph)
    {
        let rules = entry.input.graph.unwrap();
        let graph = GraphGenerator::first_for(&rules).generate().unwrap();
        let input = Input {
            graph: Some(graph.clone()),
            ..Input::default()
        };
        entry.validate(&input, Mode::Step).unwrap();
        if !graph.directed {
            continue;
        }
        let mut pet = petgraph::Graph::<(), i64>::new();
        let nodes: Vec<_> = (0..graph.len()).map(|_| pet.add_node(())).collect();
        for e in &graph.edges {
            pet.add_edge(nodes[e.from], nodes[e.to], e.weight);
        }
        let largest = petgraph::algo::tarjan_scc(&pet)
            .iter()
            .map(Vec::len)
            .max()
            .unwrap_or(0);
        if entry.id.starts_with("topological-sort") {
            assert_eq!(largest, 1, "{}: its first graph has a cycle", entry.id);
        } else {
            assert!(
                largest >= 3,
                "{}: its first graph's largest strongly connected component has {largest} nodes",
                entry.id
            );
        }
    }
}

fn grid_input(text: &str) -> Input {
    Input {
        grid: Some(algorithms::grid::parse_grid(text).unwrap()),
        ..Input::default()
    }
}

#[test]
fn grid_limits_and_rules_are_explicit() {
    let grids: Vec<&Entry> = CATALOGUE
        .iter()
        .copied()
        .filter(|e| e.input.kind == InputKind::Grid)
        .collect();
    assert_eq!(grids.len(), 10);
    let side = |w: usize, h: usize| {
        let mut grid = algorithms::Grid::open(w, h);
        grid.start = w + 1;
        grid.goal = (h - 2) * w + w - 2;
        Input {
            grid: Some(grid),
            ..Input::default()
        }
    };
    for entry in &grids {
        let rules = entry.input.grid.unwrap();
        let message =
            |input: Input, mode: Mode| entry.validate(&input, mode).unwrap_err().to_string();
        // The largest grid steps; one more column does not, but counts.
        let max = if rules.maze { 99 } else { 100 };
        assert!(entry.start(side(max, max)).is_ok(), "{}", entry.id);
        assert_eq!(
            message(side(max + 2, 7), Mode::Step),
            format!(
                "a {} × 7 grid is larger than the 100 × 100 this algorithm can step through",
                max + 2
            ),
            "{}",
            entry.id
        );
        assert!(
            entry.validate(&side(max + 2, 7), Mode::Count).is_ok(),
            "{}",
            entry.id
        );
        assert!(message(side(501, 7), Mode::Count).contains("500 × 500 this algorithm can count"));
        // The counting limit runs.
        let counted = entry.count(side(199, 199)).unwrap();
        assert!(counted.cells_visited + counted.writes > 0, "{}", entry.id);
        // Other kinds of input are refused by name.
        let values = Input {
            values: vec![1, 2],
            ..Input::default()
        };
        assert_eq!(
            message(values, Mode::Step),
            "this algorithm takes a grid",
            "{}",
            entry.id
        );
        let weighted = grid_input("S.3\n#..\n.5G");
        if rules.maze {
            assert!(
                message(grid_input("S....\n.....\n....G"), Mode::Step)
                    .contains("odd width and height of 5 or more")
            );
            let mut walled = side(7, 7);
            walled.grid.as_mut().unwrap().cells[9] = 0;
            assert_eq!(
                message(walled, Mode::Step),
                "a maze is carved from an open grid: remove the walls and costs"
            );
            let mut even = side(7, 7);
            even.grid.as_mut().unwrap().start = 2 * 7 + 2;
            assert_eq!(
                message(even, Mode::Step),
                "the start (line 3, column 3) must be on a room: an even line and column"
            );
        } else if rules.weights {
            assert!(entry.start(weighted).is_ok(), "{}", entry.id);
        } else {
            assert_eq!(
                message(weighted, Mode::Step),
                "the cell at line 1, column 3 costs 3: this search counts steps, not costs (take Dijkstra or A* for weighted cells)"
            );
        }
        assert!(
            entry.grid_presets().count() >= 1,
            "{} has example grids",
            entry.id
        );
    }
    // Every other algorithm refuses a grid.
    for entry in CATALOGUE.iter().filter(|e| e.input.kind != InputKind::Grid) {
        let error = entry
            .validate(&grid_input("S.\n.G"), Mode::Step)
            .unwrap_err()
            .to_string();
        assert!(error.ends_with("not a grid"), "{}: {error}", entry.id);
    }
}

#[test]
fn grid_searches_handle_the_smallest_and_blocked_grids() {
    for entry in CATALOGUE
        .iter()
        .filter(|e| e.input.grid.is_some_and(|r| !r.maze))
    {
        for (text, reachable) in [
            ("SG", true),
            ("S\nG", true),
            ("S#G", false),
            ("S.#\n.##\n##G", false),
        ] {
            let input = grid_input(text);
            let snapshots: Vec<Snapshot> = entry.start(input.clone()).unwrap().steps().collect();
            check_result(entry, &input, &snapshots)
                .unwrap_or_else(|e| panic!("{}: {text:?}: {e}", entry.id));
            let last = snapshots.last().unwrap();
            assert_eq!(
                last.narration.contains("cannot be reached"),
                !reachable,
                "{}: {text:?}",
                entry.id
            );
        }
    }
}

#[test]
fn tree_entries_take_scripts_of_their_operations_within_the_limits() {
    use algorithms::kinds::tree::{
        COUNT_OPERATIONS, Operation, STEP_INSERTIONS, Script, Verb, parse_script,
    };
    let trees: Vec<&Entry> = CATALOGUE
        .iter()
        .copied()
        .filter(|e| matches!(e.input.kind, InputKind::Tree(_)))
        .collect();
    assert!(!trees.is_empty(), "the catalogue has a tree entry");
    for entry in trees {
        let InputKind::Tree(rules) = entry.input.kind else {
            unreachable!()
        };
        let message = |input: Input, mode| entry.validate(&input, mode).unwrap_err().to_string();
        // Its presets run and end as the reference says.
        assert!(rules.presets().count() >= 2, "{} has presets", entry.id);
        for preset in rules.presets() {
            let input = Input::tree(preset.script());
            let snapshots: Vec<Snapshot> = entry.start(input.clone()).unwrap().steps().collect();
            check_result(entry, &input, &snapshots)
                .unwrap_or_else(|e| panic!("{} preset {}: {e}", entry.id, preset.id));
        }
        // An operation it lacks is named with its place.
        for verb in Verb::ALL.into_iter().filter(|v| !rules.verbs.contains(v)) {
            let text = format!("insert 1; {}", verb.word());
            let text = if verb == Verb::Extract {
                text
            } else {
                format!("{text} 1")
            };
            let error = message(Input::tree(parse_script(&text).unwrap()), Mode::Step);
            assert!(
                error.starts_with(&format!("operation 2 is “{}", verb.word()))
                    && error.contains("takes only"),
                "{}: {error}",
                entry.id
            );
        }
        // Stepping takes 255 insertions and no more; counting takes 100,000 operations and no more.
        let inserts = |n: usize| Script {
            // Spread over the key range (7,919 is coprime with 19,999), so the tree stays shallow.
            operations: (1..=n as i64)
                .map(|i| Operation::Insert(i * 7_919 % 19_999 - 9_999))
                .collect(),
        };
        assert!(entry.start(Input::tree(inserts(STEP_INSERTIONS))).is_ok());
        assert_eq!(
            message(Input::tree(inserts(STEP_INSERTIONS + 1)), Mode::Step),
            "256 insertions is more than the 255 a run can step through"
        );
        let counted = entry
            .count(Input::tree(inserts(COUNT_OPERATIONS)))
            .unwrap_or_else(|e| panic!("{}: {e}", entry.id));
        assert!(counted.comparisons > 0);
        assert_eq!(
            message(Input::tree(inserts(COUNT_OPERATIONS + 1)), Mode::Count),
            "100001 operations is more than the 100000 a run can count"
        );
        // A script alone, and a script.
        let mut mixed = Input::tree(parse_script("insert 1").unwrap());
        mixed.values = vec![1];
        assert_eq!(
            message(mixed, Mode::Step),
            "a tree's input is its script alone: no values, target, graph or grid"
        );
        let values = Input {
            values: vec![3, 1],
            ..Input::default()
        };
        assert_eq!(
            message(values, Mode::Step),
            "this algorithm takes a script of tree operations, not a list of values"
        );
        // The JSON form is the script's text, read back to the same input.
        let input = Input::tree(parse_script("insert 50 30 70\ndelete 30;find 70").unwrap());
        let json = serde_json::to_string(&input).unwrap();
        assert_eq!(json, r#"{"tree":"insert 50 30 70; delete 30; find 70"}"#);
        assert_eq!(serde_json::from_str::<Input>(&json).unwrap(), input);
        let wrong = serde_json::from_str::<Input>(r#"{"tree":"insert 5\nfind x"}"#)
            .unwrap_err()
            .to_string();
        assert!(
            wrong.starts_with("line 2, column 6: “x” is not a whole number"),
            "{wrong}"
        );
    }
    // Every other entry refuses a script.
    let script = Input::tree(parse_script("insert 1").unwrap());
    for entry in CATALOGUE
        .iter()
        .filter(|e| !matches!(e.input.kind, InputKind::Tree(_)))
    {
        let error = entry.validate(&script, Mode::Step).unwrap_err().to_string();
        assert!(
            error.ends_with("not a script of tree operations"),
            "{}: {error}",
            entry.id
        );
    }
}

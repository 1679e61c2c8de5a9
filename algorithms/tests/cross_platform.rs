//! The same (algorithm, input, version) yields the same trace natively and in WebAssembly: both compare a
//! SHA-256 of every snapshot's JSON against one fixture. Natively, `UPDATE_FIXTURES=1` rewrites it after an
//! intended change to an algorithm's steps (bump that algorithm's catalogue version too).

use algorithms::catalogue::{CATALOGUE, Entry, InputKind};
use algorithms::graph::WEIGHT_LIMIT;
use algorithms::{Generator, GraphGenerator, GridGenerator, Input, Machine, Preset};
use sha2::{Digest, Sha256};

const FIXTURE: &str = include_str!("fixtures/trace-hashes.txt");

/// The inputs each algorithm is traced on. Lists: a short run of small values, values near the limits
/// (±10⁹; a band below the upper limit for the counting-based sorts, whose span is bounded), and a long
/// run. Graphs: a small one, one with weights near the limit (±10⁶ where negative weights are allowed),
/// and one at the stepping limit of nodes. Grids: a small one, a crowded one (half walls, costs up to 9),
/// and a 41 × 41 one (every frame holds every cell, so the stepping limit would hash gigabytes). Trees: a
/// short script, keys at the limits (±9,999), and 100 keys with 100 mixed operations after them.
fn profiles(entry: &Entry) -> [(&'static str, Input); 3] {
    if let InputKind::Tree(_) = entry.input.kind {
        use algorithms::kinds::tree::{KeyOrder, ScriptGenerator, parse_script};
        let script = |keys: usize, order: KeyOrder| {
            entry
                .generate_script(&ScriptGenerator {
                    keys,
                    order,
                    mixed: true,
                    seed: 2026,
                })
                .unwrap()
        };
        let extreme = "insert 9999 -9999 0 5000 -5000; delete 9999 0; find -9999 1";
        return [
            ("small", script(6, KeyOrder::Random)),
            ("extreme", Input::tree(parse_script(extreme).unwrap())),
            ("long", script(100, KeyOrder::Random)),
        ];
    }
    if entry.input.kind == InputKind::Grid {
        let grid = |side: usize, walls: u8| {
            entry
                .generate_grid(&GridGenerator {
                    width: side,
                    height: side * 2 / 3,
                    walls,
                    weights: true,
                    seed: 2026,
                })
                .unwrap()
        };
        return [
            ("small", grid(12, 20)),
            ("extreme", grid(21, 45)),
            ("long", grid(41, 15)),
        ];
    }
    if entry.input.kind == InputKind::Graph {
        let rules = entry.input.graph.unwrap();
        let low = if rules.negative_weights {
            -WEIGHT_LIMIT
        } else {
            0
        };
        let graph = |nodes: usize, density: u8, min_weight: i64, max_weight: i64| {
            entry
                .generate_graph(&GraphGenerator {
                    nodes,
                    density,
                    min_weight,
                    max_weight,
                    directed: true,
                    acyclic: entry.id == "topological-sort-kahn",
                    seed: 2026,
                })
                .unwrap()
        };
        return [
            ("small", graph(8, 30, 1, 9)),
            ("extreme", graph(12, 25, low, WEIGHT_LIMIT)),
            ("long", graph(entry.input.max_step_n, 3, 1, 100)),
        ];
    }
    let limit = algorithms::input::VALUE_LIMIT;
    let (low, high) = match entry.input.max_span {
        Some(span) => (limit - (span as i64).min(1000), limit),
        None => (-limit, limit),
    };
    let n = entry.input.max_step_n.min(150);
    let spread = entry
        .input
        .max_span
        .map_or(1000, |span| (span as i64 / 2).min(1000));
    let list = |n: usize, min: i64, max: i64| {
        entry
            .generate(&Generator {
                preset: Preset::Random,
                n,
                min,
                max,
                seed: 2026,
            })
            .unwrap()
    };
    [
        ("small", list(12, -30, 30)),
        ("extreme", list(12, low, high)),
        ("long", list(n, -spread, spread)),
    ]
}

fn trace_line(entry: &Entry, profile: &str, input: Input) -> String {
    let mut hasher = Sha256::new();
    let mut steps = 0;
    for snapshot in entry.start(input).unwrap().steps() {
        hasher.update(serde_json::to_vec(&snapshot).unwrap());
        hasher.update(b"\n");
        steps += 1;
    }
    let hash: String = hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    format!("{} v{} {profile} {steps} {hash}\n", entry.id, entry.version)
}

fn check() {
    let actual: String = CATALOGUE
        .iter()
        .flat_map(|entry| profiles(entry).map(|(profile, input)| trace_line(entry, profile, input)))
        .collect();
    if actual == FIXTURE {
        return;
    }
    #[cfg(not(target_arch = "wasm32"))]
    if std::env::var_os("UPDATE_FIXTURES").is_some() {
        std::fs::write(
            concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/tests/fixtures/trace-hashes.txt"
            ),
            &actual,
        )
        .unwrap();
        return;
    }
    let differing: Vec<&str> = actual
        .lines()
        .filter(|line| !FIXTURE.lines().any(|f| f == *line))
        .collect();
    panic!("traces differ from the fixture:\n{}", differing.join("\n"));
}

#[cfg(not(target_arch = "wasm32"))]
#[test]
fn native_traces_match_fixture() {
    check();
}

#[cfg(target_arch = "wasm32")]
#[wasm_bindgen_test::wasm_bindgen_test]
fn wasm_traces_match_fixture() {
    check();
}

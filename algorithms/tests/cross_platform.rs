//! The same (algorithm, input, version) yields the same trace natively and in WebAssembly: both compare a
//! SHA-256 of every snapshot's JSON against one fixture. Natively, `UPDATE_FIXTURES=1` rewrites it after an
//! intended change to an algorithm's steps (bump that algorithm's catalogue version too).

use algorithms::catalogue::{CATALOGUE, Entry};
use algorithms::{Generator, Machine, Preset};
use sha2::{Digest, Sha256};

const FIXTURE: &str = include_str!("fixtures/trace-hashes.txt");

/// The inputs each algorithm is traced on: a short run of small values, values near the limits (±10⁹; a
/// band below the upper limit for the counting-based sorts, whose span is bounded), and a long run.
fn profiles(entry: &Entry) -> [(&'static str, Generator); 3] {
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
    [
        ("small", generator(12, -30, 30)),
        ("extreme", generator(12, low, high)),
        ("long", generator(n, -spread, spread)),
    ]
}

fn generator(n: usize, min: i64, max: i64) -> Generator {
    Generator {
        preset: Preset::Random,
        n,
        min,
        max,
        seed: 2026,
    }
}

fn trace_line(entry: &Entry, profile: &str, generator: &Generator) -> String {
    let input = entry.generate(generator).unwrap();
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
        .flat_map(|entry| {
            profiles(entry).map(|(profile, generator)| trace_line(entry, profile, &generator))
        })
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

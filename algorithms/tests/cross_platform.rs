//! The same (algorithm, input, version) yields the same trace natively and in WebAssembly: both compare a
//! SHA-256 of every snapshot's JSON against one fixture. Natively, `UPDATE_FIXTURES=1` rewrites it after an
//! intended change to an algorithm's steps (bump that algorithm's catalogue version too).

use algorithms::catalogue::{CATALOGUE, Entry};
use algorithms::{Generator, Machine, Preset};
use sha2::{Digest, Sha256};

const FIXTURE: &str = include_str!("fixtures/trace-hashes.txt");

fn trace_line(entry: &Entry) -> String {
    let generator = Generator {
        preset: Preset::Random,
        n: 12,
        min: -30,
        max: 30,
        seed: 2026,
    };
    let input = entry.generate(&generator).unwrap();
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
    format!("{} v{} {steps} {hash}\n", entry.id, entry.version)
}

fn check() {
    let actual: String = CATALOGUE.iter().map(|entry| trace_line(entry)).collect();
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

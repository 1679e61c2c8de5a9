//! The same algorithm on the same input yields the same trace, snapshot for snapshot, natively and in
//! WebAssembly. Both compare against one fixture; natively, `UPDATE_FIXTURES=1` rewrites it after an
//! intended change to an algorithm's steps.

use algorithms::Machine;
use algorithms::sorting::bubble::BubbleSort;

const FIXTURE: &str = include_str!("fixtures/bubble-sort.jsonl");
const INPUT: [i64; 8] = [5, -3, 8, 8, 0, 12, -7, 1];

fn trace() -> String {
    BubbleSort::new(INPUT.to_vec())
        .steps()
        .map(|snapshot| serde_json::to_string(&snapshot).unwrap() + "\n")
        .collect()
}

fn check() {
    let actual = trace();
    if actual == FIXTURE {
        return;
    }
    #[cfg(not(target_arch = "wasm32"))]
    if std::env::var_os("UPDATE_FIXTURES").is_some() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/bubble-sort.jsonl"
        );
        std::fs::write(path, &actual).unwrap();
        return;
    }
    let first_difference = actual
        .lines()
        .zip(FIXTURE.lines())
        .position(|(a, b)| a != b);
    panic!(
        "the trace differs from the fixture ({} vs {} steps; first differing step: {first_difference:?})",
        actual.lines().count(),
        FIXTURE.lines().count()
    );
}

#[cfg(not(target_arch = "wasm32"))]
#[test]
fn native_trace_matches_fixture() {
    check();
}

#[cfg(target_arch = "wasm32")]
#[wasm_bindgen_test::wasm_bindgen_test]
fn wasm_trace_matches_fixture() {
    check();
}

//! The seek-latency benchmark in WebAssembly under Node, with the same code as the native one.
//! Ignored in test runs; `bash scripts/bench.sh` runs it in release mode with `--include-ignored`.

#![cfg(target_arch = "wasm32")]

#[path = "../benches/support/seek_latency.rs"]
mod seek_latency;

use wasm_bindgen_test::{Instant, console_log, wasm_bindgen_test};

#[wasm_bindgen_test]
#[ignore = "a benchmark, run by scripts/bench.sh"]
fn seek_latency_under_node() {
    let report = seek_latency::measure(&|f| {
        let start = Instant::now();
        f();
        start.elapsed()
    });
    console_log!("seek latency, wasm32 under Node");
    for line in report.lines() {
        console_log!("  {line}");
    }
}

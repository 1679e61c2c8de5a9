//! Seek latency on a long trace, shared by the native benchmark (`benches/trace.rs`) and the WebAssembly
//! one under Node (`tests/seek_latency_wasm.rs`), each with its own clock.

use std::hint::black_box;
use std::time::Duration;

use algorithms::catalogue::{self, Entry};
use algorithms::{Generator, Input, Machine, Preset, Timeline};
use rand_core::{Rng, SeedableRng};
use rand_pcg::Pcg32;

/// Bubble sort of 1,001 reversed values: a little over a million steps.
pub const TRACE_ALGORITHM: &str = "bubble-sort";
pub const TRACE_N: usize = 1001;
pub const REPLAY_STEP: u64 = 500_000;
const SEEKS: usize = 10_000;

pub struct Report {
    pub steps: u64,
    pub interval: u64,
    pub memory_bytes: usize,
    pub record: Duration,
    pub p50: Duration,
    pub p99: Duration,
    pub max: Duration,
    /// Median of repeated seeks to [`REPLAY_STEP`] through the timeline.
    pub seek_at_replay_step: Duration,
    /// Median of repeated runs from step 0 to [`REPLAY_STEP`], as a replaying player would.
    pub replay_to_step: Duration,
}

impl Report {
    pub fn bytes_per_step(&self) -> f64 {
        self.memory_bytes as f64 / self.steps as f64
    }

    pub fn replay_ratio(&self) -> f64 {
        self.replay_to_step.as_secs_f64() / self.seek_at_replay_step.as_secs_f64()
    }

    pub fn lines(&self) -> Vec<String> {
        let us = |d: Duration| format!("{:.1} µs", d.as_secs_f64() * 1e6);
        vec![
            format!(
                "trace: {TRACE_ALGORITHM}, n = {TRACE_N} reversed, {} steps; recorded in {:.0} ms",
                self.steps,
                self.record.as_secs_f64() * 1e3
            ),
            format!(
                "timeline: keyframe every {} steps, {} bytes = {:.1} bytes/step",
                self.interval,
                self.memory_bytes,
                self.bytes_per_step()
            ),
            format!(
                "seek to {SEEKS} random steps: p50 {}, p99 {}, max {}",
                us(self.p50),
                us(self.p99),
                us(self.max)
            ),
            format!(
                "at t = {REPLAY_STEP}: timeline seek {}, replay from step 0 {}, ratio {:.0}×",
                us(self.seek_at_replay_step),
                us(self.replay_to_step),
                self.replay_ratio()
            ),
        ]
    }
}

pub fn input() -> Input {
    let generator = Generator {
        preset: Preset::Reversed,
        n: TRACE_N,
        min: 1,
        max: TRACE_N as i64,
        seed: 1,
    };
    entry().generate(&generator).expect("valid generator")
}

fn entry() -> &'static Entry {
    catalogue::find(TRACE_ALGORITHM).expect("in the catalogue")
}

/// `time` runs its argument once and returns how long it took.
pub fn measure(time: &dyn Fn(&mut dyn FnMut()) -> Duration) -> Report {
    let entry = entry();
    let mut timeline = None;
    let record = time(&mut || {
        timeline = Some(Timeline::record(entry.start(input()).expect("valid input")).unwrap())
    });
    let timeline = timeline.expect("recorded");
    let steps = timeline.len();
    assert!(steps >= 1_000_000, "the trace has {steps} steps");

    let mut rng = Pcg32::seed_from_u64(7);
    let mut latencies: Vec<Duration> = (0..SEEKS)
        .map(|_| {
            let step = rng.next_u64() % steps;
            time(&mut || {
                black_box(timeline.seek(black_box(step)));
            })
        })
        .collect();
    latencies.sort_unstable();
    let percentile = |p: f64| latencies[((latencies.len() - 1) as f64 * p).round() as usize];

    let seek_at_replay_step = median((0..101).map(|_| {
        time(&mut || {
            black_box(timeline.seek(black_box(REPLAY_STEP)));
        })
    }));
    let replay_to_step = median((0..5).map(|_| {
        time(&mut || {
            let mut machine = entry.start(input()).expect("valid input");
            while machine.step() < black_box(REPLAY_STEP) {
                machine.advance();
            }
            black_box(machine.snapshot());
        })
    }));
    // Both ways reach the same step.
    let mut replayed = entry.start(input()).expect("valid input");
    while replayed.step() < REPLAY_STEP {
        replayed.advance();
    }
    assert_eq!(replayed.snapshot(), timeline.seek(REPLAY_STEP));

    Report {
        steps,
        interval: timeline.interval(),
        memory_bytes: timeline.memory_bytes(),
        record,
        p50: percentile(0.50),
        p99: percentile(0.99),
        max: *latencies.last().expect("measured"),
        seek_at_replay_step,
        replay_to_step,
    }
}

fn median(samples: impl Iterator<Item = Duration>) -> Duration {
    let mut samples: Vec<Duration> = samples.collect();
    samples.sort_unstable();
    samples[samples.len() / 2]
}

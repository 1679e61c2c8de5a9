//! The trace core's speed and memory: timeline seeks on a million-step trace against replaying from step 0,
//! timeline bytes per step at n = 1000, and count-only runs against plain implementations at n = 10⁶.
//!
//! `bash scripts/bench.sh` runs this and prints the ratios; numbers go to docs/benchmarks.md.

mod support {
    pub mod plain;
    pub mod seek_latency;
}

use std::hint::black_box;
use std::time::Instant;

use algorithms::catalogue::{self, CATALOGUE};
use algorithms::{Generator, Preset, Timeline};
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use support::{plain, seek_latency};

/// p50/p99/max of seeks to random steps: per-call latencies, which criterion's means do not give.
fn seek_percentiles(_: &mut Criterion) {
    let report = seek_latency::measure(&|f| {
        let start = Instant::now();
        f();
        start.elapsed()
    });
    println!("\nseek latency, native");
    for line in report.lines() {
        println!("  {line}");
    }
}

/// Timeline memory for every algorithm that takes a list, on 1,000 random values (graphs, grids and trees
/// take no list: `generate` refuses them).
fn bytes_per_step(_: &mut Criterion) {
    println!("\ntimeline memory at n = 1000 (random values 1..=1000, seed 1)");
    println!(
        "  {:<24} {:>9} {:>9} {:>11} {:>8}",
        "algorithm", "steps", "interval", "bytes", "B/step"
    );
    for entry in CATALOGUE.iter().filter(|e| e.input.kind.takes_values()) {
        let generator = Generator {
            preset: Preset::Random,
            n: 1000,
            min: 1,
            max: 1000,
            seed: 1,
        };
        let input = entry.generate(&generator).expect("valid generator");
        let timeline = Timeline::record(entry.start(input).expect("valid input")).unwrap();
        println!(
            "  {:<24} {:>9} {:>9} {:>11} {:>8.1}",
            entry.id,
            timeline.len(),
            timeline.interval(),
            timeline.memory_bytes(),
            timeline.memory_bytes() as f64 / timeline.len() as f64
        );
    }
}

/// The same seek through the timeline and by replaying from step 0, measured by criterion in one run.
fn seek_against_replay(c: &mut Criterion) {
    let entry = catalogue::find(seek_latency::TRACE_ALGORITHM).unwrap();
    let timeline = Timeline::record(entry.start(seek_latency::input()).unwrap()).unwrap();
    let step = seek_latency::REPLAY_STEP;
    let mut group = c.benchmark_group("seek_t500k");
    group.sample_size(20);
    group.bench_function("timeline", |b| b.iter(|| timeline.seek(black_box(step))));
    group.bench_function("replay_from_step_0", |b| {
        b.iter_batched(
            || entry.start(seek_latency::input()).unwrap(),
            |mut machine| {
                use algorithms::Machine;
                while machine.step() < black_box(step) {
                    machine.advance();
                }
                machine.snapshot()
            },
            BatchSize::LargeInput,
        )
    });
    group.finish();
}

/// Count-only runs through the catalogue against plain implementations of the same algorithms.
fn count_only_against_plain(c: &mut Criterion) {
    type Sort = fn(&mut [i64]);
    let cases: [(&str, Sort); 4] = [
        ("heap-sort", plain::heap_sort),
        ("merge-sort-bottom-up", plain::merge_sort_bottom_up),
        ("quicksort-hoare", plain::quicksort_hoare),
        ("radix-sort", plain::radix_sort),
    ];
    for (id, plain_sort) in cases {
        let entry = catalogue::find(id).unwrap();
        let generator = Generator {
            preset: Preset::Random,
            n: 1_000_000,
            min: -1_000_000_000,
            max: 1_000_000_000,
            seed: 1,
        };
        let input = entry.generate(&generator).unwrap();
        let mut expected = input.values.clone();
        plain_sort(&mut expected);
        let mut reference = input.values.clone();
        reference.sort_unstable();
        assert_eq!(expected, reference, "{id}: the plain version sorts");

        let mut group = c.benchmark_group(format!("count_only_1e6/{id}"));
        group.sample_size(10);
        group.bench_function("plain", |b| {
            b.iter_batched(
                || input.values.clone(),
                |mut values| plain_sort(&mut values),
                BatchSize::LargeInput,
            )
        });
        group.bench_function("count_only", |b| {
            b.iter_batched(
                || input.clone(),
                |input| entry.count(input).unwrap(),
                BatchSize::LargeInput,
            )
        });
        group.finish();
    }
}

criterion_group!(
    benches,
    bytes_per_step,
    seek_percentiles,
    seek_against_replay,
    count_only_against_plain
);
criterion_main!(benches);

//! What a session write costs the server: replaying the run to the stated step at the largest input the
//! entry steps through, against a count-only run of the same input to its end (the same stepping without
//! the snapshot and hash) measured in the same run. `cargo bench -p server --bench replay`.

use algorithms::catalogue;
use algorithms::{Generator, Preset};
use criterion::{Criterion, criterion_group, criterion_main};
use server::routes::sessions::replay;

fn largest(id: &str) -> (&'static catalogue::Entry, algorithms::Input, u64) {
    let entry = catalogue::find(id).unwrap();
    let generator = Generator {
        preset: Preset::Reversed,
        n: entry.input.max_step_n,
        min: -1_000_000,
        max: 1_000_000,
        seed: 1,
    };
    let input = entry.generate(&generator).unwrap();
    let last = entry.count(input.clone()).map(|_| ()).and_then(|()| {
        let mut run = entry.start(input.clone())?;
        run.run_to_end();
        Ok(run.step())
    });
    (entry, input, last.unwrap())
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("session_replay");
    group.sample_size(10);
    // Bubble sort on 2,000 reversed values is the longest run a session can name (about 4 million steps);
    // merge sort on 10,000 the largest input of an n log n sort.
    for id in ["bubble-sort", "merge-sort"] {
        let (entry, input, last) = largest(id);
        println!("{id}: n = {}, last step {last}", input.values.len());
        group.bench_function(format!("{id}/replay_to_last_step"), |b| {
            b.iter(|| replay(entry, input.clone(), last).unwrap())
        });
        group.bench_function(format!("{id}/count_only_baseline"), |b| {
            b.iter(|| entry.count(input.clone()).unwrap())
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

//! Seeking to any step of a run with bounded memory.
//!
//! The timeline keeps a keyframe (a clone of the resumable run) every `interval` steps. Seeking to step `t`
//! clones the keyframe at or before `t` and advances at most `interval − 1` steps. The interval is sized from
//! the state's bytes so keyframes cost about [`TARGET_BYTES_PER_STEP`] (widened when the state grows during
//! the run); when their total passes
//! [`MEMORY_BUDGET`], every other keyframe is dropped and the interval doubles, so long runs stay bounded
//! too, at the price of longer (still cheap) re-stepping.

use std::fmt;

use crate::machine::Machine;
use crate::snapshot::Snapshot;

pub const TARGET_BYTES_PER_STEP: usize = 32;
pub const MEMORY_BUDGET: usize = 32 << 20;
/// The longest run a timeline records; past it the learner is told to choose a smaller input.
pub const MAX_STEPS: u64 = 20_000_000;

const MIN_INTERVAL: u64 = 16;

#[derive(Clone)]
pub struct Timeline<M> {
    keyframes: Vec<M>,
    interval: u64,
    /// Number of steps, counting step 0: valid steps are `0..len`.
    len: u64,
    keyframe_bytes: usize,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TooLong {
    pub max_steps: u64,
}

impl fmt::Display for TooLong {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the run takes more than {} steps; choose a smaller input",
            self.max_steps
        )
    }
}

impl std::error::Error for TooLong {}

impl<M: Machine> Timeline<M> {
    /// Runs `start` to the end, keeping keyframes.
    pub fn record(start: M) -> Result<Self, TooLong> {
        Self::record_with_limit(start, MAX_STEPS)
    }

    pub fn record_with_limit(start: M, max_steps: u64) -> Result<Self, TooLong> {
        let bytes = size_of::<M>() + start.heap_bytes();
        let interval = ((bytes / TARGET_BYTES_PER_STEP) as u64)
            .next_power_of_two()
            .max(MIN_INTERVAL);
        let mut timeline = Timeline {
            keyframes: Vec::new(),
            interval,
            len: 1,
            keyframe_bytes: 0,
        };
        let first_step = start.step();
        let mut machine = start;
        loop {
            let offset = machine.step() - first_step;
            if offset.is_multiple_of(timeline.interval) {
                let bytes = size_of::<M>() + machine.heap_bytes();
                timeline.keyframe_bytes += bytes;
                timeline.keyframes.push(machine.clone());
                // Buffers allocated after step 0 (counts, output, buckets) make later keyframes larger than
                // the interval was sized for: widen it.
                while bytes as u64 > timeline.interval * TARGET_BYTES_PER_STEP as u64 {
                    timeline.thin();
                }
                if timeline.keyframe_bytes > MEMORY_BUDGET {
                    timeline.thin();
                }
            }
            if !machine.advance() {
                break;
            }
            timeline.len += 1;
            if timeline.len > max_steps {
                return Err(TooLong { max_steps });
            }
        }
        Ok(timeline)
    }

    fn thin(&mut self) {
        let mut index = 0;
        self.keyframes.retain(|_| {
            index += 1;
            index % 2 == 1
        });
        self.interval *= 2;
        self.keyframe_bytes = self
            .keyframes
            .iter()
            .map(|k| size_of::<M>() + k.heap_bytes())
            .sum();
    }

    /// Number of steps, counting step 0.
    pub fn len(&self) -> u64 {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        false
    }

    pub fn last_step(&self) -> u64 {
        self.len - 1
    }

    /// The run positioned at `step` (clamped to the last step), ready to snapshot, save or continue.
    pub fn machine_at(&self, step: u64) -> M {
        let step = step.min(self.last_step());
        let mut machine = self.keyframes[(step / self.interval) as usize].clone();
        let first = self.keyframes[0].step();
        while machine.step() - first < step {
            machine.advance();
        }
        machine
    }

    pub fn seek(&self, step: u64) -> Snapshot {
        self.machine_at(step).snapshot()
    }

    pub fn interval(&self) -> u64 {
        self.interval
    }

    /// Heap and inline bytes held by the keyframes.
    pub fn memory_bytes(&self) -> usize {
        self.keyframe_bytes + self.keyframes.capacity() * size_of::<M>()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::machine::Run;
    use crate::sorting::bubble::BubbleSort;

    fn run(values: Vec<i64>) -> Run<BubbleSort> {
        Run::new(BubbleSort::new(values))
    }

    #[test]
    fn every_step_seeks_to_the_snapshot_of_a_straight_run() {
        let values: Vec<i64> = (0..40).rev().collect();
        let straight: Vec<Snapshot> = run(values.clone()).steps().collect();
        let timeline = Timeline::record(run(values)).unwrap();
        assert_eq!(timeline.len(), straight.len() as u64);
        assert!(
            timeline.len() > 2 * timeline.interval(),
            "the run spans several keyframes"
        );
        for (step, expected) in straight.iter().enumerate().rev() {
            assert_eq!(&timeline.seek(step as u64), expected, "step {step}");
        }
        assert_eq!(
            timeline.seek(u64::MAX),
            *straight.last().unwrap(),
            "past the end clamps to the last step"
        );
    }

    #[test]
    fn stays_within_the_memory_budget_by_thinning() {
        // 4,000 values make 32 KB keyframes; a reversed input runs ~16 million steps.
        let values: Vec<i64> = (0..4000).rev().collect();
        let timeline = Timeline::record(run(values)).unwrap();
        assert!(
            timeline.memory_bytes() <= MEMORY_BUDGET + size_of::<Run<BubbleSort>>() * 8 + 64 * 1024
        );
        assert!(
            timeline.interval() > 1024,
            "thinned from the initial interval"
        );
        let last = timeline.seek(timeline.last_step());
        assert!(last.finished);
    }

    #[test]
    fn refuses_runs_longer_than_the_limit() {
        let values: Vec<i64> = (0..100).rev().collect();
        assert_eq!(
            Timeline::record_with_limit(run(values), 1000).err(),
            Some(TooLong { max_steps: 1000 })
        );
    }
}

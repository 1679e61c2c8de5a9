//! Bubble sort: repeatedly swap adjacent out-of-order pairs; each pass bubbles the largest remaining value
//! to the end. Stops early after a pass without swaps.

use serde::{Deserialize, Serialize};

use crate::machine::Machine;
use crate::snapshot::{ArrayFrame, Counters, Frame, Mark, Snapshot, Variable};

pub const PSEUDOCODE: &[&str] = &[
    "procedure bubbleSort(A)",
    "  for i ← 0 to n − 2",
    "    swapped ← false",
    "    for j ← 0 to n − i − 2",
    "      if A[j] > A[j + 1]",
    "        swap A[j] and A[j + 1]; swapped ← true",
    "    if not swapped: stop",
    "  A is sorted",
];

const LINE_START: usize = 0;
const LINE_COMPARE: usize = 4;
const LINE_SWAP: usize = 5;
const LINE_PASS_END: usize = 6;
const LINE_DONE: usize = 7;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BubbleSort {
    values: Vec<i64>,
    i: usize,
    j: usize,
    swapped: bool,
    at: At,
    step: u64,
    counters: Counters,
}

/// What the current step is; the snapshot is a pure function of this and the fields above.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
enum At {
    Start,
    /// Compared `values[j]` with `values[j + 1]`.
    Compare,
    /// Swapped `values[j]` and `values[j + 1]`.
    Swap,
    /// Finished pass `i`.
    PassEnd,
    Done,
}

impl BubbleSort {
    pub fn new(values: Vec<i64>) -> Self {
        BubbleSort {
            values,
            i: 0,
            j: 0,
            swapped: false,
            at: At::Start,
            step: 0,
            counters: Counters::default(),
        }
    }

    pub fn values(&self) -> &[i64] {
        &self.values
    }

    fn compare(&mut self) -> At {
        self.counters.comparisons += 1;
        self.counters.reads += 2;
        At::Compare
    }

    /// After a comparison (and maybe a swap) at `j`: the next comparison in this pass, or the pass end.
    fn after_pair(&mut self) -> At {
        if self.j + 2 < self.values.len() - self.i {
            self.j += 1;
            self.compare()
        } else {
            At::PassEnd
        }
    }

    /// Index where the sorted suffix begins.
    fn sorted_from(&self) -> usize {
        let n = self.values.len();
        match self.at {
            At::Done => 0,
            At::PassEnd => n - self.i - 1,
            _ => n - self.i,
        }
    }
}

impl Machine for BubbleSort {
    fn advance(&mut self) -> bool {
        let n = self.values.len();
        self.at = match self.at {
            At::Done => return false,
            At::Start if n < 2 => At::Done,
            At::Start => self.compare(),
            At::Compare if self.values[self.j] > self.values[self.j + 1] => {
                self.values.swap(self.j, self.j + 1);
                self.swapped = true;
                self.counters.swaps += 1;
                self.counters.writes += 2;
                At::Swap
            }
            At::Compare | At::Swap => self.after_pair(),
            At::PassEnd if !self.swapped || self.i + 2 >= n => At::Done,
            At::PassEnd => {
                self.i += 1;
                self.j = 0;
                self.swapped = false;
                self.compare()
            }
        };
        self.step += 1;
        true
    }

    fn snapshot(&self) -> Snapshot {
        let (j, a, b) = (
            self.j,
            self.values.get(self.j).copied(),
            self.values.get(self.j + 1).copied(),
        );
        let (line, narration, marks) = match self.at {
            At::Start => (
                LINE_START,
                format!("Start bubble sort on {} values.", self.values.len()),
                vec![],
            ),
            At::Compare => {
                let (a, b) = (a.unwrap(), b.unwrap());
                let verdict = if a > b {
                    "out of order, so swap them"
                } else {
                    "in order, so leave them"
                };
                let narration = format!("Compare A[{j}] = {a} with A[{}] = {b}: {verdict}.", j + 1);
                (
                    LINE_COMPARE,
                    narration,
                    vec![(j, Mark::Compared), (j + 1, Mark::Compared)],
                )
            }
            At::Swap => {
                let narration = format!(
                    "Swap: A[{j}] is now {} and A[{}] is now {}.",
                    a.unwrap(),
                    j + 1,
                    b.unwrap()
                );
                (
                    LINE_SWAP,
                    narration,
                    vec![(j, Mark::Swapped), (j + 1, Mark::Swapped)],
                )
            }
            At::PassEnd if !self.swapped => (
                LINE_PASS_END,
                format!("Pass {} made no swaps: the array is sorted.", self.i + 1),
                vec![],
            ),
            At::PassEnd => {
                let placed = self.values.len() - self.i - 1;
                let narration = format!(
                    "Pass {} is done: {} is in its final place at index {placed}.",
                    self.i + 1,
                    self.values[placed]
                );
                (LINE_PASS_END, narration, vec![])
            }
            At::Done => (LINE_DONE, "Done: the array is sorted.".to_owned(), vec![]),
        };
        let started = self.at != At::Start && self.at != At::Done;
        Snapshot {
            step: self.step,
            line,
            narration,
            variables: vec![
                Variable::new("n", Some(self.values.len())),
                Variable::new("i", started.then_some(self.i)),
                Variable::new("j", (started && self.at != At::PassEnd).then_some(self.j)),
                Variable::new("swapped", started.then_some(self.swapped)),
            ],
            counters: self.counters,
            frame: Frame::Array(ArrayFrame {
                values: self.values.clone(),
                marks,
                sorted: (self.sorted_from(), self.values.len()),
            }),
            finished: self.at == At::Done,
        }
    }

    fn step(&self) -> u64 {
        self.step
    }

    fn counters(&self) -> Counters {
        self.counters
    }

    fn is_finished(&self) -> bool {
        self.at == At::Done
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_and_counts_a_small_example() {
        let mut machine = BubbleSort::new(vec![3, 1, 2]);
        let counters = machine.run_to_end();
        assert_eq!(machine.values(), [1, 2, 3]);
        // Pass 1: (3,1) swap, (3,2) swap. Pass 2: (1,2) no swap, then stop.
        assert_eq!(
            counters,
            Counters {
                comparisons: 3,
                swaps: 2,
                reads: 6,
                writes: 4
            }
        );
    }

    #[test]
    fn stops_after_a_pass_without_swaps() {
        let mut machine = BubbleSort::new(vec![1, 2, 3, 4, 5]);
        assert_eq!(machine.run_to_end().comparisons, 4);
    }

    #[test]
    fn narrates_a_swap_with_the_new_values() {
        let swap = BubbleSort::new(vec![2, 1])
            .steps()
            .find(|s| s.line == LINE_SWAP)
            .unwrap();
        assert_eq!(swap.narration, "Swap: A[0] is now 1 and A[1] is now 2.");
        let Frame::Array(frame) = swap.frame;
        assert_eq!(frame.values, [1, 2]);
        assert_eq!(frame.mark_of(0), Some(Mark::Swapped));
    }

    #[test]
    fn empty_and_single_inputs_finish_immediately() {
        for input in [vec![], vec![7]] {
            let steps: Vec<_> = BubbleSort::new(input.clone()).steps().collect();
            assert_eq!(steps.len(), 2, "start and done for {input:?}");
            assert!(steps[1].finished);
        }
    }
}

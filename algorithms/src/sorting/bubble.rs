//! Bubble sort: repeatedly swap adjacent out-of-order pairs; each pass bubbles the largest remaining value
//! to the end. Stops early after a pass without swaps.

use serde::{Deserialize, Serialize};

use crate::catalogue::{Card, Category, Complexity, Entry, QUADRATIC_SORT_INPUT};
#[cfg(feature = "restore")]
use crate::machine::restore;
use crate::machine::{Algorithm, Run};
use crate::snapshot::{ArrayFrame, Counters, Frame, FrameKind, Mark, Variable, View};

pub const CARD: Card = Card {
    id: "bubble-sort",
    name: "Bubble sort",
    category: Category::Sorting,
    summary: "Swaps neighbours that are out of order; each pass carries the largest remaining value to the end.",
    complexity: Complexity {
        best: "O(n)",
        average: "O(n²)",
        worst: "O(n²)",
        space: "O(1)",
    },
    stable: Some(true),
    in_place: Some(true),
    input: QUADRATIC_SORT_INPUT,
    frame: FrameKind::Array,
    legend: super::EXCHANGES,
    counters: crate::catalogue::SORT_COUNTERS,
    work: crate::catalogue::SORT_WORK,
    version: 1,
};

/// Other names a learner may search the catalogue for (`catalogue::matches`), lower case.
pub const ALIASES: &[&str] = &["sinking sort", "exchange sort"];

pub const ENTRY: Entry = Entry {
    card: &CARD,
    pseudocode: PSEUDOCODE,
    start: |input| Box::new(Run::new(BubbleSort::new(input.values))),
    #[cfg(feature = "restore")]
    restore: restore::<BubbleSort>,
};

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

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BubbleSort {
    values: Vec<i64>,
    i: usize,
    j: usize,
    swapped: bool,
    at: At,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
enum At {
    Start,
    /// Compared `values[j]` with `values[j + 1]`.
    Compare {
        greater: bool,
    },
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
        }
    }

    pub fn values(&self) -> &[i64] {
        &self.values
    }

    fn compare(&mut self, c: &mut Counters) -> At {
        let (a, b) = (
            c.read(&self.values, self.j),
            c.read(&self.values, self.j + 1),
        );
        At::Compare {
            greater: c.compare(a, b).is_gt(),
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

impl Algorithm for BubbleSort {
    fn step(&mut self, c: &mut Counters) -> bool {
        let n = self.values.len();
        self.at = match self.at {
            At::Done => return false,
            At::Start if n < 2 => At::Done,
            At::Start => self.compare(c),
            At::Compare { greater: true } => {
                c.swap(&mut self.values, self.j, self.j + 1);
                self.swapped = true;
                At::Swap
            }
            At::Compare { greater: false } | At::Swap if self.j + 2 < n - self.i => {
                self.j += 1;
                self.compare(c)
            }
            At::Compare { .. } | At::Swap => At::PassEnd,
            At::PassEnd if !self.swapped || self.i + 2 >= n => At::Done,
            At::PassEnd => {
                self.i += 1;
                self.j = 0;
                self.swapped = false;
                self.compare(c)
            }
        };
        true
    }

    fn view(&self) -> View {
        let (n, i, j) = (self.values.len(), self.i, self.j);
        let frame = ArrayFrame::new(&self.values).sorted(self.sorted_from(), n);
        let (line, narration, frame) = match self.at {
            At::Start => (
                0,
                format!(
                    "Start bubble sort on {}.",
                    crate::plural(n, "value", "values")
                ),
                frame,
            ),
            At::Compare { greater } => {
                let (a, b) = (self.values[j], self.values[j + 1]);
                let verdict = if greater {
                    "out of order, so swap them"
                } else {
                    "in order, so leave them"
                };
                let frame = frame
                    .mark(j, Mark::Compared)
                    .mark(j + 1, Mark::Compared)
                    .pointer("j", j);
                (
                    4,
                    format!("Compare A[{j}] = {a} with A[{}] = {b}: {verdict}.", j + 1),
                    frame,
                )
            }
            At::Swap => {
                let (a, b) = (self.values[j], self.values[j + 1]);
                let frame = frame
                    .mark(j, Mark::Swapped)
                    .mark(j + 1, Mark::Swapped)
                    .pointer("j", j);
                (
                    5,
                    format!("Swap: A[{j}] is now {a} and A[{}] is now {b}.", j + 1),
                    frame,
                )
            }
            At::PassEnd if !self.swapped => (
                6,
                format!("Pass {} made no swaps: the array is sorted.", i + 1),
                frame,
            ),
            At::PassEnd => {
                let placed = n - i - 1;
                let value = self.values[placed];
                (
                    6,
                    format!(
                        "Pass {} is done: {value} is in its final place at index {placed}.",
                        i + 1
                    ),
                    frame,
                )
            }
            At::Done => (7, "Done: the array is sorted.".to_owned(), frame),
        };
        let running = !matches!(self.at, At::Start | At::Done);
        View {
            line,
            narration,
            variables: vec![
                Variable::new("n", Some(n)),
                Variable::new("i", running.then_some(i)),
                Variable::new("j", (running && self.at != At::PassEnd).then_some(j)),
                Variable::new("swapped", running.then_some(self.swapped)),
            ],
            frame: Frame::Array(frame),
        }
    }

    fn is_done(&self) -> bool {
        self.at == At::Done
    }

    fn heap_bytes(&self) -> usize {
        self.values.capacity() * size_of::<i64>()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::machine::Machine;

    #[test]
    fn sorts_and_counts_a_small_example() {
        let mut run = Run::new(BubbleSort::new(vec![3, 1, 2]));
        let counters = run.run_to_end();
        assert_eq!(run.algorithm().values(), [1, 2, 3]);
        // Pass 1: (3,1) swap, (3,2) swap. Pass 2: (1,2) no swap, then stop.
        assert_eq!(
            counters,
            Counters {
                comparisons: 3,
                swaps: 2,
                reads: 10,
                writes: 4,
                ..Counters::default()
            }
        );
    }

    #[test]
    fn stops_after_a_pass_without_swaps() {
        let mut run = Run::new(BubbleSort::new(vec![1, 2, 3, 4, 5]));
        assert_eq!(run.run_to_end().comparisons, 4);
    }

    #[test]
    fn narrates_a_swap_with_the_new_values() {
        let swap = Run::new(BubbleSort::new(vec![2, 1]))
            .steps()
            .find(|s| s.line == 5)
            .unwrap();
        assert_eq!(swap.narration, "Swap: A[0] is now 1 and A[1] is now 2.");
        let Frame::Array(frame) = swap.frame else {
            panic!("an array frame")
        };
        assert_eq!(frame.values, [1, 2]);
        assert_eq!(frame.dense_marks()[0], Some(Mark::Swapped));
    }
}

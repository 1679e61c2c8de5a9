//! Quicksort with Hoare's partition: two indices move towards each other from both ends and swap pairs
//! that are on the wrong side of the middle element's value. Fewer swaps than Lomuto's; the pivot does not
//! necessarily end in its final place.

use serde::{Deserialize, Serialize};

use super::outside_ranges;
use crate::catalogue::{Card, Category, Complexity, Entry, FAST_SORT_INPUT};
#[cfg(feature = "restore")]
use crate::machine::restore;
use crate::machine::{Algorithm, Run};
use crate::snapshot::{ArrayFrame, Counters, Frame, FrameKind, Mark, Variable, View};

pub const PSEUDOCODE: &[&str] = &[
    "procedure quicksort(A, lo, hi)  — sorts A[lo..hi]",
    "  if lo < hi",
    "    pivot ← A[⌊(lo + hi) / 2⌋]; i ← lo; j ← hi",
    "    while A[i] < pivot: i ← i + 1",
    "    while A[j] > pivot: j ← j − 1",
    "    if i ≥ j: p ← j; go to 7",
    "    swap A[i] and A[j]; i ← i + 1; j ← j − 1; go to 3",
    "    quicksort(A, lo, p); quicksort(A, p + 1, hi)",
    "A is sorted",
];

pub const CARD: Card = Card {
    id: "quicksort-hoare",
    name: "Quicksort (Hoare)",
    category: Category::Sorting,
    summary: "Partitions with two indices closing in from both ends, swapping misplaced pairs; few swaps.",
    complexity: Complexity {
        best: "O(n log n)",
        average: "O(n log n)",
        worst: "O(n²)",
        space: "O(log n) to O(n) stack",
    },
    stable: Some(false),
    in_place: Some(true),
    input: FAST_SORT_INPUT,
    frame: FrameKind::Array,
    legend: super::PARTITIONS,
    counters: crate::catalogue::SORT_COUNTERS,
    work: crate::catalogue::SORT_WORK,
    version: 1,
};

/// Other names a learner may search the catalogue for (`catalogue::matches`), lower case.
pub const ALIASES: &[&str] = &["quick sort", "partition", "divide and conquer"];

pub const ENTRY: Entry = Entry {
    card: &CARD,
    pseudocode: PSEUDOCODE,
    start: |input| Box::new(Run::new(QuicksortHoare::new(input.values))),
    #[cfg(feature = "restore")]
    restore: restore::<QuicksortHoare>,
};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuicksortHoare {
    values: Vec<i64>,
    /// Ranges still to sort, inclusive.
    stack: Vec<(usize, usize)>,
    lo: usize,
    hi: usize,
    i: usize,
    j: usize,
    pivot: i64,
    at: At,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
enum At {
    Start,
    Partition,
    /// Compared `A[i]` with the pivot; `stop` when `A[i] ≥ pivot`.
    ScanI {
        stop: bool,
    },
    /// Compared `A[j]` with the pivot; `stop` when `A[j] ≤ pivot`.
    ScanJ {
        stop: bool,
    },
    Swap,
    Split {
        p: usize,
    },
    Done,
}

impl QuicksortHoare {
    pub fn new(values: Vec<i64>) -> Self {
        let stack = if values.len() > 1 {
            vec![(0, values.len() - 1)]
        } else {
            vec![]
        };
        QuicksortHoare {
            values,
            stack,
            lo: 0,
            hi: 0,
            i: 0,
            j: 0,
            pivot: 0,
            at: At::Start,
        }
    }

    fn next_range(&mut self, c: &mut Counters) -> At {
        let Some((lo, hi)) = self.stack.pop() else {
            return At::Done;
        };
        (self.lo, self.hi, self.i, self.j) = (lo, hi, lo, hi);
        self.pivot = c.read(&self.values, (lo + hi) / 2);
        At::Partition
    }

    fn scan_i(&mut self, c: &mut Counters) -> At {
        let value = c.read(&self.values, self.i);
        At::ScanI {
            stop: c.compare(value, self.pivot).is_ge(),
        }
    }

    fn scan_j(&mut self, c: &mut Counters) -> At {
        let value = c.read(&self.values, self.j);
        At::ScanJ {
            stop: c.compare(value, self.pivot).is_le(),
        }
    }
}

impl Algorithm for QuicksortHoare {
    fn step(&mut self, c: &mut Counters) -> bool {
        self.at = match self.at {
            At::Done => return false,
            At::Start | At::Split { .. } => self.next_range(c),
            At::Partition => self.scan_i(c),
            At::ScanI { stop: false } => {
                self.i += 1;
                self.scan_i(c)
            }
            At::ScanI { stop: true } => self.scan_j(c),
            At::ScanJ { stop: false } => {
                self.j -= 1;
                self.scan_j(c)
            }
            At::ScanJ { stop: true } if self.i >= self.j => {
                let (lo, hi, p) = (self.lo, self.hi, self.j);
                if p + 1 < hi {
                    self.stack.push((p + 1, hi));
                }
                if p > lo {
                    self.stack.push((lo, p));
                }
                At::Split { p }
            }
            At::ScanJ { stop: true } => {
                c.swap(&mut self.values, self.i, self.j);
                At::Swap
            }
            At::Swap => {
                self.i += 1;
                self.j -= 1;
                self.scan_i(c)
            }
        };
        true
    }

    fn view(&self) -> View {
        let n = self.values.len();
        let (lo, hi, i, j, pivot) = (self.lo, self.hi, self.i, self.j, self.pivot);
        let partitioning = !matches!(self.at, At::Start | At::Split { .. } | At::Done);
        let pending = self
            .stack
            .iter()
            .copied()
            .chain(partitioning.then_some((lo, hi)));
        let mut frame = ArrayFrame::new(&self.values);
        frame.sorted = outside_ranges(n, pending);
        let scan = |f: ArrayFrame| f.active(lo, hi + 1).pointer("i", i).pointer("j", j);
        let (line, narration, frame) = match self.at {
            At::Start => (
                0,
                format!(
                    "Start quicksort (Hoare) on {}.",
                    crate::plural(n, "value", "values")
                ),
                frame,
            ),
            At::Partition => (
                2,
                format!("Partition A[{lo}..{hi}] around the middle value {pivot}."),
                scan(frame).mark((lo + hi) / 2, Mark::Pivot),
            ),
            At::ScanI { stop } => {
                let value = self.values[i];
                let text = if stop {
                    format!("A[{i}] = {value} ≥ pivot {pivot}: i stops here.")
                } else {
                    format!("A[{i}] = {value} < pivot {pivot}: move i right.")
                };
                (3, text, scan(frame).mark(i, Mark::Compared))
            }
            At::ScanJ { stop } => {
                let value = self.values[j];
                let text = if stop {
                    format!("A[{j}] = {value} ≤ pivot {pivot}: j stops here.")
                } else {
                    format!("A[{j}] = {value} > pivot {pivot}: move j left.")
                };
                (4, text, scan(frame).mark(j, Mark::Compared))
            }
            At::Swap => (
                6,
                format!(
                    "i < j: swap A[{i}] and A[{j}], now {} and {}.",
                    self.values[i], self.values[j]
                ),
                scan(frame).mark(i, Mark::Swapped).mark(j, Mark::Swapped),
            ),
            At::Split { p } => (
                5,
                format!("i ≥ j: split into A[{lo}..{p}] and A[{}..{hi}].", p + 1),
                frame.active(lo, hi + 1).pointer("p", p),
            ),
            At::Done => (8, "Done: the array is sorted.".to_owned(), frame),
        };
        let running = !matches!(self.at, At::Start | At::Done);
        View {
            line,
            narration,
            variables: vec![
                Variable::new("lo", running.then_some(lo)),
                Variable::new("hi", running.then_some(hi)),
                Variable::new("pivot", running.then_some(pivot)),
                Variable::new("i", partitioning.then_some(i)),
                Variable::new("j", partitioning.then_some(j)),
            ],
            frame: Frame::Array(frame),
        }
    }

    fn is_done(&self) -> bool {
        self.at == At::Done
    }

    fn heap_bytes(&self) -> usize {
        self.values.capacity() * size_of::<i64>()
            + self.stack.capacity() * size_of::<(usize, usize)>()
    }
}

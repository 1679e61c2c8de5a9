//! Selection sort: find the smallest remaining value and swap it to the front of the unsorted part.

use serde::{Deserialize, Serialize};

use crate::catalogue::{Card, Category, Complexity, Entry, QUADRATIC_SORT_INPUT};
#[cfg(feature = "restore")]
use crate::machine::restore;
use crate::machine::{Algorithm, Run};
use crate::snapshot::{ArrayFrame, Counters, Frame, FrameKind, Mark, Variable, View};

pub const PSEUDOCODE: &[&str] = &[
    "procedure selectionSort(A)",
    "  for i ← 0 to n − 2",
    "    min ← i",
    "    for j ← i + 1 to n − 1",
    "      if A[j] < A[min]: min ← j",
    "    swap A[i] and A[min]",
    "  A is sorted",
];

pub const CARD: Card = Card {
    id: "selection-sort",
    name: "Selection sort",
    category: Category::Sorting,
    summary: "Scans the unsorted part for its smallest value and swaps it into place: few swaps, many comparisons.",
    complexity: Complexity {
        best: "O(n²)",
        average: "O(n²)",
        worst: "O(n²)",
        space: "O(1)",
    },
    stable: Some(false),
    in_place: Some(true),
    input: QUADRATIC_SORT_INPUT,
    frame: FrameKind::Array,
    legend: super::SELECTION,
    counters: crate::catalogue::SORT_COUNTERS,
    work: crate::catalogue::SORT_WORK,
    version: 1,
};

/// Other names a learner may search the catalogue for (`catalogue::matches`), lower case.
pub const ALIASES: &[&str] = &["minimum"];

pub const ENTRY: Entry = Entry {
    card: &CARD,
    pseudocode: PSEUDOCODE,
    start: |input| Box::new(Run::new(SelectionSort::new(input.values))),
    #[cfg(feature = "restore")]
    restore: restore::<SelectionSort>,
};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SelectionSort {
    values: Vec<i64>,
    i: usize,
    j: usize,
    min: usize,
    at: At,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
enum At {
    Start,
    PassStart,
    Compare { less: bool },
    Swap,
    Done,
}

impl SelectionSort {
    pub fn new(values: Vec<i64>) -> Self {
        SelectionSort {
            values,
            i: 0,
            j: 0,
            min: 0,
            at: At::Start,
        }
    }

    fn compare(&mut self, c: &mut Counters) -> At {
        let (a, b) = (c.read(&self.values, self.j), c.read(&self.values, self.min));
        let less = c.compare(a, b).is_lt();
        if less {
            self.min = self.j;
        }
        At::Compare { less }
    }
}

impl Algorithm for SelectionSort {
    fn step(&mut self, c: &mut Counters) -> bool {
        let n = self.values.len();
        self.at = match self.at {
            At::Done => return false,
            At::Start if n < 2 => At::Done,
            At::Start => At::PassStart,
            At::PassStart => {
                self.j = self.i + 1;
                self.compare(c)
            }
            At::Compare { .. } if self.j + 1 < n => {
                self.j += 1;
                self.compare(c)
            }
            At::Compare { .. } => {
                if self.min != self.i {
                    c.swap(&mut self.values, self.i, self.min);
                }
                At::Swap
            }
            At::Swap if self.i + 2 < n => {
                self.i += 1;
                self.min = self.i;
                At::PassStart
            }
            At::Swap => At::Done,
        };
        true
    }

    fn view(&self) -> View {
        let (n, i, j, min) = (self.values.len(), self.i, self.j, self.min);
        let frame = ArrayFrame::new(&self.values).sorted(0, i);
        let (line, narration, frame) = match self.at {
            At::Start => (
                0,
                format!(
                    "Start selection sort on {}.",
                    crate::plural(n, "value", "values")
                ),
                frame,
            ),
            At::PassStart => (
                2,
                format!("Look for the smallest value in A[{i}..{n}]; start with min = {i}."),
                frame.active(i, n).mark(i, Mark::Pivot),
            ),
            At::Compare { less: true } => (
                4,
                format!(
                    "A[{j}] = {} is smaller than the minimum so far: min ← {j}.",
                    self.values[j]
                ),
                frame.active(i, n).mark(j, Mark::Pivot).pointer("j", j),
            ),
            At::Compare { less: false } => (
                4,
                format!(
                    "A[{j}] = {} is not smaller than A[min] = {}.",
                    self.values[j], self.values[min]
                ),
                frame
                    .active(i, n)
                    .mark(j, Mark::Compared)
                    .mark(min, Mark::Pivot)
                    .pointer("j", j),
            ),
            At::Swap if min == i => (
                5,
                format!(
                    "A[{i}] = {} is already the smallest: it stays.",
                    self.values[i]
                ),
                frame.sorted(i, i + 1),
            ),
            At::Swap => (
                5,
                format!(
                    "Swap the minimum into place: A[{i}] is now {}.",
                    self.values[i]
                ),
                frame.mark(i, Mark::Swapped).mark(min, Mark::Swapped),
            ),
            At::Done => (
                6,
                "Done: the array is sorted.".to_owned(),
                frame.sorted(0, n),
            ),
        };
        let running = !matches!(self.at, At::Start | At::Done);
        let scanning = matches!(self.at, At::Compare { .. });
        View {
            line,
            narration,
            variables: vec![
                Variable::new("i", running.then_some(i)),
                Variable::new("j", scanning.then_some(j)),
                Variable::new("min", running.then_some(min)),
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

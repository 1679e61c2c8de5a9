//! Comb sort: bubble sort over pairs `gap` apart, the gap shrinking by a factor of 1.3 each round, which
//! clears away the small values stuck near the end ("turtles") that make bubble sort slow.

use serde::{Deserialize, Serialize};

use crate::catalogue::{Card, Category, Complexity, Entry, QUADRATIC_SORT_INPUT};
#[cfg(feature = "restore")]
use crate::machine::restore;
use crate::machine::{Algorithm, Run};
use crate::snapshot::{ArrayFrame, Counters, Frame, FrameKind, Mark, Variable, View};

pub const PSEUDOCODE: &[&str] = &[
    "procedure combSort(A)",
    "  gap ← n; sorted ← false",
    "  while not sorted",
    "    gap ← max(1, ⌊gap / 1.3⌋); sorted ← (gap = 1)",
    "    for i ← 0 to n − gap − 1: if A[i] > A[i + gap]",
    "      swap A[i] and A[i + gap]; sorted ← false",
    "  A is sorted",
];

pub const CARD: Card = Card {
    id: "comb-sort",
    name: "Comb sort",
    category: Category::Sorting,
    summary: "Bubble sort with a shrinking gap: far-apart swaps first clear small values stuck near the end.",
    complexity: Complexity {
        best: "O(n log n)",
        average: "O(n² / 2^p) (p passes)",
        worst: "O(n²)",
        space: "O(1)",
    },
    stable: Some(false),
    in_place: Some(true),
    input: QUADRATIC_SORT_INPUT,
    frame: FrameKind::Array,
    legend: super::EXCHANGES,
    counters: crate::catalogue::SORT_COUNTERS,
    work: crate::catalogue::SORT_WORK,
    version: 1,
};

/// Other names a learner may search the catalogue for (`catalogue::matches`), lower case.
pub const ALIASES: &[&str] = &["shrink factor"];

pub const ENTRY: Entry = Entry {
    card: &CARD,
    pseudocode: PSEUDOCODE,
    start: |input| Box::new(Run::new(CombSort::new(input.values))),
    #[cfg(feature = "restore")]
    restore: restore::<CombSort>,
};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CombSort {
    values: Vec<i64>,
    gap: usize,
    i: usize,
    sorted: bool,
    at: At,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
enum At {
    Start,
    Gap,
    Compare { greater: bool },
    Swap,
    Done,
}

impl CombSort {
    pub fn new(values: Vec<i64>) -> Self {
        let gap = values.len();
        CombSort {
            values,
            gap,
            i: 0,
            sorted: false,
            at: At::Start,
        }
    }

    fn shrink(&mut self) -> At {
        self.gap = (self.gap * 10 / 13).max(1);
        self.sorted = self.gap == 1;
        At::Gap
    }

    fn compare(&mut self, c: &mut Counters) -> At {
        let (a, b) = (
            c.read(&self.values, self.i),
            c.read(&self.values, self.i + self.gap),
        );
        At::Compare {
            greater: c.compare(a, b).is_gt(),
        }
    }

    fn next_pair(&mut self, c: &mut Counters) -> At {
        if self.i + 1 + self.gap < self.values.len() {
            self.i += 1;
            self.compare(c)
        } else if self.sorted {
            At::Done
        } else {
            self.shrink()
        }
    }
}

impl Algorithm for CombSort {
    fn step(&mut self, c: &mut Counters) -> bool {
        self.at = match self.at {
            At::Done => return false,
            At::Start if self.values.len() < 2 => At::Done,
            At::Start => self.shrink(),
            At::Gap => {
                self.i = 0;
                self.compare(c)
            }
            At::Compare { greater: true } => {
                c.swap(&mut self.values, self.i, self.i + self.gap);
                self.sorted = false;
                At::Swap
            }
            At::Compare { greater: false } | At::Swap => self.next_pair(c),
        };
        true
    }

    fn view(&self) -> View {
        let (n, gap, i) = (self.values.len(), self.gap, self.i);
        let frame = ArrayFrame::new(&self.values);
        let (line, narration, frame) = match self.at {
            At::Start => (
                0,
                format!(
                    "Start comb sort on {}.",
                    crate::plural(n, "value", "values")
                ),
                frame,
            ),
            At::Gap if gap == 1 => (
                3,
                "Gap 1: a bubble-sort pass; if it swaps nothing, the array is sorted.".to_owned(),
                frame,
            ),
            At::Gap => (
                3,
                format!("Shrink the gap to {gap}: compare elements {gap} apart."),
                frame,
            ),
            At::Compare { greater } => {
                let (a, b) = (self.values[i], self.values[i + gap]);
                let verdict = if greater {
                    "out of order, so swap them"
                } else {
                    "in order"
                };
                (
                    4,
                    format!("Compare A[{i}] = {a} with A[{}] = {b}: {verdict}.", i + gap),
                    frame
                        .mark(i, Mark::Compared)
                        .mark(i + gap, Mark::Compared)
                        .pointer("i", i),
                )
            }
            At::Swap => (
                5,
                format!(
                    "Swap: A[{i}] is now {} and A[{}] is now {}.",
                    self.values[i],
                    i + gap,
                    self.values[i + gap]
                ),
                frame
                    .mark(i, Mark::Swapped)
                    .mark(i + gap, Mark::Swapped)
                    .pointer("i", i),
            ),
            At::Done => (
                6,
                "Done: a gap-1 pass swapped nothing, so the array is sorted.".to_owned(),
                frame.sorted(0, n),
            ),
        };
        let running = !matches!(self.at, At::Start | At::Done);
        View {
            line,
            narration,
            variables: vec![
                Variable::new("gap", running.then_some(gap)),
                Variable::new(
                    "i",
                    matches!(self.at, At::Compare { .. } | At::Swap).then_some(i),
                ),
                Variable::new("sorted", running.then_some(self.sorted)),
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

//! Cocktail shaker sort: bubble sort that alternates direction, carrying the largest value right and then
//! the smallest value left in each round.

use serde::{Deserialize, Serialize};

use crate::catalogue::{Card, Category, Complexity, Entry, QUADRATIC_SORT_INPUT};
#[cfg(feature = "restore")]
use crate::machine::restore;
use crate::machine::{Algorithm, Run};
use crate::snapshot::{ArrayFrame, Counters, Frame, FrameKind, Mark, Variable, View};

pub const PSEUDOCODE: &[&str] = &[
    "procedure cocktailShakerSort(A)",
    "  lo ← 0; hi ← n − 1",
    "  repeat",
    "    for j ← lo to hi − 1: if A[j] > A[j + 1]",
    "      swap A[j] and A[j + 1]",
    "    hi ← hi − 1; stop if no swaps",
    "    for j ← hi − 1 down to lo: if A[j] > A[j + 1]",
    "      swap A[j] and A[j + 1]",
    "    lo ← lo + 1; stop if no swaps",
    "  A is sorted",
];

pub const CARD: Card = Card {
    id: "cocktail-shaker-sort",
    name: "Cocktail shaker sort",
    category: Category::Sorting,
    summary: "Bubble sort in both directions: small values near the end travel home quickly on the way back.",
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
pub const ALIASES: &[&str] = &["shaker sort", "bidirectional bubble sort", "cocktail sort"];

pub const ENTRY: Entry = Entry {
    card: &CARD,
    pseudocode: PSEUDOCODE,
    start: |input| Box::new(Run::new(CocktailShakerSort::new(input.values))),
    #[cfg(feature = "restore")]
    restore: restore::<CocktailShakerSort>,
};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CocktailShakerSort {
    values: Vec<i64>,
    lo: usize,
    hi: usize,
    j: usize,
    forward: bool,
    swapped: bool,
    at: At,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
enum At {
    Start,
    Compare {
        greater: bool,
    },
    Swap,
    /// A forward pass ended: `hi` moved left.
    EndForward,
    /// A backward pass ended: `lo` moved right.
    EndBackward,
    Done,
}

impl CocktailShakerSort {
    pub fn new(values: Vec<i64>) -> Self {
        let hi = values.len().saturating_sub(1);
        CocktailShakerSort {
            values,
            lo: 0,
            hi,
            j: 0,
            forward: true,
            swapped: false,
            at: At::Start,
        }
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

    /// The next pair of this pass, or the end of the pass.
    fn next_pair(&mut self, c: &mut Counters) -> At {
        if self.forward && self.j + 1 < self.hi {
            self.j += 1;
            self.compare(c)
        } else if !self.forward && self.j > self.lo {
            self.j -= 1;
            self.compare(c)
        } else if self.forward {
            self.hi -= 1;
            At::EndForward
        } else {
            self.lo += 1;
            At::EndBackward
        }
    }
}

impl Algorithm for CocktailShakerSort {
    fn step(&mut self, c: &mut Counters) -> bool {
        self.at = match self.at {
            At::Done => return false,
            At::Start if self.values.len() < 2 => At::Done,
            At::Start => self.compare(c),
            At::Compare { greater: true } => {
                c.swap(&mut self.values, self.j, self.j + 1);
                self.swapped = true;
                At::Swap
            }
            At::Compare { greater: false } | At::Swap => self.next_pair(c),
            At::EndForward | At::EndBackward if !self.swapped || self.lo >= self.hi => At::Done,
            At::EndForward => {
                self.swapped = false;
                self.forward = false;
                self.j = self.hi - 1;
                self.compare(c)
            }
            At::EndBackward => {
                self.swapped = false;
                self.forward = true;
                self.j = self.lo;
                self.compare(c)
            }
        };
        true
    }

    fn view(&self) -> View {
        let (n, lo, hi, j) = (self.values.len(), self.lo, self.hi, self.j);
        let frame = ArrayFrame::new(&self.values);
        let (line, narration, frame) = match self.at {
            At::Start => (
                0,
                format!(
                    "Start cocktail shaker sort on {}.",
                    crate::plural(n, "value", "values")
                ),
                frame,
            ),
            At::Compare { greater } => {
                let (a, b) = (self.values[j], self.values[j + 1]);
                let verdict = if greater {
                    "out of order, so swap them"
                } else {
                    "in order"
                };
                let line = if self.forward { 3 } else { 6 };
                let frame = frame.sorted(0, lo).sorted(hi + 1, n).active(lo, hi + 1);
                (
                    line,
                    format!("Compare A[{j}] = {a} with A[{}] = {b}: {verdict}.", j + 1),
                    frame
                        .mark(j, Mark::Compared)
                        .mark(j + 1, Mark::Compared)
                        .pointer("j", j),
                )
            }
            At::Swap => {
                let line = if self.forward { 4 } else { 7 };
                let frame = frame.sorted(0, lo).sorted(hi + 1, n).active(lo, hi + 1);
                (
                    line,
                    format!(
                        "Swap: A[{j}] is now {} and A[{}] is now {}.",
                        self.values[j],
                        j + 1,
                        self.values[j + 1]
                    ),
                    frame
                        .mark(j, Mark::Swapped)
                        .mark(j + 1, Mark::Swapped)
                        .pointer("j", j),
                )
            }
            At::EndForward => (
                5,
                format!(
                    "Forward pass done: {} is in its final place at index {}.",
                    self.values[hi + 1],
                    hi + 1
                ),
                frame.sorted(0, lo).sorted(hi + 1, n),
            ),
            At::EndBackward => (
                8,
                format!(
                    "Backward pass done: {} is in its final place at index {}.",
                    self.values[lo - 1],
                    lo - 1
                ),
                frame.sorted(0, lo).sorted(hi + 1, n),
            ),
            At::Done => (
                9,
                "Done: the array is sorted.".to_owned(),
                frame.sorted(0, n),
            ),
        };
        let running = !matches!(self.at, At::Start | At::Done);
        View {
            line,
            narration,
            variables: vec![
                Variable::new("lo", running.then_some(lo)),
                Variable::new("hi", running.then_some(hi)),
                Variable::new(
                    "j",
                    matches!(self.at, At::Compare { .. } | At::Swap).then_some(j),
                ),
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

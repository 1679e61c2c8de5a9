//! Binary insertion sort: insertion sort that finds each value's place by binary search, so it compares
//! O(n log n) times but still shifts O(n²) values.

use serde::{Deserialize, Serialize};

use crate::catalogue::{Card, Category, Complexity, Entry, QUADRATIC_SORT_INPUT};
#[cfg(feature = "restore")]
use crate::machine::restore;
use crate::machine::{Algorithm, Run};
use crate::snapshot::{ArrayFrame, Counters, Frame, FrameKind, Mark, Variable, View};

pub const PSEUDOCODE: &[&str] = &[
    "procedure binaryInsertionSort(A)",
    "  for i ← 1 to n − 1",
    "    key ← A[i]; lo ← 0; hi ← i",
    "    while lo < hi",
    "      mid ← ⌊(lo + hi) / 2⌋; if key < A[mid]: hi ← mid else lo ← mid + 1",
    "    shift A[lo..i − 1] one place right",
    "    A[lo] ← key",
    "  A is sorted",
];

pub const CARD: Card = Card {
    id: "binary-insertion-sort",
    name: "Binary insertion sort",
    category: Category::Sorting,
    summary: "Insertion sort that binary-searches each value's place: fewer comparisons, the same shifting.",
    complexity: Complexity {
        best: "O(n log n)",
        average: "O(n²)",
        worst: "O(n²)",
        space: "O(1)",
    },
    stable: Some(true),
    in_place: Some(true),
    input: QUADRATIC_SORT_INPUT,
    frame: FrameKind::Array,
    legend: super::INSERTIONS,
    counters: crate::catalogue::SORT_COUNTERS,
    work: crate::catalogue::SORT_WORK,
    version: 1,
};

/// Other names a learner may search the catalogue for (`catalogue::matches`), lower case.
pub const ALIASES: &[&str] = &["insertion sort"];

pub const ENTRY: Entry = Entry {
    card: &CARD,
    pseudocode: PSEUDOCODE,
    start: |input| Box::new(Run::new(BinaryInsertionSort::new(input.values))),
    #[cfg(feature = "restore")]
    restore: restore::<BinaryInsertionSort>,
};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BinaryInsertionSort {
    values: Vec<i64>,
    i: usize,
    key: i64,
    lo: usize,
    hi: usize,
    mid: usize,
    /// The gap while shifting: `values[k]` was just overwritten by `values[k - 1]`.
    k: usize,
    at: At,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
enum At {
    Start,
    Pick,
    Probe { less: bool },
    Shift,
    Insert,
    Done,
}

impl BinaryInsertionSort {
    pub fn new(values: Vec<i64>) -> Self {
        BinaryInsertionSort {
            values,
            i: 0,
            key: 0,
            lo: 0,
            hi: 0,
            mid: 0,
            k: 0,
            at: At::Start,
        }
    }

    fn pick(&mut self, c: &mut Counters) -> At {
        self.key = c.read(&self.values, self.i);
        (self.lo, self.hi, self.k) = (0, self.i, self.i);
        At::Pick
    }

    /// The next probe while the search range is open, then the shifting, then the insertion.
    fn search_or_shift(&mut self, c: &mut Counters) -> At {
        if self.lo < self.hi {
            self.mid = (self.lo + self.hi) / 2;
            let probe = c.read(&self.values, self.mid);
            let less = c.compare(self.key, probe).is_lt();
            if less {
                self.hi = self.mid;
            } else {
                self.lo = self.mid + 1;
            }
            At::Probe { less }
        } else if self.k > self.lo {
            let moved = c.read(&self.values, self.k - 1);
            c.write(&mut self.values, self.k, moved);
            self.k -= 1;
            At::Shift
        } else {
            c.write(&mut self.values, self.lo, self.key);
            At::Insert
        }
    }
}

impl Algorithm for BinaryInsertionSort {
    fn step(&mut self, c: &mut Counters) -> bool {
        let n = self.values.len();
        self.at = match self.at {
            At::Done => return false,
            At::Start if n < 2 => At::Done,
            At::Start => {
                self.i = 1;
                self.pick(c)
            }
            At::Pick | At::Probe { .. } | At::Shift => self.search_or_shift(c),
            At::Insert if self.i + 1 < n => {
                self.i += 1;
                self.pick(c)
            }
            At::Insert => At::Done,
        };
        true
    }

    fn view(&self) -> View {
        let (n, i, key, lo, hi, mid, k) = (
            self.values.len(),
            self.i,
            self.key,
            self.lo,
            self.hi,
            self.mid,
            self.k,
        );
        let frame = ArrayFrame::new(&self.values);
        let (line, narration, frame) = match self.at {
            At::Start => (
                0,
                format!(
                    "Start binary insertion sort on {}.",
                    crate::plural(n, "value", "values")
                ),
                frame,
            ),
            At::Pick => (
                2,
                format!("Take key = A[{i}] = {key}; search its place in A[0..{i}]."),
                frame.active(0, i).mark(i, Mark::Pivot),
            ),
            At::Probe { less } => {
                let probe = self.values[mid];
                let text = if less {
                    format!("key {key} < A[{mid}] = {probe}: search left, hi ← {mid}.")
                } else {
                    format!(
                        "key {key} ≥ A[{mid}] = {probe}: search right, lo ← {}.",
                        mid + 1
                    )
                };
                (
                    4,
                    text,
                    frame
                        .active(lo, hi)
                        .mark(mid, Mark::Compared)
                        .pointer("mid", mid),
                )
            }
            At::Shift => (
                5,
                format!("Shift {} right to index {}.", self.values[k + 1], k + 1),
                frame.active(lo, i + 1).mark(k + 1, Mark::Written),
            ),
            At::Insert => (
                6,
                format!("Place the key {key} at index {lo}."),
                frame.active(0, i + 1).mark(lo, Mark::Written),
            ),
            At::Done => (
                7,
                "Done: the array is sorted.".to_owned(),
                frame.sorted(0, n),
            ),
        };
        let running = !matches!(self.at, At::Start | At::Done);
        View {
            line,
            narration,
            variables: vec![
                Variable::new("i", running.then_some(i)),
                Variable::new("key", running.then_some(key)),
                Variable::new("lo", running.then_some(lo)),
                Variable::new("hi", running.then_some(hi)),
                Variable::new("mid", matches!(self.at, At::Probe { .. }).then_some(mid)),
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

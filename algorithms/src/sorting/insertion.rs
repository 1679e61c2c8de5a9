//! Insertion sort: grow a sorted prefix by taking the next value and shifting larger ones right until the
//! value's place opens up.

use serde::{Deserialize, Serialize};

use crate::catalogue::{Card, Category, Complexity, Entry, QUADRATIC_SORT_INPUT};
#[cfg(feature = "restore")]
use crate::machine::restore;
use crate::machine::{Algorithm, Run};
use crate::snapshot::{ArrayFrame, Counters, Frame, FrameKind, Mark, Variable, View};

pub const PSEUDOCODE: &[&str] = &[
    "procedure insertionSort(A)",
    "  for i ← 1 to n − 1",
    "    key ← A[i]; j ← i",
    "    while j > 0 and A[j − 1] > key",
    "      A[j] ← A[j − 1]; j ← j − 1",
    "    A[j] ← key",
    "  A is sorted",
];

pub const CARD: Card = Card {
    id: "insertion-sort",
    name: "Insertion sort",
    category: Category::Sorting,
    summary: "Takes each value in turn and shifts larger values right until its place in the sorted prefix opens.",
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
    legend: super::INSERTIONS,
    counters: crate::catalogue::SORT_COUNTERS,
    work: crate::catalogue::SORT_WORK,
    version: 1,
};

/// Other names a learner may search the catalogue for (`catalogue::matches`), lower case.
pub const ALIASES: &[&str] = &["card sort"];

pub const ENTRY: Entry = Entry {
    card: &CARD,
    pseudocode: PSEUDOCODE,
    start: |input| Box::new(Run::new(InsertionSort::new(input.values))),
    #[cfg(feature = "restore")]
    restore: restore::<InsertionSort>,
};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InsertionSort {
    values: Vec<i64>,
    i: usize,
    /// Where `key` will go if nothing larger is left of it.
    j: usize,
    key: i64,
    at: At,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
enum At {
    Start,
    Pick,
    Compare { greater: bool },
    Shift,
    Insert,
    Done,
}

impl InsertionSort {
    pub fn new(values: Vec<i64>) -> Self {
        InsertionSort {
            values,
            i: 0,
            j: 0,
            key: 0,
            at: At::Start,
        }
    }

    fn pick(&mut self, c: &mut Counters) -> At {
        self.key = c.read(&self.values, self.i);
        self.j = self.i;
        At::Pick
    }

    /// Compare the value left of the gap with the key, or insert when the gap reached the front.
    fn probe(&mut self, c: &mut Counters) -> At {
        if self.j == 0 {
            return self.insert(c);
        }
        let left = c.read(&self.values, self.j - 1);
        At::Compare {
            greater: c.compare(left, self.key).is_gt(),
        }
    }

    fn insert(&mut self, c: &mut Counters) -> At {
        c.write(&mut self.values, self.j, self.key);
        At::Insert
    }
}

impl Algorithm for InsertionSort {
    fn step(&mut self, c: &mut Counters) -> bool {
        let n = self.values.len();
        self.at = match self.at {
            At::Done => return false,
            At::Start if n < 2 => At::Done,
            At::Start => {
                self.i = 1;
                self.pick(c)
            }
            At::Pick | At::Shift => self.probe(c),
            At::Compare { greater: true } => {
                let left = c.read(&self.values, self.j - 1);
                c.write(&mut self.values, self.j, left);
                self.j -= 1;
                At::Shift
            }
            At::Compare { greater: false } => self.insert(c),
            At::Insert if self.i + 1 < n => {
                self.i += 1;
                self.pick(c)
            }
            At::Insert => At::Done,
        };
        true
    }

    fn view(&self) -> View {
        let (n, i, j, key) = (self.values.len(), self.i, self.j, self.key);
        let frame = ArrayFrame::new(&self.values);
        let (line, narration, frame) = match self.at {
            At::Start => (
                0,
                format!(
                    "Start insertion sort on {}.",
                    crate::plural(n, "value", "values")
                ),
                frame,
            ),
            At::Pick => (
                2,
                format!("Take key = A[{i}] = {key}; A[0..{i}] is already sorted."),
                frame.active(0, i + 1).mark(i, Mark::Pivot),
            ),
            At::Compare { greater } => {
                let left = self.values[j - 1];
                let text = if greater {
                    format!("A[{}] = {left} > key {key}: shift it right.", j - 1)
                } else {
                    format!(
                        "A[{}] = {left} ≤ key {key}: the key goes at index {j}.",
                        j - 1
                    )
                };
                (
                    3,
                    text,
                    frame
                        .active(0, i + 1)
                        .mark(j - 1, Mark::Compared)
                        .pointer("j", j),
                )
            }
            At::Shift => (
                4,
                format!("Shift {} right to index {}.", self.values[j + 1], j + 1),
                frame
                    .active(0, i + 1)
                    .mark(j + 1, Mark::Written)
                    .pointer("j", j),
            ),
            At::Insert => (
                5,
                format!("Place the key {key} at index {j}."),
                frame.active(0, i + 1).mark(j, Mark::Written),
            ),
            At::Done => (
                6,
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
                Variable::new("j", running.then_some(j)),
                Variable::new("key", running.then_some(key)),
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

//! Heap sort: arrange the array as a max-heap, then repeatedly swap the root (the largest value) to the end
//! and sift the new root down to restore the heap over the shrunk prefix.

use serde::{Deserialize, Serialize};

use crate::catalogue::{Card, Category, Complexity, Entry, FAST_SORT_INPUT};
#[cfg(feature = "restore")]
use crate::machine::restore;
use crate::machine::{Algorithm, Run};
use crate::snapshot::{ArrayFrame, Counters, Frame, FrameKind, Mark, Variable, View};

pub const PSEUDOCODE: &[&str] = &[
    "procedure heapSort(A)",
    "  for i ← ⌊n / 2⌋ − 1 down to 0: siftDown(A, i, n)  — build a max-heap",
    "  for end ← n − 1 down to 1",
    "    swap A[0] and A[end]; siftDown(A, 0, end)",
    "procedure siftDown(A, root, end)",
    "  child ← 2 · root + 1; if child + 1 < end and A[child] < A[child + 1]: child ← child + 1",
    "  if child < end and A[root] < A[child]",
    "    swap A[root] and A[child]; root ← child; repeat",
    "A is sorted",
];

pub const CARD: Card = Card {
    id: "heap-sort",
    name: "Heap sort",
    category: Category::Sorting,
    summary: "Builds a max-heap in the array, then moves the largest value to the end and repairs the heap.",
    complexity: Complexity {
        best: "O(n log n)",
        average: "O(n log n)",
        worst: "O(n log n)",
        space: "O(1)",
    },
    stable: Some(false),
    in_place: Some(true),
    input: FAST_SORT_INPUT,
    frame: FrameKind::Array,
    legend: super::EXCHANGES,
    counters: crate::catalogue::SORT_COUNTERS,
    work: crate::catalogue::SORT_WORK,
    version: 1,
};

/// Other names a learner may search the catalogue for (`catalogue::matches`), lower case.
pub const ALIASES: &[&str] = &["heapsort", "priority queue", "binary heap"];

pub const ENTRY: Entry = Entry {
    card: &CARD,
    pseudocode: PSEUDOCODE,
    start: |input| Box::new(Run::new(HeapSort::new(input.values))),
    #[cfg(feature = "restore")]
    restore: restore::<HeapSort>,
};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeapSort {
    values: Vec<i64>,
    /// Building: the next root to sift is `i`. Sorting: `i` is unused.
    building: bool,
    i: usize,
    /// The heap is `values[0..end]`.
    end: usize,
    root: usize,
    child: usize,
    at: At,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
enum At {
    Start,
    /// Compared the two children of `root`; `child` is now the larger.
    PickChild,
    CompareRoot {
        less: bool,
    },
    /// Swapped the old root (now at `child`'s old place) down; `root` moved there.
    SiftSwap {
        from: usize,
    },
    /// Swapped the maximum `A[0]` to `A[end]`.
    Extract,
    Done,
}

impl HeapSort {
    pub fn new(values: Vec<i64>) -> Self {
        let n = values.len();
        HeapSort {
            values,
            building: true,
            i: (n / 2).saturating_sub(1),
            end: n,
            root: 0,
            child: 0,
            at: At::Start,
        }
    }

    /// One step of sifting `root` down inside `0..end`, or what follows when it needs no more.
    fn sift(&mut self, c: &mut Counters) -> At {
        let child = 2 * self.root + 1;
        if child >= self.end {
            return self.sifted(c);
        }
        self.child = child;
        if child + 1 < self.end {
            let (left, right) = (c.read(&self.values, child), c.read(&self.values, child + 1));
            if c.compare(left, right).is_lt() {
                self.child = child + 1;
            }
            return At::PickChild;
        }
        self.compare_root(c)
    }

    fn compare_root(&mut self, c: &mut Counters) -> At {
        let (root, child) = (
            c.read(&self.values, self.root),
            c.read(&self.values, self.child),
        );
        At::CompareRoot {
            less: c.compare(root, child).is_lt(),
        }
    }

    /// The current sift is over: sift the next root while building, else extract the next maximum.
    fn sifted(&mut self, c: &mut Counters) -> At {
        if self.building && self.i > 0 {
            self.i -= 1;
            self.root = self.i;
            return self.sift(c);
        }
        self.building = false;
        if self.end <= 1 {
            return At::Done;
        }
        self.end -= 1;
        c.swap(&mut self.values, 0, self.end);
        self.root = 0;
        At::Extract
    }
}

impl Algorithm for HeapSort {
    fn step(&mut self, c: &mut Counters) -> bool {
        self.at = match self.at {
            At::Done => return false,
            At::Start if self.values.len() < 2 => At::Done,
            At::Start => {
                self.root = self.i;
                self.sift(c)
            }
            At::PickChild => self.compare_root(c),
            At::CompareRoot { less: true } => {
                let from = self.root;
                c.swap(&mut self.values, self.root, self.child);
                self.root = self.child;
                At::SiftSwap { from }
            }
            At::CompareRoot { less: false } => self.sifted(c),
            At::SiftSwap { .. } | At::Extract => self.sift(c),
        };
        true
    }

    fn view(&self) -> View {
        let n = self.values.len();
        let (end, root, child) = (self.end, self.root, self.child);
        let frame = ArrayFrame::new(&self.values).sorted(end, n).active(0, end);
        let (line, narration, frame) = match self.at {
            At::Start => (
                0,
                format!(
                    "Start heap sort on {}: first make A a max-heap.",
                    crate::plural(n, "value", "values")
                ),
                ArrayFrame::new(&self.values),
            ),
            At::PickChild => {
                let other = if child % 2 == 1 { child + 1 } else { child - 1 };
                (
                    5,
                    format!(
                        "The larger child of A[{root}] is A[{child}] = {} (the other is {}).",
                        self.values[child], self.values[other]
                    ),
                    frame
                        .mark(child, Mark::Compared)
                        .mark(other, Mark::Compared)
                        .pointer("root", root),
                )
            }
            At::CompareRoot { less: true } => (
                6,
                format!(
                    "A[{root}] = {} < child {}: swap them.",
                    self.values[root], self.values[child]
                ),
                frame
                    .mark(root, Mark::Compared)
                    .mark(child, Mark::Compared)
                    .pointer("root", root),
            ),
            At::CompareRoot { less: false } => (
                6,
                format!(
                    "A[{root}] = {} ≥ child {}: the heap holds here.",
                    self.values[root], self.values[child]
                ),
                frame
                    .mark(root, Mark::Compared)
                    .mark(child, Mark::Compared)
                    .pointer("root", root),
            ),
            At::SiftSwap { from } => (
                7,
                format!("Swapped: {} moves down to index {root}.", self.values[root]),
                frame
                    .mark(from, Mark::Swapped)
                    .mark(root, Mark::Swapped)
                    .pointer("root", root),
            ),
            At::Extract => (
                3,
                format!(
                    "The maximum {} moves to its final place, index {end}; repair the heap.",
                    self.values[end]
                ),
                frame.mark(0, Mark::Swapped).mark(end, Mark::Swapped),
            ),
            At::Done => (
                8,
                "Done: the array is sorted.".to_owned(),
                ArrayFrame::new(&self.values).sorted(0, n),
            ),
        };
        let running = !matches!(self.at, At::Start | At::Done);
        View {
            line,
            narration,
            variables: vec![
                Variable::new("end", running.then_some(end)),
                Variable::new("root", running.then_some(root)),
                Variable::new("child", running.then_some(child)),
                Variable::new("building", running.then_some(self.building)),
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

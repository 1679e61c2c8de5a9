//! Top-down merge sort: split the range in half, sort each half, merge them. The recursion is an explicit
//! stack in the state, so a run can be saved and resumed anywhere.

use serde::{Deserialize, Serialize};

use super::{Merge, Took};
use crate::catalogue::{Card, Category, Complexity, Entry, FAST_SORT_INPUT};
#[cfg(feature = "restore")]
use crate::machine::restore;
use crate::machine::{Algorithm, Run};
use crate::snapshot::{ArrayFrame, Counters, Frame, FrameKind, Variable, View};

pub const PSEUDOCODE: &[&str] = &[
    "procedure mergeSort(A, lo, hi)  — sorts A[lo..hi)",
    "  if hi − lo < 2: return",
    "  mid ← ⌊(lo + hi) / 2⌋",
    "  mergeSort(A, lo, mid); mergeSort(A, mid, hi)",
    "  copy A[lo..hi) to B; i ← lo; j ← mid",
    "  for k ← lo to hi − 1",
    "    if j = hi or (i < mid and B[i] ≤ B[j]): A[k] ← B[i]; i ← i + 1",
    "    else: A[k] ← B[j]; j ← j + 1",
    "A is sorted",
];

pub const CARD: Card = Card {
    id: "merge-sort",
    name: "Merge sort (top-down)",
    category: Category::Sorting,
    summary: "Splits the array in halves down to single values, then merges sorted halves back together.",
    complexity: Complexity {
        best: "O(n log n)",
        average: "O(n log n)",
        worst: "O(n log n)",
        space: "O(n)",
    },
    stable: Some(true),
    in_place: Some(false),
    input: FAST_SORT_INPUT,
    frame: FrameKind::Array,
    legend: super::MERGES,
    counters: crate::catalogue::SORT_COUNTERS,
    work: crate::catalogue::SORT_WORK,
    version: 1,
};

/// Other names a learner may search the catalogue for (`catalogue::matches`), lower case.
pub const ALIASES: &[&str] = &["mergesort", "divide and conquer"];

pub const ENTRY: Entry = Entry {
    card: &CARD,
    pseudocode: PSEUDOCODE,
    start: |input| Box::new(Run::new(MergeSortTopDown::new(input.values))),
    #[cfg(feature = "restore")]
    restore: restore::<MergeSortTopDown>,
};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MergeSortTopDown {
    values: Vec<i64>,
    buffer: Vec<i64>,
    /// Pending work, innermost last: `(lo, hi, merge)` splits `lo..hi` when `merge` is false, else merges it.
    stack: Vec<(usize, usize, bool)>,
    merge: Merge,
    at: At,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
enum At {
    Start,
    Split { lo: usize, mid: usize, hi: usize },
    Copy,
    Take(Took),
    Merged,
    Done,
}

impl MergeSortTopDown {
    pub fn new(values: Vec<i64>) -> Self {
        let n = values.len();
        MergeSortTopDown {
            buffer: vec![0; n],
            values,
            stack: vec![(0, n, false)],
            merge: Merge::default(),
            at: At::Start,
        }
    }

    fn next_task(&mut self, c: &mut Counters) -> At {
        while let Some((lo, hi, merge)) = self.stack.pop() {
            if hi - lo < 2 {
                continue;
            }
            let mid = (lo + hi) / 2;
            if merge {
                self.merge = Merge::begin(&self.values, &mut self.buffer, (lo, mid, hi), c);
                return At::Copy;
            }
            self.stack
                .extend([(lo, hi, true), (mid, hi, false), (lo, mid, false)]);
            return At::Split { lo, mid, hi };
        }
        At::Done
    }
}

impl Algorithm for MergeSortTopDown {
    fn step(&mut self, c: &mut Counters) -> bool {
        self.at = match self.at {
            At::Done => return false,
            At::Start | At::Split { .. } | At::Merged => self.next_task(c),
            At::Copy | At::Take(_) if self.merge.is_done() => At::Merged,
            At::Copy | At::Take(_) => At::Take(self.merge.take(&mut self.values, &self.buffer, c)),
        };
        true
    }

    fn view(&self) -> View {
        let n = self.values.len();
        let m = &self.merge;
        let (line, narration, frame) = match self.at {
            At::Start => (
                0,
                format!(
                    "Start merge sort on {}.",
                    crate::plural(n, "value", "values")
                ),
                ArrayFrame::new(&self.values),
            ),
            At::Split { lo, mid, hi } => (
                2,
                format!(
                    "Split A[{lo}..{hi}) at {mid}: sort A[{lo}..{mid}) and A[{mid}..{hi}) first."
                ),
                ArrayFrame::new(&self.values)
                    .active(lo, hi)
                    .pointer("mid", mid),
            ),
            At::Copy => (
                4,
                format!(
                    "Both halves of A[{}..{}) are sorted: copy them to B and merge.",
                    m.lo, m.hi
                ),
                m.frame(&self.values, &self.buffer, false),
            ),
            At::Take(took) => (
                if took.left { 6 } else { 7 },
                m.narrate(took, &self.values),
                m.frame(&self.values, &self.buffer, true),
            ),
            At::Merged => (
                5,
                format!("A[{}..{}) is merged and sorted.", m.lo, m.hi),
                ArrayFrame::new(&self.values).active(m.lo, m.hi),
            ),
            At::Done => (
                8,
                "Done: the array is sorted.".to_owned(),
                ArrayFrame::new(&self.values).sorted(0, n),
            ),
        };
        let merging = matches!(self.at, At::Copy | At::Take(_) | At::Merged);
        View {
            line,
            narration,
            variables: vec![
                Variable::new("lo", merging.then_some(m.lo)),
                Variable::new("mid", merging.then_some(m.mid)),
                Variable::new("hi", merging.then_some(m.hi)),
                Variable::new("i", merging.then_some(m.i)),
                Variable::new("j", merging.then_some(m.j)),
                Variable::new("k", merging.then_some(m.k)),
                Variable::new("depth", Some(self.stack.len())),
            ],
            frame: Frame::Array(frame),
        }
    }

    fn is_done(&self) -> bool {
        self.at == At::Done
    }

    fn heap_bytes(&self) -> usize {
        (self.values.capacity() + self.buffer.capacity()) * size_of::<i64>()
            + self.stack.capacity() * size_of::<(usize, usize, bool)>()
    }
}

//! Bottom-up merge sort: merge runs of width 1 into runs of 2, then 4, and so on, with no recursion.

use serde::{Deserialize, Serialize};

use super::{Merge, Took};
use crate::catalogue::{Card, Category, Complexity, Entry, FAST_SORT_INPUT};
#[cfg(feature = "restore")]
use crate::machine::restore;
use crate::machine::{Algorithm, Run};
use crate::snapshot::{ArrayFrame, Counters, Frame, FrameKind, Variable, View};

pub const PSEUDOCODE: &[&str] = &[
    "procedure bottomUpMergeSort(A)",
    "  for width ← 1, 2, 4, … while width < n",
    "    for lo ← 0 to n − 1 step 2 · width",
    "      mid ← min(lo + width, n); hi ← min(lo + 2 · width, n)",
    "      copy A[lo..hi) to B; i ← lo; j ← mid",
    "      for k ← lo to hi − 1",
    "        if j = hi or (i < mid and B[i] ≤ B[j]): A[k] ← B[i]; i ← i + 1",
    "        else: A[k] ← B[j]; j ← j + 1",
    "  A is sorted",
];

pub const CARD: Card = Card {
    id: "merge-sort-bottom-up",
    name: "Merge sort (bottom-up)",
    category: Category::Sorting,
    summary: "Merges neighbouring runs of width 1, 2, 4, … until one run covers the array; no recursion.",
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
pub const ALIASES: &[&str] = &["mergesort", "iterative merge sort"];

pub const ENTRY: Entry = Entry {
    card: &CARD,
    pseudocode: PSEUDOCODE,
    start: |input| Box::new(Run::new(MergeSortBottomUp::new(input.values))),
    #[cfg(feature = "restore")]
    restore: restore::<MergeSortBottomUp>,
};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MergeSortBottomUp {
    values: Vec<i64>,
    buffer: Vec<i64>,
    width: usize,
    /// Start of the next pair of runs to merge at this width.
    lo: usize,
    merge: Merge,
    at: At,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
enum At {
    Start,
    Width,
    Copy,
    Take(Took),
    Merged,
    Done,
}

impl MergeSortBottomUp {
    pub fn new(values: Vec<i64>) -> Self {
        let n = values.len();
        MergeSortBottomUp {
            buffer: vec![0; n],
            values,
            width: 1,
            lo: 0,
            merge: Merge::default(),
            at: At::Start,
        }
    }

    /// The next pair of runs at this width (a lone last run is already merged), else the next width.
    fn next_merge(&mut self, c: &mut Counters) -> At {
        let n = self.values.len();
        let mid = (self.lo + self.width).min(n);
        if mid < n {
            let hi = (self.lo + 2 * self.width).min(n);
            self.merge = Merge::begin(&self.values, &mut self.buffer, (self.lo, mid, hi), c);
            self.lo = hi;
            return At::Copy;
        }
        self.width *= 2;
        self.lo = 0;
        if self.width < n { At::Width } else { At::Done }
    }
}

impl Algorithm for MergeSortBottomUp {
    fn step(&mut self, c: &mut Counters) -> bool {
        self.at = match self.at {
            At::Done => return false,
            At::Start if self.values.len() < 2 => At::Done,
            At::Start => At::Width,
            At::Width | At::Merged => self.next_merge(c),
            At::Copy | At::Take(_) if self.merge.is_done() => At::Merged,
            At::Copy | At::Take(_) => At::Take(self.merge.take(&mut self.values, &self.buffer, c)),
        };
        true
    }

    fn view(&self) -> View {
        let (n, width) = (self.values.len(), self.width);
        let m = &self.merge;
        let (line, narration, frame) = match self.at {
            At::Start => (
                0,
                format!(
                    "Start bottom-up merge sort on {}.",
                    crate::plural(n, "value", "values")
                ),
                ArrayFrame::new(&self.values),
            ),
            At::Width => (
                1,
                format!(
                    "Width {width}: merge neighbouring sorted runs of {width} into runs of {}.",
                    2 * width
                ),
                ArrayFrame::new(&self.values),
            ),
            At::Copy => (
                4,
                format!(
                    "Merge A[{}..{}) and A[{}..{}): copy them to B.",
                    m.lo, m.mid, m.mid, m.hi
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
                format!("A[{}..{}) is one sorted run.", m.lo, m.hi),
                ArrayFrame::new(&self.values).active(m.lo, m.hi),
            ),
            At::Done => (
                8,
                "Done: one run covers the array, so it is sorted.".to_owned(),
                ArrayFrame::new(&self.values).sorted(0, n),
            ),
        };
        let merging = matches!(self.at, At::Copy | At::Take(_) | At::Merged);
        View {
            line,
            narration,
            variables: vec![
                Variable::new(
                    "width",
                    (self.at != At::Start && self.at != At::Done).then_some(width),
                ),
                Variable::new("lo", merging.then_some(m.lo)),
                Variable::new("mid", merging.then_some(m.mid)),
                Variable::new("hi", merging.then_some(m.hi)),
                Variable::new("i", merging.then_some(m.i)),
                Variable::new("j", merging.then_some(m.j)),
                Variable::new("k", merging.then_some(m.k)),
            ],
            frame: Frame::Array(frame),
        }
    }

    fn is_done(&self) -> bool {
        self.at == At::Done
    }

    fn heap_bytes(&self) -> usize {
        (self.values.capacity() + self.buffer.capacity()) * size_of::<i64>()
    }
}

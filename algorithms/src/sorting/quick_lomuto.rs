//! Quicksort with Lomuto's partition: the last element is the pivot; one scan moves every smaller value in
//! front of a growing boundary, then the pivot goes to the boundary, its final place. The recursion is an
//! explicit stack of ranges. Randomized quicksort reuses this machine with a random pivot.

use rand_core::{Rng, SeedableRng};
use rand_pcg::Pcg32;
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
    "    pivot ← A[hi]; i ← lo",
    "    for j ← lo to hi − 1",
    "      if A[j] < pivot",
    "        swap A[i] and A[j]; i ← i + 1",
    "    swap A[i] and A[hi]  — the pivot is in its final place",
    "    quicksort(A, lo, i − 1); quicksort(A, i + 1, hi)",
    "A is sorted",
];

pub const CARD: Card = Card {
    id: "quicksort-lomuto",
    name: "Quicksort (Lomuto)",
    category: Category::Sorting,
    summary: "Partitions around the last value, which lands in its final place, then sorts both sides.",
    complexity: Complexity {
        best: "O(n log n)",
        average: "O(n log n)",
        worst: "O(n²) (sorted input)",
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
    start: |input| Box::new(Run::new(QuicksortLomuto::new(input.values, None))),
    #[cfg(feature = "restore")]
    restore: restore::<QuicksortLomuto>,
};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuicksortLomuto {
    values: Vec<i64>,
    /// Ranges still to sort, inclusive.
    stack: Vec<(usize, usize)>,
    lo: usize,
    hi: usize,
    i: usize,
    j: usize,
    pivot: i64,
    /// Present for randomized quicksort: picks each pivot's index.
    rng: Option<Pcg32>,
    at: At,
}

// The generator has no Eq; equality of runs is only used by tests, where PartialEq is enough.
impl Eq for QuicksortLomuto {}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
enum At {
    Start,
    /// `from` is where a randomized pivot came from (it was swapped to `hi`).
    Partition {
        from: usize,
    },
    Compare {
        less: bool,
    },
    /// `A[i]` and `A[j]` were swapped (nothing moves when they are the same index).
    Grow,
    Place,
    Done,
}

impl QuicksortLomuto {
    pub fn new(values: Vec<i64>, seed: Option<u64>) -> Self {
        let stack = if values.len() > 1 {
            vec![(0, values.len() - 1)]
        } else {
            vec![]
        };
        let rng = seed.map(Pcg32::seed_from_u64);
        QuicksortLomuto {
            values,
            stack,
            lo: 0,
            hi: 0,
            i: 0,
            j: 0,
            pivot: 0,
            rng,
            at: At::Start,
        }
    }

    fn next_range(&mut self, c: &mut Counters) -> At {
        let Some((lo, hi)) = self.stack.pop() else {
            return At::Done;
        };
        (self.lo, self.hi, self.i, self.j) = (lo, hi, lo, lo);
        let mut from = hi;
        if let Some(rng) = &mut self.rng {
            from = lo + ((rng.next_u64() as u128 * (hi - lo + 1) as u128) >> 64) as usize;
            if from != hi {
                c.swap(&mut self.values, from, hi);
            }
        }
        self.pivot = c.read(&self.values, hi);
        At::Partition { from }
    }

    fn compare(&mut self, c: &mut Counters) -> At {
        let value = c.read(&self.values, self.j);
        At::Compare {
            less: c.compare(value, self.pivot).is_lt(),
        }
    }

    fn next_j(&mut self, c: &mut Counters) -> At {
        if self.j + 1 < self.hi {
            self.j += 1;
            self.compare(c)
        } else {
            let (lo, hi, p) = (self.lo, self.hi, self.i);
            if p != hi {
                c.swap(&mut self.values, p, hi);
            }
            if p + 1 < hi {
                self.stack.push((p + 1, hi));
            }
            if p > lo + 1 {
                self.stack.push((lo, p - 1));
            }
            At::Place
        }
    }
}

impl Algorithm for QuicksortLomuto {
    fn step(&mut self, c: &mut Counters) -> bool {
        self.at = match self.at {
            At::Done => return false,
            At::Start => self.next_range(c),
            At::Partition { .. } => self.compare(c),
            At::Compare { less: true } => {
                if self.i != self.j {
                    c.swap(&mut self.values, self.i, self.j);
                }
                self.i += 1;
                At::Grow
            }
            At::Compare { less: false } | At::Grow => self.next_j(c),
            At::Place => self.next_range(c),
        };
        true
    }

    fn view(&self) -> View {
        let n = self.values.len();
        let (lo, hi, i, j, pivot) = (self.lo, self.hi, self.i, self.j, self.pivot);
        let pending = self
            .stack
            .iter()
            .copied()
            .chain((!matches!(self.at, At::Place | At::Done | At::Start)).then_some((lo, hi)));
        let mut frame = ArrayFrame::new(&self.values);
        frame.sorted = outside_ranges(n, pending);
        let partitioning =
            |f: ArrayFrame| f.active(lo, hi + 1).mark(hi, Mark::Pivot).pointer("i", i);
        let (line, narration, frame) = match self.at {
            At::Start => (
                0,
                format!(
                    "Start quicksort on {}.",
                    crate::plural(n, "value", "values")
                ),
                frame,
            ),
            At::Partition { from } if from != hi => (
                2,
                format!(
                    "Partition A[{lo}..{hi}]: the random pivot A[{from}] = {pivot} moves to the end."
                ),
                partitioning(frame),
            ),
            At::Partition { .. } => (
                2,
                format!("Partition A[{lo}..{hi}] around pivot A[{hi}] = {pivot}."),
                partitioning(frame),
            ),
            At::Compare { less } => {
                let value = self.values[j];
                let text = if less {
                    format!("A[{j}] = {value} < pivot {pivot}: it belongs on the low side.")
                } else {
                    format!("A[{j}] = {value} ≥ pivot {pivot}: it stays on the high side.")
                };
                (
                    4,
                    text,
                    partitioning(frame).mark(j, Mark::Compared).pointer("j", j),
                )
            }
            At::Grow if i - 1 == j => (
                5,
                format!(
                    "A[{j}] is already at the low side's edge; the low side grows to index {j}."
                ),
                partitioning(frame).pointer("j", j),
            ),
            At::Grow => (
                5,
                format!(
                    "Swap A[{}] and A[{j}]: {} joins the low side.",
                    i - 1,
                    self.values[i - 1]
                ),
                partitioning(frame)
                    .mark(i - 1, Mark::Swapped)
                    .mark(j, Mark::Swapped)
                    .pointer("j", j),
            ),
            At::Place => (
                6,
                format!("Swap the pivot into A[{i}]: {pivot} is in its final place."),
                frame
                    .active(lo, hi + 1)
                    .mark(i, Mark::Sorted)
                    .mark(hi, Mark::Swapped),
            ),
            At::Done => (
                8,
                "Done: every value is in its final place.".to_owned(),
                frame,
            ),
        };
        let running = !matches!(self.at, At::Start | At::Done);
        View {
            line,
            narration,
            variables: vec![
                Variable::new("lo", running.then_some(lo)),
                Variable::new("hi", running.then_some(hi)),
                Variable::new("pivot", running.then_some(pivot)),
                Variable::new("i", running.then_some(i)),
                Variable::new(
                    "j",
                    matches!(self.at, At::Compare { .. } | At::Grow).then_some(j),
                ),
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

//! Counting sort: count how often each value occurs, turn the counts into end positions with running sums,
//! then place every value, scanning backwards so equal values keep their order. No comparisons between
//! values; time and memory grow with the span of the values.

use serde::{Deserialize, Serialize};

use crate::catalogue::{Card, Category, Complexity, Entry, InputKind, InputSpec};
#[cfg(feature = "restore")]
use crate::machine::restore;
use crate::machine::{Algorithm, Run};
use crate::snapshot::{ArrayFrame, AuxArray, Counters, Frame, FrameKind, Mark, Variable, View};

pub const PSEUDOCODE: &[&str] = &[
    "procedure countingSort(A)",
    "  lo ← min(A); count ← zeros(max(A) − lo + 1)",
    "  for i ← 0 to n − 1: count[A[i] − lo] ← count[A[i] − lo] + 1",
    "  for v ← 1 to |count| − 1: count[v] ← count[v] + count[v − 1]",
    "  for i ← n − 1 down to 0",
    "    count[A[i] − lo] ← count[A[i] − lo] − 1; out[count[A[i] − lo]] ← A[i]",
    "  for i ← 0 to n − 1: A[i] ← out[i]",
    "A is sorted",
];

/// The widest span of values: the count array has span + 1 cells.
pub const MAX_SPAN: u64 = 10_000;

pub const CARD: Card = Card {
    id: "counting-sort",
    name: "Counting sort",
    category: Category::Sorting,
    summary: "Counts each value's occurrences and computes where each value goes; never compares two values.",
    complexity: Complexity {
        best: "O(n + k)",
        average: "O(n + k)",
        worst: "O(n + k) (k = value span)",
        space: "O(n + k)",
    },
    stable: Some(true),
    in_place: Some(false),
    input: InputSpec {
        kind: InputKind::Array,
        max_step_n: 10_000,
        max_count_n: 1_000_000,
        max_span: Some(MAX_SPAN),
        graph: None,
        grid: None,
    },
    frame: FrameKind::Array,
    legend: super::MERGES,
    counters: crate::catalogue::SORT_COUNTERS,
    work: crate::catalogue::SORT_WORK,
    version: 2,
};

/// Other names a learner may search the catalogue for (`catalogue::matches`), lower case.
pub const ALIASES: &[&str] = &["distribution sort", "histogram"];

pub const ENTRY: Entry = Entry {
    card: &CARD,
    pseudocode: PSEUDOCODE,
    start: |input| Box::new(Run::new(CountingSort::new(input.values))),
    #[cfg(feature = "restore")]
    restore: restore::<CountingSort>,
};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CountingSort {
    values: Vec<i64>,
    count: Vec<i64>,
    out: Vec<Option<i64>>,
    lo: i64,
    i: usize,
    v: usize,
    at: At,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
enum At {
    Start,
    Range,
    Tally,
    Prefix,
    Place,
    Copy,
    Done,
}

/// Reads every value once to find the smallest and largest.
pub(crate) fn min_max(values: &[i64], c: &mut Counters) -> (i64, i64) {
    c.reads += values.len() as u64;
    c.comparisons += 2 * (values.len() as u64).saturating_sub(1);
    let lo = values.iter().copied().min().unwrap_or(0);
    let hi = values.iter().copied().max().unwrap_or(0);
    (lo, hi)
}

/// `count[slot] ← count[slot] − 1; out[count[slot]] ← value`: places a value at the end of its run,
/// scanning backwards so equal values keep their order.
pub(crate) fn place_at_count(
    count: &mut [i64],
    out: &mut [Option<i64>],
    slot: usize,
    value: i64,
    c: &mut Counters,
) {
    let end = c.read(count, slot) - 1;
    c.write(count, slot, end);
    out[end as usize] = Some(value);
    c.writes += 1;
}

/// `A[i] ← out[i]`, the last pass of a counting-based sort.
pub(crate) fn copy_back(values: &mut [i64], out: &[Option<i64>], i: usize, c: &mut Counters) {
    c.reads += 1;
    let value = out[i].expect("every slot of out is filled before copying back");
    c.write(values, i, value);
}

impl CountingSort {
    pub fn new(values: Vec<i64>) -> Self {
        CountingSort {
            values,
            count: Vec::new(),
            out: Vec::new(),
            lo: 0,
            i: 0,
            v: 0,
            at: At::Start,
        }
    }

    fn slot(&mut self, c: &mut Counters) -> usize {
        (c.read(&self.values, self.i) - self.lo) as usize
    }

    fn tally(&mut self, c: &mut Counters) -> At {
        let slot = self.slot(c);
        let count = c.read(&self.count, slot);
        c.write(&mut self.count, slot, count + 1);
        At::Tally
    }

    fn place(&mut self, c: &mut Counters) -> At {
        // `slot` counted the read of A[i].
        let slot = self.slot(c);
        place_at_count(&mut self.count, &mut self.out, slot, self.values[self.i], c);
        At::Place
    }

    fn copy(&mut self, c: &mut Counters) -> At {
        copy_back(&mut self.values, &self.out, self.i, c);
        At::Copy
    }
}

impl Algorithm for CountingSort {
    fn step(&mut self, c: &mut Counters) -> bool {
        let n = self.values.len();
        self.at = match self.at {
            At::Done => return false,
            At::Start if n == 0 => At::Done,
            At::Start => {
                let (lo, hi) = min_max(&self.values, c);
                self.lo = lo;
                self.count = vec![0; (hi - lo) as usize + 1];
                self.out = vec![None; n];
                At::Range
            }
            At::Range => {
                self.i = 0;
                self.tally(c)
            }
            At::Tally if self.i + 1 < n => {
                self.i += 1;
                self.tally(c)
            }
            At::Tally | At::Prefix if self.v + 1 < self.count.len() => {
                self.v += 1;
                let sum = c.read(&self.count, self.v) + c.read(&self.count, self.v - 1);
                c.write(&mut self.count, self.v, sum);
                At::Prefix
            }
            At::Tally | At::Prefix => {
                self.i = n - 1;
                self.place(c)
            }
            At::Place if self.i > 0 => {
                self.i -= 1;
                self.place(c)
            }
            At::Place => {
                self.i = 0;
                self.copy(c)
            }
            At::Copy if self.i + 1 < n => {
                self.i += 1;
                self.copy(c)
            }
            At::Copy => At::Done,
        };
        true
    }

    fn view(&self) -> View {
        let n = self.values.len();
        let (i, v, lo) = (self.i, self.v, self.lo);
        let slot = |x: i64| (x - lo) as usize;
        let mut count = AuxArray {
            name: format!("count (values {lo}…)"),
            values: self.count.iter().map(|&c| Some(c)).collect(),
            marks: vec![],
        };
        let mut out = AuxArray {
            name: "out".to_owned(),
            values: self.out.clone(),
            marks: vec![],
        };
        let base = ArrayFrame::new(&self.values);
        let (line, narration, frame) = match self.at {
            At::Start => (
                0,
                format!(
                    "Start counting sort on {}.",
                    crate::plural(n, "value", "values")
                ),
                base,
            ),
            At::Range => (
                1,
                format!(
                    "The values run from {lo} to {}: {}.",
                    lo + self.count.len() as i64 - 1,
                    crate::plural(self.count.len(), "counter", "counters")
                ),
                base,
            ),
            At::Tally => {
                let value = self.values[i];
                count.marks.push((slot(value), Mark::Written));
                (
                    2,
                    format!(
                        "Count A[{i}] = {value}: count[{}] is now {}.",
                        slot(value),
                        self.count[slot(value)]
                    ),
                    base.mark(i, Mark::Compared).pointer("i", i),
                )
            }
            At::Prefix => {
                count.marks.push((v, Mark::Written));
                (
                    3,
                    format!(
                        "Running sum: count[{v}] = {} ≤ {}.",
                        crate::plural(self.count[v], "value", "values"),
                        lo + v as i64
                    ),
                    base,
                )
            }
            At::Place => {
                let value = self.values[i];
                let at = self.count[slot(value)] as usize;
                out.marks.push((at, Mark::Written));
                (
                    5,
                    format!("Place A[{i}] = {value} at out[{at}]."),
                    base.mark(i, Mark::Compared).pointer("i", i),
                )
            }
            At::Copy => (
                6,
                format!("Copy back: A[{i}] ← {}.", self.values[i]),
                base.sorted(0, i).mark(i, Mark::Written),
            ),
            At::Done => (
                7,
                "Done: the array is sorted.".to_owned(),
                base.sorted(0, n),
            ),
        };
        let frame = if matches!(self.at, At::Start | At::Done) {
            frame
        } else {
            frame.aux(count).aux(out)
        };
        let running = !matches!(self.at, At::Start | At::Done);
        View {
            line,
            narration,
            variables: vec![
                Variable::new("lo", running.then_some(lo)),
                Variable::new(
                    "i",
                    matches!(self.at, At::Tally | At::Place | At::Copy).then_some(i),
                ),
                Variable::new("v", (self.at == At::Prefix).then_some(v)),
            ],
            frame: Frame::Array(frame),
        }
    }

    fn is_done(&self) -> bool {
        self.at == At::Done
    }

    fn heap_bytes(&self) -> usize {
        (self.values.capacity() + self.count.capacity()) * size_of::<i64>()
            + self.out.capacity() * size_of::<Option<i64>>()
    }
}

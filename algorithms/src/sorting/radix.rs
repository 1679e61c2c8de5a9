//! LSD radix sort, base 10: a stable counting sort on the last decimal digit, then the next, up to the
//! largest value's leading digit. Negative values are handled by sorting `x − min(A)`, which is never
//! negative.

use serde::{Deserialize, Serialize};

use super::counting::{copy_back, min_max, place_at_count};
use crate::catalogue::{Card, Category, Complexity, Entry, FAST_SORT_INPUT};
#[cfg(feature = "restore")]
use crate::machine::restore;
use crate::machine::{Algorithm, Run};
use crate::snapshot::{ArrayFrame, AuxArray, Counters, Frame, FrameKind, Mark, Variable, View};

pub const PSEUDOCODE: &[&str] = &[
    "procedure radixSort(A)",
    "  lo ← min(A); key(x) ← x − lo  — never negative",
    "  for exp ← 1, 10, 100, … while exp ≤ max key",
    "    count ← zeros(10); for each x in A: count[digit(key(x), exp)] += 1",
    "    running sums over count",
    "    for i ← n − 1 down to 0: d ← digit(key(A[i]), exp); count[d] −= 1; out[count[d]] ← A[i]",
    "    A ← out",
    "A is sorted",
];

pub const CARD: Card = Card {
    id: "radix-sort",
    name: "Radix sort (LSD)",
    category: Category::Sorting,
    summary: "Sorts by the last digit, then the next, with a stable counting pass per digit; no comparisons.",
    complexity: Complexity {
        best: "O(d · (n + 10))",
        average: "O(d · (n + 10))",
        worst: "O(d · (n + 10)) (d digits)",
        space: "O(n)",
    },
    stable: Some(true),
    in_place: Some(false),
    input: FAST_SORT_INPUT,
    frame: FrameKind::Array,
    legend: super::MERGES,
    counters: crate::catalogue::SORT_COUNTERS,
    work: crate::catalogue::SORT_WORK,
    version: 2,
};

/// Other names a learner may search the catalogue for (`catalogue::matches`), lower case.
pub const ALIASES: &[&str] = &["lsd", "digit sort", "distribution sort"];

pub const ENTRY: Entry = Entry {
    card: &CARD,
    pseudocode: PSEUDOCODE,
    start: |input| Box::new(Run::new(RadixSort::new(input.values))),
    #[cfg(feature = "restore")]
    restore: restore::<RadixSort>,
};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RadixSort {
    values: Vec<i64>,
    out: Vec<Option<i64>>,
    count: Vec<i64>,
    lo: i64,
    max_key: i64,
    exp: i64,
    i: usize,
    d: usize,
    at: At,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
enum At {
    Start,
    Range,
    Digit,
    Tally,
    Prefix,
    Place,
    Copy,
    Done,
}

impl RadixSort {
    pub fn new(values: Vec<i64>) -> Self {
        RadixSort {
            values,
            out: Vec::new(),
            count: vec![0; 10],
            lo: 0,
            max_key: 0,
            exp: 1,
            i: 0,
            d: 0,
            at: At::Start,
        }
    }

    fn digit(&self, value: i64) -> usize {
        ((value - self.lo) / self.exp % 10) as usize
    }

    fn next_digit(&mut self) -> At {
        if self.exp > self.max_key {
            return At::Done;
        }
        self.count.fill(0);
        self.out.fill(None);
        At::Digit
    }

    fn tally(&mut self, c: &mut Counters) -> At {
        let d = self.digit(c.read(&self.values, self.i));
        let count = c.read(&self.count, d);
        c.write(&mut self.count, d, count + 1);
        At::Tally
    }

    fn place(&mut self, c: &mut Counters) -> At {
        let value = c.read(&self.values, self.i);
        self.d = self.digit(value);
        place_at_count(&mut self.count, &mut self.out, self.d, value, c);
        At::Place
    }

    fn copy(&mut self, c: &mut Counters) -> At {
        copy_back(&mut self.values, &self.out, self.i, c);
        At::Copy
    }
}

impl Algorithm for RadixSort {
    fn step(&mut self, c: &mut Counters) -> bool {
        let n = self.values.len();
        self.at = match self.at {
            At::Done => return false,
            At::Start if n == 0 => At::Done,
            At::Start => {
                let (lo, hi) = min_max(&self.values, c);
                (self.lo, self.max_key) = (lo, hi - lo);
                self.out = vec![None; n];
                At::Range
            }
            At::Range => self.next_digit(),
            At::Digit => {
                self.i = 0;
                self.tally(c)
            }
            At::Tally if self.i + 1 < n => {
                self.i += 1;
                self.tally(c)
            }
            At::Tally => {
                self.d = 0;
                At::Prefix
            }
            At::Prefix if self.d + 1 < 10 => {
                self.d += 1;
                let sum = c.read(&self.count, self.d) + c.read(&self.count, self.d - 1);
                c.write(&mut self.count, self.d, sum);
                At::Prefix
            }
            At::Prefix => {
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
            At::Copy => {
                // Past i64's range only if exp would exceed 10¹⁸; keys are at most 2·10⁹.
                self.exp *= 10;
                self.next_digit()
            }
        };
        true
    }

    fn view(&self) -> View {
        let n = self.values.len();
        let (i, d, exp, lo) = (self.i, self.d, self.exp, self.lo);
        let mut count = AuxArray {
            name: "count (digit 0–9)".to_owned(),
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
                    "Start radix sort on {}.",
                    crate::plural(n, "value", "values")
                ),
                base,
            ),
            At::Range => (
                1,
                format!(
                    "Smallest value {lo}: sort the keys x − ({lo}), from 0 to {}.",
                    self.max_key
                ),
                base,
            ),
            At::Digit => (2, format!("Sort by the digit worth {exp}."), base),
            At::Tally => {
                let digit = self.digit(self.values[i]);
                count.marks.push((digit, Mark::Written));
                (
                    3,
                    format!(
                        "A[{i}] = {} has key {} and digit {digit} at {exp}: count it.",
                        self.values[i],
                        self.values[i] - lo
                    ),
                    base.mark(i, Mark::Compared).pointer("i", i),
                )
            }
            At::Prefix => {
                count.marks.push((d, Mark::Written));
                (
                    4,
                    format!(
                        "Running sum: digit ≤ {d} in {}.",
                        crate::plural(self.count[d], "key", "keys")
                    ),
                    base,
                )
            }
            At::Place => {
                let at = self.count[d] as usize;
                out.marks.push((at, Mark::Written));
                (
                    5,
                    format!("A[{i}] = {} (digit {d}) goes to out[{at}].", self.values[i]),
                    base.mark(i, Mark::Compared).pointer("i", i),
                )
            }
            At::Copy => (
                6,
                format!("Copy back: A[{i}] ← {}.", self.values[i]),
                base.mark(i, Mark::Written),
            ),
            At::Done => (
                7,
                "Done: sorted by every digit, so sorted.".to_owned(),
                base.sorted(0, n),
            ),
        };
        let passes = !matches!(self.at, At::Start | At::Range | At::Done);
        let frame = if passes {
            frame.aux(count).aux(out)
        } else {
            frame
        };
        View {
            line,
            narration,
            variables: vec![
                Variable::new("lo", (self.at != At::Start).then_some(lo)),
                Variable::new("exp", passes.then_some(exp)),
                Variable::new(
                    "i",
                    matches!(self.at, At::Tally | At::Place | At::Copy).then_some(i),
                ),
                Variable::new("d", matches!(self.at, At::Prefix | At::Place).then_some(d)),
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

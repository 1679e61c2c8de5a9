//! Bucket sort: spread the values over ⌈√n⌉ buckets by where they fall between the smallest and largest,
//! insertion-sort each bucket, and read the buckets back in order. Fast when values are spread evenly;
//! quadratic when most of them land in one bucket.

use serde::{Deserialize, Serialize};

use crate::catalogue::{Card, Category, Complexity, Entry, QUADRATIC_SORT_INPUT};
#[cfg(feature = "restore")]
use crate::machine::restore;
use crate::machine::{Algorithm, Run};
use crate::snapshot::{ArrayFrame, AuxArray, Counters, Frame, FrameKind, Mark, Variable, View};
use crate::sorting::counting::min_max;

pub const PSEUDOCODE: &[&str] = &[
    "procedure bucketSort(A)",
    "  lo ← min(A); hi ← max(A); k ← ⌈√n⌉; create k empty buckets",
    "  for i ← 0 to n − 1: append A[i] to bucket ⌊(A[i] − lo) · k / (hi − lo + 1)⌋",
    "  for each bucket B with two or more values: insertion sort B",
    "    for j ← m down to 1 while B[j − 1] > B[j]: swap B[j − 1], B[j]",
    "  i ← 0; for each bucket B in order, for each x in B: A[i] ← x; i ← i + 1",
    "A is sorted",
];

pub const CARD: Card = Card {
    id: "bucket-sort",
    name: "Bucket sort",
    category: Category::Sorting,
    summary: "Spreads values over √n buckets by size, sorts each bucket by insertion, then reads the buckets back in order.",
    complexity: Complexity {
        best: "O(n)",
        average: "O(n + k) for evenly spread values",
        worst: "O(n²) (all values in one bucket)",
        space: "O(n + k)",
    },
    stable: Some(true),
    in_place: Some(false),
    // The worst case is quadratic, so the limits are the quadratic sorts'.
    input: QUADRATIC_SORT_INPUT,
    frame: FrameKind::Array,
    legend: super::BUCKETS,
    counters: crate::catalogue::SORT_COUNTERS,
    work: crate::catalogue::SORT_WORK,
    version: 1,
};

/// Other names a learner may search the catalogue for (`catalogue::matches`), lower case.
pub const ALIASES: &[&str] = &["bin sort", "distribution sort"];

pub const ENTRY: Entry = Entry {
    card: &CARD,
    pseudocode: PSEUDOCODE,
    start: |input| Box::new(Run::new(BucketSort::new(input.values))),
    #[cfg(feature = "restore")]
    restore: restore::<BucketSort>,
};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BucketSort {
    values: Vec<i64>,
    buckets: Vec<Vec<i64>>,
    lo: i64,
    /// `hi − lo + 1`: the number of distinct values the buckets divide.
    width: u64,
    /// Index into `A`: the value being scattered, or the next slot to fill when gathering.
    i: usize,
    /// The bucket being sorted or gathered.
    b: usize,
    /// Insertion: the right-hand index of the pair just compared. Gathering: the next value of bucket `b`.
    j: usize,
    /// Insertion: the value of bucket `b` being inserted.
    m: usize,
    at: At,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
enum At {
    Start,
    Range,
    Scatter,
    Bucket,
    Compare { swapped: bool },
    Gather,
    Done,
}

impl BucketSort {
    pub fn new(values: Vec<i64>) -> Self {
        BucketSort {
            values,
            buckets: Vec::new(),
            lo: 0,
            width: 1,
            i: 0,
            b: 0,
            j: 0,
            m: 0,
            at: At::Start,
        }
    }

    fn bucket_of(&self, value: i64) -> usize {
        let offset = value.abs_diff(self.lo);
        (offset * self.buckets.len() as u64 / self.width) as usize
    }

    fn scatter(&mut self, c: &mut Counters) -> At {
        let value = c.read(&self.values, self.i);
        let b = self.bucket_of(value);
        self.buckets[b].push(value);
        c.writes += 1;
        self.b = b;
        At::Scatter
    }

    /// The next bucket from `from` on that has two or more values, which is where insertion starts.
    fn next_bucket(&mut self, from: usize, c: &mut Counters) -> At {
        match (from..self.buckets.len()).find(|&b| self.buckets[b].len() > 1) {
            Some(b) => {
                self.b = b;
                self.m = 0;
                At::Bucket
            }
            None => self.first_gather(c),
        }
    }

    /// Inserts value `m` of the current bucket, starting with the pair just left of it.
    fn insert(&mut self, m: usize, c: &mut Counters) -> At {
        self.m = m;
        self.j = m;
        self.compare(c)
    }

    fn compare(&mut self, c: &mut Counters) -> At {
        let bucket = &mut self.buckets[self.b];
        let (left, right) = (c.read(bucket, self.j - 1), c.read(bucket, self.j));
        let swapped = c.compare(left, right).is_gt();
        if swapped {
            c.swap(bucket, self.j - 1, self.j);
        }
        At::Compare { swapped }
    }

    fn first_gather(&mut self, c: &mut Counters) -> At {
        self.i = 0;
        self.j = 0;
        self.b = self.buckets.iter().position(|b| !b.is_empty()).unwrap_or(0);
        self.gather(c)
    }

    /// `A[i] ← bucket[b][j]`.
    fn gather(&mut self, c: &mut Counters) -> At {
        let value = c.read(&self.buckets[self.b], self.j);
        c.write(&mut self.values, self.i, value);
        At::Gather
    }

    /// Moves the gather cursor one value on, to the next non-empty bucket when this one is used up.
    fn advance_gather(&mut self) {
        self.i += 1;
        self.j += 1;
        while self.j == self.buckets[self.b].len() && self.b + 1 < self.buckets.len() {
            self.b += 1;
            self.j = 0;
        }
    }

    fn bucket_range(&self, b: usize) -> (i64, i64) {
        let k = self.buckets.len() as u64;
        // The smallest offset that maps to bucket b is ⌈b·width / k⌉.
        let first = |b: u64| (b * self.width).div_ceil(k);
        let from = self.lo + first(b as u64) as i64;
        let to = self.lo + first(b as u64 + 1) as i64 - 1;
        (from, to)
    }
}

impl Algorithm for BucketSort {
    fn step(&mut self, c: &mut Counters) -> bool {
        let n = self.values.len();
        self.at = match self.at {
            At::Done => return false,
            At::Start if n == 0 => At::Done,
            At::Start => {
                let (lo, hi) = min_max(&self.values, c);
                self.lo = lo;
                self.width = hi.abs_diff(lo) + 1;
                let k = n.isqrt() + usize::from(n.isqrt().pow(2) < n);
                self.buckets = vec![Vec::new(); k];
                At::Range
            }
            At::Range => {
                self.i = 0;
                self.scatter(c)
            }
            At::Scatter if self.i + 1 < n => {
                self.i += 1;
                self.scatter(c)
            }
            At::Scatter => self.next_bucket(0, c),
            At::Bucket => self.insert(1, c),
            At::Compare { swapped: true } if self.j > 1 => {
                self.j -= 1;
                self.compare(c)
            }
            At::Compare { .. } if self.m + 1 < self.buckets[self.b].len() => {
                self.insert(self.m + 1, c)
            }
            At::Compare { .. } => self.next_bucket(self.b + 1, c),
            At::Gather if self.i + 1 < n => {
                self.advance_gather();
                self.gather(c)
            }
            At::Gather => At::Done,
        };
        true
    }

    fn view(&self) -> View {
        let n = self.values.len();
        let (i, b, j) = (self.i, self.b, self.j);
        let buckets = |marks: Vec<(usize, Mark)>| -> Vec<AuxArray> {
            (0..self.buckets.len())
                .map(|x| {
                    let (from, to) = self.bucket_range(x);
                    let holds = if from <= to {
                        format!("{from}…{to}")
                    } else {
                        "no values".to_owned()
                    };
                    AuxArray {
                        name: format!("bucket {x} ({holds})"),
                        values: self.buckets[x].iter().map(|&v| Some(v)).collect(),
                        marks: if x == b { marks.clone() } else { vec![] },
                    }
                })
                .collect()
        };
        let base = ArrayFrame::new(&self.values);
        let (line, narration, frame, aux) = match self.at {
            At::Start => (
                0,
                format!(
                    "Start bucket sort on {}.",
                    crate::plural(n, "value", "values")
                ),
                base,
                vec![],
            ),
            At::Range => (
                1,
                format!(
                    "The values run from {} to {}: {} of about {} each.",
                    self.lo,
                    self.lo + self.width as i64 - 1,
                    crate::plural(self.buckets.len(), "bucket", "buckets"),
                    crate::plural(
                        self.width.div_ceil(self.buckets.len() as u64),
                        "value",
                        "values"
                    )
                ),
                base,
                buckets(vec![]),
            ),
            At::Scatter => (
                2,
                format!("A[{i}] = {} goes to bucket {b}.", self.values[i]),
                base.mark(i, Mark::Compared).pointer("i", i),
                buckets(vec![(self.buckets[b].len() - 1, Mark::Written)]),
            ),
            At::Bucket => (
                3,
                format!(
                    "Insertion sort bucket {b}, {}.",
                    crate::plural(self.buckets[b].len(), "value", "values")
                ),
                base,
                buckets(vec![]),
            ),
            At::Compare { swapped } => {
                let bucket = &self.buckets[b];
                let narration = if swapped {
                    format!("Bucket {b}: {} > {}, swap them.", bucket[j], bucket[j - 1])
                } else {
                    format!(
                        "Bucket {b}: {} ≤ {}, so the first {} values are in order.",
                        bucket[j - 1],
                        bucket[j],
                        self.m + 1
                    )
                };
                let mark = if swapped {
                    Mark::Swapped
                } else {
                    Mark::Compared
                };
                (4, narration, base, buckets(vec![(j - 1, mark), (j, mark)]))
            }
            At::Gather => (
                5,
                format!("A[{i}] ← {} from bucket {b}.", self.values[i]),
                base.sorted(0, i).mark(i, Mark::Written).pointer("i", i),
                buckets(vec![(j, Mark::Compared)]),
            ),
            At::Done => (
                6,
                "Done: the array is sorted.".to_owned(),
                base.sorted(0, n),
                vec![],
            ),
        };
        let frame = aux.into_iter().fold(frame, ArrayFrame::aux);
        let inserting = matches!(self.at, At::Compare { .. });
        View {
            line,
            narration,
            variables: vec![
                Variable::new(
                    "k",
                    (!self.buckets.is_empty()).then_some(self.buckets.len() as i64),
                ),
                Variable::new(
                    "i",
                    matches!(self.at, At::Scatter | At::Gather).then_some(i),
                ),
                Variable::new(
                    "b",
                    matches!(
                        self.at,
                        At::Scatter | At::Bucket | At::Compare { .. } | At::Gather
                    )
                    .then_some(b),
                ),
                Variable::new("j", inserting.then_some(j)),
            ],
            frame: Frame::Array(frame),
        }
    }

    fn is_done(&self) -> bool {
        self.at == At::Done
    }

    fn heap_bytes(&self) -> usize {
        self.values.capacity() * size_of::<i64>()
            + self.buckets.capacity() * size_of::<Vec<i64>>()
            + self
                .buckets
                .iter()
                .map(|b| b.capacity() * size_of::<i64>())
                .sum::<usize>()
    }
}

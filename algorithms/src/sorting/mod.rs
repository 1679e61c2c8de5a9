//! The sorting algorithms, one file each, and the pieces two of them share.

pub mod binary_insertion;
pub mod bubble;
pub mod bucket;
pub mod cocktail;
pub mod comb;
pub mod counting;
pub mod heap;
pub mod insertion;
pub mod merge_bottom_up;
pub mod merge_top_down;
pub mod quick_hoare;
pub mod quick_lomuto;
pub mod quick_randomized;
pub mod radix;
pub mod selection;
pub mod shell;

use serde::{Deserialize, Serialize};

use crate::legend::Key;
use crate::snapshot::{ArrayFrame, AuxArray, Counters, Mark};

// The legends of the sorts, by the marks their steps use.
/// Sorts that compare and swap neighbours or pairs (bubble, cocktail, comb, heap).
pub(crate) const EXCHANGES: &[Key] = &[
    Key::bar(Mark::Compared),
    Key::bar(Mark::Swapped),
    Key::bar(Mark::Sorted),
];
pub(crate) const SELECTION: &[Key] = &[
    Key::bar(Mark::Pivot).said("smallest so far"),
    Key::bar(Mark::Compared),
    Key::bar(Mark::Swapped),
    Key::bar(Mark::Sorted),
];
/// Insertion sorts: the key being inserted, and the values shifted to make room for it.
pub(crate) const INSERTIONS: &[Key] = &[
    Key::bar(Mark::Pivot).said("key being inserted"),
    Key::bar(Mark::Compared),
    Key::bar(Mark::Written).said("shifted"),
    Key::bar(Mark::Sorted),
];
/// Sorts that write values back from a buffer, counts or buckets.
pub(crate) const MERGES: &[Key] = &[
    Key::bar(Mark::Compared),
    Key::bar(Mark::Written),
    Key::bar(Mark::Sorted),
];
pub(crate) const PARTITIONS: &[Key] = &[
    Key::bar(Mark::Pivot),
    Key::bar(Mark::Compared),
    Key::bar(Mark::Swapped),
    Key::bar(Mark::Sorted),
];
/// Bucket sort writes values into buckets, then insertion-sorts each bucket by swaps.
pub(crate) const BUCKETS: &[Key] = &[
    Key::bar(Mark::Compared),
    Key::bar(Mark::Written),
    Key::bar(Mark::Swapped),
    Key::bar(Mark::Sorted),
];

/// One merge of the sorted runs `lo..mid` and `mid..hi`, a value at a time, through the buffer `B`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Merge {
    pub lo: usize,
    pub mid: usize,
    pub hi: usize,
    /// Next unmerged index of the left run in the buffer.
    pub i: usize,
    /// Next unmerged index of the right run in the buffer.
    pub j: usize,
    /// Next index of `A` to write.
    pub k: usize,
}

/// Which run the last merged value came from, and whether it took a comparison to decide.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Took {
    pub left: bool,
    pub compared: bool,
}

impl Merge {
    /// Copies `A[lo..hi)` into the buffer.
    pub fn begin(
        values: &[i64],
        buffer: &mut [i64],
        (lo, mid, hi): (usize, usize, usize),
        c: &mut Counters,
    ) -> Self {
        buffer[lo..hi].copy_from_slice(&values[lo..hi]);
        c.reads += (hi - lo) as u64;
        c.writes += (hi - lo) as u64;
        Merge {
            lo,
            mid,
            hi,
            i: lo,
            j: mid,
            k: lo,
        }
    }

    pub fn is_done(&self) -> bool {
        self.k == self.hi
    }

    /// Writes the next merged value to `A[k]`; ties take the left run, which keeps the sort stable.
    pub fn take(&mut self, values: &mut [i64], buffer: &[i64], c: &mut Counters) -> Took {
        let both = self.i < self.mid && self.j < self.hi;
        let left = if both {
            let (a, b) = (c.read(buffer, self.i), c.read(buffer, self.j));
            c.compare(a, b).is_le()
        } else {
            self.i < self.mid
        };
        let from = if left { &mut self.i } else { &mut self.j };
        let value = c.read(buffer, *from);
        *from += 1;
        c.write(values, self.k, value);
        self.k += 1;
        Took {
            left,
            compared: both,
        }
    }

    pub fn narrate(&self, took: Took, values: &[i64]) -> String {
        let (k, value) = (self.k - 1, values[self.k - 1]);
        match took {
            Took {
                left: true,
                compared: true,
            } => format!(
                "B[{}] ≤ B[{}]: A[{k}] ← {value} from the left run.",
                self.i - 1,
                self.j
            ),
            Took {
                left: false,
                compared: true,
            } => format!(
                "B[{}] > B[{}]: A[{k}] ← {value} from the right run.",
                self.i,
                self.j - 1
            ),
            Took {
                left: true,
                compared: false,
            } => format!("The right run is used up: A[{k}] ← {value} from the left run."),
            Took {
                left: false,
                compared: false,
            } => format!("The left run is used up: A[{k}] ← {value} from the right run."),
        }
    }

    /// The array and the buffer mid-merge: the range being merged, the value just written, and the next
    /// candidates of both runs.
    pub fn frame(&self, values: &[i64], buffer: &[i64], written: bool) -> ArrayFrame {
        let mut marks = Vec::new();
        if self.i < self.mid {
            marks.push((self.i, Mark::Compared));
        }
        if self.j < self.hi {
            marks.push((self.j, Mark::Compared));
        }
        let cells = (0..buffer.len())
            .map(|x| (self.lo..self.hi).contains(&x).then_some(buffer[x]))
            .collect();
        let frame = ArrayFrame::new(values)
            .active(self.lo, self.hi)
            .aux(AuxArray {
                name: "B".to_owned(),
                values: cells,
                marks,
            });
        if written {
            frame
                .mark(self.k - 1, Mark::Written)
                .pointer("k", self.k - 1)
        } else {
            frame
        }
    }
}

/// The complement of `ranges` (inclusive) within `0..n`, as half-open runs: for quicksorts, every index
/// outside a range still to be partitioned is in its final place.
pub(crate) fn outside_ranges(
    n: usize,
    ranges: impl Iterator<Item = (usize, usize)>,
) -> Vec<(usize, usize)> {
    let mut pending = vec![false; n];
    for (lo, hi) in ranges {
        pending[lo..=hi].fill(true);
    }
    let mut runs = Vec::new();
    let mut start = None;
    for (index, &is_pending) in pending.iter().chain([&true]).enumerate() {
        match (is_pending, start) {
            (false, None) => start = Some(index),
            (true, Some(from)) => {
                runs.push((from, index));
                start = None;
            }
            _ => {}
        }
    }
    runs
}

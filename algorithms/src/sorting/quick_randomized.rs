//! Randomized quicksort: Lomuto's partition around a pivot chosen at random (from the input's seed), which
//! makes the O(n²) worst case vanishingly unlikely on any input, sorted ones included.

use super::quick_lomuto::QuicksortLomuto;
use crate::catalogue::{Card, Category, Complexity, Entry, FAST_SORT_INPUT};
use crate::machine::Run;
#[cfg(feature = "restore")]
use crate::machine::restore;
use crate::snapshot::FrameKind;

pub const PSEUDOCODE: &[&str] = &[
    "procedure quicksort(A, lo, hi)  — sorts A[lo..hi]",
    "  if lo < hi",
    "    swap a random A[lo..hi] with A[hi]; pivot ← A[hi]; i ← lo",
    "    for j ← lo to hi − 1",
    "      if A[j] < pivot",
    "        swap A[i] and A[j]; i ← i + 1",
    "    swap A[i] and A[hi]  — the pivot is in its final place",
    "    quicksort(A, lo, i − 1); quicksort(A, i + 1, hi)",
    "A is sorted",
];

pub const CARD: Card = Card {
    id: "quicksort-randomized",
    name: "Randomized quicksort",
    category: Category::Sorting,
    summary: "Quicksort around a random pivot (seeded, so runs repeat): expected O(n log n) on every input.",
    complexity: Complexity {
        best: "O(n log n)",
        average: "O(n log n) expected",
        worst: "O(n²) (vanishingly rare)",
        space: "O(log n) expected stack",
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
pub const ALIASES: &[&str] = &[
    "quick sort",
    "random pivot",
    "partition",
    "divide and conquer",
];

pub const ENTRY: Entry = Entry {
    card: &CARD,
    pseudocode: PSEUDOCODE,
    start: |input| {
        Box::new(Run::new(QuicksortLomuto::new(
            input.values,
            Some(input.seed.unwrap_or(0)),
        )))
    },
    #[cfg(feature = "restore")]
    restore: restore::<QuicksortLomuto>,
};

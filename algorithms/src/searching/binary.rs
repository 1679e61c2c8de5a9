//! Binary search: compare the target with the middle of the candidates and discard the half that cannot
//! hold it.

use serde::{Deserialize, Serialize};

use super::{Halving, Outcome, Probe, narrowed};
use crate::catalogue::{Card, Category, Complexity, Entry, SEARCH_INPUT};
#[cfg(feature = "restore")]
use crate::machine::restore;
use crate::machine::{Algorithm, Run};
use crate::snapshot::{ArrayFrame, Counters, Frame, FrameKind, Variable, View};

pub const PSEUDOCODE: &[&str] = &[
    "procedure binarySearch(A, target)",
    "  lo ← 0; hi ← n − 1",
    "  while lo ≤ hi",
    "    mid ← ⌊(lo + hi) / 2⌋",
    "    if A[mid] = target: return mid",
    "    if A[mid] < target: lo ← mid + 1",
    "    else: hi ← mid − 1",
    "  return −1",
];

pub const CARD: Card = Card {
    id: "binary-search",
    name: "Binary search",
    category: Category::Searching,
    summary: "Halves the sorted candidates at every comparison.",
    complexity: Complexity {
        best: "O(1)",
        average: "O(log n)",
        worst: "O(log n)",
        space: "O(1)",
    },
    stable: None,
    in_place: None,
    input: SEARCH_INPUT,
    frame: FrameKind::Array,
    legend: super::PROBES,
    counters: crate::catalogue::SEARCH_COUNTERS,
    work: crate::catalogue::SEARCH_WORK,
    version: 1,
};

/// Other names a learner may search the catalogue for (`catalogue::matches`), lower case.
pub const ALIASES: &[&str] = &["bisection", "half interval", "sorted array", "lookup"];

pub const ENTRY: Entry = Entry {
    card: &CARD,
    pseudocode: PSEUDOCODE,
    start: |input| {
        Box::new(Run::new(BinarySearch::new(
            input.values,
            input.target.unwrap_or(0),
        )))
    },
    #[cfg(feature = "restore")]
    restore: restore::<BinarySearch>,
};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BinarySearch {
    values: Vec<i64>,
    target: i64,
    /// Candidates are `lo..hi` (the pseudocode's `hi` is this minus one).
    range: Halving,
    at: At,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
enum At {
    Start,
    Probe(Probe),
    End(Outcome),
}

impl BinarySearch {
    pub fn new(values: Vec<i64>, target: i64) -> Self {
        let range = Halving {
            lo: 0,
            hi: values.len(),
            mid: 0,
        };
        BinarySearch {
            values,
            target,
            range,
            at: At::Start,
        }
    }

    fn probe(&mut self, c: &mut Counters) -> At {
        match self.range.probe(&self.values, self.target, c) {
            Some(probe) => At::Probe(probe),
            None => At::End(Outcome::Missing),
        }
    }
}

impl Algorithm for BinarySearch {
    fn step(&mut self, c: &mut Counters) -> bool {
        self.at = match self.at {
            At::End(_) => return false,
            At::Probe(Probe::Equal) => At::End(Outcome::Found(self.range.mid)),
            At::Start | At::Probe(_) => self.probe(c),
        };
        true
    }

    fn view(&self) -> View {
        let Halving { lo, hi, mid } = self.range;
        let target = self.target;
        let (line, narration, frame) = match self.at {
            At::Start => (
                1,
                format!(
                    "Look for {target} in {} sorted values: every index is a candidate.",
                    self.values.len()
                ),
                ArrayFrame::new(&self.values),
            ),
            At::Probe(probe @ Probe::Below) => (
                5,
                format!(
                    "{}: the target is right of mid, lo ← {lo}.",
                    probe.describe(&self.values, mid, target)
                ),
                narrowed(&self.values, lo, hi, Some(mid)),
            ),
            At::Probe(probe @ Probe::Above) => (
                6,
                format!(
                    "{}: the target is left of mid, hi ← {}.",
                    probe.describe(&self.values, mid, target),
                    hi as i64 - 1
                ),
                narrowed(&self.values, lo, hi, Some(mid)),
            ),
            At::Probe(probe) => (
                4,
                format!("{}.", probe.describe(&self.values, mid, target)),
                narrowed(&self.values, lo, hi, Some(mid)),
            ),
            At::End(outcome @ Outcome::Found(_)) => (
                4,
                outcome.narrate(&self.values, target),
                outcome.frame(&self.values),
            ),
            At::End(outcome) => (
                7,
                format!(
                    "lo > hi: no candidates left. {}",
                    outcome.narrate(&self.values, target)
                ),
                outcome.frame(&self.values),
            ),
        };
        let (searching, outcome) = match self.at {
            At::End(outcome) => (false, Some(outcome)),
            _ => (true, None),
        };
        View {
            line,
            narration,
            variables: vec![
                Variable::new("target", Some(target)),
                Variable::new("lo", searching.then_some(lo)),
                Variable::new("hi", searching.then_some(hi as i64 - 1)),
                Variable::new("mid", matches!(self.at, At::Probe(_)).then_some(mid)),
                Outcome::variable(outcome),
            ],
            frame: Frame::Array(frame),
        }
    }

    fn is_done(&self) -> bool {
        matches!(self.at, At::End(_))
    }

    fn heap_bytes(&self) -> usize {
        self.values.capacity() * size_of::<i64>()
    }
}

//! Exponential search: double a bound until it passes the target, then binary-search the last doubling's
//! range. Finds targets near the front in O(log i) for a target at index i.

use serde::{Deserialize, Serialize};

use super::{Halving, Outcome, Probe, narrowed};
use crate::catalogue::{Card, Category, Complexity, Entry, SEARCH_INPUT};
#[cfg(feature = "restore")]
use crate::machine::restore;
use crate::machine::{Algorithm, Run};
use crate::snapshot::{ArrayFrame, Counters, Frame, FrameKind, Variable, View};

pub const PSEUDOCODE: &[&str] = &[
    "procedure exponentialSearch(A, target)",
    "  bound ← 1",
    "  while bound < n and A[bound] < target: bound ← bound · 2",
    "  lo ← ⌊bound / 2⌋; hi ← min(bound, n − 1)",
    "  while lo ≤ hi  — binary search",
    "    mid ← ⌊(lo + hi) / 2⌋; if A[mid] = target: return mid",
    "    if A[mid] < target: lo ← mid + 1 else hi ← mid − 1",
    "  return −1",
];

pub const CARD: Card = Card {
    id: "exponential-search",
    name: "Exponential search",
    category: Category::Searching,
    summary: "Doubles a bound until it passes the target, then binary-searches that last stretch.",
    complexity: Complexity {
        best: "O(1)",
        average: "O(log i) (target at index i)",
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
pub const ALIASES: &[&str] = &["galloping", "doubling search", "sorted array", "lookup"];

pub const ENTRY: Entry = Entry {
    card: &CARD,
    pseudocode: PSEUDOCODE,
    start: |input| {
        Box::new(Run::new(ExponentialSearch::new(
            input.values,
            input.target.unwrap_or(0),
        )))
    },
    #[cfg(feature = "restore")]
    restore: restore::<ExponentialSearch>,
};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExponentialSearch {
    values: Vec<i64>,
    target: i64,
    bound: usize,
    /// Binary search candidates `lo..hi`.
    range: Halving,
    at: At,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
enum At {
    Start,
    /// Compared `A[bound]` with the target.
    Double(Probe),
    Range,
    Probe(Probe),
    End(Outcome),
}

impl ExponentialSearch {
    pub fn new(values: Vec<i64>, target: i64) -> Self {
        ExponentialSearch {
            values,
            target,
            bound: 1,
            range: Halving::default(),
            at: At::Start,
        }
    }

    fn double(&mut self, c: &mut Counters) -> At {
        if self.bound < self.values.len() {
            At::Double(Probe::at(&self.values, self.bound, self.target, c))
        } else {
            self.range()
        }
    }

    fn range(&mut self) -> At {
        if self.values.is_empty() {
            return At::End(Outcome::Missing);
        }
        self.range = Halving {
            lo: self.bound / 2,
            hi: self.bound.min(self.values.len() - 1) + 1,
            mid: 0,
        };
        At::Range
    }

    fn probe(&mut self, c: &mut Counters) -> At {
        match self.range.probe(&self.values, self.target, c) {
            Some(probe) => At::Probe(probe),
            None => At::End(Outcome::Missing),
        }
    }
}

impl Algorithm for ExponentialSearch {
    fn step(&mut self, c: &mut Counters) -> bool {
        self.at = match self.at {
            At::End(_) => return false,
            At::Start => self.double(c),
            At::Double(Probe::Below) => {
                self.bound *= 2;
                self.double(c)
            }
            At::Double(_) => self.range(),
            At::Probe(Probe::Equal) => At::End(Outcome::Found(self.range.mid)),
            At::Range | At::Probe(_) => self.probe(c),
        };
        true
    }

    fn view(&self) -> View {
        let Halving { lo, hi, mid } = self.range;
        let (bound, target) = (self.bound, self.target);
        let (line, narration, frame) = match self.at {
            At::Start => (
                1,
                format!(
                    "Look for {target} in {} sorted values: start with bound 1.",
                    self.values.len()
                ),
                ArrayFrame::new(&self.values),
            ),
            At::Double(probe @ Probe::Below) => (
                2,
                format!(
                    "{}: double the bound.",
                    probe.describe(&self.values, bound, target)
                ),
                narrowed(&self.values, bound, self.values.len(), Some(bound)),
            ),
            At::Double(probe) => (
                2,
                format!(
                    "{}: the target is at or before index {bound}.",
                    probe.describe(&self.values, bound, target)
                ),
                narrowed(&self.values, bound / 2, bound + 1, Some(bound)),
            ),
            At::Range => (
                3,
                format!("Binary-search A[{lo}..{}].", hi - 1),
                narrowed(&self.values, lo, hi, None),
            ),
            At::Probe(probe) => (
                if probe == Probe::Equal { 5 } else { 6 },
                format!("{}.", probe.describe(&self.values, mid, target)),
                narrowed(&self.values, lo, hi, Some(mid)),
            ),
            At::End(outcome @ Outcome::Found(_)) => (
                5,
                outcome.narrate(&self.values, target),
                outcome.frame(&self.values),
            ),
            At::End(outcome) => (
                7,
                outcome.narrate(&self.values, target),
                outcome.frame(&self.values),
            ),
        };
        let binary = matches!(self.at, At::Range | At::Probe(_));
        let outcome = match self.at {
            At::End(outcome) => Some(outcome),
            _ => None,
        };
        View {
            line,
            narration,
            variables: vec![
                Variable::new("target", Some(target)),
                Variable::new("bound", outcome.is_none().then_some(bound)),
                Variable::new("lo", binary.then_some(lo)),
                Variable::new("hi", binary.then_some(hi as i64 - 1)),
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

//! Interpolation search: guess the target's position from its value, as one looks up a name in a phone
//! book; fast on evenly spread values, slow on skewed ones.

use serde::{Deserialize, Serialize};

use super::{Outcome, Probe, narrowed};
use crate::catalogue::{Card, Category, Complexity, Entry, SEARCH_INPUT};
#[cfg(feature = "restore")]
use crate::machine::restore;
use crate::machine::{Algorithm, Run};
use crate::snapshot::{ArrayFrame, Counters, Frame, FrameKind, Mark, Variable, View};

pub const PSEUDOCODE: &[&str] = &[
    "procedure interpolationSearch(A, target)",
    "  lo ← 0; hi ← n − 1",
    "  while lo ≤ hi and A[lo] ≤ target ≤ A[hi]",
    "    pos ← lo + ⌊(target − A[lo]) · (hi − lo) / (A[hi] − A[lo])⌋  (lo if A[hi] = A[lo])",
    "    if A[pos] = target: return pos",
    "    if A[pos] < target: lo ← pos + 1",
    "    else: hi ← pos − 1",
    "  return −1",
];

pub const CARD: Card = Card {
    id: "interpolation-search",
    name: "Interpolation search",
    category: Category::Searching,
    summary: "Estimates where the target should be from its value; excellent on evenly spread data.",
    complexity: Complexity {
        best: "O(1)",
        average: "O(log log n) (uniform values)",
        worst: "O(n)",
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
pub const ALIASES: &[&str] = &["sorted array", "lookup"];

pub const ENTRY: Entry = Entry {
    card: &CARD,
    pseudocode: PSEUDOCODE,
    start: |input| {
        Box::new(Run::new(InterpolationSearch::new(
            input.values,
            input.target.unwrap_or(0),
        )))
    },
    #[cfg(feature = "restore")]
    restore: restore::<InterpolationSearch>,
};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InterpolationSearch {
    values: Vec<i64>,
    target: i64,
    /// Candidates are `lo..hi`.
    lo: usize,
    hi: usize,
    pos: usize,
    at: At,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
enum At {
    Start,
    /// Checked `A[lo] ≤ target ≤ A[hi − 1]`.
    Bounds {
        inside: bool,
    },
    Probe(Probe),
    End(Outcome),
}

impl InterpolationSearch {
    pub fn new(values: Vec<i64>, target: i64) -> Self {
        let hi = values.len();
        InterpolationSearch {
            values,
            target,
            lo: 0,
            hi,
            pos: 0,
            at: At::Start,
        }
    }

    fn bounds(&mut self, c: &mut Counters) -> At {
        if self.lo >= self.hi {
            return At::End(Outcome::Missing);
        }
        let (low, high) = (
            c.read(&self.values, self.lo),
            c.read(&self.values, self.hi - 1),
        );
        let inside = c.compare(low, self.target).is_le() && c.compare(self.target, high).is_le();
        At::Bounds { inside }
    }

    fn probe(&mut self, c: &mut Counters) -> At {
        let (lo, hi) = (self.lo, self.hi - 1);
        let (low, high) = (self.values[lo], self.values[hi]);
        // Widened: (target − A[lo]) · (hi − lo) can exceed i64 for values near ±10⁹ and n near 10⁶.
        self.pos = if high == low {
            lo
        } else {
            lo + ((self.target - low) as i128 * (hi - lo) as i128 / (high - low) as i128) as usize
        };
        let probe = Probe::at(&self.values, self.pos, self.target, c);
        match probe {
            Probe::Below => self.lo = self.pos + 1,
            Probe::Above => self.hi = self.pos,
            Probe::Equal => {}
        }
        At::Probe(probe)
    }
}

impl Algorithm for InterpolationSearch {
    fn step(&mut self, c: &mut Counters) -> bool {
        self.at = match self.at {
            At::End(_) => return false,
            At::Start | At::Probe(Probe::Below | Probe::Above) => self.bounds(c),
            At::Bounds { inside: false } => At::End(Outcome::Missing),
            At::Bounds { inside: true } => self.probe(c),
            At::Probe(Probe::Equal) => At::End(Outcome::Found(self.pos)),
        };
        true
    }

    fn view(&self) -> View {
        let (lo, hi, pos, target) = (self.lo, self.hi, self.pos, self.target);
        let (line, narration, frame) = match self.at {
            At::Start => (
                1,
                format!("Look for {target} in {} sorted values.", self.values.len()),
                ArrayFrame::new(&self.values),
            ),
            At::Bounds { inside: true } => (
                2,
                format!(
                    "{} ≤ {target} ≤ {}: the target may be in A[{lo}..{}].",
                    self.values[lo],
                    self.values[hi - 1],
                    hi - 1
                ),
                narrowed(&self.values, lo, hi, None)
                    .mark(lo, Mark::Compared)
                    .mark(hi - 1, Mark::Compared),
            ),
            At::Bounds { inside: false } => (
                2,
                format!(
                    "{target} is outside [{}, {}]: it cannot be here.",
                    self.values[lo],
                    self.values[hi - 1]
                ),
                narrowed(&self.values, lo, hi, None)
                    .mark(lo, Mark::Compared)
                    .mark(hi - 1, Mark::Compared),
            ),
            At::Probe(probe) => {
                let next = match probe {
                    Probe::Below => format!(": lo ← {lo}."),
                    Probe::Above => format!(": hi ← {}.", hi as i64 - 1),
                    Probe::Equal => ".".to_owned(),
                };
                (
                    if probe == Probe::Equal { 4 } else { 3 },
                    format!(
                        "Estimate pos = {pos}. {}{next}",
                        probe.describe(&self.values, pos, target)
                    ),
                    narrowed(&self.values, lo, hi, Some(pos)),
                )
            }
            At::End(outcome @ Outcome::Found(_)) => (
                4,
                outcome.narrate(&self.values, target),
                outcome.frame(&self.values),
            ),
            At::End(outcome) => (
                7,
                outcome.narrate(&self.values, target),
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
                Variable::new("pos", matches!(self.at, At::Probe(_)).then_some(pos)),
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

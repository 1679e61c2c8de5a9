//! Ternary search: probe the candidates at one third and two thirds and keep the third that can hold the
//! target. More comparisons than binary search per level, fewer levels.

use serde::{Deserialize, Serialize};

use super::{Outcome, Probe, narrowed};
use crate::catalogue::{Card, Category, Complexity, Entry, SEARCH_INPUT};
#[cfg(feature = "restore")]
use crate::machine::restore;
use crate::machine::{Algorithm, Run};
use crate::snapshot::{ArrayFrame, Counters, Frame, FrameKind, Variable, View};

pub const PSEUDOCODE: &[&str] = &[
    "procedure ternarySearch(A, target)",
    "  lo ← 0; hi ← n − 1",
    "  while lo ≤ hi",
    "    m1 ← lo + ⌊(hi − lo) / 3⌋; m2 ← hi − ⌊(hi − lo) / 3⌋",
    "    if A[m1] = target: return m1",
    "    if A[m2] = target: return m2",
    "    if target < A[m1]: hi ← m1 − 1",
    "    else if target > A[m2]: lo ← m2 + 1",
    "    else: lo ← m1 + 1; hi ← m2 − 1",
    "  return −1",
];

pub const CARD: Card = Card {
    id: "ternary-search",
    name: "Ternary search",
    category: Category::Searching,
    summary: "Probes at one and two thirds of the candidates and keeps the third that can hold the target.",
    complexity: Complexity {
        best: "O(1)",
        average: "O(log₃ n)",
        worst: "O(log₃ n)",
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
        Box::new(Run::new(TernarySearch::new(
            input.values,
            input.target.unwrap_or(0),
        )))
    },
    #[cfg(feature = "restore")]
    restore: restore::<TernarySearch>,
};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TernarySearch {
    values: Vec<i64>,
    target: i64,
    /// Candidates are `lo..hi`.
    lo: usize,
    hi: usize,
    m1: usize,
    m2: usize,
    at: At,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
enum At {
    Start,
    First(Probe),
    Second(Probe),
    End(Outcome),
}

impl TernarySearch {
    pub fn new(values: Vec<i64>, target: i64) -> Self {
        let hi = values.len();
        TernarySearch {
            values,
            target,
            lo: 0,
            hi,
            m1: 0,
            m2: 0,
            at: At::Start,
        }
    }

    fn first(&mut self, c: &mut Counters) -> At {
        if self.lo >= self.hi {
            return At::End(Outcome::Missing);
        }
        let (lo, hi) = (self.lo, self.hi - 1);
        self.m1 = lo + (hi - lo) / 3;
        self.m2 = hi - (hi - lo) / 3;
        let probe = Probe::at(&self.values, self.m1, self.target, c);
        if probe == Probe::Above {
            self.hi = self.m1;
        }
        At::First(probe)
    }

    fn second(&mut self, c: &mut Counters) -> At {
        let probe = Probe::at(&self.values, self.m2, self.target, c);
        match probe {
            Probe::Below => self.lo = self.m2 + 1,
            Probe::Above => (self.lo, self.hi) = (self.m1 + 1, self.m2),
            Probe::Equal => {}
        }
        At::Second(probe)
    }
}

impl Algorithm for TernarySearch {
    fn step(&mut self, c: &mut Counters) -> bool {
        self.at = match self.at {
            At::End(_) => return false,
            At::First(Probe::Equal) => At::End(Outcome::Found(self.m1)),
            At::Second(Probe::Equal) => At::End(Outcome::Found(self.m2)),
            At::First(Probe::Below) => self.second(c),
            At::Start | At::First(Probe::Above) | At::Second(_) => self.first(c),
        };
        true
    }

    fn view(&self) -> View {
        let (lo, hi, m1, m2, target) = (self.lo, self.hi, self.m1, self.m2, self.target);
        let (line, narration, frame) = match self.at {
            At::Start => (
                1,
                format!("Look for {target} in {} sorted values.", self.values.len()),
                ArrayFrame::new(&self.values),
            ),
            At::First(probe @ Probe::Above) => (
                6,
                format!(
                    "{}: keep the first third, hi ← {}.",
                    probe.describe(&self.values, m1, target),
                    hi as i64 - 1
                ),
                narrowed(&self.values, lo, hi, Some(m1)),
            ),
            At::First(probe) => (
                4,
                format!(
                    "m1 = {m1}, m2 = {m2}. {}.",
                    probe.describe(&self.values, m1, target)
                ),
                narrowed(&self.values, lo, hi, Some(m1)).pointer("m2", m2),
            ),
            At::Second(probe @ Probe::Below) => (
                7,
                format!(
                    "{}: keep the last third, lo ← {lo}.",
                    probe.describe(&self.values, m2, target)
                ),
                narrowed(&self.values, lo, hi, Some(m2)),
            ),
            At::Second(probe @ Probe::Above) => (
                8,
                format!(
                    "{}: keep the middle third A[{lo}..{}].",
                    probe.describe(&self.values, m2, target),
                    hi as i64 - 1
                ),
                narrowed(&self.values, lo, hi, Some(m2)),
            ),
            At::Second(probe) => (
                5,
                format!("{}.", probe.describe(&self.values, m2, target)),
                narrowed(&self.values, lo, hi, Some(m2)),
            ),
            At::End(outcome @ Outcome::Found(_)) => (
                4,
                outcome.narrate(&self.values, target),
                outcome.frame(&self.values),
            ),
            At::End(outcome) => (
                9,
                outcome.narrate(&self.values, target),
                outcome.frame(&self.values),
            ),
        };
        let (searching, outcome) = match self.at {
            At::End(outcome) => (false, Some(outcome)),
            _ => (true, None),
        };
        let probing = matches!(self.at, At::First(_) | At::Second(_));
        View {
            line,
            narration,
            variables: vec![
                Variable::new("target", Some(target)),
                Variable::new("lo", searching.then_some(lo)),
                Variable::new("hi", searching.then_some(hi as i64 - 1)),
                Variable::new("m1", probing.then_some(m1)),
                Variable::new("m2", probing.then_some(m2)),
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

//! Linear search: look at every value in order until the target turns up. Works on unsorted values too.

use serde::{Deserialize, Serialize};

use super::{Outcome, Probe};
use crate::catalogue::{Card, Category, Complexity, Entry, UNSORTED_SEARCH_INPUT};
#[cfg(feature = "restore")]
use crate::machine::restore;
use crate::machine::{Algorithm, Run};
use crate::snapshot::{ArrayFrame, Counters, Frame, FrameKind, Mark, Variable, View};

pub const PSEUDOCODE: &[&str] = &[
    "procedure linearSearch(A, target)",
    "  for i ← 0 to n − 1",
    "    if A[i] = target: return i",
    "  return −1",
];

pub const CARD: Card = Card {
    id: "linear-search",
    name: "Linear search",
    category: Category::Searching,
    summary: "Checks every value in turn; returns the first index holding the target.",
    complexity: Complexity {
        best: "O(1)",
        average: "O(n)",
        worst: "O(n)",
        space: "O(1)",
    },
    stable: None,
    in_place: None,
    input: UNSORTED_SEARCH_INPUT,
    frame: FrameKind::Array,
    legend: super::PROBES,
    counters: crate::catalogue::SEARCH_COUNTERS,
    work: crate::catalogue::SEARCH_WORK,
    version: 1,
};

/// Other names a learner may search the catalogue for (`catalogue::matches`), lower case.
pub const ALIASES: &[&str] = &["sequential search", "lookup", "scan"];

pub const ENTRY: Entry = Entry {
    card: &CARD,
    pseudocode: PSEUDOCODE,
    start: |input| {
        Box::new(Run::new(LinearSearch::new(
            input.values,
            input.target.unwrap_or(0),
        )))
    },
    #[cfg(feature = "restore")]
    restore: restore::<LinearSearch>,
};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinearSearch {
    values: Vec<i64>,
    target: i64,
    i: usize,
    at: At,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
enum At {
    Start,
    Compare(Probe),
    End(Outcome),
}

impl LinearSearch {
    pub fn new(values: Vec<i64>, target: i64) -> Self {
        LinearSearch {
            values,
            target,
            i: 0,
            at: At::Start,
        }
    }

    fn compare(&mut self, c: &mut Counters) -> At {
        if self.i == self.values.len() {
            return At::End(Outcome::Missing);
        }
        At::Compare(Probe::at(&self.values, self.i, self.target, c))
    }
}

impl Algorithm for LinearSearch {
    fn step(&mut self, c: &mut Counters) -> bool {
        self.at = match self.at {
            At::End(_) => return false,
            At::Start => self.compare(c),
            At::Compare(Probe::Equal) => At::End(Outcome::Found(self.i)),
            At::Compare(_) => {
                self.i += 1;
                self.compare(c)
            }
        };
        true
    }

    fn view(&self) -> View {
        let (i, target) = (self.i, self.target);
        let (line, narration, frame) = match self.at {
            At::Start => (
                0,
                format!(
                    "Look for {target} among {}, from the left.",
                    crate::plural(self.values.len(), "value", "values")
                ),
                ArrayFrame::new(&self.values),
            ),
            At::Compare(probe) => {
                let value = self.values[i];
                let text = if probe == Probe::Equal {
                    format!("A[{i}] = {value} is the target.")
                } else {
                    format!("A[{i}] = {value} ≠ {target}: keep looking.")
                };
                (
                    2,
                    text,
                    ArrayFrame::new(&self.values)
                        .active(i, self.values.len())
                        .mark(i, Mark::Compared)
                        .pointer("i", i),
                )
            }
            At::End(outcome @ Outcome::Found(_)) => (
                2,
                outcome.narrate(&self.values, target),
                outcome.frame(&self.values),
            ),
            At::End(outcome) => (
                3,
                outcome.narrate(&self.values, target),
                outcome.frame(&self.values),
            ),
        };
        let outcome = match self.at {
            At::End(outcome) => Some(outcome),
            _ => None,
        };
        View {
            line,
            narration,
            variables: vec![
                Variable::new("target", Some(target)),
                Variable::new("i", matches!(self.at, At::Compare(_)).then_some(i)),
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

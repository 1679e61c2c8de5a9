//! Jump search: jump ahead √n values at a time until a block's last value reaches the target, then scan
//! that block from its start.

use serde::{Deserialize, Serialize};

use super::{Outcome, Probe, narrowed};
use crate::catalogue::{Card, Category, Complexity, Entry, SEARCH_INPUT};
#[cfg(feature = "restore")]
use crate::machine::restore;
use crate::machine::{Algorithm, Run};
use crate::snapshot::{ArrayFrame, Counters, Frame, FrameKind, Variable, View};

pub const PSEUDOCODE: &[&str] = &[
    "procedure jumpSearch(A, target)",
    "  step ← ⌊√n⌋; prev ← 0; next ← step",
    "  while prev < n and A[min(next, n) − 1] < target",
    "    prev ← next; next ← next + step",
    "  for i ← prev to min(next, n) − 1",
    "    if A[i] = target: return i",
    "    if A[i] > target: return −1",
    "  return −1",
];

pub const CARD: Card = Card {
    id: "jump-search",
    name: "Jump search",
    category: Category::Searching,
    summary: "Jumps ahead √n values at a time, then scans the one block that can hold the target.",
    complexity: Complexity {
        best: "O(1)",
        average: "O(√n)",
        worst: "O(√n)",
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
pub const ALIASES: &[&str] = &["block search", "sorted array", "lookup"];

pub const ENTRY: Entry = Entry {
    card: &CARD,
    pseudocode: PSEUDOCODE,
    start: |input| {
        Box::new(Run::new(JumpSearch::new(
            input.values,
            input.target.unwrap_or(0),
        )))
    },
    #[cfg(feature = "restore")]
    restore: restore::<JumpSearch>,
};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct JumpSearch {
    values: Vec<i64>,
    target: i64,
    step: usize,
    prev: usize,
    next: usize,
    i: usize,
    at: At,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
enum At {
    Start,
    /// Compared the last value of the block `prev..next` with the target.
    Jump(Probe),
    Scan(Probe),
    End(Outcome),
}

impl JumpSearch {
    pub fn new(values: Vec<i64>, target: i64) -> Self {
        let step = values.len().isqrt().max(1);
        JumpSearch {
            values,
            target,
            step,
            prev: 0,
            next: step,
            i: 0,
            at: At::Start,
        }
    }

    fn block_end(&self) -> usize {
        self.next.min(self.values.len())
    }

    fn jump(&mut self, c: &mut Counters) -> At {
        if self.prev >= self.values.len() {
            return At::End(Outcome::Missing);
        }
        At::Jump(Probe::at(
            &self.values,
            self.block_end() - 1,
            self.target,
            c,
        ))
    }

    fn scan(&mut self, c: &mut Counters) -> At {
        if self.i >= self.block_end() {
            return At::End(Outcome::Missing);
        }
        At::Scan(Probe::at(&self.values, self.i, self.target, c))
    }
}

impl Algorithm for JumpSearch {
    fn step(&mut self, c: &mut Counters) -> bool {
        self.at = match self.at {
            At::End(_) => return false,
            At::Start => self.jump(c),
            At::Jump(Probe::Below) => {
                self.prev = self.next;
                self.next += self.step;
                self.jump(c)
            }
            At::Jump(_) => {
                self.i = self.prev;
                self.scan(c)
            }
            At::Scan(Probe::Equal) => At::End(Outcome::Found(self.i)),
            At::Scan(Probe::Above) => At::End(Outcome::Missing),
            At::Scan(Probe::Below) => {
                self.i += 1;
                self.scan(c)
            }
        };
        true
    }

    fn view(&self) -> View {
        let (prev, target, i, end) = (self.prev, self.target, self.i, self.block_end());
        let (line, narration, frame) = match self.at {
            At::Start => (
                1,
                format!(
                    "Look for {target} in {} sorted values, jumping {} at a time.",
                    self.values.len(),
                    self.step
                ),
                ArrayFrame::new(&self.values),
            ),
            At::Jump(probe @ Probe::Below) => (
                2,
                format!(
                    "{}: the target is past this block; jump ahead.",
                    probe.describe(&self.values, end - 1, target)
                ),
                narrowed(&self.values, prev, self.values.len(), Some(end - 1)),
            ),
            At::Jump(probe) => (
                2,
                format!(
                    "{}: if anywhere, the target is in A[{prev}..{end}).",
                    probe.describe(&self.values, end - 1, target)
                ),
                narrowed(&self.values, prev, end, Some(end - 1)),
            ),
            At::Scan(probe @ Probe::Above) => (
                6,
                format!(
                    "{}: the target would have appeared by now.",
                    probe.describe(&self.values, i, target)
                ),
                narrowed(&self.values, i, end, Some(i)),
            ),
            At::Scan(probe) => (
                5,
                format!("{}.", probe.describe(&self.values, i, target)),
                narrowed(&self.values, i, end, Some(i)),
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
        let (searching, outcome) = match self.at {
            At::End(outcome) => (false, Some(outcome)),
            _ => (true, None),
        };
        View {
            line,
            narration,
            variables: vec![
                Variable::new("target", Some(target)),
                Variable::new("step", Some(self.step)),
                Variable::new("prev", searching.then_some(prev)),
                Variable::new("next", searching.then_some(self.next)),
                Variable::new("i", matches!(self.at, At::Scan(_)).then_some(i)),
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

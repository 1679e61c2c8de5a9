//! The searches, one file each, over sorted values (linear search accepts any order). Every search ends with
//! a `result` variable: the index where it found the target, or −1.

pub mod binary;
pub mod exponential;
pub mod interpolation;
pub mod jump;
pub mod linear;
pub mod ternary;

use std::cmp::Ordering;

use serde::{Deserialize, Serialize};

use crate::legend::Key;
use crate::snapshot::{ArrayFrame, Counters, Mark, Variable};

/// Every search's legend: the value probed, and the one found. (Values ruled out are drawn outside the
/// range still searched.)
pub(crate) const PROBES: &[Key] = &[
    Key::bar(Mark::Compared).said("probed"),
    Key::bar(Mark::Found),
];

/// How a probed value compares with the target.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) enum Probe {
    Below,
    Equal,
    Above,
}

impl Probe {
    /// Reads `values[index]` and compares it with `target`: one read, one (three-way) comparison.
    pub fn at(values: &[i64], index: usize, target: i64, c: &mut Counters) -> Probe {
        let value = c.read(values, index);
        match c.compare(value, target) {
            Ordering::Less => Probe::Below,
            Ordering::Equal => Probe::Equal,
            Ordering::Greater => Probe::Above,
        }
    }

    pub fn describe(self, values: &[i64], index: usize, target: i64) -> String {
        let value = values[index];
        match self {
            Probe::Below => format!("A[{index}] = {value} < {target}"),
            Probe::Equal => format!("A[{index}] = {value} is the target {target}"),
            Probe::Above => format!("A[{index}] = {value} > {target}"),
        }
    }
}

/// How a search ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) enum Outcome {
    Found(usize),
    Missing,
}

impl Outcome {
    pub fn variable(outcome: Option<Outcome>) -> Variable {
        Variable::new(
            "result",
            outcome.map(|o| match o {
                Outcome::Found(index) => index as i64,
                Outcome::Missing => -1,
            }),
        )
    }

    pub fn narrate(self, values: &[i64], target: i64) -> String {
        debug_assert!(matches!(self, Outcome::Missing) || values.contains(&target));
        match self {
            Outcome::Found(index) => format!(
                "Found {target} at index {index}: return {index}.",
                target = values[index]
            ),
            Outcome::Missing => format!("{target} is not in the array: return −1."),
        }
    }

    pub fn frame(self, values: &[i64]) -> ArrayFrame {
        match self {
            Outcome::Found(index) => ArrayFrame::new(values)
                .mark(index, Mark::Found)
                .pointer("result", index),
            Outcome::Missing => ArrayFrame::new(values).active(0, 0),
        }
    }
}

/// Binary search's halving over the candidates `lo..hi`, shared by binary and exponential search.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Halving {
    pub lo: usize,
    pub hi: usize,
    pub mid: usize,
}

impl Halving {
    /// Probes the middle candidate and keeps the half that can hold the target; `None` when no candidate is
    /// left.
    pub fn probe(&mut self, values: &[i64], target: i64, c: &mut Counters) -> Option<Probe> {
        if self.lo >= self.hi {
            return None;
        }
        self.mid = (self.lo + self.hi) / 2;
        let probe = Probe::at(values, self.mid, target, c);
        match probe {
            Probe::Below => self.lo = self.mid + 1,
            Probe::Above => self.hi = self.mid,
            Probe::Equal => {}
        }
        Some(probe)
    }
}

/// The array with the candidates `lo..=hi` active (everything else ruled out) and `probe` marked.
pub(crate) fn narrowed(
    values: &[i64],
    lo: usize,
    hi_exclusive: usize,
    probe: Option<usize>,
) -> ArrayFrame {
    let frame = ArrayFrame::new(values).active(lo, hi_exclusive.max(lo));
    match probe {
        Some(index) => frame.mark(index, Mark::Compared).pointer("probe", index),
        None => frame,
    }
}

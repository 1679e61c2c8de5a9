//! The boundary format: what one step of a run shows. Plain serde data, stored in sessions and exported as
//! trace JSON, so its shape is versioned by [`SNAPSHOT_FORMAT`].

use serde::{Deserialize, Serialize};

/// Bumped whenever a field of [`Snapshot`] or [`Frame`] changes meaning or shape.
pub const SNAPSHOT_FORMAT: u32 = 1;

/// One step of a run, as the learner sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snapshot {
    /// 0 is the state before the first operation.
    pub step: u64,
    /// Index into the algorithm's pseudocode lines.
    pub line: usize,
    pub narration: String,
    pub variables: Vec<Variable>,
    pub counters: Counters,
    pub frame: Frame,
    pub finished: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Variable {
    pub name: String,
    /// `None` while the variable is not yet assigned at this step.
    pub value: Option<Value>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Value {
    Int(i64),
    Bool(bool),
}

impl std::fmt::Display for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Value::Int(v) => v.fmt(f),
            Value::Bool(v) => v.fmt(f),
        }
    }
}

impl From<i64> for Value {
    fn from(v: i64) -> Self {
        Value::Int(v)
    }
}

impl From<usize> for Value {
    fn from(v: usize) -> Self {
        Value::Int(v as i64)
    }
}

impl From<bool> for Value {
    fn from(v: bool) -> Self {
        Value::Bool(v)
    }
}

impl Variable {
    pub fn new(name: &str, value: Option<impl Into<Value>>) -> Self {
        Variable {
            name: name.to_owned(),
            value: value.map(Into::into),
        }
    }
}

/// Operation counts so far. `reads` and `writes` count array element accesses.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Counters {
    pub comparisons: u64,
    pub swaps: u64,
    pub reads: u64,
    pub writes: u64,
}

/// The data structure drawn at a step; one renderer per variant.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Frame {
    Array(ArrayFrame),
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArrayFrame {
    pub values: Vec<i64>,
    /// Sparse: only indices that carry a mark at this step.
    pub marks: Vec<(usize, Mark)>,
    /// Indices `sorted.0..sorted.1` are in their final place.
    pub sorted: (usize, usize),
}

impl ArrayFrame {
    /// The mark of index `i`; an explicit mark wins over the sorted region.
    pub fn mark_of(&self, i: usize) -> Option<Mark> {
        self.marks
            .iter()
            .find(|(at, _)| *at == i)
            .map(|(_, mark)| *mark)
            .or_else(|| {
                (self.sorted.0..self.sorted.1)
                    .contains(&i)
                    .then_some(Mark::Sorted)
            })
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mark {
    Compared,
    Swapped,
    Sorted,
}

impl Mark {
    pub const ALL: [Mark; 3] = [Mark::Compared, Mark::Swapped, Mark::Sorted];

    pub fn name(self) -> &'static str {
        match self {
            Mark::Compared => "compared",
            Mark::Swapped => "swapped",
            Mark::Sorted => "sorted",
        }
    }
}

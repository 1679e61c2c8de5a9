//! The boundary format: what one step of a run shows. Plain serde data, stored in sessions and exported as
//! trace JSON, so its shape is versioned by [`SNAPSHOT_FORMAT`].

use std::fmt;

use serde::{Deserialize, Serialize};

/// Bumped whenever a field of [`Snapshot`] or [`Frame`] changes meaning or shape.
/// 2: frames are externally tagged (`{"array": {...}}`), which readers parse without buffering.
pub const SNAPSHOT_FORMAT: u32 = 2;

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

impl Snapshot {
    /// What a session stores to prove a device shows the same step: SHA-256 of the snapshot's canonical
    /// JSON ([`crate::machine::canonical_hash`]). A changed algorithm changes it at the same step.
    pub fn hash(&self) -> String {
        crate::machine::canonical_hash(
            &serde_json::to_value(self).expect("snapshots are plain data"),
        )
    }
}

/// What an algorithm says about its current step; the run adds the step index, counters and finished flag.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct View {
    pub line: usize,
    pub narration: String,
    pub variables: Vec<Variable>,
    pub frame: Frame,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Variable {
    pub name: String,
    /// `None` while the variable is not yet assigned at this step.
    pub value: Option<Value>,
}

impl Variable {
    pub fn new(name: &str, value: Option<impl Into<Value>>) -> Self {
        Variable {
            name: name.to_owned(),
            value: value.map(Into::into),
        }
    }
}

/// A variable's value: a number or a truth value, written as the bare JSON number or boolean.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Value {
    Int(i64),
    Bool(bool),
}

// By hand rather than derived: a derived untagged enum buffers its input first, which costs the app's
// wasm several kilobytes for two cases a visitor tells apart directly.
impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Value;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a whole number or a boolean")
            }
            fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
                Ok(Value::Bool(v))
            }
            fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
                Ok(Value::Int(v))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Value, E> {
                i64::try_from(v)
                    .map(Value::Int)
                    .map_err(|_| E::custom("a whole number beyond 64 bits"))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
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

/// Operation counts so far. `reads` and `writes` count element accesses of the input array and of any
/// auxiliary array; a swap counts two reads, two writes and one swap.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Counters {
    pub comparisons: u64,
    pub swaps: u64,
    pub reads: u64,
    pub writes: u64,
}

impl Counters {
    pub fn read(&mut self, values: &[i64], i: usize) -> i64 {
        self.reads += 1;
        values[i]
    }

    pub fn write(&mut self, values: &mut [i64], i: usize, value: i64) {
        self.writes += 1;
        values[i] = value;
    }

    pub fn swap(&mut self, values: &mut [i64], i: usize, j: usize) {
        self.swaps += 1;
        self.reads += 2;
        self.writes += 2;
        values.swap(i, j);
    }

    /// Counts one comparison of two values already read.
    pub fn compare<T: Ord>(&mut self, a: T, b: T) -> std::cmp::Ordering {
        self.comparisons += 1;
        a.cmp(&b)
    }
}

/// The data structure drawn at a step; one renderer per variant.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Frame {
    Array(ArrayFrame),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FrameKind {
    Array,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArrayFrame {
    pub values: Vec<i64>,
    /// Sparse: only indices that carry a mark at this step. At most one mark per index.
    pub marks: Vec<(usize, Mark)>,
    /// Half-open index ranges whose values are in their final place.
    pub sorted: Vec<(usize, usize)>,
    /// The half-open range the algorithm is working on, when narrower than the whole array.
    pub active: Option<(usize, usize)>,
    /// Named indices, drawn as arrows under the bars (i, j, lo, hi, mid, pivot…).
    pub pointers: Vec<Pointer>,
    /// Helper arrays: a merge buffer, counts, buckets.
    pub aux: Vec<AuxArray>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pointer {
    pub name: String,
    pub index: usize,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuxArray {
    pub name: String,
    /// `None` for an empty cell.
    pub values: Vec<Option<i64>>,
    pub marks: Vec<(usize, Mark)>,
}

impl ArrayFrame {
    pub fn new(values: &[i64]) -> Self {
        ArrayFrame {
            values: values.to_vec(),
            ..ArrayFrame::default()
        }
    }

    pub fn mark(mut self, index: usize, mark: Mark) -> Self {
        self.marks.retain(|(at, _)| *at != index);
        self.marks.push((index, mark));
        self
    }

    pub fn sorted(mut self, from: usize, to: usize) -> Self {
        if from < to {
            self.sorted.push((from, to));
        }
        self
    }

    pub fn active(mut self, from: usize, to: usize) -> Self {
        self.active = Some((from, to));
        self
    }

    pub fn pointer(mut self, name: &str, index: usize) -> Self {
        self.pointers.push(Pointer {
            name: name.to_owned(),
            index,
        });
        self
    }

    pub fn aux(mut self, aux: AuxArray) -> Self {
        self.aux.push(aux);
        self
    }

    /// The mark of every index, densely; an explicit mark wins over the sorted regions.
    pub fn dense_marks(&self) -> Vec<Option<Mark>> {
        let mut dense = vec![None; self.values.len()];
        for &(from, to) in &self.sorted {
            dense[from..to.min(self.values.len())].fill(Some(Mark::Sorted));
        }
        for &(at, mark) in &self.marks {
            if let Some(slot) = dense.get_mut(at) {
                *slot = Some(mark);
            }
        }
        dense
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mark {
    /// Read for a comparison at this step.
    Compared,
    /// Exchanged with another element at this step.
    Swapped,
    /// Written (shifted, copied, placed) at this step.
    Written,
    /// The pivot, or the key being inserted.
    Pivot,
    /// In its final place.
    Sorted,
    /// The element a search was looking for.
    Found,
    /// Ruled out by a search.
    Eliminated,
}

impl Mark {
    pub const ALL: [Mark; 7] = [
        Mark::Compared,
        Mark::Swapped,
        Mark::Written,
        Mark::Pivot,
        Mark::Sorted,
        Mark::Found,
        Mark::Eliminated,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Mark::Compared => "compared",
            Mark::Swapped => "swapped",
            Mark::Written => "written",
            Mark::Pivot => "pivot",
            Mark::Sorted => "sorted",
            Mark::Found => "found",
            Mark::Eliminated => "eliminated",
        }
    }
}

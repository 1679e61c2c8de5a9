//! The boundary format: what one step of a run shows. Plain serde data, stored in sessions and exported as
//! trace JSON, so its shape is versioned by [`SNAPSHOT_FORMAT`].

use std::fmt;

use serde::{Deserialize, Serialize};

/// Bumped whenever a field of [`Snapshot`] or [`Frame`] changes meaning or shape.
/// 2: frames are externally tagged (`{"array": {...}}`), which readers parse without buffering.
/// 3: graph frames; variables may be ∞, labels or pairs; graph counters (written only when not zero).
/// 4: grid frames; the grid counters `cells_visited` and `peak_frontier` (written only when not zero).
/// 5: a graph frame's table `focus` and `groups` (written only when used) and the edge state `path`.
pub const SNAPSHOT_FORMAT: u32 = 5;

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

/// A variable's value. Numbers and truth values are the bare JSON number or boolean; ∞ (a distance not yet
/// known) is the string `"∞"`; a label (a node's name) any other string; a pair (an edge, a cell) a
/// two-number array.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Value {
    Int(i64),
    Bool(bool),
    #[serde(serialize_with = "serialize_infinity")]
    Infinity,
    Label(String),
    Pair(i64, i64),
}

const INFINITY: &str = "∞";

fn serialize_infinity<S: serde::Serializer>(serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(INFINITY)
}

// By hand rather than derived: a derived untagged enum buffers its input first, which costs the app's
// wasm several kilobytes for cases a visitor tells apart directly.
impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Value;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a whole number, a boolean, a label or a pair of whole numbers")
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
            fn visit_str<E>(self, v: &str) -> Result<Value, E> {
                Ok(if v == INFINITY {
                    Value::Infinity
                } else {
                    Value::Label(v.to_owned())
                })
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Value, A::Error> {
                use serde::de::Error;
                let first = seq
                    .next_element()?
                    .ok_or_else(|| A::Error::invalid_length(0, &self))?;
                let second = seq
                    .next_element()?
                    .ok_or_else(|| A::Error::invalid_length(1, &self))?;
                if seq.next_element::<serde::de::IgnoredAny>()?.is_some() {
                    return Err(A::Error::invalid_length(3, &self));
                }
                Ok(Value::Pair(first, second))
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
            Value::Infinity => f.write_str(INFINITY),
            Value::Label(v) => f.write_str(v),
            Value::Pair(a, b) => write!(f, "({a}, {b})"),
        }
    }
}

impl From<Option<i64>> for Value {
    /// A distance: `None` is not yet reached, ∞.
    fn from(v: Option<i64>) -> Self {
        v.map_or(Value::Infinity, Value::Int)
    }
}

impl From<&str> for Value {
    fn from(v: &str) -> Self {
        Value::Label(v.to_owned())
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

/// Operation counts so far. Each card declares which of them its algorithm counts ([`Counter`]).
/// `reads` and `writes` count element accesses of the input array and of any auxiliary array; a swap
/// counts two reads, two writes and one swap. The four array counters are always written in JSON (the
/// format array traces have had since the first version); the others only when not zero.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Counters {
    pub comparisons: u64,
    pub swaps: u64,
    pub reads: u64,
    pub writes: u64,
    /// Edges looked at from a node (both directions of an undirected edge count once each).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub edges_examined: u64,
    /// Distances (or keys) improved.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub relaxations: u64,
    /// Pushes onto the queue, stack or priority queue.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub pushes: u64,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub pops: u64,
    /// Nodes (or cells) visited: taken from the frontier and processed.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub visited: u64,
    /// Grid cells visited: taken from the open set and expanded (a maze: cells joined to it).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub cells_visited: u64,
    /// The most cells the open set (or a maze's frontier) held at once: the search's memory.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub peak_frontier: u64,
}

fn is_zero(v: &u64) -> bool {
    *v == 0
}

/// A named counter, as cards declare them: the counters panel, the race, the plot and exported traces
/// show what an algorithm declares and nothing else.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Counter {
    Comparisons,
    Swaps,
    Reads,
    Writes,
    EdgesExamined,
    Relaxations,
    Pushes,
    Pops,
    Visited,
    CellsVisited,
    PeakFrontier,
}

impl Counter {
    pub const ALL: [Counter; 11] = [
        Counter::Comparisons,
        Counter::Swaps,
        Counter::Reads,
        Counter::Writes,
        Counter::EdgesExamined,
        Counter::Relaxations,
        Counter::Pushes,
        Counter::Pops,
        Counter::Visited,
        Counter::CellsVisited,
        Counter::PeakFrontier,
    ];

    pub fn from_id(id: &str) -> Option<Counter> {
        Counter::ALL.into_iter().find(|counter| counter.id() == id)
    }

    /// The name in JSON and URLs (`/plot?metric=`).
    pub fn id(self) -> &'static str {
        match self {
            Counter::Comparisons => "comparisons",
            Counter::Swaps => "swaps",
            Counter::Reads => "reads",
            Counter::Writes => "writes",
            Counter::EdgesExamined => "edges_examined",
            Counter::Relaxations => "relaxations",
            Counter::Pushes => "pushes",
            Counter::Pops => "pops",
            Counter::Visited => "visited",
            Counter::CellsVisited => "cells_visited",
            Counter::PeakFrontier => "peak_frontier",
        }
    }

    /// The name a reader sees.
    pub fn label(self) -> &'static str {
        match self {
            Counter::Comparisons => "Comparisons",
            Counter::Swaps => "Swaps",
            Counter::Reads => "Reads",
            Counter::Writes => "Writes",
            Counter::EdgesExamined => "Edges examined",
            Counter::Relaxations => "Relaxations",
            Counter::Pushes => "Pushes",
            Counter::Pops => "Pops",
            Counter::Visited => "Nodes visited",
            Counter::CellsVisited => "Cells visited",
            Counter::PeakFrontier => "Largest frontier",
        }
    }

    pub fn of(self, counters: &Counters) -> u64 {
        match self {
            Counter::Comparisons => counters.comparisons,
            Counter::Swaps => counters.swaps,
            Counter::Reads => counters.reads,
            Counter::Writes => counters.writes,
            Counter::EdgesExamined => counters.edges_examined,
            Counter::Relaxations => counters.relaxations,
            Counter::Pushes => counters.pushes,
            Counter::Pops => counters.pops,
            Counter::Visited => counters.visited,
            Counter::CellsVisited => counters.cells_visited,
            Counter::PeakFrontier => counters.peak_frontier,
        }
    }
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
    #[cfg(feature = "graphs")]
    Graph(GraphFrame),
    #[cfg(feature = "grids")]
    Grid(GridFrame),
    #[cfg(feature = "trees")]
    Tree(crate::kinds::tree::TreeFrame),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FrameKind {
    Array,
    Graph,
    Grid,
    #[cfg(feature = "trees")]
    Tree,
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

    pub const fn name(self) -> &'static str {
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

/// A graph at one step. The graph itself (labels, positions, edges, weights) is the run's input and never
/// changes during a run, so a frame carries only what does: the states of the nodes and edges that have
/// one (sparse, like array marks), and the algorithm's own structures. At 200 nodes and 2,000 edges a
/// frame repeating the graph would be tens of kilobytes per step for the page to read.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GraphFrame {
    /// Node index and state; nodes not listed are unvisited.
    pub nodes: Vec<(usize, NodeState)>,
    /// Edge index (into the input's edges) and state; edges not listed are plain.
    pub edges: Vec<(usize, EdgeState)>,
    /// Queue, stack, priority queue or sets, front first.
    pub structures: Vec<Structure>,
    /// Per-node columns (distance, predecessor, discovery time…), one value per node.
    pub table: Vec<Column>,
    /// The table's cells this step is about. Absent from the JSON when there are none, so frames of
    /// algorithms without it read as before.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub focus: Option<TableFocus>,
    /// The groups found so far (components, sets): a node and its group's number, from 0, for the nodes in
    /// one. Numbers in use are small and distinct, so the page gives each group its own colour and writes
    /// its number beside its nodes. Absent from the JSON when empty, like `focus`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<(usize, u32)>,
}

/// Where a step works in the per-node table: one cell it writes, and a row and a column it reads
/// (Floyd–Warshall's dist[i][j], computed from row k and column k).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TableFocus {
    /// The cell's row (a node) and column (an index into the table's columns).
    pub cell: (usize, usize),
    pub row: usize,
    pub column: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NodeState {
    /// Discovered and waiting in the queue, stack or heap.
    Frontier,
    /// Being processed at this step.
    Current,
    /// Processed.
    Visited,
    /// Processed and every neighbour done (a depth-first search's finished nodes).
    Finished,
    /// On the answer: a path, a tree, a component being shown.
    Path,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EdgeState {
    /// Looked at at this step.
    Examined,
    /// Improved a distance at this step.
    Relaxed,
    /// In the search tree, the spanning tree or the shortest-path tree.
    Tree,
    /// Considered and turned down (a cycle in Kruskal, no improvement).
    Rejected,
    /// On the answer's path (start to goal), apart from the rest of the tree.
    Path,
}

impl NodeState {
    pub const ALL: [NodeState; 5] = [
        NodeState::Frontier,
        NodeState::Current,
        NodeState::Visited,
        NodeState::Finished,
        NodeState::Path,
    ];

    pub const fn name(self) -> &'static str {
        match self {
            NodeState::Frontier => "frontier",
            NodeState::Current => "current",
            NodeState::Visited => "visited",
            NodeState::Finished => "finished",
            NodeState::Path => "path",
        }
    }
}

impl EdgeState {
    pub const ALL: [EdgeState; 5] = [
        EdgeState::Examined,
        EdgeState::Relaxed,
        EdgeState::Tree,
        EdgeState::Rejected,
        EdgeState::Path,
    ];

    pub const fn name(self) -> &'static str {
        match self {
            EdgeState::Examined => "examined",
            EdgeState::Relaxed => "relaxed",
            EdgeState::Tree => "tree",
            EdgeState::Rejected => "rejected",
            EdgeState::Path => "path",
        }
    }
}

/// An auxiliary structure beside the graph.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Structure {
    pub name: String,
    pub kind: StructureKind,
    /// The front (next out) first, at most [`STRUCTURE_ITEMS`] of them; a priority queue's items carry
    /// their keys.
    pub items: Vec<Item>,
    /// How many items the structure holds in all.
    pub total: usize,
}

/// The items a frame keeps of each structure: the ones that come out next. A lazy Dijkstra's heap can
/// hold an entry per edge, and every step's frame is read by the page.
pub const STRUCTURE_ITEMS: usize = 32;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StructureKind {
    Queue,
    Stack,
    PriorityQueue,
    /// An ordered list that is not a container: a topological order, an edge list sorted by weight.
    List,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    pub label: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<Value>,
}

/// One column of the per-node table: a value for every node, in node order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Column {
    pub name: String,
    /// `None` for an empty cell (no predecessor).
    pub values: Vec<Option<Value>>,
}

impl GraphFrame {
    pub fn node(mut self, index: usize, state: NodeState) -> Self {
        self.nodes.retain(|(at, _)| *at != index);
        self.nodes.push((index, state));
        self
    }

    /// The frame with `groups` (node, group number) as its groups.
    pub fn groups(mut self, groups: impl IntoIterator<Item = (usize, u32)>) -> Self {
        self.groups = groups.into_iter().collect();
        self
    }

    pub fn edge(mut self, index: usize, state: EdgeState) -> Self {
        self.edges.retain(|(at, _)| *at != index);
        self.edges.push((index, state));
        self
    }

    /// Adds a structure, keeping its first [`STRUCTURE_ITEMS`] items and its size (the rest are never
    /// made: the iterator is lazy).
    pub fn structure<I>(mut self, name: &str, kind: StructureKind, items: I) -> Self
    where
        I: IntoIterator<Item = Item>,
        I::IntoIter: ExactSizeIterator,
    {
        let items = items.into_iter();
        let total = items.len();
        let items = items.take(STRUCTURE_ITEMS).collect();
        self.structures.push(Structure {
            name: name.to_owned(),
            kind,
            items,
            total,
        });
        self
    }

    pub fn column(mut self, name: &str, values: Vec<Option<Value>>) -> Self {
        self.table.push(Column {
            name: name.to_owned(),
            values,
        });
        self
    }

    /// The state of every node, densely.
    pub fn dense_nodes(&self, n: usize) -> Vec<Option<NodeState>> {
        let mut dense = vec![None; n];
        for &(at, state) in &self.nodes {
            if let Some(slot) = dense.get_mut(at) {
                *slot = Some(state);
            }
        }
        dense
    }

    /// The state of every edge, densely.
    pub fn dense_edges(&self, m: usize) -> Vec<Option<EdgeState>> {
        let mut dense = vec![None; m];
        for &(at, state) in &self.edges {
            if let Some(slot) = dense.get_mut(at) {
                *slot = Some(state);
            }
        }
        dense
    }
}

/// A grid at one step: every cell's state, one character per cell in row order ([`CellState`]), so a
/// 100 × 100 frame is 10,000 bytes of JSON and a renderer compares two frames character by character. The
/// costs of open cells, the start and the goal are the input's; a maze's walls are the frame's.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GridFrame {
    pub cells: String,
    /// How many cells the open set (or a maze generator's frontier) holds.
    pub frontier: usize,
}

/// A cell's state in a [`GridFrame`], as its character.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CellState {
    /// Open and untouched (`.`).
    Open,
    /// A wall (`#`).
    Wall,
    /// In the open set, or a maze generator's frontier (`f`).
    Frontier,
    /// Expanded, or joined to a maze (`v`).
    Visited,
    /// Being expanded or carved at this step (`c`).
    Current,
    /// A neighbour looked at at this step (`n`).
    Examined,
    /// On the path found (`p`).
    Path,
    /// In the goal side's open set of a two-sided search (`F`).
    GoalFrontier,
    /// Expanded by the goal side of a two-sided search (`V`).
    GoalVisited,
}

impl CellState {
    pub const ALL: [CellState; 9] = [
        CellState::Open,
        CellState::Wall,
        CellState::Frontier,
        CellState::Visited,
        CellState::Current,
        CellState::Examined,
        CellState::Path,
        CellState::GoalFrontier,
        CellState::GoalVisited,
    ];

    pub fn symbol(self) -> u8 {
        match self {
            CellState::Open => b'.',
            CellState::Wall => b'#',
            CellState::Frontier => b'f',
            CellState::Visited => b'v',
            CellState::Current => b'c',
            CellState::Examined => b'n',
            CellState::Path => b'p',
            CellState::GoalFrontier => b'F',
            CellState::GoalVisited => b'V',
        }
    }

    pub fn from_symbol(symbol: u8) -> Option<CellState> {
        CellState::ALL
            .into_iter()
            .find(|state| state.symbol() == symbol)
    }

    pub const fn name(self) -> &'static str {
        match self {
            CellState::Open => "open",
            CellState::Wall => "wall",
            CellState::Frontier => "frontier",
            CellState::Visited => "visited",
            CellState::Current => "current",
            CellState::Examined => "examined",
            CellState::Path => "path",
            CellState::GoalFrontier => "goal-side frontier",
            CellState::GoalVisited => "goal-side visited",
        }
    }
}

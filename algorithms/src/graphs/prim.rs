//! Prim's algorithm (lazy, with a binary heap of edges): grow a tree from the start by always taking the
//! lightest edge that leaves it. When the heap runs dry with nodes left (a disconnected graph), a new tree
//! starts at the first of them, so the result is a minimum spanning forest.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use serde::{Deserialize, Serialize};

use super::{Marks, PATH_COUNTERS, PATH_WORK, label};
use crate::catalogue::{Card, Category, Complexity, Entry, graph_input};
use crate::graph::Graph;
use crate::legend::Key;
#[cfg(feature = "restore")]
use crate::machine::restore;
use crate::machine::{Algorithm, Run};
use crate::snapshot::{
    Counters, EdgeState, Frame, FrameKind, Item, NodeState, StructureKind, Value, Variable, View,
};

pub const PSEUDOCODE: &[&str] = &[
    "procedure Prim(G, s)",
    "  add s to the tree; push its edges",
    "  while the heap is not empty",
    "    (w, u, v) ← pop the lightest edge",
    "    if v is already in the tree: discard it",
    "    add v and edge (u, v) to the tree; push v's edges to nodes outside",
    "  (no edge left: start a new tree at a node not yet in one)",
    "  the tree edges form a minimum spanning forest",
];

pub const CARD: Card = Card {
    id: "prim",
    name: "Prim's minimum spanning tree",
    category: Category::SpanningTrees,
    summary: "Grows one tree from the start, always adding the lightest edge that leaves it, kept in a binary heap.",
    complexity: Complexity {
        best: "O(E log E)",
        average: "O(E log E)",
        worst: "O(E log E)",
        space: "O(E)",
    },
    stable: None,
    in_place: None,
    input: graph_input(super::UNDIRECTED),
    frame: FrameKind::Graph,
    legend: &[
        Key::node(NodeState::Frontier).said("reachable, not in the tree"),
        Key::node(NodeState::Current).said("joins the tree"),
        Key::node(NodeState::Visited).said("in the tree"),
        Key::edge(EdgeState::Relaxed, "improves a key"),
        Key::edge(EdgeState::Tree, "tree edge"),
        Key::edge(EdgeState::Rejected, "no better (discarded)"),
    ],
    counters: PATH_COUNTERS,
    work: PATH_WORK,
    version: 1,
};

/// Other names a learner may search the catalogue for (`catalogue::matches`), lower case.
pub const ALIASES: &[&str] = &["mst", "minimum spanning tree", "priority queue"];

pub const ENTRY: Entry = Entry {
    card: &CARD,
    pseudocode: PSEUDOCODE,
    start: |input| {
        Box::new(Run::new(Prim::new(
            input.graph.expect("validated: a graph"),
        )))
    },
    #[cfg(feature = "restore")]
    restore: restore::<Prim>,
};

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Prim {
    graph: Graph,
    adjacency: Vec<Vec<(usize, usize)>>,
    /// (weight, edge index, node outside the tree when pushed).
    heap: BinaryHeap<Reverse<(i64, usize, usize)>>,
    in_tree: Vec<bool>,
    tree_edges: Vec<usize>,
    weight: i64,
    at: At,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
enum At {
    Start,
    Added { v: usize, edge: Option<usize> },
    Discarded { edge: usize },
    Done,
}

impl Prim {
    pub fn new(graph: Graph) -> Self {
        let n = graph.len();
        Prim {
            adjacency: graph.adjacency(),
            heap: BinaryHeap::new(),
            in_tree: vec![false; n],
            tree_edges: Vec::new(),
            weight: 0,
            at: At::Start,
            graph,
        }
    }

    fn add(&mut self, v: usize, edge: Option<usize>, c: &mut Counters) -> At {
        self.in_tree[v] = true;
        c.visited += 1;
        if let Some(edge) = edge {
            self.tree_edges.push(edge);
            self.weight += self.graph.edges[edge].weight;
        }
        for &(next, e) in &self.adjacency[v] {
            c.edges_examined += 1;
            if !self.in_tree[next] {
                self.heap
                    .push(Reverse((self.graph.edges[e].weight, e, next)));
                c.pushes += 1;
                c.relaxations += 1;
            }
        }
        At::Added { v, edge }
    }
}

impl Algorithm for Prim {
    fn step(&mut self, c: &mut Counters) -> bool {
        if self.at == At::Done {
            return false;
        }
        self.at = match self.heap.pop() {
            Some(Reverse((_, edge, v))) => {
                c.pops += 1;
                if self.in_tree[v] {
                    At::Discarded { edge }
                } else {
                    self.add(v, Some(edge), c)
                }
            }
            None => {
                let first = if self.at == At::Start {
                    self.graph.start.or(Some(0))
                } else {
                    None
                };
                match first
                    .filter(|_| !self.graph.is_empty())
                    .or_else(|| self.in_tree.iter().position(|t| !t))
                {
                    Some(root) => self.add(root, None, c),
                    None => At::Done,
                }
            }
        };
        true
    }

    fn view(&self) -> View {
        let g = &self.graph;
        let mut marks = Marks::new(g);
        for (node, in_tree) in self.in_tree.iter().enumerate() {
            if *in_tree {
                marks.nodes[node] = Some(NodeState::Visited);
            }
        }
        for Reverse((_, _, v)) in &self.heap {
            if !self.in_tree[*v] {
                marks.nodes[*v] = Some(NodeState::Frontier);
            }
        }
        for &edge in &self.tree_edges {
            marks.edges[edge] = Some(EdgeState::Tree);
        }
        let mut frame = marks.frame();
        let edge_text = |edge: usize| {
            let e = g.edges[edge];
            format!(
                "{} – {} (weight {})",
                label(g, e.from),
                label(g, e.to),
                e.weight
            )
        };
        let (line, narration) = match self.at {
            At::Start => (0, format!("Start Prim's algorithm on {}.", g.size_text())),
            At::Added { v, edge: None } => {
                frame = frame.node(v, NodeState::Current);
                let how = if self.tree_edges.is_empty()
                    && self.in_tree.iter().filter(|t| **t).count() == 1
                {
                    "Begin"
                } else {
                    "Nothing left reaches a new node: begin a new tree"
                };
                (
                    if how == "Begin" { 1 } else { 6 },
                    format!("{how} at {}; its edges go on the heap.", label(g, v)),
                )
            }
            At::Added {
                v,
                edge: Some(edge),
            } => {
                frame = frame
                    .node(v, NodeState::Current)
                    .edge(edge, EdgeState::Relaxed);
                (
                    5,
                    format!(
                        "The lightest edge out is {}: add {} to the tree (weight so far {}).",
                        edge_text(edge),
                        label(g, v),
                        self.weight
                    ),
                )
            }
            At::Discarded { edge } => {
                frame = frame.edge(edge, EdgeState::Rejected);
                (
                    4,
                    format!("{} leads back into the tree: discard it.", edge_text(edge)),
                )
            }
            At::Done => (
                7,
                format!(
                    "Every node is in a tree: {}, total weight {}.",
                    crate::plural(self.tree_edges.len(), "edge", "edges"),
                    self.weight
                ),
            ),
        };
        let mut entries: Vec<_> = self.heap.iter().map(|Reverse(entry)| *entry).collect();
        entries.sort_unstable();
        // Lazy: the frame makes only the front items.
        let heap_items = entries.into_iter().map(|(w, edge, _)| {
            let e = g.edges[edge];
            Item {
                label: format!("{}–{}", label(g, e.from), label(g, e.to)),
                key: Some(Value::Int(w)),
            }
        });
        let frame = frame.structure("heap", StructureKind::PriorityQueue, heap_items);
        View {
            line,
            narration,
            variables: vec![
                Variable::new("tree weight", (self.at != At::Start).then_some(self.weight)),
                Variable::new(
                    "tree edges",
                    (self.at != At::Start).then_some(self.tree_edges.len()),
                ),
                Variable::new(
                    "heap size",
                    (self.at != At::Start).then_some(self.heap.len()),
                ),
            ],
            frame: Frame::Graph(frame),
        }
    }

    fn is_done(&self) -> bool {
        self.at == At::Done
    }

    fn heap_bytes(&self) -> usize {
        super::graph_bytes(&self.graph)
            + super::adjacency_bytes(&self.adjacency)
            + self.heap.capacity() * 24
            + self.in_tree.len()
            + self.tree_edges.capacity() * 8
    }
}

//! Bipartite check: colour each component's nodes by breadth-first search, alternating sides along every
//! edge. An edge between two nodes of one side is an odd cycle's, and then no two-sided split exists.

use std::collections::VecDeque;

use serde::{Deserialize, Serialize};

use super::{Marks, TRAVERSAL_COUNTERS, TRAVERSAL_WORK, items, label};
use crate::catalogue::{Card, Category, Complexity, Entry, graph_input};
use crate::graph::Graph;
use crate::legend::Key;
#[cfg(feature = "restore")]
use crate::machine::restore;
use crate::machine::{Algorithm, Run};
use crate::snapshot::{
    Counters, EdgeState, Frame, FrameKind, NodeState, StructureKind, Value, Variable, View,
};

pub const PSEUDOCODE: &[&str] = &[
    "procedure IsBipartite(G)",
    "  for each node s with no side: side[s] ← left; enqueue s",
    "    while the queue is not empty",
    "      u ← dequeue",
    "      for each edge (u, v)",
    "        if v has no side: side[v] ← the other side of u; enqueue v",
    "        else if side[v] = side[u]: not bipartite (an odd cycle)",
    "  every edge joins the two sides: bipartite",
];

pub const CARD: Card = Card {
    id: "bipartite-check",
    name: "Bipartite check",
    category: Category::GraphTraversal,
    summary: "Colours each component by breadth-first search, alternating sides; an edge within one side proves an odd cycle.",
    complexity: Complexity {
        best: "O(1)",
        average: "O(V + E)",
        worst: "O(V + E)",
        space: "O(V)",
    },
    stable: None,
    in_place: None,
    input: graph_input(super::UNDIRECTED),
    frame: FrameKind::Graph,
    legend: &[
        Key::node(NodeState::Frontier).said("coloured, waiting"),
        Key::node(NodeState::Current),
        Key::node(NodeState::Visited).said("side A"),
        Key::node(NodeState::Finished).said("side B"),
        Key::node(NodeState::Path).said("in a conflict"),
        Key::edge(EdgeState::Examined, "examined edge"),
        Key::edge(EdgeState::Tree, "tree edge"),
        Key::edge(EdgeState::Relaxed, "conflict edge (same side)"),
    ],
    counters: TRAVERSAL_COUNTERS,
    work: TRAVERSAL_WORK,
    version: 1,
};

/// Other names a learner may search the catalogue for (`catalogue::matches`), lower case.
pub const ALIASES: &[&str] = &[
    "two colouring",
    "two coloring",
    "2 colouring",
    "bipartition",
];

pub const ENTRY: Entry = Entry {
    card: &CARD,
    pseudocode: PSEUDOCODE,
    start: |input| {
        Box::new(Run::new(Bipartite::new(
            input.graph.expect("validated: a graph"),
        )))
    },
    #[cfg(feature = "restore")]
    restore: restore::<Bipartite>,
};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bipartite {
    graph: Graph,
    adjacency: Vec<Vec<(usize, usize)>>,
    /// false: left, true: right.
    side: Vec<Option<bool>>,
    queue: VecDeque<usize>,
    done: Vec<bool>,
    u: usize,
    next: usize,
    conflict: Option<usize>,
    at: At,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
enum At {
    Start,
    Seeded { s: usize },
    Dequeued,
    Sided { v: usize, edge: usize },
    Agrees { v: usize, edge: usize },
    Done,
}

impl Bipartite {
    pub fn new(graph: Graph) -> Self {
        let n = graph.len();
        Bipartite {
            adjacency: graph.adjacency(),
            side: vec![None; n],
            queue: VecDeque::new(),
            done: vec![false; n],
            u: 0,
            next: 0,
            conflict: None,
            at: At::Start,
            graph,
        }
    }

    fn name(side: bool) -> &'static str {
        if side { "right" } else { "left" }
    }
}

impl Algorithm for Bipartite {
    fn step(&mut self, c: &mut Counters) -> bool {
        if self.at == At::Done {
            return false;
        }
        let expanding = matches!(self.at, At::Dequeued | At::Sided { .. } | At::Agrees { .. });
        if expanding && let Some(&(v, edge)) = self.adjacency[self.u].get(self.next) {
            self.next += 1;
            c.edges_examined += 1;
            let mine = self.side[self.u].expect("a dequeued node has a side");
            self.at = match self.side[v] {
                None => {
                    self.side[v] = Some(!mine);
                    self.queue.push_back(v);
                    c.pushes += 1;
                    At::Sided { v, edge }
                }
                Some(theirs) if theirs == mine => {
                    self.conflict = Some(edge);
                    At::Done
                }
                Some(_) => At::Agrees { v, edge },
            };
            return true;
        }
        if expanding {
            self.done[self.u] = true;
        }
        self.at = if let Some(u) = self.queue.pop_front() {
            c.pops += 1;
            c.visited += 1;
            (self.u, self.next) = (u, 0);
            At::Dequeued
        } else if let Some(s) = self.side.iter().position(Option::is_none) {
            self.side[s] = Some(false);
            self.queue.push_back(s);
            c.pushes += 1;
            At::Seeded { s }
        } else {
            At::Done
        };
        true
    }

    fn view(&self) -> View {
        let g = &self.graph;
        let mut marks = Marks::new(g);
        for node in 0..g.len() {
            marks.nodes[node] = match (self.side[node], self.done[node]) {
                (None, _) => None,
                (Some(_), false) => Some(NodeState::Frontier),
                (Some(false), true) => Some(NodeState::Visited),
                (Some(true), true) => Some(NodeState::Finished),
            };
        }
        let mut frame = marks.frame();
        let working = matches!(self.at, At::Dequeued | At::Sided { .. } | At::Agrees { .. });
        if working {
            frame = frame.node(self.u, NodeState::Current);
        }
        let lu = g.labels.get(self.u).map_or("", String::as_str);
        let (line, narration) = match self.at {
            At::Start => (
                0,
                format!(
                    "Check whether {} split into two sides with every edge between them.",
                    crate::plural(g.len(), "node", "nodes")
                ),
            ),
            At::Seeded { s } => (
                1,
                format!(
                    "{} has no side yet: put it on the left and start a search there.",
                    label(g, s)
                ),
            ),
            At::Dequeued => (
                3,
                format!(
                    "Take {lu} ({}) from the queue.",
                    Self::name(self.side[self.u].unwrap_or(false))
                ),
            ),
            At::Sided { v, edge } => {
                frame = frame.edge(edge, EdgeState::Tree);
                (
                    5,
                    format!(
                        "{} has no side: it goes on the {}, opposite {lu}.",
                        label(g, v),
                        Self::name(self.side[v].unwrap_or(false))
                    ),
                )
            }
            At::Agrees { v, edge } => {
                frame = frame.edge(edge, EdgeState::Examined);
                (
                    6,
                    format!("{lu} – {}: opposite sides, as they must be.", label(g, v)),
                )
            }
            At::Done => match self.conflict {
                Some(edge) => {
                    let e = g.edges[edge];
                    frame = frame
                        .edge(edge, EdgeState::Relaxed)
                        .node(e.from, NodeState::Path)
                        .node(e.to, NodeState::Path);
                    (
                        6,
                        format!(
                            "{} – {}: both on the {}, so an odd cycle runs through this edge: not bipartite.",
                            label(g, e.from),
                            label(g, e.to),
                            Self::name(self.side[e.from].unwrap_or(false))
                        ),
                    )
                }
                None => (
                    7,
                    "Every edge joins the two sides: the graph is bipartite.".to_owned(),
                ),
            },
        };
        let frame = frame
            .structure(
                "queue",
                StructureKind::Queue,
                items(g, self.queue.iter().copied()),
            )
            .column(
                "side",
                self.side
                    .iter()
                    .map(|s| s.map(|s| Value::Label(Self::name(s).to_owned())))
                    .collect(),
            );
        View {
            line,
            narration,
            variables: vec![
                Variable::new("u", working.then_some(lu)),
                Variable::new(
                    "bipartite",
                    (self.at == At::Done).then_some(self.conflict.is_none()),
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
            + self.side.len() * 3
            + self.queue.capacity() * 8
    }
}

//! Topological sort by depth-first search: a node is placed at the front of the order once every node it
//! points to is placed, so the finished nodes, reversed, point only forward. An edge to a node still on
//! the search's path closes a cycle, and then no order exists.

use serde::{Deserialize, Serialize};

use super::{Marks, TRAVERSAL_COUNTERS, TRAVERSAL_WORK, items, label};
use crate::catalogue::{Card, Category, Entry, graph_input};
use crate::graph::Graph;
use crate::legend::Key;
#[cfg(feature = "restore")]
use crate::machine::restore;
use crate::machine::{Algorithm, Run};
use crate::snapshot::{
    Counters, EdgeState, Frame, FrameKind, NodeState, StructureKind, Variable, View,
};

pub const PSEUDOCODE: &[&str] = &[
    "procedure TopologicalDFS(G)",
    "  for each unvisited node v: visit(v)",
    "  visit(u): mark u as on the path",
    "    for each edge (u, w)",
    "      if w is on the path: a cycle, no order",
    "      if w is unvisited: visit(w)",
    "    put u at the front of the order",
    "  the order has every edge pointing forward",
];

pub const CARD: Card = Card {
    id: "topological-sort-dfs",
    name: "Topological sort (depth-first)",
    category: Category::GraphTraversal,
    summary: "Places each node at the front of the order once everything it points to is placed; an edge back into the current path means a cycle.",
    complexity: super::LINEAR,
    stable: None,
    in_place: None,
    input: graph_input(super::ORDERED),
    frame: FrameKind::Graph,
    legend: &[
        Key::node(NodeState::Frontier).said("on the current path"),
        Key::node(NodeState::Current),
        Key::node(NodeState::Finished),
        Key::node(NodeState::Path).said("closes a cycle"),
        Key::edge(EdgeState::Examined, "examined edge"),
        Key::edge(EdgeState::Tree, "tree edge"),
        Key::edge(EdgeState::Relaxed, "back edge (a cycle)"),
    ],
    counters: TRAVERSAL_COUNTERS,
    work: TRAVERSAL_WORK,
    version: 2,
};

/// Other names a learner may search the catalogue for (`catalogue::matches`), lower case.
pub const ALIASES: &[&str] = &["toposort", "topological order", "dag", "dependency order"];

pub const ENTRY: Entry = Entry {
    card: &CARD,
    pseudocode: PSEUDOCODE,
    start: |input| {
        Box::new(Run::new(TopologicalDfs::new(
            input.graph.expect("validated: a graph"),
        )))
    },
    #[cfg(feature = "restore")]
    restore: restore::<TopologicalDfs>,
};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TopologicalDfs {
    graph: Graph,
    adjacency: Vec<Vec<(usize, usize)>>,
    /// 0: unvisited, 1: on the path, 2: placed.
    state: Vec<u8>,
    calls: Vec<(usize, usize)>,
    /// Placed nodes, last placed first: the order so far.
    order: Vec<usize>,
    cycle: Option<usize>,
    at: At,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
enum At {
    Start,
    Entered { v: usize, edge: Option<usize> },
    Seen { u: usize, w: usize, edge: usize },
    Placed { u: usize },
    Done,
}

impl TopologicalDfs {
    pub fn new(graph: Graph) -> Self {
        let n = graph.len();
        TopologicalDfs {
            adjacency: graph.adjacency(),
            state: vec![0; n],
            calls: Vec::new(),
            order: Vec::new(),
            cycle: None,
            at: At::Start,
            graph,
        }
    }

    fn enter(&mut self, v: usize, edge: Option<usize>, c: &mut Counters) -> At {
        self.state[v] = 1;
        self.calls.push((v, 0));
        c.pushes += 1;
        c.visited += 1;
        At::Entered { v, edge }
    }
}

impl Algorithm for TopologicalDfs {
    fn step(&mut self, c: &mut Counters) -> bool {
        if self.at == At::Done {
            return false;
        }
        let Some(&(u, next)) = self.calls.last() else {
            self.at = match self.state.iter().position(|&s| s == 0) {
                Some(root) => self.enter(root, None, c),
                None => At::Done,
            };
            return true;
        };
        self.at = match self.adjacency[u].get(next).copied() {
            Some((w, edge)) => {
                self.calls.last_mut().expect("a call").1 += 1;
                c.edges_examined += 1;
                match self.state[w] {
                    0 => self.enter(w, Some(edge), c),
                    1 => {
                        self.cycle = Some(edge);
                        At::Done
                    }
                    _ => At::Seen { u, w, edge },
                }
            }
            None => {
                self.calls.pop();
                c.pops += 1;
                self.state[u] = 2;
                self.order.push(u);
                At::Placed { u }
            }
        };
        true
    }

    fn view(&self) -> View {
        let g = &self.graph;
        let mut marks = Marks::new(g);
        for (node, &state) in self.state.iter().enumerate() {
            marks.nodes[node] = match state {
                1 => Some(NodeState::Frontier),
                2 => Some(NodeState::Finished),
                _ => None,
            };
        }
        let mut frame = marks.frame();
        if let Some(&(u, _)) = self.calls.last() {
            frame = frame.node(u, NodeState::Current);
        }
        let (line, narration) = match self.at {
            At::Start => (
                0,
                format!("Order {} so that every edge points forward.", g.size_text()),
            ),
            At::Entered { v, edge } => {
                if let Some(edge) = edge {
                    frame = frame.edge(edge, EdgeState::Tree);
                }
                (
                    2,
                    format!("Visit {}: it is on the current path now.", label(g, v)),
                )
            }
            At::Seen { u, w, edge } => {
                frame = frame.edge(edge, EdgeState::Examined);
                (
                    3,
                    format!(
                        "{} → {}: {} is already placed, further along the order.",
                        label(g, u),
                        label(g, w),
                        label(g, w)
                    ),
                )
            }
            At::Placed { u } => (
                6,
                format!(
                    "Everything {} points to is placed: {} goes to the front of the order.",
                    label(g, u),
                    label(g, u)
                ),
            ),
            At::Done => match self.cycle {
                Some(edge) => {
                    let e = g.edges[edge];
                    frame = frame
                        .edge(edge, EdgeState::Relaxed)
                        .node(e.to, NodeState::Path);
                    (
                        4,
                        format!(
                            "{} → {}: {} is on the current path, so this edge closes a cycle; no topological order exists.",
                            label(g, e.from),
                            label(g, e.to),
                            label(g, e.to)
                        ),
                    )
                }
                None => (
                    7,
                    format!(
                        "Every node is placed: {}.",
                        self.order
                            .iter()
                            .rev()
                            .map(|&v| label(g, v))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                ),
            },
        };
        let frame = frame
            .structure(
                "path",
                StructureKind::Stack,
                items(g, self.calls.iter().rev().map(|&(v, _)| v)),
            )
            .structure(
                "order",
                StructureKind::List,
                items(g, self.order.iter().rev().copied()),
            );
        View {
            line,
            narration,
            variables: vec![
                Variable::new("placed", Some(self.order.len())),
                Variable::new(
                    "has cycle",
                    (self.at == At::Done).then_some(self.cycle.is_some()),
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
            + self.state.len()
            + self.calls.capacity() * 16
            + self.order.capacity() * 8
    }
}

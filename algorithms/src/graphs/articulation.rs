//! Articulation points and bridges: one depth-first search keeps each node's discovery time and low-point
//! (the earliest discovery reachable from its subtree by one edge not in the tree). A child whose low-point
//! is later than its parent's discovery hangs by its tree edge alone: that edge is a bridge. A non-root
//! node with a child whose low-point is not earlier than its own discovery is an articulation point, and
//! so is a root with two or more children.

use serde::{Deserialize, Serialize};

use super::{Marks, TRAVERSAL_COUNTERS, TRAVERSAL_WORK, items, label};
use crate::catalogue::{Card, Category, Entry, graph_input};
use crate::graph::Graph;
use crate::legend::Key;
#[cfg(feature = "restore")]
use crate::machine::restore;
use crate::machine::{Algorithm, Run};
use crate::snapshot::{
    Counters, EdgeState, Frame, FrameKind, NodeState, StructureKind, Value, Variable, View,
};

pub const PSEUDOCODE: &[&str] = &[
    "procedure CutVertices(G)",
    "  for each undiscovered node r: visit(r) as a root",
    "  visit(u): disc[u] ← low[u] ← time++",
    "    for each edge (u, w) other than the one u was reached by",
    "      if w is undiscovered: visit(w); low[u] ← min(low[u], low[w])",
    "        if low[w] > disc[u]: (u, w) is a bridge",
    "        if low[w] ≥ disc[u] and u is not a root: u is an articulation point",
    "      else low[u] ← min(low[u], disc[w])",
    "  a root with two or more children is an articulation point",
];

pub const CARD: Card = Card {
    id: "articulation-points",
    name: "Articulation points and bridges",
    category: Category::Connectivity,
    summary: "One depth-first search with discovery times and low-points finds the nodes and edges whose removal disconnects the graph.",
    complexity: super::LINEAR,
    stable: None,
    in_place: None,
    input: graph_input(super::UNDIRECTED),
    frame: FrameKind::Graph,
    legend: &[
        Key::node(NodeState::Frontier).said("on the current path"),
        Key::node(NodeState::Current),
        Key::node(NodeState::Finished).said("finished"),
        Key::node(NodeState::Path).said("articulation point"),
        Key::edge(EdgeState::Examined, "examined edge"),
        Key::edge(EdgeState::Tree, "tree edge"),
        Key::edge(EdgeState::Relaxed, "bridge"),
    ],
    counters: TRAVERSAL_COUNTERS,
    work: TRAVERSAL_WORK,
    version: 1,
};

/// Other names a learner may search the catalogue for (`catalogue::matches`), lower case.
pub const ALIASES: &[&str] = &["cut vertex", "cut vertices", "bridges", "biconnected"];

pub const ENTRY: Entry = Entry {
    card: &CARD,
    pseudocode: PSEUDOCODE,
    start: |input| {
        Box::new(Run::new(Articulation::new(
            input.graph.expect("validated: a graph"),
        )))
    },
    #[cfg(feature = "restore")]
    restore: restore::<Articulation>,
};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Articulation {
    graph: Graph,
    adjacency: Vec<Vec<(usize, usize)>>,
    disc: Vec<Option<u32>>,
    low: Vec<u32>,
    /// A node, the edge it was reached by, how many of its edges are done, and its tree children.
    calls: Vec<(usize, Option<usize>, usize, u32)>,
    time: u32,
    cut: Vec<bool>,
    bridge: Vec<bool>,
    tree: Vec<bool>,
    at: At,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
enum At {
    Start,
    Discovered {
        v: usize,
    },
    Back {
        u: usize,
        w: usize,
        edge: usize,
    },
    Returned {
        u: usize,
        parent: usize,
        edge: usize,
        bridge: bool,
        cut: bool,
    },
    Root {
        r: usize,
        cut: bool,
    },
    Done,
}

impl Articulation {
    pub fn new(graph: Graph) -> Self {
        let n = graph.len();
        Articulation {
            adjacency: graph.adjacency(),
            disc: vec![None; n],
            low: vec![0; n],
            calls: Vec::new(),
            time: 0,
            cut: vec![false; n],
            bridge: vec![false; graph.edges.len()],
            tree: vec![false; graph.edges.len()],
            at: At::Start,
            graph,
        }
    }

    fn discover(&mut self, v: usize, by: Option<usize>, c: &mut Counters) -> At {
        self.disc[v] = Some(self.time);
        self.low[v] = self.time;
        self.time += 1;
        self.calls.push((v, by, 0, 0));
        c.pushes += 1;
        c.visited += 1;
        if let Some(edge) = by {
            self.tree[edge] = true;
        }
        At::Discovered { v }
    }
}

impl Algorithm for Articulation {
    fn step(&mut self, c: &mut Counters) -> bool {
        if self.at == At::Done {
            return false;
        }
        let Some(&(u, by, next, _)) = self.calls.last() else {
            self.at = match self.disc.iter().position(Option::is_none) {
                Some(root) => self.discover(root, None, c),
                None => At::Done,
            };
            return true;
        };
        let Some(&(w, edge)) = self.adjacency[u].get(next) else {
            let (_, _, _, children) = self.calls.pop().expect("a call");
            c.pops += 1;
            self.at = match self.calls.last_mut() {
                None => {
                    let cut = children >= 2;
                    self.cut[u] = cut;
                    At::Root { r: u, cut }
                }
                Some(parent) => {
                    parent.3 += 1;
                    let (p, p_by) = (parent.0, parent.1);
                    self.low[p] = self.low[p].min(self.low[u]);
                    let disc_p = self.disc[p].expect("discovered");
                    let edge = by.expect("a child was reached by an edge");
                    let bridge = self.low[u] > disc_p;
                    self.bridge[edge] = bridge;
                    // The root's rule is applied when the root is done.
                    let cut = p_by.is_some() && self.low[u] >= disc_p;
                    if cut {
                        self.cut[p] = true;
                    }
                    At::Returned {
                        u,
                        parent: p,
                        edge,
                        bridge,
                        cut,
                    }
                }
            };
            return true;
        };
        self.calls.last_mut().expect("a call").2 += 1;
        c.edges_examined += 1;
        self.at = if Some(edge) == by || w == u {
            // The edge back to the parent (this very edge, not a parallel one), or a loop: no new way up.
            At::Back { u, w, edge }
        } else if self.disc[w].is_none() {
            self.discover(w, Some(edge), c)
        } else {
            self.low[u] = self.low[u].min(self.disc[w].expect("discovered"));
            At::Back { u, w, edge }
        };
        true
    }

    fn view(&self) -> View {
        let g = &self.graph;
        let mut marks = Marks::new(g);
        for node in 0..g.len() {
            marks.nodes[node] = if self.cut[node] {
                Some(NodeState::Path)
            } else if self.calls.iter().any(|&(v, _, _, _)| v == node) {
                Some(NodeState::Frontier)
            } else if self.disc[node].is_some() {
                Some(NodeState::Finished)
            } else {
                None
            };
        }
        for edge in 0..g.edges.len() {
            marks.edges[edge] = if self.bridge[edge] {
                Some(EdgeState::Relaxed)
            } else if self.tree[edge] {
                Some(EdgeState::Tree)
            } else {
                None
            };
        }
        let mut frame = marks.frame();
        if let Some(&(u, _, _, _)) = self.calls.last() {
            frame = frame.node(u, NodeState::Current);
        }
        let (line, narration) = match self.at {
            At::Start => (
                0,
                format!(
                    "Find the articulation points and bridges of {}.",
                    g.size_text()
                ),
            ),
            At::Discovered { v } => (
                2,
                format!(
                    "Discover {}: disc = low = {}.",
                    label(g, v),
                    self.disc[v].unwrap_or(0)
                ),
            ),
            At::Back { u, w, edge } => {
                frame = frame.edge(edge, EdgeState::Examined);
                if self.calls.last().and_then(|&(_, by, _, _)| by) == Some(edge) || u == w {
                    (
                        3,
                        format!(
                            "{} – {}: the edge {} came by (or a loop); skip it.",
                            label(g, u),
                            label(g, w),
                            label(g, u)
                        ),
                    )
                } else {
                    (
                        7,
                        format!(
                            "{} – {}: {} is already discovered, a way up: low[{}] = {}.",
                            label(g, u),
                            label(g, w),
                            label(g, w),
                            label(g, u),
                            self.low[u]
                        ),
                    )
                }
            }
            At::Returned {
                u,
                parent,
                edge,
                bridge,
                cut,
            } => {
                frame = frame.edge(
                    edge,
                    if bridge {
                        EdgeState::Relaxed
                    } else {
                        EdgeState::Tree
                    },
                );
                let (lu, lp) = (label(g, u), label(g, parent));
                let what = match (bridge, cut) {
                    (true, true) => {
                        format!("{lp} – {lu} is a bridge, and {lp} an articulation point")
                    }
                    (true, false) => format!("{lp} – {lu} is a bridge"),
                    (false, true) => format!("{lp} is an articulation point"),
                    (false, false) => format!("{lu}'s subtree has another way up"),
                };
                (
                    if bridge {
                        5
                    } else if cut {
                        6
                    } else {
                        4
                    },
                    format!(
                        "Back from {lu} (low {}) to {lp} (disc {}): {what}; low[{lp}] = {}.",
                        self.low[u],
                        self.disc[parent].unwrap_or(0),
                        self.low[parent]
                    ),
                )
            }
            At::Root { r, cut } => {
                let verdict = if cut {
                    "two or more children: an articulation point"
                } else {
                    "fewer than two children: not an articulation point"
                };
                (8, format!("Root {} is done with {verdict}.", label(g, r)))
            }
            At::Done => {
                let cuts = self.cut.iter().filter(|c| **c).count();
                let bridges = self.bridge.iter().filter(|b| **b).count();
                (
                    8,
                    format!(
                        "Done: {} and {}.",
                        crate::plural(cuts, "articulation point", "articulation points"),
                        crate::plural(bridges, "bridge", "bridges")
                    ),
                )
            }
        };
        let cut: Vec<usize> = (0..g.len()).filter(|&v| self.cut[v]).collect();
        let cut_nodes = items(g, cut);
        let frame = frame
            .structure(
                "stack",
                StructureKind::Stack,
                items(g, self.calls.iter().rev().map(|&(v, _, _, _)| v)),
            )
            .structure("articulation points", StructureKind::List, cut_nodes)
            .column(
                "disc",
                self.disc
                    .iter()
                    .map(|d| d.map(|d| Value::Int(i64::from(d))))
                    .collect(),
            )
            .column(
                "low",
                self.disc
                    .iter()
                    .zip(&self.low)
                    .map(|(d, l)| d.map(|_| Value::Int(i64::from(*l))))
                    .collect(),
            );
        View {
            line,
            narration,
            variables: vec![
                Variable::new(
                    "articulation points",
                    Some(self.cut.iter().filter(|c| **c).count()),
                ),
                Variable::new("bridges", Some(self.bridge.iter().filter(|b| **b).count())),
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
            + self.disc.len() * 16
            + self.calls.capacity() * 40
            + self.bridge.len() * 2
    }
}

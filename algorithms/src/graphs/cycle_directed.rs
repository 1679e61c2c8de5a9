//! Cycle detection in a directed graph: a depth-first search colours nodes white (unseen), grey (on the
//! current path) and black (finished). An edge to a grey node closes a cycle: the path from that node down
//! to the current one, plus the edge. With no such edge, there is no cycle.

use serde::{Deserialize, Serialize};

use super::{Marks, TRAVERSAL_COUNTERS, TRAVERSAL_WORK, items, label};
use crate::catalogue::{Card, Category, Complexity, Entry, graph_input};
use crate::graph::Graph;
use crate::legend::Key;
#[cfg(feature = "restore")]
use crate::machine::restore;
use crate::machine::{Algorithm, Run};
use crate::snapshot::{
    Counters, EdgeState, Frame, FrameKind, NodeState, StructureKind, Variable, View,
};

pub const PSEUDOCODE: &[&str] = &[
    "procedure HasCycle(G)",
    "  colour every node white",
    "  for each white node v: visit(v)",
    "  visit(u): colour u grey",
    "    for each edge (u, w)",
    "      if w is grey: a cycle — w … u → w",
    "      if w is white: visit(w)",
    "    colour u black",
    "  no edge led to a grey node: no cycle",
];

pub const CARD: Card = Card {
    id: "cycle-detection",
    name: "Cycle detection (directed)",
    category: Category::GraphTraversal,
    summary: "A depth-first search colouring nodes white, grey and black; an edge to a grey node closes a cycle.",
    complexity: Complexity {
        best: "O(1)",
        average: "O(V + E)",
        worst: "O(V + E)",
        space: "O(V)",
    },
    stable: None,
    in_place: None,
    input: graph_input(super::DIRECTED),
    frame: FrameKind::Graph,
    legend: &[
        Key::node(NodeState::Frontier).said("on the current path (grey)"),
        Key::node(NodeState::Current),
        Key::node(NodeState::Finished).said("finished (black)"),
        Key::node(NodeState::Path).said("on the cycle"),
        Key::edge(EdgeState::Examined, "examined edge"),
        Key::edge(EdgeState::Tree, "tree edge"),
        Key::edge(EdgeState::Relaxed, "cycle edge"),
    ],
    counters: TRAVERSAL_COUNTERS,
    work: TRAVERSAL_WORK,
    version: 1,
};

/// Other names a learner may search the catalogue for (`catalogue::matches`), lower case.
pub const ALIASES: &[&str] = &["dag", "cycle", "three colour", "back edge"];

pub const ENTRY: Entry = Entry {
    card: &CARD,
    pseudocode: PSEUDOCODE,
    start: |input| {
        Box::new(Run::new(CycleDetection::new(
            input.graph.expect("validated: a graph"),
        )))
    },
    #[cfg(feature = "restore")]
    restore: restore::<CycleDetection>,
};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
enum Colour {
    White,
    Grey,
    Black,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CycleDetection {
    graph: Graph,
    adjacency: Vec<Vec<(usize, usize)>>,
    colour: Vec<Colour>,
    /// The current path: a node, the edge it was reached by, and how many of its edges are done.
    path: Vec<(usize, Option<usize>, usize)>,
    /// The cycle found: its nodes in order and its edges.
    cycle: Option<(Vec<usize>, Vec<usize>)>,
    at: At,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
enum At {
    Start,
    Entered { v: usize },
    Seen { u: usize, w: usize, edge: usize },
    Finished { u: usize },
    Done,
}

impl CycleDetection {
    pub fn new(graph: Graph) -> Self {
        let n = graph.len();
        CycleDetection {
            adjacency: graph.adjacency(),
            colour: vec![Colour::White; n],
            path: Vec::new(),
            cycle: None,
            at: At::Start,
            graph,
        }
    }

    fn enter(&mut self, v: usize, by: Option<usize>, c: &mut Counters) -> At {
        self.colour[v] = Colour::Grey;
        self.path.push((v, by, 0));
        c.pushes += 1;
        c.visited += 1;
        At::Entered { v }
    }
}

impl Algorithm for CycleDetection {
    fn step(&mut self, c: &mut Counters) -> bool {
        if self.at == At::Done {
            return false;
        }
        let Some(&(u, _, next)) = self.path.last() else {
            self.at = match self.colour.iter().position(|&col| col == Colour::White) {
                Some(root) => self.enter(root, None, c),
                None => At::Done,
            };
            return true;
        };
        self.at = match self.adjacency[u].get(next).copied() {
            Some((w, edge)) => {
                self.path.last_mut().expect("a node on the path").2 += 1;
                c.edges_examined += 1;
                match self.colour[w] {
                    Colour::White => self.enter(w, Some(edge), c),
                    Colour::Grey => {
                        let from = self
                            .path
                            .iter()
                            .position(|&(v, _, _)| v == w)
                            .expect("grey is on the path");
                        let nodes: Vec<usize> =
                            self.path[from..].iter().map(|&(v, _, _)| v).collect();
                        let mut edges: Vec<usize> = self.path[from + 1..]
                            .iter()
                            .filter_map(|&(_, by, _)| by)
                            .collect();
                        edges.push(edge);
                        self.cycle = Some((nodes, edges));
                        At::Done
                    }
                    Colour::Black => At::Seen { u, w, edge },
                }
            }
            None => {
                self.path.pop();
                c.pops += 1;
                self.colour[u] = Colour::Black;
                At::Finished { u }
            }
        };
        true
    }

    fn view(&self) -> View {
        let g = &self.graph;
        let mut marks = Marks::new(g);
        for (node, colour) in self.colour.iter().enumerate() {
            marks.nodes[node] = match colour {
                Colour::White => None,
                Colour::Grey => Some(NodeState::Frontier),
                Colour::Black => Some(NodeState::Finished),
            };
        }
        for &(_, by, _) in &self.path {
            if let Some(edge) = by {
                marks.edges[edge] = Some(EdgeState::Tree);
            }
        }
        if let Some((nodes, edges)) = &self.cycle {
            for &node in nodes {
                marks.nodes[node] = Some(NodeState::Path);
            }
            for &edge in edges {
                marks.edges[edge] = Some(EdgeState::Relaxed);
            }
        }
        let mut frame = marks.frame();
        if self.cycle.is_none()
            && let Some(&(u, _, _)) = self.path.last()
        {
            frame = frame.node(u, NodeState::Current);
        }
        let (line, narration) = match self.at {
            At::Start => (
                1,
                format!(
                    "Look for a cycle among {}: every node starts white.",
                    g.size_text()
                ),
            ),
            At::Entered { v } => (
                3,
                format!(
                    "Enter {}: grey, on the current path (length {}).",
                    label(g, v),
                    self.path.len()
                ),
            ),
            At::Seen { u, w, edge } => {
                frame = frame.edge(edge, EdgeState::Examined);
                (
                    4,
                    format!(
                        "{} → {}: {} is black, finished with no cycle through it.",
                        label(g, u),
                        label(g, w),
                        label(g, w)
                    ),
                )
            }
            At::Finished { u } => (
                7,
                format!("Every edge of {} is done: it turns black.", label(g, u)),
            ),
            At::Done => match &self.cycle {
                Some((nodes, _)) => {
                    let names: Vec<&str> = nodes.iter().map(|&v| label(g, v)).collect();
                    (
                        5,
                        format!(
                            "An edge back to grey {}: the cycle {} → {}.",
                            names[0],
                            names.join(" → "),
                            names[0]
                        ),
                    )
                }
                None => (
                    8,
                    "Every node is black and no edge led to a grey one: the graph has no cycle."
                        .to_owned(),
                ),
            },
        };
        let on_path = self.path.iter().map(|&(v, _, _)| v);
        let cycle = self
            .cycle
            .as_ref()
            .map_or(&[][..], |(nodes, _)| nodes.as_slice());
        let frame = frame
            .structure("path", StructureKind::Stack, items(g, on_path.rev()))
            .structure(
                "cycle",
                StructureKind::List,
                items(g, cycle.iter().copied()),
            );
        View {
            line,
            narration,
            variables: vec![
                Variable::new("path length", Some(self.path.len())),
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
            + self.colour.len()
            + self.path.capacity() * 32
    }
}

//! Strongly connected components by Kosaraju's algorithm: a depth-first search of the graph records the
//! order nodes finish in; then searches of the reversed graph, started from the latest-finished node not
//! yet placed, each collect exactly one component.

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
    "procedure Kosaraju(G)",
    "  pass 1: depth-first search of G from every unvisited node",
    "    append each node to the finish order when its edges are done",
    "  pass 2: for each node v, latest finished first, not yet in a component",
    "    depth-first search of G reversed from v",
    "      every node it reaches joins v's component",
    "  every node is in exactly one component",
];

pub const CARD: Card = Card {
    id: "kosaraju-scc",
    name: "Strongly connected components (Kosaraju)",
    category: Category::Connectivity,
    summary: "Records finish order with one depth-first search, then collects each component by searching the reversed graph, latest finished first.",
    complexity: Complexity {
        best: "O(V + E)",
        average: "O(V + E)",
        worst: "O(V + E)",
        space: "O(V + E)",
    },
    stable: None,
    in_place: None,
    input: graph_input(super::DIRECTED),
    frame: FrameKind::Graph,
    legend: &[
        Key::node(NodeState::Frontier).said("on the first pass's path"),
        Key::node(NodeState::Current),
        Key::node(NodeState::Visited).said("finished on the first pass"),
        Key::node(NodeState::Finished).said("in a finished component"),
        Key::group("component"),
        Key::node(NodeState::Path).said("component being collected"),
        Key::edge(EdgeState::Examined, "examined edge"),
        Key::edge(EdgeState::Tree, "tree edge"),
    ],
    counters: TRAVERSAL_COUNTERS,
    work: TRAVERSAL_WORK,
    version: 2,
};

/// Other names a learner may search the catalogue for (`catalogue::matches`), lower case.
pub const ALIASES: &[&str] = &["scc", "strongly connected", "transpose"];

pub const ENTRY: Entry = Entry {
    card: &CARD,
    pseudocode: PSEUDOCODE,
    start: |input| {
        Box::new(Run::new(KosarajuScc::new(
            input.graph.expect("validated: a graph"),
        )))
    },
    #[cfg(feature = "restore")]
    restore: restore::<KosarajuScc>,
};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KosarajuScc {
    graph: Graph,
    forward: Vec<Vec<(usize, usize)>>,
    reverse: Vec<Vec<(usize, usize)>>,
    /// Pass 1 (false) or pass 2 (true).
    second: bool,
    seen: Vec<bool>,
    finish: Vec<usize>,
    /// Pass 2's position in the finish order, from the end.
    taken: usize,
    calls: Vec<(usize, usize)>,
    component: Vec<Option<u32>>,
    components: u32,
    at: At,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
enum At {
    Start,
    Entered { v: usize, edge: Option<usize> },
    Seen { u: usize, w: usize, edge: usize },
    Finished { u: usize },
    Reversed,
    Done,
}

impl KosarajuScc {
    pub fn new(graph: Graph) -> Self {
        let n = graph.len();
        let mut reverse = vec![Vec::new(); n];
        for (index, e) in graph.edges.iter().enumerate() {
            reverse[e.to].push((e.from, index));
        }
        KosarajuScc {
            forward: graph.adjacency(),
            reverse,
            second: false,
            seen: vec![false; n],
            finish: Vec::new(),
            taken: 0,
            calls: Vec::new(),
            component: vec![None; n],
            components: 0,
            at: At::Start,
            graph,
        }
    }

    fn enter(&mut self, v: usize, edge: Option<usize>, c: &mut Counters) -> At {
        self.seen[v] = true;
        self.calls.push((v, 0));
        c.pushes += 1;
        c.visited += 1;
        if self.second {
            self.component[v] = Some(self.components);
        }
        At::Entered { v, edge }
    }
}

impl Algorithm for KosarajuScc {
    fn step(&mut self, c: &mut Counters) -> bool {
        if self.at == At::Done {
            return false;
        }
        let Some(&(u, next)) = self.calls.last() else {
            self.at = if !self.second {
                match self.seen.iter().position(|s| !s) {
                    Some(root) => self.enter(root, None, c),
                    None => {
                        self.second = true;
                        self.seen.fill(false);
                        At::Reversed
                    }
                }
            } else {
                if matches!(self.at, At::Finished { .. }) {
                    self.components += 1;
                }
                loop {
                    match self
                        .finish
                        .len()
                        .checked_sub(self.taken + 1)
                        .map(|at| self.finish[at])
                    {
                        None => break At::Done,
                        Some(v) => {
                            self.taken += 1;
                            if !self.seen[v] {
                                break self.enter(v, None, c);
                            }
                        }
                    }
                }
            };
            return true;
        };
        let adjacency = if self.second {
            &self.reverse
        } else {
            &self.forward
        };
        self.at = match adjacency[u].get(next).copied() {
            Some((w, edge)) => {
                self.calls.last_mut().expect("a call").1 += 1;
                c.edges_examined += 1;
                if self.seen[w] {
                    At::Seen { u, w, edge }
                } else {
                    self.enter(w, Some(edge), c)
                }
            }
            None => {
                self.calls.pop();
                c.pops += 1;
                if !self.second {
                    self.finish.push(u);
                }
                At::Finished { u }
            }
        };
        true
    }

    fn view(&self) -> View {
        let g = &self.graph;
        let mut marks = Marks::new(g);
        for node in 0..g.len() {
            marks.nodes[node] = match (self.second, self.seen[node], self.component[node]) {
                (false, true, _) if self.finish.contains(&node) => Some(NodeState::Visited),
                (false, true, _) => Some(NodeState::Frontier),
                (true, _, Some(k)) if k == self.components && !matches!(self.at, At::Done) => {
                    Some(NodeState::Path)
                }
                (true, _, Some(_)) => Some(NodeState::Finished),
                (true, false, None) => Some(NodeState::Visited),
                _ => None,
            };
        }
        let mut frame = marks.frame();
        if let Some(&(u, _)) = self.calls.last() {
            frame = frame.node(u, NodeState::Current);
        }
        let pass: i64 = if self.second { 2 } else { 1 };
        let (line, narration) = match self.at {
            At::Start => (
                0,
                format!(
                    "Find the strongly connected components of {}.",
                    g.size_text()
                ),
            ),
            At::Entered { v, edge } => {
                if let Some(edge) = edge {
                    frame = frame.edge(edge, EdgeState::Tree);
                }
                match (self.second, edge) {
                    (false, None) => (1, format!("Pass 1: start a search at {}.", label(g, v))),
                    (false, Some(_)) => (1, format!("Pass 1: go on to {}.", label(g, v))),
                    (true, None) => (
                        3,
                        format!(
                            "Pass 2: {} finished latest of those left: it starts component {}.",
                            label(g, v),
                            self.components + 1
                        ),
                    ),
                    (true, Some(_)) => (
                        5,
                        format!(
                            "Pass 2: {} reaches {} in the reversed graph: it joins component {}.",
                            label(g, self.calls[self.calls.len() - 2].0),
                            label(g, v),
                            self.components + 1
                        ),
                    ),
                }
            }
            At::Seen { u, w, edge } => {
                frame = frame.edge(edge, EdgeState::Examined);
                (
                    if self.second { 4 } else { 1 },
                    format!(
                        "Pass {pass}: {} – {}: {} is already seen.",
                        label(g, u),
                        label(g, w),
                        label(g, w)
                    ),
                )
            }
            At::Finished { u } if !self.second => (
                2,
                format!(
                    "Pass 1: {} is finished, number {} in the finish order.",
                    label(g, u),
                    self.finish.len()
                ),
            ),
            At::Finished { u } => (
                4,
                format!(
                    "Pass 2: {} has nothing new behind it in the reversed graph.",
                    label(g, u)
                ),
            ),
            At::Reversed => (
                3,
                "Pass 1 is over. Now reverse every edge and take nodes latest finished first."
                    .to_owned(),
            ),
            At::Done => (
                6,
                format!(
                    "Every node is in a component: {}.",
                    crate::plural(
                        self.components,
                        "strongly connected component",
                        "strongly connected components"
                    )
                ),
            ),
        };
        let frame = frame
            .structure(
                "stack",
                StructureKind::Stack,
                items(g, self.calls.iter().rev().map(|&(v, _)| v)),
            )
            .structure(
                "finish order",
                StructureKind::List,
                items(g, self.finish.iter().copied()),
            );
        let frame = super::with_components(frame, &self.component);
        View {
            line,
            narration,
            variables: vec![
                Variable::new("pass", Some(pass)),
                Variable::new("components", Some(i64::from(self.components))),
            ],
            frame: Frame::Graph(frame),
        }
    }

    fn is_done(&self) -> bool {
        self.at == At::Done
    }

    fn heap_bytes(&self) -> usize {
        super::graph_bytes(&self.graph)
            + 2 * super::adjacency_bytes(&self.forward)
            + self.seen.len() * 24
            + self.calls.capacity() * 16
    }
}

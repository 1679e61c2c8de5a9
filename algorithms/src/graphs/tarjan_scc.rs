//! Strongly connected components by Tarjan's algorithm: one depth-first search numbers the nodes in the
//! order it discovers them and keeps, for each, the lowest number reachable through its subtree and one
//! back edge (its low-link). A node whose low-link is its own number roots a component: everything above
//! it on the search's stack is that component.

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
    "procedure Tarjan(G)",
    "  for each node v not yet numbered: visit(v)",
    "  visit(u): index[u] ← low[u] ← counter++; push u on the stack",
    "    for each edge (u, w)",
    "      if w is not numbered: visit(w); low[u] ← min(low[u], low[w])",
    "      else if w is on the stack: low[u] ← min(low[u], index[w])",
    "    if low[u] = index[u]: pop the stack down to u — one component",
    "  every node is in exactly one component",
];

pub const CARD: Card = Card {
    id: "tarjan-scc",
    name: "Strongly connected components (Tarjan)",
    category: Category::Connectivity,
    summary: "One depth-first search with discovery numbers and low-links; a node whose low-link is its own number roots a component.",
    complexity: super::LINEAR,
    stable: None,
    in_place: None,
    input: graph_input(super::DIRECTED),
    frame: FrameKind::Graph,
    legend: &[
        Key::node(NodeState::Frontier).said("on the stack"),
        Key::node(NodeState::Current),
        Key::node(NodeState::Finished).said("in a finished component"),
        Key::group("component"),
        Key::node(NodeState::Path).said("component just found"),
        Key::edge(EdgeState::Examined, "examined edge"),
        Key::edge(EdgeState::Tree, "tree edge"),
        Key::edge(EdgeState::Relaxed, "lowers the low-link"),
        Key::edge(EdgeState::Rejected, "to a finished component"),
    ],
    counters: TRAVERSAL_COUNTERS,
    work: TRAVERSAL_WORK,
    version: 2,
};

/// Other names a learner may search the catalogue for (`catalogue::matches`), lower case.
pub const ALIASES: &[&str] = &["scc", "strongly connected", "low link"];

pub const ENTRY: Entry = Entry {
    card: &CARD,
    pseudocode: PSEUDOCODE,
    start: |input| {
        Box::new(Run::new(TarjanScc::new(
            input.graph.expect("validated: a graph"),
        )))
    },
    #[cfg(feature = "restore")]
    restore: restore::<TarjanScc>,
};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TarjanScc {
    graph: Graph,
    adjacency: Vec<Vec<(usize, usize)>>,
    index: Vec<Option<u32>>,
    low: Vec<u32>,
    on_stack: Vec<bool>,
    stack: Vec<usize>,
    /// The search's own call stack: a node and how many of its edges are done.
    calls: Vec<(usize, usize)>,
    component: Vec<Option<u32>>,
    components: u32,
    counter: u32,
    tree: Vec<bool>,
    at: At,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
enum At {
    Start,
    Discovered { v: usize, edge: Option<usize> },
    Lowered { u: usize, w: usize, edge: usize },
    Crossed { u: usize, w: usize, edge: usize },
    Returned { u: usize, parent: usize },
    Component { root: usize, size: usize },
    Done,
}

impl TarjanScc {
    pub fn new(graph: Graph) -> Self {
        let n = graph.len();
        TarjanScc {
            adjacency: graph.adjacency(),
            index: vec![None; n],
            low: vec![0; n],
            on_stack: vec![false; n],
            stack: Vec::new(),
            calls: Vec::new(),
            component: vec![None; n],
            components: 0,
            counter: 0,
            tree: vec![false; graph.edges.len()],
            at: At::Start,
            graph,
        }
    }

    fn discover(&mut self, v: usize, c: &mut Counters) {
        self.index[v] = Some(self.counter);
        self.low[v] = self.counter;
        self.counter += 1;
        self.stack.push(v);
        self.on_stack[v] = true;
        self.calls.push((v, 0));
        c.pushes += 1;
        c.visited += 1;
    }
}

impl Algorithm for TarjanScc {
    fn step(&mut self, c: &mut Counters) -> bool {
        if self.at == At::Done {
            return false;
        }
        let Some(&(u, next)) = self.calls.last() else {
            self.at = match self.index.iter().position(Option::is_none) {
                Some(root) => {
                    self.discover(root, c);
                    At::Discovered {
                        v: root,
                        edge: None,
                    }
                }
                None => At::Done,
            };
            return true;
        };
        self.at = match self.adjacency[u].get(next).copied() {
            Some((w, edge)) => {
                self.calls.last_mut().expect("a call").1 += 1;
                c.edges_examined += 1;
                match self.index[w] {
                    None => {
                        self.tree[edge] = true;
                        self.discover(w, c);
                        At::Discovered {
                            v: w,
                            edge: Some(edge),
                        }
                    }
                    Some(index) if self.on_stack[w] => {
                        self.low[u] = self.low[u].min(index);
                        At::Lowered { u, w, edge }
                    }
                    Some(_) => At::Crossed { u, w, edge },
                }
            }
            None => {
                self.calls.pop();
                let parent = self.calls.last().map(|&(p, _)| p);
                if let Some(p) = parent {
                    self.low[p] = self.low[p].min(self.low[u]);
                }
                if Some(self.low[u]) == self.index[u] {
                    let mut size = 0;
                    while let Some(w) = self.stack.pop() {
                        c.pops += 1;
                        self.on_stack[w] = false;
                        self.component[w] = Some(self.components);
                        size += 1;
                        if w == u {
                            break;
                        }
                    }
                    self.components += 1;
                    At::Component { root: u, size }
                } else {
                    At::Returned {
                        u,
                        parent: parent.expect("a node below a root has a parent"),
                    }
                }
            }
        };
        true
    }

    fn view(&self) -> View {
        let g = &self.graph;
        let mut marks = Marks::new(g);
        for node in 0..g.len() {
            marks.nodes[node] = if self.component[node].is_some() {
                Some(NodeState::Finished)
            } else if self.on_stack[node] {
                Some(NodeState::Frontier)
            } else {
                None
            };
        }
        for (edge, tree) in self.tree.iter().enumerate() {
            if *tree {
                marks.edges[edge] = Some(EdgeState::Tree);
            }
        }
        if let At::Component { .. } = self.at {
            let latest = self.components - 1;
            for node in 0..g.len() {
                if self.component[node] == Some(latest) {
                    marks.nodes[node] = Some(NodeState::Path);
                }
            }
        }
        let mut frame = marks.frame();
        if let Some(&(u, _)) = self.calls.last() {
            frame = frame.node(u, NodeState::Current);
        }
        let (line, narration) = match self.at {
            At::Start => (
                0,
                format!(
                    "Find the strongly connected components of {}.",
                    g.size_text()
                ),
            ),
            At::Discovered { v, edge } => {
                if let Some(edge) = edge {
                    frame = frame.edge(edge, EdgeState::Examined);
                }
                let how = if edge.is_some() {
                    "reached by a tree edge"
                } else {
                    "a new root"
                };
                (
                    2,
                    format!(
                        "{} ({how}) gets index and low-link {}, and goes on the stack.",
                        label(g, v),
                        self.index[v].unwrap_or(0)
                    ),
                )
            }
            At::Lowered { u, w, edge } => {
                frame = frame.edge(edge, EdgeState::Relaxed);
                (
                    5,
                    format!(
                        "{} → {}: {} is on the stack, so low[{}] = min(…, {}) = {}.",
                        label(g, u),
                        label(g, w),
                        label(g, w),
                        label(g, u),
                        self.index[w].unwrap_or(0),
                        self.low[u]
                    ),
                )
            }
            At::Crossed { u, w, edge } => {
                frame = frame.edge(edge, EdgeState::Rejected);
                (
                    5,
                    format!(
                        "{} → {}: {} already belongs to a finished component; it changes nothing.",
                        label(g, u),
                        label(g, w),
                        label(g, w)
                    ),
                )
            }
            At::Returned { u, parent } => (
                4,
                format!(
                    "{} is done with low-link {} < its index {}: it belongs with a node above. low[{}] = {}.",
                    label(g, u),
                    self.low[u],
                    self.index[u].unwrap_or(0),
                    label(g, parent),
                    self.low[parent]
                ),
            ),
            At::Component { root, size } => (
                6,
                format!(
                    "low[{r}] = index[{r}] = {}: pop the stack down to {r}, a component of {}.",
                    self.low[root],
                    crate::plural(size, "node", "nodes"),
                    r = label(g, root)
                ),
            ),
            At::Done => (
                7,
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
        let number = |v: &Option<u32>| v.map(|v| Value::Int(i64::from(v)));
        let frame = frame
            .structure(
                "stack",
                StructureKind::Stack,
                items(g, self.stack.iter().rev().copied()),
            )
            .column("index", self.index.iter().map(number).collect())
            .column(
                "low",
                self.index
                    .iter()
                    .zip(&self.low)
                    .map(|(i, l)| i.map(|_| Value::Int(i64::from(*l))))
                    .collect(),
            );
        let frame = super::with_components(frame, &self.component);
        View {
            line,
            narration,
            variables: vec![
                Variable::new("components", Some(i64::from(self.components))),
                Variable::new("stack size", Some(self.stack.len())),
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
            + self.index.len() * 32
            + self.stack.capacity() * 8
            + self.calls.capacity() * 16
            + self.tree.len()
    }
}

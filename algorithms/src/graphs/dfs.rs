//! Depth-first search, iterative: a stack of nodes, each with how far along its edges it is; a node is
//! finished when its last edge is done. Discovery and finish times are in the table.

use serde::{Deserialize, Serialize};

use super::{Marks, TRAVERSAL_COUNTERS, TRAVERSAL_WORK, items, label, predecessors};
use crate::catalogue::{Card, Category, Entry, GRAPH_RULES, GraphRules, graph_input};
use crate::graph::Graph;
use crate::legend::Key;
#[cfg(feature = "restore")]
use crate::machine::restore;
use crate::machine::{Algorithm, Run};
use crate::snapshot::{
    Counters, EdgeState, Frame, FrameKind, NodeState, StructureKind, Value, Variable, View,
};

pub const PSEUDOCODE: &[&str] = &[
    "procedure DFS(G, s)",
    "  discover s; push s",
    "  while the stack is not empty",
    "    u ← top of the stack",
    "    if u has an edge (u, v) not yet examined",
    "      if v is not yet discovered: discover v; pred[v] ← u; push v",
    "    else finish u; pop",
    "  every node reachable from s is finished",
];

pub const CARD: Card = Card {
    id: "dfs",
    name: "Depth-first search",
    category: Category::GraphTraversal,
    summary: "Follows one path as deep as it goes with a stack, backing up only when a node has no new neighbour.",
    complexity: super::LINEAR,
    stable: None,
    in_place: None,
    input: graph_input(GraphRules {
        needs_start: true,
        negative_weights: true,
        ..GRAPH_RULES
    }),
    frame: FrameKind::Graph,
    legend: &[
        Key::node(NodeState::Frontier).said("on the stack"),
        Key::node(NodeState::Current),
        Key::node(NodeState::Finished),
        Key::edge(EdgeState::Examined, "examined edge"),
        Key::edge(EdgeState::Tree, "tree edge"),
    ],
    counters: TRAVERSAL_COUNTERS,
    work: TRAVERSAL_WORK,
    version: 1,
};

/// Other names a learner may search the catalogue for (`catalogue::matches`), lower case.
pub const ALIASES: &[&str] = &["dfs", "depth first", "backtracking"];

pub const ENTRY: Entry = Entry {
    card: &CARD,
    pseudocode: PSEUDOCODE,
    start: |input| Box::new(Run::new(Dfs::new(input.graph.expect("validated: a graph")))),
    #[cfg(feature = "restore")]
    restore: restore::<Dfs>,
};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dfs {
    graph: Graph,
    adjacency: Vec<Vec<(usize, usize)>>,
    /// Nodes on the stack with the count of their edges examined so far.
    stack: Vec<(usize, usize)>,
    discovered: Vec<Option<u32>>,
    finished: Vec<Option<u32>>,
    pred: Vec<Option<(usize, usize)>>,
    clock: u32,
    marks: Marks,
    at: At,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
enum At {
    Start,
    Pushed { v: usize },
    Seen { u: usize, v: usize, edge: usize },
    Finished { u: usize },
    Done,
}

impl Dfs {
    pub fn new(graph: Graph) -> Self {
        let n = graph.len();
        Dfs {
            adjacency: graph.adjacency(),
            stack: Vec::new(),
            discovered: vec![None; n],
            finished: vec![None; n],
            pred: vec![None; n],
            clock: 0,
            marks: Marks::new(&graph),
            at: At::Start,
            graph,
        }
    }

    fn discover(&mut self, v: usize, c: &mut Counters) {
        self.discovered[v] = Some(self.clock);
        self.clock += 1;
        self.stack.push((v, 0));
        c.pushes += 1;
        c.visited += 1;
        self.marks.nodes[v] = Some(NodeState::Frontier);
    }
}

impl Algorithm for Dfs {
    fn step(&mut self, c: &mut Counters) -> bool {
        self.at = match self.at {
            At::Done => return false,
            At::Start => {
                let s = self.graph.start.expect("validated: a start");
                self.discover(s, c);
                At::Pushed { v: s }
            }
            At::Pushed { .. } | At::Seen { .. } | At::Finished { .. } => {
                let Some(&(u, next)) = self.stack.last() else {
                    return false;
                };
                match self.adjacency[u].get(next).copied() {
                    Some((v, edge)) => {
                        self.stack.last_mut().expect("non-empty").1 += 1;
                        c.edges_examined += 1;
                        if self.discovered[v].is_none() {
                            self.pred[v] = Some((u, edge));
                            self.marks.edges[edge] = Some(EdgeState::Tree);
                            self.discover(v, c);
                            At::Pushed { v }
                        } else {
                            At::Seen { u, v, edge }
                        }
                    }
                    None => {
                        self.stack.pop();
                        c.pops += 1;
                        self.finished[u] = Some(self.clock);
                        self.clock += 1;
                        self.marks.nodes[u] = Some(NodeState::Finished);
                        if self.stack.is_empty() {
                            At::Done
                        } else {
                            At::Finished { u }
                        }
                    }
                }
            }
        };
        true
    }

    fn view(&self) -> View {
        let g = &self.graph;
        let mut frame = self.marks.frame();
        let top = self.stack.last().map(|&(u, _)| u);
        if let Some(top) = top {
            frame = frame.node(top, NodeState::Current);
        }
        let (line, narration) = match self.at {
            At::Start => (
                0,
                format!(
                    "Start depth-first search on {} from {}.",
                    crate::plural(g.len(), "node", "nodes"),
                    label(g, g.start.unwrap_or(0))
                ),
            ),
            At::Pushed { v } => match self.pred[v] {
                None => (1, format!("Discover {} (time 0) and push it.", label(g, v))),
                Some((u, edge)) => {
                    frame = frame.edge(edge, EdgeState::Examined);
                    (
                        5,
                        format!(
                            "{} is new: discover it (time {}) from {} and push it; go deeper from there.",
                            label(g, v),
                            self.discovered[v].unwrap_or(0),
                            label(g, u)
                        ),
                    )
                }
            },
            At::Seen { u, v, edge } => {
                frame = frame.edge(edge, EdgeState::Examined);
                let state = if self.finished[v].is_some() {
                    "finished"
                } else {
                    "on the stack"
                };
                (
                    4,
                    format!(
                        "Edge {} – {}: {} is already {state}.",
                        label(g, u),
                        label(g, v),
                        label(g, v)
                    ),
                )
            }
            At::Finished { u } => (
                6,
                format!(
                    "{} has no edge left: finish it (time {}) and pop; back to {}.",
                    label(g, u),
                    self.finished[u].unwrap_or(0),
                    label(g, top.unwrap_or(u))
                ),
            ),
            At::Done => {
                let reached = self.discovered.iter().flatten().count();
                (
                    7,
                    format!(
                        "The stack is empty: {reached} of {} reached and finished.",
                        crate::plural(g.len(), "node", "nodes")
                    ),
                )
            }
        };
        let time = |times: &[Option<u32>]| -> Vec<Option<Value>> {
            times
                .iter()
                .map(|t| t.map(|t| Value::Int(i64::from(t))))
                .collect()
        };
        let frame = frame
            .structure(
                "stack",
                StructureKind::Stack,
                items(g, self.stack.iter().rev().map(|&(u, _)| u)),
            )
            .column("discovered", time(&self.discovered))
            .column("finished", time(&self.finished))
            .column("pred", predecessors(g, &self.pred));
        View {
            line,
            narration,
            variables: vec![
                Variable::new("u", top.map(|u| label(g, u))),
                Variable::new(
                    "time",
                    (self.at != At::Start).then_some(i64::from(self.clock)),
                ),
                Variable::new(
                    "stack size",
                    (self.at != At::Start).then_some(self.stack.len()),
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
            + self.stack.capacity() * 16
            + self.discovered.len() * 16
            + self.pred.len() * 24
            + self.marks.heap_bytes()
    }
}

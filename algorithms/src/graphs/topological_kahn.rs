//! Topological sort by Kahn's algorithm: repeatedly output a node with no remaining incoming edge and
//! remove its outgoing edges. Nodes left over sit on a cycle, and then no order exists.

use std::collections::VecDeque;

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
    "procedure Kahn(G)",
    "  count every node's incoming edges; enqueue the nodes with none",
    "  while the queue is not empty",
    "    u ← dequeue; append u to the order",
    "    for each edge (u, v): remove it",
    "      if v has no incoming edge left: enqueue v",
    "  if the order has every node, it is topological; otherwise G has a cycle",
];

pub const CARD: Card = Card {
    id: "topological-sort-kahn",
    name: "Topological sort (Kahn)",
    category: Category::GraphTraversal,
    summary: "Orders a directed graph's nodes so every edge points forward, by repeatedly taking a node nothing points to.",
    complexity: super::LINEAR,
    stable: None,
    in_place: None,
    input: graph_input(super::ORDERED),
    frame: FrameKind::Graph,
    legend: &[
        Key::node(NodeState::Frontier).said("in-degree 0, queued"),
        Key::node(NodeState::Current),
        Key::node(NodeState::Visited).said("in the order"),
        Key::node(NodeState::Path).said("on a cycle (left over)"),
        Key::edge(EdgeState::Examined, "examined edge"),
        Key::edge(EdgeState::Tree, "removed edge"),
    ],
    counters: TRAVERSAL_COUNTERS,
    work: TRAVERSAL_WORK,
    version: 2,
};

/// Other names a learner may search the catalogue for (`catalogue::matches`), lower case.
pub const ALIASES: &[&str] = &[
    "toposort",
    "topological order",
    "dag",
    "dependency order",
    "in-degree",
];

pub const ENTRY: Entry = Entry {
    card: &CARD,
    pseudocode: PSEUDOCODE,
    start: |input| {
        Box::new(Run::new(Kahn::new(
            input.graph.expect("validated: a graph"),
        )))
    },
    #[cfg(feature = "restore")]
    restore: restore::<Kahn>,
};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Kahn {
    graph: Graph,
    adjacency: Vec<Vec<(usize, usize)>>,
    indegree: Vec<usize>,
    queue: VecDeque<usize>,
    order: Vec<usize>,
    removed: Vec<bool>,
    u: usize,
    next: usize,
    at: At,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
enum At {
    Start,
    Counted,
    Output,
    Removed { v: usize, edge: usize, freed: bool },
    Done,
}

impl Kahn {
    pub fn new(graph: Graph) -> Self {
        let n = graph.len();
        Kahn {
            adjacency: graph.adjacency(),
            indegree: vec![0; n],
            queue: VecDeque::new(),
            order: Vec::new(),
            removed: vec![false; graph.edges.len()],
            u: 0,
            next: 0,
            at: At::Start,
            graph,
        }
    }

    fn dequeue(&mut self, c: &mut Counters) -> At {
        match self.queue.pop_front() {
            None => At::Done,
            Some(u) => {
                c.pops += 1;
                c.visited += 1;
                self.order.push(u);
                (self.u, self.next) = (u, 0);
                At::Output
            }
        }
    }
}

impl Algorithm for Kahn {
    fn step(&mut self, c: &mut Counters) -> bool {
        self.at = match self.at {
            At::Done => return false,
            At::Start => {
                for edge in &self.graph.edges {
                    c.edges_examined += 1;
                    self.indegree[edge.to] += 1;
                }
                for node in 0..self.graph.len() {
                    if self.indegree[node] == 0 {
                        self.queue.push_back(node);
                        c.pushes += 1;
                    }
                }
                At::Counted
            }
            At::Counted => self.dequeue(c),
            At::Output | At::Removed { .. } => match self.adjacency[self.u].get(self.next).copied()
            {
                None => self.dequeue(c),
                Some((v, edge)) => {
                    self.next += 1;
                    c.edges_examined += 1;
                    self.removed[edge] = true;
                    self.indegree[v] -= 1;
                    let freed = self.indegree[v] == 0;
                    if freed {
                        self.queue.push_back(v);
                        c.pushes += 1;
                    }
                    At::Removed { v, edge, freed }
                }
            },
        };
        true
    }

    fn view(&self) -> View {
        let g = &self.graph;
        let mut marks = Marks::new(g);
        for &node in &self.order {
            marks.nodes[node] = Some(NodeState::Visited);
        }
        for &node in &self.queue {
            marks.nodes[node] = Some(NodeState::Frontier);
        }
        for (edge, removed) in self.removed.iter().enumerate() {
            if *removed {
                marks.edges[edge] = Some(EdgeState::Tree);
            }
        }
        let cyclic = self.at == At::Done && self.order.len() < g.len();
        if cyclic {
            for (node, d) in self.indegree.iter().enumerate() {
                if *d > 0 {
                    marks.nodes[node] = Some(NodeState::Path);
                }
            }
        }
        let mut frame = marks.frame();
        // An empty graph has no node to name; `u` is shown only while a node is being output.
        let lu = g.labels.get(self.u).map_or("", String::as_str);
        let (line, narration) = match self.at {
            At::Start => (
                0,
                format!("Start Kahn's topological sort on {}.", g.size_text()),
            ),
            At::Counted => (
                1,
                format!(
                    "Count incoming edges: the nodes with none go into the queue ({}).",
                    crate::plural(self.queue.len(), "node", "nodes")
                ),
            ),
            At::Output => {
                frame = frame.node(self.u, NodeState::Current);
                (
                    3,
                    format!(
                        "Take {lu}: nothing left points to it, so it is number {} in the order.",
                        self.order.len()
                    ),
                )
            }
            At::Removed { v, edge, freed } => {
                frame = frame
                    .node(self.u, NodeState::Current)
                    .edge(edge, EdgeState::Examined);
                let lv = label(g, v);
                if freed {
                    (
                        5,
                        format!(
                            "Remove {lu} → {lv}: {lv} has no incoming edge left, so it joins the queue."
                        ),
                    )
                } else {
                    (
                        4,
                        format!(
                            "Remove {lu} → {lv}: {lv} still has {} incoming.",
                            self.indegree[v]
                        ),
                    )
                }
            }
            At::Done if cyclic => (
                6,
                format!(
                    "The queue is empty with {} of {} ordered: the rest lie on or behind a cycle, so no topological order exists.",
                    self.order.len(),
                    crate::plural(g.len(), "node", "nodes")
                ),
            ),
            At::Done => (
                6,
                format!(
                    "Every node is ordered: {}.",
                    self.order
                        .iter()
                        .map(|&n| label(g, n))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            ),
        };
        let frame = frame
            .structure(
                "queue",
                StructureKind::Queue,
                items(g, self.queue.iter().copied()),
            )
            .structure(
                "order",
                StructureKind::List,
                items(g, self.order.iter().copied()),
            )
            .column(
                "in-degree",
                self.indegree
                    .iter()
                    .map(|&d| Some(Value::Int(d as i64)))
                    .collect(),
            );
        let working = matches!(self.at, At::Output | At::Removed { .. });
        View {
            line,
            narration,
            variables: vec![
                Variable::new("u", working.then_some(lu)),
                Variable::new(
                    "ordered",
                    (self.at != At::Start).then_some(self.order.len()),
                ),
                Variable::new("has cycle", (self.at == At::Done).then_some(cyclic)),
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
            + self.indegree.len() * 24
            + self.removed.len()
    }
}

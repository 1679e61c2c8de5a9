//! Breadth-first search: visit nodes in order of their distance in edges from the start, with a queue.

use std::collections::VecDeque;

use serde::{Deserialize, Serialize};

use super::{
    Marks, TRAVERSAL_COUNTERS, TRAVERSAL_WORK, distances, items, label, mark_path, predecessors,
};
use crate::catalogue::{Card, Category, Entry, GRAPH_RULES, GraphRules, graph_input};
use crate::graph::Graph;
use crate::legend::Key;
#[cfg(feature = "restore")]
use crate::machine::restore;
use crate::machine::{Algorithm, Run};
use crate::snapshot::{
    Counters, EdgeState, Frame, FrameKind, NodeState, StructureKind, Variable, View,
};

pub const PSEUDOCODE: &[&str] = &[
    "procedure BFS(G, s)",
    "  dist[s] ← 0; enqueue s",
    "  while the queue is not empty",
    "    u ← dequeue",
    "    for each edge (u, v)",
    "      if v is not yet discovered",
    "        dist[v] ← dist[u] + 1; pred[v] ← u; enqueue v",
    "  every reachable node has its distance in edges",
];

pub const CARD: Card = Card {
    id: "bfs",
    name: "Breadth-first search",
    category: Category::GraphTraversal,
    summary: "Visits nodes level by level from the start with a queue, finding the fewest edges to each.",
    complexity: super::LINEAR,
    stable: None,
    in_place: None,
    input: graph_input(GraphRules {
        needs_start: true,
        uses_goal: true,
        negative_weights: true,
        ..GRAPH_RULES
    }),
    frame: FrameKind::Graph,
    legend: &[
        Key::node(NodeState::Frontier).said("in the queue"),
        Key::node(NodeState::Current),
        Key::node(NodeState::Visited),
        Key::node(NodeState::Path).said("on the path to the goal"),
        Key::edge(EdgeState::Examined, "examined edge"),
        Key::edge(EdgeState::Tree, "tree edge"),
        Key::edge(EdgeState::Path, "path to the goal"),
    ],
    counters: TRAVERSAL_COUNTERS,
    work: TRAVERSAL_WORK,
    version: 2,
};

/// Other names a learner may search the catalogue for (`catalogue::matches`), lower case.
pub const ALIASES: &[&str] = &[
    "bfs",
    "breadth first",
    "sssp",
    "unweighted shortest path",
    "level order",
];

pub const ENTRY: Entry = Entry {
    card: &CARD,
    pseudocode: PSEUDOCODE,
    start: |input| Box::new(Run::new(Bfs::new(input.graph.expect("validated: a graph")))),
    #[cfg(feature = "restore")]
    restore: restore::<Bfs>,
};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bfs {
    graph: Graph,
    adjacency: Vec<Vec<(usize, usize)>>,
    queue: VecDeque<usize>,
    dist: Vec<Option<i64>>,
    /// (node, edge) each node was discovered from.
    pred: Vec<Option<(usize, usize)>>,
    marks: Marks,
    /// The node being expanded and how many of its edges are done.
    u: usize,
    next: usize,
    at: At,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
enum At {
    Start,
    Enqueued,
    Dequeued,
    Discovered { v: usize, edge: usize },
    Seen { v: usize, edge: usize },
    Expanded,
    Done,
}

impl Bfs {
    pub fn new(graph: Graph) -> Self {
        let n = graph.len();
        Bfs {
            adjacency: graph.adjacency(),
            queue: VecDeque::new(),
            dist: vec![None; n],
            pred: vec![None; n],
            marks: Marks::new(&graph),
            u: 0,
            next: 0,
            at: At::Start,
            graph,
        }
    }

    fn dequeue(&mut self, c: &mut Counters) -> At {
        let Some(u) = self.queue.pop_front() else {
            if let Some(goal) = self.graph.goal.filter(|&g| self.dist[g].is_some()) {
                mark_path(&mut self.marks, &self.pred, goal);
            }
            return At::Done;
        };
        c.pops += 1;
        c.visited += 1;
        self.u = u;
        self.next = 0;
        self.marks.nodes[u] = Some(NodeState::Visited);
        At::Dequeued
    }
}

impl Algorithm for Bfs {
    fn step(&mut self, c: &mut Counters) -> bool {
        self.at = match self.at {
            At::Done => return false,
            At::Start => {
                let s = self.graph.start.expect("validated: a start");
                self.dist[s] = Some(0);
                self.queue.push_back(s);
                c.pushes += 1;
                self.marks.nodes[s] = Some(NodeState::Frontier);
                At::Enqueued
            }
            At::Enqueued | At::Expanded => self.dequeue(c),
            At::Dequeued | At::Discovered { .. } | At::Seen { .. } => {
                match self.adjacency[self.u].get(self.next).copied() {
                    None => At::Expanded,
                    Some((v, edge)) => {
                        self.next += 1;
                        c.edges_examined += 1;
                        if self.dist[v].is_none() {
                            self.dist[v] = Some(self.dist[self.u].unwrap_or(0) + 1);
                            self.pred[v] = Some((self.u, edge));
                            self.queue.push_back(v);
                            c.pushes += 1;
                            self.marks.nodes[v] = Some(NodeState::Frontier);
                            self.marks.edges[edge] = Some(EdgeState::Tree);
                            At::Discovered { v, edge }
                        } else {
                            At::Seen { v, edge }
                        }
                    }
                }
            }
        };
        true
    }

    fn view(&self) -> View {
        let g = &self.graph;
        let (u, lu) = (self.u, label(g, self.u));
        let mut frame = self.marks.frame();
        let (line, narration) = match self.at {
            At::Start => (
                0,
                format!(
                    "Start breadth-first search on {} from {}.",
                    crate::plural(g.len(), "node", "nodes"),
                    label(g, g.start.unwrap_or(0))
                ),
            ),
            At::Enqueued => (
                1,
                format!(
                    "dist[{lu}] = 0; {lu} goes into the queue.",
                    lu = label(g, self.queue[0])
                ),
            ),
            At::Dequeued => {
                frame = frame.node(u, NodeState::Current);
                (
                    3,
                    format!(
                        "Take {lu} from the front of the queue (distance {}).",
                        self.dist[u].unwrap_or(0)
                    ),
                )
            }
            At::Discovered { v, edge } => {
                frame = frame
                    .node(u, NodeState::Current)
                    .edge(edge, EdgeState::Examined);
                (
                    6,
                    format!(
                        "{lv} is new: dist[{lv}] = {}, reached from {lu}; it joins the back of the queue.",
                        self.dist[v].unwrap_or(0),
                        lv = label(g, v)
                    ),
                )
            }
            At::Seen { v, edge } => {
                frame = frame
                    .node(u, NodeState::Current)
                    .edge(edge, EdgeState::Examined);
                (
                    5,
                    format!("{} was already discovered: nothing to do.", label(g, v)),
                )
            }
            At::Expanded => (4, format!("Every edge of {lu} is examined.")),
            At::Done => {
                let reached = self.dist.iter().flatten().count();
                let goal = g.goal.map(|goal| match self.dist[goal] {
                    Some(d) => format!(
                        " {} is {d} edges away: {}.",
                        label(g, goal),
                        super::path_text(g, &self.pred, goal)
                    ),
                    None => format!(" {} cannot be reached.", label(g, goal)),
                });
                (
                    7,
                    format!(
                        "The queue is empty: {reached} of {} reached.{}",
                        crate::plural(g.len(), "node", "nodes"),
                        goal.unwrap_or_default()
                    ),
                )
            }
        };
        let started = !matches!(self.at, At::Start);
        let frame = frame
            .structure(
                "queue",
                StructureKind::Queue,
                items(g, self.queue.iter().copied()),
            )
            .column("dist", distances(&self.dist))
            .column("pred", predecessors(g, &self.pred));
        let current = matches!(
            self.at,
            At::Dequeued | At::Discovered { .. } | At::Seen { .. } | At::Expanded
        );
        let v = match self.at {
            At::Discovered { v, .. } | At::Seen { v, .. } => Some(label(g, v)),
            _ => None,
        };
        View {
            line,
            narration,
            variables: vec![
                Variable::new("u", current.then_some(lu)),
                Variable::new("v", v),
                Variable::new("queue size", started.then_some(self.queue.len())),
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
            + self.queue.len() * 8
            + self.dist.len() * 16
            + self.pred.len() * 24
            + self.marks.heap_bytes()
    }
}

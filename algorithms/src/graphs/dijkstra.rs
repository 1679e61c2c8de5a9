//! Dijkstra's algorithm with a binary heap: settle the nearest unsettled node, relax its edges. A node may
//! sit in the heap more than once (once per improvement); an entry older than its node's distance is
//! skipped when it comes out ("lazy deletion").

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use serde::{Deserialize, Serialize};

use super::{
    Marks, PATH_COUNTERS, PATH_WORK, distances, keyed_items, label, path_text, predecessors,
    search_marks,
};
use crate::catalogue::{Card, Category, Complexity, Entry, GRAPH_RULES, GraphRules, graph_input};
use crate::graph::Graph;
use crate::legend::Key;
#[cfg(feature = "restore")]
use crate::machine::restore;
use crate::machine::{Algorithm, Run};
use crate::snapshot::{
    Counters, EdgeState, Frame, FrameKind, NodeState, StructureKind, Value, Variable, View,
};

pub const PSEUDOCODE: &[&str] = &[
    "procedure Dijkstra(G, s)",
    "  dist[·] ← ∞; dist[s] ← 0; push (0, s)",
    "  while the heap is not empty",
    "    (d, u) ← pop the smallest",
    "    if d > dist[u]: skip (a stale entry)",
    "    for each edge (u, v, w)",
    "      if dist[u] + w < dist[v]",
    "        dist[v] ← dist[u] + w; pred[v] ← u; push (dist[v], v)",
    "  dist holds every shortest distance from s",
];

pub const CARD: Card = Card {
    id: "dijkstra",
    name: "Dijkstra's shortest paths",
    category: Category::ShortestPaths,
    summary: "Settles nodes in order of distance with a binary heap, relaxing each settled node's edges; weights must not be negative.",
    complexity: Complexity {
        best: "O((V + E) log V)",
        average: "O((V + E) log V)",
        worst: "O((V + E) log V)",
        space: "O(V + E)",
    },
    stable: None,
    in_place: None,
    input: graph_input(GraphRules {
        needs_start: true,
        uses_goal: true,
        ..GRAPH_RULES
    }),
    frame: FrameKind::Graph,
    legend: &[
        Key::node(NodeState::Frontier).said("in the heap"),
        Key::node(NodeState::Current),
        Key::node(NodeState::Visited).said("settled"),
        Key::node(NodeState::Path).said("on the path to the goal"),
        Key::edge(EdgeState::Relaxed, "relaxed edge"),
        Key::edge(EdgeState::Tree, "shortest-path tree edge"),
        Key::edge(EdgeState::Path, "path to the goal"),
        Key::edge(EdgeState::Rejected, "no shorter (not relaxed)"),
    ],
    counters: PATH_COUNTERS,
    work: PATH_WORK,
    version: 2,
};

/// Other names a learner may search the catalogue for (`catalogue::matches`), lower case.
pub const ALIASES: &[&str] = &[
    "sssp",
    "single source shortest path",
    "priority queue",
    "pathfinding",
];

pub const ENTRY: Entry = Entry {
    card: &CARD,
    pseudocode: PSEUDOCODE,
    start: |input| {
        Box::new(Run::new(Dijkstra::new(
            input.graph.expect("validated: a graph"),
        )))
    },
    #[cfg(feature = "restore")]
    restore: restore::<Dijkstra>,
};

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Dijkstra {
    graph: Graph,
    adjacency: Vec<Vec<(usize, usize)>>,
    heap: BinaryHeap<Reverse<(i64, usize)>>,
    dist: Vec<Option<i64>>,
    pred: Vec<Option<(usize, usize)>>,
    settled: Vec<bool>,
    u: usize,
    d: i64,
    next: usize,
    at: At,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
enum At {
    Start,
    Pushed,
    Settled,
    Stale,
    Relaxed {
        v: usize,
        edge: usize,
        before: Option<i64>,
    },
    Kept {
        v: usize,
        edge: usize,
    },
    Expanded,
    Done,
}

impl Dijkstra {
    pub fn new(graph: Graph) -> Self {
        let n = graph.len();
        Dijkstra {
            adjacency: graph.adjacency(),
            heap: BinaryHeap::new(),
            dist: vec![None; n],
            pred: vec![None; n],
            settled: vec![false; n],
            u: 0,
            d: 0,
            next: 0,
            at: At::Start,
            graph,
        }
    }

    fn pop(&mut self, c: &mut Counters) -> At {
        let Some(Reverse((d, u))) = self.heap.pop() else {
            return At::Done;
        };
        c.pops += 1;
        (self.u, self.d, self.next) = (u, d, 0);
        if self.settled[u] || self.dist[u].is_some_and(|best| d > best) {
            return At::Stale;
        }
        self.settled[u] = true;
        c.visited += 1;
        At::Settled
    }

    fn marks(&self) -> Marks {
        let done = self.at == At::Done;
        let path_to = self.graph.goal.filter(|&g| done && self.dist[g].is_some());
        search_marks(&self.graph, &self.settled, &self.dist, &self.pred, path_to)
    }
}

impl Algorithm for Dijkstra {
    fn step(&mut self, c: &mut Counters) -> bool {
        self.at = match self.at {
            At::Done => return false,
            At::Start => {
                let s = self.graph.start.expect("validated: a start");
                self.dist[s] = Some(0);
                self.heap.push(Reverse((0, s)));
                c.pushes += 1;
                At::Pushed
            }
            At::Pushed | At::Stale | At::Expanded => self.pop(c),
            At::Settled | At::Relaxed { .. } | At::Kept { .. } => {
                match self.adjacency[self.u].get(self.next).copied() {
                    None => At::Expanded,
                    Some((v, edge)) => {
                        self.next += 1;
                        c.edges_examined += 1;
                        let through = self.d + self.graph.edges[edge].weight;
                        let before = self.dist[v];
                        if before.is_none_or(|best| through < best) {
                            self.dist[v] = Some(through);
                            self.pred[v] = Some((self.u, edge));
                            self.heap.push(Reverse((through, v)));
                            c.relaxations += 1;
                            c.pushes += 1;
                            At::Relaxed { v, edge, before }
                        } else {
                            At::Kept { v, edge }
                        }
                    }
                }
            }
        };
        true
    }

    fn view(&self) -> View {
        let g = &self.graph;
        let (u, lu, d) = (self.u, label(g, self.u), self.d);
        let mut frame = self.marks().frame();
        let working = !matches!(self.at, At::Start | At::Pushed | At::Done);
        if working {
            frame = frame.node(u, NodeState::Current);
        }
        let (line, narration) = match self.at {
            At::Start => (
                0,
                format!(
                    "Start Dijkstra's algorithm on {} from {}.",
                    crate::plural(g.len(), "node", "nodes"),
                    label(g, g.start.unwrap_or(0))
                ),
            ),
            At::Pushed => (
                1,
                format!(
                    "Every distance is ∞ except dist[{}] = 0, which goes on the heap.",
                    label(g, g.start.unwrap_or(0))
                ),
            ),
            At::Settled => (
                3,
                format!("Pop ({d}, {lu}): the nearest unsettled node. dist[{lu}] = {d} is final."),
            ),
            At::Stale => (
                4,
                format!(
                    "Pop ({d}, {lu}): {lu} is already settled at a shorter distance; skip this entry."
                ),
            ),
            At::Relaxed { v, edge, before } => {
                frame = frame.edge(edge, EdgeState::Relaxed);
                let w = g.edges[edge].weight;
                let was = before.map_or("∞".to_owned(), |b| b.to_string());
                (
                    7,
                    format!(
                        "{lu} → {lv} (weight {w}): {d} + {w} = {} < {was}, so dist[{lv}] = {} via {lu}; push it.",
                        d + w,
                        d + w,
                        lv = label(g, v)
                    ),
                )
            }
            At::Kept { v, edge } => {
                frame = frame.edge(edge, EdgeState::Rejected);
                let w = g.edges[edge].weight;
                (
                    6,
                    format!(
                        "{lu} → {lv} (weight {w}): {d} + {w} = {} is no shorter than dist[{lv}] = {}.",
                        d + w,
                        Value::from(self.dist[v]),
                        lv = label(g, v)
                    ),
                )
            }
            At::Expanded => (5, format!("Every edge of {lu} is relaxed.")),
            At::Done => {
                let settled = self.settled.iter().filter(|s| **s).count();
                let goal = g.goal.map(|goal| match self.dist[goal] {
                    Some(d) => format!(
                        " The shortest path to {} costs {d}: {}.",
                        label(g, goal),
                        path_text(g, &self.pred, goal)
                    ),
                    None => format!(" {} cannot be reached.", label(g, goal)),
                });
                (
                    8,
                    format!(
                        "The heap is empty: {} settled.{}",
                        crate::plural(settled, "node", "nodes"),
                        goal.unwrap_or_default()
                    ),
                )
            }
        };
        let frame = frame
            .structure(
                "heap",
                StructureKind::PriorityQueue,
                keyed_items(g, self.heap.iter().map(|Reverse(entry)| *entry)),
            )
            .column("dist", distances(&self.dist))
            .column("pred", predecessors(g, &self.pred));
        View {
            line,
            narration,
            variables: vec![
                Variable::new("u", working.then_some(lu)),
                Variable::new("d", working.then_some(d)),
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
            + self.heap.capacity() * 16
            + self.dist.len() * 41
    }
}

//! A* search on a graph drawn in the plane: Dijkstra's order, but by g + h, where g is the distance so far
//! and h a lower bound on the rest. Here h is the straight-line distance to the goal, scaled by the
//! smallest weight per unit of length of any edge: no path can cost less than that, so h never
//! overestimates, and each node's g is final when it leaves the heap, as in Dijkstra.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use serde::{Deserialize, Serialize};

use super::{
    PATH_COUNTERS, PATH_WORK, distances, keyed_items, label, path_text, predecessors, search_marks,
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
    "procedure AStar(G, s, t)",
    "  g[s] ← 0; push (h(s), s)",
    "  while the heap is not empty",
    "    u ← pop the smallest f = g + h",
    "    if u = t: done — g[t] is the shortest distance",
    "    for each edge (u, v, w)",
    "      if g[u] + w < g[v]",
    "        g[v] ← g[u] + w; pred[v] ← u; push (g[v] + h(v), v)",
    "  t cannot be reached",
];

pub const CARD: Card = Card {
    id: "astar-graph",
    name: "A* search (graph)",
    category: Category::ShortestPaths,
    summary: "Dijkstra's order by distance so far plus a straight-line estimate to the goal, so it settles fewer nodes on its way there.",
    complexity: Complexity {
        best: "O(E)",
        average: "O((V + E) log V)",
        worst: "O((V + E) log V)",
        space: "O(V + E)",
    },
    stable: None,
    in_place: None,
    input: graph_input(GraphRules {
        needs_start: true,
        uses_goal: true,
        needs_goal: true,
        ..GRAPH_RULES
    }),
    frame: FrameKind::Graph,
    legend: &[
        Key::node(NodeState::Frontier).said("in the open set"),
        Key::node(NodeState::Current),
        Key::node(NodeState::Visited).said("closed"),
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
pub const ALIASES: &[&str] = &["a star", "astar", "heuristic", "pathfinding"];

pub const ENTRY: Entry = Entry {
    card: &CARD,
    pseudocode: PSEUDOCODE,
    start: |input| {
        Box::new(Run::new(AStar::new(
            input.graph.expect("validated: a graph"),
        )))
    },
    #[cfg(feature = "restore")]
    restore: restore::<AStar>,
};

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct AStar {
    graph: Graph,
    adjacency: Vec<Vec<(usize, usize)>>,
    /// The lower bound to the goal from each node.
    h: Vec<i64>,
    heap: BinaryHeap<Reverse<(i64, usize)>>,
    g: Vec<Option<i64>>,
    pred: Vec<Option<(usize, usize)>>,
    settled: Vec<bool>,
    u: usize,
    next: usize,
    at: At,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
enum At {
    Start,
    Pushed,
    Settled,
    Stale,
    Relaxed { v: usize, edge: usize },
    Kept { v: usize, edge: usize },
    Expanded,
    Done,
}

/// The straight-line length of an edge in layout units; 0 for a loop or two nodes at one place.
fn length(graph: &Graph, a: usize, b: usize) -> f64 {
    let ((x1, y1), (x2, y2)) = (graph.positions[a], graph.positions[b]);
    (f64::from(x1 - x2).powi(2) + f64::from(y1 - y2).powi(2)).sqrt()
}

impl AStar {
    pub fn new(graph: Graph) -> Self {
        let n = graph.len();
        // The largest scale that keeps h a lower bound: the least weight per unit length of any edge.
        let scale = graph
            .edges
            .iter()
            .map(|e| (e.weight as f64, length(&graph, e.from, e.to)))
            .filter(|&(_, l)| l > 0.0)
            .map(|(w, l)| w / l)
            .fold(f64::INFINITY, f64::min);
        let scale = if scale.is_finite() {
            scale.max(0.0)
        } else {
            0.0
        };
        let goal = graph.goal.unwrap_or(0);
        // Rounded down, so it stays a lower bound in whole numbers.
        let h = (0..n)
            .map(|v| (length(&graph, v, goal) * scale).floor() as i64)
            .collect();
        AStar {
            adjacency: graph.adjacency(),
            h,
            heap: BinaryHeap::new(),
            g: vec![None; n],
            pred: vec![None; n],
            settled: vec![false; n],
            u: 0,
            next: 0,
            at: At::Start,
            graph,
        }
    }

    fn goal(&self) -> usize {
        self.graph.goal.expect("validated: a goal")
    }

    fn pop(&mut self, c: &mut Counters) -> At {
        let Some(Reverse((_, u))) = self.heap.pop() else {
            return At::Done;
        };
        c.pops += 1;
        (self.u, self.next) = (u, 0);
        if self.settled[u] {
            return At::Stale;
        }
        self.settled[u] = true;
        c.visited += 1;
        if u == self.goal() {
            At::Done
        } else {
            At::Settled
        }
    }
}

impl Algorithm for AStar {
    fn step(&mut self, c: &mut Counters) -> bool {
        self.at = match self.at {
            At::Done => return false,
            At::Start => {
                let s = self.graph.start.expect("validated: a start");
                self.g[s] = Some(0);
                self.heap.push(Reverse((self.h[s], s)));
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
                        let through = self.g[self.u].unwrap_or(0) + self.graph.edges[edge].weight;
                        if self.g[v].is_none_or(|best| through < best) {
                            self.g[v] = Some(through);
                            self.pred[v] = Some((self.u, edge));
                            self.heap.push(Reverse((through + self.h[v], v)));
                            c.relaxations += 1;
                            c.pushes += 1;
                            At::Relaxed { v, edge }
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
        let goal = self.goal();
        let path_to = (self.at == At::Done && self.settled[goal]).then_some(goal);
        let mut frame = search_marks(g, &self.settled, &self.g, &self.pred, path_to).frame();
        let working = matches!(
            self.at,
            At::Settled | At::Stale | At::Relaxed { .. } | At::Kept { .. } | At::Expanded
        );
        let (u, lu) = (self.u, g.labels.get(self.u).map_or("", String::as_str));
        if working {
            frame = frame.node(u, NodeState::Current);
        }
        let gu = self.g.get(u).copied().flatten().unwrap_or(0);
        let (line, narration) = match self.at {
            At::Start => (
                0,
                format!(
                    "Start A* from {} to {} on {}.",
                    label(g, g.start.unwrap_or(0)),
                    label(g, goal),
                    crate::plural(g.len(), "node", "nodes")
                ),
            ),
            At::Pushed => (
                1,
                format!(
                    "g[{s}] = 0 and h({s}) = {}: push it with f = {}.",
                    self.h[g.start.unwrap_or(0)],
                    self.h[g.start.unwrap_or(0)],
                    s = label(g, g.start.unwrap_or(0))
                ),
            ),
            At::Settled => (
                3,
                format!(
                    "Pop {lu}, the smallest f = g + h = {gu} + {} = {}.",
                    self.h[u],
                    gu + self.h[u]
                ),
            ),
            At::Stale => (
                3,
                format!("Pop {lu} again: already settled, skip this entry."),
            ),
            At::Relaxed { v, edge } => {
                frame = frame.edge(edge, EdgeState::Relaxed);
                let gv = self.g[v].unwrap_or(0);
                (
                    7,
                    format!(
                        "{lu} → {lv}: g = {gv}, h = {}, so f = {}; push it.",
                        self.h[v],
                        gv + self.h[v],
                        lv = label(g, v)
                    ),
                )
            }
            At::Kept { v, edge } => {
                frame = frame.edge(edge, EdgeState::Rejected);
                (
                    6,
                    format!(
                        "{lu} → {lv}: {} + {} is no shorter than g[{lv}] = {}.",
                        gu,
                        g.edges[edge].weight,
                        Value::from(self.g[v]),
                        lv = label(g, v)
                    ),
                )
            }
            At::Expanded => (5, format!("Every edge of {lu} is relaxed.")),
            At::Done if self.settled[goal] => (
                4,
                format!(
                    "Pop {}, the goal: the shortest path costs {}: {}.",
                    label(g, goal),
                    Value::from(self.g[goal]),
                    path_text(g, &self.pred, goal)
                ),
            ),
            At::Done => (
                8,
                format!("The heap is empty: {} cannot be reached.", label(g, goal)),
            ),
        };
        let frame = frame
            .structure(
                "heap",
                StructureKind::PriorityQueue,
                keyed_items(g, self.heap.iter().map(|Reverse(entry)| *entry)),
            )
            .column("g", distances(&self.g))
            .column("h", self.h.iter().map(|&h| Some(Value::Int(h))).collect())
            .column("pred", predecessors(g, &self.pred));
        View {
            line,
            narration,
            variables: vec![
                Variable::new("u", working.then_some(lu)),
                Variable::new(
                    "f",
                    working.then_some(gu + self.h.get(u).copied().unwrap_or(0)),
                ),
                Variable::new("open", (self.at != At::Start).then_some(self.heap.len())),
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
            + self.g.len() * 49
    }
}

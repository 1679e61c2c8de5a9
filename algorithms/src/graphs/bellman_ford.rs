//! Bellman–Ford: relax every edge, pass after pass, until a pass changes nothing (at most V − 1 passes
//! are needed); one more pass that still improves a distance proves a negative cycle reachable from the
//! start. Negative weights are allowed (in an undirected graph a negative edge is itself such a cycle).

use serde::{Deserialize, Serialize};

use super::{
    Marks, PATH_COUNTERS, PATH_WORK, distances, label, mark_path, path_text, predecessors,
};
use crate::catalogue::{Card, Category, Complexity, Entry, GRAPH_RULES, GraphRules, graph_input};
use crate::graph::Graph;
use crate::legend::Key;
#[cfg(feature = "restore")]
use crate::machine::restore;
use crate::machine::{Algorithm, Run};
use crate::snapshot::{Counters, EdgeState, Frame, FrameKind, NodeState, Value, Variable, View};

pub const PSEUDOCODE: &[&str] = &[
    "procedure BellmanFord(G, s)",
    "  dist[·] ← ∞; dist[s] ← 0",
    "  repeat up to V − 1 times",
    "    for each edge (u, v, w)",
    "      if dist[u] + w < dist[v]: dist[v] ← dist[u] + w; pred[v] ← u",
    "    stop early if nothing changed",
    "  for each edge (u, v, w)",
    "    if dist[u] + w < dist[v]: a negative cycle is reachable",
    "  dist holds every shortest distance from s",
];

pub const CARD: Card = Card {
    id: "bellman-ford",
    name: "Bellman–Ford",
    category: Category::ShortestPaths,
    summary: "Relaxes every edge in passes until nothing improves; handles negative weights and detects negative cycles.",
    complexity: Complexity {
        best: "O(E)",
        average: "O(V · E)",
        worst: "O(V · E)",
        space: "O(V)",
    },
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
        Key::node(NodeState::Current),
        Key::node(NodeState::Visited).said("reached"),
        Key::node(NodeState::Path).said("on the path to the goal"),
        Key::edge(EdgeState::Examined, "examined edge"),
        Key::edge(EdgeState::Relaxed, "relaxed edge"),
        Key::edge(EdgeState::Tree, "shortest-path tree edge"),
        Key::edge(EdgeState::Path, "path to the goal"),
    ],
    counters: PATH_COUNTERS,
    work: PATH_WORK,
    version: 2,
};

/// Other names a learner may search the catalogue for (`catalogue::matches`), lower case.
pub const ALIASES: &[&str] = &[
    "sssp",
    "single source shortest path",
    "negative weights",
    "negative cycle",
];

pub const ENTRY: Entry = Entry {
    card: &CARD,
    pseudocode: PSEUDOCODE,
    start: |input| {
        Box::new(Run::new(BellmanFord::new(
            input.graph.expect("validated: a graph"),
        )))
    },
    #[cfg(feature = "restore")]
    restore: restore::<BellmanFord>,
};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BellmanFord {
    graph: Graph,
    /// Every edge as arcs (u, v, weight, edge index): both ways when undirected.
    arcs: Vec<(usize, usize, i64, usize)>,
    dist: Vec<Option<i64>>,
    pred: Vec<Option<(usize, usize)>>,
    /// Passes started (1-based while running); the check pass is `V`.
    pass: usize,
    next: usize,
    changed: bool,
    negative_cycle: bool,
    at: At,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
enum At {
    Start,
    Initialised,
    Relaxed { arc: usize, before: Option<i64> },
    Kept { arc: usize },
    PassDone,
    Checked { arc: usize },
    Done,
}

impl BellmanFord {
    pub fn new(graph: Graph) -> Self {
        let n = graph.len();
        let mut arcs = Vec::with_capacity(graph.edges.len() * 2);
        for (index, e) in graph.edges.iter().enumerate() {
            arcs.push((e.from, e.to, e.weight, index));
            if !graph.directed && e.from != e.to {
                arcs.push((e.to, e.from, e.weight, index));
            }
        }
        BellmanFord {
            arcs,
            dist: vec![None; n],
            pred: vec![None; n],
            pass: 0,
            next: 0,
            changed: false,
            negative_cycle: false,
            at: At::Start,
            graph,
        }
    }

    fn checking(&self) -> bool {
        self.pass >= self.graph.len().max(1)
    }

    /// The next arc of the pass, counted; in the check pass, whether it would still improve.
    fn examine(&mut self, c: &mut Counters) -> At {
        let Some(&(u, v, w, _)) = self.arcs.get(self.next) else {
            return self.end_pass();
        };
        let arc = self.next;
        self.next += 1;
        c.edges_examined += 1;
        let Some(du) = self.dist[u] else {
            return if self.checking() {
                At::Checked { arc }
            } else {
                At::Kept { arc }
            };
        };
        let better = self.dist[v].is_none_or(|dv| du + w < dv);
        if self.checking() {
            if better {
                self.negative_cycle = true;
                return At::Done;
            }
            return At::Checked { arc };
        }
        if !better {
            return At::Kept { arc };
        }
        let before = self.dist[v];
        self.dist[v] = Some(du + w);
        self.pred[v] = Some((u, self.arcs[arc].3));
        self.changed = true;
        c.relaxations += 1;
        At::Relaxed { arc, before }
    }

    fn end_pass(&mut self) -> At {
        if self.checking() || (!self.changed && self.pass > 0) {
            return At::Done;
        }
        At::PassDone
    }

    fn marks(&self) -> Marks {
        let mut marks = Marks::new(&self.graph);
        for (node, d) in self.dist.iter().enumerate() {
            if d.is_some() {
                marks.nodes[node] = Some(NodeState::Visited);
            }
        }
        if !self.negative_cycle {
            for &(_, edge) in self.pred.iter().flatten() {
                marks.edges[edge] = Some(EdgeState::Tree);
            }
            if self.at == At::Done
                && let Some(goal) = self.graph.goal.filter(|&g| self.dist[g].is_some())
            {
                mark_path(&mut marks, &self.pred, goal);
            }
        }
        marks
    }
}

impl Algorithm for BellmanFord {
    fn step(&mut self, c: &mut Counters) -> bool {
        self.at = match self.at {
            At::Done => return false,
            At::Start => {
                self.dist[self.graph.start.expect("validated: a start")] = Some(0);
                self.pass = 1;
                At::Initialised
            }
            At::PassDone => {
                self.pass += 1;
                self.next = 0;
                self.changed = false;
                self.examine(c)
            }
            At::Initialised | At::Relaxed { .. } | At::Kept { .. } | At::Checked { .. } => {
                self.examine(c)
            }
        };
        true
    }

    fn view(&self) -> View {
        let g = &self.graph;
        let mut frame = self.marks().frame();
        let arc_text = |arc: usize| {
            let (u, v, w, _) = self.arcs[arc];
            format!("{} → {} (weight {w})", label(g, u), label(g, v))
        };
        let (line, narration) = match self.at {
            At::Start => (
                0,
                format!(
                    "Start Bellman–Ford on {} from {}.",
                    g.size_text(),
                    label(g, g.start.unwrap_or(0))
                ),
            ),
            At::Initialised => (
                1,
                format!(
                    "Every distance is ∞ except dist[{}] = 0.",
                    label(g, g.start.unwrap_or(0))
                ),
            ),
            At::Relaxed { arc, before } => {
                let (u, v, w, edge) = self.arcs[arc];
                frame = frame
                    .edge(edge, EdgeState::Relaxed)
                    .node(u, NodeState::Current);
                let was = before.map_or("∞".to_owned(), |b| b.to_string());
                (
                    4,
                    format!(
                        "Pass {}: {}: {} + {w} < {was}, so dist[{}] = {}.",
                        self.pass,
                        arc_text(arc),
                        Value::from(self.dist[u]),
                        label(g, v),
                        Value::from(self.dist[v])
                    ),
                )
            }
            At::Kept { arc } => {
                let (u, v, _, edge) = self.arcs[arc];
                frame = frame
                    .edge(edge, EdgeState::Examined)
                    .node(u, NodeState::Current);
                let why = match self.dist[u] {
                    None => format!("{} is not reached yet", label(g, u)),
                    Some(_) => format!(
                        "no shorter than dist[{}] = {}",
                        label(g, v),
                        Value::from(self.dist[v])
                    ),
                };
                (3, format!("Pass {}: {}: {why}.", self.pass, arc_text(arc)))
            }
            At::PassDone => (
                5,
                format!("Pass {} improved a distance; another pass.", self.pass),
            ),
            At::Checked { arc } => {
                let (u, _, _, edge) = self.arcs[arc];
                frame = frame
                    .edge(edge, EdgeState::Examined)
                    .node(u, NodeState::Current);
                (
                    7,
                    format!("Check: {} cannot improve anything.", arc_text(arc)),
                )
            }
            At::Done if self.negative_cycle => {
                let (u, v, _, edge) = self.arcs[self.next - 1];
                frame = frame
                    .edge(edge, EdgeState::Relaxed)
                    .node(v, NodeState::Current)
                    .node(u, NodeState::Current);
                (
                    7,
                    format!(
                        "Check: {} still improves dist[{}]: a negative cycle is reachable from the start, so no shortest distances exist.",
                        arc_text(self.next - 1),
                        label(g, v)
                    ),
                )
            }
            At::Done => {
                let early = if self.checking() {
                    "After the check pass"
                } else {
                    "A pass changed nothing"
                };
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
                        "{early}: every distance is final, with no negative cycle.{}",
                        goal.unwrap_or_default()
                    ),
                )
            }
        };
        let frame = frame
            .column("dist", distances(&self.dist))
            .column("pred", predecessors(g, &self.pred));
        let running = !matches!(self.at, At::Start);
        View {
            line,
            narration,
            variables: vec![
                Variable::new("pass", running.then_some(self.pass)),
                Variable::new("edge", running.then_some(self.next)),
                Variable::new(
                    "negative cycle",
                    (self.at == At::Done).then_some(self.negative_cycle),
                ),
            ],
            frame: Frame::Graph(frame),
        }
    }

    fn is_done(&self) -> bool {
        self.at == At::Done
    }

    fn heap_bytes(&self) -> usize {
        super::graph_bytes(&self.graph) + self.arcs.len() * 32 + self.dist.len() * 40
    }
}

//! Floyd–Warshall: shortest distances between every pair of nodes, in a table. For each node k in turn,
//! every pair (i, j) checks whether going through k is shorter. Negative weights are allowed; a distance
//! from a node to itself below zero is a negative cycle, and then no shortest distances exist.

use serde::{Deserialize, Serialize};

use super::{Marks, label};
use crate::catalogue::{
    Card, Category, Complexity, Entry, GRAPH_RULES, GraphRules, InputSpec, graph_input,
};
use crate::graph::Graph;
use crate::legend::Key;
#[cfg(feature = "restore")]
use crate::machine::restore;
use crate::machine::{Algorithm, Run};
use crate::snapshot::{
    Counter, Counters, Frame, FrameKind, NodeState, TableFocus, Value, Variable, View,
};

pub const PSEUDOCODE: &[&str] = &[
    "procedure FloydWarshall(G)",
    "  dist[i][j] ← the lightest edge i → j (0 when i = j, else ∞)",
    "  for k ← each node",
    "    for i ← each node with dist[i][k] < ∞",
    "      for j ← each node",
    "        if dist[i][k] + dist[k][j] < dist[i][j]: dist[i][j] ← dist[i][k] + dist[k][j]",
    "  if some dist[i][i] < 0: a negative cycle",
    "  dist holds the shortest distance between every pair",
];

pub const CARD: Card = Card {
    id: "floyd-warshall",
    name: "Floyd–Warshall",
    category: Category::ShortestPaths,
    summary: "Shortest distances between every pair of nodes, trying each node in turn as a stop on the way; detects negative cycles.",
    complexity: Complexity {
        best: "O(V³)",
        average: "O(V³)",
        worst: "O(V³)",
        space: "O(V²)",
    },
    stable: None,
    in_place: None,
    // Cubic: fewer nodes than the other graph algorithms, so the table and the run stay browsable.
    input: InputSpec {
        max_step_n: 40,
        max_count_n: 300,
        ..graph_input(GraphRules {
            negative_weights: true,
            ..GRAPH_RULES
        })
    },
    frame: FrameKind::Graph,
    legend: &[
        Key::node(NodeState::Current).said("k (the stop tried)"),
        Key::node(NodeState::Frontier).said("i (from)"),
        Key::node(NodeState::Visited).said("j (to)"),
        Key::node(NodeState::Path).said("on a negative cycle"),
    ],
    counters: &[Counter::Comparisons, Counter::Relaxations],
    work: &[Counter::Comparisons],
    version: 2,
};

/// Other names a learner may search the catalogue for (`catalogue::matches`), lower case.
pub const ALIASES: &[&str] = &["apsp", "all pairs shortest paths", "dynamic programming"];

pub const ENTRY: Entry = Entry {
    card: &CARD,
    pseudocode: PSEUDOCODE,
    start: |input| {
        Box::new(Run::new(FloydWarshall::new(
            input.graph.expect("validated: a graph"),
        )))
    },
    #[cfg(feature = "restore")]
    restore: restore::<FloydWarshall>,
};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FloydWarshall {
    graph: Graph,
    /// Row-major n × n; `None` is ∞.
    dist: Vec<Option<i64>>,
    k: usize,
    i: usize,
    j: usize,
    negative: Option<usize>,
    at: At,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
enum At {
    Start,
    Initialised,
    Improved { before: Option<i64> },
    Kept,
    RowSkipped,
    Done,
}

impl FloydWarshall {
    pub fn new(graph: Graph) -> Self {
        let n = graph.len();
        FloydWarshall {
            dist: vec![None; n * n],
            k: 0,
            i: 0,
            j: 0,
            negative: None,
            at: At::Start,
            graph,
        }
    }

    /// The distance from `i` to `j`; `None` when unreachable.
    fn distance(&self, i: usize, j: usize) -> Option<i64> {
        self.dist[i * self.graph.len() + j]
    }

    fn n(&self) -> usize {
        self.graph.len()
    }

    /// Moves (k, i, j) on to the next pair; false at the end. Rows with dist[i][k] = ∞ are left for the
    /// step that skips them.
    fn advance_pair(&mut self) -> bool {
        let n = self.n();
        self.j += 1;
        if self.j < n {
            return true;
        }
        self.j = 0;
        self.i += 1;
        if self.i < n {
            return true;
        }
        self.i = 0;
        self.k += 1;
        self.k < n
    }

    fn diagonal_negative(&self) -> Option<usize> {
        (0..self.n()).find(|&v| self.distance(v, v).is_some_and(|d| d < 0))
    }
}

impl Algorithm for FloydWarshall {
    fn step(&mut self, c: &mut Counters) -> bool {
        let n = self.n();
        self.at = match self.at {
            At::Done => return false,
            At::Start => {
                for v in 0..n {
                    self.dist[v * n + v] = Some(0);
                }
                for e in &self.graph.edges {
                    let mut set = |a: usize, b: usize| {
                        let cell = &mut self.dist[a * n + b];
                        *cell = Some(cell.map_or(e.weight, |d| d.min(e.weight)));
                    };
                    set(e.from, e.to);
                    if !self.graph.directed {
                        set(e.to, e.from);
                    }
                }
                self.negative = self.diagonal_negative();
                if n == 0 || self.negative.is_some() {
                    At::Done
                } else {
                    At::Initialised
                }
            }
            _ => {
                if !matches!(self.at, At::Initialised) && !self.advance_pair() {
                    At::Done
                } else if self.distance(self.i, self.k).is_none() {
                    // The whole row: nothing goes through k from i.
                    self.j = n - 1;
                    At::RowSkipped
                } else {
                    let (i, j, k) = (self.i, self.j, self.k);
                    match (self.distance(i, k), self.distance(k, j)) {
                        (Some(ik), Some(kj)) => {
                            c.comparisons += 1;
                            let through = ik.saturating_add(kj);
                            let before = self.distance(i, j);
                            if before.is_none_or(|d| through < d) {
                                self.dist[i * n + j] = Some(through);
                                c.relaxations += 1;
                                if i == j && through < 0 {
                                    self.negative = Some(i);
                                    At::Done
                                } else {
                                    At::Improved { before }
                                }
                            } else {
                                At::Kept
                            }
                        }
                        _ => At::Kept,
                    }
                }
            }
        };
        true
    }

    fn view(&self) -> View {
        let g = &self.graph;
        let n = g.len();
        let mut frame = Marks::new(g).frame();
        let (k, i, j) = (self.k, self.i, self.j);
        let working = matches!(self.at, At::Improved { .. } | At::Kept | At::RowSkipped);
        if working {
            frame = frame
                .node(j, NodeState::Visited)
                .node(i, NodeState::Frontier)
                .node(k, NodeState::Current);
            // Column j of the table is dist[·][j]: the cell written is (i, j), computed from row k and
            // column k.
            // A skipped row is about dist[i][k], which is ∞.
            let written = if matches!(self.at, At::RowSkipped) {
                k
            } else {
                j
            };
            frame.focus = Some(TableFocus {
                cell: (i, written),
                row: k,
                column: k,
            });
        }
        let show = |d: Option<i64>| Value::from(d).to_string();
        let (line, narration) = match self.at {
            At::Start => (0, format!("Find the shortest distance between every pair of {}.", crate::plural(n, "node", "nodes"))),
            At::Initialised => (1, "Start from the edges alone: each pair's lightest edge, 0 from a node to itself, ∞ otherwise.".to_owned()),
            At::RowSkipped => (3, format!("k = {}: {} cannot reach {}, so nothing from {} goes through it.", label(g, k), label(g, i), label(g, k), label(g, i))),
            At::Improved { before } => (
                5,
                format!(
                    "Through {}: {} → {} costs {} + {} = {}, less than {}: update it.",
                    label(g, k), label(g, i), label(g, j),
                    show(self.distance(i, k)), show(self.distance(k, j)), show(self.distance(i, j)), show(before)
                ),
            ),
            At::Kept => (
                4,
                match self.distance(k, j) {
                    None => format!("Through {}: {} cannot reach {}; dist[{}][{}] stays {}.", label(g, k), label(g, k), label(g, j), label(g, i), label(g, j), show(self.distance(i, j))),
                    Some(kj) => format!(
                        "Through {}: {} + {} is no shorter than dist[{}][{}] = {}.",
                        label(g, k), show(self.distance(i, k)), kj, label(g, i), label(g, j), show(self.distance(i, j))
                    ),
                },
            ),
            At::Done => match self.negative {
                Some(v) => {
                    frame = frame.node(v, NodeState::Path);
                    (6, format!("dist[{v}][{v}] = {} < 0: a negative cycle runs through {v}, so no shortest distances exist.", show(self.distance(v, v)), v = label(g, v)))
                }
                None => (7, format!("Every node has been tried as a stop: the table holds all {} shortest distances.", n * n)),
            },
        };
        // One column per target: row i, column "→ j" is dist[i][j].
        for target in 0..n {
            let values = (0..n)
                .map(|row| Some(Value::from(self.distance(row, target))))
                .collect();
            frame = frame.column(&format!("→ {}", label(g, target)), values);
        }
        View {
            line,
            narration,
            variables: vec![
                Variable::new("k", working.then(|| label(g, k))),
                Variable::new("i", working.then(|| label(g, i))),
                Variable::new("j", working.then(|| label(g, j))),
                Variable::new(
                    "negative cycle",
                    (self.at == At::Done).then_some(self.negative.is_some()),
                ),
            ],
            frame: Frame::Graph(frame),
        }
    }

    fn is_done(&self) -> bool {
        self.at == At::Done
    }

    fn heap_bytes(&self) -> usize {
        super::graph_bytes(&self.graph) + self.dist.len() * 16
    }
}

//! Kruskal's algorithm: take the edges from lightest to heaviest and keep each one that joins two different
//! trees, tracked by union–find (by rank, with path compression). The result is a minimum spanning forest.

use serde::{Deserialize, Serialize};

use super::{Marks, UNION_FIND_COUNTERS, UNION_FIND_WORK, UnionFind, label};
use crate::catalogue::{Card, Category, Complexity, Entry, graph_input};
use crate::graph::Graph;
use crate::legend::Key;
#[cfg(feature = "restore")]
use crate::machine::restore;
use crate::machine::{Algorithm, Run};
use crate::snapshot::{
    Counters, EdgeState, Frame, FrameKind, Item, NodeState, StructureKind, Value, Variable, View,
};

pub const PSEUDOCODE: &[&str] = &[
    "procedure Kruskal(G)",
    "  sort the edges by weight; every node is its own set",
    "  for each edge (u, v, w), lightest first",
    "    if find(u) ≠ find(v)",
    "      keep (u, v); union(u, v)",
    "    else discard it: it would close a cycle",
    "  the kept edges form a minimum spanning forest",
];

pub const CARD: Card = Card {
    id: "kruskal",
    name: "Kruskal's minimum spanning tree",
    category: Category::SpanningTrees,
    summary: "Takes edges lightest first and keeps each one that joins two different trees, tracked by union–find.",
    complexity: Complexity {
        best: "O(E log E)",
        average: "O(E log E)",
        worst: "O(E log E)",
        space: "O(V + E)",
    },
    stable: None,
    in_place: None,
    input: graph_input(super::UNDIRECTED),
    frame: FrameKind::Graph,
    legend: &[
        Key::node(NodeState::Current).said("ends of the edge"),
        Key::node(NodeState::Visited).said("in the forest"),
        Key::edge(EdgeState::Relaxed, "edge being tried"),
        Key::edge(EdgeState::Tree, "kept edge"),
        Key::edge(EdgeState::Rejected, "discarded (closes a cycle)"),
    ],
    counters: UNION_FIND_COUNTERS,
    work: UNION_FIND_WORK,
    version: 3,
};

/// Other names a learner may search the catalogue for (`catalogue::matches`), lower case.
pub const ALIASES: &[&str] = &["mst", "minimum spanning tree", "union find", "disjoint set"];

pub const ENTRY: Entry = Entry {
    card: &CARD,
    pseudocode: PSEUDOCODE,
    start: |input| {
        Box::new(Run::new(Kruskal::new(
            input.graph.expect("validated: a graph"),
        )))
    },
    #[cfg(feature = "restore")]
    restore: restore::<Kruskal>,
};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Kruskal {
    graph: Graph,
    /// Edge indices by weight (ties by index), filled at the first step.
    order: Vec<usize>,
    next: usize,
    sets: UnionFind,
    kept: Vec<bool>,
    weight: i64,
    at: At,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
enum At {
    Start,
    Sorted,
    Kept { edge: usize },
    Discarded { edge: usize },
    Done,
}

impl Kruskal {
    pub fn new(graph: Graph) -> Self {
        Kruskal {
            order: Vec::new(),
            next: 0,
            sets: UnionFind::new(graph.len()),
            kept: vec![false; graph.edges.len()],
            weight: 0,
            at: At::Start,
            graph,
        }
    }
}

impl Algorithm for Kruskal {
    fn step(&mut self, c: &mut Counters) -> bool {
        self.at = match self.at {
            At::Done => return false,
            At::Start => {
                self.order = (0..self.graph.edges.len()).collect();
                let edges = &self.graph.edges;
                self.order.sort_by(|&a, &b| {
                    c.comparisons += 1;
                    edges[a].weight.cmp(&edges[b].weight).then(a.cmp(&b))
                });
                At::Sorted
            }
            At::Sorted | At::Kept { .. } | At::Discarded { .. } => {
                match self.order.get(self.next).copied() {
                    None => At::Done,
                    Some(edge) => {
                        self.next += 1;
                        c.edges_examined += 1;
                        let e = self.graph.edges[edge];
                        let (a, b) = (self.sets.find(e.from, c), self.sets.find(e.to, c));
                        if self.sets.union(a, b, c) {
                            self.kept[edge] = true;
                            self.weight += e.weight;
                            At::Kept { edge }
                        } else {
                            At::Discarded { edge }
                        }
                    }
                }
            }
        };
        true
    }

    fn view(&self) -> View {
        let g = &self.graph;
        let mut marks = Marks::new(g);
        for (edge, kept) in self.kept.iter().enumerate() {
            if *kept {
                marks.edges[edge] = Some(EdgeState::Tree);
                marks.nodes[g.edges[edge].from] = Some(NodeState::Visited);
                marks.nodes[g.edges[edge].to] = Some(NodeState::Visited);
            }
        }
        // Every edge considered before this step's; at the end, every edge considered, so the last one
        // discarded keeps its mark.
        let considered = if self.at == At::Done {
            self.next
        } else {
            self.next.saturating_sub(1)
        };
        for &edge in &self.order[..considered] {
            if !self.kept[edge] {
                marks.edges[edge] = Some(EdgeState::Rejected);
            }
        }
        let mut frame = marks.frame();
        let edge_text = |edge: usize| {
            let e = g.edges[edge];
            format!(
                "{} – {} (weight {})",
                label(g, e.from),
                label(g, e.to),
                e.weight
            )
        };
        let kept_count = self.kept.iter().filter(|k| **k).count();
        let (line, narration) = match self.at {
            At::Start => (
                0,
                format!("Start Kruskal's algorithm on {}.", g.size_text()),
            ),
            At::Sorted => (
                1,
                format!(
                    "Sort the edges by weight ({}); each node is a tree of its own.",
                    crate::plural(g.edges.len(), "edge", "edges")
                ),
            ),
            At::Kept { edge } => {
                let e = g.edges[edge];
                frame = frame
                    .edge(edge, EdgeState::Relaxed)
                    .node(e.from, NodeState::Current)
                    .node(e.to, NodeState::Current);
                (
                    4,
                    format!(
                        "{} joins two different trees: keep it (weight so far {}).",
                        edge_text(edge),
                        self.weight
                    ),
                )
            }
            At::Discarded { edge } => {
                let e = g.edges[edge];
                frame = frame
                    .edge(edge, EdgeState::Rejected)
                    .node(e.from, NodeState::Current)
                    .node(e.to, NodeState::Current);
                (
                    5,
                    format!(
                        "{} has both ends in one tree (root {}): it would close a cycle, discard it.",
                        edge_text(edge),
                        label(g, self.sets.parent[e.from])
                    ),
                )
            }
            At::Done => (
                6,
                format!(
                    "Every edge is considered: {kept_count} kept, total weight {}.",
                    self.weight
                ),
            ),
        };
        // Lazy: the frame makes only the front items.
        let remaining = self.order[self.next.min(self.order.len())..]
            .iter()
            .map(|&edge| {
                let e = g.edges[edge];
                Item {
                    label: format!("{}–{}", label(g, e.from), label(g, e.to)),
                    key: Some(Value::Int(e.weight)),
                }
            });
        let [parent, rank] = super::union_find_columns(&self.sets, g);
        let frame = frame
            .structure("edges left", StructureKind::List, remaining)
            .column("parent", parent)
            .column("rank", rank);
        let running = !matches!(self.at, At::Start);
        View {
            line,
            narration,
            variables: vec![
                Variable::new("tree weight", running.then_some(self.weight)),
                Variable::new("edges kept", running.then_some(kept_count)),
            ],
            frame: Frame::Graph(frame),
        }
    }

    fn is_done(&self) -> bool {
        self.at == At::Done
    }

    fn heap_bytes(&self) -> usize {
        super::graph_bytes(&self.graph)
            + self.order.capacity() * 8
            + self.sets.heap_bytes()
            + self.kept.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::parse_graph;
    use crate::machine::Machine;

    #[test]
    fn the_last_edge_discarded_keeps_its_mark_at_the_end() {
        // The heaviest edge closes the triangle: it is considered last and discarded.
        let graph = parse_graph("A B 1\nB C 2\nA C 3").unwrap();
        let last = Run::new(Kruskal::new(graph)).steps().last().unwrap();
        let Frame::Graph(frame) = last.frame else {
            panic!("a graph frame")
        };
        assert_eq!(
            frame.dense_edges(3),
            [
                Some(EdgeState::Tree),
                Some(EdgeState::Tree),
                Some(EdgeState::Rejected)
            ]
        );
    }
}

//! Connected components by union–find (union by rank, path compression): every edge joins the sets of its
//! ends; the sets left are the components.

use serde::{Deserialize, Serialize};

use super::{Marks, UNION_FIND_COUNTERS, UNION_FIND_WORK, UnionFind, label};
use crate::catalogue::{Card, Category, Complexity, Entry, graph_input};
use crate::graph::Graph;
use crate::legend::Key;
#[cfg(feature = "restore")]
use crate::machine::restore;
use crate::machine::{Algorithm, Run};
use crate::snapshot::{Counters, EdgeState, Frame, FrameKind, NodeState, Variable, View};

pub const PSEUDOCODE: &[&str] = &[
    "procedure Components(G)",
    "  every node is its own set",
    "  for each edge (u, v)",
    "    a ← find(u); b ← find(v)   (compressing the paths)",
    "    if a ≠ b: union(a, b) by rank",
    "  the sets left are the connected components",
];

pub const CARD: Card = Card {
    id: "connected-components",
    name: "Connected components (union–find)",
    category: Category::Connectivity,
    summary: "Joins the sets of every edge's two ends with union by rank and path compression; the sets left are the components.",
    complexity: Complexity {
        best: "O(V + E α(V))",
        average: "O(V + E α(V))",
        worst: "O(V + E α(V))",
        space: "O(V)",
    },
    stable: None,
    in_place: None,
    input: graph_input(super::UNDIRECTED),
    frame: FrameKind::Graph,
    legend: &[
        Key::node(NodeState::Current).said("ends of the edge"),
        Key::node(NodeState::Finished).said("set representative (root)"),
        Key::node(NodeState::Visited).said("joined to a set"),
        Key::group("set"),
        Key::edge(EdgeState::Relaxed, "edge being joined"),
        Key::edge(EdgeState::Tree, "edge done"),
        Key::edge(EdgeState::Rejected, "edge within one set"),
    ],
    counters: UNION_FIND_COUNTERS,
    work: UNION_FIND_WORK,
    version: 3,
};

/// Other names a learner may search the catalogue for (`catalogue::matches`), lower case.
pub const ALIASES: &[&str] = &["union find", "disjoint set", "dsu", "components"];

pub const ENTRY: Entry = Entry {
    card: &CARD,
    pseudocode: PSEUDOCODE,
    start: |input| {
        Box::new(Run::new(Components::new(
            input.graph.expect("validated: a graph"),
        )))
    },
    #[cfg(feature = "restore")]
    restore: restore::<Components>,
};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Components {
    graph: Graph,
    sets: UnionFind,
    /// Each root's set number while its set has two nodes or more: the smallest number free when the set
    /// formed, kept through later joins (the joined set keeps the surviving root's, else the other's), so a
    /// set keeps its colour on the page and the numbers in use stay small and distinct.
    numbers: Vec<Option<u32>>,
    next: usize,
    count: usize,
    at: At,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
enum At {
    Start,
    Joined { edge: usize },
    Same { edge: usize },
    Done,
}

impl Components {
    pub fn new(graph: Graph) -> Self {
        Components {
            sets: UnionFind::new(graph.len()),
            numbers: vec![None; graph.len()],
            next: 0,
            count: graph.len(),
            at: At::Start,
            graph,
        }
    }
}

impl Components {
    /// Numbers the set just joined from the sets of roots `a` and `b`.
    fn number_joined(&mut self, a: usize, b: usize) {
        let (root, other) = if self.sets.parent[a] == a {
            (a, b)
        } else {
            (b, a)
        };
        let kept = self.numbers[root].or(self.numbers[other]);
        self.numbers[other] = None;
        self.numbers[root] =
            kept.or_else(|| (0..).find(|number| !self.numbers.contains(&Some(*number))));
    }
}

impl Algorithm for Components {
    fn step(&mut self, c: &mut Counters) -> bool {
        if self.at == At::Done {
            return false;
        }
        self.at = match self.graph.edges.get(self.next).copied() {
            None => At::Done,
            Some(e) => {
                let edge = self.next;
                self.next += 1;
                c.edges_examined += 1;
                let (a, b) = (self.sets.find(e.from, c), self.sets.find(e.to, c));
                if self.sets.union(a, b, c) {
                    self.count -= 1;
                    self.number_joined(a, b);
                    At::Joined { edge }
                } else {
                    At::Same { edge }
                }
            }
        };
        true
    }

    fn view(&self) -> View {
        let g = &self.graph;
        let mut marks = Marks::new(g);
        for edge in 0..self.next.min(g.edges.len()) {
            marks.edges[edge] = Some(EdgeState::Tree);
        }
        // Roots stand out: each is its set's representative.
        for (node, &parent) in self.sets.parent.iter().enumerate() {
            marks.nodes[node] = Some(if parent == node {
                NodeState::Finished
            } else {
                NodeState::Visited
            });
        }
        let mut frame = marks.frame();
        let (line, narration) = match self.at {
            At::Start => (
                1,
                format!(
                    "Find the connected components of {}: each node starts as its own set.",
                    g.size_text()
                ),
            ),
            At::Joined { edge } => {
                let e = g.edges[edge];
                frame = frame
                    .edge(edge, EdgeState::Relaxed)
                    .node(e.from, NodeState::Current)
                    .node(e.to, NodeState::Current);
                (
                    4,
                    format!(
                        "{} – {}: different sets, so join them ({} left).",
                        label(g, e.from),
                        label(g, e.to),
                        crate::plural(self.count, "component", "components")
                    ),
                )
            }
            At::Same { edge } => {
                let e = g.edges[edge];
                frame = frame
                    .edge(edge, EdgeState::Rejected)
                    .node(e.from, NodeState::Current)
                    .node(e.to, NodeState::Current);
                (
                    3,
                    format!(
                        "{} – {}: already in one set; nothing to join.",
                        label(g, e.from),
                        label(g, e.to)
                    ),
                )
            }
            At::Done => (
                5,
                format!(
                    "Every edge is done: {}.",
                    crate::plural(self.count, "connected component", "connected components")
                ),
            ),
        };
        let [parent, rank] = super::union_find_columns(&self.sets, g);
        let sets = &self.sets;
        let frame = frame
            .column("parent", parent)
            .column("rank", rank)
            // Each set of two nodes or more in its own colour and number.
            .groups((0..g.len()).filter_map(|node| Some((node, self.numbers[sets.root(node)]?))));
        View {
            line,
            narration,
            variables: vec![
                Variable::new("components", Some(self.count)),
                Variable::new("edge", (self.at != At::Start).then_some(self.next)),
            ],
            frame: Frame::Graph(frame),
        }
    }

    fn is_done(&self) -> bool {
        self.at == At::Done
    }

    fn heap_bytes(&self) -> usize {
        super::graph_bytes(&self.graph) + self.sets.heap_bytes() + self.numbers.len() * 8
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::parse_graph;
    use crate::machine::Machine;

    #[test]
    fn a_set_keeps_its_number_through_joins_and_a_freed_number_is_used_again() {
        // A–B and C–D form two sets; B–C joins them under A's root, freeing one number, which E–F takes.
        let graph = parse_graph("A B 1\nC D 1\nB C 1\nE F 1\nA D 1").unwrap();
        let groups: Vec<Vec<(usize, u32)>> = Run::new(Components::new(graph))
            .steps()
            .map(|snapshot| match snapshot.frame {
                Frame::Graph(frame) => frame.groups,
                _ => panic!("a graph frame"),
            })
            .collect();
        let (a, b, c, d, e, f) = (0, 1, 2, 3, 4, 5);
        assert_eq!(groups[0], [], "every node starts alone");
        assert_eq!(groups[1], [(a, 0), (b, 0)]);
        assert_eq!(groups[2], [(a, 0), (b, 0), (c, 1), (d, 1)]);
        assert_eq!(groups[3], [(a, 0), (b, 0), (c, 0), (d, 0)]);
        assert_eq!(groups[4], [(a, 0), (b, 0), (c, 0), (d, 0), (e, 1), (f, 1)]);
        assert_eq!(
            groups[5], groups[4],
            "an edge within one set changes no group"
        );
    }
}

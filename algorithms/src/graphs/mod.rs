//! Graph algorithms. Every one steps over a [`Graph`] input and draws a [`GraphFrame`]: the states of nodes
//! and edges it keeps (visited, in the tree…) plus the step's own marks, its queue, stack or heap, and a
//! per-node table. What they share is here: the counters they declare, the frame and table helpers, and the
//! path back from a goal along predecessors.

pub mod articulation;
pub mod astar;
pub mod bellman_ford;
pub mod bfs;
pub mod bipartite;
pub mod components;
pub mod cycle_directed;
pub mod dfs;
pub mod dijkstra;
pub mod floyd_warshall;
pub mod kosaraju_scc;
pub mod kruskal;
pub mod prim;
pub mod tarjan_scc;
pub mod topological_dfs;
pub mod topological_kahn;

use serde::{Deserialize, Serialize};

use crate::catalogue::{Complexity, GRAPH_RULES, GraphRules};
use crate::graph::Graph;
use crate::snapshot::{Counter, EdgeState, GraphFrame, Item, NodeState, Value};
pub(crate) use crate::union_find::UnionFind;

/// Traversals: edges looked at, queue or stack traffic, nodes visited; work in a race is edges examined
/// plus nodes visited.
pub(crate) const TRAVERSAL_COUNTERS: &[Counter] = &[
    Counter::EdgesExamined,
    Counter::Pushes,
    Counter::Pops,
    Counter::Visited,
];
pub(crate) const TRAVERSAL_WORK: &[Counter] = &[Counter::EdgesExamined, Counter::Visited];
/// Shortest paths and Prim add relaxations (distances or keys improved).
pub(crate) const PATH_COUNTERS: &[Counter] = &[
    Counter::EdgesExamined,
    Counter::Relaxations,
    Counter::Pushes,
    Counter::Pops,
    Counter::Visited,
];
pub(crate) const PATH_WORK: &[Counter] = &[Counter::EdgesExamined, Counter::Relaxations];
/// Union–find algorithms compare roots and write parents.
pub(crate) const UNION_FIND_COUNTERS: &[Counter] = &[
    Counter::EdgesExamined,
    Counter::Comparisons,
    Counter::Reads,
    Counter::Writes,
];
pub(crate) const UNION_FIND_WORK: &[Counter] = &[Counter::Reads, Counter::Writes];

/// What the linear-time traversals take: V + E time, V space.
pub(crate) const LINEAR: Complexity = Complexity {
    best: "O(V + E)",
    average: "O(V + E)",
    worst: "O(V + E)",
    space: "O(V)",
};

/// Directed graphs only, any weights (weights do not matter to the structure algorithms).
pub(crate) const DIRECTED: GraphRules = GraphRules {
    directed: Some(true),
    negative_weights: true,
    ..GRAPH_RULES
};
/// Directed graphs, first shown without cycles: what a topological sort orders.
pub(crate) const ORDERED: GraphRules = GraphRules {
    first_acyclic: true,
    ..DIRECTED
};
/// Undirected graphs only, any weights.
pub(crate) const UNDIRECTED: GraphRules = GraphRules {
    directed: Some(false),
    negative_weights: true,
    ..GRAPH_RULES
};

/// Heap bytes of neighbour lists, for the timeline's keyframe sizing.
pub(crate) fn adjacency_bytes(adjacency: &[Vec<(usize, usize)>]) -> usize {
    adjacency.iter().map(|a| a.len() * 16 + 24).sum()
}

/// The node and edge states an algorithm keeps between steps.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Marks {
    pub nodes: Vec<Option<NodeState>>,
    pub edges: Vec<Option<EdgeState>>,
}

impl Marks {
    pub fn new(graph: &Graph) -> Self {
        Marks {
            nodes: vec![None; graph.len()],
            edges: vec![None; graph.edges.len()],
        }
    }

    /// The kept states as a sparse frame, to which a step adds its own marks.
    pub fn frame(&self) -> GraphFrame {
        GraphFrame {
            nodes: sparse(&self.nodes),
            edges: sparse(&self.edges),
            ..GraphFrame::default()
        }
    }

    pub fn heap_bytes(&self) -> usize {
        self.nodes.len() + self.edges.len()
    }
}

fn sparse<T: Copy>(dense: &[Option<T>]) -> Vec<(usize, T)> {
    dense
        .iter()
        .enumerate()
        .filter_map(|(index, state)| state.map(|state| (index, state)))
        .collect()
}

pub(crate) fn label(graph: &Graph, node: usize) -> &str {
    &graph.labels[node]
}

/// Queue or stack items: node labels, made lazily (a frame keeps only the front ones).
pub(crate) fn items<'g, I>(graph: &'g Graph, nodes: I) -> impl ExactSizeIterator<Item = Item> + 'g
where
    I: IntoIterator<Item = usize>,
    I::IntoIter: ExactSizeIterator + 'g,
{
    nodes.into_iter().map(|node| Item {
        label: graph.labels[node].clone(),
        key: None,
    })
}

/// Priority-queue items: labels with their keys, smallest key (the next out) first, made lazily.
pub(crate) fn keyed_items(
    graph: &Graph,
    entries: impl IntoIterator<Item = (i64, usize)>,
) -> impl ExactSizeIterator<Item = Item> + '_ {
    let mut entries: Vec<(i64, usize)> = entries.into_iter().collect();
    entries.sort_unstable();
    entries.into_iter().map(|(key, node)| Item {
        label: graph.labels[node].clone(),
        key: Some(Value::Int(key)),
    })
}

/// A distance column: ∞ until reached.
pub(crate) fn distances(dist: &[Option<i64>]) -> Vec<Option<Value>> {
    dist.iter().map(|&d| Some(Value::from(d))).collect()
}

/// A predecessor column: the label of the node each was reached from, empty for none.
pub(crate) fn predecessors(graph: &Graph, pred: &[Option<(usize, usize)>]) -> Vec<Option<Value>> {
    pred.iter()
        .map(|p| p.map(|(node, _)| Value::Label(graph.labels[node].clone())))
        .collect()
}

/// A strongly connected components frame's answer so far: each node's component as a column, numbered
/// from 1 as the narration says it, and the finished components as groups, each in its own colour and
/// number on the page.
pub(crate) fn with_components(frame: GraphFrame, component: &[Option<u32>]) -> GraphFrame {
    frame
        .column(
            "component",
            component
                .iter()
                .map(|k| k.map(|k| Value::Int(i64::from(k) + 1)))
                .collect(),
        )
        .groups(
            component
                .iter()
                .enumerate()
                .filter_map(|(node, component)| Some((node, (*component)?))),
        )
}

/// Marks the path from the start to `goal` along predecessors (node, edge) as the answer: its edges apart
/// from the rest of the tree.
pub(crate) fn mark_path(marks: &mut Marks, pred: &[Option<(usize, usize)>], goal: usize) {
    let mut node = goal;
    marks.nodes[node] = Some(NodeState::Path);
    let mut guard = pred.len();
    while let Some((previous, edge)) = pred[node] {
        marks.edges[edge] = Some(EdgeState::Path);
        marks.nodes[previous] = Some(NodeState::Path);
        node = previous;
        guard -= 1;
        if guard == 0 {
            break;
        }
    }
}

/// A best-first search's kept states: settled nodes visited, reached ones on the frontier, the edges each
/// node was last reached by as the tree, and at the end the path to `goal` (Dijkstra, A*).
pub(crate) fn search_marks(
    graph: &Graph,
    settled: &[bool],
    reached: &[Option<i64>],
    pred: &[Option<(usize, usize)>],
    path_to: Option<usize>,
) -> Marks {
    let mut marks = Marks::new(graph);
    for (node, state) in marks.nodes.iter_mut().enumerate() {
        if settled[node] {
            *state = Some(NodeState::Visited);
        } else if reached[node].is_some() {
            *state = Some(NodeState::Frontier);
        }
    }
    for &(_, edge) in pred.iter().flatten() {
        marks.edges[edge] = Some(EdgeState::Tree);
    }
    if let Some(goal) = path_to {
        mark_path(&mut marks, pred, goal);
    }
    marks
}

/// The labels of the path from the start to `goal`, for narration: "A → C → D".
pub(crate) fn path_text(graph: &Graph, pred: &[Option<(usize, usize)>], goal: usize) -> String {
    let mut nodes = vec![goal];
    while let Some((previous, _)) = pred[*nodes.last().unwrap()] {
        if nodes.len() > pred.len() {
            break;
        }
        nodes.push(previous);
    }
    nodes
        .iter()
        .rev()
        .map(|&node| graph.labels[node].as_str())
        .collect::<Vec<_>>()
        .join(" → ")
}

/// The graph's heap bytes, for the timeline's keyframe sizing.
pub(crate) fn graph_bytes(graph: &Graph) -> usize {
    graph.labels.iter().map(|l| l.len() + 24).sum::<usize>()
        + graph.positions.len() * 8
        + graph.edges.len() * std::mem::size_of::<crate::graph::Edge>()
}

/// The union–find forest as table columns: each node's parent (by label) and rank.
pub(crate) fn union_find_columns(sets: &UnionFind, graph: &Graph) -> [Vec<Option<Value>>; 2] {
    [
        sets.parent
            .iter()
            .map(|&p| Some(Value::Label(graph.labels[p].clone())))
            .collect(),
        sets.rank
            .iter()
            .map(|&r| Some(Value::Int(i64::from(r))))
            .collect(),
    ]
}

//! Reference results for the graph family, from petgraph (an independent implementation) and, where no
//! crate fits, from brute force over the small graphs the harness generates. Each check reads only the
//! final snapshot: its per-node table, its structures and its variables, as a learner would.

pub mod grid;
pub mod tree;

use std::collections::{BTreeSet, HashMap};

use algorithms::catalogue::Entry;
use algorithms::graph::Graph;
use algorithms::{Frame, GraphFrame, Snapshot, Value};
use petgraph::Directed;
use petgraph::Undirected;
use petgraph::algo;
use petgraph::graph::{Graph as PetGraph, NodeIndex};
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;

fn frame(snapshot: &Snapshot) -> &GraphFrame {
    match &snapshot.frame {
        Frame::Graph(frame) => frame,
        other => panic!("a graph algorithm draws graph frames, not {other:?}"),
    }
}

/// A per-node column, ∞ and empty cells as `None`.
fn column(snapshot: &Snapshot, name: &str) -> Vec<Option<Value>> {
    frame(snapshot)
        .table
        .iter()
        .find(|c| c.name == name)
        .unwrap_or_else(|| panic!("no column {name}"))
        .values
        .clone()
}

fn numbers(snapshot: &Snapshot, name: &str) -> Vec<Option<i64>> {
    column(snapshot, name)
        .into_iter()
        .map(|v| match v {
            Some(Value::Int(d)) => Some(d),
            Some(Value::Infinity) | None => None,
            other => panic!("{name}: not a number: {other:?}"),
        })
        .collect()
}

fn variable(snapshot: &Snapshot, name: &str) -> Option<Value> {
    snapshot
        .variables
        .iter()
        .find(|v| v.name == name)
        .and_then(|v| v.value.clone())
}

fn int(snapshot: &Snapshot, name: &str) -> i64 {
    match variable(snapshot, name) {
        Some(Value::Int(v)) => v,
        other => panic!("{name}: {other:?}"),
    }
}

fn flag(snapshot: &Snapshot, name: &str) -> bool {
    match variable(snapshot, name) {
        Some(Value::Bool(v)) => v,
        other => panic!("{name}: {other:?}"),
    }
}

fn directed(graph: &Graph) -> PetGraph<(), i64, Directed> {
    let mut g = PetGraph::new();
    let nodes: Vec<NodeIndex> = (0..graph.len()).map(|_| g.add_node(())).collect();
    for e in &graph.edges {
        g.add_edge(nodes[e.from], nodes[e.to], e.weight);
    }
    g
}

fn undirected(graph: &Graph) -> PetGraph<(), i64, Undirected> {
    let mut g = PetGraph::new_undirected();
    let nodes: Vec<NodeIndex> = (0..graph.len()).map(|_| g.add_node(())).collect();
    for e in &graph.edges {
        g.add_edge(nodes[e.from], nodes[e.to], e.weight);
    }
    g
}

/// Shortest distances by petgraph's Dijkstra under a weight function (1 per edge: BFS levels).
fn dijkstra(graph: &Graph, weight: impl Fn(i64) -> i64) -> Vec<Option<i64>> {
    let start = NodeIndex::new(graph.start.unwrap());
    let found: HashMap<NodeIndex, i64> = if graph.directed {
        algo::dijkstra(&directed(graph), start, None, |e| weight(*e.weight()))
            .into_iter()
            .collect()
    } else {
        algo::dijkstra(&undirected(graph), start, None, |e| weight(*e.weight()))
            .into_iter()
            .collect()
    };
    (0..graph.len())
        .map(|i| found.get(&NodeIndex::new(i)).copied())
        .collect()
}

/// Shortest distances *to* `target` (over reversed edges when directed), for checking a lower bound.
fn dijkstra_from(graph: &Graph, target: usize) -> Vec<Option<i64>> {
    let mut reversed = graph.clone();
    for e in &mut reversed.edges {
        std::mem::swap(&mut e.from, &mut e.to);
    }
    reversed.start = Some(target);
    dijkstra(&reversed, |w| w)
}

/// Nodes reachable from the start.
fn reachable(graph: &Graph) -> BTreeSet<usize> {
    dijkstra(graph, |_| 1)
        .iter()
        .enumerate()
        .filter_map(|(i, d)| d.map(|_| i))
        .collect()
}

fn is_edge(graph: &Graph, from: usize, to: usize, index: Option<usize>) -> bool {
    graph.edges.iter().enumerate().any(|(i, e)| {
        index.is_none_or(|index| index == i)
            && ((e.from == from && e.to == to) || (!graph.directed && e.from == to && e.to == from))
    })
}

fn label_index(graph: &Graph, value: &Option<Value>) -> Option<usize> {
    match value {
        Some(Value::Label(label)) => graph.labels.iter().position(|l| l == label),
        None => None,
        other => panic!("not a label: {other:?}"),
    }
}

/// The minimum spanning forest's weight by petgraph (Kruskal over its own union–find).
fn forest_weight(graph: &Graph) -> i64 {
    let g = undirected(graph);
    algo::min_spanning_tree(&g)
        .filter_map(|element| match element {
            petgraph::data::Element::Edge { weight, .. } => Some(weight),
            petgraph::data::Element::Node { .. } => None,
        })
        .sum()
}

/// The partition of the nodes into components, as sets, by petgraph (SCCs of an undirected graph are
/// its connected components).
fn components(graph: &Graph) -> BTreeSet<BTreeSet<usize>> {
    algo::kosaraju_scc(&undirected(graph))
        .into_iter()
        .map(|set| set.into_iter().map(|n| n.index()).collect())
        .collect()
}

pub fn check(entry: &Entry, graph: &Graph, last: &Snapshot) -> Result<(), TestCaseError> {
    match entry.id {
        "bfs" => {
            prop_assert_eq!(numbers(last, "dist"), dijkstra(graph, |_| 1), "levels");
            check_tree(graph, last, true)?;
        }
        "dfs" => {
            let discovered = numbers(last, "discovered");
            let finished = numbers(last, "finished");
            let seen: BTreeSet<usize> = (0..graph.len())
                .filter(|&i| discovered[i].is_some())
                .collect();
            prop_assert_eq!(seen, reachable(graph), "DFS reaches what is reachable");
            // The parenthesis theorem, and every tree edge from an ancestor discovered earlier.
            for v in 0..graph.len() {
                let (Some(d), Some(f)) = (discovered[v], finished[v]) else {
                    prop_assert!(discovered[v].is_none() && finished[v].is_none());
                    continue;
                };
                prop_assert!(d < f);
                if let Some(u) = label_index(graph, &column(last, "pred")[v]) {
                    let (du, fu) = (discovered[u].unwrap(), finished[u].unwrap());
                    prop_assert!(du < d && f < fu, "{v} nests inside its parent {u}");
                    prop_assert!(is_edge(graph, u, v, None));
                }
                for w in 0..graph.len() {
                    if let (Some(dw), Some(fw)) = (discovered[w], finished[w]) {
                        let disjoint = f < dw || fw < d;
                        let nested = (d < dw && fw < f) || (dw < d && f < fw) || w == v;
                        prop_assert!(disjoint || nested, "intervals of {v} and {w} cross");
                    }
                }
            }
            // Complete: every edge out of a reached node leads to a reached node.
            for e in &graph.edges {
                let ends = if graph.directed {
                    vec![(e.from, e.to)]
                } else {
                    vec![(e.from, e.to), (e.to, e.from)]
                };
                for (u, v) in ends {
                    if discovered[u].is_some() {
                        prop_assert!(discovered[v].is_some());
                    }
                }
            }
        }
        "dijkstra" => {
            prop_assert_eq!(numbers(last, "dist"), dijkstra(graph, |w| w), "distances");
            check_tree(graph, last, false)?;
        }
        "bellman-ford" => {
            let start = NodeIndex::new(graph.start.unwrap());
            let as_float = |w: i64| w as f64;
            let reference = if graph.directed {
                algo::bellman_ford(&directed(graph).map(|_, _| (), |_, w| as_float(*w)), start)
            } else {
                algo::bellman_ford(
                    &undirected(graph).map(|_, _| (), |_, w| as_float(*w)),
                    start,
                )
            };
            match reference {
                Err(_) => prop_assert!(
                    flag(last, "negative cycle"),
                    "petgraph finds a negative cycle"
                ),
                Ok(paths) => {
                    prop_assert!(!flag(last, "negative cycle"), "no negative cycle");
                    let expected: Vec<Option<i64>> = paths
                        .distances
                        .iter()
                        .map(|d| d.is_finite().then_some(*d as i64))
                        .collect();
                    prop_assert_eq!(numbers(last, "dist"), expected, "distances");
                    check_tree(graph, last, false)?;
                }
            }
        }
        "prim" | "kruskal" => {
            prop_assert_eq!(
                int(last, "tree weight"),
                forest_weight(graph),
                "minimum spanning forest weight"
            );
            let kept = int(
                last,
                if entry.id == "prim" {
                    "tree edges"
                } else {
                    "edges kept"
                },
            );
            prop_assert_eq!(
                kept as usize,
                graph.len() - components(graph).len(),
                "a forest spans each component"
            );
        }
        "connected-components" => {
            let parents = column(last, "parent");
            // Follow parents to the root (the final table may not be fully compressed).
            let roots: Vec<usize> = (0..graph.len())
                .map(|node| {
                    (0..graph.len()).fold(node, |at, _| label_index(graph, &parents[at]).unwrap())
                })
                .collect();
            let mut sets: HashMap<usize, BTreeSet<usize>> = HashMap::new();
            for (node, root) in roots.into_iter().enumerate() {
                sets.entry(root).or_default().insert(node);
            }
            let found: BTreeSet<BTreeSet<usize>> = sets.into_values().collect();
            let expected = components(graph);
            prop_assert_eq!(int(last, "components") as usize, expected.len());
            // The page colours each set of two or more nodes; a node alone is in no group.
            let shared: BTreeSet<BTreeSet<usize>> = expected
                .iter()
                .filter(|set| set.len() > 1)
                .cloned()
                .collect();
            prop_assert_eq!(groups(last), shared, "the groups shown are the components");
            prop_assert_eq!(found, expected);
        }
        "floyd-warshall" => {
            let n = graph.len();
            let reference = if graph.directed {
                algo::floyd_warshall(&directed(graph), |e| *e.weight())
            } else {
                algo::floyd_warshall(&undirected(graph), |e| *e.weight())
            };
            // petgraph sets each node's distance to itself to 0 after reading the edges, so it does not see
            // a negative loop; a loop of negative weight is a negative cycle all the same.
            let negative_loop = graph.edges.iter().any(|e| e.from == e.to && e.weight < 0);
            match reference {
                Err(_) => prop_assert!(
                    flag(last, "negative cycle"),
                    "petgraph finds a negative cycle"
                ),
                Ok(_) if negative_loop => {
                    prop_assert!(flag(last, "negative cycle"), "a loop of negative weight")
                }
                Ok(table) => {
                    prop_assert!(!flag(last, "negative cycle"));
                    for j in 0..n {
                        let column = numbers(last, &format!("→ {}", graph.labels[j]));
                        for (i, found) in column.iter().enumerate() {
                            let expected = table
                                .get(&(NodeIndex::new(i), NodeIndex::new(j)))
                                .copied()
                                // petgraph's ∞ is i64::MAX, less what negative weights took off it.
                                .filter(|d| *d < i64::MAX / 2);
                            prop_assert_eq!(*found, expected, "dist {} → {}", i, j);
                        }
                    }
                }
            }
        }
        "astar-graph" => {
            let (start, goal) = (
                NodeIndex::new(graph.start.unwrap()),
                NodeIndex::new(graph.goal.unwrap()),
            );
            let reference = if graph.directed {
                algo::astar(
                    &directed(graph),
                    start,
                    |n| n == goal,
                    |e| *e.weight(),
                    |_| 0,
                )
                .map(|(cost, _)| cost)
            } else {
                algo::astar(
                    &undirected(graph),
                    start,
                    |n| n == goal,
                    |e| *e.weight(),
                    |_| 0,
                )
                .map(|(cost, _)| cost)
            };
            prop_assert_eq!(
                numbers(last, "g")[goal.index()],
                reference,
                "the distance to the goal"
            );
            // The estimate never overestimates what is left.
            let rest = dijkstra_from(graph, goal.index());
            for (v, h) in numbers(last, "h").iter().enumerate() {
                if let Some(rest) = rest[v] {
                    prop_assert!(h.unwrap() <= rest, "h({v}) = {h:?} > {rest}");
                }
            }
        }
        "topological-sort-kahn" | "topological-sort-dfs" => {
            let cyclic = algo::toposort(&directed(graph), None).is_err();
            prop_assert_eq!(
                flag(last, "has cycle"),
                cyclic,
                "a cycle exactly when petgraph finds one"
            );
            if !cyclic {
                let order = &frame(last)
                    .structures
                    .iter()
                    .find(|s| s.name == "order")
                    .unwrap()
                    .items;
                prop_assert_eq!(order.len(), graph.len());
                let position: HashMap<&str, usize> = order
                    .iter()
                    .enumerate()
                    .map(|(i, item)| (item.label.as_str(), i))
                    .collect();
                for e in &graph.edges {
                    prop_assert!(
                        position[graph.labels[e.from].as_str()]
                            < position[graph.labels[e.to].as_str()],
                        "edge {} → {} points backwards",
                        e.from,
                        e.to
                    );
                }
            }
        }
        "tarjan-scc" | "kosaraju-scc" => {
            let component = numbers(last, "component");
            let mut sets: HashMap<i64, BTreeSet<usize>> = HashMap::new();
            for (node, k) in component.iter().enumerate() {
                sets.entry(k.expect("every node is placed"))
                    .or_default()
                    .insert(node);
            }
            let found: BTreeSet<BTreeSet<usize>> = sets.into_values().collect();
            let expected: BTreeSet<BTreeSet<usize>> = algo::tarjan_scc(&directed(graph))
                .into_iter()
                .map(|set| set.into_iter().map(|n| n.index()).collect())
                .collect();
            prop_assert_eq!(
                groups(last),
                expected.clone(),
                "the groups shown are the components"
            );
            prop_assert_eq!(found, expected);
            prop_assert_eq!(
                int(last, "components") as usize,
                component.iter().flatten().collect::<BTreeSet<_>>().len()
            );
        }
        "cycle-detection" => {
            let cyclic = algo::is_cyclic_directed(&directed(graph));
            prop_assert_eq!(flag(last, "has cycle"), cyclic);
            let cycle = &frame(last)
                .structures
                .iter()
                .find(|s| s.name == "cycle")
                .unwrap()
                .items;
            prop_assert_eq!(cycle.is_empty(), !cyclic);
            // The cycle shown is one: an edge from each node to the next, and from the last to the first.
            let nodes: Vec<usize> = cycle
                .iter()
                .map(|i| graph.labels.iter().position(|l| *l == i.label).unwrap())
                .collect();
            for (k, &from) in nodes.iter().enumerate() {
                let to = nodes[(k + 1) % nodes.len()];
                prop_assert!(
                    is_edge(graph, from, to, None),
                    "no edge {from} → {to} in the cycle {nodes:?}"
                );
            }
        }
        "bipartite-check" => {
            let g = undirected(graph);
            let expected = components(graph).iter().all(|set| {
                algo::is_bipartite_undirected(&g, NodeIndex::new(*set.first().unwrap()))
            });
            prop_assert_eq!(flag(last, "bipartite"), expected);
            if expected {
                let side = column(last, "side");
                for e in &graph.edges {
                    prop_assert_ne!(&side[e.from], &side[e.to], "an edge within one side");
                }
            }
        }
        "articulation-points" => {
            let g = undirected(graph);
            let expected: BTreeSet<usize> = algo::articulation_points::articulation_points(&g)
                .into_iter()
                .map(|n| n.index())
                .collect();
            let listed = &frame(last)
                .structures
                .iter()
                .find(|s| s.name == "articulation points")
                .unwrap()
                .items;
            let found: BTreeSet<usize> = listed
                .iter()
                .map(|i| graph.labels.iter().position(|l| *l == i.label).unwrap())
                .collect();
            prop_assert_eq!(found, expected, "articulation points");
            // Bridges by brute force: an edge whose removal adds a component.
            let before = components(graph).len();
            let expected: usize = (0..graph.edges.len())
                .filter(|&skip| {
                    let mut without = graph.clone();
                    without.edges.remove(skip);
                    components(&without).len() > before
                })
                .count();
            prop_assert_eq!(int(last, "bridges") as usize, expected, "bridges");
        }
        other => prop_assert!(false, "no reference for {other}"),
    }
    Ok(())
}

/// Every reached node but the start has a predecessor joined to it by an edge, and its distance is the
/// predecessor's plus that edge's (one edge for BFS; weights otherwise).
/// The nodes the last frame groups together (components, sets), each group as a set of nodes.
fn groups(last: &Snapshot) -> BTreeSet<BTreeSet<usize>> {
    let mut groups: HashMap<u32, BTreeSet<usize>> = HashMap::new();
    for &(node, group) in &frame(last).groups {
        groups.entry(group).or_default().insert(node);
    }
    groups.into_values().collect()
}

fn check_tree(graph: &Graph, last: &Snapshot, unit: bool) -> Result<(), TestCaseError> {
    let dist = numbers(last, "dist");
    let pred = column(last, "pred");
    for v in 0..graph.len() {
        match label_index(graph, &pred[v]) {
            None => prop_assert!(dist[v].is_none() || graph.start == Some(v) || dist[v] == Some(0)),
            Some(u) => {
                let step = graph
                    .edges
                    .iter()
                    .filter(|e| {
                        (e.from == u && e.to == v) || (!graph.directed && e.from == v && e.to == u)
                    })
                    .map(|e| if unit { 1 } else { e.weight })
                    .min();
                prop_assert!(step.is_some(), "no edge {u} → {v}");
                prop_assert!(
                    graph.edges.iter().any(|e| {
                        ((e.from == u && e.to == v)
                            || (!graph.directed && e.from == v && e.to == u))
                            && dist[u].map(|d| d + if unit { 1 } else { e.weight }) == dist[v]
                    }),
                    "dist[{v}] is not dist[{u}] plus an edge"
                );
            }
        }
    }
    Ok(())
}

/// Random graphs for an entry: up to `max_nodes` nodes, up to twice as many edges (parallel edges and
/// self-loops included), directed or not as the entry allows, negative weights (one edge in five) only
/// where it handles them, and a start and goal.
pub fn inputs(entry: &Entry, max_nodes: usize) -> BoxedStrategy<algorithms::Input> {
    let rules = entry.input.graph.expect("a graph entry");
    (1..=max_nodes, any::<bool>(), any::<u64>())
        .prop_flat_map(move |(n, coin, seed)| {
            let directed = rules.directed.unwrap_or(coin);
            let weight = if rules.negative_weights {
                prop_oneof![4 => 0i64..=9, 1 => -6i64..=-1].boxed()
            } else {
                (0i64..=9).boxed()
            };
            (
                Just(n),
                Just(directed),
                prop::collection::vec((0..n, 0..n, weight), 0..=2 * n),
                0..n,
                0..n,
                Just(seed),
            )
        })
        .prop_map(
            |(n, directed, edges, start, goal, seed)| algorithms::Input {
                graph: Some(Graph {
                    directed,
                    labels: (0..n).map(algorithms::graph::default_label).collect(),
                    positions: algorithms::graph::circle_layout(n),
                    edges: edges
                        .into_iter()
                        .map(|(from, to, weight)| algorithms::graph::Edge { from, to, weight })
                        .collect(),
                    start: Some(start),
                    goal: Some(goal),
                }),
                seed: Some(seed),
                ..algorithms::Input::default()
            },
        )
        .boxed()
}

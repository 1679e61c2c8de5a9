//! The renderer for graph frames: the input graph drawn once as SVG at its layout's positions, with a
//! signal per node, per edge and per table cell set only when that one's state changes, so a step touches
//! only what it changed (at 200 nodes and 2,000 edges, most steps change two or three). Beside it the
//! algorithm's structures (queue, stack, heap, lists), which re-render only when their contents change,
//! and the per-node table.

use algorithms::graph::{Graph, LAYOUT_SIDE};
use algorithms::{
    EdgeState, Frame, GraphFrame, NodeState, Snapshot, Structure, StructureKind, Value,
};
use leptos::prelude::*;

/// Up to this many nodes each shows its label, and up to this many edges each its weight.
const LABELLED_NODES: usize = 80;
const LABELLED_EDGES: usize = 150;
/// Labels listed per state in the text version of the frame.
const LISTED_NODES: usize = 24;

pub fn graph_frame(snapshot: &Snapshot) -> &GraphFrame {
    static EMPTY: GraphFrame = GraphFrame {
        nodes: Vec::new(),
        edges: Vec::new(),
        structures: Vec::new(),
        table: Vec::new(),
    };
    match &snapshot.frame {
        Frame::Graph(frame) => frame,
        _ => &EMPTY,
    }
}

/// One signal per item, set only when its value changes: a step notifies just the items it changed.
fn tracked<T: Clone + PartialEq + Send + Sync + 'static>(
    snapshot: Memo<Snapshot>,
    read: impl Fn(&Snapshot) -> Vec<T> + Send + Sync + 'static,
) -> Vec<RwSignal<T>> {
    let cells: Vec<RwSignal<T>> = snapshot
        .with_untracked(&read)
        .into_iter()
        .map(RwSignal::new)
        .collect();
    let targets = cells.clone();
    Effect::new(move |_| {
        let next = snapshot.with(&read);
        for (cell, value) in targets.iter().zip(next) {
            if cell.with_untracked(|now| *now != value) {
                cell.set(value);
            }
        }
    });
    cells
}

#[component]
pub fn GraphStage(
    snapshot: Memo<Snapshot>,
    graph: Graph,
    #[prop(optional)] legend: bool,
) -> impl IntoView {
    let (n, m) = (graph.len(), graph.edges.len());
    let radius = match n {
        0..=30 => 30,
        31..=80 => 20,
        _ => 11,
    };
    let nodes = tracked(snapshot, move |s| graph_frame(s).dense_nodes(n));
    let edges = tracked(snapshot, move |s| graph_frame(s).dense_edges(m));
    let position = |node: usize| graph.positions[node];

    let edge_views = graph
        .edges
        .iter()
        .zip(edges)
        .enumerate()
        .map(|(index, (edge, state))| {
            let ((x1, y1), (x2, y2)) = (position(edge.from), position(edge.to));
            let state_name = move || state.get().map(EdgeState::name);
            let weight = (m <= LABELLED_EDGES).then(|| {
                view! {
                    <text class="weight" x=(x1 + x2) / 2 y=(y1 + y2) / 2 - 6 text-anchor="middle">{edge.weight}</text>
                }
            });
            let line = if edge.from == edge.to {
                // A self-loop: a small circle above the node.
                view! { <circle class="edge-line" cx=x1 cy=y1 - radius r=radius * 2 / 3 fill="none" /> }
                    .into_any()
            } else {
                // Directed edges stop at the target's rim so the arrowhead shows.
                let (dx, dy) = (f64::from(x2 - x1), f64::from(y2 - y1));
                let length = (dx * dx + dy * dy).sqrt().max(1.0);
                let shorten = if graph.directed { f64::from(radius) + 4.0 } else { 0.0 };
                // Whole numbers: formatting floats would link core's float printing (about 20 KB).
                let (ex, ey) = (
                    (f64::from(x2) - dx / length * shorten).round() as i32,
                    (f64::from(y2) - dy / length * shorten).round() as i32,
                );
                view! {
                    <line class="edge-line" x1=x1 y1=y1 x2=ex y2=ey
                        marker-end=graph.directed.then_some("url(#arrow)") />
                }
                .into_any()
            };
            view! {
                <g class="edge" data-testid="edge" data-index=index data-state=state_name>
                    {line}
                    {weight}
                </g>
            }
        })
        .collect_view();

    let node_views = nodes
        .iter()
        .enumerate()
        .map(|(node, &state)| {
            let (x, y) = position(node);
            let label = graph.labels[node].clone();
            let shown = (n <= LABELLED_NODES).then(|| {
                view! { <text class="node-label" x=x y=y + 6 text-anchor="middle">{label.clone()}</text> }
            });
            view! {
                <g class="node" data-testid="node" data-label=label data-state=move || state.get().map(NodeState::name)>
                    <circle cx=x cy=y r=radius />
                    {shown}
                </g>
            }
        })
        .collect_view();

    // A frame keeps each structure's front items only (`STRUCTURE_ITEMS`) and its size.
    let structures = Memo::new(move |_| snapshot.with(|s| graph_frame(s).structures.clone()));
    let structure_views =
        move || structures.with(|all| all.iter().map(structure_view).collect_view());

    let columns: Vec<String> = snapshot.with_untracked(|s| {
        graph_frame(s)
            .table
            .iter()
            .map(|c| c.name.clone())
            .collect()
    });
    // Values, not their text: a cell is written out only when it changes.
    let cells: Vec<Vec<RwSignal<Option<Value>>>> = (0..columns.len())
        .map(|column| {
            tracked(snapshot, move |s| {
                let values = graph_frame(s)
                    .table
                    .get(column)
                    .map(|c| c.values.as_slice())
                    .unwrap_or(&[]);
                (0..n)
                    .map(|node| values.get(node).cloned().flatten())
                    .collect()
            })
        })
        .collect();
    let table = (!columns.is_empty()).then(|| {
        let head = columns.iter().map(|name| view! { <th scope="col">{name.clone()}</th> }).collect_view();
        let rows = (0..n)
            .map(|node| {
                let row = cells.iter().map(|column| {
                    let cell = column[node];
                    view! { <td>{move || cell.with(|v| v.as_ref().map_or("–".to_owned(), Value::to_string))}</td> }
                });
                view! {
                    <tr data-testid="table-row"><th scope="row">{graph.labels[node].clone()}</th>{row.collect_view()}</tr>
                }
            })
            .collect_view();
        view! {
            <div class="node-table" tabindex="0" role="region" aria-label="Per-node table">
                <table data-testid="node-table">
                    <thead><tr><th scope="col">"node"</th>{head}</tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
    });

    let labels = graph.labels.clone();
    let text = move || snapshot.with(|s| describe(graph_frame(s), &labels));
    let side = LAYOUT_SIDE + 80;
    view! {
        <div class="stage graph-stage" data-testid="stage">
            <svg class="graph" data-testid="graph" viewBox=format!("-40 -40 {side} {side}") aria-hidden="true"
                class:directed=graph.directed>
                <defs>
                    <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8"
                        orient="auto-start-reverse">
                        <path d="M0 0L10 5L0 10z" class="arrowhead" />
                    </marker>
                </defs>
                <g class="edges">{edge_views}</g>
                <g class="nodes">{node_views}</g>
            </svg>
            <p class="visually-hidden" data-testid="frame-text">{text}</p>
            <div class="structures" data-testid="structures">{structure_views}</div>
            {table}
            {legend.then(graph_legend)}
        </div>
    }
}

/// A structure's front items, and how many it holds in all.
fn structure_view(structure: &Structure) -> impl IntoView + use<> {
    let total = structure.total;
    let kind = match structure.kind {
        StructureKind::Queue => "front first",
        StructureKind::Stack => "top first",
        StructureKind::PriorityQueue => "smallest first",
        StructureKind::List => "in order",
    };
    let items = structure
        .items
        .iter()
        .map(|item| {
            let key = item
                .key
                .as_ref()
                .map(|k| view! { <span class="key">{k.to_string()}</span> });
            view! { <li>{item.label.clone()}{key}</li> }
        })
        .collect_view();
    let more = total.saturating_sub(structure.items.len());
    let more = (more > 0).then(|| view! { <li class="more">{format!("+{more} more")}</li> });
    view! {
        <section class="structure" data-testid=format!("structure-{}", structure.name.replace(' ', "-"))>
            <h2>{structure.name.clone()} <span class="structure-kind">{format!(" ({kind}, {total})")}</span></h2>
            <ol>{items}{more}</ol>
        </section>
    }
}

/// The frame as text for screen readers: the nodes in each state, and the edges in the tree.
pub fn describe(frame: &GraphFrame, labels: &[String]) -> String {
    let mut parts = Vec::new();
    for state in NodeState::ALL {
        let named: Vec<&str> = frame
            .nodes
            .iter()
            .filter(|(_, s)| *s == state)
            .map(|(node, _)| labels.get(*node).map_or("?", String::as_str))
            .collect();
        if named.is_empty() {
            continue;
        }
        let more = named.len().saturating_sub(LISTED_NODES);
        let mut list = named[..named.len().min(LISTED_NODES)].join(", ");
        if more > 0 {
            list.push_str(&format!(" and {more} more"));
        }
        parts.push(format!("{}: {list}.", crate::capitalised(state.name())));
    }
    for state in EdgeState::ALL {
        let count = frame.edges.iter().filter(|(_, s)| *s == state).count();
        if count > 0 {
            parts.push(format!("{count} {} edges.", state.name()));
        }
    }
    if parts.is_empty() {
        "No node visited yet.".to_owned()
    } else {
        parts.join(" ")
    }
}

fn graph_legend() -> impl IntoView {
    let nodes = NodeState::ALL
        .iter()
        .map(|state| {
            view! {
                <li><svg viewBox="0 0 20 20" aria-hidden="true"><g class="node" data-state=state.name()><circle cx="10" cy="10" r="8" /></g></svg>
                {state.name()}</li>
            }
        })
        .collect_view();
    let edges = EdgeState::ALL
        .iter()
        .map(|state| {
            view! {
                <li><svg viewBox="0 0 28 12" aria-hidden="true"><g class="edge" data-state=state.name()><line class="edge-line" x1="2" y1="6" x2="26" y2="6" /></g></svg>
                {format!("{} edge", state.name())}</li>
            }
        })
        .collect_view();
    view! { <ul class="legend graph-legend" data-testid="legend">{nodes}{edges}</ul> }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn describes_nodes_by_state_and_counts_edges() {
        let labels: Vec<String> = ["A", "B", "C"].map(String::from).to_vec();
        let frame = GraphFrame::default()
            .node(0, NodeState::Visited)
            .node(1, NodeState::Frontier)
            .node(2, NodeState::Frontier)
            .edge(0, EdgeState::Tree);
        assert_eq!(
            describe(&frame, &labels),
            "Frontier: B, C. Visited: A. 1 tree edges."
        );
        assert_eq!(
            describe(&GraphFrame::default(), &labels),
            "No node visited yet."
        );
    }
}

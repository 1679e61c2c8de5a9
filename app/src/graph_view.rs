//! The renderer for graph frames: the input graph drawn once as SVG at its layout's positions, and per step
//! only the nodes, edges and table cells whose state changed written again, so a step touches only what it
//! changed (at 200 nodes and 2,000 edges, most steps change two or three). Beside it the algorithm's
//! structures (queue, stack, heap, lists), written again only when their contents change, and the
//! per-node table.

use algorithms::graph::{Graph, LAYOUT_SIDE};
use algorithms::{
    EdgeState, Frame, GraphFrame, Item, Key, NodeState, Shown, Snapshot, Structure, StructureKind,
    TableFocus, Value,
};
use leptos::prelude::*;

use crate::dom::{append, element};

/// Up to this many nodes each shows its label, and up to this many edges each its weight.
const LABELLED_NODES: usize = 80;
/// The group colours in the stylesheet (`.node[data-group]`).
const GROUP_COLOURS: u32 = 8;
/// The legend's swatch for groups: the first three, drawn as the graph draws grouped nodes.
const GROUP_SWATCH: &str = concat!(
    r#"<g class="node" data-state="finished" data-group="0"><circle cx="0" cy="0" r="30"></circle><text class="group-tag" x="30" y="-26">1</text></g>"#,
    r#"<g class="node" data-state="finished" data-group="1"><circle cx="84" cy="0" r="30"></circle><text class="group-tag" x="114" y="-26">2</text></g>"#,
    r#"<g class="node" data-state="finished" data-group="2"><circle cx="168" cy="0" r="30"></circle><text class="group-tag" x="198" y="-26">3</text></g>"#,
);
const LABELLED_EDGES: usize = 150;
/// Labels listed per state in the text version of the frame.
const LISTED_NODES: usize = 24;

pub fn graph_frame(snapshot: &Snapshot) -> &GraphFrame {
    static EMPTY: GraphFrame = GraphFrame {
        nodes: Vec::new(),
        edges: Vec::new(),
        structures: Vec::new(),
        table: Vec::new(),
        focus: None,
        groups: Vec::new(),
    };
    match &snapshot.frame {
        Frame::Graph(frame) => frame,
        _ => &EMPTY,
    }
}

/// `data-state` set, or removed for `None`, on the items whose state changed since `shown`.
fn show_states<T: Copy + PartialEq>(
    items: &[web_sys::Element],
    shown: &mut [Option<T>],
    next: &[Option<T>],
    name: impl Fn(T) -> &'static str,
) {
    for ((item, shown), &next) in items.iter().zip(shown.iter_mut()).zip(next) {
        if *shown != next {
            let _ = match next {
                Some(state) => item.set_attribute("data-state", name(state)),
                None => item.remove_attribute("data-state"),
            };
            *shown = next;
        }
    }
}

/// The drawing's elements, made once per run, and what each shows now.
struct Drawn {
    nodes: Vec<web_sys::Element>,
    edges: Vec<web_sys::Element>,
    cells: Vec<Vec<web_sys::Element>>,
    node_states: Vec<Option<NodeState>>,
    edge_states: Vec<Option<EdgeState>>,
    /// Each node's group number beside it (made only for an algorithm that shows groups), and the group
    /// each node shows now.
    tags: Vec<web_sys::Element>,
    node_groups: Vec<Option<u32>>,
    values: Vec<Vec<Option<Value>>>,
    /// The table cells marked as the step's focus, as (column, row).
    focused: Vec<(usize, usize)>,
    /// Found once: a query per step would walk every node and edge drawn before it.
    panel: web_sys::Element,
    structures: Vec<StructureView>,
}

/// The graph drawn once with the DOM's own calls (a Leptos view per node and edge costs far more code for
/// the same result), then, per step, only the attributes and texts that changed are written.
fn draw(graph: &Graph, parts: &web_sys::Element, first: &GraphFrame, grouped: bool) -> Drawn {
    let (n, m) = (graph.len(), graph.edges.len());
    let radius = match n {
        0..=30 => 30,
        31..=80 => 20,
        _ => 11,
    };
    let find = |selector: &str| {
        parts
            .query_selector(selector)
            .ok()
            .flatten()
            .expect("the stage's parts")
    };
    let (edge_group, node_group) = (find("g.edges"), find("g.nodes"));
    let position = |node: usize| graph.positions[node];
    // Two edges in opposite directions are drawn apart, each shifted to its own right, so both lines and
    // both weights show.
    let pairs: std::collections::HashSet<(usize, usize)> =
        graph.edges.iter().map(|e| (e.from, e.to)).collect();
    let apart =
        |from: usize, to: usize| graph.directed && from != to && pairs.contains(&(to, from));
    let edges = graph
        .edges
        .iter()
        .enumerate()
        .map(|(index, edge)| {
            let item = element(
                true,
                "g",
                &[
                    ("class", "edge"),
                    ("data-testid", "edge"),
                    ("data-index", &index.to_string()),
                ],
            );
            let ((x1, y1), (x2, y2)) = (position(edge.from), position(edge.to));
            let line = if edge.from == edge.to {
                // A self-loop: a small circle above the node.
                element(
                    true,
                    "circle",
                    &[
                        ("class", "edge-line"),
                        ("cx", &x1.to_string()),
                        ("cy", &(y1 - radius).to_string()),
                        ("r", &(radius * 2 / 3).to_string()),
                        ("fill", "none"),
                    ],
                )
            } else {
                // Directed edges stop at the target's rim so the arrowhead shows.
                let (dx, dy) = (f64::from(x2 - x1), f64::from(y2 - y1));
                let length = (dx * dx + dy * dy).sqrt().max(1.0);
                let (x1, y1, x2, y2) = if apart(edge.from, edge.to) {
                    let (sx, sy) = shift(dx, dy, length, f64::from(radius) / 3.0);
                    (x1 + sx, y1 + sy, x2 + sx, y2 + sy)
                } else {
                    (x1, y1, x2, y2)
                };
                let shorten = if graph.directed {
                    f64::from(radius) + 4.0
                } else {
                    0.0
                };
                // Whole numbers: formatting floats would link core's float printing (about 20 KB).
                let (ex, ey) = (
                    (f64::from(x2) - dx / length * shorten).round() as i32,
                    (f64::from(y2) - dy / length * shorten).round() as i32,
                );
                let line = element(
                    true,
                    "line",
                    &[
                        ("class", "edge-line"),
                        ("x1", &x1.to_string()),
                        ("y1", &y1.to_string()),
                        ("x2", &ex.to_string()),
                        ("y2", &ey.to_string()),
                    ],
                );
                if graph.directed {
                    let _ = line.set_attribute("marker-end", "url(#arrow)");
                }
                line
            };
            append(&item, &line);
            if m <= LABELLED_EDGES {
                // Beside its own line when the edge is drawn apart from its reverse.
                let (lx, ly) = if apart(edge.from, edge.to) {
                    let (dx, dy) = (f64::from(x2 - x1), f64::from(y2 - y1));
                    shift(dx, dy, (dx * dx + dy * dy).sqrt().max(1.0), 22.0)
                } else {
                    (0, 0)
                };
                let weight = element(
                    true,
                    "text",
                    &[
                        ("class", "weight"),
                        ("x", &((x1 + x2) / 2 + lx).to_string()),
                        ("y", &((y1 + y2) / 2 - 6 + ly).to_string()),
                        ("text-anchor", "middle"),
                    ],
                );
                weight.set_text_content(Some(&edge.weight.to_string()));
                append(&item, &weight);
            }
            append(&edge_group, &item);
            item
        })
        .collect();
    let nodes = (0..n)
        .map(|node| {
            let (x, y) = position(node);
            let (x, y) = (x.to_string(), y.to_string());
            let label = &graph.labels[node];
            let item = element(
                true,
                "g",
                &[
                    ("class", "node"),
                    ("data-testid", "node"),
                    ("data-label", label),
                ],
            );
            // The start and the goal are ringed from the first step (solid and dashed), apart from any
            // state the run gives them.
            let role = if graph.start == Some(node) {
                Some("start")
            } else if graph.goal == Some(node) {
                Some("goal")
            } else {
                None
            };
            if let Some(role) = role {
                append(
                    &item,
                    &element(
                        true,
                        "circle",
                        &[
                            ("class", "role-ring"),
                            ("data-role", role),
                            ("cx", &x),
                            ("cy", &y),
                            ("r", &(radius + 9).to_string()),
                        ],
                    ),
                );
            }
            append(
                &item,
                &element(
                    true,
                    "circle",
                    &[("cx", &x), ("cy", &y), ("r", &radius.to_string())],
                ),
            );
            if n <= LABELLED_NODES {
                let text = element(
                    true,
                    "text",
                    &[
                        ("class", "node-label"),
                        ("x", &x),
                        ("y", &(position(node).1 + 6).to_string()),
                        ("text-anchor", "middle"),
                    ],
                );
                text.set_text_content(Some(label));
                append(&item, &text);
            }
            append(&node_group, &item);
            item
        })
        .collect();
    // A group's number goes above and right of each of its nodes: the group said without colour.
    let tags = if grouped {
        let nodes: &Vec<web_sys::Element> = &nodes;
        nodes
            .iter()
            .enumerate()
            .map(|(node, item)| {
                let (x, y) = position(node);
                let tag = element(
                    true,
                    "text",
                    &[
                        ("class", "group-tag"),
                        ("x", &(x + radius).to_string()),
                        ("y", &(y - radius + 4).to_string()),
                    ],
                );
                append(item, &tag);
                tag
            })
            .collect()
    } else {
        Vec::new()
    };

    // The per-node table, its columns those of the run's first frame.
    let cells = if first.table.is_empty() {
        Vec::new()
    } else {
        let region = element(
            false,
            "div",
            &[
                ("class", "node-table"),
                ("tabindex", "0"),
                ("role", "region"),
                ("aria-label", "Per-node table"),
            ],
        );
        let table = element(false, "table", &[("data-testid", "node-table")]);
        let head = element(false, "tr", &[]);
        for name in std::iter::once("node").chain(first.table.iter().map(|c| c.name.as_str())) {
            let th = element(false, "th", &[("scope", "col")]);
            th.set_text_content(Some(name));
            append(&head, &th);
        }
        let thead = element(false, "thead", &[]);
        append(&thead, &head);
        let body = element(false, "tbody", &[]);
        let mut cells = vec![Vec::with_capacity(n); first.table.len()];
        for label in &graph.labels {
            let row = element(false, "tr", &[("data-testid", "table-row")]);
            let th = element(false, "th", &[("scope", "row")]);
            th.set_text_content(Some(label));
            append(&row, &th);
            for column in &mut cells {
                let td = element(false, "td", &[]);
                td.set_text_content(Some("–"));
                append(&row, &td);
                column.push(td);
            }
            append(&body, &row);
        }
        append(&table, &thead);
        append(&table, &body);
        append(&region, &table);
        append(&find("div.table-slot"), &region);
        cells
    };
    Drawn {
        values: vec![vec![None; n]; cells.len()],
        focused: Vec::new(),
        panel: find("div.structures"),
        structures: Vec::new(),
        nodes,
        edges,
        cells,
        node_states: vec![None; n],
        edge_states: vec![None; m],
        node_groups: vec![None; tags.len()],
        tags,
    }
}

/// `by` units to the right of the direction (dx, dy) of length `length`, in whole units.
fn shift(dx: f64, dy: f64, length: f64, by: f64) -> (i32, i32) {
    (
        (-dy / length * by).round() as i32,
        (dx / length * by).round() as i32,
    )
}

impl Drawn {
    /// Marks the table cells a step works on: the cell it writes (`data-focus="cell"`) and the row and
    /// column it reads (`"line"`). Only the cells whose mark changes are written.
    fn show_focus(&mut self, focus: Option<TableFocus>) {
        let mut next = Vec::new();
        if let Some(TableFocus { cell, row, column }) = focus {
            let rows = self.nodes.len();
            next.extend((0..self.cells.len()).map(|c| (c, row, "line")));
            next.extend((0..rows).map(|r| (column, r, "line")));
            next.retain(|&(c, r, _)| (r, c) != cell);
            next.push((cell.1, cell.0, "cell"));
        }
        let cell = |(c, r): (usize, usize)| self.cells.get(c).and_then(|column| column.get(r));
        for &at in &self.focused {
            if !next.iter().any(|&(c, r, _)| (c, r) == at)
                && let Some(td) = cell(at)
            {
                let _ = td.remove_attribute("data-focus");
            }
        }
        for &(c, r, kind) in &next {
            if let Some(td) = cell((c, r))
                && td.get_attribute("data-focus").as_deref() != Some(kind)
            {
                let _ = td.set_attribute("data-focus", kind);
            }
        }
        self.focused = next.into_iter().map(|(c, r, _)| (c, r)).collect();
    }

    /// Writes what `frame` changed since the last frame shown.
    fn show(&mut self, frame: &GraphFrame) {
        let (n, m) = (self.nodes.len(), self.edges.len());
        show_states(
            &self.nodes,
            &mut self.node_states,
            &frame.dense_nodes(n),
            NodeState::name,
        );
        show_states(
            &self.edges,
            &mut self.edge_states,
            &frame.dense_edges(m),
            EdgeState::name,
        );
        if !self.tags.is_empty() {
            let mut groups = vec![None; n];
            for &(node, group) in &frame.groups {
                if let Some(slot) = groups.get_mut(node) {
                    *slot = Some(group);
                }
            }
            for (node, (shown, next)) in self.node_groups.iter_mut().zip(groups).enumerate() {
                if *shown != next {
                    // Eight colours in turn; the number tells groups of one colour apart.
                    let _ = match next {
                        Some(group) => self.nodes[node]
                            .set_attribute("data-group", &(group % GROUP_COLOURS).to_string()),
                        None => self.nodes[node].remove_attribute("data-group"),
                    };
                    self.tags[node].set_text_content(next.map(|g| (g + 1).to_string()).as_deref());
                    *shown = next;
                }
            }
        }
        for ((cells, shown), column) in self.cells.iter().zip(&mut self.values).zip(&frame.table) {
            for ((cell, shown), node) in cells.iter().zip(shown.iter_mut()).zip(0..) {
                // Compared in place; a value is copied only when it changed.
                let next = column.values.get(node).and_then(Option::as_ref);
                if shown.as_ref() != next {
                    cell.set_text_content(Some(&next.map_or("–".to_owned(), Value::to_string)));
                    *shown = next.cloned();
                }
            }
        }
        self.show_focus(frame.focus);
        // A frame keeps each structure's front items only (`STRUCTURE_ITEMS`) and its size; they are
        // written again only when they change.
        let same_structures = self.structures.len() == frame.structures.len()
            && self
                .structures
                .iter()
                .zip(&frame.structures)
                .all(|(view, next)| view.shown.name == next.name);
        if same_structures {
            for (view, next) in self.structures.iter_mut().zip(&frame.structures) {
                view.show(next);
            }
        } else {
            self.panel.set_text_content(None);
            self.structures = frame
                .structures
                .iter()
                .map(|next| StructureView::new(next, &self.panel))
                .collect();
        }
    }
}

#[component]
pub fn GraphStage(
    snapshot: Memo<Snapshot>,
    graph: Graph,
    legend: Option<&'static [Key]>,
    /// Whether the start and the goal are ringed: only where the algorithm uses them.
    roles: (bool, bool),
    /// Whether the run shows groups of nodes (components, sets).
    grouped: bool,
) -> impl IntoView {
    let graph = Graph {
        start: graph.start.filter(|_| roles.0),
        goal: graph.goal.filter(|_| roles.1),
        ..graph
    };
    let parts = NodeRef::<leptos::html::Div>::new();
    let drawn: StoredValue<Option<Drawn>, LocalStorage> = StoredValue::new_local(None);
    let directed = graph.directed;
    let labels = graph.labels.clone();
    let roles = [("Start", graph.start), ("goal", graph.goal)]
        .into_iter()
        .filter_map(|(role, node)| Some(format!("{role}: {}. ", labels.get(node?)?)))
        .collect::<String>();
    let (has_start, has_goal) = (graph.start.is_some(), graph.goal.is_some());
    Effect::new(move |_| {
        let Some(parts) = parts.get() else { return };
        snapshot.with(|s| {
            let frame = graph_frame(s);
            drawn.update_value(|drawn| {
                drawn
                    .get_or_insert_with(|| draw(&graph, &parts, frame, grouped))
                    .show(frame);
            });
        });
    });
    let text = move || snapshot.with(|s| describe(graph_frame(s), &labels));
    let side = LAYOUT_SIDE + 80;
    view! {
        <div class="stage graph-stage" data-testid="stage" node_ref=parts>
            <svg class="graph" data-testid="graph" viewBox=format!("-40 -40 {side} {side}") aria-hidden="true"
                class:directed=directed>
                <defs>
                    <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8"
                        orient="auto-start-reverse">
                        <path d="M0 0L10 5L0 10z" class="arrowhead" />
                    </marker>
                </defs>
                <g class="edges"></g>
                <g class="nodes"></g>
            </svg>
            <p class="visually-hidden" data-testid="frame-text">{roles}{text}</p>
            <div class="structures" data-testid="structures"></div>
            <div class="table-slot"></div>
            {legend.map(|keys| graph_legend(keys, has_start, has_goal))}
        </div>
    }
}

fn kind_text(structure: &Structure) -> String {
    let kind = match structure.kind {
        StructureKind::Queue => "front first",
        StructureKind::Stack => "top first",
        StructureKind::PriorityQueue => "smallest first",
        StructureKind::List => "in order",
    };
    format!(" ({kind}, {})", structure.total)
}

/// An item's label, and its key for a priority queue.
fn fill(entry: &web_sys::Element, item: &Item) {
    entry.set_text_content(Some(&item.label));
    if let Some(key) = &item.key {
        let span = element(false, "span", &[("class", "key")]);
        span.set_text_content(Some(&key.to_string()));
        append(entry, &span);
    }
}

/// A structure as drawn: its front items, and how many it holds in all. A step rewrites only the items
/// that changed (a heap's push or pop moves a few), as a re-rendered list would not.
struct StructureView {
    kind: web_sys::Element,
    list: web_sys::Element,
    items: Vec<web_sys::Element>,
    /// "+n more", last in the list, empty and hidden while everything fits.
    more: web_sys::Element,
    shown: Structure,
}

impl StructureView {
    fn new(structure: &Structure, panel: &web_sys::Element) -> Self {
        let testid = format!("structure-{}", structure.name.replace(' ', "-"));
        let section = element(
            false,
            "section",
            &[("class", "structure"), ("data-testid", &testid)],
        );
        let heading = element(false, "h2", &[]);
        heading.set_text_content(Some(&structure.name));
        let kind = element(false, "span", &[("class", "structure-kind")]);
        append(&heading, &kind);
        let list = element(false, "ol", &[]);
        let more = element(false, "li", &[("class", "more"), ("hidden", "")]);
        append(&list, &more);
        append(&section, &heading);
        append(&section, &list);
        append(panel, &section);
        let mut view = StructureView {
            kind,
            list,
            items: Vec::new(),
            more,
            shown: Structure {
                items: Vec::new(),
                total: usize::MAX,
                ..structure.clone()
            },
        };
        view.show(structure);
        view
    }

    fn show(&mut self, next: &Structure) {
        if self.shown == *next {
            return;
        }
        if (self.shown.kind, self.shown.total) != (next.kind, next.total) {
            self.kind.set_text_content(Some(&kind_text(next)));
        }
        for (at, item) in next.items.iter().enumerate() {
            if at == self.items.len() {
                let entry = element(false, "li", &[]);
                let _ = self.list.insert_before(&entry, Some(&self.more));
                self.items.push(entry);
            } else if self.shown.items.get(at) == Some(item) {
                continue;
            }
            fill(&self.items[at], item);
        }
        for entry in self.items.drain(next.items.len()..) {
            entry.remove();
        }
        let more = next.total.saturating_sub(next.items.len());
        if more != self.shown.total.saturating_sub(self.shown.items.len()) {
            if more > 0 {
                self.more.set_text_content(Some(&format!("+{more} more")));
                let _ = self.more.remove_attribute("hidden");
            } else {
                self.more.set_text_content(None);
                let _ = self.more.set_attribute("hidden", "");
            }
        }
        self.shown.clone_from(next);
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
            let kind = state.name();
            parts.push(format!(
                "{}.",
                algorithms::plural(count, &format!("{kind} edge"), &format!("{kind} edges"))
            ));
        }
    }
    // Group numbers in use are small (a page shows a few groups): each in turn, without sorting.
    let most = frame.groups.iter().map(|&(_, g)| g + 1).max().unwrap_or(0);
    for group in 0..most {
        let named: Vec<&str> = frame
            .groups
            .iter()
            .filter(|(_, g)| *g == group)
            .map(|(node, _)| labels.get(*node).map_or("?", String::as_str))
            .collect();
        if !named.is_empty() {
            parts.push(format!("Group {}: {}.", group + 1, named.join(", ")));
        }
    }
    if parts.is_empty() {
        "No node visited yet.".to_owned()
    } else {
        parts.join(" ")
    }
}

/// The card's legend: each swatch is a node or an edge drawn with the classes, state and size (in the
/// drawing's units) of the graph's own marks, so it looks exactly like them.
fn graph_legend(keys: &'static [Key], start: bool, goal: bool) -> impl IntoView {
    let roles = [("start", start), ("goal", goal)]
        .into_iter()
        .filter(|(_, shown)| *shown)
        .map(|(role, _)| {
            view! {
                <li><svg viewBox="-44 -44 88 88" aria-hidden="true"><g class="node"><circle class="role-ring" data-role=role cx="0" cy="0" r="39" /><circle cx="0" cy="0" r="30" /></g></svg>{role}</li>
            }
        })
        .collect_view();
    let items = keys
        .iter()
        .map(|key| {
            let swatch = match key.shown {
                Shown::Edge(state) => view! {
                    <svg viewBox="0 -12 84 24" aria-hidden="true"><g class="edge" data-state=state.name()><line class="edge-line" x1="4" y1="0" x2="80" y2="0" /></g></svg>
                }
                .into_any(),
                // Three groups' colours and numbers, as the nodes show them (markup written once: a view
                // per node costs more code than the words).
                Shown::Group => {
                    return view! {
                        <li><svg viewBox="-34 -48 244 82" aria-hidden="true" inner_html=GROUP_SWATCH></svg>{key.words}"s: each its own colour and number"</li>
                    }
                    .into_any();
                }
                shown => view! {
                    <svg viewBox="-36 -36 72 72" aria-hidden="true"><g class="node" data-state=shown.name()><circle cx="0" cy="0" r="30" /></g></svg>
                }
                .into_any(),
            };
            view! { <li>{swatch}{key.words}</li> }.into_any()
        })
        .collect_view();
    view! { <ul class="legend graph-legend" data-testid="legend">{items}{roles}</ul> }
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
            "Frontier: B, C. Visited: A. 1 tree edge."
        );
        assert_eq!(
            describe(&GraphFrame::default(), &labels),
            "No node visited yet."
        );
        let grouped =
            GraphFrame::default()
                .node(2, NodeState::Finished)
                .groups([(0, 1), (2, 0), (1, 1)]);
        assert_eq!(
            describe(&grouped, &labels),
            "Finished: C. Group 1: C. Group 2: A, B."
        );
    }
}

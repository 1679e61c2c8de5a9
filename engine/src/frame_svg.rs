//! The exported image of a frame: a standalone SVG document with the step in the title and the narration
//! beneath. An array frame is its bars in their mark colours (values on them when few); a graph frame is
//! its nodes and edges in their state colours, with the algorithm's structures and table beside it. It
//! lives with the family's tools module, fetched when a learner exports a frame, so no page carries it.

use std::fmt::Write;

#[cfg(feature = "trees")]
use algorithms::kinds::tree::{TreeFrame, TreeMark};
use algorithms::{ArrayFrame, Frame, Input, Mark, Snapshot};
#[cfg(feature = "grids")]
use algorithms::{CellState, GridFrame};
#[cfg(feature = "graphs")]
use algorithms::{EdgeState, GraphFrame, NodeState, StructureKind};

pub const WIDTH: u32 = 800;
pub const HEIGHT: u32 = 360;
/// Graph images are taller: the drawing is square.
pub const GRAPH_HEIGHT: u32 = 640;
/// Bars with their values written on them, as on the page.
const LABELLED_BARS: usize = 32;

/// The palette the pages' stylesheet uses (its light theme is the first `:root` block): images take
/// their colours from the same file, so an exported frame looks like the page.
const PALETTE: &str = include_str!("../../style/palette.css");

/// The light theme's value of the palette token `--{token}`.
fn colour(token: &str) -> &'static str {
    let light = PALETTE
        .split_once(":root {")
        .and_then(|(_, rest)| rest.split_once('}'))
        .map_or("", |(block, _)| block);
    let name = format!("--{token}:");
    light
        .find(&name)
        .map(|at| &light[at + name.len()..])
        .and_then(|rest| rest.split_once(';'))
        .map(|(value, _)| value.trim())
        .unwrap_or_else(|| panic!("style/palette.css has no --{token}"))
}

/// The fill and edge tokens of each mark, as `style/main.css` draws them.
fn mark_colours(mark: Option<Mark>) -> (&'static str, &'static str) {
    let token = match mark {
        None => "bar",
        Some(Mark::Compared) => "mark-compared",
        Some(Mark::Swapped) => "mark-swapped",
        Some(Mark::Written) => "mark-written",
        Some(Mark::Pivot) => "mark-pivot",
        Some(Mark::Sorted) => "mark-sorted",
        Some(Mark::Found) => "mark-found",
        Some(Mark::Eliminated) => "mark-eliminated",
    };
    (colour(token), colour(&format!("{token}-edge")))
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// `snapshot` drawn with the run's `input`: the bars to the scale of its values (fixed across steps), or
/// the graph whose node and edge states the frame holds.
pub fn frame_svg(snapshot: &Snapshot, input: &Input, title: &str) -> Result<String, String> {
    match &snapshot.frame {
        Frame::Array(frame) => Ok(array_svg(snapshot, frame, &input.values, title)),
        #[cfg(feature = "graphs")]
        Frame::Graph(frame) => match &input.graph {
            Some(graph) => Ok(graph_svg(snapshot, frame, graph, title)),
            None => Err("a graph frame needs the run's graph".into()),
        },
        #[cfg(feature = "grids")]
        Frame::Grid(frame) => match &input.grid {
            Some(grid) if grid.len() == frame.cells.len() => {
                Ok(grid_svg(snapshot, frame, grid, title))
            }
            _ => Err("a grid frame needs the run's grid".into()),
        },
        #[cfg(feature = "trees")]
        Frame::Tree(frame) => Ok(tree_svg(snapshot, frame, title)),
        // A graph frame in a build without the graph family's drawing.
        #[allow(unreachable_patterns)]
        _ => Err("this module does not draw this kind of frame".into()),
    }
}

/// The fill, edge and ink tokens of a tree node's mark, as `style/tree.css` draws them.
#[cfg(feature = "trees")]
fn tree_mark_token(mark: Option<TreeMark>) -> Option<&'static str> {
    mark.map(|mark| match mark {
        TreeMark::Path => "mark-written",
        TreeMark::Current => "mark-compared",
        TreeMark::Found => "mark-found",
        TreeMark::Inserted => "mark-sorted",
        TreeMark::Moving => "mark-swapped",
    })
}

/// A tree frame at the page's tidy-layout places (the same units as `app/src/tree_view.rs`), the
/// operation under way above it and the narration beneath; an image at least [`WIDTH`] wide.
#[cfg(feature = "trees")]
fn tree_svg(snapshot: &Snapshot, frame: &TreeFrame, title: &str) -> String {
    const UNIT: u32 = 32;
    const LEVEL: u32 = 88;
    const RADIUS: u32 = 27;
    const MARGIN: u32 = 40;
    // Room for the title and the operation above the tree, and for the narration below it.
    const TOP: u32 = 64;
    const BOTTOM: u32 = 40;
    let (fg, panel) = (colour("fg"), colour("panel"));
    let columns = frame.nodes.iter().map(|node| node.x).max().unwrap_or(0);
    let levels = frame.nodes.iter().map(|node| node.depth).max().unwrap_or(0);
    let width = WIDTH.max(2 * MARGIN + columns * UNIT);
    let height = TOP + 2 * MARGIN + levels * LEVEL + BOTTOM;
    let at = |x: u32, depth: u32| (MARGIN + x * UNIT, TOP + MARGIN + depth * LEVEL);
    let mut svg = format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="system-ui, sans-serif"><rect width="100%" height="100%" fill="{panel}"/><text x="16" y="24" font-size="16" font-weight="600" fill="{fg}">{} — step {}</text>"##,
        escape(title),
        snapshot.step
    );
    if let Some(operation) = &frame.operation {
        let waiting = frame
            .pending
            .map(|key| format!(": {key} waits to be placed"))
            .unwrap_or_default();
        let _ = write!(
            svg,
            r##"<text x="16" y="48" font-size="14" font-family="ui-monospace, monospace" fill="{fg}">{}{waiting}</text>"##,
            escape(operation)
        );
    }
    let changed: Vec<u32> = frame.changed.iter().filter_map(|c| c.child).collect();
    for node in &frame.nodes {
        for child in [node.left, node.right].into_iter().flatten() {
            let Some(child) = frame.node(child) else {
                continue;
            };
            let ((x1, y1), (x2, y2)) = (at(node.x, node.depth), at(child.x, child.depth));
            let (stroke, width, dash) = if changed.contains(&child.id) {
                (colour("accent"), 6, r#" stroke-dasharray="10 5""#)
            } else {
                (colour("mark-eliminated-edge"), 3, "")
            };
            let _ = write!(
                svg,
                r#"<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke="{stroke}" stroke-width="{width}"{dash}/>"#
            );
        }
    }
    for node in &frame.nodes {
        let mark = frame
            .marks
            .iter()
            .find(|(id, _)| *id == node.id)
            .map(|&(_, mark)| mark);
        let (fill, edge, ink) = match tree_mark_token(mark) {
            Some(token) => (
                colour(token),
                colour(&format!("{token}-edge")),
                colour(&format!("{token}-ink")),
            ),
            None => (panel, colour("mark-eliminated-edge"), fg),
        };
        let (x, y) = at(node.x, node.depth);
        let _ = write!(
            svg,
            r##"<circle cx="{x}" cy="{y}" r="{RADIUS}" fill="{fill}" stroke="{edge}" stroke-width="4"/><text x="{x}" y="{y}" dy="0.35em" font-size="22" font-weight="600" text-anchor="middle" fill="{ink}">{}</text>"##,
            node.key
        );
    }
    let _ = write!(
        svg,
        r##"<text x="16" y="{}" font-size="14" fill="{fg}">{}</text></svg>"##,
        height - 16,
        escape(&snapshot.narration)
    );
    svg
}

fn array_svg(snapshot: &Snapshot, frame: &ArrayFrame, values: &[i64], title: &str) -> String {
    let (fg, panel) = (colour("fg"), colour("panel"));
    let marks = frame.dense_marks();
    let n = frame.values.len().max(1);
    let low = values.iter().copied().min().unwrap_or(0).min(0);
    let high = values.iter().copied().max().unwrap_or(0);
    let span = (high - low).max(1) as f64;
    let (width, height) = (f64::from(WIDTH), f64::from(HEIGHT));
    let (top, base) = (36.0, height - 56.0);
    let slot = (width - 32.0) / n as f64;
    let mut svg = format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}" font-family="system-ui, sans-serif"><rect width="100%" height="100%" fill="{panel}"/><text x="16" y="24" font-size="16" font-weight="600" fill="{fg}">{} — step {}</text>"##,
        escape(title),
        snapshot.step
    );
    for (i, &value) in frame.values.iter().enumerate() {
        let (fill, edge) = mark_colours(marks[i]);
        let h = 4.0 + (base - top - 4.0) * (value - low) as f64 / span;
        let x = 16.0 + slot * i as f64;
        let _ = write!(
            svg,
            r#"<rect x="{:.2}" y="{:.2}" width="{:.2}" height="{:.2}" rx="2" fill="{fill}" stroke="{edge}"/>"#,
            x + slot * 0.06,
            base - h,
            slot * 0.88,
            h,
        );
        if n <= LABELLED_BARS {
            let _ = write!(
                svg,
                r##"<text x="{:.2}" y="{:.2}" font-size="11" text-anchor="middle" fill="{fg}">{value}</text>"##,
                x + slot / 2.0,
                base - h - 4.0
            );
        }
    }
    let _ = write!(
        svg,
        r##"<text x="16" y="{}" font-size="14" fill="{fg}">{}</text></svg>"##,
        HEIGHT - 22,
        escape(&snapshot.narration)
    );
    svg
}

/// The fill of each cell state, as the page's grid paints it (`app/src/grid_view.rs`); an open cell is
/// shaded by its cost.
#[cfg(feature = "grids")]
fn cell_fill(state: CellState, cost: u8) -> String {
    let token = match state {
        CellState::Open => {
            let shade = 255 - u32::from(cost.saturating_sub(1)) * 16;
            return format!("#{shade:02x}{shade:02x}{shade:02x}");
        }
        CellState::Wall => "cell-wall",
        CellState::Frontier => "mark-compared",
        CellState::Visited => "bar",
        CellState::Current => "mark-swapped",
        CellState::Examined => "mark-pivot",
        CellState::Path => "mark-sorted",
        CellState::GoalFrontier => "mark-written",
        CellState::GoalVisited => "mark-found",
    };
    colour(token).to_owned()
}

#[cfg(feature = "grids")]
fn grid_svg(
    snapshot: &Snapshot,
    frame: &GridFrame,
    grid: &algorithms::Grid,
    title: &str,
) -> String {
    let (fg, panel, lines) = (colour("fg"), colour("panel"), colour("border"));
    let (left, top) = (16.0, 44.0);
    let cell = (768.0 / grid.width as f64).min(560.0 / grid.height as f64);
    let mut svg = format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{GRAPH_HEIGHT}" viewBox="0 0 {WIDTH} {GRAPH_HEIGHT}" font-family="system-ui, sans-serif"><rect width="100%" height="100%" fill="{panel}"/><text x="16" y="24" font-size="16" font-weight="600" fill="{fg}">{} — step {}</text><g stroke="{lines}" stroke-width="{:.2}">"##,
        escape(title),
        snapshot.step,
        (cell / 16.0).min(1.0)
    );
    for (index, symbol) in frame.cells.bytes().enumerate() {
        let state = CellState::from_symbol(symbol).unwrap_or(CellState::Open);
        let (x, y) = grid.xy(index);
        let _ = write!(
            svg,
            r#"<rect x="{:.2}" y="{:.2}" width="{cell:.2}" height="{cell:.2}" fill="{}"/>"#,
            left + x as f64 * cell,
            top + y as f64 * cell,
            cell_fill(state, grid.cells[index])
        );
    }
    svg.push_str("</g>");
    for (index, letter) in [(grid.start, "S"), (grid.goal, "G")] {
        let (x, y) = grid.xy(index);
        let _ = write!(
            svg,
            r##"<text x="{:.2}" y="{:.2}" font-size="{:.1}" font-weight="700" text-anchor="middle" fill="{fg}" stroke="{panel}" stroke-width="2" paint-order="stroke">{letter}</text>"##,
            left + (x as f64 + 0.5) * cell,
            top + (y as f64 + 0.8) * cell,
            (cell * 0.8).max(6.0)
        );
    }
    let _ = write!(
        svg,
        r##"<text x="16" y="{}" font-size="14" fill="{fg}">{}</text></svg>"##,
        GRAPH_HEIGHT - 14,
        escape(&snapshot.narration)
    );
    svg
}

/// The fill and edge of each node state, as `style/main.css` draws them.
#[cfg(feature = "graphs")]
fn node_colours(state: Option<NodeState>) -> (&'static str, &'static str) {
    let token = match state {
        None => return (colour("panel"), colour("mark-eliminated-edge")),
        Some(NodeState::Frontier) => "mark-compared",
        Some(NodeState::Current) => "mark-swapped",
        Some(NodeState::Visited) => "bar",
        Some(NodeState::Finished) => "mark-found",
        Some(NodeState::Path) => "mark-sorted",
    };
    (colour(token), colour(&format!("{token}-edge")))
}

/// The stroke, width and dash of each edge state: the page's colours, at the image's scale.
#[cfg(feature = "graphs")]
fn edge_style(state: Option<EdgeState>) -> (&'static str, f64, &'static str) {
    match state {
        None => (colour("mark-eliminated-edge"), 1.5, ""),
        Some(EdgeState::Examined) => (colour("mark-compared-edge"), 3.5, ""),
        Some(EdgeState::Relaxed) => (colour("mark-swapped-edge"), 4.0, ""),
        Some(EdgeState::Tree) => (colour("mark-sorted-edge"), 3.0, ""),
        Some(EdgeState::Rejected) => (
            colour("mark-eliminated-edge"),
            1.5,
            " stroke-dasharray=\"6 4\"",
        ),
        Some(EdgeState::Path) => (colour("mark-sorted-edge"), 6.0, ""),
    }
}

/// The groups' fills, eight in turn (`--group-0` … `--group-7`), for the nodes that show their group:
/// every state but current, frontier and path.
#[cfg(feature = "graphs")]
fn group_fill(group: u32) -> &'static str {
    colour(&format!("group-{}", group % 8))
}

#[cfg(feature = "graphs")]
fn graph_svg(
    snapshot: &Snapshot,
    frame: &GraphFrame,
    graph: &algorithms::Graph,
    title: &str,
) -> String {
    let (fg, panel) = (colour("fg"), colour("panel"));
    let arrowhead = colour("mark-eliminated-edge");
    let side = 560.0;
    let (left, top) = (16.0, 44.0);
    let scale = side / f64::from(algorithms::graph::LAYOUT_SIDE);
    let at = |node: usize| {
        let (x, y) = graph.positions[node];
        (left + f64::from(x) * scale, top + f64::from(y) * scale)
    };
    let radius = if graph.len() > 60 { 6.0 } else { 13.0 };
    let nodes = frame.dense_nodes(graph.len());
    let edges = frame.dense_edges(graph.edges.len());
    let mut svg = format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{GRAPH_HEIGHT}" viewBox="0 0 {WIDTH} {GRAPH_HEIGHT}" font-family="system-ui, sans-serif"><defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="{arrowhead}"/></marker></defs><rect width="100%" height="100%" fill="{panel}"/><text x="16" y="24" font-size="16" font-weight="600" fill="{fg}">{} — step {}</text>"##,
        escape(title),
        snapshot.step
    );
    for (index, edge) in graph.edges.iter().enumerate() {
        let (colour, width, dash) = edge_style(edges[index]);
        let ((x1, y1), (x2, y2)) = (at(edge.from), at(edge.to));
        let (dx, dy) = (x2 - x1, y2 - y1);
        let length = (dx * dx + dy * dy).sqrt().max(1.0);
        // Stop at the node's rim, so an arrowhead shows.
        let (x2, y2) = (x2 - dx / length * radius, y2 - dy / length * radius);
        let arrow = if graph.directed {
            r#" marker-end="url(#arrow)""#
        } else {
            ""
        };
        let _ = write!(
            svg,
            r#"<line x1="{x1:.1}" y1="{y1:.1}" x2="{x2:.1}" y2="{y2:.1}" stroke="{colour}" stroke-width="{width}"{dash}{arrow}/>"#
        );
        if graph.len() <= 60 {
            let _ = write!(
                svg,
                r##"<text x="{:.1}" y="{:.1}" font-size="11" text-anchor="middle" fill="{fg}" stroke="{panel}" stroke-width="3" paint-order="stroke">{}</text>"##,
                (x1 + x2) / 2.0,
                (y1 + y2) / 2.0 - 3.0,
                edge.weight
            );
        }
    }
    let mut groups = vec![None; graph.len()];
    for &(node, group) in &frame.groups {
        if let Some(slot) = groups.get_mut(node) {
            *slot = Some(group);
        }
    }
    for (node, &state) in nodes.iter().enumerate() {
        let (mut fill, stroke) = node_colours(state);
        let (x, y) = at(node);
        let group = groups[node];
        let in_own_state = matches!(
            state,
            Some(NodeState::Current | NodeState::Frontier | NodeState::Path)
        );
        if let Some(group) = group.filter(|_| !in_own_state) {
            fill = group_fill(group);
        }
        let _ = write!(
            svg,
            r#"<circle cx="{x:.1}" cy="{y:.1}" r="{radius}" fill="{fill}" stroke="{stroke}" stroke-width="2"/>"#
        );
        if let Some(group) = group {
            // The group's number beside the node says it without colour.
            let _ = write!(
                svg,
                r##"<text x="{:.1}" y="{:.1}" font-size="11" font-weight="700" fill="{fg}" stroke="{panel}" stroke-width="3" paint-order="stroke">{}</text>"##,
                x + radius,
                y - radius,
                group + 1
            );
        }
        if graph.len() <= 60 {
            let _ = write!(
                svg,
                r##"<text x="{x:.1}" y="{:.1}" font-size="12" font-weight="600" text-anchor="middle" fill="{fg}" stroke="{panel}" stroke-width="3" paint-order="stroke">{}</text>"##,
                y + 4.0,
                escape(&graph.labels[node])
            );
        }
    }
    // Beside the drawing: the structures, then the table (as many rows as fit).
    let mut y = 60.0;
    for structure in &frame.structures {
        let kind = match structure.kind {
            StructureKind::Queue => "queue, front first",
            StructureKind::Stack => "stack, top first",
            StructureKind::PriorityQueue => "heap, smallest first",
            StructureKind::List => "list",
        };
        let items: Vec<String> = structure
            .items
            .iter()
            .take(12)
            .map(|item| match &item.key {
                Some(key) => format!("{} ({key})", item.label),
                None => item.label.clone(),
            })
            .collect();
        let more = structure.items.len().saturating_sub(12);
        let _ = write!(
            svg,
            r##"<text x="592" y="{y}" font-size="12" fill="{fg}"><tspan font-weight="600">{} ({kind}):</tspan> {}{}</text>"##,
            escape(&structure.name),
            escape(&items.join(", ")),
            if more > 0 {
                format!(" … +{more}")
            } else {
                String::new()
            }
        );
        y += 20.0;
    }
    if !frame.table.is_empty() {
        y += 8.0;
        let header: Vec<&str> = frame.table.iter().map(|c| c.name.as_str()).collect();
        let _ = write!(
            svg,
            r##"<text x="592" y="{y}" font-size="12" font-weight="600" fill="{fg}">node  {}</text>"##,
            escape(&header.join("  "))
        );
        for node in 0..graph.len() {
            y += 16.0;
            if y > f64::from(GRAPH_HEIGHT) - 60.0 {
                break;
            }
            let cells: Vec<String> = frame
                .table
                .iter()
                .map(|c| {
                    c.values
                        .get(node)
                        .cloned()
                        .flatten()
                        .map_or("–".into(), |v| v.to_string())
                })
                .collect();
            let _ = write!(
                svg,
                r##"<text x="592" y="{y}" font-size="12" fill="{fg}">{}  {}</text>"##,
                escape(&graph.labels[node]),
                escape(&cells.join("  "))
            );
        }
    }
    let _ = write!(
        svg,
        r##"<text x="16" y="{}" font-size="14" fill="{fg}">{}</text></svg>"##,
        GRAPH_HEIGHT - 14,
        escape(&snapshot.narration)
    );
    svg
}

#[cfg(test)]
mod tests {
    use super::*;
    use algorithms::{Input, Machine, catalogue};

    fn snapshot_at(id: &str, values: Vec<i64>, step: u64) -> Snapshot {
        let entry = catalogue::find(id).unwrap();
        let mut run = entry
            .start(Input {
                values,
                ..Input::default()
            })
            .unwrap();
        while run.step() < step && run.advance() {}
        run.snapshot()
    }

    #[test]
    fn the_palette_names_every_token_the_images_use() {
        assert_eq!(colour("fg"), "#1c1d21");
        assert_eq!(colour("mark-compared-edge"), "#9a6a00");
        assert_eq!(colour("group-7"), "#d9b48f");
        // The light theme's value, not the dark block's.
        assert_eq!(colour("panel"), "#ffffff");
        for mark in [None, Some(Mark::Compared), Some(Mark::Eliminated)] {
            let (fill, edge) = mark_colours(mark);
            assert!(fill.starts_with('#') && edge.starts_with('#'));
        }
    }

    #[test]
    fn bars_carry_their_marks_values_and_the_narration_escaped() {
        let snapshot = snapshot_at("bubble-sort", vec![5, 1, 4], 1);
        let input = Input {
            values: vec![5, 1, 4],
            ..Input::default()
        };
        let svg = frame_svg(&snapshot, &input, "Bubble <sort> & co").unwrap();
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"800\""));
        assert!(svg.ends_with("</svg>"));
        assert!(svg.contains("Bubble &lt;sort&gt; &amp; co — step 1"));
        assert_eq!(svg.matches("<rect x=").count(), 3);
        // Step 1 compares the first two: both in the compared colour, the third unmarked.
        assert_eq!(svg.matches("fill=\"#e69f00\"").count(), 2);
        assert_eq!(svg.matches("fill=\"#56b4e9\"").count(), 1);
        assert!(
            svg.contains(">5</text>") && svg.contains(">1</text>") && svg.contains(">4</text>")
        );
        assert!(svg.contains(&escape(&snapshot.narration)));
    }

    #[test]
    fn many_bars_are_drawn_without_values_and_the_tallest_fills_the_height() {
        let values: Vec<i64> = (1..=40).collect();
        let snapshot = snapshot_at("insertion-sort", values.clone(), 0);
        let input = Input {
            values: values.clone(),
            ..Input::default()
        };
        let svg = frame_svg(&snapshot, &input, "Insertion sort").unwrap();
        assert_eq!(svg.matches("<rect x=").count(), 40);
        assert!(!svg.contains(">40</text>"));
        // The tallest bar spans from the top margin (36) to the base (304).
        assert!(svg.contains("y=\"36.00\""), "{svg}");
    }

    #[cfg(feature = "grids")]
    #[test]
    fn a_grid_frame_draws_every_cell_in_its_state_with_start_and_goal() {
        let entry = algorithms::catalogue::find("grid-bfs").unwrap();
        let input = Input {
            grid: Some(algorithms::grid::parse_grid("S.#\n..G").unwrap()),
            ..Input::default()
        };
        let last = entry.start(input.clone()).unwrap().steps().last().unwrap();
        let svg = frame_svg(&last, &input, "BFS <grid>").unwrap();
        assert_eq!(svg.matches("<rect x=").count(), 6);
        assert_eq!(
            svg.matches("fill=\"#009e73\"").count(),
            4,
            "the path: S, two cells, G"
        );
        assert_eq!(svg.matches("fill=\"#2b2d33\"/>").count(), 1, "one wall");
        assert!(svg.contains("BFS &lt;grid&gt;"));
        assert!(svg.contains(">S</text>") && svg.contains(">G</text>"));
        let other = Input {
            grid: Some(algorithms::grid::parse_grid("SG").unwrap()),
            ..Input::default()
        };
        assert!(
            frame_svg(&last, &other, "x").is_err(),
            "a frame of another grid's size"
        );
    }

    #[cfg(feature = "graphs")]
    #[test]
    fn a_graph_frame_draws_its_states_structures_and_table() {
        let graph = algorithms::graph::parse_graph("A B 4\nB C 1\nA C 9\nstart A").unwrap();
        let input = Input {
            graph: Some(graph),
            ..Input::default()
        };
        let entry = catalogue::find("dijkstra").unwrap();
        let mut run = entry.start(input.clone()).unwrap();
        // Step 2 settles A; step 3 relaxes A → B.
        while run.step() < 3 && run.advance() {}
        let snapshot = run.snapshot();
        let svg = frame_svg(&snapshot, &input, "Dijkstra").unwrap();
        assert!(svg.contains("height=\"640\""));
        assert_eq!(svg.matches("<circle").count(), 3);
        assert_eq!(svg.matches("<line").count(), 3);
        // A is current; A → B is being relaxed: drawn in the relaxed colour and width.
        assert!(
            svg.contains(r##"fill="#d55e00" stroke="#a94a00""##),
            "{svg}"
        );
        assert!(
            svg.contains(r##"stroke="#a94a00" stroke-width="4""##),
            "{svg}"
        );
        assert!(
            svg.contains("heap (heap, smallest first):</tspan> B (4)"),
            "{svg}"
        );
        assert!(svg.contains("node  dist  pred"));
        assert!(svg.contains(">B  4  A</text>"), "{svg}");
        assert!(svg.contains(&escape(&snapshot.narration)));
        // Without its graph, a graph frame cannot be drawn.
        assert!(frame_svg(&snapshot, &Input::default(), "Dijkstra").is_err());
    }

    #[cfg(feature = "graphs")]
    #[test]
    fn components_are_drawn_in_their_groups_colours_and_numbered() {
        let graph = algorithms::graph::parse_graph("directed\nA B 1\nB A 1\nC D 1").unwrap();
        let input = Input {
            graph: Some(graph),
            ..Input::default()
        };
        let entry = catalogue::find("tarjan-scc").unwrap();
        let last = entry.start(input.clone()).unwrap().steps().last().unwrap();
        let svg = frame_svg(&last, &input, "Tarjan").unwrap();
        // Three components, {A, B}, {D} and {C} (found in that order): each in its colour and number.
        // The first three groups' colours, as style/palette.css writes them.
        let fills: Vec<usize> = ["#f4a259", "#7cc6f2", "#9bd77c"]
            .iter()
            .map(|fill| svg.matches(&format!("fill=\"{fill}\"")).count())
            .collect();
        assert_eq!(fills, [2, 1, 1], "{svg}");
        for number in 1..=3 {
            assert!(
                svg.contains(&format!("paint-order=\"stroke\">{number}</text>")),
                "{svg}"
            );
        }
    }
}

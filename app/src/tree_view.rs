//! The renderer for tree frames (feature `trees`): an SVG with one group per node, keyed by the node's id
//! and placed at its column and depth in the frame's tidy layout, and one line per link, keyed by the
//! child it leads to. A step works out what differs between the frame drawn and the next one
//! ([`changes`]) and writes only that: a node added, removed, moved, re-keyed (a successor's key copied
//! in) or re-marked, a link added, removed or moved, a link flagged as changed by the step. The svg says
//! how many writes the last step made (`data-touched`), which the browser tests read. The links a step
//! changed carry `data-changed` in the step that changes them, while the nodes glide to their new places,
//! so the pointer change reads before the re-layout.

use std::collections::HashMap;

use algorithms::kinds::tree::{NodeId, TreeFrame, TreeMark, TreeNode};
use algorithms::{Frame, Key, Shown, Snapshot};
use leptos::prelude::*;

use crate::dom::{append, element};

/// Pixels per layout unit (half the least gap between two nodes of one level), per level, a node's
/// radius and the margin around the tree.
const UNIT: u32 = 32;
const LEVEL: u32 = 88;
const RADIUS: u32 = 27;
const MARGIN: u32 = 40;

/// The kind's stylesheet, which only its pages load.
const STYLE: &str = include_str!("../../style/tree.css");

pub fn tree_frame(snapshot: &Snapshot) -> Option<&TreeFrame> {
    match &snapshot.frame {
        Frame::Tree(frame) => Some(frame),
        #[allow(unreachable_patterns)] // with the tree kind alone
        _ => None,
    }
}

/// Where a node's centre is drawn, in the svg's units.
pub fn place(node: &TreeNode) -> (u32, u32) {
    (MARGIN + node.x * UNIT, MARGIN + node.depth * LEVEL)
}

/// The svg's view box for a frame: every node inside, at least one node's room.
pub fn view_box(frame: &TreeFrame) -> String {
    let columns = frame.nodes.iter().map(|node| node.x).max().unwrap_or(0);
    let levels = frame.nodes.iter().map(|node| node.depth).max().unwrap_or(0);
    format!(
        "0 0 {} {}",
        2 * MARGIN + columns * UNIT,
        2 * MARGIN + levels * LEVEL
    )
}

/// One write that takes the drawing from one frame to the next.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    AddNode(NodeId),
    RemoveNode(NodeId),
    MoveNode(NodeId),
    Rekey(NodeId),
    /// The node's mark set, changed or cleared.
    Mark(NodeId),
    /// The link into this child added, or moved (its parent or either end's place changed).
    Link(NodeId),
    RemoveLink(NodeId),
    /// The link into this child flagged as changed by the step, or no longer.
    Flag(NodeId),
}

/// Each node's parent, by child.
fn parents(frame: &TreeFrame) -> HashMap<NodeId, NodeId> {
    frame
        .nodes
        .iter()
        .flat_map(|node| {
            [node.left, node.right]
                .into_iter()
                .flatten()
                .map(move |child| (child, node.id))
        })
        .collect()
}

fn marks(frame: &TreeFrame) -> HashMap<NodeId, TreeMark> {
    frame.marks.iter().copied().collect()
}

/// The children whose incoming link the frame says its step changed.
fn flagged(frame: &TreeFrame) -> Vec<NodeId> {
    frame
        .changed
        .iter()
        .filter_map(|change| change.child)
        .collect()
}

/// What differs between the frame drawn (`shown`) and `next`, in an order the drawing can apply: removals
/// first, then nodes, then links and flags.
pub fn changes(shown: &TreeFrame, next: &TreeFrame) -> Vec<Change> {
    let before: HashMap<NodeId, &TreeNode> = shown.nodes.iter().map(|n| (n.id, n)).collect();
    let after: HashMap<NodeId, &TreeNode> = next.nodes.iter().map(|n| (n.id, n)).collect();
    let (parents_before, parents_after) = (parents(shown), parents(next));
    let (marks_before, marks_after) = (marks(shown), marks(next));
    let (flags_before, flags_after) = (flagged(shown), flagged(next));
    let mut out = Vec::new();
    for node in &shown.nodes {
        if parents_before.contains_key(&node.id) && !parents_after.contains_key(&node.id) {
            out.push(Change::RemoveLink(node.id));
        }
        if !after.contains_key(&node.id) {
            out.push(Change::RemoveNode(node.id));
        }
    }
    for node in &next.nodes {
        let id = node.id;
        match before.get(&id) {
            None => out.push(Change::AddNode(id)),
            Some(old) => {
                if (old.x, old.depth) != (node.x, node.depth) {
                    out.push(Change::MoveNode(id));
                }
                if old.key != node.key {
                    out.push(Change::Rekey(id));
                }
            }
        }
        // A new node is drawn with its mark.
        if before.contains_key(&id) && marks_before.get(&id) != marks_after.get(&id) {
            out.push(Change::Mark(id));
        }
    }
    for node in &next.nodes {
        let id = node.id;
        let Some(&parent) = parents_after.get(&id) else {
            continue;
        };
        let moved =
            |frame: &HashMap<NodeId, &TreeNode>, other: &HashMap<NodeId, &TreeNode>, at: NodeId| {
                match (frame.get(&at), other.get(&at)) {
                    (Some(a), Some(b)) => (a.x, a.depth) != (b.x, b.depth),
                    _ => true,
                }
            };
        if parents_before.get(&id) != Some(&parent)
            || moved(&before, &after, id)
            || moved(&before, &after, parent)
        {
            out.push(Change::Link(id));
        }
    }
    // A link's flag lives on its line: a new line starts without one, a removed line takes its own away.
    for &child in flags_before.iter().chain(&flags_after) {
        if !parents_after.contains_key(&child) || out.contains(&Change::Flag(child)) {
            continue;
        }
        let was = flags_before.contains(&child) && parents_before.contains_key(&child);
        if was != flags_after.contains(&child) {
            out.push(Change::Flag(child));
        }
    }
    out
}

/// A node as drawn: its group (placed by a transform, marked by `data-mark`) and its key's text.
struct DrawnNode {
    group: web_sys::Element,
    key: web_sys::Element,
}

/// The drawing's elements, by node id, and the frame they show.
struct Drawn {
    svg: web_sys::Element,
    links: web_sys::Element,
    nodes: web_sys::Element,
    drawn: HashMap<NodeId, DrawnNode>,
    lines: HashMap<NodeId, web_sys::Element>,
    frame: TreeFrame,
}

impl Drawn {
    fn new(parts: &web_sys::Element) -> Self {
        let find = |selector: &str| {
            parts
                .query_selector(selector)
                .ok()
                .flatten()
                .expect("the stage's parts")
        };
        Drawn {
            svg: find("svg.tree"),
            links: find("g.links"),
            nodes: find("g.nodes"),
            drawn: HashMap::new(),
            lines: HashMap::new(),
            frame: TreeFrame::default(),
        }
    }

    /// Writes what differs from the frame drawn to `next`, and how many writes that took.
    fn show(&mut self, next: &TreeFrame) {
        let changes = changes(&self.frame, next);
        let node = |id: NodeId| next.node(id).expect("a change names a node of the frame");
        let parents = parents(next);
        let flagged = flagged(next);
        let marks = marks(next);
        for &change in &changes {
            match change {
                Change::RemoveNode(id) => {
                    if let Some(drawn) = self.drawn.remove(&id) {
                        drawn.group.remove();
                    }
                }
                Change::RemoveLink(id) => {
                    if let Some(line) = self.lines.remove(&id) {
                        line.remove();
                    }
                }
                Change::AddNode(id) => {
                    let group = element(
                        true,
                        "g",
                        &[
                            ("class", "tree-node"),
                            ("data-testid", "tree-node"),
                            ("data-id", &id.to_string()),
                        ],
                    );
                    let r = RADIUS.to_string();
                    append(&group, &element(true, "circle", &[("r", &r)]));
                    let key = element(true, "text", &[("dy", "0.35em")]);
                    key.set_text_content(Some(&node(id).key.to_string()));
                    append(&group, &key);
                    append(&self.nodes, &group);
                    self.drawn.insert(id, DrawnNode { group, key });
                    self.place(node(id));
                    if marks.contains_key(&id) {
                        show_mark(&self.drawn[&id].group, marks.get(&id));
                    }
                }
                Change::MoveNode(id) => self.place(node(id)),
                Change::Rekey(id) => {
                    self.drawn[&id]
                        .key
                        .set_text_content(Some(&node(id).key.to_string()));
                }
                Change::Mark(id) => show_mark(&self.drawn[&id].group, marks.get(&id)),
                Change::Link(id) => {
                    let line = self.lines.entry(id).or_insert_with(|| {
                        let line = element(
                            true,
                            "line",
                            &[("class", "tree-link"), ("data-child", &id.to_string())],
                        );
                        append(&self.links, &line);
                        line
                    });
                    let ((x1, y1), (x2, y2)) = (place(node(parents[&id])), place(node(id)));
                    for (name, value) in [("x1", x1), ("y1", y1), ("x2", x2), ("y2", y2)] {
                        let _ = line.set_attribute(name, &value.to_string());
                    }
                }
                Change::Flag(id) => {
                    if let Some(line) = self.lines.get(&id) {
                        let _ = if flagged.contains(&id) {
                            line.set_attribute("data-changed", "")
                        } else {
                            line.remove_attribute("data-changed")
                        };
                    }
                }
            }
        }
        let _ = self.svg.set_attribute("viewBox", &view_box(next));
        let _ = self
            .svg
            .set_attribute("data-touched", &changes.len().to_string());
        self.frame = next.clone();
    }

    fn place(&self, node: &TreeNode) {
        let (x, y) = place(node);
        let _ = self.drawn[&node.id]
            .group
            .set_attribute("transform", &format!("translate({x} {y})"));
    }
}

/// A node's `data-mark`: its mark's name, or none.
fn show_mark(group: &web_sys::Element, mark: Option<&TreeMark>) {
    let _ = match mark {
        Some(&mark) => group.set_attribute("data-mark", mark_name(mark)),
        None => group.remove_attribute("data-mark"),
    };
}

/// The mark's name in `data-mark`, one word.
fn mark_name(mark: TreeMark) -> &'static str {
    match mark {
        TreeMark::Path => "path",
        TreeMark::Current => "current",
        TreeMark::Found => "found",
        TreeMark::Inserted => "inserted",
        TreeMark::Moving => "moving",
    }
}

/// A tree run's drawing: the tree, the operation under way and the key waiting beside it, the frame read
/// aloud for screen readers, and the legend of the marks this algorithm shows.
#[component]
pub fn TreeStage(snapshot: Memo<Snapshot>, legend: Option<&'static [Key]>) -> impl IntoView {
    let parts = NodeRef::<leptos::html::Div>::new();
    let drawn: StoredValue<Option<Drawn>, LocalStorage> = StoredValue::new_local(None);
    Effect::new(move |_| {
        let Some(parts) = parts.get() else { return };
        snapshot.with(|s| {
            let Some(frame) = tree_frame(s) else { return };
            drawn.update_value(|drawn| {
                drawn.get_or_insert_with(|| Drawn::new(&parts)).show(frame);
            });
        });
    });
    let operation = move || {
        snapshot.with(|s| {
            let frame = tree_frame(s)?;
            let operation = frame.operation.clone()?;
            Some(match frame.pending {
                Some(key) => format!("{operation}: {key} waits to be placed"),
                None => operation,
            })
        })
    };
    let text = move || snapshot.with(|s| tree_frame(s).map(TreeFrame::describe));
    view! {
        <style>{STYLE}</style>
        <div class="stage tree-stage" data-testid="stage" node_ref=parts>
            <p class="tree-operation" data-testid="tree-operation">{operation}</p>
            <svg class="tree" data-testid="tree" aria-hidden="true">
                <g class="links"></g>
                <g class="nodes"></g>
            </svg>
            <p class="visually-hidden" data-testid="frame-text">{text}</p>
            {legend.map(tree_legend)}
        </div>
    }
}

fn tree_legend(keys: &'static [Key]) -> impl IntoView {
    let items = keys
        .iter()
        .filter_map(|key| match key.shown {
            Shown::TreeNode(mark) => Some(view! {
                <li><svg viewBox="-36 -36 72 72" aria-hidden="true"><g class="tree-node" data-mark=mark_name(mark)><circle r="30" /></g></svg>{key.words}</li>
            }),
            _ => None,
        })
        .collect_view();
    view! { <ul class="legend tree-legend" data-testid="legend">{items}</ul> }
}

#[cfg(test)]
mod tests {
    use algorithms::kinds::tree::{KeyOrder, ScriptGenerator, parse_script};
    use algorithms::{Input, Machine, catalogue};

    use super::*;

    fn frames(script: &str) -> Vec<TreeFrame> {
        let entry = catalogue::find("bst").unwrap();
        let input = Input::tree(parse_script(script).unwrap());
        entry
            .start(input)
            .unwrap()
            .steps()
            .map(|s| tree_frame(&s).unwrap().clone())
            .collect()
    }

    /// Applies `changes` to a plain model of the drawing, as the DOM applier does, to check they lead from
    /// one frame's drawing to the next one's exactly.
    /// A node's key, place and mark; a link's two ends and whether it is flagged.
    type ModelNode = (i64, (u32, u32), Option<TreeMark>);
    type ModelLink = ((u32, u32), (u32, u32), bool);

    #[derive(Default, PartialEq, Debug)]
    struct Model {
        nodes: HashMap<NodeId, ModelNode>,
        links: HashMap<NodeId, ModelLink>,
    }

    impl Model {
        fn of(frame: &TreeFrame) -> Self {
            let parents = parents(frame);
            let flagged = flagged(frame);
            let mark = |id| {
                frame
                    .marks
                    .iter()
                    .find(|(at, _)| *at == id)
                    .map(|&(_, m)| m)
            };
            Model {
                nodes: frame
                    .nodes
                    .iter()
                    .map(|n| (n.id, (n.key, place(n), mark(n.id))))
                    .collect(),
                links: parents
                    .iter()
                    .map(|(&child, &parent)| {
                        let at = |id| place(frame.node(id).unwrap());
                        (child, (at(parent), at(child), flagged.contains(&child)))
                    })
                    .collect(),
            }
        }

        fn apply(&mut self, changes: &[Change], next: &TreeFrame) {
            let target = Model::of(next);
            for &change in changes {
                match change {
                    Change::RemoveNode(id) => {
                        self.nodes.remove(&id);
                    }
                    Change::RemoveLink(id) => {
                        self.links.remove(&id);
                    }
                    Change::AddNode(id)
                    | Change::MoveNode(id)
                    | Change::Rekey(id)
                    | Change::Mark(id) => {
                        let entry = self.nodes.entry(id).or_insert(target.nodes[&id]);
                        match change {
                            Change::MoveNode(_) => entry.1 = target.nodes[&id].1,
                            Change::Rekey(_) => entry.0 = target.nodes[&id].0,
                            Change::Mark(_) => entry.2 = target.nodes[&id].2,
                            _ => {}
                        }
                    }
                    Change::Link(id) => {
                        let flag = self.links.get(&id).is_some_and(|link| link.2);
                        let (from, to, _) = target.links[&id];
                        self.links.insert(id, (from, to, flag));
                    }
                    Change::Flag(id) => {
                        if let Some(link) = self.links.get_mut(&id) {
                            link.2 = !link.2;
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn the_changes_lead_from_each_frame_to_the_next_over_many_scripts() {
        for seed in 0..150 {
            let script = ScriptGenerator {
                keys: 1 + seed as usize % 25,
                order: [KeyOrder::Random, KeyOrder::Sorted][seed as usize % 2],
                mixed: true,
                seed,
            }
            .script()
            .unwrap();
            let frames = frames(&script.to_string());
            let mut model = Model::default();
            let mut shown = TreeFrame::default();
            for next in &frames {
                model.apply(&changes(&shown, next), next);
                assert_eq!(model, Model::of(next), "seed {seed}");
                shown = next.clone();
            }
            // Jumps (a seek) too: from the first frame to the last and back.
            let (first, last) = (&frames[0], &frames[frames.len() - 1]);
            let mut model = Model::of(first);
            model.apply(&changes(first, last), last);
            assert_eq!(model, Model::of(last));
            model.apply(&changes(last, first), first);
            assert_eq!(model, Model::of(first));
        }
    }

    #[test]
    fn a_search_step_writes_only_the_marks_it_moves() {
        let frames = frames("insert 50 30 70 20 40 60 80; find 60");
        let find: Vec<Vec<Change>> = frames
            .windows(2)
            .filter(|w| w[1].operation.as_deref() == Some("find 60"))
            .map(|w| changes(&w[0], &w[1]))
            .collect();
        assert!(find.len() >= 3, "the find walks three levels");
        // Each step of the walk moves the current mark one node down: two marks, nothing else.
        for writes in &find[1..] {
            assert!(
                writes.len() <= 2 && writes.iter().all(|c| matches!(c, Change::Mark(_))),
                "{writes:?}"
            );
        }
        // Hanging a node adds it and links it in, and flags the new link.
        let hung = frames
            .windows(2)
            .rfind(|w| w[1].nodes.len() == w[0].nodes.len() + 1)
            .unwrap();
        let new = hung[1].nodes.iter().map(|n| n.id).max().unwrap();
        let writes = changes(&hung[0], &hung[1]);
        for expected in [Change::AddNode(new), Change::Link(new), Change::Flag(new)] {
            assert!(writes.contains(&expected), "{writes:?}");
        }
        assert!(!writes.iter().any(|c| matches!(c, Change::RemoveNode(_))));
    }

    #[test]
    fn the_view_box_holds_every_node() {
        let frames = frames("insert 50 30 70 20 40 60 80");
        let last = frames.last().unwrap();
        assert_eq!(view_box(last), "0 0 272 256");
        for node in &last.nodes {
            let (x, y) = place(node);
            assert!(x + RADIUS <= 272 && y + RADIUS <= 256);
        }
        assert_eq!(view_box(&TreeFrame::default()), "0 0 80 80");
    }
}

//! The tree kind's frame: the nodes with their keys, links and the fields the structure keeps, where each
//! is drawn, and what the step is doing to them. Positions come from a tidy layout of the shape alone, so
//! a node keeps its place across steps wherever the shape did not change, and every platform draws the
//! same picture.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

/// A node's handle: its index in the structure's arena, stable for the node's life.
pub type NodeId = u32;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TreeNode {
    pub id: NodeId,
    pub key: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub left: Option<NodeId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub right: Option<NodeId>,
    /// What the structure keeps beside the key (an AVL node's height and balance), by name.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<(String, i64)>,
    /// Where the node is drawn: its column, in units of half the least gap between two nodes of one
    /// level, from 0 at the leftmost node, and its depth, 0 at the root.
    pub x: u32,
    pub depth: u32,
}

/// What a step does to a node.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TreeMark {
    /// On the path the operation has walked so far.
    Path,
    /// The node this step looks at (its key compared, or the successor search standing on it).
    Current,
    /// The key the operation looked for, found.
    Found,
    /// Just linked in.
    Inserted,
    /// Taking another node's place (a successor moving up).
    Moving,
}

impl TreeMark {
    /// The mark's name as the renderer writes it in `data-mark`, and as a legend says it.
    pub const fn name(self) -> &'static str {
        match self {
            TreeMark::Path => "on the path",
            TreeMark::Current => "current",
            TreeMark::Found => "found",
            TreeMark::Inserted => "inserted",
            TreeMark::Moving => "moving",
        }
    }
}

/// A link between two nodes that this step changed, drawn before the nodes move to their new places.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkChange {
    pub parent: Option<NodeId>,
    pub child: Option<NodeId>,
    /// Which link of `parent` (the root's when `parent` is absent).
    pub side: Side,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    Left,
    Right,
    Root,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TreeFrame {
    /// Every node in the structure, by id.
    pub nodes: Vec<TreeNode>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub root: Option<NodeId>,
    /// Marked nodes; a node appears at most once, with its strongest mark.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub marks: Vec<(NodeId, TreeMark)>,
    /// Links this step changed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub changed: Vec<LinkChange>,
    /// The operation under way, as the script says it (`insert 40`), and the key it carries, drawn
    /// beside the tree until it has a node.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operation: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pending: Option<i64>,
}

impl TreeFrame {
    pub fn node(&self, id: NodeId) -> Option<&TreeNode> {
        self.nodes.iter().find(|node| node.id == id)
    }

    /// Keys in order (left subtree, node, right subtree) from the root.
    pub fn in_order(&self) -> Vec<i64> {
        in_order(self.root, |id| {
            let node = self.node(id).expect("links name nodes of the frame");
            (node.key, node.left, node.right)
        })
    }

    /// How the tree reads aloud: its size and height, its root, and the nodes level by level.
    pub fn describe(&self) -> String {
        let Some(root) = self.root.and_then(|id| self.node(id)) else {
            return "The tree is empty.".to_owned();
        };
        let height = self.nodes.iter().map(|node| node.depth).max().unwrap_or(0);
        let mut text = format!(
            "A tree of {} with root {} and {}.",
            crate::plural(self.nodes.len(), "node", "nodes"),
            root.key,
            crate::plural(height as usize + 1, "level", "levels")
        );
        for depth in 0..=height {
            let mut level: Vec<&TreeNode> = self
                .nodes
                .iter()
                .filter(|node| node.depth == depth)
                .collect();
            level.sort_by_key(|node| node.x);
            let keys: Vec<String> = level.iter().map(|node| node.key.to_string()).collect();
            text.push_str(&format!(" Level {}: {}.", depth + 1, keys.join(", ")));
        }
        text
    }
}

/// The keys of the binary tree at `root` in order (left subtree, node, right subtree), given each node's
/// key and links; without recursion, since a degenerate tree is hundreds of levels deep.
pub fn in_order(
    root: Option<NodeId>,
    node: impl Fn(NodeId) -> (i64, Option<NodeId>, Option<NodeId>),
) -> Vec<i64> {
    let mut keys = Vec::new();
    let mut stack = Vec::new();
    let mut at = root;
    while at.is_some() || !stack.is_empty() {
        while let Some(id) = at {
            stack.push(id);
            at = node(id).1;
        }
        let (key, _, right) = node(stack.pop().expect("the loop guards it"));
        keys.push(key);
        at = right;
    }
    keys
}

/// Places the nodes of the binary tree at `root` by the Reingold–Tilford rule: a parent centred over its
/// two children, a lone child one unit to its side, and two subtrees pushed apart until every level they
/// share keeps at least two units between them. Depends on the shape alone. Answers `(id, x, depth)` for
/// every node under `root`, sorted by id, with x from 0.
pub fn tidy_layout(
    root: Option<NodeId>,
    children: impl Fn(NodeId) -> (Option<NodeId>, Option<NodeId>),
) -> Vec<(NodeId, u32, u32)> {
    let Some(root) = root else {
        return Vec::new();
    };
    // Parents before children (no recursion: a degenerate tree is hundreds of levels deep).
    let mut order = Vec::new();
    let mut stack = vec![root];
    while let Some(id) = stack.pop() {
        order.push(id);
        let (left, right) = children(id);
        stack.extend(left);
        stack.extend(right);
    }
    // Children before parents: each node's children's offsets from it, and its subtree's contour (the
    // leftmost and rightmost x of each level, relative to the node), which its parent consumes.
    let mut offsets: HashMap<NodeId, (i64, i64)> = HashMap::with_capacity(order.len());
    let mut contours: HashMap<NodeId, Vec<(i64, i64)>> = HashMap::new();
    for &id in order.iter().rev() {
        let (left, right) = children(id);
        let mut take = |child: Option<NodeId>| {
            child.map(|child| contours.remove(&child).expect("children first"))
        };
        let (offset, contour) = match (take(left), take(right)) {
            (None, None) => ((0, 0), vec![(0, 0)]),
            (Some(only), None) => ((-1, 0), stacked(&only, -1)),
            (None, Some(only)) => ((0, 1), stacked(&only, 1)),
            (Some(l), Some(r)) => {
                // The least even gap between the two roots keeping two units on every shared level.
                let gap = l
                    .iter()
                    .zip(&r)
                    .map(|(&(_, l_max), &(r_min, _))| l_max - r_min + 2)
                    .fold(2, i64::max);
                let half = (gap + 1) / 2;
                let mut contour = stacked(&l, -half);
                for (level, (min, max)) in stacked(&r, half).into_iter().enumerate() {
                    match contour.get_mut(level) {
                        Some(extent) => *extent = (extent.0.min(min), extent.1.max(max)),
                        None => contour.push((min, max)),
                    }
                }
                ((-half, half), contour)
            }
        };
        offsets.insert(id, offset);
        contours.insert(id, contour);
    }
    let leftmost = contours[&root]
        .iter()
        .map(|&(min, _)| min)
        .min()
        .unwrap_or(0);
    let mut placed = Vec::with_capacity(order.len());
    let mut stack = vec![(root, -leftmost, 0u32)];
    while let Some((id, x, depth)) = stack.pop() {
        placed.push((id, x as u32, depth));
        let (left, right) = children(id);
        let (offset_left, offset_right) = offsets[&id];
        stack.extend(left.map(|child| (child, x + offset_left, depth + 1)));
        stack.extend(right.map(|child| (child, x + offset_right, depth + 1)));
    }
    placed.sort_unstable_by_key(|&(id, _, _)| id);
    placed
}

/// A node's own level, `(0, 0)`, over its child's contour shifted by `shift`.
fn stacked(contour: &[(i64, i64)], shift: i64) -> Vec<(i64, i64)> {
    std::iter::once((0, 0))
        .chain(contour.iter().map(|&(min, max)| (min + shift, max + shift)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A binary search tree's links after inserting `keys` in order, ids in insertion order.
    fn bst(keys: &[i64]) -> Vec<(i64, Option<NodeId>, Option<NodeId>)> {
        let mut nodes: Vec<(i64, Option<NodeId>, Option<NodeId>)> = Vec::new();
        for &key in keys {
            let id = nodes.len() as NodeId;
            nodes.push((key, None, None));
            if id == 0 {
                continue;
            }
            let mut at = 0usize;
            loop {
                let next = if key < nodes[at].0 {
                    &mut nodes[at].1
                } else {
                    &mut nodes[at].2
                };
                match *next {
                    Some(child) => at = child as usize,
                    None => {
                        *next = Some(id);
                        break;
                    }
                }
            }
        }
        nodes
    }

    fn layout(keys: &[i64]) -> Vec<(NodeId, u32, u32)> {
        let nodes = bst(keys);
        tidy_layout((!nodes.is_empty()).then_some(0), |id| {
            (nodes[id as usize].1, nodes[id as usize].2)
        })
    }

    #[test]
    fn a_full_tree_is_symmetric_and_parents_sit_over_their_children() {
        // 4 over 2 and 6, over 1, 3, 5, 7: leaves two units apart, parents centred.
        let placed = layout(&[4, 2, 6, 1, 3, 5, 7]);
        let x: Vec<u32> = placed.iter().map(|&(_, x, _)| x).collect();
        let depth: Vec<u32> = placed.iter().map(|&(_, _, depth)| depth).collect();
        assert_eq!(x, [3, 1, 5, 0, 2, 4, 6]);
        assert_eq!(depth, [0, 1, 1, 2, 2, 2, 2]);
    }

    #[test]
    fn a_lone_child_stands_one_unit_to_its_side_and_a_list_slants() {
        let placed = layout(&[1, 2, 3, 4]);
        assert_eq!(placed, [(0, 0, 0), (1, 1, 1), (2, 2, 2), (3, 3, 3)]);
        let placed = layout(&[4, 3, 2, 1]);
        assert_eq!(placed, [(0, 3, 0), (1, 2, 1), (2, 1, 2), (3, 0, 3)]);
        assert!(layout(&[]).is_empty());
        assert_eq!(layout(&[9]), [(0, 0, 0)]);
    }

    #[test]
    fn no_two_nodes_of_a_level_come_closer_than_two_units_and_in_order_reads_left_to_right() {
        // Seeded shapes, including deep and lopsided ones.
        let mut state = 0x2545_f491_4f6c_dd1du64;
        for case in 0..1_000 {
            let n = 1 + case % 60;
            let keys: Vec<i64> = (0..n)
                .map(|_| {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    (state % 500) as i64
                })
                .collect();
            let nodes = bst(&keys);
            let placed = layout(&keys);
            assert_eq!(placed.len(), n);
            for (i, &(_, x_a, depth_a)) in placed.iter().enumerate() {
                for &(_, x_b, depth_b) in &placed[i + 1..] {
                    if depth_a == depth_b {
                        assert!(x_a.abs_diff(x_b) >= 2, "{keys:?}");
                    }
                }
            }
            // Left subtrees are drawn left of their parent, right ones right of it.
            for (id, (_, left, right)) in nodes.iter().enumerate() {
                let x = placed[id].1;
                assert!(
                    left.is_none_or(|child| placed[child as usize].1 < x),
                    "{keys:?}"
                );
                assert!(
                    right.is_none_or(|child| placed[child as usize].1 > x),
                    "{keys:?}"
                );
            }
            assert_eq!(placed.iter().map(|&(_, x, _)| x).min(), Some(0));
        }
    }
}

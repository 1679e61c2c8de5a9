//! The binary search tree: every key of a node's left subtree is smaller than its own and every key of its
//! right subtree larger, so a search walks one path from the root. Insertions hang a new leaf where the
//! search falls off; a deletion unlinks a leaf, splices out a node with one child, or copies the successor
//! into a node with two children and splices the successor out.

use std::cmp::Ordering;

use serde::{Deserialize, Serialize};

use super::{SEARCH_TREE_COUNTERS, SEARCH_TREE_RULES};
use crate::catalogue::{Card, Category, Complexity, Entry, InputKind, InputSpec};
use crate::kinds::tree::{
    COUNT_OPERATIONS, LinkChange, NodeId, Operation, STEP_OPERATIONS, Script, Side, TreeFrame,
    TreeMark, TreeNode, in_order, tidy_layout,
};
use crate::legend::Key;
#[cfg(feature = "restore")]
use crate::machine::restore;
use crate::machine::{Algorithm, Run};
use crate::snapshot::{Counter, Counters, FrameKind, Variable, View};

pub const CARD: Card = Card {
    id: "bst",
    name: "Binary search tree",
    category: Category::SearchTrees,
    summary: "Keeps keys in linked nodes, smaller keys to the left and larger to the right, so a search, an insertion or a deletion walks one path from the root.",
    complexity: Complexity {
        best: "O(1)",
        average: "O(log n)",
        worst: "O(n)",
        space: "O(n)",
    },
    stable: None,
    in_place: None,
    input: InputSpec {
        kind: InputKind::Tree(SEARCH_TREE_RULES),
        max_step_n: STEP_OPERATIONS,
        max_count_n: COUNT_OPERATIONS,
        max_span: None,
        graph: None,
        grid: None,
    },
    frame: FrameKind::Tree,
    legend: &[
        Key::tree_node(TreeMark::Path),
        Key::tree_node(TreeMark::Current).said("compared"),
        Key::tree_node(TreeMark::Found),
        Key::tree_node(TreeMark::Inserted),
        Key::tree_node(TreeMark::Moving).said("successor moving up"),
    ],
    counters: SEARCH_TREE_COUNTERS,
    work: &[Counter::Comparisons],
    version: 1,
};

/// Other names a learner may search the catalogue for (`catalogue::matches`), lower case.
pub const ALIASES: &[&str] = &["bst", "binary tree", "sorted tree", "ordered tree"];

pub const ENTRY: Entry = Entry {
    card: &CARD,
    pseudocode: PSEUDOCODE,
    start: |input| {
        let script = input.script().cloned().expect("validated: a script");
        Box::new(Run::new(BinarySearchTree::new(script)))
    },
    #[cfg(feature = "restore")]
    restore: restore::<BinarySearchTree>,
};

pub const PSEUDOCODE: &[&str] = &[
    "for each operation of the script: search, insert or delete k",
    "procedure search(T, k)",
    "  x ← T.root",
    "  while x ≠ nil and k ≠ x.key",
    "    if k < x.key: x ← x.left else: x ← x.right",
    "  return x",
    "procedure insert(T, k)",
    "  parent ← nil; x ← T.root",
    "  while x ≠ nil",
    "    if k = x.key: return (k is in T already)",
    "    parent ← x; if k < x.key: x ← x.left else: x ← x.right",
    "  hang a new node with key k under parent (the root if parent = nil)",
    "procedure delete(T, k)",
    "  z ← search(T, k); if z = nil: return",
    "  if z has no child: unlink z",
    "  else if z has one child: put that child in z's place",
    "  else: s ← successor(z); z.key ← s.key",
    "        put s.right in s's place",
    "procedure successor(z)",
    "  s ← z.right",
    "  while s.left ≠ nil: s ← s.left",
    "  return s",
];

/// Each line's index, named, so the steps say which line they are on by meaning.
mod line {
    pub const RUN: usize = 0;
    pub const SEARCH: usize = 2;
    pub const SEARCH_MOVE: usize = 4;
    pub const SEARCH_RETURN: usize = 5;
    pub const INSERT: usize = 7;
    pub const INSERT_PRESENT: usize = 9;
    pub const INSERT_MOVE: usize = 10;
    pub const INSERT_HANG: usize = 11;
    pub const DELETE: usize = 13;
    pub const DELETE_LEAF: usize = 14;
    pub const DELETE_ONE: usize = 15;
    pub const DELETE_TWO: usize = 16;
    pub const DELETE_SPLICE: usize = 17;
    pub const SUCCESSOR: usize = 19;
    pub const SUCCESSOR_LEFT: usize = 20;
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
struct Node {
    key: i64,
    left: Option<NodeId>,
    right: Option<NodeId>,
}

/// Where the run is: between operations, or inside operation `op` of the script.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
enum Phase {
    /// About to begin operation `op` (the end of the run once every operation is done).
    Next { op: usize },
    /// Walking down: `x` is the node to compare next (`None`: the walk fell off at `parent`'s side).
    Walk {
        op: usize,
        x: Option<NodeId>,
        parent: Option<(NodeId, Side)>,
    },
    /// Deleting `z`, found under `parent`.
    Delete {
        op: usize,
        z: NodeId,
        parent: Option<(NodeId, Side)>,
    },
    /// Looking for `z`'s successor: `s` is the leftmost node found so far, under `parent`.
    Successor {
        op: usize,
        z: NodeId,
        s: NodeId,
        parent: (NodeId, Side),
    },
    /// The successor's key is in `z`; `s` is spliced out next.
    Copied {
        op: usize,
        s: NodeId,
        parent: (NodeId, Side),
    },
}

/// How the key compared with a node's: `Ordering`, which serde does not serialize.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
enum Compared {
    Less,
    Equal,
    Greater,
}

impl From<Ordering> for Compared {
    fn from(ordering: Ordering) -> Self {
        match ordering {
            Ordering::Less => Compared::Less,
            Ordering::Equal => Compared::Equal,
            Ordering::Greater => Compared::Greater,
        }
    }
}

/// What the last step did, for the narration and the marks.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
enum Event {
    Start,
    Begin,
    Compared {
        node: NodeId,
        ordering: Compared,
    },
    FellOff,
    Hung {
        node: NodeId,
    },
    /// `key`'s node left the tree, `child` taking its place; `successor`: it was the successor of the
    /// node whose key it replaced.
    Unlinked {
        key: i64,
        child: Option<NodeId>,
        successor: bool,
    },
    /// The successor search is at `s`; `first`: it has just stepped right from `z`.
    SuccessorAt {
        z: NodeId,
        s: NodeId,
        first: bool,
    },
    CopiedKey {
        s: NodeId,
        replaced: i64,
    },
    Done,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BinarySearchTree {
    script: Script,
    nodes: Vec<Option<Node>>,
    root: Option<NodeId>,
    phase: Phase,
    event: Event,
    /// The nodes the current operation has walked through, in order.
    path: Vec<NodeId>,
    /// The links the last step changed.
    changed: Vec<LinkChange>,
}

impl BinarySearchTree {
    pub fn new(script: Script) -> Self {
        BinarySearchTree {
            script,
            nodes: Vec::new(),
            root: None,
            phase: Phase::Next { op: 0 },
            event: Event::Start,
            path: Vec::new(),
            changed: Vec::new(),
        }
    }

    fn node(&self, id: NodeId) -> &Node {
        self.nodes[id as usize]
            .as_ref()
            .expect("links name live nodes")
    }

    fn node_mut(&mut self, id: NodeId) -> &mut Node {
        self.nodes[id as usize]
            .as_mut()
            .expect("links name live nodes")
    }

    /// Points `parent`'s `side` link (the root when `parent` is absent) at `child`.
    fn link(&mut self, parent: Option<(NodeId, Side)>, child: Option<NodeId>) {
        let side = parent.map_or(Side::Root, |(_, side)| side);
        match parent {
            None => self.root = child,
            Some((id, Side::Left)) => self.node_mut(id).left = child,
            Some((id, _)) => self.node_mut(id).right = child,
        }
        self.changed.push(LinkChange {
            parent: parent.map(|(id, _)| id),
            child,
            side,
        });
    }

    fn variables(&self) -> Vec<Variable> {
        let key = self.key();
        let (x, z, s) = match &self.phase {
            Phase::Walk { x, .. } => (x.map(|id| self.node(id).key), None, None),
            Phase::Delete { z, .. } => (None, Some(self.node(*z).key), None),
            Phase::Successor { z, s, .. } => {
                (None, Some(self.node(*z).key), Some(self.node(*s).key))
            }
            Phase::Copied { s, .. } => (None, None, Some(self.node(*s).key)),
            Phase::Next { .. } => (None, None, None),
        };
        vec![
            Variable::new(
                "operation",
                self.under_way().map(crate::snapshot::Value::Label),
            ),
            Variable::new("k", key.filter(|_| self.event != Event::Done)),
            Variable::new("x", x),
            Variable::new("z", z),
            Variable::new("s", s),
            Variable::new("keys", Some(self.live() as i64)),
        ]
    }

    /// The tree as drawn at this step: every live node placed by the tidy layout of the current shape.
    fn frame(&self, operation: Option<Operation>) -> TreeFrame {
        let placed = tidy_layout(self.root, |id| {
            let node = self.node(id);
            (node.left, node.right)
        });
        let nodes = placed
            .into_iter()
            .map(|(id, x, depth)| {
                let node = self.node(id);
                TreeNode {
                    id,
                    key: node.key,
                    left: node.left,
                    right: node.right,
                    fields: Vec::new(),
                    x,
                    depth,
                }
            })
            .collect();
        let mut marks: Vec<(NodeId, TreeMark)> = Vec::new();
        let mut mark = |id: NodeId, what: TreeMark| {
            if self.nodes.get(id as usize).is_some_and(Option::is_some) {
                marks.retain(|&(other, _)| other != id);
                marks.push((id, what));
            }
        };
        let inside = !matches!(self.event, Event::Done | Event::Start);
        if inside {
            for &id in &self.path {
                mark(id, TreeMark::Path);
            }
        }
        match self.event {
            Event::Compared { node, ordering } => mark(
                node,
                if ordering == Compared::Equal {
                    TreeMark::Found
                } else {
                    TreeMark::Current
                },
            ),
            Event::Hung { node } => mark(node, TreeMark::Inserted),
            Event::SuccessorAt { z, s, .. } => {
                mark(z, TreeMark::Found);
                mark(s, TreeMark::Current);
            }
            Event::CopiedKey { s, .. } => mark(s, TreeMark::Moving),
            _ => {}
        }
        let pending = match (operation, &self.event) {
            (Some(Operation::Insert(key)), Event::Begin | Event::Compared { .. }) => Some(key),
            _ => None,
        };
        TreeFrame {
            nodes,
            root: self.root,
            marks,
            changed: self.changed.clone(),
            operation: self.under_way(),
            pending,
        }
    }

    /// The operation under way as the script says it (`insert 40`); none before the first or at the end.
    fn under_way(&self) -> Option<String> {
        self.current_op()
            .filter(|_| self.event != Event::Done)
            .map(|op| self.operation(op).to_string())
    }

    fn operation(&self, op: usize) -> Operation {
        self.script.operations[op]
    }

    /// The key of the operation under way.
    fn key(&self) -> Option<i64> {
        self.current_op().and_then(|op| self.operation(op).key())
    }

    fn current_op(&self) -> Option<usize> {
        match self.phase {
            Phase::Next { op } => op.checked_sub(1),
            Phase::Walk { op, .. }
            | Phase::Delete { op, .. }
            | Phase::Successor { op, .. }
            | Phase::Copied { op, .. } => Some(op),
        }
    }

    /// The keys in order.
    pub fn keys(&self) -> Vec<i64> {
        in_order(self.root, |id| {
            let node = self.node(id);
            (node.key, node.left, node.right)
        })
    }

    fn live(&self) -> usize {
        self.nodes.iter().flatten().count()
    }

    fn height(&self) -> usize {
        let mut deepest = 0;
        let mut stack: Vec<(NodeId, usize)> = self.root.map(|id| (id, 1)).into_iter().collect();
        while let Some((id, depth)) = stack.pop() {
            deepest = deepest.max(depth);
            let node = self.node(id);
            stack.extend(node.left.map(|child| (child, depth + 1)));
            stack.extend(node.right.map(|child| (child, depth + 1)));
        }
        deepest
    }

    fn new_node(&mut self, key: i64) -> NodeId {
        let node = Some(Node {
            key,
            left: None,
            right: None,
        });
        // Ids are never reused, so a node keeps its handle (and its place, where the shape allows) for
        // its whole life.
        self.nodes.push(node);
        (self.nodes.len() - 1) as NodeId
    }
}

impl Algorithm for BinarySearchTree {
    fn step(&mut self, c: &mut Counters) -> bool {
        self.changed.clear();
        match self.phase.clone() {
            Phase::Next { op } if op == self.script.operations.len() => {
                if self.event == Event::Done {
                    return false;
                }
                self.event = Event::Done;
                self.path.clear();
            }
            Phase::Next { op } => {
                self.path.clear();
                self.event = Event::Begin;
                self.phase = Phase::Walk {
                    op,
                    x: self.root,
                    parent: None,
                };
            }
            Phase::Walk {
                op,
                x: Some(x),
                parent,
            } => {
                let key = self.operation(op).key().expect("walks carry a key");
                c.visited += 1;
                let ordering = c.compare(key, self.node(x).key);
                self.path.push(x);
                self.event = Event::Compared {
                    node: x,
                    ordering: ordering.into(),
                };
                self.phase = match (ordering, self.operation(op)) {
                    (Ordering::Equal, Operation::Delete(_)) => Phase::Delete { op, z: x, parent },
                    (Ordering::Equal, _) => Phase::Next { op: op + 1 },
                    (Ordering::Less, _) => Phase::Walk {
                        op,
                        x: self.node(x).left,
                        parent: Some((x, Side::Left)),
                    },
                    (Ordering::Greater, _) => Phase::Walk {
                        op,
                        x: self.node(x).right,
                        parent: Some((x, Side::Right)),
                    },
                };
            }
            Phase::Walk {
                op,
                x: None,
                parent,
            } => {
                match self.operation(op) {
                    Operation::Insert(key) => {
                        let node = self.new_node(key);
                        self.link(parent, Some(node));
                        self.event = Event::Hung { node };
                    }
                    _ => self.event = Event::FellOff,
                }
                self.phase = Phase::Next { op: op + 1 };
            }
            Phase::Delete { op, z, parent } => {
                let Node { key, left, right } = self.node(z).clone();
                match (left, right) {
                    (Some(_), Some(right)) => {
                        c.visited += 1;
                        self.path.push(right);
                        self.event = Event::SuccessorAt {
                            z,
                            s: right,
                            first: true,
                        };
                        self.phase = Phase::Successor {
                            op,
                            z,
                            s: right,
                            parent: (z, Side::Right),
                        };
                    }
                    (child, None) | (None, child) => {
                        self.link(parent, child);
                        self.nodes[z as usize] = None;
                        self.event = Event::Unlinked {
                            key,
                            child,
                            successor: false,
                        };
                        self.phase = Phase::Next { op: op + 1 };
                    }
                }
            }
            Phase::Successor { op, z, s, parent } => match self.node(s).left {
                Some(left) => {
                    c.visited += 1;
                    self.path.push(left);
                    self.event = Event::SuccessorAt {
                        z,
                        s: left,
                        first: false,
                    };
                    self.phase = Phase::Successor {
                        op,
                        z,
                        s: left,
                        parent: (s, Side::Left),
                    };
                }
                None => {
                    let replaced = self.node(z).key;
                    self.node_mut(z).key = self.node(s).key;
                    self.event = Event::CopiedKey { s, replaced };
                    self.phase = Phase::Copied { op, s, parent };
                }
            },
            Phase::Copied { op, s, parent } => {
                let Node { key, right, .. } = self.node(s).clone();
                self.link(Some(parent), right);
                self.nodes[s as usize] = None;
                self.event = Event::Unlinked {
                    key,
                    child: right,
                    successor: true,
                };
                self.phase = Phase::Next { op: op + 1 };
            }
        }
        true
    }

    fn view(&self) -> View {
        let op = self.current_op();
        let operation = op.map(|op| self.operation(op));
        let key = self.key();
        let said = |node: NodeId| self.node(node).key;
        let (line, narration) = match (&self.event, operation) {
            (Event::Start, _) => (
                line::RUN,
                format!(
                    "An empty binary search tree and a script of {}: {}.",
                    crate::plural(self.script.operations.len(), "operation", "operations"),
                    self.script
                ),
            ),
            (Event::Begin, Some(operation)) => {
                let (line, verb) = match operation {
                    Operation::Insert(_) => (line::INSERT, "Insert"),
                    Operation::Delete(_) => (line::DELETE, "Delete"),
                    _ => (line::SEARCH, "Find"),
                };
                let k = key.expect("every BST operation has a key");
                let start = match self.root {
                    Some(root) => format!("start at the root, {}", said(root)),
                    None => "the tree is empty".to_owned(),
                };
                (line, format!("{verb} {k}: {start}."))
            }
            (Event::Compared { node, ordering }, Some(operation)) => {
                let k = key.expect("walks carry a key");
                let at = said(*node);
                let inserting = matches!(operation, Operation::Insert(_));
                match ordering {
                    Compared::Equal if inserting => (
                        line::INSERT_PRESENT,
                        format!("{k} = {at}: {k} is in the tree already, so nothing is inserted."),
                    ),
                    Compared::Equal if matches!(operation, Operation::Delete(_)) => (
                        line::SEARCH_RETURN,
                        format!("{k} = {at}: found the node to delete."),
                    ),
                    Compared::Equal => (line::SEARCH_RETURN, format!("{k} = {at}: found {k}.")),
                    Compared::Less | Compared::Greater => {
                        let (sign, side, next) = if *ordering == Compared::Less {
                            ("<", "left", self.node(*node).left)
                        } else {
                            (">", "right", self.node(*node).right)
                        };
                        let then = match next {
                            Some(child) => format!("go {side} to {}", said(child)),
                            None => format!("the {side} link is empty"),
                        };
                        let line = if inserting {
                            line::INSERT_MOVE
                        } else {
                            line::SEARCH_MOVE
                        };
                        (line, format!("{k} {sign} {at}: {then}."))
                    }
                }
            }
            (Event::FellOff, Some(operation)) => {
                let k = key.expect("walks carry a key");
                let line = if matches!(operation, Operation::Delete(_)) {
                    line::DELETE
                } else {
                    line::SEARCH_RETURN
                };
                (line, format!("x = nil: {k} is not in the tree."))
            }
            (Event::Hung { node }, _) => {
                let k = said(*node);
                let place = match self.changed.first().and_then(|change| change.parent) {
                    Some(parent) => {
                        let side = if self.node(parent).left == Some(*node) {
                            "left"
                        } else {
                            "right"
                        };
                        format!("as the {side} child of {}", said(parent))
                    }
                    None => "as the root".to_owned(),
                };
                (line::INSERT_HANG, format!("A new node {k} hangs {place}."))
            }
            (
                Event::Unlinked {
                    key: removed,
                    child,
                    successor,
                },
                _,
            ) => {
                let line = match (successor, child) {
                    (true, _) => line::DELETE_SPLICE,
                    (false, None) => line::DELETE_LEAF,
                    (false, Some(_)) => line::DELETE_ONE,
                };
                let whose = if *successor {
                    "The successor's old node"
                } else {
                    "It"
                };
                let narration = match child {
                    None if *successor => format!("{whose} has no right child: it is unlinked."),
                    None => format!("{removed} has no child: it is unlinked."),
                    Some(child) if *successor => format!(
                        "{whose} is spliced out: its right child, {}, takes its place.",
                        said(*child)
                    ),
                    Some(child) => format!(
                        "{removed} has one child, {}, which takes its place.",
                        said(*child)
                    ),
                };
                (line, narration)
            }
            (Event::SuccessorAt { z, s, first }, _) => {
                let at = said(*s);
                if *first {
                    (
                        line::SUCCESSOR,
                        format!(
                            "{} has two children: its successor is the smallest key of its right subtree; start at {at}.",
                            said(*z)
                        ),
                    )
                } else {
                    (line::SUCCESSOR_LEFT, format!("Go left to {at}."))
                }
            }
            (Event::CopiedKey { s, replaced }, _) => (
                line::DELETE_TWO,
                format!(
                    "{at} has no left child, so it is the successor: {at} replaces {replaced}.",
                    at = said(*s)
                ),
            ),
            (Event::Done, _) => (
                line::RUN,
                format!(
                    "All {} done: the tree holds {} in {}.",
                    crate::plural(self.script.operations.len(), "operation", "operations"),
                    crate::plural(self.live(), "key", "keys"),
                    crate::plural(self.height(), "level", "levels")
                ),
            ),
            (_, None) => unreachable!("events inside an operation have one"),
        };
        View {
            line,
            narration,
            variables: self.variables(),
            frame: crate::Frame::Tree(self.frame(operation)),
        }
    }

    fn is_done(&self) -> bool {
        self.event == Event::Done
    }

    fn heap_bytes(&self) -> usize {
        self.nodes.capacity() * size_of::<Option<Node>>()
            + self.script.operations.capacity() * size_of::<Operation>()
            + (self.path.capacity() + self.changed.capacity()) * size_of::<LinkChange>()
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::kinds::tree::{KeyOrder, ScriptGenerator, parse_script};
    use crate::machine::{Machine, Run};

    fn run(text: &str) -> Run<BinarySearchTree> {
        Run::new(BinarySearchTree::new(parse_script(text).unwrap()))
    }

    fn narrations(text: &str) -> Vec<String> {
        run(text)
            .steps()
            .map(|snapshot| snapshot.narration)
            .collect()
    }

    #[test]
    fn each_step_says_what_it_did() {
        assert_eq!(
            narrations("insert 50 30 40; find 40; find 45"),
            [
                "An empty binary search tree and a script of 5 operations: insert 50 30 40; find 40 45.",
                "Insert 50: the tree is empty.",
                "A new node 50 hangs as the root.",
                "Insert 30: start at the root, 50.",
                "30 < 50: the left link is empty.",
                "A new node 30 hangs as the left child of 50.",
                "Insert 40: start at the root, 50.",
                "40 < 50: go left to 30.",
                "40 > 30: the right link is empty.",
                "A new node 40 hangs as the right child of 30.",
                "Find 40: start at the root, 50.",
                "40 < 50: go left to 30.",
                "40 > 30: go right to 40.",
                "40 = 40: found 40.",
                "Find 45: start at the root, 50.",
                "45 < 50: go left to 30.",
                "45 > 30: go right to 40.",
                "45 > 40: the right link is empty.",
                "x = nil: 45 is not in the tree.",
                "All 5 operations done: the tree holds 3 keys in 3 levels.",
            ]
        );
    }

    #[test]
    fn deleting_a_node_with_two_children_copies_its_successor() {
        let steps = narrations("insert 50 30 70 20 40 35 45; delete 30");
        let tail: Vec<&str> = steps[steps.len() - 8..]
            .iter()
            .map(String::as_str)
            .collect();
        assert_eq!(
            tail,
            [
                "Delete 30: start at the root, 50.",
                "30 < 50: go left to 30.",
                "30 = 30: found the node to delete.",
                "30 has two children: its successor is the smallest key of its right subtree; start at 40.",
                "Go left to 35.",
                "35 has no left child, so it is the successor: 35 replaces 30.",
                "The successor's old node has no right child: it is unlinked.",
                "All 8 operations done: the tree holds 6 keys in 4 levels.",
            ]
        );
    }

    #[test]
    fn a_leaf_and_a_node_with_one_child_leave_by_their_own_lines() {
        let mut machine = run("insert 5 3 8 9; delete 3; delete 8; delete 7");
        let mut lines = Vec::new();
        while machine.advance() {
            lines.push(machine.snapshot().line);
        }
        assert!(lines.contains(&line::DELETE_LEAF));
        assert!(lines.contains(&line::DELETE_ONE));
        assert!(!lines.contains(&line::DELETE_TWO));
        assert_eq!(machine.algorithm().keys(), [5, 9]);
        let last = machine.snapshot();
        let crate::Frame::Tree(frame) = last.frame else {
            panic!("a tree frame")
        };
        assert_eq!(frame.in_order(), [5, 9]);
    }

    /// Every operation, checked against `BTreeSet` at its end, and the search order after every step.
    #[test]
    fn scripts_match_a_btreeset_and_keep_the_search_order() {
        for seed in 0..1_000u64 {
            let generator = ScriptGenerator {
                keys: 1 + (seed as usize * 7) % 60,
                order: [KeyOrder::Random, KeyOrder::Sorted, KeyOrder::Reversed][seed as usize % 3],
                mixed: true,
                seed,
            };
            let script = generator.script().unwrap();
            let mut machine = Run::new(BinarySearchTree::new(script.clone()));
            let mut reference = BTreeSet::new();
            let mut done = 0;
            loop {
                let keys = machine.algorithm().keys();
                // Between copying the successor's key and splicing the successor out, the key is in two
                // nodes; otherwise the order is strict.
                let copying = matches!(machine.algorithm().phase, Phase::Copied { .. });
                assert!(
                    keys.is_sorted_by(|a, b| a < b || (copying && a == b)),
                    "seed {seed}: {keys:?}"
                );
                // Operations finished so far have exactly the reference's effect, in the drawn tree too.
                if let Phase::Next { op: finished } = machine.algorithm().phase {
                    while done < finished {
                        match script.operations[done] {
                            Operation::Insert(key) => {
                                reference.insert(key);
                            }
                            Operation::Delete(key) => {
                                reference.remove(&key);
                            }
                            _ => {}
                        }
                        done += 1;
                    }
                    let crate::Frame::Tree(frame) = machine.snapshot().frame else {
                        panic!("a tree frame")
                    };
                    assert_eq!(frame.in_order(), keys);
                    assert_eq!(
                        keys,
                        reference.iter().copied().collect::<Vec<_>>(),
                        "seed {seed}"
                    );
                }
                if let Some(Operation::Find(key)) = machine
                    .algorithm()
                    .current_op()
                    .map(|op| script.operations[op])
                {
                    if let Event::FellOff = machine.algorithm().event {
                        assert!(!reference.contains(&key));
                    }
                    if let Event::Compared {
                        ordering: Compared::Equal,
                        ..
                    } = machine.algorithm().event
                    {
                        assert!(reference.contains(&key));
                    }
                }
                if !machine.advance() {
                    break;
                }
            }
            assert_eq!(done, script.operations.len());
            assert!(machine.is_finished());
        }
    }

    /// A run saved at any step and read back goes on with exactly the steps the original takes.
    #[test]
    fn a_saved_run_resumes_with_exactly_the_remaining_steps() {
        for seed in 0..100u64 {
            let script = ScriptGenerator {
                keys: 1 + seed as usize % 25,
                order: KeyOrder::Random,
                mixed: true,
                seed,
            }
            .script()
            .unwrap();
            let mut original = Run::new(BinarySearchTree::new(script));
            let stop = seed * 7 % 40;
            for _ in 0..stop {
                original.advance();
            }
            let saved = serde_json::to_string(&original).unwrap();
            let resumed: Run<BinarySearchTree> = serde_json::from_str(&saved).unwrap();
            assert_eq!(resumed, original);
            let rest: Vec<_> = original.steps().collect();
            assert_eq!(resumed.steps().collect::<Vec<_>>(), rest, "seed {seed}");
        }
    }

    #[test]
    fn the_frame_reads_aloud_level_by_level() {
        let mut machine = run("insert 50 30 70 20");
        machine.run_to_end();
        let crate::Frame::Tree(frame) = machine.snapshot().frame else {
            panic!("a tree frame")
        };
        assert_eq!(
            frame.describe(),
            "A tree of 4 nodes with root 50 and 3 levels. Level 1: 50. Level 2: 30, 70. Level 3: 20."
        );
        let empty = run("find 1").snapshot();
        let crate::Frame::Tree(frame) = empty.frame else {
            panic!("a tree frame")
        };
        assert_eq!(frame.describe(), "The tree is empty.");
    }

    #[test]
    fn sorted_insertions_make_a_list_and_cost_quadratic_comparisons() {
        let mut machine = Run::new(BinarySearchTree::new(
            ScriptGenerator {
                keys: 100,
                order: KeyOrder::Sorted,
                mixed: false,
                seed: 3,
            }
            .script()
            .unwrap(),
        ));
        let counters = machine.run_to_end();
        assert_eq!(machine.algorithm().height(), 100);
        assert_eq!(counters.comparisons, 100 * 99 / 2);
        assert_eq!(counters.visited, counters.comparisons);
    }
}

//! Search trees: structures that keep keys in order in linked nodes, on the tree kind.

use crate::kinds::tree::{TreeRules, Verb};
use crate::snapshot::Counter;

pub mod bst;

/// What a search tree takes: insertions, deletions and searches by key.
pub(crate) const SEARCH_TREE_RULES: TreeRules = TreeRules {
    verbs: &[Verb::Insert, Verb::Delete, Verb::Find],
};

/// What the search trees count: key comparisons and the nodes a walk stands on.
pub(crate) const SEARCH_TREE_COUNTERS: &[Counter] = &[Counter::Comparisons, Counter::Visited];

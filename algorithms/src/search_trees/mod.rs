//! Search trees: structures that keep keys in order in linked nodes, on the tree kind.

pub mod bst;

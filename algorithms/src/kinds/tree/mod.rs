//! The tree kind: structures of keys in linked nodes (search trees, heaps). Its input is a script of
//! operations ([`script`]); its frame is the nodes, drawn by a tidy layout ([`frame`]).

pub mod frame;
pub mod script;

pub use frame::{LinkChange, NodeId, Side, TreeFrame, TreeMark, TreeNode, in_order, tidy_layout};
pub use script::{KeyOrder, Operation, Script, ScriptError, ScriptGenerator, Verb, parse_script};

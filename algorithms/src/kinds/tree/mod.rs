//! The tree kind: structures of keys in linked nodes (search trees, heaps). Its input is a script of
//! operations ([`script`]), checked against the operations an entry takes ([`input`]); its frame is the
//! nodes, drawn by a tidy layout ([`frame`]); its prediction questions are in `quiz`.

pub mod frame;
pub mod input;
pub(crate) mod quiz;
pub mod script;

pub use frame::{LinkChange, NodeId, Side, TreeFrame, TreeMark, TreeNode, in_order, tidy_layout};
pub use input::{TREE_PRESETS, TreePreset, TreeRules};
pub use script::{
    COUNT_OPERATIONS, KEY_LIMIT, KeyOrder, Operation, STEP_INSERTIONS, STEP_OPERATIONS, Script,
    ScriptError, ScriptGenerator, Verb, parse_script,
};

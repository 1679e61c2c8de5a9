//! AlgoVista's algorithms, each a deterministic state machine over serializable state.
//!
//! This crate knows nothing about the web, storage or the clock: the app and the server depend on it,
//! never the other way round.

pub mod machine;
pub mod snapshot;
pub mod sorting {
    pub mod bubble;
}

pub use machine::{Machine, Steps};
pub use snapshot::{ArrayFrame, Counters, Frame, Mark, Snapshot, Value, Variable};

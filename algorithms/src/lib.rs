//! AlgoVista's algorithms, each a deterministic state machine over serializable state.
//!
//! This crate knows nothing about the web, storage or the clock: the app and the server depend on it,
//! never the other way round.

pub mod catalogue;
#[cfg(feature = "graphs")]
pub mod graph;
#[cfg(feature = "graphs")]
pub mod graphs;
#[cfg(feature = "grids")]
pub mod grid;
#[cfg(feature = "grids")]
pub mod grids;
pub mod input;
#[cfg(feature = "trees")]
pub mod kinds;
pub mod legend;
pub mod machine;
pub mod quiz;
#[cfg(feature = "trees")]
pub mod search_trees;
pub mod searching;
pub mod snapshot;
pub mod sorting;
pub mod text;
pub mod timeline;
pub mod trace_file;
#[cfg(any(feature = "graphs", feature = "grids"))]
mod union_find;

#[cfg(feature = "graphs")]
pub use graph::{Graph, GraphGenerator};
#[cfg(feature = "grids")]
pub use grid::{Grid, GridGenerator};
pub use input::{Generator, Input, InputError, Mode, Preset};
pub use legend::{Key, Shown};
pub use machine::{Algorithm, DynMachine, Machine, Run, Steps};
pub use snapshot::{
    ArrayFrame, AuxArray, CellState, Column, Counter, Counters, EdgeState, Frame, FrameKind,
    GraphFrame, GridFrame, Item, Mark, NodeState, Pointer, Snapshot, Structure, StructureKind,
    TableFocus, Value, Variable, View,
};
pub use text::plural;
pub use timeline::Timeline;
pub use trace_file::{TraceFile, TraceFileError};

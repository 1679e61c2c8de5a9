//! AlgoVista's algorithms, each a deterministic state machine over serializable state.
//!
//! This crate knows nothing about the web, storage or the clock: the app and the server depend on it,
//! never the other way round.

pub mod catalogue;
pub mod input;
pub mod machine;
pub mod quiz;
pub mod searching;
pub mod snapshot;
pub mod sorting;
pub mod timeline;
pub mod trace_file;

pub use input::{Generator, Input, InputError, Mode, Preset};
pub use machine::{Algorithm, DynMachine, Machine, Run, Steps};
pub use snapshot::{
    ArrayFrame, AuxArray, Counters, Frame, FrameKind, Mark, Pointer, Snapshot, Value, Variable,
    View,
};
pub use timeline::Timeline;
pub use trace_file::{TraceFile, TraceFileError};

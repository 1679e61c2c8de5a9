//! The contract every algorithm implements: a deterministic transition over serializable state.

use serde::{Serialize, de::DeserializeOwned};

use crate::snapshot::{Counters, Snapshot};

/// An algorithm run as a state machine. The state *is* the position in the run: cloning it, or serializing
/// and deserializing it, and then calling [`advance`](Self::advance) yields exactly the steps the original
/// would have yielded. That is what lets a session resume at its exact step without replaying.
pub trait Machine: Clone + Serialize + DeserializeOwned {
    /// Moves to the next step. Returns `false`, changing nothing, once the run is finished. Must stay cheap:
    /// count-only runs call nothing else, so no narration or frame is built here.
    fn advance(&mut self) -> bool;

    /// What the current step shows.
    fn snapshot(&self) -> Snapshot;

    /// The index of the current step; 0 before the first operation.
    fn step(&self) -> u64;

    fn counters(&self) -> Counters;

    fn is_finished(&self) -> bool;

    /// Every snapshot from the current step to the end of the run, the current one first.
    fn steps(self) -> Steps<Self> {
        Steps {
            machine: Some(self),
        }
    }

    /// Runs to the end without building snapshots and returns the final counters.
    fn run_to_end(&mut self) -> Counters {
        while self.advance() {}
        self.counters()
    }
}

/// Iterator over a machine's snapshots; see [`Machine::steps`].
pub struct Steps<M> {
    machine: Option<M>,
}

impl<M: Machine> Iterator for Steps<M> {
    type Item = Snapshot;

    fn next(&mut self) -> Option<Snapshot> {
        let machine = self.machine.as_mut()?;
        let snapshot = machine.snapshot();
        if !machine.advance() {
            self.machine = None;
        }
        Some(snapshot)
    }
}

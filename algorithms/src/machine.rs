//! The contract every algorithm implements, and the run that wraps it.
//!
//! An [`Algorithm`] is a deterministic transition over serializable state. [`Run`] adds what every run has
//! (step index, counters) and implements [`Machine`], the interface the rest of the product steps through.
//! The state *is* the position in the run: cloning a run, or serializing and deserializing it, and then
//! advancing yields exactly the steps the original would have yielded. That is how a session resumes at its
//! exact step without replaying, and how the timeline seeks.

use serde::{Deserialize, Serialize, de::DeserializeOwned};

use crate::snapshot::{Counters, Snapshot, View};

pub trait Algorithm: Clone + Serialize + DeserializeOwned + 'static {
    /// Performs the next operation, counting it in `counters`. Returns `false`, changing nothing, once the
    /// final step is reached. Must stay cheap: count-only runs call nothing else, so narration and frames are
    /// built in [`view`](Self::view), never here.
    fn step(&mut self, counters: &mut Counters) -> bool;

    /// What the current step shows.
    fn view(&self) -> View;

    fn is_done(&self) -> bool;

    /// Heap bytes the state owns; sizes the timeline's keyframe interval.
    fn heap_bytes(&self) -> usize;
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Run<A> {
    algorithm: A,
    step: u64,
    counters: Counters,
}

impl<A: Algorithm> Run<A> {
    pub fn new(algorithm: A) -> Self {
        Run {
            algorithm,
            step: 0,
            counters: Counters::default(),
        }
    }

    pub fn algorithm(&self) -> &A {
        &self.algorithm
    }
}

/// Stepping through a run. Implemented by every [`Run`] and by the catalogue's `Box<dyn DynMachine>`.
pub trait Machine: Clone {
    /// Moves to the next step. Returns `false`, changing nothing, once the run is finished.
    fn advance(&mut self) -> bool;

    fn snapshot(&self) -> Snapshot;

    /// The index of the current step; 0 before the first operation.
    fn step(&self) -> u64;

    fn counters(&self) -> Counters;

    fn is_finished(&self) -> bool;

    fn heap_bytes(&self) -> usize;

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

impl<A: Algorithm> Machine for Run<A> {
    #[inline]
    fn advance(&mut self) -> bool {
        let moved = self.algorithm.step(&mut self.counters);
        self.step += u64::from(moved);
        moved
    }

    fn snapshot(&self) -> Snapshot {
        let View {
            line,
            narration,
            variables,
            frame,
        } = self.algorithm.view();
        Snapshot {
            step: self.step,
            line,
            narration,
            variables,
            counters: self.counters,
            frame,
            finished: self.algorithm.is_done(),
        }
    }

    fn step(&self) -> u64 {
        self.step
    }

    fn counters(&self) -> Counters {
        self.counters
    }

    fn is_finished(&self) -> bool {
        self.algorithm.is_done()
    }

    fn heap_bytes(&self) -> usize {
        self.algorithm.heap_bytes()
    }
}

/// A run of any algorithm, for code that picks the algorithm at run time (the catalogue, the app, the CLI).
pub trait DynMachine {
    fn advance(&mut self) -> bool;
    fn snapshot(&self) -> Snapshot;
    fn step(&self) -> u64;
    fn counters(&self) -> Counters;
    fn is_finished(&self) -> bool;
    fn heap_bytes(&self) -> usize;
    /// Runs to the end inside the concrete type, so count-only runs pay no dynamic dispatch per step.
    fn run_to_end(&mut self) -> Counters;
    fn clone_box(&self) -> Box<dyn DynMachine>;
    /// The resumable state; the catalogue entry's `restore` turns it back into a run. With the `restore`
    /// feature only: every method of this trait is linked for every algorithm, and a client that never
    /// saves should not ship 22 state serializers.
    #[cfg(feature = "restore")]
    fn save(&self) -> serde_json::Value;
}

impl<A: Algorithm> DynMachine for Run<A> {
    fn advance(&mut self) -> bool {
        Machine::advance(self)
    }
    fn snapshot(&self) -> Snapshot {
        Machine::snapshot(self)
    }
    fn step(&self) -> u64 {
        self.step
    }
    fn counters(&self) -> Counters {
        self.counters
    }
    fn is_finished(&self) -> bool {
        Machine::is_finished(self)
    }
    fn heap_bytes(&self) -> usize {
        Machine::heap_bytes(self)
    }
    fn run_to_end(&mut self) -> Counters {
        Machine::run_to_end(self)
    }
    fn clone_box(&self) -> Box<dyn DynMachine> {
        Box::new(self.clone())
    }
    #[cfg(feature = "restore")]
    fn save(&self) -> serde_json::Value {
        serde_json::to_value(self).expect("run state is plain data")
    }
}

impl Clone for Box<dyn DynMachine> {
    fn clone(&self) -> Self {
        self.clone_box()
    }
}

impl Machine for Box<dyn DynMachine> {
    fn advance(&mut self) -> bool {
        (**self).advance()
    }
    fn snapshot(&self) -> Snapshot {
        (**self).snapshot()
    }
    fn step(&self) -> u64 {
        (**self).step()
    }
    fn counters(&self) -> Counters {
        (**self).counters()
    }
    fn is_finished(&self) -> bool {
        (**self).is_finished()
    }
    fn heap_bytes(&self) -> usize {
        (**self).heap_bytes()
    }
    fn run_to_end(&mut self) -> Counters {
        (**self).run_to_end()
    }
}

/// SHA-256 (hex) of a JSON value in canonical form (object keys sorted, no spaces), so the app and the
/// server agree on it whatever order their JSON maps keep. [`Snapshot::hash`] is this of a snapshot.
pub fn canonical_hash(state: &serde_json::Value) -> String {
    use sha2::{Digest, Sha256};
    let mut canonical = String::new();
    write_canonical(state, &mut canonical);
    Sha256::digest(canonical.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn write_canonical(value: &serde_json::Value, out: &mut String) {
    match value {
        serde_json::Value::Object(map) => {
            let mut entries: Vec<_> = map.iter().collect();
            entries.sort_by(|a, b| a.0.cmp(b.0));
            out.push('{');
            for (index, (key, value)) in entries.into_iter().enumerate() {
                if index > 0 {
                    out.push(',');
                }
                out.push_str(&serde_json::Value::String(key.clone()).to_string());
                out.push(':');
                write_canonical(value, out);
            }
            out.push('}');
        }
        serde_json::Value::Array(items) => {
            out.push('[');
            for (index, item) in items.iter().enumerate() {
                if index > 0 {
                    out.push(',');
                }
                write_canonical(item, out);
            }
            out.push(']');
        }
        scalar => out.push_str(&scalar.to_string()),
    }
}

/// Restores a saved run of a known algorithm type.
pub fn restore<A: Algorithm>(
    state: serde_json::Value,
) -> Result<Box<dyn DynMachine>, serde_json::Error> {
    Ok(Box::new(serde_json::from_value::<Run<A>>(state)?))
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

#[cfg(test)]
mod tests {
    use super::canonical_hash;
    use serde_json::json;

    #[test]
    fn canonical_hash_ignores_key_order_and_sees_every_value() {
        let a: serde_json::Value =
            serde_json::from_str(r#"{"b": [1, {"y": 2, "x": 3}], "a": "s"}"#).unwrap();
        let b: serde_json::Value =
            serde_json::from_str(r#"{"a": "s", "b": [1, {"x": 3, "y": 2}]}"#).unwrap();
        assert_eq!(canonical_hash(&a), canonical_hash(&b));
        assert_ne!(
            canonical_hash(&a),
            canonical_hash(&json!({"a": "s", "b": [1, {"x": 3, "y": 4}]}))
        );
        assert_eq!(canonical_hash(&a).len(), 64);
    }
}

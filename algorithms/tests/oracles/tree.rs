//! Reference results for the tree kind, from `std::collections::BTreeSet`: the keys a script leaves and
//! how many of its finds succeed, with the search order and the frame's own consistency at every step.

use std::collections::{BTreeSet, HashSet};

use algorithms::catalogue::{Entry, InputKind};
use algorithms::kinds::tree::{KeyOrder, Operation, Script, ScriptGenerator, TreeFrame, TreeMark};
use algorithms::{Frame, Input, Snapshot};
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;

fn frame(snapshot: &Snapshot) -> &TreeFrame {
    match &snapshot.frame {
        Frame::Tree(frame) => frame,
        other => panic!("a tree entry draws tree frames, not {other:?}"),
    }
}

/// Scripts for an entry, of its operations only: half typed by hand as a learner might (keys from a
/// small range, so inserts of present keys, deletes of absent ones and finds of both all happen), half
/// from the seeded generator in every key order (so deep and one-sided shapes appear too).
pub fn inputs(entry: &'static Entry, max_operations: usize) -> BoxedStrategy<Input> {
    let InputKind::Tree(rules) = entry.input.kind else {
        panic!("{} is not a tree entry", entry.id)
    };
    let key = -20i64..=20;
    let operation = prop_oneof![
        3 => key.clone().prop_map(Operation::Insert),
        1 => key.clone().prop_map(Operation::Delete),
        1 => key.prop_map(Operation::Find),
        1 => Just(Operation::Extract),
    ]
    .prop_filter("an operation the entry takes", move |operation| {
        rules.verbs.contains(&operation.verb())
    });
    let typed = prop::collection::vec(operation, 1..=max_operations.max(1))
        .prop_map(|operations| Input::tree(Script { operations }));
    let generated = (
        1..=(max_operations / 2).max(1),
        prop::sample::select(vec![KeyOrder::Random, KeyOrder::Sorted, KeyOrder::Reversed]),
        any::<bool>(),
        any::<u64>(),
    )
        .prop_map(move |(keys, order, mixed, seed)| {
            entry
                .generate_script(&ScriptGenerator {
                    keys,
                    order,
                    mixed,
                    seed,
                })
                .expect("a generated script within the limits")
        });
    prop_oneof![typed, generated].boxed()
}

/// The run of `script`, every snapshot of it: each frame is a tree in search order whose links name its
/// own nodes; the last holds exactly the keys a `BTreeSet` holds after the script, and as many finds
/// succeed (a node marked found while a find is under way) as succeed on the set.
pub fn check(script: &Script, snapshots: &[Snapshot]) -> Result<(), TestCaseError> {
    for snapshot in snapshots {
        let frame = frame(snapshot);
        let ids: HashSet<u32> = frame.nodes.iter().map(|node| node.id).collect();
        prop_assert_eq!(ids.len(), frame.nodes.len(), "each node drawn once");
        for node in &frame.nodes {
            for child in [node.left, node.right].into_iter().flatten() {
                prop_assert!(ids.contains(&child), "{} links a node it lacks", node.key);
            }
        }
        prop_assert!(frame.root.is_none_or(|root| ids.contains(&root)));
        let keys = frame.in_order();
        prop_assert_eq!(keys.len(), frame.nodes.len(), "every node under the root");
        // While a successor's key is copied, it is in two nodes for one step; otherwise strictly ordered.
        prop_assert!(
            keys.is_sorted(),
            "step {}: search order broken: {:?}",
            snapshot.step,
            keys
        );
        for (id, _) in &frame.marks {
            prop_assert!(ids.contains(id), "a mark on a node the frame lacks");
        }
    }
    let mut reference = BTreeSet::new();
    let mut found = 0;
    for operation in &script.operations {
        match *operation {
            Operation::Insert(key) => {
                reference.insert(key);
            }
            Operation::Delete(key) => {
                reference.remove(&key);
            }
            Operation::Find(key) => found += usize::from(reference.contains(&key)),
            Operation::Extract => {
                reference.pop_first();
            }
        }
    }
    let last = snapshots.last().expect("a run has a snapshot");
    prop_assert!(last.finished);
    let keys = frame(last).in_order();
    prop_assert!(keys.is_sorted_by(|a, b| a < b), "no key twice at the end");
    prop_assert_eq!(keys, reference.into_iter().collect::<Vec<_>>());
    let reported = snapshots
        .iter()
        .filter(|snapshot| {
            let frame = frame(snapshot);
            frame
                .operation
                .as_deref()
                .is_some_and(|operation| operation.starts_with("find "))
                && frame.marks.iter().any(|&(_, mark)| mark == TreeMark::Found)
        })
        .count();
    prop_assert_eq!(reported, found, "finds that succeed");
    Ok(())
}

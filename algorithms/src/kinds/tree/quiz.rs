//! The tree kind's prediction questions, asked over two consecutive snapshots like every other kind's
//! (`crate::quiz::ask` hands tree frames here):
//!
//! - An insertion is about to walk down: under which node, on which side, will its key hang? Read from
//!   the tree shown, by the search order every search tree keeps (the walk's end is fixed by it).
//! - A walk is about to compare its key with a node's: does it go on to the left or the right?

use std::cmp::Ordering;

use super::frame::{TreeFrame, TreeMark};
use crate::quiz::{Answer, Question, Quiz, Side};
use crate::snapshot::{Snapshot, Value};

/// The question to ask while `now` is shown, before `next` (whose frame is `then`), if any.
pub(crate) fn ask(now: &TreeFrame, next: &Snapshot, then: &TreeFrame) -> Option<Quiz> {
    lands_under(now).or_else(|| which_way(now, next, then))
}

/// An insertion has begun and not yet compared (its key is pending beside a tree that has no node marked):
/// where will the key hang? Not asked on an empty tree (it becomes the root) nor for a key already in the
/// tree (it does not hang at all).
fn lands_under(now: &TreeFrame) -> Option<Quiz> {
    let key = now.pending?;
    if now.operation.as_deref() != Some(&format!("insert {key}")) || !now.marks.is_empty() {
        return None;
    }
    let mut at = now.node(now.root?)?;
    loop {
        let (next, side) = match key.cmp(&at.key) {
            Ordering::Less => (at.left, Side::Left),
            Ordering::Greater => (at.right, Side::Right),
            Ordering::Equal => return None,
        };
        match next {
            Some(child) => at = now.node(child)?,
            None => {
                return Some(Quiz {
                    question: Question::TreeLands { key },
                    answer: Answer::Under {
                        parent: at.key,
                        side,
                    },
                });
            }
        }
    }
}

/// Why the key lands where it does, from the tree it was asked over: each comparison of the walk, then
/// the empty link it ends at ("40 < 50, 40 > 30, and 30 has no right child").
pub(crate) fn lands_reason(frame: &TreeFrame, key: i64) -> Option<String> {
    let mut steps = Vec::new();
    let mut at = frame.node(frame.root?)?;
    loop {
        let (next, sign, side) = match key.cmp(&at.key) {
            Ordering::Less => (at.left, "<", "left"),
            Ordering::Greater => (at.right, ">", "right"),
            Ordering::Equal => return None,
        };
        steps.push(format!("{key} {sign} {}", at.key));
        match next {
            Some(child) => at = frame.node(child)?,
            None => {
                return Some(format!(
                    "{}, and {} has no {side} child",
                    steps.join(", "),
                    at.key
                ));
            }
        }
    }
}

/// A walk is about to compare its key with a node's (the next frame marks the node current, and no node
/// found): which way does it go on? Not asked when the keys are equal, nor on a successor's walk (which
/// marks the node being deleted as found).
fn which_way(now: &TreeFrame, next: &Snapshot, then: &TreeFrame) -> Option<Quiz> {
    if then.marks.iter().any(|&(_, mark)| mark == TreeMark::Found) {
        return None;
    }
    let &(node, _) = then
        .marks
        .iter()
        .find(|&&(_, mark)| mark == TreeMark::Current)?;
    if now.marks.contains(&(node, TreeMark::Current)) {
        return None;
    }
    let at = then.node(node)?.key;
    let key = match next.variables.iter().find(|v| v.name == "k")?.value {
        Some(Value::Int(key)) => key,
        _ => return None,
    };
    let side = match key.cmp(&at) {
        Ordering::Less => Side::Left,
        Ordering::Greater => Side::Right,
        Ordering::Equal => return None,
    };
    Some(Quiz {
        question: Question::TreeWay { key, at },
        answer: Answer::Side(side),
    })
}

//! Breadth-first search on a grid: cells in order of their distance in moves from the start, with a queue.

use super::search::{Kind, Search};
use super::{UNWEIGHTED, search_card};
use crate::catalogue::{Card, Complexity, Entry};
use crate::machine::Run;
#[cfg(feature = "restore")]
use crate::machine::restore;

pub const PSEUDOCODE: &[&str] = &[
    "procedure BFS(grid, S, G)",
    "  dist[S] ← 0; enqueue S",
    "  while the queue is not empty",
    "    u ← dequeue",
    "    if u = G: return the path back along pred",
    "    for each open neighbour v of u (up, right, down, left)",
    "      if v is not yet discovered",
    "        dist[v] ← dist[u] + 1; pred[v] ← u; enqueue v",
    "  the queue is empty: G cannot be reached",
];

pub const CARD: Card = Card {
    // 2: counts in the narration agree with their nouns.
    version: 2,
    ..search_card(
        "grid-bfs",
        "Breadth-first search (grid)",
        "Spreads from the start in rings of equal distance with a queue: the fewest moves to the goal.",
        Complexity {
            best: "O(cells)",
            average: "O(cells)",
            worst: "O(cells)",
            space: "O(cells)",
        },
        UNWEIGHTED,
    )
};

/// Other names a learner may search the catalogue for; the category's own cover these.
pub const ALIASES: &[&str] = &[];

pub const ENTRY: Entry = Entry {
    card: &CARD,
    pseudocode: PSEUDOCODE,
    start: |input| {
        Box::new(Run::new(Search::new(
            input.grid.expect("validated: a grid"),
            Kind::BreadthFirst,
        )))
    },
    #[cfg(feature = "restore")]
    restore: restore::<Search>,
};

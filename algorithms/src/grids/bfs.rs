//! Breadth-first search on a grid: cells in order of their distance in moves from the start, with a queue.

use super::search::{Kind, Search};
use super::{SEARCH_COUNTERS, SEARCH_WORK, UNWEIGHTED};
use crate::catalogue::{Card, Category, Complexity, Entry, grid_input};
use crate::machine::Run;
#[cfg(feature = "restore")]
use crate::machine::restore;
use crate::snapshot::FrameKind;

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
    id: "grid-bfs",
    name: "Breadth-first search (grid)",
    category: Category::GridPathfinding,
    summary: "Spreads from the start in rings of equal distance with a queue: the fewest moves to the goal.",
    complexity: Complexity {
        best: "O(cells)",
        average: "O(cells)",
        worst: "O(cells)",
        space: "O(cells)",
    },
    stable: None,
    in_place: None,
    pseudocode: PSEUDOCODE,
    input: grid_input(UNWEIGHTED),
    frame: FrameKind::Grid,
    counters: SEARCH_COUNTERS,
    work: SEARCH_WORK,
    version: 1,
};

pub const ENTRY: Entry = Entry {
    card: &CARD,
    start: |input| {
        Box::new(Run::new(Search::new(
            input.grid.expect("validated: a grid"),
            Kind::BreadthFirst,
        )))
    },
    #[cfg(feature = "restore")]
    restore: restore::<Search>,
};

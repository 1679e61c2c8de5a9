//! A* on a grid of four-way moves, guided by the Manhattan distance to the goal.

use super::search::{Kind, Search};
use super::{SEARCH_COUNTERS, SEARCH_WORK, WEIGHTED};
use crate::catalogue::{Card, Category, Complexity, Entry, grid_input};
use crate::machine::Run;
#[cfg(feature = "restore")]
use crate::machine::restore;
use crate::snapshot::FrameKind;

pub const PSEUDOCODE: &[&str] = &[
    "procedure A*(grid, S, G), h(v) = |x − Gx| + |y − Gy|",
    "  g[S] ← 0; push S with key f = h(S)",
    "  while the open set is not empty",
    "    u ← pop the smallest f = g + h (skip cells already expanded)",
    "    if u = G: return the path back along pred",
    "    for each open neighbour v of u (up, right, down, left)",
    "      if g[u] + cost(v) < g[v]",
    "        g[v] ← g[u] + cost(v); pred[v] ← u; push v with key g[v] + h(v)",
    "  the open set is empty: G cannot be reached",
];

pub const CARD: Card = Card {
    id: "grid-astar",
    name: "A* (Manhattan)",
    category: Category::GridPathfinding,
    summary: "Expands the cell with the smallest g + h, h the Manhattan distance: as cheap as Dijkstra's path, fewer cells.",
    complexity: Complexity {
        best: "O(path)",
        average: "O(cells log cells)",
        worst: "O(cells log cells)",
        space: "O(cells)",
    },
    stable: None,
    in_place: None,
    pseudocode: PSEUDOCODE,
    input: grid_input(WEIGHTED),
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
            Kind::AstarManhattan,
        )))
    },
    #[cfg(feature = "restore")]
    restore: restore::<Search>,
};

//! A* on a grid of four-way moves, guided by the Manhattan distance to the goal.

use super::search::{Kind, Search};
use super::{HEAP_SEARCH, WEIGHTED, search_card};
use crate::catalogue::{Card, Entry};
use crate::machine::Run;
#[cfg(feature = "restore")]
use crate::machine::restore;

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

pub const CARD: Card = search_card(
    "grid-astar",
    "A* (Manhattan)",
    "Expands the cell with the smallest g + h, h the Manhattan distance: as cheap as Dijkstra's path, fewer cells.",
    HEAP_SEARCH,
    WEIGHTED,
);

/// Other names a learner may search the catalogue for; the category's own cover these.
pub const ALIASES: &[&str] = &[];

pub const ENTRY: Entry = Entry {
    card: &CARD,
    pseudocode: PSEUDOCODE,
    start: |input| {
        Box::new(Run::new(Search::new(
            input.grid.expect("validated: a grid"),
            Kind::AstarManhattan,
        )))
    },
    #[cfg(feature = "restore")]
    restore: restore::<Search>,
};

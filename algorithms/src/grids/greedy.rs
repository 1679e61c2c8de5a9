//! Greedy best-first search: always expand the cell that looks closest to the goal.

use super::search::{Kind, Search};
use super::{HEAP_SEARCH, WEIGHTED, search_card};
use crate::catalogue::{Card, Entry};
use crate::machine::Run;
#[cfg(feature = "restore")]
use crate::machine::restore;

pub const PSEUDOCODE: &[&str] = &[
    "procedure GreedyBestFirst(grid, S, G), h(v) = |x − Gx| + |y − Gy|",
    "  push S with key h(S)",
    "  while the open set is not empty",
    "    u ← pop the smallest h (skip cells already expanded)",
    "    if u = G: return the path back along pred",
    "    for each open neighbour v of u (up, right, down, left)",
    "      if v is not yet discovered",
    "        g[v] ← g[u] + cost(v); pred[v] ← u; push v with key h(v)",
    "  the open set is empty: G cannot be reached",
];

pub const CARD: Card = search_card(
    "grid-greedy",
    "Greedy best-first search",
    "Expands the cell with the smallest Manhattan distance to the goal: often fast, not always the cheapest path.",
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
            Kind::Greedy,
        )))
    },
    #[cfg(feature = "restore")]
    restore: restore::<Search>,
};

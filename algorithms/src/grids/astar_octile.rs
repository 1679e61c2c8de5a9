//! A* on a grid of eight-way moves (no corner cutting), guided by the octile distance.

use super::search::{Kind, Search};
use super::{HEAP_SEARCH, WEIGHTED, search_card};
use crate::catalogue::{Card, Entry};
use crate::machine::Run;
#[cfg(feature = "restore")]
use crate::machine::restore;

pub const PSEUDOCODE: &[&str] = &[
    "procedure A*(grid, S, G), h(v) = 10·(dx + dy) − 6·min(dx, dy)",
    "  g[S] ← 0; push S with key f = h(S)",
    "  while the open set is not empty",
    "    u ← pop the smallest f = g + h (skip cells already expanded)",
    "    if u = G: return the path back along pred",
    "    for each open neighbour v of u (8 ways; never across a wall's corner)",
    "      if g[u] + cost(u, v) < g[v]   (10 × cost(v) straight, 14 × cost(v) diagonal)",
    "        g[v] ← g[u] + cost(u, v); pred[v] ← u; push v with key g[v] + h(v)",
    "  the open set is empty: G cannot be reached",
];

pub const CARD: Card = search_card(
    "grid-astar-octile",
    "A* (octile, diagonal moves)",
    "A* with diagonal moves (14 against 10 for a straight one, × the cell's cost) and the octile distance as h.",
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
            Kind::AstarOctile,
        )))
    },
    #[cfg(feature = "restore")]
    restore: restore::<Search>,
};

//! Dijkstra's algorithm on a grid whose cells cost 1–9 to enter, with a binary heap.

use super::search::{Kind, Search};
use super::{WEIGHTED, search_card};
use crate::catalogue::{Card, Complexity, Entry};
use crate::machine::Run;
#[cfg(feature = "restore")]
use crate::machine::restore;

pub const PSEUDOCODE: &[&str] = &[
    "procedure Dijkstra(grid, S, G)",
    "  g[S] ← 0; push S with key 0",
    "  while the heap is not empty",
    "    u ← pop the smallest g (skip cells already expanded)",
    "    if u = G: return the path back along pred",
    "    for each open neighbour v of u (up, right, down, left)",
    "      if g[u] + cost(v) < g[v]",
    "        g[v] ← g[u] + cost(v); pred[v] ← u; push v with key g[v]",
    "  the heap is empty: G cannot be reached",
];

pub const CARD: Card = search_card(
    "grid-dijkstra",
    "Dijkstra (weighted grid)",
    "Expands the cheapest cell so far from a binary heap: the cheapest path through cells that cost 1–9.",
    Complexity {
        best: "O(cells)",
        average: "O(cells log cells)",
        worst: "O(cells log cells)",
        space: "O(cells)",
    },
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
            Kind::Dijkstra,
        )))
    },
    #[cfg(feature = "restore")]
    restore: restore::<Search>,
};

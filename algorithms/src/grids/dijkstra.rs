//! Dijkstra's algorithm on a grid whose cells cost 1–9 to enter, with a binary heap.

use super::search::{Kind, Search};
use super::{SEARCH_COUNTERS, SEARCH_WORK, WEIGHTED};
use crate::catalogue::{Card, Category, Complexity, Entry, grid_input};
use crate::machine::Run;
#[cfg(feature = "restore")]
use crate::machine::restore;
use crate::snapshot::FrameKind;

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

pub const CARD: Card = Card {
    id: "grid-dijkstra",
    name: "Dijkstra (weighted grid)",
    category: Category::GridPathfinding,
    summary: "Expands the cheapest cell so far from a binary heap: the cheapest path through cells that cost 1–9.",
    complexity: Complexity {
        best: "O(cells)",
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
            Kind::Dijkstra,
        )))
    },
    #[cfg(feature = "restore")]
    restore: restore::<Search>,
};

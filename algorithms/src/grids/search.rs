//! The best-first search the grid searches share: one open set ordered by a key, cells expanded in key
//! order, each neighbour checked and pushed. The key is what tells them apart: the order of discovery
//! (breadth-first), the cost so far g (Dijkstra), g plus a lower bound h on the rest (A*), or h alone
//! (greedy). Every one of their pseudocodes numbers its lines alike, so one view serves them all.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use serde::{Deserialize, Serialize};

use super::{Cells, NONE, at, path, place};
use crate::grid::Grid;
use crate::machine::Algorithm;
use crate::snapshot::{CellState, Counters, Frame, Variable, View};

/// Pseudocode lines, the same in every best-first search's `PSEUDOCODE`.
const START: usize = 1;
const POP: usize = 3;
const FOUND: usize = 4;
const NEIGHBOURS: usize = 5;
const CHECK: usize = 6;
const PUSH: usize = 7;
const NO_PATH: usize = 8;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) enum Kind {
    /// Steps, not costs: the open set is a queue (a key of discovery order).
    BreadthFirst,
    /// Key g, four neighbours.
    Dijkstra,
    /// Key g + h, four neighbours, h the Manhattan distance.
    AstarManhattan,
    /// Key g + h, eight neighbours (a straight move costs 10 × the cell's cost, a diagonal 14 ×), h the
    /// octile distance.
    AstarOctile,
    /// Key h (Manhattan): each cell is pushed once, when first discovered.
    Greedy,
}

impl Kind {
    fn diagonal(self) -> bool {
        self == Kind::AstarOctile
    }

    /// Whether a cell reached again more cheaply is pushed again; otherwise only new cells are.
    fn reopens(self) -> bool {
        matches!(
            self,
            Kind::Dijkstra | Kind::AstarManhattan | Kind::AstarOctile
        )
    }

    fn uses_heuristic(self) -> bool {
        matches!(
            self,
            Kind::AstarManhattan | Kind::AstarOctile | Kind::Greedy
        )
    }

    fn structure(self) -> &'static str {
        match self {
            Kind::BreadthFirst => "queue",
            _ => "open set",
        }
    }
}

/// The cost of moving into `to`: its cost, scaled for the octile search's straight and diagonal moves.
pub(crate) fn move_cost(kind: Kind, grid: &Grid, to: usize, diagonal: bool) -> i64 {
    let cost = i64::from(grid.cells[to]);
    match (kind, diagonal) {
        (Kind::BreadthFirst, _) => 1,
        (Kind::AstarOctile, false) => 10 * cost,
        (Kind::AstarOctile, true) => 14 * cost,
        _ => cost,
    }
}

/// A lower bound on the cost from `cell` to the goal (every cell costs at least 1).
pub(crate) fn heuristic(kind: Kind, grid: &Grid, cell: usize) -> i64 {
    let ((x, y), (gx, gy)) = (grid.xy(cell), grid.xy(grid.goal));
    let (dx, dy) = (x.abs_diff(gx) as i64, y.abs_diff(gy) as i64);
    match kind {
        Kind::AstarOctile => 10 * (dx + dy) - 6 * dx.min(dy),
        Kind::AstarManhattan | Kind::Greedy => dx + dy,
        Kind::BreadthFirst | Kind::Dijkstra => 0,
    }
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub(crate) struct Search {
    kind: Kind,
    grid: Grid,
    /// Best known cost from the start; `None` while undiscovered.
    g: Vec<Option<i64>>,
    pred: Vec<u32>,
    cells: Cells,
    /// (key, tie-break, push order, cell), smallest first. Entries of cells expanded since are skipped
    /// when popped (a lazy heap).
    heap: BinaryHeap<Reverse<(i64, i64, u64, usize)>>,
    pushed: u64,
    /// Cells in the open set (not the heap's stale entries).
    frontier: usize,
    u: usize,
    next: usize,
    at: At,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
enum At {
    Start,
    Pushed,
    Popped,
    Improved { v: usize, old: Option<i64> },
    Kept { v: usize, through: i64 },
    Expanded,
    Found,
    NoPath,
}

impl Search {
    pub fn new(grid: Grid, kind: Kind) -> Self {
        let n = grid.len();
        Search {
            kind,
            g: vec![None; n],
            pred: vec![NONE; n],
            cells: Cells::new(&grid),
            heap: BinaryHeap::new(),
            pushed: 0,
            frontier: 0,
            u: grid.start,
            next: 0,
            at: At::Start,
            grid,
        }
    }

    fn push(&mut self, cell: usize, c: &mut Counters) {
        let g = self.g[cell].unwrap_or(0);
        let h = heuristic(self.kind, &self.grid, cell);
        let key = match self.kind {
            Kind::BreadthFirst => 0,
            Kind::Dijkstra => g,
            Kind::AstarManhattan | Kind::AstarOctile => g + h,
            Kind::Greedy => h,
        };
        // Ties go to the cell nearer the goal (A*), then to the earlier push.
        let tie = if self.kind.uses_heuristic() { h } else { 0 };
        self.heap.push(Reverse((key, tie, self.pushed, cell)));
        self.pushed += 1;
        c.pushes += 1;
        if self.cells.get(cell) != CellState::Frontier {
            self.cells.set(cell, CellState::Frontier);
            self.frontier += 1;
            c.peak_frontier = c.peak_frontier.max(self.frontier as u64);
        }
    }

    fn pop(&mut self, c: &mut Counters) -> At {
        while let Some(Reverse((_, _, _, u))) = self.heap.pop() {
            c.pops += 1;
            if self.cells.get(u) == CellState::Visited {
                continue;
            }
            self.frontier -= 1;
            self.u = u;
            if u == self.grid.goal {
                for cell in path(&self.pred, u) {
                    self.cells.set(cell, CellState::Path);
                }
                return At::Found;
            }
            c.cells_visited += 1;
            self.cells.set(u, CellState::Visited);
            self.next = 0;
            return At::Popped;
        }
        At::NoPath
    }

    fn neighbour(&self, index: usize) -> Option<(usize, bool)> {
        self.grid
            .neighbours(self.u, self.kind.diagonal())
            .nth(index)
    }

    fn f(&self, cell: usize) -> Option<i64> {
        self.g[cell].map(|g| g + heuristic(self.kind, &self.grid, cell))
    }
}

impl Algorithm for Search {
    fn step(&mut self, c: &mut Counters) -> bool {
        self.at = match self.at {
            At::Found | At::NoPath => return false,
            At::Start => {
                self.g[self.grid.start] = Some(0);
                self.push(self.grid.start, c);
                At::Pushed
            }
            At::Pushed | At::Expanded => self.pop(c),
            At::Popped | At::Improved { .. } | At::Kept { .. } => match self.neighbour(self.next) {
                None => At::Expanded,
                Some((v, diagonal)) => {
                    self.next += 1;
                    let through =
                        self.g[self.u].unwrap_or(0) + move_cost(self.kind, &self.grid, v, diagonal);
                    let old = self.g[v];
                    let better = match old {
                        None => true,
                        Some(g) => {
                            self.kind.reopens()
                                && through < g
                                && self.cells.get(v) != CellState::Visited
                        }
                    };
                    if better {
                        self.g[v] = Some(through);
                        self.pred[v] = self.u as u32;
                        self.push(v, c);
                        At::Improved { v, old }
                    } else {
                        At::Kept { v, through }
                    }
                }
            },
        };
        true
    }

    fn view(&self) -> View {
        let grid = &self.grid;
        let (u, here) = (self.u, place(grid, self.u));
        let what = self.kind.structure();
        let mut marks = Vec::new();
        let (line, narration) = match self.at {
            At::Start => (
                0,
                format!(
                    "Search a {} × {} grid from {} to {}.",
                    grid.width,
                    grid.height,
                    place(grid, grid.start),
                    place(grid, grid.goal)
                ),
            ),
            At::Pushed => (
                START,
                format!("The start {here} goes into the {what} with cost 0."),
            ),
            At::Popped => {
                marks.push((u, CellState::Current));
                let key = match self.kind {
                    Kind::BreadthFirst => {
                        format!(
                            "it is {} from the start",
                            crate::plural(self.g[u].unwrap_or(0), "step", "steps")
                        )
                    }
                    Kind::Dijkstra => format!("the cheapest, g = {}", self.g[u].unwrap_or(0)),
                    Kind::AstarManhattan | Kind::AstarOctile => format!(
                        "the smallest f = g + h = {} + {}",
                        self.g[u].unwrap_or(0),
                        heuristic(self.kind, grid, u)
                    ),
                    Kind::Greedy => format!(
                        "the one that looks closest to the goal, h = {}",
                        heuristic(self.kind, grid, u)
                    ),
                };
                (POP, format!("Take {here} from the {what}: {key}."))
            }
            At::Improved { v, old } => {
                marks.push((u, CellState::Current));
                let there = place(grid, v);
                let g = self.g[v].unwrap_or(0);
                let text = match (self.kind, old) {
                    (Kind::BreadthFirst, _) => format!(
                        "{there} is new: {g} steps from the start; it joins the back of the queue."
                    ),
                    (Kind::Greedy, _) => format!(
                        "{there} is new; it joins the open set with h = {}.",
                        heuristic(self.kind, grid, v)
                    ),
                    (_, None) => {
                        format!("{there} is reached for the first time, at cost g = {g}; push it.")
                    }
                    (_, Some(old)) => {
                        format!("A cheaper way to {there}: g = {g}, was {old}; push it again.")
                    }
                };
                (PUSH, text)
            }
            At::Kept { v, through } => {
                marks.push((u, CellState::Current));
                if self.cells.get(v) != CellState::Visited {
                    marks.push((v, CellState::Examined));
                }
                let there = place(grid, v);
                let text = if self.cells.get(v) == CellState::Visited {
                    format!("{there} is already expanded: nothing to do.")
                } else if !self.kind.reopens() {
                    format!("{there} is already discovered: nothing to do.")
                } else {
                    format!(
                        "Through {here}, {there} would cost {through}; it already costs {}: keep it.",
                        self.g[v].unwrap_or(0)
                    )
                };
                (CHECK, text)
            }
            At::Expanded => (NEIGHBOURS, format!("Every neighbour of {here} is checked.")),
            At::Found => {
                let steps = path(&self.pred, u).len() - 1;
                let cost = match self.kind {
                    Kind::BreadthFirst => String::new(),
                    _ => format!(", cost {}", self.g[u].unwrap_or(0)),
                };
                (
                    FOUND,
                    format!(
                        "The goal {here} is reached: a path of {steps} moves{cost}, traced back along pred."
                    ),
                )
            }
            At::NoPath => (
                NO_PATH,
                format!(
                    "The {what} is empty: the goal {} cannot be reached.",
                    place(grid, grid.goal)
                ),
            ),
        };
        let v = match self.at {
            At::Improved { v, .. } | At::Kept { v, .. } => Some(v),
            _ => None,
        };
        let current = !matches!(self.at, At::Start | At::Pushed | At::NoPath);
        let mut variables = vec![
            Variable::new("u", current.then(|| at(grid, u))),
            Variable::new("v", v.map(|v| at(grid, v))),
            Variable::new("g[u]", current.then(|| self.g[u].unwrap_or(0))),
        ];
        if self.kind.uses_heuristic() {
            variables.push(Variable::new(
                "h[u]",
                current.then(|| heuristic(self.kind, grid, u)),
            ));
        }
        if matches!(self.kind, Kind::AstarManhattan | Kind::AstarOctile) {
            variables.push(Variable::new("f[u]", current.then(|| self.f(u)).flatten()));
        }
        if self.at == At::Found {
            let name = if self.kind == Kind::BreadthFirst {
                "path moves"
            } else {
                "path cost"
            };
            variables.push(Variable::new(name, self.g[u]));
        }
        variables.push(Variable::new(
            &format!("{what} size"),
            (!matches!(self.at, At::Start)).then_some(self.frontier),
        ));
        View {
            line,
            narration,
            variables,
            frame: Frame::Grid(self.cells.frame(&marks, self.frontier)),
        }
    }

    fn is_done(&self) -> bool {
        matches!(self.at, At::Found | At::NoPath)
    }

    fn heap_bytes(&self) -> usize {
        self.grid.heap_bytes()
            + self.g.len() * 16
            + self.pred.len() * 4
            + self.cells.0.len()
            + self.heap.len() * 40
    }
}

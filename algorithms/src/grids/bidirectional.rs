//! Bidirectional breadth-first search: two searches, one from the start and one from the goal, each
//! expanding a whole layer in turn (the side with the smaller queue first) until one discovers a cell the
//! other has discovered. Layer by layer, the first such meeting is a shortest path: before the layer,
//! the two discovered sets (every cell within k of the start, within l of the goal) did not touch, so
//! the path is at least k + l + 1 moves long, and the meeting gives exactly that.

use std::collections::VecDeque;

use serde::{Deserialize, Serialize};

use super::{Cells, NONE, UNWEIGHTED, at, place, search_card};
use crate::catalogue::{Card, Complexity, Entry};
use crate::grid::Grid;
use crate::legend::Key;
#[cfg(feature = "restore")]
use crate::machine::restore;
use crate::machine::{Algorithm, Run};
use crate::snapshot::{CellState, Counters, Frame, Variable, View};

pub const PSEUDOCODE: &[&str] = &[
    "procedure BidirectionalBFS(grid, S, G)",
    "  enqueue S on the start side and G on the goal side",
    "  while both queues are not empty",
    "    pick the side with the smaller queue; expand its whole layer:",
    "      u ← dequeue from that side",
    "      for each open neighbour v of u",
    "        if v is not yet discovered by this side",
    "          dist[v] ← dist[u] + 1; pred[v] ← u; enqueue v",
    "          if the other side discovered v: the searches meet; join the two paths at v",
    "  a queue is empty: G cannot be reached",
];

pub const CARD: Card = Card {
    // 2: counts in the narration agree with their nouns.
    version: 2,
    legend: &[
        Key::cell(CellState::Frontier).said("start side's open set"),
        Key::cell(CellState::GoalFrontier).said("goal side's open set"),
        Key::cell(CellState::Current).said("being expanded"),
        Key::cell(CellState::Visited).said("expanded from the start"),
        Key::cell(CellState::GoalVisited).said("expanded from the goal"),
        Key::cell(CellState::Path).said("on the path"),
    ],
    ..search_card(
        "grid-bidirectional",
        "Bidirectional BFS",
        "Breadth-first from both ends, a layer at a time, until the two searches meet: the fewest moves, far fewer cells.",
        Complexity {
            best: "O(path)",
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
        Box::new(Run::new(Bidirectional::new(
            input.grid.expect("validated: a grid"),
        )))
    },
    #[cfg(feature = "restore")]
    restore: restore::<Bidirectional>,
};

/// One side's search: distances, predecessors and queue.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
struct Side {
    dist: Vec<Option<u32>>,
    pred: Vec<u32>,
    queue: VecDeque<usize>,
}

impl Side {
    fn new(n: usize, from: usize) -> Self {
        let mut dist = vec![None; n];
        dist[from] = Some(0);
        Side {
            dist,
            pred: vec![NONE; n],
            queue: VecDeque::from([from]),
        }
    }

    /// The cells from `cell` back to where this side began.
    fn back_from(&self, cell: usize) -> Vec<usize> {
        let mut cells = vec![cell];
        while self.pred[*cells.last().unwrap()] != NONE && cells.len() <= self.pred.len() {
            cells.push(self.pred[*cells.last().unwrap()] as usize);
        }
        cells
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bidirectional {
    grid: Grid,
    sides: [Side; 2],
    cells: Cells,
    /// The side expanding its layer: 0 from the start, 1 from the goal.
    active: usize,
    layer_left: usize,
    u: usize,
    next: usize,
    at: At,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
enum At {
    Start,
    Enqueued,
    Layer,
    Dequeued,
    Discovered { v: usize },
    Seen { v: usize },
    Expanded,
    Met { v: usize },
    NoPath,
}

const FRONTIER: [CellState; 2] = [CellState::Frontier, CellState::GoalFrontier];
const VISITED: [CellState; 2] = [CellState::Visited, CellState::GoalVisited];
const SIDE_NAMES: [&str; 2] = ["start", "goal"];

impl Bidirectional {
    pub fn new(grid: Grid) -> Self {
        let n = grid.len();
        Bidirectional {
            sides: [Side::new(n, grid.start), Side::new(n, grid.goal)],
            cells: Cells::new(&grid),
            active: 0,
            layer_left: 0,
            u: grid.start,
            next: 0,
            at: At::Start,
            grid,
        }
    }

    fn frontier(&self) -> usize {
        self.sides[0].queue.len() + self.sides[1].queue.len()
    }

    fn begin_layer(&mut self) -> At {
        let [start, goal] = &self.sides;
        if start.queue.is_empty() || goal.queue.is_empty() {
            return At::NoPath;
        }
        self.active = usize::from(goal.queue.len() < start.queue.len());
        self.layer_left = self.sides[self.active].queue.len();
        At::Layer
    }

    fn dequeue(&mut self, c: &mut Counters) -> At {
        if self.layer_left == 0 {
            return self.begin_layer();
        }
        let u = self.sides[self.active]
            .queue
            .pop_front()
            .expect("a layer's cells are queued");
        self.layer_left -= 1;
        c.pops += 1;
        c.cells_visited += 1;
        self.cells.set(u, VISITED[self.active]);
        self.u = u;
        self.next = 0;
        At::Dequeued
    }

    /// The path, start first, through the meeting of `u` (on the active side) and `v`.
    fn path(&self, v: usize) -> Vec<usize> {
        let mut near = self.sides[self.active].back_from(self.u);
        near.reverse();
        near.extend(self.sides[1 - self.active].back_from(v));
        if self.active == 1 {
            near.reverse();
        }
        near
    }
}

impl Algorithm for Bidirectional {
    fn step(&mut self, c: &mut Counters) -> bool {
        self.at = match self.at {
            At::Met { .. } | At::NoPath => return false,
            At::Start => {
                c.pushes += 2;
                c.peak_frontier = 2;
                self.cells.set(self.grid.start, FRONTIER[0]);
                self.cells.set(self.grid.goal, FRONTIER[1]);
                At::Enqueued
            }
            At::Enqueued => self.begin_layer(),
            At::Layer | At::Expanded => self.dequeue(c),
            At::Dequeued | At::Discovered { .. } | At::Seen { .. } => {
                match self.grid.neighbours(self.u, false).nth(self.next) {
                    None => At::Expanded,
                    Some((v, _)) => {
                        self.next += 1;
                        let (side, other) = (self.active, 1 - self.active);
                        if self.sides[side].dist[v].is_some() {
                            At::Seen { v }
                        } else if self.sides[other].dist[v].is_some() {
                            self.sides[side].dist[v] =
                                Some(self.sides[side].dist[self.u].unwrap_or(0) + 1);
                            self.sides[side].pred[v] = self.u as u32;
                            for cell in self.path(v) {
                                self.cells.set(cell, CellState::Path);
                            }
                            At::Met { v }
                        } else {
                            self.sides[side].dist[v] =
                                Some(self.sides[side].dist[self.u].unwrap_or(0) + 1);
                            self.sides[side].pred[v] = self.u as u32;
                            self.sides[side].queue.push_back(v);
                            c.pushes += 1;
                            c.peak_frontier = c.peak_frontier.max(self.frontier() as u64);
                            self.cells.set(v, FRONTIER[side]);
                            At::Discovered { v }
                        }
                    }
                }
            }
        };
        true
    }

    fn view(&self) -> View {
        let grid = &self.grid;
        let (u, here) = (self.u, place(grid, self.u));
        let side = SIDE_NAMES[self.active];
        let dist = |s: usize, cell: usize| self.sides[s].dist[cell].unwrap_or(0);
        let mut marks = Vec::new();
        let (line, narration) = match self.at {
            At::Start => (
                0,
                format!(
                    "Search a {} × {} grid from both {} and {}.",
                    grid.width,
                    grid.height,
                    place(grid, grid.start),
                    place(grid, grid.goal)
                ),
            ),
            At::Enqueued => (1, "The start and the goal each begin a queue.".to_owned()),
            At::Layer => (
                3,
                format!(
                    "The {side} side has the smaller queue: expand its {}, {} from the {side}.",
                    crate::plural(self.layer_left, "cell", "cells"),
                    crate::plural(
                        dist(self.active, self.sides[self.active].queue[0]),
                        "move",
                        "moves"
                    )
                ),
            ),
            At::Dequeued => {
                marks.push((u, CellState::Current));
                (4, format!("Take {here} from the {side} side's queue."))
            }
            At::Discovered { v } => {
                marks.push((u, CellState::Current));
                (
                    7,
                    format!(
                        "{} is new to the {side} side: {} moves from the {side}; enqueue it.",
                        place(grid, v),
                        dist(self.active, v)
                    ),
                )
            }
            At::Seen { v } => {
                marks.push((u, CellState::Current));
                (
                    6,
                    format!("The {side} side already discovered {}.", place(grid, v)),
                )
            }
            At::Expanded => (5, format!("Every neighbour of {here} is checked.")),
            At::Met { v } => (
                8,
                format!(
                    "The other side already reached {}: the searches meet. The path has {} moves.",
                    place(grid, v),
                    dist(0, v) + dist(1, v)
                ),
            ),
            At::NoPath => (
                9,
                "A queue is empty before the searches met: the goal cannot be reached.".to_owned(),
            ),
        };
        let v = match self.at {
            At::Discovered { v } | At::Seen { v } | At::Met { v } => Some(v),
            _ => None,
        };
        let current = matches!(
            self.at,
            At::Dequeued | At::Discovered { .. } | At::Seen { .. } | At::Expanded | At::Met { .. }
        );
        View {
            line,
            narration,
            variables: vec![
                Variable::new(
                    "side",
                    (!matches!(self.at, At::Start | At::Enqueued)).then_some(side),
                ),
                Variable::new("u", current.then(|| at(grid, u))),
                Variable::new("v", v.map(|v| at(grid, v))),
                Variable::new("dist[u]", current.then(|| i64::from(dist(self.active, u)))),
                Variable::new(
                    "start queue",
                    (!matches!(self.at, At::Start)).then_some(self.sides[0].queue.len()),
                ),
                Variable::new(
                    "goal queue",
                    (!matches!(self.at, At::Start)).then_some(self.sides[1].queue.len()),
                ),
                Variable::new(
                    "path moves",
                    match self.at {
                        At::Met { v } => Some(i64::from(dist(0, v) + dist(1, v))),
                        _ => None,
                    },
                ),
            ],
            frame: Frame::Grid(self.cells.frame(&marks, self.frontier())),
        }
    }

    fn is_done(&self) -> bool {
        matches!(self.at, At::Met { .. } | At::NoPath)
    }

    fn heap_bytes(&self) -> usize {
        self.grid.heap_bytes() + 2 * self.grid.len() * 12 + self.cells.0.len() + self.frontier() * 8
    }
}

impl Bidirectional {
    /// The number of moves of the path found, once the searches met.
    #[cfg(test)]
    fn moves(&self) -> Option<usize> {
        match self.at {
            At::Met { v } => Some(self.path(v).len() - 1),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grid::parse_grid;

    #[test]
    fn meets_in_the_middle_of_an_open_corridor() {
        let grid = parse_grid("S.......G").unwrap();
        let mut run = Bidirectional::new(grid);
        let mut c = Counters::default();
        while run.step(&mut c) {}
        assert_eq!(run.moves(), Some(8));
        // Each side expanded about half the corridor.
        assert!(c.cells_visited <= 8, "{}", c.cells_visited);
    }
}

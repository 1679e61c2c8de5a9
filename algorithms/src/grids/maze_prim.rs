//! Randomized Prim: grow the maze from the start room by taking a random wall from the frontier (the walls
//! of the rooms carved so far); if the room behind it is not carved yet, carve through, else keep the wall.
//! Its mazes branch often, with many short dead ends.

use serde::{Deserialize, Serialize};

use super::{Cells, Dice, all_walls, at, maze_card, next_rooms, place};
use crate::catalogue::{Card, Entry};
use crate::grid::Grid;
use crate::legend::Key;
#[cfg(feature = "restore")]
use crate::machine::restore;
use crate::machine::{Algorithm, Run};
use crate::snapshot::{CellState, Counter, Counters, Frame, Variable, View};

pub const PSEUDOCODE: &[&str] = &[
    "procedure RandomizedPrim(rooms, S)",
    "  carve S; add the walls of S to the frontier",
    "  while the frontier is not empty",
    "    w ← remove a random wall from the frontier",
    "    if the room behind w is not carved",
    "      carve w and the room; add the room's walls to the frontier",
    "    else keep w (both sides are in the maze)",
    "  the frontier is empty: a perfect maze",
];

pub const CARD: Card = Card {
    // 2: counts in the narration agree with their nouns.
    version: 2,
    ..maze_card(
        "maze-prim",
        "Maze: randomized Prim",
        "Grows from the start through random frontier walls, like Prim's spanning tree: a bushy maze of short dead ends.",
        &[
            Counter::CellsVisited,
            Counter::PeakFrontier,
            Counter::Pushes,
            Counter::Pops,
            Counter::Writes,
        ],
        &[Counter::Pushes, Counter::Pops],
        &[
            Key::cell(CellState::Frontier).said("frontier wall"),
            Key::cell(CellState::Current).said("room joined"),
            Key::cell(CellState::Examined).said("wall kept"),
        ],
    )
};

/// Other names a learner may search the catalogue for; the category's own cover these.
pub const ALIASES: &[&str] = &[];

pub const ENTRY: Entry = Entry {
    card: &CARD,
    pseudocode: PSEUDOCODE,
    start: |input| {
        Box::new(Run::new(Prim::new(
            input.grid.expect("validated: a grid"),
            input.seed.unwrap_or(0),
        )))
    },
    #[cfg(feature = "restore")]
    restore: restore::<Prim>,
};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Prim {
    grid: Grid,
    cells: Cells,
    /// Walls with the room behind them (the one not yet carved when the wall was added).
    frontier: Vec<(usize, usize)>,
    dice: Dice,
    at: At,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
enum At {
    Start,
    Began,
    Carved {
        wall: usize,
        room: usize,
        added: usize,
    },
    Kept {
        wall: usize,
    },
    Done,
}

impl Prim {
    pub fn new(grid: Grid, seed: u64) -> Self {
        Prim {
            cells: all_walls(&grid, false),
            frontier: Vec::new(),
            dice: Dice::new(seed),
            at: At::Start,
            grid,
        }
    }

    /// Carves `room` and adds its walls that lead to uncarved rooms; returns how many.
    fn join(&mut self, room: usize, c: &mut Counters) -> usize {
        c.writes += 1;
        c.cells_visited += 1;
        self.cells.set(room, CellState::Open);
        let mut added = 0;
        for (wall, behind) in next_rooms(&self.grid, room) {
            if self.cells.get(wall) == CellState::Wall && self.cells.get(behind) == CellState::Wall
            {
                self.cells.set(wall, CellState::Frontier);
                self.frontier.push((wall, behind));
                c.pushes += 1;
                added += 1;
            }
        }
        c.peak_frontier = c.peak_frontier.max(self.frontier.len() as u64);
        added
    }
}

impl Algorithm for Prim {
    fn step(&mut self, c: &mut Counters) -> bool {
        self.at = match self.at {
            At::Done => return false,
            At::Start => {
                self.join(self.grid.start, c);
                At::Began
            }
            At::Began | At::Carved { .. } | At::Kept { .. } => {
                if self.frontier.is_empty() {
                    At::Done
                } else {
                    let (wall, room) = self
                        .frontier
                        .swap_remove(self.dice.below(self.frontier.len()));
                    c.pops += 1;
                    if self.cells.get(room) == CellState::Wall {
                        c.writes += 1;
                        self.cells.set(wall, CellState::Open);
                        let added = self.join(room, c);
                        At::Carved { wall, room, added }
                    } else {
                        self.cells.set(wall, CellState::Wall);
                        At::Kept { wall }
                    }
                }
            }
        };
        true
    }

    fn view(&self) -> View {
        let grid = &self.grid;
        let mut marks = Vec::new();
        let (line, narration) = match self.at {
            At::Start => (
                0,
                format!(
                    "A {} × {} grid of walls, with {} to carve.",
                    grid.width,
                    grid.height,
                    crate::plural((grid.width / 2) * (grid.height / 2), "room", "rooms")
                ),
            ),
            At::Began => (
                1,
                format!(
                    "Carve the start {}; its walls form the frontier ({}).",
                    place(grid, grid.start),
                    crate::plural(self.frontier.len(), "wall", "walls")
                ),
            ),
            At::Carved { wall, room, added } => {
                marks.push((room, CellState::Current));
                (
                    5,
                    format!(
                        "The wall at {} leads to {}, not yet carved: carve through; the frontier gains {}.",
                        place(grid, wall),
                        place(grid, room),
                        crate::plural(added, "wall", "walls")
                    ),
                )
            }
            At::Kept { wall } => {
                marks.push((wall, CellState::Examined));
                (
                    6,
                    format!(
                        "Both sides of the wall at {} are carved already: keep it.",
                        place(grid, wall)
                    ),
                )
            }
            At::Done => (
                7,
                "The frontier is empty: every room is carved and joined by one path.".to_owned(),
            ),
        };
        let w = match self.at {
            At::Carved { wall, .. } | At::Kept { wall } => Some(at(grid, wall)),
            _ => None,
        };
        View {
            line,
            narration,
            variables: vec![
                Variable::new("w", w),
                Variable::new(
                    "frontier size",
                    (!matches!(self.at, At::Start)).then_some(self.frontier.len()),
                ),
            ],
            frame: Frame::Grid(self.cells.frame(&marks, self.frontier.len())),
        }
    }

    fn is_done(&self) -> bool {
        self.at == At::Done
    }

    fn heap_bytes(&self) -> usize {
        self.grid.heap_bytes() + self.cells.0.len() + self.frontier.len() * 16
    }
}

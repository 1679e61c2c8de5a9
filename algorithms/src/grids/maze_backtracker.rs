//! The recursive backtracker: a randomized depth-first search that carves a passage to a random unvisited
//! neighbouring room and backs up along its stack when there is none. Its mazes have long, winding
//! corridors and few dead ends.

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
    "procedure RecursiveBacktracker(rooms, S)",
    "  carve S; push S",
    "  while the stack is not empty",
    "    u ← top of the stack",
    "    if u has rooms not yet carved",
    "      v ← one of them at random; carve the wall between and v; push v",
    "    else pop u (a dead end: back up)",
    "  every room is carved: a perfect maze",
];

pub const CARD: Card = maze_card(
    "maze-backtracker",
    "Maze: recursive backtracker",
    "A random depth-first walk that carves into unvisited rooms and backs up at dead ends: long, winding corridors.",
    &[
        Counter::CellsVisited,
        Counter::Pushes,
        Counter::Pops,
        Counter::Writes,
    ],
    &[Counter::Pushes, Counter::Pops],
    &[
        Key::cell(CellState::Frontier).said("on the stack"),
        Key::cell(CellState::Current).said("carving from here"),
    ],
);

/// Other names a learner may search the catalogue for; the category's own cover these.
pub const ALIASES: &[&str] = &[];

pub const ENTRY: Entry = Entry {
    card: &CARD,
    pseudocode: PSEUDOCODE,
    start: |input| {
        Box::new(Run::new(Backtracker::new(
            input.grid.expect("validated: a grid"),
            input.seed.unwrap_or(0),
        )))
    },
    #[cfg(feature = "restore")]
    restore: restore::<Backtracker>,
};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Backtracker {
    grid: Grid,
    cells: Cells,
    stack: Vec<usize>,
    dice: Dice,
    at: At,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
enum At {
    Start,
    Carved {
        from: Option<usize>,
        to: usize,
        choices: usize,
    },
    DeadEnd {
        cell: usize,
    },
    Done,
}

impl Backtracker {
    pub fn new(grid: Grid, seed: u64) -> Self {
        Backtracker {
            cells: all_walls(&grid, false),
            stack: Vec::new(),
            dice: Dice::new(seed),
            at: At::Start,
            grid,
        }
    }

    fn carve(&mut self, cell: usize, c: &mut Counters) {
        c.writes += 1;
        self.cells.set(cell, CellState::Frontier);
    }
}

impl Algorithm for Backtracker {
    fn step(&mut self, c: &mut Counters) -> bool {
        self.at = match self.at {
            At::Done => return false,
            At::Start => {
                let s = self.grid.start;
                self.carve(s, c);
                c.cells_visited += 1;
                c.pushes += 1;
                self.stack.push(s);
                At::Carved {
                    from: None,
                    to: s,
                    choices: 1,
                }
            }
            At::Carved { .. } | At::DeadEnd { .. } => {
                let Some(&u) = self.stack.last() else {
                    return false;
                };
                let open: Vec<(usize, usize)> = next_rooms(&self.grid, u)
                    .filter(|&(_, room)| self.cells.get(room) == CellState::Wall)
                    .collect();
                if open.is_empty() {
                    self.stack.pop();
                    c.pops += 1;
                    self.cells.set(u, CellState::Open);
                    if self.stack.is_empty() {
                        At::Done
                    } else {
                        At::DeadEnd { cell: u }
                    }
                } else {
                    let (wall, v) = open[self.dice.below(open.len())];
                    self.carve(wall, c);
                    self.cells.set(wall, CellState::Open);
                    self.carve(v, c);
                    c.cells_visited += 1;
                    c.pushes += 1;
                    self.stack.push(v);
                    At::Carved {
                        from: Some(u),
                        to: v,
                        choices: open.len(),
                    }
                }
            }
        };
        true
    }

    fn view(&self) -> View {
        let grid = &self.grid;
        let mut marks = Vec::new();
        if let Some(&top) = self.stack.last() {
            marks.push((top, CellState::Current));
        }
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
            At::Carved { from: None, to, .. } => (
                1,
                format!("Carve the start {} and push it.", place(grid, to)),
            ),
            At::Carved {
                from: Some(from),
                to,
                choices,
            } => (
                5,
                format!(
                    "{} has {}: carve through to {} at random and push it.",
                    place(grid, from),
                    crate::plural(
                        choices,
                        "uncarved neighbouring room",
                        "uncarved neighbouring rooms"
                    ),
                    place(grid, to)
                ),
            ),
            At::DeadEnd { cell } => (
                6,
                format!(
                    "{} has no uncarved neighbour: pop it and back up.",
                    place(grid, cell)
                ),
            ),
            At::Done => (
                7,
                "The stack is empty: every room is carved and joined by one path.".to_owned(),
            ),
        };
        View {
            line,
            narration,
            variables: vec![
                Variable::new("u", self.stack.last().map(|&u| at(grid, u))),
                Variable::new(
                    "stack size",
                    (!matches!(self.at, At::Start)).then_some(self.stack.len()),
                ),
            ],
            frame: Frame::Grid(self.cells.frame(&marks, self.stack.len())),
        }
    }

    fn is_done(&self) -> bool {
        self.at == At::Done
    }

    fn heap_bytes(&self) -> usize {
        self.grid.heap_bytes() + self.cells.0.len() + self.stack.len() * 8
    }
}

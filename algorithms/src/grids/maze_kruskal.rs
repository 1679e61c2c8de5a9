//! Randomized Kruskal: every room starts as its own set; walls are taken in a seeded random order, and a
//! wall comes down when the rooms on its two sides are in different sets (union–find by rank with path
//! compression, as in the spanning-tree algorithm). `reads`, `writes` and `comparisons` count the
//! union–find's work; a wall taken down is one more write.

use serde::{Deserialize, Serialize};

use super::{Cells, Dice, all_walls, at, inner_walls, maze_card, place};
use crate::catalogue::{Card, Entry};
use crate::grid::Grid;
use crate::legend::Key;
#[cfg(feature = "restore")]
use crate::machine::restore;
use crate::machine::{Algorithm, Run};
use crate::snapshot::{CellState, Counter, Counters, Frame, Variable, View};
use crate::union_find::UnionFind;

pub const PSEUDOCODE: &[&str] = &[
    "procedure RandomizedKruskal(rooms, walls)",
    "  every room is its own set; shuffle the walls",
    "  for each wall w between rooms a and b, in shuffled order",
    "    if find(a) ≠ find(b)",
    "      take w down; union(a, b)",
    "    else keep w (a and b are already joined)",
    "  one set holds every room: a perfect maze",
];

pub const CARD: Card = Card {
    // 2: counts in the narration agree with their nouns.
    version: 2,
    ..maze_card(
        "maze-kruskal",
        "Maze: randomized Kruskal",
        "Takes walls down in random order wherever they separate two unjoined regions (union–find): an even, patchy maze.",
        &[Counter::Comparisons, Counter::Reads, Counter::Writes],
        &[Counter::Reads, Counter::Writes],
        &[
            Key::cell(CellState::Current).said("wall knocked down"),
            Key::cell(CellState::Examined).said("wall kept (same set)"),
        ],
    )
};

/// Other names a learner may search the catalogue for; the category's own cover these.
pub const ALIASES: &[&str] = &[];

pub const ENTRY: Entry = Entry {
    card: &CARD,
    pseudocode: PSEUDOCODE,
    start: |input| {
        Box::new(Run::new(Kruskal::new(
            input.grid.expect("validated: a grid"),
            input.seed.unwrap_or(0),
        )))
    },
    #[cfg(feature = "restore")]
    restore: restore::<Kruskal>,
};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Kruskal {
    grid: Grid,
    cells: Cells,
    /// (wall, room a, room b), shuffled at the first step.
    walls: Vec<(usize, usize, usize)>,
    next: usize,
    sets: UnionFind,
    /// Sets left; the maze is done at 1.
    regions: usize,
    dice: Dice,
    at: At,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
enum At {
    Start,
    Shuffled,
    Down { wall: usize },
    Kept { wall: usize },
    Done,
}

impl Kruskal {
    pub fn new(grid: Grid, seed: u64) -> Self {
        let rooms = (grid.width / 2) * (grid.height / 2);
        Kruskal {
            cells: all_walls(&grid, true),
            walls: inner_walls(&grid),
            next: 0,
            sets: UnionFind::new(rooms),
            regions: rooms,
            dice: Dice::new(seed),
            at: At::Start,
            grid,
        }
    }

    fn room(&self, cell: usize) -> usize {
        let (x, y) = self.grid.xy(cell);
        (y / 2) * (self.grid.width / 2) + x / 2
    }
}

impl Algorithm for Kruskal {
    fn step(&mut self, c: &mut Counters) -> bool {
        self.at = match self.at {
            At::Done => return false,
            At::Start => {
                // Fisher–Yates, from the seed.
                for i in (1..self.walls.len()).rev() {
                    let j = self.dice.below(i + 1);
                    self.walls.swap(i, j);
                }
                if self.regions <= 1 {
                    At::Done
                } else {
                    At::Shuffled
                }
            }
            At::Shuffled | At::Down { .. } | At::Kept { .. } => {
                let (wall, a, b) = self.walls[self.next];
                self.next += 1;
                let (ra, rb) = (self.room(a), self.room(b));
                let (ra, rb) = (self.sets.find(ra, c), self.sets.find(rb, c));
                if self.sets.union(ra, rb, c) {
                    c.writes += 1;
                    self.cells.set(wall, CellState::Open);
                    self.regions -= 1;
                    if self.regions == 1 {
                        At::Done
                    } else {
                        At::Down { wall }
                    }
                } else {
                    At::Kept { wall }
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
                    "{}, each its own set, behind {}.",
                    crate::plural(self.regions, "room", "rooms"),
                    crate::plural(self.walls.len(), "wall", "walls")
                ),
            ),
            At::Shuffled => (
                1,
                format!(
                    "Shuffle the walls between rooms ({}).",
                    crate::plural(self.walls.len(), "wall", "walls")
                ),
            ),
            At::Down { wall } => {
                marks.push((wall, CellState::Current));
                (
                    4,
                    format!(
                        "The rooms either side of {} were apart: take the wall down and join them ({} left).",
                        place(grid, wall),
                        crate::plural(self.regions, "region", "regions")
                    ),
                )
            }
            At::Kept { wall } => {
                marks.push((wall, CellState::Examined));
                (
                    5,
                    format!(
                        "The rooms either side of {} are joined already: keep the wall.",
                        place(grid, wall)
                    ),
                )
            }
            At::Done => (
                6,
                "One set holds every room: each pair joined by exactly one path.".to_owned(),
            ),
        };
        let w = match self.at {
            At::Down { wall } | At::Kept { wall } => Some(at(grid, wall)),
            _ => None,
        };
        View {
            line,
            narration,
            variables: vec![
                Variable::new("w", w),
                Variable::new("regions", Some(self.regions)),
                Variable::new(
                    "walls left",
                    (!matches!(self.at, At::Start)).then_some(self.walls.len() - self.next),
                ),
            ],
            frame: Frame::Grid(self.cells.frame(&marks, self.walls.len() - self.next)),
        }
    }

    fn is_done(&self) -> bool {
        self.at == At::Done
    }

    fn heap_bytes(&self) -> usize {
        self.grid.heap_bytes() + self.cells.0.len() + self.walls.len() * 24 + self.sets.heap_bytes()
    }
}

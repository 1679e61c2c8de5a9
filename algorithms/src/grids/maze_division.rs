//! Recursive division: start from an open room inside a border and split each chamber with a wall that
//! has one gap, at random, across its shorter side, until every chamber is a corridor one room wide. One
//! gap per wall keeps exactly one path between any two rooms. Its mazes have long straight walls.

use serde::{Deserialize, Serialize};

use super::{Cells, Dice, at, maze_card, place};
use crate::catalogue::{Card, Entry};
use crate::grid::Grid;
use crate::legend::Key;
#[cfg(feature = "restore")]
use crate::machine::restore;
use crate::machine::{Algorithm, Run};
use crate::snapshot::{CellState, Counter, Counters, Frame, Variable, View};

pub const PSEUDOCODE: &[&str] = &[
    "procedure RecursiveDivision(grid)",
    "  wall the border; push the whole inside as one chamber",
    "  while the stack of chambers is not empty",
    "    c ← pop a chamber",
    "    if c is one room wide or tall: it is a corridor, done",
    "    split c across its shorter side by a wall at random,",
    "      with one gap at random; push the two halves",
    "  no chamber is left: a perfect maze",
];

pub const CARD: Card = maze_card(
    "maze-division",
    "Maze: recursive division",
    "Splits the open grid by walls with one gap each, chamber by chamber: a maze of long straight walls.",
    &[Counter::Pushes, Counter::Pops, Counter::Writes],
    &[Counter::Writes],
    &[Key::cell(CellState::Current).said("gap in the new wall")],
);

/// Other names a learner may search the catalogue for; the category's own cover these.
pub const ALIASES: &[&str] = &[];

pub const ENTRY: Entry = Entry {
    card: &CARD,
    pseudocode: PSEUDOCODE,
    start: |input| {
        Box::new(Run::new(Division::new(
            input.grid.expect("validated: a grid"),
            input.seed.unwrap_or(0),
        )))
    },
    #[cfg(feature = "restore")]
    restore: restore::<Division>,
};

/// A chamber's inside, corners inclusive (odd columns and rows).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
struct Chamber {
    x0: usize,
    y0: usize,
    x1: usize,
    y1: usize,
}

impl Chamber {
    fn rooms_wide(self) -> usize {
        (self.x1 - self.x0) / 2 + 1
    }

    fn rooms_tall(self) -> usize {
        (self.y1 - self.y0) / 2 + 1
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Division {
    grid: Grid,
    cells: Cells,
    chambers: Vec<Chamber>,
    dice: Dice,
    at: At,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
enum At {
    Start,
    Walled,
    Corridor {
        chamber: Chamber,
    },
    Split {
        chamber: Chamber,
        horizontal: bool,
        gap: usize,
    },
    Done,
}

impl Division {
    pub fn new(grid: Grid, seed: u64) -> Self {
        let (w, h) = (grid.width, grid.height);
        let cells = Cells(
            (0..grid.len())
                .map(|cell| {
                    let (x, y) = (cell % w, cell / w);
                    if x == 0 || y == 0 || x == w - 1 || y == h - 1 {
                        CellState::Wall.symbol()
                    } else {
                        CellState::Open.symbol()
                    }
                })
                .collect(),
        );
        Division {
            cells,
            chambers: Vec::new(),
            dice: Dice::new(seed),
            at: At::Start,
            grid,
        }
    }

    fn wall(&mut self, x: usize, y: usize, c: &mut Counters) {
        c.writes += 1;
        self.cells.set(y * self.grid.width + x, CellState::Wall);
    }

    fn push(&mut self, chamber: Chamber, c: &mut Counters) {
        c.pushes += 1;
        self.chambers.push(chamber);
    }
}

impl Algorithm for Division {
    fn step(&mut self, c: &mut Counters) -> bool {
        self.at = match self.at {
            At::Done => return false,
            At::Start => {
                let (w, h) = (self.grid.width, self.grid.height);
                // The border is drawn from the start; it is counted here, where the pseudocode walls it.
                c.writes += 2 * (w + h) as u64 - 4;
                self.push(
                    Chamber {
                        x0: 1,
                        y0: 1,
                        x1: w - 2,
                        y1: h - 2,
                    },
                    c,
                );
                At::Walled
            }
            At::Walled | At::Corridor { .. } | At::Split { .. } => {
                let Some(chamber) = self.chambers.pop() else {
                    self.at = At::Done;
                    return true;
                };
                c.pops += 1;
                let (wide, tall) = (chamber.rooms_wide(), chamber.rooms_tall());
                if wide < 2 || tall < 2 {
                    At::Corridor { chamber }
                } else {
                    let horizontal = match tall.cmp(&wide) {
                        std::cmp::Ordering::Greater => true,
                        std::cmp::Ordering::Less => false,
                        std::cmp::Ordering::Equal => self.dice.below(2) == 0,
                    };
                    let Chamber { x0, y0, x1, y1 } = chamber;
                    let gap;
                    if horizontal {
                        let wy = y0 + 1 + 2 * self.dice.below(tall - 1);
                        let gx = x0 + 2 * self.dice.below(wide);
                        for x in (x0..=x1).filter(|&x| x != gx) {
                            self.wall(x, wy, c);
                        }
                        gap = wy * self.grid.width + gx;
                        self.push(
                            Chamber {
                                y0: wy + 1,
                                ..chamber
                            },
                            c,
                        );
                        self.push(
                            Chamber {
                                y1: wy - 1,
                                ..chamber
                            },
                            c,
                        );
                    } else {
                        let wx = x0 + 1 + 2 * self.dice.below(wide - 1);
                        let gy = y0 + 2 * self.dice.below(tall);
                        for y in (y0..=y1).filter(|&y| y != gy) {
                            self.wall(wx, y, c);
                        }
                        gap = gy * self.grid.width + wx;
                        self.push(
                            Chamber {
                                x0: wx + 1,
                                ..chamber
                            },
                            c,
                        );
                        self.push(
                            Chamber {
                                x1: wx - 1,
                                ..chamber
                            },
                            c,
                        );
                    }
                    At::Split {
                        chamber,
                        horizontal,
                        gap,
                    }
                }
            }
        };
        true
    }

    fn view(&self) -> View {
        let grid = &self.grid;
        let mut marks = Vec::new();
        let size = |c: Chamber| format!("{} × {}", c.rooms_wide(), c.rooms_tall());
        let (line, narration) = match self.at {
            At::Start => (0, format!("An open {} × {} grid.", grid.width, grid.height)),
            At::Walled => (
                1,
                "Wall the border; the whole inside is the first chamber.".to_owned(),
            ),
            At::Corridor { chamber } => (
                4,
                format!(
                    "A chamber of {} rooms is a corridor: nothing to split.",
                    size(chamber)
                ),
            ),
            At::Split {
                chamber,
                horizontal,
                gap,
            } => {
                marks.push((gap, CellState::Current));
                (
                    6,
                    format!(
                        "Split the {} chamber by a {} wall, leaving the gap at {}; push both halves.",
                        size(chamber),
                        if horizontal { "horizontal" } else { "vertical" },
                        place(grid, gap)
                    ),
                )
            }
            At::Done => (
                7,
                "No chamber is left: every pair of rooms is joined by one path.".to_owned(),
            ),
        };
        let gap = match self.at {
            At::Split { gap, .. } => Some(at(grid, gap)),
            _ => None,
        };
        View {
            line,
            narration,
            variables: vec![
                Variable::new("gap", gap),
                Variable::new(
                    "chambers",
                    (!matches!(self.at, At::Start)).then_some(self.chambers.len()),
                ),
            ],
            frame: Frame::Grid(self.cells.frame(&marks, self.chambers.len())),
        }
    }

    fn is_done(&self) -> bool {
        self.at == At::Done
    }

    fn heap_bytes(&self) -> usize {
        self.grid.heap_bytes() + self.cells.0.len() + self.chambers.len() * 32
    }
}

//! Grid algorithms: searches from the start cell to the goal, and maze generators. Every one draws a
//! [`GridFrame`]: each cell's state as one character. What they share is here: the counters they declare,
//! the kept cell states, the path back along predecessors and the maze's rooms and walls.

pub mod astar_manhattan;
pub mod astar_octile;
pub mod bfs;
pub mod bidirectional;
pub mod dijkstra;
pub mod greedy;
pub mod maze_backtracker;
pub mod maze_division;
pub mod maze_kruskal;
pub mod maze_prim;
mod search;

use serde::{Deserialize, Serialize};

use crate::catalogue::{Card, Category, Complexity, GridRules, grid_input};
use crate::grid::Grid;
use crate::legend::Key;
use crate::snapshot::{CellState, Counter, GridFrame, Value};

/// The legend of the one-sided searches (the two-sided one adds the goal side's states).
const SEARCH_LEGEND: &[Key] = &[
    Key::cell(CellState::Frontier).said("in the open set"),
    Key::cell(CellState::Current).said("being expanded"),
    Key::cell(CellState::Visited).said("expanded"),
    Key::cell(CellState::Examined).said("neighbour looked at"),
    Key::cell(CellState::Path).said("on the path"),
];

/// The searches: cells expanded, the open set's peak, its traffic; work in a race is cells visited.
pub(crate) const SEARCH_COUNTERS: &[Counter] = &[
    Counter::CellsVisited,
    Counter::PeakFrontier,
    Counter::Pushes,
    Counter::Pops,
];
pub(crate) const SEARCH_WORK: &[Counter] = &[Counter::CellsVisited];

/// Searches that count steps take only grids whose open cells all cost 1.
pub(crate) const UNWEIGHTED: GridRules = GridRules {
    weights: false,
    maze: false,
};
pub(crate) const WEIGHTED: GridRules = GridRules {
    weights: true,
    maze: false,
};
pub(crate) const MAZE: GridRules = GridRules {
    weights: false,
    maze: true,
};

/// A heap-ordered search's costs: the path alone when the guide is good, every cell's push and pop at worst.
pub(crate) const HEAP_SEARCH: Complexity = Complexity {
    best: "O(path)",
    average: "O(cells log cells)",
    worst: "O(cells log cells)",
    space: "O(cells)",
};

/// What every grid search's card shares: its category, frame and counters.
pub(crate) const fn search_card(
    id: &'static str,
    name: &'static str,
    summary: &'static str,
    complexity: Complexity,
    rules: GridRules,
) -> Card {
    Card {
        id,
        name,
        category: Category::GridPathfinding,
        summary,
        complexity,
        stable: None,
        in_place: None,
        input: grid_input(rules),
        frame: crate::snapshot::FrameKind::Grid,
        legend: SEARCH_LEGEND,
        counters: SEARCH_COUNTERS,
        work: SEARCH_WORK,
        version: 1,
    }
}

/// What every maze generator's card shares: its category, frame, rules and costs.
pub(crate) const fn maze_card(
    id: &'static str,
    name: &'static str,
    summary: &'static str,
    counters: &'static [Counter],
    work: &'static [Counter],
    legend: &'static [Key],
) -> Card {
    Card {
        id,
        name,
        category: Category::Mazes,
        summary,
        complexity: MAZE_COMPLEXITY,
        stable: None,
        in_place: None,
        input: grid_input(MAZE),
        frame: crate::snapshot::FrameKind::Grid,
        legend,
        counters,
        work,
        version: 1,
    }
}

/// What the maze generators take: time and space in the cells.
pub(crate) const MAZE_COMPLEXITY: Complexity = Complexity {
    best: "O(cells)",
    average: "O(cells)",
    worst: "O(cells)",
    space: "O(cells)",
};

/// The state of every cell, kept between steps as [`CellState`] symbols; a step overlays its own marks.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Cells(#[serde(with = "symbols")] pub Vec<u8>);

/// Kept as the frame's own characters, so a saved state reads like the grid it draws.
mod symbols {
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    pub fn serialize<S: Serializer>(cells: &[u8], serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(std::str::from_utf8(cells).expect("cell symbols are ASCII"))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<u8>, D::Error> {
        let text = String::deserialize(deserializer)?;
        if !text
            .bytes()
            .all(|b| crate::snapshot::CellState::from_symbol(b).is_some())
        {
            return Err(D::Error::custom(
                "a cell state that is not one of . # f v c n p F V",
            ));
        }
        Ok(text.into_bytes())
    }
}

impl Cells {
    /// The grid's walls, every open cell untouched.
    pub fn new(grid: &Grid) -> Self {
        Cells(
            grid.cells
                .iter()
                .map(|&cost| {
                    if cost == crate::grid::WALL {
                        CellState::Wall.symbol()
                    } else {
                        CellState::Open.symbol()
                    }
                })
                .collect(),
        )
    }

    pub fn get(&self, cell: usize) -> CellState {
        CellState::from_symbol(self.0[cell]).expect("cells hold only state symbols")
    }

    pub fn set(&mut self, cell: usize, state: CellState) {
        self.0[cell] = state.symbol();
    }

    /// The kept states with this step's marks on top.
    pub fn frame(&self, marks: &[(usize, CellState)], frontier: usize) -> GridFrame {
        let mut cells = self.0.clone();
        for &(cell, state) in marks {
            cells[cell] = state.symbol();
        }
        GridFrame {
            cells: String::from_utf8(cells).expect("cell symbols are ASCII"),
            frontier,
        }
    }
}

/// A cell as a variable: (column, row), counted from 0.
pub(crate) fn at(grid: &Grid, cell: usize) -> Value {
    let (x, y) = grid.xy(cell);
    Value::Pair(x as i64, y as i64)
}

/// A cell for narration: "(3, 4)".
pub(crate) fn place(grid: &Grid, cell: usize) -> String {
    at(grid, cell).to_string()
}

/// No predecessor, in the `pred` arrays (a grid has under 2³² cells).
pub(crate) const NONE: u32 = u32::MAX;

/// The cells from the start to `goal` along predecessors, start first.
pub(crate) fn path(pred: &[u32], goal: usize) -> Vec<usize> {
    let mut cells = vec![goal];
    let mut cell = goal;
    while pred[cell] != NONE && cells.len() <= pred.len() {
        cell = pred[cell] as usize;
        cells.push(cell);
    }
    cells.reverse();
    cells
}

/// The rooms of a maze sit at odd columns and rows, the walls between them at the cells in between. The
/// rooms two cells from `room` (up, right, down, left) with the wall between, inside the border.
pub(crate) fn next_rooms(grid: &Grid, room: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
    let (x, y) = grid.xy(room);
    let w = grid.width;
    [(0isize, -1isize), (1, 0), (0, 1), (-1, 0)]
        .into_iter()
        .filter_map(move |(dx, dy)| {
            let nx = x.checked_add_signed(2 * dx).filter(|&nx| nx < w - 1)?;
            let ny = y
                .checked_add_signed(2 * dy)
                .filter(|&ny| ny < grid.height - 1)?;
            let wall = (y as isize + dy) as usize * w + (x as isize + dx) as usize;
            Some((wall, ny * w + nx))
        })
}

/// Every wall between two rooms, in row order, with the two rooms it separates.
pub(crate) fn inner_walls(grid: &Grid) -> Vec<(usize, usize, usize)> {
    let w = grid.width;
    let mut walls = Vec::new();
    for y in 1..grid.height - 1 {
        for x in 1..w - 1 {
            let cell = y * w + x;
            match (x % 2, y % 2) {
                (0, 1) => walls.push((cell, cell - 1, cell + 1)),
                (1, 0) => walls.push((cell, cell - w, cell + w)),
                _ => {}
            }
        }
    }
    walls
}

/// The maze generators' shared start: every cell a wall (`rooms_open`: but the rooms).
pub(crate) fn all_walls(grid: &Grid, rooms_open: bool) -> Cells {
    let (w, h) = (grid.width, grid.height);
    Cells(
        (0..grid.len())
            .map(|cell| {
                let (x, y) = (cell % w, cell / w);
                let room = x % 2 == 1 && y % 2 == 1 && x < w - 1 && y < h - 1;
                if rooms_open && room {
                    CellState::Open.symbol()
                } else {
                    CellState::Wall.symbol()
                }
            })
            .collect(),
    )
}

/// The maze's seeded choices: `below(n)` picks one of n.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Dice(rand_pcg::Pcg32);

impl Dice {
    pub fn new(seed: u64) -> Self {
        use rand_core::SeedableRng;
        Dice(rand_pcg::Pcg32::seed_from_u64(seed))
    }

    pub fn below(&mut self, n: usize) -> usize {
        crate::input::below(&mut self.0, n as u64) as usize
    }
}

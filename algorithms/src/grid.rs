//! Grid inputs: a rectangle of cells, each a wall or open with a cost to enter (1–9), with a start and a
//! goal. One typed text (a row of characters per line) is also the JSON form (the rows as strings).

use std::fmt;

use rand_core::SeedableRng;
use rand_pcg::Pcg32;
use serde::{Deserialize, Serialize};

use crate::input::below;

/// The longest side a grid may have (the count-only limit); stepping allows [`GRID_STEP_SIDE`].
pub const GRID_MAX_SIDE: usize = 500;
/// The longest side a run can step through: every step draws every cell.
pub const GRID_STEP_SIDE: usize = 100;
/// A cell's cost to enter is 1 (`.`) to this.
pub const GRID_MAX_COST: u8 = 9;
/// The code of a wall in [`Grid::cells`].
pub const WALL: u8 = 0;

/// A grid. `cells` is row-major: `WALL`, or the cost of entering the cell (1–9).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "Vec<String>", into = "Vec<String>")]
pub struct Grid {
    pub width: usize,
    pub height: usize,
    pub cells: Vec<u8>,
    pub start: usize,
    pub goal: usize,
}

/// Why a grid's text is not a grid: the line and column (from 1) where known.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GridError {
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
}

impl GridError {
    fn at(line: usize, column: usize, message: String) -> Self {
        GridError {
            line: Some(line),
            column: Some(column),
            message,
        }
    }

    fn whole(message: String) -> Self {
        GridError {
            line: None,
            column: None,
            message,
        }
    }
}

impl fmt::Display for GridError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.column) {
            (Some(line), Some(column)) => {
                write!(f, "line {line}, column {column}: {}", self.message)
            }
            (Some(line), None) => write!(f, "line {line}: {}", self.message),
            _ => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for GridError {}

/// Reads a grid: one line per row, one character per cell: `.` open, `#` wall, `2`–`9` a cell that costs
/// that much to enter, `S` the start and `G` the goal (both open, cost 1). Blank lines before and after
/// are ignored; every row must be as wide as the first.
pub fn parse_grid(text: &str) -> Result<Grid, GridError> {
    let lines: Vec<(usize, &str)> = text
        .lines()
        .enumerate()
        .map(|(index, line)| (index + 1, line.trim_end()))
        .skip_while(|(_, line)| line.is_empty())
        .collect();
    let last = lines
        .iter()
        .rposition(|(_, line)| !line.is_empty())
        .ok_or_else(|| {
            GridError::whole("the grid is empty: type one row of cells per line".into())
        })?;
    let lines = &lines[..=last];
    let width = lines[0].1.chars().count();
    if lines.len() > GRID_MAX_SIDE || width > GRID_MAX_SIDE {
        return Err(GridError::whole(format!(
            "a {width} × {} grid is larger than {GRID_MAX_SIDE} × {GRID_MAX_SIDE}",
            lines.len()
        )));
    }
    let mut cells = Vec::with_capacity(width * lines.len());
    let (mut start, mut goal) = (None, None);
    for &(line, row) in lines {
        let mut count = 0;
        for (index, ch) in row.chars().enumerate() {
            let column = index + 1;
            if count == width {
                return Err(GridError::at(
                    line,
                    column,
                    format!("this row is wider than the first ({width} cells)"),
                ));
            }
            let at = cells.len();
            let cost = match ch {
                '.' => 1,
                '#' => WALL,
                '2'..='9' => ch as u8 - b'0',
                'S' | 'G' => {
                    let (slot, name) = if ch == 'S' {
                        (&mut start, "start")
                    } else {
                        (&mut goal, "goal")
                    };
                    if let Some((l, c, _)) = *slot {
                        return Err(GridError::at(
                            line,
                            column,
                            format!("a second {name} {ch}: the first is at line {l}, column {c}"),
                        ));
                    }
                    *slot = Some((line, column, at));
                    1
                }
                _ => {
                    return Err(GridError::at(
                        line,
                        column,
                        format!(
                            "\"{ch}\" is not a cell: use . (open), # (wall), 2–9 (cost), S (start) or G (goal)"
                        ),
                    ));
                }
            };
            cells.push(cost);
            count += 1;
        }
        if count < width {
            return Err(GridError::at(
                line,
                count + 1,
                format!("this row has {count} cells; the first has {width}: every row is as wide"),
            ));
        }
    }
    let start = start
        .ok_or_else(|| GridError::whole("the grid has no start: put an S in a cell".into()))?;
    let goal =
        goal.ok_or_else(|| GridError::whole("the grid has no goal: put a G in a cell".into()))?;
    Ok(Grid {
        width,
        height: lines.len(),
        cells,
        start: start.2,
        goal: goal.2,
    })
}

impl TryFrom<Vec<String>> for Grid {
    type Error = GridError;

    fn try_from(rows: Vec<String>) -> Result<Self, GridError> {
        if rows.iter().any(|row| row.contains(['\n', '\r'])) {
            return Err(GridError::whole(
                "a row of the grid holds a line break".into(),
            ));
        }
        parse_grid(&rows.join("\n"))
    }
}

impl From<Grid> for Vec<String> {
    fn from(grid: Grid) -> Self {
        grid.rows()
    }
}

impl Grid {
    /// An open grid (every cell costs 1) with the start at the top left and the goal at the bottom right.
    pub fn open(width: usize, height: usize) -> Self {
        Grid {
            width,
            height,
            cells: vec![1; width * height],
            start: 0,
            goal: (width * height).saturating_sub(1),
        }
    }

    pub fn len(&self) -> usize {
        self.cells.len()
    }

    pub fn is_empty(&self) -> bool {
        self.cells.is_empty()
    }

    /// Column and row of a cell.
    pub fn xy(&self, cell: usize) -> (usize, usize) {
        (cell % self.width, cell / self.width)
    }

    pub fn is_wall(&self, cell: usize) -> bool {
        self.cells[cell] == WALL
    }

    /// The character a cell is typed as.
    pub fn symbol(&self, cell: usize) -> char {
        if cell == self.start {
            'S'
        } else if cell == self.goal {
            'G'
        } else {
            match self.cells[cell] {
                WALL => '#',
                1 => '.',
                cost => (b'0' + cost) as char,
            }
        }
    }

    pub fn rows(&self) -> Vec<String> {
        (0..self.height)
            .map(|y| {
                (0..self.width)
                    .map(|x| self.symbol(y * self.width + x))
                    .collect()
            })
            .collect()
    }

    /// The typed text [`parse_grid`] reads.
    pub fn to_text(&self) -> String {
        let mut text = self.rows().join("\n");
        text.push('\n');
        text
    }

    /// Whether any open cell costs more than 1.
    pub fn is_weighted(&self) -> bool {
        self.cells.iter().any(|&cost| cost > 1)
    }

    /// The open neighbours of `cell`, in the order every search examines them: up, right, down, left; with
    /// `diagonal`, the four corners between them too (up-right after up…), but never across a wall's corner.
    /// Each comes with whether the move is diagonal.
    pub fn neighbours(
        &self,
        cell: usize,
        diagonal: bool,
    ) -> impl Iterator<Item = (usize, bool)> + '_ {
        const STRAIGHT: [(isize, isize); 4] = [(0, -1), (1, 0), (0, 1), (-1, 0)];
        const EIGHT: [(isize, isize); 8] = [
            (0, -1),
            (1, -1),
            (1, 0),
            (1, 1),
            (0, 1),
            (-1, 1),
            (-1, 0),
            (-1, -1),
        ];
        let (x, y) = self.xy(cell);
        let moves: &[(isize, isize)] = if diagonal { &EIGHT } else { &STRAIGHT };
        moves.iter().filter_map(move |&(dx, dy)| {
            let to = self.offset(x, y, dx, dy)?;
            if self.is_wall(to) {
                return None;
            }
            let is_diagonal = dx != 0 && dy != 0;
            // A diagonal move needs both cells it passes between to be open.
            if is_diagonal
                && (self.offset(x, y, dx, 0).is_none_or(|c| self.is_wall(c))
                    || self.offset(x, y, 0, dy).is_none_or(|c| self.is_wall(c)))
            {
                return None;
            }
            Some((to, is_diagonal))
        })
    }

    fn offset(&self, x: usize, y: usize, dx: isize, dy: isize) -> Option<usize> {
        let nx = x.checked_add_signed(dx).filter(|&nx| nx < self.width)?;
        let ny = y.checked_add_signed(dy).filter(|&ny| ny < self.height)?;
        Some(ny * self.width + nx)
    }

    /// The shape every check relies on: cells for every position, costs in range, start and goal open.
    pub fn check(&self) -> Result<(), String> {
        if self.width == 0 || self.height == 0 || self.cells.len() != self.width * self.height {
            return Err("the grid's cells do not fill its width and height".into());
        }
        if self.cells.iter().any(|&c| c > GRID_MAX_COST) {
            return Err(format!("a cell costs more than {GRID_MAX_COST}"));
        }
        if self.start >= self.len() || self.goal >= self.len() || self.start == self.goal {
            return Err("the start and the goal must be two cells of the grid".into());
        }
        // The typed form writes them as S and G, which cost 1.
        if self.cells[self.start] != 1 || self.cells[self.goal] != 1 {
            return Err("the start and the goal must be open cells that cost 1".into());
        }
        Ok(())
    }

    /// Heap bytes, for the timeline's keyframe sizing.
    pub fn heap_bytes(&self) -> usize {
        self.cells.len()
    }
}

/// A reproducible random grid: walls scattered at `walls` per cent of the cells, and with `weights` some
/// cells costing 2–9 (in patches, like rough ground); the start at the top left, the goal at the bottom
/// right, both kept open, and always a way between them (the fewest walls that block every way are
/// opened). A grid with no way through is one to type or paint.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GridGenerator {
    pub width: usize,
    pub height: usize,
    /// Per cent of cells that are walls, 0–60.
    pub walls: u8,
    pub weights: bool,
    pub seed: u64,
}

/// More walls than this rarely leave a path, and a learner gets a wall of black.
pub const GENERATOR_MAX_WALLS: u8 = 60;

impl GridGenerator {
    pub fn generate(&self) -> Result<Grid, String> {
        let GridGenerator {
            width,
            height,
            walls,
            weights,
            seed,
        } = *self;
        if width < 2 && height < 2 {
            return Err("a grid needs at least two cells".into());
        }
        if width == 0 || height == 0 || width > GRID_MAX_SIDE || height > GRID_MAX_SIDE {
            return Err(format!("width and height must be 1 to {GRID_MAX_SIDE}"));
        }
        if walls > GENERATOR_MAX_WALLS {
            return Err(format!("walls must be 0 to {GENERATOR_MAX_WALLS} per cent"));
        }
        let mut rng = Pcg32::seed_from_u64(seed);
        let mut grid = Grid::open(width, height);
        if weights {
            // A few patches of rough ground, each one cost in a diamond.
            for _ in 0..(width * height / 60).max(1) {
                let cost = 2 + below(&mut rng, 8) as u8;
                let (cx, cy) = (
                    below(&mut rng, width as u64) as i64,
                    below(&mut rng, height as u64) as i64,
                );
                let radius = 1 + below(&mut rng, 4) as i64;
                for y in (cy - radius).max(0)..=(cy + radius).min(height as i64 - 1) {
                    for x in (cx - radius).max(0)..=(cx + radius).min(width as i64 - 1) {
                        if (x - cx).abs() + (y - cy).abs() <= radius {
                            grid.cells[y as usize * width + x as usize] = cost;
                        }
                    }
                }
            }
        }
        for cell in 0..grid.len() {
            if below(&mut rng, 100) < u64::from(walls) {
                grid.cells[cell] = WALL;
            }
        }
        grid.cells[grid.start] = 1;
        grid.cells[grid.goal] = 1;
        for cell in grid.fewest_walls_between(grid.start, grid.goal) {
            grid.cells[cell] = 1;
        }
        Ok(grid)
    }
}

impl Grid {
    /// The walls on a way from `from` to `to` (four-way moves) that crosses as few walls as possible: a
    /// breadth-first search in which entering a wall costs 1 and an open cell 0 (a double-ended queue).
    fn fewest_walls_between(&self, from: usize, to: usize) -> Vec<usize> {
        let n = self.len();
        let mut crossed = vec![u32::MAX; n];
        let mut pred = vec![usize::MAX; n];
        let mut queue = std::collections::VecDeque::from([from]);
        crossed[from] = 0;
        while let Some(cell) = queue.pop_front() {
            let (x, y) = self.xy(cell);
            for (dx, dy) in [(0, -1), (1, 0), (0, 1), (-1, 0)] {
                let Some(next) = self.offset(x, y, dx, dy) else {
                    continue;
                };
                let wall = u32::from(self.is_wall(next));
                if crossed[cell] + wall < crossed[next] {
                    crossed[next] = crossed[cell] + wall;
                    pred[next] = cell;
                    if wall == 0 {
                        queue.push_front(next);
                    } else {
                        queue.push_back(next);
                    }
                }
            }
        }
        let mut walls = Vec::new();
        let mut cell = to;
        while cell != from && pred[cell] != usize::MAX {
            if self.is_wall(cell) {
                walls.push(cell);
            }
            cell = pred[cell];
        }
        walls
    }
}

/// A named example grid; [`crate::catalogue::Card::grid_presets`] offers the ones an algorithm takes.
pub struct GridPreset {
    pub id: &'static str,
    pub name: &'static str,
    pub text: &'static str,
}

pub const GRID_PRESETS: &[GridPreset] = &[
    GridPreset {
        id: "open",
        name: "An open field, 31 × 21 (mazes start from it)",
        text: "\
...............................
.S.............................
...............................
...............................
...............................
...............................
...............................
...............................
...............................
...............................
...............................
...............................
...............................
...............................
...............................
...............................
...............................
...............................
...............................
.............................G.
...............................
",
    },
    GridPreset {
        id: "wall",
        name: "A wall with one gap",
        text: "\
S...........#...........
............#...........
............#...........
............#...........
............#...........
........................
............#...........
............#...........
............#...........
............#..........G
",
    },
    GridPreset {
        id: "swamp",
        name: "A swamp between start and goal (weighted)",
        text: "\
S.......................
..........9.............
.........999............
........99999...........
.......9999999..........
........99999...........
.........999............
..........9.............
.......................G
",
    },
    GridPreset {
        id: "trap",
        name: "A cup that traps a greedy search",
        text: "\
........................
........................
....#############.......
................#.......
.......S........#...G...
................#.......
....#############.......
........................
........................
",
    },
    GridPreset {
        id: "maze",
        name: "A small maze",
        text: "\
#####################
#S..#...........#...#
###.###.#.#####.###.#
#.#...#.#.#...#.....#
#.###.#.#.#.#######.#
#.#...#.#.#...#.....#
#.#.#####.#.#.#.#####
#...#...#.#.#...#...#
#.###.#.#.#.#######.#
#.....#...#........G#
#####################
",
    },
];

impl GridPreset {
    pub fn grid(&self) -> Grid {
        parse_grid(self.text).expect("presets are valid grids")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_kind_of_cell_and_writes_it_back() {
        let grid = parse_grid("\n S.#\n29G.\n\n").unwrap_err();
        assert_eq!(
            grid.to_string(),
            "line 2, column 1: \" \" is not a cell: use . (open), # (wall), 2–9 (cost), S (start) or G (goal)"
        );
        let grid = parse_grid("\nS.#.\n29G.\n\n").unwrap();
        assert_eq!((grid.width, grid.height), (4, 2));
        assert_eq!(grid.cells, vec![1, 1, WALL, 1, 2, 9, 1, 1]);
        assert_eq!((grid.start, grid.goal), (0, 6));
        assert_eq!(grid.to_text(), "S.#.\n29G.\n");
        assert_eq!(parse_grid(&grid.to_text()).unwrap(), grid);
        assert!(grid.is_weighted());
    }

    #[test]
    fn errors_name_the_line_and_column() {
        let cases = [
            (
                "S..\n..\n..G",
                "line 2, column 3: this row has 2 cells; the first has 3: every row is as wide",
            ),
            (
                "S..\n....\n..G",
                "line 2, column 4: this row is wider than the first (3 cells)",
            ),
            (
                "S.x\n..G",
                "line 1, column 3: \"x\" is not a cell: use . (open), # (wall), 2–9 (cost), S (start) or G (goal)",
            ),
            (
                "S.S\n..G",
                "line 1, column 3: a second start S: the first is at line 1, column 1",
            ),
            ("...\n..G", "the grid has no start: put an S in a cell"),
            ("S..\n...", "the grid has no goal: put a G in a cell"),
            (
                "  \n\n",
                "the grid is empty: type one row of cells per line",
            ),
        ];
        for (text, message) in cases {
            assert_eq!(
                parse_grid(text).unwrap_err().to_string(),
                message,
                "{text:?}"
            );
        }
        let wide = format!("S{}G", ".".repeat(GRID_MAX_SIDE));
        assert!(
            parse_grid(&wide)
                .unwrap_err()
                .to_string()
                .contains("larger than 500 × 500")
        );
    }

    #[test]
    fn json_is_the_rows() {
        let grid = parse_grid("S#\n.G").unwrap();
        let json = serde_json::to_string(&grid).unwrap();
        assert_eq!(json, r#"["S#",".G"]"#);
        assert_eq!(serde_json::from_str::<Grid>(&json).unwrap(), grid);
        let bad = serde_json::from_str::<Grid>(r#"["S#","x"]"#).unwrap_err();
        assert!(bad.to_string().contains("line 2, column 1"), "{bad}");
    }

    #[test]
    fn neighbours_never_cut_a_wall_corner() {
        let grid = parse_grid("S#.\n...\n..G").unwrap();
        let straight: Vec<_> = grid.neighbours(4, false).map(|(c, _)| c).collect();
        assert_eq!(straight, vec![5, 7, 3]);
        let eight: Vec<_> = grid.neighbours(4, true).collect();
        // Up is the wall; up-right and up-left would pass its corner.
        assert_eq!(
            eight,
            vec![(5, false), (8, true), (7, false), (6, true), (3, false)]
        );
        // From the start, the move down-right passes the wall at (1, 0): not allowed.
        assert_eq!(
            grid.neighbours(0, true).map(|(c, _)| c).collect::<Vec<_>>(),
            vec![3]
        );
    }

    #[test]
    fn generators_repeat_by_seed_and_keep_start_and_goal_open() {
        let generator = GridGenerator {
            width: 30,
            height: 20,
            walls: 30,
            weights: true,
            seed: 4,
        };
        let grid = generator.generate().unwrap();
        assert_eq!(grid, generator.generate().unwrap());
        assert!(grid.check().is_ok());
        let walls = grid.cells.iter().filter(|&&c| c == WALL).count();
        assert!((100..260).contains(&walls), "{walls} walls of 600");
        assert!(grid.is_weighted());
        // However many walls, a way through.
        for seed in 0..50 {
            let crowded = GridGenerator {
                walls: 60,
                weights: false,
                seed,
                ..generator.clone()
            };
            let grid = crowded.generate().unwrap();
            assert!(reachable(&grid), "seed {seed}:\n{}", grid.to_text());
        }
        let other = GridGenerator {
            seed: 5,
            ..generator.clone()
        }
        .generate()
        .unwrap();
        assert_ne!(grid, other);
        assert!(
            GridGenerator {
                walls: 61,
                ..generator.clone()
            }
            .generate()
            .is_err()
        );
        assert!(
            GridGenerator {
                width: 501,
                ..generator
            }
            .generate()
            .is_err()
        );
    }

    /// Whether the goal can be reached from the start by four-way moves through open cells.
    fn reachable(grid: &Grid) -> bool {
        let mut seen = vec![false; grid.len()];
        let mut stack = vec![grid.start];
        seen[grid.start] = true;
        while let Some(cell) = stack.pop() {
            for (next, _) in grid.neighbours(cell, false) {
                if !seen[next] {
                    seen[next] = true;
                    stack.push(next);
                }
            }
        }
        seen[grid.goal]
    }

    #[test]
    fn presets_are_grids() {
        for preset in GRID_PRESETS {
            assert!(preset.grid().check().is_ok(), "{}", preset.id);
        }
    }
}

//! Reference results for the grid family. Searches: petgraph's Dijkstra over the grid's moves, built here
//! from the grid's text independently of the crate's own neighbour code, gives the cost of the best path
//! (or that there is none). Mazes: the final grid is a perfect maze, checked by counting: every room open,
//! exactly rooms − 1 walls taken down, all of it connected (so the passages form a tree).

use std::collections::VecDeque;

use algorithms::catalogue::Entry;
use algorithms::grid::{Grid, GridGenerator};
use algorithms::{Frame, GridFrame, Snapshot, Value};
use petgraph::algo::dijkstra;
use petgraph::graph::{DiGraph, NodeIndex};
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;

fn frame(snapshot: &Snapshot) -> &GridFrame {
    match &snapshot.frame {
        Frame::Grid(frame) => frame,
        other => panic!("a grid algorithm draws grid frames, not {other:?}"),
    }
}

/// The moves the search takes and their costs: four ways (each cell costs its number to enter, or 1 for
/// the searches that count steps), or eight ways for the octile A* (10 or 14 × the cost), never between two
/// walls' corners.
fn moves(grid: &Grid, id: &str) -> Vec<(usize, usize, i64)> {
    let (w, h) = (grid.width as i64, grid.height as i64);
    let open = |x: i64, y: i64| {
        x >= 0 && y >= 0 && x < w && y < h && grid.cells[(y * w + x) as usize] != 0
    };
    let eight = id == "grid-astar-octile";
    let mut edges = Vec::new();
    for y in 0..h {
        for x in 0..w {
            if !open(x, y) {
                continue;
            }
            for dy in -1i64..=1 {
                for dx in -1i64..=1 {
                    let diagonal = dx != 0 && dy != 0;
                    if (dx, dy) == (0, 0) || (diagonal && !eight) || !open(x + dx, y + dy) {
                        continue;
                    }
                    if diagonal && !(open(x + dx, y) && open(x, y + dy)) {
                        continue;
                    }
                    let to = ((y + dy) * w + x + dx) as usize;
                    let cost = i64::from(grid.cells[to]);
                    let cost = match (id, diagonal) {
                        ("grid-bfs" | "grid-bidirectional", _) => 1,
                        ("grid-astar-octile", false) => 10 * cost,
                        ("grid-astar-octile", true) => 14 * cost,
                        _ => cost,
                    };
                    edges.push(((y * w + x) as usize, to, cost));
                }
            }
        }
    }
    edges
}

fn best_cost(grid: &Grid, id: &str) -> Option<i64> {
    let mut g = DiGraph::<(), i64>::new();
    let nodes: Vec<NodeIndex> = (0..grid.len()).map(|_| g.add_node(())).collect();
    for (from, to, cost) in moves(grid, id) {
        g.add_edge(nodes[from], nodes[to], cost);
    }
    dijkstra(&g, nodes[grid.start], Some(nodes[grid.goal]), |e| {
        *e.weight()
    })
    .get(&nodes[grid.goal])
    .copied()
}

fn int(snapshot: &Snapshot, name: &str) -> i64 {
    match snapshot
        .variables
        .iter()
        .find(|v| v.name == name)
        .and_then(|v| v.value.clone())
    {
        Some(Value::Int(v)) => v,
        other => panic!("{name}: {other:?}"),
    }
}

/// Cells reachable from `from` through cells `passable` by the moves of `edges`.
fn reach(
    n: usize,
    edges: &[(usize, usize, i64)],
    from: usize,
    passable: impl Fn(usize) -> bool,
) -> Vec<bool> {
    let mut next = vec![Vec::new(); n];
    for &(a, b, _) in edges {
        if passable(a) && passable(b) {
            next[a].push(b);
        }
    }
    let mut seen = vec![false; n];
    seen[from] = true;
    let mut queue = VecDeque::from([from]);
    while let Some(cell) = queue.pop_front() {
        for &to in &next[cell] {
            if !seen[to] {
                seen[to] = true;
                queue.push_back(to);
            }
        }
    }
    seen
}

pub fn check(entry: &Entry, grid: &Grid, last: &Snapshot) -> Result<(), TestCaseError> {
    let cells = frame(last).cells.as_bytes();
    prop_assert_eq!(cells.len(), grid.len());
    if entry.input.grid.is_some_and(|rules| rules.maze) {
        return check_maze(grid, cells);
    }
    for (cell, &state) in cells.iter().enumerate() {
        prop_assert_eq!(
            state == b'#',
            grid.cells[cell] == 0,
            "walls stay walls, at cell {}",
            cell
        );
    }
    let expected = best_cost(grid, entry.id);
    let on_path: Vec<bool> = cells.iter().map(|&s| s == b'p').collect();
    let Some(best) = expected else {
        prop_assert!(!on_path.contains(&true), "no path exists, yet one is drawn");
        prop_assert!(
            last.narration.contains("cannot be reached"),
            "{}",
            last.narration
        );
        return Ok(());
    };
    prop_assert!(
        on_path[grid.start] && on_path[grid.goal],
        "the path runs from start to goal"
    );
    // The drawn path is one chain of moves from start to goal.
    let edges = moves(grid, entry.id);
    let reached = reach(grid.len(), &edges, grid.start, |cell| on_path[cell]);
    prop_assert!(
        reached[grid.goal],
        "the path cells join the start to the goal"
    );
    let drawn = on_path.iter().filter(|&&p| p).count() as i64;
    match entry.id {
        "grid-bfs" | "grid-bidirectional" => {
            prop_assert_eq!(drawn - 1, best, "a shortest path in moves");
            prop_assert_eq!(int(last, "path moves"), best);
        }
        "grid-greedy" => {
            // Greedy's path is a real path, maybe longer: at least the best cost.
            prop_assert!(int(last, "path cost") >= best);
        }
        _ => prop_assert_eq!(int(last, "path cost"), best, "the cheapest path"),
    }
    if entry.id == "grid-dijkstra" || entry.id == "grid-astar" {
        let along: i64 = (0..grid.len())
            .filter(|&c| on_path[c] && c != grid.start)
            .map(|c| i64::from(grid.cells[c]))
            .sum();
        prop_assert_eq!(along, best, "the drawn cells cost what the search says");
    }
    Ok(())
}

fn check_maze(grid: &Grid, cells: &[u8]) -> Result<(), TestCaseError> {
    let (w, h) = (grid.width, grid.height);
    let rooms = (w / 2) * (h / 2);
    let mut open = 0;
    for (cell, &state) in cells.iter().enumerate() {
        prop_assert!(
            state == b'.' || state == b'#',
            "a finished maze is walls and passages: {}",
            state as char
        );
        let (x, y) = (cell % w, cell / w);
        let is_open = state == b'.';
        open += usize::from(is_open);
        if x % 2 == 1 && y % 2 == 1 {
            prop_assert!(is_open, "room ({x}, {y}) is carved");
        } else if x % 2 == 0 && y % 2 == 0 || x == 0 || y == 0 || x == w - 1 || y == h - 1 {
            prop_assert!(!is_open, "({x}, {y}) is a wall");
        }
    }
    prop_assert_eq!(open, 2 * rooms - 1, "rooms − 1 walls taken down");
    let mut edges = Vec::new();
    for cell in 0..cells.len() {
        if cell + 1 < cells.len() && (cell + 1) % w != 0 {
            edges.push((cell, cell + 1, 1));
            edges.push((cell + 1, cell, 1));
        }
        if cell + w < cells.len() {
            edges.push((cell, cell + w, 1));
            edges.push((cell + w, cell, 1));
        }
    }
    let reached = reach(cells.len(), &edges, grid.start, |c| cells[c] == b'.');
    let connected = (0..cells.len())
        .filter(|&c| cells[c] == b'.')
        .all(|c| reached[c]);
    prop_assert!(connected, "every passage is joined to the start");
    Ok(())
}

/// Random grids for an entry: searches get up to `max_side` × `max_side` cells with walls (and costs where
/// the search takes them) and a start and goal anywhere; mazes an open grid of odd sides with the start
/// and goal on rooms, and a seed.
pub fn inputs(entry: &'static Entry, max_side: usize) -> BoxedStrategy<algorithms::Input> {
    let rules = entry.input.grid.expect("a grid entry");
    let max_side = max_side.max(5);
    (
        1..=max_side,
        1..=max_side,
        0u8..=45,
        any::<u64>(),
        any::<u64>(),
        any::<u64>(),
    )
        .prop_filter("two cells at least", |(w, h, ..)| w * h >= 2)
        .prop_map(move |(width, height, walls, seed, a, b)| {
            let (width, height) = if rules.maze {
                (width | 5, height | 5)
            } else {
                (width, height)
            };
            let mut input = entry
                .generate_grid(&GridGenerator {
                    width,
                    height,
                    walls,
                    weights: true,
                    seed,
                })
                .expect("a grid within the limits");
            let grid = input.grid.as_mut().unwrap();
            if rules.maze {
                let rooms = (grid.width / 2) * (grid.height / 2);
                let room = |k: u64| {
                    let r = (k % rooms as u64) as usize;
                    (2 * (r / (grid.width / 2)) + 1) * grid.width + 2 * (r % (grid.width / 2)) + 1
                };
                let (start, goal) = (room(a), room(b));
                if start != goal {
                    grid.start = start;
                    grid.goal = goal;
                }
            } else {
                let n = grid.len() as u64;
                let (start, goal) = ((a % n) as usize, (b % n) as usize);
                if start != goal {
                    grid.cells[start] = 1;
                    grid.cells[goal] = 1;
                    grid.start = start;
                    grid.goal = goal;
                }
                if !rules.weights {
                    for cell in grid.cells.iter_mut().filter(|c| **c > 1) {
                        *cell = 1;
                    }
                }
            }
            input
        })
        .boxed()
}

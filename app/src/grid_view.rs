//! The renderer for grid frames: a canvas with one square per cell. A frame holds every cell's state as one
//! character, so a step compares it with the previous frame and repaints only the cells that differ (a
//! search step changes one to three of 10,000); the canvas says how many it painted (`data-painted`), which
//! the browser tests read. Colours come from the stylesheet's variables, read again when the theme changes,
//! and every state but "visited" also has a shape of its own (an outline, a cross, a ring, a dot, a slash),
//! so no state differs by hue alone.

use algorithms::grid::{Grid, WALL};
use algorithms::{CellState, Frame, Key, Shown, Snapshot};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use crate::theme::THEME_EVENT;

pub fn grid_cells(snapshot: &Snapshot) -> &str {
    match &snapshot.frame {
        Frame::Grid(frame) => &frame.cells,
        _ => "",
    }
}

/// The grid a maze generator's frame shows: its walls and passages, with the input's start and goal.
pub fn maze_grid(cells: &str, input: &Grid) -> Grid {
    let mut grid = input.clone();
    for (cost, symbol) in grid.cells.iter_mut().zip(cells.bytes()) {
        *cost = if symbol == CellState::Wall.symbol() {
            WALL
        } else {
            1
        };
    }
    grid
}

/// The size of a cell in canvas pixels: the grid fits about 720 pixels, cells no smaller than 5.
pub fn cell_size(grid: &Grid) -> u32 {
    (720 / grid.width.max(grid.height).max(1)).clamp(5, 36) as u32
}

/// Draws cells on a canvas in the stylesheet's colours.
pub struct Painter {
    context: CanvasRenderingContext2d,
    cell: f64,
    fills: Vec<String>,
    edges: Vec<String>,
    heavy: String,
    ink: String,
    /// The open ground's colour and the tint of costly cells, as channels, to work out a costly cell's
    /// fill and the letter that reads over it.
    open_rgb: Option<[f64; 3]>,
    heavy_rgb: Option<[f64; 3]>,
}

/// The stylesheet variables of each state's fill and shape colour, in `CellState::ALL` order.
const STATE_COLOURS: [(&str, &str); 9] = [
    ("--cell-open", "--cell-ink"),
    ("--cell-wall", "--cell-wall"),
    ("--mark-compared", "--mark-compared-edge"),
    ("--bar", "--bar-edge"),
    ("--mark-swapped", "--cell-ink"),
    ("--mark-pivot", "--mark-pivot-edge"),
    ("--mark-sorted", "--cell-ink"),
    ("--mark-written", "--mark-written-edge"),
    ("--mark-found", "--cell-ink"),
];

impl Painter {
    pub fn new(canvas: &HtmlCanvasElement, cell: u32) -> Option<Self> {
        let context: CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
        let style = window().get_computed_style(canvas).ok()??;
        let read = |name: &str| {
            let value = style.get_property_value(name).unwrap_or_default();
            let value = value.trim();
            if value.is_empty() {
                "#808080".to_owned()
            } else {
                value.to_owned()
            }
        };
        let (open, heavy) = (read("--cell-open"), read("--cell-heavy"));
        Some(Painter {
            open_rgb: channels(&open),
            heavy_rgb: channels(&heavy),
            fills: STATE_COLOURS.iter().map(|(fill, _)| read(fill)).collect(),
            edges: STATE_COLOURS.iter().map(|(_, edge)| read(edge)).collect(),
            heavy,
            ink: read("--cell-ink"),
            context,
            cell: f64::from(cell),
        })
    }

    /// Paints one cell: its state's fill (an open cell shaded by its cost), its state's shape, its cost
    /// when there is room, and the start's or goal's letter.
    pub fn paint(&self, grid: &Grid, index: usize, state: CellState) {
        let c = &self.context;
        let size = self.cell;
        let (x, y) = grid.xy(index);
        let (x, y) = (x as f64 * size, y as f64 * size);
        let middle = size / 2.0;
        let slot = CellState::ALL.iter().position(|s| *s == state).unwrap_or(0);
        c.set_fill_style_str(&self.fills[slot]);
        c.fill_rect(x, y, size, size);
        let cost = grid.cells.get(index).copied().unwrap_or(1);
        // A costly open cell is the open ground tinted by the cost's share of the heavy colour.
        let tint = (state == CellState::Open && cost > 1).then(|| f64::from(cost - 1) / 10.0);
        if let Some(alpha) = tint {
            c.set_global_alpha(alpha);
            c.set_fill_style_str(&self.heavy);
            c.fill_rect(x, y, size, size);
            c.set_global_alpha(1.0);
        }
        // Text on cells large enough to read it.
        let letter = if index == grid.start {
            Some("S".to_owned())
        } else if index == grid.goal {
            Some("G".to_owned())
        } else if cost > 1 && state != CellState::Wall && size >= 14.0 {
            Some(cost.to_string())
        } else {
            None
        };
        let lettered = letter.is_some() && size >= 9.0;
        if size >= 8.0 {
            // A circle around the middle, `share` of the cell wide.
            let ring = |share: f64| {
                let _ = c.arc(
                    x + middle,
                    y + middle,
                    size * share,
                    0.0,
                    std::f64::consts::TAU,
                );
                c.stroke();
            };
            c.set_stroke_style_str(&self.edges[slot]);
            c.set_line_width((size / 8.0).max(1.5));
            let inset = size * 0.25;
            c.begin_path();
            match state {
                CellState::Frontier | CellState::GoalFrontier => {
                    c.stroke_rect(x + inset, y + inset, size - 2.0 * inset, size - 2.0 * inset);
                }
                CellState::Current => {
                    c.move_to(x + inset, y + inset);
                    c.line_to(x + size - inset, y + size - inset);
                    c.move_to(x + size - inset, y + inset);
                    c.line_to(x + inset, y + size - inset);
                    c.stroke();
                }
                CellState::Examined => ring(0.28),
                // A dot in the middle, or a ring around the start's or goal's letter, which a dot
                // would hide.
                CellState::Path if lettered => ring(0.42),
                CellState::Path => {
                    c.set_fill_style_str(&self.edges[slot]);
                    let _ = c.arc(
                        x + middle,
                        y + middle,
                        size * 0.2,
                        0.0,
                        std::f64::consts::TAU,
                    );
                    c.fill();
                }
                CellState::GoalVisited => {
                    c.move_to(x + inset, y + size - inset);
                    c.line_to(x + size - inset, y + inset);
                    c.stroke();
                }
                CellState::Open | CellState::Wall | CellState::Visited => {}
            }
        }
        if let Some(letter) = letter.filter(|_| lettered) {
            // Black or white, whichever reads over the fill as painted (the theme's ink where the fill is
            // unknown); worked out only under a letter, not for every cell painted.
            let fill = match tint {
                Some(alpha) => self
                    .open_rgb
                    .zip(self.heavy_rgb)
                    .map(|(open, heavy)| [0, 1, 2].map(|i| open[i] + (heavy[i] - open[i]) * alpha)),
                None => channels(&self.fills[slot]),
            };
            let ink = fill.map_or(self.ink.as_str(), |fill| ink_over(fill));
            c.set_fill_style_str(ink);
            // A whole number of pixels: formatting a float would link core's float printing.
            c.set_font(&format!(
                "700 {}px system-ui, sans-serif",
                (size * 0.62).round() as u32
            ));
            c.set_text_align("center");
            c.set_text_baseline("middle");
            let _ = c.fill_text(&letter, x + middle, y + middle + 1.0);
        } else if index == grid.start || index == grid.goal {
            // Too small for a letter: a ring in ink.
            c.set_stroke_style_str(&self.ink);
            c.set_line_width(1.5);
            c.stroke_rect(x + 0.75, y + 0.75, size - 1.5, size - 1.5);
        }
    }
}

/// A colour written `#rrggbb` (as the palette writes every colour) as channels from 0 to 1.
fn channels(colour: &str) -> Option<[f64; 3]> {
    let hex = colour.strip_prefix('#').filter(|hex| hex.len() == 6)?;
    let channel = |at: usize| {
        u8::from_str_radix(hex.get(at..at + 2)?, 16)
            .ok()
            .map(|v| f64::from(v) / 255.0)
    };
    Some([channel(0)?, channel(2)?, channel(4)?])
}

/// WCAG's relative luminance.
fn luminance(rgb: [f64; 3]) -> f64 {
    let linear = rgb.map(|c| {
        if c <= 0.039_28 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    });
    0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
}

/// Black or white, whichever contrasts more with `fill`: one of them reaches 4.5:1 over any colour.
fn ink_over(fill: [f64; 3]) -> &'static str {
    let l = luminance(fill);
    // Against black (l + 0.05) / 0.05; against white 1.05 / (l + 0.05).
    if (l + 0.05) * (l + 0.05) >= 0.05 * 1.05 {
        "#000000"
    } else {
        "#ffffff"
    }
}

/// Repaints a canvas from a frame's cells: every cell the first time (or after a theme change), then only
/// the cells that differ from `before`. Returns how many it painted.
pub fn repaint(painter: &Painter, grid: &Grid, before: &[u8], after: &[u8]) -> usize {
    let mut painted = 0;
    for (index, &symbol) in after.iter().enumerate() {
        if before.get(index) == Some(&symbol) {
            continue;
        }
        painter.paint(
            grid,
            index,
            CellState::from_symbol(symbol).unwrap_or(CellState::Open),
        );
        painted += 1;
    }
    painted
}

/// A signal bumped whenever the theme changes.
pub fn theme_changes() -> ReadSignal<u32> {
    let (changes, set_changes) = signal(0u32);
    let handle =
        window_event_listener_untyped(THEME_EVENT, move |_| set_changes.update(|n| *n += 1));
    on_cleanup(move || handle.remove());
    changes
}

#[component]
pub fn GridStage(
    snapshot: Memo<Snapshot>,
    grid: Grid,
    legend: Option<&'static [Key]>,
) -> impl IntoView {
    let cell = cell_size(&grid);
    let (width, height) = (grid.width as u32 * cell, grid.height as u32 * cell);
    let canvas_ref = NodeRef::<leptos::html::Canvas>::new();
    let painted = RwSignal::new(0usize);
    let theme = theme_changes();
    // What the canvas shows now, and the theme it was painted in.
    let shown = StoredValue::new((Vec::<u8>::new(), u32::MAX));
    let painter = StoredValue::new_local(None::<Painter>);
    let stage_grid = grid.clone();
    Effect::new(move |_| {
        let Some(canvas) = canvas_ref.get() else {
            return;
        };
        let theme = theme.get();
        let after: Vec<u8> = snapshot.with(|s| grid_cells(s).as_bytes().to_vec());
        if after.len() != stage_grid.len() {
            return;
        }
        let fresh = shown.with_value(|(_, painted_in)| *painted_in != theme);
        if fresh {
            painter.set_value(Painter::new(&canvas, cell));
        }
        let count = painter.with_value(|p| {
            p.as_ref().map_or(0, |p| {
                shown.with_value(|(before, _)| {
                    repaint(p, &stage_grid, if fresh { &[] } else { before }, &after)
                })
            })
        });
        shown.set_value((after, theme));
        painted.set(count);
    });
    let describe_grid = grid.clone();
    let costly = grid.cells.iter().any(|&cost| cost > 1 && cost != WALL);
    let text = move || snapshot.with(|s| describe(grid_cells(s).as_bytes(), &describe_grid));
    let label = format!("A {} × {} grid", grid.width, grid.height);
    view! {
        <div class="stage grid-stage" data-testid="stage">
            <canvas node_ref=canvas_ref class="grid" data-testid="grid" width=width height=height
                style=format!("max-width: {width}px") aria-hidden="true" data-painted=move || painted.get()
                data-width=grid.width data-height=grid.height></canvas>
            <p class="visually-hidden" data-testid="frame-text">{label}". "{text}</p>
            {legend.map(|keys| grid_legend(keys, costly))}
        </div>
    }
}

/// The frame as text for screen readers: how many cells are in each state, and where the current one is.
pub fn describe(cells: &[u8], grid: &Grid) -> String {
    let mut parts = Vec::new();
    for state in CellState::ALL {
        if matches!(state, CellState::Open | CellState::Wall) {
            continue;
        }
        let at: Vec<usize> = (0..cells.len())
            .filter(|&i| cells[i] == state.symbol())
            .collect();
        match at.as_slice() {
            [] => {}
            [one] => {
                let (x, y) = grid.xy(*one);
                parts.push(format!(
                    "{}: the cell at ({x}, {y}).",
                    crate::capitalised(state.name())
                ));
            }
            many => parts.push(format!(
                "{}: {} cells.",
                crate::capitalised(state.name()),
                many.len()
            )),
        }
    }
    let walls = cells
        .iter()
        .filter(|&&c| c == CellState::Wall.symbol())
        .count();
    let (sx, sy) = grid.xy(grid.start);
    let (gx, gy) = grid.xy(grid.goal);
    parts.push(format!(
        "{}; start at ({sx}, {sy}), goal at ({gx}, {gy}).",
        algorithms::plural(walls, "wall", "walls")
    ));
    parts.join(" ")
}

/// Legend swatches are cells painted by the grid's own painter, so each looks exactly like the cells it
/// names: the card's states, walls, the start and goal, and costly cells when the grid has any.
fn grid_legend(keys: &'static [Key], costly: bool) -> impl IntoView {
    let standing = [
        (Swatch::State(CellState::Wall), "wall"),
        (Swatch::Start, "start"),
        (Swatch::Goal, "goal"),
    ];
    let items = keys
        .iter()
        .filter_map(|key| match key.shown {
            Shown::Cell(state) => Some((Swatch::State(state), key.words)),
            _ => None,
        })
        .chain(standing)
        .chain(costly.then_some((Swatch::Costly, "costly cell (2–9, darker is dearer)")))
        .map(|(swatch, words)| {
            view! { <li><SwatchCanvas swatch=swatch />{words}</li> }
        })
        .collect_view();
    view! { <ul class="legend grid-legend" data-testid="legend">{items}</ul> }
}

#[derive(Clone, Copy)]
enum Swatch {
    State(CellState),
    Start,
    Goal,
    Costly,
}

/// The size of a legend swatch's cell, in canvas pixels.
const SWATCH: u32 = 18;

/// One cell painted as the grid paints it, repainted when the theme changes.
#[component]
fn SwatchCanvas(swatch: Swatch) -> impl IntoView {
    let canvas_ref = NodeRef::<leptos::html::Canvas>::new();
    let theme = theme_changes();
    Effect::new(move |_| {
        theme.track();
        let Some(canvas) = canvas_ref.get() else {
            return;
        };
        // A row of three cells whose first is drawn: the start and goal are moved onto it when named.
        let mut cell = Grid::open(3, 1);
        (cell.start, cell.goal) = (1, 2);
        let state = match swatch {
            Swatch::State(state) => state,
            Swatch::Start => {
                cell.start = 0;
                CellState::Open
            }
            Swatch::Goal => {
                cell.goal = 0;
                CellState::Open
            }
            Swatch::Costly => {
                cell.cells[0] = 5;
                CellState::Open
            }
        };
        if let Some(painter) = Painter::new(&canvas, SWATCH) {
            painter.paint(&cell, 0, state);
        }
    });
    let name = match swatch {
        Swatch::State(state) => state.name().replace(' ', "-"),
        Swatch::Start => "start".to_owned(),
        Swatch::Goal => "goal".to_owned(),
        Swatch::Costly => "heavy".to_owned(),
    };
    view! {
        <canvas node_ref=canvas_ref class="cell-swatch" width=SWATCH height=SWATCH data-state=name
            aria-hidden="true"></canvas>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contrast(a: [f64; 3], b: [f64; 3]) -> f64 {
        let (a, b) = (luminance(a), luminance(b));
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }

    #[test]
    fn a_letter_reads_at_4_5_to_1_over_any_fill() {
        let (black, white) = ([0.0; 3], [1.0; 3]);
        // Every grey and a sweep of colours, including the worst case between black and white.
        for step in 0..=255 {
            let v = f64::from(step) / 255.0;
            for fill in [[v, v, v], [v, 1.0 - v, 0.5], [1.0, v, 0.0], [0.0, v, 1.0]] {
                let ink = if ink_over(fill) == "#000000" {
                    black
                } else {
                    white
                };
                assert!(
                    contrast(ink, fill) >= 4.5,
                    "{fill:?}: {}",
                    contrast(ink, fill)
                );
            }
        }
        assert_eq!(
            channels("#56b4e9"),
            Some([86.0 / 255.0, 180.0 / 255.0, 233.0 / 255.0])
        );
        assert_eq!(channels("rgb(1, 2, 3)"), None);
        assert_eq!(ink_over(channels("#0072b2").unwrap()), "#ffffff");
        assert_eq!(ink_over(channels("#e69f00").unwrap()), "#000000");
    }

    #[test]
    fn describes_cells_by_state_with_walls_start_and_goal() {
        let grid = algorithms::grid::parse_grid("S.#\n..G").unwrap();
        assert_eq!(
            describe(b"vf#c.p", &grid),
            "Frontier: the cell at (1, 0). Visited: the cell at (0, 0). Current: the cell at (0, 1). \
             Path: the cell at (2, 1). 1 wall; start at (0, 0), goal at (2, 1)."
        );
        assert_eq!(
            describe(b"vv#...", &grid),
            "Visited: 2 cells. 1 wall; start at (0, 0), goal at (2, 1)."
        );
    }

    #[test]
    fn a_finished_maze_becomes_a_grid_to_search() {
        let mut open = Grid::open(5, 5);
        (open.start, open.goal) = (6, 18);
        let maze = maze_grid("######.#.##.#.##...######", &open);
        assert_eq!(maze.to_text(), "#####\n#S#.#\n#.#.#\n#..G#\n#####\n");
    }

    #[test]
    fn cells_fit_the_stage_and_stay_visible() {
        assert_eq!(cell_size(&Grid::open(20, 10)), 36);
        assert_eq!(cell_size(&Grid::open(100, 100)), 7);
        assert_eq!(cell_size(&Grid::open(300, 2)), 5);
    }
}

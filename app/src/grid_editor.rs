//! The input editor for grid algorithms: type the rows (`.` open, `#` wall, `2`–`9` a cost, `S`, `G`;
//! errors name the line and column), pick an example, generate one from a seed, or paint: with a mouse,
//! pen or finger, drag walls, costs or open ground over the cells, and tap to move the start or the goal.
//! Painting edits the same text the typed form shows, so every grid has one form, which the address also
//! holds. A maze generator takes only a size and a seed.

use algorithms::CellState;
use algorithms::catalogue::Card;
use algorithms::grid::{GRID_MAX_COST, Grid, GridGenerator, WALL, parse_grid};
use leptos::prelude::*;

use crate::grid_view::{Painter, cell_size, repaint, theme_changes};
use crate::input_editor::{apply_checked, field_error, field_state, seed_controls};
use crate::url_state::{Field, Source};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Type,
    Generate,
    Paint,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Tool {
    Wall,
    Open,
    Cost,
    Start,
    Goal,
}

#[component]
pub fn GridEditor(
    entry: &'static Card,
    source: Source,
    on_apply: Callback<Source>,
) -> impl IntoView {
    let rules = entry.input.grid.expect("a grid algorithm");
    let fallback = match Source::default_for(entry) {
        Source::GridGenerated(g) => g,
        _ => unreachable!("a grid's default is generated"),
    };
    let grid_text = |g: &GridGenerator| {
        entry
            .generate_grid(g)
            .ok()
            .and_then(|i| i.grid)
            .map(|g| g.to_text())
            .unwrap_or_default()
    };
    let (text, generator, mode) = match &source {
        Source::GridText { text, seed } => {
            // The generator's size starts at the typed grid's (a maze's input is its size).
            let (width, height) =
                parse_grid(text).map_or((fallback.width, fallback.height), |g| (g.width, g.height));
            let generator = GridGenerator {
                width,
                height,
                seed: seed.unwrap_or(fallback.seed),
                ..fallback.clone()
            };
            let mode = if rules.maze {
                Mode::Generate
            } else {
                Mode::Type
            };
            (text.clone(), generator, mode)
        }
        Source::GridGenerated(g) => (grid_text(g), g.clone(), Mode::Generate),
        _ => (grid_text(&fallback), fallback.clone(), Mode::Generate),
    };
    let mode = RwSignal::new(mode);
    let text = RwSignal::new(text);
    let width = RwSignal::new(generator.width.to_string());
    let height = RwSignal::new(generator.height.to_string());
    let walls = RwSignal::new(generator.walls.to_string());
    let weights = RwSignal::new(generator.weights);
    let seed = RwSignal::new(generator.seed.to_string());
    let error = RwSignal::new(None::<(Field, String)>);

    let number = |field: &str, text: String| -> Result<u64, (Field, String)> {
        text.trim().parse::<u64>().map_err(|_| {
            (
                Field::Generator,
                format!(
                    "{field} \"{}\" is not a whole number of 0 or more",
                    text.trim()
                ),
            )
        })
    };
    let source_from_fields = move || -> Result<Source, (Field, String)> {
        let seed = number("the seed", seed.get_untracked())?;
        if mode.get_untracked() != Mode::Generate {
            return Ok(Source::GridText {
                text: text.get_untracked(),
                seed: Some(seed),
            });
        }
        let walls = number("the walls per cent", walls.get_untracked())?;
        Ok(Source::GridGenerated(GridGenerator {
            width: number("the width", width.get_untracked())? as usize,
            height: number("the height", height.get_untracked())? as usize,
            walls: u8::try_from(walls).unwrap_or(u8::MAX),
            weights: weights.get_untracked(),
            seed,
        }))
    };
    let apply = move || apply_checked(entry, source_from_fields(), error, on_apply);
    let error_for = move |field: Field| field_error(error, field);
    let (text_invalid, text_described) = field_state(error, Field::Values);
    let (_, generator_described) = field_state(error, Field::Generator);
    // Painting starts from the generated grid when that is what the learner last saw.
    let switch = move |next: Mode| {
        if next != Mode::Generate
            && mode.get_untracked() == Mode::Generate
            && let Ok(Source::GridGenerated(g)) = source_from_fields()
        {
            text.set(grid_text(&g));
        }
        error.set(None);
        mode.set(next);
    };
    let radio = move |value: Mode, id: &'static str, label: &'static str| {
        view! {
            <label>
                <input type="radio" name="grid-mode" data-testid=id
                    prop:checked=move || mode.get() == value on:change=move |_| switch(value) />
                {label}
            </label>
        }
    };
    let limits = if rules.maze {
        format!(
            "Odd width and height from 5 to {} (rooms between walls); the seed picks the maze.",
            entry.input.max_step_n - 1
        )
    } else {
        format!(
            "Up to {0} × {0} cells{1}.",
            entry.input.max_step_n,
            if rules.weights {
                "; cells cost 1 to 9"
            } else {
                ", every move costs 1 (no costly cells)"
            }
        )
    };
    let modes = (!rules.maze).then(|| {
        view! {
            <fieldset class="mode" role="radiogroup" aria-label="Input">
                {radio(Mode::Type, "mode-typed", " Type a grid")}
                {radio(Mode::Generate, "mode-generate", " Generate")}
                {radio(Mode::Paint, "mode-paint", " Paint")}
            </fieldset>
        }
    });
    let grid_options = (!rules.maze).then(|| {
        view! {
            <label>"Walls % " <input type="number" data-testid="walls" min="0" max="60"
                prop:value=move || walls.get() on:input=move |e| walls.set(event_target_value(&e)) /></label>
            <label><input type="checkbox" data-testid="weights" disabled=!rules.weights
                prop:checked=move || weights.get() on:change=move |e| weights.set(event_target_checked(&e)) />" Costly cells"</label>
        }
    });

    view! {
        <form class="input-editor grid-editor" data-testid="input-editor" novalidate
            on:submit=move |e| { e.prevent_default(); apply(); }>
            {modes}
            <div class="typed" hidden=move || mode.get() != Mode::Type>
                <label>
                    "Example "
                    <select data-testid="grid-preset" on:change=move |e| {
                        let id = event_target_value(&e);
                        if let Some(preset) = entry.grid_presets().find(|p| p.id == id) {
                            text.set(preset.text.to_owned());
                            apply();
                        }
                    }>
                        <option value="">"Choose an example…"</option>
                        {entry.grid_presets().map(|p| view! { <option value=p.id>{p.name}</option> }).collect_view()}
                    </select>
                </label>
                <label class="grid-text">
                    "Rows of cells: . open, # wall, 2–9 cost, S start, G goal "
                    <textarea data-testid="grid-text" aria-invalid=text_invalid aria-describedby=text_described rows="10" spellcheck="false" placeholder="S..#\n..#G"
                        prop:value=move || text.get() on:input=move |e| text.set(event_target_value(&e))></textarea>
                </label>
            </div>
            <div class="generate" role="group" aria-label="Generator" hidden=move || mode.get() != Mode::Generate
                aria-describedby=generator_described>
                <label>"Width " <input type="number" data-testid="width" min="1" max=entry.input.max_step_n
                    prop:value=move || width.get() on:input=move |e| width.set(event_target_value(&e)) /></label>
                <label>"Height " <input type="number" data-testid="height" min="1" max=entry.input.max_step_n
                    prop:value=move || height.get() on:input=move |e| height.set(event_target_value(&e)) /></label>
                {grid_options}
                {seed_controls(seed, apply)}
                {error_for(Field::Generator)}
            </div>
            <Show when=move || mode.get() == Mode::Paint>
                <Painting text=text weights=rules.weights />
            </Show>
            {error_for(Field::Values)}
            <p class="limits">{limits}</p>
            <button type="submit" data-testid="apply">"Run"</button>
        </form>
    }
}

/// The painting surface over the editor's text: each stroke rewrites the text from the painted grid.
#[component]
fn Painting(text: RwSignal<String>, weights: bool) -> impl IntoView {
    let grid = parse_grid(&text.get_untracked()).unwrap_or_else(|_| Grid::open(30, 20));
    let cell = cell_size(&grid);
    let (w, h) = (grid.width as u32 * cell, grid.height as u32 * cell);
    let grid = StoredValue::new(grid);
    text.set(grid.with_value(Grid::to_text));
    let tool = RwSignal::new(Tool::Wall);
    let cost = RwSignal::new("5".to_owned());
    let canvas_ref = NodeRef::<leptos::html::Canvas>::new();
    let painter = StoredValue::new_local(None::<Painter>);
    let painting = StoredValue::new(false);
    let theme = theme_changes();
    let symbols = |g: &Grid| -> Vec<u8> {
        g.cells
            .iter()
            .map(|&c| {
                if c == WALL {
                    CellState::Wall.symbol()
                } else {
                    CellState::Open.symbol()
                }
            })
            .collect()
    };
    Effect::new(move |_| {
        theme.track();
        let Some(canvas) = canvas_ref.get() else {
            return;
        };
        let fresh = Painter::new(&canvas, cell);
        if let Some(p) = &fresh {
            grid.with_value(|g| repaint(p, g, &[], &symbols(g)));
        }
        painter.set_value(fresh);
    });
    let paint_at = move |event: &web_sys::PointerEvent| {
        let Some(canvas) = canvas_ref.get_untracked() else {
            return;
        };
        let rect = canvas.get_bounding_client_rect();
        let (gw, gh) = grid.with_value(|g| (g.width, g.height));
        let x = ((f64::from(event.client_x()) - rect.left()) / rect.width().max(1.0) * gw as f64)
            .floor();
        let y = ((f64::from(event.client_y()) - rect.top()) / rect.height().max(1.0) * gh as f64)
            .floor();
        if x < 0.0 || y < 0.0 || x >= gw as f64 || y >= gh as f64 {
            return;
        }
        let at = y as usize * gw + x as usize;
        let chosen = tool.get_untracked();
        let cost = cost
            .get_untracked()
            .trim()
            .parse::<u8>()
            .unwrap_or(5)
            .clamp(2, GRID_MAX_COST);
        let changed: Vec<usize> = grid
            .try_update_value(|g| {
                let ends = [g.start, g.goal];
                match chosen {
                    // The start and goal stay open: painting over them does nothing.
                    _ if matches!(chosen, Tool::Wall | Tool::Open | Tool::Cost)
                        && ends.contains(&at) =>
                    {
                        vec![]
                    }
                    Tool::Wall => {
                        g.cells[at] = WALL;
                        vec![at]
                    }
                    Tool::Open => {
                        g.cells[at] = 1;
                        vec![at]
                    }
                    Tool::Cost => {
                        g.cells[at] = cost;
                        vec![at]
                    }
                    Tool::Start | Tool::Goal => {
                        let other = if chosen == Tool::Start {
                            g.goal
                        } else {
                            g.start
                        };
                        if at == other {
                            return vec![];
                        }
                        g.cells[at] = 1;
                        let old = if chosen == Tool::Start {
                            std::mem::replace(&mut g.start, at)
                        } else {
                            std::mem::replace(&mut g.goal, at)
                        };
                        vec![old, at]
                    }
                }
            })
            .unwrap_or_default();
        if changed.is_empty() {
            return;
        }
        painter.with_value(|p| {
            if let Some(p) = p {
                grid.with_value(|g| {
                    for &index in &changed {
                        let state = if g.cells[index] == WALL {
                            CellState::Wall
                        } else {
                            CellState::Open
                        };
                        p.paint(g, index, state);
                    }
                });
            }
        });
        text.set(grid.with_value(Grid::to_text));
    };
    let down = move |event: web_sys::PointerEvent| {
        // No text selection, scrolling or native drag while painting.
        event.prevent_default();
        painting.set_value(matches!(
            tool.get_untracked(),
            Tool::Wall | Tool::Open | Tool::Cost
        ));
        if let Some(canvas) = canvas_ref.get_untracked() {
            let _ = canvas.set_pointer_capture(event.pointer_id());
        }
        paint_at(&event);
    };
    let moved = move |event: web_sys::PointerEvent| {
        if painting.get_value() {
            paint_at(&event);
        }
    };
    let stop = move |_| painting.set_value(false);
    let tool_radio = move |value: Tool, id: &'static str, label: &'static str| {
        view! {
            <label>
                <input type="radio" name="paint-tool" data-testid=id
                    prop:checked=move || tool.get() == value on:change=move |_| tool.set(value) />
                {label}
            </label>
        }
    };
    let cost_tool = weights.then(|| {
        view! {
            {tool_radio(Tool::Cost, "paint-cost", " Cost ")}
            <input type="number" data-testid="paint-cost-value" min="2" max="9" size="2" aria-label="Cost to paint"
                prop:value=move || cost.get() on:input=move |e| cost.set(event_target_value(&e)) />
        }
    });
    view! {
        <div class="painting" data-testid="painting">
            <p class="hint">"Drag over cells to paint them; with Start or Goal, tap a cell to move it there."</p>
            <fieldset class="paint-tools" role="radiogroup" aria-label="Paint">
                {tool_radio(Tool::Wall, "paint-wall", " Wall")}
                {tool_radio(Tool::Open, "paint-open", " Open")}
                {cost_tool}
                {tool_radio(Tool::Start, "paint-start", " Start")}
                {tool_radio(Tool::Goal, "paint-goal", " Goal")}
            </fieldset>
            <canvas node_ref=canvas_ref class="grid paint-surface" data-testid="paint-surface" width=w height=h
                style=format!("max-width: {w}px") aria-label="The grid to paint" role="img"
                on:pointerdown=down on:pointermove=moved on:pointerup=stop on:pointercancel=stop></canvas>
        </div>
    }
}

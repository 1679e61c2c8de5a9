//! The input editor for graph algorithms: type a graph (an edge list or an adjacency matrix; errors name
//! the line and column), generate one from a seed, or draw one: click or tap empty space for a node, drag
//! from a node to another for an edge, select a node or an edge to change or delete it. Drawing edits the
//! same text the typed form shows, so every graph has one form, which the address also holds.

use algorithms::GraphGenerator;
use algorithms::catalogue::Card;
use algorithms::graph::{Edge, Graph, LAYOUT_SIDE, default_label, parse_graph};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::input_editor::{apply_checked, field_error, field_state, seed_controls};
use crate::url_state::{Field, Source};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Type,
    Generate,
    Draw,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Selected {
    Node(usize),
    Edge(usize),
}

const PLACEHOLDER: &str = "A B 4\nB C 1\nA C 7\nstart A";

#[component]
pub fn GraphEditor(
    entry: &'static Card,
    source: Source,
    on_apply: Callback<Source>,
) -> impl IntoView {
    let rules = entry.input.graph.expect("a graph algorithm");
    let fallback = match Source::default_for(entry) {
        Source::GraphGenerated(g) => g,
        _ => unreachable!("a graph's default is generated"),
    };
    let (text, generator, mode) = match &source {
        Source::GraphText { text, .. } => (text.clone(), fallback.clone(), Mode::Type),
        Source::GraphGenerated(g) => {
            let text = entry
                .generate_graph(g)
                .ok()
                .and_then(|i| i.graph)
                .map(|g| g.to_text())
                .unwrap_or_default();
            (text, g.clone(), Mode::Generate)
        }
        _ => (String::new(), fallback.clone(), Mode::Generate),
    };
    let mode = RwSignal::new(mode);
    let text = RwSignal::new(text);
    let nodes = RwSignal::new(generator.nodes.to_string());
    let density = RwSignal::new(generator.density.to_string());
    let min_weight = RwSignal::new(generator.min_weight.to_string());
    let max_weight = RwSignal::new(generator.max_weight.to_string());
    let directed = RwSignal::new(generator.directed);
    let acyclic = RwSignal::new(generator.acyclic);
    let seed = RwSignal::new(generator.seed.to_string());
    let error = RwSignal::new(None::<(Field, String)>);

    let number = |field: &str, text: String| -> Result<i64, (Field, String)> {
        text.trim().parse::<i64>().map_err(|_| {
            (
                Field::Generator,
                format!("{field} \"{}\" is not a whole number", text.trim()),
            )
        })
    };
    let source_from_fields = move || -> Result<Source, (Field, String)> {
        if mode.get_untracked() != Mode::Generate {
            return Ok(Source::GraphText {
                text: text.get_untracked(),
                seed: None,
            });
        }
        let nodes =
            usize::try_from(number("the node count", nodes.get_untracked())?).map_err(|_| {
                (
                    Field::Generator,
                    "the node count cannot be negative".to_owned(),
                )
            })?;
        let density = u8::try_from(number("the density", density.get_untracked())?)
            .ok()
            .filter(|d| *d <= 100)
            .ok_or((
                Field::Generator,
                "the density is a per cent from 0 to 100".to_owned(),
            ))?;
        Ok(Source::GraphGenerated(GraphGenerator {
            nodes,
            density,
            min_weight: number("the smallest weight", min_weight.get_untracked())?,
            max_weight: number("the largest weight", max_weight.get_untracked())?,
            directed: directed.get_untracked(),
            acyclic: acyclic.get_untracked(),
            seed: u64::try_from(number("the seed", seed.get_untracked())?)
                .map_err(|_| (Field::Generator, "the seed cannot be negative".to_owned()))?,
        }))
    };
    let apply = move || apply_checked(entry, source_from_fields(), error, on_apply);
    let error_for = move |field: Field| field_error(error, field);
    let (text_invalid, text_described) = field_state(error, Field::Values);
    let (_, generator_described) = field_state(error, Field::Generator);
    // Switching to drawing starts from the typed graph, or from the generated one.
    let switch = move |next: Mode| {
        if next == Mode::Draw
            && mode.get_untracked() == Mode::Generate
            && let Ok(Source::GraphGenerated(g)) = source_from_fields()
            && let Ok(input) = entry.generate_graph(&g)
        {
            text.set(input.graph.map(|g| g.to_text()).unwrap_or_default());
        }
        mode.set(next);
    };
    let radio = move |value: Mode, id: &'static str, label: &'static str| {
        view! {
            <label>
                <input type="radio" name="graph-mode" data-testid=id
                    prop:checked=move || mode.get() == value on:change=move |_| switch(value) />
                {label}
            </label>
        }
    };
    let fixed_direction = rules.directed.is_some();
    let limits = format!(
        "Up to {} nodes and {} edges; weights within ±{}{}.",
        entry.input.max_step_n,
        rules.max_step_edges,
        algorithms::graph::WEIGHT_LIMIT,
        if rules.negative_weights {
            ""
        } else {
            ", not negative"
        }
    );

    view! {
        <form class="input-editor graph-editor" data-testid="input-editor" novalidate
            on:submit=move |e| { e.prevent_default(); apply(); }>
            <fieldset class="mode" role="radiogroup" aria-label="Input">
                {radio(Mode::Type, "mode-typed", " Type a graph")}
                {radio(Mode::Generate, "mode-generate", " Generate")}
                {radio(Mode::Draw, "mode-draw", " Draw")}
            </fieldset>
            <div class="typed" hidden=move || mode.get() != Mode::Type>
                <label>
                    "Example "
                    <select data-testid="graph-preset" on:change=move |e| {
                        let id = event_target_value(&e);
                        if let Some(preset) = entry.graph_presets().find(|p| p.id == id) {
                            text.set(preset.text.to_owned());
                            apply();
                        }
                    }>
                        <option value="">"Choose an example…"</option>
                        {entry.graph_presets().map(|p| view! { <option value=p.id>{p.name}</option> }).collect_view()}
                    </select>
                </label>
                <label class="graph-text">
                    "Edges, one per line (from to weight), or a first line \"matrix\" and its rows "
                    <textarea data-testid="graph-text" aria-invalid=text_invalid aria-describedby=text_described rows="8" spellcheck="false" placeholder=PLACEHOLDER
                        prop:value=move || text.get() on:input=move |e| text.set(event_target_value(&e))></textarea>
                </label>
            </div>
            <div class="generate" role="group" aria-label="Generator" hidden=move || mode.get() != Mode::Generate
                aria-describedby=generator_described>
                <label>"Nodes " <input type="number" data-testid="nodes" min="0" max=entry.input.max_step_n
                    prop:value=move || nodes.get() on:input=move |e| nodes.set(event_target_value(&e)) /></label>
                <label>"Density % " <input type="number" data-testid="density" min="0" max="100"
                    prop:value=move || density.get() on:input=move |e| density.set(event_target_value(&e)) /></label>
                <label>"Weights from " <input type="number" data-testid="min-weight"
                    prop:value=move || min_weight.get() on:input=move |e| min_weight.set(event_target_value(&e)) /></label>
                <label>" to " <input type="number" data-testid="max-weight"
                    prop:value=move || max_weight.get() on:input=move |e| max_weight.set(event_target_value(&e)) /></label>
                <label><input type="checkbox" data-testid="directed" disabled=fixed_direction
                    prop:checked=move || directed.get() on:change=move |e| directed.set(event_target_checked(&e)) />" Directed"</label>
                <label><input type="checkbox" data-testid="acyclic"
                    prop:checked=move || acyclic.get() on:change=move |e| acyclic.set(event_target_checked(&e)) />" No cycles"</label>
                {seed_controls(seed, apply)}
                {error_for(Field::Generator)}
            </div>
            <Show when=move || mode.get() == Mode::Draw>
                <Drawing text=text directed_fixed=rules.directed />
            </Show>
            {error_for(Field::Values)}
            <p class="limits">{limits}</p>
            <button type="submit" data-testid="apply">"Run"</button>
        </form>
    }
}

/// The drawing surface over the editor's text: each change rewrites the text from the drawn graph.
#[component]
fn Drawing(text: RwSignal<String>, directed_fixed: Option<bool>) -> impl IntoView {
    let start =
        parse_graph(&text.get_untracked()).unwrap_or_else(|_| parse_graph("").expect("empty"));
    let graph = RwSignal::new(start);
    if let Some(directed) = directed_fixed {
        graph.update(|g| g.directed = directed);
    }
    let selected = RwSignal::new(None::<Selected>);
    let dragging = RwSignal::new(None::<usize>);
    let weight = RwSignal::new("1".to_owned());
    let change = move |edit: &dyn Fn(&mut Graph)| {
        graph.update(|g| edit(g));
        text.set(graph.with_untracked(Graph::to_text));
    };
    let svg_ref = NodeRef::<leptos::svg::Svg>::new();
    let side = LAYOUT_SIDE + 80;
    // The pointer's place in the drawing's coordinates (0…1000), clamped to it.
    let point = move |event: &web_sys::MouseEvent| -> Option<(i32, i32)> {
        let svg: web_sys::Element = svg_ref.get_untracked()?.unchecked_into();
        let rect = svg.get_bounding_client_rect();
        let scale = f64::from(side) / rect.width().max(1.0);
        let x = (f64::from(event.client_x()) - rect.left()) * scale - 40.0;
        let y = (f64::from(event.client_y()) - rect.top()) * scale - 40.0;
        Some((
            x.round().clamp(0.0, 1000.0) as i32,
            y.round().clamp(0.0, 1000.0) as i32,
        ))
    };
    let add_node = move |event: web_sys::PointerEvent| {
        if event.target() != event.current_target() {
            return; // on a node or an edge
        }
        let Some((x, y)) = point(&event) else { return };
        change(&|g: &mut Graph| {
            let label = (0..)
                .map(default_label)
                .find(|l| !g.labels.contains(l))
                .expect("a free label");
            g.labels.push(label);
            g.positions.push((x, y));
        });
        selected.set(Some(Selected::Node(graph.with_untracked(Graph::len) - 1)));
    };
    let weight_value = move || weight.get_untracked().trim().parse::<i64>().ok();
    let finish_drag = move |to: usize| {
        let Some(from) = dragging.get_untracked() else {
            return;
        };
        dragging.set(None);
        if from == to {
            selected.set(Some(Selected::Node(to)));
            return;
        }
        let w = weight_value().unwrap_or(1);
        change(&|g: &mut Graph| {
            g.edges.push(Edge {
                from,
                to,
                weight: w,
            })
        });
        selected.set(Some(Selected::Edge(
            graph.with_untracked(|g| g.edges.len()) - 1,
        )));
    };
    // The node under the place the pointer was let go. A touch pointer stays captured by the node its drag
    // began on, so its pointerup arrives there, never at the destination: the place decides, not the target.
    let node_at = move |event: &web_sys::PointerEvent| -> Option<usize> {
        document()
            .element_from_point(event.client_x() as f32, event.client_y() as f32)?
            .closest(".draw-node")
            .ok()??
            .get_attribute("data-index")?
            .parse()
            .ok()
    };
    let let_go = move |event: web_sys::PointerEvent| match node_at(&event) {
        Some(node) => finish_drag(node),
        None => dragging.set(None),
    };
    let clear = move |_| {
        change(&|g: &mut Graph| {
            *g = Graph {
                directed: g.directed,
                ..parse_graph("").expect("empty")
            }
        });
        selected.set(None);
    };
    let delete = move |_| {
        match selected.get_untracked() {
            Some(Selected::Node(node)) => change(&|g: &mut Graph| remove_node(g, node)),
            Some(Selected::Edge(edge)) => change(&|g: &mut Graph| {
                g.edges.remove(edge);
            }),
            None => {}
        }
        selected.set(None);
    };
    let set_end = move |goal: bool| {
        if let Some(Selected::Node(node)) = selected.get_untracked() {
            change(&|g: &mut Graph| {
                if goal {
                    g.goal = Some(node);
                } else {
                    g.start = Some(node);
                }
            });
        }
    };
    let set_weight = move |_| {
        if let (Some(Selected::Edge(edge)), Some(w)) = (selected.get_untracked(), weight_value()) {
            change(&|g: &mut Graph| g.edges[edge].weight = w);
        }
    };
    let edges = move || {
        graph.with(|g| {
            g.edges
                .iter()
                .enumerate()
                .map(|(index, e)| {
                    let ((x1, y1), (x2, y2)) = (g.positions[e.from], g.positions[e.to]);
                    let picked = move || selected.get() == Some(Selected::Edge(index));
                    view! {
                        <g class="draw-edge" data-testid="draw-edge" class:picked=picked
                            on:pointerdown=move |ev| { ev.stop_propagation(); selected.set(Some(Selected::Edge(index))); }>
                            <line x1=x1 y1=y1 x2=x2 y2=y2 />
                            <text x=(x1 + x2) / 2 y=(y1 + y2) / 2 - 8 text-anchor="middle">{e.weight}</text>
                        </g>
                    }
                })
                .collect_view()
        })
    };
    let nodes = move || {
        graph.with(|g| {
            (0..g.len())
                .map(|node| {
                    let (x, y) = g.positions[node];
                    let role = if g.start == Some(node) { "start" } else if g.goal == Some(node) { "goal" } else { "" };
                    let picked = move || selected.get() == Some(Selected::Node(node));
                    view! {
                        <g class="draw-node" data-testid="draw-node" data-index=node data-label=g.labels[node].clone() data-role=role class:picked=picked
                            on:pointerdown=move |ev| {
                                // No text selection or native drag: they would cancel the pointer.
                                ev.prevent_default();
                                ev.stop_propagation();
                                dragging.set(Some(node));
                            }>
                            <circle cx=x cy=y r="30" />
                            <text x=x y=y + 7 text-anchor="middle">{g.labels[node].clone()}</text>
                        </g>
                    }
                })
                .collect_view()
        })
    };
    let picked_text = move || {
        graph.with(|g| match selected.get() {
            Some(Selected::Node(node)) => g.labels.get(node).map(|l| format!("Node {l}")),
            Some(Selected::Edge(edge)) => g
                .edges
                .get(edge)
                .map(|e| format!("Edge {} – {}", g.labels[e.from], g.labels[e.to])),
            None => None,
        })
    };
    let toggle_directed = move |ev| {
        let on = event_target_checked(&ev);
        change(&|g: &mut Graph| g.directed = on);
    };
    view! {
        <div class="drawing" data-testid="drawing">
            <p class="hint">"Click or tap empty space to add a node; drag from one node to another to join them."</p>
            <svg node_ref=svg_ref class="draw-surface" data-testid="draw-surface" viewBox=format!("-40 -40 {side} {side}")
                on:pointerdown=add_node on:pointerup=let_go>
                {edges}
                {nodes}
            </svg>
            <div class="draw-tools">
                <label>"Weight " <input type="number" data-testid="draw-weight" size="6"
                    prop:value=move || weight.get() on:input=move |e| weight.set(event_target_value(&e)) /></label>
                <label><input type="checkbox" data-testid="draw-directed" disabled=directed_fixed.is_some()
                    prop:checked=move || graph.with(|g| g.directed) on:change=toggle_directed />" Directed"</label>
                <span data-testid="draw-selected" role="status">{picked_text}</span>
                <button type="button" data-testid="draw-start" disabled=move || !matches!(selected.get(), Some(Selected::Node(_)))
                    on:click=move |_| set_end(false)>"Start here"</button>
                <button type="button" data-testid="draw-goal" disabled=move || !matches!(selected.get(), Some(Selected::Node(_)))
                    on:click=move |_| set_end(true)>"Goal here"</button>
                <button type="button" data-testid="draw-set-weight" disabled=move || !matches!(selected.get(), Some(Selected::Edge(_)))
                    on:click=set_weight>"Set weight"</button>
                <button type="button" data-testid="draw-delete" disabled=move || selected.get().is_none()
                    on:click=delete>"Delete"</button>
                <button type="button" data-testid="draw-clear" disabled=move || graph.with(Graph::is_empty)
                    on:click=clear>"Clear"</button>
            </div>
        </div>
    }
}

/// Removes a node with its edges, renumbering the rest.
fn remove_node(graph: &mut Graph, node: usize) {
    graph.labels.remove(node);
    graph.positions.remove(node);
    graph.edges.retain(|e| e.from != node && e.to != node);
    for edge in &mut graph.edges {
        edge.from -= usize::from(edge.from > node);
        edge.to -= usize::from(edge.to > node);
    }
    let shift = |end: Option<usize>| match end {
        Some(n) if n == node => None,
        Some(n) => Some(n - usize::from(n > node)),
        None => None,
    };
    graph.start = shift(graph.start);
    graph.goal = shift(graph.goal);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removing_a_node_renumbers_edges_and_ends() {
        let mut graph = parse_graph("A B 1\nB C 2\nC D 3\nstart D\ngoal B").unwrap();
        remove_node(&mut graph, 1);
        assert_eq!(graph.labels, ["A", "C", "D"]);
        assert_eq!(
            graph.edges,
            [Edge {
                from: 1,
                to: 2,
                weight: 3
            }]
        );
        assert_eq!((graph.start, graph.goal), (Some(2), None));
    }
}

//! The input editor: typed values, or a seeded generator with the catalogue's presets. An input the
//! algorithm refuses shows the reason next to the field at fault; the current run stays on screen.

use algorithms::catalogue::Card;
#[cfg(any(feature = "arrays", feature = "graphs", feature = "grids"))]
use algorithms::catalogue::InputKind;
#[cfg(feature = "arrays")]
use algorithms::{Generator, Preset, plural};
use leptos::prelude::*;

use crate::kind::Kind;
use crate::url_state::{Field, Source};

/// The editor's message for `field`, shown beside it while `error` names that field.
pub(crate) fn field_error(
    error: RwSignal<Option<(Field, String)>>,
    field: Field,
) -> impl Fn() -> Option<AnyView> + Copy {
    move || {
        error.with(|e| match e {
            Some((f, message)) if *f == field => Some(
                view! { <p class="field-error" role="alert" data-testid="input-error" id=field.error_id()>{message.clone()}</p> }
                    .into_any(),
            ),
            _ => None,
        })
    }
}

/// `aria-invalid` and `aria-describedby` of the control for `field`: set while `error` names that
/// field, so a screen reader announces the control as invalid and reads the reason with it.
pub(crate) fn field_state(
    error: RwSignal<Option<(Field, String)>>,
    field: Field,
) -> (
    impl Fn() -> Option<&'static str> + Copy,
    impl Fn() -> Option<&'static str> + Copy,
) {
    let at_fault = move || error.with(|e| e.as_ref().is_some_and(|(f, _)| *f == field));
    (
        move || at_fault().then_some("true"),
        move || at_fault().then_some(field.error_id()),
    )
}

/// Runs the editor's source if `entry` accepts it (clearing the message), else shows why by its field.
#[cfg(any(feature = "arrays", feature = "graphs", feature = "grids"))]
pub(crate) fn apply_checked(
    entry: &'static Card,
    source: Result<Source, (Field, String)>,
    error: RwSignal<Option<(Field, String)>>,
    on_apply: Callback<Source>,
) {
    apply_checked_kind::<crate::kind::ListGraphGrid>(entry, source, error, on_apply);
}

/// [`apply_checked`] for a source of the kind `K`.
pub(crate) fn apply_checked_kind<K: Kind>(
    entry: &'static Card,
    source: Result<K::Source, (Field, String)>,
    error: RwSignal<Option<(Field, String)>>,
    on_apply: Callback<K::Source>,
) {
    match source.and_then(|source| K::input(entry, &source).map(|_| source)) {
        Ok(source) => {
            error.set(None);
            on_apply.run(source);
        }
        Err(problem) => error.set(Some(problem)),
    }
}

fn new_seed() -> u64 {
    (js_sys::Math::random() * 1e9) as u64
}

/// A generator's seed field, with a button that picks a new seed and runs it.
pub(crate) fn seed_controls(
    seed: RwSignal<String>,
    apply: impl Fn() + Copy + 'static,
) -> impl IntoView {
    view! {
        <label>"Seed " <input type="number" data-testid="seed" min="0"
            prop:value=move || seed.get() on:input=move |e| seed.set(event_target_value(&e)) /></label>
        <button type="button" data-testid="new-seed" on:click=move |_| {
            seed.set(new_seed().to_string());
            apply();
        }>"New seed"</button>
    }
}

/// The editor for `entry`'s kind of input, among those of the features the page module is built with:
/// typed or generated values (`arrays`), shown at once; for a graph or a grid (`graphs`, `grids`), the
/// input in a line and a button that fetches its editor module (`editor_module`). The editor starts from
/// `source` as it is when the editor opens.
// A page module of the tree kind alone has none of these editors (the loader never sends it such an entry).
#[cfg_attr(
    not(any(feature = "arrays", feature = "graphs", feature = "grids")),
    allow(unused_variables)
)]
pub fn editor(entry: &'static Card, source: Signal<Source>, on_apply: Callback<Source>) -> AnyView {
    match entry.input.kind {
        #[cfg(any(feature = "graphs", feature = "grids"))]
        InputKind::Graph | InputKind::Grid => {
            view! { <crate::editor_module::EditorSlot entry=entry source=source on_apply=on_apply /> }
                .into_any()
        }
        #[cfg(feature = "arrays")]
        InputKind::Array | InputKind::ArrayWithTarget | InputKind::SortedArrayWithTarget => {
            view! { <ListEditorSlot entry=entry source=source on_apply=on_apply /> }.into_any()
        }
        // The page loader never sends a module another kind's algorithm (see `stage`).
        #[allow(unreachable_patterns)]
        _ => ().into_any(),
    }
}

/// The editor of a graph or a grid, as its editor module mounts it.
#[cfg(any(feature = "graphs", feature = "grids"))]
pub(crate) fn family_editor(
    entry: &'static Card,
    source: Source,
    on_apply: Callback<Source>,
) -> AnyView {
    match entry.input.kind {
        #[cfg(feature = "graphs")]
        InputKind::Graph => {
            view! { <crate::graph_editor::GraphEditor entry=entry source=source on_apply=on_apply /> }.into_any()
        }
        #[cfg(feature = "grids")]
        InputKind::Grid => {
            view! { <crate::grid_editor::GridEditor entry=entry source=source on_apply=on_apply /> }.into_any()
        }
        _ => view! { <p class="error" role="alert">"This module has no editor for this input."</p> }.into_any(),
    }
}

/// A list's input in a line, and a disclosure that opens its editor; running an input closes it, so the
/// run is what the learner sees next. Focus goes back to the button that opened it.
#[cfg(feature = "arrays")]
#[component]
fn ListEditorSlot(
    entry: &'static Card,
    source: Signal<Source>,
    on_apply: Callback<Source>,
) -> impl IntoView {
    let open = RwSignal::new(false);
    let button = NodeRef::<leptos::html::Button>::new();
    let run = Callback::new(move |applied: Source| {
        open.set(false);
        on_apply.run(applied);
        if let Some(button) = button.get_untracked() {
            let _ = button.focus();
        }
    });
    view! {
        <div class="editor-slot" data-testid="editor-slot">
            <div class="input-summary">
                <p data-testid="input-summary">{move || list_summary(entry, &source.get())}</p>
                <button type="button" data-testid="edit-input" node_ref=button
                    aria-expanded=move || open.get().to_string() aria-controls="list-editor"
                    on:click=move |_| open.update(|open| *open = !*open)>"Edit input"</button>
            </div>
            <div id="list-editor">
                <Show when=move || open.get()>
                    <InputEditor entry=entry source=source.get_untracked() on_apply=run />
                </Show>
            </div>
        </div>
    }
}

/// The list on screen in a line: its values (the first dozen) or how they were generated, and the target.
#[cfg(feature = "arrays")]
fn list_summary(entry: &Card, source: &Source) -> String {
    match source {
        Source::Generated(g) => format!(
            "{}: {}, from {} to {}, seed {}.",
            plural(g.n, "value", "values"),
            // The preset's id is its name in lower case ("nearly_sorted"): no Unicode tables linked.
            g.preset.id().replace('_', " "),
            g.min,
            g.max,
            g.seed
        ),
        _ => match source.input(entry) {
            Ok(input) => {
                const SHOWN: usize = 12;
                let mut shown: Vec<String> = input
                    .values
                    .iter()
                    .take(SHOWN)
                    .map(i64::to_string)
                    .collect();
                if input.values.len() > SHOWN {
                    shown.push("…".to_owned());
                }
                let target = input
                    .target
                    .map(|t| format!(", target {t}"))
                    .unwrap_or_default();
                format!(
                    "{}: {}{target}.",
                    plural(input.values.len(), "value", "values"),
                    shown.join(", ")
                )
            }
            Err((_, message)) => format!("This input is refused: {message}."),
        },
    }
}

#[cfg(feature = "arrays")]
#[component]
pub fn InputEditor(
    entry: &'static Card,
    source: Source,
    on_apply: Callback<Source>,
) -> impl IntoView {
    let needs_target = entry.input.kind != InputKind::Array;
    let (typed_values, typed_target, generator) = match &source {
        Source::Typed { values, target, .. } => (values.clone(), target.clone(), None),
        Source::Generated(g) => (String::new(), String::new(), Some(g.clone())),
        // A graph's source (only when the algorithm changes to a list one): start afresh.
        #[allow(unreachable_patterns)]
        _ => (String::new(), String::new(), None),
    };
    let generating = RwSignal::new(generator.is_some());
    let generator = generator.unwrap_or_else(|| match Source::default_for(entry) {
        Source::Generated(g) => g,
        _ => unreachable!("a list's default is generated"),
    });
    let values = RwSignal::new(typed_values);
    let target = RwSignal::new(typed_target);
    let preset = RwSignal::new(generator.preset);
    let n = RwSignal::new(generator.n.to_string());
    let min = RwSignal::new(generator.min.to_string());
    let max = RwSignal::new(generator.max.to_string());
    let seed = RwSignal::new(generator.seed.to_string());
    let error = RwSignal::new(None::<(Field, String)>);
    let error_for = move |field: Field| field_error(error, field);
    let (values_invalid, values_described) = field_state(error, Field::Values);
    let (target_invalid, target_described) = field_state(error, Field::Target);
    let (_, generator_described) = field_state(error, Field::Generator);

    let number = |field: &str, text: String| -> Result<i64, (Field, String)> {
        text.trim().parse::<i64>().map_err(|_| {
            (
                Field::Generator,
                format!("{field} \"{}\" is not a whole number", text.trim()),
            )
        })
    };
    let source_from_fields = move || -> Result<Source, (Field, String)> {
        if generating.get_untracked() {
            let n = number("the size", n.get_untracked())?;
            Ok(Source::Generated(Generator {
                preset: preset.get_untracked(),
                n: usize::try_from(n)
                    .map_err(|_| (Field::Generator, "the size cannot be negative".to_owned()))?,
                min: number("the minimum", min.get_untracked())?,
                max: number("the maximum", max.get_untracked())?,
                seed: u64::try_from(number("the seed", seed.get_untracked())?)
                    .map_err(|_| (Field::Generator, "the seed cannot be negative".to_owned()))?,
            }))
        } else {
            Ok(Source::Typed {
                values: values.get_untracked(),
                target: target.get_untracked(),
                seed: None,
            })
        }
    };
    let apply = move || apply_checked(entry, source_from_fields(), error, on_apply);

    let presets = entry
        .presets()
        .iter()
        .map(|p| view! { <option value=p.id() selected=*p == generator.preset>{p.name()}</option> })
        .collect_view();

    view! {
        <form
            class="input-editor"
            data-testid="input-editor"
            // The editor's own messages name the problem; the browser's bubbles would hide them.
            novalidate
            on:submit=move |e| {
                e.prevent_default();
                apply();
            }
        >
            <fieldset class="mode" role="radiogroup" aria-label="Input">
                <label>
                    <input type="radio" name="mode" data-testid="mode-typed"
                        prop:checked=move || !generating.get() on:change=move |_| generating.set(false) />
                    " Type values"
                </label>
                <label>
                    <input type="radio" name="mode" data-testid="mode-generate"
                        prop:checked=move || generating.get() on:change=move |_| generating.set(true) />
                    " Generate"
                </label>
            </fieldset>
            <div class="typed" hidden=move || generating.get()>
                <label>
                    "Values "
                    <input type="text" data-testid="values" inputmode="numeric"
                        placeholder="e.g. 5, 3, 9, 1" prop:value=move || values.get()
                        aria-invalid=values_invalid aria-describedby=values_described
                        on:input=move |e| values.set(event_target_value(&e)) />
                </label>
                {error_for(Field::Values)}
                <Show when=move || needs_target>
                    <label>
                        "Target "
                        <input type="text" data-testid="target" inputmode="numeric" size="8"
                        aria-invalid=target_invalid aria-describedby=target_described
                            prop:value=move || target.get() on:input=move |e| target.set(event_target_value(&e)) />
                    </label>
                </Show>
                {error_for(Field::Target)}
            </div>
            <div class="generate" role="group" aria-label="Generator" hidden=move || !generating.get()
                aria-describedby=generator_described>
                <label>
                    "Preset "
                    <select data-testid="preset" on:change=move |e| {
                        if let Some(p) = Preset::from_id(&event_target_value(&e)) { preset.set(p) }
                    }>{presets}</select>
                </label>
                <label>"Size " <input type="number" data-testid="size" min="0" max=entry.input.max_step_n
                    prop:value=move || n.get() on:input=move |e| n.set(event_target_value(&e)) /></label>
                <label>"Min " <input type="number" data-testid="min"
                    prop:value=move || min.get() on:input=move |e| min.set(event_target_value(&e)) /></label>
                <label>"Max " <input type="number" data-testid="max"
                    prop:value=move || max.get() on:input=move |e| max.set(event_target_value(&e)) /></label>
                {seed_controls(seed, apply)}
                {error_for(Field::Generator)}
            </div>
            <p class="limits">
                "Up to " {entry.input.max_step_n} " values, each within ±1,000,000,000."
            </p>
            <button type="submit" data-testid="apply">"Run"</button>
        </form>
    }
}

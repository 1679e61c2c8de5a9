//! The tree kind on the pages: a run's input is a script of operations (`insert 50 30 70; delete 30`),
//! typed, taken from a preset, or generated from a seed; the drawing is `tree_view`'s.
//!
//! In a link: `?script=insert%2050%2030%2070` for a typed script, or
//! `?keys=12&order=random&mixed=1&seed=7` for a generated one.

use algorithms::catalogue::{self, Card, InputKind};
use algorithms::kinds::tree::{KeyOrder, Script, ScriptGenerator, TreeRules, parse_script};
use algorithms::{Input, Mode, Snapshot, plural};
use leptos::prelude::*;

use crate::input_editor::{apply_checked_kind, field_error, field_state, seed_controls};
use crate::kind::Kind;
use crate::url_state::Field;

/// The tree kind's pages.
pub struct Trees;

/// Where a tree run's script comes from.
#[derive(Clone, Debug, PartialEq)]
pub enum TreeSource {
    /// A script as typed (or taken from a preset, a resumed session or an imported trace).
    Typed(String),
    Generated(ScriptGenerator),
}

/// The order names a link and the editor use.
const ORDERS: [(KeyOrder, &str, &str); 3] = [
    (KeyOrder::Random, "random", "Random order"),
    (KeyOrder::Sorted, "sorted", "Ascending"),
    (KeyOrder::Reversed, "reversed", "Descending"),
];

fn order_id(order: KeyOrder) -> &'static str {
    ORDERS
        .iter()
        .find(|(o, ..)| *o == order)
        .map_or("random", |(_, id, _)| id)
}

fn order_from_id(id: &str) -> Option<KeyOrder> {
    ORDERS
        .iter()
        .find(|(_, each, _)| *each == id)
        .map(|(order, ..)| *order)
}

fn rules(entry: &Card) -> Option<TreeRules> {
    match entry.input.kind {
        InputKind::Tree(rules) => Some(rules),
        _ => None,
    }
}

impl Kind for Trees {
    type Source = TreeSource;

    fn cards() -> impl Iterator<Item = &'static Card> {
        catalogue::SEARCH_TREES_CARDS.iter().copied()
    }

    fn default_for(_: &Card) -> TreeSource {
        TreeSource::Generated(ScriptGenerator {
            keys: 10,
            order: KeyOrder::Random,
            mixed: true,
            seed: 1,
        })
    }

    fn of(input: &Input) -> TreeSource {
        TreeSource::Typed(input.script().map(Script::to_string).unwrap_or_default())
    }

    fn input(entry: &Card, source: &TreeSource) -> Result<Input, (Field, String)> {
        let (input, field) = match source {
            TreeSource::Typed(text) => {
                let script = parse_script(text).map_err(|e| (Field::Script, e.to_string()))?;
                (Input::tree(script), Field::Script)
            }
            TreeSource::Generated(generator) => (
                entry
                    .generate_script(generator)
                    .map_err(|e| (Field::Generator, e.to_string()))?,
                Field::Generator,
            ),
        };
        entry
            .validate(&input, Mode::Step)
            .map_err(|e| (field, e.to_string()))?;
        Ok(input)
    }

    fn read_query(
        entry: &Card,
        get: &dyn Fn(&str) -> Option<String>,
        problems: &mut Vec<String>,
    ) -> TreeSource {
        if let Some(script) = get("script") {
            return TreeSource::Typed(script);
        }
        let TreeSource::Generated(fallback) = Self::default_for(entry) else {
            unreachable!("the default is generated")
        };
        if ["keys", "order", "mixed", "seed"]
            .iter()
            .all(|key| get(key).is_none())
        {
            return TreeSource::Generated(fallback);
        }
        let mut number = |key: &str, default: u64| match get(key) {
            None => default,
            Some(text) => text.trim().parse().unwrap_or_else(|_| {
                problems.push(format!("{key}={text} is not a whole number"));
                default
            }),
        };
        let keys = number("keys", fallback.keys as u64) as usize;
        let mixed = number("mixed", u64::from(fallback.mixed)) != 0;
        let seed = number("seed", fallback.seed);
        let order = match get("order") {
            None => fallback.order,
            Some(id) => order_from_id(&id).unwrap_or_else(|| {
                problems.push(format!("order={id} is not random, sorted or reversed"));
                fallback.order
            }),
        };
        TreeSource::Generated(ScriptGenerator {
            keys,
            order,
            mixed,
            seed,
        })
    }

    fn write_query(source: &TreeSource, pairs: &mut Vec<(String, String)>) {
        match source {
            TreeSource::Typed(text) => pairs.push(("script".into(), text.trim().to_owned())),
            TreeSource::Generated(g) => {
                pairs.push(("keys".into(), g.keys.to_string()));
                pairs.push(("order".into(), order_id(g.order).to_owned()));
                pairs.push(("mixed".into(), u8::from(g.mixed).to_string()));
                pairs.push(("seed".into(), g.seed.to_string()));
            }
        }
    }

    fn stage(entry: &'static Card, snapshot: Memo<Snapshot>, _: &Input, legend: bool) -> AnyView {
        let legend = legend.then_some(entry.legend);
        view! { <crate::tree_view::TreeStage snapshot=snapshot legend=legend /> }.into_any()
    }

    fn editor(
        entry: &'static Card,
        source: Signal<TreeSource>,
        on_apply: Callback<TreeSource>,
    ) -> AnyView {
        view! { <ScriptEditorSlot entry=entry source=source on_apply=on_apply /> }.into_any()
    }

    fn has_quiz(_: &Card) -> bool {
        true
    }

    const RACES: bool = false;
}

/// The script on screen in a line: its first operations, or how it was generated.
fn summary(entry: &Card, source: &TreeSource) -> String {
    match source {
        TreeSource::Generated(g) => format!(
            "{} in {} order{}, seed {}.",
            plural(g.keys, "key", "keys"),
            match g.order {
                KeyOrder::Random => "random",
                KeyOrder::Sorted => "ascending",
                KeyOrder::Reversed => "descending",
            },
            if g.mixed {
                ", then as many finds, deletes and insertions"
            } else {
                ""
            },
            g.seed
        ),
        TreeSource::Typed(_) => match Trees::input(entry, source) {
            Ok(input) => {
                // The script as the narration says it ("insert 50 30 40; find 40"), cut short when long.
                const SHOWN: usize = 80;
                let script = input.script().map(ToString::to_string).unwrap_or_default();
                let operations = input.script().map_or(0, |s| s.operations.len());
                let shown = match script.char_indices().nth(SHOWN) {
                    Some((end, _)) => format!("{}…", &script[..end]),
                    None => script,
                };
                format!(
                    "{}: {shown}.",
                    plural(operations, "operation", "operations")
                )
            }
            Err((_, message)) => format!("This script is refused: {message}."),
        },
    }
}

/// The script in a line, and a disclosure that opens its editor; running a script closes it, so the run
/// is what the learner sees next, and focus goes back to the button that opened it.
#[component]
fn ScriptEditorSlot(
    entry: &'static Card,
    source: Signal<TreeSource>,
    on_apply: Callback<TreeSource>,
) -> impl IntoView {
    let open = RwSignal::new(false);
    let button = NodeRef::<leptos::html::Button>::new();
    let run = Callback::new(move |applied: TreeSource| {
        open.set(false);
        on_apply.run(applied);
        if let Some(button) = button.get_untracked() {
            let _ = button.focus();
        }
    });
    view! {
        <div class="editor-slot" data-testid="editor-slot">
            <div class="input-summary">
                <p data-testid="input-summary">{move || source.with(|s| summary(entry, s))}</p>
                <button type="button" data-testid="edit-input" node_ref=button
                    aria-expanded=move || open.get().to_string() aria-controls="script-editor"
                    on:click=move |_| open.update(|open| *open = !*open)>"Edit input"</button>
            </div>
            <div id="script-editor">
                <Show when=move || open.get()>
                    <ScriptEditor entry=entry source=source.get_untracked() on_apply=run />
                </Show>
            </div>
        </div>
    }
}

/// The script editor: type a script (or start from a preset), or generate one from a seed.
#[component]
fn ScriptEditor(
    entry: &'static Card,
    source: TreeSource,
    on_apply: Callback<TreeSource>,
) -> impl IntoView {
    let rules = rules(entry).expect("a tree entry's card has tree rules");
    let TreeSource::Generated(fallback) = Trees::default_for(entry) else {
        unreachable!("the default is generated")
    };
    let (typed, generator) = match &source {
        TreeSource::Typed(text) => (text.clone(), fallback),
        TreeSource::Generated(g) => (String::new(), g.clone()),
    };
    let generating = RwSignal::new(matches!(source, TreeSource::Generated(_)));
    let script = RwSignal::new(typed);
    let keys = RwSignal::new(generator.keys.to_string());
    let order = RwSignal::new(generator.order);
    let mixed = RwSignal::new(generator.mixed);
    let seed = RwSignal::new(generator.seed.to_string());
    let about = RwSignal::new(None::<&'static str>);
    let error = RwSignal::new(None::<(Field, String)>);
    let (script_invalid, script_described) = field_state(error, Field::Script);
    let (_, generator_described) = field_state(error, Field::Generator);

    let number = |name: &str, text: String| -> Result<u64, (Field, String)> {
        text.trim().parse::<u64>().map_err(|_| {
            (
                Field::Generator,
                format!(
                    "{name} \"{}\" is not a whole number of at least 0",
                    text.trim()
                ),
            )
        })
    };
    let source_from_fields = move || -> Result<TreeSource, (Field, String)> {
        if generating.get_untracked() {
            Ok(TreeSource::Generated(ScriptGenerator {
                keys: number("the number of keys", keys.get_untracked())? as usize,
                order: order.get_untracked(),
                mixed: mixed.get_untracked(),
                seed: number("the seed", seed.get_untracked())?,
            }))
        } else {
            Ok(TreeSource::Typed(script.get_untracked()))
        }
    };
    let apply = move || apply_checked_kind::<Trees>(entry, source_from_fields(), error, on_apply);
    let presets = rules
        .presets()
        .map(|p| view! { <option value=p.id>{p.name}</option> })
        .collect_view();
    let pick_preset = move |id: String| {
        if let Some(preset) = algorithms::kinds::tree::TreePreset::from_id(&id) {
            script.set(preset.text.replace("; ", "\n"));
            about.set(Some(preset.about));
            error.set(None);
        }
    };
    let orders = ORDERS
        .iter()
        .map(|(o, id, name)| view! { <option value=*id selected=*o == generator.order>{*name}</option> })
        .collect_view();
    let verbs: Vec<&str> = rules.verbs.iter().map(|verb| verb.word()).collect();

    view! {
        <form class="input-editor script-editor" data-testid="input-editor" novalidate
            on:submit=move |e| {
                e.prevent_default();
                apply();
            }>
            <fieldset class="mode" role="radiogroup" aria-label="Input">
                <label>
                    <input type="radio" name="mode" data-testid="mode-typed"
                        prop:checked=move || !generating.get() on:change=move |_| generating.set(false) />
                    " Type a script"
                </label>
                <label>
                    <input type="radio" name="mode" data-testid="mode-generate"
                        prop:checked=move || generating.get() on:change=move |_| generating.set(true) />
                    " Generate"
                </label>
            </fieldset>
            <div class="typed" hidden=move || generating.get()>
                <label>
                    "Start from "
                    <select data-testid="preset" on:change=move |e| pick_preset(event_target_value(&e))>
                        <option value="" selected>"a preset…"</option>
                        {presets}
                    </select>
                </label>
                <p class="preset-about" data-testid="preset-about" hidden=move || about.get().is_none()>
                    {move || about.get()}
                </p>
                <label class="script">
                    "Operations, one per line or separated by “;” "
                    <textarea data-testid="script" rows="5" spellcheck="false"
                        placeholder="insert 50 30 70 20 40\ndelete 30\nfind 40"
                        aria-invalid=script_invalid aria-describedby=script_described
                        prop:value=move || script.get()
                        on:input=move |e| script.set(event_target_value(&e))></textarea>
                </label>
                {field_error(error, Field::Script)}
            </div>
            <div class="generate" role="group" aria-label="Generator" hidden=move || !generating.get()
                aria-describedby=generator_described>
                <label>"Keys " <input type="number" data-testid="keys" min="1"
                    max=algorithms::kinds::tree::STEP_INSERTIONS
                    prop:value=move || keys.get() on:input=move |e| keys.set(event_target_value(&e)) /></label>
                <label>
                    "Order "
                    <select data-testid="order" on:change=move |e| {
                        if let Some(o) = order_from_id(&event_target_value(&e)) { order.set(o) }
                    }>{orders}</select>
                </label>
                <label>
                    <input type="checkbox" data-testid="mixed" prop:checked=move || mixed.get()
                        on:change=move |e| mixed.set(event_target_checked(&e)) />
                    " Then as many finds, deletes and insertions"
                </label>
                {seed_controls(seed, apply)}
                {field_error(error, Field::Generator)}
            </div>
            <p class="limits">
                "This structure takes " {verbs.join(", ")} "; up to "
                {algorithms::kinds::tree::STEP_INSERTIONS} " insertions and "
                {algorithms::kinds::tree::STEP_OPERATIONS} " operations, keys within ±"
                {algorithms::kinds::tree::KEY_LIMIT} "."
            </p>
            <button type="submit" data-testid="apply">"Run"</button>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::url_state::{ViewState, parse_view, query_view};

    fn bst() -> &'static Card {
        Trees::card("bst").expect("the binary search tree is a tree entry")
    }

    /// A query value with its `%XX` escapes decoded, as the browser's `URLSearchParams` reads it.
    fn decoded(value: &str) -> String {
        let mut bytes = Vec::new();
        let mut rest = value.as_bytes();
        while let Some((&first, tail)) = rest.split_first() {
            if first == b'%' && tail.len() >= 2 {
                let hex = std::str::from_utf8(&tail[..2]).unwrap();
                bytes.push(u8::from_str_radix(hex, 16).unwrap());
                rest = &tail[2..];
            } else {
                bytes.push(first);
                rest = tail;
            }
        }
        String::from_utf8(bytes).unwrap()
    }

    fn round_trip(source: TreeSource) -> (TreeSource, Vec<String>) {
        let state = ViewState {
            source,
            step: 7,
            speed: 2.0,
        };
        let query = query_view::<Trees>(&state);
        let (read, problems) = parse_view::<Trees>(bst(), |key| {
            query
                .split('&')
                .filter_map(|pair| pair.split_once('='))
                .find(|(k, _)| *k == key)
                .map(|(_, v)| decoded(v))
        });
        assert_eq!((read.step, read.speed), (7, 2.0));
        (read.source, problems)
    }

    #[test]
    fn typed_and_generated_scripts_round_trip_through_the_query() {
        let typed = TreeSource::Typed("insert 50 30 70\ndelete 30; find 40".to_owned());
        assert_eq!(round_trip(typed.clone()), (typed, vec![]));
        for order in [KeyOrder::Random, KeyOrder::Sorted, KeyOrder::Reversed] {
            let generated = TreeSource::Generated(ScriptGenerator {
                keys: 9,
                order,
                mixed: order == KeyOrder::Random,
                seed: 12,
            });
            assert_eq!(round_trip(generated.clone()), (generated, vec![]));
        }
    }

    #[test]
    fn unreadable_settings_fall_back_and_say_so() {
        let (source, problems) = parse_view::<Trees>(bst(), |key| {
            [("keys", "many"), ("order", "sideways"), ("seed", "3")]
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, v)| v.to_string())
        });
        assert_eq!(
            problems,
            [
                "keys=many is not a whole number",
                "order=sideways is not random, sorted or reversed"
            ]
        );
        let TreeSource::Generated(generator) = source.source else {
            panic!("a generated script")
        };
        assert_eq!((generator.keys, generator.seed), (10, 3));
    }

    #[test]
    fn a_refused_script_names_its_field_line_and_column() {
        let typed = |text: &str| Trees::input(bst(), &TreeSource::Typed(text.to_owned()));
        let (field, message) = typed("insert 50 30\ndelete 3x").unwrap_err();
        assert_eq!(field, Field::Script);
        assert!(message.starts_with("line 2, column 8: "), "{message}");
        let (field, message) = typed("insert 5; extract").unwrap_err();
        assert_eq!(field, Field::Script);
        assert!(message.contains("operation 2 is “extract”"), "{message}");
        let none = TreeSource::Generated(ScriptGenerator {
            keys: 0,
            order: KeyOrder::Random,
            mixed: false,
            seed: 1,
        });
        assert_eq!(Trees::input(bst(), &none).unwrap_err().0, Field::Generator);
        let input = typed("insert 50 30 40; find 40 45").unwrap();
        assert_eq!(
            Trees::of(&input),
            TreeSource::Typed("insert 50 30 40; find 40 45".to_owned())
        );
    }

    #[test]
    fn the_summary_says_the_script_or_how_it_was_made() {
        let typed = TreeSource::Typed("insert 50 30 40\nfind 40; find 45".to_owned());
        assert_eq!(
            summary(bst(), &typed),
            "5 operations: insert 50 30 40; find 40 45."
        );
        let long = TreeSource::Typed(format!(
            "insert {}",
            (1..=60)
                .map(|k| k.to_string())
                .collect::<Vec<_>>()
                .join(" ")
        ));
        let said = summary(bst(), &long);
        assert!(said.starts_with("60 operations: insert 1 2 3") && said.ends_with("…."));
        let generated = TreeSource::Generated(ScriptGenerator {
            keys: 7,
            order: KeyOrder::Sorted,
            mixed: true,
            seed: 4,
        });
        assert_eq!(
            summary(bst(), &generated),
            "7 keys in ascending order, then as many finds, deletes and insertions, seed 4."
        );
        assert_eq!(
            summary(bst(), &TreeSource::Typed("insert x".to_owned())),
            "This script is refused: line 1, column 8: “x” is not a whole number."
        );
    }
}

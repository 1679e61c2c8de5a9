//! The graph and grid editors, fetched when a learner first opens one. Typing, generating, drawing and
//! painting are most of what a graph or grid page would otherwise load before its first frame (about a
//! quarter of the page module), and a learner who only steps through a run never uses them; so the editors
//! are modules of their own (`editor-graph`, `editor-grid`, built from `src/bin/`), like the export tools.
//!
//! Two halves meet through the page loader, and only as text: the page shows what the input is and an
//! "Edit input" button ([`EditorSlot`]); the first click fetches the editor module, which mounts its own
//! small Leptos app into the slot's element ([`mount_editor`]) with the input as a query string (the
//! address bar's form, `url_state::query`), and calls back with the query string of each input it runs.
//! The page reads it back with the same `url_state::parse` its links use.

use algorithms::catalogue::{Card, InputKind};
use leptos::html::Div;
use leptos::prelude::*;
use std::cell::RefCell;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use crate::router::query_param;
use crate::url_state::{self, Source, ViewState};

/// The module that edits `kind`'s inputs: "graph" or "grid".
fn module_name(kind: InputKind) -> &'static str {
    match kind {
        InputKind::Grid => "grid",
        _ => "graph",
    }
}

fn as_query(source: Source) -> String {
    url_state::query(&ViewState {
        source,
        step: 0,
        speed: url_state::DEFAULT_SPEED,
    })
}

fn from_query(entry: &Card, query: &str) -> Source {
    url_state::parse(entry, |key| query_param(query, key))
        .0
        .source
}

#[wasm_bindgen]
extern "C" {
    /// An editor module's namespace object.
    type EditorModule;
    #[wasm_bindgen(method, catch)]
    fn mount_editor(
        this: &EditorModule,
        host: &web_sys::HtmlElement,
        id: &str,
        query: &str,
        apply: &js_sys::Function,
    ) -> Result<(), JsValue>;
    #[wasm_bindgen(method)]
    fn unmount_editor(this: &EditorModule);
}

/// What the input is, in a line (the editor itself loads on use).
fn summary(entry: &Card, source: &Source) -> String {
    let input = source.input(entry).unwrap_or_default();
    #[allow(unused_mut)]
    let mut shape = String::new();
    #[cfg(feature = "graphs")]
    if let Some(graph) = &input.graph {
        shape = format!(
            "{} graph of {}",
            if graph.directed {
                "A directed"
            } else {
                "An undirected"
            },
            graph.size_text()
        );
    }
    #[cfg(feature = "grids")]
    if let Some(grid) = &input.grid {
        shape = format!("A grid of {} × {} cells", grid.width, grid.height);
    }
    let made = match source {
        #[cfg(feature = "graphs")]
        Source::GraphGenerated(g) => format!(", generated from seed {}", g.seed),
        #[cfg(feature = "grids")]
        Source::GridGenerated(g) => format!(", generated from seed {}", g.seed),
        _ => String::new(),
    };
    format!("{shape}{made}.")
}

/// An editor on screen, and the function it calls back with each input it runs.
type Mounted = (EditorModule, Closure<dyn Fn(String)>);
/// In a page: the input in a line and a button that fetches the editor and mounts it here. The editor
/// starts from the input on screen when it opens and runs what it applies through `on_apply`.
#[component]
pub fn EditorSlot(
    entry: &'static Card,
    source: Signal<Source>,
    on_apply: Callback<Source>,
) -> impl IntoView {
    let host = NodeRef::<Div>::new();
    // What the slot says while the editor loads or after it failed; one line, so one text to update.
    let status = RwSignal::new(String::new());
    let loading = RwSignal::new(false);
    let mounted: StoredValue<Option<Mounted>, LocalStorage> = StoredValue::new_local(None);
    let is_open = RwSignal::new(false);
    let button = NodeRef::<leptos::html::Button>::new();
    let close = move || {
        if let Some((module, _apply)) = mounted.try_update_value(Option::take).flatten() {
            module.unmount_editor();
        }
        is_open.try_set(false);
    };
    let open = move || {
        loading.set(true);
        status.set("Loading the editor…".to_owned());
        leptos::task::spawn_local(async move {
            let module = crate::engines::load_module("editor", module_name(entry.input.kind), "");
            let element = host.get_untracked().expect("the slot is on screen");
            // Running an input closes the editor, once the editor's own handler has returned.
            let apply = Closure::<dyn Fn(String)>::new(move |query: String| {
                on_apply.run(from_query(entry, &query));
                set_timeout(
                    move || {
                        close();
                        if let Some(button) = button.get_untracked() {
                            let _ = button.focus();
                        }
                    },
                    std::time::Duration::ZERO,
                );
            });
            let query = as_query(source.get_untracked());
            let mounting = wasm_bindgen_futures::JsFuture::from(module)
                .await
                .and_then(|module| {
                    let module: EditorModule = module.unchecked_into();
                    module.mount_editor(
                        &element,
                        entry.id,
                        &query,
                        apply.as_ref().unchecked_ref(),
                    )?;
                    Ok(module)
                });
            match mounting {
                Ok(module) => {
                    mounted.set_value(Some((module, apply)));
                    is_open.set(true);
                    status.set(String::new());
                    // The button that had focus is gone: focus the editor's first control.
                    if let Ok(Some(first)) =
                        element.query_selector("input, select, textarea, button")
                    {
                        let _ = first.unchecked_into::<web_sys::HtmlElement>().focus();
                    }
                }
                Err(error) => status.set(format!(
                    "The editor could not be loaded ({}). Check the connection, then try again.",
                    crate::engines::message(error)
                )),
            }
            loading.set(false);
        });
    };
    on_cleanup(move || {
        if let Some((module, _apply)) = mounted.try_update_value(Option::take).flatten() {
            module.unmount_editor();
        }
    });
    view! {
        <div class="editor-slot" data-testid="editor-slot">
            <div class="input-summary">
                <p data-testid="input-summary">{move || summary(entry, &source.get())}</p>
                <button type="button" data-testid="edit-input" node_ref=button
                    aria-expanded=move || is_open.get().to_string() aria-controls="family-editor"
                    on:click=move |_| if is_open.get_untracked() { close() } else { open() }
                    disabled=move || loading.get()>"Edit input"</button>
                <p role="status" data-testid="editor-status">{move || status.get()}</p>
            </div>
            <div class="editor-host" id="family-editor" node_ref=host></div>
        </div>
    }
}

thread_local! {
    static EDITOR: RefCell<Option<Box<dyn std::any::Any>>> = const { RefCell::new(None) };
    static APPLY: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
}

/// In an editor module: mounts the editor of algorithm `id`'s input into `host`, starting from `query`,
/// and calls `apply` with the query string of each input the learner runs.
pub fn mount_editor(
    host: web_sys::HtmlElement,
    id: &str,
    query: &str,
    apply: js_sys::Function,
) -> Result<(), JsValue> {
    console_error_panic_hook::set_once();
    let entry =
        crate::stage::drawn_card(id).ok_or_else(|| JsValue::from_str("no such algorithm"))?;
    let source = from_query(entry, query);
    APPLY.with_borrow_mut(|slot| *slot = Some(apply));
    let on_apply = Callback::new(|source: Source| {
        let query = JsValue::from_str(&as_query(source));
        APPLY.with_borrow(|apply| {
            apply
                .as_ref()
                .map(|apply| apply.call1(&JsValue::NULL, &query))
        });
    });
    let handle = leptos::mount::mount_to(host, move || {
        crate::input_editor::family_editor(entry, source, on_apply)
    });
    EDITOR.with_borrow_mut(|editor| *editor = Some(Box::new(handle)));
    Ok(())
}

/// Removes the editor and everything it owns.
pub fn unmount_editor() {
    let handle = EDITOR.with_borrow_mut(Option::take);
    drop(handle);
    APPLY.with_borrow_mut(Option::take);
}

/// Declares an editor module's exports for the page that fetches it.
#[macro_export]
macro_rules! editor_module {
    () => {
        fn main() {}

        #[::wasm_bindgen::prelude::wasm_bindgen]
        pub fn mount_editor(
            host: ::web_sys::HtmlElement,
            id: &str,
            query: &str,
            apply: ::js_sys::Function,
        ) -> Result<(), ::wasm_bindgen::JsValue> {
            $crate::editor_module::mount_editor(host, id, query, apply)
        }

        #[::wasm_bindgen::prelude::wasm_bindgen]
        pub fn unmount_editor() {
            $crate::editor_module::unmount_editor();
        }
    };
}

//! The app's side of the engines. A page links no state machine: it loads the engine module of each family
//! it runs (`engine/`, one WebAssembly module per family) and asks it for snapshots through a narrow,
//! serialized interface: ids, step numbers and JSON. Runs live in the engine; [`EngineRun`] is a handle.
//!
//! Modules are fetched by the page loader (`scripts/dist.mjs`, which knows their hashed names) once per
//! page, and kept in a registry per family. Tests install an engine linked into the test binary instead.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use algorithms::catalogue::{Card, Family};
use algorithms::{Counters, Input, Snapshot};
use leptos::prelude::*;
use serde::Deserialize;
use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::wasm_bindgen;

/// What an engine offers; the methods mirror `engine::Engine`. Errors are sentences for the learner.
pub trait EngineApi {
    fn open(&self, id: &str, input: &str) -> Result<u32, String>;
    fn last_step(&self, run: u32) -> Result<f64, String>;
    fn seek(&self, run: u32, step: f64) -> Result<String, String>;
    fn export_trace(&self, id: &str, input: &str, step: f64) -> Result<String, String>;
    fn import_trace(&self, text: &str) -> Result<String, String>;
    fn frame_svg(&self, snapshot: &str, input: &str, title: &str) -> Result<String, String>;
    fn count(&self, id: &str, input: &str) -> Result<u32, String>;
    fn advance(&self, run: u32, steps: u32) -> Result<Option<String>, String>;
    fn close(&self, run: u32);
    fn pseudocode(&self, id: &str) -> Result<String, String>;
}

#[wasm_bindgen(inline_js = r#"
export function load_module(kind, name, together) {
  const loader = globalThis.__algovista;
  return loader
    ? loader[kind](name, together)
    : Promise.reject(new Error('the page was not opened through its loader'));
}
"#)]
extern "C" {
    /// `kind`: "engine" (with a family, and every family the page loads now, comma-separated: the loader
    /// picks one module that runs them all when there is one), "tools" (a family's trace reader and image
    /// writer, fetched on use) or "editor" (with a kind of input: its editor, fetched on use).
    pub(crate) fn load_module(kind: &str, name: &str, together: &str) -> js_sys::Promise;
}

#[wasm_bindgen]
extern "C" {
    /// An engine module's namespace object; its exports are the engine's functions.
    type EngineModule;
    #[wasm_bindgen(method, catch)]
    fn open(this: &EngineModule, id: &str, input: &str) -> Result<u32, JsValue>;
    #[wasm_bindgen(method, catch)]
    fn last_step(this: &EngineModule, run: u32) -> Result<f64, JsValue>;
    #[wasm_bindgen(method, catch)]
    fn seek(this: &EngineModule, run: u32, step: f64) -> Result<String, JsValue>;
    #[wasm_bindgen(method, catch)]
    fn export_trace(
        this: &EngineModule,
        id: &str,
        input: &str,
        step: f64,
    ) -> Result<String, JsValue>;
    #[wasm_bindgen(method, catch)]
    fn import_trace(this: &EngineModule, text: &str) -> Result<String, JsValue>;
    #[wasm_bindgen(method, catch)]
    fn frame_svg(
        this: &EngineModule,
        snapshot: &str,
        values: &str,
        title: &str,
    ) -> Result<String, JsValue>;
    #[wasm_bindgen(method, catch)]
    fn count(this: &EngineModule, id: &str, input: &str) -> Result<u32, JsValue>;
    #[wasm_bindgen(method, catch)]
    fn advance(this: &EngineModule, run: u32, steps: u32) -> Result<Option<String>, JsValue>;
    #[wasm_bindgen(method)]
    fn close(this: &EngineModule, run: u32);
    #[wasm_bindgen(method, catch)]
    fn pseudocode(this: &EngineModule, id: &str) -> Result<String, JsValue>;
}

pub(crate) fn message(error: JsValue) -> String {
    error
        .as_string()
        .or_else(|| js_sys::Error::from(error).message().as_string())
        .unwrap_or_else(|| "the engine failed".to_owned())
}

impl EngineApi for EngineModule {
    fn open(&self, id: &str, input: &str) -> Result<u32, String> {
        EngineModule::open(self, id, input).map_err(message)
    }
    fn last_step(&self, run: u32) -> Result<f64, String> {
        EngineModule::last_step(self, run).map_err(message)
    }
    fn seek(&self, run: u32, step: f64) -> Result<String, String> {
        EngineModule::seek(self, run, step).map_err(message)
    }
    fn export_trace(&self, id: &str, input: &str, step: f64) -> Result<String, String> {
        EngineModule::export_trace(self, id, input, step).map_err(message)
    }
    fn import_trace(&self, text: &str) -> Result<String, String> {
        EngineModule::import_trace(self, text).map_err(message)
    }
    fn frame_svg(&self, snapshot: &str, input: &str, title: &str) -> Result<String, String> {
        EngineModule::frame_svg(self, snapshot, input, title).map_err(message)
    }
    fn count(&self, id: &str, input: &str) -> Result<u32, String> {
        EngineModule::count(self, id, input).map_err(message)
    }
    fn advance(&self, run: u32, steps: u32) -> Result<Option<String>, String> {
        EngineModule::advance(self, run, steps).map_err(message)
    }
    fn close(&self, run: u32) {
        EngineModule::close(self, run)
    }
    fn pseudocode(&self, id: &str) -> Result<String, String> {
        EngineModule::pseudocode(self, id).map_err(message)
    }
}

thread_local! {
    static LOADED: RefCell<HashMap<Family, Rc<dyn EngineApi>>> = RefCell::new(HashMap::new());
    /// What reads each family's trace files back and draws its frames as images: its tools module, or a
    /// linked engine.
    static TOOLS: RefCell<HashMap<Family, Rc<dyn EngineApi>>> = RefCell::new(HashMap::new());
}

/// Makes a linked `engine` the one for `family`, tools included (tests).
pub fn install(family: Family, engine: Rc<dyn EngineApi>) {
    TOOLS.with_borrow_mut(|loaded| loaded.insert(family, engine.clone()));
    LOADED.with_borrow_mut(|loaded| loaded.insert(family, engine));
}

/// The tools of `family`, fetched through the loader the first time.
pub async fn tools(family: Family) -> Result<Rc<dyn EngineApi>, String> {
    if let Some(tools) = TOOLS.with_borrow(|loaded| loaded.get(&family).cloned()) {
        return Ok(tools);
    }
    let module = wasm_bindgen_futures::JsFuture::from(load_module("tools", family.id(), ""))
        .await
        .map_err(|error| {
            format!(
                "the export and import tools could not be loaded ({})",
                message(error)
            )
        })?;
    let tools: Rc<dyn EngineApi> = Rc::new(EngineModule::from(module));
    TOOLS.with_borrow_mut(|loaded| loaded.insert(family, tools.clone()));
    Ok(tools)
}

pub fn is_loaded(family: Family) -> bool {
    LOADED.with_borrow(|loaded| loaded.contains_key(&family))
}

fn engine(family: Family) -> Rc<dyn EngineApi> {
    LOADED
        .with_borrow(|loaded| loaded.get(&family).cloned())
        .unwrap_or_else(|| panic!("the {} engine is used before it loaded", family.id()))
}

/// Closes a run, if its engine is (still) there.
fn close(family: Family, run: u32) {
    if let Some(engine) = LOADED.with_borrow(|loaded| loaded.get(&family).cloned()) {
        engine.close(run);
    }
}

/// The families whose engines `cards` need, each once.
pub fn families_of<'a>(cards: impl IntoIterator<Item = &'a Card>) -> Vec<Family> {
    let mut families = Vec::new();
    for family in cards.into_iter().map(Card::family) {
        if !families.contains(&family) {
            families.push(family);
        }
    }
    families
}

/// Loads the engines of `families` that are not loaded yet (the loader fetches afresh what failed). The
/// loader decides which modules run them: one module for several families when there is one (every
/// graph family's, lighter than two families' engines), by the rule it preloads with.
pub async fn ensure(families: &[Family]) -> Result<(), String> {
    let missing: Vec<Family> = families
        .iter()
        .copied()
        .filter(|&family| !is_loaded(family))
        .collect();
    let together = missing
        .iter()
        .map(|family| family.id())
        .collect::<Vec<_>>()
        .join(",");
    for family in missing {
        let module =
            wasm_bindgen_futures::JsFuture::from(load_module("engine", family.id(), &together))
                .await
                .map_err(|error| {
                    format!(
                        "The {} algorithms could not be loaded ({}).",
                        family.id(),
                        message(error)
                    )
                })?;
        let engine: Rc<dyn EngineApi> = Rc::new(EngineModule::from(module));
        LOADED.with_borrow_mut(|loaded| loaded.insert(family, engine));
    }
    Ok(())
}

#[derive(Clone, Debug, PartialEq)]
enum Loading {
    Pending,
    Ready,
    Failed(String),
}

/// Shows `children` once the engines of `families` are loaded; while they load, a line saying so; if one
/// fails, what went wrong and a button to try again. Never a blank page.
#[component]
pub fn WithEngines(families: Vec<Family>, children: ChildrenFn) -> impl IntoView {
    let ready = || families.iter().all(|&f| is_loaded(f));
    let state = RwSignal::new(if ready() {
        Loading::Ready
    } else {
        Loading::Pending
    });
    let families = StoredValue::new(families);
    let fetch = move || {
        state.set(Loading::Pending);
        crate::spawn_while(move || state.try_get_untracked().is_some(), async move {
            state.set(match ensure(&families.get_value()).await {
                Ok(()) => Loading::Ready,
                Err(problem) => Loading::Failed(problem),
            });
        });
    };
    if state.get_untracked() == Loading::Pending {
        fetch();
    }
    move || {
        match state.get() {
        Loading::Ready => children().into_any(),
        Loading::Pending => view! {
            <p class="loading" role="status" data-testid="engine-loading">"Loading the algorithms…"</p>
        }
        .into_any(),
        Loading::Failed(problem) => view! {
            <div class="error" role="alert" data-testid="engine-error">
                <p>{problem} " Check the connection, then try again."</p>
                <button data-testid="engine-retry" on:click=move |_| fetch()>"Try again"</button>
            </div>
        }
        .into_any(),
    }
    }
}

/// A recorded run in its family's engine, closed when dropped.
pub struct EngineRun {
    family: Family,
    run: u32,
    last_step: u64,
}

impl EngineRun {
    /// Validates and records `input` for `card`; the error says why the engine refused it.
    pub fn open(card: &Card, input: &Input) -> Result<Self, String> {
        let engine = engine(card.family());
        let text = serde_json::to_string(input).expect("an input is plain data");
        let run = engine.open(card.id, &text)?;
        let last_step = engine.last_step(run)? as u64;
        Ok(EngineRun {
            family: card.family(),
            run,
            last_step,
        })
    }

    pub fn last_step(&self) -> u64 {
        self.last_step
    }

    /// The algorithm's pseudocode, one line each, from its engine (pages carry no algorithm's text).
    pub fn pseudocode(&self, card: &Card) -> Vec<String> {
        let lines = engine(self.family)
            .pseudocode(card.id)
            .expect("an engine knows its algorithms");
        serde_json::from_str(&lines).expect("the engine writes a list of lines")
    }

    /// The snapshot at `step`, clamped to the last.
    pub fn seek(&self, step: u64) -> Snapshot {
        serde_json::from_str::<DrawnSnapshot>(&self.seek_json(step))
            .expect("the engine writes snapshots the app reads")
            .into()
    }

    /// The snapshot at `step` as the engine wrote it (JSON).
    pub fn seek_json(&self, step: u64) -> String {
        engine(self.family)
            .seek(self.run, step as f64)
            .expect("an open run seeks")
    }

    /// The frame at `step` as an SVG image, drawn by the family's tools (fetched the first time) with
    /// the run's input (which fixes the bars' scale, or is the graph the frame's states belong to).
    pub fn frame_svg(
        &self,
        step: u64,
        input: &Input,
        title: &str,
    ) -> impl Future<Output = Result<String, String>> + use<> {
        let (family, snapshot) = (self.family, self.seek_json(step));
        let input = serde_json::to_string(input).expect("plain data");
        let title = title.to_owned();
        async move { tools(family).await?.frame_svg(&snapshot, &input, &title) }
    }
}

/// The run of `card` on `input` as a trace file (JSON) positioned at `step`, written by the family's
/// tools module (fetched the first time), which replays the run.
pub async fn export_trace(card: &Card, input: &Input, step: u64) -> Result<String, String> {
    let text = serde_json::to_string(input).expect("an input is plain data");
    tools(card.family())
        .await?
        .export_trace(card.id, &text, step as f64)
}

impl Drop for EngineRun {
    fn drop(&mut self) {
        close(self.family, self.run);
    }
}

/// Checks a trace file with the tools of the family it names (loading it if needed); answers what to
/// open: the algorithm's card, the input and the step.
pub async fn import_trace(text: &str) -> Result<(&'static Card, Input, u64), String> {
    #[derive(Deserialize)]
    struct Head {
        algorithm: String,
    }
    #[derive(Deserialize)]
    struct Opened {
        input: Input,
        step: u64,
    }
    let head: Head = serde_json::from_str(text)
        .map_err(|_| "the file is not an AlgoVista trace (it names no algorithm)".to_owned())?;
    // This page opens the traces of the algorithms it draws (the one it shows and its kind's others).
    let card = crate::stage::drawn_card(&head.algorithm).ok_or_else(|| {
        format!(
            "this page does not draw “{}”: import the trace on that algorithm's own page",
            head.algorithm
        )
    })?;
    let opened = tools(card.family()).await?.import_trace(text)?;
    let opened: Opened = serde_json::from_str(&opened).expect("the engine writes what it opens");
    Ok((card, opened.input, opened.step))
}

/// A count-only run in its family's engine, advanced in slices; closed when dropped.
pub struct CountingRun {
    family: Family,
    run: u32,
    finished: bool,
}

impl CountingRun {
    pub fn start(card: &Card, input: &Input) -> Result<Self, String> {
        let text = serde_json::to_string(input).expect("an input is plain data");
        let run = engine(card.family()).count(card.id, &text)?;
        Ok(CountingRun {
            family: card.family(),
            run,
            finished: false,
        })
    }

    /// Advances up to `steps` steps; the final counters once the run has finished.
    pub fn advance(&mut self, steps: u32) -> Option<Counters> {
        #[derive(Deserialize)]
        struct Report {
            counters: Counters,
        }
        let report = engine(self.family)
            .advance(self.run, steps)
            .expect("an open counting run advances")?;
        // The engine closed the finished run and may give its id to the next one: never close it again.
        self.finished = true;
        let report: Report = serde_json::from_str(&report).expect("the engine writes reports");
        Some(report.counters)
    }
}

impl Drop for CountingRun {
    fn drop(&mut self) {
        if !self.finished {
            close(self.family, self.run);
        }
    }
}

/// A snapshot as this page module reads it: [`Snapshot`] with only the frame kinds the module draws, so a
/// graph page links no array frame's reader (about 3 KB of gzipped wasm). Every field of `Snapshot` is
/// named in the conversion below, so a field added there fails to compile here until it is read.
#[derive(Deserialize)]
struct DrawnSnapshot {
    step: u64,
    line: usize,
    narration: String,
    variables: Vec<algorithms::Variable>,
    counters: Counters,
    frame: DrawnFrame,
    finished: bool,
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum DrawnFrame {
    #[cfg(feature = "arrays")]
    Array(algorithms::ArrayFrame),
    #[cfg(feature = "graphs")]
    Graph(algorithms::GraphFrame),
    #[cfg(feature = "grids")]
    Grid(algorithms::GridFrame),
    #[cfg(feature = "trees")]
    Tree(algorithms::kinds::tree::TreeFrame),
}

impl From<DrawnSnapshot> for Snapshot {
    fn from(drawn: DrawnSnapshot) -> Self {
        Snapshot {
            step: drawn.step,
            line: drawn.line,
            narration: drawn.narration,
            variables: drawn.variables,
            counters: drawn.counters,
            frame: match drawn.frame {
                #[cfg(feature = "arrays")]
                DrawnFrame::Array(frame) => algorithms::Frame::Array(frame),
                #[cfg(feature = "graphs")]
                DrawnFrame::Graph(frame) => algorithms::Frame::Graph(frame),
                #[cfg(feature = "grids")]
                DrawnFrame::Grid(frame) => algorithms::Frame::Grid(frame),
                #[cfg(feature = "trees")]
                DrawnFrame::Tree(frame) => algorithms::Frame::Tree(frame),
            },
            finished: drawn.finished,
        }
    }
}

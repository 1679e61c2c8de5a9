//! The visualizer component mounted in a real browser (headless Chromium via wasm-bindgen-test-runner).

use std::cell::RefCell;
use std::rc::Rc;

use algorithms::catalogue::{Family, SORTING};
use algorithms::{Input, catalogue};
use app::Visualizer;
use app::engines::EngineApi;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

/// The sorting engine linked into the test instead of loaded as a module: the same `engine::Engine`.
struct Linked(RefCell<engine::Engine>);

impl EngineApi for Linked {
    fn open(&self, id: &str, input: &str) -> Result<u32, String> {
        self.0.borrow_mut().open(id, input)
    }
    fn last_step(&self, run: u32) -> Result<f64, String> {
        self.0.borrow_mut().last_step(run)
    }
    fn seek(&self, run: u32, step: f64) -> Result<String, String> {
        self.0.borrow_mut().seek(run, step)
    }
    fn export_trace(&self, id: &str, input: &str, step: f64) -> Result<String, String> {
        self.0.borrow().export_trace(id, input, step)
    }
    fn import_trace(&self, text: &str) -> Result<String, String> {
        self.0.borrow().import_trace(text)
    }
    fn frame_svg(&self, snapshot: &str, values: &str, title: &str) -> Result<String, String> {
        self.0.borrow().frame_svg(snapshot, values, title)
    }
    fn count(&self, id: &str, input: &str) -> Result<u32, String> {
        self.0.borrow_mut().count(id, input)
    }
    fn advance(&self, run: u32, steps: u32) -> Result<Option<String>, String> {
        self.0.borrow_mut().advance(run, steps)
    }
    fn close(&self, run: u32) {
        self.0.borrow_mut().close(run)
    }
    fn pseudocode(&self, id: &str) -> Result<String, String> {
        self.0.borrow().pseudocode(id)
    }
}

thread_local! {
    static ENGINE: Rc<Linked> = Rc::new(Linked(RefCell::new(engine::Engine::new(SORTING))));
}

fn open_runs() -> usize {
    ENGINE.with(|engine| engine.0.borrow().open_runs())
}

fn mount(input: Vec<i64>) -> HtmlElement {
    let (root, handle) = mount_with_handle(input);
    std::mem::forget(handle);
    root
}

fn mount_with_handle(input: Vec<i64>) -> (HtmlElement, impl Drop) {
    app::engines::install(
        Family::Sorting,
        ENGINE.with(|e| e.clone() as Rc<dyn EngineApi>),
    );
    let root: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&root).unwrap();
    let entry = catalogue::card("bubble-sort").unwrap();
    let input = Input {
        values: input,
        ..Input::default()
    };
    let handle = leptos::mount::mount_to(
        root.clone(),
        move || view! { <Visualizer entry=entry input=input stage=app::stage::stage /> },
    );
    (root, handle)
}

fn find(root: &HtmlElement, test_id: &str) -> HtmlElement {
    root.query_selector(&format!("[data-testid={test_id}]"))
        .unwrap()
        .unwrap()
        .unchecked_into()
}

fn bar_values(root: &HtmlElement) -> Vec<i64> {
    let bars = root.query_selector_all("[data-testid=bar]").unwrap();
    (0..bars.length())
        .map(|i| {
            bars.item(i)
                .unwrap()
                .unchecked_into::<HtmlElement>()
                .dataset()
                .get("value")
                .unwrap()
                .parse()
                .unwrap()
        })
        .collect()
}

async fn click(root: &HtmlElement, test_id: &str) {
    find(root, test_id).click();
    leptos::task::tick().await;
}

#[wasm_bindgen_test]
async fn stepping_compares_then_swaps_the_bars() {
    let root = mount(vec![2, 1, 3]);
    assert_eq!(bar_values(&root), [2, 1, 3]);
    assert!(
        find(&root, "narration")
            .text_content()
            .unwrap()
            .starts_with("Start")
    );

    click(&root, "step").await;
    assert!(
        find(&root, "narration")
            .text_content()
            .unwrap()
            .contains("out of order")
    );
    assert_eq!(find(&root, "comparisons").text_content().unwrap(), "1");
    // The frame in words follows the step, for screen readers.
    assert_eq!(
        find(&root, "frame-text").text_content().unwrap(),
        "The array, 3 values: 2 (compared), 1 (compared), 3. Pointers: j at index 0."
    );
    let current = root
        .query_selector(".pseudocode li.current")
        .unwrap()
        .unwrap();
    assert!(
        current
            .text_content()
            .unwrap()
            .contains("if A[j] > A[j + 1]")
    );

    click(&root, "step").await;
    assert_eq!(bar_values(&root), [1, 2, 3]);
    assert_eq!(find(&root, "swaps").text_content().unwrap(), "1");
    let marks = root
        .query_selector_all("[data-testid=bar][data-mark=swapped]")
        .unwrap();
    assert_eq!(marks.length(), 2, "both swapped bars are marked");

    click(&root, "reset").await;
    assert_eq!(bar_values(&root), [2, 1, 3]);
    assert!(
        find(&root, "step-count")
            .text_content()
            .unwrap()
            .starts_with("Step 0 / ")
    );
}

#[wasm_bindgen_test]
async fn leaving_the_page_closes_its_run_in_the_engine() {
    let before = open_runs();
    let (root, handle) = mount_with_handle(vec![3, 2, 1]);
    assert_eq!(bar_values(&root), [3, 2, 1]);
    assert_eq!(open_runs(), before + 1);
    drop(handle);
    assert_eq!(open_runs(), before, "the run is closed with its page");
}

#[wasm_bindgen_test]
async fn an_input_past_the_limit_shows_the_reason() {
    let root = mount(vec![1; 2001]);
    let error = find(&root, "run-error").text_content().unwrap();
    assert_eq!(
        error,
        "2001 values is more than the 2000 this algorithm can step through"
    );
}

#[wasm_bindgen_test]
async fn the_step_button_is_disabled_at_the_end() {
    let root = mount(vec![1]);
    click(&root, "step").await;
    assert!(
        find(&root, "narration")
            .text_content()
            .unwrap()
            .starts_with("Done")
    );
    assert!(find(&root, "step").has_attribute("disabled"));
}

fn local_storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// Stored data this version cannot read is moved aside under `<key>.unreadable`, never dropped, and said
/// once; readable data comes back as written.
#[wasm_bindgen_test]
fn unreadable_stored_data_is_set_aside_and_said_once() {
    use app::storage;
    let store = local_storage();
    store.clear().unwrap();
    assert!(storage::save("test.value.v1", &vec![1, 2, 3]));
    assert_eq!(
        storage::load::<Vec<i32>>("test.value.v1", "numbers"),
        Some(vec![1, 2, 3])
    );

    let told = Rc::new(RefCell::new(Vec::<String>::new()));
    let sink = told.clone();
    storage::on_set_aside(Some(Box::new(move |message| {
        sink.borrow_mut().push(message)
    })));
    store
        .set_item("test.value.v1", "{\"an older shape\": true}")
        .unwrap();
    assert_eq!(storage::load::<Vec<i32>>("test.value.v1", "numbers"), None);
    assert_eq!(store.get_item("test.value.v1").unwrap(), None);
    assert_eq!(
        store
            .get_item("test.value.v1.unreadable")
            .unwrap()
            .as_deref(),
        Some("{\"an older shape\": true}")
    );
    // Read again: nothing left to set aside, nothing said twice.
    assert_eq!(storage::load::<Vec<i32>>("test.value.v1", "numbers"), None);
    storage::on_set_aside(None);
    assert_eq!(told.borrow().len(), 1, "{:?}", told.borrow());
    assert!(told.borrow()[0].contains("numbers"));
    store.clear().unwrap();
}

/// Places saved before sessions were synced (no server version) still read, as never saved there; one
/// saved by an unknown algorithm is skipped.
#[wasm_bindgen_test]
fn places_from_before_sessions_were_synced_still_read() {
    let store = local_storage();
    store.clear().unwrap();
    store
        .set_item(
            "algovista.sessions.v1",
            r#"[{"algorithm": "bubble-sort", "query": "values=2,1&step=1", "step": 1, "updated": 5.0},
                {"algorithm": "no-such-sort", "query": "", "step": 3, "updated": 4.0}]"#,
        )
        .unwrap();
    let places = app::sessions::recent();
    assert_eq!(places.len(), 1);
    assert_eq!(
        (
            places[0].algorithm.as_str(),
            places[0].step,
            places[0].version
        ),
        ("bubble-sort", 1, 0)
    );
    // Remembering a new place keeps the list readable and puts it first.
    app::sessions::remember("insertion-sort", "values=3,1,2&step=2", 2);
    let places = app::sessions::recent();
    assert_eq!(
        places
            .iter()
            .map(|p| p.algorithm.as_str())
            .collect::<Vec<_>>(),
        ["insertion-sort", "bubble-sort"]
    );
    store.clear().unwrap();
}

/// Events queued by a version that did not know quiz outcomes still read and are sent as they were.
#[wasm_bindgen_test]
fn an_outbox_from_an_older_version_still_reads() {
    use app::tracker::outbox::{Kind, Outbox};
    let store = local_storage();
    store.clear().unwrap();
    store
        .set_item(
            "algovista.outbox.v1",
            r#"{"events": [{"id": "e1", "kind": "run_finished", "algorithm": "bubble-sort", "at": "2026-11-20T10:00:00.000Z"}], "set_aside": []}"#,
        )
        .unwrap();
    let outbox: Outbox = app::storage::load("algovista.outbox.v1", "events").unwrap();
    assert_eq!(outbox.events.len(), 1);
    assert_eq!(
        (outbox.events[0].kind, outbox.events[0].correct),
        (Kind::RunFinished, None)
    );
    let sent = serde_json::to_value(&outbox.events[0]).unwrap();
    assert!(sent.get("correct").is_none(), "{sent}");
    store.clear().unwrap();
}

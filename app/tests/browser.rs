//! The visualizer component mounted in a real browser (headless Chromium via wasm-bindgen-test-runner).

use algorithms::{Input, catalogue};
use app::Visualizer;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

fn mount(input: Vec<i64>) -> HtmlElement {
    let root: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&root).unwrap();
    let entry = catalogue::find("bubble-sort").unwrap();
    let input = Input {
        values: input,
        ..Input::default()
    };
    leptos::mount::mount_to(
        root.clone(),
        move || view! { <Visualizer entry=entry input=input /> },
    )
    .forget();
    root
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

//! The tree renderer mounted in a real browser (headless Chromium via wasm-bindgen-test-runner): stepped
//! forward and jumped about, its drawing always shows exactly the frame, and a step writes only what
//! changed.
#![cfg(feature = "trees")]

use algorithms::kinds::tree::{KeyOrder, ScriptGenerator, TreeFrame};
use algorithms::{Input, Machine, Snapshot, catalogue};
use app::tree_view::{TreeStage, changes, place, tree_frame};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

fn all(selector: &str, root: &HtmlElement) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().unchecked_into())
        .collect()
}

/// Reads the drawing back, node by node, and compares it with the frame: the same nodes, each with its
/// key, place and mark, and one line per link, from the parent's place to the child's.
fn assert_draws(root: &HtmlElement, frame: &TreeFrame, step: usize) {
    let mut drawn: Vec<(u32, String, String, Option<String>)> = all("g.tree-node[data-id]", root)
        .iter()
        .filter(|g| g.closest("svg.tree").unwrap().is_some())
        .map(|g| {
            (
                g.get_attribute("data-id").unwrap().parse().unwrap(),
                g.text_content().unwrap(),
                g.get_attribute("transform").unwrap(),
                g.get_attribute("data-mark"),
            )
        })
        .collect();
    drawn.sort();
    let mut expected: Vec<(u32, String, String, Option<String>)> = frame
        .nodes
        .iter()
        .map(|node| {
            let (x, y) = place(node);
            let mark = frame
                .marks
                .iter()
                .find(|(id, _)| *id == node.id)
                .map(|&(_, mark)| format!("{mark:?}").to_lowercase());
            (
                node.id,
                node.key.to_string(),
                format!("translate({x} {y})"),
                mark,
            )
        })
        .collect();
    expected.sort();
    assert_eq!(drawn, expected, "step {step}");
    let mut lines: Vec<(u32, [String; 4])> = all("line.tree-link", root)
        .iter()
        .map(|line| {
            let at = |name: &str| line.get_attribute(name).unwrap();
            (
                at("data-child").parse().unwrap(),
                [at("x1"), at("y1"), at("x2"), at("y2")],
            )
        })
        .collect();
    lines.sort();
    let mut links: Vec<(u32, [String; 4])> = frame
        .nodes
        .iter()
        .flat_map(|parent| {
            [parent.left, parent.right]
                .into_iter()
                .flatten()
                .map(move |child| (parent, child))
        })
        .map(|(parent, child)| {
            let ((x1, y1), (x2, y2)) = (place(parent), place(frame.node(child).unwrap()));
            (child, [x1, y1, x2, y2].map(|v| v.to_string()))
        })
        .collect();
    links.sort();
    assert_eq!(lines, links, "step {step}");
}

#[wasm_bindgen_test]
async fn the_drawing_follows_every_step_and_every_jump_writing_only_what_changed() {
    let entry = catalogue::find("bst").unwrap();
    let script = ScriptGenerator {
        keys: 20,
        order: KeyOrder::Random,
        mixed: true,
        seed: 7,
    }
    .script()
    .unwrap();
    let snapshots: Vec<Snapshot> = entry.start(Input::tree(script)).unwrap().steps().collect();
    let at = RwSignal::new(0usize);
    let all_snapshots = snapshots.clone();
    let snapshot = Memo::new(move |_| all_snapshots[at.get()].clone());
    let root: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&root).unwrap();
    let card = catalogue::card("bst").unwrap();
    let handle = leptos::mount::mount_to(
        root.clone(),
        move || view! { <TreeStage snapshot=snapshot legend=Some(card.legend) /> },
    );
    let svg = root.query_selector("svg.tree").unwrap().unwrap();
    let frame = |step: usize| tree_frame(&snapshots[step]).unwrap();
    // Forward, one step at a time: each step writes what `changes` lists, no more.
    let mut touched = Vec::new();
    for step in 0..snapshots.len() {
        at.set(step);
        leptos::task::tick().await;
        assert_draws(&root, frame(step), step);
        if step > 0 {
            let written: usize = svg.get_attribute("data-touched").unwrap().parse().unwrap();
            assert_eq!(written, changes(frame(step - 1), frame(step)).len());
            touched.push(written);
        }
    }
    // Most steps of a 20-key tree touch one or two elements.
    touched.sort_unstable();
    assert!(touched[touched.len() / 2] <= 2, "{touched:?}");
    // Jumps, as a seek makes them: back to the start, to the middle, to the end.
    for step in [0, snapshots.len() / 2, 3, snapshots.len() - 1] {
        at.set(step);
        leptos::task::tick().await;
        assert_draws(&root, frame(step), step);
    }
    // The legend names the marks the card's legend names, and the frame reads aloud.
    let legend = root
        .query_selector("[data-testid=legend]")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    for key in card.legend {
        assert!(legend.contains(key.words), "{legend}");
    }
    let text = root
        .query_selector("[data-testid=frame-text]")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert_eq!(text, frame(snapshots.len() - 1).describe());
    drop(handle);
}

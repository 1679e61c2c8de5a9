//! The visualizer page's module: `/algorithms/<id>`.
use wasm_bindgen::prelude::wasm_bindgen;

fn main() {}

#[wasm_bindgen]
pub fn mount() {
    app::mount(app::visualizer_page);
}

#[wasm_bindgen]
pub fn unmount() {
    app::unmount();
}

//! The catalogue page's module: `/` and unknown paths.
use wasm_bindgen::prelude::wasm_bindgen;

fn main() {}

#[wasm_bindgen]
pub fn mount() {
    app::mount(app::catalogue_page);
}

#[wasm_bindgen]
pub fn unmount() {
    app::unmount();
}

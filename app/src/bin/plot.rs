//! The plot page's module: `/plot`.
use leptos::prelude::*;
use wasm_bindgen::prelude::wasm_bindgen;

fn main() {}

#[wasm_bindgen]
pub fn mount() {
    app::mount(|_| view! { <app::PlotPage /> }.into_any());
}

#[wasm_bindgen]
pub fn unmount() {
    app::unmount();
}

//! The race page's module: `/race`.
use leptos::prelude::*;
use wasm_bindgen::prelude::wasm_bindgen;

fn main() {}

#[wasm_bindgen]
pub fn mount() {
    app::mount(|_| view! { <app::RacePage /> }.into_any());
}

#[wasm_bindgen]
pub fn unmount() {
    app::unmount();
}

//! The AlgoVista web app. Components live here, not in `main.rs`, so browser tests can mount them.

mod visualizer;

use leptos::prelude::*;

pub use visualizer::Visualizer;

/// The input the page opens with until the input editor exists.
const SAMPLE_INPUT: [i64; 10] = [38, 27, 43, 3, 9, 82, 10, 55, 21, 64];

#[component]
pub fn App() -> impl IntoView {
    view! {
        <header class="site-header">
            <h1>"AlgoVista"</h1>
        </header>
        <main>
            <Visualizer input=SAMPLE_INPUT.to_vec() />
        </main>
    }
}

//! The AlgoVista web app. Components live here, not in `main.rs`, so browser tests can mount them.

mod visualizer;

use algorithms::Input;
use algorithms::catalogue;
use leptos::prelude::*;

pub use visualizer::Visualizer;

/// The input the page opens with until the input editor exists.
const SAMPLE_INPUT: [i64; 10] = [38, 27, 43, 3, 9, 82, 10, 55, 21, 64];

#[component]
pub fn App() -> impl IntoView {
    let entry = catalogue::find("bubble-sort").expect("bubble sort is in the catalogue");
    view! {
        <header class="site-header">
            <h1>"AlgoVista"</h1>
        </header>
        <main>
            <Visualizer entry=entry input=Input { values: SAMPLE_INPUT.to_vec(), ..Input::default() } />
        </main>
    }
}

//! The AlgoVista web app. Components live here, not in `main.rs`, so browser tests can mount them.
//!
//! Routes: `/` is the catalogue, `/algorithms/<id>` one algorithm's visualizer; the query string holds the
//! input, step and speed (`url_state`), so a link reproduces the exact view.

mod array_view;
mod catalogue_page;
mod export;
mod input_editor;
mod playback;
mod plot;
mod race;
pub mod router;
mod sessions;
mod theme;
pub mod url_state;
mod visualizer;

use leptos::prelude::*;

use router::{Link, provide_location};

pub use catalogue_page::CataloguePage;
pub use playback::Playback;
pub use visualizer::{Visualizer, VisualizerPage};

#[component]
pub fn App() -> impl IntoView {
    let location = provide_location();
    let page = move || {
        let path = location.path.get();
        match path.trim_end_matches('/').strip_prefix("/algorithms/") {
            _ if path == "/" || path.is_empty() => view! { <CataloguePage /> }.into_any(),
            _ if path.trim_end_matches('/') == "/race" => view! { <race::RacePage /> }.into_any(),
            _ if path.trim_end_matches('/') == "/plot" => view! { <plot::PlotPage /> }.into_any(),
            Some(id) if !id.contains('/') => {
                view! { <VisualizerPage id=id.to_owned() /> }.into_any()
            }
            _ => view! { <NotFound /> }.into_any(),
        }
    };
    view! {
        <header class="site-header">
            <span class="brand"><Link href="/".to_owned()>"AlgoVista"</Link></span>
            <nav class="site-nav" aria-label="Pages">
                <Link href="/".to_owned()>"Algorithms"</Link>
                <Link href="/race".to_owned()>"Race"</Link>
                <Link href="/plot".to_owned()>"Plot"</Link>
            </nav>
            <theme::ThemeToggle />
        </header>
        <main>{page}</main>
    }
}

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <section class="not-found" data-testid="not-found">
            <h1>"Nothing here"</h1>
            <p>"This page does not exist. " <Link href="/".to_owned()>"See every algorithm"</Link> "."</p>
        </section>
    }
}

/// What a page ignored of the link it was opened with, if anything.
#[component]
pub fn LinkProblems(problems: Vec<String>) -> impl IntoView {
    (!problems.is_empty()).then(|| {
        view! {
            <p class="notice" role="status" data-testid="link-problems">
                "Parts of this link were ignored: " {problems.join("; ")} "."
            </p>
        }
    })
}

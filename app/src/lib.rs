//! The AlgoVista web app. Components live here, not in `main.rs`, so browser tests can mount them.
//!
//! Routes: `/` is the catalogue, `/algorithms/<id>` one algorithm's visualizer; the query string holds the
//! input, step and speed (`url_state`), so a link reproduces the exact view.

mod catalogue_page;
mod input_editor;
mod theme;
pub mod url_state;
mod visualizer;

use leptos::prelude::*;
use leptos_router::components::{A, Route, Router, Routes};
use leptos_router::path;

pub use catalogue_page::CataloguePage;
pub use visualizer::{Visualizer, VisualizerPage};

#[component]
pub fn App() -> impl IntoView {
    view! {
        <Router>
            <header class="site-header">
                <A href="/" attr:class="brand">"AlgoVista"</A>
                <theme::ThemeToggle />
            </header>
            <main>
                <Routes fallback=|| view! { <NotFound /> }>
                    <Route path=path!("/") view=CataloguePage />
                    <Route path=path!("/algorithms/:id") view=VisualizerPage />
                </Routes>
            </main>
        </Router>
    }
}

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <section class="not-found" data-testid="not-found">
            <h1>"Nothing here"</h1>
            <p>"This page does not exist. " <A href="/">"See every algorithm"</A> "."</p>
        </section>
    }
}

//! The AlgoVista web app. Components live here, not in the binaries, so browser tests can mount them.
//!
//! Each page is its own WebAssembly module (`src/bin/`: the catalogue at `/` and unknown paths, the
//! visualizer at `/algorithms/<id>`, `/race`, `/plot`), which links only that page's components; the page
//! loader in `index.html` picks the module by path and swaps modules when a link leads to another page, so
//! moving between pages never reloads the document. Algorithms run in the engine of their family
//! (`engines`), loaded by the pages that run them. The `graphs` and `grids` features add those families'
//! types, renderers and editors: the array pages (visualizer, quiz, race) are built with neither and link
//! none of that code; the graph visualizer and race (`page-graph`, `page-graph-race`: the same pages) with
//! `graphs` alone, the grid ones (`page-grid`, `page-grid-race`) with `grids` alone, and the pages that list
//! every family with both. The query string holds the input, step and speed
//! (`url_state`), so a link reproduces the exact view.

#[cfg(feature = "arrays")]
mod array_view;
mod catalogue_page;
mod decimal;
#[cfg(any(feature = "graphs", feature = "trees"))]
mod dom;
#[cfg(any(feature = "graphs", feature = "grids"))]
pub mod editor_module;
pub mod engines;
mod export;
#[cfg(feature = "graphs")]
mod graph_editor;
#[cfg(feature = "graphs")]
mod graph_view;
#[cfg(feature = "grids")]
mod grid_editor;
#[cfg(feature = "grids")]
mod grid_view;
mod input_editor;
pub mod kind;
mod playback;
pub mod plot;
mod progress_page;
mod quiz;
pub mod race;
pub mod router;
pub mod sessions;
pub mod stage;
pub mod storage;
mod theme;
pub mod tracker;
#[cfg(feature = "trees")]
pub mod tree_kind;
#[cfg(feature = "trees")]
pub mod tree_view;
pub mod url_state;
mod visualizer;

use std::cell::RefCell;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use router::{Link, provide_location};

pub use catalogue_page::CataloguePage;
pub use playback::Playback;
pub use plot::PlotPage;
pub use race::RacePage;
pub use visualizer::{StageFn, Visualizer};

/// Spawns `task`, which stops at its next wake once `alive()` is false. A request's reply can arrive after
/// its page module was unmounted (a link, or Back, while it was in flight); it is then dropped rather than
/// written into the page's disposed signals, which would panic.
pub(crate) fn spawn_while(
    alive: impl Fn() -> bool + 'static,
    task: impl std::future::Future<Output = ()> + 'static,
) {
    let mut task = Box::pin(task);
    leptos::task::spawn_local(std::future::poll_fn(move |cx| {
        if alive() {
            task.as_mut().poll(cx)
        } else {
            std::task::Poll::Ready(())
        }
    }));
}

/// What a page module renders for a path it owns.
pub type Render = fn(&str) -> AnyView;

thread_local! {
    static MOUNTED: RefCell<Option<Box<dyn std::any::Any>>> = const { RefCell::new(None) };
}

/// Mounts the app with this module's page into `<body>`; the page loader calls it through the module's
/// `mount` export (`navigated`: the learner arrived by a link or Back, not by opening the address), and
/// [`unmount`] when another page's module takes over.
pub fn mount(render: Render, navigated: bool) {
    console_error_panic_hook::set_once();
    let handle = leptos::mount::mount_to(document().body().expect("a body"), move || {
        view! { <App render=render navigated=navigated /> }
    });
    MOUNTED.with_borrow_mut(|mounted| *mounted = Some(Box::new(handle)));
}

/// Removes the page and disposes everything it owns (listeners, timers, engine runs).
pub fn unmount() {
    let handle = MOUNTED.with_borrow_mut(Option::take);
    drop(handle);
}

/// Declares a page module's exports for the loader: `mount`, rendering with `render`, and `unmount`.
#[macro_export]
macro_rules! page_module {
    ($render:path) => {
        fn main() {}

        #[::wasm_bindgen::prelude::wasm_bindgen]
        pub fn mount(navigated: bool) {
            $crate::mount($render, navigated);
        }

        #[::wasm_bindgen::prelude::wasm_bindgen]
        pub fn unmount() {
            $crate::unmount();
        }
    };
}

/// The catalogue module's page: `/`, and anything no page owns.
pub fn catalogue_page(path: &str) -> AnyView {
    if path == "/" || path.is_empty() {
        view! { <CataloguePage /> }.into_any()
    } else {
        view! { <NotFound /> }.into_any()
    }
}

/// The algorithm a path names: `/algorithms/<id>` (`Some((id, false))`) or its quiz,
/// `/algorithms/<id>/quiz` (`Some((id, true))`).
fn algorithm_path(path: &str) -> Option<(&str, bool)> {
    let rest = path.trim_end_matches('/').strip_prefix("/algorithms/")?;
    let (id, quiz) = match rest.strip_suffix("/quiz") {
        Some(id) => (id, true),
        None => (rest, false),
    };
    (!id.is_empty() && !id.contains('/')).then_some((id, quiz))
}

/// The visualizer module's page (and the graph and grid modules'): `/algorithms/<id>`.
pub fn visualizer_page(path: &str) -> AnyView {
    match algorithm_path(path) {
        Some((id, false)) => {
            visualizer::visualizer_page::<kind::ListGraphGrid>(id, None, Some(export::export_bar))
        }
        _ => view! { <NotFound /> }.into_any(),
    }
}

/// The quiz module's page: `/algorithms/<id>/quiz`, the visualizer with the prediction quiz.
pub fn quiz_page(path: &str) -> AnyView {
    match algorithm_path(path) {
        Some((id, true)) => {
            visualizer::visualizer_page::<kind::ListGraphGrid>(id, Some(quiz::quiz_panel), None)
        }
        _ => view! { <NotFound /> }.into_any(),
    }
}

/// The tree kind's page module: `/algorithms/<id>` for a tree entry.
#[cfg(feature = "trees")]
pub fn tree_page(path: &str) -> AnyView {
    match algorithm_path(path) {
        Some((id, false)) => {
            visualizer::visualizer_page::<tree_kind::Trees>(id, None, Some(export::export_bar))
        }
        _ => view! { <NotFound /> }.into_any(),
    }
}

/// The tree kind's quiz module: `/algorithms/<id>/quiz` for a tree entry (a module of its own, as the
/// array quiz is, so the tree page carries no quiz).
#[cfg(feature = "trees")]
pub fn tree_quiz_page(path: &str) -> AnyView {
    match algorithm_path(path) {
        Some((id, true)) => {
            visualizer::visualizer_page::<tree_kind::Trees>(id, Some(quiz::quiz_panel), None)
        }
        _ => view! { <NotFound /> }.into_any(),
    }
}

/// The race module's page: `/race`.
pub fn race_page(_: &str) -> AnyView {
    view! { <RacePage /> }.into_any()
}

/// The progress module's page: `/progress`.
pub fn progress_page(_: &str) -> AnyView {
    view! { <progress_page::ProgressPage /> }.into_any()
}

/// The plot module's page: `/plot`.
pub fn plot_page(_: &str) -> AnyView {
    view! { <PlotPage /> }.into_any()
}

#[component]
pub fn App(render: Render, #[prop(optional)] navigated: bool) -> impl IntoView {
    let location = provide_location();
    // A path of another page's module shows nothing here: the loader is about to swap modules.
    let page = move || {
        let path = location.path.get();
        // The query can decide the module (a race of graph algorithms), but a page re-renders on a new
        // path only: pages keep their own query in step with their state.
        let search = location.search.get_untracked();
        router::owns(&format!("{path}{search}")).then(|| render(&path))
    };
    // Each page is announced by its heading: the document title names it, and after a link or Back focus
    // moves to it, so a screen reader reads the new page and Tab continues from its top. Opening an
    // address leaves focus at the start of the document, where the skip link is.
    Effect::new(move |previous: Option<()>| {
        location.path.track();
        let move_focus = navigated || previous.is_some();
        request_animation_frame(move || announce_page(move_focus));
    });
    let skip = move |event: leptos::ev::MouseEvent| {
        event.prevent_default();
        if let Some(main) = document().get_element_by_id("content") {
            let _ = main.unchecked_into::<web_sys::HtmlElement>().focus();
        }
    };
    tracker::Tracker::provide();
    view! {
        <a class="skip-link" href="#content" on:click=skip>"Skip to content"</a>
        <header class="site-header">
            <span class="brand"><Link href="/".to_owned()>"AlgoVista"</Link></span>
            <nav class="site-nav" aria-label="Pages">
                <Link href="/".to_owned()>"Algorithms"</Link>
                <Link href="/race".to_owned()>"Race"</Link>
                <Link href="/plot".to_owned()>"Plot"</Link>
                <Link href="/progress".to_owned()>"Progress"</Link>
            </nav>
            <tracker::TrackerBadge />
            <theme::ThemeToggle />
        </header>
        <tracker::TrackerNotices />
        <main id="content" tabindex="-1">{page}</main>
    }
}

/// Names the document after the page's heading and, if `move_focus`, puts focus on that heading.
fn announce_page(move_focus: bool) {
    let Some(heading) = document().query_selector("main h1").ok().flatten() else {
        return;
    };
    let name = heading.text_content().unwrap_or_default();
    document().set_title(&format!("{} — AlgoVista", name.trim()));
    if move_focus {
        let _ = heading.set_attribute("tabindex", "-1");
        let _ = heading.unchecked_into::<web_sys::HtmlElement>().focus();
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

/// A word with its first letter in capitals, for the frame descriptions' sentences (state names, all
/// ASCII: Unicode's case tables would cost several KB of every graph and grid page).
#[cfg(any(feature = "graphs", feature = "grids"))]
fn capitalised(word: &str) -> String {
    let mut word = word.to_owned();
    if let Some(first) = word.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    word
}

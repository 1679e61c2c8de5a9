//! Client-side navigation: the path picks the page, the query holds the view's state. A handful of routes
//! do not need a router crate's size in the shipped wasm; this is the History API and one signal per part.
//! Each page is its own module: a link to a path this module does not own goes through the page loader,
//! which swaps modules without reloading the document.

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::wasm_bindgen;

#[wasm_bindgen(inline_js = r#"
export function loader_owns(url) {
  const loader = globalThis.__algovista;
  return loader ? loader.owns(url) : true;
}
export function loader_go(url, replace) {
  globalThis.__algovista.go(url, replace);
}
"#)]
extern "C" {
    fn loader_owns(url: &str) -> bool;
    fn loader_go(url: &str, replace: bool);
}

/// Whether this page module renders `url`, a path with its query (which can decide: a race of graph
/// algorithms is the graph module's). Always, without a loader: tests mount pages directly.
pub fn owns(url: &str) -> bool {
    loader_owns(url)
}

/// The current address, as signals: pages re-render when the path changes, not when only the query does.
#[derive(Clone, Copy)]
pub struct Location {
    pub path: RwSignal<String>,
    pub search: RwSignal<String>,
}

fn read_location() -> (String, String) {
    let location = window().location();
    (
        location.pathname().unwrap_or_else(|_| "/".to_owned()),
        location.search().unwrap_or_default(),
    )
}

/// Creates the location, follows Back and Forward, and makes it available to [`use_location`].
pub fn provide_location() -> Location {
    let (path, search) = read_location();
    let location = Location {
        path: RwSignal::new(path),
        search: RwSignal::new(search),
    };
    let handle = window_event_listener(ev::popstate, move |_| {
        let (path, search) = read_location();
        location.search.set(search);
        if location.path.get_untracked() != path {
            location.path.set(path);
        }
    });
    on_cleanup(move || handle.remove());
    provide_context(location);
    location
}

pub fn use_location() -> Location {
    expect_context::<Location>()
}

/// Goes to `url` (a path with an optional query), adding a history entry or replacing the current one.
/// `location` is [`use_location`]'s, taken while rendering: event handlers run outside any owner.
pub fn navigate(location: Location, url: &str, replace: bool) {
    // Replacing keeps this page's address current; once a link has left for another page's module (which
    // may still be loading), this page must not write its address back.
    let (here, here_search) = read_location();
    if replace && !owns(&format!("{here}{here_search}")) {
        return;
    }
    if !owns(url) {
        loader_go(url, replace);
        return;
    }
    let Ok(history) = window().history() else {
        return;
    };
    let _ = if replace {
        history.replace_state_with_url(&JsValue::NULL, "", Some(url))
    } else {
        history.push_state_with_url(&JsValue::NULL, "", Some(url))
    };
    let (path, search) = read_location();
    location.search.set(search);
    if location.path.get_untracked() != path {
        location.path.set(path);
        if !replace {
            window().scroll_to_with_x_and_y(0.0, 0.0);
        }
    }
}

/// A query parameter of `search` (`?a=1&b=2`), decoded.
pub fn query_param(search: &str, key: &str) -> Option<String> {
    web_sys::UrlSearchParams::new_with_str(search)
        .ok()?
        .get(key)
}

/// An in-app link: a plain left click navigates without reloading; other clicks (new tab…) stay native.
#[component]
pub fn Link(href: String, children: Children) -> impl IntoView {
    let target = href.clone();
    let location = use_location();
    view! {
        <a
            href=href
            on:click=move |event| {
                let plain = event.button() == 0 && !event.ctrl_key() && !event.meta_key()
                    && !event.shift_key() && !event.alt_key();
                if plain {
                    event.prevent_default();
                    navigate(location, &target, false);
                }
            }
        >
            {children()}
        </a>
    }
}

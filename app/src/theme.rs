//! Light and dark themes: the system's preference until the learner picks one, which is remembered.

use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;

const KEY: &str = "algovista.theme";

#[derive(Clone, Copy, PartialEq, Eq)]
enum Theme {
    Light,
    Dark,
}

impl Theme {
    fn name(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

fn system_prefers_dark() -> bool {
    window()
        .match_media("(prefers-color-scheme: dark)")
        .ok()
        .flatten()
        .is_some_and(|query| query.matches())
}

fn initial() -> Theme {
    // Stored data from any older version that is not one of the names is ignored, not an error.
    match LocalStorage::get::<String>(KEY).ok().as_deref() {
        Some("dark") => Theme::Dark,
        Some("light") => Theme::Light,
        _ if system_prefers_dark() => Theme::Dark,
        _ => Theme::Light,
    }
}

/// Fired on `window` whenever the theme is set, so canvases repaint in its colours.
pub const THEME_EVENT: &str = "algovista-theme";

#[component]
pub fn ThemeToggle() -> impl IntoView {
    let theme = RwSignal::new(initial());
    Effect::new(move |_| {
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-theme", theme.get().name());
        }
        // Canvases read their colours from the stylesheet: tell them to repaint.
        if let Ok(event) = web_sys::Event::new(THEME_EVENT) {
            let _ = window().dispatch_event(&event);
        }
    });
    let toggle = move |_| {
        let next = match theme.get_untracked() {
            Theme::Light => Theme::Dark,
            Theme::Dark => Theme::Light,
        };
        let _ = LocalStorage::set(KEY, next.name());
        theme.set(next);
    };
    view! {
        <button
            class="theme-toggle"
            data-testid="theme-toggle"
            on:click=toggle
            aria-label=move || match theme.get() {
                Theme::Light => "Switch to the dark theme",
                Theme::Dark => "Switch to the light theme",
            }
        >
            {move || match theme.get() {
                Theme::Light => "☾ Dark",
                Theme::Dark => "☀ Light",
            }}
        </button>
    }
}

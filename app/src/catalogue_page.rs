//! The home page: every algorithm of the catalogue as a card, with search and category filters.

use algorithms::catalogue::{self, CARDS, Card, Category};
use leptos::prelude::*;

use crate::router::{Link, navigate, query_param, use_location};

/// The query and the category chip live in the address (`/?q=mst&category=spanning_trees`), so a search
/// can be shared, reloaded and gone back to.
fn address(query: &str, category: Option<Category>) -> String {
    let Ok(params) = web_sys::UrlSearchParams::new() else {
        return "/".to_owned();
    };
    if !query.trim().is_empty() {
        params.append("q", query.trim());
    }
    if let Some(category) = category {
        params.append("category", category.id());
    }
    let search: String = params.to_string().into();
    if search.is_empty() {
        "/".to_owned()
    } else {
        format!("/?{search}")
    }
}

#[component]
pub fn CataloguePage() -> impl IntoView {
    let location = use_location();
    let search = location.search.get_untracked();
    let query = RwSignal::new(query_param(&search, "q").unwrap_or_default());
    let category =
        RwSignal::new(query_param(&search, "category").and_then(|id| Category::from_id(&id)));
    let visible = move |entry: &Card| {
        category.with(|c| c.is_none_or(|c| entry.category == c))
            && query.with(|q| catalogue::matches(entry, q))
    };
    let count = move || CARDS.iter().filter(|e| visible(e)).count();
    Effect::new(move |_| {
        let url = address(&query.get(), category.get());
        let here = location.search.get_untracked();
        if url.trim_start_matches('/') != here {
            navigate(location, &url, true);
        }
    });

    let filter_button = move |choice: Option<Category>| {
        let label = choice.map_or("All", Category::name);
        view! {
            <button
                class="chip"
                data-testid=format!("filter-{}", choice.map_or("all", Category::id))
                aria-pressed=move || (category.get() == choice).to_string()
                on:click=move |_| category.set(choice)
            >
                {label}
            </button>
        }
    };

    let resume = crate::sessions::recent();
    let cards = CARDS
        .iter()
        .map(|entry| {
            let entry: &'static Card = entry;
            // A saved place on this device: the card offers it beside the fresh start.
            let place = resume
                .iter()
                .find(|s| s.algorithm == entry.id)
                .map(|s| (format!("/algorithms/{}?{}", entry.id, s.query), s.step))
                .map(|(href, step)| {
                    view! {
                        <Link href=href>
                            <span class="card-continue" data-testid="card-continue">"Continue at step " {step}</span>
                        </Link>
                    }
                });
            view! {
                <li class="card" data-testid="card" data-id=entry.id hidden=move || !visible(entry)>
                    <Link href=format!("/algorithms/{}", entry.id)>
                        <h2>{entry.name}</h2>
                    </Link>
                    <p class="card-category">{entry.category.name()}</p>
                    <p>{entry.summary}</p>
                    <p class="card-complexity" data-testid="card-complexity">
                        "best " {entry.complexity.best} " · average " {entry.complexity.average}
                        " · worst " {entry.complexity.worst}
                    </p>
                    {place}
                </li>
            }
        })
        .collect_view();

    let continue_strip = (!resume.is_empty()).then(|| {
        let links = resume
            .into_iter()
            .take(4)
            .filter_map(|s| {
                let entry = catalogue::card(&s.algorithm)?;
                Some(view! {
                    <li data-testid="continue" data-id=entry.id>
                        <Link href=format!("/algorithms/{}?{}", entry.id, s.query)>
                            <strong>{entry.name}</strong> " · step " {s.step}
                        </Link>
                    </li>
                })
            })
            .collect_view();
        view! {
            <section class="continue" aria-labelledby="continue-title">
                <h2 id="continue-title">"Continue where you left off"</h2>
                <ul>{links}</ul>
            </section>
        }
    });

    view! {
        <section class="catalogue" aria-labelledby="catalogue-title">
            <h1 id="catalogue-title">"Algorithms"</h1>
            <p class="lede">
                "Pick an algorithm, give it an input, and step through its run: the data, the pseudocode line, "
                "what just happened, and what it cost."
            </p>
            {continue_strip}
            <div class="catalogue-filters">
                <input
                    type="search"
                    data-testid="search"
                    placeholder="Search algorithms"
                    aria-label="Search algorithms"
                    prop:value=move || query.get()
                    on:input=move |e| query.set(event_target_value(&e))
                />
                <div class="chips" role="group" aria-label="Category">
                    {filter_button(None)}
                    {Category::listed().map(|c| filter_button(Some(c))).collect_view()}
                </div>
            </div>
            <p class="result-count" data-testid="result-count" aria-live="polite">
                {move || match count() {
                    0 => "No algorithm matches.".to_owned(),
                    n => algorithms::plural(n, "algorithm", "algorithms"),
                }}
            </p>
            <ul class="cards">{cards}</ul>
        </section>
    }
}

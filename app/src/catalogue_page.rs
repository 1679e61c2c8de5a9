//! The home page: every algorithm of the catalogue as a card, with search and category filters.

use algorithms::catalogue::{self, CARDS, Card, Category};
use leptos::prelude::*;

use crate::router::Link;

/// Case-insensitive for ASCII letters, the only letters the cards use (Unicode's case tables would cost
/// several KB of the page).
fn matches(entry: &Card, query: &str, category: Option<Category>) -> bool {
    let query = query.trim().to_ascii_lowercase();
    category.is_none_or(|c| entry.category == c)
        && (query.is_empty()
            || [entry.name, entry.id, entry.summary, entry.category.name()]
                .iter()
                .any(|text| text.to_ascii_lowercase().contains(&query)))
}

#[component]
pub fn CataloguePage() -> impl IntoView {
    let query = RwSignal::new(String::new());
    let category = RwSignal::new(None::<Category>);
    let visible = move |entry: &Card| query.with(|q| matches(entry, q, category.get()));
    let count = move || CARDS.iter().filter(|e| visible(e)).count();

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
                    <p class="card-complexity">
                        <span title="average time">{entry.complexity.average}</span>
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

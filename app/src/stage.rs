//! The one place a frame kind picks its renderer: the visualizer and the race draw every run through
//! [`stage`]. A page module has the renderers of the features it is built with (`arrays`, `graphs`,
//! `grids`) and no other: the page loader never sends it another kind's algorithm (the message covers a
//! wrong link to the module itself).

#[cfg(any(feature = "arrays", feature = "graphs", feature = "grids"))]
use algorithms::FrameKind;
use algorithms::catalogue::{self, Card};
use algorithms::{Input, Snapshot};
use leptos::prelude::*;

/// The cards of the algorithms this page module draws, in catalogue order. The pages that run algorithms
/// (visualizer, quiz, race) look cards up here rather than in every card, so a graph page links the graph
/// families' cards and no sorting card's words.
pub fn drawn_cards() -> impl Iterator<Item = &'static Card> {
    static FAMILIES: &[&[&Card]] = &[
        #[cfg(feature = "arrays")]
        catalogue::SORTING_CARDS,
        #[cfg(feature = "arrays")]
        catalogue::SEARCHING_CARDS,
        #[cfg(feature = "graphs")]
        catalogue::TRAVERSAL_CARDS,
        #[cfg(feature = "graphs")]
        catalogue::CONNECTIVITY_CARDS,
        #[cfg(feature = "graphs")]
        catalogue::PATHS_CARDS,
        #[cfg(feature = "graphs")]
        catalogue::TREES_CARDS,
        #[cfg(feature = "grids")]
        catalogue::GRIDS_CARDS,
        #[cfg(feature = "trees")]
        catalogue::SEARCH_TREES_CARDS,
    ];
    FAMILIES.iter().flat_map(|cards| cards.iter().copied())
}

/// The card of `id` if this page module draws it.
pub fn drawn_card(id: &str) -> Option<&'static Card> {
    drawn_cards().find(|card| card.id == id)
}

/// The run's drawing: `input` fixes what does not change across steps (the bars' scale, the graph, the grid).
// A page module of the tree kind alone draws none of these kinds (the loader never sends it such an entry).
#[cfg_attr(
    not(any(feature = "arrays", feature = "graphs", feature = "grids")),
    allow(unused_variables)
)]
pub fn stage(
    card: &'static Card,
    snapshot: Memo<Snapshot>,
    input: &Input,
    legend: bool,
) -> AnyView {
    // The card's legend: the states this algorithm's frames show, in its words.
    let legend = legend.then_some(card.legend);
    match card.frame {
        #[cfg(feature = "arrays")]
        FrameKind::Array => {
            view! { <crate::array_view::ArrayStage snapshot=snapshot values=input.values.clone() legend=legend /> }
                .into_any()
        }
        #[cfg(feature = "graphs")]
        FrameKind::Graph => match &input.graph {
            Some(graph) => {
                // Only an algorithm that starts somewhere (and stops at a goal) has its start (and
                // goal) ringed: Kruskal's has none to show.
                let roles = card
                    .input
                    .graph
                    .map_or((false, false), |r| (r.needs_start, r.needs_start && r.uses_goal));
                let grouped = card.legend.iter().any(|key| key.shown == algorithms::Shown::Group);
                view! { <crate::graph_view::GraphStage snapshot=snapshot graph=graph.clone() legend=legend roles=roles grouped=grouped /> }
                    .into_any()
            }
            None => missing(card),
        },
        #[cfg(feature = "grids")]
        FrameKind::Grid => match &input.grid {
            Some(grid) => {
                view! { <crate::grid_view::GridStage snapshot=snapshot grid=grid.clone() legend=legend /> }
                    .into_any()
            }
            None => missing(card),
        },
        #[allow(unreachable_patterns)] // with every feature
        _ => missing(card),
    }
}

fn missing(card: &Card) -> AnyView {
    view! {
        <p class="error" role="alert" data-testid="run-error">
            {format!("This page cannot draw {}'s frames.", card.name)}
        </p>
    }
    .into_any()
}

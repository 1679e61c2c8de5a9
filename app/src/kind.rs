//! What a page needs of a kind of input and frame, as one trait: the pages (the visualizer and its quiz)
//! are written once over [`Kind`] and each page module instantiates them for its one kind, so it links
//! that kind's renderer and editor and no other's.
//!
//! The tree kind (`tree_kind`) is the first written this way. The array, graph and grid kinds still share
//! one source type and pick their renderer and editor by cargo feature; [`ListGraphGrid`] puts that shape
//! behind the trait until each of them has a module of its own.

use algorithms::catalogue::Card;
use algorithms::{Input, Snapshot};
use leptos::prelude::*;

use crate::url_state::Field;

/// A kind of input and frame, as the pages use it.
pub trait Kind: 'static {
    /// Where a run's input comes from, as the editor and the address bar hold it (typed text or a
    /// generator's settings), so a link reproduces what the learner chose rather than only its result.
    type Source: Clone + std::fmt::Debug + PartialEq + Send + Sync + 'static;

    /// The cards of the entries whose pages this kind draws, in catalogue order.
    fn cards() -> impl Iterator<Item = &'static Card>;

    /// The card of `id` if this kind draws it.
    fn card(id: &str) -> Option<&'static Card> {
        Self::cards().find(|card| card.id == id)
    }

    /// The input a new visitor sees: small enough to follow, random enough to be interesting.
    fn default_for(entry: &Card) -> Self::Source;

    /// The source that reproduces `input` exactly (a resumed session's, an imported trace's).
    fn of(input: &Input) -> Self::Source;

    /// The input, if `entry` accepts it for stepping; otherwise which field is wrong and why.
    fn input(entry: &Card, source: &Self::Source) -> Result<Input, (Field, String)>;

    /// The source a link names (`get` reads its query); what is missing or unreadable falls back to the
    /// default, and `problems` says what was ignored.
    fn read_query(
        entry: &Card,
        get: &dyn Fn(&str) -> Option<String>,
        problems: &mut Vec<String>,
    ) -> Self::Source;

    /// The source's pairs in a link, which [`Kind::read_query`] reads back.
    fn write_query(source: &Self::Source, pairs: &mut Vec<(String, String)>);

    /// The run's drawing at `snapshot`; `input` fixes what does not change across steps.
    fn stage(
        entry: &'static Card,
        snapshot: Memo<Snapshot>,
        input: &Input,
        legend: bool,
    ) -> AnyView;

    /// The editor: the input on screen in a line, and the controls that change it, which start from
    /// `source` as it is when they open and run what they apply through `on_apply`.
    fn editor(
        entry: &'static Card,
        source: Signal<Self::Source>,
        on_apply: Callback<Self::Source>,
    ) -> AnyView;

    /// Whether the quiz asks about this entry's steps.
    fn has_quiz(entry: &Card) -> bool;

    /// Whether a race of this entry has a page.
    const RACES: bool;
}

/// The array, graph and grid kinds as they are today: one [`crate::url_state::Source`] for all three,
/// and the renderer and editor of the features the page module is built with.
pub struct ListGraphGrid;

impl Kind for ListGraphGrid {
    type Source = crate::url_state::Source;

    fn cards() -> impl Iterator<Item = &'static Card> {
        crate::stage::drawn_cards()
    }

    fn default_for(entry: &Card) -> Self::Source {
        Self::Source::default_for(entry)
    }

    fn of(input: &Input) -> Self::Source {
        Self::Source::of(input)
    }

    fn input(entry: &Card, source: &Self::Source) -> Result<Input, (Field, String)> {
        source.input(entry)
    }

    fn read_query(
        entry: &Card,
        get: &dyn Fn(&str) -> Option<String>,
        problems: &mut Vec<String>,
    ) -> Self::Source {
        crate::url_state::source_from_query(entry, get, problems)
    }

    fn write_query(source: &Self::Source, pairs: &mut Vec<(String, String)>) {
        crate::url_state::write_source(source, pairs);
    }

    fn stage(
        entry: &'static Card,
        snapshot: Memo<Snapshot>,
        input: &Input,
        legend: bool,
    ) -> AnyView {
        crate::stage::stage(entry, snapshot, input, legend)
    }

    fn editor(
        entry: &'static Card,
        source: Signal<Self::Source>,
        on_apply: Callback<Self::Source>,
    ) -> AnyView {
        crate::input_editor::editor(entry, source, on_apply)
    }

    fn has_quiz(entry: &Card) -> bool {
        entry.frame == algorithms::FrameKind::Array
    }

    const RACES: bool = true;
}

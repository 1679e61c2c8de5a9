//! The one registry the app, the server and the CLI learn algorithms from. Each algorithm's file declares
//! its `CARD` (what a reader sees: names, complexity, input limits) and its `ENTRY` (the card plus the
//! pseudocode and the state machine's constructors) beside its code.
//!
//! Cards and entries are listed apart on purpose: [`CARDS`] holds no function pointers, so a program that
//! reads only cards (the app's pages) links none of the state machines. Machines are reached through a
//! family's entries ([`SORTING`], [`SEARCHING`]; the app loads each family's engine on its own) or
//! through [`CATALOGUE`], every entry, for the server and the CLI.

use std::ops::Deref;

use serde::Serialize;

#[cfg(feature = "graphs")]
use crate::graph::GraphGenerator;
#[cfg(feature = "graphs")]
use crate::graphs;
#[cfg(feature = "grids")]
use crate::grid::{GRID_MAX_SIDE, GRID_STEP_SIDE, GridGenerator};
#[cfg(feature = "grids")]
use crate::grids;
use crate::input::{Generator, Input, InputError, Mode, Preset};
use crate::legend::Key;
use crate::machine::DynMachine;
#[cfg(feature = "trees")]
use crate::search_trees;
use crate::snapshot::{Counter, Counters, FrameKind};
use crate::{searching, sorting};

/// Declares every catalogue list from one list of algorithm modules per family, so they cannot disagree.
/// `$id` is the family's name in file names and URLs; the entries in the lists carry its linkage mark.
macro_rules! catalogue {
    ($($family:ident $id:literal $list:ident $cards:ident: $module:ident [$($algorithm:ident),* $(,)?]),* $(,)?) => {
        $(
            #[doc = concat!("The entries of the ", stringify!($family), " family, in catalogue order.")]
            pub static $list: &[&Entry] = &[$(&marked!($id, $module::$algorithm::ENTRY)),*];
            #[doc = concat!("The cards of the ", stringify!($family), " family alone: a page module that draws")]
            /// only some families lists theirs and links no other family's cards.
            pub static $cards: &[&Card] = &[$(&$module::$algorithm::CARD),*];
        )*
        /// Every entry, family by family.
        pub static CATALOGUE: &[&Entry] = &[$($(&marked!($id, $module::$algorithm::ENTRY)),*),*];
        /// Every card, in the same order as [`CATALOGUE`].
        pub static CARDS: &[&Card] = &[$($(&$module::$algorithm::CARD),*),*];
        /// Each algorithm's other names (its file's `ALIASES`), by id: apart from the cards, so only the
        /// page that searches (the catalogue) links their words.
        pub static ALIASES: &[(&str, &[&str])] = &[$($(($module::$algorithm::CARD.id, $module::$algorithm::ALIASES)),*),*];

        impl Family {
            pub const ALL: [Family; [$(Family::$family),*].len()] = [$(Family::$family),*];

            /// The family's entries; code that should link one family only names its static instead.
            pub fn entries(self) -> &'static [&'static Entry] {
                match self {
                    $(Family::$family => $list,)*
                }
            }

            /// The family's name in file names and URLs.
            pub fn id(self) -> &'static str {
                match self {
                    $(Family::$family => $id,)*
                }
            }
        }
    };
}

/// `$entry` with a constructor that first keeps its family's linkage mark, `algovista:links-family:<id>;`:
/// a program that can start the family's machines holds the mark and one that cannot holds none, so the
/// build (`scripts/dist.mjs`) learns from the bytes of each WebAssembly module which families it links,
/// whatever their narration says. Only a machine reached through these lists carries the mark: one in
/// every machine's own code cost each engine 0.1 KB of gzipped wasm.
macro_rules! marked {
    ($id:literal, $entry:expr) => {
        Entry {
            start: |input| {
                std::hint::black_box(concat!("algovista:links-family:", $id, ";"));
                ($entry.start)(input)
            },
            ..$entry
        }
    };
}

/// The array families, then whatever families this build adds (`$more`): one list each.
macro_rules! with_array_families {
    ($($more:tt)*) => {
        catalogue! {
            Sorting "sorting" SORTING SORTING_CARDS: sorting [
                bubble, cocktail, selection, insertion, binary_insertion, shell, comb, merge_top_down,
                merge_bottom_up, quick_lomuto, quick_hoare, quick_randomized, heap, counting, radix, bucket,
            ],
            Searching "searching" SEARCHING SEARCHING_CARDS: searching [linear, binary, jump, interpolation, exponential, ternary],
            $($more)*
        }
    };
}

/// The graph families, then whatever families this build adds.
#[cfg(feature = "graphs")]
macro_rules! with_graph_families {
    ($($more:tt)*) => {
        with_array_families! {
            Traversal "traversal" TRAVERSAL TRAVERSAL_CARDS: graphs [
                bfs, dfs, topological_kahn, topological_dfs, cycle_directed, bipartite,
            ],
            Connectivity "connectivity" CONNECTIVITY CONNECTIVITY_CARDS: graphs [components, tarjan_scc, kosaraju_scc, articulation],
            Paths "paths" PATHS PATHS_CARDS: graphs [dijkstra, bellman_ford, floyd_warshall, astar],
            Trees "trees" TREES TREES_CARDS: graphs [prim, kruskal],
            $($more)*
        }
    };
}
#[cfg(not(feature = "graphs"))]
macro_rules! with_graph_families {
    ($($more:tt)*) => {
        with_array_families! { $($more)* }
    };
}

/// The grid family, then whatever families this build adds.
#[cfg(feature = "grids")]
macro_rules! with_grid_families {
    ($($more:tt)*) => {
        with_graph_families! {
            Grids "grids" GRIDS GRIDS_CARDS: grids [
                bfs, dijkstra, astar_manhattan, astar_octile, greedy, bidirectional, maze_backtracker,
                maze_prim, maze_division, maze_kruskal,
            ],
            $($more)*
        }
    };
}
#[cfg(not(feature = "grids"))]
macro_rules! with_grid_families {
    ($($more:tt)*) => {
        with_graph_families! { $($more)* }
    };
}

#[cfg(feature = "trees")]
with_grid_families! {
    SearchTrees "search_trees" SEARCH_TREES SEARCH_TREES_CARDS: search_trees [bst],
}
#[cfg(not(feature = "trees"))]
with_grid_families! {}

/// Every graph algorithm, family by family: the engine a page loads when it runs algorithms of several
/// graph families at once (a race of Dijkstra against Prim), one module where two would weigh more.
#[cfg(feature = "graphs")]
pub fn graph_entries() -> &'static [&'static Entry] {
    static ALL: std::sync::OnceLock<Vec<&'static Entry>> = std::sync::OnceLock::new();
    ALL.get_or_init(|| {
        Family::ALL
            .iter()
            .filter(|family| family.is_graph())
            .flat_map(|family| family.entries().iter().copied())
            .collect()
    })
}

pub fn find(id: &str) -> Option<&'static Entry> {
    CATALOGUE.iter().copied().find(|entry| entry.id == id)
}

/// The card of `id`, without linking any state machine.
pub fn card(id: &str) -> Option<&'static Card> {
    CARDS.iter().copied().find(|card| card.id == id)
}

/// A group of algorithms that ships as one unit: the app loads a family's engine (its state machines) only
/// on a page that runs one of them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Family {
    Sorting,
    Searching,
    /// Graph traversal: the orders and properties one search finds. The graph algorithms ship as one
    /// family per category, so a graph page loads only the few algorithms of its kind.
    #[cfg(feature = "graphs")]
    Traversal,
    /// Connectivity: components, strongly connected components, cut points.
    #[cfg(feature = "graphs")]
    Connectivity,
    /// Shortest paths.
    #[cfg(feature = "graphs")]
    Paths,
    /// Minimum spanning trees.
    #[cfg(feature = "graphs")]
    Trees,
    /// Grid pathfinding and mazes.
    #[cfg(feature = "grids")]
    Grids,
    /// Search trees, on the tree kind.
    #[cfg(feature = "trees")]
    SearchTrees,
}

impl Family {
    /// Whether the family's algorithms take graphs (their pages are the graph pages).
    pub fn is_graph(self) -> bool {
        match self {
            #[cfg(feature = "graphs")]
            Family::Traversal | Family::Connectivity | Family::Paths | Family::Trees => true,
            _ => false,
        }
    }
}

/// What a learner filters by. Every category belongs to one family (the unit of shipping); the catalogue
/// page, the plot's choices and the dashboard list [`Category::listed`], the categories that have cards.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    Sorting,
    Searching,
    #[cfg(feature = "graphs")]
    GraphTraversal,
    #[cfg(feature = "graphs")]
    ShortestPaths,
    #[cfg(feature = "graphs")]
    SpanningTrees,
    #[cfg(feature = "graphs")]
    Connectivity,
    #[cfg(feature = "grids")]
    GridPathfinding,
    #[cfg(feature = "grids")]
    Mazes,
    #[cfg(feature = "trees")]
    SearchTrees,
}

impl Category {
    pub const ALL: &[Category] = &[
        Category::Sorting,
        Category::Searching,
        #[cfg(feature = "graphs")]
        Category::GraphTraversal,
        #[cfg(feature = "graphs")]
        Category::ShortestPaths,
        #[cfg(feature = "graphs")]
        Category::SpanningTrees,
        #[cfg(feature = "graphs")]
        Category::Connectivity,
        #[cfg(feature = "grids")]
        Category::GridPathfinding,
        #[cfg(feature = "grids")]
        Category::Mazes,
        #[cfg(feature = "trees")]
        Category::SearchTrees,
    ];

    pub fn family(self) -> Family {
        match self {
            Category::Sorting => Family::Sorting,
            Category::Searching => Family::Searching,
            #[cfg(feature = "graphs")]
            Category::GraphTraversal => Family::Traversal,
            #[cfg(feature = "graphs")]
            Category::Connectivity => Family::Connectivity,
            #[cfg(feature = "graphs")]
            Category::ShortestPaths => Family::Paths,
            #[cfg(feature = "graphs")]
            Category::SpanningTrees => Family::Trees,
            #[cfg(feature = "grids")]
            Category::GridPathfinding | Category::Mazes => Family::Grids,
            #[cfg(feature = "trees")]
            Category::SearchTrees => Family::SearchTrees,
        }
    }

    /// The name in URLs and JSON.
    pub fn id(self) -> &'static str {
        match self {
            Category::Sorting => "sorting",
            Category::Searching => "searching",
            #[cfg(feature = "graphs")]
            Category::GraphTraversal => "graph_traversal",
            #[cfg(feature = "graphs")]
            Category::ShortestPaths => "shortest_paths",
            #[cfg(feature = "graphs")]
            Category::SpanningTrees => "spanning_trees",
            #[cfg(feature = "graphs")]
            Category::Connectivity => "connectivity",
            #[cfg(feature = "grids")]
            Category::GridPathfinding => "grid_pathfinding",
            #[cfg(feature = "grids")]
            Category::Mazes => "mazes",
            #[cfg(feature = "trees")]
            Category::SearchTrees => "search_trees",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Category::Sorting => "Sorting",
            Category::Searching => "Searching",
            #[cfg(feature = "graphs")]
            Category::GraphTraversal => "Graph traversal",
            #[cfg(feature = "graphs")]
            Category::ShortestPaths => "Shortest paths",
            #[cfg(feature = "graphs")]
            Category::SpanningTrees => "Spanning trees",
            #[cfg(feature = "graphs")]
            Category::Connectivity => "Connectivity",
            #[cfg(feature = "grids")]
            Category::GridPathfinding => "Grid pathfinding",
            #[cfg(feature = "grids")]
            Category::Mazes => "Mazes",
            #[cfg(feature = "trees")]
            Category::SearchTrees => "Search trees",
        }
    }

    /// The categories that have at least one card, in [`Category::ALL`] order.
    /// What a learner may call the whole category ("graph", "shortest path", "mst"), lower case.
    pub fn aliases(self) -> &'static [&'static str] {
        match self {
            Category::Sorting => &["sort", "ordering"],
            Category::Searching => &["search", "find", "lookup"],
            #[cfg(feature = "graphs")]
            Category::GraphTraversal => &["graph", "traversal", "explore"],
            #[cfg(feature = "graphs")]
            Category::ShortestPaths => &["graph", "shortest path", "route", "pathfinding"],
            #[cfg(feature = "graphs")]
            Category::SpanningTrees => {
                &["graph", "mst", "minimum spanning tree", "spanning forest"]
            }
            #[cfg(feature = "graphs")]
            Category::Connectivity => &["graph", "components", "connected"],
            #[cfg(feature = "grids")]
            Category::GridPathfinding => &[
                "grid",
                "pathfinding",
                "shortest path",
                "route",
                "maze solving",
            ],
            #[cfg(feature = "grids")]
            Category::Mazes => &["maze", "labyrinth", "maze generation", "grid"],
            #[cfg(feature = "trees")]
            Category::SearchTrees => &[
                "tree",
                "search tree",
                "data structure",
                "dictionary",
                "ordered set",
            ],
        }
    }

    /// The category whose [`Category::id`] is `id`.
    pub fn from_id(id: &str) -> Option<Category> {
        Category::ALL.iter().copied().find(|c| c.id() == id)
    }

    pub fn listed() -> impl Iterator<Item = Category> {
        Category::ALL
            .iter()
            .copied()
            .filter(|category| CARDS.iter().any(|card| card.category == *category))
    }
}

#[derive(Clone, Copy, Debug, Serialize)]
pub struct Complexity {
    pub best: &'static str,
    pub average: &'static str,
    pub worst: &'static str,
    pub space: &'static str,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum InputKind {
    /// Any list of values.
    Array,
    /// Any list of values and a target to look for.
    ArrayWithTarget,
    /// Values in ascending order and a target to look for.
    SortedArrayWithTarget,
    /// A graph ([`crate::graph::Graph`]), within the card's [`GraphRules`].
    Graph,
    /// A grid ([`crate::grid::Grid`]), within the card's [`GridRules`].
    Grid,
    /// A script of operations on a tree ([`crate::kinds::tree::Script`]), of the operations the rules
    /// name.
    #[cfg(feature = "trees")]
    Tree(crate::kinds::tree::TreeRules),
}

impl InputKind {
    /// Whether the input is a list of values (with or without a target): the array families'.
    pub fn takes_values(self) -> bool {
        matches!(
            self,
            InputKind::Array | InputKind::ArrayWithTarget | InputKind::SortedArrayWithTarget
        )
    }
}

/// Which grids a grid algorithm takes. Sides are limited by `max_step_n` and `max_count_n`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct GridRules {
    /// Cells may cost more than 1 (searches that count steps, not costs, refuse them).
    pub weights: bool,
    /// A maze generator: it takes an open grid with odd sides (rooms at odd columns and rows, walls
    /// between) and the start and goal on rooms; the seed picks the maze.
    pub maze: bool,
}

/// Which graphs a graph algorithm takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct GraphRules {
    /// `Some(true)`: directed graphs only; `Some(false)`: undirected only; `None`: either.
    pub directed: Option<bool>,
    pub negative_weights: bool,
    pub needs_start: bool,
    pub needs_goal: bool,
    /// Stops at the goal when the graph has one (a search's path to it); its page rings the goal.
    pub uses_goal: bool,
    /// The most edges for stepping and for count-only runs (the node limits are `max_step_n` and
    /// `max_count_n`).
    pub max_step_edges: usize,
    pub max_count_edges: usize,
    /// The graph a newcomer first sees has no cycle: an order only exists then (topological sorts).
    /// Everything else is first shown a graph with cycles, so strongly connected components, cycles and
    /// alternative paths have something to find.
    pub first_acyclic: bool,
}

#[derive(Clone, Copy, Debug, Serialize)]
pub struct InputSpec {
    pub kind: InputKind,
    /// The most values for stepping (snapshots and a timeline); a tree's script's operations.
    pub max_step_n: usize,
    /// The most values for count-only runs; a tree's script's operations.
    pub max_count_n: usize,
    /// The widest span (largest minus smallest value) the algorithm allows, for counting-based sorts.
    pub max_span: Option<u64>,
    /// For graph inputs.
    pub graph: Option<GraphRules>,
    /// For grid inputs; `max_step_n` and `max_count_n` are then the longest side.
    pub grid: Option<GridRules>,
}

/// What the catalogue says of an algorithm, without its state machine.
#[derive(Serialize)]
pub struct Card {
    pub id: &'static str,
    pub name: &'static str,
    pub category: Category,
    pub summary: &'static str,
    pub complexity: Complexity,
    pub stable: Option<bool>,
    pub in_place: Option<bool>,
    pub input: InputSpec,
    pub frame: FrameKind,
    /// The states its frames show, in the words of its legend (the harness checks that runs show
    /// exactly these).
    pub legend: &'static [Key],
    /// The counters this algorithm counts, in the order the counters panel shows them.
    pub counters: &'static [Counter],
    /// The counters summed as its "work" when two algorithms race.
    pub work: &'static [Counter],
    /// Changes whenever the algorithm's steps change, so a saved run of an older version is not resumed as
    /// if it were the same.
    pub version: u32,
}

/// Whether a learner's search `query` names `card`: it appears, as a phrase, in the card's name, id,
/// summary, category, or their other names ([`ALIASES`], [`Category::aliases`]). Letters are compared
/// without case, and dashes, en dashes and underscores as spaces ("union-find" finds "union–find");
/// ASCII only, since Unicode's case tables would cost several KB of the page.
pub fn matches(card: &Card, query: &str) -> bool {
    let query = searchable(query);
    if query.is_empty() {
        return true;
    }
    let own = ALIASES
        .iter()
        .find(|(id, _)| *id == card.id)
        .map_or(&[][..], |(_, aliases)| *aliases);
    let mut text = [card.name, card.id, card.summary, card.category.name()].join(" | ");
    for alias in card.category.aliases().iter().chain(own) {
        text.push_str(" | ");
        text.push_str(alias);
    }
    searchable(&text).contains(&query)
}

/// Text as search compares it: ASCII letters in lower case, dashes and underscores as spaces, one space
/// between words.
fn searchable(text: &str) -> String {
    let spaced: String = text
        .chars()
        .map(|c| match c {
            '-' | '–' | '—' | '_' | '/' => ' ',
            c => c.to_ascii_lowercase(),
        })
        .collect();
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A card and the constructors of its state machine.
pub struct Entry {
    pub card: &'static Card,
    /// The steps' pseudocode (each snapshot's `line` indexes it). Here rather than on the card: only a
    /// run's page shows it, and it asks the engine, so no page module carries every algorithm's text.
    pub pseudocode: &'static [&'static str],
    pub start: fn(Input) -> Box<dyn DynMachine>,
    /// Absent without the `restore` feature: a client that resumes by seeking its timeline does not ship
    /// the deserializers of every algorithm's state.
    #[cfg(feature = "restore")]
    pub restore: fn(serde_json::Value) -> Result<Box<dyn DynMachine>, serde_json::Error>,
}

impl Deref for Entry {
    type Target = Card;

    fn deref(&self) -> &Card {
        self.card
    }
}

/// An entry as the CLI lists it: its card and its pseudocode.
impl Serialize for Entry {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Listed<'a> {
            #[serde(flatten)]
            card: &'a Card,
            pseudocode: &'a [&'a str],
        }
        Listed {
            card: self.card,
            pseudocode: self.pseudocode,
        }
        .serialize(serializer)
    }
}

impl Card {
    pub fn validate(&self, input: &Input, mode: Mode) -> Result<(), InputError> {
        #[cfg(feature = "trees")]
        if let InputKind::Tree(rules) = self.input.kind {
            return validate_tree(input, &rules, mode);
        }
        #[cfg(feature = "trees")]
        if input.kind.is_some() {
            return Err(InputError::Tree(format!(
                "this algorithm takes {}, not a script of tree operations",
                match self.input.kind {
                    InputKind::Graph => "a graph",
                    InputKind::Grid => "a grid",
                    _ => "a list of values",
                }
            )));
        }
        if let Some(rules) = self.input.grid {
            #[cfg(feature = "grids")]
            return self.validate_grid(input, &rules, mode);
            #[cfg(not(feature = "grids"))]
            return Err(InputError::Grid(format!(
                "grids are not in this build (mazes: {})",
                rules.maze
            )));
        }
        #[cfg(feature = "grids")]
        if input.grid.is_some() {
            return Err(InputError::Grid(format!(
                "this algorithm takes {}, not a grid",
                if self.input.graph.is_some() {
                    "a graph"
                } else {
                    "a list of values"
                }
            )));
        }
        if let Some(rules) = self.input.graph {
            #[cfg(feature = "graphs")]
            return self.validate_graph(input, &rules, mode);
            #[cfg(not(feature = "graphs"))]
            return Err(InputError::Graph(format!(
                "graphs are not in this build (edges up to {})",
                rules.max_step_edges
            )));
        }
        #[cfg(feature = "graphs")]
        if input.graph.is_some() {
            return Err(InputError::Graph(
                "this algorithm takes a list of values, not a graph".into(),
            ));
        }
        let n = input.values.len();
        let max = match mode {
            Mode::Step => self.input.max_step_n,
            Mode::Count => self.input.max_count_n,
        };
        if n > max {
            return Err(InputError::TooMany { n, max, mode });
        }
        if let Some(position) = input
            .values
            .iter()
            .position(|v| v.abs() > crate::input::VALUE_LIMIT)
        {
            return Err(InputError::OutOfRange {
                value: input.values[position].to_string(),
                position: position + 1,
            });
        }
        if let (Some(max), Some(lo), Some(hi)) = (
            self.input.max_span,
            input.values.iter().min(),
            input.values.iter().max(),
        ) {
            let span = hi.abs_diff(*lo);
            if span > max {
                return Err(InputError::SpanTooWide { span, max });
            }
        }
        if self.input.kind == InputKind::Array && input.target.is_some() {
            return Err(InputError::UnexpectedTarget);
        }
        if self.input.kind != InputKind::Array {
            match input.target {
                None => return Err(InputError::MissingTarget),
                Some(target) if target.abs() > crate::input::VALUE_LIMIT => {
                    return Err(InputError::OutOfRange {
                        value: target.to_string(),
                        position: n + 1,
                    });
                }
                Some(_) => {}
            }
            if self.input.kind == InputKind::SortedArrayWithTarget
                && let Some(position) = input.values.windows(2).position(|w| w[0] > w[1])
            {
                return Err(InputError::NotSorted {
                    position: position + 1,
                });
            }
        }
        Ok(())
    }

    /// A tree entry's script, within its rules and the kind's limits, and nothing beside it.
    #[cfg(feature = "trees")]
    pub fn generate_script(
        &self,
        generator: &crate::kinds::tree::ScriptGenerator,
    ) -> Result<Input, InputError> {
        let InputKind::Tree(rules) = self.input.kind else {
            return Err(InputError::Tree(
                "this algorithm does not take a script of tree operations".into(),
            ));
        };
        let script = rules
            .generate(generator)
            .map_err(InputError::BadGenerator)?;
        Ok(Input::tree(script))
    }

    #[cfg(feature = "graphs")]
    fn validate_graph(
        &self,
        input: &Input,
        rules: &GraphRules,
        mode: Mode,
    ) -> Result<(), InputError> {
        let Some(graph) = &input.graph else {
            return Err(InputError::Graph("this algorithm takes a graph".into()));
        };
        // The JSON form guarantees these; a graph built in code is checked too.
        let n = graph.len();
        if graph.positions.len() != n
            || graph.edges.iter().any(|e| e.from >= n || e.to >= n)
            || graph.start.is_some_and(|s| s >= n)
            || graph.goal.is_some_and(|g| g >= n)
        {
            return Err(InputError::Graph(
                "the graph names a node it does not have".into(),
            ));
        }
        if !input.values.is_empty() || input.target.is_some() {
            return Err(InputError::Graph(
                "a graph input has no values or target".into(),
            ));
        }
        let (max_nodes, max_edges) = match mode {
            Mode::Step => (self.input.max_step_n, rules.max_step_edges),
            Mode::Count => (self.input.max_count_n, rules.max_count_edges),
        };
        let verb = match mode {
            Mode::Step => "step through",
            Mode::Count => "count",
        };
        if n > max_nodes {
            return Err(InputError::Graph(format!(
                "{n} nodes is more than the {max_nodes} this algorithm can {verb}"
            )));
        }
        if graph.edges.len() > max_edges {
            return Err(InputError::Graph(format!(
                "{} edges is more than the {max_edges} this algorithm can {verb}",
                graph.edges.len()
            )));
        }
        match rules.directed {
            Some(true) if !graph.directed => {
                return Err(InputError::Graph(
                    "this algorithm needs a directed graph (a first line \"directed\")".into(),
                ));
            }
            Some(false) if graph.directed => {
                return Err(InputError::Graph(
                    "this algorithm needs an undirected graph".into(),
                ));
            }
            _ => {}
        }
        if !rules.negative_weights
            && let Some(index) = graph.edges.iter().position(|e| e.weight < 0)
        {
            let edge = graph.edges[index];
            return Err(InputError::Graph(format!(
                "edge {} ({} → {}) weighs {}: this algorithm needs weights of 0 or more",
                index + 1,
                graph.labels[edge.from],
                graph.labels[edge.to],
                edge.weight
            )));
        }
        if rules.needs_start && graph.start.is_none() {
            return Err(InputError::Graph(
                "choose a start node (a line \"start A\")".into(),
            ));
        }
        if rules.needs_goal && graph.goal.is_none() {
            return Err(InputError::Graph(
                "choose a goal node (a line \"goal B\")".into(),
            ));
        }
        Ok(())
    }

    #[cfg(feature = "grids")]
    fn validate_grid(
        &self,
        input: &Input,
        rules: &GridRules,
        mode: Mode,
    ) -> Result<(), InputError> {
        let Some(grid) = &input.grid else {
            return Err(InputError::Grid("this algorithm takes a grid".into()));
        };
        if !input.values.is_empty() || input.target.is_some() {
            return Err(InputError::Grid(
                "a grid input has no values, target or graph".into(),
            ));
        }
        #[cfg(feature = "graphs")]
        if input.graph.is_some() {
            return Err(InputError::Grid(
                "a grid input has no values, target or graph".into(),
            ));
        }
        grid.check().map_err(InputError::Grid)?;
        let (side, verb) = match mode {
            Mode::Step => (self.input.max_step_n, "step through"),
            Mode::Count => (self.input.max_count_n, "count"),
        };
        if grid.width > side || grid.height > side {
            return Err(InputError::Grid(format!(
                "a {} × {} grid is larger than the {side} × {side} this algorithm can {verb}",
                grid.width, grid.height
            )));
        }
        if !rules.weights
            && let Some(cell) = grid.cells.iter().position(|&cost| cost > 1)
        {
            let (x, y) = grid.xy(cell);
            return Err(InputError::Grid(format!(
                "the cell at line {}, column {} costs {}: this search counts steps, not costs (take Dijkstra or A* for weighted cells)",
                y + 1,
                x + 1,
                grid.cells[cell]
            )));
        }
        if rules.maze {
            if grid.width % 2 == 0 || grid.height % 2 == 0 || grid.width < 5 || grid.height < 5 {
                return Err(InputError::Grid(format!(
                    "a maze needs odd width and height of 5 or more (rooms between walls); this grid is {} × {}",
                    grid.width, grid.height
                )));
            }
            if grid.cells.iter().any(|&cost| cost != 1) {
                return Err(InputError::Grid(
                    "a maze is carved from an open grid: remove the walls and costs".into(),
                ));
            }
            for (cell, name) in [(grid.start, "start"), (grid.goal, "goal")] {
                let (x, y) = grid.xy(cell);
                if x % 2 == 0 || y % 2 == 0 {
                    return Err(InputError::Grid(format!(
                        "the {name} (line {}, column {}) must be on a room: an even line and column",
                        y + 1,
                        x + 1
                    )));
                }
            }
        }
        Ok(())
    }

    /// A grid input from a generator, shaped for this algorithm: no costs for the searches that count
    /// steps; an open grid with odd sides and the start and goal on rooms for a maze.
    #[cfg(feature = "grids")]
    pub fn generate_grid(&self, generator: &GridGenerator) -> Result<Input, InputError> {
        let rules = self
            .input
            .grid
            .ok_or_else(|| InputError::Grid("this algorithm does not take a grid".into()))?;
        let mut generator = generator.clone();
        generator.weights &= rules.weights;
        let grid = if rules.maze {
            let odd = |side: usize| (side.clamp(5, self.input.max_count_n) - 1) | 1;
            let (width, height) = (odd(generator.width), odd(generator.height));
            let mut grid = crate::grid::Grid::open(width, height);
            grid.start = width + 1;
            grid.goal = (height - 2) * width + width - 2;
            grid
        } else {
            generator.generate().map_err(InputError::BadGenerator)?
        };
        Ok(Input {
            grid: Some(grid),
            seed: Some(generator.seed),
            ..Input::default()
        })
    }

    /// The example grids this algorithm takes.
    #[cfg(feature = "grids")]
    pub fn grid_presets(&self) -> impl Iterator<Item = &'static crate::grid::GridPreset> + '_ {
        crate::grid::GRID_PRESETS.iter().filter(move |preset| {
            let input = Input {
                grid: Some(preset.grid()),
                ..Input::default()
            };
            self.validate(&input, Mode::Step).is_ok()
        })
    }

    /// A graph input from a generator, shaped for this algorithm: directed or not as it needs, negative
    /// weights only where it handles them.
    #[cfg(feature = "graphs")]
    pub fn generate_graph(&self, generator: &GraphGenerator) -> Result<Input, InputError> {
        let rules = self
            .input
            .graph
            .ok_or_else(|| InputError::Graph("this algorithm takes a list of values".into()))?;
        let mut generator = generator.clone();
        if let Some(directed) = rules.directed {
            generator.directed = directed;
        }
        if !rules.negative_weights {
            generator.min_weight = generator.min_weight.max(0);
            generator.max_weight = generator.max_weight.max(generator.min_weight);
        }
        let graph = generator.generate().map_err(InputError::BadGenerator)?;
        Ok(Input {
            graph: Some(graph),
            seed: Some(generator.seed),
            ..Input::default()
        })
    }

    /// A random input of about `size` (values, or nodes at a density that gives each node about two
    /// edges), weights and values from 1 to 50: for tests and benchmarks that run every algorithm alike.
    pub fn sample(&self, size: usize, seed: u64) -> Input {
        let input = match self.input.kind {
            #[cfg(feature = "trees")]
            InputKind::Tree(rules) => Ok(Input::tree(rules.sample(size, seed))),
            #[cfg(feature = "grids")]
            InputKind::Grid => {
                // A square of about `size` cells, a fifth of them walls.
                let side = (size.max(4) as f64).sqrt().round() as usize;
                self.generate_grid(&GridGenerator {
                    width: side,
                    height: side,
                    walls: 20,
                    weights: true,
                    seed,
                })
            }
            #[cfg(feature = "graphs")]
            InputKind::Graph => self.generate_graph(&GraphGenerator {
                nodes: size,
                density: (400 / size.max(1)).clamp(1, 100) as u8,
                min_weight: 1,
                max_weight: 50,
                directed: true,
                acyclic: false,
                seed,
            }),
            _ => self.generate(&Generator {
                preset: Preset::Random,
                n: size,
                min: 1,
                max: 50,
                seed,
            }),
        };
        input.expect("a sample within every limit")
    }

    /// An input from a generator, shaped for this algorithm: searches get sorted values and a target.
    // `..Input::default()` fills the graph field, which exists only with the `graphs` feature.
    #[allow(clippy::needless_update)]
    pub fn generate(&self, generator: &Generator) -> Result<Input, InputError> {
        let mut values = generator.values()?;
        let target = match self.input.kind {
            InputKind::Array => None,
            InputKind::ArrayWithTarget => Some(generator.target(&values).unwrap_or(generator.min)),
            InputKind::SortedArrayWithTarget => {
                values.sort_unstable();
                Some(generator.target(&values).unwrap_or(generator.min))
            }
            InputKind::Graph => {
                return Err(InputError::Graph(
                    "this algorithm takes a graph: use a graph generator".into(),
                ));
            }
            InputKind::Grid => {
                return Err(InputError::Grid(
                    "this algorithm takes a grid: use a grid generator".into(),
                ));
            }
            #[cfg(feature = "trees")]
            InputKind::Tree(_) => {
                return Err(InputError::Tree(
                    "this algorithm takes a script of tree operations: use a script generator"
                        .into(),
                ));
            }
        };
        Ok(Input {
            values,
            target,
            seed: Some(generator.seed),
            ..Input::default()
        })
    }

    /// The example graphs this algorithm takes (directed or not as it needs; negative weights only where
    /// it handles them; a start and goal in every one).
    #[cfg(feature = "graphs")]
    pub fn graph_presets(&self) -> impl Iterator<Item = &'static crate::graph::GraphPreset> + '_ {
        crate::graph::GRAPH_PRESETS.iter().filter(move |preset| {
            let input = Input {
                graph: Some(preset.graph()),
                ..Input::default()
            };
            self.validate(&input, Mode::Step).is_ok()
        })
    }

    /// The presets that make sense for this algorithm's input.
    pub fn presets(&self) -> &'static [Preset] {
        match self.input.kind {
            InputKind::Array => &Preset::ALL,
            InputKind::ArrayWithTarget => &Preset::ALL,
            InputKind::SortedArrayWithTarget => {
                &[Preset::Random, Preset::FewUnique, Preset::AllEqual]
            }
            InputKind::Graph | InputKind::Grid => &[],
            #[cfg(feature = "trees")]
            InputKind::Tree(_) => &[],
        }
    }

    pub fn family(&self) -> Family {
        self.category.family()
    }
}

impl Entry {
    /// A validated run, positioned at step 0.
    pub fn start(&self, input: Input) -> Result<Box<dyn DynMachine>, InputError> {
        self.validate(&input, Mode::Step)?;
        Ok((self.start)(input))
    }

    /// A run validated against the count-only limits, which allow larger inputs: advance it (or call
    /// `run_to_end`) without building snapshots.
    pub fn start_counting(&self, input: Input) -> Result<Box<dyn DynMachine>, InputError> {
        self.validate(&input, Mode::Count)?;
        Ok((self.start)(input))
    }

    /// Runs to the end without snapshots and returns the final counters.
    pub fn count(&self, input: Input) -> Result<Counters, InputError> {
        Ok(self.start_counting(input)?.run_to_end())
    }

    /// Resumes a run saved with [`DynMachine::save`].
    #[cfg(feature = "restore")]
    pub fn restore(
        &self,
        state: serde_json::Value,
    ) -> Result<Box<dyn DynMachine>, serde_json::Error> {
        (self.restore)(state)
    }
}

#[cfg(feature = "trees")]
fn validate_tree(
    input: &Input,
    rules: &crate::kinds::tree::TreeRules,
    mode: Mode,
) -> Result<(), InputError> {
    // What the input holds besides a script, if anything.
    #[allow(unused_mut)]
    let mut beside =
        (!input.values.is_empty() || input.target.is_some()).then_some("a list of values");
    #[cfg(feature = "graphs")]
    if input.graph.is_some() {
        beside = Some("a graph");
    }
    #[cfg(feature = "grids")]
    if input.grid.is_some() {
        beside = Some("a grid");
    }
    match (input.script(), beside) {
        (Some(script), None) => rules.check(script, mode).map_err(InputError::Tree),
        (Some(_), Some(_)) => Err(InputError::Tree(
            "a tree's input is its script alone: no values, target, graph or grid".into(),
        )),
        (None, Some(given)) => Err(InputError::Tree(format!(
            "this algorithm takes a script of tree operations, not {given}"
        ))),
        (None, None) => Err(InputError::Tree(
            "this algorithm takes a script of tree operations, such as insert 50 30 70".into(),
        )),
    }
}

/// Limits shared by the sorts: quadratic ones step through fewer values and count fewer.
pub(crate) const QUADRATIC_SORT_INPUT: InputSpec = InputSpec {
    kind: InputKind::Array,
    max_step_n: 2_000,
    max_count_n: 20_000,
    max_span: None,
    graph: None,
    grid: None,
};
pub(crate) const FAST_SORT_INPUT: InputSpec = InputSpec {
    kind: InputKind::Array,
    max_step_n: 10_000,
    max_count_n: 1_000_000,
    max_span: None,
    graph: None,
    grid: None,
};
pub(crate) const UNSORTED_SEARCH_INPUT: InputSpec = InputSpec {
    kind: InputKind::ArrayWithTarget,
    max_step_n: 10_000,
    max_count_n: 1_000_000,
    max_span: None,
    graph: None,
    grid: None,
};
pub(crate) const SEARCH_INPUT: InputSpec = InputSpec {
    kind: InputKind::SortedArrayWithTarget,
    max_step_n: 10_000,
    max_count_n: 1_000_000,
    max_span: None,
    graph: None,
    grid: None,
};

/// What the sorts count, and their work in a race: comparisons plus writes.
pub(crate) const SORT_COUNTERS: &[Counter] = &[
    Counter::Comparisons,
    Counter::Swaps,
    Counter::Reads,
    Counter::Writes,
];
pub(crate) const SORT_WORK: &[Counter] = &[Counter::Comparisons, Counter::Writes];
/// What the searches count: a search reads and compares, and never writes.
pub(crate) const SEARCH_COUNTERS: &[Counter] = &[Counter::Comparisons, Counter::Reads];
pub(crate) const SEARCH_WORK: &[Counter] = &[Counter::Comparisons];

/// Graph limits: stepping draws every node and edge at every step; counting does not.
#[cfg(feature = "graphs")]
pub(crate) const fn graph_input(rules: GraphRules) -> InputSpec {
    InputSpec {
        kind: InputKind::Graph,
        max_step_n: 200,
        max_count_n: 5_000,
        max_span: None,
        graph: Some(rules),
        grid: None,
    }
}

/// Grid limits: stepping draws every cell at every step (100 × 100); counting allows 500 × 500.
#[cfg(feature = "grids")]
pub(crate) const fn grid_input(rules: GridRules) -> InputSpec {
    InputSpec {
        kind: InputKind::Grid,
        max_step_n: GRID_STEP_SIDE,
        max_count_n: GRID_MAX_SIDE,
        max_span: None,
        graph: None,
        grid: Some(rules),
    }
}

#[cfg(feature = "graphs")]
pub(crate) const GRAPH_RULES: GraphRules = GraphRules {
    directed: None,
    negative_weights: false,
    needs_start: false,
    needs_goal: false,
    uses_goal: false,
    max_step_edges: 2_000,
    max_count_edges: 50_000,
    first_acyclic: false,
};

#[cfg(all(test, feature = "graphs", feature = "grids"))]
mod search_tests {
    use super::*;

    fn found(query: &str) -> Vec<&'static str> {
        CARDS
            .iter()
            .filter(|c| matches(c, query))
            .map(|c| c.id)
            .collect()
    }

    #[test]
    fn a_search_finds_categories_and_common_names() {
        assert_eq!(found("").len(), CARDS.len());
        let mut mst = found("mst");
        mst.sort_unstable();
        assert_eq!(mst, ["kruskal", "prim"]);
        let mut scc = found("scc");
        scc.sort_unstable();
        assert_eq!(scc, ["kosaraju-scc", "tarjan-scc"]);
        let mut union_find = found("union find");
        union_find.sort_unstable();
        // The maze generator that joins regions with union–find is found too.
        assert_eq!(
            union_find,
            ["connected-components", "kruskal", "maze-kruskal"]
        );
        // Dashes and case do not matter.
        assert_eq!(found("Union-Find"), found("union find"));
        let sssp = found("sssp");
        assert!(
            ["dijkstra", "bellman-ford", "bfs"]
                .iter()
                .all(|id| sssp.contains(id)),
            "{sssp:?}"
        );
        assert!(!sssp.contains(&"bubble-sort"));
        // A phrase: "quick sort" is the quicksorts, not every sort (nor "quickly").
        let mut quick = found("quick sort");
        quick.sort_unstable();
        assert_eq!(
            quick,
            [
                "quicksort-hoare",
                "quicksort-lomuto",
                "quicksort-randomized"
            ]
        );
        assert!(found("no such algorithm").is_empty());
    }

    #[test]
    fn graph_finds_every_graph_algorithm_and_maze_every_maze() {
        let graph = found("graph");
        for card in CARDS.iter().filter(|c| c.frame == FrameKind::Graph) {
            assert!(graph.contains(&card.id), "graph misses {}", card.id);
        }
        let maze = found("maze");
        for card in CARDS.iter().filter(|c| c.category == Category::Mazes) {
            assert!(maze.contains(&card.id), "maze misses {}", card.id);
        }
        let shortest = found("shortest path");
        for card in CARDS.iter().filter(|c| {
            c.category == Category::ShortestPaths || c.category == Category::GridPathfinding
        }) {
            assert!(
                shortest.contains(&card.id),
                "shortest path misses {}",
                card.id
            );
        }
        let pathfinding = found("pathfinding");
        assert!(
            pathfinding.contains(&"dijkstra") && pathfinding.contains(&"grid-astar"),
            "{pathfinding:?}"
        );
    }

    #[test]
    fn every_card_has_its_aliases_and_they_are_lower_case() {
        assert_eq!(ALIASES.len(), CARDS.len());
        for (card, (id, aliases)) in CARDS.iter().zip(ALIASES) {
            assert_eq!(card.id, *id);
            assert!(aliases.iter().all(|a| *a == a.to_ascii_lowercase()), "{id}");
        }
    }

    #[test]
    fn category_ids_read_back() {
        for &category in Category::ALL {
            assert_eq!(Category::from_id(category.id()), Some(category));
        }
        assert_eq!(Category::from_id("nope"), None);
    }
}

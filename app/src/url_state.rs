//! What the address bar holds, so a link reproduces the exact view: the input (typed values, or a
//! generator: preset, size, range and seed), the step and the speed.
//!
//! `?values=38,27,43&target=27&step=5&speed=4` or `?preset=random&n=20&min=1&max=99&seed=7&step=0`; for a
//! graph, its text (`?graph=A%20B%204%0AB%20C%201&step=3`) or its generator
//! (`?nodes=12&density=20&wmin=1&wmax=9&directed=1&acyclic=0&seed=7`); for a grid, its rows
//! (`?grid=S..%23%0A..G`) or its generator (`?width=30&height=20&walls=25&weights=1&seed=7`).

use algorithms::catalogue::Card;
#[cfg(feature = "arrays")]
use algorithms::input::parse_list;
use algorithms::{Generator, Input, Mode, Preset};

use crate::kind::{Kind, ListGraphGrid};

pub const DEFAULT_SPEED: f64 = 4.0;
pub const MIN_SPEED: f64 = 0.25;
pub const MAX_SPEED: f64 = 64.0;

/// Where the run's input comes from.
#[derive(Clone, Debug, PartialEq)]
pub enum Source {
    /// Values as typed, a target for searches, and the seed of a randomized algorithm (from an imported
    /// trace; typed runs use seed 0).
    Typed {
        values: String,
        target: String,
        seed: Option<u64>,
    },
    Generated(Generator),
    /// A graph as typed, drawn or imported: the edge-list (or matrix) text `parse_graph` reads.
    #[cfg(feature = "graphs")]
    GraphText {
        text: String,
        seed: Option<u64>,
    },
    #[cfg(feature = "graphs")]
    GraphGenerated(algorithms::GraphGenerator),
    /// A grid as typed, painted or imported: the rows `parse_grid` reads; the seed picks a maze.
    #[cfg(feature = "grids")]
    GridText {
        text: String,
        seed: Option<u64>,
    },
    #[cfg(feature = "grids")]
    GridGenerated(algorithms::GridGenerator),
}

impl Source {
    /// The source that reproduces `input` exactly.
    pub fn of(input: &Input) -> Self {
        #[cfg(feature = "graphs")]
        if let Some(graph) = &input.graph {
            return Source::GraphText {
                text: graph.to_text(),
                seed: input.seed,
            };
        }
        #[cfg(feature = "grids")]
        if let Some(grid) = &input.grid {
            return Source::GridText {
                text: grid.to_text(),
                seed: input.seed,
            };
        }
        let values: Vec<String> = input.values.iter().map(i64::to_string).collect();
        Source::Typed {
            values: values.join(", "),
            target: input.target.map(|t| t.to_string()).unwrap_or_default(),
            seed: input.seed,
        }
    }

    /// The input a new visitor sees: small enough to follow, random enough to be interesting.
    pub fn default_for(entry: &Card) -> Self {
        #[cfg(feature = "graphs")]
        if let Some(rules) = entry.input.graph {
            return Source::GraphGenerated(algorithms::GraphGenerator::first_for(&rules));
        }
        #[cfg(feature = "grids")]
        if let Some(rules) = entry.input.grid {
            return Source::GridGenerated(algorithms::GridGenerator {
                width: if rules.maze { 31 } else { 30 },
                height: if rules.maze { 21 } else { 20 },
                walls: if rules.maze { 0 } else { 25 },
                weights: rules.weights,
                seed: 1,
            });
        }
        Source::Generated(Generator {
            preset: Preset::Random,
            n: if entry.input.max_step_n >= 16 {
                16
            } else {
                entry.input.max_step_n
            },
            min: 1,
            max: 99,
            seed: 1,
        })
    }

    /// The input, if `entry` accepts it for stepping; otherwise which field is wrong and why.
    // `..Input::default()` fills the graph field, which exists only with the `graphs` feature.
    #[allow(clippy::needless_update)]
    pub fn input(&self, entry: &Card) -> Result<Input, (Field, String)> {
        let input = match self {
            // A page module without the array families draws no list of values; such a source reaches
            // it only through a wrong link, and the entry's own check below refuses the empty input
            // ("this algorithm takes a graph"). The list parser and generators stay out of the module.
            #[cfg(not(feature = "arrays"))]
            Source::Typed { .. } | Source::Generated(_) => Input::default(),
            #[cfg(feature = "arrays")]
            Source::Typed {
                values,
                target,
                seed,
            } => {
                let values = parse_list(values).map_err(|e| (Field::Values, e.to_string()))?;
                let target = match (entry.input.kind, target.trim()) {
                    (algorithms::catalogue::InputKind::Array, _) => None,
                    (_, "") => return Err((Field::Target, "a search needs a target".to_owned())),
                    (_, text) => Some(text.parse().map_err(|_| {
                        (
                            Field::Target,
                            format!("the target \"{text}\" is not a whole number"),
                        )
                    })?),
                };
                Input {
                    values,
                    target,
                    seed: *seed,
                    ..Input::default()
                }
            }
            #[cfg(feature = "arrays")]
            Source::Generated(generator) => entry
                .generate(generator)
                .map_err(|e| (Field::Generator, e.to_string()))?,
            #[cfg(feature = "graphs")]
            Source::GraphText { text, seed } => Input {
                graph: Some(
                    algorithms::graph::parse_graph(text)
                        .map_err(|e| (Field::Values, e.to_string()))?,
                ),
                seed: *seed,
                ..Input::default()
            },
            #[cfg(feature = "graphs")]
            Source::GraphGenerated(generator) => entry
                .generate_graph(generator)
                .map_err(|e| (Field::Generator, e.to_string()))?,
            #[cfg(feature = "grids")]
            Source::GridText { text, seed } => Input {
                grid: Some(
                    algorithms::grid::parse_grid(text)
                        .map_err(|e| (Field::Values, e.to_string()))?,
                ),
                seed: *seed,
                ..Input::default()
            },
            #[cfg(feature = "grids")]
            Source::GridGenerated(generator) => entry
                .generate_grid(generator)
                .map_err(|e| (Field::Generator, e.to_string()))?,
        };
        let field = match self {
            Source::Generated(_) => Field::Generator,
            #[cfg(feature = "graphs")]
            Source::GraphGenerated(_) => Field::Generator,
            #[cfg(feature = "grids")]
            Source::GridGenerated(_) => Field::Generator,
            _ => Field::Values,
        };
        // An empty list would run to an empty "done" at once: refused here, where the learner typed it
        // (the algorithms themselves accept it, as a trace of nothing).
        #[cfg(feature = "arrays")]
        if matches!(self, Source::Typed { .. } | Source::Generated(_)) && input.values.is_empty() {
            let message = match self {
                Source::Generated(_) => "the size is 0: generate at least one value",
                _ => "the list is empty: type at least one value, e.g. 5, 3, 9, 1",
            };
            return Err((field, message.to_owned()));
        }
        entry
            .validate(&input, Mode::Step)
            .map_err(|e| (field, e.to_string()))?;
        Ok(input)
    }
}

/// The input editor's fields, for showing an error next to the one at fault.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Values,
    Target,
    Generator,
    /// A tree's typed script of operations.
    Script,
}

impl Field {
    /// The id of the message beside the field, which the field names in `aria-describedby`.
    pub fn error_id(self) -> &'static str {
        match self {
            Field::Values => "values-error",
            Field::Target => "target-error",
            Field::Generator => "generator-error",
            Field::Script => "script-error",
        }
    }
}

/// A view: its input's source (of the array, graph and grid kinds unless said), step and speed.
#[derive(Clone, Debug, PartialEq)]
pub struct ViewState<S = Source> {
    pub source: S,
    pub step: u64,
    pub speed: f64,
}

/// Reads the state of a `K` page from query pairs; what is missing or unreadable falls back to the
/// defaults, and the returned messages say what was ignored.
pub fn parse_view<K: Kind>(
    entry: &Card,
    get: impl Fn(&str) -> Option<String>,
) -> (ViewState<K::Source>, Vec<String>) {
    let mut problems = Vec::new();
    let source = K::read_query(entry, &get, &mut problems);
    let (step, speed) = step_and_speed(&get, &mut problems);
    (
        ViewState {
            source,
            step,
            speed,
        },
        problems,
    )
}

/// The query string (without `?`) for a `K` page's state.
pub fn query_view<K: Kind>(state: &ViewState<K::Source>) -> String {
    let mut pairs: Vec<(String, String)> = Vec::new();
    K::write_query(&state.source, &mut pairs);
    pairs.push(("step".into(), state.step.to_string()));
    pairs.push(("speed".into(), format_speed(state.speed)));
    pairs
        .iter()
        .map(|(k, v)| format!("{k}={}", encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// [`parse_view`] for the array, graph and grid pages.
pub fn parse(entry: &Card, get: impl Fn(&str) -> Option<String>) -> (ViewState, Vec<String>) {
    parse_view::<ListGraphGrid>(entry, get)
}

/// [`query_view`] for the array, graph and grid pages.
pub fn query(state: &ViewState) -> String {
    query_view::<ListGraphGrid>(state)
}

/// The array, graph or grid source a link names.
pub(crate) fn source_from_query(
    entry: &Card,
    get: &dyn Fn(&str) -> Option<String>,
    problems: &mut Vec<String>,
) -> Source {
    #[allow(unused_mut)]
    let mut kind_source = None;
    #[cfg(feature = "graphs")]
    if entry.input.graph.is_some() {
        kind_source = Some(graph_source(entry, get, problems));
    }
    #[cfg(feature = "grids")]
    if entry.input.grid.is_some() {
        kind_source = Some(grid_source(entry, get, problems));
    }
    if let Some(source) = kind_source {
        return source;
    }
    let number = |problems: &mut Vec<String>, key: &str, default: i64| -> i64 {
        match get(key) {
            None => default,
            Some(text) => text.trim().parse().unwrap_or_else(|_| {
                problems.push(format!("{key}={text} is not a whole number"));
                default
            }),
        }
    };
    let default = Source::default_for(entry);
    let Source::Generated(fallback) = default.clone() else {
        unreachable!("the default is generated")
    };
    if let Some(values) = get("values") {
        let seed = get("seed").and_then(|text| match text.trim().parse() {
            Ok(seed) => Some(seed),
            Err(_) => {
                problems.push(format!("seed={text} is not a whole number"));
                None
            }
        });
        Source::Typed {
            values: values.replace(',', ", "),
            target: get("target").unwrap_or_default(),
            seed,
        }
    } else if get("preset").is_some() || get("seed").is_some() || get("n").is_some() {
        let preset = match get("preset") {
            None => fallback.preset,
            Some(id) => Preset::from_id(&id).unwrap_or_else(|| {
                problems.push(format!("preset={id} is not a preset"));
                fallback.preset
            }),
        };
        Source::Generated(Generator {
            preset,
            n: number(problems, "n", fallback.n as i64).max(0) as usize,
            min: number(problems, "min", fallback.min),
            max: number(problems, "max", fallback.max),
            seed: number(problems, "seed", fallback.seed as i64).max(0) as u64,
        })
    } else {
        default
    }
}

fn step_and_speed(get: &impl Fn(&str) -> Option<String>, problems: &mut Vec<String>) -> (u64, f64) {
    // A negative step reads as step 0.
    let step = match get("step") {
        None => 0,
        Some(text) => text.trim().parse::<i64>().map_or_else(
            |_| {
                problems.push(format!("step={text} is not a whole number"));
                0
            },
            |step| step.max(0) as u64,
        ),
    };
    let speed = match get("speed") {
        None => DEFAULT_SPEED,
        Some(text) => match crate::decimal::parse(&text) {
            Some(speed) => speed.clamp(MIN_SPEED, MAX_SPEED),
            _ => {
                problems.push(format!("speed={text} is not a number"));
                DEFAULT_SPEED
            }
        },
    };
    (step, speed)
}

/// A graph's source from the query: its text, or its generator's settings (missing ones from the default).
#[cfg(feature = "graphs")]
fn graph_source(
    entry: &Card,
    get: &dyn Fn(&str) -> Option<String>,
    problems: &mut Vec<String>,
) -> Source {
    let Source::GraphGenerated(fallback) = Source::default_for(entry) else {
        unreachable!("a graph's default is generated")
    };
    let seed = |problems: &mut Vec<String>| {
        get("seed").and_then(|text| match text.trim().parse::<u64>() {
            Ok(seed) => Some(seed),
            Err(_) => {
                problems.push(format!("seed={text} is not a whole number"));
                None
            }
        })
    };
    if let Some(text) = get("graph") {
        return Source::GraphText {
            text,
            seed: seed(problems),
        };
    }
    if [
        "nodes", "density", "wmin", "wmax", "directed", "acyclic", "seed",
    ]
    .iter()
    .all(|k| get(k).is_none())
    {
        return Source::GraphGenerated(fallback);
    }
    let mut number = |key: &str, default: i64| -> i64 {
        match get(key) {
            None => default,
            Some(text) => text.trim().parse().unwrap_or_else(|_| {
                problems.push(format!("{key}={text} is not a whole number"));
                default
            }),
        }
    };
    let nodes = number("nodes", fallback.nodes as i64).max(0) as usize;
    let density = number("density", i64::from(fallback.density)).clamp(0, 100) as u8;
    let (min_weight, max_weight) = (
        number("wmin", fallback.min_weight),
        number("wmax", fallback.max_weight),
    );
    let directed = number("directed", i64::from(fallback.directed)) != 0;
    let acyclic = number("acyclic", i64::from(fallback.acyclic)) != 0;
    let seed = number("seed", fallback.seed as i64).max(0) as u64;
    Source::GraphGenerated(algorithms::GraphGenerator {
        nodes,
        density,
        min_weight,
        max_weight,
        directed,
        acyclic,
        seed,
    })
}

/// A grid's source from the query: its rows, or its generator's settings (missing ones from the default).
#[cfg(feature = "grids")]
fn grid_source(
    entry: &Card,
    get: &dyn Fn(&str) -> Option<String>,
    problems: &mut Vec<String>,
) -> Source {
    let Source::GridGenerated(fallback) = Source::default_for(entry) else {
        unreachable!("a grid's default is generated")
    };
    let mut number = |key: &str, default: i64| -> i64 {
        match get(key) {
            None => default,
            Some(text) => text.trim().parse().unwrap_or_else(|_| {
                problems.push(format!("{key}={text} is not a whole number"));
                default
            }),
        }
    };
    let seed = number("seed", fallback.seed as i64).max(0) as u64;
    if let Some(text) = get("grid") {
        return Source::GridText {
            text,
            seed: Some(seed),
        };
    }
    Source::GridGenerated(algorithms::GridGenerator {
        width: number("width", fallback.width as i64).max(0) as usize,
        height: number("height", fallback.height as i64).max(0) as usize,
        walls: number("walls", i64::from(fallback.walls)).clamp(0, 100) as u8,
        weights: number("weights", i64::from(fallback.weights)) != 0,
        seed,
    })
}

/// An array, graph or grid source's pairs in a link.
pub(crate) fn write_source(source: &Source, pairs: &mut Vec<(String, String)>) {
    match source {
        Source::Typed {
            values,
            target,
            seed,
        } => {
            let compact: Vec<&str> = values
                .split(|c: char| c == ',' || c.is_whitespace())
                .filter(|t| !t.is_empty())
                .collect();
            pairs.push(("values".into(), compact.join(",")));
            if !target.trim().is_empty() {
                pairs.push(("target".into(), target.trim().to_owned()));
            }
            if let Some(seed) = seed {
                pairs.push(("seed".into(), seed.to_string()));
            }
        }
        Source::Generated(g) => {
            pairs.push(("preset".into(), g.preset.id().to_owned()));
            pairs.push(("n".into(), g.n.to_string()));
            pairs.push(("min".into(), g.min.to_string()));
            pairs.push(("max".into(), g.max.to_string()));
            pairs.push(("seed".into(), g.seed.to_string()));
        }
        #[cfg(feature = "graphs")]
        Source::GraphText { text, seed } => {
            pairs.push(("graph".into(), text.trim_end().to_owned()));
            if let Some(seed) = seed {
                pairs.push(("seed".into(), seed.to_string()));
            }
        }
        #[cfg(feature = "graphs")]
        Source::GraphGenerated(g) => {
            pairs.push(("nodes".into(), g.nodes.to_string()));
            pairs.push(("density".into(), g.density.to_string()));
            pairs.push(("wmin".into(), g.min_weight.to_string()));
            pairs.push(("wmax".into(), g.max_weight.to_string()));
            pairs.push(("directed".into(), u8::from(g.directed).to_string()));
            pairs.push(("acyclic".into(), u8::from(g.acyclic).to_string()));
            pairs.push(("seed".into(), g.seed.to_string()));
        }
        #[cfg(feature = "grids")]
        Source::GridText { text, seed } => {
            pairs.push(("grid".into(), text.trim_end().to_owned()));
            if let Some(seed) = seed {
                pairs.push(("seed".into(), seed.to_string()));
            }
        }
        #[cfg(feature = "grids")]
        Source::GridGenerated(g) => {
            pairs.push(("width".into(), g.width.to_string()));
            pairs.push(("height".into(), g.height.to_string()));
            pairs.push(("walls".into(), g.walls.to_string()));
            pairs.push(("weights".into(), u8::from(g.weights).to_string()));
            pairs.push(("seed".into(), g.seed.to_string()));
        }
    }
}

pub fn format_speed(speed: f64) -> String {
    crate::decimal::fixed(speed, 2)
}

/// Percent-encodes what a query value must not contain raw.
fn encode(value: &str) -> String {
    value
        .chars()
        .map(|c| match c {
            'A'..='Z' | 'a'..='z' | '0'..='9' | '-' | '_' | '.' | ',' => c.to_string(),
            c => {
                let mut buffer = [0u8; 4];
                c.encode_utf8(&mut buffer)
                    .bytes()
                    .map(|b| format!("%{b:02X}"))
                    .collect()
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use algorithms::catalogue;

    fn parse_query(entry: &Card, query: &str) -> (ViewState, Vec<String>) {
        let pairs: Vec<(String, String)> = query
            .split('&')
            .filter_map(|pair| pair.split_once('='))
            .map(|(k, v)| (k.to_owned(), v.replace("%20", " ").replace("%2D", "-")))
            .collect();
        parse(entry, |key| {
            pairs.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone())
        })
    }

    #[test]
    fn states_round_trip_through_the_query() {
        let entry = catalogue::card("binary-search").unwrap();
        for state in [
            ViewState {
                source: Source::Typed {
                    values: "1, 3, 5, -7".into(),
                    target: "5".into(),
                    seed: Some(12),
                },
                step: 3,
                speed: 0.25,
            },
            ViewState {
                source: Source::Generated(Generator {
                    preset: Preset::NearlySorted,
                    n: 40,
                    min: -5,
                    max: 500,
                    seed: 99,
                }),
                step: 0,
                speed: 64.0,
            },
        ] {
            let (parsed, problems) = parse_query(entry, &query(&state));
            assert_eq!(problems, Vec::<String>::new());
            assert_eq!(parsed, state);
        }
    }

    #[test]
    fn an_empty_list_is_refused_with_its_reason_by_its_field() {
        let entry = catalogue::card("bubble-sort").unwrap();
        let typed = Source::Typed {
            values: "  ".into(),
            target: String::new(),
            seed: None,
        };
        let (field, message) = typed.input(entry).unwrap_err();
        assert_eq!(field, Field::Values);
        assert!(message.contains("the list is empty"), "{message}");
        let generated = Source::Generated(Generator {
            preset: Preset::Random,
            n: 0,
            min: 1,
            max: 9,
            seed: 1,
        });
        let (field, message) = generated.input(entry).unwrap_err();
        assert_eq!(field, Field::Generator);
        assert!(message.contains("the size is 0"), "{message}");
        // One value is a list.
        let one = Source::Typed {
            values: "7".into(),
            target: String::new(),
            seed: None,
        };
        assert_eq!(one.input(entry).unwrap().values, [7]);
    }

    #[test]
    fn bad_parameters_fall_back_and_say_so() {
        let entry = catalogue::card("bubble-sort").unwrap();
        let (state, problems) = parse_query(entry, "preset=zigzag&n=ten&speed=fast&step=-4");
        assert_eq!(state.step, 0);
        assert_eq!(state.speed, DEFAULT_SPEED);
        assert_eq!(problems.len(), 3, "{problems:?}");
        let (state, _) = parse_query(entry, "speed=1000");
        assert_eq!(state.speed, MAX_SPEED);
        assert_eq!(state.source, Source::default_for(entry));
    }
}

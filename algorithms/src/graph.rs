//! Graph inputs: the graph a run starts from, its JSON form, the two typed-text forms (an edge list and an
//! adjacency matrix) with errors that name line and column, a seeded generator, and a deterministic layout.

use std::fmt;

use rand_core::SeedableRng;
use rand_pcg::Pcg32;
use serde::{Deserialize, Serialize};

use crate::catalogue::GraphRules;
use crate::input::below;

/// Edge weights are whole numbers with |w| ≤ this: a path of 2,000 such edges stays far from overflow.
pub const WEIGHT_LIMIT: i64 = 1_000_000;
/// Node positions are in a square of this side (the drawing's coordinates).
pub const LAYOUT_SIDE: i32 = 1000;
/// The longest node label.
pub const LABEL_MAX: usize = 12;

/// A graph: labelled nodes with positions, and weighted edges between them by node index. In an undirected
/// graph an edge joins both ways. `start` and `goal` are node indices.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "GraphJson", into = "GraphJson")]
pub struct Graph {
    pub directed: bool,
    pub labels: Vec<String>,
    pub positions: Vec<(i32, i32)>,
    pub edges: Vec<Edge>,
    pub start: Option<usize>,
    pub goal: Option<usize>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Edge {
    pub from: usize,
    pub to: usize,
    pub weight: i64,
}

/// The JSON form: nodes by label, edges as `[from, to, weight]` with labels, positions optional (laid out
/// on a circle when absent), start and goal by label.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct GraphJson {
    #[serde(default)]
    directed: bool,
    nodes: Vec<String>,
    edges: Vec<(String, String, i64)>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    positions: Option<Vec<(i32, i32)>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    start: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    goal: Option<String>,
}

impl TryFrom<GraphJson> for Graph {
    type Error = GraphError;

    fn try_from(json: GraphJson) -> Result<Graph, GraphError> {
        let mut builder = Builder::new(json.directed);
        for (index, label) in json.nodes.iter().enumerate() {
            check_label(label)
                .map_err(|reason| GraphError::json(format!("node {}: {reason}", index + 1)))?;
            if builder.find(label).is_some() {
                return Err(GraphError::json(format!(
                    "node {}: \"{label}\" is listed twice",
                    index + 1
                )));
            }
            builder.node(label);
        }
        let known = |label: &str, what: String| {
            builder.find(label).ok_or_else(|| {
                GraphError::json(format!("{what} names \"{label}\", which is not in nodes"))
            })
        };
        let mut edges = Vec::with_capacity(json.edges.len());
        for (index, (from, to, weight)) in json.edges.iter().enumerate() {
            let what = || format!("edge {}", index + 1);
            let edge = Edge {
                from: known(from, what())?,
                to: known(to, what())?,
                weight: *weight,
            };
            if weight.abs() > WEIGHT_LIMIT {
                return Err(GraphError::json(format!(
                    "edge {}: weight {weight} is outside the allowed range ±{WEIGHT_LIMIT}",
                    index + 1
                )));
            }
            edges.push(edge);
        }
        let positions = match json.positions {
            Some(positions) if positions.len() != json.nodes.len() => {
                return Err(GraphError::json(format!(
                    "{} positions for {} nodes",
                    positions.len(),
                    json.nodes.len()
                )));
            }
            Some(positions) => {
                if let Some(index) = positions.iter().position(|&(x, y)| {
                    !(0..=LAYOUT_SIDE).contains(&x) || !(0..=LAYOUT_SIDE).contains(&y)
                }) {
                    return Err(GraphError::json(format!(
                        "position {} is outside 0…{LAYOUT_SIDE}",
                        index + 1
                    )));
                }
                positions
            }
            None => circle_layout(json.nodes.len()),
        };
        let start = json
            .start
            .as_deref()
            .map(|s| known(s, "start".into()))
            .transpose()?;
        let goal = json
            .goal
            .as_deref()
            .map(|s| known(s, "goal".into()))
            .transpose()?;
        Ok(Graph {
            directed: json.directed,
            labels: json.nodes,
            positions,
            edges,
            start,
            goal,
        })
    }
}

impl From<Graph> for GraphJson {
    fn from(graph: Graph) -> GraphJson {
        let label = |i: usize| graph.labels[i].clone();
        GraphJson {
            directed: graph.directed,
            edges: graph
                .edges
                .iter()
                .map(|e| (label(e.from), label(e.to), e.weight))
                .collect(),
            positions: Some(graph.positions.clone()),
            start: graph.start.map(label),
            goal: graph.goal.map(label),
            nodes: graph.labels,
        }
    }
}

/// Why a graph could not be read. Text errors name the line and column (both from 1).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GraphError {
    Text {
        line: usize,
        column: usize,
        reason: String,
    },
    Json(String),
}

impl GraphError {
    fn json(reason: String) -> Self {
        GraphError::Json(reason)
    }
}

impl fmt::Display for GraphError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            GraphError::Text {
                line,
                column,
                reason,
            } => write!(f, "line {line}, column {column}: {reason}"),
            GraphError::Json(reason) => f.write_str(reason),
        }
    }
}

impl std::error::Error for GraphError {}

fn check_label(label: &str) -> Result<(), String> {
    if label.is_empty() {
        return Err("a node needs a label".into());
    }
    if label.chars().count() > LABEL_MAX {
        return Err(format!("\"{label}\" is longer than {LABEL_MAX} characters"));
    }
    // ASCII only: Unicode's letter tables would weigh more than every other rule here in the app.
    if let Some(c) = label
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || *c == '_' || *c == '-'))
    {
        return Err(format!(
            "\"{label}\" has '{c}': labels are letters A–Z, digits, _ and -"
        ));
    }
    Ok(())
}

struct Builder {
    graph: Graph,
    /// Labels in sorted order with their node index, for lookups in O(log n) (a hash map would add its
    /// hashing code to every page that reads an input).
    index: Vec<(String, usize)>,
}

impl Builder {
    fn new(directed: bool) -> Self {
        Builder {
            graph: Graph {
                directed,
                labels: Vec::new(),
                positions: Vec::new(),
                edges: Vec::new(),
                start: None,
                goal: None,
            },
            index: Vec::new(),
        }
    }

    fn find(&self, label: &str) -> Option<usize> {
        self.index
            .binary_search_by(|(l, _)| l.as_str().cmp(label))
            .ok()
            .map(|at| self.index[at].1)
    }

    fn node(&mut self, label: &str) -> usize {
        match self.index.binary_search_by(|(l, _)| l.as_str().cmp(label)) {
            Ok(at) => self.index[at].1,
            Err(at) => {
                let node = self.graph.labels.len();
                self.graph.labels.push(label.to_owned());
                self.index.insert(at, (label.to_owned(), node));
                node
            }
        }
    }

    fn finish(mut self) -> Graph {
        self.graph.positions = circle_layout(self.graph.labels.len());
        self.graph
    }
}

/// A word of a line and its column (from 1, in characters).
fn words(line: &str) -> Vec<(usize, &str)> {
    let line = line.split('#').next().unwrap_or("");
    line.split_whitespace()
        .map(|word| {
            let byte = word.as_ptr() as usize - line.as_ptr() as usize;
            (line[..byte].chars().count() + 1, word)
        })
        .collect()
}

fn weight_at(line: usize, column: usize, word: &str) -> Result<i64, GraphError> {
    let error = |reason: String| GraphError::Text {
        line,
        column,
        reason,
    };
    let weight: i64 = word
        .parse()
        .map_err(|_| error(format!("\"{word}\" is not a whole-number weight")))?;
    if weight.abs() > WEIGHT_LIMIT {
        return Err(error(format!(
            "weight {word} is outside the allowed range ±{WEIGHT_LIMIT}"
        )));
    }
    Ok(weight)
}

/// Parses a graph typed as text. Two forms, `#` starting a comment in both:
///
/// An edge list: one edge per line, `A B 4` (from, to, weight; the weight defaults to 1), a lone label for a
/// node without edges, and the lines `directed`, `start A`, `goal B` and `at A 120 340` (where node A is
/// drawn, in 0…1000; nodes without one are placed on a circle).
///
/// An adjacency matrix: a first line `matrix` (then optionally `directed`), then one row per node of whole
/// numbers, `0`, `-` or `.` meaning no edge; nodes are labelled A, B, C, … Undirected matrices must be
/// symmetric.
pub fn parse_graph(text: &str) -> Result<Graph, GraphError> {
    let lines: Vec<(usize, Vec<(usize, &str)>)> = text
        .lines()
        .enumerate()
        .map(|(i, line)| (i + 1, words(line)))
        .filter(|(_, words)| !words.is_empty())
        .collect();
    match lines.first() {
        Some((_, first)) if first[0].1.eq_ignore_ascii_case("matrix") => parse_matrix(&lines),
        _ => parse_edge_list(&lines),
    }
}

fn parse_edge_list(lines: &[(usize, Vec<(usize, &str)>)]) -> Result<Graph, GraphError> {
    let mut builder = Builder::new(false);
    let mut pending_ends: Vec<(bool, usize, usize, String)> = Vec::new();
    let mut placed: Vec<(usize, usize, String, (i32, i32))> = Vec::new();
    for (index, (line, words)) in lines.iter().enumerate() {
        let line = *line;
        let error = |column: usize, reason: String| GraphError::Text {
            line,
            column,
            reason,
        };
        let keyword = words[0].1;
        match keyword {
            "directed" | "undirected" if words.len() == 1 => {
                if index > 0 {
                    return Err(error(1, format!("\"{keyword}\" must be the first line")));
                }
                builder.graph.directed = keyword == "directed";
                continue;
            }
            "at" => {
                let [_, (column, label), (x_column, x), (y_column, y)] = words[..] else {
                    return Err(error(
                        words[0].0,
                        "write \"at A 120 340\": a node label and two coordinates".into(),
                    ));
                };
                let coordinate = |column: usize, text: &str| {
                    text.parse::<i32>()
                        .ok()
                        .filter(|v| (0..=LAYOUT_SIDE).contains(v))
                        .ok_or_else(|| {
                            error(
                                column,
                                format!("\"{text}\" is not a coordinate in 0…{LAYOUT_SIDE}"),
                            )
                        })
                };
                let point = (coordinate(x_column, x)?, coordinate(y_column, y)?);
                placed.push((line, column, label.to_owned(), point));
                continue;
            }
            "start" | "goal" => {
                let [_, (column, label)] = words[..] else {
                    return Err(error(
                        words[0].0,
                        format!("write \"{keyword} A\": one node label"),
                    ));
                };
                pending_ends.push((keyword == "start", line, column, label.to_owned()));
                continue;
            }
            _ => {}
        }
        if words.len() > 3 {
            return Err(error(
                words[3].0,
                "an edge is \"from to weight\": too many words".into(),
            ));
        }
        for &(column, label) in words.iter().take(2) {
            check_label(label).map_err(|reason| error(column, reason))?;
        }
        if words.len() == 1 {
            builder.node(words[0].1);
            continue;
        }
        let weight = match words.get(2) {
            Some(&(column, word)) => weight_at(line, column, word)?,
            None => 1,
        };
        let from = builder.node(words[0].1);
        let to = builder.node(words[1].1);
        builder.graph.edges.push(Edge { from, to, weight });
    }
    for (is_start, line, column, label) in pending_ends {
        let index = builder.find(&label).ok_or_else(|| GraphError::Text {
            line,
            column,
            reason: format!("\"{label}\" is not a node of the graph"),
        })?;
        if is_start {
            builder.graph.start = Some(index);
        } else {
            builder.graph.goal = Some(index);
        }
    }
    let mut graph = builder.finish();
    for (line, column, label, point) in placed {
        let index = graph
            .labels
            .iter()
            .position(|l| *l == label)
            .ok_or_else(|| GraphError::Text {
                line,
                column,
                reason: format!("\"{label}\" is not a node of the graph"),
            })?;
        graph.positions[index] = point;
    }
    Ok(graph)
}

// Indices, not iterators: the symmetry check reads cells[j][i] beside cells[i][j].
#[allow(clippy::needless_range_loop)]
fn parse_matrix(lines: &[(usize, Vec<(usize, &str)>)]) -> Result<Graph, GraphError> {
    let (first_line, first) = &lines[0];
    if first.len() > 1 {
        return Err(GraphError::Text {
            line: *first_line,
            column: first[1].0,
            reason: "\"matrix\" stands alone on its line".into(),
        });
    }
    let mut rows = &lines[1..];
    let directed =
        matches!(rows.first(), Some((_, words)) if words.len() == 1 && words[0].1 == "directed");
    if directed {
        rows = &rows[1..];
    }
    let n = rows.len();
    let mut builder = Builder::new(directed);
    for i in 0..n {
        builder.node(&default_label(i));
    }
    let mut cells = vec![vec![None; n]; n];
    for (i, (line, words)) in rows.iter().enumerate() {
        if words.len() != n {
            let column = words
                .get(n)
                .map_or(words.last().map_or(1, |w| w.0), |w| w.0);
            return Err(GraphError::Text {
                line: *line,
                column,
                reason: format!(
                    "row {} has {} entries; a matrix of {n} rows needs {n}",
                    i + 1,
                    words.len()
                ),
            });
        }
        for (j, &(column, word)) in words.iter().enumerate() {
            cells[i][j] = match word {
                "0" | "-" | "." => None,
                _ => Some((weight_at(*line, column, word)?, *line, column)),
            };
        }
    }
    for i in 0..n {
        for j in 0..n {
            let Some((weight, line, column)) = cells[i][j] else {
                continue;
            };
            if !directed {
                if cells[j][i].map(|c| c.0) != Some(weight) {
                    return Err(GraphError::Text {
                        line,
                        column,
                        reason: format!(
                            "row {} column {} is {weight} but row {} column {} is not: an undirected matrix is symmetric (write \"directed\" under \"matrix\" otherwise)",
                            i + 1,
                            j + 1,
                            j + 1,
                            i + 1
                        ),
                    });
                }
                if j < i {
                    continue;
                }
            }
            builder.graph.edges.push(Edge {
                from: i,
                to: j,
                weight,
            });
        }
    }
    Ok(builder.finish())
}

/// A, B, …, Z, then N26, N27, …
pub fn default_label(index: usize) -> String {
    if index < 26 {
        char::from(b'A' + index as u8).to_string()
    } else {
        format!("N{index}")
    }
}

/// Nodes evenly on a circle, in index order: deterministic and the same at every step. The sines come
/// from [`sin_cos`], plain arithmetic, so every platform (native, WebAssembly) places nodes alike.
pub fn circle_layout(n: usize) -> Vec<(i32, i32)> {
    let centre = f64::from(LAYOUT_SIDE) / 2.0;
    let radius = centre * 0.9;
    (0..n)
        .map(|i| {
            // From the top, clockwise: angle −π/2 + 2πi/n, kept within [−π, π].
            let turn = i as f64 / n.max(1) as f64;
            let angle = std::f64::consts::TAU * turn - std::f64::consts::FRAC_PI_2;
            let angle = if angle > std::f64::consts::PI {
                angle - std::f64::consts::TAU
            } else {
                angle
            };
            let (sin, cos) = sin_cos(angle);
            (
                (centre + radius * cos).round() as i32,
                (centre + radius * sin).round() as i32,
            )
        })
        .collect()
}

/// Sine and cosine of an angle in [−π, π] by their Taylor series: only +, × and ÷, which IEEE 754 rounds
/// the same everywhere (the platform's `sin` and `cos` may differ in the last bit).
fn sin_cos(angle: f64) -> (f64, f64) {
    let (mut sin, mut cos) = (0.0, 0.0);
    let (mut term_sin, mut term_cos) = (angle, 1.0);
    for k in 0..24 {
        sin += term_sin;
        cos += term_cos;
        let k = f64::from(k);
        term_sin *= -angle * angle / ((2.0 * k + 2.0) * (2.0 * k + 3.0));
        term_cos *= -angle * angle / ((2.0 * k + 1.0) * (2.0 * k + 2.0));
    }
    (sin, cos)
}

impl Graph {
    /// Neighbours of every node in edge order, as (neighbour, edge index); both ways when undirected.
    pub fn adjacency(&self) -> Vec<Vec<(usize, usize)>> {
        let mut adjacency = vec![Vec::new(); self.labels.len()];
        for (index, edge) in self.edges.iter().enumerate() {
            adjacency[edge.from].push((edge.to, index));
            if !self.directed && edge.from != edge.to {
                adjacency[edge.to].push((edge.from, index));
            }
        }
        adjacency
    }

    pub fn len(&self) -> usize {
        self.labels.len()
    }

    /// "5 nodes and 1 edge": the graph's size in a narration's words.
    pub fn size_text(&self) -> String {
        format!(
            "{} and {}",
            crate::plural(self.len(), "node", "nodes"),
            crate::plural(self.edges.len(), "edge", "edges")
        )
    }

    pub fn is_empty(&self) -> bool {
        self.labels.is_empty()
    }

    /// The edge-list text that [`parse_graph`] reads back as this very graph.
    pub fn to_text(&self) -> String {
        let mut text = String::new();
        if self.directed {
            text.push_str("directed\n");
        }
        // Nodes are numbered in order of first mention: when the edges mention them in index order, the
        // nodes without edges follow them; otherwise every node is listed first.
        let mut introduced = Vec::new();
        let mut seen = vec![false; self.len()];
        for edge in &self.edges {
            for node in [edge.from, edge.to] {
                if !std::mem::replace(&mut seen[node], true) {
                    introduced.push(node);
                }
            }
        }
        let in_order = introduced.iter().enumerate().all(|(i, &node)| i == node);
        let lone = |text: &mut String, from: usize| {
            for label in &self.labels[from..] {
                text.push_str(label);
                text.push('\n');
            }
        };
        if !in_order {
            lone(&mut text, 0);
        }
        for edge in &self.edges {
            let (from, to) = (&self.labels[edge.from], &self.labels[edge.to]);
            text.push_str(&format!("{from} {to} {}\n", edge.weight));
        }
        if in_order {
            lone(&mut text, introduced.len());
        }
        // Positions are written only when they are not the circle every text graph starts from.
        if self.positions != circle_layout(self.len()) {
            for (label, (x, y)) in self.labels.iter().zip(&self.positions) {
                text.push_str(&format!("at {label} {x} {y}\n"));
            }
        }
        for (keyword, node) in [("start", self.start), ("goal", self.goal)] {
            if let Some(node) = node {
                text.push_str(&format!("{keyword} {}\n", self.labels[node]));
            }
        }
        text
    }
}

/// A named example graph, as the text [`parse_graph`] reads; [`crate::catalogue::Card::graph_presets`]
/// offers the ones an algorithm takes.
pub struct GraphPreset {
    pub id: &'static str,
    pub name: &'static str,
    pub text: &'static str,
}

pub const GRAPH_PRESETS: &[GraphPreset] = &[
    GraphPreset {
        id: "roads",
        name: "Roads (weighted, undirected)",
        text: "A B 4\nA H 8\nB C 8\nB H 11\nC D 7\nC F 4\nC I 2\nD E 9\nD F 14\nE F 10\nF G 2\nG H 1\nG I 6\nH I 7\n\
at A 60 500\nat B 250 200\nat C 500 200\nat D 750 200\nat E 940 500\nat F 750 800\nat G 500 800\nat H 250 800\nat I 420 500\n\
start A\ngoal E\n",
    },
    GraphPreset {
        id: "prerequisites",
        name: "Course prerequisites (a directed acyclic graph)",
        text: "directed\nIntro Data 1\nIntro Logic 1\nData Algo 1\nLogic Algo 1\nAlgo Graphs 1\nData DB 1\nDB Web 1\nGraphs Thesis 1\nWeb Thesis 1\n\
at Intro 80 500\nat Data 300 300\nat Logic 300 700\nat Algo 520 500\nat DB 520 150\nat Graphs 740 500\nat Web 740 150\nat Thesis 940 350\n\
start Intro\ngoal Thesis\n",
    },
    GraphPreset {
        id: "cycles",
        name: "Knotted one-way streets (directed, with cycles)",
        text: "directed\nA B 2\nB C 3\nC A 1\nC D 4\nD E 2\nE F 1\nF D 5\nF G 3\nG H 2\nH G 1\nB E 6\n\
at A 100 200\nat B 300 100\nat C 300 350\nat D 500 350\nat E 650 150\nat F 700 450\nat G 850 650\nat H 600 750\n\
start A\ngoal H\n",
    },
    GraphPreset {
        id: "negative",
        name: "Debts (directed, negative weights, no negative cycle)",
        text: "directed\nS A 4\nS B 5\nA C -3\nB A -2\nC D 3\nB D 7\nD T 2\nC T 6\n\
at S 80 500\nat A 350 250\nat B 350 750\nat C 620 250\nat D 620 750\nat T 920 500\nstart S\ngoal T\n",
    },
    GraphPreset {
        id: "negative-cycle",
        name: "Arbitrage (directed, a negative cycle)",
        text: "directed\nS A 2\nA B 1\nB C -4\nC A 1\nC T 3\n\
at S 80 500\nat A 350 300\nat B 650 300\nat C 500 650\nat T 920 650\nstart S\ngoal T\n",
    },
    GraphPreset {
        id: "islands",
        name: "Islands (undirected, three components, a bridge)",
        text: "A B 2\nB C 3\nC A 1\nC D 5\nD E 2\nE F 2\nF D 3\nG H 1\nH I 4\nJ\n\
at A 80 200\nat B 250 80\nat C 300 300\nat D 500 300\nat E 650 150\nat F 700 420\nat G 150 800\nat H 400 850\nat I 600 800\nat J 900 800\n\
start A\ngoal F\n",
    },
];

impl GraphPreset {
    pub fn graph(&self) -> Graph {
        parse_graph(self.text).expect("presets are valid graphs")
    }
}

/// A reproducible random graph: nodes scattered in the square (at least a node's width apart where room
/// allows), joined first into one connected tree of near neighbours, then by more edges between near nodes
/// up to `density` per cent of the pairs. Start is the first node, goal the farthest from it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GraphGenerator {
    pub nodes: usize,
    /// Per cent of all node pairs joined, 0–100 (the tree's edges count towards it).
    pub density: u8,
    pub min_weight: i64,
    pub max_weight: i64,
    pub directed: bool,
    /// Directed edges all point from the earlier node to the later, so there is no cycle (a DAG).
    #[serde(default)]
    pub acyclic: bool,
    pub seed: u64,
}

/// The most nodes a generator makes: the largest count-only graph of any algorithm.
pub const GENERATOR_MAX_NODES: usize = 5_000;
/// The most edges a generator makes.
pub const GENERATOR_MAX_EDGES: usize = 50_000;

impl GraphGenerator {
    /// The graph a newcomer first sees for an algorithm taking graphs by `rules`: ten nodes, weights 1–9,
    /// directed where the algorithm needs it, without cycles only where it asks for that.
    pub fn first_for(rules: &GraphRules) -> Self {
        GraphGenerator {
            nodes: 10,
            density: 25,
            min_weight: 1,
            max_weight: 9,
            directed: rules.directed.unwrap_or(false),
            acyclic: rules.first_acyclic,
            seed: 1,
        }
    }

    pub fn generate(&self) -> Result<Graph, String> {
        let GraphGenerator {
            nodes: n,
            density,
            min_weight,
            max_weight,
            directed,
            acyclic,
            seed,
        } = *self;
        if min_weight > max_weight {
            return Err(format!(
                "the smallest weight {min_weight} is larger than the largest {max_weight}"
            ));
        }
        if min_weight.abs() > WEIGHT_LIMIT || max_weight.abs() > WEIGHT_LIMIT {
            return Err(format!("weights must be within ±{WEIGHT_LIMIT}"));
        }
        if n > GENERATOR_MAX_NODES {
            return Err(format!(
                "{n} nodes is more than the {GENERATOR_MAX_NODES} a generator makes"
            ));
        }
        if density > 100 {
            return Err(format!("a density of {density}% is more than 100%"));
        }
        let pairs = n * n.saturating_sub(1) / 2;
        let wanted = (pairs * usize::from(density))
            .div_ceil(100)
            .max(n.saturating_sub(1));
        if wanted > GENERATOR_MAX_EDGES {
            return Err(format!(
                "{n} nodes at {density}% density is {wanted} edges, more than the {GENERATOR_MAX_EDGES} a generator makes"
            ));
        }
        let mut rng = Pcg32::seed_from_u64(seed);
        let mut uniform = |lo: i64, hi: i64| lo + below(&mut rng, (hi - lo) as u64 + 1) as i64;
        let positions = scatter(n, &mut uniform);
        let distance = |a: usize, b: usize| {
            let (dx, dy) = (
                i64::from(positions[a].0 - positions[b].0),
                i64::from(positions[a].1 - positions[b].1),
            );
            dx * dx + dy * dy
        };
        // Neighbour lists to refuse a second edge between a pair: degrees are small, and a hash set would
        // add its hashing code to the page that generates graphs.
        let mut joined: Vec<Vec<u32>> = vec![Vec::new(); n];
        let mut edges = Vec::with_capacity(wanted);
        // Directed graphs get a random direction per edge (so some nodes are unreachable and cycles
        // occur), or, when acyclic, the direction from the earlier node to the later.
        let mut join = |a: usize, b: usize, weight: i64, flip: bool, edges: &mut Vec<Edge>| {
            if a != b && !joined[a].contains(&(b as u32)) {
                joined[a].push(b as u32);
                joined[b].push(a as u32);
                let (from, to) = match (directed, acyclic) {
                    (true, true) => (a.min(b), a.max(b)),
                    (true, false) if flip => (b, a),
                    _ => (a, b),
                };
                edges.push(Edge { from, to, weight });
            }
        };
        // The tree: each node joins the nearest of a few earlier nodes picked at random.
        for node in 1..n {
            let nearest = (0..4)
                .map(|_| uniform(0, node as i64 - 1) as usize)
                .min_by_key(|&other| distance(node, other))
                .expect("four candidates");
            let weight = uniform(min_weight, max_weight);
            let flip = uniform(0, 1) == 1;
            join(nearest, node, weight, flip, &mut edges);
        }
        // More edges: a random node to the nearest of a few random others, until the density is reached
        // (with a bound on attempts, for dense graphs where near pairs run out).
        let mut attempts = 0;
        while edges.len() < wanted && attempts < wanted * 20 {
            attempts += 1;
            let a = uniform(0, n as i64 - 1) as usize;
            let b = (0..3)
                .map(|_| uniform(0, n as i64 - 1) as usize)
                .filter(|&b| b != a)
                .min_by_key(|&b| distance(a, b));
            if let Some(b) = b {
                let weight = uniform(min_weight, max_weight);
                let flip = uniform(0, 1) == 1;
                join(a, b, weight, flip, &mut edges);
            }
        }
        let goal = (1..n).max_by_key(|&node| distance(0, node));
        Ok(Graph {
            directed,
            labels: (0..n).map(default_label).collect(),
            positions,
            edges,
            start: (n > 0).then_some(0),
            goal,
        })
    }
}

/// Random points in the square, each tried a few times to keep a node's width from the others.
fn scatter(n: usize, uniform: &mut impl FnMut(i64, i64) -> i64) -> Vec<(i32, i32)> {
    let margin = i64::from(LAYOUT_SIDE) / 20;
    let spacing = (i64::from(LAYOUT_SIDE) * 2 / 3 / (n.max(1) as f64).sqrt() as i64).max(8);
    let mut points: Vec<(i32, i32)> = Vec::with_capacity(n);
    for _ in 0..n {
        let mut point = (0, 0);
        for _ in 0..12 {
            point = (
                uniform(margin, i64::from(LAYOUT_SIDE) - margin) as i32,
                uniform(margin, i64::from(LAYOUT_SIDE) - margin) as i32,
            );
            let far = points.iter().all(|p| {
                let (dx, dy) = (i64::from(p.0 - point.0), i64::from(p.1 - point.1));
                dx * dx + dy * dy >= spacing * spacing
            });
            if far {
                break;
            }
        }
        points.push(point);
    }
    points
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_an_edge_list_with_weights_keywords_and_comments() {
        let graph = parse_graph("directed\nA B 4\nB C   # weight 1\nD\nstart A\ngoal C\n").unwrap();
        assert!(graph.directed);
        assert_eq!(graph.labels, ["A", "B", "C", "D"]);
        assert_eq!(
            graph.edges,
            [
                Edge {
                    from: 0,
                    to: 1,
                    weight: 4
                },
                Edge {
                    from: 1,
                    to: 2,
                    weight: 1
                }
            ]
        );
        assert_eq!((graph.start, graph.goal), (Some(0), Some(2)));
        assert_eq!(parse_graph(&graph.to_text()).unwrap(), graph);
    }

    #[test]
    fn positions_are_read_and_written_when_placed() {
        let graph = parse_graph("A B 2\nat B 10 990").unwrap();
        assert_eq!(graph.positions[1], (10, 990));
        assert_eq!(graph.positions[0], circle_layout(2)[0]);
        assert_eq!(parse_graph(&graph.to_text()).unwrap(), graph);
        let generated = GraphGenerator {
            nodes: 12,
            density: 20,
            min_weight: -3,
            max_weight: 9,
            directed: true,
            acyclic: false,
            seed: 5,
        }
        .generate()
        .unwrap();
        assert_eq!(parse_graph(&generated.to_text()).unwrap(), generated);
        assert_eq!(
            parse_graph("A B\nat A 10 1001").unwrap_err().to_string(),
            "line 2, column 9: \"1001\" is not a coordinate in 0…1000"
        );
        assert_eq!(
            parse_graph("A B\nat C 1 1").unwrap_err().to_string(),
            "line 2, column 4: \"C\" is not a node of the graph"
        );
    }

    #[test]
    fn edge_list_errors_name_line_and_column() {
        let error = |text: &str| parse_graph(text).unwrap_err().to_string();
        assert_eq!(
            error("A B 4\nB C x"),
            "line 2, column 5: \"x\" is not a whole-number weight"
        );
        assert_eq!(
            error("A B 4\n\nB C 2000000"),
            "line 3, column 5: weight 2000000 is outside the allowed range ±1000000"
        );
        assert_eq!(
            error("A B 1 2"),
            "line 1, column 7: an edge is \"from to weight\": too many words"
        );
        assert_eq!(
            error("A B\nstart Q"),
            "line 2, column 7: \"Q\" is not a node of the graph"
        );
        assert_eq!(
            error("A B\ndirected"),
            "line 2, column 1: \"directed\" must be the first line"
        );
        assert_eq!(
            error("A b$c"),
            "line 1, column 3: \"b$c\" has '$': labels are letters A–Z, digits, _ and -"
        );
    }

    #[test]
    fn reads_a_matrix_and_insists_on_symmetry_when_undirected() {
        let graph = parse_graph("matrix\n0 4 -\n4 0 1\n. 1 0\n").unwrap();
        assert!(!graph.directed);
        assert_eq!(graph.labels, ["A", "B", "C"]);
        assert_eq!(
            graph.edges,
            [
                Edge {
                    from: 0,
                    to: 1,
                    weight: 4
                },
                Edge {
                    from: 1,
                    to: 2,
                    weight: 1
                }
            ]
        );
        let directed = parse_graph("matrix\ndirected\n0 4\n0 0\n").unwrap();
        assert_eq!(
            directed.edges,
            [Edge {
                from: 0,
                to: 1,
                weight: 4
            }]
        );
        assert_eq!(
            parse_graph("matrix\n0 4\n0 0").unwrap_err().to_string(),
            "line 2, column 3: row 1 column 2 is 4 but row 2 column 1 is not: an undirected matrix is symmetric (write \"directed\" under \"matrix\" otherwise)"
        );
        assert_eq!(
            parse_graph("matrix\n0 4 1\n4 0").unwrap_err().to_string(),
            "line 2, column 5: row 1 has 3 entries; a matrix of 2 rows needs 2"
        );
    }

    #[test]
    fn json_form_round_trips_and_names_unknown_labels() {
        let graph = parse_graph("A B 4\nB C -2\nstart A").unwrap();
        let json = serde_json::to_value(&graph).unwrap();
        assert_eq!(json["edges"][1], serde_json::json!(["B", "C", -2]));
        assert_eq!(json["start"], "A");
        assert_eq!(serde_json::from_value::<Graph>(json).unwrap(), graph);
        let bad = serde_json::json!({"nodes": ["A"], "edges": [["A", "Z", 1]]});
        let error = serde_json::from_value::<Graph>(bad)
            .unwrap_err()
            .to_string();
        assert!(
            error.contains("edge 1 names \"Z\", which is not in nodes"),
            "{error}"
        );
        let twice = serde_json::json!({"nodes": ["A", "A"], "edges": []});
        assert!(
            serde_json::from_value::<Graph>(twice)
                .unwrap_err()
                .to_string()
                .contains("listed twice")
        );
    }

    #[test]
    fn circle_layout_matches_the_platform_trigonometry() {
        let centre = f64::from(LAYOUT_SIDE) / 2.0;
        for n in [1, 2, 3, 7, 200] {
            for (i, &(x, y)) in circle_layout(n).iter().enumerate() {
                let angle =
                    std::f64::consts::TAU * i as f64 / n as f64 - std::f64::consts::FRAC_PI_2;
                let expected = (
                    centre + centre * 0.9 * angle.cos(),
                    centre + centre * 0.9 * angle.sin(),
                );
                assert!((f64::from(x) - expected.0).abs() <= 0.5 + 1e-9, "{n} {i}");
                assert!((f64::from(y) - expected.1).abs() <= 0.5 + 1e-9, "{n} {i}");
            }
        }
    }

    #[test]
    fn generator_is_reproducible_connected_and_within_limits() {
        let generator = GraphGenerator {
            nodes: 40,
            density: 10,
            min_weight: 1,
            max_weight: 9,
            directed: false,
            acyclic: false,
            seed: 3,
        };
        let graph = generator.generate().unwrap();
        assert_eq!(graph, generator.generate().unwrap());
        assert_ne!(
            graph,
            GraphGenerator {
                seed: 4,
                ..generator.clone()
            }
            .generate()
            .unwrap()
        );
        assert_eq!(graph.len(), 40);
        assert!(
            graph.edges.len() >= 39 && graph.edges.len() <= 78 + 1,
            "{}",
            graph.edges.len()
        );
        assert!(
            graph
                .edges
                .iter()
                .all(|e| (1..=9).contains(&e.weight) && e.from != e.to)
        );
        // Connected: everything reachable from node 0.
        let adjacency = graph.adjacency();
        let mut seen = [false; 40];
        let mut stack = vec![0];
        while let Some(node) = stack.pop() {
            if !std::mem::replace(&mut seen[node], true) {
                stack.extend(adjacency[node].iter().map(|&(next, _)| next));
            }
        }
        assert!(seen.iter().all(|&s| s));
        assert!(
            graph
                .positions
                .iter()
                .all(|&(x, y)| (0..=LAYOUT_SIDE).contains(&x) && (0..=LAYOUT_SIDE).contains(&y))
        );
        assert!(
            GraphGenerator {
                min_weight: 5,
                max_weight: 1,
                ..generator.clone()
            }
            .generate()
            .is_err()
        );
        assert!(
            GraphGenerator {
                nodes: 5_001,
                ..generator.clone()
            }
            .generate()
            .is_err()
        );
        let dag = GraphGenerator {
            directed: true,
            acyclic: true,
            ..generator
        }
        .generate()
        .unwrap();
        assert!(dag.directed && dag.edges.iter().all(|e| e.from < e.to));
    }
}

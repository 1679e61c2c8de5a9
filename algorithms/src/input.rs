//! Inputs: typed lists, seeded generators and presets, and their validation against explicit limits.

use std::fmt;

use rand_core::{Rng, SeedableRng};
use rand_pcg::Pcg32;
use serde::{Deserialize, Serialize};

#[cfg(feature = "graphs")]
use crate::graph::Graph;
#[cfg(feature = "grids")]
use crate::grid::Grid;

/// Values are whole numbers with |v| ≤ this; it keeps every sum and difference an algorithm forms far from
/// overflow and every bar drawable.
pub const VALUE_LIMIT: i64 = 1_000_000_000;

/// What a run starts from: `values` for the array families (with `target`, what a search looks for), or a
/// `graph`, or a `grid`, or the input of a kind that owns its own ([`KindInput`]: a tree's script).
/// `seed` drives randomized algorithms and maze generators (0 when absent).
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Input {
    #[serde(default)]
    pub values: Vec<i64>,
    #[cfg(feature = "graphs")]
    #[serde(default)]
    pub graph: Option<Graph>,
    #[cfg(feature = "grids")]
    #[serde(default)]
    pub grid: Option<Grid>,
    /// In JSON under the kind's name: `"tree": "insert 50 30 70; delete 30"`.
    #[cfg(feature = "trees")]
    #[serde(default, rename = "tree", deserialize_with = "tree_input")]
    pub kind: Option<KindInput>,
    #[serde(default)]
    pub target: Option<i64>,
    #[serde(default)]
    pub seed: Option<u64>,
}

/// The input of a kind written as one module (`crate::kinds`): the one slot through which each such
/// kind's input travels, rather than one more optional field per kind.
#[cfg(feature = "trees")]
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KindInput {
    /// A script of operations on a tree (`crate::kinds::tree::Script`).
    Tree(crate::kinds::tree::Script),
}

#[cfg(feature = "trees")]
fn tree_input<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<KindInput>, D::Error> {
    crate::kinds::tree::Script::deserialize(deserializer)
        .map(|script| Some(KindInput::Tree(script)))
}

#[cfg(feature = "trees")]
impl Input {
    /// A tree's input: its script, and nothing else.
    pub fn tree(script: crate::kinds::tree::Script) -> Input {
        Input {
            kind: Some(KindInput::Tree(script)),
            ..Input::default()
        }
    }

    /// The script, when this is a tree's input.
    pub fn script(&self) -> Option<&crate::kinds::tree::Script> {
        match &self.kind {
            Some(KindInput::Tree(script)) => Some(script),
            None => None,
        }
    }
}

/// By hand: a list's JSON always has `values` (even empty, the form lists have always had), a graph's has
/// `graph`, a grid's `grid` and a tree's `tree`, and no `values`; absent options are left out.
impl Serialize for Input {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(None)?;
        // One of a graph, a grid or the values, whichever this build knows and the input has.
        #[allow(unused_mut)]
        let mut shaped = false;
        #[cfg(feature = "graphs")]
        if let Some(graph) = &self.graph {
            map.serialize_entry("graph", graph)?;
            shaped = true;
        }
        #[cfg(feature = "grids")]
        if !shaped && let Some(grid) = &self.grid {
            map.serialize_entry("grid", grid)?;
            shaped = true;
        }
        #[cfg(feature = "trees")]
        if !shaped && let Some(KindInput::Tree(script)) = &self.kind {
            map.serialize_entry("tree", script)?;
            shaped = true;
        }
        if !shaped {
            map.serialize_entry("values", &self.values)?;
        }
        if let Some(target) = self.target {
            map.serialize_entry("target", &target)?;
        }
        if let Some(seed) = self.seed {
            map.serialize_entry("seed", &seed)?;
        }
        map.end()
    }
}

/// Stepping builds snapshots and a timeline; counting only tallies counters, so it allows larger inputs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    Step,
    Count,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InputError {
    /// `position` counts items from 1; `column` counts characters from 1.
    NotANumber {
        token: String,
        position: usize,
        column: usize,
    },
    OutOfRange {
        value: String,
        position: usize,
    },
    TooMany {
        n: usize,
        max: usize,
        mode: Mode,
    },
    MissingTarget,
    /// A target given to an algorithm that takes none (a sort).
    UnexpectedTarget,
    NotSorted {
        position: usize,
    },
    SpanTooWide {
        span: u64,
        max: u64,
    },
    BadGenerator(String),
    /// A graph this algorithm cannot take, with the reason.
    Graph(String),
    /// A grid this algorithm cannot take, with the reason.
    Grid(String),
    /// A tree's script this algorithm cannot take, with the reason.
    #[cfg(feature = "trees")]
    Tree(String),
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::NotANumber {
                token,
                position,
                column,
            } => {
                write!(
                    f,
                    "item {position} (column {column}), \"{token}\", is not a whole number"
                )
            }
            InputError::OutOfRange { value, position } => {
                write!(
                    f,
                    "item {position}, {value}, is outside the allowed range ±{VALUE_LIMIT}"
                )
            }
            InputError::TooMany {
                n,
                max,
                mode: Mode::Step,
            } => {
                write!(
                    f,
                    "{n} values is more than the {max} this algorithm can step through"
                )
            }
            InputError::TooMany {
                n,
                max,
                mode: Mode::Count,
            } => {
                write!(
                    f,
                    "{n} values is more than the {max} this algorithm can count"
                )
            }
            InputError::MissingTarget => write!(f, "a search needs a target value"),
            InputError::UnexpectedTarget => write!(f, "this algorithm takes no target value"),
            InputError::NotSorted { position } => write!(
                f,
                "this search needs sorted values, but item {} is smaller than item {position}",
                position + 1
            ),
            InputError::SpanTooWide { span, max } => write!(
                f,
                "the values span {span} (largest minus smallest); this algorithm allows at most {max}"
            ),
            InputError::BadGenerator(reason)
            | InputError::Graph(reason)
            | InputError::Grid(reason) => write!(f, "{reason}"),
            #[cfg(feature = "trees")]
            InputError::Tree(reason) => write!(f, "{reason}"),
        }
    }
}

impl std::error::Error for InputError {}

/// Parses a typed list: whole numbers separated by commas and/or white space, optionally in brackets.
pub fn parse_list(text: &str) -> Result<Vec<i64>, InputError> {
    let inner = text.trim();
    let (inner, offset) = match inner
        .strip_prefix('[')
        .and_then(|rest| rest.strip_suffix(']'))
    {
        Some(rest) => (rest, text.find('[').unwrap() + 1),
        None => (text, 0),
    };
    let mut values = Vec::new();
    for (index, (start, token)) in tokens(inner).into_iter().enumerate() {
        let position = index + 1;
        let column = text[..offset + start].chars().count() + 1;
        match token.parse::<i64>() {
            Ok(value) if value.abs() <= VALUE_LIMIT => values.push(value),
            Ok(_) => {
                return Err(InputError::OutOfRange {
                    value: token.to_owned(),
                    position,
                });
            }
            Err(_) if is_integer_syntax(token) => {
                return Err(InputError::OutOfRange {
                    value: token.to_owned(),
                    position,
                });
            }
            Err(_) => {
                return Err(InputError::NotANumber {
                    token: token.to_owned(),
                    position,
                    column,
                });
            }
        }
    }
    Ok(values)
}

/// A whole number too large for `i64` parses as an overflow, not as "not a number".
fn is_integer_syntax(token: &str) -> bool {
    let digits = token.strip_prefix(['-', '+']).unwrap_or(token);
    !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit())
}

/// Byte offset (within `text`) and text of each token. An empty item between two commas is a token too,
/// so "1,,2" is an error rather than a silent skip; a trailing comma is allowed.
fn tokens(text: &str) -> Vec<(usize, &str)> {
    let offset = |part: &str| part.as_ptr() as usize - text.as_ptr() as usize;
    let items: Vec<&str> = text.split(',').collect();
    let mut out = Vec::new();
    for (k, item) in items.iter().enumerate() {
        let before = out.len();
        out.extend(item.split_whitespace().map(|word| (offset(word), word)));
        if out.len() == before && items.len() > 1 && k + 1 < items.len() {
            out.push((offset(item), ""));
        }
    }
    out
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Preset {
    Random,
    Sorted,
    Reversed,
    NearlySorted,
    FewUnique,
    AllEqual,
    Sawtooth,
}

impl Preset {
    pub const ALL: [Preset; 7] = [
        Preset::Random,
        Preset::Sorted,
        Preset::Reversed,
        Preset::NearlySorted,
        Preset::FewUnique,
        Preset::AllEqual,
        Preset::Sawtooth,
    ];

    /// The name in URLs and JSON.
    pub fn id(self) -> &'static str {
        match self {
            Preset::Random => "random",
            Preset::Sorted => "sorted",
            Preset::Reversed => "reversed",
            Preset::NearlySorted => "nearly_sorted",
            Preset::FewUnique => "few_unique",
            Preset::AllEqual => "all_equal",
            Preset::Sawtooth => "sawtooth",
        }
    }

    pub fn from_id(id: &str) -> Option<Preset> {
        Preset::ALL.into_iter().find(|preset| preset.id() == id)
    }

    pub fn name(self) -> &'static str {
        match self {
            Preset::Random => "Random",
            Preset::Sorted => "Sorted",
            Preset::Reversed => "Reversed",
            Preset::NearlySorted => "Nearly sorted",
            Preset::FewUnique => "Few unique",
            Preset::AllEqual => "All equal",
            Preset::Sawtooth => "Sawtooth",
        }
    }
}

/// A reproducible input: the same generator always yields the same values.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Generator {
    pub preset: Preset,
    pub n: usize,
    pub min: i64,
    pub max: i64,
    pub seed: u64,
}

impl Generator {
    pub fn values(&self) -> Result<Vec<i64>, InputError> {
        let Generator {
            preset,
            n,
            min,
            max,
            seed,
        } = *self;
        if min > max {
            return Err(InputError::BadGenerator(format!(
                "the minimum {min} is larger than the maximum {max}"
            )));
        }
        for value in [min, max] {
            if value.abs() > VALUE_LIMIT {
                return Err(InputError::BadGenerator(format!(
                    "{value} is outside the allowed range ±{VALUE_LIMIT}"
                )));
            }
        }
        if n > GENERATOR_MAX_N {
            return Err(InputError::BadGenerator(format!(
                "{n} values is more than the {GENERATOR_MAX_N} allowed"
            )));
        }
        let mut rng = Pcg32::seed_from_u64(seed);
        let mut uniform = |lo: i64, hi: i64| lo + below(&mut rng, (hi - lo) as u64 + 1) as i64;
        let mut values: Vec<i64> = match preset {
            Preset::AllEqual => vec![uniform(min, max); n],
            Preset::FewUnique => {
                let pool: Vec<i64> = (0..4).map(|_| uniform(min, max)).collect();
                (0..n).map(|_| pool[uniform(0, 3) as usize]).collect()
            }
            Preset::Sawtooth => {
                let tooth = (n / 4).max(2);
                let span = (max - min) as i128;
                (0..n)
                    .map(|i| min + ((i % tooth) as i128 * span / (tooth - 1) as i128) as i64)
                    .collect()
            }
            _ => (0..n).map(|_| uniform(min, max)).collect(),
        };
        match preset {
            Preset::Sorted => values.sort_unstable(),
            Preset::Reversed => {
                // Sorting ascending and reversing shares one sort with `Sorted` (less code in every module).
                values.sort_unstable();
                values.reverse();
            }
            Preset::NearlySorted => {
                values.sort_unstable();
                // About one element in twenty swapped with a near neighbour.
                for _ in 0..n.div_ceil(20) {
                    let i = uniform(0, n as i64 - 1) as usize;
                    let j = (i + 1 + uniform(0, 2) as usize).min(n - 1);
                    values.swap(i, j);
                }
            }
            _ => {}
        }
        Ok(values)
    }

    /// A target for searches: an element of the values, chosen by the seed, so the search finds it.
    pub fn target(&self, values: &[i64]) -> Option<i64> {
        let mut rng = Pcg32::seed_from_u64(self.seed ^ 0x005e_ed7a_59e7);
        (!values.is_empty()).then(|| values[below(&mut rng, values.len() as u64) as usize])
    }
}

/// The most values a generator makes: the largest count-only input of any algorithm.
pub const GENERATOR_MAX_N: usize = 1_000_000;

/// Uniform in `0..bound` by multiply-and-shift; the bias, at most bound / 2⁶⁴, is immaterial here.
pub(crate) fn below(rng: &mut impl Rng, bound: u64) -> u64 {
    ((rng.next_u64() as u128 * bound as u128) >> 64) as u64
}

#[cfg(test)]
mod tests {

    #[test]
    fn preset_ids_round_trip() {
        for preset in Preset::ALL {
            assert_eq!(Preset::from_id(preset.id()), Some(preset));
        }
        assert_eq!(Preset::from_id("Random"), None);
    }

    use super::*;

    #[test]
    fn parses_commas_spaces_and_brackets() {
        assert_eq!(parse_list("5, 3 -2,8").unwrap(), [5, 3, -2, 8]);
        assert_eq!(parse_list(" [1,2 , 3] ").unwrap(), [1, 2, 3]);
        assert_eq!(parse_list("").unwrap(), Vec::<i64>::new());
        assert_eq!(parse_list("  ").unwrap(), Vec::<i64>::new());
    }

    #[test]
    fn names_the_bad_token_and_where_it_is() {
        let error = parse_list("4, 7, x9, 2").unwrap_err();
        assert_eq!(
            error,
            InputError::NotANumber {
                token: "x9".into(),
                position: 3,
                column: 7
            }
        );
        assert_eq!(
            error.to_string(),
            "item 3 (column 7), \"x9\", is not a whole number"
        );
        assert_eq!(
            parse_list("1,,2").unwrap_err(),
            InputError::NotANumber {
                token: "".into(),
                position: 2,
                column: 3
            }
        );
        assert!(matches!(
            parse_list("1.5").unwrap_err(),
            InputError::NotANumber { position: 1, .. }
        ));
    }

    #[test]
    fn rejects_values_out_of_range_even_past_i64() {
        let limit = VALUE_LIMIT.to_string();
        assert_eq!(parse_list(&limit).unwrap(), [VALUE_LIMIT]);
        for text in ["1000000001", "-1000000001", "99999999999999999999999"] {
            assert!(
                matches!(
                    parse_list(text).unwrap_err(),
                    InputError::OutOfRange { position: 1, .. }
                ),
                "{text}"
            );
        }
    }

    #[test]
    fn generators_are_reproducible_and_respect_presets() {
        let generator = |preset| Generator {
            preset,
            n: 50,
            min: -20,
            max: 20,
            seed: 7,
        };
        for preset in Preset::ALL {
            let values = generator(preset).values().unwrap();
            assert_eq!(
                values,
                generator(preset).values().unwrap(),
                "{preset:?} is deterministic"
            );
            assert_eq!(values.len(), 50);
            assert!(
                values.iter().all(|v| (-20..=20).contains(v)),
                "{preset:?} stays in range"
            );
        }
        let sorted = generator(Preset::Sorted).values().unwrap();
        assert!(sorted.is_sorted());
        assert!(
            generator(Preset::Reversed)
                .values()
                .unwrap()
                .is_sorted_by(|a, b| a >= b)
        );
        assert!(
            generator(Preset::AllEqual)
                .values()
                .unwrap()
                .windows(2)
                .all(|w| w[0] == w[1])
        );
        let mut unique = generator(Preset::FewUnique).values().unwrap();
        unique.sort_unstable();
        unique.dedup();
        assert!(unique.len() <= 4);
        assert_ne!(
            generator(Preset::Random).values().unwrap(),
            Generator {
                seed: 8,
                ..generator(Preset::Random)
            }
            .values()
            .unwrap()
        );
    }

    #[test]
    fn bad_generators_are_explained() {
        let bad = Generator {
            preset: Preset::Random,
            n: 5,
            min: 3,
            max: 1,
            seed: 0,
        };
        assert_eq!(
            bad.values().unwrap_err().to_string(),
            "the minimum 3 is larger than the maximum 1"
        );
        let huge = Generator {
            n: GENERATOR_MAX_N + 1,
            min: 0,
            max: 1,
            ..bad
        };
        assert!(huge.values().is_err());
    }
}

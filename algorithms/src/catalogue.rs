//! The one registry the app, the server and the CLI learn algorithms from. Each algorithm's file declares
//! its `CARD` (what a reader sees: names, complexity, pseudocode, input limits) and its `ENTRY` (the card
//! plus the state machine's constructors) beside its code.
//!
//! Cards and entries are listed apart on purpose: [`CARDS`] holds no function pointers, so a program that
//! reads only cards (the app's pages) links none of the state machines. Machines are reached through a
//! family's entries ([`SORTING`], [`SEARCHING`]; the app loads each family's engine on its own) or
//! through [`CATALOGUE`], every entry, for the server and the CLI.

use std::ops::Deref;

use serde::Serialize;

use crate::input::{Generator, Input, InputError, Mode, Preset};
use crate::machine::DynMachine;
use crate::snapshot::{Counters, FrameKind};
use crate::{searching, sorting};

/// Declares every catalogue list from one list of algorithm modules per family, so they cannot disagree.
macro_rules! catalogue {
    ($($family:ident $list:ident: $module:ident [$($algorithm:ident),* $(,)?]),* $(,)?) => {
        $(
            #[doc = concat!("The entries of the ", stringify!($module), " family, in catalogue order.")]
            pub static $list: &[&Entry] = &[$(&$module::$algorithm::ENTRY),*];
        )*
        /// Every entry, family by family.
        pub static CATALOGUE: &[&Entry] = &[$($(&$module::$algorithm::ENTRY),*),*];
        /// Every card, in the same order as [`CATALOGUE`].
        pub static CARDS: &[&Card] = &[$($(&$module::$algorithm::CARD),*),*];

        impl Family {
            pub const ALL: [Family; [$(Family::$family),*].len()] = [$(Family::$family),*];

            /// The family's entries; code that should link one family only names its static instead.
            pub fn entries(self) -> &'static [&'static Entry] {
                match self {
                    $(Family::$family => $list,)*
                }
            }
        }
    };
}

catalogue! {
    Sorting SORTING: sorting [
        bubble, cocktail, selection, insertion, binary_insertion, shell, comb, merge_top_down,
        merge_bottom_up, quick_lomuto, quick_hoare, quick_randomized, heap, counting, radix, bucket,
    ],
    Searching SEARCHING: searching [linear, binary, jump, interpolation, exponential, ternary],
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
}

impl Family {
    /// The family's name in file names and URLs.
    pub fn id(self) -> &'static str {
        match self {
            Family::Sorting => "sorting",
            Family::Searching => "searching",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    Sorting,
    Searching,
}

impl Category {
    pub fn family(self) -> Family {
        match self {
            Category::Sorting => Family::Sorting,
            Category::Searching => Family::Searching,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Category::Sorting => "Sorting",
            Category::Searching => "Searching",
        }
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
}

#[derive(Clone, Copy, Debug, Serialize)]
pub struct InputSpec {
    pub kind: InputKind,
    /// The most values for stepping (snapshots and a timeline).
    pub max_step_n: usize,
    /// The most values for count-only runs.
    pub max_count_n: usize,
    /// The widest span (largest minus smallest value) the algorithm allows, for counting-based sorts.
    pub max_span: Option<u64>,
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
    pub pseudocode: &'static [&'static str],
    pub input: InputSpec,
    pub frame: FrameKind,
    /// Changes whenever the algorithm's steps change, so a saved run of an older version is not resumed as
    /// if it were the same.
    pub version: u32,
}

/// A card and the constructors of its state machine.
pub struct Entry {
    pub card: &'static Card,
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

impl Serialize for Entry {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.card.serialize(serializer)
    }
}

impl Card {
    pub fn validate(&self, input: &Input, mode: Mode) -> Result<(), InputError> {
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

    /// An input from a generator, shaped for this algorithm: searches get sorted values and a target.
    pub fn generate(&self, generator: &Generator) -> Result<Input, InputError> {
        let mut values = generator.values()?;
        let target = match self.input.kind {
            InputKind::Array => None,
            InputKind::ArrayWithTarget => Some(generator.target(&values).unwrap_or(generator.min)),
            InputKind::SortedArrayWithTarget => {
                values.sort_unstable();
                Some(generator.target(&values).unwrap_or(generator.min))
            }
        };
        Ok(Input {
            values,
            target,
            seed: Some(generator.seed),
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

/// Limits shared by the sorts: quadratic ones step through fewer values and count fewer.
pub(crate) const QUADRATIC_SORT_INPUT: InputSpec = InputSpec {
    kind: InputKind::Array,
    max_step_n: 2_000,
    max_count_n: 20_000,
    max_span: None,
};
pub(crate) const FAST_SORT_INPUT: InputSpec = InputSpec {
    kind: InputKind::Array,
    max_step_n: 10_000,
    max_count_n: 1_000_000,
    max_span: None,
};
pub(crate) const UNSORTED_SEARCH_INPUT: InputSpec = InputSpec {
    kind: InputKind::ArrayWithTarget,
    max_step_n: 10_000,
    max_count_n: 1_000_000,
    max_span: None,
};
pub(crate) const SEARCH_INPUT: InputSpec = InputSpec {
    kind: InputKind::SortedArrayWithTarget,
    max_step_n: 10_000,
    max_count_n: 1_000_000,
    max_span: None,
};

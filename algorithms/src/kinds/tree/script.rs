//! The tree kind's input: a script of operations on a set of keys, typed as
//! `insert 50 30 70 20 40; delete 30; find 40; extract`, one operation per line or `;`-separated. The
//! typed text, read back from its canonical form, is also the JSON form (one string), so the address
//! bar, sessions, exported traces and the `trace` CLI carry the same words a learner types.

use std::fmt;

use rand_core::SeedableRng;
use rand_pcg::Pcg32;
use serde::{Deserialize, Serialize};

use crate::input::{Mode, below};

/// Keys are whole numbers within ±this: four digits and a sign fit in a drawn node.
pub const KEY_LIMIT: i64 = 9_999;
/// A run steps through at most this many insertions (every step draws every node).
pub const STEP_INSERTIONS: usize = 255;
/// A run steps through at most this many operations.
pub const STEP_OPERATIONS: usize = 1_000;
/// A count-only run takes at most this many operations.
pub const COUNT_OPERATIONS: usize = 100_000;

/// One operation of a script. An entry says on its card which of them it accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Operation {
    Insert(i64),
    Delete(i64),
    Find(i64),
    /// Removes the structure's first key (a heap's root).
    Extract,
}

impl Operation {
    /// The word that names the operation in a script.
    pub fn verb(self) -> Verb {
        match self {
            Operation::Insert(_) => Verb::Insert,
            Operation::Delete(_) => Verb::Delete,
            Operation::Find(_) => Verb::Find,
            Operation::Extract => Verb::Extract,
        }
    }

    pub fn key(self) -> Option<i64> {
        match self {
            Operation::Insert(key) | Operation::Delete(key) | Operation::Find(key) => Some(key),
            Operation::Extract => None,
        }
    }
}

/// One operation as a script says it: `insert 40`, `extract`.
impl fmt::Display for Operation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.verb().word())?;
        match self.key() {
            Some(key) => write!(f, " {key}"),
            None => Ok(()),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verb {
    Insert,
    Delete,
    Find,
    Extract,
}

impl Verb {
    pub const ALL: [Verb; 4] = [Verb::Insert, Verb::Delete, Verb::Find, Verb::Extract];

    pub fn word(self) -> &'static str {
        match self {
            Verb::Insert => "insert",
            Verb::Delete => "delete",
            Verb::Find => "find",
            Verb::Extract => "extract",
        }
    }

    fn takes_keys(self) -> bool {
        self != Verb::Extract
    }
}

/// A script: its operations in order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Script {
    pub operations: Vec<Operation>,
}

/// Why a script's text is not a script, at a line and column (both from 1, columns in characters).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScriptError {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for ScriptError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "line {}, column {}: {}",
            self.line, self.column, self.message
        )
    }
}

impl std::error::Error for ScriptError {}

/// Reads a script. Statements are separated by line breaks or `;`; each is a verb (`insert`, `delete`,
/// `find`, `extract`, in any case) followed by its keys, separated by spaces or commas (`extract` takes
/// none). Blank statements are skipped; a script with no operation is refused.
pub fn parse_script(text: &str) -> Result<Script, ScriptError> {
    let mut operations = Vec::new();
    for (line_index, line) in text.lines().enumerate() {
        let at = |byte: usize, message: String| ScriptError {
            line: line_index + 1,
            column: line[..byte].chars().count() + 1,
            message,
        };
        let mut words = words(line).into_iter().peekable();
        while let Some((start, word)) = words.next() {
            if word == ";" {
                continue;
            }
            let Some(verb) = Verb::ALL
                .into_iter()
                .find(|verb| verb.word().eq_ignore_ascii_case(word))
            else {
                return Err(at(
                    start,
                    format!("“{word}” is not an operation: use insert, delete, find or extract"),
                ));
            };
            let mut keys = 0;
            while let Some(&(start, word)) = words.peek() {
                if word == ";" {
                    break;
                }
                words.next();
                if !verb.takes_keys() {
                    return Err(at(
                        start,
                        format!("extract takes no key, but “{word}” follows it"),
                    ));
                }
                let key = parse_key(word).map_err(|message| at(start, message))?;
                operations.push(match verb {
                    Verb::Insert => Operation::Insert(key),
                    Verb::Delete => Operation::Delete(key),
                    Verb::Find => Operation::Find(key),
                    Verb::Extract => unreachable!("extract takes no key"),
                });
                keys += 1;
            }
            if verb == Verb::Extract {
                operations.push(Operation::Extract);
            } else if keys == 0 {
                return Err(at(
                    start + word.len(),
                    format!("{} needs at least one key after it", verb.word()),
                ));
            }
        }
    }
    if operations.is_empty() {
        return Err(ScriptError {
            line: 1,
            column: 1,
            message: "the script has no operation: type one, such as insert 50 30 70".to_owned(),
        });
    }
    Ok(Script { operations })
}

/// The words of a line with their byte offsets: `;` is a word of its own, commas and spaces separate.
fn words(line: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (at, c) in line.char_indices() {
        let separator = c.is_whitespace() || c == ',' || c == ';';
        match (separator, start) {
            (true, Some(from)) => {
                out.push((from, &line[from..at]));
                start = None;
            }
            (false, None) => start = Some(at),
            _ => {}
        }
        if c == ';' {
            out.push((at, ";"));
        }
    }
    if let Some(from) = start {
        out.push((from, &line[from..]));
    }
    out
}

fn parse_key(word: &str) -> Result<i64, String> {
    let digits = word.strip_prefix(['-', '+']).unwrap_or(word);
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return Err(format!("“{word}” is not a whole number"));
    }
    match word.parse::<i64>() {
        Ok(key) if key.abs() <= KEY_LIMIT => Ok(key),
        _ => Err(format!("{word} is outside the allowed range ±{KEY_LIMIT}")),
    }
}

impl Script {
    /// Refuses a script longer than `mode` allows, saying which limit it passes.
    pub fn check(&self, mode: Mode) -> Result<(), String> {
        let operations = self.operations.len();
        let (max_operations, label) = match mode {
            Mode::Step => (STEP_OPERATIONS, "step through"),
            Mode::Count => (COUNT_OPERATIONS, "count"),
        };
        if operations > max_operations {
            return Err(format!(
                "{operations} operations is more than the {max_operations} a run can {label}"
            ));
        }
        let insertions = self
            .operations
            .iter()
            .filter(|operation| matches!(operation, Operation::Insert(_)))
            .count();
        if mode == Mode::Step && insertions > STEP_INSERTIONS {
            return Err(format!(
                "{insertions} insertions is more than the {STEP_INSERTIONS} a run can step through"
            ));
        }
        Ok(())
    }

    /// The verbs the script uses, each once, in the order of their first use.
    pub fn verbs(&self) -> Vec<Verb> {
        let mut verbs = Vec::new();
        for operation in &self.operations {
            if !verbs.contains(&operation.verb()) {
                verbs.push(operation.verb());
            }
        }
        verbs
    }
}

/// The canonical text: consecutive operations with the same verb share it, statements are separated by
/// `; ` (`insert 50 30 70; delete 30; extract; extract`). Reading it back gives the same script.
impl fmt::Display for Script {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut previous: Option<Verb> = None;
        for operation in &self.operations {
            let verb = operation.verb();
            let joins = previous == Some(verb) && verb.takes_keys();
            if !joins {
                if previous.is_some() {
                    f.write_str("; ")?;
                }
                f.write_str(verb.word())?;
            }
            if let Some(key) = operation.key() {
                write!(f, " {key}")?;
            }
            previous = Some(verb);
        }
        Ok(())
    }
}

impl TryFrom<String> for Script {
    type Error = ScriptError;

    fn try_from(text: String) -> Result<Self, ScriptError> {
        parse_script(&text)
    }
}

impl From<Script> for String {
    fn from(script: Script) -> String {
        script.to_string()
    }
}

/// The order a generated script inserts its keys in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum KeyOrder {
    Random,
    /// Ascending: a plain binary search tree becomes a list.
    Sorted,
    Reversed,
}

/// A reproducible script: `keys` distinct positive keys inserted in `order`, then, if `mixed`, as many
/// operations again, each a find (of a key in the set, or of a negative key, never in it), a delete of a
/// key in the set, or an insertion of a new key.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScriptGenerator {
    pub keys: usize,
    pub order: KeyOrder,
    #[serde(default)]
    pub mixed: bool,
    pub seed: u64,
}

/// The most distinct keys a generated script can draw from (every key in ±[`KEY_LIMIT`] but 0).
pub const GENERATOR_MAX_KEYS: usize = KEY_LIMIT as usize;

impl ScriptGenerator {
    pub fn script(&self) -> Result<Script, String> {
        let ScriptGenerator {
            keys,
            order,
            mixed,
            seed,
        } = *self;
        if keys == 0 {
            return Err("a script needs at least one key".to_owned());
        }
        if keys > GENERATOR_MAX_KEYS {
            return Err(format!(
                "{keys} keys is more than the {GENERATOR_MAX_KEYS} distinct keys a script can draw"
            ));
        }
        let mut rng = Pcg32::seed_from_u64(seed);
        // Keys from 1 up to a range four times as wide as needed (at least 1–99), so they read as
        // numbers rather than as positions; distinct, by a partial shuffle of the range.
        let span = (keys * 4).clamp(99, KEY_LIMIT as usize);
        let mut pool: Vec<i64> = (1..=span as i64).collect();
        for at in 0..keys {
            let pick = at + below(&mut rng, (span - at) as u64) as usize;
            pool.swap(at, pick);
        }
        let mut chosen: Vec<i64> = pool[..keys].to_vec();
        match order {
            KeyOrder::Random => {}
            KeyOrder::Sorted => chosen.sort_unstable(),
            KeyOrder::Reversed => chosen.sort_unstable_by(|a, b| b.cmp(a)),
        }
        let mut operations: Vec<Operation> =
            chosen.iter().map(|&key| Operation::Insert(key)).collect();
        if mixed {
            let mut present = chosen;
            let mut unused = pool[keys..].to_vec();
            for _ in 0..keys {
                let pick = |rng: &mut Pcg32, len: usize| below(rng, len as u64) as usize;
                let operation = match below(&mut rng, 4) {
                    0 if !present.is_empty() => {
                        Operation::Find(present[pick(&mut rng, present.len())])
                    }
                    // Drawn keys are positive: a negative one is never in the set.
                    1 => Operation::Find(-1 - below(&mut rng, 50) as i64),
                    2 if !present.is_empty() => {
                        Operation::Delete(present.swap_remove(pick(&mut rng, present.len())))
                    }
                    _ if !unused.is_empty() => {
                        let key = unused.swap_remove(pick(&mut rng, unused.len()));
                        present.push(key);
                        Operation::Insert(key)
                    }
                    _ => Operation::Find(-1),
                };
                operations.push(operation);
            }
        }
        Ok(Script { operations })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(text: &str) -> (usize, usize, String) {
        let error = parse_script(text).unwrap_err();
        (error.line, error.column, error.message)
    }

    #[test]
    fn a_script_reads_verbs_keys_lines_and_semicolons() {
        let script =
            parse_script("insert 50 30, 70\nDelete 30; find 40;\n\nextract;extract").unwrap();
        assert_eq!(
            script.operations,
            [
                Operation::Insert(50),
                Operation::Insert(30),
                Operation::Insert(70),
                Operation::Delete(30),
                Operation::Find(40),
                Operation::Extract,
                Operation::Extract,
            ]
        );
        assert_eq!(
            script.to_string(),
            "insert 50 30 70; delete 30; find 40; extract; extract"
        );
        assert_eq!(parse_script(&script.to_string()).unwrap(), script);
        assert_eq!(
            script.verbs(),
            [Verb::Insert, Verb::Delete, Verb::Find, Verb::Extract]
        );
    }

    #[test]
    fn mistakes_name_their_line_and_column() {
        assert_eq!(
            error("insert 5\n  inset 4"),
            (
                2,
                3,
                "“inset” is not an operation: use insert, delete, find or extract".to_owned()
            )
        );
        assert_eq!(
            error("insert 5 x7"),
            (1, 10, "“x7” is not a whole number".to_owned())
        );
        assert_eq!(
            error("find 3; insert 10000"),
            (1, 16, "10000 is outside the allowed range ±9999".to_owned())
        );
        assert_eq!(
            error("insert 1; extract 2"),
            (1, 19, "extract takes no key, but “2” follows it".to_owned())
        );
        assert_eq!(
            error("insert 1\ndelete; find 1"),
            (2, 7, "delete needs at least one key after it".to_owned())
        );
        assert_eq!(
            error(" ; \n"),
            (
                1,
                1,
                "the script has no operation: type one, such as insert 50 30 70".to_owned()
            )
        );
        // Columns count characters, not bytes.
        assert_eq!(error("find 1; ✓ 2").1, 9);
    }

    #[test]
    fn keys_at_the_limits_are_taken_and_beyond_refused() {
        let script = parse_script("insert -9999 +9999 0").unwrap();
        assert_eq!(
            script.operations,
            [
                Operation::Insert(-9999),
                Operation::Insert(9999),
                Operation::Insert(0)
            ]
        );
        assert!(
            error("insert 99999999999999999999")
                .2
                .contains("outside the allowed range")
        );
    }

    #[test]
    fn the_json_form_is_the_canonical_text() {
        let script = parse_script("insert 2 1\nfind 1").unwrap();
        let json = serde_json::to_string(&script).unwrap();
        assert_eq!(json, "\"insert 2 1; find 1\"");
        assert_eq!(serde_json::from_str::<Script>(&json).unwrap(), script);
        let refused = serde_json::from_str::<Script>("\"grow 3\"")
            .unwrap_err()
            .to_string();
        assert!(
            refused.contains("line 1, column 1: “grow” is not an operation"),
            "{refused}"
        );
    }

    #[test]
    fn limits_name_the_mode_and_the_number() {
        let inserts = Script {
            operations: (1..=256).map(Operation::Insert).collect(),
        };
        assert_eq!(
            inserts.check(Mode::Step).unwrap_err(),
            "256 insertions is more than the 255 a run can step through"
        );
        assert!(inserts.check(Mode::Count).is_ok());
        let finds = Script {
            operations: vec![Operation::Find(1); 1_001],
        };
        assert_eq!(
            finds.check(Mode::Step).unwrap_err(),
            "1001 operations is more than the 1000 a run can step through"
        );
        let many = Script {
            operations: vec![Operation::Find(1); COUNT_OPERATIONS + 1],
        };
        assert_eq!(
            many.check(Mode::Count).unwrap_err(),
            "100001 operations is more than the 100000 a run can count"
        );
    }

    #[test]
    fn generated_scripts_are_reproducible_distinct_and_in_order() {
        for seed in 0..200 {
            for order in [KeyOrder::Random, KeyOrder::Sorted, KeyOrder::Reversed] {
                let generator = ScriptGenerator {
                    keys: 1 + (seed as usize % 40),
                    order,
                    mixed: seed % 2 == 0,
                    seed,
                };
                let script = generator.script().unwrap();
                assert_eq!(script, generator.script().unwrap());
                let inserted: Vec<i64> = script.operations[..generator.keys]
                    .iter()
                    .map(|operation| match operation {
                        Operation::Insert(key) => *key,
                        other => panic!("{other:?} before every key is in"),
                    })
                    .collect();
                let mut distinct = inserted.clone();
                distinct.sort_unstable();
                distinct.dedup();
                assert_eq!(distinct.len(), inserted.len(), "{inserted:?}");
                match order {
                    KeyOrder::Sorted => assert!(inserted.is_sorted()),
                    KeyOrder::Reversed => assert!(inserted.iter().rev().is_sorted()),
                    KeyOrder::Random => {}
                }
                let expected = if generator.mixed { 2 } else { 1 } * generator.keys;
                assert_eq!(script.operations.len(), expected);
                // The text reads back as the same script.
                assert_eq!(parse_script(&script.to_string()).unwrap(), script);
                assert!(
                    script
                        .operations
                        .iter()
                        .all(|op| op.key().is_none_or(|k| k.abs() <= KEY_LIMIT))
                );
            }
        }
        assert!(
            ScriptGenerator {
                keys: 0,
                order: KeyOrder::Random,
                mixed: false,
                seed: 1
            }
            .script()
            .is_err()
        );
        assert!(
            ScriptGenerator {
                keys: GENERATOR_MAX_KEYS + 1,
                order: KeyOrder::Random,
                mixed: false,
                seed: 1
            }
            .script()
            .is_err()
        );
    }
}

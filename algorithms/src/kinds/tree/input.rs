//! What a tree entry takes: the operations on its card ([`TreeRules`]), how an input is checked against
//! them and the limits, the scripts a learner can start from ([`TREE_PRESETS`]) and the sizes the plot
//! measures.

use serde::Serialize;

use super::script::{KeyOrder, Operation, Script, ScriptGenerator, Verb, parse_script};
use crate::input::Mode;

/// Which operations a tree entry accepts: a binary search tree has no "extract", a heap no "find".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct TreeRules {
    pub verbs: &'static [Verb],
}

impl TreeRules {
    /// Refuses a script that uses an operation this entry does not know, naming the first such
    /// operation by its place, or that is longer than `mode` allows.
    pub fn check(&self, script: &Script, mode: Mode) -> Result<(), String> {
        if let Some((index, operation)) = script
            .operations
            .iter()
            .enumerate()
            .find(|(_, operation)| !self.verbs.contains(&operation.verb()))
        {
            let words: Vec<&str> = self.verbs.iter().map(|verb| verb.word()).collect();
            return Err(format!(
                "operation {} is “{operation}”, but this structure takes only {}",
                index + 1,
                list(&words)
            ));
        }
        script.check(mode)
    }

    /// A generated script made of this entry's operations: one that has no "find" searches by deleting
    /// and inserting only; one that has "extract" takes from the front instead of deleting a chosen key.
    pub fn generate(&self, generator: &ScriptGenerator) -> Result<Script, String> {
        let mut script = generator.script()?;
        for operation in &mut script.operations {
            if self.verbs.contains(&operation.verb()) {
                continue;
            }
            *operation = match *operation {
                Operation::Delete(_) | Operation::Find(_)
                    if self.verbs.contains(&Verb::Extract) =>
                {
                    Operation::Extract
                }
                Operation::Find(key) if self.verbs.contains(&Verb::Insert) => {
                    Operation::Insert(key.abs())
                }
                other => {
                    return Err(format!(
                        "this structure cannot run a generated “{}”",
                        other.verb().word()
                    ));
                }
            };
        }
        Ok(script)
    }

    /// A random script of about `size` operations (a tree's n, as on its card): half of them keys
    /// inserted in random order, then as many mixed operations, for tests, benchmarks and the plot.
    pub fn sample(&self, size: usize, seed: u64) -> Script {
        self.generate(&ScriptGenerator {
            keys: (size / 2).max(1),
            order: KeyOrder::Random,
            mixed: true,
            seed,
        })
        .expect("a sample within every limit")
    }

    /// The example scripts this entry takes.
    pub fn presets(self) -> impl Iterator<Item = &'static TreePreset> {
        TREE_PRESETS.iter().filter(move |preset| {
            preset
                .script()
                .verbs()
                .iter()
                .all(|verb| self.verbs.contains(verb))
        })
    }
}

/// "a, b and c".
fn list(words: &[&str]) -> String {
    match words {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// A script that teaches something, offered where the entry takes all of its operations.
#[derive(Debug)]
pub struct TreePreset {
    /// The name in URLs.
    pub id: &'static str,
    pub name: &'static str,
    /// What it shows, in a sentence.
    pub about: &'static str,
    pub text: &'static str,
}

impl TreePreset {
    pub fn script(&self) -> Script {
        parse_script(self.text).expect("a preset's script reads")
    }

    pub fn from_id(id: &str) -> Option<&'static TreePreset> {
        TREE_PRESETS.iter().find(|preset| preset.id == id)
    }
}

pub static TREE_PRESETS: &[TreePreset] = &[
    TreePreset {
        id: "balanced",
        name: "Balanced",
        about: "Keys inserted middle first fill the tree level by level: every search walks at most three links.",
        text: "insert 50 30 70 20 40 60 80; find 60 65",
    },
    TreePreset {
        id: "sorted",
        name: "Sorted insertions",
        about: "Keys inserted in ascending order hang each to the right of the last: the tree is a list, and the last search compares with every key. This is why balanced trees exist.",
        text: "insert 10 20 30 40 50 60 70; find 70",
    },
    TreePreset {
        id: "two_children",
        name: "Delete with two children",
        about: "Deleting 30, which has two children, copies its successor 35 (the leftmost key of its right subtree) into it and splices the successor out.",
        text: "insert 50 30 70 20 40 60 80 35 45; delete 30; find 35",
    },
    TreePreset {
        id: "every_delete",
        name: "Every kind of delete",
        about: "A leaf leaves, a node with one child is replaced by it, and the root with two children takes its successor's key.",
        text: "insert 50 30 70 20 40 60 80 65; delete 20 60 50",
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    const SEARCH_TREE: TreeRules = TreeRules {
        verbs: &[Verb::Insert, Verb::Delete, Verb::Find],
    };

    #[test]
    fn an_operation_the_entry_lacks_is_named_by_its_place() {
        let script = parse_script("insert 5 3\nfind 3; extract").unwrap();
        assert_eq!(
            SEARCH_TREE.check(&script, Mode::Step).unwrap_err(),
            "operation 4 is “extract”, but this structure takes only insert, delete and find"
        );
        let fine = parse_script("insert 5 3; delete 5; find 3").unwrap();
        assert_eq!(SEARCH_TREE.check(&fine, Mode::Step), Ok(()));
    }

    #[test]
    fn the_limits_are_the_scripts_own() {
        let long = Script {
            operations: vec![Operation::Find(1); 1_001],
        };
        assert_eq!(
            SEARCH_TREE.check(&long, Mode::Step).unwrap_err(),
            "1001 operations is more than the 1000 a run can step through"
        );
        assert_eq!(SEARCH_TREE.check(&long, Mode::Count), Ok(()));
    }

    #[test]
    fn generated_scripts_use_only_the_entrys_operations() {
        let heap = TreeRules {
            verbs: &[Verb::Insert, Verb::Extract],
        };
        for seed in 0..200 {
            let generator = ScriptGenerator {
                keys: 1 + seed as usize % 40,
                order: KeyOrder::Random,
                mixed: true,
                seed,
            };
            for rules in [SEARCH_TREE, heap] {
                let script = rules.generate(&generator).unwrap();
                assert_eq!(rules.check(&script, Mode::Step), Ok(()), "seed {seed}");
                assert_eq!(script.operations.len(), 2 * generator.keys);
            }
        }
        assert_eq!(SEARCH_TREE.sample(30, 4).operations.len(), 30);
    }

    #[test]
    fn presets_read_and_are_offered_where_their_operations_are() {
        let ids: Vec<&str> = SEARCH_TREE.presets().map(|preset| preset.id).collect();
        assert_eq!(ids, ["balanced", "sorted", "two_children", "every_delete"]);
        for preset in TREE_PRESETS {
            assert_eq!(TreePreset::from_id(preset.id).unwrap().text, preset.text);
            assert_eq!(
                preset.script().to_string(),
                preset.text,
                "{} is canonical",
                preset.id
            );
        }
        let insert_only = TreeRules {
            verbs: &[Verb::Insert],
        };
        assert_eq!(insert_only.presets().count(), 0);
    }
}

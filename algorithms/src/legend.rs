//! What a run's legend lists: each state the algorithm's frames can show, in the words its page uses.
//!
//! A card declares its legend ([`crate::catalogue::Card::legend`]); the harness checks, over many seeded
//! runs, that the frames show exactly the declared states, so a page's legend never names a state the
//! algorithm cannot show and never leaves one out.

use serde::{Serialize, Serializer};

use crate::snapshot::{CellState, EdgeState, Frame, Mark, NodeState};

/// A state a frame can show, on the mark that shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Shown {
    Bar(Mark),
    Node(NodeState),
    Edge(EdgeState),
    Cell(CellState),
    /// Nodes coloured and numbered by the group they are in (a component, a set).
    Group,
    /// A tree node's mark.
    #[cfg(feature = "trees")]
    TreeNode(crate::kinds::tree::TreeMark),
}

impl Shown {
    /// The state's name as the renderers write it in `data-state` or `data-mark`.
    pub const fn name(self) -> &'static str {
        match self {
            Shown::Bar(mark) => mark.name(),
            Shown::Node(state) => state.name(),
            Shown::Edge(state) => state.name(),
            Shown::Cell(state) => state.name(),
            Shown::Group => "group",
            #[cfg(feature = "trees")]
            Shown::TreeNode(mark) => mark.name(),
        }
    }

    /// Which mark shows it: `bar`, `node`, `edge` or `cell`.
    pub const fn on(self) -> &'static str {
        match self {
            Shown::Bar(_) => "bar",
            Shown::Node(_) | Shown::Group => "node",
            #[cfg(feature = "trees")]
            Shown::TreeNode(_) => "node",
            Shown::Edge(_) => "edge",
            Shown::Cell(_) => "cell",
        }
    }
}

/// `"node:frontier"`: the mark and the state.
impl Serialize for Shown {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&format_args!("{}:{}", self.on(), self.name()))
    }
}

/// One line of a legend: a state and what this algorithm's page calls it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Key {
    pub shown: Shown,
    pub words: &'static str,
}

impl Key {
    /// A bar's mark, in its own name.
    pub const fn bar(mark: Mark) -> Key {
        Key {
            shown: Shown::Bar(mark),
            words: mark.name(),
        }
    }

    pub const fn node(state: NodeState) -> Key {
        Key {
            shown: Shown::Node(state),
            words: state.name(),
        }
    }

    /// An edge's state; `words` name the edge ("tree edge", "kept edge").
    pub const fn edge(state: EdgeState, words: &'static str) -> Key {
        Key {
            shown: Shown::Edge(state),
            words,
        }
    }

    pub const fn cell(state: CellState) -> Key {
        Key {
            shown: Shown::Cell(state),
            words: state.name(),
        }
    }

    #[cfg(feature = "trees")]
    pub const fn tree_node(mark: crate::kinds::tree::TreeMark) -> Key {
        Key {
            shown: Shown::TreeNode(mark),
            words: mark.name(),
        }
    }

    /// Groups of nodes, each in its own colour and number; `words` name them ("component", "set").
    pub const fn group(words: &'static str) -> Key {
        Key {
            shown: Shown::Group,
            words,
        }
    }

    /// The same state in other words ("in the tree" for Prim's visited nodes).
    pub const fn said(self, words: &'static str) -> Key {
        Key { words, ..self }
    }
}

impl Frame {
    /// Every state this frame shows, each once, in no particular order. A grid's open cells and walls are
    /// its input, not states of the run, and are left out.
    pub fn shown(&self) -> Vec<Shown> {
        let mut shown: Vec<Shown> = match self {
            Frame::Array(frame) => frame
                .dense_marks()
                .into_iter()
                .flatten()
                .chain(
                    frame
                        .aux
                        .iter()
                        .flat_map(|aux| aux.marks.iter().map(|&(_, m)| m)),
                )
                .map(Shown::Bar)
                .collect(),
            #[cfg(feature = "graphs")]
            Frame::Graph(frame) => frame
                .nodes
                .iter()
                .map(|&(_, state)| Shown::Node(state))
                .chain(frame.edges.iter().map(|&(_, state)| Shown::Edge(state)))
                .chain((!frame.groups.is_empty()).then_some(Shown::Group))
                .collect(),
            #[cfg(feature = "grids")]
            Frame::Grid(frame) => {
                let mut seen = [false; 256];
                for symbol in frame.cells.bytes() {
                    seen[usize::from(symbol)] = true;
                }
                CellState::ALL
                    .into_iter()
                    .filter(|state| !matches!(state, CellState::Open | CellState::Wall))
                    .filter(|state| seen[usize::from(state.symbol())])
                    .map(Shown::Cell)
                    .collect()
            }
            #[cfg(feature = "trees")]
            Frame::Tree(frame) => frame
                .marks
                .iter()
                .map(|&(_, mark)| Shown::TreeNode(mark))
                .collect(),
        };
        let mut unique = Vec::with_capacity(shown.len().min(16));
        for state in shown.drain(..) {
            if !unique.contains(&state) {
                unique.push(state);
            }
        }
        unique
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::snapshot::{ArrayFrame, AuxArray};

    #[test]
    fn an_array_frame_shows_its_marks_sorted_ranges_and_aux_marks_once() {
        let mut frame = ArrayFrame::new(&[3, 1, 2, 5]);
        frame.marks = vec![(0, Mark::Compared), (1, Mark::Compared)];
        frame.sorted = vec![(3, 4)];
        frame.aux = vec![AuxArray {
            name: "buffer".into(),
            values: vec![Some(1), None],
            marks: vec![(0, Mark::Written)],
        }];
        let shown = Frame::Array(frame).shown();
        assert_eq!(
            shown,
            [
                Shown::Bar(Mark::Compared),
                Shown::Bar(Mark::Sorted),
                Shown::Bar(Mark::Written)
            ]
        );
    }

    #[test]
    fn a_key_serializes_with_its_mark_and_words() {
        let key = Key::edge(EdgeState::Tree, "kept edge");
        assert_eq!(
            serde_json::to_string(&key).unwrap(),
            r#"{"shown":"edge:tree","words":"kept edge"}"#
        );
    }
}

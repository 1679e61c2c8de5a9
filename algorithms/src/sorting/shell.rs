//! Shell sort with Ciura's gap sequence: insertion sort over elements `gap` apart, for shrinking gaps; the
//! last pass (gap 1) is a plain insertion sort over an almost sorted array.

use serde::{Deserialize, Serialize};

use crate::catalogue::{Card, Category, Complexity, Entry, FAST_SORT_INPUT};
#[cfg(feature = "restore")]
use crate::machine::restore;
use crate::machine::{Algorithm, Run};
use crate::snapshot::{ArrayFrame, Counters, Frame, FrameKind, Mark, Variable, View};

pub const PSEUDOCODE: &[&str] = &[
    "procedure shellSort(A)",
    "  for gap in 701, 301, 132, 57, 23, 10, 4, 1 (those < n; ×2.25 beyond 701)",
    "    for i ← gap to n − 1",
    "      temp ← A[i]; j ← i",
    "      while j ≥ gap and A[j − gap] > temp",
    "        A[j] ← A[j − gap]; j ← j − gap",
    "      A[j] ← temp",
    "  A is sorted",
];

pub const CARD: Card = Card {
    id: "shell-sort",
    name: "Shell sort",
    category: Category::Sorting,
    summary: "Insertion sort over far-apart elements first (Ciura's gaps), so values travel long distances cheaply.",
    complexity: Complexity {
        best: "O(n log n)",
        average: "about O(n^1.3) (empirical)",
        worst: "unknown for Ciura's gaps",
        space: "O(1)",
    },
    stable: Some(false),
    in_place: Some(true),
    input: FAST_SORT_INPUT,
    frame: FrameKind::Array,
    legend: super::INSERTIONS,
    counters: crate::catalogue::SORT_COUNTERS,
    work: crate::catalogue::SORT_WORK,
    version: 2,
};

/// Other names a learner may search the catalogue for (`catalogue::matches`), lower case.
pub const ALIASES: &[&str] = &["shellsort", "diminishing increment"];

pub const ENTRY: Entry = Entry {
    card: &CARD,
    pseudocode: PSEUDOCODE,
    start: |input| Box::new(Run::new(ShellSort::new(input.values))),
    #[cfg(feature = "restore")]
    restore: restore::<ShellSort>,
};

const CIURA: [usize; 8] = [1, 4, 10, 23, 57, 132, 301, 701];

/// Ciura's gaps below `n`, largest first; past 701 each gap is the previous × 2.25.
fn gaps(n: usize) -> Vec<usize> {
    let mut gaps: Vec<usize> = CIURA.to_vec();
    while let Some(&last) = gaps.last().filter(|&&g| g * 9 / 4 < n) {
        gaps.push(last * 9 / 4);
    }
    gaps.retain(|&g| g < n);
    gaps.reverse();
    gaps
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShellSort {
    values: Vec<i64>,
    gaps: Vec<usize>,
    g: usize,
    i: usize,
    j: usize,
    temp: i64,
    at: At,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
enum At {
    Start,
    Gap,
    Pick,
    Compare { greater: bool },
    Shift,
    Place,
    Done,
}

impl ShellSort {
    pub fn new(values: Vec<i64>) -> Self {
        let gaps = gaps(values.len());
        ShellSort {
            values,
            gaps,
            g: 0,
            i: 0,
            j: 0,
            temp: 0,
            at: At::Start,
        }
    }

    fn gap(&self) -> usize {
        self.gaps[self.g]
    }

    fn pick(&mut self, c: &mut Counters) -> At {
        self.temp = c.read(&self.values, self.i);
        self.j = self.i;
        At::Pick
    }

    fn probe(&mut self, c: &mut Counters) -> At {
        if self.j < self.gap() {
            c.write(&mut self.values, self.j, self.temp);
            return At::Place;
        }
        let left = c.read(&self.values, self.j - self.gap());
        At::Compare {
            greater: c.compare(left, self.temp).is_gt(),
        }
    }
}

impl Algorithm for ShellSort {
    fn step(&mut self, c: &mut Counters) -> bool {
        let n = self.values.len();
        self.at = match self.at {
            At::Done => return false,
            At::Start if self.gaps.is_empty() => At::Done,
            At::Start => At::Gap,
            At::Gap => {
                self.i = self.gap();
                self.pick(c)
            }
            At::Pick | At::Shift => self.probe(c),
            At::Compare { greater: true } => {
                let moved = c.read(&self.values, self.j - self.gap());
                c.write(&mut self.values, self.j, moved);
                self.j -= self.gap();
                At::Shift
            }
            At::Compare { greater: false } => {
                c.write(&mut self.values, self.j, self.temp);
                At::Place
            }
            At::Place if self.i + 1 < n => {
                self.i += 1;
                self.pick(c)
            }
            At::Place if self.g + 1 < self.gaps.len() => {
                self.g += 1;
                At::Gap
            }
            At::Place => At::Done,
        };
        true
    }

    fn view(&self) -> View {
        let n = self.values.len();
        let (i, j, temp) = (self.i, self.j, self.temp);
        let gap = self.gaps.get(self.g).copied().unwrap_or(1);
        let frame = ArrayFrame::new(&self.values);
        let (line, narration, frame) = match self.at {
            At::Start => (
                0,
                format!(
                    "Start Shell sort on {} with gaps {:?}.",
                    crate::plural(n, "value", "values"),
                    self.gaps
                ),
                frame,
            ),
            At::Gap => (
                1,
                format!("Gap {gap}: insertion-sort the elements {gap} apart."),
                frame,
            ),
            At::Pick => (
                3,
                format!("temp ← A[{i}] = {temp}."),
                frame.mark(i, Mark::Pivot).pointer("i", i),
            ),
            At::Compare { greater } => {
                let left = self.values[j - gap];
                let text = if greater {
                    format!(
                        "A[{}] = {left} > {temp}: move it {} right.",
                        j - gap,
                        crate::plural(gap, "place", "places")
                    )
                } else {
                    format!(
                        "A[{}] = {left} ≤ {temp}: {temp} goes at index {j}.",
                        j - gap
                    )
                };
                (4, text, frame.mark(j - gap, Mark::Compared).pointer("j", j))
            }
            At::Shift => (
                5,
                format!("A[{}] ← {}.", j + gap, self.values[j + gap]),
                frame.mark(j + gap, Mark::Written).pointer("j", j),
            ),
            At::Place => (
                6,
                format!("Place {temp} at index {j}."),
                frame.mark(j, Mark::Written),
            ),
            At::Done => (
                7,
                "Done: the array is sorted.".to_owned(),
                frame.sorted(0, n),
            ),
        };
        let running = !matches!(self.at, At::Start | At::Done);
        let inserting = !matches!(self.at, At::Start | At::Done | At::Gap);
        View {
            line,
            narration,
            variables: vec![
                Variable::new("gap", running.then_some(gap)),
                Variable::new("i", inserting.then_some(i)),
                Variable::new("j", inserting.then_some(j)),
                Variable::new("temp", inserting.then_some(temp)),
            ],
            frame: Frame::Array(frame),
        }
    }

    fn is_done(&self) -> bool {
        self.at == At::Done
    }

    fn heap_bytes(&self) -> usize {
        self.values.capacity() * size_of::<i64>() + self.gaps.capacity() * size_of::<usize>()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn gaps_follow_ciura_then_grow_by_nine_quarters() {
        assert_eq!(super::gaps(1), Vec::<usize>::new());
        assert_eq!(super::gaps(2), [1]);
        assert_eq!(super::gaps(100), [57, 23, 10, 4, 1]);
        assert_eq!(super::gaps(2000), [1577, 701, 301, 132, 57, 23, 10, 4, 1]);
    }
}

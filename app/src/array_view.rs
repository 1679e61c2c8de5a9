//! The renderer for array frames: bars with marks, pointers under them, auxiliary arrays, and the legend.
//! One signal per bar and property, set only when it changes, so a step touches only the bars it changed
//! (a memo per bar would re-run all n of them on every step).

use algorithms::{ArrayFrame, AuxArray, Frame, Key, Mark, Snapshot};
use leptos::prelude::*;

use crate::decimal::fixed;

/// Up to this many values, each bar shows its number.
const LABELLED_BARS: usize = 32;
/// Auxiliary arrays longer than this (counting sort's counts) show their first cells only.
const AUX_CELLS_SHOWN: usize = 120;
/// Up to this many values, the text version of the frame lists every value; beyond, the marked ones.
const LISTED_VALUES: usize = 64;

/// Provided by a page whose questions name positions (the quiz): the bars then have their positions
/// written under them.
#[derive(Clone, Copy)]
pub struct ShowPositions;

/// Every how many bars a position is written: all of them up to [`LABELLED_BARS`], then a round step
/// that keeps about that many numbers on the axis.
fn position_step(n: usize) -> usize {
    let wanted = n.div_ceil(LABELLED_BARS).max(1);
    [1, 2, 5, 10, 20, 25, 50, 100]
        .into_iter()
        .find(|&step| step >= wanted)
        .unwrap_or(wanted)
}

/// The array of an array algorithm's snapshot (only array algorithms are drawn here).
pub fn array(snapshot: &Snapshot) -> &ArrayFrame {
    static EMPTY: ArrayFrame = ArrayFrame {
        values: Vec::new(),
        marks: Vec::new(),
        sorted: Vec::new(),
        active: None,
        pointers: Vec::new(),
        aux: Vec::new(),
    };
    match &snapshot.frame {
        Frame::Array(frame) => frame,
        // Only with the algorithms crate's graph family, which this page may not link.
        #[allow(unreachable_patterns)]
        _ => &EMPTY,
    }
}

/// `values` is the run's input: it fixes n and the scale of the bars.
#[component]
pub fn ArrayStage(
    snapshot: Memo<Snapshot>,
    values: Vec<i64>,
    legend: Option<&'static [Key]>,
) -> impl IntoView {
    let n = values.len();
    let input = values;
    // Bar heights scale between the smallest and largest value of the input.
    let low = input.iter().copied().min().unwrap_or(0).min(0);
    let high = input.iter().copied().max().unwrap_or(0);
    let height = move |value: i64| {
        let span = (high - low).max(1) as f64;
        format!("{}%", fixed(4.0 + 96.0 * (value - low) as f64 / span, 1))
    };
    let labelled = n <= LABELLED_BARS;
    // One signal per bar and property, set only when its value changes: a step notifies just the bars it
    // changed. (A memo per bar would re-run all n of them on every step.)
    let bar_state = move |s: &Snapshot| {
        let frame = array(s);
        let marks = frame.dense_marks();
        (0..n)
            .map(|i| {
                let outside = frame.active.is_some_and(|(from, to)| i < from || i >= to);
                (frame.values[i], marks[i], outside)
            })
            .collect::<Vec<_>>()
    };
    let cells: Vec<RwSignal<(i64, Option<Mark>, bool)>> = snapshot
        .with_untracked(bar_state)
        .into_iter()
        .map(RwSignal::new)
        .collect();
    let targets = cells.clone();
    Effect::new(move |_| {
        let next = snapshot.with(bar_state);
        for (cell, state) in targets.iter().zip(next) {
            if cell.get_untracked() != state {
                cell.set(state);
            }
        }
    });
    let bars = cells
        .into_iter()
        .enumerate()
        .map(|(index, cell)| {
            let value = move || cell.with(|c| c.0);
            view! {
                <div
                    class="bar"
                    class:outside=move || cell.with(|c| c.2)
                    data-testid="bar"
                    data-index=index
                    data-value=value
                    data-mark=move || cell.with(|c| c.1.map(|m| m.name()))
                    style:height=move || height(value())
                >
                    {labelled.then(|| view! { <span class="bar-label">{value}</span> })}
                </div>
            }
        })
        .collect_view();
    let pointers = move || {
        snapshot.with(|s| {
            array(s)
                .pointers
                .iter()
                .map(|p| {
                    let left = format!("{}%", fixed((p.index as f64 + 0.5) / n.max(1) as f64 * 100.0, 2));
                    view! {
                        <span class="pointer" data-testid="pointer" data-name=p.name.clone() style:left=left>
                            "▲" <br /> {p.name.clone()}
                        </span>
                    }
                })
                .collect_view()
        })
    };
    let aux = move || snapshot.with(|s| array(s).aux.iter().map(aux_array).collect_view());
    let positions = use_context::<ShowPositions>().map(|_| {
        let step = position_step(n);
        let numbers = (0..n)
            .map(|i| view! { <span data-testid="position">{(i % step == 0).then_some(i)}</span> })
            .collect_view();
        view! { <div class="positions" aria-hidden="true">{numbers}</div> }
    });

    // The bars as text, for those who cannot see them: the drawing is hidden from assistive technology
    // and this takes its place in reading order.
    view! {
        <div class="stage">
            <p class="visually-hidden" data-testid="frame-text">{move || snapshot.with(|s| describe(array(s)))}</p>
            <div class="bars" data-testid="bars" aria-hidden="true">
                {bars}
            </div>
            {positions}
            <div class="pointers" aria-hidden="true">{pointers}</div>
            <div class="aux-arrays">{aux}</div>
            {legend.map(|keys| view! {
                <ul class="legend" aria-label="Colours" data-testid="legend">
                    {keys.iter().map(|key| view! {
                        <li><span class="swatch" data-mark=key.shown.name()></span>{key.words}</li>
                    }).collect_view()}
                </ul>
            })}
        </div>
    }
}

fn aux_array(aux: &AuxArray) -> impl IntoView + use<> {
    let shown = aux.values.len().min(AUX_CELLS_SHOWN);
    let cells = (0..shown)
        .map(|i| {
            let mark = aux
                .marks
                .iter()
                .find(|(at, _)| *at == i)
                .map(|(_, m)| m.name());
            let text = aux.values[i].map_or(String::new(), |v| v.to_string());
            view! { <span class="cell" data-mark=mark><span>{text}</span></span> }
        })
        .collect_view();
    let more = (aux.values.len() > shown).then(|| format!("… {} more", aux.values.len() - shown));
    view! {
        <div class="aux" data-testid="aux">
            <span class="aux-name">{aux.name.clone()}</span>
            <div class="cells">{cells} {more}</div>
        </div>
    }
}

/// The frame in words: the values with their marks (or, for long arrays, the marked runs), the pointers,
/// the range being worked on, and the marked cells of auxiliary arrays.
pub fn describe(frame: &ArrayFrame) -> String {
    use std::fmt::Write;
    let marks = frame.dense_marks();
    let n = frame.values.len();
    let mut text = String::new();
    if n <= LISTED_VALUES {
        let listed: Vec<String> = frame
            .values
            .iter()
            .zip(&marks)
            .map(|(value, mark)| match mark {
                Some(mark) => format!("{value} ({})", mark.name()),
                None => value.to_string(),
            })
            .collect();
        let _ = write!(
            text,
            "The array, {}: {}.",
            algorithms::plural(n, "value", "values"),
            listed.join(", ")
        );
    } else {
        let _ = write!(
            text,
            "The array has {}.",
            algorithms::plural(n, "value", "values")
        );
        let mut at = 0;
        while at < n {
            let Some(mark) = marks[at] else {
                at += 1;
                continue;
            };
            let end = (at..n).find(|&i| marks[i] != Some(mark)).unwrap_or(n);
            let _ = match end - at {
                1 => write!(text, " Index {at}: {} ({}).", frame.values[at], mark.name()),
                _ => write!(text, " Indices {at} to {}: {}.", end - 1, mark.name()),
            };
            at = end;
        }
    }
    if !frame.pointers.is_empty() {
        let pointers: Vec<String> = frame
            .pointers
            .iter()
            .map(|p| format!("{} at index {}", p.name, p.index))
            .collect();
        let _ = write!(text, " Pointers: {}.", pointers.join(", "));
    }
    if let Some((from, to)) = frame.active {
        let _ = write!(
            text,
            " Working on indices {from} to {}.",
            to.saturating_sub(1)
        );
    }
    for aux in &frame.aux {
        for &(at, mark) in &aux.marks {
            let value = aux.values.get(at).copied().flatten();
            let value = value.map_or("empty".to_owned(), |v| v.to_string());
            let _ = write!(text, " {} index {at}: {value} ({}).", aux.name, mark.name());
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_are_written_at_a_round_step_that_keeps_the_axis_readable() {
        assert_eq!(position_step(1), 1);
        assert_eq!(position_step(LABELLED_BARS), 1);
        assert_eq!(position_step(LABELLED_BARS + 1), 2);
        assert_eq!(position_step(100), 5);
        assert_eq!(position_step(255), 10);
        assert!((0..=255usize).all(|n| n.div_ceil(position_step(n)) <= LABELLED_BARS));
    }
    use algorithms::{AuxArray, Pointer};

    fn frame(values: Vec<i64>) -> ArrayFrame {
        ArrayFrame {
            values,
            marks: Vec::new(),
            sorted: Vec::new(),
            active: None,
            pointers: Vec::new(),
            aux: Vec::new(),
        }
    }

    #[test]
    fn a_short_array_is_read_value_by_value_with_its_marks() {
        let mut f = frame(vec![38, 27, 43, 3]);
        f.marks = vec![(0, Mark::Compared), (1, Mark::Compared)];
        f.sorted = vec![(3, 4)];
        f.pointers = vec![Pointer {
            name: "j".into(),
            index: 0,
        }];
        f.active = Some((0, 3));
        assert_eq!(
            describe(&f),
            "The array, 4 values: 38 (compared), 27 (compared), 43, 3 (sorted). \
             Pointers: j at index 0. Working on indices 0 to 2."
        );
    }

    #[test]
    fn a_long_array_is_read_as_its_marked_runs() {
        let mut f = frame((0..200).collect());
        f.sorted = vec![(150, 200)];
        f.marks = vec![(7, Mark::Pivot)];
        f.aux = vec![AuxArray {
            name: "buffer".into(),
            values: vec![Some(5), None],
            marks: vec![(1, Mark::Written)],
        }];
        assert_eq!(
            describe(&f),
            "The array has 200 values. Index 7: 7 (pivot). Indices 150 to 199: sorted. \
             buffer index 1: empty (written)."
        );
    }
}

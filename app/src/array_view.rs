//! The renderer for array frames: bars with marks, pointers under them, auxiliary arrays, and the legend.
//! One signal per bar and property, set only when it changes, so a step touches only the bars it changed
//! (a memo per bar would re-run all n of them on every step).

use algorithms::{ArrayFrame, AuxArray, Frame, Mark, Snapshot};
use leptos::prelude::*;

/// Up to this many values, each bar shows its number.
const LABELLED_BARS: usize = 32;
/// Auxiliary arrays longer than this (counting sort's counts) show their first cells only.
const AUX_CELLS_SHOWN: usize = 120;

pub fn array(snapshot: &Snapshot) -> &ArrayFrame {
    match &snapshot.frame {
        Frame::Array(frame) => frame,
    }
}

/// `values` is the run's input: it fixes n and the scale of the bars.
#[component]
pub fn ArrayStage(
    snapshot: Memo<Snapshot>,
    values: Vec<i64>,
    #[prop(optional)] legend: bool,
) -> impl IntoView {
    let n = values.len();
    let input = values;
    // Bar heights scale between the smallest and largest value of the input.
    let low = input.iter().copied().min().unwrap_or(0).min(0);
    let high = input.iter().copied().max().unwrap_or(0);
    let height = move |value: i64| {
        let span = (high - low).max(1) as f64;
        format!("{:.1}%", 4.0 + 96.0 * (value - low) as f64 / span)
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
        .map(|cell| {
            let value = move || cell.with(|c| c.0);
            view! {
                <div
                    class="bar"
                    class:outside=move || cell.with(|c| c.2)
                    data-testid="bar"
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
                    let left = format!("{:.2}%", (p.index as f64 + 0.5) / n.max(1) as f64 * 100.0);
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

    view! {
        <div class="stage">
            <div class="bars" data-testid="bars" role="img"
                aria-label=format!("The array of {n} values as bars")>
                {bars}
            </div>
            <div class="pointers" aria-hidden="true">{pointers}</div>
            <div class="aux-arrays">{aux}</div>
            {legend.then(|| view! {
                <ul class="legend" aria-label="Colours">
                    {Mark::ALL.map(|m| view! {
                        <li><span class="swatch" data-mark=m.name()></span>{m.name()}</li>
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
            view! { <span class="cell" data-mark=mark>{text}</span> }
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

/// The colour of each mark in exported images: the same palette as the page's light theme.
fn mark_colour(mark: Option<Mark>) -> &'static str {
    match mark {
        None => "#56b4e9",
        Some(Mark::Compared) => "#e69f00",
        Some(Mark::Swapped) => "#d55e00",
        Some(Mark::Written) => "#cc79a7",
        Some(Mark::Pivot) => "#f0e442",
        Some(Mark::Sorted) => "#009e73",
        Some(Mark::Found) => "#0072b2",
        Some(Mark::Eliminated) => "#b8bcc6",
    }
}

pub const FRAME_WIDTH: u32 = 800;
pub const FRAME_HEIGHT: u32 = 360;

/// The current frame as a standalone SVG document: bars in their mark colours (values on them when
/// few), and the step and narration beneath. `values` is the run's input, which fixes the scale.
pub fn frame_svg(snapshot: &Snapshot, values: &[i64], title: &str) -> String {
    use std::fmt::Write;
    let frame = array(snapshot);
    let marks = frame.dense_marks();
    let n = frame.values.len().max(1);
    let low = values.iter().copied().min().unwrap_or(0).min(0);
    let high = values.iter().copied().max().unwrap_or(0);
    let span = (high - low).max(1) as f64;
    let (width, height) = (f64::from(FRAME_WIDTH), f64::from(FRAME_HEIGHT));
    let (top, base) = (36.0, height - 56.0);
    let slot = (width - 32.0) / n as f64;
    let escape = |text: &str| {
        text.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    let mut svg = format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{FRAME_WIDTH}" height="{FRAME_HEIGHT}" viewBox="0 0 {width} {height}" font-family="system-ui, sans-serif"><rect width="100%" height="100%" fill="#ffffff"/><text x="16" y="24" font-size="16" font-weight="600" fill="#1c1d21">{} — step {}</text>"##,
        escape(title),
        snapshot.step
    );
    for (i, &value) in frame.values.iter().enumerate() {
        let h = 4.0 + (base - top - 4.0) * (value - low) as f64 / span;
        let x = 16.0 + slot * i as f64;
        let _ = write!(
            svg,
            r#"<rect x="{:.2}" y="{:.2}" width="{:.2}" height="{h:.2}" rx="2" fill="{}"/>"#,
            x + slot * 0.06,
            base - h,
            slot * 0.88,
            mark_colour(marks[i])
        );
        if n <= LABELLED_BARS {
            let _ = write!(
                svg,
                r##"<text x="{:.2}" y="{:.2}" font-size="11" text-anchor="middle" fill="#1c1d21">{value}</text>"##,
                x + slot / 2.0,
                base - h - 4.0
            );
        }
    }
    let _ = write!(
        svg,
        r##"<text x="16" y="{:.0}" font-size="14" fill="#1c1d21">{}</text></svg>"##,
        height - 22.0,
        escape(&snapshot.narration)
    );
    svg
}

//! The exported image of an array frame: a standalone SVG document with the bars in their mark colours
//! (values on them when few), the step in the title and the narration beneath. It lives with the
//! family's tools module, fetched when a learner exports a frame, so no page carries it.

use std::fmt::Write;

use algorithms::{Frame, Mark, Snapshot};

pub const WIDTH: u32 = 800;
pub const HEIGHT: u32 = 360;
/// Bars with their values written on them, as on the page.
const LABELLED_BARS: usize = 32;

/// The fill and edge of each mark: the light theme's values in style/main.css.
fn mark_colours(mark: Option<Mark>) -> (&'static str, &'static str) {
    match mark {
        None => ("#56b4e9", "#2f7bab"),
        Some(Mark::Compared) => ("#e69f00", "#9a6a00"),
        Some(Mark::Swapped) => ("#d55e00", "#a94a00"),
        Some(Mark::Written) => ("#cc79a7", "#a0567f"),
        Some(Mark::Pivot) => ("#f0e442", "#7d7620"),
        Some(Mark::Sorted) => ("#009e73", "#007356"),
        Some(Mark::Found) => ("#0072b2", "#00466e"),
        Some(Mark::Eliminated) => ("#d3d6dd", "#6f737c"),
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// `snapshot` drawn to scale with `values` (the run's input, which fixes the bars' scale across steps).
pub fn frame_svg(snapshot: &Snapshot, values: &[i64], title: &str) -> String {
    let Frame::Array(frame) = &snapshot.frame;
    let marks = frame.dense_marks();
    let n = frame.values.len().max(1);
    let low = values.iter().copied().min().unwrap_or(0).min(0);
    let high = values.iter().copied().max().unwrap_or(0);
    let span = (high - low).max(1) as f64;
    let (width, height) = (f64::from(WIDTH), f64::from(HEIGHT));
    let (top, base) = (36.0, height - 56.0);
    let slot = (width - 32.0) / n as f64;
    let mut svg = format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}" font-family="system-ui, sans-serif"><rect width="100%" height="100%" fill="#ffffff"/><text x="16" y="24" font-size="16" font-weight="600" fill="#1c1d21">{} — step {}</text>"##,
        escape(title),
        snapshot.step
    );
    for (i, &value) in frame.values.iter().enumerate() {
        let (fill, edge) = mark_colours(marks[i]);
        let h = 4.0 + (base - top - 4.0) * (value - low) as f64 / span;
        let x = 16.0 + slot * i as f64;
        let _ = write!(
            svg,
            r#"<rect x="{:.2}" y="{:.2}" width="{:.2}" height="{:.2}" rx="2" fill="{fill}" stroke="{edge}"/>"#,
            x + slot * 0.06,
            base - h,
            slot * 0.88,
            h,
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
        r##"<text x="16" y="{}" font-size="14" fill="#1c1d21">{}</text></svg>"##,
        HEIGHT - 22,
        escape(&snapshot.narration)
    );
    svg
}

#[cfg(test)]
mod tests {
    use super::*;
    use algorithms::{Input, Machine, catalogue};

    fn snapshot_at(id: &str, values: Vec<i64>, step: u64) -> Snapshot {
        let entry = catalogue::find(id).unwrap();
        let mut run = entry
            .start(Input {
                values,
                ..Input::default()
            })
            .unwrap();
        while run.step() < step && run.advance() {}
        run.snapshot()
    }

    #[test]
    fn bars_carry_their_marks_values_and_the_narration_escaped() {
        let snapshot = snapshot_at("bubble-sort", vec![5, 1, 4], 1);
        let svg = frame_svg(&snapshot, &[5, 1, 4], "Bubble <sort> & co");
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"800\""));
        assert!(svg.ends_with("</svg>"));
        assert!(svg.contains("Bubble &lt;sort&gt; &amp; co — step 1"));
        assert_eq!(svg.matches("<rect x=").count(), 3);
        // Step 1 compares the first two: both in the compared colour, the third unmarked.
        assert_eq!(svg.matches("fill=\"#e69f00\"").count(), 2);
        assert_eq!(svg.matches("fill=\"#56b4e9\"").count(), 1);
        assert!(
            svg.contains(">5</text>") && svg.contains(">1</text>") && svg.contains(">4</text>")
        );
        assert!(svg.contains(&escape(&snapshot.narration)));
    }

    #[test]
    fn many_bars_are_drawn_without_values_and_the_tallest_fills_the_height() {
        let values: Vec<i64> = (1..=40).collect();
        let snapshot = snapshot_at("insertion-sort", values.clone(), 0);
        let svg = frame_svg(&snapshot, &values, "Insertion sort");
        assert_eq!(svg.matches("<rect x=").count(), 40);
        assert!(!svg.contains(">40</text>"));
        // The tallest bar spans from the top margin (36) to the base (304).
        assert!(svg.contains("y=\"36.00\""), "{svg}");
    }
}

//! Complexity plot: count-only runs of chosen algorithms on random inputs of n = 2, 4, 8, … (up to 10⁵ or the
//! algorithm's count-only limit), plotted on log–log axes against the reference curves n, n log n and n².
//! The runs are sliced across animation frames (a few milliseconds each) so the page stays responsive, with
//! progress shown; a table below the chart holds the same numbers.
//!
//! Graph algorithms are measured on random graphs of 2, 4, 8, … nodes with about two edges per node, and
//! their size is nodes plus edges. A counter an algorithm does not declare is not plotted for it.
//!
//! `/plot?ids=insertion-sort,merge-sort&metric=comparisons`

use algorithms::catalogue::{self, CARDS, Card, Category, InputKind};
use algorithms::{Counter, Generator, Input, Preset};
use leptos::prelude::*;

use crate::engines::{self, CountingRun};
use crate::playback::now_ms;
use crate::router::{navigate, query_param, use_location};

/// The largest n measured, when the algorithm allows it.
const MAX_N: usize = 100_000;
/// Main-thread time one frame may spend running algorithms.
const SLICE_MS: f64 = 8.0;
const DEFAULT_IDS: [&str; 3] = ["insertion-sort", "merge-sort", "heap-sort"];

/// Okabe–Ito, as the bars.
const COLOURS: [&str; 7] = [
    "#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#f0e442",
];

/// The largest graph measured, in nodes: at 1% density (the generator's sparsest beyond the spanning tree)
/// it has about 21,000 edges.
const MAX_NODES: usize = 2048;

/// The largest grid measured, in cells (256 × 256).
const MAX_CELLS: usize = 65_536;

fn sizes(entry: &Card) -> Vec<usize> {
    let limit = match entry.input.kind {
        InputKind::Graph => entry.input.max_count_n.min(MAX_NODES),
        // A grid's limit is its side.
        InputKind::Grid => (entry.input.max_count_n * entry.input.max_count_n).min(MAX_CELLS),
        _ => entry.input.max_count_n.min(MAX_N),
    };
    (1..)
        .map(|k| 1usize << k)
        .take_while(|&n| n <= limit)
        // The smallest grid is 2 × 2: four cells.
        .filter(|&n| entry.input.kind != InputKind::Grid || n >= 4)
        .collect()
}

/// The input measured at size `n`, and its size on the chart's axis: n values, for a graph of n nodes
/// its nodes plus edges, for a grid of about n cells its cells.
fn input(entry: &Card, n: usize) -> (Input, usize) {
    #[cfg(feature = "graphs")]
    if entry.input.kind == InputKind::Graph {
        let input = entry.sample(n, 1);
        let size = input.graph.as_ref().map_or(n, |g| g.len() + g.edges.len());
        return (input, size);
    }
    #[cfg(feature = "grids")]
    if entry.input.kind == InputKind::Grid {
        let input = entry.sample(n, 1);
        let size = input.grid.as_ref().map_or(n, |g| g.len());
        return (input, size);
    }
    let span = entry
        .input
        .max_span
        .map_or(1_000_000, |s| s.min(1_000_000) as i64);
    let generator = Generator {
        preset: Preset::Random,
        n,
        min: 1,
        max: span,
        seed: 1,
    };
    let input = entry.generate(&generator).expect("valid generator");
    (input, n)
}

#[derive(Clone)]
struct Point {
    n: usize,
    counters: algorithms::Counters,
}

#[derive(Clone)]
struct Series {
    entry: &'static Card,
    points: Vec<Point>,
}

/// The work queue: runs still to do, and the one in progress.
struct Job {
    queue: Vec<(usize, usize)>, // (series index, n)
    running: Option<(usize, usize, CountingRun)>,
    total: usize,
}

#[component]
pub fn PlotPage() -> impl IntoView {
    let location = use_location();
    let search = location.search.get_untracked();
    let chosen: Vec<&'static Card> = query_param(&search, "ids")
        .map(|ids| {
            ids.split(',')
                .filter_map(catalogue::card)
                .collect::<Vec<_>>()
        })
        .filter(|found| !found.is_empty())
        .unwrap_or_else(|| {
            DEFAULT_IDS
                .iter()
                .filter_map(|id| catalogue::card(id))
                .collect()
        });
    let selected = RwSignal::new(chosen);
    let metric = RwSignal::new(
        query_param(&search, "metric")
            .and_then(|m| Counter::from_id(&m))
            .unwrap_or(Counter::Comparisons),
    );
    let series = RwSignal::new(Vec::<Series>::new());
    let progress = RwSignal::new(None::<(usize, usize, String)>); // (done, total, now running)
    let job = StoredValue::new_local(None::<Job>);
    let load_problem = RwSignal::new(None::<String>);

    Effect::new(move |_| {
        let ids: Vec<&str> = selected.get().iter().map(|e| e.id).collect();
        let url = format!("/plot?ids={}&metric={}", ids.join(","), metric.get().id());
        navigate(location, &url, true);
    });

    let measure = move |entries: Vec<&'static Card>| {
        series.set(
            entries
                .iter()
                .map(|&entry| Series {
                    entry,
                    points: Vec::new(),
                })
                .collect(),
        );
        let mut queue: Vec<(usize, usize)> = entries
            .iter()
            .enumerate()
            .flat_map(|(s, entry)| sizes(entry).into_iter().map(move |n| (s, n)))
            .collect();
        // Smallest sizes first, across algorithms, so the chart fills in from the left.
        queue.sort_by_key(|&(s, n)| (n, s));
        queue.reverse();
        let total = queue.len();
        job.set_value(Some(Job {
            queue,
            running: None,
            total,
        }));
        progress.set(Some((0, total, String::new())));
        request_animation_frame(move || work(job, series, progress));
    };

    let start = move || {
        let entries = selected.get_untracked();
        let families = engines::families_of(entries.iter().copied());
        load_problem.set(None);
        crate::spawn_while(move || !series.is_disposed(), async move {
            match engines::ensure(&families).await {
                Ok(()) => measure(entries),
                Err(problem) => load_problem.set(Some(problem)),
            }
        });
    };
    let toggle = move |entry: &'static Card| {
        selected.update(|list| {
            if let Some(at) = list.iter().position(|e| e.id == entry.id) {
                list.remove(at);
            } else {
                list.push(entry);
            }
        });
    };
    let checkboxes = move |category: Category| {
        CARDS
            .iter()
            .filter(move |e| e.category == category)
            .map(|&entry| view! {
                <label class="check">
                    <input type="checkbox" data-testid=format!("pick-{}", entry.id)
                        prop:checked=move || selected.with(|l| l.iter().any(|e| e.id == entry.id))
                        on:change=move |_| toggle(entry) />
                    " " {entry.name}
                </label>
            })
            .collect_view()
    };
    let busy = move || progress.with(|p| p.as_ref().is_some_and(|(done, total, _)| done < total));
    // The counters on offer: those some chosen algorithm declares (all of them while none is chosen).
    let offered = Memo::new(move |_| {
        selected.with(|chosen| {
            Counter::ALL
                .iter()
                .copied()
                .filter(|c| chosen.is_empty() || chosen.iter().any(|e| e.counters.contains(c)))
                .collect::<Vec<_>>()
        })
    });
    // A choice that no longer counts what is measured moves to the first counter it does.
    Effect::new(move |_| {
        let offered = offered.get();
        if let Some(&first) = offered.first()
            && !offered.contains(&metric.get_untracked())
        {
            metric.set(first);
        }
    });
    // The chosen algorithms that do not count the metric: measured, but not drawn, and said so.
    let not_drawn = move || {
        let metric = metric.get();
        let names: Vec<&str> = selected.with(|chosen| {
            chosen
                .iter()
                .filter(|e| !e.counters.contains(&metric))
                .map(|e| e.name)
                .collect()
        });
        (!names.is_empty()).then(|| {
            let verb = if names.len() == 1 { "does" } else { "do" };
            format!(
                "{} {verb} not count {}: not drawn on this measure.",
                names.join(", "),
                metric.label().to_ascii_lowercase()
            )
        })
    };

    let figure = move || {
        let metric = metric.get();
        series.with(|all| chart_svg(all, metric))
    };
    let table = move || {
        let metric = metric.get();
        series.with(|all| {
            all.iter()
                .filter(|s| s.entry.counters.contains(&metric))
                .map(|s| {
                    s.points.iter().map(|p| view! {
                        <tr><td>{s.entry.name}</td><td>{p.n}</td><td>{metric.of(&p.counters)}</td></tr>
                    }).collect_view()
                })
                .collect_view()
        })
    };

    view! {
        <section class="plot-page" aria-labelledby="plot-title">
            <h1 id="plot-title">"Cost against n"</h1>
            <p class="algorithm-summary">
                "Count-only runs on random inputs of n = 2, 4, 8, … up to 100,000 (or each algorithm's limit), "
                "plotted on log–log axes with the curves n, n log₂ n and n² for reference."
            </p>
            <div class="plot-picks">
                {Category::listed()
                    .map(|category| view! {
                        <fieldset><legend>{category.name()}</legend>{checkboxes(category)}</fieldset>
                    })
                    .collect_view()}
            </div>
            <div class="plot-actions">
                <label>"Measure "
                    <select data-testid="metric" on:change=move |e| {
                        if let Some(counter) = Counter::from_id(&event_target_value(&e)) { metric.set(counter) }
                    }>
                        {move || offered.get().into_iter().map(|counter| view! {
                            <option value=counter.id() selected=move || metric.get() == counter>{counter.label()}</option>
                        }).collect_view()}
                    </select>
                </label>
                <button class="primary" data-testid="measure" on:click=move |_| start()
                    disabled=move || busy() || selected.with(Vec::is_empty)>"Measure"</button>
                <span class="progress" data-testid="progress" role="status">
                    {move || progress.get().map(|(done, total, now)| if done < total {
                        format!("Measuring {now}: {done} of {}", algorithms::plural(total, "run", "runs"))
                    } else {
                        format!("Done: {}", algorithms::plural(total, "run", "runs"))
                    })}
                </span>
                <progress max="1" prop:value=move || progress.get().map_or(0.0, |(d, t, _)| d as f64 / t.max(1) as f64) />
                {move || load_problem.get().map(|problem| view! {
                    <p class="error" role="alert" data-testid="engine-error">
                        {problem} " Check the connection, then measure again."
                    </p>
                })}
            </div>
            {move || not_drawn().map(|text| view! { <p class="hint" data-testid="not-drawn">{text}</p> })}
            <div class="chart" data-testid="chart" inner_html=figure></div>
            <details class="plot-table">
                <summary>"The numbers"</summary>
                <table data-testid="plot-table">
                    <thead><tr><th>"Algorithm"</th><th>"n"</th><th>{move || metric.get().label()}</th></tr></thead>
                    <tbody>{table}</tbody>
                </table>
            </details>
        </section>
    }
}

/// One frame's slice of work: advance the current run for up to [`SLICE_MS`], start the next when done.
fn work(
    job: StoredValue<Option<Job>, LocalStorage>,
    series: RwSignal<Vec<Series>>,
    progress: RwSignal<Option<(usize, usize, String)>>,
) {
    // The learner may have left the page between two frames: its values are gone, and so is the work.
    if job.is_disposed() || series.is_disposed() {
        return;
    }
    let deadline = now_ms() + SLICE_MS;
    let mut finished = Vec::new();
    let more = job
        .try_update_value(|job| {
            let Some(job) = job.as_mut() else {
                return false;
            };
            loop {
                if job.running.is_none() {
                    let Some((s, n)) = job.queue.pop() else {
                        return false;
                    };
                    let entry = series.with_untracked(|all| all[s].entry);
                    let (input, size) = input(entry, n);
                    let run =
                        CountingRun::start(entry, &input).expect("within the count-only limit");
                    job.running = Some((s, size, run));
                }
                let (s, n, run) = job.running.as_mut().expect("a run is in progress");
                // Check the clock every few thousand steps: reading it costs more than a step.
                if let Some(counters) = run.advance(4096) {
                    finished.push((*s, Point { n: *n, counters }));
                    job.running = None;
                }
                if now_ms() > deadline {
                    return true;
                }
            }
        })
        .unwrap_or(false);
    if !finished.is_empty() {
        series.update(|all| {
            for (s, point) in finished {
                all[s].points.push(point);
            }
        });
    }
    job.with_value(|job| {
        if let Some(job) = job {
            let done = job.total - job.queue.len() - usize::from(job.running.is_some());
            let now = job.running.as_ref().map_or(String::new(), |(s, n, _)| {
                format!(
                    "{} at n = {n}",
                    series.with_untracked(|all| all[*s].entry.name)
                )
            });
            progress.set(Some((done, job.total, now)));
        }
    });
    if more {
        request_animation_frame(move || work(job, series, progress));
    }
}

const WIDTH: f64 = 760.0;
const HEIGHT: f64 = 440.0;
const LEFT: f64 = 64.0;
const RIGHT: f64 = 88.0;
const TOP: f64 = 14.0;
const BOTTOM: f64 = 40.0;

/// 1, 10, 100, 1k … for axis labels.
fn short(value: f64) -> String {
    const UNITS: [(f64, &str); 4] = [(1e12, "T"), (1e9, "G"), (1e6, "M"), (1e3, "k")];
    UNITS
        .iter()
        .find(|(size, _)| value >= *size)
        .map_or(format!("{value:.0}"), |(size, unit)| {
            format!("{:.0}{unit}", value / size)
        })
}

/// The chart on log–log axes, as SVG text: decades as grid lines, the reference curves dashed and labelled
/// at their right end, each algorithm a line with points, and a legend. Written directly: a chart library
/// cost 43 KB of the shipped wasm (gzipped) for this one figure, and SVG elements built by the view
/// framework 30 KB; text costs a few. Labels are catalogue names, never user input.
fn chart_svg(all: &[Series], metric: Counter) -> String {
    use std::fmt::Write;
    let read = |c: &algorithms::Counters| metric.of(c);
    // An algorithm that does not count this is left out rather than drawn at zero.
    let all: Vec<&Series> = all
        .iter()
        .filter(|s| s.entry.counters.contains(&metric))
        .collect();
    let max_n = all
        .iter()
        .flat_map(|s| s.points.iter().map(|p| p.n))
        .max()
        .unwrap_or(0);
    if max_n < 2 {
        return String::new();
    }
    let measured = all
        .iter()
        .flat_map(|s| s.points.iter().map(|p| read(&p.counters)))
        .max()
        .unwrap_or(1);
    // While only n = 2 is measured the axis still spans a doubling: a zero-width axis would put every
    // point at NaN.
    let (x_max, y_max) = (
        (max_n as f64).max(4.0),
        (measured.max(1) as f64 * 2.0).max(10.0),
    );
    let x = |n: f64| {
        LEFT + (n.log10() - 2f64.log10()) / (x_max.log10() - 2f64.log10()) * (WIDTH - LEFT - RIGHT)
    };
    let y = |v: f64| HEIGHT - BOTTOM - v.max(1.0).log10() / y_max.log10() * (HEIGHT - TOP - BOTTOM);
    let decades = |max: f64, from: i32| (from..=max.log10().floor() as i32).map(|k| 10f64.powi(k));
    let polyline = |points: &[(f64, f64)]| {
        points
            .iter()
            .map(|(a, b)| format!("{a:.1},{b:.1}"))
            .collect::<Vec<_>>()
            .join(" ")
    };

    let mut svg = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{} against n, log–log">"#,
        metric.label()
    );
    let (bottom, right) = (HEIGHT - BOTTOM, WIDTH - RIGHT);
    for d in decades(x_max, 1) {
        let at = x(d);
        let _ = write!(
            svg,
            r#"<line class="grid" x1="{at:.1}" x2="{at:.1}" y1="{TOP}" y2="{bottom}"/><text class="tick" x="{at:.1}" y="{}" text-anchor="middle">{}</text>"#,
            bottom + 16.0,
            short(d)
        );
    }
    for d in decades(y_max, 0) {
        let at = y(d);
        let _ = write!(
            svg,
            r#"<line class="grid" x1="{LEFT}" x2="{right}" y1="{at:.1}" y2="{at:.1}"/><text class="tick" x="{}" y="{:.1}" text-anchor="end">{}</text>"#,
            LEFT - 6.0,
            at + 4.0,
            short(d)
        );
    }
    let _ = write!(
        svg,
        r#"<line class="axis" x1="{LEFT}" x2="{right}" y1="{bottom}" y2="{bottom}"/><line class="axis" x1="{LEFT}" x2="{LEFT}" y1="{TOP}" y2="{bottom}"/><text class="axis-label" x="{}" y="{}" text-anchor="middle">n</text><text class="axis-label" data-testid="y-title" transform="rotate(-90)" x="{:.1}" y="14" text-anchor="middle">{}</text>"#,
        (LEFT + right) / 2.0,
        HEIGHT - 6.0,
        -(TOP + bottom) / 2.0,
        metric.label()
    );
    let xs: Vec<f64> = (1..=max_n.ilog2()).map(|k| (1u64 << k) as f64).collect();
    type Curve = fn(f64) -> f64;
    let references: [(&str, Curve); 3] = [
        ("n", |n| n),
        ("n log₂ n", |n| n * n.log2()),
        ("n²", |n| n * n),
    ];
    for (name, curve) in references {
        // Clipped to the plot: n² leaves it long before n = 10⁵.
        let inside: Vec<(f64, f64)> = xs
            .iter()
            .map(|&n| (n, curve(n)))
            .filter(|&(_, v)| v <= y_max)
            .map(|(n, v)| (x(n), y(v)))
            .collect();
        let _ = write!(
            svg,
            r#"<polyline class="reference" points="{}"/>"#,
            polyline(&inside)
        );
        if let Some((px, py)) = inside.last() {
            let _ = write!(
                svg,
                r#"<text class="reference-label" x="{:.1}" y="{:.1}">{name}</text>"#,
                px + 4.0,
                py + 4.0
            );
        }
    }
    for (i, s) in all.iter().enumerate() {
        let colour = COLOURS[i % COLOURS.len()];
        let points: Vec<(f64, f64)> = s
            .points
            .iter()
            .map(|p| (x(p.n as f64), y(read(&p.counters) as f64)))
            .collect();
        let _ = write!(
            svg,
            r#"<g data-testid="series" data-id="{}"><polyline points="{}" fill="none" stroke="{colour}" stroke-width="2"/>"#,
            s.entry.id,
            polyline(&points)
        );
        for (cx, cy) in &points {
            let _ = write!(
                svg,
                r#"<circle cx="{cx:.1}" cy="{cy:.1}" r="3" fill="{colour}"/>"#
            );
        }
        let top = TOP + 8.0 + 18.0 * i as f64;
        let _ = write!(
            svg,
            r#"</g><rect x="{}" y="{}" width="14" height="4" fill="{colour}"/><text class="legend-label" x="{}" y="{}">{}</text>"#,
            LEFT + 12.0,
            top - 9.0,
            LEFT + 32.0,
            top - 3.0,
            s.entry.name
        );
    }
    svg.push_str("</svg>");
    svg
}

//! Export and import: the trace as JSON (`algorithms::TraceFile`, written by the engine), the current frame
//! as SVG or PNG, and reading a trace back, which reopens its algorithm at its step after the engine of its
//! family has checked that it reproduces.

use algorithms::catalogue::Card;
use algorithms::{Input, Snapshot};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::wasm_bindgen;

use crate::engines::{self, EngineRun};

#[wasm_bindgen(inline_js = r#"
function save(name, blob) {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}
export function download_text(name, mime, text) {
  save(name, new Blob([text], { type: mime }));
}
export function download_png(name, svg, width, height) {
  const image = new Image();
  image.onload = () => {
    const canvas = document.createElement('canvas');
    canvas.width = width * 2;
    canvas.height = height * 2;
    canvas.getContext('2d').drawImage(image, 0, 0, canvas.width, canvas.height);
    canvas.toBlob((blob) => save(name, blob), 'image/png');
  };
  image.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(svg);
}
export function read_file(input) {
  const file = input.files && input.files[0];
  input.value = '';
  return file ? file.text() : Promise.resolve(null);
}
"#)]
extern "C" {
    fn download_text(name: &str, mime: &str, text: &str);
    fn download_png(name: &str, svg: &str, width: u32, height: u32);
    fn read_file(input: &web_sys::HtmlElement) -> js_sys::Promise;
}

/// The exported image's size (the tools module draws it at this size: `engine::frame_svg`).
const FRAME_WIDTH: u32 = 800;
const FRAME_HEIGHT: u32 = 360;
/// Graph frames are drawn square beside their structures (`engine::frame_svg::GRAPH_HEIGHT`).
const GRAPH_FRAME_HEIGHT: u32 = 640;

/// What an import opens: the algorithm, the input and the step.
pub type Imported = (&'static Card, Input, u64);

/// The export bar as the visualizer's slot (the quiz page has none, and links none of this).
pub fn export_bar(
    entry: &'static Card,
    run: StoredValue<EngineRun>,
    input: Input,
    snapshot: Memo<Snapshot>,
    on_import: Option<Callback<Imported>>,
) -> AnyView {
    match on_import {
        Some(on_import) => view! { <ExportBar entry=entry run=run input=input snapshot=snapshot on_import=on_import /> }.into_any(),
        None => view! { <ExportBar entry=entry run=run input=input snapshot=snapshot /> }.into_any(),
    }
}

#[component]
pub fn ExportBar(
    entry: &'static Card,
    run: StoredValue<EngineRun>,
    input: Input,
    snapshot: Memo<Snapshot>,
    #[prop(optional)] on_import: Option<Callback<Imported>>,
) -> impl IntoView {
    let error = RwSignal::new(None::<String>);
    let input = StoredValue::new(input);
    let export_trace = move |_| {
        let step = snapshot.with_untracked(|s| s.step);
        let input = input.get_value();
        crate::spawn_while(move || !error.is_disposed(), async move {
            match engines::export_trace(entry, &input, step).await {
                Ok(text) => download_text(
                    &format!("{}-trace.json", entry.id),
                    "application/json",
                    &text,
                ),
                Err(problem) => error.set(Some(problem)),
            }
        });
    };
    // The image is drawn by the family's tools module, fetched on the first export.
    let export_image = move |png: bool| {
        let step = snapshot.with_untracked(|s| s.step);
        let name = format!(
            "{}-step-{step}.{}",
            entry.id,
            if png { "png" } else { "svg" }
        );
        let drawing =
            run.with_value(|run| input.with_value(|i| run.frame_svg(step, i, entry.name)));
        crate::spawn_while(move || !error.is_disposed(), async move {
            match drawing.await {
                Ok(svg) if png => {
                    let height = match entry.frame {
                        algorithms::FrameKind::Graph | algorithms::FrameKind::Grid => {
                            GRAPH_FRAME_HEIGHT
                        }
                        _ => FRAME_HEIGHT,
                    };
                    download_png(&name, &svg, FRAME_WIDTH, height)
                }
                Ok(svg) => download_text(&name, "image/svg+xml", &svg),
                Err(problem) => error.set(Some(problem)),
            }
        });
    };
    let import = move |event: leptos::ev::Event| {
        let Some(input) = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
        else {
            return;
        };
        crate::spawn_while(move || !error.is_disposed(), async move {
            let text = wasm_bindgen_futures::JsFuture::from(read_file(&input)).await;
            let Some(text) = text.ok().and_then(|t| t.as_string()) else {
                return;
            };
            match engines::import_trace(&text).await {
                Ok(imported) => {
                    error.set(None);
                    if let Some(on_import) = on_import {
                        on_import.run(imported);
                    }
                }
                Err(problem) => error.set(Some(format!("Not imported: {problem}."))),
            }
        });
    };
    view! {
        <div class="export-bar" role="group" aria-label="Export and import">
            <button data-testid="export-trace" on:click=export_trace>"Export trace (JSON)"</button>
            <button data-testid="export-svg" on:click=move |_| export_image(false)>"Frame as SVG"</button>
            <button data-testid="export-png" on:click=move |_| export_image(true)>"Frame as PNG"</button>
            <label class="import">
                "Import trace "
                <input type="file" accept="application/json,.json" data-testid="import-trace" on:change=import />
            </label>
            {move || error.get().map(|message| view! {
                <p class="field-error" role="alert" data-testid="import-error">{message}</p>
            })}
        </div>
    }
}

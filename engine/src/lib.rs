//! An engine: the runs of one family's algorithms behind a narrow interface of ids, numbers and JSON
//! strings. The app's pages hold no state machine; they load the engine of the family a page needs (a
//! WebAssembly module per family, see `src/bin/`) and ask it for snapshots. Runs live here, in the
//! engine's memory, as timelines, so a seek costs what it costs natively plus one snapshot in JSON.
//!
//! Every method answers `Err(message)` with a sentence a learner can read; the module throws it as a
//! string.

pub mod frame_svg;

use algorithms::catalogue::{Entry, Family};
use algorithms::{DynMachine, FrameKind, Input, Machine, Timeline, TraceFile};
use serde::Serialize;

/// A run recorded for stepping.
type Recorded = Timeline<Box<dyn DynMachine>>;

enum Slot {
    Stepping(Recorded),
    Counting(Box<dyn DynMachine>),
}

pub struct Engine {
    entries: &'static [&'static Entry],
    runs: Vec<Option<Slot>>,
}

/// What an imported trace opens: the algorithm, the input and the step.
#[derive(Serialize)]
struct Opened<'a> {
    algorithm: &'a str,
    input: &'a Input,
    step: u64,
}

/// A counting run's result. A typed struct rather than `serde_json::json!`: a `Value` would link its own
/// writer and float printing into every engine.
#[derive(Serialize)]
struct Counted {
    steps: u64,
    counters: algorithms::Counters,
}

impl Engine {
    pub fn new(entries: &'static [&'static Entry]) -> Self {
        Engine {
            entries,
            runs: Vec::new(),
        }
    }

    fn entry(&self, id: &str) -> Result<&'static Entry, String> {
        self.entries
            .iter()
            .copied()
            .find(|entry| entry.id == id)
            .ok_or_else(|| format!("“{id}” is not an algorithm of this engine"))
    }

    fn input(text: &str) -> Result<Input, String> {
        serde_json::from_str(text).map_err(|e| format!("the input is not readable: {e}"))
    }

    fn keep(&mut self, slot: Slot) -> u32 {
        let free = self.runs.iter().position(Option::is_none);
        let at = free.unwrap_or(self.runs.len());
        if at == self.runs.len() {
            self.runs.push(None);
        }
        self.runs[at] = Some(slot);
        at as u32
    }

    fn slot(&mut self, run: u32) -> Result<&mut Slot, String> {
        self.runs
            .get_mut(run as usize)
            .and_then(Option::as_mut)
            .ok_or_else(|| format!("run {run} is not open"))
    }

    /// Validates `input` (JSON) for stepping, records the whole run, and returns the run's handle.
    pub fn open(&mut self, id: &str, input: &str) -> Result<u32, String> {
        let entry = self.entry(id)?;
        let input = Self::input(input)?;
        let run = entry.start(input).map_err(|e| e.to_string())?;
        let timeline = Timeline::record(run).map_err(|e| e.to_string())?;
        Ok(self.keep(Slot::Stepping(timeline)))
    }

    fn stepping(&mut self, run: u32) -> Result<&Recorded, String> {
        match self.slot(run)? {
            Slot::Stepping(recorded) => Ok(recorded),
            Slot::Counting(_) => Err(format!("run {run} only counts")),
        }
    }

    /// The index of the run's last step.
    pub fn last_step(&mut self, run: u32) -> Result<f64, String> {
        Ok(self.stepping(run)?.last_step() as f64)
    }

    /// The snapshot at `step` (clamped to the last), as JSON.
    pub fn seek(&mut self, run: u32, step: f64) -> Result<String, String> {
        let timeline = self.stepping(run)?;
        let snapshot = timeline.seek((step.max(0.0) as u64).min(timeline.last_step()));
        Ok(serde_json::to_string(&snapshot).expect("snapshots are plain data"))
    }

    /// The run of `id` on `input` (JSON) as a trace file (JSON), positioned at `step`. It replays the run
    /// rather than reading an open one, so the tools module, not the engine, carries the writer.
    pub fn export_trace(&self, id: &str, input: &str, step: f64) -> Result<String, String> {
        let file = TraceFile::export(self.entry(id)?, Self::input(input)?, step.max(0.0) as u64)
            .map_err(|e| e.to_string())?;
        Ok(serde_json::to_string_pretty(&file).expect("a trace is plain data"))
    }

    /// Checks a trace file against a fresh run; answers `{"algorithm", "input", "step"}` to open.
    pub fn import_trace(&self, text: &str) -> Result<String, String> {
        let (entry, file) =
            TraceFile::import_from(text, self.entries).map_err(|e| e.to_string())?;
        let opened = Opened {
            algorithm: entry.id,
            input: &file.input,
            step: file.step,
        };
        Ok(serde_json::to_string(&opened).expect("plain data"))
    }

    /// The frame of `snapshot` (JSON, as `seek` writes it) as an SVG image, with the run's `input` (JSON):
    /// the scale of the bars, or the graph whose states the frame holds.
    pub fn frame_svg(&self, snapshot: &str, input: &str, title: &str) -> Result<String, String> {
        let snapshot: algorithms::Snapshot = serde_json::from_str(snapshot)
            .map_err(|e| format!("the snapshot is unreadable: {e}"))?;
        let input = Self::input(input)?;
        frame_svg::frame_svg(&snapshot, &input, title)
    }

    /// Validates `input` against the count-only limits and starts a run that builds no snapshots.
    pub fn count(&mut self, id: &str, input: &str) -> Result<u32, String> {
        let entry = self.entry(id)?;
        let machine = entry
            .start_counting(Self::input(input)?)
            .map_err(|e| e.to_string())?;
        Ok(self.keep(Slot::Counting(machine)))
    }

    /// Advances a counting run by up to `steps` steps. Once it has finished, closes it and answers its
    /// final counters and step count as JSON (`{"steps", "counters"}`); until then `None`.
    pub fn advance(&mut self, run: u32, steps: u32) -> Result<Option<String>, String> {
        let Slot::Counting(machine) = self.slot(run)? else {
            return Err(format!("run {run} does not count"));
        };
        for _ in 0..steps {
            if !machine.advance() {
                let report = serde_json::to_string(&Counted {
                    steps: machine.step(),
                    counters: machine.counters(),
                })
                .expect("plain data");
                self.close(run);
                return Ok(Some(report));
            }
        }
        Ok(None)
    }

    /// The pseudocode of `id`, as a JSON list of lines (each snapshot's `line` indexes it).
    pub fn pseudocode(&self, id: &str) -> Result<String, String> {
        Ok(serde_json::to_string(self.entry(id)?.pseudocode).expect("plain data"))
    }

    /// Frees a run; closing an unknown or closed run does nothing.
    pub fn close(&mut self, run: u32) {
        if let Some(slot) = self.runs.get_mut(run as usize) {
            *slot = None;
        }
    }

    /// The ids of the engine's algorithms, as a JSON list: the build reads them to map each path to the
    /// engine it needs, so the loader fetches that engine beside the page module.
    pub fn ids(&self) -> String {
        let ids: Vec<&str> = self.entries.iter().map(|entry| entry.id).collect();
        serde_json::to_string(&ids).expect("plain data")
    }

    /// What the engine's entries are, as JSON: each family once, in catalogue order, with the kind of
    /// frame it draws and its algorithms' ids (`{"families": [{"family", "kind", "algorithms"}]}`). The
    /// build reads it from each family's tools module (fetched on use, so its size is on no route's first
    /// load) to learn every family, kind and algorithm; no list of them is written elsewhere.
    pub fn manifest(&self) -> String {
        #[derive(Serialize)]
        struct Manifest {
            families: Vec<Runs>,
        }
        #[derive(Serialize)]
        struct Runs {
            family: Family,
            kind: FrameKind,
            algorithms: Vec<&'static str>,
        }
        let mut families: Vec<Runs> = Vec::new();
        for entry in self.entries {
            match families
                .iter_mut()
                .find(|runs| runs.family == entry.family())
            {
                Some(runs) => runs.algorithms.push(entry.id),
                None => families.push(Runs {
                    family: entry.family(),
                    kind: entry.frame,
                    algorithms: vec![entry.id],
                }),
            }
        }
        serde_json::to_string(&Manifest { families }).expect("plain data")
    }

    /// Runs open now, for tests of the app's clean-up.
    pub fn open_runs(&self) -> usize {
        self.runs.iter().filter(|slot| slot.is_some()).count()
    }
}

/// The WebAssembly exports of an engine over `$entries` (a family's static list of entries). Each export
/// is a thin call into one [`Engine`]; errors are thrown as strings. Trace files are not among them:
/// writing one and reading it back is code no run needs, so it is in a module of its own ([`tools!`])
/// that the app fetches when a learner exports or imports.
#[macro_export]
macro_rules! exports {
    ($entries:expr) => {
        thread_local! {
            static ENGINE: ::std::cell::RefCell<$crate::Engine> =
                ::std::cell::RefCell::new($crate::Engine::new($entries));
        }

        #[::wasm_bindgen::prelude::wasm_bindgen]
        pub fn open(id: &str, input: &str) -> Result<u32, String> {
            ENGINE.with_borrow_mut(|engine| engine.open(id, input))
        }

        #[::wasm_bindgen::prelude::wasm_bindgen]
        pub fn last_step(run: u32) -> Result<f64, String> {
            ENGINE.with_borrow_mut(|engine| engine.last_step(run))
        }

        #[::wasm_bindgen::prelude::wasm_bindgen]
        pub fn seek(run: u32, step: f64) -> Result<String, String> {
            ENGINE.with_borrow_mut(|engine| engine.seek(run, step))
        }

        #[::wasm_bindgen::prelude::wasm_bindgen]
        pub fn count(id: &str, input: &str) -> Result<u32, String> {
            ENGINE.with_borrow_mut(|engine| engine.count(id, input))
        }

        #[::wasm_bindgen::prelude::wasm_bindgen]
        pub fn advance(run: u32, steps: u32) -> Result<Option<String>, String> {
            ENGINE.with_borrow_mut(|engine| engine.advance(run, steps))
        }

        #[::wasm_bindgen::prelude::wasm_bindgen]
        pub fn pseudocode(id: &str) -> Result<String, String> {
            ENGINE.with_borrow(|engine| engine.pseudocode(id))
        }

        #[::wasm_bindgen::prelude::wasm_bindgen]
        pub fn ids() -> String {
            ENGINE.with_borrow(|engine| engine.ids())
        }

        #[::wasm_bindgen::prelude::wasm_bindgen]
        pub fn close(run: u32) {
            ENGINE.with_borrow_mut(|engine| engine.close(run))
        }
    };
}

/// The WebAssembly exports of a family's tools module, what the export and import bar needs beyond a
/// run: [`Engine::export_trace`], [`Engine::import_trace`] and [`Engine::frame_svg`] over `$entries`;
/// and [`Engine::manifest`], which the build reads.
#[macro_export]
macro_rules! tools {
    ($entries:expr) => {
        #[::wasm_bindgen::prelude::wasm_bindgen]
        pub fn import_trace(text: &str) -> Result<String, String> {
            $crate::Engine::new($entries).import_trace(text)
        }

        #[::wasm_bindgen::prelude::wasm_bindgen]
        pub fn export_trace(id: &str, input: &str, step: f64) -> Result<String, String> {
            $crate::Engine::new($entries).export_trace(id, input, step)
        }

        #[::wasm_bindgen::prelude::wasm_bindgen]
        pub fn frame_svg(snapshot: &str, input: &str, title: &str) -> Result<String, String> {
            $crate::Engine::new($entries).frame_svg(snapshot, input, title)
        }

        #[::wasm_bindgen::prelude::wasm_bindgen]
        pub fn manifest() -> String {
            $crate::Engine::new($entries).manifest()
        }
    };
}

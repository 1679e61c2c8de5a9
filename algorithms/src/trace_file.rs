//! The trace file: what "export trace" writes and "import trace" reads. A run is deterministic, so the
//! algorithm, its version and the input reproduce it; the file adds the step to open at, the number of
//! steps, and (for runs up to [`MAX_EMBEDDED_STEPS`]) every snapshot, which an import checks against its
//! own run of the same input, so a file from another version or an edited one is refused with the step
//! where it differs.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::catalogue::{self, Entry};
use crate::input::{Input, InputError, Mode};
use crate::machine::{DynMachine, Machine};
use crate::snapshot::SNAPSHOT_FORMAT;

pub const TRACE_FORMAT: &str = "algovista-trace";
/// Longer runs are exported without their snapshots (a million-step run would be gigabytes).
pub const MAX_EMBEDDED_STEPS: u64 = 5_000;
/// So are runs whose snapshots would take more than this many bytes of JSON, estimated from the first
/// (a grid's frame holds every cell: 5,000 steps of a 100 × 100 grid would be 50 MB).
pub const MAX_EMBEDDED_BYTES: u64 = 16_000_000;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TraceFile {
    pub format: String,
    pub snapshot_format: u32,
    pub algorithm: String,
    pub algorithm_version: u32,
    pub input: Input,
    /// The step the view was at.
    pub step: u64,
    /// Number of steps, counting step 0.
    pub steps: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub snapshots: Option<Vec<serde_json::Value>>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum TraceFileError {
    NotJson(String),
    NotATrace(String),
    UnknownAlgorithm(String),
    AlgorithmVersion {
        algorithm: String,
        file: u32,
        here: u32,
    },
    SnapshotFormat {
        file: u32,
        here: u32,
    },
    Input(InputError),
    Steps {
        file: u64,
        here: u64,
    },
    StepOutOfRange {
        step: u64,
        steps: u64,
    },
    SnapshotDiffers {
        step: usize,
    },
}

impl fmt::Display for TraceFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TraceFileError::NotJson(error) => write!(f, "the file is not JSON: {error}"),
            TraceFileError::NotATrace(error) => {
                write!(f, "the file is not an AlgoVista trace: {error}")
            }
            TraceFileError::UnknownAlgorithm(id) => {
                write!(f, "the trace is of \"{id}\", which is not in the catalogue")
            }
            TraceFileError::AlgorithmVersion {
                algorithm,
                file,
                here,
            } => write!(
                f,
                "the trace is of {algorithm} version {file}, but this is version {here}: its steps may differ"
            ),
            TraceFileError::SnapshotFormat { file, here } => {
                write!(
                    f,
                    "the trace's snapshot format is {file}, this version reads {here}"
                )
            }
            TraceFileError::Input(error) => write!(f, "the trace's input is refused: {error}"),
            TraceFileError::Steps { file, here } => {
                write!(f, "the trace says {file} steps, but the run takes {here}")
            }
            TraceFileError::StepOutOfRange { step, steps } => {
                write!(
                    f,
                    "the trace opens at step {step}, past its last step {}",
                    steps - 1
                )
            }
            TraceFileError::SnapshotDiffers { step } => {
                write!(
                    f,
                    "the trace's snapshot at step {step} differs from the run of its input"
                )
            }
        }
    }
}

impl std::error::Error for TraceFileError {}

impl TraceFile {
    /// The trace of `entry` on `input`, positioned at `step`.
    pub fn export(entry: &Entry, input: Input, step: u64) -> Result<Self, InputError> {
        let machine = entry.start(input.clone())?;
        let steps = step_count(&*machine);
        let first = serde_json::to_vec(&machine.snapshot()).map_or(0, |json| json.len() as u64);
        let embedded = steps <= MAX_EMBEDDED_STEPS && steps * first <= MAX_EMBEDDED_BYTES;
        let snapshots = embedded.then(|| {
            machine
                .steps()
                .map(|s| serde_json::to_value(s).expect("snapshots are plain data"))
                .collect()
        });
        Ok(TraceFile {
            format: TRACE_FORMAT.to_owned(),
            snapshot_format: SNAPSHOT_FORMAT,
            algorithm: entry.id.to_owned(),
            algorithm_version: entry.version,
            input,
            step: step.min(steps - 1),
            steps,
            snapshots,
        })
    }

    /// Reads and checks a trace: known algorithm at this version, a valid input, and the same run.
    pub fn import(text: &str) -> Result<(&'static Entry, TraceFile), TraceFileError> {
        Self::import_from(text, catalogue::CATALOGUE)
    }

    /// [`import`](Self::import) knowing only `entries`: a family's engine links no other family.
    pub fn import_from(
        text: &str,
        entries: &[&'static Entry],
    ) -> Result<(&'static Entry, TraceFile), TraceFileError> {
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|e| TraceFileError::NotJson(e.to_string()))?;
        if value.get("format").and_then(|f| f.as_str()) != Some(TRACE_FORMAT) {
            return Err(TraceFileError::NotATrace(format!(
                "\"format\" is not \"{TRACE_FORMAT}\""
            )));
        }
        let file: TraceFile =
            serde_json::from_value(value).map_err(|e| TraceFileError::NotATrace(e.to_string()))?;
        if file.snapshot_format != SNAPSHOT_FORMAT {
            return Err(TraceFileError::SnapshotFormat {
                file: file.snapshot_format,
                here: SNAPSHOT_FORMAT,
            });
        }
        let entry = entries
            .iter()
            .copied()
            .find(|entry| entry.id == file.algorithm)
            .ok_or_else(|| TraceFileError::UnknownAlgorithm(file.algorithm.clone()))?;
        if file.algorithm_version != entry.version {
            return Err(TraceFileError::AlgorithmVersion {
                algorithm: entry.name.to_owned(),
                file: file.algorithm_version,
                here: entry.version,
            });
        }
        entry
            .validate(&file.input, Mode::Step)
            .map_err(TraceFileError::Input)?;
        let machine = entry
            .start(file.input.clone())
            .map_err(TraceFileError::Input)?;
        let steps = step_count(&*machine);
        if steps != file.steps {
            return Err(TraceFileError::Steps {
                file: file.steps,
                here: steps,
            });
        }
        if file.step >= steps {
            return Err(TraceFileError::StepOutOfRange {
                step: file.step,
                steps,
            });
        }
        if let Some(snapshots) = &file.snapshots {
            if snapshots.len() as u64 != steps {
                return Err(TraceFileError::Steps {
                    file: snapshots.len() as u64,
                    here: steps,
                });
            }
            for (step, (theirs, ours)) in snapshots.iter().zip(machine.steps()).enumerate() {
                if *theirs != serde_json::to_value(ours).expect("snapshots are plain data") {
                    return Err(TraceFileError::SnapshotDiffers { step });
                }
            }
        }
        Ok((entry, file))
    }
}

/// Steps of the whole run, counting step 0, without building snapshots.
fn step_count(machine: &dyn DynMachine) -> u64 {
    let mut counting = machine.clone_box();
    counting.run_to_end();
    counting.step() + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> (&'static Entry, Input) {
        let entry = catalogue::find("insertion-sort").unwrap();
        (
            entry,
            Input {
                values: vec![4, 2, 5, 1],
                ..Input::default()
            },
        )
    }

    #[test]
    fn an_exported_trace_imports_to_the_same_place() {
        let (entry, input) = sample();
        let file = TraceFile::export(entry, input.clone(), 3).unwrap();
        assert_eq!(
            file.snapshots.as_ref().map(Vec::len),
            Some(file.steps as usize)
        );
        let text = serde_json::to_string(&file).unwrap();
        let (found, read) = TraceFile::import(&text).unwrap();
        assert_eq!(found.id, entry.id);
        assert_eq!((read.input, read.step), (input, 3));
    }

    #[test]
    fn long_runs_are_exported_without_snapshots() {
        let entry = catalogue::find("bubble-sort").unwrap();
        let input = Input {
            values: (0..200).rev().collect(),
            ..Input::default()
        };
        let file = TraceFile::export(entry, input, 10).unwrap();
        assert!(file.steps > MAX_EMBEDDED_STEPS);
        assert_eq!(file.snapshots, None);
        assert!(TraceFile::import(&serde_json::to_string(&file).unwrap()).is_ok());
    }

    #[cfg(feature = "grids")]
    #[test]
    fn large_frames_are_exported_without_snapshots() {
        let entry = catalogue::find("grid-bfs").unwrap();
        let small = Input {
            grid: Some(crate::grid::parse_grid("S..\n..G").unwrap()),
            ..Input::default()
        };
        assert!(
            TraceFile::export(entry, small, 0)
                .unwrap()
                .snapshots
                .is_some()
        );
        // About 1,400 steps of 10,000-cell frames: 14 MB and more of snapshots.
        let mut grid = crate::grid::Grid::open(100, 100);
        grid.goal = 100 * 3 + 30;
        let large = Input {
            grid: Some(grid),
            ..Input::default()
        };
        let file = TraceFile::export(entry, large, 5).unwrap();
        assert!(file.steps <= MAX_EMBEDDED_STEPS, "{} steps", file.steps);
        assert_eq!(file.snapshots, None);
        assert!(TraceFile::import(&serde_json::to_string(&file).unwrap()).is_ok());
    }

    #[test]
    fn edited_foreign_or_broken_files_are_refused_with_the_reason() {
        let (entry, input) = sample();
        let file = TraceFile::export(entry, input, 0).unwrap();
        let refused = |change: &dyn Fn(&mut serde_json::Value)| {
            let mut value = serde_json::to_value(&file).unwrap();
            change(&mut value);
            TraceFile::import(&value.to_string())
                .err()
                .expect("refused")
        };
        assert_eq!(
            refused(&|v| v["snapshots"][2]["narration"] = "edited".into()),
            TraceFileError::SnapshotDiffers { step: 2 }
        );
        assert!(matches!(
            refused(&|v| v["algorithm_version"] = 9.into()),
            TraceFileError::AlgorithmVersion { file: 9, .. }
        ));
        assert_eq!(
            refused(&|v| v["algorithm"] = "gone".into()),
            TraceFileError::UnknownAlgorithm("gone".into())
        );
        assert!(matches!(
            refused(&|v| v["steps"] = 3.into()),
            TraceFileError::Steps { file: 3, .. }
        ));
        assert!(matches!(
            refused(&|v| v["step"] = 999.into()),
            TraceFileError::StepOutOfRange { step: 999, .. }
        ));
        assert!(matches!(
            refused(&|v| v["format"] = "other".into()),
            TraceFileError::NotATrace(_)
        ));
        assert!(matches!(
            refused(&|v| v["extra"] = 1.into()),
            TraceFileError::NotATrace(_)
        ));
        assert!(matches!(
            refused(&|v| v["input"]["values"][0] = 2_000_000_000i64.into()),
            TraceFileError::Input(_)
        ));
        assert!(matches!(
            TraceFile::import("{"),
            Err(TraceFileError::NotJson(_))
        ));
    }
}

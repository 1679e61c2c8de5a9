//! `trace`: the algorithm catalogue from the command line, for scripting and headless checks.
//!
//! `trace list` prints the catalogue as JSON; `trace run <id> --input <json|@file>` (or, for a tree,
//! `--script <text|@file>`) runs one algorithm and prints its final snapshot, every snapshot as JSON lines,
//! or (with `--count-only`) just the counters.

use std::io::{self, BufWriter, Read, Write};
use std::process::ExitCode;

use algorithms::catalogue::{self, CATALOGUE, Entry};
use algorithms::{Input, Machine};
use clap::{Parser, Subcommand};
use serde::Serialize;

#[derive(Parser)]
#[command(
    name = "trace",
    version,
    about = "Run AlgoVista's algorithms and print their steps as JSON"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Print the catalogue (ids, complexity, pseudocode, input limits) as JSON.
    List,
    /// Run one algorithm on an input.
    Run(RunArgs),
}

#[derive(clap::Args)]
struct RunArgs {
    /// The algorithm's id, as `trace list` prints it (e.g. bubble-sort).
    algorithm: String,
    /// The input as JSON: a list of whole numbers, or {"values": [...], "target": 7, "seed": 1}, or for a
    /// graph algorithm {"graph": {"nodes": ["A", "B"], "edges": [["A", "B", 4]], "start": "A"}}, for a
    /// grid one {"grid": ["S.#", "..G"], "seed": 1} (a maze generator reads the seed), for a tree one
    /// {"tree": "insert 50 30 70; delete 30"}.
    /// `@path` reads it from a file, `@-` from standard input.
    #[arg(long, required_unless_present = "script", conflicts_with = "script")]
    input: Option<String>,
    /// A tree's script as typed: operations separated by lines or `;`, such as
    /// "insert 50 30 70; delete 30; find 40". `@path` reads it from a file, `@-` from standard input.
    #[arg(long)]
    script: Option<String>,
    /// Print only the last snapshot (the default).
    #[arg(long, conflicts_with = "jsonl")]
    r#final: bool,
    /// Print every snapshot, one JSON object per line.
    #[arg(long)]
    jsonl: bool,
    /// Run without building snapshots and print the step count and counters; allows larger inputs.
    #[arg(long, conflicts_with = "jsonl")]
    count_only: bool,
}

/// What `--count-only` prints.
#[derive(Serialize)]
struct CountReport<'a> {
    algorithm: &'a str,
    version: u32,
    /// Values, a graph's nodes, a grid's cells, or a tree script's operations.
    n: usize,
    /// A graph's edges.
    #[serde(skip_serializing_if = "Option::is_none")]
    edges: Option<usize>,
    steps: u64,
    counters: algorithms::Counters,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::List => print_json(&CATALOGUE),
        Command::Run(args) => run(&args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`trace run … --jsonl | head`) is the reader's choice, not a failure.
        Err(Error::Io(error)) if error.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}

enum Error {
    Usage(String),
    Io(io::Error),
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::Usage(message) => f.write_str(message),
            Error::Io(error) => write!(f, "writing the output failed: {error}"),
        }
    }
}

impl From<io::Error> for Error {
    fn from(error: io::Error) -> Self {
        Error::Io(error)
    }
}

fn run(args: &RunArgs) -> Result<(), Error> {
    let entry = find(&args.algorithm)?;
    let input = match (&args.input, &args.script) {
        (Some(json), _) => read_input(json)?,
        (None, Some(script)) => read_script(script)?,
        (None, None) => unreachable!("clap requires --input or --script"),
    };
    let (n, edges) = match (&input.graph, &input.grid, input.script()) {
        (Some(graph), _, _) => (graph.len(), Some(graph.edges.len())),
        (None, Some(grid), _) => (grid.len(), None),
        (None, None, Some(script)) => (script.operations.len(), None),
        (None, None, None) => (input.values.len(), None),
    };
    let invalid = |error| Error::Usage(format!("the input does not suit {}: {error}", entry.id));
    if args.count_only {
        let mut machine = entry.start_counting(input).map_err(invalid)?;
        let counters = machine.run_to_end();
        return print_json(&CountReport {
            algorithm: entry.id,
            version: entry.version,
            n,
            edges,
            steps: machine.step(),
            counters,
        });
    }
    let mut machine = entry.start(input).map_err(invalid)?;
    if args.jsonl {
        let mut out = BufWriter::new(io::stdout().lock());
        for snapshot in machine.steps() {
            serde_json::to_writer(&mut out, &snapshot).map_err(io::Error::from)?;
            out.write_all(b"\n")?;
        }
        out.flush()?;
        Ok(())
    } else {
        machine.run_to_end();
        print_json(&machine.snapshot())
    }
}

fn find(id: &str) -> Result<&'static Entry, Error> {
    catalogue::find(id).ok_or_else(|| {
        let ids: Vec<&str> = CATALOGUE.iter().map(|entry| entry.id).collect();
        Error::Usage(format!(
            "no algorithm has the id \"{id}\"; the ids are: {}",
            ids.join(", ")
        ))
    })
}

/// Reads `--input`: inline JSON, `@path` or `@-`.
fn read_input(argument: &str) -> Result<Input, Error> {
    let (text, source) = read_argument(argument, "--input")?;
    parse_input(&text).map_err(|message| Error::Usage(format!("{source}: {message}")))
}

/// Reads `--script`: the typed text of a tree's operations, inline, `@path` or `@-`.
fn read_script(argument: &str) -> Result<Input, Error> {
    let (text, source) = read_argument(argument, "--script")?;
    algorithms::kinds::tree::parse_script(&text)
        .map(Input::tree)
        .map_err(|error| Error::Usage(format!("{source}: {error}")))
}

/// An argument's text and where it came from: inline, `@path` or `@-` (standard input).
fn read_argument(argument: &str, flag: &str) -> Result<(String, String), Error> {
    Ok(match argument.strip_prefix('@') {
        Some("-") => {
            let mut text = String::new();
            io::stdin()
                .read_to_string(&mut text)
                .map_err(|error| Error::Usage(format!("could not read standard input: {error}")))?;
            (text, "standard input".to_owned())
        }
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .map_err(|error| Error::Usage(format!("could not read {path}: {error}")))?;
            (text, path.to_owned())
        }
        None => (argument.to_owned(), flag.to_owned()),
    })
}

/// A bare list is shorthand for `{"values": [...]}`.
fn parse_input(text: &str) -> Result<Input, String> {
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|error| format!("not valid JSON: {error}"))?;
    let value = if value.is_array() {
        serde_json::json!({ "values": value })
    } else {
        value
    };
    serde_json::from_value(value).map_err(|error| {
        format!(
            "expected a list of whole numbers or {{\"values\": [...], \"target\": n, \"seed\": n}}: {error}"
        )
    })
}

fn print_json(value: &impl Serialize) -> Result<(), Error> {
    let mut out = io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, value).map_err(io::Error::from)?;
    out.write_all(b"\n")?;
    Ok(())
}

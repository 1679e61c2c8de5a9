//! The `trace` binary as a script would use it: arguments in, JSON or an error out.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use algorithms::catalogue::{self, CATALOGUE};
use algorithms::{Input, Machine};
use serde_json::Value;

fn trace(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_trace"))
        .args(args)
        .output()
        .expect("trace runs")
}

fn stdout_json(output: &Output) -> Value {
    assert!(
        output.status.success(),
        "trace failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("stdout is one JSON document")
}

/// The exit code is non-zero, nothing is printed on stdout, and stderr says `expected`.
fn assert_fails_with(output: &Output, expected: &str) {
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success(), "expected a failure, got {stderr}");
    assert!(output.stdout.is_empty(), "no output on failure");
    assert!(
        stderr.contains(expected),
        "stderr should contain {expected:?}: {stderr}"
    );
}

#[test]
fn list_prints_the_whole_catalogue() {
    let list = stdout_json(&trace(&["list"]));
    let ids: Vec<&str> = list
        .as_array()
        .expect("a JSON array")
        .iter()
        .map(|entry| entry["id"].as_str().expect("every entry has an id"))
        .collect();
    let expected: Vec<&str> = CATALOGUE.iter().map(|entry| entry.id).collect();
    assert_eq!(ids, expected);
    let bubble = &list[0];
    assert_eq!(bubble["complexity"]["worst"], "O(n²)");
    assert_eq!(bubble["input"]["max_step_n"], 2000);
    assert!(
        bubble["pseudocode"]
            .as_array()
            .is_some_and(|lines| lines.len() > 3)
    );
}

#[test]
fn final_snapshot_holds_the_sorted_values_and_counters() {
    let snapshot = stdout_json(&trace(&[
        "run",
        "bucket-sort",
        "--input",
        "[5, -3, 9, 1, 1, 7]",
    ]));
    assert_eq!(snapshot["finished"], true);
    assert_eq!(
        snapshot["frame"]["array"]["values"],
        serde_json::json!([-3, 1, 1, 5, 7, 9])
    );
    assert!(snapshot["counters"]["writes"].as_u64() > Some(0));
}

#[test]
fn search_result_is_the_found_index() {
    let snapshot = stdout_json(&trace(&[
        "run",
        "binary-search",
        "--final",
        "--input",
        r#"{"values": [1, 3, 5, 7, 9, 11], "target": 9}"#,
    ]));
    let result = snapshot["variables"]
        .as_array()
        .unwrap()
        .iter()
        .find(|variable| variable["name"] == "result")
        .expect("searches report a result");
    assert_eq!(result["value"], 4);
}

#[test]
fn jsonl_prints_every_snapshot_of_the_run_in_order() {
    let values = "[4, 1, 3, 2]";
    let output = trace(&["run", "insertion-sort", "--jsonl", "--input", values]);
    assert!(output.status.success());
    let lines: Vec<Value> = String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).expect("each line is one JSON object"))
        .collect();
    let expected: Vec<Value> = catalogue::find("insertion-sort")
        .unwrap()
        .start(Input {
            values: vec![4, 1, 3, 2],
            ..Input::default()
        })
        .unwrap()
        .steps()
        .map(|snapshot| serde_json::to_value(snapshot).unwrap())
        .collect();
    assert_eq!(lines, expected);
    assert_eq!(lines.last().unwrap()["finished"], true);
}

#[test]
fn count_only_matches_the_stepped_run_and_allows_larger_inputs() {
    let stepped = stdout_json(&trace(&[
        "run",
        "heap-sort",
        "--input",
        "[9, 2, 7, 4, 4, 0]",
    ]));
    let counted = stdout_json(&trace(&[
        "run",
        "heap-sort",
        "--count-only",
        "--input",
        "[9, 2, 7, 4, 4, 0]",
    ]));
    assert_eq!(counted["counters"], stepped["counters"]);
    assert_eq!(counted["steps"], stepped["step"]);
    assert_eq!(counted["n"], 6);

    // Past the stepping limit, within the counting one.
    let entry = catalogue::find("merge-sort-bottom-up").unwrap();
    let n = entry.input.max_step_n + 1;
    let values: Vec<String> = (0..n).rev().map(|v| v.to_string()).collect();
    let input = format!("[{}]", values.join(","));
    assert_fails_with(
        &trace(&["run", entry.id, "--input", &input]),
        "more than the 10000 this algorithm can step through",
    );
    let counted = stdout_json(&trace(&[
        "run",
        entry.id,
        "--count-only",
        "--input",
        &input,
    ]));
    assert_eq!(counted["n"], n);
}

#[test]
fn input_can_come_from_a_file_or_standard_input() {
    let dir = std::env::temp_dir().join(format!("trace-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("input.json");
    std::fs::write(&path, r#"{"values": [3, 2, 1]}"#).unwrap();
    let from_file = stdout_json(&trace(&[
        "run",
        "selection-sort",
        "--input",
        &format!("@{}", path.display()),
    ]));
    assert_eq!(
        from_file["frame"]["array"]["values"],
        serde_json::json!([1, 2, 3])
    );
    std::fs::remove_dir_all(&dir).unwrap();

    let mut child = Command::new(env!("CARGO_BIN_EXE_trace"))
        .args(["run", "selection-sort", "--input", "@-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(b"[2, 3, 1]").unwrap();
    let from_stdin = stdout_json(&child.wait_with_output().unwrap());
    assert_eq!(
        from_stdin["frame"]["array"]["values"],
        serde_json::json!([1, 2, 3])
    );
}

#[test]
fn bad_input_is_named_on_stderr_with_a_failing_exit() {
    assert_fails_with(
        &trace(&["run", "no-such-sort", "--input", "[1]"]),
        "no algorithm has the id \"no-such-sort\"; the ids are: bubble-sort,",
    );
    assert_fails_with(
        &trace(&["run", "bubble-sort", "--input", "[3, 1,"]),
        "--input: not valid JSON",
    );
    assert_fails_with(
        &trace(&["run", "bubble-sort", "--input", "[3, 1.5]"]),
        "expected a list of whole numbers",
    );
    assert_fails_with(
        &trace(&["run", "bubble-sort", "--input", r#"{"valuez": [1]}"#]),
        "unknown field `valuez`",
    );
    assert_fails_with(
        &trace(&["run", "binary-search", "--input", "[1, 2, 3]"]),
        "the input does not suit binary-search",
    );
    assert_fails_with(
        &trace(&[
            "run",
            "binary-search",
            "--input",
            r#"{"values": [3, 1], "target": 1}"#,
        ]),
        "needs sorted values, but item 2 is smaller than item 1",
    );
    assert_fails_with(
        &trace(&["run", "bubble-sort", "--input", "[1, 2000000000]"]),
        "outside the allowed range",
    );
    assert_fails_with(
        &trace(&["run", "bubble-sort", "--input", "@/no/such/file.json"]),
        "could not read /no/such/file.json",
    );
    // Usage errors come from the argument parser, with its own exit code.
    let conflicting = trace(&[
        "run",
        "bubble-sort",
        "--jsonl",
        "--count-only",
        "--input",
        "[1]",
    ]);
    assert_eq!(conflicting.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&conflicting.stderr).contains("cannot be used with"));
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let values: Vec<String> = (0..300).rev().map(|v| v.to_string()).collect();
    let input = format!("[{}]", values.join(","));
    let mut child = Command::new(env!("CARGO_BIN_EXE_trace"))
        .args(["run", "bubble-sort", "--jsonl", "--input", &input])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Read one line, then hang up, as `| head -1` would.
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 64];
    std::io::Read::read_exact(&mut stdout, &mut first).unwrap();
    drop(stdout);
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success());
    assert!(
        output.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn every_graph_algorithm_runs_from_the_json_form() {
    let graph = r#"{"graph": {"directed": true, "nodes": ["A", "B", "C", "D"],
        "edges": [["A", "B", 4], ["A", "C", 1], ["C", "B", 1], ["B", "D", 5]], "start": "A", "goal": "D"}}"#;
    let undirected = graph.replace(r#""directed": true"#, r#""directed": false"#);
    for entry in CATALOGUE.iter().filter(|e| e.input.graph.is_some()) {
        let directed = entry.input.graph.unwrap().directed.unwrap_or(true);
        let input = if directed {
            graph.to_owned()
        } else {
            undirected.clone()
        };
        let last = stdout_json(&trace(&["run", entry.id, "--input", &input]));
        assert_eq!(last["finished"], true, "{}", entry.id);
        assert!(last["frame"]["graph"].is_object(), "{}", entry.id);
        let counted = stdout_json(&trace(&[
            "run",
            entry.id,
            "--count-only",
            "--input",
            &input,
        ]));
        assert_eq!(counted["counters"], last["counters"], "{}", entry.id);
        assert_eq!(
            (counted["n"].as_u64(), counted["edges"].as_u64()),
            (Some(4), Some(4))
        );
    }
    let dijkstra = stdout_json(&trace(&["run", "dijkstra", "--input", graph]));
    let dist = &dijkstra["frame"]["graph"]["table"][0];
    assert_eq!(dist["name"], "dist");
    assert_eq!(dist["values"], serde_json::json!([0, 2, 1, 7]));
    assert!(
        dijkstra["narration"]
            .as_str()
            .unwrap()
            .contains("costs 7: A → C → B → D")
    );
    // A label the graph does not have, and a negative weight where the algorithm refuses one.
    let unknown = graph.replace(r#"["B", "D", 5]"#, r#"["B", "Q", 5]"#);
    assert_fails_with(
        &trace(&["run", "bfs", "--input", &unknown]),
        "edge 4 names \"Q\", which is not in nodes",
    );
    let negative = graph.replace(r#"["A", "B", 4]"#, r#"["A", "B", -4]"#);
    assert_fails_with(
        &trace(&["run", "dijkstra", "--input", &negative]),
        "edge 1 (A → B) weighs -4: this algorithm needs weights of 0 or more",
    );
    let bellman = stdout_json(&trace(&["run", "bellman-ford", "--input", &negative]));
    assert_eq!(
        bellman["frame"]["graph"]["table"][0]["values"],
        serde_json::json!([0, -4, 1, 1])
    );
}

#[test]
fn every_grid_algorithm_runs_from_the_json_form() {
    let search = r#"{"grid": ["S..#.", ".#...", "...#G"]}"#;
    let maze = r#"{"grid": [".......", ".S.....", ".......", ".....G.", "......."], "seed": 9}"#;
    for entry in CATALOGUE.iter().filter(|e| e.input.grid.is_some()) {
        let input = if entry.input.grid.unwrap().maze {
            maze
        } else {
            search
        };
        let last = stdout_json(&trace(&["run", entry.id, "--input", input]));
        assert_eq!(last["finished"], true, "{}", entry.id);
        let cells = last["frame"]["grid"]["cells"].as_str().unwrap();
        assert_eq!(
            cells.len(),
            if input == maze { 35 } else { 15 },
            "{}",
            entry.id
        );
        let counted = stdout_json(&trace(&["run", entry.id, "--count-only", "--input", input]));
        assert_eq!(counted["counters"], last["counters"], "{}", entry.id);
        assert_eq!(counted["n"].as_u64(), Some(cells.len() as u64));
    }
    let astar = stdout_json(&trace(&["run", "grid-astar", "--input", search]));
    assert!(
        astar["narration"]
            .as_str()
            .unwrap()
            .contains("a path of 6 moves, cost 6")
    );
    assert_fails_with(
        &trace(&["run", "grid-bfs", "--input", r#"{"grid": ["S.x", "..G"]}"#]),
        "line 1, column 3: \"x\" is not a cell",
    );
    assert_fails_with(
        &trace(&["run", "maze-prim", "--input", search]),
        "a maze needs odd width and height of 5 or more",
    );
}

#[test]
fn every_tree_entry_runs_from_its_typed_script_and_from_json() {
    use algorithms::catalogue::InputKind;
    let typed = "insert 50 30 70 20 40\ndelete 30; find 40";
    let json = r#"{"tree": "insert 50 30 70 20 40; delete 30; find 40"}"#;
    let trees: Vec<_> = CATALOGUE
        .iter()
        .filter(|e| matches!(e.input.kind, InputKind::Tree(_)))
        .collect();
    assert!(!trees.is_empty());
    for entry in trees {
        let from_script = stdout_json(&trace(&["run", entry.id, "--script", typed]));
        let from_json = stdout_json(&trace(&["run", entry.id, "--input", json]));
        assert_eq!(from_script, from_json, "{}", entry.id);
        assert_eq!(from_script["finished"], true);
        let mut keys: Vec<i64> = from_script["frame"]["tree"]["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|node| node["key"].as_i64().unwrap())
            .collect();
        keys.sort_unstable();
        assert_eq!(keys, [20, 40, 50, 70], "{}", entry.id);
        // The library's own run of the same input prints the same final snapshot.
        let input: Input = serde_json::from_str(json).unwrap();
        let mut machine = catalogue::find(entry.id).unwrap().start(input).unwrap();
        machine.run_to_end();
        assert_eq!(from_json, serde_json::to_value(machine.snapshot()).unwrap());
        let counted = stdout_json(&trace(&[
            "run",
            entry.id,
            "--count-only",
            "--script",
            typed,
        ]));
        assert_eq!(counted["n"], 7, "seven operations");
        assert_eq!(counted["counters"], from_json["counters"]);
    }
    assert_fails_with(
        &trace(&["run", "bst", "--script", "insert 5 3\nfind 3 x"]),
        "--script: line 2, column 8: “x” is not a whole number",
    );
    assert_fails_with(
        &trace(&["run", "bst", "--script", "insert 5; extract"]),
        "the input does not suit bst: operation 2 is “extract”, but this structure takes only insert, delete and find",
    );
    assert_fails_with(
        &trace(&["run", "bubble-sort", "--script", "insert 5"]),
        "the input does not suit bubble-sort: this algorithm takes a list of values, not a script of tree operations",
    );
    let both = trace(&["run", "bst", "--script", "insert 1", "--input", "[1]"]);
    assert_eq!(both.status.code(), Some(2), "--script and --input conflict");
}

//! The engine answers what the catalogue's runs give directly: the same snapshots at every step, the same
//! counters, the same trace files, and errors that name the problem.

use algorithms::catalogue::{Family, SEARCHING, SORTING};
use algorithms::{Machine, Snapshot};
use engine::Engine;
use serde_json::Value;

fn input_for(entry: &algorithms::catalogue::Entry, n: usize, seed: u64) -> String {
    serde_json::to_string(&entry.sample(n, seed)).unwrap()
}

#[test]
fn every_step_of_every_algorithm_matches_a_direct_run() {
    for family in Family::ALL {
        let mut engine = Engine::new(family.entries());
        for entry in family.entries() {
            for seed in 1..=3 {
                let text = input_for(entry, 12, seed);
                let input = serde_json::from_str(&text).unwrap();
                let expected: Vec<Snapshot> = entry.start(input).unwrap().steps().collect();
                let run = engine.open(entry.id, &text).unwrap();
                assert_eq!(engine.last_step(run).unwrap() as usize, expected.len() - 1);
                // Backwards, so every answer is a seek rather than the next step.
                for (step, snapshot) in expected.iter().enumerate().rev() {
                    let answer: Snapshot =
                        serde_json::from_str(&engine.seek(run, step as f64).unwrap()).unwrap();
                    assert_eq!(&answer, snapshot, "{} at step {step}", entry.id);
                }
                // Past the end reads as the last step.
                let beyond: Snapshot =
                    serde_json::from_str(&engine.seek(run, 1e9).unwrap()).unwrap();
                assert_eq!(&beyond, expected.last().unwrap());
                engine.close(run);
            }
        }
        assert_eq!(engine.open_runs(), 0);
    }
}

#[test]
fn counting_runs_report_the_catalogue_counters_in_slices() {
    let mut engine = Engine::new(SORTING);
    for entry in SORTING {
        let text = input_for(entry, 300, 9);
        let expected = entry.count(serde_json::from_str(&text).unwrap()).unwrap();
        let run = engine.count(entry.id, &text).unwrap();
        let mut slices = 0;
        let report = loop {
            slices += 1;
            if let Some(report) = engine.advance(run, 100).unwrap() {
                break report;
            }
        };
        let report: Value = serde_json::from_str(&report).unwrap();
        assert_eq!(report["counters"], serde_json::to_value(expected).unwrap());
        assert!(report["steps"].as_u64().unwrap() > 0);
        assert!(
            slices > 1,
            "{} finished in one slice of 100 steps",
            entry.id
        );
        assert!(engine.advance(run, 1).is_err(), "a finished run is closed");
    }
    assert_eq!(engine.open_runs(), 0);
}

#[test]
fn an_exported_trace_imports_and_an_edited_one_is_refused() {
    let engine = Engine::new(SEARCHING);
    let entry = SEARCHING[1];
    let text = input_for(entry, 20, 4);
    let file = engine.export_trace(entry.id, &text, 3.0).unwrap();
    let opened: Value = serde_json::from_str(&engine.import_trace(&file).unwrap()).unwrap();
    assert_eq!(opened["algorithm"], entry.id);
    assert_eq!(opened["step"], 3);
    assert_eq!(
        opened["input"],
        serde_json::from_str::<Value>(&text).unwrap()
    );

    let mut edited: Value = serde_json::from_str(&file).unwrap();
    edited["snapshots"][2]["narration"] = "something else".into();
    let refused = engine.import_trace(&edited.to_string()).unwrap_err();
    assert!(refused.contains("step 2"), "{refused}");
}

#[test]
fn an_engine_lists_its_family_in_catalogue_order() {
    let ids: Vec<String> = serde_json::from_str(&Engine::new(SEARCHING).ids()).unwrap();
    let expected: Vec<&str> = SEARCHING.iter().map(|entry| entry.id).collect();
    assert_eq!(ids, expected);
}

#[test]
fn an_engine_names_its_families_their_kind_and_ids_in_catalogue_order() {
    let manifest: Value = serde_json::from_str(&Engine::new(SEARCHING).manifest()).unwrap();
    let ids: Vec<&str> = SEARCHING.iter().map(|entry| entry.id).collect();
    assert_eq!(
        manifest,
        serde_json::json!({"families": [{"family": "searching", "kind": "array", "algorithms": ids}]})
    );
}

#[cfg(feature = "graphs")]
#[test]
fn the_combined_graph_engine_names_every_graph_family_once() {
    let manifest: Value =
        serde_json::from_str(&Engine::new(algorithms::catalogue::graph_entries()).manifest())
            .unwrap();
    let families: Vec<(&str, &str, usize)> = manifest["families"]
        .as_array()
        .unwrap()
        .iter()
        .map(|runs| {
            (
                runs["family"].as_str().unwrap(),
                runs["kind"].as_str().unwrap(),
                runs["algorithms"].as_array().unwrap().len(),
            )
        })
        .collect();
    let expected: Vec<(&str, &str, usize)> = Family::ALL
        .iter()
        .filter(|family| family.is_graph())
        .map(|family| (family.id(), "graph", family.entries().len()))
        .collect();
    assert_eq!(families, expected);
}

#[test]
fn an_engine_answers_each_algorithms_pseudocode_and_no_other() {
    let engine = Engine::new(SEARCHING);
    for entry in SEARCHING {
        let lines: Vec<String> =
            serde_json::from_str(&engine.pseudocode(entry.id).unwrap()).unwrap();
        assert_eq!(lines, entry.pseudocode, "{}", entry.id);
        assert!(!lines.is_empty());
    }
    assert_eq!(
        engine.pseudocode(SORTING[0].id).unwrap_err(),
        "“bubble-sort” is not an algorithm of this engine"
    );
}

#[test]
fn an_engine_knows_only_its_family_and_says_what_is_wrong() {
    let mut engine = Engine::new(SEARCHING);
    let sorting_input = input_for(SORTING[0], 5, 1);
    assert_eq!(
        engine.open(SORTING[0].id, &sorting_input).unwrap_err(),
        "“bubble-sort” is not an algorithm of this engine"
    );
    let trace = {
        Engine::new(SORTING)
            .export_trace(SORTING[0].id, &sorting_input, 0.0)
            .unwrap()
    };
    assert!(
        engine
            .import_trace(&trace)
            .unwrap_err()
            .contains("bubble-sort")
    );

    let bad = engine.open("binary-search", "[1, 2").unwrap_err();
    assert!(bad.starts_with("the input is not readable"), "{bad}");
    let unsorted = engine
        .open("binary-search", r#"{"values": [3, 1], "target": 1}"#)
        .unwrap_err();
    assert!(unsorted.contains("sorted"), "{unsorted}");
    let too_many = serde_json::json!({"values": vec![1; 10_001], "target": 1}).to_string();
    assert!(engine.open("binary-search", &too_many).is_err());
    assert!(
        engine.count("binary-search", &too_many).is_ok(),
        "count-only allows more"
    );
    assert_eq!(engine.seek(7, 0.0).unwrap_err(), "run 7 is not open");
}

//! Durability under SIGKILL: loads a real server on loopback with events and session writes, kills it with
//! SIGKILL mid-load several times, restarts it on the same SQLite file, and checks that every acknowledged
//! event and session version is still there. Run by `bash scripts/durability.sh`.
//!
//! Usage: durability <server binary> [rounds]

mod support;

use std::collections::HashMap;
use std::path::Path;
use std::process::Command;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use algorithms::Machine;
use serde_json::{Value, json};
use support::Server;

const WORKERS: usize = 16;

fn start(binary: &str, db: &Path, dist: &Path) -> Server {
    let mut command = Command::new(binary);
    command.arg("--db").arg(db).arg("--dist").arg(dist);
    support::start(command)
}

/// A valid session body: bubble sort on fixed values, at `step` (within the run's 780 steps).
fn session_body(step: u64, expected_version: u64) -> Value {
    let entry = algorithms::catalogue::find("bubble-sort").unwrap();
    let input = algorithms::Input {
        values: (0..40).rev().collect(),
        ..Default::default()
    };
    let last = entry.start(input.clone()).unwrap().steps().count() as u64 - 1;
    json!({
        "expected_version": expected_version, "algorithm": entry.id, "algorithm_version": entry.version,
        "input": input, "step": step.min(last),
    })
}

#[derive(Default)]
struct Acknowledged {
    events: Vec<String>,
    /// Session id → (version, step) of the last acknowledged write.
    sessions: HashMap<String, (u64, u64)>,
}

/// One worker: alternately records a new event and advances its session, until the server goes away.
async fn worker(
    client: reqwest::Client,
    base: String,
    token: String,
    id: usize,
    round: usize,
    acked: Arc<Mutex<Acknowledged>>,
) {
    let session = format!("session-{id}");
    for n in 0.. {
        let event_id = format!("r{round}-w{id}-{n}");
        let body = json!({ "events": [{ "id": event_id, "kind": "run_finished", "algorithm": "bubble-sort" }] });
        match client
            .post(format!("{base}/api/events"))
            .bearer_auth(&token)
            .json(&body)
            .send()
            .await
        {
            Ok(response) if response.status().is_success() => {
                acked.lock().unwrap().events.push(event_id)
            }
            Ok(response) => panic!("event refused: {}", response.status()),
            Err(_) => return,
        }
        let (version, step) = acked
            .lock()
            .unwrap()
            .sessions
            .get(&session)
            .copied()
            .unwrap_or((0, 0));
        let url = format!("{base}/api/sessions/{session}");
        let sent = client
            .put(&url)
            .bearer_auth(&token)
            .json(&session_body(step + 1, version))
            .send()
            .await;
        match sent {
            Ok(response) if response.status().is_success() || response.status() == 409 => {
                let status = response.status();
                let Ok(reply) = response.json::<Value>().await else {
                    return;
                };
                let stored = if status == 409 {
                    &reply["current"]
                } else {
                    &reply
                };
                let stored = (
                    stored["version"].as_u64().unwrap(),
                    stored["step"].as_u64().unwrap(),
                );
                acked
                    .lock()
                    .unwrap()
                    .sessions
                    .insert(session.clone(), stored);
            }
            Ok(response) => panic!("session write refused: {}", response.status()),
            Err(_) => return,
        }
    }
}

#[tokio::main]
async fn main() {
    let mut args = std::env::args().skip(1);
    let binary = args
        .next()
        .expect("usage: durability <server binary> [rounds]");
    let rounds: usize = args
        .next()
        .map_or(5, |r| r.parse().expect("rounds is a number"));
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("durability.db");
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()
        .unwrap();
    let acked = Arc::new(Mutex::new(Acknowledged::default()));

    let mut server = start(&binary, &db, dir.path());
    let user: Value = client
        .post(format!("{}/api/users", server.base))
        .json(&json!({ "time_zone": "UTC" }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let token = user["token"].as_str().unwrap().to_owned();

    for round in 0..rounds {
        let workers: Vec<_> = (0..WORKERS)
            .map(|id| {
                tokio::spawn(worker(
                    client.clone(),
                    server.base.clone(),
                    token.clone(),
                    id,
                    round,
                    acked.clone(),
                ))
            })
            .collect();
        // Kill at a different moment each round, always mid-load.
        tokio::time::sleep(Duration::from_millis(400 + 350 * round as u64)).await;
        server.child.kill().expect("SIGKILL"); // std's kill is SIGKILL on Unix
        server.child.wait().unwrap();
        for worker in workers {
            worker.await.unwrap();
        }
        let acked = acked.lock().unwrap();
        println!(
            "round {round}: killed with {} events and {} sessions acknowledged so far",
            acked.events.len(),
            acked.sessions.len()
        );
        drop(acked);
        server = start(&binary, &db, dir.path());
    }

    // Every acknowledged event is stored: sending it again is a duplicate.
    let acked = std::mem::take(&mut *acked.lock().unwrap());
    let mut lost_events = 0;
    for chunk in acked.events.chunks(500) {
        let events: Vec<Value> = chunk
            .iter()
            .map(|id| json!({ "id": id, "kind": "run_finished", "algorithm": "bubble-sort" }))
            .collect();
        let reply: Value = client
            .post(format!("{}/api/events", server.base))
            .bearer_auth(&token)
            .json(&json!({ "events": events }))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        lost_events += reply["results"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|r| r["status"] != "duplicate")
            .count();
    }
    // Every acknowledged session version is stored, or a later one.
    let mut lost_sessions = 0;
    for (session, &(version, step)) in &acked.sessions {
        let stored: Value = client
            .get(format!("{}/api/sessions/{session}", server.base))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let stored_version = stored["version"].as_u64().unwrap_or(0);
        if stored_version < version
            || (stored_version == version && stored["step"].as_u64() != Some(step))
        {
            lost_sessions += 1;
        }
    }
    server.child.kill().unwrap();
    println!(
        "{rounds} SIGKILLs; acknowledged {} events and {} session versions; lost {lost_events} events and {lost_sessions} sessions",
        acked.events.len(),
        acked.sessions.len()
    );
    if lost_events + lost_sessions > 0 {
        std::process::exit(1);
    }
}

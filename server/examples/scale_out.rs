//! Scale-out check: two server replicas on one PostgreSQL (through a PostgREST-compatible server), as
//! stateless servers on one Supabase database would run. A load spread over both; then what must hold
//! across replicas: a duplicate sent to the other replica counts once, an anchor one replica issued
//! verifies on the other, a stale session write on the other replica gets 409, and SIGKILLing one replica
//! mid-load loses no acknowledged write. Run by `bash scripts/scale-out.sh`, which starts PostgreSQL and
//! postrust.
//!
//! Usage: scale_out <server binary> <postgrest url> <service key> [seconds of load]

mod support;

use std::process::Command;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use support::Server;

use serde_json::{Value, json};

const WORKERS_PER_REPLICA: usize = 16;

fn start(binary: &str, postgrest: &str, key: &str, dist: &std::path::Path) -> Server {
    let mut command = Command::new(binary);
    command
        .args(["--store", "supabase", "--postgrest-url", postgrest])
        .args(["--supabase-url", "http://unused.invalid", "--dist"])
        .arg(dist)
        .env("SUPABASE_SECRET_KEY", key);
    support::start(command)
}

#[derive(Default)]
struct Tally {
    /// Per replica: acknowledged event ids and request latencies.
    acked: [Vec<String>; 2],
    latencies: [Vec<Duration>; 2],
}

/// Records new events on one replica until `until`, or until the replica goes away.
async fn load(
    client: reqwest::Client,
    base: String,
    token: String,
    replica: usize,
    worker: usize,
    until: Instant,
    tally: Arc<Mutex<Tally>>,
) {
    for n in 0.. {
        if Instant::now() >= until {
            return;
        }
        let id = format!("r{replica}-w{worker}-{n}");
        let body =
            json!({ "events": [{ "id": id, "kind": "run_finished", "algorithm": "bubble-sort" }] });
        let started = Instant::now();
        match client
            .post(format!("{base}/api/events"))
            .bearer_auth(&token)
            .json(&body)
            .send()
            .await
        {
            Ok(response) if response.status().is_success() => {
                let mut tally = tally.lock().unwrap();
                tally.acked[replica].push(id);
                tally.latencies[replica].push(started.elapsed());
            }
            Ok(response) => panic!("event refused by replica {replica}: {}", response.status()),
            Err(_) => return, // the replica was killed
        }
    }
}

fn p99(latencies: &[Duration]) -> Duration {
    let mut sorted = latencies.to_vec();
    sorted.sort();
    sorted
        .get(sorted.len().saturating_sub(1) * 99 / 100)
        .copied()
        .unwrap_or_default()
}

async fn post(
    client: &reqwest::Client,
    url: String,
    token: Option<&str>,
    body: Value,
) -> (u16, Value) {
    let mut request = client.post(url).json(&body);
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    let response = request.send().await.unwrap();
    (
        response.status().as_u16(),
        response.json().await.unwrap_or(Value::Null),
    )
}

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [binary, postgrest, key, rest @ ..] = args.as_slice() else {
        panic!("usage: scale_out <server binary> <postgrest url> <service key> [seconds]");
    };
    let seconds: u64 = rest
        .first()
        .map_or(5, |s| s.parse().expect("seconds is a number"));
    let dist = tempfile::tempdir().unwrap();
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(20))
        .build()
        .unwrap();
    let mut replicas = [
        start(binary, postgrest, key, dist.path()),
        start(binary, postgrest, key, dist.path()),
    ];
    let bases = [replicas[0].base.clone(), replicas[1].base.clone()];
    let (_, user) = post(
        &client,
        format!("{}/api/users", bases[0]),
        None,
        json!({ "time_zone": "UTC" }),
    )
    .await;
    let token = user["token"].as_str().expect("a token").to_owned();
    let mut failures = Vec::new();

    // 1. Load over both replicas, then the same with one replica SIGKILLed half-way.
    let mut figures = Vec::new();
    for kill in [false, true] {
        let tally = Arc::new(Mutex::new(Tally::default()));
        let until = Instant::now() + Duration::from_secs(seconds);
        let started = Instant::now();
        let workers: Vec<_> = (0..2 * WORKERS_PER_REPLICA)
            .map(|w| {
                let replica = w % 2;
                tokio::spawn(load(
                    client.clone(),
                    bases[replica].clone(),
                    token.clone(),
                    replica,
                    w + if kill { 1000 } else { 0 },
                    until,
                    tally.clone(),
                ))
            })
            .collect();
        if kill {
            tokio::time::sleep(Duration::from_secs(seconds) / 2).await;
            replicas[0].child.kill().expect("SIGKILL");
            replicas[0].child.wait().unwrap();
        }
        for worker in workers {
            worker.await.unwrap();
        }
        let elapsed = started.elapsed().as_secs_f64();
        let tally = std::mem::take(&mut *tally.lock().unwrap());
        let rate = |n: usize| n as f64 / elapsed;
        let all: Vec<Duration> = tally.latencies.concat();
        figures.push(format!(
            "| {} | {:.0} req/s, p99 {:.1} ms | {:.0} req/s, p99 {:.1} ms | {:.0} req/s, p99 {:.1} ms |",
            if kill { "replica A SIGKILLed half-way" } else { "both replicas up" },
            rate(tally.acked[0].len()),
            p99(&tally.latencies[0]).as_secs_f64() * 1e3,
            rate(tally.acked[1].len()),
            p99(&tally.latencies[1]).as_secs_f64() * 1e3,
            rate(all.len()),
            p99(&all).as_secs_f64() * 1e3,
        ));
        if kill {
            // Every acknowledged event, from either replica, is stored: re-sent to the survivor, each is a duplicate.
            let acked: Vec<&String> = tally.acked.iter().flatten().collect();
            let mut lost = 0;
            for chunk in acked.chunks(500) {
                let events: Vec<Value> = chunk
                    .iter()
                    .map(|id| json!({ "id": id, "kind": "run_finished", "algorithm": "bubble-sort" }))
                    .collect();
                let (_, reply) = post(
                    &client,
                    format!("{}/api/events", bases[1]),
                    Some(&token),
                    json!({ "events": events }),
                )
                .await;
                lost += reply["results"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .filter(|r| r["status"] != "duplicate")
                    .count();
            }
            println!(
                "SIGKILL of one replica mid-load: {} acknowledged events, {lost} lost",
                acked.len()
            );
            if lost > 0 {
                failures.push(format!("{lost} acknowledged events lost"));
            }
            replicas[0] = start(binary, postgrest, key, dist.path());
        }
    }
    let bases = [replicas[0].base.clone(), replicas[1].base.clone()];

    // 2. A duplicate sent to the other replica counts once.
    let event = json!({ "events": [{ "id": "cross-1", "kind": "run_finished", "algorithm": "merge-sort" }] });
    let (_, first) = post(
        &client,
        format!("{}/api/events", bases[0]),
        Some(&token),
        event.clone(),
    )
    .await;
    let (_, second) = post(
        &client,
        format!("{}/api/events", bases[1]),
        Some(&token),
        event,
    )
    .await;
    let statuses = (
        first["results"][0]["status"].clone(),
        second["results"][0]["status"].clone(),
    );
    println!(
        "the same event on A then B: {} then {}",
        statuses.0, statuses.1
    );
    if statuses != (json!("recorded"), json!("duplicate")) {
        failures.push(format!("duplicate across replicas: {statuses:?}"));
    }

    // 3. An anchor issued by A verifies on B (one signing key in the shared store); a forged one does not.
    let me = client
        .get(format!("{}/api/me", bases[0]))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    let anchor = me.headers()["x-time-anchor"].to_str().unwrap().to_owned();
    let at = me.headers()["x-server-time"].to_str().unwrap().to_owned();
    let claim = |id: &str, anchor: &str| json!({ "events": [{ "id": id, "kind": "run_finished", "algorithm": "merge-sort", "at": at, "anchor": anchor }] });
    let (_, good) = post(
        &client,
        format!("{}/api/events", bases[1]),
        Some(&token),
        claim("anchored-1", &anchor),
    )
    .await;
    let forged = format!("{}0", &anchor[..anchor.len() - 1]);
    let (_, bad) = post(
        &client,
        format!("{}/api/events", bases[1]),
        Some(&token),
        claim("anchored-2", &forged),
    )
    .await;
    let clamps = (
        good["results"][0]["clamped"].clone(),
        bad["results"][0]["clamped"].clone(),
    );
    println!(
        "A's anchor on B: clamped {}; a forged one: clamped {}",
        clamps.0, clamps.1
    );
    if clamps.0 != Value::Null || clamps.1 == Value::Null {
        failures.push(format!("anchors across replicas: {clamps:?}"));
    }

    // 4. A session written on A, updated on B, then a stale update on A gets 409 with B's copy.
    let body = |step: u64, version: u64| {
        json!({ "expected_version": version, "algorithm": "bubble-sort", "algorithm_version": 1,
                "input": { "values": [3, 1, 2] }, "step": step })
    };
    let put = |base: String, step, version| {
        let client = client.clone();
        let token = token.clone();
        async move {
            let response = client
                .put(format!("{base}/api/sessions/shared"))
                .bearer_auth(&token)
                .json(&body(step, version))
                .send()
                .await
                .unwrap();
            (
                response.status().as_u16(),
                response.json::<Value>().await.unwrap(),
            )
        }
    };
    let created = put(bases[0].clone(), 1, 0).await.0;
    let updated = put(bases[1].clone(), 2, 1).await.0;
    let (stale, reply) = put(bases[0].clone(), 3, 1).await;
    println!(
        "session: created on A {created}, updated on B {updated}, stale update on A {stale} (current step {})",
        reply["current"]["step"]
    );
    if (created, updated, stale) != (201, 200, 409) || reply["current"]["step"] != 2 {
        failures.push(format!(
            "sessions across replicas: {created} {updated} {stale} {reply}"
        ));
    }

    println!(
        "\n| load (POST /api/events, {} clients per replica, {seconds} s) | replica A | replica B | together |",
        WORKERS_PER_REPLICA
    );
    println!("|---|---|---|---|");
    for row in figures {
        println!("{row}");
    }
    for replica in &mut replicas {
        let _ = replica.child.kill();
    }
    if !failures.is_empty() {
        eprintln!("\nFAILED: {}", failures.join("; "));
        std::process::exit(1);
    }
    println!("\nall cross-replica checks passed");
}

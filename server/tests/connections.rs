//! Bounds on connections and slow clients, over real TCP sockets to the real server loop (`serve::serve`)
//! with short limits: silent, half-sent and idle connections are closed; a stalled body gets 408, a request
//! the server cannot answer in time 503, an oversized head 431, all with the JSON error body; beyond the
//! connection cap new connections are closed at once; and many idle connections do not starve the rest.

use std::sync::Arc;
use std::time::{Duration, Instant};

use server::serve::{Limits, serve};
use server::{AppState, SqliteStore, SystemClock};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

const SHORT: Duration = Duration::from_millis(600);

struct Running {
    addr: std::net::SocketAddr,
    dir: Option<tempfile::TempDir>,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
}

impl Drop for Running {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

async fn start(limits: Limits) -> Running {
    start_in(tempfile::tempdir().unwrap(), limits).await
}

/// A server over the database in `dir` (a second server over the same file shares its users).
async fn start_in(dir: tempfile::TempDir, limits: Limits) -> Running {
    let _ = std::fs::create_dir(dir.path().join("dist"));
    std::fs::write(dir.path().join("dist/index.html"), "<!doctype html>").unwrap();
    let store = SqliteStore::open(&dir.path().join("test.db")).unwrap();
    let state = AppState::new(store, Arc::new(SystemClock), dir.path().join("dist"))
        .await
        .unwrap()
        .with_limits(limits);
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    tokio::spawn(serve(listener, server::app(state), limits, async {
        let _ = stopped.await;
    }));
    Running {
        addr,
        dir: Some(dir),
        stop: Some(stop),
    }
}

fn short_limits() -> Limits {
    Limits {
        header_read: SHORT,
        body_read: SHORT,
        ..Limits::default()
    }
}

/// Everything the server sends until it closes the connection, and how long that took; `None` if it is
/// still open after `wait`.
async fn read_until_closed(stream: &mut TcpStream, wait: Duration) -> Option<(String, Duration)> {
    let started = Instant::now();
    let mut received = Vec::new();
    let mut buffer = [0u8; 4096];
    loop {
        match tokio::time::timeout(
            wait.saturating_sub(started.elapsed()),
            stream.read(&mut buffer),
        )
        .await
        {
            Ok(Ok(0)) | Ok(Err(_)) => {
                return Some((
                    String::from_utf8_lossy(&received).into_owned(),
                    started.elapsed(),
                ));
            }
            Ok(Ok(n)) => received.extend_from_slice(&buffer[..n]),
            Err(_) => return None,
        }
    }
}

/// One request on a fresh connection, answered in full (the server closes it: `connection: close`).
async fn request(addr: std::net::SocketAddr, text: &str) -> String {
    let mut stream = TcpStream::connect(addr).await.unwrap();
    stream.write_all(text.as_bytes()).await.unwrap();
    read_until_closed(&mut stream, Duration::from_secs(10))
        .await
        .expect("an answer")
        .0
}

fn health(addr: std::net::SocketAddr) -> impl std::future::Future<Output = String> {
    request(
        addr,
        "GET /api/health HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n",
    )
}

#[tokio::test]
async fn silent_half_sent_and_idle_connections_are_closed() {
    let server = start(short_limits()).await;
    let mut silent = TcpStream::connect(server.addr).await.unwrap();
    let mut half = TcpStream::connect(server.addr).await.unwrap();
    half.write_all(b"GET /api/hea").await.unwrap();
    let mut idle = TcpStream::connect(server.addr).await.unwrap();
    idle.write_all(b"GET /api/health HTTP/1.1\r\nhost: x\r\n\r\n")
        .await
        .unwrap();
    let mut first = [0u8; 12];
    idle.read_exact(&mut first).await.unwrap();
    assert_eq!(&first, b"HTTP/1.1 200");

    for (name, stream) in [
        ("silent", &mut silent),
        ("half a request line", &mut half),
        ("kept alive", &mut idle),
    ] {
        let (_, after) = read_until_closed(stream, Duration::from_secs(5))
            .await
            .unwrap_or_else(|| panic!("the {name} connection is still open after 5 s"));
        assert!(
            after < Duration::from_secs(3),
            "{name}: closed after {after:?}"
        );
    }
}

#[tokio::test]
async fn a_stalled_body_gets_408_with_the_json_error() {
    let server = start(short_limits()).await;
    let mut stream = TcpStream::connect(server.addr).await.unwrap();
    stream
        .write_all(b"POST /api/users HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 40\r\n\r\n{\"time_zone\"")
        .await
        .unwrap();
    let (answer, _) = read_until_closed(&mut stream, Duration::from_secs(5))
        .await
        .expect("answered and closed");
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(answer.contains("application/json"), "{answer}");
    assert!(answer.contains(r#""code":"request_timeout""#), "{answer}");
    assert!(answer.to_lowercase().contains("x-server-time:"), "{answer}");
}

#[tokio::test]
async fn a_request_the_server_cannot_answer_in_time_gets_503_with_the_json_error() {
    // The account is made on a server with the usual limits; then a second server over the same file
    // gets one millisecond per request, less than replaying a session of bubble sort on 2,000 values.
    let mut first = start(short_limits()).await;
    let created = request(
        first.addr,
        "POST /api/users HTTP/1.1\r\nhost: x\r\nconnection: close\r\ncontent-type: application/json\r\ncontent-length: 21\r\n\r\n{\"time_zone\": \"UTC\"} ",
    )
    .await;
    let token = created
        .split(r#""token":""#)
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap_or_else(|| panic!("a token in {created}"));
    let dir = first.dir.take().expect("the first server's folder");
    drop(first);
    let server = start_in(
        dir,
        Limits {
            request: Duration::from_millis(1),
            ..short_limits()
        },
    )
    .await;
    let values: Vec<String> = (0..2000).rev().map(|v| v.to_string()).collect();
    let body = format!(
        r#"{{"expected_version":0,"algorithm":"bubble-sort","algorithm_version":1,"input":{{"values":[{}]}},"step":1000000}}"#,
        values.join(",")
    );
    let answer = request(
        server.addr,
        &format!(
            "PUT /api/sessions/slow HTTP/1.1\r\nhost: x\r\nconnection: close\r\nauthorization: Bearer {token}\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n{body}",
            body.len()
        ),
    )
    .await;
    assert!(answer.starts_with("HTTP/1.1 503"), "{answer}");
    assert!(answer.contains(r#""code":"unavailable""#), "{answer}");
}

#[tokio::test]
async fn an_oversized_head_gets_431_with_the_json_error_and_time_headers() {
    let server = start(short_limits()).await;
    let big = "a".repeat(1 << 20);
    let answer = request(
        server.addr,
        &format!(
            "GET /api/health HTTP/1.1\r\nhost: x\r\nconnection: close\r\nx-big: {big}\r\n\r\n"
        ),
    )
    .await;
    assert!(
        answer.starts_with("HTTP/1.1 431"),
        "{}",
        &answer[..200.min(answer.len())]
    );
    assert!(answer.contains(r#""code":"headers_too_large""#), "{answer}");
    assert!(answer.to_lowercase().contains("x-server-time:"), "{answer}");
    // Under the limit it is an ordinary request.
    let fine = request(
        server.addr,
        &format!(
            "GET /api/health HTTP/1.1\r\nhost: x\r\nconnection: close\r\nx-big: {}\r\n\r\n",
            "a".repeat(1000)
        ),
    )
    .await;
    assert!(fine.starts_with("HTTP/1.1 200"), "{fine}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn many_idle_connections_do_not_starve_health_and_the_cap_closes_the_excess() {
    let server = start(Limits {
        max_connections: 2_100,
        header_read: Duration::from_secs(3),
        ..short_limits()
    })
    .await;
    let mut idle = Vec::new();
    for _ in 0..2_000 {
        idle.push(TcpStream::connect(server.addr).await.unwrap());
    }
    // Health still answers, well within the time a client would wait (the audit saw 20 s).
    for _ in 0..20 {
        let started = Instant::now();
        let answer = health(server.addr).await;
        assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
        assert!(
            started.elapsed() < Duration::from_secs(2),
            "health took {:?}",
            started.elapsed()
        );
    }
    // Past the cap, a new connection is closed at once rather than left waiting.
    for _ in 0..150 {
        idle.push(TcpStream::connect(server.addr).await.unwrap());
    }
    let mut refused = 0;
    for stream in idle.iter_mut().rev().take(40) {
        if read_until_closed(stream, Duration::from_millis(500))
            .await
            .is_some()
        {
            refused += 1;
        }
    }
    assert!(
        refused >= 40,
        "the connections past the cap were closed ({refused} of 40)"
    );
    // Once the idle ones time out, there is room again.
    tokio::time::sleep(Duration::from_secs(4)).await;
    assert!(health(server.addr).await.starts_with("HTTP/1.1 200"));
}

#[tokio::test]
async fn account_creation_is_limited_per_client_address() {
    let server = start(short_limits()).await;
    let create_from = |source: &'static str| async move {
        let socket = tokio::net::TcpSocket::new_v4().unwrap();
        socket.bind(format!("{source}:0").parse().unwrap()).unwrap();
        let mut stream = socket.connect(server.addr).await.unwrap();
        let body = r#"{"time_zone": "UTC"}"#;
        stream
            .write_all(
                format!(
                    "POST /api/users HTTP/1.1\r\nhost: x\r\nconnection: close\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n{body}",
                    body.len()
                )
                .as_bytes(),
            )
            .await
            .unwrap();
        read_until_closed(&mut stream, Duration::from_secs(5))
            .await
            .unwrap()
            .0
    };
    for i in 0..server::rate::BURST {
        let answer = create_from("127.0.0.1").await;
        assert!(answer.starts_with("HTTP/1.1 201"), "{i}: {answer}");
    }
    let refused = create_from("127.0.0.1").await;
    assert!(refused.starts_with("HTTP/1.1 429"), "{refused}");
    assert!(
        refused.contains(r#""code":"too_many_requests""#),
        "{refused}"
    );
    assert!(refused.to_lowercase().contains("retry-after:"), "{refused}");
    // Another address has its own allowance.
    assert!(create_from("127.0.0.2").await.starts_with("HTTP/1.1 201"));
}

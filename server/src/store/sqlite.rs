//! The embedded store: one SQLite file, WAL, `synchronous=FULL`, migrations applied at start.

use std::path::Path;
use std::sync::{Arc, Mutex};

use anyhow::Context;
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{Connection, OptionalExtension, Row, params};

use super::{
    AlgorithmProgress, DayCount, Deleted, EventKind, EventRecord, MAX_SESSIONS_PER_USER,
    NewPairingCode, Recorded, Result, Session, SessionPut, SessionWrite, Store, StoreHealth, User,
};

/// Schema migrations, applied in order at start; `PRAGMA user_version` records how many ran.
const MIGRATIONS: &[&str] = &[
    include_str!("../../migrations/0001_init.sql"),
    include_str!("../../migrations/0002_users_activity_sessions.sql"),
    include_str!("../../migrations/0003_sessions_replayed.sql"),
    include_str!("../../migrations/0004_event_days.sql"),
    include_str!("../../migrations/0005_streak_cards.sql"),
    include_str!("../../migrations/0006_quiz_answers.sql"),
];

/// The most writes one commit takes.
const MAX_BATCH: usize = 256;

/// A write's work, run by the writer inside the batch's transaction; it answers with what to do once the
/// batch's commit is known.
type Job = Box<dyn FnOnce(std::result::Result<&Connection, String>) -> Reply + Send>;
type Reply = Box<dyn FnOnce(std::result::Result<(), String>) + Send>;

#[derive(Clone)]
pub struct SqliteStore {
    inner: Arc<Inner>,
}

struct Inner {
    path: std::path::PathBuf,
    /// To the writer thread, which owns the one write connection.
    writer: std::sync::mpsc::Sender<Job>,
    /// Idle read connections (WAL: readers run beside the writer and each other).
    readers: Mutex<Vec<Connection>>,
}

impl SqliteStore {
    /// Opens (creating if needed) the database file and brings its schema up to date.
    pub fn open(path: &Path) -> anyhow::Result<Self> {
        if let Some(dir) = path.parent().filter(|dir| !dir.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
        }
        let mut connection = Connection::open(path)?;
        // WAL for concurrent readers; FULL so an acknowledged write survives power loss, not only a crash.
        connection.pragma_update(None, "journal_mode", "WAL")?;
        connection.pragma_update(None, "synchronous", "FULL")?;
        connection.pragma_update(None, "foreign_keys", true)?;
        migrate(&mut connection)?;
        let (writer, jobs) = std::sync::mpsc::channel();
        std::thread::Builder::new()
            .name("sqlite-writer".to_owned())
            .spawn(move || write_batches(connection, jobs))
            .context("starting the SQLite writer")?;
        Ok(SqliteStore {
            inner: Arc::new(Inner {
                path: path.to_owned(),
                writer,
                readers: Mutex::new(Vec::new()),
            }),
        })
    }

    /// Runs a write on the writer thread. Writes that arrive together share one transaction and one
    /// fsync (group commit); each runs in its own savepoint, so one that fails is undone alone. The answer
    /// comes only once the batch is committed: an acknowledged write is durable.
    async fn write<T: Send + 'static>(
        &self,
        work: impl FnOnce(&Connection) -> Result<T> + Send + 'static,
    ) -> Result<T> {
        let (answer, answered) = tokio::sync::oneshot::channel();
        let job: Job = Box::new(move |connection| {
            // Not run when the batch could not begin.
            let outcome = connection
                .map_err(|error| anyhow::anyhow!("could not begin a transaction: {error}"))
                .and_then(|connection| in_savepoint(connection, work));
            Box::new(move |committed| {
                let _ = answer.send(match committed {
                    Ok(()) => outcome,
                    // The work ran, but its batch did not commit: nothing of it is stored.
                    Err(error) => {
                        outcome.and_then(|_| Err(anyhow::anyhow!("commit failed: {error}")))
                    }
                });
            })
        });
        self.inner
            .writer
            .send(job)
            .map_err(|_| anyhow::anyhow!("the SQLite writer has stopped"))?;
        answered
            .await
            .context("the SQLite writer dropped a write")?
    }

    /// Runs a read off the async threads on a read connection of its own.
    async fn read<T: Send + 'static>(
        &self,
        work: impl FnOnce(&Connection) -> Result<T> + Send + 'static,
    ) -> Result<T> {
        let inner = self.inner.clone();
        tokio::task::spawn_blocking(move || {
            let idle = inner
                .readers
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .pop();
            let connection = match idle {
                Some(connection) => connection,
                None => {
                    let connection = Connection::open(&inner.path)?;
                    connection.pragma_update(None, "query_only", true)?;
                    connection
                }
            };
            let result = work(&connection);
            inner
                .readers
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .push(connection);
            result
        })
        .await?
    }
}

fn in_savepoint<T>(
    connection: &Connection,
    work: impl FnOnce(&Connection) -> Result<T>,
) -> Result<T> {
    connection.execute_batch("SAVEPOINT job")?;
    let outcome = work(connection);
    let end = if outcome.is_ok() {
        "RELEASE job"
    } else {
        "ROLLBACK TO job; RELEASE job"
    };
    connection.execute_batch(end)?;
    outcome
}

/// The writer: takes the writes waiting (up to [`MAX_BATCH`]), runs them in one transaction, commits once,
/// then answers each. Ends when the store is dropped.
fn write_batches(connection: Connection, jobs: std::sync::mpsc::Receiver<Job>) {
    while let Ok(first) = jobs.recv() {
        let mut batch = vec![first];
        while batch.len() < MAX_BATCH {
            match jobs.try_recv() {
                Ok(job) => batch.push(job),
                Err(_) => break,
            }
        }
        let began = connection
            .execute_batch("BEGIN IMMEDIATE")
            .map_err(|e| e.to_string());
        let replies: Vec<Reply> = batch
            .into_iter()
            .filter_map(|job| {
                let on = began.as_ref().map(|()| &connection).map_err(Clone::clone);
                // A write that panics loses only itself: its savepoint is undone, its caller gets an error.
                match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| job(on))) {
                    Ok(reply) => Some(reply),
                    Err(_) => {
                        let _ = connection.execute_batch("ROLLBACK TO job; RELEASE job");
                        None
                    }
                }
            })
            .collect();
        let committed = began.and_then(|()| {
            connection
                .execute_batch("COMMIT")
                .map_err(|e| e.to_string())
        });
        if committed.is_err() {
            let _ = connection.execute_batch("ROLLBACK");
        }
        for reply in replies {
            reply(committed.clone());
        }
    }
}

fn migrate(connection: &mut Connection) -> anyhow::Result<()> {
    let applied: u32 = connection.pragma_query_value(None, "user_version", |row| row.get(0))?;
    anyhow::ensure!(
        applied as usize <= MIGRATIONS.len(),
        "the database has schema version {applied}, newer than this server knows ({}); upgrade the server",
        MIGRATIONS.len()
    );
    for (version, sql) in (1u32..).zip(MIGRATIONS).skip(applied as usize) {
        let tx = connection.transaction()?;
        tx.execute_batch(sql)
            .with_context(|| format!("applying migration {version}"))?;
        tx.pragma_update(None, "user_version", version)?;
        tx.commit()?;
    }
    Ok(())
}

fn millis(time: DateTime<Utc>) -> i64 {
    time.timestamp_millis()
}

fn time(millis: i64) -> DateTime<Utc> {
    DateTime::from_timestamp_millis(millis).unwrap_or_default()
}

fn json(text: &str) -> rusqlite::Result<serde_json::Value> {
    serde_json::from_str(text).map_err(|error| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(error))
    })
}

fn user(row: &Row) -> rusqlite::Result<User> {
    Ok(User {
        id: row.get(0)?,
        time_zone: row.get(1)?,
        zone_changed_at: row.get::<_, Option<i64>>(2)?.map(time),
        created_at: time(row.get(3)?),
    })
}

fn event(row: &Row) -> rusqlite::Result<EventRecord> {
    let kind: String = row.get(1)?;
    let day: String = row.get(4)?;
    Ok(EventRecord {
        event_id: row.get(0)?,
        kind: EventKind::parse(&kind).unwrap_or(EventKind::RunFinished),
        algorithm: row.get(2)?,
        at: time(row.get(3)?),
        day: NaiveDate::parse_from_str(&day, "%Y-%m-%d").unwrap_or_default(),
        received_at: time(row.get(5)?),
        correct: row.get(6)?,
    })
}

const SESSION_COLUMNS: &str = "id, algorithm, algorithm_version, input, step, snapshot_hash, \
     preferences, version, created_at, updated_at";

fn session(row: &Row) -> rusqlite::Result<Session> {
    Ok(Session {
        id: row.get(0)?,
        algorithm: row.get(1)?,
        algorithm_version: row.get(2)?,
        input: json(&row.get::<_, String>(3)?)?,
        step: row.get::<_, i64>(4)? as u64,
        snapshot_hash: row.get(5)?,
        preferences: json(&row.get::<_, String>(6)?)?,
        version: row.get::<_, i64>(7)? as u64,
        created_at: time(row.get(8)?),
        updated_at: time(row.get(9)?),
    })
}

fn current_session(
    connection: &Connection,
    user_id: &str,
    id: &str,
) -> rusqlite::Result<Option<Session>> {
    connection
        .query_row(
            &format!("SELECT {SESSION_COLUMNS} FROM sessions WHERE user_id = ?1 AND id = ?2"),
            params![user_id, id],
            session,
        )
        .optional()
}

impl Store for SqliteStore {
    async fn health(&self) -> Result<StoreHealth> {
        self.read(|connection| {
            let schema_version =
                connection.pragma_query_value(None, "user_version", |row| row.get(0))?;
            Ok(StoreHealth {
                kind: "sqlite",
                schema_version,
            })
        })
        .await
    }

    async fn anchor_key(&self, candidate: Vec<u8>) -> Result<Vec<u8>> {
        self.write(move |connection| {
            let hex = crate::auth::hex(&candidate);
            connection.execute(
                "INSERT OR IGNORE INTO meta (key, value) VALUES ('anchor_key', ?1)",
                [hex],
            )?;
            let stored: String = connection.query_row(
                "SELECT value FROM meta WHERE key = 'anchor_key'",
                [],
                |row| row.get(0),
            )?;
            crate::auth::decode_hex(&stored).context("the stored anchor key is not hex")
        })
        .await
    }

    async fn create_user(&self, user: &User, token_hash: &str) -> Result<()> {
        let (user, token_hash) = (user.clone(), token_hash.to_owned());
        self.write(move |connection| {
            let tx = connection;
            tx.execute(
                "INSERT INTO users (id, time_zone, zone_changed_at, created_at) VALUES (?1, ?2, ?3, ?4)",
                params![
                    user.id,
                    user.time_zone,
                    user.zone_changed_at.map(millis),
                    millis(user.created_at)
                ],
            )?;
            tx.execute(
                "INSERT INTO tokens (token_hash, user_id, created_at) VALUES (?1, ?2, ?3)",
                params![token_hash, user.id, millis(user.created_at)],
            )?;
            Ok(())
        })
        .await
    }

    async fn add_token(&self, user_id: &str, token_hash: &str, now: DateTime<Utc>) -> Result<()> {
        let (user_id, token_hash) = (user_id.to_owned(), token_hash.to_owned());
        self.write(move |connection| {
            connection.execute(
                "INSERT INTO tokens (token_hash, user_id, created_at) VALUES (?1, ?2, ?3)",
                params![token_hash, user_id, millis(now)],
            )?;
            Ok(())
        })
        .await
    }

    async fn user_by_token(&self, token_hash: &str) -> Result<Option<User>> {
        let token_hash = token_hash.to_owned();
        self.read(move |connection| {
            Ok(connection
                .query_row(
                    "SELECT u.id, u.time_zone, u.zone_changed_at, u.created_at \
                     FROM tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = ?1",
                    [token_hash],
                    user,
                )
                .optional()?)
        })
        .await
    }

    async fn change_time_zone(
        &self,
        user_id: &str,
        time_zone: &str,
        now: DateTime<Utc>,
        not_changed_since: DateTime<Utc>,
    ) -> Result<bool> {
        let (user_id, time_zone) = (user_id.to_owned(), time_zone.to_owned());
        self.write(move |connection| {
            let changed = connection.execute(
                "UPDATE users SET time_zone = ?2, zone_changed_at = ?3 \
                 WHERE id = ?1 AND (zone_changed_at IS NULL OR zone_changed_at <= ?4)",
                params![user_id, time_zone, millis(now), millis(not_changed_since)],
            )?;
            Ok(changed == 1)
        })
        .await
    }

    async fn create_pairing_code(&self, code: NewPairingCode<'_>) -> Result<bool> {
        let (code_hash, user_id) = (code.code_hash.to_owned(), code.user_id.to_owned());
        let (now, expires_at, since, limit) = (code.now, code.expires_at, code.since, code.limit);
        self.write(move |connection| {
            // One statement: SQLite runs one writer at a time, so the count cannot change under it.
            let created = connection.execute(
                "INSERT INTO pairing_codes (code_hash, user_id, created_at, expires_at) \
                 SELECT ?1, ?2, ?3, ?4 WHERE (SELECT count(*) FROM pairing_codes \
                 WHERE user_id = ?2 AND created_at > ?5) < ?6",
                params![
                    code_hash,
                    user_id,
                    millis(now),
                    millis(expires_at),
                    millis(since),
                    limit
                ],
            )?;
            Ok(created == 1)
        })
        .await
    }

    async fn set_card(&self, user_id: &str, card_id: Option<&str>) -> Result<()> {
        let (user_id, card_id) = (user_id.to_owned(), card_id.map(str::to_owned));
        self.write(move |connection| {
            connection.execute(
                "UPDATE users SET card_id = ?2 WHERE id = ?1",
                params![user_id, card_id],
            )?;
            Ok(())
        })
        .await
    }

    async fn card_of(&self, user_id: &str) -> Result<Option<String>> {
        let user_id = user_id.to_owned();
        self.read(move |connection| {
            Ok(connection
                .query_row(
                    "SELECT card_id FROM users WHERE id = ?1",
                    [user_id],
                    |row| row.get(0),
                )
                .optional()?
                .flatten())
        })
        .await
    }

    async fn user_by_card(&self, card_id: &str) -> Result<Option<User>> {
        let card_id = card_id.to_owned();
        self.read(move |connection| {
            Ok(connection
                .query_row(
                    "SELECT id, time_zone, zone_changed_at, created_at FROM users WHERE card_id = ?1",
                    [card_id],
                    user,
                )
                .optional()?)
        })
        .await
    }

    async fn delete_user(&self, user_id: &str) -> Result<Deleted> {
        let user_id = user_id.to_owned();
        self.write(move |connection| {
            let tx = connection;
            let delete = |table: &str| {
                tx.execute(
                    &format!("DELETE FROM {table} WHERE user_id = ?1"),
                    [&user_id],
                )
                .map(|n| n as u64)
            };
            delete("event_days")?;
            let deleted = Deleted {
                events: delete("events")?,
                sessions: delete("sessions")?,
                pairing_codes: delete("pairing_codes")?,
                tokens: delete("tokens")?,
            };
            tx.execute("DELETE FROM users WHERE id = ?1", [&user_id])?;
            Ok(deleted)
        })
        .await
    }

    async fn redeem_pairing_code(
        &self,
        code_hash: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<String>> {
        let code_hash = code_hash.to_owned();
        self.write(move |connection| {
            Ok(connection
                .query_row(
                    "UPDATE pairing_codes SET used_at = ?2 \
                     WHERE code_hash = ?1 AND used_at IS NULL AND expires_at > ?2 RETURNING user_id",
                    params![code_hash, millis(now)],
                    |row| row.get(0),
                )
                .optional()?)
        })
        .await
    }

    async fn record_events(
        &self,
        user_id: &str,
        events: Vec<EventRecord>,
    ) -> Result<Vec<Recorded>> {
        let user_id = user_id.to_owned();
        self.write(move |connection| {
            let tx = connection;
            let mut recorded = Vec::with_capacity(events.len());
            for record in events {
                let inserted = tx.execute(
                    "INSERT INTO events (user_id, event_id, kind, algorithm, at, day, received_at, correct) \
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT (user_id, event_id) DO NOTHING",
                    params![
                        user_id,
                        record.event_id,
                        record.kind.as_str(),
                        record.algorithm,
                        millis(record.at),
                        record.day.to_string(),
                        millis(record.received_at),
                        record.correct
                    ],
                )?;
                if inserted == 1 {
                    tx.execute(
                        "INSERT INTO event_days (user_id, day, count) VALUES (?1, ?2, 1) \
                         ON CONFLICT (user_id, day) DO UPDATE SET count = count + 1",
                        params![user_id, record.day.to_string()],
                    )?;
                    recorded.push(Recorded { record, new: true });
                } else {
                    let stored = tx.query_row(
                        "SELECT event_id, kind, algorithm, at, day, received_at, correct FROM events \
                         WHERE user_id = ?1 AND event_id = ?2",
                        params![user_id, record.event_id],
                        event,
                    )?;
                    recorded.push(Recorded {
                        record: stored,
                        new: false,
                    });
                }
            }
            Ok(recorded)
        })
        .await
    }

    async fn events_page(
        &self,
        user_id: &str,
        after: Option<(DateTime<Utc>, String)>,
        limit: u32,
    ) -> Result<Vec<EventRecord>> {
        let user_id = user_id.to_owned();
        // Before every event: the smallest time and id.
        let (after_at, after_id) =
            after.map_or((i64::MIN, String::new()), |(at, id)| (millis(at), id));
        self.read(move |connection| {
            let mut statement = connection.prepare(
                "SELECT event_id, kind, algorithm, at, day, received_at, correct FROM events \
                 WHERE user_id = ?1 AND (at > ?2 OR (at = ?2 AND event_id > ?3)) \
                 ORDER BY at, event_id LIMIT ?4",
            )?;
            let rows = statement.query_map(params![user_id, after_at, after_id, limit], event)?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        })
        .await
    }

    async fn day_counts(&self, user_id: &str) -> Result<Vec<DayCount>> {
        let user_id = user_id.to_owned();
        self.read(move |connection| {
            let mut statement = connection
                .prepare("SELECT day, count FROM event_days WHERE user_id = ?1 ORDER BY day")?;
            let rows = statement.query_map([user_id], |row| {
                let day: String = row.get(0)?;
                Ok(DayCount {
                    day: NaiveDate::parse_from_str(&day, "%Y-%m-%d").unwrap_or_default(),
                    count: row.get(1)?,
                })
            })?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        })
        .await
    }

    async fn algorithm_progress(&self, user_id: &str) -> Result<Vec<AlgorithmProgress>> {
        let user_id = user_id.to_owned();
        self.read(move |connection| {
            let mut statement = connection.prepare(
                "SELECT algorithm, \
                        sum(kind = 'run_finished'), sum(kind = 'quiz_answered'), max(at), \
                        count(*) FILTER (WHERE correct = 1) \
                 FROM events WHERE user_id = ?1 GROUP BY algorithm ORDER BY algorithm",
            )?;
            let rows = statement.query_map([user_id], |row| {
                Ok(AlgorithmProgress {
                    algorithm: row.get(0)?,
                    runs_finished: row.get(1)?,
                    quizzes_answered: row.get(2)?,
                    quizzes_right: row.get(4)?,
                    last_at: time(row.get(3)?),
                })
            })?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        })
        .await
    }

    async fn put_session(
        &self,
        user_id: &str,
        write: SessionWrite,
        expected_version: u64,
        now: DateTime<Utc>,
    ) -> Result<SessionPut> {
        let user_id = user_id.to_owned();
        self.write(move |connection| {
            let tx = connection;
            let values = params![
                user_id,
                write.id,
                write.algorithm,
                write.algorithm_version,
                write.input.to_string(),
                write.step as i64,
                write.snapshot_hash,
                write.preferences.to_string(),
                millis(now),
                expected_version as i64,
            ];
            // The conditions are in the statements, so two writers expecting the same version cannot both win.
            let written = if expected_version == 0 {
                tx.execute(
                    &format!(
                        "INSERT INTO sessions (user_id, id, algorithm, algorithm_version, input, step, \
                         snapshot_hash, preferences, version, created_at, updated_at) \
                         SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?10 + 1, ?9, ?9 \
                         WHERE (SELECT count(*) FROM sessions WHERE user_id = ?1) < {MAX_SESSIONS_PER_USER} \
                         ON CONFLICT (user_id, id) DO NOTHING"
                    ),
                    values,
                )?
            } else {
                tx.execute(
                    "UPDATE sessions SET algorithm = ?3, algorithm_version = ?4, input = ?5, step = ?6, \
                     snapshot_hash = ?7, preferences = ?8, version = version + 1, updated_at = ?9 \
                     WHERE user_id = ?1 AND id = ?2 AND version = ?10",
                    values,
                )?
            };
            let current = current_session(tx, &user_id, &write.id)?;
            Ok(match (written, current) {
                (1, Some(session)) => SessionPut::Stored(session),
                (_, Some(session)) => SessionPut::Conflict(session),
                (_, None) if expected_version == 0 => SessionPut::Full,
                (_, None) => SessionPut::Missing,
            })
        })
        .await
    }

    async fn delete_session(&self, user_id: &str, id: &str) -> Result<bool> {
        let (user_id, id) = (user_id.to_owned(), id.to_owned());
        self.write(move |connection| {
            Ok(connection.execute(
                "DELETE FROM sessions WHERE user_id = ?1 AND id = ?2",
                params![user_id, id],
            )? == 1)
        })
        .await
    }

    async fn session(&self, user_id: &str, id: &str) -> Result<Option<Session>> {
        let (user_id, id) = (user_id.to_owned(), id.to_owned());
        self.read(move |connection| Ok(current_session(connection, &user_id, &id)?))
            .await
    }

    async fn sessions(&self, user_id: &str) -> Result<Vec<Session>> {
        let user_id = user_id.to_owned();
        self.read(move |connection| {
            let mut statement = connection.prepare(&format!(
                "SELECT {SESSION_COLUMNS} FROM sessions WHERE user_id = ?1 \
                 ORDER BY updated_at DESC, id"
            ))?;
            let rows = statement.query_map([user_id], session)?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        })
        .await
    }
}

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
];

#[derive(Clone)]
pub struct SqliteStore {
    connection: Arc<Mutex<Connection>>,
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
        Ok(SqliteStore {
            connection: Arc::new(Mutex::new(connection)),
        })
    }

    /// Runs `work` on the connection off the async threads: SQLite calls block, and FULL sync waits for
    /// the disk.
    async fn with<T: Send + 'static>(
        &self,
        work: impl FnOnce(&mut Connection) -> Result<T> + Send + 'static,
    ) -> Result<T> {
        let connection = self.connection.clone();
        tokio::task::spawn_blocking(move || {
            // A panic while holding the lock cannot leave SQLite inconsistent: its own transactions guard it.
            let mut connection = connection
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner());
            work(&mut connection)
        })
        .await?
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
        self.with(|connection| {
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
        self.with(move |connection| {
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
        self.with(move |connection| {
            let tx = connection.transaction()?;
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
            tx.commit()?;
            Ok(())
        })
        .await
    }

    async fn add_token(&self, user_id: &str, token_hash: &str, now: DateTime<Utc>) -> Result<()> {
        let (user_id, token_hash) = (user_id.to_owned(), token_hash.to_owned());
        self.with(move |connection| {
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
        self.with(move |connection| {
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
        self.with(move |connection| {
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
        self.with(move |connection| {
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

    async fn delete_user(&self, user_id: &str) -> Result<Deleted> {
        let user_id = user_id.to_owned();
        self.with(move |connection| {
            let tx = connection.transaction()?;
            let delete = |table: &str| {
                tx.execute(
                    &format!("DELETE FROM {table} WHERE user_id = ?1"),
                    [&user_id],
                )
                .map(|n| n as u64)
            };
            let deleted = Deleted {
                events: delete("events")?,
                sessions: delete("sessions")?,
                pairing_codes: delete("pairing_codes")?,
                tokens: delete("tokens")?,
            };
            tx.execute("DELETE FROM users WHERE id = ?1", [&user_id])?;
            tx.commit()?;
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
        self.with(move |connection| {
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
        self.with(move |connection| {
            let tx = connection.transaction()?;
            let mut recorded = Vec::with_capacity(events.len());
            for record in events {
                let inserted = tx.execute(
                    "INSERT INTO events (user_id, event_id, kind, algorithm, at, day, received_at) \
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (user_id, event_id) DO NOTHING",
                    params![
                        user_id,
                        record.event_id,
                        record.kind.as_str(),
                        record.algorithm,
                        millis(record.at),
                        record.day.to_string(),
                        millis(record.received_at)
                    ],
                )?;
                if inserted == 1 {
                    recorded.push(Recorded { record, new: true });
                } else {
                    let stored = tx.query_row(
                        "SELECT event_id, kind, algorithm, at, day, received_at FROM events \
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
            tx.commit()?;
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
        self.with(move |connection| {
            let mut statement = connection.prepare(
                "SELECT event_id, kind, algorithm, at, day, received_at FROM events \
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
        self.with(move |connection| {
            let mut statement = connection.prepare(
                "SELECT day, count(*) FROM events WHERE user_id = ?1 GROUP BY day ORDER BY day",
            )?;
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
        self.with(move |connection| {
            let mut statement = connection.prepare(
                "SELECT algorithm, \
                        sum(kind = 'run_finished'), sum(kind = 'quiz_answered'), max(at) \
                 FROM events WHERE user_id = ?1 GROUP BY algorithm ORDER BY algorithm",
            )?;
            let rows = statement.query_map([user_id], |row| {
                Ok(AlgorithmProgress {
                    algorithm: row.get(0)?,
                    runs_finished: row.get(1)?,
                    quizzes_answered: row.get(2)?,
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
        self.with(move |connection| {
            let tx = connection.transaction()?;
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
            let current = current_session(&tx, &user_id, &write.id)?;
            tx.commit()?;
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
        self.with(move |connection| {
            Ok(connection.execute(
                "DELETE FROM sessions WHERE user_id = ?1 AND id = ?2",
                params![user_id, id],
            )? == 1)
        })
        .await
    }

    async fn session(&self, user_id: &str, id: &str) -> Result<Option<Session>> {
        let (user_id, id) = (user_id.to_owned(), id.to_owned());
        self.with(move |connection| Ok(current_session(connection, &user_id, &id)?))
            .await
    }

    async fn sessions(&self, user_id: &str) -> Result<Vec<Session>> {
        let user_id = user_id.to_owned();
        self.with(move |connection| {
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

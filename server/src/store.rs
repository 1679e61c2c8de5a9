//! Persistence. Handlers see only the [`Store`] trait; [`SqliteStore`] is the embedded default.

use std::path::Path;
use std::sync::Mutex;

use anyhow::Context;
use rusqlite::Connection;
use serde::Serialize;

/// Schema migrations, applied in order at start; `PRAGMA user_version` records how many ran.
const MIGRATIONS: &[&str] = &[include_str!("../migrations/0001_init.sql")];

pub trait Store: Send + Sync {
    fn health(&self) -> anyhow::Result<StoreHealth>;
}

#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct StoreHealth {
    pub kind: &'static str,
    pub schema_version: u32,
}

pub struct SqliteStore {
    connection: Mutex<Connection>,
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
            connection: Mutex::new(connection),
        })
    }

    fn connection(&self) -> std::sync::MutexGuard<'_, Connection> {
        // A panic while holding the lock cannot leave SQLite inconsistent: its own transactions guard it.
        self.connection
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
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

impl Store for SqliteStore {
    fn health(&self) -> anyhow::Result<StoreHealth> {
        let schema_version = self
            .connection()
            .pragma_query_value(None, "user_version", |row| row.get(0))?;
        Ok(StoreHealth {
            kind: "sqlite",
            schema_version,
        })
    }
}

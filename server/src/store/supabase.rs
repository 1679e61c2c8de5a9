//! The production store: Supabase's PostgreSQL through its PostgREST endpoint, with the `postgrest` crate.
//! The schema is `supabase/migrations/`; the conditions that make writes safe under concurrency (unique
//! keys, `version=eq.N` filters on updates, the session-version trigger) run in the database.

use anyhow::{Context, bail};
use chrono::{DateTime, SecondsFormat, Utc};
use postgrest::{Builder, Postgrest};
use reqwest::StatusCode;
use serde::{Deserialize, de::DeserializeOwned};
use serde_json::json;

use super::{
    AlgorithmProgress, DayCount, Deleted, EventRecord, NewPairingCode, Recorded, Result, Session,
    SessionPut, SessionWrite, Store, StoreHealth, User,
};

pub struct SupabaseStore {
    client: Postgrest,
    /// How long one PostgREST call may take, its answer read included.
    timeout: std::time::Duration,
}

/// The default for [`SupabaseStore::with_timeout`].
pub const CALL_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);

/// PostgREST's answer: 2xx with rows, or the status and PostgreSQL's error.
#[derive(Debug)]
enum Answer {
    Rows(String),
    Conflict,
    /// One of our own SQL functions or triggers raised (SQLSTATE P0001) with this message.
    Raised(String),
}

#[derive(Deserialize)]
struct PostgresError {
    code: String,
    message: String,
}

fn stamp(time: DateTime<Utc>) -> String {
    time.to_rfc3339_opts(SecondsFormat::Micros, true)
}

impl SupabaseStore {
    /// `rest_url` is the PostgREST root (`https://<project>.supabase.co/rest/v1`). `secret_key` is a new
    /// `sb_secret_…` key (sent as `apikey` only) or a legacy `service_role` JWT (also sent as the bearer).
    pub fn new(rest_url: &str, secret_key: &str) -> Self {
        let mut client =
            Postgrest::new(rest_url.trim_end_matches('/')).insert_header("apikey", secret_key);
        if !secret_key.starts_with("sb_") {
            client = client.insert_header("Authorization", format!("Bearer {secret_key}"));
        }
        SupabaseStore {
            client,
            timeout: CALL_TIMEOUT,
        }
    }

    /// Bounds every PostgREST call by `timeout` (default [`CALL_TIMEOUT`]).
    pub fn with_timeout(mut self, timeout: std::time::Duration) -> Self {
        self.timeout = timeout;
        self
    }

    async fn send(&self, builder: Builder, what: &str) -> Result<Answer> {
        let call = async {
            let response = builder.execute().await.map_err(|error| {
                super::Unavailable(format!("{what}: PostgREST unreachable: {error}"))
            })?;
            let status = response.status();
            let body = response.text().await.map_err(|error| {
                super::Unavailable(format!("{what}: reading PostgREST's answer: {error}"))
            })?;
            Ok::<_, super::Unavailable>((status, body))
        };
        let (status, body) = tokio::time::timeout(self.timeout, call)
            .await
            .map_err(|_| {
                super::Unavailable(format!(
                    "{what}: PostgREST did not answer within {} ms",
                    self.timeout.as_millis()
                ))
            })??;
        match status {
            s if s.is_success() => Ok(Answer::Rows(body)),
            StatusCode::CONFLICT => Ok(Answer::Conflict),
            s => match serde_json::from_str::<PostgresError>(&body) {
                Ok(error) if error.code == "P0001" => Ok(Answer::Raised(error.message)),
                _ => bail!("{what}: PostgREST answered {s}: {body}"),
            },
        }
    }

    async fn rows<T: DeserializeOwned>(&self, builder: Builder, what: &str) -> Result<Vec<T>> {
        match self.send(builder, what).await? {
            Answer::Rows(body) if body.trim().is_empty() => Ok(Vec::new()),
            Answer::Rows(body) => serde_json::from_str(&body)
                .with_context(|| format!("{what}: unexpected rows {body}")),
            Answer::Conflict => bail!("{what}: conflict"),
            Answer::Raised(message) => bail!("{what}: the database raised {message}"),
        }
    }

    /// Inserts one row; `false` when a unique key already holds it.
    async fn insert(&self, table: &str, row: serde_json::Value) -> Result<bool> {
        let what = format!("insert into {table}");
        match self
            .send(self.client.from(table).insert(row.to_string()), &what)
            .await?
        {
            Answer::Rows(_) => Ok(true),
            Answer::Conflict => Ok(false),
            Answer::Raised(message) => bail!("{what}: the database raised {message}"),
        }
    }

    /// Calls a database function (`supabase/migrations/`) and returns its JSON result.
    async fn call(
        &self,
        function: &str,
        arguments: serde_json::Value,
    ) -> Result<serde_json::Value> {
        let what = format!("call {function}");
        match self
            .send(self.client.rpc(function, arguments.to_string()), &what)
            .await?
        {
            Answer::Rows(body) if body.trim().is_empty() => Ok(serde_json::Value::Null),
            Answer::Rows(body) => serde_json::from_str(&body)
                .with_context(|| format!("{what}: unexpected answer {body}")),
            Answer::Conflict => bail!("{what}: conflict"),
            Answer::Raised(message) => bail!("{what}: the database raised {message}"),
        }
    }

    /// The user whose `column` holds `value`, if any (`column` is a unique key).
    async fn user_where(&self, column: &str, value: &str) -> Result<Option<User>> {
        let users: Vec<User> = self
            .rows(
                self.client
                    .from("users")
                    .select("id,time_zone,zone_changed_at,created_at")
                    .eq(column, value),
                &format!("read user by {column}"),
            )
            .await?;
        Ok(users.into_iter().next())
    }

    async fn meta(&self, key: &str) -> Result<Option<String>> {
        #[derive(Deserialize)]
        struct Meta {
            value: String,
        }
        let rows: Vec<Meta> = self
            .rows(
                self.client.from("meta").select("value").eq("key", key),
                "read meta",
            )
            .await?;
        Ok(rows.into_iter().next().map(|row| row.value))
    }
}

const SESSION_COLUMNS: &str = "id,algorithm,algorithm_version,input,step,snapshot_hash,preferences,version,created_at,updated_at";

impl Store for SupabaseStore {
    async fn health(&self) -> Result<StoreHealth> {
        let schema_version = self
            .meta("schema_version")
            .await?
            .and_then(|value| value.parse().ok())
            .context("meta has no schema_version: apply supabase/migrations")?;
        Ok(StoreHealth {
            kind: "supabase",
            schema_version,
        })
    }

    async fn anchor_key(&self, candidate: Vec<u8>) -> Result<Vec<u8>> {
        let hex = crate::auth::hex(&candidate);
        self.insert("meta", json!({ "key": "anchor_key", "value": hex }))
            .await?;
        let stored = self
            .meta("anchor_key")
            .await?
            .context("the anchor key was not stored")?;
        crate::auth::decode_hex(&stored).context("the stored anchor key is not hex")
    }

    async fn create_user(&self, user: &User, token_hash: &str) -> Result<()> {
        // One function, one transaction: the user and the token, or neither.
        let mut arguments = json!({
            "p_id": user.id, "p_time_zone": user.time_zone,
            "p_created_at": stamp(user.created_at), "p_token_hash": token_hash,
        });
        // Absent rather than null: the function's default is null.
        if let Some(changed) = user.zone_changed_at {
            arguments["p_zone_changed_at"] = json!(stamp(changed));
        }
        self.call("create_user", arguments)
            .await
            .with_context(|| format!("creating user {}", user.id))?;
        Ok(())
    }

    async fn add_token(&self, user_id: &str, token_hash: &str, now: DateTime<Utc>) -> Result<()> {
        let row = json!({ "token_hash": token_hash, "user_id": user_id, "created_at": stamp(now) });
        if !self.insert("tokens", row).await? {
            bail!("the token hash is taken");
        }
        Ok(())
    }

    async fn user_by_token(&self, token_hash: &str) -> Result<Option<User>> {
        #[derive(Deserialize)]
        struct Token {
            user_id: String,
        }
        let tokens: Vec<Token> = self
            .rows(
                self.client
                    .from("tokens")
                    .select("user_id")
                    .eq("token_hash", token_hash),
                "read token",
            )
            .await?;
        let Some(token) = tokens.into_iter().next() else {
            return Ok(None);
        };
        self.user_where("id", &token.user_id).await
    }

    async fn change_time_zone(
        &self,
        user_id: &str,
        time_zone: &str,
        now: DateTime<Utc>,
        not_changed_since: DateTime<Utc>,
    ) -> Result<bool> {
        let changed = self
            .call(
                "change_time_zone",
                json!({
                    "p_user_id": user_id, "p_time_zone": time_zone, "p_now": stamp(now),
                    "p_not_changed_since": stamp(not_changed_since),
                }),
            )
            .await?;
        Ok(changed == json!(true))
    }

    async fn create_pairing_code(&self, code: NewPairingCode<'_>) -> Result<bool> {
        let created = self
            .call(
                "create_pairing_code",
                json!({
                    "p_code_hash": code.code_hash, "p_user_id": code.user_id,
                    "p_now": stamp(code.now), "p_expires_at": stamp(code.expires_at),
                    "p_since": stamp(code.since), "p_limit": code.limit,
                }),
            )
            .await?;
        created
            .as_bool()
            .with_context(|| format!("create_pairing_code answered {created}"))
    }

    async fn set_card(&self, user_id: &str, card_id: Option<&str>) -> Result<()> {
        let builder = self
            .client
            .from("users")
            .eq("id", user_id)
            .update(json!({ "card_id": card_id }).to_string());
        self.send(builder, "set card").await?;
        Ok(())
    }

    async fn card_of(&self, user_id: &str) -> Result<Option<String>> {
        #[derive(Deserialize)]
        struct Card {
            card_id: Option<String>,
        }
        let rows: Vec<Card> = self
            .rows(
                self.client
                    .from("users")
                    .select("card_id")
                    .eq("id", user_id),
                "read card",
            )
            .await?;
        Ok(rows.into_iter().next().and_then(|row| row.card_id))
    }

    async fn user_by_card(&self, card_id: &str) -> Result<Option<User>> {
        self.user_where("card_id", card_id).await
    }

    async fn delete_user(&self, user_id: &str) -> Result<Deleted> {
        let deleted = self
            .call("delete_user", json!({ "p_user_id": user_id }))
            .await?;
        let count = |key: &str| deleted[key].as_u64().unwrap_or(0);
        Ok(Deleted {
            events: count("events"),
            sessions: count("sessions"),
            pairing_codes: count("pairing_codes"),
            tokens: count("tokens"),
        })
    }

    async fn redeem_pairing_code(
        &self,
        code_hash: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<String>> {
        let user_id = self
            .call(
                "redeem_pairing_code",
                json!({ "p_code_hash": code_hash, "p_now": stamp(now) }),
            )
            .await?;
        Ok(user_id.as_str().map(str::to_owned))
    }

    async fn record_events(
        &self,
        user_id: &str,
        events: Vec<EventRecord>,
    ) -> Result<Vec<Recorded>> {
        #[derive(Deserialize)]
        struct Answered {
            new: bool,
            #[serde(flatten)]
            record: EventRecord,
        }
        // One round trip and one transaction for the batch (`record_events` in supabase/migrations/).
        let rows: Vec<serde_json::Value> = events
            .iter()
            .map(|record| {
                json!({
                    "event_id": record.event_id, "kind": record.kind.as_str(),
                    "algorithm": record.algorithm, "at": stamp(record.at), "day": record.day,
                    "received_at": stamp(record.received_at), "correct": record.correct,
                })
            })
            .collect();
        let answer = self
            .call(
                "record_events",
                json!({ "p_user_id": user_id, "p_events": rows }),
            )
            .await?;
        let answered: Vec<Answered> =
            serde_json::from_value(answer).context("record_events answered unexpected rows")?;
        anyhow::ensure!(
            answered.len() == events.len(),
            "record_events answered {} of {} events",
            answered.len(),
            events.len()
        );
        Ok(answered
            .into_iter()
            .map(|a| Recorded {
                record: a.record,
                new: a.new,
            })
            .collect())
    }

    async fn events_page(
        &self,
        user_id: &str,
        after: Option<(DateTime<Utc>, String)>,
        limit: u32,
    ) -> Result<Vec<EventRecord>> {
        let mut builder = self
            .client
            .from("events")
            .select("event_id,kind,algorithm,at,day,received_at,correct")
            .eq("user_id", user_id)
            .order("at.asc,event_id.asc")
            .limit(limit as usize);
        if let Some((at, id)) = after {
            // Ids are letters, digits, '-' and '_' (checked on the way in): nothing PostgREST's filter
            // syntax would read as its own.
            let at = stamp(at);
            builder = builder.or(format!("at.gt.{at},and(at.eq.{at},event_id.gt.{id})"));
        }
        self.rows(builder, "read events").await
    }

    async fn day_counts(&self, user_id: &str) -> Result<Vec<DayCount>> {
        self.rows(
            self.client
                .from("day_counts")
                .select("day,count")
                .eq("user_id", user_id)
                .order("day.asc"),
            "read day counts",
        )
        .await
    }

    async fn algorithm_progress(&self, user_id: &str) -> Result<Vec<AlgorithmProgress>> {
        self.rows(
            self.client
                .from("algorithm_progress")
                .select("algorithm,runs_finished,quizzes_answered,quizzes_right,last_at")
                .eq("user_id", user_id)
                .order("algorithm.asc"),
            "read algorithm progress",
        )
        .await
    }

    async fn put_session(
        &self,
        user_id: &str,
        write: SessionWrite,
        expected_version: u64,
        now: DateTime<Utc>,
    ) -> Result<SessionPut> {
        let mut row = json!({
            "algorithm": write.algorithm, "algorithm_version": write.algorithm_version,
            "input": write.input, "step": write.step,
            "snapshot_hash": write.snapshot_hash, "preferences": write.preferences,
            "version": expected_version + 1, "updated_at": stamp(now),
        });
        let written: Vec<Session> = if expected_version == 0 {
            row["user_id"] = json!(user_id);
            row["id"] = json!(write.id);
            row["created_at"] = json!(stamp(now));
            let builder = self
                .client
                .from("sessions")
                .select(SESSION_COLUMNS)
                .insert(row.to_string());
            match self.send(builder, "create session").await? {
                Answer::Rows(body) => {
                    serde_json::from_str(&body).context("created session rows")?
                }
                Answer::Conflict => Vec::new(),
                Answer::Raised(message) if message == "session_limit" => {
                    return Ok(SessionPut::Full);
                }
                Answer::Raised(message) => bail!("create session: the database raised {message}"),
            }
        } else {
            self.rows(
                self.client
                    .from("sessions")
                    .select(SESSION_COLUMNS)
                    .eq("user_id", user_id)
                    .eq("id", &write.id)
                    .eq("version", expected_version.to_string())
                    .update(row.to_string()),
                "update session",
            )
            .await?
        };
        if let Some(session) = written.into_iter().next() {
            return Ok(SessionPut::Stored(session));
        }
        Ok(match self.session(user_id, &write.id).await? {
            Some(current) => SessionPut::Conflict(current),
            None => SessionPut::Missing,
        })
    }

    async fn delete_session(&self, user_id: &str, id: &str) -> Result<bool> {
        let builder = self
            .client
            .from("sessions")
            .select("id")
            .eq("user_id", user_id)
            .eq("id", id)
            .delete();
        match self.send(builder, "delete session").await? {
            Answer::Rows(body) => Ok(serde_json::from_str::<Vec<serde_json::Value>>(&body)
                .map(|rows| !rows.is_empty())
                .unwrap_or(false)),
            answer => bail!("delete session: unexpected {answer:?}"),
        }
    }

    async fn session(&self, user_id: &str, id: &str) -> Result<Option<Session>> {
        let rows: Vec<Session> = self
            .rows(
                self.client
                    .from("sessions")
                    .select(SESSION_COLUMNS)
                    .eq("user_id", user_id)
                    .eq("id", id),
                "read session",
            )
            .await?;
        Ok(rows.into_iter().next())
    }

    async fn sessions(&self, user_id: &str) -> Result<Vec<Session>> {
        let rows: Vec<Session> = self
            .rows(
                self.client
                    .from("sessions")
                    .select(SESSION_COLUMNS)
                    .eq("user_id", user_id)
                    .order("updated_at.desc,id.asc"),
                "list sessions",
            )
            .await?;
        Ok(rows)
    }
}

//! SQLite storage: one writer connection behind a mutex (so writers queue in the process instead of
//! fighting over the file lock and ever seeing `SQLITE_BUSY`), a small pool of read-only connections
//! (WAL lets them read while the writer writes), and the migrations: the base schema tracked in
//! `user_version`, then each store module's own (see [`Schema`]) tracked in `schema_version`.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use rusqlite::{
    Connection, OpenFlags, OptionalExtension, Transaction, TransactionBehavior, named_params,
};

use crate::error::ApiError;

/// Readers kept open for reuse; more are opened on demand and dropped after use.
const MAX_IDLE_READERS: usize = 8;
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// The schema every database had before the store modules kept their own: index + 1 is the
/// `user_version` after it ran, which is how a file of an older server is recognised. Closed: a
/// new table or column goes to the migrations of the store module whose SQL uses it
/// ([`Schema`]), so adding a call does not touch this file. Never edit one that shipped.
const BASE: &[&str] = &[
    // 1: the whole first schema.
    r#"
    CREATE TABLE organisation (
        id              INTEGER PRIMARY KEY,
        name            TEXT NOT NULL,
        default_country TEXT NOT NULL,
        phone_prefix    TEXT NOT NULL,
        locales         TEXT NOT NULL
    );

    CREATE TABLE customer (
        id                INTEGER PRIMARY KEY,
        public_id         TEXT NOT NULL UNIQUE,
        org_id            INTEGER NOT NULL REFERENCES organisation(id),
        cu_ref_no         TEXT NOT NULL,
        email             TEXT,
        email_key         TEXT,
        name              TEXT,
        first_name        TEXT,
        last_name         TEXT,
        phone             TEXT,
        company_name      TEXT,
        ico               TEXT,
        dic               TEXT,
        street_address    TEXT,
        city              TEXT,
        city_part         TEXT,
        state_region      TEXT,
        postal_code       TEXT,
        country           TEXT,
        newsletter        INTEGER NOT NULL DEFAULT 0,
        ignore_bulk_mail  INTEGER NOT NULL DEFAULT 0,
        primary_locale    TEXT,
        customer_real_ip  TEXT,
        referral_id       TEXT,
        created_at        INTEGER NOT NULL,
        updated_at        INTEGER NOT NULL,
        UNIQUE (org_id, cu_ref_no),
        -- NULL keys (phone-only contacts) never collide: SQLite treats NULLs as distinct.
        UNIQUE (org_id, email_key)
    );

    CREATE TABLE user (
        id            INTEGER PRIMARY KEY,
        org_id        INTEGER NOT NULL REFERENCES organisation(id),
        email         TEXT NOT NULL,
        email_key     TEXT NOT NULL UNIQUE,
        password_hash TEXT NOT NULL,
        role          TEXT NOT NULL CHECK (role IN ('admin', 'customer')),
        customer_id   INTEGER REFERENCES customer(id)
    );

    CREATE TABLE session (
        token_hash BLOB PRIMARY KEY,
        user_id    INTEGER NOT NULL REFERENCES user(id) ON DELETE CASCADE,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL
    );

    CREATE TABLE api_key (
        id         INTEGER PRIMARY KEY,
        org_id     INTEGER NOT NULL REFERENCES organisation(id),
        key_hash   BLOB NOT NULL UNIQUE,
        kind       TEXT NOT NULL,
        label      TEXT NOT NULL,
        created_at INTEGER NOT NULL
    );

    CREATE TABLE customer_group (
        id     INTEGER PRIMARY KEY,
        org_id INTEGER NOT NULL REFERENCES organisation(id),
        slug   TEXT NOT NULL,
        name   TEXT NOT NULL,
        color  TEXT,
        UNIQUE (org_id, slug)
    );

    CREATE TABLE customer_group_member (
        customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
        group_id    INTEGER NOT NULL REFERENCES customer_group(id) ON DELETE CASCADE,
        PRIMARY KEY (customer_id, group_id)
    ) WITHOUT ROWID;

    CREATE TABLE member (
        id               INTEGER PRIMARY KEY,
        public_id        TEXT NOT NULL UNIQUE,
        org_id           INTEGER NOT NULL REFERENCES organisation(id),
        email            TEXT NOT NULL,
        email_key        TEXT NOT NULL,
        first_name       TEXT,
        last_name        TEXT,
        status           TEXT NOT NULL CHECK (status IN ('active', 'invited')),
        user_id          INTEGER REFERENCES user(id),
        permission_codes TEXT NOT NULL,
        role_codes       TEXT NOT NULL,
        description      TEXT,
        created_at       INTEGER NOT NULL,
        UNIQUE (org_id, email_key)
    );

    CREATE TABLE permission (code TEXT PRIMARY KEY, name TEXT NOT NULL, position INTEGER NOT NULL);
    CREATE TABLE role (code TEXT PRIMARY KEY, name TEXT NOT NULL, position INTEGER NOT NULL);

    CREATE TABLE org_contact (
        id                    INTEGER PRIMARY KEY AUTOINCREMENT,
        org_id                INTEGER NOT NULL REFERENCES organisation(id),
        type_id               INTEGER NOT NULL,
        name                  TEXT,
        title                 TEXT,
        department            TEXT,
        street                TEXT,
        zipcode               TEXT,
        city                  TEXT,
        country_id            INTEGER,
        email                 TEXT,
        phone                 TEXT,
        mobile                TEXT,
        state                 TEXT,
        secondary_address     TEXT,
        purchase_order_number TEXT,
        created_at            INTEGER NOT NULL
    );
    CREATE INDEX org_contact_org ON org_contact(org_id, id);

    -- Mails the server would send (registration invites, member invitations): recorded, not sent.
    CREATE TABLE outbox (
        id         INTEGER PRIMARY KEY,
        org_id     INTEGER NOT NULL REFERENCES organisation(id),
        kind       TEXT NOT NULL,
        recipient  TEXT NOT NULL,
        created_at INTEGER NOT NULL
    );

    CREATE TABLE idempotency (
        principal    TEXT NOT NULL,
        key          TEXT NOT NULL,
        request_hash BLOB NOT NULL,
        state        TEXT NOT NULL CHECK (state IN ('running', 'done')),
        status       INTEGER,
        headers      TEXT,
        body         BLOB,
        created_at   INTEGER NOT NULL,
        PRIMARY KEY (principal, key)
    ) WITHOUT ROWID;
    "#,
    // 2: sessions end after an idle time too.
    r#"
    ALTER TABLE session ADD COLUMN last_used_at INTEGER NOT NULL DEFAULT 0;
    UPDATE session SET last_used_at = created_at;
    "#,
];

/// The tables of one store module: the migrations that made them, oldest first, kept beside the
/// SQL that reads them. `version` in `schema_version` is how many of them ran. Never edit one
/// that shipped; add the next.
pub struct Schema {
    /// The key in `schema_version`: never rename it, or its migrations run again.
    module: &'static str,
    migrations: &'static [&'static str],
}

impl Schema {
    pub const fn new(module: &'static str, migrations: &'static [&'static str]) -> Schema {
        Schema { module, migrations }
    }

    pub fn module(&self) -> &'static str {
        self.module
    }
}

#[derive(Clone)]
pub struct Db {
    inner: Arc<DbInner>,
}

struct DbInner {
    path: PathBuf,
    writer: Mutex<Connection>,
    readers: Mutex<Vec<Connection>>,
}

/// What [`Db::write`] and [`Db::read`] run on their transaction.
pub trait Work<T>: FnOnce(&Transaction<'_>) -> Result<T, ApiError> + Send + 'static {}

impl<T, F> Work<T> for F where F: FnOnce(&Transaction<'_>) -> Result<T, ApiError> + Send + 'static {}

/// Runs `f` on tokio's blocking threads: SQLite calls block, and on an async worker they would
/// stall every request that worker serves.
async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| ApiError::internal(format!("database task failed: {e}")))?
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panic while holding the lock leaves a connection whose transaction was rolled back by
    // drop; it is still usable, so poisoning is not a reason to take the server down.
    m.lock().unwrap_or_else(|e| e.into_inner())
}

fn configure(conn: &Connection) -> rusqlite::Result<()> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    // NORMAL is durable against a process crash in WAL mode; only a power cut can lose the
    // last commits. Worth it for a local server: FULL costs an fsync per commit.
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    Ok(())
}

impl Db {
    /// Opens (creating if needed) the database file and brings the schema up to date: the base,
    /// then `modules` in their order (`store::SCHEMA`).
    pub fn open(path: &Path, modules: &[Schema]) -> anyhow::Result<Db> {
        let mut writer = Connection::open(path)?;
        writer.pragma_update(None, "journal_mode", "WAL")?;
        configure(&writer)?;
        migrate_base(&mut writer)?;
        migrate_modules(&mut writer, modules)?;
        Ok(Db {
            inner: Arc::new(DbInner {
                path: path.to_path_buf(),
                writer: Mutex::new(writer),
                readers: Mutex::new(Vec::new()),
            }),
        })
    }

    /// Runs `f` in a `BEGIN IMMEDIATE` transaction on the writer connection; commits on `Ok`.
    pub async fn write<T: Send + 'static>(&self, f: impl Work<T>) -> Result<T, ApiError> {
        let inner = Arc::clone(&self.inner);
        blocking(move || {
            let mut conn = lock(&inner.writer);
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let value = f(&tx)?;
            tx.commit()?;
            Ok(value)
        })
        .await
    }

    /// Runs `f` on a read-only connection (one read transaction, so it sees one snapshot).
    pub async fn read<T: Send + 'static>(&self, f: impl Work<T>) -> Result<T, ApiError> {
        let inner = Arc::clone(&self.inner);
        blocking(move || {
            let pooled = lock(&inner.readers).pop();
            let mut conn = match pooled {
                Some(c) => c,
                None => {
                    let c = Connection::open_with_flags(
                        &inner.path,
                        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
                    )?;
                    configure(&c)?;
                    c
                }
            };
            let result = (|| {
                let tx = conn.transaction_with_behavior(TransactionBehavior::Deferred)?;
                let value = f(&tx)?;
                tx.finish()?;
                Ok(value)
            })();
            let mut readers = lock(&inner.readers);
            if readers.len() < MAX_IDLE_READERS {
                readers.push(conn);
            }
            result
        })
        .await
    }

    /// Synchronous access to the writer, for start-up work before the server runs.
    pub fn write_blocking<T>(
        &self,
        f: impl FnOnce(&Transaction<'_>) -> anyhow::Result<T>,
    ) -> anyhow::Result<T> {
        let mut conn = lock(&self.inner.writer);
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let value = f(&tx)?;
        tx.commit()?;
        Ok(value)
    }
}

fn migrate_base(conn: &mut Connection) -> anyhow::Result<()> {
    let current: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    let current = usize::try_from(current).unwrap_or(0);
    if current > BASE.len() {
        anyhow::bail!(
            "the database has schema version {current}, newer than this server knows ({}); \
             use a newer bizkit-bff",
            BASE.len()
        );
    }
    for (index, sql) in BASE.iter().enumerate().skip(current) {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", (index + 1) as i64)?;
        tx.commit()?;
        tracing::info!(version = index + 1, "database migrated");
    }
    Ok(())
}

/// How many of `module`'s migrations ran (0: none yet).
fn module_version(conn: &Connection, module: &str) -> rusqlite::Result<usize> {
    let version: Option<i64> = conn
        .query_row(
            "SELECT version FROM schema_version WHERE module = :module",
            named_params! {":module": module},
            |r| r.get("version"),
        )
        .optional()?;
    // A negative version is no file of ours: read as ahead of every list, so it is refused.
    Ok(version.map_or(0, |v| usize::try_from(v).unwrap_or(usize::MAX)))
}

/// Runs each module's migrations not run yet, one transaction each (the step and its version
/// commit together, so a crash or a failing step leaves the module at the previous version).
/// Modules go in the order of `modules`, all of one before the next, and each runs after the
/// base: a module's tables may reference the base tables and those of modules listed before it,
/// which therefore exist on a fresh file as on an old one.
fn migrate_modules(conn: &mut Connection, modules: &[Schema]) -> anyhow::Result<()> {
    // Not a base step: that would move `user_version`, and an older server would then refuse
    // a file whose base it knows in full. One statement, so it is atomic on its own.
    conn.execute_batch(
        "CREATE TABLE IF NOT EXISTS schema_version (
             module  TEXT PRIMARY KEY,
             version INTEGER NOT NULL
         ) WITHOUT ROWID",
    )?;
    newer_than_known(conn, modules)?;
    for module in modules {
        loop {
            // The version is read inside the step's own write transaction, so two servers
            // opening one file at once cannot both run a step.
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let done = module_version(&tx, module.module)?;
            let Some(sql) = module.migrations.get(done) else {
                break;
            };
            tx.execute_batch(sql)?;
            tx.execute(
                "INSERT INTO schema_version (module, version) VALUES (:module, :version)
                 ON CONFLICT (module) DO UPDATE SET version = excluded.version",
                named_params! {":module": module.module, ":version": (done + 1) as i64},
            )?;
            tx.commit()?;
            tracing::info!(
                module = module.module,
                version = done + 1,
                "database migrated"
            );
        }
    }
    Ok(())
}

/// Refuses a file a newer server has migrated a module of this one further than it knows: that
/// module's tables may not be what its SQL expects. A module this server does not know is left
/// alone: its tables are its own, and no SQL here reads them.
fn newer_than_known(conn: &Connection, modules: &[Schema]) -> anyhow::Result<()> {
    for module in modules {
        let version = module_version(conn, module.module)?;
        let known = module.migrations.len();
        if version > known {
            anyhow::bail!(
                "the database has version {version} of the `{}` tables, newer than this server \
                 knows ({known}); use a newer bizkit-bff",
                module.module
            );
        }
    }
    Ok(())
}

/// True when `e` is a UNIQUE or PRIMARY KEY violation: the race loser of two inserts.
pub fn is_unique_violation(e: &rusqlite::Error) -> bool {
    matches!(
        e,
        rusqlite::Error::SqliteFailure(err, _)
            if err.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE
                || err.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_PRIMARYKEY
    )
}

/// The error of a failed insert: `conflict` when the schema's UNIQUE refused it (the check before
/// it lost a race), the database error otherwise.
pub fn unique_or_internal(conflict: fn() -> ApiError) -> impl FnOnce(rusqlite::Error) -> ApiError {
    move |e| {
        if is_unique_violation(&e) {
            conflict()
        } else {
            e.into()
        }
    }
}

/// Seconds since the Unix epoch.
pub fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

/// RFC 3339 UTC timestamp (`2026-05-01T12:00:00Z`) for Unix seconds, without a date crate.
pub fn rfc3339(secs: i64) -> String {
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    // Howard Hinnant's days-to-civil algorithm.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = if m <= 2 { y + 1 } else { y };
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        (rem % 3600) / 60,
        rem % 60
    )
}

#[cfg(test)]
mod tests;

//! `Idempotency-Key` on the creating and changing POSTs: keyed per (principal, key), reserved in
//! SQLite before the handler runs (so it holds across restarts and concurrent retries), the answer
//! stored and replayed for the same request, refused for another request.

use axum::body::{Body, to_bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use bizkit_contract::ErrorCode;
use rusqlite::{OptionalExtension, named_params};

use crate::auth::Principal;
use crate::crypto::sha256;
use crate::db::{Db, now};
use crate::error::ApiError;
use crate::limits::BODY_LIMIT;

pub const HEADER: &str = "idempotency-key";
const MAX_KEY_CHARS: usize = 255;
/// How long a stored answer is replayed; afterwards the key may be used afresh.
pub const RETENTION_SECS: i64 = 24 * 3600;
/// Response headers worth replaying; the rest (date, security headers) are set anew.
const REPLAYED_HEADERS: &[HeaderName] = &[header::CONTENT_TYPE, header::LOCATION];

enum Reservation {
    Reserved,
    Replay {
        status: u16,
        headers: Vec<(String, String)>,
        body: Vec<u8>,
    },
}

fn invalid_key(detail: &str) -> ApiError {
    ApiError::BadRequest {
        code: ErrorCode::IdempotencyKeyInvalid,
        detail: detail.to_owned(),
        errors: Vec::new(),
    }
}

fn parse_key(headers: &HeaderMap) -> Result<Option<String>, ApiError> {
    let Some(value) = headers.get(HEADER) else {
        return Ok(None);
    };
    let key = value
        .to_str()
        .map_err(|_| invalid_key("The Idempotency-Key must be visible ASCII, e.g. a UUID."))?
        .trim();
    if key.is_empty() || key.chars().count() > MAX_KEY_CHARS {
        return Err(invalid_key(
            "The Idempotency-Key must have 1 to 255 characters, e.g. a UUID.",
        ));
    }
    Ok(Some(key.to_owned()))
}

/// The key this request reserved, for its handler: the handler records its answer in the same
/// SQLite transaction as its create ([`JsonAnswer::record`]), so no crash can leave a create
/// without the answer a retry must replay (the start-up purge would then free the key, and the
/// retry create a second record).
#[derive(Clone, Debug)]
pub struct Reserved {
    scope: String,
    key: String,
}

/// The [`Reserved`] key of this request, if it came with one.
pub struct KeyScope(pub Option<Reserved>);

impl<S: Send + Sync> axum::extract::FromRequestParts<S> for KeyScope {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        _state: &S,
    ) -> Result<Self, Self::Rejection> {
        Ok(KeyScope(parts.extensions.get::<Reserved>().cloned()))
    }
}

impl KeyScope {
    /// `200 OK` with `value`: the answer of a call that changed something it did not create.
    pub fn ok<T: serde::Serialize>(
        &self,
        tx: &rusqlite::Transaction<'_>,
        value: &T,
    ) -> Result<JsonAnswer, ApiError> {
        self.answer(tx, StatusCode::OK, None, value)
    }

    /// `201 Created` with `value` and a `Location` naming what was created: the two go
    /// together, so a create cannot answer without saying where its resource lives.
    pub fn created<T: serde::Serialize>(
        &self,
        tx: &rusqlite::Transaction<'_>,
        location: String,
        value: &T,
    ) -> Result<JsonAnswer, ApiError> {
        self.answer(tx, StatusCode::CREATED, Some(location), value)
    }

    /// The handler's answer, made and recorded in `tx` (the transaction of its change) in one
    /// step, so no handler can answer without recording what a replay must get.
    fn answer<T: serde::Serialize>(
        &self,
        tx: &rusqlite::Transaction<'_>,
        status: StatusCode,
        location: Option<String>,
        value: &T,
    ) -> Result<JsonAnswer, ApiError> {
        JsonAnswer::new(status, location, value)?.record(tx, self)
    }
}

/// A JSON answer of a creating or changing call, made inside the handler's write transaction.
pub struct JsonAnswer {
    status: StatusCode,
    location: Option<String>,
    body: Vec<u8>,
}

impl JsonAnswer {
    pub fn new<T: serde::Serialize>(
        status: StatusCode,
        location: Option<String>,
        value: &T,
    ) -> Result<JsonAnswer, ApiError> {
        let body = serde_json::to_vec(value)
            .map_err(|e| ApiError::internal(format!("answer to JSON: {e}")))?;
        Ok(JsonAnswer {
            status,
            location,
            body,
        })
    }

    /// Stores this answer for the request's key in `tx`, the transaction that made the change.
    pub fn record(
        self,
        tx: &rusqlite::Transaction<'_>,
        reservation: &KeyScope,
    ) -> Result<JsonAnswer, ApiError> {
        if let Some(r) = &reservation.0 {
            let mut headers = vec![("content-type".to_owned(), "application/json".to_owned())];
            if let Some(location) = &self.location {
                headers.push(("location".to_owned(), location.clone()));
            }
            tx.execute(
                "UPDATE idempotency SET state = 'done', status = :status, headers = :headers,
                        body = :body
                  WHERE principal = :principal AND key = :key AND state = 'running'",
                named_params! {
                    ":principal": r.scope,
                    ":key": r.key,
                    ":status": self.status.as_u16(),
                    ":headers": serde_json::to_string(&headers).unwrap_or_else(|_| "[]".to_owned()),
                    ":body": self.body,
                },
            )?;
        }
        Ok(self)
    }
}

impl IntoResponse for JsonAnswer {
    fn into_response(self) -> Response {
        let mut response = Response::new(Body::from(self.body));
        *response.status_mut() = self.status;
        response.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        );
        if let Some(location) = self.location.and_then(|l| HeaderValue::from_str(&l).ok()) {
            response.headers_mut().insert(header::LOCATION, location);
        }
        response
    }
}

/// Middleware on each call the contract marks `idempotent`, inside the auth middleware.
pub async fn idempotency(State(db): State<Db>, req: Request, next: Next) -> Response {
    match run(db, req, next).await {
        Ok(response) => response,
        Err(e) => e.into_response(),
    }
}

async fn run(db: Db, req: Request, next: Next) -> Result<Response, ApiError> {
    // The layer wraps a POST route, and with it the route's 405 fallback for other methods: a
    // `TRACE` with a key is no creating call, and must get its 405, not a key check or a replay.
    if req.method() != Method::POST {
        return Ok(next.run(req).await);
    }
    // Keys are kept per caller: a call without one (signing in, the only such POST) has no
    // namespace to keep them in, and runs as it would without the layer.
    let Some(principal) = req.extensions().get::<Principal>().cloned() else {
        return Ok(next.run(req).await);
    };
    let Some(key) = parse_key(req.headers())? else {
        return Ok(next.run(req).await);
    };
    let scope = principal.scope();

    let (parts, body) = req.into_parts();
    let bytes = to_bytes(body, BODY_LIMIT)
        .await
        .map_err(|_| ApiError::PayloadTooLarge)?;
    // The request is the method, the path with its query, the content type and the body.
    let mut fingerprint = Vec::with_capacity(bytes.len() + 128);
    fingerprint.extend_from_slice(parts.method.as_str().as_bytes());
    fingerprint.push(0);
    fingerprint.extend_from_slice(
        parts
            .uri
            .path_and_query()
            .map(|p| p.as_str())
            .unwrap_or("")
            .as_bytes(),
    );
    fingerprint.push(0);
    if let Some(ct) = parts.headers.get(header::CONTENT_TYPE) {
        fingerprint.extend_from_slice(ct.as_bytes());
    }
    fingerprint.push(0);
    fingerprint.extend_from_slice(&bytes);
    let request_hash = sha256(&fingerprint);

    let reservation = {
        let (scope, key, request_hash) = (scope.clone(), key.clone(), request_hash.clone());
        db.write(move |tx| {
            let now = now();
            let row = tx
                .query_row(
                    "SELECT request_hash, state, status, headers, body, created_at
                           FROM idempotency WHERE principal = :principal AND key = :key",
                    named_params! {":principal": scope, ":key": key},
                    |r| {
                        Ok((
                            r.get::<_, Vec<u8>>(0)?,
                            r.get::<_, String>(1)?,
                            r.get::<_, Option<u16>>(2)?,
                            r.get::<_, Option<String>>(3)?,
                            r.get::<_, Option<Vec<u8>>>(4)?,
                            r.get::<_, i64>(5)?,
                        ))
                    },
                )
                .optional()?;
            match row {
                Some((hash, row_state, status, headers, body, created_at))
                    if created_at > now - RETENTION_SECS =>
                {
                    if hash != request_hash {
                        return Err(ApiError::IdempotencyKeyReused);
                    }
                    if row_state == "running" {
                        return Err(ApiError::Conflict {
                            code: ErrorCode::IdempotencyKeyInFlight,
                            field: None,
                            detail: "A request with this Idempotency-Key is still running; \
                                         retry when it has finished."
                                .to_owned(),
                        });
                    }
                    let headers: Vec<(String, String)> = headers
                        .and_then(|h| serde_json::from_str(&h).ok())
                        .unwrap_or_default();
                    Ok(Reservation::Replay {
                        status: status.unwrap_or(200),
                        headers,
                        body: body.unwrap_or_default(),
                    })
                }
                _ => {
                    tx.execute(
                        "INSERT OR REPLACE INTO idempotency
                                 (principal, key, request_hash, state, created_at)
                             VALUES (:principal, :key, :request_hash, 'running', :created_at)",
                        named_params! {
                            ":principal": scope,
                            ":key": key,
                            ":request_hash": request_hash,
                            ":created_at": now,
                        },
                    )?;
                    Ok(Reservation::Reserved)
                }
            }
        })
        .await?
    };

    if let Reservation::Replay {
        status,
        headers,
        body,
    } = reservation
    {
        let mut response = Response::new(Body::from(body));
        *response.status_mut() = StatusCode::from_u16(status).unwrap_or(StatusCode::OK);
        for (name, value) in headers {
            if let (Ok(name), Ok(value)) = (
                HeaderName::try_from(name.as_str()),
                HeaderValue::try_from(value.as_str()),
            ) {
                response.headers_mut().insert(name, value);
            }
        }
        response
            .headers_mut()
            .insert("idempotent-replayed", HeaderValue::from_static("true"));
        return Ok(response);
    }

    // The handler runs in its own task: if the client goes away mid-request, the work still
    // finishes and its answer is stored, so the retry gets a replay instead of a stale
    // reservation.
    let mut req = Request::from_parts(parts, Body::from(bytes));
    req.extensions_mut().insert(Reserved {
        scope: scope.clone(),
        key: key.clone(),
    });
    let task_db = db.clone();
    let (task_scope, task_key) = (scope.clone(), key.clone());
    let task = tokio::spawn(async move {
        let response = next.run(req).await;
        complete(&task_db, task_scope, task_key, response).await
    });
    match task.await {
        Ok(result) => result,
        Err(join_error) => {
            // The handler panicked: release the key so a retry can run.
            db.write(move |tx| {
                tx.execute(
                    "DELETE FROM idempotency
                          WHERE principal = :principal AND key = :key AND state = 'running'",
                    named_params! {":principal": scope, ":key": key},
                )?;
                Ok(())
            })
            .await?;
            Err(ApiError::internal(format!(
                "handler task failed: {join_error}"
            )))
        }
    }
}

async fn complete(
    db: &Db,
    scope: String,
    key: String,
    response: Response,
) -> Result<Response, ApiError> {
    let (parts, body) = response.into_parts();
    let bytes = to_bytes(body, usize::MAX)
        .await
        .map_err(|e| ApiError::internal(format!("response body: {e}")))?;
    let status = parts.status;
    let headers: Vec<(String, String)> = REPLAYED_HEADERS
        .iter()
        .filter_map(|name| {
            parts
                .headers
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(|v| (name.as_str().to_owned(), v.to_owned()))
        })
        .collect();
    let stored = bytes.to_vec();
    db.write(move |tx| {
        if status.is_server_error() {
            // A server fault is not an answer worth replaying: free the key for a retry.
            // (A change rolled back with it: a handler records its answer in the change's
            // own transaction, so a row that is 'done' is never freed here.)
            tx.execute(
                "DELETE FROM idempotency
                  WHERE principal = :principal AND key = :key AND state = 'running'",
                named_params! {":principal": scope, ":key": key},
            )?;
        } else {
            // A refusal (4xx) changed nothing, so it is stored here; a success was stored
            // by its handler already, and this finds no running row.
            tx.execute(
                "UPDATE idempotency SET state = 'done', status = :status, headers = :headers,
                            body = :body
                      WHERE principal = :principal AND key = :key AND state = 'running'",
                named_params! {
                    ":principal": scope,
                    ":key": key,
                    ":status": status.as_u16(),
                    ":headers": serde_json::to_string(&headers).unwrap_or_else(|_| "[]".to_owned()),
                    ":body": stored,
                },
            )?;
        }
        Ok(())
    })
    .await?;
    Ok(Response::from_parts(parts, Body::from(bytes)))
}

/// Start-up housekeeping: reservations left `running` by a previous process can never finish,
/// and answers past their retention are no longer replayed.
pub fn purge_stale(tx: &rusqlite::Transaction<'_>) -> rusqlite::Result<usize> {
    tx.execute(
        "DELETE FROM idempotency WHERE state = 'running' OR created_at <= :cutoff",
        named_params! {":cutoff": now() - RETENTION_SECS},
    )
}

//! What one answer means for a row and for the run. The page sends through the one API client;
//! this decides, without a browser, what happens next.

use crate::api::ApiError;

use super::rows::Failure;

/// How many rows are in flight at once. Browsers open six connections per host over HTTP/1.1:
/// four leaves two for the rest of the app (the sign-in dialog, the group list) and never queues
/// a create behind another in the browser. The server writes one row at a time (SQLite), so more
/// would not go faster there; four hides the round trip of a distant server (at 100 ms, 40 rows a
/// second: 10,000 rows in about four minutes), and stays a small, polite load on a real backend.
pub const PARALLEL: usize = 4;

/// Consecutive answers without an outcome (network, timeout, 5xx) before the run pauses and asks.
pub const UNREACHABLE_AFTER: u32 = 3;

/// Longest wait asked by a `Retry-After` that the run honours by itself.
const MAX_WAIT_MS: u32 = 120_000;

#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// Created (or replayed: created before).
    Created(String),
    /// The server refused the row; nothing was created. The row gets a new key when changed.
    Refused(Failure),
    /// Send the same row again with the same key after a while.
    Retry { after_ms: u32, unknown: bool },
    /// The session ended: the run pauses for the sign-in dialog, then goes on with the same row.
    SignIn,
    /// Nothing more can be sent (no permission, no such call): the run stops with this error.
    Stop(ApiError),
}

/// The outcome of one create. `attempt` counts the row's tries without an outcome in a row, and
/// `was_unknown` whether an earlier send of the row got no answer.
pub fn outcome(result: Result<String, ApiError>, attempt: u32, was_unknown: bool) -> Outcome {
    let error = match result {
        Ok(id) => return Outcome::Created(id),
        Err(e) => e,
    };
    match &error {
        ApiError::Unauthorized { .. } => Outcome::SignIn,
        ApiError::Forbidden { .. } | ApiError::NotFound { .. } => Outcome::Stop(error),
        ApiError::RateLimited { retry_after_secs } => Outcome::Retry {
            after_ms: retry_after_secs
                .map_or(5_000, |s| {
                    u32::try_from(s.saturating_mul(1000)).unwrap_or(MAX_WAIT_MS)
                })
                .min(MAX_WAIT_MS),
            unknown: false,
        },
        // The first send of this key is still running on the server: ask again shortly.
        ApiError::Rejected {
            status: 409,
            code: Some(c),
            ..
        } if c == "IDEMPOTENCY_KEY_IN_FLIGHT" => Outcome::Retry {
            after_ms: 1_000,
            unknown: true,
        },
        ApiError::Rejected {
            code,
            message,
            fields,
            ..
        } => {
            let fields: Vec<(String, String, String)> = fields
                .iter()
                .map(|f| (f.field.clone(), f.code.clone(), f.message.clone()))
                .collect();
            let code = code.clone().or_else(|| fields.first().map(|f| f.1.clone()));
            let taken = code.as_deref() == Some("EMAIL_TAKEN")
                || fields.iter().any(|f| f.1 == "EMAIL_TAKEN");
            Outcome::Refused(Failure {
                code,
                message: message.clone().unwrap_or_default(),
                fields,
                after_unknown: taken && was_unknown,
            })
        }
        ApiError::Server { .. } | ApiError::Network | ApiError::Timeout => Outcome::Retry {
            // 1 s, 2 s, 4 s…: a restarting server gets time, a blip costs a second.
            after_ms: 1_000u32
                .saturating_mul(1 << attempt.min(6))
                .min(MAX_WAIT_MS),
            unknown: true,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{ServerFieldError, classify};

    fn answer(status: u16, body: &str) -> Result<String, ApiError> {
        Err(classify(status, "application/problem+json", body, None))
    }

    #[test]
    fn created_and_replayed() {
        assert_eq!(
            outcome(Ok("c1".into()), 0, true),
            Outcome::Created("c1".into())
        );
    }

    #[test]
    fn a_taken_email_is_a_refusal_on_the_email() {
        let taken = r#"{"status":409,"code":"EMAIL_TAKEN","errors":[{"field":"email","code":"EMAIL_TAKEN","message":"m"}]}"#;
        let Outcome::Refused(f) = outcome(answer(409, taken), 0, false) else {
            panic!("refused");
        };
        assert_eq!(f.code.as_deref(), Some("EMAIL_TAKEN"));
        assert_eq!(
            f.fields,
            vec![("email".into(), "EMAIL_TAKEN".into(), "m".into())]
        );
        assert!(!f.after_unknown);
        // The same answer to a row whose first send got no answer: maybe our own contact.
        let Outcome::Refused(f) = outcome(answer(409, taken), 0, true) else {
            panic!("refused");
        };
        assert!(f.after_unknown);
    }

    #[test]
    fn every_violated_field_of_a_422() {
        let e = ApiError::Rejected {
            status: 422,
            code: Some("VALIDATION_FAILED".into()),
            message: None,
            fields: vec![ServerFieldError {
                field: "phone".into(),
                code: "PHONE_TOO_SHORT".into(),
                message: String::new(),
            }],
        };
        let Outcome::Refused(f) = outcome(Err(e), 0, false) else {
            panic!("refused");
        };
        assert_eq!(f.fields[0].0, "phone");
    }

    #[test]
    fn no_answer_is_retried_with_the_same_key_and_backs_off() {
        for e in [
            ApiError::Network,
            ApiError::Timeout,
            ApiError::Server {
                status: 502,
                message: None,
            },
        ] {
            assert_eq!(
                outcome(Err(e.clone()), 0, false),
                Outcome::Retry {
                    after_ms: 1000,
                    unknown: true
                }
            );
            assert_eq!(
                outcome(Err(e.clone()), 2, false),
                Outcome::Retry {
                    after_ms: 4000,
                    unknown: true
                }
            );
            assert_eq!(
                outcome(Err(e), 99, false),
                Outcome::Retry {
                    after_ms: 64_000,
                    unknown: true
                }
            );
        }
        let in_flight = r#"{"status":409,"code":"IDEMPOTENCY_KEY_IN_FLIGHT"}"#;
        assert_eq!(
            outcome(answer(409, in_flight), 0, true),
            Outcome::Retry {
                after_ms: 1000,
                unknown: true
            }
        );
    }

    #[test]
    fn rate_limits_sessions_and_stops() {
        let limited = |s| {
            outcome(
                Err(ApiError::RateLimited {
                    retry_after_secs: s,
                }),
                0,
                false,
            )
        };
        assert_eq!(
            limited(Some(3)),
            Outcome::Retry {
                after_ms: 3000,
                unknown: false
            }
        );
        assert_eq!(
            limited(None),
            Outcome::Retry {
                after_ms: 5000,
                unknown: false
            }
        );
        assert_eq!(
            limited(Some(u64::MAX)),
            Outcome::Retry {
                after_ms: 120_000,
                unknown: false
            }
        );
        assert_eq!(outcome(answer(401, ""), 0, false), Outcome::SignIn);
        assert!(matches!(
            outcome(answer(403, ""), 0, false),
            Outcome::Stop(_)
        ));
        assert!(matches!(
            outcome(answer(404, ""), 0, false),
            Outcome::Stop(_)
        ));
    }
}

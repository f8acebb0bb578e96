//! Every answer of the API read into a value or an [`ApiError`]: problem+json, the older BizKitHub
//! shapes, HTML, an empty body. Pure (status, content type, body → result), so it is tested natively
//! and in the browser; the client in `api.rs` only fetches.

use serde::de::DeserializeOwned;
use serde_json::Value;

/// A field-level error as the server named it (`groupList[2].color`).
#[derive(Clone, Debug, PartialEq)]
pub struct ServerFieldError {
    pub field: String,
    pub code: String,
    pub message: String,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ApiError {
    /// The server understood and refused: validation (400/409/422) with the fields it named.
    Rejected {
        status: u16,
        code: Option<String>,
        message: Option<String>,
        fields: Vec<ServerFieldError>,
    },
    /// No, bad or expired credentials (401, `SESSION_EXPIRED`, `INVALID_IDENTITY`, unknown API key).
    Unauthorized {
        code: Option<String>,
    },
    Forbidden {
        message: Option<String>,
    },
    /// 404; `code` tells "no such record" (e.g. `ARES_NOT_FOUND`) from "this backend lacks the call".
    NotFound {
        code: Option<String>,
    },
    RateLimited {
        retry_after_secs: Option<u64>,
    },
    /// 5xx, or an answer we could not read: a creating call may or may not have happened.
    Server {
        status: u16,
        message: Option<String>,
    },
    /// The request never got an answer: offline, DNS, CORS, connection reset.
    Network,
    /// We gave up after the timeout; the server may still have done the work.
    Timeout,
}

impl ApiError {
    /// True where a create may have happened on the server although we saw no success: the form then
    /// keeps the same `Idempotency-Key` for the retry, so the server replays instead of creating twice.
    pub fn outcome_unknown(&self) -> bool {
        matches!(
            self,
            ApiError::Network | ApiError::Timeout | ApiError::Server { .. }
        )
    }

    pub fn fields(&self) -> &[ServerFieldError] {
        match self {
            ApiError::Rejected { fields, .. } => fields,
            _ => &[],
        }
    }
}

/// Maps any answer that is not a success to an [`ApiError`]. Never panics, whatever the body.
pub fn classify(
    status: u16,
    content_type: &str,
    body: &str,
    retry_after: Option<&str>,
) -> ApiError {
    let retry_after_secs = retry_after.and_then(|v| v.trim().parse::<u64>().ok());
    let trimmed = body.trim();
    let json: Option<Value> = if trimmed.starts_with('{') || trimmed.starts_with('"') {
        serde_json::from_str(trimmed).ok()
    } else {
        None
    };
    let _ = content_type;

    // A bare named code, as text or as a JSON string: `PUBLIC_API_KEY_DOES_NOT_EXIST`.
    let bare = match &json {
        Some(Value::String(s)) => Some(s.as_str()),
        None if is_code(trimmed) => Some(trimmed),
        _ => None,
    };
    if let Some(code) = bare {
        return from_code(status, code, None, Vec::new(), retry_after_secs);
    }

    if let Some(Value::Object(obj)) = &json {
        // `{"error": {"code": "RATE_LIMIT_EXCEEDED", "message": "...", "retry_after": 3600}}`
        if let Some(Value::Object(err)) = obj.get("error") {
            let code = str_of(err.get("code"));
            let message = str_of(err.get("message"));
            let retry = err
                .get("retry_after")
                .and_then(Value::as_u64)
                .or(retry_after_secs);
            return from_code(
                status,
                code.as_deref().unwrap_or(""),
                message,
                Vec::new(),
                retry,
            );
        }
        // RFC 9457 problem+json, and `{"success": false, "errorCode": "E001", "message": "..."}`.
        let code = str_of(obj.get("code")).or_else(|| str_of(obj.get("errorCode")));
        let message = str_of(obj.get("detail"))
            .or_else(|| str_of(obj.get("message")))
            .or_else(|| str_of(obj.get("title")));
        let fields = obj
            .get("errors")
            .and_then(Value::as_array)
            .map(|list| list.iter().filter_map(field_error).collect())
            .unwrap_or_default();
        return from_code(
            status,
            code.as_deref().unwrap_or(""),
            message,
            fields,
            retry_after_secs,
        );
    }

    // HTML error pages, empty bodies, anything else: the status alone decides.
    from_code(status, "", None, Vec::new(), retry_after_secs)
}

fn from_code(
    status: u16,
    code: &str,
    message: Option<String>,
    fields: Vec<ServerFieldError>,
    retry_after_secs: Option<u64>,
) -> ApiError {
    let code_opt = (!code.is_empty()).then(|| code.to_owned());
    match code {
        "SESSION_EXPIRED"
        | "INVALID_IDENTITY"
        | "PUBLIC_API_KEY_DOES_NOT_EXIST"
        | "API_KEY_MALFORMED"
        | "TOKEN_EXPIRED"
        | "UNAUTHORIZED" => return ApiError::Unauthorized { code: code_opt },
        "RATE_LIMIT_EXCEEDED" | "RATE_LIMITED" => {
            return ApiError::RateLimited { retry_after_secs };
        }
        _ => {}
    }
    match status {
        401 => ApiError::Unauthorized { code: code_opt },
        403 => ApiError::Forbidden { message },
        404 if fields.is_empty() => ApiError::NotFound { code: code_opt },
        429 => ApiError::RateLimited { retry_after_secs },
        400..=499 => ApiError::Rejected {
            status,
            code: code_opt,
            message,
            fields,
        },
        // An old-style `{"success": false}` inside a 200 is a refusal too.
        200..=299 => ApiError::Rejected {
            status,
            code: code_opt,
            message,
            fields,
        },
        _ => ApiError::Server { status, message },
    }
}

fn is_code(s: &str) -> bool {
    s.len() >= 3
        && s.len() <= 64
        && s.starts_with(|c: char| c.is_ascii_uppercase())
        && s.chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
}

fn str_of(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) if !s.trim().is_empty() => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn field_error(v: &Value) -> Option<ServerFieldError> {
    let obj = v.as_object()?;
    Some(ServerFieldError {
        field: str_of(obj.get("field")).unwrap_or_default(),
        code: str_of(obj.get("code")).unwrap_or_default(),
        message: str_of(obj.get("message")).unwrap_or_default(),
    })
}

/// Reads a success body: an old-style `{"success": false, ...}` is a refusal even with status 200, and a
/// body that does not match `T` is a server fault, not a panic.
pub fn parse_success<T: DeserializeOwned>(
    status: u16,
    content_type: &str,
    body: &str,
) -> Result<T, ApiError> {
    decode(status, success_value(status, content_type, body)?)
}

/// The one generic step of reading an answer: its JSON into the answer type. Everything before it
/// (fetch, status, problem+json, the older shapes) is one body for every call, not one per answer type.
pub(super) fn decode<T: DeserializeOwned>(status: u16, value: Value) -> Result<T, ApiError> {
    serde_json::from_value(value).map_err(|_| ApiError::Server {
        status,
        message: None,
    })
}

/// Whether an answer's JSON reads as `T`: the check [`Client::call_json`] makes for a caller that
/// keeps the JSON.
pub fn decodes<T: DeserializeOwned>(value: &Value) -> bool {
    // Through an owned value, as every typed call decodes: `&Value`'s own deserialiser would be a
    // second copy of serde_json's in the wasm.
    serde_json::from_value::<T>(value.clone()).is_ok()
}

/// [`parse_success`] up to the answer type: the body as JSON, or the error it means.
pub(super) fn success_value(
    status: u16,
    content_type: &str,
    body: &str,
) -> Result<Value, ApiError> {
    // Older backends answer an ended session or a rate limit with a bare code, also under 200:
    // the sign-in dialog must open, not "the server ran into a problem" (a retry would only meet
    // the same answer). Other bare words stay an unreadable success, outcome unknown.
    let bare = body.trim();
    let bare = bare
        .strip_prefix('"')
        .and_then(|b| b.strip_suffix('"'))
        .unwrap_or(bare);
    if is_code(bare) {
        let error = from_code(status, bare, None, Vec::new(), None);
        if matches!(
            error,
            ApiError::Unauthorized { .. } | ApiError::RateLimited { .. }
        ) {
            return Err(error);
        }
    }
    let value: Value = match serde_json::from_str(body.trim()) {
        Ok(v) => v,
        // An empty 2xx body still means success for calls that answer nothing useful.
        Err(_) if body.trim().is_empty() => Value::Null,
        Err(_) => {
            return Err(ApiError::Server {
                status,
                message: None,
            });
        }
    };
    if value.get("success").and_then(Value::as_bool) == Some(false) || value.get("error").is_some()
    {
        return Err(classify(status, content_type, body, None));
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rejected_fields(e: &ApiError) -> Vec<(&str, &str)> {
        e.fields()
            .iter()
            .map(|f| (f.field.as_str(), f.code.as_str()))
            .collect()
    }

    #[test]
    fn problem_json_with_every_field() {
        let body = r#"{"type":"about:blank","title":"Validation failed","status":422,
            "errors":[{"field":"phone","code":"PHONE_TOO_SHORT","message":"x"},
                      {"field":"groupList[2].color","code":"COLOR_INVALID","message":"y"}]}"#;
        let e = classify(422, "application/problem+json", body, None);
        assert_eq!(
            rejected_fields(&e),
            vec![
                ("phone", "PHONE_TOO_SHORT"),
                ("groupList[2].color", "COLOR_INVALID")
            ]
        );
        assert!(!e.outcome_unknown());
    }

    #[test]
    fn older_shapes() {
        let e = classify(
            200,
            "application/json",
            r#"{"success": false, "errorCode": "E001", "message": "Bad"}"#,
            None,
        );
        assert!(
            matches!(e, ApiError::Rejected { code: Some(ref c), message: Some(ref m), .. } if c == "E001" && m == "Bad")
        );
        let e = classify(
            429,
            "application/json",
            r#"{"error": {"code": "RATE_LIMIT_EXCEEDED", "message": "slow", "retry_after": 3600}}"#,
            None,
        );
        assert_eq!(
            e,
            ApiError::RateLimited {
                retry_after_secs: Some(3600)
            }
        );
        for code in [
            "PUBLIC_API_KEY_DOES_NOT_EXIST",
            "SESSION_EXPIRED",
            "INVALID_IDENTITY",
            "\"SESSION_EXPIRED\"",
        ] {
            assert!(
                matches!(
                    classify(400, "text/plain", code, None),
                    ApiError::Unauthorized { .. }
                ),
                "{code}"
            );
        }
    }

    #[test]
    fn html_empty_and_garbage() {
        assert!(matches!(
            classify(502, "text/html", "<html><h1>Bad gateway</h1></html>", None),
            ApiError::Server { status: 502, .. }
        ));
        assert_eq!(
            classify(404, "", "", None),
            ApiError::NotFound { code: None }
        );
        assert!(matches!(
            classify(401, "", "", None),
            ApiError::Unauthorized { .. }
        ));
        assert_eq!(
            classify(429, "", "", Some("120")),
            ApiError::RateLimited {
                retry_after_secs: Some(120)
            }
        );
        assert!(matches!(
            classify(
                422,
                "application/json",
                "{\"errors\": 5, \"code\": []",
                None
            ),
            ApiError::Rejected { .. }
        ));
        assert!(classify(500, "", "\u{0}\u{ffff}", None).outcome_unknown());
    }

    /// Any status, body and Retry-After: an error of the right family, never a panic, and "outcome
    /// unknown" exactly where the server may have done the work.
    #[test]
    fn any_answer_is_classified() {
        let deep = format!("{{\"errors\":{}", "[".repeat(100_000));
        let huge = format!("{{\"message\":\"{}\"}}", "x".repeat(1_000_000));
        let bodies: Vec<&str> = vec![
            "",
            " ",
            "null",
            "[]",
            "[1,2]",
            "\"\"",
            "\"SESSION_EXPIRED\"",
            "SESSION_EXPIRED",
            "E001",
            "<html><body>502</body></html>",
            "\u{0}\u{ffff}\u{202e}",
            "{",
            "{}",
            r#"{"errors":[1,null,"x",{"field":5,"code":[],"message":{}}]}"#,
            r#"{"errors":{"field":"email"}}"#,
            r#"{"error":"plain string"}"#,
            r#"{"error":{"retry_after":-1}}"#,
            r#"{"error":{"code":"RATE_LIMIT_EXCEEDED","retry_after":1e400}}"#,
            r#"{"success":false}"#,
            r#"{"success":"false","code":42}"#,
            r#"{"code":"EMAIL_TAKEN","errors":[{"field":"email","code":"EMAIL_TAKEN"}]}"#,
            &deep,
            &huge,
        ];
        let retry_afters = [
            None,
            Some(""),
            Some("-1"),
            Some("1.5"),
            Some("99999999999999999999999"),
            Some("120"),
        ];
        for status in [
            0, 100, 200, 201, 204, 302, 400, 401, 403, 404, 409, 413, 415, 422, 429, 500, 502, 503,
            599, 999,
        ] {
            for body in &bodies {
                for retry_after in retry_afters {
                    let e = classify(status, "application/json", body, retry_after);
                    if let ApiError::Rejected { status: s, .. } = &e {
                        assert_eq!(*s, status);
                    }
                    if (500..600).contains(&status)
                        && !matches!(
                            e,
                            ApiError::Unauthorized { .. } | ApiError::RateLimited { .. }
                        )
                    {
                        assert!(e.outcome_unknown(), "{status} {body:.40}: {e:?}");
                    }
                    if (400..500).contains(&status) {
                        assert!(!e.outcome_unknown(), "{status} {body:.40}: {e:?}");
                    }
                    let _ = parse_success::<serde_json::Value>(status, "", body);
                }
            }
        }
    }

    #[test]
    fn success_bodies() {
        #[derive(serde::Deserialize, Debug)]
        #[serde(rename_all = "camelCase")]
        struct Created {
            customer_id: String,
        }
        let ok: Created = parse_success(
            201,
            "application/json",
            r#"{"success":true,"customerId":"c1"}"#,
        )
        .unwrap();
        assert_eq!(ok.customer_id, "c1");
        assert!(
            parse_success::<Created>(200, "", r#"{"success":false,"errorCode":"E1"}"#).is_err()
        );
        assert!(parse_success::<Created>(200, "text/html", "<html>").is_err());
        assert!(parse_success::<Created>(200, "", "{}").is_err());
        // A bare code of an ended session or a rate limit, even under 200: not a success, and not
        // an unknown outcome either.
        for body in [
            "SESSION_EXPIRED",
            " \"INVALID_IDENTITY\"\n",
            "PUBLIC_API_KEY_DOES_NOT_EXIST",
        ] {
            assert!(
                matches!(
                    parse_success::<Created>(200, "text/plain", body),
                    Err(ApiError::Unauthorized { .. })
                ),
                "{body}"
            );
        }
        assert!(matches!(
            parse_success::<Created>(200, "", "RATE_LIMIT_EXCEEDED"),
            Err(ApiError::RateLimited { .. })
        ));
        // Any other bare word is an answer we cannot read: the outcome is unknown.
        assert!(
            parse_success::<Created>(200, "", "DONE")
                .err()
                .is_some_and(|e| e.outcome_unknown())
        );
    }
}

//! The one API client: bearer token, timeout, `Idempotency-Key`, and every answer turned into
//! [`ApiError`] — problem+json, the older BizKitHub shapes, HTML, an empty body, a network failure.
//!
//! [`classify`] is pure (status, content type, body → error) so the mapping is tested natively and in the
//! browser; [`Client::call`] and [`Client::call_with`] take method, path and types from the contract's
//! [`Endpoint`] of the call, over [`Client::send`], the thin layer on gloo-net's fetch (the timeout is
//! an `AbortController` whose signal the request carries).

use std::cell::Cell;
use std::marker::PhantomData;
use std::rc::Rc;

use bizkit_contract::endpoint::{AnyEndpoint, Endpoint, NoBody};

use gloo_net::http::{Headers, Method, Request, RequestBuilder};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

/// Long enough for a slow office Wi-Fi, short enough that a hung server does not freeze the form.
pub const DEFAULT_TIMEOUT_MS: i32 = 15_000;
/// Answers larger than this are not read: no form answer is anywhere near it.
const MAX_BODY_BYTES: f64 = 2_000_000.0;

mod answer;

pub use answer::*;

/// A request body of type `Req`, serialised once: the form compares it with the last one sent to
/// reuse the `Idempotency-Key`, and a retry sends the very same bytes.
pub struct Body<Req> {
    json: String,
    types: PhantomData<fn(Req)>,
}

impl<Req: Serialize> Body<Req> {
    pub fn new(request: &Req) -> Self {
        Self {
            // The contract's request types are plain structs of strings and lists: serialising
            // them cannot fail, and an empty body would only be refused by the server.
            json: serde_json::to_string(request).unwrap_or_default(),
            types: PhantomData,
        }
    }
}

impl<Req> Body<Req> {
    pub fn json(&self) -> &str {
        &self.json
    }
}

// Derived impls would demand `Req: Clone` and so on; a body is its text whatever `Req` is.
impl<Req> Clone for Body<Req> {
    fn clone(&self) -> Self {
        Self {
            json: self.json.clone(),
            types: PhantomData,
        }
    }
}

// Not the text: a sign-in body holds a password.
impl<Req> std::fmt::Debug for Body<Req> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Body({} bytes)", self.json.len())
    }
}

/// One call's options.
#[derive(Clone, Debug, Default)]
pub struct Call {
    pub idempotency_key: Option<String>,
    pub timeout_ms: Option<i32>,
}

/// A successful answer with the headers forms care about.
pub struct Answer<T> {
    pub status: u16,
    pub location: Option<String>,
    pub body: T,
}

impl Answer<Value> {
    /// The answer's JSON as the call's answer type: the one generic step of every call.
    fn decoded<T: DeserializeOwned>(self) -> Result<Answer<T>, ApiError> {
        Ok(Answer {
            status: self.status,
            location: self.location,
            body: decode(self.status, self.body)?,
        })
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Client {
    pub base: String,
    pub token: Option<String>,
    /// The timeout of a call that sets none in its [`Call`].
    pub timeout_ms: i32,
}

impl Client {
    pub fn new(base: &str, token: Option<String>) -> Self {
        Self {
            base: base.trim_end_matches('/').to_owned(),
            token,
            timeout_ms: DEFAULT_TIMEOUT_MS,
        }
    }

    /// The timeout from `config.json` (`requestTimeoutMs`), where one is set.
    pub fn with_timeout(mut self, timeout_ms: Option<u32>) -> Self {
        if let Some(ms) = timeout_ms.and_then(|ms| i32::try_from(ms).ok()) {
            self.timeout_ms = ms;
        }
        self
    }

    /// A call without a body (`GET`, `DELETE`): method and path from `endpoint`, its `{…}`
    /// parameters filled from `params` in order.
    pub async fn call<Ans: DeserializeOwned>(
        &self,
        endpoint: &Endpoint<NoBody, Ans>,
        params: &[&str],
    ) -> Result<Ans, ApiError> {
        self.send_json(endpoint.erased(), params, None, Call::default())
            .await?
            .decoded()
            .map(|a| a.body)
    }

    /// A call with a body. The `Idempotency-Key` of `call` goes along only where the endpoint
    /// says a retry must carry one.
    pub async fn call_with<Req, Ans: DeserializeOwned>(
        &self,
        endpoint: &Endpoint<Req, Ans>,
        params: &[&str],
        body: &Body<Req>,
        call: Call,
    ) -> Result<Answer<Ans>, ApiError> {
        self.send_json(endpoint.erased(), params, Some(body.json.clone()), call)
            .await?
            .decoded()
    }

    /// A call with a JSON body whose answer stays JSON, for the form shell: one copy in the wasm
    /// for every form. `decodes` says whether the answer has the call's shape (see [`decodes`]);
    /// one that does not is a server fault, as in [`Client::call_with`].
    pub async fn call_json(
        &self,
        endpoint: AnyEndpoint,
        params: &[&str],
        body: String,
        call: Call,
        decodes: fn(&Value) -> bool,
    ) -> Result<Answer<Value>, ApiError> {
        let answer = self.send_json(endpoint, params, Some(body), call).await?;
        if decodes(&answer.body) {
            Ok(answer)
        } else {
            Err(ApiError::Server {
                status: answer.status,
                message: None,
            })
        }
    }

    /// The untyped core of [`Client::call`] and [`Client::call_with`]: one copy in the wasm for
    /// every endpoint, the answer as JSON for the typed shim to decode.
    async fn send_json(
        &self,
        endpoint: AnyEndpoint,
        params: &[&str],
        body: Option<String>,
        call: Call,
    ) -> Result<Answer<Value>, ApiError> {
        let call = for_endpoint(endpoint, call);
        self.send_value(
            endpoint.method.as_str(),
            &endpoint.path_with(params),
            body,
            call,
        )
        .await
    }

    /// The raw call under [`Client::call`] and [`Client::call_with`], for a URL no [`Endpoint`]
    /// describes (a test's blob URL).
    pub async fn send<T: DeserializeOwned>(
        &self,
        method: &str,
        path: &str,
        body: Option<String>,
        call: Call,
    ) -> Result<Answer<T>, ApiError> {
        self.send_value(method, path, body, call).await?.decoded()
    }

    async fn send_value(
        &self,
        method: &str,
        path: &str,
        body: Option<String>,
        call: Call,
    ) -> Result<Answer<Value>, ApiError> {
        let raw = fetch_raw(
            &format!("{}{}", self.base, path),
            method,
            body.as_deref(),
            self.token.as_deref(),
            call.idempotency_key.as_deref(),
            call.timeout_ms.unwrap_or(self.timeout_ms),
        )
        .await?;
        if (200..300).contains(&raw.status) {
            let body = success_value(raw.status, &raw.content_type, &raw.body)?;
            Ok(Answer {
                status: raw.status,
                location: raw.location,
                body,
            })
        } else {
            Err(classify(
                raw.status,
                &raw.content_type,
                &raw.body,
                raw.retry_after.as_deref(),
            ))
        }
    }
}

/// The call's options as `endpoint` allows them: its `Idempotency-Key` only where a retry of the
/// endpoint must carry one (elsewhere the server would keep an answer nobody replays).
fn for_endpoint(endpoint: AnyEndpoint, mut call: Call) -> Call {
    if !endpoint.idempotent {
        call.idempotency_key = None;
    }
    call
}

struct RawAnswer {
    status: u16,
    content_type: String,
    location: Option<String>,
    retry_after: Option<String>,
    body: String,
}

/// Fetches a same-origin text file (such as `config.json`); `None` on any failure.
pub async fn fetch_text(url: &str) -> Option<String> {
    let raw = fetch_raw(url, "GET", None, None, None, DEFAULT_TIMEOUT_MS)
        .await
        .ok()?;
    (200..300).contains(&raw.status).then_some(raw.body)
}

async fn fetch_raw(
    url: &str,
    method: &str,
    body: Option<&str>,
    token: Option<&str>,
    idempotency_key: Option<&str>,
    timeout_ms: i32,
) -> Result<RawAnswer, ApiError> {
    let window = web_sys::window().ok_or(ApiError::Network)?;
    // The methods the contract's endpoints use, as constants: `Method::from_bytes` would bring the
    // http crate's parser for extension methods into the wasm for nothing.
    let method = match method {
        "GET" => Method::GET,
        "POST" => Method::POST,
        "DELETE" => Method::DELETE,
        "PUT" => Method::PUT,
        "PATCH" => Method::PATCH,
        _ => return Err(ApiError::Network),
    };
    let controller = web_sys::AbortController::new().map_err(|_| ApiError::Network)?;
    // The headers are set here, not with gloo-net's `RequestBuilder::header`: that one throws on a
    // value the browser refuses (a pasted token with a line break in it), where this is a failed call.
    let headers = web_sys::Headers::new().map_err(|_| ApiError::Network)?;
    let set = |k: &str, v: &str| headers.set(k, v).map_err(|_| ApiError::Network);
    set("Accept", "application/json, application/problem+json")?;
    if let Some(t) = token {
        set("Authorization", &format!("Bearer {t}"))?;
    }
    if let Some(k) = idempotency_key {
        set("Idempotency-Key", k)?;
    }
    if body.is_some() {
        set("Content-Type", "application/json")?;
    }
    let signal = controller.signal();
    let builder = RequestBuilder::new(url)
        .method(method)
        .headers(Headers::from_raw(headers))
        .abort_signal(Some(&signal));
    let request = match body {
        Some(b) => builder.body(b),
        None => builder.build(),
    }
    .map_err(|_| ApiError::Network)?;

    let timed_out = Rc::new(Cell::new(false));
    let on_timeout = {
        let timed_out = timed_out.clone();
        let controller = controller.clone();
        Closure::<dyn FnMut()>::new(move || {
            timed_out.set(true);
            controller.abort();
        })
    };
    let timer = window
        .set_timeout_with_callback_and_timeout_and_arguments_0(
            on_timeout.as_ref().unchecked_ref(),
            timeout_ms,
        )
        .ok();
    let outcome = read(request, &controller).await;
    if let Some(t) = timer {
        window.clear_timeout_with_handle(t);
    }
    drop(on_timeout);
    outcome.map_err(|e| {
        if timed_out.get() {
            ApiError::Timeout
        } else {
            e
        }
    })
}

async fn read(
    request: Request,
    controller: &web_sys::AbortController,
) -> Result<RawAnswer, ApiError> {
    let resp = request.send().await.map_err(|_| ApiError::Network)?;
    let h = resp.headers();
    let status = resp.status();
    let too_big = h
        .get("content-length")
        .and_then(|l| l.trim().parse::<f64>().ok())
        .is_some_and(|l| l > MAX_BODY_BYTES);
    let body = if too_big {
        controller.abort();
        String::new()
    } else {
        // Read once only: gloo-net's `text` panics on a body already read.
        resp.text().await.map_err(|_| ApiError::Network)?
    };
    Ok(RawAnswer {
        status,
        content_type: h.get("content-type").unwrap_or_default(),
        location: h.get("location"),
        retry_after: h.get("retry-after"),
        body,
    })
}

/// A fresh `Idempotency-Key`: one per submission, kept with the draft until the submission succeeded.
pub fn new_idempotency_key() -> String {
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .map(|c| c.random_uuid())
        .unwrap_or_else(|| format!("k-{}-{}", js_sys::Date::now(), js_sys::Math::random()))
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn the_key_goes_only_where_the_endpoint_asks_for_it() {
        use bizkit_contract::endpoint::{CONTACT_CREATE, MEMBER_INVITE, SESSION_DELETE};
        let keyed = || Call {
            idempotency_key: Some("k1".into()),
            timeout_ms: Some(5),
        };
        assert_eq!(
            for_endpoint(CONTACT_CREATE.erased(), keyed())
                .idempotency_key
                .as_deref(),
            Some("k1")
        );
        assert_eq!(
            for_endpoint(MEMBER_INVITE.erased(), keyed())
                .idempotency_key
                .as_deref(),
            Some("k1")
        );
        let call = for_endpoint(SESSION_DELETE.erased(), keyed());
        assert_eq!(call.idempotency_key, None);
        assert_eq!(call.timeout_ms, Some(5));
        assert_eq!(
            for_endpoint(CONTACT_CREATE.erased(), Call::default()).idempotency_key,
            None
        );
    }

    #[test]
    fn a_body_is_its_request_serialised_once() {
        let body = Body::new(&bizkit_contract::AuthenticateRequest {
            email: Some("a@b.cz".into()),
            password: Some("secret".into()),
        });
        assert_eq!(body.json(), r#"{"email":"a@b.cz","password":"secret"}"#);
        assert_eq!(body.clone().json(), body.json());
        // Debug output goes to logs: never the password.
        assert!(!format!("{body:?}").contains("secret"));
    }
}

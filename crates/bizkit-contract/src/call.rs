//! What an [`Endpoint`] is; the endpoints themselves live with their calls in `api`, and
//! `endpoint` lists them. Apart from both, so that a call's module can name its endpoint
//! without the list and the calls importing each other.

use core::marker::PhantomData;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Method {
    Get,
    Post,
    Delete,
}

impl Method {
    pub const fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Delete => "DELETE",
        }
    }
}

/// A call that sends no body (a `GET` or a `DELETE`), or answers nothing worth reading: whatever
/// such an answer holds reads as `NoBody`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct NoBody;

impl<'de> serde::Deserialize<'de> for NoBody {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_ignored_any(serde::de::IgnoredAny)?;
        Ok(NoBody)
    }
}

/// A call: its method, its path template (`{name}` marks a parameter, as in axum and OpenAPI), the type of
/// its request body and of its successful answer. `Req` and `Ans` only tie the types to the path; an
/// `Endpoint` holds no data of them.
pub struct Endpoint<Req, Ans> {
    pub method: Method,
    pub path: &'static str,
    /// Whether a retry of this call must carry the same `Idempotency-Key` (every `POST` that creates or
    /// changes something).
    pub idempotent: bool,
    types: PhantomData<fn(Req) -> Ans>,
}

// Derived impls would demand `Req: Clone` and `Ans: Clone`; an endpoint is a pair of constants whatever they are.
impl<Req, Ans> Clone for Endpoint<Req, Ans> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<Req, Ans> Copy for Endpoint<Req, Ans> {}

impl<Req, Ans> core::fmt::Debug for Endpoint<Req, Ans> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "{} {}", self.method.as_str(), self.path)
    }
}

impl<Req, Ans> Endpoint<Req, Ans> {
    pub(crate) const fn new(method: Method, path: &'static str) -> Self {
        Self {
            method,
            path,
            idempotent: matches!(method, Method::Post),
            types: PhantomData,
        }
    }

    /// The path with its parameters filled in, in the order they appear, each percent-encoded as one
    /// path segment. A missing parameter leaves the segment empty, which no route matches (a 404, not a
    /// call to another resource).
    pub fn path_with(&self, params: &[&str]) -> String {
        // One body for every endpoint: a generic one would be copied into the wasm per answer type.
        fill_path(self.path, params)
    }

    /// This endpoint without its types, for lists of every endpoint.
    pub const fn erased(&self) -> AnyEndpoint {
        AnyEndpoint {
            method: self.method,
            path: self.path,
            idempotent: self.idempotent,
        }
    }
}

impl AnyEndpoint {
    /// The path with its parameters filled in, as [`Endpoint::path_with`] fills it.
    pub fn path_with(&self, params: &[&str]) -> String {
        fill_path(self.path, params)
    }
}

fn fill_path(path: &str, params: &[&str]) -> String {
    let mut out = String::with_capacity(path.len() + 16);
    let mut rest = path;
    let mut params = params.iter();
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('}') else {
            break;
        };
        if let Some(value) = params.next() {
            encode_segment(value, &mut out);
        }
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    out
}

fn encode_segment(value: &str, out: &mut String) {
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 15)]));
        }
    }
}

const HEX: &[u8; 16] = b"0123456789ABCDEF";

/// An [`Endpoint`] without its types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct AnyEndpoint {
    pub method: Method,
    pub path: &'static str,
    pub idempotent: bool,
}

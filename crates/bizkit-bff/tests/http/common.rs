//! A real server on loopback with a real SQLite file in a temporary folder.

use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::Duration;

use bizkit_bff::auth::PasswordCost;
use bizkit_bff::demo::{self, DemoCredentials};
use bizkit_bff::limits::LoginLimiter;
use bizkit_bff::{AppState, Config, app};
use reqwest::header::{HeaderMap, HeaderValue};
use reqwest::{Method, StatusCode};
use serde_json::Value;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

pub struct Server {
    pub base: String,
    pub creds: Option<DemoCredentials>,
    pub client: reqwest::Client,
    /// The server's limiter, to read how many password checks it let through.
    pub limiter: Arc<LoginLimiter>,
    pub data_dir: PathBuf,
    shutdown: Option<oneshot::Sender<()>>,
    handle: Option<JoinHandle<()>>,
    _dir: Option<tempfile::TempDir>,
}

pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Value,
    pub text: String,
}

impl Reply {
    /// The codes of the problem's field errors, as `field:CODE`.
    pub fn field_codes(&self) -> Vec<String> {
        self.body["errors"]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|e| {
                        format!(
                            "{}:{}",
                            e["field"].as_str().unwrap_or(""),
                            e["code"].as_str().unwrap_or("")
                        )
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Asserts that the problem lists each of these `field:CODE`s (among any others).
    pub fn assert_field_codes_include(&self, expected: &[&str]) {
        let codes = self.field_codes();
        for code in expected {
            assert!(codes.iter().any(|c| c == code), "{code} not in {codes:?}");
        }
    }

    /// Asserts that some field error has a code ending in `code` (whichever field names it).
    pub fn assert_some_field_code_ends_with(&self, code: &str) {
        assert!(
            self.field_codes().iter().any(|c| c.ends_with(code)),
            "{}",
            self.text
        );
    }

    pub fn code(&self) -> &str {
        self.body["code"].as_str().unwrap_or("")
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    pub fn assert_problem(&self, status: u16, code: &str) {
        assert_eq!(self.status.as_u16(), status, "status of {}", self.text);
        assert_eq!(
            self.header("content-type"),
            Some("application/problem+json"),
            "content type of {}",
            self.text
        );
        assert_eq!(self.code(), code, "code of {}", self.text);
        assert_eq!(self.body["status"].as_u64(), Some(u64::from(status)));
        assert_eq!(self.body["type"], "about:blank");
    }
}

pub fn config(dir: &Path) -> Config {
    let mut config = Config::new(dir);
    config.password_cost = PasswordCost::Fast;
    config.demo = true;
    config
}

pub async fn start() -> Server {
    start_with(|_| {}).await
}

/// A server and the token of its signed-in administrator.
pub async fn start_admin() -> (Server, String) {
    let s = start().await;
    let token = s.admin().await;
    (s, token)
}

/// A server and the token of its signed-in demo customer.
pub async fn start_customer() -> (Server, String) {
    let s = start().await;
    let token = s.customer().await;
    (s, token)
}

pub async fn start_with(adjust: impl FnOnce(&mut Config)) -> Server {
    let dir = tempfile::tempdir().unwrap();
    let mut cfg = config(dir.path());
    adjust(&mut cfg);
    let mut server = start_config(cfg).await;
    server._dir = Some(dir);
    server
}

pub async fn start_config(cfg: Config) -> Server {
    let data_dir = cfg.data_dir.clone();
    let state = tokio::task::spawn_blocking(move || AppState::new(cfg))
        .await
        .unwrap()
        .unwrap();
    let creds = state.first_start.as_deref().cloned();
    let limiter = Arc::clone(&state.limiter);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    state.hosts.listening_on(addr);
    let (tx, rx) = oneshot::channel::<()>();
    let handle = tokio::spawn(async move {
        // With connect info, as main.rs serves: the sign-in limits count per client address.
        axum::serve(
            listener,
            app(state).into_make_service_with_connect_info::<SocketAddr>(),
        )
        .with_graceful_shutdown(async {
            let _ = rx.await;
        })
        .await
        .unwrap();
    });
    Server {
        base: format!("http://{addr}"),
        creds,
        client: reqwest::Client::builder()
            .timeout(Duration::from_secs(30))
            .build()
            .unwrap(),
        limiter,
        data_dir,
        shutdown: Some(tx),
        handle: Some(handle),
        _dir: None,
    }
}

/// The server binary on a free loopback port with its data in `data` and `args` after; the
/// variable `var` is `value`, or unset without one (so the tester's own does not leak in).
pub fn binary(args: &[&str], var: &str, value: Option<&str>, data: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_bizkit-bff"));
    cmd.args(["--addr", "127.0.0.1:0", "--data-dir"])
        .arg(data)
        .args(args)
        .env("RUST_LOG", "warn")
        .env_remove(var)
        .stdin(Stdio::null());
    if let Some(value) = value {
        cmd.env(var, value);
    }
    cmd
}

/// Starts the binary with a wrong setting, which must stop it before it writes anything; hands
/// back what it said.
pub fn refused_start(args: &[&str], var: &str, value: Option<&str>) -> String {
    let data = tempfile::tempdir().unwrap();
    let out = binary(args, var, value, data.path()).output().unwrap();
    assert!(!out.status.success(), "{args:?} {value:?} started");
    assert!(
        !data.path().join("bizkit.sqlite3").exists(),
        "nothing is written before the configuration is checked"
    );
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// [`refused_start`] for each of these arguments and values of `var`, each of which must say
/// one of `says` (naming the setting it refused).
pub fn assert_refused_starts(cases: &[(Vec<&str>, Option<&str>)], var: &str, says: &[&str]) {
    for (args, value) in cases {
        let stderr = refused_start(args, var, *value);
        assert!(says.iter().any(|s| stderr.contains(s)), "{stderr}");
    }
}

/// A client whose connections come from `ip` (another loopback address, say): another client
/// address, as far as the server's limits can tell.
/// A header map of these names and values.
pub fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
    let mut h = HeaderMap::new();
    for (name, value) in pairs {
        h.insert(*name, HeaderValue::from_static(value));
    }
    h
}

/// Asserts that `a` holds nothing `b` does not, naming what it holds besides as `what`.
pub fn assert_nothing_besides<T: Ord + std::fmt::Debug>(
    a: &std::collections::BTreeSet<T>,
    b: &std::collections::BTreeSet<T>,
    what: &str,
) {
    let besides: Vec<_> = a.difference(b).collect();
    assert!(besides.is_empty(), "{what}: {besides:?}");
}

pub fn client_from(ip: &str) -> reqwest::Client {
    reqwest::Client::builder()
        .local_address(ip.parse::<IpAddr>().ok())
        .timeout(Duration::from_secs(30))
        .build()
        .unwrap()
}

impl Server {
    /// Stops the server and hands back its data folder (kept alive by the returned guard).
    pub async fn stop(mut self) -> Option<tempfile::TempDir> {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(h) = self.handle.take() {
            h.await.unwrap();
        }
        self._dir.take()
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub fn api_key(&self) -> String {
        self.creds.as_ref().unwrap().api_key.clone()
    }

    pub fn other_api_key(&self) -> String {
        self.creds.as_ref().unwrap().other_api_key.clone()
    }

    pub async fn login(&self, email: &str, password: &str) -> String {
        let r = self
            .send(
                Method::POST,
                "/api/v1/authenticate",
                None,
                Some(serde_json::json!({"email": email, "password": password})),
            )
            .await;
        assert_eq!(r.status, 200, "login: {}", r.text);
        r.body["auth_token"].as_str().unwrap().to_owned()
    }

    pub async fn admin(&self) -> String {
        self.login(demo::ADMIN_EMAIL, demo::ADMIN_PASSWORD).await
    }

    pub async fn customer(&self) -> String {
        self.login(demo::CUSTOMER_EMAIL, demo::CUSTOMER_PASSWORD)
            .await
    }

    pub async fn other_admin(&self) -> String {
        self.login(demo::OTHER_ADMIN_EMAIL, demo::OTHER_ADMIN_PASSWORD)
            .await
    }

    pub async fn get(&self, path: &str, token: Option<&str>) -> Reply {
        self.send(Method::GET, path, token, None).await
    }

    pub async fn post(&self, path: &str, token: Option<&str>, body: Value) -> Reply {
        self.send(Method::POST, path, token, Some(body)).await
    }

    pub async fn send(
        &self,
        method: Method,
        path: &str,
        token: Option<&str>,
        body: Option<Value>,
    ) -> Reply {
        let mut headers = HeaderMap::new();
        if let Some(body) = &body {
            headers.insert("content-type", HeaderValue::from_static("application/json"));
            return self
                .raw(
                    method,
                    path,
                    token,
                    headers,
                    serde_json::to_vec(body).unwrap(),
                )
                .await;
        }
        self.raw(method, path, token, headers, Vec::new()).await
    }

    pub async fn raw(
        &self,
        method: Method,
        path: &str,
        token: Option<&str>,
        headers: HeaderMap,
        body: Vec<u8>,
    ) -> Reply {
        let mut req = self.client.request(method, self.url(path)).headers(headers);
        if let Some(token) = token {
            req = req.bearer_auth(token);
        }
        if !body.is_empty() {
            req = req.body(body);
        }
        let response = req.send().await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let text = response.text().await.unwrap();
        let body = serde_json::from_str(&text).unwrap_or(Value::Null);
        Reply {
            status,
            headers,
            body,
            text,
        }
    }

    /// Sends `body` as it stands, with this content type and idempotency key if any.
    pub async fn send_bytes(
        &self,
        method: Method,
        path: &str,
        token: Option<&str>,
        content_type: Option<&'static str>,
        key: Option<&'static str>,
        body: Vec<u8>,
    ) -> Reply {
        let mut headers = HeaderMap::new();
        if let Some(content_type) = content_type {
            headers.insert("content-type", HeaderValue::from_static(content_type));
        }
        if let Some(key) = key {
            headers.insert("idempotency-key", HeaderValue::from_static(key));
        }
        self.raw(method, path, token, headers, body).await
    }

    /// Signs in with these words, whatever the answer.
    pub async fn authenticate(&self, email: &str, password: &str) -> Reply {
        self.post(
            "/api/v1/authenticate",
            None,
            serde_json::json!({"email": email, "password": password}),
        )
        .await
    }

    /// Creates a contact of the caller's organisation through the admin BFF.
    pub async fn create_contact(&self, token: &str, body: Value) -> Reply {
        self.post("/bff/contact/create", Some(token), body).await
    }

    /// [`Server::create_contact`] with an idempotency key.
    pub async fn create_contact_with_key(&self, token: &str, key: &str, body: Value) -> Reply {
        self.post_with_key("/bff/contact/create", token, key, body)
            .await
    }

    /// Reads a contact of the caller's organisation through the admin BFF.
    pub async fn contact(&self, token: &str, id: &str) -> Reply {
        self.get(&format!("/bff/contact/{id}"), Some(token)).await
    }

    /// Creates a contact, which must answer 201, and reads it back.
    pub async fn created_contact(&self, token: &str, body: Value) -> Value {
        let r = self.create_contact(token, body).await;
        assert_eq!(r.status, 201, "{}", r.text);
        let id = r.body["customerId"].as_str().unwrap();
        self.contact(token, id).await.body
    }

    /// Creates a contact of this IČO, named by `who` (`("email", …)` or `("phone", …)`), which
    /// must answer 201, and reads it back.
    pub async fn created_with_ico(&self, token: &str, who: (&str, &str), ico: &str) -> Value {
        let (key, value) = who;
        let body = serde_json::json!({key: value, "companyRegistrationNumber": ico});
        self.created_contact(token, body).await
    }

    /// Creates a contact, which must answer 201, and hands back its id.
    pub async fn created_id(&self, token: &str, body: Value) -> String {
        let r = self.create_contact(token, body).await;
        assert_eq!(r.status, 201, "{}", r.text);
        r.body["customerId"].as_str().unwrap().to_owned()
    }

    /// Whether the caller's organisation has a customer group of this slug.
    pub async fn has_group(&self, token: &str, slug: &str) -> bool {
        let groups = self.get("/bff/customer-group/list", Some(token)).await;
        groups
            .body
            .as_array()
            .unwrap()
            .iter()
            .any(|g| g["slug"] == slug)
    }

    /// Invites a member to the caller's organisation.
    pub async fn invite(&self, token: &str, body: Value) -> Reply {
        self.post("/bff/member/invite-email", Some(token), body)
            .await
    }

    /// Overwrites a customer's profile.
    pub async fn update_profile(&self, token: &str, body: Value) -> Reply {
        self.post("/api/v1/customer/update-profile", Some(token), body)
            .await
    }

    /// Adds groups to a customer.
    pub async fn add_groups(&self, token: &str, body: Value) -> Reply {
        self.post("/api/v1/customer/add-groups", Some(token), body)
            .await
    }

    /// Adds these groups to the customer whom `who` names: `("email", …)` or `("cuRefNo", …)`.
    pub async fn add_groups_to(&self, token: &str, who: (&str, &str), groups: &[&str]) -> Reply {
        let (key, value) = who;
        self.add_groups(token, serde_json::json!({key: value, "groups": groups}))
            .await
    }

    /// Creates a contact of an organisation through the peer API; `path` is what follows
    /// `/api/v1/organizations/`.
    pub async fn create_org_contact(&self, token: &str, path: &str, body: Value) -> Reply {
        self.post(&format!("/api/v1/organizations/{path}"), Some(token), body)
            .await
    }

    /// Reads from the peer API: `path` is what follows `/api/v1/organizations/`.
    pub async fn org_get(&self, token: &str, path: &str) -> Reply {
        self.get(&format!("/api/v1/organizations/{path}"), Some(token))
            .await
    }

    pub async fn post_with_key(&self, path: &str, token: &str, key: &str, body: Value) -> Reply {
        let mut headers = HeaderMap::new();
        headers.insert("content-type", HeaderValue::from_static("application/json"));
        headers.insert("idempotency-key", HeaderValue::from_str(key).unwrap());
        self.raw(
            Method::POST,
            path,
            Some(token),
            headers,
            serde_json::to_vec(&body).unwrap(),
        )
        .await
    }
}

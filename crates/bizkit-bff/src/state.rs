//! Configuration and the shared state of all handlers, assembled here from its parts. The parts
//! (the database, the session times, the host check, …) never import this module: a middleware
//! or extractor asks for its own part (`State<Db>`, `State<Arc<HostCheck>>`), which the
//! [`FromRef`] impls below take out of [`AppState`].

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::FromRef;

use crate::ares::Ares;
use crate::auth::{PasswordCost, dummy_hash};
use crate::client_ip::TrustedProxies;
use crate::cors::AllowedOrigins;
use crate::db::Db;
use crate::demo::{self, DemoCredentials};
use crate::hosts::HostCheck;
use crate::idempotency;
use crate::limits::{LoginLimiter, SignInLimits};
use crate::lookup::LookupLimiter;
use crate::sessions::{DEFAULT_SESSION_IDLE, DEFAULT_TOKEN_TTL, SessionTimes};
use crate::store;
use crate::web::Site;

pub const DEFAULT_ARES_TIMEOUT: Duration = Duration::from_secs(5);

#[derive(Clone, Debug)]
pub struct Config {
    pub data_dir: PathBuf,
    pub dist: Option<PathBuf>,
    /// Base URL of ARES (`https://ares.gov.cz`); `None` answers from the shipped records.
    pub ares_url: Option<String>,
    pub ares_timeout: Duration,
    pub token_ttl: Duration,
    /// A session unused this long ends; zero: sessions never idle out.
    pub session_idle: Duration,
    pub sign_in_limits: SignInLimits,
    /// Cost of the demo users' password hashes created on first start.
    pub password_cost: PasswordCost,
    /// Create the demo organisations and sign-ins in an empty data folder (`--demo`).
    pub demo: bool,
    /// Origins besides its own whose pages may call the API (`--allowed-origin`).
    pub allowed_origins: Vec<String>,
    /// Host names besides its own the server answers to (`--public-host`).
    pub public_hosts: Vec<String>,
    /// Reverse proxies whose `X-Forwarded-For` names the client (`--trusted-proxy`).
    pub trusted_proxies: Vec<String>,
}

impl Config {
    pub fn new(data_dir: impl Into<PathBuf>) -> Config {
        Config {
            data_dir: data_dir.into(),
            dist: None,
            ares_url: None,
            ares_timeout: DEFAULT_ARES_TIMEOUT,
            token_ttl: DEFAULT_TOKEN_TTL,
            session_idle: DEFAULT_SESSION_IDLE,
            sign_in_limits: SignInLimits::default(),
            password_cost: PasswordCost::Default,
            demo: false,
            allowed_origins: Vec::new(),
            public_hosts: Vec::new(),
            trusted_proxies: Vec::new(),
        }
    }
}

#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub ares: Arc<Ares>,
    /// The app's files and their CSP.
    pub site: Site,
    pub session_times: SessionTimes,
    pub limiter: Arc<LoginLimiter>,
    pub dummy_hash: Arc<str>,
    /// Set when this start created the demo data: the credentials to print once.
    pub first_start: Option<Arc<DemoCredentials>>,
    /// The database holds the demo sign-ins (from this start or an earlier one).
    pub demo_data: bool,
    pub allowed_origins: Arc<AllowedOrigins>,
    /// ARES look-ups per token on `/api/v1/ares/{ico}`.
    pub lookups: Arc<LookupLimiter>,
    /// The names the server answers to. Set the listening address with
    /// [`HostCheck::listening_on`] once bound: until then every request gets 421.
    pub hosts: Arc<HostCheck>,
    pub trusted_proxies: Arc<TrustedProxies>,
}

impl AppState {
    /// Opens the data folder (creating it, the database and the demo data when empty).
    /// Blocking: call it before serving, or from `spawn_blocking`.
    pub fn new(config: Config) -> anyhow::Result<AppState> {
        // Before anything is written: a mistyped origin stops the start with its reason.
        let allowed_origins = Arc::new(AllowedOrigins::new(&config.allowed_origins)?);
        let hosts = Arc::new(HostCheck::new(&config.public_hosts)?);
        let trusted_proxies = Arc::new(TrustedProxies::new(&config.trusted_proxies)?);
        std::fs::create_dir_all(&config.data_dir)?;
        let db = Db::open(&config.data_dir.join("bizkit.sqlite3"), store::SCHEMA)?;
        let first_start =
            demo::create_if_empty(&db, config.password_cost, config.demo)?.map(Arc::new);
        let demo_data = demo::present(&db)?;
        db.write_blocking(|tx| Ok(idempotency::purge_stale(tx)?))?;
        let ares = match &config.ares_url {
            Some(url) if !url.trim().is_empty() => Ares::http(url.trim(), config.ares_timeout)?,
            _ => Ares::offline()?,
        };
        Ok(AppState {
            db,
            ares: Arc::new(ares),
            site: Site::new(config.dist.as_deref()),
            session_times: SessionTimes {
                token_ttl: config.token_ttl,
                idle: config.session_idle,
            },
            limiter: Arc::new(LoginLimiter::new(config.sign_in_limits)),
            dummy_hash: dummy_hash(config.password_cost).into(),
            first_start,
            demo_data,
            allowed_origins,
            lookups: Arc::new(LookupLimiter::default()),
            hosts,
            trusted_proxies,
        })
    }
}

impl FromRef<AppState> for Db {
    fn from_ref(state: &AppState) -> Db {
        state.db.clone()
    }
}

impl FromRef<AppState> for SessionTimes {
    fn from_ref(state: &AppState) -> SessionTimes {
        state.session_times
    }
}

impl FromRef<AppState> for Site {
    fn from_ref(state: &AppState) -> Site {
        state.site.clone()
    }
}

impl FromRef<AppState> for Arc<HostCheck> {
    fn from_ref(state: &AppState) -> Arc<HostCheck> {
        state.hosts.clone()
    }
}

impl FromRef<AppState> for Arc<TrustedProxies> {
    fn from_ref(state: &AppState) -> Arc<TrustedProxies> {
        state.trusted_proxies.clone()
    }
}

//! The session: who is signed in, with which token and organisation.
//!
//! The token lives in memory, mirrored to `sessionStorage` so a reload in the same tab keeps the
//! session — never in `localStorage`, a draft, a log line or a URL. A token handed over in the URL
//! fragment (`#token=…`) is taken and removed from the address bar at once.

use bizkit_contract::OrgRules;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::api::{ApiError, Call, Client};
use crate::config::Config;
use crate::storage;

const SESSION_KEY: &str = "bizkit.session";

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Admin,
    Customer,
}

impl Role {
    /// Anything we do not recognise gets the least the app offers.
    fn from_wire(s: &str) -> Role {
        if s.eq_ignore_ascii_case("admin") {
            Role::Admin
        } else {
            Role::Customer
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Organisation {
    #[serde(default)]
    pub id: u64,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub default_country: String,
    #[serde(default)]
    pub phone_prefix: String,
    #[serde(default)]
    pub locales: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SessionInfo {
    pub token: String,
    pub role: Role,
    pub email: String,
    /// `None` where the backend has no `GET /api/v1/session`: the demo organisation's rules apply.
    pub organisation: Option<Organisation>,
}

#[derive(Deserialize)]
struct AuthAnswer {
    auth_token: String,
    #[serde(default)]
    role: String,
}

#[derive(Deserialize)]
struct SessionAnswer {
    #[serde(default)]
    role: String,
    #[serde(default)]
    email: String,
    organisation: Option<Organisation>,
}

#[derive(Serialize)]
struct Credentials<'a> {
    email: &'a str,
    password: &'a str,
}

#[derive(Clone, Copy)]
pub struct Session {
    pub info: RwSignal<Option<SessionInfo>>,
    /// Set when a call was refused for an expired token: the sign-in dialog opens in place.
    pub expired: RwSignal<bool>,
    /// A token from the URL fragment is being checked: guards wait instead of sending to sign-in.
    pub checking: RwSignal<bool>,
    base: StoredValue<String>,
    timeout_ms: StoredValue<Option<u32>>,
}

/// What the navigation and the guards depend on; changing only the token (a re-sign-in) keeps it equal,
/// so no page is rebuilt and no typed value is lost.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    SignedOut,
    Admin,
    Customer,
}

impl Session {
    fn new(config: &Config, stored: Option<SessionInfo>) -> Session {
        Session {
            info: RwSignal::new(stored),
            expired: RwSignal::new(false),
            checking: RwSignal::new(false),
            base: StoredValue::new(config.api_base_url.clone()),
            timeout_ms: StoredValue::new(config.request_timeout_ms),
        }
    }

    /// A session in memory only, for the widget on someone else's page: nothing is read from or
    /// written to that page's storage, and its address is left alone (the loader hands the token
    /// over).
    pub fn in_memory(config: &Config) -> Session {
        let session = Session::new(config, None);
        provide_context(session);
        session
    }

    pub fn provide(config: &Config) -> Session {
        let stored = storage::session_get(SESSION_KEY)
            .and_then(|s| serde_json::from_str::<SessionInfo>(&s).ok());
        let session = Session::new(config, stored);
        Effect::new(move |_| match session.info.get() {
            Some(info) => {
                if let Ok(s) = serde_json::to_string(&info) {
                    storage::session_set(SESSION_KEY, &s);
                }
            }
            None => storage::session_remove(SESSION_KEY),
        });
        if let Some(token) = take_fragment_token() {
            session.checking.set(true);
            leptos::task::spawn_local(async move {
                let _ = session.use_token(&token).await;
                session.checking.try_set(false);
            });
        }
        provide_context(session);
        session
    }

    pub fn access(&self) -> Access {
        match self.info.with(|i| i.as_ref().map(|i| i.role)) {
            None => Access::SignedOut,
            Some(Role::Admin) => Access::Admin,
            Some(Role::Customer) => Access::Customer,
        }
    }

    pub fn client(&self) -> Client {
        self.client_with(
            self.info
                .with_untracked(|i| i.as_ref().map(|i| i.token.clone())),
        )
    }

    fn client_with(&self, token: Option<String>) -> Client {
        Client::new(&self.base.get_value(), token).with_timeout(self.timeout_ms.get_value())
    }

    /// Drafts and the like are kept per organisation and person.
    pub fn scope(&self) -> String {
        self.info.with_untracked(|i| match i {
            Some(i) => format!(
                "{}.{}",
                i.organisation.as_ref().map(|o| o.id).unwrap_or_default(),
                i.email.to_lowercase()
            ),
            None => "anonymous".to_owned(),
        })
    }

    /// The organisation's rules for the contract's `parse`; the demo organisation's where unknown.
    pub fn org_rules(&self) -> OrgRules {
        let mut rules = OrgRules::default();
        self.info.with_untracked(|i| {
            if let Some(org) = i.as_ref().and_then(|i| i.organisation.as_ref()) {
                if !org.phone_prefix.trim().is_empty() {
                    rules.phone_prefix = org.phone_prefix.clone();
                }
                if !org.locales.is_empty() {
                    rules.locales = org.locales.clone();
                }
            }
        });
        rules
    }

    pub async fn sign_in(&self, email: &str, password: &str) -> Result<Role, ApiError> {
        let client = self.client_with(None);
        let auth = client
            .post::<_, AuthAnswer>(
                "/api/v1/authenticate",
                &Credentials { email, password },
                Call::default(),
            )
            .await?
            .body;
        let fallback = SessionAnswer {
            role: auth.role,
            email: email.trim().to_owned(),
            organisation: None,
        };
        self.establish(auth.auth_token, Some(fallback)).await
    }

    /// Uses a pasted or handed-over token: the backend says whose it is.
    pub async fn use_token(&self, token: &str) -> Result<Role, ApiError> {
        let token = token.trim();
        if token.is_empty() {
            return Err(ApiError::Unauthorized { code: None });
        }
        self.establish(token.to_owned(), None).await
    }

    async fn establish(
        &self,
        token: String,
        fallback: Option<SessionAnswer>,
    ) -> Result<Role, ApiError> {
        let client = self.client_with(Some(token.clone()));
        let answer = match client.get::<SessionAnswer>("/api/v1/session").await {
            Ok(a) => a,
            // A backend without the session call: keep what sign-in told us, or assume an admin token
            // (the backend still refuses whatever the token may not do).
            Err(ApiError::NotFound { .. }) => fallback.unwrap_or(SessionAnswer {
                role: "admin".to_owned(),
                email: String::new(),
                organisation: None,
            }),
            Err(e) => return Err(e),
        };
        let role = Role::from_wire(&answer.role);
        self.info.try_set(Some(SessionInfo {
            token,
            role,
            email: answer.email,
            organisation: answer.organisation,
        }));
        self.expired.try_set(false);
        Ok(role)
    }

    pub fn sign_out(&self) {
        self.info.set(None);
        self.expired.set(false);
        storage::session_remove(SESSION_KEY);
    }
}

pub fn use_session() -> Option<Session> {
    use_context::<Session>()
}

/// Takes `#token=…` from the address and removes it from the address bar and history at once.
fn take_fragment_token() -> Option<String> {
    let window = web_sys::window()?;
    let location = window.location();
    let hash = location.hash().ok()?;
    let token = hash.strip_prefix("#token=")?.to_owned();
    let clean = format!(
        "{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&clean));
    }
    let token = js_sys::decode_uri_component(&token)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or(token);
    (!token.trim().is_empty()).then_some(token)
}

//! The session: who is signed in, with which token and organisation.
//!
//! The token lives in memory, mirrored to `sessionStorage` so a reload in the same tab keeps the
//! session — never in `localStorage`, a draft, a log line or a URL. A token handed over in the URL
//! fragment (`#token=…`) is taken and removed from the address bar at once; while someone else is
//! signed in, the person is asked before the app switches ([`Handover`]).
//!
//! A session ends on the server too: signing out calls `DELETE /api/v1/session` (and forgets the
//! token here whatever the answer). Signing out and a session that ended remove that person's drafts
//! from this browser.

use std::time::Duration;

pub use bizkit_contract::Role;
use bizkit_contract::endpoint::{AUTHENTICATE, SESSION_DELETE, SESSION_GET};
use bizkit_contract::{AuthenticateRequest, OrgRules, SessionOrganisation, SessionResponse};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::api::{ApiError, Body, Call, Client};
use crate::config::Config;
use crate::{draft, storage};

const SESSION_KEY: &str = "bizkit.session";

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SessionInfo {
    pub token: String,
    pub role: Role,
    pub email: String,
    /// `None` where the backend has no `GET /api/v1/session`: the demo organisation's rules apply.
    pub organisation: Option<SessionOrganisation>,
    /// When the session ends at the latest, in this browser's milliseconds since the epoch (from the
    /// server's `expiresInSecs`); `None` where the backend does not say.
    #[serde(default)]
    pub ends_at_ms: Option<f64>,
    /// The server ends the session after this long without a call (`idleTimeoutSecs`), in ms.
    #[serde(default)]
    pub idle_ms: Option<f64>,
}

/// The organisation of a session answer; `None` where the backend named none (all defaults): the
/// demo organisation's rules apply then.
fn known(organisation: SessionOrganisation) -> Option<SessionOrganisation> {
    (organisation != SessionOrganisation::default()).then_some(organisation)
}

/// A session handed over in the URL (`#token=…`) while someone else is signed in.
#[derive(Clone, Debug, PartialEq)]
pub enum Handover {
    /// A valid session of another person: the app switches only if the person says so.
    Offer(Box<HandoverOffer>),
    /// The handed-over token is not (or no longer) valid: the current session stays.
    Invalid,
}

#[derive(Clone, Debug, PartialEq)]
pub struct HandoverOffer {
    /// Whose session it is (empty where the backend cannot say).
    pub email: String,
    pub organisation: Option<String>,
    token: String,
    answer: Option<SessionResponse>,
}

#[derive(Clone, Copy)]
pub struct Session {
    pub info: RwSignal<Option<SessionInfo>>,
    /// Set when a call was refused for an expired token: the sign-in dialog opens in place.
    pub expired: RwSignal<bool>,
    /// A token from the URL fragment is being checked: guards wait instead of sending to sign-in.
    pub checking: RwSignal<bool>,
    /// A `#token=` hand-over waiting for the person's answer.
    pub handover: RwSignal<Option<Handover>>,
    base: StoredValue<String>,
    timeout_ms: StoredValue<Option<u32>>,
    /// When this tab last called the backend with the token (ms): the idle time runs from there.
    last_call_ms: StoredValue<f64>,
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
            handover: RwSignal::new(None),
            base: StoredValue::new(config.api_base_url.clone()),
            timeout_ms: StoredValue::new(config.request_timeout_ms),
            last_call_ms: StoredValue::new(js_sys::Date::now()),
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
        draft::set_max_age_days(config.draft_max_age_days);
        draft::sweep_stale();
        let session = Session::new(config, stored);
        draft::set_owner(session.owner());
        Effect::new(move |_| match session.info.get() {
            Some(info) => {
                if let Ok(s) = serde_json::to_string(&info) {
                    storage::session_set(SESSION_KEY, &s);
                }
                draft::set_owner(session.owner());
            }
            None => {
                storage::session_remove(SESSION_KEY);
                draft::set_owner(None);
            }
        });
        // The server says the session is over: what the person typed is kept in the open form for
        // the sign-in dialog, but not left in this browser's storage.
        Effect::new(move |_| {
            if session.expired.get() {
                session.forget_drafts();
            }
        });
        session.take_handed_over();
        // A hand-over link opened in a tab that shows the app already changes only the fragment.
        let listener = window_event_listener(leptos::ev::hashchange, move |_| {
            session.take_handed_over();
        });
        on_cleanup(move || listener.remove());
        provide_context(session);
        session
    }

    /// Takes a token handed over in the URL fragment: used at once when nobody is signed in, offered
    /// (and asked about) when someone is.
    fn take_handed_over(&self) {
        let Some(token) = take_fragment_token() else {
            return;
        };
        let session = *self;
        let current = self
            .info
            .with_untracked(|i| i.as_ref().map(|i| i.token.clone()));
        match current {
            // The session already in use, handed over again: nothing to do.
            Some(current) if current == token.trim() => {}
            // Someone is signed in: ask before switching.
            Some(_) => leptos::task::spawn_local(async move {
                session.offer_handover(token).await;
            }),
            None => {
                session.checking.set(true);
                leptos::task::spawn_local(async move {
                    let _ = session.use_token(&token).await;
                    session.checking.try_set(false);
                });
            }
        }
    }

    /// Whose drafts are being written: the person's scope, while signed in.
    fn owner(&self) -> Option<String> {
        self.info
            .with_untracked(|i| i.is_some())
            .then(|| self.scope())
    }

    /// Removes the signed-in person's drafts from this browser.
    fn forget_drafts(&self) {
        if let Some(owner) = self.owner() {
            draft::remove_all_of(&owner);
        }
    }

    pub fn access(&self) -> Access {
        match self.info.with(|i| i.as_ref().map(|i| i.role)) {
            None => Access::SignedOut,
            Some(Role::Admin) => Access::Admin,
            Some(Role::Customer) => Access::Customer,
        }
    }

    pub fn client(&self) -> Client {
        // Nearly every call asks for a client right before it goes: the idle time runs from here.
        let _ = self.last_call_ms.try_set_value(js_sys::Date::now());
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
        let credentials = AuthenticateRequest {
            email: Some(email.to_owned()),
            password: Some(password.to_owned()),
        };
        let auth = client
            .call_with(
                &AUTHENTICATE,
                &[],
                &Body::new(&credentials),
                Call::default(),
            )
            .await?
            .body;
        let fallback = SessionResponse {
            role: auth.role,
            email: email.trim().to_owned(),
            ..Default::default()
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
        fallback: Option<SessionResponse>,
    ) -> Result<Role, ApiError> {
        let client = self.client_with(Some(token.clone()));
        let answer = match client.call(&SESSION_GET, &[]).await {
            Ok(a) => a,
            // A backend without the session call: keep what sign-in told us, or assume an admin token
            // (the backend still refuses whatever the token may not do).
            Err(ApiError::NotFound { .. }) => fallback.unwrap_or(SessionResponse {
                role: Role::Admin,
                ..Default::default()
            }),
            Err(e) => return Err(e),
        };
        Ok(self.apply(token, answer))
    }

    /// Makes `token` the session, as `answer` describes it.
    fn apply(&self, token: String, answer: SessionResponse) -> Role {
        let role = answer.role;
        let now = js_sys::Date::now();
        let _ = self.last_call_ms.try_set_value(now);
        self.info.try_set(Some(SessionInfo {
            token,
            role,
            email: answer.email,
            organisation: known(answer.organisation),
            ends_at_ms: answer.expires_in_secs.map(|s| now + s as f64 * 1000.0),
            idle_ms: answer.idle_timeout_secs.map(|s| s as f64 * 1000.0),
        }));
        draft::set_owner(self.owner());
        self.expired.try_set(false);
        role
    }

    /// Signs out: forgets the token in this tab at once, removes the person's drafts, and ends the
    /// session on the server (`DELETE /api/v1/session`). The local part does not wait for the server
    /// and does not depend on it: a failed call, or a backend without the call (404, 405), still
    /// leaves nobody signed in here.
    pub fn sign_out(&self) {
        let old = self.info.get_untracked();
        let owner = self.owner();
        self.info.set(None);
        self.expired.set(false);
        self.handover.set(None);
        storage::session_remove(SESSION_KEY);
        draft::set_owner(None);
        if let Some(owner) = owner {
            draft::remove_all_of(&owner);
            // Once more after the page has reacted: nothing it did on the way out may leave a
            // draft behind.
            set_timeout(
                move || {
                    draft::remove_all_of(&owner);
                },
                Duration::ZERO,
            );
        }
        if let Some(info) = old {
            let client = self.client_with(Some(info.token));
            leptos::task::spawn_local(async move {
                let _ = client.call(&SESSION_DELETE, &[]).await;
            });
        }
    }

    /// Asks the backend who a handed-over token belongs to, and offers to switch to it.
    async fn offer_handover(&self, token: String) {
        let token = token.trim().to_owned();
        let answer = self
            .client_with(Some(token.clone()))
            .call(&SESSION_GET, &[])
            .await;
        let offer = match answer {
            Ok(answer) => {
                let same_person = self.info.with_untracked(|i| {
                    i.as_ref().is_some_and(|i| {
                        i.email.eq_ignore_ascii_case(&answer.email)
                            && i.organisation.as_ref().map(|o| o.id)
                                == known(answer.organisation.clone()).map(|o| o.id)
                    })
                });
                if same_person {
                    // A newer session of the same person: nothing of anyone else is at stake.
                    self.apply(token, answer);
                    return;
                }
                Handover::Offer(Box::new(HandoverOffer {
                    email: answer.email.clone(),
                    organisation: known(answer.organisation.clone()).map(|o| o.name),
                    token,
                    answer: Some(answer),
                }))
            }
            // A backend without the session call cannot say whose it is: still ask.
            Err(ApiError::NotFound { .. }) => Handover::Offer(Box::new(HandoverOffer {
                email: String::new(),
                organisation: None,
                token,
                answer: None,
            })),
            Err(_) => Handover::Invalid,
        };
        self.handover.try_set(Some(offer));
    }

    /// The person chose the handed-over session: the current one is signed out (on the server, and
    /// its drafts), then the new one is used. Through "signed out" so that every page is built
    /// afresh for the new person and shows nothing of the old one's.
    pub fn accept_handover(&self) {
        let Some(Handover::Offer(offer)) = self.handover.get_untracked() else {
            self.handover.set(None);
            return;
        };
        self.sign_out();
        let session = *self;
        // After the pages reacted to the sign-out.
        set_timeout(
            move || match offer.answer {
                Some(answer) => {
                    session.apply(offer.token, answer);
                }
                None => leptos::task::spawn_local(async move {
                    let _ = session.use_token(&offer.token).await;
                }),
            },
            Duration::ZERO,
        );
    }

    /// The person keeps the current session: the handed-over token is dropped (not ended: it is not
    /// this person's to end).
    pub fn decline_handover(&self) {
        self.handover.set(None);
    }

    /// Checks a session restored from `sessionStorage` with the backend: one that ended while the
    /// page was closed opens the sign-in dialog (and its drafts go) at once, not at the next submit.
    pub fn verify_stored(&self) {
        let Some(token) = self
            .info
            .with_untracked(|i| i.as_ref().map(|i| i.token.clone()))
        else {
            return;
        };
        let session = *self;
        leptos::task::spawn_local(async move {
            let answer = session
                .client_with(Some(token.clone()))
                .call(&SESSION_GET, &[])
                .await;
            let still_current = session
                .info
                .try_with_untracked(|i| i.as_ref().is_some_and(|i| i.token == token))
                .unwrap_or(false);
            if !still_current {
                return;
            }
            match answer {
                Ok(answer) => {
                    session.apply(token, answer);
                }
                Err(ApiError::Unauthorized { .. }) => {
                    session.expired.try_set(true);
                }
                // No session call, offline, a server fault: the session is used as it was.
                Err(_) => {}
            }
        });
    }

    /// Watches the session's known ends (its absolute end, and the idle time since this tab's last
    /// call): once one has passed, the person's drafts are removed from storage even if nobody is at
    /// the computer to make a call that would find out. The form keeps its values on screen, and the
    /// next call opens the sign-in dialog as usual.
    pub fn watch_ends(&self) {
        let session = *self;
        set_interval(
            move || {
                let now = js_sys::Date::now();
                let last = session.last_call_ms.try_get_value().unwrap_or(now);
                let over = session
                    .info
                    .try_with_untracked(|i| i.as_ref().is_some_and(|i| is_over(i, now, last)))
                    .unwrap_or(false);
                if over {
                    session.forget_drafts();
                }
            },
            Duration::from_secs(10),
        );
    }
}

/// Whether the session is surely over at `now`, from what this tab knows: its end has passed, or
/// the idle time has since `last_call`.
pub fn is_over(info: &SessionInfo, now: f64, last_call: f64) -> bool {
    info.ends_at_ms.is_some_and(|end| now >= end)
        || info.idle_ms.is_some_and(|idle| now - last_call >= idle)
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

/// The session the app runs in. The router is only mounted once the session exists, so this always
/// finds it there; a stray use outside gets a signed-out one instead of a panic.
pub fn current_session() -> Session {
    use_session().unwrap_or_else(|| Session::provide(&Default::default()))
}

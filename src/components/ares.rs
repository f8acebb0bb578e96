//! ARES preview: once an IČO passes its checksum, the company from the register is shown beside it.
//! Debounced and cached, because the ministry blocks clients that repeat or flood queries.

use std::collections::HashMap;

use bizkit_contract::endpoint::{ARES_GET, Endpoint, NoBody};
use bizkit_contract::{AresRecord, Ico, Lang};
use leptos::prelude::*;

use crate::api::ApiError;
use crate::i18n::{Text, ui, use_i18n};
use crate::session::{Session, current_session};

const DEBOUNCE_MS: u64 = 400;

/// The company's address on one line: street, then postal code and city.
pub fn address(r: &AresRecord) -> String {
    let street = r.street_address.clone().unwrap_or_default();
    let town = format!(
        "{} {}",
        r.postal_code.as_deref().unwrap_or(""),
        r.city.as_deref().unwrap_or("")
    );
    [street.as_str(), town.as_str()]
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ")
}

#[derive(Clone, Debug, PartialEq)]
pub enum Lookup {
    Idle,
    Checking,
    Found(Box<AresRecord>),
    NotFound,
    Unavailable,
    /// The backend has no ARES call: the preview is simply not offered.
    Unsupported,
}

/// What a look-up's answer means. A 404 other than ARES's "no such company" says the backend lacks
/// the call; `refusal_hides`: a refusal of the call to this person (401/403) hides the feature too.
fn outcome(result: Result<AresRecord, ApiError>, refusal_hides: bool) -> Lookup {
    match result {
        Ok(r) => Lookup::Found(Box::new(r)),
        Err(ApiError::NotFound { code: Some(c) }) if c == "ARES_NOT_FOUND" => Lookup::NotFound,
        Err(ApiError::NotFound { .. }) => Lookup::Unsupported,
        Err(ApiError::Rejected { .. }) => Lookup::NotFound,
        Err(ApiError::Forbidden { .. } | ApiError::Unauthorized { .. }) if refusal_hides => {
            Lookup::Unsupported
        }
        Err(_) => Lookup::Unavailable,
    }
}

/// Keeps what the register said about `ico`; an unavailable register is asked again later.
fn remember(cache: StoredValue<HashMap<String, Lookup>>, ico: &str, outcome: &Lookup) {
    if matches!(outcome, Lookup::Found(_) | Lookup::NotFound) {
        let _ = cache.try_update_value(|c| {
            c.insert(ico.to_owned(), outcome.clone());
        });
    }
}

/// The states of a look-up that show no company: nothing, "checking", "not found", "unavailable"
/// (`unavailable`, in the words of the page).
fn pending(state: &Lookup, lang: Lang, unavailable: &'static Text) -> AnyView {
    match state {
        Lookup::Checking => view! { <p class="hint">{ui::ARES_CHECKING.get(lang)}</p> }.into_any(),
        Lookup::NotFound => {
            view! { <p class="notice warn">{ui::ARES_NOT_FOUND.get(lang)}</p> }.into_any()
        }
        Lookup::Unavailable => view! { <p class="notice">{unavailable.get(lang)}</p> }.into_any(),
        _ => ().into_any(),
    }
}

/// The company as the register has it, under `found` ("found in ARES").
pub fn company(r: &AresRecord, lang: Lang, found: &'static Text) -> impl IntoView + use<> {
    view! {
        <p>{found.get(lang)}</p>
        <p class="company"><strong>{r.company_name.clone()}</strong></p>
        <p>{address(r)}</p>
        {r.dic.clone().map(|d| view! { <p>{ui::DIC.get(lang)} ": " {d}</p> })}
        {r.dissolved.then(|| view! { <p class="warn">{ui::ARES_DISSOLVED.get(lang)}</p> })}
    }
}

/// What a look-up of the IČO in a field works with: the valid IČO in `value` (`None` while it is not
/// one), the state to show, and what the register said so far.
#[derive(Clone, Copy)]
pub struct Looker {
    pub ico: Memo<Option<String>>,
    pub state: ReadSignal<Lookup>,
    pub set_state: WriteSignal<Lookup>,
    cache: StoredValue<HashMap<String, Lookup>>,
    session: Session,
}

impl Looker {
    pub fn new(value: Signal<String>) -> Self {
        let (state, set_state) = signal(Lookup::Idle);
        Looker {
            ico: Memo::new(move |_| {
                value.with(|v| Ico::parse(v).ok().map(|i| i.as_str().to_owned()))
            }),
            state,
            set_state,
            cache: StoredValue::new(HashMap::new()),
            session: current_session(),
        }
    }

    /// Shows what the register already said about `ico`, if it said anything.
    pub fn show_cached(&self, ico: &str) -> bool {
        let hit = self.cache.with_value(|c| c.get(ico).cloned());
        hit.map(|h| self.set_state.set(h)).is_some()
    }

    /// Whether the backend was found to lack the call (or refuse it to this person).
    pub fn unsupported(&self) -> bool {
        self.state.get_untracked() == Lookup::Unsupported
    }

    /// Asks `endpoint` about `wanted` once the debounce is over: only the IČO still in the field is
    /// looked up, so while someone types on, earlier timers find a newer value and leave it to that
    /// value's own timer. The answer is shown while its IČO is still in the field; `hides_for_good`:
    /// a backend that refuses or lacks the call hides the feature whatever the IČO.
    pub fn ask(
        &self,
        endpoint: &'static Endpoint<NoBody, AresRecord>,
        wanted: String,
        hides_for_good: bool,
    ) {
        let Looker {
            ico,
            set_state,
            cache,
            session,
            ..
        } = *self;
        set_state.set(Lookup::Checking);
        set_timeout(
            move || {
                if ico.try_get_untracked().flatten().as_deref() != Some(wanted.as_str()) {
                    return;
                }
                let client = session.client();
                leptos::task::spawn_local(async move {
                    let outcome = outcome(client.call(endpoint, &[&wanted]).await, hides_for_good);
                    remember(cache, &wanted, &outcome);
                    let still =
                        ico.try_get_untracked().flatten().as_deref() == Some(wanted.as_str());
                    if still || (hides_for_good && outcome == Lookup::Unsupported) {
                        set_state.try_set(outcome);
                    }
                });
            },
            std::time::Duration::from_millis(DEBOUNCE_MS),
        );
    }
}

/// Looks up the company for the IČO in `value`, once it is valid; returns the state to show.
pub fn use_ares(value: Signal<String>) -> ReadSignal<Lookup> {
    let looker = Looker::new(value);
    Effect::new(move |_| {
        let Some(current) = looker.ico.get() else {
            looker.set_state.set(Lookup::Idle);
            return;
        };
        if looker.show_cached(&current) || looker.unsupported() {
            return;
        }
        looker.ask(&ARES_GET, current, false);
    });
    looker.state
}

/// What a found company shows, in the language given.
pub type ShowFound = Box<dyn Fn(Box<AresRecord>, Lang) -> AnyView + Send + Sync>;

/// The live region under an IČO field: the look-up's state (`unavailable` in the words of the page),
/// and once the company is found, what `found` makes of it.
pub fn ares_box(
    class: &'static str,
    id: String,
    state: ReadSignal<Lookup>,
    unavailable: &'static Text,
    found: ShowFound,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class=class id=id aria-live="polite">
            {move || {
                let lang = i18n.lang.get();
                match state.get() {
                    Lookup::Found(r) => found(r, lang),
                    other => pending(&other, lang, unavailable),
                }
            }}
        </div>
    }
}

#[component]
pub fn AresPreview(state: ReadSignal<Lookup>, id: String) -> impl IntoView {
    ares_box(
        "ares",
        id,
        state,
        &ui::ARES_UNAVAILABLE,
        Box::new(|r, lang| {
            view! { <div class="notice found">{company(&r, lang, &ui::ARES_FOUND)}</div> }
                .into_any()
        }),
    )
}

//! Form state: values, validation timing, server errors, the draft and the submission's idempotency key.
//!
//! Validation runs the contract crate's request `parse` — the same code the server runs — so the app and
//! the server cannot disagree. Timing is one of ARCHITECTURE.md's invariants: no error while someone is
//! still typing into an empty form; a field's error shows once the field was left with a failing value,
//! or after a submit, and from then on it is re-checked on every keystroke.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use bizkit_contract::endpoint::AnyEndpoint;
use bizkit_contract::{ErrorCode, FieldError};
use leptos::html;
use leptos::prelude::*;

use serde_json::Value;

use crate::api::{self, Answer, ApiError, Call};
use crate::components::focus::focus_after_render;
use crate::draft::{self, Draft};
use crate::i18n::{I18n, fill, ui};
use crate::session::Session;

/// How long typing pauses before the draft is written.
const DRAFT_PAUSE: Duration = Duration::from_millis(300);

#[derive(Clone, Copy)]
pub struct FieldCtl {
    /// The JSON name the contract and the server use (`email`, `groupList`).
    pub name: &'static str,
    pub value: RwSignal<String>,
    initial: RwSignal<String>,
    /// Set once the field was left with a failing value: from then on errors follow every keystroke.
    armed: RwSignal<bool>,
    /// A server error, and the value it was about: editing the value hides it.
    server: RwSignal<Option<(String, String, String)>>,
    /// The label the field shows, so that "required" can name it (set by the field component).
    label: StoredValue<Option<TextProp>>,
}

impl FieldCtl {
    fn new(name: &'static str) -> Self {
        Self {
            name,
            value: RwSignal::new(String::new()),
            initial: RwSignal::new(String::new()),
            armed: RwSignal::new(false),
            server: RwSignal::new(None),
            label: StoredValue::new(None),
        }
    }
}

/// The values a validator reads; reading tracks them, so the validation re-runs when they change.
#[derive(Clone, Copy)]
pub struct Values {
    fields: StoredValue<Vec<FieldCtl>>,
}

impl Values {
    pub fn get(&self, name: &str) -> String {
        self.fields
            .with_value(|f| f.iter().find(|f| f.name == name).map(|f| f.value))
            .map(|v| v.get())
            .unwrap_or_default()
    }

    /// The value, or `None` when it is empty after trimming: optional fields are then "not given".
    pub fn opt(&self, name: &str) -> Option<String> {
        let v = self.get(name);
        (!v.trim().is_empty()).then_some(v)
    }

    pub fn flag(&self, name: &str) -> bool {
        self.get(name) == "true"
    }
}

#[derive(Clone, Copy)]
pub struct FormCtl {
    pub key: &'static str,
    fields: StoredValue<Vec<FieldCtl>>,
    pub errors: Memo<Vec<FieldError>>,
    pub submitted: RwSignal<bool>,
    pub pending: RwSignal<bool>,
    /// Messages that belong to no field: network failures, refusals, unknown server fields.
    pub form_errors: RwSignal<Vec<String>>,
    /// Whether the last failure left the outcome unknown (then "Try again" re-sends the same key).
    pub outcome_unknown: RwSignal<bool>,
    pub restored: RwSignal<bool>,
    /// A submission met an expired session and waits for the person to sign in again.
    pub awaiting_sign_in: RwSignal<bool>,
    pub summary: NodeRef<html::Div>,
    draft_key: StoredValue<Option<String>>,
    pending_key: RwSignal<Option<(String, String)>>,
}

/// "Fill in “E-mail”" for a field whose label is known.
fn required_named(field: FieldCtl, i18n: I18n) -> Option<String> {
    let label = field.label.with_value(|l| l.as_ref().map(|l| l.get()))?;
    let label = label.trim().trim_end_matches([':', '*']).trim();
    (!label.is_empty()).then(|| fill(i18n.tr(&ui::REQUIRED_NAMED)(), label))
}

impl FormCtl {
    /// `validate` reads values through [`Values`] and returns every violated field, as the contract's
    /// `parse` does.
    pub fn new(
        key: &'static str,
        names: &[&'static str],
        validate: impl Fn(Values) -> Vec<FieldError> + Send + Sync + 'static,
    ) -> Self {
        let fields = StoredValue::new(names.iter().map(|n| FieldCtl::new(n)).collect::<Vec<_>>());
        let values = Values { fields };
        Self {
            key,
            fields,
            errors: Memo::new(move |_| validate(values)),
            submitted: RwSignal::new(false),
            pending: RwSignal::new(false),
            form_errors: RwSignal::new(Vec::new()),
            outcome_unknown: RwSignal::new(false),
            restored: RwSignal::new(false),
            awaiting_sign_in: RwSignal::new(false),
            summary: NodeRef::new(),
            draft_key: StoredValue::new(None),
            pending_key: RwSignal::new(None),
        }
    }

    pub fn values(&self) -> Values {
        Values {
            fields: self.fields,
        }
    }

    pub fn field(&self, name: &str) -> FieldCtl {
        self.fields
            .with_value(|f| f.iter().find(|f| f.name == name).copied())
            .unwrap_or_else(|| {
                // A typo in a page is a bug of ours; a detached field keeps the page alive.
                leptos::logging::warn!("unknown field {name}");
                FieldCtl::new("unknown")
            })
    }

    /// The DOM id of a field, also for nested names: `groupList[2].color` → `contact-groupList-2--color`.
    pub fn dom_id(&self, name: &str) -> String {
        let clean: String = name
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
            .collect();
        format!("{}-{}", self.key, clean)
    }

    fn owns(&self, field: &str) -> bool {
        let base = field.split(['[', '.']).next().unwrap_or(field);
        self.fields.with_value(|f| f.iter().any(|f| f.name == base))
    }

    /// The local (contract) error code of a field, whether shown yet or not.
    pub fn local_error(&self, name: &str) -> Option<bizkit_contract::ErrorCode> {
        self.errors
            .with(|e| e.iter().find(|e| e.field == name).map(|e| e.code))
    }

    /// Tells the form what a field is called on screen; the field components do this.
    pub fn set_label(&self, name: &str, label: TextProp) {
        self.field(name).label.set_value(Some(label));
    }

    /// The message shown under a field now, if any.
    pub fn visible_error(&self, name: &str, i18n: I18n) -> Option<String> {
        let base = name.split(['[', '.']).next().unwrap_or(name);
        let field = self.field(base);
        if name == base
            && let Some((code, message, for_value)) = field.server.get()
            && field.value.with(|v| *v == for_value)
        {
            if code == ErrorCode::Required.as_str()
                && let Some(named) = required_named(field, i18n)
            {
                return Some(named);
            }
            return Some(i18n.code_message(&code, &message));
        }
        let shown = self.submitted.get() || field.armed.get();
        if !shown {
            return None;
        }
        match self.local_error(name)? {
            // "Fill in this field" five times in the summary would not say which; the label does.
            // `type.id`, `country.id`: the field is the object the id picks.
            ErrorCode::Required if name == base || name.strip_prefix(base) == Some(".id") => {
                required_named(field, i18n).or_else(|| {
                    Some(bizkit_contract::message(ErrorCode::Required, i18n.lang.get()).to_owned())
                })
            }
            code => Some(bizkit_contract::message(code, i18n.lang.get()).to_owned()),
        }
    }

    /// Called when a field loses focus: a failing, non-empty value arms its error.
    pub fn left(&self, name: &str) {
        let field = self.field(name);
        let has_value = field.value.with_untracked(|v| !v.trim().is_empty());
        let failing = self
            .errors
            .with_untracked(|e| e.iter().any(|e| e.field == name));
        if has_value && failing {
            field.armed.set(true);
        }
    }

    /// Every error to list in the summary, in form order, each with the id of the control it is about.
    pub fn summary_items(&self, i18n: I18n) -> Vec<(String, String)> {
        let mut items = Vec::new();
        let mut seen = std::collections::HashSet::new();
        let names: Vec<&'static str> = self
            .fields
            .with_value(|f| f.iter().map(|f| f.name).collect());
        let errors = self.errors.get();
        // An either/or rule ("an e-mail or a phone number") puts one message on each of its fields: the
        // summary lists it once, linked to the first, rather than two links with the same words.
        let mut said = std::collections::HashSet::new();
        for name in names {
            if let Some(msg) = self.visible_error(name, i18n)
                && seen.insert(name.to_owned())
                && said.insert(msg.clone())
            {
                items.push((self.dom_id(name), msg));
            }
            for e in errors
                .iter()
                .filter(|e| e.field != name && e.field.starts_with(name))
            {
                if let Some(msg) = self.visible_error(&e.field, i18n)
                    && seen.insert(e.field.clone())
                {
                    items.push((self.dom_id(&e.field), msg));
                }
            }
        }
        items
    }

    pub fn has_errors(&self) -> bool {
        self.errors.with_untracked(|e| !e.is_empty())
    }

    pub fn dirty(&self) -> bool {
        self.fields
            .with_value(|f| f.iter().any(|f| f.value.get() != f.initial.get()))
    }

    /// Sets values as the starting point (e.g. a profile from the server): they do not count as changes.
    pub fn set_initial(&self, values: &BTreeMap<String, String>) {
        self.fields.with_value(|fields| {
            for f in fields {
                if let Some(v) = values.get(f.name) {
                    f.initial.set(v.clone());
                    f.value.set(v.clone());
                }
            }
        });
    }

    /// Empties the form for the next record.
    pub fn reset(&self) {
        // A submission still under way keeps the form pending: its answer ends that.
        self.back_to_baseline(false);
    }

    /// Restores the draft stored under `scope`, then keeps it up to date: written a moment after
    /// the typing pauses (not on every key: a form with 100 tags would serialise and store them
    /// all per key), at once when a submission's `Idempotency-Key` is set or dropped, and when the
    /// tab is hidden, closed or the page left — so nothing typed is lost.
    pub fn keep_draft(&self, scope: &str) {
        let key = draft::key(self.key, scope);
        if let Some(d) = draft::load(&key) {
            let mut any = false;
            self.fields.with_value(|fields| {
                for f in fields {
                    if let Some(v) = d.values.get(f.name)
                        && *v != f.initial.get_untracked()
                    {
                        f.value.set(v.clone());
                        any = true;
                    }
                }
            });
            self.pending_key.set(d.pending.clone());
            self.restored.set(any);
        }
        self.draft_key.set_value(Some(key.clone()));
        let form = *self;
        // Outside the reactive owner: the timer and the page's way out may come after it is gone.
        let due = Arc::new(AtomicBool::new(false));
        let flush = {
            let due = due.clone();
            move || {
                if due.swap(false, Ordering::Relaxed) {
                    form.write_draft(&key);
                }
            }
        };
        Effect::new({
            let (due, flush) = (due.clone(), flush.clone());
            move |_| {
                form.fields
                    .with_value(|fields| fields.iter().for_each(|f| f.value.track()));
                if !due.swap(true, Ordering::Relaxed) {
                    let flush = flush.clone();
                    set_timeout(flush, DRAFT_PAUSE);
                }
            }
        });
        Effect::new({
            let (due, flush) = (due.clone(), flush.clone());
            move |_| {
                form.pending_key.track();
                due.store(true, Ordering::Relaxed);
                flush();
            }
        });
        let on_hide = {
            let flush = flush.clone();
            window_event_listener(leptos::ev::visibilitychange, move |_| {
                if document().hidden() {
                    flush();
                }
            })
        };
        let on_leave = {
            let flush = flush.clone();
            window_event_listener(leptos::ev::pagehide, move |_| flush())
        };
        on_cleanup(move || {
            on_hide.remove();
            on_leave.remove();
            flush();
        });
    }

    /// Writes the values (and a pending submission's key) as the draft, or removes the draft when
    /// nothing differs from the starting point.
    fn write_draft(&self, key: &str) {
        // `try_`: the page may be on its way out.
        let Some(rows) = self.fields.try_with_value(|fields| {
            fields
                .iter()
                .map(|f| {
                    let value = f.value.try_get_untracked().unwrap_or_default();
                    let initial = f.initial.try_get_untracked().unwrap_or_default();
                    (f.name, value, initial)
                })
                .collect::<Vec<_>>()
        }) else {
            return;
        };
        let changed = rows.iter().any(|(_, value, initial)| value != initial);
        let pending = self.pending_key.try_get_untracked().flatten();
        if changed || pending.is_some() {
            let values = rows
                .into_iter()
                .map(|(name, value, _)| (name.to_owned(), value))
                .collect();
            draft::save(key, &Draft { values, pending });
        } else {
            draft::remove(key);
        }
    }

    /// Starts a submission: marks the form submitted and, when it fails validation, moves focus to the
    /// error summary. Returns whether the request may be sent.
    pub fn begin_submit(&self) -> bool {
        if self.pending.get_untracked() {
            return false;
        }
        self.submitted.set(true);
        self.form_errors.set(Vec::new());
        self.fields.with_value(|fields| {
            for f in fields {
                f.server.set(None);
            }
        });
        if self.has_errors() {
            self.focus_summary();
            return false;
        }
        self.pending.set(true);
        true
    }

    pub fn focus_summary(&self) {
        let summary = self.summary;
        // After the summary rendered its new items.
        focus_after_render(summary);
    }

    /// The `Idempotency-Key` for this body: the pending one when the same body is sent again (a retry
    /// after an unknown outcome), a fresh one otherwise. It is stored with the draft.
    pub fn idempotency_key(&self, body: &str) -> String {
        if let Some((key, sent)) = self.pending_key.try_get_untracked().flatten()
            && sent == body
        {
            return key;
        }
        let key = api::new_idempotency_key();
        self.pending_key
            .try_set(Some((key.clone(), body.to_owned())));
        key
    }

    /// A create succeeded: the form goes back to its baseline for the next record, and the draft and
    /// the key are forgotten. (Clearing the values matters: a form still holding them would count as
    /// unsaved and write its draft again.)
    pub fn succeeded(&self) {
        self.settle(false);
    }

    /// An edit was saved: what is in the form now is the new baseline, so nothing is "unsaved".
    pub fn saved(&self) {
        self.settle(true);
    }

    fn settle(&self, keep_values: bool) {
        self.back_to_baseline(keep_values);
        self.pending.try_set(false);
    }

    /// Back to a baseline: what is in the form becomes it (`keep_values`) or the values go back to it;
    /// no errors, no pending key, no draft. `try_` setters: an answer may come after the page was left.
    fn back_to_baseline(&self, keep_values: bool) {
        let _ = self.fields.try_with_value(|fields| {
            for f in fields {
                if keep_values {
                    f.initial.try_set(f.value.get_untracked());
                } else {
                    f.value.try_set(f.initial.get_untracked());
                }
                f.armed.try_set(false);
                f.server.try_set(None);
            }
        });
        self.submitted.try_set(false);
        self.form_errors.try_set(Vec::new());
        self.pending_key.try_set(None);
        self.outcome_unknown.try_set(false);
        self.restored.try_set(false);
        if let Some(k) = self.draft_key.try_get_value().flatten() {
            draft::remove(&k);
        }
    }

    /// Shows a failed submission: server field errors under their fields, everything else at form level.
    /// Uses `try_` setters: the page may have been left while the request ran.
    pub fn failed(&self, error: &ApiError, i18n: I18n) {
        self.pending.try_set(false);
        let unknown = error.outcome_unknown();
        self.outcome_unknown.try_set(unknown);
        if !unknown {
            // The server answered: nothing was created, the next submission gets a new key.
            self.pending_key.try_set(None);
        }
        let mut form_level = Vec::new();
        for fe in error.fields() {
            if self.owns(&fe.field) && !fe.field.is_empty() {
                let f = self.field(fe.field.split(['[', '.']).next().unwrap_or(""));
                let current = f.value.try_get_untracked().unwrap_or_default();
                f.server
                    .try_set(Some((fe.code.clone(), fe.message.clone(), current)));
                f.armed.try_set(true);
            } else {
                form_level.push(i18n.code_message(&fe.code, &fe.message));
            }
        }
        if error.fields().is_empty() {
            form_level.push(describe(error, i18n));
        }
        self.form_errors.try_set(form_level);
        self.focus_summary();
    }
}

/// Sends one submission of a form: the body with its `Idempotency-Key`, then the answer, kept as
/// JSON (one copy of this in the wasm for every form). A failure is shown by the form itself (under
/// the fields, in the summary); an expired session opens the sign-in dialog and the form re-sends
/// once signed in. Only a success comes back to the page.
pub async fn send_json(
    form: FormCtl,
    session: Session,
    i18n: I18n,
    endpoint: AnyEndpoint,
    params: &[&str],
    json: String,
    decodes: fn(&Value) -> bool,
) -> Option<Answer<Value>> {
    let key = form.idempotency_key(&json);
    let call = Call {
        idempotency_key: Some(key),
        ..Default::default()
    };
    match session
        .client()
        .call_json(endpoint, params, json, call, decodes)
        .await
    {
        Ok(answer) => Some(answer),
        Err(ApiError::Unauthorized { .. }) => {
            form.pending.try_set(false);
            form.awaiting_sign_in.try_set(true);
            session.expired.try_set(true);
            None
        }
        Err(e) => {
            form.failed(&e, i18n);
            None
        }
    }
}

/// A sentence for an error that belongs to no field.
pub fn describe(error: &ApiError, i18n: I18n) -> String {
    let lang = i18n.lang.get();
    match error {
        ApiError::Rejected { code, message, .. } => match code {
            Some(c) => i18n.code_message(c, message.as_deref().unwrap_or("")),
            None => message
                .clone()
                .unwrap_or_else(|| ui::ERROR_UNKNOWN.get(lang).to_owned()),
        },
        ApiError::Unauthorized { .. } => ui::ERROR_UNAUTHORIZED.get(lang).to_owned(),
        ApiError::Forbidden { .. } => ui::ERROR_FORBIDDEN.get(lang).to_owned(),
        ApiError::NotFound { .. } => ui::ERROR_NOT_FOUND.get(lang).to_owned(),
        ApiError::RateLimited {
            retry_after_secs: Some(s),
        } => fill(ui::ERROR_RATE_LIMITED_SECS.get(lang), &s.to_string()),
        ApiError::RateLimited { .. } => ui::ERROR_RATE_LIMITED.get(lang).to_owned(),
        ApiError::Server { .. } => format!(
            "{} {}",
            ui::ERROR_SERVER.get(lang),
            ui::ERROR_OUTCOME_UNKNOWN.get(lang)
        ),
        ApiError::Network => format!(
            "{} {}",
            ui::ERROR_NETWORK.get(lang),
            ui::ERROR_OUTCOME_UNKNOWN.get(lang)
        ),
        ApiError::Timeout => format!(
            "{} {}",
            ui::ERROR_TIMEOUT.get(lang),
            ui::ERROR_OUTCOME_UNKNOWN.get(lang)
        ),
    }
}

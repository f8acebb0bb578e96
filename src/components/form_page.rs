//! The shell of a form page that creates something: what every such page has, written once — the
//! heading and lead, the "draft restored" notice, the error summary, the `<form>` with its submit
//! button, the warning before leaving unsaved values, the submission (its `Idempotency-Key`, the
//! re-send after signing in again), and the success panel with its "add another" button.
//!
//! A page is then its field table, its [`Request`] (how the values become the contract's request)
//! and what its success panel shows:
//!
//! ```ignore
//! let call = Request::new(CONTACT_CREATE, request, ContactCreateRequest::parse);
//! let form = call.form("contact", ROWS);
//! view! { <FormPage form call page=&PAGE done panel><FieldRows form rows=MAIN /></FormPage> }
//! ```
//!
//! The shell is not generic: the request travels as its JSON text and the answer as JSON, so its
//! code exists once in the wasm however many forms use it. The one typed step per form is
//! [`Request::new`] (serialise the request, check the answer's shape).

use std::sync::Arc;

use bizkit_contract::endpoint::{AnyEndpoint, Endpoint};
use bizkit_contract::{FieldError, OrgRules};
use leptos::html;
use leptos::prelude::*;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::api;
use crate::components::error_summary::ErrorSummary;
use crate::components::field_table::{FieldSpec, names};
use crate::components::focus::{focus_after_render, focus_by_id};
use crate::components::form::{FormCtl, Values, send_json};
use crate::components::layout::{Announcer, use_announcer};
use crate::components::notices::{DraftNotice, guard_leaving, retry_after_sign_in};
use crate::components::submit::SubmitButton;
use crate::i18n::{I18n, Text, use_i18n};
use crate::session::current_session;

type Check = Arc<dyn Fn(Values, &OrgRules) -> Vec<FieldError> + Send + Sync>;

/// A heading and a `data-outcome` for the success panel, chosen by the answer.
pub type Outcome = fn(&Sent) -> (&'static Text, &'static str);

/// How a form's values become its call: checked by the contract's `parse` as they change, sent as
/// the same request's JSON.
#[derive(Clone)]
pub struct Request {
    endpoint: AnyEndpoint,
    check: Check,
    json: Arc<dyn Fn(Values) -> String + Send + Sync>,
    decodes: fn(&Value) -> bool,
}

impl Request {
    /// `build` makes the request from the values, `parse` is the contract's parser of it.
    pub fn new<Req, Ans, Valid: 'static>(
        endpoint: Endpoint<Req, Ans>,
        build: impl Fn(Values) -> Req + Clone + Send + Sync + 'static,
        parse: fn(&Req, &OrgRules) -> Result<Valid, Vec<FieldError>>,
    ) -> Self
    where
        Req: Serialize + 'static,
        Ans: DeserializeOwned,
    {
        let to_json = build.clone();
        Request {
            endpoint: endpoint.erased(),
            check: Arc::new(move |v, rules| parse(&build(v), rules).err().unwrap_or_default()),
            // The contract's requests are plain strings and lists: serialising cannot fail.
            json: Arc::new(move |v| serde_json::to_string(&to_json(v)).unwrap_or_default()),
            decodes: api::decodes::<Ans>,
        }
    }

    /// The form of these rows, validated by this request (with the signed-in organisation's rules).
    /// `extra` names fields the rows do not draw (a page's own control), before the rows.
    pub fn form(
        &self,
        key: &'static str,
        extra: &[&'static str],
        rows: &[&[FieldSpec]],
    ) -> FormCtl {
        let rules = StoredValue::new(current_session().org_rules());
        let check = self.check.clone();
        let mut fields = extra.to_vec();
        fields.extend(names(rows));
        FormCtl::new(key, &fields, move |v| rules.with_value(|r| check(v, r)))
    }
}

/// The texts and ids of a form page.
pub struct Page {
    /// The form's key: the prefix of its controls' ids, its draft's name, `data-form`.
    pub key: &'static str,
    /// The heading and lead above the form, where the page has none of its own.
    pub title: Option<(&'static Text, &'static Text)>,
    /// The `<form>`'s class: `form-grid`, or `portal-form` for a form of fieldsets.
    pub class: &'static str,
    pub submit: &'static Text,
    /// The success panel's heading (a create), or the saved notice's first line (an edit).
    pub done: &'static Text,
    pub then: Then,
}

/// What the page does once the submission succeeded: [`Then::next`] (a create) or
/// [`Then::stay`] (an edit). Each brings its own steps as functions, so a binary with only edit
/// forms (the widget) has no code of the create panel, and the other way round.
pub struct Then {
    /// The button that empties the form for the next record, and the control it focuses (a create).
    next: (&'static Text, &'static str),
    /// Said beside the submit button while something is changed, and when a save is asked of
    /// nothing changed (an edit).
    unsaved: Option<&'static Text>,
    no_changes: &'static Text,
    /// Whether a submission goes ahead (an edit with nothing changed says so instead).
    ready: fn(&Parts) -> bool,
    after: fn(&Parts, Sent),
    frame: fn(&Parts, ViewFn, ViewFn) -> AnyView,
}

impl Then {
    /// A create: the success panel replaces the form, with `next` to empty it for the next record
    /// and focus the control `first`.
    pub const fn next(next: &'static Text, first: &'static str) -> Then {
        Then {
            next: (next, first),
            unsaved: None,
            no_changes: next,
            ready: |_| true,
            after: create::after,
            frame: create::frame,
        }
    }

    /// An edit: the form stays with what was saved, a saved notice above it; `unsaved` is said
    /// beside the submit button while something is changed, `no_changes` when a save is asked of
    /// nothing changed.
    pub const fn stay(unsaved: &'static Text, no_changes: &'static Text) -> Then {
        Then {
            next: (unsaved, ""),
            unsaved: Some(unsaved),
            no_changes,
            ready: edit::ready,
            after: edit::after,
            frame: edit::frame,
        }
    }
}

/// What the steps of a [`Then`] work with.
#[derive(Clone, Copy)]
pub struct Parts {
    form: FormCtl,
    page: &'static Page,
    done: RwSignal<Option<Sent>>,
    outcome: Option<Outcome>,
    i18n: I18n,
    announcer: Announcer,
    dirty: Memo<bool>,
    nothing_to_save: RwSignal<bool>,
    heading: NodeRef<html::H2>,
    notice: NodeRef<html::Div>,
}

mod create {
    use super::*;

    pub(super) fn after(p: &Parts, sent: Sent) {
        p.form.succeeded();
        let title = p.outcome.map_or(p.page.done, |o| o(&sent).0);
        p.announcer.say(p.i18n.now(title));
        p.done.try_set(Some(sent));
        focus_after_render(p.heading);
    }

    pub(super) fn frame(p: &Parts, form_view: ViewFn, panel: ViewFn) -> AnyView {
        let Parts {
            form,
            page,
            done,
            outcome,
            i18n,
            heading,
            ..
        } = *p;
        let (next, first) = page.then.next;
        let again = move |_| {
            done.set(None);
            form.reset();
            request_animation_frame(move || focus_by_id(first));
        };
        let success = move || {
            done.get().map(|sent| {
                let (title, outcome) = match outcome {
                    Some(o) => o(&sent),
                    None => (page.done, ""),
                };
                view! {
                    <div class="success" data-outcome=(!outcome.is_empty()).then_some(outcome)>
                        <h2 tabindex="-1" node_ref=heading>{i18n.tr(title)}</h2>
                        {panel.run()}
                        <button type="button" class="button primary" on:click=again>
                            {i18n.tr(next)}
                        </button>
                    </div>
                }
            })
        };
        view! {
            <Show when=move || done.with(Option::is_none) fallback=success>
                {form_view.run()}
            </Show>
        }
        .into_any()
    }
}

mod edit {
    use super::*;

    pub(super) fn ready(p: &Parts) -> bool {
        let nothing_to_save = p.nothing_to_save;
        nothing_to_save.set(false);
        if !p.dirty.get_untracked() && !p.form.outcome_unknown.get_untracked() {
            // Said again on every press: out and back in, so the live region speaks once more.
            request_animation_frame(move || {
                nothing_to_save.try_set(true);
            });
            return false;
        }
        true
    }

    pub(super) fn after(p: &Parts, sent: Sent) {
        p.form.saved();
        // Spoken by its live region (and read again where focus lands), not announced.
        p.done.try_set(Some(sent));
        focus_after_render(p.notice);
    }

    pub(super) fn frame(p: &Parts, form_view: ViewFn, panel: ViewFn) -> AnyView {
        let Parts {
            page,
            done,
            i18n,
            dirty,
            nothing_to_save,
            notice,
            ..
        } = *p;
        // Changing anything after a save puts the notices away: they spoke of the values before.
        Effect::new(move |_| {
            if dirty.get() {
                done.set(None);
                nothing_to_save.set(false);
            }
        });
        view! {
            <div role="status" class="saved-region">
                <Show when=move || done.with(Option::is_some)>
                    <div class="notice saved-notice" tabindex="-1" node_ref=notice>
                        <p><strong>{i18n.tr(page.done)}</strong></p>
                        {panel.run()}
                    </div>
                </Show>
                <Show when=move || nothing_to_save.get()>
                    <p class="notice">{i18n.tr(page.then.no_changes)}</p>
                </Show>
            </div>
            {form_view.run()}
        }
        .into_any()
    }
}

/// What a successful submission left, for the success panel: the request as sent and the answer.
#[derive(Clone, Debug, PartialEq)]
pub struct Sent {
    pub request: Value,
    pub answer: Value,
    pub location: Option<String>,
}

impl Sent {
    /// The answer as the call's answer type (its shape was checked when it came).
    pub fn answer<T: DeserializeOwned>(&self) -> Option<T> {
        serde_json::from_value(self.answer.clone()).ok()
    }

    /// A text field of the request as sent.
    pub fn sent(&self, name: &str) -> String {
        self.request
            .get(name)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned()
    }
}

/// A form page's frame around its fields (the children, inside the `<form>`).
#[component]
pub fn FormPage(
    form: FormCtl,
    call: Request,
    page: &'static Page,
    /// Holds what the last submission left once it succeeded; the page's panel reads it.
    done: RwSignal<Option<Sent>>,
    /// The success panel's body, under its heading (a create), or the saved notice (an edit).
    panel: ViewFn,
    /// The `{…}` parameters of the endpoint's path.
    #[prop(optional)]
    params: Vec<String>,
    /// Where the draft is kept beyond the signed-in person's scope (one organisation's page);
    /// `None` with `no_draft`: nothing kept (a widget in a host site's storage).
    #[prop(optional)]
    draft_scope: Option<String>,
    #[prop(optional)] no_draft: bool,
    /// A second-level heading: the page has its own first.
    #[prop(optional)]
    subsection: bool,
    /// A heading and a `data-outcome` chosen by the answer, where one heading does not fit all.
    #[prop(optional)]
    outcome: Option<Outcome>,
    children: ChildrenFn,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = current_session();
    if !no_draft {
        let scope = match draft_scope {
            Some(own) => format!("{}.{own}", session.scope()),
            None => session.scope(),
        };
        form.keep_draft(&scope);
    }
    guard_leaving(form);
    let parts = Parts {
        form,
        page,
        done,
        outcome,
        i18n,
        announcer: use_announcer(),
        dirty: Memo::new(move |_| form.dirty()),
        nothing_to_save: RwSignal::new(false),
        heading: NodeRef::new(),
        notice: NodeRef::new(),
    };
    let then = &page.then;

    let Request {
        endpoint,
        json,
        decodes,
        ..
    } = call;
    // Stored, so that the submit below is `Copy` for the form, the summary's retry and the re-send.
    let json = StoredValue::new(json);
    let save = Action::new_local(move |body: &String| {
        let body = body.clone();
        let params = params.clone();
        async move {
            let params: Vec<&str> = params.iter().map(String::as_str).collect();
            let request = serde_json::from_str(&body).unwrap_or_default();
            let Some(answer) =
                send_json(form, session, i18n, endpoint, &params, body, decodes).await
            else {
                return;
            };
            (then.after)(
                &parts,
                Sent {
                    request,
                    answer: answer.body,
                    location: answer.location,
                },
            );
        }
    });
    let submit = move || {
        if (then.ready)(&parts) && form.begin_submit() {
            save.dispatch_local(json.with_value(|j| j(form.values())));
        }
    };
    retry_after_sign_in(form, session, submit);

    let form_view = move || {
        let title = page.title.map(|(title, lead)| {
            let title = i18n.tr(title);
            view! {
                {if subsection {
                    view! { <h2>{title}</h2> }.into_any()
                } else {
                    view! { <h1>{title}</h1> }.into_any()
                }}
                <p class="lead">{i18n.tr(lead)}</p>
            }
        });
        let dirty = parts.dirty;
        let unsaved = then.unsaved.map(|unsaved| {
            view! {
                <p class="unsaved" aria-live="polite">
                    {move || dirty.get().then(|| i18n.tr(unsaved)())}
                </p>
            }
        });
        view! {
            {title}
            <DraftNotice form />
            <ErrorSummary form on_retry=Callback::new(move |_| submit()) />
            <form
                class=page.class
                data-form=page.key
                on:submit=move |ev| {
                    ev.prevent_default();
                    submit();
                }
                novalidate
            >
                {children()}
                <div class="span-2 actions">
                    <SubmitButton form label=i18n.tr(page.submit) />
                    {unsaved}
                </div>
            </form>
        }
    };
    (then.frame)(&parts, ViewFn::from(form_view), panel)
}

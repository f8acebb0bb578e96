//! "Invite member" (`/members/invite`, `POST /bff/member/invite-email`).

use bizkit_contract::endpoint::{MEMBER_INVITE, PERMISSION_LIST};
use bizkit_contract::field;
use bizkit_contract::{Email, InviteStatus, MemberInviteRequest};
use leptos::prelude::*;

use crate::api::Body;
use crate::components::code_picker::{CodePicker, read_codes};
use crate::components::error_summary::ErrorSummary;
use crate::components::field::{Control, Field};
use crate::components::focus::{focus_after_render, focus_by_id};
use crate::components::form::{FormCtl, Values, send};
use crate::components::layout::use_announcer;
use crate::components::notices::{DraftNotice, guard_leaving, submission};
use crate::components::submit::SubmitButton;
use crate::i18n::{fill, ui, use_i18n};
use crate::session::current_session;

const FIELDS: &[&str] = &[
    field::EMAIL,
    field::FIRST_NAME,
    field::LAST_NAME,
    field::PERMISSION_CODES,
    field::ROLE_CODES,
    field::DESCRIPTION,
];

fn request(v: Values) -> MemberInviteRequest {
    MemberInviteRequest {
        email: v.opt(field::EMAIL),
        first_name: v.opt(field::FIRST_NAME),
        last_name: v.opt(field::LAST_NAME),
        permission_codes: read_codes(&v.get(field::PERMISSION_CODES)),
        role_codes: read_codes(&v.get(field::ROLE_CODES)),
        description: v.opt(field::DESCRIPTION),
    }
}

#[derive(Clone, Debug, PartialEq)]
struct Outcome {
    email: String,
    added: bool,
}

#[component]
pub fn MemberInvite() -> impl IntoView {
    let i18n = use_i18n();
    let session = current_session();
    let announcer = use_announcer();
    let rules = StoredValue::new(session.org_rules());
    let form = FormCtl::new("invite", FIELDS, move |v| {
        rules
            .with_value(|r| request(v).parse(r).err())
            .unwrap_or_default()
    });
    form.keep_draft(&session.scope());
    guard_leaving(form);

    // `None` while loading, an empty list where the backend has no catalogue: free entry then.
    let catalogue = LocalResource::new(move || {
        let client = session.client();
        async move { client.call(&PERMISSION_LIST, &[]).await.unwrap_or_default() }
    });
    let permissions = Signal::derive(move || catalogue.get().map(|c| c.permissions));
    let roles = Signal::derive(move || catalogue.get().map(|c| c.roles));

    let email = form.field(field::EMAIL);
    let email_preview = Signal::derive(move || {
        email
            .value
            .with(|v| Email::parse(v).ok().map(|e| e.as_str().to_owned()))
    });

    let outcome = RwSignal::new(None::<Outcome>);
    let done_heading = NodeRef::<leptos::html::H2>::new();
    let save = Action::new_local(move |json: &Body<MemberInviteRequest>| {
        let json = json.clone();
        let sent_to = email_preview.get_untracked().unwrap_or_default();
        async move {
            let Some(answer) = send(form, session, i18n, &MEMBER_INVITE, &[], json).await else {
                return;
            };
            let added = answer.body.status == InviteStatus::Added;
            form.succeeded();
            let lang = i18n.lang.get();
            announcer.say(if added {
                ui::INVITE_ADDED.get(lang)
            } else {
                ui::INVITE_INVITED.get(lang)
            });
            outcome.try_set(Some(Outcome {
                email: sent_to,
                added,
            }));
            focus_after_render(done_heading);
        }
    });
    let submit_now = submission(form, session, save, request);
    let next = move |_| {
        outcome.set(None);
        form.reset();
        request_animation_frame(|| focus_by_id("invite-email"));
    };

    view! {
        <section class="panel">
            <Show
                when=move || outcome.get().is_none()
                fallback=move || {
                    let o = outcome.get().unwrap_or(Outcome { email: String::new(), added: false });
                    let lang = i18n.lang.get();
                    view! {
                        <div class="success" data-outcome=if o.added { "added" } else { "invited" }>
                            <h2 tabindex="-1" node_ref=done_heading>
                                {if o.added { ui::INVITE_ADDED.get(lang) } else { ui::INVITE_INVITED.get(lang) }}
                            </h2>
                            <p>
                                {fill(if o.added { ui::INVITE_ADDED_BODY.get(lang) } else { ui::INVITE_INVITED_BODY.get(lang) }, &o.email)}
                            </p>
                            <button type="button" class="button primary" on:click=next>
                                {ui::INVITE_NEXT.get(lang)}
                            </button>
                        </div>
                    }
                }
            >
                <h1>{i18n.tr(&ui::INVITE_TITLE)}</h1>
                <p class="lead">{i18n.tr(&ui::INVITE_INTRO)}</p>
                <DraftNotice form />
                <ErrorSummary form on_retry=Callback::new(move |_| submit_now()) />
                <form
                    class="form-grid"
                    data-form="invite"
                    on:submit=move |ev| {
                        ev.prevent_default();
                        submit_now();
                    }
                    novalidate
                >
                    <div class="span-2">
                        <Field form name=field::EMAIL control=Control::Email required=true autocomplete="off"
                            label=i18n.tr(&ui::EMAIL) hint=i18n.tr(&ui::EMAIL_HINT)
                            preview=email_preview />
                    </div>
                    <Field form name=field::FIRST_NAME autocomplete="off" counter=bizkit_contract::NAME_MAX
                        label=i18n.tr(&ui::FIRST_NAME) />
                    <Field form name=field::LAST_NAME autocomplete="off" counter=bizkit_contract::NAME_MAX
                        label=i18n.tr(&ui::LAST_NAME) />
                    <CodePicker form name=field::PERMISSION_CODES legend=i18n.tr(&ui::PERMISSIONS) options=permissions />
                    <CodePicker form name=field::ROLE_CODES legend=i18n.tr(&ui::ROLES) options=roles />
                    <div class="span-2">
                        <Field form name=field::DESCRIPTION control=Control::TextArea
                            label=i18n.tr(&ui::DESCRIPTION) hint=i18n.tr(&ui::DESCRIPTION_HINT) />
                    </div>
                    <div class="span-2 actions">
                        <SubmitButton form label=i18n.tr(&ui::INVITE_SUBMIT) />
                    </div>
                </form>
            </Show>
        </section>
    }
}

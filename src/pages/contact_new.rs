//! "New contact" (`/contacts/new`, `POST /bff/contact/create`).

use bizkit_contract::endpoint::{CONTACT_CREATE, CONTACT_GET};
use bizkit_contract::field;
use bizkit_contract::{ContactCreateRequest, Email, GroupListItem, Ico, Phone, StoredContact};
use leptos::prelude::*;

use crate::api::Body;
use crate::components::ares::{AresPreview, use_ares};
use crate::components::error_summary::{ErrorSummary, focus_after_render};
use crate::components::field::{CheckboxField, Control, Field};
use crate::components::form::{FormCtl, Values, send};
use crate::components::layout::{expect_session, use_announcer};
use crate::components::notices::{DraftNotice, guard_leaving, submission};
use crate::components::submit::SubmitButton;
use crate::components::tag_picker::{TagPicker, existing_groups, read_tags};
use crate::i18n::use_i18n;

const FIELDS: &[&str] = &[
    field::EMAIL,
    field::PHONE,
    field::FIRST_NAME,
    field::LAST_NAME,
    field::COMPANY_REGISTRATION_NUMBER,
    field::SEND_REGISTRATION_INVITE,
    field::IGNORE_BULK_MAIL,
    field::GROUP_LIST,
];

/// The request exactly as the server will receive it; the contract's `parse` checks it here and there.
fn request(v: Values) -> ContactCreateRequest {
    ContactCreateRequest {
        email: v.opt(field::EMAIL),
        first_name: v.opt(field::FIRST_NAME),
        last_name: v.opt(field::LAST_NAME),
        phone: v.opt(field::PHONE),
        company_registration_number: v.opt(field::COMPANY_REGISTRATION_NUMBER),
        send_registration_invite: Some(v.flag(field::SEND_REGISTRATION_INVITE)),
        ignore_bulk_mail: Some(v.flag(field::IGNORE_BULK_MAIL)),
        group_list: read_tags(&v.get(field::GROUP_LIST))
            .into_iter()
            .map(|t| GroupListItem {
                slug: Some(t.slug),
                name: Some(t.name),
                color: Some(t.color),
            })
            .collect(),
    }
}

#[component]
pub fn ContactNew() -> impl IntoView {
    let i18n = use_i18n();
    let session = expect_session();
    let announcer = use_announcer();
    let rules = StoredValue::new(session.org_rules());
    let form = FormCtl::new("contact", FIELDS, move |v| {
        rules
            .with_value(|r| request(v).parse(r).err())
            .unwrap_or_default()
    });
    form.keep_draft(&session.scope());
    guard_leaving(form);

    let suggestions = existing_groups(session);

    let email = form.field(field::EMAIL);
    let phone = form.field(field::PHONE);
    let ico = form.field(field::COMPANY_REGISTRATION_NUMBER);
    let email_preview = Signal::derive(move || {
        email
            .value
            .with(|v| Email::parse(v).ok().map(|e| e.as_str().to_owned()))
    });
    let phone_preview = Signal::derive(move || {
        phone.value.with(|v| {
            rules.with_value(|r| {
                Phone::parse(v, &r.phone_prefix)
                    .ok()
                    .map(|p| p.as_str().to_owned())
            })
        })
    });
    let ico_preview = Signal::derive(move || {
        ico.value
            .with(|v| Ico::parse(v).ok().map(|i| i.as_str().to_owned()))
    });
    let ares = use_ares(ico.value.into());
    let no_email = Signal::derive(move || email.value.with(|v| v.trim().is_empty()));
    // An invitation needs an e-mail: clearing the e-mail clears the choice rather than failing later.
    Effect::new(move |_| {
        if no_email.get() {
            form.field(field::SEND_REGISTRATION_INVITE)
                .value
                .set(String::new());
        }
    });

    let stored = RwSignal::new(None::<StoredContact>);
    let done_heading = NodeRef::<leptos::html::H2>::new();

    let save = Action::new_local(move |json: &Body<ContactCreateRequest>| {
        let json = json.clone();
        async move {
            let Some(answer) = send(form, session, i18n, &CONTACT_CREATE, &[], json).await else {
                return;
            };
            let id = answer.body.customer_id;
            // Show what was stored (normal forms, the company from ARES); a backend without
            // the read call still shows what we sent, as the contract normalised it.
            let read = session.client().call(&CONTACT_GET, &[&id]).await.ok();
            let shown = read.unwrap_or_else(|| StoredContact {
                customer_id: id,
                ..Default::default()
            });
            form.succeeded();
            stored.try_set(Some(shown));
            announcer.say(i18n.t().contact_created);
            focus_after_render(done_heading);
        }
    });

    let submit_now = submission(form, session, save, request);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        submit_now();
    };
    let next = move |_| {
        stored.set(None);
        form.reset();
        request_animation_frame(move || {
            crate::components::error_summary::focus_by_id("contact-email")
        });
    };

    view! {
        <section class="panel">
            <Show
                when=move || stored.get().is_none()
                fallback=move || {
                    view! {
                        <div class="success">
                            <h2 tabindex="-1" node_ref=done_heading>{i18n.text(|t| t.contact_created)}</h2>
                            <p>{i18n.text(|t| t.contact_stored_intro)}</p>
                            {move || stored.get().map(|c| view! { <StoredView contact=c /> })}
                            <button type="button" class="button primary" on:click=next>
                                {i18n.text(|t| t.contact_next)}
                            </button>
                        </div>
                    }
                }
            >
                <h1>{i18n.text(|t| t.contact_title)}</h1>
                <p class="lead">{i18n.text(|t| t.contact_intro)}</p>
                <DraftNotice form />
                <ErrorSummary form on_retry=Callback::new(move |_| submit_now()) />
                <form class="form-grid" data-form="contact" on:submit=on_submit novalidate>
                    <Field form name=field::EMAIL control=Control::Email autocomplete="off"
                        label=i18n.text(|t| t.email) hint=i18n.text(|t| t.email_hint)
                        preview=email_preview />
                    <Field form name=field::PHONE control=Control::Tel autocomplete="off"
                        label=i18n.text(|t| t.phone) hint=i18n.text(|t| t.phone_hint)
                        preview=phone_preview />
                    <Field form name=field::FIRST_NAME autocomplete="off" counter=bizkit_contract::NAME_MAX
                        label=i18n.text(|t| t.first_name) />
                    <Field form name=field::LAST_NAME autocomplete="off" counter=bizkit_contract::NAME_MAX
                        label=i18n.text(|t| t.last_name) />
                    <div class="span-2">
                        <Field form name=field::COMPANY_REGISTRATION_NUMBER control=Control::Numeric
                            autocomplete="off" label=i18n.text(|t| t.ico) hint=i18n.text(|t| t.ico_hint)
                            preview=ico_preview>
                            <AresPreview state=ares id="contact-ares".to_owned() />
                        </Field>
                    </div>
                    <div class="span-2 checks">
                        <CheckboxField form name=field::SEND_REGISTRATION_INVITE
                            label=i18n.text(|t| t.send_invite) hint=i18n.text(|t| t.send_invite_hint)
                            disabled=no_email disabled_reason=i18n.text(|t| t.send_invite_needs_email) />
                        <CheckboxField form name=field::IGNORE_BULK_MAIL
                            label=i18n.text(|t| t.ignore_bulk_mail) hint=i18n.text(|t| t.ignore_bulk_mail_hint) />
                    </div>
                    <div class="span-2">
                        <TagPicker form name=field::GROUP_LIST groups=suggestions
                            label=i18n.text(|t| t.tags_label) hint=i18n.text(|t| t.tags_hint) />
                    </div>
                    <div class="span-2 actions">
                        <SubmitButton form label=i18n.text(|t| t.contact_submit) />
                    </div>
                </form>
            </Show>
        </section>
    }
}

/// Picks a label from the language's strings, so the table follows a language switch.
type Label = fn(&crate::i18n::Ui) -> &'static str;

#[component]
fn StoredView(contact: StoredContact) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t();
    let or_dash = |v: Option<String>| {
        v.filter(|s| !s.is_empty())
            .unwrap_or_else(|| "—".to_owned())
    };
    let name = [contact.first_name.clone(), contact.last_name.clone()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    let address = [
        contact.street_address.clone(),
        match (&contact.postal_code, &contact.city) {
            (Some(p), Some(c)) => Some(format!("{p} {c}")),
            (None, Some(c)) => Some(c.clone()),
            _ => None,
        },
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(", ");
    let groups = contact
        .group_list
        .iter()
        .map(|g| g.slug.clone())
        .collect::<Vec<_>>()
        .join(", ");
    let rows: Vec<(Label, String)> = vec![
        (|t| t.email, or_dash(contact.email.clone())),
        (|t| t.phone, or_dash(contact.phone.clone())),
        (|t| t.full_name, or_dash(Some(name))),
        (
            |t| t.ico,
            or_dash(contact.company_registration_number.clone()),
        ),
        (|t| t.company_name, or_dash(contact.company_name.clone())),
        (|t| t.address, or_dash(Some(address))),
        (|t| t.dic, or_dash(contact.dic.clone())),
        (|t| t.groups, or_dash(Some(groups))),
    ];
    let bulk = contact.ignore_bulk_mail;
    view! {
        <dl class="stored" data-customer-id=contact.customer_id.clone()>
            {rows
                .into_iter()
                .map(|(label, value)| {
                    view! {
                        <div class="row">
                            <dt>{move || label(t())}</dt>
                            <dd>{value}</dd>
                        </div>
                    }
                })
                .collect_view()}
            <div class="row">
                <dt>{move || t().ignore_bulk_mail}</dt>
                <dd>{move || if bulk { t().yes } else { t().no }}</dd>
            </div>
        </dl>
    }
}

//! "New contact" (`/contacts/new`, `POST /bff/contact/create`).

use bizkit_contract::endpoint::{CONTACT_CREATE, CONTACT_GET};
use bizkit_contract::field;
use bizkit_contract::{ContactCreateRequest, GroupListItem, NAME_MAX, StoredContact};
use leptos::prelude::*;

use crate::api::Body;
use crate::components::ares::{AresPreview, use_ares};
use crate::components::error_summary::ErrorSummary;
use crate::components::field::Control;
use crate::components::field_table::{self, FieldRows, FieldSpec, preview};
use crate::components::focus::focus_after_render;
use crate::components::form::{FormCtl, Values, send};
use crate::components::layout::use_announcer;
use crate::components::notices::{DraftNotice, guard_leaving, submission};
use crate::components::submit::SubmitButton;
use crate::components::tag_picker::{existing_groups, read_tags};
use crate::i18n::{Text, ui, use_i18n};
use crate::session::current_session;

const MAIN: &[FieldSpec] = &[
    FieldSpec::new(field::EMAIL, &ui::EMAIL)
        .control(Control::Email)
        .autocomplete("off")
        .hint(&ui::EMAIL_HINT)
        .preview(preview::email),
    FieldSpec::new(field::PHONE, &ui::PHONE)
        .control(Control::Tel)
        .autocomplete("off")
        .hint(&ui::PHONE_HINT)
        .preview(preview::phone),
    FieldSpec::new(field::FIRST_NAME, &ui::FIRST_NAME)
        .autocomplete("off")
        .counter(NAME_MAX),
    FieldSpec::new(field::LAST_NAME, &ui::LAST_NAME)
        .autocomplete("off")
        .counter(NAME_MAX),
    FieldSpec::new(field::COMPANY_REGISTRATION_NUMBER, &ui::ICO)
        .control(Control::Numeric)
        .wide()
        .autocomplete("off")
        .hint(&ui::ICO_HINT)
        .preview(preview::ico),
];
/// Side by side in one block.
const CHECKS: &[FieldSpec] = &[
    // An invitation needs an e-mail.
    FieldSpec::new(field::SEND_REGISTRATION_INVITE, &ui::SEND_INVITE)
        .checkbox()
        .hint(&ui::SEND_INVITE_HINT)
        .disabled_when(no_email, &ui::SEND_INVITE_NEEDS_EMAIL),
    FieldSpec::new(field::IGNORE_BULK_MAIL, &ui::IGNORE_BULK_MAIL)
        .checkbox()
        .hint(&ui::IGNORE_BULK_MAIL_HINT),
];
const TAGS: &[FieldSpec] = &[FieldSpec::new(field::GROUP_LIST, &ui::GROUPS)
    .tags()
    .wide()
    .hint(&ui::TAGS_HINT)];
const ROWS: &[&[FieldSpec]] = &[MAIN, CHECKS, TAGS];

fn no_email(v: Values) -> bool {
    v.get(field::EMAIL).trim().is_empty()
}

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
    let session = current_session();
    let announcer = use_announcer();
    let rules = StoredValue::new(session.org_rules());
    let form = FormCtl::new("contact", &field_table::names(ROWS), move |v| {
        rules
            .with_value(|r| request(v).parse(r).err())
            .unwrap_or_default()
    });
    form.keep_draft(&session.scope());
    guard_leaving(form);

    let suggestions = existing_groups(session);

    let ares = use_ares(form.field(field::COMPANY_REGISTRATION_NUMBER).value.into());
    let values = form.values();
    let no_email = Memo::new(move |_| no_email(values));
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
            announcer.say(i18n.tr(&ui::CONTACT_CREATED)());
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
        request_animation_frame(move || crate::components::focus::focus_by_id("contact-email"));
    };

    let ares_preview =
        ViewFn::from(move || view! { <AresPreview state=ares id="contact-ares".to_owned() /> });

    view! {
        <section class="panel">
            <Show
                when=move || stored.get().is_none()
                fallback=move || {
                    view! {
                        <div class="success">
                            <h2 tabindex="-1" node_ref=done_heading>{i18n.tr(&ui::CONTACT_CREATED)}</h2>
                            <p>{i18n.tr(&ui::CONTACT_STORED_INTRO)}</p>
                            {move || stored.get().map(|c| view! { <StoredView contact=c /> })}
                            <button type="button" class="button primary" on:click=next>
                                {i18n.tr(&ui::CONTACT_NEXT)}
                            </button>
                        </div>
                    }
                }
            >
                <h1>{i18n.tr(&ui::NEW_CONTACT)}</h1>
                <p class="lead">{i18n.tr(&ui::CONTACT_INTRO)}</p>
                <DraftNotice form />
                <ErrorSummary form on_retry=Callback::new(move |_| submit_now()) />
                <form class="form-grid" data-form="contact" on:submit=on_submit novalidate>
                    <FieldRows form rows=MAIN extra=(field::COMPANY_REGISTRATION_NUMBER, ares_preview.clone()) />
                    <div class="span-2 checks"><FieldRows form rows=CHECKS /></div>
                    <FieldRows form rows=TAGS suggestions />
                    <div class="span-2 actions">
                        <SubmitButton form label=i18n.tr(&ui::CONTACT_SUBMIT) />
                    </div>
                </form>
            </Show>
        </section>
    }
}

/// A label in both languages, so the table follows a language switch.
type Label = &'static Text;

#[component]
fn StoredView(contact: StoredContact) -> impl IntoView {
    let i18n = use_i18n();
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
        (&ui::EMAIL, or_dash(contact.email.clone())),
        (&ui::PHONE, or_dash(contact.phone.clone())),
        (&ui::FULL_NAME, or_dash(Some(name))),
        (
            &ui::ICO,
            or_dash(contact.company_registration_number.clone()),
        ),
        (&ui::COMPANY_NAME, or_dash(contact.company_name.clone())),
        (&ui::ADDRESS, or_dash(Some(address))),
        (&ui::DIC, or_dash(contact.dic.clone())),
        (&ui::GROUPS, or_dash(Some(groups))),
    ];
    let bulk = contact.ignore_bulk_mail;
    view! {
        <dl class="stored" data-customer-id=contact.customer_id.clone()>
            {rows
                .into_iter()
                .map(|(label, value)| {
                    view! {
                        <div class="row">
                            <dt>{i18n.tr(label)}</dt>
                            <dd>{value}</dd>
                        </div>
                    }
                })
                .collect_view()}
            <div class="row">
                <dt>{i18n.tr(&ui::IGNORE_BULK_MAIL)}</dt>
                <dd>{move || if bulk { i18n.tr(&ui::YES)() } else { i18n.tr(&ui::NO)() }}</dd>
            </div>
        </dl>
    }
}

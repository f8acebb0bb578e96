//! "New contact" (`/contacts/new`, `POST /bff/contact/create`).

use bizkit_contract::endpoint::{CONTACT_CREATE, CONTACT_GET};
use bizkit_contract::field;
use bizkit_contract::{ContactCreateRequest, ContactCreateResponse, GroupListItem, StoredContact};
use leptos::prelude::*;

use crate::components::ares::{AresPreview, use_ares};
use crate::components::field_table::{FieldRows, FieldSpec, common};
use crate::components::form::Values;
use crate::components::form_page::{FormPage, Page, Request, Sent, Then};
use crate::components::record;
use crate::components::tag_picker::{existing_groups, read_tags};
use crate::i18n::{ui, use_i18n};
use crate::session::current_session;

const MAIN: &[FieldSpec] = &[
    common::EMAIL,
    common::PHONE,
    common::FIRST_NAME,
    common::LAST_NAME,
    common::ico(&ui::ICO, &t::ICO_HINT),
];
/// Side by side in one block.
const CHECKS: &[FieldSpec] = &[
    // An invitation needs an e-mail.
    FieldSpec::new(field::SEND_REGISTRATION_INVITE, &t::SEND_INVITE)
        .checkbox()
        .hint(&t::SEND_INVITE_HINT)
        .disabled_when(no_email, &t::SEND_INVITE_NEEDS_EMAIL),
    FieldSpec::new(field::IGNORE_BULK_MAIL, &t::IGNORE_BULK_MAIL)
        .checkbox()
        .hint(&t::IGNORE_BULK_MAIL_HINT),
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

const PAGE: Page = Page {
    key: "contact",
    title: Some((&ui::NEW_CONTACT, &t::CONTACT_INTRO)),
    class: "form-grid",
    submit: &ui::CONTACT_SUBMIT,
    done: &ui::CONTACT_CREATED,
    then: Then::next(&ui::CONTACT_NEXT, "contact-email"),
};

#[component]
pub fn ContactNew() -> impl IntoView {
    let session = current_session();
    let call = Request::new(CONTACT_CREATE, request, ContactCreateRequest::parse);
    let form = call.form(PAGE.key, &[], ROWS);
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
    let done = RwSignal::new(None::<Sent>);
    let panel = ViewFn::from(move || {
        done.get()
            .and_then(|s| s.answer::<ContactCreateResponse>())
            .map(|a| view! { <Stored id=a.customer_id /> })
    });
    let ares_preview =
        ViewFn::from(move || view! { <AresPreview state=ares id="contact-ares".to_owned() /> });
    view! {
        <section class="panel">
            <FormPage form call page=&PAGE done panel>
                <FieldRows form rows=MAIN extra=(field::COMPANY_REGISTRATION_NUMBER, ares_preview.clone()) />
                <div class="span-2 checks"><FieldRows form rows=CHECKS /></div>
                <FieldRows form rows=TAGS suggestions />
            </FormPage>
        </section>
    }
}

/// What was stored (normal forms, the company from ARES), read back; a backend without the read
/// call still shows the new contact's id.
#[component]
fn Stored(id: String) -> impl IntoView {
    let session = current_session();
    // A task, not a resource: a pending resource would suspend the page's frame around it.
    let read = RwSignal::new(None::<StoredContact>);
    leptos::task::spawn_local(async move {
        let got = session.client().call(&CONTACT_GET, &[&id]).await;
        read.try_set(Some(got.unwrap_or_else(|_| StoredContact {
            customer_id: id,
            ..Default::default()
        })));
    });
    move || {
        read.get().map(|contact| {
            view! { <p>{use_i18n().tr(&t::CONTACT_STORED_INTRO)}</p> <StoredView contact /> }
        })
    }
}

#[component]
fn StoredView(contact: StoredContact) -> impl IntoView {
    let i18n = use_i18n();
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
    let rows: Vec<record::Row> = vec![
        (&ui::EMAIL, contact.email.clone()),
        (&ui::PHONE, contact.phone.clone()),
        (&ui::FULL_NAME, Some(name)),
        (&ui::ICO, contact.company_registration_number.clone()),
        (&ui::COMPANY_NAME, contact.company_name.clone()),
        (&ui::ADDRESS, Some(address)),
        (&ui::DIC, contact.dic.clone()),
        (&ui::GROUPS, Some(groups)),
    ];
    let bulk = contact.ignore_bulk_mail;
    view! {
        <dl class="stored" data-customer-id=contact.customer_id.clone()>
            {record::rows(rows)}
            <div class="row">
                <dt>{i18n.tr(&t::IGNORE_BULK_MAIL)}</dt>
                <dd>{move || if bulk { i18n.tr(&t::YES)() } else { i18n.tr(&t::NO)() }}</dd>
            </div>
        </dl>
    }
}

/// This page's own texts; those several pages show are in `crate::i18n`.
pub(crate) mod t {
    crate::i18n::texts! {
        CONTACT_INTRO:
            "Zadejte e-mail, telefon, nebo obojí. Vše ostatní je nepovinné.",
            "Enter an e-mail, a phone number or both. Everything else is optional.";
        ICO_HINT:
            "8 číslic. Název firmy a adresu doplníme z ARES.",
            "8 digits. We fill in the company name and address from ARES.";
        SEND_INVITE: "Poslat pozvánku k registraci", "Send a registration invitation";
        SEND_INVITE_HINT:
            "Kontakt dostane e-mail s odkazem na založení účtu.",
            "The contact gets an e-mail to create an account.";
        SEND_INVITE_NEEDS_EMAIL:
            "Pro odeslání pozvánky zadejte e-mail.",
            "Enter an e-mail address to send an invitation.";
        IGNORE_BULK_MAIL: "Neposílat newslettery a hromadné e-maily", "No newsletters and bulk e-mails";
        IGNORE_BULK_MAIL_HINT:
            "Kontakt bude od začátku odhlášen.",
            "The contact is opted out from the start.";
        CONTACT_STORED_INTRO: "Uložilo se toto:", "This is what was saved:";
        YES: "Ano", "Yes";
        NO: "Ne", "No";
    }
}

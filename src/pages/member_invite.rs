//! "Invite member" (`/members/invite`, `POST /bff/member/invite-email`).

use bizkit_contract::endpoint::{MEMBER_INVITE, PERMISSION_LIST};
use bizkit_contract::field;
use bizkit_contract::{Email, InviteStatus, MemberInviteRequest, MemberInviteResponse};
use leptos::prelude::*;

use crate::components::code_picker::read_codes;
use crate::components::field::Control;
use crate::components::field_table::{FieldRows, FieldSpec, common};
use crate::components::form::Values;
use crate::components::form_page::{FormPage, Page, Request, Sent, Then};
use crate::i18n::{Text, fill, use_i18n};
use crate::session::current_session;

const ROWS: &[FieldSpec] = &[
    common::EMAIL.required().wide(),
    common::FIRST_NAME,
    common::LAST_NAME,
    FieldSpec::new(field::PERMISSION_CODES, &t::PERMISSIONS).codes(|c| c.permissions),
    FieldSpec::new(field::ROLE_CODES, &t::ROLES).codes(|c| c.roles),
    FieldSpec::new(field::DESCRIPTION, &t::DESCRIPTION)
        .control(Control::TextArea)
        .wide()
        .hint(&t::DESCRIPTION_HINT),
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

const PAGE: Page = Page {
    key: "invite",
    title: Some((&t::INVITE_TITLE, &t::INVITE_INTRO)),
    class: "form-grid",
    submit: &t::INVITE_SUBMIT,
    done: &t::INVITE_INVITED,
    then: Then::next(&t::INVITE_NEXT, "invite-email"),
};

/// Someone with an account was added at once; anyone else was sent an invitation.
fn added(sent: &Sent) -> bool {
    sent.answer::<MemberInviteResponse>()
        .is_some_and(|a| a.status == InviteStatus::Added)
}

fn outcome(sent: &Sent) -> (&'static Text, &'static str) {
    if added(sent) {
        (&t::INVITE_ADDED, "added")
    } else {
        (&t::INVITE_INVITED, "invited")
    }
}

#[component]
pub fn MemberInvite() -> impl IntoView {
    let i18n = use_i18n();
    let session = current_session();
    let call = Request::new(MEMBER_INVITE, request, MemberInviteRequest::parse);
    let form = call.form(PAGE.key, &[], &[ROWS]);
    // `None` while loading, an empty list where the backend has no catalogue: free entry then.
    let catalogue = LocalResource::new(move || {
        let client = session.client();
        async move { client.call(&PERMISSION_LIST, &[]).await.unwrap_or_default() }
    });
    let catalogue = Signal::derive(move || catalogue.get());
    let done = RwSignal::new(None::<Sent>);
    let panel = ViewFn::from(move || {
        done.get().map(|sent| {
            // The address as it was stored, in normal form.
            let raw = sent.sent(field::EMAIL);
            let email = Email::parse(&raw).map_or(raw, |e| e.as_str().to_owned());
            let body = if added(&sent) {
                &t::INVITE_ADDED_BODY
            } else {
                &t::INVITE_INVITED_BODY
            };
            view! { <p>{move || fill(i18n.tr(body)(), &email)}</p> }
        })
    });
    view! {
        <section class="panel">
            <FormPage form call page=&PAGE done panel outcome=outcome>
                <FieldRows form rows=ROWS catalogue />
            </FormPage>
        </section>
    }
}

/// This page's own texts; those several pages show are in `crate::i18n`.
pub(crate) mod t {
    crate::i18n::texts! {
        NAV_MEMBER_INVITE: "Pozvat člena", "Invite member";
        INVITE_TITLE: "Pozvat člena", "Invite a member";
        INVITE_INTRO:
            "Kdo už má účet BizKitHub, bude přidán hned; ostatní dostanou pozvánku e-mailem.",
            "Someone who already has a BizKitHub account joins at once; anyone else gets an invitation by e-mail.";
        PERMISSIONS: "Oprávnění", "Permissions";
        ROLES: "Role", "Roles";
        DESCRIPTION: "Interní poznámka", "Internal note";
        DESCRIPTION_HINT: "Vidí ji jen administrátoři.", "Only administrators see it.";
        INVITE_SUBMIT: "Odeslat pozvánku", "Send invitation";
        INVITE_ADDED: "Člen přidán", "Member added";
        INVITE_ADDED_BODY:
            "{} už měl(a) účet a je nyní členem s vybranými oprávněními.",
            "{} already had an account and is now a member with the chosen permissions.";
        INVITE_INVITED: "Pozvánka odeslána", "Invitation sent";
        INVITE_INVITED_BODY:
            "{} dostane e-mail. Pozvánka čeká, dokud ji nepřijme.",
            "{} will get an e-mail. The invitation waits until it is accepted.";
        INVITE_NEXT: "Pozvat dalšího", "Invite someone else";
    }
}

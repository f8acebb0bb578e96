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
use crate::i18n::{Text, fill, ui, use_i18n};
use crate::session::current_session;

const ROWS: &[FieldSpec] = &[
    common::EMAIL.required().wide(),
    common::FIRST_NAME,
    common::LAST_NAME,
    FieldSpec::new(field::PERMISSION_CODES, &ui::PERMISSIONS).codes(|c| c.permissions),
    FieldSpec::new(field::ROLE_CODES, &ui::ROLES).codes(|c| c.roles),
    FieldSpec::new(field::DESCRIPTION, &ui::DESCRIPTION)
        .control(Control::TextArea)
        .wide()
        .hint(&ui::DESCRIPTION_HINT),
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
    title: Some((&ui::INVITE_TITLE, &ui::INVITE_INTRO)),
    class: "form-grid",
    submit: &ui::INVITE_SUBMIT,
    done: &ui::INVITE_INVITED,
    then: Then::next(&ui::INVITE_NEXT, "invite-email"),
};

/// Someone with an account was added at once; anyone else was sent an invitation.
fn added(sent: &Sent) -> bool {
    sent.answer::<MemberInviteResponse>()
        .is_some_and(|a| a.status == InviteStatus::Added)
}

fn outcome(sent: &Sent) -> (&'static Text, &'static str) {
    if added(sent) {
        (&ui::INVITE_ADDED, "added")
    } else {
        (&ui::INVITE_INVITED, "invited")
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
                &ui::INVITE_ADDED_BODY
            } else {
                &ui::INVITE_INVITED_BODY
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

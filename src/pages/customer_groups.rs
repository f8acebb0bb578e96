//! "Add groups to customer" (`/customers/groups`, `POST /api/v1/customer/add-groups`).

use bizkit_contract::endpoint::CUSTOMER_ADD_GROUPS;
use bizkit_contract::field;
use bizkit_contract::{AddGroupsRequest, AddGroupsResponse, CU_REF_NO_LEN};
use leptos::prelude::*;

use crate::components::field::Control;
use crate::components::field_table::{FieldRows, FieldSpec, preview};
use crate::components::form::Values;
use crate::components::form_page::{FormPage, Page, Request, Sent, Then};
use crate::components::tag_picker::{existing_groups, read_tags};
use crate::i18n::{ui, use_i18n};
use crate::session::current_session;

/// Who the customer is: by e-mail or by reference number.
const IDENTIFY: &[FieldSpec] = &[
    FieldSpec::new(field::EMAIL, &ui::EMAIL)
        .control(Control::Email)
        .autocomplete("off")
        .hint(&ui::EMAIL_HINT),
    FieldSpec::new(field::CU_REF_NO, &ui::CU_REF_NO)
        .autocomplete("off")
        .hint(&ui::CU_REF_NO_HINT)
        .preview(preview::cu_ref_no)
        .counter(CU_REF_NO_LEN),
];
const TAGS: &[FieldSpec] = &[FieldSpec::new(field::GROUPS, &ui::GROUPS)
    .tags()
    .required()
    .wide()
    .hint(&ui::TAGS_HINT)];

fn request(v: Values) -> AddGroupsRequest {
    AddGroupsRequest {
        email: v.opt(field::EMAIL),
        cu_ref_no: v.opt(field::CU_REF_NO),
        groups: read_tags(&v.get(field::GROUPS))
            .into_iter()
            .map(|t| t.slug)
            .collect(),
    }
}

const PAGE: Page = Page {
    key: field::GROUPS,
    title: Some((&ui::GROUPS_TITLE, &ui::GROUPS_INTRO)),
    class: "form-grid",
    submit: &ui::GROUPS_SUBMIT,
    done: &ui::GROUPS_DONE,
    then: Then::next(&ui::GROUPS_NEXT, "groups-email"),
};

#[component]
pub fn CustomerGroups() -> impl IntoView {
    let i18n = use_i18n();
    let session = current_session();
    let call = Request::new(CUSTOMER_ADD_GROUPS, request, AddGroupsRequest::parse);
    let form = call.form(PAGE.key, &[], &[IDENTIFY, TAGS]);
    let suggestions = existing_groups(session);
    let values = form.values();
    let both = Memo::new(move |_| {
        values.opt(field::EMAIL).is_some() && values.opt(field::CU_REF_NO).is_some()
    });
    let done = RwSignal::new(None::<Sent>);
    let panel = ViewFn::from(move || {
        let c = done
            .get()
            .and_then(|s| s.answer::<AddGroupsResponse>())
            .unwrap_or_default();
        let list = |l: &[String]| {
            if l.is_empty() {
                "—".to_owned()
            } else {
                l.join(", ")
            }
        };
        view! {
            {c.added.is_empty().then(|| view! { <p>{i18n.tr(&ui::GROUPS_NOTHING_NEW)}</p> })}
            <dl class="stored">
                <div class="row">
                    <dt>{i18n.tr(&ui::GROUPS_ADDED_LIST)}</dt>
                    <dd data-list="added">{list(&c.added)}</dd>
                </div>
                <div class="row">
                    <dt>{i18n.tr(&ui::GROUPS_ALREADY_LIST)}</dt>
                    <dd data-list="already">{list(&c.already_assigned)}</dd>
                </div>
            </dl>
        }
    });
    view! {
        <section class="panel">
            <FormPage form call page=&PAGE done panel>
                <fieldset class="span-2 fieldset form-grid">
                    <legend class="label">{i18n.tr(&ui::IDENTIFY_LEGEND)}</legend>
                    <FieldRows form rows=IDENTIFY />
                    <Show when=move || both.get()>
                        <p class="notice info span-2" role="status">{i18n.tr(&ui::CU_REF_NO_WINS)}</p>
                    </Show>
                </fieldset>
                <FieldRows form rows=TAGS suggestions />
            </FormPage>
        </section>
    }
}

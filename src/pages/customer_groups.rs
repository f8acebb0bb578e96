//! "Add groups to customer" (`/customers/groups`, `POST /api/v1/customer/add-groups`).

use bizkit_contract::endpoint::CUSTOMER_ADD_GROUPS;
use bizkit_contract::field;
use bizkit_contract::{AddGroupsRequest, AddGroupsResponse};
use leptos::prelude::*;

use crate::components::field_table::{FieldRows, FieldSpec};
use crate::components::form::Values;
use crate::components::form_page::{FormPage, Page, Request, Sent, Then};
use crate::components::tag_picker::{existing_groups, read_tags};
use crate::components::which_customer::{self, WhichCustomer};
use crate::i18n::{ui, use_i18n};
use crate::session::current_session;

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
    title: Some((&t::GROUPS_TITLE, &t::GROUPS_INTRO)),
    class: "form-grid",
    submit: &t::GROUPS_SUBMIT,
    done: &t::GROUPS_DONE,
    then: Then::next(&t::GROUPS_NEXT, "groups-email"),
};

#[component]
pub fn CustomerGroups() -> impl IntoView {
    let i18n = use_i18n();
    let session = current_session();
    let call = Request::new(CUSTOMER_ADD_GROUPS, request, AddGroupsRequest::parse);
    let form = call.form(PAGE.key, &[], &[which_customer::ROWS, TAGS]);
    let suggestions = existing_groups(session);
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
            {c.added.is_empty().then(|| view! { <p>{i18n.tr(&t::GROUPS_NOTHING_NEW)}</p> })}
            <dl class="stored">
                <div class="row">
                    <dt>{i18n.tr(&t::GROUPS_ADDED_LIST)}</dt>
                    <dd data-list="added">{list(&c.added)}</dd>
                </div>
                <div class="row">
                    <dt>{i18n.tr(&t::GROUPS_ALREADY_LIST)}</dt>
                    <dd data-list="already">{list(&c.already_assigned)}</dd>
                </div>
            </dl>
        }
    });
    view! {
        <section class="panel">
            <FormPage form call page=&PAGE done panel>
                <WhichCustomer form />
                <FieldRows form rows=TAGS suggestions />
            </FormPage>
        </section>
    }
}

/// This page's own texts; those several pages show are in `crate::i18n`.
pub(crate) mod t {
    crate::i18n::texts! {
        NAV_CUSTOMER_GROUPS: "Skupiny zákazníků", "Customer groups";
        GROUPS_TITLE: "Přidat skupiny zákazníkovi", "Add groups to a customer";
        GROUPS_INTRO:
            "Najděte zákazníka podle e-mailu nebo referenčního čísla a vyberte skupiny.",
            "Find the customer by e-mail or by customer reference number, then choose the groups.";
        GROUPS_SUBMIT: "Přidat skupiny", "Add groups";
        GROUPS_DONE: "Skupiny upraveny", "Groups updated";
        GROUPS_ADDED_LIST: "Nově přidané", "Newly added";
        GROUPS_ALREADY_LIST: "Už přiřazené (beze změny)", "Already assigned (unchanged)";
        GROUPS_NOTHING_NEW:
            "Zákazník už všechny tyto skupiny měl; nic se nezměnilo.",
            "The customer already had all these groups; nothing changed.";
        GROUPS_NEXT: "Přidat skupiny dalšímu zákazníkovi", "Add groups to another customer";
    }
}

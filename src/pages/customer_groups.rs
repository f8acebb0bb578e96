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
    FieldSpec::new(field::CU_REF_NO, &t::CU_REF_NO)
        .autocomplete("off")
        .hint(&t::CU_REF_NO_HINT)
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
                <fieldset class="span-2 fieldset form-grid">
                    <legend class="label">{i18n.tr(&t::IDENTIFY_LEGEND)}</legend>
                    <FieldRows form rows=IDENTIFY />
                    <Show when=move || both.get()>
                        <p class="notice info span-2" role="status">{i18n.tr(&t::CU_REF_NO_WINS)}</p>
                    </Show>
                </fieldset>
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
        IDENTIFY_LEGEND: "Který zákazník", "Which customer";
        CU_REF_NO: "Referenční číslo zákazníka", "Customer reference number";
        CU_REF_NO_HINT:
            "16 písmen a číslic, např. 1cGIHvFoQDGLAbcA.",
            "16 letters and digits, for example 1cGIHvFoQDGLAbcA.";
        CU_REF_NO_WINS:
            "Vyplněno je obojí: zákazník se najde podle referenčního čísla, e-mail se nepoužije.",
            "Both are filled in: the customer is found by the reference number, the e-mail is not used.";
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

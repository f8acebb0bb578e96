//! "Add groups to customer" (`/customers/groups`, `POST /api/v1/customer/add-groups`).

use bizkit_contract::endpoint::CUSTOMER_ADD_GROUPS;
use bizkit_contract::field;
use bizkit_contract::{AddGroupsRequest, AddGroupsResponse, CuRefNo};
use leptos::prelude::*;

use crate::api::Body;
use crate::components::error_summary::ErrorSummary;
use crate::components::field::Field;
use crate::components::focus::{focus_after_render, focus_by_id};
use crate::components::form::{FormCtl, Values, send};
use crate::components::layout::use_announcer;
use crate::components::notices::{DraftNotice, guard_leaving, submission};
use crate::components::submit::SubmitButton;
use crate::components::tag_picker::{TagPicker, existing_groups, read_tags};
use crate::i18n::{ui, use_i18n};
use crate::session::current_session;

const FIELDS: &[&str] = &[field::EMAIL, field::CU_REF_NO, field::GROUPS];

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

#[component]
pub fn CustomerGroups() -> impl IntoView {
    let i18n = use_i18n();
    let session = current_session();
    let announcer = use_announcer();
    let rules = StoredValue::new(session.org_rules());
    let form = FormCtl::new(field::GROUPS, FIELDS, move |v| {
        rules
            .with_value(|r| request(v).parse(r).err())
            .unwrap_or_default()
    });
    form.keep_draft(&session.scope());
    guard_leaving(form);

    let suggestions = existing_groups(session);
    let email = form.field(field::EMAIL);
    let cu = form.field(field::CU_REF_NO);
    let both = Memo::new(move |_| {
        !email.value.with(|v| v.trim().is_empty()) && !cu.value.with(|v| v.trim().is_empty())
    });
    let cu_valid = Signal::derive(move || {
        cu.value
            .with(|v| CuRefNo::parse(v).ok().map(|c| c.as_str().to_owned()))
    });

    let changed = RwSignal::new(None::<AddGroupsResponse>);
    let done_heading = NodeRef::<leptos::html::H2>::new();
    let save = Action::new_local(move |json: &Body<AddGroupsRequest>| {
        let json = json.clone();
        async move {
            let Some(answer) = send(form, session, i18n, &CUSTOMER_ADD_GROUPS, &[], json).await
            else {
                return;
            };
            form.succeeded();
            announcer.say(i18n.tr(&ui::GROUPS_DONE)());
            changed.try_set(Some(answer.body));
            focus_after_render(done_heading);
        }
    });
    let submit_now = submission(form, session, save, request);
    let next = move |_| {
        changed.set(None);
        form.reset();
        request_animation_frame(|| focus_by_id("groups-email"));
    };

    view! {
        <section class="panel">
            <Show
                when=move || changed.get().is_none()
                fallback=move || {
                    let c = changed.get().unwrap_or_default();
                    let lang = i18n.lang.get();
                    let nothing_new = c.added.is_empty();
                    view! {
                        <div class="success">
                            <h2 tabindex="-1" node_ref=done_heading>{ui::GROUPS_DONE.get(lang)}</h2>
                            {nothing_new.then(|| view! { <p>{ui::GROUPS_NOTHING_NEW.get(lang)}</p> })}
                            <dl class="stored">
                                <div class="row">
                                    <dt>{ui::GROUPS_ADDED_LIST.get(lang)}</dt>
                                    <dd data-list="added">{if nothing_new { "—".to_owned() } else { c.added.join(", ") }}</dd>
                                </div>
                                <div class="row">
                                    <dt>{ui::GROUPS_ALREADY_LIST.get(lang)}</dt>
                                    <dd data-list="already">
                                        {if c.already_assigned.is_empty() { "—".to_owned() } else { c.already_assigned.join(", ") }}
                                    </dd>
                                </div>
                            </dl>
                            <button type="button" class="button primary" on:click=next>{ui::GROUPS_NEXT.get(lang)}</button>
                        </div>
                    }
                }
            >
                <h1>{i18n.tr(&ui::GROUPS_TITLE)}</h1>
                <p class="lead">{i18n.tr(&ui::GROUPS_INTRO)}</p>
                <DraftNotice form />
                <ErrorSummary form on_retry=Callback::new(move |_| submit_now()) />
                <form
                    class="form-grid"
                    data-form="groups"
                    on:submit=move |ev| {
                        ev.prevent_default();
                        submit_now();
                    }
                    novalidate
                >
                    <fieldset class="span-2 fieldset form-grid">
                        <legend class="label">{i18n.tr(&ui::IDENTIFY_LEGEND)}</legend>
                        <Field form name=field::EMAIL control=crate::components::field::Control::Email
                            autocomplete="off" label=i18n.tr(&ui::EMAIL) hint=i18n.tr(&ui::EMAIL_HINT) />
                        <Field form name=field::CU_REF_NO autocomplete="off" label=i18n.tr(&ui::CU_REF_NO)
                            hint=i18n.tr(&ui::CU_REF_NO_HINT) preview=cu_valid counter=bizkit_contract::CU_REF_NO_LEN />
                        <Show when=move || both.get()>
                            <p class="notice info span-2" role="status">{i18n.tr(&ui::CU_REF_NO_WINS)}</p>
                        </Show>
                    </fieldset>
                    <div class="span-2">
                        <TagPicker form name=field::GROUPS groups=suggestions required=true
                            label=i18n.tr(&ui::GROUPS) hint=i18n.tr(&ui::TAGS_HINT) />
                    </div>
                    <div class="span-2 actions">
                        <SubmitButton form label=i18n.tr(&ui::GROUPS_SUBMIT) />
                    </div>
                </form>
            </Show>
        </section>
    }
}

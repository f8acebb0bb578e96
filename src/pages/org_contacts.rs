//! Organisation contacts (`/organizations/:org/contacts/new`): an administrator adds a contact of a
//! given type to their organisation (`POST /api/v1/organizations/{org_id}/contacts`, the peer API's
//! model) and sees the contacts created so far (`GET` on the same path, a local addition).
//!
//! The type comes first: it is the one required field, it cannot change once the contact exists, and
//! it decides which other fields matter (only an invoice contact has a purchase order number).

use bizkit_contract::endpoint::{ORG_CONTACT_CREATE, ORG_CONTACT_LIST};
use bizkit_contract::field;
use bizkit_contract::{
    ContactType, Country, Email, IdRef, Lang, OrgContact, OrgContactCreateRequest, Phone,
    PostalCode,
};
use leptos::html;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::api::{Answer, ApiError, Body};
use crate::components::error_summary::{ErrorSummary, focus_after_render, focus_by_id};
use crate::components::field::{Control, Field};
use crate::components::form::{FormCtl, Values, describe, send};
use crate::components::layout::{expect_session, use_announcer};
use crate::components::live_check::check_while_typing;
use crate::components::notices::{DraftNotice, guard_leaving, submission};
use crate::components::select::{CountryValue, SearchSelect, country_options};
use crate::components::submit::SubmitButton;
use crate::i18n::portal::{PortalUi, portal};
use crate::i18n::{fill, use_i18n};

const FIELDS: &[&str] = &[
    field::CONTACT_TYPE,
    field::NAME,
    field::TITLE,
    field::DEPARTMENT,
    field::EMAIL,
    field::PHONE,
    field::MOBILE,
    field::STREET,
    field::SECONDARY_ADDRESS,
    field::ZIPCODE,
    field::CITY,
    field::STATE,
    field::COUNTRY,
    field::PURCHASE_ORDER_NUMBER,
];

/// Whether a field matters for a contact of this type. Nothing but the type before one is chosen.
pub fn relevant(t: Option<ContactType>, field: &str) -> bool {
    use ContactType::*;
    let Some(t) = t else {
        return field == "type";
    };
    match field {
        field::PURCHASE_ORDER_NUMBER => t.allows_purchase_order_number(),
        field::TITLE => matches!(t, Primary | Technical | Legal),
        field::MOBILE => matches!(t, Primary | Technical | Abuse),
        field::STREET
        | field::SECONDARY_ADDRESS
        | field::ZIPCODE
        | field::CITY
        | field::STATE
        | field::COUNTRY => {
            matches!(t, Primary | Billing | Legal | Invoice)
        }
        _ => true,
    }
}

fn chosen_type(v: &str) -> Option<ContactType> {
    v.trim()
        .parse::<u32>()
        .ok()
        .and_then(|id| ContactType::from_id(id).ok())
}

/// The request as the server will receive it: only the fields the type uses, so a value typed for
/// another type and hidden since is never sent.
fn request(v: Values) -> OrgContactCreateRequest {
    let raw_type = v.get(field::CONTACT_TYPE);
    let t = chosen_type(&raw_type);
    let take = |name: &str| relevant(t, name).then(|| v.opt(name)).flatten();
    OrgContactCreateRequest {
        contact_type: (!raw_type.trim().is_empty()).then(|| IdRef {
            id: raw_type.trim().parse().ok(),
        }),
        name: take(field::NAME),
        title: take(field::TITLE),
        department: take(field::DEPARTMENT),
        street: take(field::STREET),
        zipcode: take(field::ZIPCODE),
        city: take(field::CITY),
        // Text that named no country goes as id 0, which the rule names: "select a country".
        country: take(field::COUNTRY).map(|c| IdRef {
            id: Some(c.trim().parse().unwrap_or(0)),
        }),
        email: take(field::EMAIL),
        phone: take(field::PHONE),
        mobile: take(field::MOBILE),
        state: take(field::STATE),
        secondary_address: take(field::SECONDARY_ADDRESS),
        purchase_order_number: take(field::PURCHASE_ORDER_NUMBER),
        id: None,
        organisation_id: None,
    }
}

fn type_hint(t: ContactType, p: &PortalUi) -> &'static str {
    match t {
        ContactType::Primary => p.type_primary_hint,
        ContactType::Technical => p.type_technical_hint,
        ContactType::Billing => p.type_billing_hint,
        ContactType::Abuse => p.type_abuse_hint,
        ContactType::Legal => p.type_legal_hint,
        ContactType::Invoice => p.type_invoice_hint,
    }
}

fn type_name(id: u64, lang: Lang, fallback: &str) -> String {
    u32::try_from(id)
        .ok()
        .and_then(|id| ContactType::from_id(id).ok())
        .map(|t| t.name(lang).to_owned())
        .unwrap_or_else(|| fallback.to_owned())
}

fn country_name(c: &Option<bizkit_contract::IdName>, lang: Lang) -> String {
    c.as_ref()
        .map(|c| {
            u16::try_from(c.id)
                .ok()
                .and_then(Country::from_numeric)
                .map(|k| k.name(lang).to_owned())
                .unwrap_or_else(|| c.name.clone())
        })
        .unwrap_or_default()
}

#[derive(Clone, Debug, PartialEq)]
struct Created {
    contact: OrgContact,
    location: Option<String>,
}

#[component]
pub fn OrgContacts() -> impl IntoView {
    let i18n = use_i18n();
    let session = expect_session();
    let params = use_params_map();
    let org_param = Memo::new(move |_| params.with(|m| m.get("org").unwrap_or_default()));
    let org_id = Memo::new(move |_| org_param.with(|o| o.trim().parse::<u64>().ok()));
    let own = Memo::new(move |_| {
        session.info.with(|i| {
            i.as_ref()
                .and_then(|i| i.organisation.as_ref())
                .map(|o| (o.id, o.name.clone()))
        })
    });
    // Another organisation's page: the server would refuse; say so before anyone types.
    let foreign = Memo::new(move |_| match (org_id.get(), own.get()) {
        (Some(asked), Some((mine, _))) => asked != mine,
        _ => false,
    });
    let own_link = move || {
        own.get()
            .map(|(id, _)| format!("/organizations/{id}/contacts/new"))
            .unwrap_or_else(|| "/".to_owned())
    };

    view! {
        <section class="panel org-contacts" data-page="org-contacts">
            <h1>{i18n.portal_text(|p| p.org_contacts_title)}</h1>
            {move || {
                match org_id.get() {
                    None => view! {
                        <p class="notice warn" role="alert">{i18n.portal_text(|p| p.org_unknown)}</p>
                    }
                    .into_any(),
                    Some(_) if foreign.get() => view! {
                        <div class="notice warn" role="alert">
                            <p>{i18n.portal_text(|p| p.org_foreign)}</p>
                            <p><A href=own_link>{i18n.portal_text(|p| p.org_go_own)}</A></p>
                        </div>
                    }
                    .into_any(),
                    Some(id) => view! { <OrgContactsFor org=id /> }.into_any(),
                }
            }}
        </section>
    }
}

#[component]
fn OrgContactsFor(org: u64) -> impl IntoView {
    let i18n = use_i18n();
    let session = expect_session();
    let announcer = use_announcer();
    let rules = StoredValue::new(session.org_rules());
    let form = FormCtl::new("orgcontact", FIELDS, move |v| {
        rules
            .with_value(|r| request(v).parse(r).err())
            .unwrap_or_default()
    });
    form.keep_draft(&format!("{}.org{org}", session.scope()));
    guard_leaving(form);
    check_while_typing(form, field::EMAIL);
    check_while_typing(form, field::ZIPCODE);

    let value = move |name: &str| form.field(name).value;
    let kind = Memo::new(move |_| value(field::CONTACT_TYPE).with(|v| chosen_type(v)));
    let shows = move |name: &'static str| move || relevant(kind.get(), name);
    let email_preview = Signal::derive(move || {
        value(field::EMAIL).with(|v| Email::parse(v).ok().map(|e| e.into_string()))
    });
    let phone_preview = move |name: &'static str| {
        Signal::derive(move || {
            value(name).with(|v| {
                rules.with_value(|r| {
                    Phone::parse(v, &r.phone_prefix)
                        .ok()
                        .map(|x| x.into_string())
                })
            })
        })
    };
    let zip_preview = Signal::derive(move || {
        let country = value(field::COUNTRY)
            .with(|c| c.trim().parse::<u16>().ok().and_then(Country::from_numeric));
        value(field::ZIPCODE).with(|v| {
            PostalCode::parse_for(v, country)
                .ok()
                .map(|x| x.into_string())
        })
    });
    let countries = Signal::derive(move || country_options(i18n.lang.get(), CountryValue::Numeric));

    let refresh = RwSignal::new(0u32);
    let list = LocalResource::new(move || {
        refresh.track();
        let client = session.client();
        async move { client.call(&ORG_CONTACT_LIST, &[&org.to_string()]).await }
    });

    let created = RwSignal::new(None::<Created>);
    let done_heading = NodeRef::<html::H2>::new();
    let save = Action::new_local(move |json: &Body<OrgContactCreateRequest>| {
        let json = json.clone();
        async move {
            let org = org.to_string();
            let Some(Answer { body, location, .. }) =
                send(form, session, i18n, &ORG_CONTACT_CREATE, &[&org], json).await
            else {
                return;
            };
            if created.try_get_untracked().is_none() {
                return;
            }
            form.succeeded();
            created.set(Some(Created {
                contact: body,
                location,
            }));
            refresh.update(|n| *n += 1);
            announcer.say(portal(i18n.lang.get_untracked()).org_contact_created);
            focus_after_render(done_heading);
        }
    });
    let submit_now = submission(form, session, save, request);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        submit_now();
    };
    let next = move |_| {
        created.set(None);
        form.reset();
        request_animation_frame(|| focus_by_id("orgcontact-type-id"));
    };

    view! {
        <div class="org-contacts-body">
            <Show
                when=move || created.get().is_none()
                fallback=move || {
                    view! {
                        <div class="success">
                            <h2 tabindex="-1" node_ref=done_heading>{i18n.portal_text(|p| p.org_contact_created)}</h2>
                            {move || created.get().map(|c| view! { <CreatedView created=c /> })}
                            <button type="button" class="button primary" on:click=next>
                                {i18n.portal_text(|p| p.org_contact_next)}
                            </button>
                        </div>
                    }
                }
            >
                <h2>{i18n.portal_text(|p| p.org_contact_new)}</h2>
                <p class="lead">{i18n.portal_text(|p| p.org_contact_intro)}</p>
                <DraftNotice form />
                <ErrorSummary form on_retry=Callback::new(move |_| submit_now()) />
                <form class="form-grid" data-form="orgcontact" on:submit=on_submit novalidate>
                    <div class="span-2">
                        <TypeChoice form />
                    </div>
                    <Show when=move || kind.get().is_none()>
                        <p class="span-2 hint">{i18n.portal_text(|p| p.type_first)}</p>
                    </Show>
                    <Show when=move || kind.get().is_some()>
                        <h3 class="span-2 subhead">{i18n.portal_text(|p| p.org_contact_person)}</h3>
                        <Field form name=field::NAME autocomplete="off" counter=bizkit_contract::NAME_MAX label=i18n.portal_text(|p| p.contact_name) />
                        <Show when=shows(field::TITLE)>
                            <Field form name=field::TITLE autocomplete="off" counter=bizkit_contract::TITLE_MAX
                                label=i18n.portal_text(|p| p.contact_title) hint=i18n.portal_text(|p| p.contact_title_hint) />
                        </Show>
                        <Field form name=field::DEPARTMENT autocomplete="off" label=i18n.portal_text(|p| p.department) />
                        <Field form name=field::EMAIL control=Control::Email autocomplete="off"
                            label=i18n.portal_text(|p| p.email) hint=i18n.portal_text(|p| p.contact_email_hint)
                            preview=email_preview />
                        <Field form name=field::PHONE control=Control::Tel autocomplete="off"
                            label=i18n.portal_text(|p| p.phone) hint=i18n.text(|t| t.phone_hint)
                            preview=phone_preview(field::PHONE) />
                        <Show when=shows(field::MOBILE)>
                            <Field form name=field::MOBILE control=Control::Tel autocomplete="off"
                                label=i18n.portal_text(|p| p.mobile) preview=phone_preview(field::MOBILE) />
                        </Show>
                    </Show>
                    <Show when=shows(field::STREET)>
                        <h3 class="span-2 subhead">{i18n.portal_text(|p| p.group_address)}</h3>
                        <div class="span-2">
                            <Field form name=field::STREET autocomplete="off" label=i18n.portal_text(|p| p.street_address) />
                        </div>
                        <div class="span-2">
                            <Field form name=field::SECONDARY_ADDRESS autocomplete="off"
                                label=i18n.portal_text(|p| p.secondary_address) hint=i18n.portal_text(|p| p.secondary_address_hint) />
                        </div>
                        <Field form name=field::ZIPCODE autocomplete="off" label=i18n.portal_text(|p| p.postal_code)
                            hint=i18n.portal_text(|p| p.zipcode_hint) preview=zip_preview />
                        <Field form name=field::CITY autocomplete="off" label=i18n.portal_text(|p| p.city) />
                        <Field form name=field::STATE autocomplete="off" label=i18n.portal_text(|p| p.state) />
                        <SearchSelect form name=field::COUNTRY error_name="country.id" options=countries
                            label=i18n.portal_text(|p| p.country) hint=i18n.portal_text(|p| p.country_hint) />
                    </Show>
                    <Show when=shows(field::PURCHASE_ORDER_NUMBER)>
                        <div class="span-2">
                            <Field form name=field::PURCHASE_ORDER_NUMBER autocomplete="off" counter=bizkit_contract::PURCHASE_ORDER_NUMBER_MAX
                                label=i18n.portal_text(|p| p.purchase_order_number)
                                hint=i18n.portal_text(|p| p.purchase_order_number_hint) />
                        </div>
                    </Show>
                    <div class="span-2 actions">
                        <SubmitButton form label=i18n.portal_text(|p| p.org_contact_submit) />
                    </div>
                </form>
            </Show>
            <ContactList list refresh />
        </div>
    }
}

/// The type as radios, each with what it is for; the legend says it is fixed once created.
#[component]
fn TypeChoice(form: FormCtl) -> impl IntoView {
    let i18n = use_i18n();
    let p = move || portal(i18n.lang.get());
    let field = form.field(field::CONTACT_TYPE);
    form.set_label(
        field::CONTACT_TYPE,
        TextProp::from(i18n.portal_text(|p| p.contact_type)),
    );
    let error = Memo::new(move |_| {
        form.visible_error(field::CONTACT_TYPE, i18n)
            .or_else(|| form.visible_error("type.id", i18n))
    });
    let hint_id = "orgcontact-type-hint";
    let error_id = "orgcontact-type-error";
    view! {
        <fieldset
            class="field type-choice"
            class:field-error=move || error.get().is_some()
            aria-describedby=move || {
                if error.get().is_some() { format!("{hint_id} {error_id}") } else { hint_id.to_owned() }
            }
        >
            <legend class="label">{i18n.portal_text(|p| p.contact_type)}</legend>
            <p class="hint" id=hint_id>{i18n.portal_text(|p| p.contact_type_hint)}</p>
            <Show when=move || error.get().is_some()>
                <p class="error-message" id=error_id>
                    <span class="visually-hidden">{i18n.text(|t| t.error_summary_title)} ": "</span>
                    {move || error.get()}
                </p>
            </Show>
            <div class="radios">
                {ContactType::all()
                    .iter()
                    .copied()
                    .enumerate()
                    .map(|(i, t)| {
                        let value = t.id().to_string();
                        // The first radio carries the field's id: the error summary links to it.
                        let id = if i == 0 {
                            "orgcontact-type-id".to_owned()
                        } else {
                            format!("orgcontact-type-{}", t.id())
                        };
                        let item_hint = format!("{id}-hint");
                        let v1 = value.clone();
                        let v2 = value.clone();
                        view! {
                            <div class="radio">
                                <input
                                    type="radio"
                                    class="radio-input"
                                    id=id.clone()
                                    name="orgcontact-type"
                                    value=value
                                    required=true
                                    prop:checked=move || field.value.with(|v| *v == v1)
                                    on:change=move |_| field.value.set(v2.clone())
                                    aria-describedby=item_hint.clone()
                                    aria-invalid=move || error.get().is_some().then_some("true")
                                />
                                <label class="radio-label" for=id>
                                    {move || t.name(i18n.lang.get())}
                                    <span class="type-id">{format!(" ({})", t.id())}</span>
                                </label>
                                <p class="hint" id=item_hint>{move || type_hint(t, p())}</p>
                            </div>
                        }
                    })
                    .collect_view()}
            </div>
        </fieldset>
    }
}

type Row = (fn(&PortalUi) -> &'static str, String);

#[component]
fn CreatedView(created: Created) -> impl IntoView {
    let i18n = use_i18n();
    let p = move || portal(i18n.lang.get());
    let c = created.contact;
    let lang = i18n.lang.get_untracked();
    let dash = |v: Option<String>| {
        v.filter(|s| !s.trim().is_empty())
            .unwrap_or_else(|| "—".to_owned())
    };
    let rows: Vec<Row> = vec![
        (|p| p.contact_id, c.contact_id.clone()),
        (
            |p| p.contact_type,
            type_name(c.contact_type.id, lang, &c.contact_type.name),
        ),
        (|p| p.contact_name, dash(c.name.clone())),
        (|p| p.contact_title, dash(c.title.clone())),
        (|p| p.department, dash(c.department.clone())),
        (|p| p.email, dash(c.email.clone())),
        (|p| p.phone, dash(c.phone.clone())),
        (|p| p.mobile, dash(c.mobile.clone())),
        (|p| p.street_address, dash(c.street.clone())),
        (|p| p.secondary_address, dash(c.secondary_address.clone())),
        (|p| p.postal_code, dash(c.zipcode.clone())),
        (|p| p.city, dash(c.city.clone())),
        (|p| p.state, dash(c.state.clone())),
        (|p| p.country, dash(Some(country_name(&c.country, lang)))),
        (
            |p| p.purchase_order_number,
            dash(c.purchase_order_number.clone()),
        ),
        (|p| p.location, dash(created.location.clone())),
    ];
    view! {
        <p>{move || fill(p().org_contact_stored_intro, &c.organisation.name)}</p>
        <dl class="stored" data-contact-id=c.contact_id.clone()>
            {rows
                .into_iter()
                .map(|(label, value)| {
                    view! {
                        <div class="row">
                            <dt>{move || label(p())}</dt>
                            <dd>{value}</dd>
                        </div>
                    }
                })
                .collect_view()}
        </dl>
    }
}

#[component]
fn ContactList(
    list: LocalResource<Result<Vec<OrgContact>, ApiError>>,
    refresh: RwSignal<u32>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="contact-list" aria-labelledby="org-contacts-list-title">
            <h2 id="org-contacts-list-title">{i18n.portal_text(|p| p.org_contacts_list)}</h2>
            <Suspense fallback=move || view! { <p class="loading">{i18n.text(|t| t.loading)}</p> }>
                {move || {
                    list.get()
                        .map(|result| match result {
                            Ok(contacts) if contacts.is_empty() => {
                                view! { <p class="hint">{i18n.portal_text(|p| p.org_contacts_none)}</p> }.into_any()
                            }
                            Ok(contacts) => view! { <ContactTable contacts /> }.into_any(),
                            // A backend without the list: the form still works.
                            Err(ApiError::NotFound { .. }) => {
                                view! { <p class="hint">{i18n.portal_text(|p| p.org_contacts_no_list)}</p> }.into_any()
                            }
                            Err(e) => {
                                let msg = describe(&e, i18n);
                                view! {
                                    <div class="notice warn" role="alert">
                                        <p>{msg}</p>
                                        <button
                                            type="button"
                                            class="button secondary"
                                            on:click=move |_| refresh.update(|n| *n += 1)
                                        >
                                            {i18n.text(|t| t.retry)}
                                        </button>
                                    </div>
                                }
                                    .into_any()
                            }
                        })
                }}
            </Suspense>
        </section>
    }
}

#[component]
fn ContactTable(contacts: Vec<OrgContact>) -> impl IntoView {
    let i18n = use_i18n();
    let p = move || portal(i18n.lang.get());
    let count = contacts.len();
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-labelledby="org-contacts-caption">
            <table class="contacts">
                <caption id="org-contacts-caption">
                    {move || fill(p().org_contacts_caption, &count.to_string())}
                </caption>
                <thead>
                    <tr>
                        <th scope="col">{i18n.portal_text(|p| p.contact_id)}</th>
                        <th scope="col">{i18n.portal_text(|p| p.contact_type)}</th>
                        <th scope="col">{i18n.portal_text(|p| p.contact_name)}</th>
                        <th scope="col">{i18n.portal_text(|p| p.email)}</th>
                        <th scope="col">{i18n.portal_text(|p| p.phone)}</th>
                        <th scope="col">{i18n.portal_text(|p| p.country)}</th>
                        <th scope="col">{i18n.portal_text(|p| p.purchase_order_number)}</th>
                    </tr>
                </thead>
                <tbody>
                    {contacts
                        .into_iter()
                        .map(|c| {
                            let type_id = c.contact_type.id;
                            let type_fallback = c.contact_type.name.clone();
                            let country = c.country.clone();
                            view! {
                                // `data-label`: on a phone each row becomes a card that names its cells.
                                <tr data-contact-id=c.contact_id.clone()>
                                    <td data-label=i18n.portal_text(|p| p.contact_id)>{c.contact_id.clone()}</td>
                                    <td data-label=i18n.portal_text(|p| p.contact_type)>
                                        {move || type_name(type_id, i18n.lang.get(), &type_fallback)}
                                    </td>
                                    <td data-label=i18n.portal_text(|p| p.contact_name)>{c.name.clone().unwrap_or_default()}</td>
                                    <td class="wrap" data-label=i18n.portal_text(|p| p.email)>
                                        {c.email.clone().unwrap_or_default()}
                                    </td>
                                    <td class="nowrap" data-label=i18n.portal_text(|p| p.phone)>
                                        {c.phone.clone().unwrap_or_default()}
                                    </td>
                                    <td data-label=i18n.portal_text(|p| p.country)>{move || country_name(&country, i18n.lang.get())}</td>
                                    <td data-label=i18n.portal_text(|p| p.purchase_order_number)>
                                        {c.purchase_order_number.clone().unwrap_or_default()}
                                    </td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_invoice_contacts_have_a_purchase_order_number() {
        for t in ContactType::all() {
            assert_eq!(
                relevant(Some(*t), field::PURCHASE_ORDER_NUMBER),
                *t == ContactType::Invoice
            );
            assert!(relevant(Some(*t), field::EMAIL));
        }
        assert!(relevant(None, field::CONTACT_TYPE));
        assert!(!relevant(None, field::EMAIL));
    }
}

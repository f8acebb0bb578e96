//! Organisation contacts (`/organizations/:org/contacts/new`): an administrator adds a contact of a
//! given type to their organisation (`POST /api/v1/organizations/{org_id}/contacts`, the peer API's
//! model) and sees the contacts created so far (`GET` on the same path, a local addition).
//!
//! The type comes first: it is the one required field, it cannot change once the contact exists, and
//! it decides which other fields matter (only an invoice contact has a purchase order number).

use bizkit_contract::endpoint::{ORG_CONTACT_CREATE, ORG_CONTACT_LIST};
use bizkit_contract::field;
use bizkit_contract::{
    ContactType, Country, IdRef, Lang, NAME_MAX, OrgContact, OrgContactCreateRequest, OrgRules,
    PURCHASE_ORDER_NUMBER_MAX, PostalCode, TITLE_MAX,
};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::api::ApiError;
use crate::components::field::{Control, Radio};
use crate::components::field_table::{FieldRows, FieldSpec, common, preview};
use crate::components::form::{Values, describe};
use crate::components::form_page::{FormPage, Page, Request, Sent, Then};
use crate::components::notices::RetryNotice;
use crate::components::record;
use crate::components::select::{CountryValue, country_options};
use crate::i18n::{Text, fill, names, portal, ui, use_i18n};
use crate::session::current_session;

/// The type first: it decides which other fields matter.
const TYPE: &[FieldSpec] = &[FieldSpec::new(field::CONTACT_TYPE, &t::CONTACT_TYPE)
    .radios(type_radios)
    .required()
    .wide()
    .error_name("type.id")
    .hint(&t::CONTACT_TYPE_HINT)];
/// The person, then the address, then the order: each block shows once the chosen type uses it.
const PERSON: &[FieldSpec] = &[
    FieldSpec::new(field::NAME, &ui::FULL_NAME)
        .autocomplete("off")
        .counter(NAME_MAX),
    FieldSpec::new(field::TITLE, &t::PERSON_TITLE)
        .autocomplete("off")
        .counter(TITLE_MAX)
        .hint(&t::PERSON_TITLE_HINT)
        .visible_when(shown),
    FieldSpec::new(field::DEPARTMENT, &t::DEPARTMENT).autocomplete("off"),
    common::EMAIL
        .hint(&t::CONTACT_EMAIL_HINT)
        .check_while_typing(),
    common::PHONE,
    FieldSpec::new(field::MOBILE, &t::MOBILE)
        .control(Control::Tel)
        .autocomplete("off")
        .preview(preview::phone)
        .visible_when(shown),
];
const ADDRESS: &[FieldSpec] = &[
    FieldSpec::new(field::STREET, &portal::STREET_ADDRESS)
        .wide()
        .autocomplete("off"),
    FieldSpec::new(field::SECONDARY_ADDRESS, &t::SECONDARY_ADDRESS)
        .wide()
        .autocomplete("off")
        .hint(&t::SECONDARY_ADDRESS_HINT),
    FieldSpec::new(field::ZIPCODE, &portal::POSTAL_CODE)
        .autocomplete("off")
        .hint(&t::ZIPCODE_HINT)
        .preview(zip_preview)
        .check_while_typing(),
    FieldSpec::new(field::CITY, &portal::CITY).autocomplete("off"),
    FieldSpec::new(field::STATE, &t::STATE).autocomplete("off"),
    FieldSpec::new(field::COUNTRY, &portal::COUNTRY)
        .listbox(|lang, _| country_options(lang, CountryValue::Numeric))
        .error_name("country.id")
        .hint(&portal::COUNTRY_HINT),
];
const ORDER: &[FieldSpec] =
    &[
        FieldSpec::new(field::PURCHASE_ORDER_NUMBER, &t::PURCHASE_ORDER_NUMBER)
            .wide()
            .autocomplete("off")
            .counter(PURCHASE_ORDER_NUMBER_MAX)
            .hint(&t::PURCHASE_ORDER_NUMBER_HINT),
    ];
const ROWS: &[&[FieldSpec]] = &[TYPE, PERSON, ADDRESS, ORDER];

/// A row's visibility rule: whether the chosen type uses the field.
fn shown(v: Values, name: &'static str) -> bool {
    relevant(chosen_type(&v.get(field::CONTACT_TYPE)), name)
}

/// A postcode in the form of the country picked (held as its numeric code here).
fn zip_preview(v: &str, values: Values, _: &OrgRules) -> Option<String> {
    let country = values
        .get(field::COUNTRY)
        .trim()
        .parse::<u16>()
        .ok()
        .and_then(Country::from_numeric);
    PostalCode::parse_for(v, country)
        .ok()
        .map(|x| x.into_string())
}

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

fn type_hint(t: ContactType) -> &'static Text {
    match t {
        ContactType::Primary => &t::TYPE_PRIMARY_HINT,
        ContactType::Technical => &t::TYPE_TECHNICAL_HINT,
        ContactType::Billing => &t::TYPE_BILLING_HINT,
        ContactType::Abuse => &t::TYPE_ABUSE_HINT,
        ContactType::Legal => &t::TYPE_LEGAL_HINT,
        ContactType::Invoice => &t::TYPE_INVOICE_HINT,
    }
}

fn type_radios(lang: Lang) -> Vec<Radio> {
    ContactType::all()
        .iter()
        .map(|t| Radio {
            value: t.id().to_string(),
            label: t.name(lang).to_owned(),
            detail: t.id().to_string(),
            hint: type_hint(*t).get(lang).to_owned(),
        })
        .collect()
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
                .map(|k| names::region(k.as_str(), lang))
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
    let session = current_session();
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
            <h1>{i18n.tr(&t::ORG_CONTACTS_TITLE)}</h1>
            {move || {
                match org_id.get() {
                    None => view! {
                        <p class="notice warn" role="alert">{i18n.tr(&t::ORG_UNKNOWN)}</p>
                    }
                    .into_any(),
                    Some(_) if foreign.get() => view! {
                        <div class="notice warn" role="alert">
                            <p>{i18n.tr(&t::ORG_FOREIGN)}</p>
                            <p><A href=own_link>{i18n.tr(&t::ORG_GO_OWN)}</A></p>
                        </div>
                    }
                    .into_any(),
                    Some(id) => view! { <OrgContactsFor org=id /> }.into_any(),
                }
            }}
        </section>
    }
}

const PAGE: Page = Page {
    key: "orgcontact",
    title: Some((&ui::NEW_CONTACT, &t::ORG_CONTACT_INTRO)),
    class: "form-grid",
    submit: &ui::CONTACT_SUBMIT,
    done: &ui::CONTACT_CREATED,
    then: Then::next(&ui::CONTACT_NEXT, "orgcontact-type-id"),
};

#[component]
fn OrgContactsFor(org: u64) -> impl IntoView {
    let i18n = use_i18n();
    let session = current_session();
    let call = Request::new(ORG_CONTACT_CREATE, request, OrgContactCreateRequest::parse);
    let form = call.form(PAGE.key, &[], ROWS);
    let kind = Memo::new(move |_| {
        form.field(field::CONTACT_TYPE)
            .value
            .with(|v| chosen_type(v))
    });
    let shows = move |name: &'static str| move || relevant(kind.get(), name);

    let refresh = RwSignal::new(0u32);
    let list = LocalResource::new(move || {
        refresh.track();
        let client = session.client();
        async move { client.call(&ORG_CONTACT_LIST, &[&org.to_string()]).await }
    });
    let done = RwSignal::new(None::<Sent>);
    // A new contact joins the list below.
    Effect::new(move |_| {
        if done.with(Option::is_some) {
            refresh.update(|n| *n += 1);
        }
    });
    let panel = ViewFn::from(move || {
        done.get().and_then(|s| {
            let contact = s.answer::<OrgContact>()?;
            let location = s.location;
            Some(view! { <CreatedView created=Created { contact, location } /> })
        })
    });

    view! {
        <div class="org-contacts-body">
            <FormPage form call page=&PAGE done panel params=vec![org.to_string()]
                draft_scope=format!("org{org}") subsection=true>
                <FieldRows form rows=TYPE />
                <Show when=move || kind.get().is_none()>
                    <p class="span-2 hint">{i18n.tr(&t::TYPE_FIRST)}</p>
                </Show>
                <Show when=move || kind.get().is_some()>
                    <h3 class="span-2 subhead">{i18n.tr(&t::ORG_CONTACT_PERSON)}</h3>
                    <FieldRows form rows=PERSON />
                </Show>
                <Show when=shows(field::STREET)>
                    <h3 class="span-2 subhead">{i18n.tr(&ui::ADDRESS)}</h3>
                    <FieldRows form rows=ADDRESS />
                </Show>
                <Show when=shows(field::PURCHASE_ORDER_NUMBER)>
                    <FieldRows form rows=ORDER />
                </Show>
            </FormPage>
            <ContactList list refresh />
        </div>
    }
}

#[component]
fn CreatedView(created: Created) -> impl IntoView {
    let i18n = use_i18n();
    let c = created.contact;
    let lang = i18n.lang.get_untracked();
    let rows: Vec<record::Row> = vec![
        (&t::CONTACT_ID, Some(c.contact_id.clone())),
        (
            &t::CONTACT_TYPE,
            Some(type_name(c.contact_type.id, lang, &c.contact_type.name)),
        ),
        (&ui::FULL_NAME, c.name.clone()),
        (&t::PERSON_TITLE, c.title.clone()),
        (&t::DEPARTMENT, c.department.clone()),
        (&ui::EMAIL, c.email.clone()),
        (&ui::PHONE, c.phone.clone()),
        (&t::MOBILE, c.mobile.clone()),
        (&portal::STREET_ADDRESS, c.street.clone()),
        (&t::SECONDARY_ADDRESS, c.secondary_address.clone()),
        (&portal::POSTAL_CODE, c.zipcode.clone()),
        (&portal::CITY, c.city.clone()),
        (&t::STATE, c.state.clone()),
        (&portal::COUNTRY, Some(country_name(&c.country, lang))),
        (&t::PURCHASE_ORDER_NUMBER, c.purchase_order_number.clone()),
        (&t::LOCATION, created.location.clone()),
    ];
    view! {
        <p>{move || fill(i18n.tr(&t::ORG_CONTACT_STORED_INTRO)(), &c.organisation.name)}</p>
        <dl class="stored" data-contact-id=c.contact_id.clone()>{record::rows(rows)}</dl>
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
            <h2 id="org-contacts-list-title">{i18n.tr(&t::ORG_CONTACTS_LIST)}</h2>
            <Suspense fallback=move || view! { <p class="loading">{i18n.tr(&ui::LOADING)}</p> }>
                {move || {
                    list.get()
                        .map(|result| match result {
                            Ok(contacts) if contacts.is_empty() => {
                                view! { <p class="hint">{i18n.tr(&t::ORG_CONTACTS_NONE)}</p> }.into_any()
                            }
                            Ok(contacts) => view! { <ContactTable contacts /> }.into_any(),
                            // A backend without the list: the form still works.
                            Err(ApiError::NotFound { .. }) => {
                                view! { <p class="hint">{i18n.tr(&t::ORG_CONTACTS_NO_LIST)}</p> }.into_any()
                            }
                            Err(e) => {
                                let msg = describe(&e, i18n);
                                view! {
                                    <RetryNotice retry=refresh>
                                        <p>{msg}</p>
                                    </RetryNotice>
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
    let count = contacts.len();
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-labelledby="org-contacts-caption">
            <table class="contacts">
                <caption id="org-contacts-caption">
                    {move || fill(i18n.tr(&t::ORG_CONTACTS_CAPTION)(), &count.to_string())}
                </caption>
                <thead>
                    <tr>
                        <th scope="col">{i18n.tr(&t::CONTACT_ID)}</th>
                        <th scope="col">{i18n.tr(&t::CONTACT_TYPE)}</th>
                        <th scope="col">{i18n.tr(&ui::FULL_NAME)}</th>
                        <th scope="col">{i18n.tr(&ui::EMAIL)}</th>
                        <th scope="col">{i18n.tr(&ui::PHONE)}</th>
                        <th scope="col">{i18n.tr(&portal::COUNTRY)}</th>
                        <th scope="col">{i18n.tr(&t::PURCHASE_ORDER_NUMBER)}</th>
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
                                    <td data-label=i18n.tr(&t::CONTACT_ID)>{c.contact_id.clone()}</td>
                                    <td data-label=i18n.tr(&t::CONTACT_TYPE)>
                                        {move || type_name(type_id, i18n.lang.get(), &type_fallback)}
                                    </td>
                                    <td data-label=i18n.tr(&ui::FULL_NAME)>{c.name.clone().unwrap_or_default()}</td>
                                    <td class="wrap" data-label=i18n.tr(&ui::EMAIL)>
                                        {c.email.clone().unwrap_or_default()}
                                    </td>
                                    <td class="nowrap" data-label=i18n.tr(&ui::PHONE)>
                                        {c.phone.clone().unwrap_or_default()}
                                    </td>
                                    <td data-label=i18n.tr(&portal::COUNTRY)>{move || country_name(&country, i18n.lang.get())}</td>
                                    <td data-label=i18n.tr(&t::PURCHASE_ORDER_NUMBER)>
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

/// This page's own texts; those several pages show are in `crate::i18n`.
pub(crate) mod t {
    crate::i18n::texts! {
        ORG_CONTACTS_TITLE: "Kontakty organizace", "Organisation contacts";
        ORG_UNKNOWN:
            "Tato adresa neurčuje žádnou organizaci. Použijte odkaz v navigaci.",
            "This address names no organisation. Use the link in the navigation.";
        ORG_FOREIGN:
            "Tohle je stránka jiné organizace. Spravovat můžete jen kontakty své organizace.",
            "This is another organisation's page. You can manage only the contacts of your own organisation.";
        ORG_GO_OWN: "Přejít na kontakty své organizace", "Go to your organisation's contacts";
        ORG_CONTACT_INTRO:
            "Vyberte, k čemu kontakt slouží; formulář se pak ptá jen na to, co daný typ potřebuje.",
            "Choose what the contact is for; the form then asks only for what that type uses.";
        ORG_CONTACT_PERSON: "Osoba", "Person";
        ORG_CONTACT_STORED_INTRO:
            "Kontakt organizace {}, jak byl uložen:",
            "The contact of {} as stored:";
        ORG_CONTACTS_LIST: "Dosud vytvořené kontakty", "Contacts created so far";
        ORG_CONTACTS_CAPTION: "Kontakty vaší organizace ({})", "Contacts of your organisation ({})";
        ORG_CONTACTS_NONE:
            "Zatím žádné kontakty. Ty, které vytvoříte, se objeví zde.",
            "No contacts yet. The ones you create appear here.";
        ORG_CONTACTS_NO_LIST:
            "Tato služba kontakty vypsat neumí.",
            "This service cannot list the contacts.";
        CONTACT_TYPE: "Typ kontaktu", "Contact type";
        CONTACT_TYPE_HINT:
            "Povinné. Po vytvoření kontaktu už typ nelze změnit; pro jiný typ vytvořte další kontakt.",
            "Required. The type cannot be changed once the contact is created; for another type, create another contact.";
        TYPE_FIRST:
            "Nejdřív vyberte typ: objeví se pole, která potřebuje.",
            "Choose a type first: the fields it needs will appear.";
        TYPE_PRIMARY_HINT:
            "Hlavní kontakt pro cokoli, co se organizace týká.",
            "The main contact for anything about the organisation.";
        TYPE_TECHNICAL_HINT:
            "Dostává technická oznámení: výpadky, údržbu, integrace.",
            "Gets technical notices: outages, maintenance, integrations.";
        TYPE_BILLING_HINT:
            "Odpovídá na dotazy k platbám a cenám.",
            "Answers questions about payments and prices.";
        TYPE_ABUSE_HINT:
            "Přijímá hlášení zneužití; obvykle společná schránka týmu.",
            "Receives reports of misuse; usually a team mailbox.";
        TYPE_LEGAL_HINT:
            "Pro smlouvy, právní oznámení a spory.",
            "For contracts, legal notices and disputes.";
        TYPE_INVOICE_HINT:
            "Adresa na fakturách; jediný typ s číslem objednávky.",
            "The address on invoices; the only type with a purchase order number.";
        CONTACT_ID: "ID kontaktu", "Contact ID";
        PERSON_TITLE: "Titul", "Title";
        PERSON_TITLE_HINT: "Např. Dr. nebo Ing.", "E.g. Dr or Ing.";
        DEPARTMENT: "Oddělení", "Department";
        CONTACT_EMAIL_HINT:
            "Kontrolujeme už při psaní, např. jmeno@firma.cz.",
            "Checked as you type, e.g. name@company.cz.";
        MOBILE: "Mobil", "Mobile phone";
        SECONDARY_ADDRESS: "Druhý řádek adresy", "Address line 2";
        SECONDARY_ADDRESS_HINT: "Budova, patro, byt.", "Building, floor, apartment.";
        ZIPCODE_HINT:
            "Pro Česko a Slovensko 5 číslic; jiné země, jak se tam píše.",
            "For Czechia and Slovakia 5 digits; other countries as written there.";
        STATE: "Stát nebo provincie", "State or province";
        PURCHASE_ORDER_NUMBER: "Číslo objednávky", "Purchase order number";
        PURCHASE_ORDER_NUMBER_HINT:
            "Uvádí se na měsíčních fakturách organizace. Nejvýše 50 znaků.",
            "Printed on the organisation's monthly invoices. At most 50 characters.";
        LOCATION: "Adresa záznamu", "Address of the record";
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

//! "Your profile" (`/portal/profile`, `POST /api/v1/customer/update-profile`): a signed-in customer
//! edits what the organisation keeps about them — 18 of the 19 fields of the update-profile call
//! (the caller's IP address is the server's to record), grouped as a person thinks of them (contact,
//! company, address, preferences).
//!
//! The form starts from `GET /api/v1/customer/profile` where the backend offers it (a backend without
//! it gives an empty form with the customer's own e-mail), so only what the person changes counts as
//! unsaved. The same component is the embeddable widget's content (`crate::widget`): there it takes a
//! lower heading level and keeps no draft in the host site's storage.

use bizkit_contract::field;
use std::collections::BTreeMap;

use bizkit_contract::endpoint::{CUSTOMER_PROFILE_GET, CUSTOMER_UPDATE_PROFILE};
use bizkit_contract::{CU_REF_NO_LEN, LINE_MAX, NAME_MAX, UpdateProfileRequest};
use leptos::prelude::*;

use crate::api::ApiError;
use crate::components::ares_fill::{AresFill, Target, use_company_lookup};
use crate::components::field::Control;
use crate::components::field_table::{self, FieldRows, FieldSpec, common, preview};
use crate::components::form::{Values, describe};
use crate::components::form_page::{FormPage, Page, Request, Sent, Then};
use crate::components::notices::RetryNotice;
use crate::components::select::{CountryValue, country_options, locale_options};
use crate::components::tag_picker::{default_color, read_tags};
use crate::i18n::{Text, fill, portal, ui, use_i18n};
use crate::session::current_session;

/// The form: 18 fields in four groups, as a person thinks of them; the full name (as it is to be
/// written, with a title) before its parts. The joined groups are listed between the preferences
/// and the picker for new ones.
const CONTACT: &[FieldSpec] = &[
    FieldSpec::new(field::EMAIL, &ui::EMAIL)
        .control(Control::Email)
        .readonly()
        .required()
        .wide()
        .autocomplete("email")
        .hint(&t::EMAIL_READONLY_HINT)
        .preview(preview::email),
    FieldSpec::new(field::NAME, &ui::FULL_NAME)
        .wide()
        .autocomplete("name")
        .counter(NAME_MAX)
        .hint(&t::FULL_NAME_HINT)
        .preview(preview::person_name),
    FieldSpec::new(field::FIRST_NAME, &ui::FIRST_NAME)
        .autocomplete("given-name")
        .counter(NAME_MAX)
        .preview(preview::person_name),
    FieldSpec::new(field::LAST_NAME, &ui::LAST_NAME)
        .autocomplete("family-name")
        .counter(NAME_MAX)
        .preview(preview::person_name),
    FieldSpec::new(field::PHONE, &ui::PHONE)
        .control(Control::Tel)
        .autocomplete("tel")
        .hint(&ui::PHONE_HINT)
        .preview(preview::phone),
];
const COMPANY: &[FieldSpec] = &[
    common::ico(&ui::ICO, &t::ICO_HINT),
    FieldSpec::new(field::COMPANY_NAME, &ui::COMPANY_NAME)
        .autocomplete("organization")
        .counter(LINE_MAX),
    // Codes of a fixed shape are checked once the person pauses; numbers typed in chunks (phone,
    // IČO) wait until the field is left, as everywhere in the kit.
    FieldSpec::new(field::TAX_IDENTIFICATION_NUMBER, &ui::DIC)
        .autocomplete("off")
        .hint(&t::DIC_HINT)
        .preview(preview::dic)
        .check_while_typing(),
];
const ADDRESS: &[FieldSpec] = &[
    FieldSpec::new(field::STREET_ADDRESS, &portal::STREET_ADDRESS)
        .wide()
        .autocomplete("street-address")
        .counter(LINE_MAX)
        .hint(&t::STREET_HINT),
    FieldSpec::new(field::CITY_PART, &t::CITY_PART).autocomplete("address-level3"),
    FieldSpec::new(field::CITY, &portal::CITY).autocomplete("address-level2"),
    FieldSpec::new(field::POSTAL_CODE, &portal::POSTAL_CODE)
        .autocomplete("postal-code")
        .hint(&t::POSTAL_CODE_HINT)
        .preview(preview::postal_code)
        .check_while_typing(),
    FieldSpec::new(field::STATE_REGION, &t::STATE_REGION).autocomplete("address-level1"),
    FieldSpec::new(field::COUNTRY, &portal::COUNTRY)
        .listbox(|lang, _| country_options(lang, CountryValue::Alpha2))
        .wide()
        .autocomplete("country-name")
        .hint(&portal::COUNTRY_HINT),
];
const PREFERENCES: &[FieldSpec] = &[
    FieldSpec::new(field::PRIMARY_LOCALE, &t::PRIMARY_LOCALE)
        .listbox(|lang, rules| locale_options(&rules.locales, lang))
        .wide()
        .hint(&t::PRIMARY_LOCALE_HINT),
    FieldSpec::new(field::NEWSLETTER, &t::NEWSLETTER)
        .checkbox()
        .wide()
        .hint(&t::NEWSLETTER_HINT),
];
const JOINING: &[FieldSpec] = &[
    FieldSpec::new(field::GROUPS, &t::GROUPS_ADD)
        .tags()
        .wide()
        .hint(&t::GROUPS_ADD_HINT),
    FieldSpec::new(field::REFERRAL_ID, &t::REFERRAL_ID)
        .autocomplete("off")
        .counter(CU_REF_NO_LEN)
        .hint(&t::REFERRAL_ID_HINT)
        .check_while_typing(),
];
/// Every row in form order (the error summary's order too).
const ROWS: &[&[FieldSpec]] = &[CONTACT, COMPANY, ADDRESS, PREFERENCES, JOINING];

/// Each field's name on screen, for "what changed" after a save. Groups were "added" in the
/// picker but are "groups" in the sentence.
fn label_of(name: &str) -> Option<&'static Text> {
    if name == field::GROUPS {
        return Some(&ui::GROUPS);
    }
    field_table::row(ROWS, name).map(|r| r.label)
}

/// What ARES may fill, and from which part of its record.
// A table: one target per line reads better than rustfmt's wrapping.
#[rustfmt::skip]
const ARES_TARGETS: &[Target] = &[
    Target::new(field::COMPANY_NAME, &ui::COMPANY_NAME, |r| Some(r.company_name.clone())),
    Target::new(field::TAX_IDENTIFICATION_NUMBER, &ui::DIC, |r| r.dic.clone()),
    Target::new(field::STREET_ADDRESS, &portal::STREET_ADDRESS, |r| r.street_address.clone()),
    Target::new(field::CITY_PART, &t::CITY_PART, |r| r.city_part.clone()),
    Target::new(field::CITY, &portal::CITY, |r| r.city.clone()),
    Target::new(field::POSTAL_CODE, &portal::POSTAL_CODE, |r| r.postal_code.clone()),
    Target::new(field::STATE_REGION, &t::STATE_REGION, |r| r.state_region.clone()),
    Target::new(field::COUNTRY, &portal::COUNTRY, |r| r.country.clone()),
];

/// The request exactly as the server will receive it. `joined` are the groups the customer is in
/// already: the server only ever adds groups, so they are sent again with the new ones.
fn request(v: Values, joined: &[String]) -> UpdateProfileRequest {
    let mut groups: Vec<String> = joined.to_vec();
    for t in read_tags(&v.get(field::GROUPS)) {
        if !groups.contains(&t.slug) {
            groups.push(t.slug);
        }
    }
    UpdateProfileRequest {
        email: v.opt(field::EMAIL),
        name: v.opt(field::NAME),
        first_name: v.opt(field::FIRST_NAME),
        last_name: v.opt(field::LAST_NAME),
        phone: v.opt(field::PHONE),
        company_name: v.opt(field::COMPANY_NAME),
        company_registration_number: v.opt(field::COMPANY_REGISTRATION_NUMBER),
        tax_identification_number: v.opt(field::TAX_IDENTIFICATION_NUMBER),
        street_address: v.opt(field::STREET_ADDRESS),
        city: v.opt(field::CITY),
        city_part: v.opt(field::CITY_PART),
        state_region: v.opt(field::STATE_REGION),
        postal_code: v.opt(field::POSTAL_CODE),
        country: v.opt(field::COUNTRY),
        newsletter: Some(v.flag(field::NEWSLETTER)),
        primary_locale: v.opt(field::PRIMARY_LOCALE),
        groups,
        // Not asked of the person: the server records the address the request came from.
        customer_real_ip: None,
        referral_id: v.opt(field::REFERRAL_ID),
    }
}

/// The form's values for a stored profile; `email` where the backend gave none. The groups joined
/// already are listed apart: the picker starts empty.
fn values_of(p: &UpdateProfileRequest, email: &str) -> BTreeMap<String, String> {
    let mut values = field_table::values_of(p, &field_table::names(ROWS));
    if let Some(stored) = values.get_mut(field::EMAIL)
        && stored.trim().is_empty()
    {
        *stored = email.to_owned();
    }
    values
}

#[derive(Clone, Debug, PartialEq)]
enum Loaded {
    Profile(Box<UpdateProfileRequest>),
    /// The backend has no profile call: an empty form with the customer's e-mail.
    Unavailable,
}

#[component]
pub fn Profile(
    /// Inside a host site (the widget): a second-level heading, no draft in the host's storage.
    #[prop(optional)]
    embedded: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = current_session();
    let reload = RwSignal::new(0u32);
    let profile = LocalResource::new(move || {
        reload.track();
        let client = session.client();
        async move {
            match client.call(&CUSTOMER_PROFILE_GET, &[]).await {
                Ok(p) => Ok(Loaded::Profile(Box::new(p))),
                Err(ApiError::NotFound { .. }) => Ok(Loaded::Unavailable),
                Err(e) => Err(e),
            }
        }
    });
    // An expired session: the sign-in dialog opens (in the app), and the profile loads again after.
    let needs_sign_in =
        Memo::new(move |_| matches!(profile.get(), Some(Err(ApiError::Unauthorized { .. }))));
    Effect::new(move |_| {
        if needs_sign_in.get() {
            session.expired.set(true);
        }
    });
    Effect::new(move |was_expired: Option<bool>| {
        let expired = session.expired.get();
        if was_expired == Some(true) && !expired && needs_sign_in.get_untracked() {
            reload.update(|n| *n += 1);
        }
        expired
    });
    let title = move || {
        if embedded {
            view! { <h2 class="portal-title">{i18n.tr(&t::PROFILE_TITLE)}</h2> }.into_any()
        } else {
            view! { <h1>{i18n.tr(&t::PROFILE_TITLE)}</h1> }.into_any()
        }
    };
    view! {
        <section class="panel portal" class:embedded=embedded data-page="profile">
            {title}
            <p class="lead">{i18n.tr(&t::PROFILE_INTRO)}</p>
            <Suspense fallback=move || view! { <p class="loading">{i18n.tr(&ui::LOADING)}</p> }>
                {move || {
                    profile
                        .get()
                        .map(|result| match result {
                            Ok(Loaded::Profile(loaded)) => {
                                view! { <ProfileForm loaded=Some(*loaded) embedded /> }.into_any()
                            }
                            Ok(Loaded::Unavailable) => {
                                view! { <ProfileForm loaded=None embedded /> }.into_any()
                            }
                            Err(ApiError::Unauthorized { .. }) => {
                                view! {
                                    <p class="notice warn" role="alert">{i18n.tr(&t::PROFILE_SESSION_ENDED)}</p>
                                }
                                    .into_any()
                            }
                            Err(e) => {
                                let msg = describe(&e, i18n);
                                view! {
                                    <RetryNotice retry=reload>
                                        <p>{i18n.tr(&t::PROFILE_LOAD_FAILED)}</p>
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

const PAGE: Page = Page {
    key: "profile",
    title: None,
    class: "portal-form",
    submit: &t::PROFILE_SUBMIT,
    done: &t::PROFILE_SAVED,
    then: Then::stay(&t::PROFILE_UNSAVED, &t::PROFILE_NO_CHANGES),
};

#[component]
fn ProfileForm(loaded: Option<UpdateProfileRequest>, embedded: bool) -> impl IntoView {
    let i18n = use_i18n();
    let session = current_session();
    let own_email = session
        .info
        .with_untracked(|i| i.as_ref().map(|i| i.email.clone()).unwrap_or_default());
    let loaded = loaded.unwrap_or_default();
    let joined = RwSignal::new(loaded.groups.clone());
    let call = Request::new(
        CUSTOMER_UPDATE_PROFILE,
        move |v| request(v, &joined.get()),
        UpdateProfileRequest::parse,
    );
    let form = call.form(PAGE.key, &[], ROWS);
    let baseline = StoredValue::new(values_of(&loaded, &own_email));
    let own_email = StoredValue::new(own_email);
    baseline.with_value(|b| form.set_initial(b));
    let field = move |name: &str| form.field(name).value;

    // A changed IČO is looked up; a stored one only while ARES could fill something in.
    let ares_wanted = Signal::derive(move || {
        let stored = baseline.with_value(|b| {
            b.get(field::COMPANY_REGISTRATION_NUMBER)
                .cloned()
                .unwrap_or_default()
        });
        let changed = field(field::COMPANY_REGISTRATION_NUMBER).with(|v| v.trim() != stored.trim());
        changed
            || ARES_TARGETS
                .iter()
                .any(|t| field(t.field).with(|v| v.trim().is_empty()))
    });
    let ares = use_company_lookup(
        field(field::COMPANY_REGISTRATION_NUMBER).into(),
        ares_wanted,
    );

    // What the last save changed, for the notice; then what the server stored, in normal form,
    // becomes the new starting point.
    let done = RwSignal::new(None::<Sent>);
    let changed = RwSignal::new(Vec::<&'static str>::new());
    let after_save = move |values: Values| {
        changed.set(baseline.with_value(|b| {
            field_table::names(ROWS)
                .into_iter()
                .filter(|f| values.get(f) != b.get(*f).cloned().unwrap_or_default())
                .collect()
        }));
        let now: BTreeMap<String, String> = field_table::names(ROWS)
            .into_iter()
            .map(|f| (f.to_owned(), values.get(f)))
            .collect();
        baseline.set_value(now);
        leptos::task::spawn_local(async move {
            if let Ok(stored) = session.client().call(&CUSTOMER_PROFILE_GET, &[]).await
                && joined.try_set(stored.groups.clone()).is_none()
            {
                let values = own_email.with_value(|e| values_of(&stored, e));
                form.set_initial(&values);
                baseline.set_value(values);
            }
        });
    };
    Effect::new(move |_| {
        if done.with(Option::is_none) {
            return;
        }
        // Once per save: the values are read, not followed.
        untrack(|| after_save(form.values()));
    });
    let panel = ViewFn::from(move || {
        move || {
            let lang = i18n.lang.get();
            let names: Vec<&str> = changed
                .get()
                .iter()
                .filter_map(|f| label_of(f).map(|l| l.get(lang)))
                .collect();
            (!names.is_empty()).then(|| {
                view! { <p>{fill(t::PROFILE_SAVED_FIELDS.get(lang), &names.join(", "))}</p> }
            })
        }
    });
    let joined_view = move || {
        let list = joined.get();
        if list.is_empty() {
            view! { <p class="hint">{i18n.tr(&t::GROUPS_NONE)}</p> }.into_any()
        } else {
            view! {
                <ul class="tags joined-groups" aria-labelledby="profile-joined-label">
                    {list
                        .into_iter()
                        .map(|slug| {
                            let color = default_color(&slug);
                            view! {
                                <li class="tag">
                                    <span class="swatch" style:background-color=color aria-hidden="true"></span>
                                    <span class="tag-name">{slug}</span>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            }
            .into_any()
        }
    };
    let ended = move || embedded && session.expired.get();
    let ares_fill = ViewFn::from(move || {
        view! { <AresFill form state=ares targets=ARES_TARGETS id="profile-ares".to_owned() /> }
    });

    view! {
        <Show when=ended>
            <p class="notice warn" role="alert">{i18n.tr(&t::PROFILE_SESSION_ENDED)}</p>
        </Show>
        // Drafts are kept on the app's own origin only, never in a host site's storage.
        <FormPage form call page=&PAGE done panel no_draft=embedded>
            <fieldset class="portal-group">
                <legend>{i18n.tr(&t::GROUP_CONTACT)}</legend>
                <div class="form-grid"><FieldRows form rows=CONTACT /></div>
            </fieldset>
            <fieldset class="portal-group">
                <legend>{i18n.tr(&ui::COMPANY)}</legend>
                <div class="form-grid">
                    <FieldRows form rows=COMPANY extra=(field::COMPANY_REGISTRATION_NUMBER, ares_fill.clone()) />
                </div>
            </fieldset>
            <fieldset class="portal-group">
                <legend>{i18n.tr(&ui::ADDRESS)}</legend>
                <div class="form-grid"><FieldRows form rows=ADDRESS /></div>
            </fieldset>
            <fieldset class="portal-group">
                <legend>{i18n.tr(&t::GROUP_PREFERENCES)}</legend>
                <div class="form-grid">
                    <FieldRows form rows=PREFERENCES />
                    <div class="span-2 joined">
                        <p class="label" id="profile-joined-label">{i18n.tr(&t::GROUPS_JOINED)}</p>
                        {joined_view}
                    </div>
                    // A customer cannot list the organisation's groups: new ones are typed.
                    <FieldRows form rows=JOINING />
                </div>
            </fieldset>
        </FormPage>
    }
}

/// This page's own texts; those several pages show are in `crate::i18n`.
pub(crate) mod t {
    crate::i18n::texts! {
        PROFILE_TITLE: "Váš profil", "Your profile";
        PROFILE_INTRO:
            "Co o vás organizace eviduje. Opravte, co už neplatí, a uložte; nic jiného se nezmění.",
            "What the organisation knows about you. Change what is out of date and save; nothing else changes.";
        PROFILE_LOAD_FAILED:
            "Profil se nepodařilo načíst, proto ho zatím nelze upravit.",
            "Your profile could not be loaded, so it cannot be edited yet.";
        PROFILE_SESSION_ENDED:
            "Vaše přihlášení skončilo. Přihlaste se znovu a stránku načtěte znovu – zdejší změny zatím uložené nejsou.",
            "Your sign-in has ended. Sign in again, then reload this page – your changes here are not saved yet.";
        PROFILE_SUBMIT: "Uložit změny", "Save changes";
        PROFILE_SAVED: "Profil je uložený.", "Your profile is saved.";
        PROFILE_SAVED_FIELDS: "Změněno: {}.", "Changed: {}.";
        PROFILE_NO_CHANGES:
            "Není co ukládat: od posledního uložení jste nic nezměnili.",
            "Nothing to save: you have not changed anything since the last save.";
        PROFILE_UNSAVED: "Máte neuložené změny.", "You have unsaved changes.";
        GROUP_CONTACT: "Kontaktní údaje", "Contact details";
        GROUP_PREFERENCES: "Předvolby", "Preferences";
        EMAIL_READONLY_HINT:
            "Adresa, kterou se přihlašujete. Změnit ji může organizace.",
            "The address you sign in with. To change it, contact the organisation.";
        FULL_NAME_HINT:
            "Jak má být uvedeno na dokladech, třeba s titulem: Ing. Jan Novák.",
            "As it should appear on documents, e.g. with a title: Ing. Jan Novák.";
        ICO_HINT:
            "8 číslic. Jakmile je platné, nabídneme údaje o firmě z ARES.",
            "8 digits. Once it is valid, we offer the company's details from ARES, the Czech business register.";
        DIC_HINT:
            "CZ a 8 až 10 číslic, např. CZ12345679.",
            "CZ followed by 8 to 10 digits, e.g. CZ12345679.";
        STREET_HINT: "Např. Dlouhá 12 nebo Dlouhá 1505/12.", "E.g. Dlouhá 12 or Dlouhá 1505/12.";
        CITY_PART: "Část obce", "Part of the city";
        POSTAL_CODE_HINT:
            "Česko a Slovensko: 5 číslic, např. 272 01.",
            "Czech and Slovak: 5 digits, e.g. 272 01.";
        STATE_REGION: "Kraj", "Region";
        PRIMARY_LOCALE: "Jazyk zpráv", "Language for messages";
        PRIMARY_LOCALE_HINT:
            "Jazyk, ve kterém vám organizace píše.",
            "The language the organisation writes to you in.";
        NEWSLETTER: "Posílejte mi newsletter", "Send me the newsletter";
        NEWSLETTER_HINT:
            "Novinky a nabídky e-mailem. Odhlásit se můžete kdykoli.",
            "News and offers by e-mail. You can unsubscribe at any time.";
        GROUPS_JOINED: "Skupiny, ve kterých jste", "Groups you are in";
        GROUPS_NONE: "Zatím nejste v žádné skupině.", "You are not in any group yet.";
        GROUPS_ADD: "Přidat se do dalších skupin", "Join more groups";
        GROUPS_ADD_HINT:
            "Napište skupinu a stiskněte Enter. Ve skupinách, kde jste, zůstáváte; vyřadit vás může jen organizace.",
            "Type a group and press Enter. You stay in the groups you are in; only the organisation can take you out of one.";
        REFERRAL_ID: "Doporučil(a) nás (zákaznické číslo)", "Referred by (customer number)";
        REFERRAL_ID_HINT:
            "16místné zákaznické číslo toho, kdo vám nás doporučil, pokud někdo.",
            "The 16-character customer number of whoever recommended us to you, if anyone.";
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_has_a_label_and_a_value() {
        let fields = field_table::names(ROWS);
        assert_eq!(fields.len(), 18);
        assert!(!fields.contains(&field::CUSTOMER_REAL_IP));
        let values = values_of(&UpdateProfileRequest::default(), "a@b.cz");
        for f in &fields {
            assert!(label_of(f).is_some(), "{f}");
            assert!(values.contains_key(*f), "{f}");
        }
        assert_eq!(values[field::EMAIL], "a@b.cz");
    }

    #[test]
    fn stored_values_fill_the_form() {
        let p = UpdateProfileRequest {
            email: Some("jan@barasek.com".into()),
            country: Some("CZ".into()),
            newsletter: Some(true),
            groups: vec!["vip".into()],
            ..Default::default()
        };
        let v = values_of(&p, "other@x.cz");
        assert_eq!(v[field::EMAIL], "jan@barasek.com");
        assert_eq!(v[field::CITY], "");
        assert_eq!(v[field::COUNTRY], "CZ");
        assert_eq!(v[field::NEWSLETTER], "true");
        assert_eq!(v[field::GROUPS], "");
    }
}

//! "Your profile" (`/portal/profile`, `POST /api/v1/customer/update-profile`): a signed-in customer
//! edits what the organisation keeps about them — the 19 fields of the update-profile call, grouped
//! as a person thinks of them (contact, company, address, preferences).
//!
//! The form starts from `GET /api/v1/customer/profile` where the backend offers it (a backend without
//! it gives an empty form with the customer's own e-mail), so only what the person changes counts as
//! unsaved. The same component is the embeddable widget's content (`crate::widget`): there it takes a
//! lower heading level and keeps no draft in the host site's storage.

use bizkit_contract::field;
use std::collections::BTreeMap;

use bizkit_contract::endpoint::{CUSTOMER_PROFILE_GET, CUSTOMER_UPDATE_PROFILE};
use bizkit_contract::{
    AresRecord, ClientIp, Country, Dic, Email, Ico, PersonName, Phone, PostalCode,
    UpdateProfileRequest,
};
use leptos::html;
use leptos::prelude::*;

use crate::api::{ApiError, Body};
use crate::components::ares_fill::{AresFill, Target, use_company_lookup};
use crate::components::error_summary::{ErrorSummary, focus_after_render};
use crate::components::field::{CheckboxField, Control, Field};
use crate::components::form::{FormCtl, Values, describe, send};
use crate::components::layout::expect_session;
use crate::components::live_check::check_while_typing;
use crate::components::notices::{DraftNotice, guard_leaving, retry_after_sign_in};
use crate::components::select::{CountryValue, SearchSelect, country_options, locale_options};
use crate::components::submit::SubmitButton;
use crate::components::tag_picker::{Suggestion, TagPicker, default_color, read_tags};
use crate::i18n::{Text, fill, portal, ui, use_i18n};

/// The 19 fields, in the order of the form (and of the error summary).
const FIELDS: &[&str] = &[
    field::EMAIL,
    field::NAME,
    field::FIRST_NAME,
    field::LAST_NAME,
    field::PHONE,
    field::COMPANY_REGISTRATION_NUMBER,
    field::COMPANY_NAME,
    field::TAX_IDENTIFICATION_NUMBER,
    field::STREET_ADDRESS,
    field::CITY_PART,
    field::CITY,
    field::POSTAL_CODE,
    field::STATE_REGION,
    field::COUNTRY,
    field::PRIMARY_LOCALE,
    field::NEWSLETTER,
    field::GROUPS,
    field::REFERRAL_ID,
    field::CUSTOMER_REAL_IP,
];

type Label = &'static Text;

/// Each field's label, for "what changed" after a save.
fn label_of(field: &str) -> Option<Label> {
    Some(match field {
        field::EMAIL => &ui::EMAIL,
        field::NAME => &portal::FULL_NAME,
        field::FIRST_NAME => &ui::FIRST_NAME,
        field::LAST_NAME => &ui::LAST_NAME,
        field::PHONE => &ui::PHONE,
        field::COMPANY_REGISTRATION_NUMBER => &portal::ICO,
        field::COMPANY_NAME => &portal::COMPANY_NAME,
        field::TAX_IDENTIFICATION_NUMBER => &portal::DIC,
        field::STREET_ADDRESS => &portal::STREET_ADDRESS,
        field::CITY_PART => &portal::CITY_PART,
        field::CITY => &portal::CITY,
        field::POSTAL_CODE => &portal::POSTAL_CODE,
        field::STATE_REGION => &portal::STATE_REGION,
        field::COUNTRY => &portal::COUNTRY,
        field::PRIMARY_LOCALE => &portal::PRIMARY_LOCALE,
        field::NEWSLETTER => &portal::NEWSLETTER,
        field::GROUPS => &ui::GROUPS,
        field::REFERRAL_ID => &portal::REFERRAL_ID,
        field::CUSTOMER_REAL_IP => &portal::CUSTOMER_REAL_IP,
        _ => return None,
    })
}

/// What ARES may fill, and from which part of its record.
const ARES_TARGETS: &[Target] = &[
    Target {
        field: field::COMPANY_NAME,
        label: &portal::COMPANY_NAME,
        from: |r: &AresRecord| Some(r.company_name.clone()),
    },
    Target {
        field: field::TAX_IDENTIFICATION_NUMBER,
        label: &portal::DIC,
        from: |r| r.dic.clone(),
    },
    Target {
        field: field::STREET_ADDRESS,
        label: &portal::STREET_ADDRESS,
        from: |r| r.street_address.clone(),
    },
    Target {
        field: field::CITY_PART,
        label: &portal::CITY_PART,
        from: |r| r.city_part.clone(),
    },
    Target {
        field: field::CITY,
        label: &portal::CITY,
        from: |r| r.city.clone(),
    },
    Target {
        field: field::POSTAL_CODE,
        label: &portal::POSTAL_CODE,
        from: |r| r.postal_code.clone(),
    },
    Target {
        field: field::STATE_REGION,
        label: &portal::STATE_REGION,
        from: |r| r.state_region.clone(),
    },
    Target {
        field: field::COUNTRY,
        label: &portal::COUNTRY,
        from: |r| r.country.clone(),
    },
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
        customer_real_ip: v.opt(field::CUSTOMER_REAL_IP),
        referral_id: v.opt(field::REFERRAL_ID),
    }
}

/// The form's values for a stored profile; `email` where the backend gave none.
fn values_of(p: &UpdateProfileRequest, email: &str) -> BTreeMap<String, String> {
    let s = |v: &Option<String>| v.clone().unwrap_or_default();
    let mut m = BTreeMap::new();
    let stored_email = s(&p.email);
    m.insert(
        "email".to_owned(),
        if stored_email.trim().is_empty() {
            email.to_owned()
        } else {
            stored_email
        },
    );
    for (k, v) in [
        (field::NAME, &p.name),
        (field::FIRST_NAME, &p.first_name),
        (field::LAST_NAME, &p.last_name),
        (field::PHONE, &p.phone),
        (
            field::COMPANY_REGISTRATION_NUMBER,
            &p.company_registration_number,
        ),
        (field::COMPANY_NAME, &p.company_name),
        (
            field::TAX_IDENTIFICATION_NUMBER,
            &p.tax_identification_number,
        ),
        (field::STREET_ADDRESS, &p.street_address),
        (field::CITY_PART, &p.city_part),
        (field::CITY, &p.city),
        (field::POSTAL_CODE, &p.postal_code),
        (field::STATE_REGION, &p.state_region),
        (field::COUNTRY, &p.country),
        (field::PRIMARY_LOCALE, &p.primary_locale),
        (field::REFERRAL_ID, &p.referral_id),
        (field::CUSTOMER_REAL_IP, &p.customer_real_ip),
    ] {
        m.insert(k.to_owned(), s(v));
    }
    m.insert(
        field::NEWSLETTER.to_owned(),
        if p.newsletter.unwrap_or(false) {
            "true".to_owned()
        } else {
            String::new()
        },
    );
    // New groups are typed into the picker; the ones joined already are listed above it.
    m.insert(field::GROUPS.to_owned(), String::new());
    m
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
    let session = expect_session();
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
            view! { <h2 class="portal-title">{i18n.tr(&portal::PROFILE_TITLE)}</h2> }.into_any()
        } else {
            view! { <h1>{i18n.tr(&portal::PROFILE_TITLE)}</h1> }.into_any()
        }
    };
    view! {
        <section class="panel portal" class:embedded=embedded data-page="profile">
            {title}
            <p class="lead">{i18n.tr(&portal::PROFILE_INTRO)}</p>
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
                                    <p class="notice warn" role="alert">{i18n.tr(&portal::PROFILE_SESSION_ENDED)}</p>
                                }
                                    .into_any()
                            }
                            Err(e) => {
                                let msg = describe(&e, i18n);
                                view! {
                                    <div class="notice warn" role="alert">
                                        <p>{i18n.tr(&portal::PROFILE_LOAD_FAILED)}</p>
                                        <p>{msg}</p>
                                        <button
                                            type="button"
                                            class="button secondary"
                                            on:click=move |_| reload.update(|n| *n += 1)
                                        >
                                            {i18n.tr(&ui::RETRY)}
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

/// What the last save changed, for the notice.
#[derive(Clone, Debug, PartialEq)]
struct Saved {
    fields: Vec<&'static str>,
}

#[component]
fn ProfileForm(loaded: Option<UpdateProfileRequest>, embedded: bool) -> impl IntoView {
    let i18n = use_i18n();
    let session = expect_session();
    let rules = StoredValue::new(session.org_rules());
    let own_email = session
        .info
        .with_untracked(|i| i.as_ref().map(|i| i.email.clone()).unwrap_or_default());
    let loaded = loaded.unwrap_or_default();
    let joined = RwSignal::new(loaded.groups.clone());
    let form = FormCtl::new("profile", FIELDS, move |v| {
        let groups = joined.get();
        rules
            .with_value(|r| request(v, &groups).parse(r).err())
            .unwrap_or_default()
    });
    let baseline = StoredValue::new(values_of(&loaded, &own_email));
    let own_email = StoredValue::new(own_email);
    baseline.with_value(|b| form.set_initial(b));
    if !embedded {
        // Drafts are kept on the app's own origin only, never in a host site's storage.
        form.keep_draft(&session.scope());
    }
    guard_leaving(form);
    // Codes of a fixed shape are checked once the person pauses; numbers typed in chunks (phone,
    // IČO) wait until the field is left, as everywhere in the kit.
    check_while_typing(form, field::TAX_IDENTIFICATION_NUMBER);
    check_while_typing(form, field::POSTAL_CODE);
    check_while_typing(form, field::CUSTOMER_REAL_IP);
    check_while_typing(form, field::REFERRAL_ID);

    let field = move |name: &str| form.field(name).value;
    let phone_preview = Signal::derive(move || {
        field(field::PHONE).with(|v| {
            rules.with_value(|r| {
                Phone::parse(v, &r.phone_prefix)
                    .ok()
                    .map(|x| x.into_string())
            })
        })
    });
    let ico_preview = Signal::derive(move || {
        field(field::COMPANY_REGISTRATION_NUMBER)
            .with(|v| Ico::parse(v).ok().map(|x| x.into_string()))
    });
    let dic_preview = Signal::derive(move || {
        field(field::TAX_IDENTIFICATION_NUMBER)
            .with(|v| Dic::parse(v).ok().map(|x| x.into_string()))
    });
    let postal_preview = Signal::derive(move || {
        let country = field(field::COUNTRY).with(|c| Country::parse(c).ok());
        field(field::POSTAL_CODE).with(|v| {
            PostalCode::parse_for(v, country)
                .ok()
                .map(|x| x.into_string())
        })
    });
    let ip_preview = Signal::derive(move || {
        field(field::CUSTOMER_REAL_IP).with(|v| {
            (!v.trim().is_empty())
                .then(|| ClientIp::parse(v).ok().map(|x| x.into_string()))
                .flatten()
        })
    });
    let name_preview = move |name: &'static str| {
        Signal::derive(move || {
            field(name).with(|v| PersonName::parse(v).ok().map(|x| x.into_string()))
        })
    };
    let email_preview = Signal::derive(move || {
        field(field::EMAIL).with(|v| Email::parse(v).ok().map(|e| e.as_str().to_owned()))
    });

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
    let countries = Signal::derive(move || country_options(i18n.lang.get(), CountryValue::Alpha2));
    let locales = Signal::derive(move || {
        let codes = rules.with_value(|r| r.locales.clone());
        locale_options(&codes, i18n.lang.get())
    });
    // A customer cannot list the organisation's groups: new ones are typed.
    let suggestions = Signal::derive(Vec::<Suggestion>::new);

    let saved = RwSignal::new(None::<Saved>);
    let nothing_to_save = RwSignal::new(false);
    let saved_ref = NodeRef::<html::Div>::new();
    let dirty = Memo::new(move |_| form.dirty());
    // Changing anything after a save puts the notice away: it spoke of the values before.
    Effect::new(move |_| {
        if dirty.get() {
            saved.set(None);
            nothing_to_save.set(false);
        }
    });

    let changed_fields = move || -> Vec<&'static str> {
        let values = form.values();
        baseline.with_value(|b| {
            FIELDS
                .iter()
                .copied()
                .filter(|f| {
                    let now = values.get(f);
                    now != b.get(*f).cloned().unwrap_or_default()
                })
                .collect()
        })
    };

    let save = Action::new_local(move |(json, changed): &(Body<_>, Vec<&'static str>)| {
        let json = json.clone();
        let changed = changed.clone();
        async move {
            if send(form, session, i18n, &CUSTOMER_UPDATE_PROFILE, &[], json)
                .await
                .is_none()
            {
                return;
            }
            // Gone while saving: nothing left to update.
            if saved.try_get_untracked().is_none() {
                return;
            }
            form.saved();
            // What the server stored, in normal form, becomes the new starting point.
            let stored = session.client().call(&CUSTOMER_PROFILE_GET, &[]).await;
            if saved.try_get_untracked().is_none() {
                return;
            }
            if let Ok(stored) = stored {
                let values = own_email.with_value(|e| values_of(&stored, e));
                joined.set(stored.groups.clone());
                form.set_initial(&values);
                baseline.set_value(values);
            } else {
                let now: BTreeMap<String, String> = FIELDS
                    .iter()
                    .map(|f| ((*f).to_owned(), form.values().get(f)))
                    .collect();
                baseline.set_value(now);
            }
            // Spoken by its live region (and read again where focus lands), so not announced twice.
            saved.set(Some(Saved { fields: changed }));
            focus_after_render(saved_ref);
        }
    });

    let submit_now = move || {
        if !form.dirty() && !form.outcome_unknown.get_untracked() {
            // Said again on every press: out and back in, so the live region speaks once more.
            nothing_to_save.set(false);
            request_animation_frame(move || {
                nothing_to_save.try_set(true);
            });
            return;
        }
        nothing_to_save.set(false);
        if !form.begin_submit() {
            return;
        }
        let changed = changed_fields();
        let body = request(form.values(), &joined.get_untracked());
        save.dispatch_local((Body::new(&body), changed));
    };
    retry_after_sign_in(form, session, submit_now);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        submit_now();
    };

    let saved_text = move || {
        let lang = i18n.lang.get();
        saved.get().map(|s| {
            let names: Vec<&str> = s
                .fields
                .iter()
                .filter_map(|f| label_of(f).map(|l| l.get(lang)))
                .collect();
            (!names.is_empty())
                .then(|| fill(portal::PROFILE_SAVED_FIELDS.get(lang), &names.join(", ")))
        })
    };
    let joined_view = move || {
        let list = joined.get();
        if list.is_empty() {
            view! { <p class="hint">{i18n.tr(&portal::GROUPS_NONE)}</p> }.into_any()
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

    view! {
        <div role="status" class="saved-region">
            <Show when=move || saved.get().is_some()>
                <div class="notice saved-notice" tabindex="-1" node_ref=saved_ref>
                    <p><strong>{i18n.tr(&portal::PROFILE_SAVED)}</strong></p>
                    {move || saved_text().flatten().map(|t| view! { <p>{t}</p> })}
                </div>
            </Show>
            <Show when=move || nothing_to_save.get()>
                <p class="notice">{i18n.tr(&portal::PROFILE_NO_CHANGES)}</p>
            </Show>
        </div>
        <Show when=ended>
            <p class="notice warn" role="alert">{i18n.tr(&portal::PROFILE_SESSION_ENDED)}</p>
        </Show>
        <DraftNotice form />
        <ErrorSummary form on_retry=Callback::new(move |_| submit_now()) />
        <form class="portal-form" data-form="profile" on:submit=on_submit novalidate>
            <fieldset class="portal-group">
                <legend>{i18n.tr(&portal::GROUP_CONTACT)}</legend>
                <div class="form-grid">
                    <div class="span-2">
                        <Field form name=field::EMAIL control=Control::Email readonly=true autocomplete="email"
                            required=true label=i18n.tr(&ui::EMAIL) hint=i18n.tr(&portal::EMAIL_READONLY_HINT)
                            preview=email_preview />
                    </div>
                    <Field form name=field::FIRST_NAME autocomplete="given-name" counter=bizkit_contract::NAME_MAX
                        label=i18n.tr(&ui::FIRST_NAME) preview=name_preview(field::FIRST_NAME) />
                    <Field form name=field::LAST_NAME autocomplete="family-name" counter=bizkit_contract::NAME_MAX
                        label=i18n.tr(&ui::LAST_NAME) preview=name_preview(field::LAST_NAME) />
                    <Field form name=field::NAME autocomplete="name" counter=bizkit_contract::NAME_MAX
                        label=i18n.tr(&portal::FULL_NAME) hint=i18n.tr(&portal::FULL_NAME_HINT)
                        preview=name_preview(field::NAME) />
                    <Field form name=field::PHONE control=Control::Tel autocomplete="tel"
                        label=i18n.tr(&ui::PHONE) hint=i18n.tr(&ui::PHONE_HINT) preview=phone_preview />
                </div>
            </fieldset>
            <fieldset class="portal-group">
                <legend>{i18n.tr(&portal::GROUP_COMPANY)}</legend>
                <div class="form-grid">
                    <div class="span-2">
                        <Field form name=field::COMPANY_REGISTRATION_NUMBER control=Control::Numeric
                            autocomplete="off" label=i18n.tr(&portal::ICO) hint=i18n.tr(&portal::ICO_HINT)
                            preview=ico_preview>
                            <AresFill form state=ares targets=ARES_TARGETS id="profile-ares".to_owned() />
                        </Field>
                    </div>
                    <Field form name=field::COMPANY_NAME autocomplete="organization" counter=bizkit_contract::LINE_MAX
                        label=i18n.tr(&portal::COMPANY_NAME) />
                    <Field form name=field::TAX_IDENTIFICATION_NUMBER autocomplete="off"
                        label=i18n.tr(&portal::DIC) hint=i18n.tr(&portal::DIC_HINT) preview=dic_preview />
                </div>
            </fieldset>
            <fieldset class="portal-group">
                <legend>{i18n.tr(&portal::GROUP_ADDRESS)}</legend>
                <div class="form-grid">
                    <div class="span-2">
                        <Field form name=field::STREET_ADDRESS autocomplete="street-address" counter=bizkit_contract::LINE_MAX
                            label=i18n.tr(&portal::STREET_ADDRESS) hint=i18n.tr(&portal::STREET_HINT) />
                    </div>
                    <Field form name=field::CITY_PART autocomplete="address-level3"
                        label=i18n.tr(&portal::CITY_PART) />
                    <Field form name=field::CITY autocomplete="address-level2" label=i18n.tr(&portal::CITY) />
                    <Field form name=field::POSTAL_CODE autocomplete="postal-code"
                        label=i18n.tr(&portal::POSTAL_CODE) hint=i18n.tr(&portal::POSTAL_CODE_HINT)
                        preview=postal_preview />
                    <Field form name=field::STATE_REGION autocomplete="address-level1"
                        label=i18n.tr(&portal::STATE_REGION) />
                    <div class="span-2">
                        <SearchSelect form name=field::COUNTRY options=countries autocomplete="country-name"
                            label=i18n.tr(&portal::COUNTRY) hint=i18n.tr(&portal::COUNTRY_HINT) />
                    </div>
                </div>
            </fieldset>
            <fieldset class="portal-group">
                <legend>{i18n.tr(&portal::GROUP_PREFERENCES)}</legend>
                <div class="form-grid">
                    <div class="span-2">
                        <SearchSelect form name=field::PRIMARY_LOCALE options=locales
                            label=i18n.tr(&portal::PRIMARY_LOCALE) hint=i18n.tr(&portal::PRIMARY_LOCALE_HINT) />
                    </div>
                    <div class="span-2 checks">
                        <CheckboxField form name=field::NEWSLETTER label=i18n.tr(&portal::NEWSLETTER)
                            hint=i18n.tr(&portal::NEWSLETTER_HINT) />
                    </div>
                    <div class="span-2 joined">
                        <p class="label" id="profile-joined-label">{i18n.tr(&portal::GROUPS_JOINED)}</p>
                        {joined_view}
                    </div>
                    <div class="span-2">
                        <TagPicker form name=field::GROUPS groups=suggestions
                            label=i18n.tr(&portal::GROUPS_ADD) hint=i18n.tr(&portal::GROUPS_ADD_HINT) />
                    </div>
                    <Field form name=field::REFERRAL_ID autocomplete="off" counter=bizkit_contract::CU_REF_NO_LEN
                        label=i18n.tr(&portal::REFERRAL_ID) hint=i18n.tr(&portal::REFERRAL_ID_HINT) />
                    <Field form name=field::CUSTOMER_REAL_IP autocomplete="off"
                        label=i18n.tr(&portal::CUSTOMER_REAL_IP) hint=i18n.tr(&portal::CUSTOMER_REAL_IP_HINT)
                        preview=ip_preview />
                </div>
            </fieldset>
            <div class="actions">
                <SubmitButton form label=i18n.tr(&portal::PROFILE_SUBMIT) />
                <p class="unsaved" aria-live="polite">
                    {move || dirty.get().then(|| i18n.tr(&portal::PROFILE_UNSAVED)())}
                </p>
            </div>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_has_a_label_and_a_value() {
        assert_eq!(FIELDS.len(), 19);
        let values = values_of(&UpdateProfileRequest::default(), "a@b.cz");
        for f in FIELDS {
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
        assert_eq!(v[field::COUNTRY], "CZ");
        assert_eq!(v[field::NEWSLETTER], "true");
        assert_eq!(v[field::GROUPS], "");
    }
}

//! Component tests in headless Chromium (`wasm-bindgen-test`): the field component's validation timing
//! and ARIA wiring, the error summary, and the API client's mapping of real browser answers.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use bizkit_contract::endpoint::SESSION_GET;
use bizkit_contract::{ErrorCode, FieldError};
use bizkit_forms::api::{self, ApiError, Call, Client};
use bizkit_forms::components::error_summary::ErrorSummary;
use bizkit_forms::components::field::{Control, Field};
use bizkit_forms::components::form::FormCtl;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Lets effects and the renderer catch up.
async fn tick() {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 20)
            .unwrap();
    });
    JsFuture::from(p).await.unwrap();
}

fn container() -> web_sys::HtmlElement {
    let el = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&el).unwrap();
    el.unchecked_into()
}

fn input(id: &str) -> web_sys::HtmlInputElement {
    document().get_element_by_id(id).unwrap().unchecked_into()
}

fn type_into(el: &web_sys::HtmlInputElement, value: &str) {
    el.set_value(value);
    el.dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
}

fn blur(el: &web_sys::HtmlInputElement) {
    el.dispatch_event(&web_sys::Event::new("blur").unwrap())
        .unwrap();
}

/// A one-field form whose rule is the contract's e-mail parser.
fn email_form() -> FormCtl {
    FormCtl::new("t", &["email"], |v| {
        let value = v.get("email");
        if value.trim().is_empty() {
            return vec![FieldError {
                field: "email".into(),
                code: ErrorCode::Required,
            }];
        }
        match bizkit_contract::Email::parse(&value) {
            Ok(_) => vec![],
            Err(code) => vec![FieldError {
                field: "email".into(),
                code,
            }],
        }
    })
}

#[wasm_bindgen_test]
async fn field_error_waits_for_blur_then_follows_every_keystroke() {
    let root = container();
    let form = StoredValue::new(None::<FormCtl>);
    let _mount = leptos::mount::mount_to(root.clone(), move || {
        let f = email_form();
        form.set_value(Some(f));
        view! { <Field form=f name="email" label="E-mail" hint="name@example.com" control=Control::Email required=true /> }
    });
    tick().await;
    let el = input("t-email");
    // Label, hint and control are tied together from the start.
    let label = document().query_selector("label[for='t-email']").unwrap();
    assert!(label.is_some(), "a <label for> names the control");
    assert_eq!(
        el.get_attribute("aria-describedby").as_deref(),
        Some("t-email-hint")
    );

    // Typing into an empty form does not nag.
    type_into(&el, "jan@");
    tick().await;
    assert_eq!(el.get_attribute("aria-invalid"), None);
    assert!(document().get_element_by_id("t-email-error").is_none());

    // Leaving the field with a failing value shows the error, wired by ARIA.
    blur(&el);
    tick().await;
    assert_eq!(el.get_attribute("aria-invalid").as_deref(), Some("true"));
    let described = el.get_attribute("aria-describedby").unwrap();
    assert!(
        described.split(' ').any(|id| id == "t-email-error"),
        "{described}"
    );
    let message = document()
        .get_element_by_id("t-email-error")
        .unwrap()
        .text_content()
        .unwrap();
    assert!(message.len() > 10, "a real sentence, not a code: {message}");

    // From then on it follows every keystroke: fixed → gone at once.
    type_into(&el, "jan@example.cz");
    tick().await;
    assert_eq!(el.get_attribute("aria-invalid"), None);
    assert!(document().get_element_by_id("t-email-error").is_none());
    type_into(&el, "jan@@example.cz");
    tick().await;
    assert_eq!(el.get_attribute("aria-invalid").as_deref(), Some("true"));
    root.remove();
}

#[wasm_bindgen_test]
async fn leaving_an_empty_field_says_nothing_but_submit_does() {
    let root = container();
    let form = StoredValue::new(None::<FormCtl>);
    let _mount = leptos::mount::mount_to(root.clone(), move || {
        let f = email_form();
        form.set_value(Some(f));
        view! {
            <ErrorSummary form=f />
            <Field form=f name="email" label="E-mail" required=true />
        }
    });
    tick().await;
    let el = input("t-email");
    blur(&el);
    tick().await;
    assert_eq!(
        el.get_attribute("aria-invalid"),
        None,
        "no error for an untouched empty field"
    );

    let f = form.get_value().unwrap();
    assert!(!f.begin_submit(), "a failing form is not sent");
    // The summary is focused on the next animation frame; on a loaded machine that can take longer
    // than two ticks, so wait for it (a second at the most) before asserting.
    for _ in 0..50 {
        tick().await;
        if document()
            .active_element()
            .map(|e| e.class_name())
            .as_deref()
            == Some("error-summary")
        {
            break;
        }
    }
    assert_eq!(el.get_attribute("aria-invalid").as_deref(), Some("true"));
    let summary = document()
        .query_selector(".error-summary")
        .unwrap()
        .unwrap();
    assert!(!summary.class_list().contains("hidden"));
    let link = summary.query_selector("a[href='#t-email']").unwrap();
    assert!(link.is_some(), "the summary links to the field");
    assert_eq!(
        document().active_element().map(|e| e.class_name()),
        Some("error-summary".to_owned()),
        "the summary takes focus"
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn server_errors_land_on_their_field_until_edited() {
    let root = container();
    let form = StoredValue::new(None::<FormCtl>);
    let _mount = leptos::mount::mount_to(root.clone(), move || {
        let f = email_form();
        form.set_value(Some(f));
        view! { <Field form=f name="email" label="E-mail" required=true /> }
    });
    tick().await;
    let el = input("t-email");
    type_into(&el, "jan@barasek.com");
    let f = form.get_value().unwrap();
    let taken = api::classify(
        409,
        "application/problem+json",
        r#"{"status":409,"title":"Conflict","errors":[{"field":"email","code":"EMAIL_TAKEN","message":"taken"}]}"#,
        None,
    );
    f.failed(&taken, bizkit_forms::i18n::use_i18n());
    tick().await;
    assert_eq!(el.get_attribute("aria-invalid").as_deref(), Some("true"));
    type_into(&el, "jan2@barasek.com");
    tick().await;
    assert_eq!(
        el.get_attribute("aria-invalid"),
        None,
        "editing the value clears the server's error"
    );
    root.remove();
}

/// A `GET` of a whole URL (a blob URL stands in for a server's answer), through the client's raw call.
async fn get_url(url: &str) -> Result<serde_json::Value, ApiError> {
    Client::new("", None)
        .send::<serde_json::Value>("GET", url, None, Call::default())
        .await
        .map(|a| a.body)
}

#[wasm_bindgen_test]
async fn client_maps_real_browser_answers() {
    // An unreachable port: a network failure, not a panic.
    let client = Client::new("http://127.0.0.1:9", Some("token".into()));
    let r = client.call(&SESSION_GET, &[]).await;
    assert!(matches!(r, Err(ApiError::Network)), "{r:?}");

    // A blob URL answering HTML with status 200: an unreadable success is a server fault.
    let parts = js_sys::Array::of1(&"<html><body>Oops</body></html>".into());
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type("text/html");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts).unwrap();
    let url = web_sys::Url::create_object_url_with_blob(&blob).unwrap();
    let r = get_url(&url).await;
    assert!(
        matches!(r, Err(ApiError::Server { status: 200, .. })),
        "{r:?}"
    );

    // An old-style refusal inside a 200.
    let parts =
        js_sys::Array::of1(&r#"{"success": false, "errorCode": "E001", "message": "No"}"#.into());
    let blob = web_sys::Blob::new_with_str_sequence(&parts).unwrap();
    let url = web_sys::Url::create_object_url_with_blob(&blob).unwrap();
    let r = get_url(&url).await;
    assert!(
        matches!(r, Err(ApiError::Rejected { code: Some(ref c), .. }) if c == "E001"),
        "{r:?}"
    );
}

/// Drafts in the real `localStorage`: each records its owner and age; a sign-out removes exactly
/// that person's, and stale ones go when the app starts or the draft is loaded.
#[wasm_bindgen_test]
fn drafts_are_removed_for_their_owner_and_when_stale() {
    use bizkit_forms::draft::{self, Draft};
    let local = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    local.clear().unwrap();
    let value = |v: &str| Draft {
        values: [("firstName".to_owned(), v.to_owned())].into(),
        pending: None,
    };
    let (mine, other, org) = (
        draft::key("contact", "1.admin@demo.test"),
        draft::key("contact", "1.admin@demo.test.evil"),
        draft::key("orgcontact", "1.admin@demo.test.org1"),
    );
    draft::set_owner(Some("1.admin@demo.test".into()));
    draft::save(&mine, &value("Mine"));
    draft::save(&org, &value("Mine too"));
    draft::set_owner(Some("1.admin@demo.test.evil".into()));
    draft::save(&other, &value("Someone else's"));
    local.set_item("unrelated", "kept").unwrap();
    assert_eq!(draft::load(&mine).unwrap(), value("Mine"));

    assert_eq!(draft::remove_all_of("1.admin@demo.test"), 2);
    assert!(local.get_item(&mine).unwrap().is_none());
    assert!(local.get_item(&org).unwrap().is_none());
    assert_eq!(draft::load(&other).unwrap(), value("Someone else's"));
    assert_eq!(
        local.get_item("unrelated").unwrap().as_deref(),
        Some("kept")
    );

    // Eight days old, of unknown age, broken: dropped; one day old: kept.
    let now = js_sys::Date::now();
    let day = 86_400_000.0;
    let aged = |days: f64| {
        format!(
            r#"{{"values":{{"firstName":"Old"}},"savedAt":{},"owner":"x"}}"#,
            now - days * day
        )
    };
    local
        .set_item("bizkit.draft.v1.contact.a", &aged(8.0))
        .unwrap();
    local
        .set_item("bizkit.draft.v1.contact.b", r#"{"values":{}}"#)
        .unwrap();
    local.set_item("bizkit.draft.v1.contact.c", "{").unwrap();
    local
        .set_item("bizkit.draft.v1.contact.d", &aged(1.0))
        .unwrap();
    draft::set_max_age_days(7.0);
    assert_eq!(draft::sweep_stale(), 3);
    assert!(
        local
            .get_item("bizkit.draft.v1.contact.d")
            .unwrap()
            .is_some()
    );
    // On load, too, for one that aged while the app ran.
    local
        .set_item("bizkit.draft.v1.contact.e", &aged(7.5))
        .unwrap();
    assert!(draft::load("bizkit.draft.v1.contact.e").is_none());
    assert!(
        local
            .get_item("bizkit.draft.v1.contact.e")
            .unwrap()
            .is_none()
    );
    draft::set_owner(None);
    local.clear().unwrap();
}

/// Country and language names come from the browser's `Intl.DisplayNames`; these are the names the
/// contract's table had, and a malformed code falls back to itself instead of throwing.
#[wasm_bindgen_test]
fn the_browser_names_countries_and_languages() {
    use bizkit_contract::{Lang, countries};
    use bizkit_forms::components::select::{
        CountryValue, country_options, exact, locale_options, matches,
    };
    use bizkit_forms::i18n::names;

    assert_eq!(names::region("CZ", Lang::Cs), "Česko");
    assert_eq!(names::region("CZ", Lang::En), "Czechia");
    assert_eq!(names::region("DE", Lang::Cs), "Německo");
    assert_eq!(names::region("1", Lang::En), "1");
    assert_eq!(names::language("de", Lang::Cs), "němčina");
    assert_eq!(names::language("de", Lang::En), "German");
    assert_eq!(names::language_own("de"), "Deutsch");
    assert_eq!(names::language("!", Lang::En), "!");
    // Every country of the contract has a name of its own in both languages.
    for (a2, _) in countries() {
        for lang in [Lang::Cs, Lang::En] {
            assert_ne!(names::region(a2, lang), *a2, "{a2} in {lang:?}");
        }
    }

    let all = country_options(Lang::Cs, CountryValue::Numeric);
    assert_eq!(all.len(), countries().len());
    let labels: Vec<String> = all
        .iter()
        .map(|o| bizkit_forms::components::select::fold(&o.label))
        .collect();
    assert!(labels.windows(2).all(|w| w[0] <= w[1]), "sorted by label");
    // Found by the other language's name, without diacritics.
    let found = matches(&all, "germany");
    assert_eq!(found.len(), 1);
    assert_eq!(all[found[0]].value, "276");
    assert_eq!(all[found[0]].label, "Německo");
    assert_eq!(
        exact(&all, "cesko").map(|i| all[i].detail.as_str()),
        Some("CZ")
    );

    let locales = locale_options(&["cs".to_owned(), "en-GB".to_owned()], Lang::En);
    assert_eq!(locales[0].label, "Czech");
    assert_eq!(locales[1].label, "English");
    assert_eq!(exact(&locales, "cestina"), Some(0));
    assert_eq!(exact(&locales, "anglictina"), Some(1));
}

//! Sign-in with e-mail and password, or with an existing session token.

use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_query_map};

use crate::api::ApiError;
use crate::components::focus::focus_after_render;
use crate::components::form::describe;
use crate::i18n::{ui, use_i18n};
use crate::session::Access;
use crate::session::current_session;

#[component]
pub fn SignIn() -> impl IntoView {
    let i18n = use_i18n();
    let session = current_session();
    let navigate = use_navigate();
    let query = use_query_map();
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let token = RwSignal::new(String::new());
    // Per-field messages and one for the form, as in the form kit, but without a contract request.
    let email_error = RwSignal::new(None::<String>);
    let password_error = RwSignal::new(None::<String>);
    let token_error = RwSignal::new(None::<String>);
    let form_error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let summary = NodeRef::<leptos::html::Div>::new();

    // Once signed in (here, or by a token in the URL), go where the person was heading.
    let access = Memo::new(move |_| session.access());
    Effect::new(move |_| {
        let a = access.get();
        if a == Access::SignedOut {
            return;
        }
        let next = query
            .with_untracked(|q| q.get("next"))
            .and_then(|n| safe_next(&n))
            .filter(|n| same_origin(n));
        let to = next.unwrap_or_else(|| {
            if a == Access::Admin {
                "/contacts/new"
            } else {
                "/portal/profile"
            }
            .to_owned()
        });
        navigate(
            &to,
            NavigateOptions {
                replace: true,
                ..Default::default()
            },
        );
    });

    let focus_summary = move || focus_after_render(summary);

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let (e, p) = (email.get_untracked(), password.get_untracked());
        email_error.set(
            e.trim()
                .is_empty()
                .then(|| i18n.tr(&t::ENTER_EMAIL)().to_owned()),
        );
        password_error.set(
            p.is_empty()
                .then(|| i18n.tr(&ui::ENTER_PASSWORD)().to_owned()),
        );
        form_error.set(None);
        if e.trim().is_empty() || p.is_empty() {
            focus_summary();
            return;
        }
        busy.set(true);
        leptos::task::spawn_local(async move {
            let result = session.sign_in(&e, &p).await;
            busy.try_set(false);
            if let Err(err) = result {
                let msg = match err {
                    ApiError::Unauthorized { .. } | ApiError::Rejected { .. } => {
                        i18n.tr(&ui::SIGN_IN_FAILED)().to_owned()
                    }
                    other => describe(&other, i18n),
                };
                form_error.try_set(Some(msg));
                focus_summary();
            }
        });
    };

    let on_token = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let t = token.get_untracked();
        if t.trim().is_empty() {
            token_error.set(Some(i18n.tr(&t::ENTER_TOKEN)().to_owned()));
            return;
        }
        token_error.set(None);
        busy.set(true);
        leptos::task::spawn_local(async move {
            let result = session.use_token(&t).await;
            busy.try_set(false);
            if let Err(err) = result {
                let msg = match err {
                    ApiError::Unauthorized { .. } | ApiError::Forbidden { .. } => {
                        i18n.tr(&t::TOKEN_REJECTED)().to_owned()
                    }
                    other => describe(&other, i18n),
                };
                token_error.try_set(Some(msg));
            } else {
                token.try_set(String::new());
            }
        });
    };

    let has_errors = move || {
        email_error.get().is_some() || password_error.get().is_some() || form_error.get().is_some()
    };
    // "Error: " in the page title while the summary shows (GOV.UK).
    crate::components::layout::error_title(has_errors);

    view! {
        <section class="panel narrow">
            <h1>{i18n.tr(&t::SIGN_IN_TITLE)}</h1>
            <p class="lead">{i18n.tr(&t::SIGN_IN_INTRO)}</p>
            <div class="error-summary" class:hidden=move || !has_errors() node_ref=summary tabindex="-1" role="alert" aria-labelledby="sign-in-summary-title">
                <Show when=has_errors>
                    <h2 class="error-summary-title" id="sign-in-summary-title">{i18n.tr(&ui::ERROR_SUMMARY_TITLE)}</h2>
                    <ul class="error-summary-list">
                        {move || form_error.get().map(|m| view! { <li>{m}</li> })}
                        {move || email_error.get().map(|m| view! { <li><a href="#sign-in-email" on:click=focus_link("sign-in-email")>{m}</a></li> })}
                        {move || password_error.get().map(|m| view! { <li><a href="#sign-in-password" on:click=focus_link("sign-in-password")>{m}</a></li> })}
                    </ul>
                </Show>
            </div>
            <form class="stack" data-form="sign-in" on:submit=on_submit novalidate>
                <div class="field" class:field-error=move || email_error.get().is_some()>
                    <label class="label" for="sign-in-email">{i18n.tr(&ui::EMAIL)}</label>
                    <Show when=move || email_error.get().is_some()>
                        <p class="error-message" id="sign-in-email-error">{move || email_error.get()}</p>
                    </Show>
                    <input id="sign-in-email" class="input" type="email" name="email" autocomplete="username"
                        spellcheck="false" required
                        aria-invalid=move || email_error.get().is_some().then_some("true")
                        aria-describedby=move || email_error.get().is_some().then_some("sign-in-email-error")
                        bind:value=email
                        on:input=move |_| email_error.set(None) />
                </div>
                <div class="field" class:field-error=move || password_error.get().is_some()>
                    <label class="label" for="sign-in-password">{i18n.tr(&ui::PASSWORD)}</label>
                    <Show when=move || password_error.get().is_some()>
                        <p class="error-message" id="sign-in-password-error">{move || password_error.get()}</p>
                    </Show>
                    <input id="sign-in-password" class="input" type="password" name="password"
                        autocomplete="current-password" required
                        aria-invalid=move || password_error.get().is_some().then_some("true")
                        aria-describedby=move || password_error.get().is_some().then_some("sign-in-password-error")
                        bind:value=password
                        on:input=move |_| password_error.set(None) />
                </div>
                <div class="actions">
                    <button type="submit" class="button primary" aria-disabled=move || busy.get().then_some("true")>
                        <Show when=move || busy.get() fallback=i18n.tr(&ui::SIGN_IN_SUBMIT)>
                            <span class="spinner" aria-hidden="true"></span>
                            {i18n.tr(&ui::LOADING)}
                        </Show>
                    </button>
                </div>
            </form>
            <details class="token-sign-in">
                <summary>{i18n.tr(&t::TOKEN_SUMMARY)}</summary>
                <form class="stack" data-form="token" on:submit=on_token novalidate>
                    <div class="field" class:field-error=move || token_error.get().is_some()>
                        <label class="label" for="sign-in-token">{i18n.tr(&t::TOKEN_LABEL)}</label>
                        <p class="hint" id="sign-in-token-hint">{i18n.tr(&t::TOKEN_HINT)}</p>
                        <Show when=move || token_error.get().is_some()>
                            <p class="error-message" id="sign-in-token-error" role="alert">{move || token_error.get()}</p>
                        </Show>
                        <input id="sign-in-token" class="input" type="password" autocomplete="off" spellcheck="false"
                            aria-invalid=move || token_error.get().is_some().then_some("true")
                            aria-describedby=move || if token_error.get().is_some() {
                                "sign-in-token-hint sign-in-token-error"
                            } else {
                                "sign-in-token-hint"
                            }
                            bind:value=token />
                    </div>
                    <button type="submit" class="button secondary">{i18n.tr(&t::TOKEN_SUBMIT)}</button>
                </form>
            </details>
        </section>
    }
}

/// A summary link focuses its field (a plain `#id` link would only scroll, and the router would
/// take the click as a navigation), as the form kit's error summary does.
fn focus_link(id: &'static str) -> impl Fn(leptos::ev::MouseEvent) + 'static {
    move |ev| {
        ev.prevent_default();
        crate::components::focus::focus_by_id(id);
    }
}

/// Where `next` may send a person after signing in: a path of this app, and nothing that a browser
/// or the router could read as another site. Returns the path to go to, or `None` (then the person
/// lands on their start page).
///
/// The value is the query parameter after one round of decoding. It must be a plain absolute path
/// (`/contacts/new`, `/organizations/1/contacts/new?x=1`): ASCII letters, digits and `/ - . _ ~`, a
/// query of `? = & + %`-escapes, nothing else — no scheme, no backslash, no whitespace or control
/// characters (browsers drop tabs and newlines, so `/\t/evil.example` *is* `//evil.example`), no
/// fragment, no `//`. Percent-escapes are decoded (repeatedly: `%252F` is `%2F` is `/`) and the decoded
/// form must pass the same checks, so no encoded form slips through either.
pub fn safe_next(raw: &str) -> Option<String> {
    const MAX_LEN: usize = 2048;
    fn plain(path: &str, decoded: bool) -> bool {
        let allowed = |c: char| {
            c.is_ascii_alphanumeric()
                || matches!(c, '/' | '-' | '.' | '_' | '~' | '?' | '=' | '&' | '+')
                // The raw form carries escapes; a decoded form with a literal `%` is fine as text.
                || (c == '%')
                || (decoded && matches!(c, ' ' | '!' | '\'' | '(' | ')' | '*' | ',' | ';' | ':' | '@'))
        };
        path.starts_with('/') && !path.contains("//") && path.chars().all(allowed)
    }
    if raw.is_empty() || raw.len() > MAX_LEN || !plain(raw, false) {
        return None;
    }
    let mut current = raw.to_owned();
    for _ in 0..4 {
        let decoded = percent_decode(&current)?;
        if decoded == current {
            let path = current.split('?').next().unwrap_or_default();
            return (path != "/sign-in" && path != "/sign-in/").then(|| raw.to_owned());
        }
        if !plain(&decoded, true) {
            return None;
        }
        current = decoded;
    }
    // Still changing after four rounds: no app path is encoded that deep.
    None
}

/// One round of percent-decoding; `None` for a broken escape or bytes that are not UTF-8.
fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The browser's own reading of the path agrees that it stays on this origin (a second line behind
/// [`safe_next`]; a browser-only check, so not in the native table test).
fn same_origin(path: &str) -> bool {
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return false;
    };
    let Ok(origin) = location.origin() else {
        return false;
    };
    web_sys::Url::new_with_base(path, &origin).is_ok_and(|u| u.origin() == origin)
}

/// This page's own texts; those several pages show are in `crate::i18n`.
pub(crate) mod t {
    crate::i18n::texts! {
        SIGN_IN_TITLE: "Přihlášení", "Sign in";
        SIGN_IN_INTRO: "Přihlaste se svým účtem BizKitHub.", "Sign in with your BizKitHub account.";
        ENTER_EMAIL: "Zadejte svůj e-mail", "Enter your e-mail address";
        TOKEN_SUMMARY: "Použít existující přístupový token", "Use an existing session token instead";
        TOKEN_LABEL: "Přístupový token", "Session token";
        TOKEN_HINT:
            "Vložte token relace BizKitHub nebo API klíč. Zůstane jen v této záložce.",
            "Paste the token of a BizKitHub session or an API key. It is kept only in this tab.";
        TOKEN_SUBMIT: "Použít token", "Use this token";
        ENTER_TOKEN: "Vložte přístupový token", "Paste a session token";
        TOKEN_REJECTED:
            "Token nebyl přijat. Možná vypršel – přihlaste se raději e-mailem.",
            "This token was not accepted. It may have expired – sign in with your e-mail instead.";
    }
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn next_accepts_paths_of_the_app() {
        for ok in [
            "/",
            "/contacts/new",
            "/members/invite",
            "/customers/groups",
            "/portal/profile",
            "/organizations/1/contacts/new",
            "/customers/groups?cuRefNo=1cGIHvFoQDGLAbcA",
            "/contacts/new?name=Jan%20Novak",
        ] {
            assert_eq!(safe_next(ok).as_deref(), Some(ok), "{ok:?}");
        }
    }

    #[test]
    fn next_refuses_every_way_off_the_app() {
        let hostile = [
            // Other sites, by scheme or by a protocol-relative address.
            "https://evil.example",
            "http:evil.example",
            "HTTPS://evil.example/contacts/new",
            "javascript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "//evil.example",
            "///evil.example",
            "//evil.example/contacts/new",
            "/contacts/new//evil.example",
            // Backslashes, which browsers read as slashes.
            "/\\evil.example",
            "\\evil.example",
            "\\/evil.example",
            "/\\/evil.example",
            // Whitespace and control characters, which browsers drop: `/\t/x` is `//x`.
            "/\t/evil.example",
            "/\n/evil.example",
            "/\r/evil.example",
            "/\r\n/evil.example",
            " /contacts/new",
            "/contacts/new ",
            "\u{0}/evil.example",
            "/\u{7f}/evil.example",
            "/\u{2028}/evil.example",
            "/\u{a0}/evil.example",
            "/\u{ff0f}evil.example",
            // The same, percent-encoded once, twice, three times.
            "/%09/evil.example",
            "/%0A/evil.example",
            "/%0a/evil.example",
            "/%0D%0A/evil.example",
            "/%00/evil.example",
            "/%2F/evil.example",
            "/%2f%2fevil.example",
            "%2F%2Fevil.example",
            "/%5Cevil.example",
            "/%5c%5cevil.example",
            "/%252F%252Fevil.example",
            "/%25252F%25252Fevil.example",
            "/%2525252F%2525252Fevil.example",
            "/%E2%80%A8/evil.example",
            "/%C0%AF/evil.example",
            "https%3A%2F%2Fevil.example",
            "/%",
            "/%zz",
            // Not a path: relative, empty, a fragment.
            "",
            "contacts/new",
            ".",
            "evil.example",
            "#/contacts/new",
            "/contacts/new#token=stolen",
            "@evil.example",
            "/@evil.example",
            "/:@evil.example",
            // Back to the sign-in page: a loop.
            "/sign-in",
            "/sign-in?next=%2Fcontacts%2Fnew",
        ];
        for value in hostile {
            assert_eq!(safe_next(value), None, "{value:?}");
        }
        assert_eq!(safe_next(&format!("/{}", "a".repeat(3000))), None);
    }
}

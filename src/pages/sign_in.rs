//! Sign-in with e-mail and password, or with an existing session token.

use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_query_map};

use crate::api::ApiError;
use crate::components::error_summary::focus_after_render;
use crate::components::form::describe;
use crate::components::layout::expect_session;
use crate::i18n::use_i18n;
use crate::session::Access;

#[component]
pub fn SignIn() -> impl IntoView {
    let i18n = use_i18n();
    let session = expect_session();
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
            .filter(|n| safe_next(n));
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
        email_error.set(e.trim().is_empty().then(|| i18n.t().enter_email.to_owned()));
        password_error.set(p.is_empty().then(|| i18n.t().enter_password.to_owned()));
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
                        i18n.t().sign_in_failed.to_owned()
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
            token_error.set(Some(i18n.t().enter_token.to_owned()));
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
                        i18n.t().token_rejected.to_owned()
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

    view! {
        <section class="panel narrow">
            <h1>{i18n.text(|t| t.sign_in_title)}</h1>
            <p class="lead">{i18n.text(|t| t.sign_in_intro)}</p>
            <div class="error-summary" class:hidden=move || !has_errors() node_ref=summary tabindex="-1" role="alert" aria-labelledby="sign-in-summary-title">
                <Show when=has_errors>
                    <h2 class="error-summary-title" id="sign-in-summary-title">{i18n.text(|t| t.error_summary_title)}</h2>
                    <ul class="error-summary-list">
                        {move || form_error.get().map(|m| view! { <li>{m}</li> })}
                        {move || email_error.get().map(|m| view! { <li><a href="#sign-in-email" on:click=focus_link("sign-in-email")>{m}</a></li> })}
                        {move || password_error.get().map(|m| view! { <li><a href="#sign-in-password" on:click=focus_link("sign-in-password")>{m}</a></li> })}
                    </ul>
                </Show>
            </div>
            <form class="stack" data-form="sign-in" on:submit=on_submit novalidate>
                <div class="field" class:field-error=move || email_error.get().is_some()>
                    <label class="label" for="sign-in-email">{i18n.text(|t| t.email)}</label>
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
                    <label class="label" for="sign-in-password">{i18n.text(|t| t.password)}</label>
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
                        <Show when=move || busy.get() fallback=i18n.text(|t| t.sign_in_submit)>
                            <span class="spinner" aria-hidden="true"></span>
                            {i18n.text(|t| t.loading)}
                        </Show>
                    </button>
                </div>
            </form>
            <details class="token-sign-in">
                <summary>{i18n.text(|t| t.token_summary)}</summary>
                <form class="stack" data-form="token" on:submit=on_token novalidate>
                    <div class="field" class:field-error=move || token_error.get().is_some()>
                        <label class="label" for="sign-in-token">{i18n.text(|t| t.token_label)}</label>
                        <p class="hint" id="sign-in-token-hint">{i18n.text(|t| t.token_hint)}</p>
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
                    <button type="submit" class="button secondary">{i18n.text(|t| t.token_submit)}</button>
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
        crate::components::error_summary::focus_by_id(id);
    }
}

/// Only same-app paths: `next` must never send a person to another site.
fn safe_next(next: &str) -> bool {
    next.starts_with('/') && !next.starts_with("//") && !next.contains('\\') && next != "/sign-in"
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn next_stays_in_the_app() {
        assert!(safe_next("/contacts/new"));
        assert!(!safe_next("//evil.example"));
        assert!(!safe_next("https://evil.example"));
        assert!(!safe_next("/\\evil.example"));
    }
}

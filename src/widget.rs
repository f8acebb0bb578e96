//! The embeddable profile widget: "Your profile" mounted into a host site's page.
//!
//! The loader (`public/widget/widget.js`) gives each host element an open shadow root holding the
//! widget's own stylesheet and a container, then calls [`mount`] with the session token and the
//! backend's address the host passed. Nothing of the app's frame comes along: no router, no header,
//! no sign-in page. Nothing touches the host page outside the shadow root either — no `<html lang>`,
//! no language remembered in the host's `localStorage`, no draft of the customer's data there.
//!
//! The widget binary (`src/bin/bizkit-widget.rs`) references only this module, so the linker leaves
//! the admin pages out of its wasm.

use leptos::prelude::*;

use crate::api::ApiError;
use crate::components::layout::Announcer;
use crate::config::Config;
use crate::i18n::{I18n, code, pick_lang, portal, ui};
use crate::pages::profile::Profile;
use crate::session::{Access, Session};

/// Mounts the profile form into `container` (inside the host's shadow root).
pub fn mount(container: web_sys::HtmlElement, token: String, api_base: String, lang: String) {
    // The release wasm traps on a panic before any hook could run (`panic=immediate-abort`), so
    // the hook and the formatting of a panic's message it links stay out of the widget's download.
    #[cfg(not(panic = "immediate-abort"))]
    {
        static HOOK: std::sync::Once = std::sync::Once::new();
        HOOK.call_once(|| std::panic::set_hook(Box::new(console_error_panic_hook::hook)));
    }
    leptos::mount::mount_to(container, move || {
        view! { <Widget token api_base lang /> }
    })
    .forget();
}

/// The language the host asked for (`data-lang`), else the host page's own, else the browser's.
fn widget_lang(asked: &str) -> bizkit_contract::Lang {
    let host = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|e| e.get_attribute("lang"))
        .unwrap_or_default();
    let browser: Vec<String> = web_sys::window()
        .map(|w| w.navigator().languages())
        .map(|a| a.iter().filter_map(|v| v.as_string()).collect())
        .unwrap_or_default();
    let mut wanted = vec![asked.to_owned(), host];
    wanted.extend(browser);
    pick_lang(&wanted)
}

#[component]
fn Widget(token: String, api_base: String, lang: String) -> impl IntoView {
    let lang = widget_lang(&lang);
    // Not `I18n::provide()`: that would set the host page's `<html lang>` and remember the choice in
    // the host's storage.
    let i18n = I18n {
        lang: RwSignal::new(lang),
    };
    provide_context(i18n);
    // Through `from_json`, as `config.json` is read: the same normalising, every other setting at
    // its default.
    let config = Config::from_json(&serde_json::json!({ "apiBaseUrl": api_base }).to_string());
    provide_context(config.clone());
    // The host's token and nothing else, kept in memory: not a session an app on the same origin
    // left behind, and nothing in the host's storage or address.
    let session = Session::in_memory(&config);
    session.checking.set(true);
    // The token was refused (or none given) vs. the server not reached at all: the host page's
    // visitor is told which, since only the first needs them to sign in again.
    let unreachable = RwSignal::new(false);
    leptos::task::spawn_local(async move {
        if let Err(e) = session.use_token(&token).await {
            unreachable.try_set(matches!(
                e,
                ApiError::Network | ApiError::Timeout | ApiError::Server { .. }
            ));
        }
        session.checking.try_set(false);
    });
    let announcer = Announcer::provide();
    let access = Memo::new(move |_| session.access());
    view! {
        <div class="bizkit-widget" lang=move || code(i18n.lang.get())>
            {move || {
                if session.checking.get() {
                    return view! { <p class="loading">{i18n.tr(&ui::LOADING)}</p> }.into_any();
                }
                match access.get() {
                    Access::Customer => view! { <Profile embedded=true /> }.into_any(),
                    Access::SignedOut if unreachable.get() => {
                        view! { <p class="notice warn" role="alert">{i18n.tr(&portal::WIDGET_UNREACHABLE)}</p> }
                            .into_any()
                    }
                    Access::SignedOut => {
                        view! { <p class="notice warn" role="alert">{i18n.tr(&portal::WIDGET_NO_SIGN_IN)}</p> }
                            .into_any()
                    }
                    Access::Admin => {
                        view! { <p class="notice warn" role="alert">{i18n.tr(&portal::WIDGET_CUSTOMERS_ONLY)}</p> }
                            .into_any()
                    }
                }
            }}
            {announcer.region()}
        </div>
    }
}

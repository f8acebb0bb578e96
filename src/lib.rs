//! bizkit-forms: the BizKitHub admin forms and customer portal, as a Leptos CSR app.
//!
//! `main.rs` only mounts; this module holds the router. Pages live in `pages/`, the reusable form kit in
//! `components/`, and everything that talks to the outside world (`api`, `session`, `storage`, `config`)
//! in modules of its own.

#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

pub mod api;
pub mod components;
pub mod config;
pub mod draft;
pub mod i18n;
#[cfg(feature = "import")]
pub mod import;
pub mod pages;
pub mod session;
pub mod storage;
pub mod widget;

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::components::layout::{AdminPage, CustomerPage, Shell};
use crate::config::Config;
use crate::i18n::{I18n, ui};
use crate::session::Session;

/// Mounts the app on `<body>`. A panic in wasm kills the instance, so the hook shows the static crash
/// banner of `index.html` (which tells the person that their draft is kept) besides logging.
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_crash_banner();
    }));
    leptos::mount::mount_to_body(App);
}

fn show_crash_banner() {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("crash-banner"))
    {
        let _ = el.remove_attribute("hidden");
    }
}

#[component]
pub fn App() -> impl IntoView {
    let i18n = I18n::provide();
    let config = LocalResource::new(Config::load);
    view! {
        <Suspense fallback=move || view! { <p class="loading">{i18n.tr(&ui::LOADING)}</p> }>
            {move || {
                config
                    .get()
                    .map(|config| {
                        provide_context(config.clone());
                        Session::provide(&config);
                        view! { <AppRouter /> }
                    })
            }}
        </Suspense>
    }
}

#[component]
fn AppRouter() -> impl IntoView {
    view! {
        <Router>
            <Shell>
                <Routes fallback=pages::not_found::NotFound>
                    <Route path=path!("/") view=pages::home::Home />
                    <Route path=path!("/sign-in") view=pages::sign_in::SignIn />
                    <Route
                        path=path!("/contacts/new")
                        view=|| view! { <AdminPage><pages::contact_new::ContactNew /></AdminPage> }
                    />
                    <Route
                        path=path!("/contacts/import")
                        view=|| view! { <AdminPage><pages::contact_import::ContactImport /></AdminPage> }
                    />
                    <Route
                        path=path!("/portal/profile")
                        view=|| view! { <CustomerPage><pages::profile::Profile /></CustomerPage> }
                    />
                    <Route
                        path=path!("/members/invite")
                        view=|| view! { <AdminPage><pages::member_invite::MemberInvite /></AdminPage> }
                    />
                    <Route
                        path=path!("/organizations/:org/contacts/new")
                        view=|| view! { <AdminPage><pages::org_contacts::OrgContacts /></AdminPage> }
                    />
                    <Route
                        path=path!("/customers/groups")
                        view=|| view! { <AdminPage><pages::customer_groups::CustomerGroups /></AdminPage> }
                    />
                </Routes>
            </Shell>
        </Router>
    }
}

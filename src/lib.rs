//! bizkit-forms: the BizKitHub admin forms and customer portal, as a Leptos CSR app.
//!
//! `main.rs` only mounts; this module holds the router, made from `pages::PAGES`. Pages live in
//! `pages/`, the reusable form kit in `components/`, and everything that talks to the outside world
//! (`api`, `session`, `storage`, `config`) in modules of its own.

#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

pub mod api;
pub mod components;
pub mod config;
pub mod draft;
pub mod i18n;
#[cfg(feature = "import")]
pub mod import;
pub mod pages;
pub mod route;
pub mod session;
pub mod storage;
pub mod widget;

use leptos::children::ToChildren;
use leptos::prelude::*;
use leptos::tachys::view::iterators::StaticVec;
use leptos_router::components::{Route, RouteChildren, Router, Routes, RoutesProps};
use leptos_router::{
    ParamSegment, PartialPathMatch, PathSegment, PossibleRouteMatch, StaticSegment,
};

use crate::components::layout::{AdminPage, CustomerPage, Shell};
use crate::config::Config;
use crate::i18n::{I18n, ui};
use crate::pages::{Audience, PageEntry};
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
    // No `Suspense` here: a page that reads a resource not yet loaded would make an app-wide one
    // show its fallback again and take the shell out of the document for a moment (an open dialog
    // lost its focus that way). Pages that wait for data have their own `Suspense`; the shell is
    // built once, when the configuration is in, and never again.
    move || match config.get() {
        None => view! { <p class="loading">{i18n.tr(&ui::LOADING)}</p> }.into_any(),
        Some(config) => untrack(move || {
            provide_context(config.clone());
            Session::provide(&config);
            view! { <AppRouter /> }.into_any()
        }),
    }
}

/// The router, made from [`pages::PAGES`]: the same route for every page (its path as a [`Pattern`], its
/// view behind its audience's guard), so the routes are a list and not one type per page.
#[component]
fn AppRouter() -> impl IntoView {
    view! {
        <Router>
            // Called in here: `Routes` needs the router's context.
            <Shell pages=pages::PAGES>{page_routes()}</Shell>
        </Router>
    }
}

fn page_routes() -> impl IntoView {
    let routes: Vec<_> = pages::PAGES
        .iter()
        .map(|page| {
            view! { <Route path=Pattern(page.path) view=move || guarded(page) /> }.into_inner()
        })
        .collect();
    // Built from its props: `view!` would take a `{list}` child for something to render.
    Routes(
        RoutesProps::builder()
            .fallback(pages::not_found::NotFound)
            .children(RouteChildren::to_children(|| StaticVec::from(routes)))
            .build(),
    )
}

fn guarded(page: &'static PageEntry) -> AnyView {
    let view = page.view;
    match page.audience {
        Audience::Public => view(),
        Audience::Admin => view! { <AdminPage>{view()}</AdminPage> }.into_any(),
        Audience::Customer => view! { <CustomerPage>{view()}</CustomerPage> }.into_any(),
    }
}

/// A page's path ("/organizations/:org/contacts/new") matched at run time segment by segment exactly
/// as the tuple `path!` makes of the same string at compile time would match it (the tuple's `test`,
/// for a list of static and parameter segments).
#[derive(Clone, Copy, Debug)]
struct Pattern(&'static str);

impl Pattern {
    fn segments(self) -> impl Iterator<Item = &'static str> {
        self.0.split('/').filter(|s| !s.is_empty())
    }
}

impl PossibleRouteMatch for Pattern {
    fn optional(&self) -> bool {
        false
    }

    fn test<'a>(&self, path: &'a str) -> Option<PartialPathMatch<'a>> {
        let mut remaining = path;
        let mut matched_len = 0;
        let mut params = Vec::new();
        for segment in self.segments() {
            let found = match segment.strip_prefix(':') {
                Some(name) => ParamSegment(name).test(remaining),
                None => StaticSegment(segment).test(remaining),
            }?;
            remaining = found.remaining();
            matched_len += found.matched().len();
            params.extend(found.params());
        }
        Some(PartialPathMatch::new(
            remaining,
            params,
            &path[..matched_len],
        ))
    }

    fn generate_path(&self, path: &mut Vec<PathSegment>) {
        for segment in self.segments() {
            match segment.strip_prefix(':') {
                Some(name) => ParamSegment(name).generate_path(path),
                None => StaticSegment(segment).generate_path(path),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use leptos_router::path;

    /// What a matcher makes of a URL, comparable.
    fn outcome(m: &impl PossibleRouteMatch, url: &str) -> Option<(String, String, String)> {
        m.test(url).map(|found| {
            let (remaining, matched) = (found.remaining().to_owned(), found.matched().to_owned());
            (remaining, matched, format!("{:?}", found.params()))
        })
    }

    fn same_as_path_macro(pattern: &'static str, typed: impl PossibleRouteMatch) {
        let urls = [
            "",
            "/",
            "/sign-in",
            "/contacts/new",
            "/contacts/new/",
            "/contacts/newer",
            "/contacts",
            "/contacts/import",
            "/organizations/42/contacts/new",
            "/organizations//contacts/new",
            "/organizations/42/contacts",
            "/portal/profile/extra",
        ];
        for url in urls {
            assert_eq!(
                outcome(&Pattern(pattern), url),
                outcome(&typed, url),
                "{pattern} on {url:?}"
            );
        }
        let (mut ours, mut theirs) = (Vec::new(), Vec::new());
        Pattern(pattern).generate_path(&mut ours);
        typed.generate_path(&mut theirs);
        assert_eq!(ours, theirs, "{pattern}");
    }

    #[test]
    fn a_pattern_matches_as_the_path_macro_does() {
        same_as_path_macro("/", path!("/"));
        same_as_path_macro("/sign-in", path!("/sign-in"));
        same_as_path_macro("/contacts/new", path!("/contacts/new"));
        same_as_path_macro(
            "/organizations/:org/contacts/new",
            path!("/organizations/:org/contacts/new"),
        );
        same_as_path_macro("/portal/profile", path!("/portal/profile"));
    }

    #[test]
    fn every_page_path_is_one_the_path_macro_takes() {
        // `path!` refuses these at compile time; a runtime pattern must not silently differ.
        for page in pages::PAGES {
            assert!(page.path.starts_with('/'), "{}", page.path);
            assert!(!page.path.contains("//"), "{}", page.path);
            assert!(!page.path.contains(['*', '?']), "{}", page.path);
        }
    }
}

//! What a page of the app is, for the router and the navigation: its path, its nav label, who may
//! open it and its view. The list itself is `pages::PAGES`; this type lives apart from it so that the
//! components (the navigation in the shell) need not import the pages, which import the components.

use leptos::prelude::*;

use crate::i18n::Text;

/// Who may open a page: the router puts admin and customer pages behind their guard, which sends the
/// signed-out to sign in and tells the others the page is not theirs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Audience {
    Public,
    Admin,
    Customer,
}

/// One page of the app.
pub struct PageEntry {
    /// The path as `path!` takes it: static segments and `:param`s. In the navigation the one
    /// parameter known is `:org`, the signed-in administrator's organisation.
    pub path: &'static str,
    /// The navigation link's text, or None for a page not in the navigation (which only admins see).
    pub nav: Option<&'static Text>,
    pub audience: Audience,
    /// A plain function, not a generic view, so that every route has the same type and the router
    /// can be a list too.
    pub view: fn() -> AnyView,
}

impl PageEntry {
    /// The navigation link for an administrator of `org`; None while the path needs an organisation
    /// the person does not have.
    pub fn href(&self, org: Option<u64>) -> Option<String> {
        if !self.path.contains(":org") {
            return Some(self.path.to_owned());
        }
        org.map(|org| self.path.replace(":org", &org.to_string()))
    }
}

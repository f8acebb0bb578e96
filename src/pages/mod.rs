//! One module per page, and [`PAGES`]: the one list the router and the navigation are both made
//! from (`lib.rs` hands it to both), so a new page is its module and one entry here.

use leptos::prelude::*;

use crate::i18n::{Text, ui};
pub use crate::route::{Audience, PageEntry};

#[cfg(feature = "import")]
pub mod contact_import;
/// Without the import feature the route answers as an unknown page.
#[cfg(not(feature = "import"))]
pub mod contact_import {
    pub use super::not_found::NotFound as ContactImport;
}
pub mod contact_new;
pub mod customer_groups;
pub mod home;
pub mod later;
pub mod member_invite;
pub mod not_found;
pub mod org_contacts;
pub mod profile;
pub mod sign_in;

/// Without the import feature the page answers as unknown (to admins), and the navigation leaves it out.
#[cfg(feature = "import")]
const IMPORT_NAV: Option<&Text> = Some(&contact_import::t::NAV);
#[cfg(not(feature = "import"))]
const IMPORT_NAV: Option<&Text> = None;

/// Every page, the navigation's links in this order. No two paths can match the same URL, so the
/// order does not matter to the router.
pub const PAGES: &[PageEntry] = &[
    PageEntry {
        path: "/",
        nav: None,
        audience: Audience::Public,
        view: || view! { <home::Home /> }.into_any(),
    },
    PageEntry {
        path: "/sign-in",
        nav: None,
        audience: Audience::Public,
        view: || view! { <sign_in::SignIn /> }.into_any(),
    },
    PageEntry {
        path: "/contacts/new",
        nav: Some(&ui::NEW_CONTACT),
        audience: Audience::Admin,
        // Where every administrator lands (`/` and sign-in lead here): in the main module, so the
        // first page needs no second download, and the form kit it shares with the other pages is
        // in the main module too, rather than in chunks each of them fetches.
        view: || view! { <contact_new::ContactNew /> }.into_any(),
    },
    PageEntry {
        path: "/contacts/import",
        nav: IMPORT_NAV,
        audience: Audience::Admin,
        view: crate::split_page!(contact_import, contact_import::ContactImport),
    },
    PageEntry {
        path: "/members/invite",
        nav: Some(&member_invite::t::NAV_MEMBER_INVITE),
        audience: Audience::Admin,
        view: crate::split_page!(member_invite, member_invite::MemberInvite),
    },
    PageEntry {
        path: "/customers/groups",
        nav: Some(&customer_groups::t::NAV_CUSTOMER_GROUPS),
        audience: Audience::Admin,
        view: crate::split_page!(customer_groups, customer_groups::CustomerGroups),
    },
    PageEntry {
        path: "/organizations/:org/contacts/new",
        nav: Some(&org_contacts::t::ORG_CONTACTS_TITLE),
        audience: Audience::Admin,
        view: crate::split_page!(org_contacts, org_contacts::OrgContacts),
    },
    PageEntry {
        path: "/portal/profile",
        nav: None,
        audience: Audience::Customer,
        // Where customers land (the portal links here): in the main module for the same reason.
        view: || view! { <profile::Profile /> }.into_any(),
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_navigation_lists_admin_pages_only() {
        // The navigation is shown to administrators only: a link to another audience's page would
        // lead them to a "not yours" panel.
        for page in PAGES.iter().filter(|p| p.nav.is_some()) {
            assert_eq!(page.audience, Audience::Admin, "{}", page.path);
        }
    }

    #[test]
    fn paths_are_unique() {
        for (i, page) in PAGES.iter().enumerate() {
            assert!(
                PAGES[..i].iter().all(|p| p.path != page.path),
                "{}",
                page.path
            );
        }
    }

    #[test]
    fn the_org_link_waits_for_an_organisation() {
        let org = PAGES
            .iter()
            .find(|p| p.path.contains(":org"))
            .expect("an organisation page");
        assert_eq!(org.href(None), None);
        assert_eq!(
            org.href(Some(7)).as_deref(),
            Some("/organizations/7/contacts/new")
        );
        let plain = PAGES
            .iter()
            .find(|p| p.path == "/contacts/new")
            .expect("the new contact page");
        assert_eq!(plain.href(None).as_deref(), Some("/contacts/new"));
    }
}

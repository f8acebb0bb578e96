use leptos::prelude::*;
use leptos_router::components::Redirect;

use crate::session::Access;
use crate::session::current_session;

/// `/` sends each person where their work is.
#[component]
pub fn Home() -> impl IntoView {
    let session = current_session();
    let access = Memo::new(move |_| session.access());
    move || {
        let to = match access.get() {
            Access::SignedOut => "/sign-in",
            Access::Admin => "/contacts/new",
            Access::Customer => "/portal/profile",
        };
        view! { <Redirect path=to /> }
    }
}

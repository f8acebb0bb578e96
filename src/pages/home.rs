use leptos::prelude::*;
use leptos_router::components::Redirect;

use crate::components::layout::expect_session;
use crate::session::Access;

/// `/` sends each person where their work is.
#[component]
pub fn Home() -> impl IntoView {
    let session = expect_session();
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

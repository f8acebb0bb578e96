use leptos::prelude::*;

use crate::components::layout::{message_panel, way_on};
use crate::i18n::{ui, use_i18n};

#[component]
pub fn NotFound() -> impl IntoView {
    let i18n = use_i18n();
    message_panel(
        &t::NOT_FOUND_TITLE,
        view! {
            <p>{i18n.tr(&t::NOT_FOUND_BODY)}</p>
            {way_on("/", &ui::GO_HOME)}
        }
        .into_any(),
    )
}

/// This page's own texts; those several pages show are in `crate::i18n`.
pub(crate) mod t {
    crate::i18n::texts! {
        NOT_FOUND_TITLE: "Stránka nenalezena", "Page not found";
        NOT_FOUND_BODY:
            "Pokud jste adresu psali ručně, zkontrolujte ji.",
            "If you typed the address, check it is right.";
    }
}

use leptos::prelude::*;

use crate::components::layout::{message_panel, way_on};
use crate::i18n::{ui, use_i18n};

#[component]
pub fn NotFound() -> impl IntoView {
    let i18n = use_i18n();
    message_panel(
        &ui::NOT_FOUND_TITLE,
        view! {
            <p>{i18n.tr(&ui::NOT_FOUND_BODY)}</p>
            {way_on("/", &ui::GO_HOME)}
        }
        .into_any(),
    )
}

use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::{ui, use_i18n};

#[component]
pub fn NotFound() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="panel narrow">
            <h1>{i18n.tr(&ui::NOT_FOUND_TITLE)}</h1>
            <p>{i18n.tr(&ui::NOT_FOUND_BODY)}</p>
            <p>
                <A href="/">{i18n.tr(&ui::GO_HOME)}</A>
            </p>
        </section>
    }
}

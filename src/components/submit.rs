//! A submit button that shows progress and cannot send twice.

use leptos::prelude::*;

use crate::components::form::FormCtl;
use crate::i18n::{ui, use_i18n};

#[component]
pub fn SubmitButton(form: FormCtl, #[prop(into)] label: TextProp) -> impl IntoView {
    let i18n = use_i18n();
    // `aria-disabled` rather than `disabled`: the button keeps its focus while the request runs, and
    // `begin_submit` ignores clicks and Enter presses until the answer is in.
    view! {
        <button
            type="submit"
            class="button primary"
            aria-disabled=move || form.pending.get().then_some("true")
            class:busy=move || form.pending.get()
        >
            <Show when=move || form.pending.get() fallback=move || label.get()>
                <span class="spinner" aria-hidden="true"></span>
                {i18n.tr(&ui::SAVING)}
            </Show>
        </button>
    }
}

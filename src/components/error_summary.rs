//! The error summary, after the GOV.UK Design System: shown after a failed submit, it takes focus, lists
//! every problem, and each item links to (and focuses) the control it is about.

use leptos::html;
use leptos::prelude::*;

use crate::components::focus::focus_by_id;
use crate::components::form::FormCtl;
use crate::i18n::{Text, ui, use_i18n};

#[component]
pub fn ErrorSummary(
    form: FormCtl,
    #[prop(optional)] on_retry: Option<Callback<()>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let items = Memo::new(move |_| {
        if form.submitted.get() {
            form.summary_items(i18n)
        } else {
            Vec::new()
        }
    });
    let visible = move || !items.get().is_empty() || !form.form_errors.get().is_empty();
    // "Error: " in the page title while the summary shows (GOV.UK).
    crate::components::layout::error_title(visible);
    view! {
        <SummaryBox
            node_ref=form.summary
            visible=Signal::derive(visible)
            title_id=format!("{}-summary-title", form.key)
            title=&ui::ERROR_SUMMARY_TITLE
        >
                <ul class="error-summary-list">
                    <For
                        each=move || form.form_errors.get()
                        key=|m| m.clone()
                        children=move |m| view! { <li>{m}</li> }
                    />
                    <For
                        each=move || items.get()
                        key=|(id, m)| format!("{id}|{m}")
                        children=move |(id, m)| {
                            let target = id.clone();
                            view! {
                                <li>
                                    <a
                                        href=format!("#{id}")
                                        on:click=move |ev| {
                                            ev.prevent_default();
                                            focus_by_id(&target);
                                        }
                                    >
                                        {m}
                                    </a>
                                </li>
                            }
                        }
                    />
                </ul>
                {move || {
                    (form.outcome_unknown.get())
                        .then(|| {
                            on_retry
                                .map(|cb| {
                                    view! {
                                        <button
                                            type="button"
                                            class="button secondary"
                                            on:click=move |_| cb.run(())
                                        >
                                            {i18n.tr(&ui::RETRY)}
                                        </button>
                                    }
                                })
                        })
                }}
        </SummaryBox>
    }
}

/// The frame of an error summary: hidden until `visible`, focusable (the failed action sends the
/// focus here), an alert labelled by its `title`, over what `children` list.
#[component]
pub fn SummaryBox(
    node_ref: NodeRef<html::Div>,
    visible: Signal<bool>,
    title_id: String,
    title: &'static Text,
    children: ChildrenFn,
) -> impl IntoView {
    let i18n = use_i18n();
    let labelled_by = title_id.clone();
    view! {
        <div
            class="error-summary"
            class:hidden=move || !visible.get()
            node_ref=node_ref
            tabindex="-1"
            role="alert"
            aria-labelledby=labelled_by
        >
            <Show when=move || visible.get()>
                <h2 class="error-summary-title" id=title_id.clone()>
                    {i18n.tr(title)}
                </h2>
                {children()}
            </Show>
        </div>
    }
}

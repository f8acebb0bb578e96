//! What every form shares around its fields: the "draft restored" notice, the warning before leaving
//! with unsaved changes, the submission and its re-send after signing in again.

use leptos::prelude::*;

use crate::components::form::FormCtl;
use crate::components::layout::{use_announcer, use_leave_guard};
use crate::i18n::{ui, use_i18n};
use crate::session::{Access, Session};

#[component]
pub fn DraftNotice(form: FormCtl) -> impl IntoView {
    let i18n = use_i18n();
    let announcer = use_announcer();
    Effect::new(move |prev: Option<bool>| {
        let now = form.restored.get();
        if now && prev != Some(true) {
            announcer.say(i18n.tr(&ui::DRAFT_RESTORED)());
        }
        now
    });
    view! {
        <Show when=move || form.restored.get()>
            <div class="notice info draft-notice">
                <p>{i18n.tr(&ui::DRAFT_RESTORED)}</p>
                <button type="button" class="button link" on:click=move |_| form.reset()>
                    {i18n.tr(&ui::DRAFT_DISCARD)}
                </button>
            </div>
        </Show>
    }
}

/// A load that failed: what `children` say went wrong, and a button that tries again by counting up
/// `retry`, which the load tracks.
#[component]
pub fn RetryNotice(retry: RwSignal<u32>, children: Children) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="notice warn" role="alert">
            {children()}
            <button
                type="button"
                class="button secondary"
                on:click=move |_| retry.update(|n| *n += 1)
            >
                {i18n.tr(&ui::RETRY)}
            </button>
        </div>
    }
}

/// Asks before the page is closed or left while the form has unsaved changes. The draft would survive
/// anyway; the question is for the person who did not mean to leave.
pub fn guard_leaving(form: FormCtl) {
    let guard = use_leave_guard();
    let dirty = Memo::new(move |_| form.dirty());
    Effect::new(move |_| {
        if let Some(g) = guard {
            g.0.set(dirty.get());
        }
    });
    let handle = window_event_listener(leptos::ev::beforeunload, move |ev| {
        if dirty.try_get_untracked().unwrap_or(false) {
            ev.prevent_default();
            ev.set_return_value("");
        }
    });
    on_cleanup(move || {
        handle.remove();
        if let Some(g) = guard {
            g.0.try_set(false);
        }
    });
}

/// When a submission met an expired session, the sign-in dialog opens; once the person is signed in
/// again the same submission is sent again — same body, so the same `Idempotency-Key`.
pub fn retry_after_sign_in(form: FormCtl, session: Session, resubmit: impl Fn() + 'static) {
    Effect::new(move |_| {
        let waiting = form.awaiting_sign_in.get();
        let expired = session.expired.get();
        let signed_in = session.access() != Access::SignedOut;
        if waiting && !expired && signed_in {
            form.awaiting_sign_in.set(false);
            resubmit();
        }
    });
}

//! The question a `#token=` hand-over asks while someone else is signed in: keep the current session,
//! or switch to the handed-over one. A modal dialog after the WAI-ARIA dialog pattern: labelled and
//! described, focus on the safe choice ("keep") when it opens, Escape keeps.

use leptos::html;
use leptos::prelude::*;

use crate::components::focus::Modal;
use crate::i18n::{Text, fill, use_i18n};
use crate::session::current_session;
use crate::session::{Handover, Session};

pub(crate) const TITLE: Text =
    Text::new("Přepnout na jiné přihlášení?", "Switch to another sign-in?");
pub(crate) const BODY: Text = Text::new(
    "Jste přihlášeni jako {}. Odkaz, který jste otevřeli, by místo toho přihlásil {}.",
    "You are signed in as {}. The link you opened would sign in {} instead.",
);
pub(crate) const SOMEONE: Text = Text::new("jiný účet", "another account");
pub(crate) const NOTE: Text = Text::new(
    "Přepnutím se tady odhlásíte a z tohoto prohlížeče se smaže, co jste rozepsali.",
    "Switching signs you out here and removes what you had typed from this browser.",
);
pub(crate) const KEEP: Text = Text::new("Ponechat současné přihlášení", "Keep the current sign-in");
pub(crate) const SWITCH: Text = Text::new("Přepnout na {}", "Switch to {}");
pub(crate) const SWITCH_UNKNOWN: Text = Text::new("Přepnout", "Switch");
pub(crate) const INVALID_TITLE: Text = Text::new(
    "Přihlášení z odkazu nelze použít",
    "The sign-in from the link cannot be used",
);
pub(crate) const INVALID_BODY: Text = Text::new(
    "Možná už vypršelo. Zůstáváte přihlášeni jako {}.",
    "It may have expired. You stay signed in as {}.",
);
pub(crate) const OK: Text = Text::new("Rozumím", "OK");

#[component]
pub fn HandoverDialog() -> impl IntoView {
    let i18n = use_i18n();
    let session = current_session();
    let keep = NodeRef::<html::Button>::new();
    let current = Memo::new(move |_| {
        session
            .info
            .with(|i| i.as_ref().map(|i| i.email.clone()).unwrap_or_default())
    });
    let offer = Memo::new(move |_| session.handover.get());
    let new_person = move || match offer.get() {
        Some(Handover::Offer(o)) if !o.email.is_empty() => match o.organisation {
            Some(org) if !org.is_empty() => format!("{} ({org})", o.email),
            _ => o.email,
        },
        _ => SOMEONE.get(i18n.lang.get()).to_owned(),
    };
    let known = move || matches!(offer.get(), Some(Handover::Offer(o)) if !o.email.is_empty());
    let invalid = move || matches!(offer.get(), Some(Handover::Invalid));
    view! {
        // Escape is "keep": nothing changes without a deliberate choice.
        <Modal
            name="handover"
            class="dialog"
            open=Signal::derive(move || offer.with(Option::is_some))
            first=keep
            on_escape=move |()| session.decline_handover()
        >
            <Show when=move || offer.get().is_some()>
                <div class="stack">
                    <Show
                        when=invalid
                        fallback=move || {
                            view! {
                                <h2 id="handover-title">{i18n.tr(&TITLE)}</h2>
                                <p id="handover-body">
                                    {move || {
                                        let lang = i18n.lang.get();
                                        fill(&fill(BODY.get(lang), &current.get()), &new_person())
                                    }}
                                </p>
                                <p class="muted">{i18n.tr(&NOTE)}</p>
                                <div class="actions">
                                    {keep_button(session, keep, &KEEP)}
                                    <button
                                        type="button"
                                        class="button secondary"
                                        on:click=move |_| session.accept_handover()
                                    >
                                        {move || {
                                            if known() {
                                                fill(SWITCH.get(i18n.lang.get()), &new_person())
                                            } else {
                                                SWITCH_UNKNOWN.get(i18n.lang.get()).to_owned()
                                            }
                                        }}
                                    </button>
                                </div>
                            }
                        }
                    >
                        <h2 id="handover-title">{i18n.tr(&INVALID_TITLE)}</h2>
                        <p id="handover-body">
                            {move || fill(INVALID_BODY.get(i18n.lang.get()), &current.get())}
                        </p>
                        <div class="actions">{keep_button(session, keep, &OK)}</div>
                    </Show>
                </div>
            </Show>
        </Modal>
    }
}

/// The safe choice, which has the focus when the dialog opens: the current sign-in stays.
fn keep_button(
    session: Session,
    keep: NodeRef<html::Button>,
    text: &'static Text,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <button
            type="button"
            class="button primary"
            node_ref=keep
            on:click=move |_| session.decline_handover()
        >
            {i18n.tr(text)}
        </button>
    }
}

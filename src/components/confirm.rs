//! The app's own yes/no question (sign out or leave a page over unsaved values), in place of the
//! browser's `window.confirm`: that box cannot be styled, speaks the browser's language rather than
//! the page's, and blocks the whole tab. A modal `<dialog>` after the WAI-ARIA dialog pattern:
//! labelled and described, focus on the safe choice (cancel) when it opens and back on what opened
//! it when it closes, Escape cancels.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::focus::Modal;
use crate::i18n::{Text, ui, use_i18n};

/// What one question says: its heading, its message and the name of the action it asks for.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Question {
    pub title: &'static Text,
    pub message: &'static Text,
    pub action: &'static Text,
}

/// Asks questions through the one [`ConfirmDialog`] rendered with it.
#[derive(Clone, Copy)]
pub struct Confirm {
    asking: RwSignal<Option<Question>>,
    on_yes: StoredValue<Option<Box<dyn FnOnce()>>, LocalStorage>,
    opener: StoredValue<Option<web_sys::HtmlElement>, LocalStorage>,
}

impl Confirm {
    pub fn new() -> Confirm {
        Confirm {
            asking: RwSignal::new(None),
            on_yes: StoredValue::new_local(None),
            opener: StoredValue::new_local(None),
        }
    }

    /// Opens the dialog with `question`; `yes` runs only if the person picks its action. A question
    /// asked while another is open replaces it (the earlier one counts as cancelled).
    pub fn ask(self, question: Question, yes: impl FnOnce() + 'static) {
        if self.asking.get_untracked().is_none() {
            let active = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.active_element())
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
            self.opener.set_value(active);
        }
        self.on_yes.set_value(Some(Box::new(yes)));
        self.asking.set(Some(question));
    }

    /// Closes the dialog, puts focus back where it was, then runs the action if `yes`.
    fn answer(self, yes: bool) {
        let action = self.on_yes.try_update_value(Option::take).flatten();
        self.asking.set(None);
        let opener = self.opener.try_update_value(Option::take).flatten();
        if let Some(el) = opener.filter(|el| el.is_connected()) {
            let _ = el.focus();
        }
        if yes && let Some(action) = action {
            action();
        }
    }
}

impl Default for Confirm {
    fn default() -> Self {
        Confirm::new()
    }
}

/// The dialog for `confirm`'s questions; render it once, where its [`Confirm`] is made.
#[component]
pub fn ConfirmDialog(confirm: Confirm) -> impl IntoView {
    let i18n = use_i18n();
    let cancel = NodeRef::<html::Button>::new();
    let asking = confirm.asking;
    let text = move |pick: fn(&Question) -> &'static Text| {
        move || {
            asking
                .get()
                .map(|q| pick(&q).get(i18n.lang.get()))
                .unwrap_or_default()
        }
    };
    view! {
        // Escape is "cancel", answered here so the focus goes back like the button's.
        <Modal
            name="confirm"
            class="dialog confirm-dialog"
            open=Signal::derive(move || asking.with(Option::is_some))
            first=cancel
            on_escape=move |()| confirm.answer(false)
        >
            <div class="stack">
                <h2 id="confirm-title">{text(|q| q.title)}</h2>
                <p id="confirm-body">{text(|q| q.message)}</p>
                <div class="actions">
                    <button
                        type="button"
                        class="button primary"
                        on:click=move |_| confirm.answer(true)
                    >
                        {text(|q| q.action)}
                    </button>
                    <button
                        type="button"
                        class="button secondary"
                        node_ref=cancel
                        on:click=move |_| confirm.answer(false)
                    >
                        {i18n.tr(&ui::CONFIRM_CANCEL)}
                    </button>
                </div>
            </div>
        </Modal>
    }
}

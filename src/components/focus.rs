//! Moving focus and opening modal dialogs: the DOM steps the error summary, the dialogs and the
//! pages share. A leaf: it imports nothing of the app, so any component may use it.

use leptos::html;
use leptos::prelude::*;

/// Focuses a control and scrolls its label into view, as GOV.UK's summary links do.
pub fn focus_by_id(id: &str) {
    use wasm_bindgen::JsCast;
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(el) = doc
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
        el.scroll_into_view();
    }
}

/// Focuses `target` once the view that holds it has rendered: a result heading after a save, the
/// summary after a failed submit. Before the next frame the element may not exist yet.
pub fn focus_after_render<E>(target: NodeRef<E>)
where
    E: leptos::html::ElementType,
    E::Output: wasm_bindgen::JsCast + Clone + AsRef<web_sys::HtmlElement> + 'static,
{
    request_animation_frame(move || {
        if let Some(el) = target.try_get_untracked().flatten() {
            let _ = AsRef::<web_sys::HtmlElement>::as_ref(&el).focus();
        }
    });
}

/// A modal `<dialog>` after the WAI-ARIA dialog pattern, open exactly while `open` holds: its id is
/// `{name}-dialog`, it is labelled by `{name}-title` and described by `{name}-body` (elements of
/// `children`), the focus goes to `first` (the safe choice) when it opens, and Escape runs `on_escape`
/// instead of closing it.
#[component]
pub(crate) fn Modal(
    name: &'static str,
    class: &'static str,
    open: Signal<bool>,
    first: NodeRef<html::Button>,
    #[prop(into)] on_escape: Callback<()>,
    children: Children,
) -> impl IntoView {
    let dialog = NodeRef::<html::Dialog>::new();
    modal_while(dialog, open, first);
    view! {
        <dialog
            class=class
            id=format!("{name}-dialog")
            node_ref=dialog
            aria-labelledby=format!("{name}-title")
            aria-describedby=format!("{name}-body")
            on:cancel=move |ev: leptos::ev::Event| {
                ev.prevent_default();
                on_escape.run(());
            }
        >
            {children()}
        </dialog>
    }
}

/// Keeps a modal `<dialog>` open exactly while `open` holds: shown as modal once its content rendered,
/// with the focus on `first` (the safe choice); closed once the question is gone.
fn modal_while(dialog: NodeRef<html::Dialog>, open: Signal<bool>, first: NodeRef<html::Button>) {
    Effect::new(move |_| {
        let now = open.get();
        if let Some(d) = dialog.get() {
            if now && !d.open() {
                show_modal_when_ready(
                    dialog,
                    move || open.get_untracked(),
                    move || {
                        if let Some(b) = first.get_untracked() {
                            let _ = b.focus();
                        }
                    },
                );
            } else if !now && d.open() {
                d.close();
            }
        }
    });
}

/// Opens a modal `<dialog>` on the next frame, once the element `dialog` holds then is in the
/// document (when a session is found ended right at page load, the element the effect saw can be
/// replaced before the frame: `showModal` on it would throw), and only if `wanted` still holds;
/// then runs `then` (focus). Gives up after a few frames.
pub(crate) fn show_modal_when_ready(
    dialog: NodeRef<html::Dialog>,
    wanted: impl Fn() -> bool + 'static,
    then: impl FnOnce() + 'static,
) {
    fn attempt(
        dialog: NodeRef<html::Dialog>,
        wanted: Box<dyn Fn() -> bool>,
        then: Box<dyn FnOnce()>,
        frames_left: u8,
    ) {
        request_animation_frame(move || {
            if !wanted() {
                return;
            }
            match dialog.try_get_untracked().flatten() {
                Some(d) if d.is_connected() => {
                    if !d.open() {
                        let _ = d.show_modal();
                    }
                    then();
                }
                _ if frames_left > 0 => attempt(dialog, wanted, then, frames_left - 1),
                _ => {}
            }
        });
    }
    attempt(dialog, Box::new(wanted), Box::new(then), 10);
}

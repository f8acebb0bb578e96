//! The embeddable profile widget: a second, smaller wasm of this crate that holds only the profile
//! form. Trunk builds it next to the app (`index.html`, `data-type="worker"` so that nothing of it is
//! injected into the app's page) into `dist/widget/`; `public/widget/widget.js` loads it on a host
//! page and calls `mountProfile` for each element that asks for the widget.

use wasm_bindgen::prelude::*;

fn main() {
    // Nothing to start: the loader mounts the widget where the host page wants it.
}

/// Mounts the profile form into `container`, signed in with `token`, talking to `api_base`, in
/// `lang` (`cs` or `en`; empty: the host page's language).
#[wasm_bindgen(js_name = mountProfile)]
pub fn mount_profile(
    container: web_sys::HtmlElement,
    token: String,
    api_base: String,
    lang: String,
) {
    bizkit_forms::widget::mount(container, token, api_base, lang);
}

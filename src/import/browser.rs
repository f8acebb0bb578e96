//! What the import needs of the browser: a file's bytes, a pause that lets the browser paint and
//! handle input, the clock and a download.

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// The bytes of a picked or dropped file; `None` when the browser cannot read it.
pub async fn file_bytes(file: &web_sys::File) -> Option<Vec<u8>> {
    let buffer = JsFuture::from(file.array_buffer()).await.ok()?;
    Some(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Milliseconds on the page's clock.
pub fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Waits `ms` milliseconds; 0 ends the current task, so the browser paints and handles input
/// before the work goes on.
pub async fn sleep(ms: u32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let waited = web_sys::window().and_then(|w| {
            w.set_timeout_with_callback_and_timeout_and_arguments_0(
                &resolve,
                i32::try_from(ms).unwrap_or(i32::MAX),
            )
            .ok()
        });
        if waited.is_none() {
            let _ = resolve.call0(&JsValue::NULL);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// Offers `text` as a file to download: UTF-8 with a BOM, which Excel needs to read it as UTF-8.
pub fn download(name: &str, text: &str) -> bool {
    let run = || -> Option<()> {
        let document = web_sys::window()?.document()?;
        let parts = js_sys::Array::of1(&JsValue::from_str(&format!("\u{feff}{text}")));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type("text/csv;charset=utf-8");
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
        let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
        let a: web_sys::HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
        a.set_href(&url);
        a.set_download(name);
        document.body()?.append_child(&a).ok()?;
        a.click();
        a.remove();
        // After the click was handled: revoking at once may cancel the download.
        let revoke = Closure::once_into_js(move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        });
        web_sys::window()?
            .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 10_000)
            .ok()?;
        Some(())
    };
    run().is_some()
}

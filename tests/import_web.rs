//! The import's browser side in headless Chromium (`wasm-bindgen-test`): a real `File` read as
//! bytes and decoded by the wasm build of the decoder and the CSV reader, the import kept as a
//! draft, yielding, and the download of the refused rows.
#![cfg(all(target_arch = "wasm32", feature = "import"))]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use bizkit_forms::draft;
use bizkit_forms::import::browser::{download, file_bytes, now_ms, sleep};
use bizkit_forms::import::decode::{SourceEncoding, decode};
use bizkit_forms::import::records::{RecordReader, sniff_delimiter};
use bizkit_forms::import::rows::Import;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn a_windows_1250_file_is_read_decoded_and_split() {
    // "Jméno;Příjmení\r\nJiří;\"Kříž; st.\"" as Czech Excel writes it.
    let bytes: &[u8] = b"Jm\xe9no;P\xf8\xedjmen\xed\r\nJi\xf8\xed;\"K\xf8\xed\x9e; st.\"\r\n";
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let file = web_sys::File::new_with_u8_array_sequence(&parts, "kontakty.csv").unwrap();
    let read = file_bytes(&file).await.unwrap();
    assert_eq!(read, bytes);
    let (text, encoding) = decode(&read);
    assert_eq!(encoding, SourceEncoding::Windows1250);
    // The browser's own decoder agrees with the wasm one.
    let browser = web_sys::TextDecoder::new_with_label("windows-1250")
        .unwrap()
        .decode_with_u8_array(&read)
        .unwrap();
    assert_eq!(text, browser);
    let delimiter = sniff_delimiter(&text);
    assert_eq!(delimiter, b';');
    let mut reader = RecordReader::new(text, delimiter);
    assert_eq!(reader.next_record().unwrap(), ["Jméno", "Příjmení"]);
    assert_eq!(reader.next_record().unwrap(), ["Jiří", "Kříž; st."]);
    assert!(reader.next_record().is_none());
}

#[wasm_bindgen_test]
async fn sleeping_lets_earlier_tasks_run() {
    let ran = Rc::new(Cell::new(false));
    let flag = ran.clone();
    let earlier = Closure::once_into_js(move || flag.set(true));
    web_sys::window()
        .unwrap()
        .set_timeout_with_callback_and_timeout_and_arguments_0(earlier.unchecked_ref(), 0)
        .unwrap();
    let before = now_ms();
    sleep(0).await;
    assert!(ran.get(), "the task queued before the yield ran during it");
    sleep(30).await;
    assert!(now_ms() - before >= 29.0);
}

/// The import is kept as a draft like every form's: it reads back whole, and signing out removes it.
#[wasm_bindgen_test]
fn the_import_is_its_owners_draft_and_the_refused_rows_download() {
    let owner = "7.import.owner@example.com";
    draft::set_owner(Some(owner.to_owned()));
    let key = draft::key("import", owner);
    let mut n = 0;
    let mut imp = Import::new(
        "kontakty.csv".to_owned(),
        SourceEncoding::Windows1250,
        b';',
        vec![(1, vec!["Jiří".to_owned(), "jiri@example.com".to_owned()])],
        || {
            n += 1;
            format!("key-{n}")
        },
    );
    imp.started = true;
    assert!(draft::save_value(&key, &imp));
    assert_eq!(draft::load_value::<Import>(&key), Some(imp.clone()));
    assert_eq!(draft::remove_all_of(owner), 1);
    assert_eq!(draft::load_value::<Import>(&key), None);
    // Signed out: a page saving on its way out keeps nothing.
    draft::set_owner(None);
    assert!(!draft::save_value(&key, &imp));
    assert_eq!(draft::load_value::<Import>(&key), None);
    assert!(download("refused.csv", "Row;Error\r\n"));
}

//! Reading the input: a chosen, dropped or pasted file is decoded (UTF-8 or Windows-1250), split
//! into records a slice at a time, its mapping guessed, and every row checked — the "choose" and
//! "reading" steps of the page. `recheck` lives here too: the table and the mapping call it
//! again after a change.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::state::{Ctx, Phase};
use super::t;
use crate::api::new_idempotency_key;
use crate::components::focus::focus_by_id;
use crate::i18n::ui;
use crate::import::browser::{file_bytes, now_ms, sleep};
use crate::import::decode::decode;
use crate::import::mapping;
use crate::import::records::{RecordReader, sniff_delimiter};
use crate::import::rows::Import;

/// Files beyond this are refused before they are read.
const MAX_BYTES: f64 = 20.0 * 1024.0 * 1024.0;
/// Rows beyond this are refused: the draft must fit the browser's storage.
const MAX_ROWS: usize = 10_000;
/// Work between two yields to the browser: under a frame, so typing and scrolling stay smooth.
const SLICE_MS: f64 = 8.0;
/// Rows the mapping is guessed from when the header says nothing.
const SAMPLE_ROWS: usize = 20;

/// Reads a file's bytes (or pasted text) into an import, a slice at a time.
async fn load(ctx: Ctx, bytes: Vec<u8>, name: String) {
    ctx.load_error.set(None);
    ctx.phase.set(Phase::Reading);
    ctx.reading.set((0, bytes.len()));
    // Let the "reading" status paint before the work starts.
    sleep(0).await;
    let (text, encoding) = decode(&bytes);
    drop(bytes);
    let delimiter = sniff_delimiter(&text);
    let mut reader = RecordReader::new(text, delimiter);
    let mut records: Vec<(u32, Vec<String>)> = Vec::new();
    let (mut line, mut blank) = (0u32, 0usize);
    'read: loop {
        let started = now_ms();
        while now_ms() - started < SLICE_MS {
            for _ in 0..200 {
                let Some(record) = reader.next_record() else {
                    break 'read;
                };
                line = line.saturating_add(1);
                if record.iter().all(|c| c.trim().is_empty()) {
                    blank += 1;
                } else {
                    records.push((line, record));
                }
                if records.len() > MAX_ROWS + 1 {
                    ctx.load_error.set(Some(&t::TOO_MANY_ROWS));
                    ctx.phase.set(Phase::Choose);
                    return;
                }
            }
        }
        ctx.reading.try_set(reader.progress());
        sleep(0).await;
    }
    if records.is_empty() {
        ctx.load_error.set(Some(&t::NO_ROWS));
        ctx.phase.set(Phase::Choose);
        return;
    }
    let mut imp = Import::new(name, encoding, delimiter, records, new_idempotency_key);
    let prefix = ctx.rules.with_value(|r| r.phone_prefix.clone());
    imp.has_header = imp.rows.first().is_some_and(|r| {
        mapping::looks_like_header(
            &r.cells,
            imp.rows.get(1).map(|n| n.cells.as_slice()),
            &prefix,
        )
    });
    if !imp.has_header && imp.rows.len() > MAX_ROWS {
        ctx.load_error.set(Some(&t::TOO_MANY_ROWS));
        ctx.phase.set(Phase::Choose);
        return;
    }
    let start = imp.first_data();
    let sample: Vec<Vec<String>> = imp.rows[start..]
        .iter()
        .take(SAMPLE_ROWS)
        .map(|r| r.cells.clone())
        .collect();
    imp.mapping = mapping::guess(
        imp.header(),
        imp.columns,
        &sample,
        &ctx.remembered(),
        &prefix,
    );
    ctx.blank_rows.set(blank);
    ctx.imp.set(Some(imp));
    recheck(ctx).await;
    // The keys are in the draft before anything can be sent.
    ctx.save();
    let counts = ctx
        .imp
        .with_untracked(|i| i.as_ref().map(Import::counts))
        .unwrap_or_default();
    ctx.announcer.say(format!(
        "{} {}: {} {}, {} {}.",
        counts.rows,
        ctx.i18n.now(&t::SOURCE_ROWS),
        counts.left,
        ctx.i18n.now(&t::SUMMARY_READY),
        counts.invalid,
        ctx.i18n.now(&t::SUMMARY_INVALID),
    ));
}

/// Checks every row again (after reading, a mapping change, a restored draft), a slice at a
/// time; the table waits meanwhile.
pub(super) async fn recheck(ctx: Ctx) {
    // Shown over the table where it is shown, so focus and scroll stay where they were.
    let in_place = matches!(ctx.phase.get_untracked(), Phase::Review | Phase::Done);
    if in_place {
        ctx.checking.set(true);
    } else {
        ctx.phase.set(Phase::Reading);
    }
    let total = ctx
        .imp
        .with_untracked(|i| i.as_ref().map_or(0, |i| i.rows.len()));
    let rules = ctx.rules.get_value();
    let mut done = 0;
    while done < total {
        let started = now_ms();
        while done < total && now_ms() - started < SLICE_MS {
            let to = (done + 100).min(total);
            ctx.imp.update_untracked(|i| {
                if let Some(i) = i {
                    i.check_range(done, to, &rules);
                }
            });
            done = to;
        }
        ctx.reading.try_set((done, total.max(1)));
        sleep(0).await;
    }
    ctx.imp.update(|i| {
        if let Some(i) = i {
            i.link();
        }
    });
    ctx.refresh_view();
    ctx.checking.set(false);
    if !in_place {
        ctx.phase.set(Phase::Review);
    }
}

#[component]
pub(super) fn Source(ctx: Ctx) -> impl IntoView {
    let i18n = ctx.i18n;
    let pasted = RwSignal::new(String::new());
    let paste_error = RwSignal::new(false);
    let over = RwSignal::new(false);
    let read_file = move |file: web_sys::File| {
        if file.size() > MAX_BYTES {
            ctx.load_error.set(Some(&t::TOO_BIG));
            return;
        }
        let name = file.name();
        spawn_local(async move {
            match file_bytes(&file).await {
                Some(bytes) => load(ctx, bytes, name).await,
                None => ctx.load_error.set(Some(&t::READ_FAILED)),
            }
        });
    };
    let on_change = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let file = input.files().and_then(|f| f.get(0));
        // Choosing the same file again must read it again.
        input.set_value("");
        if let Some(file) = file {
            read_file(file);
        }
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        over.set(false);
        if let Some(file) = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0))
        {
            read_file(file);
        }
    };
    let on_paste = move |_| {
        let text = pasted.get_untracked();
        if text.trim().is_empty() {
            paste_error.set(true);
            focus_by_id("import-paste");
            return;
        }
        paste_error.set(false);
        let name = i18n.now(&t::PASTED_NAME).to_owned();
        spawn_local(async move { load(ctx, text.into_bytes(), name).await });
    };
    let error = move || ctx.load_error.get();
    view! {
        <Show when=move || error().is_some()>
            <div class="notice warn" role="alert">
                <p>{move || error().map(|e| i18n.now(e))}</p>
            </div>
        </Show>
        <div
            class="drop-zone field"
            class:drop-over=move || over.get()
            on:dragover=move |ev: leptos::ev::DragEvent| {
                ev.prevent_default();
                over.set(true);
            }
            on:dragleave=move |_| over.set(false)
            on:drop=on_drop
        >
            <label class="label" for="import-file">{i18n.tr(&t::FILE_LABEL)}</label>
            <p class="hint" id="import-file-hint">{i18n.tr(&t::FILE_HINT)}</p>
            <input
                id="import-file"
                class="file-input"
                type="file"
                accept=".csv,.txt,.tsv,text/csv,text/plain,text/tab-separated-values"
                aria-describedby="import-file-hint"
                on:change=on_change
            />
            <p class="drop-hint" aria-hidden="true">{i18n.tr(&t::DROP_HERE)}</p>
        </div>
        <div class="field" class:field-error=move || paste_error.get()>
            <label class="label" for="import-paste">{i18n.tr(&t::PASTE_LABEL)}</label>
            <p class="hint" id="import-paste-hint">{i18n.tr(&t::PASTE_HINT)}</p>
            <Show when=move || paste_error.get()>
                <p class="error-message" id="import-paste-error">
                    <span class="visually-hidden">{i18n.tr(&ui::ERROR_SUMMARY_TITLE)} ": "</span>
                    {i18n.tr(&t::PASTE_EMPTY)}
                </p>
            </Show>
            <textarea
                id="import-paste"
                class="input paste"
                rows="6"
                spellcheck="false"
                aria-invalid=move || paste_error.get().then_some("true")
                aria-describedby=move || {
                    if paste_error.get() { "import-paste-hint import-paste-error" } else { "import-paste-hint" }
                }
                bind:value=pasted
            ></textarea>
        </div>
        <div class="actions">
            <button type="button" class="button secondary" on:click=on_paste>
                {i18n.tr(&t::PASTE_SUBMIT)}
            </button>
        </div>
    }
}

#[component]
pub(super) fn Reading(ctx: Ctx) -> impl IntoView {
    let i18n = ctx.i18n;
    let text = move || {
        if ctx.imp.with(Option::is_some) {
            i18n.tr(&t::CHECKING)()
        } else {
            i18n.tr(&t::READING)()
        }
    };
    view! {
        <div class="import-reading" role="status" data-import-state="reading">
            <p id="import-reading-label">{text}</p>
            <progress
                aria-labelledby="import-reading-label"
                max=move || ctx.reading.get().1.max(1).to_string()
                value=move || ctx.reading.get().0.to_string()
            ></progress>
        </div>
    }
}

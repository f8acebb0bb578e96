//! "Import contacts" (`/contacts/import`): a CSV file or rows pasted from a spreadsheet become
//! contacts, one `POST /bff/contact/create` per row. Every row is checked by the contract's
//! `parse` before anything is sent, shown in a paged table with its normal forms and errors, and
//! can be corrected in place or skipped. The whole import — cells, mapping, each row's
//! `Idempotency-Key` and answer — is kept in a draft, so a reload or a crash resumes it and the
//! server replays what it already did instead of creating it again.

use bizkit_contract::endpoint::CONTACT_CREATE;
use bizkit_contract::{ErrorCode, OrgRules};
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{ApiError, Body, Call, new_idempotency_key};
use crate::components::error_summary::{focus_after_render, focus_by_id};
use crate::components::form::describe;
use crate::components::layout::{Announcer, expect_session, use_announcer, use_leave_guard};
use crate::draft;
use crate::i18n::{I18n, Text, fill, import as t, ui, use_i18n};
use crate::import::browser::{download, file_bytes, now_ms, sleep};
use crate::import::decode::decode;
use crate::import::mapping::{self, Remembered, Target};
use crate::import::records::{RecordReader, sniff_delimiter, write_csv};
use crate::import::rows::{Counts, Failure, Import, RowState, request};
use crate::import::send::{Outcome, PARALLEL, UNREACHABLE_AFTER, outcome};
use crate::session::{Access, Session};
use crate::storage;

/// Files beyond this are refused before they are read.
const MAX_BYTES: f64 = 20.0 * 1024.0 * 1024.0;
/// Rows beyond this are refused: the draft must fit the browser's storage.
const MAX_ROWS: usize = 10_000;
/// Work between two yields to the browser: under a frame, so typing and scrolling stay smooth.
const SLICE_MS: f64 = 8.0;
const PAGE_SIZE: usize = 50;
/// Rows the mapping is guessed from when the header says nothing.
const SAMPLE_ROWS: usize = 20;

#[derive(Clone, Copy, Debug, PartialEq)]
enum Phase {
    Choose,
    Reading,
    Review,
    Done,
}

#[derive(Clone, Debug, PartialEq)]
enum Pause {
    Cancelled,
    SignIn,
    Unreachable,
    Stopped(ApiError),
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Filter {
    All,
    Problems,
    Skipped,
    Created,
}

impl Filter {
    const ALL: [(Filter, &'static str, &'static Text); 4] = [
        (Filter::All, "all", &t::FILTER_ALL),
        (Filter::Problems, "problems", &t::FILTER_PROBLEMS),
        (Filter::Skipped, "skipped", &t::FILTER_SKIPPED),
        (Filter::Created, "created", &t::FILTER_CREATED),
    ];
}

fn target_text(target: Target) -> &'static Text {
    match target {
        Target::Email => &ui::EMAIL,
        Target::Phone => &ui::PHONE,
        Target::FirstName => &ui::FIRST_NAME,
        Target::LastName => &ui::LAST_NAME,
        Target::Ico => &t::F_ICO,
        Target::Groups => &ui::GROUPS,
    }
}

/// Everything the page's parts share; all of it `Copy`.
#[derive(Clone, Copy)]
struct Ctx {
    imp: RwSignal<Option<Import>>,
    phase: RwSignal<Phase>,
    reading: RwSignal<(usize, usize)>,
    load_error: RwSignal<Option<&'static Text>>,
    blank_rows: RwSignal<usize>,
    filter: RwSignal<Filter>,
    page: RwSignal<usize>,
    /// The rows the filter shows, refreshed when the filter or the import changes as a whole —
    /// not on each keystroke, so a row being corrected does not vanish under the cursor.
    view_rows: RwSignal<Vec<usize>>,
    /// Rows are being checked again (after a mapping change) while the table stays in place.
    checking: RwSignal<bool>,
    running: RwSignal<bool>,
    pause: RwSignal<Option<Pause>>,
    in_flight: RwSignal<Vec<usize>>,
    resumed: RwSignal<bool>,
    show_errors: RwSignal<bool>,
    not_kept: RwSignal<bool>,
    moved: RwSignal<Option<(usize, usize)>>,
    cursor: StoredValue<usize>,
    workers: StoredValue<usize>,
    no_answer: StoredValue<u32>,
    save_pending: StoredValue<bool>,
    announced: StoredValue<usize>,
    draft_key: StoredValue<String>,
    mapping_key: StoredValue<String>,
    rules: StoredValue<OrgRules>,
    caption: NodeRef<html::Caption>,
    errors_box: NodeRef<html::Div>,
    done_heading: NodeRef<html::H2>,
    session: Session,
    i18n: I18n,
    announcer: Announcer,
}

impl Ctx {
    /// Changes the import and keeps the draft (within a second).
    fn mutate<R>(self, f: impl FnOnce(&mut Import) -> R) -> Option<R> {
        let r = self.imp.try_update(|imp| imp.as_mut().map(f)).flatten();
        self.schedule_save();
        r
    }

    fn save(self) {
        // Disposed (the page was left): what it held was saved when it went.
        let Some(key) = self.draft_key.try_get_value() else {
            return;
        };
        // A draft like every form's: sign-out, an ended session and the age limit remove it.
        match self
            .imp
            .try_with_untracked(|imp| imp.as_ref().map(|imp| draft::save_value(&key, imp)))
        {
            Some(Some(kept)) => {
                self.not_kept.try_set(!kept);
            }
            Some(None) => draft::remove(&key),
            None => {}
        }
    }

    /// Saves at most once a second while things change (a send answers many rows a second).
    fn schedule_save(self) {
        // A page that was left (disposed values) saved its draft as it went.
        if self.save_pending.try_get_value().unwrap_or(true) {
            return;
        }
        self.save_pending.try_set_value(true);
        spawn_local(async move {
            sleep(800).await;
            if self.save_pending.try_set_value(false).is_none() {
                self.save();
            }
        });
    }

    fn remembered(self) -> Remembered {
        storage::local_get(&self.mapping_key.get_value())
            .and_then(|s| serde_json::from_str(&s).ok())
            .unwrap_or_default()
    }

    fn remember_mapping(self) {
        let mut remembered = self.remembered();
        self.imp.with_untracked(|imp| {
            if let Some(imp) = imp
                && let Some(header) = imp.header()
            {
                mapping::remember(&mut remembered, header, &imp.mapping);
            }
        });
        if let Ok(json) = serde_json::to_string(&remembered) {
            storage::local_set(&self.mapping_key.get_value(), &json);
        }
    }

    fn refresh_view(self) {
        let filter = self.filter.get_untracked();
        let rows: Vec<usize> = self
            .imp
            .with_untracked(|imp| {
                imp.as_ref().map(|imp| {
                    (imp.first_data()..imp.rows.len())
                        .filter(|&i| {
                            let r = &imp.rows[i];
                            let ok = imp.checks.get(i).is_some_and(|c| c.ok());
                            match filter {
                                Filter::All => true,
                                Filter::Problems => {
                                    matches!(r.state, RowState::Failed(_))
                                        || (!r.skipped && !r.locked() && !ok)
                                }
                                Filter::Skipped => r.skipped,
                                Filter::Created => matches!(r.state, RowState::Created(_)),
                            }
                        })
                        .collect()
                })
            })
            .unwrap_or_default();
        let pages = rows.len().div_ceil(PAGE_SIZE).max(1);
        self.view_rows.set(rows);
        if self.page.get_untracked() >= pages {
            self.page.set(pages - 1);
        }
    }

    fn clear(self) {
        self.imp.set(None);
        self.phase.set(Phase::Choose);
        self.pause.set(None);
        self.resumed.set(false);
        self.show_errors.set(false);
        self.not_kept.set(false);
        self.view_rows.set(Vec::new());
        self.page.set(0);
        draft::remove(&self.draft_key.get_value());
        request_animation_frame(|| focus_by_id("import-file"));
    }
}

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
async fn recheck(ctx: Ctx) {
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

fn start(ctx: Ctx) {
    if ctx.running.get_untracked() {
        return;
    }
    ctx.mutate(|imp| imp.started = true);
    ctx.remember_mapping();
    ctx.save();
    ctx.cursor.set_value(0);
    ctx.no_answer.set_value(0);
    ctx.announced.set_value(0);
    ctx.pause.set(None);
    ctx.show_errors.set(false);
    ctx.resumed.set(false);
    ctx.phase.set(Phase::Review);
    ctx.running.set(true);
    ctx.announcer.say(ctx.i18n.now(&t::SENDING_STARTED));
    ctx.workers.set_value(PARALLEL);
    for _ in 0..PARALLEL {
        spawn_local(worker(ctx));
    }
}

/// The next row to send that no other worker has.
fn pick(ctx: Ctx) -> Option<usize> {
    let busy = ctx.in_flight.get_untracked();
    let from = ctx.cursor.get_value();
    let next = ctx.imp.with_untracked(|imp| {
        let imp = imp.as_ref()?;
        let mut i = from;
        loop {
            let n = imp.next_sendable(i)?;
            if !busy.contains(&n) {
                return Some(n);
            }
            i = n + 1;
        }
    })?;
    ctx.cursor.set_value(next + 1);
    ctx.in_flight.update(|f| f.push(next));
    Some(next)
}

fn set_state(ctx: Ctx, i: usize, state: RowState) {
    ctx.mutate(|imp| {
        if let Some(r) = imp.rows.get_mut(i) {
            r.state = state;
        }
    });
}

/// Whether the run goes on: not paused, and the page still there (a page that was left has
/// disposed its signals; its draft was saved when it went).
fn going(ctx: Ctx) -> bool {
    matches!(ctx.pause.try_get_untracked(), Some(None))
}

async fn worker(ctx: Ctx) {
    while going(ctx) {
        let Some(i) = pick(ctx) else {
            break;
        };
        let Some((json, key, was_unknown)) = ctx.imp.with_untracked(|imp| {
            let imp = imp.as_ref()?;
            let row = imp.rows.get(i)?;
            let json = Body::new(&request(&row.cells, &imp.mapping));
            Some((json, row.key.clone(), row.state == RowState::Unknown))
        }) else {
            ctx.in_flight.try_update(|f| f.retain(|x| *x != i));
            continue;
        };
        let mut attempt = 0;
        let mut was_unknown = was_unknown;
        loop {
            let call = Call {
                idempotency_key: Some(key.clone()),
                ..Default::default()
            };
            let result = ctx
                .session
                .client()
                .call_with(&CONTACT_CREATE, &[], &json, call)
                .await
                .map(|a| a.body.customer_id);
            if ctx.pause.try_get_untracked().is_none() {
                // The page was left meanwhile: the draft resends this row under the same key.
                return;
            }
            match outcome(result, attempt, was_unknown) {
                Outcome::Created(id) => {
                    ctx.no_answer.try_set_value(0);
                    set_state(ctx, i, RowState::Created(id));
                }
                Outcome::Refused(failure) => {
                    ctx.no_answer.try_set_value(0);
                    set_state(ctx, i, RowState::Failed(failure));
                }
                Outcome::Retry { after_ms, unknown } => {
                    if unknown {
                        was_unknown = true;
                        set_state(ctx, i, RowState::Unknown);
                        let n = ctx.no_answer.try_get_value().unwrap_or_default() + 1;
                        ctx.no_answer.try_set_value(n);
                        if n >= UNREACHABLE_AFTER {
                            ctx.pause.try_set(Some(Pause::Unreachable));
                            break;
                        }
                    }
                    attempt += 1;
                    sleep(after_ms).await;
                    if !going(ctx) {
                        break;
                    }
                    continue;
                }
                Outcome::SignIn => {
                    ctx.pause.try_set(Some(Pause::SignIn));
                    ctx.session.expired.try_set(true);
                }
                Outcome::Stop(e) => {
                    ctx.pause.try_set(Some(Pause::Stopped(e)));
                }
            }
            break;
        }
        ctx.in_flight.try_update(|f| f.retain(|x| *x != i));
        announce_progress(ctx);
    }
    let Some(left) = ctx.workers.try_get_value() else {
        return;
    };
    let left = left.saturating_sub(1);
    ctx.workers.try_set_value(left);
    if left == 0 {
        finished(ctx);
    }
}

fn announce_progress(ctx: Ctx) {
    let Some(c) = ctx
        .imp
        .try_with_untracked(|i| i.as_ref().map(Import::counts))
        .flatten()
    else {
        return;
    };
    let total = c.sent() + c.left;
    if total == 0 {
        return;
    }
    let decile = c.sent() * 10 / total;
    if decile > ctx.announced.try_get_value().unwrap_or(10) && decile < 10 {
        ctx.announced.try_set_value(decile);
        ctx.announcer.say(fill(
            ctx.i18n.now(&t::SENDING_PERCENT),
            &(decile * 10).to_string(),
        ));
    }
}

/// The last worker stopped: done, or paused for a reason the page shows.
fn finished(ctx: Ctx) {
    ctx.save();
    if ctx.running.try_set(false).is_some() {
        return;
    }
    ctx.refresh_view();
    let i18n = ctx.i18n;
    match ctx.pause.get_untracked() {
        None => {
            ctx.phase.set(Phase::Done);
            ctx.announcer.say(i18n.now(&t::DONE_TITLE));
            focus_after_render(ctx.done_heading);
        }
        Some(Pause::Cancelled) => ctx.announcer.say(i18n.now(&t::CANCELLED)),
        Some(Pause::Unreachable) => ctx.announcer.say(i18n.now(&t::UNREACHABLE)),
        Some(Pause::SignIn) => {}
        Some(Pause::Stopped(e)) => ctx.announcer.say(describe(&e, i18n)),
    }
}

/// The text of a refusal, for the table and the CSV.
fn failure_text(f: &Failure, i18n: I18n) -> String {
    if f.after_unknown {
        return i18n.now(&t::MAYBE_OURS).to_owned();
    }
    let mut parts: Vec<String> = f
        .fields
        .iter()
        .map(|(_, code, message)| i18n.code_message(code, message))
        .collect();
    if parts.is_empty() {
        parts.push(match &f.code {
            Some(code) => i18n.code_message(code, &f.message),
            None if !f.message.trim().is_empty() => f.message.clone(),
            None => i18n.tr(&ui::ERROR_UNKNOWN)().to_owned(),
        });
    }
    parts.dedup();
    parts.join(" ")
}

fn code_text(code: ErrorCode, duplicate_of: Option<u32>, i18n: I18n) -> String {
    let text = bizkit_contract::message(code, i18n.lang.get());
    match (code, duplicate_of) {
        (ErrorCode::DuplicateInFile, Some(line)) => {
            format!(
                "{text} ({})",
                fill(i18n.tr(&t::SAME_AS_ROW)(), &line.to_string())
            )
        }
        _ => text.to_owned(),
    }
}

#[component]
pub fn ContactImport() -> impl IntoView {
    let i18n = use_i18n();
    let session = expect_session();
    let announcer = use_announcer();
    let org_id = session.info.with_untracked(|i| {
        i.as_ref()
            .and_then(|i| i.organisation.as_ref())
            .map_or(0, |o| o.id)
    });
    let ctx = Ctx {
        imp: RwSignal::new(None),
        phase: RwSignal::new(Phase::Choose),
        reading: RwSignal::new((0, 0)),
        load_error: RwSignal::new(None),
        blank_rows: RwSignal::new(0),
        filter: RwSignal::new(Filter::All),
        page: RwSignal::new(0),
        view_rows: RwSignal::new(Vec::new()),
        checking: RwSignal::new(false),
        running: RwSignal::new(false),
        pause: RwSignal::new(None),
        in_flight: RwSignal::new(Vec::new()),
        resumed: RwSignal::new(false),
        show_errors: RwSignal::new(false),
        not_kept: RwSignal::new(false),
        moved: RwSignal::new(None),
        cursor: StoredValue::new(0),
        workers: StoredValue::new(0),
        no_answer: StoredValue::new(0),
        save_pending: StoredValue::new(false),
        announced: StoredValue::new(0),
        // The draft is the person's own, per organisation; the mapping is the organisation's.
        draft_key: StoredValue::new(draft::key("import", &session.scope())),
        mapping_key: StoredValue::new(format!("bizkit.import.mapping.v1.{org_id}")),
        rules: StoredValue::new(session.org_rules()),
        caption: NodeRef::new(),
        errors_box: NodeRef::new(),
        done_heading: NodeRef::new(),
        session,
        i18n,
        announcer,
    };

    // A draft of an earlier visit (a reload, a crash, a closed tab): back where it stopped.
    if let Some(imp) = draft::load_value::<Import>(&ctx.draft_key.get_value()) {
        let started = imp.started;
        ctx.imp.set(Some(imp));
        spawn_local(async move {
            recheck(ctx).await;
            let counts = ctx
                .imp
                .with_untracked(|i| i.as_ref().map(Import::counts))
                .unwrap_or_default();
            ctx.resumed.set(started && counts.left > 0);
            if started && counts.left == 0 && counts.invalid == 0 {
                ctx.phase.set(Phase::Done);
            }
        });
    }

    // Sending went on hold for the sign-in dialog: once signed in again, it goes on.
    Effect::new(move |_| {
        let waiting = ctx.pause.with(|p| *p == Some(Pause::SignIn));
        if waiting
            && !ctx.running.get()
            && !session.expired.get()
            && session.access() == Access::Admin
        {
            ctx.pause.set(None);
            start(ctx);
        }
    });

    // Leaving while sending pauses it (the draft resumes it); the browser asks first.
    let guard = use_leave_guard();
    Effect::new(move |_| {
        if let Some(g) = guard {
            g.0.set(ctx.running.get());
        }
    });
    let before_unload = window_event_listener(leptos::ev::beforeunload, move |ev| {
        if ctx.running.try_get_untracked().unwrap_or(false) {
            ev.prevent_default();
            ev.set_return_value("");
        }
    });
    let page_hide = window_event_listener(leptos::ev::pagehide, move |_| ctx.save());
    on_cleanup(move || {
        before_unload.remove();
        page_hide.remove();
        ctx.pause.try_set(Some(Pause::Cancelled));
        if let Some(g) = guard {
            g.0.try_set(false);
        }
        ctx.save();
    });

    view! {
        <section class="panel import" data-page="import">
            <h1>{i18n.tr(&t::TITLE)}</h1>
            <p class="lead">{i18n.tr(&t::INTRO)}</p>
            {move || match ctx.phase.get() {
                Phase::Choose => view! { <Source ctx /> }.into_any(),
                Phase::Reading => view! { <Reading ctx /> }.into_any(),
                Phase::Review | Phase::Done => view! { <Review ctx /> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn Source(ctx: Ctx) -> impl IntoView {
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
fn Reading(ctx: Ctx) -> impl IntoView {
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

#[component]
fn Review(ctx: Ctx) -> impl IntoView {
    let i18n = ctx.i18n;
    let counts = Memo::new(move |_| {
        ctx.imp
            .with(|i| i.as_ref().map(Import::counts).unwrap_or_default())
    });
    let source = move || {
        ctx.imp.with(|i| {
            i.as_ref().map(|i| {
                let delim = match i.delimiter {
                    b',' => i18n.tr(&t::DELIM_COMMA)(),
                    b'\t' => i18n.tr(&t::DELIM_TAB)(),
                    _ => i18n.tr(&t::DELIM_SEMICOLON)(),
                };
                let blank = ctx.blank_rows.get();
                let mut s = format!(
                    "{} · {} · {} · {} {}",
                    i.file_name,
                    i.encoding.label(),
                    delim,
                    i.rows.len() - i.first_data(),
                    i18n.tr(&t::SOURCE_ROWS)()
                );
                if blank > 0 {
                    s.push_str(&format!(" · {blank} {}", i18n.tr(&t::BLANK_LEFT_OUT)()));
                }
                s
            })
        })
    };
    let start_over = move |_| {
        let started = ctx
            .imp
            .with_untracked(|i| i.as_ref().is_some_and(|i| i.started));
        let ok = !started
            || web_sys::window()
                .and_then(|w| {
                    w.confirm_with_message(i18n.now(&t::START_OVER_CONFIRM))
                        .ok()
                })
                .unwrap_or(true);
        if ok {
            ctx.clear();
        }
    };
    view! {
        <div class="import-source">
            <p class="muted" data-import-source>{source}</p>
            <button
                type="button"
                class="button link"
                aria-disabled=move || ctx.running.get().then_some("true")
                on:click=move |ev| {
                    if !ctx.running.get_untracked() {
                        start_over(ev);
                    }
                }
            >
                {i18n.tr(&t::START_OVER)}
            </button>
        </div>
        <Show when=move || ctx.not_kept.get()>
            <p class="notice warn" role="alert">{i18n.tr(&t::NOT_KEPT)}</p>
        </Show>
        <Show when=move || ctx.resumed.get() && !ctx.running.get()>
            <div class="notice info" data-import-resume>
                <p>{i18n.tr(&t::RESUME_NOTICE)}</p>
            </div>
        </Show>
        <Mapping ctx />
        <ErrorsBox ctx counts />
        <Progress ctx counts />
        <Show when=move || ctx.phase.get() == Phase::Done>
            <Done ctx counts />
        </Show>
        <RowsTable ctx />
    }
}

#[component]
fn Mapping(ctx: Ctx) -> impl IntoView {
    let i18n = ctx.i18n;
    let locked = Memo::new(move |_| ctx.imp.with(|i| i.as_ref().is_some_and(|i| i.started)));
    let columns = Memo::new(move |_| ctx.imp.with(|i| i.as_ref().map_or(0, |i| i.columns)));
    let has_header = Memo::new(move |_| ctx.imp.with(|i| i.as_ref().is_some_and(|i| i.has_header)));
    let choose = move |column: usize, value: String| {
        let choice = Target::from_key(&value);
        let moved = ctx
            .mutate(|imp| mapping::choose(&mut imp.mapping, column, choice))
            .flatten();
        ctx.moved.set(moved.map(|from| (column, from)));
        ctx.remember_mapping();
        spawn_local(recheck(ctx));
        let id = format!("import-map-{column}");
        // The table is checked again; the select comes back in the same place.
        request_animation_frame(move || focus_by_id(&id));
    };
    let toggle_header = move |ev: leptos::ev::Event| {
        let on = event_target_checked(&ev);
        ctx.mutate(|imp| imp.has_header = on);
        spawn_local(recheck(ctx));
        request_animation_frame(|| focus_by_id("import-has-header"));
    };
    let column = move |c: usize| {
        let name = move || {
            ctx.imp.with(|i| {
                i.as_ref()
                    .and_then(|i| i.column_name(c).map(str::to_owned))
                    .map_or_else(
                        || format!("{} {}", i18n.tr(&t::COLUMN)(), c + 1),
                        |n| {
                            format!(
                                "{} ({} {})",
                                fill(i18n.tr(&t::QUOTED)(), &n),
                                i18n.tr(&t::COLUMN)().to_lowercase(),
                                c + 1
                            )
                        },
                    )
            })
        };
        let example = move || {
            ctx.imp.with(|i| {
                i.as_ref().and_then(|i| {
                    i.rows[i.first_data()..]
                        .iter()
                        .filter_map(|r| r.cells.get(c))
                        .find(|v| !v.trim().is_empty())
                        .map(|v| {
                            format!(
                                "{} {}",
                                i18n.tr(&t::EXAMPLE)(),
                                v.chars().take(40).collect::<String>()
                            )
                        })
                })
            })
        };
        let current = move || {
            ctx.imp.with(|i| {
                i.as_ref()
                    .and_then(|i| i.mapping.get(c).copied().flatten())
                    .map_or("", Target::key)
            })
        };
        let id = format!("import-map-{c}");
        let hint_id = format!("import-map-{c}-hint");
        let moved_id = format!("import-map-{c}-moved");
        let moved_here = move || {
            ctx.moved
                .get()
                .filter(|(to, _)| *to == c)
                .map(|(_, from)| from + 1)
        };
        let described = {
            let (hint_id, moved_id) = (hint_id.clone(), moved_id.clone());
            move || {
                if moved_here().is_some() {
                    format!("{hint_id} {moved_id}")
                } else {
                    hint_id.clone()
                }
            }
        };
        view! {
            <div class="field map-field">
                <label class="label" for=id.clone()>{name}</label>
                <p class="hint" id=hint_id>{example}</p>
                <select
                    id=id
                    class="input"
                    data-column=c
                    aria-describedby=described
                    aria-disabled=move || locked.get().then_some("true")
                    disabled=move || locked.get()
                    prop:value=current
                    on:change=move |ev| choose(c, event_target_value(&ev))
                >
                    <option value="">{i18n.tr(&t::NOT_IMPORTED)}</option>
                    {Target::ALL
                        .into_iter()
                        .map(|target| {
                            view! {
                                <option value=target.key() selected=move || current() == target.key()>
                                    {i18n.tr(target_text(target))}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
                <Show when=move || moved_here().is_some()>
                    <p class="hint moved" id=moved_id.clone()>
                        {move || fill(i18n.tr(&t::MOVED_FROM)(), &moved_here().unwrap_or_default().to_string())}
                    </p>
                </Show>
            </div>
        }
    };
    view! {
        <fieldset class="mapping" data-import-mapping>
            <legend>{i18n.tr(&t::MAPPING_LEGEND)}</legend>
            <p class="hint" id="import-mapping-hint">
                {move || if locked.get() { i18n.tr(&t::MAPPING_LOCKED)() } else { i18n.tr(&t::MAPPING_HINT)() }}
            </p>
            <div class="field checkbox">
                <input
                    id="import-has-header"
                    type="checkbox"
                    class="checkbox-input"
                    prop:checked=move || has_header.get()
                    disabled=move || locked.get()
                    on:change=toggle_header
                />
                <label class="checkbox-label" for="import-has-header">{i18n.tr(&t::HAS_HEADER)}</label>
            </div>
            <div class="map-grid">{move || (0..columns.get()).map(column).collect_view()}</div>
        </fieldset>
    }
}

#[component]
fn ErrorsBox(ctx: Ctx, counts: Memo<Counts>) -> impl IntoView {
    let i18n = ctx.i18n;
    let visible = move || ctx.show_errors.get() && counts.get().invalid > 0;
    let go_first = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        go_to_first_invalid(ctx);
    };
    let skip_all = move |_| {
        let n = ctx.mutate(Import::skip_invalid).unwrap_or(0);
        ctx.show_errors.set(false);
        ctx.refresh_view();
        ctx.announcer
            .say(fill(i18n.now(&t::SKIPPED_N), &n.to_string()));
        request_animation_frame(|| focus_by_id("import-send"));
    };
    view! {
        <div
            class="error-summary"
            class:hidden=move || !visible()
            node_ref=ctx.errors_box
            tabindex="-1"
            role="alert"
            aria-labelledby="import-errors-title"
        >
            <Show when=visible>
                <h2 class="error-summary-title" id="import-errors-title">{i18n.tr(&t::ERRORS_TITLE)}</h2>
                <p>{move || fill(i18n.tr(&t::ERRORS_BODY)(), &counts.get().invalid.to_string())}</p>
                <ul class="error-summary-list">
                    <li>
                        <a href="#import-table" on:click=go_first>{i18n.tr(&t::GO_TO_FIRST)}</a>
                    </li>
                </ul>
                <button type="button" class="button secondary" on:click=skip_all>
                    {i18n.tr(&t::SKIP_INVALID)}
                </button>
            </Show>
        </div>
    }
}

/// Shows every row, on the page of the first row with errors, and focuses its first wrong cell.
fn go_to_first_invalid(ctx: Ctx) {
    let Some((i, line, target)) = ctx.imp.with_untracked(|imp| {
        let imp = imp.as_ref()?;
        let i = imp.first_invalid()?;
        let check = imp.checks.get(i)?;
        let target = Target::ALL
            .into_iter()
            .filter(|t| imp.column_of(*t).is_some())
            .find(|t| !check.errors_of(*t).is_empty());
        Some((i, imp.rows[i].line, target))
    }) else {
        return;
    };
    ctx.filter.set(Filter::All);
    ctx.refresh_view();
    let position = ctx
        .view_rows
        .with_untracked(|v| v.iter().position(|x| *x == i))
        .unwrap_or(0);
    ctx.page.set(position / PAGE_SIZE);
    let id = match target {
        Some(t) => format!("import-r{line}-{}", t.key()),
        None => format!("import-skip-{line}"),
    };
    request_animation_frame(move || focus_by_id(&id));
}

#[component]
fn Progress(ctx: Ctx, counts: Memo<Counts>) -> impl IntoView {
    let i18n = ctx.i18n;
    let started = Memo::new(move |_| ctx.imp.with(|i| i.as_ref().is_some_and(|i| i.started)));
    let send = move |_| {
        if ctx.running.get_untracked() || ctx.checking.get_untracked() {
            return;
        }
        let c = counts.get_untracked();
        if c.invalid > 0 {
            ctx.show_errors.set(true);
            focus_after_render(ctx.errors_box);
            return;
        }
        if c.left > 0 {
            start(ctx);
        }
    };
    let cancel = move |_| {
        ctx.pause.set(Some(Pause::Cancelled));
    };
    let pause_text = move || {
        ctx.pause.get().map(|p| match p {
            Pause::Cancelled => i18n.tr(&t::CANCELLED)().to_owned(),
            Pause::SignIn => i18n.tr(&t::SIGN_IN_PAUSE)().to_owned(),
            Pause::Unreachable => i18n.tr(&t::UNREACHABLE)().to_owned(),
            Pause::Stopped(e) => describe(&e, i18n),
        })
    };
    let total = move || {
        let c = counts.get();
        c.sent() + c.left
    };
    let label = move || {
        if started.get() && counts.get().sent() > 0 {
            i18n.tr(&t::CONTINUE)()
        } else {
            i18n.tr(&t::SEND)()
        }
    };
    // Also with nothing valid left: the button then says what to correct.
    let can_send = move || {
        let c = counts.get();
        !ctx.running.get() && (c.left > 0 || c.invalid > 0)
    };
    view! {
        <div class="import-progress" data-import-progress>
            <dl class="import-counts">
                <div data-count="ready"><dt>{i18n.tr(&t::SUMMARY_READY)}</dt><dd>{move || counts.get().left}</dd></div>
                <div data-count="invalid"><dt>{i18n.tr(&t::SUMMARY_INVALID)}</dt><dd>{move || counts.get().invalid}</dd></div>
                <div data-count="skipped"><dt>{i18n.tr(&t::SUMMARY_SKIPPED)}</dt><dd>{move || counts.get().skipped}</dd></div>
            </dl>
            <Show when=move || started.get()>
                <div class="progress-block">
                    <label for="import-progress-bar">{i18n.tr(&t::PROGRESS)}</label>
                    <progress
                        id="import-progress-bar"
                        max=move || total().max(1).to_string()
                        value=move || counts.get().sent().to_string()
                    ></progress>
                    <dl class="import-counts">
                        <div data-count="sent"><dt>{i18n.tr(&t::SENT)}</dt><dd>{move || counts.get().sent()}</dd></div>
                        <div data-count="created"><dt>{i18n.tr(&t::CREATED)}</dt><dd>{move || counts.get().created}</dd></div>
                        <div data-count="failed"><dt>{i18n.tr(&t::FAILED)}</dt><dd>{move || counts.get().failed}</dd></div>
                        <div data-count="left"><dt>{i18n.tr(&t::LEFT)}</dt><dd>{move || counts.get().left}</dd></div>
                    </dl>
                </div>
            </Show>
            <Show when=move || pause_text().is_some() && !ctx.running.get()>
                <p class="notice warn" data-import-pause>{pause_text}</p>
            </Show>
            <div class="actions">
                <Show
                    when=move || ctx.running.get()
                    fallback=move || view! {
                        <Show when=can_send>
                            <button
                                type="button"
                                id="import-send"
                                class="button primary"
                                on:click=send
                            >
                                {move || {
                                    if matches!(ctx.pause.get(), Some(Pause::Unreachable)) {
                                        i18n.tr(&ui::RETRY)()
                                    } else {
                                        label()
                                    }
                                }}
                                " (" {move || counts.get().left} ")"
                            </button>
                        </Show>
                    }
                >
                    <button type="button" id="import-cancel" class="button secondary" on:click=cancel
                        aria-disabled=move || matches!(ctx.pause.get(), Some(Pause::Cancelled)).then_some("true")>
                        {i18n.tr(&t::CANCEL)}
                    </button>
                </Show>
            </div>
        </div>
    }
}

#[component]
fn Done(ctx: Ctx, counts: Memo<Counts>) -> impl IntoView {
    let i18n = ctx.i18n;
    let download_failed = move |_| {
        let Some((rows, delimiter)) = ctx.imp.with_untracked(|imp| {
            imp.as_ref().map(|imp| {
                (
                    imp.failed_rows(i18n.now(&t::ROW), i18n.now(&t::CSV_MESSAGE), |f| {
                        failure_text(f, i18n)
                    }),
                    imp.delimiter,
                )
            })
        }) else {
            return;
        };
        // A pasted import was tab separated; a file goes back in its own delimiter.
        let delimiter = if delimiter == b'\t' { b';' } else { delimiter };
        download(i18n.now(&t::CSV_FILE), &write_csv(&rows, delimiter));
    };
    let show_failed = move |_| {
        ctx.filter.set(Filter::Problems);
        ctx.page.set(0);
        ctx.refresh_view();
        focus_after_render(ctx.caption);
    };
    view! {
        <div class="success import-done" data-import-done>
            <h2 tabindex="-1" node_ref=ctx.done_heading>{i18n.tr(&t::DONE_TITLE)}</h2>
            <ul>
                <li data-done="created">{move || fill(i18n.tr(&t::DONE_CREATED)(), &counts.get().created.to_string())}</li>
                <li data-done="failed">{move || fill(i18n.tr(&t::DONE_FAILED)(), &counts.get().failed.to_string())}</li>
                <li data-done="skipped">{move || fill(i18n.tr(&t::DONE_SKIPPED)(), &counts.get().skipped.to_string())}</li>
            </ul>
            <div class="actions">
                <Show when=move || { counts.get().failed > 0 }>
                    <button type="button" class="button secondary" on:click=download_failed>
                        {i18n.tr(&t::DOWNLOAD_FAILED)}
                    </button>
                    <button type="button" class="button link" on:click=show_failed>
                        {i18n.tr(&t::SHOW_FAILED)}
                    </button>
                </Show>
                <button type="button" class="button primary" on:click=move |_| ctx.clear()>
                    {i18n.tr(&t::NEW_IMPORT)}
                </button>
            </div>
        </div>
    }
}

#[component]
fn RowsTable(ctx: Ctx) -> impl IntoView {
    let i18n = ctx.i18n;
    let targets = Memo::new(move |_| {
        ctx.imp.with(|i| {
            i.as_ref().map_or_else(Vec::new, |i| {
                Target::ALL
                    .into_iter()
                    .filter_map(|t| i.column_of(t).map(|c| (t, c)))
                    .collect::<Vec<_>>()
            })
        })
    });
    let pages = move || ctx.view_rows.with(|v| v.len().div_ceil(PAGE_SIZE).max(1));
    let shown = Memo::new(move |_| {
        let page = ctx.page.get();
        ctx.view_rows.with(|v| {
            v.iter()
                .skip(page * PAGE_SIZE)
                .take(PAGE_SIZE)
                .copied()
                .collect::<Vec<_>>()
        })
    });
    let go = move |page: usize| {
        ctx.page.set(page);
        focus_after_render(ctx.caption);
    };
    let on_filter = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        let f = Filter::ALL
            .iter()
            .find(|(_, k, _)| *k == value)
            .map_or(Filter::All, |(f, _, _)| *f);
        ctx.filter.set(f);
        ctx.page.set(0);
        ctx.refresh_view();
    };
    let page_text = move || {
        format!(
            "{} {} {} {}",
            i18n.tr(&t::PAGE)(),
            ctx.page.get() + 1,
            i18n.tr(&t::OF)(),
            pages()
        )
    };
    view! {
        <Show when=move || ctx.checking.get()>
            <p class="muted" role="status" data-import-state="checking">{i18n.tr(&t::CHECKING)}</p>
        </Show>
        <div class="table-tools">
            <label class="label" for="import-filter">{i18n.tr(&t::SHOW)}</label>
            <select id="import-filter" class="input" on:change=on_filter
                prop:value=move || Filter::ALL.iter().find(|(f, _, _)| *f == ctx.filter.get()).map_or("all", |(_, k, _)| *k)>
                {Filter::ALL
                    .iter()
                    .map(|(_, key, text)| view! { <option value=*key>{i18n.tr(text)}</option> })
                    .collect_view()}
            </select>
        </div>
        <div class="table-scroll">
            <table class="import-table" id="import-table">
                <caption tabindex="-1" node_ref=ctx.caption>
                    {i18n.tr(&t::TABLE_CAPTION)} " – " {page_text}
                </caption>
                <thead>
                    <tr>
                        <th scope="col">{i18n.tr(&t::ROW)}</th>
                        {move || {
                            targets
                                .get()
                                .into_iter()
                                .map(|(target, _)| view! { <th scope="col">{i18n.tr(target_text(target))}</th> })
                                .collect_view()
                        }}
                        <th scope="col">{i18n.tr(&t::STATE)}</th>
                        <th scope="col">{i18n.tr(&t::ACTION)}</th>
                    </tr>
                </thead>
                <tbody>
                    <For each=move || shown.get() key=|i| *i children=move |i| view! { <RowView ctx i targets /> } />
                </tbody>
            </table>
        </div>
        <Show when=move || shown.with(Vec::is_empty)>
            <p class="muted">{i18n.tr(&t::NOTHING_TO_SHOW)}</p>
        </Show>
        <nav class="pager" aria-label=i18n.tr(&t::PAGES)>
            <button
                type="button"
                class="button secondary"
                aria-disabled=move || (ctx.page.get() == 0).then_some("true")
                on:click=move |_| {
                    let p = ctx.page.get_untracked();
                    if p > 0 {
                        go(p - 1);
                    }
                }
            >
                {i18n.tr(&t::PREV)}
            </button>
            <span class="pager-status">{page_text}</span>
            <button
                type="button"
                class="button secondary"
                aria-disabled=move || (ctx.page.get() + 1 >= pages()).then_some("true")
                on:click=move |_| {
                    let p = ctx.page.get_untracked();
                    if p + 1 < pages() {
                        go(p + 1);
                    }
                }
            >
                {i18n.tr(&t::NEXT)}
            </button>
        </nav>
    }
}

#[component]
fn RowView(ctx: Ctx, i: usize, targets: Memo<Vec<(Target, usize)>>) -> impl IntoView {
    let i18n = ctx.i18n;
    let line = ctx.imp.with_untracked(|imp| {
        imp.as_ref()
            .and_then(|imp| imp.rows.get(i))
            .map_or(0, |r| r.line)
    });
    let sending = Memo::new(move |_| ctx.in_flight.with(|f| f.contains(&i)));
    let state = Memo::new(move |_| {
        ctx.imp.with(|imp| {
            let imp = imp.as_ref()?;
            let row = imp.rows.get(i)?;
            let ok = imp.checks.get(i).is_some_and(|c| c.ok());
            Some(match &row.state {
                RowState::Created(id) => ("created", Some(id.clone())),
                RowState::Failed(_) if !row.skipped => ("failed", None),
                RowState::Unknown => ("unknown", None),
                _ if row.skipped => ("skipped", None),
                _ if !ok => ("invalid", None),
                _ => ("ready", None),
            })
        })
    });
    let state_key = move || {
        if sending.get() {
            "sending"
        } else {
            state.get().map_or("ready", |s| s.0)
        }
    };
    let state_text = move || match state_key() {
        "sending" => i18n.tr(&t::ST_SENDING)(),
        "created" => i18n.tr(&t::ST_CREATED)(),
        "failed" => i18n.tr(&t::ST_FAILED)(),
        "unknown" => i18n.tr(&t::ST_UNKNOWN)(),
        "skipped" => i18n.tr(&t::ST_SKIPPED)(),
        "invalid" => i18n.tr(&t::ST_INVALID)(),
        _ => i18n.tr(&t::ST_READY)(),
    };
    // Errors that belong to no column: a rule on a field the file has no column for, or a
    // refusal the server did not put on a field.
    let row_errors = Memo::new(move |_| {
        let lang = i18n.lang.get();
        ctx.imp.with(|imp| {
            let imp = imp.as_ref()?;
            let row = imp.rows.get(i)?;
            let check = imp.checks.get(i)?;
            let mut out: Vec<String> = check
                .errors
                .iter()
                .filter(|(t, _)| t.is_none())
                .map(|(_, c)| bizkit_contract::message(*c, lang).to_owned())
                .collect();
            if let RowState::Failed(f) = &row.state {
                let on_column = f.fields.iter().any(|(field, _, _)| {
                    Target::of_field(field).is_some_and(|t| imp.column_of(t).is_some())
                });
                if !on_column || f.after_unknown {
                    out.push(failure_text(f, i18n));
                }
            }
            (!out.is_empty()).then(|| out.join(" "))
        })
    });
    let skipped = Memo::new(move |_| {
        ctx.imp.with(|imp| {
            imp.as_ref()
                .and_then(|imp| imp.rows.get(i))
                .is_some_and(|r| r.skipped)
        })
    });
    let can_skip = Memo::new(move |_| {
        !ctx.running.get()
            && ctx.imp.with(|imp| {
                imp.as_ref()
                    .and_then(|imp| imp.rows.get(i))
                    .is_some_and(|r| !r.locked())
            })
    });
    let toggle = move |_| {
        if !can_skip.get_untracked() {
            return;
        }
        let now = !skipped.get_untracked();
        ctx.mutate(|imp| imp.set_skipped(i, now));
    };
    let state_id = format!("import-r{line}-state");
    view! {
        <tr
            data-line=line
            data-state=state_key
            data-customer-id=move || state.get().and_then(|s| s.1)
            class:row-skipped=move || skipped.get()
            class:row-problem=move || matches!(state_key(), "invalid" | "failed")
        >
            <th scope="row">{line}</th>
            {move || {
                targets
                    .get()
                    .into_iter()
                    .map(|(target, column)| view! { <Cell ctx i line target column /> })
                    .collect_view()
            }}
            <td class="row-state" id=state_id>
                <span class="state-label">{state_text}</span>
                <Show when=move || row_errors.get().is_some()>
                    <span class="cell-error">{move || row_errors.get()}</span>
                </Show>
            </td>
            <td>
                <button
                    type="button"
                    id=format!("import-skip-{line}")
                    class="button link"
                    aria-disabled=move || (!can_skip.get()).then_some("true")
                    aria-label=move || {
                        let text = if skipped.get() { i18n.tr(&t::UNSKIP_ROW)() } else { i18n.tr(&t::SKIP_ROW)() };
                        fill(text, &line.to_string())
                    }
                    on:click=toggle
                >
                    {move || if skipped.get() { i18n.tr(&t::UNSKIP)() } else { i18n.tr(&t::SKIP)() }}
                </button>
            </td>
        </tr>
    }
}

#[component]
fn Cell(ctx: Ctx, i: usize, line: u32, target: Target, column: usize) -> impl IntoView {
    let i18n = ctx.i18n;
    let id = format!("import-r{line}-{}", target.key());
    let error_id = format!("{id}-error");
    let normal_id = format!("{id}-normal");
    let value = Memo::new(move |_| {
        ctx.imp.with(|imp| {
            imp.as_ref()
                .and_then(|imp| imp.rows.get(i))
                .and_then(|r| r.cells.get(column))
                .cloned()
                .unwrap_or_default()
        })
    });
    let errors = Memo::new(move |_| {
        ctx.imp.with(|imp| {
            let imp = imp.as_ref()?;
            let row = imp.rows.get(i)?;
            let check = imp.checks.get(i)?;
            let mut out: Vec<String> = check
                .errors_of(target)
                .into_iter()
                .map(|c| code_text(c, check.duplicate_of, i18n))
                .collect();
            if out.is_empty()
                && let RowState::Failed(f) = &row.state
                && !f.after_unknown
            {
                for (field, code, message) in &f.fields {
                    if Target::of_field(field) == Some(target) {
                        out.push(i18n.code_message(code, message));
                    }
                }
            }
            (!out.is_empty()).then(|| out.join(" "))
        })
    });
    let normal = Memo::new(move |_| {
        ctx.imp.with(|imp| {
            let imp = imp.as_ref()?;
            let n = imp.checks.get(i)?.normal[target as usize].clone()?;
            (imp.rows.get(i)?.cells.get(column)?.trim() != n).then_some(n)
        })
    });
    let readonly = Memo::new(move |_| {
        ctx.running.get()
            || ctx.checking.get()
            || ctx.imp.with(|imp| {
                imp.as_ref()
                    .and_then(|imp| imp.rows.get(i))
                    .is_none_or(|r| r.locked())
            })
    });
    let described = {
        let (error_id, normal_id) = (error_id.clone(), normal_id.clone());
        move || {
            let mut ids = Vec::new();
            if errors.with(Option::is_some) {
                ids.push(error_id.clone());
            }
            if normal.with(Option::is_some) {
                ids.push(normal_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let on_input = move |ev: leptos::ev::Event| {
        if readonly.get_untracked() {
            return;
        }
        let v = event_target_value(&ev);
        let rules = ctx.rules.get_value();
        ctx.mutate(|imp| imp.set_cell(i, column, v, &rules, new_idempotency_key));
    };
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        // Enter moves down the column, as in a spreadsheet; Shift+Enter up.
        if ev.key() == "Enter" {
            ev.prevent_default();
            let next = ctx.view_rows.with_untracked(|v| {
                let pos = v.iter().position(|x| *x == i)?;
                let to = if ev.shift_key() {
                    pos.checked_sub(1)?
                } else {
                    pos + 1
                };
                let page = ctx.page.get_untracked();
                (to / PAGE_SIZE == page)
                    .then(|| v.get(to).copied())
                    .flatten()
            });
            if let Some(n) = next {
                let line = ctx.imp.with_untracked(|imp| {
                    imp.as_ref().and_then(|imp| imp.rows.get(n)).map(|r| r.line)
                });
                if let Some(line) = line {
                    focus_by_id(&format!("import-r{line}-{}", target.key()));
                }
            }
        }
    };
    view! {
        <td class="cell" class:cell-invalid=move || errors.with(Option::is_some)>
            <label class="visually-hidden" for=id.clone()>
                {i18n.tr(target_text(target))} ", " {i18n.tr(&t::ROW)} " " {line}
            </label>
            <input
                id=id
                class="input cell-input"
                type="text"
                autocomplete="off"
                spellcheck="false"
                prop:value=move || value.get()
                readonly=move || readonly.get()
                aria-invalid=move || errors.with(Option::is_some).then_some("true")
                aria-describedby=described
                on:input=on_input
                on:keydown=on_keydown
            />
            <Show when=move || normal.with(Option::is_some)>
                <p class="cell-normal" id=normal_id.clone()>
                    <span class="visually-hidden">{i18n.tr(&t::SAVED_AS)} " "</span>
                    <span aria-hidden="true">"→ "</span>
                    {move || normal.get()}
                </p>
            </Show>
            <Show when=move || errors.with(Option::is_some)>
                <p class="cell-error" id=error_id.clone()>{move || errors.get()}</p>
            </Show>
        </td>
    }
}

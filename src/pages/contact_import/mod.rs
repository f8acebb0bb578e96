//! "Import contacts" (`/contacts/import`): a CSV file or rows pasted from a spreadsheet become
//! contacts, one `POST /bff/contact/create` per row. Every row is checked by the contract's
//! `parse` before anything is sent, shown in a paged table with its normal forms and errors, and
//! can be corrected in place or skipped. The whole import — cells, mapping, each row's
//! `Idempotency-Key` and answer — is kept in a draft, so a reload or a crash resumes it and the
//! server replays what it already did instead of creating it again.
//!
//! This module is the page itself: it builds the shared state, resumes a draft, and puts the
//! parts together. The parts are split by concern: `read` (the input), `columns` (the mapping),
//! `table` and `row` (the rows, fixed in place), `send` (the send loop, progress, results). They
//! use the two leaves `state` and `texts`, and beyond them only `columns` → `read` (to check the
//! rows again) and `table` → `row`; none uses this module, so the imports form no circle. The
//! logic without a browser is in `crate::import`.

mod columns;
mod read;
mod row;
mod send;
mod state;
/// The page's own texts.
pub(crate) mod t;
mod table;
mod texts;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::components::confirm::{Confirm, Question};
use crate::components::layout::{use_announcer, use_leave_guard};
use crate::draft;
use crate::i18n::use_i18n;
use crate::import::rows::Import;
use crate::session::Access;
use crate::session::current_session;
use columns::Mapping;
use read::{Reading, Source, recheck};
use send::{Done, Progress, start};
use state::{Ctx, Filter, Pause, Phase};
use table::{ErrorsBox, RowsTable};

/// The question before throwing away an import that has started sending.
const START_OVER_QUESTION: Question = Question {
    title: &t::START_OVER_TITLE,
    message: &t::START_OVER_CONFIRM,
    action: &t::START_OVER_ACTION,
};

#[component]
pub fn ContactImport() -> impl IntoView {
    let i18n = use_i18n();
    let session = current_session();
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
    // Once sending has started, discarding the import loses the rows' answers and keys: the app's
    // own dialog asks first (the page always sits in the shell, which provides it).
    let confirm = use_context::<Confirm>();
    let start_over = move |_| {
        let started = ctx
            .imp
            .with_untracked(|i| i.as_ref().is_some_and(|i| i.started));
        match confirm {
            Some(c) if started => c.ask(START_OVER_QUESTION, move || ctx.clear()),
            _ => ctx.clear(),
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

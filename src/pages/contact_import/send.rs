//! Sending: the workers that post the rows (a few at once, each under its row's
//! `Idempotency-Key`), their pauses (cancel, sign-in, no answer, a refusal of the whole run), the
//! progress shown and announced, and the results at the end with the CSV of failed rows. What an
//! answer means for a row is decided in `crate::import::send`; this is the part that needs the
//! browser and the page's signals.

use bizkit_contract::endpoint::CONTACT_CREATE;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::state::{Ctx, Filter, Pause, Phase};
use super::t;
use super::texts::failure_text;
use crate::api::{Body, Call};
use crate::components::focus::focus_after_render;
use crate::components::form::describe;
use crate::i18n::{fill, ui};
use crate::import::browser::{download, sleep};
use crate::import::check::request;
use crate::import::records::write_csv;
use crate::import::rows::{Counts, Import, RowState};
use crate::import::send::{Outcome, PARALLEL, UNREACHABLE_AFTER, outcome};

pub(super) fn start(ctx: Ctx) {
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

#[component]
pub(super) fn Progress(ctx: Ctx, counts: Memo<Counts>) -> impl IntoView {
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
pub(super) fn Done(ctx: Ctx, counts: Memo<Counts>) -> impl IntoView {
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

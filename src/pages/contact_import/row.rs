//! One row of the table: its state, its errors, skipping it, and its cells corrected in place
//! (each a labelled input with its error and the normal form it will be saved as).

use bizkit_contract::ErrorCode;
use leptos::prelude::*;

use super::state::{Ctx, PAGE_SIZE};
use super::t;
use super::texts::{failure_text, target_text};
use crate::api::new_idempotency_key;
use crate::components::focus::focus_by_id;
use crate::i18n::{I18n, fill};
use crate::import::mapping::Target;
use crate::import::rows::RowState;

#[component]
pub(super) fn RowView(ctx: Ctx, i: usize, targets: Memo<Vec<(Target, usize)>>) -> impl IntoView {
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

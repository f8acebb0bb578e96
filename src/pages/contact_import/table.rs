//! The table of rows: the filter, the pages, and the error summary that takes the person to the
//! first row to correct (or skips every invalid row). One row and its cells are in `row`.

use leptos::prelude::*;

use super::row::RowView;
use super::state::{Ctx, Filter, PAGE_SIZE};
use super::t;
use super::texts::target_text;
use crate::components::error_summary::SummaryBox;
use crate::components::focus::{focus_after_render, focus_by_id};
use crate::i18n::fill;
use crate::import::mapping::Target;
use crate::import::rows::{Counts, Import};

#[component]
pub(super) fn ErrorsBox(ctx: Ctx, counts: Memo<Counts>) -> impl IntoView {
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
        <SummaryBox
            node_ref=ctx.errors_box
            visible=Signal::derive(visible)
            title_id="import-errors-title".to_owned()
            title=&t::ERRORS_TITLE
        >
                <p>{move || fill(i18n.tr(&t::ERRORS_BODY)(), &counts.get().invalid.to_string())}</p>
                <ul class="error-summary-list">
                    <li>
                        <a href="#import-table" on:click=go_first>{i18n.tr(&t::GO_TO_FIRST)}</a>
                    </li>
                </ul>
                <button type="button" class="button secondary" on:click=skip_all>
                    {i18n.tr(&t::SKIP_INVALID)}
                </button>
        </SummaryBox>
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
pub(super) fn RowsTable(ctx: Ctx) -> impl IntoView {
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

//! The mapping: which column of the file becomes which field, and whether the first row is a
//! header. A change checks every row again (`read::recheck`); once sending started it is locked.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::read::recheck;
use super::state::Ctx;
use super::t;
use super::texts::target_text;
use crate::components::focus::focus_by_id;
use crate::i18n::fill;
use crate::import::mapping::{self, Target};

#[component]
pub(super) fn Mapping(ctx: Ctx) -> impl IntoView {
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

//! A searchable multi-select for permission and role codes: a filter box over a list of checkboxes (a
//! pattern every keyboard and screen reader already knows), or free entry of codes where the backend
//! cannot list them. The chosen codes live in the form's field, comma-separated.

use bizkit_contract::CodeName;
use leptos::prelude::*;

use crate::components::field::bind;
use crate::components::form::FormCtl;
use crate::i18n::{fill, ui, use_i18n};

pub fn read_codes(value: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for c in value
        .split([',', '\n', ';'])
        .map(str::trim)
        .filter(|c| !c.is_empty())
    {
        if !out.iter().any(|o| o == c) {
            out.push(c.to_owned());
        }
    }
    out
}

fn write_codes(codes: &[String]) -> String {
    codes.join(", ")
}

/// Options whose code or name contains every word of the query, case-insensitively.
pub fn filter_options<'a>(all: &'a [CodeName], query: &str) -> Vec<&'a CodeName> {
    let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
    all.iter()
        .filter(|o| {
            let hay = format!("{} {}", o.code, o.name).to_lowercase();
            words.iter().all(|w| hay.contains(w))
        })
        .collect()
}

#[component]
pub fn CodePicker(
    form: FormCtl,
    name: &'static str,
    #[prop(into)] legend: TextProp,
    /// `None` while loading; `Some(empty)` where the backend offers no list: then codes are typed.
    #[prop(into)]
    options: Signal<Option<Vec<CodeName>>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let (field, ids, error) = bind(form, name, None, &legend, form.dom_id(name));
    let query = RwSignal::new(String::new());
    let chosen = Memo::new(move |_| field.value.with(|v| read_codes(v)));
    let listed = move || options.get().filter(|o| !o.is_empty());

    let legend_text = Memo::new(move |_| legend.get().to_string());
    let body = move || match listed() {
        None if options.get().is_none() => {
            view! { <p class="hint">{i18n.tr(&ui::LOADING)}</p> }.into_any()
        }
        // No list from the backend: free entry, one field for all codes.
        None => view! { <FreeCodes form name /> }.into_any(),
        Some(all) => view! { <CodeList form name all query chosen legend_text /> }.into_any(),
    };
    view! {
        <fieldset
            class="field code-picker"
            class:field-error=move || error.get().is_some()
            aria-describedby=move || error.get().is_some().then(|| ids.error.clone())
        >
            <legend class="label">
                {move || legend_text.get()} " "
                <span class="optional">{i18n.tr(&ui::OPTIONAL)}</span>
            </legend>
            // Not `field::error_message` yet: the invite tests read this text exactly, without the
            // hidden "Error:" prefix the other fields carry.
            <Show when=move || error.get().is_some()>
                <p class="error-message" id=format!("{}-error", form.dom_id(name))>
                    {move || error.get()}
                </p>
            </Show>
            {body}
        </fieldset>
    }
}

#[component]
fn FreeCodes(form: FormCtl, name: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    let field = form.field(name);
    let id = form.dom_id(name);
    let hint_id = format!("{id}-hint");
    view! {
        <label class="label" for=id.clone()>
            {i18n.tr(&ui::CODES_FREE_LABEL)}
        </label>
        <p class="hint" id=hint_id.clone()>
            {i18n.tr(&ui::CODES_FREE_HINT)}
        </p>
        <input
            id=id
            class="input"
            type="text"
            autocomplete="off"
            spellcheck="false"
            aria-describedby=hint_id
            bind:value=field.value
        />
    }
}

#[component]
fn CodeList(
    form: FormCtl,
    name: &'static str,
    all: Vec<CodeName>,
    query: RwSignal<String>,
    chosen: Memo<Vec<String>>,
    legend_text: Memo<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let field = form.field(name);
    let id = form.dom_id(name);
    // The field's own id, so the error summary's link (`#{dom_id}`) lands in the list.
    let filter_id = id.clone();
    let count_id = format!("{id}-count");
    let list_id = format!("{id}-options");
    let all = StoredValue::new(all);
    let shown = Memo::new(move |_| {
        let q = query.get();
        all.with_value(|a| {
            filter_options(a, &q)
                .into_iter()
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let toggle = move |code: String, on: bool| {
        let mut list = chosen.get_untracked();
        if on && !list.contains(&code) {
            list.push(code);
        } else if !on {
            list.retain(|c| *c != code);
        }
        field.value.set(write_codes(&list));
    };
    view! {
        <label class="visually-hidden" for=filter_id.clone()>
            {move || fill(i18n.tr(&ui::CODES_FILTER)(), &legend_text.get())}
        </label>
        <input
            id=filter_id
            class="input filter"
            type="search"
            autocomplete="off"
            placeholder=i18n.tr(&ui::CODES_FILTER_PLACEHOLDER)
            aria-controls=list_id.clone()
            aria-describedby=count_id.clone()
            bind:value=query
        />
        <p class="hint" id=count_id aria-live="polite">
            {move || fill(i18n.tr(&ui::CODES_CHOSEN)(), &chosen.get().len().to_string())}
        </p>
        <ul class="options" id=list_id role="list">
            <For
                each=move || shown.get()
                key=|o| o.code.clone()
                children=move |o| {
                    let box_id = format!(
                        "{id}-opt-{}",
                        o.code.replace(|c: char| !c.is_ascii_alphanumeric(), "-")
                    );
                    let code = o.code.clone();
                    let code2 = o.code.clone();
                    view! {
                        <li class="checkbox">
                            <input
                                id=box_id.clone()
                                type="checkbox"
                                class="checkbox-input"
                                prop:checked=move || chosen.with(|c| c.contains(&code))
                                on:change=move |ev| toggle(code2.clone(), event_target_checked(&ev))
                            />
                            <label class="checkbox-label" for=box_id>
                                {o.name.clone()} " " <code class="tag-slug">{o.code.clone()}</code>
                            </label>
                        </li>
                    }
                }
            />
        </ul>
        <Show when=move || shown.with(|s| s.is_empty())>
            <p class="hint">{i18n.tr(&ui::CODES_NO_MATCH)}</p>
        </Show>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_split_trimmed_and_unique() {
        assert_eq!(read_codes(" a, b ,,a;c\n"), vec!["a", "b", "c"]);
        assert!(read_codes("").is_empty());
    }

    #[test]
    fn filter_matches_every_word_in_code_or_name() {
        let all = vec![
            CodeName {
                code: "contact.read".into(),
                name: "Read contacts".into(),
            },
            CodeName {
                code: "contact.write".into(),
                name: "Edit contacts".into(),
            },
        ];
        let codes = |q: &str| {
            filter_options(&all, q)
                .into_iter()
                .map(|o| o.code.as_str())
                .collect::<Vec<_>>()
        };
        assert_eq!(codes("edit"), vec!["contact.write"]);
        assert_eq!(codes("CONTACT read"), vec!["contact.read"]);
        assert_eq!(codes(""), vec!["contact.read", "contact.write"]);
    }
}

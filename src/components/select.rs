//! A searchable select: one value out of a long list (countries, languages), after the ARIA 1.2
//! "editable combobox with list autocomplete" pattern. The person types part of a name in any case
//! and with or without diacritics (`cesk` finds Česko), moves through the matches with ↑/↓ and takes
//! one with Enter, Tab or a click; Escape closes the list, and a second Escape puts back what was
//! chosen before.
//!
//! The form field holds the chosen option's *value* (`CZ`, `203`, `cs`); the box shows its label. Text
//! that matches no option is kept as typed, so the contract's rule names the problem
//! (`COUNTRY_UNKNOWN`) instead of the value silently vanishing.

use bizkit_contract::{Lang, countries, to_slug};
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::field::{bind, field_head};
use crate::components::form::FormCtl;
use crate::i18n::{fill, names, portal, use_i18n};

/// One choice of the list.
#[derive(Clone, Debug, PartialEq)]
pub struct SelectOption {
    /// What the form field holds and the request sends.
    pub value: String,
    /// What the person reads.
    pub label: String,
    /// Shown beside the label and searchable too (an ISO code).
    pub detail: String,
    /// Label, detail, value and any other names, folded: what a typed text names exactly.
    names: Vec<String>,
    /// The same names as one string of words, for "a word starts with" matching.
    key: String,
    /// The folded label, for "starts with" ranking.
    label_key: String,
}

impl SelectOption {
    /// `also`: further names the option is found by (the name in the other language).
    pub fn new(value: &str, label: &str, detail: &str, also: &[&str]) -> Self {
        let mut parts = vec![fold(label), fold(detail), fold(value)];
        parts.extend(also.iter().map(|a| fold(a)));
        Self {
            value: value.to_owned(),
            label: label.to_owned(),
            detail: detail.to_owned(),
            key: parts.join(" "),
            names: parts,
            label_key: fold(label),
        }
    }
}

/// Lower-case ASCII words separated by spaces: `Česká republika` → `ceska republika`.
pub fn fold(text: &str) -> String {
    to_slug(text).replace('-', " ")
}

/// The options matching `query`, best first: every word of the query must start a word of the
/// option (label, code or other name); labels starting with the query come first. An empty query
/// matches everything, in the given order.
pub fn matches(options: &[SelectOption], query: &str) -> Vec<usize> {
    let q = fold(query);
    let words: Vec<&str> = q.split_whitespace().collect();
    if words.is_empty() {
        return (0..options.len()).collect();
    }
    let mut found: Vec<(bool, usize)> = options
        .iter()
        .enumerate()
        .filter(|(_, o)| {
            words
                .iter()
                .all(|w| o.key.split(' ').any(|k| k.starts_with(w)))
        })
        .map(|(i, o)| (!o.label_key.starts_with(q.as_str()), i))
        .collect();
    // Stable: within each rank, the list's own order.
    found.sort_by_key(|(later, _)| *later);
    found.into_iter().map(|(_, i)| i).collect()
}

/// The option a typed text names exactly (label, detail or value, any case and accents), if any.
pub fn exact(options: &[SelectOption], text: &str) -> Option<usize> {
    let t = fold(text);
    if t.is_empty() {
        return None;
    }
    options.iter().position(|o| o.names.contains(&t))
}

/// What a country option stands for on the wire.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CountryValue {
    /// ISO 3166-1 alpha-2, `CZ` (the profile's `country`).
    Alpha2,
    /// ISO 3166-1 numeric, `203` (an organisation contact's `country.id`).
    Numeric,
}

/// Every country of the contract's list, named in `lang` by the browser and found by either
/// language's name or its code, sorted by the name the person reads.
pub fn country_options(lang: Lang, value: CountryValue) -> Vec<SelectOption> {
    let other = match lang {
        Lang::Cs => Lang::En,
        Lang::En => Lang::Cs,
    };
    let mut out: Vec<SelectOption> = countries()
        .iter()
        .map(|(a2, numeric)| {
            let v = match value {
                CountryValue::Alpha2 => (*a2).to_owned(),
                CountryValue::Numeric => numeric.to_string(),
            };
            let label = names::region(a2, lang);
            SelectOption::new(&v, &label, a2, &[&names::region(a2, other)])
        })
        .collect();
    out.sort_by_cached_key(|o| o.label_key.clone());
    out
}

/// The organisation's languages, named in `lang` by the browser and found by their name in the
/// other language and in their own too.
pub fn locale_options(codes: &[String], lang: Lang) -> Vec<SelectOption> {
    codes
        .iter()
        .map(|code| {
            let code = code.trim().to_ascii_lowercase();
            // `en-GB` is named as English: the region is not what the person chooses between.
            let primary = code.split(['-', '_']).next().unwrap_or(&code);
            let cs = names::language(primary, Lang::Cs);
            let en = names::language(primary, Lang::En);
            let own = names::language_own(primary);
            let label = if lang == Lang::Cs { &cs } else { &en };
            SelectOption::new(&code, label, &code, &[&cs, &en, &own])
        })
        .collect()
}

#[component]
pub fn SearchSelect(
    form: FormCtl,
    name: &'static str,
    /// The contract's name for errors about this field when it differs (`country.id`): the control
    /// takes that DOM id, so the error summary's link lands on it.
    #[prop(optional)]
    error_name: Option<&'static str>,
    #[prop(into)] label: TextProp,
    #[prop(optional, into)] hint: Option<TextProp>,
    #[prop(into)] options: Signal<Vec<SelectOption>>,
    #[prop(optional)] required: bool,
    #[prop(optional)] autocomplete: Option<&'static str>,
) -> impl IntoView {
    let i18n = use_i18n();
    let (field, ids, error) = bind(
        form,
        name,
        error_name,
        &label,
        form.dom_id(error_name.unwrap_or(name)),
    );
    let list_id = format!("{}-listbox", ids.id);
    let status_id = format!("{}-status", ids.id);
    // What the person is typing; `None` while the box shows the chosen option.
    let typing = RwSignal::new(None::<String>);
    let open = RwSignal::new(false);
    let active = RwSignal::new(None::<usize>);
    let input_ref = NodeRef::<html::Input>::new();
    let list_ref = NodeRef::<html::Ul>::new();

    let chosen_label = Memo::new(move |_| {
        let v = field.value.get();
        options.with(|all| {
            all.iter()
                .find(|o| o.value == v)
                .map(|o| o.label.clone())
                .unwrap_or(v)
        })
    });
    let shown = Memo::new(move |_| {
        let q = typing.get().unwrap_or_default();
        options.with(|all| matches(all, &q))
    });
    let expanded = move || open.get() && !shown.with(|s| s.is_empty());
    let option_id = {
        let list_id = list_id.clone();
        move |i: usize| format!("{list_id}-{i}")
    };

    let choose = move |index: usize| {
        if let Some(o) = options.with_untracked(|all| all.get(index).cloned()) {
            field.value.set(o.value);
        }
        typing.set(None);
        open.set(false);
        active.set(None);
    };
    // Leaving the box: take the highlighted option, or the one the text names; keep unknown text
    // as the value so the rule can say what is wrong with it.
    let commit = move || {
        if let Some(text) = typing.get_untracked() {
            let highlighted = active
                .get_untracked()
                .filter(|_| open.get_untracked())
                .and_then(|pos| shown.with_untracked(|s| s.get(pos).copied()));
            let named = options.with_untracked(|all| exact(all, &text));
            match highlighted.or(named) {
                Some(i) => choose(i),
                None => {
                    field.value.set(text.trim().to_owned());
                    typing.set(None);
                }
            }
        }
        open.set(false);
        active.set(None);
    };

    // Keeps the highlighted option in view inside the scrolling list.
    let reveal = {
        let option_id = option_id.clone();
        move |pos: usize| {
            // A frame later the select may be gone (the form was sent and replaced).
            let Some(list) = list_ref.try_get_untracked().flatten() else {
                return;
            };
            let Ok(Some(el)) = list.query_selector(&format!("#{}", option_id(pos))) else {
                return;
            };
            let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() else {
                return;
            };
            let (top, height) = (el.offset_top(), el.offset_height());
            let (scroll, view) = (list.scroll_top(), list.client_height());
            if top < scroll {
                list.set_scroll_top(top);
            } else if top + height > scroll + view {
                list.set_scroll_top(top + height - view);
            }
        }
    };
    let move_to = move |pos: usize| {
        active.set(Some(pos));
        let reveal = reveal.clone();
        request_animation_frame(move || reveal(pos));
    };

    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        let n = shown.with_untracked(|s| s.len());
        let current = field.value.get_untracked();
        // Opening on the chosen option, so ↓ continues from where the person is.
        let start = || {
            shown.with_untracked(|s| {
                options.with_untracked(|all| {
                    s.iter()
                        .position(|&i| all.get(i).is_some_and(|o| o.value == current))
                })
            })
        };
        match ev.key().as_str() {
            "ArrowDown" if ev.alt_key() => {
                ev.prevent_default();
                open.set(true);
            }
            "ArrowDown" if n > 0 => {
                ev.prevent_default();
                let next = match (open.get_untracked(), active.get_untracked()) {
                    (true, Some(i)) => (i + 1) % n,
                    _ => start().unwrap_or(0),
                };
                open.set(true);
                move_to(next);
            }
            "ArrowUp" if n > 0 => {
                ev.prevent_default();
                let prev = match (open.get_untracked(), active.get_untracked()) {
                    (true, Some(i)) => (i + n - 1) % n,
                    _ => start().unwrap_or(n - 1),
                };
                open.set(true);
                move_to(prev);
            }
            "Enter" if open.get_untracked() => {
                if let Some(i) = active
                    .get_untracked()
                    .and_then(|pos| shown.with_untracked(|s| s.get(pos).copied()))
                {
                    ev.prevent_default();
                    choose(i);
                }
            }
            "Escape" => {
                if open.get_untracked() {
                    ev.prevent_default();
                    open.set(false);
                    active.set(None);
                } else if typing.get_untracked().is_some() {
                    ev.prevent_default();
                    typing.set(None);
                }
            }
            _ => {}
        }
    };

    let has_hint = hint.is_some();
    let list_label = label.clone();
    let described_by = {
        let (hint_id, error_id, status_id) =
            (ids.hint.clone(), ids.error.clone(), status_id.clone());
        move || {
            let mut ids = Vec::new();
            if has_hint {
                ids.push(hint_id.clone());
            }
            if open.get() && typing.get().is_some() {
                ids.push(status_id.clone());
            }
            if error.get().is_some() {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let active_id = {
        let option_id = option_id.clone();
        move || active.get().filter(|_| expanded()).map(&option_id)
    };
    let match_count = move || {
        let lang = i18n.lang.get();
        match shown.with(|s| s.len()) {
            0 => portal::SELECT_NO_MATCH.get(lang).to_owned(),
            1 => portal::SELECT_ONE_MATCH.get(lang).to_owned(),
            n => fill(portal::SELECT_MATCHES.get(lang), &n.to_string()),
        }
    };

    view! {
        <div class="field search-select" class:field-error=move || error.get().is_some()>
            {field_head(&ids, label, required, hint, error)}
            <div class="combo select-combo">
                <input
                    id=ids.id.clone()
                    node_ref=input_ref
                    class="input"
                    type="text"
                    name=name
                    role="combobox"
                    autocomplete=autocomplete.unwrap_or("off")
                    spellcheck="false"
                    aria-autocomplete="list"
                    aria-required=required.then_some("true")
                    aria-controls=list_id.clone()
                    aria-expanded=move || expanded().to_string()
                    aria-activedescendant=active_id
                    aria-invalid=move || error.get().is_some().then_some("true")
                    aria-describedby=described_by
                    prop:value=move || typing.get().unwrap_or_else(|| chosen_label.get())
                    on:input=move |ev| {
                        let text = event_target_value(&ev);
                        typing.set(Some(text));
                        open.set(true);
                        // The best match is highlighted at once: Enter or Tab takes it.
                        let any = shown.with_untracked(|s| !s.is_empty());
                        let typed = typing.with_untracked(|t| t.as_deref().is_some_and(|t| !t.trim().is_empty()));
                        active.set((any && typed).then_some(0));
                        if let Some(list) = list_ref.get_untracked() {
                            list.set_scroll_top(0);
                        }
                    }
                    on:click=move |_| {
                        if !open.get_untracked() {
                            open.set(true);
                        }
                    }
                    on:keydown=on_keydown
                    on:blur=move |_| {
                        // Chromium also blurs a focused control that is being removed (Enter sent
                        // the form, and the page replaced it): then there is nothing left to do.
                        if typing.try_get_untracked().is_none() {
                            return;
                        }
                        commit();
                        form.left(name);
                    }
                />
                <ul
                    id=list_id.clone()
                    node_ref=list_ref
                    class="listbox"
                    role="listbox"
                    aria-label=move || list_label.get().to_string()
                    class:hidden=move || !expanded()
                >
                    {move || {
                        // Rendered only while open: 250 countries need not sit in the page unseen.
                        if !open.get() {
                            return Vec::new();
                        }
                        let current = field.value.get();
                        shown
                            .get()
                            .into_iter()
                            .enumerate()
                            .filter_map(|(pos, index)| {
                                let o = options.with(|all| all.get(index).cloned())?;
                                let chosen = o.value == current;
                                Some(view! {
                                    <li
                                        id=option_id(pos)
                                        role="option"
                                        class="option"
                                        class:chosen=chosen
                                        aria-selected=move || (active.get() == Some(pos)).to_string()
                                        on:mousedown=move |ev| {
                                            // Keep focus in the box; the choice lands before blur.
                                            ev.prevent_default();
                                            choose(index);
                                        }
                                    >
                                        <span>{o.label.clone()}</span>
                                        <code class="tag-slug">{o.detail.clone()}</code>
                                    </li>
                                })
                            })
                            .collect::<Vec<_>>()
                    }}
                </ul>
            </div>
            <p class="hint select-status" id=status_id aria-live="polite" class:visually-hidden=move || !(open.get() && typing.get().is_some())>
                {move || if open.get() && typing.get().is_some() { match_count() } else { String::new() }}
            </p>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn countries() -> Vec<SelectOption> {
        vec![
            SelectOption::new("CZ", "Česko", "CZ", &["Czechia"]),
            SelectOption::new("DE", "Německo", "DE", &["Germany"]),
            SelectOption::new("SK", "Slovensko", "SK", &["Slovakia"]),
            SelectOption::new("US", "Spojené státy", "US", &["United States"]),
        ]
    }

    fn values(all: &[SelectOption], q: &str) -> Vec<String> {
        matches(all, q)
            .into_iter()
            .map(|i| all[i].value.clone())
            .collect()
    }

    #[test]
    fn finds_by_any_name_without_accents() {
        let all = countries();
        assert_eq!(values(&all, "cesk"), vec!["CZ"]);
        assert_eq!(values(&all, "ČESKO"), vec!["CZ"]);
        assert_eq!(values(&all, "germ"), vec!["DE"]);
        assert_eq!(values(&all, "sk"), vec!["SK"]);
        assert_eq!(values(&all, "united st"), vec!["US"]);
        assert_eq!(values(&all, "").len(), 4);
        assert!(values(&all, "xyz").is_empty());
    }

    #[test]
    fn labels_starting_with_the_query_come_first() {
        let all = vec![
            SelectOption::new("A", "Nová Kaledonie", "NC", &[]),
            SelectOption::new("B", "Kanada", "CA", &[]),
        ];
        assert_eq!(values(&all, "ka"), vec!["B", "A"]);
    }

    #[test]
    fn exact_names() {
        let all = countries();
        assert_eq!(exact(&all, "czechia"), Some(0));
        assert_eq!(exact(&all, "cz"), Some(0));
        assert_eq!(exact(&all, "Německo"), Some(1));
        assert_eq!(exact(&all, "nem"), None);
        assert_eq!(exact(&all, "  "), None);
    }
}

//! The tag picker for customer groups: suggestions from the organisation's groups, free entry of new
//! ones, each tag with the slug the server will store and a colour — all by keyboard (the ARIA 1.2
//! combobox pattern with a listbox popup).
//!
//! The chosen tags live in the form's field as JSON, so drafts, "unsaved changes" and validation treat
//! them like any other value.

use bizkit_contract::endpoint::CUSTOMER_GROUP_LIST;
use bizkit_contract::{CustomerGroup, to_slug};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::components::field::{bind, described_by, field_head};
use crate::components::form::FormCtl;
use crate::components::layout::use_announcer;
use crate::i18n::{fill, ui, use_i18n};
use crate::session::Session;

/// How many suggestions are shown at once: enough to choose from, few enough to scan.
const MAX_SUGGESTIONS: usize = 8;

/// A chosen or suggested tag, as the picker keeps it in its field (a draft holds these): unlike the
/// contract's [`CustomerGroup`] of the answers, it always has a colour to show, `""` for none.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tag {
    pub slug: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub color: String,
}

impl From<CustomerGroup> for Tag {
    fn from(g: CustomerGroup) -> Self {
        Self {
            slug: g.slug,
            name: g.name,
            color: g.color.unwrap_or_default(),
        }
    }
}

/// An existing group, with its lower-cased name computed once rather than on every keystroke.
#[derive(Clone, Debug, PartialEq)]
pub struct Suggestion {
    pub tag: Tag,
    name_lower: String,
}

impl Suggestion {
    pub fn new(tag: Tag) -> Self {
        let name_lower = tag.name.to_lowercase();
        Self { tag, name_lower }
    }
}

pub fn read_tags(json: &str) -> Vec<Tag> {
    if json.trim().is_empty() {
        return Vec::new();
    }
    serde_json::from_str(json).unwrap_or_default()
}

pub fn write_tags(tags: &[Tag]) -> String {
    if tags.is_empty() {
        String::new()
    } else {
        serde_json::to_string(tags).unwrap_or_default()
    }
}

/// A pleasant default colour per slug, stable so the same new tag looks the same everywhere.
pub fn default_color(slug: &str) -> String {
    const PALETTE: [&str; 8] = [
        "#2563eb", "#16a34a", "#d97706", "#db2777", "#7c3aed", "#0891b2", "#dc2626", "#4b5563",
    ];
    let h = slug
        .bytes()
        .fold(0usize, |h, b| h.wrapping_mul(31).wrapping_add(b as usize));
    PALETTE[h % PALETTE.len()].to_owned()
}

/// The organisation's existing groups, loaded once, as the picker's suggestions. A memo, not a
/// derived signal: the picker reads the list on every keystroke, and a derived signal would clone
/// all of it each time (10,000 groups made a keystroke 2.65x slower at 4x CPU than 10 groups).
pub fn existing_groups(session: Session) -> Signal<Vec<Suggestion>> {
    let groups = LocalResource::new(move || {
        let client = session.client();
        async move {
            client
                .call(&CUSTOMER_GROUP_LIST, &[])
                .await
                .unwrap_or_default()
                .into_iter()
                .map(|g| Suggestion::new(g.into()))
                .collect::<Vec<_>>()
        }
    });
    Memo::new(move |_| groups.get().unwrap_or_default()).into()
}

/// Suggestions for what was typed: existing groups whose slug or name contains it, not yet chosen,
/// best first. A group that starts with the query outranks one where only a later word does, and
/// both outrank a match inside a word, so "VI" puts VIP first even when many groups merely
/// contain "vi" (and the cut to `MAX_SUGGESTIONS` never drops it). Ties keep the server's order.
pub fn suggest<'a>(all: &'a [Suggestion], chosen: &[Tag], query: &str) -> Vec<&'a Tag> {
    let q_slug = to_slug(query);
    let q_lower = query.trim().to_lowercase();
    let mut ranked: [Vec<&Tag>; 3] = Default::default();
    for s in all
        .iter()
        .filter(|s| !chosen.iter().any(|c| c.slug == s.tag.slug))
    {
        let rank = if q_lower.is_empty() {
            Some(0)
        } else {
            let in_slug = (!q_slug.is_empty())
                .then(|| s.tag.slug.find(&q_slug))
                .flatten()
                .map(|at| word_rank(&s.tag.slug, at));
            let in_name = s
                .name_lower
                .find(&q_lower)
                .map(|at| word_rank(&s.name_lower, at));
            in_slug.into_iter().chain(in_name).min()
        };
        if let Some(rank) = rank {
            ranked[rank].push(&s.tag);
        }
        if ranked[0].len() >= MAX_SUGGESTIONS {
            break;
        }
    }
    ranked.into_iter().flatten().take(MAX_SUGGESTIONS).collect()
}

/// 0 when a match starts the text, 1 when it starts a later word, 2 inside a word.
fn word_rank(text: &str, at: usize) -> usize {
    match text[..at].chars().next_back() {
        None => 0,
        Some(c) if !c.is_alphanumeric() => 1,
        Some(_) => 2,
    }
}

fn indexed(tags: Vec<Tag>) -> Vec<(usize, Tag)> {
    tags.into_iter().enumerate().collect()
}

#[derive(Clone, Debug, PartialEq)]
enum Choice {
    Existing(Tag),
    New(String),
}

#[component]
pub fn TagPicker(
    form: FormCtl,
    name: &'static str,
    /// The organisation's existing groups; empty where the backend cannot list them.
    #[prop(into)]
    groups: Signal<Vec<Suggestion>>,
    #[prop(into)] label: TextProp,
    #[prop(optional, into)] hint: Option<TextProp>,
    /// Groups are optional on a new contact but the whole point of "add groups".
    #[prop(optional)]
    required: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let announcer = use_announcer();
    let (field, ids, error) = bind(form, name, None, &label, form.dom_id(name));
    let list_id = format!("{}-listbox", ids.id);
    let query = RwSignal::new(String::new());
    let open = RwSignal::new(false);
    let active = RwSignal::new(None::<usize>);
    let tags = Memo::new(move |_| field.value.with(|v| read_tags(v)));

    let choices = Memo::new(move |_| {
        let q = query.get();
        let chosen = tags.get();
        let mut out: Vec<Choice> = groups.with(|all| {
            suggest(all, &chosen, &q)
                .into_iter()
                .cloned()
                .map(Choice::Existing)
                .collect()
        });
        let slug = to_slug(&q);
        let exists = groups.with(|all| all.iter().any(|s| s.tag.slug == slug));
        if !slug.is_empty() && !exists && !chosen.iter().any(|t| t.slug == slug) {
            out.push(Choice::New(q.trim().to_owned()));
        }
        out
    });
    let expanded = move || open.get() && !choices.with(|c| c.is_empty());
    let option_id = {
        let list_id = list_id.clone();
        move |i: usize| format!("{list_id}-opt-{i}")
    };

    let add = move |choice: Choice| {
        let tag = match choice {
            Choice::Existing(t) => t,
            Choice::New(text) => {
                let slug = to_slug(&text);
                Tag {
                    color: default_color(&slug),
                    slug,
                    name: text,
                }
            }
        };
        if tag.slug.is_empty() {
            return;
        }
        let mut list = tags.get_untracked();
        if list.iter().any(|t| t.slug == tag.slug) {
            return;
        }
        announcer.say(fill(i18n.tr(&ui::TAGS_ADDED)(), &tag.name));
        list.push(tag);
        field.value.set(write_tags(&list));
        query.set(String::new());
        active.set(None);
        // Closed until the person types or asks for the list again (↓), so it covers nothing.
        open.set(false);
    };
    let input_ref = NodeRef::<leptos::html::Input>::new();
    let remove = move |slug: String| {
        let mut list = tags.get_untracked();
        if let Some(pos) = list.iter().position(|t| t.slug == slug) {
            let t = list.remove(pos);
            announcer.say(fill(i18n.tr(&ui::TAGS_REMOVED)(), &t.name));
            field.value.set(write_tags(&list));
            // The pressed button goes with its tag: focus the input rather than losing it to <body>.
            if let Some(input) = input_ref.get_untracked() {
                let _ = input.focus();
            }
        }
    };
    let set_color = move |slug: String, color: String| {
        let mut list = tags.get_untracked();
        if let Some(t) = list.iter_mut().find(|t| t.slug == slug) {
            t.color = color;
            field.value.set(write_tags(&list));
        }
    };

    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        let n = choices.with_untracked(|c| c.len());
        match ev.key().as_str() {
            "ArrowDown" if n > 0 => {
                ev.prevent_default();
                open.set(true);
                active.update(|a| *a = Some(a.map_or(0, |i| (i + 1) % n)));
            }
            "ArrowUp" if n > 0 => {
                ev.prevent_default();
                open.set(true);
                active.update(|a| *a = Some(a.map_or(n - 1, |i| (i + n - 1) % n)));
            }
            "Escape" if open.get_untracked() => {
                ev.prevent_default();
                open.set(false);
                active.set(None);
            }
            // Enter adds what is highlighted or typed; with nothing typed it submits the form as usual.
            "Enter" | "," => {
                let typed = !query.with_untracked(|q| q.trim().is_empty());
                let pick = active
                    .get_untracked()
                    .and_then(|i| choices.with_untracked(|c| c.get(i).cloned()))
                    .or_else(|| {
                        typed.then(|| {
                            choices.with_untracked(|c| {
                                let slug = to_slug(&query.get_untracked());
                                c.iter()
                                    .find(|ch| matches!(ch, Choice::Existing(t) if t.slug == slug))
                                    .cloned()
                                    .unwrap_or_else(|| Choice::New(query.get_untracked()))
                            })
                        })
                    });
                if let Some(choice) = pick {
                    ev.prevent_default();
                    add(choice);
                } else if ev.key() == "," {
                    ev.prevent_default();
                }
            }
            _ => {}
        }
    };

    let described = {
        let hint_id = ids.hint.clone();
        let error_id = ids.error.clone();
        let has_hint = hint.is_some();
        move || {
            described_by([
                has_hint.then(|| hint_id.clone()),
                error.get().is_some().then(|| error_id.clone()),
            ])
        }
    };

    view! {
        <div class="field tag-picker" class:field-error=move || error.get().is_some()>
            {field_head(&ids, label, required, hint, error)}
            <ul class="tags" role="list">
                <For
                    each=move || indexed(tags.get())
                    key=|(i, t)| format!("{i}|{}|{}", t.slug, t.color)
                    children=move |(i, tag)| {
                        let color_name = format!("{name}[{i}].color");
                        let color_id = form.dom_id(&color_name);
                        let err_id = format!("{color_id}-error");
                        let slug_for_color = tag.slug.clone();
                        let slug_for_remove = tag.slug.clone();
                        let tag_name = tag.name.clone();
                        let tag_name2 = tag.name.clone();
                        let slug_name = format!("{name}[{i}].slug");
                        let name_name = format!("{name}[{i}].name");
                        let item_error = Memo::new(move |_| {
                            form.visible_error(&color_name, i18n)
                                .or_else(|| form.visible_error(&slug_name, i18n))
                                .or_else(|| form.visible_error(&name_name, i18n))
                        });
                        let err_id2 = err_id.clone();
                        view! {
                            <li class="tag" class:tag-error=move || item_error.get().is_some()>
                                <span class="swatch" style:background-color=tag.color.clone() aria-hidden="true"></span>
                                <span class="tag-name">{tag.name.clone()}</span>
                                <span class="tag-slug">
                                    {i18n.tr(&ui::TAGS_STORED_AS)} " " <code>{tag.slug.clone()}</code>
                                </span>
                                <label class="visually-hidden" for=color_id.clone()>
                                    {move || fill(i18n.tr(&ui::TAGS_COLOR)(), &tag_name)}
                                </label>
                                <input
                                    id=color_id.clone()
                                    class="color"
                                    type="color"
                                    prop:value=tag.color.clone()
                                    aria-invalid=move || item_error.get().is_some().then_some("true")
                                    aria-describedby=move || item_error.get().is_some().then(|| err_id2.clone())
                                    on:change=move |ev| set_color(slug_for_color.clone(), event_target_value(&ev))
                                />
                                <button
                                    type="button"
                                    class="tag-remove"
                                    aria-label=move || fill(i18n.tr(&ui::TAGS_REMOVE)(), &tag_name2)
                                    on:click=move |_| remove(slug_for_remove.clone())
                                >
                                    "×"
                                </button>
                                {move || {
                                    item_error
                                        .get()
                                        .map(|m| view! { <p class="error-message" id=err_id.clone()>{m}</p> })
                                }}
                            </li>
                        }
                    }
                />
            </ul>
            <div class="combo">
                <input
                    id=ids.id.clone()
                    node_ref=input_ref
                    class="input"
                    type="text"
                    role="combobox"
                    aria-required=required.then_some("true")
                    // Like every other control: the field's error marks its input invalid too.
                    aria-invalid=move || error.get().is_some().then_some("true")
                    autocomplete="off"
                    aria-autocomplete="list"
                    aria-controls=list_id.clone()
                    aria-expanded=move || expanded().to_string()
                    aria-activedescendant={
                        let option_id = option_id.clone();
                        move || active.get().filter(|_| expanded()).map(&option_id)
                    }
                    aria-describedby=described
                    prop:value=move || query.get()
                    on:input=move |ev| {
                        query.set(event_target_value(&ev));
                        open.set(true);
                        active.set(None);
                    }
                    on:blur=move |_| {
                        // Let a click on an option land before the list closes.
                        set_timeout(move || { open.try_set(false); }, std::time::Duration::from_millis(150));
                    }
                    on:keydown=on_keydown
                />
                <ul
                    id=list_id.clone()
                    class="listbox"
                    role="listbox"
                    aria-label=i18n.tr(&ui::TAGS_SUGGESTIONS)
                    class:hidden=move || !expanded()
                >
                    {move || {
                        choices
                            .get()
                            .into_iter()
                            .enumerate()
                            .map(|(i, choice)| {
                                let id = option_id(i);
                                let text = match &choice {
                                    Choice::Existing(t) => t.name.clone(),
                                    Choice::New(q) => fill(i18n.tr(&ui::TAGS_ADD_NEW)(), q),
                                };
                                let slug = match &choice {
                                    Choice::Existing(t) => t.slug.clone(),
                                    Choice::New(q) => to_slug(q),
                                };
                                let color = match &choice {
                                    Choice::Existing(t) => t.color.clone(),
                                    Choice::New(_) => default_color(&slug),
                                };
                                view! {
                                    <li
                                        id=id
                                        role="option"
                                        class="option"
                                        aria-selected=move || (active.get() == Some(i)).to_string()
                                        on:mousedown=move |ev| {
                                            ev.prevent_default();
                                            add(choice.clone());
                                        }
                                    >
                                        <span class="swatch" style:background-color=color aria-hidden="true"></span>
                                        <span>{text}</span>
                                        <code class="tag-slug">{slug}</code>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
            </div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag(slug: &str, name: &str) -> Tag {
        Tag {
            slug: slug.into(),
            name: name.into(),
            color: "#000000".into(),
        }
    }

    #[test]
    fn suggestions_match_slug_or_name_and_skip_chosen() {
        let all: Vec<Suggestion> = [tag("vip", "VIP"), tag("zlata-kategorie", "Zlatá kategorie")]
            .into_iter()
            .map(Suggestion::new)
            .collect();
        let names = |v: Vec<&Tag>| v.into_iter().map(|t| t.slug.clone()).collect::<Vec<_>>();
        assert_eq!(names(suggest(&all, &[], "zlatá")), vec!["zlata-kategorie"]);
        assert_eq!(names(suggest(&all, &[], "VI")), vec!["vip"]);
        assert_eq!(
            names(suggest(&all, &[tag("vip", "VIP")], "")),
            vec!["zlata-kategorie"]
        );
    }

    #[test]
    fn a_group_that_starts_with_the_query_comes_first_and_is_never_cut_off() {
        // Many groups that merely contain "vi" come first in the server's order.
        let mut all: Vec<Suggestion> = (0..20)
            .map(|i| Suggestion::new(tag(&format!("a-{i}xvi"), &format!("A {i}xvi"))))
            .collect();
        all.push(Suggestion::new(tag("klub-vinaru", "Klub vinařů")));
        all.push(Suggestion::new(tag("vip", "VIP")));
        let found: Vec<_> = suggest(&all, &[], "VI")
            .into_iter()
            .map(|t| t.slug.as_str())
            .collect();
        assert_eq!(found.len(), MAX_SUGGESTIONS);
        assert_eq!(found[..2], ["vip", "klub-vinaru"]);
        assert!(found[2..].iter().all(|s| s.ends_with("xvi")));
    }

    #[test]
    fn tags_round_trip_and_survive_garbage() {
        let t = vec![tag("a", "A")];
        assert_eq!(read_tags(&write_tags(&t)), t);
        assert!(read_tags("not json").is_empty());
        assert!(read_tags("").is_empty());
        assert!(default_color("x").starts_with('#'));
    }

    #[test]
    fn a_group_without_colour_does_not_spoil_the_list() {
        let list: Vec<CustomerGroup> = serde_json::from_str(
            r##"[{"slug":"vip","name":"VIP","color":"#d4af37"},{"slug":"new","name":null,"color":null}]"##,
        )
        .unwrap();
        let list: Vec<Tag> = list.into_iter().map(Tag::from).collect();
        assert_eq!(list.len(), 2);
        assert_eq!(list[1].color, "");
        assert_eq!(list[1].name, "");
    }
}

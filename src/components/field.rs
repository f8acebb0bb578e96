//! The one field component: label, hint, control, a "will be saved as" preview, the inline error, and the
//! ARIA that ties them together (`aria-invalid`, `aria-describedby`), after the GOV.UK error message.

use leptos::prelude::*;

use crate::components::form::{FieldCtl, FormCtl};
use crate::i18n::{ui, use_i18n};

/// What the control is; the rest of the field is the same for all of them.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub enum Control {
    #[default]
    Text,
    Email,
    Tel,
    Password,
    /// Digits typed on a numeric keypad, kept as text (leading zeros of an IČO matter).
    Numeric,
    TextArea,
}

#[component]
pub fn Field(
    form: FormCtl,
    name: &'static str,
    #[prop(into)] label: TextProp,
    #[prop(optional, into)] hint: Option<TextProp>,
    #[prop(optional)] control: Control,
    #[prop(optional)] required: bool,
    #[prop(optional)] autocomplete: Option<&'static str>,
    /// The normal form the value will be stored in, shown while it differs from what was typed.
    #[prop(optional, into)]
    preview: Option<Signal<Option<String>>>,
    #[prop(optional, into)] readonly: Signal<bool>,
    /// A live "12 / 128" counter once the value nears this many characters.
    #[prop(optional)]
    counter: Option<usize>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let i18n = use_i18n();
    let (field, ids, error) = bind(form, name, None, &label, form.dom_id(name));
    let preview_id = format!("{}-preview", ids.id);
    let counter_id = format!("{}-counter", ids.id);
    let has_hint = hint.is_some();
    let has_preview = preview.is_some();
    let preview_text = Memo::new(move |_| {
        preview
            .and_then(|p| p.get())
            .filter(|p| field.value.with(|v| v.trim() != p))
    });
    let count = Memo::new(move |_| field.value.with(|v| v.trim().chars().count()));
    let counter_visible = move || counter.is_some_and(|max| count.get() * 10 >= max * 8);
    let described = {
        let (hint_id, error_id, preview_id, counter_id) = (
            ids.hint.clone(),
            ids.error.clone(),
            preview_id.clone(),
            counter_id.clone(),
        );
        move || {
            described_by([
                has_hint.then(|| hint_id.clone()),
                (has_preview && preview_text.get().is_some()).then(|| preview_id.clone()),
                counter_visible().then(|| counter_id.clone()),
                error.get().is_some().then(|| error_id.clone()),
            ])
        }
    };
    let invalid = move || error.get().is_some().then_some("true");
    let on_blur = move |ev: leptos::ev::FocusEvent| {
        // Focus going to the submit button (a click on it): the submit shows every error at once.
        // Showing this one now would push the button down under the pointer and swallow the click.
        if !leaving_for_submit(&ev) {
            form.left(name);
        }
    };
    let (input_type, inputmode) = match control {
        // `type=email` would let Chromium rewrite IDN domains behind our back; the contract decides.
        Control::Email => ("text", Some("email")),
        Control::Tel => ("tel", Some("tel")),
        Control::Password => ("password", None),
        Control::Numeric => ("text", Some("numeric")),
        Control::Text | Control::TextArea => ("text", None),
    };
    let input = if control == Control::TextArea {
        view! {
            <textarea
                id=ids.id.clone()
                name=name
                class="input"
                rows="3"
                required=required
                readonly=move || readonly.get()
                aria-invalid=invalid
                aria-describedby=described.clone()
                bind:value=field.value
                on:blur=on_blur
            ></textarea>
        }
        .into_any()
    } else {
        view! {
            <input
                id=ids.id.clone()
                name=name
                class="input"
                type=input_type
                inputmode=inputmode
                autocomplete=autocomplete
                spellcheck=matches!(control, Control::Email | Control::Tel | Control::Numeric)
                    .then_some("false")
                required=required
                readonly=move || readonly.get()
                aria-invalid=invalid
                aria-describedby=described.clone()
                bind:value=field.value
                on:blur=on_blur
            />
        }
        .into_any()
    };
    view! {
        <div class="field" class:field-error=move || error.get().is_some()>
            {field_head(&ids, label, required, hint, error)}
            {input}
            <Show when=move || preview_text.get().is_some()>
                <p class="preview" id=preview_id.clone()>
                    {i18n.tr(&ui::WILL_BE_SAVED_AS)} " " <strong>{move || preview_text.get()}</strong>
                </p>
            </Show>
            <Show when=counter_visible>
                <p class="counter" id=counter_id.clone() aria-live="polite">
                    {move || format!("{} / {}", count.get(), counter.unwrap_or_default())}
                </p>
            </Show>
            {children.map(|c| c())}
        </div>
    }
}

/// The DOM ids of a field's control, its hint and its inline error.
pub struct Ids {
    pub id: String,
    pub hint: String,
    pub error: String,
}

/// What every field of the kit starts from: field `name`'s value, the ids of a control whose DOM id is
/// `id`, and the message shown under it now; the form is told the label. The errors shown are the
/// field's own, then those the contract files under `error_name` (as `type.id`).
pub fn bind(
    form: FormCtl,
    name: &'static str,
    error_name: Option<&'static str>,
    label: &TextProp,
    id: String,
) -> (FieldCtl, Ids, Memo<Option<String>>) {
    let i18n = use_i18n();
    let field = form.field(name);
    form.set_label(name, label.clone());
    let error = Memo::new(move |_| {
        form.visible_error(name, i18n)
            .or_else(|| error_name.and_then(|n| form.visible_error(n, i18n)))
    });
    let ids = Ids {
        hint: format!("{id}-hint"),
        error: format!("{id}-error"),
        id,
    };
    (field, ids, error)
}

/// The top of a field above its control: the label ("optional" after it where the field may stay
/// empty), the hint, the inline error.
pub fn field_head(
    ids: &Ids,
    label: TextProp,
    required: bool,
    hint: Option<TextProp>,
    error: Memo<Option<String>>,
) -> impl IntoView + use<> {
    let i18n = use_i18n();
    let hint_id = ids.hint.clone();
    view! {
        <label class="label" for=ids.id.clone()>
            {move || label.get()}
            {(!required).then(|| view! { " " <span class="optional">{i18n.tr(&ui::OPTIONAL)}</span> })}
        </label>
        {hint.map(|h| view! { <p class="hint" id=hint_id>{move || h.get()}</p> })}
        {error_message(ids.error.clone(), error)}
    }
}

/// `aria-describedby` from the ids of what describes a control now (hint, notes, error), in reading
/// order; none when nothing does.
pub fn described_by(ids: impl IntoIterator<Item = Option<String>>) -> Option<String> {
    let ids: Vec<String> = ids.into_iter().flatten().collect();
    (!ids.is_empty()).then(|| ids.join(" "))
}

/// The inline error of a field, after GOV.UK's error message: "Error:" for screen readers, then the
/// message; `id` is what the control's `aria-describedby` names while it shows.
pub fn error_message(id: String, error: Memo<Option<String>>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Show when=move || error.get().is_some()>
            <p class="error-message" id=id.clone()>
                <span class="visually-hidden">{i18n.tr(&ui::ERROR_SUMMARY_TITLE)} ": "</span>
                {move || error.get()}
            </p>
        </Show>
    }
}

fn leaving_for_submit(ev: &leptos::ev::FocusEvent) -> bool {
    use wasm_bindgen::JsCast;
    ev.related_target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| {
            el.tag_name().eq_ignore_ascii_case("button")
                && el.get_attribute("type").as_deref() == Some("submit")
        })
}

/// A checkbox in the same kit: value `"true"` or empty, an optional reason when it is disabled.
#[component]
pub fn CheckboxField(
    form: FormCtl,
    name: &'static str,
    #[prop(into)] label: TextProp,
    #[prop(optional, into)] hint: Option<TextProp>,
    #[prop(optional, into)] disabled: Signal<bool>,
    /// Why it is disabled, shown and announced only while it is.
    #[prop(optional, into)]
    disabled_reason: Option<TextProp>,
) -> impl IntoView {
    let (field, ids, error) = bind(form, name, None, &label, form.dom_id(name));
    let reason_id = format!("{}-reason", ids.id);
    let has_hint = hint.is_some();
    let has_reason = disabled_reason.is_some();
    let described = {
        let (hint_id, reason_id, error_id) =
            (ids.hint.clone(), reason_id.clone(), ids.error.clone());
        move || {
            described_by([
                has_hint.then(|| hint_id.clone()),
                (has_reason && disabled.get()).then(|| reason_id.clone()),
                error.get().is_some().then(|| error_id.clone()),
            ])
        }
    };
    view! {
        <div class="field checkbox" class:field-error=move || error.get().is_some()>
            {error_message(ids.error.clone(), error)}
            <input
                id=ids.id.clone()
                name=name
                type="checkbox"
                class="checkbox-input"
                prop:checked=move || field.value.get() == "true"
                on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    field.value.set(if on { "true".into() } else { String::new() });
                }
                aria-disabled=move || disabled.get().then_some("true")
                on:click=move |ev| {
                    if disabled.get_untracked() {
                        ev.prevent_default();
                    }
                }
                aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby=described
            />
            <label class="checkbox-label" for=ids.id.clone()>{move || label.get()}</label>
            {hint.map(|h| view! { <p class="hint" id=ids.hint.clone()>{move || h.get()}</p> })}
            {disabled_reason
                .map(|r| {
                    view! {
                        <Show when=move || disabled.get()>
                            <p class="hint reason" id=reason_id.clone()>
                                {
                                    let r = r.clone();
                                    move || r.get()
                                }
                            </p>
                        </Show>
                    }
                })}
        </div>
    }
}

/// One radio of a [`RadioField`], in the reader's language.
#[derive(Clone, Debug, PartialEq)]
pub struct Radio {
    /// What the form field holds and the request sends.
    pub value: String,
    pub label: String,
    /// Shown after the label in brackets (a code), where not empty.
    pub detail: String,
    /// What the choice is for, under it.
    pub hint: String,
}

/// A group of radios in the same kit: a fieldset whose legend is the label, its hint and error,
/// then one radio per choice, each with its own hint. The first radio carries the id the error
/// summary links to (`error_name` where the contract names the field so, as `type.id`).
#[component]
pub fn RadioField(
    form: FormCtl,
    name: &'static str,
    #[prop(optional)] error_name: Option<&'static str>,
    #[prop(into)] label: TextProp,
    #[prop(optional, into)] hint: Option<TextProp>,
    #[prop(optional)] required: bool,
    #[prop(into)] options: Signal<Vec<Radio>>,
) -> impl IntoView {
    let (field, ids, error) = bind(form, name, error_name, &label, form.dom_id(name));
    let first_id = form.dom_id(error_name.unwrap_or(name));
    let has_hint = hint.is_some();
    let described = {
        let (hint_id, error_id) = (ids.hint.clone(), ids.error.clone());
        move || {
            described_by([
                has_hint.then(|| hint_id.clone()),
                error.get().is_some().then(|| error_id.clone()),
            ])
        }
    };
    let radios = move || {
        let id = ids.id.clone();
        let first_id = first_id.clone();
        options
            .get()
            .into_iter()
            .enumerate()
            .map(|(i, radio)| {
                let Radio {
                    value,
                    label,
                    detail,
                    hint,
                } = radio;
                let radio_id = if i == 0 {
                    first_id.clone()
                } else {
                    format!("{id}-{value}")
                };
                let item_hint = format!("{radio_id}-hint");
                let (v1, v2) = (value.clone(), value.clone());
                view! {
                    <div class="radio">
                        <input
                            type="radio"
                            class="radio-input"
                            id=radio_id.clone()
                            name=id.clone()
                            value=value
                            required=required
                            prop:checked=move || field.value.with(|v| *v == v1)
                            on:change=move |_| field.value.set(v2.clone())
                            aria-describedby=(!hint.is_empty()).then(|| item_hint.clone())
                            aria-invalid=move || error.get().is_some().then_some("true")
                        />
                        <label class="radio-label" for=radio_id>
                            {label}
                            {(!detail.is_empty())
                                .then(|| view! { <span class="radio-detail">{format!(" ({detail})")}</span> })}
                        </label>
                        {(!hint.is_empty()).then(|| view! { <p class="hint" id=item_hint>{hint}</p> })}
                    </div>
                }
            })
            .collect_view()
    };
    view! {
        <fieldset
            class="field radio-group"
            class:field-error=move || error.get().is_some()
            aria-describedby=described
        >
            <legend class="label">{move || label.get()}</legend>
            {hint.map(|h| view! { <p class="hint" id=ids.hint.clone()>{move || h.get()}</p> })}
            {error_message(ids.error.clone(), error)}
            <div class="radios">{radios}</div>
        </fieldset>
    }
}

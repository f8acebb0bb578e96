//! Forms as data: a form lists its fields as [`FieldSpec`] rows (name, control, texts, limits, the
//! "will be saved as" preview as a plain `fn`, width), and [`FieldRows`] renders every row through the
//! one field frame of its control. A field costs a table row, not a copy of a view: the view code
//! for a text field exists once in the wasm however many fields a form has.
//!
//! ```ignore
//! const CONTACT: &[FieldSpec] = &[
//!     FieldSpec::new(field::EMAIL, &ui::EMAIL).control(Control::Email).required().preview(previews::email),
//!     FieldSpec::new(field::FIRST_NAME, &ui::FIRST_NAME).counter(NAME_MAX),
//! ];
//! view! { <div class="form-grid"><FieldRows form rows=CONTACT /></div> }
//! ```

use std::collections::BTreeMap;

use bizkit_contract::{CodeName, Lang, OrgRules, PermissionList};
use leptos::prelude::*;
use serde::Serialize;

use crate::components::code_picker::{CodePicker, CodePickerProps};
use crate::components::field::{
    CheckboxField, CheckboxFieldProps, Control, Field, FieldProps, Radio, RadioField,
    RadioFieldProps,
};
use crate::components::form::{FormCtl, Values};
use crate::components::live_check::check_while_typing;
use crate::components::select::{SearchSelect, SearchSelectProps, SelectOption};
use crate::components::tag_picker::{Suggestion, TagPicker, TagPickerProps};
use crate::i18n::{Text, use_i18n};
use crate::session::current_session;

/// The normal form a value will be stored in, from the contract's parser; `None` while it fails.
/// It may read other fields (a postcode's country) through `Values`, and the organisation's rules.
pub type Preview = fn(&str, Values, &OrgRules) -> Option<String>;

/// When a row is out of use, from the form's values (a checkbox that needs another field filled).
pub type Rule = fn(Values) -> bool;

/// The choices of a listbox, in the reader's language.
pub type Options = fn(Lang, &OrgRules) -> Vec<SelectOption>;

/// What the person types or picks with.
#[derive(Clone, Copy)]
pub enum Kind {
    /// A text input or area of this kind (`Control::Email`, `Control::Tel`, …).
    Input(Control),
    Checkbox,
    /// The searchable listbox.
    Listbox(Options),
    /// The tag picker; the suggestions come with [`FieldRows`]'s `suggestions`.
    Tags,
    /// One of a few choices, as radios with a hint each.
    Radios(fn(Lang) -> Vec<Radio>),
    /// Codes picked from a list (permissions, roles): this part of [`FieldRows`]'s `catalogue`.
    Codes(fn(PermissionList) -> Vec<CodeName>),
}

/// One field of a form.
#[derive(Clone, Copy)]
pub struct FieldSpec {
    /// The contract's wire name (`bizkit_contract::field::*`), so a typo does not compile.
    pub name: &'static str,
    pub kind: Kind,
    draw: Draw,
    pub label: &'static Text,
    pub hint: Option<&'static Text>,
    pub required: bool,
    pub readonly: bool,
    pub autocomplete: Option<&'static str>,
    /// The contract's length limit: a live counter shows as the value nears it.
    pub counter: Option<usize>,
    pub preview: Option<Preview>,
    /// Both columns of the form grid.
    pub wide: bool,
    /// Checked once the person pauses, not only when the field is left: codes of a fixed shape.
    pub check_while_typing: bool,
    /// A checkbox that only makes sense with another field filled: disabled while `when` holds,
    /// saying `reason`.
    pub disabled: Option<(Rule, &'static Text)>,
    /// Shown only while this holds (given the form's values and the row's name): a field that
    /// matters for some kinds of record only.
    pub visible: Option<fn(Values, &'static str) -> bool>,
    /// The contract's name for errors about this field when it differs (`country.id`).
    pub error_name: Option<&'static str>,
}

impl FieldSpec {
    /// A one-column text field, optional, no hint: the most common row.
    pub const fn new(name: &'static str, label: &'static Text) -> Self {
        Self {
            name,
            kind: Kind::Input(Control::Text),
            draw: draw::input,
            label,
            hint: None,
            required: false,
            readonly: false,
            autocomplete: None,
            counter: None,
            preview: None,
            wide: false,
            check_while_typing: false,
            disabled: None,
            visible: None,
            error_name: None,
        }
    }
    pub const fn control(mut self, control: Control) -> Self {
        self.kind = Kind::Input(control);
        self
    }
    pub const fn checkbox(mut self) -> Self {
        self.kind = Kind::Checkbox;
        self.draw = draw::checkbox;
        self
    }
    pub const fn listbox(mut self, options: Options) -> Self {
        self.kind = Kind::Listbox(options);
        self.draw = draw::listbox;
        self
    }
    pub const fn codes(mut self, pick: fn(PermissionList) -> Vec<CodeName>) -> Self {
        self.kind = Kind::Codes(pick);
        self.draw = draw::codes;
        self
    }
    pub const fn radios(mut self, choices: fn(Lang) -> Vec<Radio>) -> Self {
        self.kind = Kind::Radios(choices);
        self.draw = draw::radios;
        self
    }
    pub const fn tags(mut self) -> Self {
        self.kind = Kind::Tags;
        self.draw = draw::tags;
        self
    }
    pub const fn hint(mut self, hint: &'static Text) -> Self {
        self.hint = Some(hint);
        self
    }
    pub const fn required(mut self) -> Self {
        self.required = true;
        self
    }
    pub const fn readonly(mut self) -> Self {
        self.readonly = true;
        self
    }
    pub const fn autocomplete(mut self, token: &'static str) -> Self {
        self.autocomplete = Some(token);
        self
    }
    pub const fn counter(mut self, max: usize) -> Self {
        self.counter = Some(max);
        self
    }
    pub const fn preview(mut self, preview: Preview) -> Self {
        self.preview = Some(preview);
        self
    }
    pub const fn wide(mut self) -> Self {
        self.wide = true;
        self
    }
    pub const fn check_while_typing(mut self) -> Self {
        self.check_while_typing = true;
        self
    }
    pub const fn visible_when(mut self, visible: fn(Values, &'static str) -> bool) -> Self {
        self.visible = Some(visible);
        self
    }
    pub const fn error_name(mut self, name: &'static str) -> Self {
        self.error_name = Some(name);
        self
    }
    pub const fn disabled_when(mut self, when: Rule, reason: &'static Text) -> Self {
        self.disabled = Some((when, reason));
        self
    }
}

/// Every field name of a form's row tables, in form order: what [`FormCtl::new`] takes, and the
/// order of the error summary.
pub fn names(tables: &[&[FieldSpec]]) -> Vec<&'static str> {
    tables
        .iter()
        .flat_map(|t| t.iter().map(|r| r.name))
        .collect()
}

/// The row of `name`, if the form has it.
pub fn row(tables: &[&'static [FieldSpec]], name: &str) -> Option<&'static FieldSpec> {
    tables
        .iter()
        .flat_map(|t| t.iter())
        .find(|r| r.name == name)
}

/// A stored record (a request type of the contract) as form values, one per name: text as it is,
/// `true` as `"true"`, numbers as text; `false`, `null`, lists and objects as empty (a form shows
/// lists, like groups, apart from its own fields).
pub fn values_of<T: Serialize>(record: &T, names: &[&'static str]) -> BTreeMap<String, String> {
    // Through the text the request is sent as, not `to_value`: the same serialiser the submission
    // uses, so no second one is compiled into the wasm.
    let json: serde_json::Value = serde_json::to_string(record)
        .ok()
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default();
    names
        .iter()
        .map(|name| {
            let value = match json.get(*name) {
                Some(serde_json::Value::String(s)) => s.clone(),
                Some(serde_json::Value::Bool(true)) => "true".to_owned(),
                Some(serde_json::Value::Number(n)) => n.to_string(),
                _ => String::new(),
            };
            ((*name).to_owned(), value)
        })
        .collect()
}

/// Renders `rows` into the form grid they are placed in. `extra` goes inside the frame of the field
/// it names, under its control (the ARES notice under an IČO); `suggestions` feed a tag picker row.
#[component]
pub fn FieldRows(
    form: FormCtl,
    rows: &'static [FieldSpec],
    #[prop(optional)] extra: Option<(&'static str, ViewFn)>,
    #[prop(optional, into)] suggestions: Signal<Vec<Suggestion>>,
    /// The codes a code row picks from; `None` while loading.
    #[prop(optional, into)]
    catalogue: Signal<Option<PermissionList>>,
) -> impl IntoView {
    let rules = StoredValue::new(current_session().org_rules());
    let values = form.values();
    rows.iter()
        .map(|spec| {
            if spec.check_while_typing {
                check_while_typing(form, spec.name);
            }
            let extra = extra
                .as_ref()
                .filter(|(at, _)| *at == spec.name)
                .map(|(_, view)| view.clone());
            let row = Row {
                form,
                spec,
                rules,
                extra,
                suggestions,
                catalogue,
            };
            match spec.visible {
                None => row.frame(),
                Some(visible) => {
                    let name = spec.name;
                    let shown = Memo::new(move |_| visible(values, name));
                    (move || shown.get().then(|| row.frame())).into_any()
                }
            }
        })
        .collect_view()
}

/// What one row is drawn from; `frame` may run again when a hidden row shows.
#[derive(Clone)]
struct Row {
    form: FormCtl,
    spec: &'static FieldSpec,
    rules: StoredValue<OrgRules>,
    extra: Option<ViewFn>,
    suggestions: Signal<Vec<Suggestion>>,
    catalogue: Signal<Option<PermissionList>>,
}

impl Row {
    /// The props structs themselves, not `view!`: whether a row has a hint, a preview or an extra
    /// is data, which the props builder (one setter per given prop) cannot express.
    fn frame(&self) -> AnyView {
        let spec = self.spec;
        let i18n = use_i18n();
        let label: TextProp = i18n.tr(spec.label).into();
        let hint = spec.hint.map(|h| TextProp::from(i18n.tr(h)));
        let frame = (spec.draw)(self, label, hint);
        if spec.wide {
            view! { <div class="span-2">{frame}</div> }.into_any()
        } else {
            frame
        }
    }
}

/// Draws a row's control in the one frame of its kind. The builder picks it with the kind, so a
/// control that no table of a binary uses (the code picker in the widget) is not in its wasm.
type Draw = fn(&Row, TextProp, Option<TextProp>) -> AnyView;

mod draw {
    use super::*;

    pub(super) fn input(row: &Row, label: TextProp, hint: Option<TextProp>) -> AnyView {
        let Row {
            form,
            spec,
            rules,
            ref extra,
            ..
        } = *row;
        let Kind::Input(control) = spec.kind else {
            return ().into_any();
        };
        let (name, values) = (spec.name, form.values());
        let value = form.field(name).value;
        let preview = spec.preview.map(|preview| {
            Signal::derive(move || value.with(|v| rules.with_value(|r| preview(v, values, r))))
        });
        let children = extra
            .clone()
            .map(|view| Box::new(move || view.run()) as Children);
        Field(FieldProps {
            form,
            name,
            label,
            hint,
            control,
            required: spec.required,
            autocomplete: spec.autocomplete,
            preview,
            readonly: Signal::from(spec.readonly),
            counter: spec.counter,
            children,
        })
        .into_any()
    }

    pub(super) fn checkbox(row: &Row, label: TextProp, hint: Option<TextProp>) -> AnyView {
        let (form, spec) = (row.form, row.spec);
        let values = form.values();
        let (disabled, disabled_reason) = match spec.disabled {
            Some((when, reason)) => (
                Signal::derive(move || when(values)),
                Some(TextProp::from(use_i18n().tr(reason))),
            ),
            None => (Signal::default(), None),
        };
        CheckboxField(CheckboxFieldProps {
            form,
            name: spec.name,
            label,
            hint,
            disabled,
            disabled_reason,
        })
        .into_any()
    }

    pub(super) fn listbox(row: &Row, label: TextProp, hint: Option<TextProp>) -> AnyView {
        let (spec, rules, i18n) = (row.spec, row.rules, use_i18n());
        let Kind::Listbox(options) = spec.kind else {
            return ().into_any();
        };
        SearchSelect(SearchSelectProps {
            form: row.form,
            name: spec.name,
            error_name: spec.error_name,
            label,
            hint,
            options: Signal::derive(move || {
                let lang = i18n.lang.get();
                rules.with_value(|r| options(lang, r))
            }),
            required: spec.required,
            autocomplete: spec.autocomplete,
        })
        .into_any()
    }

    pub(super) fn tags(row: &Row, label: TextProp, hint: Option<TextProp>) -> AnyView {
        TagPicker(TagPickerProps {
            form: row.form,
            name: row.spec.name,
            groups: row.suggestions,
            label,
            hint,
            required: row.spec.required,
        })
        .into_any()
    }

    pub(super) fn radios(row: &Row, label: TextProp, hint: Option<TextProp>) -> AnyView {
        let (spec, i18n) = (row.spec, use_i18n());
        let Kind::Radios(choices) = spec.kind else {
            return ().into_any();
        };
        RadioField(RadioFieldProps {
            form: row.form,
            name: spec.name,
            error_name: spec.error_name,
            label,
            hint,
            required: spec.required,
            options: Signal::derive(move || choices(i18n.lang.get())),
        })
        .into_any()
    }

    pub(super) fn codes(row: &Row, label: TextProp, _: Option<TextProp>) -> AnyView {
        let (spec, catalogue) = (row.spec, row.catalogue);
        let Kind::Codes(pick) = spec.kind else {
            return ().into_any();
        };
        CodePicker(CodePickerProps {
            form: row.form,
            name: spec.name,
            legend: label,
            options: Signal::derive(move || catalogue.get().map(pick)),
        })
        .into_any()
    }
}

/// Rows several forms ask for alike. An administrator types someone else's details there, so the
/// browser is not to offer the administrator's own (`autocomplete="off"`).
pub mod common {
    use bizkit_contract::{NAME_MAX, field};

    use super::{FieldSpec, preview};
    use crate::components::field::Control;
    use crate::i18n::{Text, ui};

    pub const EMAIL: FieldSpec = FieldSpec::new(field::EMAIL, &ui::EMAIL)
        .control(Control::Email)
        .autocomplete("off")
        .hint(&ui::EMAIL_HINT)
        .preview(preview::email);
    pub const PHONE: FieldSpec = FieldSpec::new(field::PHONE, &ui::PHONE)
        .control(Control::Tel)
        .autocomplete("off")
        .hint(&ui::PHONE_HINT)
        .preview(preview::phone);
    pub const FIRST_NAME: FieldSpec = FieldSpec::new(field::FIRST_NAME, &ui::FIRST_NAME)
        .autocomplete("off")
        .counter(NAME_MAX);
    pub const LAST_NAME: FieldSpec = FieldSpec::new(field::LAST_NAME, &ui::LAST_NAME)
        .autocomplete("off")
        .counter(NAME_MAX);

    /// A company's IČO, under the label and hint of the app it is in.
    pub const fn ico(label: &'static Text, hint: &'static Text) -> FieldSpec {
        FieldSpec::new(field::COMPANY_REGISTRATION_NUMBER, label)
            .control(Control::Numeric)
            .wide()
            .autocomplete("off")
            .hint(hint)
            .preview(preview::ico)
    }
}

/// The "will be saved as" of the contract's rules, one [`Preview`] per rule.
pub mod preview {
    use bizkit_contract::field;
    use bizkit_contract::{
        Country, CuRefNo, Dic, Email, Ico, OrgRules, PersonName, Phone, PostalCode,
    };

    use crate::components::form::Values;

    pub fn email(v: &str, _: Values, _: &OrgRules) -> Option<String> {
        Email::parse(v).ok().map(|e| e.as_str().to_owned())
    }
    pub fn person_name(v: &str, _: Values, _: &OrgRules) -> Option<String> {
        PersonName::parse(v).ok().map(|n| n.into_string())
    }
    pub fn phone(v: &str, _: Values, rules: &OrgRules) -> Option<String> {
        Phone::parse(v, &rules.phone_prefix)
            .ok()
            .map(|p| p.into_string())
    }
    pub fn ico(v: &str, _: Values, _: &OrgRules) -> Option<String> {
        Ico::parse(v).ok().map(|i| i.into_string())
    }
    pub fn cu_ref_no(v: &str, _: Values, _: &OrgRules) -> Option<String> {
        CuRefNo::parse(v).ok().map(|c| c.as_str().to_owned())
    }
    pub fn dic(v: &str, _: Values, _: &OrgRules) -> Option<String> {
        Dic::parse(v).ok().map(|d| d.into_string())
    }
    /// In the form of the country picked in the same form (`country`), if any.
    pub fn postal_code(v: &str, values: Values, _: &OrgRules) -> Option<String> {
        let country = Country::parse(&values.get(field::COUNTRY)).ok();
        PostalCode::parse_for(v, country)
            .ok()
            .map(|p| p.into_string())
    }
}

//! What was stored, shown after a save: labelled values in a `<dl class="stored">`, after GOV.UK's
//! summary list.

use leptos::prelude::*;

use crate::i18n::{Text, use_i18n};

/// A label in both languages (the list follows a language switch) and the value, if any.
pub type Row = (&'static Text, Option<String>);

/// The rows of a stored list; a missing or blank value reads "—".
pub fn rows(rows: Vec<Row>) -> impl IntoView {
    let i18n = use_i18n();
    rows.into_iter()
        .map(|(label, value)| {
            let value = value
                .filter(|v| !v.trim().is_empty())
                .unwrap_or_else(|| "—".to_owned());
            view! {
                <div class="row">
                    <dt>{i18n.tr(label)}</dt>
                    <dd>{value}</dd>
                </div>
            }
        })
        .collect_view()
}

//! Texts more than one part of the page shows: a field's name (the mapping, the table's headers
//! and cells) and a refusal's text (the table and the CSV of failed rows). A leaf, like `state`.

use super::t;
use crate::i18n::{I18n, Text, ui};
use crate::import::mapping::Target;
use crate::import::rows::Failure;

pub(super) fn target_text(target: Target) -> &'static Text {
    match target {
        Target::Email => &ui::EMAIL,
        Target::Phone => &ui::PHONE,
        Target::FirstName => &ui::FIRST_NAME,
        Target::LastName => &ui::LAST_NAME,
        Target::Ico => &t::F_ICO,
        Target::Groups => &ui::GROUPS,
    }
}

/// The text of a refusal, for the table and the CSV.
pub(super) fn failure_text(f: &Failure, i18n: I18n) -> String {
    if f.after_unknown {
        return i18n.now(&t::MAYBE_OURS).to_owned();
    }
    let mut parts: Vec<String> = f
        .fields
        .iter()
        .map(|(_, code, message)| i18n.code_message(code, message))
        .collect();
    if parts.is_empty() {
        parts.push(match &f.code {
            Some(code) => i18n.code_message(code, &f.message),
            None if !f.message.trim().is_empty() => f.message.clone(),
            None => i18n.tr(&ui::ERROR_UNKNOWN)().to_owned(),
        });
    }
    parts.dedup();
    parts.join(" ")
}

//! Checking a field as the person types: once they pause, a value that is still wrong shows its
//! message as if the field had been left. Nothing shows while they keep typing, and nothing for an
//! empty field, so a half-typed e-mail is not called wrong after its first letter.

use std::time::Duration;

use leptos::prelude::*;

use crate::components::form::FormCtl;

/// How long a pause counts as "done for now".
pub const PAUSE_MS: u64 = 900;

pub fn check_while_typing(form: FormCtl, name: &'static str) {
    let field = form.field(name);
    Effect::new(move |prev: Option<()>| {
        let typed = field.value.get();
        // Not for the value the field started with (loaded or restored).
        if prev.is_none() {
            return;
        }
        set_timeout(
            move || {
                if field.value.try_get_untracked().as_deref() == Some(typed.as_str()) {
                    form.left(name);
                }
            },
            Duration::from_millis(PAUSE_MS),
        );
    });
}

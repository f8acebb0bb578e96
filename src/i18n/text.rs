//! One text in both languages, written side by side where it is defined:
//!
//! ```ignore
//! pub(crate) const IMPORT_TITLE: Text = Text::new("Import kontaktů", "Import contacts");
//! view! { <h1>{i18n.tr(&IMPORT_TITLE)}</h1> }
//! ```
//!
//! Texts are `pub(crate)` constants in private modules, so one nobody uses is a dead-code warning
//! (and `clippy -D warnings` fails): no dead keys.

use bizkit_contract::Lang;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Text {
    pub cs: &'static str,
    pub en: &'static str,
}

impl Text {
    pub const fn new(cs: &'static str, en: &'static str) -> Self {
        Self { cs, en }
    }

    pub const fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Cs => self.cs,
            Lang::En => self.en,
        }
    }
}

/// What the tests of every text module check of its texts.
#[cfg(test)]
pub(crate) mod check {
    use super::Text;

    /// A `{}` in one language and not in the other would drop or leak the filled-in value.
    pub(crate) fn placeholders_agree(all: &[&Text]) {
        for t in all {
            assert_eq!(
                t.cs.matches("{}").count(),
                t.en.matches("{}").count(),
                "{t:?}"
            );
        }
    }

    /// Every `Text` constant of a module's `source` is in its `ALL` list, once, so the
    /// placeholder check sees every text.
    pub(crate) fn all_is_complete(source: &str, all: &[&Text]) {
        let declared: Vec<&str> = source
            .lines()
            .filter_map(|l| l.trim_start().strip_prefix("pub(crate) const "))
            .filter_map(|l| l.split_once(": Text ="))
            .map(|(name, _)| name)
            .collect();
        let listed: Vec<&str> = source
            .split_once("const ALL: &[&Text] = &[")
            .and_then(|(_, rest)| rest.split_once("];"))
            .map(|(list, _)| {
                list.split(',')
                    .map(|n| n.trim().trim_start_matches('&'))
                    .filter(|n| !n.is_empty())
                    .collect()
            })
            .unwrap_or_default();
        assert!(!declared.is_empty(), "no Text constants found");
        for name in &declared {
            assert_eq!(
                listed.iter().filter(|l| *l == name).count(),
                1,
                "{name} must be in ALL once"
            );
        }
        assert_eq!(declared.len(), listed.len(), "ALL lists a name twice");
        assert_eq!(all.len(), listed.len());
    }
}

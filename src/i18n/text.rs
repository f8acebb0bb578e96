//! One text in both languages, written side by side where it is defined:
//!
//! ```ignore
//! texts! { IMPORT_TITLE: "Import kontaktů", "Import contacts"; }
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

/// Declares a module's texts, each once with its Czech and English side by side, `ALL` (every one of
/// them) from the same list, and a test of `ALL`: every module that declares texts, a page's own or a
/// shared catalogue, is checked without anyone listing the modules. Once per module.
///
/// ```ignore
/// texts! {
///     /// A doc comment says where the text shows.
///     IMPORT_TITLE: "Import kontaktů", "Import contacts";
/// }
/// ```
macro_rules! texts {
    ($($(#[$doc:meta])* $name:ident: $cs:literal, $en:literal;)*) => {
        $($(#[$doc])* pub(crate) const $name: $crate::i18n::Text = $crate::i18n::Text::new($cs, $en);)*

        /// Every text of this module, for its test.
        #[cfg(test)]
        pub(crate) const ALL: &[&$crate::i18n::Text] = &[$(&$name),*];

        #[cfg(test)]
        mod texts_check {
            #[test]
            fn every_text_is_whole_in_both_languages() {
                $crate::i18n::text::check::whole(super::ALL);
            }
        }
    };
}
pub(crate) use texts;

/// What the test of every text module checks of its texts.
#[cfg(test)]
pub(crate) mod check {
    use super::Text;

    /// Both languages are there, without stray spaces, and a template has at most one `{}` (`fill`
    /// fills one), in both languages (else the filled-in value would be dropped or leak as `{}`).
    pub(crate) fn whole(all: &[&Text]) {
        assert!(!all.is_empty(), "a texts! table with no texts");
        for t in all {
            for s in [t.cs, t.en] {
                assert!(!s.is_empty(), "an empty text: {t:?}");
                assert!(s.matches("{}").count() <= 1, "more than one {{}}: {t:?}");
                assert_eq!(s, s.trim(), "spaces around a text: {t:?}");
            }
            assert_eq!(
                t.cs.matches("{}").count(),
                t.en.matches("{}").count(),
                "{t:?}"
            );
        }
    }
}

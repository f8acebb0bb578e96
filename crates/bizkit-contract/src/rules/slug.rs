//! Group slugs: `toSlug`.

use super::{parse_impls, string_newtype};
use crate::ErrorCode;

/// Longest slug, in characters (all ASCII).
pub const SLUG_MAX: usize = 64;

/// The ASCII letters for a non-ASCII letter: Latin-1 and Latin Extended-A (Czech, Slovak,
/// German, Polish, French, Hungarian, Nordic, Baltic, Turkish…) plus Romanian comma letters.
/// `Some("")` for a combining mark (decomposed input: the base letter is already out);
/// `None` for anything else, which then separates words.
fn transliterate(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{0300}'..='\u{036F}' => "",
        'À'..='Å' | 'à'..='å' | '\u{0100}'..='\u{0105}' => "a",
        'Æ' | 'æ' => "ae",
        'Ç' | 'ç' | '\u{0106}'..='\u{010D}' => "c",
        'Ð' | 'ð' | '\u{010E}'..='\u{0111}' => "d",
        'È'..='Ë' | 'è'..='ë' | '\u{0112}'..='\u{011B}' => "e",
        '\u{011C}'..='\u{0123}' => "g",
        '\u{0124}'..='\u{0127}' => "h",
        'Ì'..='Ï' | 'ì'..='ï' | '\u{0128}'..='\u{0131}' => "i",
        '\u{0132}' | '\u{0133}' => "ij",
        '\u{0134}' | '\u{0135}' => "j",
        '\u{0136}'..='\u{0138}' => "k",
        '\u{0139}'..='\u{0142}' => "l",
        'Ñ' | 'ñ' | '\u{0143}'..='\u{014B}' => "n",
        'Ò'..='Ö' | 'Ø' | 'ò'..='ö' | 'ø' | '\u{014C}'..='\u{0151}' => "o",
        '\u{0152}' | '\u{0153}' => "oe",
        '\u{0154}'..='\u{0159}' => "r",
        '\u{015A}'..='\u{0161}' | '\u{017F}' | '\u{0218}' | '\u{0219}' => "s",
        'ß' | '\u{1E9E}' => "ss",
        '\u{0162}'..='\u{0167}' | '\u{021A}' | '\u{021B}' => "t",
        'Þ' | 'þ' => "th",
        'Ù'..='Ü' | 'ù'..='ü' | '\u{0168}'..='\u{0173}' => "u",
        '\u{0174}' | '\u{0175}' => "w",
        'Ý' | 'ý' | 'ÿ' | '\u{0176}'..='\u{0178}' => "y",
        '\u{0179}'..='\u{017E}' => "z",
        _ => return None,
    })
}

/// `toSlug`: `+` becomes the word `plus` and `&` the word `and`, letters are transliterated to
/// ASCII and lower-cased, every run of other characters becomes one `-`, no `-` at either end,
/// at most 64 characters (cut, then trimmed of `-` again).
///
/// `příliš žluťoučký kůň` → `prilis-zlutoucky-kun`; `Joolz Aer+` → `joolz-aer-plus`.
pub fn to_slug(input: &str) -> String {
    let mut out = String::new();
    let mut pending_dash = false;
    let emit = |out: &mut String, pending: &mut bool, piece: &str| {
        if piece.is_empty() {
            return;
        }
        if *pending && !out.is_empty() {
            out.push('-');
        }
        *pending = false;
        out.push_str(piece);
    };
    for c in input.chars() {
        // The rest would be cut off anyway.
        if out.len() > SLUG_MAX {
            break;
        }
        let mut buf = [0u8; 4];
        match c {
            'a'..='z' | '0'..='9' => emit(&mut out, &mut pending_dash, c.encode_utf8(&mut buf)),
            'A'..='Z' => emit(
                &mut out,
                &mut pending_dash,
                c.to_ascii_lowercase().encode_utf8(&mut buf),
            ),
            '+' | '&' => {
                pending_dash = true;
                emit(
                    &mut out,
                    &mut pending_dash,
                    if c == '+' { "plus" } else { "and" },
                );
                pending_dash = true;
            }
            _ => match transliterate(c) {
                Some(piece) => emit(&mut out, &mut pending_dash, piece),
                None => pending_dash = true,
            },
        }
    }
    out.truncate(SLUG_MAX);
    let trimmed = out.trim_matches('-');
    if trimmed.len() == out.len() {
        out
    } else {
        trimmed.to_owned()
    }
}

/// A customer group slug: the result of [`to_slug`], never empty.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct GroupSlug(String);

string_newtype!(GroupSlug);
parse_impls!(GroupSlug);

impl GroupSlug {
    /// Makes a slug of any text; [`ErrorCode::GroupSlugEmpty`] when no letter or digit is left
    /// (also for empty input: a group is never optional where it is asked for).
    pub fn parse(input: &str) -> Result<GroupSlug, ErrorCode> {
        let slug = to_slug(input);
        if slug.is_empty() {
            Err(ErrorCode::GroupSlugEmpty)
        } else {
            Ok(GroupSlug(slug))
        }
    }
}

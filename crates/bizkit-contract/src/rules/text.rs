//! Names and free text.

use super::{
    is_combining_mark, is_forbidden_control, is_space, parse_impls, required, string_newtype,
};
use crate::ErrorCode;

/// Longest first or last name, in user-perceived characters.
pub const NAME_MAX: usize = 128;
/// Longest purchase order number, in characters.
pub const PURCHASE_ORDER_NUMBER_MAX: usize = 50;

/// Characters that never start a new user-perceived character: combining marks, variation
/// selectors, emoji skin-tone modifiers, the zero-width joiner and tag characters.
///
/// A compact stand-in for full grapheme segmentation (UAX #29), whose tables would cost the
/// wasm bundle tens of kilobytes for a limit that only guards against absurd input. It
/// counts Latin, Cyrillic, Greek and CJK names exactly; a few scripts with spacing vowel signs
/// (e.g. Devanagari) may count one or two more than a full segmenter would.
fn extends_previous(c: char) -> bool {
    is_combining_mark(c)
        || matches!(c,
            '\u{0483}'..='\u{0489}'
            | '\u{0591}'..='\u{05BD}'
            | '\u{0610}'..='\u{061A}'
            | '\u{064B}'..='\u{065F}'
            | '\u{0900}'..='\u{0903}'
            | '\u{093A}'..='\u{094F}'
            | '\u{200C}' | '\u{200D}'
            | '\u{302A}'..='\u{302F}'
            | '\u{3099}' | '\u{309A}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{1F3FB}'..='\u{1F3FF}'
            | '\u{E0020}'..='\u{E007F}'
            | '\u{E0100}'..='\u{E01EF}')
}

/// The number of user-perceived characters (see [`extends_previous`]); a character right after
/// a zero-width joiner joins the previous one too (emoji sequences).
pub(crate) fn perceived_len(s: &str) -> usize {
    let mut count = 0;
    let mut after_zwj = false;
    for c in s.chars() {
        if !(extends_previous(c) || after_zwj) || count == 0 {
            count += 1;
        }
        after_zwj = c == '\u{200D}';
    }
    count
}

/// Whitespace runs (newlines and tabs too) become one space; other control characters are
/// refused; the result is trimmed.
fn single_line(input: &str) -> Result<String, ErrorCode> {
    let mut out = String::with_capacity(input.len());
    let mut space = false;
    for c in input.chars() {
        if is_space(c) {
            space = true;
        } else if is_forbidden_control(c) {
            return Err(ErrorCode::TextControlCharacters);
        } else {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    Ok(out)
}

/// [`single_line`], and `REQUIRED` when nothing is left.
fn required_line(input: &str) -> Result<String, ErrorCode> {
    let s = single_line(input)?;
    if s.is_empty() {
        return Err(ErrorCode::Required);
    }
    Ok(s)
}

/// A first or last name: trimmed, inner whitespace collapsed to one space, no control
/// characters, at most 128 user-perceived characters.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PersonName(String);

string_newtype!(PersonName);
parse_impls!(PersonName);

impl PersonName {
    /// Parses a name.
    pub fn parse(input: &str) -> Result<PersonName, ErrorCode> {
        let s = required_line(input)?;
        if perceived_len(&s) > NAME_MAX {
            return Err(ErrorCode::NameTooLong);
        }
        Ok(PersonName(s))
    }
}

/// Free text: control characters other than newline refused (`\r\n` and a lone `\r` become
/// `\n`), trimmed, at most a given number of characters (Unicode scalar values).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FreeText(String);

string_newtype!(FreeText);

impl FreeText {
    /// Parses multi-line text of at most `max_chars` characters.
    pub fn parse(input: &str, max_chars: usize) -> Result<FreeText, ErrorCode> {
        let normalised = input.replace("\r\n", "\n").replace('\r', "\n");
        let s = required(&normalised)?;
        if s.chars().any(|c| c != '\n' && is_forbidden_control(c)) {
            return Err(ErrorCode::TextControlCharacters);
        }
        if s.chars().count() > max_chars {
            return Err(ErrorCode::TextTooLong);
        }
        Ok(FreeText(s.to_owned()))
    }

    /// Parses one-line text (a city, a street): every whitespace run, newlines included,
    /// becomes one space.
    pub fn parse_line(input: &str, max_chars: usize) -> Result<FreeText, ErrorCode> {
        let s = required_line(input)?;
        if s.chars().count() > max_chars {
            return Err(ErrorCode::TextTooLong);
        }
        Ok(FreeText(s))
    }
}

impl<'de> serde::Deserialize<'de> for FreeText {
    /// Stored text was checked when it was written; only the control-character rule is
    /// re-applied (the length limit belongs to the field, which is not known here).
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        FreeText::parse(&s, usize::MAX).map_err(|code| serde::de::Error::custom(code.as_str()))
    }
}

/// A purchase order number (organisation contacts of type 6, invoice): one line, trimmed,
/// at most 50 characters.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PurchaseOrderNumber(String);

string_newtype!(PurchaseOrderNumber);
parse_impls!(PurchaseOrderNumber);

impl PurchaseOrderNumber {
    /// Parses a purchase order number.
    pub fn parse(input: &str) -> Result<PurchaseOrderNumber, ErrorCode> {
        let s = required_line(input)?;
        if s.chars().count() > PURCHASE_ORDER_NUMBER_MAX {
            return Err(ErrorCode::PurchaseOrderNumberTooLong);
        }
        Ok(PurchaseOrderNumber(s))
    }
}

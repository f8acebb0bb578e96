//! E-mail addresses: the HTML "valid e-mail address" rule.

use super::{is_combining_mark, parse_impls, punycode, required, string_newtype};
use crate::ErrorCode;

/// Most characters an address may have (RFC 5321 path limit less the brackets).
pub(crate) const EMAIL_MAX: usize = 254;

/// An e-mail address in normal form: trimmed, the domain lower-cased and in its ASCII (`xn--`)
/// form; the local part exactly as typed (dots and `+tags` are meaningful to some providers).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Email(String);

string_newtype!(Email);
parse_impls!(Email);

fn is_local_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || ".!#$%&'*+/=?^_`{|}~-".contains(c)
}

/// WHATWG label rule: letters, digits and hyphens, 1–63 long, no hyphen at either end.
fn is_ascii_label(label: &str) -> bool {
    !label.is_empty()
        && label.len() <= 63
        && label
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        && !label.starts_with('-')
        && !label.ends_with('-')
}

/// One domain label in ASCII form, or `None` when it cannot be a label.
fn ascii_label(label: &str) -> Option<String> {
    if label.is_ascii() {
        return is_ascii_label(label).then(|| label.to_ascii_lowercase());
    }
    let lower = label.to_lowercase();
    // Some non-ASCII capitals lower-case to ASCII (KELVIN SIGN → k): then it is an ASCII label.
    if lower.is_ascii() {
        return is_ascii_label(&lower).then_some(lower);
    }
    if lower.starts_with('-')
        || lower.ends_with('-')
        || !lower
            .chars()
            .all(|c| c == '-' || c.is_alphanumeric() || is_combining_mark(c))
    {
        return None;
    }
    let encoded = format!("xn--{}", punycode::encode(&lower)?);
    is_ascii_label(&encoded).then_some(encoded)
}

impl Email {
    /// Parses an address; see the type's documentation for the normal form.
    pub fn parse(input: &str) -> Result<Email, ErrorCode> {
        let s = required(input)?;
        // Bounds the work below; anything this long fails the length rule anyway.
        if s.len() > 4 * EMAIL_MAX {
            return Err(ErrorCode::EmailTooLong);
        }
        let (local, domain) = s.split_once('@').ok_or(ErrorCode::EmailInvalid)?;
        if local.is_empty() || !local.chars().all(is_local_char) {
            return Err(ErrorCode::EmailInvalid);
        }
        let mut out = String::with_capacity(s.len() + 8);
        out.push_str(local);
        out.push('@');
        // Ideographic and full-width full stops separate labels too (IDNA mapping).
        for (i, label) in domain
            .split(['.', '\u{3002}', '\u{FF0E}', '\u{FF61}'])
            .enumerate()
        {
            if i > 0 {
                out.push('.');
            }
            out.push_str(&ascii_label(label).ok_or(ErrorCode::EmailInvalid)?);
        }
        if out.len() > EMAIL_MAX {
            return Err(ErrorCode::EmailTooLong);
        }
        Ok(Email(out))
    }

    /// The key for "is this address already taken": the whole normal form lower-cased.
    pub fn uniqueness_key(&self) -> String {
        self.0.to_ascii_lowercase()
    }

    /// The part before the `@`, as typed.
    pub fn local_part(&self) -> &str {
        self.0.split_once('@').map_or("", |(l, _)| l)
    }

    /// The domain in ASCII form.
    pub fn domain(&self) -> &str {
        self.0.split_once('@').map_or("", |(_, d)| d)
    }
}

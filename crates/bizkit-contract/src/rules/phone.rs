//! Phone numbers: `+<country calling code> <subscriber digits>`.

use super::{is_space, required, string_newtype};
use crate::ErrorCode;

/// Every country calling code ITU-T E.164 assigns (countries, shared and global services).
/// The set is prefix-free, so at most one entry matches the start of a number.
const CALLING_CODES: &[u16] = &[
    1, 7, 20, 27, 30, 31, 32, 33, 34, 36, 39, 40, 41, 43, 44, 45, 46, 47, 48, 49, 51, 52, 53, 54,
    55, 56, 57, 58, 60, 61, 62, 63, 64, 65, 66, 81, 82, 84, 86, 90, 91, 92, 93, 94, 95, 98, 211,
    212, 213, 216, 218, 220, 221, 222, 223, 224, 225, 226, 227, 228, 229, 230, 231, 232, 233, 234,
    235, 236, 237, 238, 239, 240, 241, 242, 243, 244, 245, 246, 247, 248, 249, 250, 251, 252, 253,
    254, 255, 256, 257, 258, 260, 261, 262, 263, 264, 265, 266, 267, 268, 269, 290, 291, 297, 298,
    299, 350, 351, 352, 353, 354, 355, 356, 357, 358, 359, 370, 371, 372, 373, 374, 375, 376, 377,
    378, 379, 380, 381, 382, 383, 385, 386, 387, 389, 420, 421, 423, 500, 501, 502, 503, 504, 505,
    506, 507, 508, 509, 590, 591, 592, 593, 594, 595, 596, 597, 598, 599, 670, 672, 673, 674, 675,
    676, 677, 678, 679, 680, 681, 682, 683, 685, 686, 687, 688, 689, 690, 691, 692, 800, 808, 850,
    852, 853, 855, 856, 870, 878, 880, 881, 882, 883, 886, 888, 960, 961, 962, 963, 964, 965, 966,
    967, 968, 970, 971, 972, 973, 974, 975, 976, 977, 979, 992, 993, 994, 995, 996, 998,
];

/// Every assigned country calling code, ascending (for a prefix picker).
pub fn calling_codes() -> &'static [u16] {
    CALLING_CODES
}

/// Digits after the calling code (national significant number) a number may have, and whether
/// the country dials a trunk `0` at home that the international form drops.
/// Codes not listed: at least 4 digits and at most 15 in all (E.164).
fn plan(code: u16) -> Option<(usize, usize, bool)> {
    Some(match code {
        420 => (9, 9, false),
        421 => (9, 9, true),
        1 => (10, 10, false),
        7 => (10, 10, false),
        20 => (8, 10, true),
        27 => (9, 9, true),
        30 => (10, 10, false),
        31 => (9, 9, true),
        32 => (8, 9, true),
        33 => (9, 9, true),
        34 => (9, 9, false),
        36 => (8, 9, false),
        // Italian numbers keep their leading 0 internationally.
        39 => (6, 11, false),
        40 => (9, 9, true),
        41 => (9, 9, true),
        43 => (4, 13, true),
        44 => (9, 10, true),
        45 => (8, 8, false),
        46 => (7, 13, true),
        47 => (8, 8, false),
        48 => (9, 9, false),
        49 => (6, 13, true),
        61 => (9, 9, true),
        64 => (8, 10, true),
        81 => (9, 10, true),
        86 => (10, 11, true),
        90 => (10, 10, true),
        91 => (10, 10, true),
        351 => (9, 9, false),
        352 => (4, 11, false),
        353 => (7, 9, true),
        354 => (7, 9, false),
        356 => (8, 8, false),
        357 => (8, 8, false),
        358 => (5, 12, true),
        359 => (8, 9, true),
        370 => (8, 8, false),
        371 => (8, 8, false),
        372 => (7, 8, false),
        380 => (9, 9, true),
        381 => (8, 10, true),
        385 => (8, 9, true),
        386 => (8, 8, true),
        423 => (7, 7, false),
        972 => (8, 9, true),
        _ => return None,
    })
}

fn digit_count(code: u16) -> usize {
    match code {
        0..=9 => 1,
        10..=99 => 2,
        _ => 3,
    }
}

/// The calling code at the start of `digits`, if any.
fn split_code(digits: &str) -> Result<(u16, &str), ErrorCode> {
    // No calling code starts with 0 ("01" must not read as +1).
    if digits.starts_with('0') {
        return Err(ErrorCode::PhoneUnknownPrefix);
    }
    for len in 1..=3.min(digits.len()) {
        if let Ok(code) = digits[..len].parse::<u16>()
            && CALLING_CODES.binary_search(&code).is_ok()
        {
            return Ok((code, &digits[len..]));
        }
    }
    // "+42" could still become +420: that is too short, not unknown.
    let could_grow = digits.len() < 3
        && CALLING_CODES
            .iter()
            .any(|c| c.to_string().starts_with(digits));
    Err(if could_grow || digits.is_empty() {
        ErrorCode::PhoneTooShort
    } else {
        ErrorCode::PhoneUnknownPrefix
    })
}

/// Checks the subscriber digits against the plan of `code`; drops a trunk `0` first.
fn fit(code: u16, subscriber: &str) -> Result<String, ErrorCode> {
    let (min, max, trunk_zero) = plan(code).unwrap_or((4, 15 - digit_count(code), false));
    // All leading zeros go, not just one, so that normalising twice equals normalising once.
    let subscriber = if trunk_zero {
        subscriber.trim_start_matches('0')
    } else {
        subscriber
    };
    if subscriber.len() < min {
        Err(ErrorCode::PhoneTooShort)
    } else if subscriber.len() > max {
        Err(ErrorCode::PhoneTooLong)
    } else {
        Ok(subscriber.to_owned())
    }
}

/// A phone number in normal form: `+420 777123456` (one space after the calling code).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Phone(String);

string_newtype!(Phone);

impl Phone {
    /// Parses a phone number written with spaces, dashes, dots, slashes or brackets, with a
    /// `+` or `00` international prefix, or without one: then `default_prefix` (the
    /// organisation's, e.g. `"+420"`) is used.
    pub fn parse(input: &str, default_prefix: &str) -> Result<Phone, ErrorCode> {
        let s = required(input)?;
        let mut digits = String::new();
        let mut plus = false;
        for c in s.chars() {
            if c.is_ascii_digit() {
                digits.push(c);
                // Bounds the work; no real number comes near this.
                if digits.len() > 32 {
                    return Err(ErrorCode::PhoneTooLong);
                }
            } else if c == '+' && !plus && digits.is_empty() {
                plus = true;
            } else if !(is_space(c) || matches!(c, '-' | '.' | '/' | '(' | ')' | '[' | ']')) {
                return Err(ErrorCode::PhoneInvalidCharacters);
            }
        }
        let international = if plus {
            Some(digits.as_str())
        } else {
            digits.strip_prefix("00")
        };
        let (code, subscriber) = match international {
            Some(rest) => {
                let (code, subscriber) = split_code(rest)?;
                (code, fit(code, subscriber)?)
            }
            None => {
                if digits.is_empty() {
                    return Err(ErrorCode::PhoneTooShort);
                }
                let code = default_code(default_prefix)?;
                match fit(code, &digits) {
                    Ok(subscriber) => (code, subscriber),
                    // "420 777 123 456" typed without the +: take the code the org uses anyway.
                    Err(ErrorCode::PhoneTooLong) => {
                        let own = code.to_string();
                        match digits
                            .strip_prefix(own.as_str())
                            .map(|rest| fit(code, rest))
                        {
                            Some(Ok(subscriber)) => (code, subscriber),
                            _ => return Err(ErrorCode::PhoneTooLong),
                        }
                    }
                    Err(e) => return Err(e),
                }
            }
        };
        Ok(Phone(format!("+{code} {subscriber}")))
    }

    /// The calling code's digits, e.g. `"420"`.
    pub fn calling_code(&self) -> &str {
        self.0
            .split_once(' ')
            .map_or("", |(c, _)| c.trim_start_matches('+'))
    }

    /// The subscriber digits, e.g. `"777123456"`.
    pub fn subscriber(&self) -> &str {
        self.0.split_once(' ').map_or("", |(_, s)| s)
    }

    /// The E.164 form without any space, e.g. `"+420777123456"` (for `tel:` links).
    pub fn e164(&self) -> String {
        self.0.replace(' ', "")
    }
}

/// The calling code of an organisation's default prefix (`"+420"`, `"420"`, `"00420"`).
fn default_code(prefix: &str) -> Result<u16, ErrorCode> {
    let p = prefix.trim();
    let p = p
        .strip_prefix('+')
        .or_else(|| p.strip_prefix("00"))
        .unwrap_or(p);
    if p.is_empty() || p.len() > 3 || !p.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ErrorCode::PhoneUnknownPrefix);
    }
    p.parse::<u16>()
        .ok()
        .filter(|c| CALLING_CODES.binary_search(c).is_ok())
        .ok_or(ErrorCode::PhoneUnknownPrefix)
}

impl<'de> serde::Deserialize<'de> for Phone {
    /// A stored phone is in normal form, which always carries its calling code.
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        Phone::parse(&s, "+420").map_err(|code| serde::de::Error::custom(code.as_str()))
    }
}

//! Czech company and tax identifiers: IČO and DIČ.

use super::{is_space, parse_impls, string_newtype};
use crate::ErrorCode;

/// An IČO (company registration number): 8 digits with a valid check digit, e.g. `05103118`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Ico(String);

string_newtype!(Ico);
parse_impls!(Ico);

/// The IČO check digit of the first 7 digits: (11 − Σ dᵢ·wᵢ mod 11) mod 10, weights 8..2.
fn ico_check_digit(first7: &[u8]) -> u8 {
    let sum: u32 = first7
        .iter()
        .zip((2..=8u32).rev())
        .map(|(d, w)| u32::from(d - b'0') * w)
        .sum();
    // Both `as` casts are on values < 11.
    ((11 - sum % 11) % 10) as u8
}

/// Whether 8 ASCII digits carry a valid IČO check digit.
fn ico_valid(digits: &[u8]) -> bool {
    digits.len() == 8 && ico_check_digit(&digits[..7]) == digits[7] - b'0'
}

impl Ico {
    /// Parses an IČO; shorter input is left-padded with zeros, spaces inside are ignored
    /// (`051 03 118`).
    pub fn parse(input: &str) -> Result<Ico, ErrorCode> {
        let digits: String = input.chars().filter(|c| !is_space(*c)).collect();
        if digits.is_empty() {
            return Err(ErrorCode::Required);
        }
        if !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(ErrorCode::IcoNotDigits);
        }
        if digits.len() > 8 {
            return Err(ErrorCode::IcoTooLong);
        }
        let padded = format!("{digits:0>8}");
        if !ico_valid(padded.as_bytes()) {
            return Err(ErrorCode::IcoChecksum);
        }
        Ok(Ico(padded))
    }
}

/// A Czech DIČ (tax identification number) in normal form: `CZ` and 8–10 digits, no spaces.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Dic(String);

string_newtype!(Dic);
parse_impls!(Dic);

/// What kind of taxpayer a DIČ belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DicKind {
    /// 8 digits: the IČO of a legal entity.
    LegalEntity,
    /// 9 or 10 digits: a person's birth number.
    BirthNumber,
    /// 9 digits starting with 6: a person without a Czech birth number.
    Special,
}

fn num(d: &[u8]) -> u32 {
    d.iter().fold(0, |acc, b| acc * 10 + u32::from(b - b'0'))
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        _ => 0,
    }
}

/// Whether the first 6 digits of a 9- or 10-digit birth number (`YYMMDD`) are a real date.
///
/// Months: 1–12 men, +50 women; since 2004, +20 (and +70 for women) once a day's serial
/// numbers ran out. Nine digits were issued until 1953 (years 1854–1953: `YY` 54–79 is
/// impossible); ten digits from 1954 (`YY` 54–99 → 19YY, 00–53 → 20YY).
fn birth_date_valid(d: &[u8]) -> bool {
    let yy = num(&d[0..2]);
    let mm = num(&d[2..4]);
    let dd = num(&d[4..6]);
    let year = if d.len() == 9 {
        match yy {
            0..=53 => 1900 + yy,
            80..=99 => 1800 + yy,
            _ => return false,
        }
    } else if yy >= 54 {
        1900 + yy
    } else {
        2000 + yy
    };
    let month = match mm {
        1..=12 => mm,
        51..=62 => mm - 50,
        21..=32 if year >= 2004 => mm - 20,
        71..=82 if year >= 2004 => mm - 70,
        _ => return false,
    };
    dd >= 1 && dd <= days_in_month(year, month)
}

/// Check digit of the special 9-digit DIČ `6XXXXXXXC` of a person without a birth number.
///
/// The algorithm of the EU VIES validation rules for CZ (also used by python-stdnum):
/// s = Σ dᵢ·wᵢ over digits 2–8 with weights 8..2; C = (8 − ((10 − s mod 11) mod 11)) mod 10.
fn special_check_digit(d: &[u8]) -> u8 {
    let sum: i32 = d[1..8]
        .iter()
        .zip((2..=8i32).rev())
        .map(|(b, w)| i32::from(b - b'0') * w)
        .sum();
    let c = (8 - (10 - sum % 11).rem_euclid(11)).rem_euclid(10);
    // c is in 0..10.
    c as u8
}

impl Dic {
    /// Parses a Czech DIČ. Lower case and spaces are accepted (`cz 051 03 118`); bare digits
    /// get the `CZ` prefix.
    pub fn parse(input: &str) -> Result<Dic, ErrorCode> {
        let compact: String = input
            .chars()
            .filter(|c| !is_space(*c))
            .map(|c| c.to_ascii_uppercase())
            .collect();
        if compact.is_empty() {
            return Err(ErrorCode::Required);
        }
        let digits = match compact.strip_prefix("CZ") {
            Some(rest) => rest,
            None if compact.starts_with(|c: char| c.is_ascii_digit()) => compact.as_str(),
            None => {
                return Err(if compact.starts_with(|c: char| c.is_ascii_alphabetic()) {
                    ErrorCode::DicPrefix
                } else {
                    ErrorCode::DicNotDigits
                });
            }
        };
        if !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(ErrorCode::DicNotDigits);
        }
        let d = digits.as_bytes();
        match d.len() {
            8 => {
                if !ico_valid(d) {
                    return Err(ErrorCode::DicChecksum);
                }
            }
            9 if d[0] == b'6' => {
                if special_check_digit(d) != d[8] - b'0' {
                    return Err(ErrorCode::DicChecksum);
                }
            }
            9 => {
                // Nine-digit birth numbers have no check digit: the date is all there is.
                if !birth_date_valid(d) {
                    return Err(ErrorCode::DicBirthDate);
                }
            }
            10 => {
                if !birth_date_valid(d) {
                    return Err(ErrorCode::DicBirthDate);
                }
                let first9 = u64::from(num(&d[..9]));
                // u8: the value is < 10.
                if (first9 % 11 % 10) as u8 != d[9] - b'0' {
                    return Err(ErrorCode::DicChecksum);
                }
            }
            _ => return Err(ErrorCode::DicLength),
        }
        Ok(Dic(format!("CZ{digits}")))
    }

    /// The digits after `CZ`.
    pub fn digits(&self) -> &str {
        self.0.get(2..).unwrap_or("")
    }

    /// Which kind of taxpayer the number belongs to.
    pub fn kind(&self) -> DicKind {
        let d = self.digits();
        match d.len() {
            8 => DicKind::LegalEntity,
            9 if d.starts_with('6') => DicKind::Special,
            _ => DicKind::BirthNumber,
        }
    }

    /// The IČO inside a legal entity's DIČ.
    pub fn ico(&self) -> Option<Ico> {
        (self.kind() == DicKind::LegalEntity)
            .then(|| Ico::parse(self.digits()).ok())
            .flatten()
    }
}

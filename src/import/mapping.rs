//! Which column of a file holds which contact field: guessed from the header in Czech or English
//! (with or without diacritics, any case), or from the values where the header says nothing, and
//! remembered per organisation by the normalised header.

use bizkit_contract::field;
use std::collections::BTreeMap;

use bizkit_contract::{Email, Ico, Phone, to_slug};
use serde::{Deserialize, Serialize};

/// A contact field a column can fill.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Target {
    Email,
    Phone,
    FirstName,
    LastName,
    Ico,
    Groups,
}

impl Target {
    pub const ALL: [Target; 6] = [
        Target::Email,
        Target::Phone,
        Target::FirstName,
        Target::LastName,
        Target::Ico,
        Target::Groups,
    ];

    /// The JSON field of `POST /bff/contact/create` it fills.
    pub const fn field(self) -> &'static str {
        match self {
            Target::Email => field::EMAIL,
            Target::Phone => field::PHONE,
            Target::FirstName => field::FIRST_NAME,
            Target::LastName => field::LAST_NAME,
            Target::Ico => field::COMPANY_REGISTRATION_NUMBER,
            Target::Groups => field::GROUP_LIST,
        }
    }

    /// The target a field error is about: `groupList[2].name` is the groups column.
    pub fn of_field(field: &str) -> Option<Target> {
        let base = field.split(['[', '.']).next().unwrap_or(field);
        Target::ALL.into_iter().find(|t| t.field() == base)
    }

    /// A stable short name, for `<option value>` and the remembered mapping.
    pub const fn key(self) -> &'static str {
        match self {
            Target::Email => field::EMAIL,
            Target::Phone => field::PHONE,
            Target::FirstName => field::FIRST_NAME,
            Target::LastName => field::LAST_NAME,
            Target::Ico => "ico",
            Target::Groups => "groups",
        }
    }

    pub fn from_key(key: &str) -> Option<Target> {
        Target::ALL.into_iter().find(|t| t.key() == key)
    }
}

/// Headers as people write them, normalised by [`header_key`] (no diacritics, lower-case, no
/// punctuation or spaces).
const HEADERS: &[(Target, &[&str])] = &[
    (
        Target::Email,
        &[
            "email",
            "mail",
            "emailovaadresa",
            "emailaddress",
            "adresaemail",
            "emailadresa",
        ],
    ),
    (
        Target::Phone,
        &[
            "telefon",
            "tel",
            "telefonnicislo",
            "cislotelefonu",
            "mobil",
            "mobilnitelefon",
            "phone",
            "phonenumber",
            "telephone",
            "mobile",
            "mobilephone",
            "cellphone",
        ],
    ),
    (
        Target::FirstName,
        &[
            "jmeno",
            "krestnijmeno",
            "firstname",
            "givenname",
            "forename",
            "first",
        ],
    ),
    (
        Target::LastName,
        &["prijmeni", "lastname", "surname", "familyname", "last"],
    ),
    (
        Target::Ico,
        &[
            "ico",
            "ic",
            "icofirmy",
            "identifikacnicislo",
            "companyid",
            "companyregistrationnumber",
            "registrationnumber",
            "crn",
            "businessid",
        ],
    ),
    (
        Target::Groups,
        &[
            "skupiny", "skupina", "stitky", "stitek", "tagy", "tag", "groups", "group", "tags",
            "labels", "segment", "segmenty",
        ],
    ),
];

/// A header made comparable: `E-mailová adresa` → `emailovaadresa`, `IČO` → `ico`.
pub fn header_key(header: &str) -> String {
    to_slug(header).chars().filter(|c| *c != '-').collect()
}

/// The field a header names, if it names one.
pub fn guess_header(header: &str) -> Option<Target> {
    let key = header_key(header);
    HEADERS
        .iter()
        .find(|(_, names)| names.contains(&key.as_str()))
        .map(|(t, _)| *t)
}

/// The field most values of a column are (at least half of the non-blank ones of the sample):
/// e-mails, phone numbers, IČOs. Names and groups cannot be told from their values.
pub fn guess_values<'a>(
    values: impl Iterator<Item = &'a str>,
    phone_prefix: &str,
) -> Option<Target> {
    let (mut given, mut email, mut phone, mut ico) = (0, 0, 0, 0);
    for v in values.filter(|v| !v.trim().is_empty()) {
        given += 1;
        email += usize::from(Email::parse(v).is_ok());
        // An IČO is 8 digits and never a valid Czech phone number; a phone is tried first only
        // for values that do not pass as an IČO.
        if Ico::parse(v).is_ok() && v.trim().len() >= 6 {
            ico += 1;
        } else if Phone::parse(v, phone_prefix).is_ok() {
            phone += 1;
        }
    }
    if given == 0 {
        return None;
    }
    [
        (email, Target::Email),
        (phone, Target::Phone),
        (ico, Target::Ico),
    ]
    .into_iter()
    .filter(|(n, _)| n * 2 >= given)
    .max_by_key(|(n, _)| *n)
    .map(|(_, t)| t)
}

/// Whether the first record is a header: no cell of it holds an e-mail or a phone number, and
/// either some cell names a field, or the next record does hold an e-mail or a phone number
/// (a header of names we do not know, over data).
pub fn looks_like_header(first: &[String], next: Option<&[String]>, phone_prefix: &str) -> bool {
    let data = |cells: &[String]| {
        cells
            .iter()
            .any(|c| Email::parse(c).is_ok() || Phone::parse(c, phone_prefix).is_ok())
    };
    if data(first) {
        return false;
    }
    first.iter().any(|c| guess_header(c).is_some()) || next.is_some_and(data)
}

/// A choice per column: `None` is "not imported".
pub type Mapping = Vec<Option<Target>>;

/// What the organisation chose before, by header key: a column it left out stays out.
pub type Remembered = BTreeMap<String, Option<Target>>;

/// The mapping for a file: what was remembered for a header, else what the header says, else
/// what the values say; each field for one column only (the first that claims it).
pub fn guess(
    headers: Option<&[String]>,
    columns: usize,
    sample: &[Vec<String>],
    remembered: &Remembered,
    phone_prefix: &str,
) -> Mapping {
    let mut mapping: Mapping = vec![None; columns];
    let mut decided = vec![false; columns];
    if let Some(headers) = headers {
        for (i, h) in headers.iter().enumerate().take(columns) {
            if let Some(choice) = remembered
                .get(&header_key(h))
                .filter(|_| !h.trim().is_empty())
            {
                mapping[i] = *choice;
                decided[i] = true;
            } else if let Some(t) = guess_header(h) {
                mapping[i] = Some(t);
                decided[i] = true;
            }
        }
    }
    for i in 0..columns {
        if !decided[i] {
            let values = sample.iter().filter_map(|r| r.get(i)).map(String::as_str);
            mapping[i] = guess_values(values, phone_prefix);
        }
    }
    unique(&mut mapping);
    mapping
}

/// Each field for one column: a later column claiming a field already taken is left out.
pub fn unique(mapping: &mut Mapping) {
    let mut seen = Vec::new();
    for choice in mapping.iter_mut() {
        if let Some(t) = *choice {
            if seen.contains(&t) {
                *choice = None;
            } else {
                seen.push(t);
            }
        }
    }
}

/// Sets column `column` to `choice`; a column that had the same field gives it up. Returns the
/// column that gave it up, so the page can say so.
pub fn choose(mapping: &mut Mapping, column: usize, choice: Option<Target>) -> Option<usize> {
    let mut moved = None;
    if let Some(t) = choice {
        for (i, c) in mapping.iter_mut().enumerate() {
            if i != column && *c == Some(t) {
                *c = None;
                moved = Some(i);
            }
        }
    }
    if let Some(c) = mapping.get_mut(column) {
        *c = choice;
    }
    moved
}

/// What to remember of a mapping: each named column's choice by its header key.
pub fn remember(remembered: &mut Remembered, headers: &[String], mapping: &Mapping) {
    for (h, choice) in headers.iter().zip(mapping) {
        if !h.trim().is_empty() {
            remembered.insert(header_key(h), *choice);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| (*x).to_owned()).collect()
    }

    #[test]
    fn czech_and_english_headers_with_or_without_diacritics() {
        for (header, target) in [
            ("E-mail", Target::Email),
            ("EMAIL", Target::Email),
            ("e-mailová adresa", Target::Email),
            ("Telefon", Target::Phone),
            ("Tel.", Target::Phone),
            ("Mobile phone", Target::Phone),
            ("IČO", Target::Ico),
            ("ICO", Target::Ico),
            ("IČ", Target::Ico),
            ("Jméno", Target::FirstName),
            ("JMENO", Target::FirstName),
            ("First name", Target::FirstName),
            ("Příjmení", Target::LastName),
            ("prijmeni", Target::LastName),
            ("Surname", Target::LastName),
            ("Skupiny", Target::Groups),
            ("Štítky", Target::Groups),
            ("Tags", Target::Groups),
        ] {
            assert_eq!(guess_header(header), Some(target), "{header}");
        }
        for other in ["Poznámka", "Note", "", "  ", "Datum narození", "Firma"] {
            assert_eq!(guess_header(other), None, "{other}");
        }
    }

    #[test]
    fn values_tell_what_a_headerless_column_is() {
        let col = |v: &[&str]| guess_values(v.iter().copied(), "+420");
        assert_eq!(
            col(&["jan@firma.cz", "eva@x.cz", "oops", ""]),
            Some(Target::Email)
        );
        assert_eq!(
            col(&["777 123 456", "+420 608123456", ""]),
            Some(Target::Phone)
        );
        assert_eq!(col(&["05103118", "27082440"]), Some(Target::Ico));
        assert_eq!(col(&["Jan", "Eva"]), None);
        assert_eq!(col(&["", " "]), None);
    }

    #[test]
    fn header_or_data() {
        let h = |first: &[&str], next: Option<&[&str]>| {
            let next = next.map(s);
            looks_like_header(&s(first), next.as_deref(), "+420")
        };
        assert!(h(&["Jméno", "E-mail"], None));
        assert!(!h(&["Jan", "jan@firma.cz"], Some(&["Eva", "eva@firma.cz"])));
        assert!(!h(&["Jan", "777 123 456"], None));
        assert!(!h(&["a", "b"], Some(&["c", "d"])));
        // Headers we do not know, over contact data: still a header.
        assert!(h(&["Kdo", "Kam psát"], Some(&["Jan", "jan@firma.cz"])));
    }

    #[test]
    fn guess_remembers_and_keeps_each_field_once() {
        let headers = s(&["E-mail", "Telefon", "Mail", "Poznámka", ""]);
        let sample = vec![s(&["a@b.cz", "777123456", "c@d.cz", "x", "05103118"])];
        let mut remembered = Remembered::new();
        let m = guess(Some(&headers), 5, &sample, &remembered, "+420");
        assert_eq!(
            m,
            vec![
                Some(Target::Email),
                Some(Target::Phone),
                None,
                None,
                Some(Target::Ico)
            ]
        );
        // The person maps "Poznámka" to the first name and leaves "Telefon" out: remembered.
        let mut m = m;
        choose(&mut m, 3, Some(Target::FirstName));
        choose(&mut m, 1, None);
        remember(&mut remembered, &headers, &m);
        let again = guess(Some(&headers), 5, &sample, &remembered, "+420");
        assert_eq!(again[1], None, "left out stays out");
        assert_eq!(again[3], Some(Target::FirstName));
        // Remembered by header, whatever its case or diacritics, in another column order.
        let other = s(&["poznamka", "TELEFON"]);
        let m = guess(Some(&other), 2, &[], &remembered, "+420");
        assert_eq!(m, vec![Some(Target::FirstName), None]);
    }

    #[test]
    fn choosing_a_taken_field_moves_it() {
        let mut m = vec![Some(Target::Email), None, Some(Target::Phone)];
        assert_eq!(choose(&mut m, 1, Some(Target::Email)), Some(0));
        assert_eq!(m, vec![None, Some(Target::Email), Some(Target::Phone)]);
        assert_eq!(choose(&mut m, 2, None), None);
        assert_eq!(
            choose(&mut m, 9, Some(Target::Ico)),
            None,
            "out of range is harmless"
        );
        assert_eq!(Target::of_field("groupList[2].name"), Some(Target::Groups));
        assert_eq!(Target::of_field("sendRegistrationInvite"), None);
        for t in Target::ALL {
            assert_eq!(Target::from_key(t.key()), Some(t));
        }
    }
}

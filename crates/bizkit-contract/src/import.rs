//! What a spreadsheet row needs to become a contact-create request, besides the request's own
//! `parse`: the groups of one cell, the normal form as a request again, and the key rows are
//! compared by to find the same contact twice in one file.
//!
//! The import page checks every row with [`ContactCreateRequest::parse`], the very code the form
//! and the server run; nothing here is a second copy of a rule.

use crate::api::{ContactCreateRequest, GroupListItem, ValidContactCreate, normal_text};

/// The characters that separate group names in one cell: `VIP, Zahradní klub`, `vip; b2b`,
/// `a | b`, or one per line (a cell with line breaks, as spreadsheets export them).
pub const GROUP_SEPARATORS: [char; 4] = [',', ';', '|', '\n'];

/// The groups named in one cell, each as a new or existing group by name (the server and
/// `parse` make its slug): blanks dropped, order kept. A cell of blanks names no group.
pub fn groups_from_cell(cell: &str) -> Vec<GroupListItem> {
    cell.split(GROUP_SEPARATORS)
        .map(str::trim)
        .filter(|name| !name.is_empty())
        .map(|name| GroupListItem {
            slug: None,
            name: Some(name.to_owned()),
            color: None,
        })
        .collect()
}

impl From<&ValidContactCreate> for ContactCreateRequest {
    /// The normal form as a request: parsing it gives the same valid value again, so what a
    /// table shows as "will be saved as" is exactly what the server stores.
    fn from(v: &ValidContactCreate) -> Self {
        ContactCreateRequest {
            email: normal_text(&v.email),
            first_name: normal_text(&v.first_name),
            last_name: normal_text(&v.last_name),
            phone: normal_text(&v.phone),
            company_registration_number: normal_text(&v.company_registration_number),
            send_registration_invite: Some(v.send_registration_invite),
            ignore_bulk_mail: Some(v.ignore_bulk_mail),
            group_list: v
                .group_list
                .iter()
                .map(|g| GroupListItem {
                    slug: Some(g.slug.as_str().to_owned()),
                    name: Some(g.name.as_str().to_owned()),
                    color: g.color.as_ref().map(|c| c.as_str().to_owned()),
                })
                .collect(),
        }
    }
}

/// Which field a duplicate is reported on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DuplicateField {
    /// Rows with an e-mail are the same contact when their e-mails are (the server's rule: one
    /// contact per e-mail and organisation, compared fully lower-cased).
    Email,
    /// Rows without an e-mail are the same contact when their phone numbers are, in normal form.
    Phone,
}

impl DuplicateField {
    /// The JSON name of the field, as in [`crate::FieldError::field`].
    pub const fn field(self) -> &'static str {
        match self {
            DuplicateField::Email => "email",
            DuplicateField::Phone => "phone",
        }
    }
}

impl ValidContactCreate {
    /// The key two rows of one import are compared by: the e-mail's uniqueness key, or for a
    /// phone-only contact its phone in normal form. Two rows with the same key would create the
    /// same contact twice (or the second would be refused with `EMAIL_TAKEN`).
    pub fn duplicate_key(&self) -> Option<(DuplicateField, String)> {
        match (&self.email, &self.phone) {
            (Some(e), _) => Some((DuplicateField::Email, e.uniqueness_key())),
            (None, Some(p)) => Some((DuplicateField::Phone, p.as_str().to_owned())),
            (None, None) => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::OrgRules;

    fn names(cell: &str) -> Vec<String> {
        groups_from_cell(cell)
            .into_iter()
            .filter_map(|g| g.name)
            .collect()
    }

    #[test]
    fn groups_of_a_cell() {
        assert_eq!(names("VIP, Zahradní klub"), ["VIP", "Zahradní klub"]);
        assert_eq!(
            names("vip;b2b | Q1 & Q2\nnew"),
            ["vip", "b2b", "Q1 & Q2", "new"]
        );
        assert!(names("").is_empty());
        assert!(names(" , ;\n| ").is_empty());
    }

    #[test]
    fn normal_form_request_parses_to_itself() {
        let raw = ContactCreateRequest {
            email: Some("  Jana.Nova+crm@Příklad.CZ ".into()),
            phone: Some("777 123 456".into()),
            first_name: Some("  Jana   Marie ".into()),
            last_name: Some("Nová".into()),
            company_registration_number: Some("5103118".into()),
            group_list: groups_from_cell("VIP, vip, Zahradní klub"),
            ..Default::default()
        };
        let org = OrgRules::default();
        let valid = raw.parse(&org).unwrap();
        let normal = ContactCreateRequest::from(&valid);
        assert_eq!(
            normal.email.as_deref(),
            Some("Jana.Nova+crm@xn--pklad-zsa96e.cz")
        );
        assert_eq!(normal.phone.as_deref(), Some("+420 777123456"));
        assert_eq!(normal.first_name.as_deref(), Some("Jana Marie"));
        assert_eq!(
            normal.company_registration_number.as_deref(),
            Some("05103118")
        );
        assert_eq!(normal.group_list.len(), 2, "vip once: slugs are unique");
        assert_eq!(normal.parse(&org).unwrap(), valid);
    }

    #[test]
    fn duplicate_keys() {
        let org = OrgRules::default();
        let key = |email: Option<&str>, phone: Option<&str>| {
            ContactCreateRequest {
                email: email.map(str::to_owned),
                phone: phone.map(str::to_owned),
                ..Default::default()
            }
            .parse(&org)
            .unwrap()
            .duplicate_key()
        };
        assert_eq!(
            key(Some("Jan@Firma.cz"), Some("777123456")),
            key(Some("jan@firma.CZ"), None)
        );
        assert_eq!(
            key(None, Some("777 123 456")),
            Some((DuplicateField::Phone, "+420 777123456".to_owned()))
        );
        assert_ne!(
            key(None, Some("777 123 456")),
            key(None, Some("777 123 457"))
        );
        assert_eq!(DuplicateField::Email.field(), "email");
    }
}

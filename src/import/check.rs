//! One row's check: the request its cells make under a mapping, checked with the contract's
//! `ContactCreateRequest::parse` (the code the form and the server run), with the normal forms
//! the table shows. A function of the cells alone; `rows` keeps the checks and links the rows
//! that are the same contact.

use bizkit_contract::{
    ContactCreateRequest, DuplicateField, ErrorCode, OrgRules, ValidContactCreate, groups_from_cell,
};

use super::mapping::{Mapping, Target};

/// A row's check, derived from its cells and the mapping (never stored).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Check {
    /// The normal form of each mapped field, by [`Target`] order.
    pub normal: [Option<String>; 6],
    /// Every violated rule: on a column, or on the row where no column holds the field.
    pub errors: Vec<(Option<Target>, ErrorCode)>,
    /// The earlier row with the same contact.
    pub duplicate_of: Option<u32>,
    /// What makes two rows the same contact; `Import::link` compares it across rows.
    pub(super) key: Option<(DuplicateField, String)>,
}

impl Check {
    pub fn ok(&self) -> bool {
        self.errors.is_empty() && self.duplicate_of.is_none()
    }

    /// The error codes of a column, the duplicate included.
    pub fn errors_of(&self, target: Target) -> Vec<ErrorCode> {
        let mut codes: Vec<ErrorCode> = self
            .errors
            .iter()
            .filter(|(t, _)| *t == Some(target))
            .map(|(_, c)| *c)
            .collect();
        if self.duplicate_of.is_some()
            && let Some((field, _)) = &self.key
            && Target::of_field(field.field()) == Some(target)
        {
            codes.push(ErrorCode::DuplicateInFile);
        }
        codes
    }
}

/// The request a row's cells make under a mapping, exactly as it is sent.
pub fn request(cells: &[String], mapping: &Mapping) -> ContactCreateRequest {
    let get = |t: Target| {
        mapping
            .iter()
            .position(|m| *m == Some(t))
            .and_then(|i| cells.get(i))
            .filter(|v| !v.trim().is_empty())
            .cloned()
    };
    ContactCreateRequest {
        email: get(Target::Email),
        phone: get(Target::Phone),
        first_name: get(Target::FirstName),
        last_name: get(Target::LastName),
        company_registration_number: get(Target::Ico),
        group_list: get(Target::Groups)
            .map(|g| groups_from_cell(&g))
            .unwrap_or_default(),
        ..Default::default()
    }
}

fn normal_forms(v: &ValidContactCreate) -> [Option<String>; 6] {
    let s = |x: Option<&str>| x.map(str::to_owned);
    let groups = v
        .group_list
        .iter()
        .map(|g| g.slug.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    [
        s(v.email.as_ref().map(|e| e.as_str())),
        s(v.phone.as_ref().map(|e| e.as_str())),
        s(v.first_name.as_ref().map(|e| e.as_str())),
        s(v.last_name.as_ref().map(|e| e.as_str())),
        s(v.company_registration_number.as_ref().map(|e| e.as_str())),
        (!groups.is_empty()).then_some(groups),
    ]
}

/// Checks one row's cells with the contract's `parse`.
pub fn check(cells: &[String], mapping: &Mapping, org: &OrgRules) -> Check {
    match request(cells, mapping).parse(org) {
        Ok(valid) => Check {
            normal: normal_forms(&valid),
            errors: Vec::new(),
            duplicate_of: None,
            key: valid.duplicate_key(),
        },
        Err(errors) => {
            let mut out: Vec<(Option<Target>, ErrorCode)> = Vec::new();
            for e in errors {
                let target = Target::of_field(&e.field).filter(|t| mapping.contains(&Some(*t)));
                // "E-mail or phone" is said on both fields; where only one is a column, once.
                if !out.contains(&(target, e.code)) {
                    out.push((target, e.code));
                }
            }
            Check {
                errors: out,
                ..Check::default()
            }
        }
    }
}

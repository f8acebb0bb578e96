//! The import: the file's records, the column mapping, and per row its cells as edited, whether
//! it is skipped, its `Idempotency-Key` and what the server said. Every row is checked with the
//! contract's `ContactCreateRequest::parse` (the code the form and the server run) and compared
//! with the earlier rows for the same contact twice. All of it is kept in the draft, so a reload
//! or a crash resumes where the import stopped.

use std::collections::HashMap;

use bizkit_contract::{DuplicateField, OrgRules};
use serde::{Deserialize, Serialize};

use super::check::{Check, check};
use super::decode::SourceEncoding;
use super::mapping::{Mapping, Target};

/// What the server said about a row it refused.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Failure {
    #[serde(rename = "c", default)]
    pub code: Option<String>,
    #[serde(rename = "m", default)]
    pub message: String,
    /// Field errors the server named: (JSON field, code, message).
    #[serde(rename = "f", default)]
    pub fields: Vec<(String, String, String)>,
    /// An `EMAIL_TAKEN` for a row whose earlier send got no answer: the contact may well be the
    /// one this import created then (the server may have stopped before it stored its answer).
    #[serde(rename = "a", default)]
    pub after_unknown: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum RowState {
    /// Not sent yet, or changed since the server refused it.
    #[serde(rename = "n")]
    New,
    /// Sent without an answer: the next send uses the same key, so the server replays instead of
    /// creating it again.
    #[serde(rename = "u")]
    Unknown,
    #[serde(rename = "c")]
    Created(String),
    #[serde(rename = "f")]
    Failed(Failure),
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Row {
    /// The row's number in the file, as a spreadsheet numbers it (the header is row 1).
    #[serde(rename = "l")]
    pub line: u32,
    #[serde(rename = "v")]
    pub cells: Vec<String>,
    #[serde(rename = "s", default)]
    pub skipped: bool,
    #[serde(rename = "k")]
    pub key: String,
    #[serde(rename = "t")]
    pub state: RowState,
}

impl Row {
    /// Sent and answered or possibly done: its cells are what the server has, so they stay.
    pub fn locked(&self) -> bool {
        matches!(self.state, RowState::Created(_) | RowState::Unknown)
    }
}

/// Counts for the progress bar and the summary.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub rows: usize,
    pub skipped: usize,
    /// Rows with errors (not skipped, not sent): to fix or skip before sending.
    pub invalid: usize,
    /// Valid rows not sent yet, or sent without an answer: what a send would still send.
    pub left: usize,
    pub created: usize,
    pub failed: usize,
}

impl Counts {
    /// Rows the server answered.
    pub fn sent(&self) -> usize {
        self.created + self.failed
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Import {
    #[serde(rename = "name", default)]
    pub file_name: String,
    #[serde(rename = "enc")]
    pub encoding: SourceEncoding,
    #[serde(rename = "delim")]
    pub delimiter: u8,
    /// Whether the first record names the columns (then it is no row to import).
    #[serde(rename = "header")]
    pub has_header: bool,
    pub columns: usize,
    pub mapping: Mapping,
    /// Every record of the file, the first one included.
    pub rows: Vec<Row>,
    /// Whether a send ever started: the mapping and the header choice are then fixed.
    #[serde(default)]
    pub started: bool,
    #[serde(skip)]
    pub checks: Vec<Check>,
}

impl Import {
    /// An import of `records` (blank records already left out), each row with a fresh key.
    pub fn new(
        file_name: String,
        encoding: SourceEncoding,
        delimiter: u8,
        records: Vec<(u32, Vec<String>)>,
        mut new_key: impl FnMut() -> String,
    ) -> Self {
        let columns = records.iter().map(|(_, r)| r.len()).max().unwrap_or(0);
        let rows = records
            .into_iter()
            .map(|(line, mut cells)| {
                cells.resize(columns, String::new());
                Row {
                    line,
                    cells,
                    skipped: false,
                    key: new_key(),
                    state: RowState::New,
                }
            })
            .collect();
        Import {
            file_name,
            encoding,
            delimiter,
            has_header: false,
            columns,
            mapping: vec![None; columns],
            rows,
            started: false,
            checks: Vec::new(),
        }
    }

    /// The header cells, if the first record is the header.
    pub fn header(&self) -> Option<&[String]> {
        self.has_header
            .then(|| self.rows.first().map(|r| r.cells.as_slice()))
            .flatten()
    }

    /// What a column is called on screen: its header, or "column N" where it has none.
    pub fn column_name(&self, column: usize) -> Option<&str> {
        self.header()
            .and_then(|h| h.get(column))
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
    }

    /// The index of the first row to import (past the header).
    pub fn first_data(&self) -> usize {
        usize::from(self.has_header).min(self.rows.len())
    }

    /// The column a field comes from.
    pub fn column_of(&self, target: Target) -> Option<usize> {
        self.mapping.iter().position(|m| *m == Some(target))
    }

    /// Checks rows `from..to` (the page does it a slice at a time), then call [`Import::link`].
    pub fn check_range(&mut self, from: usize, to: usize, org: &OrgRules) {
        self.checks.resize(self.rows.len(), Check::default());
        let to = to.min(self.rows.len());
        for i in from..to {
            self.checks[i] = check(&self.rows[i].cells, &self.mapping, org);
        }
    }

    /// Checks every row at once (tests, a re-check after a mapping change on a small file).
    pub fn check_all(&mut self, org: &OrgRules) {
        self.check_range(0, self.rows.len(), org);
        self.link();
    }

    /// Marks every row that is the same contact as an earlier one (skipped rows do not count:
    /// skipping one of two is how a duplicate is resolved).
    pub fn link(&mut self) {
        self.checks.resize(self.rows.len(), Check::default());
        let mut first: HashMap<&(DuplicateField, String), u32> = HashMap::new();
        let start = self.first_data();
        let mut duplicates = vec![None; self.rows.len()];
        for (i, (row, check)) in self.rows.iter().zip(&self.checks).enumerate().skip(start) {
            if row.skipped {
                continue;
            }
            if let Some(key) = &check.key {
                match first.get(key) {
                    Some(line) => duplicates[i] = Some(*line),
                    None => {
                        first.insert(key, row.line);
                    }
                }
            }
        }
        for (check, dup) in self.checks.iter_mut().zip(duplicates) {
            check.duplicate_of = dup;
        }
    }

    /// Changes a cell; a locked row keeps its cells. A changed row needs a new key (the old one
    /// is bound to the old body) and is not "failed" any more.
    pub fn set_cell(
        &mut self,
        row: usize,
        column: usize,
        value: String,
        org: &OrgRules,
        new_key: impl FnOnce() -> String,
    ) -> bool {
        let Some(r) = self.rows.get_mut(row) else {
            return false;
        };
        if r.locked() || r.cells.get(column) == Some(&value) {
            return false;
        }
        if let Some(c) = r.cells.get_mut(column) {
            *c = value;
        }
        r.key = new_key();
        r.state = RowState::New;
        self.checks.resize(self.rows.len(), Check::default());
        self.checks[row] = check(&self.rows[row].cells, &self.mapping, org);
        self.link();
        true
    }

    /// Skips a row or takes it back; a locked row cannot be skipped.
    pub fn set_skipped(&mut self, row: usize, skipped: bool) -> bool {
        match self.rows.get_mut(row) {
            Some(r) if !r.locked() && r.skipped != skipped => {
                r.skipped = skipped;
                self.link();
                true
            }
            _ => false,
        }
    }

    /// Skips every row that has errors and was not sent; returns how many.
    pub fn skip_invalid(&mut self) -> usize {
        let start = self.first_data();
        let mut n = 0;
        for (row, check) in self.rows.iter_mut().zip(&self.checks).skip(start) {
            if !row.skipped && !row.locked() && !check.ok() {
                row.skipped = true;
                n += 1;
            }
        }
        self.link();
        n
    }

    /// Whether a row would be sent now.
    pub fn sendable(&self, i: usize) -> bool {
        i >= self.first_data()
            && self
                .rows
                .get(i)
                .is_some_and(|r| !r.skipped && matches!(r.state, RowState::New | RowState::Unknown))
            && self.checks.get(i).is_some_and(Check::ok)
    }

    /// The first row at or after `from` that would be sent.
    pub fn next_sendable(&self, from: usize) -> Option<usize> {
        (from.max(self.first_data())..self.rows.len()).find(|&i| self.sendable(i))
    }

    pub fn counts(&self) -> Counts {
        let mut c = Counts::default();
        for (i, row) in self.rows.iter().enumerate().skip(self.first_data()) {
            c.rows += 1;
            match &row.state {
                RowState::Created(_) => c.created += 1,
                RowState::Failed(_) if !row.skipped => c.failed += 1,
                _ if row.skipped => c.skipped += 1,
                _ if !self.checks.get(i).is_some_and(Check::ok) => c.invalid += 1,
                _ => c.left += 1,
            }
        }
        c
    }

    /// The first row with errors that was neither skipped nor sent.
    pub fn first_invalid(&self) -> Option<usize> {
        (self.first_data()..self.rows.len()).find(|&i| {
            let r = &self.rows[i];
            !r.skipped && !r.locked() && !self.checks.get(i).is_some_and(Check::ok)
        })
    }

    /// The rows the server refused, for the CSV to download: a header of the file's own column
    /// names (plus the row number and the messages), then each failed row as it was sent.
    pub fn failed_rows(
        &self,
        row_label: &str,
        message_label: &str,
        message: impl Fn(&Failure) -> String,
    ) -> Vec<Vec<String>> {
        let mut out = Vec::new();
        let mut head = vec![row_label.to_owned()];
        head.extend((0..self.columns).map(|c| {
            self.column_name(c)
                .map(str::to_owned)
                .unwrap_or_else(|| format!("{}", c + 1))
        }));
        head.push(message_label.to_owned());
        out.push(head);
        for row in self.rows.iter().skip(self.first_data()) {
            if let RowState::Failed(f) = &row.state
                && !row.skipped
            {
                let mut line = vec![row.line.to_string()];
                line.extend(row.cells.iter().cloned());
                line.push(message(f));
                out.push(line);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use bizkit_contract::ErrorCode;

    use super::*;
    use crate::import::check::request;
    use crate::import::mapping::Target as T;

    fn import(rows: &[&[&str]]) -> Import {
        let mut n = 0;
        let records = rows
            .iter()
            .enumerate()
            .map(|(i, r)| (i as u32 + 1, r.iter().map(|c| (*c).to_owned()).collect()))
            .collect();
        let mut imp = Import::new("t.csv".into(), SourceEncoding::Utf8, b';', records, || {
            n += 1;
            format!("key-{n}")
        });
        imp.has_header = true;
        imp.mapping = vec![
            Some(T::Email),
            Some(T::Phone),
            Some(T::FirstName),
            Some(T::Groups),
        ];
        imp.check_all(&OrgRules::default());
        imp
    }

    #[test]
    fn rows_are_checked_by_the_contract() {
        let imp = import(&[
            &["E-mail", "Telefon", "Jméno", "Skupiny"],
            &[
                " Jana@Firma.CZ ",
                "777 123 456",
                " Jana ",
                "VIP, Zahradní klub",
            ],
            &["not-an-email", "12", "", ""],
            &["", "", "Nikdo", ""],
            &["x@y.cz"],
        ]);
        assert_eq!(imp.rows[4].cells.len(), 4, "short records are padded");
        let good = &imp.checks[1];
        assert!(good.ok());
        assert_eq!(good.normal[0].as_deref(), Some("Jana@firma.cz"));
        assert_eq!(good.normal[1].as_deref(), Some("+420 777123456"));
        assert_eq!(good.normal[2].as_deref(), Some("Jana"));
        assert_eq!(good.normal[5].as_deref(), Some("vip, zahradni-klub"));
        let bad = &imp.checks[2];
        assert_eq!(bad.errors_of(T::Email), vec![ErrorCode::EmailInvalid]);
        assert_eq!(bad.errors_of(T::Phone), vec![ErrorCode::PhoneTooShort]);
        assert_eq!(
            imp.checks[3].errors_of(T::Email),
            vec![ErrorCode::EmailOrPhoneRequired]
        );
        assert_eq!(
            imp.counts(),
            Counts {
                rows: 4,
                invalid: 2,
                left: 2,
                ..Counts::default()
            }
        );
        // The request is what the form would send for the same values.
        let req = request(&imp.rows[1].cells, &imp.mapping);
        assert_eq!(req.email.as_deref(), Some(" Jana@Firma.CZ "));
        assert_eq!(req.group_list.len(), 2);
    }

    #[test]
    fn an_error_of_a_field_with_no_column_is_on_the_row() {
        let mut imp = import(&[&["Jméno"], &["Jan"]]);
        imp.mapping = vec![Some(T::FirstName)];
        imp.check_all(&OrgRules::default());
        assert_eq!(
            imp.checks[1].errors,
            vec![(None, ErrorCode::EmailOrPhoneRequired)]
        );
    }

    #[test]
    fn duplicates_within_the_file_are_shown_not_dropped() {
        let mut imp = import(&[
            &["E-mail", "Telefon", "Jméno", "Skupiny"],
            &["jan@firma.cz", "", "Jan", ""],
            &["JAN@firma.cz", "777123456", "Jan st.", ""],
            &["", "777 123 456", "", ""],
            &["", "+420 777123456", "", ""],
        ]);
        assert_eq!(imp.checks[2].duplicate_of, Some(2));
        assert_eq!(
            imp.checks[2].errors_of(T::Email),
            vec![ErrorCode::DuplicateInFile]
        );
        assert_eq!(
            imp.checks[4].duplicate_of,
            Some(4),
            "phone-only rows by phone"
        );
        assert_eq!(
            imp.checks[4].errors_of(T::Phone),
            vec![ErrorCode::DuplicateInFile]
        );
        assert_eq!(imp.counts().invalid, 2);
        // Skipping the first makes the second the only one.
        assert!(imp.set_skipped(1, true));
        assert_eq!(imp.checks[2].duplicate_of, None);
        // Fixing the other duplicate in place.
        let org = OrgRules::default();
        assert!(imp.set_cell(4, 1, "608 111 222".into(), &org, || "new".into()));
        assert!(imp.checks[4].ok());
        assert_eq!(imp.rows[4].key, "new", "a changed body gets a new key");
        assert_eq!(
            imp.counts(),
            Counts {
                rows: 4,
                skipped: 1,
                left: 3,
                ..Counts::default()
            }
        );
    }

    #[test]
    fn sent_rows_are_locked_and_failed_rows_can_be_fixed() {
        let org = OrgRules::default();
        let mut imp = import(&[
            &["E-mail", "Telefon", "Jméno", "Skupiny"],
            &["a@firma.cz", "", "", ""],
            &["b@firma.cz", "", "", ""],
            &["c@firma.cz", "", "", ""],
        ]);
        imp.rows[1].state = RowState::Created("c1".into());
        imp.rows[2].state = RowState::Unknown;
        imp.rows[3].state = RowState::Failed(Failure {
            code: Some("EMAIL_TAKEN".into()),
            message: String::new(),
            fields: vec![],
            after_unknown: false,
        });
        assert!(!imp.set_cell(1, 0, "z@firma.cz".into(), &org, || "k".into()));
        assert!(!imp.set_skipped(2, true));
        assert_eq!(
            imp.next_sendable(0),
            Some(2),
            "the unknown one is sent again, same key"
        );
        assert_eq!(imp.rows[2].key, "key-3");
        assert_eq!(
            imp.counts(),
            Counts {
                rows: 3,
                left: 1,
                created: 1,
                failed: 1,
                ..Counts::default()
            }
        );
        let csv = imp.failed_rows("Řádek", "Chyba", |f| f.code.clone().unwrap_or_default());
        assert_eq!(
            csv,
            vec![
                vec!["Řádek", "E-mail", "Telefon", "Jméno", "Skupiny", "Chyba"],
                vec!["4", "c@firma.cz", "", "", "", "EMAIL_TAKEN"],
            ]
        );
        assert!(imp.set_cell(3, 0, "d@firma.cz".into(), &org, || "fresh".into()));
        assert_eq!(imp.rows[3].state, RowState::New);
        assert_eq!(imp.next_sendable(3), Some(3));
    }

    #[test]
    fn skip_every_invalid_row_at_once() {
        let mut imp = import(&[
            &["E-mail", "Telefon", "Jméno", "Skupiny"],
            &["a@firma.cz", "", "", ""],
            &["bad", "", "", ""],
            &["", "1", "", ""],
        ]);
        assert_eq!(imp.first_invalid(), Some(2));
        assert_eq!(imp.skip_invalid(), 2);
        assert_eq!(imp.first_invalid(), None);
        assert_eq!(
            imp.counts(),
            Counts {
                rows: 3,
                skipped: 2,
                left: 1,
                ..Counts::default()
            }
        );
    }

    #[test]
    fn the_draft_round_trips() {
        let mut imp = import(&[
            &["E-mail", "Telefon", "Jméno", "Skupiny"],
            &["a@firma.cz", "", "", ""],
        ]);
        imp.rows[1].state = RowState::Created("id-1".into());
        let json = serde_json::to_string(&imp).unwrap();
        let mut back: Import = serde_json::from_str(&json).unwrap();
        back.check_all(&OrgRules::default());
        assert_eq!(back, imp);
    }
}

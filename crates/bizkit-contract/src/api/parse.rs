//! Shared parsing helpers of the request parsers: an error collector and blank-is-absent.

use super::*;

/// Collects field errors while parsing.
#[derive(Default)]
pub(super) struct Errors(Vec<FieldError>);

pub(super) fn given(value: &Option<String>) -> Option<&str> {
    value.as_deref().filter(|v| !v.trim().is_empty())
}

impl Errors {
    pub(super) fn push(&mut self, field: impl Into<String>, code: ErrorCode) {
        self.0.push(FieldError::new(field, code));
    }

    pub(super) fn check<T>(&mut self, field: &str, result: Result<T, ErrorCode>) -> Option<T> {
        result.map_err(|code| self.push(field, code)).ok()
    }

    /// An optional field: blank is "not given".
    pub(super) fn opt<T>(
        &mut self,
        field: &str,
        value: &Option<String>,
        parse: impl FnOnce(&str) -> Result<T, ErrorCode>,
    ) -> Option<T> {
        let v = given(value)?;
        self.check(field, parse(v))
    }

    /// A required field: blank is `REQUIRED`.
    pub(super) fn req<T>(
        &mut self,
        field: &str,
        value: &Option<String>,
        parse: impl FnOnce(&str) -> Result<T, ErrorCode>,
    ) -> Option<T> {
        match given(value) {
            Some(v) => self.check(field, parse(v)),
            None => {
                self.push(field, ErrorCode::Required);
                None
            }
        }
    }

    /// Two fields of which at least one must be given: when neither is, `code` on both.
    pub(super) fn one_of(
        &mut self,
        [(a, a_value), (b, b_value)]: [(&str, &Option<String>); 2],
        code: ErrorCode,
    ) {
        if given(a_value).is_none() && given(b_value).is_none() {
            self.push(a, code);
            self.push(b, code);
        }
    }

    /// A list of group names, each made a slug; blanks and duplicates dropped, order kept.
    pub(super) fn groups(&mut self, field: &str, groups: &[String]) -> Vec<GroupSlug> {
        if groups.len() > MAX_GROUPS {
            self.push(field, ErrorCode::TooManyItems);
            return Vec::new();
        }
        let mut out: Vec<GroupSlug> = Vec::with_capacity(groups.len());
        for (i, g) in groups.iter().enumerate() {
            // A blank entry is "not given", like a blank field (the update-profile page's own
            // example sends `[[]]`).
            if g.trim().is_empty() {
                continue;
            }
            if let Some(slug) = self.check(&format!("{field}[{i}]"), GroupSlug::parse(g))
                && !out.contains(&slug)
            {
                out.push(slug);
            }
        }
        out
    }

    /// Permission or role codes: trimmed, blanks and duplicates dropped.
    pub(super) fn codes(&mut self, field: &str, codes: &[String]) -> Vec<String> {
        if codes.len() > MAX_CODES {
            self.push(field, ErrorCode::TooManyItems);
            return Vec::new();
        }
        let mut out: Vec<String> = Vec::new();
        for (i, c) in codes.iter().enumerate() {
            if c.trim().is_empty() {
                continue;
            }
            if let Some(code) =
                self.check(&format!("{field}[{i}]"), FreeText::parse_line(c, CODE_MAX))
            {
                let code = code.into_string();
                if !out.contains(&code) {
                    out.push(code);
                }
            }
        }
        out
    }

    pub(super) fn finish<T>(self, value: Option<T>) -> Result<T, Vec<FieldError>> {
        match value {
            Some(v) if self.0.is_empty() => Ok(v),
            // A missing required value always left an error behind; the fallback only keeps
            // this total.
            _ if self.0.is_empty() => Err(vec![FieldError::new("", ErrorCode::Required)]),
            _ => Err(self.0),
        }
    }
}

pub(super) fn line(max: usize) -> impl Fn(&str) -> Result<FreeText, ErrorCode> {
    move |s| FreeText::parse_line(s, max)
}

/// A phone number, read with the organisation's calling code for numbers typed without one.
pub(super) fn phone_with(org: &OrgRules) -> impl Fn(&str) -> Result<Phone, ErrorCode> + '_ {
    |s| Phone::parse(s, &org.phone_prefix)
}

/// The normal form of an optional value as request text, for writing a parsed value back.
pub(crate) fn normal_text<T: AsRef<str>>(v: &Option<T>) -> Option<String> {
    v.as_ref().map(|x| x.as_ref().to_owned())
}

//! Lenient deserialisers for request fields: a raw body from any client should deserialise,
//! so that its faults come back as field errors (422) rather than one "malformed JSON" (400).

use core::fmt;

use serde::Deserializer;
use serde::de::{self, IgnoredAny, MapAccess, SeqAccess, Visitor};

/// What a lenient visitor expects, said in errors; `null` (either spelling) reads as `$none`, and
/// a value wrapped in `Some` as the value itself: the part every lenient visitor shares.
macro_rules! lenient_visitor {
    ($expecting:literal, $none:expr) => {
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str($expecting)
        }
        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok($none)
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok($none)
        }
        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            d.deserialize_any(self)
        }
    };
}

/// A string field that also takes a number or a boolean (written as text); `null` is "not
/// given". Arrays and objects are refused.
pub(crate) fn opt_string<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(match d.deserialize_any(LooseVisitor { strict: true })? {
        Loose::Other => None,
        value => Some(value.into_text()),
    })
}

/// A list of strings; `null` is an empty list, and an item that is an array, an object or
/// `null` becomes `""` (so it is reported against its own index, not the whole body).
pub(crate) fn string_list<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    d.deserialize_any(ListVisitor)
}

/// A boolean field that also takes `"true"`/`"false"`, `1`/`0`; `null` is "not given".
pub(crate) fn opt_bool<'de, D: Deserializer<'de>>(d: D) -> Result<Option<bool>, D::Error> {
    d.deserialize_any(BoolVisitor)
}

/// A list field where `null` means empty.
pub(crate) fn null_as_empty<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: serde::Deserialize<'de>,
{
    null_as_default(d)
}

/// Marks a key as present whatever its value (`null` too): for parameters that must not be sent.
pub(crate) fn present<'de, D: Deserializer<'de>, T: Default>(d: D) -> Result<Option<T>, D::Error> {
    d.deserialize_ignored_any(IgnoredAny)?;
    Ok(Some(T::default()))
}

/// An id that may come as a number or as a numeric string; `null` is "not given".
pub(crate) fn opt_id<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u32>, D::Error> {
    d.deserialize_any(IdVisitor)
}

/// One value read without a type in mind. `Other` is `null` and, where containers are taken, a
/// list or an object (read to its end and dropped).
enum Loose {
    Bool(bool),
    Signed(i64),
    Unsigned(u64),
    Float(f64),
    Text(String),
    Other,
}

impl Loose {
    /// A number or a boolean written as text; `Other` is `""`.
    fn into_text(self) -> String {
        match self {
            Loose::Text(s) => s,
            Loose::Bool(v) => v.to_string(),
            Loose::Signed(v) => v.to_string(),
            Loose::Unsigned(v) => v.to_string(),
            Loose::Float(v) => v.to_string(),
            Loose::Other => String::new(),
        }
    }
}

/// Reads any one value as [`Loose`]; `strict` refuses a list or an object, as a string field does.
struct LooseVisitor {
    strict: bool,
}

impl<'de> Visitor<'de> for LooseVisitor {
    type Value = Loose;
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Loose::Text(v.to_owned()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(Loose::Text(v))
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
        Ok(Loose::Bool(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        Ok(Loose::Signed(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        Ok(Loose::Unsigned(v))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        Ok(Loose::Float(v))
    }
    lenient_visitor!("a string", Loose::Other);
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        if self.strict {
            return Err(de::Error::invalid_type(de::Unexpected::Seq, &self));
        }
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Loose::Other)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        if self.strict {
            return Err(de::Error::invalid_type(de::Unexpected::Map, &self));
        }
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Loose::Other)
    }
}

/// Any one value, containers and `null` included, without an error.
fn loose<'de, D: Deserializer<'de>>(d: D) -> Result<Loose, D::Error> {
    d.deserialize_any(LooseVisitor { strict: false })
}

struct ListItem(String);

impl<'de> serde::Deserialize<'de> for ListItem {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        text(d).map(ListItem)
    }
}

struct ListVisitor;

impl<'de> Visitor<'de> for ListVisitor {
    type Value = Vec<String>;
    lenient_visitor!("a list of strings", Vec::new());
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut out = Vec::new();
        while let Some(ListItem(s)) = seq.next_element()? {
            out.push(s);
        }
        Ok(out)
    }
}

/// The words a boolean may be written as; `Some(None)` is blank ("not given"), `None` no boolean.
fn bool_word(v: &str) -> Option<Option<bool>> {
    match v.trim().to_ascii_lowercase().as_str() {
        "true" | "1" | "on" | "yes" => Some(Some(true)),
        "false" | "0" | "off" | "no" => Some(Some(false)),
        "" => Some(None),
        _ => None,
    }
}

/// `0` and `1` as booleans; `None` for any other number.
fn bool_bit(v: u64) -> Option<Option<bool>> {
    match v {
        0 => Some(Some(false)),
        1 => Some(Some(true)),
        _ => None,
    }
}

struct BoolVisitor;

impl<'de> Visitor<'de> for BoolVisitor {
    type Value = Option<bool>;
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
        Ok(Some(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        bool_bit(v).ok_or_else(|| E::invalid_value(de::Unexpected::Unsigned(v), &self))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        u64::try_from(v)
            .ok()
            .and_then(bool_bit)
            .ok_or_else(|| E::invalid_value(de::Unexpected::Signed(v), &self))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        bool_word(v).ok_or_else(|| E::invalid_value(de::Unexpected::Str(v), &self))
    }
    lenient_visitor!("a boolean", None);
}

struct IdVisitor;

impl<'de> Visitor<'de> for IdVisitor {
    type Value = Option<u32>;
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        u32::try_from(v)
            .map(Some)
            .map_err(|_| E::invalid_value(de::Unexpected::Unsigned(v), &self))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        u32::try_from(v)
            .map(Some)
            .map_err(|_| E::invalid_value(de::Unexpected::Signed(v), &self))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        // The seed types ids as "double": 6.0 is fine, 6.5 is not.
        if v.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&v) {
            // Exact: an integral value in u32 range.
            Ok(Some(v as u32))
        } else {
            Err(E::invalid_value(de::Unexpected::Float(v), &self))
        }
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        let t = v.trim();
        if t.is_empty() {
            return Ok(None);
        }
        t.parse::<u32>()
            .map(Some)
            .map_err(|_| E::invalid_value(de::Unexpected::Str(v), &self))
    }
    lenient_visitor!("a numeric id", None);
}

// ---------------------------------------------------------------------------------------------
// Answers. The app reads answers of the real BizKitHub backend, which may drift from this
// contract: a field it cannot read becomes that field's default, so one odd value does not turn a
// call that succeeded into "the server ran into a problem" (and a retry of a create).
// ---------------------------------------------------------------------------------------------

/// Any field where `null` means the same as absent: the default.
pub(crate) fn null_as_default<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: serde::Deserialize<'de> + Default,
{
    Ok(<Option<T> as serde::Deserialize>::deserialize(d)?.unwrap_or_default())
}

/// Text of an answer: a number or a boolean is written as text, anything else (`null`, a list, an
/// object) is `""`.
pub(crate) fn text<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    loose(d).map(Loose::into_text)
}

/// A boolean of an answer: `"true"`, `1` and the like count as true, and whatever is not
/// recognisably true (`null`, `"maybe"`, a list) as false.
pub(crate) fn flag<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    Ok(match loose(d)? {
        Loose::Bool(v) => v,
        Loose::Signed(v) => v == 1,
        Loose::Unsigned(v) => v == 1,
        Loose::Float(v) => v == 1.0,
        Loose::Text(v) => bool_word(&v) == Some(Some(true)),
        Loose::Other => false,
    })
}

/// A number of seconds where the backend sent a sensible one (whole seconds, fractions dropped);
/// anything else — negative, text, `null`, a list — is "not said".
pub(crate) fn opt_secs<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
    Ok(match loose(d)? {
        Loose::Unsigned(v) => Some(v),
        Loose::Signed(v) => u64::try_from(v).ok(),
        // Saturating: 1e300 seconds is "never", not an error.
        Loose::Float(v) => (v.is_finite() && v >= 0.0).then_some(v as u64),
        Loose::Bool(_) | Loose::Text(_) | Loose::Other => None,
    })
}

/// Whether the value reads as `word` (trimmed, in any ASCII case); anything else, or nothing
/// readable, is not it. For answers' enums, which take the outcome that promises less when a
/// backend says something unexpected.
pub(crate) fn is_word<'de, D: Deserializer<'de>>(d: D, word: &str) -> Result<bool, D::Error> {
    Ok(text(d)?.trim().eq_ignore_ascii_case(word))
}

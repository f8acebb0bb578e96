//! The wire name of every field a form sends, once. The contract's parsers report errors under these names,
//! the app names its controls, drafts and previews with them, so a misspelt field name does not compile
//! (where a string would only fail to match an error at run time).
//!
//! The names several calls use are written here; a name only one call uses is in its module's
//! `fields` and re-exported here. Each request's own list is its `FIELDS`.

pub const EMAIL: &str = "email";
pub const FIRST_NAME: &str = "firstName";
pub const LAST_NAME: &str = "lastName";
pub const PHONE: &str = "phone";
pub const COMPANY_REGISTRATION_NUMBER: &str = "companyRegistrationNumber";
pub const SEND_REGISTRATION_INVITE: &str = "sendRegistrationInvite";
pub const IGNORE_BULK_MAIL: &str = "ignoreBulkMail";
pub const GROUP_LIST: &str = "groupList";
pub const PERMISSION_CODES: &str = "permissionCodes";
pub const ROLE_CODES: &str = "roleCodes";
pub const DESCRIPTION: &str = "description";
pub const CU_REF_NO: &str = "cuRefNo";
pub const GROUPS: &str = "groups";
pub const NAME: &str = "name";
pub const COMPANY_NAME: &str = "companyName";
pub const TAX_IDENTIFICATION_NUMBER: &str = "taxIdentificationNumber";
pub const STREET_ADDRESS: &str = "streetAddress";
pub const CITY: &str = "city";
pub const CITY_PART: &str = "cityPart";
pub const STATE_REGION: &str = "stateRegion";
pub const POSTAL_CODE: &str = "postalCode";
pub const COUNTRY: &str = "country";
pub const NEWSLETTER: &str = "newsletter";
pub const PRIMARY_LOCALE: &str = "primaryLocale";
pub const CUSTOMER_REAL_IP: &str = "customerRealIp";
pub const REFERRAL_ID: &str = "referralId";
pub const CONTACT_TYPE: &str = "type";
pub const TITLE: &str = "title";
pub const DEPARTMENT: &str = "department";
pub const STREET: &str = "street";
pub const ZIPCODE: &str = "zipcode";
pub const MOBILE: &str = "mobile";
pub const STATE: &str = "state";
pub const SECONDARY_ADDRESS: &str = "secondary_address";
pub const PURCHASE_ORDER_NUMBER: &str = "purchase_order_number";
pub const ID: &str = "id";
pub const ORGANISATION_ID: &str = "organisation_id";
pub const PASSWORD: &str = "password";

// The wire names only one call uses, from its module's `fields` (listed by `build.rs`).
include!(concat!(env!("OUT_DIR"), "/call_fields.rs"));

#[cfg(test)]
mod tests {
    use serde::de::DeserializeOwned;
    use serde_json::{Value, json};

    /// A name is a field of `T` when some value under it decodes to something else than the default.
    fn known<T: DeserializeOwned + Default + PartialEq>(name: &str) -> bool {
        let values = [
            json!("x"),
            json!(true),
            json!(["x"]),
            json!([{"slug": "x", "name": "x"}]),
            json!({"id": "1"}),
            json!(1),
        ];
        values.into_iter().any(|v| {
            let mut o = serde_json::Map::new();
            o.insert(name.to_owned(), v);
            serde_json::from_value::<T>(Value::Object(o)).is_ok_and(|t| t != T::default())
        })
    }

    fn all_known<T: DeserializeOwned + Default + PartialEq>(names: &[&str]) {
        for n in names {
            assert!(
                known::<T>(n),
                "{n} is not a field of {}",
                core::any::type_name::<T>()
            );
        }
        assert!(!known::<T>("noSuchField"));
    }

    // `every_request()`: `all_known` of each request of a call with its `FIELDS`, listed by
    // `build.rs`.
    include!(concat!(env!("OUT_DIR"), "/requests.rs"));

    #[test]
    fn every_name_is_a_field_of_its_request() {
        every_request();
    }
}

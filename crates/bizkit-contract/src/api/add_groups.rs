//! `POST /api/v1/customer/add-groups`: groups added to a customer.

use super::*;

pub const CUSTOMER_ADD_GROUPS: Endpoint<AddGroupsRequest, AddGroupsResponse> =
    Endpoint::new(Method::Post, "/api/v1/customer/add-groups");

lenient! {
    /// Body of `POST /api/v1/customer/add-groups`.
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
    #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
    #[serde(rename_all = "camelCase")]
    pub struct AddGroupsRequest {
        /// E-mail of the customer; this or `cuRefNo`.
        pub email: Option<String> = "de::opt_string",
        /// Customer reference number; wins over `email` when both are given.
        pub cu_ref_no: Option<String> = "de::opt_string",
        /// Groups to add (each made a slug), at least one.
        #[serde(default, deserialize_with = "de::string_list")]
        pub groups: Vec<String>,
    }
}

/// Which customer a call is about.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum CustomerRef {
    /// By customer reference number (preferred when both were given).
    CuRefNo(CuRefNo),
    /// By e-mail.
    Email(Email),
}

/// A validated add-groups request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidAddGroups {
    /// The customer.
    pub customer: CustomerRef,
    /// Unique slugs, in the order given; never empty.
    pub groups: Vec<GroupSlug>,
}

impl AddGroupsRequest {
    /// The wire name of each field, in the order of the struct.
    pub const FIELDS: &[&str] = &[field::EMAIL, field::CU_REF_NO, field::GROUPS];

    /// Checks every field.
    pub fn parse(&self, _org: &OrgRules) -> Result<ValidAddGroups, Vec<FieldError>> {
        let mut e = Errors::default();
        let email = e.opt(field::EMAIL, &self.email, Email::parse);
        let cu_ref_no = e.opt(field::CU_REF_NO, &self.cu_ref_no, CuRefNo::parse);
        e.one_of(
            [
                (field::EMAIL, &self.email),
                (field::CU_REF_NO, &self.cu_ref_no),
            ],
            ErrorCode::EmailOrCuRefNoRequired,
        );
        let groups = if self.groups.iter().all(|g| g.trim().is_empty()) {
            e.push(field::GROUPS, ErrorCode::GroupsRequired);
            Vec::new()
        } else {
            e.groups(field::GROUPS, &self.groups)
        };
        let customer = cu_ref_no
            .map(CustomerRef::CuRefNo)
            .or(email.map(CustomerRef::Email));
        e.finish(customer.map(|customer| ValidAddGroups { customer, groups }))
    }
}

/// Answer of `POST /api/v1/customer/add-groups`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase", default)]
pub struct AddGroupsResponse {
    /// Whether the call succeeded.
    #[serde(deserialize_with = "de::flag")]
    pub success: bool,
    /// Slugs newly assigned.
    #[serde(deserialize_with = "de::string_list")]
    pub added: Vec<String>,
    /// Slugs the customer already had (skipped).
    #[serde(deserialize_with = "de::string_list")]
    pub already_assigned: Vec<String>,
}

//! `GET /openapi.json`: the OpenAPI 3.1 description generated from the handlers' annotations
//! and the contract crate's schemas.

use axum::Json;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

use crate::handlers;

struct BearerScheme;

impl Modify for BearerScheme {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some(
                        "A session token from POST /api/v1/authenticate, or an API key \
                         (^(PROD|DEV_|ROOT)[A-Za-z0-9]{28}$). Never in the query string.",
                    ))
                    .build(),
            ),
        );
    }
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "BizKitHub forms API (local server)",
        description = "The contract of the BizKitHub forms app. Every error is \
                       application/problem+json (RFC 9457) with a stable `code` and every \
                       violated field in `errors`."
    ),
    paths(
        handlers::authenticate_create,
        handlers::session_get,
        handlers::contact_create,
        handlers::contact_get,
        handlers::member_invite,
        handlers::permission_list,
        handlers::customer_group_list,
        handlers::customer_add_groups,
        handlers::customer_profile_get,
        handlers::customer_update_profile,
        handlers::org_contact_create,
        handlers::org_contact_list,
        handlers::org_contact_get,
        handlers::ares_get,
    ),
    components(schemas(bizkit_contract::Problem, bizkit_contract::ProblemFieldError, bizkit_contract::ErrorCode)),
    modifiers(&BearerScheme),
    tags(
        (name = "session", description = "Signing in"),
        (name = "contact", description = "Admin BFF: contacts"),
        (name = "member", description = "Admin BFF: members"),
        (name = "customer", description = "Customers and their groups"),
        (name = "organisation", description = "Organisation contacts"),
        (name = "ares", description = "The Czech business register"),
    )
)]
pub struct ApiDoc;

/// The OpenAPI document.
pub async fn openapi_get() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}

//! `GET /openapi.json`: the OpenAPI 3.1 description generated from the handlers' annotations
//! and the contract crate's schemas.

use axum::Json;
use bizkit_contract::endpoint::{self as e, Method};
use utoipa::openapi::path::{Operation, ParameterBuilder, ParameterIn};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityRequirement, SecurityScheme};
use utoipa::openapi::{
    ContentBuilder, ObjectBuilder, Ref, RefOr, Required, ResponseBuilder, Type, schema::SchemaType,
};
use utoipa::{Modify, OpenApi};

/// The bearer scheme, and it on every call of the `protected` part of `lib.rs`'s table
/// ([`crate::PROTECTED`]): the list that puts a call behind `auth::require_auth` also documents
/// its token, so the two cannot disagree and no handler's annotation repeats it.
struct BearerScheme;

impl Modify for BearerScheme {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        for call in crate::PROTECTED {
            if let Some(op) = operation(openapi, call.method, call.path) {
                op.security = Some(vec![SecurityRequirement::new("bearer", NO_SCOPES)]);
            }
        }
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

/// A bearer token has no scopes.
const NO_SCOPES: [&str; 0] = [];

/// The operation of `method` at `path`, when the document has it.
fn operation<'a>(
    openapi: &'a mut utoipa::openapi::OpenApi,
    method: Method,
    path: &str,
) -> Option<&'a mut Operation> {
    let item = openapi.paths.paths.get_mut(path)?;
    match method {
        Method::Get => item.get.as_mut(),
        Method::Post => item.post.as_mut(),
        Method::Delete => item.delete.as_mut(),
    }
}

/// The answers every operation of a kind can give, whatever its handler: the layers of `lib.rs`
/// produce them before or around the handler, so the handlers' annotations leave them out. Only
/// codes an operation does not document yet are added (a handler's own text wins).
///
/// - any error answer: its `application/problem+json` body ([`problem_bodies`]);
/// - any call: 400 `CREDENTIAL_IN_QUERY` (`web::reject_credentials_in_query`);
/// - a call with a bearer token: 401;
/// - a path with parameters: 404 when a parameter does not parse (e.g. `org_id` not an integer);
/// - a call with a JSON body: 400 `MALFORMED_JSON`, 413 `PAYLOAD_TOO_LARGE`, 415
///   `UNSUPPORTED_MEDIA_TYPE`;
/// - an authenticated call the contract marks `idempotent`: `lib.rs` mounts it behind the
///   idempotency layer by the same flag, so it takes an `Idempotency-Key` header (1–255
///   characters) and answers 400 `IDEMPOTENCY_KEY_INVALID`, 409 `IDEMPOTENCY_KEY_IN_FLIGHT` and
///   422 `IDEMPOTENCY_KEY_REUSED`. (Keys are kept per caller: a call without a token has none.)
struct CommonResponses;

/// The contract's `idempotent` flag of the call at `method` `path`.
fn marked_idempotent(method: Option<Method>, path: &str) -> bool {
    method.is_some_and(|method| {
        e::ALL
            .iter()
            .any(|call| call.method == method && call.path == path && call.idempotent)
    })
}

fn problem(description: &str) -> utoipa::openapi::Response {
    ResponseBuilder::new()
        .description(description)
        .content(
            "application/problem+json",
            ContentBuilder::new()
                .schema(Some(Ref::from_schema_name("Problem")))
                .build(),
        )
        .build()
}

/// Every error answer is a [`bizkit_contract::Problem`]: a 4xx or 5xx a handler documents by
/// status and description only gets the problem body here, so the annotations need not repeat
/// it. Content a handler does give (none does now) is left alone.
fn problem_bodies(op: &mut Operation) {
    for (status, response) in op.responses.responses.iter_mut() {
        let is_error = status.starts_with('4') || status.starts_with('5');
        if let (true, RefOr::T(response)) = (is_error, response)
            && response.content.is_empty()
        {
            response.content = problem("").content;
        }
    }
}

fn add_missing(op: &mut Operation, status: &str, description: &str) {
    op.responses
        .responses
        .entry(status.to_owned())
        .or_insert_with(|| problem(description).into());
}

impl Modify for CommonResponses {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        for (path, item) in openapi.paths.paths.iter_mut() {
            let has_path_params = path.contains('{');
            let ops = [
                (Some(Method::Get), item.get.as_mut()),
                (Some(Method::Post), item.post.as_mut()),
                (None, item.put.as_mut()),
                (Some(Method::Delete), item.delete.as_mut()),
                (None, item.patch.as_mut()),
            ];
            for (method, op) in ops {
                let Some(op) = op else { continue };
                problem_bodies(op);
                let authenticated = op.security.as_ref().is_some_and(|s| !s.is_empty());
                let has_body = op.request_body.is_some();
                let idempotent = authenticated && marked_idempotent(method, path);
                if idempotent {
                    let params = op.parameters.get_or_insert_with(Vec::new);
                    if !params
                        .iter()
                        .any(|p| p.name.eq_ignore_ascii_case("Idempotency-Key"))
                    {
                        // The header as a handler's `Option<String>` parameter described it
                        // before this was the only place, so the document stayed the same.
                        params.push(
                            ParameterBuilder::new()
                                .name("Idempotency-Key")
                                .parameter_in(ParameterIn::Header)
                                .required(Required::False)
                                .description(Some("Replays the first answer for the same body"))
                                .schema(Some(ObjectBuilder::new().schema_type(
                                    SchemaType::from_iter([Type::String, Type::Null]),
                                )))
                                .build(),
                        );
                    }
                }
                let mut bad_request = vec!["CREDENTIAL_IN_QUERY"];
                if has_body {
                    bad_request.push("MALFORMED_JSON");
                }
                if idempotent {
                    bad_request.push("IDEMPOTENCY_KEY_INVALID");
                }
                add_missing(op, "400", &bad_request.join(", "));
                if authenticated {
                    add_missing(op, "401", "UNAUTHORIZED, TOKEN_EXPIRED, API_KEY_MALFORMED");
                }
                if has_path_params {
                    add_missing(
                        op,
                        "404",
                        "NOT_FOUND: no such resource, or a path parameter that does not parse",
                    );
                }
                if has_body {
                    add_missing(op, "413", "PAYLOAD_TOO_LARGE");
                    add_missing(op, "415", "UNSUPPORTED_MEDIA_TYPE");
                }
                if idempotent {
                    add_missing(op, "409", "IDEMPOTENCY_KEY_IN_FLIGHT");
                    add_missing(op, "422", "IDEMPOTENCY_KEY_REUSED");
                }
            }
        }
    }
}

/// The document around the operations: see [`document`].
#[derive(OpenApi)]
#[openapi(
    info(
        title = "BizKitHub forms API (local server)",
        description = "The contract of the BizKitHub forms app. Every error is \
                       application/problem+json (RFC 9457) with a stable `code` and every \
                       violated field in `errors`."
    ),
    components(schemas(bizkit_contract::Problem, bizkit_contract::ProblemFieldError, bizkit_contract::ErrorCode)),
    tags(
        (name = "session", description = "Signing in"),
        (name = "contact", description = "Admin BFF: contacts"),
        (name = "member", description = "Admin BFF: members"),
        (name = "customer", description = "Customers and their groups"),
        (name = "organisation", description = "Organisation contacts"),
        (name = "ares", description = "The Czech business register"),
    )
)]
struct ApiDoc;

/// The OpenAPI document: `ApiDoc` with the operations of every call of `lib.rs`'s table
/// ([`crate::Calls`]), then what the layers add to them.
pub fn document() -> utoipa::openapi::OpenApi {
    let mut doc = ApiDoc::openapi();
    doc.merge(crate::Calls::openapi());
    // After the merge: these read and complete the operations.
    BearerScheme.modify(&mut doc);
    CommonResponses.modify(&mut doc);
    doc
}

/// The OpenAPI document.
pub async fn openapi_get() -> Json<utoipa::openapi::OpenApi> {
    Json(document())
}

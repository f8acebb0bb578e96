//! The local BizKitHub server: every endpoint of the contract on axum and SQLite, and the built
//! app from `--dist`. Validation is the contract crate's `parse`, nothing of it lives here.

#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

pub mod ares;
pub mod auth;
pub mod cors;
pub mod db;
pub mod demo;
pub mod error;
pub mod extract;
pub mod handlers;
pub mod idempotency;
pub mod limits;
pub mod lookup;
pub mod no_store;
pub mod openapi;
pub mod sessions;
pub mod state;
pub mod store;
pub mod web;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::Request;
use axum::middleware::{from_fn, from_fn_with_state};
use axum::response::IntoResponse;
use axum::routing::{MethodRouter, get, post};
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::trace::{DefaultOnResponse, TraceLayer};
use tracing::Level;

pub use crate::error::ApiError;
pub use crate::state::{AppState, Config};

use crate::handlers as h;

fn idempotent(route: MethodRouter<AppState>, state: &AppState) -> MethodRouter<AppState> {
    route.layer(from_fn_with_state(state.clone(), idempotency::idempotency))
}

/// The whole application: API, OpenAPI description and static files, with every layer.
pub fn app(state: AppState) -> Router {
    let protected = Router::new()
        .route(
            "/api/v1/session",
            get(h::auth::session_get).delete(h::auth::session_delete),
        )
        .route(
            "/api/v1/customer/add-groups",
            idempotent(post(h::customers::customer_add_groups), &state),
        )
        .route(
            "/api/v1/customer/update-profile",
            idempotent(post(h::customers::customer_update_profile), &state),
        )
        .route(
            "/api/v1/customer/profile",
            get(h::customers::customer_profile_get),
        )
        .route(
            "/api/v1/organizations/{org_id}/contacts",
            idempotent(post(h::org_contacts::org_contact_create), &state)
                .get(h::org_contacts::org_contact_list),
        )
        .route(
            "/api/v1/organizations/{org_id}/contacts/{id}",
            get(h::org_contacts::org_contact_get),
        )
        .route(
            "/bff/contact/create",
            idempotent(post(h::contacts::contact_create), &state),
        )
        .route("/bff/contact/list", get(h::contacts::contact_list))
        .route("/bff/contact/{customer_id}", get(h::contacts::contact_get))
        .route(
            "/bff/member/invite-email",
            idempotent(post(h::members::member_invite), &state),
        )
        .route(
            "/bff/member/permission-list",
            get(h::members::permission_list),
        )
        .route(
            "/bff/customer-group/list",
            get(h::customers::customer_group_list),
        )
        .route("/bff/ares/{ico}", get(h::ares::ares_get))
        .route("/api/v1/ares/{ico}", get(h::ares::ares_lookup_get))
        .route_layer(from_fn_with_state(state.clone(), auth::require_auth));

    let api = Router::new()
        .route("/api/v1/authenticate", post(h::auth::authenticate_create))
        .route("/openapi.json", get(openapi::openapi_get))
        .merge(protected)
        .layer(from_fn(web::reject_credentials_in_query));

    Router::new()
        .merge(api)
        .fallback(web::static_files)
        .layer(DefaultBodyLimit::max(state::BODY_LIMIT))
        // A panicking handler answers a 500 problem instead of dropping the connection.
        .layer(CatchPanicLayer::custom(|_: Box<dyn std::any::Any + Send>| {
            ApiError::internal("a handler panicked").into_response()
        }))
        .layer(from_fn(web::problem_errors))
        // Around everything, so that errors (401, 404, 413, 500) are readable cross-origin too.
        .layer(cors::api_layer(state.allowed_origins.clone()))
        .layer(from_fn(cors::cross_origin_headers))
        .layer(from_fn_with_state(state.clone(), web::security_headers))
        .layer(from_fn(no_store::no_store))
        .layer(
            // The path only: query strings may carry credentials and headers carry tokens.
            TraceLayer::new_for_http()
                .make_span_with(|req: &Request<_>| {
                    tracing::info_span!("request", method = %req.method(), path = %req.uri().path())
                })
                .on_response(DefaultOnResponse::new().level(Level::INFO)),
        )
        .with_state(state)
}

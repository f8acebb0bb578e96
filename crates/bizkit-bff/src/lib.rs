//! The local BizKitHub server: every endpoint of the contract on axum and SQLite, and the built
//! app from `--dist`. Validation is the contract crate's `parse`, nothing of it lives here.

#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

pub mod ares;
pub mod auth;
pub mod client_ip;
pub mod cors;
pub mod crypto;
pub mod db;
pub mod demo;
pub mod error;
pub mod extract;
pub mod handlers;
pub mod hosts;
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
use axum::handler::Handler;
use axum::http::Request;
use axum::middleware::{from_fn, from_fn_with_state};
use axum::response::IntoResponse;
use axum::routing::{MethodFilter, MethodRouter, on};
use bizkit_contract::endpoint::{self as e, Endpoint, Method};
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::trace::{DefaultOnResponse, TraceLayer};
use tracing::Level;

pub use crate::error::ApiError;
pub use crate::state::{AppState, Config};

use crate::handlers as h;

fn method_filter(method: Method) -> MethodFilter {
    match method {
        Method::Get => MethodFilter::GET,
        Method::Post => MethodFilter::POST,
        Method::Delete => MethodFilter::DELETE,
    }
}

/// Mounting a handler at a contract [`Endpoint`]: its method and path come from the contract, so
/// the route cannot disagree with the app's client or with the OpenAPI entry. Two endpoints of
/// one path (`GET` and `DELETE /api/v1/session`) merge into one route, as axum's `route` does.
trait Mount {
    fn at<Req, Ans, H, T>(self, endpoint: Endpoint<Req, Ans>, handler: H) -> Self
    where
        H: Handler<T, AppState>,
        T: 'static;

    /// [`Mount::at`] behind the idempotency layer, as every authenticated creating or changing
    /// `POST` is.
    fn at_idempotent<Req, Ans, H, T>(
        self,
        endpoint: Endpoint<Req, Ans>,
        handler: H,
        state: &AppState,
    ) -> Self
    where
        H: Handler<T, AppState>,
        T: 'static;
}

impl Mount for Router<AppState> {
    fn at<Req, Ans, H, T>(self, endpoint: Endpoint<Req, Ans>, handler: H) -> Self
    where
        H: Handler<T, AppState>,
        T: 'static,
    {
        self.route(endpoint.path, on(method_filter(endpoint.method), handler))
    }

    fn at_idempotent<Req, Ans, H, T>(
        self,
        endpoint: Endpoint<Req, Ans>,
        handler: H,
        state: &AppState,
    ) -> Self
    where
        H: Handler<T, AppState>,
        T: 'static,
    {
        let route: MethodRouter<AppState> = on(method_filter(endpoint.method), handler);
        self.route(
            endpoint.path,
            route.layer(from_fn_with_state(state.clone(), idempotency::idempotency)),
        )
    }
}

/// The whole application: API, OpenAPI description and static files, with every layer.
///
/// Serve it with `into_make_service_with_connect_info::<SocketAddr>()` (the sign-in limits and
/// the profile's client address need the peer), and call `state.hosts.listening_on(addr)` once
/// the listener is bound: a request is answered only when its `Host` is one of the server's names.
pub fn app(state: AppState) -> Router {
    let protected = Router::new()
        .at(e::SESSION_GET, h::auth::session_get)
        .at(e::SESSION_DELETE, h::auth::session_delete)
        .at_idempotent(
            e::CUSTOMER_ADD_GROUPS,
            h::customers::customer_add_groups,
            &state,
        )
        .at_idempotent(
            e::CUSTOMER_UPDATE_PROFILE,
            h::customers::customer_update_profile,
            &state,
        )
        .at(e::CUSTOMER_PROFILE_GET, h::customers::customer_profile_get)
        .at_idempotent(
            e::ORG_CONTACT_CREATE,
            h::org_contacts::org_contact_create,
            &state,
        )
        .at(e::ORG_CONTACT_LIST, h::org_contacts::org_contact_list)
        .at(e::ORG_CONTACT_GET, h::org_contacts::org_contact_get)
        .at_idempotent(e::CONTACT_CREATE, h::contacts::contact_create, &state)
        .at(e::CONTACT_LIST, h::contacts::contact_list)
        .at(e::CONTACT_GET, h::contacts::contact_get)
        .at_idempotent(e::MEMBER_INVITE, h::members::member_invite, &state)
        .at(e::PERMISSION_LIST, h::members::permission_list)
        .at(e::CUSTOMER_GROUP_LIST, h::customers::customer_group_list)
        .at(e::ARES_GET, h::ares::ares_get)
        .at(e::ARES_LOOKUP, h::ares::ares_lookup_get)
        .route_layer(from_fn_with_state(state.clone(), auth::require_auth));

    let api = Router::new()
        // Signing in needs no token, and is no idempotent call: a retry signs in again.
        .at(e::AUTHENTICATE, h::auth::authenticate_create)
        .route(
            e::OPENAPI.path,
            on(method_filter(e::OPENAPI.method), openapi::openapi_get),
        )
        .merge(protected)
        .layer(from_fn(web::reject_credentials_in_query));

    Router::new()
        .merge(api)
        .fallback(web::static_files)
        .layer(DefaultBodyLimit::max(limits::BODY_LIMIT))
        // A panicking handler answers a 500 problem instead of dropping the connection.
        .layer(CatchPanicLayer::custom(|_: Box<dyn std::any::Any + Send>| {
            ApiError::internal("a handler panicked").into_response()
        }))
        .layer(from_fn(web::problem_errors))
        // Around everything, so that errors (401, 404, 413, 500) are readable cross-origin too.
        .layer(cors::api_layer(state.allowed_origins.clone()))
        .layer(from_fn(cors::cross_origin_headers))
        // DNS rebinding protection, before any route, file, CORS answer or preflight: only the
        // layers that add headers to every answer (and the trace) are outside it.
        .layer(from_fn_with_state(state.clone(), hosts::require_own_host))
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

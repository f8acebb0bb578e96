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
mod setting;
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
use bizkit_contract::endpoint::{self as e, AnyEndpoint, Endpoint, Method};
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

/// Routes mounted at contract [`Endpoint`]s: the method and path come from the contract, so the
/// route cannot disagree with the app's client or with the OpenAPI entry, and so does whether the
/// call goes through the idempotency layer (the endpoint's `idempotent` flag, which
/// `openapi.rs` documents from too). Two endpoints of one path (`GET` and `DELETE
/// /api/v1/session`) merge into one route, as axum's `route` does.
struct Routes {
    router: Router<AppState>,
    db: db::Db,
}

impl Routes {
    fn new(state: &AppState) -> Routes {
        Routes {
            router: Router::new(),
            db: state.db.clone(),
        }
    }

    fn at<Req, Ans, H, T>(mut self, endpoint: Endpoint<Req, Ans>, handler: H) -> Self
    where
        H: Handler<T, AppState>,
        T: 'static,
    {
        let mut route: MethodRouter<AppState> = on(method_filter(endpoint.method), handler);
        if endpoint.idempotent {
            route = route.layer(from_fn_with_state(
                self.db.clone(),
                idempotency::idempotency,
            ));
        }
        self.router = self.router.route(endpoint.path, route);
        self
    }
}

/// Every call of the API, in one table: `public` ones are answered without a token, the
/// `protected` ones only behind `auth::require_auth`. From it come both the routes (mounted by
/// [`Routes::at`] at the contract's method and path) and the operations of `/openapi.json`
/// ([`Calls`], which lists each handler's `#[utoipa::path]`), so a call cannot be routed and
/// left undocumented or the reverse. The handler is written as a path of plain names because
/// the OpenAPI derive finds the annotation's type by the last of them.
macro_rules! calls {
    (
        public: [$($public:expr => $($public_handler:ident)::+),* $(,)?],
        protected: [$($protected:expr => $($protected_handler:ident)::+),* $(,)?] $(,)?
    ) => {
        fn public_routes(routes: Routes) -> Routes {
            routes $(.at($public, $($public_handler)::+))*
        }

        fn protected_routes(routes: Routes) -> Routes {
            routes $(.at($protected, $($protected_handler)::+))*
        }

        /// The operations of every call, from its handler's `#[utoipa::path]` (`openapi.rs`
        /// makes the document of them).
        #[derive(utoipa::OpenApi)]
        #[openapi(paths($($($public_handler)::+,)* $($($protected_handler)::+,)*))]
        pub struct Calls;

        /// The calls behind sign-in: `openapi.rs` documents the bearer token on exactly these.
        pub const PROTECTED: &[AnyEndpoint] = &[$($protected.erased(),)*];

        /// Every call with its handler's path as written in the table (its last name is the
        /// OpenAPI `operationId`), for the tests that the document lists exactly these.
        pub const CALLS: &[(AnyEndpoint, &str)] = &[
            $(($public.erased(), stringify!($($public_handler)::+)),)*
            $(($protected.erased(), stringify!($($protected_handler)::+)),)*
        ];
    };
}

calls! {
    // Signing in needs no token; its retry signs in again (the idempotency layer keeps keys per
    // caller, and a sign-in has none yet).
    public: [
        e::AUTHENTICATE => h::auth::authenticate_create,
    ],
    protected: [
        e::SESSION_GET => h::auth::session_get,
        e::SESSION_DELETE => h::auth::session_delete,
        e::CUSTOMER_ADD_GROUPS => h::customers::customer_add_groups,
        e::CUSTOMER_UPDATE_PROFILE => h::customers::customer_update_profile,
        e::CUSTOMER_PROFILE_GET => h::customers::customer_profile_get,
        e::ORG_CONTACT_CREATE => h::org_contacts::org_contact_create,
        e::ORG_CONTACT_LIST => h::org_contacts::org_contact_list,
        e::ORG_CONTACT_GET => h::org_contacts::org_contact_get,
        e::CONTACT_CREATE => h::contacts::contact_create,
        e::CONTACT_LIST => h::contacts::contact_list,
        e::CONTACT_GET => h::contacts::contact_get,
        e::MEMBER_INVITE => h::members::member_invite,
        e::PERMISSION_LIST => h::members::permission_list,
        e::CUSTOMER_GROUP_LIST => h::customers::customer_group_list,
        e::ARES_GET => h::ares::ares_get,
        e::ARES_LOOKUP => h::ares::ares_lookup_get,
    ],
}

/// The whole application: API, OpenAPI description and static files, with every layer.
///
/// Serve it with `into_make_service_with_connect_info::<SocketAddr>()` (the sign-in limits and
/// the profile's client address need the peer), and call `state.hosts.listening_on(addr)` once
/// the listener is bound: a request is answered only when its `Host` is one of the server's names.
pub fn app(state: AppState) -> Router {
    let protected = protected_routes(Routes::new(&state))
        .router
        .route_layer(from_fn_with_state(state.clone(), auth::require_auth));

    // The document describes the calls, it is none of them: it needs no token either.
    let api = public_routes(Routes::new(&state))
        .router
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

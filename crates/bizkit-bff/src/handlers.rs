//! The endpoints, named `<resource>_<verb>`. Each parses its body with the contract crate's
//! `parse` (the one place of every field rule) and keeps only storage, roles and look-ups here.

use axum::extract::{OriginalUri, State};
use axum::http::StatusCode;
use bizkit_contract::{
    AddGroupsRequest, AddGroupsResponse, AresRecord, AuthenticateRequest, AuthenticateResponse,
    CodeName, ContactCreateRequest, ContactCreateResponse, ContactType, Country, CustomerGroup,
    CustomerRef, ErrorCode, FieldError, Ico, IdName, InviteStatus, Lang, MemberInviteRequest,
    MemberInviteResponse, OrgContact, OrgContactCreateRequest, OrgRules, PermissionList, Problem,
    Role, SessionOrganisation, SessionResponse, StoredContact, SuccessResponse,
    UpdateProfileRequest, ValidOrgContactCreate,
};
use rusqlite::{OptionalExtension, Row, Transaction, params};

use crate::ares::AresCompany;
use crate::auth::{Admin, Authenticated, Principal, Subject, random_alnum, verify_password};
use crate::db::{is_unique_violation, now, rfc3339};
use crate::error::ApiError;
use crate::extract::{Json, Path, query_param_names};
use crate::idempotency::{JsonAnswer, KeyScope};
use crate::limits::{ClientAddr, ClientKey};
use crate::sessions;
use crate::state::AppState;

// ---------------------------------------------------------------------------------------------
// Shared look-ups
// ---------------------------------------------------------------------------------------------

/// An organisation row.
#[derive(Clone, Debug)]
pub struct Org {
    pub id: i64,
    pub name: String,
    pub default_country: String,
    pub phone_prefix: String,
    pub locales: Vec<String>,
}

impl Org {
    pub fn rules(&self) -> OrgRules {
        OrgRules {
            phone_prefix: self.phone_prefix.clone(),
            locales: self.locales.clone(),
        }
    }
}

fn load_org(tx: &Transaction<'_>, org_id: i64) -> Result<Org, ApiError> {
    tx.query_row(
        "SELECT id, name, default_country, phone_prefix, locales FROM organisation WHERE id = ?1",
        [org_id],
        |r| {
            Ok(Org {
                id: r.get(0)?,
                name: r.get(1)?,
                default_country: r.get(2)?,
                phone_prefix: r.get(3)?,
                locales: r
                    .get::<_, String>(4)?
                    .split(',')
                    .filter(|l| !l.is_empty())
                    .map(str::to_owned)
                    .collect(),
            })
        },
    )
    .optional()?
    .ok_or_else(|| ApiError::internal(format!("organisation {org_id} is missing")))
}

async fn org_of(state: &AppState, org_id: i64) -> Result<Org, ApiError> {
    state.db.read(move |tx| load_org(tx, org_id)).await
}

fn customer_not_found(field: &str) -> ApiError {
    ApiError::NotFound {
        code: ErrorCode::CustomerNotFound,
        field: Some(field.to_owned()),
        detail: "No customer of this organisation has this identifier.".to_owned(),
    }
}

fn email_taken() -> ApiError {
    ApiError::Conflict {
        code: ErrorCode::EmailTaken,
        field: Some("email".to_owned()),
        detail: "Another contact of this organisation already has this e-mail.".to_owned(),
    }
}

/// Finds or creates a group of the organisation by slug; an existing group keeps its name and
/// colour.
fn ensure_group(
    tx: &Transaction<'_>,
    org_id: i64,
    slug: &str,
    name: &str,
    color: Option<&str>,
) -> Result<i64, ApiError> {
    tx.execute(
        "INSERT INTO customer_group (org_id, slug, name, color) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (org_id, slug) DO NOTHING",
        params![org_id, slug, name, color],
    )?;
    Ok(tx.query_row(
        "SELECT id FROM customer_group WHERE org_id = ?1 AND slug = ?2",
        params![org_id, slug],
        |r| r.get(0),
    )?)
}

/// Assigns a group to a customer; false when it was assigned already.
fn assign_group(tx: &Transaction<'_>, customer_id: i64, group_id: i64) -> Result<bool, ApiError> {
    Ok(tx.execute(
        "INSERT OR IGNORE INTO customer_group_member (customer_id, group_id) VALUES (?1, ?2)",
        params![customer_id, group_id],
    )? == 1)
}

pub(crate) fn customer_groups(
    tx: &Transaction<'_>,
    customer_id: i64,
) -> Result<Vec<CustomerGroup>, ApiError> {
    let mut stmt = tx.prepare_cached(
        "SELECT g.slug, g.name, g.color FROM customer_group g
           JOIN customer_group_member m ON m.group_id = g.id
          WHERE m.customer_id = ?1 ORDER BY g.slug",
    )?;
    let rows = stmt.query_map([customer_id], |r| {
        Ok(CustomerGroup {
            slug: r.get(0)?,
            name: r.get(1)?,
            color: r.get(2)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// A new cuRefNo not used in the organisation yet.
fn new_cu_ref_no(tx: &Transaction<'_>, org_id: i64) -> Result<String, ApiError> {
    loop {
        let candidate = random_alnum(16);
        let used: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM customer WHERE org_id = ?1 AND cu_ref_no = ?2)",
            params![org_id, candidate],
            |r| r.get(0),
        )?;
        if !used {
            return Ok(candidate);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// POST /api/v1/authenticate, GET /api/v1/session
// ---------------------------------------------------------------------------------------------

/// Signs in with e-mail and password; answers a bearer token.
#[utoipa::path(
    post, path = "/api/v1/authenticate", tag = "session",
    request_body = AuthenticateRequest,
    responses(
        (status = 200, description = "Signed in", body = AuthenticateResponse),
        (status = 401, description = "INVALID_CREDENTIALS", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Missing or malformed fields", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many failed sign-ins; see Retry-After", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn authenticate_create(
    State(state): State<AppState>,
    ClientAddr(client): ClientAddr,
    Json(req): Json<AuthenticateRequest>,
) -> Result<Json<AuthenticateResponse>, ApiError> {
    let valid = req.parse(&OrgRules::default())?;
    let key = valid.email.uniqueness_key();
    // A failure slot first, before anything is looked up or hashed (see `limits`).
    let mut slot = state.limiter.reserve(&key, ClientKey::of(client))?;
    let user = {
        let key = key.clone();
        state
            .db
            .read(move |tx| {
                Ok(tx
                    .query_row(
                        "SELECT id, password_hash, role FROM user WHERE email_key = ?1",
                        [&key],
                        |r| {
                            Ok((
                                r.get::<_, i64>(0)?,
                                r.get::<_, String>(1)?,
                                r.get::<_, String>(2)?,
                            ))
                        },
                    )
                    .optional()?)
            })
            .await?
    };
    // An unknown e-mail is checked against a dummy hash, so it takes as long as a wrong password.
    let hash = user
        .as_ref()
        .map(|(_, h, _)| h.clone())
        .unwrap_or_else(|| state.dummy_hash.to_string());
    let password = valid.password;
    let permit = state.limiter.hash_permit().await?;
    slot.hashing();
    let matches = tokio::task::spawn_blocking(move || {
        let _turn = permit;
        verify_password(&password, &hash)
    })
    .await
    .map_err(|e| ApiError::internal(format!("password check: {e}")))?;
    let Some((user_id, _, role)) = user.filter(|_| matches) else {
        // Dropping the slot counts the failure.
        drop(slot);
        return Err(ApiError::Unauthorized(ErrorCode::InvalidCredentials));
    };
    slot.succeeded();

    let token = sessions::create(&state, user_id).await?;
    Ok(Json(AuthenticateResponse {
        auth_token: token,
        role: if role == "admin" {
            Role::Admin
        } else {
            Role::Customer
        },
    }))
}

/// Who is signed in, and the organisation's form settings.
#[utoipa::path(
    get, path = "/api/v1/session", tag = "session",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The session", body = SessionResponse),
        (status = 401, description = "UNAUTHORIZED or TOKEN_EXPIRED", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn session_get(
    State(state): State<AppState>,
    Authenticated(p): Authenticated,
) -> Result<Json<SessionResponse>, ApiError> {
    let org = org_of(&state, p.org_id).await?;
    let email = match &p.subject {
        Subject::User { email, .. } => email.clone(),
        // An API key has no e-mail; the label names it.
        Subject::ApiKey { label, .. } => format!("api-key:{label}"),
    };
    let (expires_in_secs, idle_timeout_secs) = match &p.session {
        Some(session) => sessions::times(&state, session.expires_at),
        None => (None, None),
    };
    Ok(Json(SessionResponse {
        expires_in_secs,
        idle_timeout_secs,
        role: p.role,
        email,
        organisation: SessionOrganisation {
            id: org.id as u64,
            name: org.name,
            default_country: org.default_country,
            phone_prefix: org.phone_prefix,
            locales: org.locales,
        },
    }))
}

// ---------------------------------------------------------------------------------------------
// POST /bff/contact/create, GET /bff/contact/{customerId}
// ---------------------------------------------------------------------------------------------

/// Creates a customer contact; with an IČO, the company name and address come from ARES.
#[utoipa::path(
    post, path = "/bff/contact/create", tag = "contact",
    security(("bearer" = [])),
    request_body = ContactCreateRequest,
    params(("Idempotency-Key" = Option<String>, Header, description = "Replays the first answer for the same body")),
    responses(
        (status = 201, description = "Created; Location names the contact", body = ContactCreateResponse),
        (status = 400, description = "MALFORMED_JSON, IDEMPOTENCY_KEY_INVALID", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "UNAUTHORIZED", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "FORBIDDEN (customer token)", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "EMAIL_TAKEN on `email`, IDEMPOTENCY_KEY_IN_FLIGHT", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "PAYLOAD_TOO_LARGE", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "UNSUPPORTED_MEDIA_TYPE", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Every violated field; IDEMPOTENCY_KEY_REUSED", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn contact_create(
    State(state): State<AppState>,
    Admin(p): Admin,
    reservation: KeyScope,
    Json(req): Json<ContactCreateRequest>,
) -> Result<JsonAnswer, ApiError> {
    let org = org_of(&state, p.org_id).await?;
    let valid = req.parse(&org.rules())?;

    // The contact create body has no company fields, so whatever ARES knows fills them. An
    // outage or an unknown IČO does not stop the contact: the IČO is stored as typed.
    let company: Option<AresCompany> = match &valid.company_registration_number {
        Some(ico) => match state.ares.lookup(ico.as_str()).await {
            Ok(found) => found,
            Err(e) => {
                tracing::warn!(error = %e, "ARES lookup for a new contact failed");
                None
            }
        },
        None => None,
    };

    let org_id = org.id;
    let public_id = uuid::Uuid::new_v4().to_string();
    state
        .db
        .write(move |tx| {
            let email_key = valid.email.as_ref().map(|e| e.uniqueness_key());
            if let Some(key) = &email_key {
                let taken: bool = tx.query_row(
                    "SELECT EXISTS (SELECT 1 FROM customer WHERE org_id = ?1 AND email_key = ?2)",
                    params![org_id, key],
                    |r| r.get(0),
                )?;
                if taken {
                    return Err(email_taken());
                }
            }
            let cu_ref_no = new_cu_ref_no(tx, org_id)?;
            let now = now();
            let c = company.as_ref();
            tx.execute(
                "INSERT INTO customer (public_id, org_id, cu_ref_no, email, email_key,
                         first_name, last_name, phone, company_name, ico, dic, street_address,
                         city, city_part, state_region, postal_code, country, ignore_bulk_mail,
                         created_at, updated_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15,
                         ?16, ?17, ?18, ?19, ?19)",
                params![
                    public_id,
                    org_id,
                    cu_ref_no,
                    valid.email.as_ref().map(|e| e.as_str()),
                    email_key,
                    valid.first_name.as_ref().map(|v| v.as_str()),
                    valid.last_name.as_ref().map(|v| v.as_str()),
                    valid.phone.as_ref().map(|v| v.as_str()),
                    c.map(|c| c.company_name.as_str()),
                    valid
                        .company_registration_number
                        .as_ref()
                        .map(|v| v.as_str()),
                    c.and_then(|c| c.dic.as_deref()),
                    c.and_then(|c| c.street_address.as_deref()),
                    c.and_then(|c| c.city.as_deref()),
                    c.and_then(|c| c.city_part.as_deref()),
                    c.and_then(|c| c.state_region.as_deref()),
                    c.and_then(|c| c.postal_code.as_deref()),
                    c.and_then(|c| c.country.as_deref()),
                    valid.ignore_bulk_mail,
                    now,
                ],
            )
            // The schema's UNIQUE (org_id, email_key) is the last word should the check
            // above ever be bypassed.
            .map_err(|e| {
                if is_unique_violation(&e) {
                    email_taken()
                } else {
                    e.into()
                }
            })?;
            let customer_id = tx.last_insert_rowid();
            for group in &valid.group_list {
                let group_id = ensure_group(
                    tx,
                    org_id,
                    group.slug.as_str(),
                    group.name.as_str(),
                    group.color.as_ref().map(|c| c.as_str()),
                )?;
                assign_group(tx, customer_id, group_id)?;
            }
            if valid.send_registration_invite
                && let Some(email) = &valid.email
            {
                tx.execute(
                    "INSERT INTO outbox (org_id, kind, recipient, created_at)
                         VALUES (?1, 'registration-invite', ?2, ?3)",
                    params![org_id, email.as_str(), now],
                )?;
            }
            JsonAnswer::new(
                StatusCode::CREATED,
                Some(format!("/bff/contact/{public_id}")),
                &ContactCreateResponse {
                    success: true,
                    customer_id: public_id,
                },
            )?
            .record(tx, &reservation)
        })
        .await
}

pub(crate) fn stored_contact(r: &Row<'_>) -> rusqlite::Result<(i64, StoredContact)> {
    Ok((
        r.get(0)?,
        StoredContact {
            customer_id: r.get(1)?,
            email: r.get(2)?,
            first_name: r.get(3)?,
            last_name: r.get(4)?,
            phone: r.get(5)?,
            company_registration_number: r.get(6)?,
            company_name: r.get(7)?,
            street_address: r.get(8)?,
            city: r.get(9)?,
            city_part: r.get(10)?,
            state_region: r.get(11)?,
            postal_code: r.get(12)?,
            country: r.get(13)?,
            dic: r.get(14)?,
            ignore_bulk_mail: r.get(15)?,
            group_list: Vec::new(),
            created_at: rfc3339(r.get(16)?),
        },
    ))
}

/// The stored contact in normal form.
#[utoipa::path(
    get, path = "/bff/contact/{customerId}", tag = "contact",
    security(("bearer" = [])),
    params(("customerId" = String, Path, description = "Id from the create answer")),
    responses(
        (status = 200, description = "The contact", body = StoredContact),
        (status = 401, description = "UNAUTHORIZED", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "FORBIDDEN", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "NOT_FOUND", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn contact_get(
    State(state): State<AppState>,
    Admin(p): Admin,
    Path(customer_id): Path<String>,
) -> Result<Json<StoredContact>, ApiError> {
    let org_id = p.org_id;
    state
        .db
        .read(move |tx| {
            let (id, mut contact) = tx
                .query_row(
                    "SELECT id, public_id, email, first_name, last_name, phone, ico, company_name,
                            street_address, city, city_part, state_region, postal_code, country,
                            dic, ignore_bulk_mail, created_at
                       FROM customer WHERE public_id = ?1 AND org_id = ?2",
                    params![customer_id, org_id],
                    stored_contact,
                )
                .optional()?
                .ok_or_else(|| {
                    ApiError::not_found("No contact of this organisation has this id.")
                })?;
            contact.group_list = customer_groups(tx, id)?;
            Ok(Json(contact))
        })
        .await
}

// ---------------------------------------------------------------------------------------------
// Members
// ---------------------------------------------------------------------------------------------

/// Invites a member: added at once when the e-mail belongs to a registered user, otherwise a
/// pending invitation.
#[utoipa::path(
    post, path = "/bff/member/invite-email", tag = "member",
    security(("bearer" = [])),
    request_body = MemberInviteRequest,
    params(("Idempotency-Key" = Option<String>, Header, description = "Replays the first answer for the same body")),
    responses(
        (status = 200, description = "Added or invited", body = MemberInviteResponse),
        (status = 401, description = "UNAUTHORIZED", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "FORBIDDEN", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "MEMBER_EXISTS on `email`", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Every violated field, PERMISSION_UNKNOWN, ROLE_UNKNOWN", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn member_invite(
    State(state): State<AppState>,
    Admin(p): Admin,
    reservation: KeyScope,
    Json(req): Json<MemberInviteRequest>,
) -> Result<JsonAnswer, ApiError> {
    let org = org_of(&state, p.org_id).await?;
    let parsed = req.parse(&org.rules());
    // Codes are checked against the catalogue even when other fields failed, so one answer
    // names every problem.
    let (permissions, roles) = state
        .db
        .read(|tx| {
            let codes = |sql: &str| -> Result<Vec<String>, ApiError> {
                let mut stmt = tx.prepare_cached(sql)?;
                let rows = stmt.query_map([], |r| r.get(0))?;
                Ok(rows.collect::<Result<_, _>>()?)
            };
            Ok((
                codes("SELECT code FROM permission")?,
                codes("SELECT code FROM role")?,
            ))
        })
        .await?;
    let mut errors = match &parsed {
        Ok(_) => Vec::new(),
        Err(errors) => errors.clone(),
    };
    for (field, list, known, code) in [
        (
            "permissionCodes",
            &req.permission_codes,
            &permissions,
            ErrorCode::PermissionUnknown,
        ),
        ("roleCodes", &req.role_codes, &roles, ErrorCode::RoleUnknown),
    ] {
        // Over the cap the parse said TOO_MANY_ITEMS once: the items are not looked at one by one.
        if list.len() > bizkit_contract::MAX_CODES {
            continue;
        }
        for (i, c) in list.iter().enumerate() {
            let name = format!("{field}[{i}]");
            let c = c.trim();
            if !c.is_empty()
                && !known.iter().any(|k| k == c)
                && !errors.iter().any(|e| e.field == name)
            {
                errors.push(FieldError::new(name, code));
            }
        }
    }
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let valid = parsed.map_err(ApiError::Validation)?;

    let org_id = org.id;
    state
        .db
        .write(move |tx| {
            let key = valid.email.uniqueness_key();
            let exists: bool = tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM member WHERE org_id = ?1 AND email_key = ?2)",
                params![org_id, key],
                |r| r.get(0),
            )?;
            if exists {
                return Err(ApiError::Conflict {
                    code: ErrorCode::MemberExists,
                    field: Some("email".to_owned()),
                    detail: "This e-mail is already a member of the organisation or invited."
                        .to_owned(),
                });
            }
            let user_id: Option<i64> = tx
                .query_row("SELECT id FROM user WHERE email_key = ?1", [&key], |r| {
                    r.get(0)
                })
                .optional()?;
            let status = if user_id.is_some() {
                InviteStatus::Added
            } else {
                InviteStatus::Invited
            };
            let public_id = uuid::Uuid::new_v4().to_string();
            let now = now();
            tx.execute(
                "INSERT INTO member (public_id, org_id, email, email_key, first_name, last_name,
                     status, user_id, permission_codes, role_codes, description, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                params![
                    public_id,
                    org_id,
                    valid.email.as_str(),
                    key,
                    valid.first_name.as_ref().map(|v| v.as_str()),
                    valid.last_name.as_ref().map(|v| v.as_str()),
                    if user_id.is_some() {
                        "active"
                    } else {
                        "invited"
                    },
                    user_id,
                    serde_json::to_string(&valid.permission_codes).unwrap_or_default(),
                    serde_json::to_string(&valid.role_codes).unwrap_or_default(),
                    valid.description.as_ref().map(|v| v.as_str()),
                    now,
                ],
            )
            .map_err(|e| {
                if is_unique_violation(&e) {
                    ApiError::Conflict {
                        code: ErrorCode::MemberExists,
                        field: Some("email".to_owned()),
                        detail: "This e-mail is already a member of the organisation or invited."
                            .to_owned(),
                    }
                } else {
                    e.into()
                }
            })?;
            tx.execute(
                "INSERT INTO outbox (org_id, kind, recipient, created_at) VALUES (?1, ?2, ?3, ?4)",
                params![
                    org_id,
                    if user_id.is_some() {
                        "member-added"
                    } else {
                        "member-invitation"
                    },
                    valid.email.as_str(),
                    now
                ],
            )?;
            JsonAnswer::new(
                StatusCode::OK,
                None,
                &MemberInviteResponse {
                    success: true,
                    member_id: public_id,
                    status,
                },
            )?
            .record(tx, &reservation)
        })
        .await
}

/// The permission and role catalogue to grant from.
#[utoipa::path(
    get, path = "/bff/member/permission-list", tag = "member",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The catalogue", body = PermissionList),
        (status = 401, description = "UNAUTHORIZED", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "FORBIDDEN", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn permission_list(
    State(state): State<AppState>,
    Admin(_): Admin,
) -> Result<Json<PermissionList>, ApiError> {
    state
        .db
        .read(|tx| {
            let list = |sql: &str| -> Result<Vec<CodeName>, ApiError> {
                let mut stmt = tx.prepare_cached(sql)?;
                let rows = stmt.query_map([], |r| {
                    Ok(CodeName {
                        code: r.get(0)?,
                        name: r.get(1)?,
                    })
                })?;
                Ok(rows.collect::<Result<_, _>>()?)
            };
            Ok(Json(PermissionList {
                permissions: list("SELECT code, name FROM permission ORDER BY position")?,
                roles: list("SELECT code, name FROM role ORDER BY position")?,
            }))
        })
        .await
}

// ---------------------------------------------------------------------------------------------
// Customer groups
// ---------------------------------------------------------------------------------------------

/// The organisation's customer groups, to suggest existing ones.
#[utoipa::path(
    get, path = "/bff/customer-group/list", tag = "customer",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Groups by slug", body = Vec<CustomerGroup>),
        (status = 401, description = "UNAUTHORIZED", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "FORBIDDEN", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn customer_group_list(
    State(state): State<AppState>,
    Admin(p): Admin,
) -> Result<Json<Vec<CustomerGroup>>, ApiError> {
    let org_id = p.org_id;
    state
        .db
        .read(move |tx| {
            let mut stmt = tx.prepare_cached(
                "SELECT slug, name, color FROM customer_group WHERE org_id = ?1 ORDER BY slug",
            )?;
            let rows = stmt.query_map([org_id], |r| {
                Ok(CustomerGroup {
                    slug: r.get(0)?,
                    name: r.get(1)?,
                    color: r.get(2)?,
                })
            })?;
            Ok(Json(rows.collect::<Result<_, _>>()?))
        })
        .await
}

/// Adds groups to a customer found by cuRefNo (preferred) or e-mail; unknown groups are
/// created, assigned ones skipped.
#[utoipa::path(
    post, path = "/api/v1/customer/add-groups", tag = "customer",
    security(("bearer" = [])),
    request_body = AddGroupsRequest,
    params(("Idempotency-Key" = Option<String>, Header, description = "Replays the first answer for the same body")),
    responses(
        (status = 200, description = "Groups added", body = AddGroupsResponse),
        (status = 401, description = "UNAUTHORIZED", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "FORBIDDEN", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "CUSTOMER_NOT_FOUND on `cuRefNo` or `email`", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Every violated field", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn customer_add_groups(
    State(state): State<AppState>,
    Admin(p): Admin,
    reservation: KeyScope,
    Json(req): Json<AddGroupsRequest>,
) -> Result<JsonAnswer, ApiError> {
    let org = org_of(&state, p.org_id).await?;
    let valid = req.parse(&org.rules())?;
    let org_id = org.id;
    state
        .db
        .write(move |tx| {
            let (sql, value, field) = match &valid.customer {
                CustomerRef::CuRefNo(c) => (
                    "SELECT id FROM customer WHERE org_id = ?1 AND cu_ref_no = ?2",
                    c.as_str().to_owned(),
                    "cuRefNo",
                ),
                CustomerRef::Email(e) => (
                    "SELECT id FROM customer WHERE org_id = ?1 AND email_key = ?2",
                    e.uniqueness_key(),
                    "email",
                ),
            };
            let customer_id: i64 = tx
                .query_row(sql, params![org_id, value], |r| r.get(0))
                .optional()?
                .ok_or_else(|| customer_not_found(field))?;
            let mut added = Vec::new();
            let mut already_assigned = Vec::new();
            for slug in &valid.groups {
                let group_id = ensure_group(tx, org_id, slug.as_str(), slug.as_str(), None)?;
                if assign_group(tx, customer_id, group_id)? {
                    added.push(slug.as_str().to_owned());
                } else {
                    already_assigned.push(slug.as_str().to_owned());
                }
            }
            JsonAnswer::new(
                StatusCode::OK,
                None,
                &AddGroupsResponse {
                    success: true,
                    added,
                    already_assigned,
                },
            )?
            .record(tx, &reservation)
        })
        .await
}

// ---------------------------------------------------------------------------------------------
// Customer profile
// ---------------------------------------------------------------------------------------------

fn profile_of(tx: &Transaction<'_>, customer_id: i64) -> Result<UpdateProfileRequest, ApiError> {
    let mut profile = tx
        .query_row(
            "SELECT email, name, first_name, last_name, phone, company_name, ico, dic,
                    street_address, city, city_part, state_region, postal_code, country,
                    newsletter, primary_locale, customer_real_ip, referral_id
               FROM customer WHERE id = ?1",
            [customer_id],
            |r| {
                Ok(UpdateProfileRequest {
                    email: r.get(0)?,
                    name: r.get(1)?,
                    first_name: r.get(2)?,
                    last_name: r.get(3)?,
                    phone: r.get(4)?,
                    company_name: r.get(5)?,
                    company_registration_number: r.get(6)?,
                    tax_identification_number: r.get(7)?,
                    street_address: r.get(8)?,
                    city: r.get(9)?,
                    city_part: r.get(10)?,
                    state_region: r.get(11)?,
                    postal_code: r.get(12)?,
                    country: r.get(13)?,
                    newsletter: Some(r.get(14)?),
                    primary_locale: r.get(15)?,
                    groups: Vec::new(),
                    customer_real_ip: r.get(16)?,
                    referral_id: r.get(17)?,
                })
            },
        )
        .optional()?
        .ok_or_else(|| ApiError::not_found("The customer no longer exists."))?;
    profile.groups = customer_groups(tx, customer_id)?
        .into_iter()
        .map(|g| g.slug)
        .collect();
    Ok(profile)
}

/// The signed-in customer's profile (the 19 fields, in normal form).
#[utoipa::path(
    get, path = "/api/v1/customer/profile", tag = "customer",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The profile", body = UpdateProfileRequest),
        (status = 401, description = "UNAUTHORIZED", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "NOT_FOUND: the sign-in is not a customer's", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn customer_profile_get(
    State(state): State<AppState>,
    Authenticated(p): Authenticated,
) -> Result<Json<UpdateProfileRequest>, ApiError> {
    let Subject::User {
        customer_id: Some(customer_id),
        ..
    } = p.subject
    else {
        return Err(ApiError::not_found(
            "This sign-in has no customer profile; administrators read contacts under /bff/contact.",
        ));
    };
    state
        .db
        .read(move |tx| profile_of(tx, customer_id).map(Json))
        .await
}

/// Stores the 19 profile fields (normalised) of a customer: a customer token only its own
/// (the body's e-mail must be its e-mail), an admin token any customer of its organisation.
#[utoipa::path(
    post, path = "/api/v1/customer/update-profile", tag = "customer",
    security(("bearer" = [])),
    request_body = UpdateProfileRequest,
    params(("Idempotency-Key" = Option<String>, Header, description = "Replays the first answer for the same body")),
    responses(
        (status = 200, description = "Stored", body = SuccessResponse),
        (status = 401, description = "UNAUTHORIZED", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "FORBIDDEN: another customer's e-mail", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "CUSTOMER_NOT_FOUND on `email` (admin)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Every violated field", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn customer_update_profile(
    State(state): State<AppState>,
    Authenticated(p): Authenticated,
    reservation: KeyScope,
    Json(req): Json<UpdateProfileRequest>,
) -> Result<JsonAnswer, ApiError> {
    let org = org_of(&state, p.org_id).await?;
    let valid = req.parse(&org.rules())?;
    let key = valid.email.uniqueness_key();
    let own_customer = match &p.subject {
        Subject::User {
            email, customer_id, ..
        } if p.role == Role::Customer => {
            if email.to_lowercase() != key {
                return Err(ApiError::forbidden(
                    "A customer may update only its own profile: use your own e-mail.",
                ));
            }
            Some(customer_id.ok_or_else(|| ApiError::forbidden("No customer profile."))?)
        }
        _ => None,
    };
    let org_id = org.id;
    state
        .db
        .write(move |tx| {
            let customer_id = match own_customer {
                Some(id) => id,
                None => tx
                    .query_row(
                        "SELECT id FROM customer WHERE org_id = ?1 AND email_key = ?2",
                        params![org_id, key],
                        |r| r.get(0),
                    )
                    .optional()?
                    .ok_or_else(|| customer_not_found("email"))?,
            };
            let s = |v: Option<&str>| v.map(str::to_owned);
            // The profile form always sends every field, so a field left out is cleared: the
            // stored profile is what was sent. Groups are only added (see below).
            tx.execute(
                "UPDATE customer SET email = ?2, name = ?3, first_name = ?4, last_name = ?5,
                     phone = ?6, company_name = ?7, ico = ?8, dic = ?9, street_address = ?10,
                     city = ?11, city_part = ?12, state_region = ?13, postal_code = ?14,
                     country = ?15, newsletter = ?16, primary_locale = ?17,
                     customer_real_ip = ?18, referral_id = ?19, updated_at = ?20
                 WHERE id = ?1",
                params![
                    customer_id,
                    valid.email.as_str(),
                    s(valid.name.as_ref().map(|v| v.as_str())),
                    s(valid.first_name.as_ref().map(|v| v.as_str())),
                    s(valid.last_name.as_ref().map(|v| v.as_str())),
                    s(valid.phone.as_ref().map(|v| v.as_str())),
                    s(valid.company_name.as_ref().map(|v| v.as_str())),
                    s(valid
                        .company_registration_number
                        .as_ref()
                        .map(|v| v.as_str())),
                    s(valid.tax_identification_number.as_ref().map(|v| v.as_str())),
                    s(valid.street_address.as_ref().map(|v| v.as_str())),
                    s(valid.city.as_ref().map(|v| v.as_str())),
                    s(valid.city_part.as_ref().map(|v| v.as_str())),
                    s(valid.state_region.as_ref().map(|v| v.as_str())),
                    s(valid.postal_code.as_ref().map(|v| v.as_str())),
                    s(valid.country.as_ref().map(|v| v.as_str())),
                    valid.newsletter,
                    s(valid.primary_locale.as_ref().map(|v| v.as_str())),
                    s(valid.customer_real_ip.as_ref().map(|v| v.as_str())),
                    s(valid.referral_id.as_ref().map(|v| v.as_str())),
                    now(),
                ],
            )?;
            // A customer may join groups from the portal but never leave ones an administrator
            // assigned, so groups are added, not replaced.
            for slug in &valid.groups {
                let group_id = ensure_group(tx, org_id, slug.as_str(), slug.as_str(), None)?;
                assign_group(tx, customer_id, group_id)?;
            }
            JsonAnswer::new(StatusCode::OK, None, &SuccessResponse { success: true })?
                .record(tx, &reservation)
        })
        .await
}

// ---------------------------------------------------------------------------------------------
// Organisation contacts
// ---------------------------------------------------------------------------------------------

fn own_org(p: &Principal, org_id: i64) -> Result<(), ApiError> {
    if p.org_id == org_id {
        Ok(())
    } else {
        Err(ApiError::forbidden(
            "This token belongs to another organisation.",
        ))
    }
}

fn org_contact_from_row(org: &Org, r: &Row<'_>) -> rusqlite::Result<OrgContact> {
    let id: i64 = r.get(0)?;
    let type_id: u32 = r.get(1)?;
    let country_id: Option<u16> = r.get(7)?;
    Ok(OrgContact {
        id: id as u64,
        organisation: IdName {
            id: org.id as u64,
            name: org.name.clone(),
        },
        contact_type: IdName {
            id: u64::from(type_id),
            name: ContactType::from_id(type_id)
                .map(|t| t.name(Lang::En).to_owned())
                .unwrap_or_default(),
        },
        name: r.get(2)?,
        title: r.get(3)?,
        department: r.get(4)?,
        street: r.get(5)?,
        zipcode: r.get(6)?,
        city: r.get(8)?,
        country: country_id.and_then(Country::from_numeric).map(|c| IdName {
            id: u64::from(c.numeric()),
            name: c.name_en().to_owned(),
        }),
        email: r.get(9)?,
        phone: r.get(10)?,
        mobile: r.get(11)?,
        state: r.get(12)?,
        secondary_address: r.get(13)?,
        purchase_order_number: r.get(14)?,
        contact_id: id.to_string(),
    })
}

const ORG_CONTACT_COLUMNS: &str = "id, type_id, name, title, department, street, zipcode,
    country_id, city, email, phone, mobile, state, secondary_address, purchase_order_number";

fn insert_org_contact(
    tx: &Transaction<'_>,
    org_id: i64,
    v: &ValidOrgContactCreate,
) -> Result<i64, ApiError> {
    let t = |x: Option<&str>| x.map(str::to_owned);
    tx.execute(
        "INSERT INTO org_contact (org_id, type_id, name, title, department, street, zipcode,
             city, country_id, email, phone, mobile, state, secondary_address,
             purchase_order_number, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
        params![
            org_id,
            v.contact_type.id(),
            t(v.name.as_ref().map(|x| x.as_str())),
            t(v.title.as_ref().map(|x| x.as_str())),
            t(v.department.as_ref().map(|x| x.as_str())),
            t(v.street.as_ref().map(|x| x.as_str())),
            t(v.zipcode.as_ref().map(|x| x.as_str())),
            t(v.city.as_ref().map(|x| x.as_str())),
            v.country.as_ref().map(|c| c.numeric()),
            t(v.email.as_ref().map(|x| x.as_str())),
            t(v.phone.as_ref().map(|x| x.as_str())),
            t(v.mobile.as_ref().map(|x| x.as_str())),
            t(v.state.as_ref().map(|x| x.as_str())),
            t(v.secondary_address.as_ref().map(|x| x.as_str())),
            t(v.purchase_order_number.as_ref().map(|x| x.as_str())),
            now(),
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

/// Creates a contact of the organisation (the peer API's model). `id` and `organisation_id`
/// must appear neither in the query nor in the body.
#[utoipa::path(
    post, path = "/api/v1/organizations/{org_id}/contacts", tag = "organisation",
    security(("bearer" = [])),
    request_body = OrgContactCreateRequest,
    params(
        ("org_id" = i64, Path, description = "The caller's organisation"),
        ("Idempotency-Key" = Option<String>, Header, description = "Replays the first answer for the same body"),
    ),
    responses(
        (status = 201, description = "Created; Location names the contact", body = OrgContact),
        (status = 400, description = "FORBIDDEN_PARAMETER (`id`, `organisation_id`), MALFORMED_JSON", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "UNAUTHORIZED", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "FORBIDDEN: another organisation, or a customer token", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Every violated field", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn org_contact_create(
    State(state): State<AppState>,
    Admin(p): Admin,
    Path(org_id): Path<i64>,
    OriginalUri(uri): OriginalUri,
    reservation: KeyScope,
    Json(req): Json<OrgContactCreateRequest>,
) -> Result<JsonAnswer, ApiError> {
    own_org(&p, org_id)?;
    let org = org_of(&state, org_id).await?;
    let mut errors: Vec<FieldError> = uri
        .query()
        .map(query_param_names)
        .unwrap_or_default()
        .into_iter()
        .filter(|n| n == "id" || n == "organisation_id")
        .map(|n| FieldError::new(n, ErrorCode::ForbiddenParameter))
        .collect();
    let parsed = req.parse(&org.rules());
    let valid = match parsed {
        Ok(valid) if errors.is_empty() => valid,
        Ok(_) => return Err(ApiError::Validation(errors)),
        Err(body_errors) => {
            for e in body_errors {
                if !errors.contains(&e) {
                    errors.push(e);
                }
            }
            return Err(ApiError::Validation(errors));
        }
    };
    state
        .db
        .write(move |tx| {
            let id = insert_org_contact(tx, org.id, &valid)?;
            let contact = tx.query_row(
                &format!("SELECT {ORG_CONTACT_COLUMNS} FROM org_contact WHERE id = ?1"),
                [id],
                |r| org_contact_from_row(&org, r),
            )?;
            JsonAnswer::new(
                StatusCode::CREATED,
                Some(format!(
                    "/api/v1/organizations/{org_id}/contacts/{}",
                    contact.id
                )),
                &contact,
            )?
            .record(tx, &reservation)
        })
        .await
}

/// The organisation's contacts, oldest first.
#[utoipa::path(
    get, path = "/api/v1/organizations/{org_id}/contacts", tag = "organisation",
    security(("bearer" = [])),
    params(("org_id" = i64, Path, description = "The caller's organisation")),
    responses(
        (status = 200, description = "The contacts", body = Vec<OrgContact>),
        (status = 401, description = "UNAUTHORIZED", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "FORBIDDEN", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn org_contact_list(
    State(state): State<AppState>,
    Admin(p): Admin,
    Path(org_id): Path<i64>,
) -> Result<Json<Vec<OrgContact>>, ApiError> {
    own_org(&p, org_id)?;
    state
        .db
        .read(move |tx| {
            let org = load_org(tx, org_id)?;
            let mut stmt = tx.prepare_cached(&format!(
                "SELECT {ORG_CONTACT_COLUMNS} FROM org_contact WHERE org_id = ?1 ORDER BY id"
            ))?;
            let rows = stmt.query_map([org_id], |r| org_contact_from_row(&org, r))?;
            Ok(Json(rows.collect::<Result<_, _>>()?))
        })
        .await
}

/// One contact of the organisation.
#[utoipa::path(
    get, path = "/api/v1/organizations/{org_id}/contacts/{id}", tag = "organisation",
    security(("bearer" = [])),
    params(
        ("org_id" = i64, Path, description = "The caller's organisation"),
        ("id" = i64, Path, description = "Contact id"),
    ),
    responses(
        (status = 200, description = "The contact", body = OrgContact),
        (status = 401, description = "UNAUTHORIZED", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "FORBIDDEN", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "NOT_FOUND", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn org_contact_get(
    State(state): State<AppState>,
    Admin(p): Admin,
    Path((org_id, id)): Path<(i64, i64)>,
) -> Result<Json<OrgContact>, ApiError> {
    own_org(&p, org_id)?;
    state
        .db
        .read(move |tx| {
            let org = load_org(tx, org_id)?;
            tx.query_row(
                &format!(
                    "SELECT {ORG_CONTACT_COLUMNS} FROM org_contact WHERE org_id = ?1 AND id = ?2"
                ),
                [org_id, id],
                |r| org_contact_from_row(&org, r),
            )
            .optional()?
            .map(Json)
            .ok_or_else(|| ApiError::not_found("No contact of this organisation has this id."))
        })
        .await
}

// ---------------------------------------------------------------------------------------------
// ARES
// ---------------------------------------------------------------------------------------------

/// A company from ARES by IČO (checked first: an invalid IČO never reaches ARES).
#[utoipa::path(
    get, path = "/bff/ares/{ico}", tag = "ares",
    security(("bearer" = [])),
    params(("ico" = String, Path, description = "IČO, 8 digits (shorter input is left-padded)")),
    responses(
        (status = 200, description = "The company", body = AresRecord),
        (status = 401, description = "UNAUTHORIZED", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "FORBIDDEN", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "ARES_NOT_FOUND on `ico`", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "ICO_* on `ico`", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "ARES_UNAVAILABLE", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn ares_get(
    State(state): State<AppState>,
    Admin(_): Admin,
    Path(ico): Path<String>,
) -> Result<Json<AresRecord>, ApiError> {
    ares_answer(&state, &ico).await
}

/// The answer of both ARES routes (this one and `/api/v1/ares/{ico}` in `lookup`).
pub async fn ares_answer(state: &AppState, ico: &str) -> Result<Json<AresRecord>, ApiError> {
    let ico =
        Ico::parse(ico).map_err(|code| ApiError::Validation(vec![FieldError::new("ico", code)]))?;
    match state.ares.lookup(ico.as_str()).await {
        Ok(Some(c)) => Ok(Json(AresRecord {
            ico: c.ico,
            company_name: c.company_name,
            dic: c.dic,
            street_address: c.street_address,
            city: c.city,
            city_part: c.city_part,
            state_region: c.state_region,
            postal_code: c.postal_code,
            country: c.country,
            dissolved: c.dissolved,
        })),
        Ok(None) => Err(ApiError::NotFound {
            code: ErrorCode::AresNotFound,
            field: Some("ico".to_owned()),
            detail: "ARES knows no company with this IČO.".to_owned(),
        }),
        Err(e) => Err(ApiError::AresUnavailable(e.to_string())),
    }
}

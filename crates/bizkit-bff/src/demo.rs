//! Demo data written into an empty data folder when asked for (`--demo`): two organisations (so tests can prove nothing
//! crosses them), their admins, the demo customer with a profile, groups, the permission and
//! role catalogue, and one API key per organisation.

use std::net::IpAddr;

use bizkit_contract::Role;
use rusqlite::{Transaction, named_params};

use crate::auth::{PasswordCost, hash_password};
use crate::crypto::{new_api_key, sha256};
use crate::db::{Db, now};
use crate::store::users::role_column;

pub const DEMO_ORG_ID: i64 = 1;
pub const OTHER_ORG_ID: i64 = 2;
pub const ADMIN_EMAIL: &str = "admin@demo.test";
pub const ADMIN_PASSWORD: &str = "demo-admin";
pub const CUSTOMER_EMAIL: &str = "jan@barasek.com";
pub const CUSTOMER_PASSWORD: &str = "demo-customer";
pub const CUSTOMER_CU_REF_NO: &str = "1cGIHvFoQDGLAbcA";
pub const OTHER_ADMIN_EMAIL: &str = "admin@other.test";
pub const OTHER_ADMIN_PASSWORD: &str = "other-admin";

/// Shown once, on the start that created them: only hashes are stored.
#[derive(Clone, Debug)]
pub struct DemoCredentials {
    pub api_key: String,
    pub other_api_key: String,
}

pub const PERMISSIONS: &[(&str, &str)] = &[
    ("contact.read", "Read contacts"),
    ("contact.write", "Create and edit contacts"),
    ("customer.groups", "Manage customer groups"),
    ("member.invite", "Invite members"),
    ("member.manage", "Manage members and their rights"),
    ("invoice.read", "Read invoices"),
    ("settings.manage", "Manage organisation settings"),
];

pub const ROLES: &[(&str, &str)] = &[
    ("admin", "Administrator"),
    ("manager", "Manager"),
    ("accountant", "Accountant"),
    ("viewer", "Viewer"),
];

/// Fills an empty database: always the permission and role catalogue (reference data, no one's
/// account), and the demo organisations with their well-known sign-ins only when `demo` is asked
/// for (`--demo`). Returns the new API keys when it created the demo data.
pub fn create_if_empty(
    db: &Db,
    cost: PasswordCost,
    demo: bool,
) -> anyhow::Result<Option<DemoCredentials>> {
    db.write_blocking(insert_catalogue_if_empty)?;
    if !demo {
        return Ok(None);
    }
    // Hashing is the slow part: do it outside the write transaction.
    let admin_hash = hash_password(ADMIN_PASSWORD, cost)?;
    let customer_hash = hash_password(CUSTOMER_PASSWORD, cost)?;
    let other_hash = hash_password(OTHER_ADMIN_PASSWORD, cost)?;
    db.write_blocking(|tx| {
        let orgs: i64 = tx.query_row("SELECT COUNT(*) FROM organisation", [], |r| r.get(0))?;
        if orgs > 0 {
            return Ok(None);
        }
        Ok(Some(insert(tx, &admin_hash, &customer_hash, &other_hash)?))
    })
}

/// Whether the database holds the demo sign-ins (made by this or an earlier start with `--demo`).
pub fn present(db: &Db) -> anyhow::Result<bool> {
    db.write_blocking(|tx| {
        Ok(tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM user
                             WHERE email_key IN (:admin, :customer, :other_admin))",
            named_params! {
                ":admin": ADMIN_EMAIL,
                ":customer": CUSTOMER_EMAIL,
                ":other_admin": OTHER_ADMIN_EMAIL,
            },
            |r| r.get(0),
        )?)
    })
}

/// The demo sign-ins have published passwords: they are served on a loopback address only,
/// unless the operator says explicitly that they want them reachable from elsewhere.
pub fn check_address(ip: IpAddr, demo_data: bool, allow_public: bool) -> anyhow::Result<()> {
    if demo_data && !ip.is_loopback() && !allow_public {
        anyhow::bail!(
            "refusing to serve the demo sign-ins (passwords published in the README) on {ip}, \
             which is not a loopback address: listen on 127.0.0.1, use a data folder without \
             demo data, or pass --allow-public-demo if you really mean it"
        );
    }
    Ok(())
}

fn insert_catalogue_if_empty(tx: &Transaction<'_>) -> anyhow::Result<()> {
    let known: i64 = tx.query_row("SELECT COUNT(*) FROM permission", [], |r| r.get(0))?;
    if known > 0 {
        return Ok(());
    }
    for (i, (code, name)) in PERMISSIONS.iter().enumerate() {
        tx.execute(
            "INSERT INTO permission (code, name, position) VALUES (:code, :name, :position)",
            named_params! {":code": code, ":name": name, ":position": i as i64},
        )?;
    }
    for (i, (code, name)) in ROLES.iter().enumerate() {
        tx.execute(
            "INSERT INTO role (code, name, position) VALUES (:code, :name, :position)",
            named_params! {":code": code, ":name": name, ":position": i as i64},
        )?;
    }
    Ok(())
}

fn insert(
    tx: &Transaction<'_>,
    admin_hash: &str,
    customer_hash: &str,
    other_hash: &str,
) -> anyhow::Result<DemoCredentials> {
    let now = now();
    tx.execute(
        "INSERT INTO organisation (id, name, default_country, phone_prefix, locales)
         VALUES (:demo_org_id, 'Demo s.r.o.', 'CZ', '+420', 'cs,en,sk,de'),
                (:other_org_id, 'Iná firma s.r.o.', 'SK', '+421', 'sk,cs,en')",
        named_params! {":demo_org_id": DEMO_ORG_ID, ":other_org_id": OTHER_ORG_ID},
    )?;
    for (org, slug, name, color) in [
        (DEMO_ORG_ID, "vip", "VIP", Some("#d4af37")),
        (DEMO_ORG_ID, "newsletter", "Newsletter", Some("#1e88e5")),
        (
            DEMO_ORG_ID,
            "personal-training",
            "Personal training",
            Some("#43a047"),
        ),
        (OTHER_ORG_ID, "partner", "Partner", None),
    ] {
        tx.execute(
            "INSERT INTO customer_group (org_id, slug, name, color)
             VALUES (:org_id, :slug, :name, :color)",
            named_params! {":org_id": org, ":slug": slug, ":name": name, ":color": color},
        )?;
    }

    tx.execute(
        "INSERT INTO customer (public_id, org_id, cu_ref_no, email, email_key, name, first_name,
             last_name, phone, company_name, ico, dic, street_address, city, city_part,
             state_region, postal_code, country, newsletter, ignore_bulk_mail, primary_locale,
             customer_real_ip, referral_id, created_at, updated_at)
         VALUES (:public_id, :org_id, :cu_ref_no, :email, :email_key, 'Jan Barášek', 'Jan',
             'Barášek', '+420 777123456', 'BizKitHub s.r.o.', '05103118', 'CZ05103118',
             'R. Novotného 1505', 'Kladno', 'Kročehlavy', 'Středočeský kraj', '272 01', 'CZ', 0, 0,
             'cs', '127.0.0.1', NULL, :now, :now)",
        named_params! {
            ":public_id": uuid::Uuid::new_v4().to_string(),
            ":org_id": DEMO_ORG_ID,
            ":cu_ref_no": CUSTOMER_CU_REF_NO,
            ":email": CUSTOMER_EMAIL,
            ":email_key": CUSTOMER_EMAIL,
            ":now": now,
        },
    )?;
    let customer_id = tx.last_insert_rowid();
    tx.execute(
        "INSERT INTO customer_group_member (customer_id, group_id)
         SELECT :customer_id, id FROM customer_group WHERE org_id = :org_id AND slug = 'vip'",
        named_params! {":customer_id": customer_id, ":org_id": DEMO_ORG_ID},
    )?;

    let user = |org: i64, email: &str, hash: &str, role: Role, customer: Option<i64>| {
        tx.execute(
            "INSERT INTO user (org_id, email, email_key, password_hash, role, customer_id)
             VALUES (:org_id, :email, :email_key, :password_hash, :role, :customer_id)",
            named_params! {
                ":org_id": org,
                ":email": email,
                ":email_key": email.to_lowercase(),
                ":password_hash": hash,
                ":role": role_column(role),
                ":customer_id": customer,
            },
        )
        .map(|_| tx.last_insert_rowid())
    };
    let admin_id = user(DEMO_ORG_ID, ADMIN_EMAIL, admin_hash, Role::Admin, None)?;
    user(
        DEMO_ORG_ID,
        CUSTOMER_EMAIL,
        customer_hash,
        Role::Customer,
        Some(customer_id),
    )?;
    let other_id = user(
        OTHER_ORG_ID,
        OTHER_ADMIN_EMAIL,
        other_hash,
        Role::Admin,
        None,
    )?;

    for (org, email, user_id) in [
        (DEMO_ORG_ID, ADMIN_EMAIL, admin_id),
        (OTHER_ORG_ID, OTHER_ADMIN_EMAIL, other_id),
    ] {
        tx.execute(
            "INSERT INTO member (public_id, org_id, email, email_key, status, user_id,
                 permission_codes, role_codes, created_at)
             VALUES (:public_id, :org_id, :email, :email, 'active', :user_id, '[]', '[\"admin\"]',
                 :created_at)",
            named_params! {
                ":public_id": uuid::Uuid::new_v4().to_string(),
                ":org_id": org,
                ":email": email,
                ":user_id": user_id,
                ":created_at": now,
            },
        )?;
    }

    let api_key = new_api_key("PROD");
    let other_api_key = new_api_key("PROD");
    for (org, key, label) in [
        (DEMO_ORG_ID, &api_key, "demo"),
        (OTHER_ORG_ID, &other_api_key, "other"),
    ] {
        tx.execute(
            "INSERT INTO api_key (org_id, key_hash, kind, label, created_at)
             VALUES (:org_id, :key_hash, 'PROD', :label, :created_at)",
            named_params! {
                ":org_id": org,
                ":key_hash": sha256(key.as_bytes()),
                ":label": label,
                ":created_at": now,
            },
        )?;
    }
    Ok(DemoCredentials {
        api_key,
        other_api_key,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_data_is_served_on_loopback_only_unless_allowed() {
        let v4: IpAddr = "127.0.0.1".parse().unwrap();
        let v6: IpAddr = "::1".parse().unwrap();
        let any: IpAddr = "0.0.0.0".parse().unwrap();
        let lan: IpAddr = "192.168.1.10".parse().unwrap();
        assert!(check_address(v4, true, false).is_ok());
        assert!(check_address(v6, true, false).is_ok());
        assert!(check_address(any, true, false).is_err());
        assert!(check_address(lan, true, false).is_err());
        assert!(check_address(lan, true, true).is_ok());
        assert!(check_address(any, false, false).is_ok());
    }

    #[test]
    fn without_demo_only_the_catalogue_is_made() {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::open(&dir.path().join("t.sqlite3"), crate::store::SCHEMA).unwrap();
        assert!(
            create_if_empty(&db, PasswordCost::Fast, false)
                .unwrap()
                .is_none()
        );
        assert!(!present(&db).unwrap());
        let users: i64 = db
            .write_blocking(|tx| Ok(tx.query_row("SELECT COUNT(*) FROM user", [], |r| r.get(0))?))
            .unwrap();
        assert_eq!(users, 0);
        assert!(
            create_if_empty(&db, PasswordCost::Fast, true)
                .unwrap()
                .is_some()
        );
        assert!(present(&db).unwrap());
        // Once made, never again.
        assert!(
            create_if_empty(&db, PasswordCost::Fast, true)
                .unwrap()
                .is_none()
        );
    }
}

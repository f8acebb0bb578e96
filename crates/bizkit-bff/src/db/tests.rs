//! The schema, the migrations (base and per module, over real SQLite files) and the helpers of `db`.

use super::*;

#[test]
fn schema_enforces_uniqueness() {
    let dir = tempfile::tempdir().unwrap();
    let db = Db::open(&dir.path().join("t.sqlite3"), &[]).unwrap();
    db.write_blocking(|tx| {
        tx.execute_batch(
            "INSERT INTO organisation VALUES (1, 'A', 'CZ', '+420', 'cs'), (2, 'B', 'CZ', '+420', 'cs');
             INSERT INTO customer (public_id, org_id, cu_ref_no, email, email_key, created_at, updated_at)
             VALUES ('a', 1, 'AAAAAAAAAAAAAAAA', 'X@a.cz', 'x@a.cz', 0, 0);
             INSERT INTO customer (public_id, org_id, cu_ref_no, email_key, created_at, updated_at)
             VALUES ('b', 2, 'AAAAAAAAAAAAAAAA', 'x@a.cz', 0, 0);
             INSERT INTO customer (public_id, org_id, cu_ref_no, created_at, updated_at)
             VALUES ('c', 1, 'BBBBBBBBBBBBBBBB', 0, 0), ('d', 1, 'CCCCCCCCCCCCCCCC', 0, 0);
             INSERT INTO customer_group (org_id, slug, name) VALUES (1, 'vip', 'VIP');
             INSERT INTO customer_group_member VALUES (1, 1);",
        )?;
        let dup = |sql: &str| {
            let e = tx.execute(sql, []).unwrap_err();
            assert!(is_unique_violation(&e), "{sql}: {e}");
        };
        dup("INSERT INTO customer (public_id, org_id, cu_ref_no, email_key, created_at, updated_at)
             VALUES ('e', 1, 'DDDDDDDDDDDDDDDD', 'x@a.cz', 0, 0)");
        dup("INSERT INTO customer (public_id, org_id, cu_ref_no, created_at, updated_at)
             VALUES ('f', 1, 'AAAAAAAAAAAAAAAA', 0, 0)");
        dup("INSERT INTO customer_group_member VALUES (1, 1)");
        dup("INSERT INTO customer_group (org_id, slug, name) VALUES (1, 'vip', 'Again')");
        tx.execute_batch(
            "INSERT INTO member (public_id, org_id, email, email_key, status, permission_codes, role_codes, created_at)
             VALUES ('m1', 1, 'a@b.cz', 'a@b.cz', 'invited', '[]', '[]', 0)",
        )?;
        dup("INSERT INTO member (public_id, org_id, email, email_key, status, permission_codes, role_codes, created_at)
             VALUES ('m2', 1, 'A@b.cz', 'a@b.cz', 'invited', '[]', '[]', 0)");
        // Foreign keys are on.
        assert!(tx.execute("INSERT INTO customer_group_member VALUES (99, 1)", []).is_err());
        Ok(())
    })
    .unwrap();
}

/// A module of notes on customers, as a call adding a table would bring (tests only: the
/// real modules have no migration past the base yet).
const NOTES: &[&str] = &[
    "CREATE TABLE t_note (
         id          INTEGER PRIMARY KEY,
         customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
         body        TEXT NOT NULL
     );",
    "ALTER TABLE t_note ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0;",
];

fn tables(conn: &Connection) -> Vec<String> {
    let mut statement = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
        .unwrap();
    statement
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

fn versions(conn: &Connection) -> Vec<(String, i64)> {
    let mut statement = conn
        .prepare("SELECT module, version FROM schema_version ORDER BY module")
        .unwrap();
    statement
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

fn user_version(conn: &Connection) -> i64 {
    conn.pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap()
}

#[test]
fn a_file_of_the_single_list_keeps_its_data_and_gains_the_module_tables() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.sqlite3");
    // What the server wrote before the modules kept their own migrations: the base steps,
    // counted in user_version, and no schema_version.
    {
        let mut old = Connection::open(&path).unwrap();
        configure(&old).unwrap();
        migrate_base(&mut old).unwrap();
        old.execute_batch(
            "INSERT INTO organisation VALUES (1, 'A', 'CZ', '+420', 'cs');
             INSERT INTO customer (public_id, org_id, cu_ref_no, email, created_at, updated_at)
             VALUES ('p1', 1, 'AAAAAAAAAAAAAAAA', 'jan@a.cz', 7, 7);",
        )
        .unwrap();
        assert_eq!(user_version(&old), BASE.len() as i64);
    }
    let before = tables(&Connection::open(&path).unwrap());

    let one = [Schema::new("notes", &NOTES[..1])];
    let db = Db::open(&path, &one).unwrap();
    let conn = Connection::open(&path).unwrap();
    let mut expected = before.clone();
    expected.extend(["schema_version".to_owned(), "t_note".to_owned()]);
    expected.sort();
    assert_eq!(tables(&conn), expected);
    assert_eq!(user_version(&conn), BASE.len() as i64);
    assert_eq!(versions(&conn), [("notes".to_owned(), 1)]);
    let email: String = conn
        .query_row(
            "SELECT email FROM customer WHERE cu_ref_no = 'AAAAAAAAAAAAAAAA'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(email, "jan@a.cz");
    // The new table references the old one, foreign keys on.
    db.write_blocking(|tx| {
        tx.execute("INSERT INTO t_note (customer_id, body) VALUES (1, 'x')", [])?;
        assert!(
            tx.execute("INSERT INTO t_note (customer_id, body) VALUES (9, 'x')", [])
                .is_err()
        );
        Ok(())
    })
    .unwrap();
    drop(db);

    // Opening again runs nothing twice (the CREATE would fail); a later step runs alone.
    Db::open(&path, &one).unwrap();
    Db::open(&path, &[Schema::new("notes", NOTES)]).unwrap();
    let pinned: i64 = conn
        .query_row("SELECT pinned FROM t_note WHERE body = 'x'", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(pinned, 0);
    assert_eq!(versions(&conn), [("notes".to_owned(), 2)]);

    // A server that knows fewer steps than the file has refuses it instead of guessing.
    let e = Db::open(&path, &one).err().unwrap().to_string();
    assert!(e.contains("`notes`") && e.contains("newer"), "{e}");
}

#[test]
fn a_failing_step_leaves_nothing_and_an_unknown_module_is_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.sqlite3");
    let broken = [
        Schema::new("notes", NOTES),
        Schema::new(
            "broken",
            &["CREATE TABLE half (x); INSERT INTO nowhere VALUES (1);"],
        ),
    ];
    assert!(Db::open(&path, &broken).is_err());
    let conn = Connection::open(&path).unwrap();
    // The failing step rolled back whole; the steps before it stay done.
    assert!(!tables(&conn).contains(&"half".to_owned()));
    assert_eq!(versions(&conn), [("notes".to_owned(), 2)]);

    // A module this server does not know (a newer one's) is left as it is.
    drop(Db::open(&path, &[]).unwrap());
    assert_eq!(versions(&conn), [("notes".to_owned(), 2)]);
    assert_eq!(user_version(&conn), BASE.len() as i64);
}

#[test]
fn rfc3339_known_dates() {
    assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
    assert_eq!(rfc3339(951_782_400), "2000-02-29T00:00:00Z");
    assert_eq!(rfc3339(1_767_225_599), "2025-12-31T23:59:59Z");
}

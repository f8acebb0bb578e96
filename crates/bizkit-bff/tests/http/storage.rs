use serde_json::json;

use crate::common::{config, start_config};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn data_survives_a_restart_and_demo_data_is_created_once() {
    let dir = tempfile::tempdir().unwrap();
    let s = start_config(config(dir.path())).await;
    let key = s.api_key();
    let token = s.admin().await;
    let id = s
        .created_id(
            &token,
            json!({"email": "kept@example.com", "groupList": [{"slug": "kept"}]}),
        )
        .await;
    s.stop().await;

    let s = start_config(config(dir.path())).await;
    assert!(s.creds.is_none(), "demo data must not be created twice");
    let token = s.admin().await;
    let r = s.contact(&token, &id).await;
    assert_eq!(r.status, 200, "{}", r.text);
    assert_eq!(r.body["email"], "kept@example.com");
    assert_eq!(r.body["groupList"][0]["slug"], "kept");
    // The key printed on the first start still works.
    assert_eq!(s.get("/api/v1/session", Some(&key)).await.status, 200);
    s.stop().await;

    let conn = rusqlite::Connection::open(dir.path().join("bizkit.sqlite3")).unwrap();
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, 2);
    let mode: String = conn
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    // Only hashes of tokens and keys are stored.
    let raw: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM api_key WHERE key_hash = ?1",
            [key.as_bytes()],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(raw, 0);
}

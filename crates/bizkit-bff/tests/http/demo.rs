//! Demo data only when asked for: the well-known sign-ins exist only after `--demo`, only on a
//! loopback address unless allowed explicitly, and the API keys are printed only on request.
//! The command-line cases run the real `bizkit-bff` binary.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::json;

use crate::common::start_with;

const BIN: &str = env!("CARGO_BIN_EXE_bizkit-bff");

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_demo_there_are_no_demo_sign_ins() {
    let s = start_with(|c| c.demo = false).await;
    assert!(s.creds.is_none());
    for (email, password) in [
        ("admin@demo.test", "demo-admin"),
        ("jan@barasek.com", "demo-customer"),
    ] {
        s.post(
            "/api/v1/authenticate",
            None,
            json!({"email": email, "password": password}),
        )
        .await
        .assert_problem(401, "INVALID_CREDENTIALS");
    }
}

/// Runs the binary until it prints its address (or exits); returns everything it printed.
fn run(args: &[&str], data: &std::path::Path) -> (Option<i32>, String) {
    let mut child: Child = Command::new(BIN)
        .args(args)
        .arg("--data-dir")
        .arg(data)
        .env("RUST_LOG", "warn")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel::<String>();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let mut out = String::new();
    let deadline = Instant::now() + Duration::from_secs(30);
    let status = loop {
        while let Ok(line) = rx.try_recv() {
            out.push_str(&line);
            out.push('\n');
        }
        if let Some(status) = child.try_wait().unwrap() {
            break status.code();
        }
        // Started: the lines after "listening" come at once; give them a moment, then stop it.
        if out.contains("listening on") {
            std::thread::sleep(Duration::from_millis(300));
            while let Ok(line) = rx.try_recv() {
                out.push_str(&line);
                out.push('\n');
            }
            child.kill().unwrap();
            child.wait().unwrap();
            break None;
        }
        assert!(
            Instant::now() < deadline,
            "the server neither started nor stopped: {out}"
        );
        std::thread::sleep(Duration::from_millis(50));
    };
    let mut err = String::new();
    if let Some(mut stderr) = child.stderr.take() {
        use std::io::Read;
        let _ = stderr.read_to_string(&mut err);
    }
    (status, format!("{out}{err}"))
}

#[test]
fn the_binary_makes_demo_data_only_with_demo_and_on_loopback_only() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");

    // Refused before anything is made: 0.0.0.0 and a LAN-wide address are not loopback.
    for addr in ["0.0.0.0:0", "[::]:0"] {
        let (status, out) = run(&["--demo", "--addr", addr], &data);
        assert_eq!(status, Some(1), "{addr}: {out}");
        assert!(out.contains("refusing to serve the demo sign-ins"), "{out}");
    }

    // Without --demo: no demo data, and it says how to get it.
    let (status, out) = run(&["--addr", "127.0.0.1:0"], &data);
    assert_eq!(status, None, "{out}");
    assert!(out.contains("--demo"), "{out}");
    assert!(!out.contains("demo-admin"), "{out}");

    // With --demo on loopback: the sign-ins, but no API key unless asked.
    let (status, out) = run(&["--demo", "--addr", "127.0.0.1:0"], &data);
    assert_eq!(status, None, "{out}");
    assert!(out.contains("admin@demo.test / demo-admin"), "{out}");
    assert!(!out.contains("PROD"), "an API key was printed: {out}");

    // That folder now holds demo data: served on loopback without --demo, refused elsewhere.
    let (status, out) = run(&["--addr", "0.0.0.0:0"], &data);
    assert_eq!(status, Some(1), "{out}");
    assert!(out.contains("refusing"), "{out}");
    // (--allow-public-demo lets it through: `demo::tests`, without opening a port to the
    // network from a test.)

    // --print-api-keys on a fresh folder prints the keys, once.
    let fresh = dir.path().join("fresh");
    let (_, out) = run(
        &["--demo", "--print-api-keys", "--addr", "127.0.0.1:0"],
        &fresh,
    );
    let keys: Vec<&str> = out
        .split_whitespace()
        .filter(|w| w.starts_with("PROD") && w.len() == 32)
        .collect();
    assert_eq!(keys.len(), 2, "{out}");
}

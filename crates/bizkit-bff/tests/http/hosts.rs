//! DNS rebinding protection: a request is answered only when its `Host` is one of the server's
//! names (its loopback names on its port, a `--public-host`), anything else gets 421 problem+json
//! with nothing of the API or the files in it — token or not.

use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::process::{Command, Stdio};
use std::time::Duration;

use reqwest::StatusCode;
use serde_json::Value;

use crate::common::{Server, assert_refused_starts, start_with};

const INDEX: &str = "<!doctype html><title>BizKitHub</title><p>index-marker</p>";

fn dist() -> tempfile::TempDir {
    let d = tempfile::tempdir().unwrap();
    std::fs::write(d.path().join("index.html"), INDEX).unwrap();
    std::fs::write(d.path().join("robots.txt"), "User-agent: *\n").unwrap();
    d
}

/// A server serving a fresh [`dist`] under these public host names, and the token of its
/// signed-in demo customer; the folder comes back too, to outlive the server.
async fn with_dist(public: &[&str]) -> (tempfile::TempDir, Server, String) {
    let d = dist();
    let path = d.path().to_path_buf();
    let public: Vec<String> = public.iter().map(|h| (*h).to_owned()).collect();
    let s = start_with(move |c| {
        c.dist = Some(path);
        c.public_hosts = public;
    })
    .await;
    let token = s.customer().await;
    (d, s, token)
}

fn addr(s: &Server) -> SocketAddr {
    s.base.trim_start_matches("http://").parse().unwrap()
}

/// A client whose DNS answers `name` with the server's address: what a rebinding page gets the
/// browser to do.
fn resolving(name: &str, to: SocketAddr) -> reqwest::Client {
    reqwest::Client::builder()
        .resolve(name, to)
        .timeout(Duration::from_secs(30))
        .build()
        .unwrap()
}

struct Answer {
    status: StatusCode,
    content_type: Option<String>,
    text: String,
}

impl Answer {
    fn assert_misdirected(&self, what: &str) {
        assert_eq!(self.status, 421, "{what}: {}", self.text);
        assert_eq!(
            self.content_type.as_deref(),
            Some("application/problem+json"),
            "{what}"
        );
        let body: Value = serde_json::from_str(&self.text).unwrap();
        assert_eq!(body["code"], "MISDIRECTED_REQUEST", "{what}");
        assert_eq!(body["status"], 421, "{what}");
        assert_eq!(body["title"], "Misdirected Request", "{what}");
        for leak in [
            "index-marker",
            "User-agent",
            "jan@barasek.com",
            "openapi",
            "Demo",
        ] {
            assert!(
                !self.text.contains(leak),
                "{what} leaks {leak}: {}",
                self.text
            );
        }
    }
}

async fn get(
    client: &reqwest::Client,
    url: &str,
    token: Option<&str>,
    host: Option<&str>,
) -> Answer {
    let mut req = client.get(url);
    if let Some(token) = token {
        req = req.bearer_auth(token);
    }
    if let Some(host) = host {
        req = req.header("host", host);
    }
    let r = req.send().await.unwrap();
    Answer {
        status: r.status(),
        content_type: r
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned),
        text: r.text().await.unwrap(),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_rebound_name_gets_421_with_and_without_a_token() {
    let (_d, s, token) = with_dist(&[]).await;
    let a = addr(&s);
    let evil = resolving("rebind.evil.example", a);
    let base = format!("http://rebind.evil.example:{}", a.port());
    for path in [
        "/api/v1/customer/profile",
        "/api/v1/session",
        "/openapi.json",
        "/",
        "/index.html",
        "/robots.txt",
        "/portal/profile",
    ] {
        for token in [None, Some(token.as_str())] {
            let r = get(&evil, &format!("{base}{path}"), token, None).await;
            r.assert_misdirected(&format!("{path} token {}", token.is_some()));
        }
    }
    // Signing in by the rebound name is refused too (the demo passwords are published).
    let r = evil
        .post(format!("{base}/api/v1/authenticate"))
        .json(&serde_json::json!({"email": "jan@barasek.com", "password": "x"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 421);
    // The same token by the server's own name still reads the profile: the 421 was the name.
    let r = get(
        &s.client,
        &s.url("/api/v1/customer/profile"),
        Some(&token),
        None,
    )
    .await;
    assert_eq!(r.status, 200, "{}", r.text);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn foreign_host_headers_are_refused() {
    let (_d, s, token) = with_dist(&[]).await;
    let port = addr(&s).port();
    for host in [
        format!("rebind.evil.example:{port}"),
        "rebind.evil.example".to_owned(),
        format!("localhost.evil.example:{port}"),
        format!("127.0.0.1:{}", port.wrapping_add(1)),
        "localhost".to_owned(),
        format!("127.0.0.1:{port}@evil.example"),
    ] {
        for path in ["/api/v1/customer/profile", "/robots.txt"] {
            let r = get(&s.client, &s.url(path), Some(&token), Some(&host)).await;
            r.assert_misdirected(&format!("{host} {path}"));
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn own_names_are_served() {
    let (_d, s, token) = with_dist(&[]).await;
    let a = addr(&s);
    let port = a.port();
    // By 127.0.0.1 (the URL itself), by localhost, and with the Host of [::1] (a browser on
    // http://[::1]:PORT; this server listens on IPv4 only, so the header stands in for it).
    let local = resolving("localhost", a);
    let by_name = format!("http://localhost:{port}");
    for (client, base, host) in [
        (&s.client, s.base.clone(), None),
        (&local, by_name, None),
        (&s.client, s.base.clone(), Some(format!("[::1]:{port}"))),
        (&s.client, s.base.clone(), Some(format!("LOCALHOST:{port}"))),
    ] {
        let what = format!("{base} {host:?}");
        let at = |path: &str| format!("{base}{path}");
        let profile = at("/api/v1/customer/profile");
        let r = get(client, &profile, Some(&token), host.as_deref()).await;
        assert_eq!(r.status, 200, "{what}: {}", r.text);
        assert!(r.text.contains("jan@barasek.com"), "{what}");
        let r = get(client, &at("/robots.txt"), None, host.as_deref()).await;
        assert_eq!(r.status, 200, "{what}");
        assert_eq!(r.text, "User-agent: *\n");
        let r = get(client, &at("/portal/profile"), None, host.as_deref()).await;
        assert_eq!(r.status, 200, "{what}");
        assert!(r.text.contains("index-marker"), "{what}");
        let r = get(client, &at("/openapi.json"), None, host.as_deref()).await;
        assert_eq!(r.status, 200, "{what}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_public_host_is_served() {
    let (_d, s, token) = with_dist(&["portal.example.com", "nas.lan:8443"]).await;
    let a = addr(&s);
    let portal = resolving("portal.example.com", a);
    let base = format!("http://portal.example.com:{}", a.port());
    let r = get(
        &portal,
        &format!("{base}/api/v1/customer/profile"),
        Some(&token),
        None,
    )
    .await;
    assert_eq!(r.status, 200, "{}", r.text);
    let r = get(&portal, &format!("{base}/robots.txt"), None, None).await;
    assert_eq!(r.status, 200);
    // Behind a reverse proxy on 443, which passes on the Host as the browser sent it.
    for host in [
        "portal.example.com",
        "Portal.Example.com:443",
        "nas.lan:8443",
    ] {
        let r = get(
            &s.client,
            &s.url("/api/v1/customer/profile"),
            Some(&token),
            Some(host),
        )
        .await;
        assert_eq!(r.status, 200, "{host}: {}", r.text);
    }
    // NAME:PORT is that port only; a subdomain is another name.
    for host in ["nas.lan", "nas.lan:8080", "www.portal.example.com"] {
        let r = get(&s.client, &s.url("/robots.txt"), None, Some(host)).await;
        r.assert_misdirected(host);
    }
}

/// The real binary: `--public-host` repeats, `BIZKIT_PUBLIC_HOSTS` adds more, the names are
/// printed at start, and a refused name is logged once with the flag that would allow it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_binary_takes_flags_and_environment_and_logs_refusals_once() {
    let data = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_bizkit-bff"))
        .args(["--addr", "127.0.0.1:0", "--demo", "--data-dir"])
        .arg(data.path())
        .args([
            "--public-host",
            "one.example",
            "--public-host=two.example:9443",
        ])
        .env(bizkit_bff::hosts::ENV_PUBLIC_HOSTS, "three.example, ")
        .env("RUST_LOG", "warn")
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let stderr = child.stderr.take().unwrap();
    let mut lines = BufReader::new(stdout).lines();
    let mut base = String::new();
    let mut names = String::new();
    for line in lines.by_ref() {
        let line = line.unwrap();
        if let Some(url) = line.strip_prefix("bizkit-bff listening on ") {
            base = url.to_owned();
        } else if let Some(list) = line.trim().strip_prefix("answers requests for ") {
            names = list.to_owned();
        } else if line.starts_with("Demo data") {
            break;
        }
    }
    std::thread::spawn(move || lines.for_each(drop));
    let (log_tx, log_rx) = std::sync::mpsc::channel();
    let log_reader = std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            let _ = log_tx.send(line);
        }
    });
    let port = base.rsplit(':').next().unwrap().to_owned();
    for name in [
        format!("127.0.0.1:{port}"),
        format!("localhost:{port}"),
        format!("[::1]:{port}"),
        "one.example (any port)".to_owned(),
        "two.example:9443".to_owned(),
        "three.example (any port)".to_owned(),
    ] {
        assert!(names.contains(&name), "{name} not in {names:?}");
    }
    let client = reqwest::Client::new();
    let status = |host: &'static str| {
        let url = format!("{base}/api/v1/session");
        let client = client.clone();
        async move {
            client
                .get(url)
                .header("host", host)
                .send()
                .await
                .unwrap()
                .status()
        }
    };
    // Allowed names reach the API (401: no token), others do not.
    assert_eq!(status("one.example").await, 401);
    assert_eq!(status("two.example:9443").await, 401);
    assert_eq!(status("three.example:8000").await, 401);
    assert_eq!(status("two.example").await, 421);
    for _ in 0..3 {
        assert_eq!(status("rebind.evil.example:1234").await, 421);
    }
    assert_eq!(status("other.evil.example").await, 421);
    let _ = child.kill();
    let _ = child.wait();
    // The pipe closes with the process: every line is read.
    log_reader.join().unwrap();
    let log: Vec<String> = log_rx.try_iter().collect();
    let refusals = |name: &str| {
        log.iter()
            .filter(|l| l.contains("--public-host") && l.contains(name))
            .count()
    };
    assert_eq!(refusals("rebind.evil.example"), 1, "{log:#?}");
    assert_eq!(refusals("other.evil.example"), 1, "{log:#?}");
    assert!(
        log.iter()
            .any(|l| l.contains("--public-host rebind.evil.example")),
        "{log:#?}"
    );
}

#[test]
fn a_mistyped_public_host_stops_the_start_and_says_why() {
    assert_refused_starts(
        &[
            (vec!["--public-host", "https://portal.example.com"], None),
            (vec!["--public-host", "*.example.com"], None),
            (vec![], Some("ok.example,bad example")),
            (vec!["--trusted-proxy", "proxy.example"], None),
        ],
        bizkit_bff::hosts::ENV_PUBLIC_HOSTS,
        &["public host", "trusted proxy"],
    );
}

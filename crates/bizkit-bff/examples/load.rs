//! Contact creates per second and latency percentiles against a real SQLite file, over loopback.
//!
//! `cargo run -p bizkit-bff --profile server --example load -- [N] [CONCURRENCY]`
//! (defaults: 5000 creates, concurrency 32). Starts its own server on 127.0.0.1:0 in a temporary
//! data folder, sends exactly N creates and stops.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use bizkit_bff::auth::PasswordCost;
use bizkit_bff::{AppState, Config, app};
use serde_json::json;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let total: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(5000);
    let concurrency: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(32);

    let dir = tempfile::tempdir()?;
    let mut config = Config::new(dir.path());
    config.password_cost = PasswordCost::Fast;
    config.demo = true;
    let state = tokio::task::spawn_blocking(move || AppState::new(config)).await??;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    state.hosts.listening_on(listener.local_addr()?);
    let base = format!("http://{}", listener.local_addr()?);
    let server = tokio::spawn(async move {
        axum::serve(
            listener,
            app(state).into_make_service_with_connect_info::<std::net::SocketAddr>(),
        )
        .await
    });

    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(concurrency)
        .timeout(Duration::from_secs(30))
        .build()?;
    let login: serde_json::Value = client
        .post(format!("{base}/api/v1/authenticate"))
        .json(&json!({"email": "admin@demo.test", "password": "demo-admin"}))
        .send()
        .await?
        .json()
        .await?;
    let token = login["auth_token"].as_str().unwrap_or_default().to_owned();

    let next = Arc::new(AtomicUsize::new(0));
    let errors = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let mut workers = Vec::new();
    for _ in 0..concurrency {
        let (client, base, token, next, errors) = (
            client.clone(),
            base.clone(),
            token.clone(),
            next.clone(),
            errors.clone(),
        );
        workers.push(tokio::spawn(async move {
            let mut latencies = Vec::new();
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= total {
                    break;
                }
                let body = json!({
                    "email": format!("load{i}@example.com"),
                    "firstName": "Load",
                    "lastName": format!("Test {i}"),
                    "phone": "777 123 456",
                    "groupList": [{"slug": "load-test", "name": "Load test"}]
                });
                let t = Instant::now();
                let ok = client
                    .post(format!("{base}/bff/contact/create"))
                    .bearer_auth(&token)
                    .header("idempotency-key", format!("load-{i}"))
                    .json(&body)
                    .send()
                    .await
                    .map(|r| r.status().as_u16() == 201)
                    .unwrap_or(false);
                latencies.push(t.elapsed());
                if !ok {
                    errors.fetch_add(1, Ordering::Relaxed);
                }
            }
            latencies
        }));
    }
    let mut latencies = Vec::with_capacity(total);
    for w in workers {
        latencies.extend(w.await?);
    }
    let elapsed = started.elapsed();
    latencies.sort();
    let pct = |p: f64| {
        let idx = ((latencies.len() as f64 * p).ceil() as usize).clamp(1, latencies.len()) - 1;
        latencies[idx].as_secs_f64() * 1000.0
    };
    println!(
        "{total} contact creates (with Idempotency-Key, one group each), concurrency {concurrency}: \
         {:.0} creates/s, p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms, errors {}",
        total as f64 / elapsed.as_secs_f64(),
        pct(0.50),
        pct(0.99),
        pct(1.0),
        errors.load(Ordering::Relaxed)
    );
    server.abort();
    Ok(())
}

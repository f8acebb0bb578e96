use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use bizkit_bff::demo;
use bizkit_bff::state::{AppState, Config};
use clap::Parser;
use tracing_subscriber::EnvFilter;

/// The local BizKitHub server: the contract's API on SQLite, serving the built app.
#[derive(Parser, Debug)]
#[command(version, about)]
struct Args {
    /// Address to listen on.
    #[arg(long, env = "BIZKIT_ADDR", default_value = "127.0.0.1:8080")]
    addr: SocketAddr,
    /// Folder of the SQLite database; created when missing.
    #[arg(long, env = "BIZKIT_DATA_DIR", default_value = "data")]
    data_dir: PathBuf,
    /// Create the demo organisations and their sign-ins (published passwords) in an empty data
    /// folder. Only on a loopback address, unless --allow-public-demo.
    #[arg(long, env = "BIZKIT_DEMO")]
    demo: bool,
    /// Serve demo sign-ins on an address other machines can reach too.
    #[arg(long, env = "BIZKIT_ALLOW_PUBLIC_DEMO")]
    allow_public_demo: bool,
    /// Print the demo API keys when they are created (only their hashes are stored, so they can
    /// never be shown again).
    #[arg(long, env = "BIZKIT_PRINT_API_KEYS")]
    print_api_keys: bool,
    /// The built app (Trunk's dist folder) to serve.
    #[arg(long, env = "BIZKIT_DIST")]
    dist: Option<PathBuf>,
    /// Base URL of ARES, e.g. https://ares.gov.cz; without it, the shipped records answer.
    #[arg(long, env = "BIZKIT_ARES_URL")]
    ares_url: Option<String>,
    /// Timeout of one ARES request, in milliseconds.
    #[arg(long, env = "BIZKIT_ARES_TIMEOUT_MS", default_value_t = 5000)]
    ares_timeout_ms: u64,
    /// Lifetime of a session token, in seconds.
    #[arg(long, env = "BIZKIT_TOKEN_TTL_SECS", default_value_t = 8 * 3600)]
    token_ttl_secs: u64,
    /// A session not used for this many seconds ends; 0: never for want of use.
    #[arg(long, env = "BIZKIT_SESSION_IDLE_SECS", default_value_t = 3600)]
    session_idle_secs: u64,
    /// An origin besides this server's own whose pages may call the API (a portal embedding the
    /// widget, the admin app served elsewhere), e.g. https://portal.example.com. Repeatable; the
    /// origins in BIZKIT_ALLOWED_ORIGINS (comma-separated) are allowed as well.
    #[arg(long = "allowed-origin", value_name = "ORIGIN")]
    allowed_origins: Vec<String>,
    /// A host name besides the server's own (127.0.0.1, localhost, [::1], the --addr address)
    /// that requests may name in Host: a LAN name, or the public name a reverse proxy passes on
    /// unchanged. NAME matches on any port, NAME:PORT on that port. Any other Host gets 421
    /// (protection against DNS rebinding). Repeatable; the names in BIZKIT_PUBLIC_HOSTS
    /// (comma-separated) are allowed as well.
    #[arg(long = "public-host", value_name = "NAME")]
    public_hosts: Vec<String>,
    /// The IP address of a reverse proxy in front of the server: of requests from it, the
    /// client's address is read from X-Forwarded-For (the right-most entry that is no trusted
    /// proxy). Repeatable; the addresses in BIZKIT_TRUSTED_PROXIES (comma-separated) as well.
    #[arg(long = "trusted-proxy", value_name = "ADDR")]
    trusted_proxies: Vec<String>,
}

/// A repeatable flag's values and the comma-separated entries of its environment variable, both:
/// the variable can hold a deployment's list while a flag adds one more for a test.
fn flags_and_env(flags: Vec<String>, env: &str) -> Vec<String> {
    let mut all = flags;
    if let Ok(list) = std::env::var(env) {
        all.extend(list.split(',').map(str::to_owned));
    }
    all
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| EnvFilter::new("info,tower_http=info")),
        )
        .with_writer(std::io::stderr)
        .init();
    let args = Args::parse();

    let mut config = Config::new(&args.data_dir);
    config.dist = args.dist;
    config.ares_url = args.ares_url;
    config.ares_timeout = Duration::from_millis(args.ares_timeout_ms);
    config.token_ttl = Duration::from_secs(args.token_ttl_secs);
    config.session_idle = Duration::from_secs(args.session_idle_secs);
    config.demo = args.demo;
    // Before anything is created: no demo data for an address that others can reach.
    demo::check_address(args.addr.ip(), args.demo, args.allow_public_demo)?;
    config.allowed_origins =
        flags_and_env(args.allowed_origins, bizkit_bff::cors::ENV_ALLOWED_ORIGINS);
    config.public_hosts = flags_and_env(args.public_hosts, bizkit_bff::hosts::ENV_PUBLIC_HOSTS);
    config.trusted_proxies = flags_and_env(
        args.trusted_proxies,
        bizkit_bff::client_ip::ENV_TRUSTED_PROXIES,
    );
    if let Some(dist) = &config.dist
        && !dist.join("index.html").is_file()
    {
        tracing::warn!(dist = %dist.display(), "the dist folder has no index.html");
    }
    let state = tokio::task::spawn_blocking(move || AppState::new(config)).await??;
    let first_start = state.first_start.clone();
    // A folder with demo data from an earlier start is checked the same way.
    demo::check_address(args.addr.ip(), state.demo_data, args.allow_public_demo)?;

    let listener = tokio::net::TcpListener::bind(args.addr).await?;
    let addr = listener.local_addr()?;
    state.hosts.listening_on(addr);
    println!("bizkit-bff listening on http://{addr}");
    println!(
        "  answers requests for {} (other names: --public-host NAME)",
        state.hosts.names().join(", ")
    );
    for origin in state.allowed_origins.configured() {
        println!("  pages of {origin} may call the API");
    }
    for proxy in state.trusted_proxies.configured() {
        println!("  X-Forwarded-For is believed from {proxy}");
    }
    if let Some(creds) = first_start {
        println!("Demo data created in {}:", args.data_dir.display());
        println!(
            "  admin     {} / {}",
            demo::ADMIN_EMAIL,
            demo::ADMIN_PASSWORD
        );
        println!(
            "  customer  {} / {}  (cuRefNo {})",
            demo::CUSTOMER_EMAIL,
            demo::CUSTOMER_PASSWORD,
            demo::CUSTOMER_CU_REF_NO
        );
        println!(
            "  other org {} / {}",
            demo::OTHER_ADMIN_EMAIL,
            demo::OTHER_ADMIN_PASSWORD
        );
        if args.print_api_keys {
            println!("  API key (Demo s.r.o., shown once): {}", creds.api_key);
            println!(
                "  API key (other org, shown once):   {}",
                creds.other_api_key
            );
        } else {
            println!(
                "  (two demo API keys were made; --print-api-keys on a fresh folder shows them)"
            );
        }
    } else if !state.demo_data && !args.demo {
        println!(
            "No demo data in {} (start with --demo for it).",
            args.data_dir.display()
        );
    }

    // With connect info: the sign-in limits count per client address (the socket's).
    let app = bizkit_bff::app(state).into_make_service_with_connect_info::<SocketAddr>();
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown_signal())
        .await?;
    tracing::info!("bizkit-bff stopped");
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(e) = tokio::signal::ctrl_c().await {
            tracing::error!("cannot listen for Ctrl-C: {e}");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(e) => {
                tracing::error!("cannot listen for SIGTERM: {e}");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}

//! `cargo xtask run`: install what is missing, build, and serve the app with its local server.

use crate::{Repo, absolute, app, secs, tools};
use anyhow::{Context, Result, bail};
use std::net::{SocketAddr, TcpListener, TcpStream, ToSocketAddrs};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

const HELP: &str = "\
cargo xtask run — build bizkit-forms and serve it with the local server

Installs what is missing (the wasm32 target, Trunk, wasm-bindgen-cli, binaryen from tools/), builds
the app in release mode into dist/ (skipped when nothing it is built from changed), builds the
server (bizkit-bff) and starts it. Stop it with Ctrl-C; the data folder keeps its contents.

OPTIONS:
    --addr HOST:PORT    where the server listens            [env BIZKIT_ADDR, default 127.0.0.1:8080]
                        (a bare port means 127.0.0.1:PORT)
    --data-dir DIR      the server's data folder            [env BIZKIT_DATA_DIR, default data/]
    --backend URL       make the app call another backend: written as apiBaseUrl into
                        dist/config.json (no rebuild)      [env BIZKIT_BACKEND, default: this server]
    --no-demo           do not create the demo organisation and sign-ins in an empty data
                        folder (by default the server is started with --demo)
    --allow-public-demo serve the demo sign-ins on a non-loopback --addr too (the server
                        refuses that otherwise: their passwords are published)
    --print-api-keys    print the demo API keys when they are created
    --allowed-origin ORIGIN
                        let pages of ORIGIN (a portal embedding the widget, the app served
                        elsewhere) call this server's API; repeatable, passed to the server, which
                        also reads BIZKIT_ALLOWED_ORIGINS (comma-separated)      [default: none]
    --public-host NAME  answer requests for NAME too (a LAN name, the public name a reverse proxy
                        passes on in Host); other names get 421; repeatable, passed to the server,
                        which also reads BIZKIT_PUBLIC_HOSTS                     [default: none]
    --trusted-proxy ADDR
                        believe X-Forwarded-For from the reverse proxy at ADDR; repeatable,
                        passed to the server, which also reads BIZKIT_TRUSTED_PROXIES
                                                                                 [default: none]
    -h, --help          this text

The server also reads BIZKIT_ARES_URL, BIZKIT_TOKEN_TTL_SECS and BIZKIT_SESSION_IDLE_SECS (see
`bizkit-bff --help`).
";

struct Options {
    addr: String,
    data_dir: PathBuf,
    backend: Option<String>,
    /// Flags handed to the server as they are (`--demo`, `--allow-public-demo`, …).
    server_flags: Vec<&'static str>,
    /// Repeatable flags with a value, handed to the server in the order given.
    server_values: Vec<(&'static str, String)>,
}

pub fn main(repo: &Repo, args: &[String]) -> Result<ExitCode> {
    let Some(options) = parse(repo, args)? else {
        print!("{HELP}");
        return Ok(ExitCode::SUCCESS);
    };
    let started = Instant::now();

    tools::ensure_app_toolchain(repo)?;
    app::build_app(repo)?;
    app::write_config(repo, options.backend.as_deref())?;
    let server = app::build_server(repo)?;

    let addr = resolve(&options.addr)?;
    if TcpListener::bind(addr).is_err() {
        bail!(
            "{} is already in use (another `cargo xtask run`?); choose another with --addr",
            options.addr
        );
    }
    std::fs::create_dir_all(&options.data_dir)
        .with_context(|| format!("could not create {}", options.data_dir.display()))?;
    println!("xtask: ready to start after {}", secs(started.elapsed()));

    let mut child = repo
        .tool(&server)
        .arg("--addr")
        .arg(&options.addr)
        .arg("--data-dir")
        .arg(&options.data_dir)
        .arg("--dist")
        .arg(repo.dist())
        .args(&options.server_flags)
        .args(
            options
                .server_values
                .iter()
                .flat_map(|(flag, value)| [*flag, value.as_str()]),
        )
        .spawn()?;

    // Announce only once the server accepts connections, so the URL printed is one that works.
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        if let Some(status) = child.try_wait()? {
            bail!("the server stopped before it was ready ({status})");
        }
        if TcpStream::connect_timeout(&connectable(addr), Duration::from_millis(200)).is_ok() {
            break;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            bail!("the server did not accept connections on {addr} within 60 s");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let url = format!("http://{}", connectable(addr));
    let sign_ins = if options.server_flags.contains(&"--demo") {
        "\n  Sign in as\n    administrator  admin@demo.test / demo-admin\n    customer       jan@barasek.com / demo-customer\n"
    } else {
        ""
    };
    if let Some(backend) = &options.backend {
        println!(
            "xtask: {backend} must let pages of {url} call it (CORS); a bizkit-bff there \
             needs --allowed-origin {url}"
        );
    }
    println!(
        "\n  bizkit-forms is running at {url}/  (started in {})\n{sign_ins}\
         \n  Data folder: {}\n  Stop with Ctrl-C.\n",
        secs(started.elapsed()),
        options.data_dir.display(),
    );

    let status = child.wait()?;
    Ok(if status.success() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// `None` means `--help`. Flags win over the environment, which wins over the defaults.
fn parse(repo: &Repo, args: &[String]) -> Result<Option<Options>> {
    let env = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
    let mut addr = env("BIZKIT_ADDR").unwrap_or_else(|| "127.0.0.1:8080".to_owned());
    let mut data_dir = env("BIZKIT_DATA_DIR").map(PathBuf::from);
    let mut backend = std::env::var("BIZKIT_BACKEND").ok();
    let mut demo = true;
    let mut server_flags = Vec::new();
    let mut server_values = Vec::new();

    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => (flag, Some(value.to_owned())),
            _ => (arg.as_str(), None),
        };
        let mut value = || {
            inline
                .clone()
                .or_else(|| args.next().cloned())
                .with_context(|| format!("{flag} needs a value (see --help)"))
        };
        match flag {
            "-h" | "--help" => return Ok(None),
            "--addr" => addr = value()?,
            "--data-dir" => data_dir = Some(PathBuf::from(value()?)),
            "--backend" => backend = Some(value()?),
            "--no-demo" => demo = false,
            "--allow-public-demo" => server_flags.push("--allow-public-demo"),
            "--print-api-keys" => server_flags.push("--print-api-keys"),
            "--allowed-origin" => server_values.push(("--allowed-origin", value()?)),
            "--public-host" => server_values.push(("--public-host", value()?)),
            "--trusted-proxy" => server_values.push(("--trusted-proxy", value()?)),
            other => bail!("unknown option {other} for `cargo xtask run` (see --help)"),
        }
    }
    if addr.chars().all(|c| c.is_ascii_digit()) {
        addr = format!("127.0.0.1:{addr}");
    }
    // The local server is for trying the app: its demo sign-ins come along unless refused.
    if demo {
        server_flags.push("--demo");
    }
    Ok(Some(Options {
        addr,
        data_dir: data_dir.map_or_else(|| repo.root.join("data"), |d| absolute(&d)),
        // An empty BIZKIT_BACKEND means "no override", as if unset.
        backend: backend.filter(|b| !b.trim().is_empty()),
        server_flags,
        server_values,
    }))
}

fn resolve(addr: &str) -> Result<SocketAddr> {
    addr.to_socket_addrs()
        .ok()
        .and_then(|mut addrs| addrs.next())
        .with_context(|| format!("--addr {addr:?} is not a HOST:PORT address"))
}

/// Where a client can reach a server listening on `addr` (a wildcard address is this machine).
fn connectable(addr: SocketAddr) -> SocketAddr {
    let mut addr = addr;
    if addr.ip().is_unspecified() {
        addr.set_ip(if addr.is_ipv4() {
            [127, 0, 0, 1].into()
        } else {
            std::net::Ipv6Addr::LOCALHOST.into()
        });
    }
    addr
}

//! DNS rebinding protection: the server answers only requests sent to one of its own names.
//!
//! A page on `http://rebind.example:8080` can make its name resolve to `127.0.0.1` after it has
//! loaded; its later requests then reach this server as *same-origin* requests of that page, and
//! neither CORS nor the browser stops it from reading the answers (a token it got hold of, the
//! demo sign-ins, the static files). The one thing such a request cannot hide is its `Host`: the
//! attacker's name. So every request whose `Host` is not one of the server's own names gets
//! `421 Misdirected Request`, before any route, file or other layer sees it.
//!
//! Own names, always with the listening port (a browser sends the port whenever it is not 80; on
//! port 80 the name without a port is accepted as well):
//! - listening on a loopback address: `127.0.0.1`, `localhost`, `[::1]` and the address itself
//!   (`127.0.0.2`);
//! - listening on every address (`0.0.0.0`, `[::]`): those, and any IP address literal — the
//!   request reached this machine at that address, and a literal cannot be rebound to another
//!   machine, since the browser never asks DNS for it;
//! - listening on one other address: that address.
//!
//! Any other name — a LAN host name, the public name a reverse proxy passes on in `Host` — is
//! allowed with `--public-host NAME` / `BIZKIT_PUBLIC_HOSTS`: `NAME` alone matches it on any port
//! (a proxy's port is not the server's), `NAME:PORT` that port only.

use std::fmt;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::sync::{Arc, OnceLock};

use axum::extract::{Request, State};
use axum::http::header;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::cors::split_host_port;
use crate::error::ApiError;
use crate::setting::RefusalLog;

/// Environment variable with more public host names, comma-separated.
pub const ENV_PUBLIC_HOSTS: &str = "BIZKIT_PUBLIC_HOSTS";

/// Longest refused `Host` that is logged as it came (a client chooses it).
const MAX_LOGGED_CHARS: usize = 100;

/// A configured public host that is not one: the server refuses to start and says why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("public host {value:?}: {reason}")]
pub struct HostError {
    pub value: String,
    pub reason: &'static str,
}

/// A host as compared: an IP address (IPv4-mapped IPv6 as IPv4) or a lower-case DNS name.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Name {
    Ip(IpAddr),
    Domain(String),
}

impl fmt::Display for Name {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Name::Ip(IpAddr::V6(ip)) => write!(f, "[{ip}]"),
            Name::Ip(ip) => write!(f, "{ip}"),
            Name::Domain(name) => f.write_str(name),
        }
    }
}

/// The host of a `Host` value: an IPv6 literal in brackets, an IPv4 literal, or a DNS name of
/// ASCII letters, digits and hyphens (what a browser sends; non-ASCII names come as `xn--`).
fn parse_name(host: &str) -> Option<Name> {
    if let Some(inner) = host.strip_prefix('[') {
        let ip: Ipv6Addr = inner.strip_suffix(']')?.parse().ok()?;
        return Some(Name::Ip(IpAddr::V6(ip).to_canonical()));
    }
    if let Ok(ip) = host.parse::<Ipv4Addr>() {
        return Some(Name::Ip(IpAddr::V4(ip)));
    }
    let valid = !host.is_empty()
        && host.len() <= 253
        && host.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        });
    valid.then(|| Name::Domain(host.to_ascii_lowercase()))
}

/// `host[:port]` as in `Host`; `None` for anything else (a path, user info, a port that is no
/// number).
fn parse_authority(value: &str) -> Option<(Name, Option<u16>)> {
    let (host, port) = split_host_port(value);
    let name = parse_name(host)?;
    let port = match port {
        None => None,
        Some(p) if !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()) => Some(p.parse().ok()?),
        Some(_) => return None,
    };
    Some((name, port))
}

/// The names the server answers to.
#[derive(Debug, Default)]
pub struct HostCheck {
    public: Vec<(Name, Option<u16>)>,
    /// Where the server listens: known only once bound (a test binds port 0).
    listen: OnceLock<SocketAddr>,
    logged: RefusalLog,
}

impl HostCheck {
    /// From configured public names (`--public-host`, each entry of `BIZKIT_PUBLIC_HOSTS`); empty
    /// entries are skipped, anything that is not `NAME` or `NAME:PORT` is an error.
    pub fn new<S: AsRef<str>>(values: impl IntoIterator<Item = S>) -> Result<HostCheck, HostError> {
        let public = crate::setting::parse_entries(values, public_host)?;
        Ok(HostCheck {
            public,
            listen: OnceLock::new(),
            logged: RefusalLog::default(),
        })
    }

    /// The address the server is bound to. Until it is set no request is answered; the first
    /// address set stays.
    pub fn listening_on(&self, addr: SocketAddr) {
        let _ = self.listen.set(addr);
    }

    /// Whether a request for `host` (a `Host` value or a URL's authority) is this server's.
    pub fn permits(&self, host: &str) -> bool {
        let Some((name, port)) = parse_authority(host) else {
            return false;
        };
        let public = self
            .public
            .iter()
            .any(|(n, p)| *n == name && (p.is_none() || *p == port));
        public || self.listen.get().is_some_and(|l| is_own(*l, &name, port))
    }

    /// The names answered, for the start-up lines: own names with the port a browser sends, then
    /// the public ones.
    pub fn names(&self) -> Vec<String> {
        let mut names = Vec::new();
        if let Some(listen) = self.listen.get() {
            let with_port = |name: &Name| match listen.port() {
                80 => name.to_string(),
                port => format!("{name}:{port}"),
            };
            let ip = listen.ip().to_canonical();
            if ip.is_loopback() || ip.is_unspecified() {
                for name in loopback_names() {
                    names.push(with_port(&name));
                }
            }
            if ip.is_unspecified() {
                names.push(with_port(&Name::Domain(
                    "<any IP address of this machine>".into(),
                )));
            } else if !loopback_names().contains(&Name::Ip(ip)) {
                names.push(with_port(&Name::Ip(ip)));
            }
        }
        for (name, port) in &self.public {
            names.push(match port {
                Some(port) => format!("{name}:{port}"),
                None => format!("{name} (any port)"),
            });
        }
        names
    }

    /// Says once per refused name that it was refused, and how to allow it.
    fn log_refusal(&self, host: Option<&[u8]>) {
        let shown: String = match host {
            Some(bytes) => String::from_utf8_lossy(bytes)
                .to_ascii_lowercase()
                .chars()
                .take(MAX_LOGGED_CHARS)
                .collect(),
            None => "(no Host)".to_owned(),
        };
        if self.logged.first_time(&shown) {
            let name = split_host_port(&shown).0.to_owned();
            tracing::warn!(
                host = ?shown,
                "refused a request for a host that is not this server's (421 Misdirected \
                 Request: DNS rebinding protection); if {name:?} is a name of this server (a \
                 reverse proxy keeping the original Host, a LAN name), start the server with \
                 --public-host {name} or add it to {ENV_PUBLIC_HOSTS}"
            );
        }
    }
}

/// One configured public name: `NAME` or `NAME:PORT`, as a browser sends it in `Host`.
fn public_host(raw: &str) -> Result<(Name, Option<u16>), HostError> {
    let fail = |reason| {
        Err(HostError {
            value: raw.to_owned(),
            reason,
        })
    };
    let trimmed = raw.trim();
    if trimmed.contains("://") || trimmed.contains('/') {
        return fail("give the name only, as a browser sends it in Host: portal.example.com");
    }
    if trimmed.contains('*') {
        return fail("a wildcard would let any DNS name reach the server; name each host");
    }
    let Some((name, port)) = parse_authority(trimmed) else {
        return fail(
            "not a host name or IP address with an optional port \
             (IPv6 in brackets; an international name in its xn-- form)",
        );
    };
    if port == Some(0) {
        return fail("the port is not a number from 1 to 65535");
    }
    Ok((name, port))
}

fn loopback_names() -> [Name; 3] {
    [
        Name::Ip(IpAddr::V4(Ipv4Addr::LOCALHOST)),
        Name::Domain("localhost".to_owned()),
        Name::Ip(IpAddr::V6(Ipv6Addr::LOCALHOST)),
    ]
}

/// Whether `name:port` is a name of a server listening on `listen`.
fn is_own(listen: SocketAddr, name: &Name, port: Option<u16>) -> bool {
    // A browser leaves out only the default port; on any other the name alone is not this server.
    let port_ok = match port {
        Some(port) => port == listen.port(),
        None => listen.port() == 80,
    };
    if !port_ok {
        return false;
    }
    let ip = listen.ip().to_canonical();
    if ip.is_unspecified() {
        return matches!(name, Name::Ip(_)) || loopback_names().contains(name);
    }
    *name == Name::Ip(ip) || (ip.is_loopback() && loopback_names().contains(name))
}

/// Refuses a request whose `Host` (and, in an absolute-form request line, whose URL authority) is
/// not one of the server's names: 421 problem+json, no route, file or data reached.
pub async fn require_own_host(
    State(hosts): State<Arc<HostCheck>>,
    req: Request,
    next: Next,
) -> Response {
    let header = req.headers().get(header::HOST);
    let authority = req.uri().authority().map(|a| a.as_str());
    let header_ok = header.map(|h| h.to_str().is_ok_and(|h| hosts.permits(h)));
    let authority_ok = authority.map(|a| hosts.permits(a));
    let permitted = match (header_ok, authority_ok) {
        (None, None) => false,
        (h, a) => h.unwrap_or(true) && a.unwrap_or(true),
    };
    if permitted {
        return next.run(req).await;
    }
    let refused = match (header_ok, header) {
        (Some(false), Some(h)) => Some(h.as_bytes()),
        _ => authority.map(str::as_bytes),
    };
    hosts.log_refusal(refused);
    let mut response = ApiError::MisdirectedRequest.into_response();
    crate::no_store::forbid_caching(&mut response);
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(listen: &str, public: &[&str]) -> HostCheck {
        let c = HostCheck::new(public).unwrap();
        c.listening_on(listen.parse().unwrap());
        c
    }

    /// Each of `permitted` is answered, none of `refused` is.
    fn assert_hosts(c: &HostCheck, permitted: &[&str], refused: &[&str]) {
        for host in permitted {
            assert!(c.permits(host), "{host}");
        }
        for host in refused {
            assert!(!c.permits(host), "{host}");
        }
    }

    #[test]
    fn loopback_listen_answers_its_loopback_names_on_its_port() {
        let c = check("127.0.0.1:8080", &[]);
        let permitted = [
            "127.0.0.1:8080",
            "localhost:8080",
            "LocalHost:8080",
            "[::1]:8080",
            "[0:0::1]:8080",
        ];
        let refused = [
            "127.0.0.1",
            "localhost",
            "127.0.0.1:8081",
            "localhost:80",
            "rebind.evil.example:8080",
            "localhost.evil.example:8080",
            "127.0.0.2:8080",
            "10.0.0.1:8080",
            "",
            ":8080",
            "localhost:8080/x",
            "user@localhost:8080",
            "localhost:+8080",
            "localhost:80a",
            "[::1:8080",
            "::1:8080",
        ];
        assert_hosts(&c, &permitted, &refused);
    }

    #[test]
    fn another_loopback_address_is_an_own_name() {
        let c = check("127.0.0.2:9000", &[]);
        assert_hosts(
            &c,
            &["127.0.0.2:9000", "localhost:9000"],
            &["127.0.0.3:9000"],
        );
    }

    #[test]
    fn port_80_may_be_left_out() {
        let c = check("127.0.0.1:80", &[]);
        assert_hosts(
            &c,
            &["localhost", "localhost:80"],
            &["localhost:8080", "evil.example"],
        );
    }

    #[test]
    fn every_address_listen_answers_ip_literals_and_loopback_names() {
        for listen in ["0.0.0.0:8080", "[::]:8080"] {
            let c = check(listen, &[]);
            for host in [
                "0.0.0.0:8080",
                "192.168.1.5:8080",
                "[2001:db8::1]:8080",
                "localhost:8080",
            ] {
                assert!(c.permits(host), "{listen} {host}");
            }
            for host in ["nas.local:8080", "192.168.1.5:8081", "evil.example:8080"] {
                assert!(!c.permits(host), "{listen} {host}");
            }
        }
    }

    #[test]
    fn one_other_address_answers_that_address() {
        let c = check("192.168.1.5:8080", &[]);
        assert_hosts(
            &c,
            &["192.168.1.5:8080"],
            &["192.168.1.6:8080", "localhost:8080"],
        );
    }

    #[test]
    fn public_hosts_with_and_without_port() {
        let c = check(
            "127.0.0.1:8080",
            &["Portal.Example.com", "nas.local:8443", " ", "[2001:DB8::1]"],
        );
        assert_hosts(
            &c,
            &[
                "portal.example.com",
                "portal.example.com:443",
                "PORTAL.example.com:8080",
                "nas.local:8443",
                "[2001:db8::1]:1234",
            ],
            &[
                "nas.local",
                "nas.local:8080",
                "www.portal.example.com",
                "example.com",
            ],
        );
        let names = c.names();
        assert!(names.contains(&"localhost:8080".to_owned()), "{names:?}");
        assert!(names.contains(&"nas.local:8443".to_owned()), "{names:?}");
        assert!(
            names.contains(&"portal.example.com (any port)".to_owned()),
            "{names:?}"
        );
    }

    #[test]
    fn nothing_is_answered_before_the_address_is_known() {
        let c = HostCheck::new(["portal.example.com"]).unwrap();
        assert!(!c.permits("localhost:8080"));
        assert!(c.permits("portal.example.com"));
    }

    #[test]
    fn malformed_public_hosts_stop_the_start() {
        for value in [
            "https://portal.example.com",
            "portal.example.com/",
            "*.example.com",
            "portal.example.com:0",
            "portal.example.com:99999",
            "por tal",
            "::1",
            "user@host",
            "-bad.example",
        ] {
            assert!(HostCheck::new([value]).is_err(), "{value}");
        }
    }
}

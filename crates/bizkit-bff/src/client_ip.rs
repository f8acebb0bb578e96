//! The address a request came from, as the profile records it when the body names none.
//!
//! The socket's peer address, unless that peer is a reverse proxy the server was told to trust
//! (`--trusted-proxy` / `BIZKIT_TRUSTED_PROXIES`): then the client is the right-most entry of
//! `X-Forwarded-For` that is not itself a trusted proxy. Entries left of it were written by the
//! client (or proxies nobody vouches for) and prove nothing; a header from any other peer is
//! ignored entirely, since anyone can send one.

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

use axum::extract::{ConnectInfo, FromRef, FromRequestParts};
use axum::http::HeaderMap;
use axum::http::request::Parts;
use bizkit_contract::ClientIp;

use crate::error::ApiError;

/// Environment variable with more trusted proxies, comma-separated.
pub const ENV_TRUSTED_PROXIES: &str = "BIZKIT_TRUSTED_PROXIES";

const X_FORWARDED_FOR: &str = "x-forwarded-for";

/// A configured proxy that is not an IP address: the server refuses to start and says why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("trusted proxy {value:?}: give the proxy's IP address, e.g. 127.0.0.1 or ::1")]
pub struct ProxyError {
    pub value: String,
}

/// An IP address alone, IPv6 possibly in brackets, as the canonical address (`::ffff:10.0.0.1` is
/// `10.0.0.1`).
fn parse_bare_ip(value: &str) -> Option<IpAddr> {
    let value = value.trim();
    let inner = value
        .strip_prefix('[')
        .and_then(|v| v.strip_suffix(']'))
        .unwrap_or(value);
    inner.parse::<IpAddr>().ok().map(|ip| ip.to_canonical())
}

/// One address as a proxy writes it in `X-Forwarded-For`: bare, IPv6 possibly in brackets, and
/// (some proxies) with the client's port.
fn parse_ip(value: &str) -> Option<IpAddr> {
    parse_bare_ip(value).or_else(|| {
        let socket = value.trim().parse::<SocketAddr>().ok()?;
        Some(socket.ip().to_canonical())
    })
}

/// The reverse proxies whose `X-Forwarded-For` is believed.
#[derive(Debug, Default)]
pub struct TrustedProxies(Vec<IpAddr>);

impl TrustedProxies {
    /// From configured values; empty entries are skipped, anything not an IP address is an error.
    pub fn new<S: AsRef<str>>(
        values: impl IntoIterator<Item = S>,
    ) -> Result<TrustedProxies, ProxyError> {
        // The proxy's address alone: with a port it would name a socket, not a machine.
        let proxies = crate::setting::parse_entries(values, |value| {
            parse_bare_ip(value).ok_or_else(|| ProxyError {
                value: value.to_owned(),
            })
        })?;
        Ok(TrustedProxies(proxies))
    }

    /// The configured proxies (for the start-up line).
    pub fn configured(&self) -> Vec<String> {
        self.0.iter().map(IpAddr::to_string).collect()
    }

    fn trusts(&self, ip: IpAddr) -> bool {
        self.0.contains(&ip.to_canonical())
    }

    /// The client's address of a request from `peer` with `headers`.
    pub fn client_ip(&self, peer: IpAddr, headers: &HeaderMap) -> IpAddr {
        let mut client = peer.to_canonical();
        if !self.trusts(client) {
            return client;
        }
        // Every X-Forwarded-For header, in order, as one list (a proxy may add a header of its own
        // instead of appending to the last one).
        let entries: Vec<&str> = headers
            .get_all(X_FORWARDED_FOR)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .collect();
        for entry in entries.iter().rev() {
            // An entry that is no address ("unknown", garbage): nothing left of it can be placed,
            // so the last address a trusted proxy vouched for stands.
            let Some(ip) = parse_ip(entry) else {
                break;
            };
            client = ip;
            if !self.trusts(ip) {
                break;
            }
        }
        client
    }
}

/// The caller's address, normalised as the contract's `ClientIp` is (`::1` → `127.0.0.1`).
/// Needs the server to run with `into_make_service_with_connect_info::<SocketAddr>()`.
pub struct CallerIp(pub ClientIp);

impl<S> FromRequestParts<S> for CallerIp
where
    Arc<TrustedProxies>: FromRef<S>,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        let ConnectInfo(peer) = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .copied()
            .ok_or_else(|| ApiError::internal("served without the peer address (connect info)"))?;
        let ip = Arc::<TrustedProxies>::from_ref(state).client_ip(peer.ip(), &parts.headers);
        ClientIp::parse(&ip.to_string())
            .map(CallerIp)
            .map_err(|_| ApiError::internal("a socket address the contract does not accept"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn xff(values: &[&str]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for v in values {
            h.append(X_FORWARDED_FOR, HeaderValue::from_str(v).unwrap());
        }
        h
    }

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn without_trusted_proxies_the_header_is_ignored() {
        let p = TrustedProxies::new(Vec::<String>::new()).unwrap();
        assert_eq!(
            p.client_ip(ip("127.0.0.1"), &xff(&["203.0.113.7"])),
            ip("127.0.0.1")
        );
    }

    #[test]
    fn a_peer_that_is_no_trusted_proxy_is_the_client() {
        let p = TrustedProxies::new(["10.0.0.1"]).unwrap();
        assert_eq!(
            p.client_ip(ip("127.0.0.1"), &xff(&["203.0.113.7"])),
            ip("127.0.0.1")
        );
    }

    #[test]
    fn behind_a_trusted_proxy_the_right_most_untrusted_entry() {
        let p = TrustedProxies::new(["127.0.0.1", "[::1]", "10.0.0.2"]).unwrap();
        let peer = ip("127.0.0.1");
        assert_eq!(p.client_ip(peer, &xff(&["203.0.113.7"])), ip("203.0.113.7"));
        // The client made up the left entry; the proxies appended the rest.
        assert_eq!(
            p.client_ip(peer, &xff(&["1.1.1.1, 203.0.113.7, 10.0.0.2"])),
            ip("203.0.113.7")
        );
        assert_eq!(
            p.client_ip(peer, &xff(&["1.1.1.1", "203.0.113.7:5555", "10.0.0.2"])),
            ip("203.0.113.7")
        );
        assert_eq!(
            p.client_ip(ip("::ffff:127.0.0.1"), &xff(&["[2001:db8::1]"])),
            ip("2001:db8::1")
        );
        // Only trusted hops: the left-most of them.
        assert_eq!(p.client_ip(peer, &xff(&["10.0.0.2, ::1"])), ip("10.0.0.2"));
        // No header, or one with garbage at the right: the last trusted address.
        assert_eq!(p.client_ip(peer, &HeaderMap::new()), peer);
        assert_eq!(p.client_ip(peer, &xff(&["203.0.113.7, unknown"])), peer);
        assert_eq!(
            p.client_ip(peer, &xff(&["garbage, 203.0.113.7"])),
            ip("203.0.113.7")
        );
    }

    #[test]
    fn malformed_proxies_stop_the_start() {
        for value in ["proxy.example", "10.0.0.0/8", "127.0.0.1:80", "*"] {
            assert!(TrustedProxies::new([value]).is_err(), "{value}");
        }
        let p = TrustedProxies::new(["::ffff:10.0.0.1", " ", "10.0.0.1"]).unwrap();
        assert_eq!(p.configured(), vec!["10.0.0.1".to_owned()]);
    }
}

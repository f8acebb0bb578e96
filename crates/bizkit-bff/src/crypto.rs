//! Hashes and random strings: the pieces the sign-in, the sessions, the idempotency keys, the
//! CSP and the stored records share, kept apart from them so that none has to import another
//! for a hash.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rand::Rng;
use sha2::{Digest, Sha256};

const ALNUM: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

pub fn sha256(data: &[u8]) -> Vec<u8> {
    Sha256::digest(data).to_vec()
}

/// Prefixes that make a bearer token an API key.
const API_KEY_PREFIXES: &[&str] = &["PROD", "DEV_", "ROOT"];

pub fn looks_like_api_key(token: &str) -> bool {
    API_KEY_PREFIXES.iter().any(|p| token.starts_with(p))
}

/// A new session token: 32 random bytes, base64url. Never one that starts like an API key, so
/// the two kinds of bearer token cannot be confused.
pub fn new_session_token() -> String {
    loop {
        let mut bytes = [0u8; 32];
        rand::rng().fill(&mut bytes);
        let token = URL_SAFE_NO_PAD.encode(bytes);
        if !looks_like_api_key(&token) {
            return token;
        }
    }
}

/// A new API key of the documented form: the prefix and 28 letters or digits.
pub fn new_api_key(prefix: &str) -> String {
    format!("{prefix}{}", random_alnum(28))
}

/// A random string of `len` letters and digits (cuRefNo).
pub fn random_alnum(len: usize) -> String {
    let mut rng = rand::rng();
    (0..len)
        .map(|_| char::from(ALNUM[rng.random_range(0..ALNUM.len())]))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use bizkit_contract::ApiKey;

    #[test]
    fn tokens_and_keys_have_their_forms() {
        let t = new_session_token();
        assert_eq!(t.len(), 43);
        assert!(!looks_like_api_key(&t));
        let k = new_api_key("PROD");
        assert_eq!(k.len(), 32);
        assert!(ApiKey::parse(&k).is_ok());
    }
}

//! Runtime configuration from `config.json`, so one build can be pointed at any backend.

use serde::Deserialize;

#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Config {
    /// Base URL of the backend, without a trailing slash; empty means the app's own origin.
    #[serde(default)]
    pub api_base_url: String,
    /// How long a call may take before the app gives up on it (`requestTimeoutMs`); `None` is the
    /// client's default of 15 s. Meant for tests and unusually slow backends; a value outside
    /// 100 ms – 10 min is ignored.
    #[serde(default, deserialize_with = "timeout_ms")]
    pub request_timeout_ms: Option<u32>,
    /// How many days a draft is kept in this browser at most (`draftMaxAgeDays`, default 7; more
    /// than 0, at most 365, fractions allowed).
    #[serde(default = "draft_max_age_default", deserialize_with = "draft_max_age")]
    pub draft_max_age_days: f64,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            api_base_url: String::new(),
            request_timeout_ms: None,
            draft_max_age_days: crate::draft::DEFAULT_MAX_AGE_DAYS,
        }
    }
}

fn draft_max_age_default() -> f64 {
    crate::draft::DEFAULT_MAX_AGE_DAYS
}

/// A number of days in the accepted range, else the default: a broken setting never keeps drafts
/// forever, nor drops them at once.
fn draft_max_age<'de, D: serde::Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
    let value = serde_json::Value::deserialize(d)?;
    Ok(value
        .as_f64()
        .filter(|days| *days > 0.0 && *days <= 365.0)
        .unwrap_or(crate::draft::DEFAULT_MAX_AGE_DAYS))
}

/// Any JSON value, kept only when it is a whole number of milliseconds in the accepted range: a
/// broken setting must not stop the app from starting.
fn timeout_ms<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<u32>, D::Error> {
    let value = serde_json::Value::deserialize(d)?;
    Ok(value
        .as_u64()
        .filter(|ms| (100..=600_000).contains(ms))
        .and_then(|ms| u32::try_from(ms).ok()))
}

impl Config {
    /// Reads `config.json` beside `index.html`. A missing or broken file falls back to the app's own
    /// origin: the app must start whatever is served.
    pub async fn load() -> Config {
        let text = crate::api::fetch_text("/config.json")
            .await
            .unwrap_or_default();
        Self::from_json(&text)
    }

    pub fn from_json(text: &str) -> Config {
        let mut config: Config = serde_json::from_str(text).unwrap_or_default();
        config.api_base_url = config.api_base_url.trim().trim_end_matches('/').to_owned();
        config
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn broken_or_partial_config_falls_back_to_same_origin() {
        assert_eq!(Config::from_json("").api_base_url, "");
        assert_eq!(Config::from_json("<html>").api_base_url, "");
        assert_eq!(Config::from_json("{}").api_base_url, "");
        assert_eq!(
            Config::from_json(r#"{"apiBaseUrl":" https://api.example.com/ "}"#).api_base_url,
            "https://api.example.com"
        );
    }

    #[test]
    fn request_timeout_is_optional_and_bounded() {
        assert_eq!(Config::from_json("{}").request_timeout_ms, None);
        assert_eq!(
            Config::from_json(r#"{"requestTimeoutMs": 2000}"#).request_timeout_ms,
            Some(2000)
        );
        for odd in ["0", "-5", "50", "600001", "1.5", "\"2000\"", "null", "[]"] {
            let json =
                format!(r#"{{"apiBaseUrl": "https://a.example", "requestTimeoutMs": {odd}}}"#);
            let config = Config::from_json(&json);
            assert_eq!(config.request_timeout_ms, None, "{odd}");
            // A bad timeout does not cost the rest of the file.
            assert_eq!(config.api_base_url, "https://a.example", "{odd}");
        }
    }

    #[test]
    fn drafts_are_kept_seven_days_unless_configured() {
        assert_eq!(Config::from_json("{}").draft_max_age_days, 7.0);
        assert_eq!(Config::from_json("").draft_max_age_days, 7.0);
        assert_eq!(
            Config::from_json(r#"{"draftMaxAgeDays": 1.5}"#).draft_max_age_days,
            1.5
        );
        for odd in ["0", "-1", "366", "\"7\"", "null", "{}"] {
            let json = format!(r#"{{"draftMaxAgeDays": {odd}}}"#);
            assert_eq!(Config::from_json(&json).draft_max_age_days, 7.0, "{odd}");
        }
    }
}

//! Runtime configuration from `config.json`, so one build can be pointed at any backend.

use serde::Deserialize;

#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Config {
    /// Base URL of the backend, without a trailing slash; empty means the app's own origin.
    #[serde(default)]
    pub api_base_url: String,
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
}

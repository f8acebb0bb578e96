//! ARES, the Czech business register: a real HTTP client with a configurable base URL, a timeout
//! and a per-IČO cache (not-found answers too, since the ministry blocks clients that repeat
//! queries), and an offline mode that answers from records shipped with the server in ARES's own
//! JSON shape, so both go through the same parser. A company is the contract's [`AresRecord`],
//! already in the contract's normal forms: what the look-up answers is what ARES said.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use bizkit_contract::AresRecord;
use serde::Deserialize;

const FOUND_TTL: Duration = Duration::from_secs(24 * 3600);
const NOT_FOUND_TTL: Duration = Duration::from_secs(3600);
const MAX_CACHE_ENTRIES: usize = 10_000;
const OFFLINE_RECORDS: &str = include_str!("../data/ares_offline.json");

#[derive(Debug, thiserror::Error)]
pub enum AresError {
    #[error("ARES did not answer in time")]
    Timeout,
    #[error("ARES could not be reached: {0}")]
    Transport(String),
    #[error("ARES answered {status}: {detail}")]
    Status { status: u16, detail: String },
    #[error("ARES answered with a body this server cannot read: {0}")]
    Body(String),
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct EkonomickySubjekt {
    ico: Option<String>,
    obchodni_jmeno: Option<String>,
    dic: Option<String>,
    datum_zaniku: Option<String>,
    sidlo: Option<Sidlo>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Sidlo {
    nazev_ulice: Option<String>,
    cislo_domovni: Option<u32>,
    cislo_orientacni: Option<u32>,
    cislo_orientacni_pismeno: Option<String>,
    nazev_obce: Option<String>,
    nazev_casti_obce: Option<String>,
    nazev_kraje: Option<String>,
    psc: Option<u32>,
    kod_statu: Option<String>,
    textova_adresa: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct AresErrorBody {
    kod: Option<String>,
    sub_kod: Option<String>,
}

fn non_empty(s: Option<String>) -> Option<String> {
    s.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty())
}

/// `psc` 27201 → `272 01`.
pub fn format_psc(psc: u32) -> Option<String> {
    (10_000..=99_999)
        .contains(&psc)
        .then(|| format!("{:03} {:02}", psc / 100, psc % 100))
}

fn street_address(sidlo: &Sidlo) -> Option<String> {
    let number = sidlo.cislo_domovni.map(|cd| {
        let mut n = cd.to_string();
        if let Some(co) = sidlo.cislo_orientacni {
            n.push('/');
            n.push_str(&co.to_string());
            if let Some(p) = non_empty(sidlo.cislo_orientacni_pismeno.clone()) {
                n.push_str(&p);
            }
        }
        n
    });
    let street = non_empty(sidlo.nazev_ulice.clone());
    // Villages without street names are addressed by the part of the municipality and the
    // house number ("Lhota 12").
    let place = street.or_else(|| {
        non_empty(sidlo.nazev_casti_obce.clone()).or_else(|| non_empty(sidlo.nazev_obce.clone()))
    });
    match (place, number) {
        (Some(place), Some(number)) => Some(format!("{place} {number}")),
        (Some(place), None) => Some(place),
        (None, Some(number)) => Some(number),
        // Some records have only the free-text address; its first part is the street line.
        (None, None) => non_empty(sidlo.textova_adresa.clone())
            .and_then(|t| non_empty(t.split(',').next().map(str::to_owned))),
    }
}

fn to_company(requested_ico: &str, subject: EkonomickySubjekt) -> Option<AresRecord> {
    let company_name = non_empty(subject.obchodni_jmeno)?;
    let sidlo = subject.sidlo;
    Some(AresRecord {
        ico: non_empty(subject.ico).unwrap_or_else(|| requested_ico.to_owned()),
        company_name,
        dic: non_empty(subject.dic).map(|d| d.replace(' ', "").to_uppercase()),
        street_address: sidlo.as_ref().and_then(street_address),
        city: sidlo.as_ref().and_then(|s| non_empty(s.nazev_obce.clone())),
        city_part: sidlo
            .as_ref()
            .and_then(|s| non_empty(s.nazev_casti_obce.clone()))
            // "Kladno, Kladno" says nothing: drop a city part equal to the city.
            .filter(|part| sidlo.as_ref().and_then(|s| s.nazev_obce.as_deref()) != Some(part)),
        state_region: sidlo
            .as_ref()
            .and_then(|s| non_empty(s.nazev_kraje.clone())),
        postal_code: sidlo.as_ref().and_then(|s| s.psc).and_then(format_psc),
        country: sidlo
            .as_ref()
            .and_then(|s| non_empty(s.kod_statu.clone()))
            .map(|c| c.to_uppercase()),
        dissolved: non_empty(subject.datum_zaniku).is_some(),
    })
}

/// Parses one ARES `ekonomicke-subjekty` record.
pub fn parse_record(requested_ico: &str, body: &[u8]) -> Result<AresRecord, AresError> {
    let subject: EkonomickySubjekt =
        serde_json::from_slice(body).map_err(|e| AresError::Body(e.to_string()))?;
    to_company(requested_ico, subject)
        .ok_or_else(|| AresError::Body("the record has no obchodniJmeno".to_owned()))
}

enum Source {
    Offline(HashMap<String, AresRecord>),
    Http {
        client: reqwest::Client,
        base: String,
    },
}

pub struct Ares {
    source: Source,
    cache: Mutex<HashMap<String, (Instant, Option<AresRecord>)>>,
}

impl Ares {
    /// The offline register: only the shipped records exist.
    pub fn offline() -> anyhow::Result<Ares> {
        let records: Vec<serde_json::Value> = serde_json::from_str(OFFLINE_RECORDS)?;
        let mut map = HashMap::new();
        for record in records {
            let ico = record
                .get("ico")
                .and_then(|v| v.as_str())
                .unwrap_or_default()
                .to_owned();
            let body = serde_json::to_vec(&record)?;
            map.insert(ico.clone(), parse_record(&ico, &body)?);
        }
        Ok(Ares {
            source: Source::Offline(map),
            cache: Mutex::new(HashMap::new()),
        })
    }

    /// A client of the real API at `base` (e.g. `https://ares.gov.cz`).
    pub fn http(base: &str, timeout: Duration) -> anyhow::Result<Ares> {
        let client = reqwest::Client::builder()
            .timeout(timeout)
            .connect_timeout(timeout)
            .user_agent(concat!("bizkit-bff/", env!("CARGO_PKG_VERSION")))
            .build()?;
        Ok(Ares {
            source: Source::Http {
                client,
                base: base.trim_end_matches('/').to_owned(),
            },
            cache: Mutex::new(HashMap::new()),
        })
    }

    pub fn is_offline(&self) -> bool {
        matches!(self.source, Source::Offline(_))
    }

    /// Looks up a valid 8-digit IČO (the caller checked the checksum): `Ok(None)` when ARES has
    /// no such company. Outages are not cached, so the next call tries again.
    pub async fn lookup(&self, ico: &str) -> Result<Option<AresRecord>, AresError> {
        if let Some(hit) = self.cached(ico) {
            return Ok(hit);
        }
        let result = match &self.source {
            Source::Offline(map) => map.get(ico).cloned(),
            Source::Http { client, base } => fetch(client, base, ico).await?,
        };
        self.store(ico, result.clone());
        Ok(result)
    }

    fn cached(&self, ico: &str) -> Option<Option<AresRecord>> {
        let cache = self.cache.lock().unwrap_or_else(|e| e.into_inner());
        let (at, value) = cache.get(ico)?;
        let ttl = if value.is_some() {
            FOUND_TTL
        } else {
            NOT_FOUND_TTL
        };
        (at.elapsed() < ttl).then(|| value.clone())
    }

    fn store(&self, ico: &str, value: Option<AresRecord>) {
        let mut cache = self.cache.lock().unwrap_or_else(|e| e.into_inner());
        if cache.len() >= MAX_CACHE_ENTRIES {
            cache.retain(|_, (at, _)| at.elapsed() < NOT_FOUND_TTL);
            if cache.len() >= MAX_CACHE_ENTRIES {
                cache.clear();
            }
        }
        cache.insert(ico.to_owned(), (Instant::now(), value));
    }
}

async fn fetch(
    client: &reqwest::Client,
    base: &str,
    ico: &str,
) -> Result<Option<AresRecord>, AresError> {
    let url = format!("{base}/ekonomicke-subjekty-v-be/rest/ekonomicke-subjekty/{ico}");
    let response = client
        .get(&url)
        .header(reqwest::header::ACCEPT, "application/json")
        .send()
        .await
        .map_err(transport_error)?;
    let status = response.status();
    let body = response.bytes().await.map_err(transport_error)?;
    if status.is_success() {
        return parse_record(ico, &body).map(Some);
    }
    if status == reqwest::StatusCode::NOT_FOUND
        && let Ok(err) = serde_json::from_slice::<AresErrorBody>(&body)
        && (err.sub_kod.as_deref() == Some("VYSTUP_SUBJEKT_NENALEZEN")
            || err.kod.as_deref() == Some("NENALEZENO"))
    {
        return Ok(None);
    }
    Err(AresError::Status {
        status: status.as_u16(),
        detail: String::from_utf8_lossy(&body[..body.len().min(200)]).into_owned(),
    })
}

fn transport_error(e: reqwest::Error) -> AresError {
    if e.is_timeout() {
        AresError::Timeout
    } else {
        AresError::Transport(e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offline_records_parse() {
        let ares = Ares::offline().unwrap();
        let Source::Offline(map) = &ares.source else {
            panic!("offline")
        };
        let bkh = &map["05103118"];
        assert_eq!(bkh.company_name, "BizKitHub s.r.o.");
        assert_eq!(bkh.street_address.as_deref(), Some("R. Novotného 1505"));
        assert_eq!(bkh.city.as_deref(), Some("Kladno"));
        assert_eq!(bkh.city_part.as_deref(), Some("Kročehlavy"));
        assert_eq!(bkh.postal_code.as_deref(), Some("272 01"));
        assert_eq!(bkh.state_region.as_deref(), Some("Středočeský kraj"));
        assert_eq!(bkh.dic.as_deref(), Some("CZ05103118"));
        assert_eq!(bkh.country.as_deref(), Some("CZ"));
        assert!(!bkh.dissolved);
        assert_eq!(
            map["27082440"].street_address.as_deref(),
            Some("Jankovcova 1522/53")
        );
        assert_eq!(map.len(), 6);
    }

    #[test]
    fn street_without_name_uses_city_part_and_letter() {
        let body = br#"{"ico":"12345678","obchodniJmeno":"X","datumZaniku":"2020-01-01",
            "sidlo":{"nazevObce":"Lhota","nazevCastiObce":"Dolni Lhota","cisloDomovni":12,
            "cisloOrientacni":3,"cisloOrientacniPismeno":"a","psc":1234}}"#;
        let c = parse_record("12345678", body).unwrap();
        assert_eq!(c.street_address.as_deref(), Some("Dolni Lhota 12/3a"));
        assert_eq!(c.postal_code, None);
        assert!(c.dissolved);
        assert_eq!(format_psc(10000).as_deref(), Some("100 00"));
    }
}

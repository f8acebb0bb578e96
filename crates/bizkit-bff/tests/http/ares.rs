use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde_json::json;

use crate::common::{Server, start_admin, start_with};

type Hits = Arc<Mutex<HashMap<String, usize>>>;

/// A stand-in for ARES on loopback, answering as ARES does.
pub async fn fake_ares(slow: Duration) -> (String, Hits) {
    let hits: Hits = Arc::default();
    async fn subject(
        State((hits, slow)): State<(Hits, Duration)>,
        Path(ico): Path<String>,
    ) -> Response {
        *hits.lock().unwrap().entry(ico.clone()).or_default() += 1;
        match ico.as_str() {
            "05103118" => axum::Json(json!({
                "ico": "05103118",
                "obchodniJmeno": "BizKitHub s.r.o.",
                "dic": "CZ05103118",
                "sidlo": {"kodStatu": "CZ", "nazevKraje": "Středočeský kraj", "nazevObce": "Kladno",
                          "nazevCastiObce": "Kročehlavy", "nazevUlice": "R. Novotného",
                          "cisloDomovni": 1505, "psc": 27201,
                          "textovaAdresa": "R. Novotného 1505, Kročehlavy, 27201 Kladno"}
            }))
            .into_response(),
            // A village without street names, a house and orientation number with a letter,
            // dissolved.
            "25596641" => axum::Json(json!({
                "ico": "25596641",
                "obchodniJmeno": "Stará firma v likvidaci",
                "datumZaniku": "2021-03-31",
                "sidlo": {"kodStatu": "CZ", "nazevKraje": "Vysočina", "nazevObce": "Lhota",
                          "nazevCastiObce": "Dolní Lhota", "cisloDomovni": 12,
                          "cisloOrientacni": 3, "cisloOrientacniPismeno": "b", "psc": 58601}
            }))
            .into_response(),
            "11111119" => (
                StatusCode::NOT_FOUND,
                axum::Json(json!({"kod": "NENALEZENO", "popis": "Ekonomický subjekt nebyl nalezen.", "subKod": "VYSTUP_SUBJEKT_NENALEZEN"})),
            )
                .into_response(),
            "45274649" => (
                StatusCode::INTERNAL_SERVER_ERROR,
                axum::Json(json!({"kod": "CHYBA_SERVERU", "popis": "Interní chyba"})),
            )
                .into_response(),
            "00216224" => {
                tokio::time::sleep(slow).await;
                axum::Json(json!({"ico": "00216224", "obchodniJmeno": "Pomalá univerzita"})).into_response()
            }
            _ => (StatusCode::NOT_FOUND, "<html>not here</html>").into_response(),
        }
    }
    let app = Router::new()
        .route(
            "/ekonomicke-subjekty-v-be/rest/ekonomicke-subjekty/{ico}",
            get(subject),
        )
        .with_state((hits.clone(), slow));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        axum::serve(listener, app).await.unwrap();
    });
    (format!("http://{addr}/"), hits)
}

/// A server whose ARES is the fake (its slow IČO takes 3 s) and gives up after half a second,
/// the fake's hits and an administrator's token.
async fn start_with_fake_ares() -> (Server, Hits, String) {
    let (url, hits) = fake_ares(Duration::from_secs(3)).await;
    let s = start_with(|c| {
        c.ares_url = Some(url);
        c.ares_timeout = Duration::from_millis(500);
    })
    .await;
    let token = s.admin().await;
    (s, hits, token)
}

fn hits_of(hits: &Hits, ico: &str) -> usize {
    hits.lock().unwrap().get(ico).copied().unwrap_or(0)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn offline_register_answers_shipped_records() {
    let (s, token) = start_admin().await;
    let r = s.get("/bff/ares/5103118", Some(&token)).await;
    assert_eq!(r.status, 200, "{}", r.text);
    assert_eq!(
        r.body,
        json!({
            "ico": "05103118",
            "companyName": "BizKitHub s.r.o.",
            "dic": "CZ05103118",
            "streetAddress": "R. Novotného 1505",
            "city": "Kladno",
            "cityPart": "Kročehlavy",
            "stateRegion": "Středočeský kraj",
            "postalCode": "272 01",
            "country": "CZ",
            "dissolved": false
        })
    );
    for (ico, name) in [
        ("27082440", "Alza.cz a.s."),
        ("45274649", "ČEZ, a. s."),
        ("25596641", "Seznam.cz, a.s."),
        ("00216224", "Masarykova univerzita"),
        ("00216305", "Vysoké učení technické v Brně"),
    ] {
        let r = s.get(&format!("/bff/ares/{ico}"), Some(&token)).await;
        assert_eq!(r.body["companyName"], name, "{}", r.text);
    }
    let r = s.get("/bff/ares/11111119", Some(&token)).await;
    r.assert_problem(404, "ARES_NOT_FOUND");
    assert_eq!(r.field_codes(), vec!["ico:ARES_NOT_FOUND"]);
    let r = s.get("/bff/ares/12345678", Some(&token)).await;
    r.assert_problem(422, "VALIDATION_FAILED");
    assert_eq!(r.field_codes(), vec!["ico:ICO_CHECKSUM"]);
    let r = s.get("/bff/ares/12a", Some(&token)).await;
    assert_eq!(r.field_codes(), vec!["ico:ICO_NOT_DIGITS"]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn real_client_against_a_fake_ares() {
    let (s, hits, token) = start_with_fake_ares().await;

    let r = s.get("/bff/ares/05103118", Some(&token)).await;
    assert_eq!(r.status, 200, "{}", r.text);
    assert_eq!(r.body["streetAddress"], "R. Novotného 1505");
    assert_eq!(r.body["postalCode"], "272 01");
    // Cached: the second look-up does not reach ARES.
    s.get("/bff/ares/05103118", Some(&token)).await;
    assert_eq!(hits_of(&hits, "05103118"), 1);

    let r = s.get("/bff/ares/25596641", Some(&token)).await;
    assert_eq!(r.body["streetAddress"], "Dolní Lhota 12/3b");
    assert_eq!(r.body["city"], "Lhota");
    assert_eq!(r.body["postalCode"], "586 01");
    assert_eq!(r.body["dissolved"], true);
    assert_eq!(r.body["dic"], serde_json::Value::Null);

    // Not found is a company-level answer, and cached too.
    for _ in 0..2 {
        let r = s.get("/bff/ares/11111119", Some(&token)).await;
        r.assert_problem(404, "ARES_NOT_FOUND");
    }
    assert_eq!(hits_of(&hits, "11111119"), 1);

    // An outage is 503 and not cached.
    for _ in 0..2 {
        let r = s.get("/bff/ares/45274649", Some(&token)).await;
        r.assert_problem(503, "ARES_UNAVAILABLE");
    }
    assert_eq!(hits_of(&hits, "45274649"), 2);

    // A 404 that is not ARES's "no such subject" (wrong base URL) is an outage as well.
    let r = s.get("/bff/ares/27082440", Some(&token)).await;
    r.assert_problem(503, "ARES_UNAVAILABLE");

    // Slow: the timeout answers 503.
    let started = std::time::Instant::now();
    let r = s.get("/bff/ares/00216224", Some(&token)).await;
    r.assert_problem(503, "ARES_UNAVAILABLE");
    assert!(started.elapsed() < Duration::from_secs(2));

    // An invalid IČO never reaches ARES.
    let total_before: usize = hits.lock().unwrap().values().sum();
    let r = s.get("/bff/ares/12345678", Some(&token)).await;
    assert_eq!(r.status, 422);
    let total_after: usize = hits.lock().unwrap().values().sum();
    assert_eq!(total_before, total_after);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn contact_create_uses_the_configured_ares_and_survives_an_outage() {
    let (s, hits, token) = start_with_fake_ares().await;
    let c = s
        .created_with_ico(&token, ("email", "a@example.com"), "25596641")
        .await;
    assert_eq!(c["companyName"], "Stará firma v likvidaci");
    assert_eq!(c["streetAddress"], "Dolní Lhota 12/3b");
    assert_eq!(hits_of(&hits, "25596641"), 1);
    // ARES failing does not stop the contact.
    let c = s
        .created_with_ico(&token, ("email", "b@example.com"), "45274649")
        .await;
    assert_eq!(c["companyRegistrationNumber"], "45274649");
    assert_eq!(c["companyName"], serde_json::Value::Null);
}

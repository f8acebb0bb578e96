use serde_json::json;

use crate::common::{start, start_admin};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_list_holds_each_created_contact_once_in_normal_form() {
    let (s, token) = start_admin().await;
    let before = s.get("/bff/contact/list", Some(&token)).await;
    assert_eq!(before.status, 200, "{}", before.text);
    let n = before.body.as_array().unwrap().len();
    for body in [
        json!({"email": " Eva@Firma.CZ ", "groupList": [{"name": "VIP"}]}),
        json!({"phone": "777 123 456"}),
    ] {
        let r = s.create_contact(&token, body).await;
        assert_eq!(r.status, 201, "{}", r.text);
    }
    let list = s.get("/bff/contact/list", Some(&token)).await;
    let all = list.body.as_array().unwrap();
    let new = &all[n..];
    assert_eq!(new.len(), 2, "{}", list.text);
    assert_eq!(new[0]["email"], "Eva@firma.cz");
    assert_eq!(new[0]["groupList"][0]["slug"], "vip");
    assert_eq!(new[1]["phone"], "+420 777123456");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_admins_see_the_list() {
    let s = start().await;
    assert_eq!(s.get("/bff/contact/list", None).await.status, 401);
    let customer = s.customer().await;
    assert_eq!(
        s.get("/bff/contact/list", Some(&customer)).await.status,
        403
    );
}

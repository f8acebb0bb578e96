//! "Your profile" for a signed-in customer (`/portal/profile`): what the organisation has stored about
//! them, read from `GET /api/v1/customer/profile`. Editing it is the next piece of work; until then the
//! page shows the stored values as they are, and says plainly when the backend cannot show them.

use bizkit_contract::UpdateProfileRequest;
use leptos::prelude::*;

use crate::api::ApiError;
use crate::components::form::describe;
use crate::components::layout::expect_session;
use crate::i18n::use_i18n;

#[component]
pub fn Profile() -> impl IntoView {
    let i18n = use_i18n();
    let session = expect_session();
    let profile = LocalResource::new(move || {
        let client = session.client();
        async move {
            client
                .get::<UpdateProfileRequest>("/api/v1/customer/profile")
                .await
        }
    });
    view! {
        <section class="panel">
            <h1>{move || i18n.t().profile_title}</h1>
            <Suspense fallback=move || view! { <p class="loading">{move || i18n.t().loading}</p> }>
                {move || {
                    profile
                        .get()
                        .map(|result| match result {
                            Ok(p) => view! { <ProfileView profile=p /> }.into_any(),
                            Err(ApiError::NotFound { .. }) => {
                                view! { <p class="notice">{move || i18n.t().profile_unavailable}</p> }
                                    .into_any()
                            }
                            Err(e) => {
                                let msg = describe(&e, i18n);
                                view! { <p class="notice warn" role="alert">{msg}</p> }.into_any()
                            }
                        })
                }}
            </Suspense>
        </section>
    }
}

type Label = fn(&crate::i18n::Ui) -> &'static str;

#[component]
fn ProfileView(profile: UpdateProfileRequest) -> impl IntoView {
    let i18n = use_i18n();
    let p = profile;
    let rows: Vec<(Label, Option<String>)> = vec![
        (|t| t.email, p.email),
        (|t| t.full_name, p.name),
        (|t| t.first_name, p.first_name),
        (|t| t.last_name, p.last_name),
        (|t| t.phone, p.phone),
        (|t| t.company_name, p.company_name),
        (|t| t.ico, p.company_registration_number),
        (|t| t.dic, p.tax_identification_number),
        (
            |t| t.address,
            join(&[
                p.street_address,
                p.city_part,
                p.postal_code,
                p.city,
                p.state_region,
                p.country,
            ]),
        ),
        (|t| t.profile_language, p.primary_locale),
        (
            |t| t.groups,
            (!p.groups.is_empty()).then(|| p.groups.join(", ")),
        ),
    ];
    let newsletter = p.newsletter.unwrap_or(false);
    view! {
        <p class="lead">{move || i18n.t().profile_intro}</p>
        <dl class="stored">
            {rows
                .into_iter()
                .map(|(label, value)| {
                    let value = value.filter(|v| !v.trim().is_empty()).unwrap_or_else(|| "—".to_owned());
                    view! {
                        <div class="row">
                            <dt>{move || label(i18n.t())}</dt>
                            <dd>{value}</dd>
                        </div>
                    }
                })
                .collect_view()}
            <div class="row">
                <dt>{move || i18n.t().profile_newsletter}</dt>
                <dd>{move || if newsletter { i18n.t().yes } else { i18n.t().no }}</dd>
            </div>
        </dl>
    }
}

fn join(parts: &[Option<String>]) -> Option<String> {
    let text = parts
        .iter()
        .flatten()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    (!text.is_empty()).then_some(text)
}

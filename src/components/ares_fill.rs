//! Filling company details from ARES into a form that already holds some: once the IČO is valid,
//! the company is looked up, and the form offers to put its name, DIČ and address into the fields.
//! Empty fields are filled at the person's word; fields that already hold something else are only
//! replaced after the person agreed to exactly those replacements, which are listed old → new.
//!
//! The look-up is the preview's [`crate::components::ares::Looker`] (debounced, cached), and goes to
//! `/api/v1/ares/{ico}`, the look-up a customer's own token may use (the admin BFF's `/bff/ares` is
//! for administrators). A backend that refuses the call to this person (401/403) or lacks it (a 404
//! that is not ARES's "no such company") simply hides the offer.

use bizkit_contract::endpoint::ARES_LOOKUP;
use bizkit_contract::{AresRecord, Lang};
use leptos::html;
use leptos::prelude::*;

use crate::components::ares::{Looker, Lookup, ShowFound, ares_box, company};
use crate::components::focus::focus_after_render;
use crate::components::form::FormCtl;
use crate::components::layout::use_announcer;
use crate::i18n::{Text, fill, portal, use_i18n};

/// Looks up the company of a valid IČO in `value`; any refusal of the call hides the feature.
/// `wanted` decides whether a new look-up is worth a call (a result already in is still shown):
/// ARES asks clients not to repeat queries, so a stored IČO whose details are all filled in is not
/// looked up again on every visit.
pub fn use_company_lookup(value: Signal<String>, wanted: Signal<bool>) -> ReadSignal<Lookup> {
    let looker = Looker::new(value);
    Effect::new(move |_| {
        let Some(current) = looker.ico.get() else {
            if !looker.unsupported() {
                looker.set_state.set(Lookup::Idle);
            }
            return;
        };
        if looker.unsupported() || looker.show_cached(&current) {
            return;
        }
        if !wanted.get() {
            looker.set_state.set(Lookup::Idle);
            return;
        }
        looker.ask(&ARES_LOOKUP, current, true);
    });
    looker.state
}

/// A form field ARES can fill: its JSON name, its label, and what ARES has for it.
#[derive(Clone, Copy)]
pub struct Target {
    pub field: &'static str,
    pub label: &'static Text,
    pub from: fn(&AresRecord) -> Option<String>,
}

impl Target {
    pub const fn new(
        field: &'static str,
        label: &'static Text,
        from: fn(&AresRecord) -> Option<String>,
    ) -> Self {
        Target { field, label, from }
    }
}

/// One change ARES would make.
#[derive(Clone, Debug)]
pub struct Change {
    pub field: &'static str,
    pub label: &'static Text,
    pub current: String,
    pub proposed: String,
}

impl PartialEq for Change {
    /// The label follows from the field.
    fn eq(&self, other: &Self) -> bool {
        self.field == other.field
            && self.current == other.current
            && self.proposed == other.proposed
    }
}

/// Whether two values say the same, ignoring case and spacing (`272 01` = `27201`,
/// `cz12345678` = `CZ12345678`).
pub fn same(a: &str, b: &str) -> bool {
    let squash = |s: &str| {
        s.chars()
            .filter(|c| !c.is_whitespace())
            .flat_map(char::to_lowercase)
            .collect::<String>()
    };
    squash(a) == squash(b)
}

/// What ARES would fill: into empty fields, and over fields holding something else.
pub fn changes(
    targets: &[Target],
    record: &AresRecord,
    current: impl Fn(&str) -> String,
) -> (Vec<Change>, Vec<Change>) {
    let mut empty = Vec::new();
    let mut differing = Vec::new();
    for t in targets {
        let Some(proposed) = (t.from)(record).filter(|p| !p.trim().is_empty()) else {
            continue;
        };
        let now = current(t.field);
        let change = Change {
            field: t.field,
            label: t.label,
            current: now.clone(),
            proposed: proposed.trim().to_owned(),
        };
        if now.trim().is_empty() {
            empty.push(change);
        } else if !same(&now, &proposed) {
            differing.push(change);
        }
    }
    (empty, differing)
}

fn labels(list: &[Change], lang: Lang) -> String {
    list.iter()
        .map(|c| c.label.get(lang))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The ARES offer under an IČO field.
#[component]
pub fn AresFill(
    form: FormCtl,
    state: ReadSignal<Lookup>,
    targets: &'static [Target],
    id: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let announcer = use_announcer();
    let done = NodeRef::<html::P>::new();
    let values = form.values();
    let plan = Memo::new(move |_| match state.get() {
        Lookup::Found(r) => Some(changes(targets, &r, |f| values.get(f))),
        _ => None,
    });
    // What was last filled, shown (and focused) after the buttons went away.
    let filled = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        // A new IČO starts a new offer.
        state.track();
        filled.set(None);
    });
    let apply = move |replace: bool| {
        let Some((empty, differing)) = plan.get_untracked() else {
            return;
        };
        let mut used = empty;
        if replace {
            used.extend(differing);
        }
        for c in &used {
            form.field(c.field).value.set(c.proposed.clone());
        }
        let lang = i18n.lang.get_untracked();
        let text = fill(portal::ARES_FILLED.get(lang), &labels(&used, lang));
        announcer.say(text.clone());
        filled.set(Some(text));
        focus_after_render(done);
    };

    let found: ShowFound = Box::new(move |r, lang| {
        let (empty, differing) = plan.get().unwrap_or_default();
        let nothing = empty.is_empty() && differing.is_empty();
        let has_empty = !empty.is_empty();
        let has_differing = !differing.is_empty();
        view! {
            <div class="notice found">
                {company(&r, lang, &portal::ARES_FOUND)}
                {move || filled.get().map(|text| view! {
                    <p class="ares-done" tabindex="-1" node_ref=done>{text}</p>
                })}
                {nothing.then(|| view! { <p class="ares-same">{portal::ARES_MATCHES.get(lang)}</p> })}
                {has_empty.then(|| view! {
                    <p class="ares-fills">{fill(portal::ARES_WOULD_FILL.get(lang), &labels(&empty, lang))}</p>
                })}
                {has_differing.then(|| view! {
                    <p class="ares-replaces">{portal::ARES_WOULD_REPLACE.get(lang)}</p>
                    <ul class="ares-changes">
                        {differing.iter().map(|c| view! {
                            <li>
                                <strong>{c.label.get(lang)}</strong> ": "
                                <del>{c.current.clone()}</del> " → " <ins>{c.proposed.clone()}</ins>
                            </li>
                        }).collect_view()}
                    </ul>
                })}
                {(!nothing).then(|| view! {
                    <div class="actions">
                        <button type="button" class="button secondary ares-use" on:click=move |_| apply(true)>
                            {portal::ARES_USE.get(lang)}
                        </button>
                        {(has_empty && has_differing).then(|| view! {
                            <button type="button" class="button link ares-empty-only" on:click=move |_| apply(false)>
                                {portal::ARES_FILL_EMPTY_ONLY.get(lang)}
                            </button>
                        })}
                    </div>
                })}
            </div>
        }
        .into_any()
    });
    ares_box(
        "ares ares-fill",
        id,
        state,
        &portal::ARES_UNAVAILABLE,
        found,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::ui;

    const TARGETS: &[Target] = &[
        Target {
            field: "companyName",
            label: &ui::COMPANY_NAME,
            from: |r| Some(r.company_name.clone()),
        },
        Target {
            field: "taxIdentificationNumber",
            label: &ui::DIC,
            from: |r| r.dic.clone(),
        },
        Target {
            field: "postalCode",
            label: &portal::POSTAL_CODE,
            from: |r| r.postal_code.clone(),
        },
        Target {
            field: "city",
            label: &portal::CITY,
            from: |r| r.city.clone(),
        },
    ];

    #[test]
    fn empty_fields_are_filled_and_differing_ones_listed() {
        let record = AresRecord {
            company_name: "BizKitHub s.r.o.".into(),
            dic: Some("CZ05103118".into()),
            postal_code: Some("272 01".into()),
            city: Some("Kladno".into()),
            ..Default::default()
        };
        let current = |f: &str| match f {
            "taxIdentificationNumber" => "cz 05103118".to_owned(),
            "postalCode" => "27201".to_owned(),
            "city" => "Praha".to_owned(),
            _ => String::new(),
        };
        let (empty, differing) = changes(TARGETS, &record, current);
        assert_eq!(
            empty.iter().map(|c| c.field).collect::<Vec<_>>(),
            vec!["companyName"]
        );
        assert_eq!(
            differing.iter().map(|c| c.field).collect::<Vec<_>>(),
            vec!["city"]
        );
        assert_eq!(differing[0].current, "Praha");
        assert_eq!(differing[0].proposed, "Kladno");
    }

    #[test]
    fn nothing_ares_lacks_is_proposed() {
        let record = AresRecord {
            company_name: "X".into(),
            ..Default::default()
        };
        let (empty, differing) = changes(TARGETS, &record, |_| String::new());
        assert_eq!(empty.len(), 1);
        assert!(differing.is_empty());
    }
}

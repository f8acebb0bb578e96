//! The page frame: skip link, header with navigation (the pages it is given that have a nav
//! label), language and sign-out, the live region for status messages, the guards that decide who sees
//! what, the sign-in dialog that opens in place when a session expires mid-form, and the page title
//! that says "Error: " while a form shows its errors.

use leptos::html;
use leptos::prelude::*;
use leptos_router::components::{A, Redirect};
use leptos_router::hooks::{use_location, use_navigate};
use wasm_bindgen::JsCast;

use bizkit_contract::Lang;

use crate::components::confirm::{Confirm, ConfirmDialog, Question};
use crate::components::focus::{focus_by_id, show_modal_when_ready};
use crate::components::handover::HandoverDialog;
use crate::i18n::{Text, ui, use_i18n};
use crate::route::PageEntry;
use crate::session::{Access, Session, current_session};

/// Polite announcements for screen readers (saved, tag added, draft restored…).
#[derive(Clone, Copy)]
pub struct Announcer(RwSignal<String>);

impl Announcer {
    pub fn say(&self, text: impl Into<String>) {
        let text = text.into();
        // Re-announce identical text by clearing first.
        self.0.set(String::new());
        let signal = self.0;
        request_animation_frame(move || {
            signal.try_set(text);
        });
    }
}

impl Announcer {
    /// A fresh announcer for everything below, for a page mounted outside the [`Shell`] (the
    /// embeddable widget); render its [`Announcer::region`] once.
    pub fn provide() -> Announcer {
        let announcer = Announcer(RwSignal::new(String::new()));
        provide_context(announcer);
        announcer
    }

    /// The polite live region that speaks what is said.
    pub fn region(self) -> impl IntoView {
        view! {
            <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
                {move || self.0.get()}
            </div>
        }
    }
}

pub fn use_announcer() -> Announcer {
    use_context::<Announcer>().unwrap_or(Announcer(RwSignal::new(String::new())))
}

/// Whether a form on the page has unsaved changes: leaving asks first.
#[derive(Clone, Copy)]
pub struct LeaveGuard(pub RwSignal<bool>);

pub fn use_leave_guard() -> Option<LeaveGuard> {
    use_context::<LeaveGuard>()
}

/// The GOV.UK habit: while a form shows the errors of a failed submit, the page title starts with
/// "Error: " ("Chyba: "), so a screen reader says so as soon as the page is announced.
pub(crate) const ERROR_TITLE_PREFIX: Text = Text::new("Chyba: ", "Error: ");

/// How many parts of the page show submit errors now (a form's summary, the sign-in page's);
/// provided by the [`Shell`] only, so the embedded widget never touches its host page's title.
#[derive(Clone, Copy)]
pub struct ErrorTitle(RwSignal<u32>);

impl ErrorTitle {
    /// Keeps `document.title` as the page's own title, with the prefix while any part has errors.
    fn provide(lang: RwSignal<bizkit_contract::Lang>) -> ErrorTitle {
        let count = RwSignal::new(0u32);
        let doc = web_sys::window().and_then(|w| w.document());
        let own = doc.as_ref().map(|d| d.title()).unwrap_or_default();
        let own = [ERROR_TITLE_PREFIX.cs, ERROR_TITLE_PREFIX.en]
            .iter()
            .fold(own, |t, p| {
                t.strip_prefix(p).map(str::to_owned).unwrap_or(t)
            });
        Effect::new(move |_| {
            let title = if count.get() > 0 {
                format!("{}{own}", ERROR_TITLE_PREFIX.get(lang.get()))
            } else {
                own.clone()
            };
            if let Some(d) = &doc {
                d.set_title(&title);
            }
        });
        let t = ErrorTitle(count);
        provide_context(t);
        t
    }
}

/// Marks the page title with "Error: " while `active` is true (call it where a page shows the errors
/// of a failed submit: the error summary); the mark goes when `active` turns false or the caller's view
/// is gone. Outside the [`Shell`] (the widget) it does nothing.
pub fn error_title(active: impl Fn() -> bool + Send + Sync + 'static) {
    let Some(ErrorTitle(count)) = use_context::<ErrorTitle>() else {
        return;
    };
    let on = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let mark = on.clone();
    Effect::new(move |_| {
        let now = active();
        if mark.swap(now, std::sync::atomic::Ordering::Relaxed) != now {
            count.update(|n| *n = if now { *n + 1 } else { n.saturating_sub(1) });
        }
    });
    on_cleanup(move || {
        if on.swap(false, std::sync::atomic::Ordering::Relaxed) {
            count.try_update(|n| *n = n.saturating_sub(1));
        }
    });
}

/// The question before signing out over unsaved values.
const SIGN_OUT_QUESTION: Question = Question {
    title: &ui::SIGN_OUT_CONFIRM_TITLE,
    message: &ui::SIGN_OUT_CONFIRM,
    action: &ui::SIGN_OUT,
};

/// The question before leaving a page over unsaved values through the navigation.
const LEAVE_QUESTION: Question = Question {
    title: &ui::LEAVE_CONFIRM_TITLE,
    message: &ui::LEAVE_CONFIRM,
    action: &ui::LEAVE_CONFIRM_ACTION,
};

/// Signs out, asking first (in the app's own dialog) when a form has unsaved changes.
fn sign_out_asking(session: Session, guard: Option<LeaveGuard>, confirm: Option<Confirm>) {
    let dirty = guard.is_some_and(|g| g.0.get_untracked());
    match confirm {
        Some(c) if dirty => c.ask(SIGN_OUT_QUESTION, move || session.sign_out()),
        _ => session.sign_out(),
    }
}

#[component]
pub fn Shell(
    /// The app's pages (`pages::PAGES`); those with a nav label are the navigation's links.
    pages: &'static [PageEntry],
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = current_session();
    let announcer = Announcer(RwSignal::new(String::new()));
    provide_context(announcer);
    let guard = LeaveGuard(RwSignal::new(false));
    provide_context(guard);
    let confirm = Confirm::new();
    provide_context(confirm);
    let navigate = StoredValue::new_local(use_navigate());
    ErrorTitle::provide(i18n.lang);
    // A session restored from the tab may have ended meanwhile; and one that ends while the page sits
    // unattended must not leave drafts behind.
    session.verify_stored();
    session.watch_ends();
    let access = Memo::new(move |_| session.access());
    let email = Memo::new(move |_| {
        session
            .info
            .with(|i| i.as_ref().map(|i| i.email.clone()).unwrap_or_default())
    });
    let org = Memo::new(move |_| {
        session.info.with(|i| {
            i.as_ref()
                .and_then(|i| i.organisation.as_ref())
                .map(|o| o.name.clone())
                .unwrap_or_default()
        })
    });
    let org_id = Memo::new(move |_| {
        session.info.with(|i| {
            i.as_ref()
                .and_then(|i| i.organisation.as_ref())
                .map(|o| o.id)
        })
    });
    // A plain click over unsaved values asks first; one with a modifier opens another tab, which
    // leaves this page (and its values) as they are. Runs on the link itself, before the router's
    // listener on the window, which follows no link whose default was prevented.
    let confirm_leave = move |ev: leptos::ev::MouseEvent| {
        if !guard.0.get_untracked()
            || ev.default_prevented()
            || ev.button() != 0
            || ev.ctrl_key()
            || ev.meta_key()
            || ev.shift_key()
            || ev.alt_key()
        {
            return;
        }
        let href = ev
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|a| a.get_attribute("href"));
        let Some(href) = href else {
            return;
        };
        ev.prevent_default();
        confirm.ask(LEAVE_QUESTION, move || {
            navigate.with_value(|go| go(&href, Default::default()));
        });
    };
    view! {
        <a class="skip-link" href="#main">{i18n.tr(&ui::SKIP_TO_CONTENT)}</a>
        <header class="topbar">
            <div class="topbar-inner">
                <span class="brand">
                    <span class="brand-mark" aria-hidden="true">"B"</span>
                    {i18n.tr(&ui::APP_NAME)}
                </span>
                <Show when=move || access.get() == Access::Admin>
                    <nav class="nav" aria-label=i18n.tr(&ui::NAV_LABEL)>
                        {pages
                            .iter()
                            .filter_map(|page| Some((page, page.nav?)))
                            .map(|(page, label)| {
                                // A link whose path needs the organisation waits for one.
                                let href = move || page.href(org_id.get());
                                view! {
                                    <Show when=move || href().is_some()>
                                        <A href=move || href().unwrap_or_default() on:click=confirm_leave>
                                            {i18n.tr(label)}
                                        </A>
                                    </Show>
                                }
                            })
                            .collect_view()}
                    </nav>
                </Show>
                <div class="topbar-tools">
                    <LangSwitch />
                    <Show when=move || access.get() != Access::SignedOut>
                        <span class="who">
                            <span class="visually-hidden">{i18n.tr(&ui::SIGNED_IN_AS)} " "</span>
                            {move || email.get()}
                            <Show when=move || !org.get().is_empty()>
                                <span class="org">{move || org.get()}</span>
                            </Show>
                        </span>
                        <button
                            type="button"
                            class="button link"
                            on:click=move |_| sign_out_asking(session, Some(guard), Some(confirm))
                        >
                            {i18n.tr(&ui::SIGN_OUT)}
                        </button>
                    </Show>
                </div>
            </div>
        </header>
        <main id="main" class="main" tabindex="-1">
            {children()}
        </main>
        <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
            {move || announcer.0.get()}
        </div>
        <ReauthDialog />
        <HandoverDialog />
        <ConfirmDialog confirm />
    }
}

#[component]
fn LangSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let button = move |lang: Lang, code: &'static str, name: &'static str| {
        view! {
            <button
                type="button"
                class="lang"
                lang=code
                aria-pressed=move || (i18n.lang.get() == lang).to_string()
                on:click=move |_| i18n.lang.set(lang)
            >
                {name}
            </button>
        }
    };
    view! {
        <div class="lang-switch" role="group" aria-label=i18n.tr(&ui::LANGUAGE)>
            {button(Lang::Cs, "cs", "Čeština")}
            {button(Lang::En, "en", "English")}
        </div>
    }
}

/// Shows its children to administrators only; sends the signed-out to sign in and back.
#[component]
pub fn AdminPage(children: ChildrenFn) -> impl IntoView {
    guarded(Access::Admin, children)
}

/// The customer's own pages.
#[component]
pub fn CustomerPage(children: ChildrenFn) -> impl IntoView {
    guarded(Access::Customer, children)
}

fn guarded(needed: Access, children: ChildrenFn) -> impl IntoView {
    let i18n = use_i18n();
    let session = current_session();
    let location = use_location();
    let access = Memo::new(move |_| session.access());
    let checking = session.checking;
    move || {
        if checking.get() {
            return view! { <p class="loading">{i18n.tr(&ui::LOADING)}</p> }.into_any();
        }
        match access.get() {
            Access::SignedOut => {
                let next = location.pathname.get_untracked();
                view! { <Redirect path=format!("/sign-in?next={}", urlencode(&next)) /> }.into_any()
            }
            a if a == needed => children().into_any(),
            _ if needed == Access::Admin => message_panel(
                &ui::ADMINS_ONLY_TITLE,
                view! {
                    <p>{i18n.tr(&ui::ADMINS_ONLY_BODY)}</p>
                    {way_on("/portal/profile", &ui::GO_TO_PROFILE)}
                }
                .into_any(),
            ),
            _ => message_panel(&ui::ERROR_FORBIDDEN, way_on("/", &ui::GO_HOME).into_any()),
        }
    }
}

/// A page that only says something: a narrow panel with its heading over `body`.
pub fn message_panel(title: &'static Text, body: AnyView) -> AnyView {
    let i18n = use_i18n();
    view! {
        <section class="panel narrow">
            <h1>{i18n.tr(title)}</h1>
            {body}
        </section>
    }
    .into_any()
}

/// The last line of a [`message_panel`]: where to go on from there.
pub fn way_on(href: &'static str, text: &'static Text) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p>
            <A href=href>{i18n.tr(text)}</A>
        </p>
    }
}

fn urlencode(s: &str) -> String {
    js_sys::encode_uri_component(s)
        .as_string()
        .unwrap_or_default()
}

/// The sign-in dialog that opens over a form when its session expired: the form and its values stay
/// underneath, and the form re-sends its submission once the person is signed in again.
#[component]
fn ReauthDialog() -> impl IntoView {
    let i18n = use_i18n();
    let session = current_session();
    let leave = use_leave_guard();
    let confirm = use_context::<Confirm>();
    let dialog = NodeRef::<html::Dialog>::new();
    let password = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let email = Memo::new(move |_| {
        session
            .info
            .with(|i| i.as_ref().map(|i| i.email.clone()).unwrap_or_default())
    });
    Effect::new(move |_| {
        let open = session.expired.get();
        if let Some(d) = dialog.get() {
            if open && !d.open() {
                password.set(String::new());
                error.set(None);
                // After the content below rendered, so the dialog focuses its first field.
                show_modal_when_ready(
                    dialog,
                    move || session.expired.get_untracked(),
                    || focus_by_id("reauth-password"),
                );
            } else if !open && d.open() {
                d.close();
            }
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let pw = password.get_untracked();
        if pw.is_empty() {
            error.set(Some(i18n.tr(&ui::ENTER_PASSWORD)().to_owned()));
            return;
        }
        busy.set(true);
        let mail = email.get_untracked();
        leptos::task::spawn_local(async move {
            match session.sign_in(&mail, &pw).await {
                Ok(_) => {
                    error.try_set(None);
                }
                Err(crate::api::ApiError::Unauthorized { .. })
                | Err(crate::api::ApiError::Rejected { .. }) => {
                    error.try_set(Some(i18n.tr(&ui::SIGN_IN_FAILED)().to_owned()));
                }
                Err(e) => {
                    error.try_set(Some(crate::components::form::describe(&e, i18n)));
                }
            }
            busy.try_set(false);
        });
    };
    view! {
        <dialog
            class="dialog"
            node_ref=dialog
            aria-labelledby="reauth-title"
            on:cancel=move |ev: leptos::ev::Event| {
                ev.prevent_default();
            }
        >
            <Show when=move || session.expired.get()>
            <form class="stack" on:submit=submit novalidate>
                <h2 id="reauth-title">{i18n.tr(&ui::SESSION_EXPIRED_TITLE)}</h2>
                <p>{i18n.tr(&ui::SESSION_EXPIRED_INTRO)}</p>
                <p class="muted">{move || email.get()}</p>
                <div class="field" class:field-error=move || error.get().is_some()>
                    <label class="label" for="reauth-password">{i18n.tr(&ui::PASSWORD)}</label>
                    <Show when=move || error.get().is_some()>
                        <p class="error-message" id="reauth-error">{move || error.get()}</p>
                    </Show>
                    <input
                        id="reauth-password"
                        class="input"
                        type="password"
                        autocomplete="current-password"
                        aria-invalid=move || error.get().is_some().then_some("true")
                        aria-describedby=move || error.get().is_some().then_some("reauth-error")
                        bind:value=password
                    />
                </div>
                <div class="actions">
                    <button type="submit" class="button primary" aria-disabled=move || busy.get().then_some("true")>
                        {i18n.tr(&ui::SIGN_IN_SUBMIT)}
                    </button>
                    <button
                        type="button"
                        class="button secondary"
                        on:click=move |_| sign_out_asking(session, leave, confirm)
                    >
                        {i18n.tr(&ui::SIGN_OUT)}
                    </button>
                </div>
            </form>
            </Show>
        </dialog>
    }
}

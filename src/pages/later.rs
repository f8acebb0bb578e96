//! Pages whose code arrives when they are first visited. In the release build (`cargo xtask`
//! builds the app with the `split` feature and splits its wasm, see `xtask/src/split.rs`) each page
//! made with [`split_page!`] is a chunk of its own, fetched once and then kept by the browser;
//! everywhere else (the wasm tests, the debug build) the same page is simply linked in.

// Without `split` the macro links each page in directly and nothing below is used.
#![cfg_attr(not(feature = "split"), allow(dead_code))]

use std::{
    future::Future,
    pin::Pin,
    task::{Context, Poll, Waker},
    time::Duration,
};

use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;

use crate::i18n::{ui, use_i18n};

/// What a split page's wrapper answers: its view, or that its code could not be fetched.
pub type Loaded = Result<AnyView, SplitLoaderError>;

/// A boxed future the page's code gives back, not `Send` (the app has one thread).
pub type Boxed<T> = Pin<Box<dyn Future<Output = T>>>;

/// A split page: `fetch` brings its chunk (once; a failure is not remembered, so it can be asked
/// again), `build` makes its view once the chunk is here.
#[derive(Clone, Copy)]
pub struct Load {
    pub fetch: fn() -> Boxed<Result<(), SplitLoaderError>>,
    pub build: fn() -> Boxed<Loaded>,
}

/// A route's view for a page in a chunk of its own: `split_page!(chunk_name, module::Page)`. The
/// chunk's name is the `wasm_split` module the splitter makes a file of.
#[macro_export]
macro_rules! split_page {
    ($chunk:ident, $($page:tt)+) => {{
        #[cfg(feature = "split")]
        // The split point is an `extern "C"` import/export pair the splitter links up.
        #[allow(unsafe_code)]
        #[::leptos::wasm_split::wasm_split(
            $chunk,
            wasm_split_path = ::leptos::wasm_split,
            fallible,
            preload(fetch)
        )]
        fn $chunk() -> $crate::pages::later::Loaded {
            Ok(::leptos::prelude::IntoAny::into_any(::leptos::view! { <$($page)+ /> }))
        }
        #[cfg(feature = "split")]
        let view: fn() -> ::leptos::prelude::AnyView = || {
            $crate::pages::later::later($crate::pages::later::Load {
                fetch: || ::std::boxed::Box::pin(fetch()),
                build: || ::std::boxed::Box::pin($chunk()),
            })
        };
        #[cfg(not(feature = "split"))]
        let view: fn() -> ::leptos::prelude::AnyView =
            || ::leptos::prelude::IntoAny::into_any(::leptos::view! { <$($page)+ /> });
        view
    }};
}

/// How long a chunk may take before the page says it could not be loaded: a fetch that never
/// answers would otherwise leave "Loading…" up for good.
const PATIENCE: Duration = Duration::from_secs(10);

#[derive(Clone, Copy, PartialEq, Eq)]
enum Phase {
    Fetching,
    Slow,
    Here,
    Failed,
}

/// The page once its chunk is here; until then a quiet "Loading…", and if the chunk cannot be
/// fetched (or takes too long), a message with a retry. Leaving a form page has already stored
/// its draft, so nothing typed is lost however this ends.
pub fn later(load: Load) -> AnyView {
    view! { <Later load /> }.into_any()
}

#[component]
fn Later(load: Load) -> impl IntoView {
    let i18n = use_i18n();
    let phase = RwSignal::new(Phase::Fetching);
    let attempt = RwSignal::new(0_u32);
    let fetch = move || {
        let this = attempt.get_untracked() + 1;
        attempt.set(this);
        phase.set(Phase::Fetching);
        // `try_`: the timer outlives the page when it is left first.
        set_timeout(
            move || {
                if attempt.try_get_untracked() == Some(this)
                    && phase.try_get_untracked() == Some(Phase::Fetching)
                {
                    phase.try_set(Phase::Slow);
                }
            },
            PATIENCE,
        );
        leptos::task::spawn_local(async move {
            let fetched = (load.fetch)().await;
            // A later attempt (or the page being left) decides instead.
            if attempt.try_get_untracked() == Some(this) {
                phase.try_set(if fetched.is_ok() {
                    Phase::Here
                } else {
                    Phase::Failed
                });
            }
        });
    };
    fetch();
    // The page itself is built here, in this component's own reactive scope like any other
    // route's view, not inside a future: once the chunk is in, its wrapper is ready on first poll.
    move || match phase.get() {
        Phase::Fetching => {
            view! { <p class="page-loading" role="status">{i18n.tr(&ui::LOADING)}</p> }.into_any()
        }
        // Built untracked: what the page reads while it is set up must not build it again.
        Phase::Here => untrack(|| match ready_now((load.build)()) {
            Some(Ok(page)) => page,
            _ => view! { <Missing retry=fetch /> }.into_any(),
        }),
        Phase::Slow | Phase::Failed => view! { <Missing retry=fetch /> }.into_any(),
    }
}

/// The future's answer if it has one at once (the split wrapper of a loaded chunk has).
fn ready_now(mut future: Boxed<Loaded>) -> Option<Loaded> {
    match future
        .as_mut()
        .poll(&mut Context::from_waker(Waker::noop()))
    {
        Poll::Ready(loaded) => Some(loaded),
        Poll::Pending => None,
    }
}

/// GOV.UK's "there is a problem with the service" pattern, for a page whose code did not arrive.
#[component]
fn Missing(retry: impl Fn() + Copy + 'static) -> impl IntoView {
    let i18n = use_i18n();
    let reload = move |_| {
        if let Some(window) = web_sys::window() {
            let _ = window.location().reload();
        }
    };
    view! {
        <section class="panel narrow page-missing" role="alert" aria-labelledby="page-missing-title">
            <h1 id="page-missing-title">{i18n.tr(&ui::PAGE_MISSING_TITLE)}</h1>
            <p>{i18n.tr(&ui::PAGE_MISSING_BODY)}</p>
            <p class="actions">
                <button type="button" class="button" on:click=move |_| retry()>
                    {i18n.tr(&ui::PAGE_MISSING_RETRY)}
                </button>
                <button type="button" class="button secondary" on:click=reload>
                    {i18n.tr(&ui::PAGE_MISSING_RELOAD)}
                </button>
            </p>
        </section>
    }
}

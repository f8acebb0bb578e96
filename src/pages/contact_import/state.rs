//! What every part of the import page shares: its phases, the send's pauses, the table's filter
//! and `Ctx`, the page's signals with the few operations on them more than one part needs (keeping
//! the draft, remembering the mapping, refreshing the rows the filter shows). A leaf: it imports
//! none of the page's other modules, so they can all use it without a circle.

use bizkit_contract::OrgRules;
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::t;
use crate::api::ApiError;
use crate::components::focus::focus_by_id;
use crate::components::layout::Announcer;
use crate::draft;
use crate::i18n::{I18n, Text};
use crate::import::browser::sleep;
use crate::import::mapping::{self, Remembered};
use crate::import::rows::{Import, RowState};
use crate::session::Session;
use crate::storage;

/// Rows on one page of the table; the filter's view and the table's pager both count by it.
pub(super) const PAGE_SIZE: usize = 50;

#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Phase {
    Choose,
    Reading,
    Review,
    Done,
}

#[derive(Clone, Debug, PartialEq)]
pub(super) enum Pause {
    Cancelled,
    SignIn,
    Unreachable,
    Stopped(ApiError),
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Filter {
    All,
    Problems,
    Skipped,
    Created,
}

impl Filter {
    pub(super) const ALL: [(Filter, &'static str, &'static Text); 4] = [
        (Filter::All, "all", &t::FILTER_ALL),
        (Filter::Problems, "problems", &t::FILTER_PROBLEMS),
        (Filter::Skipped, "skipped", &t::FILTER_SKIPPED),
        (Filter::Created, "created", &t::FILTER_CREATED),
    ];
}

/// Everything the page's parts share; all of it `Copy`.
#[derive(Clone, Copy)]
pub(super) struct Ctx {
    pub(super) imp: RwSignal<Option<Import>>,
    pub(super) phase: RwSignal<Phase>,
    pub(super) reading: RwSignal<(usize, usize)>,
    pub(super) load_error: RwSignal<Option<&'static Text>>,
    pub(super) blank_rows: RwSignal<usize>,
    pub(super) filter: RwSignal<Filter>,
    pub(super) page: RwSignal<usize>,
    /// The rows the filter shows, refreshed when the filter or the import changes as a whole —
    /// not on each keystroke, so a row being corrected does not vanish under the cursor.
    pub(super) view_rows: RwSignal<Vec<usize>>,
    /// Rows are being checked again (after a mapping change) while the table stays in place.
    pub(super) checking: RwSignal<bool>,
    pub(super) running: RwSignal<bool>,
    pub(super) pause: RwSignal<Option<Pause>>,
    pub(super) in_flight: RwSignal<Vec<usize>>,
    pub(super) resumed: RwSignal<bool>,
    pub(super) show_errors: RwSignal<bool>,
    pub(super) not_kept: RwSignal<bool>,
    pub(super) moved: RwSignal<Option<(usize, usize)>>,
    pub(super) cursor: StoredValue<usize>,
    pub(super) workers: StoredValue<usize>,
    pub(super) no_answer: StoredValue<u32>,
    pub(super) save_pending: StoredValue<bool>,
    pub(super) announced: StoredValue<usize>,
    pub(super) draft_key: StoredValue<String>,
    pub(super) mapping_key: StoredValue<String>,
    pub(super) rules: StoredValue<OrgRules>,
    pub(super) caption: NodeRef<html::Caption>,
    pub(super) errors_box: NodeRef<html::Div>,
    pub(super) done_heading: NodeRef<html::H2>,
    pub(super) session: Session,
    pub(super) i18n: I18n,
    pub(super) announcer: Announcer,
}

impl Ctx {
    /// Changes the import and keeps the draft (within a second).
    pub(super) fn mutate<R>(self, f: impl FnOnce(&mut Import) -> R) -> Option<R> {
        let r = self.imp.try_update(|imp| imp.as_mut().map(f)).flatten();
        self.schedule_save();
        r
    }

    pub(super) fn save(self) {
        // Disposed (the page was left): what it held was saved when it went.
        let Some(key) = self.draft_key.try_get_value() else {
            return;
        };
        // A draft like every form's: sign-out, an ended session and the age limit remove it.
        match self
            .imp
            .try_with_untracked(|imp| imp.as_ref().map(|imp| draft::save_value(&key, imp)))
        {
            Some(Some(kept)) => {
                self.not_kept.try_set(!kept);
            }
            Some(None) => draft::remove(&key),
            None => {}
        }
    }

    /// Saves at most once a second while things change (a send answers many rows a second).
    fn schedule_save(self) {
        // A page that was left (disposed values) saved its draft as it went.
        if self.save_pending.try_get_value().unwrap_or(true) {
            return;
        }
        self.save_pending.try_set_value(true);
        spawn_local(async move {
            sleep(800).await;
            if self.save_pending.try_set_value(false).is_none() {
                self.save();
            }
        });
    }

    pub(super) fn remembered(self) -> Remembered {
        storage::local_get(&self.mapping_key.get_value())
            .and_then(|s| serde_json::from_str(&s).ok())
            .unwrap_or_default()
    }

    pub(super) fn remember_mapping(self) {
        let mut remembered = self.remembered();
        self.imp.with_untracked(|imp| {
            if let Some(imp) = imp
                && let Some(header) = imp.header()
            {
                mapping::remember(&mut remembered, header, &imp.mapping);
            }
        });
        if let Ok(json) = serde_json::to_string(&remembered) {
            storage::local_set(&self.mapping_key.get_value(), &json);
        }
    }

    pub(super) fn refresh_view(self) {
        let filter = self.filter.get_untracked();
        let rows: Vec<usize> = self
            .imp
            .with_untracked(|imp| {
                imp.as_ref().map(|imp| {
                    (imp.first_data()..imp.rows.len())
                        .filter(|&i| {
                            let r = &imp.rows[i];
                            let ok = imp.checks.get(i).is_some_and(|c| c.ok());
                            match filter {
                                Filter::All => true,
                                Filter::Problems => {
                                    matches!(r.state, RowState::Failed(_))
                                        || (!r.skipped && !r.locked() && !ok)
                                }
                                Filter::Skipped => r.skipped,
                                Filter::Created => matches!(r.state, RowState::Created(_)),
                            }
                        })
                        .collect()
                })
            })
            .unwrap_or_default();
        let pages = rows.len().div_ceil(PAGE_SIZE).max(1);
        self.view_rows.set(rows);
        if self.page.get_untracked() >= pages {
            self.page.set(pages - 1);
        }
    }

    pub(super) fn clear(self) {
        self.imp.set(None);
        self.phase.set(Phase::Choose);
        self.pause.set(None);
        self.resumed.set(false);
        self.show_errors.set(false);
        self.not_kept.set(false);
        self.view_rows.set(Vec::new());
        self.page.set(0);
        draft::remove(&self.draft_key.get_value());
        request_animation_frame(|| focus_by_id("import-file"));
    }
}

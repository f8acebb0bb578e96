//! "Which customer": the fieldset of a form that acts on one customer, named by e-mail or by
//! reference number (the contract's `CustomerRef`), with the note that the reference number wins
//! when both are filled in. The groups form has it, and so does any later form about one customer.

use bizkit_contract::{CU_REF_NO_LEN, field};
use leptos::prelude::*;

use crate::components::field::Control;
use crate::components::field_table::{FieldRows, FieldSpec, preview};
use crate::components::form::FormCtl;
use crate::i18n::{ui, use_i18n};

/// Its rows, for the form's field table.
pub const ROWS: &[FieldSpec] = &[
    FieldSpec::new(field::EMAIL, &ui::EMAIL)
        .control(Control::Email)
        .autocomplete("off")
        .hint(&ui::EMAIL_HINT),
    FieldSpec::new(field::CU_REF_NO, &t::CU_REF_NO)
        .autocomplete("off")
        .hint(&t::CU_REF_NO_HINT)
        .preview(preview::cu_ref_no)
        .counter(CU_REF_NO_LEN),
];

/// The fieldset with [`ROWS`], spanning the form's grid.
#[component]
pub fn WhichCustomer(form: FormCtl) -> impl IntoView {
    let i18n = use_i18n();
    let values = form.values();
    let both = Memo::new(move |_| {
        values.opt(field::EMAIL).is_some() && values.opt(field::CU_REF_NO).is_some()
    });
    view! {
        <fieldset class="span-2 fieldset form-grid">
            <legend class="label">{i18n.tr(&t::IDENTIFY_LEGEND)}</legend>
            <FieldRows form rows=ROWS />
            <Show when=move || both.get()>
                <p class="notice info span-2" role="status">{i18n.tr(&t::CU_REF_NO_WINS)}</p>
            </Show>
        </fieldset>
    }
}

pub(crate) mod t {
    crate::i18n::texts! {
        IDENTIFY_LEGEND: "Který zákazník", "Which customer";
        CU_REF_NO: "Referenční číslo zákazníka", "Customer reference number";
        CU_REF_NO_HINT:
            "16 písmen a číslic, např. 1cGIHvFoQDGLAbcA.",
            "16 letters and digits, for example 1cGIHvFoQDGLAbcA.";
        CU_REF_NO_WINS:
            "Vyplněno je obojí: zákazník se najde podle referenčního čísla, e-mail se nepoužije.",
            "Both are filled in: the customer is found by the reference number, the e-mail is not used.";
    }
}

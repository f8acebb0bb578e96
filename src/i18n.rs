//! Czech and English. The contract crate's catalogue words every validation message; this module words
//! the app's own text. The language follows the browser (Czech for a Czech or Slovak browser) until the
//! person picks one, which is remembered.

use bizkit_contract::{ErrorCode, Lang};
use leptos::prelude::*;

use crate::storage;

#[cfg_attr(not(feature = "import"), allow(dead_code))]
pub(crate) mod import;
pub mod portal;
pub mod text;

pub use text::Text;

const LANG_KEY: &str = "bizkit.lang";

#[derive(Clone, Copy)]
pub struct I18n {
    pub lang: RwSignal<Lang>,
}

impl I18n {
    pub fn provide() -> I18n {
        let lang = RwSignal::new(initial_lang());
        Effect::new(move |_| {
            let l = lang.get();
            storage::local_set(LANG_KEY, code(l));
            if let Some(html) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.document_element())
            {
                let _ = html.set_attribute("lang", code(l));
            }
        });
        let i18n = I18n { lang };
        provide_context(i18n);
        i18n
    }

    pub fn t(&self) -> &'static Ui {
        ui(self.lang.get())
    }

    /// A text that follows the language, for a text node or a text prop: `{i18n.text(|t| t.loading)}`.
    /// A `fn` pointer instead of a closure per text, so the ~200 texts share one instantiation of Leptos's
    /// reactive text rendering (measured: 2.1 KB gzip off the admin wasm, 0.9 KB off the widget's).
    pub fn text(self, pick: fn(&'static Ui) -> &'static str) -> impl Fn() -> &'static str + Copy {
        move || pick(self.t())
    }

    /// A [`Text`] that follows the language, for a text node or a text prop: `{i18n.tr(&TITLE)}`. One
    /// closure type for every text, so they all share one instantiation of Leptos's text rendering.
    pub fn tr(self, text: &'static Text) -> impl Fn() -> &'static str + Copy {
        move || text.get(self.lang.get())
    }

    /// A [`Text`] in the current language, read once (for messages built at a moment in time).
    pub fn now(self, text: &Text) -> &'static str {
        text.get(self.lang.get_untracked())
    }

    /// Localised text for a code from the server: our own wording when we know the code, the server's
    /// message otherwise.
    pub fn code_message(&self, code: &str, server_message: &str) -> String {
        match ErrorCode::from_code(code) {
            Some(c) => bizkit_contract::message(c, self.lang.get()).to_owned(),
            None if !server_message.trim().is_empty() => server_message.to_owned(),
            None => self.t().error_unknown.to_owned(),
        }
    }
}

pub fn use_i18n() -> I18n {
    use_context::<I18n>().unwrap_or_else(|| I18n {
        lang: RwSignal::new(Lang::En),
    })
}

pub fn code(lang: Lang) -> &'static str {
    match lang {
        Lang::Cs => "cs",
        _ => "en",
    }
}

fn initial_lang() -> Lang {
    if let Some(saved) = storage::local_get(LANG_KEY) {
        return parse_lang(&saved).unwrap_or(Lang::En);
    }
    let langs = web_sys::window()
        .map(|w| w.navigator().languages())
        .map(|a| a.iter().filter_map(|v| v.as_string()).collect::<Vec<_>>())
        .unwrap_or_default();
    pick_lang(&langs)
}

fn parse_lang(s: &str) -> Option<Lang> {
    match s {
        "cs" => Some(Lang::Cs),
        "en" => Some(Lang::En),
        _ => None,
    }
}

/// The first of the browser's languages that we speak; Slovak readers get Czech, which they read easily.
pub fn pick_lang(browser: &[String]) -> Lang {
    for tag in browser {
        let primary = tag
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match primary.as_str() {
            "cs" | "sk" => return Lang::Cs,
            "en" => return Lang::En,
            _ => {}
        }
    }
    Lang::En
}

pub fn ui(lang: Lang) -> &'static Ui {
    match lang {
        Lang::Cs => &CS,
        _ => &EN,
    }
}

/// Fills `{}` in a template with `value`.
pub fn fill(template: &str, value: &str) -> String {
    template.replacen("{}", value, 1)
}

pub struct Ui {
    pub app_name: &'static str,
    pub loading: &'static str,
    /// A required field left empty, named: the summary then says which one.
    pub required_named: &'static str,
    pub skip_to_content: &'static str,
    pub language: &'static str,
    pub nav_label: &'static str,
    pub nav_contact_new: &'static str,
    pub sign_out: &'static str,
    pub signed_in_as: &'static str,
    pub optional: &'static str,
    pub error_summary_title: &'static str,
    pub saving: &'static str,
    pub draft_restored: &'static str,
    pub draft_discard: &'static str,
    pub leave_confirm: &'static str,
    pub error_network: &'static str,
    pub error_timeout: &'static str,
    pub error_server: &'static str,
    pub error_outcome_unknown: &'static str,
    pub error_rate_limited: &'static str,
    pub error_rate_limited_secs: &'static str,
    pub error_forbidden: &'static str,
    pub error_not_found: &'static str,
    pub error_unauthorized: &'static str,
    pub error_unknown: &'static str,
    pub retry: &'static str,
    pub sign_in_title: &'static str,
    pub sign_in_intro: &'static str,
    pub email: &'static str,
    pub password: &'static str,
    pub sign_in_submit: &'static str,
    pub sign_in_failed: &'static str,
    pub enter_email: &'static str,
    pub enter_password: &'static str,
    pub token_summary: &'static str,
    pub token_label: &'static str,
    pub token_hint: &'static str,
    pub token_submit: &'static str,
    pub enter_token: &'static str,
    pub token_rejected: &'static str,
    pub session_expired_title: &'static str,
    pub session_expired_intro: &'static str,
    pub cancel: &'static str,
    pub not_found_title: &'static str,
    pub not_found_body: &'static str,
    pub go_home: &'static str,
    pub admins_only_title: &'static str,
    pub admins_only_body: &'static str,
    pub go_to_profile: &'static str,
    pub will_be_saved_as: &'static str,
    pub contact_title: &'static str,
    pub contact_intro: &'static str,
    pub first_name: &'static str,
    pub last_name: &'static str,
    pub phone: &'static str,
    pub phone_hint: &'static str,
    pub email_hint: &'static str,
    pub ico: &'static str,
    pub ico_hint: &'static str,
    pub send_invite: &'static str,
    pub send_invite_hint: &'static str,
    pub send_invite_needs_email: &'static str,
    pub ignore_bulk_mail: &'static str,
    pub ignore_bulk_mail_hint: &'static str,
    pub contact_submit: &'static str,
    pub contact_created: &'static str,
    pub contact_stored_intro: &'static str,
    pub contact_next: &'static str,
    pub company_name: &'static str,
    pub address: &'static str,
    pub dic: &'static str,
    pub groups: &'static str,
    pub none: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub ares_checking: &'static str,
    pub ares_found: &'static str,
    pub ares_not_found: &'static str,
    pub ares_unavailable: &'static str,
    pub ares_dissolved: &'static str,
    pub tags_label: &'static str,
    pub tags_hint: &'static str,
    pub tags_input: &'static str,
    pub tags_add_new: &'static str,
    pub tags_remove: &'static str,
    pub tags_color: &'static str,
    pub tags_stored_as: &'static str,
    pub tags_none: &'static str,
    pub tags_added: &'static str,
    pub tags_removed: &'static str,
    pub tags_suggestions: &'static str,
    pub full_name: &'static str,
    pub nav_member_invite: &'static str,
    pub nav_customer_groups: &'static str,
    pub codes_free_label: &'static str,
    pub codes_free_hint: &'static str,
    pub codes_filter: &'static str,
    pub codes_filter_placeholder: &'static str,
    pub codes_chosen: &'static str,
    pub codes_no_match: &'static str,
    pub invite_title: &'static str,
    pub invite_intro: &'static str,
    pub permissions: &'static str,
    pub roles: &'static str,
    pub description: &'static str,
    pub description_hint: &'static str,
    pub invite_submit: &'static str,
    pub invite_added: &'static str,
    pub invite_added_body: &'static str,
    pub invite_invited: &'static str,
    pub invite_invited_body: &'static str,
    pub invite_next: &'static str,
    pub groups_title: &'static str,
    pub groups_intro: &'static str,
    pub identify_legend: &'static str,
    pub cu_ref_no: &'static str,
    pub cu_ref_no_hint: &'static str,
    pub cu_ref_no_wins: &'static str,
    pub groups_submit: &'static str,
    pub groups_done: &'static str,
    pub groups_added_list: &'static str,
    pub groups_already_list: &'static str,
    pub groups_nothing_new: &'static str,
    pub groups_next: &'static str,
    pub profile_title: &'static str,
    pub profile_intro: &'static str,
    pub profile_unavailable: &'static str,
    pub profile_language: &'static str,
    pub profile_newsletter: &'static str,
}

static EN: Ui = Ui {
    app_name: "BizKit Forms",
    loading: "Loading…",
    required_named: "Fill in “{}”",
    skip_to_content: "Skip to main content",
    language: "Language",
    nav_label: "Main",
    nav_contact_new: "New contact",
    sign_out: "Sign out",
    signed_in_as: "Signed in as",
    optional: "(optional)",
    error_summary_title: "There is a problem",
    saving: "Saving…",
    draft_restored: "We restored what you had typed before the page was closed.",
    draft_discard: "Start again with an empty form",
    leave_confirm: "You have unsaved changes. Leave this page? Your draft stays saved in this browser.",
    error_network: "We could not reach the server. Check your connection and try again – everything you typed is kept.",
    error_timeout: "The server did not answer in time. Try again – everything you typed is kept.",
    error_server: "The server ran into a problem. Try again in a moment – everything you typed is kept.",
    error_outcome_unknown: "We don't know whether it was saved. Try again: the same request is sent, so nothing is created twice.",
    error_rate_limited: "Too many requests. Wait a moment and try again.",
    error_rate_limited_secs: "Too many requests. Try again in {} seconds.",
    error_forbidden: "Your account is not allowed to do this.",
    error_not_found: "The server does not offer this.",
    error_unauthorized: "Your session has ended. Sign in again.",
    error_unknown: "Something went wrong. Try again.",
    retry: "Try again",
    sign_in_title: "Sign in",
    sign_in_intro: "Sign in with your BizKitHub account.",
    email: "E-mail",
    password: "Password",
    sign_in_submit: "Sign in",
    sign_in_failed: "The e-mail or password is not right. Check them and try again.",
    enter_email: "Enter your e-mail address",
    enter_password: "Enter your password",
    token_summary: "Use an existing session token instead",
    token_label: "Session token",
    token_hint: "Paste the token of a BizKitHub session or an API key. It is kept only in this tab.",
    token_submit: "Use this token",
    enter_token: "Paste a session token",
    token_rejected: "This token was not accepted. It may have expired – sign in with your e-mail instead.",
    session_expired_title: "Your session has ended",
    session_expired_intro: "Sign in again to finish what you were doing. Nothing you typed is lost.",
    cancel: "Cancel",
    not_found_title: "Page not found",
    not_found_body: "If you typed the address, check it is right.",
    go_home: "Go to the start page",
    admins_only_title: "This page is for administrators",
    admins_only_body: "You are signed in as a customer. You can edit your own profile.",
    go_to_profile: "Go to your profile",
    will_be_saved_as: "Will be saved as",
    contact_title: "New contact",
    contact_intro: "Enter an e-mail, a phone number or both. Everything else is optional.",
    first_name: "First name",
    last_name: "Last name",
    phone: "Phone",
    phone_hint: "Without a prefix we use +420. Spaces and dashes are fine.",
    email_hint: "For example name@example.com",
    ico: "IČO (company registration number)",
    ico_hint: "8 digits. We fill in the company name and address from ARES.",
    send_invite: "Send a registration invitation",
    send_invite_hint: "The contact gets an e-mail to create an account.",
    send_invite_needs_email: "Enter an e-mail address to send an invitation.",
    ignore_bulk_mail: "No newsletters and bulk e-mails",
    ignore_bulk_mail_hint: "The contact is opted out from the start.",
    contact_submit: "Create contact",
    contact_created: "Contact created",
    contact_stored_intro: "This is what was saved:",
    contact_next: "Create another contact",
    company_name: "Company",
    address: "Address",
    dic: "DIČ (VAT number)",
    groups: "Groups",
    none: "—",
    yes: "Yes",
    no: "No",
    ares_checking: "Looking up the company in ARES…",
    ares_found: "Found in ARES – this will be filled in:",
    ares_not_found: "ARES has no company with this IČO. Check the number.",
    ares_unavailable: "ARES cannot be reached right now. You can still save; the company details can be filled in later.",
    ares_dissolved: "This company has been dissolved.",
    tags_label: "Groups",
    tags_hint: "Choose existing groups or type a new one and press Enter.",
    tags_input: "Add a group",
    tags_add_new: "Add new group “{}”",
    tags_remove: "Remove group {}",
    tags_color: "Colour of group {}",
    tags_stored_as: "stored as",
    tags_none: "No groups yet.",
    tags_added: "Group {} added.",
    tags_removed: "Group {} removed.",
    tags_suggestions: "Suggestions",
    full_name: "Name",
    nav_member_invite: "Invite member",
    nav_customer_groups: "Customer groups",
    codes_free_label: "Codes, separated by commas",
    codes_free_hint: "The list of codes is not available, so type them, for example contact.read, contact.write.",
    codes_filter: "Search {}",
    codes_filter_placeholder: "Type to filter",
    codes_chosen: "{} chosen",
    codes_no_match: "Nothing matches. Try another word.",
    invite_title: "Invite a member",
    invite_intro: "Someone who already has a BizKitHub account joins at once; anyone else gets an invitation by e-mail.",
    permissions: "Permissions",
    roles: "Roles",
    description: "Internal note",
    description_hint: "Only administrators see it.",
    invite_submit: "Send invitation",
    invite_added: "Member added",
    invite_added_body: "{} already had an account and is now a member with the chosen permissions.",
    invite_invited: "Invitation sent",
    invite_invited_body: "{} will get an e-mail. The invitation waits until it is accepted.",
    invite_next: "Invite someone else",
    groups_title: "Add groups to a customer",
    groups_intro: "Find the customer by e-mail or by customer reference number, then choose the groups.",
    identify_legend: "Which customer",
    cu_ref_no: "Customer reference number",
    cu_ref_no_hint: "16 letters and digits, for example 1cGIHvFoQDGLAbcA.",
    cu_ref_no_wins: "Both are filled in: the customer is found by the reference number, the e-mail is not used.",
    groups_submit: "Add groups",
    groups_done: "Groups updated",
    groups_added_list: "Newly added",
    groups_already_list: "Already assigned (unchanged)",
    groups_nothing_new: "The customer already had all these groups; nothing changed.",
    groups_next: "Add groups to another customer",
    profile_title: "Your profile",
    profile_intro: "This is what the organisation has stored about you. Editing it here is coming soon.",
    profile_unavailable: "This service cannot show your profile.",
    profile_language: "Language",
    profile_newsletter: "Newsletter",
};

static CS: Ui = Ui {
    app_name: "BizKit Formuláře",
    loading: "Načítání…",
    required_named: "Vyplňte pole „{}“",
    skip_to_content: "Přejít na hlavní obsah",
    language: "Jazyk",
    nav_label: "Hlavní",
    nav_contact_new: "Nový kontakt",
    sign_out: "Odhlásit se",
    signed_in_as: "Přihlášen(a) jako",
    optional: "(nepovinné)",
    error_summary_title: "Vyskytl se problém",
    saving: "Ukládání…",
    draft_restored: "Obnovili jsme, co jste vyplnili před zavřením stránky.",
    draft_discard: "Začít znovu s prázdným formulářem",
    leave_confirm: "Máte neuložené změny. Opravdu odejít? Rozepsaný formulář zůstane uložený v tomto prohlížeči.",
    error_network: "Nepodařilo se spojit se serverem. Zkontrolujte připojení a zkuste to znovu – vše, co jste vyplnili, zůstává.",
    error_timeout: "Server neodpověděl včas. Zkuste to znovu – vše, co jste vyplnili, zůstává.",
    error_server: "Na serveru nastala chyba. Zkuste to za chvíli znovu – vše, co jste vyplnili, zůstává.",
    error_outcome_unknown: "Nevíme, zda se uložení podařilo. Zkuste to znovu: odešle se stejný požadavek, takže nic nevznikne dvakrát.",
    error_rate_limited: "Příliš mnoho požadavků. Chvíli počkejte a zkuste to znovu.",
    error_rate_limited_secs: "Příliš mnoho požadavků. Zkuste to znovu za {} s.",
    error_forbidden: "Váš účet k tomu nemá oprávnění.",
    error_not_found: "Server tuto funkci nenabízí.",
    error_unauthorized: "Vaše přihlášení skončilo. Přihlaste se znovu.",
    error_unknown: "Něco se nepovedlo. Zkuste to znovu.",
    retry: "Zkusit znovu",
    sign_in_title: "Přihlášení",
    sign_in_intro: "Přihlaste se svým účtem BizKitHub.",
    email: "E-mail",
    password: "Heslo",
    sign_in_submit: "Přihlásit se",
    sign_in_failed: "E-mail nebo heslo nesouhlasí. Zkontrolujte je a zkuste to znovu.",
    enter_email: "Zadejte svůj e-mail",
    enter_password: "Zadejte heslo",
    token_summary: "Použít existující přístupový token",
    token_label: "Přístupový token",
    token_hint: "Vložte token relace BizKitHub nebo API klíč. Zůstane jen v této záložce.",
    token_submit: "Použít token",
    enter_token: "Vložte přístupový token",
    token_rejected: "Token nebyl přijat. Možná vypršel – přihlaste se raději e-mailem.",
    session_expired_title: "Vaše přihlášení skončilo",
    session_expired_intro: "Přihlaste se znovu a dokončete, co jste rozdělali. Nic z vyplněného se neztratí.",
    cancel: "Zrušit",
    not_found_title: "Stránka nenalezena",
    not_found_body: "Pokud jste adresu psali ručně, zkontrolujte ji.",
    go_home: "Na úvodní stránku",
    admins_only_title: "Tato stránka je pro administrátory",
    admins_only_body: "Jste přihlášen(a) jako zákazník. Můžete upravit svůj profil.",
    go_to_profile: "Přejít na můj profil",
    will_be_saved_as: "Uloží se jako",
    contact_title: "Nový kontakt",
    contact_intro: "Zadejte e-mail, telefon, nebo obojí. Vše ostatní je nepovinné.",
    first_name: "Jméno",
    last_name: "Příjmení",
    phone: "Telefon",
    phone_hint: "Bez předvolby použijeme +420. Mezery a pomlčky nevadí.",
    email_hint: "Například jmeno@example.cz",
    ico: "IČO",
    ico_hint: "8 číslic. Název firmy a adresu doplníme z ARES.",
    send_invite: "Poslat pozvánku k registraci",
    send_invite_hint: "Kontakt dostane e-mail s odkazem na založení účtu.",
    send_invite_needs_email: "Pro odeslání pozvánky zadejte e-mail.",
    ignore_bulk_mail: "Neposílat newslettery a hromadné e-maily",
    ignore_bulk_mail_hint: "Kontakt bude od začátku odhlášen.",
    contact_submit: "Vytvořit kontakt",
    contact_created: "Kontakt vytvořen",
    contact_stored_intro: "Uložilo se toto:",
    contact_next: "Vytvořit další kontakt",
    company_name: "Firma",
    address: "Adresa",
    dic: "DIČ",
    groups: "Skupiny",
    none: "—",
    yes: "Ano",
    no: "Ne",
    ares_checking: "Hledáme firmu v ARES…",
    ares_found: "Nalezeno v ARES – doplní se:",
    ares_not_found: "ARES nezná firmu s tímto IČO. Zkontrolujte číslo.",
    ares_unavailable: "ARES je teď nedostupný. Kontakt můžete uložit; údaje o firmě lze doplnit později.",
    ares_dissolved: "Tato firma zanikla.",
    tags_label: "Skupiny",
    tags_hint: "Vyberte existující skupiny, nebo napište novou a stiskněte Enter.",
    tags_input: "Přidat skupinu",
    tags_add_new: "Přidat novou skupinu „{}“",
    tags_remove: "Odebrat skupinu {}",
    tags_color: "Barva skupiny {}",
    tags_stored_as: "uloží se jako",
    tags_none: "Zatím žádné skupiny.",
    tags_added: "Skupina {} přidána.",
    tags_removed: "Skupina {} odebrána.",
    tags_suggestions: "Návrhy",
    full_name: "Jméno a příjmení",
    nav_member_invite: "Pozvat člena",
    nav_customer_groups: "Skupiny zákazníků",
    codes_free_label: "Kódy oddělené čárkami",
    codes_free_hint: "Seznam kódů není k dispozici, napište je tedy, např. contact.read, contact.write.",
    codes_filter: "Hledat: {}",
    codes_filter_placeholder: "Pište pro filtrování",
    codes_chosen: "Vybráno: {}",
    codes_no_match: "Nic neodpovídá. Zkuste jiné slovo.",
    invite_title: "Pozvat člena",
    invite_intro: "Kdo už má účet BizKitHub, bude přidán hned; ostatní dostanou pozvánku e-mailem.",
    permissions: "Oprávnění",
    roles: "Role",
    description: "Interní poznámka",
    description_hint: "Vidí ji jen administrátoři.",
    invite_submit: "Odeslat pozvánku",
    invite_added: "Člen přidán",
    invite_added_body: "{} už měl(a) účet a je nyní členem s vybranými oprávněními.",
    invite_invited: "Pozvánka odeslána",
    invite_invited_body: "{} dostane e-mail. Pozvánka čeká, dokud ji nepřijme.",
    invite_next: "Pozvat dalšího",
    groups_title: "Přidat skupiny zákazníkovi",
    groups_intro: "Najděte zákazníka podle e-mailu nebo referenčního čísla a vyberte skupiny.",
    identify_legend: "Který zákazník",
    cu_ref_no: "Referenční číslo zákazníka",
    cu_ref_no_hint: "16 písmen a číslic, např. 1cGIHvFoQDGLAbcA.",
    cu_ref_no_wins: "Vyplněno je obojí: zákazník se najde podle referenčního čísla, e-mail se nepoužije.",
    groups_submit: "Přidat skupiny",
    groups_done: "Skupiny upraveny",
    groups_added_list: "Nově přidané",
    groups_already_list: "Už přiřazené (beze změny)",
    groups_nothing_new: "Zákazník už všechny tyto skupiny měl; nic se nezměnilo.",
    groups_next: "Přidat skupiny dalšímu zákazníkovi",
    profile_title: "Váš profil",
    profile_intro: "Toto o vás organizace eviduje. Úpravy zde připravujeme.",
    profile_unavailable: "Tato služba váš profil zobrazit neumí.",
    profile_language: "Jazyk",
    profile_newsletter: "Newsletter",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn browser_language_decides_until_chosen() {
        let l = |v: &[&str]| pick_lang(&v.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(l(&["cs-CZ", "en"]), Lang::Cs);
        assert_eq!(l(&["sk"]), Lang::Cs);
        assert_eq!(l(&["de-DE", "en-GB"]), Lang::En);
        assert_eq!(l(&["de"]), Lang::En);
        assert_eq!(l(&[]), Lang::En);
    }

    #[test]
    fn fill_replaces_the_placeholder_once() {
        assert_eq!(fill("Add “{}”", "vip"), "Add “vip”");
    }
}

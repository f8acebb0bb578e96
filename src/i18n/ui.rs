//! The admin app's own texts (sign-in, the shell, the admin forms and their components), in Czech
//! and English, and the field names every form shares (e-mail, names, phone, groups). Validation
//! messages are not here: they come from the contract's catalogue, as everywhere.

use super::Text;

pub(crate) const APP_NAME: Text = Text::new("BizKit Formuláře", "BizKit Forms");
pub(crate) const LOADING: Text = Text::new("Načítání…", "Loading…");
/// A required field left empty, named: the summary then says which one.
pub(crate) const REQUIRED_NAMED: Text = Text::new("Vyplňte pole „{}“", "Fill in “{}”");
pub(crate) const SKIP_TO_CONTENT: Text =
    Text::new("Přejít na hlavní obsah", "Skip to main content");
pub(crate) const LANGUAGE: Text = Text::new("Jazyk", "Language");
pub(crate) const NAV_LABEL: Text = Text::new("Hlavní", "Main");
/// The navigation link, the new-contact page's title and the organisation contacts' form heading.
pub(crate) const NEW_CONTACT: Text = Text::new("Nový kontakt", "New contact");
pub(crate) const SIGN_OUT: Text = Text::new("Odhlásit se", "Sign out");
pub(crate) const SIGNED_IN_AS: Text = Text::new("Přihlášen(a) jako", "Signed in as");
pub(crate) const OPTIONAL: Text = Text::new("(nepovinné)", "(optional)");
pub(crate) const ERROR_SUMMARY_TITLE: Text = Text::new("Vyskytl se problém", "There is a problem");
pub(crate) const SAVING: Text = Text::new("Ukládání…", "Saving…");
pub(crate) const DRAFT_RESTORED: Text = Text::new(
    "Obnovili jsme, co jste vyplnili před zavřením stránky.",
    "We restored what you had typed before the page was closed.",
);
pub(crate) const DRAFT_DISCARD: Text = Text::new(
    "Začít znovu s prázdným formulářem",
    "Start again with an empty form",
);
/// The app's own question before leaving a page over unsaved values (the draft stays).
pub(crate) const LEAVE_CONFIRM_TITLE: Text =
    Text::new("Odejít z této stránky?", "Leave this page?");
pub(crate) const LEAVE_CONFIRM: Text = Text::new(
    "Máte neuložené změny. Rozepsaný formulář zůstane uložený v tomto prohlížeči.",
    "You have unsaved changes. Your draft stays saved in this browser.",
);
pub(crate) const LEAVE_CONFIRM_ACTION: Text = Text::new("Odejít", "Leave");
/// Asked when someone signs out over unsaved values: unlike leaving a page, signing out removes the
/// draft.
pub(crate) const SIGN_OUT_CONFIRM_TITLE: Text = Text::new(
    "Odhlásit se s neuloženými změnami?",
    "Sign out with unsaved changes?",
);
pub(crate) const SIGN_OUT_CONFIRM: Text = Text::new(
    "Máte neuložené změny. Po odhlášení se z tohoto prohlížeče smažou.",
    "You have unsaved changes. Signing out removes them from this browser.",
);
/// The safe answer of the app's confirmation dialog: nothing changes.
pub(crate) const CONFIRM_CANCEL: Text = Text::new("Zrušit", "Cancel");
pub(crate) const ERROR_NETWORK: Text = Text::new(
    "Nepodařilo se spojit se serverem. Zkontrolujte připojení a zkuste to znovu – vše, co jste vyplnili, zůstává.",
    "We could not reach the server. Check your connection and try again – everything you typed is kept.",
);
pub(crate) const ERROR_TIMEOUT: Text = Text::new(
    "Server neodpověděl včas. Zkuste to znovu – vše, co jste vyplnili, zůstává.",
    "The server did not answer in time. Try again – everything you typed is kept.",
);
pub(crate) const ERROR_SERVER: Text = Text::new(
    "Na serveru nastala chyba. Zkuste to za chvíli znovu – vše, co jste vyplnili, zůstává.",
    "The server ran into a problem. Try again in a moment – everything you typed is kept.",
);
pub(crate) const ERROR_OUTCOME_UNKNOWN: Text = Text::new(
    "Nevíme, zda se uložení podařilo. Zkuste to znovu: odešle se stejný požadavek, takže nic nevznikne dvakrát.",
    "We don't know whether it was saved. Try again: the same request is sent, so nothing is created twice.",
);
pub(crate) const ERROR_RATE_LIMITED: Text = Text::new(
    "Příliš mnoho požadavků. Chvíli počkejte a zkuste to znovu.",
    "Too many requests. Wait a moment and try again.",
);
pub(crate) const ERROR_RATE_LIMITED_SECS: Text = Text::new(
    "Příliš mnoho požadavků. Zkuste to znovu za {} s.",
    "Too many requests. Try again in {} seconds.",
);
pub(crate) const ERROR_FORBIDDEN: Text = Text::new(
    "Váš účet k tomu nemá oprávnění.",
    "Your account is not allowed to do this.",
);
pub(crate) const ERROR_NOT_FOUND: Text = Text::new(
    "Server tuto funkci nenabízí.",
    "The server does not offer this.",
);
pub(crate) const ERROR_UNAUTHORIZED: Text = Text::new(
    "Vaše přihlášení skončilo. Přihlaste se znovu.",
    "Your session has ended. Sign in again.",
);
pub(crate) const ERROR_UNKNOWN: Text = Text::new(
    "Něco se nepovedlo. Zkuste to znovu.",
    "Something went wrong. Try again.",
);
pub(crate) const RETRY: Text = Text::new("Zkusit znovu", "Try again");
pub(crate) const SIGN_IN_TITLE: Text = Text::new("Přihlášení", "Sign in");
pub(crate) const SIGN_IN_INTRO: Text = Text::new(
    "Přihlaste se svým účtem BizKitHub.",
    "Sign in with your BizKitHub account.",
);
pub(crate) const EMAIL: Text = Text::new("E-mail", "E-mail");
pub(crate) const PASSWORD: Text = Text::new("Heslo", "Password");
pub(crate) const SIGN_IN_SUBMIT: Text = Text::new("Přihlásit se", "Sign in");
pub(crate) const SIGN_IN_FAILED: Text = Text::new(
    "E-mail nebo heslo nesouhlasí. Zkontrolujte je a zkuste to znovu.",
    "The e-mail or password is not right. Check them and try again.",
);
pub(crate) const ENTER_EMAIL: Text = Text::new("Zadejte svůj e-mail", "Enter your e-mail address");
pub(crate) const ENTER_PASSWORD: Text = Text::new("Zadejte heslo", "Enter your password");
pub(crate) const TOKEN_SUMMARY: Text = Text::new(
    "Použít existující přístupový token",
    "Use an existing session token instead",
);
pub(crate) const TOKEN_LABEL: Text = Text::new("Přístupový token", "Session token");
pub(crate) const TOKEN_HINT: Text = Text::new(
    "Vložte token relace BizKitHub nebo API klíč. Zůstane jen v této záložce.",
    "Paste the token of a BizKitHub session or an API key. It is kept only in this tab.",
);
pub(crate) const TOKEN_SUBMIT: Text = Text::new("Použít token", "Use this token");
pub(crate) const ENTER_TOKEN: Text = Text::new("Vložte přístupový token", "Paste a session token");
pub(crate) const TOKEN_REJECTED: Text = Text::new(
    "Token nebyl přijat. Možná vypršel – přihlaste se raději e-mailem.",
    "This token was not accepted. It may have expired – sign in with your e-mail instead.",
);
pub(crate) const SESSION_EXPIRED_TITLE: Text =
    Text::new("Vaše přihlášení skončilo", "Your session has ended");
pub(crate) const SESSION_EXPIRED_INTRO: Text = Text::new(
    "Přihlaste se znovu a dokončete, co jste rozdělali. Nic z vyplněného se neztratí.",
    "Sign in again to finish what you were doing. Nothing you typed is lost.",
);
pub(crate) const NOT_FOUND_TITLE: Text = Text::new("Stránka nenalezena", "Page not found");
pub(crate) const NOT_FOUND_BODY: Text = Text::new(
    "Pokud jste adresu psali ručně, zkontrolujte ji.",
    "If you typed the address, check it is right.",
);
pub(crate) const GO_HOME: Text = Text::new("Na úvodní stránku", "Go to the start page");
pub(crate) const ADMINS_ONLY_TITLE: Text = Text::new(
    "Tato stránka je pro administrátory",
    "This page is for administrators",
);
pub(crate) const ADMINS_ONLY_BODY: Text = Text::new(
    "Jste přihlášen(a) jako zákazník. Můžete upravit svůj profil.",
    "You are signed in as a customer. You can edit your own profile.",
);
pub(crate) const GO_TO_PROFILE: Text = Text::new("Přejít na můj profil", "Go to your profile");
pub(crate) const WILL_BE_SAVED_AS: Text = Text::new("Uloží se jako", "Will be saved as");
pub(crate) const CONTACT_INTRO: Text = Text::new(
    "Zadejte e-mail, telefon, nebo obojí. Vše ostatní je nepovinné.",
    "Enter an e-mail, a phone number or both. Everything else is optional.",
);
pub(crate) const FIRST_NAME: Text = Text::new("Jméno", "First name");
pub(crate) const LAST_NAME: Text = Text::new("Příjmení", "Last name");
pub(crate) const PHONE: Text = Text::new("Telefon", "Phone");
pub(crate) const PHONE_HINT: Text = Text::new(
    "Bez předvolby použijeme +420. Mezery a pomlčky nevadí.",
    "Without a prefix we use +420. Spaces and dashes are fine.",
);
pub(crate) const EMAIL_HINT: Text =
    Text::new("Například jmeno@example.cz", "For example name@example.com");
pub(crate) const ICO: Text = Text::new("IČO", "IČO (company registration number)");
pub(crate) const ICO_HINT: Text = Text::new(
    "8 číslic. Název firmy a adresu doplníme z ARES.",
    "8 digits. We fill in the company name and address from ARES.",
);
pub(crate) const SEND_INVITE: Text = Text::new(
    "Poslat pozvánku k registraci",
    "Send a registration invitation",
);
pub(crate) const SEND_INVITE_HINT: Text = Text::new(
    "Kontakt dostane e-mail s odkazem na založení účtu.",
    "The contact gets an e-mail to create an account.",
);
pub(crate) const SEND_INVITE_NEEDS_EMAIL: Text = Text::new(
    "Pro odeslání pozvánky zadejte e-mail.",
    "Enter an e-mail address to send an invitation.",
);
pub(crate) const IGNORE_BULK_MAIL: Text = Text::new(
    "Neposílat newslettery a hromadné e-maily",
    "No newsletters and bulk e-mails",
);
pub(crate) const IGNORE_BULK_MAIL_HINT: Text = Text::new(
    "Kontakt bude od začátku odhlášen.",
    "The contact is opted out from the start.",
);
pub(crate) const CONTACT_SUBMIT: Text = Text::new("Vytvořit kontakt", "Create contact");
pub(crate) const CONTACT_CREATED: Text = Text::new("Kontakt vytvořen", "Contact created");
pub(crate) const CONTACT_STORED_INTRO: Text =
    Text::new("Uložilo se toto:", "This is what was saved:");
pub(crate) const CONTACT_NEXT: Text = Text::new("Vytvořit další kontakt", "Create another contact");
pub(crate) const COMPANY_NAME: Text = Text::new("Firma", "Company");
pub(crate) const ADDRESS: Text = Text::new("Adresa", "Address");
pub(crate) const DIC: Text = Text::new("DIČ", "DIČ (VAT number)");
pub(crate) const GROUPS: Text = Text::new("Skupiny", "Groups");
pub(crate) const YES: Text = Text::new("Ano", "Yes");
pub(crate) const NO: Text = Text::new("Ne", "No");
pub(crate) const ARES_CHECKING: Text =
    Text::new("Hledáme firmu v ARES…", "Looking up the company in ARES…");
pub(crate) const ARES_FOUND: Text = Text::new(
    "Nalezeno v ARES – doplní se:",
    "Found in ARES – this will be filled in:",
);
pub(crate) const ARES_NOT_FOUND: Text = Text::new(
    "ARES nezná firmu s tímto IČO. Zkontrolujte číslo.",
    "ARES has no company with this IČO. Check the number.",
);
pub(crate) const ARES_UNAVAILABLE: Text = Text::new(
    "ARES je teď nedostupný. Kontakt můžete uložit; údaje o firmě lze doplnit později.",
    "ARES cannot be reached right now. You can still save; the company details can be filled in later.",
);
pub(crate) const ARES_DISSOLVED: Text =
    Text::new("Tato firma zanikla.", "This company has been dissolved.");
pub(crate) const TAGS_HINT: Text = Text::new(
    "Vyberte existující skupiny, nebo napište novou a stiskněte Enter.",
    "Choose existing groups or type a new one and press Enter.",
);
pub(crate) const TAGS_ADD_NEW: Text = Text::new("Přidat novou skupinu „{}“", "Add new group “{}”");
pub(crate) const TAGS_REMOVE: Text = Text::new("Odebrat skupinu {}", "Remove group {}");
pub(crate) const TAGS_COLOR: Text = Text::new("Barva skupiny {}", "Colour of group {}");
pub(crate) const TAGS_STORED_AS: Text = Text::new("uloží se jako", "stored as");
pub(crate) const TAGS_ADDED: Text = Text::new("Skupina {} přidána.", "Group {} added.");
pub(crate) const TAGS_REMOVED: Text = Text::new("Skupina {} odebrána.", "Group {} removed.");
pub(crate) const TAGS_SUGGESTIONS: Text = Text::new("Návrhy", "Suggestions");
pub(crate) const FULL_NAME: Text = Text::new("Jméno a příjmení", "Name");
pub(crate) const NAV_MEMBER_INVITE: Text = Text::new("Pozvat člena", "Invite member");
pub(crate) const NAV_CUSTOMER_GROUPS: Text = Text::new("Skupiny zákazníků", "Customer groups");
pub(crate) const CODES_FREE_LABEL: Text =
    Text::new("Kódy oddělené čárkami", "Codes, separated by commas");
pub(crate) const CODES_FREE_HINT: Text = Text::new(
    "Seznam kódů není k dispozici, napište je tedy, např. contact.read, contact.write.",
    "The list of codes is not available, so type them, for example contact.read, contact.write.",
);
pub(crate) const CODES_FILTER: Text = Text::new("Hledat: {}", "Search {}");
pub(crate) const CODES_FILTER_PLACEHOLDER: Text =
    Text::new("Pište pro filtrování", "Type to filter");
pub(crate) const CODES_CHOSEN: Text = Text::new("Vybráno: {}", "{} chosen");
pub(crate) const CODES_NO_MATCH: Text = Text::new(
    "Nic neodpovídá. Zkuste jiné slovo.",
    "Nothing matches. Try another word.",
);
pub(crate) const INVITE_TITLE: Text = Text::new("Pozvat člena", "Invite a member");
pub(crate) const INVITE_INTRO: Text = Text::new(
    "Kdo už má účet BizKitHub, bude přidán hned; ostatní dostanou pozvánku e-mailem.",
    "Someone who already has a BizKitHub account joins at once; anyone else gets an invitation by e-mail.",
);
pub(crate) const PERMISSIONS: Text = Text::new("Oprávnění", "Permissions");
pub(crate) const ROLES: Text = Text::new("Role", "Roles");
pub(crate) const DESCRIPTION: Text = Text::new("Interní poznámka", "Internal note");
pub(crate) const DESCRIPTION_HINT: Text =
    Text::new("Vidí ji jen administrátoři.", "Only administrators see it.");
pub(crate) const INVITE_SUBMIT: Text = Text::new("Odeslat pozvánku", "Send invitation");
pub(crate) const INVITE_ADDED: Text = Text::new("Člen přidán", "Member added");
pub(crate) const INVITE_ADDED_BODY: Text = Text::new(
    "{} už měl(a) účet a je nyní členem s vybranými oprávněními.",
    "{} already had an account and is now a member with the chosen permissions.",
);
pub(crate) const INVITE_INVITED: Text = Text::new("Pozvánka odeslána", "Invitation sent");
pub(crate) const INVITE_INVITED_BODY: Text = Text::new(
    "{} dostane e-mail. Pozvánka čeká, dokud ji nepřijme.",
    "{} will get an e-mail. The invitation waits until it is accepted.",
);
pub(crate) const INVITE_NEXT: Text = Text::new("Pozvat dalšího", "Invite someone else");
pub(crate) const GROUPS_TITLE: Text =
    Text::new("Přidat skupiny zákazníkovi", "Add groups to a customer");
pub(crate) const GROUPS_INTRO: Text = Text::new(
    "Najděte zákazníka podle e-mailu nebo referenčního čísla a vyberte skupiny.",
    "Find the customer by e-mail or by customer reference number, then choose the groups.",
);
pub(crate) const IDENTIFY_LEGEND: Text = Text::new("Který zákazník", "Which customer");
pub(crate) const CU_REF_NO: Text =
    Text::new("Referenční číslo zákazníka", "Customer reference number");
pub(crate) const CU_REF_NO_HINT: Text = Text::new(
    "16 písmen a číslic, např. 1cGIHvFoQDGLAbcA.",
    "16 letters and digits, for example 1cGIHvFoQDGLAbcA.",
);
pub(crate) const CU_REF_NO_WINS: Text = Text::new(
    "Vyplněno je obojí: zákazník se najde podle referenčního čísla, e-mail se nepoužije.",
    "Both are filled in: the customer is found by the reference number, the e-mail is not used.",
);
pub(crate) const GROUPS_SUBMIT: Text = Text::new("Přidat skupiny", "Add groups");
pub(crate) const GROUPS_DONE: Text = Text::new("Skupiny upraveny", "Groups updated");
pub(crate) const GROUPS_ADDED_LIST: Text = Text::new("Nově přidané", "Newly added");
pub(crate) const GROUPS_ALREADY_LIST: Text =
    Text::new("Už přiřazené (beze změny)", "Already assigned (unchanged)");
pub(crate) const GROUPS_NOTHING_NEW: Text = Text::new(
    "Zákazník už všechny tyto skupiny měl; nic se nezměnilo.",
    "The customer already had all these groups; nothing changed.",
);
pub(crate) const GROUPS_NEXT: Text = Text::new(
    "Přidat skupiny dalšímu zákazníkovi",
    "Add groups to another customer",
);

/// Every text of this module, for the tests (a test checks none is missing).
#[cfg(test)]
pub(crate) const ALL: &[&Text] = &[
    &APP_NAME,
    &LOADING,
    &REQUIRED_NAMED,
    &SKIP_TO_CONTENT,
    &LANGUAGE,
    &NAV_LABEL,
    &NEW_CONTACT,
    &SIGN_OUT,
    &SIGNED_IN_AS,
    &OPTIONAL,
    &ERROR_SUMMARY_TITLE,
    &SAVING,
    &DRAFT_RESTORED,
    &DRAFT_DISCARD,
    &LEAVE_CONFIRM_TITLE,
    &LEAVE_CONFIRM,
    &LEAVE_CONFIRM_ACTION,
    &SIGN_OUT_CONFIRM_TITLE,
    &SIGN_OUT_CONFIRM,
    &CONFIRM_CANCEL,
    &ERROR_NETWORK,
    &ERROR_TIMEOUT,
    &ERROR_SERVER,
    &ERROR_OUTCOME_UNKNOWN,
    &ERROR_RATE_LIMITED,
    &ERROR_RATE_LIMITED_SECS,
    &ERROR_FORBIDDEN,
    &ERROR_NOT_FOUND,
    &ERROR_UNAUTHORIZED,
    &ERROR_UNKNOWN,
    &RETRY,
    &SIGN_IN_TITLE,
    &SIGN_IN_INTRO,
    &EMAIL,
    &PASSWORD,
    &SIGN_IN_SUBMIT,
    &SIGN_IN_FAILED,
    &ENTER_EMAIL,
    &ENTER_PASSWORD,
    &TOKEN_SUMMARY,
    &TOKEN_LABEL,
    &TOKEN_HINT,
    &TOKEN_SUBMIT,
    &ENTER_TOKEN,
    &TOKEN_REJECTED,
    &SESSION_EXPIRED_TITLE,
    &SESSION_EXPIRED_INTRO,
    &NOT_FOUND_TITLE,
    &NOT_FOUND_BODY,
    &GO_HOME,
    &ADMINS_ONLY_TITLE,
    &ADMINS_ONLY_BODY,
    &GO_TO_PROFILE,
    &WILL_BE_SAVED_AS,
    &CONTACT_INTRO,
    &FIRST_NAME,
    &LAST_NAME,
    &PHONE,
    &PHONE_HINT,
    &EMAIL_HINT,
    &ICO,
    &ICO_HINT,
    &SEND_INVITE,
    &SEND_INVITE_HINT,
    &SEND_INVITE_NEEDS_EMAIL,
    &IGNORE_BULK_MAIL,
    &IGNORE_BULK_MAIL_HINT,
    &CONTACT_SUBMIT,
    &CONTACT_CREATED,
    &CONTACT_STORED_INTRO,
    &CONTACT_NEXT,
    &COMPANY_NAME,
    &ADDRESS,
    &DIC,
    &GROUPS,
    &YES,
    &NO,
    &ARES_CHECKING,
    &ARES_FOUND,
    &ARES_NOT_FOUND,
    &ARES_UNAVAILABLE,
    &ARES_DISSOLVED,
    &TAGS_HINT,
    &TAGS_ADD_NEW,
    &TAGS_REMOVE,
    &TAGS_COLOR,
    &TAGS_STORED_AS,
    &TAGS_ADDED,
    &TAGS_REMOVED,
    &TAGS_SUGGESTIONS,
    &FULL_NAME,
    &NAV_MEMBER_INVITE,
    &NAV_CUSTOMER_GROUPS,
    &CODES_FREE_LABEL,
    &CODES_FREE_HINT,
    &CODES_FILTER,
    &CODES_FILTER_PLACEHOLDER,
    &CODES_CHOSEN,
    &CODES_NO_MATCH,
    &INVITE_TITLE,
    &INVITE_INTRO,
    &PERMISSIONS,
    &ROLES,
    &DESCRIPTION,
    &DESCRIPTION_HINT,
    &INVITE_SUBMIT,
    &INVITE_ADDED,
    &INVITE_ADDED_BODY,
    &INVITE_INVITED,
    &INVITE_INVITED_BODY,
    &INVITE_NEXT,
    &GROUPS_TITLE,
    &GROUPS_INTRO,
    &IDENTIFY_LEGEND,
    &CU_REF_NO,
    &CU_REF_NO_HINT,
    &CU_REF_NO_WINS,
    &GROUPS_SUBMIT,
    &GROUPS_DONE,
    &GROUPS_ADDED_LIST,
    &GROUPS_ALREADY_LIST,
    &GROUPS_NOTHING_NEW,
    &GROUPS_NEXT,
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::text::check;

    #[test]
    fn templates_keep_their_placeholder() {
        check::placeholders_agree(ALL);
    }

    #[test]
    fn every_text_is_checked() {
        check::all_is_complete(include_str!("ui.rs"), ALL);
    }
}

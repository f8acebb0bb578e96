//! Texts the admin app shows on more than one page or in its shell and components (sign-in again,
//! the layout, the form frame, the error summary, the pickers), and the field names every form
//! shares (e-mail, names, phone, company, address, groups), in Czech and English. A page's own texts
//! are in its module (`pages::<page>::t`). Validation messages come from the contract's catalogue.

use super::texts;

texts! {
    APP_NAME: "BizKit Formuláře", "BizKit Forms";
    LOADING: "Načítání…", "Loading…";
    /// A required field left empty, named: the summary then says which one.
    REQUIRED_NAMED: "Vyplňte pole „{}“", "Fill in “{}”";
    SKIP_TO_CONTENT: "Přejít na hlavní obsah", "Skip to main content";
    LANGUAGE: "Jazyk", "Language";
    NAV_LABEL: "Hlavní", "Main";
    /// The navigation link, the new-contact page's title and the organisation contacts' form heading.
    NEW_CONTACT: "Nový kontakt", "New contact";
    SIGN_OUT: "Odhlásit se", "Sign out";
    SIGNED_IN_AS: "Přihlášen(a) jako", "Signed in as";
    OPTIONAL: "(nepovinné)", "(optional)";
    ERROR_SUMMARY_TITLE: "Vyskytl se problém", "There is a problem";
    SAVING: "Ukládání…", "Saving…";
    DRAFT_RESTORED:
        "Obnovili jsme, co jste vyplnili před zavřením stránky.",
        "We restored what you had typed before the page was closed.";
    DRAFT_DISCARD: "Začít znovu s prázdným formulářem", "Start again with an empty form";
    /// The app's own question before leaving a page over unsaved values (the draft stays).
    LEAVE_CONFIRM_TITLE: "Odejít z této stránky?", "Leave this page?";
    LEAVE_CONFIRM:
        "Máte neuložené změny. Rozepsaný formulář zůstane uložený v tomto prohlížeči.",
        "You have unsaved changes. Your draft stays saved in this browser.";
    LEAVE_CONFIRM_ACTION: "Odejít", "Leave";
    /// Asked when someone signs out over unsaved values: unlike leaving a page, signing out removes the
    /// draft.
    SIGN_OUT_CONFIRM_TITLE: "Odhlásit se s neuloženými změnami?", "Sign out with unsaved changes?";
    SIGN_OUT_CONFIRM:
        "Máte neuložené změny. Po odhlášení se z tohoto prohlížeče smažou.",
        "You have unsaved changes. Signing out removes them from this browser.";
    /// The safe answer of the app's confirmation dialog: nothing changes.
    CONFIRM_CANCEL: "Zrušit", "Cancel";
    ERROR_NETWORK:
        "Nepodařilo se spojit se serverem. Zkontrolujte připojení a zkuste to znovu – vše, co jste vyplnili, zůstává.",
        "We could not reach the server. Check your connection and try again – everything you typed is kept.";
    ERROR_TIMEOUT:
        "Server neodpověděl včas. Zkuste to znovu – vše, co jste vyplnili, zůstává.",
        "The server did not answer in time. Try again – everything you typed is kept.";
    ERROR_SERVER:
        "Na serveru nastala chyba. Zkuste to za chvíli znovu – vše, co jste vyplnili, zůstává.",
        "The server ran into a problem. Try again in a moment – everything you typed is kept.";
    ERROR_OUTCOME_UNKNOWN:
        "Nevíme, zda se uložení podařilo. Zkuste to znovu: odešle se stejný požadavek, takže nic nevznikne dvakrát.",
        "We don't know whether it was saved. Try again: the same request is sent, so nothing is created twice.";
    ERROR_RATE_LIMITED:
        "Příliš mnoho požadavků. Chvíli počkejte a zkuste to znovu.",
        "Too many requests. Wait a moment and try again.";
    ERROR_RATE_LIMITED_SECS:
        "Příliš mnoho požadavků. Zkuste to znovu za {} s.",
        "Too many requests. Try again in {} seconds.";
    ERROR_FORBIDDEN: "Váš účet k tomu nemá oprávnění.", "Your account is not allowed to do this.";
    ERROR_NOT_FOUND: "Server tuto funkci nenabízí.", "The server does not offer this.";
    ERROR_UNAUTHORIZED:
        "Vaše přihlášení skončilo. Přihlaste se znovu.",
        "Your session has ended. Sign in again.";
    ERROR_UNKNOWN: "Něco se nepovedlo. Zkuste to znovu.", "Something went wrong. Try again.";
    RETRY: "Zkusit znovu", "Try again";
    EMAIL: "E-mail", "E-mail";
    PASSWORD: "Heslo", "Password";
    SIGN_IN_SUBMIT: "Přihlásit se", "Sign in";
    SIGN_IN_FAILED:
        "E-mail nebo heslo nesouhlasí. Zkontrolujte je a zkuste to znovu.",
        "The e-mail or password is not right. Check them and try again.";
    ENTER_PASSWORD: "Zadejte heslo", "Enter your password";
    SESSION_EXPIRED_TITLE: "Vaše přihlášení skončilo", "Your session has ended";
    SESSION_EXPIRED_INTRO:
        "Přihlaste se znovu a dokončete, co jste rozdělali. Nic z vyplněného se neztratí.",
        "Sign in again to finish what you were doing. Nothing you typed is lost.";
    /// A page whose code could not be fetched (offline, or the app was updated meanwhile).
    PAGE_MISSING_TITLE: "Stránku se nepodařilo načíst", "This page could not be loaded";
    PAGE_MISSING_BODY:
        "Zkontrolujte připojení k internetu a zkuste to znovu. Pokud mezitím vyšla nová verze aplikace, načtěte stránku znovu. Co jste vyplnili na předchozí stránce, zůstalo uložené.",
        "Check your internet connection and try again. If the app has been updated meanwhile, reload the page. What you typed on the previous page is kept.";
    PAGE_MISSING_RETRY: "Zkusit znovu", "Try again";
    PAGE_MISSING_RELOAD: "Načíst stránku znovu", "Reload the page";
    GO_HOME: "Na úvodní stránku", "Go to the start page";
    ADMINS_ONLY_TITLE: "Tato stránka je pro administrátory", "This page is for administrators";
    ADMINS_ONLY_BODY:
        "Jste přihlášen(a) jako zákazník. Můžete upravit svůj profil.",
        "You are signed in as a customer. You can edit your own profile.";
    GO_TO_PROFILE: "Přejít na můj profil", "Go to your profile";
    WILL_BE_SAVED_AS: "Uloží se jako", "Will be saved as";
    FIRST_NAME: "Jméno", "First name";
    LAST_NAME: "Příjmení", "Last name";
    PHONE: "Telefon", "Phone";
    PHONE_HINT:
        "Bez předvolby použijeme +420. Mezery a pomlčky nevadí.",
        "Without a prefix we use +420. Spaces and dashes are fine.";
    EMAIL_HINT: "Například jmeno@example.cz", "For example name@example.com";
    CONTACT_SUBMIT: "Vytvořit kontakt", "Create contact";
    /// The success heading of both contact forms (the new contact, an organisation's contact).
    CONTACT_CREATED: "Kontakt je vytvořený", "Contact created";
    CONTACT_NEXT: "Vytvořit další kontakt", "Create another contact";
    /// The profile's group of company fields.
    COMPANY: "Firma", "Company";
    /// The address fields of the profile and of an organisation's contact, and a new contact's stored
    /// address.
    ADDRESS: "Adresa", "Address";
    /// The company's IČO and DIČ, wherever they are shown or typed.
    ICO: "IČO", "Company ID (IČO)";
    DIC: "DIČ", "VAT ID (DIČ)";
    /// A company's name: a profile field, a new contact's stored company, the ARES fill.
    COMPANY_NAME: "Název firmy", "Company name";
    GROUPS: "Skupiny", "Groups";
    ARES_CHECKING: "Hledáme firmu v ARES…", "Looking up the company in ARES…";
    ARES_FOUND: "Nalezeno v ARES – doplní se:", "Found in ARES – this will be filled in:";
    ARES_NOT_FOUND:
        "ARES nezná firmu s tímto IČO. Zkontrolujte číslo.",
        "ARES has no company with this IČO. Check the number.";
    ARES_UNAVAILABLE:
        "ARES je teď nedostupný. Kontakt můžete uložit; údaje o firmě lze doplnit později.",
        "ARES cannot be reached right now. You can still save; the company details can be filled in later.";
    ARES_DISSOLVED: "Tato firma zanikla.", "This company has been dissolved.";
    TAGS_HINT:
        "Vyberte existující skupiny, nebo napište novou a stiskněte Enter.",
        "Choose existing groups or type a new one and press Enter.";
    TAGS_ADD_NEW: "Přidat novou skupinu „{}“", "Add new group “{}”";
    TAGS_REMOVE: "Odebrat skupinu {}", "Remove group {}";
    TAGS_COLOR: "Barva skupiny {}", "Colour of group {}";
    TAGS_STORED_AS: "uloží se jako", "stored as";
    TAGS_ADDED: "Skupina {} přidána.", "Group {} added.";
    TAGS_REMOVED: "Skupina {} odebrána.", "Group {} removed.";
    TAGS_SUGGESTIONS: "Návrhy", "Suggestions";
    /// A person's whole name in one: the profile's field, a new contact's stored name, an
    /// organisation contact's name. ("Jméno" alone is the first name.)
    FULL_NAME: "Jméno a příjmení", "Full name";
    CODES_FREE_LABEL: "Kódy oddělené čárkami", "Codes, separated by commas";
    CODES_FREE_HINT:
        "Seznam kódů není k dispozici, napište je tedy, např. contact.read, contact.write.",
        "The list of codes is not available, so type them, for example contact.read, contact.write.";
    CODES_FILTER: "Hledat: {}", "Search {}";
    CODES_FILTER_PLACEHOLDER: "Pište pro filtrování", "Type to filter";
    CODES_CHOSEN: "Vybráno: {}", "{} chosen";
    CODES_NO_MATCH: "Nic neodpovídá. Zkuste jiné slovo.", "Nothing matches. Try another word.";
}

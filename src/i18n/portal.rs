//! Texts of the customer side that more than one page or component shows: the widget's own
//! messages, the searchable select, the ARES fill, and the company and address field names the
//! profile, the ARES fill and organisation contacts share. A page's own texts are in its module;
//! field names every form shares (e-mail, names, phone, groups, company, address) are in
//! [`super::ui`]. Validation messages come from the contract's catalogue, as everywhere.

use super::texts;

texts! {
    // Searchable select
    SELECT_NO_MATCH:
        "Nic neodpovídá. Zkuste jiný zápis nebo dvoupísmenný kód.",
        "Nothing matches. Try another spelling, or the two-letter code.";
    SELECT_ONE_MATCH:
        "1 výsledek. Vyberte ho klávesou Enter.",
        "1 match. Press Enter to choose it.";
    SELECT_MATCHES:
        "Výsledků: {}. Vybírejte šipkami nahoru a dolů.",
        "{} matches. Use the up and down arrows to choose.";

    // ARES fill
    ARES_FOUND: "Nalezeno v ARES:", "Found in ARES:";
    ARES_UNAVAILABLE:
        "ARES je teď nedostupný. Údaje o firmě můžete vyplnit a uložit sami.",
        "ARES cannot be reached right now. You can still fill in and save your company details yourself.";
    ARES_WOULD_FILL: "Doplní prázdná pole: {}.", "Would fill in the empty fields: {}.";
    ARES_WOULD_REPLACE: "Přepíše, co jste zadali:", "Would replace what you have entered:";
    ARES_USE: "Použít údaje o firmě z ARES", "Use the company details from ARES";
    ARES_FILL_EMPTY_ONLY: "Doplnit jen prázdná pole", "Fill in only the empty fields";
    ARES_FILLED:
        "Doplněno z ARES: {}. Uložte profil, aby se změna zachovala.",
        "Filled in from ARES: {}. Save your profile to keep it.";
    ARES_MATCHES: "Údaje o firmě odpovídají ARES.", "Your company details match ARES.";

    // Field names the profile, the ARES fill and organisation contacts share
    STREET_ADDRESS: "Ulice a číslo", "Street and number";
    CITY: "Obec", "City";
    POSTAL_CODE: "PSČ", "Postal code";
    COUNTRY: "Země", "Country";
    COUNTRY_HINT:
        "Začněte psát název česky nebo anglicky, nebo kód (CZ).",
        "Start typing the name in Czech or English, or the code (CZ).";

    // The widget
    WIDGET_NO_SIGN_IN:
        "Formulář nemohl ověřit, kdo jste. Přihlaste se na tomto webu znovu a stránku načtěte znovu.",
        "This form could not confirm who you are. Sign in again on this site, then reload the page.";
    WIDGET_CUSTOMERS_ONLY:
        "Tento formulář je pro zákazníky. Administrátoři upravují kontakty v administraci BizKit.",
        "This form is for customers. Administrators edit contacts in the BizKit admin.";
    WIDGET_UNREACHABLE:
        "Formulář profilu se nespojil se svým serverem. Zkuste stránku za chvíli načíst znovu.",
        "The profile form could not reach its server. Try reloading the page in a moment.";
}

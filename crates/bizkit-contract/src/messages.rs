//! The app's own text for every error code, in Czech and English.
//!
//! Style (GOV.UK error messages): say what to do, plainly, without blame; never just "invalid".

use core::fmt;

use serde::{Deserialize, Serialize};

use crate::code::ErrorCode;

/// The languages the app speaks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Czech.
    #[default]
    Cs,
    /// English.
    En,
}

impl Lang {
    /// The BCP 47 tag: `cs` or `en`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Lang::Cs => "cs",
            Lang::En => "en",
        }
    }

    /// The language of a BCP 47 tag or an `Accept-Language` value: Czech for `cs…` and `sk…`
    /// (Slovaks read Czech more easily than English), English for anything else.
    pub fn from_tag(tag: &str) -> Lang {
        let first = tag
            .split([',', ';'])
            .next()
            .unwrap_or("")
            .trim()
            .get(..2)
            .unwrap_or("");
        if first.eq_ignore_ascii_case("cs") || first.eq_ignore_ascii_case("sk") {
            Lang::Cs
        } else {
            Lang::En
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The text for `code` in `lang`: short, specific and saying what to do.
pub fn message(code: ErrorCode, lang: Lang) -> &'static str {
    let (cs, en) = texts(code);
    match lang {
        Lang::Cs => cs,
        Lang::En => en,
    }
}

fn texts(code: ErrorCode) -> (&'static str, &'static str) {
    use ErrorCode as C;
    match code {
        C::Required => ("Vyplňte toto pole", "Fill in this field"),
        C::EmailInvalid => (
            "Zadejte e-mail ve správném tvaru, např. jmeno@example.cz",
            "Enter an e-mail address in the correct format, like name@example.com",
        ),
        C::EmailTooLong => (
            "E-mail může mít nejvýše 254 znaků",
            "Enter an e-mail address of 254 characters or fewer",
        ),
        C::PhoneTooShort => (
            "Telefonní číslo je příliš krátké: zadejte celé číslo, např. +420 777 123 456",
            "The phone number is too short: enter the full number, like +420 777 123 456",
        ),
        C::PhoneTooLong => (
            "Telefonní číslo je příliš dlouhé: zkontrolujte, zda v něm nejsou číslice navíc",
            "The phone number is too long: check it for extra digits",
        ),
        C::PhoneInvalidCharacters => (
            "Telefonní číslo může obsahovat jen číslice, mezery, pomlčky, závorky a + na začátku",
            "Enter a phone number using only digits, spaces, dashes, brackets and a + at the start",
        ),
        C::PhoneUnknownPrefix => (
            "Zadejte platnou mezinárodní předvolbu, např. +420 pro Česko nebo +421 pro Slovensko",
            "Enter a valid country calling code, like +420 for Czechia or +44 for the UK",
        ),
        C::IcoNotDigits => (
            "IČO může obsahovat jen číslice, např. 05103118",
            "Enter an IČO using digits only, like 05103118",
        ),
        C::IcoTooLong => (
            "Zadejte IČO o nejvýše 8 číslicích, např. 05103118",
            "Enter an IČO of 8 digits or fewer, like 05103118",
        ),
        C::IcoChecksum => (
            "Toto IČO neexistuje: zkontrolujte, zda jste nepřehodili nebo nevynechali číslici",
            "This IČO does not exist: check for a mistyped or missing digit",
        ),
        C::DicPrefix => (
            "Zadejte české DIČ začínající CZ, např. CZ05103118",
            "Enter a Czech VAT number (DIČ) starting with CZ, like CZ05103118",
        ),
        C::DicNotDigits => (
            "Za CZ může DIČ obsahovat jen číslice, např. CZ05103118",
            "Enter the DIČ as CZ followed by digits only, like CZ05103118",
        ),
        C::DicLength => (
            "Zadejte DIČ jako CZ a 8, 9 nebo 10 číslic, např. CZ05103118",
            "Enter the DIČ as CZ and 8, 9 or 10 digits, like CZ05103118",
        ),
        C::DicChecksum => (
            "Toto DIČ neexistuje: zkontrolujte, zda jste nepřehodili nebo nevynechali číslici",
            "This DIČ does not exist: check for a mistyped or missing digit",
        ),
        C::DicBirthDate => (
            "DIČ z rodného čísla musí začínat platným datem narození: zkontrolujte prvních 6 číslic",
            "A DIČ made from a birth number must start with a real date of birth: check the first 6 digits",
        ),
        C::PostalCodeInvalid => (
            "Zadejte PSČ o 5 číslicích, např. 272 01",
            "Enter a postcode of 5 digits, like 272 01",
        ),
        C::CountryUnknown => ("Vyberte zemi ze seznamu", "Select a country from the list"),
        C::LocaleInvalid => (
            "Vyberte jazyk ze seznamu",
            "Select a language from the list",
        ),
        C::LocaleUnsupported => (
            "Tento jazyk organizace nenabízí: vyberte jazyk ze seznamu",
            "This language is not offered: select a language from the list",
        ),
        C::CuRefNoLength => (
            "Zadejte zákaznické číslo o přesně 16 znacích, např. 1cGIHvFoQDGLAbcA",
            "Enter a customer reference number of exactly 16 characters, like 1cGIHvFoQDGLAbcA",
        ),
        C::CuRefNoCharacters => (
            "Zákaznické číslo může obsahovat jen písmena bez diakritiky a číslice",
            "Enter a customer reference number using only letters A to Z and digits",
        ),
        C::GroupSlugEmpty => (
            "Název skupiny musí obsahovat aspoň jedno písmeno nebo číslici",
            "Enter a group name that contains at least one letter or digit",
        ),
        C::ColorInvalid => (
            "Zadejte barvu ve tvaru #RRGGBB, např. #1a73e8",
            "Enter a colour in the format #RRGGBB, like #1a73e8",
        ),
        C::NameTooLong => (
            "Jméno může mít nejvýše 128 znaků",
            "Enter a name of 128 characters or fewer",
        ),
        C::TextControlCharacters => (
            "Text obsahuje neviditelné řídicí znaky: napište jej znovu, místo vkládání",
            "The text contains invisible control characters: type it again rather than pasting it",
        ),
        C::TextTooLong => (
            "Text je příliš dlouhý: zkraťte jej",
            "The text is too long: shorten it",
        ),
        C::ApiKeyMalformed => (
            "Zadejte API klíč o 32 znacích začínající PROD, DEV_ nebo ROOT",
            "Enter an API key of 32 characters starting with PROD, DEV_ or ROOT",
        ),
        C::IpInvalid => (
            "Zadejte IP adresu ve tvaru 192.0.2.1 nebo 2001:db8::1",
            "Enter an IP address like 192.0.2.1 or 2001:db8::1",
        ),
        C::ContactTypeUnknown => (
            "Vyberte typ kontaktu ze seznamu",
            "Select a contact type from the list",
        ),
        C::PurchaseOrderNumberTooLong => (
            "Číslo objednávky může mít nejvýše 50 znaků",
            "Enter a purchase order number of 50 characters or fewer",
        ),
        C::PurchaseOrderNumberNotInvoice => (
            "Číslo objednávky lze zadat jen u fakturačního kontaktu: změňte typ, nebo pole vymažte",
            "A purchase order number can only be set on an invoice contact: change the type or clear this field",
        ),
        C::TooManyItems => (
            "Položek je příliš mnoho: některé odeberte",
            "There are too many items: remove some",
        ),
        C::EmailOrPhoneRequired => (
            "Zadejte e-mail nebo telefonní číslo",
            "Enter an e-mail address or a phone number",
        ),
        C::InviteRequiresEmail => (
            "Pro odeslání pozvánky zadejte e-mail, nebo pozvánku vypněte",
            "Enter an e-mail address to send the invitation, or turn the invitation off",
        ),
        C::EmailOrCuRefNoRequired => (
            "Zadejte e-mail nebo zákaznické číslo",
            "Enter an e-mail address or a customer reference number",
        ),
        C::ForbiddenParameter => (
            "Tento údaj se nezasílá: systém jej přidělí sám",
            "Do not send this value: the system assigns it",
        ),
        C::GroupsRequired => ("Zadejte aspoň jednu skupinu", "Enter at least one group"),
        C::DuplicateInFile => (
            "Stejný kontakt už je v jednom z předchozích řádků souboru: jeden z nich opravte, nebo přeskočte",
            "The same contact is in an earlier row of the file: correct one of them or skip one",
        ),
        C::ValidationFailed => (
            "Některá pole je třeba opravit: podívejte se na zvýrazněná pole",
            "Some fields need correcting: check the highlighted fields",
        ),
        C::EmailTaken => (
            "Kontakt s tímto e-mailem už existuje: použijte jiný e-mail, nebo upravte stávající kontakt",
            "A contact with this e-mail address already exists: use another address or edit the existing contact",
        ),
        C::CuRefNoTaken => (
            "Toto zákaznické číslo už má jiný zákazník: zadejte jiné",
            "Another customer already has this reference number: enter a different one",
        ),
        C::MemberExists => (
            "Tento člověk už je členem organizace",
            "This person is already a member of the organisation",
        ),
        C::CustomerNotFound => (
            "Zákazník s tímto e-mailem nebo číslem neexistuje: zkontrolujte zadání",
            "No customer has this e-mail address or reference number: check what you entered",
        ),
        C::PermissionUnknown => (
            "Vyberte oprávnění ze seznamu",
            "Select permissions from the list",
        ),
        C::RoleUnknown => ("Vyberte role ze seznamu", "Select roles from the list"),
        C::NotFound => (
            "Hledaný záznam neexistuje nebo byl smazán",
            "The record was not found: it may have been deleted",
        ),
        C::MethodNotAllowed => (
            "Tuto akci zde nelze provést",
            "This action is not available here",
        ),
        C::Unauthorized => ("Přihlaste se prosím", "Sign in to continue"),
        C::TokenExpired => (
            "Přihlášení vypršelo: přihlaste se znovu, vyplněné údaje zůstanou zachovány",
            "Your session has expired: sign in again, your entries are kept",
        ),
        C::InvalidCredentials => (
            "E-mail nebo heslo nesouhlasí: zkontrolujte je a zkuste to znovu",
            "The e-mail address or password is wrong: check them and try again",
        ),
        C::Forbidden => (
            "K této akci nemáte oprávnění: požádejte správce organizace",
            "You do not have permission to do this: ask your organisation's administrator",
        ),
        C::CredentialInQuery => (
            "Klíč ani token nepatří do adresy: pošlete je v hlavičce Authorization",
            "Do not put a key or token in the URL: send it in the Authorization header",
        ),
        C::MalformedJson => (
            "Požadavek nemá správný tvar: obnovte stránku a zkuste to znovu",
            "The request was not in the expected format: reload the page and try again",
        ),
        C::UnsupportedMediaType => (
            "Požadavek musí být odeslán jako JSON (Content-Type: application/json)",
            "Send the request as JSON (Content-Type: application/json)",
        ),
        C::PayloadTooLarge => (
            "Odesílaných údajů je příliš mnoho: zkraťte texty nebo odeberte položky",
            "Too much data was sent: shorten the texts or remove some items",
        ),
        C::MisdirectedRequest => (
            "Server neodpovídá na adresu, na kterou byl požadavek poslán: otevřete aplikaci na její vlastní adrese",
            "This server does not answer to the address the request was sent to: open the app at its own address",
        ),
        C::RateLimited => (
            "Příliš mnoho požadavků: počkejte chvíli a zkuste to znovu",
            "Too many requests: wait a moment and try again",
        ),
        C::IdempotencyKeyReused => (
            "Formulář byl mezitím změněn: odešlete jej znovu",
            "The form changed since it was first sent: submit it again",
        ),
        C::IdempotencyKeyInFlight => (
            "Formulář se ještě zpracovává: počkejte chvíli, než jej odešlete znovu",
            "The form is still being processed: wait a moment before submitting again",
        ),
        C::IdempotencyKeyInvalid => (
            "Odeslání se nepodařilo: obnovte stránku a zkuste to znovu",
            "The form could not be sent: reload the page and try again",
        ),
        C::AresNotFound => (
            "V registru ARES není firma s tímto IČO: zkontrolujte zadání",
            "No company with this IČO is in the ARES register: check the number",
        ),
        C::AresUnavailable => (
            "Registr ARES teď neodpovídá: údaje o firmě vyplňte ručně, nebo to zkuste později",
            "The ARES register is not answering: fill in the company details yourself or try again later",
        ),
        C::Internal => (
            "Něco se pokazilo na naší straně: zkuste to prosím znovu za chvíli",
            "Something went wrong on our side: try again in a moment",
        ),
        C::NetworkError => (
            "Nepodařilo se spojit se serverem: zkontrolujte připojení a zkuste to znovu",
            "Could not reach the server: check your connection and try again",
        ),
    }
}

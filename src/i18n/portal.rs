//! The text of the customer portal (your profile, the embeddable widget), the organisation contacts
//! page and their components (searchable select, ARES fill), in Czech and English. Validation
//! messages are not here: they come from the contract's catalogue, as everywhere. Field names the
//! admin forms share (e-mail, names, phone, groups) are in [`super::ui`].

use super::Text;

// Searchable select
pub(crate) const SELECT_NO_MATCH: Text = Text::new(
    "Nic neodpovídá. Zkuste jiný zápis nebo dvoupísmenný kód.",
    "Nothing matches. Try another spelling, or the two-letter code.",
);
pub(crate) const SELECT_ONE_MATCH: Text = Text::new(
    "1 výsledek. Vyberte ho klávesou Enter.",
    "1 match. Press Enter to choose it.",
);
pub(crate) const SELECT_MATCHES: Text = Text::new(
    "Výsledků: {}. Vybírejte šipkami nahoru a dolů.",
    "{} matches. Use the up and down arrows to choose.",
);

// ARES fill
pub(crate) const ARES_FOUND: Text = Text::new("Nalezeno v ARES:", "Found in ARES:");
pub(crate) const ARES_UNAVAILABLE: Text = Text::new(
    "ARES je teď nedostupný. Údaje o firmě můžete vyplnit a uložit sami.",
    "ARES cannot be reached right now. You can still fill in and save your company details yourself.",
);
pub(crate) const ARES_WOULD_FILL: Text = Text::new(
    "Doplní prázdná pole: {}.",
    "Would fill in the empty fields: {}.",
);
pub(crate) const ARES_WOULD_REPLACE: Text = Text::new(
    "Přepíše, co jste zadali:",
    "Would replace what you have entered:",
);
pub(crate) const ARES_USE: Text = Text::new(
    "Použít údaje o firmě z ARES",
    "Use the company details from ARES",
);
pub(crate) const ARES_FILL_EMPTY_ONLY: Text =
    Text::new("Doplnit jen prázdná pole", "Fill in only the empty fields");
pub(crate) const ARES_FILLED: Text = Text::new(
    "Doplněno z ARES: {}. Uložte profil, aby se změna zachovala.",
    "Filled in from ARES: {}. Save your profile to keep it.",
);
pub(crate) const ARES_MATCHES: Text = Text::new(
    "Údaje o firmě odpovídají ARES.",
    "Your company details match ARES.",
);

// Your profile
pub(crate) const PROFILE_TITLE: Text = Text::new("Váš profil", "Your profile");
pub(crate) const PROFILE_INTRO: Text = Text::new(
    "Co o vás organizace eviduje. Opravte, co už neplatí, a uložte; nic jiného se nezmění.",
    "What the organisation knows about you. Change what is out of date and save; nothing else changes.",
);
pub(crate) const PROFILE_LOAD_FAILED: Text = Text::new(
    "Profil se nepodařilo načíst, proto ho zatím nelze upravit.",
    "Your profile could not be loaded, so it cannot be edited yet.",
);
pub(crate) const PROFILE_SESSION_ENDED: Text = Text::new(
    "Vaše přihlášení skončilo. Přihlaste se znovu a stránku načtěte znovu – zdejší změny zatím uložené nejsou.",
    "Your sign-in has ended. Sign in again, then reload this page – your changes here are not saved yet.",
);
pub(crate) const PROFILE_SUBMIT: Text = Text::new("Uložit změny", "Save changes");
pub(crate) const PROFILE_SAVED: Text = Text::new("Profil je uložený.", "Your profile is saved.");
pub(crate) const PROFILE_SAVED_FIELDS: Text = Text::new("Změněno: {}.", "Changed: {}.");
pub(crate) const PROFILE_NO_CHANGES: Text = Text::new(
    "Není co ukládat: od posledního uložení jste nic nezměnili.",
    "Nothing to save: you have not changed anything since the last save.",
);
pub(crate) const PROFILE_UNSAVED: Text =
    Text::new("Máte neuložené změny.", "You have unsaved changes.");
pub(crate) const GROUP_CONTACT: Text = Text::new("Kontaktní údaje", "Contact details");
pub(crate) const GROUP_COMPANY: Text = Text::new("Firma", "Company");
pub(crate) const GROUP_ADDRESS: Text = Text::new("Adresa", "Address");
pub(crate) const GROUP_PREFERENCES: Text = Text::new("Předvolby", "Preferences");
pub(crate) const EMAIL_READONLY_HINT: Text = Text::new(
    "Adresa, kterou se přihlašujete. Změnit ji může organizace.",
    "The address you sign in with. To change it, contact the organisation.",
);
pub(crate) const FULL_NAME: Text = Text::new("Celé jméno", "Full name");
pub(crate) const FULL_NAME_HINT: Text = Text::new(
    "Jak má být uvedeno na dokladech, třeba s titulem: Ing. Jan Novák.",
    "As it should appear on documents, e.g. with a title: Ing. Jan Novák.",
);
pub(crate) const ICO: Text = Text::new("IČO", "Company ID (IČO)");
pub(crate) const ICO_HINT: Text = Text::new(
    "8 číslic. Jakmile je platné, nabídneme údaje o firmě z ARES.",
    "8 digits. Once it is valid, we offer the company's details from ARES, the Czech business register.",
);
pub(crate) const COMPANY_NAME: Text = Text::new("Název firmy", "Company name");
pub(crate) const DIC: Text = Text::new("DIČ", "VAT ID (DIČ)");
pub(crate) const DIC_HINT: Text = Text::new(
    "CZ a 8 až 10 číslic, např. CZ12345679.",
    "CZ followed by 8 to 10 digits, e.g. CZ12345679.",
);
pub(crate) const STREET_ADDRESS: Text = Text::new("Ulice a číslo", "Street and number");
pub(crate) const STREET_HINT: Text = Text::new(
    "Např. Dlouhá 12 nebo Dlouhá 1505/12.",
    "E.g. Dlouhá 12 or Dlouhá 1505/12.",
);
pub(crate) const CITY_PART: Text = Text::new("Část obce", "Part of the city");
pub(crate) const CITY: Text = Text::new("Obec", "City");
pub(crate) const POSTAL_CODE: Text = Text::new("PSČ", "Postal code");
pub(crate) const POSTAL_CODE_HINT: Text = Text::new(
    "Česko a Slovensko: 5 číslic, např. 272 01.",
    "Czech and Slovak: 5 digits, e.g. 272 01.",
);
pub(crate) const STATE_REGION: Text = Text::new("Kraj", "Region");
pub(crate) const COUNTRY: Text = Text::new("Země", "Country");
pub(crate) const COUNTRY_HINT: Text = Text::new(
    "Začněte psát název česky nebo anglicky, nebo kód (CZ).",
    "Start typing the name in Czech or English, or the code (CZ).",
);
pub(crate) const PRIMARY_LOCALE: Text = Text::new("Jazyk zpráv", "Language for messages");
pub(crate) const PRIMARY_LOCALE_HINT: Text = Text::new(
    "Jazyk, ve kterém vám organizace píše.",
    "The language the organisation writes to you in.",
);
pub(crate) const NEWSLETTER: Text = Text::new("Posílejte mi newsletter", "Send me the newsletter");
pub(crate) const NEWSLETTER_HINT: Text = Text::new(
    "Novinky a nabídky e-mailem. Odhlásit se můžete kdykoli.",
    "News and offers by e-mail. You can unsubscribe at any time.",
);
pub(crate) const GROUPS_JOINED: Text = Text::new("Skupiny, ve kterých jste", "Groups you are in");
pub(crate) const GROUPS_NONE: Text = Text::new(
    "Zatím nejste v žádné skupině.",
    "You are not in any group yet.",
);
pub(crate) const GROUPS_ADD: Text = Text::new("Přidat se do dalších skupin", "Join more groups");
pub(crate) const GROUPS_ADD_HINT: Text = Text::new(
    "Napište skupinu a stiskněte Enter. Ve skupinách, kde jste, zůstáváte; vyřadit vás může jen organizace.",
    "Type a group and press Enter. You stay in the groups you are in; only the organisation can take you out of one.",
);
pub(crate) const REFERRAL_ID: Text = Text::new(
    "Doporučil(a) nás (zákaznické číslo)",
    "Referred by (customer number)",
);
pub(crate) const REFERRAL_ID_HINT: Text = Text::new(
    "16místné zákaznické číslo toho, kdo vám nás doporučil, pokud někdo.",
    "The 16-character customer number of whoever recommended us to you, if anyone.",
);

// The widget
pub(crate) const WIDGET_NO_SIGN_IN: Text = Text::new(
    "Formulář nemohl ověřit, kdo jste. Přihlaste se na tomto webu znovu a stránku načtěte znovu.",
    "This form could not confirm who you are. Sign in again on this site, then reload the page.",
);
pub(crate) const WIDGET_CUSTOMERS_ONLY: Text = Text::new(
    "Tento formulář je pro zákazníky. Administrátoři upravují kontakty v administraci BizKit.",
    "This form is for customers. Administrators edit contacts in the BizKit admin.",
);
pub(crate) const WIDGET_UNREACHABLE: Text = Text::new(
    "Formulář profilu se nespojil se svým serverem. Zkuste stránku za chvíli načíst znovu.",
    "The profile form could not reach its server. Try reloading the page in a moment.",
);

// Organisation contacts
pub(crate) const ORG_CONTACTS_TITLE: Text =
    Text::new("Kontakty organizace", "Organisation contacts");
pub(crate) const ORG_UNKNOWN: Text = Text::new(
    "Tato adresa neurčuje žádnou organizaci. Použijte odkaz v navigaci.",
    "This address names no organisation. Use the link in the navigation.",
);
pub(crate) const ORG_FOREIGN: Text = Text::new(
    "Tohle je stránka jiné organizace. Spravovat můžete jen kontakty své organizace.",
    "This is another organisation's page. You can manage only the contacts of your own organisation.",
);
pub(crate) const ORG_GO_OWN: Text = Text::new(
    "Přejít na kontakty své organizace",
    "Go to your organisation's contacts",
);
pub(crate) const ORG_CONTACT_INTRO: Text = Text::new(
    "Vyberte, k čemu kontakt slouží; formulář se pak ptá jen na to, co daný typ potřebuje.",
    "Choose what the contact is for; the form then asks only for what that type uses.",
);
pub(crate) const ORG_CONTACT_PERSON: Text = Text::new("Osoba", "Person");
pub(crate) const ORG_CONTACT_CREATED: Text = Text::new("Kontakt je vytvořený", "Contact created");
pub(crate) const ORG_CONTACT_STORED_INTRO: Text = Text::new(
    "Kontakt organizace {}, jak byl uložen:",
    "The contact of {} as stored:",
);
pub(crate) const ORG_CONTACTS_LIST: Text =
    Text::new("Dosud vytvořené kontakty", "Contacts created so far");
pub(crate) const ORG_CONTACTS_CAPTION: Text = Text::new(
    "Kontakty vaší organizace ({})",
    "Contacts of your organisation ({})",
);
pub(crate) const ORG_CONTACTS_NONE: Text = Text::new(
    "Zatím žádné kontakty. Ty, které vytvoříte, se objeví zde.",
    "No contacts yet. The ones you create appear here.",
);
pub(crate) const ORG_CONTACTS_NO_LIST: Text = Text::new(
    "Tato služba kontakty vypsat neumí.",
    "This service cannot list the contacts.",
);
pub(crate) const CONTACT_TYPE: Text = Text::new("Typ kontaktu", "Contact type");
pub(crate) const CONTACT_TYPE_HINT: Text = Text::new(
    "Povinné. Po vytvoření kontaktu už typ nelze změnit; pro jiný typ vytvořte další kontakt.",
    "Required. The type cannot be changed once the contact is created; for another type, create another contact.",
);
pub(crate) const TYPE_FIRST: Text = Text::new(
    "Nejdřív vyberte typ: objeví se pole, která potřebuje.",
    "Choose a type first: the fields it needs will appear.",
);
pub(crate) const TYPE_PRIMARY_HINT: Text = Text::new(
    "Hlavní kontakt pro cokoli, co se organizace týká.",
    "The main contact for anything about the organisation.",
);
pub(crate) const TYPE_TECHNICAL_HINT: Text = Text::new(
    "Dostává technická oznámení: výpadky, údržbu, integrace.",
    "Gets technical notices: outages, maintenance, integrations.",
);
pub(crate) const TYPE_BILLING_HINT: Text = Text::new(
    "Odpovídá na dotazy k platbám a cenám.",
    "Answers questions about payments and prices.",
);
pub(crate) const TYPE_ABUSE_HINT: Text = Text::new(
    "Přijímá hlášení zneužití; obvykle společná schránka týmu.",
    "Receives reports of misuse; usually a team mailbox.",
);
pub(crate) const TYPE_LEGAL_HINT: Text = Text::new(
    "Pro smlouvy, právní oznámení a spory.",
    "For contracts, legal notices and disputes.",
);
pub(crate) const TYPE_INVOICE_HINT: Text = Text::new(
    "Adresa na fakturách; jediný typ s číslem objednávky.",
    "The address on invoices; the only type with a purchase order number.",
);
pub(crate) const CONTACT_ID: Text = Text::new("ID kontaktu", "Contact ID");
pub(crate) const CONTACT_NAME: Text = Text::new("Jméno", "Name");
pub(crate) const PERSON_TITLE: Text = Text::new("Titul", "Title");
pub(crate) const PERSON_TITLE_HINT: Text = Text::new("Např. Dr. nebo Ing.", "E.g. Dr or Ing.");
pub(crate) const DEPARTMENT: Text = Text::new("Oddělení", "Department");
pub(crate) const CONTACT_EMAIL_HINT: Text = Text::new(
    "Kontrolujeme už při psaní, např. jmeno@firma.cz.",
    "Checked as you type, e.g. name@company.cz.",
);
pub(crate) const MOBILE: Text = Text::new("Mobil", "Mobile phone");
pub(crate) const SECONDARY_ADDRESS: Text = Text::new("Druhý řádek adresy", "Address line 2");
pub(crate) const SECONDARY_ADDRESS_HINT: Text =
    Text::new("Budova, patro, byt.", "Building, floor, apartment.");
pub(crate) const ZIPCODE_HINT: Text = Text::new(
    "Pro Česko a Slovensko 5 číslic; jiné země, jak se tam píše.",
    "For Czechia and Slovakia 5 digits; other countries as written there.",
);
pub(crate) const STATE: Text = Text::new("Stát nebo provincie", "State or province");
pub(crate) const PURCHASE_ORDER_NUMBER: Text =
    Text::new("Číslo objednávky", "Purchase order number");
pub(crate) const PURCHASE_ORDER_NUMBER_HINT: Text = Text::new(
    "Uvádí se na měsíčních fakturách organizace. Nejvýše 50 znaků.",
    "Printed on the organisation's monthly invoices. At most 50 characters.",
);
pub(crate) const LOCATION: Text = Text::new("Adresa záznamu", "Address of the record");

/// Every text of this module, for the tests (a test checks none is missing).
#[cfg(test)]
pub(crate) const ALL: &[&Text] = &[
    &SELECT_NO_MATCH,
    &SELECT_ONE_MATCH,
    &SELECT_MATCHES,
    &ARES_FOUND,
    &ARES_UNAVAILABLE,
    &ARES_WOULD_FILL,
    &ARES_WOULD_REPLACE,
    &ARES_USE,
    &ARES_FILL_EMPTY_ONLY,
    &ARES_FILLED,
    &ARES_MATCHES,
    &PROFILE_TITLE,
    &PROFILE_INTRO,
    &PROFILE_LOAD_FAILED,
    &PROFILE_SESSION_ENDED,
    &PROFILE_SUBMIT,
    &PROFILE_SAVED,
    &PROFILE_SAVED_FIELDS,
    &PROFILE_NO_CHANGES,
    &PROFILE_UNSAVED,
    &GROUP_CONTACT,
    &GROUP_COMPANY,
    &GROUP_ADDRESS,
    &GROUP_PREFERENCES,
    &EMAIL_READONLY_HINT,
    &FULL_NAME,
    &FULL_NAME_HINT,
    &ICO,
    &ICO_HINT,
    &COMPANY_NAME,
    &DIC,
    &DIC_HINT,
    &STREET_ADDRESS,
    &STREET_HINT,
    &CITY_PART,
    &CITY,
    &POSTAL_CODE,
    &POSTAL_CODE_HINT,
    &STATE_REGION,
    &COUNTRY,
    &COUNTRY_HINT,
    &PRIMARY_LOCALE,
    &PRIMARY_LOCALE_HINT,
    &NEWSLETTER,
    &NEWSLETTER_HINT,
    &GROUPS_JOINED,
    &GROUPS_NONE,
    &GROUPS_ADD,
    &GROUPS_ADD_HINT,
    &REFERRAL_ID,
    &REFERRAL_ID_HINT,
    &WIDGET_NO_SIGN_IN,
    &WIDGET_CUSTOMERS_ONLY,
    &WIDGET_UNREACHABLE,
    &ORG_CONTACTS_TITLE,
    &ORG_UNKNOWN,
    &ORG_FOREIGN,
    &ORG_GO_OWN,
    &ORG_CONTACT_INTRO,
    &ORG_CONTACT_PERSON,
    &ORG_CONTACT_CREATED,
    &ORG_CONTACT_STORED_INTRO,
    &ORG_CONTACTS_LIST,
    &ORG_CONTACTS_CAPTION,
    &ORG_CONTACTS_NONE,
    &ORG_CONTACTS_NO_LIST,
    &CONTACT_TYPE,
    &CONTACT_TYPE_HINT,
    &TYPE_FIRST,
    &TYPE_PRIMARY_HINT,
    &TYPE_TECHNICAL_HINT,
    &TYPE_BILLING_HINT,
    &TYPE_ABUSE_HINT,
    &TYPE_LEGAL_HINT,
    &TYPE_INVOICE_HINT,
    &CONTACT_ID,
    &CONTACT_NAME,
    &PERSON_TITLE,
    &PERSON_TITLE_HINT,
    &DEPARTMENT,
    &CONTACT_EMAIL_HINT,
    &MOBILE,
    &SECONDARY_ADDRESS,
    &SECONDARY_ADDRESS_HINT,
    &ZIPCODE_HINT,
    &STATE,
    &PURCHASE_ORDER_NUMBER,
    &PURCHASE_ORDER_NUMBER_HINT,
    &LOCATION,
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::text::check;

    #[test]
    fn templates_keep_their_placeholder() {
        check::placeholders_agree(ALL);
        for t in [
            &SELECT_MATCHES,
            &ARES_WOULD_FILL,
            &ARES_FILLED,
            &PROFILE_SAVED_FIELDS,
            &ORG_CONTACT_STORED_INTRO,
            &ORG_CONTACTS_CAPTION,
        ] {
            for s in [t.cs, t.en] {
                assert_eq!(s.matches("{}").count(), 1, "{s}");
            }
        }
    }

    #[test]
    fn every_text_is_checked() {
        check::all_is_complete(include_str!("portal.rs"), ALL);
    }
}

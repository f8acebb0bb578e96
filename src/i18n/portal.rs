//! The text of the customer portal (your profile, the embeddable widget), the organisation contacts
//! page and their components (searchable select, ARES fill), in Czech and English. Validation
//! messages are not here: they come from the contract's catalogue, as everywhere. Field names the
//! admin forms share (e-mail, names, phone, groups) are in [`super::ui`].

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

    // Your profile
    PROFILE_TITLE: "Váš profil", "Your profile";
    PROFILE_INTRO:
        "Co o vás organizace eviduje. Opravte, co už neplatí, a uložte; nic jiného se nezmění.",
        "What the organisation knows about you. Change what is out of date and save; nothing else changes.";
    PROFILE_LOAD_FAILED:
        "Profil se nepodařilo načíst, proto ho zatím nelze upravit.",
        "Your profile could not be loaded, so it cannot be edited yet.";
    PROFILE_SESSION_ENDED:
        "Vaše přihlášení skončilo. Přihlaste se znovu a stránku načtěte znovu – zdejší změny zatím uložené nejsou.",
        "Your sign-in has ended. Sign in again, then reload this page – your changes here are not saved yet.";
    PROFILE_SUBMIT: "Uložit změny", "Save changes";
    PROFILE_SAVED: "Profil je uložený.", "Your profile is saved.";
    PROFILE_SAVED_FIELDS: "Změněno: {}.", "Changed: {}.";
    PROFILE_NO_CHANGES:
        "Není co ukládat: od posledního uložení jste nic nezměnili.",
        "Nothing to save: you have not changed anything since the last save.";
    PROFILE_UNSAVED: "Máte neuložené změny.", "You have unsaved changes.";
    GROUP_CONTACT: "Kontaktní údaje", "Contact details";
    GROUP_COMPANY: "Firma", "Company";
    GROUP_ADDRESS: "Adresa", "Address";
    GROUP_PREFERENCES: "Předvolby", "Preferences";
    EMAIL_READONLY_HINT:
        "Adresa, kterou se přihlašujete. Změnit ji může organizace.",
        "The address you sign in with. To change it, contact the organisation.";
    FULL_NAME: "Celé jméno", "Full name";
    FULL_NAME_HINT:
        "Jak má být uvedeno na dokladech, třeba s titulem: Ing. Jan Novák.",
        "As it should appear on documents, e.g. with a title: Ing. Jan Novák.";
    ICO: "IČO", "Company ID (IČO)";
    ICO_HINT:
        "8 číslic. Jakmile je platné, nabídneme údaje o firmě z ARES.",
        "8 digits. Once it is valid, we offer the company's details from ARES, the Czech business register.";
    COMPANY_NAME: "Název firmy", "Company name";
    DIC: "DIČ", "VAT ID (DIČ)";
    DIC_HINT:
        "CZ a 8 až 10 číslic, např. CZ12345679.",
        "CZ followed by 8 to 10 digits, e.g. CZ12345679.";
    STREET_ADDRESS: "Ulice a číslo", "Street and number";
    STREET_HINT: "Např. Dlouhá 12 nebo Dlouhá 1505/12.", "E.g. Dlouhá 12 or Dlouhá 1505/12.";
    CITY_PART: "Část obce", "Part of the city";
    CITY: "Obec", "City";
    POSTAL_CODE: "PSČ", "Postal code";
    POSTAL_CODE_HINT:
        "Česko a Slovensko: 5 číslic, např. 272 01.",
        "Czech and Slovak: 5 digits, e.g. 272 01.";
    STATE_REGION: "Kraj", "Region";
    COUNTRY: "Země", "Country";
    COUNTRY_HINT:
        "Začněte psát název česky nebo anglicky, nebo kód (CZ).",
        "Start typing the name in Czech or English, or the code (CZ).";
    PRIMARY_LOCALE: "Jazyk zpráv", "Language for messages";
    PRIMARY_LOCALE_HINT:
        "Jazyk, ve kterém vám organizace píše.",
        "The language the organisation writes to you in.";
    NEWSLETTER: "Posílejte mi newsletter", "Send me the newsletter";
    NEWSLETTER_HINT:
        "Novinky a nabídky e-mailem. Odhlásit se můžete kdykoli.",
        "News and offers by e-mail. You can unsubscribe at any time.";
    GROUPS_JOINED: "Skupiny, ve kterých jste", "Groups you are in";
    GROUPS_NONE: "Zatím nejste v žádné skupině.", "You are not in any group yet.";
    GROUPS_ADD: "Přidat se do dalších skupin", "Join more groups";
    GROUPS_ADD_HINT:
        "Napište skupinu a stiskněte Enter. Ve skupinách, kde jste, zůstáváte; vyřadit vás může jen organizace.",
        "Type a group and press Enter. You stay in the groups you are in; only the organisation can take you out of one.";
    REFERRAL_ID: "Doporučil(a) nás (zákaznické číslo)", "Referred by (customer number)";
    REFERRAL_ID_HINT:
        "16místné zákaznické číslo toho, kdo vám nás doporučil, pokud někdo.",
        "The 16-character customer number of whoever recommended us to you, if anyone.";

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

    // Organisation contacts
    ORG_CONTACTS_TITLE: "Kontakty organizace", "Organisation contacts";
    ORG_UNKNOWN:
        "Tato adresa neurčuje žádnou organizaci. Použijte odkaz v navigaci.",
        "This address names no organisation. Use the link in the navigation.";
    ORG_FOREIGN:
        "Tohle je stránka jiné organizace. Spravovat můžete jen kontakty své organizace.",
        "This is another organisation's page. You can manage only the contacts of your own organisation.";
    ORG_GO_OWN: "Přejít na kontakty své organizace", "Go to your organisation's contacts";
    ORG_CONTACT_INTRO:
        "Vyberte, k čemu kontakt slouží; formulář se pak ptá jen na to, co daný typ potřebuje.",
        "Choose what the contact is for; the form then asks only for what that type uses.";
    ORG_CONTACT_PERSON: "Osoba", "Person";
    ORG_CONTACT_CREATED: "Kontakt je vytvořený", "Contact created";
    ORG_CONTACT_STORED_INTRO:
        "Kontakt organizace {}, jak byl uložen:",
        "The contact of {} as stored:";
    ORG_CONTACTS_LIST: "Dosud vytvořené kontakty", "Contacts created so far";
    ORG_CONTACTS_CAPTION: "Kontakty vaší organizace ({})", "Contacts of your organisation ({})";
    ORG_CONTACTS_NONE:
        "Zatím žádné kontakty. Ty, které vytvoříte, se objeví zde.",
        "No contacts yet. The ones you create appear here.";
    ORG_CONTACTS_NO_LIST:
        "Tato služba kontakty vypsat neumí.",
        "This service cannot list the contacts.";
    CONTACT_TYPE: "Typ kontaktu", "Contact type";
    CONTACT_TYPE_HINT:
        "Povinné. Po vytvoření kontaktu už typ nelze změnit; pro jiný typ vytvořte další kontakt.",
        "Required. The type cannot be changed once the contact is created; for another type, create another contact.";
    TYPE_FIRST:
        "Nejdřív vyberte typ: objeví se pole, která potřebuje.",
        "Choose a type first: the fields it needs will appear.";
    TYPE_PRIMARY_HINT:
        "Hlavní kontakt pro cokoli, co se organizace týká.",
        "The main contact for anything about the organisation.";
    TYPE_TECHNICAL_HINT:
        "Dostává technická oznámení: výpadky, údržbu, integrace.",
        "Gets technical notices: outages, maintenance, integrations.";
    TYPE_BILLING_HINT:
        "Odpovídá na dotazy k platbám a cenám.",
        "Answers questions about payments and prices.";
    TYPE_ABUSE_HINT:
        "Přijímá hlášení zneužití; obvykle společná schránka týmu.",
        "Receives reports of misuse; usually a team mailbox.";
    TYPE_LEGAL_HINT:
        "Pro smlouvy, právní oznámení a spory.",
        "For contracts, legal notices and disputes.";
    TYPE_INVOICE_HINT:
        "Adresa na fakturách; jediný typ s číslem objednávky.",
        "The address on invoices; the only type with a purchase order number.";
    CONTACT_ID: "ID kontaktu", "Contact ID";
    CONTACT_NAME: "Jméno", "Name";
    PERSON_TITLE: "Titul", "Title";
    PERSON_TITLE_HINT: "Např. Dr. nebo Ing.", "E.g. Dr or Ing.";
    DEPARTMENT: "Oddělení", "Department";
    CONTACT_EMAIL_HINT:
        "Kontrolujeme už při psaní, např. jmeno@firma.cz.",
        "Checked as you type, e.g. name@company.cz.";
    MOBILE: "Mobil", "Mobile phone";
    SECONDARY_ADDRESS: "Druhý řádek adresy", "Address line 2";
    SECONDARY_ADDRESS_HINT: "Budova, patro, byt.", "Building, floor, apartment.";
    ZIPCODE_HINT:
        "Pro Česko a Slovensko 5 číslic; jiné země, jak se tam píše.",
        "For Czechia and Slovakia 5 digits; other countries as written there.";
    STATE: "Stát nebo provincie", "State or province";
    PURCHASE_ORDER_NUMBER: "Číslo objednávky", "Purchase order number";
    PURCHASE_ORDER_NUMBER_HINT:
        "Uvádí se na měsíčních fakturách organizace. Nejvýše 50 znaků.",
        "Printed on the organisation's monthly invoices. At most 50 characters.";
    LOCATION: "Adresa záznamu", "Address of the record";
}

#[cfg(test)]
mod tests {
    use super::*;

    /// These fill in one value each (the `texts!` test checks only that both languages agree).
    #[test]
    fn templates_keep_their_placeholder() {
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
}

//! The texts of the spreadsheet import (`/contacts/import`). Validation messages come from the
//! contract's catalogue, as everywhere.

crate::i18n::texts! {
    NAV: "Import kontaktů", "Import contacts";
    TITLE: "Import kontaktů z tabulky", "Import contacts from a spreadsheet";
    INTRO:
        "Každý řádek zkontrolujeme stejnými pravidly jako formulář nového kontaktu. Chyby opravíte přímo v tabulce a každý kontakt se odešle jen jednou – i když se spojení přeruší.",
        "Every row is checked by the same rules as the new-contact form. Correct mistakes right in the table; each contact is sent once – even if the connection drops.";
    FILE_LABEL: "Vyberte soubor CSV", "Choose a CSV file";
    FILE_HINT:
        "Z Excelu: Uložit jako „CSV (oddělený středníkem)“ nebo „CSV UTF-8“. Kódování i oddělovač poznáme sami. Nejvýše 10 000 řádků.",
        "From Excel: Save as “CSV (comma delimited)” or “CSV UTF-8”. We recognise the encoding and the delimiter. At most 10,000 rows.";
    DROP_HERE: "…nebo jej sem přetáhněte", "…or drop it here";
    PASTE_LABEL:
        "Nebo vložte řádky zkopírované z tabulky",
        "Or paste rows copied from a spreadsheet";
    PASTE_HINT:
        "V Excelu nebo Google Tabulkách označte buňky i se záhlavím, zkopírujte je a vložte sem.",
        "In Excel or Google Sheets select the cells with their header row, copy them and paste them here.";
    PASTE_SUBMIT: "Načíst vložené řádky", "Read the pasted rows";
    PASTE_EMPTY: "Vložte nejdřív řádky z tabulky", "Paste rows from a spreadsheet first";
    PASTED_NAME: "vložené řádky", "pasted rows";
    READING: "Načítáme a kontrolujeme řádky…", "Reading and checking the rows…";
    CHECKING: "Kontrolujeme řádky…", "Checking the rows…";
    READ_FAILED:
        "Soubor se nepodařilo přečíst. Zkuste jej vybrat znovu.",
        "The file could not be read. Try choosing it again.";
    TOO_BIG:
        "Soubor je větší než 20 MB. Rozdělte jej na menší soubory.",
        "The file is larger than 20 MB. Split it into smaller files.";
    TOO_MANY_ROWS:
        "Soubor má víc než 10 000 řádků. Rozdělte jej na menší soubory.",
        "The file has more than 10,000 rows. Split it into smaller files.";
    NO_ROWS: "V souboru nejsou žádné řádky.", "The file has no rows.";
    /// `{file} · {encoding} · {delimiter} · {n} rows`
    SOURCE_ROWS: "řádků", "rows";
    DELIM_SEMICOLON: "oddělené středníkem", "semicolon separated";
    DELIM_COMMA: "oddělené čárkou", "comma separated";
    DELIM_TAB: "oddělené tabulátorem", "tab separated";
    BLANK_LEFT_OUT: "prázdných řádků vynecháno", "blank rows left out";

    MAPPING_LEGEND: "Které údaje jsou ve kterém sloupci", "Which column holds what";
    MAPPING_HINT:
        "Odhadli jsme to podle záhlaví; opravte, co nesedí. Pro tuto organizaci si volbu zapamatujeme.",
        "We guessed from the header; correct what is wrong. We remember your choice for this organisation.";
    MAPPING_LOCKED:
        "Odesílání už začalo, sloupce proto nelze měnit.",
        "Sending has started, so the columns can no longer change.";
    HAS_HEADER: "První řádek obsahuje názvy sloupců", "The first row holds the column names";
    COLUMN: "Sloupec", "Column";
    /// A column's header as a label: `„E-mail“ (sloupec 3)`.
    QUOTED: "„{}“", "“{}”";
    EXAMPLE: "např.", "e.g.";
    NOT_IMPORTED: "— neimportovat —", "— do not import —";
    MOVED_FROM:
        "Tento údaj byl ve sloupci {}; ten se teď neimportuje.",
        "This field was in column {}; that column is now not imported.";

    F_ICO: "IČO", "IČO";

    TABLE_CAPTION: "Řádky ke kontrole", "Rows to review";
    ROW: "Řádek", "Row";
    STATE: "Stav", "State";
    ACTION: "Akce", "Action";
    SAVED_AS: "uloží se jako", "saved as";
    SAME_AS_ROW: "stejný jako řádek {}", "same as row {}";
    ST_READY: "Připraven", "Ready";
    ST_INVALID: "K opravě", "To correct";
    ST_SKIPPED: "Přeskočen", "Skipped";
    ST_SENDING: "Odesílá se…", "Sending…";
    ST_UNKNOWN: "Bez odpovědi – odešle se znovu", "No answer – will be sent again";
    ST_CREATED: "Vytvořen", "Created";
    ST_FAILED: "Odmítnut", "Refused";
    MAYBE_OURS:
        "Kontakt s tímto e-mailem už existuje – možná jej vytvořil už tento import, než se přerušilo spojení.",
        "A contact with this e-mail exists – possibly created by this import before the connection dropped.";
    SKIP: "Přeskočit", "Skip";
    UNSKIP: "Zahrnout", "Include";
    SKIP_ROW: "Přeskočit řádek {}", "Skip row {}";
    UNSKIP_ROW: "Zahrnout řádek {}", "Include row {}";

    SHOW: "Zobrazit", "Show";
    FILTER_ALL: "všechny řádky", "all rows";
    FILTER_PROBLEMS: "řádky k opravě a odmítnuté", "rows to correct and refused rows";
    FILTER_SKIPPED: "přeskočené", "skipped rows";
    FILTER_CREATED: "vytvořené", "created rows";
    PAGES: "Stránky tabulky", "Table pages";
    PREV: "Předchozí", "Previous";
    NEXT: "Další", "Next";
    /// `Page {} of {}` is built from these two.
    PAGE: "Stránka", "Page";
    OF: "z", "of";
    NOTHING_TO_SHOW: "Žádné řádky tohoto druhu.", "No rows of this kind.";

    SUMMARY_READY: "připraveno k odeslání", "ready to send";
    SUMMARY_INVALID: "k opravě", "to correct";
    SUMMARY_SKIPPED: "přeskočeno", "skipped";
    SEND: "Odeslat kontakty", "Send the contacts";
    CONTINUE: "Pokračovat v odesílání", "Continue sending";
    CANCEL: "Zastavit odesílání", "Stop sending";
    START_OVER: "Začít znovu s jiným souborem", "Start again with another file";
    START_OVER_TITLE: "Zahodit tento import?", "Discard this import?";
    START_OVER_CONFIRM:
        "Řádky a jejich opravy se z tohoto prohlížeče smažou. Kontakty, které už byly vytvořeny, zůstanou uložené.",
        "Its rows and your corrections are removed from this browser. Contacts already created stay saved.";
    START_OVER_ACTION: "Zahodit import", "Discard the import";
    ERRORS_TITLE: "Některé řádky je třeba opravit", "Some rows need correcting";
    ERRORS_BODY:
        "{} řádků má chyby. Opravte je v tabulce, nebo je přeskočte – jinak je neodešleme.",
        "{} rows have errors. Correct them in the table or skip them – otherwise they are not sent.";
    GO_TO_FIRST: "Přejít na první řádek k opravě", "Go to the first row to correct";
    SKIP_INVALID: "Přeskočit všechny řádky s chybami", "Skip every row with errors";
    SKIPPED_N: "Přeskočeno řádků s chybami: {}", "Rows with errors skipped: {}";

    PROGRESS: "Průběh odesílání", "Sending progress";
    SENT: "Odesláno", "Sent";
    CREATED: "Vytvořeno", "Created";
    FAILED: "Odmítnuto", "Refused";
    LEFT: "Zbývá", "Left";
    SENDING_STARTED: "Odesílání začalo.", "Sending started.";
    SENDING_PERCENT: "Odesláno {} %.", "{} % sent.";
    RESUME_NOTICE:
        "Import byl přerušen. Nic se neztratilo: řádky, u kterých nepřišla odpověď, odešleme znovu se stejným klíčem, takže nic nevznikne dvakrát.",
        "The import was interrupted. Nothing is lost: rows that got no answer are sent again with the same key, so nothing is created twice.";
    CANCELLED:
        "Odesílání je zastavené. Pokračovat můžete kdykoli.",
        "Sending is stopped. You can continue at any time.";
    UNREACHABLE:
        "Server neodpovídá. Nic se neztratilo: až zkusíte znovu, řádky bez odpovědi odešleme se stejným klíčem a nic nevznikne dvakrát.",
        "The server is not answering. Nothing is lost: when you try again, rows without an answer are sent with the same key and nothing is created twice.";
    SIGN_IN_PAUSE:
        "Přihlášení vypršelo. Po novém přihlášení odesílání samo pokračuje.",
        "Your session has ended. Sending continues by itself once you sign in again.";
    NOT_KEPT:
        "Tento import je tak velký, že se nevejde do úložiště prohlížeče: nezavírejte stránku, dokud odesílání neskončí.",
        "This import is too large for the browser's storage: keep the page open until sending has finished.";

    DONE_TITLE: "Import dokončen", "Import finished";
    DONE_CREATED: "Vytvořených kontaktů: {}", "Contacts created: {}";
    DONE_FAILED: "Odmítnutých řádků: {}", "Rows refused: {}";
    DONE_SKIPPED: "Přeskočených řádků: {}", "Rows skipped: {}";
    DOWNLOAD_FAILED: "Stáhnout odmítnuté řádky (CSV)", "Download the refused rows (CSV)";
    SHOW_FAILED: "Ukázat odmítnuté řádky v tabulce", "Show the refused rows in the table";
    CSV_MESSAGE: "Chyba", "Error";
    CSV_FILE: "odmitnute-kontakty.csv", "refused-contacts.csv";
    NEW_IMPORT: "Nový import", "New import";
}

//! The texts of the spreadsheet import (`/contacts/import`). Validation messages come from the
//! contract's catalogue, as everywhere.

use super::Text;

pub(crate) const NAV: Text = Text::new("Import kontaktů", "Import contacts");
pub(crate) const TITLE: Text = Text::new(
    "Import kontaktů z tabulky",
    "Import contacts from a spreadsheet",
);
pub(crate) const INTRO: Text = Text::new(
    "Každý řádek zkontrolujeme stejnými pravidly jako formulář nového kontaktu. Chyby opravíte přímo v tabulce a každý kontakt se odešle jen jednou – i když se spojení přeruší.",
    "Every row is checked by the same rules as the new-contact form. Correct mistakes right in the table; each contact is sent once – even if the connection drops.",
);
pub(crate) const FILE_LABEL: Text = Text::new("Vyberte soubor CSV", "Choose a CSV file");
pub(crate) const FILE_HINT: Text = Text::new(
    "Z Excelu: Uložit jako „CSV (oddělený středníkem)“ nebo „CSV UTF-8“. Kódování i oddělovač poznáme sami. Nejvýše 10 000 řádků.",
    "From Excel: Save as “CSV (comma delimited)” or “CSV UTF-8”. We recognise the encoding and the delimiter. At most 10,000 rows.",
);
pub(crate) const DROP_HERE: Text = Text::new("…nebo jej sem přetáhněte", "…or drop it here");
pub(crate) const PASTE_LABEL: Text = Text::new(
    "Nebo vložte řádky zkopírované z tabulky",
    "Or paste rows copied from a spreadsheet",
);
pub(crate) const PASTE_HINT: Text = Text::new(
    "V Excelu nebo Google Tabulkách označte buňky i se záhlavím, zkopírujte je a vložte sem.",
    "In Excel or Google Sheets select the cells with their header row, copy them and paste them here.",
);
pub(crate) const PASTE_SUBMIT: Text = Text::new("Načíst vložené řádky", "Read the pasted rows");
pub(crate) const PASTE_EMPTY: Text = Text::new(
    "Vložte nejdřív řádky z tabulky",
    "Paste rows from a spreadsheet first",
);
pub(crate) const PASTED_NAME: Text = Text::new("vložené řádky", "pasted rows");
pub(crate) const READING: Text = Text::new(
    "Načítáme a kontrolujeme řádky…",
    "Reading and checking the rows…",
);
pub(crate) const CHECKING: Text = Text::new("Kontrolujeme řádky…", "Checking the rows…");
pub(crate) const READ_FAILED: Text = Text::new(
    "Soubor se nepodařilo přečíst. Zkuste jej vybrat znovu.",
    "The file could not be read. Try choosing it again.",
);
pub(crate) const TOO_BIG: Text = Text::new(
    "Soubor je větší než 20 MB. Rozdělte jej na menší soubory.",
    "The file is larger than 20 MB. Split it into smaller files.",
);
pub(crate) const TOO_MANY_ROWS: Text = Text::new(
    "Soubor má víc než 10 000 řádků. Rozdělte jej na menší soubory.",
    "The file has more than 10,000 rows. Split it into smaller files.",
);
pub(crate) const NO_ROWS: Text =
    Text::new("V souboru nejsou žádné řádky.", "The file has no rows.");
/// `{file} · {encoding} · {delimiter} · {n} rows`
pub(crate) const SOURCE_ROWS: Text = Text::new("řádků", "rows");
pub(crate) const DELIM_SEMICOLON: Text = Text::new("oddělené středníkem", "semicolon separated");
pub(crate) const DELIM_COMMA: Text = Text::new("oddělené čárkou", "comma separated");
pub(crate) const DELIM_TAB: Text = Text::new("oddělené tabulátorem", "tab separated");
pub(crate) const BLANK_LEFT_OUT: Text =
    Text::new("prázdných řádků vynecháno", "blank rows left out");

pub(crate) const MAPPING_LEGEND: Text = Text::new(
    "Které údaje jsou ve kterém sloupci",
    "Which column holds what",
);
pub(crate) const MAPPING_HINT: Text = Text::new(
    "Odhadli jsme to podle záhlaví; opravte, co nesedí. Pro tuto organizaci si volbu zapamatujeme.",
    "We guessed from the header; correct what is wrong. We remember your choice for this organisation.",
);
pub(crate) const MAPPING_LOCKED: Text = Text::new(
    "Odesílání už začalo, sloupce proto nelze měnit.",
    "Sending has started, so the columns can no longer change.",
);
pub(crate) const HAS_HEADER: Text = Text::new(
    "První řádek obsahuje názvy sloupců",
    "The first row holds the column names",
);
pub(crate) const COLUMN: Text = Text::new("Sloupec", "Column");
/// A column's header as a label: `„E-mail“ (sloupec 3)`.
pub(crate) const QUOTED: Text = Text::new("„{}“", "“{}”");
pub(crate) const EXAMPLE: Text = Text::new("např.", "e.g.");
pub(crate) const NOT_IMPORTED: Text = Text::new("— neimportovat —", "— do not import —");
pub(crate) const MOVED_FROM: Text = Text::new(
    "Tento údaj byl ve sloupci {}; ten se teď neimportuje.",
    "This field was in column {}; that column is now not imported.",
);

pub(crate) const F_ICO: Text = Text::new("IČO", "IČO");

pub(crate) const TABLE_CAPTION: Text = Text::new("Řádky ke kontrole", "Rows to review");
pub(crate) const ROW: Text = Text::new("Řádek", "Row");
pub(crate) const STATE: Text = Text::new("Stav", "State");
pub(crate) const ACTION: Text = Text::new("Akce", "Action");
pub(crate) const SAVED_AS: Text = Text::new("uloží se jako", "saved as");
pub(crate) const SAME_AS_ROW: Text = Text::new("stejný jako řádek {}", "same as row {}");
pub(crate) const ST_READY: Text = Text::new("Připraven", "Ready");
pub(crate) const ST_INVALID: Text = Text::new("K opravě", "To correct");
pub(crate) const ST_SKIPPED: Text = Text::new("Přeskočen", "Skipped");
pub(crate) const ST_SENDING: Text = Text::new("Odesílá se…", "Sending…");
pub(crate) const ST_UNKNOWN: Text = Text::new(
    "Bez odpovědi – odešle se znovu",
    "No answer – will be sent again",
);
pub(crate) const ST_CREATED: Text = Text::new("Vytvořen", "Created");
pub(crate) const ST_FAILED: Text = Text::new("Odmítnut", "Refused");
pub(crate) const MAYBE_OURS: Text = Text::new(
    "Kontakt s tímto e-mailem už existuje – možná jej vytvořil už tento import, než se přerušilo spojení.",
    "A contact with this e-mail exists – possibly created by this import before the connection dropped.",
);
pub(crate) const SKIP: Text = Text::new("Přeskočit", "Skip");
pub(crate) const UNSKIP: Text = Text::new("Zahrnout", "Include");
pub(crate) const SKIP_ROW: Text = Text::new("Přeskočit řádek {}", "Skip row {}");
pub(crate) const UNSKIP_ROW: Text = Text::new("Zahrnout řádek {}", "Include row {}");

pub(crate) const SHOW: Text = Text::new("Zobrazit", "Show");
pub(crate) const FILTER_ALL: Text = Text::new("všechny řádky", "all rows");
pub(crate) const FILTER_PROBLEMS: Text = Text::new(
    "řádky k opravě a odmítnuté",
    "rows to correct and refused rows",
);
pub(crate) const FILTER_SKIPPED: Text = Text::new("přeskočené", "skipped rows");
pub(crate) const FILTER_CREATED: Text = Text::new("vytvořené", "created rows");
pub(crate) const PAGES: Text = Text::new("Stránky tabulky", "Table pages");
pub(crate) const PREV: Text = Text::new("Předchozí", "Previous");
pub(crate) const NEXT: Text = Text::new("Další", "Next");
/// `Page {} of {}` is built from these two.
pub(crate) const PAGE: Text = Text::new("Stránka", "Page");
pub(crate) const OF: Text = Text::new("z", "of");
pub(crate) const NOTHING_TO_SHOW: Text =
    Text::new("Žádné řádky tohoto druhu.", "No rows of this kind.");

pub(crate) const SUMMARY_READY: Text = Text::new("připraveno k odeslání", "ready to send");
pub(crate) const SUMMARY_INVALID: Text = Text::new("k opravě", "to correct");
pub(crate) const SUMMARY_SKIPPED: Text = Text::new("přeskočeno", "skipped");
pub(crate) const SEND: Text = Text::new("Odeslat kontakty", "Send the contacts");
pub(crate) const CONTINUE: Text = Text::new("Pokračovat v odesílání", "Continue sending");
pub(crate) const CANCEL: Text = Text::new("Zastavit odesílání", "Stop sending");
pub(crate) const START_OVER: Text = Text::new(
    "Začít znovu s jiným souborem",
    "Start again with another file",
);
pub(crate) const START_OVER_TITLE: Text =
    Text::new("Zahodit tento import?", "Discard this import?");
pub(crate) const START_OVER_CONFIRM: Text = Text::new(
    "Řádky a jejich opravy se z tohoto prohlížeče smažou. Kontakty, které už byly vytvořeny, zůstanou uložené.",
    "Its rows and your corrections are removed from this browser. Contacts already created stay saved.",
);
pub(crate) const START_OVER_ACTION: Text = Text::new("Zahodit import", "Discard the import");
pub(crate) const ERRORS_TITLE: Text = Text::new(
    "Některé řádky je třeba opravit",
    "Some rows need correcting",
);
pub(crate) const ERRORS_BODY: Text = Text::new(
    "{} řádků má chyby. Opravte je v tabulce, nebo je přeskočte – jinak je neodešleme.",
    "{} rows have errors. Correct them in the table or skip them – otherwise they are not sent.",
);
pub(crate) const GO_TO_FIRST: Text = Text::new(
    "Přejít na první řádek k opravě",
    "Go to the first row to correct",
);
pub(crate) const SKIP_INVALID: Text = Text::new(
    "Přeskočit všechny řádky s chybami",
    "Skip every row with errors",
);
pub(crate) const SKIPPED_N: Text = Text::new(
    "Přeskočeno řádků s chybami: {}",
    "Rows with errors skipped: {}",
);

pub(crate) const PROGRESS: Text = Text::new("Průběh odesílání", "Sending progress");
pub(crate) const SENT: Text = Text::new("Odesláno", "Sent");
pub(crate) const CREATED: Text = Text::new("Vytvořeno", "Created");
pub(crate) const FAILED: Text = Text::new("Odmítnuto", "Refused");
pub(crate) const LEFT: Text = Text::new("Zbývá", "Left");
pub(crate) const SENDING_STARTED: Text = Text::new("Odesílání začalo.", "Sending started.");
pub(crate) const SENDING_PERCENT: Text = Text::new("Odesláno {} %.", "{} % sent.");
pub(crate) const RESUME_NOTICE: Text = Text::new(
    "Import byl přerušen. Nic se neztratilo: řádky, u kterých nepřišla odpověď, odešleme znovu se stejným klíčem, takže nic nevznikne dvakrát.",
    "The import was interrupted. Nothing is lost: rows that got no answer are sent again with the same key, so nothing is created twice.",
);
pub(crate) const CANCELLED: Text = Text::new(
    "Odesílání je zastavené. Pokračovat můžete kdykoli.",
    "Sending is stopped. You can continue at any time.",
);
pub(crate) const UNREACHABLE: Text = Text::new(
    "Server neodpovídá. Nic se neztratilo: až zkusíte znovu, řádky bez odpovědi odešleme se stejným klíčem a nic nevznikne dvakrát.",
    "The server is not answering. Nothing is lost: when you try again, rows without an answer are sent with the same key and nothing is created twice.",
);
pub(crate) const SIGN_IN_PAUSE: Text = Text::new(
    "Přihlášení vypršelo. Po novém přihlášení odesílání samo pokračuje.",
    "Your session has ended. Sending continues by itself once you sign in again.",
);
pub(crate) const NOT_KEPT: Text = Text::new(
    "Tento import je tak velký, že se nevejde do úložiště prohlížeče: nezavírejte stránku, dokud odesílání neskončí.",
    "This import is too large for the browser's storage: keep the page open until sending has finished.",
);

pub(crate) const DONE_TITLE: Text = Text::new("Import dokončen", "Import finished");
pub(crate) const DONE_CREATED: Text = Text::new("Vytvořených kontaktů: {}", "Contacts created: {}");
pub(crate) const DONE_FAILED: Text = Text::new("Odmítnutých řádků: {}", "Rows refused: {}");
pub(crate) const DONE_SKIPPED: Text = Text::new("Přeskočených řádků: {}", "Rows skipped: {}");
pub(crate) const DOWNLOAD_FAILED: Text = Text::new(
    "Stáhnout odmítnuté řádky (CSV)",
    "Download the refused rows (CSV)",
);
pub(crate) const SHOW_FAILED: Text = Text::new(
    "Ukázat odmítnuté řádky v tabulce",
    "Show the refused rows in the table",
);
pub(crate) const CSV_MESSAGE: Text = Text::new("Chyba", "Error");
pub(crate) const CSV_FILE: Text = Text::new("odmitnute-kontakty.csv", "refused-contacts.csv");
pub(crate) const NEW_IMPORT: Text = Text::new("Nový import", "New import");

/// Every text of this module, for the tests (a test checks none is missing).
#[cfg(test)]
pub(crate) const ALL: &[&Text] = &[
    &NAV,
    &TITLE,
    &INTRO,
    &FILE_LABEL,
    &FILE_HINT,
    &DROP_HERE,
    &PASTE_LABEL,
    &PASTE_HINT,
    &PASTE_SUBMIT,
    &PASTE_EMPTY,
    &PASTED_NAME,
    &READING,
    &CHECKING,
    &READ_FAILED,
    &TOO_BIG,
    &TOO_MANY_ROWS,
    &NO_ROWS,
    &SOURCE_ROWS,
    &DELIM_SEMICOLON,
    &DELIM_COMMA,
    &DELIM_TAB,
    &BLANK_LEFT_OUT,
    &MAPPING_LEGEND,
    &MAPPING_HINT,
    &MAPPING_LOCKED,
    &HAS_HEADER,
    &COLUMN,
    &QUOTED,
    &EXAMPLE,
    &NOT_IMPORTED,
    &MOVED_FROM,
    &F_ICO,
    &TABLE_CAPTION,
    &ROW,
    &STATE,
    &ACTION,
    &SAVED_AS,
    &SAME_AS_ROW,
    &ST_READY,
    &ST_INVALID,
    &ST_SKIPPED,
    &ST_SENDING,
    &ST_UNKNOWN,
    &ST_CREATED,
    &ST_FAILED,
    &MAYBE_OURS,
    &SKIP,
    &UNSKIP,
    &SKIP_ROW,
    &UNSKIP_ROW,
    &SHOW,
    &FILTER_ALL,
    &FILTER_PROBLEMS,
    &FILTER_SKIPPED,
    &FILTER_CREATED,
    &PAGES,
    &PREV,
    &NEXT,
    &PAGE,
    &OF,
    &NOTHING_TO_SHOW,
    &SUMMARY_READY,
    &SUMMARY_INVALID,
    &SUMMARY_SKIPPED,
    &SEND,
    &CONTINUE,
    &CANCEL,
    &START_OVER,
    &START_OVER_TITLE,
    &START_OVER_CONFIRM,
    &START_OVER_ACTION,
    &ERRORS_TITLE,
    &ERRORS_BODY,
    &GO_TO_FIRST,
    &SKIP_INVALID,
    &SKIPPED_N,
    &PROGRESS,
    &SENT,
    &CREATED,
    &FAILED,
    &LEFT,
    &SENDING_STARTED,
    &SENDING_PERCENT,
    &RESUME_NOTICE,
    &CANCELLED,
    &UNREACHABLE,
    &SIGN_IN_PAUSE,
    &NOT_KEPT,
    &DONE_TITLE,
    &DONE_CREATED,
    &DONE_FAILED,
    &DONE_SKIPPED,
    &DOWNLOAD_FAILED,
    &SHOW_FAILED,
    &CSV_MESSAGE,
    &CSV_FILE,
    &NEW_IMPORT,
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
        check::all_is_complete(include_str!("import.rs"), ALL);
    }
}

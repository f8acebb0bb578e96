//! Bytes of a picked or dropped file to text. Czech Excel's "CSV (oddělený středníkem)" is
//! Windows-1250 without a BOM; its "CSV UTF-8" is UTF-8 with a BOM; "Unicode text" is UTF-16LE
//! with a BOM (tab separated); other tools write plain UTF-8. The BOM decides where there is one;
//! otherwise text that is valid UTF-8 is UTF-8 (a Windows-1250 file with any Czech letter in it
//! almost never is), and anything else is read as Windows-1250.

/// How the bytes were read, shown to the person so a wrong guess is visible.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum SourceEncoding {
    Utf8,
    Utf8Bom,
    Utf16Le,
    Utf16Be,
    Windows1250,
}

impl SourceEncoding {
    pub fn label(self) -> &'static str {
        match self {
            SourceEncoding::Utf8 => "UTF-8",
            SourceEncoding::Utf8Bom => "UTF-8 (BOM)",
            SourceEncoding::Utf16Le => "UTF-16LE",
            SourceEncoding::Utf16Be => "UTF-16BE",
            SourceEncoding::Windows1250 => "Windows-1250",
        }
    }
}

/// The text of a file and how it was read. Never fails: every byte sequence is some text
/// (a lone UTF-16 surrogate becomes U+FFFD).
pub fn decode(bytes: &[u8]) -> (String, SourceEncoding) {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return (
            String::from_utf8_lossy(rest).into_owned(),
            SourceEncoding::Utf8Bom,
        );
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return (utf16(rest, u16::from_le_bytes), SourceEncoding::Utf16Le);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return (utf16(rest, u16::from_be_bytes), SourceEncoding::Utf16Be);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_owned(), SourceEncoding::Utf8),
        Err(_) => (windows_1250(bytes), SourceEncoding::Windows1250),
    }
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> String {
    let units = bytes.chunks_exact(2).map(|p| unit([p[0], p[1]]));
    char::decode_utf16(units)
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect()
}

/// Windows-1250 through `yore`'s table of the code page (measured against `encoding_rs` and the
/// browser's `TextDecoder`: see the import module's docs).
fn windows_1250(bytes: &[u8]) -> String {
    yore::code_pages::CP1250.decode(bytes).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// "Příjmení;Jméno" and "Žluťoučký kůň" as Czech Excel writes them.
    const CP1250_HEADER: &[u8] = b"P\xf8\xedjmen\xed;Jm\xe9no";
    const CP1250_HORSE: &[u8] = b"\x8elu\x9dou\xe8k\xfd k\xf9\xf2";

    #[test]
    fn windows_1250_as_czech_excel_writes_it() {
        assert_eq!(
            decode(CP1250_HEADER),
            ("Příjmení;Jméno".to_owned(), SourceEncoding::Windows1250)
        );
        assert_eq!(decode(CP1250_HORSE).0, "Žluťoučký kůň");
        // Every byte of the code page is some character, none is lost.
        let all: Vec<u8> = (0..=255).collect();
        let (text, enc) = decode(&all);
        assert_eq!(enc, SourceEncoding::Windows1250);
        assert_eq!(text.chars().count(), 256);
        assert!(text.contains('ě') && text.contains('Ř') && text.contains('€'));
    }

    #[test]
    fn utf8_with_and_without_bom() {
        let plain = "Příjmení;Jméno\nNovák;Jan".as_bytes();
        assert_eq!(
            decode(plain),
            (
                String::from_utf8(plain.to_vec()).unwrap(),
                SourceEncoding::Utf8
            )
        );
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice(plain);
        let (text, enc) = decode(&bom);
        assert_eq!(enc, SourceEncoding::Utf8Bom);
        assert!(
            text.starts_with("Příjmení"),
            "the BOM is not part of the first header"
        );
        assert_eq!(decode(b"").1, SourceEncoding::Utf8);
    }

    #[test]
    fn utf16_as_excel_unicode_text() {
        let text = "E-mail\tTelefon\nžák@škola.cz\t777 123 456";
        let mut le = b"\xFF\xFE".to_vec();
        le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode(&le), (text.to_owned(), SourceEncoding::Utf16Le));
        let mut be = b"\xFE\xFF".to_vec();
        be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(decode(&be), (text.to_owned(), SourceEncoding::Utf16Be));
        // A lone surrogate and an odd last byte: replaced or dropped, never a panic.
        assert_eq!(decode(b"\xFF\xFE\x00\xD8a\x00b").0, "\u{FFFD}a");
    }
}

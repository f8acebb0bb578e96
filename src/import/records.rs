//! Text to records with `csv-core` (the allocation-free core of BurntSushi's `csv`): quoted
//! fields, doubled quotes, line breaks inside quotes, CRLF or LF. The reader is incremental, so a
//! big file is read a slice at a time between yields to the browser. Also writes the CSV of the
//! failed rows.

use csv_core::{ReadRecordResult, Reader, ReaderBuilder, Terminator, WriteResult, WriterBuilder};

/// The delimiters a spreadsheet export or paste uses: Czech Excel writes `;`, English Excel and
/// most tools `,`, a paste from a spreadsheet is tab separated.
pub const DELIMITERS: [u8; 3] = [b'\t', b';', b','];

/// Reads records from a text one at a time.
pub struct RecordReader {
    text: String,
    pos: usize,
    reader: Reader,
    out: Vec<u8>,
    ends: Vec<usize>,
    finished: bool,
}

impl RecordReader {
    pub fn new(text: String, delimiter: u8) -> Self {
        Self {
            text,
            pos: 0,
            reader: ReaderBuilder::new().delimiter(delimiter).build(),
            out: vec![0; 1024],
            ends: vec![0; 32],
            finished: false,
        }
    }

    /// How much of the text was read, in bytes, and its length (for a progress bar).
    pub fn progress(&self) -> (usize, usize) {
        (self.pos, self.text.len())
    }

    /// The next record, `None` at the end. Every field is text: the input was text, and fields
    /// split at ASCII delimiters and quotes only.
    pub fn next_record(&mut self) -> Option<Vec<String>> {
        if self.finished {
            return None;
        }
        let (mut out_len, mut ends_len) = (0, 0);
        loop {
            let input = &self.text.as_bytes()[self.pos..];
            let (result, nin, nout, nend) = self.reader.read_record(
                input,
                &mut self.out[out_len..],
                &mut self.ends[ends_len..],
            );
            self.pos += nin;
            out_len += nout;
            ends_len += nend;
            match result {
                // The whole text is the input: when it is used up, the empty input that follows
                // tells the reader to finish the last record.
                ReadRecordResult::InputEmpty => {}
                ReadRecordResult::OutputFull => {
                    let grown = self.out.len() * 2;
                    self.out.resize(grown, 0);
                }
                ReadRecordResult::OutputEndsFull => {
                    let grown = self.ends.len() * 2;
                    self.ends.resize(grown, 0);
                }
                ReadRecordResult::Record => {
                    let mut start = 0;
                    let mut fields = Vec::with_capacity(ends_len);
                    for &end in &self.ends[..ends_len] {
                        fields.push(String::from_utf8_lossy(&self.out[start..end]).into_owned());
                        start = end;
                    }
                    return Some(fields);
                }
                ReadRecordResult::End => {
                    self.finished = true;
                    return None;
                }
            }
        }
    }
}

/// The delimiter that splits the first lines into the most columns, the same number on each;
/// where none is consistent, the one with the most columns in the first record; `;` when all
/// give one column (a one-column file: any delimiter reads it the same).
pub fn sniff_delimiter(text: &str) -> u8 {
    // A few kilobytes are plenty to see the shape, however big the file.
    let mut end = text.len().min(8 * 1024);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let sample = &text[..end];
    let cut = end < text.len();
    let mut best: Option<((bool, usize), u8)> = None;
    for delimiter in DELIMITERS {
        let mut reader = RecordReader::new(sample.to_owned(), delimiter);
        let mut widths = Vec::new();
        while let Some(record) = reader.next_record() {
            if widths.len() == 20 {
                break;
            }
            if record.iter().all(|f| f.trim().is_empty()) {
                continue;
            }
            widths.push(record.len());
        }
        // The last record of a cut sample may be cut too.
        if cut && widths.len() > 1 {
            widths.pop();
        }
        let Some(&first) = widths.first() else {
            continue;
        };
        let consistent = widths.iter().all(|&w| w == first);
        let score = (consistent && first > 1, first);
        if first > 1 && best.is_none_or(|(s, _)| score > s) {
            best = Some((score, delimiter));
        }
    }
    best.map_or(b';', |(_, d)| d)
}

/// Rows as CSV text: fields quoted where needed, CRLF line ends (what Excel writes and reads).
pub fn write_csv(rows: &[Vec<String>], delimiter: u8) -> String {
    let mut writer = WriterBuilder::new()
        .delimiter(delimiter)
        .terminator(Terminator::CRLF)
        .build();
    let mut out: Vec<u8> = Vec::new();
    let mut buf = [0u8; 1024];
    let mut push = |out: &mut Vec<u8>, step: &mut dyn FnMut(&mut [u8]) -> (WriteResult, usize)| {
        loop {
            let (result, n) = step(&mut buf);
            out.extend_from_slice(&buf[..n]);
            if result == WriteResult::InputEmpty {
                break;
            }
        }
    };
    for row in rows {
        for (i, field) in row.iter().enumerate() {
            if i > 0 {
                push(&mut out, &mut |b| writer.delimiter(b));
            }
            let mut input = field.as_bytes();
            push(&mut out, &mut |b| {
                let (result, nin, nout) = writer.field(input, b);
                input = &input[nin..];
                (result, nout)
            });
        }
        push(&mut out, &mut |b| writer.terminator(b));
    }
    push(&mut out, &mut |b| writer.finish(b));
    // Fields were text and the writer adds ASCII only.
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(text: &str, delimiter: u8) -> Vec<Vec<String>> {
        let mut reader = RecordReader::new(text.to_owned(), delimiter);
        std::iter::from_fn(|| reader.next_record()).collect()
    }

    #[test]
    fn quoted_fields_and_line_breaks() {
        let text =
            "Jméno;Poznámka\r\n\"Novák; Jan\";\"řekl \"\"ahoj\"\"\nna dva řádky\"\r\nPetr;\n";
        assert_eq!(
            read_all(text, b';'),
            vec![
                vec!["Jméno", "Poznámka"],
                vec!["Novák; Jan", "řekl \"ahoj\"\nna dva řádky"],
                vec!["Petr", ""],
            ]
        );
        // No line break after the last record, and a long field that outgrows every buffer.
        let long = "x".repeat(5000);
        let text = format!("a,b\n{long},\"{long}\"");
        let rows = read_all(&text, b',');
        assert_eq!(rows[1], vec![long.clone(), long]);
        assert_eq!(read_all("", b','), Vec::<Vec<String>>::new());
        let wide = vec!["c"; 100].join(",");
        assert_eq!(read_all(&wide, b',')[0].len(), 100);
    }

    #[test]
    fn unbalanced_quotes_never_panic() {
        let rows = read_all("a;\"b\nc;d", b';');
        assert_eq!(rows, vec![vec!["a", "b\nc;d"]]);
        let _ = read_all("\"\"\"\n\"", b',');
    }

    #[test]
    fn sniffs_the_delimiter() {
        assert_eq!(
            sniff_delimiter("Jméno;Příjmení;E-mail\nJan;Novák, st.;jan@x.cz\n"),
            b';'
        );
        assert_eq!(
            sniff_delimiter("name,email\n\"Novak; Jan\",jan@x.cz\n"),
            b','
        );
        assert_eq!(
            sniff_delimiter("E-mail\tTelefon\nja@x.cz\t777 123 456\n"),
            b'\t'
        );
        // A comma in a name would make commas inconsistent; semicolons stay the same.
        assert_eq!(sniff_delimiter("a;b;c\nNovák, Jan;2;3\nx;y;z\n"), b';');
        assert_eq!(sniff_delimiter("jen@jeden.sloupec\n"), b';');
        assert_eq!(sniff_delimiter(""), b';');
        // Cut in the middle of a long file (and of a multi-byte letter): still sniffed.
        let long = "jméno;příjmení\n".repeat(2000);
        assert_eq!(sniff_delimiter(&long), b';');
    }

    #[test]
    fn writes_what_it_reads() {
        let rows = vec![
            vec!["Řádek".to_owned(), "E-mail".to_owned(), "Chyba".to_owned()],
            vec![
                "3".to_owned(),
                "jan@x".to_owned(),
                "Zadejte e-mail; třeba \"a@b.cz\"".to_owned(),
            ],
            vec!["4".to_owned(), "".to_owned(), "dva\nřádky".to_owned()],
        ];
        for delimiter in DELIMITERS {
            let text = write_csv(&rows, delimiter);
            assert!(text.ends_with("\r\n"));
            assert_eq!(read_all(&text, delimiter), rows);
        }
        assert!(write_csv(&rows, b';').contains("\"Zadejte e-mail; třeba \"\"a@b.cz\"\"\""));
    }
}

//! Text of files people make in a spreadsheet (question sheets, rosters). Excel on Chinese
//! Windows saves CSV as GBK/GB18030 and "Unicode text" as UTF-16 with a byte-order mark, so
//! these are read as they come rather than refused:
//! - a byte-order mark decides (UTF-8, UTF-16 LE or BE) and is dropped;
//! - else valid UTF-8 is UTF-8;
//! - else GB18030 (a superset of GBK), accepted only if every byte decodes.

use encoding_rs::{Encoding, GB18030, UTF_8};

/// A file no supported encoding explains. `before` is the text up to the first byte that
/// breaks it (the furthest any encoding got), so callers can say which row and field it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Undecodable {
    pub before: String,
}

/// The file's text, or where it stops being text in every encoding we read.
pub fn decode(bytes: &[u8]) -> Result<String, Undecodable> {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        return strict(encoding, bytes.get(bom..).unwrap_or(&[]));
    }
    let utf8 = match strict(UTF_8, bytes) {
        Ok(text) => return Ok(text),
        Err(e) => e,
    };
    let gb = match strict(GB18030, bytes) {
        Ok(text) => return Ok(text),
        Err(e) => e,
    };
    // A GBK file with one bad byte gets further as GB18030 than as UTF-8; show the further.
    Err(if gb.before.len() > utf8.before.len() {
        gb
    } else {
        utf8
    })
}

/// `bytes` in `encoding` with no replacement characters, or the text before the first error.
fn strict(encoding: &'static Encoding, bytes: &[u8]) -> Result<String, Undecodable> {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut out = String::with_capacity(
        decoder
            .max_utf8_buffer_length_without_replacement(bytes.len())
            .unwrap_or(bytes.len()),
    );
    match decoder.decode_to_string_without_replacement(bytes, &mut out, true) {
        (encoding_rs::DecoderResult::InputEmpty, _) => Ok(out),
        // OutputFull cannot happen with the buffer sized above; treat it as broken anyway.
        _ => Err(Undecodable { before: out }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_spreadsheet_encoding_reads_the_same() {
        let text = "姓名\r\n张伟\r\n";
        let (gbk, _, _) = encoding_rs::GBK.encode(text);
        assert_eq!(decode(text.as_bytes()).unwrap(), text);
        assert_eq!(decode(&gbk).unwrap(), text);
        let mut bom8 = b"\xEF\xBB\xBF".to_vec();
        bom8.extend_from_slice(text.as_bytes());
        assert_eq!(decode(&bom8).unwrap(), text);
        // encoding_rs never encodes to UTF-16 (the web's rule), so it is built by hand.
        for (bom, le) in [(&[0xFF, 0xFE], true), (&[0xFE, 0xFF], false)] {
            let mut bytes = bom.to_vec();
            for u in text.encode_utf16() {
                bytes.extend(if le { u.to_le_bytes() } else { u.to_be_bytes() });
            }
            assert_eq!(decode(&bytes).unwrap(), text);
        }
    }

    #[test]
    fn a_file_no_encoding_explains_says_how_far_it_got() {
        let mut bytes = encoding_rs::GBK.encode("张伟,李娜\n王芳,").0.into_owned();
        bytes.extend_from_slice(&[0x81, 0x20]);
        let e = decode(&bytes).unwrap_err();
        assert_eq!(e.before, "张伟,李娜\n王芳,");
    }
}

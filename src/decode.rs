//! Bytes → text: BOMs, UTF-16, legacy single-byte encodings, line endings.
//!
//! The order of the checks matters: a BOM is trusted first; then BOM-less UTF-16 is
//! recognised by its NUL pattern (before NULs are taken as a sign of binary data); then
//! UTF-8, which is what nearly every file is; and only then a legacy encoding guessed
//! from the bytes. Whatever comes out is checked for signs of binary data and gets `\n`
//! line endings.

use std::borrow::Cow;

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};

use crate::error::ErrorKind;

/// How many bytes the legacy-encoding detector sees. Its guess settles within a few
/// kilobytes of non-ASCII text; feeding 50 MB would only cost time (about 150 ms a MB).
const DETECTOR_SAMPLE: usize = 1 << 18;

/// How many bytes on each side of the first invalid byte decide between damaged UTF-8 and
/// a legacy encoding.
const UTF8_WINDOW: usize = 1 << 18;

/// How many bytes the BOM-less UTF-16 check looks at.
const UTF16_SAMPLE: usize = 1 << 16;

/// How many characters of decoded text the binary check looks at.
const BINARY_SAMPLE_CHARS: usize = 1 << 20;

/// Decodes file bytes to text with `\n` line endings. Fails on empty (or whitespace-only)
/// and binary input; never panics.
///
/// Truncated UTF-8 (a multi-byte character cut at the end of the file) still decodes:
/// the cut character becomes U+FFFD.
pub fn decode(bytes: &[u8]) -> Result<String, ErrorKind> {
    decode_borrowing(bytes).map(Cow::into_owned)
}

/// [`decode`] of bytes the caller gives up: UTF-8 that needs no change (the usual case)
/// becomes the text in the same buffer, without a copy of a file that may be 500 MB.
pub fn decode_owned(mut bytes: Vec<u8>) -> Result<String, ErrorKind> {
    let skip = match decode_borrowing(&bytes)? {
        Cow::Owned(text) => return Ok(text),
        // The text is the bytes, or the bytes after a byte-order mark.
        Cow::Borrowed(text) => bytes.len() - text.len(),
    };
    bytes.drain(..skip);
    String::from_utf8(bytes).map_err(|_| ErrorKind::Binary)
}

/// [`decode`], borrowing the bytes when they are the text as they stand.
fn decode_borrowing(bytes: &[u8]) -> Result<Cow<'_, str>, ErrorKind> {
    if bytes.is_empty() {
        return Err(ErrorKind::Empty);
    }
    let text = decode_any(bytes)?;
    if looks_binary(&text) {
        return Err(ErrorKind::Binary);
    }
    let text = normalize_newlines(text);
    if text.trim().is_empty() {
        return Err(ErrorKind::Empty);
    }
    Ok(text)
}

/// Picks the encoding and decodes; binary checks that need the raw bytes happen here.
fn decode_any(bytes: &[u8]) -> Result<Cow<'_, str>, ErrorKind> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let body = bytes.get(bom_len..).unwrap_or_default();
        if encoding == UTF_8 {
            if memchr::memchr(0, body).is_some() {
                return Err(ErrorKind::Binary);
            }
            return Ok(String::from_utf8_lossy(body));
        }
        return Ok(encoding.decode_without_bom_handling(body).0);
    }
    if let Some(encoding) = bomless_utf16(bytes) {
        return Ok(encoding.decode_without_bom_handling(bytes).0);
    }
    if memchr::memchr(0, bytes).is_some() {
        return Err(ErrorKind::Binary);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Cow::Borrowed(text)),
        Err(error) if mostly_utf8(bytes, &error) => Ok(String::from_utf8_lossy(bytes)),
        Err(error) => Ok(decode_legacy(bytes, error.valid_up_to())),
    }
}

/// UTF-16 without a BOM, recognised by text whose every other byte is NUL (Latin text):
/// mostly NULs at odd offsets means little-endian, at even offsets big-endian.
fn bomless_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = bytes.get(..bytes.len().min(UTF16_SAMPLE))?;
    let pairs = sample.len() / 2;
    // Too little to judge, or an odd length that only a cut-off big file excuses.
    if pairs < 4 || (bytes.len() % 2 == 1 && bytes.len() < 1024) {
        return None;
    }
    let (mut even_nuls, mut odd_nuls) = (0usize, 0usize);
    for pair in sample.chunks_exact(2) {
        if let [first, second] = pair {
            even_nuls += usize::from(*first == 0);
            odd_nuls += usize::from(*second == 0);
        }
    }
    // Real UTF-16 Latin text: nearly every high byte is NUL, almost no low byte is.
    let many = |n: usize| n * 10 >= pairs * 3;
    let few = |n: usize| n * 50 <= pairs;
    if many(odd_nuls) && few(even_nuls) {
        Some(UTF_16LE)
    } else if many(even_nuls) && few(odd_nuls) {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Invalid UTF-8 that is still UTF-8 at heart: a multi-byte character cut at the end, or
/// a few bad bytes among many good multi-byte characters. A legacy single-byte file, in
/// contrast, has nearly every non-ASCII byte invalid. Judged on a window around the first
/// error, so that a 50 MB file costs no more than a small one.
fn mostly_utf8(bytes: &[u8], error: &std::str::Utf8Error) -> bool {
    let first_bad = error.valid_up_to();
    // Lead bytes: one per multi-byte character.
    let multibyte = |b: &[u8]| b.iter().filter(|b| **b >= 0xC0).count();
    let before = bytes
        .get(first_bad.saturating_sub(UTF8_WINDOW)..first_bad)
        .unwrap_or_default();
    let mut good = multibyte(before);
    if error.error_len().is_none() {
        // The only error is a character cut at the very end. A lone lead byte after pure
        // ASCII could as well be a legacy "é" ending the file, so ask for some evidence.
        let cut = bytes.len() - first_bad;
        return good > 0 || cut > 1;
    }
    let window_end = bytes.len().min(first_bad.saturating_add(UTF8_WINDOW));
    let after = bytes.get(first_bad..window_end).unwrap_or_default();
    let mut bad = 0usize;
    for chunk in after.utf8_chunks() {
        good += multibyte(chunk.valid().as_bytes());
        bad += chunk.invalid().len();
    }
    good >= bad * 4
}

/// Guesses a legacy encoding (Windows-1251, Windows-1252, KOI8-R, …) and decodes. The
/// detector sees the text from a little before the first byte that is not UTF-8, where
/// the non-ASCII text starts, rather than a long ASCII head.
fn decode_legacy(bytes: &[u8], first_bad: usize) -> Cow<'_, str> {
    let mut start = first_bad.saturating_sub(256);
    // Start on an ASCII byte, so the detector does not see half a character.
    while bytes.get(start).is_some_and(|b| *b >= 0x80) && start < first_bad {
        start += 1;
    }
    let end = bytes.len().min(start.saturating_add(DETECTOR_SAMPLE));
    let sample = bytes.get(start..end).unwrap_or(bytes);
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(sample, end == bytes.len());
    let encoding = detector.guess(None, Utf8Detection::Allow);
    if encoding == UTF_8 {
        // The sample was valid UTF-8 and a later part is not.
        return String::from_utf8_lossy(bytes);
    }
    encoding.decode_without_bom_handling(bytes).0
}

/// Binary data decoded as text shows up as NULs, control characters or replacement
/// characters. Looks at a prefix so that a 50 MB file costs no more than a small one.
fn looks_binary(text: &str) -> bool {
    // A character cut at the end of the file is truncation, not a sign of binary data.
    let text = text.strip_suffix('\u{FFFD}').unwrap_or(text);
    let mut total = 0usize;
    let mut odd = 0usize;
    for c in text.chars().take(BINARY_SAMPLE_CHARS) {
        total += 1;
        let suspicious = match c {
            '\0' => return true,
            '\n' | '\r' | '\t' | '\u{000C}' => false, // form feed: page breaks in hearings
            '\u{FFFD}' => true,
            c => c.is_control(),
        };
        odd += usize::from(suspicious);
    }
    // One odd character in twenty is far beyond any real transcript.
    odd > 0 && odd * 20 >= total
}

/// CRLF and lone CR → LF, copying the runs between carriage returns in bulk.
fn normalize_newlines(text: Cow<'_, str>) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    if memchr::memchr(b'\r', bytes).is_none() {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut start = 0;
    for at in memchr::memchr_iter(b'\r', bytes) {
        out.push_str(text.get(start..at).unwrap_or_default());
        out.push('\n');
        start = at + 1;
        if bytes.get(start) == Some(&b'\n') {
            start += 1;
        }
    }
    out.push_str(text.get(start..).unwrap_or_default());
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(text: &str, little: bool, bom: bool) -> Vec<u8> {
        let mut out = Vec::new();
        if bom {
            out.extend_from_slice(if little { &[0xFF, 0xFE] } else { &[0xFE, 0xFF] });
        }
        for unit in text.encode_utf16() {
            let pair = if little {
                unit.to_le_bytes()
            } else {
                unit.to_be_bytes()
            };
            out.extend_from_slice(&pair);
        }
        out
    }

    #[test]
    fn plain_utf8_passes_through() {
        assert_eq!(
            decode("Вопрос: да.\n".as_bytes()),
            Ok("Вопрос: да.\n".into())
        );
    }

    #[test]
    fn decoding_owned_bytes_agrees_with_decoding_borrowed_ones() {
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Ответ : да.\n".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let cases: [&[u8]; 9] = [
            "Président : Bonjour.\n".as_bytes(),
            b"\xEF\xBB\xBFHello\nworld",
            b"a\r\nb\rc",
            &utf16,
            b"\xCF\xF3\xF2\xE8\xED: \xE4\xE0.",
            b"",
            b"  \n ",
            b"text\0with a NUL",
            b"cut \xC3",
        ];
        for bytes in cases {
            assert_eq!(decode_owned(bytes.to_vec()), decode(bytes), "{bytes:?}");
        }
    }

    #[test]
    fn utf8_bom_is_dropped() {
        assert_eq!(decode(b"\xEF\xBB\xBFHello"), Ok("Hello".into()));
    }

    #[test]
    fn utf16_with_and_without_bom() {
        let text = "Président : Bonjour à tous.\n";
        for little in [true, false] {
            assert_eq!(decode(&utf16(text, little, true)), Ok(text.into()));
            assert_eq!(decode(&utf16(text, little, false)), Ok(text.into()));
        }
    }

    #[test]
    fn line_endings_become_lf() {
        assert_eq!(decode(b"a\r\nb\rc\n\r\nd\r"), Ok("a\nb\nc\n\nd\n".into()));
    }

    #[test]
    fn empty_and_blank_are_empty() {
        assert_eq!(decode(b""), Err(ErrorKind::Empty));
        assert_eq!(decode(b" \r\n\t \n"), Err(ErrorKind::Empty));
        assert_eq!(decode(b"\xEF\xBB\xBF\n"), Err(ErrorKind::Empty));
    }

    #[test]
    fn nul_and_control_bytes_are_binary() {
        assert_eq!(decode(b"abc\0def"), Err(ErrorKind::Binary));
        assert_eq!(decode(b"\x01\x02\x03\x04text"), Err(ErrorKind::Binary));
    }

    #[test]
    fn cut_multibyte_character_is_not_binary() {
        let mut bytes = "Минск, Минск".as_bytes().to_vec();
        bytes.pop();
        assert_eq!(decode(&bytes), Ok("Минск, Минс\u{FFFD}".into()));
    }

    #[test]
    fn windows_1252_after_ascii_is_not_taken_for_cut_utf8() {
        assert_eq!(decode(b"Un caf\xE9"), Ok("Un café".into()));
    }

    #[test]
    fn legacy_text_after_a_long_ascii_head_is_detected() {
        let mut text = "Line of plain English text.\n".repeat(20_000);
        text.push_str("Le président a déclaré : « Nous sommes prêts à l’été. »\n");
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&text);
        assert_eq!(decode(&bytes), Ok(text));
    }

    #[test]
    fn a_stray_bad_byte_in_utf8_stays_utf8() {
        let mut bytes = "Переговоры в Минске прошли успешно. "
            .repeat(3)
            .into_bytes();
        bytes.push(0xFF);
        let text = decode(&bytes).unwrap_or_default();
        assert!(text.starts_with("Переговоры в Минске"), "{text}");
    }
}

//! Structured formats, each read straight into the model: subtitles (WebVTT, SRT),
//! speech-recognition JSON (Whisper, WhisperX), ParlaMint TEI and Akoma Ntoso debates.
//! [`detect`] tells them from Stenogram JSON and from plain text by their content alone,
//! never by the file's extension.

mod akoma;
mod builder;
pub mod cues;
mod srt;
mod tei;
mod timing;
mod vtt;
mod whisper;
mod xml;

pub use akoma::QUESTIONER_ROLE;
pub use cues::PARAGRAPH_PAUSE;

use crate::error::ErrorKind;
use crate::model::{BlockKind, Transcript};

/// What a decoded file holds, judged from its content.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// Stenogram's own JSON.
    StenogramJson,
    /// Whisper or WhisperX output: segments with times.
    SpeechRecognitionJson,
    /// WebVTT subtitles.
    WebVtt,
    /// SubRip subtitles.
    Srt,
    /// A ParlaMint TEI document.
    Tei,
    /// A TEI corpus: several TEI documents in one file.
    TeiCorpus,
    /// An Akoma Ntoso debate.
    AkomaNtoso,
    /// Anything else: a transcript as text, for the text parser.
    Text,
}

impl Format {
    /// The format's name as a user knows it.
    pub fn name(self) -> &'static str {
        match self {
            Format::StenogramJson => "Stenogram JSON",
            Format::SpeechRecognitionJson => "speech-recognition JSON",
            Format::WebVtt => "WebVTT",
            Format::Srt => "SRT",
            Format::Tei => "TEI",
            Format::TeiCorpus => "TEI corpus",
            Format::AkomaNtoso => "Akoma Ntoso",
            Format::Text => "text",
        }
    }
}

/// The format of decoded `text`. JSON is Stenogram's unless it has the shape of
/// speech-recognition output; XML is read only when its root is `TEI`, `teiCorpus` or
/// `akomaNtoso`; everything else is text.
pub fn detect(text: &str) -> Format {
    let start = text.trim_start_matches('\u{feff}').trim_start();
    if start.starts_with('{') || start.starts_with('[') {
        if whisper::is_whisper(start) {
            return Format::SpeechRecognitionJson;
        }
        if start.starts_with('{') {
            return Format::StenogramJson;
        }
    }
    if vtt::is_vtt(start) {
        return Format::WebVtt;
    }
    if start.starts_with('<') {
        match xml::root_name(start) {
            Some("TEI") => return Format::Tei,
            Some("teiCorpus") => return Format::TeiCorpus,
            Some("akomaNtoso") => return Format::AkomaNtoso,
            _ => {}
        }
    }
    if srt::is_srt(start) {
        return Format::Srt;
    }
    Format::Text
}

/// Reads `text` of a structured `format` as one transcript (a TEI corpus as one, each
/// document under its own heading); `hint` titles a file whose format has no title (the
/// file name). `None` for Stenogram JSON and text, which have readers of their own.
pub fn read(format: Format, text: &str, hint: &str) -> Option<Result<Transcript, ErrorKind>> {
    let result = match format {
        Format::StenogramJson | Format::Text => return None,
        Format::WebVtt => vtt::read_cues(text).map(|c| cues::transcript(&c, hint, "und")),
        Format::Srt => srt::read_cues(text).map(|c| cues::transcript(&c, hint, "und")),
        Format::SpeechRecognitionJson => whisper::read_cues(text)
            .map(|(c, language)| cues::transcript(&c, hint, language.as_deref().unwrap_or("und"))),
        Format::Tei => xml::parse(text).map(|root| tei::read_tei(&root, hint, &tei::People::new())),
        Format::TeiCorpus => xml::parse(text).map(|root| tei::read_corpus_joined(&root, hint)),
        Format::AkomaNtoso => xml::parse(text).map(|root| akoma::read_akoma(&root, hint)),
    };
    Some(result.and_then(|t| something_to_show(t, format)))
}

/// The sittings of a TEI corpus file.
#[derive(Clone, Debug)]
pub enum CorpusParts {
    /// Sittings held in the corpus file itself, each read (or why it could not be).
    Inline(Vec<Result<Transcript, ErrorKind>>),
    /// Sittings in files of their own, as the corpus's `xi:include`s name them (`href` as
    /// written, relative to the corpus file).
    Included(Vec<String>),
}

impl CorpusParts {
    /// The number of sittings.
    pub fn len(&self) -> usize {
        match self {
            CorpusParts::Inline(sittings) => sittings.len(),
            CorpusParts::Included(files) => files.len(),
        }
    }

    /// Whether there is no sitting.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The sittings of `text` when it is a TEI corpus (`None` for any other file): the `TEI`
/// documents in it, or else the files it includes. A corpus with neither is an error.
pub fn read_corpus_parts(text: &str, hint: &str) -> Option<Result<CorpusParts, ErrorKind>> {
    if detect(text) != Format::TeiCorpus {
        return None;
    }
    let parts = xml::parse(text).and_then(|root| {
        let inline: Vec<_> = tei::read_corpus(&root, hint)
            .into_iter()
            .map(|t| something_to_show(t, Format::TeiCorpus))
            .collect();
        if !inline.is_empty() {
            return Ok(CorpusParts::Inline(inline));
        }
        let included = tei::corpus_includes(&root);
        if included.is_empty() {
            return Err(ErrorKind::NotATranscript(
                "this TEI corpus holds no sitting and includes none".to_owned(),
            ));
        }
        Ok(CorpusParts::Included(included))
    });
    Some(parts)
}

/// The files a TEI corpus includes (`href` as written), when `text` is a corpus that holds
/// no sitting itself and includes at least one; `None` otherwise.
pub fn corpus_includes(text: &str) -> Option<Vec<String>> {
    if detect(text) != Format::TeiCorpus {
        return None;
    }
    let root = xml::parse(text).ok()?;
    if root.elements().any(|e| e.name == "TEI") {
        return None;
    }
    Some(tei::corpus_includes(&root)).filter(|hrefs| !hrefs.is_empty())
}

/// Whether `bytes` (a file's start or all of it) are a TEI corpus, told by the root
/// element; the bytes are decoded as far as they are whole text.
pub fn root_is_corpus(bytes: &[u8]) -> bool {
    let head = bytes.get(..bytes.len().min(64 * 1024)).unwrap_or_default();
    let text = match std::str::from_utf8(head) {
        Ok(text) => std::borrow::Cow::Borrowed(text),
        Err(e) if e.valid_up_to() > 0 => {
            String::from_utf8_lossy(head.get(..e.valid_up_to()).unwrap_or_default())
        }
        Err(_) => match crate::decode::decode(head) {
            Ok(text) => std::borrow::Cow::Owned(text),
            Err(_) => return false,
        },
    };
    text.trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with('<')
        && detect(&text) == Format::TeiCorpus
}

/// Refuses a transcript with nothing in it but its title.
fn something_to_show(t: Transcript, format: Format) -> Result<Transcript, ErrorKind> {
    let only_title = t
        .blocks
        .iter()
        .all(|b| matches!(b.kind, BlockKind::Title { .. }));
    if only_title {
        return Err(ErrorKind::NotATranscript(format!(
            "this {} file holds no speech",
            format.name()
        )));
    }
    Ok(t)
}

#[cfg(test)]
mod tests;

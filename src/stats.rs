//! Statistics per participant: speeches, words, share of all spoken words, photos, where
//! they first appear, and for documents with questions, questions asked and answered.
//!
//! Words are counted in speech paragraphs only (not in captions or lists): a word is a run
//! of non-space characters with at least one letter or digit, so "—", "?" and "…" standing
//! alone are not words, and "l’accord" or "пресс-секретарь" is one.

use std::collections::HashMap;

use crate::model::{BlockKind, ParticipantId, PhotoId, SpeechId, TextRef, Time, Transcript};
use crate::qa::Qa;

use crate::stage::count_spoken_words;
/// Counted here, shared with the Q&A analysis and the library.
pub use crate::word_count::count_words;

/// A share (0.0 to 1.0) as a percentage for people: "42%", "4.2%", "<0.1%", "0%".
pub fn format_share(share: f64) -> String {
    let pct = share * 100.0;
    if !pct.is_finite() || pct <= 0.0 {
        "0%".to_owned()
    } else if pct < 0.1 {
        "<0.1%".to_owned()
    } else if pct < 10.0 {
        format!("{pct:.1}%")
    } else {
        format!("{pct:.0}%")
    }
}

/// A length of time for people: "45 s", "12 min 04 s", "1 h 02 min".
pub fn format_duration(time: Time) -> String {
    let s = time.0 / 1000;
    match (s / 3600, s / 60 % 60, s % 60) {
        (0, 0, sec) => format!("{sec} s"),
        (0, min, sec) => format!("{min} min {sec:02} s"),
        (h, min, _) => format!("{h} h {min:02} min"),
    }
}

/// Where a participant first appears.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Place {
    /// They speak.
    Speech(SpeechId),
    /// A photo caption names them.
    Photo(PhotoId),
    /// An attendee list names them.
    List,
    /// A paragraph mentions them.
    Mention(TextRef),
}

/// The first appearance of a participant in the document.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Appearance {
    /// The block of `Transcript::blocks` it stands in (`None` for a document without a
    /// block list, such as some JSON files).
    pub block: Option<usize>,
    /// What it is.
    pub place: Place,
}

impl Appearance {
    /// "speech 3", "photo 2", "attendee list", "named in speech 4", "named in the text".
    pub fn describe(&self, t: &Transcript) -> String {
        let speech_no = |s: SpeechId| s.index() + 1;
        match self.place {
            Place::Speech(s) => format!("speech {}", speech_no(s)),
            Place::Photo(p) => match t.photo(p) {
                Some(photo) => format!("photo {}", photo.number),
                None => "a photo".to_owned(),
            },
            Place::List => "attendee list".to_owned(),
            Place::Mention(TextRef::Speech { speech, .. }) => {
                format!("named in speech {}", speech_no(speech))
            }
            Place::Mention(TextRef::Block { .. }) => "named in the text".to_owned(),
        }
    }
}

/// The figures of one participant.
#[derive(Clone, Debug, PartialEq)]
pub struct PersonStats {
    /// Who.
    pub participant: ParticipantId,
    /// Speeches they give.
    pub speeches: usize,
    /// Paragraphs of those speeches.
    pub paragraphs: usize,
    /// Words of those speeches.
    pub words: usize,
    /// Their share of all spoken words, 0.0 to 1.0.
    pub share: f64,
    /// Photos that picture them.
    pub photos: usize,
    /// Where they first appear.
    pub first: Option<Appearance>,
    /// Questions they asked.
    pub asked: usize,
    /// Questions they answered (a question answered in several turns counts once).
    pub answered: usize,
    /// How long they speak, from the start and end times of their speeches; `None` when
    /// none of their speeches has both (a transcript read from text).
    pub speaking_time: Option<Time>,
}

/// Statistics of a whole document, computed once when it is opened.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Stats {
    /// One entry per participant, in `Transcript::participants` order.
    pub people: Vec<PersonStats>,
    /// Per speech: its words.
    pub speech_words: Vec<usize>,
    /// All spoken words.
    pub total_words: usize,
    /// Whether the document has questions (the asked/answered figures mean something).
    pub has_questions: bool,
    /// Whether any speech has times (the speaking-time figures mean something).
    pub has_times: bool,
    /// The people who speak, most words first (ties in order of appearance).
    pub by_words: Vec<ParticipantId>,
    /// Per participant: their position in [`Self::by_words`] (a stable colour index).
    pub rank: Vec<Option<usize>>,
}

impl Stats {
    /// Counts everything in a few linear passes.
    pub fn build(t: &Transcript, qa: &Qa) -> Self {
        let mut people: Vec<PersonStats> = t
            .participants
            .iter()
            .map(|p| PersonStats {
                participant: p.id,
                speeches: 0,
                paragraphs: 0,
                words: 0,
                share: 0.0,
                photos: 0,
                first: None,
                asked: 0,
                answered: 0,
                speaking_time: None,
            })
            .collect();
        // The Q&A analysis counted each speech's words already.
        let counted = qa.words.len() == t.speeches.len();
        let mut speech_words = Vec::with_capacity(t.speeches.len());
        for (i, speech) in t.speeches.iter().enumerate() {
            let words = match qa.words.get(i) {
                Some(w) if counted => *w,
                _ => speech
                    .paragraphs
                    .iter()
                    .map(|p| count_spoken_words(p))
                    .sum(),
            };
            speech_words.push(words);
            if let Some(ps) = people.get_mut(speech.speaker.index()) {
                ps.speeches += 1;
                ps.paragraphs += speech.paragraphs.len();
                ps.words += words;
                if let Some(d) = speech.times.span().duration() {
                    let sum = ps.speaking_time.map_or(0, |t| t.0).saturating_add(d.0);
                    ps.speaking_time = Some(Time(sum));
                }
            }
        }
        let total_words: usize = speech_words.iter().sum();
        for photo in &t.photos {
            // A caption may name someone twice; the photo counts once for them.
            let mut pictured = photo.participants.clone();
            pictured.sort_unstable();
            pictured.dedup();
            for p in pictured {
                if let Some(ps) = people.get_mut(p.index()) {
                    ps.photos += 1;
                }
            }
        }
        for (ps, (asked, answered)) in people.iter_mut().zip(qa.counts(t.participants.len())) {
            ps.asked = asked;
            ps.answered = answered;
            if total_words > 0 {
                ps.share = ps.words as f64 / total_words as f64;
            }
        }
        for (ps, first) in people.iter_mut().zip(first_appearances(t)) {
            ps.first = first;
        }
        let mut speaking: Vec<&PersonStats> = people.iter().filter(|p| p.words > 0).collect();
        speaking.sort_by(|a, b| {
            b.words
                .cmp(&a.words)
                .then(a.participant.cmp(&b.participant))
        });
        let by_words: Vec<ParticipantId> = speaking.iter().map(|p| p.participant).collect();
        let mut rank = vec![None; people.len()];
        for (r, p) in by_words.iter().enumerate() {
            if let Some(slot) = rank.get_mut(p.index()) {
                *slot = Some(r);
            }
        }
        let has_times = people.iter().any(|p| p.speaking_time.is_some());
        Self {
            people,
            speech_words,
            total_words,
            has_questions: qa.has_questions(),
            has_times,
            by_words,
            rank,
        }
    }

    /// The figures of participant `p`.
    pub fn person(&self, p: ParticipantId) -> Option<&PersonStats> {
        self.people.get(p.index())
    }

    /// Participant `p`'s position among the speakers, most words first.
    pub fn rank(&self, p: ParticipantId) -> Option<usize> {
        self.rank.get(p.index()).copied().flatten()
    }
}

/// Per participant: where they first appear, walking the document flow in order.
fn first_appearances(t: &Transcript) -> Vec<Option<Appearance>> {
    let mut first: Vec<Option<Appearance>> = vec![None; t.participants.len()];
    let mut mentioned: HashMap<TextRef, Vec<ParticipantId>> = HashMap::new();
    for p in &t.participants {
        for m in &p.appearances.mentions {
            mentioned.entry(m.at).or_default().push(p.id);
        }
    }
    let mut mark = |p: ParticipantId, block: Option<usize>, place: Place| {
        if let Some(slot) = first.get_mut(p.index())
            && slot.is_none()
        {
            *slot = Some(Appearance { block, place });
        }
    };
    for (b, block) in t.blocks.iter().enumerate() {
        let at = Some(b);
        match &block.kind {
            BlockKind::Speech {
                speech,
                first: start,
                count,
            } => {
                if let Some(s) = t.speech(*speech) {
                    mark(s.speaker, at, Place::Speech(*speech));
                    let end = start.saturating_add(*count).min(s.paragraphs.len());
                    for paragraph in (*start).min(end)..end {
                        let text = TextRef::Speech {
                            speech: *speech,
                            paragraph,
                        };
                        for p in mentioned.get(&text).into_iter().flatten() {
                            mark(*p, at, Place::Mention(text));
                        }
                    }
                }
            }
            BlockKind::Photo { photo } => {
                if let Some(ph) = t.photo(*photo) {
                    for p in &ph.participants {
                        mark(*p, at, Place::Photo(*photo));
                    }
                }
            }
            BlockKind::Attendees { items, .. } => {
                for p in items.iter().filter_map(|a| a.participant) {
                    mark(p, at, Place::List);
                }
            }
            BlockKind::Lead { .. } | BlockKind::Paragraph { .. } | BlockKind::Heading { .. } => {
                let text = TextRef::Block { block: b };
                for p in mentioned.get(&text).into_iter().flatten() {
                    mark(*p, at, Place::Mention(text));
                }
            }
            _ => {}
        }
    }
    // A document without a block list (or one that leaves things out): speeches, then photos.
    for s in &t.speeches {
        mark(s.speaker, None, Place::Speech(s.id));
    }
    for ph in &t.photos {
        for p in &ph.participants {
            mark(*p, None, Place::Photo(ph.id));
        }
    }
    first
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stats(text: &str) -> (Transcript, Stats) {
        let t = crate::parse_text(text);
        let qa = Qa::analyse(&t);
        let s = Stats::build(&t, &qa);
        (t, s)
    }

    #[test]
    fn shares_read_naturally() {
        assert_eq!(format_share(0.0), "0%");
        assert_eq!(format_share(0.0004), "<0.1%");
        assert_eq!(format_share(0.042), "4.2%");
        assert_eq!(format_share(0.5), "50%");
        assert_eq!(format_share(f64::NAN), "0%");
    }

    #[test]
    fn per_speaker_words_speeches_and_shares() {
        let (t, s) = stats(
            "Talks\n\n\
            Ann Lee: One two three.\n\
            Four five six.\n\n\
            Bob Stone: Seven eight.\n\n\
            Ann Lee: Nine ten.\n",
        );
        assert_eq!(s.total_words, 10);
        let ann = &s.people[t.speeches[0].speaker.index()];
        assert_eq!((ann.speeches, ann.paragraphs, ann.words), (2, 3, 8));
        assert!((ann.share - 0.8).abs() < 1e-9);
        let bob = &s.people[t.speeches[1].speaker.index()];
        assert_eq!(bob.words, 2);
        assert_eq!(s.speech_words, [6, 2, 2]);
        assert_eq!(s.by_words, [ann.participant, bob.participant]);
        assert_eq!(s.rank(bob.participant), Some(1));
        assert_eq!(
            ann.first.map(|f| f.describe(&t)).as_deref(),
            Some("speech 1")
        );
        assert_eq!(
            bob.first.map(|f| f.describe(&t)).as_deref(),
            Some("speech 2")
        );
        assert!(!s.has_questions);
    }

    #[test]
    fn questions_asked_and_answered() {
        let (t, s) = stats(
            "Press conference\n\n\
            Question: Why?\n\n\
            Ann Lee: Because.\n\n\
            Bob Stone: Indeed.\n\n\
            Question: When?\n\n\
            Ann Lee: Now.\n",
        );
        assert!(s.has_questions);
        let q = &s.people[t.speeches[0].speaker.index()];
        assert_eq!((q.asked, q.answered), (2, 0));
        let ann = &s.people[t.speeches[1].speaker.index()];
        assert_eq!((ann.asked, ann.answered), (0, 2));
        let bob = &s.people[t.speeches[2].speaker.index()];
        assert_eq!(bob.answered, 1);
    }

    #[test]
    fn an_empty_document_has_no_shares() {
        let s = Stats::build(&Transcript::default(), &Qa::default());
        assert_eq!(s.total_words, 0);
        assert!(s.people.is_empty());
    }

    #[test]
    fn speaking_time_adds_up_the_timed_speeches() {
        let vtt = "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Ana>One.\n\n00:00:04.000 --> 00:00:05.500\n<v Lev>Two.\n\n00:00:06.000 --> 00:00:08.000\n<v Ana>Three.\n";
        let t = crate::load_bytes("t.vtt", vtt.as_bytes()).unwrap_or_default();
        let s = Stats::build(&t, &Qa::analyse(&t));
        assert!(s.has_times);
        assert_eq!(s.people[0].speaking_time, Some(Time(5000)));
        assert_eq!(s.people[1].speaking_time, Some(Time(1500)));
        assert_eq!(format_duration(Time(5000)), "5 s");
        assert_eq!(format_duration(Time(724_000)), "12 min 04 s");
        assert_eq!(format_duration(Time(3_720_000)), "1 h 02 min");
        let (_, untimed) = stats("Talks\n\nAnn Lee: Hello.\n");
        assert!(!untimed.has_times);
    }
}

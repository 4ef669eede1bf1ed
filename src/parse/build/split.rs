//! A long document read in two parts at once. The second part starts at a speaker turn a
//! little past the middle and is read as if nothing came before, noting what it could not
//! know: the speaker labels accepted before, and the number of the last photo. The first
//! part is read meanwhile, as usual. Where the first part would open the same turn at the
//! cut, and knowing what the second part missed changes none of its decisions, the second
//! part is exactly what reading on would have given, and is put after the first with its
//! ids moved on. Otherwise the first part reads on, and the second is dropped.

use super::{Builder, Source, Target, plain_line};
use crate::model::{BlockKind, PhotoId, SpeechId, Transcript};
use crate::parse::normalize::Lines;
use crate::parse::turns::{Misses, Turn, TurnDetector, TurnRef};

/// Lines looked at past the middle for a turn to start the second part at.
const CUT_SEARCH: usize = 4096;

/// The second part, read on its own.
pub(super) struct Later {
    /// The turn it starts with.
    first: Turn,
    t: Transcript,
    sources: Vec<Source>,
    misses: Misses,
    /// A decision read the number of the photo before the part.
    asked_photo: bool,
}

/// The line the second part starts at: the first one from a little past the middle on that
/// opens a turn (see [`opens_turn`]).
pub(super) fn find_cut(lines: &Lines<'_>, tail_fits: &[bool]) -> Option<usize> {
    let turns = TurnDetector::default();
    // A little past the middle: the second part's memory is all new to the process, and it
    // shares its core with the people being resolved.
    let middle = lines.len() / 7 * 4;
    (middle..lines.len())
        .take(CUT_SEARCH)
        .find(|&cut| opens_turn(lines, tail_fits, cut, &turns).is_some())
}

/// The turn line `cut` opens, judged inside a speech, when it is a [`plain_line`]. Whether
/// the first part would open the same turn there is its own check ([`Builder::turn_at`]).
fn opens_turn<'l>(
    lines: &Lines<'l>,
    tail_fits: &[bool],
    cut: usize,
    turns: &TurnDetector,
) -> Option<TurnRef<'l>> {
    turns.turn(plain_line(lines, tail_fits, cut)?, true)
}

/// Reads the lines from `cut` on, from the turn there; `None` when no turn opens there.
pub(super) fn read_later(
    lines: &Lines<'_>,
    tail_fits: &[bool],
    language: &str,
    cut: usize,
) -> Option<Later> {
    let first = opens_turn(lines, tail_fits, cut, &TurnDetector::default())?;
    let mut builder = Builder::new(lines, tail_fits, language, cut);
    // The first part checks the first turn itself (see `takes`); what comes after is
    // noted.
    builder.turns = TurnDetector::from_middle();
    builder.photo_unknown = true;
    builder.start_speech(first, lines.get(cut)?.number);
    builder.read(cut + 1, lines.len(), &mut |_| {});
    builder.end_speech();
    Some(Later {
        first: first.to_turn(),
        asked_photo: builder.asked_unknown_photo.get(),
        misses: builder.turns.into_misses(),
        t: builder.t,
        sources: builder.sources,
    })
}

impl Builder<'_> {
    /// Whether `later`, read from line `cut` where this builder stopped, reads as it would
    /// after this builder's lines: this builder would open the same turn there (the tag
    /// zone has not begun, and so on), and knowing its speaker labels and last photo
    /// changes none of the later part's decisions.
    pub(super) fn takes(&self, cut: usize, later: &Later) -> bool {
        let first = &later.first;
        self.turn_at(cut).is_some_and(|turn| {
            turn.label == first.label && turn.generic == first.generic && turn.rest == first.rest
        }) && (!later.asked_photo || self.last_photo.is_none())
            && self.turns.agrees_after(&later.misses)
    }

    /// Puts `later` after what this builder read (its speech ended), with its speech, photo
    /// and block numbers moved on past this builder's. Its sources go to `hand_on` first,
    /// so that their people are resolved while the rest is moved.
    pub(super) fn append(&mut self, later: Later, hand_on: &mut impl FnMut(&mut Vec<Source>)) {
        let blocks = self.t.blocks.len();
        let speeches = self.t.speeches.len();
        let photos = self.t.photos.len();
        let speech_id = |id: SpeechId| SpeechId::from(id.index() + speeches);
        let photo_id = |id: PhotoId| PhotoId::from(id.index() + photos);
        self.sources
            .extend(later.sources.into_iter().map(|mut source| {
                source.target = match source.target {
                    Target::Speech { speech, generic } => Target::Speech {
                        speech: speech_id(speech),
                        generic,
                    },
                    Target::Photo(id) => Target::Photo(photo_id(id)),
                    Target::Attendee { block, item } => Target::Attendee {
                        block: block + blocks,
                        item,
                    },
                };
                source
            }));
        hand_on(&mut self.sources);
        let t = later.t;
        self.t.blocks.extend(t.blocks.into_iter().map(|mut block| {
            match &mut block.kind {
                BlockKind::Photo { photo } => *photo = photo_id(*photo),
                BlockKind::Speech { speech, .. } => *speech = speech_id(*speech),
                BlockKind::Elision { speech } => *speech = speech.map(speech_id),
                _ => {}
            }
            block
        }));
        self.t
            .speeches
            .extend(t.speeches.into_iter().map(|mut speech| {
                speech.id = speech_id(speech.id);
                speech
            }));
        self.t.photos.extend(t.photos.into_iter().map(|mut photo| {
            photo.id = photo_id(photo.id);
            photo
        }));
        // No tag section before (see `takes`): the section numbers stand.
        self.t.tags.extend(t.tags);
        // The first dateline gives each of these, and the last link the address.
        self.t.date = self.t.date.take().or(t.date);
        self.t.time = self.t.time.take().or(t.time);
        self.t.place = self.t.place.take().or(t.place);
        self.t.source_url = t.source_url.or(self.t.source_url.take());
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Built, build_in_parts, tail_fits};
    use super::{TurnDetector, opens_turn};
    use crate::parse::normalize;

    /// The blocks and sources of `text` built with the second part from `cut` on (none:
    /// in one part), and whether that part was kept.
    fn built(text: &str, cut: Option<usize>) -> (String, bool) {
        let prepared = normalize::prepare_lines(text);
        let lines = normalize::Lines::new(&prepared);
        let fits = tail_fits(&lines);
        let mut sources = Vec::new();
        let (
            Built {
                transcript,
                sources: rest,
            },
            kept,
        ) = build_in_parts(&lines, &fits, "en", cut, |batch| sources.append(batch));
        sources.extend(rest);
        (format!("{transcript:?}\n{sources:?}"), kept)
    }

    fn line_count(text: &str) -> usize {
        normalize::prepare_lines(text).len()
    }

    fn fixtures() -> Vec<String> {
        let fixtures = crate::parse::FIXTURES;
        let mut texts: Vec<String> = fixtures.iter().map(|f| (*f).to_owned()).collect();
        // Labels, photo numbers and tag sections met before a cut in another document.
        texts.push(fixtures.concat());
        let spec = crate::synth::SynthSpec {
            speeches: 12,
            paragraphs_per_speech: 3,
            photo_every: 4,
            speakers: 5,
            seed: 7,
        };
        texts.push(crate::synth::generate(&spec));
        texts
    }

    /// Lines a second part can start at (a turn, whatever came before).
    fn turn_lines(text: &str) -> usize {
        let prepared = normalize::prepare_lines(text);
        let lines = normalize::Lines::new(&prepared);
        let fits = tail_fits(&lines);
        let turns = TurnDetector::default();
        (0..lines.len())
            .filter(|&c| opens_turn(&lines, &fits, c, &turns).is_some())
            .count()
    }

    #[test]
    fn a_cut_anywhere_changes_nothing() {
        let (mut kept, mut turns) = (0, 0);
        for text in fixtures() {
            let (whole, _) = built(&text, None);
            for cut in 0..=line_count(&text) {
                let (parts, was_kept) = built(&text, Some(cut));
                assert!(parts == whole, "a cut at line {cut} changed the build");
                kept += usize::from(was_kept);
            }
            turns += turn_lines(&text);
        }
        // Most cuts at a turn are kept: the two parts were really put together.
        eprintln!("kept {kept} of {turns}");
        assert!(kept * 3 >= turns * 2, "only {kept} of {turns} cuts kept");
    }

    #[test]
    fn a_later_part_that_missed_a_label_is_read_again() {
        // Inside a speech a surname alone opens a turn only once a label with it is known:
        // the second part, reading from "Anna Berg: Thank you.", does not know "Ivo Mares".
        let text = "Meeting on roads\n\nPresident Ivo Mares: Good afternoon.\n\n\
                    Anna Berg: Thank you.\n\nWe begin.\n\nMares: Then let us start.\n\n\
                    Anna Berg: Agreed.\n";
        let (whole, _) = built(text, None);
        assert!(whole.contains("label: \"Mares\""), "{whole}");
        let (parts, kept) = built_at(text, "Anna Berg: Thank you.");
        assert!(!kept, "a part that missed a known surname was kept");
        assert_eq!(parts, whole);
        // From the last turn on nothing was missed: that part is kept.
        let (parts, kept) = built_at(text, "Anna Berg: Agreed.");
        assert!(kept);
        assert_eq!(parts, whole);
    }

    proptest::proptest! {
        /// Any document made of these lines, cut anywhere, builds as in one part.
        #[test]
        fn a_cut_changes_no_build(
            picks in proptest::collection::vec(proptest::sample::select(vec![
                "President of Sevrania Ivo Mares: Welcome.", "Ivo Mares: Next.", "Mares: Yes.",
                "I.Mares: Da.", "Anna Berg: Thanks.", "Berg: Indeed.", "Question: Why?",
                "Q Why now?", "A. Because.", "MR. HALE: Fine.", "Let me repeat:",
                "1 Ivo Mares and Anna Berg. Photo: Lev Orlov", "2 The delegations.",
                "3/9 At the table.", "The talks went on.", "<…>", "* * *",
                "Also taking part were Ivo Mares, Anna Berg and Lev Orlov.",
                "Ministers present:", "Lev Orlov,", "Dana Holm.", "Answers to questions",
                "November 23, 2023, 15:40, Minsk", "Geography", "Sevrania",
                "https://example.org/events/1", "",
            ]), 0..40),
            cut in 0usize..60,
        ) {
            let text = picks.join("\n");
            let (whole, _) = built(&text, None);
            let (parts, _) = built(&text, Some(cut));
            proptest::prop_assert_eq!(parts, whole);
        }
    }

    /// The build of `text` cut at the line that reads `line`, and whether it was kept.
    fn built_at(text: &str, line: &str) -> (String, bool) {
        let cut = normalize::prepare_lines(text)
            .iter()
            .position(|l| l.text == line);
        built(text, Some(cut.expect("the line is there")))
    }

    #[test]
    fn a_later_part_that_read_the_last_photo_number_is_read_again() {
        // "2 The delegations." continues the series only after photo 1 in the part before.
        let text = "Meeting on roads\n\nPresident Ivo Mares: Good afternoon.\n\n\
                    1 The president at the table.\n\nAnna Berg: Thank you.\n\n\
                    2 The delegations.\n\nWe begin.\n";
        let (whole, _) = built(text, None);
        assert!(whole.contains("number: 2"), "{whole}");
        let (parts, kept) = built_at(text, "Anna Berg: Thank you.");
        assert!(!kept);
        assert_eq!(parts, whole);
    }

    #[test]
    fn a_turn_in_the_tag_zone_is_not_a_cut() {
        // A bare "Q" opens a turn anywhere but among the tags, where it is a value.
        let text = "Meeting on roads\n\nQ Why now?\n\nIvo Mares: Because.\n\nTopics\n\nQ\n";
        let (whole, _) = built(text, None);
        assert!(whole.contains("values: [\"Q\"]"), "{whole}");
        let (parts, kept) = built_at(text, "Q");
        assert!(!kept);
        assert_eq!(parts, whole);
    }
}

//! Questions and answers: which speech turns of a press conference or an interview ask,
//! which answer, and which only run the session.
//!
//! # How a turn is read
//!
//! First each participant gets a [`Part`] from their label and role alone:
//! - **Asker**: a generic question label ("Question", "Q", "Вопрос", "Journaliste",
//!   "Reporter", "Корреспондент", "Question from the audience"), or a named reporter: a role
//!   with a reporter word ("correspondent", "journaliste", "журналист", or "questioner", the
//!   role of whoever asks in an Akoma Ntoso `question`) or a label with a
//!   media outlet in parentheses ("Jane Roe (Reuters)", "Е.Иванова (Первый канал)").
//! - **Voice**: any other generic label ("Remark", "Réplique", "Реплика", "Audience
//!   member"): it asks only when its turn asks and someone answers it.
//! - **Moderator**: a role that only runs the session ("Modérateur", "Moderator",
//!   "présentateur", "animatrice", "Ведущий", "Host").
//! - **Spokesperson**: a role that runs the session and answers too ("Press Secretary",
//!   "пресс-секретарь", "porte-parole", "Chair").
//! - **Speaker**: everyone else, including the generic answer labels ("A", "Réponse").
//!
//! The document has questions when an asker speaks, or when it is an interview (its title
//! says "interview", "entretien", "интервью", "conversation with") with an interviewer: a
//! moderator-like role, or else the speakers other than the one who speaks most whose turns
//! ask (hold a question mark) at least twice and in at least a third of their turns. In such
//! a document a speaker without a role is also taken for a moderator (who may answer too)
//! when at least two of their turns are short ones (at most [`SHORT_TURN`] words) that
//! answer nothing and hand the floor to an asker, and such turns are at least half of what
//! they say (Peskov's "Пожалуйста, Первый канал" … "Следующий вопрос"). One short word
//! before a question ("Indeed.") is an answer, not a moderator.
//!
//! Then the turns are read in order, with the question that is "open":
//! - An asker's turn is a question when it asks or when a speaker answers it next;
//!   otherwise ("Q Thanks, Dana.") it is other talk. A voice's turn is a question only when
//!   both hold ("Réplique : Et le calendrier ?").
//! - An interviewer's turn is a question when it asks; without a question mark it is a
//!   moderator's turn before the first question (the greeting) and when nobody answers it
//!   (the thanks at the end), else a question put as a statement.
//! - A moderator's turn is always a moderator's turn. A spokesperson's turn right after a
//!   question answers it; a longer one while a question is open answers it too; a short one
//!   otherwise is a moderator's turn ("Go ahead, Priya."); a long one with no open question
//!   is other talk (an opening statement).
//! - A speaker's turn answers the open question, or is other talk when none is open.
//! - A question opens a pair that every answer joins until the next question; a moderator's
//!   turn closes it once it has an answer.
//!
//! Outside documents with questions only moderator roles give moderator turns, so a
//! Kremlin-style meeting gets no questions at all.

use crate::model::{Participant, ParticipantId, Speech, SpeechId, Transcript};
use crate::text::fold;

/// A turn of at most this many words can be a moderator's hand-over ("Go ahead, Priya.").
pub const SHORT_TURN: usize = 25;

/// Roles and labels longer than this are cut before they are folded: the words that matter
/// come first, and a hostile file must not make every check walk a huge string.
const LABEL_SCAN: usize = 240;

/// What one speech turn does in the exchange.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, Hash)]
pub enum TurnKind {
    /// Asks a question.
    Question,
    /// Answers the question before it.
    Answer,
    /// Runs the session: greets, hands over the floor, thanks.
    Moderator,
    /// Anything else: statements, remarks, interjections.
    #[default]
    Other,
}

/// How a participant takes part, judged from their label and role (see the module doc).
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, Hash)]
pub enum Part {
    /// Asks: a generic question label or a named reporter.
    Asker,
    /// A generic voice that is not a question label ("Remark", "Audience member").
    Voice,
    /// Runs the session and answers nothing (moderator, presenter, host).
    Moderator,
    /// Runs the session and answers too (press secretary, spokesperson, chair).
    Spokesperson,
    /// Asks the questions of an interview.
    Interviewer,
    /// Everyone else.
    #[default]
    Speaker,
}

/// What kind of exchange the document holds.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, Hash)]
pub enum Format {
    /// No questions: a meeting, a speech, a hearing.
    #[default]
    None,
    /// Questions from the floor: a press conference, a briefing, statements with questions.
    Questions,
    /// An interview: an interviewer asks one or more guests.
    Interview,
}

/// A question and the turns that answer it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QaPair {
    /// The question turn.
    pub question: SpeechId,
    /// Who asked.
    pub asker: ParticipantId,
    /// The answer turns, in order (empty when nobody answered).
    pub answers: Vec<SpeechId>,
    /// Who answered, in order of their first answer, without repeats.
    pub answered_by: Vec<ParticipantId>,
}

/// The questions and answers of a document, computed once when it is opened.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Qa {
    /// What kind of exchange the document holds.
    pub format: Format,
    /// Per speech (by position in `Transcript::speeches`): what the turn does.
    pub kinds: Vec<TurnKind>,
    /// Per participant: how they take part.
    pub parts: Vec<Part>,
    /// The questions in document order, each with its answers.
    pub pairs: Vec<QaPair>,
    /// Per speech: the pair it asks or answers.
    pub pair_of: Vec<Option<usize>>,
    /// Per speech: its words, counted as [`crate::stage::count_spoken_words`] counts them.
    pub words: Vec<usize>,
}

impl Qa {
    /// Reads the turns of `t` (see the module doc for the rules).
    pub fn analyse(t: &Transcript) -> Self {
        let turns: Vec<Turn> = t.speeches.iter().map(Turn::of).collect();
        let mut parts: Vec<Part> = t.participants.iter().map(part_of).collect();
        let part = |parts: &[Part], p: ParticipantId| parts.get(p.index()).copied();

        let interview = is_interview_title(&t.title);
        if interview {
            find_interviewers(t, &turns, &mut parts);
        }
        let has_interviewer = parts.contains(&Part::Interviewer);
        let has_asker = turns
            .iter()
            .any(|tu| part(&parts, tu.speaker) == Some(Part::Asker));
        let format = if interview && has_interviewer {
            Format::Interview
        } else if has_asker || has_interviewer {
            Format::Questions
        } else {
            Format::None
        };
        if format != Format::None {
            find_hidden_moderators(t, &turns, &mut parts);
        }

        let mut qa = Qa {
            format,
            kinds: vec![TurnKind::Other; turns.len()],
            parts,
            pairs: Vec::new(),
            pair_of: vec![None; turns.len()],
            words: turns.iter().map(|turn| turn.words).collect(),
        };
        qa.read_turns(t, &turns);
        qa
    }

    fn read_turns(&mut self, t: &Transcript, turns: &[Turn]) {
        let mut open: Option<usize> = None;
        // Who answered the open question so far (a set: a long exchange must stay linear).
        let mut answered_by = std::collections::HashSet::new();
        for (i, turn) in turns.iter().enumerate() {
            let me = self.part(turn.speaker);
            if self.format == Format::None {
                if me == Part::Moderator {
                    self.set_kind(i, TurnKind::Moderator);
                }
                continue;
            }
            let answered_next = turns
                .get(i + 1)
                .is_some_and(|next| answers(self.part(next.speaker)));
            let after_question = i
                .checked_sub(1)
                .and_then(|j| self.kinds.get(j))
                .is_some_and(|k| *k == TurnKind::Question);
            let kind = match me {
                Part::Asker if turn.asks || answered_next => TurnKind::Question,
                Part::Voice if turn.asks && answered_next => TurnKind::Question,
                Part::Asker | Part::Voice => TurnKind::Other,
                Part::Interviewer if turn.asks => TurnKind::Question,
                Part::Interviewer if self.pairs.is_empty() || !answered_next => TurnKind::Moderator,
                Part::Interviewer => TurnKind::Question,
                Part::Moderator => TurnKind::Moderator,
                Part::Spokesperson if after_question && open.is_some() => TurnKind::Answer,
                Part::Spokesperson if turn.words <= SHORT_TURN => TurnKind::Moderator,
                Part::Spokesperson | Part::Speaker if open.is_some() => TurnKind::Answer,
                Part::Spokesperson | Part::Speaker => TurnKind::Other,
            };
            let id = t.speeches.get(i).map_or(SpeechId::from(i), |s| s.id);
            match kind {
                TurnKind::Question => {
                    self.pairs.push(QaPair {
                        question: id,
                        asker: turn.speaker,
                        answers: Vec::new(),
                        answered_by: Vec::new(),
                    });
                    open = Some(self.pairs.len() - 1);
                    answered_by.clear();
                    self.set_pair(i, open);
                }
                TurnKind::Answer => {
                    if let Some(pair) = open.and_then(|p| self.pairs.get_mut(p)) {
                        pair.answers.push(id);
                        if answered_by.insert(turn.speaker) {
                            pair.answered_by.push(turn.speaker);
                        }
                    }
                    self.set_pair(i, open);
                }
                TurnKind::Moderator => {
                    // A moderator's word before anyone answered ("Monsieur le ministre ?")
                    // leaves the question open for the answer that follows.
                    if open
                        .and_then(|p| self.pairs.get(p))
                        .is_some_and(|pair| !pair.answers.is_empty())
                    {
                        open = None;
                    }
                }
                TurnKind::Other => {}
            }
            self.set_kind(i, kind);
        }
    }

    fn set_kind(&mut self, i: usize, kind: TurnKind) {
        if let Some(slot) = self.kinds.get_mut(i) {
            *slot = kind;
        }
    }

    fn set_pair(&mut self, i: usize, pair: Option<usize>) {
        if let Some(slot) = self.pair_of.get_mut(i) {
            *slot = pair;
        }
    }

    /// How participant `p` takes part ([`Part::Speaker`] for an unknown id).
    pub fn part(&self, p: ParticipantId) -> Part {
        self.parts.get(p.index()).copied().unwrap_or_default()
    }

    /// What speech `s` does ([`TurnKind::Other`] for an unknown id).
    pub fn kind(&self, s: SpeechId) -> TurnKind {
        self.kinds.get(s.index()).copied().unwrap_or_default()
    }

    /// Whether the document has any question.
    pub fn has_questions(&self) -> bool {
        !self.pairs.is_empty()
    }

    /// Whether any turn is a moderator's (there is something to fold).
    pub fn has_moderator_turns(&self) -> bool {
        self.kinds.contains(&TurnKind::Moderator)
    }

    /// The pair that speech `s` asks or answers.
    pub fn pair_of(&self, s: SpeechId) -> Option<&QaPair> {
        let p = self.pair_of.get(s.index()).copied().flatten()?;
        self.pairs.get(p)
    }

    /// Number of questions participant `p` asked.
    pub fn asked_by(&self, p: ParticipantId) -> usize {
        self.pairs.iter().filter(|pair| pair.asker == p).count()
    }

    /// Per participant: how many questions they asked and how many they answered (a
    /// question answered in several turns counts once).
    pub fn counts(&self, participants: usize) -> Vec<(usize, usize)> {
        let mut counts = vec![(0, 0); participants];
        for pair in &self.pairs {
            if let Some(c) = counts.get_mut(pair.asker.index()) {
                c.0 += 1;
            }
            for p in &pair.answered_by {
                if let Some(c) = counts.get_mut(p.index()) {
                    c.1 += 1;
                }
            }
        }
        counts
    }
}

/// Whether a turn by someone in this part answers a question before it.
fn answers(part: Part) -> bool {
    matches!(part, Part::Speaker | Part::Spokesperson)
}

/// What the rules need to know about one turn.
#[derive(Copy, Clone, Debug)]
struct Turn {
    speaker: ParticipantId,
    words: usize,
    /// The turn holds a question mark.
    asks: bool,
}

impl Turn {
    fn of(s: &Speech) -> Self {
        Self {
            speaker: s.speaker,
            words: s
                .paragraphs
                .iter()
                .map(|p| crate::stage::count_spoken_words(p))
                .sum(),
            asks: s.paragraphs.iter().any(|p| has_question_mark(p)),
        }
    }
}

/// A question mark that ends a question: "?" (or the full-width one, or the Greek one
/// after a letter). A semicolon is a Greek question mark only in Greek text.
fn has_question_mark(text: &str) -> bool {
    if text.contains('?') || text.contains('？') || text.contains('¿') {
        return true;
    }
    if !text.contains(';') {
        return false;
    }
    // Greek: ";" right after a Greek letter.
    let mut prev = ' ';
    for c in text.chars() {
        if c == ';' && ('\u{0370}'..='\u{03FF}').contains(&prev) {
            return true;
        }
        prev = c;
    }
    false
}

/// The first `LABEL_SCAN` bytes of `text` (cut at a character boundary), folded.
fn fold_head(text: &str) -> String {
    let mut end = text.len().min(LABEL_SCAN);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    fold(text.get(..end).unwrap_or(""))
}

/// Generic labels that ask (folded first words).
const QUESTION_LABELS: &[&str] = &[
    "question",
    "questions",
    "q",
    "вопрос",
    "вопросы",
    "journaliste",
    "journalistes",
    "journalist",
    "journalists",
    "reporter",
    "reporters",
    "correspondent",
    "correspondant",
    "correspondante",
    "корреспондент",
    "журналист",
    "журналистка",
    "press",
    "presse",
];

/// Generic labels that answer ("Q: … A: …" transcripts).
const ANSWER_LABELS: &[&str] = &["a", "answer", "reponse", "ответ"];

/// Role words of a named reporter (matched as whole words, Russian ones as stems).
const REPORTER_WORDS: &[&str] = &[
    "journalist",
    "journaliste",
    "reporter",
    "correspondent",
    "correspondant",
    "correspondante",
    "columnist",
    "chroniqueur",
    "chroniqueuse",
    "editor",
    "redacteur",
    "redactrice",
    "blogger",
    "blogueur",
    "blogueuse",
    // Given by the Akoma Ntoso reader to whoever asks in a `question` element.
    "questioner",
];

/// Russian reporter stems ("корреспондента", "журналистка").
const REPORTER_STEMS: &[&str] = &[
    "корреспондент",
    "журналист",
    "обозревател",
    "редактор",
    "блогер",
    "блоггер",
];

/// Words that name a media outlet inside a label's parentheses ("(Reuters)").
const OUTLET_WORDS: &[&str] = &[
    "tv",
    "television",
    "channel",
    "chaine",
    "radio",
    "news",
    "newspaper",
    "journal",
    "gazette",
    "times",
    "post",
    "agency",
    "agence",
    "reuters",
    "afp",
    "ap",
    "dpa",
    "efe",
    "ansa",
    "bloomberg",
    "bbc",
    "cnn",
    "tass",
    "ria",
    "interfax",
    "xinhua",
    "kyodo",
    "telegraph",
    "guardian",
    "tribune",
    "herald",
    "daily",
    "magazine",
    "media",
    "medias",
    "tf1",
    "rtl",
    "press",
    "presse",
];

/// Russian outlet stems ("телеканала", "газеты", "Первый канал").
const OUTLET_STEMS: &[&str] = &[
    "телеканал",
    "канал",
    "радио",
    "газет",
    "агентств",
    "новост",
    "журнал",
    "издани",
    "тасс",
    "риа",
    "интерфакс",
    "известия",
    "коммерсант",
    "ведомости",
    "вести",
    "медиа",
];

/// Roles that only run the session.
const MODERATOR_WORDS: &[&str] = &[
    "moderator",
    "moderateur",
    "moderatrice",
    "presenter",
    "presentateur",
    "presentatrice",
    "animateur",
    "animatrice",
    "host",
    "anchor",
    "interviewer",
    "intervieweur",
    "intervieweuse",
];

/// Russian roles that only run the session, as stems ("Ведущий", "Ведущая").
const MODERATOR_STEMS: &[&str] = &["ведущ", "модератор", "интервьюер"];

/// Roles that run the session and answer too.
const SPOKESPERSON_PHRASES: &[&str] = &[
    "press secretary",
    "secretaire de presse",
    "attache de presse",
    "porte-parole",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "chair",
    "chairman",
    "chairwoman",
    "chairperson",
];

/// Russian roles that run the session and answer too, as stems.
const SPOKESPERSON_STEMS: &[&str] = &[
    "пресс-секретар",
    "официальный представител",
    "председательствующ",
];

/// Title words of an interview.
const INTERVIEW_PHRASES: &[&str] = &[
    "interview",
    "interviews",
    "entretien",
    "entrevue",
    "conversation with",
    "in conversation",
    "conversation avec",
];

/// Russian title stems of an interview.
const INTERVIEW_STEMS: &[&str] = &["интервью"];

/// How a participant takes part, from their label and role.
fn part_of(p: &Participant) -> Part {
    if p.generic {
        let label = p
            .role
            .as_deref()
            .or(p.name.as_deref())
            .or(p.aliases.first().map(String::as_str))
            .unwrap_or("");
        let folded = fold_head(label);
        let first = folded
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .find(|w| !w.is_empty())
            .unwrap_or("");
        return if QUESTION_LABELS.contains(&first) {
            Part::Asker
        } else if ANSWER_LABELS.contains(&first) {
            Part::Speaker
        } else {
            Part::Voice
        };
    }
    let role = p.role.as_deref().map(fold_head).unwrap_or_default();
    // A role-only participant's label is their role; otherwise the role stands apart.
    if has_any(&role, MODERATOR_WORDS, MODERATOR_STEMS) {
        return Part::Moderator;
    }
    if has_any(&role, SPOKESPERSON_PHRASES, SPOKESPERSON_STEMS) {
        return Part::Spokesperson;
    }
    if has_any(&role, REPORTER_WORDS, REPORTER_STEMS) {
        return Part::Asker;
    }
    // "Jane Roe (Reuters)": the outlet in the parentheses of a label.
    let outlet = p.aliases.iter().any(|a| {
        parentheticals(a).any(|inside| has_any(&fold_head(inside), OUTLET_WORDS, OUTLET_STEMS))
    });
    if outlet {
        return Part::Asker;
    }
    Part::Speaker
}

/// The texts inside the parentheses of `label`.
fn parentheticals(label: &str) -> impl Iterator<Item = &str> {
    label
        .split('(')
        .skip(1)
        .filter_map(|rest| rest.split(')').next())
}

/// Whether folded `text` holds one of `phrases` as whole words, or a word that starts with
/// one of `stems`.
fn has_any(text: &str, phrases: &[&str], stems: &[&str]) -> bool {
    phrases.iter().any(|p| has_phrase(text, p, false))
        || stems.iter().any(|s| has_phrase(text, s, true))
}

/// Whether `phrase` occurs in `text` starting at a word start, and (unless `stem`) ending at
/// a word end.
fn has_phrase(text: &str, phrase: &str, stem: bool) -> bool {
    if phrase.is_empty() {
        return false;
    }
    text.match_indices(phrase).any(|(at, _)| {
        let before = text.get(..at).and_then(|s| s.chars().next_back());
        let after = text.get(at + phrase.len()..).and_then(|s| s.chars().next());
        let is_word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        !is_word(before) && (stem || !is_word(after))
    })
}

/// Whether the title names an interview.
fn is_interview_title(title: &str) -> bool {
    let folded = fold_head(title);
    has_any(&folded, INTERVIEW_PHRASES, INTERVIEW_STEMS)
}

/// In an interview: moderator-like roles ask; without one, the speakers (other than the
/// one who speaks most) whose turns ask at least twice and in at least a third of their
/// turns.
fn find_interviewers(t: &Transcript, turns: &[Turn], parts: &mut [Part]) {
    let mut found = false;
    for part in parts.iter_mut() {
        if *part == Part::Moderator {
            *part = Part::Interviewer;
            found = true;
        }
    }
    if found {
        return;
    }
    let tally = tally(t, turns);
    let top = top_speaker(&tally);
    for (i, (part, c)) in parts.iter_mut().zip(&tally).enumerate() {
        let generic = t.participants.get(i).is_some_and(|p| p.generic);
        if *part == Part::Speaker
            && !generic
            && Some(i) != top
            && c.asking >= 2
            && c.asking * 3 >= c.turns
        {
            *part = Part::Interviewer;
        }
    }
}

/// A speaker without a role who mostly hands the floor to askers with short turns is a
/// moderator who may answer too.
fn find_hidden_moderators(t: &Transcript, turns: &[Turn], parts: &mut [Part]) {
    let tally = tally(t, turns);
    let top = top_speaker(&tally);
    let part = |parts: &[Part], p: ParticipantId| parts.get(p.index()).copied();
    let asks_next = |parts: &[Part], i: usize| {
        turns.get(i + 1).is_some_and(|next| {
            matches!(
                part(parts, next.speaker),
                Some(Part::Asker | Part::Interviewer)
            ) || (part(parts, next.speaker) == Some(Part::Voice) && next.asks)
        })
    };
    let after_asking = |parts: &[Part], i: usize| {
        i.checked_sub(1)
            .and_then(|j| turns.get(j))
            .is_some_and(|prev| {
                matches!(
                    part(parts, prev.speaker),
                    Some(Part::Asker | Part::Interviewer)
                ) || prev.asks
            })
    };
    let mut handovers = vec![0usize; parts.len()];
    for (i, turn) in turns.iter().enumerate() {
        if turn.words <= SHORT_TURN
            && asks_next(parts, i)
            && !after_asking(parts, i)
            && let Some(n) = handovers.get_mut(turn.speaker.index())
        {
            *n += 1;
        }
    }
    for (i, part) in parts.iter_mut().enumerate() {
        let n = handovers.get(i).copied().unwrap_or(0);
        let total = tally.get(i).map_or(0, |c| c.turns);
        let generic = t.participants.get(i).is_some_and(|p| p.generic);
        if *part == Part::Speaker && !generic && Some(i) != top && n >= 2 && n * 2 >= total {
            *part = Part::Spokesperson;
        }
    }
}

/// Turns, asking turns and words per participant.
#[derive(Copy, Clone, Debug, Default)]
struct Tally {
    turns: usize,
    asking: usize,
    words: usize,
}

fn tally(t: &Transcript, turns: &[Turn]) -> Vec<Tally> {
    let mut out = vec![Tally::default(); t.participants.len()];
    for turn in turns {
        if let Some(c) = out.get_mut(turn.speaker.index()) {
            c.turns += 1;
            c.asking += usize::from(turn.asks);
            c.words += turn.words;
        }
    }
    out
}

/// The participant who speaks the most words (the guest of an interview, the main speaker
/// of a press conference); the first of them on a tie.
fn top_speaker(tally: &[Tally]) -> Option<usize> {
    let mut best: Option<(usize, usize)> = None;
    for (i, c) in tally.iter().enumerate() {
        if c.words > 0 && best.is_none_or(|(_, w)| c.words > w) {
            best = Some((i, c.words));
        }
    }
    best.map(|(i, _)| i)
}

#[cfg(test)]
mod tests;

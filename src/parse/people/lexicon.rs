//! Word lists for French, English and Russian: articles, prepositions, name particles,
//! honorifics, role words, generic speaker labels. Every list holds folded forms
//! (see [`crate::text::fold`]) and is searched with a folded word.

use foldhash::HashSet;
use std::sync::LazyLock;

/// Articles, prepositions, conjunctions and clause openers: never a name token, even when
/// capitalised at the start of a sentence ("Avec le président…", "The Speaker", "С Президентом").
#[rustfmt::skip]
const STOP_WORDS: &[&str] = &[
    // fr
    "le", "la", "les", "l'", "un", "une", "des", "du", "de", "d'", "et", "ou", "a", "au", "aux",
    "en", "avec", "avant", "apres", "lors", "pendant", "durant", "pour", "par", "sur", "sous",
    "dans", "chez", "entre", "vers", "ce", "cette", "ces", "son", "sa", "ses", "leur", "leurs",
    "qui", "que", "qu'", "il", "elle", "ils", "elles", "nous", "vous", "je", "depuis", "voici",
    "ainsi", "mais", "donc", "comme", "tous", "toutes",
    // en
    "the", "an", "and", "or", "of", "for", "in", "on", "at", "to", "with", "by", "from", "during",
    "before", "after", "about", "this", "that", "these", "those", "his", "her", "their", "our",
    "we", "i", "he", "she", "they", "it", "as", "into", "over", "between", "among", "while", "when",
    "but", "also", "all", "here", "there", "then",
    // ru
    "и", "в", "во", "на", "с", "со", "к", "ко", "по", "при", "перед", "после", "о", "об", "от",
    "до", "за", "из", "у", "для", "а", "но", "или", "это", "время", "вместе", "также",
];

/// A capitalised word right after one of these is a complement of the role, not a name:
/// "président de la Russie", "Secretary of State", "Помощник Президента по …".
#[rustfmt::skip]
const COMPLEMENT_MARKERS: &[&str] = &[
    "du", "de", "des", "d'", "l'", "la", "le", "les", "en", "a", "au", "aux", "pour", "of", "the",
    "for", "in", "on", "to", "по", "при", "в", "на", "для",
];

/// Markers that, right after a capitalised run, show the run is an organisation or place
/// with its own complement ("Conseil de sécurité", "Ministry of Defence").
const FOLLOWING_COMPLEMENT_MARKERS: &[&str] = &["de", "du", "des", "d'", "of"];

/// Particles that stay inside a name when they stand between two name words
/// ("Mohamed bin Zayed", "Charles de Gaulle", "Ludwig van Beethoven").
#[rustfmt::skip]
const NAME_PARTICLES: &[&str] = &[
    "bin", "ibn", "bint", "al", "el", "ben", "abu", "van", "von", "der", "den", "ter", "de", "da",
    "di", "du", "des", "le", "la", "dos", "das", "del", "della", "d'",
];

/// Words that start a list entry or a role phrase and carry no meaning there.
#[rustfmt::skip]
const LEADING_FILLERS: &[&str] = &[
    "le", "la", "les", "l'", "un", "une", "et", "ainsi", "que", "the", "a", "an", "and", "also",
    "и", "а", "также", "avec", "with", "с", "со",
];

/// Honorifics: kept apart from both role and name ("Mr. Smith", "г-н Иванов").
#[rustfmt::skip]
const HONORIFICS: &[&str] = &[
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "mx", "mx.", "dr", "dr.", "mme", "mme.",
    "mlle", "mlle.", "monsieur", "madame", "mademoiselle", "sir", "dame", "madam", "lord", "lady",
    "prof", "prof.", "hon", "hon.", "sheikh", "cheikh", "шейх", "rev", "rev.", "messrs", "messrs.",
    "г-н", "г-жа", "господин", "госпожа",
];

/// Role and title words (Latin scripts: exact folded word, plural "s" allowed).
#[rustfmt::skip]
const ROLE_WORDS: &[&str] = &[
    // en
    "president", "vice", "prime", "minister", "secretary", "deputy", "chairman", "chairwoman",
    "chairperson", "chair", "governor", "ambassador", "press", "aide", "chief", "head", "director",
    "mayor", "speaker", "chancellor", "king", "queen", "prince", "princess", "emir", "sultan",
    "general", "colonel", "commander", "admiral", "senator", "congressman", "congresswoman",
    "representative", "spokesman", "spokeswoman", "spokesperson", "adviser", "advisor", "assistant",
    "envoy", "leader", "premier", "first", "patriarch", "commissioner", "attorney", "judge",
    "justice", "counsel", "clerk", "moderator", "presenter", "anchor", "officer", "executive",
    "ceo", "founder", "manager", "member", "mp", "delegate", "lieutenant", "captain", "inspector",
    "rector", "witness", "interpreter", "correspondent", "chairs", "secretary-general",
    "undersecretary", "under-secretary", "ombudsman", "envoy",
    // fr
    "presidente", "ministre", "secretaire", "ambassadeur", "ambassadrice", "assistante",
    "conseiller", "conseillere", "chef", "cheffe", "directeur", "directrice", "gouverneur",
    "gouverneure", "maire", "porte-parole", "chancelier", "chanceliere", "roi", "reine",
    "princesse", "generale", "senateur", "senatrice", "depute", "deputee", "adjoint", "adjointe",
    "delegue", "deleguee", "envoye", "envoyee", "commandant", "patriarche", "journaliste",
    "moderateur", "moderatrice", "presentateur", "presentatrice", "animateur", "animatrice",
    "representant", "representante", "commissaire", "procureur", "juge", "dirigeant", "dirigeante",
    "responsable", "attache", "attachee", "consul", "premiere", "haut-commissaire",
    "sous-secretaire", "emissaire",
];

/// Russian role words as stems: a word matches when it starts with the stem and at most
/// three letters of case ending follow ("Президента", "Председателем").
#[rustfmt::skip]
const RU_ROLE_STEMS: &[&str] = &[
    "президент", "премьер", "министр", "помощник", "помощниц", "председател", "губернатор", "глава",
    "главы", "главе", "главой", "пресс", "секретар", "заместител", "посол", "посла", "послу",
    "послом", "советник", "руководител", "директор", "мэр", "канцлер", "корол", "генеральн",
    "генерал", "спикер", "депутат", "сенатор", "полпред", "представител", "вице", "первый",
    "первого", "первому", "первым", "ведущ", "модератор", "журналист", "патриарх", "управляющ",
    "начальник", "командующ", "уполномоченн", "генсек", "атташе", "консул", "спецпредставител",
    "замминистр", "вице-премьер", "эмир", "принц", "королев",
];

/// Institutions, bodies and fields of government (Latin scripts, folded). English titles
/// capitalise them ("Deputy Head of the Presidential Executive Office"), so they must not be
/// read as names.
#[rustfmt::skip]
const INSTITUTION_WORDS: &[&str] = &[
    // en
    "council", "union", "organisation", "organization", "ministry", "committee", "assembly",
    "federation", "republic", "state", "states", "kingdom", "parliament", "duma", "kremlin",
    "government", "office", "bureau", "agency", "service", "services", "forum", "summit",
    "commission", "company", "corporation", "fund", "university", "institute", "centre",
    "center", "party", "administration", "staff", "affairs", "defence", "defense", "finance",
    "finances", "energy", "health", "education", "interior", "economy", "development",
    "security", "trade", "industry", "culture", "transport", "transportation", "agriculture",
    "labour", "labor", "sports", "science", "emergencies", "relations", "resources",
    "environment", "treasury", "navy", "army", "forces", "senate", "congress", "cabinet",
    "secretariat", "delegation", "embassy", "nations", "community", "association", "academy",
    "department", "directorate", "authority", "foundation", "cooperation", "treaty", "alliance",
    "conference", "session", "meeting", "talks", "ceremony", "protocol", "presidency",
    "region", "oblast", "territory", "province", "district", "county",
    // fr
    "conseil", "organisation", "ministere", "comite", "assemblee", "republique", "etat", "etats",
    "royaume", "parlement", "douma", "gouvernement", "agence", "sommet", "societe", "banque",
    "fonds", "universite", "institut", "groupe", "parti", "affaires", "energie", "sante",
    "interieur", "economie", "developpement", "securite", "commerce", "industrie", "transports",
    "travail", "sciences", "environnement", "tresor", "marine", "armee", "senat", "chambre",
    "ambassade", "communaute", "academie", "departement", "autorite", "fondation", "traite",
    "conference", "seance", "reunion", "ceremonie", "presidence", "protocole", "territoire",
];

/// Russian institution words as stems (see [`RU_ROLE_STEMS`] for how they match).
#[rustfmt::skip]
const RU_INSTITUTION_STEMS: &[&str] = &[
    "совет", "союз", "организаци", "министерств", "комитет", "ассамбле", "федераци", "республик",
    "государств", "парламент", "дума", "думы", "думе", "думу", "думой", "правительств",
    "администраци", "аппарат", "кремл", "агентств", "служб", "форум", "саммит", "комисси",
    "университет", "институт", "центр", "парти", "фонд", "безопасност", "делегаци", "посольств",
    "сообществ", "ассоциаци", "академи", "департамент", "управлени", "секретариат", "договор",
    "альянс", "конференци", "заседани", "церемони", "протокол", "палат", "сенат", "ведомств",
    "корпораци", "компани", "министерств", "обороны", "энергетик", "транспорт",
    // Territories, which a role names in the genitive ("губернатор Тверской области").
    "област", "округ", "район", "края", "краю", "краем", "край",
];

/// Role words that are also common surnames: they count as a surname when they close a
/// label right after a name word ("Martin Luther King").
#[rustfmt::skip]
const ROLE_WORDS_ALSO_SURNAMES: &[&str] = &[
    "king", "prince", "judge", "chancellor", "general", "justice", "head", "chief", "first",
    "speaker", "leader", "member", "roi", "chef",
];

/// Labels that stand for whoever asked or spoke: never a named person.
#[rustfmt::skip]
const GENERIC_LABELS: &[&str] = &[
    "question", "questions", "q", "q.", "a", "a.", "answer", "reponse", "ответ", "вопрос", "remark",
    "remarks", "comment", "реплика", "replique", "commentaire", "комментарий", "journaliste",
    "journalist", "reporter", "correspondent", "correspondant", "корреспондент", "журналист",
    "voice", "voix", "голос", "audience", "participant", "participante", "участник",
    "speaker from the floor", "unidentified speaker", "intervenant", "off-mic",
    // Voices from the benches of a parliament.
    "members", "hon. members", "hon members", "some hon. members", "some hon members",
    "an hon. member", "an hon member", "some members", "voices", "some voices",
    "several voices", "des voix", "plusieurs voix", "голоса", "с места",
];

/// Parenthetical notes about translation, dropped from labels: "(как переведено)",
/// "(retranslated)", "(question retraduite)".
#[rustfmt::skip]
const TRANSLATION_MARKS: &[&str] = &[
    "перевод", "переведен", "translat", "traduit", "traduction", "interpret", "synchron",
    "inaudible", "неразборчиво", "off mic", "off-mic",
];

/// Russian and transliterated patronymic endings.
#[rustfmt::skip]
const PATRONYMIC_ENDINGS: &[&str] = &[
    "ович", "евич", "овна", "евна", "ична", "инична", "ovich", "evich", "ovna", "evna", "ichna",
    "ovitch", "evitch",
];

/// A word list as a hash set, built on first use.
type WordSet = LazyLock<HashSet<&'static str>>;

macro_rules! word_set {
    ($name:ident, $list:ident) => {
        static $name: WordSet = LazyLock::new(|| $list.iter().copied().collect());
    };
}

word_set!(STOP_SET, STOP_WORDS);
word_set!(COMPLEMENT_SET, COMPLEMENT_MARKERS);
word_set!(FOLLOWING_SET, FOLLOWING_COMPLEMENT_MARKERS);
word_set!(PARTICLE_SET, NAME_PARTICLES);
word_set!(FILLER_SET, LEADING_FILLERS);
word_set!(HONORIFIC_SET, HONORIFICS);
word_set!(ROLE_SET, ROLE_WORDS);
word_set!(RU_ROLE_SET, RU_ROLE_STEMS);
word_set!(ALSO_SURNAME_SET, ROLE_WORDS_ALSO_SURNAMES);
word_set!(INSTITUTION_SET, INSTITUTION_WORDS);
word_set!(RU_INSTITUTION_SET, RU_INSTITUTION_STEMS);
word_set!(GENERIC_SET, GENERIC_LABELS);

fn contains(set: &WordSet, word: &str) -> bool {
    set.contains(word)
}

/// Whether the folded word is an article, preposition, conjunction or clause opener.
pub(crate) fn is_stop_word(folded: &str) -> bool {
    contains(&STOP_SET, folded)
}

/// Whether a capitalised word right after this folded word is a role complement.
pub(crate) fn is_complement_marker(folded: &str) -> bool {
    contains(&COMPLEMENT_SET, folded)
}

/// Whether this folded word, right after a capitalised run, gives that run a complement.
pub(crate) fn is_following_complement_marker(folded: &str) -> bool {
    contains(&FOLLOWING_SET, folded)
}

/// Whether the folded word is a name particle ("bin", "de", "van").
pub(crate) fn is_particle(folded: &str) -> bool {
    contains(&PARTICLE_SET, folded)
}

/// Whether the folded word is a filler that opens a list entry or role phrase ("et", "the").
pub(crate) fn is_leading_filler(folded: &str) -> bool {
    contains(&FILLER_SET, folded)
}

/// Whether the folded word is an honorific ("mr.", "mme", "г-н").
pub(crate) fn is_honorific(folded: &str) -> bool {
    contains(&HONORIFIC_SET, folded)
}

/// Whether the folded word is a role word ("président", "Minister", "Президента",
/// "vice-ministre", "Пресс-секретарь").
pub(crate) fn is_role_word(folded: &str) -> bool {
    if role_word_exact(folded) {
        return true;
    }
    // Compounds: "vice-président", "пресс-секретарь", "haut-commissaire".
    folded.contains('-') && folded.split('-').any(role_word_exact)
}

fn role_word_exact(folded: &str) -> bool {
    if folded.is_empty() {
        return false;
    }
    if is_cyrillic_word(folded) {
        return has_ru_stem(&RU_ROLE_SET, folded);
    }
    contains(&ROLE_SET, folded) || latin_plural_in(&ROLE_SET, folded)
}

/// "chefs", "ministres", "présidents", "ambassadeurs": a plural of a word in `set`.
fn latin_plural_in(set: &WordSet, folded: &str) -> bool {
    folded
        .strip_suffix('s')
        .or_else(|| folded.strip_suffix('x'))
        .is_some_and(|single| single.len() > 2 && contains(set, single))
}

/// Letters that Russian case endings are made of.
pub(crate) const RU_ENDING_LETTERS: &[char] =
    &['а', 'я', 'о', 'е', 'и', 'ы', 'у', 'ю', 'й', 'ь', 'м', 'х'];

/// Whether the Cyrillic word is a stem of `set` followed by at most three letters of case
/// ending ("Президента", "Председателем"; not "Банков").
fn has_ru_stem(set: &WordSet, folded: &str) -> bool {
    if contains(set, folded) {
        return true;
    }
    for (i, c) in folded.char_indices().rev().take(3) {
        if !RU_ENDING_LETTERS.contains(&c) {
            return false;
        }
        if contains(set, folded.get(..i).unwrap_or("")) {
            return true;
        }
    }
    false
}

/// Whether a role word is a plural ("chefs", "Heads", "министры"): it speaks of a group,
/// so it does not introduce one person.
pub(crate) fn is_plural_role_word(folded: &str) -> bool {
    if is_cyrillic_word(folded) {
        return ["ы", "и", "ов", "ей", "ам", "ами", "ах"].iter().any(|end| {
            folded
                .strip_suffix(end)
                .is_some_and(|stem| contains(&RU_ROLE_SET, stem))
        });
    }
    !contains(&ROLE_SET, folded) && latin_plural_in(&ROLE_SET, folded)
}

/// Whether the folded word names an institution, a body or a field rather than a person
/// ("Council", "Union", "Office", "Affairs", "Conseil", "Правительства"): never a name word.
pub(crate) fn is_institution_word(folded: &str) -> bool {
    if is_cyrillic_word(folded) {
        return has_ru_stem(&RU_INSTITUTION_SET, folded);
    }
    contains(&INSTITUTION_SET, folded)
}

/// Whether the folded role word is also a common surname ("King").
pub(crate) fn is_role_word_also_surname(folded: &str) -> bool {
    contains(&ALSO_SURNAME_SET, folded)
}

/// Whether a folded label (parentheticals removed) is a generic speaker label:
/// "Question", "Вопрос", "Remark", or such a word followed by lowercase words only
/// ("Question from the audience", "Вопрос из зала").
pub(crate) fn is_generic_label(label: &str) -> bool {
    let trimmed = label.trim().trim_end_matches([':', '.', ',', ';']).trim();
    // Generic labels are a few words; a long text is something else (and not worth folding).
    if trimmed.is_empty() || trimmed.len() > 200 {
        return false;
    }
    let folded = crate::text::fold(trimmed);
    if contains(&GENERIC_SET, folded.as_str()) {
        return true;
    }
    let mut words = trimmed.split(' ');
    let Some(first) = words.next() else {
        return false;
    };
    let first = crate::text::fold(first);
    let first = first.trim_end_matches([':', '.', ',']);
    // A real qualifier is lowercase ("from the floor"); "Journaliste Jean Dupont" is a person.
    (contains(&GENERIC_SET, first) && first.chars().count() > 1)
        && words.all(|w| !w.chars().next().is_some_and(char::is_uppercase))
}

/// Whether a parenthetical (folded) is a note about translation, not information.
pub(crate) fn is_translation_note(folded: &str) -> bool {
    TRANSLATION_MARKS.iter().any(|m| folded.contains(m))
}

/// Whether the folded word is a patronymic ("Владимирович", "Sergeyevich").
pub(crate) fn is_patronymic(folded: &str) -> bool {
    PATRONYMIC_ENDINGS.iter().any(|end| {
        folded
            .strip_suffix(end)
            .is_some_and(|stem| stem.chars().count() >= 2)
    })
}

/// Whether the word is written in Cyrillic (judged by its first letter).
pub(crate) fn is_cyrillic_word(word: &str) -> bool {
    word.chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(|c| ('\u{0400}'..='\u{04FF}').contains(&c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_words_in_three_languages() {
        assert!(is_role_word("president"));
        assert!(is_role_word("ministres"));
        assert!(is_role_word("vice-ministre"));
        assert!(is_role_word("президента"));
        assert!(is_role_word("пресс-секретарь"));
        assert!(is_role_word("председателем"));
        assert!(!is_role_word("vladimir"));
        assert!(!is_role_word("после"));
        assert!(!is_role_word("kassym-jomart"));
        assert!(!is_role_word("министров"));
        assert!(is_plural_role_word("heads"));
        assert!(is_plural_role_word("chefs"));
        assert!(is_plural_role_word("министры"));
        assert!(!is_plural_role_word("president"));
        assert!(!is_plural_role_word("министр"));
    }

    #[test]
    fn institution_words() {
        assert!(is_institution_word("office"));
        assert!(is_institution_word("правительства"));
        assert!(is_institution_word("conseil"));
        assert!(!is_institution_word("банков"));
        assert!(!is_institution_word("poutine"));
    }

    #[test]
    fn generic_labels() {
        assert!(is_generic_label("Question"));
        assert!(is_generic_label("Вопрос"));
        assert!(is_generic_label("Réplique"));
        assert!(is_generic_label("Q"));
        assert!(is_generic_label("Question from the audience"));
        assert!(!is_generic_label("Journaliste Jean Dupont"));
        assert!(!is_generic_label("Vladimir Poutine"));
    }

    #[test]
    fn patronymics() {
        assert!(is_patronymic("владимирович"));
        assert!(is_patronymic("ивановна"));
        assert!(!is_patronymic("путин"));
    }
}

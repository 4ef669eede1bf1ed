//! Datelines and titles: "23 novembre 2023 à 15h40 à Minsk", "November 23, 2023, 15:40,
//! Minsk", "23 ноября 2023 года, 15:40, Минск" → ISO date, "HH:MM" time and place; and a
//! title line "5748 – Title – dateline" → title without its site counter, plus its dateline.

use std::sync::LazyLock;

use crate::text::fold;

/// What a dateline says.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Dateline {
    /// ISO date "YYYY-MM-DD".
    pub date: String,
    /// "HH:MM".
    pub time: Option<String>,
    /// The place as written.
    pub place: Option<String>,
}

/// Month names (folded: lowercase, no accents) in French, English and Russian, with the
/// Russian genitive forms that datelines use, and common abbreviations.
const MONTHS: &[(&str, u32)] = &[
    ("janvier", 1),
    ("janv", 1),
    ("fevrier", 2),
    ("fevr", 2),
    ("fev", 2),
    ("mars", 3),
    ("avril", 4),
    ("avr", 4),
    ("mai", 5),
    ("juin", 6),
    ("juillet", 7),
    ("juil", 7),
    ("aout", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("decembre", 12),
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
    ("января", 1),
    ("февраля", 2),
    ("марта", 3),
    ("апреля", 4),
    ("мая", 5),
    ("июня", 6),
    ("июля", 7),
    ("августа", 8),
    ("сентября", 9),
    ("октября", 10),
    ("ноября", 11),
    ("декабря", 12),
    ("январь", 1),
    ("февраль", 2),
    ("март", 3),
    ("апрель", 4),
    ("май", 5),
    ("июнь", 6),
    ("июль", 7),
    ("август", 8),
    ("сентябрь", 9),
    ("октябрь", 10),
    ("ноябрь", 11),
    ("декабрь", 12),
];

/// Weekday names (folded) that may stand before a date: "Wednesday 9 March 2022",
/// "Thursday, 10 June 2021", "mercredi 9 mars 2022", "среда, 9 марта 2022 года".
const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "понедельник",
    "вторник",
    "среда",
    "четверг",
    "пятница",
    "суббота",
    "воскресенье",
];

/// The first letters of [`MONTHS`], sorted.
static MONTH_INITIALS: LazyLock<Vec<char>> = LazyLock::new(|| {
    let mut initials: Vec<char> = MONTHS
        .iter()
        .filter_map(|(name, _)| name.chars().next())
        .collect();
    initials.sort_unstable();
    initials.dedup();
    initials
});

/// Separators between a title and its dateline.
const TITLE_SEPARATORS: &[&str] = &[" – ", " — ", " - ", " • ", " | "];

/// Longest title line that is split (a longer first line is not a title line).
const MAX_TITLE_BYTES: usize = 2000;

/// Parses a whole line as a dateline; `None` unless the line is a date, optionally followed
/// by a time and a place, and nothing else.
pub fn parse_dateline(line: &str) -> Option<Dateline> {
    let s = crate::text::trim(line);
    if s.len() > 200 {
        return None;
    }
    let (year, month, day, rest) = parse_date(s)?;
    let rest = skip_separators(rest);
    let (time, rest) = match parse_time(rest) {
        Some((time, rest)) => (Some(time), skip_separators(rest)),
        None => (None, rest),
    };
    let place = rest.trim().trim_end_matches(['.', ' ']);
    let place = if place.is_empty() {
        None
    } else if is_place(place) {
        Some(place.to_owned())
    } else {
        return None;
    };
    Some(Dateline {
        date: format!("{year:04}-{month:02}-{day:02}"),
        time,
        place,
    })
}

/// Splits a title line: strips a leading site counter ("5748 – ") and a trailing dateline
/// (`" – <dateline>"`). Returns the title and the dateline found, if any.
pub fn split_title(line: &str) -> (String, Option<Dateline>) {
    let s = strip_counter(line.trim());
    if s.len() > MAX_TITLE_BYTES {
        return (s.to_owned(), None);
    }
    // The leftmost separator whose remainder is a whole dateline: a title may itself hold
    // a dash, a dateline does not start with one.
    for (pos, _) in s.char_indices() {
        let Some(tail) = s.get(pos..) else { continue };
        for sep in TITLE_SEPARATORS {
            if let Some(after) = tail.strip_prefix(sep)
                && let Some(dateline) = parse_dateline(after)
            {
                let title = s.get(..pos).unwrap_or("").trim();
                return (title.to_owned(), Some(dateline));
            }
        }
    }
    (s.to_owned(), None)
}

/// Removes a site counter ("5748 – "): a number followed by a dash.
pub fn strip_counter(s: &str) -> &str {
    let Some((_, rest)) = take_number(s, 9) else {
        return s;
    };
    let rest = rest.trim_start();
    for dash in ['–', '—', '-'] {
        if let Some(after) = rest.strip_prefix(dash)
            && after.starts_with(' ')
        {
            let after = after.trim_start();
            if !after.is_empty() {
                return after;
            }
        }
    }
    s
}

/// A date at the start of `s`: "23 novembre 2023", "November 23, 2023", "23 ноября 2023
/// года", "23.11.2023", "2023-11-23". Returns year, month, day and what follows.
fn parse_date(s: &str) -> Option<(u32, u32, u32, &str)> {
    let s = skip_weekday(skip_sitting(s));
    let first = s.chars().next()?;
    let (year, month, day, rest) = if first.is_ascii_digit() {
        parse_numeric_date(s).or_else(|| parse_day_first(s))?
    } else {
        parse_month_first(s)?
    };
    if year < 1000 || !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
        return None;
    }
    // The date must end at a word boundary.
    if rest.chars().next().is_some_and(char::is_alphanumeric) {
        return None;
    }
    Some((year, month, day, skip_year_word(rest)))
}

/// Words that name the sitting a date is of, in the datelines of official records:
/// "Séance du jeudi 10 juin 2031", "Audience du 3 mars 2030", "Sitting of 4 May 2029".
const SITTING_WORDS: &[&str] = &[
    "seance du ",
    "seance publique du ",
    "audience du ",
    "reunion du ",
    "sitting of ",
    "meeting of ",
    "hearing of ",
];

/// `s` without a sitting's name in front ("Séance du "); only a date may follow it, as
/// the caller then asks.
fn skip_sitting(s: &str) -> &str {
    for words in SITTING_WORDS {
        // Compared letter by letter: "Séance" is longer in bytes than "seance".
        let end = s
            .char_indices()
            .nth(words.chars().count())
            .map_or(s.len(), |(i, _)| i);
        let Some(head) = s.get(..end) else {
            continue;
        };
        if fold(head) == *words {
            return s.get(end..).unwrap_or(s);
        }
    }
    s
}

/// `s` without a weekday in front ("Thursday, " / "mercredi ").
fn skip_weekday(s: &str) -> &str {
    let end = s
        .char_indices()
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(s.len(), |(i, _)| i);
    if end == 0 || end > 24 {
        return s;
    }
    let Some(word) = s.get(..end) else {
        return s;
    };
    if !WEEKDAYS.contains(&fold(word).as_str()) {
        return s;
    }
    let rest = s.get(end..).unwrap_or("");
    let rest = rest.strip_prefix('.').unwrap_or(rest);
    let rest = rest.strip_prefix(',').unwrap_or(rest);
    match rest.strip_prefix(' ') {
        Some(after) if after.starts_with(|c: char| c.is_alphanumeric()) => after,
        _ => s,
    }
}

/// "23 novembre 2023", "1er mai 2024", "23 ноября 2023".
fn parse_day_first(s: &str) -> Option<(u32, u32, u32, &str)> {
    let (day, rest) = take_number(s, 2)?;
    let rest = rest.strip_prefix("er").unwrap_or(rest);
    let rest = rest.strip_prefix(' ')?;
    let (month, rest) = take_month(rest)?;
    let rest = rest.strip_prefix(' ')?;
    let (year, rest) = take_year(rest)?;
    Some((year, month, day, rest))
}

/// "November 23, 2023", "Nov. 23, 2023".
fn parse_month_first(s: &str) -> Option<(u32, u32, u32, &str)> {
    let (month, rest) = take_month(s)?;
    let rest = rest.strip_prefix(' ')?;
    let (day, rest) = take_number(rest, 2)?;
    let rest = rest.strip_prefix(',').unwrap_or(rest);
    let rest = rest.strip_prefix(' ')?;
    let (year, rest) = take_year(rest)?;
    Some((year, month, day, rest))
}

/// "23.11.2023" or "2023-11-23".
fn parse_numeric_date(s: &str) -> Option<(u32, u32, u32, &str)> {
    if let Some((year, rest)) = take_year(s)
        && let Some(rest) = rest.strip_prefix('-')
    {
        let (month, rest) = take_number(rest, 2)?;
        let rest = rest.strip_prefix('-')?;
        let (day, rest) = take_number(rest, 2)?;
        return Some((year, month, day, rest));
    }
    let (day, rest) = take_number(s, 2)?;
    let rest = rest.strip_prefix('.')?;
    let (month, rest) = take_number(rest, 2)?;
    let rest = rest.strip_prefix('.')?;
    let (year, rest) = take_year(rest)?;
    Some((year, month, day, rest))
}

/// A month name at the start of `s` (an abbreviation may carry a dot).
fn take_month(s: &str) -> Option<(u32, &str)> {
    let end = s
        .char_indices()
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(s.len(), |(i, _)| i);
    // The longest month name is "сентября" (16 bytes); longer words need no folding.
    if end == 0 || end > 24 {
        return None;
    }
    let word = s.get(..end)?;
    // Most words tried are not months. A word whose first letter folds to no month's first
    // letter ("Le", "Président", "États") is turned away at once: a folded word starts
    // with its first letter's fold.
    let first = word.chars().next().and_then(|c| {
        if c.is_ascii() {
            Some(c.to_ascii_lowercase())
        } else {
            crate::text::folded_from_table(c).and_then(|f| f.chars().next())
        }
    });
    if first.is_some_and(|c| MONTH_INITIALS.binary_search(&c).is_err()) {
        return None;
    }
    // An ASCII word (letters only, so its fold is its lowercase) is compared from a buffer
    // on the stack, without a folded copy.
    let month = if word.is_ascii() {
        let mut buffer = [0u8; 24];
        let lower = buffer.get_mut(..end)?;
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        MONTHS.iter().find(|(name, _)| name.as_bytes() == lower)?.1
    } else {
        let folded = fold(word);
        MONTHS.iter().find(|(name, _)| *name == folded)?.1
    };
    let rest = s.get(end..)?;
    Some((month, rest.strip_prefix('.').unwrap_or(rest)))
}

/// A four-digit year.
fn take_year(s: &str) -> Option<(u32, &str)> {
    let (year, rest) = take_number(s, 4)?;
    let digits = s.len() - rest.len();
    (digits == 4).then_some((year, rest))
}

/// Skips the Russian "года" / "г." after a year.
fn skip_year_word(rest: &str) -> &str {
    let trimmed = rest.trim_start();
    for word in ["года", "год", "г."] {
        if let Some(after) = trimmed.strip_prefix(word)
            && !after.chars().next().is_some_and(char::is_alphanumeric)
        {
            return after;
        }
    }
    if let Some(after) = trimmed.strip_prefix('г')
        && !after.chars().next().is_some_and(char::is_alphanumeric)
    {
        return after;
    }
    rest
}

/// 1 to `max` ASCII digits at the start of `s`, and what follows.
pub(crate) fn take_number(s: &str, max: usize) -> Option<(u32, &str)> {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > max {
        return None;
    }
    let value = s.get(..digits)?.parse().ok()?;
    Some((value, s.get(digits..)?))
}

/// "15:40", "15h40", "15h", "10 a.m.", "1:31 P.M. EST" at the start of `s`.
fn parse_time(s: &str) -> Option<(String, &str)> {
    let (hour, rest) = take_number(s, 2)?;
    if let Some(time) = french_hours(hour, rest) {
        return Some(time);
    }
    let (minute, rest) = if let Some(after) = rest.strip_prefix([':', 'h', 'H', 'ч', '.']) {
        match take_number(after, 2) {
            Some((minute, rest)) if after.len() - rest.len() == 2 => (minute, rest),
            Some(_) => return None,
            // "15h" alone: on the hour (a colon needs its minutes).
            None if !rest.starts_with([':', '.']) => (0, after),
            None => return None,
        }
    } else if meridiem(rest).is_some() {
        (0, rest)
    } else {
        return None;
    };
    let (hour, rest) = match meridiem(rest) {
        Some((pm, after)) if (1..=12).contains(&hour) => {
            (hour % 12 + if pm { 12 } else { 0 }, skip_time_zone(after))
        }
        Some(_) => return None,
        None => (hour, rest),
    };
    if hour > 23 || minute > 59 || rest.chars().next().is_some_and(char::is_alphanumeric) {
        return None;
    }
    Some((format!("{hour:02}:{minute:02}"), rest))
}

/// The French spelled-out time after its hour: "10 heures", "15 heures 30", "10 h 5"
/// (the hour already read; `rest` is what follows it).
fn french_hours(hour: u32, rest: &str) -> Option<(String, &str)> {
    let after = ["heures", "heure", "h"]
        .iter()
        .find_map(|word| rest.strip_prefix(' ')?.strip_prefix(word))?;
    if after.chars().next().is_some_and(char::is_alphanumeric) {
        return None;
    }
    let (minute, after) = match after.strip_prefix(' ').and_then(|m| take_number(m, 2)) {
        Some((minute, more)) if !more.chars().next().is_some_and(char::is_alphanumeric) => {
            (minute, more)
        }
        _ => (0, after),
    };
    if hour > 23 || minute > 59 {
        return None;
    }
    Some((format!("{hour:02}:{minute:02}"), after))
}

/// " a.m." / " P.M." / "pm" at the start of `s`: whether after noon, and what follows.
fn meridiem(s: &str) -> Option<(bool, &str)> {
    let t = s.strip_prefix(' ').unwrap_or(s);
    for (mark, pm) in [("a.m.", false), ("p.m.", true), ("am", false), ("pm", true)] {
        if let Some(head) = t.get(..mark.len())
            && head.eq_ignore_ascii_case(mark)
        {
            let rest = t.get(mark.len()..).unwrap_or("");
            if !rest.chars().next().is_some_and(char::is_alphanumeric) {
                return Some((pm, rest));
            }
        }
    }
    None
}

/// A time zone after a time ("EST", "GMT", "UTC"): two to four capitals.
fn skip_time_zone(s: &str) -> &str {
    let t = s.trim_start();
    let len = t.bytes().take_while(u8::is_ascii_uppercase).count();
    let after = t.get(len..).unwrap_or("");
    if (2..=4).contains(&len) && !after.chars().next().is_some_and(char::is_alphanumeric) {
        after
    } else {
        s
    }
}

/// Skips the punctuation and little words between the parts of a dateline.
fn skip_separators(mut s: &str) -> &str {
    loop {
        s = s.trim_start();
        if let Some(rest) = s.strip_prefix([',', '–', '—', '-', '•', '|', '/', ';']) {
            s = rest;
            continue;
        }
        let mut skipped = false;
        for word in ["à ", "a ", "at ", "в ", "in ", "г. "] {
            if let Some(rest) = s.strip_prefix(word) {
                s = rest;
                skipped = true;
                break;
            }
        }
        if !skipped {
            return s;
        }
    }
}

/// Whether `s` reads like a place name ("Minsk", "Novo-Ogaryovo, Moscow Region") rather
/// than the rest of a sentence.
fn is_place(s: &str) -> bool {
    s.len() <= 120
        && s.split_whitespace().count() <= 8
        && s.chars().next().is_some_and(char::is_uppercase)
        && !s.contains([':', ';', '!', '?'])
        && !s.contains(". ")
        && !s.chars().any(|c| c.is_ascii_digit())
        && s.matches(',').count() <= 2
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dl(date: &str, time: Option<&str>, place: Option<&str>) -> Option<Dateline> {
        Some(Dateline {
            date: date.to_owned(),
            time: time.map(str::to_owned),
            place: place.map(str::to_owned),
        })
    }

    #[test]
    fn french_english_russian_datelines() {
        assert_eq!(
            parse_dateline("23 novembre 2023 à 15h40 à Minsk"),
            dl("2023-11-23", Some("15:40"), Some("Minsk"))
        );
        assert_eq!(
            parse_dateline("November 23, 2023, 15:40, Minsk"),
            dl("2023-11-23", Some("15:40"), Some("Minsk"))
        );
        assert_eq!(
            parse_dateline("23 ноября 2023 года, 15:40, Минск"),
            dl("2023-11-23", Some("15:40"), Some("Минск"))
        );
        assert_eq!(
            parse_dateline("23 November 2023"),
            dl("2023-11-23", None, None)
        );
        assert_eq!(
            parse_dateline("1er août 2024, Novo-Ogaryovo, Moscow Region"),
            dl("2024-08-01", None, Some("Novo-Ogaryovo, Moscow Region"))
        );
        assert_eq!(
            parse_dateline("14 March 2024, 9h, Varengrad."),
            dl("2024-03-14", Some("09:00"), Some("Varengrad"))
        );
    }

    #[test]
    fn month_names_are_read_as_folding_the_whole_word_reads_them() {
        let by_folding = |word: &str| {
            let folded = fold(word);
            MONTHS.iter().find(|(name, _)| *name == folded).map(|m| m.1)
        };
        for word in [
            "Août",
            "AOÛT",
            "février",
            "Février",
            "décembre",
            "Décembre",
            "НОЯБРЯ",
            "ноября",
            "Ёлки",
            "États",
            "Président",
            "Мая",
            "мая",
            "Ǆuly",
            "ǅ",
            "Ώρα",
            "Ā",
            "Ɐpril",
        ] {
            assert_eq!(
                take_month(word).map(|(month, _)| month),
                by_folding(word),
                "{word}"
            );
        }
    }

    #[test]
    fn sentences_and_captions_are_not_datelines() {
        assert_eq!(
            parse_dateline("23 novembre 2023, nous avons signé un accord."),
            None
        );
        assert_eq!(parse_dateline("3 Avec le président. Photo : X"), None);
        assert_eq!(parse_dateline("31 février 2023"), None);
        assert_eq!(parse_dateline("12 percent of trade"), None);
        assert_eq!(
            parse_dateline("23 ноября 2023 года мы подписали договор"),
            None
        );
        assert_eq!(parse_dateline("15:40"), None);
    }

    #[test]
    fn sittings_of_official_records_and_french_spelled_times() {
        assert_eq!(
            parse_dateline("Séance du jeudi 10 juin 2031, à 10 heures"),
            dl("2031-06-10", Some("10:00"), None)
        );
        assert_eq!(
            parse_dateline("Audience du 3 mars 2030 à 14 h 30, Varengrad"),
            dl("2030-03-03", Some("14:30"), Some("Varengrad"))
        );
        assert_eq!(
            parse_dateline("Sitting of Thursday, 4 May 2029, 15 heures 5"),
            dl("2029-05-04", Some("15:05"), None)
        );
        // The sitting's name needs a date after it; a time in a sentence is no dateline.
        assert_eq!(parse_dateline("Séance du Conseil"), None);
        assert_eq!(parse_dateline("La séance est ouverte à 10 h 5."), None);
        assert_eq!(parse_dateline("10 juin 2031, 10 hommes"), None);
    }

    #[test]
    fn weekdays_and_twelve_hour_times() {
        assert_eq!(
            parse_dateline("Wednesday 9 March 2022"),
            dl("2022-03-09", None, None)
        );
        assert_eq!(
            parse_dateline("Thursday, 10 June 2021, 10 a.m. Geneva"),
            dl("2021-06-10", Some("10:00"), Some("Geneva"))
        );
        assert_eq!(
            parse_dateline("mercredi 9 mars 2022"),
            dl("2022-03-09", None, None)
        );
        assert_eq!(
            parse_dateline("среда, 9 марта 2022 года, 15:00"),
            dl("2022-03-09", Some("15:00"), None)
        );
        assert_eq!(
            parse_dateline("May 14, 2031, 1:31 P.M. EST"),
            dl("2031-05-14", Some("13:31"), None)
        );
        assert_eq!(
            parse_dateline("May 14, 2031, 12 a.m."),
            dl("2031-05-14", Some("00:00"), None)
        );
        assert_eq!(parse_dateline("Thursday is a good day, 10 June 2021"), None);
        assert_eq!(parse_dateline("May 14, 2031, 13 p.m."), None);
    }

    #[test]
    fn title_loses_counter_and_dateline() {
        let (title, dateline) =
            split_title("5748 – Sommet de l’OTSC – 23 novembre 2023 à 15h40 à Minsk");
        assert_eq!(title, "Sommet de l’OTSC");
        assert_eq!(dateline, dl("2023-11-23", Some("15:40"), Some("Minsk")));

        let (title, dateline) = split_title("Day two – talks – March 14, 2024, 11:30, Varengrad");
        assert_eq!(title, "Day two – talks");
        assert_eq!(dateline.map(|d| d.date), Some("2024-03-14".to_owned()));

        assert_eq!(split_title("Plain title"), ("Plain title".to_owned(), None));
        assert_eq!(split_title("12 – "), ("12 –".to_owned(), None));
    }
}

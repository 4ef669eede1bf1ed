//! The sound key of one word of a name: the same for the Russian original and its English,
//! French and German spellings ("Шойгу", "Shoigu", "Choïgou", "Schoigu" → "Soigu").
//!
//! The word is folded (case, accents, "ё" as "е"), transliterated to ASCII by `deunicode`,
//! then the spellings the four languages give one Russian sound are written alike. The key
//! is for comparing, never for showing.

/// Spellings written alike, longest first at each position. Upper-case letters stand for
/// one sound spelled several ways, so "sh" and "S" never meet by accident.
const SPELLINGS: &[(&str, &str)] = &[
    // щ: English "shch", French "chtch", German "schtsch".
    ("schtsch", "S"),
    ("chtch", "S"),
    ("shch", "S"),
    // ч and ш are one class: English "ch" is ч, French "ch" is ш, German writes "tsch"
    // and "sch"; telling them apart would need the source language of every spelling.
    ("tsch", "S"),
    ("tch", "S"),
    ("sch", "S"),
    ("sh", "S"),
    ("ch", "S"),
    // ж: English "zh" (French "j" is left to the glide rule: German and English use it
    // for й far more often in names).
    ("zh", "Z"),
    // х: English "kh", German "ch" (taken above) and French "kh".
    ("kh", "h"),
    // ц: English "ts", German "z" or "tz".
    ("tz", "c"),
    ("ts", "c"),
    // кс: "Aleksandr", "Alexandre".
    ("ks", "x"),
    // French "ou" is у; "gue"/"gui" keep a hard "g" in French ("Sergueï").
    ("ou", "u"),
    ("gue", "ge"),
    ("gui", "gi"),
    // German "w" is в.
    ("w", "v"),
    // й, ы and the glides of я, ю, е: "y", "j" and "i" in one language or another.
    ("y", "i"),
    ("j", "i"),
];

/// The sound key of one word (see the module doc). Empty for a word with no letter.
pub fn word_key(word: &str) -> String {
    let ascii = deunicode::deunicode(&crate::text::fold(word));
    let letters: String = ascii
        .chars()
        .filter(char::is_ascii_alphabetic)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    let spelled = respell(&letters);
    tidy(&spelled)
}

/// Writes every spelling of [`SPELLINGS`] as its key, left to right.
fn respell(letters: &str) -> String {
    let mut out = String::with_capacity(letters.len());
    let mut rest = letters;
    'outer: while let Some(c) = rest.chars().next() {
        for (spelling, key) in SPELLINGS {
            if let Some(after) = rest.strip_prefix(spelling) {
                out.push_str(key);
                rest = after;
                continue 'outer;
            }
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// The last touches: doubled letters once ("Kassianov", "Dmitrii"), a glide before an
/// opening "e" dropped ("Yevgeny", "Jewgeni" and "Evgueni" alike) and a French closing
/// "e" after a consonant dropped ("Poutine", "Alexandre").
fn tidy(spelled: &str) -> String {
    let mut out = String::with_capacity(spelled.len());
    for c in spelled.chars() {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    if out.starts_with("ie") && out.len() > 3 {
        out.remove(0);
    }
    let bytes = out.as_bytes();
    if out.len() > 4
        && out.ends_with('e')
        && bytes
            .get(bytes.len() - 2)
            .is_some_and(|b| !b"aeiou".contains(b))
    {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::word_key;

    #[test]
    fn one_sound_one_key() {
        for group in [
            ["Шойгу", "Shoigu", "Choïgou", "Schoigu"],
            ["Лукашенко", "Lukashenko", "Loukachenko", "Lukaschenko"],
            ["Путин", "Putin", "Poutine", "Putin"],
            ["Евгений", "Yevgeny", "Evgueni", "Jewgeni"],
            ["Юрий", "Yuri", "Iouri", "Juri"],
            ["Песков", "Peskov", "Peskov", "Peskow"],
        ] {
            let keys: Vec<String> = group.iter().map(|w| word_key(w)).collect();
            assert!(
                keys.windows(2).all(|w| w[0] == w[1]),
                "{group:?} gave {keys:?}"
            );
        }
    }

    #[test]
    fn different_names_keep_different_keys() {
        assert_ne!(word_key("Ivanov"), word_key("Ivanova"));
        assert_ne!(word_key("Putin"), word_key("Patin"));
        assert_eq!(word_key("—"), "");
    }
}

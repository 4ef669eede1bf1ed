//! The words and marks the line pre-pass reads by (see [`super`]): data, kept apart from
//! the rules in [`crate::parse::lines`], [`crate::parse::furniture`] and
//! [`crate::parse::wrap`] so that a language can be added without touching a rule.

/// Words that name a photo, compared without ASCII case: a number before a line that
/// holds one is a caption's ("3 Caption. Photo: …"), not a margin's.
pub(crate) const PHOTO_WORDS_ASCII: [&str; 2] = ["photo", "foto"];

/// Words that name a photo outside ASCII, in the cases they are written in.
pub(crate) const PHOTO_WORDS_OTHER: [&str; 3] = ["фото", "Фото", "ФОТО"];

/// Words of a page counter ("Page 3 of 40", "Pg. 3", "Seite 3"), compared without
/// ASCII case.
pub(crate) const PAGE_WORDS_ASCII: [&str; 3] = ["page", "pg.", "seite"];

/// Words of a page counter outside ASCII ("Стр. 3"), in the cases they are written in.
pub(crate) const PAGE_WORDS_OTHER: [&str; 5] = ["стр.", "Стр.", "СТР.", "страница", "Страница"];

/// What opens a stage direction ("(Laughter.)", "[Pause]"): such a line is never page
/// furniture, however often it repeats.
pub(crate) const STAGE_DIRECTION_OPENERS: [char; 2] = ['(', '['];

/// Punctuation that ends a spoken sentence or clause: a repeated line that ends so
/// ("Thank you.") is speech, not a running header.
pub(crate) const SPEECH_ENDS: [char; 7] = ['.', ',', ';', '!', '?', ':', '…'];

/// Punctuation that ends a sentence, for the joiner: after it, a new line starts a new
/// paragraph unless the wrap forced the break.
pub(crate) const SENTENCE_ENDS: [char; 6] = ['.', '!', '?', '…', ':', ';'];

/// Closing quotes and brackets read past when looking for a sentence's end
/// ("… he said.”").
pub(crate) const CLOSING_MARKS: [char; 6] = ['"', '”', '»', '\'', '’', ')'];

/// Marks a wrapped line may start with besides a letter or digit (an opening bracket or
/// quote); any other mark ("<…>", "* * *", "- item") starts a line of its own.
pub(crate) const CONTINUATION_OPENERS: [char; 8] = ['(', '[', '"', '“', '«', '„', '\'', '‘'];

/// What joins a caption's number to the size of its series ("3/21", "3 of 21",
/// "3 из 21").
pub(crate) const CAPTION_SERIES_JOINS: [&str; 3] = ["/", " of ", " из "];

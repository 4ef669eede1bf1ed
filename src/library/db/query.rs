//! The library search's query language: words that must all be there, "quoted phrases",
//! prefixes (`velsk*`), and filters `speaker:NAME`, `from:DATE`, `to:DATE`, `lang:CODE`.
//! Words are folded the way the document search folds text (case, accents, ё/е, ß/ss,
//! œ/oe, curly quotes), so they match the folded text the full-text index holds.

use crate::search::fold_query;
use crate::text::fold;

/// One thing the text must hold.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Term {
    /// Tokens in a row (one token for a plain word).
    Phrase(Vec<String>),
    /// Tokens in a row, the last one a prefix.
    Prefix(Vec<String>),
}

impl Term {
    /// The term's tokens.
    pub fn tokens(&self) -> &[String] {
        match self {
            Term::Phrase(t) | Term::Prefix(t) => t,
        }
    }
}

/// A parsed query.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    /// What the text must hold, all of it.
    pub terms: Vec<Term>,
    /// Only speeches of a speaker whose name, alias or role holds this (folded).
    pub speaker: Option<String>,
    /// Only files dated on or after this ("YYYY", "YYYY-MM" or "YYYY-MM-DD").
    pub from: Option<String>,
    /// Only files dated on or before this (a year or month reaches to its end).
    pub to: Option<String>,
    /// Only files in this language (ISO 639-1 code).
    pub language: Option<String>,
}

/// A query that cannot be understood, in words for the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QueryError(pub String);

impl std::fmt::Display for QueryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl Query {
    /// Parses `text`. Unknown `word:` prefixes are read as words.
    pub fn parse(text: &str) -> Result<Self, QueryError> {
        let mut query = Query::default();
        for (raw, quoted) in pieces(text) {
            if !quoted && let Some((key, value)) = raw.split_once(':') {
                let value = value.trim();
                match key.to_ascii_lowercase().as_str() {
                    "speaker" | "by" => {
                        let name = fold(value).trim().to_owned();
                        if !name.is_empty() {
                            query.speaker = Some(name);
                        }
                        continue;
                    }
                    "from" => {
                        query.from = Some(date_bound(value, false)?);
                        continue;
                    }
                    "to" => {
                        query.to = Some(date_bound(value, true)?);
                        continue;
                    }
                    "lang" | "language" => {
                        query.language = Some(value.to_ascii_lowercase());
                        continue;
                    }
                    _ => {}
                }
            }
            let prefix = !quoted && raw.ends_with('*');
            let tokens = tokens(&fold_query(raw.trim_end_matches('*')));
            if tokens.is_empty() {
                continue;
            }
            query.terms.push(if prefix {
                Term::Prefix(tokens)
            } else {
                Term::Phrase(tokens)
            });
        }
        Ok(query)
    }

    /// Sets the date bounds from API parameters (the same forms `from:` and `to:` take);
    /// `None` keeps what the query said.
    pub fn with_dates(mut self, from: Option<&str>, to: Option<&str>) -> Result<Self, QueryError> {
        if let Some(from) = from {
            self.from = Some(date_bound(from, false)?);
        }
        if let Some(to) = to {
            self.to = Some(date_bound(to, true)?);
        }
        Ok(self)
    }

    /// Sets the speaker filter from an API parameter.
    pub fn with_speaker(mut self, speaker: Option<&str>) -> Self {
        if let Some(name) = speaker.map(|s| fold(s).trim().to_owned())
            && !name.is_empty()
        {
            self.speaker = Some(name);
        }
        self
    }

    /// Whether the query asks for nothing to match.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// The FTS5 expression: every term as a quoted string, all of them required.
    pub fn fts_expression(&self) -> String {
        self.terms
            .iter()
            .map(|t| {
                let quoted = format!("\"{}\"", t.tokens().join(" ").replace('"', "\"\""));
                match t {
                    Term::Phrase(_) => quoted,
                    Term::Prefix(_) => format!("{quoted}*"),
                }
            })
            .collect::<Vec<_>>()
            .join(" AND ")
    }
}

/// The query cut into pieces: runs without spaces, or "quoted" (a quote may also open
/// after `key:`, as in `speaker:"Anna Orlova"`). Each with whether it was a quoted phrase.
fn pieces(text: &str) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    let mut chars = text.chars().peekable();
    let is_quote = |c: char| matches!(c, '"' | '“' | '”' | '«' | '»' | '„');
    while let Some(&c) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
            continue;
        }
        let mut piece = String::new();
        let mut quoted = false;
        if is_quote(c) {
            chars.next();
            for c in chars.by_ref() {
                if is_quote(c) {
                    break;
                }
                piece.push(c);
            }
            out.push((piece, true));
            continue;
        }
        while let Some(&c) = chars.peek() {
            if c.is_whitespace() {
                break;
            }
            chars.next();
            if is_quote(c) && piece.ends_with(':') {
                // key:"value with spaces"
                for c in chars.by_ref() {
                    if is_quote(c) {
                        break;
                    }
                    piece.push(c);
                }
                quoted = false;
                break;
            }
            piece.push(c);
        }
        out.push((piece, quoted));
    }
    out
}

/// The tokens of folded text as the full-text index cuts it (runs of letters and digits).
pub fn tokens(folded: &str) -> Vec<String> {
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
        .collect()
}

/// A date bound in the ISO form files are dated in; an upper bound of a year or a month
/// reaches to its last day.
fn date_bound(value: &str, upper: bool) -> Result<String, QueryError> {
    let parts: Vec<&str> = value.split('-').collect();
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    let ok = match parts.as_slice() {
        [y] => digits(y, 4),
        [y, m] => digits(y, 4) && digits(m, 2),
        [y, m, d] => digits(y, 4) && digits(m, 2) && digits(d, 2),
        _ => false,
    };
    if !ok {
        return Err(QueryError(format!(
            "\"{value}\" is not a date: use 2024, 2024-03 or 2024-03-01"
        )));
    }
    Ok(match (parts.len(), upper) {
        (1, true) => format!("{value}-12-31"),
        (2, true) => format!("{value}-31"),
        _ => value.to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn phrase(words: &[&str]) -> Term {
        Term::Phrase(words.iter().map(|w| (*w).to_owned()).collect())
    }

    #[test]
    fn words_phrases_prefixes_and_filters() {
        let q = Query::parse(
            r#"Choïgou "Baltic  Council" velsk* speaker:"Anna Orlova" from:2023 to:2024-03 lang:EN"#,
        );
        let Ok(q) = q else {
            panic!("{q:?}");
        };
        assert_eq!(
            q.terms,
            vec![
                phrase(&["choigou"]),
                phrase(&["baltic", "council"]),
                Term::Prefix(vec!["velsk".to_owned()]),
            ]
        );
        assert_eq!(q.speaker.as_deref(), Some("anna orlova"));
        assert_eq!(q.from.as_deref(), Some("2023"));
        assert_eq!(q.to.as_deref(), Some("2024-03-31"));
        assert_eq!(q.language.as_deref(), Some("en"));
        assert_eq!(
            q.fts_expression(),
            r#""choigou" AND "baltic council" AND "velsk"*"#
        );
    }

    #[test]
    fn folding_matches_the_document_search() {
        let q = Query::parse("Ёлка Straße Œuvre l’Europe").unwrap_or_default();
        assert_eq!(
            q.terms,
            vec![
                phrase(&["елка"]),
                phrase(&["strasse"]),
                phrase(&["oeuvre"]),
                phrase(&["l", "europe"]),
            ]
        );
    }

    #[test]
    fn bad_dates_and_empty_queries() {
        assert!(Query::parse("from:yesterday").is_err());
        assert!(Query::parse("to:2024-3").is_err());
        assert!(Query::parse("  -- * ").is_ok_and(|q| q.is_empty()));
        assert!(Query::parse("\"unterminated phrase").is_ok_and(|q| q.terms.len() == 1));
    }
}

//! Search hits written out for other tools: CSV (one row per hit) and JSON (a list of
//! hits), both with the file, its title and date, the speaker, the paragraph and the
//! snippet (the query's words between square brackets).

use super::hits::HitList;

/// The column names of [`hits_csv`].
pub const CSV_COLUMNS: &[&str] = &[
    "path",
    "title",
    "date",
    "speaker",
    "paragraph",
    "place",
    "snippet",
];

/// The hits as CSV (RFC 4180: comma-separated, fields quoted when needed, CRLF lines).
pub fn hits_csv(hits: &HitList) -> String {
    let mut out = String::new();
    out.push_str(&CSV_COLUMNS.join(","));
    out.push_str("\r\n");
    for (file, hit) in hits.hits() {
        let fields = [
            file.path.display().to_string(),
            file.title.clone(),
            file.date.clone().unwrap_or_default(),
            hit.speaker.clone().unwrap_or_default(),
            hit.paragraph.to_string(),
            hit.label.clone(),
            hit.snippet.marked("[", "]"),
        ];
        let row: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
        out.push_str(&row.join(","));
        out.push_str("\r\n");
    }
    out
}

/// A CSV field, quoted when it holds a comma, a quote or a line break.
fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

/// The hits as a JSON list of objects with `path`, `title`, `date`, `speaker`,
/// `paragraph`, `place` and `snippet`, and `sitting` (from 1) for a sitting of a corpus.
pub fn hits_json(hits: &HitList) -> String {
    let list: Vec<serde_json::Value> = hits
        .hits()
        .map(|(file, hit)| {
            let mut row = serde_json::json!({
                "path": file.path.display().to_string(),
                "title": file.title,
                "date": file.date,
                "speaker": hit.speaker,
                "paragraph": hit.paragraph,
                "place": hit.label,
                "snippet": hit.snippet.marked("[", "]"),
            });
            // A sitting of a corpus shares its path with the others: its number tells it.
            if file.part > 0
                && let Some(fields) = row.as_object_mut()
            {
                fields.insert("sitting".to_owned(), file.part.into());
            }
            row
        })
        .collect();
    let mut text = serde_json::to_string_pretty(&list).unwrap_or_else(|_| "[]".to_owned());
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_with_commas_quotes_or_breaks_are_quoted() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a, b"), "\"a, b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("two\nlines"), "\"two\nlines\"");
    }

    #[test]
    fn no_hits_is_a_header_or_an_empty_list() {
        let none = HitList::default();
        assert_eq!(
            hits_csv(&none),
            "path,title,date,speaker,paragraph,place,snippet\r\n"
        );
        assert_eq!(hits_json(&none), "[]\n");
    }
}

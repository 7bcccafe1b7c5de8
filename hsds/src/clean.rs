//! Text cleanup shared by every importer: what publishers' exports do to
//! text, undone; nothing else rewritten.
//!
//! - literal escape sequences (`\n`, `\r\n`, `\t` written as two characters)
//!   become the whitespace they stand for;
//! - HTML entities (`&amp;`, `&#39;`, `&nbsp;`) are decoded;
//! - spaces are trimmed and collapsed.
//!
//! Tags, markers and wording are left as the publisher wrote them.

/// One-line text (names, ids, codes, phone numbers): every run of
/// whitespace, line breaks included, becomes one space; surrounding quotes
/// left by a double-quoting export are removed. Empty text is `None`.
pub(crate) fn line(text: &str) -> Option<String> {
    let text = decode(text);
    let collapsed = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let cleaned = unquote(&collapsed);
    (!cleaned.is_empty()).then(|| cleaned.to_owned())
}

/// Prose (descriptions, eligibility, fees, how to apply): paragraphs are
/// kept, each line trimmed with its inner spaces collapsed, and runs of blank
/// lines reduced to one. Empty text is `None`.
pub(crate) fn prose(text: &str) -> Option<String> {
    let text = decode(text);
    let mut out = String::with_capacity(text.len());
    let mut blank = false;
    for line in text.lines() {
        let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if line.is_empty() {
            blank = !out.is_empty();
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank { "\n\n" } else { "\n" });
        }
        blank = false;
        out.push_str(&line);
    }
    let trimmed = unquote(&out);
    (!trimmed.is_empty()).then(|| trimmed.to_owned())
}

/// Removes one pair of quotes around the whole text, left by exports that
/// quote twice (`"""+44 1234 234567"""`).
fn unquote(text: &str) -> &str {
    let text = text.trim();
    match text.strip_prefix('"').and_then(|t| t.strip_suffix('"')) {
        Some(inner) if !inner.contains('"') => inner.trim(),
        _ => text,
    }
}

/// Literal escapes to whitespace, then HTML entities decoded.
fn decode(text: &str) -> String {
    let text = if text.contains('\\') {
        text.replace("\\r\\n", "\n")
            .replace("\\n", "\n")
            .replace("\\r", "\n")
            .replace("\\t", " ")
    } else {
        text.to_owned()
    };
    if text.contains('&') {
        html_escape::decode_html_entities(&text).replace('\u{a0}', " ")
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literal_newlines_from_miami_descriptions_become_paragraphs() {
        let text = r"Girl Scouts build courage.\n\nCall to register.\n";
        assert_eq!(
            prose(text).as_deref(),
            Some("Girl Scouts build courage.\n\nCall to register.")
        );
        assert_eq!(
            line(text).as_deref(),
            Some("Girl Scouts build courage. Call to register.")
        );
    }

    #[test]
    fn html_entities_are_decoded_and_tags_kept() {
        assert_eq!(
            line("Meals &amp; laundry&nbsp;&#8212; free").as_deref(),
            Some("Meals & laundry — free")
        );
        assert_eq!(
            line("<b>Open</b> daily").as_deref(),
            Some("<b>Open</b> daily")
        );
        assert_eq!(
            line("Parents&#39; group").as_deref(),
            Some("Parents' group")
        );
    }

    #[test]
    fn one_line_and_prose() {
        assert_eq!(
            line("  Food\\nBank &amp; Pantry ").as_deref(),
            Some("Food Bank & Pantry")
        );
        assert_eq!(
            line("\"+44 1234 234567\"").as_deref(),
            Some("+44 1234 234567")
        );
        assert_eq!(line(" \\n "), None);
        assert_eq!(
            prose("Hot meals.\\n\\n\\n  Call   first.  ").as_deref(),
            Some("Hot meals.\n\nCall first.")
        );
    }

    #[test]
    fn quotes_inside_text_are_kept() {
        assert_eq!(line("Say \"hi\"").as_deref(), Some("Say \"hi\""));
        assert_eq!(
            line("\"Feed the City\" wall").as_deref(),
            Some("\"Feed the City\" wall")
        );
    }

    #[test]
    fn padded_fields_are_trimmed() {
        // Baltimore's fees column is padded with spaces to 126 characters.
        let padded = format!("None.{}", " ".repeat(121));
        assert_eq!(line(&padded).as_deref(), Some("None."));
        assert_eq!(line("FL "), Some("FL".to_owned()));
        assert_eq!(prose("\r\n \t"), None);
    }
}

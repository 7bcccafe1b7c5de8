//! What every text field of a record is checked for before it is read:
//! size, bytes that were not UTF-8, HTML markup. Each finding is reported
//! against the record's file, row and field; the record is kept.
//!
//! - A field longer than [`MAX_FIELD_BYTES`] is cut there (at a character
//!   boundary): no description is that long, and one such field would
//!   otherwise weigh on every search that shows the record.
//! - Bytes that were not UTF-8 were replaced by U+FFFD when the file was
//!   decoded; the field is named so the publisher can fix the source.
//! - HTML markup (`<b>`, `<script>`, `<img …>`) is kept as text, as written
//!   ([`crate::clean`]): every surface shows it as text, never as markup.

use serde_json::Value;

/// The longest text field kept whole, in bytes (64 KiB).
pub const MAX_FIELD_BYTES: usize = 64 * 1024;

/// One finding: the field (a path such as `service_at_locations[0].location.name`)
/// and what is wrong with it, as a sentence that names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Finding {
    pub field: String,
    pub reason: String,
}

/// Checks every string in `record`, cutting those over [`MAX_FIELD_BYTES`].
/// `replaced`: whether the file had bytes that were not UTF-8, so that a
/// U+FFFD stands for them (a file that is valid UTF-8 may hold U+FFFD itself).
pub(crate) fn record(record: &mut Value, replaced: bool) -> Vec<Finding> {
    let mut findings = Vec::new();
    let mut path = String::new();
    walk(record, &mut path, replaced, &mut findings);
    findings
}

fn walk(value: &mut Value, path: &mut String, replaced: bool, out: &mut Vec<Finding>) {
    match value {
        Value::String(text) => {
            for reason in text_field(text, replaced) {
                out.push(Finding {
                    field: path.clone(),
                    reason: format!("{path} {reason}"),
                });
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter_mut().enumerate() {
                let len = path.len();
                path.push_str(&format!("[{i}]"));
                walk(item, path, replaced, out);
                path.truncate(len);
            }
        }
        Value::Object(fields) => {
            for (key, item) in fields.iter_mut() {
                let len = path.len();
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
                walk(item, path, replaced, out);
                path.truncate(len);
            }
        }
        Value::Null | Value::Bool(_) | Value::Number(_) => {}
    }
}

/// The findings of one text field, cutting it when too long: what follows
/// the field's name in a sentence ("is 1048576 bytes long; …").
pub(crate) fn text_field(text: &mut String, replaced: bool) -> Vec<String> {
    let mut reasons = Vec::new();
    if let Some(length) = cut(text) {
        reasons.push(format!(
            "is {length} bytes long; only the first {} are kept",
            text.len()
        ));
    }
    if replaced && text.contains('\u{fffd}') {
        reasons.push("has bytes that are not UTF-8, replaced by U+FFFD".into());
    }
    if let Some(tag) = html_tag(text) {
        reasons.push(format!("holds HTML markup ({tag}), kept as text"));
    }
    reasons
}

/// Cuts `text` to at most [`MAX_FIELD_BYTES`], at a character boundary;
/// its length before, when it was cut.
pub(crate) fn cut(text: &mut String) -> Option<usize> {
    if text.len() <= MAX_FIELD_BYTES {
        return None;
    }
    let length = text.len();
    let mut end = MAX_FIELD_BYTES;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.truncate(end);
    Some(length)
}

/// The first HTML tag in `text`, cut to 40 characters: `<` then a letter,
/// `/` or `!`, up to the next `>`.
pub(crate) fn html_tag(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(at) = text[from..].find('<').map(|i| i + from) {
        let next = bytes.get(at + 1).copied().unwrap_or(b' ');
        if next.is_ascii_alphabetic() || next == b'/' || next == b'!' {
            if let Some(end) = text[at..].find('>') {
                let tag = &text[at..=at + end];
                return Some(if tag.chars().count() > 40 {
                    format!("{}…", tag.chars().take(40).collect::<String>())
                } else {
                    tag.to_owned()
                });
            }
            return None;
        }
        from = at + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_fields_are_cut_at_a_character_boundary() {
        let mut text = "é".repeat(MAX_FIELD_BYTES);
        let reasons = text_field(&mut text, false);
        assert_eq!(text.len(), MAX_FIELD_BYTES);
        assert_eq!(
            reasons,
            [format!(
                "is {} bytes long; only the first {MAX_FIELD_BYTES} are kept",
                2 * MAX_FIELD_BYTES
            )]
        );
    }

    #[test]
    fn markup_and_replaced_bytes_are_found_with_their_path() {
        let mut value = serde_json::json!({
            "name": "<img src=x onerror=alert(1)>",
            "description": "a < b and c > d",
            "phones": [{"number": "555\u{fffd}"}],
        });
        let findings = record(&mut value, true);
        assert_eq!(
            findings,
            [
                Finding {
                    field: "name".into(),
                    reason: "name holds HTML markup (<img src=x onerror=alert(1)>), kept as text"
                        .into()
                },
                Finding {
                    field: "phones[0].number".into(),
                    reason: "phones[0].number has bytes that are not UTF-8, replaced by U+FFFD"
                        .into()
                },
            ]
        );
        assert!(
            record(&mut value, false).len() == 1,
            "U+FFFD in valid UTF-8 is text"
        );
    }
}

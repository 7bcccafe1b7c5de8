//! The handout as one self-contained HTML page with print styles.

use super::{Handout, Page, Value};

/// Screen and print styles: one column, large type, each service kept on
/// one page where it fits, links printed as plain text.
const STYLE: &str = "\
:root{color-scheme:light}\
body{font:12pt/1.45 system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans','DejaVu Sans',sans-serif;color:#111;max-width:46rem;margin:2rem auto;padding:0 1rem}\
h1{font-size:1.6rem;margin:0 0 .25rem}\
.intro{margin:0 0 1.5rem;color:#333}\
.service{border:1px solid #999;border-radius:6px;padding:.75rem 1rem;margin:0 0 1rem;break-inside:avoid;page-break-inside:avoid}\
.service h2{font-size:1.25rem;margin:0}\
.org{margin:0 0 .5rem;color:#333}\
.status{font-weight:bold;border-left:4px solid #b00;padding-left:.5rem}\
dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:.5rem 0}\
dt{font-weight:bold}dd{margin:0}dd p{margin:0}\
.verified{font-size:.9rem;color:#444;margin:.5rem 0 0}\
.help{font-weight:bold;border-top:2px solid #111;padding-top:.75rem;margin-top:1.5rem}\
footer{font-size:.9rem;color:#444}\
a{color:#0645ad}\
@page{margin:15mm}\
@media print{body{margin:0;max-width:none;font-size:11pt}a{color:inherit;text-decoration:none}.service{border-color:#666}}";

pub(super) fn render(handout: &Handout) -> String {
    let page: Page = handout.page();
    let mut out = String::with_capacity(4096);
    out.push_str(&format!(
        "<!doctype html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<header>\n<h1>{}</h1>\n\
         <p class=\"intro\">{}</p>\n</header>\n<main>\n",
        page.lang.code(),
        escape(page.title),
        escape(page.title),
        escape(page.intro)
    ));
    for block in &page.blocks {
        out.push_str("<section class=\"service\">\n");
        out.push_str(&format!("<h2>{}</h2>\n", escape(&block.name)));
        if let Some(organization) = &block.organization {
            out.push_str(&format!("<p class=\"org\">{}</p>\n", escape(organization)));
        }
        if let Some(status) = block.status {
            out.push_str(&format!("<p class=\"status\">{}</p>\n", escape(status)));
        }
        if let Some(description) = &block.description {
            out.push_str(&format!("<p>{}</p>\n", escape(description)));
        }
        out.push_str("<dl>\n");
        for field in &block.fields {
            out.push_str(&format!("<dt>{}</dt><dd>", escape(field.label)));
            for value in &field.values {
                out.push_str(&format!("<p>{}</p>", value_html(value)));
            }
            out.push_str("</dd>\n");
        }
        out.push_str("</dl>\n");
        out.push_str(&format!(
            "<p class=\"verified\">{}</p>\n",
            escape(&block.verified)
        ));
        out.push_str("</section>\n");
    }
    out.push_str(&format!(
        "</main>\n<footer>\n<p class=\"help\">{}</p>\n",
        escape(&page.help_line)
    ));
    if let Some(footer) = &page.footer {
        out.push_str(&format!("<p>{}</p>\n", escape(footer)));
    }
    out.push_str("</footer>\n</body>\n</html>\n");
    out
}

/// A value, linked where a link helps on screen: phone numbers (`tel:`),
/// web pages (only `http:` and `https:`), email addresses (`mailto:`).
fn value_html(value: &Value) -> String {
    match value {
        Value::Text(text) => escape(text),
        Value::Phone { number, shown } => {
            let dial: String = number
                .chars()
                .filter(|c| c.is_ascii_digit() || *c == '+')
                .collect();
            if dial.is_empty() {
                escape(shown)
            } else {
                format!("<a href=\"tel:{dial}\">{}</a>", escape(shown))
            }
        }
        Value::Url(url) => {
            let lower = url.to_ascii_lowercase();
            if lower.starts_with("https://") || lower.starts_with("http://") {
                format!("<a href=\"{}\">{}</a>", escape(url), escape(url))
            } else {
                escape(url)
            }
        }
        Value::Email(email) => {
            format!("<a href=\"mailto:{}\">{}</a>", escape(email), escape(email))
        }
    }
}

/// Escapes text for HTML content and quoted attribute values.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::tests::meals;
    use super::super::{Handout, Lang};
    use super::*;

    #[test]
    fn the_page_is_self_contained_and_escaped() {
        let html = Handout::new(Lang::Fr).service(meals()).html();
        assert!(html.starts_with("<!doctype html>\n<html lang=\"fr\">"));
        assert!(html.contains("@media print"));
        assert!(html.contains("$5 a meal &lt;or less&gt;."));
        assert!(!html.contains("<script"));
        assert!(!html.contains(" src="));
        assert!(html.contains("<a href=\"tel:7055550100\">705-555-0100 poste 2</a>"));
        assert!(html.contains("<dt>Quoi apporter</dt><dd><p>Health card</p></dd>"));
    }

    #[test]
    fn only_web_links_are_links() {
        assert_eq!(
            value_html(&Value::Url("javascript:alert(1)".into())),
            "javascript:alert(1)"
        );
        assert!(value_html(&Value::Url("https://a.example/?q=1&r=2".into()))
            .contains("href=\"https://a.example/?q=1&amp;r=2\""));
    }
}

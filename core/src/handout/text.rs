//! The handout as plain text: for a terminal, an email or an EMR's notes.

use super::{Handout, Page};

/// Wrap width, in characters.
const WIDTH: usize = 78;

pub(super) fn render(handout: &Handout) -> String {
    let page: Page = handout.page();
    let mut out = String::new();
    let rule = "=".repeat(page.title.chars().count());
    out.push_str(&format!("{}\n{rule}\n\n", page.title));
    wrap(&mut out, page.intro, "");
    for (n, block) in page.blocks.iter().enumerate() {
        out.push('\n');
        let heading = format!("{}. {}", n + 1, block.name);
        out.push_str(&format!(
            "{heading}\n{}\n",
            "-".repeat(heading.chars().count())
        ));
        if let Some(organization) = &block.organization {
            wrap(&mut out, organization, "");
        }
        if let Some(status) = block.status {
            wrap(&mut out, &format!("!! {status}"), "");
        }
        if let Some(description) = &block.description {
            wrap(&mut out, description, "");
        }
        for field in &block.fields {
            let values: Vec<&str> = field.values.iter().map(|v| v.text()).collect();
            let label = format!("{}{}", field.label, page.colon);
            if values.len() == 1 {
                wrap(&mut out, &format!("{label}{}", values[0]), "  ");
            } else {
                out.push_str(&format!("{}\n", label.trim_end()));
                for value in values {
                    wrap(&mut out, &format!("- {value}"), "    ");
                }
            }
        }
        wrap(&mut out, &block.verified, "");
    }
    out.push('\n');
    wrap(&mut out, &page.help_line, "");
    if let Some(footer) = &page.footer {
        wrap(&mut out, footer, "");
    }
    out
}

/// Appends `text` wrapped at [`WIDTH`] characters, continuation lines
/// starting with `indent`; a word longer than a line stays whole.
fn wrap(out: &mut String, text: &str, indent: &str) {
    for paragraph in text.lines() {
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            let len = line.chars().count();
            if len > 0 && len + 1 + word.chars().count() > WIDTH {
                out.push_str(&line);
                out.push('\n');
                line = indent.to_owned();
            }
            if !line.trim().is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::meals;
    use super::super::{Handout, Lang};

    #[test]
    fn english_text_names_each_field() {
        let text = Handout::new(Lang::En)
            .service(meals())
            .help_line("Call 211.")
            .text();
        for line in [
            "Your referral",
            "1. Meals on Wheels",
            "Seniors Centre",
            "Address: Seniors Centre: 12 Elm St, Sudbury, ON P3E 2C6",
            "Phone: 705-555-0100 ext. 2",
            "Hours: Mon–Fri: 9:00 a.m. to 5:00 p.m.",
            "How to get the service: Call to register.",
            "What to bring: Health card",
            "Cost:",
            "- Fees depend on income",
            "- $5 a meal <or less>.",
            "Languages: English, French",
            "Who it is for:",
            "- Ages 65 and over",
            "Information verified on May 10, 2024.",
            "Call 211.",
        ] {
            assert!(
                text.lines().any(|l| l.trim() == line),
                "no line {line:?} in\n{text}"
            );
        }
    }

    #[test]
    fn french_text_is_french() {
        let text = Handout::new(Lang::Fr).service(meals()).text();
        assert!(text.starts_with("Votre référence\n"));
        assert!(
            text.contains("\nHeures : lun. au ven. : 9 h à 17 h\n"),
            "{text}"
        );
        assert!(text.contains("\nQuoi apporter : Health card\n"), "{text}");
        assert!(text.contains("Renseignements vérifiés le 10 mai 2024."));
        assert!(text.contains("Composez le 211"));
    }

    #[test]
    fn long_lines_wrap() {
        let mut service = meals();
        service.description = Some("word ".repeat(60));
        let text = Handout::new(Lang::En).service(service).text();
        assert!(text.lines().all(|l| l.chars().count() <= 78), "{text}");
    }
}

//! Expanding text templates: `[a|b|c]` picks one alternative, `{name}`
//! is replaced by a variable.

use rand::Rng;

/// Expands `template` into `out`: each `[a|b|…]` group becomes one of its
/// alternatives (drawn from `rng`, possibly empty), each `{name}` the value
/// of `name` in `vars`. Groups do not nest. An unknown `{name}` or an
/// unclosed bracket is copied as it stands.
pub(crate) fn expand(template: &str, vars: &[(&str, &str)], rng: &mut impl Rng, out: &mut String) {
    let mut rest = template;
    while let Some(at) = rest.find(['[', '{']) {
        out.push_str(&rest[..at]);
        let open = rest.as_bytes()[at];
        let close = if open == b'[' { ']' } else { '}' };
        let Some(len) = rest[at + 1..].find(close) else {
            out.push_str(&rest[at..]);
            return;
        };
        let inner = &rest[at + 1..at + 1 + len];
        if open == b'[' {
            let count = inner.split('|').count();
            let pick = rng.random_range(0..count as u32) as usize;
            let choice = inner.split('|').nth(pick).unwrap_or("");
            expand_vars(choice, vars, out);
        } else {
            match vars.iter().find(|(name, _)| *name == inner) {
                Some((_, value)) => out.push_str(value),
                None => out.push_str(&rest[at..at + len + 2]),
            }
        }
        rest = &rest[at + len + 2..];
    }
    out.push_str(rest);
}

/// Replaces `{name}` variables (no alternatives) in `text`.
fn expand_vars(text: &str, vars: &[(&str, &str)], out: &mut String) {
    let mut rest = text;
    while let Some(at) = rest.find('{') {
        out.push_str(&rest[..at]);
        let Some(len) = rest[at + 1..].find('}') else {
            break;
        };
        let name = &rest[at + 1..at + 1 + len];
        match vars.iter().find(|(n, _)| *n == name) {
            Some((_, value)) => out.push_str(value),
            None => out.push_str(&rest[at..at + len + 2]),
        }
        rest = &rest[at + len + 2..];
    }
    out.push_str(rest);
}

/// [`expand`] into a new string.
pub(crate) fn render(template: &str, vars: &[(&str, &str)], rng: &mut impl Rng) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    expand(template, vars, rng, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;
    use rand_chacha::ChaCha8Rng;

    #[test]
    fn alternatives_and_variables_are_expanded() {
        let mut rng = ChaCha8Rng::seed_from_u64(1);
        let vars = [("city", "Sudbury")];
        let mut seen = std::collections::BTreeSet::new();
        for _ in 0..200 {
            seen.insert(render(
                "[Free|Low-cost] meals in {city}[ daily|].",
                &vars,
                &mut rng,
            ));
        }
        let expected: std::collections::BTreeSet<String> = [
            "Free meals in Sudbury daily.",
            "Free meals in Sudbury.",
            "Low-cost meals in Sudbury daily.",
            "Low-cost meals in Sudbury.",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        assert_eq!(seen, expected);
    }

    #[test]
    fn variables_inside_alternatives_and_unknown_names() {
        let mut rng = ChaCha8Rng::seed_from_u64(2);
        let vars = [("city", "Hearst")];
        assert_eq!(render("[à {city}]", &vars, &mut rng), "à Hearst");
        assert_eq!(
            render("{nope} and [open", &vars, &mut rng),
            "{nope} and [open"
        );
    }
}

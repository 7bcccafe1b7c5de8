//! What a service costs: free, sliding scale or fee, from HSDS 3
//! `cost_options` rows and from fees text, in English or French ("None.",
//! "Free", "No cost", "Sliding fee scale", "$50 administration fee",
//! "Service gratuit.", "Aucuns frais.").
//!
//! Text is read conservatively: words that do not plainly say free, sliding
//! scale or a fee ("See notes.", "Vary.", "Medicaid accepted") leave the cost
//! unknown, and the text itself stays in the service's fees description.

use servicematch::Cost;

/// The cost of one HSDS 3 cost option: its `option` words and `amount`.
pub(crate) fn from_option(option: Option<&str>, amount: Option<f64>) -> Cost {
    let words = option.unwrap_or_default().to_lowercase();
    if words.contains("sliding") {
        Cost::SlidingScale
    } else if words.contains("free") || words.contains("no cost") || amount == Some(0.0) {
        Cost::Free
    } else if amount.is_some_and(|a| a > 0.0) || mentions_fee(&words) {
        Cost::Fee
    } else {
        Cost::Unknown
    }
}

/// The cost fees text states plainly, else [`Cost::Unknown`].
pub(crate) fn from_fees(text: &str) -> Cost {
    let words = text.trim().to_lowercase();
    let bare = words.trim_end_matches(['.', '!', ' ']);
    if words.contains("sliding")
        || words.contains("échelle mobile")
        || words.contains("selon le revenu")
    {
        return Cost::SlidingScale;
    }
    let free = matches!(
        bare,
        "none" | "free" | "no" | "$0" | "0" | "no fee" | "no fees" | "no charge" | "no cost"
    ) || words.starts_with("none")
        || words.starts_with("free")
        || words.starts_with("gratuit")
        || [
            "gratuit",
            "aucuns frais",
            "aucun frais",
            "sans frais",
            "no cost",
            "no charge",
            "free of charge",
            "no fee",
            "at no cost",
            "without charge",
        ]
        .iter()
        .any(|phrase| words.contains(phrase));
    if free {
        return Cost::Free;
    }
    if mentions_fee(&words) {
        return Cost::Fee;
    }
    Cost::Unknown
}

/// A dollar amount or a fee word.
fn mentions_fee(words: &str) -> bool {
    let dollars = words
        .match_indices('$')
        .any(|(at, _)| words[at + 1..].starts_with(|c: char| c.is_ascii_digit()));
    dollars
        || words
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .any(|w| {
                matches!(
                    w,
                    "fee" | "fees" | "copay" | "co-pay" | "copayment" | "tuition" | "frais"
                )
            })
}

/// The cheaper of two costs for the person: what they can get it for.
pub(crate) fn cheapest(a: Cost, b: Cost) -> Cost {
    match (a, b) {
        (Cost::Unknown, c) | (c, Cost::Unknown) => c,
        (Cost::Free, _) | (_, Cost::Free) => Cost::Free,
        (Cost::SlidingScale, _) | (_, Cost::SlidingScale) => Cost::SlidingScale,
        _ => Cost::Fee,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fees_text_as_211s_write_it() {
        for (text, want) in [
            ("None.", Cost::Free),
            (
                "None.  Voluntary donation basket is passed at meetings.",
                Cost::Free,
            ),
            ("Free", Cost::Free),
            ("Services are provided at no cost.", Cost::Free),
            ("Sliding fee scale.", Cost::SlidingScale),
            ("$50 Administration fee. $25 for juveniles.", Cost::Fee),
            ("Fees vary by program", Cost::Fee),
            ("See notes.", Cost::Unknown),
            ("Vary.", Cost::Unknown),
            (
                "Medicaid, Medicare and private insurance accepted",
                Cost::Unknown,
            ),
            ("Coffee and snacks provided", Cost::Unknown),
            ("Service gratuit.", Cost::Free),
            ("Aucuns frais.", Cost::Free),
            ("Frais de 10 $ par visite", Cost::Fee),
        ] {
            assert_eq!(from_fees(text), want, "{text}");
        }
    }

    #[test]
    fn cost_options_and_the_cheapest_of_several() {
        assert_eq!(
            from_option(Some("Under 18s and Over 60s"), Some(35.0)),
            Cost::Fee
        );
        assert_eq!(from_option(Some("Adults"), Some(0.0)), Cost::Free);
        assert_eq!(from_option(None, None), Cost::Unknown);
        assert_eq!(cheapest(Cost::Fee, Cost::SlidingScale), Cost::SlidingScale);
        assert_eq!(cheapest(Cost::Unknown, Cost::Fee), Cost::Fee);
    }
}

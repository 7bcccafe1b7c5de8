//! Accessibility notes → the wheelchair flag.
//!
//! A note flags wheelchair access when it says so plainly ("Wheelchair
//! accessible", "Handicap accessible", "ADA accessible", "Accessible en
//! fauteuil roulant") and does not deny it ("Not wheelchair accessible",
//! "no wheelchair access", "pas accessible en fauteuil roulant"). Every note is
//! kept as the publisher wrote it.

/// Whether an accessibility note says the place is wheelchair accessible.
pub(crate) fn wheelchair(note: &str) -> bool {
    let note = note.to_lowercase();
    let says = [
        "wheelchair",
        "handicap accessible",
        "handicapped accessible",
        "ada accessible",
        "ada compliant",
        "fauteuil roulant",
        "fauteuils roulants",
    ]
    .iter()
    .any(|w| note.contains(w));
    let denies = [
        "not ",
        "no wheelchair",
        "inaccessible",
        "isn't",
        "is not",
        "limited",
        "n/a",
        "pas ",
        "non accessible",
    ]
    .iter()
    .any(|w| note.contains(w));
    says && !denies
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_notes_only() {
        assert!(wheelchair("Handicap accessible"));
        assert!(wheelchair("Wheelchair access is possible on all levels."));
        assert!(!wheelchair("Not wheelchair accessible"));
        assert!(!wheelchair("Limited wheelchair access"));
        assert!(!wheelchair("disabled_parking"));
        assert!(wheelchair("Accessible en fauteuil roulant"));
        assert!(!wheelchair("Pas accessible en fauteuil roulant"));
    }
}

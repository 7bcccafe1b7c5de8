//! A location's street address on one line, from the parts exports split
//! it into ("address_1", "address_2", city, province or state).

/// The columns (JSON: keys) an HSDS address is split into, in reading order.
pub(crate) const PARTS: [&str; 6] = [
    "address_1",
    "address_2",
    "address_3",
    "address_4",
    "city",
    "state_province",
];

/// The non-empty parts joined by ", ", or `None` when all are empty.
pub(crate) fn one_line<I>(parts: I) -> Option<String>
where
    I: IntoIterator<Item = Option<String>>,
{
    let parts: Vec<String> = parts.into_iter().flatten().collect();
    (!parts.is_empty()).then(|| parts.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_parts_are_left_out() {
        let parts = [
            Some("11347 SW 160th Street".to_owned()),
            None,
            Some("Miami".to_owned()),
            Some("FL".to_owned()),
        ];
        assert_eq!(
            one_line(parts).as_deref(),
            Some("11347 SW 160th Street, Miami, FL")
        );
        assert_eq!(one_line([None, None]), None);
    }
}

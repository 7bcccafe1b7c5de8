//! A CSV input's columns, found by name in its header row.

use crate::error::Error;

/// The positions of the `names` columns in the header of `reader`'s input,
/// `file` by name.
///
/// # Errors
/// [`ErrorKind::InvalidData`](crate::ErrorKind::InvalidData) naming the
/// first column that is missing; the error of [`Error::csv`] when the header
/// cannot be read.
pub(crate) fn locate<R: std::io::Read, const N: usize>(
    file: &str,
    reader: &mut csv::Reader<R>,
    names: [&str; N],
) -> Result<[usize; N], Error> {
    let headers = reader.headers().map_err(|e| Error::csv(file, e))?;
    let mut at = [0; N];
    for (at, name) in at.iter_mut().zip(names) {
        *at = headers
            .iter()
            .position(|h| h == name)
            .ok_or_else(|| Error::invalid_data(format!("{file}: no column \"{name}\"")))?;
    }
    Ok(at)
}

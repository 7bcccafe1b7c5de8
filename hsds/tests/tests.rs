//! The importer's integration tests, one binary.

// Importing HSDS: the Open Referral fixtures, hand-made messy exports, zip
// archives, format detection, errors that name the file.
mod import;

// The real Miami and Baltimore 211 exports in ../shared/data/real
// (evaluation only, read in place; ignored when absent).
mod real_exports;

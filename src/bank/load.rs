//! Parsing and validation (filled by the bank-loading work).

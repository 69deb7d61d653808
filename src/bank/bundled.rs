//! Banks embedded in the binary (filled by the bank-loading work).

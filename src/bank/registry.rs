//! All loaded banks (filled by the bank-loading work).
pub struct BankSet;

//! The SQLite store (filled by the store work).

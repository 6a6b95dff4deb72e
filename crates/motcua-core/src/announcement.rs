//! The press announcement text (stub).

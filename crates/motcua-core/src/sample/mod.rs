//! Synthetic sample data (stub).

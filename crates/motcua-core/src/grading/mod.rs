//! Grading by rulebooks (stub).

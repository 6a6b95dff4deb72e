//! Python bindings (stub).

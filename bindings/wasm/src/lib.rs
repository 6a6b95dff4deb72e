//! WebAssembly bindings (stub).

//! Examples of motcua: run them with `cargo run -p motcua-examples --example NAME`.

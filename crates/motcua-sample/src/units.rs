//! The grading facts of the `soc-trang-2021` sample (its units file): see
//! [`crate::grading::sample_units`].

pub use crate::grading::sample_units::soc_trang_2021_units;

//! The grading facts of the `soc-trang-2021` sample (its units file).

pub use crate::units_data::soc_trang_2021_units;

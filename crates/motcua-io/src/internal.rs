//! The last line of defence: a failure inside motcua or one of its dependencies (a panic)
//! becomes an [`InternalError`], with a message asking for a bug report, instead of
//! crashing the command or the host program.
//!
//! ```
//! use motcua_io::internal::contain;
//!
//! let ok = contain(|| 2 + 2).unwrap();
//! assert_eq!(ok, 4);
//! let err = contain(|| -> u32 { panic!("boom") }).unwrap_err();
//! assert!(err.to_string().contains("boom"));
//! ```

use std::panic::{AssertUnwindSafe, catch_unwind};

/// Where bug reports go.
pub const REPORT_URL: &str = "https://github.com/motcua/motcua/issues";

/// A failure that is motcua's fault, not the input's: the message asks for a report.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "lỗi nội bộ của motcua (internal error): {detail}; xin báo lỗi kèm tệp đầu vào tại {url} (please report it with the input at {url})",
    url = REPORT_URL
)]
#[non_exhaustive]
pub struct InternalError {
    /// What failed (the panic's message).
    pub detail: String,
}

impl InternalError {
    /// An internal error with this detail.
    #[must_use]
    pub fn new(detail: impl Into<String>) -> Self {
        Self {
            detail: detail.into(),
        }
    }

    /// The internal error of a caught panic's payload.
    #[must_use]
    pub fn from_panic(payload: &(dyn std::any::Any + Send)) -> Self {
        Self::new(panic_text(payload))
    }
}

/// The text of a panic's payload (`panic!("…")` gives a `&str` or a `String`).
#[must_use]
pub fn panic_text(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_owned()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "unexpected failure".to_owned()
    }
}

/// Runs `f`; a panic inside it becomes an [`InternalError`]. Nothing `f` touched is used
/// after a panic, so no broken state is observed.
pub fn contain<T>(f: impl FnOnce() -> T) -> Result<T, InternalError> {
    catch_unwind(AssertUnwindSafe(f)).map_err(|p| InternalError::from_panic(p.as_ref()))
}

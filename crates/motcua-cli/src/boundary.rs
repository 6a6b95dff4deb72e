//! The command's last line of defence: a panic anywhere (motcua's or a dependency's)
//! becomes motcua's internal error, printed once with a request for a report, and exit
//! status 1, never Rust's 101; a closed standard error changes nothing.

use std::io::Write as _;
use std::process::ExitCode;
use std::sync::Mutex;

use motcua_io::internal::{InternalError, contain, panic_text};

/// Where the last panic happened, recorded by the hook (which prints nothing itself).
static LAST_PANIC: Mutex<Option<String>> = Mutex::new(None);

/// Runs the command `main`; a panic becomes an internal error with status 1.
#[must_use]
pub fn guard(main: impl FnOnce() -> ExitCode) -> ExitCode {
    std::panic::set_hook(Box::new(|info| {
        let at = info
            .location()
            .map(|l| format!(" ({}:{})", l.file(), l.line()))
            .unwrap_or_default();
        let text = format!("{}{at}", panic_text(info.payload()));
        if let Ok(mut last) = LAST_PANIC.lock() {
            last.get_or_insert(text);
        }
    }));
    match contain(main) {
        Ok(code) => code,
        Err(e) => {
            let recorded = LAST_PANIC.lock().ok().and_then(|mut l| l.take());
            let e = recorded.map_or(e, InternalError::new);
            print_error(&e);
            ExitCode::FAILURE
        }
    }
}

/// Prints `motcua: error: …` on standard error, once; a closed standard error is ignored.
pub fn print_error(e: &dyn std::fmt::Display) {
    let _ = writeln!(std::io::stderr(), "motcua: error: {e}");
}

/// An error and its causes as one line, each cause once: a cause whose text the message
/// already holds (an error that shows its source) is not repeated.
#[must_use]
pub fn chain_text(e: &anyhow::Error) -> String {
    let mut text = String::new();
    for cause in e.chain() {
        let c = cause.to_string();
        if text.contains(&c) {
            continue;
        }
        if !text.is_empty() {
            text.push_str(": ");
        }
        text.push_str(&c);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cause_shown_by_its_error_is_printed_once() {
        let io = std::io::Error::other("Is a directory");
        let e = anyhow::Error::new(motcua_io::ReadError::Stream(io)).context("input /tmp/d");
        assert_eq!(chain_text(&e), "input /tmp/d: read error: Is a directory");
    }
}

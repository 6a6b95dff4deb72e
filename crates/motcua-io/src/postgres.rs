//! A PostgreSQL query as the dossier table (feature `postgres`; not in the WebAssembly
//! build): the query's rows are streamed with `COPY (query) TO STDOUT WITH CSV HEADER` into
//! the streaming CSV reader ([`crate::dossiers`]), so memory stays bounded whatever the
//! table's size, and source profiles apply as they do to files.
//!
//! The session's time zone is set to `Asia/Ho_Chi_Minh` and its date style to ISO, so that
//! `timestamptz` columns come out as local times (`2021-07-01 09:00:00+07`, microseconds
//! when there are any), which the contract's timestamp forms accept.
//!
//! ```
//! use motcua_io::postgres::redacted;
//! use motcua_io::resolve::is_database_uri;
//! assert!(is_database_uri("postgresql://motcua@localhost:5432/mc"));
//! assert!(!is_database_uri("dossiers.csv"));
//! assert_eq!(redacted("postgresql://me:secret@db/mc"), "postgresql://me:***@db/mc");
//! ```

use motcua_core::calendar::Calendar;
use motcua_core::dossier::Dossier;

use crate::blocks::Ingested;
use crate::dossiers::ReadOptions;
use crate::input::InputError;

/// `uri` with its password, if any, replaced by `***`, for messages.
#[must_use]
pub fn redacted(uri: &str) -> String {
    let Some((scheme, rest)) = uri.split_once("://") else {
        return uri.to_owned();
    };
    let Some((auth, host)) = rest.rsplit_once('@') else {
        return uri.to_owned();
    };
    match auth.split_once(':') {
        Some((user, _)) => format!("{scheme}://{user}:***@{host}"),
        None => uri.to_owned(),
    }
}

/// The `COPY` statement that streams `query`'s rows as CSV with a header.
fn copy_statement(query: &str) -> Result<String, InputError> {
    let q = query.trim().trim_end_matches(';').trim();
    if q.is_empty() {
        return Err(InputError::File(
            "a PostgreSQL input needs a query (--query \"SELECT … FROM …\")".to_owned(),
        ));
    }
    Ok(format!(
        "COPY ({q}) TO STDOUT WITH (FORMAT csv, HEADER true)"
    ))
}

/// What the server said, as a message that says what to fix.
fn message(what: &str, uri: &str, e: &postgres::Error) -> InputError {
    let text = match e.as_db_error() {
        Some(db) => {
            let at = db
                .position()
                .map(|p| match p {
                    postgres::error::ErrorPosition::Original(n) => {
                        format!(" (at character {n} of the query)")
                    }
                    postgres::error::ErrorPosition::Internal { position, .. } => {
                        format!(" (at character {position} of an internal query)")
                    }
                })
                .unwrap_or_default();
            format!("{}{at}", db.message())
        }
        None => e.to_string(),
    };
    InputError::File(format!("PostgreSQL {}: {what}: {text}", redacted(uri)))
}

/// A reader that, once at its end, stays there: a finished `COPY` stream is an error when
/// read again, as a reader that peeks for more input does.
struct Fused<R> {
    inner: R,
    done: bool,
}

impl<R> Fused<R> {
    fn new(inner: R) -> Self {
        Self { inner, done: false }
    }
}

impl<R: std::io::Read> std::io::Read for Fused<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.done || buf.is_empty() {
            return Ok(0);
        }
        let n = self.inner.read(buf)?;
        self.done = n == 0;
        Ok(n)
    }
}

/// Reads the rows of `query` on the server of `uri` as the dossier table, giving each
/// dossier to `visit`; `progress` is told the bytes received.
pub fn read_query(
    uri: &str,
    query: &str,
    calendar: &Calendar,
    opts: &ReadOptions,
    progress: &(dyn Fn(u64) + Sync),
    visit: impl FnMut(&Dossier),
) -> Result<Ingested, InputError> {
    let copy = copy_statement(query)?;
    let mut client = postgres::Client::connect(uri.trim(), postgres::NoTls)
        .map_err(|e| message("cannot connect", uri, &e))?;
    client
        .batch_execute("SET TimeZone TO 'Asia/Ho_Chi_Minh'; SET DateStyle TO 'ISO, YMD'")
        .map_err(|e| message("cannot set the session", uri, &e))?;
    let reader = client
        .copy_out(copy.as_str())
        .map_err(|e| message("the query failed", uri, &e))?;
    crate::dossiers::read_dossiers(Fused::new(reader), calendar, opts, progress, visit).map_err(
        |e| match e {
            crate::ReadError::Stream(io) => InputError::File(format!(
                "PostgreSQL {}: the rows stopped coming: {io}",
                redacted(uri)
            )),
            other => other.into(),
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_query_is_wrapped_in_copy() {
        assert_eq!(
            copy_statement(" SELECT * FROM d; ").unwrap(),
            "COPY (SELECT * FROM d) TO STDOUT WITH (FORMAT csv, HEADER true)"
        );
        assert!(copy_statement(" ; ").is_err());
    }

    #[test]
    fn a_refused_connection_names_the_server_without_its_password() {
        let e = read_query(
            "postgresql://me:secret@127.0.0.1:1/none",
            "SELECT 1",
            &Calendar::vn(),
            &ReadOptions::default(),
            &|_| {},
            |_| {},
        )
        .unwrap_err()
        .to_string();
        assert!(e.contains("cannot connect"), "{e}");
        assert!(e.contains("me:***@127.0.0.1:1"), "{e}");
        assert!(!e.contains("secret"), "{e}");
    }
}

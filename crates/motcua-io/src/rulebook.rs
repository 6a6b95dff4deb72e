//! Reading rulebook files: a file's `extends` may name a built-in rulebook or another file,
//! relative to the file's folder (with or without its `.toml` ending).

use std::path::{Path, PathBuf};

use motcua_core::grading::{Rulebook, RulebookError};

/// A rulebook file that cannot be used.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum RulebookFileError {
    /// The file cannot be read.
    #[error("cannot read rulebook file {}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// The file is not a valid rulebook (with its line).
    #[error(transparent)]
    Rulebook(#[from] RulebookError),
}

/// Reads and validates a rulebook file.
pub fn read_rulebook_file(path: &Path) -> Result<Rulebook, RulebookFileError> {
    let text = std::fs::read_to_string(path).map_err(|source| RulebookFileError::Io {
        path: path.to_owned(),
        source,
    })?;
    let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
    let resolve = |name: &str| -> Option<String> {
        let p = dir.join(name);
        std::fs::read_to_string(&p)
            .ok()
            .or_else(|| std::fs::read_to_string(p.with_extension("toml")).ok())
    };
    Ok(Rulebook::parse(
        &text,
        &path.display().to_string(),
        &resolve,
    )?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_extends_a_sibling_file_and_a_builtin() {
        let dir = tempfile::tempdir().unwrap();
        let base = motcua_core::grading::builtin_toml("circular-01-2018")
            .unwrap()
            .replace("id = \"circular-01-2018\"", "id = \"my-base\"");
        std::fs::write(dir.path().join("my-base.toml"), base).unwrap();
        let mine = "id = \"mine\"\nextends = \"my-base\"\n";
        let p = dir.path().join("mine.toml");
        std::fs::write(&p, mine).unwrap();
        let book = read_rulebook_file(&p).unwrap();
        assert_eq!(book.id, "mine");
        assert_eq!(
            book.indicators.len(),
            9,
            "the indicators come from the sibling file"
        );
        std::fs::write(&p, "id = \"mine\"\nextends = \"my-base\"\nmax = \"x\"\n").unwrap();
        assert!(matches!(
            read_rulebook_file(&p),
            Err(RulebookFileError::Rulebook(_))
        ));
        let missing = read_rulebook_file(&dir.path().join("nope.toml")).unwrap_err();
        assert!(matches!(missing, RulebookFileError::Io { .. }));
        assert!(missing.to_string().contains("nope.toml"));
    }
}

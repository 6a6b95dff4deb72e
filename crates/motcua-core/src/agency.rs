//! Validated text codes (dossiers, agencies, officials, procedures) and the descriptions of
//! agencies and procedures.
//!
//! ```
//! use motcua_core::agency::{Agency, AgencyCode, DossierCode};
//! let code = AgencyCode::try_from(" STP ").unwrap();
//! assert_eq!(code.as_str(), "STP");
//! assert!(DossierCode::try_from("   ").is_err());
//! let stp = Agency::new(code, "Sở Tư pháp");
//! assert_eq!(stp.to_string(), "STP — Sở Tư pháp");
//! ```

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::codes::OnlineLevel;

/// A code that is empty or has control characters.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CodeTextError {
    /// Nothing but white space.
    #[error("{kind} code is empty: give a non-empty code")]
    Empty {
        /// Which code.
        kind: &'static str,
    },
    /// Control characters (a line break, a tab) inside the code.
    #[error("{kind} code {text:?} contains control characters: remove line breaks and tabs")]
    Control {
        /// Which code.
        kind: &'static str,
        /// The code as given.
        text: String,
    },
}

macro_rules! text_code {
    ($(#[$doc:meta])* $name:ident, $kind:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(String);

        impl $name {
            /// The code as text.
            #[must_use]
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl TryFrom<&str> for $name {
            type Error = CodeTextError;
            fn try_from(s: &str) -> Result<Self, CodeTextError> {
                let t = s.trim();
                if t.is_empty() {
                    return Err(CodeTextError::Empty { kind: $kind });
                }
                if t.chars().any(char::is_control) {
                    return Err(CodeTextError::Control { kind: $kind, text: t.to_owned() });
                }
                Ok(Self(t.to_owned()))
            }
        }

        impl TryFrom<String> for $name {
            type Error = CodeTextError;
            fn try_from(s: String) -> Result<Self, CodeTextError> {
                Self::try_from(s.as_str())
            }
        }

        impl From<$name> for String {
            fn from(c: $name) -> String {
                c.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }
    };
}

text_code!(
    /// `MaHoSo`: a dossier's code, unique in a file.
    DossierCode, "dossier"
);
text_code!(
    /// `DonViXuLy`: the code of the agency that resolves a dossier.
    AgencyCode, "agency"
);
text_code!(
    /// `CanBoTiepNhan`: the code of the official who received a dossier.
    OfficialCode, "official"
);
text_code!(
    /// `MaTTHC`: the code of an administrative procedure.
    ProcedureCode, "procedure"
);

/// An agency (đơn vị: Sở, ngành) whose dossiers the center receives.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Agency {
    /// Its code.
    pub code: AgencyCode,
    /// Its name, in Vietnamese.
    pub name: String,
}

impl Agency {
    /// An agency with a name.
    #[must_use]
    pub fn new(code: AgencyCode, name: impl Into<String>) -> Self {
        Self {
            code,
            name: name.into(),
        }
    }
}

impl fmt::Display for Agency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} — {}", self.code, self.name)
    }
}

/// An administrative procedure (thủ tục hành chính) and its online-service level.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Procedure {
    /// Its code.
    pub code: ProcedureCode,
    /// Its name.
    pub name: String,
    /// How far it can be done online.
    pub level: OnlineLevel,
    /// Statutory time limit in working days.
    pub time_limit_days: u32,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_trimmed_and_validated() {
        assert_eq!(OfficialCode::try_from("CB01").unwrap().as_str(), "CB01");
        assert_eq!(
            ProcedureCode::try_from("").unwrap_err().to_string(),
            "procedure code is empty: give a non-empty code"
        );
        assert!(matches!(
            DossierCode::try_from("a\nb"),
            Err(CodeTextError::Control { .. })
        ));
        let json = serde_json::to_string(&AgencyCode::try_from("SYT").unwrap()).unwrap();
        assert_eq!(json, "\"SYT\"");
        assert!(serde_json::from_str::<AgencyCode>("\" \"").is_err());
    }
}

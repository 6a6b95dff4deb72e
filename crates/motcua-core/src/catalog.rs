//! The procedure catalog (contract section 13): what dossier rows lack about their
//! procedure — its name, its field (lĩnh vực) and its online-service level.
//!
//! ```
//! use motcua_core::catalog::{Catalog, Procedure};
//! use motcua_core::codes::OnlineLevel;
//! let mut cat = Catalog::default();
//! cat.insert("1.2172", Procedure { level: Some(OnlineLevel::try_from("4").unwrap()),
//!            field: Some("LV01".into()), ..Procedure::default() }).unwrap();
//! assert_eq!(cat.get("1.2172").unwrap().field.as_deref(), Some("LV01"));
//! ```

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::codes::OnlineLevel;

/// What the catalog says of one procedure.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Procedure {
    /// `TenTTHC`.
    pub name: Option<String>,
    /// `MaLinhVuc`.
    pub field: Option<String>,
    /// `TenLinhVuc`.
    pub field_name: Option<String>,
    /// `MucDo`.
    pub level: Option<OnlineLevel>,
}

/// A catalog that cannot be built.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CatalogError {
    /// A procedure code appears twice.
    #[error("procedure {0} appears more than once in the catalog; keep one row per MaTTHC")]
    Duplicate(String),
    /// A row without a procedure code.
    #[error("a catalog row has no MaTTHC")]
    NoCode,
}

/// Procedures by code (`MaTTHC`), with the names of their fields.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Catalog {
    procedures: HashMap<String, Procedure>,
    field_names: HashMap<String, String>,
}

impl Catalog {
    /// Adds a procedure; codes are compared after trimming.
    pub fn insert(&mut self, code: &str, p: Procedure) -> Result<(), CatalogError> {
        let code = code.trim();
        if code.is_empty() {
            return Err(CatalogError::NoCode);
        }
        if let (Some(f), Some(n)) = (&p.field, &p.field_name) {
            self.field_names
                .entry(f.clone())
                .or_insert_with(|| n.clone());
        }
        if self.procedures.insert(code.to_owned(), p).is_some() {
            return Err(CatalogError::Duplicate(code.to_owned()));
        }
        Ok(())
    }

    /// The procedure with this code.
    #[must_use]
    pub fn get(&self, code: &str) -> Option<&Procedure> {
        self.procedures.get(code)
    }

    /// The name of a field code, if the catalog gives one.
    #[must_use]
    pub fn field_name(&self, field: &str) -> Option<&str> {
        self.field_names.get(field).map(String::as_str)
    }

    /// The names by code of the catalog's procedures (`TenTTHC`), for form 06b.
    #[must_use]
    pub fn procedure_names(&self) -> std::collections::BTreeMap<String, String> {
        self.procedures
            .iter()
            .filter_map(|(c, p)| p.name.clone().map(|n| (c.clone(), n)))
            .collect()
    }

    /// The names by code of the catalog's fields (`TenLinhVuc`), for forms 07a and 06a.
    #[must_use]
    pub fn field_names(&self) -> std::collections::BTreeMap<String, String> {
        self.field_names
            .iter()
            .map(|(c, n)| (c.clone(), n.clone()))
            .collect()
    }

    /// Number of procedures.
    #[must_use]
    pub fn len(&self) -> usize {
        self.procedures.len()
    }

    /// Whether the catalog is empty.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.procedures.is_empty()
    }
}

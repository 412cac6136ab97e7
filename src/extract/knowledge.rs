//! What Dateline knows before reading an article: the built-in gazetteers and a
//! site's own `data/entities.toml`.

use serde::{Deserialize, Serialize};

/// The three kinds of named entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Place,
    Organization,
}

/// Gazetteers: known entities with their kinds, aliases and roles.
#[derive(Clone, Debug, Default)]
pub struct Knowledge {}

impl Knowledge {
    /// The built-in gazetteers only.
    pub fn builtin() -> Knowledge {
        Knowledge {}
    }
}

impl Knowledge {
    /// Adds a site's `data/entities.toml` (placeholder until the gazetteer lands).
    pub fn with_site_data(self, _toml_source: &str) -> Result<Knowledge, String> {
        Ok(self)
    }
}

//! A site's `data/entities.toml`, merged into the built-in knowledge.
//!
//! Parsing is a pure function of the file's text: the caller reads the file and adds
//! its path to the error, which carries the line and column of the problem.

use serde::Deserialize;
use toml::Spanned;

use super::{AliasConflict, EntityId, EntityKind, Knowledge, KnownEntity};

/// A problem in a site's entities file, at a line and column (both from 1).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("line {line}, column {column}: {message}")]
pub struct KnowledgeError {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl KnowledgeError {
    fn at(source: &str, offset: usize, message: impl Into<String>) -> KnowledgeError {
        let offset = offset.min(source.len());
        let before = source.get(..offset).unwrap_or(source);
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |p| p + 1);
        let column = before[line_start..].chars().count() + 1;
        KnowledgeError {
            line,
            column,
            message: message.into(),
        }
    }
}

/// The file as written.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct RawSiteData {
    person: Vec<RawEntry>,
    organization: Vec<RawEntry>,
    place: Vec<RawEntry>,
}

/// One `[[person]]`, `[[organization]]` or `[[place]]` table.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    name: Spanned<String>,
    #[serde(default)]
    aliases: Vec<Spanned<String>>,
    #[serde(default)]
    roles: Vec<String>,
}

impl Knowledge {
    /// Adds the entities of a site's `data/entities.toml` (its text) to this knowledge.
    ///
    /// Site entries add to or override the known ones; see the module documentation for
    /// the format and the merge rules. Errors give the line and column in `toml_source`.
    pub fn with_site_data(mut self, toml_source: &str) -> Result<Knowledge, KnowledgeError> {
        let raw: RawSiteData = toml::from_str(toml_source).map_err(|e| {
            let offset = e.span().map_or(0, |s| s.start);
            KnowledgeError::at(toml_source, offset, e.message().trim().to_string())
        })?;
        let entries = raw
            .person
            .into_iter()
            .map(|e| (EntityKind::Person, e))
            .chain(
                raw.organization
                    .into_iter()
                    .map(|e| (EntityKind::Organization, e)),
            )
            .chain(raw.place.into_iter().map(|e| (EntityKind::Place, e)));
        for (kind, entry) in entries {
            self.add_site_entry(toml_source, kind, entry)?;
        }
        Ok(self)
    }

    fn add_site_entry(
        &mut self,
        source: &str,
        kind: EntityKind,
        entry: RawEntry,
    ) -> Result<(), KnowledgeError> {
        let name = entry.name.get_ref().trim().to_string();
        if name.is_empty() {
            return Err(KnowledgeError::at(
                source,
                entry.name.span().start,
                "an entity needs a non-empty `name`",
            ));
        }
        let mut aliases = Vec::new();
        for alias in &entry.aliases {
            let a = alias.get_ref().trim();
            if a.is_empty() {
                return Err(KnowledgeError::at(
                    source,
                    alias.span().start,
                    "an alias must not be empty",
                ));
            }
            if a != name && !aliases.iter().any(|x| x == a) {
                aliases.push(a.to_string());
            }
        }
        // The first known entity this entry names, built-in or site, is the one it merges
        // with; a site entity named by another site entry is a conflict instead.
        let forms: Vec<&str> = std::iter::once(name.as_str())
            .chain(aliases.iter().map(String::as_str))
            .collect();
        let mut target: Option<EntityId> = None;
        for form in &forms {
            if let Some(id) = self.lookup_exact(form)
                && !self.entities[id as usize].from_site
                && target.is_none()
            {
                target = Some(id);
            }
        }
        let id = match target {
            Some(id) => {
                let old = &mut self.entities[id as usize];
                let mut merged = vec![old.name.clone()];
                merged.append(&mut old.aliases);
                merged.extend(aliases.iter().cloned());
                merged.retain(|a| *a != name);
                let mut unique = Vec::new();
                for a in merged {
                    if !unique.contains(&a) {
                        unique.push(a);
                    }
                }
                let mut roles = entry.roles.clone();
                for r in old.roles.drain(..) {
                    if !roles.contains(&r) {
                        roles.push(r);
                    }
                }
                *old = KnownEntity {
                    name: name.clone(),
                    kind,
                    aliases: unique,
                    roles,
                    from_site: true,
                    country: old.country && kind == EntityKind::Place,
                };
                id
            }
            None => {
                self.entities.push(KnownEntity {
                    name: name.clone(),
                    kind,
                    aliases: aliases.clone(),
                    roles: entry.roles.clone(),
                    from_site: true,
                    country: false,
                });
                (self.entities.len() - 1) as EntityId
            }
        };
        for form in forms {
            if let Some(old) = self.add_form(form, id, true) {
                let previous = &self.entities[old as usize];
                if old != id && previous.from_site {
                    self.conflicts.push(AliasConflict {
                        alias: form.to_string(),
                        first: previous.name.clone(),
                        second: name.clone(),
                    });
                }
            }
        }
        Ok(())
    }

    /// The entity a form is registered for, whatever its capitals.
    fn lookup_exact(&self, form: &str) -> Option<EntityId> {
        let key = super::phrase_key(super::strip_the(form));
        self.form(&key).map(|f| f.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SITE: &str = r#"
[[person]]
name = "Lloyd Austin"
aliases = ["Austin", "Lloyd J. Austin III"]
roles = ["Defense Secretary"]

[[organization]]
name = "Islamic State"
aliases = ["IS"]

[[place]]
name = "Baghdad"
"#;

    #[test]
    fn site_people_are_known_by_every_alias() {
        let kb = Knowledge::builtin().with_site_data(SITE).unwrap();
        let id = kb.lookup("Lloyd J. Austin III").unwrap();
        assert_eq!(kb.lookup("Austin"), Some(id));
        let person = kb.entity(id);
        assert_eq!(person.name, "Lloyd Austin");
        assert_eq!(person.kind, EntityKind::Person);
        assert_eq!(person.roles, ["Defense Secretary"]);
    }

    #[test]
    fn site_entry_renames_a_builtin_entity_and_keeps_its_aliases() {
        let kb = Knowledge::builtin().with_site_data(SITE).unwrap();
        let id = kb.lookup("Daesh").unwrap();
        assert_eq!(kb.entity(id).name, "Islamic State");
        assert_eq!(kb.lookup("ISIL"), Some(id));
        assert_eq!(kb.lookup("IS"), Some(id));
        assert!(kb.entity(id).aliases.contains(&"ISIL".to_string()));
    }

    #[test]
    fn site_entry_can_change_the_kind() {
        let kb = Knowledge::builtin()
            .with_site_data("[[organization]]\nname = \"Georgia\"\n")
            .unwrap();
        let id = kb.lookup("Georgia").unwrap();
        assert_eq!(kb.entity(id).kind, EntityKind::Organization);
    }

    #[test]
    fn syntax_errors_carry_line_and_column() {
        let err = Knowledge::builtin()
            .with_site_data("[[person]]\nname = \"A\"\nroles = [\"x\",\n")
            .unwrap_err();
        assert!(err.line >= 3, "{err}");
        assert!(err.column >= 1);
    }

    #[test]
    fn unknown_fields_are_errors_at_their_line() {
        let err = Knowledge::builtin()
            .with_site_data("[[place]]\nname = \"Mosul\"\nkind = \"city\"\n")
            .unwrap_err();
        assert_eq!(err.line, 3, "{err}");
    }

    #[test]
    fn empty_names_are_errors_at_the_name() {
        let err = Knowledge::builtin()
            .with_site_data("[[person]]\nname = \"  \"\n")
            .unwrap_err();
        assert_eq!((err.line, err.column), (2, 8), "{err}");
    }

    #[test]
    fn aliases_claimed_twice_are_reported() {
        let kb = Knowledge::builtin()
            .with_site_data(
                "[[person]]\nname = \"John Smith\"\naliases = [\"Smith\"]\n\
                 [[person]]\nname = \"Jane Smith\"\naliases = [\"Smith\"]\n",
            )
            .unwrap();
        let conflicts = kb.alias_conflicts();
        assert_eq!(conflicts.len(), 1);
        assert_eq!(conflicts[0].alias, "Smith");
        assert_eq!(conflicts[0].first, "John Smith");
        assert_eq!(conflicts[0].second, "Jane Smith");
    }
}

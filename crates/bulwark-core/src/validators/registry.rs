//! Compiled rules kept by id, for the bindings: the JS layer compiles each distinct
//! options object once, caches the id, calls the rule by id (a plain function call is
//! cheaper than a method call on a JS class) and releases ids it evicts.

use std::sync::Arc;

use super::Rule;
use crate::{Error, ErrorCode, Result};

/// Compiled rules by id; a released slot is reused by the next [`insert`](Self::insert).
///
/// # Examples
/// ```
/// use bulwark_core::validators::{Rule, RuleRegistry};
/// let mut registry = RuleRegistry::new();
/// let id = registry.insert(Rule::from_json("isInt", "{}").unwrap()).unwrap();
/// assert!(registry.get(id).unwrap().test("42"));
/// registry.release(id);
/// assert!(registry.get(id).is_none());
/// ```
#[derive(Debug, Default)]
pub struct RuleRegistry {
    slots: Vec<Option<Arc<Rule>>>,
}

impl RuleRegistry {
    /// An empty registry (`const`, for a `static`).
    pub const fn new() -> Self {
        RuleRegistry { slots: Vec::new() }
    }

    /// Stores `rule` in the first free slot and returns its id.
    pub fn insert(&mut self, rule: Rule) -> Result<u32> {
        let rule = Some(Arc::new(rule));
        let index = match self.slots.iter().position(Option::is_none) {
            Some(free) => {
                self.slots[free] = rule;
                free
            }
            None => {
                self.slots.push(rule);
                self.slots.len() - 1
            }
        };
        u32::try_from(index)
            .map_err(|_| Error::new(ErrorCode::Internal, "too many validator rules"))
    }

    /// Rule `id`, shared: the caller runs it without holding the registry.
    pub fn get(&self, id: u32) -> Option<Arc<Rule>> {
        self.slots.get(id as usize).and_then(Clone::clone)
    }

    /// Frees rule `id` (an unknown or released id is ignored).
    pub fn release(&mut self, id: u32) {
        if let Some(slot) = self.slots.get_mut(id as usize) {
            *slot = None;
        }
    }

    /// The error for an id that names no rule (released, or never issued).
    pub fn unknown_rule() -> Error {
        Error::new(ErrorCode::Internal, "unknown validator rule id")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule() -> Rule {
        Rule::from_json("isInt", "{}").unwrap()
    }

    #[test]
    fn slots_are_reused_after_release() {
        let mut registry = RuleRegistry::new();
        let (a, b) = (registry.insert(rule()).unwrap(), registry.insert(rule()).unwrap());
        assert_eq!((a, b), (0, 1));
        registry.release(a);
        registry.release(a);
        registry.release(99);
        assert!(registry.get(a).is_none() && registry.get(b).is_some());
        assert_eq!(registry.insert(rule()).unwrap(), a);
        assert_eq!(registry.insert(rule()).unwrap(), 2);
        assert!(registry.get(3).is_none());
    }

    #[test]
    fn a_rule_outlives_its_release_while_in_use() {
        let mut registry = RuleRegistry::new();
        let id = registry.insert(rule()).unwrap();
        let running = registry.get(id).unwrap();
        registry.release(id);
        assert!(running.test("7"));
    }
}

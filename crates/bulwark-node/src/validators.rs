//! Validators: compiled rules kept in a registry and called by id, and `ValidatorSet`s
//! (many rules checked in one call).
//!
//! A single check is a plain function taking a rule id: calling a method of a napi class
//! costs about three times a plain call here (unwrapping `this`), which is most of a
//! validator's budget (benches/js/validators.bench.js). The JS layer compiles each distinct
//! options object once, caches the id, and releases ids it evicts.
//!
//! Options arrive as the JSON text of the null-prototype object the JS layer built with its
//! option reader, so nothing is read from a user object or a polluted prototype here.
//! Strings cross as UTF-8; the JS layer never sends strings with lone surrogates.

use std::sync::{Arc, PoisonError, RwLock};

use bulwark_core::ErrorCode;
use bulwark_core::validators::{Rule, RuleSet};
use napi::bindgen_prelude::*;
use napi_derive::napi;

use crate::{coded, entry, entry_ok};

/// Compiled rules by id; `None` marks a released slot, reused by the next compile.
static RULES: RwLock<Vec<Option<Arc<Rule>>>> = RwLock::new(Vec::new());

fn rule(id: u32) -> Option<Arc<Rule>> {
    let rules = RULES.read().unwrap_or_else(PoisonError::into_inner);
    rules.get(id as usize).and_then(Clone::clone)
}

fn unknown_rule() -> napi::Error<&'static str> {
    coded(bulwark_core::Error::new(ErrorCode::Internal, "unknown validator rule id"))
}

/// Compiles validator `name` with `optionsJson` and returns its id (`INVALID_OPTIONS`
/// when invalid).
#[napi(catch_unwind)]
pub fn validator_compile(name: String, options_json: String) -> Result<u32, &'static str> {
    entry(|| {
        let compiled = Arc::new(Rule::from_json(&name, &options_json)?);
        let mut rules = RULES.write().unwrap_or_else(PoisonError::into_inner);
        let id = match rules.iter().position(Option::is_none) {
            Some(free) => {
                rules[free] = Some(compiled);
                free
            }
            None => {
                rules.push(Some(compiled));
                rules.len() - 1
            }
        };
        u32::try_from(id)
            .map_err(|_| bulwark_core::Error::new(ErrorCode::Internal, "too many validator rules"))
    })
}

/// The answer of rule `id` for `input`.
#[napi(catch_unwind)]
pub fn validator_test(id: u32, input: String) -> Result<bool, &'static str> {
    let rule = rule(id).ok_or_else(unknown_rule)?;
    entry_ok(|| rule.test(&input))
}

/// `isStrongPassword` with `returnScore`: the score (`null` for other rules).
#[napi(catch_unwind)]
pub fn validator_score(id: u32, input: String) -> Result<Option<f64>, &'static str> {
    let rule = rule(id).ok_or_else(unknown_rule)?;
    entry_ok(|| rule.score(&input))
}

/// Frees rule `id` (the JS layer's cache evicted it).
#[napi(catch_unwind)]
pub fn validator_release(id: u32) -> Result<(), &'static str> {
    entry_ok(|| {
        let mut rules = RULES.write().unwrap_or_else(PoisonError::into_inner);
        if let Some(slot) = rules.get_mut(id as usize) {
            *slot = None;
        }
    })
}

/// Rules checked together, one value each.
#[napi]
pub struct ValidatorSet {
    set: RuleSet,
}

#[napi]
impl ValidatorSet {
    /// Compiles `[{validator, options}, ...]` given as JSON (`INVALID_OPTIONS` when invalid).
    #[napi(constructor, catch_unwind)]
    pub fn new(rules_json: String) -> Result<Self, &'static str> {
        entry(|| RuleSet::from_json(&rules_json).map(|set| ValidatorSet { set }))
    }

    /// The indexes of the rules whose value failed (empty when all passed).
    #[napi(catch_unwind)]
    pub fn check(&self, values: Vec<String>) -> Result<Vec<u32>, &'static str> {
        entry(|| self.set.check(&values))
    }
}

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

use bulwark_core::validators::{Rule, RuleRegistry, RuleSet};
use napi::bindgen_prelude::*;
use napi_derive::napi;

use crate::{coded, entry, entry_ok};

/// The compiled rules, shared by every call.
static RULES: RwLock<RuleRegistry> = RwLock::new(RuleRegistry::new());

fn rule(id: u32) -> Result<Arc<Rule>, &'static str> {
    let rules = RULES.read().unwrap_or_else(PoisonError::into_inner);
    rules.get(id).ok_or_else(|| coded(RuleRegistry::unknown_rule()))
}

/// Compiles validator `name` with `optionsJson` and returns its id (`INVALID_OPTIONS`
/// when invalid).
#[napi(catch_unwind)]
pub fn validator_compile(name: String, options_json: String) -> Result<u32, &'static str> {
    entry(|| {
        let compiled = Rule::from_json(&name, &options_json)?;
        RULES.write().unwrap_or_else(PoisonError::into_inner).insert(compiled)
    })
}

/// The answer of rule `id` for `input`.
#[napi(catch_unwind)]
pub fn validator_test(id: u32, input: String) -> Result<bool, &'static str> {
    let rule = rule(id)?;
    entry_ok(|| rule.test(&input))
}

/// `isStrongPassword` with `returnScore`: the score (`null` for other rules).
#[napi(catch_unwind)]
pub fn validator_score(id: u32, input: String) -> Result<Option<f64>, &'static str> {
    let rule = rule(id)?;
    entry_ok(|| rule.score(&input))
}

/// Frees rule `id` (the JS layer's cache evicted it).
#[napi(catch_unwind)]
pub fn validator_release(id: u32) -> Result<(), &'static str> {
    entry_ok(|| RULES.write().unwrap_or_else(PoisonError::into_inner).release(id))
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

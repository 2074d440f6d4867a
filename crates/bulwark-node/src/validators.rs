//! Validators: compiled `ValidatorRule`s (one validator and its options) and
//! `ValidatorSet`s (many rules checked in one call).
//!
//! Options arrive as the JSON text of the null-prototype object the JS layer built with
//! `readOptions`, so nothing is read from a user object or a polluted prototype here, and
//! each distinct options object is compiled once (the JS layer caches rules).
//! Strings cross as UTF-8; the JS layer never sends strings with lone surrogates.

use bulwark_core::validators::{Rule, RuleSet};
use napi::bindgen_prelude::*;
use napi_derive::napi;

use crate::{coded, guarded};

/// One validator with its options, compiled.
#[napi]
pub struct ValidatorRule {
    rule: Rule,
}

#[napi]
impl ValidatorRule {
    /// Compiles validator `name` with `optionsJson` (`INVALID_OPTIONS` when invalid).
    #[napi(constructor, catch_unwind)]
    pub fn new(name: String, options_json: String) -> Result<Self, &'static str> {
        guarded(|| Rule::from_json(&name, &options_json)).map(|rule| ValidatorRule { rule }).map_err(coded)
    }

    /// The validator's answer for `input`.
    #[napi(catch_unwind)]
    pub fn test(&self, input: String) -> bool {
        self.rule.test(&input)
    }

    /// `isStrongPassword` with `returnScore`: the score (`null` for other rules).
    #[napi(catch_unwind)]
    pub fn score(&self, input: String) -> Option<f64> {
        self.rule.score(&input)
    }
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
        guarded(|| RuleSet::from_json(&rules_json)).map(|set| ValidatorSet { set }).map_err(coded)
    }

    /// The indexes of the rules whose value failed (empty when all passed).
    #[napi(catch_unwind)]
    pub fn check(&self, values: Vec<String>) -> Result<Vec<u32>, &'static str> {
        guarded(|| self.set.check(&values)).map_err(coded)
    }
}

//! Validators: compiled `ValidatorRule`s and `ValidatorSet`s, as in the Node addon.
//! Options arrive as JSON text built by the JS layer from a null-prototype object; strings
//! with lone surrogates never reach this binding (the JS layer answers for them).

use bulwark_core::validators::{Rule, RuleSet};
use wasm_bindgen::prelude::*;

use crate::coded;

/// One validator with its options, compiled.
#[wasm_bindgen]
pub struct ValidatorRule {
    rule: Rule,
}

#[wasm_bindgen]
impl ValidatorRule {
    /// Compiles validator `name` with `options_json` (`INVALID_OPTIONS` when invalid).
    #[wasm_bindgen(constructor)]
    pub fn new(name: &str, options_json: &str) -> Result<ValidatorRule, JsValue> {
        Rule::from_json(name, options_json).map(|rule| ValidatorRule { rule }).map_err(coded)
    }

    /// The validator's answer for `input`.
    pub fn test(&self, input: &str) -> bool {
        self.rule.test(input)
    }

    /// `isStrongPassword` with `returnScore`: the score (`undefined` for other rules).
    pub fn score(&self, input: &str) -> Option<f64> {
        self.rule.score(input)
    }
}

/// Rules checked together, one value each.
#[wasm_bindgen]
pub struct ValidatorSet {
    set: RuleSet,
}

#[wasm_bindgen]
impl ValidatorSet {
    /// Compiles `[{validator, options}, ...]` given as JSON (`INVALID_OPTIONS` when invalid).
    #[wasm_bindgen(constructor)]
    pub fn new(rules_json: &str) -> Result<ValidatorSet, JsValue> {
        RuleSet::from_json(rules_json).map(|set| ValidatorSet { set }).map_err(coded)
    }

    /// The indexes of the rules whose value failed (empty when all passed).
    pub fn check(&self, values: Vec<String>) -> Result<Vec<u32>, JsValue> {
        self.set.check(&values).map_err(coded)
    }
}

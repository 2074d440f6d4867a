//! Validators: compiled rules kept in a registry and called by id, and `ValidatorSet`s, as
//! in the Node addon. Options arrive as JSON text built by the JS layer from a
//! null-prototype object; strings with lone surrogates never reach this binding (the JS
//! layer answers for them).

use std::cell::RefCell;

use bulwark_core::validators::{Rule, RuleRegistry, RuleSet};
use wasm_bindgen::prelude::*;

use crate::coded;

thread_local! {
    /// The compiled rules (WASM runs on one thread).
    static RULES: RefCell<RuleRegistry> = const { RefCell::new(RuleRegistry::new()) };
}

/// Runs `f` on rule `id`. The registry is not borrowed while `f` runs, so a trap inside a
/// check cannot leave it borrowed for every later call.
fn with_rule<T>(id: u32, f: impl FnOnce(&Rule) -> T) -> Result<T, JsValue> {
    let rule = RULES.with(|rules| rules.borrow().get(id));
    rule.map(|rule| f(&rule)).ok_or_else(|| coded(RuleRegistry::unknown_rule()))
}

/// Gives the core the host's clock (`Date.now`): wasm32 has no system clock, and a rule
/// that compares with today (isIdentityCard zh-CN) fails closed without one. Called before
/// any rule is compiled; the first call installs it.
fn install_clock() {
    bulwark_core::clock::set_clock(js_sys::Date::now);
}

/// Compiles validator `name` with `options_json` and returns its id (`INVALID_OPTIONS`
/// when invalid).
#[wasm_bindgen(js_name = validatorCompile)]
pub fn validator_compile(name: &str, options_json: &str) -> Result<u32, JsValue> {
    crate::entered();
    install_clock();
    let compiled = Rule::from_json(name, options_json).map_err(coded)?;
    RULES.with(|rules| rules.borrow_mut().insert(compiled)).map_err(coded)
}

/// The answer of rule `id` for `input`.
#[wasm_bindgen(js_name = validatorTest)]
pub fn validator_test(id: u32, input: &str) -> Result<bool, JsValue> {
    crate::entered();
    with_rule(id, |rule| rule.test(input))
}

/// `isStrongPassword` with `returnScore`: the score (`undefined` for other rules).
#[wasm_bindgen(js_name = validatorScore)]
pub fn validator_score(id: u32, input: &str) -> Result<Option<f64>, JsValue> {
    crate::entered();
    with_rule(id, |rule| rule.score(input))
}

/// Frees rule `id` (the JS layer's cache evicted it).
#[wasm_bindgen(js_name = validatorRelease)]
pub fn validator_release(id: u32) {
    crate::entered();
    RULES.with(|rules| rules.borrow_mut().release(id));
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
        crate::entered();
        install_clock();
        RuleSet::from_json(rules_json).map(|set| ValidatorSet { set }).map_err(coded)
    }

    /// The indexes of the rules whose value failed (empty when all passed).
    pub fn check(&self, values: Vec<String>) -> Result<Vec<u32>, JsValue> {
        crate::entered();
        self.set.check(&values).map_err(coded)
    }
}

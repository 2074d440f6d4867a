//! `parseIp`, `classifyIp`, `classifyIps` and the compiled `UrlChecker` class.

use bulwark_core::ssrf::{self, UrlPolicy};
use js_sys::Reflect;
use wasm_bindgen::prelude::*;

use crate::coded;
use crate::options::decode_options;

/// A null-prototype object with the given fields (`None` becomes `null`): its fields are
/// own data properties, which no accessor on a polluted `Object.prototype` intercepts.
fn object(fields: &[(&str, JsValue)]) -> Result<JsValue, JsValue> {
    let out = crate::bare_object();
    for (key, value) in fields {
        Reflect::set(&out, &JsValue::from_str(key), value)?;
    }
    Ok(out.into())
}

fn opt_str(value: Option<&str>) -> JsValue {
    value.map_or(JsValue::NULL, JsValue::from_str)
}

/// `{ address, family, zone }` for an IP address in any notation the OS resolver accepts;
/// `null` when `input` is not an IP address.
#[wasm_bindgen(js_name = parseIp)]
pub fn parse_ip(input: &str) -> Result<JsValue, JsValue> {
    crate::entered();
    let Some(ip) = ssrf::parse_ip(input) else {
        return Ok(JsValue::NULL);
    };
    object(&[
        ("address", JsValue::from_str(&ip.canonical())),
        ("family", JsValue::from(ip.family())),
        ("zone", opt_str(ip.zone.as_deref())),
    ])
}

/// The category of an IP address (`IP_INVALID` when it is not one).
#[wasm_bindgen(js_name = classifyIp)]
pub fn classify_ip(input: &str) -> Result<String, JsValue> {
    crate::entered();
    ssrf::classify_ip(input).map(|c| c.as_str().to_owned()).map_err(coded)
}

/// The category of every address of a resolver answer, in one call.
#[wasm_bindgen(js_name = classifyIps)]
pub fn classify_ips(addresses: Vec<String>) -> Result<Vec<String>, JsValue> {
    crate::entered();
    ssrf::classify_ips(&addresses)
        .map(|list| list.into_iter().map(|c| c.as_str().to_owned()).collect())
        .map_err(coded)
}

/// A compiled URL policy: build once, check many URLs.
#[wasm_bindgen]
pub struct UrlChecker {
    inner: ssrf::UrlChecker,
}

#[wasm_bindgen]
impl UrlChecker {
    /// Decodes ([`UrlPolicy`]), validates and compiles the policy (`INVALID_OPTIONS` for
    /// malformed entries).
    #[wasm_bindgen(constructor)]
    pub fn new(options: JsValue) -> Result<UrlChecker, JsValue> {
        crate::entered();
        let policy: UrlPolicy = decode_options(&options).map_err(coded)?;
        Ok(UrlChecker { inner: ssrf::UrlChecker::new(&policy).map_err(coded)? })
    }

    /// Parses `url` (WHATWG) and checks it against the policy: `{ href, protocol, hostname,
    /// port, address, category }`.
    pub fn check(&self, url: &str) -> Result<JsValue, JsValue> {
        crate::entered();
        let r = self.inner.check(url).map_err(coded)?;
        object(&[
            ("href", JsValue::from_str(&r.href)),
            ("protocol", JsValue::from_str(&r.protocol)),
            ("hostname", JsValue::from_str(&r.hostname)),
            ("port", r.port.map_or(JsValue::NULL, JsValue::from)),
            ("address", opt_str(r.address.as_deref())),
            ("category", opt_str(r.category.map(|c| c.as_str()))),
        ])
    }
}

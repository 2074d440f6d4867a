//! Options objects, decoded by the core ([`bulwark_core::options::from_value`]) after one
//! conversion to a `serde_json::Value` here.
//!
//! The conversion reads own enumerable string-keyed properties only. napi's own serde
//! support (`Env::from_js_value`, `serde_json::Value: FromNapiValue`) lists keys with
//! `napi_get_property_names`, which walks the prototype chain like `for...in`: a polluted
//! `Object.prototype` would add fields to an ordinary object. The JS layer passes
//! null-prototype objects anyway; this holds for any object.
//!
//! Numbers convert as serde-wasm-bindgen converts them in the WASM binding (safe integers
//! as integers, other finite numbers as floats, NaN and infinities as null), so both
//! backends hand the core the same value and report the same errors.

use bulwark_core::options::{self, MAX_DEPTH};
use napi::bindgen_prelude::*;
use serde::de::DeserializeOwned;
use serde_json::{Map, Number, Value};

/// `Number.MAX_SAFE_INTEGER`.
const MAX_SAFE_INTEGER: f64 = 9_007_199_254_740_991.0;

/// Decodes a JS options object (`undefined` or `null`: every default) as the core's `T`.
/// Errors are `INVALID_OPTIONS` naming the field.
pub(crate) fn decode_options<T: DeserializeOwned>(value: Unknown<'_>) -> bulwark_core::Result<T> {
    options::from_value(to_json(&value, 0)?)
}

fn not_json(_: napi::Error) -> bulwark_core::Error {
    options::not_json()
}

fn number(n: f64) -> Value {
    if n.trunc() == n && n.abs() <= MAX_SAFE_INTEGER {
        // A safe integer: exact as i64 (-0 becomes 0, as in serde-wasm-bindgen).
        Value::Number(Number::from(n as i64))
    } else {
        Number::from_f64(n).map_or(Value::Null, Value::Number)
    }
}

/// A BigInt within i64/u64, as serde-wasm-bindgen reads one; `None` beyond.
fn bigint(n: &BigInt) -> Option<Value> {
    let (low, high) = n.words.split_first().map_or((0, &[][..]), |(l, h)| (*l, h));
    if high.iter().any(|&w| w != 0) {
        return None;
    }
    if !n.sign_bit {
        return Some(Value::Number(Number::from(low)));
    }
    let negative = if low == i64::MIN.unsigned_abs() {
        i64::MIN
    } else {
        i64::try_from(low).ok()?.checked_neg()?
    };
    Some(Value::Number(Number::from(negative)))
}

fn to_json(value: &Unknown<'_>, depth: usize) -> bulwark_core::Result<Value> {
    // The core's bound, checked while converting: a cyclic object stops here.
    if depth > MAX_DEPTH {
        return Err(options::too_deep());
    }
    // SAFETY (every `cast` below): the value's type was checked first, so each cast reads
    // a value of the type napi expects.
    Ok(match value.get_type().map_err(not_json)? {
        ValueType::Undefined | ValueType::Null => Value::Null,
        ValueType::Boolean => Value::Bool(unsafe { value.cast::<bool>() }.map_err(not_json)?),
        ValueType::Number => number(unsafe { value.cast::<f64>() }.map_err(not_json)?),
        ValueType::String => Value::String(unsafe { value.cast::<String>() }.map_err(not_json)?),
        ValueType::BigInt => {
            let n = unsafe { value.cast::<BigInt>() }.map_err(not_json)?;
            bigint(&n).ok_or_else(options::not_json)?
        }
        ValueType::Object => {
            let object = unsafe { value.cast::<Object>() }.map_err(not_json)?;
            if object.is_array().map_err(not_json)? {
                let len = object.get_array_length_unchecked().map_err(not_json)?;
                let items = (0..len)
                    .map(|i| {
                        to_json(&object.get_element::<Unknown>(i).map_err(not_json)?, depth + 1)
                    })
                    .collect::<bulwark_core::Result<Vec<_>>>()?;
                Value::Array(items)
            } else if object.is_typedarray().map_err(not_json)?
                || object.is_arraybuffer().map_err(not_json)?
                || object.is_dataview().map_err(not_json)?
            {
                return Err(options::not_json());
            } else {
                Value::Object(own_entries(&object, depth)?)
            }
        }
        _ => return Err(options::not_json()),
    })
}

fn own_entries(object: &Object<'_>, depth: usize) -> bulwark_core::Result<Map<String, Value>> {
    let keys = object
        .get_all_property_names(
            KeyCollectionMode::OwnOnly,
            KeyFilter::Enumerable,
            KeyConversion::NumbersToStrings,
        )
        .map_err(not_json)?;
    let len = keys.get_array_length_unchecked().map_err(not_json)?;
    let mut map = Map::new();
    for i in 0..len {
        let key = keys.get_element::<Unknown>(i).map_err(not_json)?;
        // Symbol keys are skipped, as Object.entries skips them.
        if key.get_type().map_err(not_json)? != ValueType::String {
            continue;
        }
        let name = unsafe { key.cast::<String>() }.map_err(not_json)?;
        let field = object.get_property_unchecked::<Unknown, Unknown>(key).map_err(not_json)?;
        map.insert(name, to_json(&field, depth + 1)?);
    }
    Ok(map)
}

//! `isDivisibleBy`.

use super::is_float::to_float;
use super::rule::{Options, Rule};
use crate::Result;

/// `true` when `s` is a float (validator.js `isFloat`) whose value divides by `divisor`
/// with no remainder, as validator.js `isDivisibleBy` decides
/// (`toFloat(str) % parseInt(number, 10) === 0`, JS `%` being `fmod`). `divisor` is
/// `parseInt(number, 10)`: `NaN` (no number) and `0` make every string fail.
///
/// # Examples
/// ```
/// use bulwark_core::validators::is_divisible_by;
/// assert!(is_divisible_by("10", 2.0) && is_divisible_by("-6.0", 3.0) && is_divisible_by("0", 7.0));
/// assert!(!is_divisible_by("101", 2.0) && !is_divisible_by("foo", 2.0) && !is_divisible_by("2", 0.0));
/// ```
pub fn is_divisible_by(s: &str, divisor: f64) -> bool {
    to_float(s) % divisor == 0.0
}

/// `{ "number": number | null }` (`null`: `parseInt` gave NaN).
pub(crate) fn rule(o: &mut Options) -> Result<Rule> {
    Ok(Rule::DivisibleBy(o.number("number")?.unwrap_or(f64::NAN)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        for (s, n) in [
            ("2", 2.0),
            ("4", 2.0),
            ("100", 2.0),
            ("1000", 2.0),
            ("1e3", 10.0),
            (".5e1", 5.0),
            ("1.", 1.0),
            ("-0", 3.0),
        ] {
            assert!(is_divisible_by(s, n), "{s} {n}");
        }
        for (s, n) in [
            ("1", 2.0),
            ("2.5", 2.0),
            ("101", 2.0),
            ("foo", 2.0),
            ("", 2.0),
            ("2", 0.0),
            ("2", f64::NAN),
            ("1e400", 2.0),
            ("-.", 1.0),
            ("e5", 1.0),
            ("-.e5", 1.0),
        ] {
            assert!(!is_divisible_by(s, n), "{s} {n}");
        }
    }
}

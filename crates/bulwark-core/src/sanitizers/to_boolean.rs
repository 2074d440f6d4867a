//! validator.js `toBoolean`.

/// validator.js `toBoolean(str, strict)`: strict, `true` only for `"1"` and `"true"` (ASCII
/// case-insensitive); otherwise `false` only for `"0"`, `"false"` (case-insensitive) and `""`.
///
/// # Examples
/// ```
/// use bulwark_core::sanitizers::to_boolean;
/// assert!(to_boolean("TRUE", true) && !to_boolean("yes", true));
/// assert!(to_boolean("yes", false) && !to_boolean("False", false) && !to_boolean("", false));
/// ```
pub fn to_boolean(input: &str, strict: bool) -> bool {
    if strict {
        input == "1" || input.eq_ignore_ascii_case("true")
    } else {
        input != "0" && !input.eq_ignore_ascii_case("false") && !input.is_empty()
    }
}

/// [`to_boolean`] over UTF-16 code units.
///
/// # Examples
/// ```
/// use bulwark_core::sanitizers::to_boolean_units;
/// assert!(!to_boolean_units(&[0x30], false) && to_boolean_units(&[0xD800], false));
/// ```
pub fn to_boolean_units(input: &[u16], strict: bool) -> bool {
    // Every string that matters is ASCII; a non-ASCII unit makes a string that is neither.
    let ascii: Option<String> =
        input.iter().map(|&u| u8::try_from(u).ok().filter(u8::is_ascii).map(char::from)).collect();
    match ascii {
        Some(s) => to_boolean(&s, strict),
        None => !strict,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        // (input, strict result, loose result)
        let cases: &[(&str, bool, bool)] = &[
            ("0", false, false),
            ("1", true, true),
            ("true", true, true),
            ("TrUe", true, true),
            ("false", false, false),
            ("FALSE", false, false),
            ("", false, false),
            ("foobar", false, true),
            ("   ", false, true),
            (" true", false, true),
            ("true ", false, true),
            ("00", false, true),
            ("yes", false, true),
            ("ｔrue", false, true),
            ("\u{17F}", false, true),
            ("fal\u{17F}e", false, true),
        ];
        for &(input, strict, loose) in cases {
            assert_eq!(to_boolean(input, true), strict, "{input:?} strict");
            assert_eq!(to_boolean(input, false), loose, "{input:?} loose");
        }
    }
}

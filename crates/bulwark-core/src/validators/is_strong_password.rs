//! `isStrongPassword`.

use super::rule::{Options, Rule};
use crate::Result;
use std::collections::HashSet;

/// Options of [`is_strong_password`] and [`password_score`], with validator.js names and
/// defaults.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StrongPasswordOptions {
    /// `minLength` (default 8), in UTF-16 units as JS `.length`.
    pub min_length: f64,
    /// `minLowercase` (default 1).
    pub min_lowercase: f64,
    /// `minUppercase` (default 1).
    pub min_uppercase: f64,
    /// `minNumbers` (default 1).
    pub min_numbers: f64,
    /// `minSymbols` (default 1).
    pub min_symbols: f64,
    /// `pointsPerUnique` (default 1).
    pub points_per_unique: f64,
    /// `pointsPerRepeat` (default 0.5).
    pub points_per_repeat: f64,
    /// `pointsForContainingLower` (default 10).
    pub points_for_containing_lower: f64,
    /// `pointsForContainingUpper` (default 10).
    pub points_for_containing_upper: f64,
    /// `pointsForContainingNumber` (default 10).
    pub points_for_containing_number: f64,
    /// `pointsForContainingSymbol` (default 10).
    pub points_for_containing_symbol: f64,
}

impl Default for StrongPasswordOptions {
    fn default() -> Self {
        StrongPasswordOptions {
            min_length: 8.0,
            min_lowercase: 1.0,
            min_uppercase: 1.0,
            min_numbers: 1.0,
            min_symbols: 1.0,
            points_per_unique: 1.0,
            points_per_repeat: 0.5,
            points_for_containing_lower: 10.0,
            points_for_containing_upper: 10.0,
            points_for_containing_number: 10.0,
            points_for_containing_symbol: 10.0,
        }
    }
}

/// validator.js `analyzePassword`.
struct Analysis {
    length: usize,
    unique: usize,
    upper: usize,
    lower: usize,
    numbers: usize,
    symbols: usize,
}

fn is_symbol(c: char) -> bool {
    "-#!$@£%^&*()_+|~=`{}[]:\";'<>?,./\\ ".contains(c)
}

fn analyze(s: &str) -> Analysis {
    let mut a = Analysis {
        length: super::utf16_len(s),
        unique: 0,
        upper: 0,
        lower: 0,
        numbers: 0,
        symbols: 0,
    };
    let mut seen_ascii = [false; 256];
    let mut seen_other: HashSet<char> = HashSet::new();
    for c in s.chars() {
        let new = match u8::try_from(u32::from(c)) {
            Ok(byte) => !std::mem::replace(&mut seen_ascii[usize::from(byte)], true),
            Err(_) => seen_other.insert(c),
        };
        a.unique += usize::from(new);
        if c.is_ascii_uppercase() {
            a.upper += 1;
        } else if c.is_ascii_lowercase() {
            a.lower += 1;
        } else if c.is_ascii_digit() {
            a.numbers += 1;
        } else if is_symbol(c) {
            a.symbols += 1;
        }
    }
    a
}

/// validator.js's score (`isStrongPassword(s, { returnScore: true })`): points per unique
/// character and per repeat, plus points for each class present.
///
/// # Examples
/// ```
/// use bulwark_core::validators::{password_score, StrongPasswordOptions};
/// assert_eq!(password_score("abc", &StrongPasswordOptions::default()), 13.0);
/// assert_eq!(password_score("Aa1!Aa1!", &StrongPasswordOptions::default()), 46.0);
/// ```
pub fn password_score(s: &str, options: &StrongPasswordOptions) -> f64 {
    let a = analyze(s);
    let mut points = a.unique as f64 * options.points_per_unique;
    points += (a.length as f64 - a.unique as f64) * options.points_per_repeat;
    for (count, bonus) in [
        (a.lower, options.points_for_containing_lower),
        (a.upper, options.points_for_containing_upper),
        (a.numbers, options.points_for_containing_number),
        (a.symbols, options.points_for_containing_symbol),
    ] {
        if count > 0 {
            points += bonus;
        }
    }
    points
}

/// `true` when `s` meets the minimum length and class counts, as validator.js
/// `isStrongPassword` decides. Letters and digits are ASCII; symbols are ASCII punctuation,
/// space and `£`.
///
/// # Examples
/// ```
/// use bulwark_core::validators::{is_strong_password, StrongPasswordOptions};
/// let d = StrongPasswordOptions::default();
/// assert!(is_strong_password("Str0ng!Passw0rd", &d));
/// assert!(!is_strong_password("weakpassword", &d));
/// assert!(is_strong_password("abc", &StrongPasswordOptions { min_length: 3.0, min_uppercase: 0.0, min_numbers: 0.0, min_symbols: 0.0, ..d }));
/// ```
pub fn is_strong_password(s: &str, options: &StrongPasswordOptions) -> bool {
    let a = analyze(s);
    a.length as f64 >= options.min_length
        && a.lower as f64 >= options.min_lowercase
        && a.upper as f64 >= options.min_uppercase
        && a.numbers as f64 >= options.min_numbers
        && a.symbols as f64 >= options.min_symbols
}

/// validator.js `isStrongPassword` options, `returnScore` included.
pub(crate) fn rule(o: &mut Options) -> Result<Rule> {
    let d = StrongPasswordOptions::default();
    let returns_score = o.bool("returnScore", false)?;
    Ok(Rule::StrongPassword {
        options: StrongPasswordOptions {
            min_length: o.number("minLength")?.unwrap_or(d.min_length),
            min_lowercase: o.number("minLowercase")?.unwrap_or(d.min_lowercase),
            min_uppercase: o.number("minUppercase")?.unwrap_or(d.min_uppercase),
            min_numbers: o.number("minNumbers")?.unwrap_or(d.min_numbers),
            min_symbols: o.number("minSymbols")?.unwrap_or(d.min_symbols),
            points_per_unique: o.number("pointsPerUnique")?.unwrap_or(d.points_per_unique),
            points_per_repeat: o.number("pointsPerRepeat")?.unwrap_or(d.points_per_repeat),
            points_for_containing_lower: o
                .number("pointsForContainingLower")?
                .unwrap_or(d.points_for_containing_lower),
            points_for_containing_upper: o
                .number("pointsForContainingUpper")?
                .unwrap_or(d.points_for_containing_upper),
            points_for_containing_number: o
                .number("pointsForContainingNumber")?
                .unwrap_or(d.points_for_containing_number),
            points_for_containing_symbol: o
                .number("pointsForContainingSymbol")?
                .unwrap_or(d.points_for_containing_symbol),
        },
        returns_score,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        let d = StrongPasswordOptions::default();
        for s in [
            "%2%k{7BsL\"M%Kd6e",
            "EXAMPLE of very long_password123!",
            "mxH_+2vs&54_+H3P",
            "+&DxJ=X7-4L8jRCD",
            "etV*p%Nr6w&H%FeF",
            "£3.ndSau_7",
            "VaLIDWith\\Symb0l",
        ] {
            assert!(is_strong_password(s, &d), "{s}");
        }
        for s in [
            "",
            "password",
            "hunter2",
            "hello world",
            "passw0rd",
            "password!",
            "PASSWORD!",
            "abcDEF123",
        ] {
            assert!(!is_strong_password(s, &d), "{s}");
        }
        let cases: [(&str, f64); 6] = [
            ("abc", 13.0),
            ("aaa", 12.0),
            ("Aa1!", 44.0),
            ("", 0.0),
            ("😀", 1.5),
            ("aA1!😀😀", 46.5),
        ];
        for (s, score) in cases {
            assert_eq!(password_score(s, &d), score, "{s}");
        }
        let big = "aA1!".repeat(1 << 18);
        assert!(is_strong_password(&big, &d));
    }
}

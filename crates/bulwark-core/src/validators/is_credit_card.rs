//! `isCreditCard`.

use super::is_luhn_number::luhn_ok;
use super::rule::{Options, Rule, invalid};
use crate::Result;

/// A card network of validator.js `isCreditCard`'s `provider` option.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CardProvider {
    /// `amex`
    Amex,
    /// `dinersclub`
    DinersClub,
    /// `discover`
    Discover,
    /// `jcb`
    Jcb,
    /// `mastercard`
    Mastercard,
    /// `unionpay`
    UnionPay,
    /// `visa`
    Visa,
}

impl CardProvider {
    /// Every provider, in validator.js's order.
    pub const ALL: [CardProvider; 7] = [
        CardProvider::Amex,
        CardProvider::DinersClub,
        CardProvider::Discover,
        CardProvider::Jcb,
        CardProvider::Mastercard,
        CardProvider::UnionPay,
        CardProvider::Visa,
    ];

    /// The provider named `name` (case-insensitive, as validator.js lowercases it).
    pub fn parse(name: &str) -> Option<CardProvider> {
        let lower = name.to_lowercase();
        CardProvider::ALL.into_iter().find(|p| p.name() == lower)
    }

    /// validator.js's name.
    pub fn name(self) -> &'static str {
        match self {
            CardProvider::Amex => "amex",
            CardProvider::DinersClub => "dinersclub",
            CardProvider::Discover => "discover",
            CardProvider::Jcb => "jcb",
            CardProvider::Mastercard => "mastercard",
            CardProvider::UnionPay => "unionpay",
            CardProvider::Visa => "visa",
        }
    }

    /// validator.js's pattern for this network, as a check on ASCII digits `d` (the Luhn
    /// check that follows refuses anything else). The mastercard pattern is validator.js's
    /// as written, `^5[1-5][0-9]{2}|(222[1-9]|...|2720)[0-9]{12}$`: its `|` is not grouped,
    /// so it accepts a number that starts with 51-55, or ends with a 2221-2720 prefix and
    /// twelve digits whatever comes before.
    fn matches(self, d: &[u8]) -> bool {
        let n = d.len();
        match self {
            // ^3[47][0-9]{13}$
            CardProvider::Amex => n == 15 && matches!(d, [b'3', b'4' | b'7', ..]),
            // ^3(?:0[0-5]|[68][0-9])[0-9]{11}$
            CardProvider::DinersClub => {
                n == 14 && matches!(d, [b'3', b'0', b'0'..=b'5', ..] | [b'3', b'6' | b'8', ..])
            }
            // ^6(?:011|5[0-9][0-9])[0-9]{12,15}$
            CardProvider::Discover => {
                (16..=19).contains(&n) && (d.starts_with(b"6011") || d.starts_with(b"65"))
            }
            // ^(?:2131|1800|35\d{3})\d{11}$
            CardProvider::Jcb => {
                (n == 15 && (d.starts_with(b"2131") || d.starts_with(b"1800")))
                    || (n == 16 && d.starts_with(b"35"))
            }
            CardProvider::Mastercard => {
                (n >= 4 && matches!(d, [b'5', b'1'..=b'5', ..]))
                    || (n >= 16 && (2221..=2720).contains(&number(&d[n - 16..n - 12])))
            }
            // ^(6[27][0-9]{14}|^(81[0-9]{14,17}))$
            CardProvider::UnionPay => {
                (n == 16 && matches!(d, [b'6', b'2' | b'7', ..]))
                    || ((16..=19).contains(&n) && d.starts_with(b"81"))
            }
            // ^(?:4[0-9]{12})(?:[0-9]{3,6})?$
            CardProvider::Visa => (n == 13 || (16..=19).contains(&n)) && d.starts_with(b"4"),
        }
    }
}

/// The value of a few ASCII digits.
fn number(digits: &[u8]) -> u32 {
    digits.iter().fold(0, |acc, &c| acc * 10 + u32::from(c - b'0'))
}

/// `true` when `s` is a card number of `provider` (any of them when `None`) that passes
/// the Luhn check, spaces and hyphens ignored, as validator.js `isCreditCard` decides.
///
/// # Examples
/// ```
/// use bulwark_core::validators::{is_credit_card, CardProvider};
/// assert!(is_credit_card("375556917985515", None));
/// assert!(is_credit_card("4111-1111-1111-1111", Some(CardProvider::Visa)));
/// assert!(!is_credit_card("375556917985515", Some(CardProvider::Visa)));
/// assert!(!is_credit_card("4716461198838156", None));
/// ```
pub fn is_credit_card(s: &str, provider: Option<CardProvider>) -> bool {
    // validator.js tests its patterns on the input without spaces and hyphens, then the
    // Luhn check, which fails unless that is all ASCII digits: digits are checked first.
    let d: Vec<u8> = s.bytes().filter(|b| !matches!(b, b'-' | b' ')).collect();
    if !d.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let shaped = match provider {
        Some(p) => p.matches(&d),
        None => CardProvider::ALL.into_iter().any(|p| p.matches(&d)),
    };
    shaped && luhn_ok(&d)
}

/// `{"provider": name}`; an empty name means any provider, as in validator.js.
pub(super) fn rule(o: &mut Options) -> Result<Rule> {
    let provider = match o.string("provider")?.as_deref() {
        None | Some("") => None,
        Some(name) => Some(CardProvider::parse(name).ok_or_else(|| {
            invalid(format!("isCreditCard: {name:?} is not a valid credit card provider"))
        })?),
    };
    Ok(Rule::CreditCard(provider))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn provider_names() {
        for p in CardProvider::ALL {
            assert_eq!(CardProvider::parse(&p.name().to_uppercase()), Some(p));
        }
        assert_eq!(CardProvider::parse("constructor"), None);
    }

    #[test]
    fn table() {
        for s in [
            "375556917985515",
            "36050234196908",
            "4716461583322103",
            "4716-2210-5188-5662",
            "4929 7226 5379 7141",
            "5398228707871527",
            "6283875070985593",
            "6263892624162870",
            "6234917882863855",
            "6234698580215388",
            "6226050967750613",
            "6246281879460688",
            "2222155765072228",
            "2225855203075256",
            "2720428011723762",
            "2718760626256570",
            "6765780016990268",
            "4716989580001715211",
            "8171999927660000",
            "8171999900000000021",
        ] {
            assert!(is_credit_card(s, None), "{s}");
        }
        for s in [
            "foo",
            "foo",
            "5398228707871528",
            "2718760626256571",
            "2721465526338453",
            "2220175103860763",
            "375556917985515999999993",
            "899999996234917882863855",
            "prefix6234917882863855",
            "623491788middle2863855",
            "6234917882863855suffix",
            "4716989580001715213",
            "",
        ] {
            assert!(!is_credit_card(s, None), "{s}");
        }
        assert!(is_credit_card("4716461583322103", Some(CardProvider::Visa)));
        assert!(!is_credit_card("5398228707871527", Some(CardProvider::Visa)));
        // The ungrouped mastercard alternation: any digits before a 2-series tail.
        assert!(is_credit_card("52000000000000000000000000000007", Some(CardProvider::Mastercard)));
    }
}

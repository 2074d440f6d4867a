//! `isRgbColor`.

use std::sync::OnceLock;

use super::rule::{Options, Rule};
use super::{is_js_space, js_test};
use crate::Result;

/// Options of [`is_rgb_color`], with validator.js names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RgbColorOptions {
    /// `allowSpaces`: whitespace anywhere after the leading `rgb` is ignored (default false).
    pub allow_spaces: bool,
    /// `includePercentValues`: `rgb(10%,20%,30%)` forms pass too (default true).
    pub include_percent_values: bool,
}

impl Default for RgbColorOptions {
    fn default() -> Self {
        RgbColorOptions { allow_spaces: false, include_percent_values: true }
    }
}

const BYTE: &str = "([0-9]|[1-9][0-9]|1[0-9][0-9]|2[0-4][0-9]|25[0-5])";
const PERCENT: &str = "([0-9]%|[1-9][0-9]%|100%)";
const ALPHA: &str = r"(0?\.\d\d?|1(\.0)?|0(\.0)?)";

/// `true` when `s` is a CSS `rgb()`/`rgba()` color, as validator.js `isRgbColor` decides.
///
/// # Examples
/// ```
/// use bulwark_core::validators::{is_rgb_color, RgbColorOptions};
/// let d = RgbColorOptions::default();
/// assert!(is_rgb_color("rgb(0,31,255)", &d) && is_rgb_color("rgba(0,0,0,.5)", &d));
/// assert!(is_rgb_color("rgb(5%,5%,5%)", &d) && !is_rgb_color("rgb(0, 31, 255)", &d));
/// let spaces = RgbColorOptions { allow_spaces: true, ..d };
/// assert!(is_rgb_color("rgb( 0, 31, 255 )", &spaces) && !is_rgb_color(" rgb(0,0,0)", &spaces));
/// ```
pub fn is_rgb_color(s: &str, options: &RgbColorOptions) -> bool {
    static RGB: OnceLock<Option<super::JsRegex>> = OnceLock::new();
    static RGBA: OnceLock<Option<super::JsRegex>> = OnceLock::new();
    static RGB_PERCENT: OnceLock<Option<super::JsRegex>> = OnceLock::new();
    static RGBA_PERCENT: OnceLock<Option<super::JsRegex>> = OnceLock::new();
    let stripped;
    let s = if options.allow_spaces {
        if !s.starts_with("rgb") {
            return false;
        }
        stripped = s.chars().filter(|&c| !is_js_space(c)).collect::<String>();
        stripped.as_str()
    } else {
        s
    };
    let rgb = js_test(&RGB, || format!(r"^rgb\(({BYTE},){{2}}{BYTE}\)$"), "", s);
    let rgba = || js_test(&RGBA, || format!(r"^rgba\(({BYTE},){{3}}{ALPHA}\)$"), "", s);
    if rgb || rgba() {
        return true;
    }
    options.include_percent_values
        && (js_test(&RGB_PERCENT, || format!(r"^rgb\(({PERCENT},){{2}}{PERCENT}\)$"), "", s)
            || js_test(&RGBA_PERCENT, || format!(r"^rgba\(({PERCENT},){{3}}{ALPHA}\)$"), "", s))
}

/// `{ "allowSpaces"?: bool, "includePercentValues"?: bool }`.
pub(crate) fn rule(o: &mut Options) -> Result<Rule> {
    Ok(Rule::RgbColor(RgbColorOptions {
        allow_spaces: o.bool("allowSpaces", false)?,
        include_percent_values: o.bool("includePercentValues", true)?,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        let d = RgbColorOptions::default();
        for s in [
            "rgb(0,0,0)",
            "rgb(255,255,255)",
            "rgba(0,0,0,0)",
            "rgba(255,255,255,1)",
            "rgba(255,255,255,.1)",
            "rgba(255,255,255,0.1)",
            "rgba(255,255,255,.12)",
            "rgb(5%,5%,5%)",
            "rgba(5%,5%,5%,.3)",
            "rgba(255,255,255,1.0)",
        ] {
            assert!(is_rgb_color(s, &d), "{s}");
        }
        for s in [
            "rgb(0,0,0,)",
            "rgb(0,0,)",
            "rgb(0,0,256)",
            "rgb()",
            "rgba(0,0,0)",
            "rgba(255,255,255,2)",
            "rgba(255,255,255,.123)",
            "rgba(255,255,256,0.1)",
            "rgb(4,4,5%)",
            "rgba(5%,5%,5%)",
            "rgb(101%,101%,101%)",
            "rgba(3%,3%,101%,0.3)",
            "rgb(101%,101%,101%) additional invalid string part",
            "rgba(3%,3%,101%,0.3) additional invalid string part",
            "r         g    b(   0,         251,       222     )",
            "r         g    ba(   0,         251,       222     )",
            "rg ba(0, 251, 22, 0.5)",
            "rgb( 255,255 ,255)",
            "rgba(255, 255, 255, 0.5)",
            "rgba(255, 255, 255, 0.5)",
            "rgb(5%, 5%, 5%)",
            "",
        ] {
            assert!(!is_rgb_color(s, &d), "{s}");
        }
        let no_percent = RgbColorOptions { include_percent_values: false, ..d };
        assert!(
            !is_rgb_color("rgb(5%,5%,5%)", &no_percent) && is_rgb_color("rgb(5,5,5)", &no_percent)
        );
        let spaces = RgbColorOptions { allow_spaces: true, ..d };
        for s in [
            "rgb( 255,255 ,255)",
            "rgba(255, 255, 255, 0.5)",
            "rgb(5%, 5%, 5%)",
            "rgba(5%, 5%, 5%, .3)",
            "rgb(\u{3000}1,2,3)",
        ] {
            assert!(is_rgb_color(s, &spaces), "{s}");
        }
        for s in
            ["r         g    b(   0,         251,       222     )", " rgb(0,0,0)", "rgb(0, 0, 256)"]
        {
            assert!(!is_rgb_color(s, &spaces), "{s}");
        }
    }
}

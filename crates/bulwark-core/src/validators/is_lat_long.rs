//! `isLatLong`.

use std::sync::OnceLock;

use super::js_test;
use super::rule::{Options, Rule};
use crate::Result;

/// Options of [`is_lat_long`], with validator.js names.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LatLongOptions {
    /// `checkDMS`: degrees, minutes and seconds (`40°26′46″N`) instead of decimal degrees.
    pub check_dms: bool,
}

/// `true` when `s` is `latitude,longitude` (optionally in parentheses), as validator.js
/// `isLatLong` decides: only the first two comma-separated parts are read.
///
/// # Examples
/// ```
/// use bulwark_core::validators::{is_lat_long, LatLongOptions};
/// let d = LatLongOptions::default();
/// assert!(is_lat_long("(-17.738223, 85.605469)", &d) && is_lat_long("+90.0,-127.554334", &d));
/// assert!(!is_lat_long("(020.000000, 010.000000000)", &d) && !is_lat_long("90.1,0", &d));
/// assert!(is_lat_long("40° 26′ 46″ N, 79° 58′ 56″ W", &LatLongOptions { check_dms: true }));
/// ```
pub fn is_lat_long(s: &str, options: &LatLongOptions) -> bool {
    static LAT: OnceLock<Option<super::JsRegex>> = OnceLock::new();
    static LONG: OnceLock<Option<super::JsRegex>> = OnceLock::new();
    static LAT_DMS: OnceLock<Option<super::JsRegex>> = OnceLock::new();
    static LONG_DMS: OnceLock<Option<super::JsRegex>> = OnceLock::new();
    let mut parts = s.split(',');
    let (Some(lat), Some(long)) = (parts.next(), parts.next()) else {
        return false;
    };
    if lat.starts_with('(') != long.ends_with(')') {
        return false;
    }
    if options.check_dms {
        js_test(
            &LAT_DMS,
            || {
                r"^(([1-8]?\d)\D+([1-5]?\d|60)\D+([1-5]?\d|60)(\.\d+)?|90\D+0\D+0)\D+[NSns]?$"
                    .into()
            },
            "i",
            lat,
        ) && js_test(
            &LONG_DMS,
            || {
                r"^\s*([1-7]?\d{1,2}\D+([1-5]?\d|60)\D+([1-5]?\d|60)(\.\d+)?|180\D+0\D+0)\D+[EWew]?$".into()
            },
            "i",
            long,
        )
    } else {
        js_test(&LAT, || r"^\(?[+-]?(90(\.0+)?|[1-8]?\d(\.\d+)?)$".into(), "", lat)
            && js_test(
                &LONG,
                || r"^\s?[+-]?(180(\.0+)?|1[0-7]\d(\.\d+)?|\d{1,2}(\.\d+)?)\)?$".into(),
                "",
                long,
            )
    }
}

/// `{ "checkDMS"?: bool }`.
pub(crate) fn rule(o: &mut Options) -> Result<Rule> {
    Ok(Rule::LatLong(LatLongOptions { check_dms: o.bool("checkDMS", false)? }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        let d = LatLongOptions::default();
        for s in [
            "(-17.738223, 85.605469)",
            "(-12.3456789, +12.3456789)",
            "(-60.999999, +179.999999)",
            "(+90.000000, -180.00000)",
            "(+71, -180)",
            "(+90,+180)",
            "(90,180)",
            "+90.0,-127.554334",
            "45,180",
            "-90,-180",
            "-90.000,-180.0000",
            "+90,+180",
            "0,0",
            "-77.833, 166.667",
            "+18.624243,+12.3",
            "1,2,3",
        ] {
            assert!(is_lat_long(s, &d), "{s}");
        }
        for s in [
            "(020.000000, 010.000000000)",
            "89.9999999989, 360.0000000",
            "90.1000000, 180.000000",
            "+90.000001, -180.00001",
            "090.0000, 0180.0000",
            "126, -158",
            "(-126.400010, -158.400010)",
            "-95, -96",
            "-95.738043, -96.738043",
            "137.5, -135.5",
            "-0,-180)",
            "(-0,-180",
            "+,-",
            "(,)",
            ",",
            " ",
            "",
            "(1,2",
            "1,2)",
        ] {
            assert!(!is_lat_long(s, &d), "{s}");
        }
        let dms = LatLongOptions { check_dms: true };
        for s in [
            "40° 26′ 46″ N, 79° 58′ 56″ W",
            "40° 26′ 46″ S, 79° 58′ 56″ E",
            "90° 0′ 0″ S, 180° 0′ 0″ E",
            "40° 26′ 45.9996″ N, 79° 58′ 55.2″ E",
            "40° 26′ 46″ n, 79° 58′ 56″ w",
            "40°26′46″N, 79°58′56″W",
        ] {
            assert!(is_lat_long(s, &dms), "{s}");
        }
        for s in [
            "100° 26′ 46″ N, 79° 70′ 56″ W",
            "40° 89′ 46″ S, 79° 58′ 100″ E",
            "40° 26.445′ 45″ N, 79° 58′ 55.2″ E",
            "40, 20",
            "40° 26′ 46″ N 79° 58′ 56″ W,1",
        ] {
            assert!(!is_lat_long(s, &dms), "{s}");
        }
    }
}

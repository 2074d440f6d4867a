//! `isMongoId`.

/// `true` when `s` is 24 hexadecimal digits (a MongoDB ObjectId), as validator.js
/// `isMongoId` decides.
///
/// # Examples
/// ```
/// use bulwark_core::validators::is_mongo_id;
/// assert!(is_mongo_id("507f1f77bcf86cd799439011"));
/// assert!(!is_mongo_id("507f1f77bcf86cd7994390"));
/// assert!(!is_mongo_id("507f1f77bcf86cd79943901z"));
/// ```
pub fn is_mongo_id(s: &str) -> bool {
    // isHexadecimal(s) && s.length === 24: a "0x"/"0h" prefix would leave 22 digits,
    // which validator.js also accepts.
    s.len() == 24 && super::is_hexadecimal(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        for s in
            ["507f1f77bcf86cd799439011", "507F1F77BCF86CD799439011", "0x7f1f77bcf86cd799439011"]
        {
            assert!(is_mongo_id(s), "{s}");
        }
        for s in [
            "507f1f77bcf86cd7994390",
            "507f1f77bcf86cd79943901z",
            "",
            "507f1f77bcf86cd799439011 ",
            "507f1f77bcf86cd7994390111",
        ] {
            assert!(!is_mongo_id(s), "{s}");
        }
    }
}

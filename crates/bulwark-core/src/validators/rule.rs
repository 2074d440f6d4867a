//! Compiled validators: a validator name and validator.js options (as JSON) compiled once
//! into a [`Rule`], and many rules checked in one call by a [`RuleSet`].
//!
//! This is how the bindings call validators (each distinct options object is compiled
//! once and reused), and the batch entry point: a request's checks compiled once into a
//! `RuleSet` and run with one call (one crossing from JS) per request.

use serde_json::{Map, Value};

use super::*;
use crate::{Error, ErrorCode, Result};

/// Every validator name a [`Rule`] accepts (validator.js names).
pub const VALIDATOR_NAMES: &[&str] = &[
    "isEmail",
    "isURL",
    "isFQDN",
    "isIP",
    "isIPRange",
    "isUUID",
    "isInt",
    "isFloat",
    "isNumeric",
    "isDecimal",
    "isAlpha",
    "isAlphanumeric",
    "isHexadecimal",
    "isBase64",
    "isJWT",
    "isISO8601",
    "isPort",
    "isSlug",
    "isMongoId",
    "isLength",
    "isByteLength",
    "isStrongPassword",
    "isJSON",
    "isBoolean",
    "isMimeType",
    "isSemVer",
    "isIn",
    "matches",
    "isISO31661Alpha2",
    "isISO31661Alpha3",
    "isISO31661Numeric",
    "isISO4217",
    "isISO15924",
    "isISO6391",
    "isMobilePhone",
    "isPostalCode",
    "isLicensePlate",
    "isPassportNumber",
    "isVAT",
    "contains",
    "equals",
    "isEmpty",
    "isAscii",
    "isLowercase",
    "isUppercase",
    "isFullWidth",
    "isHalfWidth",
    "isVariableWidth",
    "isMultibyte",
    "isSurrogatePair",
    "isWhitelisted",
    "isOctal",
    "isMD5",
    "isHash",
    "isBase32",
    "isBase58",
    "isULID",
    "isDivisibleBy",
    "isHexColor",
    "isRgbColor",
    "isHSL",
    "isLatLong",
    "isMACAddress",
    "isDataURI",
    "isMagnetURI",
    "isMailtoURI",
    "isRFC3339",
    "isTime",
    "isLocale",
    "isLuhnNumber",
    "isCreditCard",
    "isIMEI",
    "isEAN",
    "isISBN",
    "isISSN",
    "isISIN",
    "isIBAN",
    "isAbaRouting",
    "isISRC",
    "isISO6346",
    "isFreightContainerID",
    "isBtcAddress",
    "isEthereumAddress",
    "isBIC",
    "isDate",
    "isIdentityCard",
    "isTaxID",
    "isCurrency",
];

/// One validator with its options, compiled.
#[derive(Debug, Clone)]
pub enum Rule {
    /// `isEmail`
    Email(Box<EmailOptions>),
    /// `isURL`
    Url(Box<UrlOptions>),
    /// `isFQDN`
    Fqdn(FqdnOptions),
    /// `isIP`
    Ip(IpVersion),
    /// `isIPRange`
    IpRange(IpVersion),
    /// `isUUID`
    Uuid(UuidVersion),
    /// `isInt`
    Int(IntOptions),
    /// `isFloat`
    Float(FloatOptions),
    /// `isNumeric`
    Numeric(NumericOptions),
    /// `isDecimal`
    Decimal(DecimalOptions),
    /// `isAlpha`
    Alpha(Box<AlphaOptions>),
    /// `isAlphanumeric`
    Alphanumeric(Box<AlphaOptions>),
    /// `isHexadecimal`
    Hexadecimal,
    /// `isBase64`
    Base64(Base64Options),
    /// `isJWT`
    Jwt,
    /// `isISO8601`
    Iso8601(Iso8601Options),
    /// `isPort`
    Port,
    /// `isSlug`
    Slug,
    /// `isMongoId`
    MongoId,
    /// `isLength`
    Length(LengthOptions),
    /// `isByteLength`
    ByteLength(ByteLengthOptions),
    /// `isStrongPassword` (`returns_score`: the options asked for `returnScore`).
    StrongPassword {
        /// The thresholds and scoring.
        options: StrongPasswordOptions,
        /// validator.js `returnScore`: [`Rule::score`] is the result.
        returns_score: bool,
    },
    /// `isJSON`
    Json(JsonOptions),
    /// `isBoolean`
    Boolean(BooleanOptions),
    /// `isMimeType`
    MimeType,
    /// `isSemVer`
    SemVer,
    /// `isIn`
    In(Vec<String>),
    /// `matches`
    Matches(Box<JsRegex>),
    /// `isISO31661Alpha2`
    Iso31661Alpha2(CountryCodeOptions),
    /// `isISO31661Alpha3`
    Iso31661Alpha3(CountryCodeOptions),
    /// `isISO31661Numeric`
    Iso31661Numeric,
    /// `isISO4217`
    Iso4217,
    /// `isISO15924`
    Iso15924,
    /// `isISO6391`
    Iso6391,
    /// `isMobilePhone`
    MobilePhone(MobilePhoneOptions),
    /// `isPostalCode`
    PostalCode(PostalCodeLocale),
    /// `isLicensePlate`
    LicensePlate(LicensePlateLocale),
    /// `isPassportNumber`
    PassportNumber(PassportCountry),
    /// `isVAT`
    Vat(VatCountry),
    /// `contains`
    Contains(Box<ContainsOptions>),
    /// `equals` (the comparison; `None`, a non-string in JS, equals no string)
    Equals(Option<String>),
    /// `isEmpty`
    Empty(EmptyOptions),
    /// `isAscii`
    Ascii,
    /// `isLowercase`
    Lowercase,
    /// `isUppercase`
    Uppercase,
    /// `isFullWidth`
    FullWidth,
    /// `isHalfWidth`
    HalfWidth,
    /// `isVariableWidth`
    VariableWidth,
    /// `isMultibyte`
    Multibyte,
    /// `isSurrogatePair`
    SurrogatePair,
    /// `isWhitelisted` (the allowed characters)
    Whitelisted(String),
    /// `isOctal`
    Octal,
    /// `isMD5`
    Md5,
    /// `isHash` (the digest length in hex digits)
    Hash(usize),
    /// `isBase32`
    Base32(Base32Options),
    /// `isBase58`
    Base58,
    /// `isULID`
    Ulid,
    /// `isDivisibleBy` (`parseInt(number, 10)`, NaN for none)
    DivisibleBy(f64),
    /// `isHexColor`
    HexColor(HexColorOptions),
    /// `isRgbColor`
    RgbColor(RgbColorOptions),
    /// `isHSL`
    Hsl,
    /// `isLatLong`
    LatLong(LatLongOptions),
    /// `isMACAddress`
    MacAddress(MacAddressOptions),
    /// `isDataURI`
    DataUri,
    /// `isMagnetURI`
    MagnetUri,
    /// `isMailtoURI`
    MailtoUri(Box<EmailOptions>),
    /// `isRFC3339`
    Rfc3339,
    /// `isTime`
    Time(TimeOptions),
    /// `isLocale`
    Locale,
    /// `isLuhnNumber`
    LuhnNumber,
    /// `isCreditCard` (`None`: any provider)
    CreditCard(Option<CardProvider>),
    /// `isIMEI`
    Imei(ImeiOptions),
    /// `isEAN`
    Ean,
    /// `isISBN`
    Isbn(IsbnVersion),
    /// `isISSN`
    Issn(IssnOptions),
    /// `isISIN`
    Isin,
    /// `isIBAN`
    Iban(Box<IbanOptions>),
    /// `isAbaRouting`
    AbaRouting,
    /// `isISRC`
    Isrc,
    /// `isISO6346` and `isFreightContainerID`
    Iso6346,
    /// `isBtcAddress`
    BtcAddress,
    /// `isEthereumAddress`
    EthereumAddress,
    /// `isBIC`
    Bic,
    /// `isDate` (strings; Date objects are decided in JS)
    Date(Box<DateOptions>),
    /// `isIdentityCard`
    IdentityCard(IdentityCardLocale),
    /// `isTaxID`
    TaxId(TaxIdOptions),
    /// `isCurrency`
    Currency(Box<Currency>),
}

pub(super) fn invalid(message: String) -> Error {
    Error::new(ErrorCode::InvalidOptions, message)
}

/// Reads an options object strictly: every key must be consumed by a typed read. Each
/// validator's file parses its own options from it (`fn rule(o: &mut Options) -> Result<Rule>`).
pub(crate) struct Options<'a> {
    pub(super) name: &'a str,
    map: Map<String, Value>,
}

impl<'a> Options<'a> {
    fn parse(name: &'a str, json: &str) -> Result<Self> {
        let value: Value = if json.trim().is_empty() {
            Value::Object(Map::new())
        } else {
            serde_json::from_str(json)
                .map_err(|err| invalid(format!("{name}: options are not valid JSON: {err}")))?
        };
        match value {
            Value::Object(map) => Ok(Options { name, map }),
            Value::Null => Ok(Options { name, map: Map::new() }),
            _ => Err(invalid(format!("{name}: options must be an object"))),
        }
    }

    /// The validator's name (for messages).
    pub(super) fn name(&self) -> &str {
        self.name
    }

    pub(super) fn wrong(&self, key: &str, expected: &str) -> Error {
        invalid(format!("{}: option \"{key}\" must be {expected}", self.name))
    }

    /// Removes `key`; JSON `null` counts as absent.
    pub(super) fn take(&mut self, key: &str) -> Option<Value> {
        self.map.remove(key).filter(|v| !v.is_null())
    }

    pub(super) fn bool(&mut self, key: &str, default: bool) -> Result<bool> {
        match self.take(key) {
            None => Ok(default),
            Some(Value::Bool(b)) => Ok(b),
            Some(_) => Err(self.wrong(key, "a boolean")),
        }
    }

    pub(super) fn number(&mut self, key: &str) -> Result<Option<f64>> {
        match self.take(key) {
            None => Ok(None),
            Some(Value::Number(n)) => n
                .as_f64()
                .filter(|f| f.is_finite())
                .map(Some)
                .ok_or_else(|| self.wrong(key, "a finite number")),
            Some(_) => Err(self.wrong(key, "a finite number")),
        }
    }

    pub(super) fn string(&mut self, key: &str) -> Result<Option<String>> {
        match self.take(key) {
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(s)),
            Some(_) => Err(self.wrong(key, "a string")),
        }
    }

    pub(super) fn strings(&mut self, key: &str) -> Result<Option<Vec<String>>> {
        match self.take(key) {
            None => Ok(None),
            Some(Value::Array(items)) => items
                .into_iter()
                .map(|v| match v {
                    Value::String(s) => Ok(s),
                    _ => Err(self.wrong(key, "an array of strings")),
                })
                .collect::<Result<Vec<_>>>()
                .map(Some),
            Some(_) => Err(self.wrong(key, "an array of strings")),
        }
    }

    pub(super) fn numbers(&mut self, key: &str) -> Result<Option<Vec<f64>>> {
        match self.take(key) {
            None => Ok(None),
            Some(Value::Array(items)) => items
                .into_iter()
                .map(|v| {
                    v.as_f64()
                        .filter(|f| f.is_finite())
                        .ok_or_else(|| self.wrong(key, "an array of numbers"))
                })
                .collect::<Result<Vec<_>>>()
                .map(Some),
            Some(_) => Err(self.wrong(key, "an array of numbers")),
        }
    }

    /// A pattern given as `{ "source": ..., "flags": ... }` (a serialized RegExp).
    pub(crate) fn regex_value(&self, key: &str, value: Value) -> Result<JsRegex> {
        let Value::Object(mut map) = value else {
            return Err(self.wrong(key, "a RegExp"));
        };
        let source = match map.remove("source") {
            Some(Value::String(s)) => s,
            _ => return Err(self.wrong(key, "a RegExp")),
        };
        let flags = match map.remove("flags") {
            None | Some(Value::Null) => String::new(),
            Some(Value::String(s)) => s,
            _ => return Err(self.wrong(key, "a RegExp")),
        };
        if !map.is_empty() {
            return Err(self.wrong(key, "a RegExp"));
        }
        JsRegex::new(&source, &flags)
            .map_err(|err| invalid(format!("{}: option \"{key}\": {}", self.name, err.message())))
    }

    /// `host_whitelist` / `host_blacklist`: strings and RegExps; `false` means none.
    pub(super) fn hosts(&mut self, key: &str) -> Result<Option<Vec<HostMatcher>>> {
        match self.take(key) {
            None | Some(Value::Bool(false)) => Ok(None),
            Some(Value::Array(items)) => items
                .into_iter()
                .map(|v| match v {
                    Value::String(s) => Ok(HostMatcher::Exact(s)),
                    other => self.regex_value(key, other).map(HostMatcher::Pattern),
                })
                .collect::<Result<Vec<_>>>()
                .map(Some),
            Some(_) => Err(self.wrong(key, "an array of strings and RegExps")),
        }
    }

    pub(super) fn version(&mut self, key: &str) -> Result<Option<String>> {
        match self.take(key) {
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(s)),
            Some(Value::Number(n)) => Ok(Some(n.to_string())),
            Some(_) => Err(self.wrong(key, "a string or a number")),
        }
    }

    fn finish<T>(self, rule: T) -> Result<T> {
        match self.map.keys().next() {
            None => Ok(rule),
            Some(key) => Err(invalid(format!("{}: unknown option \"{key}\"", self.name))),
        }
    }
}

impl Rule {
    /// Compiles validator `name` (a validator.js name, see [`VALIDATOR_NAMES`]) with its
    /// options as a JSON object using validator.js keys (`{"allow_display_name": true}`).
    /// RegExp options (`matches`' pattern, host lists, `ignore`) are
    /// `{"source": ..., "flags": ...}`; `matches` takes `{"pattern": ..., "flags": ...}`,
    /// `isIn` takes `{"values": [...]}`, `isIP`/`isIPRange`/`isUUID` take `{"version": ...}`
    /// and `isAlpha`/`isAlphanumeric` take `{"locale": ..., "ignore": ...}`. An empty string
    /// means no options.
    ///
    /// # Errors
    /// `INVALID_OPTIONS` for an unknown validator, an unknown key, a wrong type or an
    /// invalid value (unknown locale or version, a pattern the linear-time engine refuses).
    ///
    /// # Examples
    /// ```
    /// use bulwark_core::validators::Rule;
    /// let rule = Rule::from_json("isInt", r#"{"min": 1, "max": 10}"#).unwrap();
    /// assert!(rule.test("7") && !rule.test("11"));
    /// assert!(Rule::from_json("isInt", r#"{"mni": 1}"#).is_err());
    /// ```
    pub fn from_json(name: &str, options_json: &str) -> Result<Rule> {
        let mut o = Options::parse(name, options_json)?;
        let rule = match name {
            "isEmail" => is_email::rule(&mut o)?,
            "isURL" => is_url::rule(&mut o)?,
            "isFQDN" => is_fqdn::rule(&mut o)?,
            "isIP" => is_ip::rule(&mut o)?,
            "isIPRange" => is_ip_range::rule(&mut o)?,
            "isUUID" => is_uuid::rule(&mut o)?,
            "isInt" => is_int::rule(&mut o)?,
            "isFloat" => is_float::rule(&mut o)?,
            "isNumeric" => is_numeric::rule(&mut o)?,
            "isDecimal" => is_decimal::rule(&mut o)?,
            "isAlpha" => is_alpha::rule(&mut o)?,
            "isAlphanumeric" => is_alphanumeric::rule(&mut o)?,
            "isHexadecimal" => Rule::Hexadecimal,
            "isBase64" => is_base64::rule(&mut o)?,
            "isJWT" => Rule::Jwt,
            "isISO8601" => is_iso8601::rule(&mut o)?,
            "isPort" => Rule::Port,
            "isSlug" => Rule::Slug,
            "isMongoId" => Rule::MongoId,
            "isLength" => is_length::rule(&mut o)?,
            "isByteLength" => is_byte_length::rule(&mut o)?,
            "isStrongPassword" => is_strong_password::rule(&mut o)?,
            "isJSON" => is_json::rule(&mut o)?,
            "isBoolean" => is_boolean::rule(&mut o)?,
            "isMimeType" => Rule::MimeType,
            "isSemVer" => Rule::SemVer,
            "isIn" => is_in::rule(&mut o)?,
            "matches" => matches::rule(&mut o)?,
            "isISO31661Alpha2" => is_iso31661_alpha2::rule(&mut o)?,
            "isISO31661Alpha3" => is_iso31661_alpha3::rule(&mut o)?,
            "isISO31661Numeric" => is_iso31661_numeric::rule(&mut o)?,
            "isISO4217" => is_iso4217::rule(&mut o)?,
            "isISO15924" => is_iso15924::rule(&mut o)?,
            "isISO6391" => is_iso6391::rule(&mut o)?,
            "isMobilePhone" => is_mobile_phone::rule(&mut o)?,
            "isPostalCode" => is_postal_code::rule(&mut o)?,
            "isLicensePlate" => is_license_plate::rule(&mut o)?,
            "isPassportNumber" => is_passport_number::rule(&mut o)?,
            "isVAT" => is_vat::rule(&mut o)?,
            "contains" => contains::rule(&mut o)?,
            "equals" => equals::rule(&mut o)?,
            "isEmpty" => is_empty::rule(&mut o)?,
            "isAscii" => Rule::Ascii,
            "isLowercase" => Rule::Lowercase,
            "isUppercase" => Rule::Uppercase,
            "isFullWidth" => Rule::FullWidth,
            "isHalfWidth" => Rule::HalfWidth,
            "isVariableWidth" => Rule::VariableWidth,
            "isMultibyte" => Rule::Multibyte,
            "isSurrogatePair" => Rule::SurrogatePair,
            "isWhitelisted" => is_whitelisted::rule(&mut o)?,
            "isOctal" => Rule::Octal,
            "isMD5" => Rule::Md5,
            "isHash" => is_hash::rule(&mut o)?,
            "isBase32" => is_base32::rule(&mut o)?,
            "isBase58" => Rule::Base58,
            "isULID" => Rule::Ulid,
            "isDivisibleBy" => is_divisible_by::rule(&mut o)?,
            "isHexColor" => is_hex_color::rule(&mut o)?,
            "isRgbColor" => is_rgb_color::rule(&mut o)?,
            "isHSL" => Rule::Hsl,
            "isLatLong" => is_lat_long::rule(&mut o)?,
            "isMACAddress" => is_mac_address::rule(&mut o)?,
            "isDataURI" => Rule::DataUri,
            "isMagnetURI" => Rule::MagnetUri,
            "isMailtoURI" => is_mailto_uri::rule(&mut o)?,
            "isRFC3339" => Rule::Rfc3339,
            "isTime" => is_time::rule(&mut o)?,
            "isLocale" => Rule::Locale,
            "isLuhnNumber" => Rule::LuhnNumber,
            "isCreditCard" => is_credit_card::rule(&mut o)?,
            "isIMEI" => is_imei::rule(&mut o)?,
            "isEAN" => Rule::Ean,
            "isISBN" => is_isbn::rule(&mut o)?,
            "isISSN" => is_issn::rule(&mut o)?,
            "isISIN" => Rule::Isin,
            "isIBAN" => is_iban::rule(&mut o)?,
            "isAbaRouting" => Rule::AbaRouting,
            "isISRC" => Rule::Isrc,
            "isISO6346" | "isFreightContainerID" => Rule::Iso6346,
            "isBtcAddress" => Rule::BtcAddress,
            "isEthereumAddress" => Rule::EthereumAddress,
            "isBIC" => Rule::Bic,
            "isDate" => is_date::rule(&mut o)?,
            "isIdentityCard" => is_identity_card::rule(&mut o)?,
            "isTaxID" => is_tax_id::rule(&mut o)?,
            "isCurrency" => is_currency::rule(&mut o)?,
            _ => return Err(invalid(format!("unknown validator \"{name}\""))),
        };
        o.finish(rule)
    }

    /// The validator's boolean answer for `s`.
    pub fn test(&self, s: &str) -> bool {
        match self {
            Rule::Email(o) => is_email(s, o),
            Rule::Url(o) => is_url(s, o),
            Rule::Fqdn(o) => is_fqdn(s, o),
            Rule::Ip(v) => is_ip(s, *v),
            Rule::IpRange(v) => is_ip_range(s, *v),
            Rule::Uuid(v) => is_uuid(s, *v),
            Rule::Int(o) => is_int(s, o),
            Rule::Float(o) => is_float(s, o),
            Rule::Numeric(o) => is_numeric(s, o),
            Rule::Decimal(o) => is_decimal(s, o),
            Rule::Alpha(o) => is_alpha(s, o),
            Rule::Alphanumeric(o) => is_alphanumeric(s, o),
            Rule::Hexadecimal => is_hexadecimal(s),
            Rule::Base64(o) => is_base64(s, o),
            Rule::Jwt => is_jwt(s),
            Rule::Iso8601(o) => is_iso8601(s, o),
            Rule::Port => is_port(s),
            Rule::Slug => is_slug(s),
            Rule::MongoId => is_mongo_id(s),
            Rule::Length(o) => is_length(s, o),
            Rule::ByteLength(o) => is_byte_length(s, o),
            Rule::StrongPassword { options, .. } => is_strong_password(s, options),
            Rule::Json(o) => is_json(s, o),
            Rule::Boolean(o) => is_boolean(s, o),
            Rule::MimeType => is_mime_type(s),
            Rule::SemVer => is_sem_ver(s),
            Rule::In(values) => is_in(s, values),
            Rule::Matches(re) => matches(s, re),
            Rule::Iso31661Alpha2(o) => is_iso31661_alpha2(s, o),
            Rule::Iso31661Alpha3(o) => is_iso31661_alpha3(s, o),
            Rule::Iso31661Numeric => is_iso31661_numeric(s),
            Rule::Iso4217 => is_iso4217(s),
            Rule::Iso15924 => is_iso15924(s),
            Rule::Iso6391 => is_iso6391(s),
            Rule::MobilePhone(o) => is_mobile_phone(s, o),
            Rule::PostalCode(l) => is_postal_code(s, l),
            Rule::LicensePlate(l) => is_license_plate(s, l),
            Rule::PassportNumber(c) => is_passport_number(s, c),
            Rule::Vat(c) => is_vat(s, c),
            Rule::Contains(o) => contains(s, o),
            Rule::Equals(c) => c.as_deref().is_some_and(|c| equals(s, c)),
            Rule::Empty(o) => is_empty(s, o),
            Rule::Ascii => is_ascii(s),
            Rule::Lowercase => is_lowercase(s),
            Rule::Uppercase => is_uppercase(s),
            Rule::FullWidth => is_full_width(s),
            Rule::HalfWidth => is_half_width(s),
            Rule::VariableWidth => is_variable_width(s),
            Rule::Multibyte => is_multibyte(s),
            Rule::SurrogatePair => is_surrogate_pair(s),
            Rule::Whitelisted(chars) => is_whitelisted(s, chars),
            Rule::Octal => is_octal(s),
            Rule::Md5 => is_md5(s),
            Rule::Hash(len) => is_hash(s, *len),
            Rule::Base32(o) => is_base32(s, o),
            Rule::Base58 => is_base58(s),
            Rule::Ulid => is_ulid(s),
            Rule::DivisibleBy(n) => is_divisible_by(s, *n),
            Rule::HexColor(o) => is_hex_color(s, o),
            Rule::RgbColor(o) => is_rgb_color(s, o),
            Rule::Hsl => is_hsl(s),
            Rule::LatLong(o) => is_lat_long(s, o),
            Rule::MacAddress(o) => is_mac_address(s, o),
            Rule::DataUri => is_data_uri(s),
            Rule::MagnetUri => is_magnet_uri(s),
            Rule::MailtoUri(o) => is_mailto_uri(s, o),
            Rule::Rfc3339 => is_rfc3339(s),
            Rule::Time(o) => is_time(s, o),
            Rule::Locale => is_locale(s),
            Rule::LuhnNumber => is_luhn_number(s),
            Rule::CreditCard(provider) => is_credit_card(s, *provider),
            Rule::Imei(o) => is_imei(s, o),
            Rule::Ean => is_ean(s),
            Rule::Isbn(v) => is_isbn(s, *v),
            Rule::Issn(o) => is_issn(s, o),
            Rule::Isin => is_isin(s),
            Rule::Iban(o) => is_iban(s, o),
            Rule::AbaRouting => is_aba_routing(s),
            Rule::Isrc => is_isrc(s),
            Rule::Iso6346 => is_iso6346(s),
            Rule::BtcAddress => is_btc_address(s),
            Rule::EthereumAddress => is_ethereum_address(s),
            Rule::Bic => is_bic(s),
            Rule::Date(o) => is_date(s, o),
            Rule::IdentityCard(l) => is_identity_card(s, l),
            Rule::TaxId(o) => is_tax_id_with(s, o),
            Rule::Currency(c) => is_currency(s, c),
        }
    }

    /// `isStrongPassword` with `returnScore`: the score; `None` for every other rule.
    pub fn score(&self, s: &str) -> Option<f64> {
        match self {
            Rule::StrongPassword { options, returns_score: true } => {
                Some(password_score(s, options))
            }
            _ => None,
        }
    }
}

/// Rules compiled once and checked together: the batch entry point.
///
/// # Examples
/// ```
/// use bulwark_core::validators::RuleSet;
/// let rules = RuleSet::from_json(r#"[
///     {"validator": "isEmail"},
///     {"validator": "isLength", "options": {"min": 8}},
///     {"validator": "isInt", "options": {"min": 13}}
/// ]"#).unwrap();
/// assert_eq!(rules.check(&["a@example.com", "long enough", "42"]).unwrap(), Vec::<u32>::new());
/// assert_eq!(rules.check(&["not an email", "short", "42"]).unwrap(), vec![0, 1]);
/// ```
#[derive(Debug, Clone)]
pub struct RuleSet {
    rules: Vec<Rule>,
}

impl RuleSet {
    /// The most rules one set may hold.
    pub const MAX_RULES: usize = 10_000;

    /// Compiles `[{"validator": name, "options": {...}}, ...]` (options as in
    /// [`Rule::from_json`]; `returnScore` is refused: a set answers pass/fail).
    ///
    /// # Errors
    /// `INVALID_OPTIONS` for malformed JSON, an unknown key or validator, bad options, or
    /// more than [`RuleSet::MAX_RULES`] rules.
    pub fn from_json(rules_json: &str) -> Result<RuleSet> {
        let value: Value = serde_json::from_str(rules_json)
            .map_err(|err| invalid(format!("rules are not valid JSON: {err}")))?;
        let Value::Array(items) = value else {
            return Err(invalid("rules must be an array".into()));
        };
        if items.len() > Self::MAX_RULES {
            return Err(invalid(format!("at most {} rules", Self::MAX_RULES)));
        }
        let rules = items
            .into_iter()
            .enumerate()
            .map(|(i, item)| {
                let Value::Object(mut map) = item else {
                    return Err(invalid(format!("rule {i} must be an object")));
                };
                let Some(Value::String(name)) = map.remove("validator") else {
                    return Err(invalid(format!("rule {i} needs a validator name")));
                };
                let options = map.remove("options").unwrap_or(Value::Null);
                if let Some(key) = map.keys().next() {
                    return Err(invalid(format!("rule {i}: unknown key \"{key}\"")));
                }
                let rule = Rule::from_json(&name, &options.to_string())
                    .map_err(|err| invalid(format!("rule {i}: {}", err.message())))?;
                if matches!(rule, Rule::StrongPassword { returns_score: true, .. }) {
                    return Err(invalid(format!(
                        "rule {i}: returnScore is not allowed in a rule set"
                    )));
                }
                Ok(rule)
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(RuleSet { rules })
    }

    /// Builds a set from compiled rules.
    pub fn new(rules: Vec<Rule>) -> RuleSet {
        RuleSet { rules }
    }

    /// The number of rules.
    pub fn len(&self) -> usize {
        self.rules.len()
    }

    /// Whether the set has no rules.
    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }

    /// The rules.
    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    /// Checks `values[i]` with rule `i` and returns the indexes of the rules that failed
    /// (empty when everything passed).
    ///
    /// # Errors
    /// `INVALID_OPTIONS` when the number of values is not the number of rules.
    pub fn check<S: AsRef<str>>(&self, values: &[S]) -> Result<Vec<u32>> {
        if values.len() != self.rules.len() {
            return Err(invalid(format!("{} values for {} rules", values.len(), self.rules.len())));
        }
        Ok(self
            .rules
            .iter()
            .zip(values)
            .enumerate()
            .filter(|(_, (rule, value))| !rule.test(value.as_ref()))
            .map(|(i, _)| i as u32)
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(name: &str, json: &str) -> Rule {
        match Rule::from_json(name, json) {
            Ok(r) => r,
            Err(err) => panic!("{name} {json}: {err}"),
        }
    }

    #[test]
    fn every_validator_compiles_with_defaults() {
        for &name in VALIDATOR_NAMES {
            let json = match name {
                "isIn" => r#"{"values": ["a"]}"#,
                "matches" => r#"{"pattern": "a"}"#,
                "isPostalCode" | "isLicensePlate" => r#"{"locale": "any"}"#,
                "isPassportNumber" | "isVAT" => r#"{"locale": "DE"}"#,
                "contains" => r#"{"seed": "a"}"#,
                "equals" => r#"{"comparison": "a"}"#,
                "isWhitelisted" => r#"{"chars": "a"}"#,
                "isHash" => r#"{"algorithm": "md5"}"#,
                _ => "",
            };
            let _ = rule(name, json).test("a");
        }
    }

    #[test]
    fn options_are_typed_and_strict() {
        for (name, json) in [
            ("isEmail", r#"{"allow_display_name": "yes"}"#),
            ("isEmail", r#"{"allow_display_nam": true}"#),
            ("isEmail", r#"{"host_blacklist": "a.com"}"#),
            ("isEmail", r#"{"host_blacklist": [{"source": "(?=a)"}]}"#),
            ("isEmail", r#"{"blacklisted_chars": "\\"}"#),
            ("isInt", r#"{"min": "1"}"#),
            ("isIP", r#"{"version": 5}"#),
            ("isUUID", r#"{"version": "9"}"#),
            ("isFloat", r#"{"locale": "xx"}"#),
            ("isDecimal", r#"{"decimal_digits": "1}|.*"}"#),
            ("isAlpha", r#"{"locale": "xx"}"#),
            ("isLength", r#"{"discreteLengths": [1, "2"]}"#),
            ("isIn", r#"{}"#),
            ("isIn", r#"{"values": [1]}"#),
            ("matches", r#"{"pattern": "(a)\\1"}"#),
            ("isSlug", r#"{"x": 1}"#),
            ("isNope", ""),
            ("isInt", "[1]"),
            ("isInt", "{"),
            ("isMobilePhone", r#"{"locale": "xx-XX"}"#),
            ("isMobilePhone", r#"{"locale": ["de-DE", "xx"]}"#),
            ("isMobilePhone", r#"{"locale": 5}"#),
            ("isMobilePhone", r#"{"strictMode": "yes"}"#),
            ("isPostalCode", ""),
            ("isPostalCode", r#"{"locale": ["DE"]}"#),
            ("isLicensePlate", r#"{"locale": "de"}"#),
            ("isPassportNumber", r#"{"locale": "us"}"#),
            ("isVAT", r#"{"locale": "toString"}"#),
            ("isTaxID", r#"{"locale": "toString"}"#),
            ("isISO31661Alpha2", r#"{"userAssignedCodes": "XK"}"#),
            ("isISO4217", r#"{"x": 1}"#),
            ("isIdentityCard", r#"{"locale": "es"}"#),
            ("isIdentityCard", r#"{"locale": ["ES"]}"#),
        ] {
            let err = Rule::from_json(name, json).err();
            assert_eq!(err.map(|e| e.code()), Some(ErrorCode::InvalidOptions), "{name} {json}");
        }
    }

    #[test]
    fn options_reach_the_validators() {
        assert!(rule("isEmail", r#"{"allow_display_name": true}"#).test("Name <a@b.com>"));
        assert!(!rule("isEmail", "").test("Name <a@b.com>"));
        assert!(
            !rule("isEmail", r#"{"host_blacklist": [{"source": "^evil\\.", "flags": "i"}]}"#)
                .test("a@EVIL.com")
        );
        assert!(
            rule("isURL", r#"{"protocols": ["rtmp"], "host_blacklist": false}"#)
                .test("rtmp://a.com")
        );
        assert!(
            rule("isIP", r#"{"version": 6}"#).test("::1")
                && !rule("isIP", r#"{"version": "4"}"#).test("::1")
        );
        assert!(rule("isUUID", r#"{"version": 4}"#).test("713ae7e3-cb32-45f9-adcb-7c4fa86b90c1"));
        assert!(rule("isInt", r#"{"min": null, "max": 5}"#).test("5"));
        assert!(rule("isAlpha", r#"{"locale": "de-DE", "ignore": " "}"#).test("Straße groß"));
        assert!(
            rule("isAlphanumeric", r#"{"ignore": {"source": "[ -]", "flags": "g"}}"#).test("a-1 b")
        );
        assert!(rule("isBase64", r#"{"urlSafe": true}"#).test("a-_b"));
        assert!(rule("isLength", r#"{"discreteLengths": [3]}"#).test("abc"));
        let score = rule("isStrongPassword", r#"{"returnScore": true}"#);
        assert_eq!(score.score("abc"), Some(13.0));
        assert_eq!(rule("isStrongPassword", "").score("abc"), None);
        assert!(rule("isIn", r#"{"values": ["a", "b"]}"#).test("b"));
        assert!(rule("matches", r#"{"pattern": "^a", "flags": "i"}"#).test("Abc"));
        assert!(rule("isMobilePhone", r#"{"locale": ["fr-FR", "de-DE"]}"#).test("0612345678"));
        assert!(!rule("isMobilePhone", r#"{"strictMode": true}"#).test("0612345678"));
        assert!(rule("isMobilePhone", r#"{"locale": ""}"#).test("0612345678"));
        assert!(rule("isPostalCode", r#"{"locale": "any"}"#).test("10115"));
        assert!(rule("isISO31661Alpha2", r#"{"userAssignedCodes": ["XK"]}"#).test("xk"));
        assert!(rule("isIdentityCard", r#"{"locale": "ES"}"#).test("99999999R"));
        assert!(rule("isIdentityCard", "").test("99999999R"));
        assert!(!rule("isIdentityCard", r#"{"locale": "zh-TW"}"#).test("99999999R"));
    }

    #[test]
    fn rule_sets() {
        let set = match RuleSet::from_json(
            r#"[{"validator": "isInt"}, {"validator": "isEmail", "options": {}}]"#,
        ) {
            Ok(s) => s,
            Err(err) => panic!("{err}"),
        };
        assert_eq!(set.len(), 2);
        assert_eq!(set.check(&["1", "a@b.com"]).ok(), Some(vec![]));
        assert_eq!(set.check(&["x", "a@b.com"]).ok(), Some(vec![0]));
        assert!(set.check(&["1"]).is_err());
        for bad in [
            "{}",
            "[1]",
            r#"[{"options": {}}]"#,
            r#"[{"validator": "isInt", "extra": 1}]"#,
            r#"[{"validator": "isStrongPassword", "options": {"returnScore": true}}]"#,
            r#"[{"validator": "isInt", "options": {"min": "x"}}]"#,
        ] {
            assert!(RuleSet::from_json(bad).is_err(), "{bad}");
        }
    }
}

//! Password hashing with argon2id, stored as PHC strings
//! (`$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>`).
//!
//! Hashes interoperate with node-argon2 and `@node-rs/argon2` in both directions.
//! Verification reads the cost parameters from the stored hash, so an attacker who can
//! write a hash (a compromised row, an import) could ask for terabytes of memory; every
//! verification therefore checks the parameters against [`CostLimits`] *before* hashing.

use argon2::password_hash::phc::{Output, ParamsString, PasswordHash, Salt};
use argon2::{Algorithm, Argon2, Params, Version};
use subtle::ConstantTimeEq;

use crate::{Error, ErrorCode, Result};

/// Longest password accepted, in bytes. Longer input is `INPUT_TOO_LARGE`: hashing it
/// would let a request spend time before the argon2 cost even starts.
pub const MAX_PASSWORD_BYTES: usize = 64 * 1024;

/// Longest stored hash accepted, in bytes. Real PHC strings are under 250 bytes.
pub const MAX_HASH_CHARS: usize = 1024;

/// Parameters for new hashes. The default is OWASP's argon2id minimum.
///
/// # Examples
/// ```
/// let options = bulwark_core::password::HashOptions::default();
/// assert_eq!((options.memory_cost, options.time_cost, options.parallelism), (19456, 2, 1));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HashOptions {
    /// Memory in KiB (`m`). Default 19456 (19 MiB).
    pub memory_cost: u32,
    /// Passes over memory (`t`). Default 2.
    pub time_cost: u32,
    /// Lanes (`p`). Default 1.
    pub parallelism: u32,
    /// Length of the hash in bytes, 16 to 64. Default 32.
    pub hash_length: u32,
    /// Length of the random salt in bytes, 16 to 48. Default 16.
    pub salt_length: u32,
}

impl Default for HashOptions {
    fn default() -> Self {
        HashOptions {
            memory_cost: 19 * 1024,
            time_cost: 2,
            parallelism: 1,
            hash_length: 32,
            salt_length: 16,
        }
    }
}

/// The most a stored hash may ask of [`verify_password`].
///
/// The default allows at most 1 GiB of memory, 10 passes and 16 lanes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CostLimits {
    /// Maximum `m` in KiB. Default 1048576 (1 GiB).
    pub max_memory_cost: u32,
    /// Maximum `t`. Default 10.
    pub max_time_cost: u32,
    /// Maximum `p`. Default 16.
    pub max_parallelism: u32,
}

impl Default for CostLimits {
    fn default() -> Self {
        CostLimits { max_memory_cost: 1024 * 1024, max_time_cost: 10, max_parallelism: 16 }
    }
}

impl CostLimits {
    fn check(&self, memory_cost: u32, time_cost: u32, parallelism: u32) -> Result<()> {
        if memory_cost > self.max_memory_cost
            || time_cost > self.max_time_cost
            || parallelism > self.max_parallelism
        {
            return Err(Error::new(
                ErrorCode::HashParamsTooCostly,
                format!(
                    "argon2 parameters m={memory_cost}, t={time_cost}, p={parallelism} exceed the limits m<={}, t<={}, p<={}",
                    self.max_memory_cost, self.max_time_cost, self.max_parallelism
                ),
            ));
        }
        Ok(())
    }
}

fn invalid_options(message: String) -> Error {
    Error::new(ErrorCode::InvalidOptions, message)
}

fn invalid_hash(message: &str) -> Error {
    Error::new(ErrorCode::InvalidHash, message)
}

fn check_password(password: &[u8]) -> Result<()> {
    if password.len() > MAX_PASSWORD_BYTES {
        return Err(Error::new(
            ErrorCode::InputTooLarge,
            format!("password is longer than {MAX_PASSWORD_BYTES} bytes"),
        ));
    }
    Ok(())
}

fn check_range(name: &str, value: u32, min: u32, max: u32) -> Result<()> {
    if value < min || value > max {
        return Err(invalid_options(format!(
            "{name} must be between {min} and {max}, got {value}"
        )));
    }
    Ok(())
}

impl HashOptions {
    /// Checks that these options make a sound hash that [`verify_password`] with default
    /// [`CostLimits`] accepts.
    ///
    /// Weak settings (`t` of 0, salts or hashes under 16 bytes) are `INVALID_OPTIONS`;
    /// costs above the default limits are `HASH_PARAMS_TOO_COSTLY`.
    pub fn validate(&self) -> Result<()> {
        check_range("parallelism", self.parallelism, 1, Params::MAX_P_COST)?;
        check_range("timeCost", self.time_cost, 1, u32::MAX)?;
        check_range(
            "memoryCost",
            self.memory_cost,
            8 * self.parallelism.min(Params::MAX_P_COST),
            u32::MAX,
        )?;
        check_range("hashLength", self.hash_length, 16, Output::MAX_LENGTH as u32)?;
        check_range("saltLength", self.salt_length, 16, Salt::MAX_LENGTH as u32)?;
        CostLimits::default().check(self.memory_cost, self.time_cost, self.parallelism)
    }

    fn params(&self) -> Result<Params> {
        Params::new(
            self.memory_cost,
            self.time_cost,
            self.parallelism,
            Some(self.hash_length as usize),
        )
        .map_err(|e| invalid_options(format!("invalid argon2 parameters: {e}")))
    }
}

/// Hashes `password` with argon2id and a fresh random salt, returning a PHC string.
///
/// # Errors
/// `INVALID_OPTIONS` or `HASH_PARAMS_TOO_COSTLY` for bad [`HashOptions`] (see
/// [`HashOptions::validate`]), `INPUT_TOO_LARGE` for a password over
/// [`MAX_PASSWORD_BYTES`], `RANDOM_UNAVAILABLE` if the OS has no randomness to give.
///
/// # Examples
/// ```
/// use bulwark_core::password::{hash_password, verify_password, CostLimits, HashOptions};
/// let options = HashOptions { memory_cost: 1024, time_cost: 1, ..HashOptions::default() };
/// let hash = hash_password(b"correct horse", &options)?;
/// assert!(hash.starts_with("$argon2id$v=19$m=1024,t=1,p=1$"));
/// assert!(verify_password(&hash, b"correct horse", &CostLimits::default())?);
/// assert!(!verify_password(&hash, b"wrong horse", &CostLimits::default())?);
/// # Ok::<(), bulwark_core::Error>(())
/// ```
pub fn hash_password(password: &[u8], options: &HashOptions) -> Result<String> {
    options.validate()?;
    let mut salt = [0u8; Salt::MAX_LENGTH];
    let salt = &mut salt[..options.salt_length as usize];
    getrandom::fill(salt)
        .map_err(|e| Error::new(ErrorCode::RandomUnavailable, format!("no random salt: {e}")))?;
    hash_password_with_salt(password, salt, options)
}

/// Like [`hash_password`] with a caller-chosen salt. For known-answer tests and
/// migrations; new passwords should use [`hash_password`].
pub fn hash_password_with_salt(
    password: &[u8],
    salt: &[u8],
    options: &HashOptions,
) -> Result<String> {
    options.validate()?;
    check_password(password)?;
    let params = options.params()?;
    let salt = Salt::new(salt).map_err(|e| invalid_options(format!("invalid salt: {e}")))?;
    let params_string = ParamsString::try_from(&params)
        .map_err(|e| invalid_options(format!("invalid argon2 parameters: {e}")))?;
    let mut buffer = [0u8; Output::MAX_LENGTH];
    let out = &mut buffer[..options.hash_length as usize];
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
        .hash_password_into(password, salt.as_ref(), out)
        .map_err(|e| Error::new(ErrorCode::Internal, format!("argon2 failed: {e}")))?;
    let hash = Output::new(out)
        .map_err(|e| Error::new(ErrorCode::Internal, format!("argon2 output: {e}")))?;
    Ok(PasswordHash {
        algorithm: Algorithm::Argon2id.ident(),
        version: Some(Version::V0x13.into()),
        params: params_string,
        salt: Some(salt),
        hash: Some(hash),
    }
    .to_string())
}

/// A stored hash, parsed and checked for shape and, when `limits` are given, for cost.
struct StoredHash {
    algorithm: Algorithm,
    version: Version,
    params: Params,
    salt: Salt,
    hash: Output,
}

fn parse_stored(hash: &str, limits: Option<&CostLimits>) -> Result<StoredHash> {
    if hash.len() > MAX_HASH_CHARS {
        return Err(invalid_hash("hash string is too long"));
    }
    let parsed = PasswordHash::new(hash).map_err(|_| invalid_hash("not a PHC string"))?;
    let algorithm = Algorithm::new(parsed.algorithm.as_str())
        .map_err(|_| invalid_hash("not an argon2 hash (argon2id, argon2i or argon2d)"))?;
    // The PHC format says a missing version means 0x10, the original argon2.
    let version = match parsed.version {
        None => Version::V0x10,
        Some(v) => Version::try_from(v).map_err(|_| invalid_hash("unsupported argon2 version"))?,
    };
    // argon2's builder would fill in defaults for missing costs; a stored hash must name them.
    let cost = |name| {
        parsed.params.get_decimal(name).ok_or_else(|| invalid_hash("hash is missing m, t or p"))
    };
    let (m, t, p) = (cost("m")?, cost("t")?, cost("p")?);
    // The cost guard comes before anything else argon2 would check or allocate.
    if let Some(limits) = limits {
        limits.check(m, t, p)?;
    }
    let params =
        Params::try_from(&parsed).map_err(|_| invalid_hash("invalid argon2 parameters"))?;
    let salt = parsed.salt.ok_or_else(|| invalid_hash("hash has no salt"))?;
    let hash = parsed.hash.ok_or_else(|| invalid_hash("hash has no hash value"))?;
    Ok(StoredHash { algorithm, version, params, salt, hash })
}

/// Checks `password` against a stored PHC `hash`.
///
/// Returns `Ok(false)` for a wrong password. Accepts argon2id, argon2i and argon2d hashes
/// of version 0x10 or 0x13 (so hashes from older node-argon2 releases still verify; see
/// [`needs_rehash`] to upgrade them). The final comparison is constant-time.
///
/// # Errors
/// `INVALID_HASH` for anything that is not a well-formed argon2 PHC string,
/// `HASH_PARAMS_TOO_COSTLY` when its parameters exceed `limits` (checked before any
/// hashing), `INPUT_TOO_LARGE` for a password over [`MAX_PASSWORD_BYTES`].
///
/// # Examples
/// ```
/// use bulwark_core::password::{verify_password, CostLimits};
/// use bulwark_core::ErrorCode;
/// let greedy = "$argon2id$v=19$m=4294967295,t=1,p=1$c29tZXNhbHRzb21lc2FsdA$YWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWE";
/// let err = verify_password(greedy, b"pw", &CostLimits::default()).unwrap_err();
/// assert_eq!(err.code(), ErrorCode::HashParamsTooCostly);
/// ```
pub fn verify_password(hash: &str, password: &[u8], limits: &CostLimits) -> Result<bool> {
    check_password(password)?;
    let stored = parse_stored(hash, Some(limits))?;
    let mut computed = [0u8; Output::MAX_LENGTH];
    let computed = &mut computed[..stored.hash.len()];
    Argon2::new(stored.algorithm, stored.version, stored.params.clone())
        .hash_password_into(password, stored.salt.as_ref(), computed)
        .map_err(|e| invalid_hash(&format!("argon2 rejected the stored parameters: {e}")))?;
    Ok(computed.ct_eq(stored.hash.as_bytes()).into())
}

/// `true` when `hash` was not made with exactly `options`: another algorithm or version,
/// or different `m`, `t`, `p` or hash length. Call it after a successful verification and
/// store a fresh hash when it says so.
///
/// # Errors
/// `INVALID_HASH` for a malformed hash; `INVALID_OPTIONS` / `HASH_PARAMS_TOO_COSTLY` for
/// options [`hash_password`] would refuse.
///
/// # Examples
/// ```
/// use bulwark_core::password::{needs_rehash, HashOptions};
/// let old = "$argon2i$v=19$m=4096,t=3,p=1$c29tZXNhbHRzb21lc2FsdA$YWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWE";
/// assert!(needs_rehash(old, &HashOptions::default())?);
/// # Ok::<(), bulwark_core::Error>(())
/// ```
pub fn needs_rehash(hash: &str, options: &HashOptions) -> Result<bool> {
    options.validate()?;
    let stored = parse_stored(hash, None)?;
    let p = &stored.params;
    Ok(stored.algorithm != Algorithm::Argon2id
        || stored.version != Version::V0x13
        || p.m_cost() != options.memory_cost
        || p.t_cost() != options.time_cost
        || p.p_cost() != options.parallelism
        || stored.hash.len() != options.hash_length as usize)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cheap() -> HashOptions {
        HashOptions { memory_cost: 64, time_cost: 1, ..HashOptions::default() }
    }

    #[test]
    fn known_answer_rfc9106_shape() {
        // Same password, salt and parameters give the same PHC string, and it verifies.
        let a = hash_password_with_salt(b"password", b"somesaltsomesalt", &cheap()).unwrap();
        let b = hash_password_with_salt(b"password", b"somesaltsomesalt", &cheap()).unwrap();
        assert_eq!(a, b);
        assert!(a.starts_with("$argon2id$v=19$m=64,t=1,p=1$c29tZXNhbHRzb21lc2FsdA$"));
        assert!(verify_password(&a, b"password", &CostLimits::default()).unwrap());
    }

    #[test]
    fn reference_vector_verifies() {
        // argon2id, m=65536, t=2, p=1, from the reference implementation's `argon2` CLI:
        // echo -n password | argon2 somesalt -id -t 2 -m 16 -p 1
        let hash = "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";
        assert!(verify_password(hash, b"password", &CostLimits::default()).unwrap());
        assert!(!verify_password(hash, b"passwore", &CostLimits::default()).unwrap());
    }

    #[test]
    fn random_salts_differ() {
        let a = hash_password(b"pw", &cheap()).unwrap();
        let b = hash_password(b"pw", &cheap()).unwrap();
        assert_ne!(a, b);
    }

    #[test]
    fn malformed_hashes_are_invalid_hash() {
        let long = "$".repeat(MAX_HASH_CHARS + 1);
        let cases = [
            "",
            "plaintext",
            "$argon2id$",
            "$argon2id$v=19$m=64,t=1,p=1$c29tZXNhbHRzb21lc2FsdA",
            "$argon2id$v=19$t=1,p=1$c29tZXNhbHRzb21lc2FsdA$YWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWE",
            "$argon2id$v=18$m=64,t=1,p=1$c29tZXNhbHRzb21lc2FsdA$YWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWE",
            "$scrypt$ln=15,r=8,p=1$c29tZXNhbHQ$YWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWE",
            "$2b$12$abcdefghijklmnopqrstuuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ01",
            "$argon2id$v=19$m=64,t=0,p=1$c29tZXNhbHRzb21lc2FsdA$YWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWE",
            "$argon2id$v=19$m=1,t=1,p=1$c29tZXNhbHRzb21lc2FsdA$YWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWE",
            "$argon2id$v=19$m=64,t=1,p=0$c29tZXNhbHRzb21lc2FsdA$YWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWE",
            "$argon2id$v=19$m=64,t=1,p=1$!!!$YWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWE",
            long.as_str(),
        ];
        for hash in cases {
            let err = verify_password(hash, b"pw", &CostLimits::default()).unwrap_err();
            assert_eq!(err.code(), ErrorCode::InvalidHash, "{hash:?}: {err}");
            assert_eq!(
                needs_rehash(hash, &HashOptions::default()).unwrap_err().code(),
                ErrorCode::InvalidHash
            );
        }
    }

    #[test]
    fn costly_hashes_are_refused_before_hashing() {
        let salt_and_hash = "c29tZXNhbHRzb21lc2FsdA$YWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWE";
        for params in [
            "m=1048577,t=1,p=1",
            "m=4294967295,t=1,p=1",
            "m=64,t=11,p=1",
            "m=4096,t=1,p=17",
            "m=64,t=4294967295,p=1",
            "m=64,t=1,p=16777215",
        ] {
            let hash = format!("$argon2id$v=19${params}${salt_and_hash}");
            let err = verify_password(&hash, b"pw", &CostLimits::default()).unwrap_err();
            assert_eq!(err.code(), ErrorCode::HashParamsTooCostly, "{params}");
        }
        let tight = CostLimits { max_memory_cost: 32, ..CostLimits::default() };
        let ok = hash_password_with_salt(b"pw", b"somesaltsomesalt", &cheap()).unwrap();
        assert_eq!(
            verify_password(&ok, b"pw", &tight).unwrap_err().code(),
            ErrorCode::HashParamsTooCostly
        );
    }

    #[test]
    fn options_are_validated() {
        let bad = [
            (HashOptions { time_cost: 0, ..cheap() }, ErrorCode::InvalidOptions),
            (HashOptions { parallelism: 0, ..cheap() }, ErrorCode::InvalidOptions),
            (HashOptions { memory_cost: 7, ..cheap() }, ErrorCode::InvalidOptions),
            (
                HashOptions { memory_cost: 64, parallelism: 16, ..cheap() },
                ErrorCode::InvalidOptions,
            ),
            (HashOptions { hash_length: 8, ..cheap() }, ErrorCode::InvalidOptions),
            (HashOptions { hash_length: 65, ..cheap() }, ErrorCode::InvalidOptions),
            (HashOptions { salt_length: 8, ..cheap() }, ErrorCode::InvalidOptions),
            (HashOptions { salt_length: 49, ..cheap() }, ErrorCode::InvalidOptions),
            (
                HashOptions { memory_cost: 2 * 1024 * 1024, ..cheap() },
                ErrorCode::HashParamsTooCostly,
            ),
            (HashOptions { time_cost: 11, ..cheap() }, ErrorCode::HashParamsTooCostly),
            (
                HashOptions { memory_cost: 1024, parallelism: 17, ..cheap() },
                ErrorCode::HashParamsTooCostly,
            ),
        ];
        for (options, code) in bad {
            assert_eq!(hash_password(b"pw", &options).unwrap_err().code(), code, "{options:?}");
        }
    }

    #[test]
    fn oversized_password_is_refused() {
        let big = vec![b'a'; MAX_PASSWORD_BYTES + 1];
        assert_eq!(hash_password(&big, &cheap()).unwrap_err().code(), ErrorCode::InputTooLarge);
        let hash = hash_password(b"pw", &cheap()).unwrap();
        assert_eq!(
            verify_password(&hash, &big, &CostLimits::default()).unwrap_err().code(),
            ErrorCode::InputTooLarge
        );
        let max = vec![b'a'; MAX_PASSWORD_BYTES];
        assert!(hash_password(&max, &cheap()).is_ok());
    }

    #[test]
    fn needs_rehash_compares_every_parameter() {
        let options = cheap();
        let hash = hash_password(b"pw", &options).unwrap();
        assert!(!needs_rehash(&hash, &options).unwrap());
        for changed in [
            HashOptions { memory_cost: 128, ..options },
            HashOptions { time_cost: 2, ..options },
            HashOptions { parallelism: 2, ..options },
            HashOptions { hash_length: 64, ..options },
        ] {
            assert!(needs_rehash(&hash, &changed).unwrap(), "{changed:?}");
        }
        // The salt length is not a cost; a different one does not force a rehash.
        assert!(!needs_rehash(&hash, &HashOptions { salt_length: 32, ..options }).unwrap());
    }

    #[test]
    fn other_variants_and_versions_verify() {
        for (alg, version) in
            [(Algorithm::Argon2i, Version::V0x13), (Algorithm::Argon2d, Version::V0x10)]
        {
            let params = Params::new(64, 1, 1, Some(32)).unwrap();
            let salt = Salt::new(b"somesaltsomesalt").unwrap();
            let mut out = [0u8; 32];
            Argon2::new(alg, version, params.clone())
                .hash_password_into(b"pw", salt.as_ref(), &mut out)
                .unwrap();
            let hash = PasswordHash {
                algorithm: alg.ident(),
                version: Some(version.into()),
                params: ParamsString::try_from(&params).unwrap(),
                salt: Some(salt),
                hash: Some(Output::new(&out).unwrap()),
            }
            .to_string();
            assert!(verify_password(&hash, b"pw", &CostLimits::default()).unwrap(), "{hash}");
            assert!(!verify_password(&hash, b"pX", &CostLimits::default()).unwrap());
            assert!(
                needs_rehash(
                    &hash,
                    &HashOptions { memory_cost: 64, time_cost: 1, ..HashOptions::default() }
                )
                .unwrap()
            );
        }
    }
}

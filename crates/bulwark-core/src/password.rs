//! Password hashing with argon2id, stored as PHC strings
//! (`$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>`).
//!
//! Hashes interoperate with node-argon2 and `@node-rs/argon2` in both directions, including
//! their optional inputs: a secret key (`K`, a pepper kept out of the database) and
//! associated data (`X`, written into the hash as `data=` as node-argon2 does); see
//! [`ExtraInputs`].
//! Verification reads the cost parameters from the stored hash, so an attacker who can
//! write a hash (a compromised row, an import) could ask for terabytes of memory; every
//! verification therefore checks the parameters against [`CostLimits`] *before* hashing.

use std::cell::RefCell;

use argon2::password_hash::phc::{Output, ParamsString, PasswordHash, Salt};
use argon2::{Algorithm, Argon2, AssociatedData, Block, Params, ParamsBuilder, Version};
use subtle::ConstantTimeEq;

use crate::{Error, ErrorCode, Result};

/// Longest password accepted, in bytes. Longer input is `INPUT_TOO_LARGE`: hashing it
/// would let a request spend time before the argon2 cost even starts.
pub const MAX_PASSWORD_BYTES: usize = 64 * 1024;

/// Longest stored hash accepted, in bytes. Real PHC strings are under 250 bytes.
pub const MAX_HASH_CHARS: usize = 1024;

/// Longest secret key (pepper) accepted, in bytes. Peppers are 16 to 64 random bytes; a
/// longer one is `INVALID_OPTIONS`.
pub const MAX_SECRET_BYTES: usize = 1024;

/// Longest associated data accepted, in bytes: the argon2 crate's bound
/// ([`Params::MAX_DATA_LEN`]). Longer is `INVALID_OPTIONS` when hashing, and a stored hash
/// whose `data=` is longer (node-argon2 has no bound) is `INVALID_HASH`.
pub const MAX_ASSOCIATED_DATA_BYTES: usize = Params::MAX_DATA_LEN;

/// argon2's optional inputs besides the password and salt. Both default to empty, which
/// gives the same hash as leaving them out (argon2 hashes their lengths, 0).
///
/// - `secret` is argon2's secret key `K`: a pepper kept in configuration, never in the
///   database, so a stolen table alone cannot be cracked. It is not stored in the hash;
///   verification needs the same secret. At most [`MAX_SECRET_BYTES`].
/// - `associated_data` is argon2's `X`, stored in the hash as `data=<base64>` (as
///   node-argon2 writes it) and read back from there when verifying. At most
///   [`MAX_ASSOCIATED_DATA_BYTES`].
#[derive(Clone, Copy, Default)]
pub struct ExtraInputs<'a> {
    /// The secret key (pepper), `K`.
    pub secret: &'a [u8],
    /// The associated data, `X`.
    pub associated_data: &'a [u8],
}

impl std::fmt::Debug for ExtraInputs<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never print the pepper.
        f.debug_struct("ExtraInputs")
            .field("secret", &format_args!("<{} bytes>", self.secret.len()))
            .field("associated_data", &self.associated_data)
            .finish()
    }
}

fn check_secret(secret: &[u8]) -> Result<()> {
    if secret.len() > MAX_SECRET_BYTES {
        return Err(invalid_options(format!("secret is longer than {MAX_SECRET_BYTES} bytes")));
    }
    Ok(())
}

fn associated_data(data: &[u8]) -> Result<AssociatedData> {
    AssociatedData::new(data).map_err(|_| {
        invalid_options(format!("associatedData is longer than {MAX_ASSOCIATED_DATA_BYTES} bytes"))
    })
}

/// Overwrites `bytes` with zeros in a way the optimizer keeps, for copies of secrets.
pub fn wipe(bytes: &mut [u8]) {
    bytes.fill(0);
    std::hint::black_box(bytes);
}

/// Parameters for new hashes. The default is OWASP's argon2id minimum.
///
/// # Examples
/// ```
/// let options = bulwark_core::password::HashOptions::default();
/// assert_eq!((options.memory_cost, options.time_cost, options.parallelism), (19456, 2, 1));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Deserialize),
    serde(rename_all = "camelCase", deny_unknown_fields, default)
)]
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
#[cfg_attr(
    feature = "serde",
    derive(serde::Deserialize),
    serde(rename_all = "camelCase", deny_unknown_fields, default)
)]
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

    fn params(&self, data: &[u8]) -> Result<Params> {
        ParamsBuilder::new()
            .m_cost(self.memory_cost)
            .t_cost(self.time_cost)
            .p_cost(self.parallelism)
            .output_len(self.hash_length as usize)
            .data(associated_data(data)?)
            .build()
            .map_err(|e| invalid_options(format!("invalid argon2 parameters: {e}")))
    }
}

/// Block buffers at most this large (64 MiB, node-argon2's default cost) are kept per
/// thread and reused; larger ones are allocated for one hash.
const MAX_CACHED_BLOCKS: usize = 64 * 1024;

thread_local! {
    /// This thread's argon2 memory, kept between hashes. Allocating 19 MiB per hash costs
    /// a page fault per 4 KiB page (the kernel zeroes each one) plus the allocator's
    /// zeroing: a measurable share of a hash. Always all zeros between hashes.
    static BLOCKS: RefCell<Vec<Block>> = const { RefCell::new(Vec::new()) };
}

/// Wipes the blocks a hash used: they hold values derived from the password and pepper.
fn wipe_blocks(blocks: &mut [Block]) {
    blocks.fill(Block::new());
    std::hint::black_box(blocks);
}

/// Runs argon2 into `out`, in this thread's reused block buffer when it is free and small
/// enough. Every block is written before it is read, so the buffer needs no zeroing first;
/// it is zeroed after, whatever happened.
fn run_argon2(
    argon2: &Argon2<'_>,
    password: &[u8],
    salt: &[u8],
    out: &mut [u8],
) -> argon2::Result<()> {
    let needed = argon2.params().block_count();
    if needed <= MAX_CACHED_BLOCKS {
        let cached = BLOCKS.try_with(|cell| {
            let mut blocks = cell.try_borrow_mut().ok()?;
            Some(run_in(&mut blocks, needed, argon2, password, salt, out))
        });
        if let Ok(Some(result)) = cached {
            return result;
        }
    }
    // Too large to keep, or the thread's buffer is unavailable (thread teardown).
    let mut blocks = Vec::new();
    blocks.try_reserve_exact(needed).map_err(|_| argon2::Error::OutOfMemory)?;
    run_in(&mut blocks, needed, argon2, password, salt, out)
}

fn run_in(
    blocks: &mut Vec<Block>,
    needed: usize,
    argon2: &Argon2<'_>,
    password: &[u8],
    salt: &[u8],
    out: &mut [u8],
) -> argon2::Result<()> {
    if blocks.len() < needed {
        blocks.try_reserve_exact(needed - blocks.len()).map_err(|_| argon2::Error::OutOfMemory)?;
        blocks.resize(needed, Block::new());
    }
    let used = &mut blocks[..needed];
    let result = argon2.hash_password_into_with_memory(password, salt, out, &mut *used);
    wipe_blocks(used);
    result
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
    hash_password_with(password, &ExtraInputs::default(), options)
}

/// [`hash_password`] with a secret key (pepper) and associated data ([`ExtraInputs`]).
///
/// # Errors
/// As [`hash_password`], and `INVALID_OPTIONS` for a secret over [`MAX_SECRET_BYTES`] or
/// associated data over [`MAX_ASSOCIATED_DATA_BYTES`].
///
/// # Examples
/// ```
/// use bulwark_core::password::{hash_password_with, verify_password_with, CostLimits, ExtraInputs, HashOptions};
/// let options = HashOptions { memory_cost: 1024, time_cost: 1, ..HashOptions::default() };
/// let extra = ExtraInputs { secret: b"pepper from the config", associated_data: b"user 42" };
/// let hash = hash_password_with(b"correct horse", &extra, &options)?;
/// assert!(hash.contains(",data=dXNlciA0Mg$"));
/// let limits = CostLimits::default();
/// assert!(verify_password_with(&hash, b"correct horse", b"pepper from the config", &limits)?);
/// assert!(!verify_password_with(&hash, b"correct horse", b"another pepper", &limits)?);
/// # Ok::<(), bulwark_core::Error>(())
/// ```
pub fn hash_password_with(
    password: &[u8],
    extra: &ExtraInputs<'_>,
    options: &HashOptions,
) -> Result<String> {
    options.validate()?;
    let mut salt = [0u8; Salt::MAX_LENGTH];
    let salt = &mut salt[..options.salt_length as usize];
    getrandom::fill(salt)
        .map_err(|e| Error::new(ErrorCode::RandomUnavailable, format!("no random salt: {e}")))?;
    hash_with_salt(password, salt, extra, options)
}

/// Like [`hash_password`] with a caller-chosen salt. For known-answer tests and
/// migrations; new passwords should use [`hash_password`].
pub fn hash_password_with_salt(
    password: &[u8],
    salt: &[u8],
    options: &HashOptions,
) -> Result<String> {
    hash_with_salt(password, salt, &ExtraInputs::default(), options)
}

fn hash_with_salt(
    password: &[u8],
    salt: &[u8],
    extra: &ExtraInputs<'_>,
    options: &HashOptions,
) -> Result<String> {
    options.validate()?;
    check_password(password)?;
    check_secret(extra.secret)?;
    let params = options.params(extra.associated_data)?;
    let salt = Salt::new(salt).map_err(|e| invalid_options(format!("invalid salt: {e}")))?;
    let params_string = ParamsString::try_from(&params)
        .map_err(|e| invalid_options(format!("invalid argon2 parameters: {e}")))?;
    let mut buffer = [0u8; Output::MAX_LENGTH];
    let out = &mut buffer[..options.hash_length as usize];
    let argon2 = Argon2::new_with_secret(extra.secret, Algorithm::Argon2id, Version::V0x13, params)
        .map_err(|e| invalid_options(format!("invalid secret: {e}")))?;
    run_argon2(&argon2, password, salt.as_ref(), out)
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
    if let Some(data) = parsed.params.get_str("data") {
        // Base64 of more than MAX_ASSOCIATED_DATA_BYTES: say why, rather than "invalid".
        if data.len() > (MAX_ASSOCIATED_DATA_BYTES * 4).div_ceil(3) {
            return Err(invalid_hash(&format!(
                "the hash's associated data (data=) is longer than {MAX_ASSOCIATED_DATA_BYTES} bytes, the most Bulwark's argon2 supports"
            )));
        }
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
    verify_password_with(hash, password, &[], limits)
}

/// [`verify_password`] for a hash made with a secret key (pepper): `secret` must be the
/// one it was hashed with (a different or missing one gives `Ok(false)`). Associated data
/// needs no argument: it is read from the hash's `data=`.
///
/// # Errors
/// As [`verify_password`], and `INVALID_OPTIONS` for a secret over [`MAX_SECRET_BYTES`].
/// A hash whose `data=` is over [`MAX_ASSOCIATED_DATA_BYTES`] is `INVALID_HASH`.
pub fn verify_password_with(
    hash: &str,
    password: &[u8],
    secret: &[u8],
    limits: &CostLimits,
) -> Result<bool> {
    check_password(password)?;
    check_secret(secret)?;
    let stored = parse_stored(hash, Some(limits))?;
    let mut computed = [0u8; Output::MAX_LENGTH];
    let computed = &mut computed[..stored.hash.len()];
    let argon2 =
        Argon2::new_with_secret(secret, stored.algorithm, stored.version, stored.params.clone())
            .map_err(|e| invalid_options(format!("invalid secret: {e}")))?;
    run_argon2(&argon2, password, stored.salt.as_ref(), computed)
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
    needs_rehash_with(hash, &[], options)
}

/// [`needs_rehash`] that also asks for a fresh hash when the hash's associated data
/// (`data=`) is not `associated_data`. The secret cannot be checked without the password.
///
/// # Errors
/// As [`needs_rehash`], and `INVALID_OPTIONS` for associated data over
/// [`MAX_ASSOCIATED_DATA_BYTES`].
pub fn needs_rehash_with(
    hash: &str,
    associated_data: &[u8],
    options: &HashOptions,
) -> Result<bool> {
    options.validate()?;
    self::associated_data(associated_data)?;
    let stored = parse_stored(hash, None)?;
    let p = &stored.params;
    Ok(stored.algorithm != Algorithm::Argon2id
        || stored.version != Version::V0x13
        || p.m_cost() != options.memory_cost
        || p.t_cost() != options.time_cost
        || p.p_cost() != options.parallelism
        || stored.hash.len() != options.hash_length as usize
        || p.data() != associated_data)
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

    /// From node-argon2 0.45 (`argon2.hash('password', { memoryCost: 64, timeCost: 1,
    /// parallelism: 1, salt: Buffer.from('somesaltsomesalt'), secret, associatedData })`).
    const NODE_ARGON2_PEPPERED: &str = "$argon2id$v=19$m=64,p=1,t=1$c29tZXNhbHRzb21lc2FsdA$3IfX0eg0fhtMZpmLJlvTq5PERkhVWpyCAiKOMpRIEF4";
    const NODE_ARGON2_PEPPERED_AD: &str = "$argon2id$v=19$m=64,p=1,t=1,data=dXNlciA0Mg$c29tZXNhbHRzb21lc2FsdA$XKdwv76UWiNHkAaQCaOO0hpdsubJtmiyHuVGYj0aEbc";

    #[test]
    fn node_argon2_secret_and_associated_data_verify() {
        let limits = CostLimits::default();
        for hash in [NODE_ARGON2_PEPPERED, NODE_ARGON2_PEPPERED_AD] {
            assert!(verify_password_with(hash, b"password", b"pepper", &limits).unwrap(), "{hash}");
            assert!(!verify_password_with(hash, b"password", b"peppex", &limits).unwrap());
            assert!(!verify_password_with(hash, b"passwore", b"pepper", &limits).unwrap());
            assert!(!verify_password(hash, b"password", &limits).unwrap(), "the pepper is needed");
        }
        // The same inputs give node-argon2's hash bytes (its PHC string orders m, p, t).
        let options = HashOptions { memory_cost: 64, time_cost: 1, ..HashOptions::default() };
        let extra = ExtraInputs { secret: b"pepper", associated_data: b"user 42" };
        let ours = hash_with_salt(b"password", b"somesaltsomesalt", &extra, &options).unwrap();
        assert_eq!(
            ours,
            "$argon2id$v=19$m=64,t=1,p=1,data=dXNlciA0Mg$c29tZXNhbHRzb21lc2FsdA$XKdwv76UWiNHkAaQCaOO0hpdsubJtmiyHuVGYj0aEbc"
        );
        // Changing the stored data= changes the hash: it is an input, not a label.
        let tampered = NODE_ARGON2_PEPPERED_AD.replace("data=dXNlciA0Mg", "data=dXNlciA0Mw");
        assert!(!verify_password_with(&tampered, b"password", b"pepper", &limits).unwrap());
    }

    #[test]
    fn empty_secret_and_data_are_the_same_as_none() {
        let options = cheap();
        let plain = hash_password_with_salt(b"pw", b"somesaltsomesalt", &options).unwrap();
        let empty = hash_with_salt(b"pw", b"somesaltsomesalt", &ExtraInputs::default(), &options);
        assert_eq!(plain, empty.unwrap());
        assert!(verify_password_with(&plain, b"pw", b"", &CostLimits::default()).unwrap());
    }

    #[test]
    fn secret_and_associated_data_are_bounded() {
        let options = cheap();
        let limits = CostLimits::default();
        let long_secret = vec![1u8; MAX_SECRET_BYTES + 1];
        let long_data = vec![1u8; MAX_ASSOCIATED_DATA_BYTES + 1];
        let max_secret = vec![1u8; MAX_SECRET_BYTES];
        let max_data = vec![2u8; MAX_ASSOCIATED_DATA_BYTES];
        let too_long = [
            ExtraInputs { secret: &long_secret, associated_data: b"" },
            ExtraInputs { secret: b"", associated_data: &long_data },
        ];
        for extra in too_long {
            let err = hash_password_with(b"pw", &extra, &options).unwrap_err();
            assert_eq!(err.code(), ErrorCode::InvalidOptions, "{extra:?}");
        }
        let extra = ExtraInputs { secret: &max_secret, associated_data: &max_data };
        let hash = hash_password_with(b"pw", &extra, &options).unwrap();
        assert!(verify_password_with(&hash, b"pw", &max_secret, &limits).unwrap());
        let err = verify_password_with(&hash, b"pw", &long_secret, &limits).unwrap_err();
        assert_eq!(err.code(), ErrorCode::InvalidOptions);
        assert!(!needs_rehash_with(&hash, &max_data, &options).unwrap());
        assert!(needs_rehash_with(&hash, b"", &options).unwrap());
        let err = needs_rehash_with(&hash, &long_data, &options).unwrap_err();
        assert_eq!(err.code(), ErrorCode::InvalidOptions);
        // node-argon2 writes any length of data=; over the bound it is a clear INVALID_HASH,
        // never a silent `false`.
        let longer = "$argon2id$v=19$m=64,p=1,t=1,data=BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcH$c29tZXNhbHRzb21lc2FsdA$DzvqGBx9iaPFKHZIWIP4HWNr1Uvbd3egHwMrA34ulzk";
        let err = verify_password(longer, b"password", &limits).unwrap_err();
        assert_eq!(err.code(), ErrorCode::InvalidHash);
        assert!(err.to_string().contains("associated data"), "{err}");
    }

    #[test]
    fn the_reused_block_buffer_is_zeroed_and_serves_any_size() {
        // Sizes up and down on one thread give the same hashes as fresh threads.
        let sizes = [64, 1024, 8, 2048, 64];
        let on_this_thread: Vec<String> = sizes
            .iter()
            .map(|&m| {
                let options =
                    HashOptions { memory_cost: m, time_cost: 1, ..HashOptions::default() };
                hash_password_with_salt(b"pw", b"somesaltsomesalt", &options).unwrap()
            })
            .collect();
        for (m, expected) in sizes.iter().zip(&on_this_thread) {
            let m = *m;
            let fresh = std::thread::spawn(move || {
                let options =
                    HashOptions { memory_cost: m, time_cost: 1, ..HashOptions::default() };
                hash_password_with_salt(b"pw", b"somesaltsomesalt", &options).unwrap()
            })
            .join()
            .unwrap();
            assert_eq!(&fresh, expected);
        }
        BLOCKS.with(|cell| {
            let blocks = cell.borrow();
            assert!(blocks.len() >= 2048);
            assert!(blocks.iter().all(|b| b.as_ref().iter().all(|&w| w == 0)), "wiped after use");
        });
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

//! argon2id password hashing; the async functions run on the libuv threadpool.

use bulwark_core::ErrorCode;
use bulwark_core::password::{self, CostLimits, ExtraInputs, HashOptions};
use napi::bindgen_prelude::*;
use napi_derive::napi;
use zeroize::Zeroize;

use crate::options::decode_options;
use crate::{coded, entry, guarded};

/// Password work, run by `compute` on the libuv threadpool.
pub enum PasswordJob {
    Hash { password: Vec<u8>, secret: Vec<u8>, associated_data: Vec<u8>, options: HashOptions },
    Verify { hash: String, password: Vec<u8>, secret: Vec<u8>, limits: CostLimits },
}

/// What a [`PasswordJob`] produced.
pub enum PasswordOutput {
    Hash(String),
    Verified(bool),
}

impl PasswordJob {
    fn run(&self) -> bulwark_core::Result<PasswordOutput> {
        guarded(|| match self {
            PasswordJob::Hash { password, secret, associated_data, options } => {
                let extra = ExtraInputs { secret, associated_data };
                password::hash_password_with(password, &extra, options).map(PasswordOutput::Hash)
            }
            PasswordJob::Verify { hash, password, secret, limits } => {
                password::verify_password_with(hash, password, secret, limits)
                    .map(PasswordOutput::Verified)
            }
        })
    }
}

impl Drop for PasswordJob {
    fn drop(&mut self) {
        // Do not leave plaintext passwords or peppers lying in freed memory.
        let (password, secret) = match self {
            PasswordJob::Hash { password, secret, .. }
            | PasswordJob::Verify { password, secret, .. } => (password, secret),
        };
        password.zeroize();
        secret.zeroize();
    }
}

/// An argon2 job on the libuv threadpool.
pub struct PasswordTask(PasswordJob);

impl Task for PasswordTask {
    type Output = bulwark_core::Result<PasswordOutput>;
    type JsValue = Either<String, bool>;

    fn compute(&mut self) -> napi::Result<Self::Output> {
        Ok(self.0.run())
    }

    fn resolve(&mut self, env: Env, output: Self::Output) -> napi::Result<Self::JsValue> {
        match output {
            Ok(PasswordOutput::Hash(hash)) => Ok(Either::A(hash)),
            Ok(PasswordOutput::Verified(ok)) => Ok(Either::B(ok)),
            // Reject with a real JS Error carrying the stable code (defined, not assigned).
            Err(err) => Err(crate::errors::rejection(&env, &err)),
        }
    }
}

/// The job for `hashPassword`; `options` ([`HashOptions`]) decoded by the core.
fn hash_job(
    password: &[u8],
    options: Unknown,
    secret: &[u8],
    associated_data: &[u8],
) -> Result<PasswordJob, &'static str> {
    Ok(PasswordJob::Hash {
        options: guarded(|| decode_options(options)).map_err(coded)?,
        password: password.to_vec(),
        secret: secret.to_vec(),
        associated_data: associated_data.to_vec(),
    })
}

/// The job for `verifyPassword`; `limits` ([`CostLimits`]) decoded by the core.
fn verify_job(
    hash: String,
    password: &[u8],
    limits: Unknown,
    secret: &[u8],
) -> Result<PasswordJob, &'static str> {
    Ok(PasswordJob::Verify {
        limits: guarded(|| decode_options(limits)).map_err(coded)?,
        hash,
        password: password.to_vec(),
        secret: secret.to_vec(),
    })
}

fn run_sync(job: PasswordJob) -> Result<PasswordOutput, &'static str> {
    job.run().map_err(coded)
}

/// Hashes a password (UTF-8 bytes) with argon2id on the libuv threadpool. `secret` (the
/// pepper) and `associated_data` are empty when not used.
#[napi(catch_unwind, ts_return_type = "Promise<string>")]
pub fn hash_password(
    password: &[u8],
    options: Unknown,
    secret: &[u8],
    associated_data: &[u8],
) -> Result<AsyncTask<PasswordTask>, &'static str> {
    Ok(AsyncTask::new(PasswordTask(hash_job(password, options, secret, associated_data)?)))
}

/// Hashes a password on the calling thread.
#[napi(catch_unwind)]
pub fn hash_password_sync(
    password: &[u8],
    options: Unknown,
    secret: &[u8],
    associated_data: &[u8],
) -> Result<String, &'static str> {
    match run_sync(hash_job(password, options, secret, associated_data)?)? {
        PasswordOutput::Hash(hash) => Ok(hash),
        PasswordOutput::Verified(_) => {
            Err(coded(bulwark_core::Error::new(ErrorCode::Internal, "unexpected output")))
        }
    }
}

/// Verifies a password against a stored PHC hash on the libuv threadpool.
#[napi(catch_unwind, ts_return_type = "Promise<boolean>")]
pub fn verify_password(
    hash: String,
    password: &[u8],
    limits: Unknown,
    secret: &[u8],
) -> Result<AsyncTask<PasswordTask>, &'static str> {
    Ok(AsyncTask::new(PasswordTask(verify_job(hash, password, limits, secret)?)))
}

/// Verifies a password on the calling thread.
#[napi(catch_unwind)]
pub fn verify_password_sync(
    hash: String,
    password: &[u8],
    limits: Unknown,
    secret: &[u8],
) -> Result<bool, &'static str> {
    match run_sync(verify_job(hash, password, limits, secret)?)? {
        PasswordOutput::Verified(ok) => Ok(ok),
        PasswordOutput::Hash(_) => {
            Err(coded(bulwark_core::Error::new(ErrorCode::Internal, "unexpected output")))
        }
    }
}

/// `true` when a stored hash was not made with exactly these options and associated data.
#[napi(catch_unwind)]
pub fn needs_rehash(
    hash: String,
    options: Unknown,
    associated_data: &[u8],
) -> Result<bool, &'static str> {
    entry(|| password::needs_rehash_with(&hash, associated_data, &decode_options(options)?))
}

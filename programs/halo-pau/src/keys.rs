//! Rate-limit keys: `sha256(tag || mint || counterparty)`, and the action tag they hash.
use anchor_lang::prelude::*;

use crate::constants::MAX_TAG_LEN;
use crate::errors::PauError;

/// `sha256(tag || mint || counterparty)`: the rate-limit key of a route.
pub fn rate_limit_key(tag: &[u8], mint: &Pubkey, counterparty: &Pubkey) -> [u8; 32] {
    solana_sha256_hasher::hashv(&[tag, mint.as_ref(), counterparty.as_ref()]).to_bytes()
}

/// Checks a tag's length and returns it zero-padded.
pub fn pad_tag(tag: &[u8]) -> Result<[u8; MAX_TAG_LEN]> {
    require!(
        !tag.is_empty() && tag.len() <= MAX_TAG_LEN,
        PauError::InvalidTag
    );
    let mut out = [0u8; MAX_TAG_LEN];
    out[..tag.len()].copy_from_slice(tag);
    Ok(out)
}

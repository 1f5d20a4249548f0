//! Rate-limit keys: `sha256(tag || mint || counterparty)`, the same bytes `halo_pau` hashes.
use anchor_lang::prelude::Pubkey;
use sha2::{Digest, Sha256};

/// Action tags used by the Halo programs.
pub mod tags {
    /// Relayer transfer from custody to a counterparty.
    pub const TRANSFER: &[u8] = b"transfer";
    /// Trading Halo: fund an AMM pool.
    pub const AMM_FUND: &[u8] = b"amm_fund";
    /// Passthrough Halo: deploy into an LCTS unit.
    pub const LCTS_DEPLOY: &[u8] = b"lcts_deploy";
    /// Structuring Halo: deploy into an NFAT facility.
    pub const NFAT_DEPLOY: &[u8] = b"nfat_deploy";
    /// Redemption proceeds from an issuer.
    pub const REDEEM_ISSUER: &[u8] = b"redeem_issuer";
}

/// The rate-limit key of a route.
pub fn rate_limit_key(tag: &[u8], mint: &Pubkey, counterparty: &Pubkey) -> [u8; 32] {
    let mut h = Sha256::new();
    h.update(tag);
    h.update(mint.as_ref());
    h.update(counterparty.as_ref());
    h.finalize().into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_the_program_hash() {
        let mint = Pubkey::new_from_array([1; 32]);
        let cp = Pubkey::new_from_array([2; 32]);
        assert_eq!(
            rate_limit_key(tags::TRANSFER, &mint, &cp),
            halo_pau::keys::rate_limit_key(tags::TRANSFER, &mint, &cp)
        );
        assert_ne!(
            rate_limit_key(tags::TRANSFER, &mint, &cp),
            rate_limit_key(tags::AMM_FUND, &mint, &cp)
        );
    }
}

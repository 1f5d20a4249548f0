//! RFQ quotes: the beacon signs `(pool, user, side, asset_amount, quote_amount, expiry,
//! nonce)` off-chain; the user submits an Ed25519 signature-verification instruction
//! immediately before `swap_with_quote`, which reads it back through the instructions
//! sysvar. The precompile has already checked the signature (the transaction fails
//! otherwise); this module checks that it is the beacon's key over exactly this quote.
use anchor_lang::prelude::*;
use halo_math::pricing::Side;

use crate::constants::RFQ_DOMAIN;

/// The signed quote.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub struct RfqQuote {
    pub pool: Pubkey,
    /// Only this user may take the quote (no front-running by copying it).
    pub user: Pubkey,
    pub side: Side,
    pub asset_amount: u64,
    pub quote_amount: u64,
    /// precision: unix seconds.
    pub expiry: i64,
    /// Single use: a receipt at `["quote", pool, nonce]` is created when it fills.
    pub nonce: u64,
}

impl RfqQuote {
    /// The bytes the beacon signs: the domain tag, the class's cluster domain (its genesis
    /// hash: a quote for one cluster is not valid on another), then the quote in borsh.
    pub fn message(&self, cluster: &[u8; 32]) -> Vec<u8> {
        let mut m = RFQ_DOMAIN.to_vec();
        m.extend_from_slice(cluster);
        // borsh into a Vec cannot fail
        let _ = self.serialize(&mut m);
        m
    }
}

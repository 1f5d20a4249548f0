//! # halo_nfat_hook: the deal NFTs' transfer allow-list
//!
//! Every deal NFT minted by `halo_nfat` names this program in its Token-2022 transfer-hook
//! extension. On every ordinary wallet transfer Token-2022 calls `execute`, which lets the
//! transfer through when the deal's facility has its allow-list off, and otherwise only
//! when the receiving owner has an allow-list entry (`["holder", facility, owner]`, a
//! `halo_nfat` account). It lives in its own program: a transfer `halo_nfat` initiated
//! by CPI would re-enter `halo_nfat` through Token-2022, which the runtime refuses
//! (`halo_nfat` only mints and burns, which do not call the hook).
//!
//! Who signs what:
//! * the NFT's mint authority (the facility PDA, at the strike): `initialize_extra_account_meta_list`;
//! * Token-2022, during a transfer: `execute` (a direct call checks the same and changes nothing).
#![allow(unexpected_cfgs)]
#![deny(clippy::arithmetic_side_effects)]

use anchor_lang::prelude::*;

pub mod constants;
pub mod errors;
pub mod instructions;

use instructions::*;

declare_id!("XS2pNAu9D6gnqPa2mgbz7WKc9vvsmf8PZtgv124dNWX");

#[program]
pub mod halo_nfat_hook {
    use super::*;

    /// Creates the mint's extra-account-metas account (`["extra-account-metas", mint]`):
    /// the facility (the mint authority), `halo_nfat`, and the receiver's allow-list entry.
    /// Signer: the mint's mint authority.
    pub fn initialize_extra_account_meta_list(
        ctx: Context<InitializeExtraAccountMetaList>,
    ) -> Result<()> {
        instructions::initialize::handler(ctx)
    }

    /// The transfer-hook interface's `Execute` (its SPL discriminator): refuses a transfer
    /// to an owner without an allow-list entry while the facility's allow-list is on.
    #[instruction(discriminator = [105, 37, 101, 197, 75, 251, 102, 26])]
    pub fn execute(ctx: Context<Execute>, amount: u64) -> Result<()> {
        instructions::execute::handler(ctx, amount)
    }
}

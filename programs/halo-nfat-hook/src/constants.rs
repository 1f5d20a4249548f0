//! Seeds and the `halo_nfat` layout facts the hook reads.
use anchor_lang::prelude::*;

/// `["extra-account-metas", mint]`: the transfer-hook interface's validation account.
#[constant]
pub const SEED_EXTRA_ACCOUNT_METAS: &[u8] = b"extra-account-metas";
/// `halo_nfat`'s allow-list entry seed (`["holder", facility, owner]`).
pub const SEED_HOLDER: &[u8] = b"holder";
/// `halo_nfat`'s program id (the owner of facilities and allow-list entries). A test in
/// `halo_nfat` checks it against that program's `declare_id!`.
pub const HALO_NFAT_ID: Pubkey = pubkey!("BzLW6TpTW9nH6dpsvZTnxdzd2QXTAduuL5S1pw6kUQZg");
/// `sha256("account:Facility")[..8]`, checked by a test in `halo_nfat`.
pub const FACILITY_DISCRIMINATOR: [u8; 8] = [16, 190, 236, 249, 84, 151, 160, 37];
/// `sha256("account:HolderEntry")[..8]`, checked by a test in `halo_nfat`.
pub const HOLDER_DISCRIMINATOR: [u8; 8] = [251, 38, 169, 23, 206, 41, 84, 40];
/// Byte offset of the facility's `allow_list` flag (after the discriminator, `version`
/// and `bump`), checked by a test in `halo_nfat`.
pub const FACILITY_ALLOW_LIST_OFFSET: usize = 10;
/// Index of the first extra account in `Execute` (after source, mint, destination,
/// owner and the validation account).
pub const FIRST_EXTRA: u8 = 5;

use anchor_lang::prelude::*;

/// Every refusal of the transfer hook. Codes start at 6500.
#[error_code(offset = 6500)]
pub enum HookError {
    #[msg("The transfer hook was called outside a Token-2022 transfer")]
    NotTransferring,
    #[msg("This is not a Token-2022 account of the NFT's mint")]
    WrongTokenAccount,
    #[msg("This is not the mint's extra-account-metas account")]
    WrongExtraAccountMetas,
    #[msg("The accounts do not match the mint's extra-account-metas")]
    ExtraAccountsMismatch,
    #[msg("This is not a halo_nfat facility")]
    NotAFacility,
    #[msg("The facility's allow-list is on and the receiver is not on it")]
    ReceiverNotAllowListed,
    #[msg("Only the mint's mint authority may set up its transfer hook")]
    NotMintAuthority,
    #[msg("The mint does not name this program as its transfer hook")]
    HookNotOnMint,
}

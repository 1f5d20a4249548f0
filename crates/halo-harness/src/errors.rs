//! Error codes as the runtime reports them (`InstructionError::Custom(code)`).
use anchor_lang::error::ErrorCode;
use halo_pau::errors::PauError;

/// The custom error code of a `halo_pau` refusal.
pub fn pau_code(e: PauError) -> u32 {
    crate::vocab::Expected::code(e)
}

/// The custom error code of one of Anchor's own refusals (constraints, deserialisation).
pub fn anchor_code(e: ErrorCode) -> u32 {
    crate::vocab::Expected::code(e)
}

/// Asserts that a transaction failed (for refusals that come from the runtime or the
/// system program, such as creating an account that already exists).
#[track_caller]
pub fn assert_failed<T: std::fmt::Debug>(
    res: Result<T, halo_sdk::ledger::Refusal>,
) -> halo_sdk::ledger::Refusal {
    match res {
        Ok(ok) => panic!("expected a failure, but it succeeded: {ok:?}"),
        Err(f) => f,
    }
}

/// Sends `address` the rent-exempt minimum of an empty account: the pre-funding attack on
/// a predictable PDA (an `init` that uses `create_account` fails on an address holding
/// lamports).
pub async fn prefund(
    chain: &mut impl halo_sdk::ledger::Ledger,
    address: &anchor_lang::prelude::Pubkey,
) {
    let lamports = chain.rent(0).await;
    let payer = chain.payer_key();
    chain
        .must(
            &[anchor_lang::solana_program::system_instruction::transfer(
                &payer, address, lamports,
            )],
            &[],
        )
        .await;
}

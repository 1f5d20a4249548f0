//! Assertions on refusals that carry no program error, and the pre-funding attack (the
//! program errors are asserted with `vocab::assert_err`).

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

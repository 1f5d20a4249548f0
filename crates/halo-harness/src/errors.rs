//! Error codes as the runtime reports them (`InstructionError::Custom(code)`).
use anchor_lang::error::{Error, ErrorCode};
use halo_pau::errors::PauError;

fn code_of(e: Error) -> u32 {
    match e {
        Error::AnchorError(a) => a.error_code_number,
        Error::ProgramError(p) => panic!("not an Anchor error: {p:?}"),
    }
}

/// The custom error code of a `halo_pau` refusal.
pub fn pau_code(e: PauError) -> u32 {
    code_of(e.into())
}

/// The custom error code of one of Anchor's own refusals (constraints, deserialisation).
pub fn anchor_code(e: ErrorCode) -> u32 {
    code_of(e.into())
}

#[track_caller]
fn assert_code<T: std::fmt::Debug>(
    res: Result<T, halo_sdk::ledger::Refusal>,
    expected: u32,
    what: &dyn std::fmt::Debug,
) {
    match res {
        Ok(ok) => panic!("expected {what:?} ({expected}), but it succeeded: {ok:?}"),
        Err(f) => assert_eq!(
            f.custom_code(),
            Some(expected),
            "expected {what:?} ({expected}), got {:?}\n{}",
            f.error,
            f.logs.join("\n")
        ),
    }
}

/// Asserts that a transaction was refused with this `halo_pau` error.
#[track_caller]
pub fn assert_pau_err<T: std::fmt::Debug>(res: Result<T, halo_sdk::ledger::Refusal>, e: PauError) {
    assert_code(res, pau_code(e), &e);
}

/// Asserts that a transaction was refused with one of Anchor's own errors.
#[track_caller]
pub fn assert_anchor_err<T: std::fmt::Debug>(
    res: Result<T, halo_sdk::ledger::Refusal>,
    e: ErrorCode,
) {
    assert_code(res, anchor_code(e), &e);
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

/// Asserts that a transaction was refused with this `halo_oracle` error.
#[track_caller]
pub fn assert_oracle_err<T: std::fmt::Debug>(
    res: Result<T, halo_sdk::ledger::Refusal>,
    e: halo_oracle::errors::OracleError,
) {
    assert_code(res, code_of(e.into()), &e);
}

/// Asserts that a transaction was refused with this `halo_trading` error.
#[track_caller]
pub fn assert_trading_err<T: std::fmt::Debug>(
    res: Result<T, halo_sdk::ledger::Refusal>,
    e: halo_trading::errors::TradingError,
) {
    assert_code(res, code_of(e.into()), &e);
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

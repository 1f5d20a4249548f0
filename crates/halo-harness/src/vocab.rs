//! One test vocabulary for every program's integration tests (as Jito's `TestBuilder`):
//! the attacks as instruction rewrites (`unsigned`, `swap_account`), one assertion for a
//! specific refusal (`assert_err`, any program's error or Anchor's), and
//! `refused_unchanged`: refused with that error, and nothing the fixture watches changed.
use std::fmt::Debug;

use anchor_lang::error::{Error, ErrorCode};
use anchor_lang::prelude::Pubkey;
use halo_sdk::ledger::{Keypair, Ledger, RawAccount, Refusal};
use halo_sdk::Instruction;

/// An error a refusal is expected to carry: any program's error enum or Anchor's own.
pub trait Expected: Debug + Copy {
    /// The custom code the runtime reports (`InstructionError::Custom(code)`).
    fn code(self) -> u32;
}

fn code_of(e: Error) -> u32 {
    match e {
        Error::AnchorError(a) => a.error_code_number,
        Error::ProgramError(p) => panic!("not an Anchor error: {p:?}"),
    }
}

macro_rules! expected {
    ($($t:ty),*) => {$(
        impl Expected for $t {
            fn code(self) -> u32 {
                code_of(self.into())
            }
        }
    )*};
}
expected!(
    ErrorCode,
    halo_pau::errors::PauError,
    halo_oracle::errors::OracleError,
    halo_trading::errors::TradingError,
    halo_lcts::errors::LctsError,
    halo_nfat::errors::NfatError,
    halo_nfat_hook::errors::HookError
);

/// A bare custom code: for a list of refusals from several programs (an LCTS error, a PAU
/// error surfacing through the CPI, an Anchor error) checked in one loop.
impl Expected for u32 {
    fn code(self) -> u32 {
        self
    }
}

/// Asserts that a transaction was refused with `e` (logs shown when it was not).
#[track_caller]
pub fn assert_err<T: Debug>(res: Result<T, Refusal>, e: impl Expected) {
    let expected = e.code();
    match res {
        Ok(ok) => panic!("expected {e:?} ({expected}), but it succeeded: {ok:?}"),
        Err(f) => assert_eq!(
            f.custom_code(),
            Some(expected),
            "expected {e:?} ({expected}), got {:?}\n{}",
            f.error,
            f.logs.join("\n")
        ),
    }
}

/// A fixture: the accounts it watches for "nothing changed".
#[allow(async_fn_in_trait)]
pub trait Fixture {
    /// Every account of the fixture worth watching, plus `extra`, as raw bytes.
    async fn fingerprint(
        &self,
        chain: &mut impl Ledger,
        extra: &[Pubkey],
    ) -> Vec<Option<RawAccount>>;
}

/// One instruction or several, as a transaction's list.
pub trait Ixs {
    fn into_ixs(self) -> Vec<Instruction>;
}

impl Ixs for Instruction {
    fn into_ixs(self) -> Vec<Instruction> {
        vec![self]
    }
}

impl Ixs for &[Instruction] {
    fn into_ixs(self) -> Vec<Instruction> {
        self.to_vec()
    }
}

impl<const N: usize> Ixs for &[Instruction; N] {
    fn into_ixs(self) -> Vec<Instruction> {
        self.to_vec()
    }
}

impl Ixs for &Vec<Instruction> {
    fn into_ixs(self) -> Vec<Instruction> {
        self.clone()
    }
}

impl Ixs for Vec<Instruction> {
    fn into_ixs(self) -> Vec<Instruction> {
        self
    }
}

/// Sends `ixs` signed by `signers`; asserts the refusal carries `e` and that no account
/// the fixture watches (nor `extra`) changed: no state written, no token moved.
pub async fn refused_unchanged(
    chain: &mut impl Ledger,
    env: &impl Fixture,
    extra: &[Pubkey],
    ixs: impl Ixs,
    signers: &[&Keypair],
    e: impl Expected,
) {
    let before = env.fingerprint(chain, extra).await;
    assert_err(chain.send(&ixs.into_ixs(), signers).await, e);
    assert_eq!(
        before,
        env.fingerprint(chain, extra).await,
        "refused with {e:?}, but state changed"
    );
}

/// The instruction with `key`'s signature requirement removed (the missing-signer attack).
pub fn unsigned(mut ix: Instruction, key: &Pubkey) -> Instruction {
    for m in ix.accounts.iter_mut() {
        if m.pubkey == *key {
            m.is_signer = false;
        }
    }
    ix
}

/// The instruction with every occurrence of account `from` replaced by `to` (the
/// substituted-account attacks).
pub fn swap_account(mut ix: Instruction, from: &Pubkey, to: &Pubkey) -> Instruction {
    for m in ix.accounts.iter_mut() {
        if m.pubkey == *from {
            m.pubkey = *to;
        }
    }
    ix
}

/// Overwrites the data of the Anchor account at `address` with `f` applied to it, keeping
/// lamports and owner: a deliberately corrupted state, for the invariant tests.
pub async fn corrupt<T>(chain: &mut impl Ledger, address: &Pubkey, f: impl FnOnce(&mut T))
where
    T: anchor_lang::AccountDeserialize + anchor_lang::AccountSerialize,
{
    let mut raw = chain
        .raw_account(address)
        .await
        .expect("account to corrupt");
    let mut state = T::try_deserialize(&mut &raw.data[..]).expect("an account of this type");
    f(&mut state);
    let mut data = Vec::with_capacity(raw.data.len());
    state.try_serialize(&mut data).expect("serialize");
    assert!(data.len() <= raw.data.len(), "corrupted state grew");
    raw.data[..data.len()].copy_from_slice(&data);
    chain.set_account(address, raw).await;
}

//! On-chain helpers every Halo program shares: [`safe_math!`] (one checked-arithmetic
//! vocabulary), and creating accounts at program-derived addresses whatever lamports
//! already sit there.
//!
//! `system_program::create_account` fails on an address that holds lamports, so anyone
//! could block a predictable PDA (the next op, generation or redemption id, a pool id)
//! by sending it a few. Anchor 1.x's `init` falls back to `CreateAccountAllowPrefund`
//! then, which clusters without that feature refuse. These helpers top the balance up to
//! rent exemption, then allocate and assign, signed by the PDA: the same result as
//! `create_account` on an empty address, and it cannot be blocked.
//!
//! An address that already holds data or belongs to a program is refused by the system
//! program (`allocate` / `assign`): re-initialising an existing account stays impossible.
#![deny(clippy::arithmetic_side_effects)]

pub mod safe_math;

use anchor_lang::prelude::*;
use anchor_lang::system_program::{self, Allocate, Assign, CreateAccount, Transfer};
use anchor_spl::token_interface::spl_token_2022::{
    extension::{BaseStateWithExtensions, ExtensionType, StateWithExtensions},
    state::{Account as TokenAccountState, Mint as MintState},
};

/// Creates `target`, the PDA of `owner` with `seeds` (bump included), with `space` bytes
/// owned by `owner`, paid by `payer`.
pub fn create_pda_account<'info>(
    payer: &AccountInfo<'info>,
    target: &AccountInfo<'info>,
    system_program: &AccountInfo<'info>,
    space: usize,
    seeds: &[&[u8]],
    owner: &Pubkey,
) -> Result<()> {
    let rent = Rent::get()?.minimum_balance(space);
    let space_u64 = u64::try_from(space).map_err(|_| error!(ErrorCode::AccountDidNotSerialize))?;
    let signer = &[seeds];
    let sys = system_program.key();
    let have = target.lamports();
    if have == 0 {
        return system_program::create_account(
            CpiContext::new_with_signer(
                sys,
                CreateAccount {
                    from: payer.clone(),
                    to: target.clone(),
                },
                signer,
            ),
            rent,
            space_u64,
            owner,
        );
    }
    let top_up = rent.saturating_sub(have);
    if top_up > 0 {
        system_program::transfer(
            CpiContext::new(
                sys,
                Transfer {
                    from: payer.clone(),
                    to: target.clone(),
                },
            ),
            top_up,
        )?;
    }
    system_program::allocate(
        CpiContext::new_with_signer(
            sys,
            Allocate {
                account_to_allocate: target.clone(),
            },
            signer,
        ),
        space_u64,
    )?;
    system_program::assign(
        CpiContext::new_with_signer(
            sys,
            Assign {
                account_to_assign: target.clone(),
            },
            signer,
        ),
        owner,
    )
}

/// Creates a program account of type `T` at `target` (the PDA of `owner` with `seeds`)
/// and writes `value` with its discriminator.
pub fn create_program_account<'info, T: AccountSerialize + Space>(
    payer: &AccountInfo<'info>,
    target: &AccountInfo<'info>,
    system_program: &AccountInfo<'info>,
    seeds: &[&[u8]],
    owner: &Pubkey,
    value: &T,
) -> Result<()> {
    let space = 8usize
        .checked_add(T::INIT_SPACE)
        .ok_or_else(|| error!(ErrorCode::AccountDidNotSerialize))?;
    create_pda_account(payer, target, system_program, space, seeds, owner)?;
    let mut data = target.try_borrow_mut_data()?;
    value.try_serialize(&mut &mut data[..])
}

/// Creates a zeroed program account of type `T` at `target` (the PDA of `owner` with
/// `seeds`) and returns its (all-default) value for the handler to fill in; the handler
/// writes it back with [`persist`].
pub fn create_zeroed_account<'info, T>(
    payer: &AccountInfo<'info>,
    target: &AccountInfo<'info>,
    system_program: &AccountInfo<'info>,
    seeds: &[&[u8]],
    owner: &Pubkey,
) -> Result<T>
where
    T: AccountDeserialize + Space,
{
    let space = 8usize
        .checked_add(T::INIT_SPACE)
        .ok_or_else(|| error!(ErrorCode::AccountDidNotSerialize))?;
    create_pda_account(payer, target, system_program, space, seeds, owner)?;
    let data = target.try_borrow_data()?;
    T::try_deserialize_unchecked(&mut &data[..])
}

/// Writes `value` (with its discriminator) into an account created by
/// [`create_zeroed_account`].
pub fn persist<T: AccountSerialize>(target: &AccountInfo, value: &T) -> Result<()> {
    let mut data = target.try_borrow_mut_data()?;
    value.try_serialize(&mut &mut data[..])
}

/// Creates a token account for `mint` at `target` (the PDA of `pda_owner` with `seeds`),
/// owned by `authority`, under `token_program` (SPL Token or Token-2022, with the account
/// extensions the mint requires).
#[allow(clippy::too_many_arguments)]
pub fn create_token_account<'info>(
    payer: &AccountInfo<'info>,
    target: &AccountInfo<'info>,
    system_program: &AccountInfo<'info>,
    token_program: &AccountInfo<'info>,
    mint: &AccountInfo<'info>,
    authority: &Pubkey,
    seeds: &[&[u8]],
) -> Result<()> {
    let space = if *token_program.key == anchor_spl::token_2022::ID {
        let data = mint.try_borrow_data()?;
        let state = StateWithExtensions::<MintState>::unpack(&data)?;
        let required =
            ExtensionType::get_required_init_account_extensions(&state.get_extension_types()?);
        ExtensionType::try_calculate_account_len::<TokenAccountState>(&required)?
    } else {
        anchor_spl::token::TokenAccount::LEN
    };
    create_pda_account(
        payer,
        target,
        system_program,
        space,
        seeds,
        token_program.key,
    )?;
    // InitializeAccount3 takes the owner as data, not as an account
    let ix = if *token_program.key == anchor_spl::token_2022::ID {
        anchor_spl::token_2022::spl_token_2022::instruction::initialize_account3(
            token_program.key,
            target.key,
            mint.key,
            authority,
        )?
    } else {
        anchor_spl::token::spl_token::instruction::initialize_account3(
            token_program.key,
            target.key,
            mint.key,
            authority,
        )?
    };
    anchor_lang::solana_program::program::invoke(&ix, &[target.clone(), mint.clone()])
        .map_err(Into::into)
}

/// The balance of a token account (SPL Token or Token-2022: `amount` is at bytes 64..72 of
/// both layouts), read from its current data, so it is fresh after a transfer CPI; `None`
/// if the account is too short to be one.
#[inline(always)]
pub fn token_amount(account: &AccountInfo) -> Option<u64> {
    let data = account.try_borrow_data().ok()?;
    let bytes: [u8; 8] = data.get(64..72)?.try_into().ok()?;
    Some(u64::from_le_bytes(bytes))
}

/// How a view hands back its answer. Anchor sets the return data of an instruction that
/// returns a value through the `sol_set_return_data` syscall, which exists only on SBF;
/// in a native build (the programs compiled for the host under solana-program-test) that
/// call does nothing, so the view records its answer through the runtime's syscall
/// stubs itself, and the native tests read the same bytes a client reads on a cluster.
///
/// Records `value` as the instruction's return data in a native build (on SBF, Anchor's
/// own return does it); returns `value` for Anchor to return.
pub fn answer<T: anchor_lang::AnchorSerialize>(value: T) -> anchor_lang::Result<T> {
    #[cfg(not(target_os = "solana"))]
    {
        let mut bytes = Vec::new();
        value.serialize(&mut bytes)?;
        solana_sysvar::program_stubs::sol_set_return_data(&bytes);
    }
    Ok(value)
}

/// Comparing keys without a `memcmp` call: four 64-bit words each. Invariants compare
/// several keys after every change; a `[u8; 32] ==` costs a memcmp syscall each time.
pub mod keys {
    use anchor_lang::prelude::Pubkey;

    /// The key as four 64-bit words (one load each: constant ranges of the 32 bytes).
    #[inline(always)]
    fn words(key: &Pubkey) -> [u64; 4] {
        let b = key.as_array();
        let word = |range: core::ops::Range<usize>| {
            b.get(range)
                .and_then(|s| <[u8; 8]>::try_from(s).ok())
                .map_or(0, u64::from_le_bytes)
        };
        [word(0..8), word(8..16), word(16..24), word(24..32)]
    }

    /// `key == Pubkey::default()`.
    #[inline(always)]
    pub fn is_default(key: &Pubkey) -> bool {
        let [a, b, c, d] = words(key);
        a | b | c | d == 0
    }

    /// `a == b`.
    #[inline(always)]
    pub fn same(a: &Pubkey, b: &Pubkey) -> bool {
        words(a) == words(b)
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn agree_with_byte_equality() {
            let k = Pubkey::new_unique();
            assert!(is_default(&Pubkey::default()) && !is_default(&k));
            assert!(same(&k, &k) && !same(&k, &Pubkey::new_unique()));
            let mut last = [0u8; 32];
            last[31] = 1;
            assert!(!is_default(&Pubkey::new_from_array(last)));
        }
    }
}

//! Creating a program account at a PDA whatever lamports already sit at its address.
//! `system_program::create_account` fails on an address that holds lamports, so anyone
//! could block a predictable PDA by sending it a few; Anchor 1.x's `init` turns to
//! `CreateAccountAllowPrefund` then, which clusters without that feature refuse. This
//! tops the balance up to rent exemption, then allocates and assigns, signed by the PDA.
use anchor_lang::prelude::*;
use anchor_lang::system_program::{self, Allocate, Assign, CreateAccount, Transfer};

/// Creates `target` (a PDA of this program with `seeds`, bump included) with `space`
/// bytes owned by this program, paid by `payer`.
pub fn create_pda_account<'info>(
    payer: &AccountInfo<'info>,
    target: &AccountInfo<'info>,
    system_program: &AccountInfo<'info>,
    space: usize,
    seeds: &[&[u8]],
) -> Result<()> {
    let rent = Rent::get()?.minimum_balance(space);
    let space_u64 =
        u64::try_from(space).map_err(|_| error!(crate::errors::PauError::MathOverflow))?;
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
            &crate::ID,
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
        &crate::ID,
    )
}

//! Position accounts: created at the first entry (at their PDA, whatever lamports sit
//! there) and closed at the exit or the finalized settlement. A position is created at its first entry and closed at its exit or its finalized
//! settlement. Loading one checks what its PDA would: only this program writes positions,
//! at `["position", queue, owner]`, so a stored queue and owner that match are proof.
use anchor_lang::prelude::*;

use crate::{constants::SEED_POSITION, errors::LctsError, state::*};

/// Loads `info` as the position of `owner` in `queue`, or creates it (paid by `owner`)
/// in generation `gen_id`. Returns the position and whether it was created.
pub fn open_or_load<'info>(
    info: &AccountInfo<'info>,
    owner: &AccountInfo<'info>,
    system_program: &AccountInfo<'info>,
    queue: &Pubkey,
    gen_id: u64,
    now: i64,
) -> Result<(Position, bool)> {
    if *info.owner == crate::ID {
        let data = info.try_borrow_data()?;
        let position = Position::try_deserialize(&mut &data[..])?;
        require!(
            position.queue == *queue && position.owner == *owner.key,
            LctsError::WrongPosition
        );
        return Ok((position, false));
    }
    let (address, bump) = Pubkey::find_program_address(
        &[SEED_POSITION, queue.as_ref(), owner.key.as_ref()],
        &crate::ID,
    );
    require_keys_eq!(address, info.key(), LctsError::WrongPosition);
    let mut position: Position = halo_accounts::create_zeroed_account(
        owner,
        info,
        system_program,
        &Position::signer_seeds(queue, owner.key, &[bump]),
        &crate::ID,
    )?;
    position.open(bump, *queue, *owner.key, gen_id, now);
    Ok((position, true))
}

/// If `position` is in a generation that finalized, takes what it earned there (from
/// `generation`, which must be given) and moves it, empty, into the current generation.
/// Returns the reward to pay.
pub fn settle_if_finalized(
    queue: &mut Queue,
    queue_key: &Pubkey,
    position: &mut Position,
    generation: Option<&FinalizedGeneration>,
    now: i64,
) -> Result<u64> {
    if !queue.is_finalized(position.gen_id) {
        return Ok(0);
    }
    let reward = match generation {
        None if position.shares == 0 => 0,
        None => return err!(LctsError::FinalizedGenerationRequired),
        Some(g) => {
            require_keys_eq!(g.queue, *queue_key, LctsError::WrongGeneration);
            position.finalized_reward(g)?
        }
    };
    queue.pay_reward(reward)?;
    position.restart(queue.gen_id, now);
    Ok(reward)
}

use anchor_lang::prelude::*;

use crate::errors::PauError;

/// What an instant removal leaves behind, so that an addition for the same target that
/// was scheduled before the removal can no longer be executed (it would undo the removal).
/// Seeds: `["removal", configurator, target]`, `target` = [`removal_target`].
#[account]
#[derive(InitSpace, Debug)]
pub struct Removal {
    pub version: u8,
    pub bump: u8,
    pub configurator: Pubkey,
    pub target: [u8; 32],
    /// Ops for this target with an id below this were scheduled before the last removal.
    pub valid_from_op_id: u64,
    /// precision: unix seconds; the last removal.
    pub removed_at: i64,
    pub removals: u64,
    pub reserved: [u8; 32],
}

/// The kinds of target an instant removal can invalidate ops for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RemovalKind {
    /// `remove_init_rate_limit`: (key, pau scope).
    Init,
    /// `revoke_govops`: (controller, member).
    GovOps,
    /// `remove_integration`: (controller, signer).
    Integration,
}

/// `sha256(kind || a || b)`: the target id seeding a [`Removal`].
pub fn removal_target(kind: RemovalKind, a: &[u8; 32], b: &[u8; 32]) -> [u8; 32] {
    let tag: &[u8] = match kind {
        RemovalKind::Init => b"init",
        RemovalKind::GovOps => b"govops",
        RemovalKind::Integration => b"integration",
    };
    solana_sha256_hasher::hashv(&[tag, a, b]).to_bytes()
}

impl Removal {
    /// Calls `f` with the record's signer seeds `["removal", configurator, target, bump]`.
    pub fn with_seeds<R>(
        configurator: &Pubkey,
        target: &[u8; 32],
        bump: u8,
        f: impl FnOnce(&[&[u8]]) -> R,
    ) -> R {
        f(&[
            crate::constants::SEED_REMOVAL,
            configurator.as_ref(),
            target.as_ref(),
            &[bump],
        ])
    }

    /// Refuses op `op_id` when the removal record at `info` (already pinned to its PDA by
    /// the instruction's seeds) shows it was scheduled before the last removal. A record
    /// that does not exist yet means the target was never removed.
    pub fn check_op(info: &AccountInfo, op_id: u64) -> Result<()> {
        if !super::is_ours(info) {
            return Ok(());
        }
        let data = info.try_borrow_data()?;
        let record = Removal::try_deserialize(&mut &data[..])?;
        require!(
            op_id >= record.valid_from_op_id,
            PauError::OpInvalidatedByRemoval
        );
        Ok(())
    }

    /// Records a removal of `target` at `now`: every op scheduled so far (`next_op_id`)
    /// for it is invalidated. Creates the record on first use, also when someone
    /// pre-funded its address.
    #[allow(clippy::too_many_arguments)]
    pub fn record<'info>(
        info: &AccountInfo<'info>,
        payer: &AccountInfo<'info>,
        system_program: &AccountInfo<'info>,
        configurator: &Pubkey,
        target: [u8; 32],
        bump: u8,
        next_op_id: u64,
        now: i64,
    ) -> Result<()> {
        let mut record = if super::is_ours(info) {
            let data = info.try_borrow_data()?;
            Removal::try_deserialize(&mut &data[..])?
        } else {
            Removal::with_seeds(configurator, &target, bump, |seeds| {
                halo_accounts::create_pda_account(
                    payer,
                    info,
                    system_program,
                    8usize.saturating_add(Removal::INIT_SPACE),
                    seeds,
                    &crate::ID,
                )
            })?;
            Removal {
                version: crate::constants::ACCOUNT_VERSION,
                bump,
                configurator: *configurator,
                target,
                valid_from_op_id: 0,
                removed_at: 0,
                removals: 0,
                reserved: [0; 32],
            }
        };
        record.valid_from_op_id = next_op_id;
        record.removed_at = now;
        record.removals = record.removals.saturating_add(1);
        let mut data = info.try_borrow_mut_data()?;
        record.try_serialize(&mut &mut data[..])?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn size_is_stable() {
        assert_eq!(Removal::INIT_SPACE, 2 + 32 + 32 + 8 * 3 + 32);
    }

    #[test]
    fn targets_differ_by_kind() {
        let a = [1u8; 32];
        let b = [2u8; 32];
        assert_ne!(
            removal_target(RemovalKind::Init, &a, &b),
            removal_target(RemovalKind::GovOps, &a, &b)
        );
        assert_ne!(
            removal_target(RemovalKind::GovOps, &a, &b),
            removal_target(RemovalKind::Integration, &a, &b)
        );
    }
}

use anchor_lang::prelude::*;

/// Governance approval for a route. Seeds: `["init", configurator, key, pau_or_default]`.
#[account]
#[derive(InitSpace, Debug)]
pub struct InitRateLimit {
    pub version: u8,
    pub bump: u8,
    pub configurator: Pubkey,
    /// `sha256(tag || mint || counterparty)`.
    pub key: [u8; 32],
    /// The PAU it is restricted to, or `Pubkey::default()` for every PAU.
    pub pau: Pubkey,
    /// precision: base units; the most a first set may open.
    pub max_amount: u64,
    /// precision: base units per second; the most a first set may open.
    pub slope: u64,
    /// precision: unix seconds.
    pub added_at: i64,
    pub op_id: u64,
    pub reserved: [u8; 64],
}

impl InitRateLimit {
    /// A new approval of route `key` for `pau` (default: every PAU), added by op `op_id`
    /// at `now`, with zero bounds (the caller sets them).
    pub fn new(
        bump: u8,
        configurator: Pubkey,
        key: [u8; 32],
        pau: Pubkey,
        op_id: u64,
        now: i64,
    ) -> Self {
        InitRateLimit {
            version: crate::constants::ACCOUNT_VERSION,
            bump,
            configurator,
            key,
            pau,
            max_amount: 0,
            slope: 0,
            added_at: now,
            op_id,
            reserved: [0; 64],
        }
    }

    /// Calls `f` with the init's signer seeds `["init", configurator, key, pau, bump]`
    /// (also before the account exists, to create it).
    pub fn with_seeds<R>(
        configurator: &Pubkey,
        key: &[u8; 32],
        pau: &Pubkey,
        bump: u8,
        f: impl FnOnce(&[&[u8]]) -> R,
    ) -> R {
        f(&[
            crate::constants::SEED_INIT,
            configurator.as_ref(),
            key.as_ref(),
            pau.as_ref(),
            &[bump],
        ])
    }

    /// The bounds a route under this init may open to: `(max_amount, slope)`.
    pub fn bounds(&self) -> (u64, u64) {
        (self.max_amount, self.slope)
    }

    /// The init that governs route `key` on `controller`: the PAU-specific init when one
    /// exists (it overrides the global one, also when it is tighter); none when a
    /// PAU-specific init existed and was removed (its removal record exists: a removal only
    /// restricts, it never falls back to a looser global init); else the global init; else
    /// the specific `NoInitForRoute` refusal. All three accounts are pinned to their PDAs
    /// by the instruction's seeds, so the caller cannot choose which one applies; the
    /// owner, discriminator and fields are checked here.
    pub fn resolve<'a, 'info>(
        pau_init: &'a AccountInfo<'info>,
        pau_init_removal: &'a AccountInfo<'info>,
        global_init: &'a AccountInfo<'info>,
        key: &[u8; 32],
        controller: &Pubkey,
    ) -> Result<InitRateLimit> {
        use crate::errors::PauError;
        let (info, scope) = if super::is_ours(pau_init) {
            (pau_init, *controller)
        } else if super::is_ours(pau_init_removal) {
            msg!("this PAU's own init was removed: no route until governance approves one");
            return err!(PauError::NoInitForRoute);
        } else if super::is_ours(global_init) {
            (global_init, Pubkey::default())
        } else {
            return err!(PauError::NoInitForRoute);
        };
        let data = info.try_borrow_data()?;
        let init = InitRateLimit::try_deserialize(&mut &data[..])
            .map_err(|_| error!(PauError::NoInitForRoute))?;
        require!(
            init.key == *key && init.pau == scope,
            PauError::NoInitForRoute
        );
        Ok(init)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn size_is_stable() {
        assert_eq!(
            InitRateLimit::INIT_SPACE,
            2 + 32 + 32 + 32 + 8 + 8 + 8 + 8 + 64
        );
    }
}

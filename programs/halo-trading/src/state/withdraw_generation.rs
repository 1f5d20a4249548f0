use anchor_lang::prelude::*;
use halo_math::queue::Generation;

/// One generation of the LP withdrawal queue. Requests join the open generation; the
/// beacon closes it (`roll_withdrawals`) and fills it pro rata as free USDS allows.
/// Seeds: `["withdraw_gen", pool, id]`.
#[account]
#[derive(InitSpace, Debug)]
pub struct WithdrawGeneration {
    pub version: u8,
    pub bump: u8,
    pub pool: Pubkey,
    pub id: u64,
    pub requested: u64,
    pub filled: u64,
    /// precision: quote base units.
    pub paid: u64,
    pub closed: bool,
    /// precision: unix seconds; the first request / when it was closed. After
    /// `QUEUE_FALLBACK_S` anyone may roll or settle it (a silent beacon cannot lock LPs in).
    pub opened_at: i64,
    pub closed_at: i64,
    pub reserved: [u8; 16],
}

impl WithdrawGeneration {
    /// `["withdraw_gen", pool, id le, bump]`: the generation's seeds with its bump.
    pub fn signer_seeds<'a>(
        pool: &'a Pubkey,
        id_le: &'a [u8; 8],
        bump: &'a [u8; 1],
    ) -> [&'a [u8]; 4] {
        [
            crate::constants::SEED_WITHDRAW_GEN,
            pool.as_ref(),
            id_le,
            bump,
        ]
    }

    /// Creates generation `id` of `pool` at `target` (its PDA), open from `now`.
    pub fn create<'info>(
        payer: &AccountInfo<'info>,
        target: &AccountInfo<'info>,
        system_program: &AccountInfo<'info>,
        pool: Pubkey,
        id: u64,
        bump: u8,
        now: i64,
    ) -> Result<()> {
        let id_le = id.to_le_bytes();
        let bump_seed = [bump];
        let mut g: WithdrawGeneration = halo_accounts::create_zeroed_account(
            payer,
            target,
            system_program,
            &Self::signer_seeds(&pool, &id_le, &bump_seed),
            &crate::ID,
        )?;
        g.version = crate::constants::ACCOUNT_VERSION;
        g.bump = bump;
        g.pool = pool;
        g.id = id;
        g.opened_at = now;
        g.invariant()?;
        halo_accounts::persist(target, &g)
    }

    /// Closes the generation to new requests at `now`.
    pub fn close_to_requests(&mut self, now: i64) {
        self.closed = true;
        self.closed_at = now;
    }

    pub fn totals(&self) -> Generation {
        Generation {
            requested: self.requested,
            filled: self.filled,
            paid: self.paid,
        }
    }

    /// Fills never pass requests and nothing is paid before the generation closes
    /// (`WithdrawGenerationInvariantBroken` otherwise).
    pub fn invariant(&self) -> Result<()> {
        let ok =
            self.filled <= self.requested && (self.closed || (self.filled == 0 && self.paid == 0));
        require!(
            ok,
            crate::errors::TradingError::WithdrawGenerationInvariantBroken
        );
        Ok(())
    }

    pub fn store(&mut self, g: Generation) {
        self.requested = g.requested;
        self.filled = g.filled;
        self.paid = g.paid;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn size_is_stable() {
        assert_eq!(WithdrawGeneration::INIT_SPACE, 2 + 32 + 8 * 4 + 1 + 16 + 16);
    }
}

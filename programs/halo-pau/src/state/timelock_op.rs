use anchor_lang::prelude::*;

/// An addition that must wait out the timelock. Removals never appear here: they are instant.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, PartialEq, Eq, InitSpace)]
pub enum TimelockAction {
    /// Mark an existing (inert) controller as a registered PAU.
    RegisterPau { controller: Pubkey },
    /// Approve a route: GovOps may then open rate limits for `key` up to these bounds.
    /// `pau == Pubkey::default()` makes the init usable by every PAU.
    AddInitRateLimit {
        key: [u8; 32],
        pau: Pubkey,
        max_amount: u64,
        slope: u64,
    },
    /// Grant GovOps (cBEAM) on one PAU.
    GrantGovOps { controller: Pubkey, member: Pubkey },
    /// Change the timelock delay itself.
    SetTimelockDelay { seconds: i64 },
    /// Change the SORL hop.
    SetSorlHop { seconds: i64 },
    /// Change the SORL max change per hop.
    SetSorlMaxChange { bps: u16 },
    /// Propose a new admin; it takes effect when that key calls `accept_admin`.
    TransferAdmin { new_admin: Pubkey },
    /// Let `signer` (a Halo program's PDA) `draw` / `repay` on `controller` along route
    /// `key`: creates the integration, or adds the key to it (at most 8 keys).
    AddIntegration {
        controller: Pubkey,
        signer: Pubkey,
        key: [u8; 32],
    },
    /// Change the largest Token-2022 transfer fee a route accepts.
    SetMaxTransferFee { bps: u16 },
}

#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, PartialEq, Eq, InitSpace)]
pub enum OpStatus {
    Scheduled,
    Executed,
    Cancelled,
}

/// A scheduled addition. Seeds: `["op", configurator, op_id: u64 le]`.
#[account]
#[derive(InitSpace, Debug)]
pub struct TimelockOp {
    pub version: u8,
    pub bump: u8,
    pub configurator: Pubkey,
    pub op_id: u64,
    pub action: TimelockAction,
    pub proposer: Pubkey,
    /// precision: unix seconds.
    pub scheduled_at: i64,
    /// precision: unix seconds; executable from this instant.
    pub eta: i64,
    pub status: OpStatus,
    /// precision: unix seconds; when executed or cancelled (0 while scheduled).
    pub resolved_at: i64,
    pub reserved: [u8; 64],
}

impl TimelockOp {
    /// Calls `f` with the op's signer seeds `["op", configurator, op_id le, bump]` (also
    /// before the account exists, to create it).
    pub fn with_seeds<R>(
        configurator: &Pubkey,
        op_id: u64,
        bump: u8,
        f: impl FnOnce(&[&[u8]]) -> R,
    ) -> R {
        let id = op_id.to_le_bytes();
        f(&[
            crate::constants::SEED_OP,
            configurator.as_ref(),
            &id,
            &[bump],
        ])
    }

    /// Refuses an op that was executed or cancelled already.
    pub fn check_scheduled(&self) -> Result<()> {
        use crate::errors::PauError;
        match self.status {
            OpStatus::Executed => err!(PauError::OpAlreadyExecuted),
            OpStatus::Cancelled => err!(PauError::OpCancelled),
            OpStatus::Scheduled => Ok(()),
        }
    }

    /// The checks every `execute_*` shares: still scheduled, timelock elapsed, and not
    /// past its grace period (`OP_GRACE_PERIOD_S` after eta).
    pub fn check_executable(&self, now: i64) -> Result<()> {
        use crate::errors::PauError;
        self.check_scheduled()?;
        require!(now >= self.eta, PauError::TimelockNotElapsed);
        require!(
            now <= self.eta.saturating_add(crate::constants::OP_GRACE_PERIOD_S),
            PauError::OpExpired
        );
        Ok(())
    }

    /// Takes the op for execution at `now`: refuses it unless executable
    /// ([`Self::check_executable`]), marks it executed, and returns its action. Any later
    /// refusal of the instruction reverts the marking with the rest of the transaction.
    pub fn take_ready(&mut self, now: i64) -> Result<TimelockAction> {
        self.check_executable(now)?;
        self.status = OpStatus::Executed;
        self.resolved_at = now;
        Ok(self.action)
    }

    /// Cancels a scheduled op at `now`.
    pub fn cancel(&mut self, now: i64) -> Result<()> {
        self.check_scheduled()?;
        self.status = OpStatus::Cancelled;
        self.resolved_at = now;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn op(status: OpStatus) -> TimelockOp {
        TimelockOp {
            version: 1,
            bump: 255,
            configurator: Pubkey::new_unique(),
            op_id: 4,
            action: TimelockAction::SetSorlHop { seconds: 7200 },
            proposer: Pubkey::new_unique(),
            scheduled_at: 0,
            eta: 100,
            status,
            resolved_at: 0,
            reserved: [0; 64],
        }
    }

    #[test]
    fn take_ready_marks_executed_only_within_its_window() {
        let grace = crate::constants::OP_GRACE_PERIOD_S;
        assert!(op(OpStatus::Scheduled).take_ready(99).is_err());
        assert!(op(OpStatus::Scheduled)
            .take_ready(100_i64.saturating_add(grace).saturating_add(1))
            .is_err());
        assert!(op(OpStatus::Executed).take_ready(100).is_err());
        assert!(op(OpStatus::Cancelled).take_ready(100).is_err());
        let mut o = op(OpStatus::Scheduled);
        assert_eq!(o.take_ready(150).unwrap(), o.action);
        assert_eq!((o.status, o.resolved_at), (OpStatus::Executed, 150));
    }

    #[test]
    fn size_is_stable() {
        // largest action: AddIntegration = 1 tag + 32 + 32 + 32
        assert_eq!(TimelockAction::INIT_SPACE, 1 + 32 + 32 + 32);
        assert_eq!(
            TimelockOp::INIT_SPACE,
            1 + 1 + 32 + 8 + TimelockAction::INIT_SPACE + 32 + 8 + 8 + 1 + 8 + 64
        );
    }
}

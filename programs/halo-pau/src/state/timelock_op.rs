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
    /// The checks every `execute_*` shares: still scheduled, timelock elapsed, and not
    /// past its grace period (`OP_GRACE_PERIOD_S` after eta).
    pub fn check_executable(&self, now: i64) -> Result<()> {
        use crate::errors::PauError;
        match self.status {
            OpStatus::Executed => return err!(PauError::OpAlreadyExecuted),
            OpStatus::Cancelled => return err!(PauError::OpCancelled),
            OpStatus::Scheduled => {}
        }
        require!(now >= self.eta, PauError::TimelockNotElapsed);
        require!(
            now <= self.eta.saturating_add(crate::constants::OP_GRACE_PERIOD_S),
            PauError::OpExpired
        );
        Ok(())
    }

    pub fn mark_executed(&mut self, now: i64) {
        self.status = OpStatus::Executed;
        self.resolved_at = now;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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

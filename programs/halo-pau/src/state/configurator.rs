use anchor_lang::prelude::*;

use crate::constants::*;
use crate::errors::PauError;
use crate::math::SafeMath;
use crate::state::TimelockAction;

/// The deployment's governance root. Seeds: `["configurator"]`.
#[account]
#[derive(InitSpace, Debug)]
pub struct Configurator {
    pub version: u8,
    pub bump: u8,
    /// Core Council (aBEAM): schedules additions, removes instantly.
    pub admin: Pubkey,
    /// Proposed admin (through the timelock) waiting to accept; default = none.
    pub pending_admin: Pubkey,
    /// precision: seconds.
    pub timelock_delay_s: i64,
    /// precision: seconds.
    pub sorl_hop_s: i64,
    /// precision: basis points.
    pub sorl_max_change_bps: u16,
    /// Blocks `schedule_op` and every `execute_*`.
    pub paused: bool,
    /// Id of the next scheduled operation.
    pub next_op_id: u64,
    /// `TransferAdmin` ops with a smaller id were scheduled before the last
    /// `clear_pending_admin` and can no longer be executed.
    pub admin_ops_valid_from: u64,
    /// precision: basis points; the largest Token-2022 transfer fee a route accepts, and
    /// the most any custody movement may lose to one.
    pub max_transfer_fee_bps: u16,
    pub reserved: [u8; 118],
}

impl Configurator {
    /// Calls `f` with the configurator's signer seeds `["configurator", bump]`.
    pub fn with_seeds<R>(bump: u8, f: impl FnOnce(&[&[u8]]) -> R) -> R {
        f(&[SEED_CONFIGURATOR, &[bump]])
    }

    /// What every state change must leave true: each parameter within the bounds its
    /// setter enforces, a real admin, and the admin-proposal watermark not ahead of the
    /// next op id.
    pub fn invariant(&self) -> Result<()> {
        let ok = self.version == ACCOUNT_VERSION
            && (MIN_TIMELOCK_DELAY_S..=MAX_TIMELOCK_DELAY_S).contains(&self.timelock_delay_s)
            && (MIN_SORL_HOP_S..=MAX_SORL_HOP_S).contains(&self.sorl_hop_s)
            && (1..=MAX_SORL_MAX_CHANGE_BPS).contains(&self.sorl_max_change_bps)
            && self.max_transfer_fee_bps <= MAX_TRANSFER_FEE_BPS
            && self.admin != Pubkey::default()
            && self.admin_ops_valid_from <= self.next_op_id;
        require!(ok, PauError::ConfiguratorInvariantBroken);
        Ok(())
    }

    /// A fresh configurator: nothing scheduled, the default transfer-fee bound.
    pub fn new(bump: u8, args: &crate::instructions::InitializeConfiguratorArgs) -> Self {
        Configurator {
            version: ACCOUNT_VERSION,
            bump,
            admin: args.admin,
            pending_admin: Pubkey::default(),
            timelock_delay_s: args.timelock_delay_s,
            sorl_hop_s: args.sorl_hop_s,
            sorl_max_change_bps: args.sorl_max_change_bps,
            paused: false,
            next_op_id: 0,
            admin_ops_valid_from: 0,
            max_transfer_fee_bps: DEFAULT_MAX_TRANSFER_FEE_BPS,
            reserved: [0; 118],
        }
    }

    /// Takes the next op id for an op scheduled at `now`; returns it with the op's eta.
    pub fn take_op_id(&mut self, now: i64) -> Result<(u64, i64)> {
        let op_id = self.next_op_id;
        let eta = now.safe_add(self.timelock_delay_s)?;
        self.next_op_id = op_id.safe_add(1)?;
        Ok((op_id, eta))
    }

    /// The proposed admin takes the role; proposals scheduled before the hand-over cannot
    /// make another key admin afterwards. Returns the old admin.
    pub fn accept_admin(&mut self, new_admin: Pubkey) -> Pubkey {
        let old_admin = self.admin;
        self.admin = new_admin;
        self.pending_admin = Pubkey::default();
        self.admin_ops_valid_from = self.next_op_id;
        old_admin
    }

    /// Withdraws the pending admin and every admin proposal scheduled so far. Returns the
    /// withdrawn key.
    pub fn clear_pending_admin(&mut self) -> Pubkey {
        let old_pending_admin = self.pending_admin;
        self.pending_admin = Pubkey::default();
        self.admin_ops_valid_from = self.next_op_id;
        old_pending_admin
    }

    /// Applies an executed configuration change (op `op_id`). Refuses an op of another
    /// kind, and an admin proposal withdrawn by a later `clear_pending_admin`.
    pub fn apply_change(&mut self, op_id: u64, action: &TimelockAction) -> Result<()> {
        match *action {
            TimelockAction::SetTimelockDelay { seconds } => self.timelock_delay_s = seconds,
            TimelockAction::SetSorlHop { seconds } => self.sorl_hop_s = seconds,
            TimelockAction::SetSorlMaxChange { bps } => self.sorl_max_change_bps = bps,
            TimelockAction::SetMaxTransferFee { bps } => self.max_transfer_fee_bps = bps,
            TimelockAction::TransferAdmin { new_admin } => {
                // a `clear_pending_admin` withdrew every admin proposal scheduled before it
                require!(
                    op_id >= self.admin_ops_valid_from,
                    PauError::OpInvalidatedByRemoval
                );
                self.pending_admin = new_admin;
            }
            TimelockAction::RegisterPau { .. }
            | TimelockAction::AddInitRateLimit { .. }
            | TimelockAction::GrantGovOps { .. }
            | TimelockAction::AddIntegration { .. } => return err!(PauError::WrongOpKind),
        }
        Ok(())
    }

    /// Refuses an action whose parameters are out of bounds now, so that a bad value
    /// never waits out the timelock to fail.
    pub fn check_schedulable(&self, action: &TimelockAction) -> Result<()> {
        match *action {
            TimelockAction::SetTimelockDelay { seconds } => validate_timelock_delay(seconds)?,
            TimelockAction::SetSorlHop { seconds } => validate_sorl_hop(seconds)?,
            TimelockAction::SetSorlMaxChange { bps } => validate_sorl_max_change(bps)?,
            TimelockAction::TransferAdmin { new_admin } => {
                require!(
                    new_admin != Pubkey::default() && new_admin != self.admin,
                    PauError::InvalidAdmin
                );
            }
            TimelockAction::GrantGovOps { member, .. } => {
                require_keys_neq!(member, Pubkey::default(), PauError::InvalidRoleKey);
            }
            TimelockAction::SetMaxTransferFee { bps } => validate_max_transfer_fee(bps)?,
            TimelockAction::AddIntegration { signer, key, .. } => {
                require_keys_neq!(signer, Pubkey::default(), PauError::InvalidRoleKey);
                require!(key != [0u8; 32], PauError::InvalidIntegrationKeys);
            }
            TimelockAction::RegisterPau { .. } | TimelockAction::AddInitRateLimit { .. } => {}
        }
        Ok(())
    }

    pub fn sorl(&self) -> halo_math::SorlParams {
        halo_math::SorlParams {
            hop_s: self.sorl_hop_s,
            max_change_bps: self.sorl_max_change_bps,
        }
    }
}

pub fn validate_timelock_delay(s: i64) -> Result<()> {
    require!(
        (MIN_TIMELOCK_DELAY_S..=MAX_TIMELOCK_DELAY_S).contains(&s),
        PauError::InvalidTimelockDelay
    );
    Ok(())
}

pub fn validate_sorl_hop(s: i64) -> Result<()> {
    require!(
        (MIN_SORL_HOP_S..=MAX_SORL_HOP_S).contains(&s),
        PauError::InvalidSorlHop
    );
    Ok(())
}

pub fn validate_max_transfer_fee(bps: u16) -> Result<()> {
    require!(bps <= MAX_TRANSFER_FEE_BPS, PauError::InvalidMaxTransferFee);
    Ok(())
}

pub fn validate_sorl_max_change(bps: u16) -> Result<()> {
    require!(
        (1..=MAX_SORL_MAX_CHANGE_BPS).contains(&bps),
        PauError::InvalidSorlMaxChange
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn configurator() -> Configurator {
        Configurator {
            version: ACCOUNT_VERSION,
            bump: 255,
            admin: Pubkey::new_unique(),
            pending_admin: Pubkey::default(),
            timelock_delay_s: DEFAULT_TIMELOCK_DELAY_S,
            sorl_hop_s: DEFAULT_SORL_HOP_S,
            sorl_max_change_bps: DEFAULT_SORL_MAX_CHANGE_BPS,
            paused: false,
            next_op_id: 3,
            admin_ops_valid_from: 3,
            max_transfer_fee_bps: DEFAULT_MAX_TRANSFER_FEE_BPS,
            reserved: [0; 118],
        }
    }

    #[test]
    fn invariant_holds_for_the_defaults() {
        assert!(configurator().invariant().is_ok());
    }

    #[test]
    fn invariant_refuses_each_broken_bound() {
        let broken: [fn(&mut Configurator); 7] = [
            |c| c.timelock_delay_s = MIN_TIMELOCK_DELAY_S.saturating_sub(1),
            |c| c.timelock_delay_s = MAX_TIMELOCK_DELAY_S.saturating_add(1),
            |c| c.sorl_hop_s = MAX_SORL_HOP_S.saturating_add(1),
            |c| c.sorl_max_change_bps = 0,
            |c| c.max_transfer_fee_bps = MAX_TRANSFER_FEE_BPS.saturating_add(1),
            |c| c.admin = Pubkey::default(),
            |c| c.admin_ops_valid_from = c.next_op_id.saturating_add(1),
        ];
        for f in broken {
            let mut c = configurator();
            f(&mut c);
            assert!(c.invariant().is_err(), "{c:?}");
        }
    }

    #[test]
    fn size_is_stable() {
        // 8 discriminator + fields + 128 reserved: changing this breaks deployed accounts.
        assert_eq!(
            Configurator::INIT_SPACE,
            1 + 1 + 32 + 32 + 8 + 8 + 2 + 1 + 8 + 8 + 2 + 118
        );
    }
}

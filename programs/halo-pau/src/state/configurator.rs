use anchor_lang::prelude::*;

use crate::constants::*;
use crate::errors::PauError;

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

    #[test]
    fn size_is_stable() {
        // 8 discriminator + fields + 128 reserved: changing this breaks deployed accounts.
        assert_eq!(
            Configurator::INIT_SPACE,
            1 + 1 + 32 + 32 + 8 + 8 + 2 + 1 + 8 + 8 + 2 + 118
        );
    }
}

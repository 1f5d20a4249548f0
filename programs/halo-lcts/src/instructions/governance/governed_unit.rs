use anchor_lang::prelude::*;

use crate::{errors::LctsError, state::*};

/// The accounts of governance's unit settings (`set_unit_params`, `set_unit_roles`,
/// `set_exchange_rate`): governance, its class, the unit.
#[derive(Accounts)]
pub struct GovernedUnit<'info> {
    pub governance: Signer<'info>,
    #[account(has_one = governance @ LctsError::NotGovernance)]
    pub class: Box<Account<'info, LctsClass>>,
    #[account(mut, has_one = class @ LctsError::UnitOfAnotherClass)]
    pub unit: Box<Account<'info, LctsUnit>>,
}

impl GovernedUnit<'_> {
    pub fn validate_params(&self, params: &UnitParams) -> Result<()> {
        params.validate()
    }

    pub fn validate_roles(&self, beacon: &Pubkey, freezer: &Pubkey) -> Result<()> {
        require!(
            *beacon != Pubkey::default() && *freezer != Pubkey::default(),
            LctsError::DefaultKey
        );
        Ok(())
    }

    pub fn validate_rate(&self, rate_wad: u128) -> Result<()> {
        check_rate_value(rate_wad)
    }
}

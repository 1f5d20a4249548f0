use anchor_lang::prelude::*;

use crate::{errors::NfatError, state::Facility};

/// A facility changed by its governance (`set_buybox`, `set_roles`, `set_allow_list`).
/// Refused: any other signer (the beacon included).
#[derive(Accounts)]
pub struct Governed<'info> {
    pub governance: Signer<'info>,
    #[account(mut, has_one = governance @ NfatError::NotGovernance)]
    pub facility: Box<Account<'info, Facility>>,
}

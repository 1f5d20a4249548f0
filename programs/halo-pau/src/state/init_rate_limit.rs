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
    /// Loads the init that approves route `key` on `controller`, or refuses with
    /// `NoInitForRoute` when none exists. The account is taken unchecked by the instruction
    /// so that a missing init is this specific refusal, not a generic deserialisation error;
    /// owner, discriminator, fields and PDA are all checked here.
    pub fn load_for_route(
        info: &AccountInfo,
        configurator: &Pubkey,
        key: &[u8; 32],
        controller: &Pubkey,
    ) -> Result<InitRateLimit> {
        use crate::{constants::SEED_INIT, errors::PauError};
        if *info.owner != crate::ID || info.data_is_empty() {
            return err!(PauError::NoInitForRoute);
        }
        let data = info.try_borrow_data()?;
        let init = InitRateLimit::try_deserialize(&mut &data[..])
            .map_err(|_| error!(PauError::NoInitForRoute))?;
        require!(init.key == *key, PauError::NoInitForRoute);
        require!(
            init.pau == Pubkey::default() || init.pau == *controller,
            PauError::InitForAnotherPau
        );
        let expected = Pubkey::create_program_address(
            &[
                SEED_INIT,
                configurator.as_ref(),
                key.as_ref(),
                init.pau.as_ref(),
                &[init.bump],
            ],
            &crate::ID,
        )
        .map_err(|_| error!(PauError::NoInitForRoute))?;
        require_keys_eq!(expected, info.key(), PauError::NoInitForRoute);
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

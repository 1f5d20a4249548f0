use anchor_lang::prelude::*;

use crate::constants::MAX_INTEGRATION_KEYS;

/// A Halo program's signer (usually a PDA of that program) allowed to `draw` from and
/// `repay` to this PAU along the listed keys. Seeds: `["integration", controller, signer]`.
#[account]
#[derive(InitSpace, Debug)]
pub struct Integration {
    pub version: u8,
    pub bump: u8,
    pub controller: Pubkey,
    pub signer: Pubkey,
    pub keys: [[u8; 32]; MAX_INTEGRATION_KEYS],
    pub key_count: u8,
    /// precision: unix seconds.
    pub added_at: i64,
    /// The timelock operation that added the last key.
    pub last_op_id: u64,
    pub reserved: [u8; 56],
}

impl Integration {
    /// Creates the integration at `info` (its PDA, `bump`) with `key`, or adds `key` to
    /// the existing one; returns the key count. Refuses a key it already has, a ninth
    /// key, and an account of another controller or signer.
    #[allow(clippy::too_many_arguments)]
    pub fn add_key<'info>(
        info: &AccountInfo<'info>,
        payer: &AccountInfo<'info>,
        system_program: &AccountInfo<'info>,
        controller: &Pubkey,
        signer: &Pubkey,
        bump: u8,
        key: [u8; 32],
        op_id: u64,
        now: i64,
    ) -> Result<u8> {
        use crate::errors::PauError;
        let mut i = if super::is_ours(info) {
            let data = info.try_borrow_data()?;
            let i = Integration::try_deserialize(&mut &data[..])?;
            require!(
                i.controller == *controller && i.signer == *signer,
                PauError::IntegrationMismatch
            );
            i
        } else {
            let seeds: &[&[u8]] = &[
                crate::constants::SEED_INTEGRATION,
                controller.as_ref(),
                signer.as_ref(),
                &[bump],
            ];
            halo_accounts::create_pda_account(
                payer,
                info,
                system_program,
                8usize.saturating_add(Integration::INIT_SPACE),
                seeds,
                &crate::ID,
            )?;
            Integration {
                version: crate::constants::ACCOUNT_VERSION,
                bump,
                controller: *controller,
                signer: *signer,
                keys: [[0u8; 32]; MAX_INTEGRATION_KEYS],
                key_count: 0,
                added_at: now,
                last_op_id: op_id,
                reserved: [0; 56],
            }
        };
        require!(!i.allows(&key), PauError::IntegrationKeyExists);
        let n = usize::from(i.key_count);
        let slot = i.keys.get_mut(n).ok_or(PauError::TooManyIntegrationKeys)?;
        *slot = key;
        i.key_count = i.key_count.saturating_add(1);
        i.last_op_id = op_id;
        let mut data = info.try_borrow_mut_data()?;
        i.try_serialize(&mut &mut data[..])?;
        Ok(i.key_count)
    }

    /// Bounded by `MAX_INTEGRATION_KEYS` (8): O(1).
    pub fn allows(&self, key: &[u8; 32]) -> bool {
        self.keys
            .iter()
            .take(usize::from(self.key_count))
            .any(|k| k == key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn size_is_stable() {
        assert_eq!(
            Integration::INIT_SPACE,
            2 + 32 + 32 + 32 * 8 + 1 + 8 + 8 + 56
        );
    }

    #[test]
    fn allows_only_listed_keys() {
        let mut i = Integration {
            version: 1,
            bump: 0,
            controller: Pubkey::default(),
            signer: Pubkey::default(),
            keys: [[0; 32]; MAX_INTEGRATION_KEYS],
            key_count: 1,
            added_at: 0,
            last_op_id: 0,
            reserved: [0; 56],
        };
        i.keys[0] = [7; 32];
        i.keys[1] = [9; 32];
        assert!(i.allows(&[7; 32]));
        assert!(!i.allows(&[9; 32]), "beyond key_count");
        assert!(!i.allows(&[0; 32]));
    }
}

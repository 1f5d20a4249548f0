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
        let mut integration = if super::is_ours(info) {
            let data = info.try_borrow_data()?;
            let existing = Integration::try_deserialize(&mut &data[..])?;
            require!(
                existing.controller == *controller && existing.signer == *signer,
                PauError::IntegrationMismatch
            );
            existing
        } else {
            Integration::with_seeds(controller, signer, bump, |seeds| {
                halo_accounts::create_pda_account(
                    payer,
                    info,
                    system_program,
                    8usize.saturating_add(Integration::INIT_SPACE),
                    seeds,
                    &crate::ID,
                )
            })?;
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
        require!(!integration.allows(&key), PauError::IntegrationKeyExists);
        let slot = integration
            .keys
            .get_mut(usize::from(integration.key_count))
            .ok_or(PauError::TooManyIntegrationKeys)?;
        *slot = key;
        integration.key_count = integration.key_count.saturating_add(1);
        integration.last_op_id = op_id;
        integration.invariant()?;
        let mut data = info.try_borrow_mut_data()?;
        integration.try_serialize(&mut &mut data[..])?;
        Ok(integration.key_count)
    }

    /// Calls `f` with the integration's signer seeds `["integration", controller, signer,
    /// bump]` (also before the account exists, to create it).
    pub fn with_seeds<R>(
        controller: &Pubkey,
        signer: &Pubkey,
        bump: u8,
        f: impl FnOnce(&[&[u8]]) -> R,
    ) -> R {
        f(&[
            crate::constants::SEED_INTEGRATION,
            controller.as_ref(),
            signer.as_ref(),
            &[bump],
        ])
    }

    /// What every state change must leave true: at most `MAX_INTEGRATION_KEYS` keys, none
    /// empty, no duplicates, nothing stored beyond the key count, and a real signer.
    pub fn invariant(&self) -> Result<()> {
        let n = usize::from(self.key_count);
        let listed = self.keys.get(..n);
        let ok = match listed {
            None => false,
            Some(listed) => {
                self.signer != Pubkey::default()
                    && listed.iter().all(|k| *k != [0u8; 32])
                    && listed
                        .iter()
                        .enumerate()
                        .all(|(i, k)| !listed.iter().skip(i.saturating_add(1)).any(|o| o == k))
                    && self.keys.iter().skip(n).all(|k| *k == [0u8; 32])
            }
        };
        require!(ok, crate::errors::PauError::IntegrationInvariantBroken);
        Ok(())
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

    fn integration(keys: &[[u8; 32]]) -> Integration {
        let mut i = Integration {
            version: 1,
            bump: 0,
            controller: Pubkey::new_unique(),
            signer: Pubkey::new_unique(),
            keys: [[0; 32]; MAX_INTEGRATION_KEYS],
            key_count: u8::try_from(keys.len()).unwrap(),
            added_at: 0,
            last_op_id: 0,
            reserved: [0; 56],
        };
        i.keys[..keys.len()].copy_from_slice(keys);
        i
    }

    #[test]
    fn invariant_holds_up_to_eight_distinct_keys() {
        assert!(integration(&[[1; 32]]).invariant().is_ok());
        let eight: Vec<[u8; 32]> = (1..=8u8).map(|b| [b; 32]).collect();
        assert!(integration(&eight).invariant().is_ok());
    }

    #[test]
    fn invariant_refuses_duplicates_empty_keys_overflow_and_leftovers() {
        assert!(integration(&[[1; 32], [1; 32]]).invariant().is_err());
        assert!(integration(&[[0; 32]]).invariant().is_err());
        let mut i = integration(&[[1; 32]]);
        i.key_count = 9;
        assert!(i.invariant().is_err());
        let mut i = integration(&[[1; 32]]);
        i.keys[3] = [4; 32];
        assert!(i.invariant().is_err());
        let mut i = integration(&[[1; 32]]);
        i.signer = Pubkey::default();
        assert!(i.invariant().is_err());
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

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
    pub reserved: [u8; 64],
}

impl Integration {
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
        assert_eq!(Integration::INIT_SPACE, 2 + 32 + 32 + 32 * 8 + 1 + 8 + 64);
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
            reserved: [0; 64],
        };
        i.keys[0] = [7; 32];
        i.keys[1] = [9; 32];
        assert!(i.allows(&[7; 32]));
        assert!(!i.allows(&[9; 32]), "beyond key_count");
        assert!(!i.allows(&[0; 32]));
    }
}

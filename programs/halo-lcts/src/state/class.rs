use anchor_lang::prelude::*;

use crate::constants::{ACCOUNT_VERSION, SEED_CLASS};

/// A Passthrough Halo Class: the governance every unit of the class answers to.
/// Seeds: `["class", authority, class_id]`.
#[account]
#[derive(InitSpace, Debug)]
pub struct LctsClass {
    pub version: u8,
    pub bump: u8,
    /// The creator (part of the seeds).
    pub authority: Pubkey,
    pub class_id: u64,
    /// Creates units and queues, sets every parameter and role, lifts pauses, and may
    /// set the exchange rate outside the beacon's bounds.
    pub governance: Pubkey,
    /// Proposed governance waiting to accept; default = none.
    pub pending_governance: Pubkey,
    pub unit_count: u64,
    pub reserved: [u8; 64],
}

impl LctsClass {
    /// `["class", authority, class_id le, bump]`.
    pub fn signer_seeds<'a>(
        authority: &'a Pubkey,
        class_id_le: &'a [u8; 8],
        bump: &'a [u8; 1],
    ) -> [&'a [u8]; 4] {
        [SEED_CLASS, authority.as_ref(), class_id_le, bump]
    }

    /// A class governed by its creator.
    pub fn new(bump: u8, authority: Pubkey, class_id: u64) -> Self {
        Self {
            version: ACCOUNT_VERSION,
            bump,
            authority,
            class_id,
            governance: authority,
            pending_governance: Pubkey::default(),
            unit_count: 0,
            reserved: [0; 64],
        }
    }

    /// The proposed governance takes over; returns the old one.
    pub fn accept_governance(&mut self) -> Pubkey {
        let old = self.governance;
        self.governance = self.pending_governance;
        self.pending_governance = Pubkey::default();
        old
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn size_is_stable() {
        assert_eq!(LctsClass::INIT_SPACE, 2 + 32 + 8 + 32 + 32 + 8 + 64);
    }

    #[test]
    fn accepting_moves_the_pending_key() {
        let a = Pubkey::new_unique();
        let b = Pubkey::new_unique();
        let mut c = LctsClass::new(1, a, 0);
        c.pending_governance = b;
        assert_eq!(c.accept_governance(), a);
        assert_eq!((c.governance, c.pending_governance), (b, Pubkey::default()));
    }
}

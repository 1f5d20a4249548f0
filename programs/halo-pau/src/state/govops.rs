use anchor_lang::prelude::*;

/// A GovOps (cBEAM) membership on one PAU. Seeds: `["govops", controller, member]`.
#[account]
#[derive(InitSpace, Debug)]
pub struct GovOpsMembership {
    pub version: u8,
    pub bump: u8,
    pub controller: Pubkey,
    pub member: Pubkey,
    /// precision: unix seconds.
    pub granted_at: i64,
    /// The timelock operation that granted it.
    pub op_id: u64,
    pub reserved: [u8; 64],
}

impl GovOpsMembership {
    /// `member`'s new membership of `controller`, granted by op `op_id` at `now`.
    pub fn new(bump: u8, controller: Pubkey, member: Pubkey, op_id: u64, now: i64) -> Self {
        GovOpsMembership {
            version: crate::constants::ACCOUNT_VERSION,
            bump,
            controller,
            member,
            granted_at: now,
            op_id,
            reserved: [0; 64],
        }
    }

    /// Calls `f` with the membership's signer seeds `["govops", controller, member, bump]`
    /// (also before the account exists, to create it).
    pub fn with_seeds<R>(
        controller: &Pubkey,
        member: &Pubkey,
        bump: u8,
        f: impl FnOnce(&[&[u8]]) -> R,
    ) -> R {
        f(&[
            crate::constants::SEED_GOVOPS,
            controller.as_ref(),
            member.as_ref(),
            &[bump],
        ])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn size_is_stable() {
        assert_eq!(GovOpsMembership::INIT_SPACE, 2 + 32 + 32 + 8 + 8 + 64);
    }
}

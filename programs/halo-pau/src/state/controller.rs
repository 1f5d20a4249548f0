use anchor_lang::prelude::*;

/// A PAU. Seeds: `["controller", configurator, pau_id: u64 le]`.
/// Custody token accounts are owned by the ALM proxy `["proxy", controller]`.
#[account]
#[derive(InitSpace, Debug)]
pub struct Controller {
    pub version: u8,
    pub bump: u8,
    /// Canonical bump of the ALM proxy PDA.
    pub proxy_bump: u8,
    pub configurator: Pubkey,
    pub pau_id: u64,
    /// Set by a timelocked `RegisterPau`; cleared instantly by the admin.
    pub registered: bool,
    /// Set by the freezer: every outflow from custody is refused.
    pub frozen: bool,
    /// Relayer (pBEAM); default = none.
    pub relayer: Pubkey,
    /// Freezer (warden); default = none.
    pub freezer: Pubkey,
    /// `RegisterPau` ops for this controller with a smaller id were scheduled before its
    /// last `unregister_pau` and can no longer be executed.
    pub register_ops_valid_from: u64,
    pub reserved: [u8; 120],
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn size_is_stable() {
        assert_eq!(Controller::INIT_SPACE, 3 + 32 + 8 + 2 + 32 + 32 + 8 + 120);
    }
}

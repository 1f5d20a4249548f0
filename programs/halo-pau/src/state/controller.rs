use anchor_lang::prelude::*;

use crate::constants::{ACCOUNT_VERSION, SEED_CONTROLLER, SEED_PROXY};
use crate::errors::PauError;

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

impl Controller {
    /// A new, inert controller: unregistered, no relayer, no freezer.
    pub fn new(bump: u8, proxy_bump: u8, configurator: Pubkey, pau_id: u64) -> Self {
        Controller {
            version: ACCOUNT_VERSION,
            bump,
            proxy_bump,
            configurator,
            pau_id,
            registered: false,
            frozen: false,
            relayer: Pubkey::default(),
            freezer: Pubkey::default(),
            register_ops_valid_from: 0,
            reserved: [0; 120],
        }
    }

    /// Calls `f` with the controller's signer seeds `["controller", configurator,
    /// pau_id le, bump]` (also before the account exists, to create it).
    pub fn with_seeds<R>(
        configurator: &Pubkey,
        pau_id: u64,
        bump: u8,
        f: impl FnOnce(&[&[u8]]) -> R,
    ) -> R {
        let id = pau_id.to_le_bytes();
        f(&[SEED_CONTROLLER, configurator.as_ref(), &id, &[bump]])
    }

    /// Calls `f` with the ALM proxy's signer seeds `["proxy", controller, proxy_bump]`,
    /// `controller` being this account's address: what signs for custody.
    pub fn with_proxy_signer<R>(&self, controller: &Pubkey, f: impl FnOnce(&[&[&[u8]]]) -> R) -> R {
        f(&[&[SEED_PROXY, controller.as_ref(), &[self.proxy_bump]]])
    }

    /// Unregisters at once; a `RegisterPau` scheduled before now (`next_op_id`) can no
    /// longer re-register it.
    pub fn unregister(&mut self, next_op_id: u64) {
        self.registered = false;
        self.register_ops_valid_from = next_op_id;
    }

    /// Replaces the relayer (default: none); returns the old one.
    pub fn replace_relayer(&mut self, relayer: Pubkey) -> Pubkey {
        core::mem::replace(&mut self.relayer, relayer)
    }

    /// Replaces the freezer (default: none); returns the old one.
    pub fn replace_freezer(&mut self, freezer: Pubkey) -> Pubkey {
        core::mem::replace(&mut self.freezer, freezer)
    }

    /// What every state change must leave true: a layout this program writes. (The
    /// reserved bytes are not scanned: 120 bytes cost ~700 CU on every change.)
    pub fn invariant(&self) -> Result<()> {
        require!(
            self.version == ACCOUNT_VERSION,
            PauError::ControllerInvariantBroken
        );
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn controller() -> Controller {
        Controller {
            version: ACCOUNT_VERSION,
            bump: 255,
            proxy_bump: 254,
            configurator: Pubkey::new_unique(),
            pau_id: 0,
            registered: true,
            frozen: false,
            relayer: Pubkey::new_unique(),
            freezer: Pubkey::new_unique(),
            register_ops_valid_from: 0,
            reserved: [0; 120],
        }
    }

    #[test]
    fn size_is_stable() {
        assert_eq!(Controller::INIT_SPACE, 3 + 32 + 8 + 2 + 32 + 32 + 8 + 120);
    }

    #[test]
    fn invariant_holds_for_a_fresh_controller() {
        assert!(controller().invariant().is_ok());
    }

    #[test]
    fn invariant_refuses_another_version() {
        let mut c = controller();
        c.version = 2;
        assert!(c.invariant().is_err());
    }

    #[test]
    fn seeds_derive_the_pda() {
        let c = controller();
        let (address, bump) = Pubkey::find_program_address(
            &[
                SEED_CONTROLLER,
                c.configurator.as_ref(),
                &0u64.to_le_bytes(),
            ],
            &crate::ID,
        );
        let again = Controller::with_seeds(&c.configurator, 0, bump, |s| {
            Pubkey::create_program_address(s, &crate::ID).unwrap()
        });
        assert_eq!(address, again);
    }
}

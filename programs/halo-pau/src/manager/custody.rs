//! The rules every custody movement (`transfer`, `draw`, `repay`) shares. The three keep
//! their own flat `Accounts` structs, because `draw` and `repay` are a cross-program API
//! (`halo_pau::cpi::accounts::{Draw, Repay}`, called by halo_trading): their account lists
//! stay flat and in today's order. What they share is checked here, once.
use anchor_lang::prelude::*;

use anchor_spl::token_interface::{Mint, TokenAccount, TokenInterface};

use crate::{constants::TAG_TRANSFER, errors::PauError, state::*, token::pay_out_of_custody};

/// Which movement: it decides the route kind allowed and whether the PAU must be open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Movement {
    /// Relayer: custody -> a `transfer` route's counterparty.
    Transfer,
    /// Integration: custody -> its account, along any non-`transfer` route.
    Draw,
    /// Integration: its account -> custody; allowed while frozen or unregistered.
    Repay,
}

/// The controller and route of one movement.
pub struct CustodyRoute<'a> {
    pub controller: &'a Controller,
    pub rate_limit: &'a RateLimit,
}

impl CustodyRoute<'_> {
    /// Outflows need a registered, unfrozen PAU; the route's tag must fit the movement
    /// (relayer `transfer` routes only for `transfer`, never for integrations); the amount
    /// must be positive.
    pub fn validate(&self, movement: Movement, amount: u64) -> Result<()> {
        if movement != Movement::Repay {
            require!(self.controller.registered, PauError::PauNotRegistered);
            require!(!self.controller.frozen, PauError::ControllerFrozen);
        }
        let transfer_route = self.rate_limit.tag() == TAG_TRANSFER;
        match movement {
            Movement::Transfer => require!(transfer_route, PauError::NotATransferRoute),
            Movement::Draw | Movement::Repay => {
                require!(!transfer_route, PauError::TransferRouteNotForIntegrations)
            }
        }
        require!(amount > 0, PauError::ZeroAmount);
        Ok(())
    }
}

/// The accounts an outflow from custody moves through (`transfer`, `draw`).
pub struct Outflow<'a, 'info> {
    pub controller: &'a Account<'info, Controller>,
    pub proxy: &'a AccountInfo<'info>,
    pub rate_limit: &'a mut Account<'info, RateLimit>,
    pub mint: &'a InterfaceAccount<'info, Mint>,
    pub custody: &'a InterfaceAccount<'info, TokenAccount>,
    pub destination: &'a mut InterfaceAccount<'info, TokenAccount>,
    pub token_program: &'a Interface<'info, TokenInterface>,
}

impl Outflow<'_, '_> {
    /// Consumes `amount` of the route's limit, pays it out of custody signed by the proxy
    /// (refused past the route's fee bound), and checks the rate limit's invariant.
    /// Returns what the destination received.
    pub fn pay(self, amount: u64, now: i64) -> Result<u64> {
        self.rate_limit.consume_out(now, amount)?;
        let received = pay_out_of_custody(
            self.token_program,
            self.custody,
            self.mint,
            self.destination,
            self.proxy,
            &self.controller.key(),
            self.controller,
            amount,
            self.rate_limit.max_fee_bps,
        )?;
        self.rate_limit.invariant()?;
        Ok(received)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::constants::ACCOUNT_VERSION;

    fn controller(registered: bool, frozen: bool) -> Controller {
        Controller {
            registered,
            frozen,
            ..Controller::new(255, 254, Pubkey::new_unique(), 0)
        }
    }

    fn route(tag: &[u8]) -> RateLimit {
        let mut padded = [0u8; 16];
        padded[..tag.len()].copy_from_slice(tag);
        RateLimit {
            version: ACCOUNT_VERSION,
            bump: 255,
            controller: Pubkey::new_unique(),
            key: [1; 32],
            tag: padded,
            tag_len: u8::try_from(tag.len()).unwrap(),
            mint: Pubkey::new_unique(),
            counterparty: Pubkey::new_unique(),
            counterparty_owner: Pubkey::new_unique(),
            max_fee_bps: 0,
            limit: halo_math::RateLimitState::new_full(100, 1, 0),
            last_increase_ts: 0,
            total_out: 0,
            total_in: 0,
            reserved: [0; 30],
        }
    }

    fn check(c: &Controller, rl: &RateLimit, m: Movement, amount: u64) -> Result<()> {
        CustodyRoute {
            controller: c,
            rate_limit: rl,
        }
        .validate(m, amount)
    }

    #[test]
    fn transfer_routes_are_for_the_relayer_only() {
        let open = controller(true, false);
        let transfer = route(TAG_TRANSFER);
        let amm = route(b"amm_fund");
        assert!(check(&open, &transfer, Movement::Transfer, 1).is_ok());
        assert!(check(&open, &amm, Movement::Transfer, 1).is_err());
        for m in [Movement::Draw, Movement::Repay] {
            assert!(check(&open, &amm, m, 1).is_ok());
            assert!(check(&open, &transfer, m, 1).is_err());
        }
    }

    #[test]
    fn outflows_need_an_open_pau_and_inflows_do_not() {
        let amm = route(b"amm_fund");
        for c in [controller(false, false), controller(true, true)] {
            assert!(check(&c, &amm, Movement::Draw, 1).is_err());
            assert!(check(&c, &amm, Movement::Repay, 1).is_ok());
        }
        assert!(check(&controller(true, false), &amm, Movement::Draw, 0).is_err());
    }
}

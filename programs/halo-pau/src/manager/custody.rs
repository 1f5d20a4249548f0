//! The rules every custody movement (`transfer`, `draw`, `repay`) shares. The three keep
//! their own flat `Accounts` structs, because `draw` and `repay` are a cross-program API
//! (`halo_pau::cpi::accounts::{Draw, Repay}`, called by halo_trading): their account lists
//! stay flat and in today's order. What they share is checked here, once.
use anchor_lang::prelude::*;

use crate::{constants::TAG_TRANSFER, errors::PauError, state::*};

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

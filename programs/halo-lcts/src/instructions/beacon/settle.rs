use anchor_lang::prelude::*;
use anchor_spl::token_interface::TokenInterface;
use halo_pau::program::HaloPau;

use crate::{
    errors::LctsError,
    settlement::{self, Booked, GenerationSlot, PauLeg, UnitMints},
    state::*,
    token::amount_of,
};

/// The beacon settles one LOCKED queue with `capacity` (base units of its underlying):
/// `min(capacity, total_underlying)` is converted (everything if the rest would be below
/// the dust) through the unit's PAU. Subscribe: the USDS goes into PAU custody and out
/// along the deploy route (rate-limited), and shares at the exchange rate are minted into
/// the queue. Redeem: USDS at the rate comes from custody along the return route
/// (rate-limited) and the shares are burned. The reward is spread over every share; the
/// generation goes back to ACTIVE, or finalizes when drained (the generation account is
/// written, paid by the beacon) and the queue goes DORMANT. Capacity 0 just unlocks.
/// Refused: not the beacon, the unit or side paused, the queue not LOCKED, a stale rate,
/// accounts not the unit's, any PAU refusal (rate limit, frozen PAU, ...).
#[derive(Accounts)]
pub struct Settle<'info> {
    #[account(mut)]
    pub beacon: Signer<'info>,
    #[account(
        has_one = beacon @ LctsError::NotBeacon,
        has_one = pau_controller @ LctsError::WrongPauController,
        has_one = share_mint @ LctsError::WrongShareMint,
        constraint = unit.underlying_mint == usds_mint.key() @ LctsError::WrongUnderlyingMint,
    )]
    pub unit: Box<Account<'info, LctsUnit>>,
    #[account(
        mut,
        has_one = unit @ LctsError::QueueOfAnotherUnit,
        has_one = underlying_vault @ LctsError::WrongVault,
        has_one = reward_vault @ LctsError::WrongVault,
    )]
    pub queue: Box<Account<'info, Queue>>,
    /// CHECK: the current generation's `FinalizedGeneration` PDA, created (address
    /// checked) only if this settlement drains it.
    #[account(mut)]
    pub generation: UncheckedAccount<'info>,
    /// CHECK: the unit's underlying mint (pinned above).
    pub usds_mint: UncheckedAccount<'info>,
    /// CHECK: the unit's share mint (pinned above).
    #[account(mut)]
    pub share_mint: UncheckedAccount<'info>,
    /// CHECK: pinned to the queue's vault.
    #[account(mut)]
    pub underlying_vault: UncheckedAccount<'info>,
    /// CHECK: pinned to the queue's vault.
    #[account(mut)]
    pub reward_vault: UncheckedAccount<'info>,
    /// CHECK: the PAU's Integration of the unit PDA; validated by `halo_pau`.
    pub pau_integration: UncheckedAccount<'info>,
    /// CHECK: pinned to the unit's controller; validated by `halo_pau`.
    pub pau_controller: UncheckedAccount<'info>,
    /// CHECK: the ALM proxy; seeds checked by `halo_pau`.
    pub pau_proxy: UncheckedAccount<'info>,
    /// CHECK: the unit's deploy (subscribe) or return (redeem) route; validated by `halo_pau`.
    #[account(mut)]
    pub pau_rate_limit: UncheckedAccount<'info>,
    /// CHECK: the PAU's custody; validated by `halo_pau`.
    #[account(mut)]
    pub pau_custody: UncheckedAccount<'info>,
    /// CHECK: subscribe: the deploy route's counterparty (checked by `halo_pau`); redeem:
    /// the queue's USDS vault (its reward vault).
    #[account(mut)]
    pub pau_destination: UncheckedAccount<'info>,
    #[account(address = unit.underlying_token_program @ LctsError::WrongTokenProgram)]
    pub usds_token_program: Interface<'info, TokenInterface>,
    #[account(address = anchor_spl::token_2022::ID @ LctsError::WrongTokenProgram)]
    pub share_token_program: Interface<'info, TokenInterface>,
    pub pau_program: Program<'info, HaloPau>,
    pub system_program: Program<'info, System>,
}

impl Settle<'_> {
    /// Called first by the handler with its clock reading.
    pub fn validate(&self, now: i64) -> Result<()> {
        let side = self.queue.side;
        self.unit.check_not_paused(side)?;
        require!(
            self.queue.status == QueueStatus::Locked,
            LctsError::QueueNotLocked
        );
        self.unit.check_rate_fresh(now)?;
        let route = self.unit.route_of(side)?;
        require_keys_eq!(self.pau_rate_limit.key(), route, LctsError::WrongRateLimit);
        if side == QueueSide::Redeem {
            require_keys_eq!(
                self.pau_destination.key(),
                self.reward_vault.key(),
                LctsError::WrongVault
            );
        }
        Ok(())
    }
}

pub fn handler(ctx: Context<Settle>, capacity: u64) -> Result<()> {
    let now = Clock::get()?.unix_timestamp;
    ctx.accounts.validate(now)?;
    let accounts = ctx.accounts;
    let converted = accounts
        .queue
        .conversion(capacity, accounts.unit.params.dust);
    let unit_info = accounts.unit.to_account_info();
    let mints = UnitMints::new(
        &unit_info,
        &accounts.unit,
        (&accounts.usds_token_program, &accounts.usds_mint),
        (&accounts.share_token_program, &accounts.share_mint),
    );
    let pau = PauLeg {
        integration: &accounts.pau_integration,
        controller: &accounts.pau_controller,
        proxy: &accounts.pau_proxy,
        rate_limit: &accounts.pau_rate_limit,
        custody: &accounts.pau_custody,
        pau_program: &accounts.pau_program,
    };
    let reward = match accounts.queue.side {
        QueueSide::Subscribe => settlement::deploy_subscriptions(
            &mints,
            &pau,
            &accounts.underlying_vault,
            &accounts.reward_vault,
            &accounts.pau_destination,
            converted,
        )?,
        QueueSide::Redeem => settlement::return_redemptions(
            &mints,
            &pau,
            &accounts.underlying_vault,
            &accounts.reward_vault,
            converted,
        )?,
    };
    let slot = GenerationSlot {
        info: &accounts.generation,
        payer: &accounts.beacon,
        system_program: &accounts.system_program,
    };
    let booked = Booked {
        capacity,
        netted: 0,
        external: converted,
        reward,
    };
    settlement::book(
        &mut accounts.queue,
        &slot,
        booked,
        accounts.unit.rate_wad,
        accounts.beacon.key(),
        now,
    )?;
    accounts.queue.invariant(
        Some(amount_of(&accounts.underlying_vault)?),
        Some(amount_of(&accounts.reward_vault)?),
    )
}

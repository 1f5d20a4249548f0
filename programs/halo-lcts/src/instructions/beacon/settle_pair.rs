use anchor_lang::prelude::*;
use anchor_spl::token_interface::TokenInterface;
use halo_math::lcts;
use halo_pau::program::HaloPau;

use crate::{
    errors::LctsError,
    events::Netted,
    math::{OrOverflow, SafeMath},
    settlement::{self, Booked, GenerationSlot, NetVaults, PauLeg, UnitMints},
    state::*,
    token::amount_of,
};

/// Settles both queues of a unit. First netting inside the unit at the exchange rate
/// (each queue LOCKED, or DORMANT and so empty): the subscribers' USDS pays the
/// redeemers, the redeemers' shares go to the subscribers (subscribers' shares rounded
/// down, redeemers' rounded up, the difference burned), with no PAU movement. Then the
/// remaining capacities go through the PAU as in `settle` (`subscribe_capacity` in USDS,
/// `redeem_capacity` in shares). Signed by the beacon; or by anyone with both capacities
/// zero (net flow only) once every LOCKED queue has outlasted `max_lock_s`, so users are
/// never trapped by a beacon that stopped.
/// Refused: a queue ACTIVE (not ready), neither LOCKED, the unit or a side paused, a
/// stale rate, capacity from anyone but the beacon, a lock not yet past its bound,
/// accounts not the unit's, any PAU refusal.
#[derive(Accounts)]
pub struct SettlePair<'info> {
    #[account(mut)]
    pub caller: Signer<'info>,
    #[account(
        has_one = pau_controller @ LctsError::WrongPauController,
        has_one = share_mint @ LctsError::WrongShareMint,
        has_one = deploy_rate_limit @ LctsError::WrongRateLimit,
        has_one = return_rate_limit @ LctsError::WrongRateLimit,
        constraint = unit.underlying_mint == usds_mint.key() @ LctsError::WrongUnderlyingMint,
    )]
    pub unit: Box<Account<'info, LctsUnit>>,
    #[account(
        mut,
        constraint = subscribe_queue.key() == unit.subscribe_queue @ LctsError::QueueOfAnotherUnit,
        constraint = subscribe_queue.underlying_vault == subscribe_usds_vault.key() @ LctsError::WrongVault,
        constraint = subscribe_queue.reward_vault == subscribe_share_vault.key() @ LctsError::WrongVault,
    )]
    pub subscribe_queue: Box<Account<'info, Queue>>,
    #[account(
        mut,
        constraint = redeem_queue.key() == unit.redeem_queue @ LctsError::QueueOfAnotherUnit,
        constraint = redeem_queue.underlying_vault == redeem_share_vault.key() @ LctsError::WrongVault,
        constraint = redeem_queue.reward_vault == redeem_usds_vault.key() @ LctsError::WrongVault,
    )]
    pub redeem_queue: Box<Account<'info, Queue>>,
    /// CHECK: the subscribe generation's `FinalizedGeneration` PDA, created only if drained.
    #[account(mut)]
    pub subscribe_generation: UncheckedAccount<'info>,
    /// CHECK: the redeem generation's `FinalizedGeneration` PDA, created only if drained.
    #[account(mut)]
    pub redeem_generation: UncheckedAccount<'info>,
    /// CHECK: the unit's underlying mint (pinned above).
    pub usds_mint: UncheckedAccount<'info>,
    /// CHECK: the unit's share mint (pinned above).
    #[account(mut)]
    pub share_mint: UncheckedAccount<'info>,
    /// CHECK: pinned to the subscribe queue's underlying vault.
    #[account(mut)]
    pub subscribe_usds_vault: UncheckedAccount<'info>,
    /// CHECK: pinned to the subscribe queue's reward vault.
    #[account(mut)]
    pub subscribe_share_vault: UncheckedAccount<'info>,
    /// CHECK: pinned to the redeem queue's underlying vault.
    #[account(mut)]
    pub redeem_share_vault: UncheckedAccount<'info>,
    /// CHECK: pinned to the redeem queue's reward vault.
    #[account(mut)]
    pub redeem_usds_vault: UncheckedAccount<'info>,
    /// CHECK: the PAU's Integration of the unit PDA; validated by `halo_pau`.
    pub pau_integration: UncheckedAccount<'info>,
    /// CHECK: pinned to the unit's controller; validated by `halo_pau`.
    pub pau_controller: UncheckedAccount<'info>,
    /// CHECK: the ALM proxy; seeds checked by `halo_pau`.
    pub pau_proxy: UncheckedAccount<'info>,
    /// CHECK: pinned to the unit's deploy route; validated by `halo_pau`.
    #[account(mut)]
    pub deploy_rate_limit: UncheckedAccount<'info>,
    /// CHECK: pinned to the unit's return route; validated by `halo_pau`.
    #[account(mut)]
    pub return_rate_limit: UncheckedAccount<'info>,
    /// CHECK: the PAU's custody; validated by `halo_pau`.
    #[account(mut)]
    pub pau_custody: UncheckedAccount<'info>,
    /// CHECK: the deploy route's counterparty; checked by `halo_pau`.
    #[account(mut)]
    pub deploy_endpoint: UncheckedAccount<'info>,
    #[account(address = unit.underlying_token_program @ LctsError::WrongTokenProgram)]
    pub usds_token_program: Interface<'info, TokenInterface>,
    #[account(address = anchor_spl::token_2022::ID @ LctsError::WrongTokenProgram)]
    pub share_token_program: Interface<'info, TokenInterface>,
    pub pau_program: Program<'info, HaloPau>,
    pub system_program: Program<'info, System>,
}

impl SettlePair<'_> {
    /// Called first by the handler with its clock reading.
    pub fn validate(&self, subscribe_capacity: u64, redeem_capacity: u64, now: i64) -> Result<()> {
        let (sub, red) = (&self.subscribe_queue, &self.redeem_queue);
        require!(
            sub.status != QueueStatus::Active && red.status != QueueStatus::Active,
            LctsError::QueueNotReady
        );
        require!(
            sub.status == QueueStatus::Locked || red.status == QueueStatus::Locked,
            LctsError::NothingToSettle
        );
        self.unit.check_not_paused(QueueSide::Subscribe)?;
        self.unit.check_not_paused(QueueSide::Redeem)?;
        self.unit.check_rate_fresh(now)?;
        self.unit.route_of(QueueSide::Subscribe)?;
        if self.caller.key() != self.unit.beacon {
            require!(
                subscribe_capacity == 0 && redeem_capacity == 0,
                LctsError::CapacityNeedsBeacon
            );
            let max_lock = self.unit.params.max_lock_s;
            for q in [sub, red] {
                require!(
                    q.status != QueueStatus::Locked || q.lock_expired(now, max_lock)?,
                    LctsError::LockNotExpired
                );
            }
        }
        Ok(())
    }
}

impl<'info> SettlePair<'info> {
    /// The unit and its two mints, as the settlement's token moves need them.
    fn mints<'a>(&'a self, unit_info: &'a AccountInfo<'info>) -> UnitMints<'a, 'info> {
        UnitMints::new(
            unit_info,
            &self.unit,
            (&self.usds_token_program, &self.usds_mint),
            (&self.share_token_program, &self.share_mint),
        )
    }

    /// The PAU accounts of a draw along `rate_limit`.
    fn leg<'a>(&'a self, rate_limit: &'a AccountInfo<'info>) -> PauLeg<'a, 'info> {
        PauLeg {
            integration: &self.pau_integration,
            controller: &self.pau_controller,
            proxy: &self.pau_proxy,
            rate_limit,
            custody: &self.pau_custody,
            pau_program: &self.pau_program,
        }
    }

    /// Both queues against their four vaults' balances.
    fn check_books(&self) -> Result<()> {
        let usds = (
            amount_of(&self.subscribe_usds_vault)?,
            amount_of(&self.redeem_usds_vault)?,
        );
        let shares = (
            amount_of(&self.subscribe_share_vault)?,
            amount_of(&self.redeem_share_vault)?,
        );
        self.subscribe_queue
            .invariant(Some(usds.0), Some(shares.0))?;
        self.redeem_queue.invariant(Some(shares.1), Some(usds.1))
    }
}

/// What a queue brings to the pair: its waiting underlying if LOCKED, else nothing.
fn waiting(q: &Queue) -> u64 {
    if q.status == QueueStatus::Locked {
        q.total_underlying
    } else {
        0
    }
}

pub fn handler(
    ctx: Context<SettlePair>,
    subscribe_capacity: u64,
    redeem_capacity: u64,
) -> Result<()> {
    let now = Clock::get()?.unix_timestamp;
    ctx.accounts
        .validate(subscribe_capacity, redeem_capacity, now)?;
    let accounts = ctx.accounts;
    let (rate, dust) = (accounts.unit.rate_wad, accounts.unit.params.dust);
    let (sub_waiting, red_waiting) = (
        waiting(&accounts.subscribe_queue),
        waiting(&accounts.redeem_queue),
    );
    let plan = lcts::plan_pair(
        sub_waiting,
        red_waiting,
        rate,
        (subscribe_capacity, redeem_capacity),
        dust,
    )
    .or_overflow()?;
    let net = plan.netting;
    let unit_info = accounts.unit.to_account_info();
    let mints = accounts.mints(&unit_info);
    let vaults = NetVaults {
        sub_usds: &accounts.subscribe_usds_vault,
        sub_shares: &accounts.subscribe_share_vault,
        red_shares: &accounts.redeem_share_vault,
        red_usds: &accounts.redeem_usds_vault,
    };
    settlement::net_inside(&mints, &vaults, &net)?;
    let deploy = accounts.leg(accounts.deploy_rate_limit.as_ref());
    let minted = settlement::deploy_subscriptions(
        &mints,
        &deploy,
        vaults.sub_usds,
        vaults.sub_shares,
        &accounts.deploy_endpoint,
        plan.subscribe_external,
    )?;
    let back = accounts.leg(accounts.return_rate_limit.as_ref());
    let received = settlement::return_redemptions(
        &mints,
        &back,
        vaults.red_shares,
        vaults.red_usds,
        plan.redeem_external,
    )?;
    let by = accounts.caller.key();
    let (payer, system_program) = (&accounts.caller, &accounts.system_program);
    if sub_waiting > 0 {
        let slot = GenerationSlot {
            info: &accounts.subscribe_generation,
            payer,
            system_program,
        };
        let reward = net.shares_to_subscribers.safe_add(minted)?;
        let external = plan.subscribe_external;
        let booked = Booked {
            capacity: subscribe_capacity,
            netted: net.usds,
            external,
            reward,
        };
        settlement::book(&mut accounts.subscribe_queue, &slot, booked, rate, by, now)?;
    }
    if red_waiting > 0 {
        let slot = GenerationSlot {
            info: &accounts.redeem_generation,
            payer,
            system_program,
        };
        let reward = net.usds.safe_add(received)?;
        let (netted, external) = (net.shares_from_redeemers, plan.redeem_external);
        let booked = Booked {
            capacity: redeem_capacity,
            netted,
            external,
            reward,
        };
        settlement::book(&mut accounts.redeem_queue, &slot, booked, rate, by, now)?;
    }
    accounts.check_books()?;
    if net.usds > 0 {
        halo_math::emit_event!(Netted {
            unit: accounts.unit.key(),
            usds: net.usds,
            shares_to_subscribers: net.shares_to_subscribers,
            shares_from_redeemers: net.shares_from_redeemers,
            rate_wad: rate,
        });
    }
    Ok(())
}

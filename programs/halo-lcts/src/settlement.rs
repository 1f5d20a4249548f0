//! What `settle` and `settle_pair` do with tokens, shared by both handlers: netting the two
//! queues inside the unit, the PAU legs (subscribe USDS into custody and out along the
//! deploy route; redemption USDS from custody along the return route, both through
//! `halo_pau::draw`), and booking what a generation converted (`Queue::settle`), writing
//! its `FinalizedGeneration` when drained. The rules themselves are `Queue`'s and
//! `halo_math::lcts`'s; this module moves what they decided.
use anchor_lang::prelude::*;
use halo_math::lcts::{self, Netting};

use crate::{
    constants::SEED_GENERATION,
    errors::LctsError,
    events::{GenerationFinalized, Settled},
    math::{OrOverflow, SafeMath},
    state::*,
    token::{amount_of, burn_shares, mint_shares, move_tokens, Authority, MintRef},
};

/// The `halo_pau` accounts a draw goes through (validated by `halo_pau`; the unit pins the
/// controller and the route).
pub struct PauLeg<'a, 'info> {
    pub integration: &'a AccountInfo<'info>,
    pub controller: &'a AccountInfo<'info>,
    pub proxy: &'a AccountInfo<'info>,
    pub rate_limit: &'a AccountInfo<'info>,
    pub custody: &'a AccountInfo<'info>,
    pub pau_program: &'a AccountInfo<'info>,
}

/// The unit, its two mints and what signs for it.
pub struct UnitMints<'a, 'info> {
    pub unit_info: &'a AccountInfo<'info>,
    pub unit: &'a LctsUnit,
    pub usds: MintRef<'a, 'info>,
    pub shares: MintRef<'a, 'info>,
}

impl<'a, 'info> UnitMints<'a, 'info> {
    /// The unit's mints with their token programs (`(program, mint)` each), at the unit's
    /// decimals.
    pub fn new(
        unit_info: &'a AccountInfo<'info>,
        unit: &'a LctsUnit,
        (usds_program, usds_mint): (&'a AccountInfo<'info>, &'a AccountInfo<'info>),
        (share_program, share_mint): (&'a AccountInfo<'info>, &'a AccountInfo<'info>),
    ) -> Self {
        let decimals = unit.underlying_decimals;
        Self {
            unit_info,
            unit,
            usds: MintRef {
                token_program: usds_program,
                mint: usds_mint,
                decimals,
            },
            shares: MintRef {
                token_program: share_program,
                mint: share_mint,
                decimals,
            },
        }
    }
}

impl<'info> PauLeg<'_, 'info> {
    /// `halo_pau::draw`: `amount` USDS out of custody to `destination` along the leg's
    /// route, signed by the unit PDA (the registered integration).
    pub fn draw(
        &self,
        mints: &UnitMints<'_, 'info>,
        destination: &AccountInfo<'info>,
        amount: u64,
    ) -> Result<()> {
        let accounts = halo_pau::cpi::accounts::Draw {
            integration_signer: mints.unit_info.clone(),
            integration: self.integration.clone(),
            controller: self.controller.clone(),
            proxy: self.proxy.clone(),
            rate_limit: self.rate_limit.clone(),
            mint: mints.usds.mint.clone(),
            custody: self.custody.clone(),
            destination: destination.clone(),
            token_program: mints.usds.token_program.clone(),
        };
        let program = self.pau_program.key();
        mints.unit.with_signer(|s| {
            halo_pau::cpi::draw(CpiContext::new_with_signer(program, accounts, s), amount)
        })
    }
}

/// Subscribe leg: `usds` from the subscribe queue's vault into PAU custody and out along
/// the deploy route to the strategy (`endpoint`), then Halo Unit shares at the rate
/// (rounded down) minted into the queue's share vault. Returns the shares minted.
pub fn deploy_subscriptions<'info>(
    mints: &UnitMints<'_, 'info>,
    pau: &PauLeg<'_, 'info>,
    usds_vault: &AccountInfo<'info>,
    share_vault: &AccountInfo<'info>,
    endpoint: &AccountInfo<'info>,
    usds: u64,
) -> Result<u64> {
    if usds == 0 {
        return Ok(0);
    }
    let shares = lcts::shares_for_usds(usds, mints.unit.rate_wad).or_overflow()?;
    move_tokens(
        mints.usds,
        usds_vault,
        pau.custody,
        Authority::Unit(mints.unit_info, mints.unit),
        usds,
    )?;
    pau.draw(mints, endpoint, usds)?;
    mint_shares(
        mints.shares,
        share_vault,
        mints.unit_info,
        mints.unit,
        shares,
    )?;
    Ok(shares)
}

/// Redeem leg: USDS for `shares` at the rate (rounded down) from PAU custody along the
/// return route into the redeem queue's USDS vault, and the shares burned. Returns the
/// USDS that arrived.
pub fn return_redemptions<'info>(
    mints: &UnitMints<'_, 'info>,
    pau: &PauLeg<'_, 'info>,
    share_vault: &AccountInfo<'info>,
    usds_vault: &AccountInfo<'info>,
    shares: u64,
) -> Result<u64> {
    if shares == 0 {
        return Ok(0);
    }
    let usds = lcts::usds_for_shares(shares, mints.unit.rate_wad).or_overflow()?;
    let before = amount_of(usds_vault)?;
    if usds > 0 {
        pau.draw(mints, usds_vault, usds)?;
    }
    let received = amount_of(usds_vault)?.safe_sub(before)?;
    require!(received >= usds, LctsError::ConversionShortfall);
    burn_shares(
        mints.shares,
        share_vault,
        mints.unit_info,
        mints.unit,
        shares,
    )?;
    Ok(received)
}

/// Netting inside the unit: the matched USDS moves from the subscribe queue to the redeem
/// queue, the matched shares from the redeem queue to the subscribe queue, and the
/// rounding difference (at most one base unit) is burned. No PAU movement.
pub struct NetVaults<'a, 'info> {
    pub sub_usds: &'a AccountInfo<'info>,
    pub sub_shares: &'a AccountInfo<'info>,
    pub red_shares: &'a AccountInfo<'info>,
    pub red_usds: &'a AccountInfo<'info>,
}

pub fn net_inside<'info>(
    mints: &UnitMints<'_, 'info>,
    vaults: &NetVaults<'_, 'info>,
    netting: &Netting,
) -> Result<()> {
    move_tokens(
        mints.usds,
        vaults.sub_usds,
        vaults.red_usds,
        Authority::Unit(mints.unit_info, mints.unit),
        netting.usds,
    )?;
    move_tokens(
        mints.shares,
        vaults.red_shares,
        vaults.sub_shares,
        Authority::Unit(mints.unit_info, mints.unit),
        netting.shares_to_subscribers,
    )?;
    let burned = netting
        .shares_from_redeemers
        .safe_sub(netting.shares_to_subscribers)?;
    burn_shares(
        mints.shares,
        vaults.red_shares,
        mints.unit_info,
        mints.unit,
        burned,
    )
}

/// What one queue's settlement did, for the event.
pub struct Booked {
    pub capacity: u64,
    pub netted: u64,
    pub external: u64,
    pub reward: u64,
}

/// Where a finalized generation is written and who pays for it.
pub struct GenerationSlot<'a, 'info> {
    pub info: &'a AccountInfo<'info>,
    pub payer: &'a AccountInfo<'info>,
    pub system_program: &'a AccountInfo<'info>,
}

/// Books a settlement on the queue (back to ACTIVE, or finalized: the generation account
/// is created at its PDA and the queue goes DORMANT) and emits `Settled` (and
/// `GenerationFinalized`).
pub fn book(
    queue: &mut Account<Queue>,
    slot: &GenerationSlot,
    booked: Booked,
    rate_wad: u128,
    by: Pubkey,
    now: i64,
) -> Result<()> {
    let gen_id = queue.gen_id;
    let opened_at = queue.opened_at;
    let converted = booked.netted.safe_add(booked.external)?;
    let (_, finalized) = queue.settle(converted, booked.reward, now)?;
    if let Some(f) = finalized {
        let queue_key = queue.key();
        let gen_le = f.gen_id.to_le_bytes();
        let (address, bump) = Pubkey::find_program_address(
            &[SEED_GENERATION, queue_key.as_ref(), &gen_le],
            &crate::ID,
        );
        require_keys_eq!(address, slot.info.key(), LctsError::WrongGeneration);
        let record = FinalizedGeneration::new(bump, queue_key, f, now);
        halo_accounts::create_program_account(
            slot.payer,
            slot.info,
            slot.system_program,
            &FinalizedGeneration::signer_seeds(&queue_key, &gen_le, &[bump]),
            &crate::ID,
            &record,
        )?;
        halo_math::emit_event!(GenerationFinalized {
            queue: queue_key,
            generation: address,
            gen_id: f.gen_id,
            final_reward_per_share: f.final_reward_per_share,
            total_shares: f.total_shares,
        });
    }
    halo_math::emit_event!(Settled {
        queue: queue.key(),
        gen_id,
        by,
        capacity: booked.capacity,
        netted: booked.netted,
        external: booked.external,
        reward: booked.reward,
        rate_wad,
        backlog: queue.total_underlying,
        finalized: finalized.is_some(),
        open_for_s: now.safe_sub(opened_at)?,
    });
    Ok(())
}

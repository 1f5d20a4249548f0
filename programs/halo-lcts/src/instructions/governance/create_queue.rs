use anchor_lang::prelude::*;
use anchor_spl::token_interface::TokenInterface;

use crate::{constants::*, errors::LctsError, events::QueueCreated, state::*};

/// Creates the unit's subscribe or redeem queue (DORMANT) and its two vaults (token
/// accounts owned by the unit PDA): USDS and Halo Unit shares. Subscribe: underlying =
/// USDS, reward = shares; redeem: the reverse. Signed by governance. Refused: not
/// governance, a side that already has its queue, mints or token programs not the unit's.
#[derive(Accounts)]
#[instruction(side: QueueSide)]
pub struct CreateQueue<'info> {
    #[account(mut)]
    pub governance: Signer<'info>,
    #[account(has_one = governance @ LctsError::NotGovernance)]
    pub class: Box<Account<'info, LctsClass>>,
    #[account(
        mut,
        has_one = class @ LctsError::UnitOfAnotherClass,
        has_one = share_mint @ LctsError::WrongShareMint,
        constraint = unit.underlying_mint == usds_mint.key() @ LctsError::WrongUnderlyingMint,
    )]
    pub unit: Box<Account<'info, LctsUnit>>,
    /// CHECK: created by the handler at this PDA (seeds checked).
    #[account(mut, seeds = [SEED_QUEUE, unit.key().as_ref(), &[side.seed()]], bump)]
    pub queue: UncheckedAccount<'info>,
    /// CHECK: the unit's underlying mint (pinned above).
    pub usds_mint: UncheckedAccount<'info>,
    /// CHECK: the unit's share mint (pinned above).
    pub share_mint: UncheckedAccount<'info>,
    /// CHECK: created by the handler at this PDA (seeds checked).
    #[account(mut, seeds = [SEED_QUEUE_VAULT, queue.key().as_ref(), usds_mint.key().as_ref()], bump)]
    pub usds_vault: UncheckedAccount<'info>,
    /// CHECK: created by the handler at this PDA (seeds checked).
    #[account(mut, seeds = [SEED_QUEUE_VAULT, queue.key().as_ref(), share_mint.key().as_ref()], bump)]
    pub share_vault: UncheckedAccount<'info>,
    #[account(address = unit.underlying_token_program @ LctsError::WrongTokenProgram)]
    pub usds_token_program: Interface<'info, TokenInterface>,
    #[account(address = anchor_spl::token_2022::ID @ LctsError::WrongTokenProgram)]
    pub share_token_program: Interface<'info, TokenInterface>,
    pub system_program: Program<'info, System>,
}

impl CreateQueue<'_> {
    pub fn validate(&self, side: QueueSide) -> Result<()> {
        require!(
            self.unit.queue_of(side) == Pubkey::default(),
            LctsError::QueueAlreadyCreated
        );
        Ok(())
    }
}

pub fn handler(ctx: Context<CreateQueue>, side: QueueSide) -> Result<()> {
    let bumps = (ctx.bumps.queue, ctx.bumps.usds_vault, ctx.bumps.share_vault);
    let CreateQueue {
        governance,
        unit,
        queue,
        usds_mint,
        share_mint,
        usds_vault,
        share_vault,
        usds_token_program,
        share_token_program,
        system_program,
        ..
    } = ctx.accounts;
    let queue_key = queue.key();
    for (vault, mint, program, bump) in [
        (
            &*usds_vault,
            &*usds_mint,
            usds_token_program.to_account_info(),
            bumps.1,
        ),
        (
            &*share_vault,
            &*share_mint,
            share_token_program.to_account_info(),
            bumps.2,
        ),
    ] {
        let mint_key = mint.key();
        halo_accounts::create_token_account(
            governance,
            vault,
            system_program,
            &program,
            mint,
            &unit.key(),
            &[
                SEED_QUEUE_VAULT,
                queue_key.as_ref(),
                mint_key.as_ref(),
                &[bump],
            ],
        )?;
    }
    let (underlying, reward) = match side {
        QueueSide::Subscribe => (
            (usds_mint.key(), usds_vault.key()),
            (share_mint.key(), share_vault.key()),
        ),
        QueueSide::Redeem => (
            (share_mint.key(), share_vault.key()),
            (usds_mint.key(), usds_vault.key()),
        ),
    };
    let record = Queue::new(QueueSetup {
        bump: bumps.0,
        unit: unit.key(),
        side,
        underlying_mint: underlying.0,
        reward_mint: reward.0,
        underlying_vault: underlying.1,
        reward_vault: reward.1,
    });
    let unit_key = unit.key();
    halo_accounts::create_program_account(
        governance,
        queue,
        system_program,
        &Queue::signer_seeds(&unit_key, &[side.seed()], &[bumps.0]),
        &crate::ID,
        &record,
    )?;
    match side {
        QueueSide::Subscribe => unit.subscribe_queue = queue_key,
        QueueSide::Redeem => unit.redeem_queue = queue_key,
    }
    record.invariant(Some(0), Some(0))?;
    unit.invariant()?;
    halo_math::emit_event!(QueueCreated {
        unit: unit_key,
        queue: queue_key,
        side,
        underlying_vault: record.underlying_vault,
        reward_vault: record.reward_vault,
    });
    Ok(())
}

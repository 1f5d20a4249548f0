use anchor_lang::prelude::*;
use anchor_spl::token_interface::{TokenAccount, TokenInterface};

use crate::{
    constants::*,
    errors::NfatError,
    events::Deposited,
    state::*,
    token::{amount_of, move_tokens, Authority, MintRef},
};

/// An approved Prime queues `amount` of the deposit mint: shares of the queue at its
/// booked price (rounded down), its `["deposit", facility, prime]` account created on
/// the first deposit. Refused: a Prime not approved, halted, zero or too small to buy a
/// share, a token account or mint not the facility's.
#[derive(Accounts)]
pub struct Deposit<'info> {
    #[account(mut)]
    pub prime: Signer<'info>,
    #[account(
        mut,
        has_one = deposit_mint @ NfatError::WrongDepositMint,
        has_one = queue_vault @ NfatError::WrongQueueVault,
    )]
    pub facility: Box<Account<'info, Facility>>,
    /// CHECK: the Prime's approval (seeds checked; must exist, see `validate`).
    #[account(seeds = [SEED_PRIME, facility.key().as_ref(), prime.key().as_ref()], bump)]
    pub approved_prime: UncheckedAccount<'info>,
    /// CHECK: the Prime's queue deposit (seeds checked); created on the first deposit.
    #[account(mut, seeds = [SEED_DEPOSIT, facility.key().as_ref(), prime.key().as_ref()], bump)]
    pub deposit: UncheckedAccount<'info>,
    #[account(mut, constraint = prime_token.mint == deposit_mint.key() @ NfatError::WrongDepositMint)]
    pub prime_token: Box<InterfaceAccount<'info, TokenAccount>>,
    /// CHECK: pinned to the facility's queue vault.
    #[account(mut)]
    pub queue_vault: UncheckedAccount<'info>,
    /// CHECK: the facility's deposit mint (pinned above).
    pub deposit_mint: UncheckedAccount<'info>,
    #[account(address = facility.deposit_token_program @ NfatError::WrongTokenProgram)]
    pub deposit_token_program: Interface<'info, TokenInterface>,
    pub system_program: Program<'info, System>,
}

impl Deposit<'_> {
    pub fn validate(&self) -> Result<()> {
        require!(
            self.approved_prime.owner == &crate::ID && !self.approved_prime.data_is_empty(),
            NfatError::PrimeNotApproved
        );
        self.facility.require_live()
    }

    /// The Prime's deposit record, created at its PDA on the first deposit.
    fn load_or_create(&self, bump: u8) -> Result<QueueDeposit> {
        let (facility, prime) = (self.facility.key(), self.prime.key());
        if self.deposit.owner == &crate::ID {
            let data = self.deposit.try_borrow_data()?;
            return QueueDeposit::try_deserialize(&mut &data[..]);
        }
        let record = QueueDeposit::new(bump, facility, prime);
        halo_accounts::create_program_account(
            &self.prime.to_account_info(),
            &self.deposit,
            &self.system_program.to_account_info(),
            &QueueDeposit::signer_seeds(&facility, &prime, &[bump]),
            &crate::ID,
            &record,
        )?;
        Ok(record)
    }
}

pub fn handler(ctx: Context<Deposit>, amount: u64) -> Result<()> {
    let bump = ctx.bumps.deposit;
    let a = ctx.accounts;
    let mut record = a.load_or_create(bump)?;
    let now = Clock::get()?.unix_timestamp;
    let shares = record.deposit(&mut a.facility.queue, amount, now)?;
    move_tokens(
        MintRef {
            token_program: a.deposit_token_program.as_ref(),
            mint: a.deposit_mint.as_ref(),
            decimals: a.facility.deposit_decimals,
        },
        &a.prime_token.to_account_info(),
        a.queue_vault.as_ref(),
        Authority::Owner(a.prime.as_ref()),
        amount,
    )?;
    halo_accounts::persist(&a.deposit, &record)?;
    record.invariant(&a.facility.queue)?;
    a.facility
        .invariant(Some(amount_of(a.queue_vault.as_ref())?), None)?;
    halo_math::emit_event!(Deposited {
        facility: a.facility.key(),
        prime: a.prime.key(),
        amount,
        shares,
        balance: record.balance(&a.facility.queue)?,
        queue_total: a.facility.queue.total_underlying,
    });
    Ok(())
}

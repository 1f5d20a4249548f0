//! Instruction builders for `halo_trading` (its PDAs are in [`crate::pda`]). A [`PoolRef`] carries the addresses
//! one pool's instructions share, so every builder takes it plus its own arguments.
use anchor_lang::{prelude::Pubkey, InstructionData, ToAccountMetas};
use halo_trading::{accounts as acc, instruction as ix};

use crate::{pda, Instruction};

/// The swap bound the program checks, and the `limit` a client sends for a quoted fill.
pub use halo_math::pricing::{limit_with_slippage, within_bound, Bound, Mode, Side};
pub use halo_trading::constants::{ED25519_PROGRAM_ID, PYTH_RECEIVER_ID, TAG_AMM_FUND};
pub use halo_trading::instructions::{CreateClassArgs, CreatePoolArgs, SwapArgs};
pub use halo_trading::oracle::{
    decode_price_update_v2, price_update_v2_bytes, PRICE_UPDATE_V2_DISCRIMINATOR,
};
pub use halo_trading::rfq::{ed25519_instruction_data, RfqQuote};
pub use halo_trading::state::{
    Book, LimitParams, LpPosition, PauseReason, Pool, PoolParams, PriceSource, QuoteReceipt,
    Redemption, RedemptionStatus, TradingClass, WithdrawGeneration,
};

const SYSTEM: Pubkey = anchor_lang::system_program::ID;

fn build(accounts: impl ToAccountMetas, data: impl InstructionData) -> Instruction {
    Instruction {
        program_id: halo_trading::ID,
        accounts: accounts.to_account_metas(None),
        data: data.data(),
    }
}

/// The addresses one pool's instructions share.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PoolRef {
    pub class: Pubkey,
    pub unit_id: u64,
    pub pool: Pubkey,
    pub book: Pubkey,
    pub asset_mint: Pubkey,
    pub quote_mint: Pubkey,
    pub asset_vault: Pubkey,
    pub quote_vault: Pubkey,
    /// The halo feed, or the Pyth `PriceUpdateV2` account to read.
    pub price_account: Pubkey,
    pub asset_token_program: Pubkey,
    pub quote_token_program: Pubkey,
}

impl PoolRef {
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        class: Pubkey,
        unit_id: u64,
        book_id: u64,
        asset_mint: Pubkey,
        quote_mint: Pubkey,
        price_account: Pubkey,
        asset_token_program: Pubkey,
        quote_token_program: Pubkey,
    ) -> Self {
        let pool = pda::pool(&class, unit_id);
        let book = pda::book(&class, book_id);
        Self {
            class,
            unit_id,
            pool,
            book,
            asset_mint,
            quote_mint,
            asset_vault: pda::vault(&book, &asset_mint),
            quote_vault: pda::vault(&book, &quote_mint),
            price_account,
            asset_token_program,
            quote_token_program,
        }
    }
}

/// The PAU accounts `fund_from_pau` / `return_to_pau` pass through to `halo_pau`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PauLink {
    pub controller: Pubkey,
    pub custody: Pubkey,
    /// The `amm_fund` route key (`sha256("amm_fund" || quote_mint || quote_vault)`).
    pub route_key: [u8; 32],
}

// ---- governance ------------------------------------------------------------------------

pub fn create_class(
    authority: &Pubkey,
    quote_mint: &Pubkey,
    pau_controller: &Pubkey,
    args: CreateClassArgs,
) -> Instruction {
    build(
        acc::CreateClass {
            authority: *authority,
            class: pda::class(authority, args.class_id),
            quote_mint: *quote_mint,
            pau_controller: *pau_controller,
            system_program: SYSTEM,
        },
        ix::CreateClass { args },
    )
}

pub fn set_class_roles(
    governance: &Pubkey,
    class: &Pubkey,
    beacon: Pubkey,
    freezer: Pubkey,
) -> Instruction {
    build(
        acc::SetClassRoles {
            governance: *governance,
            class: *class,
        },
        ix::SetClassRoles { beacon, freezer },
    )
}

pub fn set_class_paused(signer: &Pubkey, class: &Pubkey, paused: bool) -> Instruction {
    build(
        acc::SetClassPaused {
            signer: *signer,
            class: *class,
        },
        ix::SetClassPaused { paused },
    )
}

pub fn create_pool(governance: &Pubkey, p: &PoolRef, args: CreatePoolArgs) -> Instruction {
    build(
        acc::CreatePool {
            governance: *governance,
            class: p.class,
            pool: p.pool,
            book: p.book,
            generation: pda::generation(&p.pool, 0),
            asset_mint: p.asset_mint,
            quote_mint: p.quote_mint,
            asset_vault: p.asset_vault,
            quote_vault: p.quote_vault,
            price_account: p.price_account,
            asset_token_program: p.asset_token_program,
            quote_token_program: p.quote_token_program,
            system_program: SYSTEM,
        },
        ix::CreatePool { args },
    )
}

/// The `GovernedPool` accounts (governance signs for a pool of its class) of
/// `set_pool_params`, `set_sides`, `clear_redemption_failure`, `propose_price_source`.
fn governed(governance: &Pubkey, p: &PoolRef) -> acc::GovernedPool {
    acc::GovernedPool {
        governance: *governance,
        class: p.class,
        pool: p.pool,
    }
}

pub fn set_pool_params(governance: &Pubkey, p: &PoolRef, params: PoolParams) -> Instruction {
    build(governed(governance, p), ix::SetPoolParams { params })
}

pub fn set_sides(
    governance: &Pubkey,
    p: &PoolRef,
    buy_enabled: bool,
    sell_enabled: bool,
) -> Instruction {
    build(
        governed(governance, p),
        ix::SetSides {
            buy_enabled,
            sell_enabled,
        },
    )
}

pub fn clear_redemption_failure(governance: &Pubkey, p: &PoolRef) -> Instruction {
    build(governed(governance, p), ix::ClearRedemptionFailure {})
}

pub fn propose_class_governance(
    governance: &Pubkey,
    class: &Pubkey,
    new_governance: Pubkey,
) -> Instruction {
    build(
        acc::ProposeClassGovernance {
            governance: *governance,
            class: *class,
        },
        ix::ProposeClassGovernance { new_governance },
    )
}

pub fn accept_class_governance(new_governance: &Pubkey, class: &Pubkey) -> Instruction {
    build(
        acc::AcceptClassGovernance {
            new_governance: *new_governance,
            class: *class,
        },
        ix::AcceptClassGovernance {},
    )
}

pub fn set_rfq_domain(governance: &Pubkey, class: &Pubkey, domain: [u8; 32]) -> Instruction {
    build(
        acc::SetRfqDomain {
            governance: *governance,
            class: *class,
        },
        ix::SetRfqDomain { domain },
    )
}

pub fn propose_price_source(governance: &Pubkey, p: &PoolRef, source: PriceSource) -> Instruction {
    build(governed(governance, p), ix::ProposePriceSource { source })
}

/// `price_account` is the new source's (any account for a fixed wind-down price).
pub fn apply_price_source(governance: &Pubkey, p: &PoolRef, price_account: &Pubkey) -> Instruction {
    build(
        acc::ApplyPriceSource {
            governance: *governance,
            class: p.class,
            pool: p.pool,
            price_account: *price_account,
        },
        ix::ApplyPriceSource {},
    )
}

pub fn write_off_redemption(governance: &Pubkey, p: &PoolRef, id: u64) -> Instruction {
    build(
        acc::WriteOffRedemption {
            governance: *governance,
            class: p.class,
            pool: p.pool,
            redemption: pda::redemption(&p.pool, id),
        },
        ix::WriteOffRedemption {},
    )
}

// ---- operators -------------------------------------------------------------------------

pub fn pause_pool(signer: &Pubkey, p: &PoolRef) -> Instruction {
    build(
        acc::PausePool {
            signer: *signer,
            class: p.class,
            pool: p.pool,
        },
        ix::PausePool {},
    )
}

pub fn resume_pool(signer: &Pubkey, p: &PoolRef) -> Instruction {
    build(
        acc::ResumePool {
            signer: *signer,
            class: p.class,
            pool: p.pool,
            price_account: p.price_account,
        },
        ix::ResumePool {},
    )
}

pub fn poke(p: &PoolRef) -> Instruction {
    build(
        acc::Poke {
            pool: p.pool,
            price_account: p.price_account,
        },
        ix::Poke {},
    )
}

/// The accounts `fund_from_pau` and `return_to_pau` share.
fn pau_funding(beacon: &Pubkey, p: &PoolRef, link: &PauLink) -> acc::PauFunding {
    let proxy = pda::proxy(&link.controller);
    acc::PauFunding {
        beacon: *beacon,
        class: p.class,
        pool: p.pool,
        pau_position: pda::position(&p.pool, &proxy),
        pau_integration: pda::integration(&link.controller, &p.pool),
        pau_controller: link.controller,
        pau_proxy: proxy,
        pau_rate_limit: pda::rate_limit(&link.controller, &link.route_key),
        quote_mint: p.quote_mint,
        pau_custody: link.custody,
        quote_vault: p.quote_vault,
        price_account: p.price_account,
        token_program: p.quote_token_program,
        pau_program: halo_pau::ID,
    }
}

pub fn fund_from_pau(beacon: &Pubkey, p: &PoolRef, link: &PauLink, amount: u64) -> Instruction {
    build(pau_funding(beacon, p, link), ix::FundFromPau { amount })
}

pub fn return_to_pau(beacon: &Pubkey, p: &PoolRef, link: &PauLink, amount: u64) -> Instruction {
    build(pau_funding(beacon, p, link), ix::ReturnToPau { amount })
}

/// `id` must be the pool's `next_redemption_id`.
pub fn start_redemption(
    beacon: &Pubkey,
    p: &PoolRef,
    redemption_account: &Pubkey,
    id: u64,
    amount: u64,
) -> Instruction {
    build(
        acc::StartRedemption {
            beacon: *beacon,
            class: p.class,
            pool: p.pool,
            redemption: pda::redemption(&p.pool, id),
            asset_mint: p.asset_mint,
            asset_vault: p.asset_vault,
            redemption_account: *redemption_account,
            price_account: p.price_account,
            token_program: p.asset_token_program,
            system_program: SYSTEM,
        },
        ix::StartRedemption { amount },
    )
}

pub fn settle_redemption(beacon: &Pubkey, p: &PoolRef, id: u64, received: u64) -> Instruction {
    build(
        acc::SettleRedemption {
            beacon: *beacon,
            class: p.class,
            pool: p.pool,
            redemption: pda::redemption(&p.pool, id),
            next_redemption: pda::redemption(&p.pool, id.saturating_add(1)),
            quote_vault: p.quote_vault,
        },
        ix::SettleRedemption { received },
    )
}

pub fn fail_redemption(signer: &Pubkey, p: &PoolRef, id: u64) -> Instruction {
    build(
        acc::FailRedemption {
            signer: *signer,
            class: p.class,
            pool: p.pool,
            redemption: pda::redemption(&p.pool, id),
            next_redemption: pda::redemption(&p.pool, id.saturating_add(1)),
        },
        ix::FailRedemption {},
    )
}

/// `open_gen` must be the pool's `queue_open_gen`. `caller`: the beacon, or anyone once
/// the generation has waited `QUEUE_FALLBACK_S`.
pub fn roll_withdrawals(caller: &Pubkey, p: &PoolRef, open_gen: u64) -> Instruction {
    build(
        acc::RollWithdrawals {
            caller: *caller,
            class: p.class,
            pool: p.pool,
            open_generation: pda::generation(&p.pool, open_gen),
            next_generation: pda::generation(&p.pool, open_gen.saturating_add(1)),
            system_program: SYSTEM,
        },
        ix::RollWithdrawals {},
    )
}

/// `settling_gen` must be the pool's `queue_settling_gen`.
pub fn settle_withdrawals(
    caller: &Pubkey,
    p: &PoolRef,
    settling_gen: u64,
    max_quote: u64,
) -> Instruction {
    build(
        acc::SettleWithdrawals {
            caller: *caller,
            class: p.class,
            pool: p.pool,
            generation: pda::generation(&p.pool, settling_gen),
            price_account: p.price_account,
        },
        ix::SettleWithdrawals { max_quote },
    )
}

// ---- users and LPs ---------------------------------------------------------------------

pub fn swap(
    user: &Pubkey,
    p: &PoolRef,
    user_asset: &Pubkey,
    user_quote: &Pubkey,
    args: SwapArgs,
) -> Instruction {
    build(
        acc::Swap {
            user: *user,
            class: p.class,
            pool: p.pool,
            price_account: p.price_account,
            asset_mint: p.asset_mint,
            quote_mint: p.quote_mint,
            user_asset: *user_asset,
            user_quote: *user_quote,
            asset_vault: p.asset_vault,
            quote_vault: p.quote_vault,
            asset_token_program: p.asset_token_program,
            quote_token_program: p.quote_token_program,
        },
        ix::Swap { args },
    )
}

pub fn open_position(payer: &Pubkey, p: &PoolRef, owner: Pubkey) -> Instruction {
    build(
        acc::OpenPosition {
            payer: *payer,
            pool: p.pool,
            position: pda::position(&p.pool, &owner),
            system_program: SYSTEM,
        },
        ix::OpenPosition { owner },
    )
}

pub fn deposit(
    owner: &Pubkey,
    p: &PoolRef,
    owner_quote: &Pubkey,
    amount: u64,
    min_shares: u64,
) -> Instruction {
    build(
        acc::Deposit {
            owner: *owner,
            class: p.class,
            pool: p.pool,
            position: pda::position(&p.pool, owner),
            quote_mint: p.quote_mint,
            owner_quote: *owner_quote,
            quote_vault: p.quote_vault,
            price_account: p.price_account,
            token_program: p.quote_token_program,
        },
        ix::Deposit { amount, min_shares },
    )
}

/// `open_gen` must be the pool's `queue_open_gen`.
pub fn request_withdrawal(owner: &Pubkey, p: &PoolRef, open_gen: u64, shares: u64) -> Instruction {
    build(
        acc::RequestWithdrawal {
            owner: *owner,
            pool: p.pool,
            position: pda::position(&p.pool, owner),
            generation: pda::generation(&p.pool, open_gen),
        },
        ix::RequestWithdrawal { shares },
    )
}

/// `gen` must be the position's `queue_gen`.
pub fn claim_withdrawal(
    owner: &Pubkey,
    p: &PoolRef,
    gen: u64,
    owner_quote: &Pubkey,
) -> Instruction {
    build(
        acc::ClaimWithdrawal {
            owner: *owner,
            class: p.class,
            pool: p.pool,
            position: pda::position(&p.pool, owner),
            generation: pda::generation(&p.pool, gen),
            quote_mint: p.quote_mint,
            owner_quote: *owner_quote,
            quote_vault: p.quote_vault,
            token_program: p.quote_token_program,
        },
        ix::ClaimWithdrawal {},
    )
}

/// The Ed25519 precompile instruction verifying `signature` by `signer` over `message`.
pub fn ed25519_verify(signer: &Pubkey, signature: &[u8; 64], message: &[u8]) -> Instruction {
    Instruction {
        program_id: ED25519_PROGRAM_ID,
        accounts: vec![],
        data: ed25519_instruction_data(&signer.to_bytes(), signature, message),
    }
}

/// `swap_with_quote` for `quote`; send it right after [`ed25519_verify`] of the beacon's
/// signature over `quote.message(cluster)` (see [`signed_quote`]).
pub fn swap_with_quote(
    payer: &Pubkey,
    p: &PoolRef,
    user_asset: &Pubkey,
    user_quote: &Pubkey,
    quote: RfqQuote,
) -> Instruction {
    build(
        acc::SwapWithQuote {
            swap: acc::Swap {
                user: quote.user,
                class: p.class,
                pool: p.pool,
                price_account: p.price_account,
                asset_mint: p.asset_mint,
                quote_mint: p.quote_mint,
                user_asset: *user_asset,
                user_quote: *user_quote,
                asset_vault: p.asset_vault,
                quote_vault: p.quote_vault,
                asset_token_program: p.asset_token_program,
                quote_token_program: p.quote_token_program,
            },
            payer: *payer,
            quote_receipt: pda::quote_receipt(&p.pool, quote.nonce),
            instructions: INSTRUCTIONS_SYSVAR,
            system_program: SYSTEM,
        },
        ix::SwapWithQuote { quote },
    )
}

/// The instructions sysvar.
pub const INSTRUCTIONS_SYSVAR: Pubkey =
    anchor_lang::prelude::pubkey!("Sysvar1nstructions1111111111111111111111111");

/// The beacon signs `quote` for the class's cluster domain (`TradingClass::rfq_domain`):
/// the two instructions a user sends (verification, then fill).
pub fn signed_quote(
    beacon: &solana_keypair::Keypair,
    cluster: &[u8; 32],
    payer: &Pubkey,
    p: &PoolRef,
    user_asset: &Pubkey,
    user_quote: &Pubkey,
    quote: RfqQuote,
) -> [Instruction; 2] {
    use solana_signer::Signer;
    let msg = quote.message(cluster);
    let sig: [u8; 64] = beacon.sign_message(&msg).into();
    [
        ed25519_verify(&beacon.pubkey(), &sig, &msg),
        swap_with_quote(payer, p, user_asset, user_quote, quote),
    ]
}

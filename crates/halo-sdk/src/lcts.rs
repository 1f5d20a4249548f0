//! Instruction builders for `halo_lcts` (its PDAs are in [`crate::pda`]). A [`UnitRef`]
//! carries the addresses one unit's instructions share (both queues, their vaults, the
//! share mint and the PAU wiring), so every builder takes it plus its own arguments.
use anchor_lang::{prelude::Pubkey, InstructionData, ToAccountMetas};
use halo_lcts::{accounts as acc, instruction as ix};

use crate::{pda, Instruction};

pub use halo_lcts::constants::{
    PAUSE_ALL, PAUSE_REDEEM, PAUSE_SUBSCRIBE, PAUSE_UNIT, TAG_LCTS_DEPLOY, TAG_LCTS_RETURN, WAD,
};
pub use halo_lcts::instructions::{CreateUnitArgs, ExchangeRateView, PositionView};
pub use halo_lcts::state::{
    FinalizedGeneration, LctsClass, LctsUnit, Position, Queue, QueueSide, QueueStatus, UnitParams,
};
pub use halo_lcts::token::ShareMetadata;

const SYSTEM: Pubkey = anchor_lang::system_program::ID;
const TOKEN_2022: Pubkey = anchor_spl::token_2022::ID;

fn build(accounts: impl ToAccountMetas, data: impl InstructionData) -> Instruction {
    Instruction {
        program_id: halo_lcts::ID,
        accounts: accounts.to_account_metas(None),
        data: data.data(),
    }
}

/// The PAU accounts a unit converts through.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UnitPau {
    pub controller: Pubkey,
    pub custody: Pubkey,
    /// The strategy's USDS account: the deploy route's counterparty.
    pub deploy_endpoint: Pubkey,
}

/// The addresses one unit's instructions share.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UnitRef {
    pub class: Pubkey,
    pub unit_id: u64,
    pub unit: Pubkey,
    pub share_mint: Pubkey,
    pub usds_mint: Pubkey,
    pub usds_token_program: Pubkey,
    pub subscribe_queue: Pubkey,
    pub redeem_queue: Pubkey,
    /// The subscribe queue's USDS (underlying) and share (reward) vaults.
    pub subscribe_usds_vault: Pubkey,
    pub subscribe_share_vault: Pubkey,
    /// The redeem queue's share (underlying) and USDS (reward) vaults.
    pub redeem_share_vault: Pubkey,
    pub redeem_usds_vault: Pubkey,
    pub pau_controller: Pubkey,
    pub pau_proxy: Pubkey,
    pub pau_custody: Pubkey,
    /// The PAU Integration of the unit PDA.
    pub pau_integration: Pubkey,
    pub deploy_rate_limit: Pubkey,
    pub return_rate_limit: Pubkey,
    pub deploy_endpoint: Pubkey,
}

/// One queue's addresses, as the side-generic instructions take them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct QueueRef {
    pub queue: Pubkey,
    pub underlying_mint: Pubkey,
    pub underlying_vault: Pubkey,
    pub underlying_token_program: Pubkey,
    pub reward_mint: Pubkey,
    pub reward_vault: Pubkey,
    pub reward_token_program: Pubkey,
}

impl UnitRef {
    /// Every address of unit `unit_id` of `class`, converting through `pau`.
    pub fn new(
        class: Pubkey,
        unit_id: u64,
        usds_mint: Pubkey,
        usds_token_program: Pubkey,
        pau: UnitPau,
    ) -> Self {
        let unit = pda::lcts_unit(&class, unit_id);
        let share_mint = pda::share_mint(&unit);
        let subscribe_queue = pda::lcts_queue(&unit, QueueSide::Subscribe.seed());
        let redeem_queue = pda::lcts_queue(&unit, QueueSide::Redeem.seed());
        let redeem_usds_vault = pda::queue_vault(&redeem_queue, &usds_mint);
        let deploy_key =
            crate::keys::rate_limit_key(TAG_LCTS_DEPLOY, &usds_mint, &pau.deploy_endpoint);
        let return_key =
            crate::keys::rate_limit_key(TAG_LCTS_RETURN, &usds_mint, &redeem_usds_vault);
        Self {
            class,
            unit_id,
            unit,
            share_mint,
            usds_mint,
            usds_token_program,
            subscribe_queue,
            redeem_queue,
            subscribe_usds_vault: pda::queue_vault(&subscribe_queue, &usds_mint),
            subscribe_share_vault: pda::queue_vault(&subscribe_queue, &share_mint),
            redeem_share_vault: pda::queue_vault(&redeem_queue, &share_mint),
            redeem_usds_vault,
            pau_controller: pau.controller,
            pau_proxy: pda::proxy(&pau.controller),
            pau_custody: pau.custody,
            pau_integration: pda::integration(&pau.controller, &unit),
            deploy_rate_limit: pda::rate_limit(&pau.controller, &deploy_key),
            return_rate_limit: pda::rate_limit(&pau.controller, &return_key),
            deploy_endpoint: pau.deploy_endpoint,
        }
    }

    /// The deploy route's key: `sha256("lcts_deploy" || usds_mint || endpoint)`.
    pub fn deploy_route_key(&self) -> [u8; 32] {
        crate::keys::rate_limit_key(TAG_LCTS_DEPLOY, &self.usds_mint, &self.deploy_endpoint)
    }

    /// The return route's key: `sha256("lcts_return" || usds_mint || redeem_usds_vault)`.
    pub fn return_route_key(&self) -> [u8; 32] {
        crate::keys::rate_limit_key(TAG_LCTS_RETURN, &self.usds_mint, &self.redeem_usds_vault)
    }

    pub fn queue(&self, side: QueueSide) -> QueueRef {
        let (usds, shares) = (
            (self.usds_mint, self.usds_token_program),
            (self.share_mint, TOKEN_2022),
        );
        match side {
            QueueSide::Subscribe => QueueRef {
                queue: self.subscribe_queue,
                underlying_mint: usds.0,
                underlying_vault: self.subscribe_usds_vault,
                underlying_token_program: usds.1,
                reward_mint: shares.0,
                reward_vault: self.subscribe_share_vault,
                reward_token_program: shares.1,
            },
            QueueSide::Redeem => QueueRef {
                queue: self.redeem_queue,
                underlying_mint: shares.0,
                underlying_vault: self.redeem_share_vault,
                underlying_token_program: shares.1,
                reward_mint: usds.0,
                reward_vault: self.redeem_usds_vault,
                reward_token_program: usds.1,
            },
        }
    }

    /// `owner`'s position in the queue on `side`.
    pub fn position(&self, side: QueueSide, owner: &Pubkey) -> Pubkey {
        pda::lcts_position(&self.queue(side).queue, owner)
    }

    /// The finalized generation `gen_id` of the queue on `side`.
    pub fn generation(&self, side: QueueSide, gen_id: u64) -> Pubkey {
        pda::lcts_generation(&self.queue(side).queue, gen_id)
    }
}

// ---- governance ------------------------------------------------------------------------

pub fn create_class(authority: &Pubkey, class_id: u64) -> Instruction {
    build(
        acc::CreateClass {
            authority: *authority,
            class: pda::lcts_class(authority, class_id),
            system_program: SYSTEM,
        },
        ix::CreateClass { class_id },
    )
}

pub fn propose_class_governance(
    governance: &Pubkey,
    class: &Pubkey,
    new_governance: Pubkey,
) -> Instruction {
    build(
        acc::ClassGovernance {
            signer: *governance,
            class: *class,
        },
        ix::ProposeClassGovernance { new_governance },
    )
}

pub fn accept_class_governance(new_governance: &Pubkey, class: &Pubkey) -> Instruction {
    build(
        acc::ClassGovernance {
            signer: *new_governance,
            class: *class,
        },
        ix::AcceptClassGovernance {},
    )
}

pub fn create_unit(governance: &Pubkey, u: &UnitRef, args: CreateUnitArgs) -> Instruction {
    build(
        acc::CreateUnit {
            governance: *governance,
            class: u.class,
            unit: u.unit,
            share_mint: u.share_mint,
            underlying_mint: u.usds_mint,
            pau_controller: u.pau_controller,
            underlying_token_program: u.usds_token_program,
            share_token_program: TOKEN_2022,
            system_program: SYSTEM,
        },
        ix::CreateUnit { args },
    )
}

pub fn create_queue(governance: &Pubkey, u: &UnitRef, side: QueueSide) -> Instruction {
    let queue = u.queue(side).queue;
    build(
        acc::CreateQueue {
            governance: *governance,
            class: u.class,
            unit: u.unit,
            queue,
            usds_mint: u.usds_mint,
            share_mint: u.share_mint,
            usds_vault: pda::queue_vault(&queue, &u.usds_mint),
            share_vault: pda::queue_vault(&queue, &u.share_mint),
            usds_token_program: u.usds_token_program,
            share_token_program: TOKEN_2022,
            system_program: SYSTEM,
        },
        ix::CreateQueue { side },
    )
}

pub fn set_unit_routes(governance: &Pubkey, u: &UnitRef) -> Instruction {
    build(
        acc::SetUnitRoutes {
            governance: *governance,
            class: u.class,
            unit: u.unit,
            redeem_queue: u.redeem_queue,
            deploy_rate_limit: u.deploy_rate_limit,
            return_rate_limit: u.return_rate_limit,
        },
        ix::SetUnitRoutes {},
    )
}

fn governed(governance: &Pubkey, u: &UnitRef) -> acc::GovernedUnit {
    acc::GovernedUnit {
        governance: *governance,
        class: u.class,
        unit: u.unit,
    }
}

pub fn set_unit_params(governance: &Pubkey, u: &UnitRef, params: UnitParams) -> Instruction {
    build(governed(governance, u), ix::SetUnitParams { params })
}

pub fn set_unit_roles(
    governance: &Pubkey,
    u: &UnitRef,
    beacon: Pubkey,
    freezer: Pubkey,
) -> Instruction {
    build(
        governed(governance, u),
        ix::SetUnitRoles { beacon, freezer },
    )
}

pub fn set_exchange_rate(governance: &Pubkey, u: &UnitRef, rate_wad: u128) -> Instruction {
    build(governed(governance, u), ix::SetExchangeRate { rate_wad })
}

pub fn set_paused(signer: &Pubkey, u: &UnitRef, flags: u8) -> Instruction {
    build(
        acc::SetPaused {
            signer: *signer,
            class: u.class,
            unit: u.unit,
        },
        ix::SetPaused { flags },
    )
}

// ---- beacon ----------------------------------------------------------------------------

pub fn lock(beacon: &Pubkey, u: &UnitRef, side: QueueSide) -> Instruction {
    build(
        acc::Lock {
            beacon: *beacon,
            unit: u.unit,
            queue: u.queue(side).queue,
        },
        ix::Lock {},
    )
}

pub fn update_exchange_rate(beacon: &Pubkey, u: &UnitRef, rate_wad: u128) -> Instruction {
    build(
        acc::UpdateExchangeRate {
            beacon: *beacon,
            unit: u.unit,
        },
        ix::UpdateExchangeRate { rate_wad },
    )
}

/// Settles the queue on `side`, whose current generation is `gen_id`.
pub fn settle(
    beacon: &Pubkey,
    u: &UnitRef,
    side: QueueSide,
    gen_id: u64,
    capacity: u64,
) -> Instruction {
    let q = u.queue(side);
    let (rate_limit, destination) = match side {
        QueueSide::Subscribe => (u.deploy_rate_limit, u.deploy_endpoint),
        QueueSide::Redeem => (u.return_rate_limit, u.redeem_usds_vault),
    };
    build(
        acc::Settle {
            beacon: *beacon,
            unit: u.unit,
            queue: q.queue,
            generation: pda::lcts_generation(&q.queue, gen_id),
            usds_mint: u.usds_mint,
            share_mint: u.share_mint,
            underlying_vault: q.underlying_vault,
            reward_vault: q.reward_vault,
            pau_integration: u.pau_integration,
            pau_controller: u.pau_controller,
            pau_proxy: u.pau_proxy,
            pau_rate_limit: rate_limit,
            pau_custody: u.pau_custody,
            pau_destination: destination,
            usds_token_program: u.usds_token_program,
            share_token_program: TOKEN_2022,
            pau_program: halo_pau::ID,
            system_program: SYSTEM,
        },
        ix::Settle { capacity },
    )
}

/// Nets and settles both queues; `gens` are their current generation ids
/// (subscribe, redeem).
pub fn settle_pair(
    caller: &Pubkey,
    u: &UnitRef,
    gens: (u64, u64),
    subscribe_capacity: u64,
    redeem_capacity: u64,
) -> Instruction {
    build(
        acc::SettlePair {
            caller: *caller,
            unit: u.unit,
            subscribe_queue: u.subscribe_queue,
            redeem_queue: u.redeem_queue,
            subscribe_generation: pda::lcts_generation(&u.subscribe_queue, gens.0),
            redeem_generation: pda::lcts_generation(&u.redeem_queue, gens.1),
            usds_mint: u.usds_mint,
            share_mint: u.share_mint,
            subscribe_usds_vault: u.subscribe_usds_vault,
            subscribe_share_vault: u.subscribe_share_vault,
            redeem_share_vault: u.redeem_share_vault,
            redeem_usds_vault: u.redeem_usds_vault,
            pau_integration: u.pau_integration,
            pau_controller: u.pau_controller,
            pau_proxy: u.pau_proxy,
            deploy_rate_limit: u.deploy_rate_limit,
            return_rate_limit: u.return_rate_limit,
            pau_custody: u.pau_custody,
            deploy_endpoint: u.deploy_endpoint,
            usds_token_program: u.usds_token_program,
            share_token_program: TOKEN_2022,
            pau_program: halo_pau::ID,
            system_program: SYSTEM,
        },
        ix::SettlePair {
            subscribe_capacity,
            redeem_capacity,
        },
    )
}

// ---- anyone ----------------------------------------------------------------------------

pub fn unlock(caller: &Pubkey, u: &UnitRef, side: QueueSide) -> Instruction {
    build(
        acc::Unlock {
            caller: *caller,
            class: u.class,
            unit: u.unit,
            queue: u.queue(side).queue,
        },
        ix::Unlock {},
    )
}

/// Settles `owner`'s finalized position (generation `gen_id`) into `owner_reward`.
pub fn settle_finalized(
    caller: &Pubkey,
    u: &UnitRef,
    side: QueueSide,
    owner: &Pubkey,
    gen_id: u64,
    owner_reward: &Pubkey,
) -> Instruction {
    let q = u.queue(side);
    build(
        acc::SettleFinalized {
            caller: *caller,
            unit: u.unit,
            queue: q.queue,
            position: pda::lcts_position(&q.queue, owner),
            generation: pda::lcts_generation(&q.queue, gen_id),
            owner: *owner,
            owner_reward: *owner_reward,
            reward_mint: q.reward_mint,
            reward_vault: q.reward_vault,
            reward_token_program: q.reward_token_program,
        },
        ix::SettleFinalized {},
    )
}

pub fn exchange_rate(u: &UnitRef) -> Instruction {
    build(acc::ExchangeRate { unit: u.unit }, ix::ExchangeRate {})
}

/// The position view; `finalized_gen` is the position's generation when it finalized.
pub fn position_view(
    u: &UnitRef,
    side: QueueSide,
    owner: &Pubkey,
    finalized_gen: Option<u64>,
) -> Instruction {
    let q = u.queue(side);
    build(
        acc::ViewPosition {
            unit: u.unit,
            queue: q.queue,
            position: pda::lcts_position(&q.queue, owner),
            finalized_generation: finalized_gen.map(|g| pda::lcts_generation(&q.queue, g)),
        },
        ix::PositionView {},
    )
}

// ---- owners ----------------------------------------------------------------------------

/// `subscribe` (side Subscribe: `from` is the owner's USDS account, `reward_to` their
/// share account) or `request_redeem` (the reverse). `finalized_gen`: the position's old
/// generation when it finalized (it is settled first).
pub fn enter(
    owner: &Pubkey,
    u: &UnitRef,
    side: QueueSide,
    from: &Pubkey,
    reward_to: &Pubkey,
    amount: u64,
    finalized_gen: Option<u64>,
) -> Instruction {
    let q = u.queue(side);
    let accounts = acc::Enter {
        owner: *owner,
        unit: u.unit,
        queue: q.queue,
        position: pda::lcts_position(&q.queue, owner),
        finalized_generation: finalized_gen.map(|g| pda::lcts_generation(&q.queue, g)),
        underlying_mint: q.underlying_mint,
        owner_underlying: *from,
        underlying_vault: q.underlying_vault,
        reward_mint: q.reward_mint,
        owner_reward: *reward_to,
        reward_vault: q.reward_vault,
        underlying_token_program: q.underlying_token_program,
        reward_token_program: q.reward_token_program,
        system_program: SYSTEM,
    };
    match side {
        QueueSide::Subscribe => build(accounts, ix::Subscribe { amount }),
        QueueSide::Redeem => build(accounts, ix::RequestRedeem { amount }),
    }
}

pub fn claim(owner: &Pubkey, u: &UnitRef, side: QueueSide, reward_to: &Pubkey) -> Instruction {
    let q = u.queue(side);
    build(
        acc::Claim {
            owner: *owner,
            unit: u.unit,
            queue: q.queue,
            position: pda::lcts_position(&q.queue, owner),
            reward_mint: q.reward_mint,
            reward_vault: q.reward_vault,
            owner_reward: *reward_to,
            reward_token_program: q.reward_token_program,
        },
        ix::Claim {},
    )
}

pub fn exit(
    owner: &Pubkey,
    u: &UnitRef,
    side: QueueSide,
    underlying_to: &Pubkey,
    reward_to: &Pubkey,
) -> Instruction {
    let q = u.queue(side);
    build(
        acc::Exit {
            owner: *owner,
            unit: u.unit,
            queue: q.queue,
            position: pda::lcts_position(&q.queue, owner),
            underlying_mint: q.underlying_mint,
            underlying_vault: q.underlying_vault,
            owner_underlying: *underlying_to,
            reward_mint: q.reward_mint,
            reward_vault: q.reward_vault,
            owner_reward: *reward_to,
            underlying_token_program: q.underlying_token_program,
            reward_token_program: q.reward_token_program,
        },
        ix::Exit {},
    )
}

//! Instruction builders for `halo_pau`, one per instruction, named after it.
//! Account lists come from the program's own `accounts::*` structs, so they cannot drift.
use anchor_lang::{prelude::Pubkey, InstructionData, ToAccountMetas};
use halo_pau::{accounts as acc, instruction as ix, state::TimelockAction};

use crate::{pda, Instruction};

pub use halo_pau::instructions::{CreateRateLimitArgs, InitializeConfiguratorArgs};

fn build(accounts: impl ToAccountMetas, data: impl InstructionData) -> Instruction {
    Instruction {
        program_id: halo_pau::ID,
        accounts: accounts.to_account_metas(None),
        data: data.data(),
    }
}

const SYSTEM: Pubkey = anchor_lang::system_program::ID;

/// The `GovOpsOnController` accounts of `set_relayer`, `set_freezer` and `unfreeze`: `member`, its
/// membership of `controller`, and the controller.
fn govops_on_controller(member: &Pubkey, controller: &Pubkey) -> acc::GovOpsOnController {
    acc::GovOpsOnController {
        member: *member,
        membership: pda::govops(controller, member),
        controller: *controller,
    }
}

// ---- configurator admin ------------------------------------------------------------

/// Signed by `payer` and by `upgrade_authority`, the key recorded in the program's
/// ProgramData account.
pub fn initialize_configurator(
    payer: &Pubkey,
    upgrade_authority: &Pubkey,
    args: InitializeConfiguratorArgs,
) -> Instruction {
    build(
        acc::InitializeConfigurator {
            payer: *payer,
            upgrade_authority: *upgrade_authority,
            program_data: pda::program_data(),
            configurator: pda::configurator(),
            system_program: SYSTEM,
        },
        ix::InitializeConfigurator { args },
    )
}

/// `op_id` must be the configurator's `next_op_id`.
pub fn schedule_op(admin: &Pubkey, op_id: u64, action: TimelockAction) -> Instruction {
    let configurator = pda::configurator();
    build(
        acc::ScheduleOp {
            admin: *admin,
            configurator,
            op: pda::op(&configurator, op_id),
            system_program: SYSTEM,
        },
        ix::ScheduleOp { action },
    )
}

pub fn cancel_op(admin: &Pubkey, op_id: u64) -> Instruction {
    let configurator = pda::configurator();
    build(
        acc::CancelOp {
            admin: *admin,
            configurator,
            op: pda::op(&configurator, op_id),
        },
        ix::CancelOp {},
    )
}

pub fn set_timelock_paused(admin: &Pubkey, paused: bool) -> Instruction {
    build(
        acc::SetTimelockPaused {
            admin: *admin,
            configurator: pda::configurator(),
        },
        ix::SetTimelockPaused { paused },
    )
}

pub fn clear_pending_admin(admin: &Pubkey) -> Instruction {
    build(
        acc::ClearPendingAdmin {
            admin: *admin,
            configurator: pda::configurator(),
        },
        ix::ClearPendingAdmin {},
    )
}

pub fn accept_admin(new_admin: &Pubkey) -> Instruction {
    build(
        acc::AcceptAdmin {
            new_admin: *new_admin,
            configurator: pda::configurator(),
        },
        ix::AcceptAdmin {},
    )
}

pub fn initialize_controller(admin: &Pubkey, pau_id: u64) -> Instruction {
    let configurator = pda::configurator();
    let controller = pda::controller(&configurator, pau_id);
    build(
        acc::InitializeController {
            admin: *admin,
            configurator,
            controller,
            proxy: pda::proxy(&controller),
            system_program: SYSTEM,
        },
        ix::InitializeController { pau_id },
    )
}

pub fn unregister_pau(admin: &Pubkey, controller: &Pubkey) -> Instruction {
    build(
        acc::UnregisterPau {
            admin: *admin,
            configurator: pda::configurator(),
            controller: *controller,
        },
        ix::UnregisterPau {},
    )
}

pub fn remove_init_rate_limit(admin: &Pubkey, key: &[u8; 32], pau: &Pubkey) -> Instruction {
    let configurator = pda::configurator();
    build(
        acc::RemoveInitRateLimit {
            admin: *admin,
            configurator,
            init_rate_limit: pda::init_rate_limit(&configurator, key, pau),
            removal: pda::init_removal(&configurator, key, pau),
            system_program: SYSTEM,
        },
        ix::RemoveInitRateLimit {},
    )
}

pub fn revoke_govops(admin: &Pubkey, controller: &Pubkey, member: &Pubkey) -> Instruction {
    let configurator = pda::configurator();
    build(
        acc::RevokeGovOps {
            admin: *admin,
            configurator,
            controller: *controller,
            membership: pda::govops(controller, member),
            removal: pda::govops_removal(&configurator, controller, member),
            system_program: SYSTEM,
        },
        ix::RevokeGovops {},
    )
}

// ---- timelock execution -------------------------------------------------------------

pub fn execute_register_pau(executor: &Pubkey, op_id: u64, controller: &Pubkey) -> Instruction {
    build(
        acc::ExecuteRegisterPau {
            executor: *executor,
            configurator: pda::configurator(),
            op: pda::op(&pda::configurator(), op_id),
            controller: *controller,
        },
        ix::ExecuteRegisterPau {},
    )
}

pub fn execute_add_init_rate_limit(
    payer: &Pubkey,
    op_id: u64,
    key: [u8; 32],
    pau: Pubkey,
) -> Instruction {
    let configurator = pda::configurator();
    build(
        acc::ExecuteAddInitRateLimit {
            payer: *payer,
            configurator: pda::configurator(),
            op: pda::op(&pda::configurator(), op_id),
            init_rate_limit: pda::init_rate_limit(&configurator, &key, &pau),
            removal: pda::init_removal(&configurator, &key, &pau),
            system_program: SYSTEM,
        },
        ix::ExecuteAddInitRateLimit { key, pau },
    )
}

pub fn execute_grant_govops(
    payer: &Pubkey,
    op_id: u64,
    controller: &Pubkey,
    member: Pubkey,
) -> Instruction {
    let configurator = pda::configurator();
    build(
        acc::ExecuteGrantGovOps {
            payer: *payer,
            configurator: pda::configurator(),
            op: pda::op(&pda::configurator(), op_id),
            controller: *controller,
            membership: pda::govops(controller, &member),
            removal: pda::govops_removal(&configurator, controller, &member),
            system_program: SYSTEM,
        },
        ix::ExecuteGrantGovops { member },
    )
}

pub fn execute_add_integration(
    payer: &Pubkey,
    op_id: u64,
    controller: &Pubkey,
    signer: Pubkey,
) -> Instruction {
    let configurator = pda::configurator();
    build(
        acc::ExecuteAddIntegration {
            payer: *payer,
            configurator: pda::configurator(),
            op: pda::op(&pda::configurator(), op_id),
            controller: *controller,
            integration: pda::integration(controller, &signer),
            removal: pda::integration_removal(&configurator, controller, &signer),
            system_program: SYSTEM,
        },
        ix::ExecuteAddIntegration { signer },
    )
}

pub fn execute_config_change(executor: &Pubkey, op_id: u64) -> Instruction {
    let configurator = pda::configurator();
    build(
        acc::ExecuteConfigChange {
            executor: *executor,
            configurator,
            op: pda::op(&configurator, op_id),
        },
        ix::ExecuteConfigChange {},
    )
}

// ---- GovOps -------------------------------------------------------------------------

/// Both init PDAs are passed (the PAU-specific one overrides the global one).
pub fn create_rate_limit(
    member: &Pubkey,
    controller: &Pubkey,
    mint: &Pubkey,
    args: CreateRateLimitArgs,
) -> Instruction {
    let configurator = pda::configurator();
    build(
        acc::CreateRateLimit {
            member: *member,
            membership: pda::govops(controller, member),
            configurator,
            controller: *controller,
            pau_init: pda::init_rate_limit(&configurator, &args.key, controller),
            pau_init_removal: pda::init_removal(&configurator, &args.key, controller),
            global_init: pda::init_rate_limit(&configurator, &args.key, &Pubkey::default()),
            mint: *mint,
            counterparty: args.counterparty,
            rate_limit: pda::rate_limit(controller, &args.key),
            system_program: SYSTEM,
        },
        ix::CreateRateLimit { args },
    )
}

/// Both init PDAs are passed, as for `create_rate_limit`; only read for an increase.
pub fn set_rate_limit(
    member: &Pubkey,
    controller: &Pubkey,
    key: &[u8; 32],
    max_amount: u64,
    slope: u64,
) -> Instruction {
    let configurator = pda::configurator();
    build(
        acc::SetRateLimit {
            member: *member,
            membership: pda::govops(controller, member),
            configurator,
            controller: *controller,
            pau_init: pda::init_rate_limit(&configurator, key, controller),
            pau_init_removal: pda::init_removal(&configurator, key, controller),
            global_init: pda::init_rate_limit(&configurator, key, &Pubkey::default()),
            rate_limit: pda::rate_limit(controller, key),
        },
        ix::SetRateLimit { max_amount, slope },
    )
}

pub fn remove_rate_limit(member: &Pubkey, controller: &Pubkey, key: &[u8; 32]) -> Instruction {
    build(
        acc::RemoveRateLimit {
            member: *member,
            membership: pda::govops(controller, member),
            controller: *controller,
            rate_limit: pda::rate_limit(controller, key),
        },
        ix::RemoveRateLimit {},
    )
}

pub fn set_relayer(member: &Pubkey, controller: &Pubkey, relayer: Pubkey) -> Instruction {
    build(
        govops_on_controller(member, controller),
        ix::SetRelayer { relayer },
    )
}

pub fn set_freezer(member: &Pubkey, controller: &Pubkey, freezer: Pubkey) -> Instruction {
    build(
        govops_on_controller(member, controller),
        ix::SetFreezer { freezer },
    )
}

pub fn unfreeze(member: &Pubkey, controller: &Pubkey) -> Instruction {
    build(govops_on_controller(member, controller), ix::Unfreeze {})
}

pub fn remove_integration(member: &Pubkey, controller: &Pubkey, signer: &Pubkey) -> Instruction {
    let configurator = pda::configurator();
    build(
        acc::RemoveIntegration {
            member: *member,
            membership: pda::govops(controller, member),
            configurator,
            controller: *controller,
            integration: pda::integration(controller, signer),
            removal: pda::integration_removal(&configurator, controller, signer),
            system_program: SYSTEM,
        },
        ix::RemoveIntegration {},
    )
}

// ---- freezer ------------------------------------------------------------------------

pub fn freeze(freezer: &Pubkey, controller: &Pubkey) -> Instruction {
    build(
        acc::Freeze {
            freezer: *freezer,
            controller: *controller,
        },
        ix::Freeze {},
    )
}

pub fn remove_relayer(freezer: &Pubkey, controller: &Pubkey) -> Instruction {
    build(
        acc::RemoveRelayer {
            freezer: *freezer,
            controller: *controller,
        },
        ix::RemoveRelayer {},
    )
}

pub fn cut_rate_limit(
    freezer: &Pubkey,
    controller: &Pubkey,
    key: &[u8; 32],
    max_amount: u64,
    slope: u64,
) -> Instruction {
    build(
        acc::CutRateLimit {
            freezer: *freezer,
            controller: *controller,
            rate_limit: pda::rate_limit(controller, key),
        },
        ix::CutRateLimit { max_amount, slope },
    )
}

// ---- movements ----------------------------------------------------------------------

/// The token accounts and program of one movement.
#[derive(Clone, Copy, Debug)]
pub struct Route {
    pub controller: Pubkey,
    pub key: [u8; 32],
    pub mint: Pubkey,
    pub token_program: Pubkey,
    /// Custody token account owned by the proxy.
    pub custody: Pubkey,
    /// The route's counterparty token account.
    pub counterparty: Pubkey,
}

pub fn transfer(relayer: &Pubkey, r: &Route, amount: u64) -> Instruction {
    build(
        acc::Transfer {
            relayer: *relayer,
            controller: r.controller,
            proxy: pda::proxy(&r.controller),
            rate_limit: pda::rate_limit(&r.controller, &r.key),
            mint: r.mint,
            custody: r.custody,
            destination: r.counterparty,
            token_program: r.token_program,
        },
        ix::Transfer { amount },
    )
}

pub fn draw(integration_signer: &Pubkey, r: &Route, amount: u64) -> Instruction {
    build(
        acc::Draw {
            integration_signer: *integration_signer,
            integration: pda::integration(&r.controller, integration_signer),
            controller: r.controller,
            proxy: pda::proxy(&r.controller),
            rate_limit: pda::rate_limit(&r.controller, &r.key),
            mint: r.mint,
            custody: r.custody,
            destination: r.counterparty,
            token_program: r.token_program,
        },
        ix::Draw { amount },
    )
}

pub fn repay(integration_signer: &Pubkey, r: &Route, amount: u64) -> Instruction {
    build(
        acc::Repay {
            integration_signer: *integration_signer,
            integration: pda::integration(&r.controller, integration_signer),
            controller: r.controller,
            proxy: pda::proxy(&r.controller),
            rate_limit: pda::rate_limit(&r.controller, &r.key),
            mint: r.mint,
            source: r.counterparty,
            custody: r.custody,
            token_program: r.token_program,
        },
        ix::Repay { amount },
    )
}

//! PDAs and instruction builders for `halo_oracle`.
use anchor_lang::{prelude::Pubkey, InstructionData, ToAccountMetas};
use halo_oracle::{accounts as acc, instruction as ix};

use crate::Instruction;

pub use halo_oracle::instructions::CreateFeedArgs;
pub use halo_oracle::state::Feed;

fn build(accounts: impl ToAccountMetas, data: impl InstructionData) -> Instruction {
    Instruction {
        program_id: halo_oracle::ID,
        accounts: accounts.to_account_metas(None),
        data: data.data(),
    }
}

pub fn create_feed(authority: &Pubkey, args: CreateFeedArgs) -> Instruction {
    build(
        acc::CreateFeed {
            authority: *authority,
            feed: crate::pda::feed(authority, args.feed_id),
            system_program: anchor_lang::system_program::ID,
        },
        ix::CreateFeed { args },
    )
}

pub fn add_reporter(governance: &Pubkey, feed: &Pubkey, reporter: Pubkey) -> Instruction {
    build(
        acc::AddReporter {
            governance: *governance,
            feed: *feed,
        },
        ix::AddReporter { reporter },
    )
}

pub fn remove_reporter(governance: &Pubkey, feed: &Pubkey, reporter: Pubkey) -> Instruction {
    build(
        acc::RemoveReporter {
            governance: *governance,
            feed: *feed,
        },
        ix::RemoveReporter { reporter },
    )
}

pub fn set_max_move(governance: &Pubkey, feed: &Pubkey, max_move_bps: u16) -> Instruction {
    build(
        acc::SetMaxMove {
            governance: *governance,
            feed: *feed,
        },
        ix::SetMaxMove { max_move_bps },
    )
}

pub fn propose_governance(
    governance: &Pubkey,
    feed: &Pubkey,
    new_governance: Pubkey,
) -> Instruction {
    build(
        acc::ProposeGovernance {
            governance: *governance,
            feed: *feed,
        },
        ix::ProposeGovernance { new_governance },
    )
}

pub fn accept_governance(new_governance: &Pubkey, feed: &Pubkey) -> Instruction {
    build(
        acc::AcceptGovernance {
            new_governance: *new_governance,
            feed: *feed,
        },
        ix::AcceptGovernance {},
    )
}

pub fn governance_publish(
    governance: &Pubkey,
    feed: &Pubkey,
    value: u64,
    publish_ts: i64,
) -> Instruction {
    build(
        acc::GovernancePublish {
            governance: *governance,
            feed: *feed,
        },
        ix::GovernancePublish { value, publish_ts },
    )
}

pub fn publish(reporter: &Pubkey, feed: &Pubkey, value: u64, publish_ts: i64) -> Instruction {
    build(
        acc::Publish {
            reporter: *reporter,
            feed: *feed,
        },
        ix::Publish { value, publish_ts },
    )
}

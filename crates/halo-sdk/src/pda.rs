//! Program-derived addresses of `halo_pau`, with the seeds the program checks.
use anchor_lang::prelude::Pubkey;
use halo_pau::constants::*;

fn find(seeds: &[&[u8]]) -> Pubkey {
    Pubkey::find_program_address(seeds, &halo_pau::ID).0
}

/// `["configurator"]`.
pub fn configurator() -> Pubkey {
    find(&[SEED_CONFIGURATOR])
}

/// `["op", configurator, op_id le]`.
pub fn op(configurator: &Pubkey, op_id: u64) -> Pubkey {
    find(&[SEED_OP, configurator.as_ref(), &op_id.to_le_bytes()])
}

/// `["controller", configurator, pau_id le]`.
pub fn controller(configurator: &Pubkey, pau_id: u64) -> Pubkey {
    find(&[
        SEED_CONTROLLER,
        configurator.as_ref(),
        &pau_id.to_le_bytes(),
    ])
}

/// `["proxy", controller]`: the ALM proxy.
pub fn proxy(controller: &Pubkey) -> Pubkey {
    find(&[SEED_PROXY, controller.as_ref()])
}

/// `["govops", controller, member]`.
pub fn govops(controller: &Pubkey, member: &Pubkey) -> Pubkey {
    find(&[SEED_GOVOPS, controller.as_ref(), member.as_ref()])
}

/// `["init", configurator, key, pau_or_default]`.
pub fn init_rate_limit(configurator: &Pubkey, key: &[u8; 32], pau: &Pubkey) -> Pubkey {
    find(&[SEED_INIT, configurator.as_ref(), key.as_ref(), pau.as_ref()])
}

/// `["rate_limit", controller, key]`.
pub fn rate_limit(controller: &Pubkey, key: &[u8; 32]) -> Pubkey {
    find(&[SEED_RATE_LIMIT, controller.as_ref(), key.as_ref()])
}

/// `["integration", controller, signer]`.
pub fn integration(controller: &Pubkey, signer: &Pubkey) -> Pubkey {
    find(&[SEED_INTEGRATION, controller.as_ref(), signer.as_ref()])
}

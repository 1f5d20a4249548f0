//! Program-derived addresses of every Halo program, named alike in Rust and TS
//! (`pda::controller`, `pda::feed`, `pda::pool`, …), with the seeds the programs check
//! (each program's `SEED_*` constants).
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

/// `["removal", configurator, target]`: the record of an instant removal.
pub fn removal(configurator: &Pubkey, target: &[u8; 32]) -> Pubkey {
    find(&[SEED_REMOVAL, configurator.as_ref(), target.as_ref()])
}

/// The removal record of init (`key`, `pau` scope).
pub fn init_removal(configurator: &Pubkey, key: &[u8; 32], pau: &Pubkey) -> Pubkey {
    use halo_pau::state::{removal_target, RemovalKind};
    removal(
        configurator,
        &removal_target(RemovalKind::Init, key, &pau.to_bytes()),
    )
}

/// The removal record of `member`'s GovOps membership on `controller`.
pub fn govops_removal(configurator: &Pubkey, controller: &Pubkey, member: &Pubkey) -> Pubkey {
    use halo_pau::state::{removal_target, RemovalKind};
    removal(
        configurator,
        &removal_target(
            RemovalKind::GovOps,
            &controller.to_bytes(),
            &member.to_bytes(),
        ),
    )
}

/// The removal record of integration `signer` on `controller`.
pub fn integration_removal(configurator: &Pubkey, controller: &Pubkey, signer: &Pubkey) -> Pubkey {
    use halo_pau::state::{removal_target, RemovalKind};
    removal(
        configurator,
        &removal_target(
            RemovalKind::Integration,
            &controller.to_bytes(),
            &signer.to_bytes(),
        ),
    )
}

/// The ProgramData account of `halo_pau` (the upgradeable loader's PDA of its id), whose
/// upgrade authority must sign `initialize_configurator`.
pub fn program_data() -> Pubkey {
    Pubkey::find_program_address(
        &[halo_pau::ID.as_ref()],
        &anchor_lang::solana_program::bpf_loader_upgradeable::ID,
    )
    .0
}

/// `["integration", controller, signer]`.
pub fn integration(controller: &Pubkey, signer: &Pubkey) -> Pubkey {
    find(&[SEED_INTEGRATION, controller.as_ref(), signer.as_ref()])
}

/// `halo_oracle`'s `["feed", authority, feed_id le]`: the feed `authority` created.
pub fn feed(authority: &Pubkey, feed_id: u64) -> Pubkey {
    Pubkey::find_program_address(
        &[
            halo_oracle::constants::SEED_FEED,
            authority.as_ref(),
            &feed_id.to_le_bytes(),
        ],
        &halo_oracle::ID,
    )
    .0
}

fn find_trading(seeds: &[&[u8]]) -> Pubkey {
    Pubkey::find_program_address(seeds, &halo_trading::ID).0
}

/// `halo_trading`'s `["class", authority, class_id le]`.
pub fn class(authority: &Pubkey, class_id: u64) -> Pubkey {
    use halo_trading::constants::SEED_CLASS;
    find_trading(&[SEED_CLASS, authority.as_ref(), &class_id.to_le_bytes()])
}

/// `["unit", class, unit_id le]`: a pool (Halo Unit).
pub fn pool(class: &Pubkey, unit_id: u64) -> Pubkey {
    use halo_trading::constants::SEED_UNIT;
    find_trading(&[SEED_UNIT, class.as_ref(), &unit_id.to_le_bytes()])
}

/// `["book", class, book_id le]`.
pub fn book(class: &Pubkey, book_id: u64) -> Pubkey {
    use halo_trading::constants::SEED_BOOK;
    find_trading(&[SEED_BOOK, class.as_ref(), &book_id.to_le_bytes()])
}

/// `["book_vault", book, mint]`: a pool's token account for `mint`.
pub fn vault(book: &Pubkey, mint: &Pubkey) -> Pubkey {
    use halo_trading::constants::SEED_BOOK_VAULT;
    find_trading(&[SEED_BOOK_VAULT, book.as_ref(), mint.as_ref()])
}

/// `["lp", pool, owner]`: an LP position.
pub fn position(pool: &Pubkey, owner: &Pubkey) -> Pubkey {
    use halo_trading::constants::SEED_LP;
    find_trading(&[SEED_LP, pool.as_ref(), owner.as_ref()])
}

/// `["withdraw_gen", pool, id le]`: a withdrawal generation.
pub fn generation(pool: &Pubkey, id: u64) -> Pubkey {
    use halo_trading::constants::SEED_WITHDRAW_GEN;
    find_trading(&[SEED_WITHDRAW_GEN, pool.as_ref(), &id.to_le_bytes()])
}

/// `["redemption", pool, id le]`: an issuer redemption.
pub fn redemption(pool: &Pubkey, id: u64) -> Pubkey {
    use halo_trading::constants::SEED_REDEMPTION;
    find_trading(&[SEED_REDEMPTION, pool.as_ref(), &id.to_le_bytes()])
}

/// `["quote", pool, nonce le]`: an RFQ quote's receipt (exists once the quote filled).
pub fn quote_receipt(pool: &Pubkey, nonce: u64) -> Pubkey {
    use halo_trading::constants::SEED_QUOTE;
    find_trading(&[SEED_QUOTE, pool.as_ref(), &nonce.to_le_bytes()])
}

fn find_lcts(seeds: &[&[u8]]) -> Pubkey {
    Pubkey::find_program_address(seeds, &halo_lcts::ID).0
}

/// `halo_lcts`'s `["class", authority, class_id le]`: a Passthrough Halo Class.
pub fn lcts_class(authority: &Pubkey, class_id: u64) -> Pubkey {
    use halo_lcts::constants::SEED_CLASS;
    find_lcts(&[SEED_CLASS, authority.as_ref(), &class_id.to_le_bytes()])
}

/// `["unit", class, unit_id le]`: a Passthrough Halo Unit.
pub fn lcts_unit(class: &Pubkey, unit_id: u64) -> Pubkey {
    use halo_lcts::constants::SEED_UNIT;
    find_lcts(&[SEED_UNIT, class.as_ref(), &unit_id.to_le_bytes()])
}

/// `["share_mint", unit]`: the unit's Halo Unit share mint.
pub fn share_mint(unit: &Pubkey) -> Pubkey {
    use halo_lcts::constants::SEED_SHARE_MINT;
    find_lcts(&[SEED_SHARE_MINT, unit.as_ref()])
}

/// `["queue", unit, side]` (side 0: subscribe, 1: redeem).
pub fn lcts_queue(unit: &Pubkey, side: u8) -> Pubkey {
    use halo_lcts::constants::SEED_QUEUE;
    find_lcts(&[SEED_QUEUE, unit.as_ref(), &[side]])
}

/// `["queue_vault", queue, mint]`: a queue's token account for `mint`.
pub fn queue_vault(queue: &Pubkey, mint: &Pubkey) -> Pubkey {
    use halo_lcts::constants::SEED_QUEUE_VAULT;
    find_lcts(&[SEED_QUEUE_VAULT, queue.as_ref(), mint.as_ref()])
}

/// `["generation", queue, gen_id le]`: a finalized generation.
pub fn lcts_generation(queue: &Pubkey, gen_id: u64) -> Pubkey {
    use halo_lcts::constants::SEED_GENERATION;
    find_lcts(&[SEED_GENERATION, queue.as_ref(), &gen_id.to_le_bytes()])
}

/// `["position", queue, owner]`: an owner's position in a queue.
pub fn lcts_position(queue: &Pubkey, owner: &Pubkey) -> Pubkey {
    use halo_lcts::constants::SEED_POSITION;
    find_lcts(&[SEED_POSITION, queue.as_ref(), owner.as_ref()])
}

fn find_nfat(seeds: &[&[u8]]) -> Pubkey {
    Pubkey::find_program_address(seeds, &halo_nfat::ID).0
}

/// `halo_nfat`'s `["class", authority, facility_id le]`: a Structuring Halo facility.
pub fn nfat_facility(authority: &Pubkey, facility_id: u64) -> Pubkey {
    use halo_nfat::constants::SEED_FACILITY;
    find_nfat(&[
        SEED_FACILITY,
        authority.as_ref(),
        &facility_id.to_le_bytes(),
    ])
}

/// `["prime", facility, prime]`: a Prime's approval.
pub fn nfat_prime(facility: &Pubkey, prime: &Pubkey) -> Pubkey {
    use halo_nfat::constants::SEED_PRIME;
    find_nfat(&[SEED_PRIME, facility.as_ref(), prime.as_ref()])
}

/// `["deposit", facility, prime]`: a Prime's queued capital.
pub fn nfat_deposit(facility: &Pubkey, prime: &Pubkey) -> Pubkey {
    use halo_nfat::constants::SEED_DEPOSIT;
    find_nfat(&[SEED_DEPOSIT, facility.as_ref(), prime.as_ref()])
}

/// `["queue_vault", facility]`.
pub fn nfat_queue_vault(facility: &Pubkey) -> Pubkey {
    use halo_nfat::constants::SEED_QUEUE_VAULT;
    find_nfat(&[SEED_QUEUE_VAULT, facility.as_ref()])
}

/// `["redeem_vault", facility]`.
pub fn nfat_redeem_vault(facility: &Pubkey) -> Pubkey {
    use halo_nfat::constants::SEED_REDEEM_VAULT;
    find_nfat(&[SEED_REDEEM_VAULT, facility.as_ref()])
}

/// `["book", facility, book_id le]`.
pub fn nfat_book(facility: &Pubkey, book_id: u64) -> Pubkey {
    use halo_nfat::constants::SEED_BOOK;
    find_nfat(&[SEED_BOOK, facility.as_ref(), &book_id.to_le_bytes()])
}

/// `["book_vault", book, mint]`.
pub fn nfat_book_vault(book: &Pubkey, mint: &Pubkey) -> Pubkey {
    use halo_nfat::constants::SEED_BOOK_VAULT;
    find_nfat(&[SEED_BOOK_VAULT, book.as_ref(), mint.as_ref()])
}

/// `["deal", facility, deal_id le]`.
pub fn nfat_deal(facility: &Pubkey, deal_id: u64) -> Pubkey {
    use halo_nfat::constants::SEED_DEAL;
    find_nfat(&[SEED_DEAL, facility.as_ref(), &deal_id.to_le_bytes()])
}

/// `["nft", deal]`: the deal's NFT mint.
pub fn nfat_nft(deal: &Pubkey) -> Pubkey {
    use halo_nfat::constants::SEED_NFT;
    find_nfat(&[SEED_NFT, deal.as_ref()])
}

/// `["holder", facility, owner]`: an allow-list entry.
pub fn nfat_holder(facility: &Pubkey, owner: &Pubkey) -> Pubkey {
    use halo_nfat::constants::SEED_HOLDER;
    find_nfat(&[SEED_HOLDER, facility.as_ref(), owner.as_ref()])
}

/// `halo_nfat_hook`'s `["extra-account-metas", mint]`: the mint's transfer-hook accounts.
pub fn nfat_extra_account_metas(mint: &Pubkey) -> Pubkey {
    use halo_nfat_hook::constants::SEED_EXTRA_ACCOUNT_METAS;
    Pubkey::find_program_address(
        &[SEED_EXTRA_ACCOUNT_METAS, mint.as_ref()],
        &halo_nfat_hook::ID,
    )
    .0
}

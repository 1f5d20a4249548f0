//! Instruction builders for `halo_nfat` (its PDAs are in [`crate::pda`]). A [`FacilityRef`]
//! carries the addresses one facility's instructions share (its vaults, the deposit mint
//! and the PAU wiring); each builder takes it plus its own accounts and arguments. Also:
//! a plain wallet transfer of a deal NFT with the transfer hook's extra accounts, and
//! [`standing`], what a deal owes and what its holder can redeem at a time.
use anchor_lang::{prelude::Pubkey, InstructionData, ToAccountMetas};
use halo_nfat::{accounts as acc, instruction as ix};

use crate::{pda, AccountMeta, Instruction};

pub use halo_math::deal::{Amounts, Ledger, Standing};
pub use halo_math::nfat::{Schedule, Terms};
pub use halo_nfat::constants::{
    SCHEDULE_ALL, SCHEDULE_AMORTIZING, SCHEDULE_BULLET, SCHEDULE_PERIODIC_INTEREST,
    TAG_NFAT_DEPLOY, TAG_NFAT_RETURN,
};
pub use halo_nfat::instructions::{CreateFacilityArgs, DealView};
pub use halo_nfat::state::{
    terms_hash, ApprovedPrime, AttestationKind, Book, BookStatus, Buybox, Deal, DealStatus,
    Facility, HolderEntry, QueueDeposit, Roles,
};

const SYSTEM: Pubkey = anchor_lang::system_program::ID;
const TOKEN_2022: Pubkey = anchor_spl::token_2022::ID;
const ATA_PROGRAM: Pubkey = anchor_spl::associated_token::ID;

fn build(accounts: impl ToAccountMetas, data: impl InstructionData) -> Instruction {
    Instruction {
        program_id: halo_nfat::ID,
        accounts: accounts.to_account_metas(None),
        data: data.data(),
    }
}

/// The PAU accounts a facility deploys and returns through.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FacilityPau {
    pub controller: Pubkey,
    pub custody: Pubkey,
    /// The RWA endpoint's token account: the deploy route's counterparty.
    pub endpoint: Pubkey,
}

/// The addresses one facility's instructions share.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FacilityRef {
    pub authority: Pubkey,
    pub facility_id: u64,
    pub facility: Pubkey,
    pub deposit_mint: Pubkey,
    pub deposit_token_program: Pubkey,
    pub queue_vault: Pubkey,
    pub redeem_vault: Pubkey,
    pub pau_controller: Pubkey,
    pub pau_proxy: Pubkey,
    pub pau_custody: Pubkey,
    /// The PAU Integration of the facility PDA.
    pub pau_integration: Pubkey,
    pub deploy_rate_limit: Pubkey,
    pub return_rate_limit: Pubkey,
    pub endpoint: Pubkey,
}

/// A deal's addresses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DealRef {
    pub deal_id: u64,
    pub deal: Pubkey,
    pub nft_mint: Pubkey,
    pub book: Pubkey,
}

impl FacilityRef {
    /// Every address of facility `facility_id` created by `authority`, on `pau`.
    pub fn new(
        authority: Pubkey,
        facility_id: u64,
        deposit_mint: Pubkey,
        deposit_token_program: Pubkey,
        pau: FacilityPau,
    ) -> Self {
        let facility = pda::nfat_facility(&authority, facility_id);
        let redeem_vault = pda::nfat_redeem_vault(&facility);
        let deploy_key = crate::keys::rate_limit_key(TAG_NFAT_DEPLOY, &deposit_mint, &pau.endpoint);
        let return_key = crate::keys::rate_limit_key(TAG_NFAT_RETURN, &deposit_mint, &redeem_vault);
        Self {
            authority,
            facility_id,
            facility,
            deposit_mint,
            deposit_token_program,
            queue_vault: pda::nfat_queue_vault(&facility),
            redeem_vault,
            pau_controller: pau.controller,
            pau_proxy: pda::proxy(&pau.controller),
            pau_custody: pau.custody,
            pau_integration: pda::integration(&pau.controller, &facility),
            deploy_rate_limit: pda::rate_limit(&pau.controller, &deploy_key),
            return_rate_limit: pda::rate_limit(&pau.controller, &return_key),
            endpoint: pau.endpoint,
        }
    }

    /// The deploy route's key: `sha256("nfat_deploy" || mint || endpoint)`.
    pub fn deploy_route_key(&self) -> [u8; 32] {
        crate::keys::rate_limit_key(TAG_NFAT_DEPLOY, &self.deposit_mint, &self.endpoint)
    }

    /// The return route's key: `sha256("nfat_return" || mint || redeem_vault)`.
    pub fn return_route_key(&self) -> [u8; 32] {
        crate::keys::rate_limit_key(TAG_NFAT_RETURN, &self.deposit_mint, &self.redeem_vault)
    }

    pub fn book(&self, book_id: u64) -> Pubkey {
        pda::nfat_book(&self.facility, book_id)
    }

    pub fn book_vault(&self, book_id: u64) -> Pubkey {
        pda::nfat_book_vault(&self.book(book_id), &self.deposit_mint)
    }

    pub fn deal(&self, deal_id: u64, book: Pubkey) -> DealRef {
        let deal = pda::nfat_deal(&self.facility, deal_id);
        DealRef {
            deal_id,
            deal,
            nft_mint: pda::nfat_nft(&deal),
            book,
        }
    }

    pub fn deposit_of(&self, prime: &Pubkey) -> Pubkey {
        pda::nfat_deposit(&self.facility, prime)
    }

    pub fn approval_of(&self, prime: &Pubkey) -> Pubkey {
        pda::nfat_prime(&self.facility, prime)
    }

    pub fn holder_entry(&self, owner: &Pubkey) -> Pubkey {
        pda::nfat_holder(&self.facility, owner)
    }

    /// `owner`'s associated token account for the deposit mint.
    pub fn token_of(&self, owner: &Pubkey) -> Pubkey {
        crate::ata(owner, &self.deposit_mint, &self.deposit_token_program)
    }

    fn pau(&self, rate_limit: Pubkey) -> acc::PauAccounts {
        acc::PauAccounts {
            integration: self.pau_integration,
            controller: self.pau_controller,
            proxy: self.pau_proxy,
            rate_limit,
            custody: self.pau_custody,
            pau_program: halo_pau::ID,
        }
    }
}

/// `owner`'s associated token account for a deal NFT (Token-2022).
pub fn nft_account(owner: &Pubkey, nft_mint: &Pubkey) -> Pubkey {
    crate::ata(owner, nft_mint, &TOKEN_2022)
}

// ---- governance ------------------------------------------------------------------------

pub fn create_facility(f: &FacilityRef, args: CreateFacilityArgs) -> Instruction {
    build(
        acc::CreateFacility {
            authority: f.authority,
            facility: f.facility,
            deposit_mint: f.deposit_mint,
            queue_vault: f.queue_vault,
            redeem_vault: f.redeem_vault,
            pau_controller: f.pau_controller,
            deposit_token_program: f.deposit_token_program,
            system_program: SYSTEM,
        },
        ix::CreateFacility { args },
    )
}

pub fn propose_governance(
    governance: &Pubkey,
    f: &FacilityRef,
    new_governance: Pubkey,
) -> Instruction {
    build(
        acc::FacilityGovernance {
            signer: *governance,
            facility: f.facility,
        },
        ix::ProposeGovernance { new_governance },
    )
}

pub fn accept_governance(new_governance: &Pubkey, f: &FacilityRef) -> Instruction {
    build(
        acc::FacilityGovernance {
            signer: *new_governance,
            facility: f.facility,
        },
        ix::AcceptGovernance {},
    )
}

fn governed(governance: &Pubkey, f: &FacilityRef) -> acc::Governed {
    acc::Governed {
        governance: *governance,
        facility: f.facility,
    }
}

pub fn set_buybox(governance: &Pubkey, f: &FacilityRef, buybox: Buybox) -> Instruction {
    build(governed(governance, f), ix::SetBuybox { buybox })
}

pub fn set_roles(governance: &Pubkey, f: &FacilityRef, roles: Roles) -> Instruction {
    build(governed(governance, f), ix::SetRoles { roles })
}

pub fn set_allow_list(governance: &Pubkey, f: &FacilityRef, on: bool) -> Instruction {
    build(governed(governance, f), ix::SetAllowList { on })
}

pub fn set_routes(governance: &Pubkey, f: &FacilityRef) -> Instruction {
    build(
        acc::SetRoutes {
            governance: *governance,
            facility: f.facility,
            deploy_rate_limit: f.deploy_rate_limit,
            return_rate_limit: f.return_rate_limit,
        },
        ix::SetRoutes {},
    )
}

pub fn approve_prime(governance: &Pubkey, f: &FacilityRef, prime: &Pubkey) -> Instruction {
    build(
        acc::ApprovePrime {
            governance: *governance,
            facility: f.facility,
            prime: *prime,
            approved_prime: f.approval_of(prime),
            system_program: SYSTEM,
        },
        ix::ApprovePrime {},
    )
}

pub fn revoke_prime(governance: &Pubkey, f: &FacilityRef, prime: &Pubkey) -> Instruction {
    build(
        acc::RevokePrime {
            governance: *governance,
            facility: f.facility,
            approved_prime: f.approval_of(prime),
        },
        ix::RevokePrime {},
    )
}

pub fn list_holder(governance: &Pubkey, f: &FacilityRef, owner: &Pubkey) -> Instruction {
    build(
        acc::ListHolder {
            governance: *governance,
            facility: f.facility,
            owner: *owner,
            holder: f.holder_entry(owner),
            system_program: SYSTEM,
        },
        ix::ListHolder {},
    )
}

pub fn delist_holder(governance: &Pubkey, f: &FacilityRef, owner: &Pubkey) -> Instruction {
    build(
        acc::DelistHolder {
            governance: *governance,
            facility: f.facility,
            holder: f.holder_entry(owner),
        },
        ix::DelistHolder {},
    )
}

pub fn write_off(governance: &Pubkey, f: &FacilityRef, deal: &DealRef) -> Instruction {
    build(
        acc::WriteOff {
            governance: *governance,
            facility: f.facility,
            deal: deal.deal,
        },
        ix::WriteOff {},
    )
}

// ---- warden / attestor ----------------------------------------------------------------

pub fn set_halted(signer: &Pubkey, f: &FacilityRef, halted: bool) -> Instruction {
    build(
        acc::SetHalted {
            signer: *signer,
            facility: f.facility,
        },
        ix::SetHalted { halted },
    )
}

pub fn mark_default(signer: &Pubkey, f: &FacilityRef, deal: &DealRef) -> Instruction {
    build(
        acc::MarkDefault {
            signer: *signer,
            facility: f.facility,
            deal: deal.deal,
        },
        ix::MarkDefault {},
    )
}

pub fn attest(
    attestor: &Pubkey,
    f: &FacilityRef,
    book: &Pubkey,
    kind: AttestationKind,
    hash: [u8; 32],
) -> Instruction {
    build(
        acc::Attest {
            attestor: *attestor,
            facility: f.facility,
            book: *book,
        },
        ix::Attest { kind, hash },
    )
}

// ---- beacon ----------------------------------------------------------------------------

/// Creates book `book_id` (the facility's `next_book_id`).
pub fn create_book(beacon: &Pubkey, f: &FacilityRef, book_id: u64) -> Instruction {
    build(
        acc::CreateBook {
            beacon: *beacon,
            facility: f.facility,
            book: f.book(book_id),
            book_vault: f.book_vault(book_id),
            deposit_mint: f.deposit_mint,
            deposit_token_program: f.deposit_token_program,
            system_program: SYSTEM,
        },
        ix::CreateBook {},
    )
}

/// The compute budget a strike's transaction asks for: the deal, its Token-2022 mint
/// with metadata and five fields and the hook's accounts (`claim`), the Prime's
/// associated account and the delivery, with headroom (see BENCHMARKS.md).
pub const CLAIM_COMPUTE_UNITS: u32 = 250_000;

/// `ComputeBudget::SetComputeUnitLimit(units)`.
pub fn compute_unit_limit(units: u32) -> Instruction {
    let mut data = vec![2u8];
    data.extend_from_slice(&units.to_le_bytes());
    Instruction {
        program_id: anchor_lang::prelude::pubkey!("ComputeBudget111111111111111111111111111111"),
        accounts: vec![],
        data,
    }
}

/// The strike as a beacon sends it, in one transaction: the compute budget, `claim`
/// (index 1), the Prime's associated NFT account (idempotent, paid by the beacon), then
/// `deliver_nft`. Atomic: the Prime holds the NFT when the transaction lands.
pub fn claim_transaction(
    beacon: &Pubkey,
    f: &FacilityRef,
    prime: &Pubkey,
    deal: &DealRef,
    terms: Terms,
) -> Vec<Instruction> {
    vec![
        compute_unit_limit(CLAIM_COMPUTE_UNITS),
        claim(beacon, f, prime, deal, terms),
        create_nft_account(beacon, prime, &deal.nft_mint),
        deliver_nft(f, deal, prime),
    ]
}

/// Mints `deal`'s NFT to `depositor`'s (the deal's Prime) associated account, which must
/// exist; anyone may send it, once per deal.
pub fn deliver_nft(f: &FacilityRef, deal: &DealRef, depositor: &Pubkey) -> Instruction {
    build(
        acc::DeliverNft {
            facility: f.facility,
            deal: deal.deal,
            nft_mint: deal.nft_mint,
            depositor: *depositor,
            depositor_nft_account: nft_account(depositor, &deal.nft_mint),
            nft_token_program: TOKEN_2022,
        },
        ix::DeliverNft {},
    )
}

/// Strikes deal `deal.deal_id` (the facility's `next_deal_id`) for `prime` into `deal.book`.
pub fn claim(
    beacon: &Pubkey,
    f: &FacilityRef,
    prime: &Pubkey,
    deal: &DealRef,
    terms: Terms,
) -> Instruction {
    let book_vault = pda::nfat_book_vault(&deal.book, &f.deposit_mint);
    build(
        acc::ClaimDeal {
            beacon: *beacon,
            facility: f.facility,
            prime: *prime,
            approved_prime: f.approval_of(prime),
            deposit: f.deposit_of(prime),
            book: deal.book,
            queue_vault: f.queue_vault,
            book_vault,
            deposit_mint: f.deposit_mint,
            deal: deal.deal,
            nft_mint: deal.nft_mint,
            extra_account_meta_list: pda::nfat_extra_account_metas(&deal.nft_mint),
            deposit_token_program: f.deposit_token_program,
            nft_token_program: TOKEN_2022,
            hook_program: halo_nfat_hook::ID,
            system_program: SYSTEM,
        },
        ix::Claim {
            amount: terms.principal,
            terms,
        },
    )
}

pub fn move_book(beacon: &Pubkey, f: &FacilityRef, book: &Pubkey, to: BookStatus) -> Instruction {
    build(
        acc::MoveBook {
            beacon: *beacon,
            facility: f.facility,
            book: *book,
        },
        ix::MoveBook { to },
    )
}

pub fn deploy(beacon: &Pubkey, f: &FacilityRef, book: &Pubkey, amount: u64) -> Instruction {
    build(
        acc::Deploy {
            beacon: *beacon,
            facility: f.facility,
            book: *book,
            book_vault: pda::nfat_book_vault(book, &f.deposit_mint),
            deposit_mint: f.deposit_mint,
            pau: f.pau(f.deploy_rate_limit),
            endpoint: f.endpoint,
            deposit_token_program: f.deposit_token_program,
        },
        ix::Deploy { amount },
    )
}

pub fn return_funds(beacon: &Pubkey, f: &FacilityRef, book: &Pubkey, amount: u64) -> Instruction {
    build(
        acc::ReturnFunds {
            beacon: *beacon,
            facility: f.facility,
            book: *book,
            redeem_vault: f.redeem_vault,
            deposit_mint: f.deposit_mint,
            pau: f.pau(f.return_rate_limit),
            deposit_token_program: f.deposit_token_program,
        },
        ix::ReturnFunds { amount },
    )
}

pub fn release(beacon: &Pubkey, f: &FacilityRef, book: &Pubkey, amount: u64) -> Instruction {
    build(
        acc::Release {
            beacon: *beacon,
            facility: f.facility,
            book: *book,
            book_vault: pda::nfat_book_vault(book, &f.deposit_mint),
            redeem_vault: f.redeem_vault,
            deposit_mint: f.deposit_mint,
            deposit_token_program: f.deposit_token_program,
        },
        ix::Release { amount },
    )
}

pub fn fund(beacon: &Pubkey, f: &FacilityRef, deal: &DealRef, add: Amounts) -> Instruction {
    build(
        acc::Fund {
            beacon: *beacon,
            facility: f.facility,
            book: deal.book,
            deal: deal.deal,
        },
        ix::Fund {
            principal: add.principal,
            interest: add.interest,
            penalty: add.penalty,
        },
    )
}

// ---- Primes, holders, anyone -----------------------------------------------------------

/// `prime` queues `amount` from `prime_token` (its deposit-mint account).
pub fn deposit(prime: &Pubkey, f: &FacilityRef, prime_token: &Pubkey, amount: u64) -> Instruction {
    build(
        acc::Deposit {
            prime: *prime,
            facility: f.facility,
            approved_prime: f.approval_of(prime),
            deposit: f.deposit_of(prime),
            prime_token: *prime_token,
            queue_vault: f.queue_vault,
            deposit_mint: f.deposit_mint,
            deposit_token_program: f.deposit_token_program,
            system_program: SYSTEM,
        },
        ix::Deposit { amount },
    )
}

pub fn withdraw(prime: &Pubkey, f: &FacilityRef, prime_token: &Pubkey, amount: u64) -> Instruction {
    build(
        acc::Withdraw {
            prime: *prime,
            facility: f.facility,
            deposit: f.deposit_of(prime),
            prime_token: *prime_token,
            queue_vault: f.queue_vault,
            deposit_mint: f.deposit_mint,
            deposit_token_program: f.deposit_token_program,
        },
        ix::Withdraw { amount },
    )
}

/// `holder` redeems up to `max` from `deal`, proving the NFT by `holder_nft_account`,
/// paid into `holder_token`.
pub fn redeem(
    holder: &Pubkey,
    f: &FacilityRef,
    deal: &DealRef,
    holder_nft_account: &Pubkey,
    holder_token: &Pubkey,
    max: u64,
) -> Instruction {
    build(
        acc::Redeem {
            holder: *holder,
            holder_nft_account: *holder_nft_account,
            holder_token: *holder_token,
            facility: f.facility,
            deal: deal.deal,
            nft_mint: deal.nft_mint,
            redeem_vault: f.redeem_vault,
            deposit_mint: f.deposit_mint,
            deposit_token_program: f.deposit_token_program,
            nft_token_program: TOKEN_2022,
        },
        ix::Redeem { max },
    )
}

pub fn pay(
    payer: &Pubkey,
    f: &FacilityRef,
    deal: &DealRef,
    payer_token: &Pubkey,
    add: Amounts,
) -> Instruction {
    build(
        acc::Pay {
            payer: *payer,
            payer_token: *payer_token,
            facility: f.facility,
            deal: deal.deal,
            redeem_vault: f.redeem_vault,
            deposit_mint: f.deposit_mint,
            deposit_token_program: f.deposit_token_program,
        },
        ix::Pay {
            principal: add.principal,
            interest: add.interest,
            penalty: add.penalty,
        },
    )
}

pub fn deal_view(f: &FacilityRef, deal: &DealRef) -> Instruction {
    build(
        acc::ViewDeal {
            facility: f.facility,
            deal: deal.deal,
        },
        ix::DealView {},
    )
}

/// A plain wallet transfer of a deal NFT (Token-2022 `transfer_checked`, decimals 0) from
/// `owner`'s account to `to_owner`'s associated account, with the transfer hook's extra
/// accounts (the mint's validation account, the facility, `halo_nfat`, the receiver's
/// allow-list entry, the hook program), as a wallet resolves them.
pub fn transfer_nft(
    owner: &Pubkey,
    f: &FacilityRef,
    nft_mint: &Pubkey,
    to_owner: &Pubkey,
) -> Instruction {
    let mut ix = anchor_spl::token_2022::spl_token_2022::instruction::transfer_checked(
        &TOKEN_2022,
        &nft_account(owner, nft_mint),
        nft_mint,
        &nft_account(to_owner, nft_mint),
        owner,
        &[],
        1,
        0,
    )
    .expect("a transfer_checked instruction");
    ix.accounts.extend([
        AccountMeta::new_readonly(f.facility, false),
        AccountMeta::new_readonly(halo_nfat::ID, false),
        AccountMeta::new_readonly(f.holder_entry(to_owner), false),
        AccountMeta::new_readonly(halo_nfat_hook::ID, false),
        AccountMeta::new_readonly(pda::nfat_extra_account_metas(nft_mint), false),
    ]);
    ix
}

/// Creates `owner`'s associated account for a deal NFT (paid by `payer`).
pub fn create_nft_account(payer: &Pubkey, owner: &Pubkey, nft_mint: &Pubkey) -> Instruction {
    Instruction {
        program_id: ATA_PROGRAM,
        accounts: vec![
            AccountMeta::new(*payer, true),
            AccountMeta::new(nft_account(owner, nft_mint), false),
            AccountMeta::new_readonly(*owner, false),
            AccountMeta::new_readonly(*nft_mint, false),
            AccountMeta::new_readonly(SYSTEM, false),
            AccountMeta::new_readonly(TOKEN_2022, false),
        ],
        data: vec![1], // CreateIdempotent
    }
}

/// What `deal` owes and what its holder can redeem at `now` (the same maths as the
/// on-chain `deal_view`).
pub fn standing(facility: &Facility, deal: &Deal, now: i64) -> Option<Standing> {
    deal.ledger
        .standing(&deal.terms, now, facility.buybox.late_penalty_bps_per_day)
        .ok()
}

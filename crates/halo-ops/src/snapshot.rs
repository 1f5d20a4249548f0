//! One read of a chain: every account the Halo programs own, decoded, and the balance of
//! every token account they name (vaults and PAU custody). `status` and `check` are pure
//! functions of a snapshot, so the same numbers come out of the embedded chain and of a
//! cluster over JSON-RPC.
use std::collections::BTreeMap;

use anchor_lang::prelude::Pubkey;
use anchor_lang::{AccountDeserialize, Discriminator};
use halo_sdk::ledger::{token_balance, Ledger, RawAccount};

/// A decoded account and where it lives.
#[derive(Clone, Debug)]
pub struct Entry<T> {
    pub address: Pubkey,
    pub lamports: u64,
    pub state: T,
}

/// An account a Halo program owns that decodes as none of its types (or whose
/// discriminator matches and whose bytes do not): `check` reports each.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Undecodable {
    pub address: Pubkey,
    pub program: Pubkey,
    pub why: String,
}

/// Every Halo account on a chain at one moment.
#[derive(Clone, Debug, Default)]
pub struct Snapshot {
    /// The chain's unix time when it was read.
    pub now: i64,
    pub configurators: Vec<Entry<halo_pau::state::Configurator>>,
    pub controllers: Vec<Entry<halo_pau::state::Controller>>,
    pub rate_limits: Vec<Entry<halo_pau::state::RateLimit>>,
    pub integrations: Vec<Entry<halo_pau::state::Integration>>,
    pub ops: Vec<Entry<halo_pau::state::TimelockOp>>,
    pub feeds: Vec<Entry<halo_oracle::state::Feed>>,
    pub trading_classes: Vec<Entry<halo_trading::state::TradingClass>>,
    pub pools: Vec<Entry<halo_trading::state::Pool>>,
    pub lp_positions: Vec<Entry<halo_trading::state::LpPosition>>,
    pub redemptions: Vec<Entry<halo_trading::state::Redemption>>,
    pub withdraw_generations: Vec<Entry<halo_trading::state::WithdrawGeneration>>,
    pub lcts_classes: Vec<Entry<halo_lcts::state::LctsClass>>,
    pub units: Vec<Entry<halo_lcts::state::LctsUnit>>,
    pub queues: Vec<Entry<halo_lcts::state::Queue>>,
    pub positions: Vec<Entry<halo_lcts::state::Position>>,
    pub finalized: Vec<Entry<halo_lcts::state::FinalizedGeneration>>,
    pub facilities: Vec<Entry<halo_nfat::state::Facility>>,
    pub books: Vec<Entry<halo_nfat::state::Book>>,
    pub deals: Vec<Entry<halo_nfat::state::Deal>>,
    pub queue_deposits: Vec<Entry<halo_nfat::state::QueueDeposit>>,
    /// Accounts of other types the checks do not read (approvals, holder entries, quote
    /// receipts, removals, GovOps memberships, ...), by type name.
    pub others: BTreeMap<&'static str, u64>,
    pub undecodable: Vec<Undecodable>,
    /// Balance of every token account the accounts above name (`None`: no such token
    /// account).
    pub balances: BTreeMap<Pubkey, Option<u64>>,
    /// Each PAU's custody token accounts (the ALM proxy's ATA of every route's mint).
    pub custody: BTreeMap<Pubkey, Vec<Custody>>,
    /// sha256 of each finalized generation's bytes (a finalized generation never changes).
    pub finalized_hashes: BTreeMap<Pubkey, [u8; 32]>,
    /// Decimals of every mint a PAU route moves (SPL Token and Token-2022 keep them at the
    /// same offset).
    pub decimals: BTreeMap<Pubkey, u8>,
}

/// One custody account of a PAU.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Custody {
    pub mint: Pubkey,
    pub account: Pubkey,
    pub balance: u64,
}

/// Decodes `data` as `T` into `list` if its discriminator is `T`'s. `Ok(true)` when it
/// was `T`'s; `Err` when it was and the bytes do not decode.
fn route<T: AccountDeserialize + Discriminator>(
    address: &Pubkey,
    account: &RawAccount,
    list: &mut Vec<Entry<T>>,
) -> Result<bool, String> {
    if !account.data.starts_with(T::DISCRIMINATOR) {
        return Ok(false);
    }
    let state = T::try_deserialize(&mut &account.data[..]).map_err(|e| e.to_string())?;
    list.push(Entry {
        address: *address,
        lamports: account.lamports,
        state,
    });
    Ok(true)
}

/// Counts `data` under `name` if its discriminator is `T`'s.
fn count<T: Discriminator>(
    name: &'static str,
    account: &RawAccount,
    others: &mut BTreeMap<&'static str, u64>,
) -> bool {
    if account.data.starts_with(T::DISCRIMINATOR) {
        *others.entry(name).or_default() += 1;
        return true;
    }
    false
}

impl Snapshot {
    /// Reads every account of the five Halo programs (the NFT hook holds no money), then
    /// the token accounts they name.
    pub async fn take<L: Ledger>(ledger: &mut L) -> Result<Snapshot, String> {
        let mut s = Snapshot {
            now: ledger.now().await,
            ..Snapshot::default()
        };
        for program in [
            halo_pau::ID,
            halo_oracle::ID,
            halo_trading::ID,
            halo_lcts::ID,
            halo_nfat::ID,
        ] {
            for (address, account) in ledger.program_accounts(&program).await? {
                s.add(program, address, &account);
            }
        }
        for vault in s.named_token_accounts() {
            let balance = ledger
                .raw_account(&vault)
                .await
                .and_then(|a| token_balance(&a.data));
            s.balances.insert(vault, balance);
        }
        let mut custody = BTreeMap::new();
        for c in &s.controllers {
            let proxy = halo_sdk::pda::proxy(&c.address);
            let mut mints: Vec<Pubkey> = s
                .rate_limits
                .iter()
                .filter(|r| r.state.controller == c.address)
                .map(|r| r.state.mint)
                .collect();
            mints.sort();
            mints.dedup();
            let mut held = Vec::new();
            for mint in mints {
                let Some(m) = ledger.raw_account(&mint).await else {
                    continue;
                };
                if let Some(d) = m.data.get(44) {
                    s.decimals.insert(mint, *d);
                }
                let account = halo_sdk::ata(&proxy, &mint, &m.owner);
                if let Some(balance) = ledger
                    .raw_account(&account)
                    .await
                    .and_then(|a| token_balance(&a.data))
                {
                    held.push(Custody {
                        mint,
                        account,
                        balance,
                    });
                }
            }
            custody.insert(c.address, held);
        }
        s.custody = custody;
        Ok(s)
    }

    /// Files one account under its type.
    pub fn add(&mut self, program: Pubkey, address: Pubkey, account: &RawAccount) {
        use halo_lcts::state as l;
        use halo_nfat::state as n;
        use halo_oracle::state as o;
        use halo_pau::state as p;
        use halo_trading::state as t;
        let a = account;
        let routed: Result<bool, String> = (|| {
            Ok(if program == halo_pau::ID {
                route::<p::Configurator>(&address, a, &mut self.configurators)?
                    || route::<p::Controller>(&address, a, &mut self.controllers)?
                    || route::<p::RateLimit>(&address, a, &mut self.rate_limits)?
                    || route::<p::Integration>(&address, a, &mut self.integrations)?
                    || route::<p::TimelockOp>(&address, a, &mut self.ops)?
                    || count::<p::InitRateLimit>("pau InitRateLimit", a, &mut self.others)
                    || count::<p::GovOpsMembership>("pau GovOpsMembership", a, &mut self.others)
                    || count::<p::Removal>("pau Removal", a, &mut self.others)
            } else if program == halo_oracle::ID {
                route::<o::Feed>(&address, a, &mut self.feeds)?
            } else if program == halo_trading::ID {
                route::<t::TradingClass>(&address, a, &mut self.trading_classes)?
                    || route::<t::Pool>(&address, a, &mut self.pools)?
                    || route::<t::LpPosition>(&address, a, &mut self.lp_positions)?
                    || route::<t::Redemption>(&address, a, &mut self.redemptions)?
                    || route::<t::WithdrawGeneration>(&address, a, &mut self.withdraw_generations)?
                    || count::<t::Book>("trading Book", a, &mut self.others)
                    || count::<t::QuoteReceipt>("trading QuoteReceipt", a, &mut self.others)
            } else if program == halo_lcts::ID {
                let finalized = route::<l::FinalizedGeneration>(&address, a, &mut self.finalized)?;
                if finalized {
                    use sha2::Digest;
                    self.finalized_hashes
                        .insert(address, sha2::Sha256::digest(&a.data).into());
                }
                finalized
                    || route::<l::LctsClass>(&address, a, &mut self.lcts_classes)?
                    || route::<l::LctsUnit>(&address, a, &mut self.units)?
                    || route::<l::Queue>(&address, a, &mut self.queues)?
                    || route::<l::Position>(&address, a, &mut self.positions)?
            } else if program == halo_nfat::ID {
                route::<n::Facility>(&address, a, &mut self.facilities)?
                    || route::<n::Book>(&address, a, &mut self.books)?
                    || route::<n::Deal>(&address, a, &mut self.deals)?
                    || route::<n::QueueDeposit>(&address, a, &mut self.queue_deposits)?
                    || count::<n::ApprovedPrime>("nfat ApprovedPrime", a, &mut self.others)
                    || count::<n::HolderEntry>("nfat HolderEntry", a, &mut self.others)
            } else {
                false
            })
        })();
        match routed {
            Ok(true) => {}
            Ok(false) => self.undecodable.push(Undecodable {
                address,
                program,
                why: "no account type of this program has its discriminator".into(),
            }),
            Err(why) => self.undecodable.push(Undecodable {
                address,
                program,
                why,
            }),
        }
    }

    /// Every token account a Halo account names as its vault.
    pub fn named_token_accounts(&self) -> Vec<Pubkey> {
        let mut out = Vec::new();
        for p in &self.pools {
            out.extend([p.state.asset_vault, p.state.quote_vault]);
        }
        for q in &self.queues {
            out.extend([q.state.underlying_vault, q.state.reward_vault]);
        }
        for f in &self.facilities {
            out.extend([f.state.queue_vault, f.state.redeem_vault]);
        }
        for b in &self.books {
            out.push(b.state.vault);
        }
        out.sort();
        out.dedup();
        out
    }

    /// The balance of token account `a`, if the snapshot read it and it exists.
    pub fn balance(&self, a: &Pubkey) -> Option<u64> {
        self.balances.get(a).copied().flatten()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use anchor_lang::Space;

    /// An account of type `T` as its program would hold a zeroed one.
    fn zeroed<T: Discriminator + Space>(owner: Pubkey) -> RawAccount {
        let mut data = T::DISCRIMINATOR.to_vec();
        data.resize(T::DISCRIMINATOR.len() + T::INIT_SPACE, 0);
        RawAccount {
            lamports: 1,
            owner,
            data,
        }
    }

    /// Every account type of every program is filed under its type; none is "undecodable".
    #[test]
    fn every_account_type_of_every_program_is_routed() {
        use halo_lcts::state as l;
        use halo_nfat::state as n;
        use halo_oracle::state as o;
        use halo_pau::state as p;
        use halo_trading::state as t;
        let mut s = Snapshot::default();
        macro_rules! add {
            ($program:expr, $($ty:ty),+) => {$(
                s.add($program, Pubkey::new_unique(), &zeroed::<$ty>($program));
            )+};
        }
        add!(
            halo_pau::ID,
            p::Configurator,
            p::Controller,
            p::RateLimit,
            p::Integration,
            p::TimelockOp,
            p::InitRateLimit,
            p::GovOpsMembership,
            p::Removal
        );
        add!(halo_oracle::ID, o::Feed);
        add!(
            halo_trading::ID,
            t::TradingClass,
            t::Pool,
            t::LpPosition,
            t::Redemption,
            t::WithdrawGeneration,
            t::Book,
            t::QuoteReceipt
        );
        add!(
            halo_lcts::ID,
            l::LctsClass,
            l::LctsUnit,
            l::Queue,
            l::Position,
            l::FinalizedGeneration
        );
        add!(
            halo_nfat::ID,
            n::Facility,
            n::Book,
            n::Deal,
            n::QueueDeposit,
            n::ApprovedPrime,
            n::HolderEntry
        );
        assert!(s.undecodable.is_empty(), "{:?}", s.undecodable);
        let typed = s.configurators.len()
            + s.controllers.len()
            + s.rate_limits.len()
            + s.integrations.len()
            + s.ops.len()
            + s.feeds.len()
            + s.trading_classes.len()
            + s.pools.len()
            + s.lp_positions.len()
            + s.redemptions.len()
            + s.withdraw_generations.len()
            + s.lcts_classes.len()
            + s.units.len()
            + s.queues.len()
            + s.positions.len()
            + s.finalized.len()
            + s.facilities.len()
            + s.books.len()
            + s.deals.len()
            + s.queue_deposits.len();
        assert_eq!(typed, 20);
        assert_eq!(s.others.values().sum::<u64>(), 7, "{:?}", s.others);
        assert_eq!(s.finalized_hashes.len(), 1);
    }

    #[test]
    fn a_known_discriminator_with_bytes_that_do_not_decode_is_undecodable() {
        let mut s = Snapshot::default();
        let mut bad = zeroed::<halo_trading::state::Pool>(halo_trading::ID);
        bad.data.truncate(20);
        let at = Pubkey::new_unique();
        s.add(halo_trading::ID, at, &bad);
        // a Pool's discriminator under another program is not a Pool of that program
        s.add(
            halo_pau::ID,
            Pubkey::new_unique(),
            &zeroed::<halo_trading::state::Pool>(halo_pau::ID),
        );
        assert!(s.pools.is_empty());
        assert_eq!(s.undecodable.len(), 2);
        assert_eq!(s.undecodable[0].address, at);
        assert!(!s.undecodable[0].why.is_empty());
        assert!(
            s.undecodable[1].why.contains("no account type"),
            "{}",
            s.undecodable[1].why
        );
    }
}

//! The embedded chain: a `ProgramTestContext` implementing `halo_sdk::ledger::Ledger`,
//! plus snapshots for "nothing changed" assertions.
use std::collections::{BTreeSet, HashSet};

use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::{
    account_info::AccountInfo, entrypoint::ProgramResult, instruction::Instruction,
};
use halo_sdk::ledger::{Keypair, Ledger, RawAccount, Receipt, Refusal, Signer, TxRecord};
use solana_account::Account;
use solana_program_test::{processor, ProgramTest, ProgramTestContext};
use solana_transaction::Transaction;
use solana_transaction_error::TransactionError;

/// Anchor's `entry` ties every lifetime to one `'info`; `processor!` wants the
/// higher-ranked form. The transmute only shortens lifetimes.
macro_rules! entry {
    ($name:ident, $program:ident) => {
        fn $name(program_id: &Pubkey, accounts: &[AccountInfo], data: &[u8]) -> ProgramResult {
            let accounts: &[AccountInfo] = unsafe { std::mem::transmute(accounts) };
            $program::entry(program_id, accounts, data)
        }
    };
}
entry!(halo_pau_entry, halo_pau);
entry!(halo_oracle_entry, halo_oracle);
entry!(halo_trading_entry, halo_trading);
entry!(halo_lcts_entry, halo_lcts);
entry!(halo_nfat_entry, halo_nfat);
entry!(halo_nfat_hook_entry, halo_nfat_hook);

/// Old names kept for the tests' readability.
pub type TxFailure = Refusal;
pub type TxOk = Receipt;

/// Where every chain's clock starts: Monday 2027-01-04 09:00:00 UTC. A fixed start (not
/// the wall clock) keeps tests and scenarios that count daily windows, month ends or
/// due dates the same whatever the hour they run at.
pub const GENESIS_TIME: i64 = 1_799_053_200;

pub struct Chain {
    pub ctx: ProgramTestContext,
    seen: HashSet<Vec<u8>>,
    /// Every address a transaction named or `set_account` wrote: program-test cannot scan
    /// its accounts, and every account a program creates is named by the transaction that
    /// creates it, so this is where `program_accounts` looks.
    touched: BTreeSet<Pubkey>,
    /// Time set by `set_time`, re-applied before each transaction.
    pinned_time: Option<i64>,
    /// Every landed transaction (succeeded, or failed in an instruction), with the
    /// addresses it named (programs included), for `Ledger::history`.
    landed: Vec<(BTreeSet<Pubkey>, TxRecord)>,
}

fn custom_code(e: &TransactionError) -> Option<u32> {
    use solana_instruction_error::InstructionError;
    match e {
        TransactionError::InstructionError(_, InstructionError::Custom(c)) => Some(*c),
        _ => None,
    }
}

impl Chain {
    /// Boots the chain with every Halo program (native) and the SPL programs (SBF).
    pub async fn new() -> Self {
        let mut pt = ProgramTest::new("halo_pau", halo_pau::ID, processor!(halo_pau_entry));
        pt.prefer_bpf(false);
        pt.add_program(
            "halo_oracle",
            halo_oracle::ID,
            processor!(halo_oracle_entry),
        );
        pt.add_program(
            "halo_trading",
            halo_trading::ID,
            processor!(halo_trading_entry),
        );
        pt.add_program("halo_lcts", halo_lcts::ID, processor!(halo_lcts_entry));
        pt.add_program("halo_nfat", halo_nfat::ID, processor!(halo_nfat_entry));
        pt.add_program(
            "halo_nfat_hook",
            halo_nfat_hook::ID,
            processor!(halo_nfat_hook_entry),
        );
        let ctx = pt.start_with_context().await;
        crate::native_events::install();
        let mut chain = Self {
            ctx,
            seen: HashSet::new(),
            touched: BTreeSet::new(),
            pinned_time: Some(GENESIS_TIME),
            landed: Vec::new(),
        };
        chain.reapply_time().await;
        chain
    }

    pub fn payer(&self) -> &Keypair {
        &self.ctx.payer
    }

    async fn clock(&mut self) -> anchor_lang::solana_program::clock::Clock {
        self.ctx
            .banks_client
            .get_sysvar::<anchor_lang::solana_program::clock::Clock>()
            .await
            .expect("clock")
    }

    /// Every transaction lands in a slot of its own (as a user's transactions sent one
    /// after another would), so per-slot rules see distinct slots; the time stays pinned.
    async fn next_slot(&mut self) {
        let mut c = self.clock().await;
        c.slot = c.slot.saturating_add(1);
        if let Some(t) = self.pinned_time {
            c.unix_timestamp = t;
        }
        self.ctx.set_sysvar(&c);
    }

    async fn reapply_time(&mut self) {
        if let Some(t) = self.pinned_time {
            let mut c = self.clock().await;
            if c.unix_timestamp != t {
                c.unix_timestamp = t;
                self.ctx.set_sysvar(&c);
            }
        }
    }
}

impl Ledger for Chain {
    fn payer_key(&self) -> Pubkey {
        self.ctx.payer.pubkey()
    }

    async fn send(
        &mut self,
        ixs: &[Instruction],
        signers: &[&Keypair],
    ) -> Result<Receipt, Refusal> {
        self.next_slot().await;
        self.touched.extend(
            ixs.iter()
                .flat_map(|ix| ix.accounts.iter().map(|m| m.pubkey)),
        );
        let payer = self.ctx.payer.insecure_clone();
        let mut all: Vec<&Keypair> = vec![&payer];
        all.extend(
            signers
                .iter()
                .copied()
                .filter(|k| k.pubkey() != payer.pubkey()),
        );
        let mut blockhash = self.ctx.last_blockhash;
        let mut tx =
            Transaction::new_signed_with_payer(ixs, Some(&payer.pubkey()), &all, blockhash);
        // An identical transaction would be rejected as already processed: take a new blockhash.
        while self.seen.contains(tx.signatures[0].as_ref()) {
            blockhash = self
                .ctx
                .get_new_latest_blockhash()
                .await
                .expect("new blockhash");
            tx = Transaction::new_signed_with_payer(ixs, Some(&payer.pubkey()), &all, blockhash);
        }
        self.ctx.last_blockhash = blockhash;
        self.seen.insert(tx.signatures[0].as_ref().to_vec());
        let mut signature = tx.signatures[0].to_string();
        let size = halo_sdk::ledger::legacy_transaction_size(&payer.pubkey(), ixs);
        let mut res = self
            .ctx
            .banks_client
            .process_transaction_with_metadata(tx)
            .await
            .expect("banks client transport");
        // Long runs (hundreds of transactions between warps) can age the cached blockhash
        // out of the queue: take a fresh one and send again.
        if matches!(res.result, Err(TransactionError::BlockhashNotFound)) {
            blockhash = self
                .ctx
                .get_new_latest_blockhash()
                .await
                .expect("new blockhash");
            self.ctx.last_blockhash = blockhash;
            let tx =
                Transaction::new_signed_with_payer(ixs, Some(&payer.pubkey()), &all, blockhash);
            self.seen.insert(tx.signatures[0].as_ref().to_vec());
            signature = tx.signatures[0].to_string();
            res = self
                .ctx
                .banks_client
                .process_transaction_with_metadata(tx)
                .await
                .expect("banks client transport");
        }
        let (logs, compute_units, return_data) = res
            .metadata
            .map(|m| {
                let data = m.return_data.map(|r| r.data).unwrap_or_default();
                (
                    crate::native_events::restore(m.log_messages),
                    m.compute_units_consumed,
                    data,
                )
            })
            .unwrap_or_default();
        if matches!(
            res.result,
            Ok(()) | Err(TransactionError::InstructionError(..))
        ) {
            let clock = self.clock().await;
            let named = ixs
                .iter()
                .flat_map(|ix| {
                    std::iter::once(ix.program_id).chain(ix.accounts.iter().map(|m| m.pubkey))
                })
                .collect();
            let record = TxRecord {
                signature,
                slot: clock.slot,
                time: Some(clock.unix_timestamp),
                error: res.result.as_ref().err().map(|e| format!("{e:?}")),
                code: res.result.as_ref().err().and_then(custom_code),
                logs: logs.clone(),
                missing: false,
            };
            self.landed.push((named, record));
        }
        match res.result {
            Ok(()) => Ok(Receipt {
                logs,
                compute_units,
                size,
                return_data,
            }),
            Err(error) => Err(Refusal {
                code: custom_code(&error),
                error: format!("{error:?}"),
                logs,
            }),
        }
    }

    async fn now(&mut self) -> i64 {
        self.reapply_time().await;
        self.clock().await.unix_timestamp
    }

    async fn set_time(&mut self, unix_timestamp: i64) {
        self.pinned_time = Some(unix_timestamp);
        self.reapply_time().await;
    }

    async fn raw_account(&mut self, address: &Pubkey) -> Option<RawAccount> {
        let a: Account = self
            .ctx
            .banks_client
            .get_account(*address)
            .await
            .expect("get_account")?;
        Some(RawAccount {
            lamports: a.lamports,
            owner: a.owner,
            data: a.data,
        })
    }

    async fn rent(&mut self, space: usize) -> u64 {
        self.ctx
            .banks_client
            .get_rent()
            .await
            .expect("rent")
            .minimum_balance(space)
    }

    async fn program_accounts(
        &mut self,
        program: &Pubkey,
    ) -> Result<Vec<(Pubkey, RawAccount)>, String> {
        let mut out = Vec::new();
        for address in self.touched.clone() {
            if let Some(a) = self.raw_account(&address).await {
                if a.owner == *program {
                    out.push((address, a));
                }
            }
        }
        Ok(out)
    }

    async fn history(
        &mut self,
        programs: &[Pubkey],
        limit: usize,
    ) -> Result<Vec<TxRecord>, String> {
        let mut out: Vec<TxRecord> = self
            .landed
            .iter()
            .rev()
            .filter(|(named, _)| programs.iter().any(|p| named.contains(p)))
            .take(limit)
            .map(|(_, r)| r.clone())
            .collect();
        out.reverse();
        Ok(out)
    }

    async fn set_account(&mut self, address: &Pubkey, account: RawAccount) {
        self.touched.insert(*address);
        self.ctx.set_account(
            address,
            &Account {
                lamports: account.lamports,
                data: account.data,
                owner: account.owner,
                executable: false,
                rent_epoch: 0,
            }
            .into(),
        );
    }
}

//! LiteSVM running the SBF builds of the Halo programs (`target/sbf/*.so`, from
//! `scripts/build-sbf`), behind `halo_sdk::ledger::Ledger`, so that the same scenarios and
//! instruction builders run on the real VM.
use std::path::PathBuf;

use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::{clock::Clock, instruction::Instruction};
use halo_sdk::ledger::{Keypair, Ledger, RawAccount, Receipt, Refusal, Signer};
use litesvm::LiteSVM;
use solana_transaction::Transaction;
use solana_transaction_error::TransactionError;

/// Where `scripts/build-sbf` puts the programs (override with HALO_SBF_DIR).
pub fn sbf_dir() -> PathBuf {
    std::env::var_os("HALO_SBF_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(
                std::env::var("CARGO_MANIFEST_DIR")
                    .unwrap_or_else(|_| env!("CARGO_MANIFEST_DIR").into()),
            )
            .join("../target/sbf")
        })
}

/// The Halo programs as (id, file name).
pub const PROGRAMS: &[(Pubkey, &str)] = &[
    (halo_pau::ID, "halo_pau.so"),
    (halo_oracle::ID, "halo_oracle.so"),
    (halo_trading::ID, "halo_trading.so"),
    (halo_lcts::ID, "halo_lcts.so"),
    (halo_nfat::ID, "halo_nfat.so"),
    (halo_nfat_hook::ID, "halo_nfat_hook.so"),
];

pub struct SbfLedger {
    pub svm: LiteSVM,
    payer: Keypair,
    /// Keys are derived from a counter, so every run creates the same addresses and
    /// measures the same PDA bump searches: the figures repeat run to run.
    next_key: u64,
}

/// The `n`-th deterministic key of a run.
fn key_number(n: u64) -> Keypair {
    let mut secret = [0x5au8; 32];
    secret[..8].copy_from_slice(&n.to_le_bytes());
    Keypair::new_from_array(secret)
}

impl SbfLedger {
    /// A VM with the SPL programs and every Halo `.so`; panics with a hint if one is missing.
    pub fn new() -> Self {
        let mut svm = LiteSVM::new();
        for (id, file) in PROGRAMS {
            let path = sbf_dir().join(file);
            assert!(
                path.exists(),
                "{} is missing: run scripts/build-sbf first",
                path.display()
            );
            svm.add_program_from_file(*id, &path)
                .unwrap_or_else(|e| panic!("loading {}: {e:?}", path.display()));
        }
        let payer = key_number(0);
        svm.airdrop(&payer.pubkey(), 100_000 * 1_000_000_000)
            .expect("airdrop");
        Self {
            svm,
            payer,
            next_key: 1,
        }
    }

    pub fn payer(&self) -> &Keypair {
        &self.payer
    }
}

impl Default for SbfLedger {
    fn default() -> Self {
        Self::new()
    }
}

fn custom_code(e: &TransactionError) -> Option<u32> {
    use solana_instruction_error::InstructionError;
    match e {
        TransactionError::InstructionError(_, InstructionError::Custom(c)) => Some(*c),
        _ => None,
    }
}

impl Ledger for SbfLedger {
    fn payer_key(&self) -> Pubkey {
        self.payer.pubkey()
    }

    fn new_keypair(&mut self) -> Keypair {
        let k = key_number(self.next_key);
        self.next_key = self.next_key.saturating_add(1);
        k
    }

    async fn send(
        &mut self,
        ixs: &[Instruction],
        signers: &[&Keypair],
    ) -> Result<Receipt, Refusal> {
        let mut all: Vec<&Keypair> = vec![&self.payer];
        all.extend(
            signers
                .iter()
                .copied()
                .filter(|k| k.pubkey() != self.payer.pubkey()),
        );
        // a fresh blockhash per transaction: identical transactions stay distinct; and a
        // slot of its own, as for a user sending one transaction after another
        self.svm.expire_blockhash();
        let mut c = self.svm.get_sysvar::<Clock>();
        c.slot = c.slot.saturating_add(1);
        self.svm.set_sysvar::<Clock>(&c);
        let tx = Transaction::new_signed_with_payer(
            ixs,
            Some(&self.payer.pubkey()),
            &all,
            self.svm.latest_blockhash(),
        );
        let size = halo_sdk::ledger::legacy_transaction_size(&self.payer.pubkey(), ixs);
        match self.svm.send_transaction(tx) {
            Ok(m) => Ok(Receipt {
                logs: m.logs,
                compute_units: m.compute_units_consumed,
                size,
                return_data: m.return_data.data,
            }),
            Err(f) => Err(Refusal {
                code: custom_code(&f.err),
                error: format!("{:?}", f.err),
                logs: f.meta.logs,
            }),
        }
    }

    async fn now(&mut self) -> i64 {
        self.svm.get_sysvar::<Clock>().unix_timestamp
    }

    async fn set_time(&mut self, unix_timestamp: i64) {
        let mut c = self.svm.get_sysvar::<Clock>();
        c.unix_timestamp = unix_timestamp;
        self.svm.set_sysvar::<Clock>(&c);
    }

    async fn raw_account(&mut self, address: &Pubkey) -> Option<RawAccount> {
        self.svm.get_account(address).map(|a| RawAccount {
            lamports: a.lamports,
            owner: a.owner,
            data: a.data,
        })
    }

    async fn rent(&mut self, space: usize) -> u64 {
        self.svm.minimum_balance_for_rent_exemption(space)
    }

    async fn set_account(&mut self, address: &Pubkey, account: RawAccount) {
        self.svm
            .set_account(
                *address,
                solana_account::Account {
                    lamports: account.lamports,
                    data: account.data,
                    owner: account.owner,
                    executable: false,
                    rent_epoch: 0,
                },
            )
            .expect("set_account");
    }
}

/// Runs a future that never waits on I/O (every `SbfLedger` call completes at once).
pub fn block_on<F: std::future::Future>(f: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("runtime")
        .block_on(f)
}

//! The chain: a `ProgramTestContext` with helpers for transactions, time, tokens and
//! account snapshots.
use std::collections::HashSet;

use anchor_lang::{
    prelude::Pubkey,
    solana_program::{instruction::Instruction, program_pack::Pack, system_instruction},
    AccountDeserialize,
};
use solana_account::Account;
use solana_keypair::Keypair;
use solana_program_test::{processor, ProgramTest, ProgramTestContext};
use solana_signer::Signer;
use solana_transaction::Transaction;
use solana_transaction_error::TransactionError;
use spl_token_2022_interface::extension::ExtensionType;

use anchor_lang::solana_program::account_info::AccountInfo;
use anchor_lang::solana_program::entrypoint::ProgramResult;

/// Anchor's `entry` ties every lifetime to one `'info`; `processor!` wants the
/// higher-ranked form. The transmute only shortens lifetimes.
fn halo_pau_entry(program_id: &Pubkey, accounts: &[AccountInfo], data: &[u8]) -> ProgramResult {
    let accounts: &[AccountInfo] = unsafe { std::mem::transmute(accounts) };
    halo_pau::entry(program_id, accounts, data)
}

/// What kind of mint to create.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MintKind {
    /// Classic SPL Token.
    SplToken,
    /// Token-2022 with no extension.
    Token2022,
    /// Token-2022 with a transfer fee (`bps`, capped at `max_fee` per transfer).
    Token2022TransferFee { bps: u16, max_fee: u64 },
    /// Token-2022 with a permanent delegate (the payer): a mint custody must refuse.
    Token2022PermanentDelegate,
}

impl MintKind {
    pub fn token_program(self) -> Pubkey {
        match self {
            MintKind::SplToken => spl_token_interface::ID,
            _ => spl_token_2022_interface::ID,
        }
    }
}

/// A failed transaction: the runtime error and the program logs.
#[derive(Debug)]
pub struct TxFailure {
    pub error: TransactionError,
    pub logs: Vec<String>,
}

impl TxFailure {
    /// The custom error code, if the failure is `InstructionError::Custom(code)`.
    pub fn custom_code(&self) -> Option<u32> {
        use solana_instruction_error::InstructionError;
        match &self.error {
            TransactionError::InstructionError(_, InstructionError::Custom(c)) => Some(*c),
            _ => None,
        }
    }
}

/// A successful transaction: its logs and compute units (native programs report few).
#[derive(Debug)]
pub struct TxOk {
    pub logs: Vec<String>,
    pub compute_units: u64,
}

/// An account as raw bytes, for "nothing changed" assertions.
pub type Fingerprint = Vec<Option<(u64, Pubkey, Vec<u8>)>>;

pub struct Chain {
    pub ctx: ProgramTestContext,
    seen: HashSet<Vec<u8>>,
    /// Time set by `set_time`, re-applied before each transaction.
    pinned_time: Option<i64>,
}

impl Chain {
    /// Boots the chain with every Halo program (native) and the SPL programs (SBF).
    pub async fn new() -> Self {
        let mut pt = ProgramTest::new("halo_pau", halo_pau::ID, processor!(halo_pau_entry));
        pt.prefer_bpf(false);
        let ctx = pt.start_with_context().await;
        Self {
            ctx,
            seen: HashSet::new(),
            pinned_time: None,
        }
    }

    pub fn payer(&self) -> &Keypair {
        &self.ctx.payer
    }

    pub fn payer_key(&self) -> Pubkey {
        self.ctx.payer.pubkey()
    }

    /// Sends one transaction paid by the chain's payer; `signers` are the extra signers.
    pub async fn send(
        &mut self,
        ixs: &[Instruction],
        signers: &[&Keypair],
    ) -> Result<TxOk, TxFailure> {
        self.reapply_time().await;
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
        let res = self
            .ctx
            .banks_client
            .process_transaction_with_metadata(tx)
            .await
            .expect("banks client transport");
        let (logs, compute_units) = res
            .metadata
            .map(|m| (m.log_messages, m.compute_units_consumed))
            .unwrap_or_default();
        match res.result {
            Ok(()) => Ok(TxOk {
                logs,
                compute_units,
            }),
            Err(error) => Err(TxFailure { error, logs }),
        }
    }

    /// Sends and panics with the logs if the transaction fails.
    pub async fn must(&mut self, ixs: &[Instruction], signers: &[&Keypair]) -> TxOk {
        match self.send(ixs, signers).await {
            Ok(ok) => ok,
            Err(f) => panic!("transaction failed: {:?}\n{}", f.error, f.logs.join("\n")),
        }
    }

    async fn clock(&mut self) -> anchor_lang::solana_program::clock::Clock {
        self.ctx
            .banks_client
            .get_sysvar::<anchor_lang::solana_program::clock::Clock>()
            .await
            .expect("clock")
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

    /// The chain's unix time.
    pub async fn now(&mut self) -> i64 {
        self.reapply_time().await;
        self.clock().await.unix_timestamp
    }

    /// Sets the chain's unix time (the clock warp).
    pub async fn set_time(&mut self, unix_timestamp: i64) {
        self.pinned_time = Some(unix_timestamp);
        self.reapply_time().await;
    }

    /// Moves the chain's time forward (or back, with a negative value).
    pub async fn advance(&mut self, seconds: i64) {
        let now = self.now().await;
        self.set_time(now + seconds).await;
    }

    pub async fn raw_account(&mut self, address: &Pubkey) -> Option<Account> {
        self.ctx
            .banks_client
            .get_account(*address)
            .await
            .expect("get_account")
    }

    /// Decodes an Anchor account; panics if it is missing or of another type.
    pub async fn account<T: AccountDeserialize>(&mut self, address: &Pubkey) -> T {
        self.try_account(address)
            .await
            .unwrap_or_else(|| panic!("account {address} missing"))
    }

    pub async fn try_account<T: AccountDeserialize>(&mut self, address: &Pubkey) -> Option<T> {
        let a = self.raw_account(address).await?;
        Some(T::try_deserialize(&mut &a.data[..]).expect("decode account"))
    }

    /// Lamports, owner and data of each address, for "nothing changed" assertions.
    pub async fn fingerprint(&mut self, addresses: &[Pubkey]) -> Fingerprint {
        let mut out = Vec::with_capacity(addresses.len());
        for a in addresses {
            out.push(
                self.raw_account(a)
                    .await
                    .map(|acc| (acc.lamports, acc.owner, acc.data)),
            );
        }
        out
    }

    /// A new keypair holding `sol` SOL.
    pub async fn funded_keypair(&mut self, lamports: u64) -> Keypair {
        let k = Keypair::new();
        let payer = self.payer_key();
        self.must(
            &[system_instruction::transfer(&payer, &k.pubkey(), lamports)],
            &[],
        )
        .await;
        k
    }

    /// Creates a mint whose mint authority is the chain's payer.
    pub async fn create_mint(&mut self, kind: MintKind, decimals: u8) -> Pubkey {
        let mint = Keypair::new();
        let payer = self.payer_key();
        let program = kind.token_program();
        let mut ixs = Vec::new();
        let space = match kind {
            MintKind::SplToken => spl_token_interface::state::Mint::LEN,
            MintKind::Token2022 => spl_token_2022_interface::state::Mint::LEN,
            MintKind::Token2022TransferFee { .. } => {
                ExtensionType::try_calculate_account_len::<spl_token_2022_interface::state::Mint>(
                    &[ExtensionType::TransferFeeConfig],
                )
                .expect("mint len")
            }
            MintKind::Token2022PermanentDelegate => {
                ExtensionType::try_calculate_account_len::<spl_token_2022_interface::state::Mint>(
                    &[ExtensionType::PermanentDelegate],
                )
                .expect("mint len")
            }
        };
        let rent = self
            .ctx
            .banks_client
            .get_rent()
            .await
            .expect("rent")
            .minimum_balance(space);
        ixs.push(system_instruction::create_account(
            &payer,
            &mint.pubkey(),
            rent,
            space as u64,
            &program,
        ));
        match kind {
            MintKind::Token2022TransferFee { bps, max_fee } => ixs.push(
                spl_token_2022_interface::extension::transfer_fee::instruction::initialize_transfer_fee_config(
                    &program, &mint.pubkey(), Some(&payer), Some(&payer), bps, max_fee,
                )
                .expect("fee config"),
            ),
            MintKind::Token2022PermanentDelegate => ixs.push(
                spl_token_2022_interface::instruction::initialize_permanent_delegate(
                    &program,
                    &mint.pubkey(),
                    &payer,
                )
                .expect("permanent delegate"),
            ),
            _ => {}
        }
        ixs.push(
            spl_token_2022_interface::instruction::initialize_mint2(
                &program,
                &mint.pubkey(),
                &payer,
                None,
                decimals,
            )
            .expect("init mint"),
        );
        self.must(&ixs, &[&mint]).await;
        mint.pubkey()
    }

    /// Creates the associated token account of `owner` (any address, PDAs included).
    pub async fn create_ata(&mut self, owner: &Pubkey, mint: &Pubkey, program: &Pubkey) -> Pubkey {
        let payer = self.payer_key();
        self.must(
            &[spl_associated_token_account_interface::instruction::create_associated_token_account(
                &payer, owner, mint, program,
            )],
            &[],
        )
        .await;
        halo_sdk::ata(owner, mint, program)
    }

    /// Mints `amount` to a token account (the payer is every test mint's authority).
    pub async fn mint_to(&mut self, mint: &Pubkey, program: &Pubkey, to: &Pubkey, amount: u64) {
        let payer = self.payer_key();
        self.must(
            &[spl_token_2022_interface::instruction::mint_to(
                program,
                mint,
                to,
                &payer,
                &[],
                amount,
            )
            .expect("mint_to")],
            &[],
        )
        .await;
    }

    /// A token account's balance in base units.
    pub async fn balance(&mut self, token_account: &Pubkey) -> u64 {
        let a = self
            .raw_account(token_account)
            .await
            .unwrap_or_else(|| panic!("token account {token_account} missing"));
        use spl_token_2022_interface::extension::StateWithExtensions;
        StateWithExtensions::<spl_token_2022_interface::state::Account>::unpack(&a.data)
            .expect("token account")
            .base
            .amount
    }
}

impl TxFailure {
    /// "Name: message" of the program's refusal, or the runtime error.
    pub fn reason(&self) -> String {
        match self.custom_code() {
            Some(c) => halo_sdk::errors::describe(c),
            None => format!("{:?}", self.error),
        }
    }
}

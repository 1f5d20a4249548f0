//! `Ledger`: a chain that Halo code can drive, whatever runs it. Implemented by the
//! embedded program-test chain (`halo-harness`, programs native) and by LiteSVM over the
//! SBF builds (`bench/`), so one scenario runs unchanged on both and the results can be
//! compared. Its token helpers build their instructions here, once.
use anchor_lang::{prelude::Pubkey, solana_program::system_instruction, AccountDeserialize};
use anchor_spl::{
    associated_token::spl_associated_token_account as ata_interface,
    token_2022::spl_token_2022 as t22,
};
pub use solana_keypair::Keypair;
pub use solana_signer::Signer;
use t22::extension::{ExtensionType, StateWithExtensions};

use crate::Instruction;

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
    /// Token-2022 with a mint close authority (the payer): a mint custody must refuse.
    Token2022CloseAuthority,
    /// Token-2022 with an interest-bearing config (`rate_bps`, the payer its authority): a
    /// trading pool must refuse it (it prices raw amounts).
    Token2022InterestBearing { rate_bps: i16 },
}

impl MintKind {
    pub fn token_program(self) -> Pubkey {
        match self {
            MintKind::SplToken => anchor_spl::token::ID,
            _ => anchor_spl::token_2022::ID,
        }
    }

    /// Bytes of the mint account.
    pub fn space(self) -> usize {
        let ext: &[ExtensionType] = match self {
            MintKind::SplToken | MintKind::Token2022 => &[],
            MintKind::Token2022TransferFee { .. } => &[ExtensionType::TransferFeeConfig],
            MintKind::Token2022PermanentDelegate => &[ExtensionType::PermanentDelegate],
            MintKind::Token2022CloseAuthority => &[ExtensionType::MintCloseAuthority],
            MintKind::Token2022InterestBearing { .. } => &[ExtensionType::InterestBearingConfig],
        };
        ExtensionType::try_calculate_account_len::<t22::state::Mint>(ext).unwrap_or(82)
    }

    /// The instructions that create and initialise `mint` with `authority` as mint
    /// authority (and extension authority), funded with `rent` lamports by `payer`.
    pub fn create_instructions(
        self,
        payer: &Pubkey,
        mint: &Pubkey,
        authority: &Pubkey,
        decimals: u8,
        rent: u64,
    ) -> Vec<Instruction> {
        let program = self.token_program();
        let mut ixs = vec![system_instruction::create_account(
            payer,
            mint,
            rent,
            self.space() as u64,
            &program,
        )];
        match self {
            MintKind::Token2022TransferFee { bps, max_fee } => ixs.push(
                t22::extension::transfer_fee::instruction::initialize_transfer_fee_config(
                    &program,
                    mint,
                    Some(authority),
                    Some(authority),
                    bps,
                    max_fee,
                )
                .expect("token-2022 program id"),
            ),
            MintKind::Token2022PermanentDelegate => ixs.push(
                t22::instruction::initialize_permanent_delegate(&program, mint, authority)
                    .expect("token-2022 program id"),
            ),
            MintKind::Token2022CloseAuthority => ixs.push(
                t22::instruction::initialize_mint_close_authority(&program, mint, Some(authority))
                    .expect("token-2022 program id"),
            ),
            MintKind::Token2022InterestBearing { rate_bps } => ixs.push(
                t22::extension::interest_bearing_mint::instruction::initialize(
                    &program,
                    mint,
                    Some(*authority),
                    rate_bps,
                )
                .expect("token-2022 program id"),
            ),
            MintKind::SplToken | MintKind::Token2022 => {}
        }
        ixs.push(
            t22::instruction::initialize_mint2(&program, mint, authority, None, decimals)
                .expect("token program id"),
        );
        ixs
    }
}

/// `create_associated_token_account` for any owner (PDAs included).
pub fn create_ata_instruction(
    payer: &Pubkey,
    owner: &Pubkey,
    mint: &Pubkey,
    program: &Pubkey,
) -> Instruction {
    ata_interface::instruction::create_associated_token_account(payer, owner, mint, program)
}

/// `mint_to` under either token program.
pub fn mint_to_instruction(
    program: &Pubkey,
    mint: &Pubkey,
    to: &Pubkey,
    authority: &Pubkey,
    amount: u64,
) -> Instruction {
    t22::instruction::mint_to(program, mint, to, authority, &[], amount).expect("token program id")
}

/// A token account's balance, from its raw bytes (SPL Token or Token-2022).
pub fn token_balance(data: &[u8]) -> Option<u64> {
    StateWithExtensions::<t22::state::Account>::unpack(data)
        .ok()
        .map(|s| s.base.amount)
}

/// An account as the ledger holds it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RawAccount {
    pub lamports: u64,
    pub owner: Pubkey,
    pub data: Vec<u8>,
}

/// Wire size in bytes of the legacy transaction that `payer` would send with `ixs`:
/// signatures, message header, the distinct account keys, the blockhash and the compiled
/// instructions, each list with its compact-u16 length.
pub fn legacy_transaction_size(payer: &Pubkey, ixs: &[Instruction]) -> usize {
    fn short_vec(n: usize) -> usize {
        match n {
            0..=0x7f => 1,
            0x80..=0x3fff => 2,
            _ => 3,
        }
    }
    let mut keys: Vec<Pubkey> = vec![*payer];
    let mut signers: Vec<Pubkey> = vec![*payer];
    for ix in ixs {
        for m in &ix.accounts {
            if !keys.contains(&m.pubkey) {
                keys.push(m.pubkey);
            }
            if m.is_signer && !signers.contains(&m.pubkey) {
                signers.push(m.pubkey);
            }
        }
        if !keys.contains(&ix.program_id) {
            keys.push(ix.program_id);
        }
    }
    let compiled: usize = ixs
        .iter()
        .map(|ix| {
            1 + short_vec(ix.accounts.len())
                + ix.accounts.len()
                + short_vec(ix.data.len())
                + ix.data.len()
        })
        .sum();
    short_vec(signers.len())
        + 64 * signers.len()
        + 3
        + short_vec(keys.len())
        + 32 * keys.len()
        + 32
        + short_vec(ixs.len())
        + compiled
}

/// A refused (or failed) transaction.
#[derive(Clone, Debug)]
pub struct Refusal {
    /// `InstructionError::Custom(code)`, if that is how it failed.
    pub code: Option<u32>,
    /// The runtime's error, as text.
    pub error: String,
    pub logs: Vec<String>,
}

impl Refusal {
    pub fn custom_code(&self) -> Option<u32> {
        self.code
    }

    /// "Name: message" of the program's refusal, or the runtime error.
    pub fn reason(&self) -> String {
        match self.code {
            Some(c) => crate::errors::describe(c),
            None => self.error.clone(),
        }
    }
}

/// A processed transaction.
#[derive(Clone, Debug, Default)]
pub struct Receipt {
    pub logs: Vec<String>,
    /// Compute units (meaningful on SBF; natively compiled programs report little).
    pub compute_units: u64,
    /// Serialized transaction size in bytes.
    pub size: usize,
    /// What the last instruction that set return data returned (a view's answer).
    pub return_data: Vec<u8>,
}

/// One transaction as the chain recorded it: landed, and either succeeded or failed (a
/// failed transaction that landed paid its fee; one refused by a cluster's preflight
/// simulation never landed and is not here).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TxRecord {
    /// The first signature, base58.
    pub signature: String,
    pub slot: u64,
    /// The block's unix time, if the chain keeps it.
    pub time: Option<i64>,
    /// `None`: it succeeded. `Some(text)`: the runtime's error.
    pub error: Option<String>,
    /// `InstructionError::Custom(code)`, if that is how it failed.
    pub code: Option<u32>,
    pub logs: Vec<String>,
    /// The cluster listed the signature but no longer returns the transaction (a pruned
    /// ledger): only its signature and slot are known.
    pub missing: bool,
}

/// A chain Halo code can drive. The payer signs and pays every transaction.
#[allow(async_fn_in_trait)]
pub trait Ledger {
    fn payer_key(&self) -> Pubkey;

    /// A fresh keypair for a new actor, mint or account. Random by default; a ledger may
    /// make them deterministic (the bench's does, so its compute figures repeat: PDA bump
    /// searches depend on the keys).
    fn new_keypair(&mut self) -> Keypair {
        Keypair::new()
    }

    /// Sends one transaction; `signers` are the signers besides the payer.
    async fn send(&mut self, ixs: &[Instruction], signers: &[&Keypair])
        -> Result<Receipt, Refusal>;

    async fn now(&mut self) -> i64;

    /// Sets the chain's unix time (the clock warp).
    async fn set_time(&mut self, unix_timestamp: i64);

    async fn raw_account(&mut self, address: &Pubkey) -> Option<RawAccount>;

    /// Lamports for rent exemption of `space` bytes.
    async fn rent(&mut self, space: usize) -> u64;

    /// Writes an account directly (local chains only): how tests and the demo stand in for
    /// programs that do not run here, such as Pyth's receiver.
    async fn set_account(&mut self, address: &Pubkey, account: RawAccount);

    /// Every account `program` owns, in address order: what `halo status` and `halo check`
    /// read. A chain that cannot list them says so.
    async fn program_accounts(
        &mut self,
        program: &Pubkey,
    ) -> Result<Vec<(Pubkey, RawAccount)>, String> {
        Err(format!(
            "this chain cannot list the accounts of program {program}"
        ))
    }

    /// Every landed transaction that named one of `programs`, oldest first by slot, at
    /// most `limit` of the newest. Within a slot, the order the chain ran them where the
    /// chain can tell (see each implementation). A chain that keeps no history says so.
    async fn history(
        &mut self,
        programs: &[Pubkey],
        limit: usize,
    ) -> Result<Vec<TxRecord>, String> {
        let _ = (programs, limit);
        Err("this chain keeps no transaction history".into())
    }

    async fn account_data(&mut self, address: &Pubkey) -> Option<Vec<u8>> {
        self.raw_account(address).await.map(|a| a.data)
    }

    /// Lamports, owner and data of each address (`None` where no account exists), for
    /// "nothing changed" assertions.
    async fn fingerprint(&mut self, addresses: &[Pubkey]) -> Vec<Option<RawAccount>> {
        let mut out = Vec::with_capacity(addresses.len());
        for a in addresses {
            out.push(self.raw_account(a).await);
        }
        out
    }

    /// Sends and panics with the logs if the transaction fails.
    async fn must(&mut self, ixs: &[Instruction], signers: &[&Keypair]) -> Receipt {
        match self.send(ixs, signers).await {
            Ok(ok) => ok,
            Err(f) => panic!(
                "transaction failed: {} ({})\n{}",
                f.reason(),
                f.error,
                f.logs.join("\n")
            ),
        }
    }

    /// Moves the chain's time forward (or back, with a negative value).
    async fn advance(&mut self, seconds: i64) {
        let now = self.now().await;
        self.set_time(now.saturating_add(seconds)).await;
    }

    /// Decodes an Anchor account; panics if it is missing or of another type.
    async fn account<T: AccountDeserialize>(&mut self, address: &Pubkey) -> T {
        let data = self
            .account_data(address)
            .await
            .unwrap_or_else(|| panic!("account {address} missing"));
        T::try_deserialize(&mut &data[..]).expect("decode account")
    }

    /// A new keypair holding `lamports`, paid by the payer.
    async fn funded_keypair(&mut self, lamports: u64) -> Keypair {
        let k = self.new_keypair();
        let payer = self.payer_key();
        self.must(
            &[system_instruction::transfer(&payer, &k.pubkey(), lamports)],
            &[],
        )
        .await;
        k
    }

    /// Creates a mint whose mint authority is the payer.
    async fn create_mint(&mut self, kind: MintKind, decimals: u8) -> Pubkey {
        let mint = self.new_keypair();
        let payer = self.payer_key();
        let rent = self.rent(kind.space()).await;
        let ixs = kind.create_instructions(&payer, &mint.pubkey(), &payer, decimals, rent);
        self.must(&ixs, &[&mint]).await;
        mint.pubkey()
    }

    /// Creates the associated token account of `owner` (any address, PDAs included).
    async fn create_ata(&mut self, owner: &Pubkey, mint: &Pubkey, program: &Pubkey) -> Pubkey {
        let payer = self.payer_key();
        self.must(&[create_ata_instruction(&payer, owner, mint, program)], &[])
            .await;
        crate::ata(owner, mint, program)
    }

    /// Mints `amount` (the payer is the mint authority of every mint made here).
    async fn mint_to(&mut self, mint: &Pubkey, program: &Pubkey, to: &Pubkey, amount: u64) {
        let payer = self.payer_key();
        self.must(
            &[mint_to_instruction(program, mint, to, &payer, amount)],
            &[],
        )
        .await;
    }

    /// A token account's balance in base units; panics if it is not a token account.
    async fn balance(&mut self, token_account: &Pubkey) -> u64 {
        let data = self
            .account_data(token_account)
            .await
            .unwrap_or_else(|| panic!("token account {token_account} missing"));
        token_balance(&data).expect("token account")
    }
}

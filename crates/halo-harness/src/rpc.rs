//! `RpcLedger`: `halo_sdk::ledger::Ledger` over JSON-RPC (`solana-rpc-client`), for a real
//! cluster such as the local validator `halo-localnet` (Surfpool with the SBF builds).
//! Each transaction is signed with a fresh blockhash, sent and confirmed at `confirmed`;
//! a blockhash that expires before confirmation is retried with a new one, a bounded
//! number of times, then reported. A refusal carries the program's custom code and the
//! logs of the cluster's preflight simulation. Reads are at `confirmed`. `Ledger::history`
//! reads the programs' landed transactions (`getSignaturesForAddress`, `getTransaction`,
//! `getBlock` for the order within a slot).
//!
//! Clock warps and direct account writes are Surfpool's cheatcodes (`surfnet_timeTravel`,
//! `surfnet_setAccount`): on a cluster without them they are refused with a message saying
//! so (`Ledger::set_time` / `set_account` panic with it, as a scenario cannot go on).
//!
//! Surfpool's clock moves a slot time on with each block; a warp sets it to the whole
//! second. On `halo-localnet --clock wall` (a block every 400 ms) it moves on between a
//! scenario's warps; on `--clock frozen` (a block per transaction, 1 ms apart) it stands at
//! the second it was warped to, as on the embedded chains, and the seed scenarios' numbers
//! come out the same.
use anchor_lang::prelude::Pubkey;
use base64::Engine;
use halo_sdk::ledger::{Keypair, Ledger, RawAccount, Receipt, Refusal, Signer, TxRecord};
use halo_sdk::Instruction;
use serde_json::{json, Value};
use solana_commitment_config::CommitmentConfig;
use solana_rpc_client::nonblocking::rpc_client::RpcClient;
use solana_rpc_client_api::client_error::{Error as ClientError, ErrorKind};
use solana_rpc_client_api::config::RpcTransactionConfig;
use solana_rpc_client_api::request::{RpcError, RpcRequest, RpcResponseErrorData};
use solana_transaction::Transaction;
use solana_transaction_error::TransactionError;
use solana_transaction_status_client_types::option_serializer::OptionSerializer;
use solana_transaction_status_client_types::UiTransactionEncoding;

/// The Clock sysvar's address.
const CLOCK_SYSVAR: Pubkey = anchor_lang::pubkey!("SysvarC1ock11111111111111111111111111111111");

/// The Halo programs and their SBF builds' file names.
pub const PROGRAMS: [(Pubkey, &str); 6] = [
    (halo_pau::ID, "halo_pau.so"),
    (halo_oracle::ID, "halo_oracle.so"),
    (halo_trading::ID, "halo_trading.so"),
    (halo_lcts::ID, "halo_lcts.so"),
    (halo_nfat::ID, "halo_nfat.so"),
    (halo_nfat_hook::ID, "halo_nfat_hook.so"),
];

/// How many times a transaction whose blockhash expired unconfirmed is signed again.
const MAX_ATTEMPTS: usize = 3;

pub struct RpcLedger {
    client: RpcClient,
    url: String,
    payer: Keypair,
}

impl RpcLedger {
    /// A ledger on the cluster at `url`, paid by `payer`. Refused if the cluster does not
    /// answer `getHealth`.
    pub async fn connect(url: &str, payer: Keypair) -> Result<Self, String> {
        Self::connect_at(url, payer, CommitmentConfig::confirmed()).await
    }

    /// The same, reading and confirming at `commitment` (`processed`, `confirmed` or
    /// `finalized`).
    pub async fn connect_at(
        url: &str,
        payer: Keypair,
        commitment: CommitmentConfig,
    ) -> Result<Self, String> {
        let client = RpcClient::new_with_commitment(url.to_string(), commitment);
        client
            .get_health()
            .await
            .map_err(|e| format!("{url} does not answer getHealth: {e}"))?;
        Ok(Self {
            client,
            url: url.to_string(),
            payer,
        })
    }

    /// Airdrops `lamports` to `to` and waits for it (a local cluster's faucet).
    pub async fn airdrop(&self, to: &Pubkey, lamports: u64) -> Result<(), String> {
        let sig = self
            .client
            .request_airdrop(to, lamports)
            .await
            .map_err(|e| format!("airdrop to {to}: {e}"))?;
        for _ in 0..100 {
            if self
                .client
                .confirm_transaction(&sig)
                .await
                .map_err(|e| format!("airdrop to {to}: {e}"))?
            {
                return Ok(());
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        Err(format!("the airdrop to {to} ({sig}) was not confirmed"))
    }

    /// Moves the cluster's clock to `unix_timestamp` (`surfnet_timeTravel`) and waits until
    /// the Clock sysvar has it. Refused on a cluster without Surfpool's cheatcodes, or when
    /// the time is in its past.
    pub async fn time_travel(&mut self, unix_timestamp: i64) -> Result<(), String> {
        // the clock already reads that second (Surfpool refuses a warp to its own past, and
        // the blocks since the last warp are some milliseconds into this second)
        if self.clock().await == Ok(unix_timestamp) {
            return Ok(());
        }
        let ms = u64::try_from(unix_timestamp)
            .map_err(|_| format!("{unix_timestamp} is before 1970"))?
            .saturating_mul(1_000);
        self.cheatcode("surfnet_timeTravel", json!([{ "absoluteTimestamp": ms }]))
            .await?;
        // the Clock sysvar takes the new time at the next slot: wait for it
        for _ in 0..100 {
            if self.clock().await? >= unix_timestamp {
                return Ok(());
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        Err(format!(
            "{}: the clock did not reach {unix_timestamp} after surfnet_timeTravel",
            self.url
        ))
    }

    /// Resets a local Surfpool validator to its genesis (`surfnet_resetNetwork`: every
    /// account it holds is gone) and installs the Halo programs from `sbf_dir` again at
    /// their ids, upgradeable, this ledger's payer their upgrade authority (so it may
    /// `initialize_configurator`); then airdrops the payer 1,000 SOL and warps the clock to
    /// the next whole second: a fresh cluster for one scenario. Refused on a cluster
    /// without the cheatcodes.
    pub async fn reset_with_programs(&mut self, sbf_dir: &std::path::Path) -> Result<(), String> {
        const LOADER: Pubkey = anchor_lang::pubkey!("BPFLoaderUpgradeab1e11111111111111111111111");
        let programs = PROGRAMS
            .iter()
            .map(|(id, file)| {
                let path = sbf_dir.join(file);
                std::fs::read(&path).map(|so| (*id, so)).map_err(|e| {
                    format!(
                        "{} cannot be read ({e}): run scripts/build-sbf first",
                        path.display()
                    )
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        self.cheatcode("surfnet_resetNetwork", json!([])).await?;
        for (id, so) in programs {
            let (program_data, _) = Pubkey::find_program_address(&[id.as_ref()], &LOADER);
            // UpgradeableLoaderState::ProgramData { slot: 0, upgrade_authority: Some(payer) }
            let mut data = vec![3, 0, 0, 0];
            data.extend_from_slice(&0u64.to_le_bytes());
            data.push(1);
            data.extend_from_slice(self.payer.pubkey().as_ref());
            data.extend_from_slice(&so);
            // UpgradeableLoaderState::Program { programdata_address }, written second: the
            // runtime loads a program from its ProgramData
            let mut program = vec![2, 0, 0, 0];
            program.extend_from_slice(program_data.as_ref());
            for (address, data, executable) in [(program_data, data, false), (id, program, true)] {
                let lamports = self.rent_exempt(data.len()).await?;
                self.write_account(&address, lamports, &LOADER, &data, executable)
                    .await?;
            }
        }
        self.fund_and_align_clock().await
    }

    /// Airdrops the payer 1,000 SOL and warps the clock to the next whole second (from
    /// which, on a frozen clock, each block moves it 1 ms: it reads that second until the
    /// next warp).
    pub async fn fund_and_align_clock(&mut self) -> Result<(), String> {
        self.airdrop(&self.payer.pubkey(), 1_000 * 1_000_000_000)
            .await?;
        let now = self.clock().await?;
        self.time_travel(now + 1).await
    }

    /// Writes an account (`surfnet_setAccount`).
    async fn write_account(
        &self,
        address: &Pubkey,
        lamports: u64,
        owner: &Pubkey,
        data: &[u8],
        executable: bool,
    ) -> Result<(), String> {
        self.cheatcode(
            "surfnet_setAccount",
            json!([address.to_string(), {
                "lamports": lamports,
                "owner": owner.to_string(),
                "data": hex_of(data),
                "executable": executable,
            }]),
        )
        .await
        .map(|_| ())
    }

    /// The Clock sysvar's unix time, at `confirmed`.
    async fn clock(&self) -> Result<i64, String> {
        let clock = self
            .client
            .get_account_with_commitment(&CLOCK_SYSVAR, self.client.commitment())
            .await
            .map_err(|e| format!("getAccountInfo (Clock) on {}: {e}", self.url))?
            .value
            .ok_or_else(|| format!("{} has no Clock sysvar", self.url))?;
        clock
            .data
            .get(32..40)
            .map(|b| i64::from_le_bytes(b.try_into().expect("8 bytes")))
            .ok_or_else(|| format!("{}: the Clock sysvar is too short", self.url))
    }

    async fn rent_exempt(&self, space: usize) -> Result<u64, String> {
        self.client
            .get_minimum_balance_for_rent_exemption(space)
            .await
            .map_err(|e| format!("getMinimumBalanceForRentExemption on {}: {e}", self.url))
    }

    /// A Surfpool cheatcode; refused (with what it means) on a cluster without them.
    async fn cheatcode(&self, method: &'static str, params: Value) -> Result<Value, String> {
        self.client
            .send::<Value>(RpcRequest::Custom { method }, params)
            .await
            .map_err(|e| match e.kind() {
                ErrorKind::RpcError(RpcError::RpcResponseError { code: -32601, .. }) => format!(
                    "{method} is a Surfpool cheatcode: {} is not a local Surfpool validator",
                    self.url
                ),
                _ => format!("{method} on {}: {e}", self.url),
            })
    }

    /// `found` (oldest first by slot) with each slot that holds several signatures in its
    /// block's order (`getBlock`, signatures only); a slot the cluster cannot return keeps
    /// the order it had.
    async fn block_order(
        &self,
        mut found: Vec<(u64, String)>,
        commitment: solana_commitment_config::CommitmentLevel,
    ) -> Vec<(u64, String)> {
        let mut i = 0;
        while i < found.len() {
            let slot = found[i].0;
            let end = i + found[i..].iter().take_while(|(s, _)| *s == slot).count();
            if end - i > 1 {
                let block: Option<Value> = self
                    .client
                    .send(
                        RpcRequest::GetBlock,
                        json!([slot, {
                            "encoding": "json",
                            "transactionDetails": "signatures",
                            "rewards": false,
                            "commitment": commitment,
                            "maxSupportedTransactionVersion": 0,
                        }]),
                    )
                    .await
                    .ok();
                let order: Vec<&str> = block
                    .as_ref()
                    .and_then(|b| b["signatures"].as_array())
                    .map(|l| l.iter().filter_map(Value::as_str).collect())
                    .unwrap_or_default();
                if !order.is_empty() {
                    found[i..end].sort_by_key(|(_, sig)| {
                        order.iter().position(|o| o == sig).unwrap_or(usize::MAX)
                    });
                }
            }
            i = end;
        }
        found
    }

    /// The refusal a failed send means, or `None` when it is worth signing again (the
    /// blockhash expired or the transaction was dropped).
    fn refusal(e: &ClientError) -> Option<Refusal> {
        let (error, logs) = match e.kind() {
            ErrorKind::RpcError(RpcError::RpcResponseError {
                data: RpcResponseErrorData::SendTransactionPreflightFailure(sim),
                ..
            }) => (
                sim.err.clone().map(TransactionError::from),
                sim.logs.clone().unwrap_or_default(),
            ),
            other => (other.get_transaction_error(), Vec::new()),
        };
        match error {
            Some(TransactionError::BlockhashNotFound) => None,
            Some(err) => {
                let code = match &err {
                    TransactionError::InstructionError(
                        _,
                        solana_instruction_error::InstructionError::Custom(c),
                    ) => Some(*c),
                    _ => None,
                };
                Some(Refusal {
                    code,
                    error: format!("{err:?}"),
                    logs,
                })
            }
            None if e.to_string().contains("unable to confirm transaction") => None,
            None => Some(Refusal {
                code: None,
                error: e.to_string(),
                logs,
            }),
        }
    }
}

impl Ledger for RpcLedger {
    fn payer_key(&self) -> Pubkey {
        self.payer.pubkey()
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
        let size = halo_sdk::ledger::legacy_transaction_size(&self.payer.pubkey(), ixs);
        let mut last = String::new();
        for _ in 0..MAX_ATTEMPTS {
            let blockhash = self
                .client
                .get_latest_blockhash()
                .await
                .map_err(|e| Refusal {
                    code: None,
                    error: format!("getLatestBlockhash: {e}"),
                    logs: vec![],
                })?;
            let tx = Transaction::new_signed_with_payer(
                ixs,
                Some(&self.payer.pubkey()),
                &all,
                blockhash,
            );
            let signature = match self.client.send_and_confirm_transaction(&tx).await {
                Ok(s) => s,
                Err(e) => match Self::refusal(&e) {
                    Some(refusal) => return Err(refusal),
                    None => {
                        last = e.to_string();
                        continue;
                    }
                },
            };
            let confirmed = self
                .client
                .get_transaction_with_config(
                    &signature,
                    RpcTransactionConfig {
                        encoding: Some(UiTransactionEncoding::Json),
                        commitment: Some(CommitmentConfig::confirmed()),
                        max_supported_transaction_version: Some(0),
                    },
                )
                .await
                .map_err(|e| Refusal {
                    code: None,
                    error: format!("{signature} confirmed but not readable: {e}"),
                    logs: vec![],
                })?;
            let meta = confirmed.transaction.meta.unwrap_or_else(|| {
                panic!("{signature}: the cluster returned no transaction status")
            });
            let logs = match meta.log_messages {
                OptionSerializer::Some(l) => l,
                _ => vec![],
            };
            let compute_units = match meta.compute_units_consumed {
                OptionSerializer::Some(c) => c,
                _ => 0,
            };
            let return_data = match meta.return_data {
                OptionSerializer::Some(r) => base64::engine::general_purpose::STANDARD
                    .decode(r.data.0)
                    .unwrap_or_default(),
                _ => vec![],
            };
            return Ok(Receipt {
                logs,
                compute_units,
                size,
                return_data,
            });
        }
        Err(Refusal {
            code: None,
            error: format!("not confirmed after {MAX_ATTEMPTS} blockhashes: {last}"),
            logs: vec![],
        })
    }

    async fn now(&mut self) -> i64 {
        self.clock().await.unwrap_or_else(|e| panic!("{e}"))
    }

    async fn set_time(&mut self, unix_timestamp: i64) {
        self.time_travel(unix_timestamp)
            .await
            .unwrap_or_else(|e| panic!("{e}"));
    }

    async fn raw_account(&mut self, address: &Pubkey) -> Option<RawAccount> {
        self.client
            .get_account_with_commitment(address, self.client.commitment())
            .await
            .unwrap_or_else(|e| panic!("getAccountInfo {address} on {}: {e}", self.url))
            .value
            .map(|a| RawAccount {
                lamports: a.lamports,
                owner: a.owner,
                data: a.data,
            })
    }

    async fn rent(&mut self, space: usize) -> u64 {
        self.rent_exempt(space)
            .await
            .unwrap_or_else(|e| panic!("{e}"))
    }

    /// `getProgramAccounts` (base64) at the ledger's commitment.
    async fn program_accounts(
        &mut self,
        program: &Pubkey,
    ) -> Result<Vec<(Pubkey, RawAccount)>, String> {
        let answer: Value = self
            .client
            .send(
                RpcRequest::GetProgramAccounts,
                json!([program.to_string(), {
                    "encoding": "base64",
                    "commitment": self.client.commitment().commitment,
                }]),
            )
            .await
            .map_err(|e| format!("getProgramAccounts {program} on {}: {e}", self.url))?;
        let bad = |what: &str| format!("getProgramAccounts {program} on {}: {what}", self.url);
        let list = answer
            .as_array()
            .or_else(|| answer.get("value").and_then(Value::as_array))
            .ok_or_else(|| bad("not a list of accounts"))?;
        let mut out = Vec::with_capacity(list.len());
        for keyed in list {
            let address: Pubkey = keyed["pubkey"]
                .as_str()
                .and_then(|k| k.parse().ok())
                .ok_or_else(|| bad("an entry without a pubkey"))?;
            let account = &keyed["account"];
            let owner: Pubkey = account["owner"]
                .as_str()
                .and_then(|k| k.parse().ok())
                .ok_or_else(|| bad("an account without an owner"))?;
            let data = account["data"][0]
                .as_str()
                .and_then(|d| base64::engine::general_purpose::STANDARD.decode(d).ok())
                .ok_or_else(|| bad("account data not in base64"))?;
            out.push((
                address,
                RawAccount {
                    lamports: account["lamports"].as_u64().unwrap_or(0),
                    owner,
                    data,
                },
            ));
        }
        out.sort_by_key(|(k, _)| *k);
        Ok(out)
    }

    /// `getSignaturesForAddress` for each program (newest first, `limit` at most, pages
    /// of 1,000), then `getTransaction` for each signature. A transaction that names
    /// several programs is read once. Oldest first by slot; a slot that holds several of
    /// them is put in the block's order with `getBlock` (signatures only), or, where the
    /// cluster cannot say (a pruned block), left in the lists' order. Read at the ledger's
    /// commitment, but never below `confirmed` (the history methods refuse `processed`).
    /// A signature whose transaction the cluster no longer returns is kept as `missing`.
    async fn history(
        &mut self,
        programs: &[Pubkey],
        limit: usize,
    ) -> Result<Vec<TxRecord>, String> {
        let commitment = if self.client.commitment().is_at_least_confirmed() {
            self.client.commitment().commitment
        } else {
            CommitmentConfig::confirmed().commitment
        };
        // (slot, signature), newest first per program
        let mut found: Vec<(u64, String)> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for program in programs {
            let mut before: Option<String> = None;
            let mut taken = 0usize;
            while taken < limit {
                let page = (limit - taken).min(1_000);
                let mut config = json!({"limit": page, "commitment": commitment});
                if let Some(b) = &before {
                    config["before"] = json!(b);
                }
                let answer: Value = self
                    .client
                    .send(
                        RpcRequest::GetSignaturesForAddress,
                        json!([program.to_string(), config]),
                    )
                    .await
                    .map_err(|e| {
                        format!("getSignaturesForAddress {program} on {}: {e}", self.url)
                    })?;
                let list = answer.as_array().ok_or_else(|| {
                    format!(
                        "getSignaturesForAddress {program} on {}: not a list",
                        self.url
                    )
                })?;
                for entry in list {
                    let (Some(sig), Some(slot)) =
                        (entry["signature"].as_str(), entry["slot"].as_u64())
                    else {
                        return Err(format!(
                            "getSignaturesForAddress {program} on {}: an entry without a signature or slot",
                            self.url
                        ));
                    };
                    if seen.insert(sig.to_string()) {
                        found.push((slot, sig.to_string()));
                    }
                }
                taken += list.len();
                before = list
                    .last()
                    .and_then(|e| e["signature"].as_str())
                    .map(str::to_string);
                if list.len() < page || list.is_empty() {
                    break;
                }
            }
        }
        // oldest first: each list is newest first, so reverse, then a stable sort by slot
        found.reverse();
        found.sort_by_key(|(slot, _)| *slot);
        let skip = found.len().saturating_sub(limit);
        let found = self.block_order(found.split_off(skip), commitment).await;
        let mut out = Vec::with_capacity(found.len());
        for (slot, signature) in found {
            let tx: Value = self
                .client
                .send(
                    RpcRequest::GetTransaction,
                    json!([signature, {
                        "encoding": "json",
                        "commitment": commitment,
                        "maxSupportedTransactionVersion": 0,
                    }]),
                )
                .await
                .map_err(|e| format!("getTransaction {signature} on {}: {e}", self.url))?;
            let meta = &tx["meta"];
            let err = &meta["err"];
            let code = err["InstructionError"][1]["Custom"]
                .as_u64()
                .and_then(|c| u32::try_from(c).ok());
            let logs: Option<Vec<String>> = meta["logMessages"].as_array().map(|l| {
                l.iter()
                    .filter_map(|m| m.as_str().map(str::to_string))
                    .collect()
            });
            out.push(TxRecord {
                signature,
                slot,
                time: tx["blockTime"].as_i64(),
                error: (!meta.is_null() && !err.is_null()).then(|| err.to_string()),
                code,
                missing: meta.is_null() || logs.is_none(),
                logs: logs.unwrap_or_default(),
            });
        }
        Ok(out)
    }

    async fn set_account(&mut self, address: &Pubkey, account: RawAccount) {
        self.write_account(
            address,
            account.lamports,
            &account.owner,
            &account.data,
            false,
        )
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    }
}

fn hex_of(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A running `halo-localnet` (Surfpool with the SBF builds), on free ports; killed when
/// dropped, also when a test fails or a scenario errs, and it exits by itself should this
/// process die first (its standard input closes).
pub struct Localnet {
    child: std::process::Child,
    rpc: String,
}

impl Localnet {
    /// Starts `bin` with `upgrade_authority` recorded as every program's upgrade authority
    /// (the key that may `initialize_configurator`), the programs from `sbf_dir` (else the
    /// binary's own default, its clone's `target/sbf`), once it serves. `frozen_clock`: a
    /// block per transaction and a clock that moves only when warped (`--clock frozen`), as
    /// the seed scenarios' numbers need.
    pub fn start(
        bin: &std::path::Path,
        upgrade_authority: &Pubkey,
        sbf_dir: Option<&std::path::Path>,
        frozen_clock: bool,
    ) -> Result<Self, String> {
        use std::io::BufRead;
        use std::process::{Command, Stdio};
        let mut command = Command::new(bin);
        command
            .args(["--upgrade-authority", &upgrade_authority.to_string()])
            // cargo's, for this process: halo-localnet would read its programs beside it
            .env_remove("CARGO_MANIFEST_DIR")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit());
        if let Some(dir) = sbf_dir {
            command.arg("--sbf-dir").arg(dir);
        }
        if frozen_clock {
            command.args(["--clock", "frozen"]);
        }
        let mut child = command
            .spawn()
            .map_err(|e| format!("{}: {e}", bin.display()))?;
        let mut out = std::io::BufReader::new(child.stdout.take().expect("piped stdout"));
        let mut line = String::new();
        let read = out.read_line(&mut line);
        let words: Vec<&str> = line.split_whitespace().collect();
        match (read, words.as_slice()) {
            (Ok(_), ["rpc", url, "ws", _]) => {
                let rpc = url.to_string();
                // whatever it prints later is read and dropped, so it never blocks on a pipe
                std::thread::spawn(move || std::io::copy(&mut out, &mut std::io::sink()));
                Ok(Self { child, rpc })
            }
            (r, _) => {
                let _ = child.kill();
                let _ = child.wait();
                Err(format!(
                    "{} did not start: it said {line:?} ({r:?})",
                    bin.display()
                ))
            }
        }
    }

    /// Its JSON-RPC URL (`http://127.0.0.1:PORT`).
    pub fn url(&self) -> &str {
        &self.rpc
    }

    /// A ledger on it, paid by `payer` (which this airdrops 1,000 SOL), the clock at a
    /// whole second (`RpcLedger::fund_and_align_clock`).
    pub async fn ledger(&self, payer: Keypair) -> Result<RpcLedger, String> {
        let mut ledger = RpcLedger::connect(&self.rpc, payer).await?;
        ledger.fund_and_align_clock().await?;
        Ok(ledger)
    }
}

impl Drop for Localnet {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The `halo-localnet` binary: `$HALO_LOCALNET`, else the bench's target directory
/// (`$CARGO_TARGET_DIR/bench` or `target/bench`, where scripts/test builds it).
pub fn localnet_binary() -> Result<std::path::PathBuf, String> {
    use std::path::PathBuf;
    if let Some(p) = std::env::var_os("HALO_LOCALNET") {
        let p = PathBuf::from(p);
        return if p.is_file() {
            Ok(p)
        } else {
            Err(format!(
                "HALO_LOCALNET names {}, which is not a file",
                p.display()
            ))
        };
    }
    // this workspace's target directory (the crate's own path: the current directory of a
    // `cargo test` is the crate's, not the workspace's)
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target"));
    ["debug", "release"]
        .iter()
        .map(|profile| target.join("bench").join(profile).join("halo-localnet"))
        .find(|p| p.is_file())
        .ok_or_else(|| {
            "the halo-localnet binary (Surfpool with the SBF builds) is not built: run \
             `scripts/build-sbf` and `cargo build --manifest-path bench/Cargo.toml --target-dir \
             \"${CARGO_TARGET_DIR:-target}/bench\" --bin halo-localnet`, or set HALO_LOCALNET to its path"
                .to_string()
        })
}

// Shared by the LiteSVM tests: one VM with the SBF builds loaded, what deploying through
// the upgradeable loader leaves on a real cluster (for a VM that loads the programs
// directly with `addProgramFromFile`), and the SPL Token instructions the tests need.
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Keypair, PublicKey, SystemProgram, Transaction, TransactionInstruction } from "@solana/web3.js";
import { address, getTransactionDecoder, lamports } from "@solana/kit";
import { FailedTransactionMetadata, LiteSVM } from "litesvm";
import { ASSOCIATED_TOKEN_PROGRAM_ID, ata, BPF_LOADER_UPGRADEABLE_PROGRAM_ID, pda, TOKEN_PROGRAM_ID } from "../src/pda.ts";
import { PAU_PROGRAM_ID } from "../src/program.ts";
import { errorFromCode } from "../src/errors.ts";
import { PauClient, type TimelockAction } from "../src/pau.ts";

/**
 * Writes `program`'s ProgramData account (the upgradeable loader's PDA of its id) with
 * `authority` as its upgrade authority, as crates/halo-harness's `install_program_data`
 * does: bincode of `UpgradeableLoaderState::ProgramData { slot: 0, upgrade_authority:
 * Some(authority) }` (u32 LE 3, u64 LE slot, u8 1, the key). halo_pau's
 * `initializeConfigurator` must be signed by that key.
 */
export function installProgramData(svm: LiteSVM, authority: PublicKey, program: PublicKey = PAU_PROGRAM_ID): PublicKey {
  const programData = pda.programData(program)[0];
  const data = Buffer.alloc(4 + 8 + 1 + 32);
  data.writeUInt32LE(3, 0);
  data.writeBigUInt64LE(0n, 4);
  data[12] = 1;
  authority.toBuffer().copy(data, 13);
  svm.setAccount({
    address: address(programData.toBase58()),
    data,
    executable: false,
    lamports: lamports(svm.minimumBalanceForRentExemption(BigInt(data.length))),
    programAddress: address(BPF_LOADER_UPGRADEABLE_PROGRAM_ID.toBase58()),
    space: BigInt(data.length),
  });
  return programData;
}

// ---- one LiteSVM with the SBF builds loaded --------------------------------------------

/** `target/sbf/<name>.so`, written by scripts/build-sbf. */
export const so = (name: string) => fileURLToPath(new URL(`../../target/sbf/${name}.so`, import.meta.url));

/** A transaction's outcome: the custom error code (-1: another failure; null on success), its logs and compute units. */
export interface Sent {
  code: number | null;
  logs: string[];
  computeUnits: bigint;
}

/**
 * A LiteSVM with `programs` loaded from their SBF builds, a funded payer recorded as
 * halo_pau's upgrade authority, and the clock at `t0` when given. Every LiteSVM test of a
 * program's transactions goes through it.
 */
export class Vm {
  readonly svm = new LiteSVM();
  readonly payer = Keypair.generate();
  constructor(programs: readonly (readonly [PublicKey, string])[], t0?: bigint) {
    for (const [id, name] of programs) {
      assert.ok(existsSync(so(name)), `${so(name)} is missing: run scripts/build-sbf first`);
      this.svm.addProgramFromFile(address(id.toBase58()), so(name));
    }
    this.fund(this.payer.publicKey, 1_000_000_000_000n);
    // the payer deployed halo_pau: its ProgramData names it the upgrade authority
    installProgramData(this.svm, this.payer.publicKey);
    if (t0 !== undefined) this.setTime(t0);
  }
  fund(pk: PublicKey, amount = 100_000_000_000n) {
    this.svm.airdrop(address(pk.toBase58()), lamports(amount));
  }
  private tx(ixs: TransactionInstruction[], signers: Keypair[]) {
    const tx = new Transaction().add(...ixs);
    tx.recentBlockhash = this.svm.latestBlockhash();
    tx.feePayer = this.payer.publicKey;
    tx.sign(this.payer, ...signers);
    return getTransactionDecoder().decode(tx.serialize());
  }
  /** Sends one transaction (signed by the payer and `signers`). */
  sent(ixs: TransactionInstruction[], signers: Keypair[] = []): Sent {
    const res = this.svm.sendTransaction(this.tx(ixs, signers));
    this.svm.expireBlockhash();
    if (res instanceof FailedTransactionMetadata) {
      const err = res.err() as { err?: () => { code?: number } };
      const code = typeof err.err === "function" ? err.err().code : undefined;
      const logs = res.meta().logs();
      if (code === undefined) console.error(res.err(), logs);
      return { code: code ?? -1, logs, computeUnits: res.meta().computeUnitsConsumed() };
    }
    return { code: null, logs: res.logs(), computeUnits: res.computeUnitsConsumed() };
  }
  /** Sends one transaction; the custom error code on failure, null on success. */
  send(ixs: TransactionInstruction[], signers: Keypair[] = []): number | null {
    return this.sent(ixs, signers).code;
  }
  /** Sends one transaction; the custom error's name on failure, null on success. */
  error(ixs: TransactionInstruction[], signers: Keypair[] = []): string | null {
    const code = this.send(ixs, signers);
    return code === null ? null : (errorFromCode(code)?.name ?? `code ${code}`);
  }
  /** Simulates a view; its return data, which must be the instruction's program's (LiteSVM hands it back whole, a cluster trims its trailing zeros). */
  view(ix: TransactionInstruction): Uint8Array {
    const res = this.svm.simulateTransaction(this.tx([ix], []));
    if (res instanceof FailedTransactionMetadata) throw new Error(`view refused: ${res.meta().logs().join("\n")}`);
    const r = res.meta().returnData();
    assert.equal(new PublicKey(r.programId()).toBase58(), ix.programId.toBase58(), "the return data is the view's program's");
    return r.data();
  }
  now(): bigint {
    return this.svm.getClock().unixTimestamp;
  }
  setTime(ts: bigint) {
    const c = this.svm.getClock();
    c.unixTimestamp = ts;
    this.svm.setClock(c);
  }
  warp(seconds: bigint) {
    this.setTime(this.now() + seconds);
  }
  exists(pk: PublicKey): boolean {
    return this.svm.getAccount(address(pk.toBase58())).exists;
  }
  data(pk: PublicKey): Uint8Array {
    const a = this.svm.getAccount(address(pk.toBase58()));
    assert.ok(a.exists, `account ${pk.toBase58()} missing`);
    return a.data;
  }
  /** Each account's owner, lamports and data (null when missing): "the state unchanged". */
  fingerprint(keys: PublicKey[]): (string | null)[] {
    return keys.map((k) => {
      const a = this.svm.getAccount(address(k.toBase58()));
      return a.exists ? `${a.programAddress}:${a.lamports}:${Buffer.from(a.data).toString("hex")}` : null;
    });
  }
  /** Token balance (amount at offset 64, SPL Token and Token-2022 alike). */
  balance(account: PublicKey): bigint {
    return Buffer.from(this.data(account)).readBigUInt64LE(64);
  }
  /** A token account's owner (offset 32). */
  tokenOwner(account: PublicKey): PublicKey {
    return new PublicKey(this.data(account).subarray(32, 64));
  }
  /** A mint's base fields: mint authority (COption at 0), supply (36), decimals (44). */
  mint(mint: PublicKey): { mintAuthority: PublicKey | null; supply: bigint; decimals: number } {
    const d = Buffer.from(this.data(mint));
    return {
      mintAuthority: d.readUInt32LE(0) === 1 ? new PublicKey(d.subarray(4, 36)) : null,
      supply: d.readBigUInt64LE(36),
      decimals: d[44],
    };
  }
  rent(space: number): number {
    return Number(this.svm.minimumBalanceForRentExemption(BigInt(space)));
  }
}

// ---- SPL Token / ATA instructions (InitializeMint2, CreateIdempotent, MintTo, Transfer) --

/** A new SPL Token mint of `decimals`, the payer its mint authority. */
/** What the SPL helpers need of a chain: its fee payer and its rent (a `Vm`, or a cluster
 * over JSON-RPC with the rent read beforehand). */
export interface Payer {
  readonly payer: Keypair;
  rent(space: number): number;
}

export function createMint(vm: Payer, mint: Keypair, decimals: number): TransactionInstruction[] {
  const payer = vm.payer.publicKey;
  return [
    SystemProgram.createAccount({
      fromPubkey: payer,
      newAccountPubkey: mint.publicKey,
      lamports: vm.rent(82),
      space: 82,
      programId: TOKEN_PROGRAM_ID,
    }),
    new TransactionInstruction({
      programId: TOKEN_PROGRAM_ID,
      keys: [{ pubkey: mint.publicKey, isSigner: false, isWritable: true }],
      data: Buffer.concat([Buffer.from([20, decimals]), payer.toBuffer(), Buffer.from([0])]),
    }),
  ];
}

/** `owner`'s associated token account of `mint` and its `CreateIdempotent` instruction (the payer pays). */
export function createAta(vm: Payer, owner: PublicKey, mint: PublicKey, tokenProgram = TOKEN_PROGRAM_ID): [PublicKey, TransactionInstruction] {
  const account = ata(owner, mint, tokenProgram);
  return [
    account,
    new TransactionInstruction({
      programId: ASSOCIATED_TOKEN_PROGRAM_ID,
      keys: [
        { pubkey: vm.payer.publicKey, isSigner: true, isWritable: true },
        { pubkey: account, isSigner: false, isWritable: true },
        { pubkey: owner, isSigner: false, isWritable: false },
        { pubkey: mint, isSigner: false, isWritable: false },
        { pubkey: SystemProgram.programId, isSigner: false, isWritable: false },
        { pubkey: tokenProgram, isSigner: false, isWritable: false },
      ],
      data: Buffer.from([1]),
    }),
  ];
}

/** SPL Token `MintTo` of `amount` to `to`, signed by the payer (the mint authority). */
export function mintTo(vm: Payer, mint: PublicKey, to: PublicKey, amount: bigint): TransactionInstruction {
  const data = Buffer.alloc(9);
  data[0] = 7;
  data.writeBigUInt64LE(amount, 1);
  return new TransactionInstruction({
    programId: TOKEN_PROGRAM_ID,
    keys: [
      { pubkey: mint, isSigner: false, isWritable: true },
      { pubkey: to, isSigner: false, isWritable: true },
      { pubkey: vm.payer.publicKey, isSigner: true, isWritable: false },
    ],
    data,
  });
}

/** SPL Token `Transfer` of `amount` from `from` (owned by `owner`) to `to`. */
export function transfer(from: PublicKey, to: PublicKey, owner: PublicKey, amount: bigint): TransactionInstruction {
  const data = Buffer.alloc(9);
  data[0] = 3;
  data.writeBigUInt64LE(amount, 1);
  return new TransactionInstruction({
    programId: TOKEN_PROGRAM_ID,
    keys: [
      { pubkey: from, isSigner: false, isWritable: true },
      { pubkey: to, isSigner: false, isWritable: true },
      { pubkey: owner, isSigner: true, isWritable: false },
    ],
    data,
  });
}

// ---- a Halo PDA's two PAU routes, through the timelock -----------------------------------

/** One route a Halo PDA draws on: its tag, its key and its counterparty token account. */
export interface PauRoute {
  tag: string;
  key: Buffer;
  counterparty: PublicKey;
}

/**
 * A fresh PAU `controller` wired for `signer` (a unit or facility PDA), as governance and
 * GovOps do it: registration, `govops` granted, and per route its global init and the
 * signer's integration, all scheduled as ops 0.. and refused before the timelock; then
 * executed after `delay`, and GovOps opens each route's rate limit (`maxAmount`, `slope`)
 * on `mint`.
 */
export async function wirePau(
  vm: Vm,
  p: {
    admin: Keypair;
    govops: Keypair;
    controller: PublicKey;
    signer: PublicKey;
    mint: PublicKey;
    routes: PauRoute[];
    maxAmount: bigint;
    slope: bigint;
    delay: bigint;
  },
): Promise<void> {
  const pau = new PauClient();
  const { controller, signer } = p;
  const payer = vm.payer.publicKey;
  const ops: TimelockAction[] = [
    { kind: "registerPau", controller },
    { kind: "grantGovOps", controller, member: p.govops.publicKey },
    ...p.routes.flatMap((r): TimelockAction[] => [
      { kind: "addInitRateLimit", key: r.key, pau: PublicKey.default, maxAmount: p.maxAmount, slope: p.slope },
      { kind: "addIntegration", controller, signer, key: r.key },
    ]),
  ];
  const scheduled = await Promise.all(ops.map((action, opId) => pau.governance.scheduleOp({ admin: p.admin.publicKey, opId, action })));
  assert.equal(vm.error(scheduled, [p.admin]), null);
  const early = await pau.executor.executeRegisterPau({ executor: payer, opId: 0, controller });
  assert.equal(vm.error([early]), "TimelockNotElapsed");
  vm.warp(p.delay);
  const executes = [early, await pau.executor.executeGrantGovops({ payer, opId: 1, controller, member: p.govops.publicKey })];
  for (const [i, r] of p.routes.entries()) {
    const opId = 2 + 2 * i;
    executes.push(await pau.executor.executeAddInitRateLimit({ payer, opId, key: r.key, pau: PublicKey.default }));
    executes.push(await pau.executor.executeAddIntegration({ payer, opId: opId + 1, controller, signer }));
  }
  assert.equal(vm.error(executes), null);
  const limits = await Promise.all(
    p.routes.map((r) =>
      pau.govops.createRateLimit({
        member: p.govops.publicKey,
        controller,
        mint: p.mint,
        key: r.key,
        tag: r.tag,
        counterparty: r.counterparty,
        maxAmount: p.maxAmount,
        slope: p.slope,
      }),
    ),
  );
  assert.equal(vm.error(limits, [p.govops]), null);
}
